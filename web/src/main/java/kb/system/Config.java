package kb.system;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings read from the environment; every field has a default that works on a fresh checkout.
 *
 * @param port        HTTP port ({@code KB_PORT}, default 7070)
 * @param dataDir     where the embedded database and caches live ({@code KB_DATA_DIR}, default ./data)
 * @param dbUrl       JDBC URL ({@code KB_DB_URL}); defaults to an H2 file database under dataDir
 * @param dbUser      database user ({@code KB_DB_USER})
 * @param dbPassword  database password ({@code KB_DB_PASSWORD})
 * @param contentDir  bundled postmortems and checklist ({@code KB_CONTENT_DIR}, default ./content)
 * @param env         the whole environment, for features that read their own variables
 */
public record Config(int port, Path dataDir, String dbUrl, String dbUser, String dbPassword, Path contentDir,
                     Map<String, String> env) {

    public static Config fromEnv(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("KB_DATA_DIR", "data")).toAbsolutePath().normalize();
        String dbUrl = env.getOrDefault("KB_DB_URL", defaultH2Url(dataDir));
        return new Config(
                parsePort(env.getOrDefault("KB_PORT", "7070")),
                dataDir,
                dbUrl,
                env.getOrDefault("KB_DB_USER", dbUrl.startsWith("jdbc:h2:") ? "sa" : ""),
                env.getOrDefault("KB_DB_PASSWORD", ""),
                Path.of(env.getOrDefault("KB_CONTENT_DIR", "content")).toAbsolutePath().normalize(),
                Map.copyOf(env));
    }

    public String get(String key, String fallback) {
        return env.getOrDefault(key, fallback);
    }

    public boolean flag(String key, boolean fallback) {
        String v = env.get(key);
        return v == null || v.isBlank() ? fallback : Boolean.parseBoolean(v.strip());
    }

    private static String defaultH2Url(Path dataDir) {
        // AUTO_SERVER lets the CLI (import, token, ...) use the database while the server has it open
        return "jdbc:h2:file:" + dataDir.resolve("kb") + ";AUTO_SERVER=TRUE";
    }

    private static int parsePort(String raw) {
        try {
            int port = Integer.parseInt(raw.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("KB_PORT must be a port number from 0 to 65535, got '" + raw + "'");
        }
    }
}
