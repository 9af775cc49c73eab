package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kb.review.analysis.JavaLines;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import org.junit.jupiter.api.Test;

/**
 * Java hunks far down a file (generated sources: protobuf classes run to tens of thousands of lines). A piece of a
 * file is parsed on its own and its nodes moved to the file's lines ({@link JavaLines}); before, the piece was padded
 * with one newline per line above it, and every newline became a token the unit kept: a diff of a few hundred hunks
 * deep in such files held 400 MB. These tests pin both halves: findings keep their lines and columns, and what a
 * parse holds does not grow with the line the piece starts at.
 */
class JavaDeepHunksTest {

    private static String hunk(int at) {
        return """
                diff --git a/src/main/java/org/acme/Loader.java b/src/main/java/org/acme/Loader.java
                --- a/src/main/java/org/acme/Loader.java
                +++ b/src/main/java/org/acme/Loader.java
                @@ -%1$d,6 +%1$d,8 @@ public final class Loader {
                     byte[] load(java.io.File file) throws java.io.IOException {
                         byte[] head = new byte[16];
                +        java.io.InputStream in = new java.io.FileInputStream(file);
                +        in.read(head);
                         return head;
                     }
                 
                     int size() {
                """.formatted(at);
    }

    private static List<String> res01(int at) {
        return TestRules.reviewDiff(hunk(at)).findings().stream().filter(f -> f.item().equals("RES-01"))
                .map(f -> f.line() + ":" + f.column()).toList();
    }

    @Test
    void a_finding_deep_in_a_file_keeps_its_line_and_column() {
        List<String> near = res01(11);
        assertFalse(near.isEmpty(), "the unclosed stream near the top is found");
        assertEquals(List.of("13:" + near.get(0).split(":")[1]), near);
        // the same hunk 48,000 lines further down: the same finding, moved by exactly that much
        assertEquals(near.stream().map(s -> (Integer.parseInt(s.split(":")[0]) + 48_000) + ":" + s.split(":")[1])
                .toList(), res01(48_011));
    }

    @Test
    void the_units_of_a_deep_hunk_hold_no_more_than_those_of_the_same_hunk_near_the_top() throws Exception {
        assertEquals(unitTokens(11), unitTokens(48_011));
    }

    private static List<Integer> unitTokens(int at) throws Exception {
        SourceFile file = SourceFile.fromDiff(DiffParser.parse(hunk(at).getBytes(StandardCharsets.UTF_8)).get(0));
        return JavaVisitors.units(file, null).stream()
                .map(u -> tokens(u.root().findCompilationUnit().orElseThrow())).toList();
    }

    @Test
    void a_parsed_piece_holds_as_many_tokens_wherever_it_starts() {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false);
        String piece = "class K {\n  int f(int a) {\n    return a + 1;\n  }\n}\n";
        CompilationUnit top = JavaLines.parse(config, 1, piece).getResult().orElseThrow();
        CompilationUnit deep = JavaLines.parse(config, 60_000, piece).getResult().orElseThrow();
        assertEquals(tokens(top), tokens(deep));
        assertEquals(2, top.findFirst(MethodDeclaration.class).orElseThrow().getBegin().orElseThrow().line);
        assertEquals(60_001, deep.findFirst(MethodDeclaration.class).orElseThrow().getBegin().orElseThrow().line);
        assertEquals(60_003, deep.findFirst(MethodDeclaration.class).orElseThrow().getEnd().orElseThrow().line);
    }

    private static int tokens(CompilationUnit cu) {
        int n = 0;
        for (JavaToken t = cu.getTokenRange().orElseThrow().getBegin(); t != null; t = t.getNextToken().orElse(null)) {
            n++;
        }
        return n;
    }
}
