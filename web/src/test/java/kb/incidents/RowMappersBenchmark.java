package kb.incidents;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.App;
import kb.system.Config;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The CPU the statements of an incident page cost with Jdbi's constructor mapper and with {@link RowMappers}, in one
 * JVM, rounds interleaved so both see the same load: the same queries on the same incidents of a database
 * {@code generate} filled, on one handle, timed as this thread's CPU. Also checks that both give equal records.
 * Arguments: {@code DATA-DIR [ROUNDS]} (default 5).
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=kb.incidents.RowMappersBenchmark -Dexec.args="/tmp/kb-10k 5"</pre>
 */
public final class RowMappersBenchmark {

    private RowMappersBenchmark() {
    }

    private record Statement(String sql, RowMapper<?> byConstructor, RowMapper<?> byHand) {
    }

    private static final List<Statement> PAGE = List.of(
            new Statement("SELECT * FROM incidents WHERE id = :id", ConstructorMapper.of(IncidentHeader.class),
                    new RowMappers.Header()),
            new Statement("SELECT position, kind, heading, markdown, html FROM sections WHERE incident_id = :id ORDER BY position",
                    ConstructorMapper.of(Parts.SectionRow.class), new RowMappers.Section()),
            new Statement("SELECT position, at_time, kind, text, html FROM timeline_entries WHERE incident_id = :id ORDER BY position",
                    ConstructorMapper.of(Parts.TimelineRow.class), new RowMappers.Timeline()),
            new Statement("SELECT position, done, text, html, owner, due, type FROM action_items WHERE incident_id = :id ORDER BY position",
                    ConstructorMapper.of(Parts.ActionRow.class), new RowMappers.Action()),
            new Statement("SELECT * FROM code_blocks WHERE incident_id = :id ORDER BY position",
                    ConstructorMapper.of(Parts.CodeBlockRow.class), new RowMappers.CodeBlock()),
            new Statement("""
                    SELECT l.checklist_id AS id, COALESCE(c.title, l.checklist_id) AS title,
                           COALESCE(c.severity, 'advice') AS severity, COALESCE(c.area, '') AS area
                    FROM incident_checklist l LEFT JOIN checklist_items c ON c.id = l.checklist_id
                    WHERE l.incident_id = :id ORDER BY l.position""",
                    ConstructorMapper.of(Parts.ChecklistLink.class), new RowMappers.Checklist()));

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Config config = new Config(0, dir, "jdbc:h2:file:" + dir.resolve("kb"), "sa", "", Path.of("content").toAbsolutePath(),
                Map.of());
        App.Services services = App.Services.open(config);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Handle h = services.db().jdbi().open()) {
            List<String> ids = h.createQuery("SELECT id FROM incidents ORDER BY id").mapTo(String.class).list();
            for (String id : ids.subList(0, Math.min(50, ids.size()))) {
                for (Statement s : PAGE) {
                    if (!run(h, s.sql(), s.byConstructor(), id).equals(run(h, s.sql(), s.byHand(), id))) {
                        throw new AssertionError("the mappers differ on " + id + ": " + s.sql());
                    }
                }
            }
            long[] cpu = new long[2];
            for (int round = 0; round < rounds + 1; round++) {
                for (int which = 0; which < 2; which++) {
                    long t = threads.getCurrentThreadCpuTime();
                    for (String id : ids) {
                        for (Statement s : PAGE) {
                            run(h, s.sql(), which == 0 ? s.byConstructor() : s.byHand(), id);
                        }
                    }
                    // the first round warms both up
                    if (round > 0) {
                        cpu[which] += threads.getCurrentThreadCpuTime() - t;
                    }
                }
            }
            double perPage0 = cpu[0] / 1e6 / rounds / ids.size();
            double perPage1 = cpu[1] / 1e6 / rounds / ids.size();
            System.out.printf("%d incidents x %d rounds, %d statements each: constructor mapper %.3f ms CPU per incident,"
                            + " by hand %.3f ms (%.0f%% less); load %s%n", ids.size(), rounds, PAGE.size(), perPage0, perPage1,
                    100 * (perPage0 - perPage1) / perPage0, load());
        } finally {
            services.close();
        }
    }

    private static List<?> run(Handle h, String sql, RowMapper<?> mapper, String id) {
        return h.createQuery(sql).bind("id", id).map(mapper).list();
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
