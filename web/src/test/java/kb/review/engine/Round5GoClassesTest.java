package kb.review.engine;

import static kb.review.engine.Round5ClassesTest.hunk;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go classes of code the round-5 corpus (diffs shaped like real pull requests: git's three lines of context, pure
 * deletions) showed the review missing: an http.Client built with new() (class 8), a goroutine started on a named
 * function whose body the diff does not show (class 9), and resources handed straight to a callee or obtained from a
 * copied client (class 6). Each defect sits next to the look-alike the same rule must stay silent on. Split from
 * {@link Round5ClassesTest}, whose {@code items} they share; the fixtures are written for these tests, not taken from
 * the corpus.
 */
class Round5GoClassesTest {

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
}
