package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03, the class behind round 22's four Java misses: a plain map field (a {@code HashMap}, {@code TreeMap}, ...)
 * added to a class whose visible code says several threads use it at once, while the diff shows none of the methods
 * that fill it. What says "shared by threads": the map's values are atomic counters ({@code LongAdder},
 * {@code AtomicLong}), a sibling field is made for threads (a concurrent map, a {@code ThreadLocal}, an executor, a
 * lock, a {@code volatile} flag), the class comment says threads call it, or the class is a server component by name
 * (a DAO, a repository, a service, a registry). What says "not shared": a builder or a request object, a map written
 * only in the constructor or under a lock, a local map, a class with no sign at all. Findings are "line:item".
 */
class JavaThreadedMapFieldTest {

    /** A hunk of an edited file: lines from line 20, the one starting with '+' is added, the rest is context. */
    private static List<String> edit(String path, String... lines) {
        StringBuilder body = new StringBuilder();
        int added = 0;
        for (String l : lines) {
            if (l.startsWith("+")) {
                added++;
                body.append(l).append('\n');
            } else {
                body.append(' ').append(l).append('\n');
            }
        }
        String diff = "diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path + "\n"
                + "@@ -20," + (lines.length - added) + " +20," + lines.length + " @@\n" + body;
        List<String> out = new ArrayList<>();
        for (var f : TestRules.reviewDiff(diff).active()) {
            if (f.item().equals("CONC-03")) {
                out.add(f.line() + ":" + f.item());
            }
        }
        return out;
    }

    @Test
    void a_map_of_atomic_counters_is_updated_by_several_threads() {
        assertEquals(List.of("22:CONC-03"), edit("src/main/java/q/HitCounter.java",
                "/** Tallies cache hits per region. */",
                "public class HitCounter {",
                "+    private final Map<String, LongAdder> hitsByRegion = new HashMap<>();",
                "    private final Clock clock;",
                ""));
        assertEquals(List.of("22:CONC-03"), edit("src/main/java/q/Gauges.java",
                "/** Gauges of the uploader. */",
                "final class Gauges {",
                "+    private final Map<Path, AtomicLong> bytesPerDir = new TreeMap<>();",
                ""));
    }

    @Test
    void a_map_next_to_a_field_made_for_threads_is_shared_too() {
        // a ThreadLocal sibling: the class runs on several threads
        assertEquals(List.of("22:CONC-03"), edit("src/main/java/q/Templates.java",
                "/** Compiled mail templates. */",
                "public final class Templates {",
                "+    private static final Map<String, Template> COMPILED = new HashMap<>();",
                "    private static final ThreadLocal<StringBuilder> SCRATCH = ThreadLocal.withInitial(StringBuilder::new);",
                ""));
        // a concurrent map for one half of the state, a plain one for the other
        assertEquals(List.of("22:CONC-03"), edit("src/main/java/q/Sessions.java",
                "public class Sessions {",
                "    private final ConcurrentMap<String, Session> open = new ConcurrentHashMap<>();",
                "+    private final Map<String, Instant> lastSeen = new LinkedHashMap<>();",
                ""));
        // a volatile flag and a register method that writes without a lock
        assertEquals(List.of("22:CONC-03"), edit("src/main/java/q/Fanout.java",
                "class Fanout {",
                "    private volatile boolean closed;",
                "+    private final Map<Long, Sink> sinks = new HashMap<>();",
                "",
                "    void register(long id, Sink sink) {",
                "        sinks.put(id, sink);",
                "    }",
                ""));
        // a scheduled flusher in the class
        assertEquals(List.of("22:CONC-03"), edit("src/main/java/q/SpanBuffer.java",
                "class SpanBuffer {",
                "    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();",
                "+    private final Map<String, List<Span>> pending = new HashMap<>();",
                ""));
    }

