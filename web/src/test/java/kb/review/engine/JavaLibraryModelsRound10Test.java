package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java library models of round 10 (content/rules/models/java-libraries-3.yaml), picked by popularity: pools,
 * clients, timers and schedulers meant to be built once (RES-04), interval subscriptions started per call (RES-01),
 * clients and URL reads with no timeout (TMO-01), waits without a bound in a method given a deadline (TMO-02), and
 * handles still missing (Jackson over a file, mail transports, Pulsar producers, a stream given to a reading utility).
 * Each defect is paired with the look-alike real code writes when it honours the duty. Findings are compared as
 * "line:item" for the resource and timeout items; the fixtures are written for these tests from each library's API.
 */
class JavaLibraryModelsRound10Test {

    private static List<String> items(String path, String source) {
        return TestRules.reviewDiff(JavaModelsRound7Test.newFile(path, source)).active().stream()
                .filter(f -> f.item().startsWith("RES-") || f.item().startsWith("TMO-"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    // --- RES-04: a ThreadPoolExecutor built per call / once in the constructor ---

    @Test
    void thread_pool_executor_built_per_call_is_reported() {
        assertEquals(List.of("13:RES-04"), items("src/main/java/a/Thumbnails.java", """
                package a;

                import java.util.List;
                import java.util.concurrent.ArrayBlockingQueue;
                import java.util.concurrent.ThreadPoolExecutor;
                import java.util.concurrent.TimeUnit;

                public class Thumbnails {
                    private final Scaler scaler = new Scaler();

                    public void render(List<String> images) {
                        ThreadPoolExecutor pool =
                                new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64));
                        for (String image : images) {
                            pool.execute(() -> scaler.scale(image));
                        }
                    }
                }
                """));
    }

    @Test
    void thread_pool_executor_built_in_the_constructor_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Thumbnails.java", """
                package a;

                import java.util.List;
                import java.util.concurrent.ArrayBlockingQueue;
                import java.util.concurrent.ThreadPoolExecutor;
                import java.util.concurrent.TimeUnit;

                public class Thumbnails {
                    private final Scaler scaler = new Scaler();
                    private final ThreadPoolExecutor pool;

                    public Thumbnails() {
                        pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64));
                    }

                    public void render(List<String> images) {
                        for (String image : images) {
                            pool.execute(() -> scaler.scale(image));
                        }
                    }
                }
                """));
    }

    @Test
    void thread_pool_executor_shut_down_by_the_call_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Thumbnails.java", """
                package a;

                import java.util.List;
                import java.util.concurrent.ArrayBlockingQueue;
                import java.util.concurrent.ThreadPoolExecutor;
                import java.util.concurrent.TimeUnit;

                public class Thumbnails {
                    private final Scaler scaler = new Scaler();

                    public void render(List<String> images) {
                        ThreadPoolExecutor pool =
                                new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64));
                        try {
                            for (String image : images) {
                                pool.execute(() -> scaler.scale(image));
                            }
                        } finally {
                            pool.shutdown();
                        }
                    }
                }
                """));
    }

    // --- RES-04: a java.util.Timer (one thread each) per call / a shared daemon timer ---

    @Test
    void timer_built_per_call_is_reported() {
        assertEquals(List.of("8:RES-04"), items("src/main/java/a/Reminders.java", """
                package a;

                import java.util.Timer;
                import java.util.TimerTask;

                public class Reminders {
                    public void remindLater(Mailer mailer, String user, long delayMillis) {
                        Timer timer = new Timer();
                        timer.schedule(new TimerTask() {
                            @Override
                            public void run() {
                                mailer.remind(user);
                            }
                        }, delayMillis);
                    }
                }
                """));
    }

    @Test
    void timer_kept_in_a_field_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Reminders.java", """
                package a;

                import java.util.Timer;
                import java.util.TimerTask;

                public class Reminders {
                    private final Timer timer = new Timer("reminders", true);

                    public void remindLater(Mailer mailer, String user, long delayMillis) {
                        timer.schedule(new TimerTask() {
                            @Override
                            public void run() {
                                mailer.remind(user);
                            }
                        }, delayMillis);
                    }
                }
                """));
    }

    // --- RES-04: a JAX-RS Client per call (heavy-weight, its documentation says: even closed, a pool per call) / one
    // kept in a field ---

    @Test
    void jaxrs_client_per_call_is_reported() {
        assertEquals(List.of("8:RES-04"), items("src/main/java/a/StatusProbe.java", """
                package a;

                import jakarta.ws.rs.client.Client;
                import jakarta.ws.rs.client.ClientBuilder;

                public class StatusProbe {
                    public String status(String baseUrl) {
                        Client client = ClientBuilder.newClient();
                        try {
                            return client.target(baseUrl).path("status").request().get(String.class);
                        } finally {
                            client.close();
                        }
                    }
                }
                """));
    }

    @Test
    void jaxrs_client_kept_in_a_field_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/StatusProbe.java", """
                package a;

                import jakarta.ws.rs.client.Client;
                import jakarta.ws.rs.client.ClientBuilder;

                public class StatusProbe {
                    private final Client client = ClientBuilder.newClient();

                    public String status(String baseUrl) {
                        return client.target(baseUrl).path("status").request().get(String.class);
                    }
                }
                """));
    }

    // --- RES-04 and TMO-01: HttpClient 5's default async client per call / a configured shared one ---

    @Test
    void apache_async_default_client_per_call_is_reported_twice() {
        assertEquals(List.of("9:RES-04", "9:TMO-01"), items("src/main/java/a/Pinger.java", """
                package a;

                import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
                import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
                import org.apache.hc.client5.http.impl.async.HttpAsyncClients;

                public class Pinger {
                    public void ping(SimpleHttpRequest request) {
                        CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();
                        client.start();
                        client.execute(request, null);
                    }
                }
                """));
    }

    @Test
    void apache_async_client_configured_once_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Pinger.java", """
                package a;

                import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
                import org.apache.hc.client5.http.config.RequestConfig;
                import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
                import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
                import org.apache.hc.core5.util.Timeout;

                public class Pinger {
                    private final CloseableHttpAsyncClient client;

                    public Pinger() {
                        client = HttpAsyncClients.custom()
                                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(5)).build())
                                .build();
                        client.start();
                    }

                    public void ping(SimpleHttpRequest request) {
                        client.execute(request, null);
                    }
                }
                """));
    }

    // --- RES-04: a Redisson client per call / one built by a provider method ---

    private static final String REDISSON = """
            package a;

            import org.redisson.Redisson;
            import org.redisson.api.RedissonClient;
            import org.redisson.config.Config;

            public class Locks {
                %s
                public RedissonClient %s(Config config) {
                    RedissonClient redisson = Redisson.create(config);
                    %s
                }
            }
            """;

    @Test
    void redisson_client_per_call_is_reported() {
        assertEquals(List.of("10:RES-04"), items("src/main/java/a/Locks.java", REDISSON.formatted(
                "", "tryLock", "redisson.getLock(\"jobs\").tryLock();\n        return null;")));
    }

    @Test
    void redisson_client_built_by_a_provider_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Locks.java", REDISSON.formatted(
                "@org.springframework.context.annotation.Bean(destroyMethod = \"shutdown\")", "redisson",
                "return redisson;")));
    }

    // --- RES-04: a Druid pool per call / kept in a field ---

    @Test
    void druid_pool_per_call_is_reported() {
        assertEquals(List.of("9:RES-04"), items("src/main/java/a/Audit.java", """
                package a;

                import com.alibaba.druid.pool.DruidDataSource;
                import java.sql.Connection;
                import java.sql.SQLException;

                public class Audit {
                    public void record(String url, String event) throws SQLException {
                        DruidDataSource ds = new DruidDataSource();
                        ds.setUrl(url);
                        try (Connection c = ds.getConnection()) {
                            AuditDao.insert(c, event);
                        }
                    }
                }
                """));
    }

    @Test
    void druid_pool_kept_in_a_field_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Audit.java", """
                package a;

                import com.alibaba.druid.pool.DruidDataSource;
                import java.sql.Connection;
                import java.sql.SQLException;

                public class Audit {
                    private DruidDataSource ds;

                    public void open(String url) {
                        ds = new DruidDataSource();
                        ds.setUrl(url);
                    }

                    public void record(String event) throws SQLException {
                        try (Connection c = ds.getConnection()) {
                            AuditDao.insert(c, event);
                        }
                    }
                }
                """));
    }

    // --- RES-04: a Vert.x instance per call / in main ---

    @Test
    void vertx_per_call_is_reported() {
        assertEquals(List.of("7:RES-04"), items("src/main/java/a/Notifier.java", """
                package a;

                import io.vertx.core.Vertx;

                public class Notifier {
                    public void notifyLater(Runnable task, long delayMillis) {
                        Vertx vertx = Vertx.vertx();
                        vertx.setTimer(delayMillis, id -> task.run());
                    }
                }
                """));
    }

    @Test
    void vertx_in_main_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Notifier.java", """
                package a;

                import io.vertx.core.Vertx;

                public class Notifier {
                    public static void main(String[] args) {
                        Vertx vertx = Vertx.vertx();
                        vertx.deployVerticle(new NotifierVerticle());
                    }
                }
                """));
    }

    // --- RES-01: a Flux.interval subscription per stream and dropped / bounded by the stream's end ---

    private static final String KEEP_ALIVE = """
            package a;

            import java.time.Duration;
            import reactor.core.publisher.Flux;

            public class Heartbeats {
                private final Duration every;

                public Heartbeats(Duration every) {
                    this.every = every;
                }

                public void attach(Session session) {
                    Flux.interval(every)%s
                            .subscribe(n -> session.ping(n));
                }
            }
            """;

    @Test
    void interval_subscription_per_session_is_reported() {
        assertEquals(List.of("14:RES-01"), items("src/main/java/a/Heartbeats.java", KEEP_ALIVE.formatted("")));
    }

    @Test
    void interval_subscription_bounded_by_the_session_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Heartbeats.java",
                KEEP_ALIVE.formatted("\n                .takeUntilOther(session.closed())")));
    }

    @Test
    void interval_subscription_started_once_by_the_constructor_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Refresher.java", """
                package a;

                import java.time.Duration;
                import reactor.core.publisher.Flux;

                public class Refresher {
                    public Refresher(Catalog catalog) {
                        Flux.interval(Duration.ofMinutes(5)).subscribe(n -> catalog.reload());
                    }
                }
                """));
    }

    // --- RES-01: a Jackson parser over a File left open on an early return / in try-with-resources; over a String ---

    private static final String JACKSON = """
            package a;

            import com.fasterxml.jackson.core.JsonFactory;
            import com.fasterxml.jackson.core.JsonParser;
            import com.fasterxml.jackson.core.JsonToken;
            import java.io.File;
            import java.io.IOException;

            public class ManifestReader {
                private static final JsonFactory FACTORY = new JsonFactory();

                public String version(File manifestFile) throws IOException {
                    %s
                        if (p.nextToken() != JsonToken.START_OBJECT) {
                            return null;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            if ("version".equals(p.currentName())) {
                                p.nextToken();
                                return p.getText();
                            }
                            p.skipChildren();
                        }
                        return null;
                    %s
                }
            }
            """;

    @Test
    void jackson_parser_over_a_file_left_open_is_reported() {
        assertEquals(List.of("13:RES-01"), items("src/main/java/a/ManifestReader.java",
                JACKSON.formatted("JsonParser p = FACTORY.createParser(manifestFile); {", "}")));
    }

    @Test
    void jackson_parser_over_a_file_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/ManifestReader.java",
                JACKSON.formatted("try (JsonParser p = FACTORY.createParser(manifestFile)) {", "}")));
    }

    @Test
    void jackson_parser_over_a_string_holds_nothing_and_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/ManifestReader.java",
                JACKSON.formatted("JsonParser p = FACTORY.createParser(manifestFile.getName()); {", "}")));
    }

    // --- RES-01: a mail Transport closed only on the happy path / in finally ---

    private static final String MAIL = """
            package a;

            import jakarta.mail.Message;
            import jakarta.mail.MessagingException;
            import jakarta.mail.Session;
            import jakarta.mail.Transport;

            public class Outbox {
                public void send(Session session, Message message, String password) throws MessagingException {
                    Transport transport = session.getTransport("smtp");
                    %s
                }
            }
            """;

    @Test
    void mail_transport_closed_only_on_success_is_reported() {
        assertEquals(List.of("10:RES-01"), items("src/main/java/a/Outbox.java", MAIL.formatted("""
                transport.connect("mail.example.org", "outbox", password);
                        transport.sendMessage(message, message.getAllRecipients());
                        transport.close();""")));
    }

    @Test
    void mail_transport_closed_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Outbox.java", MAIL.formatted("""
                try {
                            transport.connect("mail.example.org", "outbox", password);
                            transport.sendMessage(message, message.getAllRecipients());
                        } finally {
                            transport.close();
                        }""")));
    }

    // --- RES-01: a Pulsar producer never closed / in try-with-resources ---

    private static final String PULSAR = """
            package a;

            import org.apache.pulsar.client.api.Producer;
            import org.apache.pulsar.client.api.PulsarClient;
            import org.apache.pulsar.client.api.PulsarClientException;
            import org.apache.pulsar.client.api.Schema;

            public class Announcer {
                private final PulsarClient pulsar;

                public Announcer(PulsarClient pulsar) {
                    this.pulsar = pulsar;
                }

                public void announce(String topic, String text) throws PulsarClientException {
                    %s
                }
            }
            """;

    @Test
    void pulsar_producer_never_closed_is_reported() {
        assertEquals(List.of("16:RES-01"), items("src/main/java/a/Announcer.java", PULSAR.formatted("""
                Producer<String> producer = pulsar.newProducer(Schema.STRING).topic(topic).create();
                        producer.send(text);""")));
    }

    @Test
    void pulsar_producer_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Announcer.java", PULSAR.formatted("""
                try (Producer<String> producer = pulsar.newProducer(Schema.STRING).topic(topic).create()) {
                            producer.send(text);
                        }""")));
    }

    // --- RES-01: a file stream handed to a reading utility that does not close it / in try-with-resources ---

    private static final String READ_UTILITY = """
            package a;

            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.charset.StandardCharsets;
            import org.springframework.util.StreamUtils;

            public class Templates {
                public String load(String path) throws IOException {
                    %s
                }
            }
            """;

    @Test
    void stream_read_by_a_utility_and_left_open_is_reported() {
        assertEquals(List.of("11:RES-01"), items("src/main/java/a/Templates.java", READ_UTILITY.formatted("""
                InputStream in = new FileInputStream(path);
                        return StreamUtils.copyToString(in, StandardCharsets.UTF_8);""")));
    }

    @Test
    void stream_read_by_a_utility_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Templates.java", READ_UTILITY.formatted("""
                try (InputStream in = new FileInputStream(path)) {
                            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
                        }""")));
    }

    // --- TMO-01: HttpClient 4's DefaultHttpClient with no timeouts / with them set through its params ---

    private static final String DEFAULT_HTTP_CLIENT = """
            package a;

            import org.apache.http.client.HttpClient;
            import org.apache.http.impl.client.DefaultHttpClient;
            import org.apache.http.params.HttpConnectionParams;

            public class LegacyGateway {
                private final HttpClient http;

                public LegacyGateway() {
                    DefaultHttpClient client = new DefaultHttpClient();
                    %s
                    this.http = client;
                }
            }
            """;

    @Test
    void default_http_client_without_timeouts_is_reported() {
        assertEquals(List.of("11:TMO-01"), items("src/main/java/a/LegacyGateway.java",
                DEFAULT_HTTP_CLIENT.formatted("")));
    }

    @Test
    void default_http_client_with_timeouts_in_its_params_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/LegacyGateway.java", DEFAULT_HTTP_CLIENT.formatted("""
                HttpConnectionParams.setConnectionTimeout(client.getParams(), 2000);
                        HttpConnectionParams.setSoTimeout(client.getParams(), 5000);""")));
    }

    // --- TMO-01: Commons IO's two-argument copyURLToFile / the overload with timeouts ---

    private static final String COPY_URL = """
            package a;

            import java.io.File;
            import java.io.IOException;
            import java.net.URL;
            import org.apache.commons.io.FileUtils;

            public class Mirror {
                public void fetch(URL source, File target) throws IOException {
                    FileUtils.copyURLToFile(source, target%s);
                }
            }
            """;

    @Test
    void copy_url_to_file_without_timeouts_is_reported() {
        assertEquals(List.of("10:TMO-01"), items("src/main/java/a/Mirror.java", COPY_URL.formatted("")));
    }

    @Test
    void copy_url_to_file_with_timeouts_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Mirror.java", COPY_URL.formatted(", 2_000, 10_000")));
    }

    // --- TMO-01: new URL(...).openStream() (no timeout can be set) / a URLConnection with both timeouts ---

    @Test
    void url_open_stream_is_reported() {
        assertEquals(List.of("9:TMO-01"), items("src/main/java/a/Feeds.java", """
                package a;

                import java.io.IOException;
                import java.io.InputStream;
                import java.net.URL;

                public class Feeds {
                    public byte[] download(String address) throws IOException {
                        try (InputStream in = new URL(address).openStream()) {
                            return in.readAllBytes();
                        }
                    }
                }
                """));
    }

    @Test
    void url_connection_with_timeouts_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Feeds.java", """
                package a;

                import java.io.IOException;
                import java.io.InputStream;
                import java.net.URL;
                import java.net.URLConnection;

                public class Feeds {
                    public byte[] download(String address) throws IOException {
                        URLConnection conn = new URL(address).openConnection();
                        conn.setConnectTimeout(2_000);
                        conn.setReadTimeout(10_000);
                        try (InputStream in = conn.getInputStream()) {
                            return in.readAllBytes();
                        }
                    }
                }
                """));
    }

    // --- TMO-02: a process waited for without the caller's bound / with it ---

    private static final String PROCESS_WAIT = """
            package a;

            import java.io.IOException;
            import java.time.Duration;
            import java.util.concurrent.TimeUnit;

            public class Converter {
                public boolean convert(String input, Duration timeout) throws IOException, InterruptedException {
                    Process process = new ProcessBuilder("convert", input, input + ".png").start();
                    %s
                }
            }
            """;

    @Test
    void process_wait_without_the_callers_bound_is_reported() {
        assertEquals(List.of("10:TMO-02"), items("src/main/java/a/Converter.java",
                PROCESS_WAIT.formatted("return process.waitFor() == 0;")));
    }

    @Test
    void process_wait_with_the_callers_bound_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Converter.java", PROCESS_WAIT.formatted(
                "return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;")));
    }
}
