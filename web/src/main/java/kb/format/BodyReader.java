package kb.format;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * Splits a postmortem body into its {@code ##} sections and reads the structured ones.
 *
 * <p>Headings: {@code ##} starts a section; {@code ###} and deeper are free text inside the section
 * they are in (in Lessons learned the usual ones are What went well / What went wrong / Where we got
 * lucky, but others are allowed too); a {@code #} heading is an error because the title lives in
 * the front matter and a second top level would break the page's outline.
 */
final class BodyReader {

    /** What the body holds; every line is a line of the whole file. */
    record Body(List<Section> sections, List<TimelineEntry> timeline, List<ActionItem> actionItems,
                List<CodeBlock> codeBlocks) {
    }

    private static final Pattern ATX = Pattern.compile("\\s{0,3}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*");

    private BodyReader() {
    }

    /**
     * @param firstLine 1-based line of the body's first line in the whole file
     * @param started   the incident start, or {@code null} when missing or invalid
     */
    static Body read(String body, int firstLine, OffsetDateTime started, List<Problem> problems) {
        MarkdownSource src = new MarkdownSource(body, firstLine);
        if (!Limits.checkNesting(src, problems)) {
            // past the parser's depth limit the rest of the text is misread: report only the real cause
            return new Body(List.of(), List.of(), List.of(), List.of());
        }
        List<Section> sections = new ArrayList<>();
        List<List<Node>> contents = new ArrayList<>();
        List<Integer> contentStarts = new ArrayList<>();
        boolean strayReported = false;
        for (Node node = src.document().getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h && h.getLevel() == 2) {
                String text = MarkdownSource.plainText(h);
                if (text.isBlank()) {
                    problems.add(Problem.at(src.line(h), "a '##' heading needs a title"));
                }
                sections.add(new Section(SectionKind.forHeading(text).orElse(null), heading(src, h), null, src.line(h)));
                contents.add(new ArrayList<>());
                contentStarts.add(src.lastLine(h) + 1);
                continue;
            }
            if (node instanceof Heading h && h.getLevel() == 1) {
                problems.add(Problem.at(src.line(h), "a '#' heading is not allowed in the body (the title is "
                        + "in the front matter); use '##' for a section or '###' inside one"));
            } else if (sections.isEmpty() && !strayReported) {
                strayReported = true;
                problems.add(Problem.at(src.line(node), "text before the first '##' section; start the body with a "
                        + "section heading such as '## Summary'"));
            }
            if (!contents.isEmpty()) {
                contents.get(contents.size() - 1).add(node);
            }
        }
        sections = withMarkdown(src, sections, contentStarts);
        Map<SectionKind, Integer> index = knownSections(sections, problems, src.endLine());

        List<TimelineEntry> timeline = index.containsKey(SectionKind.TIMELINE)
                ? TimelineReader.read(src, sections.get(index.get(SectionKind.TIMELINE)),
                        contents.get(index.get(SectionKind.TIMELINE)), started, problems)
                : List.of();
        List<ActionItem> actions = index.containsKey(SectionKind.ACTION_ITEMS)
                ? ActionItemReader.read(src, contents.get(index.get(SectionKind.ACTION_ITEMS)), problems)
                : List.of();
        List<Section> all = sections;
        List<CodeBlock> code = CodeBlockReader.read(src, line -> sectionAt(all, line), problems);
        return new Body(List.copyOf(sections), List.copyOf(timeline), List.copyOf(actions), List.copyOf(code));
    }

    /** Each section's Markdown runs from the line after its heading to the line before the next one. */
    private static List<Section> withMarkdown(MarkdownSource src, List<Section> sections, List<Integer> starts) {
        List<Section> done = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            int end = i + 1 < sections.size() ? sections.get(i + 1).line() - 1 : src.endLine();
            done.add(new Section(s.kind(), s.heading(), src.slice(starts.get(i), end), s.line()));
        }
        return done;
    }

    private static Map<SectionKind, Integer> knownSections(List<Section> sections, List<Problem> problems, int endLine) {
        Map<SectionKind, Integer> index = new EnumMap<>(SectionKind.class);
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.kind() == null) {
                continue;
            }
            Integer first = index.putIfAbsent(s.kind(), i);
            if (first != null) {
                problems.add(Problem.at(s.line(), "duplicate section '" + s.kind().title() + "' (first at line "
                        + sections.get(first).line() + ")"));
            }
        }
        List<Section> unknown = sections.stream().filter(s -> s.kind() == null).toList();
        for (SectionKind kind : SectionKind.values()) {
            if (kind.required() && !index.containsKey(kind)) {
                problems.add(missing(kind, unknown, endLine));
            }
        }
        return index;
    }

    /**
     * A missing required section, pointed at the heading that most likely meant it ("## 1. Summary" is read as
     * free text), or else at the last line with the headings that are accepted and the ones that were not
     * recognised, so an author writing in another language or numbering their headings sees what to rename.
     */
    private static Problem missing(SectionKind kind, List<Section> unknown, int endLine) {
        String what = "missing required section '## " + kind.title() + "'";
        for (Section s : unknown) {
            if (SectionKind.resembling(s.heading()).orElse(null) == kind) {
                return Problem.at(s.line(), what + ": '## " + s.heading() + "' is read as a free-text section; "
                        + "rename it " + kind.acceptedHeadings() + " (any case, nothing else on the line)");
            }
        }
        StringBuilder message = new StringBuilder(what).append(" (accepted headings: ")
                .append(kind.acceptedHeadings()).append(')');
        if (!unknown.isEmpty()) {
            message.append("; not recognised: ");
            int shown = Math.min(3, unknown.size());
            for (int i = 0; i < shown; i++) {
                message.append(i == 0 ? "" : ", ").append("'## ").append(unknown.get(i).heading())
                        .append("' (line ").append(unknown.get(i).line()).append(')');
            }
            if (unknown.size() > shown) {
                message.append(" and ").append(unknown.size() - shown).append(" more");
            }
        }
        return Problem.at(endLine, message.toString());
    }

    private static SectionKind sectionAt(List<Section> sections, int line) {
        SectionKind kind = null;
        for (Section s : sections) {
            if (s.line() <= line) {
                kind = s.kind();
            }
        }
        return kind;
    }

    /** The heading as written, without its {@code #} marks (setext lines joined by a space). */
    private static String heading(MarkdownSource src, Heading h) {
        Matcher atx = ATX.matcher(src.lineText(src.line(h)));
        if (atx.matches()) {
            return atx.group(1) == null ? "" : atx.group(1).strip();
        }
        StringBuilder text = new StringBuilder();
        for (int line = src.line(h); line < src.lastLine(h); line++) {
            text.append(text.length() == 0 ? "" : " ").append(src.lineText(line).strip());
        }
        return text.toString();
    }
}
