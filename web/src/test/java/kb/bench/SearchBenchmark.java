package kb.bench;

import io.javalin.Javalin;
import kb.App;
import kb.cli.GenerateCommand;
import kb.format.PostmortemParser;
import kb.incidents.Change;
import kb.search.Search;
import kb.search.SearchRequest;
import kb.system.Config;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search at scale: fills a fresh database with N synthetic postmortems ({@code generate}), rebuilds the
 * index, then times Lucene queries (single words, phrases, two-character Chinese, filtered) next to the
 * anchor, a SQL {@code LIKE} scan over the same sections in the same database, and the list, incident,
 * insights, search and action-item pages over HTTP. Arguments: {@code N [h2|postgresql] [DATA] [INDEX-DIR]} (default
 * 10000 h2; postgresql needs KB_TEST_PG_URL, or the database URL an earlier run printed as DATA, and then INDEX-DIR
 * for the index folder).
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=kb.bench.SearchBenchmark -Dexec.args="10000 h2"</pre>
 */
public final class SearchBenchmark {

    private static final List<String> WORDS = List.of("connections", "timeout", "rollback", "deadline", "panic",
            "dashboards", "vulnerability", "probe", "buffer", "latency");
    private static final List<String> PHRASES = List.of("\"connection pool\"", "\"no timeout\"", "\"rolled back\"",
            "\"response bodies\"", "\"retry loop\"");
    private static final List<String> CHINESE = List.of("连接", "超时", "日志", "回滚", "时区", "缓存", "事务", "告警");
    private static final int RUNS = 40;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String kind = args.length > 1 ? args[1] : "h2";
        // an H2 data folder a previous run or 'generate' filled: only the missing postmortems are generated
        // on PostgreSQL a fourth argument is the folder of the index, so -Dkb.bench.rebuild=false can reuse it
        Path dir = args.length > 2 && !args[2].startsWith("jdbc:") ? Path.of(args[2]).toAbsolutePath()
                : args.length > 3 ? Files.createDirectories(Path.of(args[3]).toAbsolutePath())
                : Files.createTempDirectory("kb-search-bench");
        // no page cache: every page is rendered, as signed-in users always get them
        Map<String, String> env = Map.of("KB_PAGE_CACHE_MS", "0");
        Config config = kind.equals("h2")
                ? new Config(0, dir, "jdbc:h2:file:" + dir.resolve("kb"), "sa", "", Path.of("content").toAbsolutePath(), env)
                : args.length > 2 && args[2].startsWith("jdbc:postgresql:")
                ? new Config(0, dir, args[2], "", "", Path.of("content").toAbsolutePath(), env)
                : postgres(dir, env);
        System.out.println("load average at start: " + loadAverage());
        App.Services services = App.Services.open(config);
        services.incidents().importContent(config.contentDir());
        int have = services.db().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM incidents WHERE id LIKE 'synthetic-%'").mapTo(Integer.class).one());
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        if (have < n) {
            GenerateCommand.fill(services, 1, have, n - have);
        }
        System.out.printf("%s: %d synthetic postmortems (%d generated now in %.1f s, process CPU %.1f s)%n", kind, n,
                Math.max(0, n - have), (System.nanoTime() - t0) / 1e9, (cpuNanos() - cpu0) / 1e9);

