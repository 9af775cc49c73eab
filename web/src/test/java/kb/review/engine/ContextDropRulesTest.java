package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The TMO-02 context-dropped rule end to end: where a caller's context exists and which calls drop it. */
class ContextDropRulesTest {

    private static List<Finding> found(String content) {
        return TestRules.reviewDiff(newFile("svc/s.go", content)).active().stream()
                .filter(f -> f.rule().equals("go-context-not-propagated")).toList();
    }

    @Test
    void a_fresh_context_and_a_context_free_query_are_reported_with_the_call_to_use_instead() {
        List<Finding> f = found("""
                package svc

                func (s *S) Load(ctx context.Context, db *sql.DB) error {
                \trows, err := db.Query("SELECT 1")
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer rows.Close()
                \treturn s.next(context.TODO())
                }
                """);
        assertEquals(List.of(4, 9), f.stream().map(Finding::line).toList());
        assertTrue(f.get(0).flowSummary().contains("use QueryContext(ctx, ...)"), f.get(0).flowSummary());
        assertTrue(f.get(1).flowSummary().contains("drops the caller's context `ctx`"), f.get(1).flowSummary());
    }

    @Test
    void a_handler_reaches_its_context_through_the_request_and_closures_inherit_it() {
        List<Finding> f = found("""
                package svc

                func (h *H) Get(w http.ResponseWriter, r *http.Request) {
                \th.each(func(id string) {
                \t\treq, _ := http.NewRequest("GET", h.url+id, nil)
                \t\th.send(req)
                \t})
                }
                """);
        assertEquals(List.of(5), f.stream().map(Finding::line).toList());
        assertTrue(f.get(0).flowSummary().contains("NewRequestWithContext(r.Context(), ...)"), f.get(0).flowSummary());
    }

    @Test
    void functions_without_a_context_go_and_defer_code_and_calls_given_the_context_are_not_reported() {
        assertEquals(List.of(), found("""
                package svc

                func main() {
                \trun(context.Background())
                }

                func (s *S) Handle(ctx context.Context, conn *pgx.Conn) error {
                \tgo s.audit(context.Background())
                \tdefer s.flush(context.Background())
                \t_, err := conn.Exec(ctx, "SELECT 1")
                \treturn err
                }
                """));
    }
}
