package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-01, the class of a control tool's progress line (round 15's false positive go-30): a command of an operator's
 * command-line tool ({@code kubectl}, {@code etcdctl}, {@code nuctl}: a folder named {@code *ctl/}) that logs one info
 * line per object it acts on, here one per function it deploys from an errgroup task. The item's harm is a loop that
 * runs with a service's traffic, "tens of thousands of times a second"; a tool run by hand over the objects it was
 * asked to act on prints what its reader ran it for, the precision sets' judgment of one-shot commands' progress lines.
 * The same loop in a service's folder (a {@code cmd/} proxy included) stays a finding, and so does a warning per
 * object in the tool (a flood of them hides the one that matters).
 */
class GoControlToolProgressLogTest {

    private static String rollout(String path, String level) {
        return GoRound8ClassesTest.file(path, """
                import (
                	"context"

                	"golang.org/x/sync/errgroup"
                )

                // Rollout applies every manifest of a bundle, four at a time.
                func (r *Roller) Rollout(ctx context.Context, manifests []Manifest) error {
                	g, ctx := errgroup.WithContext(ctx)
                	g.SetLimit(4)
                	for _, m := range manifests {
                		m := m
                		g.Go(func() error {
                			if err := r.api.Apply(ctx, m); err != nil {
                				return err
                			}
                			r.log.%s("manifest applied", "name", m.Name)
                			return nil
                		})
                	}
                	return g.Wait()
                }
                """.formatted(level));
    }

    private static List<String> log01(String path, String level) {
        return GoRound8ClassesTest.item(rollout(path, level), "LOG-01");
    }

    @Test
    void a_progress_line_per_object_of_a_control_tool_is_clean() {
        assertEquals(List.of(), log01("pkg/bundlectl/command/rollout.go", "Info"));
    }

    @Test
    void the_same_line_in_a_service_package_is_found() {
        assertEquals(List.of("19:go-log-in-loop"), log01("internal/rollout/roller.go", "Info"));
    }

    @Test
    void the_same_line_in_a_services_cmd_folder_is_found() {
        assertEquals(List.of("19:go-log-in-loop"), log01("cmd/roller/rollout.go", "Info"));
    }

    @Test
    void a_warning_per_object_of_a_control_tool_is_found() {
        assertEquals(List.of("19:go-log-in-loop"), log01("pkg/bundlectl/command/rollout.go", "Warn"));
    }
}
