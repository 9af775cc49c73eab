package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle classes of session 30 (branch life30): resource kinds the models did not name, ownership read from the
 * models' own release lists, and partial views whose path the diff does not show. Each directory under
 * {@code classes25/life30-*} holds defects in several libraries and shapes and clean look-alikes the same rules must
 * not report (its SOURCES.md names the real fixes each was modelled on).
 * <ul>
 * <li>A transaction begun on the database object itself and ended by another call on it, not in {@code finally}
 * (Android {@code SQLiteDatabase}, androidx {@code SupportSQLiteDatabase}, greenDAO {@code Database}: {@code
 * endTransaction}; Realm: {@code commitTransaction}/{@code cancelTransaction}) ({@code java-lifecycles-30.yaml},
 * TX-01). Clean: the SDK's try/finally idiom, a cancel in catch, Room's {@code runInTransaction}.</li>
 * <li>A Google API service or Cloud client built from the google.golang.org/api option settings in a request method
 * of the receiver (sheets, admin, Secret Manager) ({@code go-lifecycles-30.yaml}, RES-04). Clean: built in a
 * constructor and kept, built in {@code main}, a project's own {@code NewService}, a service per user token.</li>
 * <li>A pool or client used up in its own construction chain ({@code new HikariDataSource(cfg).getConnection()},
 * {@code new OkHttpClient().newCall(req)}, {@code new JedisPool(h, p).getResource()}): returning what the chain
 * yields does not keep the pool (the built-once models' {@code uses} lists, {@code UsedUp}; RES-04). Clean: a kept
 * pool, a static client, a {@code @Bean} returning the pool itself.</li>
 * <li>A response or object closed through a value the model derives from it, as a try-with-resources resource
 * ({@code try (ResponseBody b = response.body())}, {@code try (InputStream in = response.body())}, {@code try
 * (S3ObjectInputStream in = object.getObjectContent())}): released ({@code TryResourceReleases}); an early return
 * or throw before that try leaks, on the path named (RES-01/RES-02).</li>
 * <li>Partial methods whose path depends on lines the diff does not show (a release below a gap between hunks, a
 * rewritten acquisition whose handling is below the cut): not reported ({@code CutJavaViews}); a new acquisition
 * that leaks on a path in view still is.</li>
 * </ul>
 */
class Life30ClassesTest {

    @Test
    void a_transaction_begun_on_the_database_and_not_ended_on_every_path_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("life30-tx-begun-on-database", Set.of("TX-01"));
    }

    @Test
    void a_google_api_client_built_per_request_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("life30-res04-google-api-client", Set.of("RES-04"));
    }

    @Test
    void a_pool_used_up_in_its_construction_chain_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("life30-res04-pool-used-in-chain", Set.of("RES-04"));
    }

    @Test
    void a_value_closed_through_a_derived_try_resource_is_released_and_an_early_exit_before_it_is_reported() {
        ClassDiffs25.check("life30-res02-closed-through-derived-stream", Set.of("RES-01", "RES-02"));
    }

    @Test
    void a_partial_method_decided_by_unshown_lines_is_not_reported_and_a_leak_in_view_is() {
        ClassDiffs25.check("life30-partial-method-views", Set.of("RES-01", "RES-02", "TX-01"));
    }
}
