package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-01's removed-limit class for a cap on a count (round 21's java-25): the edit deletes {@code if (failed <= 5)}
 * around a warning and keeps the line, and the counter it capped is stepped just above ({@code failed++}). The count
 * is of the line's own occurrences, so the line now repeats with them, even when the loop's header is above the hunk.
 * Look-alikes: the cap kept (the line reworded), the cap swapped for a summary after the loop, and a deleted cap whose
 * counter is not stepped beside the line.
 */
class RemovedCountCapTest {

    private static List<String> log01(String diff) {
        return GoRound8ClassesTest.item(diff, "LOG-01");
    }

    private static final String JAVA = """
            diff --git a/src/main/java/org/acme/feed/Loader.java b/src/main/java/org/acme/feed/Loader.java
            index 1111111..2222222 100644
            --- a/src/main/java/org/acme/feed/Loader.java
            +++ b/src/main/java/org/acme/feed/Loader.java
            @@ -40,%s +40,%s @@ public class Loader {
                                 stmt.executeUpdate();
                             } catch (SQLException e) {
                                 %s;
            %s
                             }
                         }
                     }
            """;

    private static final String GO = """
            diff --git a/feed/loader.go b/feed/loader.go
            index 1111111..2222222 100644
            --- a/feed/loader.go
            +++ b/feed/loader.go
            @@ -40,%s +40,%s @@ func (l *Loader) store(ctx context.Context) {
             		if err := l.db.Insert(ctx, rec); err != nil {
             			%s
            %s
             			continue
             		}
             	}
            """;

    @ParameterizedTest
    @ValueSource(strings = {
            "J|rejected++|-                    if (rejected <= 10) {\n-                        log.warn(\"row {} rejected: {}\", row.id(), e.getMessage());\n-                    }\n+                    log.warn(\"row {} rejected: {}\", row, e.getMessage());",
            "J|skipped += 1|-                    if (skipped < MAX_REPORTED) {\n-                        LOGGER.error(\"insert failed\", e);\n-                    }\n+                    LOGGER.error(\"insert failed for \" + row, e);",
            "G|dropped++|-\t\t\tif dropped <= 3 {\n-\t\t\t\tl.logger.Warn(\"insert failed\", zap.Error(err))\n-\t\t\t}\n+\t\t\tl.logger.Warn(\"insert failed\", zap.Any(\"record\", rec), zap.Error(err))",
            "G|failures++|-\t\t\tif failures < maxLogged {\n-\t\t\t\tlog.Printf(\"insert: %v\", err)\n-\t\t\t}\n+\t\t\tlog.Printf(\"insert of %v: %v\", rec, err)",
            "J|failed++|-                    if (failed <= 5) {\n-                        LOG.warn(\"dropping row of {}\", row.kind());\n-                    }\n+                    LOG.warn(\"dropping row {}\", row);"})
    void a_deleted_cap_on_the_lines_own_count_is_found(String spec) {
        assertEquals(1, log01(diff(spec)).size(), spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "J|rejected++|                     if (rejected <= 10) {\n-                        log.warn(\"row {} rejected\", row.id());\n+                        log.warn(\"row {} rejected: {}\", row.id(), e.getMessage());\n                     }",
            "J|rejected++|-                    if (rejected <= 10) {\n-                        log.warn(\"row {} rejected: {}\", row.id(), e.getMessage());\n-                    }",
            "J|metrics.inc()|-                    if (rejected <= 10) {\n-                        log.warn(\"row {} rejected: {}\", row.id(), e.getMessage());\n-                    }\n+                    log.warn(\"row {} rejected: {}\", row, e.getMessage());"})
    void a_kept_cap_a_removed_line_or_an_uncounted_cap_is_clean(String spec) {
        assertEquals(List.of(), log01(diff(spec)), spec);
    }

    private static String diff(String spec) {
        String[] p = spec.split("\\|", 3);
        String change = p[2];
        long old = change.lines().filter(l -> !l.startsWith("+")).count();
        long now = change.lines().filter(l -> !l.startsWith("-")).count();
        int context = p[0].equals("J") ? 6 : 5;
        return (p[0].equals("J") ? JAVA : GO).formatted(context + old, context + now, p[1], change);
    }
}
