package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of brittleness the metamorphic harness ({@code metamorphic/README.md}) measured on the held-out rounds: the
 * same defect, or the same clean code, written another legal way must get the same verdict at the same line. Each
 * pair is our own code of the class: the defect in the rewritten shape, and its clean look-alike.
 */
class MetamorphicClassesTest {

    // --- Go: the error result is the last one, whatever its name

    private static final String HEADER_READ = """
            import (
            	"io"
            	"os"
            )

            func ReadHeader(path string) ([]byte, error) {
            	f, failure := os.Open(path)
            	if failure != nil {
            		return nil, failure
            	}
            	RELEASE
            	head := make([]byte, 8)
            	if _, failure = io.ReadFull(f, head); failure != nil {
            		return nil, failure
            	}
            	CLOSE
            	return head, nil
            }
            """;

    @Test
    void an_error_result_not_named_err_still_guards_the_acquisition() {
        String leaks = file("fmt/header.go", HEADER_READ.replace("RELEASE", "").replace("CLOSE", "f.Close()"));
        assertEquals(List.of("9:go-resource-not-closed"), item(leaks, "RES-01"));
        String closed = file("fmt/header.go", HEADER_READ.replace("RELEASE", "defer f.Close()").replace("CLOSE", ""));
        assertEquals(List.of(), item(closed, "RES-01"), "the failed open returns before there is a file to close");
    }

    // --- Java: a type named by its package path is the type its import would name

    private static final String TENANT_FILTER = """
            package com.example.web;

            public class TenantFilter {
                public void handle(Request request, Runnable next) {
                    org.slf4j.MDC.put("tenant", request.tenant());
                    BODY
                }
            }
            """;

    private static final String SNAPSHOT = """
            package com.example.store;

            public class Snapshots {
                public Object read(java.io.InputStream in) throws java.io.IOException, ClassNotFoundException {
                    java.io.ObjectInputStream objects = new java.io.ObjectInputStream(in);
                    FILTER
                    return objects.readObject();
                }
            }
            """;

    @Test
    void a_fully_qualified_library_call_or_type_is_the_one_its_import_names() {
        String kept = javaFile("src/main/java/com/example/web/TenantFilter.java",
                TENANT_FILTER.replace("BODY", "next.run();"));
        assertEquals(List.of(5), lines(kept, "CONC-04"));
        String cleared = javaFile("src/main/java/com/example/web/TenantFilter.java", TENANT_FILTER.replace("BODY",
                "try {\n            next.run();\n        } finally {\n            org.slf4j.MDC.remove(\"tenant\");\n        }"));
        assertEquals(List.of(), lines(cleared, "CONC-04"));

        String open = javaFile("src/main/java/com/example/store/Snapshots.java", SNAPSHOT.replace("FILTER", ""));
        assertEquals(List.of(5), lines(open, "DEP-02"));
        String filtered = javaFile("src/main/java/com/example/store/Snapshots.java", SNAPSHOT.replace("FILTER",
                "objects.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter(\"com.example.*;!*\"));"));
        assertEquals(List.of(), lines(filtered, "DEP-02"));
    }

    /** A diff adding the whole Java file. */
    static String javaFile(String path, String text) {
        String[] rows = text.split("\n", -1);
        int n = rows[rows.length - 1].isEmpty() ? rows.length - 1 : rows.length;
        StringBuilder sb = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," + n + " @@\n");
        for (int i = 0; i < n; i++) {
            sb.append('+').append(rows[i]).append('\n');
        }
        return sb.toString();
    }

    /** The lines of one item's active findings. */
    static List<Integer> lines(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item)).map(Finding::line)
                .toList();
    }
}
