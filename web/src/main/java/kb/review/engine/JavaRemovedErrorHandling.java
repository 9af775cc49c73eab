package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java edit that takes the handling out of a catch it keeps: the deleted lines of the catch threw (with or without
 * the caught exception as cause), returned a failure built from the exception, or handed the exception to a call that
 * records it ({@code future.completeExceptionally(e)}, {@code errors.add(e)}); the catch the change leaves only logs
 * (at any level, through any API: SLF4J, java.util.logging's {@code log(Level.X, ...)}, JBoss {@code debugf}, Log4j,
 * Android, {@code System.err}, a printed stack trace, with or without the exception) and/or returns a default
 * ({@code null}, {@code false}, {@code Optional.empty()}, an empty collection, a constant or a field), assigns such a
 * default to a local or a field ({@code state = new JSONObject();}), or does nothing. The
 * caller that was told the work failed now carries on as if it had worked. The deleted handling is the evidence: no
 * knowledge of the logger or of the method's contract is needed.
 *
 * <p>Left alone (separators read from real refactorings): a throw the new catch still has (a narrower or wider type,
 * a new message), a deleted throw the change adds back anywhere (moved out of the catch), a new catch that uses the
 * exception in anything but a log line (returns a result built from it, records it), a comment among the added lines
 * (the author states why), an emptied catch ({@link EmptiedCatches}'s), a catch of an interruption (CONC-05's), of a
 * not-found failure or of a value's parse (an answer of absence or a fall-back), a deleted handling that was itself
 * only a log line, and a diff that does this in more places than {@link RemovedErrorHandling}'s sweep allows (a
 * deliberate policy).
 */
final class JavaRemovedErrorHandling {

    static final String RULE = "java-catch-handling-replaced-by-log";


    static final Pattern CATCH = Pattern.compile(
            "^\\s*(?:\\}\\s*)?catch\\s*\\(\\s*(?:final\\s+)?([\\w.$|\\s]+?)\\s+([\\w$]+)\\s*\\)\\s*\\{\\s*$");

    /** Catches whose failure means absence, a bad value or an interruption: answering them with a default is a choice. */
    static final Pattern ANSWERABLE = Pattern.compile(
            "InterruptedException|NotFound\\w*|NoSuch\\w*|EmptyResult\\w*|NoResult\\w*|NumberFormatException"
                    + "|DateTimeParseException|UnsupportedEncodingException|CloneNotSupportedException");

    /**
     * A log statement: a logger (field, getter or chain; also a field named with a leading underscore, {@code
     * _logger}), Android's Log/Timber, a printed trace, a console print.
     */
    static final Pattern LOG = Pattern.compile(
            "^(?:this\\.)?(?:[\\w.]*?(?:getLogger\\(\\)|\\b_?(?:(?:[a-z]\\w*)?(?:Log|Logger)\\d*|log|logger|[A-Z_]*LOG(?:GER)?[A-Z_]*)\\b)\\s*\\.\\s*"
                    + "(?:atLevel\\([^)]*\\)\\.|at\\w+\\(\\)\\.)?\\w+\\s*\\(|(?:Log|Timber|Slog)\\s*\\.\\s*\\w+\\s*\\(|"
                    + "\\w+\\s*\\.\\s*printStackTrace\\s*\\(\\s*\\)|System\\s*\\.\\s*(?:err|out)\\s*\\.\\s*print)");

    /**
     * A return of nothing or of a default: a literal, an empty value, a new empty object, a constant. A field or a local
     * (the last value read well, kept for this) is a fall-back the author chose (javaerr31's ok-3).
     */
    private static final String DEFAULT_VALUE = "(?:\\(\\s*[\\w.]+\\s*\\)\\s*)?(?:null|false|true|-?\\d+[LlDdFf]?|\"\"|[\\w.]*(?:EMPTY\\w*|NONE|"
            + "DEFAULT\\w*|UNKNOWN)|[\\w.]*\\.(?:empty\\w*|none|of|emptyList|emptyMap|emptySet)\\(\\s*\\)|"
            + "new\\s+[\\w.]+(?:<[^<>;]*>)?\\(\\s*\\)|[\\w.]*\\b[A-Z][A-Z0-9_]+)";
    static final Pattern DEFAULT_RETURN = Pattern.compile("^return(?:\\s+" + DEFAULT_VALUE + ")?\\s*;$");
    /**
     * The same default put in a local or a field the code reads on ({@code state = new JSONObject();}, {@code
     * this.props = new Properties();}): the failure becomes an empty value below the catch (session 34, err34).
     */
    static final Pattern DEFAULT_ASSIGN = Pattern.compile(
            "^(?:this\\.)?[\\w$]+\\s*=\\s*" + DEFAULT_VALUE + "\\s*;$");

