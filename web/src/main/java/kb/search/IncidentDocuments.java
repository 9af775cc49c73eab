package kb.search;

import kb.incidents.Incident;
import kb.incidents.Parts.ActionRow;
import kb.incidents.Parts.ChecklistLink;
import kb.incidents.Parts.SectionRow;
import kb.incidents.Parts.TimelineRow;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns an incident into its index document: one document per incident, keyed by {@link Fields#ID}. */
final class IncidentDocuments {

    /** Stored, with offsets in the postings: snippets are cut from the stored text at the matches' offsets. */
    private static final FieldType TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");

    private IncidentDocuments() {
    }

    static Document of(Incident incident) {
        var h = incident.header();
        Document d = new Document();
        d.add(new StringField(Fields.ID, h.id(), Field.Store.YES));
        // the id again as a doc value: ranking related candidates reads it without decompressing stored text
        d.add(new SortedDocValuesField(Fields.ID_VALUE, new BytesRef(h.id())));
        text(d, Fields.TITLE, h.title());
        List<String> other = new ArrayList<>();
        for (SectionRow s : incident.sections()) {
            String prose = withoutCode(s.markdown());
            String kind = s.kind() == null ? "" : s.kind();
            switch (kind) {
                case "summary" -> text(d, Fields.SUMMARY, prose);
                case "root-cause" -> text(d, Fields.ROOT_CAUSE, prose);
                // the parsed timeline and action items are indexed below, once, without Markdown list syntax
                case "timeline", "action-items" -> { }
                default -> other.add(s.heading() + "\n" + prose);
            }
        }
        text(d, Fields.BODY, String.join("\n\n", other));
        text(d, Fields.TIMELINE, String.join("\n", incident.timeline().stream().map(TimelineRow::text).toList()));
        text(d, Fields.ACTIONS, String.join("\n", incident.actionItems().stream().map(ActionRow::text).toList()));
        text(d, Fields.CODE, String.join("\n\n", incident.codeBlocks().stream().map(b -> b.code()).toList()));
        List<String> labels = new ArrayList<>();
        labels.addAll(incident.services());
        labels.addAll(incident.tags());
        labels.addAll(incident.categories());
        incident.checklist().forEach(c -> labels.add(c.id() + " " + c.title()));
        text(d, Fields.LABELS, String.join("\n", labels));

        keyword(d, Fields.SEVERITY, h.severity());
        keyword(d, Fields.STATUS, h.status());
        keyword(d, Fields.YEAR, Integer.toString(h.startedYear()));
        if (h.lang() != null) {
            keyword(d, Fields.LANG, h.lang());
        }
        incident.services().forEach(v -> keyword(d, Fields.SERVICE, v));
        incident.tags().forEach(v -> keyword(d, Fields.TAG, v));
        incident.categories().forEach(v -> keyword(d, Fields.CATEGORY, v));
        incident.authors().forEach(v -> keyword(d, Fields.AUTHOR, v));
        incident.checklist().stream().map(ChecklistLink::id).forEach(v -> keyword(d, Fields.CHECKLIST, v));
        d.add(new StoredField(Fields.STARTED, h.started()));
        d.add(new StoredField(Fields.SHOWN_SEVERITY, h.severity()));
        d.add(new NumericDocValuesField(Fields.STARTED_MS, h.startedAt().toInstant().toEpochMilli()));
        return d;
    }

    /** A text field, stored with offsets for snippets, and its word pairs (not stored) for phrases. */
    private static void text(Document d, String field, String value) {
        d.add(new Field(field, value, TEXT));
        d.add(new TextField(Fields.pairs(field), value, Field.Store.NO));
    }

    /** Exact match on the lower-cased value; the value as written goes to the facet doc values. */
    private static void keyword(Document d, String field, String value) {
        d.add(new StringField(field, value.toLowerCase(Locale.ROOT), Field.Store.NO));
        d.add(new SortedSetDocValuesField(Fields.facet(field), new BytesRef(value)));
    }

    /** Markdown prose with fenced code removed: code has its own, lighter field. */
    static String withoutCode(String markdown) {
        StringBuilder out = new StringBuilder();
        String open = null;
        for (String line : markdown.split("\n", -1)) {
            var m = FENCE.matcher(line);
            if (m.matches()) {
                String fence = m.group(1);
                if (open == null) {
                    open = fence;
                    continue;
                }
                if (fence.charAt(0) == open.charAt(0) && fence.length() >= open.length()
                        && line.strip().equals(fence)) {
                    open = null;
                    continue;
                }
            }
            if (open == null) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
