package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go library models added in round 11 by popularity (content/rules/models/go-libraries-5.yaml), database and
 * cloud part: a clickhouse-go batch, Spanner iterators and read-only transactions, a Temporal client and a pebble
 * snapshot that hold a connection or a session until released (RES-01), and a Temporal client dialled on every request
 * (RES-04). Messaging, streams, goroutines and pools, and waits and loggers are in the GoLibraryModelsRound11*Test
 * classes of the same name. Each family has its defect, written as the pull request that introduces it, and the
 * look-alike code writes when it honours the duty (usually the same function with the release added). The fixtures are
 * written for these tests; {@code file} puts "package svc" and a blank line first, so a body's line n is the file's
 * line n + 2.
 */
class GoLibraryModelsRound11Test {

    // --- RES-01: a clickhouse-go batch holds a pooled connection until Send, Abort or Close; an Append error returns before Send
    private static final String CLICKHOUSE_BATCH = """
            import (
            	"context"

            	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
            )

            type Event struct {
            	ID   string
            	Kind string
            }

            type Store struct {
            	conn driver.Conn
            }

            func (s *Store) Insert(ctx context.Context, events []Event) error {
            	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO events")
            	if err != nil {
            		return err
            	}
            %s	for _, e := range events {
            		if err := batch.Append(e.ID, e.Kind); err != nil {
            			return err
            		}
            	}
            	return batch.Send()
            }
            """;

    @Test
    void clickhouse_batch_defect_is_reported() {
        assertEquals(List.of("19:go-resource-not-closed"),
                item(file("events/store.go", CLICKHOUSE_BATCH.formatted("")), "RES-01"));
    }

