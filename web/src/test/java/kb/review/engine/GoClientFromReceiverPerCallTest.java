package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RES-04, the class of an {@code http.Client} literal built in a request method from its receiver's settings
 * ({@code c := &http.Client{Timeout: f.timeout}} inside {@code Fetch(ctx, url)}, then {@code c.Do(req)}): the
 * settings are the receiver's, so the client could be built once with it and shared, and the item says a client
 * constructed in a function that runs per call is a finding (its incident, http-body-leak-fd-exhaustion, is this very
 * client). Look-alikes: the client built once in the constructor, one kept in the receiver after it is built, one built
 * from a timeout the caller passes (the caller chooses the client), and a transport literal inside a client literal of
 * a plain function, which stays the transport's finding.
 */
class GoClientFromReceiverPerCallTest {

    private static String fetcher(String body) {
        return GoRound8ClassesTest.file("feeds/fetch.go", """
                import (
                	"context"
                	"net/http"
                	"time"
                )

                type Fetcher struct {
                	timeout time.Duration
                	client  *http.Client
                }

                %s
                """.formatted(body));
    }

    private static List<String> res04(String body) {
        return GoRound8ClassesTest.item(fetcher(body), "RES-04");
    }

    private static final String FETCH = """
            func (f *Fetcher) Fetch(ctx context.Context, url string) (*http.Response, error) {
            	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
            	if err != nil {
            		return nil, err
            	}
            	%s
            	return c.Do(req)
            }""";

    @Test
    void a_client_built_from_the_receivers_settings_on_every_call_is_found() {
        assertEquals(List.of("19:go-client-per-call"), res04(FETCH.formatted(
                "c := &http.Client{Timeout: f.timeout}")));
    }

    @Test
    void a_client_built_once_in_the_constructor_is_clean() {
        assertEquals(List.of(), res04("""
                func NewFetcher(timeout time.Duration) *Fetcher {
                	return &Fetcher{timeout: timeout, client: &http.Client{Timeout: timeout}}
                }

                """ + FETCH.formatted("c := f.client")));
    }

    @Test
    void a_client_kept_in_the_receiver_once_built_is_clean() {
        assertEquals(List.of(), res04(FETCH.formatted(
                "if f.client == nil {\n\t\tf.client = &http.Client{Timeout: f.timeout}\n\t}\n\tc := f.client")));
    }

    @Test
    void a_client_built_from_the_callers_timeout_is_clean() {
        assertEquals(List.of(), res04("""
                func (f *Fetcher) FetchWithin(ctx context.Context, url string, within time.Duration) (*http.Response, error) {
                	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
                	if err != nil {
                		return nil, err
                	}
                	c := &http.Client{Timeout: within}
                	return c.Do(req)
                }"""));
    }

    @Test
    void a_transport_literal_inside_a_client_literal_stays_the_transports_finding() {
        assertEquals(List.of("17:go-client-per-call"), res04("""
                func fetchOnce(ctx context.Context, url string) (*http.Response, error) {
                	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
                	c := &http.Client{Timeout: time.Second,
                		Transport: &http.Transport{MaxIdleConns: 1}}
                	return c.Do(req)
                }"""));
    }
}
