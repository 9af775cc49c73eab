package kb.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerLauncherTest {

    private static final Path JAR = Path.of("/opt/kb/postmortem-kb.jar");
    private static final Path ARCHIVE = Path.of("/opt/kb/postmortem-kb-1a2b3c.jsa");
    private static final String JAVA = "/usr/lib/jvm/java-17/bin/java";

    private static Optional<List<String>> plan(String[] args, List<String> jvmArgs, Path archive, int jdk,
                                               Map<String, String> env) {
        return ServerLauncher.plan(args, JAVA, jvmArgs, JAR, archive, jdk, env, 4242, false);
    }

    @Test
    void serve_restarts_on_the_archive_keeping_the_callers_options_and_arguments() {
        var command = plan(new String[]{"serve"}, List.of("-Xmx512m", "-Dfoo=bar", "-jar", "postmortem-kb.jar", "serve"),
                ARCHIVE, 17, Map.of());
        assertEquals(List.of(JAVA, "-Xmx512m", "-Dfoo=bar", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + ARCHIVE,
                "-Dkb.server=child", "-Dkb.launcher.pid=4242", "-jar", JAR.toString(), "serve"), command.orElseThrow());
    }

    @Test
    void without_an_archive_jdk17_restarts_only_to_bound_the_heap_and_newer_jdks_keep_their_own_archive() {
        String[] serve = {"serve"};
        List<String> jvmArgs = List.of("-jar", "postmortem-kb.jar", "serve");
        assertEquals(List.of(JAVA, "-Xmx256m", "-XX:+UseSerialGC", "-Xms64m", "-Xmn32m", "-XX:MinHeapFreeRatio=40",
                "-XX:MaxHeapFreeRatio=60", "-XX:-ShrinkHeapInSteps", "-Dkb.server=child", "-Dkb.launcher.pid=4242", "-jar",
                JAR.toString(), "serve"), plan(serve, jvmArgs, null, 17, Map.of()).orElseThrow());
        assertTrue(plan(serve, List.of("-Xmx1g", "-jar", "postmortem-kb.jar", "serve"), null, 17, Map.of()).isEmpty(),
                "the caller's own heap limit and no archive: nothing to restart for");
        assertTrue(plan(serve, jvmArgs, null, 17, Map.of("KB_HEAP", "off")).isEmpty());
        List<String> on21 = plan(serve, jvmArgs, null, 21, Map.of()).orElseThrow();
        assertTrue(on21.contains("-XX:+AutoCreateSharedArchive"), on21.toString());
        assertTrue(on21.contains("-XX:SharedArchiveFile=/opt/kb/postmortem-kb-auto-jdk21.jsa"), on21.toString());
        assertTrue(on21.indexOf("-XX:+AutoCreateSharedArchive") < on21.indexOf("-jar"), "JVM options go before -jar");
    }

    @Test
    void steps_aside_when_turned_off_asked_for_help_or_given_class_data_flags() {
        List<String> plain = List.of("-jar", "postmortem-kb.jar", "serve");
        assertTrue(plan(new String[]{"serve"}, plain, ARCHIVE, 17, Map.of("KB_LAUNCHER", "off")).isEmpty());
        assertTrue(plan(new String[]{"serve", "--help"}, plain, ARCHIVE, 17, Map.of()).isEmpty());
        assertTrue(plan(new String[]{"serve"}, List.of("-Xshare:off", "-Xmx300m", "-jar", "postmortem-kb.jar", "serve"),
                ARCHIVE, 17, Map.of()).isEmpty());
        assertTrue(plan(new String[]{"serve"}, List.of("-XX:SharedArchiveFile=/mine.jsa", "-Xmx300m", "-jar", "x.jar", "serve"),
                ARCHIVE, 17, Map.of()).isEmpty());
        // the caller's class-data flags are kept, and the heap is still bounded
        assertEquals(List.of(JAVA, "-Xshare:off", "-Xmx256m", "-XX:+UseSerialGC", "-Xms64m", "-Xmn32m",
                "-XX:MinHeapFreeRatio=40", "-XX:MaxHeapFreeRatio=60", "-XX:-ShrinkHeapInSteps", "-Dkb.server=child",
                "-Dkb.launcher.pid=4242", "-jar",
                JAR.toString(), "serve"), plan(new String[]{"serve"}, List.of("-Xshare:off", "-jar", "postmortem-kb.jar", "serve"),
                ARCHIVE, 17, Map.of()).orElseThrow());
        // started as `java -cp ... kb.Main serve`: there is no -jar to restart the same way
        assertTrue(plan(new String[]{"serve"}, List.of("-cp", "postmortem-kb.jar", "kb.Main", "serve"),
                ARCHIVE, 17, Map.of()).isEmpty());
    }

    @Test
    void the_callers_own_collector_and_malloc_settings_win() {
        var command = plan(new String[]{"serve"}, List.of("-XX:+UseZGC", "-jar", "postmortem-kb.jar", "serve"),
                ARCHIVE, 17, Map.of()).orElseThrow();
        assertTrue(command.contains("-XX:+UseZGC") && !command.contains("-XX:+UseSerialGC"), command.toString());

        Map<String, String> env = new java.util.HashMap<>();
        ServerLauncher.tune(env);
        assertEquals("2", env.get("MALLOC_ARENA_MAX"));
        env.put("MALLOC_ARENA_MAX", "8");
        ServerLauncher.tune(env);
        assertEquals("8", env.get("MALLOC_ARENA_MAX"));
    }

    @Test
    void the_server_jvm_gets_a_small_heap_that_gives_peaks_back_after_the_collector_and_before_the_jar() {
        var command = ServerLauncher.plan(new String[]{"serve"}, JAVA, List.of("-jar", "postmortem-kb.jar", "serve"), JAR,
                ARCHIVE, 17, Map.of("KB_HEAP", "512m"), 4242, true).orElseThrow();
        assertEquals(List.of(JAVA, "-Xmx512m", "-XX:+UseSerialGC", "-Xms128m", "-Xmn64m", "-XX:MinHeapFreeRatio=40",
                "-XX:MaxHeapFreeRatio=60", "-XX:-ShrinkHeapInSteps", "-XX:TrimNativeHeapInterval=5000", "-XX:SharedArchiveFile=" + ARCHIVE,
                "-Dkb.server=child", "-Dkb.launcher.pid=4242", "-jar", JAR.toString(), "serve"), command);
        var ownGc = plan(new String[]{"serve"}, List.of("-XX:+UseG1GC", "-jar", "postmortem-kb.jar", "serve"), ARCHIVE, 17,
                Map.of()).orElseThrow();
        assertTrue(ownGc.stream().noneMatch(o -> o.startsWith("-Xmn") || o.startsWith("-Xms") || o.contains("HeapFreeRatio")
                        || o.contains("Shrink")),
                "sizing is the operator's with their own collector: " + ownGc);
    }
}
