package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RES-04 for JDK thread pools: built per call and never shut down, next to the pools that are not per call. */
class JavaPerCallPoolTest {

    private static final String POOL = """
            package a;

            class Fetcher {
                %s

                List<String> fetchAll(List<Callable<String>> tasks) throws Exception {
                    %s
                }
            }
            """;

    @Test
    void a_pool_built_per_call_and_never_shut_down_is_reported() {
        assertEquals(List.of("7:RES-04"), items("src/main/java/a/Fetcher.java", POOL.formatted("",
                "ExecutorService pool = Executors.newFixedThreadPool(4); return collect(pool.invokeAll(tasks));")
                .replace("fetchAll(List<Callable<String>> tasks) throws Exception", "fetchAll(List<Callable<String>> tasks)")).stream()
                .filter(s -> s.endsWith("RES-04")).toList());
    }

    @Test
    void a_pool_kept_in_a_field_or_shut_down_in_finally_or_closed_by_try_is_not() {
        assertEquals(List.of(), res04(POOL.formatted(
                "private final ExecutorService pool = Executors.newFixedThreadPool(4);",
                "return collect(pool.invokeAll(tasks));")));
        assertEquals(List.of(), res04(POOL.formatted("", """
                ExecutorService pool = Executors.newFixedThreadPool(4);
                        try { return collect(pool.invokeAll(tasks)); } finally { pool.shutdown(); }""")));
        assertEquals(List.of(), res04(POOL.formatted("", """
                try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                            return collect(pool.invokeAll(tasks));
                        }""")));
    }

    private static List<String> res04(String code) {
        return items("src/main/java/a/Fetcher.java", code).stream().filter(s -> s.endsWith("RES-04")).toList();
    }
}
