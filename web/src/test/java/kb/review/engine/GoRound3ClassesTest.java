package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go classes from the third held-out round's class list (written from the class descriptions, each code sample our
 * own), each next to the look-alike of the other verdict: resources a helper hands back or keeps, and acquisitions
 * the models did not know. The round's logging classes and look-alikes are in GoRound3LoggingClassesTest and
 * GoRound3LookAlikeClassesTest.
 */
class GoRound3ClassesTest {

    // --- a resource handed back by a helper the review can see is the caller's to release

    private static final String REQUEST_HELPER = """
            package weather

            type API struct {
            \thttpc *http.Client
            \troot  string
            }

            func (a *API) call(ctx context.Context, path string) (*http.Response, error) {
            \treq, err := http.NewRequestWithContext(ctx, http.MethodGet, a.root+path, nil)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tres, err := a.httpc.Do(req)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \t%s
            \treturn res, nil
            }

            func (a *API) Forecast(ctx context.Context, city string) (*Forecast, error) {
            \tres, err := a.call(ctx, "/forecast/"+city)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \t%s
            \tvar f Forecast
            \treturn &f, json.NewDecoder(res.Body).Decode(&f)
            }
            """;

    @Test
    void a_response_handed_back_open_by_a_request_helper_must_be_closed_by_its_caller() {
        assertEquals(List.of("22:RES-02"), items("weather/api.go", REQUEST_HELPER.formatted("", "")));
        assertEquals(List.of(), items("weather/api.go", REQUEST_HELPER.formatted("", "defer res.Body.Close()")));
    }

    @Test
    void a_helper_that_closes_the_body_before_handing_the_response_back_leaves_nothing_to_close() {
        assertEquals(List.of(), items("weather/api.go", REQUEST_HELPER.formatted("defer res.Body.Close()", "")));
    }

    private static final String DECLARED_RESULT = """
            package audit

            func appendOnly(dir string) (*os.File, error) {
            \treturn os.OpenFile(filepath.Join(dir, "audit.log"), os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o600)
            }

            func Record(dir, line string) error {
            \tout, err := appendOnly(dir)
            \tif err != nil {
            \t\treturn err
            \t}
            \t%s
            \t_, err = fmt.Fprintln(out, line)
            \treturn err
            }
            """;

    @Test
    void a_file_from_a_helper_declared_to_return_one_is_the_callers_to_close() {
        assertEquals(List.of("8:RES-01"), items("audit/log.go", DECLARED_RESULT.formatted("")));
        assertEquals(List.of(), items("audit/log.go", DECLARED_RESULT.formatted("defer out.Close()")));
    }

    private static final String STATUS_ONLY = """
            package probe

            func head(c *http.Client, u string) (*http.Response, error) {
            \tr, err := c.Head(u)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tr.Body.Close()
            \treturn r, nil
            }

            func Alive(c *http.Client, u string) bool {
            \tr, err := head(c, u)
            \treturn err == nil && r.StatusCode < 500
            }
            """;

    @Test
    void a_response_closed_just_before_it_is_returned_is_only_read_by_the_caller() {
        assertEquals(List.of(), items("probe/alive.go", STATUS_ONLY));
    }

    // --- acquisitions the models did not know

    private static final String PINNED = """
            package tenants

            type Store struct {
            \tdb *sql.DB
            }

            func (s *Store) Scoped(ctx context.Context, schema string) (*sql.Conn, error) {
            \tc, err := s.db.Conn(ctx)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tif _, err := c.ExecContext(ctx, "SET search_path TO "+pq.QuoteIdentifier(schema)); err != nil {
            \t\t%s
            \t\treturn nil, err
            \t}
            \treturn c, nil
            }
            """;

    @Test
    void a_connection_pinned_from_the_pool_must_be_closed_when_its_setup_fails() {
        assertEquals(List.of("8:RES-01"), items("tenants/store.go", PINNED.formatted("// keep going")));
        assertEquals(List.of(), items("tenants/store.go", PINNED.formatted("c.Close()")));
    }

