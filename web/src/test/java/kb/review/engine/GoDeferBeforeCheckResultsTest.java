package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A defer on the first result of a call before the call's error is checked (RES-01's
 * {@code go-defer-close-before-err-check}), told apart from a call whose second result is no error by the callee's
 * declaration in sight (the {@code results:} condition; precision set 15's class EI stands for the class, none of its
 * code is here). RES-01's defect is a deferred release of a value that may be nil because the call failed; that needs
 * an error result. A helper declared to return {@code (*Logger, context.Context)} or {@code (*Span, time.Time)} has
 * none, and its deferred call is a timing or flush line, not a release before a check. Calls whose declaration is out
 * of sight, or whose last result names an error (also a custom one), stay reported.
 */
class GoDeferBeforeCheckResultsTest {

    private static final String RULE = "go-defer-close-before-err-check";

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.rule().equals(RULE))
                .map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    private static final String TRACE = """
            package trace

            // Begin starts a span for op and returns it with its start time.
            func Begin(ctx context.Context, op string) (*Span, time.Time) {
            \treturn &Span{op: op}, time.Now()
            }

            // Open opens the span log; it fails when the directory is missing.
            func Open(dir string) (*Log, *OpenError) {
            \treturn &Log{dir: dir}, nil
            }
            """;

    @Test
    void a_defer_before_the_check_of_a_real_error_is_reported() {
        String code = """
                package jobs

                import (
                \t"example.com/app/trace"
                )

                func load(path string, pool *pgxpool.Pool, ctx context.Context) error {
                \tf, err := os.Open(path)
                \tdefer f.Close()
                \tif err != nil {
                \t\treturn err
                \t}
                \tconn, err := pool.Acquire(ctx)
                \tdefer conn.Release()
                \tif err != nil {
                \t\treturn err
                \t}
                \ts, err := openStore(path)
                \tdefer s.Close()
                \tif err != nil {
                \t\treturn err
                \t}
                \tlg, oerr := trace.Open(path)
                \tdefer lg.Sync()
                \tif oerr != nil {
                \t\treturn oerr
                \t}
                \treturn nil
                }

                func openStore(path string) (*Store, error) {
                \treturn &Store{path: path}, nil
                }
                """;
        String diff = GoNewFileDiffs.newFile("trace/trace.go", TRACE) + GoNewFileDiffs.newFile("jobs/load.go", code);
        assertEquals(List.of("jobs/load.go:14", "jobs/load.go:19", "jobs/load.go:24", "jobs/load.go:9"), found(diff));
    }

    @Test
    void a_defer_on_a_call_whose_declared_results_hold_no_error_is_not_reported() {
        String code = """
                package jobs

                import (
                \t"example.com/app/trace"
                )

                func run(ctx context.Context, id string) error {
                \tspan, started := trace.Begin(ctx, "run")
                \tdefer span.End(started)
                \tlog, ctx := withLogger(ctx, id)
                \tdefer log.Flush()
                \tlock, slot := segmentFor(id)
                \tdefer lock.Release(slot)
                \trep, n := newReport(id)
                \tdefer rep.Print(n)
                \treturn work(ctx)
                }

                func withLogger(ctx context.Context, id string) (*Logger, context.Context) {
                \treturn &Logger{id: id}, ctx
                }

                func segmentFor(id string) (lock *Gate, slot int) {
                \treturn gates[len(id)%8], len(id)
                }

                func newReport(id string) (*Report, []byte) {
                \treturn &Report{}, nil
                }
                """;
        String diff = GoNewFileDiffs.newFile("trace/trace.go", TRACE) + GoNewFileDiffs.newFile("jobs/run.go", code);
        assertEquals(List.of(), found(diff));
    }
}
