package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-06's errgroup rule and the class of precision set 15's BG row: a group whose every function returns nil. The
 * item asks that the outcome of work handed to a goroutine be observed, for an errgroup by checking {@code Wait()}'s
 * error; {@code Wait} returns the first non-nil error of the functions, so when each function written out below its
 * {@code Go} call can only {@code return nil} (its failures go into a slice of errors, a channel or a log), there is
 * no error to check and dropping {@code Wait}'s result loses nothing. Kept: any function that may return an error, a
 * named function the group runs, or a one-line literal (the review does not read it).
 */
class GoErrgroupNilResultsTest {

    private static final String RULE = "go-errgroup-wait-unchecked";

    private static List<String> conc06(String body) {
        return item(file("work/fan.go", body), "CONC-06").stream().filter(s -> s.endsWith(RULE)).toList();
    }

    // --- defects

    @Test
    void a_group_whose_literal_returns_the_fetch_error_is_found() {
        assertEquals(List.of("13:" + RULE), conc06("""
                func fetchAll(ctx context.Context, urls []string) {
                	g, ctx := errgroup.WithContext(ctx)
                	for _, u := range urls {
                		g.Go(func() error {
                			if _, err := get(ctx, u); err != nil {
                				return err
                			}
                			return nil
                		})
                	}
                	g.Wait()
                }
                """));
    }

    @Test
    void a_group_that_runs_a_named_function_is_found() {
        assertEquals(List.of("9:" + RULE), conc06("""
                func (s *Syncer) both() {
                	var grp errgroup.Group
                	grp.Go(s.pullUsers)
                	grp.Go(func() error {
                		return nil
                	})
                	grp.Wait()
                }
                """));
    }

    @Test
    void a_group_with_a_one_line_literal_is_found() {
        assertEquals(List.of("8:" + RULE), conc06("""
                func warm(keys []string, c *Cache) {
                	eg := new(errgroup.Group)
                	for _, k := range keys {
                		eg.Go(func() error { return c.Load(k) })
                	}
                	eg.Wait()
                }
                """));
    }

    @Test
    void a_group_whose_literal_wraps_and_returns_in_a_nested_branch_is_found() {
        assertEquals(List.of("18:" + RULE), conc06("""
                func index(ctx context.Context, docs []Doc, out []Entry) {
                	group, ctx := errgroup.WithContext(ctx)
                	for i, d := range docs {
                		group.Go(func() error {
                			e, err := analyse(ctx, d)
                			if err != nil {
                				if errors.Is(err, errSkip) {
                					return nil
                				}
                				return fmt.Errorf("analyse %s: %w", d.ID, err)
                			}
                			out[i] = e
                			return nil
                		})
                	}
                	group.Wait()
                }
                """));
    }

    // --- clean look-alikes

    @Test
    void a_group_whose_literals_store_each_error_and_return_nil_is_not_reported() {
        assertEquals(List.of(), conc06("""
                func analyzeAll(stmts []Stmt) ([]Result, []error) {
                	results := make([]Result, len(stmts))
                	errs := make([]error, len(stmts))
                	var g errgroup.Group
                	for i := range stmts {
                		g.Go(func() error {
                			results[i], errs[i] = analyze(stmts[i])
                			return nil
                		})
                	}
                	g.Wait()
                	return results, errs
                }
                """));
    }

    @Test
    void a_group_whose_literals_send_failures_on_a_channel_is_not_reported() {
        assertEquals(List.of(), conc06("""
                func probe(ctx context.Context, hosts []string, failed chan<- string) {
                	g, ctx := errgroup.WithContext(ctx)
                	for _, h := range hosts {
                		g.Go(func() error {
                			if err := ping(ctx, h); err != nil {
                				failed <- h
                			}
                			return nil
                		})
                	}
                	g.Wait()
                	close(failed)
                }
                """));
    }

    @Test
    void two_literals_that_log_and_return_nil_are_not_reported() {
        assertEquals(List.of(), conc06("""
                func (r *Reporter) flush(ctx context.Context) {
                	eg := &errgroup.Group{}
                	eg.Go(func() error {
                		if err := r.sendMetrics(ctx); err != nil {
                			r.log.Warn("metrics not sent", "err", err)
                		}
                		return nil
                	})
                	eg.Go(func() error {
                		r.sendTraces(ctx)
                		return nil // traces are best effort
                	})
                	eg.Wait()
                }
                """));
    }

    @Test
    void a_deferred_wait_of_a_group_whose_literals_return_nil_is_not_reported() {
        assertEquals(List.of(), conc06("""
                func render(pages []Page, out [][]byte) {
                	var wg errgroup.Group
                	defer wg.Wait()
                	for i, p := range pages {
                		wg.Go(func() error {
                			out[i] = p.Render()
                			return nil
                		})
                	}
                }
                """));
    }
}
