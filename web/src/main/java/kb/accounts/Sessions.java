package kb.accounts;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Sign-in sessions kept in the database so that any instance can serve any user. The cookie carries a
 * random 256-bit id; the table keeps only its SHA-256. A session ends after {@link #IDLE} without a
 * request or {@link #ABSOLUTE} after sign-in, whichever comes first.
 */
final class Sessions {

    static final Duration IDLE = Duration.ofHours(12);
    static final Duration ABSOLUTE = Duration.ofDays(7);
    /** Requests closer together than this do not rewrite the row: one write per minute per user is plenty. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A session as a request sees it. */
    record Session(String idHash, User user, String csrfToken) {
    }

    /** A new session: {@code id} goes in the cookie and is never stored. */
    record Started(String id, Session session) {
    }

    private final Jdbi jdbi;

    Sessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Started start(User user) {
        String id = Secrets.random(32);
        String csrf = Secrets.random(32);
        OffsetDateTime now = Users.now();
        AccountDao dao = jdbi.onDemand(AccountDao.class);
        dao.deleteExpiredSessions(now);
        dao.insertSession(Secrets.hash(id), user.id(), csrf, now, expiry(now, now));
        return new Started(id, new Session(Secrets.hash(id), user, csrf));
    }

    /** The live session with this cookie value whose user is enabled, or empty; extends its idle expiry. */
    Optional<Session> resolve(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        String idHash = Secrets.hash(id);
        OffsetDateTime now = Users.now();
        AccountDao dao = jdbi.onDemand(AccountDao.class);
        Optional<AccountDao.SessionRow> row = dao.session(idHash, now);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = dao.userById(row.get().userId()).map(AccountDao.UserRow::user).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            dao.touchSession(idHash, now, expiry(row.get().createdAt(), now));
        }
        return Optional.of(new Session(idHash, user.get(), row.get().csrfToken()));
    }

    void end(String idHash) {
        jdbi.onDemand(AccountDao.class).deleteSession(idHash);
    }

    static OffsetDateTime expiry(OffsetDateTime created, OffsetDateTime lastSeen) {
        OffsetDateTime idle = lastSeen.plus(IDLE);
        OffsetDateTime absolute = created.plus(ABSOLUTE);
        return idle.isBefore(absolute) ? idle : absolute;
    }
}
