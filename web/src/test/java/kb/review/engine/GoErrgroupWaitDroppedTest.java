package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-06, the class behind round 20's go-16: the error a group's {@code Wait} returns (errgroup, or conc's pool with
 * errors) is dropped, as a bare statement, a deferred call or an assignment to {@code _}, and the code after it goes on
 * as if every goroutine succeeded. Pull requests often show the {@code Wait} without the line that made the group (it
 * is above the hunk); the group is then known by how it is used: {@code SetLimit}/{@code TryGo} (errgroup's own
 * methods) or a {@code Go} given a function that returns an error ({@code sync.WaitGroup.Go} takes a {@code func()}).
 *
 * <p>Clean look-alikes: the error returned or checked; a {@code sync.WaitGroup} (its Wait returns nothing), including
 * Go 1.25's {@code wg.Go(func() {...})}; a conc pool without errors; a group whose every function returns nil.
 * Code written for this test.
 */
class GoErrgroupWaitDroppedTest {

    private static final String RULE = "go-errgroup-wait-unchecked";

    private static List<String> conc06(String diff) {
        return item(diff, "CONC-06");
    }

    // --- defects

    @Test
    void a_cut_group_with_a_limit_whose_wait_is_a_statement_is_found() {
        String diff = """
                diff --git a/index/rebuild.go b/index/rebuild.go
                index 1111111..2222222 100644
                --- a/index/rebuild.go
                +++ b/index/rebuild.go
                @@ -52,8 +52,10 @@ func Rebuild(ctx context.Context, shards []Shard) error {
                 	g.SetLimit(4)
                 	for _, s := range shards {
                 		g.Go(func() error {
                 			return s.Reindex(ctx)
                 		})
                 	}
                -	return g.Wait()
                +	g.Wait()
                +	log.Printf("rebuilt %d shards", len(shards))
                +	return nil
                 }
                """;
        assertEquals(List.of("58:" + RULE), conc06(diff));
    }

    @Test
    void a_cut_group_known_by_its_error_returning_go_whose_wait_is_discarded_is_found() {
        String diff = """
                diff --git a/sync/mirror.go b/sync/mirror.go
                index 1111111..2222222 100644
                --- a/sync/mirror.go
                +++ b/sync/mirror.go
                @@ -18,10 +18,8 @@ func (m *Mirror) pullAll(ctx context.Context) {
                 	for _, r := range m.remotes {
                 		eg.Go(func() error {
                 			return m.pull(ctx, r)
                 		})
                 	}
                -	if err := eg.Wait(); err != nil {
                -		m.log.Warn("pull", "err", err)
                -	}
                +	_ = eg.Wait()
                 	m.lastSync = time.Now()
                 }
                """;
        assertEquals(List.of("23:" + RULE), conc06(diff));
    }

    @Test
    void a_conc_pool_with_errors_whose_wait_is_a_statement_is_found() {
        String diff = """
                diff --git a/fanout/notify.go b/fanout/notify.go
                new file mode 100644
                --- /dev/null
                +++ b/fanout/notify.go
                @@ -0,0 +1,17 @@
                +package fanout
                +
                +import (
                +	"context"
                +
                +	"github.com/sourcegraph/conc/pool"
                +)
                +
                +func Notify(ctx context.Context, hooks []Hook, ev Event) error {
                +	p := pool.New().WithErrors().WithMaxGoroutines(8)
                +	for _, h := range hooks {
                +		p.Go(func() error { return h.Send(ctx, ev) })
                +	}
                +	p.Wait()
                +	return nil
                +}
                +
                """;
        assertEquals(List.of("14:" + RULE), conc06(diff));
    }

    @Test
    void a_deferred_wait_of_a_group_made_with_a_context_is_found() {
        String diff = """
                diff --git a/crawl/run.go b/crawl/run.go
                new file mode 100644
                --- /dev/null
                +++ b/crawl/run.go
                @@ -0,0 +1,18 @@
                +package crawl
                +
                +import (
                +	"context"
                +
                +	"golang.org/x/sync/errgroup"
                +)
                +
                +func (c *Crawler) Run(ctx context.Context, seeds []string) {
                +	g, ctx := errgroup.WithContext(ctx)
                +	defer g.Wait()
                +	for _, s := range seeds {
                +		g.Go(func() error {
                +			return c.visit(ctx, s)
                +		})
                +	}
                +}
                +
                """;
        assertEquals(List.of("11:" + RULE), conc06(diff));
    }

