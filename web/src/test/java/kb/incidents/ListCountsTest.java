package kb.incidents;

import kb.App;
import kb.TestApp;
import kb.TestContent;
import kb.TestDatabases;
import kb.authoring.Authoring;
import kb.cli.GenerateCommand;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static kb.incidents.ListCountsFixtures.ID;
import static kb.incidents.ListCountsFixtures.assertMatchesRecount;
import static kb.incidents.ListCountsFixtures.counts;
import static kb.incidents.ListCountsFixtures.recount;
import static kb.incidents.ListCountsFixtures.relabel;
import static kb.incidents.ListCountsFixtures.stateSeq;
import static kb.incidents.ListCountsFixtures.sum;
import static kb.incidents.ListCountsFixtures.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident list's filter counts (V54 tables) against a count from scratch over published, listed incidents, on
 * H2 and PostgreSQL: after imports, edits that move labels, drafts, a restore, unlisting and listing again, bulk
 * inserts, a second instance, stale or missing tables. Readers and writers at once are in
 * {@link ListCountsConcurrencyTest}; the fixture incident and the recount are in {@link ListCountsFixtures}.
 */
class ListCountsTest {

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void counts_equal_a_count_from_scratch_after_every_kind_of_write(String kind, @TempDir Path tmp) throws Exception {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            ListCounts one = new ListCounts(jdbi);
            ListCounts other = new ListCounts(jdbi);
            long v0 = one.sync();
            assertMatchesRecount(jdbi, one);

            Authoring authoring = new Authoring(jdbi);
            int rev = s.incidents().header(ID).orElseThrow().currentRevision();
            String text = s.incidents().source(ID, rev).orElseThrow();
            String edited = relabel(text);
            assertInstanceOf(Authoring.Saved.class, authoring.update(ID, edited, rev, "t", "edit"));
            long v1 = one.sync();
            assertNotEquals(v0, v1, "a write moves the version the page caches are keyed on");
            assertMatchesRecount(jdbi, one);
            assertEquals(v1, one.sync(), "no write, no move");
            assertEquals(1, counts(jdbi, "service").get("payments-edge"), "the new service counts once");

            // a draft leaves every count; an instance that never synced before sees the same
            assertInstanceOf(Authoring.Saved.class, authoring.update(ID, edited.replace("status: published", "status: draft"),
                    rev + 1, "t", "edit"));
            other.sync();
            assertMatchesRecount(jdbi, other);
            assertFalse(counts(jdbi, "service").containsKey("payments-edge"), "a draft's labels are not counted");

            // restoring the first revision brings back its labels
            assertInstanceOf(Authoring.Saved.class, authoring.update(ID, text, rev + 2, "t", "restore"));
            one.sync();
            assertMatchesRecount(jdbi, one);

            // a bundled file removed unlists its incident; the same file back lists it again (no new revision)
            String gone = "hot-loop-logging-cpu";
            Path content = TestContent.copy(TestApp.CONTENT, tmp.resolve("content"));
            Path file = content.resolve("incidents").resolve(gone + ".md");
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            s.incidents().importContent(content);
            assertFalse(s.incidents().header(gone).orElseThrow().listed());
            one.sync();
            assertMatchesRecount(jdbi, one);
            long before = recount(jdbi).get("severity").values().stream().mapToLong(Integer::longValue).sum();
            Files.write(file, bytes);
            s.incidents().importContent(content);
            assertTrue(s.incidents().header(gone).orElseThrow().listed());
            // the instance that saw the unlisting (another would look at recent changes again and hide a missed one)
            one.sync();
            assertMatchesRecount(jdbi, one);
            assertEquals(before + 1, sum(jdbi, "severity"), "the incident listed again is counted again");

            GenerateCommand.fill(s, 7, 0, 120);
            other.sync();
            assertMatchesRecount(jdbi, other);

            // tables never built (a database just migrated) and tables ahead of the log (a restored backup)
            jdbi.useHandle(h -> h.execute("UPDATE list_count_state SET seq = -1"));
            jdbi.useHandle(h -> h.execute("DELETE FROM list_counts"));
            GenerateCommand.fill(s, 7, 120, 5);
            one.sync();
            assertMatchesRecount(jdbi, one);
            jdbi.useHandle(h -> h.execute("UPDATE list_count_state SET seq = seq + 1000"));
            jdbi.useHandle(h -> h.execute("DELETE FROM list_count_rows WHERE kind = 'tag'"));
            GenerateCommand.fill(s, 7, 125, 5);
            other.sync();
            assertMatchesRecount(jdbi, other);
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_write_with_the_hook_registered_is_counted_when_it_commits_before_any_read(String kind) {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            ListCounts counts = new ListCounts(jdbi);
            counts.sync();
            WriteHooks.register(jdbi, "list-counts", counts);
            long seq = stateSeq(jdbi);

            int rev = s.incidents().header(ID).orElseThrow().currentRevision();
            String edited = relabel(s.incidents().source(ID, rev).orElseThrow());
            assertInstanceOf(Authoring.Saved.class, new Authoring(jdbi).update(ID, edited, rev, "t", "edit"));
            // no sync: the tables as the write's transaction left them
            assertEquals(recount(jdbi), tables(jdbi));
            assertEquals(s.incidents().head(), stateSeq(jdbi), "the state follows the write");
            assertTrue(stateSeq(jdbi) > seq);

            GenerateCommand.fill(s, 3, 0, 40);
            assertEquals(recount(jdbi), tables(jdbi), "bulk inserts are counted in their own transactions");
        } finally {
            s.close();
        }
    }
}