    @Test
    void a_server_component_or_a_class_that_says_threads_is_shared() {
        assertEquals(List.of("22:CONC-03"), edit("src/main/java/q/InvoiceDao.java",
                "/** Reads and writes invoices. */",
                "public abstract class InvoiceDao {",
                "+    private final Map<Class<?>, RowMapper<?>> mappers = new HashMap<>();",
                "    private final JdbcTemplate jdbc;",
                ""));
    }

    @Test
    void maps_nothing_shares_are_left_alone() {
        // a builder: one thread fills it, then it is built
        assertEquals(List.of(), edit("src/main/java/q/ReportBuilder.java",
                "public class ReportBuilder {",
                "+    private final Map<String, LongAdder> totals = new HashMap<>();",
                "    private volatile boolean built;",
                ""));
        // filled only in the constructor, then read
        assertEquals(List.of(), edit("src/main/java/q/Codes.java",
                "class Codes {",
                "    private final ConcurrentMap<String, Long> seen = new ConcurrentHashMap<>();",
                "+    private final Map<String, Integer> byName = new HashMap<>();",
                "",
                "    Codes() {",
                "        byName.put(\"ok\", 0);",
                "    }",
                ""));
        // every write under the object's lock
        assertEquals(List.of(), edit("src/main/java/q/Ledger.java",
                "class Ledger {",
                "    private final AtomicLong version = new AtomicLong();",
                "+    private final Map<String, Long> balances = new HashMap<>();",
                "",
                "    synchronized void credit(String who, long cents) {",
                "        balances.merge(who, cents, Long::sum);",
                "    }",
                ""));
        // a local map of counters, not a field
        assertEquals(List.of(), edit("src/main/java/q/Words.java",
                "class Words {",
                "    Map<String, LongAdder> count(List<String> words) {",
                "+        Map<String, LongAdder> counts = new HashMap<>();",
                "        words.forEach(w -> counts.computeIfAbsent(w, k -> new LongAdder()).increment());",
                "        return counts;",
                "    }",
                ""));
        // a class whose comment confines it to one thread, with no other sign
        assertEquals(List.of(), edit("src/main/java/q/Scanner.java",
                "/** Not thread-safe: every request thread makes its own. */",
                "public class Scanner {",
                "+    private final Map<String, Integer> depth = new HashMap<>();",
                ""));
        // a plain class: nothing in sight says threads
        assertEquals(List.of(), edit("src/main/java/q/Shapes.java",
                "public class Shapes {",
                "+    private final Map<String, Shape> byName = new HashMap<>();",
                ""));
        // a sibling text block that holds another program's source (a warm-up snippet) names concurrent types as text
        assertEquals(List.of(), edit("src/main/java/q/Runner.java",
                "final class Runner {",
                "    private static final String WARM_UP = \"\"\"",
                "            var m = new ConcurrentHashMap<String, Integer>();",
                "            \"\"\";",
                "+    private final Map<String, Integer> starts = new HashMap<>();",
                "",
                "    void eval(String id, int at) {",
                "        starts.put(id, at);",
                "    }",
                ""));
        // a server component whose map is filled by a fluent configuration step while the app is wired
        assertEquals(List.of(), edit("src/main/java/q/HealthController.java",
                "public final class HealthController {",
                "+    private final Map<String, Supplier<Object>> sections = new LinkedHashMap<>();",
                "",
                "    public HealthController section(String name, Supplier<Object> supplier) {",
                "        sections.put(name, supplier);",
                "        return this;",
                "    }",
                ""));
    }

    @Test
    void a_server_components_map_written_by_a_method_that_is_no_configuration_step_stays_shared() {
        assertEquals(List.of("21:CONC-03"), edit("src/main/java/q/SessionController.java",
                "public final class SessionController {",
                "+    private final Map<String, Session> open = new HashMap<>();",
                "",
                "    public void login(String id, Session s) {",
                "        open.put(id, s);",
                "    }",
                ""));
    }
}
