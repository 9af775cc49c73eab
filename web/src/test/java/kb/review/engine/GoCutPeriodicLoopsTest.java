package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-07, the class behind round 19's go-15: a periodic loop (a select on a ticker's or timer's channel inside a
 * {@code for}) whose turn returns when one run fails, so the job stops for good; the item's own Go Bad example, and its
 * rule "stop the loop through its context, never because one run failed". Pull requests show such loops cut: the
 * {@code for} and the ticker are above the hunk, which starts inside the select and shows the tick case, the work after
 * the select and the closing braces. The ticker's name says nothing ({@code t}, {@code poll}, {@code wake}): the case
 * receiving from a channel field {@code .C} inside a block of the function, followed by more work and a bare closing
 * brace, reads as the loop it ticks in.
 *
 * <p>Clean look-alikes: the failed run is logged and the loop continues; the loop ends only on the context's error; a
 * one-shot wait in a goroutine literal ({@code }()} closes it, not a loop); a per-run guard whose {@code return} ends
 * the run; a select at the function's own level that waits once before the work; a block that waits and works and is
 * followed by more statements of the function (code after a {@code for {}} that only a return leaves would be
 * unreachable, so such a block is a single wait).
 */
class GoCutPeriodicLoopsTest {

    private static final String RULE = "go-periodic-loop-returns-on-error";

    private static List<String> conc07(String diff) {
        return item(diff, "CONC-07");
    }

    // --- defects

    @Test
    void a_cut_loop_that_waits_on_an_unnamed_ticker_then_returns_on_a_failed_pull_is_found() {
        String diff = """
                diff --git a/sync/loop.go b/sync/loop.go
                index 1111111..2222222 100644
                --- a/sync/loop.go
                +++ b/sync/loop.go
                @@ -48,10 +48,10 @@ func (s *Syncer) loop(ctx context.Context) {
                 			return
                 		case <-poll.C:
                 		}
                -		if err := s.pull(ctx); err != nil {
                -			s.log.Warn("pull failed", "err", err)
                -			continue
                -		}
                +		if err := s.pull(ctx); err != nil {
                +			s.log.Error("pull failed", "err", err)
                +			return
                +		}
                 		s.pulled.Inc()
                 	}
                 }
                """;
        assertEquals(List.of("53:" + RULE), conc07(diff));
    }

    @Test
    void a_cut_case_body_that_returns_the_failed_push_is_found() {
        String diff = """
                diff --git a/metrics/reporter.go b/metrics/reporter.go
                index 1111111..2222222 100644
                --- a/metrics/reporter.go
                +++ b/metrics/reporter.go
                @@ -60,8 +60,8 @@ func (r *Reporter) send(ctx context.Context) error {
                 		case <-ctx.Done():
                 			return ctx.Err()
                 		case <-every.C:
                 			if err := r.push(ctx, r.snapshot()); err != nil {
                -				r.failures.Inc()
                +				return fmt.Errorf("push: %w", err)
                 			}
                 		}
                 	}
                """;
        assertEquals(List.of("64:" + RULE), conc07(diff));
    }

    @Test
    void a_ticker_field_ranged_over_in_a_new_file_that_returns_on_a_failed_ping_is_found() {
        String diff = file("health/monitor.go", """
                func (m *Monitor) watch(ctx context.Context) {
                	for range m.probe.C {
                		if _, err := m.client.Ping(ctx); err != nil {
                			m.log.Printf("ping: %v", err)
                			return
                		}
                	}
                }
                """);
        assertEquals(List.of("7:" + RULE), conc07(diff));
    }

    @Test
    void a_cut_timer_loop_that_resets_after_the_work_and_gives_up_on_an_error_is_found() {
        String diff = """
                diff --git a/store/compactor.go b/store/compactor.go
                index 1111111..2222222 100644
                --- a/store/compactor.go
                +++ b/store/compactor.go
                @@ -30,10 +30,10 @@ func (c *Compactor) run(ctx context.Context) {
                 		case <-ctx.Done():
                 			return
                 		case <-wake.C:
                 		}
                 		n, err := c.compactOnce(ctx)
                -		if err != nil {
                -			c.log.Warn("compaction failed", "err", err)
                -		}
                +		if err != nil {
                +			return
                +		}
                 		wake.Reset(c.backoff(n))
                 	}
                """;
        assertEquals(List.of("36:" + RULE), conc07(diff));
    }

