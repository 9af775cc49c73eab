package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-01's Go class of a teardown goroutine whose value is typed by an interface the file declares: a pool's
 * {@code go p.discard(c)} whose helper only closes {@code c Conn} (its error ignored or logged). The call runs the
 * connection's Close, whatever implements it, not the pool's own Close that the diff happens to show, so the helper
 * runs none of the program's work and a recover would have nothing to catch (set 17's AH rows of a mail server's
 * pool). A helper that also runs the program's code, or a value of a concrete type whose visible Close does work,
 * is still reported.
 */
class GoInterfaceTeardownTest {

    private static final String POOL = """
                package pool

                import "log"

                type Conn interface {
                	Close() error
                	Write(b []byte) (int, error)
                }

                type Pool struct {
                	idle []Conn
                }

                // Close flushes the pool's statistics and closes every idle connection.
                func (p *Pool) Close() {
                	p.flushStats()
                	for _, c := range p.idle {
                		c.Close()
                	}
                }

                func (p *Pool) Put(c Conn, broken bool) {
                	if broken {
                		go p.discard(c)
                		return
                	}
                	p.idle = append(p.idle, c)
                }

                func (p *Pool) discard(c Conn) {
                %s
                }
                """;

    private static final String HELPERS = """

                func (p *Pool) refill() {
                	p.idle = append(p.idle, p.dial())
                }

                func (p *Pool) account(c Conn) {
                	p.stats[c]++
                }

                func (p *Pool) drain(c Conn) {
                	buf := make([]byte, 512)
                	c.Write(buf)
                }
                """;

    private static List<String> pool(String discardBody) {
        return GoRound8ClassesTest.item(GoNewFileDiffs.newFile("pool/pool.go",
                POOL.formatted(discardBody) + HELPERS), "CONC-01");
    }

    private static final List<String> REPORTED = List.of("24:go-goroutine-without-recover");

    @Test
    void a_close_whose_error_is_logged_is_clean() {
        assertEquals(List.of(), pool("\tif err := c.Close(); err != nil {\n\t\tlog.Printf(\"closing: %v\", err)\n\t}"));
    }

    @Test
    void a_close_whose_error_is_ignored_is_clean() {
        assertEquals(List.of(), pool("\t_ = c.Close()"));
    }

    @Test
    void a_plain_close_is_clean() {
        assertEquals(List.of(), pool("\tc.Close()"));
    }

    @Test
    void a_close_then_a_refill_of_the_pool_is_reported() {
        assertEquals(REPORTED, pool("\tc.Close()\n\tp.refill()"));
    }

    @Test
    void a_goodbye_write_and_accounting_before_the_close_are_reported() {
        assertEquals(REPORTED, pool("\tc.Write([]byte(\"bye\"))\n\tp.account(c)\n\tc.Close()"));
    }

    @Test
    void a_drain_before_the_close_is_reported() {
        assertEquals(REPORTED, pool("\tp.drain(c)\n\t_ = c.Close()"));
    }

    private static final String CONCRETE = """
                package pool

                type tcpConn struct {
                	buf []byte
                }

                func (c *tcpConn) Close() error {
                	c.flush()
                	return nil
                }

                func (c *tcpConn) flush() {
                	c.buf = c.buf[:0]
                }

                type Pool struct{}

                func (p *Pool) Put(c *tcpConn) {
                	go p.discard(c)
                }

                func (p *Pool) discard(c *tcpConn) {
                	c.Close()
                }
                """;

    @Test
    void a_concrete_connection_whose_close_flushes_is_reported() {
        assertEquals(List.of("19:go-goroutine-without-recover"),
                GoRound8ClassesTest.item(GoNewFileDiffs.newFile("pool/tcp.go", CONCRETE), "CONC-01"));
    }

    @Test
    void a_concrete_connection_closed_with_its_error_logged_is_reported() {
        String logged = CONCRETE.replace("func (p *Pool) discard(c *tcpConn) {\n\tc.Close()",
                "func (p *Pool) discard(c *tcpConn) {\n\tif err := c.Close(); err != nil {\n\t\tlog.Print(err)\n\t}");
        assertEquals(List.of("19:go-goroutine-without-recover"),
                GoRound8ClassesTest.item(GoNewFileDiffs.newFile("pool/tcp.go", logged), "CONC-01"));
    }
}
