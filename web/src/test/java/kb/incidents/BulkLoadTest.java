package kb.incidents;

import kb.App;
import kb.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incidents read in batches are the same incidents, part for part, as read one by one, on H2 and PostgreSQL. */
class BulkLoadTest {

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void batched_incidents_equal_the_ones_loaded_one_at_a_time_in_id_order(String kind) {
        var s = App.Services.open(TestDatabases.config(kind, kb.TestApp.CONTENT));
        try {
            s.incidents().importContent(kb.TestApp.CONTENT);
            List<Incident> batched = new ArrayList<>();
            // a batch size that leaves a short last batch
            s.incidents().forEachListed(3, batched::add);
            List<String> ids = s.incidents().listedIds();
            assertTrue(ids.size() >= 10, "the bundled content has ten postmortems");
            assertEquals(ids, batched.stream().map(i -> i.header().id()).toList());
            for (Incident one : batched) {
                Incident expected = s.incidents().load(one.header().id()).orElseThrow();
                assertEquals(expected, one, one.header().id());
                assertTrue(!one.sections().isEmpty() && !one.timeline().isEmpty(), one.header().id());
            }
        } finally {
            s.close();
        }
    }
}
