package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Go file, connection or body handed to a function the review cannot see, in a statement that keeps nothing but an
 * error, may or may not be closed there: a leak through it is reported at low confidence, naming the function. What
 * keeps the value (returned, stored, wrapped, a goroutine) and the borrowers (io, bufio, json readers) are as before.
 */
public class GoUnseenHelpersTest {

    private static List<Finding> review(String body) {
        return LifecycleRulesTest.findings("store/load.go", """
                package store

                func load(path string) error {
                \tf, err := os.Open(path)
                \tif err != nil {
                \t\treturn err
                \t}
                """ + body + "}\n", "go-resource-not-closed");
    }

    @Test
    void a_file_handed_to_an_unseen_helper_and_never_closed_is_a_low_confidence_finding_naming_it() {
        List<Finding> found = review("""
                \treturn ingest(f)
                """.replace("return ingest(f)", "ingest(f)\n\treturn nil"));
        assertEquals(1, found.size(), found.toString());
        assertEquals(4, found.get(0).line());
        assertEquals(Finding.Confidence.LOW, found.get(0).confidence());
        assertTrue(found.get(0).flowSummary().contains("`ingest`"), found.get(0).flowSummary());
    }

    @Test
    void an_error_return_between_the_helper_and_the_close_the_function_makes_itself_is_a_sure_leak() {
        List<Finding> found = review("""
                \tif err := ingest(f); err != nil {
                \t\treturn err
                \t}
                \treturn f.Close()
                """);
        assertEquals(1, found.size(), found.toString());
        assertEquals(Finding.Confidence.HIGH, found.get(0).confidence());
    }

    @Test
    void returning_storing_wrapping_deferring_or_starting_a_goroutine_with_it_still_hands_it_over() {
        assertEquals(List.of(), review("""
                \tgo consume(f)
                \treturn nil
                """));
        assertEquals(List.of(), review("""
                \tcache.files = append(cache.files, f)
                \treturn nil
                """));
        assertEquals(List.of(), review("""
                \tr := newReader(f)
                \treturn r.Err()
                """));
        assertEquals(List.of(), review("""
                \treturn register(f)
                """));
        assertEquals(List.of(), review("""
                \tdefer cleanup(f)
                \tif err := ingest(f); err != nil {
                \t\treturn err
                \t}
                \treturn nil
                """));
    }

    @Test
    void a_borrower_or_a_visible_helper_that_only_reads_it_leaves_the_close_to_the_function() {
        List<Finding> found = review("""
                \tdata, err := io.ReadAll(f)
                \tif err != nil {
                \t\treturn err
                \t}
                \t_ = data
                \treturn f.Close()
                """);
        assertEquals(1, found.size(), found.toString());
        assertEquals(Finding.Confidence.HIGH, found.get(0).confidence());
        assertEquals(List.of(), review("""
                \tdefer f.Close()
                \tingest(f)
                \treturn nil
                """));
    }
}
