package kb.review.analysis;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go function bodies whose recover sits only inside a per-run guard: a function literal called in place as a statement
 * ({@code func() { defer func() { if p := recover(); ... }(); refresh(ctx) }()}, the shape of CONC-07's Go Good
 * example). A deferred recover catches the panics of the function that defers it and nothing else, so such a guard
 * covers the work inside the literal only; the statements around it (a ticker made from a configured interval, a
 * decode before the guarded call, another select case that handles an event) run unguarded in the same goroutine, and
 * a panic there ends the process. CONC-01 asks each goroutine to recover: a body counts as recovering when it does so
 * at its own level (a {@code recover()} or a deferred recoverer outside the per-run literals), or when everything
 * outside them runs none of the program's code (a loop, a select, a wait: {@link GoGuardedBodies}).
 *
 * <p>Read in gofmt's layout: a literal opens on a line of its own that starts with {@code func(} and closes on the
 * first line of the same indentation, which must call it ({@code }()} or {@code }(x)}). Anything else (a literal handed
 * to a call, one cut by the hunk) is left in place, as before.
 */
final class InlineGuards {

    /** Stands for a per-run literal that recovers, in the text of the level around it. */
    static final String GUARDED = "inlineGuardedRun";
    /** Stands for a per-run literal that does not. */
    private static final String UNGUARDED = "inlineUnguardedRun";
    private static final Pattern OPEN = Pattern.compile("(?m)^([ \\t]*)func\\s*\\([^()\\n]*\\)\\s*\\{[ \\t]*(?://[^\\n]*)?$");

    private InlineGuards() {
    }

    /**
     * True when {@code body} recovers for the whole goroutine that runs it, judged level by level with
     * {@code levelRecovers} (which reads a text for a recover or a deferred recoverer). A body with no literal called
     * in place (the constant check: no {@code "}("}) is judged by {@code levelRecovers} alone, as before.
     */
    static boolean recovers(String body, Predicate<String> levelRecovers) {
        if (body == null || !body.contains("}(")) {
            return body != null && levelRecovers.test(body);
        }
        String own = ownLevel(body, levelRecovers);
        if (levelRecovers.test(own)) {
            return true;
        }
        if (own.equals(body) || !own.contains(GUARDED + "()")) {
            return false;
        }
        int open = own.indexOf('{');
        return GoGuardedBodies.runsOnlyGuardedWork(open < 0 ? own : own.substring(open), GUARDED::equals);
    }

    /** The body with each literal called in place replaced by one call: {@link #GUARDED} when it recovers. */
    static String ownLevel(String body, Predicate<String> levelRecovers) {
        StringBuilder out = new StringBuilder();
        Matcher m = OPEN.matcher(body);
        int from = 0;
        while (m.find(from)) {
            if (m.start() == 0) { // the literal whose body this is
                from = m.end();
                out.append(body, 0, from);
                continue;
            }
            int end = closing(body, m.end(), m.group(1));
            if (end < 0) {
                out.append(body, from, m.end());
                from = m.end();
                continue;
            }
            String literal = body.substring(m.start(), end);
            out.append(body, from, m.start()).append(m.group(1))
                    .append(recovers(literal, levelRecovers) ? GUARDED : UNGUARDED).append("()");
            from = end;
        }
        return from == 0 ? body : out.append(body, from, body.length()).toString();
    }

    /** The end of the line that closes a literal opened at {@code indent} by calling it, or -1. */
    private static int closing(String body, int from, String indent) {
        int at = from;
        while (at < body.length()) {
            int eol = body.indexOf('\n', at + 1);
            int lineStart = at + 1;
            String line = body.substring(Math.min(lineStart, body.length()), eol < 0 ? body.length() : eol);
            if (!line.isBlank() && (!line.startsWith(indent) || line.length() > indent.length()
                    && " \t}".indexOf(line.charAt(indent.length())) < 0)) {
                return -1; // the enclosing block ended, or a statement of the same level: not gofmt's literal
            }
            if (line.startsWith(indent + "}")) {
                return line.substring(indent.length()).matches("\\}\\([^\\n]*\\)[ \\t]*(?://.*)?") ? lineStart
                        + line.length() : -1;
            }
            if (eol < 0) {
                return -1;
            }
            at = eol;
        }
        return -1;
    }
}
