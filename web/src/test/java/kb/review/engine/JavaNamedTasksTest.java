package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Periodic work handed over as an instance of a named class (a TimerTask subclass, a Runnable) rather than a lambda:
 * the class's run() decides, wherever the schedule call is.
 */
class JavaNamedTasksTest {

    private static final String TIMER = """
            package a;

            class Alarms {
                private final Timer timer = new Timer("alarms", true);

                void arm(Alarm alarm, long delay) {
                    timer.schedule(new Trigger(alarm), delay);
                }

                static class Trigger extends TimerTask {
                    private final Alarm alarm;

                    Trigger(Alarm alarm) {
                        this.alarm = alarm;
                    }

                    @Override
                    public void run() {
                        %s
                    }
                }
            }
            """;

    @Test
    void a_named_timertask_without_a_catch_all_kills_the_shared_timer_thread() {
        assertEquals(List.of("7:CONC-07"), items("src/main/java/a/Alarms.java", TIMER.formatted("alarm.fire();")));
    }

    @Test
    void a_named_timertask_that_catches_everything_in_run_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Alarms.java", TIMER.formatted(
                "try { alarm.fire(); } catch (RuntimeException e) { log.warn(\"alarm failed\", e); }")));
    }

    private static final String POLLER = """
            package a;

            class Feeds {
                private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

                void start() {
                    scheduler.scheduleWithFixedDelay(new FeedPoller(client), 0, 30, TimeUnit.SECONDS);
                }
            }

            class FeedPoller implements Runnable {
                private final FeedClient client;

                FeedPoller(FeedClient client) {
                    this.client = client;
                }

                public void run() {
                    %s
                }

                private void pollOnce() {
                    client.fetch().forEach(store::save);
                }
            }
            """;

    @Test
    void a_named_runnable_scheduled_at_a_fixed_delay_without_a_catch_all_stops_after_one_failure() {
        assertEquals(List.of("7:CONC-07"), items("src/main/java/a/Feeds.java", POLLER.formatted("pollOnce();")));
    }

    @Test
    void a_named_runnable_whose_run_catches_everything_or_only_calls_a_guarded_method_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Feeds.java", POLLER.formatted(
                "try { pollOnce(); } catch (Throwable t) { log.error(\"poll failed\", t); }")));
        assertEquals(List.of(), items("src/main/java/a/Feeds.java", POLLER.formatted("guarded();")
                .replace("    private void pollOnce() {", """
                    private void guarded() {
                        try { pollOnce(); } catch (Exception e) { log.error("poll failed", e); }
                    }

                    private void pollOnce() {""")));
    }

    @Test
    void a_one_shot_executor_schedule_of_a_named_runnable_is_not_a_periodic_task() {
        assertEquals(List.of(), items("src/main/java/a/Feeds.java", POLLER.formatted("pollOnce();")
                .replace("scheduleWithFixedDelay(new FeedPoller(client), 0, 30, TimeUnit.SECONDS)",
                        "schedule(new FeedPoller(client), 30, TimeUnit.SECONDS)")));
    }

    @Test
    void a_method_reference_to_a_method_without_a_catch_all_is_reported_and_one_with_it_is_not() {
        String code = """
                package a;

                class Refresher {
                    void start(ScheduledExecutorService ses) {
                        ses.scheduleAtFixedRate(this::%s, 1, 1, TimeUnit.MINUTES);
                    }

                    void reload() {
                        registry.reload();
                    }

                    void safeReload() {
                        try {
                            registry.reload();
                        } catch (Exception e) {
                            log.warn("reload failed", e);
                        }
                    }
                }
                """;
        assertEquals(List.of("5:CONC-07"), items("src/main/java/a/Refresher.java", code.formatted("reload")));
        assertEquals(List.of(), items("src/main/java/a/Refresher.java", code.formatted("safeReload")));
    }

    private static final String SUBMIT = """
            package a;

            class Mailer {
                void send(ExecutorService pool, Mail m) {
                    pool.submit(() -> {
                        try {
                            smtp.send(m);
                        } catch (%s e) {
                            log.error("mail to {} failed", m.to(), e);
                        }
                    });
                }
            }
            """;

    @Test
    void a_submitted_task_that_catches_and_logs_everything_leaves_nothing_in_its_dropped_future() {
        assertEquals(List.of(), items("src/main/java/a/Mailer.java", SUBMIT.formatted("Exception")));
    }

    @Test
    void a_submitted_task_that_catches_only_a_checked_exception_still_loses_the_rest_in_its_dropped_future() {
        assertEquals(List.of("5:CONC-06"), items("src/main/java/a/Mailer.java", SUBMIT.formatted("MessagingException")));
    }
}