        Search search = new Search(services.db().jdbi(), dir);
        // the first search opens the index: a rebuild when it is missing or of an older layout, else a catch-up
        long cpuOpen = cpuNanos();
        long tOpen = System.nanoTime();
        search.search(request("timeout", Map.of()));
        System.out.printf("index open (rebuilt if missing or of an older layout): %.1f s (process CPU %.1f s)%n",
                (System.nanoTime() - tOpen) / 1e9, (cpuNanos() - cpuOpen) / 1e9);
        try (var files = Files.walk(dir.resolve("search-index"))) {
            System.out.printf("index size: %.0f MB%n", files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length())
                    .sum() / 1e6);
        }
        // -Dkb.bench.rebuild=false keeps an index that is up to date (generate just built it): at 100,000 a rebuild
        // takes minutes on a busy machine and generate prints its time
        if (Boolean.parseBoolean(System.getProperty("kb.bench.rebuild", "true"))) {
            long cpu1 = cpuNanos();
            Search.Rebuild rebuild = search.rebuild();
            System.out.printf("index rebuild: %d incidents in %.1f s (process CPU %.1f s)%n", rebuild.incidents(),
                    rebuild.millis() / 1000.0, (cpuNanos() - cpu1) / 1e9);
        }

        // JIT warm-up over every kind of query first, counting facets and with them cached (the two take different
        // collectors): otherwise whichever figure comes first pays for compilation. With only the counting path warmed,
        // the cached figures, measured first, took more CPU per query than the uncached ones measured after them
        for (int i = 0; i < 10; i++) {
            for (String q : concat(WORDS, PHRASES, CHINESE)) {
                for (Map<String, String> filters : List.of(Map.<String, String>of(), Map.of("severity", "P1", "service", "payment-api"))) {
                    search.clearCaches();
                    search.search(request(q, filters));
                    search.search(request(q, filters));
                }
            }
        }
        // warm: the facet counts of a repeated query come from the cache; cold: every run counts them again, as
        // the first query of its kind after a write does
        for (boolean cold : List.of(false, true)) {
            String tag = cold ? ", uncached" : "";
            Op before = cold ? q -> { search.clearCaches(); return 0; } : q -> 0;
            report("lucene single word" + tag, timeAll(WORDS, q -> before.run(q) + "" + search.search(request(q, Map.of())).total()));
            report("lucene phrase" + tag, timeAll(PHRASES, q -> before.run(q) + "" + search.search(request(q, Map.of())).total()));
            report("lucene two-character Chinese" + tag, timeAll(CHINESE, q -> before.run(q) + "" + search.search(request(q,
                    Map.of())).total()));
            report("lucene word + severity + service" + tag, timeAll(WORDS, q -> before.run(q) + "" + search.search(request(q,
                    Map.of("severity", "P1", "service", "payment-api"))).total()));
        }
        // each phrase alone, uncached: which one makes the phrase p95 (a common word's positions are read for every match)
        for (String q : PHRASES) {
            report("  lucene phrase " + q + ", uncached", timeAll(List.of(q), p -> {
                search.clearCaches();
                return search.search(request(p, Map.of())).total();
            }));
        }
        var ids = services.db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM incidents WHERE id LIKE 'synthetic-%' "
                + "ORDER BY id").mapTo(String.class).list());
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < Math.min(RUNS * 3, ids.size()); i++) {
            sample.add(ids.get((int) ((long) i * ids.size() / Math.min(RUNS * 3, ids.size()))));
        }
        // related incidents alone (MoreLikeThis and the label query), each incident once with nothing cached
        report("related incidents, uncached", time(sample, q -> search.related(q, false, 5).size(), 0, 1));
        report("related incidents, cached", timeAll(sample.subList(0, 5), q -> search.related(q, false, 5).size()));
        var jdbi = services.db().jdbi();
        // a LIKE scan of a word few postmortems hold reads every section: seconds each at 100,000, so fewer runs
        anchorRuns = n > 20_000 ? 1 : RUNS;
        // -Dkb.bench.anchors=false leaves the LIKE scans out (minutes each on H2 at 100,000) for a quick look at pages;
        // -Dkb.bench.anchors=one runs one query of each kind once (its p50 and p95 are that single figure)
        String anchorMode = System.getProperty("kb.bench.anchors", "true");
        boolean anchors = !anchorMode.equals("false");
        int perKind = anchorMode.equals("one") ? 1 : Integer.MAX_VALUE;
        String sampled = perKind == 1 ? ", one query once" : "";
        String like = "SELECT i.id FROM incidents i WHERE i.listed = TRUE AND (LOWER(i.title) LIKE :p OR EXISTS "
                + "(SELECT 1 FROM sections s WHERE s.incident_id = i.id AND LOWER(s.markdown) LIKE :p)) "
                + "ORDER BY i.started_at DESC FETCH FIRST 10 ROWS ONLY";
        Op likeScan = q -> jdbi.withHandle(h -> h.createQuery(like).bind("p", "%" + q.replace("\"", "") + "%")
                .mapTo(String.class).list().size());
        if (anchors) {
            report("SQL LIKE single word (anchor" + sampled + ")", timeAnchor(first(WORDS, 5, perKind), likeScan));
            report("SQL LIKE two-character Chinese (anchor" + sampled + ")", timeAnchor(first(CHINESE, 4, perKind), likeScan));
            report("SQL LIKE phrase (anchor" + sampled + ")", timeAnchor(first(PHRASES, 3, perKind), likeScan));
        }
        String likeFiltered = "SELECT i.id FROM incidents i WHERE i.listed = TRUE AND i.severity = 'P1' AND EXISTS "
                + "(SELECT 1 FROM incident_services v WHERE v.incident_id = i.id AND v.name = 'payment-api') AND "
                + "(LOWER(i.title) LIKE :p OR EXISTS (SELECT 1 FROM sections s WHERE s.incident_id = i.id AND "
                + "LOWER(s.markdown) LIKE :p)) ORDER BY i.started_at DESC FETCH FIRST 10 ROWS ONLY";
        if (anchors) {
            report("SQL LIKE word + severity + service (anchor" + sampled + ")", timeAnchor(first(WORDS, 5, perKind), q ->
                    jdbi.withHandle(h -> h.createQuery(likeFiltered).bind("p", "%" + q + "%").mapTo(String.class).list().size())));
        }
        search.close();

        Javalin app = App.create(services).start();
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://localhost:" + app.port();
        String someId = jdbi.withHandle(h -> h.createQuery("SELECT id FROM incidents WHERE id LIKE 'synthetic-%' "
                + "ORDER BY id FETCH FIRST 1 ROWS ONLY").mapTo(String.class).one());
        Op get = p -> {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + p)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(p + " -> " + r.statusCode());
            }
            return r.body().length();
        };
        // the action-item summary tables are built in the background when the app starts on a database that has
        // none (just migrated): the first /actions waits for that; on a database a run prepared before it is quick
        report("page /actions, first (summary built if missing)", time(List.of("/actions"), get, 0, 1));
        // the same for the list's filter counts (V54)
        report("page /incidents, first (list counts built if missing)", time(List.of("/incidents"), get, 0, 1));
        // a page asked for while its derived data is first built waits at most 250 ms, then says it is being computed:
        // wait until each says it no longer is, so the figures below time pages that show their data
        for (String path : List.of("/actions", "/incidents", "/insights")) {
            long t = System.nanoTime();
            int tries = 0;
            while (client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString())
                    .body().matches("(?s).*id=\"(summary|counts|figures)-building\".*")) {
                tries++;
            }
            System.out.printf("%s: its data ready after %.1f s (%d answers saying it was being computed)%n", path,
                    (System.nanoTime() - t) / 1e9, tries);
        }
        // an incident page first viewed (its related incidents computed): the app has its own index reader and cache.
        // Forty other incidents first, so the figure is an incident's first view and not the JVM compiling the page
        for (int i = 0; i < 40 && i < ids.size(); i++) {
            get.run("/incidents/" + ids.get(ids.size() - 1 - i * 7));
        }
        report("page /incidents/{id}, first view", time(sample.stream().map(id -> "/incidents/" + id).toList(),
                get, 0, 1));
        for (String path : List.of("/incidents", "/incidents?severity=P1&page=3", "/incidents/" + someId, "/insights",
                "/insights?severity=P2&service=payment-api", "/search?q=timeout",
                "/search?q=" + URLEncoder.encode("连接", StandardCharsets.UTF_8), "/actions",
                "/actions?overdue=true&type=prevent", "/api/actions?status=open&page=5")) {
            report("page " + path, timeAll(List.of(path), get));
        }
        // the first insights page after a write: each run saves a new revision of one incident (another severity
        // each time, so the figures move), then reads the page; the save and the page are timed apart
        String source = services.incidents().source(someId, services.incidents().header(someId).orElseThrow()
                .currentRevision()).orElseThrow();
        Set<String> known = services.incidents().knownChecklistIds();
        int[] edits = {0};
        writeThenPage("/insights", get, () -> {
            String severity = "P" + (edits[0]++ % 5);
            services.incidents().save(new PostmortemParser().parse(source.replaceFirst("(?m)^severity: .*$", "severity: "
                    + severity), known).value().orElseThrow(), Change.edit("bench", "edit", null));
        });
        // the first action-item pages after a write: each run marks an item of one incident done or open again
        String open = source.replaceFirst("(?m)^- \\[x\\] ", "- [ ] ");
        String done = open.replaceFirst("(?m)^- \\[ \\] ", "- [x] ");
        for (String path : List.of("/incidents", "/actions", "/actions?overdue=true&type=prevent", "/api/actions?status=open&page=5")) {
            writeThenPage(path, get, () -> {
                String text = edits[0]++ % 2 == 0 ? done : open;
                services.incidents().save(new PostmortemParser().parse(text, known).value().orElseThrow(),
                        Change.edit("bench", "action", null));
            });
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after GC: %d MB (max %d MB)%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        System.out.println("load average at end: " + loadAverage());
        app.stop();
        services.close();
    }

    /** The first {@code n} of {@code list}, or {@code cap} of them when that is fewer. */
    private static List<String> first(List<String> list, int n, int cap) {
        return list.subList(0, Math.min(n, cap));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    private static SearchRequest request(String q, Map<String, String> filters) {
        return new SearchRequest(q, filters, null, "relevance", 1, 10, false);
    }

    private interface Op {
        Object run(String q) throws Exception;
    }

    /** This JVM's CPU time so far, all threads: steadier than wall time on a shared machine. */
    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * Timings of one measurement: wall times sorted, the process CPU time per run, and for the slowest runs (at or
     * above the p95) their mean process CPU and garbage-collection time: a slow run with little CPU waited (for the
     * machine, or I/O); one with GC time paused for a collection; one with CPU far above its wall time ran other
     * threads' work (a background count, the JIT).
     */
    private record Timings(List<Double> sorted, double cpuMsPerRun, double slowCpuMs, double slowGcMs) {
    }

    /** One run's wall, process CPU and GC time (milliseconds). */
    private record Run(double wallMs, double cpuMs, double gcMs) {
    }

    /** Garbage-collection time of this JVM so far, every collector, in milliseconds. */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static Timings timings(List<Run> runs) {
        List<Run> byWall = new ArrayList<>(runs);
        byWall.sort(Comparator.comparingDouble(Run::wallMs));
        List<Run> slow = byWall.subList((int) Math.ceil(0.95 * byWall.size()) - 1, byWall.size());
        return new Timings(byWall.stream().map(Run::wallMs).toList(), runs.stream().mapToDouble(Run::cpuMs).average().orElse(0),
                slow.stream().mapToDouble(Run::cpuMs).average().orElse(0), slow.stream().mapToDouble(Run::gcMs).average().orElse(0));
    }

    /** Times {@code write} and the page after it apart, RUNS times after three warm-ups, and reports both. */
    private static void writeThenPage(String path, Op get, Write write) throws Exception {
        for (int i = 0; i < 3; i++) {
            write.run();
            get.run(path);
        }
        List<Run> writes = new ArrayList<>();
        List<Run> pages = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            writes.add(measure(() -> write.run()));
            pages.add(measure(() -> get.run(path)));
        }
        report("write before " + path + " (save + derived tables)", timings(writes));
        report("page " + path + ", first after that write", timings(pages));
    }

    private interface Write {
        void run() throws Exception;
    }

    private static Run measure(Write op) throws Exception {
        long gc = gcMillis();
        long cpu = cpuNanos();
        long t = System.nanoTime();
        op.run();
        return new Run((System.nanoTime() - t) / 1e6, (cpuNanos() - cpu) / 1e6, gcMillis() - gc);
    }

    private static int anchorRuns = RUNS;

    /**
     * As {@link #timeAll} for the SQL anchor: {@link #anchorRuns} runs after one warm-up run, or a single cold run
     * of each input at 100,000 (a scan then takes seconds to minutes, and a warm-up would not change that).
     */
    private static Timings timeAnchor(List<String> inputs, Op op) throws Exception {
        return time(inputs, op, anchorRuns == 1 ? 0 : 1, anchorRuns);
    }

    /** Warms up, then runs each input RUNS times; returns every duration in milliseconds, sorted. */
    private static Timings timeAll(List<String> inputs, Op op) throws Exception {
        return time(inputs, op, 3, RUNS);
    }

    private static Timings time(List<String> inputs, Op op, int warmUps, int runs) throws Exception {
        for (String q : inputs) {
            for (int i = 0; i < warmUps; i++) {
                op.run(q);
            }
        }
        List<Run> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            for (String q : inputs) {
                all.add(measure(() -> op.run(q)));
            }
        }
        return timings(all);
    }

    private static void report(String what, Timings t) {
        List<Double> sorted = t.sorted();
        // the load beside each figure: on a shared machine wall times follow it, CPU per run much less
        System.out.printf("%-52s p50 %7.2f ms   p95 %7.2f ms   CPU %6.2f ms/run   slowest 5%%: CPU %6.1f ms, GC %5.1f ms"
                        + "   (%d runs, load %s)%n", what,
                sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1), sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1),
                t.cpuMsPerRun(), t.slowCpuMs(), t.slowGcMs(), sorted.size(), loadAverage().split(" ")[0]);
    }

    private static Config postgres(Path dir, Map<String, String> env) throws Exception {
        String admin = System.getenv("KB_TEST_PG_URL");
        if (admin == null) {
            throw new IllegalStateException("set KB_TEST_PG_URL to benchmark on PostgreSQL");
        }
        String name = "bench" + System.nanoTime();
        try (var c = java.sql.DriverManager.getConnection(admin); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String url = admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        // kept after the run, so 'reindex' and others can be timed on the same data (drop it yourself)
        System.out.println("postgresql database: " + url);
        return new Config(0, dir, url, "", "", Path.of("content").toAbsolutePath(), env);
    }

}
