package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Go precision classes of session 29 (branch goprec29), from set 21's false rows; each directory holds defects that
 * must stay reported and clean look-alikes that must not be.
 * <ul>
 * <li>CONC-01, a goroutine that only launches others and waits (AH): a component's start that
 * makes its context, starts its workers and waits for stop. Still reported: a loop that starts a goroutine per
 * received value (a dispatcher), a launcher that runs the program's code first.</li>
 * <li>CONC-01, a goroutine that only hands its callback to a worker pool of the program that runs it on goroutines it
 * starts (AH: a crawler's channel workers). Still reported: a pool that runs the callback inline, a goroutine that
 * does the program's work besides the handoff.</li>
 * <li>ERR-01, the dropped error of a callee that can fail only with the caller's context (LP): a channel worker's
 * {@code Run(ctx, f)} that returns {@code ctx.Err()} or a semaphore's {@code Acquire(ctx, 1)} failure. Still
 * reported: a callee that also fails when its input closes, returns a flush failure or a rate limiter's wait.</li>
 * <li>ERR-01, drawing or finishing a terminal progress bar the file builds with schollz/progressbar (AJ). Still
 * reported: another discard beside the bar, Add and Finish of a tracker the file does not build as a bar.</li>
 * <li>TMO-02, a fresh {@code context.Background()} with a comment above that names the context and says why (AE: it
 * must survive the parent's cancellation, the parent is already cancelled). Still reported: a comment that gives no
 * reason.</li>
 * <li>Breadth (CONC-01): fix shapes of public repositories written anew, each beside its fix: a goroutine per
 * bidder of an auction (prebid-server PR 628), a rate limiter's renewal ticker (octollm PR 75), a session handler per
 * accepted connection (modelcontextprotocol/go-sdk issue 958). They run the program's code, unlike a launcher.
 * TMO-02: a lookup under a fresh context with no reason given (letsencrypt/boulder PR 8635), beside a release under a
 * fresh context whose comment says the parent may already be cancelled (keboola/keboola-as-code PR 2114).</li>
 * </ul>
 */
class Goprec29ClassesTest {

    @Test
    void a_goroutine_that_only_launches_workers_is_clean_and_a_dispatcher_is_reported() {
        ClassDiffs25.check("goprec29-launchers", Set.of("CONC-01"));
    }

    @Test
    void a_dropped_error_that_only_the_callers_context_can_cause_is_clean_and_any_other_is_reported() {
        ClassDiffs25.check("goprec29-context-only-errors", Set.of("ERR-01"));
    }

    @Test
    void a_dropped_error_of_drawing_a_progress_bar_is_clean_and_a_tracker_that_is_no_bar_is_reported() {
        ClassDiffs25.check("goprec29-progress-bar-discards", Set.of("ERR-01"));
    }

    @Test
    void a_fresh_context_whose_comment_says_why_is_clean_and_one_without_a_reason_is_reported() {
        ClassDiffs25.check("goprec29-detached-context-commented", Set.of("TMO-02"));
    }

    @Test
    void a_goroutine_that_hands_its_callback_to_a_pool_is_clean_and_one_that_runs_it_is_reported() {
        ClassDiffs25.check("goprec29-pool-handoffs", Set.of("CONC-01"));
    }

    @Test
    void goroutines_of_the_breadth_pass_that_run_work_are_reported_and_their_fixes_are_not() {
        ClassDiffs25.check("goprec29-breadth-conc", Set.of("CONC-01"));
    }

    @Test
    void fresh_contexts_of_the_breadth_pass_without_a_reason_are_reported_and_a_commented_one_is_not() {
        ClassDiffs25.check("goprec29-breadth-tmo", Set.of("TMO-02"));
    }
}
