package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static kb.review.engine.PrecisionSet7Test.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go classes of TRUE findings of the seventh held-out precision set (web/src/test/bench/realfixes/
 * precision-judgments-7.tsv), each next to a clean look-alike that must stay silent: a goroutine per streamed query
 * that runs the protocol reader, a named per-connection loop goroutine (CONC-01), a command's output file closed only
 * at the end (RES-01), a dropped url.ParseQuery error whose result is used (ERR-01) and an admin UI's server without
 * read timeouts (TMO-01). Split from {@link PrecisionSet7Test}, whose {@code only} filter they share; the code is
 * written for this test, in the shape of the judged code.
 */
class PrecisionSet7GoTest {

    // CONC-01 (Go): a goroutine per streamed query that runs the protocol reader and the output encoder
    // (clickhouse-go's arbitrary-format query). Its false neighbour only waits on a channel and returns a writer to
    // its pool (AH).

    private static final String STREAM = """
            package feed

            import (
            \t"context"
            \t"io"
            )

            func (c *Client) Stream(ctx context.Context, q string, enc Encoder) (io.ReadCloser, error) {
            \tfirst, err := c.start(ctx, q)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tpr, pw := io.Pipe()
            \tgo func() {
            \t\terr := enc.WriteBlock(first)
            \t\tif err == nil {
            \t\t\terr = c.process(ctx, enc)
            \t\t}
            \t\tpw.CloseWithError(err)
            \t}()
            \treturn pr, nil
            }
            """;

    private static final String STREAM_SAFE = """
            package feed2

            import (
            \t"context"
            \t"io"
            )

            func (c *Client) Stream(ctx context.Context, q string, enc Encoder) (io.ReadCloser, error) {
            \tfirst, err := c.start(ctx, q)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tpr, pw := io.Pipe()
            \tc.goSafe(func() {
            \t\terr := enc.WriteBlock(first)
            \t\tif err == nil {
            \t\t\terr = c.process(ctx, enc)
            \t\t}
            \t\tpw.CloseWithError(err)
            \t})
            \treturn pr, nil
            }

            func (c *Client) goSafe(f func()) {
            \tgo func() {
            \t\tdefer func() {
            \t\t\tif r := recover(); r != nil {
            \t\t\t\tc.logger.Printf("stream goroutine panicked: %v", r)
            \t\t\t}
            \t\t}()
            \t\tf()
            \t}()
            }
            """;

    @Test
    void a_goroutine_running_the_protocol_reader_is_found_and_one_started_through_a_recovering_helper_is_not() {
        assertEquals(List.of("14:CONC-01"), only(items("feed/stream.go", STREAM), "CONC-01"));
        assertEquals(List.of(), only(items("feed/stream.go", STREAM_SAFE), "CONC-01"));
    }

    // CONC-01 (Go): a per-connection loop started from a named method (coder/websocket's timeoutLoop, gocraft/work's
    // reaper, heartbeat and requeuer loops). Its false neighbours start a method whose body only starts goroutines
    // (AH), or only runs http.Server.ListenAndServe (AH).

    private static final String LOOP = """
            package feed

            import "context"

            func newConn(rw ReadWriter) *Conn {
            \tc := &Conn{rw: rw}
            \tvar ctx context.Context
            \tctx, c.stopLoop = context.WithCancel(context.Background())
            \tgo c.timeoutLoop(ctx)
            \treturn c
            }
            """;

    @Test
    void a_named_loop_goroutine_is_found_and_one_started_through_a_recovering_helper_is_not() {
        assertEquals(List.of("9:CONC-01"), only(items("feed/loop.go", LOOP), "CONC-01"));
        String safe = LOOP.replace("go c.timeoutLoop(ctx)", "c.goSafe(func() { c.timeoutLoop(ctx) })")
                + "\nfunc (c *Conn) goSafe(f func()) {\n\tgo func() {\n\t\tdefer func() {\n"
                + "\t\t\tif r := recover(); r != nil {\n\t\t\t\tc.logf(\"loop panicked: %v\", r)\n\t\t\t}\n"
                + "\t\t}()\n\t\tf()\n\t}()\n}\n";
        assertEquals(List.of(), only(items("feed/loop.go", safe), "CONC-01"));
    }

