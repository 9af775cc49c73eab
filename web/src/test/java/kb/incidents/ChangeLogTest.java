package kb.incidents;

import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The change log read by the followers (search index, insights): every change after a sequence number, plus every
 * change made at or after a time (a late commit below the number), each once and in order; on H2 and PostgreSQL.
 */
class ChangeLogTest {

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void changes_after_a_number_and_recent_ones_below_it_come_once_each_in_order(String kind) {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            Jdbi jdbi = s.db().jdbi();
            OffsetDateTime t0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            jdbi.useHandle(h -> {
                for (int seq = 1; seq <= 8; seq++) {
                    // 3 is a late commit: a low number written recently; 7 and 8 are new; the rest is old
                    OffsetDateTime at = seq == 3 || seq >= 7 ? t0.plusMinutes(10) : t0;
                    h.createUpdate("INSERT INTO incident_changes (seq, incident_id, changed_at) VALUES (:seq, :id, :at)")
                            .bind("seq", (long) seq).bind("id", "i" + seq).bind("at", at).execute();
                }
            });
            List<Incidents.Changed> changes = ChangeLog.since(jdbi, 6, t0.plusMinutes(5));
            assertEquals(List.of(new Incidents.Changed(3, "i3"), new Incidents.Changed(7, "i7"), new Incidents.Changed(8, "i8")),
                    changes);
            assertEquals(List.of(new Incidents.Changed(7, "i7"), new Incidents.Changed(8, "i8")),
                    ChangeLog.since(jdbi, 6, t0.plusMinutes(20)), "nothing recent: only what follows the number");
            assertEquals(8, ChangeLog.since(jdbi, 0, t0).size(), "a change both new and recent comes once");
        } finally {
            s.close();
        }
    }
}
