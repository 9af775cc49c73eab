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
    void deleting_the_restored_interrupt_is_reported_at_the_unchanged_catch() {
        assertEquals(List.of("src/main/java/acme/Poller.java:8"), found(DELETES_INTERRUPT, "CONC-05"));
    }
}
