package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 36 (branch err36): an edit that empties (or leaves only a comment in) a multi-catch naming
 * a failure of the work beside {@code InterruptedException} ({@code KeeperException | InterruptedException}): the
 * emptied-catch finding is kept beside CONC-05's on the same line, since the work's failure is lost as well as the
 * interrupt. Quiet: a catch of the interrupt alone (CONC-05's only), a multi-catch whose handling moved to a helper.
 */
class MultiCatchEmptiedTest {

    @Test
    void the_class_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err36-java-multi-catch-emptied", Set.of("ERR-01"));
    }
}
