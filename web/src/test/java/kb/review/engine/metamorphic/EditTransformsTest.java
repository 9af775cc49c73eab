package kb.review.engine.metamorphic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kb.review.engine.metamorphic.Transform.Target;
import org.junit.jupiter.api.Test;

/** The edit transforms on a toy diff: which lines they add, what the hunks keep in view, where a line came from. */
class EditTransformsTest {
    static final String GO = """
            diff --git a/store/load.go b/store/load.go
            new file mode 100644
            index 0000000..1234567
            --- /dev/null
            +++ b/store/load.go
            @@ -0,0 +1,18 @@
            +package store
            +
            +import "os"
            +
            +// Load reads a file.
            +func Load(path string) ([]byte, error) {
            +	size := 10
            +	f, err := os.Open(path)
            +	if err != nil {
            +		return nil, err
            +	}
            +	buf := make([]byte, size)
            +	n, err := f.Read(buf)
            +	if err != nil {
            +		return nil, err
            +	}
            +	return buf[:n], nil
            +}
            """;
    static final List<Target> AT_OPEN = List.of(new Target("store/load.go", 8));

    private static Patch apply(String name, List<Target> targets) {
        Patch p = Patch.parse(GO);
        assertTrue(Transform.named(name).apply(p, targets), name + " changed nothing");
        return p;
    }

    @Test
    void edit_line_adds_only_the_expected_line_with_three_lines_of_context() {
        Patch p = apply("edit-line", AT_OPEN);
        String out = p.render();
        assertTrue(out.contains("--- a/store/load.go\n+++ b/store/load.go\n@@ -5,6 +5,7 @@ import \"os\"\n"), out);
        assertTrue(out.contains("\n+\tf, err := os.Open(path)\n \tif err != nil {"), out);
        assertFalse(out.contains("\n import \"os\""), "the import is out of context, git names it as the heading: " + out);
        assertEquals(8, p.origin(p.files.get(0), 8));
    }

    @Test
    void a_clean_file_adds_one_statement_of_its_longest_function() {
        String out = apply("edit-line", List.of()).render();
        assertEquals(1, out.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).count(), out);
    }

    @Test
    void far_head_puts_the_signature_out_of_view_and_keeps_origins() {
        Patch p = apply("edit-far-head", AT_OPEN);
        String out = p.render();
        assertFalse(out.contains("\n func Load"), out);
        assertTrue(out.contains("@@ func Load(path string) ([]byte, error) {\n"), "git's heading names it: " + out);
        assertTrue(out.contains(" \tspareE"), out);
        int added = List.of(out.split("\n")).indexOf("+\tf, err := os.Open(path)");
        String header = out.split("\n")[4];
        int start = Integer.parseInt(header.replaceAll("^@@ -\\d+,\\d+ \\+(\\d+),.*", "$1"));
        assertEquals(8, p.origin(p.files.get(0), start + added - 5));
    }

    @Test
    void cut_after_hides_what_follows_the_added_line() {
        String out = apply("edit-cut-after", AT_OPEN).render();
        assertFalse(out.contains("if err != nil"), out);
        assertTrue(out.contains("func Load"), out);
    }

    @Test
    void two_hunks_change_the_function_twice_with_its_middle_out_of_view() {
        String out = apply("edit-two-hunks", AT_OPEN).render();
        assertEquals(2, out.lines().filter(l -> l.startsWith("@@")).count(), out);
        assertTrue(out.contains("+\treturn buf[:n], nil\n }"), out);
    }

    @Test
    void a_file_with_no_function_is_left_as_a_new_file() {
        String plain = GO.replace("+1,18", "+1,3").lines().limit(9).map(l -> l + "\n")
                .reduce("", String::concat);
        assertFalse(Transform.named("edit-line").apply(Patch.parse(plain), List.of()));
    }
}
