package kb;

import io.javalin.Javalin;
import kb.system.Config;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The real application on a private in-memory H2 database and a random port, called over HTTP as users
 * and scripts call it.
 */
public final class TestApp implements AutoCloseable {

    public static final Path FIXTURES = Path.of("web/src/test/resources/fixtures/content").toAbsolutePath();
    public static final Path CONTENT = Path.of("content").toAbsolutePath();

    public final App.Services services;
    public final Javalin app;
    public final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private TestApp(App.Services services, Javalin app) {
        this.services = services;
        this.app = app;
        this.base = "http://localhost:" + app.port();
    }

    /** Starts the app with {@code contentDir} imported. */
    /** A configuration for tests: a private in-memory H2 database and the given content folder. */
    public static Config config(String name, Path contentDir, Map<String, String> extraEnv) {
        // A server sizes its warm pool by the machine's memory and cores (up to 8); test apps keep 4 unless a test says
        // otherwise, so that a suite that starts many apps does not start twice the children.
        var env = new java.util.HashMap<>(Map.of("KB_SANDBOX_POOL_SIZE", "4"));
        env.putAll(extraEnv);
        return new Config(0, Path.of("target", "test-data", name).toAbsolutePath(),
                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", contentDir, Map.copyOf(env));
    }

    public static TestApp start(Path contentDir) {
        return start(contentDir, Map.of());
    }

    public static TestApp start(Path contentDir, Map<String, String> env) {
        return start(contentDir, env, config -> { });
    }

    /** Starts the app with {@code extra} applied to its configuration after the app's own. */
    public static TestApp start(Path contentDir, Map<String, String> env,
                                java.util.function.Consumer<io.javalin.config.JavalinConfig> extra) {
        Config config = kb.TestApp.config("t" + UUID.randomUUID().toString().replace("-", ""), contentDir, env);
        App.Services services = App.Services.open(config);
        services.incidents().importContent(contentDir);
        return new TestApp(services, App.create(services, extra).start());
    }

    /**
     * Starts another app on {@code config}'s database, importing nothing: a second instance on the same
     * PostgreSQL database, as behind a load balancer.
     */
    public static TestApp onDatabase(Config config) {
        App.Services services = App.Services.open(config);
        return new TestApp(services, App.create(services).start());
    }

    /** Starts the app on the database {@code config} names (see {@link TestDatabases}) with its content imported. */
    public static TestApp start(Config config) {
        App.Services services = App.Services.open(config);
        services.incidents().importContent(config.contentDir());
        return new TestApp(services, App.create(services).start());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    /** POSTs {@code json} (no body when null) as application/json, with {@code headers}. */
    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a page, asserts it answered {@code expectedStatus}, and parses it. */
    public Document page(String path, int expectedStatus) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != expectedStatus) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ", expected " + expectedStatus
                    + "\n" + r.body());
        }
        return Jsoup.parse(r.body(), base + path);
    }

    public Document page(String path) {
        return page(path, 200);
    }

    @Override
    public void close() {
        app.stop();
        services.close();
    }
}
