package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round-15 Java classes of pools, futures and scheduled work, each beside the look-alike its rule must leave alone.
 * <ul>
 * <li>CONC-02, a pool's work queue handed to the {@code ThreadPoolExecutor} constructor without a bound, on whatever
 * line the call wraps it. The item: "every pool has a fixed maximum of workers <em>and</em> a bounded queue", and "a
 * huge bound is an unbounded queue that fails later". Clean: a queue with a small capacity, a SynchronousQueue.</li>
 * </ul>
 * The fixtures are written for these tests. Findings are compared as "line:rule".
 */
class Round15JavaPoolClassesTest {

    private static List<String> item(String path, String code, String item) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(path, code), item);
    }

    // --- CONC-02: the unbounded queue is a constructor argument on a line of its own ---

    private static final String POOLS = """
            package com.example.ingest;

            import java.util.concurrent.*;

            final class Pools {
                static ExecutorService parsers(int core, int max) {
                    return new ThreadPoolExecutor(core, max,
                            30, TimeUnit.SECONDS,
                            QUEUE,
                            Executors.defaultThreadFactory());
                }
            }
            """;

    @Test
    void a_wrapped_constructor_given_a_linked_queue_without_a_capacity_is_found() {
        assertEquals(List.of("7:java-unbounded-work-queue"), item("src/main/java/com/example/ingest/Pools.java",
                POOLS.replace("QUEUE", "new LinkedBlockingQueue<Runnable>()"), "CONC-02"));
        assertEquals(List.of("7:java-unbounded-work-queue"), item("src/main/java/com/example/ingest/Pools.java",
                POOLS.replace("QUEUE", "new LinkedBlockingDeque<>(Integer.MAX_VALUE)"), "CONC-02"));
    }

    @Test
    void a_queue_made_unbounded_on_its_own_line_and_passed_by_name_is_found() {
        String code = POOLS.replace("return new", "BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();\n"
                + "        return new").replace("QUEUE", "work");
        assertEquals(List.of("8:java-unbounded-work-queue-variable"),
                item("src/main/java/com/example/ingest/Pools.java", code, "CONC-02"));
    }

    @Test
    void a_queue_with_a_small_capacity_or_a_hand_off_queue_is_clean() {
        assertEquals(List.of(), item("src/main/java/com/example/ingest/Pools.java",
                POOLS.replace("QUEUE", "new LinkedBlockingQueue<>(max * 4)"), "CONC-02"));
        assertEquals(List.of(), item("src/main/java/com/example/ingest/Pools.java",
                POOLS.replace("QUEUE", "new ArrayBlockingQueue<>(64)"), "CONC-02"));
        assertEquals(List.of(), item("src/main/java/com/example/ingest/Pools.java",
                POOLS.replace("QUEUE", "new SynchronousQueue<>()"), "CONC-02"));
        String named = POOLS.replace("return new", "BlockingQueue<Runnable> work = new LinkedBlockingQueue<>(256);\n"
                + "        return new").replace("QUEUE", "work");
        assertEquals(List.of(), item("src/main/java/com/example/ingest/Pools.java", named, "CONC-02"));
    }
}
