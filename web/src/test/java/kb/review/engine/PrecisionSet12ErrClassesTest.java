package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go ERR-01 false classes of the twelfth precision set (web/src/test/bench/realfixes/precision-judgments-12.tsv, read
 * after it was judged blind), each next to a true discard of the same shape that must still be found. The code is
 * written for this test in the shape of the judged code. ERR-01 asks that an error be handled, returned, or dropped
 * only "where a comment says why ignoring it is safe"; each class below drops an error that cannot carry news:
 *
 * <ul>
 * <li>BP, the error of {@code log.Logger.Output} in a logger adapter whose struct embeds {@code *log.Logger}: the only
 * error is the writer's, for the very line that is the report; there is nowhere left to send it, and the standard
 * library's own {@code log.Printf} drops it too. An {@code Output} of a type of the program's own stays reported.</li>
 * <li>DO, cobra's {@code MarkFlagRequired} of a flag the same function defines a line above: its one documented
 * failure is "no such flag", which the definition in sight rules out. Marking a flag the file never defines stays
 * reported (a renamed flag is the bug the error exists for).</li>
 * <li>DO, {@code json.Marshal} of a {@code map[string]string}: encoding/json fails only for values it cannot encode
 * (channels, functions, cycles, a failing Marshaler), and a map of strings to strings is none of them. Marshalling a
 * value of a type declared out of sight stays reported.</li>
 * <li>DG, {@code strconv.ParseBool} of an environment switch read bare or through a getter defaulting to
 * {@code "false"}: unset, empty and malformed all fail to false, the default the code gives the switch, so the failure
 * is the answer (the fall-back the item counts as handling). A boolean read from a request body's field, whose
 * malformed value decides what is stored, stays reported.</li>
 * </ul>
 */
class PrecisionSet12ErrClassesTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(newFile(path, code)).active().stream().filter(f -> f.item().equals("ERR-01"))
                .map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    static String newFile(String path, String code) {
        String[] lines = code.split("\n", -1);
        int n = code.endsWith("\n") ? lines.length - 1 : lines.length;
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," + n + " @@\n");
        for (int i = 0; i < n; i++) {
            d.append('+').append(lines[i]).append('\n');
        }
        return d.toString();
    }

    @Test
    void a_logger_adapter_writing_its_line_through_the_embedded_std_logger_is_not_reported() {
        String code = """
                package store

                import (
                \t"fmt"
                \t"log"
                )

                const depth = 2

                type StdLogger struct {
                \t*log.Logger
                \tverbose bool
                }

                func (l *StdLogger) Infof(format string, v ...any) {
                \t_ = l.Output(depth, "INFO: "+fmt.Sprintf(format, v...))
                }

                func (l *StdLogger) Warn(v ...any) {
                \t_ = l.Logger.Output(depth+1, "WARN: "+fmt.Sprint(v...))
                }
                """;
        assertEquals(List.of(), found("store/logger.go", code));
    }

    @Test
    void the_output_of_a_type_of_the_programs_own_is_still_reported() {
        String code = """
                package store

                import (
                \t"fmt"
                \t"log"
                )

                const depth = 2

                type AuditLogger struct {
                \t*Exporter
                \tstd *log.Logger
                }

                func (l *AuditLogger) Infof(format string, v ...any) {
                \t_ = l.Output(depth, "INFO: "+fmt.Sprintf(format, v...))
                }
                """;
        assertEquals(List.of("store/audit.go:16"), found("store/audit.go", code));
    }

    @Test
    void marking_required_a_flag_defined_just_above_is_not_reported_but_an_undefined_one_is() {
        String code = """
                package main

                import (
                \t"github.com/spf13/cobra"
                \t"github.com/spf13/pflag"
                )

                type copyOptions struct {
                \tdst  string
                \tsync bool
                }

                func (o *copyOptions) AddFlags(fs *pflag.FlagSet) {
                \tfs.StringVarP(&o.dst, "output", "o", "", "where to write")
                \tfs.BoolVar(&o.sync, "no-sync", false, "")
                \t_ = cobra.MarkFlagRequired(fs, "output")
                \t_ = cobra.MarkFlagRequired(fs, "source")
                }
                """;
        assertEquals(List.of("cmd/copy.go:17"), found("cmd/copy.go", code));
    }

    @Test
    void marshalling_a_map_of_strings_is_not_reported_but_a_value_of_a_type_out_of_sight_is() {
        String code = """
                package oauth

                import (
                \t"encoding/json"
                \t"net/http"
                )

                func writeFailure(w http.ResponseWriter, reason string, claims Claims) {
                \tbody := map[string]string{"error": "exchange_failed", "error_description": reason}
                \tenc, _ := json.Marshal(body)
                \t_, _ = w.Write(enc)
                \traw, _ := json.Marshal(claims)
                \t_, _ = w.Write(raw)
                }

                func writeJSON(w http.ResponseWriter, status int, body map[string]string) {
                \tenc, _ := json.Marshal(body)
                \tw.WriteHeader(status)
                \t_, _ = w.Write(enc)
                }
                """;
        assertEquals(List.of("oauth/failure.go:12"), found("oauth/failure.go", code));
    }

    @Test
    void parsing_an_environment_switch_that_defaults_to_false_is_not_reported_but_a_stored_flag_is() {
        String code = """
                package main

                import (
                \t"os"
                \t"strconv"
                )

                func loadEnv() *config {
                \tnoColor, _ := strconv.ParseBool(envOr("NO_COLOR", "false"))
                \tif v, _ := strconv.ParseBool(os.Getenv("APP_NO_POLLER")); !v {
                \t\tusePoller()
                \t}
                \treturn &config{noColor: noColor}
                }

                func saveColumn(col map[string]string, store *Store) error {
                \tnullable, _ := strconv.ParseBool(col["nullable"])
                \treturn store.Alter(col["name"], nullable)
                }
                """;
        assertEquals(List.of("main/env.go:17"), found("main/env.go", code));
    }
}
