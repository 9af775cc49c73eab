package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The platform library models of content/rules/models/go-platform.yaml and java-platform.yaml, Go watch and
 * subscription part: Kubernetes watches and NATS subscriptions held until stopped or unsubscribed. Go's pooled objects
 * and object stores, and Java's streams, clients and thread-bound state are in ModelsRound8GoPoolsAndStoresTest,
 * ModelsRound8JavaClientsTest and ModelsRound8JavaScopesTest, which share {@code items}. Each defect the library's
 * documentation warns about is paired with the look-alike that honours the duty in the shape real code has (a
 * deferred release, ownership returned to the caller, a same-named call of another library). Findings are compared as
 * "line:item"; the fixtures are written for these tests.
 */
class ModelsRound8Test {

    static List<String> items(String path, String source) {
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
}
