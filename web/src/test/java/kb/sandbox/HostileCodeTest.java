package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code sandbox/hostile} tries one way out of the sandbox. Its first line states
 * how the run must end: {@code // expect: STATUS[|STATUS...] [words the message must contain]}.
 * Besides its status, no run may print a value of this JVM's environment, and together they must
 * leave the disk untouched and never connect to the listening port that stands in for the app.
 * The files run concurrently, as they would arrive at a busy server.
 */
class HostileCodeTest {
    private static final Sandbox sandbox = TestSandbox.shared();
    private static final AtomicInteger connections = new AtomicInteger();
    private static final Map<String, RunResult> results = new ConcurrentHashMap<>();
    private static ServerSocket appPort;
    private static Path markerDir;

    @BeforeAll
    static void run_every_file_concurrently() throws Exception {
        appPort = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!appPort.isClosed()) {
                try (Socket s = appPort.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "hostile-test-app-port");
        acceptor.setDaemon(true);
        acceptor.start();
        markerDir = Files.createTempDirectory("kb-hostile-");

        // Children start on the CPU; a few clients keep both cores busy while time-outs wait.
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            var runs = new ArrayList<Future<?>>();
            for (String file : hostileFiles().toList()) {
                String source = read(file).replace("${PORT}", Integer.toString(appPort.getLocalPort()))
                        .replace("${MARKER}", markerDir.toString());
                runs.add(clients.submit(() -> results.put(file, sandbox.run(RunRequest.untrusted(source)))));
            }
            for (Future<?> run : runs) {
                run.get(10, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @AfterAll
    static void the_server_is_still_healthy() throws IOException {
        RunResult after = sandbox.run(RunRequest.bundled("System.out.println(\"still fine\");", "still fine\n"));
        assertTrue(after.passed(), after::toString);
        appPort.close();
        Files.delete(markerDir);
    }

    static Stream<String> hostileFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(HostileCodeTest.class.getResource("/sandbox/hostile").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsh")).sorted().toList().stream();
        }
    }

    static String read(String file) throws IOException {
        try (var in = HostileCodeTest.class.getResourceAsStream("/sandbox/hostile/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_suite_tries_at_least_forty_escape_routes() throws Exception {
        assertTrue(hostileFiles().count() >= 40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostile_code_ends_denied_or_contained(String file) throws Exception {
        String header = read(file).lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("// expect: "), file + " must start with an expect line");
        String[] expectation = header.substring("// expect: ".length()).split(" ", 2);
        Set<RunStatus> allowed = Arrays.stream(expectation[0].split("\\|")).map(RunStatus::valueOf)
                .collect(Collectors.toSet());
        RunResult r = results.get(file);

        assertTrue(allowed.contains(r.status()), file + " ended as " + r.status() + ": " + r.message());
        if (expectation.length > 1) {
            String words = expectation[1];
            boolean named = r.message().contains(words) || r.stderr().contains(words)
                    || r.diagnostics().stream().anyMatch(d -> d.message().contains(words));
            assertTrue(named, file + ": expected '" + words + "' in " + r);
        }
        String printed = r.stdout() + r.stderr() + r.message();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (e.getValue().length() >= 12) {
                assertFalse(printed.contains(e.getValue()), file + " printed the value of " + e.getKey());
            }
        }
    }

    @Test
    void no_file_was_written_and_the_apps_port_was_never_reached() throws IOException {
        try (Stream<Path> left = Files.list(markerDir)) {
            assertEquals(List.of(), left.toList(), "files in the directory the snippets aimed at");
        }
        try (Stream<Path> left = Files.list(sandbox.config().dataDir().resolve("work"))) {
            assertEquals(List.of(), left.toList(), "files in the children's working directory");
        }
        assertFalse(Files.exists(Path.of("pwned.txt")), "a file in the server's working directory");
        assertEquals(0, connections.get(), "connections to the app's port");
    }
}
