package kb.sandbox;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.format.CodeBlock;
import kb.format.PostmortemParser;

/**
 * Where the CPU of one run goes, without HTTP: the calling thread (the server's work for the run), the rest
 * of this JVM (pool starters, readers, timers), the compile service, and the run children (start and run: as
 * they report it, and as reaped by this JVM, which is complete only with {@code KB_SANDBOX_ISOLATION=none}, see
 * {@link ProcessCpu}). Each run waits for the pool to be full again before the next, so that the children's
 * figure covers as many starts as runs.
 *
 * <pre>
 * KB_SANDBOX_ISOLATION=none mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dmain.class=kb.sandbox.RunCpuProfile [-Dexec.args=RUNS]
 * </pre>
 */
public final class RunCpuProfile {
    private RunCpuProfile() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 30;
        var config = SandboxConfig.fromEnvironment(System.getenv())
                .withPoolSize(4).withConcurrency(4).withAllowWeak(true);
        config = new SandboxConfig(Path.of("target", "profile-data").toAbsolutePath(), config.poolSize(),
                config.maxConcurrentRuns(), config.maxQueuedRuns(), config.timeout(), config.outputCapBytes(),
                config.sourceCapBytes(), config.heapMegabytes(), config.maxNewThreads(), config.cpuLimit(),
                config.isolation(), true, config.javaHome(), config.engine());
        try (Sandbox sandbox = Sandbox.start(config)) {
            awaitFull(sandbox, true);
            for (int i = 0; i < 20; i++) {
                sandbox.run(RunRequest.bundled(ApiRunBenchmark.SNIPPET, null));
            }
            awaitFull(sandbox, false);
            Thread.sleep(500);
            long[][] ready = ApiRunBenchmark.warmChildren();
            System.out.printf("ready child CPU (ms): %s%n", java.util.Arrays.toString(ready[0]));
            profile(sandbox, "small snippet", List.of(ApiRunBenchmark.SNIPPET), runs);
            profile(sandbox, "bundled blocks", bundledSources(), 1);
        }
    }

    private static void profile(Sandbox sandbox, String what, List<String> sources, int rounds) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        long thread = 0;
        long wall = 0;
        int n = 0;
        int failed = 0;
        var before = ProcessCpu.now();
        long reportedBefore = sandbox.childCpuMillis();
        for (int r = 0; r < rounds; r++) {
            for (String source : sources) {
                awaitFull(sandbox, false);
                long t0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                RunResult result = sandbox.run(RunRequest.bundled(source, null));
                wall += System.nanoTime() - w0;
                thread += threads.getCurrentThreadCpuTime() - t0;
                failed += result.status() == RunStatus.OK || result.status() == RunStatus.RUNTIME_ERROR ? 0 : 1;
                n++;
            }
        }
        awaitFull(sandbox, false);
        Thread.sleep(300);
        var used = ProcessCpu.now().since(before);
        long reported = sandbox.childCpuMillis() - reportedBefore;
        System.out.printf("%s: %d runs (%d not ok/runtime error), wall mean %d ms; per run: calling thread %d ms, "
                        + "this JVM %d ms, compile service %d ms, children %d ms as reaped (%d ms as they report), "
                        + "total %d ms; load %.1f%n",
                what, n, failed, wall / n / 1_000_000, thread / n / 1_000_000, used.serverMillis() / n,
                used.compileMillis() / n, used.childrenMillis() / n, reported / n,
                (used.serverMillis() + used.compileMillis() + reported) / n,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static List<String> bundledSources() throws Exception {
        var all = new ArrayList<String>();
        try (var files = Files.list(Path.of("content", "incidents"))) {
            for (Path md : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                new PostmortemParser().parse(Files.readString(md), null).value().ifPresent(p -> p.codeBlocks()
                        .stream().filter(CodeBlock::runnable).forEach(b -> all.add(b.code())));
            }
        }
        return all;
    }

    private static void awaitFull(Sandbox sandbox, boolean archive) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            var m = sandbox.metrics();
            if (m.poolReady() >= sandbox.config().poolSize() && (!archive || m.sharedArchive())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the pool did not fill");
    }
}
