package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 43 (branch conc43), directory {@code review/classes25/conc43-shared-handoffs} with its SOURCES.md.
 * <ul>
 * <li>Writes to a collection taken out of the hop that ran them on the owner thread (Bukkit's {@code runTask}, a
 * main-looper {@code post}, {@code runOnUiThread}): {@link DroppedThreadHops}. Clean: the hop moved to the caller, a
 * local list, a map declared concurrent in sight, a hop around no collection write.</li>
 * <li>A concurrent collection stored as a map's value ({@code computeIfAbsent(k, x -> new CopyOnWriteArraySet<>())},
 * {@code putIfAbsent(k, ConcurrentHashMap.newKeySet())}) made plain: {@link ReplacedConcurrentCollections}. Clean: a
 * local set of one call made plain.</li>
 * <li>An atomic map call replaced by get, a null test joined to another condition, and put, reported at the test:
 * {@link ReplacedAtomicMapCalls}.</li>
 * <li>A per-call object (a connection, an HTTP context) made from a local into an instance field assigned per call:
 * {@link PromotedLocals}. Clean: a value ({@code Duration}) made a field, a connection local renamed.</li>
 * <li>A future the deleted line kept ({@code outstanding.add(publisher.publish(m))}, {@code scheduled =
 * executor.schedule(...)}) whose call the change makes a bare statement: CONC-06 through
 * {@link DroppedFutureObservers}. Clean: the future named in a local and still kept, a pending count made bare.</li>
 * <li>A Go goroutine whose recovery the change deletes: its launch pointed past the recovering wrapper ({@code go
 * s.exportRecovered(ctx, job)} made {@code go s.export(ctx, job)}), or the deferred recover of a literal handed to
 * {@code go wait.Until(func() {...})}: CONC-01 through {@link RemovedRecovers}. Clean: the wrapper renamed with its
 * recover.</li>
 * </ul>
 */
class SharedHandoffs43ClassesTest {

    @Test
    void shared_state_kept_futures_and_recoveries_dropped_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("conc43-shared-handoffs", Set.of("CONC-01", "CONC-03", "CONC-06"));
    }
}
