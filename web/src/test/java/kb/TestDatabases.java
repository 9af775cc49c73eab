package kb;

import kb.system.Config;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Databases the data-layer tests run against: a private in-memory H2, and a fresh database on the
 * PostgreSQL server named by {@code KB_TEST_PG_URL} (.ci/run starts one). Without that variable the
 * PostgreSQL cases are skipped locally and fail on CI, so CI never passes without them.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static Stream<String> kinds() {
        return Stream.of("h2", "postgresql");
    }

    public static Config config(String kind, Path contentDir) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (kind.equals("h2")) {
            return kb.TestApp.config(name, contentDir, Map.of());
        }
        String admin = System.getenv("KB_TEST_PG_URL");
        if (admin == null || admin.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("KB_TEST_PG_URL is not set on CI: .ci/run must start PostgreSQL");
            }
            Assumptions.abort("KB_TEST_PG_URL is not set; .ci/run starts a PostgreSQL for these tests");
        }
        try (var c = DriverManager.getConnection(admin); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin + ": " + e.getMessage(), e);
        }
        String url = admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return new Config(0, Path.of("target", "test-data", name).toAbsolutePath(), url, "", "", contentDir, Map.of());
    }
}
