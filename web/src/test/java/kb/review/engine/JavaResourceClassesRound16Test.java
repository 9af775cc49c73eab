package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound12Test.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java resource and map classes behind round 16's misses and precision set 12's W rows, each a defect beside the
 * look-alike the same rule must stay silent on (fixtures written for these tests). Findings are compared as
 * "line:item".
 *
 * <ul>
 *   <li>RES-01, quiet-close helpers in a {@code finally} ({@code closeResultSet(rs); closeStatement(ps);}): helpers
 *       whose contract is to swallow the close's failure cannot skip the next close, so both resources are closed on
 *       every path, which is all RES-01 asks. A helper whose name promises nothing ({@code cleanup(rs)}) may throw
 *       and skip the statement's close: still a leak.</li>
 *   <li>RES-03, resources opened in a loop and added to a local collection closed only after it: the checklist's own
 *       Java Bad shape for RES-03 ("collects resources in a list 'to close at the end'"), reported as RES-03 and not
 *       as RES-01. A collection read after the loop (a merge that primes its readers) keeps them on purpose.</li>
 *   <li>RES-01, an edit that takes a resource out of its try-with-resources and keeps the statements using it: they
 *       borrowed it (the try closed it after them), so now nothing closes it. An edit that also closes it, or
 *       returns it, moved the duty on purpose.</li>
 *   <li>CONC-03, an edit that replaces computeIfAbsent on a map field with get, a null test and put: the item's Bad
 *       example, undoing its "make compound operations a single atomic call". A map local to the call is not
 *       shared.</li>
 *   <li>LOG-01, an edit inside a loop (its header above the hunk) that logs in a branch counting the item it skips
 *       and continuing: one line per skipped element beside the tally that should be the summary. A sampled line
 *       (the first few only) is what the item prescribes.</li>
 * </ul>
 */
class JavaResourceClassesRound16Test {

    private static List<String> items(String path, String source) {
        return JavaModelsRound7Test.items(path, source);
    }

    private static List<String> itemsOf(String diff) {
        return TestRules.reviewDiff(diff).active().stream().map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    private static List<String> only(List<String> found, String item) {
        return found.stream().filter(f -> f.endsWith(":" + item)).toList();
    }

    /** An edit diff of one hunk: {@code body} lines start with ' ', '+' or '-'; {@code start} is both sides' line. */
    private static String edit(String path, int start, String body) {
        List<String> lines = body.lines().toList();
        long old = lines.stream().filter(l -> !l.startsWith("+")).count();
        long now = lines.stream().filter(l -> !l.startsWith("-")).count();
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n"
                + "--- a/" + path + "\n+++ b/" + path + "\n@@ -" + start + "," + old + " +" + start + "," + now
                + " @@ public class X {\n");
        lines.forEach(l -> d.append(l).append('\n'));
        return d.toString();
    }

    // --- RES-01: quiet-close helpers in a finally ---

    private static final String LEDGER = """
            package a;

            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;

            public class LedgerDao {
                public long balance(Connection conn, String account) throws SQLException {
                    PreparedStatement st = null;
                    ResultSet rows = null;
                    try {
                        st = conn.prepareStatement("select amount from ledger where account = ?");
                        st.setQueryTimeout(5);
                        st.setString(1, account);
                        rows = st.executeQuery();
                        long sum = 0;
                        while (rows.next()) {
                            sum += rows.getLong(1);
                        }
                        return sum;
                    } finally {
                        %s(rows);
                        closeStatement(st);
                    }
                }
            }
            """;

    @Test
    void quiet_close_helpers_in_a_finally_close_both_and_a_helper_that_may_throw_first_leaks_the_statement() {
        String clean = LEDGER.formatted("closeResultSet");
        String defect = LEDGER.formatted("cleanup");
        assertEquals(List.of(), only(items("src/main/java/a/LedgerDao.java", clean), "RES-01"));
        assertEquals(List.of(lineOf(defect, "st = conn.prepareStatement") + ":RES-01"),
                only(items("src/main/java/a/LedgerDao.java", defect), "RES-01"));
    }