    // --- clean look-alikes

    @Test
    void a_cut_loop_that_logs_the_failed_pull_and_waits_for_the_next_tick_is_not_reported() {
        String diff = """
                diff --git a/sync/loop.go b/sync/loop.go
                index 1111111..2222222 100644
                --- a/sync/loop.go
                +++ b/sync/loop.go
                @@ -48,7 +48,10 @@ func (s *Syncer) loop(ctx context.Context) {
                 			return
                 		case <-poll.C:
                 		}
                -		_ = s.pull(ctx)
                +		if err := s.pull(ctx); err != nil {
                +			s.log.Warn("pull failed; the next tick retries", "err", err)
                +			continue
                +		}
                 		s.pulled.Inc()
                 	}
                 }
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_cut_loop_that_ends_only_when_its_context_does_is_not_reported() {
        String diff = """
                diff --git a/cache/expire.go b/cache/expire.go
                index 1111111..2222222 100644
                --- a/cache/expire.go
                +++ b/cache/expire.go
                @@ -22,6 +22,9 @@ func (c *Cache) expire(ctx context.Context) {
                 			return
                 		case <-sweep.C:
                 		}
                +		if err := ctx.Err(); err != nil {
                +			return
                +		}
                 		c.dropExpired(time.Now())
                 	}
                 }
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_one_shot_grace_wait_in_a_goroutine_literal_is_not_reported() {
        String diff = """
                diff --git a/deploy/rollout.go b/deploy/rollout.go
                index 1111111..2222222 100644
                --- a/deploy/rollout.go
                +++ b/deploy/rollout.go
                @@ -71,7 +71,10 @@ func (d *Deployer) Rollout(ctx context.Context, plan Plan) error {
                 		case <-ctx.Done():
                 			return
                 		case <-grace.C:
                 		}
                -		d.finish(plan)
                +		if err := d.finish(plan); err != nil {
                +			d.log.Error("finish failed", "err", err)
                +			return
                +		}
                 	}()
                 	return nil
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_cut_loop_whose_return_ends_only_a_guarded_run_is_not_reported() {
        String diff = """
                diff --git a/warm/loop.go b/warm/loop.go
                index 1111111..2222222 100644
                --- a/warm/loop.go
                +++ b/warm/loop.go
                @@ -40,6 +40,12 @@ func (w *Warmer) loop(ctx context.Context) {
                 			return
                 		case <-refresh.C:
                 		}
                -		w.warm(ctx)
                +		func() {
                +			defer w.recoverRun("warm")
                +			if err := w.warm(ctx); err != nil {
                +				w.log.Warn("warm failed", "err", err)
                +				return
                +			}
                +		}()
                 	}
                 }
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_single_wait_at_the_functions_own_level_before_the_work_is_not_reported() {
        String diff = """
                diff --git a/retry/backoff.go b/retry/backoff.go
                index 1111111..2222222 100644
                --- a/retry/backoff.go
                +++ b/retry/backoff.go
                @@ -20,6 +20,9 @@ func (b *Backoff) Wait(ctx context.Context) error {
                 	case <-ctx.Done():
                 		return ctx.Err()
                 	case <-b.timer.C:
                 	}
                -	return b.next()
                +	if err := b.next(); err != nil {
                +		return err
                +	}
                +	return nil
                 }
                """;
        assertEquals(List.of(), conc07(diff));
    }

    @Test
    void a_cut_wait_in_a_block_followed_by_more_statements_of_the_function_is_not_reported() {
        String diff = """
                diff --git a/index/open.go b/index/open.go
                index 1111111..2222222 100644
                --- a/index/open.go
                +++ b/index/open.go
                @@ -52,6 +52,8 @@ func (ix *Index) open(ctx context.Context) error {
                 		case <-settle.C:
                 		}
                -		ix.load(ctx)
                +		if err := ix.load(ctx); err != nil {
                +			return err
                +		}
                 	}
                 	ix.ready.Store(true)
                 	return nil
                """;
        assertEquals(List.of(), conc07(diff));
    }
}
