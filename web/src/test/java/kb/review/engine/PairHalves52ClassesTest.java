package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 52 (branch pair52): a change deletes the second half of a pair whose first half the code keeps
 * ({@code review/classes25/pair52-pair-second-halves/}, with its SOURCES.md): a held value's end (a ticker's stop, a
 * scheduler's shutdown, a timer's cancel) deleted from the object's end, its header in view or its sibling ends;
 * a lent value no longer handed back to its lender ({@link DroppedPairHalves}); a value's end deleted and its taking
 * line rewritten to discard it; a close deleted from a teardown branch of an actor's switch
 * ({@link ReceiverOwnedFields}); a close whose owner's connect is in view ({@link DeletedReleaseAcquisitions}); a
 * cancel moved past a loop's continue ({@link MovedPastExits}). Clean: the stop moved into an added helper, the
 * field deleted with its end, a shutdown deleted from a method that is no end, a sync.Pool buffer, the acquisition
 * deleted too, a close deleted from a branch that is no teardown, a cancel in a block that ends nothing, an end
 * method deleted whole.
 */
class PairHalves52ClassesTest {

    @Test
    void second_halves_deleted_from_kept_pairs_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("pair52-pair-second-halves", Set.of("RES-01", "OPS-01", "TMO-03"));
    }
}
