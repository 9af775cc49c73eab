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
 * queries that each set {@code queryTimeout}, timeouts set whenever the configuration gives one. The fixtures are
 * written for these tests from each library's API; findings are compared as "line:item".
 */
class RemoteSessionsSession25Test {

    private static List<String> items(String path, String source) {
        return TestRules.reviewDiff(JavaModelsRound7Test.newFile(path, source)).active().stream()
                .filter(f -> f.item().startsWith("RES-") || f.item().startsWith("TMO-") || f.item().startsWith("TX-"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    private static List<String> items(String diff) {
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

    @Test
    void an_okhttp_client_per_call() {
        assertEquals(List.of("14:RES-04"), items("src/main/java/shop/pay/WebhookNotifier.java", """
            package shop.pay;

            import java.io.IOException;
            import okhttp3.MediaType;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import okhttp3.RequestBody;
            import okhttp3.Response;

            public class WebhookNotifier {
                private static final MediaType JSON = MediaType.get("application/json");

                public boolean notify(String url, String payload) throws IOException {
                    OkHttpClient http = new OkHttpClient();
                    Request req = new Request.Builder().url(url).post(RequestBody.create(payload, JSON)).build();
                    try (Response res = http.newCall(req).execute()) {
                        return res.isSuccessful();
                    }
                }
            }
            """));
    }

    @Test
    void an_apache_client_per_call_closed_by_try_with_resources() {
        assertEquals(List.of("11:RES-04", "11:TMO-01"), items("src/main/java/crm/sync/ContactPusher.java", """
            package crm.sync;

            import java.io.IOException;
            import org.apache.hc.client5.http.classic.methods.HttpPut;
            import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
            import org.apache.hc.client5.http.impl.classic.HttpClients;
            import org.apache.hc.core5.http.io.entity.StringEntity;

            public class ContactPusher {
                public int push(String endpoint, String json) throws IOException {
                    try (CloseableHttpClient client = HttpClients.createDefault()) {
                        HttpPut put = new HttpPut(endpoint);
                        put.setEntity(new StringEntity(json));
                        return client.execute(put, response -> response.getCode());
                    }
                }
            }
            """));
    }

    @Test
    void a_jdk_client_per_call_handed_to_a_private_helper_that_only_sends() {
        assertEquals(List.of("18:RES-04"), items("src/main/java/geo/lookup/TileFetcher.java", """
            package geo.lookup;

            import java.io.IOException;
            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.time.Duration;

            public class TileFetcher {
                private final URI base;

                public TileFetcher(URI base) {
                    this.base = base;
                }

                public byte[] tile(int z, int x, int y) throws IOException, InterruptedException {
                    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                    return fetch(client, base.resolve(z + "/" + x + "/" + y + ".png"));
                }

                private byte[] fetch(HttpClient c, URI uri) throws IOException, InterruptedException {
                    HttpRequest r = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
                    return c.send(r, HttpResponse.BodyHandlers.ofByteArray()).body();
                }
            }
            """));
    }

    @Test
    void a_webclient_per_call() {
        assertEquals(List.of("8:RES-04"), items("src/main/java/media/thumbs/ThumbProxy.java", """
            package media.thumbs;

            import org.springframework.web.reactive.function.client.WebClient;
            import reactor.core.publisher.Mono;

            public class ThumbProxy {
                public Mono<byte[]> thumb(String origin, String id) {
                    WebClient web = WebClient.create(origin);
                    return web.get().uri("/thumbs/{id}", id).retrieve().bodyToMono(byte[].class);
                }
            }
            """));
    }

    @Test
    void an_aws_client_per_call() {
        assertEquals(List.of("16:RES-04"), items("src/main/java/docs/store/Archive.java", """
            package docs.store;

            import software.amazon.awssdk.core.sync.RequestBody;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.s3.model.PutObjectRequest;

            public class Archive {
                private final String bucket;

                public Archive(String bucket) {
                    this.bucket = bucket;
                }

                public void put(String key, byte[] data) {
                    S3Client s3 = S3Client.builder().region(Region.EU_WEST_1).build();
                    s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromBytes(data));
                }
            }
            """));
    }

    @Test
    void a_mongo_client_per_call_closed_by_try_with_resources() {
        assertEquals(List.of("15:RES-04"), items("src/main/java/audit/trail/AuditWriter.java", """
            package audit.trail;

            import com.mongodb.client.MongoClient;
            import com.mongodb.client.MongoClients;
            import org.bson.Document;

            public class AuditWriter {
                private final String uri;

                public AuditWriter(String uri) {
                    this.uri = uri;
                }

                public void record(String user, String action) {
                    try (MongoClient mongo = MongoClients.create(uri)) {
                        mongo.getDatabase("audit").getCollection("events").insertOne(new Document("user", user).append("action", action));
                    }
                }
            }
            """));
    }

    @Test
    void a_grpc_channel_per_call_shut_down_in_finally() {
        assertEquals(List.of("15:RES-04"), items("src/main/java/ship/rates/QuoteGateway.java", """
            package ship.rates;

            import io.grpc.ManagedChannel;
            import io.grpc.ManagedChannelBuilder;
            import java.util.concurrent.TimeUnit;

            public class QuoteGateway {
                private final String target;

                public QuoteGateway(String target) {
                    this.target = target;
                }

                public long cents(String sku) {
                    ManagedChannel ch = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
                    try {
                        return RatesGrpc.newBlockingStub(ch).withDeadlineAfter(3, TimeUnit.SECONDS).quote(Sku.of(sku)).getCents();
                    } finally {
                        ch.shutdownNow();
                    }
                }
            }
            """));
    }

    @Test
    void a_netty_event_loop_group_per_call() {
        assertEquals(List.of("12:RES-04"), items("src/main/java/iot/gw/Pinger.java", """
            package iot.gw;

            import io.netty.bootstrap.Bootstrap;
            import io.netty.channel.ChannelInitializer;
            import io.netty.channel.EventLoopGroup;
            import io.netty.channel.nio.NioEventLoopGroup;
            import io.netty.channel.socket.SocketChannel;
            import io.netty.channel.socket.nio.NioSocketChannel;

            public class Pinger {
                public boolean ping(String host, int port) throws InterruptedException {
                    EventLoopGroup group = new NioEventLoopGroup();
                    Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                            .handler(new ChannelInitializer<SocketChannel>() {
                                @Override
                                protected void initChannel(SocketChannel ch) {
                                }
                            });
                    return b.connect(host, port).sync().isSuccess();
                }
            }
            """));
    }

    @Test
    void a_client_derived_from_a_shared_one_is_clean() {
        assertEquals(List.of(), items("src/main/java/shop/pay/SlowNotifier.java", """
            package shop.pay;

            import java.io.IOException;
            import java.time.Duration;
            import okhttp3.OkHttpClient;
            import okhttp3.Request;
            import okhttp3.Response;

            public class SlowNotifier {
                private final OkHttpClient shared;

                public SlowNotifier(OkHttpClient shared) {
                    this.shared = shared;
                }

                public boolean ping(String url) throws IOException {
                    OkHttpClient slow = shared.newBuilder().readTimeout(Duration.ofSeconds(60)).build();
                    try (Response res = slow.newCall(new Request.Builder().url(url).build()).execute()) {
                        return res.isSuccessful();
                    }
                }
            }
            """));
    }

    @Test
    void a_client_built_in_the_constructor_is_clean() {
        assertEquals(List.of(), items("src/main/java/geo/lookup/SharedTileFetcher.java", """
            package geo.lookup;

            import java.io.IOException;
            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.time.Duration;

            public class SharedTileFetcher {
                private final URI base;
                private final HttpClient client;

                public SharedTileFetcher(URI base) {
                    this.base = base;
                    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                }

                public byte[] tile(int z, int x, int y) throws IOException, InterruptedException {
                    HttpRequest r = HttpRequest.newBuilder(base.resolve(z + "/" + x + "/" + y)).timeout(Duration.ofSeconds(5)).build();
                    return client.send(r, HttpResponse.BodyHandlers.ofByteArray()).body();
                }
            }
            """));
    }

    @Test
    void a_client_closed_at_the_end_of_a_one_shot_main_is_clean() {
        assertEquals(List.of(), items("src/main/java/tools/export/ExportMain.java", """
            package tools.export;

            import com.mongodb.client.MongoClient;
            import com.mongodb.client.MongoClients;

            public final class ExportMain {
                public static void main(String[] args) {
                    try (MongoClient mongo = MongoClients.create(args[0])) {
                        mongo.getDatabase(args[1]).getCollection(args[2]).find().forEach(d -> System.out.println(d.toJson()));
                    }
                }
            }
            """));
    }

    @Test
    void a_client_built_by_a_bean_method_is_clean() {
        assertEquals(List.of(), items("src/main/java/hr/payroll/HttpConfig.java", """
            package hr.payroll;

            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.http.client.SimpleClientHttpRequestFactory;
            import org.springframework.web.client.RestTemplate;

            @Configuration
            public class HttpConfig {
                @Bean
                public RestTemplate restTemplate() {
                    SimpleClientHttpRequestFactory f = new SimpleClientHttpRequestFactory();
                    f.setConnectTimeout(2000);
                    f.setReadTimeout(5000);
                    return new RestTemplate(f);
                }
            }
            """));
    }

    @Test
    void a_netty_group_kept_in_a_field_and_shut_down_by_close_is_clean() {
        assertEquals(List.of(), items("src/main/java/iot/gw/SharedPinger.java", """
            package iot.gw;

            import io.netty.bootstrap.Bootstrap;
            import io.netty.channel.ChannelInitializer;
            import io.netty.channel.EventLoopGroup;
            import io.netty.channel.nio.NioEventLoopGroup;
            import io.netty.channel.socket.SocketChannel;
            import io.netty.channel.socket.nio.NioSocketChannel;

            public class SharedPinger implements AutoCloseable {
                private final EventLoopGroup group = new NioEventLoopGroup(1);

                public boolean ping(String host, int port) throws InterruptedException {
                    Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                            .handler(new ChannelInitializer<SocketChannel>() {
                                @Override
                                protected void initChannel(SocketChannel ch) {
                                }
                            });
                    return b.connect(host, port).sync().isSuccess();
                }

                @Override
                public void close() {
                    group.shutdownGracefully();
                }
            }
            """));
    }

    @Test
    void a_jooq_context_whose_every_query_sets_query_timeout_is_clean() {
        assertEquals(List.of(), items("src/main/java/club/members/MemberStore.java", """
            package club.members;

            import javax.sql.DataSource;
            import org.jooq.DSLContext;
            import org.jooq.SQLDialect;
            import org.jooq.impl.DSL;

            public class MemberStore {
                private final DSLContext db;

                public MemberStore(DataSource ds) {
                    this.db = DSL.using(ds, SQLDialect.POSTGRES);
                }

                public int count(String club) {
                    return db.selectCount().from(DSL.table("members")).where(DSL.field("club").eq(club)).queryTimeout(5).fetchOne(0, int.class);
                }

                public void rename(String id, String name) {
                    db.update(DSL.table("members")).set(DSL.field("name"), name).where(DSL.field("id").eq(id))
                            .queryTimeout(5)
                            .execute();
                }
            }
            """));
    }

    @Test
    void a_jooq_context_with_one_query_without_query_timeout() {
        assertEquals(List.of("12:TMO-01"), items("src/main/java/club/members/MemberAdmin.java", """
            package club.members;

            import javax.sql.DataSource;
            import org.jooq.DSLContext;
            import org.jooq.SQLDialect;
            import org.jooq.impl.DSL;

            public class MemberAdmin {
                private final DSLContext db;

                public MemberAdmin(DataSource ds) {
                    this.db = DSL.using(ds, SQLDialect.POSTGRES);
                }

                public int count(String club) {
                    return db.selectCount().from(DSL.table("members")).where(DSL.field("club").eq(club)).queryTimeout(5).fetchOne(0, int.class);
                }

                public void purge(String club) {
                    db.deleteFrom(DSL.table("members")).where(DSL.field("club").eq(club)).execute();
                }
            }
            """));
    }

    @Test
    void an_ftp_factory_setting_timeouts_whenever_configured_is_clean() {
        assertEquals(List.of(), items("src/main/java/edi/transfer/FtpFactory.java", """
            package edi.transfer;

            import org.apache.commons.net.ftp.FTPClient;

            public class FtpFactory {
                public FTPClient create(FtpSettings settings) {
                    FTPClient client = new FTPClient();
                    Integer connectTimeout = settings.connectTimeoutMillis();
                    if (connectTimeout != null) {
                        client.setConnectTimeout(connectTimeout);
                        client.setDefaultTimeout(connectTimeout);
                    }
                    client.setControlEncoding("UTF-8");
                    return client;
                }
            }
            """));
    }

    @Test
    void a_request_config_setting_the_response_timeout_whenever_configured_is_clean() {
        assertEquals(List.of(), items("src/main/java/rest/call/ClientFactory.java", """
            package rest.call;

            import org.apache.hc.client5.http.config.RequestConfig;
            import org.apache.hc.core5.util.Timeout;

            public class ClientFactory {
                public RequestConfig config(Settings settings) {
                    RequestConfig.Builder rc = RequestConfig.custom();
                    if (settings.getReadTimeout() != null) {
                        rc.setResponseTimeout(Timeout.ofMilliseconds(settings.getReadTimeout()));
                    }
                    rc.setRedirectsEnabled(false);
                    return rc.build();
                }
            }
            """));
    }

    @Test
    void an_ftp_client_whose_timeout_is_set_on_one_branch_only() {
        assertEquals(List.of("7:TMO-01"), items("src/main/java/edi/transfer/FtpFactory2.java", """
            package edi.transfer;

            import org.apache.commons.net.ftp.FTPClient;

            public class FtpFactory2 {
                public FTPClient create(boolean slowLink) {
                    FTPClient client = new FTPClient();
                    if (slowLink) {
                        client.setDefaultTimeout(120000);
                    }
                    return client;
                }
            }
            """));
    }

    private static final String FTP_FACTORY = """
            package edi.transfer;

            import org.apache.commons.net.ftp.FTPClient;
            import org.apache.commons.net.ftp.FTPSClient;

            public class Clients {
                public FTPClient open(Settings settings) throws Exception {
                    FTPClient client = create(settings.secure());
                    CONFIGURE
                    client.connect(settings.host());
                    return client;
                }

                private static FTPClient create(boolean secure) {
                    if (!secure) {
                        return new FTPClient();
                    }
                    FTPSClient client = new FTPSClient(true);
                    client.setEndpointCheckingEnabled(true);
                    return client;
                }
            HELPER
            }
            """;

    @Test
    void a_factory_whose_client_a_configure_method_of_the_file_gives_timeouts_is_clean() {
        assertEquals(List.of(), items("src/main/java/edi/transfer/Clients.java", FTP_FACTORY
                .replace("CONFIGURE", "configure(client, settings);")
                .replace("HELPER", """
                    private static void configure(FTPClient c, Settings settings) {
                        Integer t = settings.timeoutMillis();
                        if (t != null) {
                            c.setConnectTimeout(t);
                            c.setDefaultTimeout(t);
                        }
                    }
                """)));
    }

    @Test
    void a_factory_whose_client_nothing_in_the_file_gives_timeouts_is_reported() {
        assertEquals(List.of("18:TMO-01"), items("src/main/java/edi/transfer/Clients.java", FTP_FACTORY
                .replace("CONFIGURE", "client.setControlEncoding(\"UTF-8\");").replace("HELPER", "")));
    }
}
