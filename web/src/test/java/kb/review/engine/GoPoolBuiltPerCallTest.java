package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RES-04 in Go for pools the models did not list: an ORM's engine or client (xorm, go-pg, ent, dbr, pop) opens its own
 * database/sql pool, with the goroutines {@code sql.Open} has, and a memcache client keeps idle connections per server.
 * The item's text: "a constructor of a pool or client inside a request handler, a loop or a function that runs per
 * call is a review finding"; its Good example opens the pool once and keeps it in the store's struct. The look-alikes
 * are those: a constructor that returns the engine (its caller decides how often), one stored in a field, one built in
 * {@code main}.
 *
 * <p>And a gRPC client dialled on a line that replaces one taking the same variable from the method's receiver (a
 * cache of connections per peer): the old code shared a connection per peer, the change builds one per call. The
 * models spare a dial to a caller-given target (a probe or a fan-out dials where it is told), which a replaced shared
 * accessor shows this is not; a dial that replaces another dial is still spared.
 */
class GoPoolBuiltPerCallTest {

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("RES-04") && f.suppression() == null)
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    /** An order store that connects go-pg and opens an xorm engine inside its request methods. */
    private static final String ENGINES_PER_CALL = """
            diff --git a/store/orders.go b/store/orders.go
            new file mode 100644
            --- /dev/null
            +++ b/store/orders.go
            @@ -0,0 +1,32 @@
            +package store
            +
            +import (
            +	"context"
            +
            +	"github.com/go-pg/pg/v10"
            +	"xorm.io/xorm"
            +)
            +
            +type Orders struct {
            +	opts *pg.Options
            +	dsn  string
            +}
            +
            +func (o *Orders) Cancel(ctx context.Context, id int64) error {
            +	db := pg.Connect(o.opts)
            +	_, err := db.ExecContext(ctx, "UPDATE orders SET state = 'cancelled' WHERE id = ?", id)
            +	return err
            +}
            +
            +func (o *Orders) Count(ctx context.Context, customer string) (int64, error) {
            +	engine, err := xorm.NewEngine("postgres", o.dsn)
            +	if err != nil {
            +		return 0, err
            +	}
            +	return engine.Context(ctx).Where("customer = ?", customer).Count(&Order{})
            +}
            +
            +type Order struct {
            +	ID       int64
            +	Customer string
            +}
            """;

    /** The same store with the pools opened once: a constructor keeps them in the struct, main owns the close. */
    private static final String ENGINES_OPENED_ONCE = """
            diff --git a/store/orders.go b/store/orders.go
            new file mode 100644
            --- /dev/null
            +++ b/store/orders.go
            @@ -0,0 +1,35 @@
            +package store
            +
            +import (
            +	"context"
            +
            +	"github.com/go-pg/pg/v10"
            +	"xorm.io/xorm"
            +)
            +
            +type Orders struct {
            +	db     *pg.DB
            +	engine *xorm.Engine
            +}
            +
            +func NewOrders(opts *pg.Options, dsn string) (*Orders, error) {
            +	engine, err := xorm.NewEngine("postgres", dsn)
            +	if err != nil {
            +		return nil, err
            +	}
            +	return &Orders{db: pg.Connect(opts), engine: engine}, nil
            +}
            +
            +func (o *Orders) Cancel(ctx context.Context, id int64) error {
            +	_, err := o.db.ExecContext(ctx, "UPDATE orders SET state = 'cancelled' WHERE id = ?", id)
            +	return err
            +}
            +
            +func (o *Orders) Count(ctx context.Context, customer string) (int64, error) {
            +	return o.engine.Context(ctx).Where("customer = ?", customer).Count(&Order{})
            +}
            +
            +type Order struct {
            +	ID       int64
            +	Customer string
            +}
            """;

    @Test
    void an_orm_engine_opened_in_a_request_method_is_a_pool_per_call() {
        assertEquals(List.of("16:go-client-per-call", "22:go-client-per-call"), found(ENGINES_PER_CALL));
        assertEquals(List.of(), found(ENGINES_OPENED_ONCE));
    }

    private static final String SHARED_CONN_REPLACED = """
            diff --git a/relay/forward.go b/relay/forward.go
            --- a/relay/forward.go
            +++ b/relay/forward.go
            @@ -40,6 +40,6 @@ func (r *Relay) Forward(ctx context.Context, target string, m *Message) error {
             	ctx, cancel := context.WithTimeout(ctx, r.timeout)
             	defer cancel()
            -	cc, err := r.pool.Get(target)
            +	cc, err := grpc.NewClient(target, grpc.WithTransportCredentials(r.creds))
             	if err != nil {
             		return err
             	}
            """;

    /** The old line dialled the target too: a per-target dial whose close the function keeps below. */
    private static final String DIAL_REPLACED = SHARED_CONN_REPLACED.replace(
            "-\tcc, err := r.pool.Get(target)", "-\tcc, err := grpc.Dial(target, grpc.WithInsecure())");

    @Test
    void a_shared_connection_replaced_by_a_dial_per_call_is_a_client_per_call() {
        assertEquals(List.of("42:go-client-per-call"), found(SHARED_CONN_REPLACED));
        assertEquals(List.of(), found(DIAL_REPLACED));
    }
}
