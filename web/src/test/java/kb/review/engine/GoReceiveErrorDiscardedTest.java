package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, {@code go-receive-error-discarded} (session 26, round 22's go-24): a receive from a connection, a stream or
 * a subscription whose error, the last result, goes to '_' while what came back is kept. When the peer fails or
 * hangs up the data is nil or empty, and the code parses an empty batch, handles a nil message or spins on io.EOF.
 * Defects in five libraries and arities (a netlink socket's three results, a gRPC stream, a NATS subscription, a
 * websocket, a UDP socket); clean look-alikes: the error checked, every result dropped on purpose with a comment, a
 * channel receive, and a call of another name with an ok flag. Code written for this test.
 */
class GoReceiveErrorDiscardedTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.rule().equals("go-receive-error-discarded")).map(f -> f.line() + "").toList();
    }

    @Test
    void receives_whose_error_goes_to_blank_are_reported_in_every_library_and_arity() {
        String code = """
                package relay

                func (c *Collector) batch() []Sample {
                \tmsgs, _, _ := c.sock.Receive()
                \treturn decodeAll(msgs)
                }

                func (s *Server) Upload(stream pb.Store_UploadServer) error {
                \tfor {
                \t\tchunk, _ := stream.Recv()
                \t\ts.buf = append(s.buf, chunk.GetData()...)
                \t}
                }

                func (w *Watcher) next() string {
                \tmsg, _ := w.sub.NextMsg(2 * time.Second)
                \treturn string(msg.Data)
                }

                func (h *Hub) pump(ws *websocket.Conn) {
                \tfor {
                \t\t_, frame, _ := ws.ReadMessage()
                \t\th.broadcast <- frame
                \t}
                }

                func (d *Discovery) listen(pc *net.UDPConn) {
                \tbuf := make([]byte, 1500)
                \tn, from, _ := pc.ReadFromUDP(buf)
                \td.seen(from, buf[:n])
                }
                """;
        assertEquals(List.of("4", "10", "16", "22", "29"), found("relay/relay.go", code));
    }

    @Test
    void a_checked_receive_a_commented_discard_a_channel_and_an_ok_flag_are_quiet() {
        String code = """
                package relay

                func (c *Collector) batch() ([]Sample, error) {
                \tmsgs, _, err := c.sock.Receive()
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \treturn decodeAll(msgs), nil
                }

                func (w *Watcher) drain() {
                \tfor w.sub.IsValid() {
                \t\tmsg, _ := w.sub.NextMsg(0) // a timeout ends the drain; the loop test sees a closed subscription
                \t\tw.count(msg)
                \t}
                }

                func (h *Hub) relay(in <-chan []byte) {
                \tframe, _ := <-in
                \th.broadcast <- frame
                }

                func (r *Registry) peer(id string) *Peer {
                \tp, _ := r.peers.Load(id)
                \treturn p.(*Peer)
                }
                """;
        assertEquals(List.of(), found("relay/relay.go", code));
    }
}
