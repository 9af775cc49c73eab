package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go path classes of round 9, from the Go misses of the round-9 held-out corpus (heldout9/RESULTS.md, misses by class
 * of code). Class 1: a constructor or dial builds a wrapper around what it acquired (a TLS client over the raw
 * connection, a struct holding the file) and a later step fails: the value reaches the caller only through the
 * wrapper on the success path, so the early error return must still release it. Each fixture is our own code of the
 * class, next to the look-alike that releases on the failing path or hands the wrapper on.
 */
class GoRound9PathsTest {

    private static List<String> res01(String path, String body) {
        return GoRound8ClassesTest.item(GoRound8ClassesTest.file(path, body), "RES-01");
    }

    // --- class 1: the value is wrapped, then a later step of the constructor fails

    private static final String TLS_DIAL = """
            import (
            	"crypto/tls"
            	"net"
            )

            func dialSecure(addr string, cfg *tls.Config) (net.Conn, error) {
            	raw, err := net.Dial("tcp", addr)
            	if err != nil {
            		return nil, err
            	}
            	tc := tls.Client(raw, cfg)
            	if err := tc.Handshake(); err != nil {
            %s
            		return nil, err
            	}
            	return tc, nil
            }
            """;

    @Test
    void a_failed_handshake_on_the_tls_wrapper_leaks_the_raw_connection() {
        assertEquals(List.of("9:go-resource-not-closed"), res01("netx/dial.go", TLS_DIAL.formatted("")));
    }

    @Test
    void closing_the_wrapper_or_the_raw_connection_before_the_error_return_is_clean() {
        assertEquals(List.of(), res01("netx/dial.go", TLS_DIAL.formatted("\t\ttc.Close()")));
        assertEquals(List.of(), res01("netx/dial.go", TLS_DIAL.formatted("\t\t_ = raw.Close()")));
    }

    private static final String PORT = """
            import "os"

            type Port struct {
            	f    *os.File
            	baud int
            }

            func Open(name string, baud int) (*Port, error) {
            	f, err := os.OpenFile(name, os.O_RDWR, 0)
            	if err != nil {
            		return nil, err
            	}
            	p := &Port{f: f, baud: baud}
            	if err := p.configure(); err != nil {
            %s
            		return nil, err
            	}
            	return p, nil
            }

            func (p *Port) configure() error {
            	return p.f.Sync()
            }

            func (p *Port) Close() error {
            	return p.f.Close()
            }
            """;

    @Test
    void a_struct_holding_the_file_dropped_on_a_configure_error_leaks_the_file() {
        assertEquals(List.of("11:go-resource-not-closed"), res01("serial/port.go", PORT.formatted("")));
    }

    @Test
    void closing_the_struct_on_the_configure_error_is_clean() {
        assertEquals(List.of(), res01("serial/port.go", PORT.formatted("\t\tp.Close()")));
        assertEquals(List.of(), res01("serial/port.go", PORT.formatted("\t\tf.Close()")));
    }

    /** The wrapper stored in a field, sent on a channel or run by a goroutine is handed on: no leak on any path. */
    @Test
    void a_wrapper_handed_on_is_clean() {
        String body = """
                import (
                	"net"
                	"sync"
                )

                type session struct{ conn net.Conn }

                func (s *session) serve() {}

                type hub struct {
                	mu       sync.Mutex
                	sessions []*session
                }

                func (h *hub) join(addr string, out chan<- *session) error {
                	c, err := net.Dial("tcp", addr)
                	if err != nil {
                		return err
                	}
                	s := &session{conn: c}
                	%s
                	return nil
                }
                """;
        assertEquals(List.of(), res01("hub/accept.go", body.formatted("go s.serve()")));
        assertEquals(List.of(), res01("hub/accept.go", body.formatted("out <- s")));
        assertEquals(List.of(), res01("hub/accept.go", body.formatted("h.sessions = append(h.sessions, s)")));
        // a method the review cannot see, called for its effect only, may register the wrapper (srv.Start())
        assertEquals(List.of(), res01("hub/accept.go", body.formatted("s.start()")));
    }

    /** The same wrapper kept in a local that nothing hands on: the function's end drops the connection. */
    @Test
    void a_wrapper_that_is_never_handed_on_leaks_at_the_end() {
        String body = """
                import "net"

                type session struct{ conn net.Conn }

                func (s *session) greet() error { return nil }

                func join(addr string) error {
                	c, err := net.Dial("tcp", addr)
                	if err != nil {
                		return err
                	}
                	s := &session{conn: c}
                	%s
                }
                """;
        assertEquals(List.of("10:go-resource-not-closed"), res01("hub/accept.go", body.formatted("return s.greet()")));
        // a bare call of a method the review sees, which starts nothing, does not hand the wrapper on either
        assertEquals(List.of("10:go-resource-not-closed"),
                res01("hub/accept.go", body.formatted("s.greet()\n\treturn nil")));
    }

    // --- class 2: a resource re-assigned to the same variable, and which deferred call ends the final value

    private static final String SAMPLER = """
            import (
            	"context"
            	"time"
            )

            type sampler struct {
            	every   time.Duration
            	changes chan time.Duration
            }

            func (s *sampler) sample() {}

            func (s *sampler) run(ctx context.Context) {
            	ticker := time.NewTicker(s.every)
            	%s
            	for {
            		select {
            		case <-ctx.Done():
            			return
            		case d := <-s.changes:
            			%s
            			ticker = time.NewTicker(d)
            		case <-ticker.C:
            			s.sample()
            		}
            	}
            }
            """;

    /** {@code defer ticker.Stop()} evaluates its receiver at the defer: the replacement ticker is never stopped. */
    @Test
    void a_deferred_stop_bound_to_the_first_ticker_leaks_its_replacement() {
        assertEquals(List.of("24:go-resource-not-closed"),
                res01("agent/sampler.go", SAMPLER.formatted("defer ticker.Stop()", "ticker.Stop()")));
    }

    /** A deferred closure reads the variable when it runs: it stops the replacement, and the old one is stopped first. */
    @Test
    void a_deferred_closure_stopping_the_final_ticker_is_clean() {
        assertEquals(List.of(), res01("agent/sampler.go",
                SAMPLER.formatted("defer func() { ticker.Stop() }()", "ticker.Stop()")));
    }

    /** The closure stops only the final value: replacing a ticker without stopping the old one still leaks it. */
    @Test
    void a_deferred_closure_does_not_excuse_replacing_a_running_ticker() {
        assertEquals(List.of("24:go-resource-not-closed"), res01("agent/sampler.go",
                SAMPLER.formatted("defer func() { ticker.Stop() }()", "s.every = d")));
    }
}
