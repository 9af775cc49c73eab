package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-01's Go class of a line added at the end of a loop body whose header is above the hunk (git's three lines of
 * context start inside the body), known by the loop's own bookkeeping: the block bumps a tally and, right after it
 * closes, one line reports that tally. Counting per element and summarising after the loop is LOG-01's Good example;
 * a line added inside the counted block runs per element, its Bad example. The clean look-alikes add the line after
 * the block (the summary itself), or inside a block that counts nothing the line after it reports.
 */
class GoHiddenTalliedLoopTest {

    private static String edit(String added, String after) {
        return """
                diff --git a/sync/apply.go b/sync/apply.go
                index 1111111..2222222 100644
                --- a/sync/apply.go
                +++ b/sync/apply.go
                @@ -40,6 +40,7 @@ func (a *Applier) applyAll(ctx context.Context, dec *Decoder) error {
                 		}
                 		applied++
                 		size += len(rec.Body)
                %s
                 	}
                %s
                 	return nil
                """.formatted(added, after);
    }

    @Test
    void a_line_added_inside_a_counted_block_above_its_summary_is_found() {
        assertEquals(List.of("43:go-log-in-loop"), GoRound8ClassesTest.item(edit(
                "+\t\tlog.Printf(\"applied record %d (%d bytes)\", rec.Seq, len(rec.Body))",
                " \ta.logger.Info(\"records applied\", \"count\", applied, \"bytes\", size)"), "LOG-01"));
    }

    @Test
    void the_summary_after_the_block_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(edit(
                " \t\tcheckpoint(rec.Seq)",
                "+\ta.logger.Info(\"records applied\", \"count\", applied, \"bytes\", size)"), "LOG-01"));
    }

    @Test
    void a_block_whose_tally_no_line_after_it_reports_is_left_alone() {
        assertEquals(List.of(), GoRound8ClassesTest.item(edit(
                "+\t\tlog.Printf(\"applied record %d (%d bytes)\", rec.Seq, len(rec.Body))",
                " \ta.logger.Info(\"apply finished\")"), "LOG-01"));
    }
}
