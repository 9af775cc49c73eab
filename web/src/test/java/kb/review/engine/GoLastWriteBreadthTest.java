package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 25's breadth over lost last writes, written after real fix threads of libraries no round used (a GCS
 * object writer whose Close is the upload, velero's deferred object-writer close, a file browser's deferred zip and
 * gzip closes, go-tpc's and a geoip converter's csv Flush without Error(), rudder-server's gzip close, a keepass
 * library's gzip close before the bytes are used, a csv export that defers Flush and returns Error() first, a bbolt
 * commit filtered by ErrTxClosed); own code and names. Each defect has a clean look-alike of the same shape.
 */
class GoLastWriteBreadthTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("ERR-01") || f.item().equals("TX-02"))
                .map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void last_writes_whose_error_is_lost_are_reported() {
        String code = """
                package out

                func (d *Driver) WriteVersion(ctx context.Context, v string) error {
                \tw := d.bucket.Object(d.key).NewWriter(ctx)
                \tif _, err := w.Write([]byte(v)); err != nil {
                \t\treturn err
                \t}
                \tw.Close()
                \treturn nil
                }

                func (s *Store) Put(ctx context.Context, key string, body io.Reader) error {
                \tw, err := s.bucket.NewWriter(ctx, key, nil)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer w.Close()
                \t_, err = io.Copy(w, body)
                \treturn err
                }

                func packAll(out io.Writer, files map[string][]byte) error {
                \ttw := tar.NewWriter(out)
                \tdefer tw.Close()
                \tfor name, data := range files {
                \t\tif err := tw.WriteHeader(&tar.Header{Name: name, Size: int64(len(data)), Mode: 0o600}); err != nil {
                \t\t\treturn err
                \t\t}
                \t\tif _, err := tw.Write(data); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \treturn nil
                }

                func exportRows(f *os.File, rows [][]string) error {
                \tcw := csv.NewWriter(f)
                \tfor _, r := range rows {
                \t\tif err := cw.Write(r); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \tcw.Flush()
                \treturn nil
                }

                func encodeReport(r *Report) ([]byte, error) {
                \tvar out bytes.Buffer
                \tzw := zlib.NewWriter(&out)
                \tdefer zw.Close()
                \tif err := gob.NewEncoder(zw).Encode(r); err != nil {
                \t\treturn nil, err
                \t}
                \treturn out.Bytes(), nil
                }

                func writeLedger(path string, entries []Entry) error {
                \tf, err := os.Create(path)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer f.Close()
                \tcw := csv.NewWriter(f)
                \tdefer cw.Flush()
                \tfor _, e := range entries {
                \t\tif err := cw.Write([]string{e.ID, e.Amount}); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \treturn cw.Error()
                }
                """;
        assertEquals(List.of("17:go-deferred-output-error-dropped", "24:go-deferred-output-error-dropped",
                        "43:go-output-error-dropped", "50:go-deferred-output-error-dropped",
                        "64:go-deferred-output-error-dropped", "8:go-output-error-dropped"),
                found("out/out.go", code));
    }

    @Test
    void the_same_writers_closed_and_checked_are_not_reported() {
        String code = """
                package out

                func (d *Driver) WriteVersion(ctx context.Context, v string) error {
                \tw := d.bucket.Object(d.key).NewWriter(ctx)
                \tif _, err := w.Write([]byte(v)); err != nil {
                \t\tw.Close()
                \t\treturn err
                \t}
                \treturn w.Close()
                }

                func (s *Store) Put(ctx context.Context, key string, body io.Reader) (err error) {
                \tw, err := s.bucket.NewWriter(ctx, key, nil)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer w.Close()
                \tif _, err = io.Copy(w, body); err != nil {
                \t\treturn err
                \t}
                \treturn w.Close()
                }

                func exportRows(f *os.File, rows [][]string) error {
                \tcw := csv.NewWriter(f)
                \tfor _, r := range rows {
                \t\tif err := cw.Write(r); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \tcw.Flush()
                \treturn cw.Error()
                }

                func hashOf(data []byte) string {
                \tvar buf bytes.Buffer
                \tgz := gzip.NewWriter(&buf)
                \tdefer gz.Close()
                \tgz.Write(data)
                \treturn "done"
                }

                func writeLedger(path string, entries []Entry) error {
                \tf, err := os.Create(path)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer f.Close()
                \tcw := csv.NewWriter(f)
                \tdefer cw.Flush()
                \tfor _, e := range entries {
                \t\tif err := cw.Write([]string{e.ID, e.Amount}); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \tcw.Flush()
                \treturn cw.Error()
                }
                """;
        assertEquals(List.of(), found("out/clean.go", code));
    }
}
