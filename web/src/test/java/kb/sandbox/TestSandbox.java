package kb.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One sandbox shared by the test classes of this package, since each one keeps warm JVMs around.
 * Limits are tighter than the defaults so that time-outs and CPU limits come quickly.
 */
final class TestSandbox {
    static final Path DATA_DIR = Path.of("target", "sandbox-test-data").toAbsolutePath();
    private static Sandbox shared;

    private TestSandbox() {
    }

    static SandboxConfig config() {
        return withCpuLimit(SandboxConfig.defaults(DATA_DIR)
                .withTimeout(Duration.ofSeconds(6)), Duration.ofSeconds(3))
                .withAllowWeak(true);
    }

    /** {@code c} with another CPU limit; only tests set one apart from the defaults, so main has no wither for it. */
    static SandboxConfig withCpuLimit(SandboxConfig c, Duration d) {
        return new SandboxConfig(c.dataDir(), c.poolSize(), c.maxConcurrentRuns(), c.maxQueuedRuns(), c.timeout(),
                c.outputCapBytes(), c.sourceCapBytes(), c.heapMegabytes(), c.maxNewThreads(), d, c.isolation(),
                c.allowWeak(), c.javaHome(), c.engine());
    }

    static synchronized Sandbox shared() {
        if (shared == null) {
            shared = Sandbox.start(config());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }
}
