package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;

/**
 * For {@link RemovedReleases}: a deleted release that was the close-on-failure of a hand-off. Java code that gives a
 * fresh resource to something that takes it over (a wrapper's constructor, a handle returned to the caller) guards the
 * hand-off with {@code try { return new Wrapper(raw); } catch (Exception e) { raw.close(); throw e; }}: on success the
 * wrapper owns the resource, on failure nobody does. An edit that unwraps the hand-off from that try keeps the
 * statements it guarded and deletes the catch: the failure path is still there (the constructor still throws), only
 * its close is gone. Neither the kept hand-off (it runs on success only) nor the deleted catch's own exit (the
 * exception still leaves the method) speaks for that path.
 */
final class UnwrappedHandOffs {

    private static final Pattern CATCH = Pattern.compile("^\\s*}?\\s*catch\\s*\\(");
    private static final Pattern TRY = Pattern.compile("^\\s*try\\s*\\{\\s*$");
    private static final Pattern FINALLY = Pattern.compile("^\\s*}?\\s*finally\\s*\\{\\s*$");

    private UnwrappedHandOffs() {
    }

    /**
     * True when the release deleted at {@code at} stands in a deleted catch clause (directly, or in a block nested in
     * it) whose try the change deletes too, and a statement of that try that names {@code value} is added back by the
     * change unchanged but for its indentation: the guarded hand-off survives, its guard does not.
     */
    static boolean unwrapped(List<DiffLine> lines, int at, String value) {
        int depth = 0;
        int catchAt = -1;
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED) {
                return false; // the guard's opening is not deleted with the release
            }
            String text = l.text();
            // a catch whose block is still open after its line, with the lines below it up to the release balanced
            // or opening blocks of their own (a nested try): the release stands inside that catch
            if (CATCH.matcher(text).find() && depth >= 0
                    && DeletedExitBranches.braces(text.substring(text.indexOf("catch"))) > 0) {
                catchAt = j;
                break;
            }
            depth += DeletedExitBranches.braces(text);
        }
        if (catchAt < 0) {
            return false;
        }
        Pattern named = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "(?![\\w])");
        for (int j = catchAt - 1; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            String text = lines.get(j).text();
            if (TRY.matcher(text).find()) {
                return false; // the try's body named the value in no statement the change kept
            }
            if (named.matcher(text).find() && addedBack(lines, text.strip())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The new-file line of the statement a deleted try/finally guarded, when the release deleted at {@code at} stands
     * in that deleted {@code finally} and the change adds back a statement of the deleted try's body that names
     * {@code value}, unchanged but for its indentation ({@code try { return c.getResponseCode(); } finally {
     * c.disconnect(); }} become {@code return c.getResponseCode();}): that statement now runs unguarded, and the
     * finding stands on it. 0 for anything else.
     */
    static int unguardedBody(List<DiffLine> lines, int at, String value) {
        int finallyAt = -1;
        for (int j = at - 1; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            if (FINALLY.matcher(lines.get(j).text()).find()) {
                finallyAt = j;
                break;
            }
        }
        if (finallyAt < 0) {
            return 0;
        }
        Pattern named = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "(?![\\w])");
        for (int j = finallyAt - 1; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            String text = lines.get(j).text();
            if (TRY.matcher(text).find()) {
                return 0;
            }
            String statement = text.strip();
            if (named.matcher(text).find()) {
                for (DiffLine l : lines) {
                    if (l.kind() == DiffLine.Kind.ADDED && l.text().strip().equals(statement)) {
                        return l.newLine();
                    }
                }
            }
        }
        return 0;
    }

    private static boolean addedBack(List<DiffLine> lines, String statement) {
        return lines.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && l.text().strip().equals(statement));
    }
}
