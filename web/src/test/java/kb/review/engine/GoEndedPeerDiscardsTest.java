package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Set 17's false ERR-01 classes, each recognised by what the code in sight shows (session 25; none of set 17's code
 * is here): a conversion whose input is digits by construction (EU: an edit that keeps the same conversion's discard
 * and only narrows it, the port of an address value's String(), a round trip of strconv's own formatting); the Serve
 * of an http.Server on a listener it is handed, as a goroutine's whole body (JR); a reply written to a peer whose
 * connection is closed right after (FK); an ending step as the last work of a function without an error result (C).
 * The defects of the same shapes stay reported: a discard the edit adds, the port of a configured address,
 * ListenAndServe in a goroutine, a reply followed by more work, a close followed by more work or in a function that
 * returns an error.
 */
class GoEndedPeerDiscardsTest {

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).active().stream()
                .filter(f -> f.item().equals("ERR-01")).map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    private static final String EDITS = """
            diff --git a/rec/path.go b/rec/path.go
            index 1111111..2222222 100644
            --- a/rec/path.go
            +++ b/rec/path.go
            @@ -10,10 +10,10 @@ func parseStamp(groups map[string]string) time.Time {
             \tvar year, month int
             \tfor k, v := range groups {
             \t\tswitch k {
             \t\tcase "year":
            -\t\t\tn, _ := strconv.ParseInt(v, 10, 64)
            +\t\t\tn, _ := strconv.ParseInt(v, 10, 32)
             \t\t\tyear = int(n)
             \t\tcase "month":
            -\t\t\tn, err := strconv.Atoi(v)
            +\t\t\tn, _ := strconv.Atoi(v)
             \t\t\tmonth = n
             \t\t}
            @@ -40,6 +40,6 @@ func sourcePort(remote net.Addr) uint16 {
             \tif remote == nil {
             \t\treturn 0
             \t}
            -\tport, _ = strconv.Atoi(portText)
            +\tport, _ = strconv.ParseUint(portText, 10, 16)
             \treturn uint16(port)
             }
            """;

    @Test
    void an_edit_that_keeps_a_conversion_discard_is_quiet_and_one_that_adds_it_is_reported() {
        assertEquals(List.of("17:go-conversion-error-discarded"), found(EDITS));
    }

    @Test
    void ports_of_address_values_and_round_trips_are_quiet_configured_ports_are_reported() {
        String code = """
                package peer

                func describe(conn net.Conn, cfg Config) (int, int, int) {
                \t_, localText, _ := net.SplitHostPort(conn.LocalAddr().String())
                \tlocal, _ := strconv.Atoi(localText)
                \t_, remoteText, _ := net.SplitHostPort(conn.RemoteAddr().String())
                \tremote, _ := strconv.ParseUint(remoteText, 10, 16)
                \tround, _ := strconv.Atoi(strconv.Itoa(cfg.Workers))
                \t_, confText, _ := net.SplitHostPort(cfg.Listen)
                \tconf, _ := strconv.Atoi(confText)
                \treturn local + int(remote) + round, conf, 0
                }
                """;
        assertEquals(List.of("10:go-conversion-error-discarded"), found(GoNewFileDiffs.newFile("peer/peer.go", code)));
    }

    @Test
    void serve_on_a_handed_listener_replies_before_close_and_endings_of_errorless_functions_are_quiet() {
        String code = """
                package bridge

                func newBridge(ln net.Listener, h http.Handler) *bridge {
                \tb := &bridge{srv: &http.Server{Handler: h, ReadHeaderTimeout: time.Minute}}
                \tgo func() {
                \t\t_ = b.srv.Serve(ln)
                \t}()
                \tgo func() {
                \t\t_ = b.tlsSrv.ServeTLS(ln, "", "")
                \t}()
                \treturn b
                }

                func (s *Server) reject(conn net.Conn, reason string) {
                \t_ = s.codec.WriteFrame(conn, &Refusal{
                \t\tReason: reason,
                \t})
                \tconn.Close()
                }

                func (s *Server) refuse(c *wire.Conn, err error) {
                \t_ = c.SendError(err)
                \tc.Conn.Close()
                }

                func (m *Manager) Replace(old *Session) {
                \told.markReplaced()
                \tm.log.Infof("session %s replaced", old.ID)
                \t_ = old.interruptAndClose()
                }

                func (svc *Service) stopAll() {
                \tif svc.tunnel != nil {
                \t\t_ = svc.tunnel.Stop()
                \t\tsvc.tunnel = nil
                \t}
                }
                """;
        assertEquals(List.of(), found(GoNewFileDiffs.newFile("bridge/bridge.go", code)));
    }

    @Test
    void the_same_shapes_that_lose_an_error_stay_reported() {
        String code = """
                package bridge

                func start(addr string, h http.Handler) {
                \tsrv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: time.Minute}
                \tgo func() {
                \t\t_ = srv.ListenAndServe()
                \t}()
                }

                func (s *Server) greet(c *wire.Conn, hello *Hello) {
                \t_ = c.SendHello(hello)
                \ts.sessions.Add(c)
                \ts.serve(c)
                }

                func (m *Manager) Replace(old *Session) {
                \t_ = old.interruptAndClose()
                \tm.replaced++
                }

                func (m *Manager) rotate(old *Session) {
                \t_ = old.shutdownStream()
                \tm.sessions.Add(newSession())
                \tm.publish()
                }
                """;
        assertEquals(List.of("11:go-error-assigned-to-blank", "17:go-error-assigned-to-blank",
                        "22:go-error-assigned-to-blank", "6:go-error-assigned-to-blank"),
                found(GoNewFileDiffs.newFile("bridge/start.go", code)));
    }
}
