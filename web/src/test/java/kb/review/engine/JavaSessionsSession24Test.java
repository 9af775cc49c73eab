package kb.review.engine;

import static kb.review.engine.Round5ClassesTest.hunk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 24's Java resource classes (README "javares (session 24)"): a resource taken out of a try-with-resources
 * header of several resources; a hunk that starts on the last lines of a statement whose first line is above it; a
 * pooled connection handed inline to a wrapper that does not own it; the sessions and responses of non-JDBC clients
 * (Nebula, JCR, Neo4j, scribejava); and a unit-of-work class whose close() ends the transaction it began (these two in
 * {@link JavaClientSessionsSession24Test}). The fixtures
 * are written for these tests from each library's API; findings are compared as "line:item".
 */
class JavaSessionsSession24Test {

    private static List<String> items(String diff) {
        return TestRules.reviewDiff(diff).active().stream()
                .filter(f -> f.item().startsWith("RES-") || f.item().startsWith("TX-"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    static List<String> file(String path, String source) {
        return JavaLibraryModelsRound9Test.items(path, source);
    }

    // --- class 1: one resource taken out of a multi-resource try-with-resources header ---

    @Test
    void a_session_taken_out_of_a_two_resource_header_is_reported() {
        assertEquals(List.of("41:RES-01"), items(hunk("src/main/java/g/EdgeStore.java", 40, 40, """
                     int link(List<Pair> pairs) {
                -        try (Session s = graph.session(config);
                -             Transaction t = s.beginTransaction()) {
                +        Session s = graph.session(config);
                +        try (Transaction t = s.beginTransaction()) {
                             int n = 0;
                             for (Pair p : pairs) {
                """)));
    }

    @Test
    void a_transaction_moved_from_the_header_into_the_body_is_tx01() {
        assertEquals(List.of("42:TX-01"), items(hunk("src/main/java/g/EdgeStore.java", 40, 40, """
                     int link(List<Pair> pairs) {
                -        try (Session s = graph.session(config);
                -             Transaction t = s.beginTransaction()) {
                +        try (Session s = graph.session(config)) {
                +            Transaction t = s.beginTransaction();
                             int n = 0;
                             for (Pair p : pairs) {
                """)));
    }

    @Test
    void a_statement_taken_out_of_a_one_line_header_of_two_is_reported() {
        assertEquals(List.of("12:RES-01"), items(hunk("src/main/java/r/Orders.java", 10, 10, """
                     long count(String region) throws SQLException {
                -        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(COUNT)) {
                +        try (Connection c = pool.getConnection()) {
                +            PreparedStatement ps = c.prepareStatement(COUNT);
                             ps.setString(1, region);
                             try (ResultSet rs = ps.executeQuery()) {
                """)).stream().filter(s -> s.equals("12:RES-01")).toList());
    }

    @Test
    void an_archive_taken_out_while_its_entry_stream_stays_in_the_header_is_reported() {
        assertEquals(List.of("21:RES-01"), items(hunk("src/main/java/z/Bundle.java", 20, 20, """
                     byte[] manifest(File jar) throws IOException {
                -        try (ZipFile zip = new ZipFile(jar);
                -             InputStream in = zip.getInputStream(zip.getEntry(MANIFEST))) {
                +        ZipFile zip = new ZipFile(jar);
                +        try (InputStream in = zip.getInputStream(zip.getEntry(MANIFEST))) {
                             return in.readAllBytes();
                """)));
    }

    @Test
    void a_mongo_session_taken_out_of_a_header_with_its_cursor_is_reported() {
        assertEquals(List.of("31:RES-01"), items(hunk("src/main/java/m/Audit.java", 30, 30, """
                     void replay(Consumer<Document> sink) {
                -        try (ClientSession cs = mongo.startSession(); MongoCursor<Document> cur = events.find(cs).iterator()) {
                +        ClientSession cs = mongo.startSession();
                +        try (MongoCursor<Document> cur = events.find(cs).iterator()) {
                             cur.forEachRemaining(sink);
                """)).stream().filter(s -> s.startsWith("31:")).toList());
    }

    @Test
    void headers_only_reformatted_or_a_resource_closed_in_an_added_finally_or_returned_are_clean() {
        assertEquals(List.of(), items(hunk("src/main/java/g/EdgeStore.java", 40, 40, """
                     int link(List<Pair> pairs) {
                -        try (Session s = graph.session(config);
                -             Transaction t = s.beginTransaction()) {
                +        try (Session s = graph.session(config); Transaction t = s.beginTransaction()) {
                             int n = 0;
                             for (Pair p : pairs) {
                """)));
        assertEquals(List.of(), items(hunk("src/main/java/g/EdgeStore.java", 40, 40, """
                     Session open(List<Pair> pairs) {
                -        try (Session s = graph.session(config);
                -             Transaction t = s.beginTransaction()) {
                +        Session s = graph.session(config);
                +        try (Transaction t = s.beginTransaction()) {
                             t.commit();
                +            return s;
                         }
                     }
                """)));
        assertEquals(List.of(), items(hunk("src/main/java/z/Bundle.java", 20, 20, """
                     byte[] manifest(File jar) throws IOException {
                -        try (ZipFile zip = new ZipFile(jar);
                -             InputStream in = zip.getInputStream(zip.getEntry(MANIFEST))) {
                +        ZipFile zip = new ZipFile(jar);
                +        try (InputStream in = zip.getInputStream(zip.getEntry(MANIFEST))) {
                             return in.readAllBytes();
                +        } finally {
                +            zip.close();
                         }
                """)));
    }

    // --- class 2: a hunk that starts on the last lines of a statement begun above it ---

    private static final String AUTH = """
                             new BasicNameValuePair("client_id", id),
                             new BasicNameValuePair("client_secret", secret))));
            +        CloseableHttpResponse response = http.execute(post);
            +        if (response.getCode() != 200) {
            +            throw new IOException("HTTP " + response.getCode());
            +        }
            +        try {
            +            return EntityUtils.toString(response.getEntity());
            +        } finally {
            +            response.close();
            +        }
                 }
             }
            """;

    @Test
    void a_response_left_open_by_an_early_throw_below_a_cut_argument_list_is_reported() {
        assertEquals(List.of("32:RES-02"), items(hunk("src/main/java/t/TokenClient.java", 30, 30, AUTH)));
    }

    @Test
    void a_statement_left_open_below_a_cut_string_concatenation_is_reported() {
        assertEquals(List.of("12:RES-01"), items(hunk("src/main/java/r/Report.java", 10, 10, """
                             + " where region = ?"
                             + " order by day");
                +        PreparedStatement ps = connection.prepareStatement(sql);
                +        ps.setString(1, region);
                +        if (region.isEmpty()) {
                +            return List.of();
                +        }
                +        ps.close();
                +        return List.of(region);
                     }
                """)).stream().filter(s -> s.equals("12:RES-01")).toList());
    }

    @Test
    void a_stream_left_open_below_a_cut_builder_chain_is_reported() {
        assertEquals(List.of("22:RES-01"), items(hunk("src/main/java/f/Loader.java", 20, 20, """
                             .filter(Files::isRegularFile)
                             .collect(Collectors.toList());
                +        InputStream in = new FileInputStream(paths.get(0).toFile());
                +        if (paths.size() > limit) {
                +            throw new IOException("too many files");
                +        }
                +        in.close();
                     }
                """)));
    }

    @Test
    void the_same_cut_hunks_with_try_with_resources_are_clean() {
        assertEquals(List.of(), items(hunk("src/main/java/t/TokenClient.java", 30, 30, """
                             new BasicNameValuePair("client_id", id),
                             new BasicNameValuePair("client_secret", secret))));
                +        try (CloseableHttpResponse response = http.execute(post)) {
                +            if (response.getCode() != 200) {
                +                throw new IOException("HTTP " + response.getCode());
                +            }
                +            return EntityUtils.toString(response.getEntity());
                +        }
                     }
                 }
                """)));
        assertEquals(List.of(), items(hunk("src/main/java/f/Loader.java", 20, 20, """
                             .filter(Files::isRegularFile)
                             .collect(Collectors.toList());
                +        try (InputStream in = new FileInputStream(paths.get(0).toFile())) {
                +            if (paths.size() > limit) {
                +                throw new IOException("too many files");
                +            }
                +        }
                     }
                """)));
    }

    // --- class 3: a pooled connection handed inline to a wrapper that does not own it ---

    private static final String STORE = """
            package s;

            import java.sql.SQLException;
            import javax.sql.DataSource;

            public class Store {
                private final DataSource dataSource;

                public Store(DataSource dataSource) {
                    this.dataSource = dataSource;
                }

                public Object load(String id) throws SQLException {
                    %s
                }
            }
            """;

    @Test
    void a_connection_taken_inline_for_jooq_a_query_runner_or_a_single_connection_source_is_reported() {
        assertEquals(List.of("14:RES-01"), file("src/main/java/s/Store.java", STORE.formatted(
                "return DSL.using(dataSource.getConnection(), SQLDialect.POSTGRES).fetchOne(T, T.ID.eq(id));")));
        assertEquals(List.of("14:RES-01"), file("src/main/java/s/Store.java", STORE.formatted(
                "return new QueryRunner().query(dataSource.getConnection(), SQL, new MapHandler(), id);")));
        assertEquals(List.of("14:RES-01"), file("src/main/java/s/Store.java", STORE.formatted(
                "return new JdbcTemplate(new SingleConnectionDataSource(dataSource.getConnection(), true)).queryForMap(SQL, id);")));
        assertEquals(List.of("14:RES-01"), file("src/main/java/s/Store.java", STORE.formatted(
                "DSLContext ctx = DSL.using(DriverManager.getConnection(url), SQLDialect.H2); return ctx.fetchOne(T, T.ID.eq(id));")));
        assertEquals(List.of("14:RES-01"), file("src/main/java/s/Store.java", STORE.formatted(
                "return runner.update(this.dataSource.getConnection(), SQL, id);")));
    }

    @Test
    void the_wrapper_given_the_data_source_or_a_connection_held_in_try_is_clean() {
        assertEquals(List.of(), file("src/main/java/s/Store.java", STORE.formatted(
                "return DSL.using(dataSource, SQLDialect.POSTGRES).fetchOne(T, T.ID.eq(id));")));
        assertEquals(List.of(), file("src/main/java/s/Store.java", STORE.formatted(
                "try (Connection c = dataSource.getConnection()) { return DSL.using(c, SQLDialect.POSTGRES).fetchOne(T, T.ID.eq(id)); }")));
        assertEquals(List.of(), file("src/main/java/s/Store.java", STORE.formatted(
                "return new QueryRunner(dataSource).query(SQL, new MapHandler(), id);")));
    }
}
