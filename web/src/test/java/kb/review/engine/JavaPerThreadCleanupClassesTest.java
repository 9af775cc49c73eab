package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-04, Java: per-thread state set and cleared on the normal path only (an exception in the work between them
 * leaves it on the pooled thread), in two shapes the review used to lose.
 *
 * <p>An edit whose hunk starts inside a lambda given to an executor, a scheduler or a callback (git's context shows
 * the body and its closing {@code }, delay, unit);} or {@code });}, not the {@code schedule(() -> {} above): the hunk
 * did not parse and nothing of it was analysed. The item: "Always clear per-thread state in a finally block".
 *
 * <p>A static setter of a holder class bracketed by the same class's clearing call in one method or lambda, whatever
 * the class is named and wherever it is declared ({@code RequestScope.set(req, res); chain.doFilter(req, res);
 * RequestScope.clear();}): the pair shows that the state must be undone after the work.
 *
 * <p>Look-alikes: the same code clearing in {@code finally}, and a setter with no clearing call after it (a setting).
 * The fixtures are written for these tests. Findings are compared as "line:item".
 */
class JavaPerThreadCleanupClassesTest {

    private static List<String> conc04(String diff) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals("CONC-04"))
                .map(f -> f.line() + ":" + f.item()).toList();
    }

    private static String edit(String path, int start, String body) {
        return Round12ClassesTest.edit(path, Round12ClassesTest.hunk(start, start, "final class Jobs {", body));
    }

    @Test
    void an_edit_inside_a_scheduled_lambda_that_moves_the_mdc_clear_out_of_finally_is_found() {
        assertEquals(List.of("41:CONC-04"), conc04(edit("src/main/java/com/example/jobs/Jobs.java", 40, """
                             if (copied != null) {
                                 MDC.setContextMap(copied);
                             }
                -            try {
                -                job.execute();
                -            } finally {
                -                MDC.clear();
                -            }
                +            job.execute();
                +            MDC.clear();
                         }, pause.toMillis(), TimeUnit.MILLISECONDS);
                     }""")));
    }

    @Test
    void an_edit_inside_a_submitted_task_or_a_callback_that_clears_outside_finally_is_found() {
        assertEquals(List.of("41:CONC-04"), conc04(edit("src/main/java/com/example/jobs/Jobs.java", 40, """
                             Thread.currentThread().setName("import-" + batch.id());
                             CURRENT_BATCH.set(batch);
                -            try {
                -                importer.load(batch);
                -            } finally {
                -                CURRENT_BATCH.remove();
                -            }
                +            importer.load(batch);
                +            CURRENT_BATCH.remove();
                         });
                     }""")));
        assertEquals(List.of("41:CONC-04"), conc04(edit("src/main/java/com/example/jobs/Jobs.java", 40, """
                             String trace = event.headers().get("trace");
                             ThreadContext.put("trace", trace);
                +            handler.accept(event);
                +            ThreadContext.remove("trace");
                         }, error -> log.warn("consumer failed", error));
                     }""")));
    }

    @Test
    void the_same_edits_clearing_in_finally_are_clean() {
        assertEquals(List.of(), conc04(edit("src/main/java/com/example/jobs/Jobs.java", 40, """
                             if (copied != null) {
                                 MDC.setContextMap(copied);
                             }
                -            job.execute();
                -            MDC.clear();
                +            try {
                +                job.execute();
                +            } finally {
                +                MDC.clear();
                +            }
                         }, pause.toMillis(), TimeUnit.MILLISECONDS);
                     }""")));
        assertEquals(List.of(), conc04(edit("src/main/java/com/example/jobs/Jobs.java", 40, """
                             CURRENT_BATCH.set(batch);
                             try {
                -                importer.load(batch);
                +                importer.load(batch, options);
                             } finally {
                                 CURRENT_BATCH.remove();
                             }
                         });
                     }""")));
    }

    private static final String FILTER = """
            package com.example.web;

            import jakarta.servlet.Filter;
            import jakarta.servlet.FilterChain;
            import jakarta.servlet.ServletRequest;
            import jakarta.servlet.ServletResponse;

            public final class ScopeFilter implements Filter {
                @Override
                public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws Exception {
                    BODY
                }
            }
            """;

    private static List<String> filter(String body) {
        return conc04(MetamorphicClassesTest.javaFile("src/main/java/com/example/web/ScopeFilter.java",
                FILTER.replace("BODY", body)));
    }

    @Test
    void a_holders_setter_cleared_by_the_same_class_after_the_work_only_is_found_whatever_its_name() {
        assertEquals(List.of("11:CONC-04"), filter("""
                RequestScope.set(req, res);
                        chain.doFilter(req, res);
                        RequestScope.clear();"""));
        assertEquals(List.of("11:CONC-04"), filter("""
                Tenancy.bindTenant(req.getParameter("tenant"));
                        chain.doFilter(req, res);
                        Tenancy.unbindTenant();"""));
        assertEquals(List.of("11:CONC-04"), filter("""
                AuditTrail.setActor(req.getRemoteUser());
                        chain.doFilter(req, res);
                        AuditTrail.reset();"""));
    }

    @Test
    void an_edit_of_the_holder_pair_whose_context_ends_at_the_next_members_annotation_is_found() {
        String hunk = """
                         var wrapped = new AuditedRequest(req);
                         AuditTrail.setActor(wrapped.getRemoteUser());
                -        try {
                -            chain.doFilter(wrapped, res);
                -        } finally {
                -            AuditTrail.reset();
                -        }
                +        chain.doFilter(wrapped, res);
                +        AuditTrail.reset();
                     }

                     @Override""";
        assertEquals(List.of("31:CONC-04"), conc04(Round12ClassesTest.edit("src/main/java/com/example/web/Audit.java",
                Round12ClassesTest.hunk(30, 30, "public final class Audit implements Filter {", hunk))));
        assertEquals(List.of(), conc04(Round12ClassesTest.edit("src/main/java/com/example/web/Audit.java",
                Round12ClassesTest.hunk(30, 30, "public final class Audit implements Filter {", hunk
                        .replace("-        try {", "+        try {").replace("-            chain", "+            chain")
                        .replace("-        } finally {", "+        } finally {").replace("-            AuditTrail", "+            AuditTrail")
                        .replace("-        }\n", "+        }\n").replace("+        chain.doFilter(wrapped, res);\n", "")
                        .replace("+        AuditTrail.reset();\n", "")))));
    }

    @Test
    void the_holder_cleared_in_finally_and_a_setter_never_cleared_are_clean() {
        assertEquals(List.of(), filter("""
                RequestScope.set(req, res);
                        try {
                            chain.doFilter(req, res);
                        } finally {
                            RequestScope.clear();
                        }"""));
        assertEquals(List.of(), filter("""
                Defaults.setEncoding("UTF-8");
                        chain.doFilter(req, res);"""));
        assertEquals(List.of(), filter("""
                Tenancy.bindTenant(req.getParameter("tenant"));
                        try {
                            chain.doFilter(req, res);
                        } finally {
                            Tenancy.unbindTenant();
                        }"""));
    }

    /** A constructor cut by the hunk that puts an MDC entry; the class header is what git printed after the @@. */
    private static String scopeConstructor(String header) {
        return Round12ClassesTest.edit("src/main/java/com/example/jobs/RunScope.java", Round12ClassesTest.hunk(20, 20,
                header, """
                         this.started = clock.instant();
                         this.run = run;
                -        MDC.put("run", valueOf(run));
                +        MDC.put("run", String.valueOf(run));
                     }

                     @Override"""));
    }

    @Test
    void a_cut_set_in_a_closeable_scope_class_is_its_close_methods_and_elsewhere_it_is_found() {
        assertEquals(List.of(), conc04(scopeConstructor("public final class RunScope implements AutoCloseable {")));
        assertEquals(List.of(), conc04(scopeConstructor("class RunScope extends Scope implements java.io.Closeable {")));
        assertEquals(List.of("22:CONC-04"), conc04(scopeConstructor("public final class RunScope extends Scope {")));
    }
}
