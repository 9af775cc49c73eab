package kb.format;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Reads the Action items section: every list item is a task ({@code - [ ]} or {@code - [x]}) with an
 * optional trailing {@code (owner: ..., due: YYYY-MM-DD, type: ...)} group. Text outside the lists
 * (an introduction) is allowed and only kept in the section's Markdown.
 */
final class ActionItemReader {

    private static final Pattern TASK = Pattern.compile("(?s)\\[([ xX])\\](?:\\s+(.*))?");
    /** A trailing parenthesised group that starts like {@code key:}; other parentheses are text. */
    private static final Pattern META = Pattern.compile("(?s)(.*?)\\s*\\(\\s*([A-Za-z]+\\s*:[^()]*)\\)\\s*");
    private static final List<String> KEYS = List.of("owner", "due", "type");
    private static final String TYPES = "prevent, mitigate, detect, process";

    private ActionItemReader() {
    }

    static List<ActionItem> read(MarkdownSource src, List<Node> blocks, List<Problem> problems) {
        List<ActionItem> items = new ArrayList<>();
        for (Node block : blocks) {
            if (block instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    ActionItem read = item((ListItem) item, src, problems);
                    if (read != null) {
                        items.add(read);
                    }
                }
            }
        }
        return items;
    }

    private static ActionItem item(ListItem item, MarkdownSource src, List<Problem> problems) {
        int line = src.line(item);
        String raw = item.getFirstChild() instanceof Paragraph p ? src.raw(p) : null;
        Matcher task = raw == null ? null : TASK.matcher(raw);
        if (task == null || !task.matches()) {
            problems.add(Problem.at(line, "an action item must be a task: '- [ ] text' or '- [x] text'"));
            return null;
        }
        Node extra = item.getFirstChild().getNext();
        if (extra != null) {
            problems.add(Problem.at(src.line(extra), "an action item must be one paragraph; "
                    + "nested lists and blocks are not allowed in it"));
        }
        String text = task.group(2) == null ? "" : task.group(2).strip();
        int before = problems.size();
        String owner = null;
        LocalDate due = null;
        ActionItem.Type type = null;
        Matcher meta = META.matcher(text);
        if (meta.matches()) {
            text = meta.group(1).strip();
            // the group may sit on a continuation line of a long item
            String upToGroup = raw.substring(0, task.start(2) + meta.start(2));
            int metaLine = line + (int) upToGroup.chars().filter(c -> c == '\n').count();
            Set<String> seen = new HashSet<>();
            for (String pair : meta.group(2).split(",")) {
                int colon = pair.indexOf(':');
                if (colon < 0) {
                    problems.add(Problem.at(metaLine, "'" + pair.strip() + "' in the (key: value) group needs a key"));
                    continue;
                }
                String key = pair.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = pair.substring(colon + 1).strip();
                if (!KEYS.contains(key)) {
                    problems.add(Problem.at(metaLine, "unknown action item key '" + key + "'; allowed keys are owner, due, type"));
                } else if (!seen.add(key)) {
                    problems.add(Problem.at(metaLine, "action item key '" + key + "' is given twice"));
                } else if (value.isEmpty()) {
                    problems.add(Problem.at(metaLine, "action item key '" + key + "' has no value"));
                } else if (key.equals("owner")) {
                    owner = value;
                } else if (key.equals("due")) {
                    due = date(value, metaLine, problems);
                } else {
                    type = type(value, metaLine, problems);
                }
            }
        }
        if (text.isEmpty()) {
            problems.add(Problem.at(line, "action item has no text"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new ActionItem(!task.group(1).equals(" "), text, owner, due, type, line);
    }

    private static LocalDate date(String value, int line, List<Problem> problems) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(Problem.at(line, "action item due date '" + value + "' is not a date like 2024-04-01"));
            return null;
        }
    }

    private static ActionItem.Type type(String value, int line, List<Problem> problems) {
        for (ActionItem.Type t : ActionItem.Type.values()) {
            if (t.label().equals(value.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        problems.add(Problem.at(line, "unknown action item type '" + value + "'; use one of " + TYPES));
        return null;
    }
}
