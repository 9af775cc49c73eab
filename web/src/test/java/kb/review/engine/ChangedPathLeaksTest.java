package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Leaks that a change makes without adding the acquisition (a return added between an unchanged open and its
 * deferred close), and values passed to library functions that only read or write through them.
 */
class ChangedPathLeaksTest {

    private static final String RULE = "go-resource-not-closed";

    private static List<Finding> leaks(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.rule().equals(RULE)).toList();
    }

    /** A modification of {@code store/read.go}: {@code added} goes between the error check and the defer. */
    private static String returnAddedAboveDefer(String... added) {
        StringBuilder body = new StringBuilder();
        for (String a : added) {
            body.append('+').append(a).append('\n');
        }
        return "diff --git a/store/read.go b/store/read.go\n--- a/store/read.go\n+++ b/store/read.go\n"
                + "@@ -1,10 +1," + (10 + added.length) + " @@\n"
                + " package store\n \n func Read(path string, max int64) ([]byte, error) {\n"
                + " \tf, err := os.Open(path)\n \tif err != nil {\n \t\treturn nil, err\n \t}\n"
                + body
                + " \tdefer f.Close()\n \treturn io.ReadAll(f)\n }\n";
    }

    @Test
    void a_return_added_between_an_unchanged_open_and_its_defer_is_reported_at_the_open_with_the_new_exit() {
        List<Finding> found = leaks(returnAddedAboveDefer("\tif st, err := f.Stat(); err != nil || st.Size() > max {",
                "\t\treturn nil, errTooLarge", "\t}"));
        assertEquals(1, found.size(), found::toString);
        assertEquals(4, found.get(0).line(), "the open the path starts from");
        assertTrue(found.get(0).flowSummary().startsWith("returns at line 9"), found.get(0).flowSummary());
    }

    @Test
    void an_added_line_on_a_path_that_still_closes_does_not_report_the_unchanged_open() {
        assertEquals(List.of(), leaks(returnAddedAboveDefer("\tlog.Printf(\"reading %s\", path)")));
    }

    @Test
    void a_file_read_through_io_helpers_is_still_the_functions_to_close_on_every_path() {
        String diff = LifecycleRulesTest.newFile("media/kind.go", """
                package media

                func Kind(path string) (string, error) {
                \tf, err := os.Open(path)
                \tif err != nil {
                \t\treturn "", err
                \t}
                \thead := make([]byte, 8)
                \tif _, err := io.ReadFull(bufio.NewReaderSize(f, 64), head); err != nil {
                \t\tf.Close()
                \t\treturn "", err
                \t}
                \tswitch {
                \tcase bytes.HasPrefix(head, pngMagic):
                \t\tf.Close()
                \t\treturn "png", nil
                \tcase bytes.HasPrefix(head, gifMagic):
                \t\treturn "gif", nil
                \t}
                \tf.Close()
                \treturn "", errUnknown
                }
                """);
        List<Finding> found = leaks(diff);
        assertEquals(1, found.size(), found::toString);
        assertEquals(4, found.get(0).line());
        assertTrue(found.get(0).flowSummary().startsWith("returns at line 18"), found.get(0).flowSummary());
        assertTrue(found.get(0).flow().stream().anyMatch(s -> s.line() == 13
                && s.message().equals("takes the case at line 18")), found.get(0).flow()::toString);
    }

    @Test
    void a_file_handed_to_a_function_that_may_keep_it_is_not_reported() {
        String diff = LifecycleRulesTest.newFile("upload/put.go", """
                package upload

                func Put(c *http.Client, url, path string) (*http.Request, error) {
                \tf, err := os.Open(path)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \treturn http.NewRequest(http.MethodPut, url, f)
                }
                """);
        assertEquals(List.of(), leaks(diff), "the request's body is closed by whoever sends it");
    }
}
