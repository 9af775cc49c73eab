package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 53 (branch pool53; the name's 52 is the task's): RES-04, an expensive, reusable, thread-safe
 * object built again per call, per item or per event where it should be built once and shared
 * ({@code review/classes25/pool53-shared-objects-built-again/}, with its SOURCES.md). Defects: clients the models
 * did not name (a StatsD client, a RestTemplate, docker-java, a client type's builder, an HTTP/2 transport, apns2), a
 * JAXB context per call, a mapper and a literal pattern per item, a kafka-go reader per tick and a clientset per
 * namespace with the same arguments every turn, a literal regexp per scanned line, template files parsed per request.
 * Clean: a mapper per call with no loop, the same objects built once, a factory that returns its client, a pattern
 * or a dial per distinct input of a loop, a reader built before its consume loop, a reconnect loop.
 */
class SharedObjects52ClassesTest {

    @Test
    void shared_objects_built_again_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("pool53-shared-objects-built-again", Set.of("RES-04"));
    }
}
