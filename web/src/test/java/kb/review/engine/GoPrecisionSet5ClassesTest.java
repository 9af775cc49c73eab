package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go false classes of the fifth held-out precision set (realfixes README, "A fifth held-out precision set"), each
 * drawn by the shape of the code and paired with the defect of the same look that must still be found: a goodbye
 * (close frame, channel close, consumer cancel) on a path that is already ending (C), a call handed only a sentinel
 * error (BG), a callee in sight that returns no error (BO), the standard logger's own write (BP), a dialer bounded by
 * the context it is dialled with (BQ), and a loop that serves one peer and ends when the peer is gone (CONC-07).
 */
class GoPrecisionSet5ClassesTest {

    // --- ERR-01 C: a goodbye on a path that is already ending --------------------------------------------------

    private static final String REOPEN = """
            func (s *Session) reopen() {
            	if opened, err := s.open(); err != nil {
            		s.log.Printf("reopen of session %d failed: %v", s.id, err)
            		if opened {
            			DISCARD
            		}
            		s.markClosed()
            		return
            	}
            	s.state = stateOpen
            }
            """;

    private static List<String> reopen(String discard) {
        return item(file("session/reopen.go", REOPEN.replace("DISCARD", discard)), "ERR-01");
    }

    @Test
    void a_close_request_after_a_failed_reopen_that_ends_the_path_is_best_effort() {
        assertEquals(List.of(), reopen("_ = s.call(&sessionClose{Code: 200, Reason: \"reopen failed\"}, &sessionCloseOk{})"));
    }

    @Test
    void other_work_on_the_same_ending_path_is_still_reported() {
        // saving state is not a goodbye: its failure is lost although the path ends
        assertEquals(List.of("7:go-error-assigned-to-blank"), reopen("_ = s.store.Save(s.snapshot())"));
    }

    @Test
    void a_goodbye_followed_by_more_work_is_still_reported() {
        String diff = file("orders/book.go", """
                func (b *Book) settle(id string, price int) int {
                	_ = b.exchange.CancelOrder(id)
                	total := b.total + price
                	b.total = total
                	return total
                }
                """);
        assertEquals(List.of("4:go-error-assigned-to-blank"), item(diff, "ERR-01"));
    }

    @Test
    void a_consumer_cancelled_when_the_callers_context_ends_is_best_effort() {
        String diff = file("broker/consume.go", """
                func (c *Consumer) watch(ctx context.Context, tag string) {
                	go func() {
                		select {
                		case <-c.done:
                			return
                		case <-ctx.Done():
                			_ = c.ch.Cancel(tag, false)
                		}
                	}()
                }
                """);
        assertEquals(List.of(), item(diff, "ERR-01"));
    }

    @Test
    void a_close_frame_echoed_by_a_handler_that_returns_nil_is_best_effort() {
        String diff = file("ws/handlers.go", """
                func (c *Conn) defaultCloseHandler() func(code int, text string) error {
                	return func(code int, text string) error {
                		_ = c.writeControl(closeMessage, closePayload(code), time.Now().Add(time.Second))
                		return nil
                	}
                }
                """);
        assertEquals(List.of(), item(diff, "ERR-01"));
        // the same handler sending a data frame loses a real failure
        assertEquals(List.of("5:go-error-assigned-to-blank"), item(diff.replace("closeMessage, closePayload(code)",
                "textMessage, []byte(text)"), "ERR-01"));
    }

    // --- ERR-01 BG: a call handed only a sentinel error, BO: a callee in sight that returns no error -------------

    @Test
    void recording_a_sentinel_error_returns_nothing_the_caller_lacks() {
        String diff = file("ws/write.go", """
                func (c *Conn) finish(frame int) {
                	if frame == closeMessage {
                		_ = c.markFatal(ErrCloseSent)
                	}
                	c.frames++
                }
                """);
        assertEquals(List.of(), item(diff, "ERR-01"));
        // handed data as well, the call does work of its own whose failure is lost
        assertEquals(List.of("5:go-error-assigned-to-blank"),
                item(diff.replace("c.markFatal(ErrCloseSent)", "c.markFatal(ErrCloseSent, frame)"), "ERR-01"));
    }

