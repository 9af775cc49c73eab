package kb.review.engine;

import static kb.review.engine.PrecisionSet11ClassesTest.newGoFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AH of the eleventh held-out precision set (CONC-01): goroutines that only wait and then stop a library server or
 * cancel a context (open-im-server's websocket and RPC shutdown watchers, polaris's connection sweeper). CONC-01 asks
 * for a recover because a panic in any goroutine ends the process; such a body runs none of the program's code, so
 * there is nothing for a recover to catch: {@code <-ctx.Done(); _ = srv.Shutdown(context.Background())}, gRPC's
 * {@code GracefulStop()}, {@code defer cancel(); wg.Wait()}. The review already let the same watchers pass with a
 * plain {@code cancel()} or a server's {@code ListenAndServe}. The same watcher that goes on to run the program's own
 * code after the wait stays reported. The code is written for this test.
 */
class PrecisionSet11GoroutineClassesTest {

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("CONC-01"))
                .map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    private static String watchers(String afterWait) {
        return """
                package gateway

                import (
                \t"context"
                \t"net/http"
                \t"sync"

                \t"google.golang.org/grpc"
                )

                func (g *Gateway) run(ctx context.Context, ws *http.Server, rpc *grpc.Server, wait *sync.WaitGroup) {
                \tdone := make(chan struct{})
                \tgo func() {
                \t\tdefer close(done)
                \t\t<-ctx.Done()
                \t\t_ = ws.Shutdown(context.Background())
                \t}()
                \tgo func() {
                \t\t<-ctx.Done()
                \t\trpc.GracefulStop()
                \t\tclose(g.stopped)
                \t}()
                \tsweepCtx, cancel := context.WithCancel(ctx)
                \tgo func() {
                \t\tdefer cancel()
                \t\twait.Wait()
                %s\t}()
                \t<-sweepCtx.Done()
                \t<-done
                }
                """.formatted(afterWait);
    }

    @Test
    void watchers_that_only_wait_then_stop_a_server_or_cancel_are_not_reported() {
        assertEquals(List.of(), found(newGoFile("internal/gateway/run.go", watchers(""))));
    }

    @Test
    void the_same_watcher_running_the_programs_own_code_after_the_wait_is_still_reported() {
        assertEquals(List.of("internal/gateway/run.go:24"),
                found(newGoFile("internal/gateway/run.go", watchers("\t\tg.sweepOutdated(ctx)\n"))));
    }
}
