package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * Java: a leak through an exit the change adds between an acquisition and the {@code try} that guards it, the
 * idiom {@code Cursor c = db.query(...); try { ... } finally { c.close(); }} with a new {@code if (!c.moveToFirst())
 * return null;} (or a {@code throw}, a {@code continue}) written above the {@code try}. When the diff cuts the method
 * before the try's {@code finally}, the old side's analysis leaks at its own exits inside the try too (it cannot see
 * the release), and the per-code comparison of {@link ChangeCausedFindings#brokenByRemovals} cancels the new leak
 * against that artefact. The shape itself is the change's: the new exit leaves before the only block that releases,
 * so no release of any kind in that try can reach it.
 *
 * <p>Kept when the finding's path ends at an added exit (or an added branch that jumps out), the first statement at
 * the acquisition's own indentation after that exit is a kept plain {@code try {} (no resources), and the exit is not
 * taken because the value itself is missing ({@code if (c == null) return;}: nothing was acquired).
 */
final class ExitsBeforeTry {

    private static final Pattern TRY = Pattern.compile("^\\s*try\\s*\\{");
    /** An exit written as one: a return, a throw, or a jump out of the loop the acquisition is in. */
    private static final Pattern JUMP = Pattern.compile("\\b(?:return|throw|continue|break)\\b");
    /** Lines read after the exit before the try must show up: the guard of an early exit is short. */
    private static final int REACH = 12;

    private ExitsBeforeTry() {
    }

    static boolean keeps(SourceFile after, Finding f) {
        List<Finding.Step> flow = f.flow();
        if (after.language() != Language.JAVA || flow == null || flow.size() < 2 || !f.item().startsWith("RES-")
                && !f.item().equals("TX-01")) {
            return false;
        }
        int acquired = flow.get(0).line();
        int exit = flow.get(flow.size() - 1).line();
        if (!after.known(acquired) || !after.known(exit) || exit <= acquired || !after.added(exit)
                || !JUMP.matcher(after.line(exit)).find()) {
            return false; // (a call that may throw is no exit the change wrote: every statement has that path)
        }
        String value = name(flow.get(0).message());
        if (value == null) {
            return false;
        }
        // the branch taken to the exit: not a test that the value is missing
        for (Finding.Step s : flow) {
            if (s.message().endsWith("` holds") && s.message().matches("(?s).*\\b" + Pattern.quote(value)
                    + "\\s*[!=]=\\s*null\\b.*|.*\\bnull\\s*[!=]=\\s*" + Pattern.quote(value) + "\\b.*")) {
                return false;
            }
        }
        int indent = RemovedReleases.indent(after.line(acquired));
        for (int l = exit + 1; l <= Math.min(after.lineCount(), exit + REACH) && after.known(l); l++) {
            String code = after.line(l);
            if (code.isBlank() || code.strip().startsWith("//")) {
                continue;
            }
            int at = RemovedReleases.indent(code);
            if (at < indent) {
                return false; // the acquisition's block ended
            }
            if (at == indent && !code.strip().startsWith("}")) {
                return TRY.matcher(code).find() && !after.added(l);
            }
        }
        return false;
    }

    /** The value a path's first step names: "`cursor` is acquired here". */
    private static String name(String message) {
        if (!message.startsWith("`")) {
            return null;
        }
        int end = message.indexOf('`', 1);
        return end > 1 ? message.substring(1, end) : null;
    }
}
