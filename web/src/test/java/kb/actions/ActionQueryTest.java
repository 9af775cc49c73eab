package kb.actions;

import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The action-item query on the bundled content, on H2 and PostgreSQL: filters, order, overdue and facets. */
class ActionQueryTest {

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    static ActionFilter filter(List<String> owners, List<String> types, List<String> statuses, List<String> services,
                               boolean overdue) {
        return new ActionFilter(owners, types, statuses, services, overdue, 1, 200);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void filters_order_and_counts_agree_with_the_items_themselves(String kind) {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            new ActionSummary(s.db().jdbi()).sync();
            ActionQuery q = new ActionQuery(s.db().jdbi());
            LocalDate today = LocalDate.of(2024, 3, 1);
            ActionQuery.Page all = q.find(filter(List.of(), List.of(), List.of(), List.of(), false), false, today);
            assertTrue(all.total() >= 20, "the bundled postmortems have action items: " + all.total());
            List<LocalDate> due = all.items().stream().map(ActionQuery.Item::due).toList();
            int firstUndated = due.indexOf(null);
            for (int i = 1; i < due.size(); i++) {
                if (due.get(i) != null) {
                    assertTrue(firstUndated < 0 || i < firstUndated, "undated items come last");
                    assertTrue(!due.get(i).isBefore(due.get(i - 1)), "sorted by due date at " + i);
                }
            }
            ActionQuery.Facets facets = q.facets(false, today);
            assertEquals(all.total(), facets.statuses().get("open") + facets.statuses().get("done"));

            ActionQuery.Page overdue = q.find(filter(List.of(), List.of(), List.of(), List.of(), true), false, today);
            assertEquals(facets.overdue(), overdue.total());
            assertEquals(all.items().stream().filter(i -> !i.done() && i.due() != null && i.due().isBefore(today)).count(),
                    overdue.total());
            assertTrue(overdue.items().stream().allMatch(ActionQuery.Item::overdue));

            String owner = facets.owners().get(0).name();
            ActionQuery.Page mine = q.find(filter(List.of(owner), List.of(), List.of(), List.of(), false), false, today);
            assertEquals(facets.owners().get(0).count(), mine.total());
            ActionQuery.Page prevent = q.find(filter(List.of(owner), List.of("prevent"), List.of("open"), List.of(), false),
                    false, today);
            assertEquals(mine.items().stream().filter(i -> "prevent".equals(i.type()) && !i.done()).count(), prevent.total());

            String service = facets.services().get(0).name();
            ActionQuery.Page byService = q.find(filter(List.of(), List.of(), List.of(), List.of(service), false), false, today);
            assertEquals(facets.services().get(0).count(), byService.total());
            assertTrue(byService.items().stream().allMatch(i -> i.services().contains(service)));

            ActionQuery.Page page2 = q.find(new ActionFilter(List.of(), List.of(), List.of(), List.of(), false, 2, 5), false, today);
            assertEquals(all.items().subList(5, 10).stream().map(i -> i.incidentId() + i.position()).toList(),
                    page2.items().stream().map(i -> i.incidentId() + i.position()).toList());
        } finally {
            s.close();
        }
    }
}
