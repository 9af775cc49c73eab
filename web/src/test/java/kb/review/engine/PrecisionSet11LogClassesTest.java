package kb.review.engine;

import static kb.review.engine.PrecisionSet11ClassesTest.newGoFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * AY of the eleventh held-out precision set (LOG-01): per-element detail under a debug-level test. LOG-01's own advice
 * is that "per-element detail goes to debug level, guarded so it costs nothing when off". Two shapes the review still
 * reported: a forEach lambda inside {@code if (logger.isDebugEnabled())} (ActiveMQ Artemis's ack-manager dumps; the
 * walk stopped at the lambda before it saw the test above it), and a Go logging package's own level test
 * {@code log.DebugEnabled()} around the line in a loop (polaris's event hub and store). Without the test, the same
 * lambda and the same loop stay reported. The code is written for this test.
 *
 * <p>BF (LOG-01): one line per batch of a loop that stops on the first short batch (polaris's clean-up jobs:
 * {@code n, err := store.CleanDeleted(timeout, batchSize); log.Infof("cleaned %d", n); if n < batchSize { break }}).
 * LOG-01 asks for "one summary line per batch": that is the line, and the loop walks no collection. A loop over items
 * that logs each, and the same batch loop whose exit tests something the log does not show, stay reported.
 */
class PrecisionSet11LogClassesTest {

    private static List<String> found(String diff) {
        return found(diff, Set.of("LOG-01"));
    }

    /** The rows of {@code items}: with LOG-02, a concatenated Java debug line is found once, under LOG-02 (log40). */
    private static List<String> found(String diff, Set<String> items) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> items.contains(f.item()))
                .map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    private static String newJavaFile(String path, String code) {
        return newGoFile(path, code);
    }

    /** (Debug lines joined with '+' since session 22: a parameterised one per element is clean anywhere, class AY.) */
    private static String ackDump(String guard) {
        return """
                package org.example.mirror;

                import java.util.Map;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;

                class AckRetries {
                    private static final Logger logger = LoggerFactory.getLogger(AckRetries.class);

                    void finishScan(Map<Long, Integer> pending, Map<Long, Map<String, String>> retries) {
                        if (%s) {
                            pending.forEach((queue, count) -> logger.warn("queue {} still has {} acks", queue, count));
                            retries.forEach((queue, records) -> {
                                logger.debug("records on queue " + queue + ":");
                                records.forEach((id, body) -> logger.debug("record " + id));
                            });
                        }
                    }
                }
                """.formatted(guard);
    }

    @Test
    void forEach_dumps_inside_a_debug_level_test_are_not_reported() {
        assertEquals(List.of(), found(newJavaFile("mirror/AckRetries.java", ackDump("logger.isDebugEnabled()"))));
    }

    @Test
    void the_same_forEach_dumps_under_another_test_are_still_reported() {
        assertEquals(List.of("mirror/AckRetries.java:12", "mirror/AckRetries.java:14", "mirror/AckRetries.java:15"),
                found(newJavaFile("mirror/AckRetries.java", ackDump("!pending.isEmpty()")),
                        Set.of("LOG-01", "LOG-02")));
    }

    private static String hub(String guard) {
        return """
                package eventhub

                import (
                \t"context"
                \t"fmt"

                \t"example.com/polar/common/log"
                )

                func (s *subscription) receive(ctx context.Context) {
                \tfor {
                \t\tselect {
                \t\tcase <-ctx.Done():
                \t\t\treturn
                \t\tcase event := <-s.queue:
                \t\t\tif %s {
                \t\t\t\tlog.Debug(fmt.Sprintf("subscription %%s got event %%v", s.name, event))
                \t\t\t}
                \t\t\ts.handler.OnEvent(ctx, event)
                \t\t}
                \t}
                }
                """.formatted(guard);
    }

    @Test
    void a_line_under_a_go_logging_packages_own_debug_test_is_not_reported() {
        assertEquals(List.of(), found(newGoFile("common/eventhub/subscription.go", hub("log.DebugEnabled()"))));
    }

    @Test
    void the_same_line_under_a_test_of_the_event_is_still_reported() {
        assertEquals(List.of("common/eventhub/subscription.go:17"),
                found(newGoFile("common/eventhub/subscription.go", hub("event != nil"))));
    }

    private static String cleaner(String exit) {
        return """
                package job

                import (
                \t"time"

                \t"example.com/polar/common/log"
                )

                func cleanDeleted(timeout time.Duration, store Store, ids []string) {
                \tbatchSize := uint32(100)
                \tfor {
                \t\tcount, err := store.BatchCleanDeleted(timeout, batchSize)
                \t\tif err != nil {
                \t\t\tlog.Errorf("clean deleted: %%v", err)
                \t\t\tbreak
                \t\t}
                \t\tlog.Infof("cleaned %%d deleted rows", count)
                \t\t%s
                \t}
                \tfor _, id := range ids {
                \t\tstore.Forget(id)
                \t\tlog.Infof("forgot %%s", id)
                \t}
                }
                """.formatted(exit);
    }

    @Test
    void one_line_per_batch_of_a_loop_that_stops_on_a_short_batch_is_not_reported() {
        assertEquals(List.of("job/clean.go:22"),
                found(newGoFile("job/clean.go", cleaner("if count < batchSize { break }"))));
    }

    @Test
    void the_batch_loop_whose_exit_tests_something_else_is_still_reported() {
        assertEquals(List.of("job/clean.go:17", "job/clean.go:22"),
                found(newGoFile("job/clean.go", cleaner("if store.Closed() { break }"))));
    }
}
