package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 44 (branch log44), LOG-01 lines that run once per call with the loop out of sight
 * ({@code review/classes25/log44-per-call-lines/}, with its SOURCES.md).
 * <ul>
 * <li>A line raised from debug to info in a function that is neither start-up nor a summary: a poller's per-poll
 * line, a crawler's per-URL line ({@code analysis/RaisedLogLevels}).</li>
 * <li>A Go literal handed to a project's own helper beside the collection it walks, named as that collection's
 * element ({@code mapEntries(entries, func(entry E) ...)}: {@code analysis/GoLoops}).</li>
 * <li>The endless loop of a function that starts a routine ({@code startConsumeLoop}), no longer read as start-up
 * work ({@code analysis/LoopGuards}).</li>
 * <li>A line beside the block's own sampled progress line ({@code if (n % STEP == 0) log...}):
 * {@code analysis/SampledSiblings}.</li>
 * </ul>
 * Clean: a summary raised after its loop, a listening line raised, a retry helper's literal, a start function's loop
 * over the workers it starts, the per-record detail moved into the sampled branch, a line raised to warn for an
 * anomaly, a "reloaded" line raised to info.
 * <p>TIME-01 ({@code review/classes25/log44-utc-writer-replaced/}): a line that wrote a time in UTC replaced in its
 * block by a zoneless {@code SimpleDateFormat} or {@code FastDateFormat} ({@code engine/UtcLiteralFormats}). Clean:
 * the replacement given UTC, a local display's formatter swapped.
 */
class Log44ClassesTest {

    @Test
    void per_call_lines_with_the_loop_out_of_sight_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("log44-per-call-lines", Set.of("LOG-01"));
    }

    @Test
    void a_utc_writer_replaced_by_a_zoneless_format_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log44-utc-writer-replaced", Set.of("TIME-01"));
    }
}
