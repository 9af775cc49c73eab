package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 32 (branch log32); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rule must not report.
 * <ul>
 * <li>A catch that only logged, in a method shaped like a periodic task, now throws: the first failed run cancels
 * every later one (CONC-07; {@code task-failure-rethrown}, {@link RethrownTaskFailures}). High when the file in
 * sight schedules the method (a method reference, the scheduled lambda itself, a {@code Runnable} field, a
 * {@code TimerTask}'s run()), low when the scheduler is out of sight, including a hunk that cuts the method's header
 * off. A catch-all narrowed (the log kept) is reported only with the scheduler in sight. Clean: a method with an
 * argument and a result, a lifecycle start, a catch that threw already, a value returned in sight, a project
 * exception of unknown kind, a Spring {@code @Scheduled} method, a helper whose caller in sight catches everything,
 * a catch-all narrowed with no scheduler in sight or kept below the narrower catch, a Runnable's thread body.</li>
 * <li>An unconditional info line in a method a library calls once per high-frequency event: a Bukkit move,
 * interaction or packet handler, Netty's channelRead (LOG-01; {@code java-log-per-message-callback}, extended).
 * Clean: a reworded line, a failure branch, a debug line, a rare event, the route registration, and the per-request
 * HTTP handler lines the session measured and did not land (0 of 6 true on sets 17 to 24).</li>
 * </ul>
 */
class Log32ClassesTest {

    private static final String TASK = "log32-task-guard-rethrown";

    @Test
    void a_task_catch_that_now_throws_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check(TASK, Set.of("CONC-07"));
    }

    @Test
    void an_info_line_per_high_frequency_event_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("log32-info-line-per-event", Set.of("LOG-01"));
    }

    @Test
    void a_scheduler_in_sight_makes_the_finding_sure_and_one_out_of_sight_does_not() throws IOException {
        assertEquals(List.of("HIGH"), found(TASK, "d1-reference-scheduled-in-view.diff"));
        assertEquals(List.of("LOW"), found(TASK, "d2-loop-catch-all-now-throws-header-cut.diff"));
        assertEquals(List.of("HIGH"), found(TASK, "d3-timer-task-run-rethrows.diff"));
        assertEquals(List.of("HIGH"), found(TASK, "d4-runnable-field-scheduled.diff"));
        assertEquals(List.of("HIGH"), found(TASK, "d5-scheduled-lambda-rethrows.diff"));
        assertEquals(List.of("LOW"), found(TASK, "d6-checked-catch-now-throws-header-cut.diff"));
        assertEquals(List.of("HIGH"), found(TASK, "d7-catch-all-narrowed-scheduled.diff"));
    }

    private static List<String> found(String dir, String name) throws IOException {
        String diff = Files.readString(Path.of("web", "src", "test", "resources", "review", "classes25", dir, name),
                StandardCharsets.UTF_8);
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("CONC-07"))
                .map(f -> f.confidence().name()).distinct().toList();
    }
}
