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
 * </ul>
 */
class Res34ClassesTest {

    @Test
    void a_store_iterator_or_snapshot_left_unreleased_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res34-go-store-iterators", Set.of("RES-01"));
    }
}
