package kb.review.engine;

import static kb.review.engine.DeletedReleaseBlocks.insideDeletedMethod;
import static kb.review.engine.DeletedReleaseBlocks.nextNewLine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Session 52 (pair52): a change that deletes the second half of a pair whose first half the code keeps, for the pairs
 * of {@link VerbPairs} that {@link RemovedReleases} (closes, rollbacks, cancels) and {@link RemovedLocks} do not read.
 * Two partners in view stand for the kept first half:
 *
 * <ul>
 * <li><b>a held value's end deleted from the object's end</b>: the deleted statement is a second half called on a
 * field ({@code c.cleanupTicker.Stop()}, {@code executorService.shutdown()}, {@code sub.Unsubscribe()}), the field's
 * declared type or its own name is the pair's holder (a ticker, an executor, a subscription), and the deletion sits in
 * the object's end: under a method header in view named for an ending ({@code Close}, {@code stop}, {@code dispose},
 * ...), or among kept statements of the same block that end other values ({@code journalWriter.close()},
 * {@code executor.shutdown()}), the end method's own shape when its header is out of view. The object still builds
 * the value (its constructor is not what the change touches) and now nothing ends it: RES-01, or OPS-01 when the wait
 * on that end ({@code awaitTermination}) is deleted with it.</li>
 * <li><b>a lent value not given back</b>: the deleted statement hands a local back to its lender ({@code defer
 * PutConn(conn)}, {@code pool.returnObject(obj)}, {@code pool.Release(c)}) while the function keeps taking it: the
 * line that assigns it from a lender's verb ({@code GetConn}, {@code borrowObject}, {@code Acquire}) is in view above,
 * or, out of view, the function starts above the hunk, the callee names what it puts back ({@code PutConn}) or the
 * receiver is a pool, and nothing in view assigns the value (RemovedReleases' reading of a close whose acquisition
 * stands above the hunk). RES-01.</li>
 * </ul>
 * Not reported (the exemptions {@link RemovedReleases} keeps): the change gives the value back elsewhere (an added
 * line names the field or the value with any second half, or hands it to a call), deletes its declaration or its
 * acquisition too, deletes the method whole, or another finding of the item already stands nearby. A local's stop
 * (a ticker a function makes and stops) is left to the model reading ({@link DeletedModelReleases}, which needs the
 * acquisition in view); a field's stop outside an end (a restart that stops the old ticker) to
 * {@link OverwrittenFieldReleases}; a {@code sync.Pool} buffer put back (garbage, not a leak) is left out.
 */
final class DroppedPairHalves {

    /** a Go assignment whose value goes to the blank identifier: compiled once, not once per line read. */
    private static final Pattern BLANK_ASSIGN = Pattern.compile("^\\s*(?:[\\w]+\\s*,\\s*)*_(\\s*(?:,\\s*[\\w]+\\s*)*:?=(?!=).*)$");

    static final String RULE = "removed-pair-second-half";

