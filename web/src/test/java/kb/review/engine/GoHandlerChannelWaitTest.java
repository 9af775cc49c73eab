package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An HTTP handler that waits on a channel without selecting on the request's context (TMO-02's
 * {@code go-handler-waits-without-request-context}; round 20's go-23 stands for the class, none of its code is here),
 * and the middleware rule of HTTP-01 that must leave plain handlers alone. Variants: a job sent on a queue field (a
 * handler method), a result received from a job's channel (a handler function), a send inside an if of a handler
 * literal given to HandleFunc, a receive assigned with '=', an SSE loop that receives each event bare, a handler that
 * renders through a handler built in place. Look-alikes that stay quiet: the send in a select with the request's
 * context, a buffered channel the handler makes itself, a wait in a goroutine the handler starts, a wait on the
 * context itself, and a function that is not a handler.
 */
class GoHandlerChannelWaitTest {

    private static final String RULE = "go-handler-waits-without-request-context";

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.rule().equals(RULE) || f.item().equals("HTTP-01"))
                .map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void handlers_waiting_on_queues_and_results_without_the_request_context_are_reported() {
        String code = """
                package api

                func (s *Server) Enqueue(w http.ResponseWriter, r *http.Request) {
                \tjob := Job{ID: r.URL.Query().Get("id")}
                \ts.jobs <- job
                \tw.WriteHeader(http.StatusAccepted)
                }

                func render(pool *Pool) http.HandlerFunc {
                \treturn func(w http.ResponseWriter, r *http.Request) {
                \t\tt := pool.Submit(r.URL.Path)
                \t\tpage := <-t.result
                \t\tw.Write(page)
                \t}
                }

                func routes(mux *http.ServeMux, b *Batcher) {
                \tmux.HandleFunc("/ingest", func(rw http.ResponseWriter, req *http.Request) {
                \t\tif req.Method == http.MethodPost {
                \t\t\tb.in <- req.URL.Query().Get("v")
                \t\t}
                \t})
                }

                func (h *Exporter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
                \tvar g prometheus.Gatherer
                \th.queue <- r.URL.Query().Get("target")
                \tg = <-h.gathered
                \tpromhttp.HandlerFor(g, promhttp.HandlerOpts{}).ServeHTTP(w, r)
                }

                func events(hub *Hub) http.HandlerFunc {
                \treturn func(w http.ResponseWriter, r *http.Request) {
                \t\tsub := hub.Subscribe()
                \t\tfor {
                \t\t\tev := <-sub.Events
                \t\t\tfmt.Fprintf(w, "data: %s\\n\\n", ev)
                \t\t}
                \t}
                }
                """;
        assertEquals(List.of("12:" + RULE, "20:" + RULE, "27:" + RULE, "28:" + RULE, "36:" + RULE, "5:" + RULE),
                found("api/handlers.go", code));
    }

    @Test
    void waits_bounded_by_the_request_or_outside_handlers_are_not_reported() {
        String code = """
                package api

                func (s *Server) Enqueue(w http.ResponseWriter, r *http.Request) {
                \tjob := Job{ID: r.URL.Query().Get("id")}
                \tselect {
                \tcase s.jobs <- job:
                \t\tw.WriteHeader(http.StatusAccepted)
                \tcase <-r.Context().Done():
                \t\thttp.Error(w, "gave up", http.StatusServiceUnavailable)
                \t}
                }

                func (s *Server) Check(w http.ResponseWriter, r *http.Request) {
                \terrc := make(chan error, 1)
                \tgo func() {
                \t\terrc <- s.db.PingContext(r.Context())
                \t}()
                \tif err := <-errc; err != nil {
                \t\thttp.Error(w, err.Error(), http.StatusServiceUnavailable)
                \t}
                }

                func (s *Server) Watch(w http.ResponseWriter, r *http.Request) {
                \tgo func() {
                \t\ts.audit <- r.URL.Path
                \t}()
                \t<-r.Context().Done()
                }

                func (w *Worker) run(ctx context.Context) {
                \tfor {
                \t\tjob := <-w.jobs
                \t\tw.results <- w.do(ctx, job)
                \t}
                }
                """;
        assertEquals(List.of(), found("api/handlers.go", code));
    }
}
