package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.format.ChecklistItem;
import kb.review.Reviews;
import kb.review.diff.HeadTree;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repo mode resolves Java types as they are at {@code --head}: a real repository whose working tree differs from
 * the commit under review (a file deleted or rewritten after it) gives the findings of the commit.
 */
class HeadTypesTest {

    private static final String RULE = "java-closeable-outside-try-with-resources";
    private static final String QUERIES = """
            package acme.db;

            import java.sql.Connection;

            public final class Queries {
                public static final class Cursor {
                    public Cursor executeQuery() {
                        return this;
                    }
                }

                public static %s prepare(Connection c, String sql) throws Exception {
                    return %s;
                }
            }
            """;
    private static final String REPORT = """
            package acme.app;

            import acme.db.Queries;
            import java.sql.Connection;

            class Report {
                int count(Connection c) throws Exception {
                    var cursor = Queries.prepare(c, "SELECT count(*) FROM t");
                    var rows = cursor.executeQuery();
                    return rows.getInt(1);
                }
            }
            """;

    @TempDir
    Path repo;

    private void write(String path, String text) throws Exception {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                .setSign(false).call();
    }

    private List<Integer> lines() throws Exception {
        Reviews.Result r = Reviews.run(new Reviews.Request(Path.of("content"), new Reviews.GitRange(repo, "main",
                "feature"), repo, "added", List.of(), null, ChecklistItem.Severity.BLOCKER, Reviews.Format.JSON,
                "http://localhost:7070", 50));
        List<Integer> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(r.text()).path("findings")) {
            if (f.path("rule").asText().equals(RULE) && f.path("confidence").asText().equals("high")) {
                out.add(f.path("line").asInt());
            }
        }
        return out;
    }

    /** main holds the factory; feature adds the caller. Returns the open repository, on branch feature. */
    private Git branches(String returns, String value) throws Exception {
        Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        write("src/main/java/acme/db/Queries.java", QUERIES.formatted(returns, value));
        commit(git, "base");
        git.checkout().setCreateBranch(true).setName("feature").call();
        write("src/main/java/acme/app/Report.java", REPORT);
        commit(git, "feature");
        return git;
    }

    @Test
    void a_factory_type_at_head_is_used_even_when_the_working_tree_no_longer_has_the_file() throws Exception {
        try (Git git = branches("java.sql.PreparedStatement", "c.prepareStatement(sql)")) {
            assertEquals(List.of(9), lines());
            // the working tree loses the factory (an uncommitted delete): the commit still has it
            Files.delete(repo.resolve("src/main/java/acme/db/Queries.java"));
            assertEquals(List.of(9), lines());
        }
    }

    @Test
    void a_working_tree_edit_that_the_commit_does_not_have_changes_nothing() throws Exception {
        try (Git git = branches("Cursor", "new Cursor()")) {
            assertEquals(List.of(), lines());
            // uncommitted: the factory now returns a statement, but the commit under review returns a String
            write("src/main/java/acme/db/Queries.java", QUERIES.formatted("java.sql.PreparedStatement",
                    "c.prepareStatement(sql)"));
            assertEquals(List.of(), lines());
        }
    }

    @Test
    void the_head_tree_holds_only_the_commits_java_files_and_is_removed_on_close() throws Exception {
        try (Git git = branches("Cursor", "new Cursor()")) {
            write("src/main/java/acme/app/Uncommitted.java", "package acme.app; class Uncommitted {}");
            write("README.md", "text");
            commit(git, "readme");
            Files.delete(repo.resolve("src/main/java/acme/app/Uncommitted.java"));
            Path dir;
            try (HeadTree tree = HeadTree.write(repo, "feature")) {
                dir = tree.dir();
                assertEquals(3, tree.files());
                assertTrue(Files.isRegularFile(dir.resolve("src/main/java/acme/app/Uncommitted.java")));
                assertFalse(Files.exists(dir.resolve("README.md")));
            }
            assertFalse(Files.exists(dir));
        }
    }
}
