package kb.review.diff;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodeTextTest {

    @Test
    void spaces_count_one_and_tabs_four_up_to_the_first_other_character() {
        assertEquals(0, CodeText.indent("return err"));
        assertEquals(4, CodeText.indent("    if err != nil {"));
        assertEquals(8, CodeText.indent("\t\treturn"));
        assertEquals(6, CodeText.indent("\t  x := 1 // \t tab later"));
        assertEquals(3, CodeText.indent("   "));
        assertEquals(0, CodeText.indent(""));
    }

    @Test
    void unwrap_takes_off_only_parentheses_around_the_whole_text() {
        assertEquals("a && b", CodeText.unwrap(" ((a && b)) "));
        assertEquals("(a) && (b)", CodeText.unwrap("(a) && (b)"));
        assertEquals("f(x)", CodeText.unwrap("(f(x))"));
        assertEquals("x", CodeText.unwrap("x"));
    }
}
