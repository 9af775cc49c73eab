package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TMO-02, Java, two classes of the timed wait on submitted work.
 *
 * <p>Defects: a timed {@code get} whose timeout ends the wait but not the task ("on timeout, cancel the underlying
 * work, do not just stop waiting"), where the future is an element of where the method keeps its fan-out (a map
 * entry's value, a list element, a loop variable over a list or map it filled with {@code submit}), not a local
 * assigned from {@code submit}. Found both as an edit that deletes the cancel from the catch and as new code.
 *
 * <p>Look-alikes: the same waits with the element cancelled in the catch, or every pending task cancelled after the
 * loop; and reads of futures that are already complete in a method given a timeout, which wait for nothing: a future
 * a completion service's {@code poll} or {@code take} handed out, one asked {@code isDone()} first, the elements of
 * what {@code invokeAll} returned, the futures joined through {@code allOf} first.
 */
class JavaTimedOutWorkClassesTest {

    private static final String PATH = "src/main/java/com/example/fanout/Fanout.java";

    private static List<String> tmo02Edit(String body) {
        return JavaEdits.item(JavaEdits.edit(PATH, 30, body), "TMO-02");
    }

    private static List<String> tmo02File(String code) {
        return JavaEdits.item(MetamorphicClassesTest.javaFile(PATH, code), "TMO-02");
    }

    private static String wrap(String imports, String method) {
        return "package com.example.fanout;\n\n" + imports + "\n"
                + "class Fanout {\n"
                + "    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Fanout.class);\n"
                + "    private final ExecutorService workers = Executors.newFixedThreadPool(8);\n\n"
                + method + "}\n";
    }

    private static final String IMPORTS = """
            import java.time.Duration;
            import java.time.Instant;
            import java.util.*;
            import java.util.concurrent.*;
            """;

    @Test
    void a_cancel_of_a_map_entrys_future_deleted_from_the_timeout_catch_is_found() {
        String body = """
                         for (Map.Entry<String, Future<Void>> entry : running.entrySet()) {
                             Duration left = Duration.between(Instant.now(), deadline);
                             try {
                                 entry.getValue().get(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
                                 synced.add(entry.getKey());
                             } catch (TimeoutException late) {
                -                entry.getValue().cancel(true);
                -                log.warn("sync of {} cancelled at the deadline", entry.getKey());
                +                log.warn("sync of {} still running at the deadline", entry.getKey());
                             }
                         }
                """;
        assertEquals(List.of(JavaEdits.newLine(30, body, "entry.getValue().get(") + ":deleted-timeout-cancel"),
                tmo02Edit(body));
    }

    @Test
    void a_cancel_of_a_list_element_deleted_from_the_timeout_catch_is_found() {
        String body = """
                         for (int i = 0; i < shards.size(); i++) {
                             try {
                                 merged.addAll(pending.get(i).get(budgetMs, TimeUnit.MILLISECONDS));
                             } catch (TimeoutException e) {
                -                pending.get(i).cancel(true);
                                 partial = true;
                             }
                         }
                """;
        assertEquals(List.of(JavaEdits.newLine(30, body, "pending.get(i).get(") + ":deleted-timeout-cancel"),
                tmo02Edit(body));
    }

    @Test
    void new_code_waiting_on_a_list_of_submitted_tasks_without_cancelling_is_found() {
        String code = wrap(IMPORTS, """
                    List<Report> collect(List<Probe> probes, long budgetMs) throws InterruptedException {
                        List<Future<Report>> futures = new ArrayList<>();
                        for (Probe p : probes) {
                            futures.add(workers.submit(() -> p.run()));
                        }
                        List<Report> out = new ArrayList<>();
                        for (Future<Report> f : futures) {
                            try {
                                out.add(f.get(budgetMs, TimeUnit.MILLISECONDS));
                            } catch (TimeoutException | ExecutionException e) {
                                log.warn("probe gave no report in time", e);
                            }
                        }
                        return out;
                    }
                """);
        assertEquals(List.of(JavaEdits.lineOf(code, "out.add(f.get(") + ":java-timed-out-kept-work-not-cancelled"),
                tmo02File(code));
    }

    @Test
    void new_code_waiting_on_a_map_of_submitted_tasks_by_entry_without_cancelling_is_found() {
        String code = wrap(IMPORTS, """
                    Map<String, Long> sizes(Set<String> hosts, Duration within) throws InterruptedException {
                        Map<String, Future<Long>> pending = new HashMap<>();
                        for (String host : hosts) {
                            pending.put(host, workers.submit(() -> measure(host)));
                        }
                        Map<String, Long> out = new HashMap<>();
                        for (Map.Entry<String, Future<Long>> e : pending.entrySet()) {
                            try {
                                out.put(e.getKey(), e.getValue().get(within.toSeconds(), TimeUnit.SECONDS));
                            } catch (TimeoutException | ExecutionException failed) {
                                log.warn("no size from {}", e.getKey());
                            }
                        }
                        return out;
                    }

                    private long measure(String host) {
                        return host.length();
                    }
                """);
        assertEquals(List.of(JavaEdits.lineOf(code, "e.getValue().get(") + ":java-timed-out-kept-work-not-cancelled"),
                tmo02File(code));
    }

    @Test
    void a_cancel_deleted_from_a_finally_with_blanks_around_the_dots_is_found() {
        String body = """
                         try {
                             return job . get(limit, TimeUnit.SECONDS);
                         } catch (TimeoutException e) {
                             throw new IllegalStateException("render timed out", e);
                         } finally {
                -            job.cancel(true);
                         }
                """;
        assertEquals(List.of(JavaEdits.newLine(30, body, "job . get(") + ":deleted-timeout-cancel"), tmo02Edit(body));
    }

    @Test
    void kept_work_cancelled_in_the_catch_or_after_the_loop_is_not_reported() {
        String inCatch = wrap(IMPORTS, """
                    List<Report> collect(List<Probe> probes, long budgetMs) throws InterruptedException {
                        List<Future<Report>> futures = new ArrayList<>();
                        for (Probe p : probes) {
                            futures.add(workers.submit(() -> p.run()));
                        }
                        List<Report> out = new ArrayList<>();
                        for (Future<Report> f : futures) {
                            try {
                                out.add(f.get(budgetMs, TimeUnit.MILLISECONDS));
                            } catch (TimeoutException e) {
                                f.cancel(true);
                            } catch (ExecutionException e) {
                                log.warn("probe failed", e.getCause());
                            }
                        }
                        return out;
                    }
                """);
        assertEquals(List.of(), tmo02File(inCatch));
        String afterLoop = wrap(IMPORTS, """
                    Map<String, Long> sizes(Set<String> hosts, Duration within) throws Exception {
                        Map<String, Future<Long>> pending = new HashMap<>();
                        for (String host : hosts) {
                            pending.put(host, workers.submit(() -> (long) host.length()));
                        }
                        Map<String, Long> out = new HashMap<>();
                        try {
                            for (Map.Entry<String, Future<Long>> e : pending.entrySet()) {
                                try {
                                    out.put(e.getKey(), e.getValue().get(within.toSeconds(), TimeUnit.SECONDS));
                                } catch (TimeoutException late) {
                                    log.warn("no size from {}", e.getKey());
                                }
                            }
                        } finally {
                            pending.values().forEach(p -> p.cancel(true));
                        }
                        return out;
                    }
                """);
        assertEquals(List.of(), tmo02File(afterLoop));
    }

    @Test
    void futures_handed_out_by_a_completion_service_are_read_without_a_bound() {
        String code = wrap(IMPORTS, """
                    long scan(List<Callable<Long>> segments, Duration deadline) throws Exception {
                        CompletionService<Long> done = new ExecutorCompletionService<>(workers);
                        segments.forEach(done::submit);
                        long items = 0;
                        for (int i = 0; i < segments.size(); i++) {
                            Future<Long> f = done.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
                            if (f == null) {
                                throw new TimeoutException("scan not done within " + deadline);
                            }
                            items += f.get();
                        }
                        return items;
                    }

                    long first(CompletionService<Long> completions, Duration timeout) throws Exception {
                        Future<Long> next = completions.take();
                        return next.get();
                    }
                """);
        // the take itself waits without the bound it was given; the get of what it handed out waits for nothing
        assertEquals(List.of(JavaEdits.lineOf(code, "completions.take()") + ":java-deadline-not-propagated"),
                tmo02File(code));
    }

    @Test
    void futures_asked_is_done_or_joined_through_all_of_first_are_read_without_a_bound() {
        String code = wrap(IMPORTS, """
                    Optional<String> ifReady(Future<String> pending, Duration timeout) throws Exception {
                        if (pending.isDone()) {
                            return Optional.of(pending.get());
                        }
                        return Optional.empty();
                    }

                    List<String> all(List<CompletableFuture<String>> parts, Duration timeout) {
                        CompletableFuture.allOf(parts.toArray(new CompletableFuture[0]))
                                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
                        List<String> out = new ArrayList<>();
                        for (CompletableFuture<String> part : parts) {
                            out.add(part.join());
                        }
                        return out;
                    }
                """);
        assertEquals(List.of(), tmo02File(code));
    }

    @Test
    void the_results_of_invoke_all_are_read_without_a_bound() {
        String code = wrap(IMPORTS, """
                    List<Long> sizes(List<Callable<Long>> tasks, Duration timeout) throws Exception {
                        List<Future<Long>> finished = workers.invokeAll(tasks, timeout.toMillis(), TimeUnit.MILLISECONDS);
                        List<Long> out = new ArrayList<>();
                        for (Future<Long> future : finished) {
                            if (!future.isCancelled()) {
                                out.add(future.get());
                            }
                        }
                        return out;
                    }
                """);
        assertEquals(List.of(), tmo02File(code));
    }
}
