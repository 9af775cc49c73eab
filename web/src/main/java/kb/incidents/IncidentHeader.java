package kb.incidents;

import java.time.OffsetDateTime;

/** The header of an incident's current revision (one row of {@code incidents}). Times are ISO-8601 text as written. */
public record IncidentHeader(String id, String title, String severity, String status, String started, String detected,
                          String mitigated, String resolved, OffsetDateTime startedAt, int startedYear,
                          Long ttdSeconds, Long ttmSeconds, Long ttrSeconds, String lang, String sourceUrl,
                          int currentRevision, String contentPath, String contentHash, boolean listed,
                          boolean editedInApp, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public boolean draft() {
        return "draft".equals(status);
    }

    /**
     * Shipped in {@code content/} and never changed in the app: the only code the sandbox runs as trusted,
     * and the only incidents a changed bundled file may update. The one place this rule is written.
     */
    public boolean trusted() {
        return contentPath != null && !editedInApp;
    }

    /** Shown to readers: published and still listed. */
    public boolean visibleToReaders() {
        return listed && !draft();
    }
}
