package kb.accounts;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Slows password guessing: {@link #NAME_LIMIT} failures for one user name (existing or not) or
 * {@link #ADDRESS_LIMIT} from one address within {@link #WINDOW} lock that name or address for
 * {@link #LOCK}. Counters live in the database so every instance sees the same ones.
 */
final class LoginThrottle {

    static final int NAME_LIMIT = 5;
    static final int ADDRESS_LIMIT = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final Jdbi jdbi;

    LoginThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** How long the name or the address stays locked, or empty when sign-in may be tried. */
    Optional<Duration> locked(String name, String address) {
        OffsetDateTime now = Users.now();
        AccountDao dao = jdbi.onDemand(AccountDao.class);
        Duration longest = Duration.ZERO;
        for (String subject : new String[] {nameSubject(name), addressSubject(address)}) {
            var row = dao.failures(subject);
            if (row.isPresent() && row.get().lockedUntil() != null && row.get().lockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, row.get().lockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    void failed(String name, String address) {
        count(nameSubject(name), NAME_LIMIT);
        count(addressSubject(address), ADDRESS_LIMIT);
    }

    /** A correct password clears the name's count; the address keeps its count, or one account could reset it. */
    void succeeded(String name) {
        jdbi.onDemand(AccountDao.class).clearFailures(nameSubject(name));
    }

    private void count(String subject, int limit) {
        jdbi.useTransaction(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            OffsetDateTime now = Users.now();
            var row = dao.failures(subject);
            boolean fresh = row.isEmpty()
                    || row.get().firstFailureAt().plus(WINDOW).isBefore(now) && !lockedAt(row.get(), now)
                    || row.get().lockedUntil() != null && !lockedAt(row.get(), now);
            int failures = fresh ? 1 : row.get().failures() + 1;
            OffsetDateTime first = fresh ? now : row.get().firstFailureAt();
            OffsetDateTime lockedUntil = failures >= limit ? now.plus(LOCK) : null;
            if (row.isEmpty()) {
                dao.insertFailures(subject, failures, first, lockedUntil);
            } else {
                dao.updateFailures(subject, failures, first, lockedUntil);
            }
        });
    }

    private static boolean lockedAt(AccountDao.FailureRow row, OffsetDateTime now) {
        return row.lockedUntil() != null && row.lockedUntil().isAfter(now);
    }

    private static String nameSubject(String name) {
        String n = Users.normalise(name);
        return "name:" + (n.length() > 150 ? n.substring(0, 150) : n);
    }

    private static String addressSubject(String address) {
        return "addr:" + (address == null ? "?" : address);
    }
}
