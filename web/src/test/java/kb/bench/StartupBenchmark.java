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
import java.util.List;

/**
 * Time from {@code java -jar target/postmortem-kb.jar serve} to a 200 from {@code /health} with the
 * bundled content loaded: a cold start (empty data folder: migrations and a full import) and a warm
 * start (same folder again: every file unchanged). Target: ready in under 3 s.
 *
 * <p>Run: {@code mvn -q -DskipTests package && mvn -q test-compile exec:java
 * -Dexec.mainClass=kb.bench.StartupBenchmark -Dexec.classpathScope=test}
 */
public final class StartupBenchmark {

    private static final int RUNS = 5;
    private static final int PORT = 17070;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/postmortem-kb.jar");
        if (!Files.exists(jar)) {
            System.err.println("build the jar first: mvn -q -DskipTests package");
            System.exit(2);
        }
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Path data = Files.createTempDirectory("kb-startup");
            cold.add(timeToReady(jar, data));
            warm.add(timeToReady(jar, data));
        }
        System.out.printf("startup (ms, %d runs): cold median %d (min %d, max %d); warm median %d (min %d, max %d)%n",
                RUNS, median(cold), Collections.min(cold), Collections.max(cold),
                median(warm), Collections.min(warm), Collections.max(warm));
    }

    private static long timeToReady(Path jar, Path data) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar.toString(), "serve")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("KB_PORT", Integer.toString(PORT));
        pb.environment().put("KB_DATA_DIR", data.toString());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/health")).build();
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            long deadline = start + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - start) / 1_000_000;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            throw new IllegalStateException("the server did not become ready within 60 s");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
