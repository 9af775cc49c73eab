package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go library models added in round 10 by popularity (content/rules/models/go-libraries-3.yaml, and the widened
 * go-redis PubSub entry of go-libraries.yaml), handle part: connections a listener accepts, PubSub subscriptions,
 * embedded databases and goroutine pools (RES-01). Shared clients built per request (RES-04) and dials without a
 * timeout (TMO-01) are in GoLibraryModelsRound10PerRequestTest and GoLibraryModelsRound10TimeoutsTest. One family per
 * test pair: the defect the library's documentation warns about next to the look-alike real code writes when it
 * honours the duty. The fixtures are written for these tests; {@code file} puts "package svc" and a blank line first,
 * so a body's line n is the file's line n + 2.
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
}
