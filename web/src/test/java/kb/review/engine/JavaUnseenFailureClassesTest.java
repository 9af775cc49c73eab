package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, Java: failures absorbed where nobody will see them, in two classes.
 *
 * <p>A catch of a failure of the work (an I/O, database, messaging, mail or remote call) whose whole body logs at
 * debug or trace level ({@code fine}/{@code finer}/{@code finest} for java.util.logging): production logs at info
 * or above, so the failure is as unseen as in an empty catch. The item asks that a deliberately absorbed error be
 * logged "with context and" counted "so it is seen". Look-alikes: the same catch logging at warn, one that says in a
 * comment why the failure may go, a debug line for a failure that is not the work's (a parse error), and a quiet
 * close.
 *
 * <p>An uncaught-exception handler (set on a thread, as the default, on a thread-factory builder, or a class's
 * {@code uncaughtException}) whose body never reads the throwable: the thread dies and nothing says why. The item's
 * "a recovered panic that is not logged and counted is also a swallowed error" in Java's words. Look-alikes: handlers
 * that log the throwable, hand it on, or say why in a comment.
 *
 * <p>The fixtures are written for these tests. Findings are compared as "line:rule".
 */
class JavaUnseenFailureClassesTest {

    private static final String DEBUG = "java-work-failure-logged-at-debug";
    private static final String DEATH = "java-thread-death-handler-drops-error";

    private static List<String> errors(String code) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(
                "src/main/java/com/example/outbox/Relay.java", code), "ERR-01");
    }

    /** A relay of outbox rows; CATCH is the handling of a failed publish. */
    private static final String RELAY = """
            package com.example.outbox;

            import java.io.IOException;
            import java.sql.SQLException;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            final class Relay {
                private static final Logger LOGGER = LoggerFactory.getLogger(Relay.class);
                private final Broker broker;

                Relay(Broker broker) {
                    this.broker = broker;
                }

                void relay(Row row) {
                    try {
                        broker.publish(row.topic(), row.payload());
                    } CATCH
                }
            }
            """;

    @Test
    void a_failed_io_or_database_call_logged_only_at_debug_or_trace_is_found() {
        assertEquals(List.of("19:" + DEBUG), errors(RELAY.replace("CATCH", """
                catch (IOException e) {
                            LOGGER.debug("publish of {} failed", row.id());
                        }""")));
        assertEquals(List.of("19:" + DEBUG), errors(RELAY.replace("CATCH", """
                catch (SQLException failure) {
                            LOGGER.trace("row {} not relayed", row.id(), failure);
                        }""")));
        // a multi-catch of a messaging failure, a java.util.logging logger at FINE
        assertEquals(List.of("19:" + DEBUG), errors(RELAY.replace("CATCH", """
                catch (jakarta.jms.JMSException | IllegalStateException ex) {
                            log.log(Level.FINE, "relay failed for " + row.id());
                        }""")));
        assertEquals(List.of("19:" + DEBUG), errors(RELAY.replace("CATCH", """
                catch (MessagingException ex) {
                            logger.fine("mail for " + row.id() + " not sent");
                            logger.finest(ex.toString());
                        }""")));
    }

    @Test
    void the_same_catch_logging_at_warn_or_saying_why_or_rethrowing_is_clean() {
        assertEquals(List.of(), errors(RELAY.replace("CATCH", """
                catch (IOException e) {
                            LOGGER.warn("publish of {} failed", row.id(), e);
                        }""")));
        assertEquals(List.of(), errors(RELAY.replace("CATCH", """
                catch (IOException e) {
                            // the row stays unsent and the next sweep publishes it again
                            LOGGER.debug("publish of {} failed", row.id());
                        }""")));
        assertEquals(List.of(), errors(RELAY.replace("CATCH", """
                catch (SQLException e) {
                            LOGGER.debug("publish of {} failed", row.id());
                            throw new RelayException(row.id(), e);
                        }""")));
        assertEquals(List.of(), errors(RELAY.replace("CATCH", """
                catch (IOException ignored) {
                            LOGGER.debug("publish of {} failed", row.id());
                        }""")));
    }

    @Test
    void a_debug_line_for_a_failure_that_is_not_the_works_or_around_a_close_is_not_this_class() {
        assertEquals(List.of(), errors(RELAY.replace("CATCH", """
                catch (NumberFormatException e) {
                            LOGGER.debug("priority of {} unreadable, default used", row.id());
                        }""")));
        assertEquals(List.of(), errors(RELAY.replace("broker.publish(row.topic(), row.payload());", "broker.close();")
                .replace("CATCH", """
                catch (IOException e) {
                            LOGGER.debug("broker close failed", e);
                        }""")));
    }

    /** Worker threads; HANDLER is what is done when one dies. */
    private static final String WORKERS = """
            package com.example.outbox;

            import java.util.concurrent.ThreadFactory;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            final class Workers {
                private static final Logger LOGGER = LoggerFactory.getLogger(Workers.class);

                Thread start(Runnable work, int n) {
                    Thread thread = new Thread(work, "relay-" + n);
                    HANDLER
                    thread.start();
                    return thread;
                }
            }
            """;

    private static List<String> deaths(String handler) {
        return errors(WORKERS.replace("HANDLER", handler).replace("outbox/Relay", "outbox/Workers"));
    }

    @Test
    void a_handler_of_thread_deaths_that_never_reads_the_throwable_is_found() {
        assertEquals(List.of("12:" + DEATH), deaths("thread.setUncaughtExceptionHandler((t, e) -> { });"));
        assertEquals(List.of("12:" + DEATH),
                deaths("thread.setUncaughtExceptionHandler((dead, cause) -> LOGGER.debug(\"worker ended\"));"));
        assertEquals(List.of("12:" + DEATH),
                deaths("Thread.setDefaultUncaughtExceptionHandler((Thread t, Throwable error) -> restart(t));"));
        assertEquals(List.of("12:" + DEATH), deaths("ThreadFactory f = new ThreadFactoryBuilder()"
                + ".setUncaughtExceptionHandler((th, ex) -> {}).build();"));
    }

    @Test
    void a_handler_that_logs_hands_on_or_explains_the_death_is_clean() {
        assertEquals(List.of(), deaths(
                "thread.setUncaughtExceptionHandler((t, e) -> LOGGER.error(\"{} died\", t.getName(), e));"));
        assertEquals(List.of(), deaths("thread.setUncaughtExceptionHandler((t, e) -> supervisor.failed(t, e));"));
        assertEquals(List.of(), deaths("""
                thread.setUncaughtExceptionHandler((t, e) -> {
                            // the supervisor's health check restarts the pool and reports the death
                        });"""));
        assertEquals(List.of(), deaths("thread.setUncaughtExceptionHandler((t, ignored) -> { });"));
    }

    @Test
    void a_class_whose_uncaught_exception_drops_the_throwable_is_found_and_one_that_logs_is_clean() {
        String handler = """
                package com.example.outbox;

                final class Deaths implements Thread.UncaughtExceptionHandler {
                    private final Counter counter;

                    Deaths(Counter counter) {
                        this.counter = counter;
                    }

                    @Override
                    public void uncaughtException(Thread thread, Throwable failure) {
                        BODY
                    }
                }
                """;
        assertEquals(List.of("11:" + DEATH), errors(handler.replace("BODY", "System.out.println(thread.getName());")));
        assertEquals(List.of(), errors(handler.replace("BODY", "failure.printStackTrace();")));
        assertEquals(List.of(), errors(handler.replace("BODY", "counter.increment();")));
    }
}
