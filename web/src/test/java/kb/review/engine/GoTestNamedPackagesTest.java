package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round 27's speedtest-go: a Go package whose folder is named like a test-support package ({@code speedtest/},
 * {@code loadtest/}) is a product's package when the file's imports are in view and none of them is a test package
 * or library; it is reviewed. A package of the same kind of name that imports {@code testing} or testify is test
 * support and stays out, as before.
 */
class GoTestNamedPackagesTest {

    private static final String BODY = """

            func save(path string, data []byte) error {
            \tout, err := os.Create(path)
            \tif err != nil {
            \t\treturn fmt.Errorf("create %s: %w", path, err)
            \t}
            \tif _, err := out.Write(data); err != nil {
            \t\treturn fmt.Errorf("write %s: %w", path, err)
            \t}
            \t_ = out.Close()
            \treturn nil
            }
            """;

    private static List<String> found(String path, String imports) {
        String code = "package " + path.substring(0, path.indexOf('/')) + "\n\nimport (\n" + imports + ")\n" + BODY;
        return TestRules.reviewDiff(PrecisionSet12ErrClassesTest.newFile(path, code)).active().stream()
                .filter(f -> f.item().equals("ERR-01")).map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    @Test
    void a_product_package_named_like_a_test_package_is_reviewed() {
        assertEquals(List.of("speedtest/store.go:16"), found("speedtest/store.go", "\t\"fmt\"\n\t\"os\"\n"));
        assertEquals(List.of("loadtest/store.go:16"), found("loadtest/store.go", "\t\"fmt\"\n\t\"os\"\n"));
    }

    @Test
    void a_test_support_package_that_imports_testing_stays_out() {
        assertEquals(List.of(), found("servertest/store.go", "\t\"fmt\"\n\t\"os\"\n\t\"testing\"\n"));
        assertEquals(List.of(), found("pgtest/store.go", "\t\"fmt\"\n\t\"os\"\n\n\t\"github.com/stretchr/testify/require\"\n"));
    }
}
