package kb.format;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A valid postmortem as described by {@code POSTMORTEM_FORMAT.md}. Optional front-matter values are
 * {@code null} when absent; lists are never {@code null}.
 *
 * @param excludeFromMetrics {@code exclude-from-metrics: true}: listed and searchable, but left out of
 *                           time-to-X figures (a drill, a duplicate, unknown times)
 * @param source the exact Markdown text this was parsed from
 */
public record Postmortem(
        String id,
        String title,
        Severity severity,
        OffsetDateTime started,
        OffsetDateTime detected,
        OffsetDateTime mitigated,
        OffsetDateTime resolved,
        Status status,
        List<String> services,
        List<String> tags,
        List<String> categories,
        List<String> checklist,
        List<String> authors,
        String lang,
        String sourceUrl,
        boolean excludeFromMetrics,
        List<Section> sections,
        List<TimelineEntry> timeline,
        List<ActionItem> actionItems,
        List<CodeBlock> codeBlocks,
        String source) {

    public enum Severity { P0, P1, P2, P3, P4 }

    public enum Status {
        DRAFT, PUBLISHED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Optional<Duration> timeToDetect() {
        return since(detected);
    }

    public Optional<Duration> timeToMitigate() {
        return since(mitigated);
    }

    public Optional<Duration> timeToResolve() {
        return since(resolved);
    }

    private Optional<Duration> since(OffsetDateTime t) {
        return Optional.ofNullable(t).map(x -> Duration.between(started, x));
    }
}
