package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go library models of content/rules/models/go-messaging.yaml and go-libraries.yaml, store part: redigo and
 * go-redis clients, mongo-driver clients and cursors, and minio and S3 objects, each entry's duty as its library
 * documents it (close, disconnect; build once and share), with the leak next to the clean look-alike of the same
 * shape. The messaging clients are in {@link GoModelsRound7MessagingTest}, which shares {@code items}. Fixtures are our
 * own code of the class.
 */
class GoModelsRound7Test {

    /** The items found in a new Go file with this source, as "line:item". */
    static List<String> items(String path, String source) {
        List<String> lines = source.lines().toList();
        StringBuilder diff = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," + lines.size() + " @@\n");
        lines.forEach(l -> diff.append('+').append(l).append('\n'));
        return TestRules.reviewDiff(diff.toString()).findings().stream()
                .filter(f -> f.item().startsWith("RES-"))
                .map(f -> f.line() + ":" + f.item()).toList();
    }

    // --- redigo: a connection from Pool.Get or redis.Dial must be closed

    private static final String REDIGO_CACHE = """
            package cache

            import "github.com/gomodule/redigo/redis"

            type Cache struct {
            \tpool *redis.Pool
            }

            func (c *Cache) Get(key string) ([]byte, error) {
            \tconn := c.pool.Get()
            %s\treturn redis.Bytes(conn.Do("GET", key))
            }
            """;

    @Test
    void a_redigo_pool_connection_never_closed_is_reported() {
        assertEquals(List.of("10:RES-01"), items("cache/cache.go", REDIGO_CACHE.formatted("")));
    }

    @Test
    void a_redigo_pool_connection_closed_by_defer_is_clean() {
        assertEquals(List.of(), items("cache/cache.go", REDIGO_CACHE.formatted("\tdefer conn.Close()\n")));
    }

    private static final String REDIGO_DIAL = """
            package cache

            import "github.com/gomodule/redigo/redis"

            func dial(addr, password string) (redis.Conn, error) {
            \tconn, err := redis.Dial("tcp", addr)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tif _, err := conn.Do("AUTH", password); err != nil {
            \t\t%s
            \t}
            \treturn conn, nil
            }
            """;

    @Test
    void a_dialled_redigo_connection_dropped_on_a_failed_auth_is_reported() {
        assertEquals(List.of("6:RES-01"), items("cache/dial.go", REDIGO_DIAL.formatted("return nil, err")));
    }

    @Test
    void a_dialled_redigo_connection_closed_on_failure_and_returned_otherwise_is_clean() {
        assertEquals(List.of(), items("cache/dial.go", REDIGO_DIAL.formatted("conn.Close()\n\t\treturn nil, err")));
    }

    @Test
    void a_sync_pool_get_is_not_a_redis_connection() {
        String src = """
                package buf

                import (
                \t"bytes"
                \t"sync"
                )

                var pool sync.Pool

                func take() *bytes.Buffer {
                \tv := pool.Get()
                \tif v == nil {
                \t\treturn new(bytes.Buffer)
                \t}
                \treturn v.(*bytes.Buffer)
                }
                """;
        assertEquals(List.of(), items("buf/buf.go", src));
    }

    // --- go-redis: every client constructor is built once (go-libraries.yaml)

    private static final String GO_REDIS = """
            package session

            import (
            \t"net/http"

            \t"github.com/redis/go-redis/v9"
            )

            type Handler struct {
            \taddrs []string
            \trdb   redis.UniversalClient
            }

            %s
            """;

    @Test
    void go_redis_cluster_failover_and_universal_clients_built_per_request_are_reported() {
        for (String ctor : List.of("redis.NewClusterClient(&redis.ClusterOptions{Addrs: h.addrs})",
                "redis.NewFailoverClient(&redis.FailoverOptions{SentinelAddrs: h.addrs})",
                "redis.NewUniversalClient(&redis.UniversalOptions{Addrs: h.addrs})")) {
            String serve = """
                    func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
                    \trdb := %s
                    \tdefer rdb.Close()
                    \trdb.Get(r.Context(), r.URL.Path)
                    }""".formatted(ctor);
            assertEquals(List.of("15:RES-04"), items("session/handler.go", GO_REDIS.formatted(serve)), ctor);
        }
    }

