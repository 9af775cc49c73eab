package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-04, precision set 18's class KH: a logging-context key (SLF4J's {@code MDC}, Log4j 2's {@code ThreadContext})
 * set before a delegated call whose {@code finally} puts the same key back, to the value saved before or to the
 * application's constant root label. The item asks that a pooled thread carry nothing of the request into the next
 * one; the reset does that as well as a remove. Still reported: no reset on the exception path (the second put after
 * the call, or in a catch only), and a finally that resets another key. Findings are "line:item".
 */
class JavaLoggingContextResetTest {

    private static final String FACADE = """
            package a;

            class AuditedStore {
                private static final String KEY = "tenant";
                private static final String ROOT = "-";

                Result fetch(String tenant, Query q) {
                    %s
                    try {
                        %s
                        return inner.fetch(q);
                    } %s
                }
            }
            """;

    private static List<String> conc04(String code) {
        return items("src/main/java/a/AuditedStore.java", code).stream().filter(s -> s.endsWith("CONC-04")).toList();
    }

    @Test
    void a_key_put_back_in_finally_leaves_nothing_on_the_thread() {
        assertEquals(List.of(), conc04(FACADE.formatted("", "MDC.put(KEY, tenant);",
                "finally { MDC.put(KEY, ROOT); }")));
        assertEquals(List.of(), conc04(FACADE.formatted("String before = MDC.get(KEY);", "MDC.put(KEY, tenant);",
                "finally { MDC.put(KEY, before); }")));
        assertEquals(List.of(), conc04(FACADE.formatted("String saved = ThreadContext.get(\"tenant\");",
                "ThreadContext.put(\"tenant\", tenant);", "finally { ThreadContext.put(\"tenant\", saved); }")));
    }

    @Test
    void a_key_with_no_reset_on_every_path_is_still_reported() {
        // no reset at all
        assertEquals(List.of("10:CONC-04"), conc04(FACADE.formatted("", "MDC.put(KEY, tenant);",
                "finally { inner.flush(); }")));
        // the reset only in a catch: the normal return keeps the tenant
        assertEquals(List.of("10:CONC-04"), conc04(FACADE.formatted("", "MDC.put(KEY, tenant);",
                "catch (RuntimeException e) { MDC.remove(KEY); throw e; }")));
        // the finally resets another key
        assertEquals(List.of("10:CONC-04"), conc04(FACADE.formatted("", "MDC.put(\"user\", tenant);",
                "finally { MDC.put(\"trace\", ROOT); }")));
        // Log4j's context, the finally removes another key
        assertEquals(List.of("10:CONC-04"), conc04(FACADE.formatted("", "ThreadContext.put(\"op\", tenant);",
                "finally { ThreadContext.remove(\"trace\"); }")));
        // set before the try, a second put of the same key inside it: an exception before it skips the reset
        assertEquals(List.of("8:CONC-04"), conc04(FACADE.formatted("MDC.put(KEY, tenant);",
                "inner.warm(q); MDC.put(KEY, ROOT);", "finally { inner.flush(); }")));
    }
}
