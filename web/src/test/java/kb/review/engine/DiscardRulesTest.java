package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The TX-02 rules end to end: which database errors count as discarded, by result count and receiver type. */
class DiscardRulesTest {

    private static List<String> found(String content) {
        return TestRules.reviewDiff(newFile("store/s.go", content)).active().stream()
                .filter(f -> f.item().equals("TX-02")).map(f -> f.line() + ":" + f.rule() + ":" + f.confidence())
                .toList();
    }

    @Test
    void blank_errors_and_dropped_results_are_found_but_defer_and_checked_calls_are_not() {
        assertEquals(List.of("5:go-db-error-discarded:HIGH", "6:go-db-error-ignored:HIGH",
                "10:go-db-error-discarded:HIGH"), found("""
                package store

                func save(db *sql.DB, tx *sql.Tx) error {
                \tdefer tx.Rollback()
                \tres, _ := tx.Exec("UPDATE t SET a = 1")
                \ttx.Commit()
                \tif _, err := db.Exec("UPDATE t SET b = 1"); err != nil {
                \t\treturn err
                \t}
                \t_ = db.Close()
                \tuse(res)
                \treturn tx.Commit()
                }
                """));
    }

    @Test
    void an_assignment_that_does_not_fit_the_calls_result_count_is_not_taken_for_it() {
        // Commit returns one result: 'a, _ := x.Commit()' is some other Commit (a VCS, a custom store)
        assertEquals(List.of(), found("""
                package store

                func push(repo *Repo) {
                \thash, _ := repo.Commit("msg")
                \tlog(hash)
                }
                """));
    }

    @Test
    void a_receiver_whose_declared_type_is_not_a_database_type_is_not_reported_and_a_name_match_is() {
        // a name match no longer lowers confidence (Hit.calibrated): on real code it was right as often as a typed one
        assertEquals(List.of("9:go-db-error-ignored:HIGH"), found("""
                package store

                type Shell struct{}

                func (s *Shell) Exec(c string) (string, error) { return "", nil }

                func run(sh *Shell, s *Server) {
                \tsh.Exec("ls")
                \ts.tx.Commit()
                }
                """));
    }

    @Test
    void a_helper_that_returns_a_database_error_is_reported_when_called_as_a_statement() {
        assertEquals(List.of("9:go-db-error-ignored:HIGH"), found("""
                package store

                func touch(db *sql.DB, id int) error {
                \t_, err := db.Exec("UPDATE t SET at = now() WHERE id = $1", id)
                \treturn err
                }

                func touchAll(db *sql.DB) {
                \ttouch(db, 1)
                }
                """));
    }
}