    private static String registry(String results, String ret) {
        return file("cqrs/register.go", """
                func register(r *Router, name string, h HandlerFunc) RESULTS {
                	handler := r.Add(name, h)
                	return RET
                }
                """.replace("RESULTS", results).replace("RET", ret))
                + file("cqrs/group.go", """
                func (g *Group) attach(r *Router) error {
                	_ = register(r, g.name, g.handle)
                	return nil
                }
                """);
    }

    @Test
    void a_discarded_result_of_a_callee_that_returns_no_error_is_not_an_error() {
        assertEquals(List.of(), item(registry("*Handler", "handler"), "ERR-01"));
    }

    @Test
    void a_discarded_result_of_a_callee_that_returns_an_error_is_still_reported() {
        assertEquals(List.of("4:go-error-assigned-to-blank"), item(registry("error", "handler.Err()"), "ERR-01"));
        // a method of the same name that returns no error is not what the unqualified call runs
        String diff = registry("error", "handler.Err()") + file("cqrs/other.go", """
                func (o *Other) register(r *Router, name string, h HandlerFunc) *Handler {
                	return r.Add(name, h)
                }
                """);
        assertEquals(List.of("4:go-error-assigned-to-blank"), item(diff, "ERR-01"));
    }

    // --- ERR-01 BP: the standard logger's own write ------------------------------------------------------------

    @Test
    void the_error_of_writing_a_log_line_through_the_standard_logger_is_not_reported() {
        String diff = file("logging/adapter.go", """
                func (a *StdAdapter) write(level, msg string) {
                	_ = a.std.Output(3, fmt.Sprintf("level=%s msg=%q", level, msg))
                }
                """);
        assertEquals(List.of(), item(diff, "ERR-01"));
        // an Output of other work (a report written to a sink) still loses its error
        assertEquals(List.of("4:go-error-assigned-to-blank"),
                item(diff.replace("a.std.Output(3, ", "a.report.Output(level, "), "ERR-01"));
    }

    // --- TMO-01 BQ: a dialer bounded by the context it is dialled with -----------------------------------------

    private static String dialer(String dial, String call) {
        return file("ws/dial.go", """
                import (
                	"context"
                	"net"
                )

                func (d *Dialer) connect(ctx context.Context, addr string) (net.Conn, error) {
                	if d.HandshakeTimeout != 0 {
                		var cancel context.CancelFunc
                		ctx, cancel = context.WithTimeout(ctx, d.HandshakeTimeout)
                		defer cancel()
                	}
                	DIAL
                	return CALL
                }
                """.replace("DIAL", dial).replace("CALL", call));
    }

    @Test
    void a_dialer_handed_out_as_its_dial_context_function_is_bounded_by_its_callers_context() {
        assertEquals(List.of(), item(dialer("netDial := (&net.Dialer{}).DialContext",
                "netDial(ctx, \"tcp\", addr)"), "TMO-01"));
    }

    @Test
    void a_dialer_dialled_on_the_spot_is_still_reported() {
        assertEquals(List.of("14:go-dial-no-timeout"), item(dialer(
                "conn, err := (&net.Dialer{}).Dial(\"tcp\", addr)", "conn, err"), "TMO-01"));
        assertEquals(List.of("14:go-dial-no-timeout"), item(dialer(
                "conn, err := (&net.Dialer{}).DialContext(context.Background(), \"tcp\", addr)", "conn, err"), "TMO-01"));
        // called on the spot with the function's ctx: nothing shows the dial a deadline (RealCommitPrecisionTest)
        assertEquals(List.of("14:go-dial-no-timeout"), item(dialer(
                "conn, err := (&net.Dialer{KeepAlive: time.Minute}).DialContext(ctx, \"tcp\", addr)", "conn, err"),
                "TMO-01"));
    }

