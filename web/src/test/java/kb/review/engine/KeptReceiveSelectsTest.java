package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stoppable wait replaced by {@code time.Sleep} when the old select's cases keep what they receive
 * ({@code case now := <-timer.C:}): the same lost stop as the bare receive form (round 27's jitterbug ticker). A select
 * that only swaps its timer for another stays unreported.
 */
class KeptReceiveSelectsTest {

    private static final String HEAD = "diff --git a/ticker.go b/ticker.go\nindex 1111111..2222222 100644\n"
            + "--- a/ticker.go\n+++ b/ticker.go\n";

    private static List<String> found(String hunk) {
        return TestRules.reviewDiff(HEAD + hunk).active().stream().filter(f -> f.item().equals("CONC-05"))
                .map(f -> f.path() + ":" + f.line()).toList();
    }

    @Test
    void a_select_whose_cases_keep_the_received_value_replaced_by_a_sleep_is_reported() {
        String hunk = """
                @@ -20,12 +20,6 @@ func (t *Ticker) run(out chan<- time.Time) {
                 \tdefer close(out)
                 \tfor {
                -\t\ttimer := time.NewTimer(t.next())
                -\t\tselect {
                -\t\tcase <-t.ctx.Done():
                -\t\t\ttimer.Stop()
                -\t\t\treturn
                -\t\tcase now := <-timer.C:
                -\t\t\tout <- now
                -\t\t}
                +\t\ttime.Sleep(t.next())
                +\t\tout <- time.Now()
                 \t}
                 }
                """;
        assertEquals(List.of("ticker.go:22"), found(hunk));
    }

    @Test
    void a_select_kept_with_another_timer_is_not_reported() {
        String hunk = """
                @@ -20,12 +20,12 @@ func (t *Ticker) run(out chan<- time.Time) {
                 \tdefer close(out)
                 \tfor {
                -\t\ttimer := time.NewTimer(t.next())
                +\t\ttimer := time.NewTimer(t.jittered())
                 \t\tselect {
                 \t\tcase <-t.ctx.Done():
                 \t\t\ttimer.Stop()
                 \t\t\treturn
                 \t\tcase now := <-timer.C:
                 \t\t\tout <- now
                 \t\t}
                 \t}
                 }
                """;
        assertEquals(List.of(), found(hunk));
    }
}
