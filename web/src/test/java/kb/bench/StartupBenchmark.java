package kb.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time from {@code java -jar target/postmortem-kb.jar serve} to a 200 from {@code /health} with the
 * bundled content loaded, cold (empty data folder: migrations, first admin, full import) and warm (the
 * same folder again: every file unchanged). Target: ready in under 3 s.
 *
 * <p>Two ways of starting, interleaved run by run so both see the same machine: the anchor,
 * {@code KB_LAUNCHER=off} (the server in the first JVM, no class-data archive), and the default (the
 * launcher restarts on the archive {@code mvn package} wrote).
 *
 * <p>Run: {@code mvn -q -DskipTests package && mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dmain.class=kb.bench.StartupBenchmark -Dexec.args=7} (the argument is the number of runs).
 */
public final class StartupBenchmark {

    private static final int PORT = 17070;
    private static final Map<String, Map<String, String>> MODES = new LinkedHashMap<>();

    static {
        MODES.put("anchor: one JVM, no archive (KB_LAUNCHER=off)", Map.of("KB_LAUNCHER", "off"));
        MODES.put("default: launcher + class-data archive", Map.of());
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 7;
        Path jar = Path.of("target/postmortem-kb.jar");
        if (!Files.exists(jar)) {
            System.err.println("build the jar first: mvn -q -DskipTests package");
            System.exit(2);
        }
        Map<String, List<Long>> cold = new LinkedHashMap<>();
        Map<String, List<Long>> warm = new LinkedHashMap<>();
        Map<String, List<Long>> coldCpu = new LinkedHashMap<>();
        Map<String, List<Long>> warmCpu = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            for (var mode : MODES.entrySet()) {
                Path data = Files.createTempDirectory("kb-startup");
                long[] c = timeToReady(jar, data, mode.getValue());
                long[] w = timeToReady(jar, data, mode.getValue());
                cold.computeIfAbsent(mode.getKey(), k -> new ArrayList<>()).add(c[0]);
                coldCpu.computeIfAbsent(mode.getKey(), k -> new ArrayList<>()).add(c[1]);
                warm.computeIfAbsent(mode.getKey(), k -> new ArrayList<>()).add(w[0]);
                warmCpu.computeIfAbsent(mode.getKey(), k -> new ArrayList<>()).add(w[1]);
            }
        }
        String anchor = MODES.keySet().iterator().next();
        System.out.printf("start-up to /health 200, ms, %d interleaved runs (median, min-max; ratio = anchor / mode)%n", runs);
        for (String mode : MODES.keySet()) {
            System.out.printf("  %-48s cold %5d (%d-%d) x%.2f   warm %5d (%d-%d) x%.2f%n", mode,
                    median(cold.get(mode)), Collections.min(cold.get(mode)), Collections.max(cold.get(mode)),
                    (double) median(cold.get(anchor)) / median(cold.get(mode)),
                    median(warm.get(mode)), Collections.min(warm.get(mode)), Collections.max(warm.get(mode)),
                    (double) median(warm.get(anchor)) / median(warm.get(mode)));
        }
        System.out.println("CPU time (user + system, all JVMs) spent until ready, ms, median:");
        for (String mode : MODES.keySet()) {
            System.out.printf("  %-48s cold %5d   warm %5d%n", mode, median(coldCpu.get(mode)), median(warmCpu.get(mode)));
        }
    }

    /** Wall-clock ms to ready, and the CPU ms the server's processes had used by then. */
    private static long[] timeToReady(Path jar, Path data, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar.toString(), "serve")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("KB_PORT", Integer.toString(PORT));
        pb.environment().put("KB_DATA_DIR", data.toString());
        pb.environment().remove("KB_DB_URL");
        pb.environment().putAll(env);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/health")).build();
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            long deadline = start + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        long wall = (System.nanoTime() - start) / 1_000_000;
                        long cpu = java.util.stream.Stream.concat(java.util.stream.Stream.of(p.toHandle()), p.descendants())
                                .mapToLong(h -> h.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
                        return new long[]{wall, cpu};
                    }
                } catch (IOException notYet) {
                    // the port is not open yet
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("the server did not become ready within 60 s");
        } finally {
            p.destroy();
            p.waitFor();
            Thread.sleep(300);
        }
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
