package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A change that deletes the release of a field's previous value in a method that still assigns the field: the
 * reconnect that no longer closes the old connection before {@code g.conn = nil} / {@code g.conn = newConn}, the
 * restart that no longer shuts the old stream down before {@code stream = factory.getInstance()}, the refresh that
 * no longer stops the old watcher it replaces. The assignment drops the last reference the object held to the old
 * value, so every call of the method leaves one connection, stream or pool (and its threads) open (RES-01; round
 * 106's go-05 and java-11). The released value is the field itself ({@code this.stream.shutdown()}, {@code
 * stream.shutdown()} on an undeclared name, Go {@code g.conn.Close()} on the receiver) or a local the deleted code
 * copied from it ({@code old := g.conn}, {@code Conn old = this.conn;}).
 *
 * <p>Reported at the first kept or added assignment of the field after the deleted release (after the deleted copy
 * for a copied local), in the same function, whose header must be in view (for Go, the hunk's section line names it
 * when the hunk opens inside the method: git's function context). The Go release may be an unexported method of the
 * project's type ({@code ss.writer.close()}, {@code s.conn.stop()}). Not reported: when the function is
 * deleted whole; when the change still releases the field or the copy (an added or kept release of the same name,
 * anywhere in the change for the field); when the function gains a call named for a release ({@code closeConn()},
 * {@code stopWatchers()}: the release moved into a helper); when the field is not assigned again in the function
 * (a stop that dropped its close is another reading, {@link RemovedReleases}'); when a Java name is declared as a
 * local or a parameter of the function; when the deleted release stood on an exit path (the next old line returns,
 * throws or leaves the loop: the assignment is on another path); when the change also deletes an assignment of the
 * field above the release (the acquisition moved below, nothing is open yet where the release stood); when the new
 * side tests the field for null before the assignment (a lazy first assignment); when another resource finding
 * already stands in the function.
 */
final class OverwrittenFieldReleases {

    static final String RULE = "field-overwritten-after-release-removed";

    private static final String VERBS = "close|shutdown|shutdownNow|shutdownGracefully|stop|disconnect|release"
            + "|destroy|dispose|terminate|quit";
    private static final String GO_VERBS = "Close|CloseSend|Shutdown|Stop|Disconnect|Release|Terminate|Quit"
            + "|Unsubscribe|Destroy|close|shutdown|stop|disconnect|release|terminate";
    /** A Java release of a name: group 1 the name ({@code this.} dropped). */
    private static final Pattern JAVA_RELEASE = Pattern.compile(
            "^\\s*(?:this\\.)?([A-Za-z_]\\w*)\\s*\\.\\s*(?:" + VERBS + ")\\s*\\(|closeQuietly\\(\\s*(?:this\\.)?"
                    + "([A-Za-z_]\\w*)\\s*\\)");
    /** A Go release of a name or a selector (its error kept, checked or dropped): group 1 the value. */
    private static final Pattern GO_RELEASE = Pattern.compile(
            "^\\s*(?:defer\\s+|if\\s+(?:_|err|\\w+Err)\\s*:?=\\s*|(?:_|err|\\w+Err)\\s*:?=\\s*)?"
                    + "([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)\\s*\\.\\s*(?:" + GO_VERBS + ")\\s*\\(");
    /** A Go method header: group 1 the receiver name. */
    private static final Pattern GO_METHOD = Pattern.compile("^func\\s*\\(\\s*([A-Za-z_]\\w*)\\s+\\*?[\\w.\\[\\]]+");
    private static final Pattern GO_FUNC = Pattern.compile("^func\\b");
    /** A Java method or constructor header opening its body on the line. */
    private static final Pattern JAVA_METHOD = Pattern.compile("^\\s*(?:@\\w+\\s+)*(?:(?:public|protected|private"
            + "|static|final|synchronized|abstract|default)\\s+)*(?:<[^>]+>\\s*)?(?:[\\w.$<>\\[\\],? ]+\\s+)?"
            + "([A-Za-z_$][\\w$]*)\\s*\\(([^;]*)\\)\\s*(?:throws\\s+[\\w.$, ]+)?\\{\\s*(?://.*)?$");
    private static final Pattern NOT_A_METHOD = Pattern.compile(
            "^(?:if|for|while|switch|catch|synchronized|return|new|try|else|do)$");
    /** A statement that leaves the function or the loop. */
    private static final Pattern EXIT = Pattern.compile("^\\s*(?:return\\b|throw\\b|panic\\(|continue\\b|break\\b"
            + "|log\\.Fatal|os\\.Exit)");
    /** A call named for a release: a helper the release moved into. */
    private static final Pattern RELEASE_CALL = Pattern.compile(
            "(?i)(?<![\\w$])\\w*(?:close|stop|shutdown|disconnect|release|teardown|cleanup|dispose|destroy"
                    + "|terminate|unsubscribe)\\w*\\s*\\(");

    private OverwrittenFieldReleases() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, List<String> allAdded, List<Finding> others) {
        Language language = file.language();
        if (file.change().hunks().isEmpty() || language != Language.GO && language != Language.JAVA) {
            return List.of();
        }
        boolean go = language == Language.GO;
        List<Finding> out = new ArrayList<>();
        for (RemovedLine deleted : RemovedLine.of(file)) {
            List<DiffLine> lines = deleted.lines();
            int at = deleted.index();
            String text = deleted.line().text();
            String value = released(text, go);
            if (value == null || DeletedReleaseBlocks.insideDeletedMethod(lines, at)) {
                continue;
            }
            int header = headerAbove(lines, at, go);
            // a Go method whose header is above the hunk: git's section line names it (its body starts the hunk)
            boolean sectioned = header == SECTION;
            if (header < 0 && !sectioned) {
                continue;
            }
            String head = sectioned ? deleted.hunk().section() : lines.get(header).text();
            header = sectioned ? -1 : header; // the function's lines start at the hunk's first
            String receiver = null;
            if (go) {
                Matcher m = GO_METHOD.matcher(head);
                if (!m.find()) {
                    continue;
                }
                receiver = m.group(1);
            }
            int end = sectioned ? functionEnd(lines, -1, 0) : functionEnd(lines, header, indent(head));
            // the field: the released value itself, or the field a deleted line of the function copied into it
            String field = null;
            int from = at;
            for (int j = at - 1; j > header; j--) {
                DiffLine l = lines.get(j);
                String copied = l.kind() == DiffLine.Kind.REMOVED ? copiedField(l.text(), value, go, receiver) : null;
                if (copied != null) {
                    field = copied;
                    from = j;
                    break;
                }
            }
            if (field == null) {
                field = go ? (value.startsWith(receiver + ".") ? value : null)
                        : value.contains(".") || declaredIn(lines, header, end, value) ? null : value;
            }
            if (field == null) {
                continue;
            }
            int assigned = assignmentBelow(lines, from, end, field, go);
            if (assigned < 0 || releasedStill(lines, header, end, at, field, value, go, allAdded)
                    || guarded(lines, header, assigned, field) || beforeExit(lines, at)
                    || assignedAbove(lines, header, at, field, go)) {
                continue;
            }
            DiffLine anchor = lines.get(assigned);
            int line = anchor.newLine();
            int top = sectioned ? deleted.hunk().newStart() : lines.get(header).newLine();
            int bottom = end < lines.size() ? lines.get(end).newLine() : line;
            if (line <= 0 || out.stream().anyMatch(f -> f.line() == line) || others.stream().anyMatch(f ->
                    f.path().equals(file.path()) && (f.line() == line || f.item().startsWith("RES-")
                            && f.line() >= top && f.line() <= Math.max(bottom, line)))) {
                continue;
            }
            Severity severity = catalog.item("RES-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
            String message = "The change deletes `" + text.strip() + "`, the release of the value `" + field
                    + "` held, and this line still assigns `" + field + "`: the previous value loses its last "
                    + "reference open, so every call of this method leaves one behind (release it before the field"
                    + " is overwritten).";
            out.add(new Finding(RULE, "RES-01", severity, file.path(), line, 1, anchor.text().strip(), message,
                    Finding.Confidence.LOW, "the review follows the deleted release to the field's next assignment",
                    "kb", null));
        }
        return out;
    }

    /** The value a line releases, or null. */
    private static String released(String text, boolean go) {
        if (go) {
            Matcher m = GO_RELEASE.matcher(text);
            return m.find() ? m.group(1) : null;
        }
        Matcher m = JAVA_RELEASE.matcher(text);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** {@link #headerAbove}'s answer for a Go hunk with no function header in it: the hunk's section names it. */
    private static final int SECTION = -2;

    /**
     * The nearest function header at or above {@code at} in the hunk, on a kept line; -1 when out of view or deleted,
     * {@link #SECTION} for Go when no header is in the hunk (the hunk opens inside the function its section names).
     */
    private static int headerAbove(List<DiffLine> lines, int at, boolean go) {
        for (int j = at - 1; j >= 0; j--) {
            String t = lines.get(j).text();
            if (go ? GO_FUNC.matcher(t).find() : javaHeader(t)) {
                return lines.get(j).kind() == DiffLine.Kind.CONTEXT ? j : -1;
            }
        }
        return go && lines.stream().noneMatch(l -> GO_FUNC.matcher(l.text()).find()) ? SECTION : -1;
    }

    private static boolean javaHeader(String t) {
        Matcher m = JAVA_METHOD.matcher(t);
        return m.find() && !NOT_A_METHOD.matcher(m.group(1)).matches() && !t.contains("=") && !t.contains("->");
    }

    private static int indent(String t) {
        int n = 0;
        while (n < t.length() && (t.charAt(n) == ' ' || t.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    /** The index of the function's closing line in the new side (or the hunk's end when out of view). */
    private static int functionEnd(List<DiffLine> lines, int header, int base) {
        for (int j = header + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && !l.text().isBlank() && indent(l.text()) <= base) {
                return j;
            }
        }
        return lines.size();
    }

    /** The field a deleted copy {@code old := g.conn} / {@code Conn old = this.conn;} read into {@code value}. */
    private static String copiedField(String text, String value, boolean go, String receiver) {
        if (value.contains(".")) {
            return null;
        }
        if (go) {
            Matcher m = Pattern.compile("^\\s*(?:var\\s+)?" + Pattern.quote(value) + "\\s*:?=\\s*(" + Pattern.quote(receiver)
                    + "\\.[A-Za-z_]\\w*)\\s*$").matcher(text);
            return m.find() ? m.group(1) : null;
        }
        Matcher m = Pattern.compile("^\\s*(?:final\\s+)?(?:[\\w.$<>\\[\\], ?]+\\s+)?" + Pattern.quote(value)
                + "\\s*=\\s*(?:this\\.)?([A-Za-z_]\\w*)\\s*;").matcher(text);
        return m.find() && !m.group(1).equals(value) ? m.group(1) : null;
    }

    /** A Java name declared as a local or a parameter of the function (any side of the diff). */
    private static boolean declaredIn(List<DiffLine> lines, int header, int end, String name) {
        Matcher head = JAVA_METHOD.matcher(lines.get(header).text());
        Pattern declared = Pattern.compile("[\\w$>\\]]\\s+" + Pattern.quote(name) + "\\s*(?:[=;:,)]|$)");
        if (head.find() && declared.matcher(head.group(2)).find()) {
            return true;
        }
        Pattern local = Pattern.compile("^\\s*(?:final\\s+)?(?:var|[A-Z][\\w.$<>\\[\\], ?]*|int|long|boolean)\\s+"
                + Pattern.quote(name) + "\\s*[=;:]");
        for (int j = header + 1; j < Math.min(end, lines.size()); j++) {
            String t = lines.get(j).text();
            if (t.contains(name) && (local.matcher(t).find() || t.contains("(") && t.contains("for")
                    && declared.matcher(t).find())) {
                return true;
            }
        }
        return false;
    }

    /** An assignment of the field: Go {@code g.conn = ...}, {@code g.conn, err = ...}; Java {@code (this.)stream = ...}. */
    private static Pattern assignment(String field, boolean go) {
        return go ? Pattern.compile("^\\s*(?:[\\w.]+\\s*,\\s*)*" + Pattern.quote(field)
                + "\\s*(?:,\\s*[\\w.]+\\s*)*=(?!=)")
                : Pattern.compile("^\\s*(?:this\\.)?" + Pattern.quote(field) + "\\s*=(?!=)");
    }

    /** The first kept or added assignment of the field after {@code from}, before the function's end; -1 if none. */
    private static int assignmentBelow(List<DiffLine> lines, int from, int end, String field, boolean go) {
        Pattern p = assignment(field, go);
        for (int j = from + 1; j < Math.min(end, lines.size()); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && p.matcher(l.text()).find()) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The deleted release stood on an exit path: the next line of the old side, at its indentation, leaves the
     * function or the loop ({@code s.ln.Close()} then {@code return err}). The field's assignment below is on another
     * path; a dropped close on a failure path is {@link RemovedReleases}' reading.
     */
    private static boolean beforeExit(List<DiffLine> lines, int at) {
        int depth = indent(lines.get(at).text());
        for (int j = at + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.ADDED || l.text().isBlank()) {
                continue;
            }
            return indent(l.text()) == depth && EXIT.matcher(l.text()).find();
        }
        return false;
    }

    /**
     * The old side assigned the field above the deleted release, in a line the change deletes: the acquisition
     * moved (opened later now, so nothing is open yet where the release stood; precision set 17, mediamtx's
     * listener opened after its certificate loader).
     */
    private static boolean assignedAbove(List<DiffLine> lines, int header, int at, String field, boolean go) {
        Pattern p = assignment(field, go);
        for (int j = header + 1; j < at; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED && p.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The new side tests the field for null before the assignment ({@code if (stream == null)}, {@code if g.conn !=
     * nil { return }}): a lazy first assignment or an early return, so no previous value is overwritten.
     */
    private static boolean guarded(List<DiffLine> lines, int header, int assigned, String field) {
        Pattern test = Pattern.compile("(?<![\\w$.])(?:this\\.)?" + Pattern.quote(field)
                + "\\s*[!=]=\\s*(?:null|nil)\\b");
        for (int j = header + 1; j <= assigned; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && test.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The change still releases the value: a kept or added release of the field or the copy in the function, an
     * added release of the field anywhere in the change, or an added call in the function named for a release.
     */
    private static boolean releasedStill(List<DiffLine> lines, int header, int end, int at, String field,
                                         String value, boolean go, List<String> allAdded) {
        for (int j = header + 1; j < Math.min(end, lines.size()); j++) {
            DiffLine l = lines.get(j);
            if (j == at || l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String r = released(l.text(), go);
            if (r != null && (r.equals(field) || r.equals(value))) {
                return true;
            }
            if (l.kind() == DiffLine.Kind.ADDED && RELEASE_CALL.matcher(l.text()).find()) {
                return true;
            }
        }
        String name = field.substring(field.indexOf('.') + 1);
        Pattern again = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "\\s*\\.\\s*(?:" + (go ? GO_VERBS
                : VERBS) + ")\\s*\\(|closeQuietly\\([^)]*\\b" + Pattern.quote(name) + "\\s*\\)");
        return allAdded.stream().anyMatch(a -> a.contains(name) && again.matcher(a).find());
    }
}
