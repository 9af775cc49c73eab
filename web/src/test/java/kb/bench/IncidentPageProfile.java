package kb.bench;

import io.javalin.Javalin;
import kb.App;
import kb.search.Search;
import kb.system.Config;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where an incident page's first view spends its time, part by part, on a database a run of {@code generate} or
 * {@link SearchBenchmark} filled: the related incidents alone (nothing cached), the incident's rows alone, then over
 * HTTP the page's first view and its second view (related list cached), each as wall p50/p95 and process CPU per run
 * with the load average. Run it under JFR to see the methods. Arguments: {@code DATA-DIR [RUNS]} (default 120);
 * {@code -Dkb.profile.only=related} times the related incidents alone, {@code rows} the incident rows alone.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=kb.bench.IncidentPageProfile -Dexec.args="/tmp/search-bench-100k"</pre>
 */
public final class IncidentPageProfile {

    private IncidentPageProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        // -Dkb.profile.h2=";SETTING=VALUE" tries H2 settings on the same data
        Config config = new Config(0, dir, "jdbc:h2:file:" + dir.resolve("kb") + System.getProperty("kb.profile.h2", ""), "sa", "",
                Path.of("content").toAbsolutePath(),
                Map.of("KB_PAGE_CACHE_MS", "0"));
        System.out.println("load average at start: " + load());
        App.Services services = App.Services.open(config);
        List<String> ids = services.db().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM incidents WHERE id LIKE 'synthetic-%' ORDER BY id").mapTo(String.class).list());
        // four disjoint samples spread over the ids: warm-up, related alone, rows alone, pages
        List<List<String>> samples = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                sample.add(ids.get((int) (((long) i * 4 + s) * ids.size() / (runs * 4L))));
            }
            samples.add(sample);
        }
        // the derived tables (list counts, action summary) are built in the background when missing: wait for them
        // first, or their build's CPU and database work lands in every figure
        Javalin first = App.create(services).start();
        HttpClient client = HttpClient.newHttpClient();
        for (String path : System.getProperty("kb.profile.only") != null ? List.of("/actions", "/incidents")
                : List.of("/actions", "/incidents", "/insights")) {
            long t = System.nanoTime();
            while (client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + first.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body().matches("(?s).*id=\"(summary|counts|figures)-building\".*")) {
                Thread.sleep(500);
            }
            System.out.printf("%s: its data ready after %.1f s%n", path, (System.nanoTime() - t) / 1e9);
        }
        first.stop();
        if ("rows".equals(System.getProperty("kb.profile.only"))) {
            report("incident rows (load)", samples.get(2), id -> services.incidents().load(id).orElseThrow().sections().size());
            services.close();
            return;
        }
        Search search = new Search(services.db().jdbi(), dir);
        for (String id : samples.get(0)) {
            search.related(id, false, 5);
        }
        report("related incidents, first time each", samples.get(1), id -> search.related(id, false, 5).size());
        report("related incidents, again (cached)", samples.get(1), id -> search.related(id, false, 5).size());
        search.close();
        // -Dkb.profile.only=related stops here: a quick look at the related incidents alone
        if ("related".equals(System.getProperty("kb.profile.only"))) {
            services.close();
            return;
        }
        report("incident rows (load)", samples.get(2), id -> services.incidents().load(id).orElseThrow().sections().size());

        Javalin app = App.create(services).start();
        String base = "http://localhost:" + app.port();
        Op get = p -> {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + p)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(p + " -> " + r.statusCode());
            }
            return r.body().length();
        };
        for (String id : samples.get(0)) {
            get.run("/incidents/" + id);
        }
        report("page /incidents/{id}, first view", samples.get(3), id -> get.run("/incidents/" + id));
        report("page /incidents/{id}, second view", samples.get(3), id -> get.run("/incidents/" + id));
        report("page /api/incidents/{id}/related, second", samples.get(3), id -> get.run("/api/incidents/" + id + "/related"));
        System.out.println("load average at end: " + load());
        app.stop();
        services.close();
    }

    private interface Op {
        Object run(String id) throws Exception;
    }

    private static void report(String what, List<String> ids, Op op) throws Exception {
        List<Double> walls = new ArrayList<>();
        double cpu = 0;
        for (String id : ids) {
            long c = cpuNanos();
            long t = System.nanoTime();
            op.run(id);
            walls.add((System.nanoTime() - t) / 1e6);
            cpu += (cpuNanos() - c) / 1e6;
        }
        walls.sort(Double::compare);
        System.out.printf("%-44s p50 %7.2f ms   p95 %7.2f ms   CPU %6.2f ms/run   (%d runs, load %s)%n", what,
                walls.get((int) Math.ceil(0.5 * walls.size()) - 1), walls.get((int) Math.ceil(0.95 * walls.size()) - 1),
                cpu / walls.size(), walls.size(), load().split(" ")[0]);
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
