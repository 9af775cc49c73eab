package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.hunk;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go classes the blind rounds still missed after round 11, taken as families of common service code: an edit that
 * adds a skip ({@code if ... { continue }}) between an unchanged acquisition and its release at the end of the
 * iteration; a key-value iterator on a store held in a field, left open by a return inside its loop; a process
 * started by {@code return cmd.Start()} and never waited for; {@code time.Tick} called inside a loop; an HTTP
 * transport built per call (a literal or a clone of the default one) inside a client that is itself a throwaway
 * local. Each defect is paired with the look-alike the same rule must stay silent on. The fixtures are written for
 * these tests. Findings are "line:item".
 */
class GoMissesRound12Test {

    // --- class 1: an added skip between an unchanged acquisition and its release at the end of the iteration ---

    private static String importLoop(String skip) {
        return hunk("importer/batches.go", 8, 8, """
                 func (im *Importer) importAll(ctx context.Context, batches []Batch) error {
                 	for _, b := range batches {
                 		tx, err := im.pool.Begin(ctx)
                 		if err != nil {
                 			return err
                 		}
                """ + skip + """
                 		if err := im.write(ctx, tx, b); err != nil {
                 			tx.Rollback(ctx)
                 			continue
                 		}
                 		if err := tx.Commit(ctx); err != nil {
                 			return err
                 		}
                 	}
                 	return nil
                 }
                """);
    }

    @Test
    void a_skip_added_inside_the_loop_that_leaves_the_transaction_open_is_reported_at_its_begin() {
        assertEquals(List.of("10:TX-01"), items(importLoop("""
                +		if b.Empty() {
                +			continue
                +		}
                """)));
    }

    @Test
    void an_added_skip_that_rolls_back_first_and_an_added_branch_that_does_not_leave_stay_silent() {
        assertEquals(List.of(), items(importLoop("""
                +		if b.Empty() {
                +			tx.Rollback(ctx)
                +			continue
                +		}
                """)));
        assertEquals(List.of(), items(importLoop("""
                +		if b.Empty() {
                +			im.stats.empty++
                +		}
                """)));
    }

    // --- class 2: a key-value iterator on a store field, left open by a return inside its loop ---

    private static String firstStale(String afterLoop, String insideLoop) {
        return newFile("store/stale.go", """
                package store

                import (
                	"github.com/cockroachdb/pebble"
                )

                // FirstStale returns the first key under the stale prefix.
                func (s *Store) FirstStale() ([]byte, error) {
                	iter, err := s.kv.NewIter(&pebble.IterOptions{LowerBound: stalePrefix, UpperBound: staleEnd})
                	if err != nil {
                		return nil, err
                	}
                """ + insideLoop + """
                	for valid := iter.First(); valid; valid = iter.Next() {
                		if isStale(iter.Value()) {
                			return append([]byte(nil), iter.Key()...), nil
                		}
                	}
                """ + afterLoop);
    }

    @Test
    void an_iterator_closed_only_after_its_loop_leaks_through_the_return_inside_it() {
        assertEquals(List.of("9:RES-01"), items(firstStale("""
                	return nil, iter.Close()
                }
                """, "")));
    }

    @Test
    void an_iterator_whose_close_is_deferred_stays_silent() {
        assertEquals(List.of(), items(firstStale("""
                	return nil, nil
                }
                """, """
                	defer iter.Close()
                """)));
    }

    // --- class 3: a process started by 'return cmd.Start()' ---

    private static String launcher(String body) {
        return newFile("desktop/launch.go", """
                package desktop

                import "os/exec"

                type Launcher struct {
                	running *exec.Cmd
                }

                // Show opens path in the desktop's viewer and returns once it has started.
                func (l *Launcher) Show(path string) error {
                	cmd := exec.Command("xdg-open", path)
                """ + body + """
                }
                """);
    }

    @Test
    void a_command_whose_start_is_returned_and_never_waited_for_is_reported() {
        assertEquals(List.of("13:RES-01"), items(launcher("""
                	cmd.Stdin = nil
                	return cmd.Start()
                """)));
    }

    @Test
    void a_command_kept_in_a_field_before_it_starts_stays_silent_however_the_start_is_written() {
        assertEquals(List.of(), items(launcher("""
                	l.running = cmd
                	return cmd.Start()
                """)));
        assertEquals(List.of(), items(launcher("""
                	l.running = cmd
                	if err := cmd.Start(); err != nil {
                		return err
                	}
                	return nil
                """)));
    }

    // --- class 4: time.Tick inside a loop ---

    private static String poller(String body) {
        return newFile("health/probe.go", """
                package health

                import (
                	"context"
                	"time"
                )

                func (p *Prober) waitHealthy(ctx context.Context, every time.Duration) error {
                """ + body + """
                }
                """);
    }

