package kb.review.engine;

import kb.review.diff.ChangedFile;
import kb.review.diff.DiffFilter;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kb.format.ChecklistItem.Severity;
import org.junit.jupiter.api.Test;

class ReviewerTest {

    private static final String GO_FILE = """
            package api

            import "net/http"

            func Status(url string) int {
            	resp, err := http.Get(url)
            	if err != nil {
            		return 0
            	}
            	code := resp.StatusCode
            	log.Println("status", code)
            	return code
            }
            """;

    /** Line 10 is changed; the http.Get on line 6 is context. */
    private static final String GO_DIFF = """
            diff --git a/api/status.go b/api/status.go
            --- a/api/status.go
            +++ b/api/status.go
            @@ -7,7 +7,7 @@ func Status(url string) int {
             	if err != nil {
             		return 0
             	}
            -	code := resp.Status
            +	code := resp.StatusCode
             	log.Println("status", code)
             	return code
             }
            """;

    private static List<SourceFile> pasted(String diff) throws DiffFormatException {
        return DiffParser.parse(diff).stream().map(SourceFile::fromDiff).toList();
    }

    private static Review review(List<SourceFile> files, DiffFilter filter) {
        return TestRules.reviewer().review("diff", files, SarifImport.Result.none(), filter);
    }

    @Test
    void the_added_filter_keeps_only_findings_on_added_lines_and_file_keeps_the_rest_of_the_file()
            throws DiffFormatException {
        ChangedFile change = DiffParser.parse(GO_DIFF).get(0);
        List<SourceFile> repo = List.of(SourceFile.withContent(change, GO_FILE));
        assertEquals(List.of(), review(repo, DiffFilter.ADDED).findings());
        assertEquals(List.of(), review(repo, DiffFilter.DIFF_CONTEXT).findings(),
                "line 6 is outside the hunk's context");
        List<String> whole = review(repo, DiffFilter.FILE).findings().stream()
                .map(f -> f.line() + ":" + f.rule()).toList();
        assertEquals(List.of("6:go-http-default-client", "6:go-response-body-not-closed"), whole);
    }

    @Test
    void in_paste_mode_a_finding_that_needs_the_whole_function_says_why_and_in_go_that_no_longer_lowers_it()
            throws DiffFormatException {
        String diff = """
                diff --git a/api/status.go b/api/status.go
                --- a/api/status.go
                +++ b/api/status.go
                @@ -6,4 +6,4 @@ func Status(url string) int {
                -	resp, err := fetch(url)
                +	resp, err := http.Get(url)
                 	if err != nil {
                 		return 0
                 	}
                """;
        Finding pastedFinding = review(pasted(diff), DiffFilter.ADDED).findings().stream()
                .filter(f -> f.rule().equals("go-response-body-not-closed")).findFirst().orElseThrow();
        // a partial Go function was right as often as a whole one on real commits (Hit.calibrated); Java's partial
        // methods still lower confidence (CutJavaHunksTest)
        assertEquals(Finding.Confidence.HIGH, pastedFinding.confidence());
        assertEquals(Hit.PARTIAL_FUNCTION, pastedFinding.note());
        Finding lineRule = review(pasted(diff), DiffFilter.ADDED).findings().stream()
                .filter(f -> f.rule().equals("go-http-default-client")).findFirst().orElseThrow();
        assertEquals(Finding.Confidence.HIGH, lineRule.confidence(), "a single line decides this rule");

        ChangedFile change = DiffParser.parse(diff).get(0);
        Finding inRepo = review(List.of(SourceFile.withContent(change, GO_FILE.replace("http.Get(url)",
                "http.Get(url)"))), DiffFilter.ADDED).findings().stream()
                .filter(f -> f.rule().equals("go-response-body-not-closed")).findFirst().orElseThrow();
        assertEquals(Finding.Confidence.HIGH, inRepo.confidence());
        assertNull(inRepo.note());
    }

    @Test
    void repo_mode_sees_a_close_outside_the_hunk_that_paste_mode_cannot() throws DiffFormatException {
        String closed = GO_FILE.replace("\tcode := resp.StatusCode\n", "\tdefer resp.Body.Close()\n"
                + "\tcode := resp.StatusCode\n");
        String diff = """
                diff --git a/api/status.go b/api/status.go
                --- a/api/status.go
                +++ b/api/status.go
                @@ -6,2 +6,2 @@ func Status(url string) int {
                -	resp, err := fetch(url)
                +	resp, err := http.Get(url)
                 	if err != nil {
                """;
        ChangedFile change = DiffParser.parse(diff).get(0);
        List<String> repo = review(List.of(SourceFile.withContent(change, closed)), DiffFilter.ADDED).findings()
                .stream().map(Finding::rule).toList();
        assertEquals(List.of("go-http-default-client"), repo);
        List<String> paste = review(pasted(diff), DiffFilter.ADDED).findings().stream().map(Finding::rule).toList();
        assertEquals(List.of("go-http-default-client", "go-response-body-not-closed"), paste);
    }

