package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-02, the class behind round 20's go-15: an edit takes work off a bounded hand-off (a worker's channel in a
 * select, a semaphore channel's slot, a weighted semaphore's Acquire, a goroutine pool's Submit, errgroup's SetLimit)
 * and starts a bare goroutine for it per call: as many goroutines as calls in flight. Reported as CONC-02 at the go
 * line, in place of CONC-01's finding there (the launch existed behind the bound; whether the started method recovers
 * is out of sight). Clean look-alikes: the reverse edit (a goroutine replaced by the hand-off), a bound swapped for
 * another one, a signal send removed beside an unrelated goroutine, a goroutine added beside an unchanged bound.
 * Code written for this test.
 */
class GoRemovedHandOffsTest {

    private static final String RULE = "goroutine-replaces-bounded-hand-off";

    private static List<String> conc(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("CONC-02") || f.item().equals("CONC-01"))
                .map(f -> f.line() + ":" + f.item() + ":" + f.rule()).toList();
    }

    // --- defects

    @Test
    void a_select_hand_off_to_a_worker_replaced_by_a_goroutine_per_call_is_found() {
        String diff = """
                diff --git a/dispatch/queue.go b/dispatch/queue.go
                index 1111111..2222222 100644
                --- a/dispatch/queue.go
                +++ b/dispatch/queue.go
                @@ -30,12 +30,8 @@ func NewDispatcher(n int) *Dispatcher {
                
                 // Enqueue hands task to a worker.
                 func (d *Dispatcher) Enqueue(ctx context.Context, task Task) error {
                -	select {
                -	case d.tasks <- task:
                -		return nil
                -	case <-ctx.Done():
                -		return ctx.Err()
                -	}
                +	go d.execute(ctx, task)
                +	return nil
                 }
                
                 // execute runs one task.
                """;
        assertEquals(List.of("33:CONC-02:" + RULE), conc(diff));
    }

    @Test
    void a_semaphore_slot_removed_around_a_rewritten_launch_is_found() {
        String diff = """
                diff --git a/thumbs/render.go b/thumbs/render.go
                index 1111111..2222222 100644
                --- a/thumbs/render.go
                +++ b/thumbs/render.go
                @@ -40,7 +40,3 @@ func (r *Renderer) OnUpload(img Image) {
                 	r.pending.Inc()
                -	r.slots <- struct{}{}
                -	go func() {
                -		defer func() { <-r.slots }()
                -		r.render(img)
                -	}()
                +	go r.render(img)
                 }
                """;
        assertEquals(List.of("41:CONC-02:" + RULE), conc(diff));
    }

    @Test
    void a_weighted_semaphore_acquire_removed_before_a_launch_is_found() {
        String diff = """
                diff --git a/mirror/fetch.go b/mirror/fetch.go
                index 1111111..2222222 100644
                --- a/mirror/fetch.go
                +++ b/mirror/fetch.go
                @@ -22,6 +22,3 @@ func (m *Mirror) Request(ctx context.Context, blob Digest) error {
                -	if err := m.limit.Acquire(ctx, 1); err != nil {
                -		return err
                -	}
                -	go func() { defer m.limit.Release(1); m.fetch(context.Background(), blob) }()
                +	go m.fetch(context.Background(), blob)
                 	return nil
                 }
                """;
        assertEquals(List.of("22:CONC-02:" + RULE), conc(diff));
    }

    @Test
    void a_pool_submit_replaced_by_a_goroutine_per_connection_message_is_found() {
        String diff = """
                diff --git a/gateway/frames.go b/gateway/frames.go
                index 1111111..2222222 100644
                --- a/gateway/frames.go
                +++ b/gateway/frames.go
                @@ -60,5 +60,3 @@ func (g *Gateway) onFrame(conn *Conn, frame []byte) {
                 	g.frames.Inc()
                -	if err := g.workers.Submit(func() { g.handleFrame(conn, frame) }); err != nil {
                -		g.rejected.Inc()
                -	}
                +	go g.handleFrame(conn, frame)
                 }
                """;
        assertEquals(List.of("61:CONC-02:" + RULE), conc(diff));
    }

    @Test
    void a_send_to_a_jobs_queue_replaced_by_a_goroutine_is_found() {
        String diff = """
                diff --git a/billing/charges.go b/billing/charges.go
                index 1111111..2222222 100644
                --- a/billing/charges.go
                +++ b/billing/charges.go
                @@ -75,3 +75,3 @@ func (b *Biller) Charge(inv Invoice) {
                 	b.log.Debug("queueing charge", "invoice", inv.ID)
                -	b.jobQueue <- inv
                +	go b.process(inv)
                 }
                """;
        assertEquals(List.of("76:CONC-02:" + RULE), conc(diff));
    }

    // --- clean look-alikes

    @Test
    void a_goroutine_replaced_by_the_hand_off_is_clean() {
        String diff = """
                diff --git a/billing/charges.go b/billing/charges.go
                index 1111111..2222222 100644
                --- a/billing/charges.go
                +++ b/billing/charges.go
                @@ -75,3 +75,3 @@ func (b *Biller) Charge(inv Invoice) {
                 	b.log.Debug("queueing charge", "invoice", inv.ID)
                -	go b.process(inv)
                +	b.jobQueue <- inv
                 }
                """;
        assertEquals(List.of(), conc(diff));
    }

    @Test
    void a_semaphore_channel_swapped_for_a_weighted_semaphore_is_clean() {
        String diff = """
                diff --git a/thumbs/render.go b/thumbs/render.go
                index 1111111..2222222 100644
                --- a/thumbs/render.go
                +++ b/thumbs/render.go
                @@ -40,7 +40,10 @@ func (r *Renderer) OnUpload(ctx context.Context, img Image) {
                 	r.pending.Inc()
                -	r.slots <- struct{}{}
                -	go func() {
                -		defer func() { <-r.slots }()
                -		r.render(img)
                -	}()
                +	if err := r.sem.Acquire(ctx, 1); err != nil {
                +		return
                +	}
                +	go func() {
                +		defer r.sem.Release(1)
                +		defer r.recoverRender()
                +		r.render(img)
                +	}()
                 }
                """;
        assertEquals(List.of(), conc(diff));
    }

    @Test
    void a_done_signal_removed_beside_an_unrelated_goroutine_is_clean() {
        String diff = """
                diff --git a/watch/loop.go b/watch/loop.go
                index 1111111..2222222 100644
                --- a/watch/loop.go
                +++ b/watch/loop.go
                @@ -50,3 +50,3 @@ func (w *Watcher) restart(ctx context.Context) {
                 	w.stopOld()
                -	w.done <- struct{}{}
                +	go w.refresh(ctx)
                 }
                """;
        assertEquals(List.of("51:CONC-01:go-goroutine-without-recover"), conc(diff));
    }

    @Test
    void a_goroutine_added_beside_an_unchanged_bound_is_clean() {
        String diff = """
                diff --git a/mirror/fetch.go b/mirror/fetch.go
                index 1111111..2222222 100644
                --- a/mirror/fetch.go
                +++ b/mirror/fetch.go
                @@ -22,6 +22,7 @@ func (m *Mirror) Request(ctx context.Context, blob Digest) error {
                 	if err := m.limit.Acquire(ctx, 1); err != nil {
                 		return err
                 	}
                +	m.requested.Inc()
                 	go func() { defer m.limit.Release(1); defer m.recoverFetch(); m.fetch(ctx, blob) }()
                 	return nil
                 }
                """;
        assertEquals(List.of(), conc(diff));
    }
}
