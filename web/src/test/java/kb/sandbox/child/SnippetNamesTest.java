package kb.sandbox.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SnippetNames replaces two regular expressions in the run child; it must accept exactly what they accepted. */
class SnippetNamesTest {
    private static final Pattern SNIPPET_CLASS = Pattern.compile("REPL/\\$JShell\\$\\d+[A-Z]*(\\$[\\w$]+)?");
    private static final Pattern WRAPPER = Pattern.compile("^REPL\\.(\\$JShell\\$\\d+[A-Z]*)(\\$.*)?$");

    @ParameterizedTest
    @ValueSource(strings = {"REPL/$JShell$12", "REPL/$JShell$12B", "REPL/$JShell$3$Pair", "REPL/$JShell$3C$In$ner_1",
        "REPL/$JShell$", "REPL/$JShell$x", "REPL/$JShell$12$", "REPL/$JShell$12b", "REPL/$JShell$1$a/b",
        "REPL/$JShell$1$a.b", "REPL.$JShell$1", "java/lang/String", "REPL/$JShell$\u0661", "REPL/$JShell$1$\u00e9"})
    void an_internal_name_is_a_snippet_class_exactly_when_the_former_pattern_matched(String name) {
        assertEquals(SNIPPET_CLASS.matcher(name).matches(), SnippetNames.isSnippetClass(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REPL.$JShell$12", "REPL.$JShell$12AB$Broken", "REPL.$JShell$7$1", "REPL.$JShell$7$",
        "REPL.$JShell$7x", "REPL.$JShell$", "REPL.$JShell$7$a\nb", "REPL.$JShell$7$a\u2028", "REPL/$JShell$7",
        "java.lang.Thread", "REPL.$JShell$7$$Lambda$14/0x0000000800c0b000"})
    void the_wrapper_of_a_binary_name_is_group_one_of_the_former_pattern(String name) {
        Matcher m = WRAPPER.matcher(name);
        assertEquals(m.matches() ? m.group(1) : null, SnippetNames.wrapperOf(name), name);
        String readable = m.matches() && m.group(2) != null ? m.group(2).substring(1) : name;
        assertEquals(readable, StackTraces.readableName(name), name);
    }

    @Test
    void random_names_built_from_the_grammars_pieces_get_the_same_answers_as_the_patterns() {
        var random = new Random(12);
        List<String> pieces = List.of("REPL", "/", ".", "$JShell$", "$", "1", "42", "A", "b", "_", "x", "\n", "\u0663", "Z");
        for (int i = 0; i < 20_000; i++) {
            var name = new StringBuilder(random.nextBoolean() ? "REPL/$JShell$" : "REPL.$JShell$");
            var parts = new ArrayList<String>();
            for (int k = random.nextInt(6); k > 0; k--) {
                parts.add(pieces.get(random.nextInt(pieces.size())));
            }
            parts.forEach(name::append);
            String s = name.toString();
            assertEquals(SNIPPET_CLASS.matcher(s).matches(), SnippetNames.isSnippetClass(s), s);
            Matcher m = WRAPPER.matcher(s);
            assertEquals(m.matches() ? m.group(1) : null, SnippetNames.wrapperOf(s), s);
        }
    }
}
