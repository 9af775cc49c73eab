package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * Per-thread state set inside a setter helper: a method whose set installs a value its caller hands in
 * ({@code private static void install(Map<String, String> ctx) { if (ctx == null) MDC.clear(); else
 * MDC.setContextMap(ctx); }}, a context manager's {@code setContext(c)}). Such a method exists to change the
 * thread's state; the scope that must end is its caller's. So the set inside it is not a leak of its own when every
 * call of the helper the file shows is bracketed (a {@code finally} after the call calls the helper again or clears),
 * or when the file shows no call at all and the method does nothing else (the API's setter, whose callers are out of
 * sight). A helper with a visible caller that does not restore keeps the finding.
 */
final class SetterHelpers {

    private SetterHelpers() {
    }

    /** A method header: group 1 the name, group 2 the parameters. */
    private static final Pattern HEADER = Pattern.compile(
            "(?m)^[ \\t]*(?:(?:public|protected|private|static|final|synchronized)\\s+)*(?:<[^>{};]*>\\s+)?"
                    + "[\\w.<>?,\\[\\] \\t]+?[ \\t]+(?!(?:if|for|while|switch|catch|synchronized|return|new)\\b)"
                    + "([a-z_$][\\w$]*)\\s*\\(([^;{}()]*)\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{");
    private static final Pattern PARAM = Pattern.compile("([\\w$]+)\\s*(?:,|$)");
    /** The receiver of the set's call: {@code MDC}, {@code CURRENT}, {@code this.holder}. */
    private static final Pattern RECEIVER = Pattern.compile("([\\w$.]+)\\s*\\.\\s*[\\w$]+\\s*\\(");

    /** Every statement of the body is a call on the same per-thread receiver (a set, a clear, a remove). */
    private static boolean onlyStateCalls(String body, String receiver) {
        Pattern on = Pattern.compile("(?<![\\w$.])" + Pattern.quote(receiver) + "\\s*\\.");
        String[] statements = body.split(";");
        for (int i = 0; i < statements.length - 1; i++) {
            if (!on.matcher(statements[i]).find()) {
                return false;
            }
        }
        return statements.length > 1 && statements[statements.length - 1].strip().replaceAll("[{}\\s]", "").isEmpty();
    }

    /** True when the set at {@code line} sits in a setter helper whose callers own the scope (see the class). */
    static boolean ownedByCallers(SourceFile file, int line) {
        String text = file.text();
        int at = offsetOf(text, line);
        if (at < 0) {
            return false;
        }
        Matcher h = HEADER.matcher(text);
        int start = -1;
        int headerAt = -1;
        String name = null;
        String params = null;
        while (h.find() && h.start() < at) {
            start = h.end() - 1;
            headerAt = h.start();
            name = h.group(1);
            params = h.group(2);
        }
        int end = start < 0 ? -1 : blockEnd(text, start);
        if (end < at || params.isBlank()) {
            return false;
        }
        String setLine = file.line(line);
        List<String> names = new ArrayList<>();
        Matcher p = PARAM.matcher(params.strip());
        while (p.find()) {
            names.add(p.group(1));
        }
        if (names.stream().noneMatch(n -> Pattern.compile("\\.[\\w$]+\\s*\\(\\s*(?:[^(),]*,\\s*)?" + Pattern.quote(n)
                + "\\s*\\)")
                .matcher(setLine).find())) {
            return false; // sets something of its own, not what the caller hands in
        }
        String body = text.substring(start + 1, end);
        Matcher r = RECEIVER.matcher(setLine);
        if (!r.find() || !onlyStateCalls(body, r.group(1))) {
            return false; // the method does other work: the scope is its own
        }
        Pattern call = Pattern.compile("(?<![\\w$.])(?:this\\.|\\w+\\.)?" + Pattern.quote(name) + "\\s*\\(");
        List<Integer> calls = new ArrayList<>();
        Matcher c = call.matcher(text);
        while (c.find()) {
            if ((c.start() < headerAt || c.start() > end)
                    && !HEADER.matcher(text).region(lineStart(text, c.start()), text.length()).lookingAt()) {
                calls.add(c.start()); // a call, not the helper's own or an overload's declaration
            }
        }
        if (calls.isEmpty()) {
            return true; // the API's setter alone, its callers out of sight
        }
        for (int o : calls) {
            if (!inFinally(text, o, call) && !restoredAfter(text, o, call)) {
                return false;
            }
        }
        return true;
    }

    /** The call at {@code o} is itself the restore: it sits in a finally block. */
    private static boolean inFinally(String text, int o, Pattern call) {
        int fin = text.lastIndexOf("finally", o);
        return fin >= 0 && text.indexOf('{', fin) >= 0 && blockEnd(text, text.indexOf('{', fin)) > o
                && text.substring(fin, o).chars().filter(ch -> ch == ';').count() < 3;
    }

    /** A finally block follows the call within its method and calls the helper again or clears the state. */
    private static boolean restoredAfter(String text, int o, Pattern call) {
        int fin = text.indexOf("finally", o);
        int brace = fin < 0 ? -1 : text.indexOf('{', fin);
        if (brace < 0 || text.substring(o, fin).contains("\n    }\n")) {
            return false;
        }
        String block = text.substring(brace, Math.max(brace, blockEnd(text, brace)) + 1);
        return call.matcher(block).find() || block.matches("(?s).*\\.(?:clear|remove|clearMap|clearAll)\\s*\\(.*");
    }

    private static int blockEnd(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lineStart(String text, int o) {
        return text.lastIndexOf('\n', Math.max(0, o - 1)) + 1;
    }

    private static int offsetOf(String text, int line) {
        int o = 0;
        for (int l = 1; l < line; l++) {
            o = text.indexOf('\n', o) + 1;
            if (o <= 0) {
                return -1;
            }
        }
        return o;
    }
}
