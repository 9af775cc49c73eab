package kb.cli;

import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import kb.format.Postmortem;
import kb.format.PostmortemParser;
import kb.incidents.Change;
import kb.incidents.StaleRevisionException;
import kb.search.SyntheticPostmortems;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code generate} writes in batches, but what it stores must be what {@code import} stores for the same
 * Markdown: every row of every table keyed by incident id, on H2 and PostgreSQL.
 */
class GenerateCommandTest {

    /** Written when the row is, so they differ between two databases filled one after the other. */
    private static final Set<String> WRITE_TIMES = Set.of("created_at", "updated_at", "changed_at");
    /** Identity values, which count rows across incidents rather than describe one. */
    private static final Set<String> IDENTITIES = Set.of("seq");

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void generated_incidents_store_the_same_rows_as_their_markdown_imported_one_by_one(String kind, @TempDir Path dir)
            throws IOException {
        // 520 crosses a batch boundary: the second transaction holds the last 20
        int count = GenerateCommand.BATCH + 20;
        List<Integer> sample = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, GenerateCommand.BATCH - 1, GenerateCommand.BATCH, count - 1);
        for (int n : sample) {
            Files.writeString(dir.resolve(n + ".md"), SyntheticPostmortems.make(5, n));
        }
        App.Services generated = open(kind);
        App.Services imported = open(kind);
        try {
            assertEquals(count, GenerateCommand.fill(generated, 5, count));
            imported.incidents().importFiles(dir, "generate", r -> { });
            List<String> ids = sample.stream().map(n -> "synthetic-5-" + n).toList();
            int stored = generated.db().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM incidents WHERE id LIKE 'synthetic-5-%'").mapTo(Integer.class).one());
            assertEquals(count, stored);
            assertTrue(ids.stream().anyMatch(id -> generated.incidents().header(id).orElseThrow().lang().equals("zh")),
                    "the sample holds a Chinese postmortem");
            assertSameRows(generated, imported, ids);
        } finally {
            generated.close();
            imported.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_batch_of_new_incidents_stores_what_single_imports_store_for_checklist_links_authors_and_runnable_blocks(
            String kind, @TempDir Path dir) throws IOException {
        App.Services batched = open(kind);
        App.Services single = open(kind);
        try {
            // the bundled postmortems under other ids: they link checklist items, name authors, carry runnable blocks
            List<Postmortem> copies = new ArrayList<>();
            PostmortemParser parser = new PostmortemParser();
            Set<String> known = batched.incidents().knownChecklistIds();
            try (Stream<Path> files = Files.list(TestApp.CONTENT.resolve("incidents"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    String text = Files.readString(f).replaceFirst("(?m)^id: ", "id: copy-");
                    Files.writeString(dir.resolve(f.getFileName()), text);
                    copies.add(parser.parse(text, known).value().orElseThrow());
                }
            }
            batched.incidents().addNew(copies, Change.edit("someone", "import", 0));
            single.incidents().importFiles(dir, "someone", r -> { });
            List<String> ids = copies.stream().map(Postmortem::id).toList();
            assertTrue(ids.size() >= 10);
            int links = batched.db().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM incident_checklist WHERE incident_id LIKE 'copy-%'").mapTo(Integer.class).one());
            assertTrue(links > 10, links + " checklist links");
            assertSameRows(batched, single, ids);
        } finally {
            batched.close();
            single.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void adding_an_id_that_exists_already_writes_nothing_of_the_batch(String kind) {
        App.Services s = open(kind);
        try {
            PostmortemParser parser = new PostmortemParser();
            Postmortem first = parser.parse(SyntheticPostmortems.make(9, 0), Set.of()).value().orElseThrow();
            Postmortem second = parser.parse(SyntheticPostmortems.make(9, 1), Set.of()).value().orElseThrow();
            s.incidents().addNew(List.of(first), Change.edit("a", "import", 0));
            long head = s.incidents().head();
            var e = assertThrows(StaleRevisionException.class,
                    () -> s.incidents().addNew(List.of(second, first), Change.edit("a", "import", 0)));
            assertTrue(e.getMessage().contains(first.id()), e.getMessage());
            assertTrue(s.incidents().header(second.id()).isEmpty(), "the batch was rolled back");
            assertEquals(head, s.incidents().head(), "no change was logged");
            assertEquals(1, s.incidents().revisions(first.id()).size());
        } finally {
            s.close();
        }
    }

    private static App.Services open(String kind) {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        // the checklist items postmortems may link to (and the bundled incidents, which stay out of the comparison)
        s.incidents().importContent(TestApp.CONTENT);
        return s;
    }

    /** Every table with an {@code incident_id} column (and {@code incidents} itself) holds equal rows for {@code ids}. */
    private static void assertSameRows(App.Services a, App.Services b, List<String> ids) {
        List<String> tables = a.db().jdbi().withHandle(h -> h.createQuery("""
                SELECT DISTINCT LOWER(table_name) FROM information_schema.columns
                WHERE LOWER(column_name) = 'incident_id' AND LOWER(table_schema) = 'public' ORDER BY 1""")
                .mapTo(String.class).list());
        assertTrue(tables.containsAll(List.of("revisions", "sections", "timeline_entries", "action_items", "code_blocks",
                "incident_services", "incident_tags", "incident_checklist", "incident_changes")), tables.toString());
        int compared = 0;
        for (String id : ids) {
            assertEquals(rows(a, "incidents", "id", id), rows(b, "incidents", "id", id), id);
            assertFalse(rows(a, "incidents", "id", id).isEmpty(), id);
            for (String table : tables) {
                List<Map<String, Object>> expected = rows(b, table, "incident_id", id);
                assertEquals(expected, rows(a, table, "incident_id", id), table + " of " + id);
                compared += expected.size();
            }
        }
        assertTrue(compared > ids.size() * 20, compared + " rows compared");
    }

    /** The rows of {@code table} whose {@code key} is {@code id}, in a stable order, without write times and identities. */
    private static List<Map<String, Object>> rows(App.Services s, String table, String key, String id) {
        return s.db().jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table + " WHERE " + key + " = :id")
                .bind("id", id).mapToMap().list()).stream().map(GenerateCommandTest::comparable)
                .sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    private static Map<String, Object> comparable(Map<String, Object> row) {
        Map<String, Object> out = new TreeMap<>();
        row.forEach((column, value) -> out.put(column.toLowerCase(Locale.ROOT), value));
        out.keySet().removeAll(WRITE_TIMES);
        out.keySet().removeAll(IDENTITIES);
        if (out.containsKey("runnable")) {
            out.remove("id"); // a code block's own identity
        }
        return new LinkedHashMap<>(out);
    }
}
