package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Java class behind a miss of round 17 (held-out review corpus), the defect next to the clean look-alike the rule
 * must leave alone. Findings are compared as "line:item".
 * <ul>
 * <li><b>A pool with threads without a bound (CONC-02).</b> {@code new ThreadPoolExecutor(core, Integer.MAX_VALUE,
 * ...)}: the item asks for "a fixed maximum of workers"; over a {@code SynchronousQueue} (or once a bounded queue is
 * full) every task that finds the workers busy starts another thread, the pool {@code newCachedThreadPool} builds.</li>
 * </ul>
 */
class JavaUnboundedThreadCountTest {

    private static final String POOL = """
            package a;

            class Savers {
                static ExecutorService pool(ThreadFactory threads) {
                    return new ThreadPoolExecutor(%s, threads);
                }
            }
            """;

    @Test
    void a_pool_whose_maximum_is_integer_max_value_has_threads_without_a_bound() {
        assertEquals(List.of("5:CONC-02"), items("src/main/java/a/Savers.java", POOL.formatted(
                "4, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>()")));
        assertEquals(List.of("5:CONC-02"), items("src/main/java/a/Savers.java", POOL.formatted(
                "2, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100)")));
        // a fixed maximum over a bounded queue, with a rejection policy: the item's Good example
        assertEquals(List.of(), items("src/main/java/a/Savers.java", POOL.formatted(
                "2, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), new ThreadPoolExecutor.CallerRunsPolicy()")));
        // a hand-off with a small maximum: threads are bounded, the overflow is rejected
        assertEquals(List.of(), items("src/main/java/a/Savers.java", POOL.formatted(
                "4, 16, 60, TimeUnit.SECONDS, new SynchronousQueue<>()")));
        // an unbounded queue is reported once, by the queue's own rule
        assertEquals(List.of("5:CONC-02"), items("src/main/java/a/Savers.java", POOL.formatted(
                "4, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>()")));
    }
}
