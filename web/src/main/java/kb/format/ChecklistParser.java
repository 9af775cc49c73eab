package kb.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses and validates one checklist item file ({@code content/checklist/ID.md}): front matter with
 * id, title, area, severity and optional languages, then a non-empty Markdown body. Stateless.
 */
public final class ChecklistParser {

    public static final List<String> KEYS = List.of("id", "title", "area", "severity", "languages");
    /** Languages are short lower-case names as used for file types: java, go, any, ... */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z][a-z0-9+#-]*");

    /**
     * @param text     the whole file
     * @param fileName the file's name or path, whose base name without {@code .md} must equal the id;
     *                 {@code null} skips that check
     * @return the item, or every problem found (sorted by line)
     */
    public Parsed<ChecklistItem> parse(String text, String fileName) {
        List<Problem> problems = new ArrayList<>();
        FrontMatter fm = FrontMatter.ofFile(text, KEYS, problems);
        if (fm == null) {
            return Parsed.failed(problems);
        }
        String id = PostmortemParser.matching(fm, "id", PostmortemParser.CHECKLIST_ID,
                "2 to 5 capital letters, '-', two digits, e.g. RES-01", problems);
        String expected = baseName(fileName);
        if (id != null && expected != null && !id.equals(expected)) {
            problems.add(Problem.at(fm.line("id"), "id '" + id + "' must equal the file name; rename the file to "
                    + id + ".md or change the id to " + expected));
        }
        String title = fm.string("title", true);
        String area = fm.string("area", true);
        ChecklistItem.Severity severity = severity(fm, problems);
        List<String> languages = new ArrayList<>();
        for (FrontMatter.Item item : fm.list("languages")) {
            if (LANGUAGE.matcher(item.value()).matches()) {
                languages.add(item.value());
            } else {
                problems.add(Problem.at(item.line(), "language '" + item.value()
                        + "' must be a lower-case name such as java, go or any"));
            }
        }
        String body = new MarkdownSource(fm.body(), fm.bodyLine()).slice(fm.bodyLine(), Integer.MAX_VALUE);
        if (body.isEmpty()) {
            problems.add(Problem.at(fm.bodyLine() - 1, "the checklist item has no body; say why the rule "
                    + "matters, how to comply, and show a bad and a good example"));
        }
        if (!problems.isEmpty()) {
            return Parsed.failed(problems);
        }
        return Parsed.ok(new ChecklistItem(id, title, area, severity, List.copyOf(languages), body, text));
    }

    private static ChecklistItem.Severity severity(FrontMatter fm, List<Problem> problems) {
        String value = fm.string("severity", true);
        if (value == null) {
            return null;
        }
        for (ChecklistItem.Severity s : ChecklistItem.Severity.values()) {
            if (s.label().equals(value.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        problems.add(Problem.at(fm.line("severity"), "severity '" + value + "' must be blocker, warning or advice"));
        return null;
    }

    /** {@code content/checklist/RES-01.md} gives {@code RES-01}; {@code null} for a null name. */
    public static String baseName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }
}
