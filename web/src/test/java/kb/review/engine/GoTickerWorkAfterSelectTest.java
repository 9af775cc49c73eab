package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-07's Go loop in its third common shape: the loop waits in a {@code select} (the context's end, or the next
 * tick) and runs the periodic work after the select, in the loop's own body. When the work's error check
 * {@code return}s, one failed run ends every later tick for good, which is what CONC-07 says of "a loop that returns
 * on its first error stops for good". The clean look-alike logs (and counts) the failure and waits for the next tick;
 * it returns only when the context is done. Both are checked in a new file and in an edit whose hunk starts inside the
 * select's cases (the hunk cuts the loop: the ticker's select is followed by the work, then the loop's brace).
 */
class GoTickerWorkAfterSelectTest {

    private static String sweeper(String onFailure) {
        return """
                diff --git a/sweep/sweeper.go b/sweep/sweeper.go
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/sweep/sweeper.go
                @@ -0,0 +1,28 @@
                +package sweep
                +
                +import (
                +	"context"
                +	"log/slog"
                +	"time"
                +)
                +
                +type Sweeper struct {
                +	every time.Duration
                +	store *Store
                +}
                +
                +func (s *Sweeper) Run(ctx context.Context) {
                +	tick := time.NewTicker(s.every)
                +	defer tick.Stop()
                +	for {
                +		select {
                +		case <-ctx.Done():
                +			return
                +		case <-tick.C:
                +		}
                +		if err := s.store.DeleteExpired(ctx); err != nil {
                +%s
                +		}
                +	}
                +}
                """.formatted(onFailure);
    }

    @Test
    void work_after_the_ticker_select_that_returns_on_its_first_failure_is_found() {
        assertEquals(List.of("25:go-periodic-loop-returns-on-error"), GoRound8ClassesTest.item(
                sweeper("+\t\t\tslog.Error(\"sweep failed\", \"err\", err)\n+\t\t\treturn"), "CONC-07"));
    }

    @Test
    void work_after_the_ticker_select_that_logs_and_waits_for_the_next_tick_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(
                sweeper("+\t\t\tslog.Error(\"sweep failed\", \"err\", err)\n+\t\t\tsweepFailures.Inc()"), "CONC-07"));
    }

    /** An edit whose hunk starts in the select's cases; {@code failure} replaces the error branch's body. */
    private static String compactorEdit(String failure) {
        return """
                diff --git a/compact/loop.go b/compact/loop.go
                index 1111111..2222222 100644
                --- a/compact/loop.go
                +++ b/compact/loop.go
                @@ -30,8 +30,%d @@ func (c *Compactor) loop(ctx context.Context) {
                 		case <-c.ticker.C:
                 		}
                 		if err := c.compactOnce(ctx); err != nil {
                -			c.failed.Inc()
                -			c.log.Warnf("compaction failed, retrying next tick: %%v", err)
                %s
                 		}
                 	}
                 }
                """.formatted(failure.split("\n").length + 6, failure);
    }

    @Test
    void an_edit_that_makes_the_cut_loop_return_on_a_failed_run_is_found() {
        assertEquals(List.of("34:go-periodic-loop-returns-on-error"), GoRound8ClassesTest.item(
                compactorEdit("+\t\t\tc.log.Errorf(\"compaction failed: %v\", err)\n+\t\t\treturn"), "CONC-07"));
    }

    @Test
    void an_edit_that_only_rewords_the_log_of_the_cut_loop_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(
                compactorEdit("+\t\t\tc.failed.Inc()\n+\t\t\tc.log.Warnf(\"compaction failed: %v\", err)"), "CONC-07"));
    }

    /** A one-shot wait on a timer (not a ticker) before work: no loop, nothing periodic to end. */
    @Test
    void a_one_shot_timer_wait_before_work_in_a_cut_hunk_is_not_taken_for_a_loop() {
        String diff = """
                diff --git a/boot/warm.go b/boot/warm.go
                index 1111111..2222222 100644
                --- a/boot/warm.go
                +++ b/boot/warm.go
                @@ -30,7 +30,7 @@ func (w *Warmer) warmOnce(ctx context.Context) error {
                 		case <-w.delay.C:
                 		}
                 		if err := w.fill(ctx); err != nil {
                -			return fmt.Errorf("fill: %w", err)
                +			return fmt.Errorf("warm the cache: %w", err)
                 		}
                 	}
                 	return nil
                """;
        assertEquals(List.of(), GoRound8ClassesTest.item(diff, "CONC-07"));
    }
}
