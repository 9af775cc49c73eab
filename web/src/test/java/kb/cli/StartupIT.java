package kb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar target/postmortem-kb.jar serve} as users start it, after {@code mvn package} built the
 * jar and its class-data archive: the launcher, the archive, and stopping.
 */
class StartupIT {

    private static final Path JAR = Path.of("target/postmortem-kb.jar").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void killLeftovers() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private record Server(Process launcher, int port, Path output) {
    }

    private Server serve(Map<String, String> env) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path output = tmp.resolve("serve-" + port + ".log");
        ProcessBuilder pb = new ProcessBuilder(JAVA, "-Xmx512m", "-jar", JAR.toString(), "serve")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("KB_PORT", Integer.toString(port));
        pb.environment().put("KB_DATA_DIR", tmp.resolve("data-" + port).toString());
        pb.environment().put("KB_CONTENT_DIR", Path.of("content").toAbsolutePath().toString());
        pb.environment().put("KB_SANDBOX_POOL_SIZE", "1");
        pb.environment().remove("KB_DB_URL");
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return new Server(p, port, output);
    }

    private JsonNode awaitHealthy(Server server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.launcher().isAlive()) {
                throw new AssertionError("serve exited with " + server.launcher().exitValue() + ":\n"
                        + Files.readString(server.output()));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return new ObjectMapper().readTree(r.body());
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not healthy within 90 s:\n" + Files.readString(server.output()));
    }

    private static void awaitGone(ProcessHandle p, int seconds) throws Exception {
        p.onExit().get(seconds, TimeUnit.SECONDS);
    }

    @Test
    void package_leaves_an_archive_for_this_jar_and_jdk() throws Exception {
        Path archive = ServerArchive.fileFor(JAR);
        assertTrue(Files.isRegularFile(archive), "mvn package runs `cds`, which writes " + archive);
        assertTrue(Files.size(archive) > 1 << 20, "an archive of the server's classes, not an empty file");
    }

    @Test
    void serve_runs_the_server_in_a_child_jvm_on_the_archive_and_sigterm_stops_both() throws Exception {
        Server server = serve(Map.of());
        JsonNode health = awaitHealthy(server);

        assertEquals(ServerArchive.fileFor(JAR).toString(), health.path("startup").path("classDataArchive").asText());
        assertEquals(server.launcher().pid(), health.path("startup").path("launcherPid").asLong());
        List<ProcessHandle> children = server.launcher().children().toList();
        assertEquals(1, children.size(), "one server JVM under the launcher");
        ProcessHandle child = children.get(0);

        server.launcher().destroy(); // SIGTERM, as `docker stop` or systemd sends it
        assertTrue(server.launcher().waitFor(60, TimeUnit.SECONDS), "the launcher exits");
        awaitGone(child, 30);
        String log = Files.readString(server.output());
        assertFalse(log.contains("Unable to use shared archive"), log);
        assertTrue(log.contains("class-data archive: " + ServerArchive.fileFor(JAR)), log);
    }

    @Test
    void killing_the_launcher_outright_still_stops_the_server() throws Exception {
        Server server = serve(Map.of());
        awaitHealthy(server);
        ProcessHandle child = server.launcher().children().findFirst().orElseThrow();

        server.launcher().destroyForcibly(); // SIGKILL: no shutdown hook runs in the launcher
        awaitGone(child, 30);
        assertTrue(Files.readString(server.output()).contains("the launcher process " + server.launcher().pid() + " has exited"));
    }

    @Test
    void launcher_off_serves_in_the_same_jvm() throws Exception {
        Server server = serve(Map.of("KB_LAUNCHER", "off"));
        JsonNode health = awaitHealthy(server);

        assertTrue(health.path("startup").path("classDataArchive").isNull(), health.toString());
        assertTrue(health.path("startup").path("launcherPid").isNull(), health.toString());
        assertTrue(server.launcher().children().noneMatch(c -> List.of(c.info().arguments().orElse(new String[0]))
                .contains("-Dkb.server=child")), "no server JVM under this one");
    }

    @Test
    void cds_says_what_is_missing() throws Exception {
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "cds", "--content", tmp.resolve("nowhere").toString())
                .redirectErrorStream(true).start();
        started.add(p);
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("no content folder at " + tmp.resolve("nowhere")), out);
    }
    @Test
    void review_in_another_repository_uses_the_rules_packed_in_the_jar() throws Exception {
        Path diff = tmp.resolve("change.diff");
        Files.writeString(diff, """
                diff --git a/svc/fetch.go b/svc/fetch.go
                new file mode 100644
                --- /dev/null
                +++ b/svc/fetch.go
                @@ -0,0 +1,12 @@
                +package svc
                +
                +import "net/http"
                +
                +func Status(url string) (int, error) {
                +	resp, err := http.Get(url)
                +	if err != nil {
                +		return 0, err
                +	}
                +	return resp.StatusCode, nil
                +}
                +
                """);
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "review", "--diff", diff.toString(),
                "--format", "json").directory(tmp.toFile()).redirectError(tmp.resolve("review.err").toFile()).start();
        started.add(p);
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(tmp.resolve("review.err"));
        assertEquals(1, p.exitValue(), out + err);
        assertTrue(err.contains("packed in this jar"), err);
        JsonNode findings = new ObjectMapper().readTree(out).path("findings");
        assertTrue(findings.isArray() && findings.size() > 0, out);
        assertTrue(findings.toString().contains("svc/fetch.go"), out);
    }
}
