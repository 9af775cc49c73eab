package kb.format;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Reads the Timeline section: one list item per entry, {@code TIME [kind] text}. Besides the list
 * the section may hold fenced code (a diagram), {@code ###} headings and link reference definitions;
 * any other text is an error, because an entry written without its list marker would otherwise
 * vanish from the timeline.
 */
final class TimelineReader {

    private static final Pattern ENTRY = Pattern.compile(
            "(?s)(?:(\\d{4}-\\d{2}-\\d{2})[ \\t]+)?(\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\s+(.*)|$)");
    /** A bracketed word that is not the text of a Markdown link ({@code [x](url)}, {@code [x][ref]}). */
    private static final Pattern KIND = Pattern.compile("(?s)\\[([^\\]\\n]*)\\](?![(\\[])\\s*(.*)");
    private static final String KINDS = Arrays.stream(TimelineEntry.Kind.values())
            .map(TimelineEntry.Kind::label).collect(Collectors.joining(", "));
    private static final String FORM = "HH:MM, HH:MM:SS or YYYY-MM-DD HH:MM[:SS]";

    private final MarkdownSource src;
    private final List<Problem> problems;
    private final List<TimelineEntry> entries = new ArrayList<>();
    private LocalDate date;
    private final ZoneOffset offset;
    private TimelineEntry previous;
    private int items;

    private TimelineReader(MarkdownSource src, OffsetDateTime started, List<Problem> problems) {
        this.src = src;
        this.problems = problems;
        this.date = started == null ? null : started.toLocalDate();
        this.offset = started == null ? ZoneOffset.UTC : started.getOffset();
    }

    /**
     * @param started the front matter's start, giving the first entries' date and every entry's
     *                offset; {@code null} when it is missing or invalid (entries before the first
     *                dated one are then only checked for form)
     */
    static List<TimelineEntry> read(MarkdownSource src, Section section, List<Node> blocks,
                                    OffsetDateTime started, List<Problem> problems) {
        TimelineReader reader = new TimelineReader(src, started, problems);
        for (Node block : blocks) {
            if (block instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    reader.item((ListItem) item);
                }
            } else if (!(block instanceof FencedCodeBlock || block instanceof LinkReferenceDefinition
                    || block instanceof Heading h && h.getLevel() >= 3)) {
                problems.add(Problem.at(src.line(block), "the Timeline section must be a list of entries "
                        + "like '- 02:04 [detect] Pager fires'; this text is not in the list"));
            }
        }
        if (reader.items == 0) {
            problems.add(Problem.at(section.line(), "the timeline is empty; add entries like "
                    + "'- 02:04 [detect] Pager fires'"));
        }
        return reader.entries;
    }

    private void item(ListItem item) {
        items++;
        int line = src.line(item);
        if (!(item.getFirstChild() instanceof Paragraph paragraph)) {
            problems.add(Problem.at(line, "timeline entry has no text; write '- " + "HH:MM [kind] what happened'"));
            return;
        }
        if (paragraph.getNext() != null) {
            problems.add(Problem.at(src.line(paragraph.getNext()), "a timeline entry must be one paragraph; "
                    + "nested lists and blocks are not allowed in it"));
        }
        Matcher m = ENTRY.matcher(src.raw(paragraph));
        if (!m.matches()) {
            problems.add(Problem.at(line, "timeline entry must start with its time (" + FORM + ")"));
            return;
        }
        LocalDate day = date;
        boolean timeValid = true;
        if (m.group(1) != null) {
            try {
                day = LocalDate.parse(m.group(1));
            } catch (DateTimeParseException e) {
                problems.add(Problem.at(line, "invalid date " + m.group(1) + " in timeline entry"));
                timeValid = false;
            }
        }
        int hour = Integer.parseInt(m.group(2));
        int minute = Integer.parseInt(m.group(3));
        int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (hour > 23 || minute > 59 || second > 59) {
            problems.add(Problem.at(line, "invalid time " + m.group(2) + ":" + m.group(3)
                    + (m.group(4) == null ? "" : ":" + m.group(4)) + " in timeline entry"));
            timeValid = false;
        }
        String rest = m.group(5) == null ? "" : m.group(5).strip();
        TimelineEntry.Kind kind = TimelineEntry.Kind.NOTE;
        Matcher k = KIND.matcher(rest);
        if (k.matches()) {
            kind = kind(k.group(1), line);
            rest = k.group(2).strip();
        }
        if (rest.isEmpty()) {
            problems.add(Problem.at(line, "timeline entry has no text after its time"));
        }
        if (!timeValid || day == null) {
            // without a base date (no valid 'started', already reported) the entry cannot be ordered
            return;
        }
        date = day;
        TimelineEntry entry = new TimelineEntry(
                OffsetDateTime.of(LocalDateTime.of(day, LocalTime.of(hour, minute, second)), offset), kind, rest, line);
        checkOrder(entry);
        if (kind != null && !rest.isEmpty()) {
            entries.add(entry);
        }
    }

    private TimelineEntry.Kind kind(String word, int line) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        for (TimelineEntry.Kind kind : TimelineEntry.Kind.values()) {
            if (kind.label().equals(w)) {
                return kind;
            }
        }
        problems.add(Problem.at(line, "unknown timeline kind [" + word + "]; use one of " + KINDS));
        return null;
    }

    private void checkOrder(TimelineEntry entry) {
        if (previous != null && entry.at().isBefore(previous.at())) {
            problems.add(Problem.at(entry.line(), "timeline entry at " + entry.at().toLocalDateTime()
                    + " is earlier than the entry before it (" + previous.at().toLocalDateTime()
                    + ", line " + previous.line() + "); entries must be in time order "
                    + "(write the date when the incident crosses midnight)"));
        }
        previous = entry;
    }
}
