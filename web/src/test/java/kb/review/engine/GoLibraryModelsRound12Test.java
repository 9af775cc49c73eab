package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go library models of round 12, picked by popularity (content/rules/models/go-libraries-7.yaml), database part:
 * Cassandra sessions and iterators, go-memdb write transactions, Neo4j sessions and migrate instances. Connections and
 * file handles, and workers and processes are in GoLibraryModelsRound12HandlesTest and
 * GoLibraryModelsRound12WorkersTest, which share the pair checks. Each family has its defect, written as the change
 * that introduces it, and the look-alike that honours the duty (the same function with the release added, as the
 * library's documentation shows it). The fixtures are written for these tests; a finding is expected on the line that
 * acquires the value.
 */
class GoLibraryModelsRound12Test {

    static final String LEAK = "go-resource-not-closed";

    /** The file line of the first line of {@code body} that contains {@code needle} ({@code file} adds two lines). */
    private static int lineOf(String body, String needle) {
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 3;
            }
        }
        throw new AssertionError("no line holds " + needle);
    }

    /** The shape without its release line is reported at the acquisition; with it (at its %s) it is clean. */
    static void reported(String path, String shape, String release, String acquire, String item, String rule) {
        pair(path, shape.formatted(""), shape.formatted(release), acquire, item, rule);
    }

    static void pair(String path, String defect, String clean, String acquire, String item, String rule) {
        assertEquals(List.of(lineOf(defect, acquire) + ":" + rule), item(file(path, defect), item));
        assertEquals(List.of(), item(file(path, clean), item));
    }

    // --- gocql: a session per call, dropped when the keyspace check fails
    private static final String CASSANDRA_SESSION = """
            import (
            	"fmt"

            	"github.com/gocql/gocql"
            )

            func CountTables(hosts []string, keyspace string) (int, error) {
            	cluster := gocql.NewCluster(hosts...)
            	cluster.Keyspace = keyspace
            	session, err := cluster.CreateSession()
            	if err != nil {
            		return 0, err
            	}
            %s	var n int
            	if err := session.Query("SELECT count(*) FROM system_schema.tables WHERE keyspace_name = ?", keyspace).Scan(&n); err != nil {
            		return 0, fmt.Errorf("count tables: %%w", err)
            	}
            	return n, nil
            }
            """;

    @Test
    void cassandra_session_dropped_on_a_failed_query_is_reported_and_closed_one_is_clean() {
        reported("store/schema.go", CASSANDRA_SESSION, "\tdefer session.Close()\n", "CreateSession", "RES-01", LEAK);
    }

    // --- gocql: an iterator left open when a row fails to decode
    private static final String CASSANDRA_ITER = """
            import (
            	"errors"

            	"github.com/gocql/gocql"
            )

            type Events struct {
            	session *gocql.Session
            }

            func (e *Events) Kinds(stream string) ([]string, error) {
            	iter := e.session.Query("SELECT kind FROM events WHERE stream = ?", stream).Iter()
            %s	var kinds []string
            	var kind string
            	for iter.Scan(&kind) {
            		if kind == "" {
            			return nil, errors.New("event without a kind")
            		}
            		kinds = append(kinds, kind)
            	}
            	return kinds, iter.Close()
            }
            """;

    @Test
    void cassandra_iterator_left_open_on_a_bad_row_is_reported_and_deferred_close_is_clean() {
        reported("store/events.go", CASSANDRA_ITER, "\tdefer iter.Close()\n", ".Iter()", "RES-01", LEAK);
    }

    // --- go-memdb: a write transaction whose insert error returns with the writer lock held
    private static final String MEMDB_TXN = """
            import "github.com/hashicorp/go-memdb"

            type Node struct {
            	ID   string
            	Addr string
            }

            type State struct {
            	db *memdb.MemDB
            }

            func (s *State) Register(nodes []*Node) error {
            	txn := s.db.Txn(true)
            %s	for _, n := range nodes {
            		if err := txn.Insert("nodes", n); err != nil {
            			return err
            		}
            	}
            	txn.Commit()
            	return nil
            }
            """;

    @Test
    void memdb_write_txn_left_open_on_an_insert_error_is_reported_and_deferred_abort_is_clean() {
        reported("state/nodes.go", MEMDB_TXN, "\tdefer txn.Abort()\n", "Txn(true)", "TX-01", "go-tx-not-ended");
    }

    @Test
    void memdb_read_txn_holds_no_lock() {
        assertEquals(List.of(), item(file("state/nodes.go", """
                import "github.com/hashicorp/go-memdb"

                type State struct {
                	db *memdb.MemDB
                }

                func (s *State) Node(id string) (interface{}, error) {
                	txn := s.db.Txn(false)
                	raw, err := txn.First("nodes", "id", id)
                	if err != nil {
                		return nil, err
                	}
                	return raw, nil
                }
                """), "TX-01"));
    }

    // --- neo4j: a session opened per request and dropped when the query fails
    private static final String NEO4J_SESSION = """
            import (
            	"context"

            	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
            )

            type Graph struct {
            	driver neo4j.DriverWithContext
            }

            func (g *Graph) Friends(ctx context.Context, name string) ([]string, error) {
            	session := g.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
            %s	result, err := session.Run(ctx, "MATCH (:Person {name: $name})-[:KNOWS]->(f) RETURN f.name", map[string]any{"name": name})
            	if err != nil {
            		return nil, err
            	}
            	var names []string
            	for result.Next(ctx) {
            		names = append(names, result.Record().Values[0].(string))
            	}
            	return names, result.Err()
            }
            """;

    @Test
    void neo4j_session_dropped_on_a_failed_run_is_reported_and_deferred_close_is_clean() {
        reported("graph/friends.go", NEO4J_SESSION, "\tdefer session.Close(ctx)\n", "NewSession", "RES-01", LEAK);
    }

    // --- golang-migrate: an instance that keeps its database connection when Up fails
    private static final String MIGRATE = """
            import (
            	"errors"

            	"github.com/golang-migrate/migrate/v4"
            	_ "github.com/golang-migrate/migrate/v4/database/postgres"
            	_ "github.com/golang-migrate/migrate/v4/source/file"
            )

            func Migrate(dir, dsn string) error {
            	m, err := migrate.New("file://"+dir, dsn)
            	if err != nil {
            		return err
            	}
            %s	if err := m.Up(); err != nil && !errors.Is(err, migrate.ErrNoChange) {
            		return err
            	}
            	return nil
            }
            """;

    @Test
    void migrate_instance_left_open_on_a_failed_up_is_reported_and_deferred_close_is_clean() {
        reported("db/migrate.go", MIGRATE, "\tdefer m.Close()\n", "migrate.New(", "RES-01", LEAK);
    }
}
