package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The platform library models of content/rules/models/go-platform.yaml and java-platform.yaml: Kubernetes watches,
 * NATS subscriptions, fasthttp's pooled objects, object-store reads matched by their argument types (Go); AWS SDK object streams and clients, Elasticsearch clients, MyBatis cursors and Shiro's
 * thread-bound subject (Java). Each defect the library's documentation warns about is paired with the look-alike
 * that honours the duty in the shape real code has (a deferred or finally release, ownership returned to the
 * caller, a client built once in a constructor, a same-named call of another library). Findings are compared as
 * "line:item"; the fixtures are written for these tests.
 */
class ModelsRound8Test {

    private static List<String> items(String path, String source) {
        return TestRules.reviewDiff(JavaModelsRound7Test.newFile(path, source)).active().stream()
                .filter(f -> f.item().startsWith("RES-") || f.item().equals("CONC-04"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    // --- client-go: a watch keeps its stream and goroutine until Stop ---

    private static final String POD_WATCH = """
            package rollout

            import (
            \t"context"

            \tmetav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
            \t"k8s.io/client-go/kubernetes"
            )

            type Waiter struct {
            \tclient kubernetes.Interface
            \tns     string
            }

            func (w *Waiter) firstEvent(ctx context.Context, selector string) (string, error) {
            \twatcher, err := w.client.CoreV1().Pods(w.ns).Watch(ctx, metav1.ListOptions{LabelSelector: selector})
            \tif err != nil {
            \t\treturn "", err
            \t}
            %s\tselect {
            \tcase ev := <-watcher.ResultChan():
            \t\treturn string(ev.Type), nil
            \tcase <-ctx.Done():
            \t\treturn "", ctx.Err()
            \t}
            }
            """;

    @Test
    void a_pod_watch_never_stopped_is_reported() {
        assertEquals(List.of("16:RES-01"), items("rollout/wait.go", POD_WATCH.formatted("")));
    }

    @Test
    void a_pod_watch_stopped_by_defer_is_clean() {
        assertEquals(List.of(), items("rollout/wait.go", POD_WATCH.formatted("\tdefer watcher.Stop()\n")));
    }

    private static final String LISTER_WATCH = """
            package relay

            import (
            \t"k8s.io/apimachinery/pkg/apis/meta/v1"
            \t"k8s.io/apimachinery/pkg/watch"
            \t"k8s.io/client-go/tools/cache"
            )

            func open(lw cache.ListerWatcher, options v1.ListOptions, check func() error) (watch.Interface, error) {
            \tw, err := lw.Watch(options)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tif err := check(); err != nil {
            \t\t%s
            \t}
            \treturn w, nil
            }
            """;

    @Test
    void a_watch_dropped_when_a_later_check_fails_is_reported() {
        assertEquals(List.of("10:RES-01"), items("relay/open.go", LISTER_WATCH.formatted("return nil, err")));
    }

    @Test
    void a_watch_stopped_on_failure_and_returned_to_the_caller_otherwise_is_clean() {
        assertEquals(List.of(), items("relay/open.go", LISTER_WATCH.formatted("w.Stop()\n\t\treturn nil, err")));
    }

    @Test
    void an_etcd_watch_channel_is_not_a_kubernetes_watch() {
        assertEquals(List.of(), items("config/watch.go", """
                package config

                import (
                \t"context"

                \tclientv3 "go.etcd.io/etcd/client/v3"
                )

                func follow(ctx context.Context, cli *clientv3.Client, apply func([]byte)) {
                \tch := cli.Watch(ctx, "/config/", clientv3.WithPrefix())
                \tfor resp := range ch {
                \t\tfor _, ev := range resp.Events {
                \t\t\tapply(ev.Kv.Value)
                \t\t}
                \t}
                }
                """));
    }

    // --- nats.go: a subscription made per request lives until Unsubscribe or Drain ---

    private static final String NATS_REQUEST = """
            package rpc

            import (
            \t"time"

            \t"github.com/nats-io/nats.go"
            )

            type Client struct {
            \tnc *nats.Conn
            }

            func (c *Client) awaitReply(subject string, timeout time.Duration) ([]byte, error) {
            \tsub, err := c.nc.SubscribeSync(subject)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            %s\tmsg, err := sub.NextMsg(timeout)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \treturn msg.Data, nil
            }
            """;

    @Test
    void a_nats_subscription_made_per_request_and_never_unsubscribed_is_reported() {
        assertEquals(List.of("14:RES-01"), items("rpc/client.go", NATS_REQUEST.formatted("")));
    }

    @Test
    void a_nats_subscription_unsubscribed_by_defer_is_clean() {
        assertEquals(List.of(), items("rpc/client.go", NATS_REQUEST.formatted("\tdefer sub.Unsubscribe()\n")));
    }

    private static final String NATS_SESSION = """
            package push

            import "github.com/nats-io/nats.go"

            type Server struct {
            \tnc   *nats.Conn
            \tsubs map[string]*nats.Subscription
            \tch   chan *nats.Msg
            }

            func (s *Server) bind(uid string) error {
            \t%s, err := s.nc.ChanSubscribe("push."+uid, s.ch)
            \tif err != nil {
            \t\treturn err
            \t}
            %s\treturn nil
            }
            """;

    @Test
    void a_session_subscription_thrown_away_is_reported() {
        assertEquals(List.of("12:RES-01"), items("push/server.go", NATS_SESSION.formatted("_", "")));
    }

    @Test
    void a_session_subscription_kept_for_the_session_close_is_clean() {
        assertEquals(List.of(), items("push/server.go", NATS_SESSION.formatted("sub", "\ts.subs[uid] = sub\n")));
    }

    // --- fasthttp: Acquire* borrows from a pool, Release* gives it back ---

    private static final String FASTHTTP_PROXY = """
            package proxy

            import "github.com/valyala/fasthttp"

            type Proxy struct {
            \tclient   *fasthttp.Client
            \tupstream string
            }

            func (p *Proxy) forward(ctx *fasthttp.RequestCtx) {
            \treq := fasthttp.AcquireRequest()
            \tresp := fasthttp.AcquireResponse()
            %s\tctx.Request.CopyTo(req)
            \treq.SetHost(p.upstream)
            \tif err := p.client.Do(req, resp); err != nil {
            \t\tctx.SetStatusCode(fasthttp.StatusBadGateway)
            \t\treturn
            \t}
            \tresp.CopyTo(&ctx.Response)
            }
            """;

    @Test
    void pooled_fasthttp_request_and_response_never_released_are_reported() {
        assertEquals(List.of("11:RES-01", "12:RES-01"), items("proxy/proxy.go", FASTHTTP_PROXY.formatted("")));
    }

    @Test
    void pooled_fasthttp_request_and_response_released_by_defer_are_clean() {
        assertEquals(List.of(), items("proxy/proxy.go", FASTHTTP_PROXY.formatted(
                "\tdefer fasthttp.ReleaseRequest(req)\n\tdefer fasthttp.ReleaseResponse(resp)\n")));
    }

    @Test
    void a_pooled_fasthttp_response_returned_to_the_caller_is_clean() {
        assertEquals(List.of(), items("proxy/fetch.go", """
                package proxy

                import "github.com/valyala/fasthttp"

                func fetch(c *fasthttp.Client, url string) (*fasthttp.Response, error) {
                \treq := fasthttp.AcquireRequest()
                \tdefer fasthttp.ReleaseRequest(req)
                \treq.SetRequestURI(url)
                \tresp := fasthttp.AcquireResponse()
                \tif err := c.Do(req, resp); err != nil {
                \t\tfasthttp.ReleaseResponse(resp)
                \t\treturn nil, err
                \t}
                \treturn resp, nil
                }
                """));
    }

    // --- object stores matched by their argument types, whatever the client variable is called ---

    private static final String MINIO_SERVE = """
            package site

            import (
            \t"net/http"

            \t"github.com/minio/minio-go/v7"
            )

            type handler struct {
            \tstore  *minio.Client
            \tbucket string
            }

            func (h handler) serve(w http.ResponseWriter, r *http.Request, name string) {
            \tobj, err := h.store.GetObject(r.Context(), h.bucket, name, minio.GetObjectOptions{})
            \tif err != nil {
            \t\thttp.Error(w, err.Error(), http.StatusBadGateway)
            \t\treturn
            \t}
            %s\tinfo, err := obj.Stat()
            \tif err != nil {
            \t\thttp.NotFound(w, r)
            \t\treturn
            \t}
            %s\thttp.ServeContent(w, r, name, info.LastModified, obj)
            }
            """;

    @Test
    void a_minio_object_dropped_when_stat_fails_is_reported() {
        assertEquals(List.of("15:RES-01"), items("site/serve.go", MINIO_SERVE.formatted("", "\tdefer obj.Close()\n")));
    }

    @Test
    void a_minio_object_closed_by_defer_before_stat_is_clean() {
        assertEquals(List.of(), items("site/serve.go", MINIO_SERVE.formatted("\tdefer obj.Close()\n", "")));
    }

    private static final String S3_READ = """
            package blobs

            import (
            \t"context"
            \t"io"

            \t"github.com/aws/aws-sdk-go-v2/aws"
            \t"github.com/aws/aws-sdk-go-v2/service/s3"
            )

            type Store struct {
            \tapi    *s3.Client
            \tbucket string
            }

            func (s *Store) Read(ctx context.Context, key string) ([]byte, error) {
            \tout, err := s.api.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(key)})
            \tif err != nil {
            \t\treturn nil, err
            \t}
            %s\treturn io.ReadAll(out.Body)
            }
            """;

    @Test
    void an_s3_v2_object_body_never_closed_is_reported() {
        assertEquals(List.of("17:RES-02"), items("blobs/store.go", S3_READ.formatted("")));
    }

    @Test
    void an_s3_v2_object_body_closed_by_defer_is_clean() {
        assertEquals(List.of(), items("blobs/store.go", S3_READ.formatted("\tdefer out.Body.Close()\n")));
    }

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

    // --- MyBatis: a Cursor holds its statement and result set until closed ---

    private static final String MYBATIS_EXPORT = """
            package a;

            import org.apache.ibatis.cursor.Cursor;
            import org.apache.ibatis.session.SqlSession;

            public class Export {
                private final SqlSession session;

                public Export(SqlSession session) {
                    this.session = session;
                }

                public String csv() throws Exception {
                    StringBuilder out = new StringBuilder();
            %s
                    return out.toString();
                }
            }
            """;

    @Test
    void a_mybatis_cursor_never_closed_is_reported() {
        assertEquals(List.of("15:RES-01"), items("src/main/java/a/Export.java", MYBATIS_EXPORT.formatted("""
                        Cursor<String> rows = session.selectCursor("orders.all");
                        for (String row : rows) {
                            out.append(row).append('\\n');
                        }""")));
    }

    @Test
    void a_mybatis_cursor_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Export.java", MYBATIS_EXPORT.formatted("""
                        try (Cursor<String> rows = session.selectCursor("orders.all")) {
                            for (String row : rows) {
                                out.append(row).append('\\n');
                            }
                        }""")));
    }

    // --- Shiro: a subject bound to the thread must be unbound in finally ---

    private static final String SHIRO_FILTER = """
            package a;

            import jakarta.servlet.FilterChain;
            import jakarta.servlet.ServletException;
            import jakarta.servlet.ServletRequest;
            import jakarta.servlet.ServletResponse;
            import java.io.IOException;
            import org.apache.shiro.subject.Subject;
            import org.apache.shiro.util.ThreadContext;

            public abstract class SubjectFilter {
                abstract Subject subjectOf(ServletRequest request);

                public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
                    ThreadContext.bind(subjectOf(request));
            %s
                }
            }
            """;

    @Test
    void a_shiro_subject_unbound_after_the_chain_but_not_in_finally_is_reported() {
        assertEquals(List.of("15:CONC-04"), items("src/main/java/a/SubjectFilter.java", SHIRO_FILTER.formatted("""
                        chain.doFilter(request, response);
                        ThreadContext.unbindSubject();""")));
    }

    @Test
    void a_shiro_subject_unbound_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/SubjectFilter.java", SHIRO_FILTER.formatted("""
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            ThreadContext.remove();
                        }""")));
    }

    private static final String SHIRO_STATE = """
            package a;

            import org.apache.shiro.subject.Subject;
            import org.apache.shiro.subject.support.SubjectThreadState;

            public class AsUser {
                public void run(Subject subject, Runnable task) {
                    SubjectThreadState state = new SubjectThreadState(subject);
                    state.bind();
            %s
                }
            }
            """;

    @Test
    void a_shiro_thread_state_restored_only_on_the_normal_path_is_reported() {
        assertEquals(List.of("9:CONC-04"), items("src/main/java/a/AsUser.java", SHIRO_STATE.formatted("""
                        task.run();
                        state.restore();""")));
    }

    @Test
    void a_shiro_thread_state_restored_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/AsUser.java", SHIRO_STATE.formatted("""
                        try {
                            task.run();
                        } finally {
                            state.restore();
                        }""")));
    }
}
