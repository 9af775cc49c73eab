package kb.review.engine;

import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * TX-02's reading of a deleted error check: when the call whose check the change takes away starts a transaction
 * (database/sql's Begin and BeginTx, sqlx's Beginx and BeginTxx, gorm's Begin, pgx's Begin, a BeginTransaction or
 * StartTransaction of a wrapper), a failed start goes on as a nil or failed transaction: its statements panic or fail
 * and the caller may be told the work was done. Found by {@link GoRemovedErrorHandling} (the error bound and checked,
 * made {@code _} or bare) and {@link DroppedReturnedErrors} (gorm's {@code tx.Error} check deleted).
 */
final class DroppedBegins {

    static final String RULE = "go-begin-error-now-dropped";

    /** The name of the outermost call ({@code Beginx} for {@code r.builder.Beginx}, or for the call itself). */
    private static final Pattern BEGIN = Pattern.compile(
            "(?:^|\\.)(?:Begin(?:Tx|x|Txx)?|(?:Begin|Start)Transaction)(?:\\(.*\\))?$");

    private DroppedBegins() {
    }

    /** True when {@code callee} (a callee or a whole call) starts a transaction and returns its error. */
    static boolean begins(String callee) {
        return BEGIN.matcher(callee).find();
    }

    static Finding finding(SourceFile file, Catalog catalog, int line, String call, String was) {
        Severity severity = catalog.item("TX-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
        return new Finding(RULE, "TX-02", severity, file.path(), line, 1, file.line(line).strip(),
                "The change deletes the check of whether `" + call + "` began a transaction (`" + was + "`): when"
                        + " Begin fails (no connection, a closed pool, a deadline) the code goes on with a nil or failed"
                        + " transaction, whose statements panic or fail while the caller may be told the work was done."
                        + " Check the error right after Begin and return it wrapped.",
                Finding.Confidence.HIGH, null, "kb", null);
    }
}
