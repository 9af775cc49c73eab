package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go transaction handles of database/sql, sqlx, pgx, gorm and ent under the same TX rules (round 18's go-16, go-33
 * and go-40 stand for the classes; none of their code is here). TX-02: "Return tx.Commit()'s error, not nil" and
 * "never write tx, _ :=" hold when the commit's error goes into a variable nothing reads, and when gorm's Begin
 * (which reports failure in the handle's Error field) is never checked. TX-01: "begin, arrange the rollback
 * immediately"; an edit that deletes the deferred call handing the transaction to a helper that ends it deletes that
 * arrangement. Each class has variants over the library, the names and the layout, and clean look-alikes.
 */
class GoTransactionHandlesTest {

    private static List<String> found(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item))
                .map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    /** The lines of the item's findings, whatever rule (the lifecycle analysis or the deleted-release check) made them. */
    private static List<Integer> lines(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item)).map(f -> f.line())
                .distinct().sorted().toList();
    }

    @Test
    void a_commit_error_stored_and_not_returned_is_reported_for_each_library() {
        String code = """
                package repo

                func (r *Repo) Move(ctx context.Context, from, to int64) error {
                \ttx, err := r.db.BeginTx(ctx, nil)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer tx.Rollback()
                \tif _, err = tx.ExecContext(ctx, moveSQL, from, to); err != nil {
                \t\treturn err
                \t}
                \terr = tx.Commit()
                \treturn nil
                }

                func (r *Repo) Insert(ctx context.Context, row Row) (int64, error) {
                \ttxn, err := r.pool.Begin(ctx)
                \tif err != nil {
                \t\treturn 0, err
                \t}
                \tdefer txn.Rollback(ctx)
                \tvar id int64
                \tif err := txn.QueryRow(ctx, insertSQL, row.Name).Scan(&id); err != nil {
                \t\treturn 0, err
                \t}
                \terr = txn.Commit(ctx)
                \tr.log.Info("row stored", "id", id)
                \treturn id, nil
                }

                func archive(orm *gorm.DB, ids []int64) error {
                \ttx := orm.Begin()
                \tif tx.Error != nil {
                \t\treturn tx.Error
                \t}
                \terr := tx.Where("id IN ?", ids).Delete(&Job{}).Error
                \tif err != nil {
                \t\ttx.Rollback()
                \t\treturn err
                \t}
                \terr = tx.Commit().Error
                \treturn nil
                }
                """;
        assertEquals(List.of("12:go-commit-error-overwritten", "26:go-commit-error-overwritten",
                "41:go-commit-error-overwritten"), found(GoNewFileDiffs.newFile("repo/move.go", code), "TX-02"));
    }

    @Test
    void a_commit_error_returned_checked_or_kept_in_a_named_result_is_not_reported() {
        String code = """
                package repo

                func (r *Repo) A(ctx context.Context) error {
                \ttx, err := r.db.Begin()
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer tx.Rollback()
                \terr = tx.Commit()
                \treturn err
                }

                func (r *Repo) B(ctx context.Context) error {
                \ttx, err := r.db.Begin()
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer tx.Rollback()
                \terr = tx.Commit()
                \tif err != nil {
                \t\treturn fmt.Errorf("commit: %w", err)
                \t}
                \treturn nil
                }

                func (r *Repo) C(ctx context.Context) (err error) {
                \ttx, err := r.db.Begin()
                \tif err != nil {
                \t\treturn
                \t}
                \tdefer tx.Rollback()
                \terr = tx.Commit()
                \treturn
                }

                func (r *Repo) D(ctx context.Context) (n int, err error) {
                \ttx, err := r.db.Begin()
                \tif err != nil {
                \t\treturn 0, err
                \t}
                \tdefer func() {
                \t\tif err == nil {
                \t\t\terr = tx.Commit()
                \t\t}
                \t}()
                \treturn r.count(tx), nil
                }
                """;
        assertEquals(List.of(), found(GoNewFileDiffs.newFile("repo/ok.go", code), "TX-02"));
    }

    @Test
    void a_gorm_begin_whose_error_field_is_never_read_is_reported() {
        String code = """
                package dao

                func (d *Dao) Rename(ctx context.Context, u *User, name string) error {
                \ttx := d.db.WithContext(ctx).Begin()
                \tif err := tx.Model(u).Update("name", name).Error; err != nil {
                \t\ttx.Rollback()
                \t\treturn err
                \t}
                \treturn tx.Commit().Error
                }

                func save(conn *gorm.DB, rows []Row) error {
                \tvar t *gorm.DB
                \tt = conn.Begin(&sql.TxOptions{Isolation: sql.LevelSerializable})
                \tfor _, r := range rows {
                \t\tif err := t.Create(&r).Error; err != nil {
                \t\t\tt.Rollback()
                \t\t\treturn err
                \t\t}
                \t}
                \treturn t.Commit().Error
                }
                """;
        assertEquals(List.of("14:go-gorm-begin-error-unchecked", "4:go-gorm-begin-error-unchecked"),
                found(GoNewFileDiffs.newFile("dao/user.go", code), "TX-02"));
    }

    @Test
    void a_checked_gorm_begin_and_other_begins_are_not_reported() {
        String code = """
                package dao

                func (d *Dao) A(u *User) error {
                \ttx := d.db.Begin()
                \tif tx.Error != nil {
                \t\treturn tx.Error
                \t}
                \tif err := tx.Save(u).Error; err != nil {
                \t\ttx.Rollback()
                \t\treturn err
                \t}
                \treturn tx.Commit().Error
                }

                func (d *Dao) B(u *User) error {
                \ttx := d.db.Begin()
                \tdefer func() {
                \t\tif r := recover(); r != nil {
                \t\t\ttx.Rollback()
                \t\t}
                \t}()
                \tif err := tx.Error; err != nil {
                \t\treturn err
                \t}
                \tif err := tx.Create(u).Error; err != nil {
                \t\ttx.Rollback()
                \t\treturn err
                \t}
                \treturn tx.Commit().Error
                }

                func (d *Dao) C(s *xorm.Session) error {
                \terr := s.Begin()
                \tif err != nil {
                \t\treturn err
                \t}
                \treturn s.Commit()
                }

                func (d *Dao) D() *gorm.DB {
                \ttx := d.db.Begin()
                \treturn tx
                }
                """;
        assertEquals(List.of(), found(GoNewFileDiffs.newFile("dao/ok.go", code), "TX-02"));
    }

    @Test
    void an_edit_deleting_the_deferred_helper_that_ends_a_transaction_is_reported() {
        String pgx = GoLostWritesTest.edit("db/accounts.go", "func (s *Store) Close(ctx context.Context, id int) error {",
                "\ttx, err := s.pool.Begin(ctx)",
                "\tif err != nil {",
                "\t\treturn err",
                "\t}",
                "-\tdefer txutil.Rollback(ctx, tx)",
                "\tif _, err := tx.Exec(ctx, closeSQL, id); err != nil {",
                "\t\treturn err");
        assertEquals(List.of(20), lines(pgx, "TX-01"));
        String sqlx = GoLostWritesTest.edit("db/orders.go", "func (s *Store) Place(o Order) (err error) {",
                "\ttxn, err := s.db.Beginx()",
                "\tif err != nil {",
                "\t\treturn fmt.Errorf(\"begin: %w\", err)",
                "\t}",
                "-\tdefer finish(&err, txn)",
                "\tif _, err = txn.NamedExec(insertOrder, o); err != nil {",
                "\t\treturn err");
        assertEquals(List.of(20), lines(sqlx, "TX-01"));
        String ent = GoLostWritesTest.edit("db/teams.go", "func (s *Svc) Join(ctx context.Context, u, t int) error {",
                "\ttx, err := s.client.Tx(ctx)",
                "\tif err != nil {",
                "\t\treturn err",
                "\t}",
                "-\tdefer s.rollbackUnlessCommitted(tx)",
                "\tif err := tx.Member.Create().SetUser(u).SetTeam(t).Exec(ctx); err != nil {",
                "\t\treturn err");
        assertEquals(List.of(20), lines(ent, "TX-01"));
    }

    @Test
    void an_edit_that_ends_the_transaction_another_way_or_deletes_another_deferred_call_is_not_reported() {
        String replaced = GoLostWritesTest.edit("db/accounts.go", "func (s *Store) Close(ctx context.Context, id int) error {",
                "\ttx, err := s.pool.Begin(ctx)",
                "\tif err != nil {",
                "\t\treturn err",
                "\t}",
                "-\tdefer txutil.Rollback(ctx, tx)",
                "+\tdefer tx.Rollback(ctx) //nolint:errcheck // a no-op after Commit",
                "\tif _, err := tx.Exec(ctx, closeSQL, id); err != nil {",
                "\t\treturn err");
        assertEquals(List.of(), lines(replaced, "TX-01"));
        String explicit = GoLostWritesTest.edit("db/orders.go", "func (s *Store) Place(o Order) error {",
                "\ttxn, err := s.db.Beginx()",
                "\tif err != nil {",
                "\t\treturn err",
                "\t}",
                "-\tdefer finish(txn)",
                "\tif _, err = txn.NamedExec(insertOrder, o); err != nil {",
                "+\t\t_ = txn.Rollback()",
                "\t\treturn err");
        assertEquals(List.of(), lines(explicit, "TX-01"));
        String other = GoLostWritesTest.edit("db/orders.go", "func (s *Store) Watch(ctx context.Context) error {",
                "\ttx, err := s.db.BeginTx(ctx, nil)",
                "\tif err != nil {",
                "\t\treturn err",
                "\t}",
                "\tdefer tx.Rollback()",
                "-\tdefer close(s.done)",
                "\treturn tx.Commit()");
        assertEquals(List.of(), lines(other, "TX-01"));
    }
}
