package kb.review.report;

import kb.review.engine.LifecycleRulesTest;
import kb.review.engine.Review;
import kb.review.engine.TestRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.format.ChecklistItem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings that name a path show it in SARIF (codeFlows) and Markdown; a SARIF baseline hides known findings. */
class PathOutputsTest {

    static final String LEAK = """
            package api

            func fetch(c *http.Client, url string) ([]byte, error) {
            \tresp, err := c.Get(url)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tif resp.StatusCode != 200 {
            \t\treturn nil, errors.New("bad status")
            \t}
            \tdefer resp.Body.Close()
            \treturn io.ReadAll(resp.Body)
            }
            """;

    private static ReportContext context(Review r) {
        return new ReportContext(r, TestRules.book().catalog(), "https://kb.example.com", Severity.BLOCKER);
    }

    @Test
    void sarif_carries_the_leaking_path_as_a_code_flow_from_acquisition_to_exit() throws Exception {
        Review r = TestRules.reviewDiff(LifecycleRulesTest.newFile("api/fetch.go", LEAK));
        JsonNode result = null;
        for (JsonNode x : SarifReport.JSON.readTree(SarifReport.render(context(r))).path("runs").get(0)
                .path("results")) {
            if (x.path("properties").path("detector").asText().equals("go-response-body-not-closed")) {
                result = x;
            }
        }
        assertTrue(result != null, "the leak is in the SARIF");
        JsonNode flow = result.path("codeFlows").get(0);
        assertEquals("returns at line 9 without closing `resp.Body`", flow.path("message").path("text").asText());
        JsonNode locations = flow.path("threadFlows").get(0).path("locations");
        assertEquals(4, locations.get(0).path("location").path("physicalLocation").path("region")
                .path("startLine").asInt());
        assertEquals(9, locations.get(locations.size() - 1).path("location").path("physicalLocation")
                .path("region").path("startLine").asInt());
        assertTrue(result.path("partialFingerprints").path("kbFinding/v1").asText().length() == 32);
    }

    @Test
    void markdown_names_the_path_under_the_finding() {
        Review r = TestRules.reviewDiff(LifecycleRulesTest.newFile("api/fetch.go", LEAK));
        String md = MarkdownReport.render(context(r));
        assertTrue(md.contains("Path: returns at line 9 without closing `resp.Body`"), md);
        assertTrue(md.contains("- line 4: `resp.Body` is acquired here"), md);
    }

    @Test
    void a_baseline_hides_findings_it_holds_even_after_the_code_moved_down(@TempDir Path dir) throws Exception {
        Review before = TestRules.reviewDiff(LifecycleRulesTest.newFile("api/fetch.go", LEAK));
        Path sarif = dir.resolve("baseline.sarif");
        Files.writeString(sarif, SarifReport.render(context(before)));
        String moved = LEAK.replace("package api\n", "package api\n\n// Fetch helpers.\n\n");
        Review after = TestRules.reviewDiff(LifecycleRulesTest.newFile("api/fetch.go", moved + """

                func other(c *http.Client, u string) int {
                \tr, err := c.Head(u)
                \tif err != nil {
                \t\treturn 0
                \t}
                \treturn r.StatusCode
                }
                """));
        int[] hidden = {0};
        Review left = Baseline.read(sarif).apply(after, hidden);
        List<String> rules = new ArrayList<>();
        left.active().forEach(f -> rules.add(f.line() + ":" + f.rule()));
        assertEquals(1, hidden[0], "the old leak is hidden although it moved three lines");
        assertEquals(List.of("19:go-response-body-not-closed"), rules);
    }

    @Test
    void a_baseline_that_is_not_sarif_is_refused_with_its_name(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("old.sarif");
        Files.writeString(bad, "{\"version\": 1}");
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> Baseline.read(bad));
        assertTrue(e.getMessage().contains("old.sarif"), e.getMessage());
    }

    @Test
    void baselines_written_with_a_byte_order_mark_or_in_utf_16_are_read_and_a_missing_one_is_named(@TempDir Path dir)
            throws Exception {
        Review r = TestRules.reviewDiff(LifecycleRulesTest.newFile("api/fetch.go", LEAK));
        String sarif = SarifReport.render(context(r));
        Path bom = dir.resolve("bom.sarif");
        Files.write(bom, ("\uFEFF" + sarif).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path utf16 = dir.resolve("utf16.sarif");
        Files.write(utf16, ("\uFEFF" + sarif).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        for (Path p : List.of(bom, utf16)) {
            int[] hidden = {0};
            Baseline.read(p).apply(r, hidden);
            assertEquals(r.findings().size(), hidden[0], p + " hides every finding of the run that wrote it");
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> Baseline.read(dir.resolve("nowhere.sarif")));
        assertTrue(e.getMessage().contains("nowhere.sarif: no such file"), e.getMessage());
    }

    @Test
    void sarif_uris_are_rfc_3986_references_for_any_path_git_allows() {
        assertEquals("my%20dir/caf%C3%A9%20100%25.go", SarifReport.uri("my dir/café 100%.go"));
        assertEquals("a%3Ab.go", SarifReport.uri("a:b.go"), "a colon in the first segment is not a scheme");
        assertEquals("pkg/a:b,c.go", SarifReport.uri("pkg/a:b,c.go"));
        assertEquals("x%23y%3Fz/%5Bq%5D.go", SarifReport.uri("x#y?z/[q].go"));
        assertEquals("src/Main.java", SarifReport.uri("src/Main.java"));
    }

    @Test
    void junit_xml_stays_well_formed_when_the_code_of_a_finding_holds_control_characters() throws Exception {
        // a form feed is whitespace to Java and Go compilers, and old sources keep page breaks
        String withControls = LEAK.replace("resp, err := c.Get(url)", "resp, err := c.Get(url) // \f\u0007 page");
        Review r = TestRules.reviewDiff(LifecycleRulesTest.newFile("api/fetch.go", withControls));
        String xml = JunitReport.render(context(r));
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String failure = doc.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.contains("c.Get(url) // \uFFFD\uFFFD page"), failure);
    }
}
