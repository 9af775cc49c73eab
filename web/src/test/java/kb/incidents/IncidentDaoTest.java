package kb.incidents;

import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import kb.checklist.Checklist;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema, the import and the queries on a real H2 and a real PostgreSQL. */
class IncidentDaoTest {

    static java.util.stream.Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void imported_incident_is_stored_with_all_its_parts(String kind) {
        try (var db = open(kind)) {
            var i = new Incidents(db.services.db().jdbi()).load("fixture-pool-leak").orElseThrow();
            assertEquals("Checkout API stalls when the connection pool leaks", i.header().title());
            assertEquals("2024-03-15T02:00+08:00", i.header().started());
            assertEquals(240L, i.header().ttdSeconds());
            assertEquals(4200L, i.header().ttrSeconds());
            assertEquals(2024, i.header().startedYear());
            assertEquals(List.of("checkout-api", "api-gateway"), i.services());
            assertEquals(List.of("java", "pool"), i.tags());
            assertEquals(List.of("resource-leak"), i.categories());
            assertEquals(List.of("alice"), i.authors());
            assertEquals(4, i.timeline().size());
            assertEquals("2024-03-15T03:10+08:00", i.timeline().get(3).atTime());
            assertEquals(2, i.actionItems().size());
            assertTrue(i.actionItems().get(1).done());
            assertEquals(java.time.LocalDate.of(2024, 4, 1), i.actionItems().get(0).due());
            assertNull(i.actionItems().get(1).due());
            assertEquals(2, i.codeBlocks().size());
            assertEquals("before", i.codeBlocks().get(0).role());
            assertEquals("leaked=0\n", i.codeBlocks().get(1).expectedOutput());
            assertEquals(1, i.runPairs("reproduction").size());
            assertEquals("RES-01", i.checklist().get(0).id());
            assertEquals("Close what you open", i.checklist().get(0).title());
            assertEquals(6, i.sections().size());
            assertNull(i.sections().get(5).kind(), "free sections are kept");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_page_of_an_incident_has_the_same_parts_and_the_timeline_page_it_names(String kind) {
        try (var db = open(kind)) {
            Incidents incidents = new Incidents(db.services.db().jdbi());
            Incident whole = incidents.load("fixture-pool-leak").orElseThrow();
            Incidents.Paged second = incidents.loadPage("fixture-pool-leak", "2", 3).orElseThrow();
            assertEquals(new TimelinePage(2, 2, 4, 3), second.timeline());
            assertEquals(List.of(whole.timeline().get(3)), second.incident().timeline());
            // the labels of all four kinds come from one statement: each kind keeps its written order
            assertEquals(whole.services(), second.incident().services());
            assertEquals(List.of("checkout-api", "api-gateway"), second.incident().services());
            assertEquals(whole.tags(), second.incident().tags());
            assertEquals(whole.categories(), second.incident().categories());
            assertEquals(whole.authors(), second.incident().authors());
            assertEquals(whole.sections(), second.incident().sections());
            assertEquals(whole.checklist(), second.incident().checklist());
            assertEquals(2, incidents.loadPage("fixture-pool-leak", "99", 3).orElseThrow().timeline().page(),
                    "a page past the end shows the last");
            assertTrue(incidents.loadPage("no-such-incident", null, 3).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void list_query_filters_sorts_and_counts(String kind) {
        try (var db = open(kind)) {
            var query = new IncidentQuery(db.services.db().jdbi());
            var all = query.find(IncidentFilter.none(), false);
            assertEquals(2, all.total());
            assertEquals("fixture-pool-leak", all.items().get(0).incident().id(), "newest first");
            var p3 = query.find(new IncidentFilter("P3", null, null, null, null, "date", 1, 20), false);
            assertEquals(List.of("fixture-old-timeout"), p3.items().stream().map(s -> s.incident().id()).toList());
            var both = query.find(new IncidentFilter(null, "search", "go", "timeout", 2022, "severity", 1, 20), false);
            assertEquals(1, both.total());
            var none = query.find(new IncidentFilter(null, "search", null, null, 2024, "date", 1, 20), false);
            assertEquals(0, none.total());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void checklist_items_link_back_to_their_incidents(String kind) {
        try (var db = open(kind)) {
            var dao = new Checklist(db.services.db().jdbi());
            assertEquals(2, dao.count());
            assertEquals(1, dao.incidents("RES-01").size());
            assertEquals("fixture-pool-leak", dao.incidents("RES-01").get(0).id());
            assertFalse(dao.item("NOPE-01").isPresent());
        }
    }

    private static Opened open(String kind) {
        var services = App.Services.open(TestDatabases.config(kind, TestApp.FIXTURES));
        services.incidents().importContent(TestApp.FIXTURES);
        return new Opened(services);
    }

    private record Opened(App.Services services) implements AutoCloseable {
        @Override
        public void close() {
            services.db().close();
        }
    }
}