    /** A method's name that ends its object. */
    private static final Pattern END = Pattern.compile("(?i)^(?:close|stop|shutdown|dispose|destroy|release|terminate"
            + "|teardown|cleanup|halt|quit|kill|finish|end|disconnect|unload|deactivate|onDestroy|onStop|onDisable"
            + "|preDestroy|doClose|doStop|doShutdown|closeInternal|stopInternal)\\w*$");
    /** A Go method's header: group 1 the receiver, group 2 the name. */
    private static final Pattern GO_METHOD = Pattern.compile("^func\\s*\\(\\s*(\\w+)\\s+\\*?[\\w.\\[\\], ]+\\)\\s*(\\w+)");
    /** A Java method's header: group 1 the name. */
    private static final Pattern JAVA_METHOD = Pattern.compile("^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public"
            + "|protected|private|static|final|synchronized|abstract|default)\\s+)*(?:<[^>]+>\\s+)?"
            + "(?!(?:else|return|new|throw|case)\\b)[\\w.<>\\[\\],?]+"
            + "\\s+(?!(?:if|for|while|switch|catch|synchronized)\\b)(\\w+)\\s*\\([^;]*$");
    /**
     * A statement alone on its line that calls a method on a field: group 1 the owner ({@code c}, {@code this} or
     * empty), group 2 the field, group 3 the method.
     */
    private static final Pattern FIELD_CALL = Pattern.compile("^\\s*(?:defer\\s+)?(?:(this|[a-z]\\w{0,11})\\.)?"
            + "([A-Za-z_]\\w*)\\s*\\.\\s*(\\w+)\\s*\\([^;]*\\)\\s*(?:\\.\\s*\\w+\\s*\\([^;]*\\)\\s*)*;?\\s*(?://.*)?$");
    /** A kept statement that ends some value: the end method's shape. */
    private static final Pattern ENDS_SOMETHING = Pattern.compile("(?:\\.\\s*(?:Close|close|Stop|stop|shutdown\\w*"
            + "|Shutdown|dispose|Dispose|release|Release|terminate|cancel\\w*|Cancel|Unsubscribe"
            + "|unsubscribe|disconnect|Disconnect|quit|Quit)\\s*\\(|^\\s*close\\s*\\(\\s*[\\w.]+\\s*\\)|"
            + "^\\s*(?:cancel\\w*|stop\\w*)\\s*\\(\\s*\\)\\s*;?\\s*$)");
    /**
     * A statement alone on its line that hands a value back: group 1 the receiver (or empty), group 2 the callee,
     * group 3 the value.
     */
    private static final Pattern GIVE_BACK = Pattern.compile("^\\s*(?:defer\\s+)?(?:(?:this\\.)?(?:[a-z]\\w*\\.)*([a-z]\\w*)\\.)?"
            + "([A-Za-z]\\w*)\\s*\\(\\s*([a-z_]\\w*)\\s*\\)\\s*;?\\s*(?://.*)?$");
    /** A value that is a byte buffer: a pool of those is garbage put back, not a lease. */
    private static final Pattern BUFFER = Pattern.compile("(?i)^(?:b|bb|buf\\w*|\\w*buffer|bytes|scratch|tmp|data)$");
    /** A receiver that is a pool or a lender. */
    private static final Pattern LENDER = Pattern.compile("(?i)(?:pool|lender|manager|provider|factory)$");

