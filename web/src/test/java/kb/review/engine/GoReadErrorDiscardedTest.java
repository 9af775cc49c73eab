package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The error of a whole read assigned to '_' while the bytes are used (ERR-01's {@code go-read-error-discarded};
 * round 20's go-26 stands for the class, none of its code is here). A reset connection, a timeout or a missing file
 * gives a short or empty input, which is then parsed, stored or sent on as if it were whole. Variants differ in the
 * reader (a response body through io.ReadAll and ioutil.ReadAll, a file through os.ReadFile, a header through
 * io.ReadFull, an afero file system) and in the use (parsed, unmarshalled, returned, written). Look-alikes that stay
 * quiet: the checked read, an error response's body read only to put in the error, a body read inside a failed-status
 * branch, and a line that says why.
 */
class GoReadErrorDiscardedTest {

    private static final String RULE = "go-read-error-discarded";

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.rule().equals(RULE)).map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void reads_whose_error_is_dropped_and_bytes_used_are_reported() {
        String code = """
                package probe

                func (c *Client) stats(ctx context.Context) (Stats, error) {
                \tresp, err := c.http.Get(c.base + "/stats")
                \tif err != nil {
                \t\treturn Stats{}, err
                \t}
                \tdefer resp.Body.Close()
                \tbody, _ := io.ReadAll(resp.Body)
                \treturn parseStats(body)
                }

                func loadRules(path string) (*Rules, error) {
                \tdata, _ := os.ReadFile(path)
                \tvar r Rules
                \tif err := yaml.Unmarshal(data, &r); err != nil {
                \t\treturn nil, err
                \t}
                \treturn &r, nil
                }

                func readFrame(conn net.Conn) (uint32, error) {
                \thdr := make([]byte, 4)
                \tn, _ := io.ReadFull(conn, hdr)
                \treturn binary.BigEndian.Uint32(hdr[:n]), nil
                }

                func proxyReply(w http.ResponseWriter, resp *http.Response) {
                \tpayload, _ := ioutil.ReadAll(resp.Body)
                \tw.Header().Set("Content-Type", "application/json")
                \tw.Write(payload)
                }

                func (s *Store) template(name string) string {
                \traw, _ := afero.ReadFile(s.fs, filepath.Join(s.dir, name))
                \treturn string(raw)
                }
                """;
        assertEquals(List.of("14:" + RULE, "24:" + RULE, "29:" + RULE, "35:" + RULE, "9:" + RULE),
                found("probe/client.go", code));
    }

    @Test
    void checked_reads_and_bodies_read_only_to_explain_a_failure_are_not_reported() {
        String code = """
                package probe

                func (c *Client) stats(ctx context.Context) (Stats, error) {
                \tresp, err := c.http.Get(c.base + "/stats")
                \tif err != nil {
                \t\treturn Stats{}, err
                \t}
                \tdefer resp.Body.Close()
                \tif resp.StatusCode != http.StatusOK {
                \t\tmsg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
                \t\treturn Stats{}, fmt.Errorf("stats: %s: %s", resp.Status, msg)
                \t}
                \tbody, err := io.ReadAll(resp.Body)
                \tif err != nil {
                \t\treturn Stats{}, err
                \t}
                \treturn parseStats(body)
                }

                func (c *Client) push(ctx context.Context, req *http.Request) error {
                \tresp, err := c.http.Do(req)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer resp.Body.Close()
                \tif resp.StatusCode >= 300 {
                \t\tdetail, _ := io.ReadAll(resp.Body)
                \t\tc.log.Warn("push refused", "status", resp.StatusCode, "body", string(detail))
                \t\treturn errRefused
                \t}
                \treturn nil
                }

                func version(dir string) string {
                \tv, _ := os.ReadFile(filepath.Join(dir, "VERSION")) // optional: an empty version reads as "dev"
                \treturn strings.TrimSpace(string(v))
                }

                func drain(resp *http.Response) error {
                \trest, _ := io.ReadAll(resp.Body)
                \treturn fmt.Errorf("unexpected reply: %q", rest)
                }
                """;
        assertEquals(List.of(), found("probe/client.go", code));
    }
}
