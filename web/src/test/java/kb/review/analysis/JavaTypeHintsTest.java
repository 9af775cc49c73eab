package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import org.junit.jupiter.api.Test;

/**
 * The type hints are "never an error": a name JavaParser refuses (an empty one is what is left of a generic method's
 * {@code <T>} once its type arguments are cut off) gives no hint, where it used to end the whole review with
 * JavaParser's {@code AssertionError} (the project's own self-review in CI, session 33's merge).
 */
class JavaTypeHintsTest {

    private static final CompilationUnit FILE = StaticJavaParser.parse("""
            package p;
            import java.sql.PreparedStatement;
            class Store {
                static <T> T first(java.util.List<T> xs) { return xs.get(0); }
            }
            """);

    @Test
    void an_empty_or_blank_type_name_gives_no_hint_and_no_error() {
        JavaTypeHints hints = new JavaTypeHints(CheckoutTypes.NONE);
        assertNull(hints.qualify("", FILE));
        assertNull(hints.qualify("  ", FILE));
    }

    @Test
    void an_imported_type_is_still_qualified_by_the_file_imports() {
        assertEquals("java.sql.PreparedStatement",
                new JavaTypeHints(CheckoutTypes.NONE).qualify("PreparedStatement", FILE));
    }
}
