package kb.accounts;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Slows password guessing without letting a stranger lock anyone out. Failures are counted per
 * (user name, address): {@link #PAIR_LIMIT} of them lock that name <em>from that address</em> for
 * {@link #FIRST_LOCK}, and every further failure from there doubles the lock up to {@link #MAX_LOCK}
 * (counts last {@link #PAIR_WINDOW}). The right password from any other address still signs in, so
 * guessing at {@code admin} from one address never locks the real admin out. Separately,
 * {@link #ADDRESS_LIMIT} failures from one address, whatever the names, lock that address for
 * {@link #ADDRESS_LOCK}, so one address cannot spray guesses across many accounts.
 *
 * <p>Counters live in the database, so every instance behind a load balancer sees and enforces the
 * same ones. Unknown names are counted exactly like known ones.
 */
final class LoginThrottle {

    static final int PAIR_LIMIT = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration PAIR_WINDOW = Duration.ofHours(24);
    static final int ADDRESS_LIMIT = 30;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    static final Duration ADDRESS_LOCK = Duration.ofMinutes(15);

    private final Jdbi jdbi;

    LoginThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** How long this name is locked from this address (or the address altogether), or empty when sign-in may be tried. */
    Optional<Duration> locked(String name, String address) {
        OffsetDateTime now = Users.now();
        AccountDao dao = jdbi.onDemand(AccountDao.class);
        Duration longest = Duration.ZERO;
        for (String subject : new String[] {pairSubject(name, address), addressSubject(address)}) {
            var row = dao.failures(subject);
            if (row.isPresent() && lockedAt(row.get(), now)) {
                Duration left = Duration.between(now, row.get().lockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    void failed(String name, String address) {
        count(pairSubject(name, address), PAIR_LIMIT, PAIR_WINDOW, true);
        count(addressSubject(address), ADDRESS_LIMIT, ADDRESS_WINDOW, false);
        if (ThreadLocalRandom.current().nextInt(20) == 0) {
            // counters of pairs nobody has tried for a day are worth nothing; keep the table small
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE first_failure_at < :before "
                            + "AND (locked_until IS NULL OR locked_until < :now)")
                    .bind("before", Users.now().minus(PAIR_WINDOW)).bind("now", Users.now()).execute());
        }
    }

    /** A correct password clears this name's count from this address; the address keeps its own count. */
    void succeeded(String name, String address) {
        jdbi.onDemand(AccountDao.class).clearFailures(pairSubject(name, address));
    }

    /** The lock after {@code failures} failures of a pair: none below the limit, then doubling from one minute. */
    static Duration pairLock(int failures) {
        if (failures < PAIR_LIMIT) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - PAIR_LIMIT, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private void count(String subject, int limit, Duration window, boolean backoff) {
        jdbi.useTransaction(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            OffsetDateTime now = Users.now();
            var row = dao.failures(subject);
            boolean locked = row.isPresent() && lockedAt(row.get(), now);
            boolean fresh = row.isEmpty()
                    || !locked && row.get().firstFailureAt().plus(window).isBefore(now)
                    // a fixed lock starts counting afresh once it is over; a backoff keeps counting up
                    || !backoff && row.get().lockedUntil() != null && !locked;
            int failures = fresh ? 1 : row.get().failures() + 1;
            OffsetDateTime first = fresh ? now : row.get().firstFailureAt();
            Duration lock = backoff ? pairLock(failures) : failures >= limit ? ADDRESS_LOCK : Duration.ZERO;
            OffsetDateTime lockedUntil = lock.isZero() ? null : now.plus(lock);
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

    private static String pairSubject(String name, String address) {
        String n = Users.normalise(name);
        String a = address == null ? "?" : address.length() > 45 ? address.substring(0, 45) : address;
        return "pair:" + (n.length() > 140 ? n.substring(0, 140) : n) + "|" + a;
    }

    private static String addressSubject(String address) {
        return "addr:" + (address == null ? "?" : address);
    }
}
