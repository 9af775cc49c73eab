package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go {@code _ = X(...)} lines that hold no error (ERR-01's {@code go-error-assigned-to-blank}, analysis/GoValueDiscards;
 * precision set 15's class BO stands for the class, none of its code is here). ERR-01 asks for "no {@code _ =} ... on
 * calls that return an error": a constant in a {@code const} group, a conversion (to a predeclared type, to a type of
 * the file, of a typed nil pointer for an interface assertion) and the error-free methods of the standard library's
 * in-memory buffers return none. Look-alikes that stay reported: real calls whose error is dropped, in a package-level
 * {@code var} group, with a composite literal argument, and a {@code Next} or {@code Len} on something that is not a
 * buffer.
 */
class GoValueDiscardsTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("ERR-01")).map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void constants_conversions_and_interface_assertions_are_not_reported() {
        String code = """
                package codes

                const (
                \tlocalBusy = 3
                \tlocalGone = 4
                )

                // the build fails when the wire enumeration drifts from ours
                const (
                \t_ = uint8(localBusy-int(wire.StateBusy)) | uint8(int(wire.StateBusy)-localBusy)
                \t_ = uint8(localGone-int(wire.StateGone)) | uint8(int(wire.StateGone)-localGone)
                )

                var (
                \t_ = http.Handler((*router)(nil))
                \t_ = sql.Scanner((*Level)(nil))
                )

                type Celsius float64

                func warm(reading float64, n int) {
                \t_ = fmt.Stringer((*Level)(nil))
                \t_ = int64(n)
                \t_ = Celsius(reading)
                }
                """;
        assertEquals(List.of(), found("codes/codes.go", code));
    }

    @Test
    void error_free_methods_of_in_memory_buffers_are_not_reported() {
        String code = """
                package frame

                func skipHeader(raw []byte) int {
                \tbuf := bytes.NewBuffer(raw)
                \t_ = buf.Next(6)
                \treturn buf.Len()
                }

                func render(parts []string, sb *strings.Builder) {
                \tfor _, p := range parts {
                \t\tsb.WriteString(p)
                \t}
                \t_ = sb.Len()
                }

                func peek(text string) {
                \tr := strings.NewReader(text)
                \t_ = r.Size()
                \tvar scratch bytes.Buffer
                \t_ = scratch.Available()
                }
                """;
        assertEquals(List.of(), found("frame/frame.go", code));
    }

    @Test
    void dropped_errors_of_real_calls_stay_reported_in_the_same_shapes() {
        String code = """
                package boot

                var (
                \t_ = loadDefaults()
                )

                func loadDefaults() error {
                \tif os.Getenv("HOME") == "" {
                \t\treturn errors.New("no home")
                \t}
                \treturn nil
                }

                func start(c *Client, it *Pager, ctx context.Context) {
                \t_ = Validate(&Config{Port: 80})
                \t_ = os.Chdir("/srv/boot")
                \t_ = it.Next(ctx)
                \t_ = c.Publish("jobs", "start")
                }
                """;
        assertEquals(List.of("15:go-error-assigned-to-blank", "16:go-error-assigned-to-blank",
                "17:go-error-assigned-to-blank", "18:go-error-assigned-to-blank", "4:go-error-assigned-to-blank"),
                found("boot/boot.go", code));
    }
}
