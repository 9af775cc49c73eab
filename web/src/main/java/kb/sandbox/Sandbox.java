package kb.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kb.sandbox.child.ChildRequest;
import kb.sandbox.child.RunPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Java snippets in throwaway child JVMs. With the default engine, a long-lived compile
 * service ({@link CompileService}) turns the source into class files with JShell, and each run
 * takes a minimal warm child from a pool, hands it those class files, collects its output under a
 * wall-clock limit and an output cap, and kills it. See {@link kb.sandbox.child.RunChildMain} for
 * the child's side and {@link SandboxTier} for the isolation around both processes. The first
 * engine ({@link SandboxConfig.Engine#JSHELL}) compiles inside each child instead.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxConfig.fromEnvironment(System.getenv()))) {
 *     RunResult r = sandbox.run(RunRequest.bundled("System.out.println(6 * 7);", "42\n"));
 *     r.status();             // OK
 *     r.verdict().outcome();  // PASS
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #run} blocks its caller for the length of the run.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);
    private static final Duration CHILD_START_LIMIT = Duration.ofSeconds(90);
    private static final int PLANS_KEPT = 512;
    /** A typical plan is 5-20 KB; the bound is for texts that compile to the most a run may define (768 KiB). */
    private static final long PLAN_BYTES_KEPT = 16L << 20;

    private final SandboxConfig config;
    private final SandboxTier tier;
    private final String tierDetail;
    private final String runnerVersion;
    private final WarmPool<ChildProcess> pool;
    private final SharedArchive archive;
    private final Optional<Cgroups> cgroups;
    private final ScheduledExecutorService timer;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong childCpu = new AtomicLong();
    private final RunStats stats = new RunStats();
    private final CompileService compiler;
    /** Plans by source: a text compiled once runs again without the compile service (each time in a fresh child). */
    private final PlanCache plans = new PlanCache(PLANS_KEPT, PLAN_BYTES_KEPT);

    private Sandbox(SandboxConfig config, SandboxTier tier, String tierDetail, String runnerVersion,
                    WarmPool<ChildProcess> pool, SharedArchive archive, Optional<Cgroups> cgroups, ScheduledExecutorService timer,
                    CompileService compiler) {
        this.compiler = compiler;
        this.config = config;
        this.tier = tier;
        this.tierDetail = tierDetail;
        this.runnerVersion = runnerVersion;
        this.pool = pool;
        this.archive = archive;
        this.cgroups = cgroups;
        this.timer = timer;
        this.slots = new Semaphore(config.maxConcurrentRuns(), true);
    }

    /**
     * Prepares the runner jar, probes the isolation tier, starts filling the warm pool and, in
     * the background, builds the class-data-sharing archive. Returns without waiting for children.
     *
     * @throws IllegalStateException when bubblewrap is required but does not work
     * @throws UncheckedIOException  when the data directory cannot be written
     */
    public static Sandbox start(SandboxConfig config) {
        try {
            Path dir = config.dataDir().toAbsolutePath();
            Path workDir = Files.createDirectories(dir.resolve("work"));
            Path compilerJar = RunnerJar.prepareCompiler(dir);
            boolean split = config.engine() == SandboxConfig.Engine.SPLIT;
            Path minimalJar = RunnerJar.prepare(dir);
            Path runnerJar = split ? minimalJar : compilerJar;
            // Both of this version's jars count as current, whichever engine runs: another sandbox of this app may use the other.
            dropOtherVersions(dir, compilerJar, minimalJar);
            Bubblewrap bubblewrap = null;
            String detail;
            Optional<Path> bwrap = config.isolation() == SandboxConfig.Isolation.NONE ? Optional.empty() : Bubblewrap.find();
            if (bwrap.isEmpty()) {
                detail = config.isolation() == SandboxConfig.Isolation.NONE
                        ? "bubblewrap switched off (KB_SANDBOX_ISOLATION=none)" : "bubblewrap (bwrap) is not installed";
            } else {
                var candidate = Bubblewrap.forJdk(bwrap.get(), config.javaHome());
                var failure = candidate.probe(config.javaHome().toRealPath().resolve("bin").resolve("java"));
                detail = failure.orElse("bubblewrap: no network, uid 65534, read-only JDK and runner, private /tmp");
                bubblewrap = failure.isEmpty() ? candidate : null;
            }
            if (bubblewrap == null && config.isolation() == SandboxConfig.Isolation.BUBBLEWRAP) {
                throw new IllegalStateException("KB_SANDBOX_ISOLATION=bubblewrap, but " + detail);
            }
            Path prlimit = ChildCommand.findPrlimit();
            detail += prlimit == null ? "; prlimit not found, no rlimits" : "; rlimits via prlimit";
            Optional<Cgroups> cgroups = Cgroups.probe();
            detail += cgroups.map(c -> "; " + c.describe()).orElse("; no delegated cgroups");
            SandboxTier tier = bubblewrap == null ? SandboxTier.WEAK : SandboxTier.STRONG;
            log.info("sandbox: tier {} ({})", tier, detail);

            SandboxConfig real = config.withJavaHome(config.javaHome().toRealPath());
            var command = new ChildCommand(real, runnerJar, bubblewrap, prlimit,
                    split ? ChildCommand.Kind.RUN_CHILD : ChildCommand.Kind.JSHELL_CHILD);
            var archive = new SharedArchive(runnerJar, config.javaHome().toRealPath());
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                    r -> BackgroundThreads.daemon(r, "kb-sandbox-timer"));
            // An idle child has about 25 threads, and bubblewrap adds two processes.
            long maxTasks = config.maxNewThreads() + 64L;
            long memoryBytes = (config.heapMegabytes() * 2L + 256) << 20;
            var pool = new WarmPool<ChildProcess>(config.poolSize(), () -> {
                var child = ChildProcess.start(command.child(archive.file()), workDir, CHILD_START_LIMIT, timer);
                cgroups.ifPresent(c -> child.confine(c, maxTasks, memoryBytes));
                return child;
            });
            Thread training = BackgroundThreads.daemon(() -> archive.create(command), "kb-sandbox-cds");
            training.setPriority(Thread.MIN_PRIORITY);
            training.start();
            CompileService compiler = null;
            if (split) {
                var compile = new ChildCommand(real, compilerJar, bubblewrap, prlimit, ChildCommand.Kind.COMPILER);
                compiler = new CompileService(CompileService.processStarter(compile.child(Optional.empty()), workDir),
                        config.compileTimeout(), config.compileWorkers());
                compiler.startInBackground();
            }
            String version = compilerJar.getFileName().toString().replace("compiler-", "").replace(".jar", "");
            return new Sandbox(config, tier, detail, version, pool, archive, cgroups, timer, compiler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox in " + config.dataDir(), e);
        }
    }

    /**
     * Runs the request in a fresh child and returns how it went. Problems of the code (compile
     * errors, denials, time-outs) are results, never exceptions.
     *
     * @throws SandboxRefusedException untrusted code on the weak tier without {@code allowWeak}
     * @throws SandboxBusyException    the queue of waiting runs is full
     */
    public RunResult run(RunRequest request) {
        return run(request, ChildProcess.OutputListener.NONE);
    }

    /**
     * As {@link #run(RunRequest)}, handing the output to {@code listener} as it arrives.
     *
     * @param listener called on this thread with each chunk of output (stderr flag, bytes)
     * @param handle   lets another thread stop the run
     */
    public RunResult run(RunRequest request, RunListener listener, RunHandle handle) {
        return run(request, (ChildProcess.OutputListener) listener::output, handle);
    }

    private RunResult run(RunRequest request, ChildProcess.OutputListener listener) {
        return run(request, listener, new RunHandle());
    }

    private RunResult run(RunRequest request, ChildProcess.OutputListener listener, RunHandle handle) {
        untrustedRefusal().filter(reason -> !request.trusted()).ifPresent(reason -> {
            throw new SandboxRefusedException(reason);
        });
        int size = request.source().getBytes(StandardCharsets.UTF_8).length;
        if (size > config.sourceCapBytes()) {
            return finish(refused("the source is " + size + " bytes; the sandbox accepts at most "
                    + config.sourceCapBytes(), request));
        }
        if (request.expectedOutput() != null
                && request.expectedOutput().length() > SandboxConfig.EXPECTED_OUTPUT_CAP_BYTES) {
            return finish(refused("the expected output is " + request.expectedOutput().length()
                    + " characters; the sandbox compares at most " + SandboxConfig.EXPECTED_OUTPUT_CAP_BYTES, request));
        }
        acquireSlot();
        running.incrementAndGet();
        try {
            long start = System.nanoTime();
            byte[] payload;
            int cap = config.outputCapBytes();
            if (compiler != null) {
                RunPlan plan = plans.find(request.source());
                if (plan == null) {
                    var compiled = compiler.compile(request.source());
                    if (compiled.plan() == null) {
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        return finish(new RunResult(compiled.failure(), "", "", false, -1, millis, compiled.message(),
                                List.of(), Verdict.compare(request.expectedOutput(), "")));
                    }
                    plan = compiled.plan();
                    plans.offer(request.source(), plan);
                }
                if (plan.steps().stream().noneMatch(st -> st.invokeClass() != null)) {
                    // Nothing would run (the first snippet does not compile, or only declarations): no child needed.
                    var none = new ChildProcess.Exchange(plan.ending(), new byte[0], new byte[0], false, false, 0, "",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), -1);
                    return finish(Outcomes.classify(none, request, config));
                }
                payload = plan.withLimits(cap, config.maxNewThreads(), config.cpuLimit().toMillis()).encode();
            } else {
                payload = new ChildRequest(request.source(), cap, config.maxNewThreads(),
                        config.cpuLimit().toMillis()).encode();
            }
            ChildProcess child = pool.take(CHILD_START_LIMIT);
            if (child == null) {
                return finish(internal("no sandbox child could be started: " + pool.lastFailure(), request));
            }
            if (compiler != null) {
                // Minimal children are cheap: start the replacement while this run executes.
                pool.replenish();
            }
            handle.attach(child::kill);
            var exchange = child.run(payload, cap, config.timeout(), timer, listener);
            childCpu.addAndGet(Math.max(0, exchange.childCpuMillis()));
            RunResult r = Outcomes.classify(exchange, request, config);
            if (handle.stopped() && exchange.report() == null) {
                r = new RunResult(RunStatus.KILLED, r.stdout(), r.stderr(), r.truncated(), r.exitCode(), 0,
                        "stopped by the user", List.of(), r.verdict());
            }
            // The run's time includes compiling it: that is what the user waited for.
            long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return finish(new RunResult(r.status(), r.stdout(), r.stderr(), r.truncated(), r.exitCode(), total,
                    r.message(), r.diagnostics(), r.verdict()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return internal("interrupted while waiting for a sandbox child", request);
        } finally {
            running.decrementAndGet();
            slots.release();
            pool.replenish();
        }
    }

    /**
     * Compiles texts ahead of their first run and keeps their plans, so that their first run goes straight to a
     * child. Meant for the shipped reproductions after start-up: one compile at a time, skipping texts already kept
     * or over the source cap, and filling at most half of the plan budget so that readers' texts still find room.
     * A text that does not compile is left for its run to report. Returns how many plans were added.
     */
    int precompile(List<String> sources) throws InterruptedException {
        int added = 0;
        for (String source : sources) {
            if (compiler == null || added >= PLANS_KEPT / 2) {
                break;
            }
            if (!plans.contains(source) && source.getBytes(StandardCharsets.UTF_8).length <= config.sourceCapBytes()) {
                var compiled = compiler.compile(source);
                added += compiled.plan() != null && plans.offer(source, compiled.plan()) ? 1 : 0;
            }
        }
        return added;
    }

    /** Why untrusted code is refused here, or empty when it may run. Meant for the UI next to a disabled Run. */
    public Optional<String> untrustedRefusal() {
        if (tier == SandboxTier.STRONG || config.allowWeak()) {
            return Optional.empty();
        }
        return Optional.of("Running edited code needs the strong sandbox (bubblewrap), which is not available on "
                + "this server (" + tierDetail + "). An administrator can allow it anyway with KB_SANDBOX_ALLOW_WEAK=true.");
    }

    public SandboxTier tier() {
        return tier;
    }

    /** Identifies the runner code; part of the cache key of bundled results. */
    public String runnerVersion() {
        return runnerVersion;
    }

    public SandboxConfig config() {
        return config;
    }

    /** Times the compile service was replaced after dying or being killed; 0 for the first engine. */
    public long compileServiceRestarts() {
        return compiler == null ? 0 : compiler.restarts();
    }

    /** CPU time (ms) the run children reported using, start-up included, summed over every run so far. */
    long childCpuMillis() {
        return childCpu.get();
    }

    /** Runs that reused a plan compiled for an earlier run of the same text. */
    long compileCacheHits() {
        return plans.hits();
    }

    public SandboxMetrics metrics() {
        return new SandboxMetrics(tier, tierDetail, pool.readyCount(), running.get(), waiting.get(), stats.runs(),
                stats.byStatus(), stats.rejected(), pool.startedCount(), pool.failureCount(), stats.meanMillis(),
                stats.p95Millis(), archive.file().isPresent());
    }

    /** Resident memory (KiB) of a warm child, for the benchmark; -1 when none is ready in time. */
    long warmChildResidentKilobytes() throws InterruptedException {
        ChildProcess child = pool.take(CHILD_START_LIMIT);
        if (child == null) {
            return -1;
        }
        long rss = child.residentKilobytes();
        child.kill();
        pool.replenish();
        return rss;
    }

    /** Kills the warm children; runs in progress finish or are killed by their deadline. */
    @Override
    public void close() {
        if (compiler != null) {
            compiler.close();
        }
        pool.close();
        timer.shutdown();
        cgroups.ifPresent(c -> c.close(2000));
    }

    private static void dropOtherVersions(Path dir, Path... current) {
        try {
            List<String> deleted = RunnerJar.dropOtherVersions(dir, current);
            if (!deleted.isEmpty()) {
                log.info("sandbox: deleted the files of earlier app versions {}", deleted);
            }
        } catch (IOException e) {
            log.warn("sandbox: could not delete the files of earlier app versions: {}", e.toString());
        }
    }

    private void acquireSlot() {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > config.maxQueuedRuns()) {
            waiting.decrementAndGet();
            stats.rejectedBusy();
            long perRun = Math.max(1000, stats.meanMillis());
            throw new SandboxBusyException((int) Math.max(1,
                    Math.ceil((config.maxQueuedRuns() + 1.0) * perRun / config.maxConcurrentRuns() / 1000)));
        }
        try {
            slots.acquireUninterruptibly();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private RunResult finish(RunResult result) {
        stats.record(result);
        if (result.status() == RunStatus.INTERNAL_ERROR) {
            log.warn("sandbox: internal error: {}", result.message());
        }
        return result;
    }

    private static RunResult refused(String message, RunRequest request) {
        return new RunResult(RunStatus.DENIED, "", "", false, -1, 0, message,
                List.of(new Diagnostic(0, 0, message)), Verdict.compare(request.expectedOutput(), ""));
    }

    private static RunResult internal(String message, RunRequest request) {
        return new RunResult(RunStatus.INTERNAL_ERROR, "", "", false, -1, 0, message, List.of(),
                Verdict.compare(request.expectedOutput(), ""));
    }
}
