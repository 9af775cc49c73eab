package kb.review.engine;

import static kb.review.engine.ContinuedLoopLogTest.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-01's class of an edit that deletes the sample or rate limit around a log line in a loop and writes the line on
 * every turn. The item asks that repeated lines be "sampled or rate-limited"; the deleted limit (x/time/rate's
 * Sometimes, a token bucket's Allow, Guava's tryAcquire, a counter modulo, a time check by hand) shows the line
 * repeats, and the loop around the new line makes it once per turn. The look-alikes: a limit replaced by another, the
 * line moved after the loop as a summary, and a deleted limit that held no log line of that logger. A limiter deleted
 * around a handler's warning, where no loop runs, is found since session 26 (a limiter says the line repeats).
 */
class RemovedLogLimitTest {

    /** The lines LOG-01 reports (a line the loop pass reports too is said once, by either rule). */
    private static List<String> rule(String diff) {
        return GoRound8ClassesTest.item(diff, "LOG-01").stream().map(s -> s.substring(0, s.indexOf(':'))).toList();
    }

    /** The lines this class's own rule reports. */
    private static List<String> own(String diff) {
        return GoRound8ClassesTest.item(diff, "LOG-01").stream().filter(s -> s.endsWith(":log-limit-removed"))
                .map(s -> s.substring(0, s.indexOf(':'))).toList();
    }

    /** Two hunks: the loop's header and a limiter in the first, the line's edit in the second. */
    private static final String GO_SOMETIMES = """
            diff --git a/index/build.go b/index/build.go
            index 1111111..2222222 100644
            --- a/index/build.go
            +++ b/index/build.go
            @@ -20,7 +20,6 @@ func (b *Builder) writeShards(ctx context.Context, shards []Shard) error {
             	if err != nil {
             		return err
             	}
            -	every := rate.Sometimes{Interval: 10 * time.Second}
             	for i, s := range shards {
             		if err := ctx.Err(); err != nil {
             			return err
            @@ -35,9 +34,8 @@ func (b *Builder) writeShards(ctx context.Context, shards []Shard) error {
             			return fmt.Errorf("shard %d: %w", i, err)
             		}
             		b.written.Add(1)
            -		every.Do(func() {
            -			b.log.Info("shards written", zap.Int("done", i+1), zap.Int("total", len(shards)))
            -		})
            +		b.log.Info("shard written", zap.Int("shard", i),
            +			zap.String("path", s.Path))
             	}
             	return nil
             }
            """;

    @Test
    void a_zap_line_whose_sometimes_wrapper_is_deleted_is_found_across_hunks() {
        assertEquals(List.of("37"), own(GO_SOMETIMES));
    }

    @Test
    void a_token_bucket_and_a_counter_sample_deleted_in_a_loop_are_found() {
        assertEquals(List.of("12"), own(edit("relay/forward.go", 10,
                "\tfor pkt := range in {",
                "\t\tif err := r.send(pkt); err != nil {",
                "-\t\t\tif r.warnLimit.Allow() {",
                "-\t\t\t\tslog.Warn(\"forward failed\", \"err\", err)",
                "-\t\t\t}",
                "+\t\t\tslog.Warn(\"forward failed\", \"peer\", pkt.Peer, \"err\", err)",
                "\t\t}",
                "\t}")));
        assertEquals(List.of("12"), rule(edit("src/main/java/a/Loader.java", 10,
                "        while (cursor.hasNext()) {",
                "            Row row = cursor.next();",
                "-            if (++loaded % 10_000 == 0) {",
                "-                LOG.info(\"loaded {} rows\", loaded);",
                "-            }",
                "+            LOG.info(\"loaded row {}\", row.key());",
                "             sink.accept(row);",
                "         }")));
    }

    @Test
    void a_guava_limiter_and_a_time_check_deleted_in_a_java_loop_are_found() {
        assertEquals(List.of("12"), rule(edit("src/main/java/a/Pusher.java", 10,
                "        for (Event e : events) {",
                "            if (!client.push(e)) {",
                "-                if (warnings.tryAcquire()) {",
                "-                    log.warn(\"push rejected for {}\", e.id());",
                "-                }",
                "+                log.warn(\"push rejected for {}\", e.id());",
                "             }",
                "         }")));
        assertEquals(List.of("12"), rule(edit("src/main/java/a/Pusher.java", 10,
                "        for (Event e : events) {",
                "            long now = System.nanoTime();",
                "-            if (now - lastProgress > PROGRESS_NANOS) {",
                "-                lastProgress = now;",
                "-                logger.info(\"pushed {} events\", pushed);",
                "-            }",
                "+            logger.info(\"pushing event {}\", e.id());",
                "             client.push(e);",
                "         }")));
    }

    @Test
    void a_limit_replaced_by_another_and_a_summary_after_the_loop_are_clean() {
        assertEquals(List.of(), rule(edit("relay/forward.go", 10,
                "\tfor pkt := range in {",
                "\t\tif err := r.send(pkt); err != nil {",
                "-\t\t\tif r.warnLimit.Allow() {",
                "+\t\t\tif r.sampler.Allow() {",
                "\t\t\t\tslog.Warn(\"forward failed\", \"err\", err)",
                "\t\t\t}",
                "\t\t}",
                "\t}")));
        assertEquals(List.of(), rule(edit("src/main/java/a/Loader.java", 10,
                "        while (cursor.hasNext()) {",
                "            Row row = cursor.next();",
                "-            if (++loaded % 10_000 == 0) {",
                "-                LOG.info(\"loaded {} rows\", loaded);",
                "-            }",
                "             sink.accept(row);",
                "         }",
                "+        LOG.info(\"loaded {} rows\", loaded);")));
    }

    @Test
    void a_limit_removed_around_no_log_line_is_clean_and_a_handlers_limiter_removed_is_found() {
        // session 26: a limiter, a sampler or a count cap is only ever put around a line that repeats, so deleting
        // one writes the line every time, in a loop or once per call of a handler (maddy's RCPT errors, zaproxy's
        // "database full" warning, the real fixes reversed); only a time check or a once.Do still needs the loop
        assertEquals(List.of("12"), rule(edit("src/main/java/a/Handler.java", 10,
                "    void handle(Request req) {",
                "        if (!auth.check(req)) {",
                "-            if (warnings.tryAcquire()) {",
                "-                log.warn(\"rejected {}\", req.id());",
                "-            }",
                "+            log.warn(\"rejected {}\", req.id());",
                "         }",
                "     }")));
        assertEquals(List.of(), own(edit("relay/forward.go", 10,
                "\tfor pkt := range in {",
                "-\t\tif r.statLimit.Allow() {",
                "-\t\t\tr.stats.Flush()",
                "-\t\t}",
                "+\t\tr.stats.Flush()",
                "\t\tslog.Debug(\"forwarding\", \"peer\", pkt.Peer)",
                "\t}")));
    }
}
