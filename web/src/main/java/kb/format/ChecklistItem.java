package kb.format;

import java.util.List;
import java.util.Locale;

/**
 * One defensive-coding checklist item ({@code content/checklist/ID.md}).
 *
 * @param body   the Markdown body after the front matter
 * @param source the exact file text
 */
public record ChecklistItem(String id, String title, String area, Severity severity, List<String> languages,
                            String body, String source) {

    public enum Severity {
        BLOCKER, WARNING, ADVICE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
