package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;

/**
 * For {@link RemovedReleases}: a deferred call that hands a transaction to a helper which ends it
 * ({@code defer rollback.Tx(ctx, tx)}, {@code defer store.RollbackUnlessCommitted(tx)}, {@code defer
 * finish(&err, tx)}), the TX-01 idiom written through a project's own function. Deleting it is deleting
 * {@code defer tx.Rollback()}: every early return then leaves the transaction open. Known as a transaction by the
 * line that begins it above in the same function ({@code tx, err := pool.Begin(ctx)}: database/sql, sqlx, pgx and
 * pgxpool, gorm, ent's {@code Tx}), never by its name; the change keeps it when it adds a deferred call or a rollback
 * of the same value back.
 */
final class TxHelperReleases {

    /** A deferred call of a function or a package's function whose last argument is a plain name (group 1). */
    static final Pattern DEFERRED = Pattern.compile(
            "^\\s*defer\\s+[\\p{L}_][\\w.]*\\((?:[^()]*,\\s*)?&?([\\p{L}_]\\w*)\\s*\\)\\s*(?://.*)?$");

    private static final Pattern HEADER = Pattern.compile("^func\\b");

    private TxHelperReleases() {
    }

    /**
     * True when {@code value} is begun as a transaction above line {@code at} of the hunk, in the same function, and
     * the change does not end it another way (a rollback or commit of it added, deferred or not).
     */
    static boolean deletedEnd(String value, List<DiffLine> lines, int at, List<String> added) {
        String v = Pattern.quote(value);
        Pattern begun = Pattern.compile("(?<![\\w.])" + v + "\\s*(?:,\\s*\\w+\\s*)?:?=\\s*[\\p{L}_][\\w.]*(?:\\([^()]*\\))?"
                + "(?:\\.[\\p{L}_]\\w*(?:\\([^()]*\\))?)*\\.(?:Begin|BeginTx|Beginx|BeginTxx|MustBegin|MustBeginTx|Tx"
                + "|BeginTxFunc)\\s*\\(");
        Pattern ended = Pattern.compile("(?<![\\w.])" + v + "\\.(?:Rollback|Commit)\\w*\\s*\\(");
        if (added.stream().anyMatch(a -> ended.matcher(a).find())) {
            return false;
        }
        for (int j = at - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (begun.matcher(l.text()).find()) {
                return true;
            }
            if (HEADER.matcher(l.text()).find()) {
                return false;
            }
        }
        return false;
    }
}
