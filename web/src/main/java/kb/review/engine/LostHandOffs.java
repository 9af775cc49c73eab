package kb.review.engine;

import java.util.regex.Pattern;

/**
 * The fifth shape of {@link SilencedCatches} (session 41, err41): an existing catch that handed its exception on, by
 * a throw that wraps it or a call given it whole (a failure handler, an error callback, a dead-letter reporter), and
 * that the change leaves with no such statement, no log line and no use of the exception, whatever it does instead:
 * it goes on with the next element ({@code continue;}), writes an empty answer, or only bumps a counter. The caller
 * or the handler that needed the failure never gets it. A counter is no hand-on: it says how many, not which or why.
 *
 * <p>Not this shape: a catch that still records the failure in state the code reads later (a status, error or
 * result field, a flag set false: any assignment other than a default value), one that retries (a sleep, a back-off,
 * an attempt counted), and one whose statement names a failure itself ({@code sendError(...)},
 * {@code markFailed(item)}, an answer with a 5xx status).
 */
final class LostHandOffs {

    /** A statement that tries again: a sleep or back-off, an attempt or retry counted. */
    private static final Pattern RETRIES = Pattern.compile(
            "(?i)retr(?:y|ies)|attempt|backoff|back_off|sleep|pause|\\bwait\\w*\\s*\\(");
    /** A counter bumped, alone: a number of failures, not the failure. */
    private static final Pattern COUNTS = Pattern.compile(
            "^(?:this\\.)?[\\w$.()\"]+\\s*\\.\\s*(?:inc|increment|incrementAndGet|getAndIncrement|mark)\\s*\\(\\s*\\)\\s*;$"
                    + "|^(?:this\\.)?[\\w$.]+\\s*(?:\\+\\+|--)\\s*;$");
    /** A statement that names a failure: an error answer, a state set to failed, a mark, a 5xx status. */
    private static final Pattern NAMES_FAILURE = Pattern.compile(
            "(?i)err|fail|invalid|reject|abort|cancel|exit|\\b5\\d\\d\\b");
    /** An assignment operator: the catch keeps something in a variable or a field the code reads later. */
    private static final Pattern ASSIGNS = Pattern.compile("(?<![=!<>])=(?!=)");

    private LostHandOffs() {
    }

    /**
     * True for a deleted line of the old catch that handed the exception on: it names the exception whole (not only
     * its message) and is not a log line or a printed trace.
     */
    static boolean handedOn(String deleted, String name) {
        return !JavaRemovedErrorHandling.LOG.matcher(deleted).find() && GoRemovedErrorHandling.mentions(
                JavaRemovedErrorHandling.MEMBER.matcher(deleted).replaceAll(""), name);
    }

    /** True for a statement of the new catch that records the failure or retries (a default value assigned is not). */
    static boolean keepsTrace(String statement) {
        if (RETRIES.matcher(statement).find()) {
            return true;
        }
        if (COUNTS.matcher(statement).matches()) {
            return false;
        }
        return NAMES_FAILURE.matcher(statement).find() || ASSIGNS.matcher(statement).find()
                && !JavaRemovedErrorHandling.DEFAULT_ASSIGN.matcher(statement).matches();
    }

    static final String WHY = "no longer hands the failure on: the change deletes the statement that passed the"
            + " exception on (a throw, or a handler given it) and leaves the catch going on without it";
}
