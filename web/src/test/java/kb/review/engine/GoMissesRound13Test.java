package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go classes the blind rounds kept missing (rounds 1, 7, 10 and 12 each had one): a log per item on a branch of a
 * loop over input that the review took for rare. A comparison of the item's field with a literal
 * ({@code if o.Qty <= 0}) is a test of the item's data, not a sampling bound; a failure branch that counts the items
 * it skips ({@code rejected++}) expects many of them; the error of a check of the loop's own item
 * ({@code if err := validate(o); err != nil}) is the same test as {@code if !valid(o)}. And a helper instead of an
 * inline construction (round 5): a function of another file of the change that builds a new HTTP transport and
 * returns it, called by a handler on every request. Each defect is paired with the look-alike the rule must stay
 * silent on. The fixtures are written for these tests. Findings are "line:item".
 */
class GoMissesRound13Test {

    private static List<String> review(String path, String code) {
        return items(newFile(path, code));
    }

    // --- class 1: a field of the item compared with a literal is a data test, not a sampling bound ---

    private static String pricing(String test, String step) {
        return """
                package pricing

                import "log/slog"

                type Line struct {
                	SKU string
                	Qty int
                }

                func Billable(lines []Line) []Line {
                	var out []Line
                	shown := 0
                	for _, l := range lines {
                		if TEST {
                			slog.Warn("dropping line", "sku", l.SKU)
                			STEP
                		}
                		out = append(out, l)
                	}
                	return out
                }
                """.replace("TEST", test).replace("STEP", step);
    }

    @Test
    void a_warning_per_line_whose_quantity_is_not_positive_is_reported() {
        assertEquals(List.of("15:LOG-01"), review("pricing/lines.go", pricing("l.Qty <= 0", "continue")));
    }

    @Test
    void a_bound_on_a_counter_the_loop_steps_logs_the_first_few_only() {
        assertEquals(List.of(), review("pricing/lines.go", pricing("shown < 3", "shown++")));
    }

    // --- class 2: a failure branch that counts the item it skips ---

    private static String relay(String branch) {
        return """
                package relay

                import "go.uber.org/zap"

                type Forwarder struct {
                	log     *zap.Logger
                	out     chan []byte
                	dropped int
                }

                func (f *Forwarder) offer(frame []byte) error {
                	select {
                	case f.out <- frame:
                		return nil
                	default:
                		return errBusy
                	}
                }

                func (f *Forwarder) Forward(frames [][]byte) {
                	for _, fr := range frames {
                		if err := f.offer(fr); err != nil {
                BRANCH
                		}
                	}
                }
                """.replace("BRANCH", branch);
    }

    @Test
    void a_warning_beside_the_tally_of_dropped_frames_is_one_line_per_dropped_frame() {
        assertEquals(List.of("24:LOG-01"), review("relay/forward.go", relay("""
                			f.dropped++
                			f.log.Warn("frame dropped", zap.Error(err))
                			continue""")));
    }

    @Test
    void the_same_failure_logged_without_a_tally_or_sampled_by_it_stays_a_failure_path() {
        assertEquals(List.of(), review("relay/forward.go", relay("""
                			f.log.Warn("frame dropped", zap.Error(err))
                			continue""")));
        assertEquals(List.of(), review("relay/forward.go", relay("""
                			f.dropped++
                			if f.dropped <= 5 {
                				f.log.Warn("frame dropped", zap.Error(err))
                			}""")));
        assertEquals(List.of(), review("relay/forward.go", relay("""
                			f.dropped++
                			if first == nil {
                				first = err
                				f.log.Warn("first frame dropped", zap.Error(err))
                			}""")));
    }

    // --- class 3: the error of a check of the loop's own item ---

    private static String ingest(String call) {
        return """
                package ingest

                import log "github.com/sirupsen/logrus"

                type Reading struct {
                	Sensor string
                	Value  float64
                }

                func (s *Store) Keep(readings []Reading) []Reading {
                	kept := readings[:0]
                	for _, r := range readings {
                		if err := CALL; err != nil {
                			log.WithField("sensor", r.Sensor).Warnf("reading rejected: %v", err)
                			continue
                		}
                		kept = append(kept, r)
                	}
                	return kept
                }
                """.replace("CALL", call);
    }

    @Test
    void a_warning_per_reading_that_fails_its_validation_is_reported() {
        assertEquals(List.of("14:LOG-01"), review("ingest/keep.go", ingest("s.validateReading(r)")));
    }

    @Test
    void a_failed_write_of_the_reading_or_a_check_of_something_else_stays_a_failure_path() {
        assertEquals(List.of(), review("ingest/keep.go", ingest("s.db.Insert(r)")));
        assertEquals(List.of(), review("ingest/keep.go", ingest("s.checkQuota()")));
        assertEquals(List.of(), review("ingest/keep.go", ingest("s.decodeReading(r)")));
    }

    // --- class 4: a helper of another file that builds a new transport, called per request ---

    private static String helper(String body) {
        return newFile("internal/netx/clients.go", """
                package netx

                import (
                	"net/http"
                	"time"
                )

                func MirrorClient(timeout time.Duration) *http.Client {
                """ + body + """
                }
                """);
    }

    private static final String FRESH = """
            	return &http.Client{
            		Timeout:   timeout,
            		Transport: &http.Transport{MaxIdleConnsPerHost: 8},
            	}
            """;

    private static String handler(String fields, String use) {
        return newFile("internal/mirror/push.go", """
                package mirror

                import (
                	"net/http"

                	"example.com/app/internal/netx"
                )

                type Pusher struct {
                	target string
                FIELDS}

                func (p *Pusher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
                USE	resp, err := client.Post(p.target, "application/octet-stream", r.Body)
                	if err != nil {
                		http.Error(w, err.Error(), http.StatusBadGateway)
                		return
                	}
                	resp.Body.Close()
                	w.WriteHeader(http.StatusNoContent)
                }
                """.replace("FIELDS", fields).replace("USE", use));
    }

    @Test
    void a_handler_that_asks_the_helper_for_a_client_on_every_request_is_reported_at_the_call() {
        assertEquals(List.of("14:RES-04"), items(helper(FRESH)
                + handler("", "\tclient := netx.MirrorClient(30 * time.Second)\n")));
    }

    @Test
    void a_client_asked_for_once_and_kept_or_a_helper_that_caches_its_client_stays_silent() {
        assertEquals(List.of(), WholeDiffAnswersTest.ofRes04(items(helper(FRESH) + handler("\tclient *http.Client\n", """
                	client := p.client
                """) + newFile("internal/mirror/new.go", """
                package mirror

                import (
                	"time"

                	"example.com/app/internal/netx"
                )

                func NewPusher(target string) *Pusher {
                	return &Pusher{target: target, client: netx.MirrorClient(30 * time.Second)}
                }
                """))));
        assertEquals(List.of(), WholeDiffAnswersTest.ofRes04(items(helper("""
                	mirrorOnce.Do(func() {
                		mirror = &http.Client{Timeout: timeout, Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
                	})
                	return mirror
                """) + handler("", "\tclient := netx.MirrorClient(30 * time.Second)\n"))));
    }
}
