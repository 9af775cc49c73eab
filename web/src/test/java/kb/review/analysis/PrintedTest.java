package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
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
}
