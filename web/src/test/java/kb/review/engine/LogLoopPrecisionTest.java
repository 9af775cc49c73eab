package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kb.review.diff.DiffFilter;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;
import kb.review.rules.RuleBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loops that LOG-01 took for hot ones on real commits (a broker's metadata sync paging through a remote listing, an
 * export that logs one line per batch it moves), each paired with the hot loop of the same shape that must still be
 * reported: a request per element of an input collection, a consumer loop that receives one message per turn, a
 * request made on one branch only, a line per item after an inner loop.
 */
class LogLoopPrecisionTest {

    private static List<String> logLines(String path, String code) {
        return logLines(TestRules.book(), path, code);
    }

    private static List<String> logLines(RuleBook book, String path, String code) {
        StringBuilder diff = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/" + path + "\n");
        List<String> lines = code.lines().toList();
        diff.append("@@ -0,0 +1,").append(lines.size()).append(" @@\n");
        lines.forEach(l -> diff.append('+').append(l).append('\n'));
        try {
            List<SourceFile> files = DiffParser.parse(diff.toString()).stream().map(SourceFile::fromDiff).toList();
            return new Reviewer(book).review("diff", files, SarifImport.Result.none(), DiffFilter.ADDED).findings()
                    .stream().filter(f -> f.item().equals("LOG-01")).map(f -> Integer.toString(f.line())).toList();
        } catch (kb.review.diff.DiffFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static final String JAVA_PATH = "src/main/java/a/Sync.java";

    private static final String JAVA = """
            package a;

            class Sync {
                Table fetchAll(String addr, java.util.List<String> ids) throws Exception {
                    Table table = new Table();
                    int seq = 0;
                    LOOP {
                        log.info("fetching from seq {}", seq);
                        REQUEST
                        if (page.isEmpty()) {
                            break;
                        }
                        table.putAll(page);
                        seq += page.size();
                    }
                    return table;
                }
            }
            """;

    private static String java(String loop, String request) {
        return JAVA.replace("LOOP", loop).replace("REQUEST", request);
    }

    @Test
    void a_java_loop_paging_through_a_remote_listing_logs_once_per_round_trip() {
        // a synchronous RPC, an HTTP exchange, a query on every turn of a loop that walks no collection
        assertEquals(List.of(), logLines(JAVA_PATH, java("while (true)",
                "Page page = remotingClient.invokeSync(addr, request(seq), 3000);")));
        assertEquals(List.of(), logLines(JAVA_PATH, java("while (seq >= 0)",
                "Page page = Page.parse(httpClient.execute(new HttpGet(addr + seq)));")));
        assertEquals(List.of(), logLines(JAVA_PATH, java("for (;;)",
                "Page page; try { page = Page.of(statement.executeQuery()); } finally { statement.clearParameters(); }")));
    }

    @Test
    void the_same_log_repeats_with_the_traffic_when_the_loop_walks_input_receives_or_requests_on_a_branch() {
        // one request per element of an input collection: one line per input item, however slow each is
        assertEquals(List.of("8"), logLines(JAVA_PATH, java("for (String id : ids)",
                "Page page = remotingClient.invokeSync(addr, request(id), 3000);")));
        assertEquals(List.of("8"), logLines(JAVA_PATH, java("for (int i = 0; i < ids.size(); i++)",
                "Page page = remotingClient.invokeSync(addr, request(ids.get(i)), 3000);")));
        // a consumer loop: taking a message is how traffic arrives, not a request of the loop's own
        assertEquals(List.of("8"), logLines(JAVA_PATH, java("while (true)", "Page page = queue.take();")));
        // the request is made on one branch only: the other turns are not paced by it
        assertEquals(List.of("8"), logLines(JAVA_PATH, java("while (true)",
                "Page page = cache.get(seq); if (page == null) { page = remotingClient.invokeSync(addr, request(seq), 3000); }")));
    }

    private static final String GO_PATH = "sync/fetch.go";

    private static final String GO = """
            package sync

            func fetchAll(ctx context.Context, client *http.Client, ids []string) error {
            	token := ""
            	LOOP {
            		log.Printf("fetching page %s", token)
            		REQUEST
            		if err != nil {
            			return err
            		}
            		token = next(resp)
            		if token == "" {
            			return nil
            		}
            	}
            	return nil
            }
            """;

    private static String go(String loop, String request) {
        return GO.replace("LOOP", loop).replace("REQUEST", request);
    }

    @Test
    void a_go_loop_paging_through_a_remote_listing_logs_once_per_round_trip() {
        assertEquals(List.of(), logLines(GO_PATH, go("for", "resp, err := client.Do(pageRequest(ctx, token))")));
        assertEquals(List.of(), logLines(GO_PATH, go("for token != \"end\"",
                "resp, err := db.QueryContext(ctx, pageQuery, token)")));
    }

    @Test
    void a_go_loop_over_input_or_over_a_stream_it_receives_is_still_reported() {
        assertEquals(List.of("6"), logLines(GO_PATH, go("for _, id := range ids",
                "resp, err := client.Do(itemRequest(ctx, id))")));
        assertEquals(List.of("6"), logLines(GO_PATH, go("for i := 0; i < len(ids); i++",
                "resp, err := client.Do(itemRequest(ctx, ids[i]))")));
        assertEquals(List.of("6"), logLines(GO_PATH, go("for", "resp, err := stream.Recv()")));
    }

    private static final String BATCH = """
            package a;

            class Export {
                void export(java.util.List<Order> orders) {
                    LOOP {
                        FETCH
                        int failed = 0;
                        for (Record r : records) {
                            if (!store.put(r)) {
                                failed++;
                            }
                        }
                        log.info(LINE);
                    }
                }
            }
            """;

    private static String batch(String loop, String fetch, String line) {
        return BATCH.replace("LOOP", loop).replace("FETCH", fetch).replace("LINE", line);
    }

    @Test
    void a_summary_after_the_bulk_work_of_a_turn_is_one_line_per_batch() {
        String fetch = "java.util.List<Record> records = kv.scan(100); if (records.isEmpty()) { break; }";
        // the size of the batch the inner loop walked, or a count it kept
        assertEquals(List.of(), logLines("src/main/java/a/Export.java",
                batch("while (true)", fetch, "\"moved {} records\", records.size()")));
        assertEquals(List.of(), logLines("src/main/java/a/Export.java",
                batch("while (running)", fetch, "\"batch done, {} failed\", failed")));
    }

    @Test
    void a_line_per_item_after_an_inner_loop_is_still_reported() {
        String fetch = "java.util.List<Record> records = kv.scan(100); if (records.isEmpty()) { break; }";
        // the line names no count of the batch: it describes one record per turn
        assertEquals(List.of("13"), logLines("src/main/java/a/Export.java",
                batch("while (true)", fetch, "\"moved {}\", records.get(0)")));
        // a loop over input: one line per order, however much work each turn does first
        assertEquals(List.of("13"), logLines("src/main/java/a/Export.java",
                batch("for (Order o : orders)", "java.util.List<Record> records = o.records();",
                        "\"order {} moved {} records\", o.id(), records.size()")));
    }

    private static final String GO_BATCH = """
            package export

            func drain(q *Queue) {
            	for {
            		batch := q.Take(100)
            		applied := 0
            		for _, ev := range batch {
            			apply(ev)
            			applied++
            		}
            		log.Printf(LINE)
            	}
            }
            """;

    @Test
    void a_go_summary_per_batch_is_not_reported_a_line_naming_one_item_is() {
        assertEquals(List.of(), logLines("export/drain.go",
                GO_BATCH.replace("LINE", "\"applied %d of %d\", applied, len(batch)")));
        assertEquals(List.of("11"), logLines("export/drain.go",
                GO_BATCH.replace("LINE", "\"applied %v\", batch[0]")));
    }

    @TempDir
    Path content;

    /** The project's rules and models, plus one model file of a team's own: its RPC client's paging call. */
    private RuleBook withTeamModel(String yaml) throws Exception {
        try (Stream<Path> all = Files.walk(TestRules.RULES)) {
            for (Path p : all.toList()) {
                Path to = content.resolve(TestRules.RULES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Files.writeString(content.resolve("models").resolve("java-team-rpc.yaml"), yaml);
        return RuleBook.load(content, Catalog.load(TestRules.CATALOG));
    }

    @Test
    void a_team_names_its_own_rpc_client_in_a_model_and_its_paging_loop_is_paced_by_it() throws Exception {
        String paging = java("while (true)", "Page page = ledger.fetchPage(addr, seq);");
        String perItem = java("for (String id : ids)", "Page page = ledger.fetchPage(addr, id);");
        // the shipped models do not know the client: a log per turn of an unknown call is a hot loop
        assertEquals(List.of("8"), logLines(JAVA_PATH, paging));
        RuleBook team = withTeamModel("""
                language: java
                library: the team's ledger client
                round-trips: ['(?:^|\\.)ledger\\.fetchPage$']
                """);
        assertEquals(List.of(), logLines(team, JAVA_PATH, paging));
        // the model names a round trip, not a pass: a request per element of an input list still logs per item
        assertEquals(List.of("8"), logLines(team, JAVA_PATH, perItem));
    }

    private static final String GO_TIMER_LOOP = """
            package probe

            func watch(ctx context.Context, in <-chan string, target string, interval time.Duration) error {
            	for {
            		rtt, err := probe(ctx, target)
            		if err != nil {
            			return err
            		}
            		log.Printf("reply from %s in %s", target, rtt)
            		select {
            		case <-ctx.Done():
            			return ctx.Err()
            		CASE
            		}
            	}
            }
            """;

    @Test
    void a_go_loop_that_waits_on_a_timer_every_turn_logs_once_per_interval() {
        // every turn waits for the interval or leaves: one line per interval, the pace LOG-01 asks for
        assertEquals(List.of(), logLines("probe/watch.go", GO_TIMER_LOOP.replace("CASE", "case <-time.After(interval):")));
        assertEquals(List.of(), logLines("probe/watch.go", GO_TIMER_LOOP.replace("CASE", "case <-ticker.C:")));
        // a case that takes work from a channel and stays in the loop: a line per message again
        assertEquals(List.of("9"), logLines("probe/watch.go", GO_TIMER_LOOP.replace("CASE",
                "case <-time.After(interval):\n\t\tcase name := <-in:\n\t\t\ttarget = name")));
        // a case that leaves on one branch only and otherwise goes on with the work it received
        assertEquals(List.of("9"), logLines("probe/watch.go", GO_TIMER_LOOP.replace("CASE",
                "case <-time.After(interval):\n\t\tcase name := <-in:\n\t\t\tif name == \"\" {\n\t\t\t\treturn nil"
                        + "\n\t\t\t}\n\t\t\ttarget = name")));
        // a default case never waits
        assertEquals(List.of("9"), logLines("probe/watch.go", GO_TIMER_LOOP.replace("CASE",
                "case <-time.After(interval):\n\t\tdefault:")));
    }
    private static final String GO_BACKOFF_LOOP = """
            package probe

            func dial(ctx context.Context, addr string) (net.Conn, error) {
            	backoff := time.Second
            	for {
            		conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
            		if err == nil {
            			return conn, nil
            		}
            		log.Printf("dial %s failed, retrying in %s: %v", addr, backoff, err)
            		MAKE
            		select {
            		case <-ctx.Done():
            			return nil, ctx.Err()
            		case <-t.C:
            		}
            		backoff = min(2*backoff, time.Minute)
            	}
            }
            """;

    @Test
    void a_go_loop_that_waits_on_a_timer_whatever_its_name_logs_once_per_interval() {
        // a timer is one by how it is made: t := time.NewTimer(backoff) ... case <-t.C
        assertEquals(List.of(), logLines("probe/dial.go", GO_BACKOFF_LOOP.replace("MAKE", "t := time.NewTimer(backoff)")));
        assertEquals(List.of(), logLines("probe/dial.go", GO_BACKOFF_LOOP.replace("MAKE", "t := time.NewTicker(backoff)")));
        // the same receive from a value that is not a timer (a work queue with a channel field): a line per message
        assertEquals(List.of("10"), logLines("probe/dial.go", GO_BACKOFF_LOOP.replace("MAKE", "t := newQueue(addr)")));
    }

    private static final String GO_RETRY_WAIT = """
            package probe

            func fetch(ctx context.Context, c *Client, id string) (*Item, error) {
            	for {
            		it, err := c.get(ctx, id)
            		if err == nil {
            			return it, nil
            		}
            		if ctx.Err() != nil {
            			return nil, ctx.Err()
            		}
            		MAKE
            		logrus.WithError(err).Warnf("retrying %s", id)
            		WAIT
            	}
            }
            """;

    @Test
    void a_go_retry_loop_that_waits_on_a_timer_it_made_outside_a_select_logs_once_per_interval() {
        // a bare receive from the channel of a ticker or timer made in the file is the retry's pause, like a sleep
        assertEquals(List.of(), logLines("probe/fetch.go", GO_RETRY_WAIT.replace("MAKE", "pause := time.NewTicker(retryEvery)")
                .replace("WAIT", "<-pause.C")));
        assertEquals(List.of(), logLines("probe/fetch.go", GO_RETRY_WAIT.replace("MAKE", "pause := time.NewTimer(retryEvery)")
                .replace("WAIT", "<-pause.C")));
        // the same receive from a value that is not a timer (a queue's channel) paces nothing: a line per failure
        assertEquals(List.of("13"), logLines("probe/fetch.go", GO_RETRY_WAIT.replace("MAKE", "pause := newQueue(id)")
                .replace("WAIT", "<-pause.C")));
    }

    @Test
    void a_case_whose_last_statement_returns_only_inside_an_if_does_not_leave_the_loop() {
        // the last statement is an if whose body returns: on the other branch the turn goes on with the work it took
        assertEquals(List.of("9"), logLines("probe/watch.go", GO_TIMER_LOOP.replace("CASE",
                "case <-time.After(interval):\n\t\tcase name := <-in:\n\t\t\ttarget = name\n\t\t\tif name == \"\" {"
                        + "\n\t\t\t\treturn nil\n\t\t\t}")));
        // a closure that would exit, as the last statement, does not leave the loop either
        assertEquals(List.of("9"), logLines("probe/watch.go", GO_TIMER_LOOP.replace("CASE",
                "case <-time.After(interval):\n\t\tcase name := <-in:\n\t\t\ttarget = name\n\t\t\tdefer func() {"
                        + "\n\t\t\t\tos.Exit(1)\n\t\t\t}()")));
        // the look-alike: the case's last statement itself returns, so no turn goes on past it
        assertEquals(List.of(), logLines("probe/watch.go", GO_TIMER_LOOP.replace("CASE",
                "case <-time.After(interval):\n\t\tcase name := <-in:\n\t\t\ttarget = name\n\t\t\treturn nil")));
    }

    @Test
    void a_warning_per_invalid_element_skipped_with_continue_is_the_checklists_bad_case() {
        // LOG-01's own bad example: `if (!valid(r)) log.warn(...)` in a loop over a batch, a flood when the upstream
        // breaks, whether the test calls a method, compares a field or looks at a lookup's null
        String java = """
                package a;

                class Intake {
                    void accept(java.util.List<Order> batch) {
                        for (Order o : batch) {
                            if (TEST) {
                                LOG.warn("dropping order {}", o.id());
                                continue;
                            }
                            store.add(o);
                        }
                    }
                }
                """;
        for (String test : List.of("!valid(o)", "o.qty() <= 0", "o == null")) {
            assertEquals(List.of("7"), logLines("src/main/java/a/Intake.java", java.replace("TEST", test)), test);
        }
    }
}
