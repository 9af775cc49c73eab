package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 26 (README "javares26 (session 26)"): the connecting Socket constructors. {@code new Socket(host, port)},
 * {@code new Socket(address, port)} and the four-argument forms with a local address connect before they return and
 * take no connect timeout, so an unreachable host holds the caller until the operating system gives up (TMO-01, rule
 * java-socket-connect-no-timeout). The unconnected constructors ({@code new Socket()}, {@code new Socket(proxy)})
 * followed by {@code connect(address, timeout)} are the bounded form and are not reported. Fixtures are written for
 * these tests; findings are compared as "line:item".
 */
class JavaSocketConnectSession26Test {

    private static List<String> timeouts(String path, String source) {
        return TestRules.reviewDiff(JavaModelsRound7Test.newFile(path, source)).active().stream()
                .filter(f -> f.item().equals("TMO-01"))
                .map(f -> f.line() + ":" + f.item()).distinct().sorted().toList();
    }

    private static void reportedAt(int line, String path, String source) {
        List<String> found = timeouts(path, source);
        assertTrue(found.contains(line + ":TMO-01"), found.toString());
    }

    // --- defects: a constructor that connects with no bound, in five shapes ---

    @Test
    void a_local_socket_built_from_host_and_port() {
        reportedAt(10, "src/main/java/plant/RegisterReader.java", """
                package plant;

                import java.io.IOException;
                import java.net.Socket;

                public class RegisterReader {
                    private final String host;
                    RegisterReader(String host) { this.host = host; }
                    public int read(int unit) throws IOException {
                        Socket link = new Socket(host, 502);
                        try {
                            link.setSoTimeout(3000);
                            return link.getInputStream().read();
                        } finally {
                            link.close();
                        }
                    }
                }
                """);
    }

    @Test
    void a_try_with_resources_socket_from_a_resolved_address() {
        reportedAt(9, "src/main/java/mailcheck/BannerProbe.java", """
                package mailcheck;

                import java.io.IOException;
                import java.net.InetAddress;
                import java.net.Socket;

                final class BannerProbe {
                    static boolean answers(String relay) throws IOException {
                        try (Socket s = new Socket(InetAddress.getByName(relay), 25)) {
                            s.setSoTimeout(2_000);
                            return s.getInputStream().read() == '2';
                        }
                    }
                }
                """);
    }

    @Test
    void a_field_socket_bound_to_a_local_address_by_the_four_argument_form() {
        reportedAt(13, "src/main/java/feed/QuoteLine.java", """
                package feed;

                import java.io.IOException;
                import java.net.InetAddress;

                public class QuoteLine implements AutoCloseable {
                    private java.net.Socket wire;
                    private final Endpoint remote;
                    private final InetAddress nic;
                    QuoteLine(Endpoint remote, InetAddress nic) { this.remote = remote; this.nic = nic; }

                    public void open() throws IOException {
                        this.wire = new java.net.Socket(remote.host(), remote.port(), nic, 0);
                        wire.setSoTimeout(15_000);
                    }

                    @Override
                    public void close() throws IOException { wire.close(); }
                }
                """);
    }

    @Test
    void a_factory_method_that_returns_the_connected_socket() {
        reportedAt(9, "src/main/java/relay/Upstreams.java", """
                package relay;

                import java.io.IOException;
                import java.net.InetSocketAddress;
                import java.net.Socket;

                final class Upstreams {
                    static Socket dial(InetSocketAddress target) throws IOException {
                        Socket s = new Socket(target.getHostString(), target.getPort());
                        s.setSoTimeout(10_000);
                        s.setTcpNoDelay(true);
                        return s;
                    }
                }
                """);
    }

