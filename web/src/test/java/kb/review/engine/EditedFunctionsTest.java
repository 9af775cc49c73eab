package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edits whose function continues below git's three lines of context. Class: a Go function that may return what it
 * opens (a slice, a struct, a pointer) is cut by the hunk, so a path that falls off the hunk's end has only reached
 * where the diff stops. That is a fair reading for a value the old code already held (its release, if any, is in the
 * unchanged code below), but not for an acquisition the change adds under a name no removed line held: code the
 * change left alone cannot close a value that did not exist. RES-01 ("every acquired resource is released on every
 * path") then asks for a release the review cannot see; it says so at low confidence rather than guess that one
 * exists below. The clean look-alikes: the same acquisition changed in place (its old form removed, so its release
 * may well be below), and the added acquisition with its release added beside it.
 */
class EditedFunctionsTest {

    private static List<String> found(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item))
                .map(f -> f.line() + ":" + f.confidence()).toList();
    }

    private static final String ADDED_QUERY = """
            diff --git a/report/export.go b/report/export.go
            --- a/report/export.go
            +++ b/report/export.go
            @@ -8,6 +8,7 @@ import (
             
             // Export reads every row of query into maps keyed by column name.
             func Export(ctx context.Context, db *sql.DB, query string) ([]map[string]any, error) {
            +	rows, err := db.QueryContext(ctx, query)
             	if err != nil {
             		return nil, fmt.Errorf("export query: %w", err)
             	}
            """;

    @Test
    void an_added_query_whose_close_is_not_in_view_is_reported_at_low_confidence() {
        assertEquals(List.of("11:LOW"), found(ADDED_QUERY, "RES-01"));
    }

    @Test
    void a_query_changed_in_place_keeps_the_release_the_old_code_may_have_below() {
        String changed = ADDED_QUERY.replace("@@ -8,6 +8,7 @@", "@@ -8,7 +8,7 @@")
                .replace("+\trows, err := db.QueryContext(ctx, query)\n",
                        "-\trows, err := db.Query(query)\n+\trows, err := db.QueryContext(ctx, query)\n");
        assertEquals(List.of(), found(changed, "RES-01"));
    }

    @Test
    void an_added_query_with_its_deferred_close_added_too_is_clean() {
        String closed = ADDED_QUERY.replace("@@ -8,6 +8,7 @@", "@@ -8,6 +8,8 @@")
                .replace("+\trows, err := db.QueryContext(ctx, query)\n \tif err != nil {\n"
                        + " \t\treturn nil, fmt.Errorf(\"export query: %w\", err)\n \t}\n",
                        "+\trows, err := db.QueryContext(ctx, query)\n \tif err != nil {\n"
                        + " \t\treturn nil, fmt.Errorf(\"export query: %w\", err)\n \t}\n+\tdefer rows.Close()\n");
        assertEquals(List.of(), found(closed, "RES-01"));
    }
}
