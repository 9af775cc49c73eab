package kb.actions;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the derived tables of migration V52 ({@code action_list}, {@code action_list_services},
 * {@code action_totals}, {@code action_cube}) equal to what counting {@code action_items} from scratch would give.
 * They follow the incident change log: {@link #sync} re-derives the rows of each incident written since the
 * {@code action_state} sequence number and moves the totals by the difference, so a request right after a write
 * pays for that one incident, not for every item. When the tables were never built, are ahead of the log (a
 * restored database) or far behind it, they are rebuilt in one pass instead.
 *
 * <p>Several instances on one database share the tables: every update holds the {@code action_state} row lock, and
 * re-deriving an incident is idempotent, so an incident handled twice (by two instances, or again because a slow
 * transaction committed a lower sequence number late) still counts once.
 */
final class ActionSummary {

    /** Sequence numbers behind the log beyond which one rebuild is cheaper than incident-by-incident updates. */
    static final long REBUILD_AFTER = 20_000;
    /** How long a change stays eligible to be read again: identity values are taken before commit. */
    private static final long LATE_COMMITS_MS = 30_000;
    /** How far below the state's sequence number late commits are looked for (keeps that query on the key). */
    private static final long LATE_WINDOW = 2_000;
    private static final int CHUNK = 500;
    private static final String NO_DATE = "DATE '9999-12-31'";
    private static final String DERIVE = "SELECT a.incident_id, a.position, i.status = 'published', a.done, a.owner,"
            + " COALESCE(a.type, ''), COALESCE(a.due, " + NO_DATE + "), i.started_at"
            + " FROM action_items a JOIN incidents i ON i.id = a.incident_id WHERE i.listed = TRUE";
    private static final String DERIVE_SERVICES = "SELECT s.incident_id, s.name FROM incident_services s"
            + " JOIN incidents i ON i.id = s.incident_id WHERE i.listed = TRUE";

    private final Jdbi jdbi;
    /** Change-log sequence numbers seen recently, by when: a late commit is one not among them. */
    private final Map<Long, Long> seen = new HashMap<>();
    private long lastHead = Long.MIN_VALUE;
    private long watchUntil;
    private long version;

    ActionSummary(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Brings the tables up to every committed write and returns a number that changes whenever what they say may
     * have changed since the last call (cached pages are keyed on it). One indexed query when nothing was written.
     */
    synchronized long sync() {
        long now = System.currentTimeMillis();
        long head = jdbi.withHandle(ActionSummary::head);
        if (head == lastHead && now > watchUntil) {
            return version;
        }
        if (head != lastHead) {
            version++;
            lastHead = head;
            // a transaction holding a lower number may still commit: look again for a while
            watchUntil = now + LATE_COMMITS_MS;
        }
        seen.values().removeIf(at -> now - at > 2 * LATE_COMMITS_MS);
        // looked at without a lock first: after the first read following a write there is usually nothing to do,
        // and a lock taken on every read would serialise the readers of every instance
        boolean due = jdbi.withHandle(h -> pending(h, state(h, false), now) != null);
        if (due && jdbi.inTransaction(h -> update(h, now))) {
            version++;
        }
        return version;
    }

    private static long state(Handle h, boolean lock) {
        return h.createQuery("SELECT seq FROM action_state WHERE id = 1" + (lock ? " FOR UPDATE" : "")).mapTo(Long.class).one();
    }

    /**
     * The change-log rows to apply after {@code applied}: every row above it, and rows below it this instance has not
     * seen that were written recently (a slow transaction may commit a lower number late). An empty list means a
     * rebuild; null means nothing to do.
     */
    private List<Long> pending(Handle h, long applied, long now) {
        long head = head(h);
        if (applied < 0 || applied > head || head - applied > REBUILD_AFTER) {
            return List.of();
        }
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusNanos(LATE_COMMITS_MS * 1_000_000);
        List<Long> rows = new ArrayList<>();
        // a range of the key, then the filter: an OR of the two conditions would scan the whole log
        h.createQuery("SELECT seq FROM incident_changes WHERE seq > :low AND (seq > :applied OR changed_at >= :since)")
                .bind("applied", applied).bind("low", applied - LATE_WINDOW).bind("since", since)
                .mapTo(Long.class).forEach(seq -> {
                    if (seq > applied || !seen.containsKey(seq)) {
                        rows.add(seq);
                    }
                });
        return rows.isEmpty() ? null : rows;
    }

    /** Under the state row lock: a rebuild or the incidents changed since; whether anything was applied. */
    private boolean update(Handle h, long now) {
        long applied = state(h, true);
        List<Long> seqs = pending(h, applied, now);
        if (seqs == null) {
            return false;
        }
        long head = head(h);
        if (seqs.isEmpty()) {
            rebuild(h);
            h.createUpdate("UPDATE action_state SET seq = :seq WHERE id = 1").bind("seq", head).execute();
            return true;
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
        h.createUpdate("UPDATE action_state SET seq = :seq WHERE id = 1").bind("seq", max).execute();
        seqs.forEach(seq -> seen.put(seq, now));
        return true;
    }

    /** Derives every table from scratch. */
    static void rebuild(Handle h) {
        for (String t : List.of("action_list", "action_list_services", "action_totals", "action_cube")) {
            h.execute("DELETE FROM " + t);
        }
        h.execute("INSERT INTO action_list " + DERIVE);
        h.execute("INSERT INTO action_list_services " + DERIVE_SERVICES);
        h.execute("INSERT INTO action_totals (published, kind, name, n) SELECT published, 'owner', owner, COUNT(*)"
                + " FROM action_list WHERE owner IS NOT NULL GROUP BY published, owner");
        h.execute("INSERT INTO action_totals (published, kind, name, n) SELECT l.published, 'service', s.name, COUNT(*)"
                + " FROM action_list l JOIN action_list_services s ON s.incident_id = l.incident_id GROUP BY l.published, s.name");
        h.execute("INSERT INTO action_cube (published, type_key, done, due_key, n) SELECT published, type_key, done, d, COUNT(*)"
                + " FROM (SELECT published, type_key, done, CASE WHEN done THEN " + NO_DATE + " ELSE due_key END AS d"
                + " FROM action_list) x GROUP BY published, type_key, done, d");
    }

    /** Derives the rows of incidents {@code ids} again and moves the totals by the difference. */
    private static void replace(Handle h, List<String> ids) {
        Map<List<Object>, Long> totals = new TreeMap<>(ActionSummary::compare);
        Map<List<Object>, Long> cube = new TreeMap<>(ActionSummary::compare);
        count(h, ids, -1, totals, cube);
        h.createUpdate("DELETE FROM action_list WHERE incident_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("DELETE FROM action_list_services WHERE incident_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("INSERT INTO action_list " + DERIVE + " AND a.incident_id IN (<ids>)").bindList("ids", ids).execute();
        h.createUpdate("INSERT INTO action_list_services " + DERIVE_SERVICES + " AND s.incident_id IN (<ids>)")
                .bindList("ids", ids).execute();
        count(h, ids, 1, totals, cube);
        apply(h, "action_totals", List.of("published", "kind", "name"), totals);
        apply(h, "action_cube", List.of("published", "type_key", "done", "due_key"), cube);
    }

    /** Adds {@code sign} times what the derived rows of {@code ids} contribute to each total. */
    private static void count(Handle h, List<String> ids, int sign, Map<List<Object>, Long> totals,
                              Map<List<Object>, Long> cube) {
        Map<String, List<String>> services = new HashMap<>();
        h.createQuery("SELECT incident_id, name FROM action_list_services WHERE incident_id IN (<ids>)").bindList("ids", ids)
                .map((rs, c) -> services.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        h.createQuery("SELECT incident_id, published, done, owner, type_key, due_key FROM action_list WHERE incident_id IN (<ids>)")
                .bindList("ids", ids).map((rs, c) -> {
                    boolean published = rs.getBoolean("published");
                    boolean done = rs.getBoolean("done");
                    if (rs.getString("owner") != null) {
                        totals.merge(List.of(published, "owner", rs.getString("owner")), (long) sign, Long::sum);
                    }
                    for (String s : services.getOrDefault(rs.getString("incident_id"), List.of())) {
                        totals.merge(List.of(published, "service", s), (long) sign, Long::sum);
                    }
                    java.sql.Date due = done ? java.sql.Date.valueOf("9999-12-31") : rs.getDate("due_key");
                    cube.merge(List.of(published, rs.getString("type_key"), done, due), (long) sign, Long::sum);
                    return 0;
                }).list();
    }

    /** Moves each row of {@code table} named by a key by its delta, in key order (no two updaters deadlock). */
    private static void apply(Handle h, String table, List<String> columns, Map<List<Object>, Long> deltas) {
        StringBuilder where = new StringBuilder();
        for (String c : columns) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(c).append(" = :").append(c);
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ", n) VALUES (:"
                + String.join(", :", columns) + ", :d)";
        boolean emptied = false;
        for (Iterator<Map.Entry<List<Object>, Long>> it = deltas.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<List<Object>, Long> e = it.next();
            if (e.getValue() == 0) {
                continue;
            }
            Map<String, Object> binds = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                binds.put(columns.get(i), e.getKey().get(i));
            }
            int rows = h.createUpdate("UPDATE " + table + " SET n = n + :d" + where).bindMap(binds).bind("d", e.getValue()).execute();
            if (rows == 0) {
                // the state row lock is held: no other updater can insert the same key meanwhile
                h.createUpdate(insert).bindMap(binds).bind("d", e.getValue()).execute();
            }
            emptied |= e.getValue() < 0;
        }
        if (emptied) {
            h.execute("DELETE FROM " + table + " WHERE n <= 0");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long head(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM incident_changes").mapTo(Long.class).one();
    }
}
