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
 * A Java edit that turns a try-with-resources into a plain {@code try} and closes the resource by hand as the try
 * block's last statement: {@code try (socket) {...}} (or {@code try (Socket s = server.accept()) {...}}) becoming
 * {@code try { ...; socket.close(); } catch (IOException e) {...}}. The close now runs only when every statement
 * before it succeeded: a read that throws, a handler that fails, skips it, and the catch (which does not close)
 * swallows the failure, so each failed request leaks its socket, stream or connection (RES-01: "closed on every
 * path"; round 24's java-22, a socket from {@code accept()} handed to a pool). The deleted header proves the value was
 * a resource; the added close proves the method still owns it.
 *
 * <p>Reported at the value's acquisition when the diff shows it: the re-declared local, or, for a parameter, the
 * local the same file's caller acquired and passed in ({@code Socket socket = server.accept(); pool.execute(() ->
 * handle(socket))}); otherwise at the added {@code try}. Silent when the try keeps a {@code finally}, when a catch
 * closes the value too, when the close is not the block's last statement seen, and when the diff does not show the
 * try block to its end.
 */
final class ClosedOnlyOnSuccess {

    static final String RULE = "java-resource-closed-only-on-success";

    private static final Pattern TRY_HEADER = Pattern.compile("^\\s*(?:}\\s*)?try\\s*\\((.*)\\)\\s*\\{\\s*(?://.*)?$");
    private static final Pattern PLAIN_TRY = Pattern.compile("^\\s*(?:}\\s*)?try\\s*\\{\\s*(?://.*)?$");
    private static final Pattern REFERENCE = Pattern.compile("^\\s*(?:this\\s*\\.\\s*)?([A-Za-z_]\\w*)\\s*$");
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*(?:final\\s+)?[\\w.$<>\\[\\], ?]+?\\s+([A-Za-z_]\\w*)\\s*=\\s*(.+?)\\s*$", Pattern.DOTALL);
    private static final Pattern METHOD = Pattern.compile("\\b([a-z_]\\w*)\\s*\\(([^()]*)\\)\\s*(?:throws\\s+[\\w., ]+)?"
            + "\\{\\s*$");