    static final Pattern THROW = Pattern.compile("^throw\\b");

    /** A log call at a level production does not keep: debug, trace, fine, Android's Log.d / Log.v. */
    static final Pattern QUIET = Pattern.compile(
            "^[\\w.()]*?\\.\\s*(?:debug|trace|fine|finer|finest)\\w*\\s*\\(|^(?:Log|Timber)\\.[dv]\\s*\\(|Level\\.(?:FINE|FINER|FINEST|DEBUG|TRACE)\\b");

    /** A member read of a name ({@code e.getMessage()}, {@code e.toString()}): only the text of the exception. */
    static final Pattern MEMBER = Pattern.compile("\\b\\w+\\s*\\.\\s*(?:getMessage|getLocalizedMessage|toString|getClass)\\s*\\(\\s*\\)(?:\\.\\w+\\(\\s*\\))*");

    /** A statement that starts with a call (a chain of names and calls): {@code future.completeExceptionally(e)}. */
    private static final Pattern CALL = Pattern.compile("^(?:[\\w$]+(?:\\([^()]*\\))?\\s*\\.\\s*)*[\\w$]+\\s*\\(");

    static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private JavaRemovedErrorHandling() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA || file.path().contains("/src/test/")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            if (!deletesHandling(lines)) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                DiffLine header = lines.get(i);
                if (header.kind() == DiffLine.Kind.REMOVED || !header.text().contains("catch")) {
                    continue;
                }
                Matcher m = CATCH.matcher(header.text());
                if (!m.find() || ANSWERABLE.matcher(m.group(1)).find()) {
                    continue;
                }
                Finding f = judge(file, lines, i, m.group(2), renamedFrom(lines, i), allAdded, catalog);
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The catch whose kept header is at {@code at}: reported when its deleted handling left only logs and defaults. */
    private static Finding judge(SourceFile file, List<DiffLine> lines, int at, String name, int oldHeader,
                                 AddedLines allAdded, Catalog catalog) {
        String oldName = null;
        if (oldHeader >= 0) {
            Matcher old = CATCH.matcher(lines.get(oldHeader).text());
            oldName = old.find() ? old.group(2) : null;
        }
        int indent = CodeText.indent(lines.get(at).text());
        boolean handled = false;
        int firstAdded = 0;
        int kept = 0;
        StringBuilder statement = new StringBuilder();
        StringBuilder gone = new StringBuilder();
        String goneFirst = "";
        boolean goneContinues = false;
        boolean causeLogged = false;
        boolean answersNull = false;
        boolean turnedToSuccess = false;
        boolean keptTail = false;
        String deleted = null;
        int start = oldHeader >= 0 ? oldHeader + 1 : at + 1;
        for (int j = start; j < lines.size(); j++) {
            if (j == at) {
                continue;
            }
            DiffLine l = lines.get(j);
            String t = STRING.matcher(l.text()).replaceAll("\"\"").strip();
            if (t.isEmpty()) {
                continue;
            }
            if (l.kind() == DiffLine.Kind.REMOVED) {
                if (t.startsWith("}") && CodeText.indent(l.text()) <= indent) {
                    return null; // the old catch ended among the deleted lines: a rewritten block
                }
                if (t.startsWith("//") || t.startsWith("/*") || t.startsWith("*")) {
                    continue;
                }
                if (gone.isEmpty()) {
                    goneFirst = l.text().strip();
                    goneContinues = !statement.isEmpty(); // the tail of a statement the change keeps the head of
                }
                gone.append(t).append(' ');
                if (t.endsWith(";") || t.endsWith("{") || t.endsWith("}")) {
                    String s = gone.toString().strip();
                    gone.setLength(0);
                    if (!handled && !goneContinues && (handles(s, name) || handles(s, oldName))
                            && !allAdded.stripped().contains(goneFirst)) {
                        handled = true;
                        deleted = s;
                    }
                }
                continue;
            }
            if (statement.isEmpty() && t.startsWith("}") && CodeText.indent(l.text()) <= indent) {
                // a warning with its cause is no fall-back when the code below reads what the try assigns
                // (session 44) but not a deleted throw answered with null: the lookup then says "missing" for
                // "could not look" (a DAO read that failed on the database makes the caller create a duplicate)
                boolean fallBack = causeLogged && !answersNull && !turnedToSuccess
                        && !CatchFallThroughs.readsTryValue(file, lines.get(at).newLine(), l.newLine());
                if (!handled || kept == 0 || fallBack || firstAdded == 0 && lines.get(at).kind() != DiffLine.Kind.ADDED
                        && !throwDeleted(lines, at, j)) {
                    return null;
                }
                return report(file, lines, at, firstAdded, deleted, catalog);
            }
            if (t.startsWith("//") || t.startsWith("/*") || t.startsWith("*")) {
                if (l.kind() == DiffLine.Kind.ADDED) {
                    return null; // a comment the change adds: the author says why the failure may go
                }
                continue;
            }
            if (statement.isEmpty() && l.kind() == DiffLine.Kind.CONTEXT && t.endsWith("{")) {
                // (session 51) a block the change keeps as it was (a clean-up both versions run: a pending request
                // taken out of its map under a lock) is neither handling nor new work: read on after it
                int end = keptBlockEnd(lines, j, name);
                if (end < 0) {
                    return null;
                }
                j = end;
                keptTail = end == lines.size() - 1;
                continue;
            }
            if (l.kind() == DiffLine.Kind.ADDED && firstAdded == 0) {
                firstAdded = l.newLine();
            }
            statement.append(t).append(' ');
            if (!t.endsWith(";")) {
                if (t.endsWith("{") || t.endsWith("}")) {
                    return null; // a block in the new catch: it does more than log
                }
                continue;
            }
            String s = statement.toString().strip();
            statement.setLength(0);
            kept++;
            boolean log = LOG.matcher(s).find();
            Matcher success = SUCCESS.matcher(s);
            boolean completes = success.matches() && deleted != null && !THROW.matcher(deleted).find()
                    && deleted.startsWith(success.group(1) + ".");
            turnedToSuccess |= completes;
            boolean byDefault = DEFAULT_RETURN.matcher(s).matches() || DEFAULT_ASSIGN.matcher(s).matches() || completes;
            if (THROW.matcher(s).find() || !log && (!byDefault
                    || GoRemovedErrorHandling.mentions(s, name))) {
                return null;
            }
            // a log line above debug level handed the exception itself (its stack, not only its message): a
            // fall-back the author logs with its cause, which earlier sets judged handled (the README's FM)
            answersNull |= s.equals("return null;") && deleted != null && THROW.matcher(deleted).find();
            causeLogged |= log && !QUIET.matcher(s).find()
                    && GoRemovedErrorHandling.mentions(MEMBER.matcher(s).replaceAll(""), name);
        }
        // (session 51) the hunk ends inside the catch, after a block both versions keep: what follows is unchanged
        // code the old catch ran after its hand-on as well, so the deleted hand-on was the catch's handling
        if (keptTail && statement.isEmpty() && handled && kept > 0 && !causeLogged && firstAdded > 0) {
            return report(file, lines, at, firstAdded, deleted, catalog);
        }
        return null;
    }

