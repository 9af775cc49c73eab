package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * Go logger calls that write no line (session 29, logprec29; the precision sets' classes AY and LV): the context
 * builders of logrus, zap, slog, zerolog and the loggers shaped after them ({@code logrus.WithFields(...)},
 * {@code entry.WithField("k", v)}, {@code logger.With(...)}, {@code WithError(err)}, {@code WithContext(ctx)},
 * {@code WithGroup(...)}) return an entry that carries fields for a line written later. A builder that is the first
 * link of a chain ({@code logrus.WithFields(f).Debug("...")}) is judged by the chain's last link, the call that writes
 * (a debug line that formats nothing when off is left alone, an info line per element is reported); one assigned to a
 * variable ({@code clog := logrus.WithFields(...)}) writes nothing at all. Before this, the builder link itself was
 * reported as the loop's line, whatever level the chain ended at (24 rows of set 21, all judged false).
 */
final class GoLogBuilders {

    /** The last selector of the callee is a context builder. */
    private static final Pattern BUILDER = Pattern.compile(
            "\\.(?:With|WithField|WithFields|WithError|WithContext|WithTime|WithGroup|WithOptions|Named)$");

    private GoLogBuilders() {
    }

    /** True when the Go call named {@code callee} only builds a logger entry and writes no line. */
    static boolean buildsOnly(String callee) {
        return BUILDER.matcher(callee).find();
    }
}
