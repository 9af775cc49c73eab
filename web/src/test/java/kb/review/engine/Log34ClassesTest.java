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
 * </ul>
 */
class Log34ClassesTest {

    @Test
    void a_line_per_chunk_or_per_update_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log34-per-chunk-and-update-calls", Set.of("LOG-01"));
    }
}
