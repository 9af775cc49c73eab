package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01 ("never swallow an error"; drop one only where a comment says why it is safe) for a {@code _ = call(...)}
 * whose callee is out of sight, by where it stands (analysis/GoDiscardPaths). The rule lets a cleanup go unchecked
 * "on the way out of a call that is already failing": a discard followed by a return of the error. That holds inside
 * the failure branch, or before a return of an error built in place (the function fails whatever came before). A
 * discard that is a statement of the function's own body, followed by the ordinary {@code return v, err}, runs on
 * success too: a hook's error dropped there is lost on every path, and is reported. The code is written for this test.
 */
class GoDiscardPathsTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(PrecisionSet12ErrClassesTest.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("ERR-01")).map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    @Test
    void a_hook_error_dropped_in_the_function_body_before_its_ordinary_return_is_reported() {
        String code = """
                package cache

                func (s *Store) Fetch(ctx context.Context, key string) (*Entry, error) {
                \tstart := s.clock.Now()
                \tentry, err := s.backend.Get(ctx, key)
                \t_ = s.Observer.metrics.afterFetch(ctx, key, start, err)
                \treturn entry, err
                }
                """;
        assertEquals(List.of("cache/store.go:6"), found("cache/store.go", code));
    }

    @Test
    void a_cleanup_dropped_inside_the_failure_branch_is_not_reported() {
        String code = """
                package cache

                func (s *Store) Fetch(ctx context.Context, key string) (*Entry, error) {
                \tentry, err := s.backend.Get(ctx, key)
                \tif err != nil {
                \t\t_ = s.Observer.metrics.discardPending(key)
                \t\treturn nil, err
                \t}
                \treturn entry, nil
                }
                """;
        assertEquals(List.of(), found("cache/store.go", code));
    }

    @Test
    void a_goodbye_dropped_before_a_return_of_an_error_built_in_place_is_not_reported() {
        String code = """
                package wire

                func (c *Session) protocolError(reason string) error {
                \tframe := encodeClose(codeProtocol, reason)
                \t_ = c.Peer.control.sendFrame(frame, c.deadline())
                \treturn errors.New("session: " + reason)
                }
                """;
        assertEquals(List.of(), found("wire/session.go", code));
    }
}
