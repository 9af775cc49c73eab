package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TMO-01, the class of a blocking gRPC dial whose only bound is a root context: {@code grpc.DialContext(
 * context.Background(), addr, ..., grpc.WithBlock())} waits until the connection is up, and DialContext stops
 * waiting only when its context ends, which a root context never does. An unreachable peer holds the caller for good,
 * the item's "a silent dependency is allowed to hold the caller forever" (RPC: a deadline on every call). It is the
 * same defect as {@code grpc.Dial} with {@code WithBlock} and no {@code WithTimeout}, which the model already knew.
 * Look-alikes: the dial given a context with a deadline, the same root context without {@code WithBlock} (the dial
 * returns at once and the RPCs carry their own deadlines), and a root context with {@code WithTimeout}.
 */
class GoBlockingDialRootContextTest {

    private static String connect(String dial) {
        return GoRound8ClassesTest.file("ingest/upstream.go", """
                import (
                	"context"
                	"time"

                	"google.golang.org/grpc"
                )

                // connectUpstream opens the connection every forwarder of the process shares.
                func connectUpstream(target string, opts []grpc.DialOption) (*grpc.ClientConn, error) {
                	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
                	defer cancel()
                	_ = ctx
                	return %s
                }
                """.formatted(dial));
    }

    private static List<String> tmo01(String dial) {
        return GoRound8ClassesTest.item(connect(dial), "TMO-01");
    }

    @Test
    void a_blocking_dial_on_a_background_context_is_found() {
        assertEquals(List.of("15:go-dial-no-timeout"), tmo01(
                "grpc.DialContext(context.Background(), target, append(opts, grpc.WithBlock())...)"));
    }

    @Test
    void a_blocking_dial_on_a_todo_context_is_found() {
        assertEquals(List.of("15:go-dial-no-timeout"), tmo01(
                "grpc.DialContext(context.TODO(), target, grpc.WithBlock(), grpc.WithInsecure())"));
    }

    @Test
    void a_blocking_dial_on_a_context_with_a_deadline_is_clean() {
        assertEquals(List.of(), tmo01("grpc.DialContext(ctx, target, append(opts, grpc.WithBlock())...)"));
    }

    @Test
    void a_non_blocking_dial_on_a_background_context_is_clean() {
        assertEquals(List.of(), tmo01("grpc.DialContext(context.Background(), target, opts...)"));
    }

    @Test
    void a_blocking_dial_with_its_own_timeout_is_clean() {
        assertEquals(List.of(), tmo01(
                "grpc.DialContext(context.Background(), target, grpc.WithBlock(), grpc.WithTimeout(3*time.Second))"));
    }
}
