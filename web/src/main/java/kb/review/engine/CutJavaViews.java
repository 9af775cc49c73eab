package kb.review.engine;

import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle;
import kb.review.diff.SourceFile;

/**
 * Java lifecycle findings in a method the diff shows only in part (session 30), where what decides the path is in
 * lines the diff does not show and the change did not touch:
 * <ul>
 * <li>a release of the value is shown below lines the diff leaves out ({@code connection.rollback();} after a gap
 * that holds the {@code } catch (SQLException e) {} around it): the hidden, unchanged lines put that release on
 * the failure paths or not, and the analysis, which sees the release outside any catch or finally, cannot tell;</li>
 * <li>a path that reaches where the hunk stops (or any path, when the acquiring line is the only edit of its stretch),
 * for a value whose acquiring line only replaced one that acquired the same variable ({@code -Response response = perRequest.newCall(r).execute();} / {@code +Response response =
 * client.newCall(r).execute();}): the code below the cut, left alone by the change, handed on or closed that
 * variable before and does so still (the Go side's {@code RewrittenAcquisitions}).</li>
 * </ul>
 * Whole methods are judged by what they show.
 */
final class CutJavaViews {

    /** How far below the acquisition a release after a gap is looked for (one method's length, roughly). */
    private static final int REACH = 60;

    private CutJavaViews() {
    }

    /**
     * True when the finding's path depends on lines of its method that the diff does not show; {@code cutOff}: the
     * hunk stops before the method's end (a method shown to its end is judged by what it shows).
     */
    static boolean undecided(SourceFile file, Lifecycle.Leak leak, boolean cutOff) {
        Lifecycle.Acquisition a = leak.acquisition();
        if (file.complete() || a.var() == null || a.var().isEmpty()) {
            return false;
        }
        return releaseBelowGap(file, a)
                || rewritten(file, a) && (leak.atEnd() || cutOff && onlyEdit(file, a.at().line));
    }

    private static boolean releaseBelowGap(SourceFile file, Lifecycle.Acquisition a) {
        boolean gap = false;
        int last = Math.min(file.lineCount(), a.at().line + REACH);
        for (int l = a.at().line + 1; l <= last; l++) {
            if (!file.known(l)) {
                gap = true;
            } else if (gap && !file.added(l) && a.model().releasedIn(file.line(l), a.var())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the acquiring line is the only edit of the lines below it that its method may reach ({@link #REACH}):
     * every path of the value, exceptions included, is the old code's, which the change left as it was.
     */
    private static boolean onlyEdit(SourceFile file, int line) {
        int last = Math.min(file.lineCount(), line + REACH);
        for (int l = line + 1; l <= last; l++) {
            if (file.known(l) && file.added(l)) {
                return false;
            }
        }
        return AddedAcquisitions.removedByLine(file).subMap(line + 2, true, last, true).isEmpty();
    }

    private static boolean rewritten(SourceFile file, Lifecycle.Acquisition a) {
        int line = a.at().line;
        // a declaration (`Response response = ...`): a bare assignment to a local declared above is the classic
        // try/finally idiom's shape, which ClassicTryCut judges by its own reading
        if (!file.added(line) || !Pattern.compile("[\\w>\\]]\\s+" + Pattern.quote(a.var()) + "\\s*=[^=]")
                .matcher(file.line(line)).find()) {
            return false;
        }
        String removed = String.join("", AddedAcquisitions.removedByLine(file).subMap(line - 2, true, line + 1, true)
                .values());
        // the old line acquired the same variable, and not as a try-with-resources resource: moving a value out of
        // its try (round 26's java-09) changes who closes it, which is the change's own business
        return Pattern.compile("(?<![\\w.$])" + Pattern.quote(a.var()) + "\\s*=[^=]").matcher(removed).find()
                && !Pattern.compile("\\btry\\s*\\(").matcher(removed).find();
    }
}
