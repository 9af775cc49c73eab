package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound12Test.lineOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java resource classes behind round 15's misses, each a defect beside the look-alike the same rule must stay
 * silent on (fixtures written for these tests, not taken from the corpus). Findings are compared as "line:item".
 *
 * <ul>
 *   <li>RES-04, a client builder kept for later (a field, a parameter) and built on every call: each {@code build()}
 *       makes a client with its own connection pool, which RES-04 asks to build once and share; closing it after the
 *       call does not share it. The builder is known from the models' own construction of the client
 *       ({@code HttpClient.newBuilder()}, {@code HttpClientBuilder.create()}), not from a list of builders.</li>
 *   <li>RES-04, a DataSource whose class says it pools or balances connections, built per call: "a DataSource owns
 *       threads and sockets" (RES-04's Why). A driver's plain DataSource, which holds nothing between calls, is no
 *       pool.</li>
 *   <li>RES-01, a session handed to a call that makes a view of it ({@code Stats.of(session)}) and then closed by a
 *       trailing {@code close()}: the author's own close says the call only borrowed it, so an exception before the
 *       close leaks it ("Never call close() by hand at the end of a block").</li>
 *   <li>TX-01, a Hibernate session's transaction begun with the result dropped and committed through
 *       {@code session.getTransaction()}: nothing rolls it back on an exception ("roll back in a catch that
 *       rethrows"). A stored Transaction stays judged by its own name.</li>
 *   <li>RES-02, the response stream of an HttpURLConnection whose declaration is above the hunk: used with
 *       {@code disconnect()} or a status call, the connection is HTTP, and its stream is the response body RES-02 asks
 *       to close on every path. A JSch-like channel, also disconnected, is no HTTP connection.</li>
 * </ul>
 */
class JavaResourceClassesRound15Test {

    private static List<String> items(String path, String source) {
        return JavaModelsRound7Test.items(path, source);
    }

    private static List<String> itemsOf(String diff) {
        return TestRules.reviewDiff(diff).active().stream().map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    private static List<String> only(List<String> found, String item) {
        return found.stream().filter(f -> f.endsWith(":" + item)).toList();
    }

    // --- RES-04: a kept builder built per call ---

    private static final String QUOTES = """
            package a;

            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.time.Duration;

            public class QuoteFeed {
            %s
                public String latest(String symbol) throws Exception {
            %s
                    HttpRequest request = HttpRequest.newBuilder(URI.create("https://quotes.example/" + symbol))
                            .timeout(Duration.ofSeconds(5)).build();
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                }
            }
            """;

    @Test
    void a_client_built_from_a_kept_builder_on_every_call_is_reported_and_one_built_in_the_constructor_is_clean() {
        String defect = QUOTES.formatted("""
                    private final HttpClient.Builder builder;

                    public QuoteFeed(HttpClient.Builder builder) {
                        this.builder = builder.connectTimeout(Duration.ofSeconds(2));
                    }
                """, """
                        HttpClient http = builder.build();
                """);
        String clean = QUOTES.formatted("""
                    private final HttpClient http;

                    public QuoteFeed(HttpClient.Builder builder) {
                        this.http = builder.connectTimeout(Duration.ofSeconds(2)).build();
                    }
                """, "");
        assertEquals(List.of(lineOf(defect, "builder.build()") + ":RES-04"),
                only(items("src/main/java/a/QuoteFeed.java", defect), "RES-04"));
        assertEquals(List.of(), only(items("src/main/java/a/QuoteFeed.java", clean), "RES-04"));
    }

    private static final String RELAY = """
            package a;

            import org.apache.hc.client5.http.classic.methods.HttpPost;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
            import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
            import org.apache.hc.core5.http.io.entity.StringEntity;

            public class WebhookRelay {
                private final HttpClientBuilder clients;
            %s
                public WebhookRelay(HttpClientBuilder clients) {
                    this.clients = clients;
            %s
                }

                public int relay(String target, String payload) throws Exception {
                    HttpPost post = new HttpPost(target);
                    post.setEntity(new StringEntity(payload));
            %s
                }
            }
            """;

    @Test
    void an_apache_client_built_and_closed_per_call_from_a_kept_builder_is_reported_and_a_shared_one_is_clean() {
        String defect = RELAY.formatted("", "", """
                        try (CloseableHttpClient client = clients.build()) {
                            return client.execute(post, response -> response.getCode());
                        }
                """);
        String clean = RELAY.formatted("""
                    private final CloseableHttpClient client;
                """, """
                        this.client = clients.build();
                """, """
                        return client.execute(post, response -> response.getCode());
                """);
        assertEquals(List.of(lineOf(defect, "clients.build()") + ":RES-04"),
                only(items("src/main/java/a/WebhookRelay.java", defect), "RES-04"));
        assertEquals(List.of(), only(items("src/main/java/a/WebhookRelay.java", clean), "RES-04"));
    }

    // --- RES-04: a pooling DataSource built per call ---

    private static final String AUDIT = """
            package a;

            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import javax.sql.DataSource;
            import org.mariadb.jdbc.MariaDbDataSource;
            import org.mariadb.jdbc.MariaDbPoolDataSource;

            public class AuditTrail {
                private final String url;

                public AuditTrail(String url) {
                    this.url = url;
                }

                public void record(String who, String what) throws Exception {
                    DataSource ds = %s;
                    try (Connection c = ds.getConnection();
                         PreparedStatement ps = c.prepareStatement("INSERT INTO audit(who, what) VALUES (?, ?)")) {
                        ps.setString(1, who);
                        ps.setString(2, what);
                        ps.executeUpdate();
                    }
                }
            }
            """;

    @Test
    void a_pooling_data_source_built_per_call_is_reported_and_a_plain_driver_data_source_is_not() {
        String defect = AUDIT.formatted("new MariaDbPoolDataSource(url)");
        String clean = AUDIT.formatted("new MariaDbDataSource(url)");
        assertEquals(List.of(lineOf(defect, "new MariaDbPoolDataSource") + ":RES-04"),
                only(items("src/main/java/a/AuditTrail.java", defect), "RES-04"));
        assertEquals(List.of(), only(items("src/main/java/a/AuditTrail.java", clean), "RES-04"));
    }

    // --- RES-01: a session lent to a view, closed by hand at the end ---

    private static final String ARCHIVE = """
            package a;

            import org.hibernate.Session;
            import org.hibernate.SessionFactory;

            public class Archiver {
                private final SessionFactory sessionFactory;

                public Archiver(SessionFactory sessionFactory) {
                    this.sessionFactory = sessionFactory;
                }

                public long archived() {
            %s
                }
            }
            """;

    @Test
    void a_session_lent_to_a_view_and_closed_by_hand_is_reported_and_one_in_try_with_resources_is_clean() {
        String defect = ARCHIVE.formatted("""
                        Session session = sessionFactory.openSession();
                        ArchiveView view = ArchiveView.over(session);
                        long n = view.count();
                        session.close();
                        return n;
                """);
        String clean = ARCHIVE.formatted("""
                        try (Session session = sessionFactory.openSession()) {
                            ArchiveView view = ArchiveView.over(session);
                            return view.count();
                        }
                """);
        assertEquals(List.of(lineOf(defect, "openSession()") + ":RES-01"),
                only(items("src/main/java/a/Archiver.java", defect), "RES-01"));
        assertEquals(List.of(), only(items("src/main/java/a/Archiver.java", clean), "RES-01"));
    }

    // --- TX-01: a session's own transaction, the result of beginTransaction dropped ---

    private static final String LEDGER = """
            package a;

            import org.hibernate.Session;
            import org.hibernate.SessionFactory;
            import org.hibernate.Transaction;

            public class Ledger {
                private final SessionFactory sessionFactory;

                public Ledger(SessionFactory sessionFactory) {
                    this.sessionFactory = sessionFactory;
                }

                public void post(Entry entry) {
                    try (Session session = sessionFactory.openSession()) {
            %s
                    }
                }
            }
            """;

    @Test
    void a_session_transaction_committed_without_a_rollback_path_is_reported_and_the_guarded_forms_are_clean() {
        String defect = LEDGER.formatted("""
                            session.beginTransaction();
                            session.persist(entry);
                            session.getTransaction().commit();
                """);
        String guarded = LEDGER.formatted("""
                            session.beginTransaction();
                            try {
                                session.persist(entry);
                                session.getTransaction().commit();
                            } catch (RuntimeException e) {
                                session.getTransaction().rollback();
                                throw e;
                            }
                """);
        String stored = LEDGER.formatted("""
                            Transaction tx = session.beginTransaction();
                            try {
                                session.persist(entry);
                                tx.commit();
                            } catch (RuntimeException e) {
                                tx.rollback();
                                throw e;
                            }
                """);
        assertEquals(List.of(lineOf(defect, "beginTransaction()") + ":TX-01"),
                only(items("src/main/java/a/Ledger.java", defect), "TX-01"));
        assertEquals(List.of(), only(items("src/main/java/a/Ledger.java", guarded), "TX-01"));
        assertEquals(List.of(), only(items("src/main/java/a/Ledger.java", stored), "TX-01"));
    }

    // --- RES-02: an HttpURLConnection's body, the connection declared above the hunk ---

    private static String download(String name, String body) {
        String hunk = "             if (code >= 400) {\n"
                + "                 throw new IOException(\"download failed: HTTP \" + code);\n"
                + "             }\n"
                + body + "\n"
                + "         } finally {\n"
                + "             " + name + ".disconnect();\n"
                + "         }\n"
                + "     }\n";
        return Round12ClassesTest.edit("src/main/java/a/Download.java",
                Round12ClassesTest.hunk(40, 40, "public class Download {", hunk));
    }

    @Test
    void an_http_connection_body_read_without_close_is_an_http_body_leak_and_a_closed_one_is_clean() {
        String defect = download("conn", """
                +            InputStream in = conn.getInputStream();
                +            return in.readAllBytes();""");
        String clean = download("conn", """
                +            try (InputStream in = conn.getInputStream()) {
                +                return in.readAllBytes();
                +            }""");
        String channel = download("channel", """
                +            InputStream in = channel.getInputStream();
                +            return in.readAllBytes();""");
        assertEquals(List.of("43:RES-02"), only(itemsOf(defect), "RES-02"));
        assertEquals(List.of(), only(itemsOf(defect), "RES-01"));
        assertEquals(List.of(), itemsOf(clean).stream().filter(f -> f.contains(":RES-0")).toList());
        assertEquals(List.of(), only(itemsOf(channel), "RES-02"));
    }
}
