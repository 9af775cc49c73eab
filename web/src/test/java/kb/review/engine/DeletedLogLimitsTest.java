package kb.review.engine;

import static kb.review.engine.FailureSummaryLogTest.log01;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Session 26's LOG-01 classes of a deleted limit on a repeated line (split from {@link FailureSummaryLogTest}): a
 * sample or rate limit that only a repeated line has (a counter modulo N, a limiter, a cap on a count) deleted below a
 * loop header above the hunk; a deleted once-only test, a set of values already reported, a count cap in a handler;
 * and the look-alikes that stay clean (a line just before the loop's break, a summary's changed cost argument, a
 * once-only test kept). The marked line ({@code // <- flood}) is where the finding must be.
 */
class DeletedLogLimitsTest {

    // --- a deleted limit that only a repeated line has, the loop's header above the hunk

    @ParameterizedTest
    @ValueSource(strings = {
            "-\t\tif attempt == 1 || attempt%20 == 0 {",
            "-\t\tif dialLimiter.Allow() {",
            "-\t\tif failures <= maxLoggedFailures {",
            "-\t\tif warnSampler.Sample() {",
    })
    void a_go_warning_whose_repeat_limit_is_deleted_below_a_hidden_loop_header_is_found(String limit) {
        String diff = ContinuedLoopLogTest.edit("link/dialer.go", 20,
                "\t\tconn, err := d.dial(ctx, dest)",
                "\t\tif err == nil {",
                "\t\t\treturn conn, nil",
                "\t\t}",
                limit,
                "-\t\t\td.log.WithError(err).Warnf(\"dial to %s failing\", dest)",
                "-\t\t}",
                "+\t\td.log.WithError(err).Warnf(\"dial to %s failed\", dest)",
                "\t\tselect {",
                "\t\tcase <-ctx.Done():",
                "\t\t\treturn nil, ctx.Err()");
        assertEquals(List.of("24"), log01(diff));
    }

    @Test
    void a_java_warning_whose_rate_limiter_is_deleted_below_a_hidden_loop_header_is_found() {
        String diff = ContinuedLoopLogTest.edit("src/main/java/org/acme/Poller.java", 50,
                "            } catch (IOException e) {",
                "-                if (warnLimiter.tryAcquire()) {",
                "-                    log.warn(\"poll of {} failed\", source, e);",
                "-                }",
                "+                log.warn(\"poll of {} failed\", source, e);",
                "             }");
        assertEquals(List.of("51"), log01(diff));
    }

    @Test
    void a_deleted_time_check_below_a_hidden_header_stays_clean_and_a_deleted_once_is_found() {
        // a time check may guard a line of a handler that the change now writes once per call: without the loop in
        // sight it says nothing of repetition
        assertEquals(List.of(), log01(ContinuedLoopLogTest.edit("link/dialer.go", 20,
                "\t\tconn, err := d.dial(ctx, dest)",
                "\t\tif err != nil {",
                "-\t\t\tif time.Since(d.lastWarn) > time.Minute {",
                "-\t\t\t\td.log.Warnf(\"dial to %s failed\", dest)",
                "-\t\t\t}",
                "+\t\t\td.log.Warnf(\"dial to %s failed\", dest)",
                "\t\t\treturn nil, err",
                "\t\t}")));
        // a once.Do is a once-only test like a warned flag: deleted, the line is written on every call
        assertEquals(List.of("22"), log01(ContinuedLoopLogTest.edit("link/dialer.go", 20,
                "\t\tconn, err := d.dial(ctx, dest)",
                "\t\tif err != nil {",
                "-\t\t\twarnOnce.Do(func() {",
                "-\t\t\t\td.log.Warnf(\"dial to %s failed\", dest)",
                "-\t\t\t})",
                "+\t\t\td.log.Warnf(\"dial to %s failed\", dest)",
                "\t\t\treturn nil, err",
                "\t\t}")));
    }

    @Test
    void a_line_written_just_before_the_loops_break_stays_clean_whatever_limit_was_around_it() {
        assertEquals(List.of(), log01(ContinuedLoopLogTest.edit("src/main/java/org/acme/Pump.java", 30,
                "         long counter = 0;",
                "         while (true) {",
                "             Chunk c = queue.poll(1, TimeUnit.SECONDS);",
                "             if (c == null || c.isLast()) {",
                "-                if (++counter % 1000 == 0) {",
                "-                    log.debug(\"pump stopped after {} chunks\", counter);",
                "-                }",
                "+                log.debug(\"pump stopped after {} chunks\", counter);",
                "                 break;",
                "             }",
                "             sink.write(c);",
                "         }")));
    }

    @Test
    void a_summary_line_whose_cost_argument_changes_clock_is_no_deleted_limit() {
        // set 17's BF: the deleted line names time.Since as the summary's cost, an argument, not a test around it
        assertEquals(List.of(), log01(ContinuedLoopLogTest.edit("metrics/server.go", 70,
                "\tfor {",
                "\t\tselect {",
                "\t\tcase <-ticker.C():",
                "\t\t\tstart := m.clock.Now()",
                "\t\t\tn, total := m.sweep(7 * 24 * time.Hour)",
                "-\t\t\tlog.Debugf(\"swept %d of %d entries in %v\", n, total, time.Since(start))",
                "+\t\t\tlog.Debugf(\"swept %d of %d entries in %v\", n, total, m.clock.Since(start))",
                "\t\tcase <-stop:",
                "\t\t\treturn")));
    }

    // --- a deleted once-only test, a set of values already reported, a count cap in a handler (real fixes reversed)

    @Test
    void a_java_warn_once_flag_deleted_around_a_persistence_failure_is_found() {
        assertEquals(List.of("52"), log01(ContinuedLoopLogTest.edit("src/main/java/org/acme/store/Recorder.java", 50,
                "         } catch (StoreException e) {",
                "             if (isDiskFull(e)) {",
                "-                if (warnDiskFull) {",
                "-                    warnDiskFull = false;",
                "-                    LOG.warn(\"cannot record the exchange, the disk is full\", e);",
                "-                }",
                "+                LOG.warn(\"cannot record the exchange, the disk is full\", e);",
                "             } else {",
                "                 LOG.error(\"cannot record the exchange\", e);",
                "             }",
                "         }")));
    }

    @Test
    void a_java_set_of_reported_values_deleted_around_a_warning_is_found() {
        assertEquals(List.of("21"), log01(ContinuedLoopLogTest.edit("src/main/java/org/acme/http/Body.java", 20,
                "         if (charset != null && !Charset.isSupported(charset)) {",
                "-            if (REPORTED_CHARSETS.add(charset)) {",
                "-                logger.warn(\"unsupported charset {} in {}\", charset, contentType);",
                "-            }",
                "+            logger.warn(\"unsupported charset {} in {}\", charset, contentType);",
                "         }")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "-\t\tif s.loggedRejects < s.cfg.maxLoggedRejects {",
            "-\t\tif !s.warnedOnce {",
            "-\t\tif _, seen := reportedPeers.LoadOrStore(peer, true); !seen {",
    })
    void a_go_handlers_deleted_cap_once_flag_or_seen_set_is_found(String limit) {
        String diff = ContinuedLoopLogTest.edit("smtp/session.go", 130,
                "\tif err := s.checkRecipient(to); err != nil {",
                limit,
                "-\t\t\ts.log.Error(\"recipient rejected\", err, \"rcpt\", to)",
                "-\t\t}",
                "+\t\ts.log.Error(\"recipient rejected\", err, \"rcpt\", to)",
                "\t\treturn wrap(err)",
                "\t}");
        assertEquals(List.of("131"), log01(diff));
    }

    @Test
    void a_once_only_test_kept_or_a_flag_that_is_no_log_limit_stays_clean() {
        // the limit moves into the new line's own test: nothing is deleted without a limit coming back
        assertEquals(List.of(), log01(ContinuedLoopLogTest.edit("src/main/java/org/acme/http/Body.java", 20,
                "         if (charset != null && !Charset.isSupported(charset)) {",
                "-            if (REPORTED_CHARSETS.add(charset)) {",
                "+            if (REPORTED_CHARSETS.add(charset.toLowerCase(Locale.ROOT))) {",
                "                 logger.warn(\"unsupported charset {} in {}\", charset, contentType);",
                "             }",
                "         }")));
        // a deleted test of a feature flag is not a limit on the line
        assertEquals(List.of(), log01(ContinuedLoopLogTest.edit("src/main/java/org/acme/http/Body.java", 20,
                "         if (charset != null && !Charset.isSupported(charset)) {",
                "-            if (strictMode) {",
                "-                logger.warn(\"unsupported charset {} in {}\", charset, contentType);",
                "-            }",
                "+            logger.warn(\"unsupported charset {} in {}\", charset, contentType);",
                "         }")));
    }
}
