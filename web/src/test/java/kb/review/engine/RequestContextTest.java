package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A handler's context is its request's: the request's fields carry none, the request or r.Context() does. */
class RequestContextTest {

    private static List<Finding> found(String call) {
        return TestRules.reviewDiff(newFile("gw/proxy.go", """
                package gw

                func (p Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
                \tout, err := %s
                \tif err != nil {
                \t\thttp.Error(w, err.Error(), http.StatusBadGateway)
                \t\treturn
                \t}
                \tp.forward(w, out)
                }
                """.formatted(call))).active().stream().filter(f -> f.rule().equals("go-context-not-propagated"))
                .toList();
    }

    @Test
    void a_request_built_from_the_incoming_requests_fields_drops_its_context() {
        List<Finding> f = found("http.NewRequest(r.Method, p.upstream+r.URL.Path, r.Body)");
        assertEquals(List.of(4), f.stream().map(Finding::line).toList());
        assertTrue(f.get(0).flowSummary().contains("http.NewRequestWithContext(r.Context(), ...)"),
                f.get(0).flowSummary());
    }

    @Test
    void a_call_given_the_request_or_its_context_keeps_it() {
        assertEquals(List.of(), found("p.build(r.Context(), r.Method, r.URL.Path)"));
        assertEquals(List.of(), found("http.NewRequestWithContext(r.Context(), r.Method, p.upstream, r.Body)"));
        assertEquals(List.of(), found("p.clone(r)"));
    }
}
