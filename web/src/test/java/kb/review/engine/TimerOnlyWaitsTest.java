package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stoppable wait (a select on a stop or context and a timer) replaced by a wait only the timer ends: a sleep, also
 * when the old timer case kept the value ({@code case now := <-timer.C:}, round 27's jitterbug ticker); a bare receive
 * from the timer (round 27's kubernikus watchdog); a range over the ticker (round 27's flamingo lock refresher). A
 * select that only swaps its timer for another, and a range over a ticker that was never stoppable, stay unreported.
 */
class TimerOnlyWaitsTest {

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

    @Test
    void a_bare_timer_receive_replacing_the_select_is_reported() {
        String hunk = """
                @@ -14,11 +14,6 @@ func (w *Watchdog) arm(d time.Duration) {
                 \ttimer := time.NewTimer(d)
                 \tgo func() {
                -\t\tselect {
                -\t\tcase <-w.stop:
                -\t\t\ttimer.Stop()
                -\t\t\treturn
                -\t\tcase <-timer.C:
                -\t\t}
                +\t\t<-timer.C
                 \t\tw.fire()
                 \t}()
                 }
                """;
        assertEquals(List.of("ticker.go:16"), found(hunk));
    }

    @Test
    void a_range_over_a_ticker_replacing_the_stoppable_loop_is_reported_a_range_added_fresh_is_not() {
        String replaced = """
                @@ -18,11 +18,6 @@ func (l *Lock) keepAlive(key string) {
                 \tticker := time.NewTicker(l.ttl / 2)
                 \tdefer ticker.Stop()
                -\tfor {
                -\t\tselect {
                -\t\tcase <-l.done:
                -\t\t\treturn
                -\t\tcase <-ticker.C:
                -\t\t\tl.refresh(key)
                -\t\t}
                +\tfor range ticker.C {
                +\t\tl.refresh(key)
                 \t}
                 }
                """;
        assertEquals(List.of("ticker.go:20"), found(replaced));
        String fresh = """
                @@ -18,3 +18,6 @@ func (l *Lock) keepAlive(key string) {
                 \tticker := time.NewTicker(l.ttl / 2)
                 \tdefer ticker.Stop()
                +\tfor range ticker.C {
                +\t\tl.refresh(key)
                +\t}
                 }
                """;
        assertEquals(List.of(), found(fresh));
    }
}
