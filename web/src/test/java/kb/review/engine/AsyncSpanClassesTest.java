package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RES-01, Java: a value the method starts and hands to asynchronous work, ended by the completion handler of that
 * work's future ({@code .onComplete(r -> span.finish())}, {@code whenComplete((v, e) -> span.finish())}). The handler
 * runs on success and on failure, so every outcome ends it; the method's own exits come before the work is done and are
 * not where it can be ended (set 13's OpenTracing spans, EI). The item asks for the release "on every path": here the
 * paths are the future's outcomes. Defect look-alikes: the span ended only in {@code onSuccess} (a failed lookup never
 * ends it), and a synchronous span ended after the work without {@code finally} (round 9's class, unchanged). The
 * fixtures are written for these tests. Findings are compared as "line:rule".
 */
class AsyncSpanClassesTest {

    private static List<String> leaks(String code) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(
                "src/main/java/com/example/registry/DeviceStore.java", code), "RES-01");
    }

    /**
     * A registry lookup traced by an OpenTracing span, started before the lookup is sent (a call that can throw);
     * ENDING is how the result's future ends it.
     */
    private static final String STORE = """
            package com.example.registry;

            import io.opentracing.Span;
            import io.opentracing.SpanContext;
            import io.opentracing.Tracer;
            import io.vertx.core.Future;
            import io.vertx.core.Promise;
            import io.vertx.core.json.JsonObject;

            public final class DeviceStore {
                private final Tracer tracer;
                private final Backend backend;

                public DeviceStore(Tracer tracer, Backend backend) {
                    this.tracer = tracer;
                    this.backend = backend;
                }

                public Future<Device> find(String id, SpanContext parent) {
                    final Span span = tracer.buildSpan("find device")
                            .asChildOf(parent)
                            .withTag("device", id)
                            .start();
                    final Promise<JsonObject> found = Promise.promise();
                    backend.lookup(id, found);
                    return found.future()
                            .map(Device::fromJson)
                            ENDING;
                }
            }
            """;

    @Test
    void a_span_finished_by_the_futures_completion_handler_is_clean() {
        assertEquals(List.of(), leaks(STORE.replace("ENDING", ".onComplete(r -> span.finish())")));
    }

    @Test
    void a_span_finished_by_when_complete_after_logging_the_failure_is_clean() {
        assertEquals(List.of(), leaks(STORE.replace("ENDING", """
                .onFailure(t -> span.log(t.getMessage()))
                                .andThen(r -> {
                                    span.finish();
                                })""")));
    }

    @Test
    void a_span_finished_only_when_the_lookup_succeeds_is_found() {
        assertEquals(List.of("20:java-closeable-outside-try-with-resources"),
                leaks(STORE.replace("ENDING", ".onSuccess(d -> span.finish())")));
    }

    @Test
    void a_span_never_finished_is_found() {
        assertEquals(List.of("20:java-closeable-outside-try-with-resources"),
                leaks(STORE.replace("ENDING", ".onComplete(r -> span.log(\"done\"))")));
    }
}
