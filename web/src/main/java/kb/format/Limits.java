package kb.format;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;

/**
 * Caps on what one postmortem may hold. A file past a cap is refused when it is written, with the line
 * where it goes over, so one input can never make a page, a JSON answer or a parse unbounded. The caps
 * are far above real postmortems (the bundled ones have under 40 timeline entries and 12 sections).
 */
public final class Limits {

    /** Largest file accepted, in UTF-8 bytes (as the authoring API accepts). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Deepest nesting of lists and block quotes. The Markdown parser silently misreads text after 50. */
    public static final int MAX_NESTING = 16;
    public static final int MAX_SECTIONS = 60;
    public static final int MAX_TIMELINE_ENTRIES = 1_000;
    public static final int MAX_ACTION_ITEMS = 300;
    public static final int MAX_CODE_BLOCKS = 100;
    /** Lines with a NUL reported one by one; the rest are counted. */
    private static final int NUL_LINES_LISTED = 5;

    private Limits() {
    }

    /**
     * Checks the raw text before it is parsed: its size, and NUL characters (which no database column
     * should hold and PostgreSQL refuses).
     *
     * @return false when the text is too large to parse at all (the problem is then in {@code problems})
     */
    static boolean checkText(String text, List<Problem> problems) {
        long bytes = utf8Length(text);
        if (bytes > MAX_BYTES) {
            problems.add(Problem.at(1, "the file has " + bytes + " bytes; at most " + MAX_BYTES
                    + " are accepted (split it, or move long logs out of it)"));
            return false;
        }
        int line = 1;
        int column = 1;
        int listed = 0;
        int more = 0;
        int lastLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' && line != lastLine) {
                lastLine = line;
                if (listed < NUL_LINES_LISTED) {
                    listed++;
                    problems.add(new Problem(line, column, "this line contains a NUL character (\\0); remove it"));
                } else {
                    more++;
                }
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        if (more > 0) {
            problems.add(Problem.at(lastLine, more + " more lines contain NUL characters"));
        }
        return true;
    }

    /**
     * The first list item or block quote nested deeper than {@link #MAX_NESTING}, as a problem at its line.
     *
     * @return false when the body is nested too deep (then nothing else in it can be trusted)
     */
    static boolean checkNesting(MarkdownSource src, List<Problem> problems) {
        record Open(Node node, int depth) {
        }
        Deque<Open> stack = new ArrayDeque<>();
        stack.push(new Open(src.document(), 0));
        while (!stack.isEmpty()) {
            Open open = stack.pop();
            for (Node child = open.node().getFirstChild(); child != null; child = child.getNext()) {
                int depth = open.depth() + (child instanceof ListBlock || child instanceof BlockQuote ? 1 : 0);
                if (depth > MAX_NESTING) {
                    problems.add(Problem.at(src.line(child), "lists and block quotes are nested more than "
                            + MAX_NESTING + " levels deep here; at most " + MAX_NESTING + " levels are allowed"));
                    return false;
                }
                stack.push(new Open(child, depth));
            }
        }
        return true;
    }

    /** Problems for a body with more sections, timeline entries, action items or code blocks than allowed. */
    static void checkCounts(BodyReader.Body body, List<Problem> problems) {
        over(body.sections().size(), MAX_SECTIONS, "'##' sections",
                () -> body.sections().get(MAX_SECTIONS).line(), problems);
        over(body.timeline().size(), MAX_TIMELINE_ENTRIES, "timeline entries",
                () -> body.timeline().get(MAX_TIMELINE_ENTRIES).line(), problems);
        over(body.actionItems().size(), MAX_ACTION_ITEMS, "action items",
                () -> body.actionItems().get(MAX_ACTION_ITEMS).line(), problems);
        over(body.codeBlocks().size(), MAX_CODE_BLOCKS, "code blocks",
                () -> body.codeBlocks().get(MAX_CODE_BLOCKS).line(), problems);
    }

    private static void over(int count, int max, String what, java.util.function.IntSupplier firstOver,
                             List<Problem> problems) {
        if (count > max) {
            problems.add(Problem.at(firstOver.getAsInt(), "the postmortem has " + count + " " + what + "; at most "
                    + max + " are allowed (this is number " + (max + 1) + ")"));
        }
    }

    private static long utf8Length(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // a surrogate pair is 4 bytes, 2 for each half
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
