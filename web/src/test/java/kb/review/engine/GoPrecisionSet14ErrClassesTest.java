package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go false classes of precision set 14 in ERR-01, TX-02, TMO-02 and RES-01 (none of the set's code is here), each
 * with a look-alike that stays reported.
 * <ul>
 * <li>II: a method that records the error it is handed and returns it back (gin's {@code c.Error} and
 * {@code c.AbortWithError} on a {@code *gin.Context}): ERR-01 asks that an error not be swallowed, and this one is on
 * the context. The same call on another type stays reported.</li>
 * <li>BG: a function of the file whose every return is nil: no error can come back at the call.</li>
 * <li>C: a reference-count release ({@code DecRef}) is a release like {@code Close}; a database close in the
 * {@code case <-ctx.Done():} of a watcher is the cancellation itself (TX-02 stays on other closes).</li>
 * <li>BK and IF (TMO-02): a request given the context after construction ({@code req.WithContext(ctx)}), and a
 * {@code ...Context} adapter that hands the context to a watcher and calls the plain twin: the context reaches the
 * work. A request never given it, and an adapter that never uses its context, stay reported.</li>
 * <li>IK (RES-01): a listener handed to a server's {@code Serve}, which owns and closes it.</li>
 * </ul>
 */
class GoPrecisionSet14ErrClassesTest {

    private static List<String> found(String path, String code, String item) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals(item)).map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void errors_recorded_on_a_gin_context_are_not_reported_and_the_same_call_on_another_type_is() {
        String code = """
                package api

                func GetRepo(c *gin.Context) {
                \trepo, err := load(c.Param("id"))
                \tif err != nil {
                \t\t_ = c.AbortWithError(http.StatusNotFound, err)
                \t\treturn
                \t}
                \tc.JSON(http.StatusOK, repo)
                }

                func Auth() gin.HandlerFunc {
                \treturn func(ctx *gin.Context) {
                \t\tif err := check(ctx.Request); err != nil {
                \t\t\t_ = ctx.Error(fmt.Errorf("auth: %w", err))
                \t\t\tctx.Abort()
                \t\t}
                \t}
                }

                func (h *Handler) Delete(gc *gin.Context) {
                \tif err := h.store.Delete(gc.Param("id")); err != nil {
                \t\t_ = gc.AbortWithError(http.StatusInternalServerError, err)
                \t}
                }

                func (s *Session) Fail(w *Wire, err error) {
                \t_ = w.AbortWithError(500, err)
                \tw.Flush()
                }
                """;
        assertEquals(List.of("28:go-error-assigned-to-blank"), found("api/repo.go", code, "ERR-01"));
    }

    @Test
    void a_helper_whose_every_return_is_nil_is_not_reported_and_one_that_can_fail_is() {
        String code = """
                package index

                func releaseAll(parts []Part) error {
                \tfor _, p := range parts {
                \t\tif p != nil {
                \t\t\t_ = p.DecRef()
                \t\t}
                \t}
                \treturn nil
                }

                func flushAll(parts []Part) error {
                \tfor _, p := range parts {
                \t\tif err := p.Flush(); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \treturn nil
                }

                func (m *Merger) finish(parts []Part) {
                \t_ = releaseAll(parts)
                \t_ = flushAll(parts)
                \t_ = m.snapshot.DecRef()
                \tm.done()
                }
                """;
        assertEquals(List.of("23:go-error-assigned-to-blank"), found("index/merge.go", code, "ERR-01"));
    }

    @Test
    void a_database_close_that_is_the_cancellation_is_not_reported_and_other_closes_are() {
        String code = """
                package driver

                func watch(db *sql.DB, contexts <-chan context.Context) {
                \tctx := context.Background()
                \tfor {
                \t\tselect {
                \t\tcase <-ctx.Done():
                \t\t\t_ = db.Close()
                \t\t\treturn
                \t\tcase next, ok := <-contexts:
                \t\t\tif !ok {
                \t\t\t\treturn
                \t\t\t}
                \t\t\tctx = next
                \t\t}
                \t}
                }

                func reopen(db *sql.DB, dsn string) (*sql.DB, error) {
                \t_ = db.Close()
                \treturn sql.Open("mysql", dsn)
                }
                """;
        assertEquals(List.of("20:go-db-error-discarded"), found("driver/watch.go", code, "TX-02"));
    }

    @Test
    void contexts_attached_after_construction_or_handed_to_a_watcher_are_not_drops() {
        String code = """
                package conn

                func (c *Client) Groups(ctx context.Context) ([]Group, error) {
                \treq, err := http.NewRequest("GET", c.base+"/groups", nil)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \treq.Header.Set("Accept", "application/json")
                \tresp, err := c.http.Do(req.WithContext(ctx))
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \tdefer resp.Body.Close()
                \treturn decode(resp.Body)
                }

                func (c *Client) Me(ctx context.Context) (*User, error) {
                \treq, err := http.NewRequest("GET", c.base+"/me", nil)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \treq = req.Clone(ctx)
                \treturn c.send(req)
                }

                func (c *Client) Teams(ctx context.Context) ([]Team, error) {
                \treq, err := http.NewRequest("GET", c.base+"/teams", nil)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \treturn c.sendTeams(req)
                }

                func (c *driverConn) Ping(ctx context.Context) error {
                \tdefer c.watchCtx(ctx)()
                \treturn c.Conn.Ping()
                }

                func (c *driverConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
                \tstop := c.watch(ctx)
                \tdefer stop()
                \treturn c.Conn.Prepare(q)
                }

                func (c *driverConn) Healthy(ctx context.Context) bool {
                \treturn c.Conn.Ping() == nil
                }
                """;
        assertEquals(List.of("27:go-context-not-propagated", "46:go-context-not-propagated"),
                found("conn/client.go", code, "TMO-02"));
    }

    @Test
    void a_listener_handed_to_a_server_is_not_a_leak_and_one_dropped_on_an_error_path_is() {
        String code = """
                package server

                func serveHTTP(ctx context.Context, addr string, h http.Handler) error {
                \tlis, err := net.Listen("tcp", addr)
                \tif err != nil {
                \t\treturn err
                \t}
                \tsrv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
                \tgo func() {
                \t\t<-ctx.Done()
                \t\t_ = srv.Shutdown(context.Background())
                \t}()
                \tif err := srv.Serve(lis); err != nil && !errors.Is(err, http.ErrServerClosed) {
                \t\treturn err
                \t}
                \treturn nil
                }

                func serveGRPC(addr string, s *grpc.Server) error {
                \tln, err := net.Listen("tcp", addr)
                \tif err != nil {
                \t\treturn err
                \t}
                \treturn s.Serve(ln)
                }

                func announce(addr string) (string, error) {
                \tl, err := net.Listen("tcp", addr)
                \tif err != nil {
                \t\treturn "", err
                \t}
                \tif err := register(l.Addr().String()); err != nil {
                \t\treturn "", err
                \t}
                \treturn l.Addr().String(), l.Close()
                }
                """;
        assertEquals(List.of("28:go-resource-not-closed"), found("server/serve.go", code, "RES-01"));
    }
}
