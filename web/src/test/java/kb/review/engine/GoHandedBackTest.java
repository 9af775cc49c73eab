package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Go constructor that wraps a new HTTP client in the object it returns, with the return statement spread over
 * several lines ({@code return &Proxy{caller: newCaller(client)}, nil}): the client lives as long as that object,
 * built once per proxy, not per request (set 9's look-alike class: a proxy per configured endpoint). The same helper
 * asked for a client inside a request handler, whose wrapper is used once and dropped, is still a client per request.
 * The fixtures are written for this test. Findings are "line:item".
 */
class GoHandedBackTest {

    private static final String FACTORY = newFile("internal/upstream/client.go", """
            package upstream

            import (
            	"net/http"
            	"time"
            )

            func endpointClient(timeout time.Duration) *http.Client {
            	return &http.Client{
            		Timeout:   timeout,
            		Transport: &http.Transport{MaxIdleConnsPerHost: 4},
            	}
            }
            """);

    private static String proxy(String body) {
        return newFile("internal/upstream/proxy.go", """
                package upstream

                import (
                	"net/http"
                	"time"
                )

                type caller struct{ c *http.Client }

                func newCaller(c *http.Client) *caller { return &caller{c: c} }

                func (c *caller) send(r *http.Request) (*http.Response, error) { return c.c.Do(r) }

                type Proxy struct {
                	target string
                	caller *caller
                }

                """ + body);
    }

    @Test
    void a_constructor_returning_the_client_wrapped_over_several_lines_builds_it_once_per_proxy() {
        assertEquals(List.of(), items(FACTORY + proxy("""
                func NewProxy(target string) (*Proxy, error) {
                	client := endpointClient(5 * time.Second)
                	return &Proxy{
                		target: target,
                		caller: newCaller(client),
                	}, nil
                }
                """)));
    }

    @Test
    void a_handler_that_wraps_a_new_client_for_one_request_and_drops_it_is_reported() {
        assertEquals(List.of("20:RES-04"), items(FACTORY + proxy("""
                func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
                	client := endpointClient(5 * time.Second)
                	resp, err := newCaller(client).send(r)
                	if err != nil {
                		http.Error(w, err.Error(), http.StatusBadGateway)
                		return
                	}
                	defer resp.Body.Close()
                	w.WriteHeader(resp.StatusCode)
                }
                """)));
    }
}
