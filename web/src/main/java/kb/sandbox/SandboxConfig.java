package kb.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of the {@link Sandbox}. {@link #fromEnvironment} reads the {@code KB_SANDBOX_*}
 * variables; the {@code with...} methods adjust one setting (tests and the benchmark use them).
 *
 * @param dataDir           where the runner jar, the class-data-sharing archive and the children's
 *                          (empty) working directory live: {@code <KB_DATA_DIR>/sandbox}
 * @param poolSize          warm children kept ready
 * @param maxConcurrentRuns runs executing at once; more wait in the queue
 * @param maxQueuedRuns     runs waiting for a slot; one more gets {@link SandboxBusyException}
 * @param timeout           wall-clock limit of one run, from handing over the source
 * @param outputCapBytes    stdout and stderr together
 * @param sourceCapBytes    largest accepted source (UTF-8)
 * @param heapMegabytes     the child's -Xmx
 * @param maxNewThreads     threads a run may have alive beyond the idle child's
 * @param cpuLimit          CPU time a run may use, all threads together
 * @param isolation         which isolation to use
 * @param allowWeak         run untrusted code even when only the weak tier is available
 * @param javaHome          the JDK the children run on
 * @param engine            how snippets become running code
 */
public record SandboxConfig(Path dataDir, int poolSize, int maxConcurrentRuns, int maxQueuedRuns,
                            Duration timeout, int outputCapBytes, int sourceCapBytes, int heapMegabytes,
                            int maxNewThreads, Duration cpuLimit, Isolation isolation, boolean allowWeak,
                            Path javaHome, Engine engine) {

    /** How snippets become running code. */
    public enum Engine {
        /**
         * The default: a long-lived compile service turns snippets into class files with JShell, and a
         * fresh minimal JVM per run defines and invokes them.
         */
        SPLIT,
        /** The first engine, kept for comparison: JShell and javac start inside every run's JVM. */
        JSHELL
    }

    /** Largest {@code // Output:} block or {@code expectedOutput} compared with a run's output. */
    public static final int EXPECTED_OUTPUT_CAP_BYTES = 64 * 1024;

    /** Worker threads of the compile service, each compiling one request at a time. */
    public int compileWorkers() {
        return 2;
    }

    /** The compile service's -Xmx: javac on hostile source stops here and the service restarts. */
    public int compilerHeapMegabytes() {
        return 256;
    }

    /** Longest a compile may take before the compile service is killed and restarted. */
    public Duration compileTimeout() {
        return timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
    }

    /** Which isolation tier to use. */
    public enum Isolation {
        /** bubblewrap when the probe shows it works, else the weak tier. */
        AUTO,
        /** bubblewrap or nothing: start-up fails when it does not work. */
        BUBBLEWRAP,
        /** Never bubblewrap (development machines without it). */
        NONE
    }

    public SandboxConfig {
        if (poolSize < 1 || maxConcurrentRuns < 1 || maxQueuedRuns < 0) {
            throw new IllegalArgumentException("pool size and concurrency must be at least 1, queue at least 0");
        }
        if (timeout.isNegative() || timeout.isZero() || cpuLimit.isNegative() || cpuLimit.isZero()) {
            throw new IllegalArgumentException("timeout and CPU limit must be positive");
        }
    }

    /** The defaults: pool of 4 minimal children, 10 s, 64 KiB of output, 20 KiB of source, 128 MB heap. */
    public static SandboxConfig defaults(Path dataDir) {
        return new SandboxConfig(dataDir.resolve("sandbox"), 4, 4, 16, Duration.ofSeconds(10), 64 * 1024,
                20 * 1024, 128, 64, Duration.ofSeconds(10), Isolation.AUTO, false,
                Path.of(System.getProperty("java.home")), Engine.SPLIT);
    }

    /**
     * Reads {@code KB_DATA_DIR} (default {@code ./data}), {@code KB_SANDBOX_POOL_SIZE} (default: by the
     * machine's memory and cores, see {@link #poolSizeFor(long, int)}),
     * {@code KB_SANDBOX_CONCURRENCY}, {@code KB_SANDBOX_QUEUE}, {@code KB_SANDBOX_TIMEOUT_SECONDS},
     * {@code KB_SANDBOX_ISOLATION} ({@code auto}, {@code bubblewrap}, {@code none}) and
     * {@code KB_SANDBOX_ALLOW_WEAK} ({@code true} to run edited code without bubblewrap) and
     * {@code KB_SANDBOX_ENGINE} ({@code split}, the default, or {@code jshell}, the first engine).
     *
     * @throws IllegalArgumentException naming the variable whose value is not valid
     */
    public static SandboxConfig fromEnvironment(Map<String, String> env) {
        SandboxConfig c = defaults(Path.of(env.getOrDefault("KB_DATA_DIR", "data")));
        int byMachine = poolSizeFor(physicalMemoryBytes(), Runtime.getRuntime().availableProcessors());
        int pool = intVar(env, "KB_SANDBOX_POOL_SIZE", byMachine, 1);
        c = c.withPoolSize(pool).withConcurrency(intVar(env, "KB_SANDBOX_CONCURRENCY", pool, 1));
        c = c.withQueue(intVar(env, "KB_SANDBOX_QUEUE", c.maxQueuedRuns, 0));
        int seconds = intVar(env, "KB_SANDBOX_TIMEOUT_SECONDS", (int) c.timeout.toSeconds(), 1);
        c = c.withTimeout(Duration.ofSeconds(seconds));
        String isolation = env.getOrDefault("KB_SANDBOX_ISOLATION", "auto").trim().toUpperCase(Locale.ROOT);
        try {
            c = c.withIsolation(Isolation.valueOf(isolation));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KB_SANDBOX_ISOLATION must be auto, bubblewrap or none, not '"
                    + env.get("KB_SANDBOX_ISOLATION") + "'");
        }
        String engine = env.getOrDefault("KB_SANDBOX_ENGINE", "split").trim().toUpperCase(Locale.ROOT);
        try {
            c = c.withEngine(Engine.valueOf(engine));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KB_SANDBOX_ENGINE must be split or jshell, not '"
                    + env.get("KB_SANDBOX_ENGINE") + "'");
        }
        String weak = env.getOrDefault("KB_SANDBOX_ALLOW_WEAK", "false").trim();
        if (!weak.equalsIgnoreCase("true") && !weak.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("KB_SANDBOX_ALLOW_WEAK must be true or false, not '" + weak + "'");
        }
        return c.withAllowWeak(Boolean.parseBoolean(weak));
    }

    /**
     * The warm pool a server keeps when {@code KB_SANDBOX_POOL_SIZE} is not set; concurrency follows it. Every child
     * may grow to its own heap cap, so memory sets a ceiling: 8 from 8 GiB, 4 from 3 GiB, else 2 (an idle child holds
     * about 34 MiB). Runs are CPU-bound, so cores set another: twice their number. On 2 cores, a pool and concurrency
     * of 8 measured no better than 4 on the same day (5.4 against 5.8 runs/s with 4 clients; a burst of every bundled
     * block, median of 5, 3.7 s against 3.5 s), so such a machine keeps 4.
     */
    static int poolSizeFor(long memoryBytes, int cpus) {
        long gib = 1L << 30;
        int byMemory = memoryBytes >= 8 * gib ? 8 : memoryBytes >= 3 * gib ? 4 : 2;
        return Math.max(2, Math.min(byMemory, 2 * cpus));
    }

    /** The memory of the machine, or of the container the JVM runs in; 0 when the JVM cannot tell. */
    private static long physicalMemoryBytes() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
    }

    private static int intVar(Map<String, String> env, String name, int fallback, int min) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number >= " + min + ", not '" + value + "'");
        }
    }

    public SandboxConfig withPoolSize(int n) {
        return new SandboxConfig(dataDir, n, maxConcurrentRuns, maxQueuedRuns, timeout, outputCapBytes,
                sourceCapBytes, heapMegabytes, maxNewThreads, cpuLimit, isolation, allowWeak, javaHome, engine);
    }

    public SandboxConfig withConcurrency(int n) {
        return new SandboxConfig(dataDir, poolSize, n, maxQueuedRuns, timeout, outputCapBytes,
                sourceCapBytes, heapMegabytes, maxNewThreads, cpuLimit, isolation, allowWeak, javaHome, engine);
    }

    public SandboxConfig withQueue(int n) {
        return new SandboxConfig(dataDir, poolSize, maxConcurrentRuns, n, timeout, outputCapBytes,
                sourceCapBytes, heapMegabytes, maxNewThreads, cpuLimit, isolation, allowWeak, javaHome, engine);
    }

    public SandboxConfig withTimeout(Duration d) {
        return new SandboxConfig(dataDir, poolSize, maxConcurrentRuns, maxQueuedRuns, d, outputCapBytes,
                sourceCapBytes, heapMegabytes, maxNewThreads, cpuLimit, isolation, allowWeak, javaHome, engine);
    }

    public SandboxConfig withIsolation(Isolation i) {
        return new SandboxConfig(dataDir, poolSize, maxConcurrentRuns, maxQueuedRuns, timeout, outputCapBytes,
                sourceCapBytes, heapMegabytes, maxNewThreads, cpuLimit, i, allowWeak, javaHome, engine);
    }

    public SandboxConfig withAllowWeak(boolean allow) {
        return new SandboxConfig(dataDir, poolSize, maxConcurrentRuns, maxQueuedRuns, timeout, outputCapBytes,
                sourceCapBytes, heapMegabytes, maxNewThreads, cpuLimit, isolation, allow, javaHome, engine);
    }

    public SandboxConfig withJavaHome(Path home) {
        return new SandboxConfig(dataDir, poolSize, maxConcurrentRuns, maxQueuedRuns, timeout, outputCapBytes,
                sourceCapBytes, heapMegabytes, maxNewThreads, cpuLimit, isolation, allowWeak, home, engine);
    }

    public SandboxConfig withEngine(Engine e) {
        return new SandboxConfig(dataDir, poolSize, maxConcurrentRuns, maxQueuedRuns, timeout, outputCapBytes,
                sourceCapBytes, heapMegabytes, maxNewThreads, cpuLimit, isolation, allowWeak, javaHome, e);
    }
}
