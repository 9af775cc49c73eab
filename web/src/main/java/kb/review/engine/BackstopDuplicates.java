package kb.review.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules written as backstops for what the resource analysis cannot see whole (a Files stream used up in a chain inside
 * an edit hunk, where the method around it is cut off) say nothing where another rule already reports the same item
 * on the same line: one finding per defect. Linear in the findings of the review.
 */
final class BackstopDuplicates {

    /** The backstop rules, by id. */
    private static final Set<String> BACKSTOPS = Set.of("java-files-stream-used-up-in-a-chain",
            // ERR-01's reading of an edit that takes the cause out of a rethrow, behind java-rethrow-drops-cause
            "java-edit-drops-rethrow-cause",
            // CONC-07's loop exits read from indentation, behind the tree-sitter rule for the periodic loops it sees
            "go-consume-loop-gives-up-on-error",
            // session 30's general Go ERR-01 passes, behind every shape rule that already names the line
            "go-error-result-unchecked", "go-error-value-never-read", "go-error-branch-swallows-failure",
            // session 35's blank error of an own function, behind the shape rules of `v, _ :=` (a read verb's value)
            "go-own-error-assigned-to-blank",
            // session 36's per-unit role of a log line, behind the loop and callback rules that name the same line
            "go-log-per-unit-role", "java-log-per-unit-role",
            // session 49's clear off the straight path, behind the ThreadLocal/MDC rules that already name the set
            "java-thread-state-cleared-off-path");

    /**
     * Rules that name the change's cause where a general rule names only its effect: settled on the review's last
     * list (after the diff filter, since their line is often an unchanged one), each takes the place of another
     * rule's finding of the same item on the same line. Session 36's rollback the edit removed, against the
     * transaction rules that report the begin line of a transaction not ended on every path.
     */
    private static final Set<String> CAUSES = Set.of("java-transaction-rollback-removed",
            "go-transaction-rollback-removed");

    /**
     * (session 39) LOG-02's Java rules for a debug or trace call whose message is built whatever the level (a '+', a
     * String.format, an eager serialising argument). On such a line in a loop, the loop reading of LOG-01 names the
     * same defect a second time: a debug line is the detail LOG-01 itself sends to debug, and what it costs per element
     * when debug is off is the eager message, which LOG-02's finding names with its fix (a parameterised line). Round
     * 50's java-20 (a concatenated debug line per pending push message) was labelled LOG-02 alone, as rounds 6-20
     * label every such line.
     */
    private static final Set<String> EAGER_DEBUG = Set.of("java-log-debug-concat", "java-log-level-argument-concat",
            "java-log-marker-debug-concat", "java-log-debug-format", "java-log-debug-eager-argument");

    /**
     * (session 46) The widest reading of a blank error, behind every rule of the item that names the same line, the
     * backstops above included: one of the narrower Go blank-error rules, or the deleted check, says more of it.
     */
    private static final Set<String> LAST_RESORT = Set.of("go-error-blank-value-kept",
            // (session 51) CONC-07's error path of a periodic loop made an exit, read from what a cut hunk shows:
            // behind the loop rules that see the loop (go-periodic-loop-returns-on-error) and the consume-loop reading
            "go-periodic-error-path-now-exits");

    private BackstopDuplicates() {
    }

    /** Removes from {@code findings} each backstop finding whose path, line and item another finding already has. */
    static void drop(List<Finding> findings) {
        drop(findings, LAST_RESORT);
        drop(findings, BACKSTOPS);
        Set<String> eager = new HashSet<>();
        for (Finding f : findings) {
            if (EAGER_DEBUG.contains(f.rule())) {
                eager.add(f.path() + ":" + f.line());
            }
        }
        if (!eager.isEmpty()) {
            findings.removeIf(f -> f.rule().equals("java-log-in-loop") && eager.contains(f.path() + ":" + f.line()));
        }
    }

    /** Removes from {@code findings} each finding whose path, line and item a {@link #CAUSES} finding has. */
    static void supersede(List<Finding> findings) {
        Set<String> causes = new HashSet<>();
        for (Finding f : findings) {
            if (CAUSES.contains(f.rule())) {
                causes.add(key(f));
            }
        }
        if (!causes.isEmpty()) {
            findings.removeIf(f -> !CAUSES.contains(f.rule()) && causes.contains(key(f)));
        }
    }

    private static void drop(List<Finding> findings, Set<String> backstops) {
        Set<String> others = new HashSet<>();
        boolean any = false;
        for (Finding f : findings) {
            if (backstops.contains(f.rule())) {
                any = true;
            } else {
                others.add(key(f));
            }
        }
        if (any) {
            findings.removeIf(f -> backstops.contains(f.rule()) && others.contains(key(f)));
        }
    }

    private static String key(Finding f) {
        return f.path() + ":" + f.line() + ":" + f.item();
    }
}
