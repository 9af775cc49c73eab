package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-01, the class of an HTTP handler that logs each item of its request it drops (round 15's go-35): in a function
 * that serves a request, {@code for _, ev := range events { if err := normalize(ev); err != nil { log.Error(...);
 * continue } ... }}. A client that sends bad items sends them in every payload, so the line repeats with the traffic,
 * the item's own bad example ({@code if (!valid(r)) log.warn(...)}, "a flood when the upstream breaks") whatever the
 * check is called. Look-alikes: the same loop in a function that serves no request (a failure path there stays the
 * rare branch it usually is), a branch that rejects the whole request instead of one item, and the failure of
 * sending the item on through another package's value, which is the machinery failing, not the item.
 */
class GoHandlerItemRejectLogTest {

    private static String handler(String params, String check, String exit) {
        return GoRound8ClassesTest.file("ingest/events.go", """
                import (
                	"net/http"
                )

                func (h *Ingest) handleEvents(%s) {
                	events, err := decodeEvents(req.Body)
                	if err != nil {
                		http.Error(w, "bad payload", http.StatusBadRequest)
                		return
                	}
                	for _, ev := range events {
                		if err := %s; err != nil {
                			h.log.Warn("dropping event", "id", ev.ID, "err", err)
                			%s
                		}
                		h.queue <- ev
                	}
                	w.WriteHeader(http.StatusAccepted)
                }
                """.formatted(params, check, exit));
    }

    private static final String HTTP = "w http.ResponseWriter, req *http.Request";

    private static List<String> log01(String params, String check, String exit) {
        return GoRound8ClassesTest.item(handler(params, check, exit), "LOG-01");
    }

    @Test
    void a_line_per_rejected_item_of_a_request_is_found() {
        assertEquals(List.of("15:go-log-in-loop"), log01(HTTP, "normalize(ev)", "continue"));
    }

    @Test
    void a_line_per_item_rejected_by_a_method_of_the_handler_is_found() {
        assertEquals(List.of("15:go-log-in-loop"), log01(HTTP, "h.scrub(ev)", "continue"));
    }

    @Test
    void the_same_loop_outside_a_request_handler_is_clean() {
        assertEquals(List.of(), log01("req *Batch, w *Report", "normalize(ev)", "continue"));
    }

    @Test
    void a_branch_that_rejects_the_whole_request_is_clean() {
        assertEquals(List.of(), log01(HTTP, "normalize(ev)",
                "http.Error(w, \"bad event\", http.StatusBadRequest)\n\t\t\treturn"));
    }

    @Test
    void a_failure_of_another_packages_value_is_clean() {
        assertEquals(List.of(), log01(HTTP, "h.sink.Publish(ev)", "continue"));
    }

    @Test
    void a_failure_of_a_dependency_the_handler_holds_is_clean() {
        assertEquals(List.of(), log01(HTTP, "h.store.save(ev)", "continue"));
    }
}
