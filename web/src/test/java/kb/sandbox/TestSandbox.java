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
        return SandboxConfig.defaults(DATA_DIR)
                .withTimeout(Duration.ofSeconds(6))
                .withCpuLimit(Duration.ofSeconds(3))
                .withAllowWeak(true);
    }

    static synchronized Sandbox shared() {
        if (shared == null) {
            shared = Sandbox.start(config());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }
}
