package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 class of session 35 (branch err35): an Android SQLite failure logged with {@code Log.e} or Timber and
 * answered as 0 or false ({@code java-failure-returned-as-result}). Quiet: logged and rethrown, a -1 the success path
 * never gives.
 */
class AndroidFailureAsZeroTest {

    @Test
    void the_class_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("err35-java-android-failure-as-zero", Set.of("ERR-01"));
    }
}
