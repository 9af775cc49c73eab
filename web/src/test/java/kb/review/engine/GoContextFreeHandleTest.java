package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TMO-02 for ORM handles that carry no context (models/go-handles-21.yaml): gorm runs a chain with the caller's
 * context only when it starts on {@code db.WithContext(ctx)}; a chain started on the bare handle inside a function
 * that was given the request's context ({@code h.db.Transaction(fn)}, {@code s.db.Where(...).First(&u)}) queries
 * with none, so the request's deadline and cancellation never reach the database. That is the item's "propagate
 * the caller's context to every downstream call". The same calls on a {@code WithContext} session, and in a function
 * that has no caller's context to hand on, are not reported. The code is written for this test.
 */
class GoContextFreeHandleTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(PrecisionSet12ErrClassesTest.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("TMO-02")).map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    private static final String HANDLER = """
            package billing

            import (
            \t"net/http"

            \t"gorm.io/gorm"
            )

            type InvoiceHandler struct {
            \tdb *gorm.DB
            }

            func (h *InvoiceHandler) Void(w http.ResponseWriter, r *http.Request) {
            \tid := r.URL.Query().Get("id")
            \terr := HANDLE.Transaction(func(tx *gorm.DB) error {
            \t\treturn tx.Model(&Invoice{}).Where("id = ?", id).Update("state", "void").Error
            \t})
            \tif err != nil {
            \t\thttp.Error(w, err.Error(), http.StatusInternalServerError)
            \t}
            }

            func (h *InvoiceHandler) lookup(ctx context.Context, id string) (*Invoice, error) {
            \tvar inv Invoice
            \tif err := LOOKUP.Where("id = ?", id).First(&inv).Error; err != nil {
            \t\treturn nil, err
            \t}
            \treturn &inv, nil
            }
            """;

    @Test
    void gorm_chains_started_on_the_bare_handle_in_a_request_path_are_reported() {
        String code = HANDLER.replace("HANDLE", "h.db").replace("LOOKUP", "h.db");
        assertEquals(List.of("billing/invoices.go:15", "billing/invoices.go:25"), found("billing/invoices.go", code));
    }

    @Test
    void gorm_chains_started_on_a_session_with_the_callers_context_are_not_reported() {
        String code = HANDLER.replace("HANDLE", "h.db.WithContext(r.Context())").replace("LOOKUP", "h.db.WithContext(ctx)");
        assertEquals(List.of(), found("billing/invoices.go", code));
    }

    @Test
    void a_gorm_call_in_a_function_without_a_callers_context_is_not_reported() {
        String code = """
                package billing

                func migrateStates(db *gorm.DB) error {
                \treturn db.Transaction(func(tx *gorm.DB) error {
                \t\treturn tx.Exec("UPDATE invoices SET state = 'open' WHERE state = ''").Error
                \t})
                }
                """;
        assertEquals(List.of(), found("billing/migrate.go", code));
    }
}
