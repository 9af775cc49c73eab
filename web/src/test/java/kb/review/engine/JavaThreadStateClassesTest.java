package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-thread state the review must follow per key and across the methods of a class: MDC entries removed one key at
 * a time, and thread-locals whose set and remove sit in the two halves of an interceptor or a holder.
 */
class JavaThreadStateClassesTest {

    private static final String MDC_KEYS = """
            package a;

            class Handler {
                void handle(Job job) {
                    MDC.put("jobId", job.id());
                    MDC.put("tenant", job.tenant());
                    try {
                        worker.run(job);
                    } finally {
                        %s
                    }
                }
            }
            """;

    @Test
    void removing_one_mdc_key_in_finally_leaves_the_other_key_on_the_pooled_thread() {
        assertEquals(List.of("6:CONC-04"), items("src/main/java/a/Handler.java",
                MDC_KEYS.formatted("MDC.remove(\"jobId\");")));
    }

    @Test
    void removing_every_key_or_clearing_the_mdc_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Handler.java",
                MDC_KEYS.formatted("MDC.remove(\"jobId\"); MDC.remove(\"tenant\");")));
        assertEquals(List.of(), items("src/main/java/a/Handler.java", MDC_KEYS.formatted("MDC.clear();")));
    }

    @Test
    void mdc_keys_named_by_constants_are_matched_per_constant() {
        String code = """
                package a;

                class Handler {
                    private static final String JOB = "jobId";
                    private static final String TENANT = "tenant";

                    void handle(Job job) {
                        MDC.put(JOB, job.id());
                        MDC.put(TENANT, job.tenant());
                        try {
                            worker.run(job);
                        } finally {
                            MDC.remove(%s);
                        }
                    }
                }
                """;
        assertEquals(List.of("9:CONC-04"), items("src/main/java/a/Handler.java", code.formatted("JOB")));
        assertEquals(List.of(), items("src/main/java/a/Handler.java",
                code.formatted("JOB); MDC.remove(TENANT")));
    }

    @Test
    void an_mdc_entry_removed_at_the_end_of_the_method_without_finally_leaks_when_the_work_throws() {
        String code = """
                package a;

                class Consumer {
                    void onMessage(Message m) {
                        MDC.put("messageId", m.id());
                        %s
                    }
                }
                """;
        assertEquals(List.of("5:CONC-04"), items("src/main/java/a/Consumer.java",
                code.formatted("process(m);\n        MDC.remove(\"messageId\");")));
        assertEquals(List.of(), items("src/main/java/a/Consumer.java", code.formatted("""
                try (MDC.MDCCloseable ignored = MDC.putCloseable("stage", "process")) {
                            process(m);
                        } finally {
                            MDC.remove("messageId");
                        }""")));
    }

    @Test
    void another_method_that_removes_the_same_key_after_setting_it_itself_is_no_pairing() {
        String code = """
                package a;

                class Handler {
                    void first(Job job) {
                        MDC.put("jobId", job.id());
                        worker.run(job);
                    }

                    void second(Job job) {
                        MDC.put("jobId", job.id());
                        try {
                            worker.run(job);
                        } finally {
                            MDC.remove("jobId");
                        }
                    }
                }
                """;
        assertEquals(List.of("5:CONC-04"), items("src/main/java/a/Handler.java", code));
    }

    private static final String INTERCEPTOR = """
            package a;

            class TenantInterceptor implements HandlerInterceptor {
                private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

                public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
                    TENANT.set(req.getHeader("X-Tenant"));
                    return true;
                }

                public void %s(HttpServletRequest req, HttpServletResponse res, Object handler, Exception ex) {
                    TENANT.remove();
                }
            }
            """;

    @Test
    void a_thread_local_set_in_prehandle_and_removed_in_aftercompletion_is_a_visible_pair() {
        assertEquals(List.of(), items("src/main/java/a/TenantInterceptor.java",
                INTERCEPTOR.formatted("afterCompletion")));
    }

    private static final String STALE_KEY = """
            package a;

            class ProjectInterceptor implements HandlerInterceptor {
                public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
                    String id = req.getParameter("project");
                    if (id != null) {
                        MDC.put("project", id);
                    } else {
                        MDC.remove("project");
                    }
                    %s
                    return true;
                }

                public void afterCompletion(HttpServletRequest req, HttpServletResponse res, Object handler, Exception ex) {
                    MDC.remove("project");
                }
            }
            """;

    @Test
    void a_stale_value_removed_on_the_other_branch_of_the_set_still_pairs_with_after_completion() {
        assertEquals(List.of(), items("src/main/java/a/ProjectInterceptor.java", STALE_KEY.formatted("")));
    }

    @Test
    void a_remove_that_can_follow_the_set_in_the_same_method_makes_the_duty_its_own() {
        // the early exit removes the key after the put, so the method owns it: the audit call can throw past it
        assertEquals(List.of("7:CONC-04"), items("src/main/java/a/ProjectInterceptor.java", STALE_KEY.formatted(
                "if (req.getHeader(\"X-Skip\") != null) { MDC.remove(\"project\"); return false; }\n"
                        + "            audit.record(req);")));
    }

    @Test
    void a_thread_local_removed_only_in_posthandle_stays_when_the_handler_throws() {
        assertEquals(List.of("7:CONC-04"), items("src/main/java/a/TenantInterceptor.java",
                INTERCEPTOR.formatted("postHandle").replace(", Exception ex", ", ModelAndView mv")));
    }

    @Test
    void a_filter_whose_thread_local_is_removed_only_by_another_filter_class_in_the_file_is_reported() {
        String code = """
                package a;

                class UserFilter implements Filter {
                    private static final ThreadLocal<String> USER = new ThreadLocal<>();

                    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
                        USER.set(req.getRemoteUser());
                        chain.doFilter(req, res);
                    }
                }

                class AuditFilter implements Filter {
                    private static final ThreadLocal<String> USER = new ThreadLocal<>();

                    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
                        try {
                            chain.doFilter(req, res);
                        } finally {
                            USER.remove();
                        }
                    }
                }
                """;
        assertEquals(List.of("7:CONC-04"), items("src/main/java/a/UserFilter.java", code));
    }

    private static final String HOLDER = """
            package a;

            final class TenantContext {
                private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

                static void setTenant(String id) {
                    CURRENT.set(id);
                }

                static String tenant() {
                    return CURRENT.get();
                }

                static void clear() {
                    CURRENT.remove();
                }
            }

            class TenantFilter implements Filter {
                public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
                    TenantContext.setTenant(req.getParameter("tenant"));
                    %s
                }
            }
            """;

    @Test
    void a_holder_set_by_a_filter_and_cleared_after_the_chain_without_finally_leaks_when_the_chain_throws() {
        assertEquals(List.of("21:CONC-04"), items("src/main/java/a/TenantFilter.java", HOLDER.formatted(
                "chain.doFilter(req, res);\n        TenantContext.clear();")));
    }

    @Test
    void a_holder_cleared_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/TenantFilter.java", HOLDER.formatted(
                "try { chain.doFilter(req, res); } finally { TenantContext.clear(); }")));
    }

    @Test
    void a_holder_set_in_prehandle_and_cleared_in_aftercompletion_is_a_visible_pair() {
        String code = HOLDER.replace("""
                class TenantFilter implements Filter {
                    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
                        TenantContext.setTenant(req.getParameter("tenant"));
                        %s
                    }
                }""", """
                class TenantInterceptor implements HandlerInterceptor {
                    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
                        TenantContext.setTenant(req.getHeader("X-Tenant"));
                        return true;
                    }

                    public void afterCompletion(HttpServletRequest req, HttpServletResponse res, Object h, Exception e) {
                        TenantContext.clear();
                    }
                }""");
        assertEquals(List.of(), items("src/main/java/a/TenantInterceptor.java", code));
    }

    @Test
    void a_holder_whose_setter_only_sets_leaves_the_duty_to_its_callers() {
        assertEquals(List.of(), items("src/main/java/a/JobContext.java", """
                package a;

                final class JobContext {
                    private static final InheritableThreadLocal<JobContext> HOLDER = new InheritableThreadLocal<>();

                    static void set(JobContext context) {
                        HOLDER.set(context);
                    }

                    static JobContext get() {
                        return HOLDER.get();
                    }
                }
                """));
    }
}
