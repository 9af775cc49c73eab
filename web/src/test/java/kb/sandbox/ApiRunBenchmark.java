package kb.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;
import kb.format.CodeBlock;
import kb.format.PostmortemParser;

/**
 * The sandbox measured the way users meet it: through {@code POST /api/run} of the real app (never
 * cached), for both engines in the same run, against the cold {@code jshell} CLI on the same snippet.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=kb.sandbox.ApiRunBenchmark [-Dexec.args="SECONDS [split]"]
 * </pre>
 *
 * For each engine ({@code jshell}: JShell inside every child, pool of 2 as before; {@code split}:
 * compile service plus minimal children, default pool): one click on a warm pool (p50 of 10, the pool
 * refilled before each), back-to-back runs (p50/p95 of 30), sustained runs/s with 4 and 16 clients for
 * SECONDS each (default 20; a client answered 429 waits its Retry-After), first sending the same text (compiled
 * once, its plan reused) and then a new text each run (compiled every time), every bundled block once (total),
 * and again four at a time as a CI job would send them (compiled again, then with their plans kept, then texts
 * not seen before right after compiling them ahead as {@code serve} does after start-up), and the
 * largest resident memory of the whole server (this JVM plus every process it started) seen under load. Wall
 * times on shared cores follow the load, so each load phase also prints the load average and the CPU time per
 * run by process: this JVM (server and benchmark clients), the compile service, and the run children as they
 * report it (each child JVM's own CPU, start-up included; bubblewrap's few ms are not in it), with the total;
 * and the CPU and RSS of the idle warm children, which is what getting a child ready costs.
 */
public final class ApiRunBenchmark {
    static final String SNIPPET = "var list = new ArrayList<>(List.of(3, 1, 2));\nCollections.sort(list);\n"
            + "System.out.println(list);\n// Output:\n// [1, 2, 3]\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 20;
        System.out.printf("JDK %s, %d processors, load average %.1f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // A second argument "split" measures the default engine alone (the first engine takes most of the time).
        boolean both = args.length < 2 || !args[1].equals("split");
        var columns = new LinkedHashMap<String, Map<String, String>>();
        if (both) {
            columns.put("jshell (old)", measure("jshell", "2", seconds));
        }
        columns.put("split (new)", measure("split", "", seconds));
        long[] cli = new long[3];
        for (int i = 0; i < cli.length; i++) {
            cli[i] = jshellCli(SNIPPET);
        }
        long cliP50 = percentile(cli, 50);
        System.out.printf("%njshell CLI, cold, same snippet: p50 %d ms (%d runs)%n%n", cliP50, cli.length);
        for (var c : columns.values()) {
            c.put("cold jshell CLI p50 / sequential p50", String.format("x%.1f",
                    (double) cliP50 / Math.max(1, Long.parseLong(c.get("sequential p50 (ms)")))));
            c.put("cold jshell CLI p50 / warm click p50", String.format("x%.1f",
                    (double) cliP50 / Math.max(1, Long.parseLong(c.get("warm click p50 (ms)")))));
        }
        var rows = new ArrayList<>(columns.values().iterator().next().keySet());
        System.out.printf("| %-40s |", "measure");
        columns.keySet().forEach(k -> System.out.printf(" %-22s |", k));
        System.out.println();
        System.out.println("|" + "-".repeat(42) + "|" + "------------------------|".repeat(columns.size()));
        for (String row : rows) {
            System.out.printf("| %-40s |", row);
            columns.values().forEach(c -> System.out.printf(" %-22s |", c.getOrDefault(row, "")));
            System.out.println();
        }
    }

