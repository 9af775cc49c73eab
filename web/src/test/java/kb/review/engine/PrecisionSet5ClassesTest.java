package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of FALSE findings of the fifth held-out precision set on the projects' own Java code
 * (web/src/test/bench/realfixes/precision-judgments-5.tsv): a task guarded by the method it calls (M), an interrupt
 * restored by a helper of the project (BJ), a suspending call that does not block (BL), a pool built once per owner
 * object (AQ). Each class is pinned next to the defect of the same shape, which must still be found. The code is
 * written for this test, in the shape of the judged code; findings are compared as "line:item".
 */
class PrecisionSet5ClassesTest {

    private static List<String> items(String item, String... pathsAndCode) {
        StringBuilder diff = new StringBuilder();
        for (int i = 0; i < pathsAndCode.length; i += 2) {
            diff.append(LifecycleRulesTest.newFile(pathsAndCode[i], pathsAndCode[i + 1]));
        }
        return TestRules.reviewDiff(diff.toString()).active().stream().filter(f -> f.item().equals(item))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    // M (CONC-07): a periodic task written as an anonymous Runnable whose run() only calls a method of the class;
    // that method's catch decides, as it does for a lambda or a method reference

    private static final String SWEEPER = """
            package acme.registry;

            class Sweeper {
                private final ScheduledExecutorService timer;

                void begin(long everyMs) {
                    timer.scheduleWithFixedDelay(
                            new Runnable() {
                                @Override
                                public void run() {
                                    sweepOnce();
                                }
                            },
                            everyMs, everyMs, TimeUnit.MILLISECONDS);
                }

                private void sweepOnce() {
                    try {
                        for (String key : registry.keys()) {
                            expireIfStale(key);
                        }
                    } catch (CATCH e) {
                        log.warn("sweep failed", e);
                    }
                }
            }
            """;

    @Test
    void an_anonymous_task_that_only_calls_a_guarded_method_is_guarded_and_one_whose_method_catches_less_is_not() {
        String path = "src/main/java/acme/registry/Sweeper.java";
        assertEquals(List.of(), items("CONC-07", path, SWEEPER.replace("CATCH", "Exception")));
        assertEquals(List.of("7:CONC-07"), items("CONC-07", path, SWEEPER.replace("CATCH", "IOException")));
    }

    // M (CONC-07): the scheduled method has a namesake in another file of the change (a test's subclass that
    // overrides it with an empty body, another class's method of the same name): the call on this runs the class's own

    private static final String TOUCHER = """
            package acme.nodes;

            public class Toucher implements Closeable {
                public void start() {
                    pending = executor.scheduleAtFixedRate(this::touch, period, period, TimeUnit.MILLISECONDS);
                }

                void touch() {
                    try {
                        store.setData(childPath);
                    } catch (CATCH e) {
                        log.debug("could not touch the node", e);
                    }
                }
            }
            """;

    private static final String NAMESAKE = """
            package acme.jobs;

            class Heartbeat {
                void touch() {
                    BODY
                }
            }
            """;

    @Test
    void a_method_reference_on_this_is_judged_by_the_classs_own_method_not_by_a_namesake_elsewhere() {
        String path = "src/main/java/acme/nodes/Toucher.java";
        String other = "src/main/java/acme/jobs/Heartbeat.java";
        assertEquals(List.of(), items("CONC-07", path, TOUCHER.replace("CATCH", "Exception"),
                other, NAMESAKE.replace("BODY", "lastBeat = clock.millis();")));
        // the namesake catches everything, the class's own method does not: still a task one failure cancels
        assertEquals(List.of("5:CONC-07"), items("CONC-07", path, TOUCHER.replace("CATCH", "KeeperException"),
                other, NAMESAKE.replace("BODY", "try { beat(); } catch (Exception e) { log.warn(\"beat\", e); }")));
    }

    // M (CONC-06): a background loop submitted as an anonymous Callable that only calls the loop method (and returns
    // null); the loop catches Exception around its whole body and logs, so its future would never hold a failure

    private static final String CONSUMER = """
            package acme.queue;

            class Consumer {
                void start() {
                    workers.submit(new Callable<Object>() {
                        @Override
                        public Object call() {
                            drainLoop();
                            return null;
                        }
                    });
                }

                private void drainLoop() {
                    long seen = -1;
                    try {
                        while (running.get()) {
                            seen = handleBatch(seen);
                        }
                    } catch (CATCH e) {
                        log.error("consumer stopped", e);
                    }
                }
            }
            """;

    @Test
    void a_submitted_task_that_only_calls_a_loop_guarded_by_a_catch_all_needs_no_future() {
        String path = "src/main/java/acme/queue/Consumer.java";
        assertEquals(List.of(), items("CONC-06", path, CONSUMER.replace("CATCH", "Exception")));
        assertEquals(List.of("5:CONC-06"), items("CONC-06", path, CONSUMER.replace("CATCH", "InterruptedException")));
    }

    // BJ (CONC-05): a catch-all around a blocking acquire hands the exception to a helper of the project that re-sets
    // the interrupt flag for an InterruptedException (curator's ThreadUtils.checkInterrupted)

    private static final String LOCKS = """
            package acme.locks;

            class Locks {
                boolean tryLock(Mutex mutex, long ms) {
                    try {
                        return mutex.acquire(ms, TimeUnit.MILLISECONDS);
                    } catch (Exception e) {
                        HANDLE
                        log.warn("lock failed", e);
                        return false;
                    }
                }
            }
            """;

    private static final String INTERRUPTS = """
            package acme.util;

            public final class Interrupts {
                public static boolean checkInterrupted(Throwable t) {
                    if (t instanceof InterruptedException) {
                        BODY
                        return true;
                    }
                    return false;
                }
            }
            """;

    @Test
    void a_helper_of_the_change_that_restores_the_flag_counts_and_one_that_does_not_is_no_excuse_whatever_its_name() {
        String path = "src/main/java/acme/locks/Locks.java";
        String util = "src/main/java/acme/util/Interrupts.java";
        String locks = LOCKS.replace("HANDLE", "Interrupts.checkInterrupted(e);");
        assertEquals(List.of(), items("CONC-05", path, locks,
                util, INTERRUPTS.replace("BODY", "Thread.currentThread().interrupt();")));
        assertEquals(List.of("7:CONC-05"), items("CONC-05", path, locks,
                util, INTERRUPTS.replace("BODY", "log.info(\"interrupted\");")));
    }

    @Test
    void a_helper_out_of_sight_named_for_interrupts_and_handed_the_exception_counts_a_test_or_another_name_does_not() {
        String path = "src/main/java/acme/locks/Locks.java";
        assertEquals(List.of(), items("CONC-05", path, LOCKS.replace("HANDLE", "ThreadUtils.checkInterrupted(e);")));
        assertEquals(List.of(), items("CONC-05", path, LOCKS.replace("HANDLE", "restoreInterrupt(e);")));
        assertEquals(List.of("7:CONC-05"), items("CONC-05", path, LOCKS.replace("HANDLE", "metrics.failure(e);")));
        // a predicate only asks whether it was an interrupt
        assertEquals(List.of("7:CONC-05"), items("CONC-05", path,
                LOCKS.replace("HANDLE", "boolean stop = Errors.wasInterrupted(e);")));
        // named for interrupts but not handed the caught exception
        assertEquals(List.of("7:CONC-05"), items("CONC-05", path,
                LOCKS.replace("HANDLE", "restoreInterrupt(lastCause);")));
    }

    // BL (CONC-05): a Kotlin suspend function called from Java with the caller's Continuation suspends instead of
    // blocking; the catch-all around it hands the failure to the coroutine (retrofit's service methods)

    private static final String SUSPENDING = """
            package acme.http;

            class Suspending {
                Object invoke(Call<Object> call, Object[] args) {
                    Continuation<Object> continuation = (Continuation<Object>) args[args.length - 1];
                    try {
                        return CALL;
                    } catch (Exception e) {
                        return Coroutines.failLater(e, continuation);
                    }
                }
            }
            """;

    @Test
    void a_suspending_await_given_the_continuation_does_not_block_and_a_latch_await_does() {
        String path = "src/main/java/acme/http/Suspending.java";
        assertEquals(List.of(), items("CONC-05", path,
                SUSPENDING.replace("CALL", "Coroutines.await(call, continuation)")));
        assertEquals(List.of("8:CONC-05"), items("CONC-05", path,
                SUSPENDING.replace("CALL", "ready.await(5, TimeUnit.SECONDS) ? call.execute() : null")));
    }

    // AQ (RES-04): a pool handed to the constructor of an owner object (a closeable wrapper told to shut the pool down
    // on close) lives as long as that object: a helper returning the wrapper is a factory, its callers decide

    private static final String POOLS = """
            package acme.discovery;

            class InstanceCache {
                private static CloseableExecutorService poolFor(ThreadFactory f) {
                    BODY
                }
            }
            """;

    @Test
    void a_pool_wrapped_in_a_returned_owner_is_kept_and_one_wrapped_in_a_dropped_local_is_per_call() {
        String path = "src/main/java/acme/discovery/InstanceCache.java";
        assertEquals(List.of(), items("RES-04", path, POOLS.replace("BODY",
                "return new CloseableExecutorService(Executors.newSingleThreadExecutor(f), true);")));
        assertEquals(List.of("5:RES-04"), items("RES-04", path, POOLS.replace("BODY",
                "CloseableExecutorService pool = new CloseableExecutorService(Executors.newSingleThreadExecutor(f), "
                        + "true);\n        pool.submit(this::refresh);\n        return null;")));
    }

    // AQ (RES-04): a constructor in a pasted diff whose class header is in an earlier hunk: the gap after that hunk
    // closes the class, the constructor is read at the top level, and it is still a constructor

    private static final String CUT = """
            diff --git a/src/main/java/acme/cache/NodeCache.java b/src/main/java/acme/cache/NodeCache.java
            --- a/src/main/java/acme/cache/NodeCache.java
            +++ b/src/main/java/acme/cache/NodeCache.java
            @@ -20,4 +20,4 @@ import java.util.concurrent.Executors;
             
            -public class NodeCache implements Closeable
            +public class NodeCache implements Closeable {
                 private final CloseableExecutorService executor;
                 private final String path;
            @@ -40,4 +40,6 @@ public class NodeCache implements Closeable
                 HEADER {
            -        OLD
            +        FIRST
            +        SECOND
            +        THIRD
                 }
             
            """;

    @Test
    void a_constructor_cut_off_from_its_class_by_the_hunks_is_one_time_and_a_method_so_cut_is_not() {
        String ctor = CUT.replace("HEADER", "public NodeCache(Client client, String path)")
                .replace("OLD", "this(client, path, new CloseableExecutorService(Executors.newSingleThreadExecutor()));")
                .replace("FIRST", "this(client,")
                .replace("SECOND", "        path,")
                .replace("THIRD", "        new CloseableExecutorService(Executors.newSingleThreadExecutor(), true));");
        assertEquals(List.of(), TestRules.reviewDiff(ctor).active().stream().filter(f -> f.item().equals("RES-04"))
                .map(f -> f.line() + ":" + f.item()).toList());
        String method = CUT.replace("HEADER", "public void resync(Client client)")
                .replace("OLD", "client.sync(path);")
                .replace("FIRST", "ExecutorService pool = Executors.newSingleThreadExecutor();")
                .replace("SECOND", "pool.submit(() -> client.sync(path));")
                .replace("THIRD", "client.await(path);");
        assertEquals(List.of("41:RES-04"), TestRules.reviewDiff(method).active().stream()
                .filter(f -> f.item().equals("RES-04")).map(f -> f.line() + ":" + f.item()).toList());
    }
}
