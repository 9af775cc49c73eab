package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Resource classes of session 34 (branch res34). Each directory under {@code classes25/res34-*} holds defects in
 * several libraries and shapes and clean look-alikes the same rules must not report (its SOURCES.md names the real
 * fixes each was modelled on).
 * <ul>
 * <li>Key-value store iterators and snapshots released by their own verb ({@code Release()} for goleveldb and its
 * wrappers, {@code Close()} for pebble and badger), made by a factory on a receiver named as a store, whatever the
 * project's wrapper type ({@code go-release-verbs-34.yaml}, RES-01): never released on an early return, a deleted
 * deferred release, a snapshot never released. Clean: a deferred release, a package-level constructor over an
 * in-memory iterator, an iterator handed to the caller.</li>
 * <li>A Java resource the method opened into a local and then wrapped by a decorator whose close closes it
 * ({@code Channels.newWriter/newReader}, {@code new OutputStreamWriter(fos)}, {@code new DataInputStream(in)},
 * {@code new Scanner(raw)}, a decorator over such a decorator), with neither closed: the duty moves to the decorator
 * ({@code wraps: true} in {@code java-jdk.yaml}, {@code WrappedAcquisitions}, RES-01). Clean: the decorator in
 * try-with-resources, the inner local in try-with-resources, the decorator returned, the inner closed by its own
 * name in a finally, a decorator over a parameter.</li>
 * <li>A Go {@code defer} in a loop body whose header the diff does not show, known by what the body does each turn:
 * below the defer, in its own block (or case clause), {@code xs = append(xs, x)} grows a slice the lines in view
 * never declare ({@code CollectedTurnDefers}, beside {@code HiddenLoopDefers}' continue and break; RES-03
 * {@code go-defer-in-loop}). Clean: the file closed in the turn, the copy moved into a helper with its own defer, a
 * handler's case clause that appends to a field of its receiver.</li>
 * <li>Spring's programmatic transaction ({@code transactionManager.getTransaction(def)}) left open on a failure path:
 * a catch that rethrows without the rollback, a rollback for runtime failures only while the body throws a checked
 * exception (TX-01 {@code java-transaction-not-ended}). Clean: a catch of every failure that rolls back, a multi-catch
 * that covers the checked one, a finally that rolls back {@code if (!status.isCompleted())} (the status's own
 * completion test, read by {@code Guards} as the JPA {@code isActive()} is).</li>
 * </ul>
 */
class Res34ClassesTest {

    @Test
    void a_store_iterator_or_snapshot_left_unreleased_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res34-go-store-iterators", Set.of("RES-01"));
    }

    @Test
    void a_resource_wrapped_by_a_decorator_with_neither_closed_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res34-java-wrapped-resources", Set.of("RES-01"));
    }

    @Test
    void a_defer_in_a_collecting_loop_body_out_of_sight_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res34-go-defers-in-hidden-loops", Set.of("RES-03"));
    }

    @Test
    void a_programmatic_transaction_left_open_on_a_failure_path_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res34-java-programmatic-transactions", Set.of("TX-01"));
    }
}