    private static Map<String, String> measure(String engine, String pool, int seconds) throws Exception {
        var env = new LinkedHashMap<String, String>(Map.of("KB_SANDBOX_ENGINE", engine, "KB_SANDBOX_ALLOW_WEAK", "true",
                "KB_SANDBOX_RUNS_PER_MINUTE", "1000000"));
        if (!pool.isEmpty()) {
            env.put("KB_SANDBOX_POOL_SIZE", pool);
        }
        // KB_SANDBOX_ISOLATION is passed on (none: children without bubblewrap, for comparison).
        String isolation = System.getenv("KB_SANDBOX_ISOLATION");
        if (isolation != null) {
            env.put("KB_SANDBOX_ISOLATION", isolation);
        }
        var m = new LinkedHashMap<String, String>();
        try (TestApp app = TestApp.start(TestApp.FIXTURES, env)) {
            String token = new Accounts(app.services.db().jdbi()).createToken(Logins.user(app, Role.EDITOR), "bench").token();
            var client = new Client(app, token);
            System.out.printf("%n== engine %s: waiting for the pool and the class-data-sharing archive%n", engine);
            client.run(SNIPPET, null); // starts the sandbox
            awaitWarm(app, true);
            for (int i = 0; i < 10; i++) {
                client.run(SNIPPET, null); // JIT warm-up of server and compile service, the same for both engines
            }
            long[] clicks = new long[10];
            for (int i = 0; i < clicks.length; i++) {
                awaitWarm(app, false);
                Thread.sleep(300);
                clicks[i] = client.run(SNIPPET, null);
            }
            m.put("warm click p50 (ms)", Long.toString(percentile(clicks, 50)));
            long[] sequential = new long[30];
            for (int i = 0; i < sequential.length; i++) {
                sequential[i] = client.run(SNIPPET, null);
            }
            m.put("sequential p50 (ms)", Long.toString(percentile(sequential, 50)));
            m.put("sequential p95 (ms)", Long.toString(percentile(sequential, 95)));
            awaitWarm(app, false);
            Thread.sleep(1000);
            long[][] warm = warmChildren();
            m.put("ready child CPU p50 / max (ms)", warm[0].length == 0 ? "none"
                    : percentile(warm[0], 50) + " / " + warm[0][warm[0].length - 1]);
            m.put("ready child RSS p50 (MiB)", warm[1].length == 0 ? "none" : Long.toString(percentile(warm[1], 50) / 1024));
            var rss = new AtomicLong();
            Sandbox sandbox = app.services.sandbox().get();
            // The same text each time (compiled once, then its plan is reused), and a new text each time (a
            // comment line with a run number in front), which the compile service compiles for every run.
            for (boolean fresh : new boolean[] {false, true}) {
                for (int clients : new int[] {4, 16}) {
                    String phase = clients + " clients" + (fresh ? ", new texts" : "");
                    awaitWarm(app, false);
                    var before = ProcessCpu.now();
                    long childBefore = sandbox.childCpuMillis();
                    int runsBefore = completed.get();
                    var load = load(client, clients, seconds, rss, fresh);
                    int runs = completed.get() - runsBefore;
                    m.put(phase + ": runs/s", String.format("%.2f", load[0]));
                    m.put(phase + ": CPU/run srv/cmp/chld (total)", ProcessCpu.now().since(before)
                            .perRun(runs, sandbox.childCpuMillis() - childBefore));
                    m.put(phase + ": load average", ProcessCpu.loadAverage());
                    m.put(phase + ": run p50 (ms)", String.format("%.0f", load[1]));
                    m.put(phase + ": 429 answers / failed runs", String.format("%.0f / %.0f", load[2], load[3]));
                }
            }
            m.put("server RSS under load, max (MiB)", Long.toString(rss.get() / 1024));
            awaitWarm(app, false);
            long start = System.nanoTime();
            int blocks = 0;
            int failed = 0;
            for (var b : bundledBlocks()) {
                long ignored = client.run(b[0], b[1]);
                blocks++;
                failed += client.lastPassed ? 0 : 1;
            }
            m.put("all " + blocks + " bundled blocks, total (ms)", Long.toString((System.nanoTime() - start) / 1_000_000));
            m.put("bundled blocks that failed", Integer.toString(failed));
            // As a CI job or a "Run before and after" meeting sends them: four at a time, compiled (a CI job's
            // fresh server) and with their plans kept from the pass above (a server that has run them before).
            awaitWarm(app, false);
            m.put("all bundled blocks, 4 at once, compiled (ms)", Long.toString(concurrently(client, renamed(bundledBlocks()), 4)));
            awaitWarm(app, false);
            m.put("all bundled blocks, 4 at once, plans kept (ms)", Long.toString(concurrently(client, bundledBlocks(), 4)));
            // As `serve` does after start-up: compile the shipped blocks (texts not seen before) ahead of their first run.
            List<String[]> ahead = renamed(bundledBlocks());
            long compileStart = System.nanoTime();
            int added = sandbox.precompile(ahead.stream().map(b -> b[0]).toList());
            m.put("compile ahead after start-up, " + added + " blocks (ms, background)",
                    Long.toString((System.nanoTime() - compileStart) / 1_000_000));
            awaitWarm(app, false);
            m.put("all bundled blocks, 4 at once, first run after compile ahead (ms)", Long.toString(concurrently(client, ahead, 4)));
            m.put("load average at the end", ProcessCpu.loadAverage());
        }
        System.out.println(m);
        return m;
    }

    /** Accepted runs answered during load phases, for CPU per run. */
    private static final AtomicInteger completed = new AtomicInteger();

