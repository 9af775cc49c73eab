package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TMO-02 on gorm handles known by type, not by name (models/go-handles-21.yaml, analysis/AttachedContexts). gorm runs a
 * chain with the caller's context only when it starts on {@code WithContext(ctx)}: "propagate the caller's context to
 * every downstream call". The handle is gorm's when the code in sight declares it {@code *gorm.DB} (a field, a
 * parameter, a var), or when a Transaction is handed gorm's own callback type, whatever the handle is called. A
 * handle of another type named {@code db}, a transaction's handle (a callback's parameter, a value from Begin or
 * WithContext) and a function without a caller's context are not reported.
 */
class GoGormTypedHandlesTest {

    private static List<Integer> found(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("TMO-02")).map(f -> f.line())
                .sorted().toList();
    }

    @Test
    void chains_on_handles_declared_as_gorm_are_reported_whatever_their_names() {
        String code = """
                package shop

                type Carts struct {
                \tstore *gorm.DB
                }

                func (c *Carts) Get(ctx context.Context, id int64) (*Cart, error) {
                \tvar cart Cart
                \terr := c.store.Where("id = ?", id).First(&cart).Error
                \treturn &cart, err
                }

                func count(ctx context.Context, conn *gorm.DB) (int64, error) {
                \tvar n int64
                \terr := conn.Model(&Cart{}).Count(&n).Error
                \treturn n, err
                }

                func (c *Carts) Empty(w http.ResponseWriter, r *http.Request) {
                \tvar database *gorm.DB = c.store
                \t_ = database.Transaction(func(t *gorm.DB) error {
                \t\treturn t.Where("cart_id = ?", r.URL.Query().Get("id")).Delete(&Item{}).Error
                \t})
                }
                """;
        assertEquals(List.of(9, 15, 21), found(GoNewFileDiffs.newFile("shop/carts.go", code)));
        String edit = GoLostWritesTest.edit("orders/handler.go",
                "func (h *Orders) Place(w http.ResponseWriter, r *http.Request) {",
                "\to := decode(r)",
                "-\terr := h.repo.WithContext(r.Context()).Transaction(func(tx *gorm.DB) error {",
                "+\terr := h.repo.Transaction(func(tx *gorm.DB) error {",
                "\t\treturn tx.Create(&o).Error",
                "\t})");
        assertEquals(List.of(21), found(edit));
    }

    @Test
    void other_types_named_db_transaction_handles_and_context_free_functions_are_not_reported() {
        String code = """
                package shop

                type Repo struct {
                \tdb *Store
                \tgdb *gorm.DB
                }

                func (r *Repo) Get(ctx context.Context, id int64) (*Cart, error) {
                \treturn r.db.First(ctx, id)
                }

                func (r *Repo) Move(ctx context.Context, from, to int64) error {
                \treturn r.gdb.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
                \t\tif err := tx.Model(&Item{}).Where("cart_id = ?", from).Update("cart_id", to).Error; err != nil {
                \t\t\treturn err
                \t\t}
                \t\treturn tx.Where("id = ?", from).Delete(&Cart{}).Error
                \t})
                }

                func (r *Repo) Clear(ctx context.Context, id int64) error {
                \tsess := r.gdb.WithContext(ctx)
                \treturn sess.Where("cart_id = ?", id).Delete(&Item{}).Error
                }

                func (r *Repo) Archive(ctx context.Context, id int64) error {
                \ttx := r.gdb.WithContext(ctx).Begin()
                \tif tx.Error != nil {
                \t\treturn tx.Error
                \t}
                \tif err := tx.Create(&Archived{ID: id}).Error; err != nil {
                \t\ttx.Rollback()
                \t\treturn err
                \t}
                \treturn tx.Commit().Error
                }

                func (r *Repo) Drop(ctx context.Context, id int64) error {
                \treturn r.sessions.New(ctx).Transaction(func(tx *gorm.DB) error {
                \t\treturn tx.Where("id = ?", id).Delete(&Cart{}).Error
                \t})
                }

                func migrate(gdb *gorm.DB) error {
                \treturn gdb.Where("legacy = ?", true).Delete(&Cart{}).Error
                }
                """;
        assertEquals(List.of(), found(GoNewFileDiffs.newFile("shop/repo.go", code)));
    }
}
