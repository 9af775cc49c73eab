package kb.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostmortemWriterTest {

    private final PostmortemParser parser = new PostmortemParser();
    private final PostmortemWriter writer = new PostmortemWriter();

    private Postmortem parse(String text) {
        Parsed<Postmortem> parsed = parser.parse(text, null);
        assertEquals(List.of(), parsed.problems(), text);
        return parsed.value().orElseThrow();
    }

    /** The record with line numbers and source cleared: what must survive a rewrite. */
    private static Postmortem content(Postmortem p) {
        return new Postmortem(p.id(), p.title(), p.severity(), p.started(), p.detected(), p.mitigated(), p.resolved(),
                p.status(), p.services(), p.tags(), p.categories(), p.checklist(), p.authors(), p.lang(), p.sourceUrl(),
                p.excludeFromMetrics(), p.sections().stream().map(s -> new Section(s.kind(), s.heading(), s.markdown(), 0)).toList(),
                p.timeline().stream().map(t -> new TimelineEntry(t.at(), t.kind(), t.text(), 0)).toList(),
                p.actionItems().stream().map(a -> new ActionItem(a.done(), a.text(), a.owner(), a.due(), a.type(), 0)).toList(),
                p.codeBlocks().stream().map(c -> new CodeBlock(c.language(), c.info(), c.runnable(), c.role(), c.code(),
                        c.expectedOutput(), c.section(), 0)).toList(),
                null);
    }

    @Test
    void a_rewritten_file_parses_to_the_same_postmortem_and_rewrites_identically() {
        Postmortem original = parse(Fixture.resource("valid.md"));
        String written = writer.write(original);
        Postmortem again = parse(written);
        assertEquals(content(original), content(again));
        assertEquals(written, writer.write(again));
        assertNotEquals(original.source(), written, "comments in the front matter are not kept by write");
    }

    @Test
    void the_written_front_matter_is_canonical() {
        String written = writer.write(parse(Fixture.resource("valid.md")));
        assertEquals("""
                ---
                id: payments-rollback-after-commit
                title: Payment API returns 502 after a deferred rollback was added
                severity: P1
                started: 2024-03-15T02:00:00+08:00
                detected: 2024-03-15T02:04:00+08:00
                mitigated: 2024-03-15T02:40:00+08:00
                resolved: 2024-03-15T03:10:00+08:00
                status: published
                services: [payment-api, api-gateway]
                tags: [go, defer]
                categories: [resource-leak, error-handling]
                checklist: [TX-01, RES-02]
                authors: [alice, bob]
                lang: en
                source: https://example.com/writeup
                ---

                ## Summary

                A deferred""", written.substring(0, written.indexOf("A deferred") + "A deferred".length()));
    }

    @Test
    void export_of_a_parsed_record_returns_its_source() {
        String text = Fixture.resource("valid.md");
        assertEquals(text, writer.export(parse(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Timeout: 30s # of retries", "yes", "123", "null", "'quoted'", "\"double\"", "- dash",
            "[x] y", "{a}", "中文标题：超时", "@at", "%pct", "`tick`", "a: b", "ends with colon:", "---", "...",
            "tab\there", "~", "*star", "&amp", "!bang", "|pipe", ">fold", "#hash", "x #y", "back\\slash"})
    void titles_that_need_yaml_quoting_survive_a_round_trip(String title) {
        Postmortem p = parse(Fixture.VALID);
        Postmortem titled = new Postmortem(p.id(), title, p.severity(), p.started(), p.detected(), p.mitigated(),
                p.resolved(), p.status(), p.services(), List.of(title, "plain"), p.categories(), p.checklist(),
                List.of(title), p.lang(), p.sourceUrl(), false, p.sections(), p.timeline(), p.actionItems(), p.codeBlocks(), null);
        String written = writer.write(titled);
        Postmortem again = parse(written);
        assertEquals(title, again.title());
        assertEquals(List.of(title, "plain"), again.tags());
        assertEquals(List.of(title), again.authors());
        assertEquals(written, writer.write(again));
    }

    @Test
    void a_record_built_by_hand_is_written_in_the_format() {
        Postmortem p = parse(Fixture.VALID);
        Postmortem fresh = new Postmortem(p.id(), p.title(), p.severity(), p.started(), null, null, null,
                Postmortem.Status.DRAFT, List.of(), List.of(), List.of("timeout"), List.of(), List.of(), null, null, false,
                List.of(new Section(SectionKind.SUMMARY, "Summary", "Short.", 0),
                        new Section(SectionKind.TIMELINE, "Timeline", "- 02:00 Start", 0),
                        new Section(SectionKind.ROOT_CAUSE, "Root cause", "", 0)),
                List.of(), List.of(), List.of(), null);
        Postmortem again = parse(writer.export(fresh));
        assertEquals(Postmortem.Status.DRAFT, again.status());
        assertEquals("", again.sections().get(2).markdown());
        assertEquals(1, again.timeline().size());
    }
}
