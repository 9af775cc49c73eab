package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 37 (branch log37), in {@code review/classes25/log37-store-operation}: defects modelled on real
 * fixes in other repositories (its SOURCES.md) and clean look-alikes the same rules must stay quiet on.
 * <ul>
 * <li>A log line added in a data structure's per-key operation, which every caller's read or write runs (LOG-01,
 * {@code go-log-per-unit-role} and {@code java-log-per-unit-role}, analysis {@code log-per-unit}, role read by
 * {@code StoreOperations}): a memory store's {@code Put} that warns per key with a TTL (logrus), a layered cache's
 * {@code Set} (slog), a quote cache's {@code get} (SLF4J), a counter map's {@code Increment} (zap), a memtable's
 * {@code insert} whose class the hunk does not show (the file's name gives it). Clean: a warn in the error branch of
 * a Put, an info on the absent-key branch that returns null, a configuration store's {@code Set}, a debug line with
 * the key only, a memtable's {@code flush}, a command's package-level {@code put} function.</li>
 * </ul>
 */
class Log37ClassesTest {

    @Test
    void a_line_added_in_a_store_operation_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log37-store-operation", Set.of("LOG-01"));
    }
}
