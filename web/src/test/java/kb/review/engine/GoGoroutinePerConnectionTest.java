package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-02's Go class of one goroutine per accepted connection: an accept loop that starts a goroutine for every
 * connection it takes and never waits for a free slot, so open connections and goroutines grow with the clients. The
 * item asks a `go` statement in a loop over input for "a visible limit"; for a server that is a listener that refuses
 * past a count (netutil.LimitListener), a semaphore slot taken before the launch, or a fixed pool of workers fed with
 * the accepted connections. A comment that promises a cap is not a cap.
 */
class GoGoroutinePerConnectionTest {

    private static List<String> conc02(String path, String source) {
        return GoRound8ClassesTest.item(GoNewFileDiffs.newFile(path, source), "CONC-02").stream()
                .filter(f -> f.endsWith(":go-goroutine-per-accepted-connection")).toList();
    }

    @Test
    void a_method_value_per_accepted_connection_is_found() {
        assertEquals(List.of("12:go-goroutine-per-accepted-connection"), conc02("relay/server.go", """
                package relay

                import "net"

                // Run serves every client on its own goroutine, at most cap(r.slots) at once.
                func (r *Relay) Run(ln net.Listener) error {
                	for {
                		client, err := ln.Accept()
                		if err != nil {
                			return err
                		}
                		go r.pipe(client)
                	}
                }
                """));
    }

    @Test
    void a_literal_given_the_tcp_connection_is_found() {
        assertEquals(List.of("13:go-goroutine-per-accepted-connection"), conc02("metrics/ingest.go", """
                package metrics

                import "net"

                func listenLines(l *net.TCPListener, sink chan<- string) {
                	var c *net.TCPConn
                	var err error
                	for {
                		c, err = l.AcceptTCP()
                		if err != nil {
                			continue
                		}
                		go func(conn *net.TCPConn) {
                			defer conn.Close()
                			readLines(conn, sink)
                		}(c)
                	}
                }
                """));
    }

    @Test
    void a_literal_that_closes_over_the_unix_connection_is_found() {
        assertEquals(List.of("12:go-goroutine-per-accepted-connection"), conc02("agent/control.go", """
                package agent

                import "net"

                func (a *Agent) control(sock *net.UnixListener) {
                	for !a.stopped() {
                		peer, err := sock.AcceptUnix()
                		if err != nil {
                			a.log.Print(err)
                			continue
                		}
                		go func() {
                			a.answer(peer)
                			peer.Close()
                		}()
                	}
                }
                """));
    }

    @Test
    void a_tls_accept_loop_handing_the_conn_to_a_package_function_is_found() {
        assertEquals(List.of("14:go-goroutine-per-accepted-connection"), conc02("gateway/tls.go", """
                package gateway

                import (
                	"crypto/tls"
                	"net"
                )

                func acceptAll(l net.Listener, cfg *tls.Config, routes *Table) {
                	for {
                		raw, err := l.Accept()
                		if err != nil {
                			return
                		}
                		go route(tls.Server(raw, cfg), routes)
                	}
                }
                """));
    }

    @Test
    void a_goroutine_per_connection_of_an_ssh_style_server_is_found() {
        assertEquals(List.of("15:go-goroutine-per-accepted-connection"), conc02("shell/listen.go", """
                package shell

                import (
                	"log"
                	"net"
                )

                func (d *Daemon) loop(l net.Listener) {
                	for {
                		nc, acceptErr := l.Accept()
                		if acceptErr != nil {
                			log.Printf("accept: %v", acceptErr)
                			return
                		}
                		go d.handshakeAndServe(nc, d.config)
                	}
                }
                """));
    }

    @Test
    void a_listener_wrapped_in_limit_listener_is_clean() {
        assertEquals(List.of(), conc02("relay/limited.go", """
                package relay

                import (
                	"net"

                	"golang.org/x/net/netutil"
                )

                func (r *Relay) Run(ln net.Listener) error {
                	ln = netutil.LimitListener(ln, r.maxClients)
                	for {
                		client, err := ln.Accept()
                		if err != nil {
                			return err
                		}
                		go r.pipe(client)
                	}
                }
                """));
    }

    @Test
    void a_semaphore_slot_taken_before_the_launch_is_clean() {
        assertEquals(List.of(), conc02("metrics/bounded.go", """
                package metrics

                import "net"

                func (s *Sink) serve(l net.Listener) {
                	for {
                		s.free <- struct{}{}
                		c, err := l.Accept()
                		if err != nil {
                			<-s.free
                			return
                		}
                		go func() {
                			defer func() { <-s.free }()
                			s.read(c)
                		}()
                	}
                }
                """));
    }

    @Test
    void a_fixed_pool_fed_with_accepted_connections_is_clean() {
        assertEquals(List.of(), conc02("agent/pool.go", """
                package agent

                import "net"

                func (a *Agent) accept(l net.Listener, work chan<- net.Conn) {
                	for i := 0; i < a.workers; i++ {
                		go a.worker(work)
                	}
                	for {
                		c, err := l.Accept()
                		if err != nil {
                			close(work)
                			return
                		}
                		work <- c
                	}
                }
                """));
    }

    @Test
    void a_goroutine_in_the_accept_loop_that_does_not_take_the_connection_is_clean() {
        assertEquals(List.of(), conc02("shell/tick.go", """
                package shell

                import "net"

                func (d *Daemon) loop(l net.Listener) {
                	for {
                		nc, err := l.Accept()
                		if err != nil {
                			return
                		}
                		go d.metrics.Inc()
                		d.serve(nc)
                	}
                }
                """));
    }
}
