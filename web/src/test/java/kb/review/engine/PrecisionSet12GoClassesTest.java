package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go false classes of the twelfth precision set outside ERR-01 (web/src/test/bench/realfixes/precision-judgments-12.tsv,
 * read after it was judged blind), each next to the true shape of the same item, which must still be found. The code
 * is written for this test in the shape of the judged code.
 *
 * <ul>
 * <li>AV (TMO-01), {@code http.DefaultClient} sending a request the function bounds itself: TMO-01 asks that no call
 * wait on another service without limit, and a request whose context comes from {@code context.WithTimeout} is
 * cancelled at that deadline, as {@code net/http} documents, whatever the client's own {@code Timeout}. The same
 * client on the caller's context ({@code r.Context()}), which carries no deadline the code shows, stays reported.</li>
 * <li>GF (TMO-02), an empty context made in a cleanup closure only for the unlock it hands back to the caller: the
 * unlock must run after the caller's context is cancelled (a cancelled request would otherwise keep the lock held for
 * every later caller), as the cleanup in {@code defer} that the rule already leaves alone. An empty context in the
 * same closure used for other work (a query) stays reported.</li>
 * <li>GG (RES-04, TX-02), a function its author marks {@code //nolint:unused}: the linter found no caller, so the pool
 * it opens per call is never opened; RES-04 speaks of a constructor "in a function that runs per call". The same
 * function without the mark stays reported.</li>
 * <li>BF (LOG-01), one line of counts per page of a cursor scan ({@code SCAN cursor ... COUNT n}, then
 * {@code cursor = next} and a stop on a zero cursor): LOG-01 asks for "one summary line per batch", and a page is the
 * batch. A line in the same loop that serialises every key and value of the page pays for each element whatever the
 * level, and stays reported.</li>
 * <li>GA (MEM-01), {@code uintptr} used only as the type of a size product ({@code used += ElemSize *
 * uintptr(n)}): no pointer is converted or moved on the line, so there is no unsafe memory use to review. A line that
 * offsets a pointer by such a product stays reported.</li>
 * </ul>
 */
class PrecisionSet12GoClassesTest {

    private static List<String> found(String item, String path, String code) {
        return TestRules.reviewDiff(PrecisionSet12ErrClassesTest.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals(item)).map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    @Test
    void the_default_client_sending_a_request_with_a_deadline_of_the_function_is_not_reported() {
        String code = """
                package gateway

                import (
                \t"context"
                \t"io"
                \t"net/http"
                \t"strings"
                \t"time"
                )

                func forwardToken(w http.ResponseWriter, r *http.Request, tokenURL string) {
                \tctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
                \tdefer cancel()
                \treq, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader("x"))
                \tif err != nil {
                \t\treturn
                \t}
                \tresp, err := http.DefaultClient.Do(req)
                \tif err != nil {
                \t\treturn
                \t}
                \tdefer resp.Body.Close()
                \t_, _ = io.Copy(w, resp.Body)
                }

                func metadata(ctx context.Context, url string) (*Doc, error) {
                \tfetchCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
                \tdefer cancel()
                \treturn fetchDoc(fetchCtx, http.DefaultClient, url)
                }
                """;
        assertEquals(List.of(), found("TMO-01", "gateway/token.go", code));
    }

    @Test
    void the_default_client_on_the_callers_context_is_still_reported() {
        String code = """
                package gateway

                import (
                \t"context"
                \t"net/http"
                \t"time"
                )

                func discover(ctx context.Context, url string) (*http.Response, error) {
                \treq, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \treturn http.DefaultClient.Do(req)
                }

                func metadata(ctx context.Context, url string) (*Doc, error) {
                \tpingCtx, cancel := context.WithTimeout(ctx, time.Second)
                \tdefer cancel()
                \t_ = ping(pingCtx)
                \treturn fetchDoc(ctx, http.DefaultClient, url)
                }
                """;
        assertEquals(List.of("gateway/discover.go:14", "gateway/discover.go:21"),
                found("TMO-01", "gateway/discover.go", code));
    }

    @Test
    void an_empty_context_made_only_for_the_unlock_of_a_cleanup_closure_is_not_reported() {
        String code = """
                package migrate

                import (
                \t"context"
                \t"database/sql"
                )

                func (p *Provider) open(ctx context.Context) (*sql.Conn, func() error, error) {
                \tconn, err := p.db.Conn(ctx)
                \tif err != nil {
                \t\treturn nil, nil, err
                \t}
                \tif err := p.locker.SessionLock(ctx, conn); err != nil {
                \t\treturn nil, nil, err
                \t}
                \tcleanup := func() error {
                \t\tdetached := context.Background()
                \t\tif err := p.locker.SessionUnlock(detached, conn); err != nil {
                \t\t\treturn err
                \t\t}
                \t\treturn conn.Close()
                \t}
                \treturn conn, cleanup, nil
                }
                """;
        assertEquals(List.of(), found("TMO-02", "migrate/open.go", code));
    }

    @Test
    void an_empty_context_in_a_closure_that_also_queries_is_still_reported() {
        String code = """
                package migrate

                import (
                \t"context"
                \t"database/sql"
                )

                func (p *Provider) open(ctx context.Context) (*sql.Conn, func() error, error) {
                \tconn, err := p.db.Conn(ctx)
                \tif err != nil {
                \t\treturn nil, nil, err
                \t}
                \tcleanup := func() error {
                \t\tdetached := context.Background()
                \t\tif _, err := conn.ExecContext(detached, "DELETE FROM leases"); err != nil {
                \t\t\treturn err
                \t\t}
                \t\treturn p.locker.SessionUnlock(detached, conn)
                \t}
                \treturn conn, cleanup, nil
                }
                """;
        assertEquals(List.of("migrate/open.go:14"), found("TMO-02", "migrate/open.go", code));
    }

    private static final String CONNECT = """
            package spanner

            import (
            \t"database/sql"
            \t"fmt"
            )

            %s
            func connect(project, instance, database string) error {
            \tdsn := fmt.Sprintf("projects/%%s/instances/%%s/databases/%%s", project, instance, database)
            \tdb, err := sql.Open("spanner", dsn)
            \tif err != nil {
            \t\treturn err
            \t}
            \tdefer db.Close()
            \treturn db.Ping()
            }
            """;

    @Test
    void a_function_marked_unused_for_the_linter_is_not_reviewed_for_run_time_items() {
        String code = CONNECT.formatted("//nolint:unused // kept for a later driver");
        assertEquals(List.of(), found("RES-04", "spanner/connect.go", code));
    }

    @Test
    void the_same_function_without_the_mark_is_still_reported() {
        String code = CONNECT.formatted("// connect opens the database once per call.");
        assertEquals(List.of("spanner/connect.go:11"), found("RES-04", "spanner/connect.go", code));
    }

    private static final String SCAN = """
            package store

            import (
            \t"context"

            \t"github.com/redis/go-redis/v9"
            \t"example.com/app/logger"
            )

            func scanAll(ctx context.Context, rdb *redis.Client, prefix string, count int64) []any {
            \tvar cursor uint64
            \tout := []any{}
            \tfor {
            \t\tkeys, next, err := rdb.Scan(ctx, cursor, prefix+"*", count).Result()
            \t\tlogger.Debugf("SCAN %%d MATCH %%s COUNT %%d: next %%d, %%d keys", cursor, prefix+"*", count, next, len(keys))
            \t\tif err != nil {
            \t\t\treturn out
            \t\t}
            \t\tvalues, _ := rdb.MGet(ctx, keys...).Result()
            \t\t%s
            \t\tout = append(out, values...)
            \t\tcursor = next
            \t\tif next == 0 {
            \t\t\tbreak
            \t\t}
            \t}
            \treturn out
            }
            """;

    @Test
    void one_line_of_counts_per_page_of_a_cursor_scan_is_not_reported() {
        assertEquals(List.of(), found("LOG-01", "store/scan.go", SCAN.formatted("")));
    }

    @Test
    void a_line_that_serialises_every_value_of_the_page_is_still_reported() {
        String dump = "logger.Debugf(\"values: %s\", marshal(values))";
        assertEquals(List.of("store/scan.go:20"), found("LOG-01", "store/scan.go", SCAN.formatted(dump)));
    }

    @Test
    void uintptr_as_the_type_of_a_size_product_is_not_reported_but_a_pointer_offset_by_it_is() {
        String code = """
                package page

                import "unsafe"

                const elemSize = 16

                func (p *page) used() uintptr {
                \tvar used uintptr
                \tused += elemSize * uintptr(p.count-1)
                \treturn used
                }

                func (p *page) elem(i int) unsafe.Pointer {
                \treturn unsafe.Add(unsafe.Pointer(p), elemSize*uintptr(i))
                }
                """;
        assertEquals(List.of("page/page.go:14"), found("MEM-01", "page/page.go", code));
    }
}
