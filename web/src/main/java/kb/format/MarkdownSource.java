package kb.format;

import java.util.List;
import java.util.stream.Collectors;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A Markdown body parsed with source spans, able to map nodes back to lines of the whole file and to
 * give the exact text an author wrote for a node.
 */
final class MarkdownSource {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private final String[] lines;
    private final int firstLine;
    private final Node document;

    /**
     * @param body      the body text, LF line ends
     * @param firstLine 1-based line of the body's first line in the whole file
     */
    MarkdownSource(String body, int firstLine) {
        this.lines = body.split("\n", -1);
        this.firstLine = firstLine;
        this.document = PARSER.parse(body);
    }

    Node document() {
        return document;
    }

    /** 1-based line in the whole file where {@code node} starts. */
    int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? firstLine : firstLine + spans.get(0).getLineIndex();
    }

    /** 1-based line in the whole file where {@code node} ends. */
    int lastLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? firstLine : firstLine + spans.get(spans.size() - 1).getLineIndex();
    }

    /** 1-based line in the whole file of the body's last line. */
    int endLine() {
        int n = lines.length;
        // a final line break ends the last line rather than starting an empty one
        if (n > 0 && lines[n - 1].isEmpty()) {
            n--;
        }
        return n == 0 ? Math.max(firstLine - 1, 1) : firstLine + n - 1;
    }

    /** The text the author wrote for {@code node}, its lines joined with LF (list markers excluded). */
    String raw(Node node) {
        return node.getSourceSpans().stream()
                .map(s -> lines[s.getLineIndex()].substring(s.getColumnIndex(), s.getColumnIndex() + s.getLength()))
                .collect(Collectors.joining("\n"));
    }

    /** The whole-file lines {@code from..to} (1-based, inclusive) without blank lines at either end. */
    String slice(int from, int to) {
        int a = Math.max(from - firstLine, 0);
        int b = Math.min(to - firstLine, lines.length - 1);
        while (a <= b && lines[a].isBlank()) {
            a++;
        }
        while (b >= a && lines[b].isBlank()) {
            b--;
        }
        return a > b ? "" : String.join("\n", List.of(lines).subList(a, b + 1));
    }

    /** The text of the whole-file line {@code line}. */
    String lineText(int line) {
        return lines[line - firstLine];
    }

    /** The text of {@code node} without markup (the literal of its text and code spans). */
    static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral());
            }
        });
        return text.toString();
    }
}
