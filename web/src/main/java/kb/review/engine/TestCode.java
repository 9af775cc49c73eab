package kb.review.engine;

import java.util.regex.Pattern;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * Which changed files are test code. The checklist is drawn from production incidents: a goroutine without a
 * recover, a call without a timeout or an ignored error in a test fails that test at worst, and real pull requests
 * carry tests beside nearly every fix, so by default the review leaves them out (the CLI's
 * {@code --include-tests} puts them back).
 */
public final class TestCode {

    /**
     * Folders named as test support (set 10: 16 of its 74 false findings in test-support code outside test files):
     * a module or package called {@code test} or {@code tests}, one whose name has {@code test} or {@code tests} as a
     * word joined by a hyphen, an underscore or a dot ({@code jetcache-test}, {@code test-common}, {@code
     * integration_tests}) or between two words ({@code qpid-test-utils}, {@code protocol-tests-amqp}, set 20's AB), and
     * the usual names of Go helper packages ({@code testutil(s)}, {@code testhelper(s)},
     * {@code testsupport}, {@code testfixtures}, {@code testkit}). {@code testing} is not among them: as a word it
     * names a product's feature as often as its tests ({@code ab-testing}, {@code loadtesting}), and Go's own test
     * support is told by the files' code instead (see {@link #isTest(SourceFile)}).
     */
    private static final String TEST_SUPPORT_FOLDER =
            "tests?|[\\w.]+[-_.]tests?|tests?[-_.][\\w.-]+|[\\w.]+[-_.]tests?[-_.][\\w.-]+"
                    + "|test(?:util|helper|support|fixture)s?|testkit";

    /**
     * Folders of test harnesses that no service runs: end-to-end suites ({@code e2e/}, {@code streampark-e2e-case}),
     * conformance and compatibility kits ({@code conformance/}, {@code tck/}), test-suite modules
     * ({@code testsuite}, {@code testsuite-http}, ...) and microbenchmarks ({@code microbench/}, {@code benchmarks/}).
     * On the third held-out precision set these were 22 of the 160 false findings in the projects' own code (a
     * go-redis e2e fault proxy, netty's microbench and testsuite modules). Only a folder above the source root counts
     * ({@code src/main/java/.../benchmarks/} is a package of the product). Example programs stay reviewed: a leak in an
     * example is copied by every reader, and real fixes land there (gosoline's examples, a provider's generator).
     */
    private static final Pattern NOT_SHIPPED = Pattern.compile(
            "e2e|[\\w.]+[-_.]e2e(?:[-_.][\\w.-]+)?|e2e[-_.][\\w.-]+|conformance|tck|testsuite(?:-[\\w-]+)?"
                    + "|microbench(?:mark)?s?|benchmarks?|" + TEST_SUPPORT_FOLDER);

    /**
     * A Maven or Gradle module (a folder above {@code src/}) named for the tests it holds, one word ending in
     * {@code tests}: {@code systests}, {@code itests}, {@code perftests}, a conformance suite's {@code joramtests}
     * (set 20's AB: qpid-broker-j's system and JMS conformance test modules). A module is a build unit named for what
     * it is; a Go package named so ({@code e2etests/dump}, a product's dump command in round 4) is not a module and
     * stays reviewed, as do English words that end so ({@code contests}, {@code protests}).
     */
    private static final Pattern TEST_MODULE = Pattern.compile("[a-z][a-z0-9]*tests");
    private static final Pattern ENGLISH_TESTS = Pattern.compile("(?:con|pro|at|de)tests");

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

    /**
     * Go packages named for the test support they are, as the standard library names its own ({@code httptest},
     * {@code iotest}, {@code fstest}): a folder whose name is a word followed by {@code test} ({@code servertest},
     * {@code pgtest}). English words that end so ({@code latest}, {@code manifest}, {@code digest}, {@code ingest}, a
     * superlative) name the product's own packages and are left out. Set 19's AB: headscale's
     * {@code hscontrol/servertest}.
     */
    private static final Pattern GO_TEST_PACKAGE = Pattern.compile("[a-z][a-z0-9]*test");
    private static final Pattern ENGLISH_TEST = Pattern.compile(
            "(?:la|at|con|pro|de|pre|cu|fas|grea|shor|smar|sof|ligh|brigh|tigh|hot|quie)test");
    /**
     * The integration-test suite of a Go repository, kept in a folder of its own at the root ({@code integration/}):
     * harnesses that start the product in containers and drive it (set 19's AB: headscale's {@code integration/hsic}
     * and {@code integration/k3sic}; fosite's {@code integration/clients}). Deeper, {@code integration} names a
     * product's own integrations with other systems as often (miniflux's {@code internal/integration/apprise}) and
     * is reviewed.
     */
    private static final Pattern GO_INTEGRATION_SUITE = Pattern.compile("integration/.+\\.go");

    private TestCode() {
    }

    /** True for a repository-relative path (forward slashes) of test code. */
    public static boolean isTest(String path) {
        if (path == null) {
            return false;
        }
        return TEST.matcher(path).matches()
                || TEST_CLASS.matcher(path).matches() && !path.startsWith("src/main/") && !path.contains("/src/main/")
                || inNotShippedFolder(path) || path.endsWith(".go") && GO_INTEGRATION_SUITE.matcher(path).matches()
                || goTestPackage(path);
    }