    /**
     * CPU time (ms) from start to now, and resident memory (KiB), of each idle warm child JVM (sorted): a warm
     * child has only started and said it is ready, so its CPU is what getting a child ready costs.
     */
    static long[][] warmChildren() {
        var cpu = new ArrayList<Long>();
        var kib = new ArrayList<Long>();
        for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
            String line = h.info().commandLine().orElse("");
            if (h.info().command().map(c -> c.endsWith("/java")).orElse(false)
                    && (line.contains("RunChildMain") || line.contains("InProcessChildMain"))) {
                h.info().totalCpuDuration().ifPresent(d -> cpu.add(d.toMillis()));
                kib.add(rss(h.pid()));
            }
        }
        return new long[][] {cpu.stream().mapToLong(Long::longValue).sorted().toArray(),
            kib.stream().mapToLong(Long::longValue).sorted().toArray()};
    }

    /** Wall time (ms) to run every block with {@code clients} callers at once; a block that fails counts all the same. */
    static long concurrently(Client client, List<String[]> blocks, int clients) throws Exception {
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < blocks.size(); ) {
                    client.run(blocks.get(i)[0], blocks.get(i)[1]);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The blocks with a comment line in front that no earlier run had, so that each is compiled again. */
    static List<String[]> renamed(List<String[]> blocks) {
        long tag = System.nanoTime();
        return blocks.stream().map(b -> new String[] {"// " + tag + "\n" + b[0], b[1]}).toList();
    }

    /**
     * runs/s, p50 of accepted runs, 429 answers, accepted runs that did not pass. With {@code fresh}, each run's
     * text starts with a comment line no other run had, so that the compile service compiles every one.
     */
    private static double[] load(Client client, int clients, int seconds, AtomicLong rss, boolean fresh) throws Exception {
        var serial = new AtomicLong(System.nanoTime());
        var done = new AtomicInteger();
        var busy = new AtomicInteger();
        var failed = new AtomicInteger();
        var times = java.util.Collections.synchronizedList(new ArrayList<Long>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        var sampler = pool.submit(() -> {
            while (System.nanoTime() < end) {
                rss.accumulateAndGet(treeResidentKilobytes(), Math::max);
                Thread.sleep(250);
            }
            return null;
        });
        long start = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<String> r = client.post(fresh ? "// " + serial.incrementAndGet() + "\n" + SNIPPET : SNIPPET, null);
                    if (r.statusCode() == 429) {
                        busy.incrementAndGet();
                        String after = r.headers().firstValue("Retry-After").orElseThrow(
                                () -> new IllegalStateException("429 without Retry-After"));
                        Thread.sleep(Long.parseLong(after) * 1000);
                        continue;
                    }
                    JsonNode body = JSON.readTree(r.body());
                    if (r.statusCode() != 200 || !body.get("passed").asBoolean()) {
                        failed.incrementAndGet();
                    } else {
                        times.add(body.get("durationMillis").asLong());
                    }
                    done.incrementAndGet();
                    completed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        sampler.get();
        pool.shutdown();
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        return new double[] {done.get() / elapsed, t.length == 0 ? -1 : percentile(t, 50), busy.get(), failed.get()};
    }

    /** Every runnable block of the bundled postmortems: source and expected output. */
    static List<String[]> bundledBlocks() throws IOException {
        var all = new ArrayList<String[]>();
        try (var files = Files.list(Path.of("content", "incidents"))) {
            for (Path md : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                var parsed = new PostmortemParser().parse(Files.readString(md), null);
                parsed.value().ifPresent(p -> p.codeBlocks().stream().filter(CodeBlock::runnable)
                        .forEach(b -> all.add(new String[] {b.code(), b.expectedOutput()})));
            }
        }
        return all;
    }

    static void awaitWarm(TestApp app, boolean archiveToo) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            JsonNode s = JSON.readTree(app.get("/health").body()).path("sandbox");
            if (s.path("status").asText().equals("up") && s.path("poolReady").asInt() >= s.path("poolSize").asInt()
                    && (!archiveToo || s.path("sharedArchive").asBoolean())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the pool did not fill in 5 minutes");
    }

    /** Resident memory of this JVM and every process it started, in KiB. */
    static long treeResidentKilobytes() {
        long sum = rss(ProcessHandle.current().pid());
        for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
            sum += Math.max(0, rss(h.pid()));
        }
        return sum;
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static long jshellCli(String source) throws IOException, InterruptedException {
        Path script = Files.createTempFile("kb-bench", ".jsh");
        try {
            Files.writeString(script, source + "\n/exit\n");
            var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jshell").toString(),
                    "--feedback", "silent", script.toString()).redirectErrorStream(true);
            long start = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            if (!out.contains("[1, 2, 3]")) {
                throw new IllegalStateException("jshell printed " + out);
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * p / 100.0) - 1];
    }

    /** One editor calling POST /api/run; times are wall time at the client. */
    static final class Client {
        private final TestApp app;
        private final String token;
        volatile boolean lastPassed;

        Client(TestApp app, String token) {
            this.app = app;
            this.token = token;
        }

        HttpResponse<String> post(String source, String expected) throws IOException {
            var body = new LinkedHashMap<String, Object>();
            body.put("source", source);
            if (expected != null) {
                body.put("expectedOutput", expected);
            }
            return app.postJson("/api/run", JSON.writeValueAsString(body), Map.of("Authorization", "Bearer " + token));
        }

        long run(String source, String expected) throws IOException {
            long start = System.nanoTime();
            HttpResponse<String> r = post(source, expected);
            long millis = (System.nanoTime() - start) / 1_000_000;
            lastPassed = r.statusCode() == 200 && JSON.readTree(r.body()).path("passed").asBoolean();
            if (r.statusCode() != 200) {
                throw new IllegalStateException("POST /api/run answered " + r.statusCode() + ": " + r.body());
            }
            return millis;
        }
    }
}
