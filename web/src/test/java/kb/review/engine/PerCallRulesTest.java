package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The RES-04 built-per-call rules end to end: one-time initialisation told from per-call work by program facts. */
class PerCallRulesTest {

    private static List<Integer> lines(String path, String content, String rule) {
        return TestRules.reviewDiff(newFile(path, content)).active().stream()
                .filter(f -> f.rule().equals(rule)).map(Finding::line).toList();
    }

    @Test
    void a_pool_opened_in_a_handler_is_reported_whatever_the_function_is_called() {
        List<Finding> found = TestRules.reviewDiff(newFile("api/h.go", """
                package api

                func (h *H) NewOrder(w http.ResponseWriter, r *http.Request) {
                \tdb, err := sql.Open("postgres", h.dsn)
                \tif err != nil {
                \t\treturn
                \t}
                \tdefer db.Close()
                \th.save(r.Context(), db)
                }
                """)).active().stream().filter(f -> f.rule().equals("go-sql-open-per-call")).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals(4, found.get(0).line());
        assertTrue(found.get(0).flowSummary().contains("in NewOrder, which runs per call"), found.get(0).flowSummary());
    }

    @Test
    void main_init_sync_once_package_variables_and_kept_values_are_one_time() {
        assertEquals(List.of(), lines("api/setup.go", """
                package api

                var global, _ = sql.Open("postgres", "dbname=a")

                func init() {
                \tdb, _ := sql.Open("postgres", "dbname=b")
                \tregister(db)
                }

                func shared() *sql.DB {
                \tonce.Do(func() { pool, _ = sql.Open("postgres", "dbname=c") })
                \treturn pool
                }

                func (s *Service) connect() error {
                \tdb, err := sql.Open("postgres", s.dsn)
                \ts.db = db
                \treturn err
                }

                func newRepo(dsn string) (*Repo, error) {
                \tdb, err := sql.Open("postgres", dsn)
                \treturn &Repo{db: db}, err
                }
                """, "go-sql-open-per-call"));
    }

    @Test
    void a_helper_whose_only_visible_callers_are_one_time_is_not_reported_but_a_loop_in_main_is() {
        assertEquals(List.of(14), lines("cmd/main.go", """
                package main

                func openAndMigrate(dsn string) {
                \tdb, err := sql.Open("postgres", dsn)
                \tif err == nil {
                \t\tmigrate(db)
                \t\tdb.Close()
                \t}
                }

                func main() {
                \topenAndMigrate(os.Getenv("DSN"))
                \tfor _, dsn := range shards {
                \t\tdb, _ := sql.Open("postgres", dsn)
                \t\tcheck(db)
                \t}
                }
                """, "go-sql-open-per-call"));
    }

    @Test
    void java_constructors_providers_field_and_static_initialisers_and_factories_are_one_time() {
        assertEquals(List.of(24), lines("src/main/java/a/Clients.java", """
                package a;

                class Clients {
                    private final OkHttpClient field = new OkHttpClient();
                    private static final HttpClient STATIC;
                    static { STATIC = HttpClient.newHttpClient(); }
                    private final OkHttpClient viaConstructor;

                    Clients() {
                        viaConstructor = new OkHttpClient.Builder().build();
                    }

                    @Bean
                    HikariDataSource dataSource(HikariConfig c) {
                        HikariDataSource ds = new HikariDataSource(c);
                        ds.setMaximumPoolSize(10);
                        return ds;
                    }

                    static OkHttpClient factory() { return new OkHttpClient(); }

                    int call(Request r) throws IOException {
                        OkHttpClient perCall =
                                new OkHttpClient();
                        try (Response res = perCall.newCall(r).execute()) {
                            return res.code();
                        }
                    }
                }
                """, "java-client-per-call"));
    }
}