    // --- CONC-07: a loop serving one peer ends when the peer is gone -------------------------------------------

    @Test
    void a_loop_that_returns_when_its_peer_is_gone_is_not_a_periodic_job_that_dies() {
        String diff = file("stats/ws.go", """
                func sendStats(conn *websocket.Conn, period time.Duration) {
                	tick := time.NewTicker(period)
                	defer tick.Stop()
                	for range tick.C {
                		if err := conn.WriteJSON(snapshot()); err != nil {
                			return
                		}
                	}
                }
                """);
        assertEquals(List.of(), item(diff, "CONC-07"));
    }

    @Test
    void a_services_own_loop_that_returns_on_a_failed_write_is_still_reported() {
        // the connection is the service's (a field), and the loop is its periodic job
        String diff = file("stats/push.go", """
                func (s *Pusher) run(period time.Duration) {
                	tick := time.NewTicker(period)
                	defer tick.Stop()
                	for range tick.C {
                		if err := s.conn.WriteJSON(snapshot()); err != nil {
                			return
                		}
                	}
                }
                """);
        assertEquals(List.of("8:go-periodic-loop-returns-on-error"), item(diff, "CONC-07"));
        // a peer handed in, but the failing call is the service's own work, not a write to the peer
        String other = file("stats/push.go", """
                func push(conn *websocket.Conn, store *Store, period time.Duration) {
                	tick := time.NewTicker(period)
                	defer tick.Stop()
                	for range tick.C {
                		if err := store.Flush(); err != nil {
                			return
                		}
                		conn.WriteJSON(snapshot())
                	}
                }
                """);
        assertEquals(List.of("8:go-periodic-loop-returns-on-error"), item(other, "CONC-07"));
    }
    // --- RES-01 BR: an extra early close of a struct-owned connection, dropped -------------------------------

    private static final String PARTIAL_WRITE = """
            diff --git a/ws/conn.go b/ws/conn.go
            index 1111111..2222222 100644
            --- a/ws/conn.go
            +++ b/ws/conn.go
            @@ -40,10 +40,7 @@ func (c *Conn) flush(frame []byte) error {
             	c.conn.SetWriteDeadline(c.deadline)
            -	n, err := c.conn.Write(frame)
            -	if n != len(frame) {
            -		c.conn.Close()
            -	}
            +	_, err := c.conn.Write(frame)
             	if err != nil {
            -		return err
            +		return c.fail(err)
             	}
             	return nil
             }
            """;

    @Test
    void an_early_close_of_the_structs_own_connection_dropped_from_a_method_that_keeps_using_it_is_no_leak() {
        assertEquals(List.of(), item(PARTIAL_WRITE, "RES-01"));
    }

    @Test
    void the_close_dropped_from_the_structs_teardown_is_still_reported() {
        String teardown = """
                diff --git a/ws/conn.go b/ws/conn.go
                index 1111111..2222222 100644
                --- a/ws/conn.go
                +++ b/ws/conn.go
                @@ -60,6 +60,5 @@ func (c *Conn) Close() error {
                 	c.mu.Lock()
                 	defer c.mu.Unlock()
                 	c.closed = true
                -	c.conn.Close()
                 	return nil
                 }
                """;
        assertEquals(List.of("63:removed-release"), item(teardown, "RES-01"));
        // a method that records a failure and closed the connection, and uses it for nothing else: its close was the
        // release of that path, not an extra one
        String failing = """
                diff --git a/ws/conn.go b/ws/conn.go
                index 1111111..2222222 100644
                --- a/ws/conn.go
                +++ b/ws/conn.go
                @@ -80,6 +80,5 @@ func (c *Conn) fail(err error) error {
                 \tc.errMu.Lock()
                 \tc.err = err
                 \tc.errMu.Unlock()
                -\tc.conn.Close()
                 \treturn err
                 }
                """;
        assertEquals(List.of("83:removed-release"), item(failing, "RES-01"));
    }
}
