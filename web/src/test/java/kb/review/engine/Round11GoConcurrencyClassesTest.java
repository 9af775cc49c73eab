package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of Go concurrency the round-11 held-out corpus showed the review missing: a retry loop that sleeps through
 * the request's context (CONC-05), and errgroup workers started from a request handler without a recover (CONC-01),
 * each next to the look-alike the same rule must stay silent on (a wait on the context, a recovering worker, workers a
 * command starts). Split from {@link Round11ClassesTest}; the fixtures are written for these tests, not taken from
 * the corpus. Findings are compared as "line:item".
 */
class Round11GoConcurrencyClassesTest {

    // --- class 7: a retry loop that sleeps through the request's context (CONC-05) ---

    @Test
    void a_retry_loop_sleeping_in_a_function_given_the_request_is_reported() {
        String diff = newFile("client/retry.go", """
                package client

                import (
                	"net/http"
                	"time"
                )

                func (c *Retrier) Send(req *http.Request) (*http.Response, error) {
                	var last error
                	for i := 0; i < c.attempts; i++ {
                		resp, err := c.hc.Do(req)
                		if err == nil {
                			return resp, nil
                		}
                		last = err
                		time.Sleep(c.pause(i))
                	}
                	return nil, last
                }
                """);
        assertEquals(List.of("16:CONC-05"), items(diff));
    }

    @Test
    void a_retry_loop_that_waits_on_the_requests_context_is_clean() {
        String diff = newFile("client/retry2.go", """
                package client

                import (
                	"net/http"
                	"time"
                )

                func (c *Retrier) Send2(req *http.Request) (*http.Response, error) {
                	var last error
                	for i := 0; i < c.attempts; i++ {
                		resp, err := c.hc.Do(req)
                		if err == nil {
                			return resp, nil
                		}
                		last = err
                		select {
                		case <-req.Context().Done():
                			return nil, req.Context().Err()
                		case <-time.After(c.pause(i)):
                		}
                	}
                	return nil, last
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 8: errgroup workers started from a request handler (CONC-01) ---

    @Test
    void errgroup_workers_started_from_a_handler_without_recover_are_reported() {
        String diff = newFile("api/batch.go", """
                package api

                import (
                	"net/http"

                	"golang.org/x/sync/errgroup"
                )

                func (s *Server) Refresh(w http.ResponseWriter, r *http.Request) {
                	g, ctx := errgroup.WithContext(r.Context())
                	for _, id := range s.ids {
                		g.Go(func() error {
                			return s.refreshOne(ctx, id)
                		})
                	}
                	if err := g.Wait(); err != nil {
                		http.Error(w, err.Error(), http.StatusBadGateway)
                	}
                }
                """);
        // one task per id of the list with no SetLimit is CONC-02's fan-out too (go-goroutine-per-range-element)
        assertEquals(List.of("12:CONC-01", "12:CONC-02"), items(diff));
    }

    @Test
    void errgroup_workers_that_recover_or_that_a_command_starts_are_clean() {
        String diff = newFile("api/batch2.go", """
                package api

                import (
                	"context"
                	"fmt"
                	"net/http"

                	"golang.org/x/sync/errgroup"
                )

                func (s *Server) Refresh2(w http.ResponseWriter, r *http.Request) {
                	g, ctx := errgroup.WithContext(r.Context())
                	for _, id := range s.ids {
                		g.Go(func() (err error) {
                			defer func() {
                				if p := recover(); p != nil {
                					err = fmt.Errorf("panic: %v", p)
                				}
                			}()
                			return s.refreshOne(ctx, id)
                		})
                	}
                	if err := g.Wait(); err != nil {
                		http.Error(w, err.Error(), http.StatusBadGateway)
                	}
                }

                func RunAll(ctx context.Context, jobs []func(context.Context) error) error {
                	g, gctx := errgroup.WithContext(ctx)
                	for _, j := range jobs {
                		g.Go(func() error { return j(gctx) })
                	}
                	return g.Wait()
                }
                """);
        // clean for CONC-01; the handler's recovering task per id, with no SetLimit, is CONC-02's fan-out
        assertEquals(List.of("14:CONC-02"), items(diff));
    }
}
