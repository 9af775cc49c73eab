package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The developer-tooling path policy (precision sets' class BM): build targets, maintainer scripts and commands that
 * set up test databases or generate load run by hand or in CI, once, on a throw-away machine. The rules that leave
 * out example programs because their finding matters only under a service's load or lifetime (LOG-01's "hot paths",
 * ERR-01, TMO-01, CONC-01...) leave these out too. The defects: the same code in the product, including packages
 * merely named {@code tools} or {@code scripts} and a service's own {@code cmd/}.
 */
class DeveloperToolingPathsTest {

    private static final String GO = """
            package main

            import (
            	"log"
            	"net/http"
            )

            func run(names []string) {
            	for _, n := range names {
            		log.Printf("dropping database %s", n)
            	}
            	resp, err := http.Get("http://localhost:8080/ready")
            	if err == nil {
            		resp.Body.Close()
            	}
            }
            """;

    private static final String JAVA = """
            package a;

            import java.util.List;

            class Generator {
                void write(List<String> codes) {
                    for (String code : codes) {
                        log.info("writing mapping {}", code);
                    }
                }
            }
            """;

    private static List<String> items(String path) {
        String code = path.endsWith(".go") ? GO : JAVA;
        return TestRules.reviewDiff(LifecycleRulesTest.newFile(path, code)).active().stream()
                .map(f -> f.item()).distinct().sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"magefiles/test.go", "build/magefile.go", "hack/gen-certs/main.go",
            "scripts/drop-test-dbs/main.go", "cmd/pg-test-setup/main.go", "cmd/rqbench/stress/main.go",
            "tools/stress-test-v2/main.go", "src/build/java/docs/Generator.java", "ci/release/main.go"})
    void tooling_folders_are_left_out_of_load_and_lifetime_rules(String path) {
        List<String> found = items(path);
        assertTrue(!found.contains("LOG-01") && !found.contains("TMO-01"), path + ": " + found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal/tools/registry.go", "pkg/scripts/runner.go", "cmd/server/main.go",
            "tools/codec/codec.go", "services/hack.go"})
    void product_code_named_like_tooling_stays_reviewed(String path) {
        assertEquals(List.of("LOG-01", "TMO-01"), items(path).stream()
                .filter(i -> i.equals("LOG-01") || i.equals("TMO-01")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/java/a/tools/Generator.java", "src/main/java/a/scripts/Generator.java"})
    void java_packages_named_tools_or_scripts_stay_reviewed(String path) {
        assertEquals(List.of("LOG-01"), items(path).stream().filter(i -> i.equals("LOG-01")).toList());
    }
}
