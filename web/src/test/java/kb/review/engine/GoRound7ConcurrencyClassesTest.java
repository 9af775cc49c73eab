package kb.review.engine;

import static kb.review.engine.GoRound7ClassesTest.file;
import static kb.review.engine.GoRound7ClassesTest.item;
import static kb.review.engine.GoRound7ClassesTest.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go concurrency classes of round 7, from the misses of the round-6 held-out corpus (heldout6/RESULTS.md): a goroutine
 * per item of a field the diff does not type (CONC-02), periodic loops that end on one failed run (CONC-07), errgroup's
 * Wait as a statement (CONC-06) and time.Sleep in a loop of a function given a context (CONC-05). Split from
 * {@link GoRound7ClassesTest}, whose diff helpers they share; each fixture is our own code of the class, next to the
 * look-alike of the other verdict.
 */
class GoRound7ConcurrencyClassesTest {

    // --- CONC-02: a goroutine per item of a field whose channel type the diff does not show

    private static final String FAN_OUT = """
            func (p *Publisher) run() {
            \tfor %s := range p.%s {
            \t\tgo p.%s
            \t}
            }
            """;

    @Test
    void a_goroutine_per_received_item_through_a_named_method_is_reported() {
        String diff = file("pub/run.go", FAN_OUT.formatted("event", "events", "deliver(event)"));
        assertEquals(List.of("5:go-goroutine-per-field-item"), of(diff, "go-goroutine-per-field-item"));
    }

    @Test
    void a_goroutine_per_index_or_key_of_a_field_is_a_fixed_fan_out() {
        assertEquals(List.of(), of(file("pub/run.go", FAN_OUT.formatted("i", "shards", "drain(i)")),
                "go-goroutine-per-field-item"));
        assertEquals(List.of(), of(file("pub/run.go", FAN_OUT.formatted("peer", "peers", "ping(p.peers[peer])")),
                "go-goroutine-per-field-item"));
        // the field declared as a slice in the diff: its single range variable is an index
        String slice = file("pub/run.go", "type Publisher struct {\n\tsinks []Sink\n}\n\n"
                + FAN_OUT.formatted("sink", "sinks", "flush(sink)"));
        assertEquals(List.of(), of(slice, "go-goroutine-per-field-item"));
    }

    // --- CONC-07: a periodic loop that returns on its first failed run

    private static final String TICKER_SELECT = """
            func (s *Sweeper) loop(ctx context.Context) error {
            \tt := time.NewTicker(s.every)
            \tdefer t.Stop()
            \tfor {
            \t\tselect {
            \t\tcase <-ctx.Done():
            \t\t\treturn ctx.Err()
            \t\tcase <-t.C:
            \t\t\tif err := s.sweep(ctx); err != nil {
            %s
            \t\t\t}
            \t\t}
            \t}
            }
            """;

    @Test
    void a_ticker_loop_that_returns_on_a_failed_run_is_reported() {
        String diff = file("gc/sweep.go", TICKER_SELECT.formatted("\t\t\t\treturn fmt.Errorf(\"sweep: %w\", err)"));
        assertEquals(List.of("12:go-periodic-loop-returns-on-error"), of(diff, "go-periodic-loop-returns-on-error"));
        String range = file("gc/sweep.go", """
                func (s *Sweeper) loop(ctx context.Context) {
                \tfor range time.Tick(s.every) {
                \t\tif err := s.sweep(ctx); err != nil {
                \t\t\treturn
                \t\t}
                \t}
                }
                """);
        assertEquals(List.of("6:go-periodic-loop-returns-on-error"), of(range, "go-periodic-loop-returns-on-error"));
        // the loop in a goroutine's body: reported at the go line, where the goroutine (and CONC-01's finding) is
        String spawned = file("gc/sweep.go", """
                func (s *Sweeper) Start() {
                	go func() {
                		t := time.NewTicker(s.every)
                		defer t.Stop()
                		for range t.C {
                			if err := s.sweep(context.Background()); err != nil {
                				return
                			}
                		}
                	}()
                }
                """);
        // named at the return that ends the schedule, in a bare goroutine too (the go line is CONC-01's)
        assertEquals(List.of("9:go-periodic-loop-returns-on-error"), of(spawned, "go-periodic-loop-returns-on-error"));
    }

