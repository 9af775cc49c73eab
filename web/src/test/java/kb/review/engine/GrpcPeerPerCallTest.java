package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A gRPC connection per peer is normal (probes, fan-out to the targets a call is given), so gRPC is built-once only
 * where a client value dials its own configured address, a field of the method's receiver, on every call.
 */
public class GrpcPeerPerCallTest {

    private static List<Finding> review(String body) {
        return LifecycleRulesTest.findings("clients/pricing.go", """
                package clients

                import (
                \t"context"

                \t"google.golang.org/grpc"
                )

                type Pricing struct {
                \tAddr    string
                \ttargets []string
                \tconn    *grpc.ClientConn
                }

                """ + body, "go-client-per-call");
    }

    @Test
    void a_method_that_dials_its_receivers_own_address_on_every_call_is_reported() {
        List<Finding> found = review("""
                func (p Pricing) Quote(ctx context.Context, sku string) error {
                \tconn, err := grpc.DialContext(ctx, p.Addr)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer conn.Close()
                \tif err := use(ctx, conn, sku); err != nil {
                \t\treturn err
                \t}
                \treturn nil
                }
                """);
        assertEquals(1, found.size(), found.toString());
        assertEquals(16, found.get(0).line());
    }

    @Test
    void dialling_the_target_a_call_is_given_or_each_of_a_list_of_peers_is_not() {
        assertEquals(List.of(), review("""
                func (p Pricing) Probe(ctx context.Context, target string) error {
                \tconn, err := grpc.Dial(target)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer conn.Close()
                \treturn check(ctx, conn)
                }

                func (p Pricing) ProbeAll(ctx context.Context) {
                \tfor i := range p.targets {
                \t\tconn, err := grpc.Dial(p.targets[i])
                \t\tif err == nil {
                \t\t\t_ = check(ctx, conn)
                \t\t\tconn.Close()
                \t\t}
                \t}
                }

                func Dial(addr string) (*grpc.ClientConn, error) {
                \treturn grpc.Dial(addr)
                }
                """));
    }

    @Test
    void a_connection_to_the_receivers_address_kept_in_the_receiver_is_built_once() {
        assertEquals(List.of(), review("""
                func (p *Pricing) Connect() error {
                \tconn, err := grpc.Dial(p.Addr)
                \tif err != nil {
                \t\treturn err
                \t}
                \tp.conn = conn
                \treturn nil
                }
                """));
    }
}