    /** A Go file of a test-support package by its folder's name ({@code httptest}, {@code servertest}). */
    private static boolean goTestPackage(String path) {
        if (!path.endsWith(".go")) {
            return false;
        }
        String[] folders = path.split("/");
        for (int i = 0; i < folders.length - 1; i++) {
            if (GO_TEST_PACKAGE.matcher(folders[i]).matches() && !ENGLISH_TEST.matcher(folders[i]).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for a changed file of test code: by its path as above, or by what its code shows (the lines the change
     * shows and the function names git prints in its hunk headers):
     * <ul>
     *   <li>a Go file that declares a parameter, field or variable of a test handle's type ({@code t *testing.T},
     *       {@code tb testing.TB}, {@code *testing.B}, {@code *testing.F}, {@code *testing.M}). Only the {@code go
     *       test} runner makes such a value, so code that takes one runs under it: a shared test suite such as a
     *       driver's conformance tests, or helpers a package exports for its users' tests. Importing {@code testing}
     *       is not enough: production code calls {@code testing.Testing()} to ask whether it runs under a test.</li>
     *   <li>a Java file that imports JUnit or TestNG: a main source set that compiles against a test framework is a
     *       test-support artifact (a shared abstract test, a JUnit extension or rule).</li>
     * </ul>
     * Set 10 had 74 false findings in such code (57 of them in one Go driver test suite, every one of whose files
     * takes a {@code *testing.T}); none of sets 7 to 10's true findings is in a file these signals pick.
     */
    public static boolean isTest(SourceFile file) {
        String path = file.path();
        if (isTest(path) && !(onlyByGoPackageName(path) && ShownImports.of(file).withoutTestSupport())) {
            return true;
        }
        Language language = file.language();
        if (language != Language.GO && language != Language.JAVA) {
            return false;
        }
        if (language == Language.GO && BuildTags.onlyInTestBuilds(file)) {
            return true;
        }
        if (language == Language.JAVA && TEST_FRAMEWORK_OWN.matcher(path).find()) {
            return false;
        }
        Pattern signal = language == Language.GO ? GO_TEST_HANDLE : JAVA_TEST_IMPORT;
        String needle = language == Language.GO ? "testing." : "import";
        for (Hunk h : file.change().hunks()) {
            if (h.section().contains(needle) && signal.matcher(code(h.section())).find()) {
                return true;
            }
        }
        for (int n = 1; n <= file.lineCount(); n++) {
            if (file.known(n)) {
                String line = file.written(n);
                if (line.contains(needle) && signal.matcher(code(line)).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when only the folder's name makes {@code path} test code: a Go package named like {@code httptest}. Such a
     * name is also a product's ({@code speedtest/} of a speed-test client, {@code loadtest/} of a load generator, round
     * 27's speedtest-go), so the file's imports decide when the change shows them: test support imports
     * {@code testing} or a test library, a product's package does not.
     */
    private static boolean onlyByGoPackageName(String path) {
        return goTestPackage(path) && !TEST.matcher(path).matches() && !inNotShippedFolder(path)
                && !GO_INTEGRATION_SUITE.matcher(path).matches();
    }

    /** A name followed by a test handle's type: a parameter, a field or a variable declared with that type. */
    private static final Pattern GO_TEST_HANDLE = Pattern.compile(
            "\\b\\w+\\s+(?:\\*testing\\.(?:T|B|F|M)|testing\\.TB)\\s*(?:[,)=;]|$)");
    /**
     * The test frameworks' own sources ({@code org/testng/reporters/...}, {@code org/junit/...}): they import their own
     * packages, which makes them no test support; they are the product that ships (round 100: a TestNG reporter).
     */
    private static final Pattern TEST_FRAMEWORK_OWN =
            Pattern.compile("(?:^|/)(?:org/junit|junit/framework|org/testng)/");
    private static final Pattern JAVA_TEST_IMPORT = Pattern.compile(
            "^\\s*import\\s+(?:static\\s+)?(?:org\\.junit|junit\\.framework|org\\.testng)\\.");

    /** The line without a trailing {@code //} comment (a handle's type named in prose is no declaration). */
    private static String code(String line) {
        int comment = line.indexOf("//");
        return comment < 0 ? line : line.substring(0, comment);
    }

    private static boolean inNotShippedFolder(String path) {
        String[] folders = path.split("/");
        // a Maven or Gradle layout: the test module sits somewhere above a src/ folder (systests/qpid-systests-jms/src)
        boolean belowIsSourceRoot = path.contains("/src/");
        for (int i = 0; i < folders.length - 1; i++) {
            if (folders[i].equals("src") || folders[i].equals("java")) {
                return false;
            }
            if (NOT_SHIPPED.matcher(folders[i]).matches()) {
                return true;
            }
            if (belowIsSourceRoot && TEST_MODULE.matcher(folders[i]).matches()
                    && !ENGLISH_TESTS.matcher(folders[i]).matches()) {
                return true;
            }
        }
        return false;
    }
}
