package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static kb.review.engine.RoleNotNameTest.java;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kb.review.analysis.GoErrors;
import org.junit.jupiter.api.Test;

/**
 * The review reads code, not names: a value is what the call that made it or its declared type says, and a name
 * written inside a string literal or a comment is no use of it. The metamorphic harness's new transforms
 * ({@code metamorphic/README.md}, branch robust16: {@code mention-comment}, {@code mention-literal},
 * {@code rename-values}, {@code rename-receivers}) found the places below. Each pair is our own code: the defect
 * and its clean look-alike of the same shape.
 */
class CodeNotNamesTest {

    // --- RES-02 (checklist: "every acquired resource is released on every path"): a release written in a log
    // message releases nothing; the real one does

    private static final String BODY = """
            import (
            	"log"
            	"net/http"
            )

            func Status(u string) (int, error) {
            	resp, err := http.Get(u)
            	if err != nil {
            		return 0, err
            	}
            	RELEASE
            	return resp.StatusCode, nil
            }
            """;

    @Test
    void a_body_close_written_in_a_message_is_still_a_leak_and_the_real_close_is_not() {
        String logged = BODY.replace("RELEASE", "log.Printf(\"resp.Body.Close() is left to the caller\")");
        assertNotEquals(List.of(), item(file("probe/status.go", logged), "RES-02"));
        String closed = BODY.replace("RELEASE", "defer resp.Body.Close()");
        assertEquals(List.of(), item(file("probe/status.go", closed), "RES-02"));
    }

    // --- RES-01 (a deferred release before the error check, checklist: "check the error before using the
    // value"): a comment between them that says err reads nothing; a real check does

    private static final String DEFER = """
            import "os"

            func Size(p string) (int64, error) {
            	f, err := os.Open(p)
            	BETWEEN
            	defer f.Close()
            	st, err := f.Stat()
            	if err != nil {
            		return 0, err
            	}
            	return st.Size(), nil
            }
            """;

    @Test
    void a_comment_that_names_the_error_is_no_check_before_the_defer() {
        String commented = DEFER.replace("BETWEEN", "// err != nil is handled by the caller");
        assertEquals(List.of("8:go-defer-close-before-err-check"), item(file("disk/size.go", commented), "RES-01"));
        String checked = DEFER.replace("BETWEEN", "if err != nil {\n\t\treturn 0, err\n\t}");
        assertEquals(List.of(), item(file("disk/size.go", checked), "RES-01"));
    }

    // --- RES-01, Java (checklist: "closed on every path"): a local initialised from a literal between the
    // acquisition and its try cannot throw, whatever the literal says; a call there can

    private static final String JDBC = """
            package a;

            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class Counts {
                int count(DataSource ds) throws SQLException {
                    Connection c = ds.getConnection();
                    String note = NOTE;
                    try {
                        return c.getAutoCommit() ? 1 : note.length();
                    } finally {
                        c.close();
                    }
                }
            }
            """;

    @Test
    void a_literal_that_reads_like_a_call_cannot_throw_before_the_try() {
        String literal = JDBC.replace("NOTE", "\"c.close() and c.rollback() run in finally\"");
        assertEquals(List.of(), item(java("src/main/java/a/Counts.java", literal), "RES-01"));
        String call = JDBC.replace("NOTE", "label()");
        assertNotEquals(List.of(), item(java("src/main/java/a/Counts.java", call), "RES-01"));
    }

    // --- TX-02 (checklist: "a failed commit is reported"): gorm's single-result Begin returns the transaction,
    // whatever the author calls it; its Commit's error ignored is the defect, checked it is clean

    private static final String GORM = """
            import "gorm.io/gorm"

            func Move(db *gorm.DB, id uint) error {
            	session := db.Begin()
            	if session.Error != nil {
            		return session.Error
            	}
            	if failure := session.Exec("update items set moved = true where id = ?", id).Error; failure != nil {
            		session.Rollback()
            		return failure
            	}
            	COMMIT
            	return nil
            }
            """;

    @Test
    void a_gorm_transaction_under_another_name_still_has_its_commit_checked() {
        assertEquals(List.of("14:go-db-error-ignored"),
                item(file("store/move.go", GORM.replace("COMMIT", "session.Commit()")), "TX-02"));
        assertEquals(List.of(), item(file("store/move.go",
                GORM.replace("COMMIT", "if failure := session.Commit().Error; failure != nil {\n\t\treturn failure\n\t}")),
                "TX-02"));
    }

    // --- The error of a Go call known by what the code does with it (a wrapper's second result, a configuring
    // call's only result, a deleted defer's check: GoWrappers, Timeouts, GoReleases): the check that hands it back,
    // wraps it or stops on it makes it an error; a nil test that hands back a value is no error check

    @Test
    void an_error_is_known_by_the_check_that_hands_it_on_whatever_its_name() {
        assertTrue(GoErrors.holdsError("cause", "func Open(p string) (*R, error) {\n\tr, cause := wrap(f)\n"
                + "\tif cause != nil {\n\t\treturn nil, cause\n\t}\n"));
        assertTrue(GoErrors.holdsError("failure", "func Serve() error {\n\tfailure := limit(srv)\n"
                + "\tif failure != nil {\n\t\treturn failure\n\t}\n"));
        assertTrue(GoErrors.holdsError("problem", "func Run() {\n\tif problem != nil {\n\t\tlog.Fatal(problem)\n"));
        // the look-alikes: a cached value handed back when present, a nil test named only in a message
        assertFalse(GoErrors.holdsError("cfg", "func Load() *Config {\n\tif cfg != nil {\n\t\treturn cfg\n\t}\n"));
        assertFalse(GoErrors.holdsError("closer", "func Open() (*R, func()) {\n\tr, closer := wrap(f)\n"
                + "\tlog.Print(\"if closer != nil { return nil, closer }\")\n\treturn r, closer\n"));
    }

    private static final String SERVER = """
            import (
            	"log"
            	"net/http"
            )

            func Serve(h http.Handler) error {
            	srv := &http.Server{Addr: ":8080", Handler: h}
            	CALL
            	return srv.ListenAndServe()
            }
            """;

    @Test
    void a_server_handed_to_a_call_that_only_returns_an_error_is_configured_there_whatever_the_error_is_called() {
        String configured = SERVER.replace("CALL", "failure := applyLimits(srv)\n\tif failure != nil {\n\t\treturn failure\n\t}");
        assertEquals(List.of(), item(file("web/serve.go", configured), "TMO-01"));
        String described = SERVER.replace("CALL", "label := describe(srv)\n\tlog.Print(label)");
        assertNotEquals(List.of(), item(file("web/serve.go", described), "TMO-01"));
    }
}
