package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where CONC-07's Go finding points, and which loops it leaves alone. The class: a periodic loop (a ticker in a
 * {@code for}/{@code select}) whose error check {@code return}s, so one failed run stops every later tick. CONC-07
 * says "a loop that returns on its first error stops for good" and asks to stop the loop only through its context:
 * the line to change is that {@code return}, so the finding names it, also when the change adds only the return under
 * an unchanged {@code if}, and when the loop runs in a goroutine that recovers. In a goroutine literal that recovers
 * nothing, the goroutine is CONC-01's, at its {@code go} line, and the give-up is still CONC-07's at its
 * {@code return} (decided by the item's text in the twenty-third session: heldout17/RESULTS.md, last correction). The clean look-alikes log and wait for
 * the next tick.
 */
class GoLoopExitLineTest {

    private static List<String> of(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("CONC-07") || f.item().equals("CONC-01"))
                .map(f -> f.line() + ":" + f.item()).toList();
    }

    private static final String REFRESHER = """
            diff --git a/quota/refresher.go b/quota/refresher.go
            new file mode 100644
            index 0000000..1111111
            --- /dev/null
            +++ b/quota/refresher.go
            @@ -0,0 +1,27 @@
            +package quota
            +
            +import (
            +	"context"
            +	"log/slog"
            +	"time"
            +)
            +
            +// Watch reloads the quotas every interval until ctx ends.
            +func (r *Refresher) Watch(ctx context.Context) {
            +	go func() {
            +		t := time.NewTicker(r.every)
            +		defer t.Stop()
            +		for {
            +			select {
            +			case <-ctx.Done():
            +				return
            +			case <-t.C:
            +				if err := r.reload(ctx); err != nil {
            +					slog.Error("quota reload failed", "err", err)
            +					%s
            +				}
            +			}
            +		}
            +	}()
            +}
            +
            """;

    @Test
    void a_ticker_loop_in_a_bare_goroutine_is_reported_at_its_return_and_the_goroutine_at_its_go_line() {
        assertEquals(List.of("11:CONC-01", "21:CONC-07"), of(REFRESHER.formatted("return")));
    }

    @Test
    void the_same_loop_in_a_goroutine_that_recovers_is_reported_at_its_return() {
        String guarded = REFRESHER.formatted("return").replace("+\t\tt := time.NewTicker(r.every)\n",
                "+\t\tdefer recoverAndLog(\"quota\")\n");
        assertEquals(List.of("21:CONC-07"), of(guarded));
    }

    @Test
    void the_same_goroutine_that_waits_for_the_next_tick_after_a_failure_has_no_conc_07() {
        assertEquals(List.of("11:CONC-01"), of(REFRESHER.formatted("reloadFailures.Inc()")));
    }

    /**
     * An edit that turns the failure branch's {@code continue} into a {@code return}: the if is unchanged context, and
     * the hunk starts inside the select's cases (the loop is put back from the braces it closes).
     */
    private static String compactorEdit(String exit) {
        return """
                diff --git a/store/compactor.go b/store/compactor.go
                index 1111111..2222222 100644
                --- a/store/compactor.go
                +++ b/store/compactor.go
                @@ -40,10 +40,10 @@ func (c *Compactor) Run(ctx context.Context) {
                 		case <-ctx.Done():
                 			return
                 		case <-c.tick.C:
                 			if err := c.compactOnce(ctx); err != nil {
                -				c.log.Warn("compaction failed; retrying on the next tick", "err", err)
                -				continue
                +				c.log.Error("compaction failed", "err", err)
                +				%s
                 			}
                 		}
                 	}
                 }
                """.formatted(exit);
    }

    @Test
    void an_edit_that_adds_only_the_return_under_an_unchanged_if_is_found_at_the_return() {
        assertEquals(List.of("45:CONC-07"), of(compactorEdit("return")));
    }

    @Test
    void the_same_edit_that_keeps_going_is_clean() {
        assertEquals(List.of(), of(compactorEdit("continue")));
    }

    /** The same edit in a hunk that ends with the select's brace: git's context stops before the loop's. */
    private static String purgerEdit(String exit) {
        return """
                diff --git a/cache/purger.go b/cache/purger.go
                index 1111111..2222222 100644
                --- a/cache/purger.go
                +++ b/cache/purger.go
                @@ -61,8 +61,8 @@ func (p *purger) loop(ctx context.Context) {
                 		case <-p.ticker.C:
                 			removed, err := p.purgeExpired(ctx)
                 			if err != nil {
                -				p.log.Warn("purge failed; the next tick retries", "err", err)
                -				continue
                +				p.log.Error("purge failed", "err", err)
                +				%s
                 			}
                 			p.log.Debug("purged", "entries", removed)
                 		}
                """.formatted(exit);
    }

    @Test
    void a_hunk_that_ends_with_the_tickers_select_still_shows_its_loop() {
        assertEquals(List.of("65:CONC-07"), of(purgerEdit("return")));
        assertEquals(List.of(), of(purgerEdit("continue")));
    }
}
