package kb.system;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.nio.file.Files;
import java.nio.file.Path;

/** The connection pool, the schema migrations and the Jdbi instance every DAO is built from. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private volatile Jdbi jdbi;

    /** The ceiling on any one statement the app sends through Jdbi (TMO-01). */
    static final int QUERY_TIMEOUT_SECONDS = 30;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens the pool and brings the schema up to date; throws when the database cannot be reached. */
    public static Database open(Config config) {
        Database db = connect(config);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Sets up the pool without connecting: the first connection is made by whoever needs one first,
     * normally {@link #migrate()}. {@code serve} calls this on its main thread and migrates on another.
     */
    public static Database connect(Config config) {
        if (config.dbUrl().startsWith("jdbc:h2:file:")) {
            createDirectories(config.dataDir());
        }
        // the no-argument constructor starts the pool on the first getConnection(), failing fast there
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(H2Settings.durable(config.dbUrl()));
        ds.setUsername(config.dbUser());
        ds.setPassword(config.dbPassword());
        ds.setMaximumPoolSize(10);
        ds.setConnectionTimeout(5_000);
        ds.setValidationTimeout(2_000);
        ds.setPoolName("kb-db");
        return new Database(ds);
    }

    /** Connects (throwing when the database cannot be reached) and applies pending migrations. */
    public void migrate() {
        try (var probe = dataSource.getConnection()) {
            // the pool is up; Flyway takes its own connections from it
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** Made on first use: setting up Jdbi takes ~150 ms that {@code serve} spends while migrations run. */
    public Jdbi jdbi() {
        Jdbi j = jdbi;
        if (j == null) {
            synchronized (this) {
                j = jdbi;
                if (j == null) {
                    j = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
                    // no statement may hold a pooled connection without limit (a lock wait on PostgreSQL, a runaway
                    // plan); backups, which take as long as the store is large, use a connection of their own
                    j.getConfig(SqlStatements.class).setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                    jdbi = j;
                }
            }
        }
        return j;
    }

    /** True when a trivial query answers within two seconds. */
    public boolean healthy() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public String product() {
        return jdbi.withHandle(h -> {
            try {
                return h.getConnection().getMetaData().getDatabaseProductName();
            } catch (java.sql.SQLException e) {
                return "unknown";
            }
        });
    }

    /** The pool's live figures (active, idle, waiting connections), for {@code /metrics}. */
    public com.zaxxer.hikari.HikariPoolMXBean pool() {
        return dataSource.getHikariPoolMXBean();
    }

    /** The pool's maximum size. */
    public int maxPoolSize() {
        return dataSource.getMaximumPoolSize();
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
