package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 37 (branch res37); each directory under {@code review/classes25/} holds defects and clean
 * look-alikes written anew from real fixes in other repositories (its SOURCES.md).
 * <ul>
 * <li>Key-value store transactions (TX-01, {@code go-kv-txn-not-discarded}): badger's {@code NewTransaction(update)}
 * and {@code NewTransactionAt(ts, update)} on whatever field holds the store, and its {@code WriteBatch}, ended by
 * Discard/Commit or Cancel/Flush on every path. Clean: a deferred Discard or Cancel, a discard before any branch, a
 * datastore wrapper returning the transaction, a context-first {@code NewTransaction} of another interface.</li>
 * <li>Transactions the hunk cuts (TX-01 precision): a Go retry loop whose closing brace is below the hunk does not go
 * round from the last line shown (GoCfg), and statements outside any visible function end where the hunk stops like a
 * cut function; a Java transaction begun on an unchanged line right before a try whose handlers are below the hunk is
 * left to them. A begin the change writes, or a rollback it deletes, is still reported.</li>
 * <li>HTTP exchanges through a client field of any name (RES-02): {@code Do(req)} given only a request value, and the
 * library helpers that close the body ({@code googleapi.CloseBody}, azure's {@code runtime.Drain}). Clean: those
 * helpers deferred, {@code sync.Once.Do}, a Redis {@code Do(ctx, ...)}, a close before any status return.</li>
 * </ul>
 */
class Res37ClassesTest {

    @Test
    void key_value_store_transactions_left_open_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("res37-kv-transactions", Set.of("TX-01"));
    }

    @Test
    void transactions_whose_end_lies_below_the_hunk_are_not_reported_but_changed_ones_are() {
        ClassDiffs25.check("res37-cut-transactions", Set.of("TX-01"));
    }

    @Test
    void responses_of_a_client_field_of_any_name_are_followed_and_closing_helpers_count() {
        ClassDiffs25.check("res37-http-do-request", Set.of("RES-02"));
    }
}
