package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 classes from session 26's breadth pass over public Go fix threads (code written for this test, none copied):
 * <ul>
 * <li>the Close of a base64, base32 or ascii85 encoder, which writes the last partial block, as a bare statement
 * ({@code go-output-error-dropped});</li>
 * <li>the Flush or Close of a buffered or compressing writer kept in a struct field, as a bare statement
 * ({@code go-field-writer-flush-dropped});</li>
 * <li>a defer that stores an error in {@code err} in a function whose results are not named, so the stored error
 * never reaches the caller ({@code go-deferred-error-to-unnamed-result}).</li>
 * </ul>
 */
class GoLastWritesAndDeferredErrorsTest {

    private static List<String> found(String code, String rule) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile("out/out.go", code)).active().stream()
                .filter(f -> f.rule().equals(rule)).map(f -> f.line() + "").sorted().toList();
    }

    @Test
    void encoder_closes_left_unchecked_are_reported_checked_or_in_memory_ones_are_quiet() {
        String code = """
                package out

                func dumpKey(f *os.File, key []byte) error {
                \tenc := base64.NewEncoder(base64.StdEncoding, f)
                \tenc.Write(key)
                \tenc.Close()
                \treturn nil
                }

                func sendToken(conn net.Conn, tok []byte) {
                \tw := base64.NewEncoder(base64.URLEncoding, conn)
                \tw.Write(tok)
                \tw.Close()
                }

                func archiveID(bw *bufio.Writer, id []byte) {
                \tb32 := base32.NewEncoder(base32.StdEncoding, bw)
                \tb32.Write(id)
                \tb32.Close()
                }

                func printBlob(blob []byte) {
                \ta85 := ascii85.NewEncoder(os.Stdout)
                \ta85.Write(blob)
                \ta85.Close()
                }

                func serveAvatar(rw http.ResponseWriter, img []byte) {
                \tenc := base64.NewEncoder(base64.RawStdEncoding, rw)
                \tenc.Write(img)
                \tenc.Close()
                }

                func inMemory(data []byte) string {
                \tvar buf bytes.Buffer
                \tenc := base64.NewEncoder(base64.StdEncoding, &buf)
                \tenc.Write(data)
                \tenc.Close()
                \treturn buf.String()
                }

                func checked(f *os.File, data []byte) error {
                \tenc := base64.NewEncoder(base64.StdEncoding, f)
                \tif _, err := enc.Write(data); err != nil {
                \t\treturn err
                \t}
                \tif err := enc.Close(); err != nil {
                \t\treturn err
                \t}
                \treturn nil
                }

                func returned(f *os.File, data []byte) error {
                \tenc := base32.NewEncoder(base32.HexEncoding, f)
                \tenc.Write(data)
                \treturn enc.Close()
                }

                func commented(pipe io.Writer, data []byte) {
                \tenc := base64.NewEncoder(base64.StdEncoding, pipe)
                \tenc.Write(data)
                \tenc.Close() // the reader side reports a short stream itself
                }
                """;
        assertEquals(List.of("13", "19", "25", "31", "6"), found(code, "go-output-error-dropped"));
    }

    @Test
    void flushes_of_writers_kept_in_fields_are_reported_unless_checked_kept_or_not_such_writers() {
        String code = """
                package out

                type stream struct {
                \tout     *bufio.Writer
                \tzw      *gzip.Writer
                \tz       *zlib.Writer
                \tarchive *zip.Writer
                \trows    *csv.Writer
                \tflusher http.Flusher
                \terr     error
                }

                func (s *stream) Flush() {
                \ts.out.Flush()
                }

                func (s *stream) finish() error {
                \ts.zw.Close()
                \treturn nil
                }

                func (s *stream) tick() {
                \ts.z.Flush()
                }

                func (s *stream) seal(manifest []byte) error {
                \tif _, err := s.out.Write(manifest); err != nil {
                \t\treturn err
                \t}
                \ts.archive.Close()
                \treturn nil
                }

                func (s *stream) end() {
                \ts.log("ending")
                \ts.out.Flush()
                \ts.log("ended")
                }

                func (s *stream) keep() {
                \ts.err = s.out.Flush()
                }

                func (s *stream) checked() error {
                \tif err := s.zw.Flush(); err != nil {
                \t\treturn err
                \t}
                \treturn s.out.Flush()
                }

                func (s *stream) table() {
                \ts.rows.Flush()
                \ts.flusher.Flush()
                }

                func (s *stream) quiet() {
                \ts.out.Flush() // the next Write reports a failed flush: bufio keeps the error
                }
                """;
        assertEquals(List.of("14", "18", "23", "30", "36"), found(code, "go-field-writer-flush-dropped"));
    }

    @Test
    void defers_that_set_err_without_a_named_result_are_reported_named_results_and_own_errs_are_quiet() {
        String code = """
                package out

                func (r *Runner) Run(ctx context.Context) error {
                \tvar err error
                \tdefer func() {
                \t\tif p := recover(); p != nil {
                \t\t\terr = fmt.Errorf("panic: %v", p)
                \t\t}
                \t}()
                \terr = r.loop(ctx)
                \treturn err
                }

                func save(path string, data []byte) error {
                \tf, err := os.Create(path)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer func() {
                \t\tif cerr := f.Close(); cerr != nil && err == nil {
                \t\t\terr = cerr
                \t\t}
                \t}()
                \t_, err = f.Write(data)
                \treturn err
                }

                func header(rc io.ReadCloser) (Header, error) {
                \tvar err error
                \tdefer closeInto(rc, &err)
                \tvar h Header
                \th, err = decode(rc)
                \treturn h, err
                }

                func (c *Copier) copy(dst io.WriteCloser, src io.Reader) (int64, error) {
                \tn, err := io.Copy(dst, src)
                \tdefer func() { err = errors.Join(err, dst.Close()) }()
                \treturn n, err
                }

                func (s *Store) load(key string) (*Item, error) {
                \titem, err := s.fetch(key)
                \tdefer func() {
                \t\tif err != nil {
                \t\t\terr = fmt.Errorf("load %s: %w", key, err)
                \t\t}
                \t}()
                \treturn item, err
                }

                func named(path string) (err error) {
                \tf, err := os.Create(path)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer func() {
                \t\tif cerr := f.Close(); cerr != nil && err == nil {
                \t\t\terr = cerr
                \t\t}
                \t}()
                \treturn write(f)
                }

                func namedPair(rc io.ReadCloser) (h Header, err error) {
                \tdefer closeInto(rc, &err)
                \th, err = decode(rc)
                \treturn h, err
                }

                func ownErr(path string) error {
                \terr := prepare(path)
                \tdefer func() {
                \t\tif err := cleanup(path); err != nil {
                \t\t\tlog.Printf("cleanup %s: %v", path, err)
                \t\t}
                \t}()
                \treturn err
                }

                func readsOnly(s *Sandbox) error {
                \terr := s.start()
                \tdefer func() {
                \t\tif err != nil {
                \t\t\ts.release()
                \t\t}
                \t}()
                \treturn err
                }

                func inGoroutine(jobs <-chan Job) error {
                \tvar err error
                \tgo func() {
                \t\tdefer func() { err = recoverErr(recover()) }()
                \t\trun(jobs)
                \t}()
                \treturn err
                }
                """;
        assertEquals(List.of("19", "30", "38", "44", "5"), found(code, "go-deferred-error-to-unnamed-result"));
    }
}
