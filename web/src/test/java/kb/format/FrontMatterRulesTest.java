package kb.format;

import static kb.format.Fixture.CHECKLIST;
import static kb.format.Fixture.VALID;
import static kb.format.Fixture.assertProblem;
import static kb.format.Fixture.onlyProblem;
import static kb.format.Fixture.problems;
import static kb.format.Fixture.replace;
import static kb.format.Fixture.valid;
import static kb.format.Fixture.withFront;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FrontMatterRulesTest {

    @Test
    void the_minimal_file_is_valid_with_defaults_for_optional_keys() {
        Postmortem p = valid(VALID);
        assertEquals("db-pool-exhausted", p.id());
        assertEquals("DB pool exhausted", p.title());
        assertEquals(Postmortem.Severity.P2, p.severity());
        assertEquals(OffsetDateTime.parse("2024-03-15T02:00:00+08:00"), p.started());
        assertEquals(Postmortem.Status.PUBLISHED, p.status());
        assertEquals(List.of(), p.tags());
        assertNull(p.detected());
        assertEquals(VALID, p.source());
    }

    @Test
    void over_long_titles_and_labels_are_errors_on_their_lines_instead_of_failing_in_the_database() {
        String longTitle = "x".repeat(501);
        List<Problem> problems = problems(replace(withFront("services: [api, " + "s".repeat(101) + "]\n"),
                "title: DB pool exhausted", "title: " + longTitle));
        assertProblem(problems, 3, "the title is 501 characters long; at most 500");
        assertProblem(problems, 6, "'services' entries are at most 100 characters; this one has 101");
        valid(replace(VALID, "title: DB pool exhausted", "title: " + "x".repeat(500)));
    }

    @Test
    void every_optional_key_is_read() {
        Postmortem p = valid(withFront("""
                detected: 2024-03-15T02:04:00+08:00
                mitigated: 2024-03-15T02:40:00+08:00
                resolved: 2024-03-15T03:10:00+08:00
                status: draft
                services: [payment-api, api-gateway]
                tags:
                  - go
                  - "123"
                categories: [resource-leak, timeout]
                checklist: [RES-01, TX-01]
                authors: [alice]
                lang: zh-Hans-CN
                source: https://example.com/writeup
                """));
        assertEquals(Postmortem.Status.DRAFT, p.status());
        assertEquals(List.of("payment-api", "api-gateway"), p.services());
        assertEquals(List.of("go", "123"), p.tags());
        assertEquals(List.of("RES-01", "TX-01"), p.checklist());
        assertEquals("zh-Hans-CN", p.lang());
        assertEquals("https://example.com/writeup", p.sourceUrl());
        assertEquals(Duration.ofMinutes(4), p.timeToDetect().orElseThrow());
        assertEquals(Duration.ofMinutes(70), p.timeToResolve().orElseThrow());
    }

    @Test
    void a_file_without_front_matter_is_rejected_on_line_1() {
        List<Problem> problems = problems(Fixture.BODY.strip());
        assertProblem(problems, 1, "missing front matter");
    }

    @Test
    void unterminated_front_matter_is_the_only_problem_reported() {
        onlyProblem("---\nid: abc\ntitle: x\n\n## Summary\n", 1, "unterminated front matter");
    }

    @Test
    void a_yaml_syntax_error_names_its_line() {
        onlyProblem(replace(VALID, "title: DB pool exhausted", "title: [DB pool"), 4, "not valid YAML");
    }

    @Test
    void a_duplicate_key_is_reported_on_the_second_occurrence() {
        onlyProblem(withFront("title: Again\n"), 6, "duplicate key 'title' (first given on line 3)");
    }

    @Test
    void an_unknown_key_is_an_error_listing_the_allowed_keys() {
        Problem p = onlyProblem(withFront("owner: bob\n"), 6, "unknown key 'owner'");
        assertTrue(p.message().contains("id, title, severity, started"), p.message());
    }

    @Test
    void a_list_key_given_a_single_value_is_an_error() {
        onlyProblem(withFront("tags: go\n"), 6, "'tags' must be a list");
    }

    @Test
    void a_single_value_key_given_a_list_is_an_error() {
        onlyProblem(replace(VALID, "title: DB pool exhausted", "title: [a, b]"), 3, "'title' must be a single value");
    }

    @Test
    void a_list_of_lists_is_an_error_on_the_item_line() {
        onlyProblem(withFront("authors:\n  - alice\n  - [bob]\n"), 8, "'authors' must hold plain values");
    }

    @Test
    void each_missing_required_key_is_reported() {
        String text = replace(replace(VALID, "severity: P2\n", ""), "title: DB pool exhausted\n", "");
        List<Problem> problems = problems(text);
        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems, 1, "missing required key 'title'");
        assertProblem(problems, 1, "missing required key 'severity'");
    }

    @Test
    void an_empty_value_is_reported_on_its_key_line() {
        onlyProblem(replace(VALID, "title: DB pool exhausted", "title:"), 3, "'title' has no value");
    }

    @Test
    void an_id_outside_the_pattern_is_rejected() {
        onlyProblem(replace(VALID, "id: db-pool-exhausted", "id: DB_Pool"), 2, "id 'DB_Pool' must match");
        onlyProblem(replace(VALID, "id: db-pool-exhausted", "id: ab"), 2, "3 to 80 characters");
        onlyProblem(replace(VALID, "id: db-pool-exhausted", "id: -abc"), 2, "must match");
    }

    @Test
    void severity_must_be_p0_to_p4() {
        onlyProblem(replace(VALID, "severity: P2", "severity: P5"), 4, "must be one of P0, P1, P2, P3, P4");
        onlyProblem(replace(VALID, "severity: P2", "severity: high"), 4, "severity 'high'");
    }

    @Test
    void a_date_time_without_offset_is_an_error_saying_so() {
        onlyProblem(replace(VALID, "started: 2024-03-15T02:00:00+08:00", "started: 2024-03-15T02:00:00"),
                5, "has no UTC offset");
    }

    @Test
    void a_date_without_time_and_a_malformed_time_are_errors() {
        onlyProblem(withFront("detected: 2024-03-15\n"), 6, "is a date without a time");
        onlyProblem(withFront("detected: yesterday\n"), 6, "is not an ISO-8601 date-time");
        onlyProblem(withFront("detected: 2024-03-15 02:04:00+08:00\n"), 6, "needs a 'T'");
        onlyProblem(withFront("detected: 2024-02-30T02:04:00+08:00\n"), 6, "detected '2024-02-30T02:04:00+08:00'");
    }

    @Test
    void detected_before_started_is_reported_on_the_detected_line() {
        onlyProblem(withFront("detected: 2024-03-15T01:59:00+08:00\n"), 6, "detected (2024-03-15T01:59+08:00) is earlier than started");
    }

    @Test
    void the_order_compares_with_the_nearest_earlier_key_given() {
        onlyProblem(withFront("""
                detected: 2024-03-15T02:30:00+08:00
                resolved: 2024-03-15T02:20:00+08:00
                """), 7, "resolved (2024-03-15T02:20+08:00) is earlier than detected");
        onlyProblem(withFront("mitigated: 2024-03-15T01:00:00+08:00\n"), 6, "mitigated");
    }

    @Test
    void instants_in_different_offsets_are_compared_as_instants() {
        valid(withFront("detected: 2024-03-14T18:05:00Z\n"));
    }

    @Test
    void status_must_be_draft_or_published() {
        onlyProblem(withFront("status: done\n"), 6, "must be draft or published");
    }

    @Test
    void an_unknown_category_is_reported_on_its_item_line() {
        Problem p = onlyProblem(withFront("categories:\n  - timeout\n  - leaks\n"), 8, "unknown category 'leaks'");
        assertTrue(p.message().contains("resource-leak"), p.message());
    }

    @Test
    void checklist_ids_must_have_the_id_form() {
        onlyProblem(withFront("checklist: [res-1]\n"), 6, "checklist id 'res-1' must look like RES-01");
    }

    @Test
    void checklist_ids_must_exist_unless_the_check_is_skipped() {
        String text = withFront("checklist: [RES-01, NET-09]\n");
        onlyProblem(text, 6, "checklist item 'NET-09' does not exist");
        assertTrue(new PostmortemParser().parse(text, null).valid());
        assertTrue(new PostmortemParser().parse(text, Set.of("NET-09", "RES-01")).valid());
        assertEquals(CHECKLIST, Set.of("RES-01", "TX-01"));
    }

    @Test
    void lang_must_look_like_a_bcp47_tag() {
        onlyProblem(withFront("lang: english\n"), 6, "lang 'english' is not a BCP-47");
        onlyProblem(withFront("lang: xx\n"), 6, "BCP-47");
        onlyProblem(withFront("lang: en_US\n"), 6, "BCP-47");
        valid(withFront("lang: en-US\n"));
        valid(withFront("lang: zh\n"));
    }

    @Test
    void source_must_be_an_http_url() {
        onlyProblem(withFront("source: ftp://example.com/x\n"), 6, "must be an http:// or https:// URL");
        onlyProblem(withFront("source: \"javascript:alert(1)\"\n"), 6, "must be an http:// or https:// URL");
        onlyProblem(withFront("source: example.com/x\n"), 6, "must be an http:// or https:// URL");
    }

    @Test
    void yaml_alias_bombs_are_refused_without_expanding_them() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p)
                    .append(", *").append(p).append("]\n");
        }
        List<Problem> problems = problems(withFront(bomb.toString()));
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("aliases")), problems::toString);
    }

    @Test
    void values_keep_their_text_and_are_never_converted_by_yaml() {
        Postmortem p = valid(replace(withFront("tags: [yes, 0123, null-safety, 1.0]\n"),
                "title: DB pool exhausted", "title: 2024-03-15"));
        assertEquals("2024-03-15", p.title());
        assertEquals(List.of("yes", "0123", "null-safety", "1.0"), p.tags());
    }

    @Test
    void windows_line_ends_and_a_byte_order_mark_do_not_shift_lines() {
        String text = "\uFEFF" + withFront("status: done\n").replace("\n", "\r\n");
        onlyProblem(text, 6, "must be draft or published");
        assertTrue(new PostmortemParser().parse("\uFEFF" + VALID.replace("\n", "\r\n"), null).valid());
    }

    @Test
    void front_matter_over_the_size_limit_is_refused() {
        String huge = "# " + "x".repeat(1024 * 1024 + 10) + "\n";
        List<Problem> problems = problems(withFront(huge));
        // the whole-file cap (Limits.MAX_BYTES) refuses it before the YAML reader's own limit is reached
        assertTrue(problems.stream().anyMatch(p -> p.line() == 1 && (p.message().contains("could not be read")
                || p.message().contains("bytes; at most " + Limits.MAX_BYTES))), problems::toString);
    }
}
