package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go resources closed on every path that RES-01 reported anyway (the twelfth held-out precision set's class W, bbolt's
 * commands; and round 16's go-02 and go-04 for RES-02): an acquisition the change only rewrote, in a function the hunk
 * cuts. The change edits the open call's arguments ({@code os.OpenFile(path, flags, 0644)} to {@code 0600}); the old
 * line acquired into the same variable by the same call or one of the same model, so the code below the hunk, which
 * the change left alone, holds the close it had ({@code defer f.Close()} right after the error check, the line git did
 * not print). RES-01 asks for a close on every path out of the function; a path that only reaches where the diff
 * stops has not left it. Still reported: a return shown before the cut, a value the old line took from a cache (code
 * written for a borrowed value closes nothing), and a close the change deletes.
 */
class GoRewrittenAcquisitionTest {

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("RES-01") && f.suppression() == null)
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    /** A store command whose open call changes mode; its deferred close is the line below the hunk. */
    private static final String REWRITTEN_OPEN = """
            diff --git a/cmd/store/dump.go b/cmd/store/dump.go
            --- a/cmd/store/dump.go
            +++ b/cmd/store/dump.go
            @@ -40,7 +40,7 @@ func (c *dumpCommand) Run(args ...string) error {
             	}
             
             	// Open the archive read-only.
            -	f, err := os.OpenFile(path, os.O_RDONLY, 0644)
            +	f, err := os.OpenFile(path, os.O_RDONLY, 0600)
             	if err != nil {
             		return err
             	}
            """;

    /** The same edit with an early return added between the open and the code below: that path leaks. */
    private static final String REWRITTEN_OPEN_THEN_RETURN = """
            diff --git a/cmd/store/dump.go b/cmd/store/dump.go
            --- a/cmd/store/dump.go
            +++ b/cmd/store/dump.go
            @@ -40,7 +40,10 @@ func (c *dumpCommand) Run(args ...string) error {
             	}
             
             	// Open the archive read-only.
            -	f, err := os.OpenFile(path, os.O_RDONLY, 0644)
            +	f, err := os.OpenFile(path, os.O_RDONLY, 0600)
            +	if c.dryRun {
            +		return nil
            +	}
             	if err != nil {
             		return err
             	}
            """;

    /** The old line borrowed the connection from the server's cache; the new one dials its own. */
    private static final String BORROWED_BECOMES_DIALED = """
            diff --git a/peer/push.go b/peer/push.go
            --- a/peer/push.go
            +++ b/peer/push.go
            @@ -30,6 +30,6 @@ func (s *server) push(ctx context.Context, addr string, rec Record) error {
             	ctx, cancel := context.WithTimeout(ctx, s.timeout)
             	defer cancel()
            -	conn, err := s.cachedConn(addr)
            +	conn, err := net.Dial("tcp", addr)
             	if err != nil {
             		return fmt.Errorf("dial %s: %w", addr, err)
             	}
            """;

    /** The open is rewritten and the close below it deleted: nothing below closes the file any more. */
    private static final String REWRITTEN_OPEN_CLOSE_DELETED = """
            diff --git a/cmd/store/dump.go b/cmd/store/dump.go
            --- a/cmd/store/dump.go
            +++ b/cmd/store/dump.go
            @@ -40,11 +40,10 @@ func (c *dumpCommand) Run(args ...string) error {
             	}
             
             	// Open the archive read-only.
            -	f, err := os.OpenFile(path, os.O_RDONLY, 0644)
            +	f, err := os.OpenFile(path, os.O_RDONLY, 0600)
             	if err != nil {
             		return err
             	}
            -	defer f.Close()
             	c.log("dumping", path)
             	c.dumps++
             	buf := make([]byte, 512)
            """;

    /** The statement renames its error and the checks move: a restructuring, not an edit of the call alone. */
    private static final String RENAMED_ERROR = """
            diff --git a/cmd/store/dump.go b/cmd/store/dump.go
            --- a/cmd/store/dump.go
            +++ b/cmd/store/dump.go
            @@ -40,9 +40,9 @@ func (c *dumpCommand) Run(args ...string) error {
             	}
             
             	// Open the archive read-only.
            -	f, err := os.OpenFile(path, os.O_RDONLY, 0644)
            -	if err != nil {
            -		return err
            +	f, openErr := os.OpenFile(path, os.O_RDONLY, 0600)
            +	if openErr != nil {
            +		return openErr
             	}
             	c.log("dumping", path)
             	c.dumps++
            """;

    @Test
    void an_open_the_change_only_rewrote_keeps_the_close_below_the_hunk() {
        assertEquals(List.of(), found(REWRITTEN_OPEN));
        assertEquals(List.of("43:go-resource-not-closed"), found(REWRITTEN_OPEN_THEN_RETURN));
        assertEquals(List.of("32:go-resource-not-closed"), found(BORROWED_BECOMES_DIALED));
        assertEquals(List.of("43:go-resource-not-closed"), found(REWRITTEN_OPEN_CLOSE_DELETED));
        assertEquals(List.of("43:go-resource-not-closed"), found(RENAMED_ERROR));
    }
}
