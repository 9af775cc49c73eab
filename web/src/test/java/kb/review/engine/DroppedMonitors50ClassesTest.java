package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 50 (branch conc50): CONC-03 a Java monitor the change takes away while the code it guarded stays
 * and still uses shared state ({@code review/classes25/conc50-dropped-monitors/}, with its SOURCES.md): a static
 * method that formats with the class's SimpleDateFormat, an access-ordered LinkedHashMap read unwrapped, a
 * MessageDigest field, a StringBuilder appended after {@code synchronized (this)} is unwrapped, a private deque poll.
 * Clean: the map made concurrent in the same change, the lock narrowed to a block, a factory of parameters, the
 * locked formatter replaced by a DateTimeFormatter, confinement stated, an AtomicLong.
 */
class DroppedMonitors50ClassesTest {

    @Test
    void monitors_taken_off_shared_state_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("conc50-dropped-monitors", Set.of("CONC-03"));
    }
}
