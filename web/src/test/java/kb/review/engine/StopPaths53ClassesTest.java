package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 53 (branch ops53): OPS-01 in the forms of a stop path and of a wait that the earlier readings
 * did not take ({@code review/classes25/ops53-stop-paths/}, with its SOURCES.md): a poll loop as the wait, a select
 * case on a quit channel or the context as the stop path, a graceful/hard pair or an exit written in the wait's
 * place, a {@code @PreDestroy} method, Netty's unawaited {@code shutdownGracefully()}. Clean: the wait moved or kept,
 * a wait deleted off any stop path, a command's error exit.
 */
class StopPaths53ClassesTest {

    @Test
    void stop_paths_that_lost_their_wait_are_reported_in_every_form_and_their_look_alikes_are_not() {
        ClassDiffs25.check("ops53-stop-paths", Set.of("OPS-01"));
    }
}
