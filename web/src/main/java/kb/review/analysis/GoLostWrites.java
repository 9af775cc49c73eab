package kb.review.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.CodeText;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * Go {@code _ = call(...)} and {@code _, _ = call(...)} lines whose dropped error is lost data, not a failed release
 * (called from {@link GoDiscards#describe}, whose words these join; ERR-01's {@code go-lost-write-discarded} rule
 * reports them where the general rule steps aside for closes and database calls). Each word is a class of call known
 * by its API or by what the change does, never by a variable's name:
 * <ul>
 * <li>{@value #DATABASE_WRITE}: a statement sent to a database: database/sql's and sqlx's context-taking
 * {@code ExecContext}/{@code NamedExecContext}, an {@code Exec} given a context and a statement (pgx, pgxpool) or SQL
 * text that writes, or on a name the file declares with a database handle type, and a gorm chain that writes and ends
 * in {@code .Error}. A failed insert or update is a record that is not there.</li>
 * <li>{@value #FLUSHING_CLOSE}: {@code Close} or {@code Flush} of a writer that buffers, made or declared in sight
 * (archive/zip and tar, the compressors, bufio, the base-N encoders) or of a file opened for writing: the last bytes
 * (zip's central directory, gzip's trailer) are written by that call, and its error is the write's. Not when the
 * function checks a {@code Close}, {@code Flush} or {@code Sync} of it elsewhere (the discard is then the error
 * path's duplicate), nor a file opened for reading.</li>
 * <li>{@value #CHECK_DELETED}: the change deletes a check of the same call's error ({@code if err := w.Close(); err
 * != nil}, {@code if _, err := db.Exec(...)}, {@code return f.Sync()}) and puts the discard in its place: the old
 * code said the error mattered, and the edit swallows it.</li>
 * </ul>
 */
final class GoLostWrites {

    static final String DATABASE_WRITE = "database-write";
    static final String FLUSHING_CLOSE = "closes-buffered-writer";
    static final String CHECK_DELETED = "check-deleted";

    /** {@code _ =} or {@code _, _ =} and the call after it: group 1 is the call's text. */
    private static final Pattern BLANK = Pattern.compile("^\\s*_\\s*(?:,\\s*_\\s*)?=\\s*(.+?)\\s*(?://.*)?$");
    /** A Close or Flush called as a bare statement, its only result never looked at: group 1 is the call. */
    private static final Pattern BARE = Pattern.compile("^\\s*([\\p{L}_][\\w.]*\\.(?:Close|Flush)\\s*\\(\\s*\\))\\s*(?://.*)?$");
    /** A Close deferred bare, its error dropped when it runs after the result is fixed: group 1 is the call. */
    private static final Pattern DEFERRED = Pattern.compile("^\\s*defer\\s+([\\p{L}_][\\w.]*\\.Close\\s*\\(\\s*\\))\\s*(?://.*)?$");
    /** The callee of a call: group 1 the receiver chain (may be empty), group 2 the method. */
    private static final Pattern CALLEE = Pattern.compile("^(?:([\\p{L}_][\\w.]*)\\.)?([\\p{L}_]\\w*)\\s*\\(");
    private static final Pattern CONTEXT_EXEC = Pattern.compile("^(?:ExecContext|NamedExecContext|MustExecContext)$");
    private static final Pattern PLAIN_EXEC = Pattern.compile("^(?:Exec|NamedExec|MustExec)$");
    /** SQL text that changes data or schema, as a string literal. */
    private static final Pattern WRITE_SQL = Pattern.compile(
            "[\"`]\\s*(?i:insert|update|delete|replace|merge|upsert|create|drop|alter|truncate)\\b");
    /** A statement that rolls back, as a string literal. */
    private static final Pattern ROLLBACK_SQL = Pattern.compile("[\"`]\\s*(?i:rollback|abort)\\b");
    /** A database handle type as Go code declares it. */
    private static final String DB_TYPE = "\\*?\\s*(?:sql\\.(?:DB|Tx|Conn|Stmt)|sqlx\\.(?:DB|Tx|Conn)|pgxpool\\.(?:Pool|Conn)"
            + "|pgx\\.(?:Tx|Conn)|gorm\\.DB|bun\\.(?:DB|Tx)|pg\\.(?:DB|Tx))\\b";
    /** A gorm chain that writes, ending in its {@code .Error} field. */
    private static final Pattern GORM_WRITE = Pattern.compile(
            "^[\\p{L}_][\\w.]*(?:\\(.*\\))?\\.(?:Create|CreateInBatches|Save|Update|Updates|UpdateColumn|UpdateColumns"
                    + "|Delete|Exec|FirstOrCreate)\\s*\\(.*\\)\\.Error$");
    private static final Pattern CLOSE_OR_FLUSH = Pattern.compile("^([\\p{L}_][\\w.]*)\\.(Close|Flush)\\s*\\(\\s*\\)$");
    /** Constructors of writers that hold bytes until Flush or Close. */
    static final String BUFFERING = "(?:zip|tar|gzip|zlib|flate|lzw|bzip2|zstd|lz4|xz|snappy|s2|brotli|pgzip)"
            + "\\.New(?:Buffered)?Writer\\w*\\s*\\(|bufio\\.NewWriter(?:Size)?\\s*\\(|(?:base64|base32|ascii85)"
            + "\\.NewEncoder\\s*\\(";
    private static final String BUFFERING_TYPE = "\\*?\\s*(?:zip|tar|gzip|zlib|flate|zstd|lz4|bufio|pgzip)\\.(?:Writer|Encoder)"
            + "\\b|io\\.WriteCloser\\b";
    /** A file opened for writing. */
    private static final String WRITE_FILE = "os\\.(?:Create|CreateTemp)\\s*\\(|ioutil\\.TempFile\\s*\\(|os\\.OpenFile\\s*\\([^\\n]*"
            + "O_(?:WRONLY|RDWR|APPEND|CREATE)";

    private GoLostWrites() {
    }

    /** The words above that hold for the blank assignment on {@code lineNo}; empty when none does or none is one. */
    static List<String> describe(SourceFile file, int lineNo, String line) {
        List<String> out = new ArrayList<>();
        Matcher b = BLANK.matcher(line);
        Matcher bare = BARE.matcher(line);
        boolean blank = b.find();
        if (file.language() == Language.GO && !blank && line.contains("defer")) {
            return GoDeferredCloses.describe(file, lineNo, line, DEFERRED);
        }
        if (file.language() != Language.GO || !blank && !bare.find()) {
            return out;
        }
        // a bare `w.Close()` statement drops the error as surely as `_ = w.Close()` (round 19, go-27)
        String call = blank ? b.group(1) : bare.group(1);
        if (onErrorPath(file, lineNo, line)) {
            return out; // a clean-up on the way out of a failure: the failure is the news, the clean-up best effort
        }
        List<String> lines = Arrays.asList(file.text().split("\n", -1));
        String function = function(lines, lineNo);
        String text = file.text();
        boolean pair = line.matches("^\\s*_\\s*,\\s*_\\s*=.*");
        Matcher c = CALLEE.matcher(call);
        if (c.find()) {
            String receiver = c.group(1) == null ? "" : c.group(1);
            String method = c.group(2);
            String last = receiver.substring(receiver.lastIndexOf('.') + 1);
            if (pair && databaseExec(method, call, last, function, text)) {
                out.add(DATABASE_WRITE);
            }
            // a bare statement on a buffering writer is go-output-error-dropped's (with its in-memory and loop rules)
            if (!pair && flushingClose(call, function, !blank) && !(!blank && stickyFlush(method, receiver, function))) {
                out.add(FLUSHING_CLOSE);
            }
            if (checkDeleted(file, lineNo, receiver.isEmpty() ? method : receiver + "." + method)) {
                out.add(CHECK_DELETED);
            }
        }
        if (!pair && GORM_WRITE.matcher(call).find()) {
            out.add(DATABASE_WRITE);
        }
        return out;
    }

    private static boolean databaseExec(String method, String call, String receiver, String function, String text) {
        if (ROLLBACK_SQL.matcher(call).find()) {
            return false; // a ROLLBACK sent by hand is tx.Rollback(): the clean-up whose error the idiom drops
        }
        if (CONTEXT_EXEC.matcher(method).matches()) {
            return true;
        }
        if (!PLAIN_EXEC.matcher(method).matches()) {
            return false;
        }
        String args = call.substring(call.indexOf('(') + 1);
        return WRITE_SQL.matcher(args).find()
                || args.matches("^\\s*(?:ctx\\w*|context\\.\\w+\\(\\s*\\))\\s*,\\s*\\S.*")
                || !receiver.isEmpty() && Pattern.compile("(?<![\\w.])" + Pattern.quote(receiver) + "\\s+" + DB_TYPE)
                .matcher(text).find();
    }

    /**
     * A close or flush of a buffering writer or a file opened for writing, made or declared in the function (or
     * declared in the file), whose Close, Flush or Sync the function does not check anywhere else.
     */
    static boolean flushingClose(String call, String function, boolean filesOnly) {
        Matcher m = CLOSE_OR_FLUSH.matcher(call);
        if (!m.find()) {
            return false;
        }
        String name = m.group(1);
        String q = Pattern.quote(name.substring(name.lastIndexOf('.') + 1));
        String made = "(?<![\\w.])" + (name.contains(".") ? "(?:\\w+\\.)?" : "") + q;
        boolean buffering = Pattern.compile(made + "\\s*(?:,\\s*\\w+\\s*)?:?=\\s*(?:" + BUFFERING + ")").matcher(function).find()
                || Pattern.compile("(?:\\bvar\\s+|[(,]\\s*)" + q + "\\s+(?:" + BUFFERING_TYPE + ")").matcher(function).find();
        // a file opened for writing counts when the function writes to it (a lock or marker file loses nothing)
        boolean written = Pattern.compile(made + "\\s*(?:,\\s*\\w+\\s*)?:?=\\s*(?:" + WRITE_FILE + ")").matcher(function).find()
                && Pattern.compile("(?<![\\w.])" + q + "\\.(?:Write\\w*|ReadFrom)\\s*\\(|\\b(?:\\w*Write\\w*|\\w*Copy\\w*|Fprint\\w*"
                + "|New\\w*(?:Writer|Encoder)\\w*)\\s*\\(\\s*&?" + q + "\\s*[,)]").matcher(function).find();
        boolean writer = buffering && !filesOnly || written;
        if (!writer) {
            return false;
        }
        // settled elsewhere: the function checks (assigns, tests or returns the error of) a Close, Flush or Sync of
        // this writer, or of a writer built over it (a file's bufio or zip writer)
        String settle = "(?:\\berr\\w*\\s*:?=\\s*|\\breturn\\s+(?:[^\\n]*,\\s*)?|errors\\.Join\\([^\\n]*)";
        if (Pattern.compile(settle + made + "\\.(?:Close|Flush|Sync)\\s*\\(\\s*\\)").matcher(function).find()) {
            return false;
        }
        Matcher over = Pattern.compile("(?<![\\w.])([\\p{L}_]\\w*)\\s*:?=\\s*(?:" + BUFFERING + ")\\s*&?" + q + "\\s*[,)]")
                .matcher(function);
        while (over.find()) {
            if (Pattern.compile(settle + "(?<![\\w.])" + Pattern.quote(over.group(1)) + "\\.(?:Close|Flush)\\s*\\(\\s*\\)")
                    .matcher(function).find()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A bare {@code Flush} of a writer whose writes the function checks ({@code if _, err := w.WriteString(s); err !=
     * nil}): bufio and the compressors keep their first error and return it from every later write, so a failed
     * flush in a loop of checked writes is reported by the next one (the same "error read later" as
     * GoInfallibleDiscards).
     */
    private static boolean stickyFlush(String method, String receiver, String function) {
        return method.equals("Flush") && !receiver.isEmpty() && Pattern.compile("\\berr\\w*\\s*:?=\\s*(?<![\\w.])"
                + Pattern.quote(receiver) + "\\.Write\\w*\\s*\\(").matcher(function).find();
    }

    /** A deleted line that hands a close error on: to the error result, a join, or a return. */
    private static final Pattern HANDED_ON = Pattern.compile(
            "(?<![\\w.])err\\s*=(?!=)|errors\\.Join\\(|multierr\\.(?:Append|Combine)\\(|\\breturn\\s+\\S");

    /**
     * The changed block of the hunk that adds {@code lineNo} deletes a line that checked the error of the same callee:
     * assigned to an error variable (in an {@code if} or not) or returned.
     */
    static boolean checkDeleted(SourceFile file, int lineNo, String callee) {
        return checkDeleted(file, lineNo, callee, false);
    }

    /**
     * As above; {@code anyName} (a deferred close, session 34) also takes the close bound to any name ({@code cerr :=
     * f.Close()}, {@code r := f.Close()}) or joined, when the deleted lines hand that error on (to {@code err}, a join,
     * a return): a deleted check that only printed the close error lost it already.
     */
    static boolean checkDeleted(SourceFile file, int lineNo, String callee, boolean anyName) {
        String bound = anyName ? "\\b\\w+\\s*:?=\\s*|(?:errors\\.Join|multierr\\.(?:Append|Combine))\\([^\\n]*?"
                : "\\berr\\w*\\s*:?=\\s*";
        Pattern checked = Pattern.compile("(?:" + bound + "|\\breturn\\s+(?:[^\\n]*,\\s*)?)(?<![\\w.])"
                + Pattern.quote(callee) + "\\s*\\(");
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() != lineNo) {
                    continue;
                }
                int from = i;
                while (from > 0 && lines.get(from - 1).kind() != DiffLine.Kind.CONTEXT) {
                    from--;
                }
                boolean found = false;
                boolean handed = !anyName;
                for (int j = from; j < lines.size() && (j <= i || lines.get(j).kind() != DiffLine.Kind.CONTEXT); j++) {
                    if (lines.get(j).kind() == DiffLine.Kind.REMOVED) {
                        String t = lines.get(j).text();
                        found |= checked.matcher(t).find();
                        handed |= HANDED_ON.matcher(t).find();
                    }
                }
                return found && handed;
            }
        }
        return false;
    }

    private static final Pattern ERROR_BRANCH = Pattern.compile(
            "^\\s*(?:\\}\\s*else\\s+)?if\\b.*(?<![\\w.])(?:err\\w*|\\w*Err)\\s*!=\\s*nil\\s*(?:&&[^{]*)?\\{\\s*$");

    /** The line sits directly in an {@code if err != nil} block (the nearest less indented line above opens it). */
    private static boolean onErrorPath(SourceFile file, int lineNo, String line) {
        int indent = CodeText.indent(line);
        for (int l = lineNo - 1; l >= 1 && file.known(l); l--) {
            String above = file.line(l);
            if (above.isBlank() || CodeText.indent(above) >= indent) {
                continue;
            }
            return ERROR_BRANCH.matcher(above).find();
        }
        return false;
    }

    /** The text of the top-level function around {@code lineNo} (its {@code func} line to its closing brace). */
    static String function(List<String> lines, int lineNo) {
        int top = 0;
        for (int l = Math.min(lineNo, lines.size()); l >= 1; l--) {
            String text = lines.get(l - 1);
            if (text.startsWith("func")) {
                top = l;
                break;
            }
            if (text.startsWith("}") && l < lineNo) {
                return "";
            }
        }
        if (top == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int l = top; l <= lines.size(); l++) {
            sb.append(lines.get(l - 1)).append('\n');
            if (l > top && lines.get(l - 1).startsWith("}")) {
                break;
            }
        }
        return sb.toString();
    }
}
