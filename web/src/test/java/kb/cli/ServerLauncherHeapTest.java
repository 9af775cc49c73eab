package kb.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher gives the server JVM a bounded heap unless the operator chose one. */
class ServerLauncherHeapTest {

    private static final Path JAR = Path.of("/opt/kb/postmortem-kb.jar");
    private static final Path ARCHIVE = Path.of("/opt/kb/postmortem-kb-abc.jsa");
    private static final List<String> PLAIN = List.of("-jar", "postmortem-kb.jar", "serve");

    private static List<String> plan(List<String> jvmArgs, Map<String, String> env) {
        return ServerLauncher.plan(new String[]{"serve"}, "/usr/bin/java", jvmArgs, JAR, ARCHIVE, 17, env, 1, false).orElseThrow();
    }

    @Test
    void the_server_jvm_gets_the_default_heap_budget_before_the_jar() {
        List<String> command = plan(PLAIN, Map.of());
        assertTrue(command.contains("-Xmx256m"), command.toString());
        assertTrue(command.indexOf("-Xmx256m") < command.indexOf("-jar"), "a JVM option, before -jar");
    }

    @Test
    void kb_heap_sets_the_budget_and_off_leaves_the_jvm_default() {
        assertTrue(plan(PLAIN, Map.of("KB_HEAP", "1G")).contains("-Xmx1g"));
        assertTrue(plan(PLAIN, Map.of("KB_HEAP", "off")).stream().noneMatch(o -> o.startsWith("-Xmx")));
    }

    @Test
    void a_heap_option_of_the_operator_wins_wherever_it_was_given() {
        List<String> own = plan(List.of("-XX:MaxRAMPercentage=50", "-jar", "x.jar", "serve"), Map.of());
        assertTrue(own.stream().noneMatch(o -> o.startsWith("-Xmx")), own.toString());
        List<String> viaEnv = plan(PLAIN, Map.of("JAVA_TOOL_OPTIONS", "-Dx=y -Xmx2g"));
        assertTrue(viaEnv.stream().noneMatch(o -> o.startsWith("-Xmx")), viaEnv.toString());
        List<String> xmx = plan(List.of("-Xmx512m", "-jar", "x.jar", "serve"), Map.of("KB_HEAP", "1g"));
        assertEquals(1, xmx.stream().filter(o -> o.startsWith("-Xmx")).count());
        assertTrue(xmx.contains("-Xmx512m"));
    }

    @Test
    void a_malformed_kb_heap_is_an_error_that_names_the_variable() {
        var e = assertThrows(IllegalArgumentException.class, () -> plan(PLAIN, Map.of("KB_HEAP", "lots")));
        assertTrue(e.getMessage().contains("KB_HEAP") && e.getMessage().contains("lots"), e.getMessage());
    }

    @Test
    void the_launchers_line_names_heap_database_and_sandbox_without_credentials() {
        String line = kb.ops.StartReport.launcher(plan(PLAIN, Map.of()), Map.of(
                "KB_DB_URL", "jdbc:postgresql://db.internal:5432/kb?user=kb&password=hunter2"));
        assertTrue(line.contains("heap budget 256m") && line.contains("PostgreSQL //db.internal:5432/kb")
                && line.contains("sandbox isolation auto"), line);
        assertFalse(line.contains("hunter2"), line);
    }
}
