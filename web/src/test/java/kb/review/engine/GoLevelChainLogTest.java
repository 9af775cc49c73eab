package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two Go readings of a level chosen before the message (round 21's go-36, set 17's AY and N):
 *
 * <ul>
 * <li>LOG-02: {@code fmt.Sprintf} handed to a line whose level is picked in the chain (zerolog's
 * {@code Debug().Msg(...)}, klog's and logr's {@code V(n).Info(...)}, go-kit's {@code level.Debug(l).Log(...)}) runs
 * whether or not the level is on; the lazy forms ({@code Msgf}, {@code Infof}) and fields do not.</li>
 * <li>LOG-01: a debug line per element through a logger that tests its level before it formats (slog, zap, logrus,
 * hclog, charmbracelet, klog's {@code V(n).Infof}) costs a level test: the item's own remedy. It stays a finding on the
 * data path (a loop over frames or blocks) and when an argument formats or serialises.</li>
 * </ul>
 */
class GoLevelChainLogTest {

    private static String file(String header, String line) {
        return """
                package relay

                import (
                	"context"
                	"fmt"
                	"strings"
                )

                func (r *Relay) Route(ctx context.Context, items []Item) {
                	%s {
                		%s
                		r.out(it)
                	}
                }
                """.formatted(header, line);
    }

    private static List<String> item(String header, String line, String item) {
        return GoRound8ClassesTest.item(LifecycleRulesTest.newFile("relay/route.go", file(header, line)), item);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "r.log.Debug().Msg(fmt.Sprintf(\"routing %+v\", it))",
            "logger.Trace().Str(\"item\", fmt.Sprintf(\"%+v\", it)).Msg(\"routing\")",
            "klog.V(4).Info(fmt.Sprintf(\"routing %v\", it))",
            "r.logger.V(2).Info(fmt.Sprintf(\"routing %s\", it.ID))",
            "level.Debug(r.logger).Log(\"msg\", fmt.Sprintf(\"routing %v\", it))"})
    void a_sprintf_before_a_chosen_level_is_found(String line) {
        assertEquals(1, item("for _, it := range items", line, "LOG-02").size(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "r.log.Debug().Msgf(\"routing %+v\", it)",
            "klog.V(4).Infof(\"routing %v\", it)",
            "r.log.Info().Msg(fmt.Sprintf(\"routing %s\", it.ID))",
            "if e := r.log.Debug(); e.Enabled() { e.Msg(fmt.Sprintf(\"routing %+v\", it)) }"})
    void a_lazy_form_a_production_level_or_a_tested_level_is_not_log_02(String line) {
        assertEquals(List.of(), item("for _, it := range items", line, "LOG-02"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "slog.DebugContext(ctx, \"routing\", \"id\", it.ID)",
            "r.logger.Debug(\"routing\", zap.String(\"id\", it.ID))",
            "log.WithField(\"id\", it.ID).Debugf(\"routing to %s\", it.Dest)",
            "r.logger.Trace(\"routing\", \"id\", it.ID)",
            "klog.V(4).Infof(\"routing %s\", it.ID)",
            "r.log.Debugf(\"routing %s\", it.ID)"})
    void a_lazy_debug_line_per_element_is_clean(String line) {
        assertEquals(List.of(), item("for _, it := range items", line, "LOG-01"), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "for _, it := range items|r.log.Debugf(\"routing %s\", strings.Join(it.Tags, \",\"))",
            "for _, it := range items|r.logger.Debug(\"routing\", \"id\", it.ID.String())",
            "for _, it := range frames|r.log.Debugf(\"frame %d of %d bytes\", it.Seq, it.Len)",
            "for _, it := range items|slog.Warn(\"routing\", \"id\", it.ID)",
            "for _, it := range items|r.log.Info().Str(\"id\", it.ID).Msg(\"routing\")"})
    void a_debug_line_that_builds_or_sits_on_the_data_path_and_a_production_line_are_found(String spec) {
        String[] parts = spec.split("\\|", 2);
        assertEquals(1, item(parts[0], parts[1], "LOG-01").size(), spec);
    }
}
