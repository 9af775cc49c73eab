package kb.review.engine;

import static kb.review.engine.GoNewFileDiffs.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-02, the class behind round 21's go-23 and go-26: a goroutine started for every element of a slice or map a
 * range loop walks, with no limit on how many run at once, so the fan-out is as wide as the input. The launch is a
 * bare {@code go} (a literal given the element, a literal that captures it, a named function or method) or a task
 * handed to a group's {@code Go} (errgroup without SetLimit, Go 1.25's sync.WaitGroup, conc's pool); the loop may sit
 * inside {@code for {}}, and the goroutine may recover (no CONC-01 then). Clean look-alikes: the same loops bounded
 * by SetLimit, a semaphore channel or a weighted semaphore, a loop over a literal list, shards or configured
 * listeners, a fixed pool of workers. Code written for this test.
 */
class GoGoroutinePerRangeElementTest {

    private static final String RULE = "go-goroutine-per-range-element";

    private static List<String> conc02(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("CONC-02"))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    // --- defects

    @Test
    void a_recovering_goroutine_per_user_inside_a_sync_loop_is_found() {
        String src = """
                package billing

                import (
                	"context"
                	"sync"
                	"time"
                )

                func (b *Biller) loop(ctx context.Context) {
                	for {
                		accounts, _ := b.repo.Due(ctx)
                		var wg sync.WaitGroup
                		for _, acct := range accounts {
                			wg.Add(1)
                			go func(a Account) {
                				defer wg.Done()
                				defer b.catchPanic(a.ID)
                				b.charge(ctx, a)
                			}(acct)
                		}
                		wg.Wait()
                		time.Sleep(b.every)
                	}
                }
                """;
        assertEquals(List.of("15:" + RULE), conc02(newFile("billing/loop.go", src)));
    }

    @Test
    void an_errgroup_task_per_file_without_a_limit_is_found() {
        String src = """
                package upload

                import (
                	"context"

                	"golang.org/x/sync/errgroup"
                )

                func PushAll(ctx context.Context, store Store, paths []string) error {
                	g, gctx := errgroup.WithContext(ctx)
                	for _, p := range paths {
                		g.Go(func() error {
                			return store.Put(gctx, p)
                		})
                	}
                	return g.Wait()
                }
                """;
        assertEquals(List.of("12:" + RULE), conc02(newFile("upload/push.go", src)));
    }

    @Test
    void a_go_125_wait_group_task_per_row_is_found() {
        String src = """
                package export

                import "sync"

                func (e *Exporter) Flush(rows map[string]Row) {
                	var wg sync.WaitGroup
                	for key, row := range rows {
                		wg.Go(func() {
                			e.sink.Write(key, row)
                		})
                	}
                	wg.Wait()
                }
                """;
        assertEquals(List.of("8:" + RULE), conc02(newFile("export/flush.go", src)));
    }

    @Test
    void a_named_method_launched_per_peer_without_a_join_is_found() {
        String src = """
                package gossip

                func (n *Node) announce(msg Message) {
                	peers := n.table.Snapshot()
                	for _, peer := range peers {
                		go n.sendTo(peer, msg)
                	}
                }
                """;
        assertEquals(List.of("6:" + RULE), conc02(newFile("gossip/announce.go", src)));
    }

    @Test
    void a_conc_pool_task_per_image_is_found() {
        String src = """
                package thumbs

                import "github.com/sourcegraph/conc/pool"

                func Render(images []Image) {
                	p := pool.New()
                	for i, img := range images {
                		p.Go(func() {
                			resize(i, img)
                		})
                	}
                	p.Wait()
                }
                """;
        assertEquals(List.of("8:" + RULE), conc02(newFile("thumbs/render.go", src)));
    }

    @Test
    void a_literal_that_captures_the_order_of_a_field_is_found() {
        String src = """
                package fulfil

                import "sync"

                func (s *Service) shipAll() {
                	var wg sync.WaitGroup
                	for _, o := range s.pending {
                		wg.Add(1)
                		go func() {
                			defer wg.Done()
                			s.ship(o)
                		}()
                	}
                	wg.Wait()
                }
                """;
        assertEquals(List.of("9:" + RULE), conc02(newFile("fulfil/ship.go", src)));
    }

