package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-01's principle for a Java line in a loop over input, read the same way for every logger: the line is a hot-path
 * defect when it is written at a level services run with (info and above), or when it builds its message whatever the
 * level (a {@code +}, {@code String.format}, a serialising argument). A line at debug or trace that builds nothing
 * when the level is off is the item's own remedy ("per-element detail goes to debug level, guarded so it costs
 * nothing when off"), whichever way the logger says it: a method named for the level (SLF4J, Log4j 2, JUL's
 * {@code fine}), JBoss's {@code debugf} that formats only when enabled, the level as an argument
 * ({@code System.Logger} and JUL's {@code log(Level.TRACE, "{0}", x)}), a supplier ({@code debug(() -> ...)}: Spring's
 * {@code LogAccessor}, Log4j 2, JUL), or a level test around it ({@code isLoggable(System.Logger.Level.TRACE)}, the
 * project's {@code settings.isDebug()}). Precision set 16's AY and round 20's java-ok-20; the defects are round 20's
 * java-39 (a {@code System.Logger} line per instruction at INFO) and its kin.
 */
class JavaLogLevelLoopTest {

    private static String java(String line) {
        return """
                package a;

                import java.util.List;
                import java.util.logging.Level;

                class Interpreter {
                    private static final System.Logger LOG = System.getLogger("a");
                    private static final java.util.logging.Logger logger = java.util.logging.Logger.getLogger("a");
                    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Interpreter.class);
                    private final Settings settings = new Settings();

                    void run(Request request, Frame frame) {
                        for (Instruction ins : request.instructions()) {
                %s
                            frame.execute(ins);
                        }
                    }
                }
                """.formatted(line);
    }

    /** LOG-01 and LOG-02 findings: an eager debug line is reported once, under LOG-02 (session 40, log40). */
    private static List<String> log01(String line) {
        return JavaMissedClassesTest.items("src/main/java/a/Interpreter.java", java(line)).stream()
                .filter(s -> s.endsWith(":LOG-01") || s.endsWith(":LOG-02")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "            LOG.log(System.Logger.Level.INFO, \"exec \" + ins.opcode());",
            "            logger.log(Level.INFO, \"exec {0}\", ins);",
            "            log.info(\"exec {}\", ins);",
            "            log.debug(\"exec \" + ins + \" on \" + frame);",
            "            LOG.log(System.Logger.Level.DEBUG, \"exec \" + ins + \" stack=\" + frame);",
            "            logger.warning(\"exec \" + ins);"})
    void a_line_per_element_at_a_running_level_or_built_eagerly_is_found(String line) {
        assertEquals(1, log01(line).size(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "            log.debug(() -> \"exec \" + ins + \" on \" + frame);",
            "            log.debugf(\"exec %s\", ins);",
            "            LOG.log(System.Logger.Level.TRACE, \"exec {0} at {1}\", ins.opcode(), frame.pc());",
            "            if (frame.traced() && LOG.isLoggable(System.Logger.Level.TRACE)) {\n"
                    + "                LOG.log(System.Logger.Level.TRACE, \"exec {0}\", ins.opcode());\n            }",
            "            logger.log(Level.FINE, () -> \"exec \" + ins);",
            "            log.trace(ins.error(), () -> \"failed \" + ins);",
            "            if (settings.isDebug()) {\n                log.info(\"exec {}\", ins);\n            }"})
    void a_detail_line_that_builds_nothing_when_off_is_left_alone(String line) {
        assertEquals(List.of(), log01(line), line);
    }
}
