package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kb.format.ChecklistItem.Severity;
import org.junit.jupiter.api.Test;

class SarifImportTest {

    private static SarifImport.Result parse(String json) throws IOException {
        return SarifImport.parse(json, "lint.sarif", TestRules.book(), Path.of("/home/ci/repo"));
    }

    @Test
    void pmd_spotbugs_and_error_prone_results_land_on_their_checklist_items_with_the_items_severity()
            throws IOException {
        SarifImport.Result r = parse("""
                {"version": "2.1.0", "runs": [
                  {"tool": {"driver": {"name": "PMD"}}, "results": [
                    {"ruleId": "CloseResource", "level": "warning", "message": {"text": "Ensure that resources are closed"},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///home/ci/repo/src/A.java"},
                                    "region": {"startLine": 12, "startColumn": 9}}}]}]},
                  {"tool": {"driver": {"name": "SpotBugs"}}, "results": [
                    {"ruleId": "OBL_UNSATISFIED_OBLIGATION", "message": {"text": "may fail to clean up"},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/B%20C.java"},
                                    "region": {"startLine": 3}}}]}]},
                  {"tool": {"driver": {"name": "error-prone"}}, "results": [
                    {"ruleId": "FutureReturnValueIgnored", "message": {"text": "Return value ignored"},
                     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "./src/C.java"},
                                    "region": {"startLine": 7}}}]}]}]}
                """);
        assertEquals(0, r.unmapped());
        List<String> got = r.findings().stream().map(f -> f.origin() + " " + f.rule() + " " + f.item() + " "
                + f.path() + ":" + f.line() + ":" + f.column() + " " + f.severity()).toList();
        assertEquals(List.of(
                "pmd CloseResource RES-01 src/A.java:12:9 BLOCKER",
                "spotbugs OBL_UNSATISFIED_OBLIGATION RES-01 src/B C.java:3:1 BLOCKER",
                "error-prone FutureReturnValueIgnored CONC-06 src/C.java:7:1 WARNING"), got);
        assertTrue(r.findings().get(0).message().startsWith("[PMD CloseResource] Ensure"));
    }

    @Test
    void golangci_lint_reports_are_mapped_by_linter_and_message_and_the_rest_are_counted() throws IOException {
        SarifImport.Result r = parse("""
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "golangci-lint"}}, "results": [
                  {"ruleId": "govet", "message": {"text": "lostcancel: the cancel function is not used on all paths"},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "svc/a.go"}, "region": {"startLine": 5}}}]},
                  {"ruleId": "govet", "message": {"text": "printf: wrong verb"},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "svc/a.go"}, "region": {"startLine": 6}}}]},
                  {"ruleId": "bodyclose", "message": {"text": "response body must be closed"},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "svc/b.go"}, "region": {"startLine": 9}}}]},
                  {"ruleId": "staticcheck", "message": {"text": "SA5001: should check returned error before deferring f.Close()"},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "svc/c.go"}, "region": {"startLine": 2}}}]},
                  {"ruleId": "gosec", "message": {"text": "G112: Potential Slowloris Attack"},
                   "locations": [{"physicalLocation": {"artifactLocation": {"uri": "svc/d.go"}, "region": {"startLine": 4}}}]}]}]}
                """);
        assertEquals(List.of("TMO-03", "RES-02", "RES-01", "TMO-01"), r.findings().stream().map(Finding::item).toList());
        assertEquals(1, r.unmapped());
        assertEquals(Severity.WARNING, r.findings().get(0).severity());
    }

    @Test
    void a_file_that_is_not_json_or_not_sarif_is_rejected_with_its_name_and_line() {
        IOException bad = assertThrows(IOException.class, () -> parse("{\n  \"runs\": [\n  oops\n]}"));
        assertTrue(bad.getMessage().startsWith("lint.sarif:3: not valid JSON"), bad.getMessage());
        IOException notSarif = assertThrows(IOException.class, () -> parse("{\"version\": \"2.1.0\"}"));
        assertEquals("lint.sarif: not a SARIF log (no 'runs' array)", notSarif.getMessage());
    }

    @Test
    void a_log_written_with_a_byte_order_mark_or_in_utf_16_is_read_and_a_missing_one_is_named(
            @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String log = "{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"PMD\"}}, \"results\": [{\"ruleId\": "
                + "\"CloseResource\", \"message\": {\"text\": \"café\"}, \"locations\": [{\"physicalLocation\": "
                + "{\"artifactLocation\": {\"uri\": \"src/A.java\"}, \"region\": {\"startLine\": 3}}}]}]}]}";
        Path bom = dir.resolve("bom.sarif");
        java.nio.file.Files.write(bom, ("\uFEFF" + log).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path utf16 = dir.resolve("utf16.sarif");
        java.nio.file.Files.write(utf16, ("\uFEFF" + log).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        for (Path p : List.of(bom, utf16)) {
            SarifImport.Result r = SarifImport.read(List.of(p), TestRules.book(), dir);
            assertEquals(List.of("RES-01"), r.findings().stream().map(Finding::item).toList(), p.toString());
            assertTrue(r.findings().get(0).message().contains("café"), r.findings().get(0).message());
        }
        IOException missing = assertThrows(IOException.class,
                () -> SarifImport.read(List.of(dir.resolve("pmd.sarif")), TestRules.book(), dir));
        assertTrue(missing.getMessage().contains("pmd.sarif: no such file"), missing.getMessage());
    }
}
