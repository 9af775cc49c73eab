package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Go recall classes of session 29 (branch gorec29), from round 25's Go misses; each directory under
 * {@code classes25/gorec29-*} holds defects in different libraries and shapes and clean look-alikes the same rule must
 * not report.
 * <ul>
 * <li>A Go check that only reported the failure of a delivering call (logged it, sent the error on a channel, handed
 * it to an error callback, answered the client with an error status) deleted, the call kept bare: an ack, a nak, a
 * commit, or a package's own reply helper ({@code writeJSON}, {@code sendCSV}) (round 25's go-25 and go-29;
 * {@code dropped-logged-output-error}). Clean: the same report for a lookup, a logged check of an own helper that
 * loads, the check moved into a reporting helper, a block that signals without the error.</li>
 * <li>A fasthttp or Fiber handler that passes {@code context.Background()}/{@code TODO()} to a store or client call
 * where its request context is at hand (round 25's go-32; {@code go-context-not-propagated}). Clean: the request
 * context passed or derived, a background context in a goroutine the handler starts, a start-up function.</li>
 * <li>A broker consumer or client of a library the models did not name (bsm/sarama-cluster, rocketmq-client-go,
 * NATS Streaming) whose close was deleted from a failure branch after its constructor (round 25's go-11;
 * {@code go-resource-not-closed} with the models of {@code go-consumers-29.yaml}). Clean: the fixes, edited elsewhere
 * in the same function, and a consumer closed by a defer.</li>
 * </ul>
 */
class Gorec29ClassesTest {

    @Test
    void a_reported_check_of_a_delivering_call_made_bare_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("gorec29-err-reported-check-removed", Set.of("ERR-01"));
    }

    @Test
    void a_framework_handler_calling_on_a_background_context_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("gorec29-tmo-framework-handler-background", Set.of("TMO-02"));
    }

    @Test
    void a_consumer_left_open_on_a_failure_branch_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("gorec29-res-consumer-left-open", Set.of("RES-01"));
    }
}
