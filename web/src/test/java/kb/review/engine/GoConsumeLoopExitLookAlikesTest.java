package kb.review.engine;

import static kb.review.engine.GoConsumeLoopExitsTest.RULE;
import static kb.review.engine.GoConsumeLoopExitsTest.conc07;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-07's look-alikes of a consume loop that gives up on an error ({@link GoConsumeLoopExitsTest} holds the
 * defects): a loop that backs off and goes on, returns only on its context or the end of input, a WebSocket read loop,
 * a one-shot fetch, a bounded retry, an error handed to the owner, a gRPC server stream's handler, a callback's
 * return; and the edit that turns a heartbeat's continue into a return, which is found. Code written for this test.
 */
class GoConsumeLoopExitLookAlikesTest {

    // --- clean look-alikes

    @Test
    void a_heartbeat_loop_whose_edit_turns_the_failed_calls_continue_into_a_return_is_found() {
        // round 23's go-22: no back-off was removed, but the loop used to go on after a failure and now stops
        String diff = """
                diff --git a/agent/beat.go b/agent/beat.go
                index 1111111..2222222 100644
                --- a/agent/beat.go
                +++ b/agent/beat.go
                @@ -30,8 +30,8 @@ func (a *Agent) heartbeatLoop(ctx context.Context) {
                 		cancel()
                 		if err != nil {
                 			a.misses.Inc()
                -			a.log.Printf("beat of %s failed: %v", a.id, err)
                -			continue
                +			a.log.Printf("beat of %s failed, giving up: %v", a.id, err)
                +			return
                 		}
                 	}
                 }
                """;
        assertEquals(List.of("34:" + RULE), conc07(diff));
    }

