package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TMO-02, the class of timed waits that only stop waiting: work handed to a pool ({@code f = pool.submit(...)}) and
 * waited for with {@code f.get(timeout, unit)}, where the timeout ends the wait but nothing cancels the task. The
 * checklist's own Bad example is this shape, and its text says "On timeout, cancel the underlying work
 * ({@code future.cancel(true)}), do not just stop waiting". The task keeps its pool thread and whatever it opened.
 * Look-alikes: cancel in the TimeoutException catch, cancel in a finally, and a future handed to another owner.
 */
class TimedOutWorkNotCancelledTest {

    private static final String RUNNER = """
            package com.example.exec;

            import java.util.concurrent.*;

            public class Bounded {
                private final ExecutorService workers;
                private final ScheduledExecutorService timer;

                public Bounded(ExecutorService workers, ScheduledExecutorService timer) {
                    this.workers = workers;
                    this.timer = timer;
                }

                public <T> T call(Callable<T> work, long timeoutMs) throws Exception {
                    Future<T> job = workers.submit(work);
            BODY
                }
            }
            """;

    private static List<String> item(String body, String item) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile("src/main/java/com/example/exec/Bounded.java",
                RUNNER.replace("BODY", body)), item);
    }

    @Test
    void a_timed_get_whose_timeout_leaves_the_work_running_is_found() {
        String body = """
                        try {
                            return job.get(timeoutMs, TimeUnit.MILLISECONDS);
                        } catch (TimeoutException e) {
                            throw new IllegalStateException("gave up after " + timeoutMs + " ms", e);
                        }""";
        assertEquals(List.of("17:java-timed-out-work-not-cancelled"), item(body, "TMO-02"));
    }

    @Test
    void a_timed_get_that_cancels_the_work_on_timeout_is_clean() {
        String body = """
                        try {
                            return job.get(timeoutMs, TimeUnit.MILLISECONDS);
                        } catch (TimeoutException e) {
                            job.cancel(true);
                            throw new IllegalStateException("gave up after " + timeoutMs + " ms", e);
                        }""";
        assertEquals(List.of(), item(body, "TMO-02"));
        String inFinally = """
                        try {
                            return job.get(timeoutMs, TimeUnit.MILLISECONDS);
                        } finally {
                            job.cancel(true);
                        }""";
        assertEquals(List.of(), item(inFinally, "TMO-02"));
    }

    @Test
    void a_timed_get_on_a_future_handed_to_the_caller_is_left_to_its_owner() {
        String body = """
                        try {
                            job.get(timeoutMs, TimeUnit.MILLISECONDS);
                        } catch (TimeoutException e) {
                            pending(job);
                        }
                        return null;""";
        assertEquals(List.of(), item(body, "TMO-02"));
    }
}
