package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kb.format.ChecklistItem;
import kb.review.Reviews;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classes of the reversed real fixes reviewed as checkouts ({@code review --repo DIR --base REV}; see the realfixes
 * README): a pull request that deletes a release. The whole-file analysis follows most values, but not one whose
 * release it credits to a helper run later (a timer's drain in another file of the package), nor a per-thread
 * context reset through a framework call; the deletion is still the change's act, and in a checkout the acquisition
 * is visible however far above the hunk it is, so the finding stands on it. Each class is paired with its clean
 * look-alike, in a temporary Git checkout with a base branch and a feature branch.
 */
class RepoModeClassesTest {

    @TempDir
    Path dir;

    private static void write(Path root, String rel, String text) throws Exception {
        Files.createDirectories(root.resolve(rel).getParent());
        Files.writeString(root.resolve(rel), text);
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setAll(true).setMessage(message).setAuthor("t", "t@example.com")
                .setCommitter("t", "t@example.com").setSign(false).call();
    }

    /** The findings of {@code rule} on what branch {@code feature} adds since {@code main}. */
    private static List<JsonNode> repoFindings(Path repo, String rule) throws Exception {
        Reviews.Result r = Reviews.run(new Reviews.Request(Path.of("content"), new Reviews.GitRange(repo, "main",
                "feature"), repo, "added", List.of(), null, ChecklistItem.Severity.BLOCKER, Reviews.Format.JSON,
                "http://localhost:7070", 50));
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(r.text()).path("findings")) {
            if (rule == null || f.path("rule").asText().equals(rule)) {
                out.add(f);
            }
        }
        return out;
    }

    /** A base commit with {@code base}, a feature branch whose commit turns {@code path} into {@code feature}. */
    private Path checkout(String path, String base, String feature, String... others) throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write(repo, "go.mod", "module example.com/app\n\ngo 1.21\n");
            for (int i = 0; i < others.length; i += 2) {
                write(repo, others[i], others[i + 1]);
            }
            write(repo, path, base);
            commit(git, "base");
            git.checkout().setCreateBranch(true).setName("feature").call();
            write(repo, path, feature);
            commit(git, "feature");
        }
        return repo;
    }

    /** Forty lines of work between the acquisition and the release: more than a diff's context shows. */
    private static final String WORK = IntStream.range(0, 40).mapToObj(i -> "\ts.sent += " + i + "\n")
            .collect(Collectors.joining());

    private static final String DRAIN = """
            package sender

            import (
            \t"io"
            \t"net/http"
            )

            // drain closes a response's body once whoever reads it has given up.
            func drain(resp *http.Response) {
            \t_, _ = io.Copy(io.Discard, resp.Body)
            \tresp.Body.Close()
            }
            """;

    private static final String POST = """
            package sender

            import (
            \t"io"
            \t"net/http"
            \t"time"
            )

            type Sender struct {
            \tc    *http.Client
            \tsent int
            }

            func (s *Sender) Post(req *http.Request) ([]byte, error) {
            \tresp, err := s.c.Do(req)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \t// a slow peer: the body is drained in the background after a minute
            \ttime.AfterFunc(time.Minute, func() { drain(resp) })
            %s\tbody, err := io.ReadAll(resp.Body)
            %s\treturn body, err
            }
            """;

    @Test
    void go_body_close_deleted_far_below_its_acquisition_is_reported_on_the_acquisition() throws Exception {
        Path repo = checkout("sender/post.go", POST.formatted(WORK, "\tresp.Body.Close()\n"),
                POST.formatted(WORK, ""), "sender/drain.go", DRAIN);
        List<JsonNode> found = repoFindings(repo, "removed-release");
        assertEquals(1, found.size(), found.toString());
        // the acquisition, 40 lines above the hunk: `resp, err := s.c.Do(req)`
        assertEquals(15, found.get(0).path("line").asInt(), found.toString());
        assertEquals("RES-02", found.get(0).path("item").asText());
    }

    @Test
    void go_body_close_moved_into_a_defer_below_the_check_is_not_reported() throws Exception {
        String base = POST.formatted(WORK, "\tresp.Body.Close()\n");
        String moved = POST.formatted(WORK, "").replace("\t// a slow peer", "\tdefer resp.Body.Close()\n\t// a slow peer");
        Path repo = checkout("sender/post.go", base, moved, "sender/drain.go", DRAIN);
        assertEquals(List.of(), repoFindings(repo, "removed-release"));
        assertEquals(List.of(), repoFindings(repo, "go-response-body-not-closed"));
    }

    private static final String READER = """
            package store

            import (
            \t"io"
            \t"os"
            )

            func Copy(path string, w io.Writer) error {
            \tsrc := newLazyReader(
            \t\tfunc() (io.ReadCloser, error) {
            \t\t\treturn os.Open(path)
            \t\t},
            \t)
            \tif err := prepare(w); err != nil {
            \t\treturn err
            \t}
            %s\t_, err := io.Copy(w, src)
            \treturn err
            }
            """;

    @Test
    void go_acquisition_whose_call_takes_a_function_literal_is_found_past_the_literal() throws Exception {
        // the literal's `func() (...) {` line is not the header of another function: the search goes on to `src :=`
        Path repo = checkout("store/copy.go", READER.formatted("\tdefer src.Close()\n"), READER.formatted(""));
        List<JsonNode> found = repoFindings(repo, "removed-release");
        assertEquals(1, found.size(), found.toString());
        assertEquals(9, found.get(0).path("line").asInt(), found.toString());
    }

    private static final String FILES = """
            package store

            import "os"

            var logFile *os.File

            func Open(path string) error {
            \tf, err := os.Create(path)
            \tif err != nil {
            \t\treturn err
            \t}
            \tlogFile = f
            \treturn nil
            }

            func Rotate(next string) error {
            \tlogFile.Sync()
            %s\treturn os.Rename(next, next+".1")
            }
            """;

    @Test
    void a_close_deleted_in_a_function_that_does_not_acquire_the_value_stays_on_the_deletion() throws Exception {
        // the assignment in Open above belongs to another function: the search for the acquisition stops at the
        // header of Rotate, so the finding is where the close stood, not on Open's line 12
        Path repo = checkout("store/log.go", FILES.formatted("\tlogFile.Close()\n"), FILES.formatted(""));
        List<JsonNode> found = repoFindings(repo, "removed-release");
        assertEquals(1, found.size(), found.toString());
        assertEquals(18, found.get(0).path("line").asInt(), found.toString());
        assertEquals("RES-01", found.get(0).path("item").asText());
    }

    private static final String SERVLET = """
            package acme.web;

            import acme.context.RequestContext;

            public class FrontServlet {
                private final java.util.Map<String, String> cache = new java.util.HashMap<>();

                public void service(String request) {
                    try {
                        RequestContext.getCurrentContext().set("request", request);
                        route(request);
                    } finally {
            %s        }
                }

                private void route(String request) {
                    cache.put(request, request);
                }
            }
            """;
    private static final String CONTEXT = """
            package acme.context;

            public class RequestContext {
                private static final ThreadLocal<RequestContext> CURRENT = ThreadLocal.withInitial(RequestContext::new);

                public static RequestContext getCurrentContext() {
                    return CURRENT.get();
                }

                public void set(String key, Object value) {
                }

                public void unset() {
                    CURRENT.remove();
                }
            }
            """;

    @Test
    void java_per_thread_context_reset_deleted_from_a_finally_is_reported_in_repo_mode() throws Exception {
        Path repo = checkout("src/main/java/acme/web/FrontServlet.java",
                SERVLET.formatted("            RequestContext.getCurrentContext().unset();\n"), SERVLET.formatted(""),
                "src/main/java/acme/context/RequestContext.java", CONTEXT);
        List<JsonNode> found = repoFindings(repo, "removed-release");
        assertEquals(1, found.size(), found.toString());
        assertEquals("CONC-04", found.get(0).path("item").asText());
    }

    @Test
    void java_local_cache_cleared_no_more_is_not_a_per_thread_reset() throws Exception {
        Path repo = checkout("src/main/java/acme/web/FrontServlet.java",
                SERVLET.formatted("            cache.clear();\n"), SERVLET.formatted(""),
                "src/main/java/acme/context/RequestContext.java", CONTEXT);
        assertEquals(List.of(), repoFindings(repo, "removed-release"));
    }
}
