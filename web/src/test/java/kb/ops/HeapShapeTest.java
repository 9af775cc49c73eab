package kb.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server JVM's heap starts small, grows within the budget and gives a peak back; the operator's options win. */
class HeapShapeTest {

    private static final List<String> PLAIN = List.of();

    private static List<String> shape(List<String> own, Map<String, String> env, String budget, boolean ownGc, boolean trim) {
        return HeapShape.options(own, env, Optional.ofNullable(budget), ownGc, trim);
    }

    @Test
    void the_default_budget_gets_a_64_mb_start_a_32_mb_young_generation_and_gives_peaks_back_at_once() {
        assertEquals(List.of("-Xms64m", "-Xmn32m", "-XX:MinHeapFreeRatio=40", "-XX:MaxHeapFreeRatio=60",
                "-XX:-ShrinkHeapInSteps", "-XX:TrimNativeHeapInterval=5000"), shape(PLAIN, Map.of(), "-Xmx256m", false, true));
    }

    @Test
    void the_young_generation_and_start_scale_with_the_budget_and_never_exceed_it() {
        assertEquals(List.of("-Xms256m", "-Xmn128m"), shape(PLAIN, Map.of(), "-Xmx1g", false, false).subList(0, 2));
        assertEquals(List.of("-Xms64m", "-Xmn16m"), shape(PLAIN, Map.of(), "-Xmx128m", false, false).subList(0, 2));
        assertEquals(List.of("-Xms32m", "-Xmn4m"), shape(PLAIN, Map.of(), "-Xmx32m", false, false).subList(0, 2));
    }

    @Test
    void the_operators_sizes_ratios_and_trim_interval_win_wherever_they_were_given() {
        List<String> ownStart = shape(List.of("-Xms200m"), Map.of(), "-Xmx256m", false, true);
        assertTrue(ownStart.stream().noneMatch(o -> o.startsWith("-Xms") || o.startsWith("-Xmn")), ownStart.toString());
        assertTrue(ownStart.contains("-XX:MaxHeapFreeRatio=60"), "the ratios are still the launcher's: " + ownStart);
        List<String> ownRatio = shape(PLAIN, Map.of("JDK_JAVA_OPTIONS", "-XX:NewRatio=3 -XX:MaxHeapFreeRatio=70 -XX:+ShrinkHeapInSteps"),
                "-Xmx256m", false, true);
        assertEquals(List.of("-XX:TrimNativeHeapInterval=5000"), ownRatio,
                "a ratio of the operator's leaves both (a lone Min above their Max would stop the JVM)");
        assertEquals(List.of(), shape(List.of("-XX:TrimNativeHeapInterval=0"), Map.of(), null, false, true));
    }

    @Test
    void an_own_collector_or_heap_limit_leaves_sizing_alone_and_an_older_jdk_gets_no_trim_flag() {
        assertEquals(List.of("-XX:TrimNativeHeapInterval=5000"), shape(PLAIN, Map.of(), "-Xmx256m", true, true));
        assertEquals(List.of("-XX:TrimNativeHeapInterval=5000"), shape(PLAIN, Map.of(), null, false, true));
        assertFalse(shape(PLAIN, Map.of(), "-Xmx256m", false, false).stream().anyMatch(o -> o.contains("Trim")));
    }

    @Test
    void the_running_jdk_accepts_every_shape_it_is_given_without_a_warning() throws Exception {
        boolean trim = HeapShape.jdkCanTrimNative();
        for (String budget : List.of("32m", "128m", "256m", "1g")) {
            List<String> options = new ArrayList<>(List.of("-Xmx" + budget, "-XX:+UseSerialGC"));
            options.addAll(shape(PLAIN, Map.of(), "-Xmx" + budget, false, trim));
            String started = runJava(options, "-version");
            assertFalse(started.toLowerCase(java.util.Locale.ROOT).contains("warning"), options + " gave:\n" + started);
            String out = runJava(options, "-XX:+PrintFlagsFinal", "-version");
            String young = options.stream().filter(o -> o.startsWith("-Xmn")).findFirst().orElseThrow();
            long expected = HeapShape.megabytes(young.substring(4)) * 1024 * 1024;
            assertTrue(out.matches("(?s).*\\bNewSize\\s+= " + expected + "\\b.*"), "young generation " + young + " in use:\n"
                    + out.lines().filter(l -> l.contains("NewSize")).toList());
        }
        if (trim) {
            assertTrue(runJava(List.of("-XX:TrimNativeHeapInterval=5000"), "-XX:+PrintFlagsFinal", "-version")
                            .matches("(?s).*TrimNativeHeapInterval\\s+= 5000\\b.*"),
                    "the JDK said it has the flag, so it must start with it");
        }
    }

    private static String runJava(List<String> options, String... then) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of(then));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), command + " failed:\n" + out);
        return out;
    }
}
