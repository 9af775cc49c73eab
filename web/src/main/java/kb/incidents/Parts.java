package kb.incidents;

import java.time.LocalDate;

/** The parsed parts of an incident's current revision, as stored. */
public final class Parts {

    private Parts() {
    }

    public record SectionRow(int position, String kind, String heading, String markdown, String html) {
    }

    public record TimelineRow(int position, String atTime, String kind, String text, String html) {
    }

    public record ActionRow(int position, boolean done, String text, String html, String owner, LocalDate due,
                            String type) {
    }

    public record CodeBlockRow(long id, String incidentId, int position, String language, String info,
                               boolean runnable, String role, String code, String expectedOutput, String sectionKind,
                               int line) {
    }

    public record Revision(String incidentId, int number, String source, String contentHash, String author,
                              String origin, java.time.OffsetDateTime createdAt) {
    }

    public record ChecklistLink(String id, String title, String severity, String area) {
    }
}
