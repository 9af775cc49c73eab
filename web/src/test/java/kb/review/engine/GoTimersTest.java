package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A ticker left running is a leak; a timer is freed once it fires, so leaving it unstopped is not. */
class GoTimersTest {

    private static String poller(String make) {
        String body = """
                package poll

                import "time"

                func Wait(done chan struct{}, d time.Duration) bool {
                	t := MAKE
                	for {
                		select {
                		case <-done:
                			return true
                		case <-t.C:
                			return false
                		}
                	}
                }
                """.replace("MAKE", make);
        StringBuilder diff = new StringBuilder("""
                diff --git a/poll/wait.go b/poll/wait.go
                new file mode 100644
                --- /dev/null
                +++ b/poll/wait.go
                """);
        String[] lines = body.split("\n", -1);
        int count = body.endsWith("\n") ? lines.length - 1 : lines.length;
        diff.append("@@ -0,0 +1,").append(count).append(" @@\n");
        for (int i = 0; i < count; i++) {
            diff.append('+').append(lines[i]).append('\n');
        }
        return diff.toString();
    }

    private static List<String> res01(String diff) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals("RES-01"))
                .map(f -> f.path() + ":" + f.line()).toList();
    }

    @Test
    void a_ticker_never_stopped_is_reported_and_a_timer_never_stopped_is_not() {
        assertEquals(List.of("poll/wait.go:6"), res01(poller("time.NewTicker(d)")));
        assertEquals(List.of(), res01(poller("time.NewTimer(d)")));
    }
}
