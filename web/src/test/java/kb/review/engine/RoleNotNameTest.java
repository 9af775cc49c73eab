package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An error, a context or a transaction is what it is because of how the code got it (the call that returned it, its
 * declared type, the parameter's type), whatever the author called it: the metamorphic harness's role renames
 * ({@code metamorphic/README.md}, branch robust15) showed rules that knew them as {@code err}, {@code ctx} and
 * {@code tx} only. Each pair is our own code: the defect under another name, and its clean look-alike of the same
 * shape.
 */
class RoleNotNameTest {

    static String java(String path, String body) {
        String[] lines = body.split("\n", -1);
        int n = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        StringBuilder sb = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," + n + " @@\n");
        for (int i = 0; i < n; i++) {
            sb.append('+').append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    // --- LOG-01: a log on the failure branch runs when an item fails, not on every turn (checklist: "logging on
    // every iteration"); the failure is the call's last result in Go and an exception in Java, whatever its name

    private static final String PUSH = """
            import "log"

            func PushAll(items []Item) int {
            	total := 0
            	for _, it := range items {
            		n, cause := push(it)
            		if TEST != nil {
            			log.Printf("push %s: %v", it.ID, cause)
            			continue
            		}
            		total += n
            	}
            	return total
            }
            """;

    @Test
    void a_log_under_a_go_error_test_is_rare_whatever_the_error_is_called() {
        assertEquals(List.of(), item(file("sync/push.go", PUSH.replace("TEST", "cause")), "LOG-01"));
        String shortName = PUSH.replace("n, cause", "n, e").replace("TEST", "e").replace("it.ID, cause", "it.ID, e");
        assertEquals(List.of(), item(file("sync/push.go", shortName), "LOG-01"));
        String initialised = PUSH.replace("\t\tn, cause := push(it)\n", "\t\tn := 0\n")
                .replace("if TEST != nil", "if cause := send(it); cause != nil");
        assertEquals(List.of(), item(file("sync/push.go", initialised), "LOG-01"));
    }

    @Test
    void a_log_under_a_nil_test_of_an_item_is_still_every_turn() {
        String parent = PUSH.replace("n, cause := push(it)", "n, owner := it.Size, it.Owner")
                .replace("TEST", "owner").replace("it.ID, cause", "it.ID, owner");
        assertEquals(List.of("10:go-log-in-loop"), item(file("sync/push.go", parent), "LOG-01"));
    }

    private static final String JOBS = """
            package a;

            class Jobs {
                void report(java.util.List<Job> jobs) {
                    for (Job j : jobs) {
                        DECL
                        if (x != null) {
                            log.warn("job {} failed", j.id(), x);
                        }
                    }
                }
            }
            """;

    @Test
    void a_java_log_under_an_exception_test_is_rare_and_under_another_nil_test_is_not() {
        String failed = java("src/main/java/a/Jobs.java", JOBS.replace("DECL", "Throwable x = j.failure();"));
        assertEquals(List.of(), item(failed, "LOG-01"));
        String owned = java("src/main/java/a/Jobs.java", JOBS.replace("DECL", "Owner x = j.owner();"));
        assertEquals(List.of("8:java-log-in-loop"), item(owned, "LOG-01"));
    }

    // --- CONC-05: a single sleep in a function given a framework context, whatever the parameter is called
    // (checklist: honour the context's cancellation instead of sleeping)

    private static final String SLEEP = """
            import (
            	"time"

            	"github.com/dolthub/go-mysql-server/sql"
            )

            func (f *Pause) Eval(c *sql.Context, row sql.Row) (interface{}, error) {
            	WAIT
            	return nil, nil
            }
            """;

    @Test
    void a_sleep_in_a_function_given_a_framework_context_is_found_whatever_its_name() {
        assertEquals(List.of("10:go-single-sleep-ignores-context"),
                item(file("fn/pause.go", SLEEP.replace("WAIT", "time.Sleep(f.d)")), "CONC-05"));
        String waits = SLEEP.replace("WAIT", "select {\n\tcase <-c.Done():\n\t\treturn nil, c.Err()\n"
                + "\tcase <-time.After(f.d):\n\t}");
        assertEquals(List.of(), item(file("fn/pause.go", waits), "CONC-05"));
    }

    // --- TX-02: a commit's error is the transaction's outcome (checklist: check the commit), known by the
    // Begin that returned the transaction, not by a receiver called tx

    private static final String TRANSFER = """
            import "database/sql"

            func Transfer(db *sql.DB, from, to int64) error {
            	NAME, err := db.Begin()
            	if err != nil {
            		return err
            	}
            	defer NAME.Rollback()
            	if _, err := NAME.Exec("UPDATE acct SET n = n - 1 WHERE id = ?", from); err != nil {
            		return err
            	}
            	END
            }
            """;

    @Test
    void an_unchecked_commit_is_found_on_a_transaction_known_by_its_begin() {
        for (String name : List.of("t", "session")) {
            String dropped = TRANSFER.replace("END", "NAME.Commit()\n\treturn nil").replace("NAME", name);
            assertEquals(List.of("14:go-db-error-ignored"), item(file("bank/transfer.go", dropped), "TX-02"), name);
            String returned = TRANSFER.replace("END", "return NAME.Commit()").replace("NAME", name);
            assertEquals(List.of(), item(file("bank/transfer.go", returned), "TX-02"), name);
        }
    }

    private static final String SAVE = """
            package a;

            class Orders {
                void save(javax.persistence.EntityManager em, Order o) {
                    var work = em.getTransaction();
                    work.begin();
                    try {
                        em.persist(o);
                        work.commit();
                    } catch (RuntimeException failure) {
                        HANDLE
                    }
                }
            }
            """;

    @Test
    void a_swallowed_commit_is_found_on_a_transaction_known_by_the_call_that_returned_it() {
        String swallowed = java("src/main/java/a/Orders.java", SAVE.replace("HANDLE", "log.warn(\"save\", failure);"));
        assertEquals(List.of("10:java-commit-failure-swallowed-typed"), item(swallowed, "TX-02"));
        String rolledBack = java("src/main/java/a/Orders.java",
                SAVE.replace("HANDLE", "work.rollback();\n            throw failure;"));
        assertEquals(List.of(), item(rolledBack, "TX-02"));
    }

    // --- TMO-01: coder's websocket.Dial takes a context first and is bounded by it; x/net's Dial(url, protocol,
    // origin) has no timeout (checklist: every dial has a timeout). The context is known by its type.

    private static final String DIAL = """
            import (
            	"context"

            	"nhooyr.io/websocket"
            )

            func Connect(parent context.Context, u string) (*websocket.Conn, error) {
            	DIAL
            	return c, err
            }
            """;

    @Test
    void a_dial_given_a_context_under_another_name_is_bounded_and_the_old_api_is_not() {
        String bounded = DIAL.replace("DIAL", "c, _, err := websocket.Dial(parent, u, nil)");
        assertEquals(List.of(), item(file("ws/connect.go", bounded), "TMO-01"));
        String derived = DIAL.replace("DIAL", "reqCtx := context.WithValue(parent, key{}, 1)\n"
                + "\tc, _, err := websocket.Dial(reqCtx, u, nil)");
        assertEquals(List.of(), item(file("ws/connect.go", derived), "TMO-01"));
        String unbounded = DIAL.replace("nhooyr.io/websocket", "golang.org/x/net/websocket")
                .replace("DIAL", "c, err := websocket.Dial(u, \"\", \"http://localhost/\")");
        assertEquals(List.of("10:go-dial-no-timeout"), item(file("ws/connect.go", unbounded), "TMO-01"));
    }

    // --- RES-01: literal text is no code. A ticker in a package variable is the package's duty when the package
    // stops it somewhere; a message that says "ticker.Stop()" stops nothing (checklist: every acquired resource is
    // released)

    private static final String TICKER = """
            import (
            	"log"
            	"time"
            )

            var ticker *time.Ticker

            func Start(d time.Duration) {
            	ticker = time.NewTicker(d)
            }

            func Stop() {
            	STOP
            }
            """;

    @Test
    void a_release_written_in_a_message_or_a_comment_releases_nothing() {
        String said = file("beat/beat.go", TICKER.replace("STOP", "log.Print(\"ticker.Stop() is left to the runtime\")"));
        String commented = file("beat/beat.go", TICKER.replace("STOP", "// ticker.Stop() is left to the runtime"));
        List<String> leak = item(said, "RES-01");
        assertEquals(1, leak.size(), leak.toString());
        assertEquals(leak, item(commented, "RES-01"));
        assertEquals(List.of(), item(file("beat/beat.go", TICKER.replace("STOP", "ticker.Stop()")), "RES-01"));
    }

    // --- CONC-07: a periodic loop whose turn returns the error of its run stops every later tick (checklist: one
    // failed run must not end the schedule); the error is the value the if's initializer got from the run and
    // hands back, whatever it is called. A nil test of another value that returns nothing of it is no error check.

    private static final String SWEEP = """
            import (
            	"context"
            	"time"
            )

            func (w *Sweeper) Run(ctx context.Context) error {
            	ticker := time.NewTicker(w.every)
            	defer ticker.Stop()
            	for {
            		select {
            		case <-ctx.Done():
            			return ctx.Err()
            		case <-ticker.C:
            			CHECK
            		}
            	}
            }
            """;

    @Test
    void a_tick_that_returns_its_runs_error_is_found_whatever_the_error_is_called() {
        String returns = SWEEP.replace("CHECK", "if failure := w.sweep(ctx); failure != nil {\n"
                + "\t\t\t\treturn failure\n\t\t\t}");
        assertEquals(1, item(file("gc/sweep.go", returns), "CONC-07").size());
        String stops = SWEEP.replace("CHECK", "if next := w.queue.Peek(); next != nil {\n"
                + "\t\t\t\treturn nil\n\t\t\t}");
        assertEquals(List.of(), item(file("gc/sweep.go", stops), "CONC-07"));
    }

    // --- TMO-02: a downstream call given a context the function derived from its own (checklist: every downstream
    // call takes the caller's context) keeps it, whatever the derived context is called; a fresh root does not

    private static final String PURGE = """
            import (
            	"context"

            	"github.com/jackc/pgx/v5"
            )

            func Purge(parent context.Context, tx pgx.Tx, id int64) error {
            	reqCtx := context.WithValue(parent, traceKey{}, id)
            	_, err := tx.Exec(CTX, "DELETE FROM tags WHERE item = $1", id)
            	return err
            }
            """;

    @Test
    void a_call_given_a_derived_context_keeps_the_callers_context_and_a_fresh_root_drops_it() {
        assertEquals(List.of(), item(file("repo/purge.go", PURGE.replace("CTX", "reqCtx")), "TMO-02"));
        List<String> dropped = item(file("repo/purge.go", PURGE.replace("CTX", "context.Background()")), "TMO-02");
        assertEquals(1, dropped.size(), dropped.toString());
    }
}
