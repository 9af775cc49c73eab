package kb.review.rules;

import kb.review.engine.TestRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kb.format.ChecklistItem.Severity;
import org.junit.jupiter.api.Test;

class RuleLoaderTest {

    private static List<String> errors(String stem, String yaml) {
        RuleLoader loader = new RuleLoader(TestRules.book().catalog(), TestRules.book().models());
        loader.read("rules/" + stem + ".yaml", stem, yaml);
        RuleFileException e = assertThrows(RuleFileException.class, loader::finish);
        return e.errors();
    }

    @Test
    void the_shipped_rules_cover_every_detector_the_issue_names() {
        Set<String> ids = TestRules.book().rules().stream().map(Rule::id).collect(Collectors.toSet());
        for (String id : List.of("go-response-body-not-closed", "go-defer-close-before-err-check", "go-defer-in-loop",
                "go-context-cancel-discarded", "go-sql-open-per-call", "go-db-error-discarded",
                "go-goroutine-without-recover", "go-http-default-client", "go-http-client-no-timeout",
                "go-unsafe-pointer", "go-log-in-loop", "java-closeable-outside-try-with-resources",
                "java-httpclient-no-connect-timeout", "java-urlconnection-no-timeout", "java-jdbc-no-query-timeout",
                "java-swallowed-catch", "java-interrupted-swallowed", "java-unbounded-executor",
                "java-future-ignored", "java-scheduled-task-without-catch", "java-threadlocal-without-finally-remove",
                "java-transaction-not-ended", "java-shared-simpledateformat", "java-log-debug-concat")) {
            assertTrue(ids.contains(id), "missing rule " + id);
        }
    }

    @Test
    void a_rule_without_severity_inherits_its_checklist_items_severity() {
        Rule r = TestRules.book().rule("go-defer-in-loop").orElseThrow();
        assertEquals("RES-03", r.item());
        assertEquals(Severity.WARNING, r.severity());
        assertEquals(Severity.BLOCKER, TestRules.book().rule("go-response-body-not-closed").orElseThrow().severity());
    }

    @Test
    void unknown_keys_bad_regexes_and_missing_fields_are_reported_with_their_lines() {
        List<String> errors = errors("RES-02", """
                item: RES-02
                rules:
                  - id: Bad_Id
                    languages: [go]
                    message: x
                    regex: '(unclosed'
                  - id: no-message
                    languages: [cobol]
                    regex: 'x'
                    severty: blocker
                """);
        assertTrue(errors.contains("rules/RES-02.yaml:3: rule id 'Bad_Id' must be lower-case letters, digits and dashes"),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("rules/RES-02.yaml:6: invalid regex")), errors.toString());
        assertTrue(errors.contains("rules/RES-02.yaml:7: missing required key 'message'"), errors.toString());
        assertTrue(errors.contains("rules/RES-02.yaml:8: unknown language 'cobol'; use go or java"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("rules/RES-02.yaml:10: unknown key 'severty'")),
                errors.toString());
    }

    @Test
    void an_invalid_tree_sitter_query_is_reported_at_its_line_inside_the_block() {
        List<String> errors = errors("RES-02", """
                item: RES-02
                rules:
                  - id: broken-query
                    languages: [go]
                    message: x
                    tree-sitter: |
                      (call_expression
                        nonsense_field: (identifier) @x) @report
                """);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("rules/RES-02.yaml:8: invalid tree-sitter query"), errors.toString());
    }

    @Test
    void report_at_names_a_node_type_of_a_tree_sitter_rule() {
        List<String> errors = errors("CONC-07", """
                item: CONC-07
                rules:
                  - id: on-a-regex
                    languages: [go]
                    message: x
                    regex: 'x'
                    report-at: go_statement
                  - id: not-a-node-type
                    languages: [go]
                    message: x
                    tree-sitter: |
                      (for_statement) @report
                    report-at: Go Statement
                """);
        assertTrue(errors.contains("rules/CONC-07.yaml:7: 'report-at' is only for tree-sitter rules"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("rules/CONC-07.yaml:13: report-at must name a syntax node "
                + "type")), errors.toString());
        assertEquals(2, errors.size(), errors.toString());
    }

    @Test
    void placeholders_must_name_captures_and_visitors_must_exist() {
        List<String> errors = errors("RES-01", """
                item: RES-01
                rules:
                  - id: placeholder-typo
                    languages: [go]
                    message: x
                    tree-sitter: |
                      (call_expression) @report
                    reject:
                      - {in: scope, regex: '{resp}\\.Close'}
                  - id: no-such-visitor
                    languages: [java]
                    message: x
                    visitor: does-not-exist
                """);
        assertTrue(errors.contains("rules/RES-01.yaml:9: placeholder {resp} names no capture of the query"),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("rules/RES-01.yaml:13: unknown visitor 'does-not-exist'")),
                errors.toString());
    }

    @Test
    void a_file_must_be_named_after_a_known_item_and_yaml_errors_name_the_line() {
        assertEquals(List.of("rules/RES-09.yaml:1: unknown checklist item RES-09 (no content/checklist/RES-09.md)"),
                errors("RES-09", "item: RES-09\n"));
        assertEquals(List.of("rules/other.yaml:1: the file for item RES-01 must be named RES-01.yaml"),
                errors("other", "item: RES-01\n"));
        List<String> yaml = errors("RES-01", "item: RES-01\nrules:\n  - id: [unclosed\n");
        assertTrue(yaml.get(0).startsWith("rules/RES-01.yaml:4: not valid YAML"), yaml.toString());
    }

    @Test
    void a_manual_trigger_needs_something_to_trigger_on() {
        assertEquals(List.of("rules/OPS-01.yaml:3: 'manual' needs 'paths' or 'added-lines' to know when to ask"),
                errors("OPS-01", "item: OPS-01\nmanual:\n  prompt: Drained?\n"));
    }

    @Test
    void the_rules_folder_is_required() {
        RuleFileException e = assertThrows(RuleFileException.class,
                () -> RuleBook.load(java.nio.file.Path.of("no-such-folder")));
        assertTrue(e.getMessage().contains("no rules folder"));
    }

    @Test
    void the_shipped_import_mappings_cover_the_named_linters() throws IOException {
        List<ImportMapping> m = TestRules.book().imports();
        assertTrue(m.stream().anyMatch(x -> x.matches("PMD", "CloseResource", "") && x.item().equals("RES-01")));
        assertTrue(m.stream().anyMatch(x -> x.matches("SpotBugs", "OBL_UNSATISFIED_OBLIGATION", "")));
        assertTrue(m.stream().anyMatch(x -> x.matches("golangci-lint", "govet", "lostcancel: the cancel function")
                && x.item().equals("TMO-03")));
        assertTrue(m.stream().noneMatch(x -> x.matches("golangci-lint", "govet", "printf: wrong verb")));
    }
}
