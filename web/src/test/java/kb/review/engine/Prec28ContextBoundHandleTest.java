package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 28 (prec28), set 20's AO: TMO-02 on a gorm handle the function made by a call it gave the caller's context
 * ({@code db := r.DB(ctx)}, an accessor that returns {@code database.WithContext(ctx)}). The handle carries the
 * caller's context, so its chains and transactions are not reported. Handles made without the context (a bare
 * accessor, a field, a call given another value or a fresh background context) still are.
 */
class Prec28ContextBoundHandleTest {

    private static List<Integer> found(String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile("api/resolvers.go", code)).active().stream()
                .filter(f -> f.item().equals("TMO-02")).map(f -> f.line()).sorted().toList();
    }

    @Test
    void handles_made_without_the_callers_context_are_still_reported() {
        String code = """
                package api

                type Resolver struct {
                \tdatabase *gorm.DB
                }

                func (r *Resolver) Plain() *gorm.DB { return r.database }

                func (r *Resolver) Rename(ctx context.Context, id int, name string) error {
                \tvar db *gorm.DB = r.Plain()
                \treturn db.Model(&Album{}).Where("id = ?", id).Update("title", name).Error
                }

                func (r *Resolver) Merge(ctx context.Context, a, b int) error {
                \tvar store *gorm.DB = r.database
                \treturn store.Transaction(func(tx *gorm.DB) error { return tx.Delete(&Group{}, b).Error })
                }

                func (r *Resolver) Tag(ctx context.Context, id int) error {
                \tvar h *gorm.DB = r.scoped(id)
                \treturn h.Create(&Tag{MediaID: id}).Error
                }

                func (r *Resolver) Purge(ctx context.Context, ids []int) error {
                \tvar q *gorm.DB = r.withTimeout(context.Background())
                \treturn q.Where("id IN ?", ids).Delete(&Media{}).Error
                }

                func (r *Resolver) Count(ctx context.Context) (int64, error) {
                \tvar n int64
                \tvar conn *gorm.DB = r.database
                \treturn n, conn.Model(&Media{}).Count(&n).Error
                }
                """;
        assertEquals(List.of(11, 16, 21, 25, 26, 32), found(code)); // 25: the fresh background context itself
    }

    @Test
    void handles_made_by_a_call_given_the_callers_context_are_not() {
        String code = """
                package api

                type Resolver struct {
                \tdatabase *gorm.DB
                }

                func (r *Resolver) DB(ctx context.Context) *gorm.DB { return r.database.WithContext(ctx) }

                func (r *Resolver) Combine(ctx context.Context, a, b int) error {
                \tdb := r.DB(ctx)
                \treturn db.Transaction(func(tx *gorm.DB) error {
                \t\treturn tx.Model(&Face{}).Where("group_id = ?", b).Update("group_id", a).Error
                \t})
                }

                func (r *Resolver) Share(ctx context.Context, id int) error {
                \tvar store *gorm.DB = scopedStore(r, ctx)
                \treturn store.Create(&Share{MediaID: id}).Error
                }

                func (r *Resolver) Forget(ctx context.Context, user int) error {
                \tsession, release := r.pool.Acquire(user, ctx)
                \tdefer release()
                \treturn session.Where("owner = ?", user).Delete(&Token{}).Error
                }
                """;
        assertEquals(List.of(), found(code));
    }
}
