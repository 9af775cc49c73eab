package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-01, the class behind round 19's go-12: a goroutine whose only recover sits inside a per-run guard, a function
 * literal called in place ({@code func() { defer ...recover...; work() }()}), while other statements of the goroutine
 * run outside it. The item says a panic that escapes a goroutine ends the process and that a recover works only in a
 * deferred function of the same goroutine; a deferred recover covers the function that defers it, so the per-run
 * guard covers its own literal and nothing around it. A ticker built from a configured interval ({@code
 * time.NewTicker} panics on a zero one), a decode before the guarded call, or a second select case that handles an
 * event runs unguarded: the goroutine needs its own recover (the item's Good example: start it through a helper that
 * defers one). The goroutine may be a literal or a named function or method declared in the diff, in a new file or
 * an edit.
 *
 * <p>Clean look-alikes: a goroutine whose work all runs inside per-run guards (the statements around them only loop,
 * select or wait), one that also defers a recover at its own level, a per-run guard through a visible helper that
 * recovers, and a ticker made by the caller so the goroutine only waits and runs guarded turns.
 */
class GoPerRunGuardGoroutinesTest {

    private static final String RULE = "go-goroutine-without-recover";

    /** The new-file line of the first line of {@code body} that contains {@code needle} (file() adds two lines). */
    private static String at(String body, String needle) {
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return (i + 3) + ":" + RULE;
            }
        }
        throw new AssertionError(needle);
    }

    // --- defects

    @Test
    void a_named_worker_that_decodes_outside_its_per_message_guard_is_found() {
        String body = """
                func StartConsumer(ctx context.Context, in <-chan []byte, store *Store) {
                	go consume(ctx, in, store)
                }

                func consume(ctx context.Context, in <-chan []byte, store *Store) {
                	for raw := range in {
                		var ev Event
                		if err := json.Unmarshal(raw, &ev); err != nil {
                			continue
                		}
                		ev.Tags[ev.Kind] = true
                		func() {
                			defer func() {
                				if r := recover(); r != nil {
                					slog.Error("event handler panicked", "panic", r)
                				}
                			}()
                			store.Apply(ctx, ev)
                		}()
                	}
                }
                """;
        assertEquals(List.of(at(body, "go consume")), item(file("events/consumer.go", body), "CONC-01"));
    }

    @Test
    void a_literal_goroutine_whose_second_select_case_runs_unguarded_is_found() {
        String body = """
                func (ix *Index) Run(ctx context.Context, events <-chan Change, every time.Duration) {
                	tick := time.NewTicker(every)
                	go func() {
                		defer tick.Stop()
                		for {
                			select {
                			case <-ctx.Done():
                				return
                			case ch := <-events:
                				ix.entries[ch.Key] = ch.Value
                			case <-tick.C:
                				func() {
                					defer ix.recoverAndCount("compact")
                					ix.compact()
                				}()
                			}
                		}
                	}()
                }

                func (ix *Index) recoverAndCount(job string) {
                	if p := recover(); p != nil {
                		ix.panics.WithLabelValues(job).Inc()
                	}
                }
                """;
        assertEquals(List.of(at(body, "go func()")), item(file("index/run.go", body), "CONC-01"));
    }

    @Test
    void a_method_started_by_go_that_builds_its_ticker_from_config_outside_the_guard_is_found() {
        String diff = """
                diff --git a/agent/heartbeat.go b/agent/heartbeat.go
                index 1111111..2222222 100644
                --- a/agent/heartbeat.go
                +++ b/agent/heartbeat.go
                @@ -20,6 +20,26 @@ func New(cfg Config, client *Client) *Agent {
                 	return &Agent{cfg: cfg, client: client}
                 }

                +func (a *Agent) Start(ctx context.Context) {
                +	go a.beat(ctx)
                +}
                +
                +func (a *Agent) beat(ctx context.Context) {
                +	every := a.cfg.Heartbeat / time.Duration(a.cfg.Replicas)
                +	ticker := time.NewTicker(every)
                +	defer ticker.Stop()
                +	for range ticker.C {
                +		func() {
                +			defer func() {
                +				if p := recover(); p != nil {
                +					log.Printf("heartbeat panicked: %v", p)
                +				}
                +			}()
                +			_ = a.client.Beat(ctx)
                +		}()
                +	}
                +}
                +
                 func (a *Agent) Stop() {
                 	a.cancel()
                 }
                """;
        assertEquals(List.of("24:" + RULE), item(diff, "CONC-01"));
    }

    @Test
    void a_function_of_another_file_of_the_change_with_a_guarded_turn_and_an_unguarded_setup_is_found() {
        String launcher = """
                func Watch(ctx context.Context, path string, reload func(Config)) {
                	go watchFile(ctx, path, reload)
                }
                """;
        String watcher = """
                func watchFile(ctx context.Context, path string, reload func(Config)) {
                	w, err := fsnotify.NewWatcher()
                	if err != nil {
                		return
                	}
                	defer w.Close()
                	_ = w.Add(path)
                	for {
                		select {
                		case <-ctx.Done():
                			return
                		case <-w.Events:
                			func() {
                				defer func() { _ = recover() }()
                				reload(mustLoad(path))
                			}()
                		}
                	}
                }
                """;
        String diff = file("config/watch.go", launcher) + file("config/watcher.go", watcher);
        assertEquals(List.of(at(launcher, "go watchFile")), item(diff, "CONC-01"));
    }

    // --- clean look-alikes

    @Test
    void a_worker_whose_every_job_runs_inside_a_per_job_guard_is_not_reported() {
        String body = """
                func StartWorkers(n int, jobs <-chan func()) {
                	for i := 0; i < n; i++ {
                		go work(jobs)
                	}
                }

                func work(jobs <-chan func()) {
                	for job := range jobs {
                		func() {
                			defer func() {
                				if r := recover(); r != nil {
                					slog.Error("job panicked", "panic", r)
                				}
                			}()
                			job()
                		}()
                	}
                }
                """;
        assertEquals(List.of(), item(file("pool/work.go", body), "CONC-01"));
    }

    @Test
    void a_literal_goroutine_on_a_caller_made_ticker_with_only_guarded_turns_is_not_reported() {
        String body = """
                func (c *Cache) StartRefresh(ctx context.Context, t *time.Ticker) {
                	go func() {
                		for {
                			select {
                			case <-ctx.Done():
                				return
                			case <-t.C:
                				func() {
                					defer func() {
                						if p := recover(); p != nil {
                							c.failures.Inc()
                						}
                					}()
                					c.reload(ctx)
                				}()
                			}
                		}
                	}()
                }
                """;
        assertEquals(List.of(), item(file("cache/refresh.go", body), "CONC-01"));
    }

    @Test
    void a_named_goroutine_that_also_defers_a_recover_at_its_own_level_is_not_reported() {
        String body = """
                func (s *Sweeper) Start(ctx context.Context) {
                	go s.loop(ctx)
                }

                func (s *Sweeper) loop(ctx context.Context) {
                	defer func() {
                		if p := recover(); p != nil {
                			s.log.Error("sweeper stopped", "panic", p)
                		}
                	}()
                	t := time.NewTicker(s.every)
                	defer t.Stop()
                	for range t.C {
                		func() {
                			defer func() { _ = recover() }()
                			s.sweep(ctx)
                		}()
                	}
                }
                """;
        assertEquals(List.of(), item(file("gc/sweeper.go", body), "CONC-01"));
    }

    @Test
    void per_run_guards_through_a_visible_recovering_helper_with_only_waits_around_them_are_not_reported() {
        String body = """
                func (p *Pump) Start(ctx context.Context, in <-chan Batch) {
                	go p.pump(ctx, in)
                }

                func (p *Pump) pump(ctx context.Context, in <-chan Batch) {
                	for {
                		select {
                		case <-ctx.Done():
                			return
                		case b := <-in:
                			func() {
                				defer p.recovered("pump")
                				p.send(ctx, b)
                			}()
                		}
                	}
                }

                func (p *Pump) recovered(name string) {
                	if r := recover(); r != nil {
                		p.metrics.Panics(name)
                	}
                }
                """;
        assertEquals(List.of(), item(file("sink/pump.go", body), "CONC-01"));
    }
}
