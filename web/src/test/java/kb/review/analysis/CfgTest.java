package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import kb.review.diff.SyntaxNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterGo;

/**
 * The control-flow graph table: small Go and Java functions and the ways out of them, each written
 * {@code line:how} (return, throw, panic, exception, end), in the order the builder creates the nodes.
 */
class CfgTest {

    static Stream<Arguments> go() {
        return Stream.of(
                Arguments.of("early return then fall off the end", """
                        func f(x int) int {
                        \tif x > 0 {
                        \t\treturn 1
                        \t}
                        \tg()
                        }""", List.of("3:return", "5:end")),
                Arguments.of("labelled continue leaves the inner loop for the outer one", """
                        func f(xs [][]int) {
                        outer:
                        \tfor _, row := range xs {
                        \t\tfor _, v := range row {
                        \t\t\tif v < 0 {
                        \t\t\t\tcontinue outer
                        \t\t\t}
                        \t\t}
                        \t}
                        }""", List.of("3:end")),
                Arguments.of("panic and os.Exit: a panic leaves, an exit ends the process", """
                        func f(x int) {
                        \tif x == 1 {
                        \t\tpanic("one")
                        \t}
                        \tif x == 2 {
                        \t\tos.Exit(2)
                        \t}
                        }""", List.of("3:panic", "5:end")),
                Arguments.of("a for without condition is left only by break or return", """
                        func f(c chan int) int {
                        \tfor {
                        \t\tselect {
                        \t\tcase v := <-c:
                        \t\t\treturn v
                        \t\tdefault:
                        \t\t\tbreak
                        \t\t}
                        \t}
                        }""", List.of("5:return")),
                Arguments.of("switch without default can skip every case; fallthrough joins the next", """
                        func f(x int) int {
                        \tswitch x {
                        \tcase 1:
                        \t\tfallthrough
                        \tcase 2:
                        \t\treturn 2
                        \t}
                        \treturn 0
                        }""", List.of("6:return", "8:return")),
                Arguments.of("defer is a node on the path, not an exit", """
                        func f() error {
                        \tdefer a()
                        \tdefer b()
                        \treturn nil
                        }""", List.of("4:return")));
    }

    static Stream<Arguments> java() {
        return Stream.of(
                Arguments.of("a call may throw out of the method; a throw statement too", """
                        class A { int f(int x) {
                          if (x < 0) { throw new IllegalArgumentException(); }
                          g();
                          return 1;
                        } }""", List.of("2:throw", "3:exception", "4:return")),
                Arguments.of("finally runs on the return and on the exception; each gets its own copy", """
                        class A { void f() {
                          try {
                            g();
                            return;
                          } finally {
                            h();
                          }
                        } }""", List.of("6:exception", "7:exception", "6:exception", "6:end", "6:exception", "6:end")),
                Arguments.of("catch receives the exception; the try and the catch both end the method", """
                        class A { void f() {
                          try {
                            g();
                          } catch (Exception e) {
                            log();
                          }
                        } }""", List.of("3:end", "5:exception", "5:end")),
                Arguments.of("try-with-resources: opening the resource is inside the try", """
                        class A { void f() {
                          try (var in = open()) {
                            use(in);
                          } catch (IOException e) {
                            return;
                          }
                        } }""", List.of("3:end", "5:return")),
                Arguments.of("labelled break leaves both loops (the break is the last node); a while(true) is left only by it", """
                        class A { void f(int[][] m) {
                          outer:
                          while (true) {
                            for (int[] row : m) {
                              if (row.length == 0) break outer;
                            }
                          }
                        } }""", List.of("5:end")));
    }

    @ParameterizedTest(name = "go: {0}")
    @MethodSource("go")
    void go_functions_have_the_expected_exits(String name, String code, List<String> exits) {
        String src = "package p\n" + code + "\n";
        byte[] bytes = src.getBytes(StandardCharsets.UTF_8);
        try (TSParser parser = new TSParser()) {
            parser.setLanguage(new TreeSitterGo());
            try (TSTree tree = parser.parseString(null, src)) {
                List<SyntaxNode> fs = new ArrayList<>();
                GoLifecycle.collect(SyntaxNode.of(tree, new TreeSitterGo(), bytes), fs);
                Cfg cfg = GoCfg.build(fs.get(0), bytes);
                assertEquals(shift(exits, 1), cfg.exits(), name);
            }
        }
    }

    @ParameterizedTest(name = "java: {0}")
    @MethodSource("java")
    void java_methods_have_the_expected_exits(String name, String code, List<String> exits) {
        MethodDeclaration m = StaticJavaParser.parse(code).findFirst(MethodDeclaration.class).orElseThrow();
        Cfg cfg = JavaCfg.build(m);
        assertEquals(exits, cfg.exits(), name);
    }

    private static List<String> shift(List<String> exits, int by) {
        return exits.stream().map(e -> (Integer.parseInt(e.substring(0, e.indexOf(':'))) + by)
                + e.substring(e.indexOf(':'))).toList();
    }
}