    @Test
    void clickhouse_batch_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("events/store.go", CLICKHOUSE_BATCH.formatted("\tdefer batch.Close()\n")), "RES-01"));
    }

    // --- RES-01: a Spanner row iterator read for one row and left without Stop keeps its session
    private static final String SPANNER_ITERATOR = """
            import (
            	"context"

            	"cloud.google.com/go/spanner"
            	"google.golang.org/api/iterator"
            )

            type Repo struct {
            	client *spanner.Client
            }

            func (r *Repo) FirstOwner(ctx context.Context, team string) (string, error) {
            	stmt := spanner.Statement{SQL: "SELECT name FROM owners WHERE team = @team", Params: map[string]interface{}{"team": team}}
            	iter := r.client.Single().Query(ctx, stmt)
            %s	row, err := iter.Next()
            	if err == iterator.Done {
            		return "", nil
            	}
            	if err != nil {
            		return "", err
            	}
            	var name string
            	if err := row.Columns(&name); err != nil {
            		return "", err
            	}
            	return name, nil
            }
            """;

    @Test
    void spanner_iterator_defect_is_reported() {
        assertEquals(List.of("16:go-resource-not-closed"),
                item(file("accounts/repo.go", SPANNER_ITERATOR.formatted("")), "RES-01"));
    }

    @Test
    void spanner_iterator_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("accounts/repo.go", SPANNER_ITERATOR.formatted("\tdefer iter.Stop()\n")), "RES-01"));
    }

    // --- RES-01: a multi-use read-only transaction holds its session until Close
    private static final String SPANNER_RO_TXN = """
            import (
            	"context"

            	"cloud.google.com/go/spanner"
            )

            func countBoth(ctx context.Context, client *spanner.Client) (int64, int64, error) {
            	ro := client.ReadOnlyTransaction()
            %s	a, err := countIn(ctx, ro, "accounts")
            	if err != nil {
            		return 0, 0, err
            	}
            	b, err := countIn(ctx, ro, "owners")
            	if err != nil {
            		return 0, 0, err
            	}
            	return a, b, nil
            }

            func countIn(ctx context.Context, ro *spanner.ReadOnlyTransaction, table string) (int64, error) {
            	var n int64
            	err := ro.Query(ctx, spanner.NewStatement("SELECT COUNT(*) FROM "+table)).Do(func(r *spanner.Row) error {
            		return r.Columns(&n)
            	})
            	return n, err
            }
            """;

    @Test
    void spanner_ro_txn_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("accounts/snapshot.go", SPANNER_RO_TXN.formatted("")), "RES-01"));
    }

    @Test
    void spanner_ro_txn_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("accounts/snapshot.go", SPANNER_RO_TXN.formatted("\tdefer ro.Close()\n")), "RES-01"));
    }

    // --- RES-01: a Temporal client holds its gRPC connection until Close
    private static final String TEMPORAL_CLIENT = """
            import (
            	"context"

            	"go.temporal.io/sdk/client"
            )

            func startReport(ctx context.Context, hostPort, id string) (string, error) {
            	c, err := client.Dial(client.Options{HostPort: hostPort})
            	if err != nil {
            		return "", err
            	}
            %s	run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: "reports"}, "Report")
            	if err != nil {
            		return "", err
            	}
            	return run.GetRunID(), nil
            }
            """;

    @Test
    void temporal_client_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("jobs/start.go", TEMPORAL_CLIENT.formatted("")), "RES-01"));
    }

    @Test
    void temporal_client_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("jobs/start.go", TEMPORAL_CLIENT.formatted("\tdefer c.Close()\n")), "RES-01"));
    }

    // --- RES-01: a pebble snapshot pins sstables until Close
    private static final String PEBBLE_SNAPSHOT = """
            import (
            	"github.com/cockroachdb/pebble"
            )

            func countKeys(pdb *pebble.DB, lower, upper []byte) (int, error) {
            	snap := pdb.NewSnapshot()
            %s	it, err := snap.NewIter(&pebble.IterOptions{LowerBound: lower, UpperBound: upper})
            	if err != nil {
            		return 0, err
            	}
            	defer it.Close()
            	n := 0
            	for it.First(); it.Valid(); it.Next() {
            		n++
            	}
            	return n, nil
            }
            """;

    @Test
    void pebble_snapshot_defect_is_reported() {
        assertEquals(List.of("8:go-resource-not-closed"),
                item(file("kv/scan.go", PEBBLE_SNAPSHOT.formatted("")), "RES-01"));
    }

    @Test
    void pebble_snapshot_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("kv/scan.go", PEBBLE_SNAPSHOT.formatted("\tdefer snap.Close()\n")), "RES-01"));
    }

    // --- RES-04: a Temporal client dialled from the receiver's configuration on every request, next to one dialled
    // once by the constructor and kept

    private static final String TEMPORAL_HANDLER = """
            import (
            	"context"

            	"go.temporal.io/sdk/client"
            )

            type Config struct {
            	HostPort  string
            	Namespace string
            }

            type Handler struct {
            	cfg Config
            	c   client.Client
            }

            %s
            """;

    @Test
    void a_temporal_client_dialled_per_request_from_the_receivers_configuration_is_reported() {
        String perCall = """
                func (h *Handler) Start(ctx context.Context, id string) error {
                	c, err := client.Dial(client.Options{HostPort: h.cfg.HostPort, Namespace: h.cfg.Namespace})
                	if err != nil {
                		return err
                	}
                	defer c.Close()
                	_, err = c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: "reports"}, "Report")
                	return err
                }""";
        assertEquals(List.of("20:go-client-per-call"),
                item(file("jobs/handler.go", TEMPORAL_HANDLER.formatted(perCall)), "RES-04"));
    }

    @Test
    void a_temporal_client_dialled_once_by_the_constructor_and_kept_is_clean() {
        String once = """
                func NewHandler(cfg Config) (*Handler, error) {
                	c, err := client.Dial(client.Options{HostPort: cfg.HostPort, Namespace: cfg.Namespace})
                	if err != nil {
                		return nil, err
                	}
                	return &Handler{cfg: cfg, c: c}, nil
                }

                func (h *Handler) Start(ctx context.Context, id string) error {
                	_, err := h.c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: "reports"}, "Report")
                	return err
                }""";
        assertEquals(List.of(), item(file("jobs/handler.go", TEMPORAL_HANDLER.formatted(once)), "RES-04"));
    }
}