    @Test
    void time_tick_called_in_each_iteration_of_a_loop_is_reported() {
        assertEquals(List.of("13:RES-01"), items(poller("""
                	for i := 0; i < p.attempts; i++ {
                		if p.healthy(ctx) {
                			return nil
                		}
                		<-time.Tick(every)
                	}
                	return errUnhealthy
                """)));
        assertEquals(List.of("13:RES-01"), items(poller("""
                	for {
                		select {
                		case <-ctx.Done():
                			return ctx.Err()
                		case <-time.Tick(every):
                		}
                		if p.healthy(ctx) {
                			return nil
                		}
                	}
                """)));
    }

    @Test
    void one_tick_channel_ranged_over_or_made_before_the_loop_stays_silent() {
        assertEquals(List.of(), items(poller("""
                	for range time.Tick(every) {
                		if p.healthy(ctx) {
                			return nil
                		}
                	}
                	return nil
                """)));
        assertEquals(List.of(), items(poller("""
                	ticker := time.NewTicker(every)
                	defer ticker.Stop()
                	for i := 0; i < p.attempts; i++ {
                		if p.healthy(ctx) {
                			return nil
                		}
                		<-ticker.C
                	}
                	return errUnhealthy
                """)));
    }

    // --- class 5: a transport built per call inside a throwaway client ---

    private static String fetcher(String transport, String after) {
        return newFile("feeds/fetch.go", """
                package feeds

                import (
                	"context"
                	"net/http"
                	"time"
                )

                func (f *Fetcher) Fetch(ctx context.Context, url string) (*http.Response, error) {
                """ + transport + """
                	client := &http.Client{Transport: tr, Timeout: 20 * time.Second}
                	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
                	if err != nil {
                		return nil, err
                	}
                """ + after + """
                }
                """);
    }

    @Test
    void a_transport_built_per_call_inside_a_local_client_is_reported() {
        assertEquals(List.of("10:RES-04"), items(fetcher("""
                	tr := &http.Transport{MaxIdleConnsPerHost: 4}
                """, """
                	return client.Do(req)
                """)));
        assertEquals(List.of("10:RES-04"), items(fetcher("""
                	tr := http.DefaultTransport.(*http.Transport).Clone()
                """, """
                	return client.Do(req)
                """)));
    }

    @Test
    void a_transport_whose_client_is_kept_in_a_field_stays_silent() {
        assertEquals(List.of(), items(fetcher("""
                	tr := &http.Transport{MaxIdleConnsPerHost: 4}
                """, """
                	f.client = client
                	return client.Do(req)
                """)));
        // main's bare f.Fetch(...) drops the error the function returns (the errcheck pass of session 30): that is
        // ERR-01's, true; the transport cloned and kept adds nothing
        assertEquals(List.of("21:ERR-01"), items(fetcher("""
                	tr := http.DefaultTransport.(*http.Transport).Clone()
                """, """
                	return client.Do(req.WithContext(ctx))
                }

                func main() {
                	f := &Fetcher{}
                	f.Fetch(context.Background(), "http://localhost")
                """)));
    }

    // --- class 6: a Kubernetes clientset built inside an HTTP handler ---

    private static String nodes(String signature, String build) {
        return newFile("fleet/nodes.go", """
                package fleet

                import (
                	"net/http"

                	"github.com/gin-gonic/gin"
                	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
                	"k8s.io/client-go/kubernetes"
                )

                """ + signature + """
                	cfg, err := a.restConfig(cluster)
                	if err != nil {
                		return err
                	}
                """ + build + """
                	if err != nil {
                		return err
                	}
                	list, err := cs.CoreV1().Nodes().List(ctx, metav1.ListOptions{})
                	if err != nil {
                		return err
                	}
                	return show(list)
                }
                """);
    }

    @Test
    void a_clientset_built_in_a_request_handler_is_reported() {
        assertEquals(List.of("17:RES-04"), items(nodes("""
                func (a *API) Nodes(c *gin.Context) error {
                	ctx, cluster := c.Request.Context(), c.Param("cluster")
                """, """
                	cs, err := kubernetes.NewForConfig(cfg)
                """)));
    }

    @Test
    void a_clientset_built_by_a_command_or_cached_by_the_handler_stays_silent() {
        assertEquals(List.of(), items(nodes("""
                func (a *API) runNodes(ctx context.Context, cluster string) error {
                	_ = http.StatusOK
                """, """
                	cs, err := kubernetes.NewForConfig(cfg)
                """)));
        assertEquals(List.of(), items(nodes("""
                func (a *API) Nodes(c *gin.Context) error {
                	ctx, cluster := c.Request.Context(), c.Param("cluster")
                """, """
                	cs, err := kubernetes.NewForConfig(cfg)
                	a.clientsets[cluster] = cs
                """)));
    }
}
