package kb.review;

import kb.review.diff.ChangedFile;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.engine.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups a review page's findings by the diff line they point at, so the page can show them inline. */
final class InlineFindings {

    private static final kb.format.MarkdownRenderer RENDERER = new kb.format.MarkdownRenderer();
    private static final java.util.regex.Pattern HOW_TO = java.util.regex.Pattern.compile(
            "(?ms)^##\\s+How to comply\\s*$(.*?)(?=^##\\s|\\z)");

    private InlineFindings() {
    }

    /**
     * The saved diff's files with their hunks, for showing the change; empty when there is no diff text (a
     * review of whole files) or it no longer parses (it was checked when the review was made).
     */
    static List<ChangedFile> files(String diff) {
        if (diff == null || diff.isBlank()) {
            return List.of();
        }
        try {
            return DiffParser.parse(diff);
        } catch (DiffFormatException e) {
            return List.of();
        }
    }

    /**
     * The "How to comply" section of a checklist item's Markdown body rendered as safe HTML, as the fix to
     * suggest next to a finding; null when the item has no such section.
     */
    static String fix(String body) {
        if (body == null) {
            return null;
        }
        java.util.regex.Matcher m = HOW_TO.matcher(body);
        return m.find() && !m.group(1).isBlank() ? RENDERER.render(m.group(1).strip()) : null;
    }

    /**
     * The page's finding entries (each holding its {@link Finding} under {@code "f"}) keyed {@code "path:line"}
     * by the line in the new file, in their original order; a line with several findings keeps them together.
     */
    static Map<String, List<Map<String, Object>>> byLine(List<Map<String, Object>> findings) {
        Map<String, List<Map<String, Object>>> byLine = new LinkedHashMap<>();
        for (Map<String, Object> m : findings) {
            Finding f = (Finding) m.get("f");
            byLine.computeIfAbsent(f.path() + ":" + f.line(), k -> new ArrayList<>()).add(m);
        }
        return byLine;
    }
}
