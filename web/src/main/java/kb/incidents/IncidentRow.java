package kb.incidents;

import java.time.OffsetDateTime;

/** One row of {@code incidents}: the header of the current revision. Times are ISO-8601 text as written. */
public record IncidentRow(String id, String title, String severity, String status, String started, String detected,
                          String mitigated, String resolved, OffsetDateTime startedAt, int startedYear,
                          Long ttdSeconds, Long ttmSeconds, Long ttrSeconds, String lang, String sourceUrl,
                          int currentRevision, String contentPath, String contentHash, boolean listed,
                          boolean editedInApp, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public boolean draft() {
        return "draft".equals(status);
    }

    /** Shown to readers: published and still listed. */
    public boolean visibleToReaders() {
        return listed && !draft();
    }
}
