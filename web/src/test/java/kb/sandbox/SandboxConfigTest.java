package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxConfigTest {
    private static final long GIB = 1L << 30;

    @Test
    void the_default_pool_grows_with_memory_and_cores() {
        assertEquals(2, SandboxConfig.poolSizeFor(0, 16), "a JVM that cannot tell its memory keeps the smallest pool");
        assertEquals(2, SandboxConfig.poolSizeFor(3 * GIB - 1, 16));
        assertEquals(4, SandboxConfig.poolSizeFor(3 * GIB, 16));
        assertEquals(4, SandboxConfig.poolSizeFor(8 * GIB - 1, 16));
        assertEquals(8, SandboxConfig.poolSizeFor(8 * GIB, 16));
        assertEquals(8, SandboxConfig.poolSizeFor(512 * GIB, 64), "the pool stops at 8 however large the machine");
    }

    @Test
    void few_cores_keep_the_pool_small_whatever_the_memory() {
        assertEquals(4, SandboxConfig.poolSizeFor(24 * GIB, 2), "2 cores: 8 concurrent children only contend");
        assertEquals(6, SandboxConfig.poolSizeFor(24 * GIB, 3));
        assertEquals(2, SandboxConfig.poolSizeFor(24 * GIB, 1), "never below 2");
    }

    @Test
    void without_variables_the_pool_follows_the_memory_and_concurrency_follows_the_pool() {
        var config = SandboxConfig.fromEnvironment(Map.of());
        assertTrue(Map.of(2, 0, 4, 0, 8, 0).containsKey(config.poolSize()), "pool " + config.poolSize());
        assertEquals(config.poolSize(), config.maxConcurrentRuns());
        assertEquals(Path.of("data", "sandbox"), config.dataDir());
        assertEquals(SandboxConfig.Engine.SPLIT, config.engine());
    }

    @Test
    void variables_override_the_defaults() {
        var config = SandboxConfig.fromEnvironment(Map.of("KB_SANDBOX_POOL_SIZE", "3", "KB_SANDBOX_QUEUE", "5",
                "KB_SANDBOX_TIMEOUT_SECONDS", "7", "KB_DATA_DIR", "/srv/kb", "KB_SANDBOX_ALLOW_WEAK", "TRUE"));
        assertEquals(3, config.poolSize());
        assertEquals(3, config.maxConcurrentRuns(), "concurrency defaults to the pool size that was set");
        assertEquals(5, config.maxQueuedRuns());
        assertEquals(Duration.ofSeconds(7), config.timeout());
        assertEquals(Path.of("/srv/kb", "sandbox"), config.dataDir());
        assertTrue(config.allowWeak());
        assertEquals(2, SandboxConfig.fromEnvironment(
                Map.of("KB_SANDBOX_POOL_SIZE", "6", "KB_SANDBOX_CONCURRENCY", "2")).maxConcurrentRuns());
    }

    @Test
    void a_bad_value_is_refused_with_the_name_of_its_variable() {
        assertMessageNames("KB_SANDBOX_POOL_SIZE", Map.of("KB_SANDBOX_POOL_SIZE", "many"));
        assertMessageNames("KB_SANDBOX_POOL_SIZE", Map.of("KB_SANDBOX_POOL_SIZE", "0"));
        assertMessageNames("KB_SANDBOX_CONCURRENCY", Map.of("KB_SANDBOX_CONCURRENCY", "0"));
        assertMessageNames("KB_SANDBOX_QUEUE", Map.of("KB_SANDBOX_QUEUE", "-1"));
        assertMessageNames("KB_SANDBOX_ISOLATION", Map.of("KB_SANDBOX_ISOLATION", "docker"));
        assertMessageNames("KB_SANDBOX_ENGINE", Map.of("KB_SANDBOX_ENGINE", "graal"));
        assertMessageNames("KB_SANDBOX_ALLOW_WEAK", Map.of("KB_SANDBOX_ALLOW_WEAK", "yes"));
    }

    private static void assertMessageNames(String variable, Map<String, String> env) {
        var e = assertThrows(IllegalArgumentException.class, () -> SandboxConfig.fromEnvironment(env));
        assertTrue(e.getMessage().contains(variable), e.getMessage());
    }
}
