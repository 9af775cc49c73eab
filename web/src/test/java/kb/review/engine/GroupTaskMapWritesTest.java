package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03, round 14's class of map writes reached from concurrent code that is not a bare {@code go} literal: a func
 * literal handed to {@code errgroup.Group.Go} (or {@code sync.WaitGroup.Go}) inside a loop runs on its own goroutine,
 * so every task writing one plain map made by the function is the checklist's "shared mutable state ... not
 * synchronized". A limit above one still lets tasks overlap. The look-alikes take a lock, write distinct slice
 * indexes, or limit the group to one task at a time.
 */
class GroupTaskMapWritesTest {

    private static final String FETCH = """
            import (
            	"context"
            	"sync"

            	"golang.org/x/sync/errgroup"
            )

            var _ sync.Mutex

            func sizes(ctx context.Context, urls []string) (map[string]int, error) {
            	out := make(map[string]int)
            %s
            	g, ctx := errgroup.WithContext(ctx)
            	g.SetLimit(%d)
            	for _, u := range urls {
            		g.Go(func() error {
            			n, err := measure(ctx, u)
            			if err != nil {
            				return err
            			}
            %s
            			return nil
            		})
            	}
            	return out, g.Wait()
            }
            """;

    private static String diff(String decl, int limit, String write) {
        return GoRound8ClassesTest.file("stats/sizes.go", FETCH.formatted(decl, limit, write));
    }

    @Test
    void errgroup_tasks_writing_one_plain_map_are_found() {
        assertEquals(List.of("23:go-map-written-by-group-tasks"),
                GoRound8ClassesTest.item(diff("", 4, "\t\t\tout[u] = n"), "CONC-03"));
    }

    @Test
    void a_wait_group_go_task_writing_the_map_is_found() {
        String d = GoRound8ClassesTest.file("stats/count.go", """
                import "sync"

                func count(words []string) map[string]int {
                	seen := map[string]int{}
                	var wg sync.WaitGroup
                	for _, w := range words {
                		wg.Go(func() {
                			seen[w] = len(w)
                		})
                	}
                	wg.Wait()
                	return seen
                }
                """);
        assertEquals(List.of("10:go-map-written-by-group-tasks"), GoRound8ClassesTest.item(d, "CONC-03"));
    }

    @Test
    void a_locked_write_is_clean() {
        String write = "\t\t\tmu.Lock()\n\t\t\tout[u] = n\n\t\t\tmu.Unlock()";
        assertEquals(List.of(), GoRound8ClassesTest.item(diff("\tvar mu sync.Mutex", 4, write), "CONC-03"));
    }

    @Test
    void a_group_limited_to_one_task_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(diff("", 1, "\t\t\tout[u] = n"), "CONC-03"));
    }

    @Test
    void a_call_named_go_on_something_that_is_not_a_group_is_clean() {
        String d = GoRound8ClassesTest.file("stats/queue.go", """
                func fill(q *Queue, keys []string) map[string]bool {
                	done := make(map[string]bool)
                	for _, k := range keys {
                		q.Go(func() {
                			done[k] = true
                		})
                	}
                	return done
                }
                """);
        assertEquals(List.of(), GoRound8ClassesTest.item(d, "CONC-03"));
    }
}
