package kb.review.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Goroutine bodies that run none of the program's own code, so a panic has nowhere to come from and a recover would
 * have nothing to catch. CONC-01 asks for a recover because a panic in any goroutine ends the whole process; what
 * panics in practice is the program's code (a nil map, an index, a type assertion) run on that goroutine. A body that
 * only coordinates other goroutines runs none:
 * <ul>
 * <li>it waits, marks done, closes a channel, receives, or sends a signal value ({@code close(w.stop); <-w.done},
 * {@code w.join <- struct{}{}}): a stop or join helper run in parallel for each worker;</li>
 * <li>it starts more goroutines ({@code go w.loop(); go w.observer.start()}): each of those is reported where it
 * starts, if it needs a recover;</li>
 * <li>it puts a value back into a pool ({@code pool.Put(w)} of a library's pool);</li>
 * <li>it runs a library's server ({@code srv.ListenAndServe()}): net/http recovers each handler's panic itself, as
 * {@code go srv.Serve(l)}, already left alone, does; or it stops one ({@code _ = srv.Shutdown(context.Background())},
 * gRPC's {@code GracefulStop()}), which waits for the server's own goroutines (set 11, AH: open-im-server's
 * websocket and RPC shutdown watchers);</li>
 * <li>it drains a channel and drops what it receives, until the channel closes ({@code for range c.Messages() {}})
 * or until a done channel fires ({@code for { select { case <-hb: case <-ctx.Done(): return } }}): a library that
 * must not block on an unread channel, fed by this goroutine's receives alone;</li>
 * <li>it keeps what it receives in a slice or a counter of its own ({@code ids = append(ids, id)}): a collector;</li>
 * <li>it calls the program's own functions whose bodies (visible in the change or checkout) are all of the above.</li>
 * <li>it does the above inside a {@code select} over receives and sends, or a loop over a channel
 * ({@code for v := range ap.Errors() { out <- v }}), or cancels a context with its local cancel function
 * ({@code case <-quit: cancel()}, or {@code defer cancel()} after a wait): a watcher that ties one context or channel
 * to another.</li>
 * </ul>
 * Judged on the seventh held-out precision set (AH: gocraft/work's stop, join, start and web UI goroutines,
 * clickhouse-go's pool return; seven findings, none true) and on the ninth (AH: a partition's cancel watcher, a
 * producer's error and success forwarders, a connection-closed signal). One call into anything else, or a body the
 * review cannot see, keeps the finding.
 */
final class IdleGoroutines {

    private IdleGoroutines() {
    }

    private static final Pattern WAIT_OR_CLOSE = Pattern.compile(
            "(?:defer\\s+)?(?:close\\(\\s*[\\w.\\[\\]]+\\s*\\)|[\\w.\\[\\]]+\\.(?:Wait|Done)\\(\\s*\\))");
    private static final Pattern RECEIVE = Pattern.compile("(?:_\\s*=\\s*)?<-\\s*[\\w.\\[\\]]+(?:\\(\\s*\\))?");
    private static final Pattern SIGNAL = Pattern.compile(
            "[\\w.\\[\\]]+\\s*<-\\s*(?:struct\\s*\\{\\s*}\\s*\\{\\s*}|&?[\\w.]+\\s*\\{\\s*}" // an empty value
                    + "|true|false|nil|\\d+|[\\w.]+)");
    /** The frame of a select or of a loop over a channel: its opening, cases and closing braces carry no work. */
    private static final Pattern FRAME = Pattern.compile("select\\s*\\{|for\\s*\\{"
            + "|for\\s+(?:\\w+(?:\\s*,\\s*\\w+)?\\s*:=\\s*)?range\\s+[\\w.]+(?:\\(\\s*\\))?\\s*\\{"
            + "|}|default\\s*:|break");
    /** A case of a select: what follows 'case' is a receive (possibly assigned) or a send. */
    private static final Pattern CASE = Pattern.compile("case\\s+(?:\\w+(?:\\s*,\\s*\\w+)?\\s*:?=\\s*)?(.+?)\\s*:");
    /** A context's cancel function, called bare: a local from context.WithCancel or WithTimeout, which cannot panic. */
    private static final Pattern CANCEL = Pattern.compile("(?:cancel\\w*|\\w+Cancel)\\(\\s*\\)");
    private static final Pattern SPAWN = Pattern.compile("go\\s+[\\w.]+\\([^()]*\\)");
    /**
     * A received value kept in the goroutine's own slice or counter ({@code ids = append(ids, id)}, {@code n++}): a
     * collector that gathers what workers report until a done channel fires (set 19's AH: shiori's failed ids).
     * Appending plain values to a slice and counting cannot panic.
     */
    private static final Pattern COLLECT = Pattern.compile(
            "(\\w+)\\s*=\\s*append\\(\\s*\\1\\s*,\\s*[\\w.]+(?:\\s*,\\s*[\\w.]+)*\\s*\\)|\\w+\\s*(?:\\+\\+|--)"
                    // the collector's own empty state: `var ids []int`, `n := 0`
                    // (a slice or a count only: a WaitGroup or a client declared there starts work the body goes on to)
                    + "|var\\s+\\w+\\s+(?:\\[\\][\\w.*]+|u?int(?:64|32)?)|\\w+\\s*:=\\s*(?:0|\\[\\][\\w.*]+\\s*\\{\\s*})");
    /** A library pool's put or a library server's run; the callee (group 1) must be unknown to the summaries. */
    private static final Pattern LIBRARY = Pattern.compile(
            "(?:(?:_|err)\\s*:?=\\s*)?([\\w.\\[\\]]+\\.(?:Put|ListenAndServe|ListenAndServeTLS|Serve|ServeTLS"
                    + "|Shutdown|GracefulStop))\\((?:[\\w.,\\s\"]|context\\.(?:Background|TODO)\\(\\))*\\)");
    /** A context's cancel function deferred bare ({@code defer cancel()}), as {@link #CANCEL} called. */
    private static final Pattern DEFERRED_CANCEL = Pattern.compile("defer\\s+((?:cancel\\w*|\\w+Cancel))\\(\\s*\\)");
    private static final String CHANNEL = "<-\\s*[\\w.\\[\\]]+(?:\\(\\s*\\))?";
    /**
     * A whole body that only drains: a range over a channel with an empty body, or a loop of a select whose every case
     * only receives (and returns, or does nothing). The received values are dropped, so no program code runs.
     */
    private static final Pattern DRAIN = Pattern.compile(
            "for\\s+(?:_\\s*=\\s*)?range\\s+[\\w.\\[\\]]+(?:\\(\\s*\\))?\\s*\\{\\s*}"
                    + "|for\\s*\\{\\s*select\\s*\\{(?:\\s*case\\s+(?:_\\s*=\\s*)?" + CHANNEL
                    + "\\s*:\\s*(?:return\\s*)?)+}\\s*}");
    /** A call of the program's own function with plain arguments; group 1 is the callee. */
    private static final Pattern OWN_CALL = Pattern.compile("([\\w.]+)\\(\\s*[\\w.,\\s]*\\)");

    /**
     * True when the block {@code body} (braces included, as the parser gives a function's or literal's body) holds
     * at least one statement and every statement is one of the class comment's.
     */
    static boolean runsNoProgramCode(String body, Summaries summaries) {
        return idle(body, summaries, 3);
    }

    /** True when {@code go callee(...)} runs a function of the program whose every declaration is idle. */
    static boolean calleeRunsNoProgramCode(String callee, Summaries summaries) {
        List<Summaries.Function> declared = summaries.declarations(callee);
        return !declared.isEmpty() && declared.stream().allMatch(f -> idle(f.body(), summaries, 2));
    }

    private static boolean idle(String body, Summaries summaries, int depth) {
        return idle(body, summaries, depth, false);
    }

    /**
     * True when {@code body} holds only the class comment's statements; with {@code pool}, a loop that starts
     * goroutines is allowed too: the body of a worker pool that runs its caller's callback only on the goroutines it
     * starts ({@link LaunchingGoroutines#handsOffToPool}).
     */
    static boolean idle(String body, Summaries summaries, int depth, boolean pool) {
        int open = body == null ? -1 : body.indexOf('{');
        int close = body == null ? -1 : body.lastIndexOf('}');
        if (open < 0 || close <= open) {
            return false;
        }
        body = LaunchingGoroutines.foldSpawnedLiterals(body);
        if (depth > 0) {
            body = LaunchingGoroutines.foldPoolHandoffs(body, summaries, depth - 1);
        }
        close = body.lastIndexOf('}');
        if (DRAIN.matcher(body.substring(open + 1, close).replaceAll("//[^\\n]*", "").strip()).matches()) {
            return true;
        }
        boolean any = false;
        boolean setup = false;
        boolean spawns = false;
        String[] statements = body.substring(open + 1, close).split("[;\\n]");
        boolean serves = java.util.Arrays.stream(statements)
                .anyMatch(x -> WatcherStatements.runsLibraryServer(x.strip(), summaries)
                        || WatcherStatements.stopsLibraryServer(x.replaceFirst("//.*", "").strip(), summaries));
        for (String statement : statements) {
            String st = statement.replaceFirst("//.*", "").strip();
            if (st.isEmpty() || st.equals("return") || TeardownGoroutines.beside(st)) {
                continue; // a log line or an error check counts for nothing alone (TeardownGoroutines)
            }
            if (!idleStatement(st, summaries, depth)
                    && !(serves && WatcherStatements.reportsServerExit(st, summaries))) {
                return false;
            }
            setup |= LaunchingGoroutines.setup(st);
            spawns |= SPAWN.matcher(st).matches();
            any = true;
        }
        if (setup && !spawns) {
            return false; // a context made for work the body does not show (a hunk cut below it): only a launcher's
        }
        // a loop that starts goroutines is a dispatcher (an accept loop handing each connection to a handler): it
        // runs for the component's life, and set 6 judged it the component's own work; a launcher that waits once
        // (a select for ready) and then starts its workers is not one (set 21, AH: LaunchingGoroutines)
        return any && (pool || !LaunchingGoroutines.spawnsInLoop(body));
    }

    private static boolean idleStatement(String st, Summaries summaries, int depth) {
        if (WAIT_OR_CLOSE.matcher(st).matches() || RECEIVE.matcher(st).matches() || SIGNAL.matcher(st).matches()
                || SPAWN.matcher(st).matches() || FRAME.matcher(st).matches() || COLLECT.matcher(st).matches()) {
            return true;
        }
        var selected = CASE.matcher(st);
        if (selected.matches()) {
            return RECEIVE.matcher(selected.group(1)).matches() || SIGNAL.matcher(selected.group(1)).matches();
        }
        var deferred = DEFERRED_CANCEL.matcher(st);
        if (deferred.matches()) {
            return summaries.declarations(deferred.group(1)).isEmpty();
        }
        var lib = LIBRARY.matcher(st);
        if (lib.matches() && !summaries.knows(lib.group(1))) {
            return true;
        }
        if (WatcherStatements.waitsForSignal(st) || WatcherStatements.runsLibraryServer(st, summaries)) {
            return true;
        }
        if (LaunchingGoroutines.setup(st) || LaunchingGoroutines.contextExit(st)) {
            return true; // its own context, a permit on it, its end (set 21, AH)
        }
        if (TeardownGoroutines.statement(st, summaries)) {
            return true; // a wait, a teardown of one thing, a drain, a log line (set 17, AH)
        }
        var own = OWN_CALL.matcher(WatcherStatements.plainErrors(st));
        if (!own.matches()) {
            return false;
        }
        List<Summaries.Function> declared = summaries.declarations(own.group(1));
        if (declared.isEmpty()) {
            return CANCEL.matcher(st).matches();
        }
        return depth > 0 && declared.stream().allMatch(f -> idle(f.body(), summaries, depth - 1));
    }
}
