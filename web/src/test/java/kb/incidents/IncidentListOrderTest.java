package kb.incidents;

import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import kb.cli.GenerateCommand;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident list's pages are the rows a plain sort gives, whichever columns IncidentQuery puts in front of its
 * ORDER BY to match the V53 indexes; on H2 the page of one severity is read in index order (no sort of every row).
 */
class IncidentListOrderTest {

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pages_are_the_plainly_sorted_rows_for_every_severity_filter_sort_and_reader(String kind) {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            GenerateCommand.fill(s, 3, 0, 60);
            Jdbi jdbi = s.db().jdbi();
            IncidentQuery q = new IncidentQuery(jdbi);
            for (List<String> severities : List.of(List.<String>of(), List.of("P1"), List.of("P2", "P3"))) {
                for (String sort : List.of("date", "severity")) {
                    for (boolean drafts : List.of(false, true)) {
                        for (int page = 1; page <= 3; page++) {
                            IncidentFilter f = new IncidentFilter(severities, List.of(), List.of(), List.of(), null, null,
                                    false, sort, page, 7);
                            String where = " WHERE listed = TRUE" + (drafts ? "" : " AND status = 'published'")
                                    + (severities.isEmpty() ? "" : " AND severity IN ('" + String.join("', '", severities) + "')");
                            String plain = "SELECT id FROM incidents" + where + " ORDER BY "
                                    + (sort.equals("severity") ? "severity, " : "") + "started_at DESC, id LIMIT 7 OFFSET " + (page - 1) * 7;
                            List<String> expected = jdbi.withHandle(h -> h.createQuery(plain).mapTo(String.class).list());
                            IncidentQuery.Page got = q.find(f, drafts);
                            assertEquals(expected, got.items().stream().map(i -> i.incident().id()).toList(),
                                    severities + " " + sort + " drafts " + drafts + " page " + page);
                            int total = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incidents" + where)
                                    .mapTo(Integer.class).one());
                            assertEquals(total, got.total());
                        }
                    }
                }
            }
            if (kind.equals("h2")) {
                String plan = jdbi.withHandle(h -> h.createQuery("EXPLAIN SELECT i.* FROM incidents i WHERE i.listed = TRUE"
                        + " AND i.status = 'published' AND i.severity IN ('P1') ORDER BY i.listed, i.status, i.severity,"
                        + " i.started_at DESC, i.id LIMIT 20 OFFSET 40").mapTo(String.class).one());
                assertTrue(plan.contains("INCIDENTS_LIST_ORDER") && plan.contains("index sorted"), plan);
            }
        } finally {
            s.close();
        }
    }
}
