package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 26's breadth cases for CONC-02 in Go, each the shape a public fix thread removed (rewritten here with new
 * names and code): an APM intake server that started a goroutine for every accepted connection (elastic/apm-server
 * issue 736, fixed with netutil.LimitListener), a p2p transport whose inbound connections were tracked without a bound
 * (dashpay/tenderdash PR 1356, a listener of its own with a slot channel), a FUSE server that started a goroutine per
 * request read from the kernel (asjoyner/fuse_gdrive PR 2, a worker pool), a gRPC stream server that would start one
 * per received message (kubernetes-sigs/gateway-api-inference-extension PR 2737, one reader goroutine and a channel),
 * and a stream-accept loop (ansible/receptor PR 88). Each defect has a look-alike the fix made clean.
 */
class GoConcurrencyBreadth26Test {

    private static List<String> conc02(String path, String source) {
        return GoRound8ClassesTest.item(GoNewFileDiffs.newFile(path, source), "CONC-02");
    }

    @Test
    void an_intake_server_with_a_goroutine_per_connection_is_found() {
        assertEquals(List.of("12:go-goroutine-per-accepted-connection"), conc02("intake/listen.go", """
                package intake

                import "net"

                func (s *Intake) serve(ln net.Listener) error {
                	for {
                		conn, err := ln.Accept()
                		if err != nil {
                			return err
                		}
                		s.opened.Add(1)
                		go s.readEvents(conn)
                	}
                }
                """));
    }

    @Test
    void the_intake_server_over_a_limited_listener_is_clean() {
        assertEquals(List.of(), conc02("intake/listen.go", """
                package intake

                import (
                	"net"

                	"golang.org/x/net/netutil"
                )

                func (s *Intake) serve(raw net.Listener) error {
                	ln := netutil.LimitListener(raw, s.cfg.MaxConnections)
                	for {
                		conn, err := ln.Accept()
                		if err != nil {
                			return err
                		}
                		go s.readEvents(conn)
                	}
                }
                """));
    }

    @Test
    void a_p2p_transport_tracking_every_inbound_connection_is_found() {
        assertEquals(List.of("13:go-goroutine-per-accepted-connection"), conc02("p2p/inbound.go", """
                package p2p

                import "net"

                func (t *Transport) acceptPeers(l net.Listener) {
                	for {
                		nc, err := l.Accept()
                		if err != nil {
                			t.logger.Error("accept", "err", err)
                			return
                		}
                		t.track(nc)
                		go t.handshake(nc)
                	}
                }
                """));
    }

    @Test
    void the_transport_over_its_own_slot_listener_is_clean() {
        assertEquals(List.of(), conc02("p2p/inbound.go", """
                package p2p

                import "net"

                func (t *Transport) acceptPeers(raw net.Listener) {
                	l := newSlotLimitListener(raw, t.maxInbound)
                	for {
                		nc, err := l.Accept()
                		if err != nil {
                			return
                		}
                		go t.handshake(nc)
                	}
                }
                """).stream().filter(f -> f.contains("accepted")).toList());
    }

    @Test
    void a_fuse_server_with_a_goroutine_per_kernel_request_is_found() {
        assertEquals(List.of("11:go-goroutine-per-read-message"), conc02("mount/serve.go", """
                package mount

                func (fs *DriveFS) Serve(c *fuse.Conn) error {
                	for {
                		req, err := c.ReadRequest()
                		if err == io.EOF {
                			return nil
                		} else if err != nil {
                			return err
                		}
                		go fs.handle(req)
                	}
                }
                """));
    }

    @Test
    void the_fuse_server_feeding_a_fixed_pool_is_clean() {
        assertEquals(List.of(), conc02("mount/serve.go", """
                package mount

                func (fs *DriveFS) Serve(c *fuse.Conn, work chan<- fuse.Request) error {
                	for {
                		req, err := c.ReadRequest()
                		if err != nil {
                			close(work)
                			return err
                		}
                		work <- req
                	}
                }
                """));
    }

    @Test
    void a_stream_server_with_a_goroutine_per_received_message_is_found() {
        assertEquals(List.of("10:go-goroutine-per-read-message"), conc02("ext/process.go", """
                package ext

                func (s *Server) Process(stream Processor_ProcessServer) error {
                	ctx := stream.Context()
                	for {
                		in, err := stream.Recv()
                		if err != nil {
                			return err
                		}
                		go s.score(ctx, in, stream)
                	}
                }
                """));
    }

    @Test
    void the_stream_server_with_a_slot_per_message_is_clean() {
        assertEquals(List.of(), conc02("ext/process.go", """
                package ext

                func (s *Server) Process(stream Processor_ProcessServer) error {
                	ctx := stream.Context()
                	for {
                		in, err := stream.Recv()
                		if err != nil {
                			return err
                		}
                		s.slots <- struct{}{}
                		go func() {
                			defer func() { <-s.slots }()
                			s.score(ctx, in, stream)
                		}()
                	}
                }
                """));
    }

    @Test
    void a_session_accepting_streams_with_a_goroutine_each_is_found() {
        assertEquals(List.of("9:go-goroutine-per-read-message"), conc02("mesh/session.go", """
                package mesh

                func (m *Mesh) streams(ctx context.Context, sess quic.Connection) {
                	for {
                		st, err := sess.AcceptStream(ctx)
                		if err != nil {
                			return
                		}
                		go m.route(st)
                	}
                }
                """));
    }

    @Test
    void one_reader_goroutine_started_before_the_loop_is_clean() {
        assertEquals(List.of(), conc02("mesh/reader.go", """
                package mesh

                func (m *Mesh) pump(stream Stream, out chan<- Frame) {
                	go func() {
                		for {
                			f, err := stream.Recv()
                			if err != nil {
                				close(out)
                				return
                			}
                			out <- f
                		}
                	}()
                }
                """));
    }
}
