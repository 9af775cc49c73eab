package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A writer's Close or Flush called as a bare statement, its error lost (ERR-01's {@code go-writer-close-error-dropped},
 * analysis/GoLostWrites; round 19's go-27 stands for the class, none of its code is here). ERR-01: "no {@code _ =} ...
 * on calls that return an error, except where a comment says why"; a bare call drops the error without even the
 * {@code _}. For a file opened for writing and written, or a writer that buffers (gzip, zip, bufio), the error of that
 * call is the last write's: the caller is told the data was saved when it was not. Look-alikes that stay quiet: a file
 * opened for reading, a writer whose Sync or Flush is checked, a close on a path that already returns an error, a
 * close whose comment says why, a close whose error the function returns, and a bare Flush between checked writes of
 * the same writer (bufio and the compressors return a failed flush's error from the next write).
 */
class GoWriterClosesTest {

    private static final String RULE = "go-writer-close-error-dropped";

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.rule().equals(RULE))
                .map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    private static List<String> found(String path, String code) {
        return found(GoNewFileDiffs.newFile(path, code));
    }

    @Test
    void bare_closes_and_flushes_of_written_files_and_buffering_writers_are_reported() {
        String code = """
                package archive

                func compress(dst io.Writer, chunks [][]byte) error {
                \tzw := gzip.NewWriter(dst)
                \tfor _, c := range chunks {
                \t\tif _, err := zw.Write(c); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \tzw.Close()
                \treturn nil
                }

                func saveReport(dir string, rows []Row) error {
                \ttmp, err := os.Create(filepath.Join(dir, "report.tmp"))
                \tif err != nil {
                \t\treturn err
                \t}
                \tfor _, r := range rows {
                \t\tfmt.Fprintf(tmp, "%s;%d\\n", r.Name, r.Count)
                \t}
                \ttmp.Close()
                \treturn os.Rename(tmp.Name(), filepath.Join(dir, "report.csv"))
                }

                func (j *Journal) Append(entry []byte) error {
                \tlog, err := os.OpenFile(j.path, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o600)
                \tif err != nil {
                \t\treturn err
                \t}
                \tif _, err := log.Write(entry); err != nil {
                \t\tlog.Close()
                \t\treturn err
                \t}
                \tlog.Close()
                \treturn nil
                }

                func reply(conn net.Conn, lines []string) {
                \tout := bufio.NewWriterSize(conn, 4096)
                \tfor _, l := range lines {
                \t\tout.WriteString(l)
                \t}
                \tout.Flush()
                }
                """;
        // a buffering writer's bare Close or Flush is go-output-error-dropped's; a written file's is this rule's
        String buffered = "go-output-error-dropped";
        assertEquals(List.of("10:" + buffered, "22:" + RULE, "35:" + RULE, "44:" + buffered), TestRules.reviewDiff(
                GoNewFileDiffs.newFile("archive/write.go", code)).active().stream().filter(f -> f.item().equals("ERR-01"))
                .map(f -> f.line() + ":" + f.rule()).sorted().toList());
    }

    @Test
    void an_edit_that_turns_a_returned_close_into_a_statement_is_reported() {
        String diff = GoLostWritesTest.edit("snap/store.go", "func (s *Store) persist(b []byte) error {",
                "\tif _, err := s.file.Write(b); err != nil {",
                "\t\treturn err",
                "\t}",
                "-\treturn s.file.Close()",
                "+\ts.file.Close()",
                "+\treturn nil",
                "}");
        assertEquals(List.of("23:" + RULE), found(diff));
    }

    @Test
    void read_only_closes_checked_syncs_error_paths_and_explained_closes_are_not_reported() {
        String code = """
                package archive

                func checksum(path string) (string, error) {
                \tf, err := os.Open(path)
                \tif err != nil {
                \t\treturn "", err
                \t}
                \th := sha256.New()
                \tio.Copy(h, f)
                \tf.Close()
                \treturn hex.EncodeToString(h.Sum(nil)), nil
                }

                func writeDurably(path string, data []byte) error {
                \tf, err := os.Create(path)
                \tif err != nil {
                \t\treturn err
                \t}
                \tif _, err := f.Write(data); err != nil {
                \t\tf.Close()
                \t\treturn err
                \t}
                \tif err := f.Sync(); err != nil {
                \t\treturn err
                \t}
                \tf.Close()
                \treturn nil
                }

                func dump(path string, recs []string) error {
                \tout, err := os.Create(path)
                \tif err != nil {
                \t\treturn err
                \t}
                \tbw := bufio.NewWriter(out)
                \tfor _, r := range recs {
                \t\tbw.WriteString(r)
                \t}
                \tif err := bw.Flush(); err != nil {
                \t\tout.Close()
                \t\treturn err
                \t}
                \tout.Close()
                \treturn nil
                }

                func pack(dst io.Writer, body []byte) error {
                \tzw := zlib.NewWriter(dst)
                \tif _, err := zw.Write(body); err != nil {
                \t\tzw.Close()
                \t\treturn err
                \t}
                \treturn zw.Close()
                }

                func stream(dst io.Writer, events <-chan []byte) error {
                	zw := gzip.NewWriter(dst)
                	for ev := range events {
                		if _, err := zw.Write(ev); err != nil {
                			return err
                		}
                		zw.Flush()
                	}
                	return zw.Close()
                }

                func echo(peer net.Conn, lines []string) error {
                	bw := bufio.NewWriter(peer)
                	for _, l := range lines {
                		if _, err := bw.WriteString(l); err != nil {
                			return err
                		}
                		bw.Flush()
                	}
                	return nil
                }

                func trace(path string, line string) {
                \tf, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644)
                \tif err != nil {
                \t\treturn
                \t}
                \tf.WriteString(line)
                \tf.Close() // a debugging trace: a lost line is no loss
                }
                """;
        assertEquals(List.of(), found("archive/read.go", code));
    }
}
