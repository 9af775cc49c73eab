package kb.incidents;

import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The list filters with several values, by checklist item and by verified reproduction, on H2 and PostgreSQL. */
class IncidentFilterQueryTest {

    static java.util.stream.Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    static IncidentFilter filter(List<String> severities, List<String> tags, String item, boolean verified) {
        return new IncidentFilter(severities, List.of(), tags, List.of(), null, item, verified, "date", 1, 20);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void several_values_of_one_filter_match_any_of_them_and_filters_still_combine(String kind) {
        App.Services services = open(kind);
        try {
            IncidentQuery query = new IncidentQuery(services.db().jdbi());
            assertEquals(List.of("fixture-pool-leak", "fixture-old-timeout"),
                    ids(query.find(filter(List.of("P1", "P3"), List.of(), null, false), false)));
            assertEquals(List.of("fixture-pool-leak", "fixture-old-timeout"),
                    ids(query.find(filter(List.of(), List.of("go", "java"), null, false), false)));
            assertEquals(List.of("fixture-old-timeout"),
                    ids(query.find(filter(List.of("P3", "P4"), List.of("go", "java"), null, false), false)));
            assertEquals(List.of(), ids(query.find(filter(List.of("P0"), List.of("go", "java"), null, false), false)));
        } finally {
            services.db().close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void the_checklist_item_filter_keeps_the_incidents_linked_to_it(String kind) {
        App.Services services = open(kind);
        try {
            IncidentQuery query = new IncidentQuery(services.db().jdbi());
            assertEquals(List.of("fixture-pool-leak"), ids(query.find(filter(List.of(), List.of(), "RES-01", false), false)));
            assertEquals(List.of("fixture-old-timeout"), ids(query.find(filter(List.of(), List.of(), "TMO-01", false), false)));
            assertEquals(List.of(), ids(query.find(filter(List.of(), List.of(), "NOPE-99", false), false)));
        } finally {
            services.db().close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void verified_means_every_runnable_block_has_a_passing_run_on_record(String kind) {
        App.Services services = open(kind);
        try {
            Jdbi jdbi = services.db().jdbi();
            IncidentQuery query = new IncidentQuery(jdbi);
            IncidentFilter verified = filter(List.of(), List.of(), null, true);
            assertEquals(List.of(), ids(query.find(verified, false)), "nothing has run yet");
            List<Long> blocks = jdbi.withHandle(h -> h.createQuery(
                    "SELECT id FROM code_blocks WHERE incident_id = 'fixture-pool-leak' AND runnable = TRUE ORDER BY id")
                    .mapTo(Long.class).list());
            assertEquals(2, blocks.size());
            record(jdbi, "k1", blocks.get(0), true);
            assertEquals(List.of(), ids(query.find(verified, false)), "one of two blocks is not enough");
            record(jdbi, "k2", blocks.get(1), false);
            assertEquals(List.of(), ids(query.find(verified, false)), "a failing run does not verify");
            record(jdbi, "k3", blocks.get(1), true);
            assertEquals(List.of("fixture-pool-leak"), ids(query.find(verified, false)));
        } finally {
            services.db().close();
        }
    }

    private static void record(Jdbi jdbi, String key, long block, boolean passed) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO run_results (cache_key, code_block_id, incident_id, status, passed, body,"
                        + " created_at) VALUES (:k, :b, 'fixture-pool-leak', 'OK', :p, '{}', :t)")
                .bind("k", key).bind("b", block).bind("p", passed).bind("t", OffsetDateTime.now()).execute());
    }

    private static List<String> ids(IncidentQuery.Page page) {
        return page.items().stream().map(s -> s.incident().id()).toList();
    }

    private static App.Services open(String kind) {
        App.Services services = App.Services.open(TestDatabases.config(kind, TestApp.FIXTURES));
        services.incidents().importContent(TestApp.FIXTURES);
        return services;
    }
}
