package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 27's Go concurrency classes (branch goconc27), each over its own class diffs in
 * {@code review/classes25/<dir>/}: defects named by their {@code # expect:} headers, look-alikes ({@code ok-*}) clean.
 */
class GoConcurrency27Test {

    /**
     * A map field that the type's own methods lock in one place and write bare in a method that runs on a goroutine
     * of its own: its comment says a goroutine, callback or handler calls it, it is a run loop waiting in a select,
     * it is started with {@code go}, or it is called from a callback literal. Clean: the caller holds the lock (said
     * in the comment), the loop locks, the map is filled while the value is built, nothing says a goroutine runs it,
     * and the goroutine writes a field no method locks.
     */
    @Test
    void a_locked_map_written_bare_on_a_goroutine_of_its_own_is_reported() {
        ClassDiffs25.check("conc-guarded-field-goroutine", Set.of("CONC-03"));
    }

    /**
     * Goroutines that run none of the program's work, so a panic has nowhere to come from or ends a process that is
     * ending anyway: a collector that keeps what workers report in its own slice or counter, and a shutdown goroutine
     * whose channel carries ending signals only and which ends the process. Still reported: a collector that runs the
     * program's code or writes a map, a SIGHUP reload, a channel shared by a reload and a stop, a drain without an
     * exit.
     */
    @Test
    void collectors_and_shutdown_goroutines_need_no_recover_work_and_reloads_do() {
        ClassDiffs25.check("conc01-collector-shutdown", Set.of("CONC-01"));
    }

    /** The CONC-03 findings of an edit diff of {@code path}, as {@code line:confidence}. */
    private static List<String> lockRemovals(String path, String hunks) {
        String diff = "diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/" + path
                + "\n+++ b/" + path + "\n" + hunks;
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("CONC-03"))
                .map(f -> f.line() + ":" + f.confidence()).toList();
    }

    /**
     * A deleted lock is reported with high confidence when the diff shows that goroutines meet there: the function
     * is named for a goroutine's loop, a watch, a pump or serving requests (or takes an http.ResponseWriter), or
     * another function in sight still takes the same mutex. Alone (an exported method, a helper, a sibling that
     * takes another mutex), the review follows the deleted lock only and says so with low confidence.
     */
    @Test
    void a_deleted_lock_is_high_confidence_when_the_goroutines_are_in_sight() {
        assertEquals(List.of("41:HIGH"), lockRemovals("deconz/socket.go", """
                @@ -38,9 +38,7 @@ func (s *sensorFeed) readLoop(conn *websocket.Conn) {
                 			log.Println("feed closed")
                 			return
                 		}
                -		s.mu.Lock()
                 		s.state[ev.ID] = ev.State
                -		s.mu.Unlock()
                 	}
                 }
                 
                """));
        assertEquals(List.of("13:HIGH"), lockRemovals("web/hits.go", """
                @@ -10,8 +10,6 @@ type counter struct {
                 }
                 
                 func (c *counter) count(w http.ResponseWriter, r *http.Request) {
                -	c.mu.Lock()
                -	defer c.mu.Unlock()
                 	c.hits[r.URL.Path]++
                 	w.WriteHeader(http.StatusNoContent)
                 }
                """));
        assertEquals(List.of("22:HIGH"), lockRemovals("pool/table.go", """
                @@ -14,13 +14,11 @@ type table struct {
                 func (t *table) Get(id string) (*conn, bool) {
                 	t.guard.RLock()
                 	defer t.guard.RUnlock()
                 	c, ok := t.byID[id]
                 	return c, ok
                 }
                 
                 func (t *table) put(id string, c *conn) {
                -	t.guard.Lock()
                -	defer t.guard.Unlock()
                 	t.byID[id] = c
                 }
                 
                """));
        assertEquals(List.of("50:HIGH"), lockRemovals("k8s/pods.go", """
                @@ -48,8 +48,6 @@ func (c *podCache) watchEvents(ctx context.Context, ch <-chan event) {
                 		case ev := <-ch:
                 			if ev.deleted {
                -				c.lock.Lock()
                 				delete(c.pods, ev.key)
                -				c.lock.Unlock()
                 			}
                 		case <-ctx.Done():
                 			return
                """));
        assertEquals(List.of("31:HIGH"), lockRemovals("proxy/frames.go", """
                @@ -28,8 +28,6 @@ func (p *proxy) pumpFrames(src io.Reader) error {
                 		if err != nil {
                 			return err
                 		}
                -		p.seenMu.Lock()
                 		p.seen[f.stream] = time.Now()
                -		p.seenMu.Unlock()
                 	}
                 }
                """));
        // alone: an exported method, a helper, a sibling that takes another mutex
        assertEquals(List.of("29:LOW"), lockRemovals("ocpp/central.go", """
                @@ -26,9 +26,7 @@ func (cs *Central) SendRequest(id, action string, payload any, cb func(any)) e
                 		return err
                 	}
                 	msg := nextID()
                -	cs.mu.Lock()
                 	cs.pending[msg] = call{action: action, cb: cb}
                -	cs.mu.Unlock()
                 	return cs.link.Write(id, msg)
                 }
                 
                """));
        assertEquals(List.of("12:LOW"), lockRemovals("plugins/registry.go", """
                @@ -9,7 +9,5 @@ type registry struct {
                 }
                 
                 func (r *registry) add(name string, p Plugin) {
                -	r.mu.Lock()
                -	defer r.mu.Unlock()
                 	r.byName[name] = p
                 }
                """));
        assertEquals(List.of("19:LOW"), lockRemovals("stats/board.go", """
                @@ -12,12 +12,10 @@ type board struct {
                 func (b *board) Hits() int {
                 	b.statsMu.Lock()
                 	defer b.statsMu.Unlock()
                 	return b.total
                 }
                 
                 func (b *board) record(user string) {
                -	b.usersMu.Lock()
                -	defer b.usersMu.Unlock()
                 	b.users[user]++
                 }
                 
                """));
    }

    /**
     * Breadth pass: a WaitGroup's Add that opens the goroutine it counts (Wait may return first). Clean: Add before
     * the go statement, a counted goroutine adding for its children inside a loop, an Add of another counter, an
     * errgroup's Go.
     */
    @Test
    void a_waitgroup_add_inside_the_goroutine_it_counts_is_reported() {
        ClassDiffs25.check("conc06-waitgroup-add-inside", Set.of("CONC-06"));
    }

    /**
     * Breadth pass: a result sent on an unbuffered channel that a select reads only until a timeout, a ticker or a
     * cancelled context wins (the sender blocks forever). Clean: a buffer of one, a sender that selects on the
     * context, a close instead of a send, a select with no way out but the result.
     */
    @Test
    void a_result_send_with_no_reader_after_a_timeout_is_reported() {
        ClassDiffs25.check("conc06-result-send-abandoned", Set.of("CONC-06"));
    }

    /**
     * Breadth pass: a value-receiver method locks a copy of the mutex while it reads or ranges a map or slice that
     * pointer methods write. Clean: a pointer receiver, a mutex held by pointer, a plain field read.
     */
    @Test
    void a_value_receiver_reading_under_a_copied_lock_is_reported() {
        ClassDiffs25.check("conc03-value-receiver-reads", Set.of("CONC-03"));
    }
}
