package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go classes from the third held-out round's class list (written from the class descriptions, each code sample our
 * own), each next to the look-alike of the other verdict.
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

    // --- logging in a loop written as a callback; printing that is a command's output

    private static final String WALK = """
            package index

            func Scan(root string, log *logrus.Logger) ([]string, error) {
            \tvar found []string
            \terr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
            \t\tif err != nil {
            \t\t\tlog.Warnf("skip %%s: %%v", p, err)
            \t\t\treturn nil
            \t\t}
            \t\t%s
            \t\tfound = append(found, p)
            \t\treturn nil
            \t})
            \tlog.Infof("indexed %%d files", len(found))
            \treturn found, err
            }
            """;

    @Test
    void logging_in_a_walk_callback_is_logging_once_per_file() {
        assertEquals(List.of("10:LOG-01"), items("index/scan.go", WALK.formatted("log.Infof(\"found %s\", p)")));
        assertEquals(List.of(), items("index/scan.go", WALK.formatted("// nothing logged per file")));
    }

    private static final String RANGE = """
            package cache

            func Dump(m *sync.Map, logger *zap.Logger) {
            \tm.Range(func(k, v any) bool {
            \t\t%s
            \t\treturn true
            \t})
            }
            """;

    @Test
    void logging_in_a_sync_map_range_callback_is_logging_per_entry_but_a_handler_registered_once_is_not() {
        assertEquals(List.of("5:LOG-01"), items("cache/dump.go", RANGE.formatted("logger.Info(\"entry\", zap.Any(\"k\", k))")));
        assertEquals(List.of(), items("web/routes.go", """
                package web

                func Routes(mux *http.ServeMux, logger *slog.Logger) {
                \tmux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
                \t\tlogger.Info("health checked")
                \t})
                }
                """));
    }

    @Test
    void a_goroutine_started_per_item_of_a_loop_logs_per_item() {
        assertEquals(List.of("6:LOG-01"), items("fanout/send.go", """
                package fanout

                func Send(ctx context.Context, hooks []string, logger *slog.Logger) error {
                \tg, ctx := errgroup.WithContext(ctx)
                \tfor _, h := range hooks {
                \t\tg.Go(func() error { logger.Info("calling hook", "url", h); return call(ctx, h) })
                \t}
                \treturn g.Wait()
                }
                """));
    }

    private static final String PRINT = """
            package %s

            func report(rows []Row) {
            \tfor _, r := range rows {
            \t\tfmt.Printf("%%-20s %%d\\n", r.Name, r.Count)
            \t}
            }
            """;

    @Test
    void fmt_printing_in_a_commands_loop_is_its_output_but_in_a_service_package_it_is_logging() {
        assertEquals(List.of(), items("cmd/stats/main.go", PRINT.formatted("main")));
        assertEquals(List.of("5:LOG-01"), items("internal/stats/report.go", PRINT.formatted("stats")));
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

    // --- real-code look-alikes: a name shared by an unrelated type, a dial callback built by a helper

    private static final String SAME_NAME = """
            package store

            type Archive struct{ dir string }

            func (a *Archive) Open() (*os.File, error) {
            \treturn os.Open(filepath.Join(a.dir, "archive.tar"))
            }

            func Entries(a *Archive, v *vault.Vault) error {
            \tr, err := %s.Open()
            \tif err != nil {
            \t\treturn err
            \t}
            \t_, err = io.Copy(io.Discard, r)
            \treturn err
            }
            """;

    @Test
    void only_a_method_of_the_receivers_declared_type_hands_over_what_it_returns() {
        assertEquals(List.of("10:RES-01"), items("store/archive.go", SAME_NAME.formatted("a")));
        // an unrelated type's Open (a project's own vault; a *zip.File's Open is a modelled acquisition since
        // go-libraries-5.yaml, whose entry reader is the caller's to close)
        assertEquals(List.of(), items("store/archive.go", SAME_NAME.formatted("v")));
    }

    @Test
    void what_a_closure_built_by_the_helper_dials_and_returns_is_the_closures() {
        assertEquals(List.of(), items("proxy/dialer.go", """
                package proxy

                type dialFunc func(network, addr string) (net.Conn, error)

                func viaSocks(dialer *net.Dialer) dialFunc {
                \treturn func(network, addr string) (net.Conn, error) {
                \t\tc, err := dialer.Dial(network, addr)
                \t\tif err != nil {
                \t\t\treturn nil, err
                \t\t}
                \t\treturn c, nil
                \t}
                }

                func Probe(dialer *net.Dialer, addr string) error {
                \tdial := viaSocks(dialer)
                \tc, err := dial("tcp", addr)
                \tif err != nil {
                \t\treturn err
                \t}
                \treturn c.Close()
                }
                """));
    }

    @Test
    void a_timer_fires_once_and_needs_no_stop_but_a_ticker_does() {
        String code = """
                package poll

                func Wait(ctx context.Context, d time.Duration) error {
                \tt := time.%s(d)
                \tselect {
                \tcase <-ctx.Done():
                \t\treturn ctx.Err()
                \tcase <-t.C:
                \t\treturn nil
                \t}
                }
                """;
        assertEquals(List.of(), items("poll/wait.go", code.formatted("NewTimer")));
        assertEquals(List.of("4:RES-01"), items("poll/wait.go", code.formatted("NewTicker")));
    }

    private static final String OUTER = """
            package monitor

            func Run(ctx context.Context, every time.Duration) {
            \tvar tick *time.Ticker
            \tstart := func() {
            \t\t%s
            \t\ttick = time.NewTicker(every)
            \t}
            \tstart()
            \tdefer tick.Stop()
            \t<-ctx.Done()
            }
            """;

    @Test
    void a_ticker_assigned_to_a_variable_of_the_enclosing_function_is_that_functions_to_stop() {
        assertEquals(List.of(), items("monitor/run.go", OUTER.formatted("// the outer tick")));
        assertEquals(List.of("7:RES-01"), items("monitor/run.go", OUTER.formatted("var tick *time.Ticker // shadows it")));
    }

    private static final String ASSERTED = """
            package tunnel

            func Open(d *net.Dialer, addr string) (io.ReadWriteCloser, error) {
            \tc, err := d.Dial("tcp", addr)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \treturn %s, nil
            }
            """;

    @Test
    void returning_a_type_assertion_of_the_connection_hands_the_connection_over() {
        assertEquals(List.of(), items("tunnel/open.go", ASSERTED.formatted("c.(io.ReadWriteCloser)")));
        assertEquals(List.of("4:RES-01"), items("tunnel/open.go", ASSERTED.formatted("io.ReadWriteCloser(nil)")));
    }

    @Test
    void a_package_qualified_call_is_not_resolved_to_a_same_named_function_of_another_package() {
        String helper = """
                package codec

                func New(c net.Conn) string {
                \treturn c.RemoteAddr().String()
                }
                """;
        String caller = """
                package dial

                import "example.com/x/%s"

                func Wrap(d *net.Dialer, addr string) (net.Conn, error) {
                \tc, err := d.Dial("tcp", addr)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \treturn %s.New(c).WithDeadline(time.Second), nil
                }
                """;
        // deadline.New may keep the connection (unseen); codec.New, seen, only reads it
        assertEquals(List.of(), itemsOf(LifecycleRulesTest.newFile("codec/codec.go", helper)
                + LifecycleRulesTest.newFile("dial/wrap.go", caller.formatted("deadline", "deadline"))));
        assertEquals(List.of("6:RES-01"), itemsOf(LifecycleRulesTest.newFile("codec/codec.go", helper)
                + LifecycleRulesTest.newFile("dial/wrap.go", caller.formatted("codec", "codec"))));
    }

    private static final String PREFIXED_ERR = """
            package auth

            func Check(c *http.Client, req *http.Request) (int, error) {
            \tauthResp, authErr := c.Do(req)
            \tif authErr != nil {
            \t\treturn 0, authErr
            \t}
            \t%s
            \treturn authResp.StatusCode, nil
            }
            """;

    @Test
    void an_error_named_with_a_prefix_guards_the_return_where_nothing_was_acquired() {
        assertEquals(List.of(), items("auth/check.go", PREFIXED_ERR.formatted("defer authResp.Body.Close()")));
        assertEquals(List.of("4:RES-02"), items("auth/check.go", PREFIXED_ERR.formatted("// body left open")));
    }

    private static List<String> itemsOf(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().startsWith("RES"))
                .map(f -> f.path() + ":" + f.line() + ":" + f.item()).map(x -> x.replaceFirst("^.*/wrap\\.go:", ""))
                .sorted().toList();
    }
}