    @Test
    void a_go_redis_universal_client_built_in_the_constructor_is_clean() {
        String once = """
                func NewHandler(addrs []string) *Handler {
                \treturn &Handler{addrs: addrs, rdb: redis.NewUniversalClient(&redis.UniversalOptions{Addrs: addrs})}
                }

                func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
                \th.rdb.Get(r.Context(), r.URL.Path)
                }""";
        assertEquals(List.of(), items("session/handler.go", GO_REDIS.formatted(once)));
    }

    // --- mongo-driver: a client is disconnected, a cursor closed (or read whole by All)

    private static final String MONGO_CONNECT = """
            package store

            import (
            \t"context"

            \t"go.mongodb.org/mongo-driver/mongo"
            \t"go.mongodb.org/mongo-driver/mongo/options"
            )

            func Ping(ctx context.Context, uri string) error {
            \tclient, err := mongo.Connect(ctx, options.Client().ApplyURI(uri))
            \tif err != nil {
            \t\treturn err
            \t}
            %s\treturn client.Ping(ctx, nil)
            }
            """;

    @Test
    void a_mongo_client_never_disconnected_is_reported() {
        assertEquals(List.of("11:RES-01"), items("store/ping.go", MONGO_CONNECT.formatted("")));
    }

    @Test
    void a_mongo_client_disconnected_by_defer_is_clean() {
        assertEquals(List.of(), items("store/ping.go", MONGO_CONNECT.formatted("\tdefer client.Disconnect(ctx)\n")));
    }

    private static final String MONGO_FIND = """
            package store

            import (
            \t"context"

            \t"go.mongodb.org/mongo-driver/bson"
            \t"go.mongodb.org/mongo-driver/mongo"
            )

            func Names(ctx context.Context, coll *mongo.Collection) ([]string, error) {
            \tcur, err := coll.Find(ctx, bson.M{})
            \tif err != nil {
            \t\treturn nil, err
            \t}
            %s
            }
            """;

    @Test
    void a_mongo_cursor_left_open_on_a_decode_error_is_reported() {
        String loop = """
                \tvar out []string
                \tfor cur.Next(ctx) {
                \t\tvar d struct{ Name string }
                \t\tif err := cur.Decode(&d); err != nil {
                \t\t\treturn nil, err
                \t\t}
                \t\tout = append(out, d.Name)
                \t}
                \tcur.Close(ctx)
                \treturn out, nil""";
        assertEquals(List.of("11:RES-01"), items("store/names.go", MONGO_FIND.formatted(loop)));
    }

    @Test
    void a_mongo_cursor_read_whole_by_all_is_clean() {
        String all = """
                \tvar out []string
                \terr = cur.All(ctx, &out)
                \treturn out, err""";
        assertEquals(List.of(), items("store/names.go", MONGO_FIND.formatted(all)));
    }

    // --- object stores: a minio object and an S3 GetObject body are closed

    private static final String MINIO = """
            package blob

            import (
            \t"context"
            \t"io"

            \t"github.com/minio/minio-go/v7"
            )

            func Read(ctx context.Context, mc *minio.Client, bucket, key string) ([]byte, error) {
            \tobj, err := mc.GetObject(ctx, bucket, key, minio.GetObjectOptions{})
            \tif err != nil {
            \t\treturn nil, err
            \t}
            %s\treturn io.ReadAll(obj)
            }
            """;

    @Test
    void a_minio_object_never_closed_is_reported() {
        assertEquals(List.of("11:RES-01"), items("blob/read.go", MINIO.formatted("")));
    }

    @Test
    void a_minio_object_closed_by_defer_is_clean() {
        assertEquals(List.of(), items("blob/read.go", MINIO.formatted("\tdefer obj.Close()\n")));
    }

    private static final String S3 = """
            package blob

            import (
            \t"context"
            \t"io"

            \t"github.com/aws/aws-sdk-go-v2/aws"
            \t"github.com/aws/aws-sdk-go-v2/service/s3"
            )

            func Fetch(ctx context.Context, client *s3.Client, bucket, key string) ([]byte, error) {
            \tout, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
            \tif err != nil {
            \t\treturn nil, err
            \t}
            %s\treturn io.ReadAll(out.Body)
            }
            """;

    @Test
    void an_s3_object_body_never_closed_is_reported() {
        assertEquals(List.of("12:RES-02"), items("blob/fetch.go", S3.formatted("")));
    }

    @Test
    void an_s3_object_body_closed_by_defer_is_clean() {
        assertEquals(List.of(), items("blob/fetch.go", S3.formatted("\tdefer out.Body.Close()\n")));
    }
}
