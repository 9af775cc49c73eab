package kb.review.engine;

import static kb.review.engine.Round5ClassesTest.hunk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 25's Java resource and timeout classes (README "javares25 (session 25)"): remote shell and file-transfer
 * sessions (JSch, Apache MINA SSHD, sshj, Commons Net FTP, JavaMail) that hold nothing until they connect and wait
 * without limit unless given a timeout; clients built per call (OkHttp, HttpClient 5, the JDK client handed to a
 * private helper, WebClient, AWS, MongoDB, Jedis, gRPC, Netty event loop groups); and TMO-01's clean shapes: jOOQ
 * queries that each set {@code queryTimeout}, timeouts set whenever the configuration gives one (the clients in
 * {@link ClientsPerCallSession25Test}, TMO-01's shapes in {@link ConfiguredTimeoutsSession25Test}). The fixtures are
 * written for these tests from each library's API; findings are compared as "line:item".
 */
class RemoteSessionsSession25Test {

    static List<String> items(String path, String source) {
        return TestRules.reviewDiff(JavaModelsRound7Test.newFile(path, source)).active().stream()
                .filter(f -> f.item().startsWith("RES-") || f.item().startsWith("TMO-") || f.item().startsWith("TX-"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    static List<String> items(String diff) {
        return TestRules.reviewDiff(diff).active().stream()
                .filter(f -> f.item().startsWith("RES-") || f.item().startsWith("TMO-"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    // --- edits: a session's finally taken away, a connect's timeout argument dropped (the shapes of round 21) ---

    @Test
    void an_edit_that_moves_the_session_disconnect_out_of_finally_is_reported_at_the_session() {
        List<String> found = items(hunk("src/main/java/x/Mirror.java", 40, 40, """
                         Session s = jsch.getSession(user, host, port);
                         s.setTimeout(20_000);
                         s.connect(10_000);
                -        try {
                -            ChannelExec ch = (ChannelExec) s.openChannel("exec");
                -            ch.setCommand(cmd);
                -            ch.connect(10_000);
                -            return read(ch);
                -        } finally {
                -            s.disconnect();
                -        }
                +        ChannelExec ch = (ChannelExec) s.openChannel("exec");
                +        ch.setCommand(cmd);
                +        ch.connect(10_000);
                +        String out = read(ch);
                +        s.disconnect();
                +        return out;
                     }
                """));
        assertEquals(true, found.contains("40:RES-01"), found.toString());
    }

    @Test
    void an_edit_that_drops_the_connect_timeout_argument_is_reported_at_the_connect() {
        assertEquals(List.of("43:TMO-01"), items(hunk("src/main/java/x/Mirror.java", 40, 40, """
                         Session s = jsch.getSession(user, host, port);
                         s.setPassword(secret);
                         s.setConfig("StrictHostKeyChecking", "yes");
                -        s.connect(timeoutMs);
                +        s.connect();
                         try {
                """)));
    }

    @Test
    void an_edit_that_sets_the_session_timeout_before_a_bare_connect_is_clean() {
        assertEquals(List.of(), items(hunk("src/main/java/x/Mirror.java", 40, 40, """
                         Session s = jsch.getSession(user, host, port);
                         s.setPassword(secret);
                -        s.connect(timeoutMs);
                +        s.setTimeout(timeoutMs);
                +        s.connect();
                         try {
                """)));
    }

    @Test
    void a_jsch_session_and_channel_disconnected_only_after_the_work_leak_when_it_throws() {
        assertEquals(List.of("11:RES-01", "14:RES-01"), items("src/main/java/ops/deploy/RemoteRunner.java", """
            package ops.deploy;

            import com.jcraft.jsch.ChannelExec;
            import com.jcraft.jsch.JSch;
            import com.jcraft.jsch.Session;

            public class RemoteRunner {
                private final JSch ssh = new JSch();

                public int run(String user, String host, String command) throws Exception {
                    Session remote = ssh.getSession(user, host, 22);
                    remote.setTimeout(15000);
                    remote.connect(10000);
                    ChannelExec exec = (ChannelExec) remote.openChannel("exec");
                    exec.setCommand(command);
                    exec.connect(10000);
                    while (!exec.isClosed()) {
                        Thread.sleep(100);
                    }
                    int status = exec.getExitStatus();
                    exec.disconnect();
                    remote.disconnect();
                    return status;
                }
            }
            """));
    }

    @Test
    void jsch_session_and_channel_connect_without_an_argument_wait_without_limit() {
        assertEquals(List.of("17:TMO-01", "20:TMO-01"), items("src/main/java/ops/backup/Uploader.java", """
            package ops.backup;

            import com.jcraft.jsch.ChannelSftp;
            import com.jcraft.jsch.JSch;
            import com.jcraft.jsch.Session;

            public class Uploader {
                private final JSch jsch;

                public Uploader(JSch jsch) {
                    this.jsch = jsch;
                }

                public void upload(String host, String local, String remote) throws Exception {
                    Session session = jsch.getSession("backup", host, 22);
                    try {
                        session.connect();
                        ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
                        try {
                            sftp.connect();
                            sftp.put(local, remote);
                        } finally {
                            sftp.disconnect();
                        }
                    } finally {
                        session.disconnect();
                    }
                }
            }
            """));
    }

    @Test
    void a_mina_session_verified_without_a_duration_and_closed_by_hand() {
        assertEquals(List.of("14:RES-01", "14:TMO-01", "16:TMO-01"), items("src/main/java/infra/ssh/Probe.java", """
            package infra.ssh;

            import org.apache.sshd.client.SshClient;
            import org.apache.sshd.client.session.ClientSession;

            public class Probe {
                private final SshClient client;

                public Probe(SshClient client) {
                    this.client = client;
                }

                public String hostname(String user, String host, String password) throws Exception {
                    ClientSession session = client.connect(user, host, 22).verify().getSession();
                    session.addPasswordIdentity(password);
                    session.auth().verify();
                    String out = session.executeRemoteCommand("hostname");
                    session.close();
                    return out.trim();
                }
            }
            """));
    }

    @Test
    void an_sshj_client_without_connect_or_socket_timeout() {
        assertEquals(List.of("8:TMO-01"), items("src/main/java/fleet/agent/Shell.java", """
            package fleet.agent;

            import net.schmizz.sshj.SSHClient;
            import net.schmizz.sshj.connection.channel.direct.Session;

            public class Shell {
                public String uptime(String host, String user, String keyFile) throws Exception {
                    SSHClient ssh = new SSHClient();
                    ssh.loadKnownHosts();
                    ssh.connect(host);
                    try {
                        ssh.authPublickey(user, keyFile);
                        try (Session s = ssh.startSession()) {
                            Session.Command cmd = s.exec("uptime");
                            return new String(cmd.getInputStream().readAllBytes());
                        }
                    } finally {
                        ssh.disconnect();
                    }
                }
            }
            """));
    }

    @Test
    void an_ftp_client_disconnected_only_after_the_transfer_leaks_when_it_throws() {
        assertEquals(List.of("9:RES-01"), items("src/main/java/edi/transfer/FtpDrop.java", """
            package edi.transfer;

            import java.io.InputStream;
            import org.apache.commons.net.ftp.FTP;
            import org.apache.commons.net.ftp.FTPClient;

            public class FtpDrop {
                public boolean send(String host, String user, String pass, String name, InputStream data) throws Exception {
                    FTPClient ftp = new FTPClient();
                    ftp.setConnectTimeout(5000);
                    ftp.setDefaultTimeout(30000);
                    ftp.connect(host);
                    ftp.login(user, pass);
                    ftp.setFileType(FTP.BINARY_FILE_TYPE);
                    boolean ok = ftp.storeFile(name, data);
                    ftp.logout();
                    ftp.disconnect();
                    return ok;
                }
            }
            """));
    }

    @Test
    void a_mail_transport_closed_only_after_sending_leaks_when_it_throws() {
        assertEquals(List.of("15:RES-01"), items("src/main/java/notify/mail/Sender.java", """
            package notify.mail;

            import jakarta.mail.Message;
            import jakarta.mail.Session;
            import jakarta.mail.Transport;

            public class Sender {
                private final Session mailSession;

                public Sender(Session mailSession) {
                    this.mailSession = mailSession;
                }

                public void send(Message message, String user, String password) throws Exception {
                    Transport transport = mailSession.getTransport("smtp");
                    transport.connect(user, password);
                    transport.sendMessage(message, message.getAllRecipients());
                    transport.close();
                }
            }
            """));
    }

    @Test
    void a_jsch_session_with_set_timeout_and_disconnects_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/ops/deploy/SafeRunner.java", """
            package ops.deploy;

            import com.jcraft.jsch.ChannelExec;
            import com.jcraft.jsch.JSch;
            import com.jcraft.jsch.Session;

            public class SafeRunner {
                private final JSch ssh = new JSch();

                public int run(String user, String host, String command) throws Exception {
                    Session remote = ssh.getSession(user, host, 22);
                    try {
                        remote.setTimeout(15000);
                        remote.connect();
                        ChannelExec exec = (ChannelExec) remote.openChannel("exec");
                        try {
                            exec.setCommand(command);
                            exec.connect(10000);
                            return exec.getExitStatus();
                        } finally {
                            exec.disconnect();
                        }
                    } finally {
                        remote.disconnect();
                    }
                }
            }
            """));
    }

    @Test
    void a_jsch_session_connected_and_returned_to_the_caller_is_clean() {
        assertEquals(List.of(), items("src/main/java/ops/deploy/SessionFactory.java", """
            package ops.deploy;

            import com.jcraft.jsch.JSch;
            import com.jcraft.jsch.JSchException;
            import com.jcraft.jsch.Session;

            public class SessionFactory {
                private final JSch jsch = new JSch();

                public Session open(String user, String host, int port, int timeoutMs) throws JSchException {
                    Session session = jsch.getSession(user, host, port);
                    session.setConfig("StrictHostKeyChecking", "yes");
                    session.connect(timeoutMs);
                    return session;
                }
            }
            """));
    }

    @Test
    void a_mina_session_in_try_with_resources_verified_with_a_duration_is_clean() {
        assertEquals(List.of(), items("src/main/java/infra/ssh/SafeProbe.java", """
            package infra.ssh;

            import java.time.Duration;
            import org.apache.sshd.client.SshClient;
            import org.apache.sshd.client.session.ClientSession;

            public class SafeProbe {
                private static final Duration WAIT = Duration.ofSeconds(10);
                private final SshClient client;

                public SafeProbe(SshClient client) {
                    this.client = client;
                }

                public String hostname(String user, String host, String password) throws Exception {
                    try (ClientSession session = client.connect(user, host, 22).verify(WAIT).getSession()) {
                        session.addPasswordIdentity(password);
                        session.auth().verify(WAIT);
                        return session.executeRemoteCommand("hostname").trim();
                    }
                }
            }
            """));
    }

    @Test
    void an_ftp_client_disconnected_in_finally_when_connected_is_clean() {
        assertEquals(List.of(), items("src/main/java/edi/transfer/SafeFtpDrop.java", """
            package edi.transfer;

            import java.io.InputStream;
            import org.apache.commons.net.ftp.FTPClient;

            public class SafeFtpDrop {
                public boolean send(String host, String user, String pass, String name, InputStream data) throws Exception {
                    FTPClient ftp = new FTPClient();
                    ftp.setConnectTimeout(5000);
                    ftp.setDefaultTimeout(30000);
                    try {
                        ftp.connect(host);
                        ftp.login(user, pass);
                        return ftp.storeFile(name, data);
                    } finally {
                        if (ftp.isConnected()) {
                            ftp.disconnect();
                        }
                    }
                }
            }
            """));
    }

    @Test
    void an_sshj_client_with_timeouts_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/fleet/agent/SafeShell.java", """
            package fleet.agent;

            import net.schmizz.sshj.SSHClient;
            import net.schmizz.sshj.connection.channel.direct.Session;

            public class SafeShell {
                public String uptime(String host, String user, String keyFile) throws Exception {
                    try (SSHClient ssh = new SSHClient()) {
                        ssh.setConnectTimeout(5000);
                        ssh.setTimeout(30000);
                        ssh.loadKnownHosts();
                        ssh.connect(host);
                        ssh.authPublickey(user, keyFile);
                        try (Session s = ssh.startSession()) {
                            return new String(s.exec("uptime").getInputStream().readAllBytes());
                        }
                    }
                }
            }
            """));
    }
}
