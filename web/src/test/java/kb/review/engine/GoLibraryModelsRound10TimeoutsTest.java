package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-10 Go models of dials and clients that wait without limit (TMO-01; content/rules/models/go-libraries-3.yaml):
 * a TLS dial, net/smtp sending, an FTP dial, a blocking gRPC dial and a cleanhttp client, each against the look-alike
 * bounded by a dialer, a connection deadline, an option or a timeout field. Split from
 * {@link GoLibraryModelsRound10Test}; {@code file} puts "package svc" and a blank line first, so a body's line n is the
 * file's line n + 2.
 */
class GoLibraryModelsRound10TimeoutsTest {

    // --- TMO-01: dials and clients without a timeout

    @Test
    void a_tls_dial_is_reported_and_a_dial_through_a_dialer_with_a_timeout_is_clean() {
        String body = """
                import (
                	"crypto/tls"
                	"net"
                	"time"
                )

                func connect(addr string, cfg *tls.Config) (*tls.Conn, error) {
                	return %s
                }
                """;
        assertEquals(List.of("10:go-dial-no-timeout"), item(file("wire/tls.go",
                body.formatted("tls.Dial(\"tcp\", addr, cfg)")), "TMO-01"));
        assertEquals(List.of(), item(file("wire/tls.go", body.formatted(
                "tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, \"tcp\", addr, cfg)")), "TMO-01"));
    }

    @Test
    void net_smtp_sending_is_reported_and_a_client_over_a_bounded_connection_is_clean() {
        assertEquals(List.of("6:go-dial-no-timeout"), item(file("mail/send.go", """
                import "net/smtp"

                func notify(host string, auth smtp.Auth, to []string, msg []byte) error {
                	return smtp.SendMail(host+":587", auth, "alerts@example.org", to, msg)
                }
                """), "TMO-01"));
        assertEquals(List.of(), item(file("mail/send.go", """
                import (
                	"net"
                	"net/smtp"
                	"time"
                )

                func open(host string) (*smtp.Client, error) {
                	conn, err := net.DialTimeout("tcp", host+":587", 10*time.Second)
                	if err != nil {
                		return nil, err
                	}
                	return smtp.NewClient(conn, host)
                }
                """), "TMO-01"));
    }

    @Test
    void an_ftp_dial_without_a_timeout_option_is_reported_and_one_with_it_is_clean() {
        String body = """
                import (
                	"time"

                	"github.com/jlaffaye/ftp"
                )

                func login(addr string) (*ftp.ServerConn, error) {
                	return ftp.Dial(addr%s)
                }
                """;
        assertEquals(List.of("10:go-dial-no-timeout"), item(file("sync/ftp.go", body.formatted("")), "TMO-01"));
        assertEquals(List.of(), item(file("sync/ftp.go",
                body.formatted(", ftp.DialWithTimeout(5*time.Second)")), "TMO-01"));
    }

    @Test
    void a_blocking_grpc_dial_without_a_timeout_is_reported_and_a_bounded_one_is_clean() {
        String body = """
                import (
                	"time"

                	"google.golang.org/grpc"
                )

                func connect(target string) (*grpc.ClientConn, error) {
                	return grpc.Dial(target, grpc.WithBlock()%s)
                }
                """;
        assertEquals(List.of("10:go-dial-no-timeout"), item(file("rpc/dial.go", body.formatted("")), "TMO-01"));
        assertEquals(List.of(), item(file("rpc/dial.go",
                body.formatted(", grpc.WithTimeout(3*time.Second)")), "TMO-01"));
    }

    @Test
    void a_cleanhttp_client_without_a_timeout_is_reported_and_one_given_it_is_clean() {
        String body = """
                import (
                	"time"

                	"github.com/hashicorp/go-cleanhttp"
                )

                func newFetcher() *Fetcher {
                	c := cleanhttp.DefaultPooledClient()
                %s	return &Fetcher{http: c}
                }
                """;
        assertEquals(List.of("10:go-client-no-timeout"), item(file("fetch/client.go", body.formatted("")), "TMO-01"));
        assertEquals(List.of(), item(file("fetch/client.go",
                body.formatted("\tc.Timeout = 30 * time.Second\n")), "TMO-01"));
    }
}
