package kb.incidents;

import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import kb.authoring.Authoring;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listeners inside a write's transaction: they run in name order, and one that fails is undone without the write. */
class WriteHooksTest {

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_failing_listener_is_undone_and_the_write_and_the_other_listeners_still_commit(String kind) {
        App.Services s = App.Services.open(TestDatabases.config(kind, TestApp.CONTENT));
        try {
            s.incidents().importContent(TestApp.CONTENT);
            Jdbi jdbi = s.db().jdbi();
            ListCounts counts = new ListCounts(jdbi);
            counts.sync();
            List<String> ran = new ArrayList<>();
            // runs first (name order), writes to the counts' state, then fails: its write must not survive
            WriteHooks.register(jdbi, "a-failing", h -> {
                ran.add("a-failing");
                h.execute("UPDATE list_count_state SET seq = 999999999");
                throw new IllegalStateException("lock wait timed out");
            });
            WriteHooks.register(jdbi, "b-counts", h -> {
                ran.add("b-counts");
                counts.written(h);
            });
            String id = "cgo-unsafe-pointer-out-of-bounds";
            int rev = s.incidents().header(id).orElseThrow().currentRevision();
            String text = s.incidents().source(id, rev).orElseThrow();
            String edited = text.replace("services: [native-codec-bridge]", "services: [native-codec-bridge, hooks-edge]");
            assertInstanceOf(Authoring.Saved.class, new Authoring(jdbi).update(id, edited, rev, "t", "edit"));

            assertEquals(List.of("a-failing", "b-counts"), ran);
            assertEquals(rev + 1, s.incidents().header(id).orElseThrow().currentRevision(), "the write committed");
            long state = jdbi.withHandle(h -> h.createQuery("SELECT seq FROM list_count_state").mapTo(Long.class).one());
            assertEquals(s.incidents().head(), state, "the failed listener's update is undone, the next one's kept");
            assertTrue(jdbi.withHandle(h -> h.createQuery("SELECT n FROM list_counts WHERE kind = 'service' AND name = 'hooks-edge'")
                    .mapTo(Long.class).findOne()).isPresent(), "the counts hold the write without a read");
        } finally {
            s.close();
        }
    }
}