    // --- clean look-alikes

    @Test
    void the_same_errgroup_with_a_limit_is_clean() {
        String src = """
                package upload

                import (
                	"context"

                	"golang.org/x/sync/errgroup"
                )

                func PushAll(ctx context.Context, store Store, paths []string) error {
                	g, gctx := errgroup.WithContext(ctx)
                	g.SetLimit(8)
                	for _, p := range paths {
                		g.Go(func() error {
                			return store.Put(gctx, p)
                		})
                	}
                	return g.Wait()
                }
                """;
        assertEquals(List.of(), conc02(newFile("upload/push.go", src)));
    }

    @Test
    void a_semaphore_slot_taken_before_each_launch_is_clean() {
        String src = """
                package billing

                import "sync"

                func (b *Biller) chargeAll(accounts []Account) {
                	var wg sync.WaitGroup
                	for _, acct := range accounts {
                		b.slots <- struct{}{}
                		wg.Add(1)
                		go func(a Account) {
                			defer wg.Done()
                			defer func() { <-b.slots }()
                			b.charge(a)
                		}(acct)
                	}
                	wg.Wait()
                }
                """;
        assertEquals(List.of(), conc02(newFile("billing/charge.go", src)));
    }

    @Test
    void a_weighted_semaphore_is_clean() {
        String src = """
                package mirror

                import (
                	"context"
                	"sync"

                	"golang.org/x/sync/semaphore"
                )

                func (m *Mirror) fetchAll(ctx context.Context, repos []Repo) {
                	sem := semaphore.NewWeighted(4)
                	var wg sync.WaitGroup
                	for _, r := range repos {
                		if err := sem.Acquire(ctx, 1); err != nil {
                			break
                		}
                		wg.Add(1)
                		go func(r Repo) {
                			defer wg.Done()
                			defer sem.Release(1)
                			m.fetch(ctx, r)
                		}(r)
                	}
                	wg.Wait()
                }
                """;
        assertEquals(List.of(), conc02(newFile("mirror/fetch.go", src)));
    }

    @Test
    void one_server_per_configured_listener_and_one_worker_per_shard_are_clean() {
        String src = """
                package gateway

                import "sync"

                func (g *Gateway) Run() {
                	for _, ln := range g.listeners {
                		go g.http.Serve(ln)
                	}
                	var wg sync.WaitGroup
                	for i, sh := range g.shards {
                		wg.Add(1)
                		go func() {
                			defer wg.Done()
                			sh.compact(i)
                		}()
                	}
                	for _, addr := range g.cfg.Upstreams {
                		go g.probe(addr)
                	}
                	wg.Wait()
                }
                """;
        assertEquals(List.of(), conc02(newFile("gateway/run.go", src)));
    }

    @Test
    void a_fixed_pool_of_workers_reading_a_channel_is_clean() {
        String src = """
                package index

                import "sync"

                func Build(docs []Doc, workers int) {
                	jobs := make(chan Doc)
                	var wg sync.WaitGroup
                	for i := range workers {
                		wg.Add(1)
                		go func() {
                			defer wg.Done()
                			for d := range jobs {
                				add(i, d)
                			}
                		}()
                	}
                	for _, d := range docs {
                		jobs <- d
                	}
                	close(jobs)
                	wg.Wait()
                }
                """;
        assertEquals(List.of(), conc02(newFile("index/build.go", src)));
    }

    @Test
    void a_literal_list_of_two_steps_is_clean() {
        String src = """
                package boot

                import "sync"

                func warm(c *Cache) {
                	var wg sync.WaitGroup
                	for _, step := range []func(){c.loadUsers, c.loadPlans} {
                		wg.Add(1)
                		go func() {
                			defer wg.Done()
                			step()
                		}()
                	}
                	wg.Wait()
                }
                """;
        assertEquals(List.of(), conc02(newFile("boot/warm.go", src)));
    }
}
