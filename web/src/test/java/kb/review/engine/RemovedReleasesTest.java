package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A change that only deletes a release (a close, a cancel, a restored interrupt) breaks the code it leaves
 * untouched: the finding sits on an unchanged line, and the review keeps it because the file before the change did
 * not have it. A finding that was there before the change stays out.
 */
class RemovedReleasesTest {

    /** The body is read and closed; the change deletes the close (line 7 of the old file). */
    private static final String DELETES_CLOSE = """
            diff --git a/api/status.go b/api/status.go
            --- a/api/status.go
            +++ b/api/status.go
            @@ -3,8 +3,7 @@ import "net/http"
             func Status(c *http.Client, url string) (int, error) {
             	resp, err := c.Get(url)
             	if err != nil {
             		return 0, err
             	}
            -	defer resp.Body.Close()
             	return resp.StatusCode, nil
             }
            """;

    /** The same function already leaked before; the change only renames a local. */
    private static final String TOUCHES_OLD_LEAK = """
            diff --git a/api/status.go b/api/status.go
            --- a/api/status.go
            +++ b/api/status.go
            @@ -3,8 +3,8 @@ import "net/http"
             func Status(c *http.Client, url string) (int, error) {
             	resp, err := c.Get(url)
             	if err != nil {
             		return 0, err
             	}
            -	code := resp.StatusCode
            -	return code, nil
            +	status := resp.StatusCode
            +	return status, nil
             }
            """;

    /** Java: the catch used to restore the interrupt; the change deletes that line. */
    private static final String DELETES_INTERRUPT = """
            diff --git a/src/main/java/acme/Poller.java b/src/main/java/acme/Poller.java
            --- a/src/main/java/acme/Poller.java
            +++ b/src/main/java/acme/Poller.java
            @@ -4,10 +4,9 @@ import java.util.concurrent.BlockingQueue;
             class Poller {
                 String next(BlockingQueue<String> queue) {
                     try {
                         return queue.take();
                     } catch (InterruptedException e) {
            -            Thread.currentThread().interrupt();
                         return null;
                     }
                 }
             }
            """;

    /** The open is far above the hunk: only the deletion is visible. */
    private static final String DELETES_CLOSE_FAR_FROM_OPEN = """
            diff --git a/logs/writer.go b/logs/writer.go
            --- a/logs/writer.go
            +++ b/logs/writer.go
            @@ -40,6 +40,5 @@ func Open(path string) (*Writer, error) {
             	info, err := file.Stat()
             	if err != nil {
            -		file.Close()
             		return nil, err
             	}
             	return &Writer{f: file, size: info.Size()}, nil
            """;

    /** A field renamed: the hunk closes the new name instead. */
    private static final String RENAMES_CLOSED_FIELD = """
            diff --git a/src/main/java/acme/Store.java b/src/main/java/acme/Store.java
            --- a/src/main/java/acme/Store.java
            +++ b/src/main/java/acme/Store.java
            @@ -20,4 +20,4 @@ class Store {
                 void shutdown() {
            -        this.defaultHandle.close();
            +        this.familyHandle.close();
                 }
             }
            """;

    /** The whole method that closed goes, and the diff adds it in another file. */
    private static final String MOVES_CLOSING_METHOD = """
            diff --git a/src/main/java/acme/Frame.java b/src/main/java/acme/Frame.java
            --- a/src/main/java/acme/Frame.java
            +++ b/src/main/java/acme/Frame.java
            @@ -30,7 +30,2 @@ class Frame {
                 }
            -    @Override
            -    public void close() throws IOException {
            -        body.close();
            -    }
            -
             }
            """;

    private static List<String> found(String diff, String item) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals(item))
                .map(f -> f.path() + ":" + f.line()).toList();
    }

    @Test
    void deleting_the_close_is_reported_at_the_unchanged_acquisition() {
        assertEquals(List.of("api/status.go:4"), found(DELETES_CLOSE, "RES-02"));
    }

    @Test
    void a_leak_the_file_already_had_is_not_blamed_on_a_change_that_only_renames_a_local() {
        assertEquals(List.of(), found(TOUCHES_OLD_LEAK, "RES-02"));
    }

    @Test
    void deleting_a_close_whose_open_the_diff_does_not_show_is_a_low_confidence_finding_at_the_top_of_its_hunk() {
        List<Finding> res = TestRules.reviewDiff(DELETES_CLOSE_FAR_FROM_OPEN).findings().stream()
                .filter(f -> f.item().equals("RES-01")).toList();
        assertEquals(1, res.size(), res.toString());
        assertEquals(RemovedReleases.RULE, res.get(0).rule());
        assertEquals(40, res.get(0).line()); // the hunk's first line, nearest the open above it (session 41)
        assertEquals(Finding.Confidence.LOW, res.get(0).confidence());
        org.junit.jupiter.api.Assertions.assertTrue(res.get(0).message().contains("`file`"), res.get(0).message());
    }

    @Test
    void a_renamed_release_or_a_deleted_closing_method_is_not_a_deleted_release() {
        assertEquals(List.of(), found(RENAMES_CLOSED_FIELD, "RES-01"));
        assertEquals(List.of(), found(MOVES_CLOSING_METHOD, "RES-01"));
    }

    @Test
    void deleting_the_restored_interrupt_is_reported_at_the_unchanged_catch() {
        assertEquals(List.of("src/main/java/acme/Poller.java:8"), found(DELETES_INTERRUPT, "CONC-05"));
    }
}