    // RES-01 (Go): a command that creates its output file and returns early when the backup, flush or sync fails,
    // closing the file only at the end (badger's backup command)

    private static final String BACKUP = """
            package cli

            import (
            \t"bufio"
            \t"os"
            )

            func backup(db *DB, path string) error {
            \tf, err := os.Create(path)
            \tif err != nil {
            \t\treturn err
            \t}
            \tw := bufio.NewWriter(f)
            \tif err := db.Backup(w); err != nil {
            \t\treturn err
            \t}
            \tif err := w.Flush(); err != nil {
            \t\treturn err
            \t}
            \tif err := f.Sync(); err != nil {
            \t\treturn err
            \t}
            \treturn f.Close()
            }
            """;

    private static final String BACKUP_DEFERRED = """
            package cli2

            import (
            \t"bufio"
            \t"os"
            )

            func backup(db *DB, path string) error {
            \tf, err := os.Create(path)
            \tif err != nil {
            \t\treturn err
            \t}
            \tdefer f.Close()
            \tw := bufio.NewWriter(f)
            \tif err := db.Backup(w); err != nil {
            \t\treturn err
            \t}
            \tif err := w.Flush(); err != nil {
            \t\treturn err
            \t}
            \tif err := f.Sync(); err != nil {
            \t\treturn err
            \t}
            \treturn nil
            }
            """;

    @Test
    void a_file_closed_only_at_the_end_is_found_and_one_with_a_deferred_close_is_not() {
        assertEquals(List.of("9:RES-01"), only(items("cli/backup.go", BACKUP), "RES-01"));
        assertEquals(List.of(), only(items("cli/backup.go", BACKUP_DEFERRED), "RES-01"));
    }

    // ERR-01 (Go): the error of url.ParseQuery dropped while its result is used (go-nsq's lookupd address): a malformed
    // query is silently cut down to the pairs that parsed

    private static final String LOOKUP = """
            package feed

            import "net/url"

            func lookupURL(addr, topic string) (string, error) {
            \tu, err := url.Parse(addr)
            \tif err != nil {
            \t\treturn "", err
            \t}
            \tv, _ := url.ParseQuery(u.RawQuery)
            \tv.Add("topic", topic)
            \tu.RawQuery = v.Encode()
            \treturn u.String(), nil
            }
            """;

    private static final String LOOKUP_CHECKED = """
            package feed2

            import "net/url"

            func lookupURL(addr, topic string) (string, error) {
            \tu, err := url.Parse(addr)
            \tif err != nil {
            \t\treturn "", err
            \t}
            \tv, err := url.ParseQuery(u.RawQuery)
            \tif err != nil {
            \t\treturn "", err
            \t}
            \tv.Add("topic", topic)
            \tu.RawQuery = v.Encode()
            \treturn u.String(), nil
            }
            """;

    @Test
    void a_discarded_parse_error_whose_result_is_used_is_found_and_a_checked_one_is_not() {
        assertEquals(List.of("10:ERR-01"), only(items("feed/lookup.go", LOOKUP), "ERR-01"));
        assertEquals(List.of(), only(items("feed/lookup.go", LOOKUP_CHECKED), "ERR-01"));
    }

    // TMO-01 (Go): an admin web UI's http.Server with no read timeouts (gocraft/work's web UI)

    private static final String SERVER = """
            package ui

            import (
            \t"net/http"
            \t"time"
            )

            func NewServer(addr string, h http.Handler) *http.Server {
            \treturn &http.Server{Addr: addr, Handler: h}
            }
            """;

    @Test
    void a_server_without_read_timeouts_is_found_and_one_with_them_is_not() {
        assertEquals(List.of("9:TMO-01"), only(items("ui/server.go", SERVER), "TMO-01"));
        assertEquals(List.of(), only(items("ui/server.go", SERVER.replace("Handler: h}",
                "Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second}")), "TMO-01"));
    }
}
