package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-03's Go class of a request or message handler that has its request's identity in a derived logger and writes
 * lines without it. LOG-03 asks that the id be put "in the logging context once" (in Go, a logger derived with it)
 * and that every line carry it, so a line that does not cannot be followed during an incident. Two edits lose it: the
 * derivation ({@code logger.With("request_id", id)}, go-kit's {@code log.With(logger, ...)}) replaced by a plain copy
 * of the service logger, which silently strips every later line of the handler; and a new line written through the
 * receiver's logger field beside the derived local. The clean look-alikes keep the derivation, log through the
 * derived local, log at debug level (off where incidents are read), or are functions that serve no request.
 */
class GoCorrelatedLoggerBypassTest {

    private static List<String> log03(String diff) {
        return GoRound8ClassesTest.item(diff, "LOG-03");
    }

    private static String orderHandler(String removed, String added) {
        return """
                diff --git a/orders/cancel.go b/orders/cancel.go
                index 1111111..2222222 100644
                --- a/orders/cancel.go
                +++ b/orders/cancel.go
                @@ -20,12 +20,12 @@ import (
                 // Cancel cancels an open order.
                 func (s *OrderService) Cancel(w http.ResponseWriter, r *http.Request) {
                %s
                %s
                 	id := r.PathValue("order")
                 	if err := s.repo.Cancel(r.Context(), id); err != nil {
                 		lg.Error("cancel failed", "order", id, "err", err)
                 		http.Error(w, "cancel failed", http.StatusConflict)
                 		return
                 	}
                 	lg.Debug("cancelled", "order", id)
                 	w.WriteHeader(http.StatusNoContent)
                 }
                """.formatted(removed, added);
    }

    @Test
    void replacing_the_request_logger_by_the_service_logger_strips_every_later_line() {
        assertEquals(List.of("25:go-correlated-logger-bypassed"), log03(orderHandler(
                "-\tlg := s.log.With(\"request_id\", middleware.RequestID(r.Context()))",
                "+\tlg := s.log")));
    }

    @Test
    void an_edit_that_keeps_the_derivation_is_clean() {
        assertEquals(List.of(), log03(orderHandler(
                "-\tlg := s.log.With(\"request_id\", middleware.RequestID(r.Context()))",
                "+\tlg := s.log.With(\"request_id\", middleware.RequestID(r.Context()), \"user\", userOf(r))")));
    }

    @Test
    void a_go_kit_derivation_replaced_by_a_copy_is_found_at_the_leveled_lines() {
        String diff = """
                diff --git a/billing/refund.go b/billing/refund.go
                index 1111111..2222222 100644
                --- a/billing/refund.go
                +++ b/billing/refund.go
                @@ -8,8 +8,8 @@ import (
                 // Refund refunds one payment.
                 func (a *API) Refund(w http.ResponseWriter, r *http.Request) {
                -	logger := log.With(a.logger, "trace_id", traceID(r))
                +	logger := a.logger
                 	if err := a.payments.Refund(r.Context(), r.FormValue("payment")); err != nil {
                 		level.Error(logger).Log("msg", "refund failed", "err", err)
                 		w.WriteHeader(http.StatusBadGateway)
                 		return
                 	}
                """;
        assertEquals(List.of("12:go-correlated-logger-bypassed"), log03(diff));
    }

    private static String consumer(String line) {
        return GoNewFileDiffs.newFile("queue/consumer.go", """
                package queue

                import (
                	"context"

                	"go.uber.org/zap"
                )

                func (c *Consumer) Handle(ctx context.Context, msg Message) error {
                	logger := c.logger.With(zap.String("message_id", msg.ID))
                	if err := c.apply(ctx, msg); err != nil {
                		if isRetryable(err) {
                %s
                		}
                		logger.Error("apply failed", zap.Error(err))
                		return err
                	}
                	return nil
                }
                """.formatted(line));
    }

    @Test
    void a_new_line_through_the_receivers_logger_beside_the_derived_one_is_found() {
        assertEquals(List.of("13:go-correlated-logger-bypassed"),
                log03(consumer("\t\t\tc.logger.Warn(\"apply will be retried\", zap.Error(err))")));
    }

    @Test
    void the_same_line_through_the_derived_logger_is_clean() {
        assertEquals(List.of(), log03(consumer("\t\t\tlogger.Warn(\"apply will be retried\", zap.Error(err))")));
    }

    private static String insideHandler(String section) {
        return """
                diff --git a/ingest/batch.go b/ingest/batch.go
                index 1111111..2222222 100644
                --- a/ingest/batch.go
                +++ b/ingest/batch.go
                @@ -40,4 +40,7 @@ %s
                 	if err := p.sink.Write(ctx, rows); err != nil {
                +		if errors.Is(err, ErrThrottled) {
                +			p.lg.Warnf("sink throttled, %%d rows will be retried", len(rows))
                +		}
                 		lg.Errorf("write %%d rows: %%v", len(rows), err)
                 		return err
                 	}
                """.formatted(section);
    }

    @Test
    void a_hidden_derivation_is_inferred_from_a_local_shadowing_the_field() {
        assertEquals(List.of("42:go-correlated-logger-bypassed"),
                log03(insideHandler("func (p *Pipeline) OnBatch(ctx context.Context, env Envelope) error {")));
    }

    @Test
    void a_function_that_serves_no_request_is_left_alone() {
        assertEquals(List.of(), log03(insideHandler("func (p *Pipeline) flushPending() error {")));
    }
}
