package kb.review.engine;

import static kb.review.engine.ModelsRound8Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-8 Java platform models of streams and clients (content/rules/models/java-platform.yaml): AWS SDK v2
 * response streams and clients built per upload, and Elasticsearch clients dropped on a failed ping or built per
 * query (RES-01, RES-04). Split from {@link ModelsRound8Test}, whose {@code items} check they share: each defect is
 * paired with the look-alike that closes the stream or builds the client once; findings are compared as "line:item".
 */
class ModelsRound8JavaClientsTest {

    // --- AWS SDK v2: a ResponseInputStream streams the HTTP response until closed ---

    private static final String S3_LENGTH = """
            package a;

            import software.amazon.awssdk.core.ResponseBytes;
            import software.amazon.awssdk.core.ResponseInputStream;
            import software.amazon.awssdk.core.sync.ResponseTransformer;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.s3.model.GetObjectRequest;
            import software.amazon.awssdk.services.s3.model.GetObjectResponse;

            public class ObjectInfo {
                private final S3Client s3;
                private final String bucket;

                public ObjectInfo(S3Client s3, String bucket) {
                    this.s3 = s3;
                    this.bucket = bucket;
                }

                long length(String key) throws java.io.IOException {
                    GetObjectRequest req = GetObjectRequest.builder().bucket(bucket).key(key).build();
            %s
                }
            }
            """;

    @Test
    void an_s3_response_stream_never_closed_is_reported() {
        assertEquals(List.of("21:RES-01"), items("src/main/java/a/ObjectInfo.java", S3_LENGTH.formatted("""
                        ResponseInputStream<GetObjectResponse> in = s3.getObject(req);
                        return in.response().contentLength();""")));
    }

    @Test
    void an_s3_response_stream_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/ObjectInfo.java", S3_LENGTH.formatted("""
                        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(req)) {
                            return in.response().contentLength();
                        }""")));
    }

    @Test
    void an_s3_object_read_whole_or_written_to_a_file_is_not_a_stream() {
        assertEquals(List.of(), items("src/main/java/a/ObjectInfo.java", S3_LENGTH.formatted("""
                        ResponseBytes<GetObjectResponse> bytes = s3.getObject(req, ResponseTransformer.toBytes());
                        GetObjectResponse saved = s3.getObject(req, java.nio.file.Paths.get("/tmp", key));
                        return bytes.asByteArray().length + saved.contentLength();""")));
    }

    // --- AWS SDK clients: build once and share ---

    @Test
    void an_s3_client_built_for_each_upload_is_reported() {
        assertEquals(List.of("12:RES-04"), items("src/main/java/a/Uploader.java", """
                package a;

                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.regions.Region;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.s3.model.PutObjectRequest;

                public class Uploader {
                    private final String bucket = "reports";

                    public void upload(String key, byte[] body) {
                        S3Client s3 = S3Client.builder().region(Region.EU_WEST_1).build();
                        try {
                            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromBytes(body));
                        } finally {
                            s3.close();
                        }
                    }
                }
                """));
    }

    @Test
    void an_s3_client_built_once_in_the_constructor_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Uploader.java", """
                package a;

                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.regions.Region;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.s3.model.PutObjectRequest;

                public class Uploader {
                    private final String bucket = "reports";
                    private final S3Client s3;

                    public Uploader() {
                        this.s3 = S3Client.builder().region(Region.EU_WEST_1).build();
                    }

                    public void upload(String key, byte[] body) {
                        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromBytes(body));
                    }
                }
                """));
    }

    // --- Elasticsearch: a client owns an I/O reactor and a pool until close ---

    private static final String ES_BRIDGE = """
            package a;

            import java.io.IOException;
            import java.util.List;
            import org.apache.http.HttpHost;
            import org.elasticsearch.client.RequestOptions;
            import org.elasticsearch.client.RestClient;
            import org.elasticsearch.client.RestHighLevelClient;

            public class Bridge {
                private final List<HttpHost> hosts;

                public Bridge(List<HttpHost> hosts) {
                    this.hosts = hosts;
                }

                public RestHighLevelClient connect() throws IOException {
                    RestHighLevelClient client = new RestHighLevelClient(RestClient.builder(hosts.toArray(new HttpHost[0])));
                    if (!client.ping(RequestOptions.DEFAULT)) {
            %s
                        throw new IOException("no reachable Elasticsearch node");
                    }
                    return client;
                }
            }
            """;

    @Test
    void an_es_client_dropped_when_its_ping_fails_is_reported() {
        assertEquals(List.of("18:RES-01"), items("src/main/java/a/Bridge.java", ES_BRIDGE.formatted("")));
    }

    @Test
    void an_es_client_closed_before_the_throw_and_returned_otherwise_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Bridge.java",
                ES_BRIDGE.formatted("                client.close();")));
    }

    @Test
    void a_low_level_es_client_built_for_each_query_is_reported() {
        assertEquals(List.of("13:RES-04"), items("src/main/java/a/Counter.java", """
                package a;

                import java.io.IOException;
                import org.apache.http.HttpHost;
                import org.elasticsearch.client.Request;
                import org.elasticsearch.client.RestClient;

                public class Counter {
                    private final String url = "http://search:9200";

                    public int count(String index) throws IOException {
                        Request request = new Request("GET", "/" + index + "/_count");
                        try (RestClient rest = RestClient.builder(HttpHost.create(url)).build()) {
                            return rest.performRequest(request).getStatusLine().getStatusCode();
                        }
                    }
                }
                """));
    }

    @Test
    void a_low_level_es_client_built_once_in_the_constructor_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Counter.java", """
                package a;

                import java.io.IOException;
                import org.apache.http.HttpHost;
                import org.elasticsearch.client.Request;
                import org.elasticsearch.client.RestClient;

                public class Counter {
                    private final RestClient rest;

                    public Counter(String url) {
                        this.rest = RestClient.builder(HttpHost.create(url)).build();
                    }

                    public int count(String index) throws IOException {
                        return rest.performRequest(new Request("GET", "/" + index + "/_count")).getStatusLine().getStatusCode();
                    }
                }
                """));
    }
}
