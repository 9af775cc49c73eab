package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-03's Go class of an HTTP handler that has a request-scoped logger and writes a line through the process-wide
 * {@code log.Printf} instead (LOG-03's own Bad Go line), which carries no request id: in an edit that moves a line
 * off the request's logger, and in a handler that derives a logger from the request and then does not use it. The
 * clean look-alikes log through the request's logger, and use {@code log.Printf} in code that has no request (a
 * start-up function) or in a handler that has no logger of its own in sight.
 */
class GoRequestLoggerDroppedTest {

    private static String edit(String removed, String added) {
        return """
                diff --git a/api/upload.go b/api/upload.go
                index 1111111..2222222 100644
                --- a/api/upload.go
                +++ b/api/upload.go
                @@ -30,6 +30,6 @@ func (s *Server) Upload(w http.ResponseWriter, r *http.Request) {
                 	go func() {
                 		if err := s.thumbs.Render(ctx, id); err != nil {
                %s
                %s
                 			return
                 		}
                 		s.thumbs.MarkDone(id)
                """.formatted(removed, added);
    }

    @Test
    void an_edit_that_moves_a_handlers_line_to_the_global_logger_is_found() {
        assertEquals(List.of("32:go-request-logger-dropped"), GoRound8ClassesTest.item(edit(
                "-\t\t\treqLog.Error(\"thumbnail failed\", \"id\", id, \"err\", err)",
                "+\t\t\tlog.Printf(\"thumbnail %s failed: %v\", id, err)"), "LOG-03"));
    }

    @Test
    void an_edit_that_keeps_the_request_logger_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(edit(
                "-\t\t\treqLog.Error(\"thumbnail failed\", \"id\", id, \"err\", err)",
                "+\t\t\treqLog.Error(\"thumbnail render failed\", \"id\", id, \"err\", err)"), "LOG-03"));
    }

    private static String handler(String logLine) {
        return GoNewFileDiffs.newFile("api/delete.go", """
                package api

                import (
                	"log"
                	"net/http"
                )

                func (s *Server) Delete(w http.ResponseWriter, r *http.Request) {
                	lg := requestLogger(r)
                	id := r.PathValue("id")
                	if err := s.store.Delete(r.Context(), id); err != nil {
                %s
                		http.Error(w, "delete failed", http.StatusInternalServerError)
                		return
                	}
                	w.WriteHeader(http.StatusNoContent)
                }

                func Serve(addr string, h http.Handler) {
                	log.Printf("listening on %%s", addr)
                	log.Fatal(http.ListenAndServe(addr, h))
                }
                """.formatted(logLine));
    }

    @Test
    void a_handler_that_derives_a_request_logger_and_logs_through_the_global_one_is_found() {
        assertEquals(List.of("12:go-request-logger-dropped"), GoRound8ClassesTest.item(
                handler("\t\tlog.Printf(\"delete %s: %v\", id, err)"), "LOG-03"));
    }

    @Test
    void the_same_handler_logging_through_its_request_logger_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(
                handler("\t\tlg.Error(\"delete failed\", \"id\", id, \"err\", err)"), "LOG-03"));
    }

    @Test
    void a_handler_with_no_logger_in_sight_is_left_alone() {
        String diff = GoNewFileDiffs.newFile("api/ping.go", """
                package api

                import (
                	"log"
                	"net/http"
                )

                func Ping(w http.ResponseWriter, r *http.Request) {
                	if _, err := w.Write([]byte("pong")); err != nil {
                		log.Printf("ping: %v", err)
                	}
                }
                """);
        assertEquals(List.of(), GoRound8ClassesTest.item(diff, "LOG-03"));
    }
}
