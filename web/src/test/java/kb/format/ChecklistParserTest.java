package kb.format;

import static kb.format.Fixture.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChecklistParserTest {

    private static final String ITEM = """
            ---
            id: RES-01
            title: Close every resource on every path
            area: resources
            severity: blocker
            languages: [java, go]
            ---

            ## Why

            Leaks surface far from their cause.
            """;

    private final ChecklistParser parser = new ChecklistParser();

    private Problem onlyProblem(String text, String fileName, int line, String fragment) {
        Parsed<ChecklistItem> parsed = parser.parse(text, fileName);
        assertFalse(parsed.valid());
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        return assertProblem(parsed.problems(), line, fragment);
    }

    @Test
    void a_valid_item_is_read() {
        ChecklistItem item = parser.parse(ITEM, "content/checklist/RES-01.md").value().orElseThrow();
        assertEquals(new ChecklistItem("RES-01", "Close every resource on every path", "resources",
                ChecklistItem.Severity.BLOCKER, List.of("java", "go"), "## Why\n\nLeaks surface far from their cause.", ITEM), item);
    }

    @Test
    void languages_are_optional() {
        ChecklistItem item = parser.parse(ITEM.replace("languages: [java, go]\n", ""), null).value().orElseThrow();
        assertEquals(List.of(), item.languages());
    }

    @Test
    void the_id_must_equal_the_file_name() {
        onlyProblem(ITEM, "checklist/RES-02.md", 2, "id 'RES-01' must equal the file name");
        assertTrue(parser.parse(ITEM, "C:\\kb\\checklist\\RES-01.md").valid());
    }

    @Test
    void the_id_must_have_the_checklist_form() {
        onlyProblem(ITEM.replace("id: RES-01", "id: res-1"), null, 2, "id 'res-1' must match [A-Z]{2,5}-[0-9]{2}");
    }

    @Test
    void severity_must_be_blocker_warning_or_advice() {
        onlyProblem(ITEM.replace("severity: blocker", "severity: P1"), null, 5, "must be blocker, warning or advice");
    }

    @Test
    void languages_must_be_a_list_of_lower_case_names() {
        onlyProblem(ITEM.replace("[java, go]", "java"), null, 6, "'languages' must be a list");
        onlyProblem(ITEM.replace("[java, go]", "[Java]"), null, 6, "language 'Java' must be a lower-case name");
    }

    @Test
    void unknown_and_missing_keys_are_errors() {
        onlyProblem(ITEM.replace("area: resources\n", "area: resources\nowner: bob\n"), null, 5, "unknown key 'owner'");
        onlyProblem(ITEM.replace("area: resources\n", ""), null, 1, "missing required key 'area'");
    }

    @Test
    void the_body_must_not_be_empty() {
        onlyProblem(ITEM.substring(0, ITEM.indexOf("## Why")) + "\n  \n", null, 7, "has no body");
    }

    @Test
    void all_problems_are_reported_together() {
        Parsed<ChecklistItem> parsed = parser.parse("---\nid: X\nseverity: huge\ncolour: red\n---\n", "Y.md");
        assertEquals(List.of(1, 1, 2, 3, 4, 5), parsed.problems().stream().map(Problem::line).toList(),
                parsed.problems()::toString);
    }
}
