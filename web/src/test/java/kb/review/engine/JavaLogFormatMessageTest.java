package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-02's Java class of a log message built with {@code String.format} at a level services write (info, warn,
 * error). The item's "How to comply" says "use placeholders ..., never + or String.format in the call", without a
 * level: the formatter parses its pattern and builds the string before the logger decides whether the line is
 * written. The clean look-alikes pass the same values as placeholders, or format a string that is not a log message.
 */
class JavaLogFormatMessageTest {

    private static List<String> log02(String call) {
        return JavaMissedClassesTest.items("src/main/java/a/Quotas.java", """
                package a;

                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;

                class Quotas {
                    private static final Logger LOG = LoggerFactory.getLogger(Quotas.class);

                    String reserve(String tenant, long bytes, long left) {
                        %s
                        return tenant;
                    }
                }
                """.formatted(call)).stream().filter(s -> s.endsWith(":LOG-02")).toList();
    }

    @Test
    void a_warning_built_with_string_format_is_found() {
        assertEquals(List.of("10:LOG-02"), log02(
                "LOG.warn(String.format(\"tenant %s asks %d bytes, %d left\", tenant, bytes, left));"));
    }

    @Test
    void an_info_line_built_with_string_format_is_found() {
        assertEquals(List.of("10:LOG-02"), log02(
                "LOG.info(String.format(\"reserved %d bytes for %s\", bytes, tenant));"));
    }

    @Test
    void the_same_values_as_placeholders_are_clean() {
        assertEquals(List.of(), log02("LOG.warn(\"tenant {} asks {} bytes, {} left\", tenant, bytes, left);"));
    }

    @Test
    void a_formatted_string_that_is_no_log_message_is_clean() {
        assertEquals(List.of(), log02("String label = String.format(\"%s-%d\", tenant, bytes); LOG.info(\"label {}\", label);"));
    }
}
