package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 25's precision classes of Java concurrency findings (set 17's KE, JV, JU and round 21's java-ok-16 and
 * java-14), each with the defect it must still find:
 * <ul>
 *   <li>CONC-06: a completion service's submit, whose future the caller takes back with take/poll in sight, is no
 *       drop; one whose futures nobody takes, and an executor's submit, still are;</li>
 *   <li>CONC-01: the thread factory of a scheduled executor (its tasks' failures stay in their futures) needs no
 *       uncaught-exception handler; the factory of a plain pool still does;</li>
 *   <li>TMO-02: a timed wait whose executor is shut down with shutdownNow in the finally cancels the task; a plain
 *       shutdown does not;</li>
 *   <li>CONC-07: a scheduled lambda that only calls a method out of sight named as guarding itself is left alone; one
 *       that calls another method out of sight stays a low-confidence finding;</li>
 *   <li>CONC-03: a computeIfAbsent replaced by get, null test and put is reported at the put.</li>
 * </ul>
 */
class JavaSet17ConcurrencyClassesTest {

    private static final String PATH = "src/main/java/com/acme/jobs/Jobs.java";

    private static List<String> review(String code, String item) {
        return JavaS25Cases.review(PATH, code, item);
    }

    @Test
    void a_completion_service_submit_taken_back_is_clean() {
        String code = """
                class Jobs {
                    Result first(List<Callable<Result>> tasks) throws Exception {
                        ExecutorCompletionService<Result> completion = new ExecutorCompletionService<>(pool);
                        for (Callable<Result> task : tasks) {
                            completion.submit(task);
                        }
                        return completion.take().get();
                    }
                }
                """;
        assertEquals(List.of(), review(code, "CONC-06"));
    }

    @Test
    void a_completion_service_field_polled_elsewhere_is_clean() {
        String code = """
                class Jobs {
                    private final CompletionService<Void> finished;
                    void start(Runnable worker) {
                        finished.submit(worker, null);
                    }
                    void reap() throws Exception {
                        Future<Void> done = finished.poll(1, TimeUnit.SECONDS);
                        if (done != null) {
                            done.get();
                        }
                    }
                }
                """;
        assertEquals(List.of(), review(code, "CONC-06"));
    }

    @Test
    void a_completion_service_whose_futures_nobody_takes_is_still_found() {
        String code = """
                class Jobs {
                    void runAll(List<Callable<Long>> tasks) {
                        CompletionService<Long> done = new ExecutorCompletionService<>(pool);
                        for (Callable<Long> task : tasks) {
                            done.submit(task);
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "done.submit(", "java-future-ignored"), review(code, "CONC-06"));
    }

    @Test
    void an_executor_submit_dropped_is_still_found() {
        String code = """
                class Jobs {
                    void start(Runnable worker) {
                        pool.submit(worker);
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "pool.submit(", "java-future-ignored"), review(code, "CONC-06"));
    }

    @Test
    void the_thread_factory_of_a_scheduled_executor_is_clean() {
        String code = """
                class Jobs {
                    private final ScheduledExecutorService metrics =
                            Executors.newSingleThreadScheduledExecutor(r -> {
                                Thread t = new Thread(r, "jobs-metrics");
                                t.setDaemon(true);
                                return t;
                            });
                    private final ScheduledExecutorService ticks =
                            new ScheduledThreadPoolExecutor(2, r -> new Thread(r, "jobs-tick"));
                }
                """;
        assertEquals(List.of(), review(code, "CONC-01"));
    }

    @Test
    void the_thread_factory_of_a_plain_pool_is_still_found() {
        String code = """
                class Jobs {
                    private final ExecutorService workers =
                            Executors.newFixedThreadPool(4, r -> new Thread(r, "jobs-worker"));
                }
                """;
        assertEquals(JavaS25Cases.at(code, "new Thread(r", "java-thread-without-handler"), review(code, "CONC-01"));
    }

    private static final String TIMED_PROBE = """
            class Jobs {
                Health probe(Server server, long timeoutMs) throws Exception {
                    ExecutorService single = Executors.newSingleThreadExecutor();
                    try {
                        Future<Health> pending = single.submit(() -> server.health());
                        return pending.get(timeoutMs, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        return Health.UNKNOWN;
                    } finally {
                        single.%s();
                    }
                }
            }
            """;

    @Test
    void a_timed_wait_whose_executor_is_shut_down_now_in_the_finally_is_clean() {
        assertEquals(List.of(), review(TIMED_PROBE.formatted("shutdownNow"), "TMO-02"));
    }

    @Test
    void a_timed_wait_whose_executor_is_only_shut_down_is_still_found() {
        String code = TIMED_PROBE.formatted("shutdown");
        assertEquals(JavaS25Cases.at(code, "pending.get(", "java-timed-out-work-not-cancelled"),
                review(code, "TMO-02"));
    }

    @Test
    void a_scheduled_lambda_calling_a_guard_out_of_sight_is_clean() {
        String body = """
                     public ScheduledFuture<?> start(Cache cache) {
                -        return timer.scheduleAtFixedRate(cache::refresh, 1, 1, TimeUnit.MINUTES);
                +        return timer.scheduleAtFixedRate(() -> refreshSafely(cache), 1, 1, TimeUnit.MINUTES);
                     }
                """;
        assertEquals(List.of(), JavaEdits.item(JavaEdits.edit(PATH, 40, body), "CONC-07"));
    }

    @Test
    void a_scheduled_lambda_calling_another_method_out_of_sight_stays_low() {
        String body = """
                     public ScheduledFuture<?> start(Cache cache) {
                -        return timer.scheduleAtFixedRate(cache::refresh, 1, 1, TimeUnit.MINUTES);
                +        return timer.scheduleAtFixedRate(() -> refreshAll(cache), 1, 1, TimeUnit.MINUTES);
                     }
                """;
        var findings = TestRules.reviewDiff(JavaEdits.edit(PATH, 40, body)).findings().stream()
                .filter(f -> f.item().equals("CONC-07")).toList();
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).confidence() == Finding.Confidence.LOW);
    }

    @Test
    void a_compute_if_absent_replaced_by_check_then_put_is_reported_at_its_test() {
        String body = """
                     static Pattern pattern(String glob) {
                -        return PATTERNS.computeIfAbsent(glob, Globs::compile);
                +        Pattern p = PATTERNS.get(glob);
                +        if (p == null) {
                +            p = Globs.compile(glob);
                +            PATTERNS.put(glob, p);
                +        }
                +        return p;
                     }
                """;
        // at the test since session 43 (the put until then): two lines from the read and the write alike
        assertEquals(List.of(JavaEdits.newLine(30, body, "if (p == null)") + ":atomic-map-call-replaced"),
                JavaEdits.item(JavaEdits.edit(PATH, 30, body), "CONC-03"));
    }
}