    @Test
    void a_validation_loop_that_now_fails_fast_in_a_function_not_named_for_a_loop_is_clean() {
        // the same edit in a one-shot pass over a finite list: failing fast is a choice, not a schedule that stops
        String diff = """
                diff --git a/config/check.go b/config/check.go
                index 1111111..2222222 100644
                --- a/config/check.go
                +++ b/config/check.go
                @@ -30,8 +30,8 @@ func validateRoutes(routes []Route) error {
                 		err := r.validate()
                 		if err != nil {
                 			invalid++
                -			log.Printf("route %s skipped: %v", r.Name, err)
                -			continue
                +			log.Printf("route %s invalid: %v", r.Name, err)
                +			return
                 		}
                 	}
                 }
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_read_loop_that_backs_off_and_goes_on_and_returns_only_on_its_context_is_clean() {
        String diff = """
                diff --git a/ingest/orders.go b/ingest/orders.go
                index 1111111..2222222 100644
                --- a/ingest/orders.go
                +++ b/ingest/orders.go
                @@ -40,9 +40,12 @@ func (w *OrderWorker) pump(ctx context.Context) {
                 		m, err := w.reader.ReadMessage(ctx)
                 		if err != nil {
                +			if ctx.Err() != nil {
                +				return
                +			}
                 			w.log.Warn("read failed", "err", err)
                 			time.Sleep(w.pause)
                 			continue
                 		}
                 		w.handle(ctx, m)
                 	}
                 }
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_consumer_that_returns_on_cancellation_or_the_end_of_input_is_clean() {
        String diff = """
                diff --git a/events/consume.go b/events/consume.go
                new file mode 100644
                --- /dev/null
                +++ b/events/consume.go
                @@ -0,0 +1,24 @@
                +package events
                +
                +import (
                +	"context"
                +	"errors"
                +	"io"
                +)
                +
                +func (c *Consumer) loop(ctx context.Context) {
                +	for {
                +		m, err := c.r.FetchMessage(ctx)
                +		if errors.Is(err, context.Canceled) || errors.Is(err, io.EOF) {
                +			return
                +		}
                +		if err != nil {
                +			c.log.Warn("fetch", "err", err)
                +			continue
                +		}
                +		c.handle(m)
                +	}
                +}
                +
                +var _ = io.EOF
                +var _ = errors.New
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_websocket_read_loop_that_ends_when_the_peer_goes_is_clean() {
        String diff = """
                diff --git a/hub/client.go b/hub/client.go
                new file mode 100644
                --- /dev/null
                +++ b/hub/client.go
                @@ -0,0 +1,13 @@
                +package hub
                +
                +func (c *Client) readPump() {
                +	defer c.hub.unregister(c)
                +	for {
                +		_, data, err := c.ws.ReadMessage()
                +		if err != nil {
                +			c.log.Debug("client left", "err", err)
                +			return
                +		}
                +		c.hub.broadcast <- data
                +	}
                +}
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_one_shot_fetch_outside_any_loop_is_clean() {
        String diff = """
                diff --git a/admin/peek.go b/admin/peek.go
                new file mode 100644
                --- /dev/null
                +++ b/admin/peek.go
                @@ -0,0 +1,12 @@
                +package admin
                +
                +import "context"
                +
                +func (a *Admin) peek(ctx context.Context) {
                +	m, err := a.reader.FetchMessage(ctx)
                +	if err != nil {
                +		a.log.Warn("peek", "err", err)
                +		return
                +	}
                +	a.show(m)
                +}
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_retry_that_gives_up_after_a_stated_bound_is_clean() {
        String diff = """
                diff --git a/jobs/receive.go b/jobs/receive.go
                index 1111111..2222222 100644
                --- a/jobs/receive.go
                +++ b/jobs/receive.go
                @@ -20,6 +20,10 @@ func (p *Poller) loop(ctx context.Context) {
                 		out, err := p.api.ReceiveMessage(ctx, p.input)
                 		if err != nil {
                 			failures++
                +			if failures >= p.maxFailures {
                +				p.log.Error("giving up", "err", err)
                +				return
                +			}
                 			continue
                 		}
                 		failures = 0
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_consumer_that_hands_its_error_to_the_owner_before_it_stops_is_clean() {
        String diff = """
                diff --git a/shards/consume.go b/shards/consume.go
                index 1111111..2222222 100644
                --- a/shards/consume.go
                +++ b/shards/consume.go
                @@ -30,6 +30,7 @@ func (k *Group) consumeShard(ctx context.Context, id string) {
                 		out, err := k.api.GetRecords(ctx, k.input(id))
                 		if err != nil {
                 			k.errs <- fmt.Errorf("shard %s: %w", id, err)
                +			return
                 		}
                 		k.deliver(out.Records)
                 	}
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_grpc_server_stream_handler_that_returns_when_the_client_fails_is_clean() {
        String diff = """
                diff --git a/rpc/chat.go b/rpc/chat.go
                new file mode 100644
                --- /dev/null
                +++ b/rpc/chat.go
                @@ -0,0 +1,15 @@
                +package rpc
                +
                +import pb "example.com/chat/gen"
                +
                +func (s *Server) Talk(stream pb.Chat_TalkServer) error {
                +	for {
                +		in, err := stream.Recv()
                +		if err != nil {
                +			s.log.Debug("talk ended", "err", err)
                +			return nil
                +		}
                +		s.rooms.Post(in)
                +	}
                +}
                +
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_return_inside_a_per_record_callback_is_clean() {
        String diff = """
                diff --git a/feed/apply.go b/feed/apply.go
                index 1111111..2222222 100644
                --- a/feed/apply.go
                +++ b/feed/apply.go
                @@ -40,5 +40,7 @@ func (s *Stream) run(ctx context.Context) {
                 		fs.EachRecord(func(rec *kgo.Record) {
                 			if err := s.apply(ctx, rec); err != nil {
                 				s.failed.Inc()
                +				return
                 			}
                +			s.applied.Inc()
                 		})
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_break_out_of_an_inner_paging_loop_in_a_ticker_case_is_clean() {
        String diff = """
                diff --git a/queue/reclaim.go b/queue/reclaim.go
                new file mode 100644
                --- /dev/null
                +++ b/queue/reclaim.go
                @@ -0,0 +1,22 @@
                +package queue
                +
                +func (c *Consumer) reclaim() {
                +	t := time.NewTicker(c.every)
                +	for {
                +		select {
                +		case <-c.stop:
                +			return
                +		case <-t.C:
                +			for {
                +				page, err := c.store.XPending(c.stream, c.cursor)
                +				if err != nil {
                +					c.log.Warn("pending", "err", err)
                +					break
                +				}
                +				if !c.claim(page) {
                +					break
                +				}
                +			}
                +		}
                +	}
                +}
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_receive_loop_over_a_session_the_function_opened_and_closes_is_clean() {
        String diff = """
                diff --git a/bus/session.go b/bus/session.go
                new file mode 100644
                --- /dev/null
                +++ b/bus/session.go
                @@ -0,0 +1,20 @@
                +package bus
                +
                +import "context"
                +
                +func (c *Consumer) serveSession(ctx context.Context, s *Session) {
                +	defer func() {
                +		_ = s.Close(ctx)
                +	}()
                +	for {
                +		batch, err := s.ReceiveMessages(ctx, c.max)
                +		if err != nil {
                +			c.log.Error("session receive", "err", err)
                +			return
                +		}
                +		for _, m := range batch {
                +			c.handle(ctx, s, m)
                +		}
                +	}
                +}
                +
                """;
        assertEquals(List.of(), conc07(diff));
    }
}
