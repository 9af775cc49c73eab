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

    private static List<String> log01(String line) {
        return JavaMissedClassesTest.items("src/main/java/a/Routes.java", code(line)).stream()
                .filter(s -> s.endsWith(":LOG-01")).toList();
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
            "log.debug(\"adding route \" + route.path());",
            "log.debug(String.format(\"adding route %s\", route.path()));",
            "log.debug(\"adding route {}\", mapper.writeValueAsString(route));",
            "log.trace(\"adding routes {}\", String.join(\",\", route.aliases()));",
            "log.info(\"adding route {}\", route.path());",
            "logger.fine(\"route \" + route);",
            "LOG.warn(\"route {} replaced\", route.path());"})
    void a_line_that_is_built_or_written_per_element_is_found(String line) {
        assertEquals(List.of("8:LOG-01"), log01(line));
    }
}
