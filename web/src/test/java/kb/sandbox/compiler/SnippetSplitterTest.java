package kb.sandbox.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kb.sandbox.compiler.SnippetSplitter.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnippetSplitterTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "System.out.println(\"x\");",
        "  // a comment first\n  worker.start();",
        "/* block\n comment */ f();",
        "count++;",
        "total += 3;",
        "x = y;",
        "--left;",
        "for (int i = 0; i < 3; i++) { sum += i; }",
        "if (ready) {\n  go();\n}",
        "try { latch.await(); } catch (InterruptedException e) { }",
        "new Thread(() -> {}).start();",
        "{ int local = 1; use(local); }",
        "do { n--; } while (n > 0);",
        "synchronized (lock) { n++; }",
        "throw new IllegalStateException();"
    })
    void statements_that_declare_nothing_may_share_a_block(String source) {
        assertEquals(Kind.STATEMENT, SnippetSplitter.classify(source));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "String s;",
        "final double rate = 0.5;",
        "int x = 1;",
        "java.util.Map.Entry<String, Integer> e = null;",
        "Map<String, Integer> counts = new HashMap<>();",
        "int[] values = {1, 2};",
        "double d = 1.0;",
        "final var v = 2;",
        "var w;",
        "static int n = 3;",
        "void f() { System.out.println(1); }",
        "String greet(String who) { return who; }",
        "<T> T first(List<T> l) { return l.get(0); }",
        "record Pair(int a, int b) {}",
        "class Box { int v; }",
        "enum Color { RED }",
        "interface Shape {}",
        "@Deprecated void old() {}",
        "outer: for (;;) { break outer; }",
        "x == y",
        "values[0] = 1;",
        "Collections.<String>emptyList();",
        "System.out.println(\"no end\")"
    })
    void declarations_and_anything_uncertain_stay_on_their_own(String source) {
        assertEquals(Kind.OTHER, SnippetSplitter.classify(source));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "var x = new ArrayList<String>();",
        "// why\nvar x = Math.max(1.0, 2.0);",
        "var  x=\"a, b\" + ',' + List.of(1, 2);"
    })
    void var_declarations_are_recognised_with_their_name(String source) {
        assertEquals(Kind.VARIABLE, SnippetSplitter.classify(source));
        assertEquals("x", SnippetSplitter.declaredName(source));
    }

    @ParameterizedTest
    @ValueSource(strings = {"import java.util.*;", "// why\nimport java.util.concurrent.atomic.AtomicInteger;"})
    void imports_are_recognised(String source) {
        assertEquals(Kind.IMPORT, SnippetSplitter.classify(source));
    }
}