    @Test
    void a_result_set_no_helper_closes_still_leaks_beside_a_quietly_closed_statement() {
        String defect = LEDGER.formatted("closeResultSet").replace("closeResultSet(rows);", "");
        assertEquals(List.of(lineOf(defect, "rows = st.executeQuery()") + ":RES-01"),
                only(items("src/main/java/a/LedgerDao.java", defect), "RES-01"));
    }

    // --- RES-03: resources collected in the loop, closed after it ---

    private static final String DIGESTS = """
            package a;

            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.zip.CRC32;

            public class Digests {
                public long crc(List<String> files) throws IOException {
                    List<InputStream> streams = new ArrayList<>();
                    CRC32 crc = new CRC32();
                    try {
                        for (String f : files) {
                            InputStream in = new FileInputStream(f);
                            streams.add(in);
                            crc.update(in.readAllBytes());
                        }
                    } finally {
                        %s
                    }
                    return crc.getValue();
                }
            }
            """;

    @Test
    void streams_collected_in_the_loop_and_closed_after_it_are_res03_and_not_res01() {
        String defect = DIGESTS.formatted("for (InputStream s : streams) { s.close(); }");
        assertEquals(List.of(lineOf(defect, "new FileInputStream(f)") + ":RES-03"),
                only(items("src/main/java/a/Digests.java", defect), "RES-03"));
        assertEquals(List.of(), only(items("src/main/java/a/Digests.java", defect), "RES-01"));
        String lambda = DIGESTS.formatted("streams.forEach(s -> { try { s.close(); } catch (IOException e) { } });");
        assertEquals(List.of(lineOf(lambda, "new FileInputStream(f)") + ":RES-03"),
                only(items("src/main/java/a/Digests.java", lambda), "RES-03"));
    }

    @Test
    void a_collection_read_after_the_loop_keeps_its_streams_on_purpose_and_is_not_res03() {
        String merge = DIGESTS.formatted("""
                for (InputStream s : streams) { crc.update(s.read()); }
                            for (InputStream s : streams) { s.close(); }""");
        assertEquals(List.of(), only(items("src/main/java/a/Digests.java", merge), "RES-03"));
        String perTurn = DIGESTS.formatted("").replace("InputStream in = new FileInputStream(f);",
                "try (InputStream in = new FileInputStream(f)) {").replace("streams.add(in);", "")
                .replace("crc.update(in.readAllBytes());", "crc.update(in.readAllBytes()); }");
        assertEquals(List.of(), only(items("src/main/java/a/Digests.java", perTurn), "RES-03"));
        assertEquals(List.of(), only(items("src/main/java/a/Digests.java", perTurn), "RES-01"));
    }

    // --- RES-01: a resource taken out of its try-with-resources ---

    @Test
    void an_edit_that_unwraps_a_try_with_resources_and_keeps_its_uses_leaks_the_resource() {
        String defect = edit("src/main/java/a/Thumbnails.java", 20, """
                         for (Path image : images) {
                -            try (InputStream in = Files.newInputStream(image)) {
                -                sizes.put(image, measure(in));
                -            }
                +            InputStream in = Files.newInputStream(image);
                +            sizes.put(image, measure(in));
                         }
                         return sizes;
                """);
        assertEquals(List.of("21:RES-01"), only(itemsOf(defect), "RES-01"));
    }