    @Test
    void a_zero_value_group_whose_wait_is_assigned_to_blank_is_found() {
        String diff = """
                diff --git a/warm/cache.go b/warm/cache.go
                new file mode 100644
                --- /dev/null
                +++ b/warm/cache.go
                @@ -0,0 +1,17 @@
                +package warm
                +
                +import (
                +	"context"
                +
                +	"golang.org/x/sync/errgroup"
                +)
                +
                +func Warm(ctx context.Context, keys []string, load func(context.Context, string) error) {
                +	var g errgroup.Group
                +	for _, k := range keys {
                +		g.Go(func() error { return load(ctx, k) })
                +	}
                +	_ = g.Wait()
                +}
                +
                +var _ = context.Background
                """;
        assertEquals(List.of("14:" + RULE), conc06(diff));
    }

    // --- clean look-alikes

    @Test
    void a_cut_group_whose_wait_error_is_returned_or_checked_is_clean() {
        String diff = """
                diff --git a/index/rebuild.go b/index/rebuild.go
                index 1111111..2222222 100644
                --- a/index/rebuild.go
                +++ b/index/rebuild.go
                @@ -52,6 +52,9 @@ func Rebuild(ctx context.Context, shards []Shard) error {
                 	g.SetLimit(4)
                 	for _, s := range shards {
                 		g.Go(func() error { return s.Reindex(ctx) })
                 	}
                -	return g.Wait()
                +	if err := g.Wait(); err != nil {
                +		return fmt.Errorf("rebuild: %w", err)
                +	}
                +	return nil
                 }
                """;
        assertEquals(List.of(), conc06(diff));
    }

    @Test
    void a_wait_group_with_go_of_a_plain_function_is_clean() {
        String diff = """
                diff --git a/probe/all.go b/probe/all.go
                index 1111111..2222222 100644
                --- a/probe/all.go
                +++ b/probe/all.go
                @@ -12,7 +12,8 @@ func (p *Prober) probeAll(ctx context.Context) {
                 	for _, t := range p.targets {
                -		wg.Add(1)
                -		go func() { defer wg.Done(); p.probe(ctx, t) }()
                +		wg.Go(func() {
                +			p.probe(ctx, t)
                +		})
                 	}
                 	wg.Wait()
                 	p.done.Store(true)
                 }
                """;
        assertEquals(List.of(), conc06(diff));
    }

    @Test
    void a_conc_pool_without_errors_is_clean() {
        String diff = """
                diff --git a/fanout/touch.go b/fanout/touch.go
                new file mode 100644
                --- /dev/null
                +++ b/fanout/touch.go
                @@ -0,0 +1,12 @@
                +package fanout
                +
                +import "github.com/sourcegraph/conc/pool"
                +
                +func Touch(items []Item) {
                +	p := pool.New().WithMaxGoroutines(4)
                +	for _, it := range items {
                +		p.Go(func() { it.Touch() })
                +	}
                +	p.Wait()
                +}
                +
                """;
        assertEquals(List.of(), conc06(diff));
    }

    @Test
    void a_cut_group_whose_every_function_returns_nil_is_clean() {
        String diff = """
                diff --git a/report/collect.go b/report/collect.go
                index 1111111..2222222 100644
                --- a/report/collect.go
                +++ b/report/collect.go
                @@ -20,11 +20,11 @@ func (r *Report) collect(ctx context.Context) {
                 	for i, src := range r.sources {
                 		g.Go(func() error {
                 			if err := src.Load(ctx); err != nil {
                 				r.failed[i] = err
                 			}
                 			return nil
                 		})
                 	}
                -	_ = g.Wait()
                +	g.Wait()
                 	r.merge()
                 }
                """;
        assertEquals(List.of(), conc06(diff));
    }
}
