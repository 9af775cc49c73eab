package kb.checklist;

import java.time.OffsetDateTime;

/** One stored checklist item; {@code languages} is a comma-separated list. */
record ChecklistRow(String id, String title, String area, String severity, String languages, String body,
                           String source, String contentHash, OffsetDateTime updatedAt) {

    public java.util.List<String> languageList() {
        return languages.isBlank() ? java.util.List.of() : java.util.List.of(languages.split(","));
    }
}
