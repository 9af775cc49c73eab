package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go (session 38, conc38): a launch the change rewrote so that the function it started bare now runs inside another
 * function of the package ({@code go h(m)} becomes {@code go r.call(h, m)}, {@code go s.handlePackets()} becomes
 * {@code go s.recovered("handle packets", s.handlePackets)}). The old function is handed to the new callee, whose body
 * the diff does not show: the edit's point is the wrapper, and projects write such wrappers to recover the panics of
 * what they run (siderolink's panicsafe, mattermost-plugin-msteams' recovery.Go, Effective Go's safelyDo). With the
 * wrapper out of sight, "nothing recovers it" is a guess against the change's own intent, so CONC-01 leaves it. The
 * same holds for a literal launch whose body now runs the old function through a runner ({@code go func() { if err :=
 * panicsafe.Run(func() { s.handle(conn) }); ... }()}). A wrapper the review can see is judged by its body, as any
 * callee.
 */
public final class RewrappedLaunches {

    /** A removed launch of a named function or method value: {@code go h(m)}, {@code go s.handlePackets()}. */
    private static final Pattern REMOVED_LAUNCH = Pattern.compile("(?m)^go\\s+([A-Za-z_][\\w.]*)\\s*\\(");

    private RewrappedLaunches() {
    }

    /**
     * True when {@code removedBlock} (the removed lines of the changed block that holds the new launch, one a line)
     * launched a function that the new launch's arguments {@code args} hand to its callee {@code callee}: by name (a
     * function value, a method value), or called inside a function literal among them.
     */
    public static boolean wrapsRemovedLaunch(String callee, String args, String removedBlock) {
        if (removedBlock == null || removedBlock.isEmpty() || args == null) {
            return false;
        }
        Matcher m = REMOVED_LAUNCH.matcher(removedBlock);
        while (m.find()) {
            String old = m.group(1);
            if (old.equals("func") || old.equals(callee)) {
                continue; // a literal, or the same callee with other arguments: not a wrap
            }
            // handed by name, or called in a literal handed over (`go s.guard("c", func() { w.consume(ctx) })`)
            Pattern handed = Pattern.compile("(?<![\\w.])" + Pattern.quote(old) + "(?![\\w.(])");
            Pattern called = Pattern.compile("\\bfunc\\s*\\([^)]*\\)[^{]*\\{[\\s\\S]*(?<![\\w.])" + Pattern.quote(old)
                    + "\\s*\\(");
            if (handed.matcher(args).find() || called.matcher(args).find()) {
                return true;
            }
        }
        return false;
    }
}
