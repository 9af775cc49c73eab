package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * More statements of {@link IdleGoroutines}' class, from sets 16 and 17's CONC-01 false rows (AH, 21 of them): a
 * goroutine that only waits for something to end and then tears one thing down. Nothing in it runs the program's work,
 * so short of a runtime bug nothing in it panics, and a recover would have nothing to catch.
 * <ul>
 * <li>A teardown call of one thing, its error ignored, assigned or checked and logged: {@code conn.Close()},
 * {@code c.ws.Close(code, "")}, {@code m.GracefulClose(d)}, {@code s.stop()}, {@code _ = l.Shutdown(ctx)},
 * {@code if err := c.Close(); err != nil { log.Debugf(...) }} (a connection closed in the background so a slow
 * close handshake does not hold the caller, a pool's expired connection).</li>
 * <li>A wait for a process, a client or a control to end, its result handed back on a channel:
 * {@code done <- cmd.Wait()}, {@code errc <- client.Wait()}, {@code ctl.WaitClosed()}.</li>
 * <li>A drain of a stream into nothing: {@code io.Copy(io.Discard, body)}.</li>
 * <li>Beside those, a log line or an error check's opening: never enough alone (frp's admin server goroutine, its
 * hunk cut after the log line that opens it, runs the server below).</li>
 * </ul>
 * A teardown the review can see (declared in the change) is judged by its body instead, as any other call: a stop
 * that flushes first runs the program's work (set 7's stop helpers).
 * A named function launched by itself is one of these when its name is a teardown verb ({@code go conn.Close()},
 * {@code go p.closeConn(c)}, {@code go m.GracefulClose(d)}): the goroutine exists so the caller does not wait for the
 * close. A name that goes on past the verb ({@code CloseProxy}, a plugin notification over HTTP in frp) is work.
 */
final class TeardownGoroutines {

    private TeardownGoroutines() {
    }

    /** The names of teardown calls, as a simple name (the call's last segment). */
    private static final String VERB = "(?:[Gg]raceful)?(?:Close|close|Stop|stop|Shutdown|shutdown|Kill|kill|Release"
            + "|Disconnect|disconnect|Terminate|terminate)(?:Conn|Connection|Quietly|Silently|Now|Gracefully)?";
    private static final String ARGS = "\\((?:[^()]|\\([^()]*\\))*\\)";
    private static final Pattern TEARDOWN_NAME = Pattern.compile(VERB);
    private static final Pattern TEARDOWN = Pattern.compile(
            "(?:(?:_|err)\\s*:?=\\s*)?([\\w.\\[\\]]+\\." + VERB + ")" + ARGS);
    /** The first half of {@code if err := x.Close(); err != nil {}}, as a statement split at ';' gives it. */
    private static final Pattern CHECKED_TEARDOWN = Pattern.compile(
            "if\\s+(?:_\\s*,\\s*)?err\\s*:?=\\s*([\\w.\\[\\]]+\\." + VERB + ")" + ARGS);
    /** Its second half, or a plain error check. */
    private static final Pattern ERROR_CHECK = Pattern.compile("(?:if\\s+)?err\\s*!=\\s*nil\\s*\\{");
    private static final Pattern WAIT = Pattern.compile(
            "(?:(?:_|err|\\w+)\\s*:?=\\s*)?[\\w.\\[\\]]+\\.[Ww]ait\\w*\\(\\s*\\)");
    private static final Pattern SEND_WAIT = Pattern.compile(
            "[\\w.\\[\\]]+\\s*<-\\s*[\\w.\\[\\]]+\\.[Ww]ait\\w*\\(\\s*\\)");
    private static final Pattern DISCARD = Pattern.compile(
            "(?:_\\s*,\\s*(?:_|err)\\s*:?=\\s*)?io\\.Copy\\(\\s*(?:io|ioutil)\\.Discard\\s*,\\s*[\\w.]+\\s*\\)");
    private static final Pattern LOG = Pattern.compile(
            "[\\w.]+\\.(?:Debug|Info|Warn|Warning|Error|Print|Trace|Log)\\w*\\((?:[^()]|\\([^()]*\\))*\\)");

    /** True for one statement (split at line breaks and ';', comments gone) of a wait-and-teardown goroutine. */
    static boolean statement(String st, Summaries summaries) {
        for (Pattern p : new Pattern[] {TEARDOWN, CHECKED_TEARDOWN}) {
            var m = p.matcher(st);
            if (m.matches()) {
                // a teardown the review can see is judged by its body (a stop that flushes first runs work)
                return !summaries.knows(m.group(1));
            }
        }
        if (WAIT.matcher(st).matches() || SEND_WAIT.matcher(st).matches() || DISCARD.matcher(st).matches()) {
            return true;
        }
        return false;
    }

    /**
     * True for a statement that goes with a wait or a teardown without being one: a log line, an error check's
     * opening. It never makes a body idle alone (a body cut by its hunk after its log line runs more than it shows).
     */
    static boolean beside(String st) {
        return LOG.matcher(st).matches() || ERROR_CHECK.matcher(st).matches();
    }

    /** True when a goroutine launched as {@code go callee(...)} is named for a teardown. */
    static boolean teardownCallee(String callee) {
        return TEARDOWN_NAME.matcher(Summaries.simpleName(callee)).matches();
    }
}
