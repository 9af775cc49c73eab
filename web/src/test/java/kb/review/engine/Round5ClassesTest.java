package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of code the round-5 corpus (diffs shaped like real pull requests: git's three lines of context, pure
 * deletions) showed the review missing, each defect next to the look-alike the same rule must stay silent on.
 * Findings are compared as "line:item"; the fixtures are written for these tests, not taken from the corpus.
 */
class Round5ClassesTest {

    /**
     * A diff of one file with one hunk starting at {@code oldStart}/{@code newStart}; the body's lines keep git's
     * prefixes (' ', '-', '+') and the header's counts are computed from them.
     */
    static String hunk(String path, int oldStart, int newStart, String body) {
        String[] lines = body.split("\n");
        int old = 0;
        int now = 0;
        for (String l : lines) {
            old += l.startsWith("+") ? 0 : 1;
            now += l.startsWith("-") ? 0 : 1;
        }
        return "diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path + "\n@@ -" + oldStart
                + "," + old + " +" + newStart + "," + now + " @@\n" + body + (body.endsWith("\n") ? "" : "\n");
    }

    static List<String> items(String diff) {
        return TestRules.reviewDiff(diff).active().stream().map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    // --- class 1: a thread-local whose declaration the hunk does not show ---

    @Test
    void a_thread_local_set_at_the_top_of_a_loop_leaks_through_the_visible_return_though_the_method_is_cut() {
        String diff = hunk("src/main/java/a/Dispatcher.java", 30, 30, """
                     Outcome dispatch(List<Task> tasks) {
                         for (Task t : tasks) {
                +            CURRENT_TASK.set(t);
                             if (t.finished()) {
                                 return Outcome.skipped(t);
                             }
                """);
        assertEquals(List.of("32:CONC-04"), items(diff));
    }

    @Test
    void the_same_set_removed_in_a_finally_around_the_return_is_clean() {
        String diff = hunk("src/main/java/a/Dispatcher.java", 30, 30, """
                     Outcome dispatch(List<Task> tasks) {
                         for (Task t : tasks) {
                +            CURRENT_TASK.set(t);
                +            try {
                +                if (t.finished()) {
                +                    return Outcome.skipped(t);
                +                }
                +            } finally {
                +                CURRENT_TASK.remove();
                +            }
                             run(t);
                             audit(t);
                             count++;
                """);
        assertEquals(List.of(), items(diff));
    }

    private static final String SCOPE_FINALLY = """
                     public Answer answer(Question q) throws AnswerException {
                         SCOPE.set(q.scope());
                         try {
            -                return solver.solve(q);
            +                return solver.solve(q, q.hints());
                         } finally {
            %s
                         }
                     }
            """;

    @Test
    void a_remove_in_finally_replaced_by_set_null_leaves_the_value_of_a_name_only_its_calls_show_as_thread_local() {
        String diff = hunk("src/main/java/a/Oracle.java", 12, 12, SCOPE_FINALLY.formatted("""
                -            SCOPE.remove();
                +            SCOPE.set(null);"""));
        assertEquals(List.of("13:CONC-04"), items(diff));
    }

    @Test
    void the_same_change_that_keeps_the_remove_in_finally_is_clean() {
        String diff = hunk("src/main/java/a/Oracle.java", 12, 12, SCOPE_FINALLY.formatted(
                "             SCOPE.remove();"));
        assertEquals(List.of(), items(diff));
    }

    @Test
    void a_name_set_and_read_but_never_removed_is_not_taken_for_a_thread_local() {
        // set(v) and get() are the shape of an AtomicReference too: without a remove() nothing says per-thread
        String diff = hunk("src/main/java/a/Cache.java", 8, 8, """
                     void refresh(Loader loader) {
                +        LATEST.set(loader.load());
                         log.info("refreshed {}", LATEST.get());
                     }
                """);
        assertEquals(List.of(), items(diff));
    }

    private static final String THREAD_LOCAL_SETTER = """
                     public void execute(Session s, String sql) throws Exception {
                         s.setThreadLocalSession();
                         try {
                             new Statement(s, sql).run();
                         } catch (ParseException e) {
                             s.reportError(e);
            %s
                         }
                     }
            """;

    @Test
    void deleting_the_finally_that_removed_what_a_thread_local_setter_set_is_reported_at_the_setter() {
        String diff = hunk("src/main/java/a/Runner.java", 20, 20, THREAD_LOCAL_SETTER.formatted("""
                -        } finally {
                -            SessionHolder.remove();"""));
        assertEquals(List.of("21:CONC-04"), items(diff));
    }

    @Test
    void deleting_a_no_argument_remove_of_a_local_iterator_or_queue_is_no_thread_local_finding() {
        String diff = hunk("src/main/java/a/Runner.java", 20, 20, """
                     void drain(Iterator<Job> jobs) {
                         while (jobs.hasNext()) {
                             Job j = jobs.next();
                -            jobs.remove();
                             j.run();
                         }
                     }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 7: a deleted release whose acquisition the hunk shows is reported at the acquisition ---

    private static final String POLL = """
                 	for attempt := 0; attempt < retries; attempt++ {
                 		resp, err := client.Get(healthURL)
                 		if err == nil {
                 			healthy := resp.StatusCode == http.StatusOK
            %s
                 			if healthy {
                 				return nil
                 			}
            """;

    @Test
    void a_close_deleted_from_a_poll_loop_is_reported_at_the_get_the_hunk_shows() {
        String diff = hunk("deploy/health.go", 40, 40, POLL.formatted("-\t\t\tresp.Body.Close()"));
        assertEquals(List.of("41:RES-02"), items(diff));
    }

    @Test
    void the_close_moved_into_a_helper_given_the_response_is_clean() {
        String diff = hunk("deploy/health.go", 40, 40, POLL.formatted("-\t\t\tresp.Body.Close()\n+\t\t\tcloseQuietly(resp)"));
        // the helper's body is not shown: at most a finding that names it and fails no gate, as for a whole function
        assertEquals(List.of(), TestRules.reviewDiff(diff).active().stream().filter(f -> !f.undecided())
                .map(f -> f.line() + ":" + f.item()).toList());
    }

    private static final String DIGEST = """
                 public %s(Path file) throws IOException {
                     InputStream in = Files.newInputStream(file);
                     try {
            -            return Hashes.sha256(in);
            +            %s
                     } catch (IOException e) {
                         throw new DigestException(file, e);
            -        } finally {
            -            in.close();
                     }
                 }
            """;

    @Test
    void deleting_the_finally_close_of_a_stream_read_by_a_method_whose_result_is_returned_leaks_it() {
        String diff = hunk("src/main/java/a/Digests.java", 15, 15, DIGEST.formatted("String digest",
                "return Hashes.sha256(in).toUpperCase(Locale.ROOT);"));
        assertEquals(List.of("16:RES-01"), items(diff));
    }

    @Test
    void deleting_that_close_when_the_stream_itself_goes_back_to_the_caller_wrapped_is_clean() {
        String diff = hunk("src/main/java/a/Digests.java", 15, 15, DIGEST.formatted("InputStream open",
                "return new BufferedInputStream(in);"));
        assertEquals(List.of(), items(diff));
    }

    // --- class 8: an http.Client built with new() ---

    private static final String NEW_CLIENT = """
            package feed

            import (
            	"net/http"
            	"time"
            )

            func Open(url string) (*Reader, error) {
            	c := new(http.Client)
            %s
            	return newReader(c, url)
            }
            """;

    @Test
    void a_client_built_with_new_has_no_timeout() {
        assertEquals(List.of("9:TMO-01"), GoMissedClassesTest.items("feed/open.go", NEW_CLIENT.formatted("")));
    }

    @Test
    void a_client_built_with_new_and_given_a_timeout_before_use_is_clean() {
        assertEquals(List.of(), GoMissedClassesTest.items("feed/open.go",
                NEW_CLIENT.formatted("\tc.Timeout = 15 * time.Second")));
    }

    // --- class 9: a goroutine started on a named function of the package whose body the diff does not show ---

    private static final String START_PUMP = """
                 	s.mu.Lock()
                 	defer s.mu.Unlock()
                 	s.conns[c.ID()] = c
            +	go %s
                 	return nil
                 }
            """;

    @Test
    void a_goroutine_on_a_method_of_the_package_whose_body_is_unseen_is_reported_and_says_the_body_is_unseen() {
        var findings = TestRules.reviewDiff(hunk("relay/server.go", 20, 20, START_PUMP.formatted("s.pump(c)")))
                .active();
        assertEquals(List.of("23:CONC-01"), findings.stream().map(f -> f.line() + ":" + f.item()).toList());
        // partial function and unseen body: neither lowers a Go finding any more (Hit.calibrated: such goroutines were
        // right on every held-out round and precision set); the note still says what the review did not see
        assertEquals(Finding.Confidence.HIGH, findings.get(0).confidence());
        assertTrue(findings.get(0).note() != null, findings.toString());
    }

    @Test
    void a_goroutine_on_a_library_function_or_on_a_visible_method_that_recovers_is_clean() {
        assertEquals(List.of(), items(hunk("relay/server.go", 20, 20, START_PUMP.formatted("s.http.Serve(c.Listener())"))));
        String recovering = """
                package relay

                func (s *Server) add(c *Conn) {
                	go s.pump(c)
                }

                func (s *Server) pump(c *Conn) {
                	defer func() {
                		if r := recover(); r != nil {
                			s.log.Printf("pump: %v", r)
                		}
                	}()
                	for m := range c.In {
                		s.route(m)
                	}
                }
                """;
        assertEquals(List.of(), GoMissedClassesTest.items("relay/server.go", recovering));
    }

    // --- class 12: a commit whose failure is only logged, on a receiver known by its declared type ---

    private static final String SAVE = """
            package a;

            class Ledger {
                boolean save(%s store, Entry e) {
                    store.insert(e);
                    try {
                        store.commit();
                    } catch (Exception ex) {
                        LOG.warn("commit failed for " + e, ex);
                        %s
                    }
                    return true;
                }
            }
            """;

    @Test
    void a_connection_commit_whose_failure_is_only_logged_is_reported_whatever_the_connection_is_called() {
        assertEquals(List.of("8:TX-02"), JavaMissedClassesTest.items("src/main/java/a/Ledger.java",
                SAVE.formatted("Connection", "")));
    }

    @Test
    void the_same_commit_rolled_back_and_rethrown_or_a_commit_of_something_else_is_clean() {
        assertEquals(List.of(), JavaMissedClassesTest.items("src/main/java/a/Ledger.java",
                SAVE.formatted("Connection", "store.rollback(); throw new LedgerException(ex);")));
        assertEquals(List.of(), JavaMissedClassesTest.items("src/main/java/a/Ledger.java",
                SAVE.formatted("Preferences.Editor", "")));
    }

    // --- class 6: Go resources handed straight to a callee, or obtained from a copied client ---

    private static final String COPIED_CLIENT = """
            package links

            import (
            	"fmt"
            	"net/http"
            )

            func Target(client *http.Client, url string) (string, error) {
            	c := *client
            	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
            	resp, err := c.Get(url)
            	if err != nil {
            		return "", err
            	}
            %s
            	return resp.Header.Get("Location"), nil
            }
            """;

    @Test
    void a_response_from_a_copied_client_value_returned_on_a_bad_status_before_its_defer_leaks_the_body() {
        assertEquals(List.of("11:RES-02"), GoMissedClassesTest.items("links/target.go", COPIED_CLIENT.formatted("""
                	if resp.StatusCode != http.StatusFound {
                		return "", fmt.Errorf("status %d", resp.StatusCode)
                	}
                	defer resp.Body.Close()""")));
    }

    @Test
    void the_same_response_closed_by_a_defer_right_after_the_error_check_is_clean() {
        assertEquals(List.of(), GoMissedClassesTest.items("links/target.go", COPIED_CLIENT.formatted("""
                	defer resp.Body.Close()
                	if resp.StatusCode != http.StatusFound {
                		return "", fmt.Errorf("status %d", resp.StatusCode)
                	}""")));
    }

    private static final String UPLOAD = """
            package sync

            import (
            	"context"
            	"os"
            )

            func (s *Syncer) push(ctx context.Context, path string) (*Remote, error) {
            	f, err := os.Open(path)
            	if err != nil {
            		return nil, err
            	}
            %s
            }
            """;

    @Test
    void a_file_opened_and_returned_straight_into_an_unseen_upload_call_is_never_closed() {
        var findings = TestRules.reviewDiff(LifecycleRulesTest.newFile("sync/push.go",
                UPLOAD.formatted("\treturn s.upload(ctx, path, f)"))).active();
        assertEquals(List.of("9:RES-01"), findings.stream().map(f -> f.line() + ":" + f.item()).toList());
        assertEquals(Finding.Confidence.LOW, findings.get(0).confidence());
    }

    @Test
    void the_same_file_closed_by_a_defer_or_returned_inside_a_new_value_is_clean() {
        assertEquals(List.of(), GoMissedClassesTest.items("sync/push.go",
                UPLOAD.formatted("\tdefer f.Close()\n\treturn s.upload(ctx, path, f)")));
        assertEquals(List.of(), GoMissedClassesTest.items("sync/push.go",
                UPLOAD.formatted("\treturn newRemote(path, f), nil")));
    }

    // --- class 4: a stream lent to a call that can throw, then closed by hand ---

    private static final String EXPORT = """
            package a;

            import java.io.File;
            import java.io.FileOutputStream;
            import java.io.IOException;

            class Exporter {
                void export(Document doc, File target) throws IOException {
                    FileOutputStream out = new FileOutputStream(target);
            %s
                }
            }
            """;

    @Test
    void a_stream_lent_to_a_writer_call_and_closed_after_it_leaks_when_the_call_throws() {
        assertEquals(List.of("9:RES-01"), JavaMissedClassesTest.items("src/main/java/a/Exporter.java",
                EXPORT.formatted("        serializer.write(doc, out);\n        out.close();")));
    }

    @Test
    void the_same_stream_closed_in_finally_or_handed_to_an_owner_that_keeps_it_is_clean() {
        assertEquals(List.of(), JavaMissedClassesTest.items("src/main/java/a/Exporter.java", EXPORT.formatted(
                "        try {\n            serializer.write(doc, out);\n        } finally {\n            out.close();\n        }")));
        // the method never closes it: the callee (an archive that owns its entries) takes it over, as before
        assertEquals(List.of(), JavaMissedClassesTest.items("src/main/java/a/Exporter.java",
                EXPORT.formatted("        archive.attach(doc.name(), out);")));
    }

    // --- class 4: a result set handed back by the project's own query helper ---

    private static final String ROSTER = """
            package a;

            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.util.ArrayList;
            import java.util.List;

            class Roster {
                List<String> names(int team) throws SQLException {
                    List<String> out = new ArrayList<>();
            %s
                    return out;
                }
            }
            """;

    @Test
    void a_result_set_from_a_static_query_helper_closed_by_hand_after_reading_leaks_when_a_read_throws() {
        var findings = TestRules.reviewDiff(LifecycleRulesTest.newFile("src/main/java/a/Roster.java", ROSTER.formatted("""
                        ResultSet rs = SqlHelper.getPreparedResultSet("SELECT name FROM player WHERE team = ?", team);
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                        rs.close();"""))).active();
        assertEquals(List.of("11:RES-01"), findings.stream().map(f -> f.line() + ":" + f.item()).toList());
        // the helper's result is matched by its name (a name match no longer lowers confidence: Hit.calibrated)
        assertEquals(Hit.BY_NAME, findings.get(0).note());
    }

    @Test
    void the_same_result_set_in_try_with_resources_is_clean() {
        assertEquals(List.of(), JavaMissedClassesTest.items("src/main/java/a/Roster.java", ROSTER.formatted("""
                        try (ResultSet rs = SqlHelper.getPreparedResultSet("SELECT name FROM player WHERE team = ?", team)) {
                            while (rs.next()) {
                                out.add(rs.getString(1));
                            }
                        }""")));
    }

    // --- class 5: a result set wrapped into a returned stream with no onClose ---

    private static final String ROWS = """
            package a;

            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.ResultSet;
            import java.sql.SQLException;
            import java.util.Spliterators;
            import java.util.stream.Stream;
            import java.util.stream.StreamSupport;

            class Rows {
                static Stream<Row> stream(Connection c, String sql) throws SQLException {
                    PreparedStatement ps = c.prepareStatement(sql);
                    ps.setQueryTimeout(30);
                    ResultSet rs = ps.executeQuery();
                    RowIterator it = new RowIterator(rs);
                    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, 0), false)%s;
                }
            }
            """;

    @Test
    void a_result_set_wrapped_into_a_returned_stream_without_on_close_can_never_be_closed() {
        assertEquals(List.of("13:RES-01", "15:RES-01"), JavaMissedClassesTest.items("src/main/java/a/Rows.java",
                ROWS.formatted("")));
    }

    @Test
    void the_same_stream_whose_on_close_closes_the_result_set_leaves_only_the_statements_exception_path() {
        // the result set is the stream's now; the statement still leaks if setQueryTimeout or executeQuery throws
        assertEquals(List.of("13:RES-01"), JavaMissedClassesTest.items("src/main/java/a/Rows.java",
                ROWS.formatted(".onClose(() -> closeAll(rs, ps))")));
    }
}
