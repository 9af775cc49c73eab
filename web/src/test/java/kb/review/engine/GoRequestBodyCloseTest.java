package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HTTP-01 and RES-02 on the request body of a Go middleware, round 14's pair go-38 and go-ok-18 of
 * {@code heldout14}. HTTP-01 says the request body is the server's, which closes it after the handler: a middleware
 * that closes it is the defect, and one that stops closing it is the fix, not a leaked response (RES-02 is about the
 * responses of outbound calls). Both cut the same way, the hunk starting inside the handler literal the middleware
 * returns, so its {@code r *http.Request} is above the hunk.
 */
class GoRequestBodyCloseTest {

    private static String edit(String sign, int oldCount, int newCount) {
        return """
                diff --git a/mw/limit.go b/mw/limit.go
                index 1111111..2222222 100644
                --- a/mw/limit.go
                +++ b/mw/limit.go
                @@ -21,%d +21,%d @@ func Inflate(next http.Handler) http.Handler {
                 			next.ServeHTTP(w, r)
                 			return
                 		}
                %sdefer r.Body.Close()
                 		zr, err := zlib.NewReader(http.MaxBytesReader(w, r.Body, limit))
                 		if err != nil {
                 			http.Error(w, "bad body", http.StatusBadRequest)
                """.formatted(oldCount, newCount, sign + "\t\t");
    }

    @Test
    void a_cut_middleware_that_starts_closing_the_request_body_is_found() {
        assertEquals(List.of("24:go-middleware-closes-request-body"),
                GoRound8ClassesTest.item(edit("+", 6, 7), "HTTP-01"));
    }

    @Test
    void the_middleware_that_stops_closing_it_leaks_no_response() {
        String d = edit("-", 7, 6);
        assertEquals(List.of(), GoRound8ClassesTest.item(d, "RES-02"));
        assertEquals(List.of(), GoRound8ClassesTest.item(d, "RES-01"));
    }

    @Test
    void deleting_the_close_of_an_outbound_response_body_is_still_reported() {
        String d = """
                diff --git a/mw/probe.go b/mw/probe.go
                index 1111111..2222222 100644
                --- a/mw/probe.go
                +++ b/mw/probe.go
                @@ -30,7 +30,6 @@ func (p *Prober) Check(ctx context.Context) error {
                 	if err != nil {
                 		return err
                 	}
                -	defer resp.Body.Close()
                 	if resp.StatusCode != http.StatusOK {
                 		return fmt.Errorf("probe: %s", resp.Status)
                 	}
                """;
        assertEquals(1, GoRound8ClassesTest.item(d, "RES-02").size());
    }
}
