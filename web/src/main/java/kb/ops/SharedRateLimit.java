package kb.ops;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A rate limit kept in the database, so that several instances behind one load balancer enforce one
 * limit together: at most {@code limit} hits per subject in any {@code window} (estimated from the
 * current and the previous fixed window, weighted by how much of the previous one still overlaps).
 * A refused hit is not counted, so a caller that keeps retrying gets through as soon as the window moves.
 */
public final class SharedRateLimit {

    private final Jdbi jdbi;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public SharedRateLimit(Jdbi jdbi, int limit, Duration window, Clock clock) {
        if (limit < 1 || window.toMillis() < 1000) {
            throw new IllegalArgumentException("a rate limit needs at least 1 hit per window of at least 1 s");
        }
        this.jdbi = jdbi;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts one hit for {@code subject} (at most 200 characters are kept). Returns 0 when it is
     * allowed, otherwise the whole seconds to wait before the next hit can be allowed (at least 1).
     */
    public int acquire(String subject) {
        String key = subject.length() > 200 ? subject.substring(0, 200) : subject;
        try {
            return jdbi.inTransaction(h -> hit(h, key));
        } catch (UnableToExecuteStatementException raced) {
            // another instance inserted the same window first (a unique violation ends the transaction
            // on PostgreSQL): the row is there now, so the second try only updates
            return jdbi.inTransaction(h -> hit(h, key));
        }
    }

    private int hit(Handle h, String key) {
        long w = window.toMillis();
        long now = clock.millis();
        long start = now / w * w;
        int updated = h.createUpdate("UPDATE rate_windows SET hits = hits + 1 WHERE subject = :s AND window_start = :w")
                .bind("s", key).bind("w", start).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO rate_windows (subject, window_start, hits) VALUES (:s, :w, 1)")
                    .bind("s", key).bind("w", start).execute();
        }
        int current = hits(h, key, start);
        int previous = hits(h, key, start - w);
        double overlap = 1.0 - (double) (now - start) / w;
        if (current + previous * overlap <= limit) {
            if (ThreadLocalRandom.current().nextInt(50) == 0) {
                h.createUpdate("DELETE FROM rate_windows WHERE window_start < :old").bind("old", start - 2 * w).execute();
            }
            return 0;
        }
        h.createUpdate("UPDATE rate_windows SET hits = hits - 1 WHERE subject = :s AND window_start = :w")
                .bind("s", key).bind("w", start).execute();
        // the earliest moment the estimate, without this hit, leaves room for one more
        double needed = current - 1 + previous * overlap - (limit - 1);
        long waitMillis = current - 1 >= limit || previous == 0 ? start + w - now
                : (long) Math.ceil(needed / previous * w);
        return (int) Math.max(1, Math.min(w / 1000 + 1, (waitMillis + 999) / 1000));
    }

    private static int hits(Handle h, String key, long start) {
        return h.createQuery("SELECT hits FROM rate_windows WHERE subject = :s AND window_start = :w")
                .bind("s", key).bind("w", start).mapTo(Integer.class).findOne().orElse(0);
    }
}
