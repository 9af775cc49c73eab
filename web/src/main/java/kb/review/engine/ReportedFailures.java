package kb.review.engine;

import java.util.regex.Pattern;

/**
 * The statements of a Go error check's block that report the failure without leaving: a log line, the error sent on
 * a channel a supervisor reads ({@code c.errs <- fmt.Errorf("ack %s: %w", m.Subject, err)}), an error callback or
 * tracker ({@code h.onError(err)}, {@code sentry.CaptureException(err)}, {@code span.RecordError(err)}), or an error
 * answer to the HTTP client ({@code http.Error(w, ...)}, {@code w.WriteHeader(500)}). Read by
 * {@link DroppedReturnedErrors}: a deleted check whose block only reported the failure of a delivering call (an ack, a
 * write of the reply) leaves the failure with no trace once the call is made bare. A channel send of anything but the
 * error ({@code done <- struct{}{}}) reports nothing.
 */
final class ReportedFailures {

    /**
     * A logger's name as a word: the standard and popular packages ({@code log}, {@code slog}, {@code klog},
     * {@code zap}, {@code logrus}, {@code zerolog}), a variable or field named for one ({@code logger}, {@code l},
     * {@code lg}, {@code logCtx}, {@code auditLogger}). A name that only contains the letters ({@code catalog},
     * {@code login}, {@code blog}) is not a logger.
     */
    private static final String LOGGER = "(?:(?:[skgz]|zero)?log(?:ger|ging|rus)?|zap|lg?)(?:\\d|[A-Z_]\\w*)?"
            + "|\\w*(?:Log|Logger|LOG|LOGGER)\\d*";

    /** A line that writes a log record (a logger, the standard log package, a level method). */
    private static final Pattern LOG_LINE = Pattern.compile(
            "^\\s*(?:(?:[\\w.]*\\.)?(?:" + LOGGER + ")(?:\\(\\))?\\.\\w+(?:\\([^()]*\\))?\\.?\\w*"
                    + "|fmt\\.Fprint\\w*\\(\\s*os\\.Stderr)\\s*\\(?");

    /** The error, or an error wrapping it, sent on a channel. */
    private static final Pattern ERROR_SENT = Pattern.compile(
            "^\\s*[\\w.\\[\\]]+\\s*<-\\s*(?:err\\w*\\s*$|\\w*[Ee]rr\\w*\\s*$|(?:fmt\\.Errorf|errors\\.\\w+|\\w+\\.Wrap\\w*)\\s*\\(.*\\berr\\w*\\b)");

    /** An error callback or tracker handed the error: onError, handleErr, reportError, Capture*, RecordError. */
    private static final Pattern ERROR_HANDED = Pattern.compile(
            "^\\s*[\\w.]*(?:\\b|\\.)(?i:on|handle|report|record|capture|notify|track)\\w*(?i:err\\w*|exception|failure)\\s*\\(.*\\berr\\w*\\b");

    /** An error answer to an HTTP client. */
    private static final Pattern ERROR_ANSWER = Pattern.compile(
            "^\\s*(?:http\\.Error\\s*\\(|\\w+\\.WriteHeader\\s*\\(\\s*(?:http\\.Status(?:Internal|Bad|Service)\\w*|5\\d\\d)\\b)");

    private ReportedFailures() {
    }

    /** True when {@code statement} (one stripped line of a check's block) reports the failure. */
    static boolean reports(String statement) {
        return LOG_LINE.matcher(statement).find() || ERROR_SENT.matcher(statement).find()
                || ERROR_HANDED.matcher(statement).find() || ERROR_ANSWER.matcher(statement).find();
    }

    /** True when {@code statement} answers the HTTP client (left out of the statements that act otherwise). */
    static boolean answers(String statement) {
        return ERROR_ANSWER.matcher(statement).find();
    }
}
