package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where example programs live, and which items skip them. The class: sample programs, documentation samples and
 * example applications (a {@code samples/} module, a documentation module's {@code docs/src/main/java}, an example app
 * under {@code examples/}, a module named {@code sample-*} or {@code demo-*}). TMO-01 ("every outbound call has a
 * timeout") and LOG-02 (laziness is about cost when a level is off) guard a running service under load: a sample's
 * {@code main} or a documentation snippet runs by hand, once, with its reader at the console, and every precision set
 * judged such findings false (class K: 39 TMO-01 and 2 LOG-02 findings, none true). RES-01, RES-02 and TMO-02 keep
 * reviewing examples: a real fix repaired a socket leaked by okhttp's sample factory, and round 17 labels a TMO-02
 * defect in a Java package named {@code examples} (java-26).
 * The look-alikes are production code whose package or file merely carries the word: Java packages named
 * {@code com.example} or {@code sample}, a Go package named {@code docs}, a file named {@code examples.go}.
 */
class ExampleProgramsPolicyTest {

    private static final String JAVA = """
            package a;

            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            class Pricing {
                private static final Logger log = LoggerFactory.getLogger(Pricing.class);

                void price(Object cart) {
                    log.debug("cart " + cart + " priced");
                }
            }
            """;

    private static final String GO = """
            package client

            import "net/http"

            func Fetch(u string) (*http.Response, error) {
            	c := &http.Client{}
            	return c.Get(u)
            }
            """;

    private static List<String> java(String path) {
        return JavaMissedClassesTest.items(path, JAVA).stream().filter(s -> s.endsWith(":LOG-02")).toList();
    }

    private static List<String> go(String path) {
        return GoRound8ClassesTest.item(GoNewFileDiffs.newFile(path, GO), "TMO-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/src/main/java/sample/Pricing.java",
            "samples/demo-shop/src/main/java/sample/Pricing.java", "examples/features/src/main/java/a/Pricing.java",
            "sample-app/src/main/java/a/Pricing.java", "demo-server/src/main/java/a/Pricing.java",
            "client/shop-examples/src/main/java/a/Pricing.java"})
    void a_java_example_program_is_not_reviewed_for_lazy_debug_messages(String path) {
        assertEquals(List.of(), java(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/java/com/example/shop/Pricing.java", "src/main/java/org/acme/sample/Pricing.java",
            "shop/src/main/java/a/Pricing.java", "documentation-service/src/main/java/a/Pricing.java",
            "src/main/java/org/acme/demos2/Pricing.java"})
    void production_java_named_after_examples_is_still_reviewed(String path) {
        assertEquals(List.of("10:LOG-02"), java(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"examples/example-app/client.go", "_examples/basic/client.go", "example/tour/client.go",
            "docs/src/snippets/client.go", "demo-cluster/client.go"})
    void a_go_example_program_is_not_reviewed_for_timeouts(String path) {
        assertEquals(List.of(), go(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal/client/client.go", "pkg/docs/client.go", "server/examples.go",
            "cmd/exampled/client.go"})
    void production_go_named_after_examples_is_still_reviewed(String path) {
        assertEquals(1, go(path).size(), path);
    }
}
