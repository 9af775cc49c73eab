package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go {@code _ = call(...)} classes of precision set 13 (analysis/GoInfallibleDiscards). ERR-01 says never swallow
 * an error, dropping one only "where a comment says why ignoring it is safe"; each class below drops an error that
 * the code in sight shows cannot occur or is reported elsewhere, and stands beside a look-alike that stays reported. The code is written for this test.
 *
 * <ul>
 * <li>{@code binary.Write} into a {@code bytes.Buffer} (DI): a buffer grows without failing, so there is no error to
 * swallow. The same write onto a file stays reported.</li>
 * <li>A call whose only error is its callbacks' (a tree walker, an errgroup's {@code Wait}) when each callback is a
 * literal returning nil on every path (BG): nothing can come back. A callback with one {@code return err} stays.</li>
 * <li>A csv writer's {@code Write} whose error the function reads later through {@code w.Error()} (HK): the writer
 * keeps the first error and the function reports it there. Without that read, the write stays reported.</li>
 * </ul>
 */
class GoInfallibleDiscardsTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(PrecisionSet12ErrClassesTest.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("ERR-01")).map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    @Test
    void binary_writes_into_a_bytes_buffer_are_not_reported_and_onto_a_file_they_are() {
        String memory = """
                package wire

                func header(kind uint16, size uint32) []byte {
                \tvar buf bytes.Buffer
                \t_ = binary.Write(&buf, binary.BigEndian, kind)
                \t_ = binary.Write(&buf, binary.BigEndian, size)
                \treturn buf.Bytes()
                }

                func frame(payload []int32) []byte {
                \tout := bytes.NewBuffer(nil)
                \t_ = binary.Write(out, binary.LittleEndian, payload)
                \treturn out.Bytes()
                }
                """;
        assertEquals(List.of(), found("wire/header.go", memory));
        String file = """
                package wire

                func save(path string, kind uint16) error {
                \tf, err := os.Create(path)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer f.Close()
                \t_ = binary.Write(f, binary.BigEndian, kind)
                \treturn nil
                }
                """;
        assertEquals(List.of("wire/save.go:9"), found("wire/save.go", file));
    }

    @Test
    void a_walk_whose_callback_always_returns_nil_is_not_reported_and_one_that_can_fail_is() {
        String quiet = """
                package render

                func headings(doc ast.Node) []string {
                \tvar out []string
                \t_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
                \t\th, ok := n.(*ast.Heading)
                \t\tif !entering || !ok {
                \t\t\treturn ast.WalkContinue, nil
                \t\t}
                \t\tout = append(out, string(h.Text(nil)))
                \t\treturn ast.WalkSkipChildren, nil
                \t})
                \treturn out
                }
                """;
        assertEquals(List.of(), found("render/headings.go", quiet));
        String failing = """
                package render

                func sizes(root string) map[string]int64 {
                \tout := map[string]int64{}
                \t_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
                \t\tif err != nil {
                \t\t\treturn err
                \t\t}
                \t\tout[p] = info.Size()
                \t\treturn nil
                \t})
                \treturn out
                }
                """;
        assertEquals(List.of("render/sizes.go:5"), found("render/sizes.go", failing));
    }

    @Test
    void an_errgroup_whose_functions_all_return_nil_is_not_reported_and_one_that_returns_an_error_is() {
        String template = """
                package stats

                func (s *Service) Collect(ctx context.Context) *Report {
                \tvar r Report
                \tg, gctx := errgroup.WithContext(ctx)
                \tg.Go(func() error {
                \t\tn, err := s.db.CountUsers(gctx)
                \t\tif err != nil {
                \t\t\ts.failed("users", err)
                \t\t\treturn nil
                \t\t}
                \t\tr.Users = n
                \t\treturn nil
                \t})
                \tg.Go(func() error {
                \t\tn, err := s.db.CountOrders(gctx)
                \t\tif err != nil {
                \t\t\tRESULT
                \t\t}
                \t\tr.Orders = n
                \t\treturn nil
                \t})
                \t_ = g.Wait()
                \treturn &r
                }
                """;
        assertEquals(List.of(), found("stats/collect.go", template.replace("RESULT", "return nil")));
        assertEquals(List.of("stats/collect.go:23"), found("stats/collect.go", template.replace("RESULT", "return err")));
    }

    @Test
    void a_csv_write_whose_error_is_read_later_is_not_reported_and_one_never_read_is() {
        String template = """
                package export

                func rows(items []Item) (string, error) {
                \tvar sb strings.Builder
                \tw := csv.NewWriter(&sb)
                \tfor _, it := range items {
                \t\t_ = w.Write([]string{it.Name, it.Kind})
                \t}
                \tw.Flush()
                \treturn sb.String(), END
                }
                """;
        assertEquals(List.of(), found("export/rows.go", template.replace("END", "w.Error()")));
        assertEquals(List.of("export/rows.go:7"), found("export/rows.go", template.replace("END", "nil")));
    }
}