    @Test
    void a_socket_assigned_after_its_declaration_in_a_retry_loop() {
        reportedAt(14, "src/main/java/metrics/LineSender.java", """
                package metrics;

                import java.io.IOException;
                import java.io.OutputStream;
                import java.net.Socket;

                class LineSender {
                    private Socket conn;
                    private final String collector;
                    LineSender(String collector) { this.collector = collector; }
                    void send(byte[] line) throws IOException {
                        for (int attempt = 0; ; attempt++) {
                            if (conn == null) {
                                conn = new Socket(collector, 2003);
                                conn.setSoTimeout(5_000);
                            }
                            try {
                                OutputStream out = conn.getOutputStream();
                                out.write(line);
                                return;
                            } catch (IOException e) {
                                conn.close();
                                conn = null;
                                if (attempt == 2) throw e;
                            }
                        }
                    }
                }
                """);
    }

    // --- look-alikes: unconnected constructors, a bounded connect, other socket types ---

    @Test
    void an_unconnected_socket_then_a_bounded_connect_is_clean() {
        assertEquals(List.of(), timeouts("src/main/java/plant/RegisterReader.java", """
                package plant;

                import java.io.IOException;
                import java.net.InetSocketAddress;
                import java.net.Socket;

                public class RegisterReader {
                    public int read(String host, int unit) throws IOException {
                        Socket link = new Socket();
                        try {
                            link.connect(new InetSocketAddress(host, 502), 3000);
                            link.setSoTimeout(3000);
                            return link.getInputStream().read();
                        } finally {
                            link.close();
                        }
                    }
                }
                """));
    }

    @Test
    void a_socket_through_a_proxy_connected_with_a_timeout_is_clean() {
        assertEquals(List.of(), timeouts("src/main/java/relay/Tunnel.java", """
                package relay;

                import java.io.IOException;
                import java.net.InetSocketAddress;
                import java.net.Proxy;
                import java.net.Socket;

                final class Tunnel {
                    static Socket via(Proxy socks, InetSocketAddress target, int millis) throws IOException {
                        Socket s = new Socket(socks);
                        s.setSoTimeout(millis);
                        s.connect(target, millis);
                        return s;
                    }
                }
                """));
    }

    @Test
    void a_connect_to_this_machine_is_answered_at_once_and_is_clean() {
        assertEquals(List.of(), timeouts("src/main/java/ops/LocalAgent.java", """
                package ops;

                import java.io.IOException;
                import java.net.InetAddress;
                import java.net.Socket;

                final class LocalAgent {
                    static void ping(int port) throws IOException {
                        try (Socket a = new Socket("localhost", port); Socket b = new Socket("127.0.0.1", port);
                             Socket c = new Socket(InetAddress.getLoopbackAddress(), port)) {
                            a.setSoTimeout(500);
                            b.setSoTimeout(500);
                            c.setSoTimeout(500);
                        }
                    }
                }
                """));
    }

    @Test
    void a_server_socket_with_a_backlog_is_not_a_connect() {
        assertEquals(List.of(), timeouts("src/main/java/feed/Acceptor.java", """
                package feed;

                import java.io.IOException;
                import java.net.ServerSocket;

                final class Acceptor implements AutoCloseable {
                    private final ServerSocket listener;
                    Acceptor(int port) throws IOException {
                        listener = new ServerSocket(port, 128);
                    }
                    @Override
                    public void close() throws IOException { listener.close(); }
                }
                """));
    }

    // --- a bare JSch connect on a field whose declaration is out of sight: its type is read from the assignment the
    // hunk shows (a factory named for its product, or a cast); with neither visible the type is unknown and nothing
    // is reported ---

    private static List<String> hunkTimeouts(String body) {
        return TestRules.reviewDiff(Round5ClassesTest.hunk("src/main/java/ops/Remote.java", 40, 40, body)).active()
                .stream().filter(f -> f.item().equals("TMO-01")).map(f -> f.line() + ":" + f.item()).distinct()
                .sorted().toList();
    }

    @Test
    void a_session_field_assigned_from_get_session_then_connected_bare() {
        assertEquals(List.of("42:TMO-01"), hunkTimeouts("""
                         session = jsch.getSession(user, host, 22);
                         session.setPassword(secret);
                -        session.connect(connectMillis);
                +        session.connect();
                         openShell();
                """));
    }

