package kb.cli;

import kb.review.engine.TestRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code review} command end to end, on a real Git repository made for the test. */
class ReviewCommandTest {

    @TempDir
    static Path tmp;
    static Path content;
    static Path repo;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        content = tmp.resolve("content");
        Files.createDirectories(content);
        copy(TestRules.CATALOG.resolve("checklist"), content.resolve("checklist"));
        copy(TestRules.CATALOG.resolve("incidents"), content.resolve("incidents"));
        copy(TestRules.RULES, content.resolve("rules"));

        repo = tmp.resolve("repo");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            write("svc/client.go", "package svc\n\nfunc Get(url string) int {\n\treturn 0\n}\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("base").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
            git.branchCreate().setName("feature").call();
            git.checkout().setName("feature").call();
            write("svc/client.go", """
                    package svc

                    func Get(url string) int {
                    	resp, err := http.Get(url)
                    	if err != nil {
                    		return 0
                    	}
                    	defer resp.Body.Close()
                    	return resp.StatusCode
                    }
                    """);
            write("svc/Timer.java", """
                    class Timer {
                        void start(java.util.concurrent.ScheduledExecutorService s) {
                            s.scheduleAtFixedRate(() -> tick(), 0, 1, java.util.concurrent.TimeUnit.SECONDS);
                        }

                        void tick() {
                            work();
                        }
                    }
                    """);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("feature").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
        }
    }

    private static void write(String rel, String text) throws IOException {
        Path p = repo.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p)) {
                    copy(p, to.resolve(p.getFileName().toString())); // rules/models
                } else {
                    Files.copy(p, to.resolve(p.getFileName().toString()));
                }
            }
        }
    }

    @Test
    void test_files_pass_the_gate_unless_include_tests_asks_for_them(@TempDir Path dir) throws IOException {
        String test = """
                package svc

                import "net/http"

                func fetch(url string) int {
                	resp, _ := http.Get(url)
                	return resp.StatusCode
                }
                """;
        Path diff = dir.resolve("tests.diff");
        Files.writeString(diff, "diff --git a/svc/fetch_test.go b/svc/fetch_test.go\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/svc/fetch_test.go\n@@ -0,0 +1,8 @@\n" + test.lines().map(l -> "+" + l + "\n")
                .collect(java.util.stream.Collectors.joining()));
        Run skipped = run("--diff", diff.toString(), "--format", "json");
        assertEquals(0, skipped.code(), skipped.out());
        JsonNode json = new ObjectMapper().readTree(skipped.out());
        assertEquals("svc/fetch_test.go", json.path("testFilesNotReviewed").path(0).asText(), skipped.out());
        assertEquals(0, json.path("findings").size(), skipped.out());

        Run included = run("--diff", diff.toString(), "--format", "json", "--include-tests");
        assertEquals(1, included.code(), included.out());
        assertTrue(new ObjectMapper().readTree(included.out()).path("findings").size() > 0, included.out());
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReviewCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--content";
        all[args.length + 1] = content.toString();
        int code = cl.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void repo_mode_reviews_what_the_branch_adds_with_whole_files_and_gates_on_the_fail_level() throws IOException {
        Run blocker = run("--repo", repo.toString(), "--base", "main", "--head", "feature", "--format", "json");
        assertEquals(1, blocker.code(), blocker.err());
        JsonNode json = new ObjectMapper().readTree(blocker.out());
        assertEquals("repo", json.path("mode").asText());
        assertEquals(2, json.path("files").size());
        java.util.List<String> rules = new java.util.ArrayList<>();
        json.path("findings").forEach(f -> rules.add(f.path("rule").asText() + "@" + f.path("line").asInt()));
        assertEquals(java.util.List.of("java-scheduled-task-without-catch@3", "go-http-default-client@4"), rules,
                "the body is closed, which only the whole file shows");
        assertEquals("high", json.at("/findings/0/confidence").asText());
    }

    @Test
    void repo_and_files_modes_look_up_helpers_in_the_unchanged_files_of_the_changed_package(@TempDir Path dir)
            throws Exception {
        Path pkgRepo = dir.resolve("pkg-repo");
        // the helper is unchanged and only reads the file: the handle opened in the change leaks through it
        String helper = "package svc\n\nimport \"os\"\n\nfunc size(f *os.File) int64 {\n\tst, err := f.Stat()\n"
                + "\tif err != nil {\n\t\treturn 0\n\t}\n\treturn st.Size()\n}\n";
        String change = "package svc\n\nimport \"os\"\n\nfunc Size(path string) int64 {\n\tf, err := os.Open(path)\n"
                + "\tif err != nil {\n\t\treturn 0\n\t}\n\treturn size(f)\n}\n";
        try (Git git = Git.init().setDirectory(pkgRepo.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(pkgRepo.resolve("svc"));
            Files.writeString(pkgRepo.resolve("svc/meta.go"), helper);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("base").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
            git.checkout().setCreateBranch(true).setName("feature").call();
            Files.writeString(pkgRepo.resolve("svc/read.go"), change);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("feature").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
                    .setSign(false).call();
        }
        Run repoMode = run("--repo", pkgRepo.toString(), "--base", "main", "--head", "feature", "--format", "json",
                "--fail-level", "blocker");
        Run filesMode = run("--repo", pkgRepo.toString(), "--files", "svc/read.go", "--format", "json",
                "--fail-level", "blocker");
        Path diff = dir.resolve("change.diff");
        Files.writeString(diff, "diff --git a/svc/read.go b/svc/read.go\nnew file mode 100644\n--- /dev/null\n"
                + "+++ b/svc/read.go\n@@ -0,0 +1,11 @@\n" + change.lines().map(l -> "+" + l + "\n")
                .collect(java.util.stream.Collectors.joining()));
        Run diffMode = run("--diff", diff.toString(), "--format", "json", "--fail-level", "blocker");
        for (Run r : java.util.List.of(repoMode, filesMode)) {
            JsonNode json = new ObjectMapper().readTree(r.out());
            java.util.List<String> found = new java.util.ArrayList<>();
            json.path("findings").forEach(f -> found.add(f.path("path").asText() + ":" + f.path("rule").asText()
                    + "@" + f.path("line").asInt()));
            // the unchanged file is read for its helper, and nothing is reported in it
            assertEquals(java.util.List.of("svc/read.go:go-resource-not-closed@6"), found, r.err());
        }
        // without a checkout the helper is unknown: at most a low-confidence finding that names it, and the gate passes
        JsonNode alone = new ObjectMapper().readTree(diffMode.out());
        alone.path("findings").forEach(f -> assertTrue(f.path("confidence").asText().equals("low")
                && f.path("note").asText().startsWith("handed to `size`"), diffMode.out()));
        assertEquals(0, diffMode.code(), diffMode.out());
    }

    @Test
    void findings_below_the_fail_level_exit_zero_and_an_empty_change_passes() throws IOException {
        Path diff = tmp.resolve("warning-only.diff");
        Files.writeString(diff, """
                diff --git a/w.go b/w.go
                --- a/w.go
                +++ b/w.go
                @@ -1,1 +1,2 @@
                 package w
                +	_ = store.Save("x")
                """);
        Run warning = run("--diff", diff.toString(), "--format", "json");
        assertEquals(0, warning.code(), warning.out() + warning.err());
        assertTrue(warning.out().contains("\"severity\" : \"warning\""), warning.out());
        assertEquals(1, run("--diff", diff.toString(), "--fail-level", "warning").code());

        Run empty = run("--repo", repo.toString(), "--base", "feature", "--head", "feature");
        assertEquals(0, empty.code(), empty.err());
        assertTrue(empty.out().contains("## Checklist review: passed"), empty.out());
    }

    @Test
    void sarif_goes_to_the_output_file_and_stdout_stays_empty() throws IOException {
        Path out = tmp.resolve("review.sarif");
        Run r = run("--repo", repo.toString(), "--base", "main", "--head", "feature", "--format", "sarif",
                "--output", out.toString(), "--fail-level", "advice");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        JsonNode sarif = new ObjectMapper().readTree(Files.readString(out));
        assertEquals("2.1.0", sarif.path("version").asText());
        assertEquals(2, sarif.at("/runs/0/results").size());
    }

    @Test
    void a_diff_file_is_reviewed_without_a_checkout_and_imports_map_onto_items() throws IOException {
        Path diff = tmp.resolve("change.diff");
        Files.writeString(diff, """
                diff --git a/pkg/a.go b/pkg/a.go
                --- a/pkg/a.go
                +++ b/pkg/a.go
                @@ -1,1 +1,2 @@
                 package pkg
                +var p = uintptr(unsafe.Pointer(&x))
                """);
        Path sarif = tmp.resolve("gosec.sarif");
        Files.writeString(sarif, """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "gosec"}},
                  "results": [
                    {"ruleId": "G103", "level": "warning", "message": {"text": "Use of unsafe calls should be audited"},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "pkg/a.go"},
                                    "region": {"startLine": 2}}}]},
                    {"ruleId": "G104", "message": {"text": "Errors unhandled"},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "pkg/a.go"},
                                    "region": {"startLine": 1}}}]}]}]}
                """);
        Run r = run("--diff", diff.toString(), "--import", sarif.toString(), "--format", "json");
        assertEquals(1, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.path("unmappedImports").asInt());
        java.util.List<String> got = new java.util.ArrayList<>();
        json.path("findings").forEach(f -> got.add(f.path("origin").asText() + ":" + f.path("rule").asText() + ":"
                + f.path("item").asText()));
        assertEquals(java.util.List.of("gosec:G103:MEM-01", "kb:go-unsafe-pointer:MEM-01"), got);
    }

    @Test
    void a_malformed_diff_exits_two_and_names_the_line() throws IOException {
        Path diff = tmp.resolve("bad.diff");
        Files.writeString(diff, "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,3 +1,4 @@\n package a\n");
        Run r = run("--diff", diff.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("review: diff line 4: "), r.err());
    }

    @Test
    void wrong_usage_exits_two_with_a_reason() {
        Run none = run("--format", "json");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("give exactly one of --base REV, --diff FILE or --files PATH..."), none.err());
        Run badFormat = run("--diff", "x.diff", "--format", "xml");
        assertEquals(2, badFormat.code());
        assertTrue(badFormat.err().contains("--format must be one of markdown, sarif, json, rdjson, github, junit"),
                badFormat.err());
        Run badRev = run("--repo", repo.toString(), "--base", "no-such-branch");
        assertEquals(2, badRev.code());
        assertTrue(badRev.err().contains("revision 'no-such-branch' not found"), badRev.err());
    }

    @Test
    void files_mode_reviews_whole_files_as_added() {
        Run r = run("--repo", repo.toString(), "--files", "svc", "--format", "github", "--fail-level", "blocker");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("::error file=svc/Timer.java,line=3,"), r.out());
    }
}
