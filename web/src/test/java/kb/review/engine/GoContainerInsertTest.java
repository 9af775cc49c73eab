package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03's Go fill-on-miss rule ({@code go-cache-map-field-filled-unlocked}: an exported method that fills a plain
 * map field on a miss, a cache every caller goroutine shares) against set 14's GI row: a container type's insert
 * ({@code Enqueue}, {@code Add}, {@code Put}) that stores the value its caller handed in, unchanged, after looking
 * for a duplicate. Nothing is built on the miss, so it is no cache, and a Go container leaves locking to whoever owns
 * it (the item asks that state reachable from two goroutines be synchronized; nothing in the container says it is).
 * A cache that builds, opens or computes the value it stores on a miss stays reported, whatever it is called.
 */
class GoContainerInsertTest {

    private static final String RULE = "go-cache-map-field-filled-unlocked";

    private static List<String> of(String diff) {
        return GoRound8ClassesTest.item(diff, "CONC-03").stream().filter(s -> s.endsWith(RULE)).toList();
    }

    private static String type(String name, String method) {
        return file("store/" + name.toLowerCase() + ".go", """
                type NAME struct {
                	byKey map[string]*Entry
                	order []*Entry
                }

                """.replace("NAME", name) + method);
    }

    @Test
    void inserts_that_store_the_callers_value_after_a_duplicate_check_are_clean() {
        assertEquals(List.of(), of(type("Queue", """
                func (q *Queue) Enqueue(e *Entry) *Entry {
                	if old, ok := q.byKey[e.Key]; ok {
                		return old
                	}
                	q.byKey[e.Key] = e
                	q.order = append(q.order, e)
                	return nil
                }
                """)));
        assertEquals(List.of(), of(type("Index", """
                func (x *Index) Add(key string, value *Entry) bool {
                	if _, ok := x.byKey[key]; ok {
                		return false
                	}
                	x.byKey[key] = value
                	return true
                }
                """)));
        assertEquals(List.of(), of(type("Table", """
                func (t *Table) Put(ctx context.Context, id string, row *Entry) error {
                	if _, ok := t.byKey[id]; ok {
                		return errDuplicate
                	}
                	t.byKey[id] = row
                	return nil
                }
                """)));
        assertEquals(List.of(), of(type("Set", """
                func (s *Set) Insert(item *Entry) {
                	_, ok := s.byKey[item.Key]
                	if !ok {
                		s.byKey[item.Key] = item
                	}
                }
                """)));
    }

    @Test
    void caches_that_build_or_compute_the_value_on_a_miss_are_still_found() {
        assertEquals(List.of("13:" + RULE), of(type("Clients", """
                func (c *Clients) Get(addr string) *Entry {
                	if e, ok := c.byKey[addr]; ok {
                		return e
                	}
                	e := dial(addr)
                	c.byKey[addr] = e
                	return e
                }
                """)));
        assertEquals(List.of("12:" + RULE), of(type("Scores", """
                func (s *Scores) Score(key string, raw *Entry) *Entry {
                	if e, ok := s.byKey[key]; ok {
                		return e
                	}
                	s.byKey[key] = normalise(raw)
                	return s.byKey[key]
                }
                """)));
        assertEquals(List.of("12:" + RULE), of(type("Sessions", """
                func (s *Sessions) Open(user string) *Entry {
                	if e, ok := s.byKey[user]; ok {
                		return e
                	}
                	s.byKey[user] = &Entry{Key: user}
                	return s.byKey[user]
                }
                """)));
        assertEquals(List.of("13:" + RULE), of(type("Lookups", """
                func (l *Lookups) Resolve(ctx context.Context, name string) *Entry {
                	if e, ok := l.byKey[name]; ok {
                		return e
                	}
                	name = strings.ToLower(name)
                	l.byKey[name] = lookup(ctx, name)
                	return l.byKey[name]
                }
                """)));
    }
}
