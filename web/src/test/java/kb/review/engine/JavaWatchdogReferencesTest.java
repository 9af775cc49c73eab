package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Watchdogs scheduled as a method reference to the call that cuts the watched work short: a Kafka consumer's or a
 * NIO selector's {@code wakeup}, a thread's {@code interrupt}, a future's {@code cancel}, a request's {@code abort}.
 * The task is as much a watchdog as the lambda {@code () -> worker.interrupt()} the TMO-03 rules already knew: when
 * the work ends in time and the returned future is never cancelled (dropped, or kept and forgotten), the watchdog
 * stays queued for its whole delay, one per call, and may still fire into the next piece of work on the same
 * consumer or thread. TMO-03 asks that what is started to bound a call is ended with it ("always call the cancel
 * function"). Clean look-alikes: the future cancelled in {@code finally}, handed back to the caller, a periodic job
 * by reference that is not a watchdog ({@code this::flush}), and a watchdog by lambda that is cancelled. Fixtures
 * written for this test (findings are "line:item").
 */
class JavaWatchdogReferencesTest {

    private static List<String> tmo03(String path, String source) {
        return JavaModelsRound7Test.items(path, source).stream().filter(f -> f.endsWith(":TMO-03")).toList();
    }

    // --- defects ---

    @Test
    void a_kept_wakeup_watchdog_never_cancelled_is_reported() {
        assertEquals(List.of("17:TMO-03"), tmo03("src/main/java/acme/ingest/Poller.java", """
                package acme.ingest;

                import java.time.Duration;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.ScheduledFuture;
                import java.util.concurrent.TimeUnit;
                import org.apache.kafka.clients.consumer.KafkaConsumer;

                final class Poller {
                    private final ScheduledExecutorService timers;
                    private final KafkaConsumer<String, byte[]> source;
                    private final Sink sink;

                    Poller(ScheduledExecutorService timers, KafkaConsumer<String, byte[]> source, Sink sink) { this.timers = timers; this.source = source; this.sink = sink; }

                    void pollOnce(long limitMs) {
                        ScheduledFuture<?> guard = timers.schedule(source::wakeup, limitMs, TimeUnit.MILLISECONDS);
                        sink.accept(source.poll(Duration.ofSeconds(1)));
                    }

                    interface Sink { void accept(Object batch); }
                }
                """));
    }

    @Test
    void a_dropped_interrupt_watchdog_by_reference_is_reported() {
        assertEquals(List.of("14:TMO-03"), tmo03("src/main/java/acme/render/Renderer.java", """
                package acme.render;

                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.TimeUnit;

                public class Renderer {
                    private final ScheduledExecutorService clock;

                    public Renderer(ScheduledExecutorService clock) { this.clock = clock; }

                    public byte[] render(Page page) {
                        Thread self = Thread.currentThread();
                        // bounds a slow layout, but nothing stops the interrupt once the layout is done
                        clock.schedule(self::interrupt, 3, TimeUnit.SECONDS);
                        return page.layout();
                    }

                    public interface Page { byte[] layout(); }
                }
                """));
    }

    @Test
    void a_selector_wakeup_watchdog_kept_in_a_local_is_reported() {
        assertEquals(List.of("17:TMO-03"), tmo03("src/main/java/acme/net/Reactor.java", """
                package acme.net;

                import java.io.IOException;
                import java.nio.channels.Selector;
                import java.util.concurrent.Executors;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.ScheduledFuture;
                import java.util.concurrent.TimeUnit;

                class Reactor {
                    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
                    private final Selector selector;

                    Reactor(Selector selector) { this.selector = selector; }

                    int selectBounded(long ms) throws IOException {
                        ScheduledFuture<?> kick = ticker.schedule(selector::wakeup, ms, TimeUnit.MILLISECONDS);
                        return selector.select();
                    }
                }
                """));
    }

    @Test
    void a_call_cancel_watchdog_by_reference_in_an_edit_that_drops_its_finally_is_reported() {
        String diff = """
                diff --git a/src/main/java/acme/http/Fetcher.java b/src/main/java/acme/http/Fetcher.java
                --- a/src/main/java/acme/http/Fetcher.java
                +++ b/src/main/java/acme/http/Fetcher.java
                @@ -30,10 +30,6 @@ public class Fetcher {
                     public String fetch(Request request, long budgetMillis) throws IOException {
                         Call call = http.newCall(request);
                         ScheduledFuture<?> stopper = scheduler.schedule(call::cancel, budgetMillis, TimeUnit.MILLISECONDS);
                -        try {
                -            return read(call);
                -        } finally {
                -            stopper.cancel(false);
                -        }
                +        return read(call);
                     }
                 }
                """;
        assertEquals(List.of("32:TMO-03"), TestRules.reviewDiff(diff).active().stream()
                .filter(f -> f.item().equals("TMO-03")).map(f -> f.line() + ":" + f.item()).toList());
    }

    // --- clean look-alikes ---

    @Test
    void a_wakeup_watchdog_cancelled_in_finally_is_not_reported() {
        assertEquals(List.of(), tmo03("src/main/java/acme/ingest/Fetcher.java", """
                package acme.ingest;

                import java.time.Duration;
                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.ScheduledFuture;
                import java.util.concurrent.TimeUnit;
                import org.apache.kafka.clients.consumer.Consumer;

                final class Fetcher {
                    private final ScheduledExecutorService timers;
                    private final Consumer<String, String> consumer;

                    Fetcher(ScheduledExecutorService timers, Consumer<String, String> consumer) { this.timers = timers; this.consumer = consumer; }

                    Object fetch(long budget) {
                        ScheduledFuture<?> alarm = timers.schedule(consumer::wakeup, budget, TimeUnit.MILLISECONDS);
                        try {
                            return consumer.poll(Duration.ofMillis(200));
                        } finally {
                            alarm.cancel(false);
                        }
                    }
                }
                """));
    }

    @Test
    void a_watchdog_handed_back_to_the_caller_is_not_reported() {
        assertEquals(List.of(), tmo03("src/main/java/acme/net/Guards.java", """
                package acme.net;

                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.ScheduledFuture;
                import java.util.concurrent.TimeUnit;

                public final class Guards {
                    private final ScheduledExecutorService clock;

                    public Guards(ScheduledExecutorService clock) { this.clock = clock; }

                    /** The caller cancels the returned guard when its read ends. */
                    public ScheduledFuture<?> arm(Thread reader, long ms) {
                        ScheduledFuture<?> guard = clock.schedule(reader::interrupt, ms, TimeUnit.MILLISECONDS);
                        return guard;
                    }
                }
                """));
    }

    @Test
    void a_delayed_job_by_reference_that_ends_nothing_is_not_reported() {
        assertEquals(List.of(), tmo03("src/main/java/acme/metrics/Flusher.java", """
                package acme.metrics;

                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.ScheduledFuture;
                import java.util.concurrent.TimeUnit;

                class Flusher {
                    private final ScheduledExecutorService exec;

                    Flusher(ScheduledExecutorService exec) { this.exec = exec; }

                    void later() {
                        ScheduledFuture<?> pending = exec.schedule(this::flush, 5, TimeUnit.SECONDS);
                        exec.schedule(this::compact, 1, TimeUnit.MINUTES);
                    }

                    void flush() { }
                    void compact() { }
                }
                """));
    }

    @Test
    void a_lambda_watchdog_cancelled_on_every_path_is_not_reported() {
        assertEquals(List.of(), tmo03("src/main/java/acme/render/Layout.java", """
                package acme.render;

                import java.util.concurrent.ScheduledExecutorService;
                import java.util.concurrent.ScheduledFuture;
                import java.util.concurrent.TimeUnit;

                public class Layout {
                    private final ScheduledExecutorService clock;

                    public Layout(ScheduledExecutorService clock) { this.clock = clock; }

                    public int measure(Runnable pass) {
                        Thread me = Thread.currentThread();
                        ScheduledFuture<?> stop = clock.schedule(() -> me.interrupt(), 2, TimeUnit.SECONDS);
                        try {
                            pass.run();
                            return 1;
                        } finally {
                            stop.cancel(false);
                        }
                    }
                }
                """));
    }
}
