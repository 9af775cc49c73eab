package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 54 (branch err54): ERR-01, a failure that the change makes disappear
 * ({@code review/classes25/err54-failures-made-silent/}, with its SOURCES.md). Go: an error branch behind an if-init
 * that holds composite literals answered with nil (a Kafka produce, a gRPC stream send in a CRLF file), a reader
 * loop's read error made {@code continue} (csv with its read and EOF test above the hunk, in a renamed file; a JSON
 * decoder in a goroutine), an iteration's completeness error ({@code rows.Err()}, {@code scanner.Err()}) only logged
 * while the partial result goes on; Java: a kept failure branch whose only report is cut (a catch made a close, a
 * Netty listener lambda, a Vert.x {@code ar.failed()}, an OkHttp {@code onFailure}, a renamed
 * {@code exceptionCaught}), a return in finally, a {@code handle()} that never reads its throwable, Mutiny
 * {@code recoverWithNull()}, Reactor {@code onErrorComplete()}. Clean: the skip logged with its error, a retry of an
 * outer error, a context error logged, a reworded wrap, a catch that still logs, rethrows, counts, or only lost a
 * debug line, a peer-gone catch, a cause fired down the pipeline, a return after finally (and one in a lambda inside
 * it), a handle() that reads its throwable, a completion after doOnError, a type-filtered Mutiny recovery.
 */
class Failures54ClassesTest {

    @Test
    void failures_made_silent_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("err54-failures-made-silent", Set.of("ERR-01"));
    }
}
