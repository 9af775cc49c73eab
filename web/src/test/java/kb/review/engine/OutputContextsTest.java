package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Set 23's NU: a fresh context handed straight to a line of output (a terminal helper's {@code Warnf}, slog's
 * {@code InfoContext}) bounds no waiting, so TMO-02 has nothing to say; the same fresh context handed to a call that
 * does work downstream, in the same function that was given the caller's context, stays reported.
 */
class OutputContextsTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(PrecisionSet12ErrClassesTest.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("TMO-02")).map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    @Test
    void a_fresh_context_given_to_output_is_not_a_drop_one_given_to_a_store_is() {
        String code = """
                package sign

                import (
                \t"context"
                \t"log/slog"

                \t"example.com/tool/internal/ui"
                )

                type Store interface {
                \tPut(ctx context.Context, key string, body []byte) error
                }

                func Upload(ctx context.Context, s Store, key string, body []byte, legacy bool) error {
                \tif legacy {
                \t\tui.Warnf(context.Background(), "--legacy is deprecated and will be ignored")
                \t\tslog.InfoContext(context.TODO(), "legacy flag seen", "key", key)
                \t}
                \treturn s.Put(context.Background(), key, body)
                }
                """;
        assertEquals(List.of("sign/upload.go:19"), found("sign/upload.go", code));
    }
}