    @Test
    void a_this_qualified_session_from_a_differently_named_factory_receiver() {
        assertEquals(List.of("42:TMO-01"), hunkTimeouts("""
                         this.tunnel = sshLib.getSession(account, bastion);
                +        this.tunnel.setConfig("StrictHostKeyChecking", "yes");
                +        this.tunnel.connect();
                         forwardPorts();
                """));
    }

    @Test
    void an_sftp_channel_field_from_a_cast_then_connected_bare() {
        assertEquals(List.of("41:TMO-01"), hunkTimeouts("""
                         sftp = (ChannelSftp) sess.openChannel("sftp");
                -        sftp.connect(5_000);
                +        sftp.connect();
                         sftp.cd(remoteDir);
                """));
    }

    @Test
    void an_exec_channel_field_from_a_cast_inside_a_try() {
        assertEquals(List.of("43:TMO-01"), hunkTimeouts("""
                         try {
                             runner = (ChannelExec) link.openChannel("exec");
                +            runner.setCommand(script);
                +            runner.connect();
                         } catch (JSchException e) {
                """));
    }

    @Test
    void a_shell_channel_from_an_uncast_open_channel_is_a_channel() {
        assertEquals(List.of("42:TMO-01"), hunkTimeouts("""
                         console = remote.openChannel("shell");
                         console.setInputStream(keys);
                +        console.connect();
                         pump(console);
                """));
    }

    @Test
    void a_session_field_given_set_timeout_before_the_bare_connect_is_clean() {
        assertEquals(List.of(), hunkTimeouts("""
                         session = jsch.getSession(user, host, 22);
                +        session.setTimeout(connectMillis);
                         session.setPassword(secret);
                +        session.connect();
                """));
    }

    @Test
    void a_field_from_a_pool_connection_getter_is_not_a_jsch_session() {
        // (session 52) the deleted argument is a retry count: an argument named for a timeout dropped from a kept
        // call is a bound taken off (StrippedTimeouts), whatever the receiver's type, and is not this test's question
        assertEquals(List.of(), hunkTimeouts("""
                         link = pool.getConnection();
                -        link.connect(retries);
                +        link.connect();
                         link.send(frame);
                """));
    }

    @Test
    void a_field_with_no_visible_declaration_or_assignment_is_not_reported() {
        assertEquals(List.of(), hunkTimeouts("""
                         ensureOpen();
                -        session.connect(connectMillis);
                +        session.connect();
                         openShell();
                """));
    }

    @Test
    void a_comparison_is_not_an_assignment() {
        assertEquals(List.of(), hunkTimeouts("""
                         if (conn == pool.getSession()) {
                +            conn.connect();
                         }
                """));
    }

    // --- a socket only connected and closed (a port probe) reads nothing: no read timeout to ask for (session 52) ---

    @Test
    void a_port_probe_that_connects_with_a_bound_and_closes_is_clean() {
        assertEquals(List.of(), timeouts("src/main/java/relay/PortCheck.java", """
                package relay;

                import java.io.IOException;
                import java.net.InetSocketAddress;
                import java.net.Socket;

                final class PortCheck {
                    static boolean listening(String host, int port) {
                        try (Socket probe = new Socket()) {
                            probe.connect(new InetSocketAddress(host, port), 500);
                            return probe.isConnected();
                        } catch (IOException e) {
                            return false;
                        }
                    }
                }
                """));
    }

    @Test
    void a_probe_that_then_reads_a_banner_without_a_read_timeout_is_still_reported() {
        reportedAt(9, "src/main/java/relay/PortCheck.java", """
                package relay;

                import java.io.IOException;
                import java.net.InetSocketAddress;
                import java.net.Socket;

                final class PortCheck {
                    static int banner(String host, int port) {
                        try (Socket probe = new Socket()) {
                            probe.connect(new InetSocketAddress(host, port), 500);
                            return probe.getInputStream().read();
                        } catch (IOException e) {
                            return -1;
                        }
                    }
                }
                """);
    }
}
