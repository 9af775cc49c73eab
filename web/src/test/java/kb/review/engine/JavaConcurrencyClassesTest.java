package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Concurrency classes the review used to miss, each defect next to the correct look-alike. */
class JavaConcurrencyClassesTest {

    private static final String FALLBACK = """
            package a;

            class Prices {
                Price latest(Future<Price> pending) {
                    try {
                        %s
                    } %s
                }
            }
            """;

    @Test
    void a_catch_all_around_a_blocking_call_that_returns_a_fallback_loses_the_interrupt() {
        String handler = "catch (Exception e) { log.warn(\"no price\", e); return Price.UNKNOWN; }";
        assertEquals(List.of("7:CONC-05"), items("src/main/java/a/Prices.java", FALLBACK.formatted(
                "return pending.get(2, TimeUnit.SECONDS);", handler)));
        assertEquals(List.of("7:CONC-05"), items("src/main/java/a/Prices.java", FALLBACK.formatted(
                "Thread.sleep(100); return cache.take();", handler)));
        assertEquals(List.of(), items("src/main/java/a/Prices.java", FALLBACK.formatted(
                "return pending.get(2, TimeUnit.SECONDS);",
                "catch (InterruptedException e) { Thread.currentThread().interrupt(); return Price.UNKNOWN; } " + handler)));
        assertEquals(List.of(), items("src/main/java/a/Prices.java", FALLBACK.formatted(
                "return pending.get(2, TimeUnit.SECONDS);",
                "catch (Exception e) { throw new IllegalStateException(e); }")));
        // nothing in the try can be interrupted: the catch-all is only ERR-level business
        assertEquals(List.of(), items("src/main/java/a/Prices.java", FALLBACK.formatted(
                "return Price.parse(cache.get(\"k\"));", handler)));
    }

    private static final String TIMER = """
            package a;

            class Refresher {
                void start(Timer timer) {
                    timer.schedule(new TimerTask() {
                        @Override
                        public void run() {
                            %s
                        }
                    }, 0, 60_000);
                }
            }
            """;

    @Test
    void a_timer_task_without_a_catch_all_kills_the_timer_thread_on_its_first_exception() {
        assertEquals(List.of("5:CONC-07"), items("src/main/java/a/Refresher.java", TIMER.formatted(
                "rates.reload();")));
        assertEquals(List.of(), items("src/main/java/a/Refresher.java", TIMER.formatted(
                "try { rates.reload(); } catch (RuntimeException e) { log.warn(\"reload failed\", e); }")));
    }

    private static final String SUBCLASS = """
            package a;

            class Jobs {
                static class Worker extends Thread {
                    @Override
                    public void run() {
                        %s
                    }
                }

                void start() {
                    Worker w = new Worker();
                    %s
                    w.start();
                }
            }
            """;

    @Test
    void a_thread_subclass_needs_a_catch_all_in_run_or_an_uncaught_exception_handler() {
        assertEquals(List.of("4:CONC-01"), items("src/main/java/a/Jobs.java", SUBCLASS.formatted(
                "drain();", "")));
        assertEquals(List.of(), items("src/main/java/a/Jobs.java", SUBCLASS.formatted(
                "try { drain(); } catch (Throwable t) { log.error(\"worker died\", t); }", "")));
        assertEquals(List.of(), items("src/main/java/a/Jobs.java", SUBCLASS.formatted(
                "drain();", "w.setUncaughtExceptionHandler((t, e) -> log.error(\"worker died\", e));")));
    }
}
