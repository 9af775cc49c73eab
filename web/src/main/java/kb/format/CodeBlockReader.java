package kb.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;

/**
 * Collects every fenced code block of the body and checks the info-string words of reproductions.
 *
 * <p>Pairing is deliberately free: a section may hold any number of {@code before} and {@code after}
 * blocks in any order, or only one of them; the page pairs them for display. Only contradictions are
 * errors: {@code run} on a non-Java block, {@code before} together with {@code after}, an unknown word
 * on a runnable block (most likely a typo of one of the words), and an {@code // Output:} comment
 * that is not the last thing in a runnable block.
 */
final class CodeBlockReader {


    private CodeBlockReader() {
    }

    /**
     * @param sectionAt the section kind at a whole-file line ({@code null} in free-text sections)
     */
    static List<CodeBlock> read(MarkdownSource src, IntFunction<SectionKind> sectionAt, List<Problem> problems) {
        List<CodeBlock> blocks = new ArrayList<>();
        src.document().accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock fenced) {
                blocks.add(block(fenced, src.line(fenced), sectionAt, problems));
            }
        });
        return blocks;
    }

    private static CodeBlock block(FencedCodeBlock fenced, int line, IntFunction<SectionKind> sectionAt,
                                   List<Problem> problems) {
        String info = fenced.getInfo() == null ? "" : fenced.getInfo().strip();
        InfoString words = InfoString.of(info);
        boolean run = words.words().contains(InfoString.RUN) || words.language().equals(InfoString.RUN);
        if (run && !words.language().equals("java")) {
            problems.add(Problem.at(line, "only Java blocks can be run; remove 'run' from '```" + info + "'"));
        }
        if (words.words().contains("before") && words.words().contains("after")) {
            problems.add(Problem.at(line, "a code block is either 'before' or 'after', not both"));
        }
        String expected = null;
        if (words.runnable()) {
            for (String word : words.words()) {
                if (!InfoString.JAVA_RUN_WORDS.contains(word)) {
                    problems.add(Problem.at(line, "unknown word '" + word + "' in '```" + info
                            + "'; a runnable block allows only java, run, before, after"));
                }
            }
            expected = expectedOutput(fenced.getLiteral(), line, problems);
        }
        return new CodeBlock(words.language(), info, words.runnable(), words.role(), fenced.getLiteral(),
                expected, sectionAt.apply(line), line);
    }

    /**
     * The output stated by the block's trailing {@code // Output:} comment, each line ending in LF;
     * {@code null} when there is none. Text after {@code Output:} on the same line is the first line.
     */
    private static String expectedOutput(String code, int fenceLine, List<Problem> problems) {
        OutputComment.Read r = OutputComment.read(code);
        if (r == null) {
            return null;
        }
        if (r.stray() >= 0) {
            problems.add(Problem.at(fenceLine + 1 + r.marker(), "the '// Output:' comment must end the code block: "
                    + "line " + (fenceLine + 1 + r.stray()) + " after it is not a '//' comment"));
            return null;
        }
        return r.expected();
    }
}
