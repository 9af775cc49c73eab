package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Set 23's C: a half-written file closed with {@code _ =} and removed on a branch that returns its own error is a
 * best-effort clean-up, also when a blank line stands between the clean-up and the return. The same dropped close on
 * the success path, where the close's error is the last write's, stays reported.
 */
class BlankLineFailurePathsTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(PrecisionSet12ErrClassesTest.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("ERR-01")).map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    @Test
    void a_close_before_removing_a_discarded_file_is_clean_up_a_close_on_success_is_not() {
        String code = """
                package update

                import (
                \t"fmt"
                \t"io"
                \t"os"
                )

                const maxSize = 64 << 20

                func extract(src io.Reader, dest string) error {
                \tout, err := os.Create(dest)
                \tif err != nil {
                \t\treturn fmt.Errorf("create %s: %w", dest, err)
                \t}
                \tn, err := io.CopyN(out, src, maxSize+1)
                \tif n > maxSize {
                \t\t_ = out.Close()
                \t\t_ = os.Remove(dest)

                \t\treturn fmt.Errorf("%s exceeds %d bytes", dest, maxSize)
                \t}
                \tif err != nil && err != io.EOF {
                \t\treturn fmt.Errorf("write %s: %w", dest, err)
                \t}
                \t_ = out.Close()

                \treturn nil
                }
                """;
        assertEquals(List.of("update/extract.go:26"), found("update/extract.go", code));
    }
}
