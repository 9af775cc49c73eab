package kb.review.engine;

import static kb.review.engine.GoNewFileDiffs.newFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import kb.review.analysis.GoRangeOrigins;
import org.junit.jupiter.api.Test;

/**
 * CONC-02's fan-out rule (go-goroutine-per-range-element) told apart by where the walked collection comes from
 * (session 33, queue33; precision letter KT): a goroutine per element is a defect when the input sets the width
 * (rows of a query, lines of a file, items callers queued, a slice handed in), not when the program does: handlers
 * and listeners the code registered (function values, or an interface registry filled only by appends), a list
 * the code writes out, a library's package list, a field the configuration file fills. Class diffs under
 * {@code classes25/queue33-program-bounded-fanout}.
 */
class ProgramBoundedFanOutTest {

    @Test
    void a_fan_out_over_input_is_reported_and_over_what_the_program_bounds_is_not() {
        ClassDiffs25.check("queue33-program-bounded-fanout", Set.of("CONC-02"));
    }

    @Test
    void an_event_bus_emitting_to_its_subscribed_handlers_is_not_a_fan_out_over_input() {
        String bus = """
                package event

                import "context"

                type Handler func(ctx context.Context, evt Event) error

                type Event struct{ Type string }

                type Bus struct{ handlers map[string][]Handler }

                func (b *Bus) On(t string, h Handler) { b.handlers[t] = append(b.handlers[t], h) }

                func (b *Bus) subscribers(t string) []Handler { return append([]Handler(nil), b.handlers[t]...) }

                func (b *Bus) Emit(ctx context.Context, evt Event) {
                	for _, h := range b.subscribers(evt.Type) {
                		go func(h Handler) { _ = h(ctx, evt) }(h)
                	}
                }
                """;
        assertEquals(List.of(), conc02(newFile("internal/event/bus.go", bus)));
        // the same loop over events the bus buffered is one goroutine per input event
        String events = bus.replace("for _, h := range b.subscribers(evt.Type) {\n\t\tgo func(h Handler) { _ = h(ctx, evt) }(h)",
                "for _, e := range b.backlog(ctx) {\n\t\tgo func(e Event) { b.deliver(ctx, e) }(e)");
        assertEquals(List.of("17:go-goroutine-per-range-element"), conc02(newFile("internal/event/bus.go", events)));
    }

    @Test
    void the_origin_reading_follows_a_local_a_copy_method_and_a_registry() {
        String file = """
                package p

                type Check interface{ Run() }

                type Svc struct {
                	checks []Check
                	peers  []string `toml:"peers"`
                }

                func (s *Svc) Register(c Check) { s.checks = append(s.checks, c) }
                """;
        assertEquals("behaviour", GoRangeOrigins.of(file, "func f() {\n}", "s.checks", "c", "go c.Run()"));
        assertEquals("configured", GoRangeOrigins.of(file, "func f() {\n}", "s.peers", "p", "go dial(p)"));
        assertEquals("fixed", GoRangeOrigins.of(file, "func f() {\n\tl := []int{1, 2}\n}", "l", "x", "go use(x)"));
        assertEquals("fixed", GoRangeOrigins.of(file, "func f() {\n\tvar l []string\n\tl = append(l, a)\n"
                + "\tl = append(l, b)\n}", "l", "x", "go use(x)"));
        assertEquals("", GoRangeOrigins.of(file, "func f() {\n\tvar l []string\n\tfor _, r := range rows {\n"
                + "\t\tl = append(l, r.Name)\n\t}\n}", "l", "x", "go use(x)"));
        assertEquals("", GoRangeOrigins.of(file, "func f(l []string) {\n}", "l", "x", "go use(x)"));
    }

    private static List<String> conc02(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("CONC-02"))
                .map(f -> f.line() + ":" + f.rule()).toList();
    }
}
