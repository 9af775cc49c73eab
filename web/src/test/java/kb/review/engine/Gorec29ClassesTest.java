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
 * <li>A deadline set on a connection before its read or write ({@code _ = conn.SetReadDeadline(...)} in a server's
 * read loop, a websocket pump's write deadline, a TLS handshake's deadline) deleted, the read or write kept (round 25's
 * go-28; {@code go-stripped-timeout}). Clean: a deadline cleared ({@code time.Time{}}) or set to now to wake a reader
 * on close, and a deadline moved into a helper the change names.</li>
 * <li>A wait that a stop or cancel could cut short (a select on a stop, done or context channel beside a timer or a
 * ticker) replaced by a bare {@code time.Sleep} (round 25's go-12; {@code go-sleep-replaces-stoppable-wait}). Clean: a
 * select that waited for a reply or a timeout, with no stop in it, replaced by a pause, and a short settle pause.</li>
 * <li>A metric increment (a Prometheus counter, an atomic add, a field's {@code ++}) replaced by an info or warn line
 * in the same block, through any logger (a zerolog chain, logrus, a project's logger field) (round 25's go-23;
 * {@code go-metric-replaced-by-log-line}). Clean: the counter kept beside a sampled line, a debug line, a block that
 * logged before (a rewording), a WaitGroup's Add replaced.</li>
 * <li>Breadth: fix shapes of public repositories written anew (the README's gorec29 section names them), each beside
 * its fix: a cluster service's read deadline deleted before a length-prefixed read, a websocket transport's read
 * deadline deleted before {@code NextReader}, a JetStream connector's reported ack check made bare.</li>
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

    @Test
    void a_deleted_connection_deadline_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("gorec29-tmo-conn-deadline-deleted", Set.of("TMO-01"));
    }

    @Test
    void a_stoppable_wait_replaced_by_a_sleep_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("gorec29-conc-sleep-replaces-stoppable-wait", Set.of("CONC-05"));
    }

    @Test
    void a_counter_replaced_by_a_log_line_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("gorec29-log-metric-replaced-by-line", Set.of("LOG-01"));
    }

    @Test
    void go_fix_shapes_of_the_breadth_pass_are_reported_and_their_fixes_are_not() {
        ClassDiffs25.check("gorec29-breadth-go", Set.of("TMO-01", "ERR-01"));
    }
}
