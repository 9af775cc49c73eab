package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-11 Go models of waits without limit and loggers in loops (content/rules/models/go-libraries-5.yaml): net/rpc
 * and redigo dials and a fasthttp.Server without timeouts (TMO-01), and klog's and controller-runtime's loggers called
 * on every turn of a loop (LOG-01). Split from {@link GoLibraryModelsRound11Test}: each defect is written as the pull
 * request that introduces it, next to the look-alike that sets the limit or logs once; {@code file} puts "package svc"
 * and a blank line first, so a body's line n is the file's line n + 2.
 */
class GoLibraryModelsRound11WaitsAndLoggersTest {

    // --- TMO-01: net/rpc dials with a zero net.Dialer
    private static final String RPC_DIAL = """
            import (
            	"net"
            	"net/rpc"
            	"time"
            )

            var dialTimeout = 3 * time.Second

            func balance(addr, account string) (int64, error) {
            %s	if err != nil {
            		return 0, err
            	}
            	defer client.Close()
            	var out int64
            	err = client.Call("Ledger.Balance", account, &out)
            	return out, err
            }
            """;

    @Test
    void rpc_dial_defect_is_reported() {
        assertEquals(List.of("12:go-dial-no-timeout"),
                item(file("ledger/rpc.go", RPC_DIAL.formatted("\tclient, err := rpc.Dial(\"tcp\", addr)\n")), "TMO-01"));
    }

    @Test
    void rpc_dial_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("ledger/rpc.go", RPC_DIAL.formatted("\tconn, err := net.DialTimeout(\"tcp\", addr, dialTimeout)\n\tclient := rpc.NewClient(conn)\n")), "TMO-01"));
    }

    // --- TMO-01: a redigo connection without DialReadTimeout waits for replies without limit
    private static final String REDIGO_DIAL = """
            import (
            	"time"

            	"github.com/gomodule/redigo/redis"
            )

            func newPool(addr string) *redis.Pool {
            	return &redis.Pool{
            		MaxIdle: 8,
            		Dial: func() (redis.Conn, error) {
            			return redis.Dial("tcp", addr%s)
            		},
            	}
            }

            var _ = time.Second
            """;

    @Test
    void redigo_dial_defect_is_reported() {
        assertEquals(List.of("13:go-client-no-timeout"),
                item(file("cache/redigo.go", REDIGO_DIAL.formatted("")), "TMO-01"));
    }

    @Test
    void redigo_dial_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("cache/redigo.go", REDIGO_DIAL.formatted(", redis.DialConnectTimeout(time.Second), redis.DialReadTimeout(2*time.Second)")), "TMO-01"));
    }

    // --- TMO-01: a fasthttp.Server without ReadTimeout reads requests without limit
    private static final String FASTHTTP_SERVER = """
            import (
            	"time"

            	"github.com/valyala/fasthttp"
            )

            func serve(addr string, h fasthttp.RequestHandler) error {
            	s := &fasthttp.Server{
            		Handler: h,
            %s	}
            	return s.ListenAndServe(addr)
            }

            var _ = time.Second
            """;

    @Test
    void fasthttp_server_defect_is_reported() {
        assertEquals(List.of("10:go-http-server-no-timeout"),
                item(file("edge/server.go", FASTHTTP_SERVER.formatted("")), "TMO-01"));
    }

    @Test
    void fasthttp_server_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("edge/server.go", FASTHTTP_SERVER.formatted("\t\tReadTimeout: 10 * time.Second,\n")), "TMO-01"));
    }

    // --- LOG-01: klog's structured InfoS on every turn
    private static final String KLOG_LOOP = """
            import (
            	"k8s.io/klog/v2"
            )

            func reconcileAll(names []string, apply func(string) error) {
            	for _, n := range names {
            		if err := apply(n); err != nil {
            			klog.ErrorS(err, "apply failed", "name", n)
            			continue
            		}
            %s	}
            }
            """;

    @Test
    void klog_loop_defect_is_reported() {
        assertEquals(List.of("13:go-log-in-loop"),
                item(file("sync/reconcile.go", KLOG_LOOP.formatted("\t\tklog.InfoS(\"applied\", \"name\", n)\n")), "LOG-01"));
    }

    @Test
    void klog_loop_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("sync/reconcile.go", KLOG_LOOP.formatted("")), "LOG-01"));
    }

    // --- LOG-01: controller-runtime's logger from the context on every turn
    private static final String LOGR_LOOP = """
            import (
            	"context"

            	"sigs.k8s.io/controller-runtime/pkg/log"
            )

            func prune(ctx context.Context, stale []string, del func(string) error) error {
            	for _, name := range stale {
            		if err := del(name); err != nil {
            			return err
            		}
            %s	}
            	return nil
            }
            """;

    @Test
    void logr_loop_defect_is_reported() {
        assertEquals(List.of("14:go-log-in-loop"),
                item(file("sync/controller.go", LOGR_LOOP.formatted("\t\tlog.FromContext(ctx).Info(\"pruned\", \"name\", name)\n")), "LOG-01"));
    }

    @Test
    void logr_loop_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("sync/controller.go", LOGR_LOOP.formatted("")), "LOG-01"));
    }
}
