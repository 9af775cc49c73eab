package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-02's Go class of one goroutine per HTTP request: a handler (a function or literal taking an
 * http.ResponseWriter and an *http.Request) starts a goroutine and returns without waiting for it, so the background
 * work is bounded by nothing, not even by the requests in flight (CONC-02: "no goroutine per request"). Clean: a
 * handler that takes a semaphore slot first, one that waits for what it started (a group's Wait, a receive of the
 * result), and work done in the handler itself.
 */
class GoGoroutinePerRequestTest {

    private static List<String> conc02(String path, String source) {
        return GoRound8ClassesTest.item(GoNewFileDiffs.newFile(path, source), "CONC-02").stream()
                .filter(f -> f.contains(":go-goroutine-per-request")).toList();
    }

    @Test
    void a_method_value_on_a_store_started_per_request_is_found() {
        assertEquals(List.of("14:go-goroutine-per-request"), conc02("tracker/announce.go", """
                package tracker

                import (
                	"context"
                	"net/http"
                )

                func (t *Tracker) Announce(w http.ResponseWriter, r *http.Request) {
                	req, err := parse(r)
                	if err != nil {
                		http.Error(w, err.Error(), http.StatusBadRequest)
                		return
                	}
                	go t.peers.Save(context.Background(), req.Hash, req.Peer)
                	writePeers(w, t.peers.Near(r.Context(), req.Hash))
                }
                """));
    }

    @Test
    void a_literal_goroutine_in_a_plain_handler_function_is_found() {
        assertEquals(List.of("7:go-goroutine-per-request"), conc02("audit/hook.go", """
                package audit

                import "net/http"

                func recordVisit(rw http.ResponseWriter, req *http.Request) {
                	who := req.Header.Get("X-User")
                	go func() {
                		visits.Append(who, req.URL.Path)
                	}()
                	rw.WriteHeader(http.StatusNoContent)
                }
                """));
    }

    @Test
    void a_goroutine_in_a_handler_literal_is_found() {
        assertEquals(List.of("9:go-goroutine-per-request-literal"), conc02("mail/routes.go", """
                package mail

                import "net/http"

                func routes(mux *http.ServeMux, m *Mailer) {
                	mux.HandleFunc("/signup", func(w http.ResponseWriter, r *http.Request) {
                		addr := r.FormValue("email")
                		m.remember(addr)
                		go m.sendWelcome(addr)
                		w.WriteHeader(http.StatusAccepted)
                	})
                }
                """));
    }

    @Test
    void a_webhook_fan_out_started_per_request_is_found() {
        assertEquals(List.of("11:go-goroutine-per-request"), conc02("hooks/receive.go", """
                package hooks

                import (
                	"io"
                	"net/http"
                )

                func (h *Hub) Receive(out http.ResponseWriter, in *http.Request) {
                	body, _ := io.ReadAll(in.Body)
                	out.WriteHeader(http.StatusOK)
                	go h.forwardToSubscribers(body)
                }
                """));
    }

    @Test
    void a_cache_refresh_started_per_request_is_found() {
        assertEquals(List.of("7:go-goroutine-per-request"), conc02("catalog/get.go", """
                package catalog

                import "net/http"

                func (c *Catalog) Get(w http.ResponseWriter, r *http.Request) {
                	item, stale := c.cache.Lookup(r.URL.Query().Get("sku"))
                	go c.refresh(item.SKU)
                	if stale {
                		w.Header().Set("Warning", "110 - stale")
                	}
                	encode(w, item)
                }
                """));
    }

    @Test
    void a_handler_that_takes_a_slot_first_is_clean() {
        assertEquals(List.of(), conc02("hooks/bounded.go", """
                package hooks

                import "net/http"

                func (h *Hub) Receive(w http.ResponseWriter, r *http.Request) {
                	select {
                	case h.slots <- struct{}{}:
                	default:
                		http.Error(w, "busy", http.StatusServiceUnavailable)
                		return
                	}
                	go func() {
                		defer func() { <-h.slots }()
                		h.forward(r.URL.Path)
                	}()
                	w.WriteHeader(http.StatusAccepted)
                }
                """));
    }

    @Test
    void a_handler_that_waits_for_its_goroutines_is_clean() {
        assertEquals(List.of(), conc02("catalog/both.go", """
                package catalog

                import (
                	"net/http"
                	"sync"
                )

                func (c *Catalog) Both(w http.ResponseWriter, r *http.Request) {
                	var wg sync.WaitGroup
                	var price, stock int
                	wg.Add(2)
                	go func() { defer wg.Done(); price = c.price(r.Context()) }()
                	go func() { defer wg.Done(); stock = c.stock(r.Context()) }()
                	wg.Wait()
                	encode(w, price, stock)
                }
                """));
    }

    @Test
    void a_handler_that_receives_the_result_is_clean() {
        assertEquals(List.of(), conc02("mail/preview.go", """
                package mail

                import "net/http"

                func (m *Mailer) Preview(w http.ResponseWriter, r *http.Request) {
                	done := make(chan []byte, 1)
                	go func() { done <- m.render(r.FormValue("tpl")) }()
                	select {
                	case page := <-done:
                		w.Write(page)
                	case <-r.Context().Done():
                	}
                }
                """));
    }

    @Test
    void a_server_start_up_function_that_is_no_handler_is_clean() {
        assertEquals(List.of(), conc02("cmd/serve.go", """
                package main

                import "net/http"

                func start(mux *http.ServeMux) *http.Server {
                	srv := &http.Server{Addr: ":8080", Handler: mux}
                	go srv.ListenAndServe()
                	return srv
                }
                """));
    }
}
