package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MDC keys and handles opened in a loop: the lifecycle classes the review finds, each next to its clean form. */
class JavaLifecycleClassesTest {

    private static final String MDC_KEYS = """
            package a;

            class Handler {
                void handle(Request req) {
                    MDC.put("requestId", req.id());
                    try {
                        MDC.put("user", req.user());
                        process(req);
                    } finally {
                        %s
                    }
                }
            }
            """;

    @Test
    void every_mdc_key_put_needs_its_remove_or_a_clear_in_finally() {
        assertEquals(List.of(), items("src/main/java/a/Handler.java", MDC_KEYS.formatted(
                "MDC.remove(\"requestId\"); MDC.remove(\"user\");")));
        assertEquals(List.of(), items("src/main/java/a/Handler.java", MDC_KEYS.formatted("MDC.clear();")));
    }

    private static final String JARS = """
            package a;

            class Scanner {
                int scan(List<File> jars) throws IOException {
                    List<ZipFile> open = new ArrayList<>();
                    %s
                }
            }
            """;

    @Test
    void handles_opened_in_a_loop_and_closed_after_it_leak_when_one_open_fails() {
        List<String> leaks = items("src/main/java/a/Scanner.java", JARS.formatted("""
                for (File f : jars) {
                            open.add(new ZipFile(f));
                        }
                        int n = count(open);
                        for (ZipFile z : open) { z.close(); }
                        return n;""")).stream().filter(s -> s.endsWith("RES-01")).distinct().toList();
        // reported on the loop or the open inside it; either names the handle opened per iteration
        assertEquals(false, leaks.isEmpty());
        assertEquals(List.of(), leaks.stream().filter(s -> !s.equals("6:RES-01") && !s.equals("7:RES-01")).toList());
        assertEquals(List.of(), items("src/main/java/a/Scanner.java", JARS.formatted("""
                int n = 0;
                        for (File f : jars) {
                            try (ZipFile z = new ZipFile(f)) { n += z.size(); }
                        }
                        return n;""")));
    }
}
