package kb.review.engine;

import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * A leak whose path enters a branch the change adds and leaves the iteration or the function from inside it: the
 * new {@code if skip { continue }} written between an unchanged acquisition and its unchanged release at the end of
 * a loop body. The path's last step is then the loop's back edge (an unchanged line), not the added exit, so
 * {@link Reviewer}'s "leaks through an added line" alone would drop it; the branch taken at an added condition whose
 * body, all added, jumps out is the change's own path.
 */
final class AddedBranchExits {

    private static final Pattern JUMP = Pattern.compile("^(continue|break|return|goto)\\b");
    /** Lines of an added branch body read before giving up: a skip is short. */
    private static final int MAX_BODY = 12;

    private AddedBranchExits() {
    }

    /** True when a step of the finding's path takes an added condition whose added body jumps out. */
    static boolean through(SourceFile file, Finding f) {
        for (Finding.Step s : f.flow()) {
            if (s.message().endsWith("` holds") && file.added(s.line()) && jumpsOut(file, s.line())) {
                return true;
            }
        }
        return false;
    }

    /** The lines after {@code at}, while added and up to the branch's end, hold a continue, break, return or goto. */
    private static boolean jumpsOut(SourceFile file, int at) {
        for (int l = at + 1; l <= Math.min(file.lineCount(), at + MAX_BODY) && file.added(l); l++) {
            String code = file.line(l).strip();
            if (JUMP.matcher(code).find()) {
                return true;
            }
            if (code.startsWith("}")) {
                return false; // the branch ended (or an else began) without leaving
            }
        }
        return false;
    }
}
