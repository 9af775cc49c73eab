package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A commit's or a durable write's error filtered away by the condition that should return it (TX-02's
 * {@code go-commit-error-filtered}, ERR-01's {@code go-write-error-filtered}; round 21's go-15 and go-29 stand for the
 * class, none of their code is here). The check is {@code err != nil && <filter>}: the errors the filter drops (the
 * context ended, the transaction or writer was already closed) fall through to the success path, and the caller is
 * told the data was written. Variants differ in library (database/sql, pgx, sqlx, gorm, bun, badger, ent, bufio, a
 * file, an object store, NATS JetStream), in the filter (errors.Is of a sentinel, a comparison, ctx.Err(), a
 * strings.Contains of the message) and in shape (the call in the if's initializer, or assigned on the line above).
 * Look-alikes that stay quiet: the same filters on a rollback, a read, a remove, a close or a Serve, where they are
 * the idiom, and the same calls checked without a filter.
 */
class GoFilteredWriteErrorTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.rule().equals("go-commit-error-filtered") || f.rule().equals("go-write-error-filtered"))
                .map(f -> f.line() + ":" + f.item() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void commits_and_database_writes_whose_check_filters_errors_are_reported() {
        String code = """
                package ledger

                func (w *Writer) Close(ctx context.Context) error {
                \tif err := w.tx.Commit(ctx); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
                \t\treturn fmt.Errorf("commit ledger: %w", err)
                \t}
                \treturn nil
                }

                func (s *Store) SaveAll(ctx context.Context, tx *sql.Tx, rows []Row) error {
                \tfor _, r := range rows {
                \t\tif _, err := tx.ExecContext(ctx, insertRow, r.ID, r.Amount); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \terr := tx.Commit()
                \tif err != nil && ctx.Err() == nil {
                \t\treturn err
                \t}
                \treturn nil
                }

                func (r *Repo) Rename(ctx context.Context, id int64, name string) error {
                \tif _, err := r.db.NamedExecContext(ctx, renameQuery, map[string]any{"id": id, "name": name}); err != nil && !errors.Is(err, context.Canceled) {
                \t\treturn err
                \t}
                \treturn nil
                }

                func (r *Orders) Place(ctx context.Context, o *Order) error {
                \tif err := r.db.WithContext(ctx).Create(o).Error; err != nil && err != context.DeadlineExceeded {
                \t\treturn fmt.Errorf("place order: %w", err)
                \t}
                \treturn nil
                }

                func (k *KV) Set(key, val []byte) error {
                \ttxn := k.db.NewTransaction(true)
                \tdefer txn.Discard()
                \tif err := txn.Set(key, val); err != nil {
                \t\treturn err
                \t}
                \tif err := txn.Commit(); err != nil && !strings.Contains(err.Error(), "discarded") {
                \t\treturn err
                \t}
                \treturn nil
                }

                func (a *Audit) Record(ctx context.Context, e Event) error {
                \t_, err := a.db.NewInsert().Model(&e).Exec(ctx)
                \tif err != nil && status.Code(err) != codes.Canceled {
                \t\treturn err
                \t}
                \treturn nil
                }
                """;
        assertEquals(List.of("17:TX-02:go-commit-error-filtered", "24:TX-02:go-commit-error-filtered",
                        "31:TX-02:go-commit-error-filtered", "43:TX-02:go-commit-error-filtered",
                        "4:TX-02:go-commit-error-filtered", "51:TX-02:go-commit-error-filtered"),
                found("ledger/writer.go", code));
    }

    @Test
    void durable_writes_whose_check_filters_errors_are_reported() {
        String code = """
                package export

                func (e *Exporter) finish(ctx context.Context) error {
                \tif err := e.buf.Flush(); err != nil && !errors.Is(err, os.ErrClosed) {
                \t\treturn err
                \t}
                \tif err := e.file.Sync(); err != nil && ctx.Err() == nil {
                \t\treturn err
                \t}
                \treturn nil
                }

                func (u *Uploader) Put(ctx context.Context, key string, body io.Reader) error {
                \t_, err := u.s3.PutObject(ctx, &s3.PutObjectInput{Bucket: &u.bucket, Key: &key, Body: body})
                \tif err != nil && !errors.Is(err, context.Canceled) {
                \t\treturn fmt.Errorf("put %s: %w", key, err)
                \t}
                \treturn nil
                }

                func (p *Publisher) Emit(ctx context.Context, subject string, data []byte) error {
                \tif _, err := p.js.Publish(ctx, subject, data); err != nil && !errors.Is(err, nats.ErrConnectionClosed) {
                \t\treturn err
                \t}
                \treturn nil
                }

                func (s *Service) Rename(ctx context.Context, id int, name string) error {
                \tif _, err := s.client.User.UpdateOneID(id).SetName(name).Save(ctx); err != nil && !isCanceled(err) {
                \t\treturn err
                \t}
                \treturn nil
                }
                """;
        assertEquals(List.of("15:ERR-01:go-write-error-filtered", "22:ERR-01:go-write-error-filtered",
                        "29:ERR-01:go-write-error-filtered", "4:ERR-01:go-write-error-filtered",
                        "7:ERR-01:go-write-error-filtered"),
                found("export/exporter.go", code));
    }

    @Test
    void filters_that_are_the_idiom_and_unfiltered_checks_are_not_reported() {
        String code = """
                package store

                func (t Tx) Rollback(ctx context.Context) error {
                \tif err := t.tx.Rollback(ctx); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
                \t\treturn err
                \t}
                \treturn nil
                }

                func (s *Store) Find(ctx context.Context, id int64) (*User, error) {
                \tvar u User
                \terr := s.db.QueryRowContext(ctx, findUser, id).Scan(&u.ID, &u.Name)
                \tif err != nil && err != sql.ErrNoRows {
                \t\treturn nil, err
                \t}
                \treturn &u, nil
                }

                func drain(r *bufio.Reader) error {
                \tfor {
                \t\tif _, err := r.ReadString('\\n'); err != nil && err != io.EOF {
                \t\t\treturn err
                \t\t}
                \t}
                }

                func (s *Server) Run(ctx context.Context) error {
                \tif err := s.http.Serve(s.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
                \t\treturn err
                \t}
                \tif err := s.ln.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
                \t\treturn err
                \t}
                \tif err := os.Remove(s.pidFile); err != nil && !os.IsNotExist(err) {
                \t\treturn err
                \t}
                \treturn nil
                }

                func (s *Store) Save(ctx context.Context, tx *sql.Tx) error {
                \tif err := tx.Commit(); err != nil {
                \t\treturn fmt.Errorf("commit: %w", err)
                \t}
                \tif err := s.buf.Flush(); err != nil {
                \t\treturn err
                \t}
                \treturn nil
                }
                """;
        assertEquals(List.of(), found("store/store.go", code));
    }
}
