package kb.review.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.analysis.TimeoutModel;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Session 51 (RES-01): an object that makes something it owns, keeps it in a field, and has an end of life that does
 * not end it. Two readings of Java code, each needing a precise fact of the change:
 *
 * <ul>
 * <li><b>a thread owner the class's own end forgets</b>: a field given a thread owner built by the class (a model's
 * built-once entry whose {@code shows:} says it holds threads: an {@code Executors.new*} pool, a
 * {@code ThreadPoolExecutor}, a {@code Timer}, a scheduler), at its declaration or in a constructor or method, in a
 * class whose end-of-life method ({@code close}, {@code shutdown}, {@code stop}, {@code destroy}, {@code dispose},
 * {@code release}, or one annotated {@code @PreDestroy}) is in the file, where no line of the file shuts the field
 * down, cancels or closes it, hands it to a call named for an ending ({@code shutdownAndAwaitTermination(pool, ...)}),
 * puts it in a collection ({@code Arrays.asList(a, b)}, {@code List.of}, {@code add}), returns it or copies it
 * elsewhere, and the end-of-life method passes it nowhere. Only in a file the review sees whole (a new file, a
 * checkout): elsewhere the release may stand out of view. The field's line or the end-of-life method must be added.
 * Static fields are left alone (a process-wide pool is meant to live as long as the process).</li>
 * <li><b>an end-of-life method deleted whole</b>: the change deletes a method of those names (or annotated
 * {@code @PreDestroy}, {@code @After*}-free) that released a field ({@code pool.shutdown()}, {@code client.close()}),
 * while a line in view (kept or added) still assigns that field a value the class makes ({@code new X(...)}, a
 * {@code create*}/{@code new*}/{@code build*}/{@code open*}/{@code connect*} call): the object still acquires it and
 * nothing ends it (round 105's TerminalFX I/O pool, round 60's Flink lookup client). {@link RemovedReleases} and
 * {@link DeletedModelReleases} leave a release inside a deleted method alone, since a method deleted whole is often
 * moved; here it is not moved: silent when an added line declares a method of the same name, releases the field
 * again, or when the assignment is gone from the new side.</li>
 * </ul>
 * Reported at the field's acquisition. Not reported: a field assigned a plain name or a getter's value (an injected
 * dependency the object does not own), a local (RES-04's {@code PerCall} judges thread pools built per call), a
 * field another resource finding already names.
 */
final class UnreleasedOwnedFields {

    /** a Java assignment to a name, a field when the class declares it: compiled once, not once per line read. */
    private static final Pattern FIELD_ASSIGN = Pattern.compile("^\\s*(?:this\\.)?(\\w+)\\s*=(?!=)\\s*(.+)$");

    static final String RULE = "owned-field-never-released";

    /**
     * A built-once model whose object is its threads, by the model's own {@code shows:} ("a thread pool", "a thread
     * pool or timer", "a Netty event loop group"): a client that also keeps a selector thread (the JDK
     * {@code HttpClient}, which has no close before Java 21) is not one.
     */
    private static final Pattern THREAD_OWNER = Pattern.compile("(?i)^an? (?:thread pool|netty event loop group)\\b");
    /** The names of an object's end of life. */
    private static final Set<String> ENDS = Set.of("close", "shutdown", "stop", "destroy", "dispose", "release",
            "terminate", "shutdownNow");
    /** A Java method header: group 1 the name. */
    private static final Pattern METHOD = Pattern.compile(
            "^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final|synchronized|abstract"
                    + "|default)\\s+)*(?:<[^>]+>\\s+)?[\\w.<>\\[\\],?\\s]+?\\s+(\\w+)\\s*\\([^;]*$");
    /** A call on a name that ends it: group 1 the name. */
    private static final Pattern RELEASE = Pattern.compile(
            "(?<![\\w.])(?:this\\.)?(\\w+)\\s*\\.\\s*(?:shutdown|shutdownNow|close|stop|cancel|dispose|destroy|release"
                    + "|terminate|disconnect|quit|purge|awaitTermination|closeQuietly)\\w*\\s*\\(");
    /** A field declaration with an initialiser: group 1 the modifiers, group 2 the name, group 3 the value. */
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*((?:(?:private|protected|public|static|final|volatile|transient)\\s+)*)[\\w.]+(?:<[^=]*>)?\\s+"
                    + "(\\w+)\\s*=\\s*(.+)$");
    /** A field declaration without an initialiser: group 1 the modifiers, group 2 the name. */
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*((?:(?:private|protected|public|static|final|volatile|transient)\\s+)*)[\\w.]+(?:<.*>)?\\s+"
                    + "(\\w+)\\s*;");
    /** A call named for an ending, given a value: {@code shutdownAndAwaitTermination(pool, ...)}. */
    private static final Pattern ENDING_CALL = Pattern.compile(
            "(?i)(?:shut|close|stop|terminate|dispose|destroy|release|clean|quiet)\\w*\\s*\\(");
    /** A constructor call: group 1 the type, group 2 from the arguments' parenthesis on. */
    private static final Pattern NEW = Pattern.compile("\\bnew\\s+([\\w.]+)\\s*(?:<[^>]*>)?\\s*(\\(.*)$");
    /** A call: group 1 the callee text. */
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])([A-Za-z_][\\w.]*)\\s*\\(");
    /** A value the class makes: a constructor, or a factory call named for making or opening. */
    private static final Pattern MADE = Pattern.compile(
            "^(?:\\([\\w.<>]+\\)\\s*)?(?:new\\s+[\\w.]+"
                    + "|(?:[\\w.]+\\.)?(?:create|new|build|open|connect|start)\\w*\\s*\\()");

    private UnreleasedOwnedFields() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, List<TimeoutModel> pools, List<Finding> others) {
        if (file.language() != Language.JAVA) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Severity severity = catalog.item("RES-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<TimeoutModel> owners = pools.stream().filter(p -> p.language().equals("java") && p.shows() != null
                && THREAD_OWNER.matcher(p.shows()).find()).toList();
        if (file.complete() && !owners.isEmpty()) {
            forgottenThreadOwners(file, owners, severity, others, out);
        }
        if (!file.change().hunks().isEmpty()) {
            deletedEnds(file, severity, others, out);
        }
        return out;
    }

    /**
     * This reader's finding stands beside another item's finding on its line (an unbounded {@code Executors} factory's
     * CONC-02 on the field's line): the pool the object never shuts down is a defect of its own, which the queue's
     * finding does not name.
     */
    static boolean besideOtherItem(Finding drop, Finding held) {
        return drop.rule().equals(RULE) && !held.item().equals(drop.item());
    }

    // ---- a thread owner the class's own end forgets ----------------------------------------------------------------

    private static void forgottenThreadOwners(SourceFile file, List<TimeoutModel> owners, Severity severity,
                                              List<Finding> others, List<Finding> out) {
        int n = file.lineCount();
        // the end-of-life method: its header line and its body's last line
        int endAt = -1;
        int endTo = -1;
        String endName = null;
        for (int i = 1; i <= n; i++) {
            Matcher m = METHOD.matcher(file.line(i));
            if (!m.find() || file.line(i).contains("=")) {
                continue;
            }
            boolean annotated = i > 1 && file.line(i - 1).strip().startsWith("@PreDestroy");
            if (ENDS.contains(m.group(1)) || annotated) {
                endAt = i;
                endTo = blockEnd(file, i);
                endName = m.group(1);
                break;
            }
        }
        if (endAt < 0 || endTo < 0) {
            return;
        }
        Set<String> fields = new LinkedHashSet<>();
        for (int i = 1; i <= n; i++) {
            Matcher f = FIELD.matcher(file.line(i));
            Matcher d = DECLARED.matcher(file.line(i));
            Matcher found = f.find() ? f : d.find() ? d : null;
            if (found != null && RemovedReleases.indent(file.line(i)) > 0 && !found.group(1).contains("static")
                    && classLevel(file, i)) {
                fields.add(found.group(2));
            }
        }
        for (int i = 1; i <= n; i++) {
            String text = file.line(i);
            String field = null;
            String value = null;
            Matcher f = FIELD.matcher(text);
            if (f.find() && fields.contains(f.group(2)) && classLevel(file, i)) {
                field = f.group(2);
                value = f.group(3);
            } else {
                Matcher a = FIELD_ASSIGN.matcher(text);
                if (a.find() && fields.contains(a.group(1)) && !classLevel(file, i)) {
                    field = a.group(1);
                    value = a.group(2);
                }
            }
            if (field == null || !ownsThreads(value, owners)) {
                continue;
            }
            if (!file.added(i) && !file.added(endAt)) {
                continue;
            }
            if (endsOrHandsOn(file, field, endAt, endTo)) {
                continue;
            }
            int line = i;
            if (others.stream().anyMatch(o -> o.path().equals(file.path()) && o.line() == line
                    && o.item().startsWith("RES-")) || out.stream().anyMatch(o -> o.line() == line)) {
                continue;
            }
            String message = "`" + field + "` holds threads this object starts, and `" + endName + "()` (line "
                    + endAt + ") never shuts it down, nor does any other line of the class: every object closed or "
                    + "rebuilt leaves its threads running (and whatever they reference). Shut it down in `" + endName
                    + "()`.";
            out.add(new Finding(RULE, "RES-01", severity, file.path(), line, 1, file.written(line).strip(), message,
                    Finding.Confidence.HIGH, null, "kb", null, List.of(
                    new Finding.Step(line, "stored in field `" + field + "`: the object owns its threads"),
                    new Finding.Step(endAt, "`" + endName + "()` ends the object without shutting it down"))));
        }
    }

    /** True when some line of the file ends the field, or gives it to code that may. */
    private static boolean endsOrHandsOn(SourceFile file, String field, int endAt, int endTo) {
        String f = Pattern.quote(field);
        Pattern named = Pattern.compile("(?<![\\w.])(?:this\\.)?" + f + "(?!\\w)");
        Pattern returned = Pattern.compile("\\breturn\\s+(?:this\\.)?" + f + "\\s*;");
        // a method reference to its end handed to a hook or a callback (`new Thread(pool::shutdown)`)
        Pattern ended = Pattern.compile("(?<![\\w.])(?:this\\.)?" + f + "\\s*::\\s*(?:shutdown|shutdownNow|close|cancel"
                + "|stop|dispose|destroy|release|terminate)\\b");
        Pattern copied = Pattern.compile("=\\s*(?:this\\.)?" + f + "\\s*;");
        Pattern collected = Pattern.compile("(?:asList|List\\.of|Set\\.of|Stream\\.of|\\.add|\\.put|of)\\s*\\([^;]*"
                + "(?<![\\w.])(?:this\\.)?" + f + "(?!\\w)");
        Pattern argument = Pattern.compile("[(,]\\s*(?:this\\.)?" + f + "\\s*[,)]");
        for (int i = 1; i <= file.lineCount(); i++) {
            String t = file.line(i);
            if (!named.matcher(t).find()) {
                continue;
            }
            Matcher r = RELEASE.matcher(t);
            while (r.find()) {
                if (r.group(1).equals(field)) {
                    return true;
                }
            }
            if (ended.matcher(t).find() || returned.matcher(t).find() || copied.matcher(t).find()
                    || collected.matcher(t).find()) {
                return true;
            }
            Matcher arg = argument.matcher(t);
            if (arg.find() && (i >= endAt && i <= endTo || ENDING_CALL.matcher(t).find())) {
                return true;
            }
        }
        return false;
    }

    /** True when a thread-owning model's construction makes the value. */
    private static boolean ownsThreads(String value, List<TimeoutModel> owners) {
        String v = value.strip();
        for (TimeoutModel m : owners) {
            for (TimeoutModel.Build b : m.builds()) {
                if (b.receiverType() != null) {
                    continue;
                }
                if (b.via() == TimeoutModel.Via.NEW) {
                    Matcher nm = NEW.matcher(v);
                    if (nm.find() && nm.start() == 0) {
                        String type = nm.group(1).substring(nm.group(1).lastIndexOf('.') + 1);
                        if (b.pattern().matcher(type).find()
                                && (b.args() == null || b.args().matcher(args(nm.group(2))).find())) {
                            return true;
                        }
                    }
                } else if (b.via() == TimeoutModel.Via.CALL) {
                    Matcher cm = CALL.matcher(v);
                    if (cm.find() && cm.start() == 0 && b.pattern().matcher(cm.group(1)).find()
                            && (b.args() == null || b.args().matcher(args(v.substring(cm.end() - 1))).find())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The balanced parenthesis at the start of {@code s} (all of it when unbalanced on the line). */
    private static String args(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return s.substring(0, i + 1);
            }
        }
        return s;
    }

    /** True when line {@code i} stands directly in a class body (its brace depth is one more than the class's). */
    private static boolean classLevel(SourceFile file, int i) {
        int depth = 0;
        for (int j = 1; j < i; j++) {
            String t = file.line(j);
            for (int k = 0; k < t.length(); k++) {
                char c = t.charAt(k);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
            }
        }
        return depth == 1;
    }

    /** The line that closes the block opened on (or just after) {@code from}, or -1. */
    private static int blockEnd(SourceFile file, int from) {
        int depth = 0;
        boolean opened = false;
        for (int j = from; j <= file.lineCount(); j++) {
            String t = file.line(j);
            for (int k = 0; k < t.length(); k++) {
                char c = t.charAt(k);
                if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}') {
                    depth--;
                    if (opened && depth == 0) {
                        return j;
                    }
                }
            }
            if (!opened && t.contains(";")) {
                return -1; // an abstract or interface method
            }
        }
        return -1;
    }

    // ---- an end-of-life method deleted whole --------------------------------------------------------------------

    private static void deletedEnds(SourceFile file, Severity severity, List<Finding> others, List<Finding> out) {
        List<String> added = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED) {
                    added.add(l.text());
                }
            }
        }
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.REMOVED) {
                    continue;
                }
                Matcher m = METHOD.matcher(l.text());
                if (!m.find() || l.text().contains("=")) {
                    continue;
                }
                String name = m.group(1);
                boolean annotated = i > 0 && lines.get(i - 1).kind() == DiffLine.Kind.REMOVED
                        && lines.get(i - 1).text().strip().startsWith("@PreDestroy");
                Matcher disposes = DISPOSES.matcher(l.text());
                boolean disposer = disposes.find();
                if (!ENDS.contains(name) && !annotated && !disposer) {
                    continue;
                }
                int end = deletedBlockEnd(lines, i);
                if (end < 0) {
                    continue;
                }
                Pattern redeclared = Pattern.compile("\\s" + Pattern.quote(name) + "\\s*\\(");
                if (added.stream().anyMatch(a -> METHOD.matcher(a).find() && redeclared.matcher(a).find())) {
                    continue; // moved, or rewritten
                }
                if (disposer) {
                    disposed(file, lines, i, end, disposes.group(1), disposes.group(2), severity, others, out);
                    continue;
                }
                Set<String> released = new LinkedHashSet<>();
                for (int j = i + 1; j < end; j++) {
                    Matcher r = RELEASE.matcher(lines.get(j).text());
                    while (r.find()) {
                        released.add(r.group(1));
                    }
                }
                for (String field : released) {
                    report(file, field, name, l, added, severity, others, out);
                }
            }
        }
    }

    /** A CDI disposer's parameter: group 1 its type's simple name, group 2 its name. */
    private static final Pattern DISPOSES = Pattern.compile("@Disposes\\s+(?:final\\s+)?(?:[\\w]+\\.)*(\\w+)"
            + "(?:<[^>]*>)?\\s+(\\w+)");
    /** A value made and returned: a constructor, or a build or create call. */
    private static final Pattern RETURNS_MADE = Pattern.compile(
            "^\\s*return\\s+(?:new\\s+[\\w.]+|[\\w.()]+\\.(?:build|create\\w*|new\\w*|open\\w*|start)\\s*\\()");

    /**
     * A CDI disposer ({@code void close(@Disposes Unleash unleash) { unleash.shutdown(); }}) deleted whole: the
     * producer still makes the value on every scope's start, and the container calls nothing to end it. Reported at
     * the producer's {@code return} of a made value of the type, the nearest one above the deletion in its hunk.
     */
    private static void disposed(SourceFile file, List<DiffLine> lines, int at, int end, String type, String param,
                                 Severity severity, List<Finding> others, List<Finding> out) {
        boolean releases = false;
        for (int j = at; j < end && !releases; j++) {
            Matcher r = RELEASE.matcher(lines.get(j).text());
            while (r.find()) {
                releases |= r.group(1).equals(param);
            }
        }
        if (!releases) {
            return;
        }
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || !RETURNS_MADE.matcher(l.text()).find()
                    || !l.text().contains(type)) {
                continue;
            }
            int line = l.newLine();
            if (line <= 0 || others.stream().anyMatch(o -> o.path().equals(file.path()) && o.item().startsWith("RES-")
                    && Math.abs(o.line() - line) <= 2) || out.stream().anyMatch(o -> o.line() == line)) {
                return;
            }
            String message = "The change deletes the disposer of `" + type + "` (old line " + lines.get(at).oldLine()
                    + "), which ended each `" + param + "` this producer makes: the container now drops every one "
                    + "it produces without ending it, so each scope's end (a reload, a redeploy) leaves one running "
                    + "with its threads and connections. Keep a `@Disposes` method that ends it.";
            out.add(new Finding(RULE, "RES-01", severity, file.path(), line, 1, l.text().strip(), message,
                    Finding.Confidence.HIGH, null, "kb", null));
            return;
        }
    }

    private static void report(SourceFile file, String field, String method, DiffLine deleted, List<String> added,
                               Severity severity, List<Finding> others, List<Finding> out) {
        String f = Pattern.quote(field);
        for (String a : added) {
            Matcher r = RELEASE.matcher(a);
            while (r.find()) {
                if (r.group(1).equals(field)) {
                    return; // released again by the change
                }
            }
            if (ENDING_CALL.matcher(a).find() && Pattern.compile("[(,]\\s*(?:this\\.)?" + f + "\\s*[,)]")
                    .matcher(a).find()) {
                return; // handed to an ending helper
            }
        }
        Pattern assign = Pattern.compile("^\\s*(?:[\\w.<>\\[\\],?]+\\s+)?(?:this\\.)?" + f + "\\s*=(?!=)\\s*(.+)$");
        for (int i = 1; i <= file.lineCount(); i++) {
            if (!file.known(i)) {
                continue;
            }
            Matcher m = assign.matcher(file.line(i));
            if (!m.find() || !MADE.matcher(m.group(1).strip()).find()) {
                continue;
            }
            boolean typed = !file.line(i).strip().startsWith("this.") && !file.line(i).strip().startsWith(field);
            if (typed && !(file.complete() && classLevel(file, i))) {
                continue; // a local of the same name
            }
            int line = i;
            if (others.stream().anyMatch(o -> o.path().equals(file.path()) && o.item().startsWith("RES-")
                    && Math.abs(o.line() - line) <= 2) || out.stream().anyMatch(o -> o.line() == line)) {
                return;
            }
            String message = "The change deletes `" + method + "()` (old line " + deleted.oldLine() + "), which "
                    + "released `" + field + "`, and this line still makes the value the object keeps there: nothing "
                    + "ends it now, so every object that is closed or rebuilt leaves it open (its threads, "
                    + "connections or handles). Keep a release of `" + field + "` in the object's end of life.";
            out.add(new Finding(RULE, "RES-01", severity, file.path(), line, 1, file.written(line).strip(), message,
                    Finding.Confidence.HIGH, null, "kb", null));
            return;
        }
    }

    /** The index of the deleted line closing the method opened at {@code from}; -1 when it is not all deleted. */
    private static int deletedBlockEnd(List<DiffLine> lines, int from) {
        int depth = 0;
        boolean opened = false;
        for (int j = from; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED) {
                return -1;
            }
            for (char c : l.text().toCharArray()) {
                if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}') {
                    depth--;
                    if (opened && depth == 0) {
                        return j;
                    }
                }
            }
        }
        return -1;
    }
}
