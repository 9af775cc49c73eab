package kb.incidents;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.BiPredicate;

/**
 * Derives a set of tables from scratch without deleting their rows one by one (an H2 {@code DELETE} of a million
 * label rows took 32-86 s): they are emptied with one {@code TRUNCATE} each, then filled, in three steps that keep
 * every instance on one database consistent.
 *
 * <ol>
 *   <li>Claim, under the state row lock: the state's {@code seq} becomes a claim number below -1 (-2, -3, ...), so
 *       every instance reads the tables as not built (its pages say the counts are being computed) and every write's
 *       hook leaves them alone.</li>
 *   <li>Under the state row lock again, only if the claim is still ours (another instance that claimed after us builds
 *       instead): empty each table with {@code TRUNCATE} and fill them, in one transaction on PostgreSQL. An instance
 *       that wants to claim meanwhile waits for the lock and then finds the tables built. The state then holds the
 *       change-log position the build started at. H2 commits the transaction a {@code TRUNCATE} runs in, so there the
 *       tables are emptied just before the filling transaction; instances on one embedded H2 share a JVM, where one
 *       rebuild of a set of tables runs at a time, so no other claim comes in between.</li>
 * </ol>
 *
 * A builder that dies after its claim leaves a negative state: the next look finds a rebuild due and claims again.
 */
final class Rebuild {

    private Rebuild() {
    }

    /**
     * Rebuilds {@code tables} (state in {@code stateTable}) with {@code fill} (which may assume them empty) if
     * {@code due} holds for the state's {@code seq} (read under its lock, with the handle holding it); whether this call built them.
     */
    static boolean run(Jdbi jdbi, String stateTable, List<String> tables, BiPredicate<Handle, Long> due, Consumer<Handle> fill) {
        synchronized (LOCKS.computeIfAbsent(stateTable, k -> new Object())) {
            Long claim = jdbi.inTransaction(h -> {
                long applied = seq(h, stateTable);
                if (!due.test(h, applied)) {
                    return null;
                }
                long mine = Math.min(applied, -1) - 1;
                set(h, stateTable, mine);
                return mine;
            });
            if (claim == null) {
                return false;
            }
            LoggerFactory.getLogger(Rebuild.class).info("{}: rebuilding from scratch (claim {})", stateTable, claim);
            boolean postgres = jdbi.withHandle(Rebuild::postgres);
            if (!postgres) {
                // H2 commits the transaction a TRUNCATE runs in, so it runs before the filling one: only this JVM builds
                // on an embedded H2 (the lock above), and no claim of another comes in between
                jdbi.useHandle(h -> truncate(h, tables));
            }
            return jdbi.inTransaction(h -> {
                if (seq(h, stateTable) != claim) {
                    return false; // another instance claimed after us: it builds
                }
                if (postgres) {
                    // in the filling transaction: undone with it, and nobody reads the tables while the state is a claim
                    truncate(h, tables);
                }
                long head = h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM incident_changes").mapTo(Long.class).one();
                BuildHook.run(h, stateTable);
                fill.accept(h);
                set(h, stateTable, head);
                return true;
            });
        }
    }

    /** One rebuild of each set of tables at a time in this JVM. */
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private static boolean postgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot tell the database's kind: " + e.getMessage(), e);
        }
    }

    private static void truncate(Handle h, List<String> tables) {
        tables.forEach(t -> h.execute("TRUNCATE TABLE " + t));
    }

    private static long seq(Handle h, String stateTable) {
        return h.createQuery("SELECT seq FROM " + stateTable + " WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
    }

    private static void set(Handle h, String stateTable, long seq) {
        h.createUpdate("UPDATE " + stateTable + " SET seq = :seq WHERE id = 1").bind("seq", seq).execute();
    }
}
