package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-02, round 14's class of a task group whose limit an edit deletes (go-27 of {@code heldout14}): the item names
 * {@code errgroup.Group.SetLimit} as the visible limit a loop of {@code go} launches needs, so deleting it while the
 * loop keeps starting one task per item leaves as many goroutines as the input has items. Look-alikes: the edit that
 * only changes the limit's value, and one that deletes a limit of a group the loop does not launch on.
 */
class GoGroupLimitRemovedTest {

    private static String edit(String change) {
        return """
                diff --git a/thumbs/render.go b/thumbs/render.go
                index 1111111..2222222 100644
                --- a/thumbs/render.go
                +++ b/thumbs/render.go
                @@ -14,9 +14,%d @@ func RenderAll(ctx context.Context, pics []Picture) error {
                 	g, ctx := errgroup.WithContext(ctx)
                %s
                 	for _, p := range pics {
                 		g.Go(func() error {
                 			return render(ctx, p)
                 		})
                 	}
                 	return g.Wait()
                 }
                """.formatted(change.contains("+") ? 9 : 8, change);
    }

    @Test
    void a_deleted_limit_above_a_loop_of_launches_is_found() {
        assertEquals(List.of("16:group-limit-removed"), GoRound8ClassesTest.item(edit("-\tg.SetLimit(8)"), "CONC-02"));
    }

    @Test
    void a_changed_limit_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(edit("-\tg.SetLimit(8)\n+\tg.SetLimit(runtime.NumCPU())"),
                "CONC-02"));
    }

    @Test
    void a_limit_of_another_group_is_not_this_loop_s() {
        // this rule stays quiet; the loop, left with no limit at all, is the fan-out rule's (go-goroutine-per-range-element)
        assertEquals(List.of(), GoRound8ClassesTest.item(edit("-\tuploads.SetLimit(2)"), "CONC-02").stream()
                .filter(f -> f.endsWith(":group-limit-removed")).toList());
    }
}
