package kb.review.engine.metamorphic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kb.review.engine.metamorphic.Transform.Target;
import org.junit.jupiter.api.Test;

/** Each transform on a toy diff: what it writes, what it leaves alone, and where a line of the result came from. */
class TransformsTest {
    static final String GO = """
            diff --git a/store/load.go b/store/load.go
            new file mode 100644
            index 0000000..1234567
            --- /dev/null
            +++ b/store/load.go
            @@ -0,0 +1,16 @@
            +package store
            +
            +import "os"
            +
            +func helper(path string) error {
            +	return nil
            +}
            +
            +// Load reads a file.
            +func Load(path string) ([]byte, error) {
            +	f, err := os.Open(path)
            +	if err != nil {
            +		return nil, err
            +	}
            +	return readAll(f)
            +}
            """;
    static final String JAVA = """
            diff --git a/src/main/java/a/b/Reader.java b/src/main/java/a/b/Reader.java
            new file mode 100644
            index 0000000..1234567
            --- /dev/null
            +++ b/src/main/java/a/b/Reader.java
            @@ -0,0 +1,14 @@
            +package a.b;
            +
            +import java.io.FileInputStream;
            +
            +class Reader {
            +    int read(String path) throws Exception {
            +        FileInputStream in = new FileInputStream(path);
            +        return in.read();
            +    }
            +
            +    void start(java.util.concurrent.Executor pool) {
            +        pool.execute(this::tick);
            +    }
            +}
            """;
    static final List<Target> AT_OPEN = List.of(new Target("store/load.go", 11));

    private static String apply(String name, String diff, List<Target> targets) {
        Patch p = Patch.parse(diff);
        assertTrue(Transform.named(name).apply(p, targets), name + " changed nothing");
        return p.render();
    }

    @Test
    void an_untouched_patch_renders_as_it_was_read() {
        assertEquals(GO, Patch.parse(GO).render());
        assertEquals(JAVA, Patch.parse(JAVA).render());
    }

    @Test
    void renaming_renames_locals_and_helpers_but_not_err_imports_or_fields() {
        String out = apply("rename", GO, AT_OPEN);
        assertFalse(out.contains("f, err"), out);
        assertTrue(out.contains(", err := os.Open(q") && out.contains("import \"os\""), out);
        assertFalse(out.contains("func helper("), out);
        String java = apply("rename", JAVA, List.of());
        assertTrue(java.contains("FileInputStream q") && !java.contains(" in.read()") && !java.contains("pool.execute"),
                java);
        String conventional = apply("rename-err-ctx", GO, AT_OPEN);
        assertTrue(conventional.contains("f, q1v := os.Open(path)") && conventional.contains("if q1v != nil {"),
                conventional);
    }

    @Test
    void layout_transforms_keep_the_code_and_trace_each_line_back() {
        assertTrue(apply("indent", GO, AT_OPEN).contains("+    f, err := os.Open(path)"));
        assertTrue(apply("crlf", GO, AT_OPEN).contains("+\tf, err := os.Open(path)\r\n"));
        Patch p = Patch.parse(GO);
        Transform.named("statements").apply(p, AT_OPEN);
        String out = p.render();
        assertTrue(out.contains("+\tf, err := os.Open(path)\n+\tspareQ"), out);
        assertTrue(out.contains("@@ -0,0 +1,24 @@"), out);
        int open = List.of(out.split("\n")).indexOf("+\tf, err := os.Open(path)") - 5;
        assertEquals(11, p.origin(p.files.get(0), open));
        assertEquals(11, p.origin(p.files.get(0), open + 1), "a made line maps to the line above it");
        String comments = apply("comments", GO, AT_OPEN);
        assertTrue(comments.contains("+\tf, err := os.Open(path)\n+\t// reviewer note"), comments);
    }

    @Test
    void declaration_transforms_write_the_same_declaration_another_legal_way() {
        String go = apply("go-var-decl", GO, AT_OPEN);
        assertTrue(go.contains("+\tvar f *os.File\n+\tvar err error\n+\tf, err = os.Open(path)"), go);
        assertTrue(apply("java-var", JAVA, List.of()).contains("var in = new FileInputStream(path);"));
        String qualified = apply("java-qualified", JAVA, List.of());
        assertTrue(qualified.contains("java.io.FileInputStream in = new java.io.FileInputStream(path);"), qualified);
        assertFalse(Transform.named("java-method-ref").apply(Patch.parse(JAVA), List.of()),
                "tick is not declared here: its parameters are unknown, no lambda");
        String withTick = JAVA.replace("+    }\n+}", "+    }\n+    void tick() {\n+    }\n+}").replace("+1,14", "+1,16");
        assertTrue(apply("java-method-ref", withTick, List.of()).contains("pool.execute(() -> tick());"));
    }

    @Test
    void shape_transforms_move_wrap_reorder_and_turn_a_new_file_into_an_edit() {
        String wrapped = apply("wrap-if", JAVA, List.of());
        assertTrue(wrapped.contains("+        if (path != null) {\n+        FileInputStream in"), wrapped);
        assertTrue(wrapped.contains("+        }\n+        throw new IllegalStateException(\"unreachable\");\n+    }"),
                wrapped);
        String reordered = apply("reorder", GO, AT_OPEN);
        assertTrue(reordered.indexOf("func Load") < reordered.indexOf("func helper"), reordered);
        assertTrue(reordered.indexOf("// Load reads") < reordered.indexOf("func Load"), reordered);
        String moved = apply("move", JAVA, List.of());
        assertTrue(moved.contains("+++ b/src/main/java/a/b/moved/Reader.java") && moved.contains("package a.b.moved;"));
        String edit = apply("edit-context", GO, AT_OPEN);
        assertTrue(edit.contains("--- a/store/load.go\n+++ b/store/load.go\n@@ -1,9 +1,16 @@\n package store"), edit);
        assertFalse(edit.contains("new file mode"), edit);
        Patch p = Patch.parse(GO);
        Transform.named("edit-hunks").apply(p, AT_OPEN);
        String hunks = p.render();
        assertTrue(hunks.contains("@@ -7,3 +7,10 @@\n }\n \n // Load reads a file.\n+func Load"), hunks);
        assertEquals(11, p.origin(p.files.get(0), 11));
    }
}
