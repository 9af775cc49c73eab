package kb.incidents;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tables derived from incidents that follow the incident change log ({@code incident_changes}) instead of being
 * counted again from scratch: a subclass says how to derive everything ({@link #rebuild}) and how to derive one
 * incident's part again and move its totals by the difference ({@link #replace}); this class decides which.
 *
 * <p>A state row ({@code <state table>.seq}, id 1) says how far in the log the tables are; -1 means never built.
 * When they were never built, are ahead of the log (a restored database) or more than {@link #REBUILD_AFTER}
 * behind it, they are rebuilt in one pass. Otherwise each incident written since is derived again.
 *
 * <p>Two ways in, both under the state row lock (so several instances on one database share the tables):
 * {@link #written} inside a write's own transaction (registered with {@link WriteHooks}), so the tables hold the
 * write when it commits; and {@link #sync} before a read, the safety net for writes made without the hook (an
 * older instance, a command that wires no hooks). Re-deriving an incident is idempotent, so an incident handled
 * twice (by two instances, or again because a slow transaction committed a lower sequence number late) counts once.
 */
public abstract class DerivedTables implements WriteHooks.Listener {

    /** Sequence numbers behind the log beyond which one rebuild is cheaper than incident-by-incident updates. */
    public static final long REBUILD_AFTER = 20_000;
    /** How long a change stays eligible to be read again: identity values are taken before commit. */
    private static final long LATE_COMMITS_MS = 30_000;
    /** How far below the state's sequence number late commits are looked for (keeps that query on the key). */
    private static final long LATE_WINDOW = 2_000;
    private static final int CHUNK = 500;

    private final Jdbi jdbi;
    private final String state;
    /**
     * Change-log sequence numbers seen recently, by when: a late commit is one not among them. Concurrent, not
     * guarded by this object's monitor: a write's transaction holds the state row lock when it records here, and a
     * reader holding the monitor may be waiting for that lock.
     */
    private final Map<Long, Long> seen = new ConcurrentHashMap<>();
    /**
     * Change-log sequence numbers this instance's {@link #version} already stands for, by when they were first found
     * committed (guarded by this object's monitor). Apart from {@link #seen}: a write's hook marks its number seen
     * before it commits, so a write committing below a head already read (its number taken first, its commit last)
     * would otherwise move neither the head nor the version, and pages cached on the version would never show it.
     */
    private final Map<Long, Long> counted = new java.util.HashMap<>();
    private long lastHead = Long.MIN_VALUE;
    private long watchUntil;
    /**
     * When (epoch ms) {@link #catchUp} last read the recent window of the log; the next read goes back
     * {@link #LATE_COMMITS_MS} before it, so a late commit is found however long no one read meanwhile.
     */
    private long lastLook;
    private long version;
    /** The last look found the tables unbuilt, ahead of the log or far behind it: look again on the next call. */
    private boolean rebuildDue;
    /** Held while this instance rebuilds, so it runs one rebuild at a time (the state row lock serialises instances). */
    private final Object rebuilding = new Object();
    /** The background rebuild {@link #syncWithin} started, if any. */
    private volatile CompletableFuture<Long> build;

    /** {@code stateTable} has one row, id 1, with the log sequence number the tables are at. */
    protected DerivedTables(Jdbi jdbi, String stateTable) {
        this.jdbi = jdbi;
        this.state = stateTable;
    }

    /** The tables derived: a rebuild empties them (one {@code TRUNCATE} each) before {@link #rebuild}. */
    protected abstract List<String> tables();

    /**
     * Derives every table of {@link #tables}, empty when this is called, from scratch (the caller holds the state lock
     * and sets the state afterwards).
     */
    protected abstract void rebuild(Handle h);

    /** Derives the rows of incidents {@code ids} again and moves the totals by the difference. */
    protected abstract void replace(Handle h, List<String> ids);

    /** What {@link #syncWithin} answers while the tables are being built (or rebuilt) from scratch. */
    public static final long BUILDING = -1;

    /**
     * Brings the tables up to every committed write and returns a number that changes whenever what they say may
     * have changed since the last call (cached pages are keyed on it). One indexed query when nothing was written.
     * Waits for a rebuild when one is due (tens of seconds at 100,000 incidents): pages call {@link #syncWithin}.
     */
    public long sync() {
        long v = catchUp();
        if (v != BUILDING) {
            return v;
        }
        synchronized (rebuilding) {
            long now = System.currentTimeMillis();
            // a rebuild if one is still due once locked; else another instance built the tables meanwhile: catch up
            boolean built = Rebuild.run(jdbi, state, tables(), (h, applied) -> rebuildNeeded(h, applied, now), this::rebuild)
                    || jdbi.inTransaction(h -> update(h, now));
            synchronized (this) {
                if (built) {
                    version++;
                }
                return version;
            }
        }
    }

    /**
     * As {@link #sync}, but never waits more than about {@code bound} for a rebuild: the rebuild runs in a background
     * thread (one per instance; on another instance's rebuild this one waits in that thread), and while it runs
     * this answers {@link #BUILDING}. Writes since the last call are applied in the caller's thread as in
     * {@link #sync} (a few incidents' rows).
     */
    public long syncWithin(Duration bound) {
        CompletableFuture<Long> b = build;
        if (b == null || b.isDone()) {
            long v = catchUp();
            if (v != BUILDING) {
                return v;
            }
            b = startBuild();
        }
        try {
            return b.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return BUILDING;
        } catch (ExecutionException e) {
            // the next call starts another try; meanwhile the page says the counts are not ready
            LoggerFactory.getLogger(DerivedTables.class).warn("{}: building failed: {}", state, e.getCause().toString());
            return BUILDING;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BUILDING;
        }
    }

    /**
     * Whether the tables are still built, after reading them: a rebuild elsewhere may have claimed and emptied them
     * between {@link #syncWithin} and the read (see {@link Rebuild}). When not, what was read is not to be shown, and
     * the next {@link #syncWithin} looks at the state again.
     */
    public synchronized boolean stillBuilt() {
        if (jdbi.withHandle(h -> state(h, false)) >= 0) {
            return true;
        }
        rebuildDue = true;
        return false;
    }

    /** The running background rebuild, or a new one (which waits for another instance's, then finds nothing to do). */
    private synchronized CompletableFuture<Long> startBuild() {
        if (build == null || build.isDone()) {
            CompletableFuture<Long> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(sync());
                } catch (RuntimeException | Error e) {
                    f.completeExceptionally(e);
                }
            }, state + "-build");
            t.setDaemon(true);
            // the task hands every failure to the future; this only reports what escapes it
            t.setUncaughtExceptionHandler((th, e) -> LoggerFactory.getLogger(DerivedTables.class)
                    .error("{}: the background build failed", state, e));
            build = f;
            t.start();
        }
        return build;
    }

    /**
     * Applies the writes since the last call unless a rebuild is due; returns the version, or {@link #BUILDING} when
     * a rebuild is due (never started here: the caller decides whether to wait for it).
     */
    private synchronized long catchUp() {
        long now = System.currentTimeMillis();
        long head = jdbi.withHandle(DerivedTables::head);
        // stop looking for late commits only after one look that began when none could still come
        if (head == lastHead && lastLook > watchUntil && !rebuildDue) {
            return version;
        }
        if (head != lastHead) {
            version++;
            lastHead = head;
            // a transaction holding a lower number may still commit: look again for a while
            watchUntil = now + LATE_COMMITS_MS;
        }
        // the first look of this instance goes back one period, like every later one from the look before it
        long since = (lastLook == 0 ? now : Math.min(now, lastLook)) - LATE_COMMITS_MS;
        lastLook = now;
        // kept while the window can still hold their rows (with a period's slack for clocks), so none is done twice
        seen.values().removeIf(at -> at < since - LATE_COMMITS_MS);
        counted.values().removeIf(at -> at < since - LATE_COMMITS_MS);
        // looked at without a lock first: after the first read following a write there is usually nothing to do,
        // and a lock taken on every read would serialise the readers of every instance
        List<Long> window = new ArrayList<>();
        List<Long> due = jdbi.withHandle(h -> pending(h, state(h, false), since, window));
        // a committed write this version does not stand for yet, whoever applied it to the tables (a hook, mostly):
        // what a caller reads after this call may differ from what it cached at the version before
        boolean fresh = false;
        for (long seq : window) {
            fresh |= counted.putIfAbsent(seq, now) == null;
        }
        if (fresh) {
            version++;
        }
        boolean wasDue = rebuildDue;
        rebuildDue = due != null && due.isEmpty();
        if (rebuildDue) {
            return BUILDING;
        }
        if (wasDue) {
            // built since the last look, here or by another instance: what was read meanwhile is not kept
            version++;
        }
        if (due != null && jdbi.inTransaction(h -> update(h, now, since))) {
            version++;
        }
        return version;
    }

    /**
     * Inside a write's transaction, after its change-log rows: applies it (and anything else pending) under the
     * state lock, so the tables hold the write when it commits. A due rebuild is left to the next {@link #sync}
     * (seconds at 100,000 incidents, which a save must not pay).
     */
    @Override
    public void written(Handle h) {
        long now = System.currentTimeMillis();
        long applied = state(h, false);
        if (applied < 0 || applied > head(h) || head(h) - applied > REBUILD_AFTER) {
            return;
        }
        update(h, now);
    }

    /**
     * Starts a daemon thread, {@code name}, that runs {@link #sync} until it succeeds (for up to
     * {@value #WARM_TRIES} seconds): the tables are built if missing before the first request needs them. The app is
     * built before the database is migrated ({@code serve} migrates while the web server starts), so the first
     * tries may find no tables; a request meanwhile waits for the state lock, or builds them itself.
     */
    public void warmInBackground(String name) {
        Thread warm = new Thread(() -> {
            for (int i = 1; i <= WARM_TRIES; i++) {
                try {
                    sync();
                    return;
                } catch (RuntimeException e) {
                    if (i == WARM_TRIES) {
                        LoggerFactory.getLogger(DerivedTables.class).info("{} not built at start: {}", name, e.toString());
                        return;
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, name);
        warm.setDaemon(true);
        warm.setUncaughtExceptionHandler((t, e) -> LoggerFactory.getLogger(DerivedTables.class)
                .error("{}: the start-up build failed", name, e));
        warm.start();
    }

    private static final int WARM_TRIES = 300;

    private long state(Handle h, boolean lock) {
        return h.createQuery("SELECT seq FROM " + state + " WHERE id = 1" + (lock ? " FOR UPDATE" : "")).mapTo(Long.class).one();
    }

    /**
     * The change-log rows to apply after {@code applied}: every row above it, and rows below it this instance has not
     * seen that were written recently (a slow transaction may commit a lower number late). An empty list means a
     * rebuild; null means nothing to do.
     */
    private List<Long> pending(Handle h, long applied, long now) {
        return pending(h, applied, now - LATE_COMMITS_MS, new ArrayList<>());
    }

    /**
     * As {@link #pending}, with late commits looked for among rows written since {@code sinceMs} (epoch ms), and
     * every number read (the whole recent window) added to {@code window}.
     */
    private List<Long> pending(Handle h, long applied, long sinceMs, List<Long> window) {
        long head = head(h);
        if (applied < 0 || applied > head || head - applied > REBUILD_AFTER) {
            return List.of();
        }
        OffsetDateTime since = java.time.Instant.ofEpochMilli(sinceMs).atOffset(ZoneOffset.UTC);
        List<Long> rows = new ArrayList<>();
        // a range of the key, then the filter: an OR of the two conditions would scan the whole log
        h.createQuery("SELECT seq FROM incident_changes WHERE seq > :low AND (seq > :applied OR changed_at >= :since)")
                .bind("applied", applied).bind("low", applied - LATE_WINDOW).bind("since", since)
                .mapTo(Long.class).forEach(seq -> {
                    window.add(seq);
                    if (seq > applied || !seen.containsKey(seq)) {
                        rows.add(seq);
                    }
                });
        return rows.isEmpty() ? null : rows;
    }

    /**
     * Under the state row lock (in a building thread, never a page's): whether {@code applied} calls for a rebuild.
     * "Ahead of the log" is checked again on a connection of its own, for up to 200 ms: H2 was seen to let a lock
     * waiter read a committing write's state row before that write's change-log rows were visible (state 66, log at 56),
     * and a spurious rebuild costs tens of seconds at 100,000 incidents.
     */
    private boolean rebuildNeeded(Handle h, long applied, long now) {
        List<Long> due = pending(h, applied, now);
        if (due == null || !due.isEmpty()) {
            return false;
        }
        long head = jdbi.withHandle(DerivedTables::head);
        // H2 was seen to show a just-committed write's state row before its change-log rows: look again a few times
        for (int i = 0; i < 10 && applied > head && applied >= 0; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            head = jdbi.withHandle(DerivedTables::head);
        }
        return applied < 0 || applied > head || head - applied > REBUILD_AFTER;
    }

    /**
     * Under the state row lock: the incidents changed since the tables' position; whether anything was applied
     * (nothing when a rebuild is due: see {@link Rebuild}).
     */
    private boolean update(Handle h, long now) {
        return update(h, now, now - LATE_COMMITS_MS);
    }

    /** As {@link #update}, looking for late commits among rows written since {@code sinceMs} (epoch ms). */
    private boolean update(Handle h, long now, long sinceMs) {
        long applied = state(h, true);
        List<Long> seqs = pending(h, applied, sinceMs, new ArrayList<>());
        if (seqs == null || seqs.isEmpty()) {
            return false;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int from = 0; from < seqs.size(); from += CHUNK) {
            ids.addAll(h.createQuery("SELECT DISTINCT incident_id FROM incident_changes WHERE seq IN (<seqs>)")
                    .bindList("seqs", seqs.subList(from, Math.min(seqs.size(), from + CHUNK))).mapTo(String.class).list());
        }
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            replace(h, all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        long max = Math.max(applied, seqs.stream().mapToLong(Long::longValue).max().orElse(applied));
        h.createUpdate("UPDATE " + state + " SET seq = :seq WHERE id = 1").bind("seq", max).execute();
        seqs.forEach(seq -> seen.put(seq, now));
        return true;
    }

    /** An empty map of deltas by key (a list of column values), in key order: see {@link #moveTotals}. */
    protected static Map<List<Object>, Long> deltas() {
        return Totals.deltas();
    }

    /**
     * Moves each row of {@code table} named by a key (values of {@code columns}) by its delta, inserting missing rows
     * and deleting emptied ones; in key order, so no two updaters deadlock. The caller holds the state row lock, so no
     * other updater inserts the same key meanwhile.
     */
    protected static void moveTotals(Handle h, String table, List<String> columns, Map<List<Object>, Long> deltas) {
        Totals.move(h, table, columns, deltas);
    }

    private static long head(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM incident_changes").mapTo(Long.class).one();
    }
}