    private static final String BEGIN_STATEMENT = """
            package migrate

            type Runner struct {
            \tconn *sql.Conn
            }

            func (r *Runner) Apply(ctx context.Context, step string) error {
            \tif _, err := r.conn.ExecContext(ctx, "BEGIN"); err != nil {
            \t\treturn err
            \t}
            \tif _, err := r.conn.ExecContext(ctx, step); err != nil {
            \t\t%s
            \t\treturn err
            \t}
            \t_, err := r.conn.ExecContext(ctx, "COMMIT")
            \treturn err
            }
            """;

    @Test
    void a_transaction_begun_by_a_begin_statement_must_reach_commit_or_rollback_on_every_path() {
        assertEquals(List.of("8:TX-01"), items("migrate/run.go", BEGIN_STATEMENT.formatted("// report it")));
        assertEquals(List.of(), items("migrate/run.go",
                BEGIN_STATEMENT.formatted("if _, rbErr := r.conn.ExecContext(ctx, \"ROLLBACK\"); rbErr != nil {"
                        + " return errors.Join(err, rbErr) }")));
    }

    private static final String CRON = """
            package jobs

            func Start(rep *Reporter) *cron.Cron {
            \tc := cron.New(%s)
            \tc.AddFunc("@hourly", func() {
            \t\trep.Send(context.Background())
            \t})
            \tc.Start()
            \treturn c
            }
            """;

    @Test
    void a_cron_job_runs_on_its_own_goroutine_and_needs_a_recover_unless_the_scheduler_has_one() {
        assertEquals(List.of("5:CONC-01"), items("jobs/start.go", CRON.formatted("")));
        assertEquals(List.of(), items("jobs/start.go",
                CRON.formatted("cron.WithChain(cron.Recover(cron.DefaultLogger))")));
    }

    @Test
    void a_cron_job_on_a_scheduler_built_elsewhere_is_not_known_to_run_bare() {
        assertEquals(List.of(), items("jobs/add.go", """
                package jobs

                func Register(c *cron.Cron, rep *Reporter) {
                \tc.AddFunc("@hourly", func() { rep.Send(context.Background()) })
                }
                """));
    }

    private static final String CACHED = """
            package peers

            type Dialer struct {
            \tmu    sync.Mutex
            \tconns map[string]*grpc.ClientConn
            }

            func (d *Dialer) get(addr string) (*grpc.ClientConn, error) {
            \td.mu.Lock()
            \tdefer d.mu.Unlock()
            \t%s
            \tc, err := grpc.NewClient(addr)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \t%s
            \treturn c, nil
            }

            func (d *Dialer) Ping(ctx context.Context, addr string) error {
            \tc, err := d.get(addr)
            \tif err != nil {
            \t\treturn err
            \t}
            \t_, err = NewHealthClient(c).Check(ctx, &CheckRequest{})
            \treturn err
            }
            """;

    @Test
    void a_connection_a_helper_keeps_in_its_cache_is_only_borrowed_by_the_caller() {
        assertEquals(List.of(), items("peers/dial.go", CACHED.formatted(
                "if c, ok := d.conns[addr]; ok { return c, nil }", "d.conns[addr] = c")));
        assertEquals(List.of("21:RES-01"), items("peers/dial.go", CACHED.formatted("// no cache", "// dialled per call")));
    }

    private static final String ABORT_HELPER = """
            package migrate

            type Runner struct {
            \tconn *sql.Conn
            }

            func (r *Runner) abort(ctx context.Context, cause error) error {
            \t%s
            \treturn cause
            }

            func (r *Runner) Apply(ctx context.Context, step string) error {
            \tif _, err := r.conn.ExecContext(ctx, "BEGIN"); err != nil {
            \t\treturn err
            \t}
            \tif _, err := r.conn.ExecContext(ctx, step); err != nil {
            \t\treturn r.abort(ctx, err)
            \t}
            \t_, err := r.conn.ExecContext(ctx, "COMMIT")
            \treturn err
            }
            """;

    @Test
    void a_rollback_run_by_a_method_on_the_same_object_ends_the_transaction_on_that_path() {
        assertEquals(List.of(), items("migrate/run.go", ABORT_HELPER.formatted(
                "if _, err := r.conn.ExecContext(ctx, \"ROLLBACK\"); err != nil { return errors.Join(cause, err) }")));
        assertEquals(List.of("13:TX-01"), items("migrate/run.go", ABORT_HELPER.formatted("log.Print(cause)")));
    }
}
