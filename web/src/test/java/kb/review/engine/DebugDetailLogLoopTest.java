package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-01's class of per-element detail at debug level (precision sets' class AY). The item's own remedy is "Per-element
 * detail goes to debug level, guarded so it costs nothing when off": a Java debug or trace line whose message is a
 * literal with placeholders and whose arguments are values at hand costs one level test per element when debug is
 * off, whichever logging API (SLF4J, Log4j 2 with a supplier, JUL's fine levels, commons-logging). A debug line that
 * builds its message ({@code +}, {@code String.format}) or serialises an argument pays that on every element whatever
 * the level, and an info or warn line per element is written in production: those stay reported.
 */
class DebugDetailLogLoopTest {

    private static String code(String line) {
        return """
                package a;

                import java.util.List;

                class Routes {
                    void register(List<Route> routes, Registry registry) {
                        for (Route route : routes) {
                            %s
                            registry.add(route);
                        }
                    }
                }
                """.formatted(line);
    }

    /** The line's LOG-01 and LOG-02 findings: a line is reported once, under the item that names its fix. */
    private static List<String> log01(String line) {
        return JavaMissedClassesTest.items("src/main/java/a/Routes.java", code(line)).stream()
                .filter(s -> s.endsWith(":LOG-01") || s.endsWith(":LOG-02")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "log.debug(\"adding route {} for {}\", route.path(), route.method());",
            "LOGGER.trace(\"route {}\", () -> route.describe());",
            "logger.fine(\"route added\");",
            "LOG.finest(\"route added\");",
            "log.debug(\"adding route {}\", route);",
            "this.log.trace(\"route {} weight {}\", route.id(), route.weight() * 2);"})
    void a_debug_line_per_element_that_costs_nothing_when_off_is_clean(String line) {
        assertEquals(List.of(), log01(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "log.info(\"adding route {}\", route.path());",
            "LOG.warn(\"route {} replaced\", route.path());"})
    void a_line_that_is_written_per_element_is_found(String line) {
        assertEquals(List.of("8:LOG-01"), log01(line));
    }

    /**
     * (session 40, log40) A debug line that builds its message per element is found once, under LOG-02: its cost when
     * debug is off is the eager message, and LOG-02's finding names the fix (a parameterised line); a second LOG-01
     * finding on the same line said nothing more (rounds 34 and 50 label such lines LOG-02, and the precision sets
     * judged the LOG-01 row false for that reason: README "log39" and "log40").
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "log.debug(\"adding route \" + route.path());",
            "log.debug(String.format(\"adding route %s\", route.path()));",
            "log.debug(\"adding route {}\", mapper.writeValueAsString(route));",
            "log.trace(\"adding routes {}\", String.join(\",\", route.aliases()));",
            "logger.fine(\"route \" + route);"})
    void a_debug_line_built_per_element_is_found_once_under_LOG_02(String line) {
        assertEquals(List.of("8:LOG-02"), log01(line));
    }
}
