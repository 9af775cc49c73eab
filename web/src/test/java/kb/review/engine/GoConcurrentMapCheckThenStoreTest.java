package kb.review.engine;

import static kb.review.engine.GoNewFileDiffs.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03's check-then-act in Go: a concurrent map (sync.Map, orcaman's concurrent-map, xsync, haxmap) read, and on a
 * miss filled, in two calls. Reported at the store, where the item's Bad example says the value is lost (round 21
 * labelled the put, not the get). Clean look-alikes: LoadOrStore, the pair under a lock, a map the function builds
 * itself. Code written for this test.
 */
class GoConcurrentMapCheckThenStoreTest {

    private static List<String> conc03(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("CONC-03"))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    // --- defects

    @Test
    void a_sync_map_hit_returned_early_then_a_store_is_found_at_the_store() {
        String src = """
                package limits

                import "sync"

                type Limiters struct{ byKey sync.Map }

                func (l *Limiters) For(key string) *Bucket {
                	if b, ok := l.byKey.Load(key); ok {
                		return b.(*Bucket)
                	}
                	b := newBucket(key)
                	l.byKey.Store(key, b)
                	return b
                }
                """;
        assertEquals(List.of("12:go-concurrent-map-check-then-store"), conc03(newFile("limits/for.go", src)));
    }

    @Test
    void a_sync_map_miss_filled_in_the_then_branch_is_found() {
        String src = """
                package sessions

                import "sync"

                var open sync.Map

                func Get(user string) *Session {
                	if _, ok := open.Load(user); !ok {
                		s := dial(user)
                		open.Store(user, s)
                	}
                	v, _ := open.Load(user)
                	return v.(*Session)
                }
                """;
        assertEquals(List.of("10:go-concurrent-map-check-then-store"), conc03(newFile("sessions/get.go", src)));
    }

    @Test
    void a_load_above_the_if_then_a_store_is_found() {
        String src = """
                package routes

                import "sync"

                type Table struct{ peers sync.Map }

                func (t *Table) Learn(id string, addr string) {
                	_, known := t.peers.Load(id)
                	if !known {
                		t.peers.Store(id, connect(addr))
                	}
                }
                """;
        assertEquals(List.of("10:go-concurrent-map-check-then-store"), conc03(newFile("routes/learn.go", src)));
    }

    @Test
    void a_concurrent_map_has_then_set_is_found() {
        String src = """
                package presence

                import cmap "github.com/orcaman/concurrent-map/v2"

                type Hub struct{ rooms cmap.ConcurrentMap[string, *Room] }

                func (h *Hub) Join(name string) {
                	if ok := h.rooms.Has(name); !ok {
                		h.rooms.Set(name, newRoom(name))
                	}
                }
                """;
        assertEquals(List.of("9:go-concurrent-map-check-then-set"), conc03(newFile("presence/join.go", src)));
    }

    @Test
    void an_xsync_map_get_then_set_is_found() {
        String src = """
                package tokens

                import "github.com/puzpuzpuz/xsync/v3"

                type Cache struct{ m *xsync.MapOf[string, Token] }

                func (c *Cache) Token(aud string) Token {
                	t, found := c.m.Load(aud)
                	if !found {
                		t = c.issue(aud)
                		c.m.Store(aud, t)
                	}
                	return t
                }
                """;
        assertEquals(List.of("11:go-concurrent-map-check-then-store"), conc03(newFile("tokens/cache.go", src)));
    }

    // --- clean look-alikes

    @Test
    void load_or_store_is_clean() {
        String src = """
                package sessions

                import "sync"

                var open sync.Map

                func Get(user string) *Session {
                	if v, ok := open.Load(user); ok {
                		return v.(*Session)
                	}
                	v, _ := open.LoadOrStore(user, dial(user))
                	return v.(*Session)
                }
                """;
        assertEquals(List.of(), conc03(newFile("sessions/get.go", src)));
    }

    @Test
    void the_pair_under_one_lock_is_clean() {
        String src = """
                package routes

                import "sync"

                type Table struct {
                	mu    sync.Mutex
                	peers sync.Map
                }

                func (t *Table) Learn(id string, addr string) {
                	t.mu.Lock()
                	defer t.mu.Unlock()
                	if _, ok := t.peers.Load(id); !ok {
                		t.peers.Store(id, connect(addr))
                	}
                }
                """;
        assertEquals(List.of(), conc03(newFile("routes/learn.go", src)));
    }

    @Test
    void a_map_built_by_the_function_itself_is_clean() {
        String src = """
                package index

                import "sync"

                func build(words []string) *sync.Map {
                	seen := &sync.Map{}
                	for _, w := range words {
                		if _, ok := seen.Load(w); !ok {
                			seen.Store(w, len(w))
                		}
                	}
                	return seen
                }
                """;
        assertEquals(List.of(), conc03(newFile("index/build.go", src)));
    }

    @Test
    void a_plain_cache_get_then_set_without_a_concurrent_library_is_left_alone() {
        String src = """
                package render

                func (r *Renderer) page(key string) []byte {
                	if _, ok := r.cache.Get(key); !ok {
                		r.cache.Set(key, r.build(key))
                	}
                	b, _ := r.cache.Get(key)
                	return b
                }
                """;
        assertEquals(List.of(), conc03(newFile("render/page.go", src)));
    }
}
