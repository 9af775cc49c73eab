package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go classes of round 7, from the misses of the round-6 held-out corpus (heldout6/RESULTS.md, by class of code):
 * middleware that closes the request body or hands the request to a goroutine, a result used with its error dropped,
 * a client built by a stored factory, a response kept in a field, and loggers reached through their package. The
 * round's concurrency classes are in {@link GoRound7ConcurrencyClassesTest}, which shares the diff helpers. Each
 * fixture is our own code of the class, next to the look-alike of the other verdict.
 */
class GoRound7ClassesTest {

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

    /** The findings of one rule, as "line:rule". */
    static List<String> of(String diff, String rule) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.rule().equals(rule))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    static List<Finding> item(String diff, String item) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals(item)).toList();
    }

    // --- HTTP-01: middleware that closes the request body, or hands the request to a goroutine

    private static final String MIDDLEWARE = """
            func Metrics(next http.Handler) http.Handler {
            \treturn http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
            \t\tbegan := time.Now()
            %s
            \t\tnext.ServeHTTP(w, req)
            \t\trequests.Observe(time.Since(began).Seconds())
            \t})
            }
            """;

    @Test
    void a_middleware_that_closes_the_request_body_is_reported() {
        String diff = file("mw/metrics.go", MIDDLEWARE.formatted("\t\tdefer req.Body.Close()"));
        assertEquals(List.of("6:go-middleware-closes-request-body"), of(diff, "go-middleware-closes-request-body"));
    }

    @Test
    void a_middleware_that_reads_the_body_and_puts_a_new_one_in_its_place_owns_what_it_read() {
        String diff = file("mw/metrics.go", MIDDLEWARE.formatted("""
                \t\tbuf, _ := io.ReadAll(io.LimitReader(req.Body, 1<<20))
                \t\treq.Body.Close()
                \t\treq.Body = io.NopCloser(bytes.NewReader(buf))"""));
        assertEquals(List.of(), of(diff, "go-middleware-closes-request-body"));
    }

    @Test
    void a_handler_that_wraps_nothing_is_not_middleware() {
        String diff = file("api/upload.go", """
                func upload(w http.ResponseWriter, req *http.Request) {
                \tdefer req.Body.Close()
                \tstore(req.Body)
                }
                """);
        assertEquals(List.of(), item(diff, "HTTP-01"));
    }

    @Test
    void a_middleware_that_hands_the_request_to_a_goroutine_is_reported() {
        String named = file("mw/trace.go", MIDDLEWARE.formatted("\t\tdefer func() { go exportSpan(req, began) }()"));
        assertEquals(List.of("6:go-middleware-request-in-goroutine"), of(named, "go-middleware-request-in-goroutine"));
        String literal = file("mw/trace.go", MIDDLEWARE.formatted("""
                \t\tgo func() {
                \t\t\texporter.Send(req)
                \t\t}()"""));
        assertEquals(List.of("6:go-middleware-request-in-goroutine"),
                of(literal, "go-middleware-request-in-goroutine"));
    }

    @Test
    void a_middleware_that_queues_a_copy_of_the_request_fields_is_clean() {
        String diff = file("mw/trace.go", MIDDLEWARE.formatted("""
                \t\tspan := spanOf(req.Method, req.URL.Path)
                \t\tselect {
                \t\tcase spans <- span:
                \t\tdefault:
                \t\t}"""));
        assertEquals(List.of(), item(diff, "HTTP-01"));
    }

    // --- ERR-01: a result used while the error of the same call goes to _

    @Test
    void a_result_used_with_its_error_discarded_is_reported() {
        String diff = file("cmd/serve/main.go", """
                func serve(path string) error {
                \tsettings, _ := readSettings(path)
                \treturn listen(settings.Addr)
                }
                """);
        assertEquals(List.of("4:go-error-result-discarded"), of(diff, "go-error-result-discarded"));
    }

    @Test
    void a_discarded_second_result_whose_value_is_checked_or_not_dereferenced_is_clean() {
        String checked = file("cmd/serve/main.go", """
                func serve(path string) error {
                \tsettings, _ := readSettings(path)
                \tif settings == nil {
                \t\tsettings = defaults()
                \t}
                \treturn listen(settings.Addr)
                }
                """);
        assertEquals(List.of(), of(checked, "go-error-result-discarded"));
        // a flag, a count or a value of another kind of call: the review cannot tell its second result is an error
        String count = file("cmd/serve/main.go", """
                func port(s string, m map[string]*Peer, raw []byte, seen *xsync.MapOf[string, *Peer]) int {
                \tn, _ := strconv.Atoi(s)
                \tp, _ := lookupPeer(m, s)
                \tblock, _ := pem.Decode(raw)
                \tq, _ := seen.LoadOrStore(s, p)
                \treturn n + p.Port + len(block.Bytes) + q.Port
                }
                """);
        assertEquals(List.of(), of(count, "go-error-result-discarded"));
    }

    // --- RES-04: a client built by a function literal kept in a field and called per request

    private static final String FACTORY = """
            type Notifier struct {
            \turl       string
            \tnewClient func() *http.Client
            }

            func NewNotifier(url string) *Notifier {
            \treturn &Notifier{url: url, newClient: func() *http.Client {
            \t\treturn &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 2}}
            \t}}
            }
            %s
            """;

    private static final String PER_CALL_USE = """

            func (n *Notifier) Notify(msg string) error {
            \tresp, err := n.newClient().Post(n.url, "text/plain", strings.NewReader(msg))
            \tif err != nil {
            \t\treturn err
            \t}
            \treturn resp.Body.Close()
            }
            """;

    @Test
    void a_client_built_by_a_stored_factory_that_every_call_invokes_is_reported() {
        List<Finding> f = item(file("notify/notifier.go", FACTORY.formatted(PER_CALL_USE)), "RES-04");
        assertEquals(1, f.size(), f.toString());
        assertEquals(10, f.get(0).line());
        assertTrue(f.get(0).flow().toString().contains("newClient"), f.get(0).flow().toString());
    }

    @Test
    void a_stored_factory_called_only_by_the_constructor_or_not_at_all_is_one_time() {
        assertEquals(List.of(), item(file("notify/notifier.go", FACTORY.formatted("")), "RES-04"));
        String once = FACTORY.formatted("") + """

                func NewDefault(url string) *Notifier {
                \tn := NewNotifier(url)
                \tn.shared = n.newClient()
                \treturn n
                }
                """;
        assertEquals(List.of(), item(file("notify/notifier.go", once), "RES-04"));
    }

    // --- RES-02: a response kept in a struct field that nothing closes

    private static final String KEPT = """
            func (c *Call) send() error {
            \tresp, err := c.client.Do(c.req)
            \tif err != nil {
            \t\treturn err
            \t}
            \tc.last = resp
            \treturn c.check()
            }
            %s
            """;

    @Test
    void a_response_kept_in_a_field_that_nothing_closes_is_reported() {
        List<Finding> f = item(file("call/send.go", KEPT.formatted("")), "RES-02");
        assertEquals(1, f.size(), f.toString());
        assertEquals(4, f.get(0).line());
        assertEquals("go-response-kept-in-field-not-closed", f.get(0).rule());
    }

    @Test
    void a_response_kept_in_a_field_that_a_method_closes_is_clean() {
        String closes = KEPT.formatted("""

                func (c *Call) Close() error {
                \tif c.last == nil {
                \t\treturn nil
                \t}
                \treturn c.last.Body.Close()
                }
                """);
        assertEquals(List.of(), item(file("call/send.go", closes), "RES-02"));
    }

    // --- LOG-01: loggers reached through their package (zap.L(), slog.Default()) and slog's context methods

    private static final String SYNC = """
            func (s *Syncer) Apply(ctx context.Context, items []Item) {
            \tfor _, it := range items {
            \t\ts.apply(ctx, it)
            %s
            \t}
            %s
            }
            """;

    @Test
    void package_level_and_context_loggers_in_a_loop_over_input_are_reported() {
        for (String log : List.of("\t\tzap.L().Info(\"applied\", zap.String(\"id\", it.ID))",
                "\t\tslog.Default().Warn(\"applied\", \"id\", it.ID)",
                "\t\ts.logger.InfoContext(ctx, \"applied\", \"id\", it.ID)")) {
            List<Finding> f = item(file("sync/apply.go", SYNC.formatted(log, "")), "LOG-01");
            assertEquals(1, f.size(), log + " " + f);
            assertEquals(6, f.get(0).line());
        }
    }

    @Test
    void the_same_loggers_once_after_the_loop_are_clean() {
        String after = file("sync/apply.go", SYNC.formatted("",
                "\tzap.L().Info(\"applied\", zap.Int(\"items\", len(items)))"));
        assertEquals(List.of(), item(after, "LOG-01"));
    }
}
