package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kb.review.diff.Braces;
import kb.review.diff.DiffFilter;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Pull requests pasted as git prints them: three lines of context around each change, so a hunk starts and ends
 * inside blocks. Such a hunk is still read as Java (its braces balanced) instead of being dropped, and what depends
 * on the part it cuts off is marked as seen in part.
 */
class CutJavaHunksTest {

    private static List<Finding> review(String diff) throws DiffFormatException {
        List<SourceFile> files = DiffParser.parse(diff.getBytes(java.nio.charset.StandardCharsets.UTF_8)).stream()
                .map(SourceFile::fromDiff).toList();
        return TestRules.reviewer().review("diff", files, SarifImport.Result.none(), DiffFilter.ADDED).findings();
    }

    private static List<String> at(List<Finding> findings, String item) {
        return findings.stream().filter(f -> f.item().equals(item)).map(f -> f.line() + ":" + f.confidence())
                .toList();
    }

    @Test
    void braces_in_comments_strings_and_characters_do_not_count() {
        assertEquals(new Braces(0, 0, -1), Braces.of("if (a) { b(\"}\"); c('{'); } // }\n/* { */"));
        Braces cut = Braces.of("  return x;\n}\nvoid next() {\n  if (y) {\n");
        assertEquals(1, cut.closedFirst());
        assertEquals(2, cut.open());
        assertEquals("  return x;\n}\nvoid next() ".length(), cut.firstUnclosed());
        assertEquals(new Braces(0, 1, 0), Braces.of("{ String s = \"\"\"\n  }\n  \"\"\";"));
    }

    @Test
    void a_hunk_that_cuts_a_method_after_an_added_early_return_still_reports_the_leak() throws DiffFormatException {
        String diff = """
                diff --git a/src/main/java/acme/ReportDao.java b/src/main/java/acme/ReportDao.java
                --- a/src/main/java/acme/ReportDao.java
                +++ b/src/main/java/acme/ReportDao.java
                @@ -41,5 +41,8 @@ public class ReportDao {
                     public int countOpen(String team) throws SQLException {
                -        try (Connection c = dataSource.getConnection()) {
                +        Connection c = dataSource.getConnection();
                +        {
                             if (team.isEmpty()) {
                +                return 0;
                +            }
                             try (PreparedStatement ps = c.prepareStatement(COUNT_SQL)) {
                                 ps.setString(1, team);
                """;
        List<Finding> findings = review(diff);
        // the method's end is not shown: the close may come after the hunk, so the finding fails no gate
        assertEquals(List.of("42:LOW"), at(findings, "RES-01"), findings.toString());
    }

    @Test
    void the_same_cut_hunk_with_try_with_resources_reports_nothing() throws DiffFormatException {
        String diff = """
                diff --git a/src/main/java/acme/ReportDao.java b/src/main/java/acme/ReportDao.java
                --- a/src/main/java/acme/ReportDao.java
                +++ b/src/main/java/acme/ReportDao.java
                @@ -41,6 +41,9 @@ public class ReportDao {
                     public int countOpen(String team) throws SQLException {
                         try (Connection c = dataSource.getConnection()) {
                             if (team.isEmpty()) {
                +                return 0;
                +            }
                +            if (team.isBlank()) {
                                 return -1;
                             }
                             try (PreparedStatement ps = c.prepareStatement(COUNT_SQL)) {
                """;
        assertEquals(List.of(), at(review(diff), "RES-01"));
    }

    @Test
    void a_whole_method_before_the_cut_one_keeps_its_high_confidence() throws DiffFormatException {
        String diff = """
                diff --git a/src/main/java/acme/Keys.java b/src/main/java/acme/Keys.java
                --- a/src/main/java/acme/Keys.java
                +++ b/src/main/java/acme/Keys.java
                @@ -35,9 +35,8 @@ public class Keys {
                 
                     long lastKey(Connection connection) throws SQLException {
                -        try (Statement st = connection.createStatement()) {
                -            st.execute(NEXT_SQL);
                -        }
                +        Statement st = connection.createStatement();
                +        st.execute(NEXT_SQL);
                     }
                 
                     void reset() {
                         counter.set(0);
                """;
        assertEquals(List.of("37:HIGH"), at(review(diff), "RES-01"));
    }

    @Test
    void a_hunk_that_starts_inside_a_catch_is_read_as_the_end_of_a_try() throws DiffFormatException {
        String diff = """
                diff --git a/src/main/java/acme/Pump.java b/src/main/java/acme/Pump.java
                --- a/src/main/java/acme/Pump.java
                +++ b/src/main/java/acme/Pump.java
                @@ -60,6 +60,7 @@ public final class Pump implements Runnable {
                             } catch (IOException e) {
                                 log.warn("read failed", e);
                             }
                -            try (FileInputStream in = new FileInputStream(spool)) {
                +            FileInputStream in = new FileInputStream(spool);
                +            {
                                 copy(in, out);
                             }
                """;
        List<Finding> findings = review(diff);
        assertTrue(at(findings, "RES-01").contains("63:LOW"), findings.toString());
    }

    /** A catch on the line after its try's closing brace, whose try the hunk does not show. */
    private static final String QUIET_SLEEP = """
            diff --git a/src/main/java/acme/Pause.java b/src/main/java/acme/Pause.java
            --- a/src/main/java/acme/Pause.java
            +++ b/src/main/java/acme/Pause.java
            @@ -56,7 +56,6 @@ public final class Pause
                   }
                   catch (InterruptedException e) {
                      // nothing to do
            -         currentThread().interrupt();
                   }
                }
             
            """;

    @Test
    void a_catch_whose_try_is_above_the_hunk_is_still_read_and_its_deleted_restore_found()
            throws DiffFormatException {
        assertEquals(List.of("57:HIGH"), at(review(QUIET_SLEEP), "CONC-05"));
        String keeps = QUIET_SLEEP.replace("@@ -56,7 +56,6 @@", "@@ -56,6 +56,7 @@")
                .replace("-         currentThread().interrupt();", "+         currentThread().interrupt();")
                .replace("          // nothing to do\n", "-         // nothing to do\n+         // restore the flag\n");
        assertEquals(List.of(), at(review(keeps), "CONC-05"));
    }

    @Test
    void a_thread_that_stops_interrupting_itself_is_found() throws DiffFormatException {
        String diff = """
                diff --git a/src/main/java/acme/Reaper.java b/src/main/java/acme/Reaper.java
                --- a/src/main/java/acme/Reaper.java
                +++ b/src/main/java/acme/Reaper.java
                @@ -76,7 +76,6 @@ public class Reaper {
                                 }
                                 pending.clear();
                             } catch (final InterruptedException e) {
                -                interrupt();
                                 continue;
                             }
                         }
                """;
        assertEquals(List.of("78:HIGH"), at(review(diff), "CONC-05"));
    }
}
