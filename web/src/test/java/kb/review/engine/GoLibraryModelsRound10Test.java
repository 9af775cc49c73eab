package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go library models added in round 10 by popularity (content/rules/models/go-libraries-3.yaml, and the widened
 * go-redis PubSub entry of go-libraries.yaml): connections a listener accepts, embedded databases and goroutine pools
 * (RES-01), dials and clients that wait without limit (TMO-01), and shared clients built on a per-request path
 * (RES-04). One family per test pair: the defect the library's documentation warns about next to the look-alike real
 * code writes when it honours the duty. The fixtures are written for these tests; {@code file} puts "package svc" and
 * a blank line first, so a body's line n is the file's line n + 2.
 */
class GoLibraryModelsRound10Test {

    // --- RES-01: a connection accepted by a listener, dropped on a path that skips the hand-over

    private static final String ACCEPT_LOOP = """
            import (
            	"net"
            	"time"
            )

            type Gate struct {
            	limiter Limiter
            }

            func (g *Gate) Serve(ln net.Listener) error {
            	for {
            		conn, err := ln.Accept()
            		if err != nil {
            			return err
            		}
            		if !g.limiter.Allow(conn.RemoteAddr()) {
            %s			continue
            		}
            		_ = conn.SetDeadline(time.Now().Add(time.Minute))
            		go g.handle(conn)
            	}
            }
            """;

    @Test
    void a_rejected_connection_left_open_on_continue_is_reported() {
        assertEquals(List.of("14:go-resource-not-closed"),
                item(file("gate/serve.go", ACCEPT_LOOP.formatted("")), "RES-01"));
    }

    @Test
    void a_rejected_connection_closed_before_continue_is_clean() {
        assertEquals(List.of(), item(file("gate/serve.go", ACCEPT_LOOP.formatted("\t\t\tconn.Close()\n")), "RES-01"));
    }

    @Test
    void a_tcp_listener_connection_lost_on_an_error_return_is_reported_and_one_handed_to_a_worker_is_clean() {
        String body = """
                import "net"

                func acceptOne(l *net.TCPListener, hello []byte) (*net.TCPConn, error) {
                	c, err := l.AcceptTCP()
                	if err != nil {
                		return nil, err
                	}
                	if _, err := c.Write(hello); err != nil {
                %s		return nil, err
                	}
                	return c, nil
                }
                """;
        assertEquals(List.of("6:go-resource-not-closed"), item(file("gate/one.go", body.formatted("")), "RES-01"));
        assertEquals(List.of(), item(file("gate/one.go", body.formatted("\t\tc.Close()\n")), "RES-01"));
    }

    // --- RES-01: a go-redis PubSub from a wrapper the change declares (returns *redis.PubSub), or a shard channel

    private static final String PUBSUB = """
            import (
            	"context"

            	"github.com/redis/go-redis/v9"
            )

            type Bus struct {
            	rdb *redis.Client
            }

            func (b *Bus) Events(ctx context.Context, topic string) *redis.PubSub {
            	return b.rdb.Subscribe(ctx, "events:"+topic)
            }

            func (b *Bus) First(ctx context.Context, topic string) (string, error) {
            	sub := b.Events(ctx, topic)
            %s	msg, err := sub.ReceiveMessage(ctx)
            	if err != nil {
            		return "", err
            	}
            	return msg.Payload, nil
            }
            """;

    @Test
    void a_pubsub_taken_from_the_changes_own_wrapper_and_never_closed_is_reported() {
        assertEquals(List.of("18:go-resource-not-closed"), item(file("bus/bus.go", PUBSUB.formatted("")), "RES-01"));
    }

    @Test
    void a_pubsub_taken_from_the_wrapper_and_closed_by_defer_is_clean() {
        assertEquals(List.of(), item(file("bus/bus.go", PUBSUB.formatted("\tdefer sub.Close()\n")), "RES-01"));
    }

