package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-01 asks for a recover in a goroutine because a panic there ends the process, and what panics is the program's
 * own code run on that goroutine. Two classes of goroutine run none (set 13's AH and BB rows): a signal watcher that
 * registers a channel with {@code signal.Notify}, waits for one signal and hands on an error naming it; and a server
 * runner that runs a library server to its end and reports the exit error (an error check, a log line, a send, a
 * close): the server recovers each handler's panic itself. Each clean shape has a look-alike that also calls the
 * program's own code, which stays reported.
 */
class GoWatcherGoroutinesTest {

    private static List<String> of(String diff) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals("CONC-01"))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    /** A start function whose watcher hands the signal on; {@code after} runs in the watcher after the signal. */
    private static String watcher(String after) {
        return """
                diff --git a/cmd/relay/stop.go b/cmd/relay/stop.go
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/cmd/relay/stop.go
                @@ -0,0 +1,33 @@
                +package main
                +
                +import (
                +	"fmt"
                +	"os"
                +	"os/signal"
                +	"syscall"
                +)
                +
                +func serve(r *Relay) error {
                +	stop := make(chan error)
                +	go stopOnSignal(r, stop)
                +	return <-stop
                +}
                +
                +func stopOnSignal(r *Relay, stop chan<- error) {
                +	sigs := make(chan os.Signal, 1)
                +	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
                +	got := <-sigs
                +	%s
                +}
                +
                +func report(stop chan<- error, err error) {
                +	select {
                +	case stop <- err:
                +	default:
                +	}
                +}
                +
                +func flush(r *Relay) {
                +	r.queue.Drain(r.sink)
                +	r.sink.Close()
                +}
                """.formatted(after);
    }

    @Test
    void a_goroutine_that_only_waits_for_a_signal_and_hands_it_on_is_clean() {
        assertEquals(List.of(), of(watcher("report(stop, fmt.Errorf(\"got signal %s\", got))")));
    }

    @Test
    void a_signal_watcher_that_then_runs_the_programs_own_work_is_found() {
        assertEquals(List.of("12:go-goroutine-without-recover"), of(watcher("flush(r)")));
    }

    /** An app that runs its HTTP server in a goroutine; {@code extra} is one more statement after the serve call. */
    private static String runner(String extra) {
        return """
                diff --git a/app/start.go b/app/start.go
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/app/start.go
                @@ -0,0 +1,26 @@
                +package app
                +
                +import (
                +	"errors"
                +	"net/http"
                +)
                +
                +func (a *App) Start() {
                +	go func() {
                +		err := a.srv.ServeTLS(a.listener, a.certFile, a.keyFile)
                +		%s
                +		if err != nil && !errors.Is(err, http.ErrServerClosed) {
                +			a.logger.Error("server stopped", "err", err)
                +			a.errc <- err
                +		}
                +		close(a.errc)
                +	}()
                +}
                +
                +func (a *App) cleanup() {
                +	for _, f := range a.tempFiles {
                +		a.fs.Remove(f)
                +	}
                +}
                +
                +
                """.formatted(extra);
    }

    @Test
    void a_goroutine_that_runs_a_library_server_and_reports_its_exit_is_clean() {
        assertEquals(List.of(), of(runner("// the server's own goroutines recover each handler")));
    }

    @Test
    void the_same_goroutine_that_also_runs_the_programs_clean_up_is_found() {
        assertEquals(List.of("9:go-goroutine-without-recover"), of(runner("a.cleanup()")));
    }
}
