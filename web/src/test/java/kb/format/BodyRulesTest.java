package kb.format;

import static kb.format.Fixture.VALID;
import static kb.format.Fixture.assertProblem;
import static kb.format.Fixture.onlyProblem;
import static kb.format.Fixture.problems;
import static kb.format.Fixture.replace;
import static kb.format.Fixture.valid;
import static kb.format.Fixture.withBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class BodyRulesTest {

    @Test
    void sections_keep_their_heading_kind_line_and_exact_markdown() {
        Postmortem p = valid(VALID);
        assertEquals(List.of(SectionKind.SUMMARY, SectionKind.TIMELINE, SectionKind.ROOT_CAUSE),
                p.sections().stream().map(Section::kind).toList());
        assertEquals(List.of(8, 12, 17), p.sections().stream().map(Section::line).toList());
        assertEquals("Pool ran dry.", p.sections().get(0).markdown());
        assertEquals("- 02:00 [trigger] Deploy 4812\n- 02:10 Pager fires", p.sections().get(1).markdown());
    }

    @Test
    void section_markdown_is_the_source_text_verbatim() {
        String markdown = "Pool  ran *dry*   \n\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n    indented code\n\n<div>html</div>";
        Postmortem p = valid(replace(VALID, "Pool ran dry.", markdown));
        assertEquals(markdown, p.sections().get(0).markdown());
    }

    @Test
    void text_before_the_first_section_is_an_error() {
        onlyProblem(withBody("\nIntro text.\n\nMore.\n" + Fixture.BODY), 8, "text before the first '##' section");
    }

    @Test
    void a_level_one_heading_in_the_body_is_an_error() {
        onlyProblem(replace(VALID, "Leak.", "Leak.\n\n# Appendix"), 21, "a '#' heading is not allowed");
    }

    @Test
    void unknown_sections_are_kept_in_place_as_free_text() {
        Postmortem p = valid(replace(VALID, "## Timeline", "## Customer quotes\n\n\"It was slow\"\n\n## Timeline"));
        Section free = p.sections().get(1);
        assertNull(free.kind());
        assertEquals("Customer quotes", free.heading());
        assertEquals("\"It was slow\"", free.markdown());
        assertEquals(12, free.line());
    }

    @Test
    void a_section_heading_without_title_is_an_error() {
        onlyProblem(replace(VALID, "Leak.", "Leak.\n\n##\n\nOrphan text."), 21, "a '##' heading needs a title");
    }

    @Test
    void headings_match_case_insensitively_and_keep_their_spelling() {
        Postmortem p = valid(replace(replace(VALID, "## Root cause", "## ROOT CAUSES ##"), "## Summary", "##   summary"));
        assertEquals(SectionKind.ROOT_CAUSE, p.sections().get(2).kind());
        assertEquals("ROOT CAUSES", p.sections().get(2).heading());
        assertEquals("summary", p.sections().get(0).heading());
    }

    @Test
    void chinese_aliases_name_the_known_sections() {
        String body = """

                ## 概述

                连接池耗尽。

                ## 影响

                支付失败。

                ## 时间线

                - 02:00 [trigger] 发布 4812

                ## 根本原因

                泄漏。

                ## 触发

                发布。

                ## 修复

                回滚。

                ## 发现

                告警。

                ## 经验教训

                ### What went well

                告警及时。

                ## 行动项

                - [ ] 加检查 (owner: 张三, type: prevent)

                ## 复现

                ```java run before
                System.out.println(1);
                ```
                """;
        Postmortem p = valid(withBody(body));
        assertEquals(List.of(SectionKind.SUMMARY, SectionKind.IMPACT, SectionKind.TIMELINE, SectionKind.ROOT_CAUSE,
                SectionKind.TRIGGER, SectionKind.RESOLUTION, SectionKind.DETECTION, SectionKind.LESSONS_LEARNED,
                SectionKind.ACTION_ITEMS, SectionKind.REPRODUCTION), p.sections().stream().map(Section::kind).toList());
        assertEquals("张三", p.actionItems().get(0).owner());
        assertEquals("发布 4812", p.timeline().get(0).text());
        assertEquals(SectionKind.REPRODUCTION, p.codeBlocks().get(0).section());
        assertEquals(SectionKind.SUMMARY, SectionKind.forHeading("摘要").orElseThrow());
        assertEquals(SectionKind.ROOT_CAUSE, SectionKind.forHeading("根因").orElseThrow());
        assertEquals(SectionKind.RESOLUTION, SectionKind.forHeading("解决").orElseThrow());
        assertEquals(SectionKind.ACTION_ITEMS, SectionKind.forHeading("改进项").orElseThrow());
    }

    @Test
    void a_missing_required_section_is_reported_on_the_last_line() {
        String text = replace(VALID, "## Root cause\n\nLeak.\n", "## Impact\n\nSlow.\n");
        onlyProblem(text, 19, "missing required section '## Root cause'");
    }

    @Test
    void a_missing_section_names_the_headings_it_accepts_and_those_not_recognised() {
        String text = replace(VALID, "## Summary\n\nPool ran dry.\n", "## 概要\n\nPool ran dry.\n");
        onlyProblem(text, 19, "missing required section '## Summary' (accepted headings: 'Summary', '摘要' or '概述');"
                + " not recognised: '## 概要' (line 8)");
    }

    @Test
    void a_numbered_or_longer_heading_is_pointed_at_as_the_section_it_resembles() {
        for (String heading : List.of("1. Root cause", "Root Cause Analysis", "Root cause:", "根因分析", "（三）根因")) {
            String text = replace(VALID, "## Root cause", "## " + heading);
            onlyProblem(text, 17, "missing required section '## Root cause': '## " + heading + "' is read as a "
                    + "free-text section; rename it 'Root cause', 'root causes', '根因' or '根本原因'");
        }
    }

    @Test
    void a_heading_naming_two_sections_or_a_word_inside_another_points_at_none() {
        assertEquals(java.util.Optional.empty(), SectionKind.resembling("Summary and impact"));
        assertEquals(java.util.Optional.empty(), SectionKind.resembling("Prefixes we tried"));
        assertEquals(java.util.Optional.of(SectionKind.TIMELINE), SectionKind.resembling("2. Timeline of events"));
        assertEquals(java.util.Optional.of(SectionKind.RESOLUTION), SectionKind.resembling("The fix"));
        String text = replace(VALID, "## Root cause", "## Root cause and trigger");
        onlyProblem(text, 19, "missing required section '## Root cause' (accepted headings: 'Root cause', "
                + "'root causes', '根因' or '根本原因'); not recognised: '## Root cause and trigger' (line 17)");
    }

    @Test
    void an_empty_body_misses_all_three_required_sections() {
        List<Problem> problems = problems(Fixture.FRONT + "---\n");
        assertEquals(3, problems.size(), problems::toString);
        assertProblem(problems, 6, "'## Summary'");
        assertProblem(problems, 6, "'## Timeline'");
        assertProblem(problems, 6, "'## Root cause'");
    }

    @Test
    void a_duplicate_known_section_is_reported_on_the_second_heading() {
        onlyProblem(VALID + "\n## 摘要\n\nAgain.\n", 21, "duplicate section 'Summary' (first at line 8)");
    }

    @Test
    void level_three_headings_are_free_text_in_any_section() {
        Postmortem p = valid(replace(VALID, "Leak.", """
                Leak.

                ### Why the pool did not recover

                No timeout.

                ## Lessons learned

                ### What went well

                ### What went wrong

                ### Where we got lucky

                ### Something else"""));
        assertEquals(SectionKind.LESSONS_LEARNED, p.sections().get(3).kind());
        assertEquals(4, p.sections().get(3).markdown().lines().filter(l -> l.startsWith("### ")).count());
    }

    @Test
    void a_setext_heading_is_a_section_whose_markdown_starts_after_the_underline() {
        Postmortem p = valid(replace(VALID, "## Root cause", "Root cause\n----------"));
        Section root = p.sections().get(2);
        assertEquals(SectionKind.ROOT_CAUSE, root.kind());
        assertEquals(17, root.line());
        assertEquals("Leak.", root.markdown());
    }

    @Test
    void hash_lines_inside_code_are_not_sections() {
        Postmortem p = valid(replace(VALID, "Leak.", "Leak.\n\n```sh\n## not a heading\n```"));
        assertEquals(3, p.sections().size());
        assertEquals("Leak.\n\n```sh\n## not a heading\n```", p.sections().get(2).markdown());
    }

    @Test
    void a_file_with_many_problems_reports_every_one_of_them() {
        String text = """
                ---
                id: Bad_Id
                title: Many problems
                severity: P9
                started: 2024-03-15T02:00:00+08:00
                detected: 2024-03-15T01:00:00+08:00
                categories: [leaks]
                checklist: [NOPE-99]
                colour: red
                ---
                Stray text.

                ## Summary

                ## Timeline

                - 02:00 [boom] Deploy
                - 25:00 Pager
                - later Pager again
                - 01:00 Earlier than 02:00

                ## Action items

                - Not a task
                - [ ] Bad type (type: fix)

                ## Reproduction

                ```go run
                fmt.Println(1)
                ```
                """;
        List<Problem> problems = problems(text);
        int[][] expected = {{2}, {4}, {6}, {7}, {8}, {9}, {11}, {17}, {18}, {19}, {20}, {24}, {25}, {29}, {31}};
        assertEquals(expected.length, problems.size(), () -> String.join("\n", problems.stream().map(Problem::toString).toList()));
        assertEquals(Arrays.stream(expected).map(l -> l[0]).toList(), problems.stream().map(Problem::line).toList());
        assertProblem(problems, 31, "missing required section '## Root cause'");
        assertProblem(problems, 17, "unknown timeline kind [boom]");
        assertProblem(problems, 29, "only Java blocks can be run");
        assertProblem(problems, 20, "earlier than the entry before it (2024-03-15T02:00, line 17)");
    }
}
