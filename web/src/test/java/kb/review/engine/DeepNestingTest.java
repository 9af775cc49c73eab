package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import kb.format.ChecklistItem.Severity;
import kb.review.report.GithubReport;
import kb.review.report.JsonReport;
import kb.review.report.MarkdownReport;
import kb.review.report.ReportContext;
import kb.review.report.SarifReport;
import org.junit.jupiter.api.Test;

/**
 * Files nested deeper than hand-written code: generated code is walked on the review's deep stacks, and hostile
 * nesting leaves the file to the line rules, says so in every report, and never ends the review.
 */
class DeepNestingTest {

    private static String newFile(String path, List<String> lines) {
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," + lines.size() + " @@\n");
        lines.forEach(l -> d.append('+').append(l).append('\n'));
        return d.toString();
    }

    /** A Go file whose first function nests {@code depth} ifs, and whose second leaks a response body. */
    private static String goNestedThenLeak(int depth) {
        List<String> lines = new ArrayList<>(List.of("package gen", "", "import \"net/http\"", "",
                "func nested(a bool) {"));
        IntStream.range(0, depth).forEach(i -> lines.add("if a {"));
        lines.add("println()");
        IntStream.range(0, depth).forEach(i -> lines.add("}"));
        lines.addAll(List.of("}", "", "func Status(c *http.Client, url string) (int, error) {",
                "\tresp, err := c.Get(url)", "\tif err != nil {", "\t\treturn 0, err", "\t}",
                "\treturn resp.StatusCode, nil", "}"));
        return newFile("gen/nested.go", lines);
    }

    private static int line(String diff, String text) {
        List<String> added = diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).toList();
        for (int i = 0; i < added.size(); i++) {
            if (added.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void a_file_nested_a_few_thousand_levels_deep_is_analysed_whole() {
        // nesting just under the limit is walked by every stage (3,000 levels overflowed the JVM's default 1 MB stack
        // in the Go analysis and ended the whole review before the limit and the deep stacks)
        String diff = goNestedThenLeak(FileWork.MAX_NESTING - 10);
        Review review = TestRules.reviewDiff(diff);
        assertTrue(review.files().get(0).analysed(), review.files().toString());
        assertEquals(List.of(), review.notAnalysed());
        assertTrue(review.findings().stream().anyMatch(f -> f.item().equals("RES-02")
                && f.line() == line(diff, "resp, err := c.Get(url)")), review.findings().toString());
    }

    @Test
    void a_generated_concatenation_of_thousands_of_literals_is_analysed() {
        // no bracket nests, but the expression tree is 6,000 levels deep: this overflows 1 MB stacks
        List<String> java = new ArrayList<>(List.of("package gen;", "", "import java.io.FileInputStream;",
                "import java.io.IOException;", "", "class Tables {", "    static final String ALL = \"x\""));
        IntStream.range(0, 6000).forEach(i -> java.add("        + \"row" + i + "\""));
        java.addAll(List.of("        ;", "", "    static int first(String path) throws IOException {",
                "        FileInputStream in = new FileInputStream(path);", "        return in.read();", "    }", "}"));
        String diff = newFile("gen/Tables.java", java);
        Review review = TestRules.reviewDiff(diff);
        assertTrue(review.files().get(0).analysed());
        assertTrue(review.findings().stream().anyMatch(f -> f.item().equals("RES-01")
                && f.line() == line(diff, "new FileInputStream(path)")), review.findings().toString());
    }

    @Test
    void hostile_nesting_is_left_to_the_line_rules_and_said_in_every_report() throws Exception {
        String hostile = newFile("gen/h.go", List.of("package gen", "", "func f() {",
                "\tx := " + "(".repeat(50_000) + "1" + ")".repeat(50_000), "\t_ = x", "}"));
        String leak = goNestedThenLeak(3).replace("gen/nested.go", "svc/status.go");
        Review review = TestRules.reviewDiff(hostile + leak);
        assertEquals(List.of("gen/h.go"), review.notAnalysed());
        assertTrue(review.findings().stream().anyMatch(f -> f.path().equals("svc/status.go")
                && f.item().equals("RES-02")), "the other file is analysed: " + review.findings());

        ReportContext ctx = new ReportContext(review, TestRules.book().catalog(), "http://kb.test", Severity.BLOCKER);
        assertTrue(MarkdownReport.render(ctx).contains("`gen/h.go` " + Review.NOT_ANALYSED + "."));
        assertTrue(GithubReport.render(ctx, 50).contains("::warning file=gen/h.go::gen/h.go " + Review.NOT_ANALYSED));
        ObjectMapper json = new ObjectMapper();
        JsonNode files = json.readTree(JsonReport.render(ctx)).path("files");
        assertFalse(files.get(0).path("analysed").asBoolean(true), files.toString());
        assertTrue(files.get(1).path("analysed").asBoolean(false), files.toString());
        JsonNode note = json.readTree(SarifReport.render(ctx)).path("runs").get(0).path("invocations").get(0)
                .path("toolExecutionNotifications").get(0);
        assertEquals("warning", note.path("level").asText());
        assertEquals("gen/h.go", note.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void nesting_is_counted_over_every_bracket_kind_and_closers_undo_it() {
        int max = FileWork.MAX_NESTING;
        assertFalse(FileWork.nestsTooDeeply("{[(".repeat(max / 3) + "x" + ")]}".repeat(max / 3)));
        assertTrue(FileWork.nestsTooDeeply("{[(".repeat(max / 3) + "(((("));
        assertFalse(FileWork.nestsTooDeeply("(x)".repeat(max * 5)), "siblings are not nesting");
        assertFalse(FileWork.nestsTooDeeply(")".repeat(max) + "(".repeat(max)), "stray closers do not go below 0");
    }

    @Test
    void file_work_keeps_the_order_runs_nested_calls_in_place_and_passes_failures_on() {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        List<Integer> sums = FileWork.map(items, i -> FileWork.map(items, j -> i * j).stream()
                .mapToInt(Integer::intValue).sum());
        assertEquals(items.stream().map(i -> i * (39 * 40 / 2)).toList(), sums);
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> FileWork.map(items, i -> {
                    if (i == 7) {
                        throw new IllegalArgumentException("item 7");
                    }
                    return i;
                }));
        assertEquals("item 7", thrown.getMessage());
    }
}
