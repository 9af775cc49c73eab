package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TX-02, round 14's class of a Go transaction whose commit failure is only logged (go-17 of {@code heldout14}): the
 * item's Java example is a catch around {@code commit()} that logs and carries on, and its Go advice is "return
 * tx.Commit()'s error, not nil". An {@code if err := tx.Commit(); err != nil} block that only logs lets the function
 * report success for data that was not written. Look-alikes: the block that returns the error, the one that hands it
 * on to a named result, a commit of something that is not a transaction by its name (a git commit), and a loop of
 * one transaction per item that logs a failed commit and skips the item (it is not counted as saved).
 */
class GoCommitFailureOnlyLoggedTest {

    private static String save(String receiver, String handler) {
        return GoRound8ClassesTest.file("ledger/save.go", """
                import (
                	"context"
                	"database/sql"
                	"log/slog"
                )

                func (l *Ledger) Save(ctx context.Context, e Entry) (err error) {
                	%1$s, err := l.db.BeginTx(ctx, nil)
                	if err != nil {
                		return err
                	}
                	defer %1$s.Rollback()
                	if _, err := %1$s.ExecContext(ctx, insertEntry, e.ID, e.Amount); err != nil {
                		return err
                	}
                	if err := %1$s.Commit(); err != nil {
                		slog.ErrorContext(ctx, "ledger commit failed", "entry", e.ID, "err", err)
                %2$s
                	}
                	return nil
                }
                """.formatted(receiver, handler));
    }

    @Test
    void a_commit_failure_that_is_only_logged_is_found() {
        assertEquals(List.of("18:go-commit-failure-only-logged"), GoRound8ClassesTest.item(save("tx", ""), "TX-02"));
    }

    @Test
    void a_commit_failure_that_is_returned_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(save("tx", "\t\treturn fmt.Errorf(\"commit: %w\", err)"),
                "TX-02"));
    }

    @Test
    void a_commit_failure_handed_to_the_named_result_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(save("txn", "\t\terr = fmt.Errorf(\"commit: %w\", err)"),
                "TX-02"));
    }

    @Test
    void a_commit_of_something_that_is_not_a_transaction_is_not_this_class() {
        String d = GoRound8ClassesTest.file("repo/snap.go", """
                func (r *Repo) Snapshot(msg string) {
                	if err := r.worktree.Commit(); err != nil {
                		r.log.Printf("snapshot not committed: %v", err)
                	}
                }
                """);
        assertEquals(List.of(), GoRound8ClassesTest.item(d, "TX-02"));
    }

    @Test
    void a_per_item_commit_that_logs_and_skips_the_item_is_clean() {
        String d = GoRound8ClassesTest.file("ledger/batch.go", """
                func (l *Ledger) SaveEach(ctx context.Context, es []Entry) (saved int) {
                	for _, e := range es {
                		tx, err := l.db.BeginTx(ctx, nil)
                		if err != nil {
                			return saved
                		}
                		if _, err := tx.ExecContext(ctx, insertEntry, e.ID); err != nil {
                			tx.Rollback()
                			continue
                		}
                		if err := tx.Commit(); err != nil {
                			l.log.Printf("entry %s not saved: %v", e.ID, err)
                			continue
                		}
                		saved++
                	}
                	return saved
                }
                """);
        assertEquals(List.of(), GoRound8ClassesTest.item(d, "TX-02"));
    }
}
