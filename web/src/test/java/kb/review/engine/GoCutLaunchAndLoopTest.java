package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round 14's class of Go edits whose hunks cut the goroutine or the loop a rule needs to see (go-20, go-21 of
 * {@code heldout14}). Two shapes of pasted diff, each with a defect and a clean look-alike cut the same way:
 * <ul>
 * <li>a hunk that ends inside {@code go func() {} (the loop below it is in a gap): CONC-01 says a goroutine with no
 * recover in its body crashes the process on its first panic, which the cut must not hide;</li>
 * <li>a hunk that starts inside the cases of a ticker {@code select} and closes the select and its loop: CONC-07 says
 * "a loop that returns on its first error stops for good", which the cut must not hide either. A one-shot timed wait
 * (the select is not the last statement of its block) is not a loop and stays clean.</li>
 * </ul>
 */
class GoCutLaunchAndLoopTest {

    /** A warmer whose launch the edit changes from a runner to a bare literal; the loop's middle is in a gap. */
    private static String warmer(String deferLine) {
        return """
                diff --git a/warm/cache.go b/warm/cache.go
                index 1111111..2222222 100644
                --- a/warm/cache.go
                +++ b/warm/cache.go
                @@ -20,5 +20,%d @@ func (w *Warmer) Start(ctx context.Context) {
                 	// refresh the hot keys until ctx ends
                -	w.runner.Run("warm", func() {
                +	go func() {
                %s 		tick := time.NewTicker(w.every)
                 		defer tick.Stop()
                 		for {
                @@ -28,6 +28,6 @@ func (w *Warmer) Start(ctx context.Context) {
                 			case <-tick.C:
                 				w.refresh(ctx)
                 			}
                 		}
                -	})
                +	}()
                 }
                """.formatted(deferLine.isEmpty() ? 5 : 6, deferLine);
    }

    @Test
    void a_goroutine_literal_cut_by_the_hunk_without_recover_is_found() {
        assertEquals(List.of("21:go-goroutine-without-recover"),
                GoRound8ClassesTest.item(warmer(""), "CONC-01").stream().distinct().toList());
    }

    @Test
    void the_same_cut_literal_that_recovers_is_clean() {
        String guard = "+\t\tdefer func() { if p := recover(); p != nil { w.log.Error(\"warm panicked\", \"panic\", p) } }()\n";
        assertEquals(List.of(), GoRound8ClassesTest.item(warmer(guard), "CONC-01"));
    }

    /** A pruning loop cut inside its select; {@code failure} is the edited line of the error check's block. */
    private static String pruner(String failure) {
        return """
                diff --git a/prune/loop.go b/prune/loop.go
                index 1111111..2222222 100644
                --- a/prune/loop.go
                +++ b/prune/loop.go
                @@ -40,7 +40,7 @@ func (p *Pruner) Loop(ctx context.Context) error {
                 			return ctx.Err()
                 		case <-p.ticker.C:
                 			if err := p.prune(ctx); err != nil {
                -				p.log.Printf("prune: %%v", err)
                +%s
                 			}
                 		}
                 	}
                """.formatted(failure);
    }

    @Test
    void a_cut_ticker_loop_that_returns_on_the_first_failed_run_is_found() {
        assertEquals(List.of("43:go-periodic-loop-returns-on-error"),
                GoRound8ClassesTest.item(pruner("\t\t\t\treturn fmt.Errorf(\"prune: %w\", err)"), "CONC-07"));
    }

    @Test
    void the_same_cut_loop_that_logs_and_waits_for_the_next_tick_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(
                pruner("\t\t\t\tp.log.Printf(\"prune failed, next tick retries: %v\", err)"), "CONC-07"));
    }

    @Test
    void a_cut_one_shot_timed_wait_that_returns_its_error_is_not_a_loop() {
        String d = """
                diff --git a/prune/wait.go b/prune/wait.go
                index 1111111..2222222 100644
                --- a/prune/wait.go
                +++ b/prune/wait.go
                @@ -12,8 +12,8 @@ func (p *Pruner) WaitFirst(ctx context.Context) error {
                 		return ctx.Err()
                 	case <-p.first.C:
                 		if err := p.prune(ctx); err != nil {
                -			return err
                +			return fmt.Errorf("first prune: %w", err)
                 		}
                 	}
                 	return nil
                 }
                """;
        assertEquals(List.of(), GoRound8ClassesTest.item(d, "CONC-07"));
    }
}
