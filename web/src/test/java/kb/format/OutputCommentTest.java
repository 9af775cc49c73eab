package kb.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OutputCommentTest {

    @Test
    void a_comment_block_after_the_code_states_the_output_line_by_line() {
        assertEquals("a\nb\n", OutputComment.expected("print();\n// Output:\n// a\n// b\n"));
        assertEquals("a\n", OutputComment.expected("print();\n// Output: a\n"), "text after the marker is the first line");
        assertEquals("  indented\n", OutputComment.expected("print();\n// Output:\n//   indented\n"));
        assertNull(OutputComment.expected("print();\n"));
        assertNull(OutputComment.problem("print();\n// Output:\n// a\n"));
    }

    @Test
    void a_marker_after_the_last_statement_on_its_line_counts_as_well() {
        assertEquals("2\n", OutputComment.expected("System.out.println(1); // Output: // 2"));
        assertEquals("1\n2\n", OutputComment.expected("a(); b(); // Output: // 1 // 2\n\n"));
        assertEquals("7\n", OutputComment.expected("for (int i : xs) { f(i); } // Output: 7"));
        assertEquals("\n", OutputComment.expected("System.out.println(); // Output: //"), "an empty line is stated");
    }

    @Test
    void a_marker_that_is_not_after_a_statement_is_not_read() {
        assertNull(OutputComment.expected("System.out.println(\"// Output: 1\");"), "inside a string literal");
        assertNull(OutputComment.expected("System.out.println(\"x; // Output: y\");"), "after a ';' in a string");
        assertNull(OutputComment.expected("char c = '\"'; System.out.println(\"a; // Output: b\");"),
                "a quote in a char literal does not open a string");
        assertEquals("q\n", OutputComment.expected("System.out.println(\"q\\\"\".charAt(0)); // Output: q"),
                "an escaped quote inside a closed string");
        assertNull(OutputComment.expected("System.out.println(\"x\" // Output: 1\n);"), "not on the last line");
    }

    @Test
    void code_after_the_marker_is_a_problem_with_both_lines_named() {
        String code = "int x = 1;\n// Output:\n// 1\nSystem.out.println(x);\n";
        assertNull(OutputComment.expected(code));
        assertEquals("line 2: the '// Output:' comment must end the code: line 4 after it is not a '//' comment",
                OutputComment.problem(code));
        assertEquals("line 1: the '// Output:' comment must end the code: line 2 after it is not a '//' comment",
                OutputComment.problem("// Output: 1\r\nSystem.out.println(1);\r\n"));
    }
}
