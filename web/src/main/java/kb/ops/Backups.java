package kb.ops;

import kb.system.Config;
import kb.system.Database;
import kb.system.H2Settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Backups of the embedded H2 database, taken while the server serves, and restores into a database
 * no process has open. PostgreSQL has its own tools ({@code pg_dump}/{@code pg_restore}), which know
 * its roles, extensions and versions better than this app could; the commands say so.
 */
public final class Backups {

    /** What the operator should run instead when the database is PostgreSQL. */
    public static final String PG_ADVICE = "KB_DB_URL points at PostgreSQL: back it up with pg_dump, e.g. "
            + "'pg_dump --format=custom --file=kb.dump <database>', and restore into an empty database with "
            + "'pg_restore --dbname=<database> kb.dump' (stop the app first, or restore into a new database and point "
            + "KB_DB_URL at it). pg_dump takes a consistent snapshot while the app keeps serving.";

    /** A failure the operator can act on; the message says what and where. */
    public static final class BackupException extends RuntimeException {
        public BackupException(String message) {
            super(message);
        }

        /** The same, keeping the failure underneath as the cause (its stack is what a bug report needs). */
        public BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Backups() {
    }

    /**
     * Writes a consistent copy of the database to {@code target} (a zip) while the server may be
     * serving: H2's {@code BACKUP TO} copies a single committed state of the store. Returns its size.
     *
     * @throws BackupException on PostgreSQL, when {@code target} exists, or when the database cannot be read
     */
    public static long backup(Config config, Path target) {
        requireH2File(config);
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new BackupException(file + " already exists; choose a new file name (backups are never overwritten)");
        }
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new BackupException("the folder " + file.getParent() + " does not exist");
        }
        // through AUTO_SERVER when the server has the database open, so the copy is made by that process
        try (Connection c = DriverManager.getConnection(H2Settings.durable(config.dbUrl()) + ";IFEXISTS=TRUE",
                config.dbUser(), config.dbPassword()); var st = c.prepareStatement("BACKUP TO ?")) { // kb:ignore TMO-01 -- a backup takes as long as the database is large; Ctrl-C stops it
            st.setString(1, file.toString());
            st.execute();
        } catch (SQLException e) {
            throw new BackupException("cannot back up " + StartReport.database(config.dbUrl()) + ": " + e.getMessage(),
                    e);
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BackupException("the backup " + file + " was not written: " + e.getMessage(), e);
        }
    }

    /**
     * Restores {@code backup} (made by {@link #backup}) as the configured database, migrates it to this
     * version's schema, and returns its row counts. The database must not be open in any process; an
     * existing one is kept beside it as {@code <name>.mv.db.before-restore-<time>} when {@code replace}
     * is true, and is a refusal otherwise.
     */
    public static Map<String, Long> restore(Config config, Path backup, boolean replace) {
        requireH2File(config);
        Path dbFile = mvFile(config);
        if (!Files.isRegularFile(backup)) {
            throw new BackupException("there is no backup file at " + backup.toAbsolutePath());
        }
        if (Files.exists(dbFile)) {
            if (inUse(dbFile)) {
                throw new BackupException("the database " + dbFile + " is open in another process (the server?): stop it first");
            }
            if (!replace) {
                throw new BackupException("a database already exists at " + dbFile
                        + "; pass --replace to restore over it (it is kept beside the restored one)");
            }
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            move(dbFile, dbFile.resolveSibling(dbFile.getFileName() + ".before-restore-" + stamp));
        }
        extract(backup, dbFile);
        try (Database db = Database.open(config)) {
            return counts(db);
        }
    }

    /** Rows per table the backup must carry, for the restore's report. */
    public static Map<String, Long> counts(Database db) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[] {"incidents", "revisions", "users", "reviews", "review_marks", "api_tokens"}) {
            try {
                counts.put(table, db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one()));
            } catch (RuntimeException missing) {
                // a table another version does not have
            }
        }
        return counts;
    }

    private static void extract(Path backup, Path dbFile) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory() && e.getName().endsWith(".mv.db")) {
                    Files.createDirectories(dbFile.getParent());
                    Path partial = dbFile.resolveSibling(dbFile.getFileName() + ".restoring");
                    Files.copy((InputStream) zip, partial, StandardCopyOption.REPLACE_EXISTING);
                    move(partial, dbFile);
                    return;
                }
            }
        } catch (IOException e) {
            throw new BackupException("cannot read the backup " + backup + ": " + e.getMessage(), e);
        }
        throw new BackupException(backup + " holds no H2 database (no *.mv.db entry); is it a file made by 'backup'?");
    }

    /** H2 holds a lock on its file while the database is open, in this process or another. */
    private static boolean inUse(Path dbFile) {
        try (FileChannel ch = FileChannel.open(dbFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new BackupException("cannot open " + dbFile + ": " + e.getMessage(), e);
        }
    }

    private static void requireH2File(Config config) {
        if (config.dbUrl().startsWith("jdbc:postgresql:")) {
            throw new BackupException(PG_ADVICE);
        }
        if (!H2Settings.isH2File(config.dbUrl())) {
            throw new BackupException("backup and restore handle the embedded H2 file database; KB_DB_URL is "
                    + StartReport.database(config.dbUrl()));
        }
    }

    /** The database path as H2 names it (without {@code .mv.db}). */
    private static String h2Path(Config config) {
        String rest = config.dbUrl().substring("jdbc:h2:".length()).replaceFirst("^file:", "");
        int semi = rest.indexOf(';');
        return semi < 0 ? rest : rest.substring(0, semi);
    }

    private static Path mvFile(Config config) {
        return Path.of(h2Path(config) + ".mv.db").toAbsolutePath().normalize();
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BackupException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
