package kb.incidents;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The {@code incident_changes} log: one row per write to an incident, appended inside the write's
 * transaction, so a follower that reads it (the search index of each app instance) never misses a
 * committed write, whichever process or instance made it.
 */
final class ChangeLog {

    private ChangeLog() {
    }

    /** Appends a change of each incident in {@code ids}, in order; call inside the transaction that writes them. */
    static void append(Handle h, List<String> ids, OffsetDateTime now) {
        var batch = h.prepareBatch("INSERT INTO incident_changes (incident_id, changed_at) VALUES (:id, :now)");
        ids.forEach(id -> batch.bind("id", id).bind("now", now).add());
        PartsBatch.run(batch);
    }

    /** The highest sequence number written so far (0 when nothing was). */
    static long head(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM incident_changes")
                .mapTo(Long.class).one());
    }

    /**
     * Changes after {@code seq}, plus every change made at or after {@code since}: identity values are
     * taken before commit, so a slow transaction can commit a number below one already seen; reading a
     * recent window again catches it.
     */
    static List<Incidents.Changed> since(Jdbi jdbi, long seq, OffsetDateTime since) {
        // two index ranges (the key, and V56's index on the time) instead of one OR, which scanned the whole log
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT seq, incident_id FROM incident_changes WHERE seq > :seq
                        UNION SELECT seq, incident_id FROM incident_changes WHERE changed_at >= :since
                        ORDER BY seq""")
                .bind("seq", seq).bind("since", since)
                .map((rs, c) -> new Incidents.Changed(rs.getLong("seq"), rs.getString("incident_id"))).list());
    }
}
