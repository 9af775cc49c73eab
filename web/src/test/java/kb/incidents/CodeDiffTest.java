package kb.incidents;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodeDiffTest {

    @Test
    void every_line_of_both_versions_appears_once_with_its_line_numbers() {
        CodeDiff d = CodeDiff.between("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");
        assertEquals(List.of(
                new CodeDiff.Row("same", 1, 1, "a"),
                new CodeDiff.Row("del", 2, 0, "b"),
                new CodeDiff.Row("add", 0, 2, "B"),
                new CodeDiff.Row("same", 3, 3, "c"),
                new CodeDiff.Row("same", 4, 4, "d"),
                new CodeDiff.Row("add", 0, 5, "e")), d.rows());
        assertEquals(2, d.added());
        assertEquals(1, d.removed());
    }

    @Test
    void identical_code_has_no_changed_lines_and_windows_line_ends_do_not_count_as_changes() {
        CodeDiff d = CodeDiff.between("x();\r\ny();\r\n", "x();\ny();");
        assertEquals(0, d.added());
        assertEquals(0, d.removed());
        assertEquals(2, d.rows().size());
    }

    @Test
    void an_empty_side_makes_every_line_of_the_other_side_a_change() {
        CodeDiff d = CodeDiff.between("", "one\ntwo");
        assertEquals(2, d.added());
        assertEquals(List.of("add", "add"), d.rows().stream().map(CodeDiff.Row::kind).toList());
    }
}
