package kb.format;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One timeline list item.
 *
 * @param at   the entry's instant, resolved against earlier entries and {@code started}'s offset
 * @param text the entry text after the time and kind, as Markdown
 * @param line 1-based line in the whole file
 */
public record TimelineEntry(OffsetDateTime at, Kind kind, String text, int line) {

    public enum Kind {
        TRIGGER, DETECT, ESCALATE, MITIGATE, RESOLVE, DEPLOY, NOTE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
