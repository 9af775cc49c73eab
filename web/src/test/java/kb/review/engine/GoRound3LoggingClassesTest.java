package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go logging classes from the third held-out round's class list (written from the class descriptions, each code
 * sample our own): logging in a loop written as a callback (a walk, a sync.Map range, a goroutine per item) is
 * logging per item, and fmt printing in a command's loop is its output, not logging. Each sits next to the
 * look-alike of the other verdict. Split from {@link GoRound3ClassesTest}.
 */
class GoRound3LoggingClassesTest {

    // --- logging in a loop written as a callback; printing that is a command's output

    private static final String WALK = """
            package index

            func Scan(root string, log *logrus.Logger) ([]string, error) {
            \tvar found []string
            \terr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
            \t\tif err != nil {
            \t\t\tlog.Warnf("skip %%s: %%v", p, err)
            \t\t\treturn nil
            \t\t}
            \t\t%s
            \t\tfound = append(found, p)
            \t\treturn nil
            \t})
            \tlog.Infof("indexed %%d files", len(found))
            \treturn found, err
            }
            """;

    @Test
    void logging_in_a_walk_callback_is_logging_once_per_file() {
        assertEquals(List.of("10:LOG-01"), items("index/scan.go", WALK.formatted("log.Infof(\"found %s\", p)")));
        assertEquals(List.of(), items("index/scan.go", WALK.formatted("// nothing logged per file")));
    }

    private static final String RANGE = """
            package cache

            func Dump(m *sync.Map, logger *zap.Logger) {
            \tm.Range(func(k, v any) bool {
            \t\t%s
            \t\treturn true
            \t})
            }
            """;

    @Test
    void logging_in_a_sync_map_range_callback_is_logging_per_entry_but_a_handler_registered_once_is_not() {
        assertEquals(List.of("5:LOG-01"), items("cache/dump.go", RANGE.formatted("logger.Info(\"entry\", zap.Any(\"k\", k))")));
        assertEquals(List.of(), items("web/routes.go", """
                package web

                func Routes(mux *http.ServeMux, logger *slog.Logger) {
                \tmux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
                \t\tlogger.Info("health checked")
                \t})
                }
                """));
    }

    @Test
    void a_goroutine_started_per_item_of_a_loop_logs_per_item() {
        // the errgroup has no SetLimit: one task per hook at once is CONC-02's too (go-goroutine-per-range-element)
        assertEquals(List.of("6:CONC-02", "6:LOG-01"), items("fanout/send.go", """
                package fanout

                func Send(ctx context.Context, hooks []string, logger *slog.Logger) error {
                \tg, ctx := errgroup.WithContext(ctx)
                \tfor _, h := range hooks {
                \t\tg.Go(func() error { logger.Info("calling hook", "url", h); return call(ctx, h) })
                \t}
                \treturn g.Wait()
                }
                """));
    }

    private static final String PRINT = """
            package %s

            func report(rows []Row) {
            \tfor _, r := range rows {
            \t\tfmt.Printf("%%-20s %%d\\n", r.Name, r.Count)
            \t}
            }
            """;

    @Test
    void fmt_printing_in_a_commands_loop_is_its_output_but_in_a_service_package_it_is_logging() {
        assertEquals(List.of(), items("cmd/stats/main.go", PRINT.formatted("main")));
        assertEquals(List.of("5:LOG-01"), items("internal/stats/report.go", PRINT.formatted("stats")));
    }
}
