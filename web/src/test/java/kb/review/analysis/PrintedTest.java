package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.LineComment;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcut prints exactly what JavaParser's own printer prints, for the nodes it takes and the ones it leaves. */
class PrintedTest {

    @Test
    void a_plain_name_and_every_other_expression_print_as_toString_does() {
        for (String code : List.of("conn", "this.conn", "pool.get()", "(Closeable) in", "a[i]", "new Foo(x)",
                "ctx.conn().stmt")) {
            Expression e = StaticJavaParser.parseExpression(code);
            assertEquals(e.toString(), Printed.of(e), code);
        }
    }

    @Test
    void a_name_carrying_a_comment_is_left_to_the_printer_which_prints_the_comment_too() {
        NameExpr name = new NameExpr("conn");
        name.setComment(new LineComment(" the pooled one"));
        assertEquals(name.toString(), Printed.of(name));
        assertEquals("conn", new NameExpr("conn").toString());
    }

    /** Statements of every kind the control-flow graph prints, with comments inside and between them. */
    private static final String METHODS = """
            class A {
                void f(java.util.List<String> xs) throws Exception {
                    // before the loop
                    for (int i = 0, j = 1; i < xs.size(); i++) { /* inside */ g(i, j); }
                    try (var in = open(/* path */ "p"); Reader r = new StringReader("x")) {
                        xs.forEach(x -> { // each
                            System.out.println(x);
                        });
                    } catch (IllegalStateException | java.io.IOException e) {
                        throw new RuntimeException("wrapped", e); // rethrown
                    } finally {
                        Runnable r = new Runnable() { public void run() { h(); } };
                    }
                    switch (xs.size()) { case 0 -> g(0, 0); default -> { return; } }
                    do { i--; } while (i > 0 && /* still */ ok());
                    synchronized (this) { String s = "a" + 1 + 'c'; }
                }
            }
            """;

    @Test
    void every_node_prints_as_toString_does_whether_the_tree_keeps_its_comments_or_not() {
        var withoutComments = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false))
                .parse(METHODS).getResult().orElseThrow();
        var withComments = StaticJavaParser.parse(METHODS);
        int commented = 0;
        for (var unit : List.of(withoutComments, withComments)) {
            for (Node n : unit.findAll(Node.class)) {
                assertEquals(n.toString(), Printed.of(n), n.getClass().getSimpleName());
            }
        }
        for (Node n : withComments.findAll(Node.class)) {
            commented += Printed.of(n).contains("/*") || Printed.of(n).contains("//") ? 1 : 0;
        }
        // the look-alike: the commented tree's statements print their comments, so the shortcut must not drop them
        assertTrue(commented > 5, "comments printed: " + commented);
        assertTrue(withoutComments.findAll(Node.class).stream().noneMatch(n -> Printed.of(n).contains("//")));
    }
}
