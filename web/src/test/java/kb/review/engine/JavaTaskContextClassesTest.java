package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-04, Java, two sides of one class: per-thread state carried from the submitting thread into a task.
 *
 * <p>Installed and never restored: the submitter's state (an MDC map, Log4j's ThreadContext, a Spring context holder's
 * value, a {@code ThreadLocal} of the file) is captured, and inside the task lambda handed to an executor a call
 * installs it on the pool thread (a helper of the class, visible or not, or a static helper of another class), with
 * no {@code finally} that puts the pool thread's own state back. The item: per-thread state is removed or restored
 * on every path, or pooled threads carry one request's values into the next.
 *
 * <p>Set in a setter helper: the set inside a method whose job is to install what its caller hands in is not a leak
 * of that method when every visible caller restores in {@code finally}, or when no caller is visible and the method
 * is only the setter (a context manager's API). A setter whose visible caller does not restore keeps its finding (the
 * first test); a method that sets and does other work is judged on its own paths
 * ({@code JavaPerThreadCleanupClassesTest}).
 */
class JavaTaskContextClassesTest {

    private static List<String> conc04(String path, String code) {
        return JavaEdits.item(MetamorphicClassesTest.javaFile(path, code), "CONC-04");
    }

    private static final String PROPAGATING = """
            package com.example.jobs;

            import java.util.Map;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.Executor;
            import org.slf4j.MDC;

            final class ContextualRunner {
                private final Executor workers;

                ContextualRunner(Executor workers) {
                    this.workers = workers;
                }

                <T> CompletableFuture<T> call(java.util.function.Supplier<T> work) {
                    Map<String, String> callerMdc = MDC.getCopyOfContextMap();
                    return CompletableFuture.supplyAsync(() -> {
                        BODY
                    }, workers);
                }

                private static void adopt(Map<String, String> values) {
                    if (values == null) {
                        MDC.clear();
                    } else {
                        MDC.setContextMap(values);
                    }
                }
            }
            """;

    @Test
    void a_captured_mdc_installed_by_a_visible_helper_without_finally_is_found() {
        String code = PROPAGATING.replace("BODY", "adopt(callerMdc);\n            return work.get();");
        // the helper's own set is reported too: its only visible caller does not restore
        assertEquals(List.of(JavaEdits.lineOf(code, "adopt(callerMdc);") + ":" + TaskContextInstalls.RULE,
                        JavaEdits.lineOf(code, "MDC.setContextMap(values)")
                                + ":java-threadlocal-without-finally-remove"),
                conc04("src/main/java/com/example/jobs/ContextualRunner.java", code));
    }

    @Test
    void a_thread_local_of_the_file_and_a_holders_value_installed_in_submitted_tasks_are_found() {
        String tenants = """
                package com.example.tenancy;

                final class TenantDispatcher {
                    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

                    void dispatch(java.util.concurrent.ExecutorService pool, Runnable job) {
                        String tenant = CURRENT.get();
                        pool.execute(() -> {
                            TenantScope.enter(tenant);
                            job.run();
                        });
                    }
                }
                """;
        assertEquals(List.of(JavaEdits.lineOf(tenants, "TenantScope.enter") + ":" + TaskContextInstalls.RULE),
                conc04("src/main/java/com/example/tenancy/TenantDispatcher.java", tenants));
        String body = """
                     void refreshLater(ScheduledExecutorService timer, Duration delay) {
                         Map<String, String> snapshot = ThreadContext.getImmutableContext();
                         timer.schedule(() -> {
                -            try (CloseableThreadContext.Instance ignored = CloseableThreadContext.putAll(snapshot)) {
                -                refresh();
                -            }
                +            LogContexts.restore(snapshot);
                +            refresh();
                         }, delay.toMillis(), TimeUnit.MILLISECONDS);
                     }
                """;
        assertEquals(List.of(JavaEdits.newLine(60, body, "LogContexts.restore") + ":" + TaskContextInstalls.RULE),
                JavaEdits.item(JavaEdits.edit("src/main/java/com/example/cache/Refresher.java", 60, body), "CONC-04"));
    }

    @Test
    void the_same_install_restored_in_finally_logged_or_kept_on_the_same_thread_is_clean() {
        String restored = PROPAGATING.replace("BODY", """
                Map<String, String> previous = MDC.getCopyOfContextMap();
                        adopt(callerMdc);
                        try {
                            return work.get();
                        } finally {
                            adopt(previous);
                        }""");
        assertEquals(List.of(), conc04("src/main/java/com/example/jobs/ContextualRunner.java", restored));
        String logged = PROPAGATING.replace("BODY", "describe(callerMdc);\n            return work.get();")
                .replace("private static void adopt(", "private static void describe(Map<String, String> v) {\n"
                        + "        System.out.println(v);\n    }\n\n    private static void adopt(");
        assertEquals(List.of(), conc04("src/main/java/com/example/jobs/ContextualRunner.java", logged));
        String instance = """
                package com.example.audit;

                final class AuditedPool {
                    void run(java.util.concurrent.ExecutorService pool, Audit audit) {
                        Object auth = SecurityContextHolder.getContext();
                        pool.submit(() -> {
                            audit.record(auth);
                        });
                    }
                }
                """;
        assertEquals(List.of(), conc04("src/main/java/com/example/audit/AuditedPool.java", instance));
    }

    @Test
    void a_setter_helper_whose_callers_restore_or_are_out_of_sight_is_clean() {
        String restored = PROPAGATING.replace("BODY", """
                Map<String, String> previous = MDC.getCopyOfContextMap();
                        adopt(callerMdc);
                        try {
                            return work.get();
                        } finally {
                            adopt(previous);
                        }""");
        assertEquals(List.of(), conc04("src/main/java/com/example/jobs/ContextualRunner.java", restored));
        String manager = """
                package com.example.context;

                public final class RequestContexts {
                    private static final ThreadLocal<RequestInfo> CURRENT = new ThreadLocal<>();

                    public static void setCurrent(RequestInfo info) {
                        if (info == null) {
                            CURRENT.remove();
                        } else {
                            CURRENT.set(info);
                        }
                    }
                }
                """;
        assertEquals(List.of(), conc04("src/main/java/com/example/context/RequestContexts.java", manager));
    }
    @Test
    void an_edit_that_drops_the_restore_around_a_helper_out_of_sight_is_found() {
        String body = """
                     public <T> CompletableFuture<T> submitWithContext(Supplier<T> job) {
                         Map<String, String> origin = MDC.getCopyOfContextMap();
                         return CompletableFuture.supplyAsync(() -> {
                -            Map<String, String> own = MDC.getCopyOfContextMap();
                             installMdc(origin);
                -            try {
                -                return job.get();
                -            } finally {
                -                installMdc(own);
                -            }
                +            return job.get();
                         }, pool);
                     }
                """;
        assertEquals(List.of(JavaEdits.newLine(31, body, "installMdc(origin)") + ":" + TaskContextInstalls.RULE),
                JavaEdits.item(JavaEdits.edit("src/main/java/com/example/jobs/MdcPool.java", 31, body), "CONC-04"));
    }
}
