package kb.actions;

import kb.format.ActionItem;
import kb.format.Parsed;
import kb.format.Postmortem;
import kb.format.PostmortemParser;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes one action item's status in a postmortem's Markdown and nothing else: the checkbox of the item's task
 * ({@code - [ ]} / {@code - [x]}) is the only character that differs, so the new revision exports byte for byte
 * as the old one apart from it.
 */
final class ActionMarkdown {

    /** The list marker (bullet or ordered, up to three spaces of indent) and the task's checkbox. */
    private static final Pattern TASK_LINE = Pattern.compile("^( {0,3}(?:[-*+]|[0-9]{1,9}[.)])[ \t]+\\[)([ xX])(\\])");

    private ActionMarkdown() {
    }

    /** Why a change could not be made; the text is then left as it was. */
    static final class NotChanged extends Exception {
        NotChanged(String message) {
            super(message);
        }
    }

    /**
     * {@code text} with action item {@code position} (0-based, in the order of the Action items section) marked
     * {@code done} or open. Returns empty when the item already has that status.
     *
     * @throws NotChanged when the text does not parse or has no such item
     */
    static Optional<String> withStatus(String text, int position, boolean done) throws NotChanged {
        Parsed<Postmortem> parsed = new PostmortemParser().parse(text, null);
        if (!parsed.valid()) {
            throw new NotChanged("the current revision does not pass the format's checks (line "
                    + parsed.problems().get(0).line() + ": " + parsed.problems().get(0).message() + "); fix it in the editor");
        }
        List<ActionItem> items = parsed.value().orElseThrow().actionItems();
        if (position < 0 || position >= items.size()) {
            throw new NotChanged("the incident has " + items.size() + " action item" + (items.size() == 1 ? "" : "s")
                    + "; there is no item " + (position + 1));
        }
        ActionItem item = items.get(position);
        if (item.done() == done) {
            return Optional.empty();
        }
        int start = lineStart(text, item.line());
        if (start < 0) {
            throw new NotChanged("the item's line " + item.line() + " is past the end of the text");
        }
        int end = text.indexOf('\n', start);
        String line = text.substring(start, end < 0 ? text.length() : end);
        Matcher m = TASK_LINE.matcher(line);
        if (!m.find()) {
            throw new NotChanged("line " + item.line() + " does not start with the item's checkbox");
        }
        int box = start + m.start(2);
        return Optional.of(text.substring(0, box) + (done ? 'x' : ' ') + text.substring(box + 1));
    }

    /** The offset where 1-based line {@code line} starts, or -1 past the end. */
    private static int lineStart(String text, int line) {
        int at = 0;
        for (int i = 1; i < line; i++) {
            at = text.indexOf('\n', at);
            if (at < 0) {
                return -1;
            }
            at++;
        }
        return at;
    }
}