    private ClosedOnlyOnSuccess() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : RemovedLine.of(file)) {
            Matcher header = TRY_HEADER.matcher(r.line().text());
            if (!header.find()) {
                continue;
            }
            List<DiffLine> block = RemovedLine.changedBlock(r.hunk().lines(), r.index());
            DiffLine plain = block.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0
                    && PLAIN_TRY.matcher(l.text()).find()).findFirst().orElse(null);
            if (plain == null) {
                continue;
            }
            for (String part : header.group(1).split(";")) {
                Matcher ref = REFERENCE.matcher(part);
                Matcher decl = DECLARED.matcher(part);
                String var = ref.matches() ? ref.group(1) : decl.matches() ? decl.group(1) : null;
                if (var == null || !closedLastWithoutFinally(file, plain.newLine(), var)) {
                    continue;
                }
                int at = acquisition(file, plain.newLine(), var);
                boolean shown = at > 0;
                int line = shown ? at : plain.newLine();
                if (out.stream().anyMatch(f -> f.line() == line)) {
                    continue;
                }
                Severity severity = catalog.item("RES-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "RES-01", severity, file.path(), line, 1, file.line(line).strip(),
                        "The change takes `" + var + "` out of its try-with-resources and closes it by hand as the "
                                + "last statement of the try (line " + plain.newLine() + "): any exception before "
                                + "that line skips the close, and the catch does not close it, so every failed call "
                                + "leaks it. Keep it in the try (...) header, or close it in finally.",
                        Finding.Confidence.HIGH, null, "kb", null));
            }
        }
        return out;
    }

    /**
     * True when the try block opened at {@code tryLine} (shown to its end) ends with {@code var.close();} as its last
     * statement, no {@code finally} follows, and no catch closes the value.
     */
    static boolean closedLastWithoutFinally(SourceFile file, int tryLine, String var) {
        Pattern close = Pattern.compile("^\\s*(?:this\\s*\\.\\s*)?" + Pattern.quote(var) + "\\s*\\.\\s*close\\s*\\(\\s*\\)"
                + "\\s*;\\s*(?://.*)?$");
        Pattern anyClose = Pattern.compile("(?<![\\w.$])" + Pattern.quote(var) + "\\s*\\.\\s*close\\s*\\(|close\\w*\\(\\s*"
                + Pattern.quote(var) + "\\s*\\)");
        int depth = DeletedExitBranches.braces(file.line(tryLine));
        int lastStatement = 0;
        int line = tryLine + 1;
        for (; file.known(line); line++) {
            String text = file.line(line);
            int before = depth;
            depth += DeletedExitBranches.braces(text);
            if (depth <= 0 || before == 1 && text.strip().startsWith("}")) {
                break;
            }
            if (before == 1 && !text.isBlank() && !text.strip().startsWith("//")) {
                lastStatement = line;
            }
        }
        if (!file.known(line) || lastStatement == 0 || !close.matcher(file.line(lastStatement)).find()
                || !file.added(lastStatement)) {
            return false;
        }
        // the catches (and any finally) after the block: none may close the value, none may be a finally
        int inside = 1;
        for (int at = line; file.known(at); at++) {
            String text = file.line(at);
            String s = text.strip();
            if (inside == 0 && !s.isEmpty() && !s.startsWith("catch") && !s.startsWith("finally")) {
                return true; // past the last clause: no finally
            }
            if (s.matches("^(?:}\\s*)?finally\\b.*") || at > line && anyClose.matcher(text).find()) {
                return false;
            }
            inside += DeletedExitBranches.braces(text);
            if (inside < 0) {
                return true;
            }
        }
        // the diff ends on the last catch's closing brace, a line of its own: a finally would open on that line
        if (inside == 0) {
            return true;
        }
        return false;
    }

    /**
     * The line the value was acquired on, when the diff shows it: a local declared above the try in the same method,
     * or, for a parameter, the local a caller in the same file acquired and passed in at the parameter's position.
     */
    static int acquisition(SourceFile file, int tryLine, String var) {
        Pattern declared = Pattern.compile("^\\s*(?:final\\s+)?[\\w.$<>\\[\\], ?]+?\\s+" + Pattern.quote(var)
                + "\\s*=\\s*[^;]*\\(");
        // a local declared empty above the try (`InputStream in = null;`) is acquired by an assignment inside it
        Pattern assigned = Pattern.compile("^\\s*" + Pattern.quote(var) + "\\s*=\\s*[^;]*\\(");
        for (int at = tryLine + 1; file.known(at) && at < tryLine + 40; at++) {
            if (assigned.matcher(file.line(at)).find()) {
                return at;
            }
        }
        for (int at = tryLine - 1; file.known(at); at--) {
            String text = file.line(at);
            if (declared.matcher(text).find()) {
                return at;
            }
            Matcher m = METHOD.matcher(text);
            if (m.find() && (RemovedReleases.HEADER.matcher(text).find() || text.matches("^\\s*[\\w<>\\[\\],.?]+\\s+"
                    + "[a-z_]\\w*\\s*\\(.*"))) {
                String[] params = m.group(2).split(",");
                for (int i = 0; i < params.length; i++) {
                    String[] words = params[i].strip().split("\\s+");
                    if (words[words.length - 1].equals(var)) {
                        return passedIn(file, m.group(1), i, params.length);
                    }
                }
                return 0;
            }
        }
        return 0;
    }

    /** The declaration of the local a call of {@code method} in the file passes at position {@code index}. */
    private static int passedIn(SourceFile file, String method, int index, int arity) {
        Pattern call = Pattern.compile("(?<![\\w.])" + Pattern.quote(method) + "\\s*\\(([^()]*)\\)");
        for (int at = 1; at <= file.lineCount(); at++) {
            if (!file.known(at)) {
                continue;
            }
            Matcher m = call.matcher(file.line(at));
            while (m.find()) {
                String[] args = m.group(1).split(",");
                if (args.length != arity) {
                    continue;
                }
                String arg = args[index].strip();
                if (!arg.matches("[A-Za-z_]\\w*")) {
                    continue;
                }
                Pattern declared = Pattern.compile("^\\s*(?:final\\s+)?[\\w.$<>\\[\\], ?]+?\\s+" + Pattern.quote(arg)
                        + "\\s*=\\s*[^;]*\\(");
                for (int up = at; up >= at - 5 && file.known(up); up--) {
                    if (declared.matcher(file.line(up)).find()) {
                        return up;
                    }
                }
            }
        }
        return 0;
    }
}
