package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java graph prints a statement's text when an analysis first reads it, and decides whether the statement may
 * throw without printing it when it holds a call or a {@code new}: the texts and the exception edges stay what
 * printing every statement up front gave.
 */
class JavaCfgTextTest {

    private static Cfg graph(String body) {
        String code = "class A { void f(java.util.List<String> xs) throws Exception {\n" + body + "\n} }";
        var unit = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                .setAttributeComments(false)).parse(code).getResult().orElseThrow();
        return JavaCfg.build(unit.findFirst(MethodDeclaration.class).orElseThrow());
    }

    private static boolean throwsOut(Cfg.Node n) {
        for (int i = 0; i < n.successorCount(); i++) {
            if (n.edge(i) == Cfg.Edge.EXCEPTION) {
                return true;
            }
        }
        return false;
    }

    private static Cfg.Node at(Cfg cfg, String text) {
        return cfg.nodes().stream().filter(n -> n.text().equals(text)).findFirst().orElseThrow(() ->
                new AssertionError("no node " + text + " in " + cfg.nodes().stream().map(Cfg.Node::text).toList()));
    }

    @Test
    void every_statement_reads_as_its_printed_source() {
        Cfg cfg = graph("""
                int n = 0;
                for (String x : xs) { if (x.isEmpty()) { continue; } n += x.length(); }
                try (var in = open("p")) { while (n > 0 && ok()) { n--; } }
                catch (IllegalStateException | java.io.IOException e) { throw new RuntimeException("wrapped", e); }
                outer: for (int i = 0; i < 3; i++) { if (i == n) { break outer; } }
                return;""");
        List<String> checked = new ArrayList<>();
        for (Cfg.Node n : cfg.nodes()) {
            if (n.ast instanceof ExpressionStmt || n.ast instanceof ReturnStmt || n.ast instanceof ThrowStmt
                    || n.ast instanceof BreakStmt || n.ast instanceof ContinueStmt || n.ast instanceof Expression) {
                assertEquals(n.ast.toString(), n.text());
                checked.add(n.text());
            } else if (n.ast instanceof CatchClause c) {
                assertEquals("catch (" + c.getParameter() + ")", n.text());
                checked.add(n.text());
            }
        }
        assertTrue(checked.containsAll(List.of("int n = 0;", "x.isEmpty()", "continue;", "n += x.length();",
                "var in = open(\"p\")", "n > 0 && ok()", "n--;", "catch (IllegalStateException | java.io.IOException e)",
                "throw new RuntimeException(\"wrapped\", e);", "int i = 0", "i == n", "break outer;", "return;")),
                checked.toString());
    }

    @Test
    void a_statement_that_calls_or_builds_may_throw_and_a_plain_assignment_may_not() {
        Cfg cfg = graph("""
                int a = 0, b = 1; int[] d; Object c; String s;
                try {
                    a = b;
                    c = make();
                    d = new int[2];
                    c = new Object();
                    s = "open(";
                    b = a + 1;
                } catch (Exception e) {
                    return;
                }""");
        assertTrue(throwsOut(at(cfg, "c = make();")));
        assertTrue(throwsOut(at(cfg, "d = new int[2];")));
        assertTrue(throwsOut(at(cfg, "c = new Object();")));
        assertTrue(!throwsOut(at(cfg, "a = b;")));
        assertTrue(!throwsOut(at(cfg, "b = a + 1;")));
        // without a call the printed code decides, literals blanked: a string that reads like a call calls nothing
        // (robust16: text inside a literal is never code; CodeNotNamesTest)
        assertTrue(!throwsOut(at(cfg, "s = \"open(\";")));
    }

    @Test
    void only_a_call_that_ends_the_process_halts() {
        Cfg cfg = graph("""
                if (xs.isEmpty()) { System.exit(1); }
                if (xs.size() > 9) { tracker.exit(1); }
                Runtime.getRuntime().halt(2);""");
        assertEquals(Cfg.Kind.HALT, at(cfg, "System.exit(1);").kind);
        assertEquals(Cfg.Kind.STMT, at(cfg, "tracker.exit(1);").kind);
        assertEquals(Cfg.Kind.HALT, at(cfg, "Runtime.getRuntime().halt(2);").kind);
    }
}