    @Test
    void an_edit_that_unwraps_the_try_but_closes_it_or_only_decorates_a_stream_held_elsewhere_is_not_a_leak() {
        String closed = edit("src/main/java/a/Thumbnails.java", 20, """
                         for (Path image : images) {
                -            try (InputStream in = Files.newInputStream(image)) {
                -                sizes.put(image, measure(in));
                -            }
                +            InputStream in = Files.newInputStream(image);
                +            try {
                +                sizes.put(image, measure(in));
                +            } finally {
                +                in.close();
                +            }
                         }
                         return sizes;
                """);
        assertEquals(List.of(), only(itemsOf(closed), "RES-01"));
        String inMemory = edit("src/main/java/a/Thumbnails.java", 20, """
                         for (Path image : images) {
                -            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                -                sizes.put(image, render(image, out));
                -            }
                +            ByteArrayOutputStream out = new ByteArrayOutputStream();
                +            sizes.put(image, render(image, out));
                         }
                         return sizes;
                """);
        assertEquals(List.of(), only(itemsOf(inMemory), "RES-01"));
        String lent = edit("src/main/java/a/Thumbnails.java", 20, """
                         for (Path image : images) {
                -            try (BufferedInputStream in = new BufferedInputStream(raw)) {
                -                sizes.put(image, measure(in));
                -            }
                +            BufferedInputStream in = new BufferedInputStream(raw);
                +            sizes.put(image, measure(in));
                         }
                         return sizes;
                """);
        assertEquals(List.of(), only(itemsOf(lent), "RES-01"));
    }

    // --- CONC-03: computeIfAbsent replaced by get, test and put ---

    private static final String QUOTAS_BEFORE = """
                 Quota quotaOf(String tenant) {
            -        return quotas.computeIfAbsent(tenant, store::loadQuota);
            """;

    @Test
    void an_edit_that_replaces_compute_if_absent_on_a_map_field_with_get_test_put_is_conc03() {
        String defect = edit("src/main/java/a/QuotaService.java", 30, QUOTAS_BEFORE + """
                +        Quota quota = quotas.get(tenant);
                +        if (quota == null) {
                +            quota = store.loadQuota(tenant);
                +            quotas.put(tenant, quota);
                +        }
                +        return quota;
                     }
                """);
        // at the test (session 43; the put until then): the check whose answer goes stale, two lines from both the
        // read and the write that fix threads name; the put stays the finding's last step
        assertEquals(List.of("32:CONC-03"), only(itemsOf(defect), "CONC-03"));
    }

    @Test
    void the_same_get_test_put_on_a_map_local_to_the_call_or_under_a_lock_is_not_shared_state() {
        String local = edit("src/main/java/a/QuotaService.java", 30, QUOTAS_BEFORE + """
                +        Map<String, Quota> quotas = new HashMap<>(defaults);
                +        Quota quota = quotas.get(tenant);
                +        if (quota == null) {
                +            quota = store.loadQuota(tenant);
                +            quotas.put(tenant, quota);
                +        }
                +        return quota;
                     }
                """);
        assertEquals(List.of(), only(itemsOf(local), "CONC-03"));
        String locked = edit("src/main/java/a/QuotaService.java", 30, QUOTAS_BEFORE + """
                +        synchronized (quotas) {
                +            Quota quota = quotas.get(tenant);
                +            if (quota == null) {
                +                quota = store.loadQuota(tenant);
                +                quotas.put(tenant, quota);
                +            }
                +            return quota;
                +        }
                     }
                """);
        assertEquals(List.of(), only(itemsOf(locked), "CONC-03"));
    }

    // --- LOG-01: a counted skip in a loop whose header is above the hunk ---

    private static final String SKIP = """
                             Route route = router.match(message);
                             if (route == null) {
                                 dropped++;
            %s
                                 continue;
                             }
                             delivered++;
            """;

    @Test
    void a_line_per_counted_skip_inside_a_loop_above_the_hunk_is_log01_and_a_sampled_one_is_not() {
        String defect = edit("src/main/java/a/Dispatcher.java", 40, SKIP.formatted(
                "+                    log.warn(\"no route for \" + message);"));
        assertEquals(List.of("43:LOG-01"), only(itemsOf(defect), "LOG-01"));
        String sampled = edit("src/main/java/a/Dispatcher.java", 40, SKIP.formatted("""
                +                    if (dropped <= 3) {
                +                        log.warn("no route for message {}", message.id());
                +                    }"""));
        assertEquals(List.of(), only(itemsOf(sampled), "LOG-01"));
        String uncounted = edit("src/main/java/a/Dispatcher.java", 40, SKIP.replaceAll(" *dropped\\+\\+;\n", "")
                .formatted("+                    log.warn(\"no route for \" + message);"));
        assertEquals(List.of(), only(itemsOf(uncounted), "LOG-01"));
    }
}
