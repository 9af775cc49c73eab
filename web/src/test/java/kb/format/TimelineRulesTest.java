package kb.format;

import static kb.format.Fixture.VALID;
import static kb.format.Fixture.onlyProblem;
import static kb.format.Fixture.replace;
import static kb.format.Fixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineRulesTest {

    private static final String ENTRIES = "- 02:00 [trigger] Deploy 4812\n- 02:10 Pager fires";

    private static String timeline(String entries) {
        return replace(VALID, ENTRIES, entries);
    }

    @Test
    void entries_take_the_date_and_offset_of_started_and_default_to_note() {
        Postmortem p = valid(VALID);
        assertEquals(List.of(
                new TimelineEntry(OffsetDateTime.parse("2024-03-15T02:00:00+08:00"), TimelineEntry.Kind.TRIGGER, "Deploy 4812", 14),
                new TimelineEntry(OffsetDateTime.parse("2024-03-15T02:10:00+08:00"), TimelineEntry.Kind.NOTE, "Pager fires", 15)),
                p.timeline());
    }

    @Test
    void an_entry_without_a_date_takes_the_date_of_the_entry_before_it() {
        Postmortem p = valid(timeline("- 23:50 Load rises\n- 2024-03-16 00:10:30 [detect] Alert\n- 00:20 [mitigate] Scaled out"));
        assertEquals(OffsetDateTime.parse("2024-03-16T00:10:30+08:00"), p.timeline().get(1).at());
        assertEquals(OffsetDateTime.parse("2024-03-16T00:20:00+08:00"), p.timeline().get(2).at());
    }

    @Test
    void an_entry_earlier_than_the_one_before_is_an_error_with_the_midnight_hint() {
        onlyProblem(timeline("- 23:50 Load rises\n- 00:10 Alert"), 15, "write the date when the incident crosses midnight");
    }

    @Test
    void entries_at_the_same_time_are_in_order() {
        assertEquals(2, valid(timeline("- 02:00 One\n- 02:00 Two")).timeline().size());
    }

    @Test
    void an_invalid_time_is_an_error() {
        onlyProblem(timeline("- 02:00 Deploy\n- 25:00 Pager"), 15, "invalid time 25:00");
        onlyProblem(timeline("- 02:00 Deploy\n- 02:60:00 Pager"), 15, "invalid time 02:60:00");
    }

    @Test
    void an_invalid_date_is_an_error() {
        onlyProblem(timeline("- 02:00 Deploy\n- 2024-02-30 02:10 Pager"), 15, "invalid date 2024-02-30");
    }

    @Test
    void an_entry_without_a_time_is_an_error() {
        onlyProblem(timeline("- 02:00 Deploy\n- Pager fires"), 15, "must start with its time");
        onlyProblem(timeline("- 02:00 Deploy\n- 2:10 Pager fires"), 15, "HH:MM, HH:MM:SS or YYYY-MM-DD HH:MM[:SS]");
        onlyProblem(timeline("- 02:00 Deploy\n- 2024-03-15 Pager fires"), 15, "must start with its time");
    }

    @Test
    void an_unknown_kind_is_an_error_naming_the_allowed_kinds() {
        onlyProblem(timeline("- 02:00 Deploy\n- 02:10 [page] Pager"), 15,
                "unknown timeline kind [page]; use one of trigger, detect, escalate, mitigate, resolve, deploy, note");
    }

    @Test
    void every_kind_is_read_case_insensitively() {
        Postmortem p = valid(timeline("- 02:00 [Trigger] a\n- 02:01 [detect] b\n- 02:02 [escalate] c\n- 02:03 [mitigate] d\n"
                + "- 02:04 [resolve] e\n- 02:05 [deploy] f\n- 02:06 [NOTE] g"));
        assertEquals(List.of(TimelineEntry.Kind.values()), p.timeline().stream().map(TimelineEntry::kind).toList());
    }

    @Test
    void a_link_at_the_start_of_the_text_is_not_a_kind() {
        Postmortem p = valid(timeline("- 02:00 [Runbook](https://example.com/rb) followed\n- 02:10 [ref][1] noted\n\n[1]: https://example.com"));
        assertEquals(TimelineEntry.Kind.NOTE, p.timeline().get(0).kind());
        assertEquals("[Runbook](https://example.com/rb) followed", p.timeline().get(0).text());
    }

    @Test
    void an_entry_without_text_is_an_error() {
        onlyProblem(timeline("- 02:00 Deploy\n- 02:10 [detect]"), 15, "has no text after its time");
    }

    @Test
    void an_entry_may_continue_on_the_next_line() {
        Postmortem p = valid(timeline("- 02:00 Deploy of\n  build 4812\n- 02:10 Pager"));
        assertEquals("Deploy of\nbuild 4812", p.timeline().get(0).text());
        assertEquals(16, p.timeline().get(1).line());
    }

    @Test
    void a_nested_list_in_an_entry_is_an_error() {
        onlyProblem(timeline("- 02:00 Deploy\n  - detail\n- 02:10 Pager"), 15, "must be one paragraph");
    }

    @Test
    void a_timeline_that_is_not_a_list_is_an_error() {
        onlyProblem(timeline("02:00 Deploy\n\n- 02:10 Pager"), 14, "must be a list of entries");
    }

    @Test
    void an_empty_timeline_is_an_error_on_its_heading() {
        onlyProblem(timeline(""), 12, "the timeline is empty");
    }

    @Test
    void a_diagram_and_sub_headings_may_sit_beside_the_list() {
        Postmortem p = valid(timeline("```mermaid\ngantt\n```\n\n### Day one\n\n" + ENTRIES));
        assertEquals(2, p.timeline().size());
        assertTrue(p.codeBlocks().get(0).mermaid());
    }

    @Test
    void entries_use_the_offset_of_started() {
        Postmortem p = valid(replace(timeline("- 10:00 Deploy"), "+08:00", "Z"));
        assertEquals(OffsetDateTime.parse("2024-03-15T10:00:00Z"), p.timeline().get(0).at());
    }
}
