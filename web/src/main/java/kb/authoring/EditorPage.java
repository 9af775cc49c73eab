package kb.authoring;

import kb.format.Problem;
import kb.incidents.Incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model of {@code authoring/editor}: the author's text (always, on every path), the problems
 * found in it, a notice, and optionally a preview or the newer revision of a refused stale save.
 */
final class EditorPage {

    private final Map<String, Object> model = new HashMap<>();

    private EditorPage(String mode, String id, String text, Integer baseRevision) {
        model.put("mode", mode);
        model.put("id", id);
        model.put("action", id == null ? "/incidents/new" : "/incidents/" + id + "/edit");
        model.put("baseRevision", baseRevision);
        model.put("problems", List.of());
        model.put("notice", null);
        model.put("previewing", false);
        model.put("stale", null);
        model.put("hasMermaid", false);
        // the preview's article must not offer Edit/History links for an incident that is not saved yet
        model.put("incidentActions", List.of());
        model.put("incidentBadges", List.of());
        text(text);
    }

    static EditorPage forNew(String text) {
        return new EditorPage("new", null, text, null);
    }

    static EditorPage forEdit(String id, String text, Integer baseRevision) {
        return new EditorPage("edit", id, text, baseRevision);
    }

    EditorPage text(String text) {
        String t = text == null ? "" : text;
        model.put("text", t);
        model.put("textHtml", textareaHtml(t));
        model.put("lineCount", t.isEmpty() ? 1 : t.split("\r\n|\r|\n", -1).length);
        return this;
    }

    EditorPage baseRevision(Integer base) {
        model.put("baseRevision", base);
        return this;
    }

    EditorPage problems(List<Problem> problems) {
        model.put("problems", problems);
        return this;
    }

    /** @param kind {@code session}, {@code forbidden}, {@code error}, {@code stale} or {@code invalid} */
    EditorPage notice(String kind, String message) {
        model.put("notice", Map.of("kind", kind, "message", message));
        return this;
    }

    EditorPage preview(Incident unsaved) {
        model.putAll(kb.incidents.Incidents.pageModel(unsaved));
        model.put("previewing", true);
        return this;
    }

    EditorPage stale(int base, int current, String currentText, String yourText) {
        model.put("stale", Map.of("base", base, "current", current, "text", currentText,
                "diff", LineDiff.between(currentText, yourText, "revision " + current, "your text")));
        return this;
    }

    Map<String, Object> model() {
        return model;
    }

    /**
     * The text escaped for the inside of a {@code <textarea>}, such that the element's value is the
     * text exactly: a carriage return is written as a character reference because HTML parsers turn a
     * literal CR LF into LF, and the template puts a line break right after the start tag because
     * parsers drop one there (so a text that starts with a blank line keeps it).
     */
    static String textareaHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
