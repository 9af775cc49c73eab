package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-07's Go periodic-loop rule and its clean look-alike of set 13's HH row: a loop that serves one client of one
 * HTTP request or connection (a server-sent events handler given an echo or gin context). Its ticker paces
 * heartbeats to that client; a failed write to the client (directly, or through a local taken from the request's
 * context) means the client left, and ending the loop is the stream's end. CONC-07 is about a schedule that must
 * survive one failed run, and this loop has none. The same loop in a method that serves no request stays reported.
 */
class GoStreamHeartbeatTest {

    private static List<String> of(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("CONC-07") || f.item().equals("CONC-01"))
                .map(f -> f.line() + ":" + f.item()).toList();
    }

    /** A server-sent events handler; {@code params} is its parameter list, {@code write} its heartbeat. */
    private static String events(String params, String write) {
        return """
                diff --git a/api/events.go b/api/events.go
                new file mode 100644
                index 0000000..1111111
                --- /dev/null
                +++ b/api/events.go
                @@ -0,0 +1,30 @@
                +package api
                +
                +import (
                +	"io"
                +	"time"
                +)
                +
                +func (s *Server) streamEvents(%s) error {
                +	w := c.Response()
                +	beat := time.NewTicker(15 * time.Second)
                +	defer beat.Stop()
                +	sub := s.hub.Subscribe()
                +	defer s.hub.Unsubscribe(sub)
                +	for {
                +		select {
                +		case <-c.Request().Context().Done():
                +			return nil
                +		case ev := <-sub.Events():
                +			if _, err := w.Write(ev); err != nil {
                +				return nil
                +			}
                +			w.Flush()
                +		case <-beat.C:
                +			if _, err := %s; err != nil {
                +				return nil
                +			}
                +			w.Flush()
                +		}
                +	}
                +}
                """.formatted(params, write);
    }

    @Test
    void a_stream_handler_that_ends_when_the_heartbeat_to_its_client_fails_is_clean() {
        assertEquals(List.of(), of(events("c echo.Context", "io.WriteString(w, \": ping\\n\\n\")")));
        assertEquals(List.of(), of(events("c *gin.Context", "fmt.Fprint(w, \": ping\\n\\n\")")));
    }

    /** The same loop as a method of the service (no request in sight): a periodic job of its own, still reported. */
    @Test
    void the_same_loop_in_a_method_that_serves_no_request_is_still_reported() {
        assertEquals(List.of("25:CONC-07"), of(events("c *Publisher", "s.sink.Ping()")));
    }
}
