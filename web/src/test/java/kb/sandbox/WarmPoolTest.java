package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The warm pool's refill policy, with children that start instantly and record what happens to them. */
class WarmPoolTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    static final class FakeChild implements WarmPool.Child {
        final AtomicBoolean killed = new AtomicBoolean();
        volatile boolean dead;

        @Override
        public boolean alive() {
            return !dead && !killed.get();
        }

        @Override
        public void kill() {
            killed.set(true);
        }
    }

    private final AtomicInteger starts = new AtomicInteger();

    private WarmPool<FakeChild> pool(int size) throws InterruptedException {
        var pool = new WarmPool<FakeChild>(size, () -> {
            starts.incrementAndGet();
            return new FakeChild();
        });
        awaitReady(pool, size);
        return pool;
    }

    private static void awaitReady(WarmPool<?> pool, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pool.readyCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, pool.readyCount(), "ready children");
    }

    /** Starts settle: nothing more is started once the pool is full again. */
    private void awaitStarts(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (starts.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        assertEquals(count, starts.get(), "children started");
    }

    @Test
    void a_lone_take_waits_for_its_run_before_starting_a_replacement() throws Exception {
        try (var pool = pool(4)) {
            assertNotNull(pool.take(WAIT));
            Thread.sleep(100);
            assertEquals(4, starts.get(), "no replacement while the run is in progress");
            assertEquals(3, pool.readyCount());
            pool.replenish();
            awaitReady(pool, 4);
            awaitStarts(5);
        }
    }

    @Test
    void a_burst_that_leaves_less_than_half_ready_starts_replacements_at_once() throws Exception {
        try (var pool = pool(4)) {
            pool.take(WAIT);
            pool.take(WAIT);
            Thread.sleep(100);
            assertEquals(4, starts.get(), "half the pool still ready: replacements wait for the runs");
            pool.take(WAIT); // one left ready
            // The three taken are replaced without any run having ended.
            awaitReady(pool, 4);
            awaitStarts(7);
        }
    }

    @Test
    void a_take_on_an_empty_pool_waits_for_a_child_being_started() throws Exception {
        try (var pool = pool(1)) {
            assertNotNull(pool.take(WAIT));
            // A pool of one is below half as soon as its child is taken, so the next is already starting.
            assertNotNull(pool.take(WAIT));
            awaitStarts(3);
        }
    }

    @Test
    void a_child_that_died_while_waiting_in_the_pool_is_killed_and_skipped() throws Exception {
        var made = new java.util.concurrent.CopyOnWriteArrayList<FakeChild>();
        var pool = new WarmPool<FakeChild>(1, () -> {
            var child = new FakeChild();
            child.dead = made.isEmpty(); // the first one dies before anyone takes it
            made.add(child);
            return child;
        });
        try (pool) {
            var taken = pool.take(WAIT);
            assertNotNull(taken);
            assertTrue(taken.alive());
            assertTrue(made.get(0).killed.get(), "the dead child's leftovers are killed");
        }
    }

    @Test
    void a_pool_whose_children_cannot_start_answers_null_when_the_wait_ends() throws Exception {
        var pool = new WarmPool<FakeChild>(2, () -> {
            throw new IllegalStateException("no java here");
        });
        try (pool) {
            assertNull(pool.take(Duration.ofMillis(200)));
            assertTrue(pool.failureCount() >= 1);
            assertEquals("no java here", pool.lastFailure());
        }
    }

    @Test
    void closing_kills_the_ready_children_but_not_one_in_use() throws Exception {
        var made = new java.util.concurrent.CopyOnWriteArrayList<FakeChild>();
        var pool = new WarmPool<FakeChild>(3, () -> {
            var child = new FakeChild();
            made.add(child);
            return child;
        });
        awaitReady(pool, 3);
        var kept = pool.take(WAIT);
        pool.close();
        assertEquals(0, pool.readyCount());
        assertTrue(!kept.killed.get(), "a child in use belongs to its run");
        assertEquals(2, made.stream().filter(c -> c.killed.get()).count());
    }
}
