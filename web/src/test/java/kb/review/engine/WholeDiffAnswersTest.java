package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round12ClassesTest.edit;
import static kb.review.engine.Round12ClassesTest.hunk;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import org.junit.jupiter.api.Test;

/**
 * Answers about the whole diff that every file of a change asks again, now worked out once per review (issue 11's
 * speed): whether the change adds a recover or a deleted statement back anywhere (CONC-01's and ERR-01's deletion
 * rules, which a moved recovery or log must silence wherever it lands), whether a Go function of another file hands
 * back a new client on every call (RES-04, asked by each file that may call it), and the line of the diff a hunk
 * starts on (every hunk's header, and the error that names a bad one). The class is a change of several files that
 * ask the same question: each file must get the answer a review of it alone with the same other files would give,
 * whichever file asked first. Each defect is paired with the look-alike that stays silent; the fixtures are written
 * for these tests. Findings are "line:item".
 */
class WholeDiffAnswersTest {

    private static String deletedRecover(String path, String replacement) {
        return edit(path, hunk(20, 20, "func (p *Pool) Start(n int) {", """
                 	for i := 0; i < n; i++ {
                 		p.wg.Add(1)
                 		go func(id int) {
                 			defer p.wg.Done()
                -			defer p.recoverWorker(id)
                REPLACEMENT 			p.loop(id)
                 		}(i)
                 	}
                """.replace("REPLACEMENT", replacement)));
    }

    private static String helper(String body) {
        return newFile("internal/safe/safe.go", """
                package safe

                import "log"

                func Report(id int) {
                BODY}
                """.replace("BODY", body));
    }

    @Test
    void each_file_that_takes_a_goroutines_recovery_away_is_reported_at_its_launch() {
        assertEquals(List.of("22:CONC-01", "22:CONC-01"),
                items(deletedRecover("ingest/pool.go", "") + deletedRecover("export/pool.go", "")));
        // handed to a helper of another file that only logs: still no recovery, in either file
        String handed = "+\t\t\tdefer safe.Report(id)\n";
        assertEquals(List.of("22:CONC-01", "22:CONC-01"), items(deletedRecover("ingest/pool.go", handed)
                + deletedRecover("export/pool.go", handed) + helper("\tlog.Printf(\"worker %d stopped\", id)\n")));
    }

    @Test
    void a_recovery_moved_into_a_helper_of_another_file_is_clean_in_every_file_whichever_comes_first() {
        String handed = "+\t\t\tdefer safe.Report(id)\n";
        String recovers = helper("""
                \tif r := recover(); r != nil {
                \t\tlog.Printf("worker %d panicked: %v", id, r)
                \t}
                """);
        String edits = deletedRecover("ingest/pool.go", handed) + deletedRecover("export/pool.go", handed);
        assertEquals(List.of(), items(edits + recovers));
        assertEquals(List.of(), items(recovers + edits));
    }

    private static String emptiedCatch(String path, String handling) {
        return edit(path, hunk(40, 40, "class Reaper {", """
                     void expire(Session s) {
                         try {
                             s.invalidate();
                -        } catch (StoreException e) {
                -HANDLING
                +        } catch (StoreException ignored) {
                         }
                         sessions.remove(s.id());
                     }
                """.replace("HANDLING", handling)));
    }

    @Test
    void each_java_file_that_empties_a_handling_catch_is_reported_at_its_catch() {
        assertEquals(List.of("43:ERR-01", "43:ERR-01"), items(
                emptiedCatch("src/main/java/a/SessionReaper.java", "            log.warn(\"expire failed\", e);")
                        + emptiedCatch("src/main/java/b/TokenReaper.java", "            metrics.increment(\"expire.failed\");")));
    }

    @Test
    void handling_the_change_adds_back_in_a_later_file_is_moved_not_dropped_for_both_catches() {
        assertEquals(List.of(), items(
                emptiedCatch("src/main/java/a/SessionReaper.java", "            log.warn(\"expire failed\", e);")
                        + emptiedCatch("src/main/java/b/TokenReaper.java", "            metrics.increment(\"expire.failed\");")
                        + newFile("src/main/java/c/Expiry.java", """
                                package c;

                                class Expiry {
                                    void failed(Exception e) {
                                        log.warn("expire failed", e);
                                        metrics.increment("expire.failed");
                                    }
                                }
                                """)));
    }

    private static final String HELPER = newFile("internal/netx/clients.go", """
            package netx

            import (
            	"net/http"
            	"time"
            )

            func MirrorClient(timeout time.Duration) *http.Client {
            	return &http.Client{
            		Timeout:   timeout,
            		Transport: &http.Transport{MaxIdleConnsPerHost: 8},
            	}
            }
            """);

    private static String handler(String path, String use) {
        return newFile(path, """
                package mirror

                import (
                	"net/http"

                	"example.com/app/internal/netx"
                )

                type Pusher struct {
                	target string
                	client *http.Client
                }

                func (p *Pusher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
                USE	resp, err := client.Post(p.target, "application/octet-stream", r.Body)
                	if err != nil {
                		http.Error(w, err.Error(), http.StatusBadGateway)
                		return
                	}
                	resp.Body.Close()
                	w.WriteHeader(http.StatusNoContent)
                }
                """.replace("USE", use));
    }

    /**
     * The RES-04 findings only: the fixture's handler posts with {@code client.Post} while {@code r.Context()} is in
     * scope, which TMO-02 reports as well since session 30 (models/go-context-twins-30.yaml); a true finding of
     * another item on a line written for this one.
     */
    static List<String> ofRes04(List<String> items) {
        return items.stream().filter(i -> i.endsWith(":RES-04")).toList();
    }

    @Test
    void every_handler_that_asks_another_files_helper_for_a_new_client_per_request_is_reported() {
        String perRequest = "\tclient := netx.MirrorClient(30 * time.Second)\n";
        assertEquals(List.of("15:RES-04", "15:RES-04"), ofRes04(items(HELPER
                + handler("internal/mirror/push.go", perRequest) + handler("internal/mirror/pull.go", perRequest))));
    }

    @Test
    void a_handler_that_keeps_its_client_stays_silent_beside_one_that_asks_per_request() {
        assertEquals(List.of("15:RES-04"), ofRes04(items(HELPER
                + handler("internal/mirror/push.go", "\tclient := netx.MirrorClient(30 * time.Second)\n")
                + handler("internal/mirror/pull.go", "\tclient := p.client\n"))));
        assertEquals(List.of(), ofRes04(items(handler("internal/mirror/pull.go", "\tclient := p.client\n") + HELPER)));
    }

    @Test
    void a_bad_hunk_far_down_a_long_diff_is_named_by_its_own_line() {
        StringBuilder diff = new StringBuilder();
        for (int f = 0; f < 40; f++) {
            diff.append(newFile("svc/f" + f + ".go", "package svc\n\nfunc F" + f + "() {}\n"));
        }
        int lines = diff.toString().split("\n", -1).length - 1;
        // the hunk header counts two added lines but three follow
        diff.append("diff --git a/svc/z.go b/svc/z.go\n--- a/svc/z.go\n+++ b/svc/z.go\n@@ -1,0 +1,2 @@\n+a\n+b\n+c\n");
        DiffFormatException e = assertThrows(DiffFormatException.class, () -> DiffParser.parse(diff.toString()));
        assertEquals(lines + 7, e.line());
        assertEquals(List.of(), items(diff.substring(0, diff.indexOf("diff --git a/svc/z.go"))));
    }
}
