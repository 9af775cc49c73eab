package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classes of false positives found on the newest 200 commits of prometheus, traefik, caddy, zookeeper, dubbo and
 * rocketmq (web/src/test/bench/realfixes/precision-judgments.tsv), each paired with the look-alike the item must
 * still catch.
 */
class RealCommitPrecisionTest {

    /** The item's findings of a pasted diff, as line:item. */
    private static List<String> pasted(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    private static List<String> only(List<String> found, String item) {
        return found.stream().filter(s -> s.endsWith(":" + item)).toList();
    }

    // LOG-01: a log on a branch (a skipped, inconsistent or unexpected element) repeats with the traffic only when
    // the loop walks input: what the function was given, or one message per turn of a service loop

    private static final String GO_BRANCH = """
            package provider

            func (p *Provider) SIGNATURE {
            \tfor _, h := range COLLECTION {
            \t\tif !valid(h) {
            \t\t\tlog.Warn().Msgf("header %q ignored", h)
            \t\t\tcontinue
            \t\t}
            \t\tp.allowed = append(p.allowed, h)
            \t}
            }
            """;

    private static String goBranch(String signature, String collection) {
        return GO_BRANCH.replace("SIGNATURE", signature).replace("COLLECTION", collection);
    }

    @Test
    void go_a_branch_log_in_a_loop_over_state_or_configuration_is_not_a_flood_over_input_it_is() {
        // traefik: the receiver's configured headers, a configuration parameter's routers
        assertEquals(List.of(), only(items("provider/headers.go", goBranch("validate()",
                "p.GlobalAllowedResponseHeaders")), "LOG-01"));
        assertEquals(List.of(), only(items("provider/headers.go", goBranch("resolve(cfg dynamic.Configuration)",
                "cfg.HTTP.Routers")), "LOG-01"));
        // the same branch over a request's headers or a batch handed in: one line per bad element of the traffic
        assertEquals(List.of("6:LOG-01"), only(items("provider/headers.go", goBranch("filter(req *http.Request)",
                "req.Header.Values(\"X-Forward\")")), "LOG-01"));
        assertEquals(List.of("6:LOG-01"), only(items("provider/headers.go", goBranch("accept(batch []string)",
                "batch")), "LOG-01"));
    }

    @Test
    void go_a_branch_log_in_a_service_loop_counts_and_an_unconditional_log_counts_over_anything() {
        String service = """
                package consume

                func (c *Consumer) Run(ctx context.Context) {
                \tfor {
                \t\tm := c.queue.Next()
                \t\tif m.Redelivered {
                \t\t\tlog.Printf("redelivered %s", m.ID)
                \t\t}
                \t\tc.apply(m)
                \t}
                }
                """;
        assertEquals(List.of("7:LOG-01"), only(items("consume/run.go", service), "LOG-01"));
        String everyKey = """
                package runtime

                func (l *Loader) refresh() {
                \tfor k, v := range l.values {
                \t\tlog.Printf("key %s = %s", k, v)
                \t}
                }
                """;
        assertEquals(List.of("5:LOG-01"), only(items("runtime/refresh.go", everyKey), "LOG-01"));
    }

    private static final String JAVA_BRANCH = """
            package a;

            class Watches {
                void SIGNATURE {
                    Iterator<Watcher> it = HEAD;
                    while (CONDITION) {
                        Watcher w = it.next();
                        if (w.paths() == null) {
                            LOG.warn("inconsistent watch table for {}", w);
                            continue;
                        }
                        w.fire();
                    }
                }
            }
            """;

    private static String javaBranch(String signature, String head, String condition) {
        return JAVA_BRANCH.replace("SIGNATURE", signature).replace("HEAD", head).replace("CONDITION", condition);
    }

    @Test
    void java_a_branch_log_in_a_loop_over_the_objects_own_table_is_not_a_flood_over_a_batch_or_a_service_loop_it_is() {
        // zookeeper: the watchers of its own table, an inconsistency that should never happen
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Watches.java",
                javaBranch("trigger(String path)", "table.iterator()", "it.hasNext()")), "LOG-01"));
        // watchers handed in by the caller, and a service loop taking one per turn until stopped
        assertEquals(List.of("9:LOG-01"), JavaMissedClassesTest.items("src/main/java/a/Watches.java",
                javaBranch("trigger(List<Watcher> watchers)", "watchers.iterator()", "it.hasNext()")).stream()
                .filter(s -> s.endsWith("LOG-01")).toList());
        assertEquals(List.of("9:LOG-01"), JavaMissedClassesTest.items("src/main/java/a/Watches.java",
                javaBranch("run()", "table.iterator()", "!isStopped()")).stream()
                .filter(s -> s.endsWith("LOG-01")).toList());
    }

    private static final String RETRY = """
            package a;

            class Flusher {
                void METHOD(List<Record> records) {
                    boolean ok = false;
                    for (int i = 0; CONDITION; i++) {
                        ok = commit(records);
                        log.info("commit attempt {} {}", i + 1, ok);
                    }
                }
            }
            """;

    @Test
    void a_retry_loop_with_a_small_fixed_bound_is_not_a_flood_a_loop_bounded_by_the_input_is() {
        // rocketmq: a commit retried RETRY_TIMES_OVER times on the way out
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Flusher.java",
                RETRY.replace("METHOD", "flush").replace("CONDITION", "i < RETRY_TIMES_OVER && !ok")), "LOG-01"));
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Flusher.java",
                RETRY.replace("METHOD", "flush").replace("CONDITION", "i < 3 && !ok")), "LOG-01"));
        assertEquals(List.of("8:LOG-01"), only(JavaMissedClassesTest.items("src/main/java/a/Flusher.java",
                RETRY.replace("METHOD", "flush").replace("CONDITION", "i < records.size()")), "LOG-01"));
        assertEquals(List.of("8:LOG-01"), only(JavaMissedClassesTest.items("src/main/java/a/Flusher.java",
                RETRY.replace("METHOD", "flush").replace("CONDITION", "i < 1000")), "LOG-01"));
        String go = """
                package store

                func (s *Store) flush(records []Record) {
                \tfor attempt := 0; BOUND; attempt++ {
                \t\tlog.Printf("attempt %d", attempt)
                \t\tif s.commit(records) == nil {
                \t\t\treturn
                \t\t}
                \t}
                }
                """;
        assertEquals(List.of(), only(items("store/flush.go", go.replace("BOUND", "attempt < maxRetries")), "LOG-01"));
        assertEquals(List.of("5:LOG-01"), only(items("store/flush.go", go.replace("BOUND", "attempt < len(records)")),
                "LOG-01"));
    }

    @Test
    void a_loop_that_waits_seconds_each_turn_is_rate_limited_one_that_pauses_milliseconds_is_not() {
        String offer = """
                package a;

                class Commits {
                    void put(Request request) throws InterruptedException {
                        while (!buffer.offer(request, WAIT)) {
                            log.warn("buffer is full");
                        }
                    }
                }
                """;
        // rocketmq: a full buffer warned about once per 3-second timed offer
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Commits.java",
                offer.replace("WAIT", "3, TimeUnit.SECONDS")), "LOG-01"));
        assertEquals(List.of("6:LOG-01"), only(JavaMissedClassesTest.items("src/main/java/a/Commits.java",
                offer.replace("WAIT", "50, TimeUnit.MILLISECONDS")), "LOG-01"));
        String sleep = """
                package poll

                func (p *Poller) wait(ids []string) {
                	for !p.ready(ids) {
                		log.Printf("not ready: %v", ids)
                		time.Sleep(PAUSE)
                	}
                }
                """;
        assertEquals(List.of(), only(items("poll/wait.go", sleep.replace("PAUSE", "5 * time.Second")), "LOG-01"));
        assertEquals(List.of("5:LOG-01"), only(items("poll/wait.go", sleep.replace("PAUSE",
                "50 * time.Millisecond")), "LOG-01"));
    }

    @Test
    void a_qualified_stop_runs_once_a_per_call_method_does_not() {
        String code = """
                package a;

                class Workers {
                    void METHOD() {
                        for (SendWorker sw : senders.values()) {
                            LOG.debug("finishing {}", sw);
                            sw.finish();
                        }
                    }
                }
                """;
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Workers.java",
                code.replace("METHOD", "softHalt")), "LOG-01"));
        assertEquals(List.of("6:LOG-01"), only(JavaMissedClassesTest.items("src/main/java/a/Workers.java",
                code.replace("METHOD", "broadcast")), "LOG-01"));
    }

    /** A pasted diff of two hunks of one file; lines start with ' ' (context) or '+' (added). */
    private static String twoHunks(String path, String first, int firstStart, String second, int secondStart) {
        StringBuilder b = new StringBuilder("diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/"
                + path + "\n");
        int shift = 0;
        for (Object[] h : new Object[][] {{first, firstStart}, {second, secondStart}}) {
            List<String> lines = ((String) h[0]).lines().toList();
            long added = lines.stream().filter(l -> l.startsWith("+")).count();
            int start = (Integer) h[1];
            b.append("@@ -").append(start - shift).append(',').append(lines.size() - added).append(" +").append(start)
                    .append(',').append(lines.size()).append(" @@\n");
            lines.forEach(l -> b.append(l).append('\n'));
            shift += (int) added;
        }
        return b.toString();
    }

    @Test
    void a_loop_opened_before_a_gap_of_the_diff_does_not_hold_a_log_after_it() {
        String first = " \tpublic Store() {\n \t\tfor (int i = 0; i < n; i++) {\n \t\t\tpairs.add(newPair());";
        String second = " \tpublic void start() {\n+\t\tlog.info(\"start\");\n \t\tservice.start();\n \t}";
        // rocketmq: the constructor's loop closes in the gap; start() is far below
        assertEquals(List.of(), pasted(twoHunks("src/main/java/a/Store.java", first, 10, second, 40), "LOG-01"));
        // the same log inside a loop the diff shows whole is reported
        String run = " \tpublic void run(List<String> ids) {\n \t\tfor (String id : ids) {\n"
                + "+\t\t\tlog.info(\"start\");\n \t\t}";
        assertEquals(List.of("42:LOG-01"), pasted(twoHunks("src/main/java/a/Store.java", first, 10, run, 40),
                "LOG-01"));
    }

    @Test
    void console_output_of_a_command_line_tool_is_its_purpose_elsewhere_it_is_logging() {
        String hunk = """
                diff --git a/PATH b/PATH
                --- a/PATH
                +++ b/PATH
                @@ -20,4 +20,5 @@
                 \t\tfor (String key : keys) {
                +\t\t\tSystem.out.printf("key: %s%n", key);
                 \t\t\tcount++;
                 \t\t}
                 \t}
                """;
        assertEquals(List.of(), pasted(hunk.replace("PATH", "tools/src/main/java/a/ExportConfigCommand.java"),
                "LOG-01"));
        assertEquals(List.of("21:LOG-01"), pasted(hunk.replace("PATH", "broker/src/main/java/a/ConfigService.java"),
                "LOG-01"));
        String go = """
                diff --git a/PATH b/PATH
                --- a/PATH
                +++ b/PATH
                @@ -760,3 +760,4 @@
                 \tfor it.Next() {
                +\t\tfmt.Printf("%s %g\\n", lbs, val)
                 \t}
                 }
                """;
        // prometheus: promtool's dump prints each sample; the diff does not show 'package main', the cmd/ folder does
        assertEquals(List.of(), pasted(go.replace("PATH", "cmd/promtool/tsdb.go"), "LOG-01"));
        assertEquals(List.of("761:LOG-01"), pasted(go.replace("PATH", "tsdb/dump.go"), "LOG-01"));
    }

    // LOG-02: what costs nothing when the level is off

    @Test
    void a_constant_message_or_a_debug_flag_guard_costs_nothing_a_concatenated_value_unguarded_does() {
        String code = """
                package a;

                class Scan {
                    int scan(String[] packages) {
                        boolean debugEnabled = logger.isDebugEnabled();
                        GUARD {
                            logger.debug(MESSAGE);
                        }
                        return packages.length;
                    }
                }
                """;
        String concat = "\"scanning \" + java.util.Arrays.asList(packages)";
        // dubbo: the level test kept in a local
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Scan.java",
                code.replace("GUARD", "if (debugEnabled)").replace("MESSAGE", concat)), "LOG-02"));
        assertEquals(List.of("7:LOG-02"), only(JavaMissedClassesTest.items("src/main/java/a/Scan.java",
                code.replace("GUARD", "if (packages.length > 0)").replace("MESSAGE", concat)), "LOG-02"));
        // rocketmq: a long parameterised message split over two literals
        String split = "\"pop groupId={}, \" +\n                \"topicId={}\", packages[0], packages[1]";
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Scan.java",
                code.replace("GUARD", "if (packages.length > 0)").replace("MESSAGE", split)), "LOG-02"));
    }

    // ERR-01: best-effort calls whose error nobody can act on

    @Test
    void best_effort_calls_assigned_to_blank_are_clean_a_dropped_operation_error_is_not() {
        String code = """
                package proxy

                func (c conn) Read(b []byte) (int, error) {
                \tCALL
                \treturn c.Conn.Read(b)
                }
                """;
        for (String clean : List.of("_ = c.Conn.SetReadDeadline(time.Now().Add(c.timeout))",
                "_ = c.Conn.SetWriteDeadline(time.Time{})", "_ = c.pipe.CloseWithError(err)",
                "_ = c.rw.FlushError()", "_ = http.NewResponseController(c.rw).Flush()")) {
            assertEquals(List.of(), only(items("proxy/conn.go", code.replace("CALL", clean)), "ERR-01"), clean);
        }
        for (String dropped : List.of("_ = c.enc.Provision(ctx)", "_ = c.renewCerts(ca)", "_ = c.store.Save(b)")) {
            assertEquals(List.of("4:ERR-01"), only(items("proxy/conn.go", code.replace("CALL", dropped)), "ERR-01"),
                    dropped);
        }
    }

    @Test
    void java_closing_quietly_or_a_catch_named_as_dropped_is_clean_an_empty_catch_around_work_is_not() {
        String code = """
                package a;

                class Client {
                    void stop() {
                        try {
                            BODY
                        } catch (java.io.IOException NAME) {
                        }
                    }
                }
                """;
        // dubbo: closing the HTTP client in close(), and a stream's close in a finally named 'suppressed'
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Client.java",
                code.replace("BODY", "this.http.close();").replace("NAME", "e")), "ERR-01"));
        assertEquals(List.of(), only(JavaMissedClassesTest.items("src/main/java/a/Client.java",
                code.replace("BODY", "out.write(bytes);").replace("NAME", "suppressed")), "ERR-01"));
        assertEquals(List.of("7:ERR-01"), only(JavaMissedClassesTest.items("src/main/java/a/Client.java",
                code.replace("BODY", "out.write(bytes);").replace("NAME", "e")), "ERR-01"));
    }

    // TX-02: only a database connection's Close is a database call

    @Test
    void a_network_connections_close_is_not_a_database_call_a_sql_connections_is() {
        String code = """
                package proxy

                func done(conn TYPE) {
                	_ = conn.Close()
                }
                """;
        // caddy: a net.Conn and a QUIC connection closed in cleanup were reported as database calls
        assertEquals(List.of(), only(items("proxy/done.go", code.replace("TYPE", "net.Conn")), "TX-02"));
        assertEquals(List.of(), only(items("proxy/done.go", code.replace("TYPE", "*quic.Conn")), "TX-02"));
        assertEquals(List.of("4:TX-02"), only(items("proxy/done.go", code.replace("TYPE", "*sql.Conn")), "TX-02"));
        assertEquals(List.of("4:TX-02"), only(items("proxy/done.go", code.replace("TYPE", "*sql.Rows")
                .replace("conn", "rows")), "TX-02"));
    }

    // TMO-01: a dialer used on the spot for a unix socket

    @Test
    void a_dialer_dialling_a_unix_socket_needs_no_timeout_one_dialling_tcp_does() {
        String code = """
                package scrape

                func dial(ctx context.Context, addr string) (net.Conn, error) {
                \treturn (&net.Dialer{}).DialContext(ctx, NETWORK, addr)
                }
                """;
        assertEquals(List.of(), only(items("scrape/dial.go", code.replace("NETWORK", "\"unix\"")), "TMO-01"));
        assertEquals(List.of("4:TMO-01"), only(items("scrape/dial.go", code.replace("NETWORK", "\"tcp\"")), "TMO-01"));
    }

    // RES-02: a change that only touches a comment on the line that takes the response

    @Test
    void a_comment_only_edit_of_a_partial_function_leaves_its_lifecycle_alone_a_code_edit_does_not() {
        String diff = """
                diff --git a/tls/issuer.go b/tls/issuer.go
                --- a/tls/issuer.go
                +++ b/tls/issuer.go
                @@ -337,7 +337,7 @@ func (iss *Issuer) refresh(ctx context.Context) error {
                 \treq.Header.Set("Content-Type", "application/x-www-form-urlencoded")
                 \treq.Header.Set("User-Agent", agent)
                 
                -\tresp, err := OLD
                +\tresp, err := NEW
                 \tif err != nil {
                 \t\treturn fmt.Errorf("performing request: %v", err)
                 \t}
                """;
        // (a function that returns only an error must close the body itself: a path off the cut of one that returns
        // a value is not reported, PrecisionSet9ClassesTest)
        // caddy: a lint comment added; the defer resp.Body.Close() sits below the hunk
        assertEquals(List.of(), pasted(diff.replace("OLD", "iss.client.Do(req)")
                .replace("NEW", "iss.client.Do(req) //nolint:gosec // URL from trusted config"), "RES-02"));
        // the call itself changed: the new code's lifecycle is the change's
        assertEquals(List.of("340:RES-02"), pasted(diff.replace("OLD", "iss.client.Get(url)")
                .replace("NEW", "iss.client.Do(req) // now with headers"), "RES-02"));
    }

    @Test
    void comments_are_cut_from_code_but_urls_in_strings_are_kept() {
        assertEquals("resp,err:=c.Do(req)", CommentOnlyEdits.code("\tresp, err := c.Do(req) //nolint:gosec"));
        assertEquals("u:=\"http://x/y\"", CommentOnlyEdits.code("u := \"http://x/y\" // the URL"));
        assertEquals("a:=b+c", CommentOnlyEdits.code("a := b /* sum */ + c"));
    }
}