    @Test
    void a_ticker_loop_that_logs_a_failed_run_and_waits_for_the_next_tick_is_clean() {
        String diff = file("gc/sweep.go", TICKER_SELECT.formatted(
                "\t\t\t\ts.log.Warn(\"sweep failed\", \"err\", err)\n\t\t\t\tsweepFailures.Inc()"));
        assertEquals(List.of(), item(diff, "CONC-07"));
        // a loop over work items, not ticks, may stop on the first error
        String items = file("gc/sweep.go", """
                func (s *Sweeper) all(ctx context.Context) error {
                \tfor _, seg := range s.segments {
                \t\tif err := s.drop(ctx, seg); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \treturn nil
                }
                """);
        assertEquals(List.of(), item(items, "CONC-07"));
    }

    // --- CONC-06: errgroup's Wait called as a statement

    private static final String GROUP = """
            func (r *Reindexer) Run(ctx context.Context) error {
            \tg, gctx := errgroup.WithContext(ctx)
            \tfor _, s := range r.shards {
            \t\ts := s
            \t\tg.Go(func() error { return r.reindex(gctx, s) })
            \t}
            %s
            \treturn r.markDone(ctx)
            }
            """;

    @Test
    void an_errgroup_wait_called_as_a_statement_is_reported() {
        assertEquals(List.of("9:go-errgroup-wait-unchecked"),
                of(file("idx/run.go", GROUP.formatted("\tg.Wait()")), "go-errgroup-wait-unchecked"));
    }

    @Test
    void a_checked_wait_or_a_wait_group_is_clean() {
        String checked = file("idx/run.go", GROUP.formatted("\tif err := g.Wait(); err != nil {\n\t\treturn err\n\t}"));
        assertEquals(List.of(), of(checked, "go-errgroup-wait-unchecked"));
        String waitGroup = file("idx/run.go", """
                func (r *Reindexer) Run(ctx context.Context) {
                \tvar g sync.WaitGroup
                \tfor _, s := range r.shards {
                \t\tg.Add(1)
                \t\tgo func(s Shard) { defer g.Done(); r.reindex(ctx, s) }(s)
                \t}
                \tg.Wait()
                }
                """);
        assertEquals(List.of(), of(waitGroup, "go-errgroup-wait-unchecked"));
    }

    // --- CONC-05: time.Sleep in a loop of a function given a context

    @Test
    void a_sleep_between_retries_of_a_function_given_a_context_is_reported() {
        String diff = file("store/retry.go", """
                func (s *Store) putWithRetry(ctx context.Context, k, v string) error {
                \tvar err error
                \tfor i := 0; i < 5; i++ {
                \t\tif err = s.put(ctx, k, v); err == nil {
                \t\t\treturn nil
                \t\t}
                \t\ttime.Sleep(time.Duration(i+1) * 200 * time.Millisecond)
                \t}
                \treturn err
                }
                """);
        assertEquals(List.of("9:go-sleep-ignores-context"), of(diff, "go-sleep-ignores-context"));
    }

    @Test
    void a_wait_on_the_context_or_a_sleep_outside_a_loop_or_without_a_context_is_clean() {
        String selects = file("store/retry.go", """
                func (s *Store) putWithRetry(ctx context.Context, k, v string) error {
                \tfor i := 0; ; i++ {
                \t\tif err := s.put(ctx, k, v); err == nil || i == 4 {
                \t\t\treturn err
                \t\t}
                \t\tselect {
                \t\tcase <-ctx.Done():
                \t\t\treturn ctx.Err()
                \t\tcase <-time.After(time.Duration(i+1) * 200 * time.Millisecond):
                \t\t}
                \t}
                }
                """);
        assertEquals(List.of(), of(selects, "go-sleep-ignores-context"));
        String noContext = file("tools/wait.go", """
                func waitForFile(path string) {
                \tfor !exists(path) {
                \t\ttime.Sleep(100 * time.Millisecond)
                \t}
                }
                """);
        assertEquals(List.of(), of(noContext, "go-sleep-ignores-context"));
    }
}
