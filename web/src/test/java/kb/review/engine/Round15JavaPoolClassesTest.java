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
 * <li>TMO-03, a watchdog that fails the work by completing its future exceptionally (or aborts the request) rather than
 * cancelling it: the item's Java analogue is "a scheduled timeout or watchdog task that is never cancelled once the
 * work has finished", whatever the task does to the work. Clean: the watchdog cancelled when the work completes.</li>
 * <li>TMO-02, a timed {@code get} on submitted work whose TimeoutException catch does not cancel it while a catch of
 * another failure does: the item's "do not just stop waiting" is about the timeout's path. Clean: the cancel in the
 * timeout's catch or in a finally.</li>
 * <li>CONC-07, a guard that catches {@code RuntimeException | Error} (all a {@code Runnable} can throw) and rethrows
 * only a {@code VirtualMachineError}, as the item's own guard does ("only VirtualMachineError goes through"): it keeps
 * the schedule alive. A guard that rethrows every failure is still no guard.</li>
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

    // --- TMO-03: a watchdog that fails the work's future instead of cancelling it ---

    private static final String QUOTES = """
            package com.example.quotes;

            import java.util.concurrent.*;

            final class QuoteClient {
                private final ScheduledExecutorService timer;
                private final Transport transport;

                QuoteClient(ScheduledExecutorService timer, Transport transport) {
                    this.timer = timer;
                    this.transport = transport;
                }

                CompletableFuture<Quote> quote(String symbol, long limitMs) {
                    CompletableFuture<Quote> pending = transport.send(symbol);
                    ScheduledFuture<?> deadline = timer.schedule(
                            () -> pending.completeExceptionally(new TimeoutException(symbol)), limitMs, TimeUnit.MILLISECONDS);
            AFTER
                    return pending;
                }
            }
            """;

    @Test
    void a_deadline_that_fails_the_future_and_is_never_cancelled_is_found() {
        assertEquals(List.of("16:java-watchdog-future-not-cancelled"),
                item("src/main/java/com/example/quotes/QuoteClient.java", QUOTES.replace("AFTER\n", ""), "TMO-03"));
    }

    @Test
    void a_dropped_deadline_that_aborts_the_request_is_found() {
        String code = QUOTES.replace("""
                        ScheduledFuture<?> deadline = timer.schedule(
                                () -> pending.completeExceptionally(new TimeoutException(symbol)), limitMs, TimeUnit.MILLISECONDS);
                """, """
                        Request request = transport.request(symbol);
                        timer.schedule(() -> request.abort(), limitMs, TimeUnit.MILLISECONDS);
                """).replace("AFTER\n", "");
        assertEquals(List.of("17:java-watchdog-future-dropped"),
                item("src/main/java/com/example/quotes/QuoteClient.java", code, "TMO-03"));
    }

    @Test
    void the_deadline_cancelled_when_the_future_completes_is_clean() {
        String code = QUOTES.replace("AFTER", "        pending.whenComplete((quote, error) -> deadline.cancel(false));");
        assertEquals(List.of(), item("src/main/java/com/example/quotes/QuoteClient.java", code, "TMO-03"));
    }

    @Test
    void a_scheduled_task_that_completes_a_future_normally_is_not_a_watchdog() {
        String code = QUOTES.replace("pending.completeExceptionally(new TimeoutException(symbol))",
                "pending.complete(Quote.stale(symbol))").replace("AFTER\n", "");
        assertEquals(List.of(), item("src/main/java/com/example/quotes/QuoteClient.java", code, "TMO-03"));
    }

    // --- TMO-02: the timed-out work is cancelled, but only in the catch of another failure ---

    private static final String WAITER = """
            package com.example.export;

            import java.util.concurrent.*;

            final class ExportWaiter {
                private final ExecutorService pool;

                ExportWaiter(ExecutorService pool) {
                    this.pool = pool;
                }

                boolean exportWithin(Runnable export, long seconds) {
                    Future<?> job = pool.submit(export);
                    try {
                        job.get(seconds, TimeUnit.SECONDS);
                        return true;
                    } catch (TimeoutException e) {
            ON_TIMEOUT
                        return false;
                    } catch (ExecutionException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        job.cancel(true);
                        return false;
                    }
                }
            }
            """;

    @Test
    void a_timeout_whose_catch_leaves_the_work_running_is_found_though_another_catch_cancels_it() {
        assertEquals(List.of("15:java-timed-out-work-cancelled-elsewhere"), item(
                "src/main/java/com/example/export/ExportWaiter.java", WAITER.replace("ON_TIMEOUT\n", ""), "TMO-02"));
    }

    @Test
    void the_work_cancelled_in_the_timeout_catch_or_in_finally_is_clean() {
        assertEquals(List.of(), item("src/main/java/com/example/export/ExportWaiter.java",
                WAITER.replace("ON_TIMEOUT", "            job.cancel(true);"), "TMO-02"));
        String fin = WAITER.replace("ON_TIMEOUT\n", "").replace("        }\n    }\n}\n",
                "        } finally {\n            job.cancel(true);\n        }\n    }\n}\n");
        assertEquals(List.of(), item("src/main/java/com/example/export/ExportWaiter.java", fin, "TMO-02"));
    }

    // --- CONC-07: a guard of RuntimeException | Error that lets only VirtualMachineError through ---

    private static final String COMPACTOR = """
            package com.example.store;

            import java.util.concurrent.*;

            final class Compactor {
                private final ScheduledExecutorService scheduler;
                private final Segments segments;

                Compactor(ScheduledExecutorService scheduler, Segments segments) {
                    this.scheduler = scheduler;
                    this.segments = segments;
                }

                void start() {
                    scheduler.scheduleWithFixedDelay(this::compactOnce, 1, 1, TimeUnit.MINUTES);
                }

                private void compactOnce() {
                    try {
                        segments.compact();
                    } catch (RuntimeException | Error e) {
                        if (e instanceof VirtualMachineError fatal) {
                            throw fatal;
                        }
                        FAILED
                    }
                }
            }
            """;

    @Test
    void a_guard_that_rethrows_only_vm_errors_keeps_the_schedule_alive() {
        assertEquals(List.of(), item("src/main/java/com/example/store/Compactor.java",
                COMPACTOR.replace("FAILED", "System.getLogger(\"compactor\").log(System.Logger.Level.ERROR, \"failed\", e);"),
                "CONC-07"));
    }

    @Test
    void a_guard_that_rethrows_every_failure_is_still_found() {
        // named at the throw the change writes (ScheduledFailurePairs, session 33), not at the schedule call
        assertEquals(List.of("25:java-scheduled-task-without-catch"), item("src/main/java/com/example/store/Compactor.java",
                COMPACTOR.replace("FAILED", "throw new IllegalStateException(\"compaction failed\", e);"), "CONC-07"));
    }
}
