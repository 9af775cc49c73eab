package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.review.analysis.Callers;
import kb.review.analysis.Checkout;
import kb.review.analysis.CheckoutTypes;
import kb.review.diff.DiffFilter;
import kb.review.diff.RepoChange;
import kb.review.diff.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java types declared in other files of the checkout, resolved for a review in files (and repo) mode. */
class CheckoutTypesTest {

    private static final String RULE = "java-closeable-outside-try-with-resources";

    @TempDir
    Path checkout;

    private void write(String path, String text) throws IOException {
        Path p = checkout.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<Finding> review(String changed, boolean withCheckout) throws IOException {
        List<SourceFile> files = RepoChange.fromFiles(checkout, List.of(Path.of(changed)));
        try (Checkout types = withCheckout ? new Checkout(CheckoutTypes.of(checkout, Map.of(changed,
                files.get(0).text())), Callers.NONE) : Checkout.NONE) {
            return TestRules.reviewer().review("files", files, List.of(), types, SarifImport.Result.none(),
                    DiffFilter.ADDED).active().stream().filter(f -> f.rule().equals(RULE)).toList();
        }
    }

    /** A checkout whose database helpers live in another module's source root than the code that calls them. */
    private void helpers() throws IOException {
        write("db/src/main/java/acme/db/Queries.java", """
                package acme.db;

                import java.sql.Connection;
                import java.sql.PreparedStatement;

                public final class Queries {
                    public static PreparedStatement prepare(Connection c, String sql) throws Exception {
                        PreparedStatement p = c.prepareStatement(sql);
                        p.setQueryTimeout(5);
                        return p;
                    }
                }
                """);
        write("db/src/main/java/acme/db/Repository.java", """
                package acme.db;

                import java.sql.Statement;

                public interface Repository {
                    Statement statement() throws Exception;
                }
                """);
    }

    @Test
    void a_local_typed_by_a_factory_declared_in_another_file_of_the_checkout_is_a_sure_match() throws IOException {
        helpers();
        String changed = "app/src/main/java/acme/app/Report.java";
        write(changed, """
                package acme.app;

                import acme.db.Queries;
                import acme.db.Repository;
                import java.sql.Connection;

                class Report {
                    int count(Connection c, Repository repo) throws Exception {
                        var cursor = Queries.prepare(c, "SELECT count(*) FROM t");
                        var rows = cursor.executeQuery();
                        var other = repo.statement();
                        var more = other.executeQuery("SELECT 1");
                        return rows.getInt(1) + more.getInt(1);
                    }
                }
                """);
        // neither receiver is named like a statement: only its type, found in the other files, makes it one
        List<Finding> found = review(changed, true);
        assertEquals(List.of(10, 12), found.stream().map(Finding::line).toList(), found.toString());
        assertTrue(found.stream().allMatch(f -> f.confidence() == Finding.Confidence.HIGH), found.toString());
        // switched off, the same file's result sets are not known to be result sets at all
        assertEquals(List.of(), review(changed, false));
    }

    @Test
    void an_unknown_type_a_broken_file_or_a_missing_root_leaves_the_name_based_match_and_never_fails()
            throws IOException {
        helpers();
        write("db/src/main/java/acme/db/Broken.java", "package acme.db; public class Broken { void x( }");
        String changed = "loose/Report.java";
        write(changed, """
                import acme.db.Broken;
                import acme.missing.Nowhere;

                class Report {
                    int count(Broken b) throws Exception {
                        var stmt = Nowhere.open();
                        var rs = stmt.executeQuery();
                        var other = b.statement();
                        var more = other.executeQuery("SELECT 1");
                        return rs.getInt(1) + more.getInt(1);
                    }
                }
                """);
        List<Finding> found = review(changed, true);
        // stmt is matched by its name only (the note says so; a name match no longer lowers confidence, see
        // Hit.calibrated); other is neither typed nor named like a statement
        assertEquals(List.of(7), found.stream().map(Finding::line).toList(), found.toString());
        assertEquals(Hit.BY_NAME, found.get(0).note());
    }
}
