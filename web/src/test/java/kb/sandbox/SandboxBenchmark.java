package kb.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kb.format.CodeBlock;
import kb.format.PostmortemParser;

/**
 * Measures the sandbox against the {@code jshell} command line on the same snippet, in the same run:
 * run time through the warm pool (p50, p95), the cold {@code jshell} CLI, runs per second with four
 * concurrent clients, and the resident memory of a warm child.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=kb.sandbox.SandboxBenchmark \
 *     [-Dexec.args=SNIPPET]
 * </pre>
 *
 * SNIPPET is a {@code .jsh} file, or {@code incident.md:LINE} for the runnable block whose fence is on
 * that line (default {@value #DEFAULT_BLOCK}). A directory instead runs every runnable block of the
 * postmortems in it once, each on a warm child, and prints their times.
 */
public final class SandboxBenchmark {
    private static final int WARM_RUNS = 20;
    private static final int CLI_RUNS = 5;
    private static final int CLIENTS = 4;
    private static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(30);
    /** A bundled reproduction of typical size. */
    private static final String DEFAULT_BLOCK = "content/incidents/hot-loop-logging-cpu.md:146";

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String arg = args.length > 0 && !args[0].isBlank() && !args[0].equals("serve") ? args[0] : DEFAULT_BLOCK;
        var config = SandboxConfig.fromEnvironment(System.getenv()).withAllowWeak(true);
        try (Sandbox sandbox = Sandbox.start(config)) {
            System.out.printf("JDK %s, %d processors, tier %s (%s)%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), sandbox.tier(), sandbox.metrics().tierDetail());
            awaitWarm(sandbox, true);
            if (Files.isDirectory(Path.of(arg))) {
                survey(sandbox, Path.of(arg));
                return;
            }
            Block block = block(arg);
            String source = block.source();
            String expected = block.expected();
            System.out.println("snippet: " + arg);

            long[] warm = new long[WARM_RUNS];
            long[] inChild = new long[WARM_RUNS];
            for (int i = 0; i < WARM_RUNS; i++) {
                awaitWarm(sandbox, false);
                long start = System.nanoTime();
                RunResult r = sandbox.run(RunRequest.bundled(source, expected));
                warm[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                inChild[i] = r.durationMillis();
                check(r);
            }

            long[] cold = new long[CLI_RUNS];
            for (int i = 0; i < CLI_RUNS; i++) {
                cold[i] = jshellCli(source, expected, config.javaHome());
            }

            awaitWarm(sandbox, false);
            double perSecond = throughput(sandbox, source, expected);
            awaitWarm(sandbox, false);
            long[] readyCpu = readyChildCpuMillis();
            long rss = sandbox.warmChildResidentKilobytes();

            long p50 = percentile(warm, 50);
            long cliP50 = percentile(cold, 50);
            System.out.printf("warm pool, one client:  p50 %d ms, p95 %d ms (%d runs, wall time of Sandbox.run)%n",
                    p50, percentile(warm, 95), WARM_RUNS);
            System.out.printf("  of which in the child: p50 %d ms, p95 %d ms (request sent to report read)%n",
                    percentile(inChild, 50), percentile(inChild, 95));
            System.out.printf("jshell CLI, cold:       p50 %d ms, p95 %d ms (%d runs)%n", cliP50, percentile(cold, 95),
                    CLI_RUNS);
            System.out.printf("speed-up (p50):         %.1fx%n", (double) cliP50 / Math.max(1, p50));
            System.out.printf("%d concurrent clients:   %.2f runs/s over %d s%n", CLIENTS, perSecond,
                    THROUGHPUT_WINDOW.toSeconds());
            System.out.printf("warm child RSS:         %d MiB%n", rss / 1024);
            System.out.printf("ready child CPU:        p50 %d ms, max %d ms (%d idle warm children: CPU from start to ready)%n",
                    readyCpu.length == 0 ? -1 : percentile(readyCpu, 50), readyCpu.length == 0 ? -1 : readyCpu[readyCpu.length - 1],
                    readyCpu.length);
        }
    }

    /**
     * CPU time (ms, sorted) each warm run child has used since it started. A warm child has only started and said
     * it is ready, so this is what getting a child ready costs; its idle governor thread adds next to nothing.
     */
    static long[] readyChildCpuMillis() {
        return ProcessHandle.current().descendants()
                // the child JVM itself, not the bubblewrap or prlimit processes whose command lines name it too
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false)
                        && h.info().commandLine().map(c -> c.contains("RunChildMain")).orElse(false))
                .map(h -> h.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L))
                .filter(ms -> ms >= 0).mapToLong(Long::longValue).sorted().toArray();
    }

    private record Block(String label, String source, String expected) {
    }

    /** {@code FILE.jsh}, or {@code FILE.md:LINE} for the runnable block whose fence is on that line. */
    private static Block block(String arg) throws IOException {
        int colon = arg.lastIndexOf(':');
        if (arg.endsWith(".jsh") || arg.endsWith(".java") || colon < 0) {
            String source = Files.readString(Path.of(arg));
            return new Block(arg, source, kb.format.OutputComment.expected(source));
        }
        int line = Integer.parseInt(arg.substring(colon + 1));
        return blocks(Path.of(arg.substring(0, colon))).stream().filter(b -> b.label().endsWith(":" + line))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no runnable block at " + arg));
    }

    private static List<Block> blocks(Path markdown) throws IOException {
        var parsed = new PostmortemParser().parse(Files.readString(markdown), null);
        return parsed.value().orElseThrow(() -> new IllegalArgumentException(markdown + ": " + parsed.problems()))
                .codeBlocks().stream().filter(CodeBlock::runnable)
                .map(b -> new Block(markdown + ":" + b.line(), b.code(), b.expectedOutput())).toList();
    }

    /** One run of every runnable block of the postmortems in {@code dir}, each on a warm child with the pool full. */
    private static void survey(Sandbox sandbox, Path dir) throws Exception {
        var times = new ArrayList<Long>();
        try (var files = Files.list(dir)) {
            for (Path md : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                for (Block b : blocks(md)) {
                    awaitWarm(sandbox, false);
                    RunResult r = sandbox.run(RunRequest.bundled(b.source(), b.expected()));
                    check(r);
                    times.add(r.durationMillis());
                    System.out.printf("%6d ms  %s%n", r.durationMillis(), b.label());
                }
            }
        }
        long[] all = times.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("%d blocks: p50 %d ms, p95 %d ms in the child%n", all.length, percentile(all, 50),
                percentile(all, 95));
    }

    /** Waits until the pool is full, and at start-up also for the class-data-sharing archive. */
    private static void awaitWarm(Sandbox sandbox, boolean archiveToo) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            SandboxMetrics m = sandbox.metrics();
            if (m.poolReady() >= sandbox.config().poolSize() && (!archiveToo || m.sharedArchive())) {
                if (archiveToo) {
                    // Children warmed before the archive existed are used up first.
                    for (int i = 0; i < sandbox.config().poolSize(); i++) {
                        sandbox.warmChildResidentKilobytes();
                    }
                    archiveToo = false;
                    continue;
                }
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the pool did not fill in 3 minutes: " + sandbox.metrics());
    }

    private static double throughput(Sandbox sandbox, String source, String expected) throws Exception {
        var done = new AtomicInteger();
        long end = System.nanoTime() + THROUGHPUT_WINDOW.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    check(sandbox.run(RunRequest.bundled(source, expected)));
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        clients.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Runs the snippet with {@code jshell} in a new process, as a reader would without the sandbox. */
    private static long jshellCli(String source, String expected, Path javaHome) throws IOException, InterruptedException {
        Path script = Files.createTempFile("kb-bench", ".jsh");
        try {
            Files.writeString(script, source + "\n/exit\n");
            var pb = new ProcessBuilder(javaHome.resolve("bin").resolve("jshell").toString(), "--feedback", "silent",
                    script.toString()).redirectErrorStream(true);
            long start = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (expected != null && Verdict.compare(expected, out).outcome() != Verdict.Outcome.PASS) {
                throw new IllegalStateException("jshell printed something else: " + out);
            }
            return millis;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void check(RunResult r) {
        if (!r.passed()) {
            throw new IllegalStateException("the benchmark snippet did not pass: " + r);
        }
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * p / 100.0) - 1];
    }
}
