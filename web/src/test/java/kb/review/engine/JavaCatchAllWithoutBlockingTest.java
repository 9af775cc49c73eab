package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-05, Java (set 14, class IC): a catch of Exception or Throwable whose try seemed to block only because a value
 * named for a task or a promise is read with {@code get()}, when that value is declared in the try as an
 * {@code Optional}, a {@code Supplier}, an {@code AtomicReference}, a {@code ThreadLocal} or a {@code Provider}: their
 * get cannot throw InterruptedException, so there is no interrupt for the catch-all to lose. The item is about
 * "catching InterruptedException" and swallowing it; a try that cannot be interrupted has none. Defects kept: the same
 * shapes with a real future's get, a sleep or a queue's take beside the Optional. The fixtures are written for these
 * tests; findings are compared as "line:rule".
 */
class JavaCatchAllWithoutBlockingTest {

    private static final String RULE = "java-interrupt-lost-in-catch-all";

    private static List<String> conc05(String tryBody) {
        String code = """
                package com.example.sweep;

                import java.util.Optional;
                import java.util.concurrent.Future;
                import java.util.function.Supplier;

                final class Sweeper {
                    void sweep(Registry registry, Execution execution) {
                        try {
                            BODY
                        } catch (Throwable e) {
                            log.error("sweep of {} failed, retried later", execution, e);
                        }
                    }
                }
                """.replace("BODY", tryBody);
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(
                "src/main/java/com/example/sweep/Sweeper.java", code), "CONC-05");
    }

    @Test
    void a_task_or_promise_read_from_an_optional_supplier_or_reference_is_no_blocking_call() {
        assertEquals(List.of(), conc05("""
                Optional<Handler> task = registry.resolve(execution.name());
                            task.get().handle(execution);"""));
        assertEquals(List.of(), conc05("""
                Supplier<Job> nextTask = registry.jobFor(execution);
                            nextTask.get().run();"""));
        assertEquals(List.of(), conc05("""
                AtomicReference<Runnable> pendingTask = registry.pending();
                            pendingTask.get().run();"""));
        assertEquals(List.of(), conc05("""
                Provider<Result> promise = registry.result(execution);
                            store.save(promise.get());"""));
    }

    @Test
    void a_real_future_get_a_sleep_or_a_take_beside_it_keeps_the_finding() {
        assertEquals(List.of("12:" + RULE), conc05("""
                Future<Result> task = registry.start(execution);
                            store.save(task.get());"""));
        assertEquals(List.of("13:" + RULE), conc05("""
                Optional<Handler> task = registry.resolve(execution.name());
                            Thread.sleep(100);
                            task.get().handle(execution);"""));
        assertEquals(List.of("12:" + RULE), conc05("""
                Optional<Handler> task = registry.resolve(execution.name());
                            task.get().handle(registry.queue().take());"""));
        assertEquals(List.of("12:" + RULE), conc05("""
                Optional<Handler> task = registry.resolve(execution.name());
                            store.save(resultFuture.get());"""));
    }
}
