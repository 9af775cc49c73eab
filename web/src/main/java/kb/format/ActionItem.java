package kb.format;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One task-list item of the Action items section. {@code owner}, {@code due} and {@code type} are
 * {@code null} when the item does not state them.
 *
 * @param text the item text without the checkbox and the trailing {@code (key: value)} group
 */
public record ActionItem(boolean done, String text, String owner, LocalDate due, Type type, int line) {

    public enum Type {
        PREVENT, MITIGATE, DETECT, PROCESS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
