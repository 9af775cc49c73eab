package kb.review.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * Whether a Go map write still sits inside a critical section in the file after the change: between a
 * {@code Lock()} of the same value's mutex ({@code drv.mu.Lock()}, {@code s.Lock()}) and the {@code Unlock()} that
 * ends it, read upwards from the write to the start of its function. A change that deletes lock lines elsewhere (the
 * functions it removes or comments out) while the surviving function keeps its lock around the write has removed no
 * guard of that write (precision set 15, JE); CONC-03 asks for the mutex around the write, and it is there. A
 * {@code defer ...Unlock()} releases at the function's end, so it does not end the section.
 */
final class HeldLocks {

    private HeldLocks() {
    }

    /** The statement that takes or releases the write lock of {@code owner} (quoted; a read lock is no guard for a write); group 1 {@code Un} for a release. */
    static Pattern of(String owner) {
        return Pattern.compile("^\\s*" + owner + "(?:\\.\\w+|\\[[^\\]\\n]*\\])*\\.(Un)?Lock\\(\\)\\s*(?://.*)?$");
    }

    /** True when line {@code at} of the new file is below a visible lock of {@code lockLine}'s value not yet released. */
    static boolean heldAt(SourceFile file, int at, Pattern lockLine) {
        for (int k = at - 1; k >= 1 && file.known(k); k--) {
            String line = file.line(k);
            if (line.startsWith("func") || line.startsWith("}")) {
                return false;
            }
            if (line.indexOf("ock()") < 0) {
                continue; // the constant pre-check
            }
            Matcher m = lockLine.matcher(line);
            if (m.find()) {
                return m.group(1) == null;
            }
        }
        return false;
    }
}