    @Test
    void a_shard_channel_subscription_follows_the_same_duty() {
        String body = """
                import (
                	"context"

                	"github.com/redis/go-redis/v9"
                )

                func firstShardMessage(ctx context.Context, rdb *redis.ClusterClient, ch string) (string, error) {
                	sub := rdb.SSubscribe(ctx, ch)
                %s	msg, err := sub.ReceiveMessage(ctx)
                	if err != nil {
                		return "", err
                	}
                	return msg.Payload, nil
                }
                """;
        assertEquals(List.of("10:go-resource-not-closed"), item(file("bus/shard.go", body.formatted("")), "RES-01"));
        assertEquals(List.of(), item(file("bus/shard.go", body.formatted("\tdefer sub.Close()\n")), "RES-01"));
    }

    // --- RES-01: an embedded database opened and left locked on a setup error; a goroutine pool never released

    private static final String BOLT_OPEN = """
            import (
            	"time"

            	bolt "go.etcd.io/bbolt"
            )

            func OpenIndex(path string) (*Index, error) {
            	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
            	if err != nil {
            		return nil, err
            	}
            	if err := db.Update(createBuckets); err != nil {
            %s		return nil, err
            	}
            	return &Index{db: db}, nil
            }
            """;

    @Test
    void a_bolt_database_left_open_when_its_setup_fails_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("index/open.go", BOLT_OPEN.formatted("")), "RES-01"));
    }

    @Test
    void a_bolt_database_closed_when_its_setup_fails_is_clean() {
        assertEquals(List.of(), item(file("index/open.go", BOLT_OPEN.formatted("\t\tdb.Close()\n")), "RES-01"));
    }

    /** A second error kept apart from an outer one by a short prefix (derr, ierr): still the open's error result. */
    private static final String PREFIXED_ERROR = """
            import bolt "go.etcd.io/bbolt"

            func bucketNames(path string) (names []string, err error) {
            	db, derr := bolt.Open(path, 0o600, nil)
            	if derr != nil {
            		return nil, derr
            	}
            %s	err = db.View(collectNames(&names))
            	return names, err
            }
            """;

    @Test
    void an_open_checked_through_a_prefixed_error_name_and_closed_by_defer_is_clean() {
        assertEquals(List.of(), item(file("index/names.go", PREFIXED_ERROR.formatted("\tdefer db.Close()\n")),
                "RES-01"));
    }

    @Test
    void an_open_checked_through_a_prefixed_error_name_and_never_closed_is_still_reported() {
        assertEquals(List.of("6:go-resource-not-closed"),
                item(file("index/names.go", PREFIXED_ERROR.formatted("")), "RES-01"));
    }

    @Test
    void a_goroutine_pool_made_per_call_is_reported_unless_released() {
        String body = """
                import "github.com/panjf2000/ants/v2"

                func resizeAll(images []Image) error {
                	pool, err := ants.NewPool(8)
                	if err != nil {
                		return err
                	}
                %s	for _, img := range images {
                		if err := pool.Submit(img.resize); err != nil {
                			return err
                		}
                	}
                	return nil
                }
                """;
        assertEquals(List.of("6:go-resource-not-closed"), item(file("img/resize.go", body.formatted("")), "RES-01"));
        assertEquals(List.of(), item(file("img/resize.go", body.formatted("\tdefer pool.Release()\n")), "RES-01"));
    }

    // --- RES-04: clients built from the receiver's configuration on every request

    private static final String PER_REQUEST = """
            import (
            	"context"

            	"PKG"
            )

            type Service struct {
            	cfg Config
            }

            func (s *Service) Handle(ctx context.Context, key string) error {
            	BUILD
            	if err != nil {
            		return err
            	}
            	defer CLOSE
            	s.use(ctx, c, key)
            	return nil
            }
            """;

    private static List<String> perRequest(String pkg, String build, String close) {
        return item(file("svc/handle.go", PER_REQUEST.replace("PKG", pkg).replace("BUILD", build)
                .replace("CLOSE", close)), "RES-04");
    }

    @Test
    void kafka_clients_and_readers_built_per_request_are_reported() {
        assertEquals(List.of("14:go-client-per-call"), perRequest("github.com/twmb/franz-go/pkg/kgo",
                "c, err := kgo.NewClient(kgo.SeedBrokers(s.cfg.Brokers...))", "c.Close()"));
        assertEquals(List.of("14:go-client-per-call"), perRequest("github.com/segmentio/kafka-go",
                "c := kafka.NewReader(kafka.ReaderConfig{Brokers: s.cfg.Brokers, Topic: s.cfg.Topic})\n\terr := s.ready(ctx)",
                "c.Close()"));
    }

    @Test
    void object_store_search_discovery_and_docker_clients_built_per_request_are_reported() {
        assertEquals(List.of("14:go-client-per-call"), perRequest("github.com/minio/minio-go/v7",
                "c, err := minio.New(s.cfg.Endpoint, &minio.Options{Secure: true})", "s.forget(c)"));
        assertEquals(List.of("14:go-client-per-call"), perRequest("github.com/opensearch-project/opensearch-go/v2",
                "c, err := opensearch.NewClient(opensearch.Config{Addresses: s.cfg.Nodes})", "s.forget(c)"));
        assertEquals(List.of("14:go-client-per-call"), perRequest("github.com/hashicorp/consul/api",
                "c, err := api.NewClient(s.cfg.Consul)", "s.forget(c)"));
        assertEquals(List.of("14:go-client-per-call"), perRequest("github.com/docker/docker/client",
                "c, err := client.NewClientWithOpts(client.WithHost(s.cfg.DockerHost))", "c.Close()"));
    }

    @Test
    void cloud_sdk_configuration_and_clients_built_per_request_are_reported() {
        assertEquals(List.of("14:go-client-per-call"), perRequest("github.com/aws/aws-sdk-go-v2/config",
                "c, err := config.LoadDefaultConfig(ctx, config.WithRegion(s.cfg.Region))", "s.forget(c)"));
        assertEquals(List.of("14:go-client-per-call"), perRequest("cloud.google.com/go/storage",
                "c, err := storage.NewClient(ctx, option.WithCredentialsFile(s.cfg.Credentials))", "c.Close()"));
    }

    @Test
    void the_same_clients_built_where_the_caller_says_or_once_in_a_constructor_are_clean() {
        // the address comes from the request: a per-tenant cluster the call names, not the service's own client
        assertEquals(List.of(), perRequest("github.com/twmb/franz-go/pkg/kgo",
                "c, err := kgo.NewClient(kgo.SeedBrokers(key))", "c.Close()"));
        // built from options prepared elsewhere (tempo's admin step: the options are a local, not the receiver)
        assertEquals(List.of(), perRequest("github.com/twmb/franz-go/pkg/kgo",
                "c, err := kgo.NewClient(opts...)", "c.Close()"));
        assertEquals(List.of(), item(file("svc/new.go", """
                import (
                	"github.com/minio/minio-go/v7"
                	"github.com/twmb/franz-go/pkg/kgo"
                )

                type Store struct {
                	objects *minio.Client
                	kafka   *kgo.Client
                }

                func NewStore(cfg Config) (*Store, error) {
                	m, err := minio.New(cfg.Endpoint, &minio.Options{Secure: true})
                	if err != nil {
                		return nil, err
                	}
                	k, err := kgo.NewClient(kgo.SeedBrokers(cfg.Brokers...))
                	if err != nil {
                		return nil, err
                	}
                	return &Store{objects: m, kafka: k}, nil
                }
                """), "RES-04"));
    }

    @Test
    void a_redis_ring_built_per_call_is_reported_and_one_built_in_main_is_clean() {
        String body = """
                import "github.com/redis/go-redis/v9"

                func %s {
                	ring := redis.NewRing(&redis.RingOptions{Addrs: shards})
                	defer ring.Close()
                	run(ring)
                }
                """;
        assertEquals(List.of("6:go-client-per-call"),
                item(file("cache/ring.go", body.formatted("warm(shards map[string]string)")), "RES-04"));
        assertEquals(List.of(), item(file("cache/ring.go", "var shards map[string]string\n\n"
                + body.formatted("main()")), "RES-04"));
    }

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
