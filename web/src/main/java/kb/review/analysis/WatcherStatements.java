package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * More statements of {@link IdleGoroutines}' class, from set 13's CONC-01 false rows: goroutines that run none of the
 * program's code.
 * <ul>
 * <li>A signal watcher (AH): it makes a channel, hands it to {@code signal.Notify}, waits for one signal, and hands on
 * an error that names it ({@code doShutdown(shutdown, fmt.Errorf("received signal %s", sig))}, the callee being idle
 * itself). Nothing there can panic: the channel, the registration and the receive are the runtime's.</li>
 * <li>A server runner (BB): it runs a library's server to its end ({@code web.ServeMultiple(...)},
 * {@code srv.ServeTLS(...)}), and reports the exit: a check of that error ({@code if err != nil && !errors.Is(err,
 * http.ErrServerClosed)}), a log line through a library logger, a send or a close. The server recovers each
 * handler's panic itself, as {@code go srv.Serve(l)}, already left alone, does.</li>
 * </ul>
 * A call into the program's own code (a function the change or checkout declares) is never one of these: the caller
 * checks that with its summaries.
 */
final class WatcherStatements {

    private WatcherStatements() {
    }

    private static final Pattern MAKE_CHANNEL = Pattern.compile(
            "\\w+\\s*:?=\\s*make\\(\\s*chan\\s+[\\w.*\\[\\]]+(?:\\s*,\\s*\\d+)?\\s*\\)");
    private static final Pattern NOTIFY = Pattern.compile("signal\\.Notify\\(\\s*[\\w.,\\s]*\\)");
    private static final Pattern RECEIVED = Pattern.compile("\\w+(?:\\s*,\\s*\\w+)?\\s*:?=\\s*<-\\s*[\\w.\\[\\]]+");
    /** An error built from a message and plain values, as an argument; replaced by a plain name for the caller. */
    private static final Pattern ERROR_VALUE = Pattern.compile(
            "(?:fmt\\.Errorf|errors\\.New)\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*,\\s*[\\w.]+)*\\s*\\)");
    /** A library server run to its end, its error kept; group 1 is the callee. */
    private static final Pattern SERVE = Pattern.compile(
            "(?:(?:_|err)\\s*:?=\\s*)?([\\w.]+\\.(?:Serve\\w*|ListenAndServe\\w*))\\(\\s*[\\w.,\\s]*\\)");
    /** The check of that error, the server's normal end left out. */
    private static final Pattern SERVE_ERROR_CHECK = Pattern.compile(
            "if\\s+err\\s*!=\\s*nil(?:\\s*&&\\s*!?\\s*(?:errors\\.Is\\(\\s*err\\s*,\\s*[\\w.]+\\s*\\)"
                    + "|err\\s*!=\\s*[\\w.]+))?\\s*\\{|}\\s*else\\s*\\{");
    /** A log line through a logger, with plain values; group 1 is the callee. */
    private static final Pattern LOG_LINE = Pattern.compile("([\\w.]+\\.(?:Error|Errorf|Warn|Warnf|Info|Infof|Print|Printf"
            + "|Println))\\(\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|[\\w.]+|,|\\s)*\\)");

    /** A library server stopped: gRPC's GracefulStop, net/http's Shutdown; group 1 is the callee. */
    private static final Pattern STOP = Pattern.compile("(?:(?:_|err)\\s*:?=\\s*)?([\\w.]+\\.(?:GracefulStop|Shutdown))"
            + "\\((?:[\\w.,\\s]|context\\.(?:Background|TODO)\\(\\))*\\)");
    private static final String PLAIN_ARGS = "(?:\"(?:[^\"\\\\]|\\\\.)*\"|[\\w.]+|,|\\s)*";
    /**
     * A log line built as a chain with plain values, as zerolog writes it ({@code log.Info().Str("k", v).Msg("...")}):
     * group 1 is the level call that starts the chain.
     */
    private static final Pattern CHAINED_LOG_LINE = Pattern.compile("([\\w.]+\\.(?:Error|Warn|Info|Debug|Trace))\\(\\s*\\)"
            + "(?:\\.\\w+\\(" + PLAIN_ARGS + "\\))*\\.(?:Msg|Msgf|Send)\\(" + PLAIN_ARGS + "\\)");

    /** True for a statement of a signal watcher that needs no look at the program's code. */
    static boolean waitsForSignal(String st) {
        return MAKE_CHANNEL.matcher(st).matches() || NOTIFY.matcher(st).matches() || RECEIVED.matcher(st).matches();
    }

    /** True for a library server run to its end ({@code summaries} know none of the program's own). */
    static boolean runsLibraryServer(String st, Summaries summaries) {
        var m = SERVE.matcher(st);
        return m.matches() && !summaries.knows(m.group(1));
    }

    /**
     * True for a library server stopped in place ({@code srv.GracefulStop()}, {@code _ = srv.Shutdown(ctx)}): a
     * shutdown watcher (set 14, DM: woodpecker's gRPC watcher) may report around it as a runner reports its exit.
     */
    static boolean stopsLibraryServer(String st, Summaries summaries) {
        var m = STOP.matcher(st);
        return m.matches() && !summaries.knows(m.group(1));
    }

    /** True for a statement of a server runner's exit report: its error check, a library log line. */
    static boolean reportsServerExit(String st, Summaries summaries) {
        if (SERVE_ERROR_CHECK.matcher(st).matches()) {
            return true;
        }
        var chained = CHAINED_LOG_LINE.matcher(st);
        if (chained.matches()) {
            return !summaries.knows(chained.group(1));
        }
        var m = LOG_LINE.matcher(st);
        return m.matches() && !summaries.knows(m.group(1));
    }

    /** The statement with each error built from a message replaced by a plain name, so a call reads as plain. */
    static String plainErrors(String st) {
        return ERROR_VALUE.matcher(st).replaceAll("failure");
    }
}
