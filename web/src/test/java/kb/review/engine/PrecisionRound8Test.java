package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kb.review.diff.DiffFilter;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Classes of false findings on ordinary commits of real projects (round 8), each paired with the true defect of the
 * same shape that must still be found: a nil-context guard taken for a dropped context (TMO-02), and a periodic task
 * whose helper wraps its body in a try whose handlers the hunk cuts off (CONC-07).
 */
class PrecisionRound8Test {

    private static final String GO_GUARD = """
            package cache

            func (c *Cache) Get(ctx context.Context, key string) ([]byte, bool) {
            	if TEST {
            		BODY
            	}
            	return c.shard(key).get(ctx, key)
            }
            """;

    private static List<String> guard(String test, String body) {
        return items("cache/local.go", GO_GUARD.replace("TEST", test).replace("BODY", body));
    }

    @Test
    void a_nil_context_replaced_by_the_empty_one_drops_nothing() {
        // a caller that passed a context keeps it; only a nil one becomes Background
        assertEquals(List.of(), guard("ctx == nil", "ctx = context.Background()"));
        assertEquals(List.of(), guard("ctx == nil", "ctx = context.TODO()"));
    }

    @Test
    void a_context_replaced_whatever_the_caller_passed_is_still_a_drop() {
        // the test is not of the context: a caller's live context is thrown away
        assertEquals(List.of("5:TMO-02"), guard("key == \"\"", "ctx = context.Background()"));
        // tested for nil, but the fresh context goes to another variable used for the downstream call
        assertEquals(List.of("5:TMO-02"), guard("ctx != nil", "ctx = context.Background()"));
    }

    private static List<Finding> review(String diff) throws DiffFormatException {
        List<SourceFile> files = DiffParser.parse(diff.getBytes(java.nio.charset.StandardCharsets.UTF_8)).stream()
                .map(SourceFile::fromDiff).toList();
        return TestRules.reviewer().review("diff", files, SarifImport.Result.none(), DiffFilter.ADDED).findings();
    }

    /** A hunk that schedules a helper, then shows the helper's header and the start of its body, cut below. */
    private static String cutHelper(String bodyStart) {
        String hunk = """
                     public void start() {
                         loaded = true;
                +        executor.scheduleWithFixedDelay(() -> statistics(LOG), 1, 10, TimeUnit.SECONDS);
                +        executor.scheduleWithFixedDelay(this::statistics, 1, 10, TimeUnit.SECONDS);
                     }
                 
                     public void statistics(Logger logger) {
                """ + bodyStart;
        long added = hunk.lines().filter(l -> l.startsWith("+")).count();
        long shown = hunk.lines().count();
        return "diff --git a/src/main/java/acme/Store.java b/src/main/java/acme/Store.java\n"
                + "--- a/src/main/java/acme/Store.java\n+++ b/src/main/java/acme/Store.java\n"
                + "@@ -40," + (shown - added) + " +40," + shown + " @@ public class Store {\n" + hunk;
    }

    private static List<String> conc07(String diff) throws DiffFormatException {
        return review(diff).stream().filter(f -> f.item().equals("CONC-07")).map(f -> f.line() + ":" + f.confidence())
                .toList();
    }

    @Test
    void a_task_whose_helper_opens_a_try_the_hunk_cuts_before_its_handlers_is_not_reported() throws Exception {
        // the helper guards its whole body; the catch is below the hunk, where the review cannot judge it
        assertEquals(List.of(), conc07(cutHelper("""
                         try {
                             String usage = db.getProperty("memory");
                +            logger.info("memory usage: {}", usage);
                             List<FileMeta> files = files();
                """)));
    }

    @Test
    void a_task_whose_shown_helper_does_work_outside_any_try_or_catches_narrowly_is_still_reported() throws Exception {
        // the helper's first work is outside any guard: it can throw whatever comes below
        assertEquals(List.of("42:HIGH", "43:HIGH"), conc07(cutHelper("""
                         String usage = db.getProperty("memory");
                +        logger.info("memory usage: {}", usage);
                         try {
                             List<FileMeta> files = files();
                """)));
        // the try's handler is shown and catches one checked exception only
        assertEquals(List.of("42:HIGH", "43:HIGH"), conc07(cutHelper("""
                         try {
                             String usage = db.getProperty("memory");
                +            logger.info("memory usage: {}", usage);
                         } catch (java.io.IOException e) {
                             logger.warn("no statistics", e);
                         }
                     }
                """)));
    }
}
