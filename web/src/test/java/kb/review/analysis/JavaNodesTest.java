package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JavaNodesTest {

    /** Every kind the analyses ask for, an abstract one, and every node. */
    private static final List<Class<? extends Node>> KINDS = List.of(MethodCallExpr.class, VariableDeclarator.class,
            Parameter.class, NameExpr.class, ObjectCreationExpr.class, CastExpr.class, ReturnStmt.class,
            AssignExpr.class, ExpressionStmt.class, LambdaExpr.class, MethodDeclaration.class,
            ClassOrInterfaceDeclaration.class, CallableDeclaration.class, Node.class);

    @Test
    void the_same_nodes_in_the_same_order_as_javaparsers_own_walk_over_the_projects_sources() throws IOException {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false));
        int units = 0;
        long nodes = 0;
        try (Stream<Path> files = Files.walk(Path.of("web/src/main/java/kb/review"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                CompilationUnit unit = parser.parse(Files.readString(p)).getResult().orElseThrow();
                units++;
                // the whole unit and a few inner roots (a method, a statement)
                List<Node> roots = new java.util.ArrayList<>(List.of(unit));
                unit.findFirst(MethodDeclaration.class).ifPresent(roots::add);
                unit.findFirst(ExpressionStmt.class).ifPresent(roots::add);
                for (Node root : roots) {
                    for (Class<? extends Node> kind : KINDS) {
                        List<? extends Node> expected = root.findAll(kind);
                        List<? extends Node> actual = JavaNodes.findAll(root, kind);
                        assertEquals(expected.size(), actual.size(), p + " " + kind.getSimpleName());
                        for (int i = 0; i < expected.size(); i++) {
                            assertSame(expected.get(i), actual.get(i), p + " " + kind.getSimpleName() + " #" + i);
                        }
                        nodes += actual.size();
                    }
                }
            }
        }
        assertTrue(units > 100 && nodes > 100_000, units + " units, " + nodes + " nodes");
    }

    @Test
    void the_root_itself_counts_and_a_leaf_gives_only_itself() {
        MethodCallExpr call = new MethodCallExpr(new NameExpr("pool"), "submit");
        assertEquals(List.of(call), JavaNodes.findAll(call, MethodCallExpr.class));
        assertEquals(List.of(call.getScope().orElseThrow()), JavaNodes.findAll(call, NameExpr.class));
        assertEquals(List.of(), JavaNodes.findAll(call, ReturnStmt.class));
    }
}
