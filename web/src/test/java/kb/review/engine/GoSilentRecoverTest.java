package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01's Go class of a recovered panic that leaves no trace: a deferred {@code recover()} whose branch is empty or
 * holds only a comment, or whose value is dropped ({@code defer func() { recover() }()}). The item says "a recovered
 * panic that is not logged and counted is also a swallowed error", and asks, for an error absorbed on purpose, to
 * "log it with context and increment a metric". The clean look-alikes log and count the panic, or hand it back as the
 * function's error. An edit that deletes the log and the counter from a kept branch is found at the branch.
 */
class GoSilentRecoverTest {

    private static String fetcher(String branch) {
        return GoNewFileDiffs.newFile("fetch/parallel.go", """
                package fetch

                func (f *Fetcher) FetchAll(keys []string) []Result {
                	out := make(chan Result, len(keys))
                	go func() {
                		defer close(out)
                		defer func() {
                			if p := recover(); p != nil {
                %s			}
                		}()
                		f.fetchInto(keys, out)
                	}()
                	return collect(out)
                }
                """.formatted(branch));
    }

    @Test
    void a_recover_branch_that_holds_only_a_comment_is_found() {
        assertEquals(List.of("8:go-recovered-panic-dropped"), GoRound8ClassesTest.item(
                fetcher("\t\t\t\t// the deferred close tells the caller the results ended early\n"), "ERR-01"));
    }

    @Test
    void a_recover_branch_that_logs_and_counts_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(fetcher(
                "\t\t\t\tf.panics.Inc()\n\t\t\t\tf.log.Error(\"fetch panicked\", \"panic\", p)\n"), "ERR-01"));
    }

    @Test
    void a_bare_recover_whose_value_is_dropped_is_found() {
        String diff = GoNewFileDiffs.newFile("index/worker.go", """
                package index

                func (w *Worker) apply(job Job) {
                	defer func() { recover() }()
                	doc := w.parse(job.Body)
                	w.index.Add(doc)
                	w.store.MarkIndexed(job.ID)
                }
                """);
        assertEquals(List.of("4:go-recovered-panic-dropped"), GoRound8ClassesTest.item(diff, "ERR-01"));
    }

    /** A try wrapper (the recover and one return) and a recover limited to a checked state: fall-backs, left alone. */
    @Test
    void a_try_wrapper_and_a_recover_limited_to_the_closed_state_are_left_alone() {
        String diff = GoNewFileDiffs.newFile("conv/try.go", """
                package conv

                import "reflect"

                func tryConvert(v reflect.Value, t reflect.Type) reflect.Value {
                	defer func() { recover() }()
                	return v.Convert(t)
                }

                func (p *Pump) forward() {
                	defer func() {
                		if p.stopped.Load() {
                			_ = recover()
                		}
                	}()
                	for item := range p.in {
                		p.out <- item
                	}
                }
                """);
        // (`_ = recover()` is another rule's, go-error-assigned-to-blank; this class stays silent on both)
        assertEquals(List.of(), GoRound8ClassesTest.item(diff, "ERR-01").stream()
                .filter(f -> f.endsWith(":go-recovered-panic-dropped")).toList());
    }

    /** A recover around only a wait: no program code runs for it to swallow. */
    @Test
    void a_recover_around_only_a_wait_is_left_alone() {
        String diff = GoNewFileDiffs.newFile("run/spawn.go", """
                package run

                import "os/exec"

                func Spawn(bin string) error {
                	c := exec.Command(bin)
                	if err := c.Start(); err != nil {
                		return err
                	}
                	go func() {
                		defer func() { recover() }()
                		_ = c.Wait() // reap the child; its exit status is not needed
                	}()
                	return nil
                }
                """);
        assertEquals(List.of(), GoRound8ClassesTest.item(diff, "ERR-01").stream()
                .filter(f -> f.endsWith(":go-recovered-panic-dropped")).toList());
    }

    @Test
    void a_recover_turned_into_the_functions_error_is_clean() {
        String diff = GoNewFileDiffs.newFile("notify/send.go", """
                package notify

                import "fmt"

                func (n *Notifier) trySend(ev Event) (err error) {
                	defer func() {
                		if p := recover(); p != nil {
                			err = fmt.Errorf("send on a closed notifier: %v", p)
                		}
                	}()
                	n.out <- ev
                	return nil
                }
                """);
        assertEquals(List.of(), GoRound8ClassesTest.item(diff, "ERR-01"));
    }

    /** An edit of a kept recover branch: {@code removed} are the deleted lines, {@code added} the new ones. */
    private static String edit(String removed, String added) {
        int oldCount = 6 + removed.split("\n").length;
        int newCount = 6 + (added.isEmpty() ? 0 : added.split("\n").length);
        return """
                diff --git a/cache/fill.go b/cache/fill.go
                index 1111111..2222222 100644
                --- a/cache/fill.go
                +++ b/cache/fill.go
                @@ -40,%d +40,%d @@ func (c *Cache) fillAsync(key string) {
                 		defer func() {
                 			if p := recover(); p != nil {
                 				// the waiters time out on their own
                %s%s 			}
                 		}()
                 		c.fill(key)
                """.formatted(oldCount, newCount, removed, added);
    }

    @Test
    void an_edit_that_deletes_the_log_and_counter_from_a_recover_branch_is_found() {
        assertEquals(List.of("41:go-recovered-panic-dropped"), GoRound8ClassesTest.item(edit(
                "-\t\t\t\tc.fillPanics.Inc()\n-\t\t\t\tc.log.Error(\"fill panicked\", \"key\", key, \"panic\", p)\n", ""),
                "ERR-01"));
    }

    @Test
    void an_edit_that_rewords_the_log_of_a_recover_branch_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(edit(
                "-\t\t\t\tc.log.Error(\"fill panicked\", \"key\", key, \"panic\", p)\n",
                "+\t\t\t\tc.log.Error(\"cache fill panicked\", \"key\", key, \"panic\", p)\n"), "ERR-01"));
    }
}
