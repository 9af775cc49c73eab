package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go classes of round 7, from the misses of the round-6 held-out corpus (heldout6/RESULTS.md, by class of code):
 * middleware that closes the request body or hands the request to a goroutine, a goroutine per item of a field the
 * diff does not type, periodic loops that end on one failed run, a result used with its error dropped, errgroup's
 * Wait as a statement, time.Sleep in a loop of a function given a context, a client built by a stored factory, a
 * response kept in a field, and loggers reached through their package. Each fixture is our own code of the class,
 * next to the look-alike of the other verdict.
 */
class GoRound7ClassesTest {

    /** A new file holding {@code body} after a package clause, as a diff. */
    private static String file(String path, String body) {
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
    private static List<String> of(String diff, String rule) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.rule().equals(rule))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    private static List<Finding> item(String diff, String item) {
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

    // --- CONC-02: a goroutine per item of a field whose channel type the diff does not show

    private static final String FAN_OUT = """
            func (p *Publisher) run() {
            \tfor %s := range p.%s {
            \t\tgo p.%s
            \t}
            }
            """;

    @Test
    void a_goroutine_per_received_item_through_a_named_method_is_reported() {
        String diff = file("pub/run.go", FAN_OUT.formatted("event", "events", "deliver(event)"));
        assertEquals(List.of("5:go-goroutine-per-field-item"), of(diff, "go-goroutine-per-field-item"));
    }

    @Test
    void a_goroutine_per_index_or_key_of_a_field_is_a_fixed_fan_out() {
        assertEquals(List.of(), of(file("pub/run.go", FAN_OUT.formatted("i", "shards", "drain(i)")),
                "go-goroutine-per-field-item"));
        assertEquals(List.of(), of(file("pub/run.go", FAN_OUT.formatted("peer", "peers", "ping(p.peers[peer])")),
                "go-goroutine-per-field-item"));
        // the field declared as a slice in the diff: its single range variable is an index
        String slice = file("pub/run.go", "type Publisher struct {\n\tsinks []Sink\n}\n\n"
                + FAN_OUT.formatted("sink", "sinks", "flush(sink)"));
        assertEquals(List.of(), of(slice, "go-goroutine-per-field-item"));
    }

    // --- CONC-07: a periodic loop that returns on its first failed run

    private static final String TICKER_SELECT = """
            func (s *Sweeper) loop(ctx context.Context) error {
            \tt := time.NewTicker(s.every)
            \tdefer t.Stop()
            \tfor {
            \t\tselect {
            \t\tcase <-ctx.Done():
            \t\t\treturn ctx.Err()
            \t\tcase <-t.C:
            \t\t\tif err := s.sweep(ctx); err != nil {
            %s
            \t\t\t}
            \t\t}
            \t}
            }
            """;

    @Test
    void a_ticker_loop_that_returns_on_a_failed_run_is_reported() {
        String diff = file("gc/sweep.go", TICKER_SELECT.formatted("\t\t\t\treturn fmt.Errorf(\"sweep: %w\", err)"));
        assertEquals(List.of("11:go-periodic-loop-returns-on-error"), of(diff, "go-periodic-loop-returns-on-error"));
        String range = file("gc/sweep.go", """
                func (s *Sweeper) loop(ctx context.Context) {
                \tfor range time.Tick(s.every) {
                \t\tif err := s.sweep(ctx); err != nil {
                \t\t\treturn
                \t\t}
                \t}
                }
                """);
        assertEquals(List.of("5:go-periodic-loop-returns-on-error"), of(range, "go-periodic-loop-returns-on-error"));
        // the loop in a goroutine's body: reported at the go line, where the goroutine (and CONC-01's finding) is
        String spawned = file("gc/sweep.go", """
                func (s *Sweeper) Start() {
                	go func() {
                		t := time.NewTicker(s.every)
                		defer t.Stop()
                		for range t.C {
                			if err := s.sweep(context.Background()); err != nil {
                				return
                			}
                		}
                	}()
                }
                """);
        assertEquals(List.of("4:go-periodic-loop-returns-on-error"), of(spawned, "go-periodic-loop-returns-on-error"));
    }

    @Test
    void a_ticker_loop_that_logs_a_failed_run_and_waits_for_the_next_tick_is_clean() {
        String diff = file("gc/sweep.go", TICKER_SELECT.formatted(
                "\t\t\t\ts.log.Warn(\"sweep failed\", \"err\", err)\n\t\t\t\tsweepFailures.Inc()"));
        assertEquals(List.of(), item(diff, "CONC-07"));
        // a loop over work items, not ticks, may stop on the first error
        String items = file("gc/sweep.go", """
                func (s *Sweeper) all(ctx context.Context) error {
                \tfor _, seg := range s.segments {
                \t\tif err := s.drop(ctx, seg); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \treturn nil
                }
                """);
        assertEquals(List.of(), item(items, "CONC-07"));
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

    // --- CONC-06: errgroup's Wait called as a statement

    private static final String GROUP = """
            func (r *Reindexer) Run(ctx context.Context) error {
            \tg, gctx := errgroup.WithContext(ctx)
            \tfor _, s := range r.shards {
            \t\ts := s
            \t\tg.Go(func() error { return r.reindex(gctx, s) })
            \t}
            %s
            \treturn r.markDone(ctx)
            }
            """;

    @Test
    void an_errgroup_wait_called_as_a_statement_is_reported() {
        assertEquals(List.of("9:go-errgroup-wait-unchecked"),
                of(file("idx/run.go", GROUP.formatted("\tg.Wait()")), "go-errgroup-wait-unchecked"));
    }

    @Test
    void a_checked_wait_or_a_wait_group_is_clean() {
        String checked = file("idx/run.go", GROUP.formatted("\tif err := g.Wait(); err != nil {\n\t\treturn err\n\t}"));
        assertEquals(List.of(), of(checked, "go-errgroup-wait-unchecked"));
        String waitGroup = file("idx/run.go", """
                func (r *Reindexer) Run(ctx context.Context) {
                \tvar g sync.WaitGroup
                \tfor _, s := range r.shards {
                \t\tg.Add(1)
                \t\tgo func(s Shard) { defer g.Done(); r.reindex(ctx, s) }(s)
                \t}
                \tg.Wait()
                }
                """);
        assertEquals(List.of(), of(waitGroup, "go-errgroup-wait-unchecked"));
    }

    // --- CONC-05: time.Sleep in a loop of a function given a context

    @Test
    void a_sleep_between_retries_of_a_function_given_a_context_is_reported() {
        String diff = file("store/retry.go", """
                func (s *Store) putWithRetry(ctx context.Context, k, v string) error {
                \tvar err error
                \tfor i := 0; i < 5; i++ {
                \t\tif err = s.put(ctx, k, v); err == nil {
                \t\t\treturn nil
                \t\t}
                \t\ttime.Sleep(time.Duration(i+1) * 200 * time.Millisecond)
                \t}
                \treturn err
                }
                """);
        assertEquals(List.of("9:go-sleep-ignores-context"), of(diff, "go-sleep-ignores-context"));
    }

    @Test
    void a_wait_on_the_context_or_a_sleep_outside_a_loop_or_without_a_context_is_clean() {
        String selects = file("store/retry.go", """
                func (s *Store) putWithRetry(ctx context.Context, k, v string) error {
                \tfor i := 0; ; i++ {
                \t\tif err := s.put(ctx, k, v); err == nil || i == 4 {
                \t\t\treturn err
                \t\t}
                \t\tselect {
                \t\tcase <-ctx.Done():
                \t\t\treturn ctx.Err()
                \t\tcase <-time.After(time.Duration(i+1) * 200 * time.Millisecond):
                \t\t}
                \t}
                }
                """);
        assertEquals(List.of(), of(selects, "go-sleep-ignores-context"));
        String noContext = file("tools/wait.go", """
                func waitForFile(path string) {
                \tfor !exists(path) {
                \t\ttime.Sleep(100 * time.Millisecond)
                \t}
                }
                """);
        assertEquals(List.of(), of(noContext, "go-sleep-ignores-context"));
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
