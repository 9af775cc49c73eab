package kb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code kb.Main serve} in a JVM of its own (this test JVM's class path, no launcher), as an operator
 * runs it: its own data folder or database, a known admin password, its output in a file. Tests kill it
 * with SIGKILL or stop it with SIGTERM and start it again on the same data.
 */
final class ServerProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "durability-test-admin-pw";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Map<String, String> env;
    private List<String> jvmOptions;
    private final Path logDir;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private Process process;
    private Path log;
    final int port;

    /** A server on a free port with {@code env} on top of the test defaults; not started yet. */
    ServerProcess(Path work, Map<String, String> env, List<String> jvmOptions) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        this.logDir = work;
        this.jvmOptions = jvmOptions;
        Path content = work.resolve("content");
        copyTree(Path.of("web/src/test/resources/fixtures/content/checklist"), content.resolve("checklist"));
        copyTree(Path.of("web/src/test/resources/fixtures/content/rules"), content.resolve("rules"));
        Files.createDirectories(content.resolve("incidents"));
        this.env = new java.util.HashMap<>(Map.of(
                "KB_PORT", Integer.toString(port),
                "KB_DATA_DIR", work.resolve("data").toString(),
                "KB_CONTENT_DIR", content.toString(),
                "KB_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "KB_SANDBOX_POOL_SIZE", "1",
                "KB_LAUNCHER", "off"));
        this.env.putAll(env);
    }

    /** JVM options for the next {@link #start()}. */
    ServerProcess jvmOptions(List<String> options) {
        this.jvmOptions = options;
        return this;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Process process() {
        return process;
    }

    String output() throws IOException {
        return log == null ? "" : Files.readString(log);
    }

    /** Starts the server and waits until {@code /health} answers 200. */
    ServerProcess start() throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "kb.Main", "serve"));
        log = logDir.resolve("serve-" + started.size() + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("KB_DB_URL");
        pb.environment().putAll(env);
        process = pb.start();
        started.add(process);
        awaitHealthy();
        return this;
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("serve exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (get("/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not healthy within 120 s:\n" + output());
    }

    /** SIGKILL: no shutdown hook, no flush; what was acknowledged must already be safe. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Signs in as admin; returns the session cookie and CSRF token for API writes. */
    Session signInAsAdmin() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=admin&password="
                        + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kb_session="))
                .map(c -> c.substring("kb_session=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session after sign-in: " + r.statusCode() + " " + r.body()));
        String page = get("/", new Session(cookie, "")).body();
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the home page");
        }
        return new Session(cookie, m.group(1));
    }

    record Session(String cookie, String csrf) {
        HttpRequest.Builder on(HttpRequest.Builder b) {
            b.header("Cookie", "kb_session=" + cookie);
            return csrf.isEmpty() ? b : b.header("X-CSRF-Token", csrf);
        }
    }

    HttpResponse<String> get(String path, Session session) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).GET();
        return client.send(session == null ? b.build() : session.on(b).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request, Session session) throws IOException, InterruptedException {
        return client.send(session.on(request.timeout(Duration.ofSeconds(20))).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String path, Session session) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path, session);
        return r.statusCode() == 200 ? new ObjectMapper().readTree(r.body()) : null;
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
