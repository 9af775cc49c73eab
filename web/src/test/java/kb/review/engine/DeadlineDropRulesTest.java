package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java side of TMO-02 end to end: a method given the caller's deadline or timeout makes a call that waits
 * without a bound (the models' context-variants with 'given' parameters).
 */
class DeadlineDropRulesTest {

    private static List<Finding> found(String content) {
        return TestRules.reviewDiff(newFile("src/main/java/svc/Svc.java", content)).active().stream()
                .filter(f -> f.rule().equals("java-deadline-not-propagated")).toList();
    }

    private static List<Integer> lines(String content) {
        return found(content).stream().map(Finding::line).toList();
    }

    @Test
    void unbounded_waits_in_a_method_given_a_timeout_are_reported_with_the_bounded_call_to_use() {
        List<Finding> f = found("""
                package svc;

                import java.time.Duration;
                import java.util.concurrent.*;

                class Svc {
                    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

                    String fetch(Future<String> future, long timeout, TimeUnit unit) throws Exception {
                        String a = future.get();
                        String b = queue.take();
                        CountDownLatch latch = new CountDownLatch(1);
                        latch.await();
                        return a + b;
                    }

                    void all(List<CompletableFuture<String>> futures, Duration timeout) {
                        CompletableFuture.allOf(futures.toArray(new CompletableFuture[0])).join();
                        futures.stream().map(CompletableFuture::join).toList();
                    }

                    void each(List<CompletableFuture<String>> futures, Duration timeout) {
                        futures.stream().map(CompletableFuture::join).toList();
                    }
                }
                """);
        // line 19 reads futures that the unbounded allOf(...).join() of line 18 has already settled: one wait, one finding
        assertEquals(List.of(10, 11, 13, 18, 23), f.stream().map(Finding::line).toList(), f.toString());
        assertTrue(f.get(0).flowSummary().contains("although the caller gave `timeout, unit`: use get(timeout, unit)"),
                f.get(0).flowSummary());
        assertTrue(f.get(1).flowSummary().contains("poll(timeout, unit)"), f.get(1).flowSummary());
        // declared types make the match sure; the receiver's name alone would be a guess
        assertEquals(Finding.Confidence.HIGH, f.get(0).confidence());
    }

    @Test
    void a_deadline_handed_on_a_bound_set_in_the_chain_or_on_the_holder_and_later_work_are_not_reported() {
        assertEquals(List.of(), lines("""
                package svc;

                import java.time.Duration;
                import java.util.concurrent.*;

                class Svc {
                    String fetch(Future<String> future, long timeout, TimeUnit unit) throws Exception {
                        return future.get(timeout, unit);
                    }

                    String join(CompletableFuture<String> future, Duration timeout) {
                        return future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
                    }

                    Reply call(ManagedChannel channel, Request req, Duration timeout) {
                        var stub = EchoGrpc.newBlockingStub(channel);
                        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).echo(req);
                    }

                    void later(ExecutorService executor, BlockingQueue<String> queue, Duration timeout) {
                        executor.submit(() -> queue.take());
                        new Thread(new Runnable() {
                            public void run() {
                                try {
                                    queue.take();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        }).start();
                    }
                }
                """));
    }

    @Test
    void methods_without_a_deadline_and_parameters_that_are_not_deadlines_are_not_reported() {
        assertEquals(List.of(), lines("""
                package svc;

                import java.time.Duration;
                import java.util.concurrent.*;

                class Svc {
                    String worker(BlockingQueue<String> queue) throws InterruptedException {
                        return queue.take();
                    }

                    String cached(Future<String> future, Duration ttl, long id) throws Exception {
                        return future.get();
                    }

                    String optional(java.util.Optional<String> value, Duration timeout) {
                        return value.get();
                    }
                }
                """));
    }

    @Test
    void a_grpc_deadline_and_a_blocking_stub_built_without_one_are_reported() {
        List<Finding> f = found("""
                package svc;

                import io.grpc.Deadline;

                class Svc {
                    Reply call(ManagedChannel channel, Request req, Deadline deadline) {
                        return EchoGrpc.newBlockingStub(channel).echo(req);
                    }

                    Reply bounded(ManagedChannel channel, Request req, Deadline deadline) {
                        return EchoGrpc.newBlockingStub(channel).withDeadline(deadline).echo(req);
                    }
                }
                """);
        assertEquals(List.of(7), f.stream().map(Finding::line).toList(), f.toString());
        assertTrue(f.get(0).flowSummary().contains("withDeadlineAfter(deadline)"), f.get(0).flowSummary());
    }
}
