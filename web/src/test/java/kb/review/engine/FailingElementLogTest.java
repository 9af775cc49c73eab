package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-01's class of a warning per element whose call to a shared dependency failed (round 21's go-35 and java-25):
 * a loop hands each element to a store, database or remote service, and the failure branch (Go's {@code if err !=
 * nil} of that call, Java's {@code catch} around it) writes a line at a level services run with. When the dependency
 * is down every element fails, on every run: one line per element per run. The branch keeps a tally of its failures
 * (the author expects many), and the loop may walk the code's own state (a cache, a pending list). Loggers: zerolog, zap, slog,
 * logrus, hclog, klog, charmbracelet; SLF4J, Log4j 2, JUL, System.Logger, commons-logging, JBoss, Flogger, Spring's
 * LogAccessor. The clean look-alikes: a tally with one summary after the loop, debug level, a capped or sampled line,
 * a close or clean-up walk, a failure of the element's own data (a parse), a walk of a few owned listeners, a branch
 * that leaves the loop. The Java cases are in {@link JavaFailingElementLogTest}.
 */
class FailingElementLogTest {

    static List<String> log01(String path, String text) {
        return GoRound8ClassesTest.item(LifecycleRulesTest.newFile(path, text), "LOG-01");
    }

    private static String go(String imports, String body) {
        return "package sync\n\nimport (\n\t\"context\"\n" + imports + ")\n\n" + body;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // zerolog chain, a loop over the receiver's own cache, a tally of failures
            """
            func (c *userCache) refresh(ctx context.Context) {
            	failed := 0
            	for name, entry := range c.entries() {
            		u, err := c.backend.Load(ctx, name)
            		if err != nil {
            			failed++
            			c.log.Warn().Str("name", name).Err(err).Msg("reload failed")
            			continue
            		}
            		entry.set(u)
            	}
            }
            """,
            // zap, a tally kept in a field
            """
            func (s *Pusher) PushAll(ctx context.Context, ids []string) {
            	for _, id := range ids {
            		if err := s.remote.Push(ctx, id); err != nil {
            			s.failed++
            			s.logger.Warn("push failed", zap.String("id", id), zap.Error(err))
            		}
            	}
            }
            """,
            // slog, a local made in the turn handed to the call
            """
            func settle(ctx context.Context, db *Ledger, accounts []Account) {
            	for _, a := range accounts {
            		key := a.Key()
            		bal, err := db.Balance(ctx, key)
            		if err != nil {
            			slog.Warn("balance lookup failed", "account", key, "err", err)
            			skipped += 1
            			continue
            		}
            		a.apply(bal)
            	}
            }
            """,
            // logrus entry, a counter, a loop over a field
            """
            func (q *Dispatcher) drain(ctx context.Context) {
            	skipped := 0
            	for _, job := range q.pending {
            		if err := q.runner.Submit(ctx, job); err != nil {
            			log.WithField("job", job.Name).Errorf("submit failed: %v", err)
            			skipped++
            		}
            	}
            }
            """,
            // klog, a counting loop over a parameter
            """
            func syncPods(ctx context.Context, api PodAPI, pods []Pod) {
            	for i := range pods {
            		if _, err := api.Update(ctx, pods[i]); err != nil {
            			klog.Warningf("update of pod %s failed: %v", pods[i].Name, err)
            			errs++
            		}
            	}
            }
            """,
            // hclog under a common name, a tally
            """
            func (m *Mirror) copyKeys(ctx context.Context) {
            	errs := 0
            	for _, k := range m.src.Keys() {
            		v, err := m.dst.Put(ctx, k)
            		if err != nil {
            			m.logger.Error("put failed", "key", k, "error", err)
            			errs++
            			continue
            		}
            		_ = v
            	}
            }
            """})
    void a_go_warning_per_element_whose_call_failed_is_found(String body) {
        assertEquals(1, log01("sync/work.go", go("", body)).size(), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the tally alone, one summary after the loop
            """
            func (c *userCache) refresh(ctx context.Context) {
            	failed := 0
            	for name := range c.entries() {
            		if _, err := c.backend.Load(ctx, name); err != nil {
            			failed++
            			continue
            		}
            	}
            	c.log.Warn().Int("failed", failed).Msg("reload done")
            }
            """,
            // debug level, fields formatted only when debug is on
            """
            func (s *Pusher) PushAll(ctx context.Context, ids []string) {
            	for _, id := range ids {
            		if err := s.remote.Push(ctx, id); err != nil {
            			s.failed++
            			s.logger.Debug("push failed", zap.String("id", id), zap.Error(err))
            		}
            	}
            }
            """,
            // closing owned connections at shutdown
            """
            func closeAll(conns []Conn) {
            	for _, c := range conns {
            		if err := c.Close(); err != nil {
            			slog.Warn("close failed", "err", err)
            		}
            	}
            }
            """,
            // a defect of the element's own data, bounded by the input's defects
            """
            func sizes(ctx context.Context, fields []string) []int {
            	var out []int
            	for _, f := range fields {
            		n, err := strconv.Atoi(f)
            		if err != nil {
            			log.Warnf("not a number: %q", f)
            			continue
            		}
            		out = append(out, n)
            	}
            	return out
            }
            """,
            // the first failure ends the walk
            """
            func (s *Pusher) PushAll(ctx context.Context, ids []string) error {
            	for _, id := range ids {
            		if err := s.remote.Push(ctx, id); err != nil {
            			s.logger.Error("push failed", zap.String("id", id), zap.Error(err))
            			return err
            		}
            	}
            	return nil
            }
            """,
            // no tally: a refused push is the rare failure path (the corpus' go-34)
            """
            func (s *Pusher) PushAll(ctx context.Context, ids []string) {
            	for _, id := range ids {
            		if err := s.remote.Push(ctx, id); err != nil {
            			s.logger.Warn("push failed", zap.String("id", id), zap.Error(err))
            		}
            	}
            }
            """,
            // a few owned hooks, no tally, not input
            """
            func (r *Registry) notify(ctx context.Context, ev Event) {
            	for _, h := range r.hooks {
            		if err := h.Handle(ctx, ev); err != nil {
            			r.logger.Warn("hook failed", "err", err)
            		}
            	}
            }
            """})
    void a_go_failure_branch_that_does_not_repeat_per_element_is_clean(String body) {
        assertEquals(List.of(), log01("sync/work.go", go("", body)), body);
    }
}
