package kb.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Caps on one postmortem, each reported at the line where the file goes over. */
class LimitsTest {

    /** A list nested {@code depth} levels, each item two spaces deeper than its parent. */
    static String nestedList(int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append("  ".repeat(i)).append("- level ").append(i + 1).append('\n');
        }
        return b.toString();
    }

    /** The valid body with {@code summary} as the Summary's text (Summary heading on line 8, text from line 10). */
    static String withSummary(String summary) {
        return Fixture.withBody("\n## Summary\n\n" + summary + "\n## Timeline\n\n- 02:00 [trigger] Deploy 4812\n\n"
                + "## Root cause\n\nLeak.\n");
    }

    @Test
    void a_list_nested_fifty_levels_is_reported_at_the_first_item_too_deep_and_not_as_a_missing_section() {
        Problem p = Fixture.onlyProblem(withSummary(nestedList(50)), 10 + Limits.MAX_NESTING,
                "nested more than " + Limits.MAX_NESTING + " levels");
        assertTrue(p.message().contains("at most 16"), p.message());
    }

    @Test
    void nesting_up_to_the_limit_is_valid_and_keeps_every_section() {
        Postmortem pm = Fixture.valid(withSummary(nestedList(Limits.MAX_NESTING)));
        assertEquals(3, pm.sections().size());
        assertEquals(1, pm.timeline().size());
    }

    @Test
    void block_quotes_count_towards_the_nesting_limit() {
        Fixture.onlyProblem(withSummary(">".repeat(40) + " deep\n"), 10, "nested more than");
    }

    @Test
    void a_nul_character_is_reported_at_its_line_and_column() {
        List<Problem> problems = Fixture.problems(withSummary("Pool ran\0 dry.\n"));
        assertEquals(List.of(new Problem(10, 9, "this line contains a NUL character (\\0); remove it")), problems);
    }

    @Test
    void a_nul_in_the_front_matter_is_reported_too() {
        Fixture.assertProblem(Fixture.problems(Fixture.withFront("tags: [a\0b]\n")), 6, "NUL character");
    }

    @Test
    void a_file_over_the_size_cap_is_refused_without_being_parsed() {
        String big = withSummary("x".repeat(Limits.MAX_BYTES) + "\n");
        Problem p = Fixture.onlyProblem(big, 1, "at most " + Limits.MAX_BYTES);
        assertTrue(p.message().contains("bytes"), p.message());
    }

    @Test
    void multibyte_text_is_measured_in_utf8_bytes() {
        // 400,000 CJK characters are 1,200,000 bytes: over the cap although fewer characters than it
        String cjk = withSummary("事".repeat(400_000) + "\n");
        Fixture.onlyProblem(cjk, 1, "has 1200");
    }

    @Test
    void a_timeline_over_the_cap_is_reported_at_the_first_entry_past_it() {
        StringBuilder entries = new StringBuilder();
        int n = Limits.MAX_TIMELINE_ENTRIES + 5;
        for (int i = 0; i < n; i++) {
            entries.append("- 02:00 [note] entry ").append(i + 1).append('\n');
        }
        String text = Fixture.withBody("\n## Summary\n\nx\n\n## Timeline\n\n" + entries + "\n## Root cause\n\nLeak.\n");
        // Timeline heading on line 12, entries from line 14
        Problem p = Fixture.onlyProblem(text, 14 + Limits.MAX_TIMELINE_ENTRIES, "timeline entries");
        assertTrue(p.message().contains(n + " timeline entries"), p.message());
    }

    @Test
    void too_many_sections_are_reported_at_the_first_section_past_the_cap() {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < Limits.MAX_SECTIONS; i++) {
            extra.append("## Note ").append(i).append("\n\ntext\n\n");
        }
        String text = Fixture.withBody(Fixture.BODY + "\n" + extra);
        List<Problem> problems = Fixture.problems(text);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("'##' sections"), problems::toString);
    }
}
