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
}
