package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 39 (branch log39); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>A log line at a level production writes that carries a request's whole header collection (LOG-01,
 * {@code go-log-request-headers-dumped} and {@code java-log-request-headers-dumped}, new): a lager middleware field,
 * a zap field in a gin handler, a zerolog chain in a proxy director, a standard-library Printf in a RoundTripper, a
 * JAX-RS filter, a WebFlux filter, a Netty handler, an OkHttp interceptor through a helper named for the headers.
 * Clean: one header by name, a sanitised or redacted copy, debug lines (zerolog, zap, SLF4J, JUL's FINE), a verbose
 * switch, a debug-level test around the line.</li>
 * </ul>
 */
class Log39ClassesTest {

    @Test
    void a_request_header_dump_at_info_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log39-request-headers-dumped", Set.of("LOG-01"));
    }
}
