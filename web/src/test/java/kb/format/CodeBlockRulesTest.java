package kb.format;

import static kb.format.Fixture.VALID;
import static kb.format.Fixture.onlyProblem;
import static kb.format.Fixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CodeBlockRulesTest {

    /** The Reproduction heading is on line 21, the first fence on line 23. */
    private static String repro(String blocks) {
        return VALID + "\n## Reproduction\n\n" + blocks;
    }

    @Test
    void a_runnable_block_is_read_with_role_and_expected_output() {
        CodeBlock block = valid(repro("""
                ```java run before
                System.out.println("a");
                System.out.println();
                // Output:
                // a
                //
                ```
                """)).codeBlocks().get(0);
        assertEquals(new CodeBlock("java", "java run before", true, CodeBlock.Role.BEFORE,
                "System.out.println(\"a\");\nSystem.out.println();\n// Output:\n// a\n//\n", "a\n\n",
                SectionKind.REPRODUCTION, 23), block);
    }

    @Test
    void a_block_without_output_comment_has_no_expected_output() {
        CodeBlock block = valid(repro("```java run after\nint x = 1;\n```\n")).codeBlocks().get(0);
        assertNull(block.expectedOutput());
        assertEquals(CodeBlock.Role.AFTER, block.role());
    }

    @Test
    void output_text_on_the_comment_line_is_the_first_output_line() {
        CodeBlock block = valid(repro("```java run\nSystem.out.println(42);\n// Output: 42\n```\n")).codeBlocks().get(0);
        assertEquals("42\n", block.expectedOutput());
        assertNull(block.role());
    }

    @Test
    void plain_blocks_keep_their_language_lower_case_and_are_not_runnable() {
        Postmortem p = valid(repro("```Go\nfunc f() {}\n```\n\n```\nplain\n```\n\n```java\nclass A {}\n```\n"));
        assertEquals(List.of("go", "", "java"), p.codeBlocks().stream().map(CodeBlock::language).toList());
        assertFalse(p.codeBlocks().get(2).runnable());
        assertEquals(List.of(23, 27, 31), p.codeBlocks().stream().map(CodeBlock::line).toList());
    }

    @Test
    void blocks_anywhere_are_found_with_their_section() {
        Postmortem p = valid(Fixture.replace(VALID, "Leak.", "Leak.\n\n> ```go\n> x()\n> ```\n\n- item\n\n  ```sql\n  select 1;\n  ```"));
        assertEquals(List.of("go", "sql"), p.codeBlocks().stream().map(CodeBlock::language).toList());
        assertEquals(SectionKind.ROOT_CAUSE, p.codeBlocks().get(1).section());
        assertEquals("select 1;\n", p.codeBlocks().get(1).code());
    }

    @Test
    void run_on_a_non_java_block_is_an_error() {
        onlyProblem(repro("```go run\nfmt.Println(1)\n```\n"), 23, "only Java blocks can be run");
    }

    @Test
    void before_and_after_together_are_an_error() {
        onlyProblem(repro("```java run before after\nint x;\n```\n"), 23, "either 'before' or 'after', not both");
    }

    @Test
    void an_unknown_word_on_a_runnable_block_is_an_error() {
        onlyProblem(repro("```java run befor\nint x;\n```\n"), 23, "unknown word 'befor'");
    }

    @Test
    void an_output_comment_that_is_not_trailing_is_an_error_on_its_line() {
        onlyProblem(repro("```java run\n// Output:\n// 1\nSystem.out.println(1);\n```\n"), 24,
                "the '// Output:' comment must end the code block: line 26");
    }

    @Test
    void any_number_of_before_and_after_blocks_is_fine() {
        Postmortem p = valid(repro("```java run before\nint a;\n```\n\n```java run before\nint b;\n```\n\n"
                + "```java run after\nint c;\n```\n\n```java run after\nint d;\n```\n"));
        assertEquals(4, p.codeBlocks().stream().filter(CodeBlock::runnable).count());
    }

    @Test
    void runnable_blocks_may_sit_outside_the_reproduction_section() {
        Postmortem p = valid(Fixture.replace(VALID, "Leak.", "Leak.\n\n```java run\nint x;\n```"));
        assertTrue(p.codeBlocks().get(0).runnable());
        assertEquals(SectionKind.ROOT_CAUSE, p.codeBlocks().get(0).section());
    }
}
