package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 53 (branch res53): a value that owns something, acquired on a path where some exit does not
 * release it ({@code review/classes25/res53-release-evidence/}, with its SOURCES.md). Go: a value from any call (a
 * project's request helper, a generated client's three-result call, a project's dialer) whose close the function
 * itself defers, but only below an exit that leaves after the value was made ({@code analysis/GoHandClosed}: the
 * deferred close is the evidence, {@code x.Body.Close()} names a response, RES-02). Clean: the defer right after the
 * error check, the value handed back on the early path, the value's own nil guard. Models: a temporary directory
 * (os.MkdirTemp) returned from before its removal, a docker-java client built and dropped. Java: a local of any type
 * closed in a finally whose try starts below a return ({@code analysis/HandClosed.finallyCandidates}); clean: a call
 * only between the two, the value's own null check.
 */
class Releases53ClassesTest {

    @Test
    void values_released_below_an_exit_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("res53-release-evidence", Set.of("RES-01", "RES-02"));
    }
}
