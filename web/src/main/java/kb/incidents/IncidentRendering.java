package kb.incidents;

import kb.format.ActionItem;
import kb.format.CodeBlock;
import kb.format.MarkdownRenderer;
import kb.format.Postmortem;
import kb.format.Section;
import kb.format.TimelineEntry;
import kb.incidents.Parts.ActionRow;
import kb.incidents.Parts.ChecklistLink;
import kb.incidents.Parts.CodeBlockRow;
import kb.incidents.Parts.SectionRow;
import kb.incidents.Parts.TimelineRow;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that turns a parsed postmortem into what the incident page shows: the rows
 * {@link IncidentStore} writes are built here, and so is the unsaved incident an editor previews, so a
 * preview looks exactly like the saved page. Thread-safe.
 */
final class IncidentRendering {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /**
     * {@code p} as the incident page would show it once saved as revision {@code revision}; code blocks
     * have id 0 because they have not been stored.
     */
    Incident unsaved(Postmortem p, int revision, List<ChecklistLink> checklist) {
        return new Incident(header(p, revision), sections(p), timeline(p),
                actionItems(p), codeBlocks(p), distinct(p.services()), distinct(p.tags()), distinct(p.categories()),
                distinct(p.authors()), checklist);
    }

    /** The model of {@code incidents/show} (and of the {@code incidents/article} fragment it includes). */
    static Map<String, Object> showModel(Incident incident) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("incident", incident);
        model.put("h", incident.header());
        model.put("sections", IncidentController.displayOrder(incident.sections()));
        model.put("axis", TimelineAxis.of(incident));
        model.put("hasMermaid", incident.codeBlocks().stream().anyMatch(b -> "mermaid".equals(b.language())));
        return model;
    }

    /**
     * The header row for {@code p} as an unsaved incident (no content path, not yet created); the derived
     * figures (times to detect, mitigate and resolve) are computed here and nowhere else.
     */
    static IncidentHeader header(Postmortem p, int revision) {
        return new IncidentHeader(p.id(), p.title(), p.severity().name(), p.status().label(), p.started().toString(),
                text(p.detected()), text(p.mitigated()), text(p.resolved()), p.started(), p.started().getYear(),
                p.timeToDetect().map(Duration::toSeconds).orElse(null),
                p.timeToMitigate().map(Duration::toSeconds).orElse(null),
                p.timeToResolve().map(Duration::toSeconds).orElse(null),
                p.lang(), p.sourceUrl(), revision, null, null, true, false, null, null);
    }

    List<SectionRow> sections(Postmortem p) {
        List<SectionRow> rows = new ArrayList<>();
        int pos = 0;
        for (Section s : p.sections()) {
            rows.add(new SectionRow(pos++, s.kind() == null ? null : s.kind().key(), s.heading(), s.markdown(),
                    renderer.render(Prose.withoutRunnableBlocks(s.markdown()))));
        }
        return rows;
    }

    List<TimelineRow> timeline(Postmortem p) {
        List<TimelineRow> rows = new ArrayList<>();
        int pos = 0;
        for (TimelineEntry e : p.timeline()) {
            rows.add(new TimelineRow(pos++, e.at().toString(), e.kind().label(), e.text(), renderer.renderInline(e.text())));
        }
        return rows;
    }

    List<ActionRow> actionItems(Postmortem p) {
        List<ActionRow> rows = new ArrayList<>();
        int pos = 0;
        for (ActionItem a : p.actionItems()) {
            rows.add(new ActionRow(pos++, a.done(), a.text(), renderer.renderInline(a.text()), a.owner(), a.due(),
                    a.type() == null ? null : a.type().label()));
        }
        return rows;
    }

    static List<CodeBlockRow> codeBlocks(Postmortem p) {
        List<CodeBlockRow> rows = new ArrayList<>();
        int pos = 0;
        for (CodeBlock b : p.codeBlocks()) {
            rows.add(new CodeBlockRow(0, p.id(), pos++, b.language(), b.info(), b.runnable(),
                    b.role() == null ? null : b.role().label(), b.code(), b.expectedOutput(),
                    b.section() == null ? null : b.section().key(), b.line()));
        }
        return rows;
    }

    /** Label lists as stored: duplicates dropped, first occurrence kept. */
    static List<String> distinct(List<String> names) {
        return names.stream().distinct().toList();
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
