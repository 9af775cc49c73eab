package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RES-01 for Go values the function closes by hand (analysis/GoHandClosed): a value from a project's own call
 * ({@code conn, err := s.connect()}, no library model names it) that the function closes with a plain
 * {@code conn.Close()} after its work. The author's Close says the value holds something; RES-01 asks that every
 * path, early returns and errors included, release it, and a {@code return} between the two skips the Close. The
 * look-alikes close it with a {@code defer} right after the error check, or have no return in between; a wrapper
 * built around another value ({@code gzip.NewWriter(f)}) is not taken. The code is written for this test.
 */
class GoHandClosedTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(PrecisionSet12ErrClassesTest.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("RES-01")).map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    @Test
    void a_value_closed_at_the_end_with_an_error_return_in_a_loop_before_it_is_reported() {
        String code = """
                package sync

                func (s *Syncer) Push(items []Item) error {
                \tsession, err := s.open()
                \tif err != nil {
                \t\treturn err
                \t}
                \tfor _, it := range items {
                \t\tif err := session.Send(it); err != nil {
                \t\t\treturn fmt.Errorf("send %s: %w", it.ID, err)
                \t\t}
                \t}
                \tsession.Close()
                \treturn nil
                }
                """;
        assertEquals(List.of("sync/push.go:4"), found("sync/push.go", code));
    }

    @Test
    void a_deferred_close_and_a_close_with_no_return_before_it_are_not_reported() {
        String code = """
                package sync

                func (s *Syncer) Push(items []Item) error {
                \tsession, err := s.open()
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer session.Close()
                \tfor _, it := range items {
                \t\tif err := session.Send(it); err != nil {
                \t\t\treturn fmt.Errorf("send %s: %w", it.ID, err)
                \t\t}
                \t}
                \treturn nil
                }

                func (s *Syncer) Ping() error {
                \tsession, err := s.open()
                \tif err != nil {
                \t\treturn err
                \t}
                \tsession.Send(Item{})
                \tsession.Close()
                \treturn nil
                }

                func pack(f io.Writer, items []Item) error {
                \tzw, err := gzip.NewWriterLevel(f, gzip.BestSpeed)
                \tif err != nil {
                \t\treturn err
                \t}
                \tfor _, it := range items {
                \t\tif _, err := zw.Write(it.Body); err != nil {
                \t\t\treturn err
                \t\t}
                \t}
                \tzw.Close()
                \treturn nil
                }
                """;
        assertEquals(List.of(), found("sync/push.go", code));
    }
}
