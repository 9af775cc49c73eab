package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.format.ChecklistItem;
import kb.review.Reviews;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RES-04's "every caller is one-time" looks for callers in the whole checkout in repo and files mode: a helper that
 * opens a pool is start-up work when only main calls it, from whichever package, and per-request work as soon as a
 * handler anywhere calls it.
 */
class CheckoutCallersTest {

    private static final String MIGRATE = """
            package store

            import "database/sql"

            func Migrate(dsn string) error {
            \tdb, err := sql.Open("postgres", dsn)
            \tif err != nil {
            \t\treturn err
            \t}
            \tdefer db.Close()
            \t_, err = db.Exec("CREATE TABLE IF NOT EXISTS t (id int)")
            \treturn err
            }
            """;
    private static final String MAIN = """
            package main

            import (
            \t"os"

            \t"example.com/app/store"
            )

            func main() {
            \tif err := store.Migrate(os.Getenv("DSN")); err != nil {
            \t\tpanic(err)
            \t}
            }
            """;
    private static final String ADMIN = """
            package api

            import (
            \t"net/http"

            \t"example.com/app/store"
            )

            func (h *Admin) Reset(w http.ResponseWriter, r *http.Request) {
            \tif err := store.Migrate(h.dsn); err != nil {
            \t\thttp.Error(w, err.Error(), 500)
            \t}
            }
            """;

    /** The same helper also run by its own file's init: seen from that file alone, every caller is one-time. */
    private static final String MIGRATE_AND_INIT = MIGRATE + "\nfunc init() {\n\t_ = Migrate(\"dbname=boot\")\n}\n";

    @TempDir
    Path dir;

    private void write(Path root, String rel, String text) throws Exception {
        Files.createDirectories(root.resolve(rel).getParent());
        Files.writeString(root.resolve(rel), text);
    }

    private static List<String> findings(Reviews.Change change, Path repo) throws Exception {
        Reviews.Result r = Reviews.run(new Reviews.Request(Path.of("content"), change, repo, "added", List.of(), null,
                ChecklistItem.Severity.BLOCKER, Reviews.Format.JSON, "http://localhost:7070", 50));
        List<String> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(r.text()).path("findings")) {
            if (f.path("rule").asText().endsWith("-per-call")) {
                out.add(f.path("path").asText() + ":" + f.path("line").asInt());
            }
        }
        return out;
    }

    @Test
    void a_helper_called_only_from_main_in_another_package_is_one_time_in_files_mode() throws Exception {
        write(dir, "store/migrate.go", MIGRATE);
        write(dir, "cmd/server/main.go", MAIN);
        assertEquals(List.of(), findings(new Reviews.WholeFiles(dir, List.of(Path.of("store/migrate.go"))), dir));
        // pasted as a diff, no caller is in sight: the pool may be opened per call
        String diff = "diff --git a/store/migrate.go b/store/migrate.go\nnew file mode 100644\n--- /dev/null\n"
                + "+++ b/store/migrate.go\n@@ -0,0 +1,13 @@\n" + MIGRATE.lines().map(l -> "+" + l + "\n")
                .collect(java.util.stream.Collectors.joining());
        assertEquals(List.of("store/migrate.go:6"), findings(new Reviews.DiffText(diff::getBytes), dir));
    }

    @Test
    void one_per_request_caller_anywhere_in_the_checkout_makes_it_a_finding_in_repo_mode() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo, "cmd/server/main.go", MAIN);
            write(repo, "api/admin.go", ADMIN);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("base").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
            git.checkout().setCreateBranch(true).setName("feature").call();
            write(repo, "store/migrate.go", MIGRATE_AND_INIT);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("feature").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
            assertEquals(List.of("store/migrate.go:6"), findings(new Reviews.GitRange(repo, "main", "feature"), repo));
            // the same change where only main calls it
            git.checkout().setName("main").call();
            git.rm().addFilepattern("api/admin.go").call();
            git.commit().setMessage("no admin").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
            git.checkout().setCreateBranch(true).setName("feature2").call();
            write(repo, "store/migrate.go", MIGRATE_AND_INIT);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("feature2").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
            assertEquals(List.of(), findings(new Reviews.GitRange(repo, "main", "feature2"), repo));
        }
    }

    @Test
    void java_callers_in_other_classes_decide_too_and_a_static_main_is_one_time() throws Exception {
        String reports = """
                package acme.reports;

                import java.net.http.HttpClient;

                public class Reports {
                    public void export() throws Exception {
                        HttpClient client = HttpClient.newBuilder().build();
                        client.send(null, null);
                    }
                }
                """;
        write(dir, "src/main/java/acme/reports/Reports.java", reports);
        write(dir, "src/main/java/acme/App.java", """
                package acme;

                public class App {
                    public static void main(String[] args) throws Exception {
                        new acme.reports.Reports().export();
                    }
                }
                """);
        Reviews.WholeFiles change = new Reviews.WholeFiles(dir,
                List.of(Path.of("src/main/java/acme/reports/Reports.java")));
        assertEquals(List.of(), findings(change, dir));
        write(dir, "src/main/java/acme/web/ExportHandler.java", """
                package acme.web;

                public class ExportHandler {
                    void handle(Object request) throws Exception {
                        new acme.reports.Reports().export();
                    }
                }
                """);
        assertEquals(List.of("src/main/java/acme/reports/Reports.java:7"), findings(change, dir));
    }
}
