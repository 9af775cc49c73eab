package kb.review.engine;

import static kb.review.engine.GoNewFileDiffs.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Breadth for the Go concurrency items, from real fix threads of libraries and shapes no earlier round used, each
 * retold in code written for this test (names and bodies are this test's own): timer callbacks that panic
 * (kaspanet/kaspad#600, project-flogo/stream#5), sync.Map load-then-store races (orian/counters#5,
 * volcano-sh/kthena#1196, SaveTheRbtz/generic-sync-map-go#1), a goroutine per parsed stream or per sent request
 * (sonroyaalmerol/m3u-stream-merger-proxy#76, probelabs/goreplay#54, airbrake/gobrake#45), and a timed wait whose
 * helper goroutine tears nothing down but sends a result (BishopFox/sliver#1089, google/cadvisor#2549: CONC-01 stays
 * quiet on such a helper; the leak itself is another item's).
 */
class GoConcurrencyBreadthS25Test {

    private static List<String> items(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().startsWith("CONC-"))
                .map(f -> f.line() + ":" + f.item()).toList();
    }

    @Test
    void a_timer_callback_that_expires_a_session_without_a_recover_is_found() {
        String src = """
                package session

                import "time"

                func (s *Store) touch(id string) {
                	s.timers[id] = time.AfterFunc(s.ttl, func() {
                		s.expire(id)
                		s.metrics.Expired.Inc()
                	})
                }
                """;
        assertEquals(List.of("6:CONC-01"), items(newFile("session/touch.go", src)));
    }

    @Test
    void timer_callbacks_that_recover_cancel_or_close_are_clean() {
        String src = """
                package session

                import (
                	"context"
                	"net"
                	"time"
                )

                func (s *Store) arm(id string, conn net.Conn, cancel context.CancelFunc) {
                	time.AfterFunc(s.ttl, func() {
                		defer s.recoverTimer(id)
                		s.expire(id)
                	})
                	time.AfterFunc(s.ttl, cancel)
                	time.AfterFunc(s.ttl, func() {
                		_ = conn.Close()
                	})
                }
                """;
        assertEquals(List.of(), items(newFile("session/arm.go", src)));
    }

    @Test
    void a_counter_box_filled_by_load_then_store_is_found() {
        String src = """
                package counters

                import "sync"

                type Box struct{ all sync.Map }

                func (b *Box) Counter(name string) *Counter {
                	v, ok := b.all.Load(name)
                	if !ok {
                		c := &Counter{name: name}
                		b.all.Store(name, c)
                		return c
                	}
                	return v.(*Counter)
                }
                """;
        assertEquals(List.of("11:CONC-03"), items(newFile("counters/box.go", src)));
    }

    @Test
    void a_pod_index_updated_in_place_after_a_load_is_found_and_load_or_store_is_clean() {
        String racy = """
                package store

                import "sync"

                type Index struct{ pods sync.Map }

                func (x *Index) AddOrUpdate(key string, p *Pod) {
                	if _, found := x.pods.Load(key); !found {
                		x.pods.Store(key, &entry{pod: p})
                		return
                	}
                	x.update(key, p)
                }
                """;
        assertEquals(List.of("9:CONC-03"), items(newFile("store/index.go", racy)));
        String fixed = """
                package store

                import "sync"

                type Index struct{ pods sync.Map }

                func (x *Index) AddOrUpdate(key string, p *Pod) {
                	if _, loaded := x.pods.LoadOrStore(key, &entry{pod: p}); loaded {
                		x.update(key, p)
                	}
                }
                """;
        assertEquals(List.of(), items(newFile("store/index.go", fixed)));
    }

    @Test
    void a_goroutine_per_parsed_stream_is_found_and_a_worker_pool_is_clean() {
        String perStream = """
                package m3u

                import "sync"

                func (p *Parser) ParseAll(entries []Entry) {
                	var wg sync.WaitGroup
                	for _, e := range entries {
                		wg.Add(1)
                		go func(e Entry) {
                			defer wg.Done()
                			defer p.recoverEntry(e.URL)
                			p.parse(e)
                		}(e)
                	}
                	wg.Wait()
                }
                """;
        assertEquals(List.of("9:CONC-02"), items(newFile("m3u/parse.go", perStream)));
        String pooled = """
                package m3u

                import "sync"

                func (p *Parser) ParseAll(entries []Entry) {
                	work := make(chan Entry)
                	var wg sync.WaitGroup
                	for w := 0; w < p.parallel; w++ {
                		wg.Add(1)
                		go func() {
                			defer wg.Done()
                			defer p.recoverWorker()
                			for e := range work {
                				p.parse(e)
                			}
                		}()
                	}
                	for _, e := range entries {
                		work <- e
                	}
                	close(work)
                	wg.Wait()
                }
                """;
        assertEquals(List.of(), items(newFile("m3u/parse.go", pooled)));
    }

    @Test
    void a_goroutine_per_request_read_from_the_input_channel_is_found() {
        String src = """
                package replay

                func (o *HTTPOutput) run(in chan []byte) {
                	for data := range in {
                		go o.send(data)
                	}
                }
                """;
        List<String> found = items(newFile("replay/output.go", src));
        assertEquals(true, found.contains("5:CONC-02"), found.toString());
    }

    @Test
    void a_timed_wait_whose_helper_only_hands_the_result_back_is_clean_for_conc01() {
        String src = """
                package runner

                import (
                	"errors"
                	"os/exec"
                	"time"
                )

                func runWithTimeout(cmd *exec.Cmd, d time.Duration) error {
                	done := make(chan error, 1)
                	go func() {
                		done <- cmd.Wait()
                	}()
                	select {
                	case err := <-done:
                		return err
                	case <-time.After(d):
                		_ = cmd.Process.Kill()
                		return errors.New("timed out")
                	}
                }
                """;
        assertEquals(List.of(), items(newFile("runner/timeout.go", src)));
    }
}
