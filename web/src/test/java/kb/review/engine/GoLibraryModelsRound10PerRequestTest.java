package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-10 Go models of shared clients built on a per-request path (RES-04; content/rules/models/go-libraries-3.yaml):
 * Kafka clients and readers, object-store, search, discovery and Docker clients, cloud SDK configurations and a redis
 * ring built from the receiver's configuration on every request, against the same clients built where the caller says
 * or once in a constructor. Split from {@link GoLibraryModelsRound10Test}; {@code file} puts "package svc" and a blank
 * line first, so a body's line n is the file's line n + 2.
 */
class GoLibraryModelsRound10PerRequestTest {

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
}
