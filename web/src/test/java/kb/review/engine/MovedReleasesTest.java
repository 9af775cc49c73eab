package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A release moved down its function, past an exit, in a pull request whose hunks do not show the acquisition: the
 * paths that leave by that exit lose the release. And a file opened through a file-system value, which must be
 * closed like one from {@code os.Open}.
 */
class MovedReleasesTest {

    /** The deferred close moves below the error check of reading the body (two hunks of one function). */
    private static final String MOVES_DEFER_BELOW_RETURN = """
            diff --git a/auth/forward.go b/auth/forward.go
            --- a/auth/forward.go
            +++ b/auth/forward.go
            @@ -80,7 +80,6 @@ func (v *verifier) ServeHTTP(w http.ResponseWriter, r *http.Request) {
             		w.WriteHeader(http.StatusBadGateway)
             		return
             	}
            -	defer answer.Body.Close()
             
             	payload, err := io.ReadAll(answer.Body)
             	if err != nil {
            @@ -91,6 +90,7 @@ func (v *verifier) ServeHTTP(w http.ResponseWriter, r *http.Request) {
             		w.WriteHeader(http.StatusBadGateway)
             		return
             	}
            +	defer answer.Body.Close()
             
             	if answer.StatusCode >= 300 {
             		copyHeaders(w, answer)
            """;

    /** The same move with no exit between the two places: nothing leaves without the release. */
    private static final String MOVES_DEFER_WITHOUT_EXIT = """
            diff --git a/auth/forward.go b/auth/forward.go
            --- a/auth/forward.go
            +++ b/auth/forward.go
            @@ -82,8 +82,8 @@ func (v *verifier) ServeHTTP(w http.ResponseWriter, r *http.Request) {
             		return
             	}
            -	defer answer.Body.Close()
             	started := time.Now()
             	v.metrics.Observe(answer.StatusCode)
            +	defer answer.Body.Close()
             	payload, err := io.ReadAll(answer.Body)
             	if err != nil {
             		return
            """;

    /** Java: the close moves from the end of the try into its finally, where every exit runs it. */
    private static final String MOVES_CLOSE_INTO_FINALLY = """
            diff --git a/src/main/java/acme/Spool.java b/src/main/java/acme/Spool.java
            --- a/src/main/java/acme/Spool.java
            +++ b/src/main/java/acme/Spool.java
            @@ -30,11 +30,11 @@ class Spool {
                     try {
                         if (!valid(in)) {
                             return false;
                         }
                         copy(in, out);
            -            in.close();
                         return true;
                     } finally {
                         out.flush();
            +            in.close();
                     }
                 }
            """;

    /** The release moves into another function (hunks whose headers name different functions). */
    private static final String MOVES_CLOSE_TO_OTHER_FUNCTION = """
            diff --git a/store/blob.go b/store/blob.go
            --- a/store/blob.go
            +++ b/store/blob.go
            @@ -40,7 +40,6 @@ func (s *Store) Put(name string, body io.Reader) error {
             	if _, err := io.Copy(w, body); err != nil {
             		return err
             	}
            -	w.Close()
             	return nil
             }
             
            @@ -70,5 +69,6 @@ func (s *Store) finish(w *os.File) error {
             	if err := w.Sync(); err != nil {
             		return err
             	}
            +	w.Close()
             	return nil
             }
            """;

    /** Every close on an error path rewritten in place to drop its error: nothing moved. */
    private static final String REWRITES_EACH_CLOSE = """
            diff --git a/proxy/pg.go b/proxy/pg.go
            --- a/proxy/pg.go
            +++ b/proxy/pg.go
            @@ -50,11 +50,11 @@ func (r *Router) servePg(conn net.Conn) {
             	_, err := conn.Write(reply)
             	if err != nil {
            -		conn.Close()
            +		_ = conn.Close()
             		return
             	}
             	hello, err := readHello(conn)
             	if err != nil {
            -		conn.Close()
            +		_ = conn.Close()
             		return
             	}
             	r.route(conn, hello)
            """;