    @Test
    void a_java_threadlocal_declared_outside_the_hunk_is_found_in_repo_mode() throws DiffFormatException {
        String file = """
                class Ctx {
                    static final ThreadLocal<String> USER = new ThreadLocal<>();

                    void handle(String u) {
                        USER.set(u);
                        work();
                    }
                }
                """;
        String diff = """
                diff --git a/Ctx.java b/Ctx.java
                --- a/Ctx.java
                +++ b/Ctx.java
                @@ -4,3 +4,3 @@ class Ctx {
                     void handle(String u) {
                -        USER.set(u.trim());
                +        USER.set(u);
                         work();
                """;
        ChangedFile change = DiffParser.parse(diff).get(0);
        List<Finding> repo = review(List.of(SourceFile.withContent(change, file)), DiffFilter.ADDED).findings();
        assertEquals(List.of("5:java-threadlocal-without-finally-remove"),
                repo.stream().map(f -> f.line() + ":" + f.rule()).toList());
        assertEquals(List.of(), review(pasted(diff), DiffFilter.ADDED).findings(),
                "without the field declaration the paste review cannot know USER is a ThreadLocal");
    }

    @Test
    void kb_ignore_on_the_line_before_marks_the_finding_suppressed_and_keeps_it() {
        Review r = TestRules.reviewDiff("""
                diff --git a/a.go b/a.go
                new file mode 100644
                --- /dev/null
                +++ b/a.go
                @@ -0,0 +1,4 @@
                +package a
                +
                +// kb:ignore MEM-01 -- reviewed with the cgo owners, bounds checked in alloc()
                +var p = unsafe.Pointer(&x)
                """);
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertTrue(f.suppressed());
        assertEquals("reviewed with the cgo owners, bounds checked in alloc()", f.suppression().reason());
        assertEquals(3, f.suppression().line());
        assertTrue(r.active().isEmpty());
        assertEquals(Review.Verdict.PASS, r.verdict(Severity.ADVICE));
    }

    @Test
    void kb_ignore_without_a_reason_is_a_finding_as_severe_as_the_one_it_silences() {
        Review r = TestRules.reviewDiff("""
                diff --git a/a.go b/a.go
                new file mode 100644
                --- /dev/null
                +++ b/a.go
                @@ -0,0 +1,2 @@
                +package a
                +var p = unsafe.Pointer(&x) // kb:ignore go-unsafe-pointer
                """);
        Finding noReason = r.active().get(0);
        assertEquals(Suppressions.NO_REASON_RULE, noReason.rule());
        assertEquals(Severity.BLOCKER, noReason.severity());
        assertEquals("MEM-01", noReason.item());
        assertTrue(r.fails(Severity.BLOCKER));
    }

    @Test
    void manual_checks_list_items_whose_path_or_added_line_triggers_match() {
        Review r = TestRules.reviewDiff("""
                diff --git a/pom.xml b/pom.xml
                --- a/pom.xml
                +++ b/pom.xml
                @@ -1,1 +1,2 @@
                 <project>
                +  <dependency>log4j-core</dependency>
                diff --git a/cmd/main.go b/cmd/main.go
                --- a/cmd/main.go
                +++ b/cmd/main.go
                @@ -1,1 +1,2 @@
                 package main
                +var started = time.Now()
                """);
        List<String> items = r.manual().stream().map(ManualCheck::item).toList();
        assertTrue(items.contains("DEP-01"), items.toString());
        assertTrue(items.contains("DEP-02"), items.toString());
        assertEquals("pom.xml changed", r.manual().stream().filter(m -> m.item().equals("DEP-01")).findFirst()
                .orElseThrow().reason());
        assertTrue(r.manual().stream().noneMatch(m -> m.item().equals("TIME-01")),
                "time.Now() alone does not trigger the time-zone check");
    }

    @Test
    void a_deleted_or_binary_file_yields_no_findings() {
        Review r = TestRules.reviewDiff("""
                diff --git a/old.go b/old.go
                deleted file mode 100644
                --- a/old.go
                +++ /dev/null
                @@ -1,2 +0,0 @@
                -package old
                -var p = unsafe.Pointer(&x)
                diff --git a/logo.png b/logo.png
                new file mode 100644
                Binary files /dev/null and b/logo.png differ
                """);
        assertEquals(List.of(), r.findings());
        assertEquals(2, r.files().size());
    }
}