    private static Finding report(SourceFile file, List<DiffLine> lines, int at, int firstAdded, String deleted,
                                  Catalog catalog) {
        int line = firstAdded == 0 || firstAdded - lines.get(at).newLine() <= 2 ? lines.get(at).newLine()
                : firstAdded;
        Severity severity = catalog.item("ERR-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        return new Finding(RULE, "ERR-01", severity, file.path(), line, 1, file.line(line).strip(),
                "The change takes `" + deleted + "` out of this catch and leaves it only logging"
                        + " (and answering a default): the caller that was told the work failed now carries on"
                        + " as if it had worked, and the failure is at most a log line. Keep the rethrow with"
                        + " its cause, or return something the caller must check.",
                Finding.Confidence.HIGH, null, "kb", null);
    }

    /**
     * (session 51) The success call of a failure channel: {@code promise.complete(List.of())}, {@code
     * future.complete(null)}, {@code callback.onSuccess(Collections.emptyList())}; group 1 the receiver. Read only
     * against a deleted hand-on to the same receiver ({@code promise.fail(t)}): the pipeline that was told of the
     * failure now goes on as if the work had succeeded, whatever is logged beside it.
     */
    private static final Pattern SUCCESS = Pattern.compile(
            "^((?:this\\.)?[\\w$]+)\\s*\\.\\s*(?:complete|tryComplete|onSuccess|succeeded|resolve|set)\\s*\\(\\s*(?:"
                    + DEFAULT_VALUE + ")?\\s*\\)\\s*;$");