    private DroppedPairHalves() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, List<String> allAdded, List<Finding> others) {
        Language language = file.language();
        if (file.change().hunks().isEmpty() || language != Language.GO && language != Language.JAVA) {
            return List.of();
        }
        boolean go = language == Language.GO;
        List<String> added = go ? ReleasesPutBack.addedIn(file) : allAdded;
        List<RemovedLine> deletions = RemovedLine.of(file);
        List<String> removed = deletions.stream().map(d -> d.line().text()).toList();
        List<Finding> out = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (RemovedLine deleted : deletions) {
            Hunk h = deleted.hunk();
            List<DiffLine> lines = h.lines();
            int i = deleted.index();
            String text = deleted.line().text();
            if (insideDeletedMethod(lines, i)) {
                continue;
            }
            Finding f = held(file, h, lines, i, text, go, added, removed, catalog);
            if (f == null) {
                f = lent(file, h, lines, i, text, go, added, removed, catalog);
            }
            if (f == null && go) {
                f = discarded(file, lines, i, text, catalog);
            }
            if (f != null && !nearby(others, f) && !nearby(out, f) && said.add(f.item() + ":" + f.line())) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean nearby(List<Finding> findings, Finding f) {
        return findings.stream().anyMatch(o -> o.path().equals(f.path()) && o.item().equals(f.item())
                && Math.abs(o.line() - f.line()) <= 15);
    }

    /** The first reading: a held value's second half deleted from the object's end. */
    private static Finding held(SourceFile file, Hunk h, List<DiffLine> lines, int i, String text, boolean go,
                                List<String> added, List<String> removed, Catalog catalog) {
        Matcher m = FIELD_CALL.matcher(text);
        if (!m.find()) {
            return null;
        }
        String owner = m.group(1);
        String field = m.group(2);
        String verb = m.group(3);
        String receiver = enclosingReceiver(h, lines, i);
        if (go) {
            // a Go field is reached through the method's receiver (a local's stop is another reading)
            if (owner == null || receiver != null && !receiver.equals(owner) || receiver == null && owner.length() > 3) {
                return null;
            }
        } else if (owner != null && !owner.equals("this") || declaredLocally(lines, i, field)) {
            return null;
        }
        for (VerbPairs.Held pair : VerbPairs.HELD) {
            if (!pair.release().matcher(verb).matches() || !holder(pair, field, file)) {
                continue;
            }
            if (!inEnd(h, lines, i, go) || touchedElsewhere(field, added, removed, text, pair)
                    || endedInView(lines, field, pair) || nestedInCatchOrLoop(lines, i)) {
                return null;
            }
            boolean waitGone = pair.waits() != null && removed.stream().anyMatch(r -> waitOn(pair, field, r));
            String item = waitGone ? "OPS-01" : "RES-01";
            int at = placed(lines, i);
            if (at <= 0) {
                return null;
            }
            String name = (owner == null ? "" : owner + ".") + field;
            Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
            String message = "The change deletes `" + text.strip() + "` from the object's end, and nothing else in "
                    + "the change ends `" + name + "` (a " + pair.family() + " the object keeps)"
                    + (waitGone ? ", nor waits on it any longer" : "") + ": the object still makes it, and each one "
                    + "closed now leaves it " + (pair.family().startsWith("subscription") ? "subscribed" : "running")
                    + ".";
            return new Finding(RULE, item, severity, file.path(), at, 1, file.line(at).strip(), message,
                    Finding.Confidence.LOW, "the field's construction is outside the diff's hunks", "kb", null);
        }
        return null;
    }

    /** The second reading: a lent value no longer handed back. */
    private static Finding lent(SourceFile file, Hunk h, List<DiffLine> lines, int i, String text, boolean go,
                                List<String> added, List<String> removed, Catalog catalog) {
        Matcher m = GIVE_BACK.matcher(text);
        if (!m.find()) {
            return null;
        }
        String receiver = m.group(1);
        String callee = m.group(2);
        String value = m.group(3);
        if (value.equals("this") || value.equals("null") || value.equals("nil") || BUFFER.matcher(value).matches()
                || receiver != null && receiver.toLowerCase().contains("buf")) {
            return null;
        }
        for (VerbPairs.Lent pair : VerbPairs.LENT) {
            if (!pair.giveBack().matcher(callee).matches()) {
                continue;
            }
            // the lender's own verb: a callee that names what it gives back (`PutConn`, `returnObject`) or a pool's
            // plain verb (`pool.Put(c)`); a bare `release(x)` of the file's own is RemovedReleases' helper
            boolean named = !callee.matches("(?i)(?:put|return|release|give|checkin|recycle)");
            if (!named && (receiver == null || !LENDER.matcher(receiver).find())) {
                return null;
            }
            Pattern assigns = assignment(value, go);
            int acquired = 0;
            for (int j = i - 1; j >= 0; j--) {
                DiffLine l = lines.get(j);
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                if (functionHeader(l.text(), go)) {
                    break;
                }
                Matcher a = assigns.matcher(l.text());
                if (a.find()) {
                    acquired = taken(pair, l.text().substring(a.end())) ? l.newLine() : -1;
                    break;
                }
            }
            if (acquired < 0) {
                return null; // assigned in view from something else: not a lender's value
            }
            if (removed.stream().anyMatch(r -> assigns.matcher(r).find())
                    || added.stream().anyMatch(a -> mentions(a, value) && (giveBackIn(pair, a) || assigns.matcher(a)
                    .find()))) {
                return null; // the acquisition changed too, or the value is handed back (or retaken) in added code
            }
            int at = acquired;
            if (at == 0) {
                if (!named) {
                    return null;
                }
                at = DeletedReleaseAcquisitions.nearestShownAbove(h, i);
                if (at <= 0 || mentionedAbove(lines, i, value)) {
                    return null;
                }
            }
            Severity severity = catalog.item("RES-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
            String message = "The change deletes `" + text.strip() + "` and nothing else in the change hands `"
                    + value + "` back (" + (acquired > 0 ? "taken here" : "taken above this hunk, whose first line "
                    + "this stands on") + "): each call now keeps one " + pair.family() + " from its lender, which "
                    + "runs dry.";
            return new Finding(RULE, "RES-01", severity, file.path(), at, 1, file.line(at).strip(), message,
                    Finding.Confidence.LOW, acquired > 0 ? "the diff shows only part of the function"
                    : "the acquisition is outside the diff's hunks", "kb", null);
        }
        return null;
    }

    /** A Go statement alone on its line that ends a value: group 1 the value, group 2 the method (null: a call of it). */
    private static final Pattern GO_END = Pattern.compile("^\\s*(?:defer\\s+)?([a-z]\\w*)(?:\\.(Close|Stop|Release"
            + "|Unlock|RUnlock|Unsubscribe|Done|Finish|End|Rollback))?\\(\\)\\s*(?://.*)?$");

    /**
     * The third reading (Go): the change deletes the end of a value and, in the same hunk, rewrites the line that
     * takes it so that the value goes to the blank identifier ({@code session, client, err := c.connect()} made
     * {@code session, _, err := c.connect()}; {@code ctx, cancel := context.WithTimeout(...)} made {@code ctx, _ =
     * context.WithTimeout(...)}): the first half still runs and hands the value out, and nothing can end it any more.
     * TMO-03 for a context's cancel, else RES-01; at the rewritten line.
     */
    private static Finding discarded(SourceFile file, List<DiffLine> lines, int i, String text, Catalog catalog) {
        Matcher m = GO_END.matcher(text);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1);
        Pattern target = Pattern.compile("^(\\s*(?:[\\w]+\\s*,\\s*)*)" + Pattern.quote(value)
                + "(\\s*(?:,\\s*[\\w]+\\s*)*:?=(?!=).*)$");
        for (int j = 0; j < lines.size(); j++) {
            DiffLine r = lines.get(j);
            Matcher t = r.kind() == DiffLine.Kind.REMOVED ? target.matcher(r.text()) : null;
            if (t == null || !t.find() || !t.group(1).contains(",") && !t.group(2).strip().startsWith(",")) {
                continue; // one of several results: a lone result discarded is no call at all
            }
            String rhs = t.group(2).substring(t.group(2).indexOf('=') + 1).strip();
            for (DiffLine a : RemovedLine.changedBlock(lines, j)) {
                if (a.kind() != DiffLine.Kind.ADDED) {
                    continue;
                }
                Matcher b = BLANK_ASSIGN
                        .matcher(a.text());
                if (!b.find() || !b.group(1).substring(b.group(1).indexOf('=') + 1).strip().equals(rhs)
                        || a.text().replaceFirst("(?<![\\w])_(?![\\w])", value).replace(":=", "=")
                        .strip().equals(r.text().replace(":=", "=").strip()) == false
                        && !sameTargets(a.text(), r.text(), value)) {
                    continue;
                }
                String item = m.group(2) == null && rhs.contains("context.With") ? "TMO-03" : "RES-01";
                if (m.group(2) == null && !item.equals("TMO-03")) {
                    return null;
                }
                Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
                String message = "The change deletes `" + text.strip() + "` and rewrites the line that takes `" + value
                        + "` to discard it (`_`): the call still hands one out, and nothing can "
                        + (item.equals("TMO-03") ? "cancel it; its timer and context stay until the parent ends."
                        : "end it any more.");
                return new Finding(RULE, item, severity, file.path(), a.newLine(), 1, a.text().strip(), message,
                        Finding.Confidence.LOW, null, "kb", null);
            }
        }
        return null;
    }

    /** The two assignment lines name the same targets but for {@code value}, put to {@code _} in {@code added}. */
    private static boolean sameTargets(String added, String removed, String value) {
        String[] a = added.split(":?=(?!=)", 2)[0].split(",");
        String[] r = removed.split(":?=(?!=)", 2)[0].split(",");
        if (a.length != r.length) {
            return false;
        }
        boolean swapped = false;
        for (int k = 0; k < a.length; k++) {
            String x = a[k].strip();
            String y = r[k].strip();
            if (x.equals("_") && y.equals(value)) {
                swapped = true;
            } else if (!x.equals(y)) {
                return false;
            }
        }
        return swapped;
    }

    /** The Go receiver of the method around the deletion (its header in view or the hunk's), or null. */
    private static String enclosingReceiver(Hunk h, List<DiffLine> lines, int i) {
        String header = header(h, lines, i);
        if (header == null) {
            return null;
        }
        Matcher g = GO_METHOD.matcher(header.strip());
        return g.find() ? g.group(1) : null;
    }

    /** The header of the function around the deletion: a kept line above in the hunk, else the hunk's section. */
    private static String header(Hunk h, List<DiffLine> lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && (l.text().startsWith("func ") || JAVA_METHOD.matcher(l.text())
                    .find() && l.text().strip().endsWith("{") && !l.text().strip().startsWith("return")
                    && !l.text().contains(" new ") && !l.text().contains("="))) {
                return l.text();
            }
        }
        return h.section();
    }

    private static boolean functionHeader(String text, boolean go) {
        return go ? text.startsWith("func ") : JAVA_METHOD.matcher(text).find() && text.strip().endsWith("{")
                && !text.contains("=") && !text.strip().startsWith("return") && !text.contains(" new ");
    }

    /**
     * The deletion sits in the object's end: the method around it (header in view) is named for an ending, or, its
     * header out of view, a kept statement of the same block (same indentation, no blank line or brace between) ends
     * another value.
     */
    private static boolean inEnd(Hunk h, List<DiffLine> lines, int i, boolean go) {
        String header = header(h, lines, i);
        if (header != null) {
            String name = null;
            Matcher g = GO_METHOD.matcher(header.strip());
            if (g.find()) {
                name = g.group(2);
            } else {
                Matcher j = JAVA_METHOD.matcher(header);
                if (j.find() && !header.contains(" class ") && !header.contains(" interface ")
                        && !header.contains(" enum ") && !header.contains(" record ")) {
                    name = j.group(1);
                }
            }
            if (name != null) {
                return END.matcher(name).matches();
            }
        }
        int indent = RemovedReleases.indent(lines.get(i).text());
        for (int step : new int[] {-1, 1}) {
            for (int j = i + step; j >= 0 && j < lines.size(); j += step) {
                DiffLine l = lines.get(j);
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                if (l.text().isBlank() || RemovedReleases.indent(l.text()) != indent) {
                    break;
                }
                if (l.kind() == DiffLine.Kind.CONTEXT && ENDS_SOMETHING.matcher(l.text()).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A kept line of the hunk still ends the field with one of the pair's verbs: the deleted one was a second, hurrying
     * call ({@code workers.shutdownNow()} in the interrupt catch below a kept {@code workers.shutdownNow()}).
     */
    private static boolean endedInView(List<DiffLine> lines, String field, VerbPairs.Held pair) {
        Pattern call = Pattern.compile("(?<![\\w])" + Pattern.quote(field) + "\\s*\\.\\s*(\\w+)\\s*\\(");
        for (DiffLine l : lines) {
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            Matcher c = call.matcher(l.text());
            while (c.find()) {
                if (pair.release().matcher(c.group(1)).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The nearest opener above the deletion, at a lower indentation, is a catch or a loop: no end's own body. */
    private static boolean nestedInCatchOrLoop(List<DiffLine> lines, int i) {
        int depth = RemovedReleases.indent(lines.get(i).text());
        for (int j = i - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (RemovedReleases.indent(l.text()) < depth) {
                return l.text().matches("^\\s*(?:}\\s*)?(?:catch|for|while|do|select)\\b.*");
            }
        }
        return false;
    }

    /** The field's holder type: its own name, or its declared type in the lines the review has. */
    private static boolean holder(VerbPairs.Held pair, String field, SourceFile file) {
        if (pair.holders().matcher(field).find()) {
            return true;
        }
        String f = Pattern.quote(field);
        Matcher d = Pattern.compile("(?m)^\\s*(?:(?:private|protected|public|static|final|volatile|transient)\\s+)*"
                + "(?:\\*?[\\w.]+\\.)?\\*?(\\w+)(?:<[^>\\n]*>)?\\s+" + f + "\\s*[;=]|(?m)^\\s*" + f
                + "\\s+\\*?(?:[\\w]+\\.)?(\\w+)\\s*(?://.*)?$").matcher(file.text());
        while (d.find()) {
            String type = d.group(1) != null ? d.group(1) : d.group(2);
            if (pair.holders().matcher(type).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The change ends the field elsewhere (an added line names it: a new end, a helper given it, a collection of
     * them), or deletes its declaration or assignment (the object no longer makes it).
     */
    private static boolean touchedElsewhere(String field, List<String> added, List<String> removed, String deleted,
                                            VerbPairs.Held pair) {
        Pattern named = Pattern.compile("(?<![\\w])" + Pattern.quote(field) + "\\b");
        if (added.stream().anyMatch(a -> named.matcher(a).find())) {
            return true;
        }
        Pattern made = Pattern.compile("(?<![\\w.])(?:\\w+\\.)?" + Pattern.quote(field) + "\\s*(?::=|=(?!=)|\\s+\\*?[\\w.]+"
                + "(?:<[^>]*>)?\\s*(?:;|$))|\\s" + Pattern.quote(field) + "\\s*(?:;|=(?!=))");
        return removed.stream().anyMatch(r -> !r.equals(deleted) && made.matcher(r).find());
    }

    private static boolean waitOn(VerbPairs.Held pair, String field, String line) {
        Matcher c = Pattern.compile("(?<![\\w])" + Pattern.quote(field) + "\\s*\\.\\s*(?:\\w+\\([^)]*\\)\\s*\\.\\s*)?"
                + "(\\w+)\\s*\\(").matcher(line);
        while (c.find()) {
            if (pair.waits().matcher(c.group(1)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The kept line just above the deletion (where the end now stops short), else the next kept line. */
    private static int placed(List<DiffLine> lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String s = l.text().strip();
            if (s.isEmpty() || s.endsWith("{") || s.startsWith("}") || s.startsWith("//")) {
                break;
            }
            return l.newLine();
        }
        return nextNewLine(lines, i);
    }

    /** A Java local declared in the hunk above the deletion ({@code Type name =}). */
    private static boolean declaredLocally(List<DiffLine> lines, int i, String name) {
        Pattern local = Pattern.compile("^\\s*(?:final\\s+)?[\\w.<>\\[\\], ?]+\\s+" + Pattern.quote(name) + "\\s*[=:]");
        for (int j = i - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && local.matcher(l.text()).find()
                    && !l.text().strip().matches("^(?:private|protected|public)\\b.*")) {
                return true;
            }
        }
        return false;
    }

    /** A line that assigns {@code value}: the text after its {@code =} follows the match. */
    private static Pattern assignment(String value, boolean go) {
        String v = Pattern.quote(value);
        return go ? Pattern.compile("^\\s*(?:var\\s+)?(?:[\\w]+\\s*,\\s*)*" + v + "\\s*(?:,\\s*\\w+\\s*)*:?=(?!=)\\s*")
                : Pattern.compile("(?<![\\w.$])" + v + "\\s*=(?!=)\\s*");
    }

    /** The right-hand side calls the pair's first half. */
    private static boolean taken(VerbPairs.Lent pair, String rhs) {
        Matcher c = Pattern.compile("(?:^|[.\\s(])([A-Za-z_]\\w*)\\s*\\(").matcher(rhs);
        while (c.find()) {
            if (pair.take().matcher(c.group(1)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean giveBackIn(VerbPairs.Lent pair, String line) {
        Matcher c = Pattern.compile("([A-Za-z_]\\w*)\\s*\\(").matcher(line);
        while (c.find()) {
            if (pair.giveBack().matcher(c.group(1)).matches() || c.group(1).matches("(?i)close\\w*|defer")) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(String line, String value) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "\\b").matcher(line).find();
    }

    /** A kept line above the deletion in its hunk names the value (its acquisition may be out of the pattern's reach). */
    private static boolean mentionedAbove(List<DiffLine> lines, int i, String value) {
        for (int j = i - 1; j >= 0; j--) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED && mentions(lines.get(j).text(), value)) {
                return true;
            }
        }
        return false;
    }
}
