package kb.incidents;

import org.jdbi.v3.core.Jdbi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the incident list's counts (migration V54, {@link ListCounts}) take to build from scratch on a database
 * that already holds incidents, as at the first start after upgrading: wall time and this thread's CPU time (on
 * embedded H2 the database works in this thread; on PostgreSQL its server's CPU is not counted). The tables are
 * derived data: the run marks them never built over their rows (as a restore can leave them), then rebuilds them,
 * emptying them with one TRUNCATE each (a DELETE of every row took 32-86 s on H2 at 100,000 incidents).
 *
 * <p>{@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=kb.incidents.ListCountsBuildBenchmark
 * -Dexec.args="jdbc:h2:file:/tmp/search-bench-100k-h2/kb [runs] [user] [password]"} (H2: user sa, no password;
 * PostgreSQL: put the user in the URL)
 */
public final class ListCountsBuildBenchmark {

    private ListCountsBuildBenchmark() {
    }

    public static void main(String[] args) {
        String url = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Jdbi jdbi = args.length > 2 ? Jdbi.create(url, args[2], args.length > 3 ? args[3] : "")
                : url.startsWith("jdbc:h2:") ? Jdbi.create(url, "sa", "") : Jdbi.create(url);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int incidents = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incidents").mapTo(Integer.class).one());
        System.out.println("incidents: " + incidents + "; load average at start: " + load());
        for (int i = 1; i <= runs; i++) {
            // marked never built over tables that hold every row, as after a restore: the rebuild empties them itself
            // (one TRUNCATE each) before it builds; the figure is the whole rebuild
            jdbi.useHandle(h -> h.execute("UPDATE list_count_state SET seq = -1 WHERE id = 1"));
            ListCounts counts = new ListCounts(jdbi);
            long cpu = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            counts.sync();
            long rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM list_count_rows").mapTo(Long.class).one());
            System.out.printf("build %d: %.1f s wall, %.1f s CPU of this thread, %d label rows; load %s%n", i,
                    (System.nanoTime() - t0) / 1e9, (mx.getCurrentThreadCpuTime() - cpu) / 1e9, rows, load());
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
