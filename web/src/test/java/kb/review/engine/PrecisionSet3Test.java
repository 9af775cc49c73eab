package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of false findings of the third held-out precision set (the newest 150 commits of grpc-go, go-redis, pgx,
 * gorm, tempo, jedis, lettuce, netty, vert.x and spring-kafka: web/src/test/bench/realfixes/precision-judgments-3.tsv),
 * each paired with the defect of the same shape that must still be found.
 */
class PrecisionSet3Test {

    private static List<String> only(List<String> found, String item) {
        return found.stream().filter(s -> s.endsWith(":" + item)).toList();
    }

    // CONC-01: the fan-in closer runs none of the program's code

    private static final String FAN_IN = """
            package fetch

            import "sync"

            func All(urls []string) <-chan Result {
            \tresults := make(chan Result)
            \tvar wg sync.WaitGroup
            \tfor _, u := range urls {
            \t\twg.Add(1)
            \t\tgo func(u string) {
            \t\t\tdefer func() {
            \t\t\t\tif r := recover(); r != nil {
            \t\t\t\t\tresults <- Result{URL: u, Err: fmt.Errorf("panic: %v", r)}
            \t\t\t\t}
            \t\t\t\twg.Done()
            \t\t\t}()
            \t\t\tresults <- get(u)
            \t\t}(u)
            \t}
            \tgo func() {
            CLOSER
            \t}()
            \treturn results
            }
            """;

    @Test
    void a_goroutine_that_only_waits_for_the_group_and_closes_the_channel_needs_no_recover() {
        assertEquals(List.of(), only(items("fetch/all.go", FAN_IN.replace("CLOSER", "\t\twg.Wait()\n\t\tclose(results)")),
                "CONC-01"));
        assertEquals(List.of(), only(items("fetch/all.go", FAN_IN.replace("CLOSER",
                "\t\tdefer close(results)\n\t\ts.wg.Wait() // every fetch is done")), "CONC-01"));
        // the closer that also runs the program's code (a merge, a callback) can panic like any other goroutine
        assertEquals(List.of("20:CONC-01"), only(items("fetch/all.go", FAN_IN.replace("CLOSER",
                "\t\twg.Wait()\n\t\tmerge(results)\n\t\tclose(results)")), "CONC-01"));
        assertEquals(List.of("20:CONC-01"), only(items("fetch/all.go", FAN_IN.replace("CLOSER",
                "\t\twg.Wait()\n\t\tclose(results[pick()])")), "CONC-01"));
    }

    // ERR-01: an error kept in the value returned next, handed back to its recorder, or of writing a log record

    private static final String COMMANDS = """
            package redis

            func (c cmdable) Get(ctx context.Context, key string) *StringCmd {
            	cmd := NewStringCmd(ctx, "get", key)
            	_ = c(ctx, cmd)
            	return RESULT
            }

            func (db *DB) Save(v any) *DB {
            	if err := db.validate(v); err != nil {
            		_ = db.AddError(err)
            	}
            	_ = level.Warn(db.logger).Log("msg", "saved", "table", db.table)
            	_ = db.logger.Handler().Handle(ctx, record)
            	return db
            }
            """;

    @Test
    void an_error_recorded_on_the_returned_command_handed_back_to_its_recorder_or_of_a_log_write_is_not_lost() {
        assertEquals(List.of(), only(items("commands.go", COMMANDS.replace("RESULT", "cmd")), "ERR-01"));
        // or read from it below, whatever is returned
        assertEquals(List.of(), only(items("commands.go", COMMANDS.replace("RESULT", "newResult(cmd.Val())").replace(
                "\t_ = c(ctx, cmd)\n", "\t_ = c(ctx, cmd)\n\t// count what was sent\n\tif cmd.Err() == nil {\n\t\tsent.Inc()\n\t}\n")),
                "ERR-01"));
        // the same discard before returning something else: the command, and its error, are dropped
        assertEquals(List.of("5:ERR-01"), only(items("commands.go", COMMANDS.replace("RESULT", "NewStringResult(\"\")")),
                "ERR-01"));
        // the error of a call that does work is still lost, next to the log write
        String work = COMMANDS.replace("RESULT", "cmd").replace("\t_ = db.AddError(err)", "\t_ = db.audit.Record(v)");
        assertEquals(List.of("11:ERR-01"), only(items("commands.go", work), "ERR-01"));
    }
}
