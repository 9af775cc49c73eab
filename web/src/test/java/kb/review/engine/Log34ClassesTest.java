package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 34 (branch log34); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>A line per chunk or per update with no loop in sight (LOG-01): an info, warn or print line at the top level of
 * a Go method in the role of the I/O interfaces ({@code Read}, {@code Write}, {@code ReadAt}, {@code Seek},
 * {@code WriteChunk}...) taking the bytes or the stream, which io.Copy, a server or a proxy calls once per buffer
 * ({@code go-log-per-io-call}, new); and a handler or {@code On...} callback of one delivered update
 * ({@code tgbotapi.Update}, a game's position update: {@code go-log-per-event-handler}, extended). Clean: a writer
 * whose purpose is the log, the line at debug, a failure branch, a configuration update (once per change), and one
 * summary line on Close.</li>
 * <li>The loops that are not hot (LOG-01, {@code java-log-in-loop}): a Java wait loop whose every turn sleeps a
 * duration the author named as the pace of a wait or a retry ({@code Thread.sleep(backoffMs)}, a registry poll
 * constant, {@code TimeUnit.MILLISECONDS.sleep(retryInterval.toMillis())}) logs once per wait, not per element.
 * Still reported: a per-record loop that pauses a small literal, and a loop whose named back-off runs only on a failure
 * branch.</li>
 * <li>A command-line tool's progress lines (LOG-01, {@code java-log-in-loop}): a logger line per item in a Java file
 * of a {@code cli}, {@code cmdline} or {@code commandline} package is the command's output. Still reported: the same
 * line in a server's package.</li>
 * </ul>
 */
class Log34ClassesTest {

    @Test
    void a_line_per_chunk_or_per_update_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log34-per-chunk-and-update-calls", Set.of("LOG-01"));
    }

    @Test
    void a_wait_loop_paced_by_a_named_sleep_is_not_hot_and_its_look_alikes_still_are() {
        ClassDiffs25.check("log34-wait-loop-named-sleep", Set.of("LOG-01"));
    }

    @Test
    void a_command_line_tools_progress_lines_are_not_hot_and_a_services_are() {
        ClassDiffs25.check("log34-command-line-progress", Set.of("LOG-01"));
    }
}
