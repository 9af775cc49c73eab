package kb.review.engine;

import static kb.review.engine.RemoteSessionsSession25Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 25's Java clients built per call (README "javares25 (session 25)"): OkHttp, HttpClient 5, the JDK client
 * handed to a private helper, WebClient, AWS, MongoDB, gRPC and Netty event loop groups made for one call, and the
 * clean shapes (a client derived from a shared one, built in a constructor or a bean method, closed at the end of a
 * one-shot main, kept in a field and shut down by close). Split from {@link RemoteSessionsSession25Test}; findings
 * are compared as "line:item".
 */
class ClientsPerCallSession25Test {

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
}
