package kb.review.engine;

import static kb.review.engine.GoNewFileDiffs.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-01's two largest false classes of sets 16 and 17. AH: a goroutine that only waits for something to end (a
 * process, a client, a control) and tears one thing down (a connection closed in the background, its error logged; a
 * pool's expired connection; a wait result handed back on a channel; a stream drained into io.Discard): nothing in it
 * runs the program's work. DZ: the goroutine's method begins with the project's recover helper, and the change also
 * shows another type's method of the same name: the call is the receiver's type's own method. The defects beside them
 * keep their finding: a goroutine that waits and then does real work, checks the error of real work, or calls the
 * method of a type that does not recover. Code written for this test.
 */
class GoWaitAndTeardownGoroutinesTest {

    private static final String RULE = "go-goroutine-without-recover";

    private static List<String> conc01(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("CONC-01"))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    // --- clean: wait and tear down (AH)

    @Test
    void a_background_close_whose_error_is_logged_is_clean() {
        String src = """
                package tunnel

                import "log/slog"

                func (t *Tunnel) release() error {
                	go func() {
                		if err := t.ws.Close(StatusGoingAway, "bye"); err != nil {
                			slog.Debug("closing tunnel socket", "err", err)
                		}
                	}()
                	return nil
                }
                """;
        assertEquals(List.of(), conc01(newFile("tunnel/release.go", src)));
    }

    @Test
    void a_wait_for_a_child_process_handed_back_on_a_channel_is_clean() {
        String src = """
                package transcode

                import "context"

                func (j *Job) run(ctx context.Context) error {
                	exited := make(chan error, 1)
                	go func() {
                		exited <- j.proc.Wait()
                	}()
                	select {
                	case err := <-exited:
                		return err
                	case <-ctx.Done():
                		return ctx.Err()
                	}
                }
                """;
        assertEquals(List.of(), conc01(newFile("transcode/run.go", src)));
    }

    @Test
    void pooled_connections_closed_off_the_callers_path_are_clean() {
        String src = """
                package connpool

                func (p *Pool) sweep(now int64) {
                	for _, c := range p.idle {
                		if c.expired(now) {
                			go c.Close()
                			continue
                		}
                		if !c.healthy() {
                			go p.closeQuietly(c)
                		}
                	}
                }
                """;
        assertEquals(List.of(), conc01(newFile("connpool/sweep.go", src)));
    }

    @Test
    void a_stream_drained_into_discard_then_signalled_is_clean() {
        String src = """
                package relay

                import "io"

                func (s *Session) watch(body io.Reader) chan struct{} {
                	ended := make(chan struct{})
                	go func() {
                		_, _ = io.Copy(io.Discard, body)
                		close(ended)
                	}()
                	return ended
                }
                """;
        assertEquals(List.of(), conc01(newFile("relay/watch.go", src)));
    }

    // --- clean: the receiver's own method recovers (DZ)

    @Test
    void the_receivers_own_method_that_defers_the_projects_recover_helper_is_clean() {
        String diff = """
                diff --git a/watch/files.go b/watch/files.go
                index 1111111..2222222 100644
                --- a/watch/files.go
                +++ b/watch/files.go
                @@ -38,6 +38,7 @@ type fileWatcher struct {
                 // handleEvents forwards file events.
                 func (w *fileWatcher) handleEvents(ctx context.Context) {
                 	for ev := range w.events {
                 		w.dispatch(ev)
                +		w.count++
                 	}
                 }
                diff --git a/certs/reloader.go b/certs/reloader.go
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/certs/reloader.go
                @@ -0,0 +1,18 @@
                +package certs
                +
                +import "context"
                +
                +func (r *Reloader) Start(ctx context.Context) error {
                +	go r.handleEvents(ctx)
                +	return nil
                +}
                +
                +func (r *Reloader) handleEvents(ctx context.Context) {
                +	defer logutil.RecoverAndLog(ctx, r.logger)
                +
                +	for range r.changes {
                +		r.reload(ctx)
                +	}
                +}
                +
                +var _ = 0
                """;
        assertEquals(List.of(), conc01(diff));
    }

    // --- defects that stay reported

    @Test
    void a_wait_then_real_work_is_found() {
        String src = """
                package ingest

                import "context"

                func (s *Server) Start(ctx context.Context) {
                	go func() {
                		<-ctx.Done()
                		s.flushPending(ctx)
                	}()
                }
                """;
        assertEquals(List.of("6:" + RULE), conc01(newFile("ingest/start.go", src)));
    }

    @Test
    void a_checked_error_of_real_work_is_found() {
        String src = """
                package mailer

                import "log"

                func (m *Mailer) Queue(msg Message) {
                	go func() {
                		if err := m.deliver(msg); err != nil {
                			log.Printf("deliver: %v", err)
                		}
                	}()
                }
                """;
        assertEquals(List.of("6:" + RULE), conc01(newFile("mailer/queue.go", src)));
    }

    @Test
    void a_process_run_rather_than_waited_is_found() {
        String src = """
                package hooks

                func (h *Hook) fire(done chan error) {
                	go func() {
                		done <- h.cmd.Run()
                	}()
                }
                """;
        assertEquals(List.of("4:" + RULE), conc01(newFile("hooks/fire.go", src)));
    }

    @Test
    void a_close_deferred_around_the_connections_handling_is_found() {
        String src = """
                package proxy

                import "net"

                func (p *Proxy) accept(c net.Conn) {
                	go func() {
                		defer c.Close()
                		p.pipe(c)
                	}()
                }
                """;
        assertEquals(List.of("6:" + RULE), conc01(newFile("proxy/accept.go", src)));
    }

    @Test
    void the_receivers_own_method_without_a_recover_is_found_beside_another_types_that_recovers() {
        String src = """
                package sync2

                import "context"

                type Puller struct{ jobs chan Job }

                type Pusher struct{ jobs chan Job }

                func (p *Puller) Start(ctx context.Context) {
                	go p.loop(ctx)
                }

                func (p *Puller) loop(ctx context.Context) {
                	for j := range p.jobs {
                		j.Pull(ctx)
                	}
                }

                func (q *Pusher) loop(ctx context.Context) {
                	defer recoverAndLog()
                	for j := range q.jobs {
                		j.Push(ctx)
                	}
                }
                """;
        assertEquals(List.of("10:" + RULE), conc01(newFile("sync2/workers.go", src)));
    }
}
