package kb.review.analysis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;

/**
 * Parses a piece of a Java file so that its nodes carry the file's line numbers.
 *
 * <p>The obvious way, writing {@code line - 1} newlines before the piece, costs a token object per newline, and
 * JavaParser links every token of a unit to the next: a unit holds all its padding for as long as it lives. A hunk near
 * the end of a 40,000-line generated file then weighs megabytes, and a diff with a few hundred such hunks held the
 * review at 400 MB of live heap (a 1.5 MB diff of protobuf sources in precision set 12). Parsing the piece alone and
 * moving every node's range down afterwards costs nothing per skipped line.
 */
public final class JavaLines {
    private JavaLines() {
    }

    /**
     * Parses {@code text}, whose first line is line {@code firstLine} of the file, and moves whatever tree came out
     * (a unit with problems too) to the file's lines. The configuration should not attribute comments: comment nodes
     * outside the tree are not moved.
     */
    public static ParseResult<CompilationUnit> parse(ParserConfiguration config, int firstLine, String text) {
        ParseResult<CompilationUnit> r = new JavaParser(config).parse(text);
        r.getResult().ifPresent(u -> moveDown(u, firstLine - 1));
        return r;
    }

    /** Adds {@code lines} to the line of every range under {@code root} (itself included). */
    static void moveDown(Node root, int lines) {
        if (lines == 0) {
            return;
        }
        root.walk(n -> n.getRange().ifPresent(r -> n.setRange(new Range(down(r.begin, lines), down(r.end, lines)))));
    }

    private static Position down(Position p, int lines) {
        return new Position(p.line + lines, p.column);
    }
}
