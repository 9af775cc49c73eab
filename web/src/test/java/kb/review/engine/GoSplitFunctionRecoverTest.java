package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-01's Go class of a goroutine's function that the diff shows in parts: its signature and first lines in one
 * hunk, its loop in a later hunk whose header names it again (git prints the old signature there). The parts are one
 * function, so a recover deferred at the top of the first part (a logging recoverer such as slogutil.RecoverAndLog, an
 * inline `defer func() { if r := recover() ... }()`, a modelled sentry.Recover) guards the launch; the review used to
 * read the later part as a second declaration without a recover and report the launch (sets 17 and 18, DZ). A
 * function in parts none of which recovers is still reported.
 */
class GoSplitFunctionRecoverTest {

    private static String hunk(int oldStart, int newStart, String header, List<String> lines) {
        long old = lines.stream().filter(l -> l.charAt(0) != '+').count();
        long now = lines.stream().filter(l -> l.charAt(0) != '-').count();
        return "@@ -" + oldStart + "," + old + " +" + newStart + "," + now + " @@ " + header + "\n"
                + String.join("\n", lines) + "\n";
    }

    /** A launch of `c.watch(ctx)`, then watch's first lines (with {@code top} added), then its loop in a later hunk. */
    private static String split(String... top) {
        List<String> first = new ArrayList<>(List.of("-func (c *Container) watch() {",
                "+func (c *Container) watch(ctx context.Context) {"));
        for (String t : top) {
            first.add("+\t" + t);
        }
        first.addAll(List.of("+", " \tdefer close(c.updates)", " "));
        return "diff --git a/svc/watch.go b/svc/watch.go\nindex 1111111..2222222 100644\n--- a/svc/watch.go\n"
                + "+++ b/svc/watch.go\n"
                + hunk(10, 10, "import (", List.of(" func Start(ctx context.Context, c *Container) {",
                " \tc.events = make(chan Event)", "-\tgo c.watch()", "+\tgo c.watch(ctx)", " }", " "))
                + hunk(30, 30, "func Start(ctx context.Context, c *Container) {", first)
                + hunk(50, 51, "func (c *Container) watch() {", List.of(" \tfor {", " \t\tselect {",
                " \t\tcase ev := <-c.events:", "-\t\t\tc.apply(ev)", "+\t\t\tc.apply(ctx, ev)", " \t\tcase <-c.done:",
                " \t\t\treturn", " \t\t}", " \t}", " }"));
    }

    private static List<String> conc01(String diff) {
        return GoRound8ClassesTest.item(diff, "CONC-01");
    }

    private static final List<String> REPORTED = List.of("12:go-goroutine-without-recover");

    @Test
    void a_logging_recoverer_deferred_in_the_first_part_guards_the_launch() {
        assertEquals(List.of(), conc01(split("defer slogutil.RecoverAndLog(ctx, c.logger)")));
    }

    @Test
    void an_inline_recover_in_the_first_part_guards_the_launch() {
        assertEquals(List.of(), conc01(split("defer func() {", "\tif r := recover(); r != nil {",
                "\t\tc.logger.Error(\"watch panicked\", \"panic\", r)", "\t}", "}()")));
    }

    @Test
    void a_modelled_recoverer_in_the_first_part_guards_the_launch() {
        assertEquals(List.of(), conc01(split("defer sentry.Recover()")));
    }

    @Test
    void parts_with_only_a_log_line_are_reported() {
        assertEquals(REPORTED, conc01(split("c.logger.Debug(\"watching\")")));
    }

    @Test
    void parts_that_only_defer_a_wait_group_done_are_reported() {
        assertEquals(REPORTED, conc01(split("defer c.wg.Done()")));
    }

    @Test
    void parts_that_run_work_before_the_loop_are_reported() {
        assertEquals(REPORTED, conc01(split("c.load(ctx)")));
    }

    @Test
    void parts_that_only_defer_a_cancel_are_reported() {
        assertEquals(REPORTED, conc01(split("ctx, cancel := context.WithCancel(ctx)", "defer cancel()")));
    }

    @Test
    void parts_that_only_defer_an_unlock_are_reported() {
        assertEquals(REPORTED, conc01(split("c.mu.Lock()", "defer c.mu.Unlock()")));
    }
}
