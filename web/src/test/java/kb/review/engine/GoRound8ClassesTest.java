package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go classes of round 8, from the Go misses and false positives of the round-7 held-out corpus (heldout7/RESULTS.md,
 * by class of code): a response helper in a change that also edits the import block, middleware that blocks its
 * request on a channel send, a pooled buffer used after it went back to the pool. Each fixture is our own code of the
 * class, next to the look-alike of the other verdict.
 */
class GoRound8ClassesTest {

    /** A new file holding {@code body} after a package clause, as a diff. */
    static String file(String path, String body) {
        String[] lines = ("package svc\n\n" + body).split("\n", -1);
        int n = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        StringBuilder sb = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," + n + " @@\n");
        for (int i = 0; i < n; i++) {
            sb.append('+').append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    /** The findings of one checklist item, as "line:rule". */
    static List<String> item(String diff, String item) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals(item))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    // --- RES-02: the function is in a later hunk than an import block the change also edits

    /** A change that adds an import (its hunk ends inside the import block) and, further down, a request helper. */
    private static final String IMPORT_AND_HELPER = """
            diff --git a/push/client.go b/push/client.go
            index 1111111..2222222 100644
            --- a/push/client.go
            +++ b/push/client.go
            @@ -3,6 +3,7 @@
             import (
             	"bytes"
             	"encoding/json"
            +	"fmt"
             	"net/http"
             	"time"
             
            @@ -40,5 +41,13 @@ type Pusher struct {
             }
             
             func (p *Pusher) push(req *http.Request) error {
            -	return nil
            +	res, err := p.httpClient.Do(req)
            +	if err != nil {
            +		return fmt.Errorf("push: %%w", err)
            +	}
            +%s
            +	if res.StatusCode >= 300 {
            +		return fmt.Errorf("push: status %%d", res.StatusCode)
            +	}
            +	return nil
             }
            """;

    @Test
    void a_helper_returning_on_a_bad_status_without_closing_is_found_below_an_edited_import_block() {
        String diff = IMPORT_AND_HELPER.formatted("\t// the status decides");
        assertEquals(List.of("44:go-response-body-not-closed"), item(diff, "RES-02"));
    }

    @Test
    void the_same_helper_closing_the_body_in_a_defer_is_clean() {
        String diff = IMPORT_AND_HELPER.formatted("\tdefer res.Body.Close()");
        assertEquals(List.of(), item(diff, "RES-02"));
    }

    /** A hunk that starts inside the import block (an import added at its end) before the helper's hunk. */
    @Test
    void a_hunk_starting_inside_the_import_block_does_not_hide_the_helper_below() {
        String diff = """
                diff --git a/push/client.go b/push/client.go
                index 1111111..2222222 100644
                --- a/push/client.go
                +++ b/push/client.go
                @@ -5,4 +5,5 @@ import (
                 	"net/http"
                 	"time"
                +	"io"
                 )
                 
                @@ -40,4 +41,9 @@ type Pusher struct {
                 }
                 
                 func (p *Pusher) fetch(req *http.Request) ([]byte, error) {
                +	res, err := p.httpClient.Do(req)
                +	if err != nil {
                +		return nil, err
                +	}
                +	return io.ReadAll(res.Body)
                 }
                """;
        assertEquals(List.of("44:go-response-body-not-closed"), item(diff, "RES-02"));
    }

    // --- HTTP-01: middleware that blocks its request on a channel send

    private static final String AUDIT = """
            func (a *Auditor) Wrap(next http.Handler) http.Handler {
            \treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
            \t\tbegan := time.Now()
            \t\tdefer func() {
            %s
            \t\t}()
            \t\tnext.ServeHTTP(w, r)
            \t})
            }
            """;

    @Test
    void a_middleware_whose_defer_sends_on_a_channel_is_reported() {
        String diff = file("mw/audit.go", AUDIT.formatted("\t\t\ta.entries <- Entry{Path: r.URL.Path, Took: time.Since(began)}"));
        assertEquals(List.of("7:go-middleware-blocking-send"), item(diff, "HTTP-01"));
    }

    @Test
    void a_middleware_that_sends_in_a_select_with_a_default_never_blocks() {
        String diff = file("mw/audit.go", AUDIT.formatted("""
                \t\t\tselect {
                \t\t\tcase a.entries <- Entry{Path: r.URL.Path, Took: time.Since(began)}:
                \t\t\tdefault:
                \t\t\t\ta.dropped.Add(1)
                \t\t\t}"""));
        assertEquals(List.of(), item(diff, "HTTP-01"));
    }

    @Test
    void a_handler_that_wraps_nothing_may_wait_for_its_worker() {
        String diff = file("api/jobs.go", """
                func (s *Server) submit(w http.ResponseWriter, r *http.Request) {
                \tdone := make(chan error, 1)
                \ts.jobs <- job{r: r, done: done}
                \tif err := <-done; err != nil {
                \t\thttp.Error(w, err.Error(), http.StatusInternalServerError)
                \t}
                }
                """);
        assertEquals(List.of(), item(diff, "HTTP-01"));
    }

    // --- MEM-02: a pooled buffer used after Put

    private static final String ENCODE = """
            func (e *Encoder) Send(out io.Writer, m Frame) error {
            \tbuf := framePool.Get().(*bytes.Buffer)
            \tbuf.Reset()
            \tif err := m.Encode(buf); err != nil {
            \t\tframePool.Put(buf)
            \t\treturn err
            \t}
            \t_, err := out.Write(buf.Bytes())
            %s
            \treturn err
            }
            """;

    @Test
    void a_pooled_buffer_logged_after_put_is_reported() {
        String diff = file("wire/encode.go", ENCODE.formatted("""
                \tframePool.Put(buf)
                \tlog.Printf("sent %d bytes", buf.Len())"""));
        assertEquals(List.of("11:go-pooled-value-used-after-put"), item(diff, "MEM-02"));
    }

    @Test
    void a_pooled_buffer_put_back_after_its_last_use_is_clean() {
        String diff = file("wire/encode.go", ENCODE.formatted("""
                \tlog.Printf("sent %d bytes", buf.Len())
                \tframePool.Put(buf)"""));
        assertEquals(List.of(), item(diff, "MEM-02"));
    }

    // --- TMO-02: a handler's statements in a hunk whose function line git did not print

    /** Statements added in the middle of a handler; the hunk header names no function. */
    private static final String HANDLER_MIDDLE = """
            diff --git a/web/report.go b/web/report.go
            index 1111111..2222222 100644
            --- a/web/report.go
            +++ b/web/report.go
            @@ -21,6 +21,11 @@
             		http.Error(w, "missing id", http.StatusBadRequest)
             		return
             	}
            +	rep, err := h.reports.Find(%s, id)
            +	if err != nil {
            +		http.Error(w, err.Error(), http.StatusNotFound)
            +		return
            +	}
             	w.Header().Set("Content-Type", "application/json")
             	w.WriteHeader(http.StatusOK)
             }
            """;

    @Test
    void a_fresh_context_given_to_storage_in_an_unnamed_handler_hunk_is_reported() {
        String diff = HANDLER_MIDDLE.formatted("context.Background()");
        assertEquals(List.of("24:go-context-not-propagated"), item(diff, "TMO-02"));
    }

    @Test
    void the_request_context_given_to_storage_in_an_unnamed_handler_hunk_is_clean() {
        String diff = HANDLER_MIDDLE.formatted("r.Context()");
        assertEquals(List.of(), item(diff, "TMO-02"));
    }

    @Test
    void a_fresh_context_in_an_unnamed_hunk_that_writes_no_response_is_not_a_handler() {
        String diff = HANDLER_MIDDLE.formatted("context.Background()")
                .replace("http.Error(w, \"missing id\", http.StatusBadRequest)", "fmt.Println(\"missing id\")")
                .replace("http.Error(w, err.Error(), http.StatusNotFound)", "fmt.Println(err)")
                .replace(" \tw.Header().Set(\"Content-Type\", \"application/json\")\n", " \tfmt.Println(rep)\n")
                .replace(" \tw.WriteHeader(http.StatusOK)\n", " \tfmt.Println(id)\n");
        assertEquals(List.of(), item(diff, "TMO-02"));
    }

    // --- CONC-03: a plain map field written where concurrent callers meet

    /** A change that adds a get-or-create method below a struct whose map field the hunk shows. */
    private static final String CONN_CACHE = """
            diff --git a/pool/conns.go b/pool/conns.go
            index 1111111..2222222 100644
            --- a/pool/conns.go
            +++ b/pool/conns.go
            @@ -8,3 +8,16 @@ type Conns struct {
             	byHost map[string]*grpc.ClientConn
             	dialOpts []grpc.DialOption
             }
            +
            +func (c *Conns) For(host string) (*grpc.ClientConn, error) {
            +%s
            +	if cc, ok := c.byHost[host]; ok {
            +		return cc, nil
            +	}
            +	cc, err := grpc.NewClient(host, c.dialOpts...)
            +	if err != nil {
            +		return nil, err
            +	}
            +	c.byHost[host] = cc
            +	return cc, nil
            +}
            """;

    @Test
    void an_exported_get_or_create_on_a_plain_map_field_without_a_lock_is_reported() {
        String diff = CONN_CACHE.formatted("\t// one connection per host");
        assertEquals(List.of("21:go-cache-map-field-filled-unlocked"), item(diff, "CONC-03"));
        // the same hunk where git printed no line after the @@ (the struct's first line is not shown at all)
        assertEquals(List.of("21:go-cache-map-field-filled-unlocked"),
                item(diff.replace(" @@ type Conns struct {", " @@"), "CONC-03"));
    }

    @Test
    void the_same_get_or_create_under_the_types_mutex_is_clean() {
        String diff = CONN_CACHE.formatted("\tc.mu.Lock()\n+\tdefer c.mu.Unlock()").replace("+8,16", "+8,17");
        assertEquals(List.of(), item(diff, "CONC-03"));
    }

    @Test
    void a_handler_writing_its_receivers_plain_map_is_reported_and_a_locked_one_is_not() {
        String body = """
                type Registry struct {
                \tnodes map[string]Node
                }

                func (g *Registry) register(w http.ResponseWriter, r *http.Request) {
                \tvar n Node
                \tif err := json.NewDecoder(r.Body).Decode(&n); err != nil {
                \t\thttp.Error(w, err.Error(), http.StatusBadRequest)
                \t\treturn
                \t}
                %s
                \tg.nodes[n.ID] = n
                \tw.WriteHeader(http.StatusNoContent)
                }
                """;
        assertEquals(List.of("14:go-handler-writes-map-field-unlocked"),
                item(file("reg/registry.go", body.formatted("\t// keep it")), "CONC-03"));
        assertEquals(List.of(), item(file("reg/registry.go",
                body.formatted("\tg.mu.Lock()\n\tdefer g.mu.Unlock()")), "CONC-03"));
    }

    @Test
    void an_unexported_memo_on_a_map_field_is_not_taken_as_shared() {
        String diff = CONN_CACHE.formatted("\t// one connection per host").replace("(c *Conns) For(", "(c *Conns) forHost(");
        assertEquals(List.of(), item(diff, "CONC-03"));
    }

    // --- LOG-01: structured loggers' chained calls per element of the input; a page loop paced by its requests

    /** A filter over the input that drops elements failing a plain test (not an error value). */
    private static final String FILTER = """
            func (f *Gate) Admit(batch []Order) []Order {
            \tkept := batch[:0]
            \tfor _, o := range batch {
            \t\tif o.Qty <= 0 || o.Price < 0 {
            \t\t\t%s
            \t\t\tcontinue
            \t\t}
            \t\tkept = append(kept, o)
            \t}
            \treturn kept
            }
            """;

    @Test
    void a_logrus_line_with_fields_per_dropped_element_is_reported() {
        String diff = file("gate/admit.go", FILTER.formatted(
                "logrus.WithFields(logrus.Fields{\"order\": o.ID, \"qty\": o.Qty}).Warn(\"dropping order\")"));
        assertEquals(List.of("7:go-log-in-loop"), item(diff, "LOG-01"));
    }

    @Test
    void a_zerolog_event_per_dropped_element_is_reported() {
        String diff = file("gate/admit.go", FILTER.formatted(
                "log.Warn().Str(\"order\", o.ID).Int(\"qty\", o.Qty).Msg(\"dropping order\")"));
        assertEquals(List.of("7:go-log-in-loop"), item(diff, "LOG-01"));
    }

    @Test
    void a_counter_per_dropped_element_and_no_log_is_clean() {
        String diff = file("gate/admit.go", FILTER.formatted("f.dropped.Inc()"));
        assertEquals(List.of(), item(diff, "LOG-01"));
    }

    /** A loop over pages of a remote listing (no collection walked), logging once per turn. */
    private static final String PAGES = """
            func (s *Syncer) Mirror(ctx context.Context) error {
            \tvar next string
            \tfor {
            \t\t%s
            \t\tif err != nil {
            \t\t\treturn err
            \t\t}
            \t\tslog.InfoContext(ctx, "mirrored page", "items", len(page.Items))
            \t\tif page.Next == "" {
            \t\t\treturn nil
            \t\t}
            \t\tnext = page.Next
            \t}
            }
            """;

    @Test
    void a_line_per_page_of_an_api_clients_listing_is_paced_by_the_requests() {
        String diff = file("sync/mirror.go", PAGES.formatted("page, err := s.catalogClient.ListItems(ctx, next)"));
        assertEquals(List.of(), item(diff, "LOG-01"));
    }

    @Test
    void a_line_per_message_a_client_receives_repeats_with_the_traffic() {
        String diff = file("sync/mirror.go", PAGES.formatted("page, err := s.catalogClient.Receive(ctx, next)"));
        assertEquals(List.of("10:go-log-in-loop"), item(diff, "LOG-01"));
    }
}