    /** A guarded release turned into an early return for the other case: the returning path never released. */
    private static final String GUARD_TURNED_INTO_RETURN = """
            diff --git a/src/main/java/acme/Decoder.java b/src/main/java/acme/Decoder.java
            --- a/src/main/java/acme/Decoder.java
            +++ b/src/main/java/acme/Decoder.java
            @@ -40,8 +40,10 @@ class Decoder {
                 void finish() throws IOException {
            -        if (!closed) {
            -            closed = true;
            -            listener.onMessage(buffer);
            -            buffer.close();
            +        if (closed) {
            +            return;
                     }
            +        closed = true;
            +        listener.onMessage(buffer);
            +        buffer.close();
            +        listener.onClose();
                 }
             }
            """;

    /** Only the error of opening is wanted: the file itself is dropped, open. */
    private static final String OPENS_TO_CHECK = """
            diff --git a/web/static.go b/web/static.go
            --- a/web/static.go
            +++ b/web/static.go
            @@ -20,8 +20,6 @@ func (g *group) staticHandler(fs http.FileSystem) handlerFunc {
             		name := c.Param("path")
            -		f, err := fs.Open(name)
            -		if err != nil {
            +		if _, err := fs.Open(name); err != nil {
             			c.Status(http.StatusNotFound)
             			return
             		}
            -		f.Close()
             		serve(c)
            """;

    /** The look-alike: the file opened through the file system is closed by a defer. */
    private static final String OPENS_AND_CLOSES = """
            diff --git a/web/static.go b/web/static.go
            new file mode 100644
            --- /dev/null
            +++ b/web/static.go
            @@ -0,0 +1,14 @@
            +package web
            +
            +import "net/http"
            +
            +func exists(fs http.FileSystem, name string) bool {
            +	f, err := fs.Open(name)
            +	if err != nil {
            +		return false
            +	}
            +	defer f.Close()
            +	_, err = f.Stat()
            +	return err == nil
            +}
            +
            """;

    private static List<Finding> found(String diff, String item) {
        return TestRules.reviewDiff(diff).findings().stream().filter(f -> f.item().equals(item)).toList();
    }

    @Test
    void a_release_moved_below_an_exit_is_reported_where_it_stood_naming_the_exit() {
        List<Finding> res = found(MOVES_DEFER_BELOW_RETURN, "RES-02");
        assertEquals(1, res.size(), res.toString());
        assertEquals(83, res.get(0).line());
        assertEquals(RemovedReleases.RULE, res.get(0).rule());
        assertTrue(res.get(0).message().contains("below the exit at line 91"), res.get(0).message());
        assertEquals(List.of(83, 91), res.get(0).flow().stream().map(Finding.Step::line).toList());
    }

    @Test
    void a_release_moved_with_no_exit_between_or_into_a_finally_is_not_a_finding() {
        assertEquals(List.of(), found(MOVES_DEFER_WITHOUT_EXIT, "RES-02"));
        assertEquals(List.of(), found(MOVES_CLOSE_INTO_FINALLY, "RES-01"));
    }

    @Test
    void releases_rewritten_in_place_or_behind_a_rewritten_guard_are_not_moved() {
        assertEquals(List.of(), found(REWRITES_EACH_CLOSE, "RES-01"));
        assertEquals(List.of(), found(GUARD_TURNED_INTO_RETURN, "RES-01"));
    }

    @Test
    void a_release_moved_into_another_function_is_not_read_as_moved_down_this_one() {
        assertTrue(found(MOVES_CLOSE_TO_OTHER_FUNCTION, "RES-01").stream()
                .noneMatch(f -> f.message().contains("moves")), "hunks of two functions");
    }

    @Test
    void a_file_opened_through_a_file_system_only_for_its_error_is_a_leak_and_a_closed_one_is_not() {
        List<Finding> res = found(OPENS_TO_CHECK, "RES-01");
        assertEquals(List.of(21), res.stream().map(Finding::line).toList(), res.toString());
        assertEquals(List.of(), found(OPENS_AND_CLOSES, "RES-01"));
    }
}
