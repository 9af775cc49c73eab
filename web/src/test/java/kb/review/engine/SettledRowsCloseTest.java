package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TX-02 for a database/sql result set's {@code _ = rows.Close()} written as a plain statement (precision set 13, FC).
 * TX-02 asks that the errors saying whether the data was written or read be checked: Begin, Exec, Commit, a Close
 * whose failure the caller must hear of. When the read's outcome is already settled, the Close's error says nothing
 * more: on an exit that returns the Scan's or {@code rows.Err()}'s error the caller hears the first failure, and once
 * {@code rows.Err()} has been checked the loop ran to the end (database/sql then closes the rows itself). A result set
 * closed with its error dropped before anything checked its read, and a transaction's dropped Commit, stay reported.
 * The code is written for this test.
 */
class SettledRowsCloseTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(PrecisionSet12ErrClassesTest.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("TX-02")).map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    @Test
    void closes_on_error_exits_and_after_the_read_is_checked_are_not_reported() {
        String code = """
                package migrate

                import (
                \t"context"
                \t"database/sql"
                )

                func lowerNames(ctx context.Context, tx *sql.Tx) ([]string, error) {
                \trows, err := tx.QueryContext(ctx, "SELECT name FROM artist")
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \tvar names []string
                \tfor rows.Next() {
                \t\tvar n string
                \t\tif err := rows.Scan(&n); err != nil {
                \t\t\t_ = rows.Close()
                \t\t\treturn nil, err
                \t\t}
                \t\tnames = append(names, n)
                \t}
                \tif err := rows.Err(); err != nil {
                \t\t_ = rows.Close()
                \t\treturn nil, err
                \t}
                \t_ = rows.Close()
                \treturn names, nil
                }
                """;
        assertEquals(List.of(), found("migrate/names.go", code));
    }

    @Test
    void a_close_before_the_read_is_checked_and_a_dropped_commit_are_still_reported() {
        String code = """
                package migrate

                import (
                \t"context"
                \t"database/sql"
                )

                func firstName(ctx context.Context, tx *sql.Tx) (string, error) {
                \trows, err := tx.QueryContext(ctx, "SELECT name FROM artist LIMIT 1")
                \tif err != nil {
                \t\treturn "", err
                \t}
                \tvar n string
                \tif rows.Next() {
                \t\t_ = rows.Scan(&n)
                \t}
                \t_ = rows.Close()
                \t_ = tx.Commit()
                \treturn n, nil
                }
                """;
        assertEquals(List.of("migrate/first.go:17", "migrate/first.go:18"), found("migrate/first.go", code));
    }
}
