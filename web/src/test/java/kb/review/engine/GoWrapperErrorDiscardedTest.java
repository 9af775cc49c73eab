package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function with an error result that ends by discarding the error of the call it exists to make (ERR-01's
 * {@code go-wrapper-error-discarded}; round 21's go-16 stands for the class, none of its code is here): {@code _ =
 * x.Rollback(ctx); return nil}. Variants differ in library (pgx, database/sql, bufio, a file, a multipart upload, a badger write batch) and in what
 * comes before the two statements (a lock, a log line). Look-alikes that stay quiet: the deferred rollback after a
 * commit, a rollback on an error path that returns the first error, the call's error returned, a function without an
 * error result, and a discard with a comment of why.
 */
class GoWrapperErrorDiscardedTest {

    private static final String RULE = "go-wrapper-error-discarded";

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.rule().equals(RULE)).map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void wrappers_that_drop_the_wrapped_error_are_reported() {
        String code = """
                package wrap

                func (t *pgTx) Rollback(ctx context.Context) error {
                \t_ = t.inner.Rollback(ctx)
                \treturn nil
                }

                func (s *Session) Commit() error {
                \ts.mu.Lock()
                \tdefer s.mu.Unlock()
                \t_ = s.tx.Commit()
                \treturn nil
                }

                func (w *Sink) Flush() error {
                \t_ = w.bw.Flush()
                \treturn nil
                }

                func (j *Journal) Sync() error {
                \tj.log.Debug("sync journal")
                \t_ = j.f.Sync()
                \treturn nil
                }

                func (a *Archive) Finish(ctx context.Context) (int64, error) {
                \t_ = a.upload.Abort(ctx)
                \treturn a.n, nil
                }

                func (b *Batch) Commit() error {
                \t_ = b.wb.Flush()
                \treturn nil
                }
                """;
        assertEquals(List.of("11:" + RULE, "16:" + RULE, "22:" + RULE, "27:" + RULE, "32:" + RULE, "4:" + RULE),
                found("wrap/wrap.go", code));
    }

    @Test
    void the_idioms_around_rollback_and_close_are_not_reported() {
        String code = """
                package wrap

                func (s *Store) Put(ctx context.Context, k, v string) error {
                \ttx, err := s.db.BeginTx(ctx, nil)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer func() { _ = tx.Rollback() }()
                \tif _, err := tx.ExecContext(ctx, putKV, k, v); err != nil {
                \t\t_ = tx.Rollback()
                \t\treturn err
                \t}
                \treturn tx.Commit()
                }

                func (t *pgTx) Rollback(ctx context.Context) error {
                \treturn t.inner.Rollback(ctx)
                }

                func (w *Sink) Stop() {
                \t_ = w.bw.Flush()
                \treturn
                }

                func (t *memTx) Rollback() error {
                \t// the in-memory transaction cannot fail to roll back; the interface asks for an error
                \t_ = t.inner.Rollback()
                \treturn nil
                }
                """;
        assertEquals(List.of(), found("wrap/idioms.go", code));
    }
}
