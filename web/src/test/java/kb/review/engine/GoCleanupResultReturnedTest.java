package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failure path that returns its clean-up's result in place of the error that caused it (ERR-01's
 * {@code go-cleanup-result-returned-for-error}; round 20's go-03 stands for the class, none of its code is here).
 * Inside {@code if err != nil} the code rolls back, aborts or closes and returns what that call gives: nil when the
 * clean-up works, so the caller reads the failure as success. Variants differ in library (database/sql, pgx, gorm,
 * sqlx, a file, a multipart upload), in shape (one or two results, a generic helper, gorm's {@code .Error}) and in
 * where the error came from. Look-alikes that stay quiet: the error joined with the rollback's, the rollback's error
 * logged and {@code err} returned, a rollback returned for a condition that is not a failure ({@code errors.Is} of a
 * skip sentinel, {@code io.EOF}), and a rollback whose result is returned on the path where nothing failed.
 */
class GoCleanupResultReturnedTest {

    private static final String RULE = "go-cleanup-result-returned-for-error";

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.rule().equals(RULE)).map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void clean_up_results_returned_on_failure_paths_are_reported() {
        String code = """
                package store

                func InTx[T any](ctx context.Context, db *sql.DB, work func(*sql.Tx) (T, error)) (T, error) {
                \tvar none T
                \ttx, err := db.BeginTx(ctx, nil)
                \tif err != nil {
                \t\treturn none, err
                \t}
                \tv, err := work(tx)
                \tif err != nil {
                \t\treturn none, tx.Rollback()
                \t}
                \treturn v, tx.Commit()
                }

                func (r *Repo) Move(ctx context.Context, from, to string) error {
                \ttx, err := r.pool.Begin(ctx)
                \tif err != nil {
                \t\treturn err
                \t}
                \tif _, execErr := tx.Exec(ctx, moveSQL, from, to); execErr != nil {
                \t\treturn tx.Rollback(ctx)
                \t}
                \treturn tx.Commit(ctx)
                }

                func (s *Orders) Place(o *Order) error {
                \ttx := s.db.Begin()
                \tif err := tx.Create(o).Error; err != nil {
                \t\tlog.Printf("place order %d: %v", o.ID, err)
                \t\treturn tx.Rollback().Error
                \t}
                \treturn tx.Commit().Error
                }

                func writeSnapshot(path string, data []byte) error {
                \tf, err := os.Create(path)
                \tif err != nil {
                \t\treturn err
                \t}
                \tif _, err = f.Write(data); err != nil {
                \t\treturn f.Close()
                \t}
                \treturn f.Close()
                }

                func (u *Uploader) Put(ctx context.Context, key string, parts [][]byte) error {
                \tup, err := u.bucket.NewMultipart(ctx, key)
                \tif err != nil {
                \t\treturn err
                \t}
                \tfor i, p := range parts {
                \t\tif uploadErr := up.Part(ctx, i, p); uploadErr != nil {
                \t\t\treturn up.Abort(ctx)
                \t\t}
                \t}
                \treturn up.Complete(ctx)
                }
                """;
        assertEquals(List.of("11:" + RULE, "22:" + RULE, "31:" + RULE, "42:" + RULE, "54:" + RULE),
                found("store/tx.go", code));
    }

    @Test
    void the_error_kept_joined_or_a_planned_rollback_is_not_reported() {
        String code = """
                package store

                func InTx[T any](ctx context.Context, db *sql.DB, work func(*sql.Tx) (T, error)) (T, error) {
                \tvar none T
                \ttx, err := db.BeginTx(ctx, nil)
                \tif err != nil {
                \t\treturn none, err
                \t}
                \tv, err := work(tx)
                \tif err != nil {
                \t\treturn none, errors.Join(err, tx.Rollback())
                \t}
                \treturn v, tx.Commit()
                }

                func (r *Repo) Move(ctx context.Context, from, to string) error {
                \ttx, err := r.pool.Begin(ctx)
                \tif err != nil {
                \t\treturn err
                \t}
                \tif _, err := tx.Exec(ctx, moveSQL, from, to); err != nil {
                \t\tif rbErr := tx.Rollback(ctx); rbErr != nil {
                \t\t\tr.log.Warn("rollback failed", "err", rbErr)
                \t\t}
                \t\treturn fmt.Errorf("move %s: %w", from, err)
                \t}
                \treturn tx.Commit(ctx)
                }

                func (r *Repo) Sync(ctx context.Context, items []Item) error {
                \ttx, err := r.pool.Begin(ctx)
                \tif err != nil {
                \t\treturn err
                \t}
                \tchanged, err := r.apply(ctx, tx, items)
                \tif errors.Is(err, errNothingToDo) {
                \t\treturn tx.Rollback(ctx)
                \t}
                \tif err != nil {
                \t\treturn errors.Join(err, tx.Rollback(ctx))
                \t}
                \tif !changed {
                \t\treturn tx.Rollback(ctx)
                \t}
                \treturn tx.Commit(ctx)
                }

                func copyAll(dst *os.File, src io.Reader) error {
                \tif _, err := io.Copy(dst, src); err == io.EOF {
                \t\treturn dst.Close()
                \t}
                \treturn dst.Sync()
                }
                """;
        assertEquals(List.of(), found("store/tx.go", code));
    }
}
