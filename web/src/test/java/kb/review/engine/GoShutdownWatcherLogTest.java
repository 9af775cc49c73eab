package kb.review.engine;

import static kb.review.engine.PrecisionSet11ClassesTest.newGoFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Set 14's DM (CONC-01): a shutdown watcher that waits for its context, stops a library server (gRPC's
 * {@code GracefulStop}, net/http's {@code Shutdown}) and logs a plain line before and after. The review already
 * leaves the silent watcher alone (set 11's AH, {@code PrecisionSet11GoroutineClassesTest}: a body of runtime and
 * library calls has no program code whose panic a recover would catch) and lets a server runner report its exit
 * through a library logger (set 13's BB); a stopper's log lines are the same library calls with plain values, in
 * zerolog's chained form too ({@code log.Info().Str("addr", a).Msg("...")}). CONC-01's text ("a bare go func() in
 * service code is a review finding") does not itself make this exception: it is the projects' reading of the item's
 * why, which the realfixes README records for AH and DM.
 *
 * <p>Still reported: a watcher that also runs the program's own code, one whose log line calls the program's code
 * for its message, one that logs without stopping anything, and one that stops a server type the program declares.
 */
class GoShutdownWatcherLogTest {

    private static List<Integer> found(String code) {
        return TestRules.reviewDiff(newGoFile("internal/server/run.go", code)).active().stream()
                .filter(f -> f.item().equals("CONC-01")).map(f -> f.line()).sorted().toList();
    }

    private static String watcher(String body) {
        return """
                package server

                import (
                \t"context"
                \t"log"
                \t"log/slog"
                \t"net/http"

                \tzlog "github.com/rs/zerolog/log"
                \t"google.golang.org/grpc"
                )

                func run(ctx context.Context, rpc *grpc.Server, web *http.Server, addr string) {
                \tgo func() {
                %s\t}()
                }

                func (s *state) flushQueues() { s.queues = nil }

                func describe(a string) string { return "server " + a }
                """.formatted(body);
    }

    @Test
    void a_grpc_watcher_logging_through_zerolog_around_graceful_stop_is_not_reported() {
        assertEquals(List.of(), found(watcher("""
                \t\t<-ctx.Done()
                \t\tzlog.Info().Str("addr", addr).Msg("stopping grpc")
                \t\trpc.GracefulStop()
                \t\tzlog.Info().Msg("grpc stopped")
                """)));
    }

    @Test
    void an_http_watcher_logging_through_log_or_slog_around_shutdown_is_not_reported() {
        assertEquals(List.of(), found(watcher("""
                \t\t<-ctx.Done()
                \t\tlog.Println("shutting down", addr)
                \t\t_ = web.Shutdown(context.Background())
                \t\tslog.Info("http stopped", "addr", addr)
                """)));
    }

    @Test
    void a_watcher_waiting_on_either_of_two_channels_or_logging_with_printf_is_not_reported() {
        assertEquals(List.of(), found(watcher("""
                \t\tselect {
                \t\tcase <-ctx.Done():
                \t\tcase <-web.Done:
                \t\t}
                \t\tzlog.Warn().Msgf("stopping %s", addr)
                \t\trpc.GracefulStop()
                """)));
        assertEquals(List.of(), found(watcher("""
                \t\t<-ctx.Done()
                \t\tlog.Printf("stopping %s", addr)
                \t\terr := web.Shutdown(context.Background())
                \t\tlog.Println("http stopped", err)
                """)));
    }

    @Test
    void a_watcher_that_also_runs_the_programs_code_or_builds_its_message_with_it_is_reported() {
        assertEquals(List.of(14), found(watcher("""
                \t\t<-ctx.Done()
                \t\trpc.GracefulStop()
                \t\tzlog.Info().Msg("grpc stopped")
                \t\tflushQueues()
                """)));
        assertEquals(List.of(14), found(watcher("""
                \t\t<-ctx.Done()
                \t\tzlog.Info().Msg(describe(addr))
                \t\trpc.GracefulStop()
                """)));
    }

    @Test
    void a_watcher_that_only_logs_is_reported() {
        assertEquals(List.of(14), found(watcher("""
                \t\t<-ctx.Done()
                \t\tzlog.Info().Str("addr", addr).Msg("context over")
                """)));
    }
}