    /**
     * The index of the line that closes the block a kept line opens at {@code from}, when every line of it is kept as
     * it was and none names the exception {@code name}; -1 otherwise (or when the block runs past the hunk).
     */
    private static int keptBlockEnd(List<DiffLine> lines, int from, String name) {
        int indent = CodeText.indent(lines.get(from).text());
        for (int k = from + 1; k < lines.size(); k++) {
            DiffLine l = lines.get(k);
            if (l.kind() != DiffLine.Kind.CONTEXT || GoRemovedErrorHandling.mentions(l.text(), name)) {
                return -1;
            }
            String t = l.text().strip();
            if (!t.isEmpty() && CodeText.indent(l.text()) <= indent) {
                return t.startsWith("}") && CodeText.indent(l.text()) == indent ? k : -1;
            }
        }
        return -1;
    }

    /**
     * (session 51) The deleted header of a kept catch the change rewrites ({@code catch (Throwable t)} and its body
     * deleted, {@code catch (Exception e)} added right below): its deleted body is the old handling, and it names the
     * old parameter ({@code promise.fail(t)}). -1 when the header at {@code at} is not such a rewrite.
     */
    private static int renamedFrom(List<DiffLine> lines, int at) {
        if (lines.get(at).kind() != DiffLine.Kind.ADDED) {
            return -1;
        }
        for (int k = at - 1; k >= 0; k--) {
            DiffLine l = lines.get(k);
            if (l.kind() != DiffLine.Kind.REMOVED) {
                return -1;
            }
            if (CATCH.matcher(l.text()).find()) {
                return k;
            }
        }
        return -1;
    }

    /** True when the hunk deletes a line that can be a catch's handling (a throw, or a call): else nothing to read. */
    private static boolean deletesHandling(List<DiffLine> lines) {
        for (DiffLine l : lines) {
            if (l.kind() == DiffLine.Kind.REMOVED && (l.text().contains("throw") || l.text().contains("("))) {
                return true;
            }
        }
        return false;
    }

    /** True for a kept header whose catch's only change is deletions: the removed throw was the handling. */
    private static boolean throwDeleted(List<DiffLine> lines, int from, int to) {
        for (int j = from + 1; j < to; j++) {
            if (lines.get(j).kind() == DiffLine.Kind.REMOVED && THROW.matcher(lines.get(j).text().strip()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A deleted statement that handled the failure: a throw, a return of something built from the exception, or the
     * exception handed to a call that is not a log line ({@code future.completeExceptionally(e)}).
     */
    private static boolean handles(String t, String name) {
        if (name == null) {
            return false;
        }
        if (THROW.matcher(t).find()) {
            return true;
        }
        return GoRemovedErrorHandling.mentions(t, name) && !LOG.matcher(t).find()
                && (t.startsWith("return ") || CALL.matcher(t).find());
    }
}
