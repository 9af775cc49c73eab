package kb.format;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a postmortem back in the file format. {@link #write} regenerates the file from the record:
 * front matter in the canonical key order ({@link PostmortemParser#KEYS}), values quoted only where
 * YAML needs it, then every section's heading and Markdown verbatim. Parsing the result gives an
 * equal record (apart from {@code source} and line numbers), and writing that again gives the same
 * text. Thread-safe.
 */
public final class PostmortemWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Yaml yaml;

    public PostmortemWriter() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setAllowUnicode(true);
        this.yaml = new Yaml(options);
    }

    /**
     * The text to hand out for {@code p}: the exact text it was parsed from when there is one (so an
     * export keeps the author's comments and layout), otherwise {@link #write}. A caller that changes
     * a parsed record must clear {@code source} or call {@link #write} directly.
     */
    public String export(Postmortem p) {
        return p.source() != null ? p.source() : write(p);
    }

    /** Regenerates the file text of {@code p}; ends with a line break. */
    public String write(Postmortem p) {
        StringBuilder out = new StringBuilder("---\n");
        line(out, "id", p.id());
        line(out, "title", scalar(p.title()));
        line(out, "severity", p.severity() == null ? null : p.severity().name());
        line(out, "started", time(p.started()));
        line(out, "detected", time(p.detected()));
        line(out, "mitigated", time(p.mitigated()));
        line(out, "resolved", time(p.resolved()));
        line(out, "status", p.status() == null ? null : p.status().label());
        list(out, "services", p.services());
        list(out, "tags", p.tags());
        list(out, "categories", p.categories());
        list(out, "checklist", p.checklist());
        list(out, "authors", p.authors());
        line(out, "lang", scalar(p.lang()));
        line(out, "source", scalar(p.sourceUrl()));
        line(out, "exclude-from-metrics", p.excludeFromMetrics() ? "true" : null);
        out.append("---\n");
        for (Section s : p.sections()) {
            out.append("\n## ").append(s.heading()).append('\n');
            if (!s.markdown().isEmpty()) {
                out.append('\n').append(s.markdown()).append('\n');
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        if (value != null) {
            out.append(key).append(": ").append(value).append('\n');
        }
    }

    private void list(StringBuilder out, String key, List<String> values) {
        if (values != null && !values.isEmpty()) {
            out.append(key).append(": ").append(yaml.dump(values).strip()).append('\n');
        }
    }

    /** The value as YAML: plain when that reads back as the same string, quoted otherwise. */
    private String scalar(String value) {
        return value == null ? null : yaml.dump(value).strip();
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : TIME.format(t);
    }
}
