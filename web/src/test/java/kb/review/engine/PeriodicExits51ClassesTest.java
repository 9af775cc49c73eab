package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Class of session 51 (branch sched51): CONC-07 an edit that turns the error path of a Go periodic loop's run into
 * an exit ({@code review/classes25/sched51-periodic-error-exits/}, with its SOURCES.md), read with the loop's header
 * cut off by the hunk: a ticker case whose {@code continue} becomes a bare return in a Start(ctx), a time.After wait
 * followed by a run that now returns its wrapped error, a job-first {@code for} that returns before its quit select,
 * a return added under a kept check in a function that takes its period, a sleep-paced heartbeat. Clean: an exit
 * that was already there and is only reworded, a loop over one listing that now fails fast, a designed end (the
 * store closed), a wait-until-ready poll, a peer's write pump, a retry bound. And its Java side
 * ({@code classes25/sched51-periodic-guard-unwrapped/}): a periodic schedule call whose task loses the guarding
 * wrapper it was handed through (a catching helper around a method reference, an exception-protecting runnable in a
 * moved file). Clean: a tracing wrapper taken off, a guard kept while the period changes.
 */
class PeriodicExits51ClassesTest {

    @Test
    void periodic_error_paths_turned_into_exits_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("sched51-periodic-error-exits", Set.of("CONC-07"));
    }

    @Test
    void periodic_tasks_handed_over_without_their_guarding_wrapper_are_reported_and_their_look_alikes_are_not() {
        ClassDiffs25.check("sched51-periodic-guard-unwrapped", Set.of("CONC-07"));
    }
}
