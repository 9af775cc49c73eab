package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go discards of an error that is lost data (ERR-01's {@code go-lost-write-discarded}, analysis/GoLostWrites; round 18's
 * go-12 and go-32 stand for the class, none of their code is here). ERR-01 says "no {@code _ =} ... on calls that
 * return an error, except where a comment says why ignoring it is safe"; the general rule steps aside for closes and
 * database calls because most are releases or TX-02's. When the dropped call is itself the write (a statement sent to
 * a database, the Close or Flush of a writer that buffers or of a file opened for writing, or a call whose check the
 * change deletes), its error is the only news that the record or the archive was lost. Look-alikes that stay quiet:
 * a file opened for reading, a writer whose Flush or Close the function checks elsewhere, a clean-up on a path that
 * already returns an error, a discard with a comment of why.
 */
class GoLostWritesTest {

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("ERR-01"))
                .map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    private static List<String> found(String path, String code) {
        return found(GoNewFileDiffs.newFile(path, code));
    }

    /** An edit hunk at line 20 of {@code path} under the function header {@code section}; a line starting '+' is added, '-' removed, any other is context. */
    static String edit(String path, String section, String... lines) {
        int old = 0;
        int now = 0;
        for (String l : lines) {
            old += l.startsWith("+") ? 0 : 1;
            now += l.startsWith("-") ? 0 : 1;
        }
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/"
                + path + "\n+++ b/" + path + "\n@@ -20," + old + " +20," + now + " @@ " + section + "\n");
        for (String l : lines) {
            d.append(l.startsWith("+") || l.startsWith("-") ? "" : " ").append(l).append('\n');
        }
        return d.toString();
    }

    @Test
    void database_writes_whose_error_is_blanked_are_reported_on_each_api() {
        String code = """
                package store

                type Audit struct {
                \tdb   *sqlx.DB
                \tpool *pgxpool.Pool
                \tconn *sql.Conn
                }

                func (a *Audit) Record(ctx context.Context, e Entry) {
                \t_, _ = a.db.NamedExecContext(ctx, insertEntry, e)
                }

                func (a *Audit) Touch(ctx context.Context, id int64) {
                \t_, _ = a.pool.Exec(ctx, touchSQL, id)
                }

                func (a *Audit) Forget(id int64) {
                \t_, _ = a.conn.Exec("DELETE FROM audit_entries WHERE id = ?", id)
                }

                func purge(orm *gorm.DB, before time.Time) {
                \t_ = orm.Exec("DELETE FROM jobs WHERE finished_at < ?", before).Error
                }
                """;
        assertEquals(List.of("10:go-lost-write-discarded", "14:go-lost-write-discarded", "18:go-lost-write-discarded",
                "22:go-lost-write-discarded"), found("store/audit.go", code));
    }

    @Test
    void closes_of_buffering_writers_and_written_files_are_reported() {
        String code = """
                package export

                func pack(dst io.Writer, files map[string][]byte) error {
                \tgz := gzip.NewWriter(dst)
                \tfor name, body := range files {
                \t\tif _, err := gz.Write(body); err != nil {
                \t\t\treturn fmt.Errorf("pack %s: %w", name, err)
                \t\t}
                \t}
                \t_ = gz.Close()
                \treturn nil
                }

                func bundle(path string, parts [][]byte) error {
                \tout, err := os.Create(path)
                \tif err != nil {
                \t\treturn err
                \t}
                \ttw := tar.NewWriter(out)
                \tfor _, p := range parts {
                \t\tif _, err := tw.Write(p); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \t_ = tw.Close()
                \t_ = out.Close()
                \treturn nil
                }

                func seal(zw *zip.Writer, manifest []byte) error {
                \tw, err := zw.Create("MANIFEST")
                \tif err != nil {
                \t\treturn err
                \t}
                \tif _, err := w.Write(manifest); err != nil {
                \t\treturn err
                \t}
                \t_ = zw.Close()
                \treturn nil
                }
                """;
        assertEquals(List.of("10:go-lost-write-discarded", "25:go-lost-write-discarded", "26:go-lost-write-discarded",
                "38:go-lost-write-discarded"), found("export/pack.go", code));
    }

    @Test
    void an_edit_that_replaces_a_check_with_a_discard_is_reported_without_the_writer_in_sight() {
        String closed = edit("report/render.go", "func render(doc *Doc, path string) error {",
                "\t\t\treturn err",
                "\t\t}",
                "\t}",
                "-\tif err := enc.Close(); err != nil {",
                "-\t\treturn fmt.Errorf(\"finish %s: %w\", path, err)",
                "-\t}",
                "+\t_ = enc.Close()",
                "\treturn nil",
                "}");
        assertEquals(List.of("23:go-lost-write-discarded"), found(closed));
        String saved = edit("jobs/state.go", "func (r *Runner) finish(ctx context.Context, j *Job) {",
                "\tj.Done = time.Now()",
                "-\tif _, err := r.store.UpdateStatus(ctx, j.ID, j.Done); err != nil {",
                "-\t\tr.log.Error(\"status not saved\", \"job\", j.ID, \"err\", err)",
                "-\t}",
                "+\t_, _ = r.store.UpdateStatus(ctx, j.ID, j.Done)",
                "}");
        assertEquals(List.of("21:go-lost-write-discarded"), found(saved));
    }

    @Test
    void reads_settled_writers_error_paths_and_explained_discards_are_not_reported() {
        String code = """
                package export

                func checksum(path string) (string, error) {
                \tf, err := os.Open(path)
                \tif err != nil {
                \t\treturn "", err
                \t}
                \th := sha256.New()
                \t_, err = io.Copy(h, f)
                \t_ = f.Close()
                \treturn hex.EncodeToString(h.Sum(nil)), err
                }

                func unpack(r io.Reader) ([]byte, error) {
                \tzr, err := gzip.NewReader(r)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \tdata, err := io.ReadAll(zr)
                \t_ = zr.Close()
                \treturn data, err
                }

                func save(path string, lines []string) error {
                \tf, err := os.Create(path)
                \tif err != nil {
                \t\treturn err
                \t}
                \tbw := bufio.NewWriter(f)
                \tfor _, l := range lines {
                \t\tbw.WriteString(l + "\\n")
                \t}
                \tif err := bw.Flush(); err != nil {
                \t\treturn err
                \t}
                \t_ = f.Close()
                \treturn nil
                }

                func archive(dst io.Writer, src io.Reader) error {
                \tzw := zip.NewWriter(dst)
                \tw, err := zw.Create("data")
                \tif err != nil {
                \t\t_ = zw.Close()
                \t\treturn err
                \t}
                \tif _, err := io.Copy(w, src); err != nil {
                \t\t_ = zw.Close()
                \t\treturn fmt.Errorf("copy: %w", err)
                \t}
                \treturn zw.Close()
                }

                func lock(dir string) (*os.File, error) {
                \tf, err := os.OpenFile(filepath.Join(dir, "LOCK"), os.O_CREATE|os.O_RDWR, 0o600)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \tif err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
                \t\t_ = f.Close()
                \t\tif errors.Is(err, syscall.EWOULDBLOCK) {
                \t\t\treturn nil, errBusy
                \t\t}
                \t\treturn nil, err
                \t}
                \treturn f, nil
                }

                func probe(dir string) bool {
                \tf, err := os.Create(filepath.Join(dir, ".probe"))
                \tif err != nil {
                \t\treturn false
                \t}
                \t_ = f.Close()
                \treturn true
                }

                func (a *Audit) Pinned(ctx context.Context, conn *sql.Conn) error {
                \tif _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
                \t\treturn err
                \t}
                \tdone := false
                \tdefer func() {
                \t\tif !done {
                \t\t\t_, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
                \t\t}
                \t}()
                \tif _, err := conn.ExecContext(ctx, pinSQL); err != nil {
                \t\treturn err
                \t}
                \t_, err := conn.ExecContext(ctx, "COMMIT")
                \tdone = err == nil
                \treturn err
                }

                func (a *Audit) Seen(ctx context.Context, id int64) {
                \t// a last-seen stamp: the next request writes it again
                \t_, _ = a.db.ExecContext(ctx, seenSQL, id)
                }
                """;
        assertEquals(List.of(), found("export/read.go", code));
        String commented = edit("report/render.go", "func render(doc *Doc, path string) error {",
                "\t}",
                "-\tif err := enc.Close(); err != nil {",
                "-\t\treturn err",
                "-\t}",
                "+\t_ = enc.Close() // the encoder writes to a bytes.Buffer, which cannot fail",
                "\treturn nil",
                "}");
        assertEquals(List.of(), found(commented));
    }
}
