package kb.review.engine;

import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * The pre-Java-7 way to close a resource, cut by the hunk: a local declared {@code null}, a {@code try {} opened right
 * below it, and the resource assigned to that local inside the try ({@code BufferedReader br = null; try { br =
 * new BufferedReader(...)}). The local is declared outside the try only so that its {@code finally} can close it;
 * when the diff stops inside that try, the finally is the part the hunk does not show, and the path the analysis
 * follows to the cut is not a leak. A try whose end the diff shows is judged by what it shows.
 */
final class ClassicTryCut {

    /** How far above the assignment the {@code try {} and the declaration may be. */
    private static final int ABOVE = 6;
    private static final Pattern TRY = Pattern.compile("^\\s*try\\s*\\{\\s*$");

    private ClassicTryCut() {
    }

    /** True when {@code var}, assigned on {@code line}, is the classic idiom's and the try's end is not shown. */
    static boolean cut(SourceFile file, int line, String var) {
        if (var == null || !file.line(line).matches("^\\s*" + Pattern.quote(var) + "\\s*=[^=].*")) {
            return false;
        }
        Pattern declared = Pattern.compile("^\\s*(?:final\\s+)?[\\w.<>\\[\\]?, ]+\\s+" + Pattern.quote(var)
                + "\\s*=\\s*null\\s*;\\s*$");
        int at = line - 1;
        while (at >= line - ABOVE && file.known(at) && !TRY.matcher(file.line(at)).matches()) {
            if (DeletedExitBranches.braces(file.line(at)) != 0) {
                return false; // a block opens or closes between the try and the assignment
            }
            at--;
        }
        if (!file.known(at) || !TRY.matcher(file.line(at)).matches()) {
            return false;
        }
        // the declaration in view, or lines above the try the diff does not show: a bare assignment inside the try
        // names a local declared before it, and the unseen lines are where it was (set 4's xxl-job scheduler)
        Pattern declaredOtherwise = Pattern.compile("^\\s*(?:final\\s+)?[\\w.<>\\[\\]?, ]+\\s+" + Pattern.quote(var)
                + "\\s*[;=].*");
        boolean isDeclared = false;
        int l = at - 1;
        for (; l >= at - ABOVE && file.known(l) && !isDeclared; l--) {
            isDeclared = declared.matcher(file.line(l)).matches();
            if (!isDeclared && (declaredOtherwise.matcher(file.line(l)).matches()
                    || RemovedReleases.HEADER.matcher(file.line(l)).find())) {
                return false; // declared with a value or without one, or the method's start in view: not the idiom
            }
        }
        if (!isDeclared && (l < at - ABOVE || file.known(l))) {
            return false;
        }
        int depth = 1;
        for (l = line; l <= file.lineCount(); l++) {
            if (!file.known(l)) {
                return true; // the hunk stops inside the try
            }
            depth += DeletedExitBranches.braces(file.line(l));
            if (depth <= 0) {
                return false; // the try's end is shown: its handlers decide
            }
        }
        return !file.complete(); // the diff ends inside the try
    }
}
