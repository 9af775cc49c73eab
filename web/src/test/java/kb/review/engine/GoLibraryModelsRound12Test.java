package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go library models of round 12, picked by popularity (content/rules/models/go-libraries-7.yaml): Cassandra
 * sessions and iterators, go-memdb write transactions, Neo4j sessions, Pulsar handles, LDAP connections, migrate
 * instances, excelize workbooks, pcap handles, chromedp contexts, worker pools, go-plugin clients and bulk indexers.
 * Each family has its defect, written as the change that introduces it, and the look-alike that honours the duty
 * (the same function with the release added, as the library's documentation shows it). The fixtures are written for
 * these tests; a finding is expected on the line that acquires the value.
 */
class GoLibraryModelsRound12Test {

    private static final String LEAK = "go-resource-not-closed";

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
    private static void reported(String path, String shape, String release, String acquire, String item, String rule) {
        pair(path, shape.formatted(""), shape.formatted(release), acquire, item, rule);
    }

    private static void pair(String path, String defect, String clean, String acquire, String item, String rule) {
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

    // --- pulsar-client-go: a producer made for one send and left registered when the send fails
    private static final String PULSAR_PRODUCER = """
            import (
            	"context"

            	"github.com/apache/pulsar-client-go/pulsar"
            )

            type Notifier struct {
            	client pulsar.Client
            }

            func (n *Notifier) Notify(ctx context.Context, topic string, body []byte) error {
            	producer, err := n.client.CreateProducer(pulsar.ProducerOptions{Topic: topic})
            	if err != nil {
            		return err
            	}
            %s	if _, err := producer.Send(ctx, &pulsar.ProducerMessage{Payload: body}); err != nil {
            		return err
            	}
            	return nil
            }
            """;

    @Test
    void pulsar_producer_per_send_left_open_is_reported_and_closed_one_is_clean() {
        reported("notify/pulsar.go", PULSAR_PRODUCER, "\tdefer producer.Close()\n", "CreateProducer", "RES-01", LEAK);
    }

    // --- go-ldap: a login check that returns on a wrong password without closing the connection
    private static final String LDAP_BIND = """
            import (
            	"fmt"

            	"github.com/go-ldap/ldap/v3"
            )

            type Directory struct {
            	url    string
            	baseDN string
            }

            func (d *Directory) Authenticate(user, password string) error {
            	conn, err := ldap.DialURL(d.url)
            	if err != nil {
            		return err
            	}
            %s	if err := conn.Bind(fmt.Sprintf("uid=%%s,%%s", ldap.EscapeDN(user), d.baseDN), password); err != nil {
            		return fmt.Errorf("invalid credentials: %%w", err)
            	}
            	return nil
            }
            """;

    @Test
    void ldap_connection_left_open_on_a_failed_bind_is_reported_and_deferred_close_is_clean() {
        reported("auth/ldap.go", LDAP_BIND, "\tdefer conn.Close()\n", "DialURL", "RES-01", LEAK);
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

    // --- excelize: a workbook opened for an import and left with its temporary files when a sheet is missing
    private static final String EXCEL = """
            import (
            	"fmt"

            	"github.com/xuri/excelize/v2"
            )

            func ReadPrices(path string) ([][]string, error) {
            	f, err := excelize.OpenFile(path)
            	if err != nil {
            		return nil, err
            	}
            %s	rows, err := f.GetRows("Prices")
            	if err != nil {
            		return nil, fmt.Errorf("sheet Prices: %%w", err)
            	}
            	return rows, nil
            }
            """;

    @Test
    void excel_workbook_left_open_on_a_missing_sheet_is_reported_and_deferred_close_is_clean() {
        reported("prices/import.go", EXCEL, "\tdefer f.Close()\n", "OpenFile", "RES-01", LEAK);
    }

    // --- gopacket pcap: a capture opened for a filter check and left open when the filter is rejected
    private static final String PCAP = """
            import (
            	"time"

            	"github.com/google/gopacket"
            	"github.com/google/gopacket/pcap"
            )

            func Capture(device, filter string, out chan<- gopacket.Packet) error {
            	handle, err := pcap.OpenLive(device, 65535, false, time.Second)
            	if err != nil {
            		return err
            	}
            %s	if err := handle.SetBPFFilter(filter); err != nil {
            		return err
            	}
            	source := gopacket.NewPacketSource(handle, handle.LinkType())
            	for p := range source.Packets() {
            		out <- p
            	}
            	return nil
            }
            """;

    @Test
    void pcap_handle_left_open_on_a_bad_filter_is_reported_and_deferred_close_is_clean() {
        reported("sniff/capture.go", PCAP, "\tdefer handle.Close()\n", "OpenLive", "RES-01", LEAK);
    }

    // --- chromedp: a browser started per screenshot whose cancel is only called on success
    private static final String CHROMEDP = """
            import (
            	"context"

            	"github.com/chromedp/chromedp"
            )

            func Screenshot(parent context.Context, url string) ([]byte, error) {
            	ctx, cancel := chromedp.NewContext(parent)
            %s	var png []byte
            	if err := chromedp.Run(ctx, chromedp.Navigate(url), chromedp.FullScreenshot(&png, 90)); err != nil {
            		return nil, err
            	}
            	cancel()
            	return png, nil
            }
            """;

    @Test
    void chromedp_cancel_skipped_on_a_failed_run_is_reported_and_deferred_cancel_is_clean() {
        pair("render/shot.go", CHROMEDP.formatted(""),
                CHROMEDP.replace("\tcancel()\n", "").formatted("\tdefer cancel()\n"), "NewContext", "RES-01", LEAK);
    }

    // --- workerpool and tunny: a pool per batch whose goroutines outlive it on an early return
    private static final String WORKERPOOL = """
            import (
            	"errors"

            	"github.com/gammazero/workerpool"
            )

            func Resize(paths []string, resize func(string)) error {
            	if len(paths) == 0 {
            		return errors.New("nothing to resize")
            	}
            	wp := workerpool.New(4)
            %s	for _, p := range paths {
            		if p == "" {
            			return errors.New("empty path")
            		}
            		p := p
            		wp.Submit(func() { resize(p) })
            	}
            	wp.StopWait()
            	return nil
            }
            """;

    @Test
    void workerpool_not_stopped_on_an_early_return_is_reported_and_deferred_stop_is_clean() {
        pair("images/resize.go", WORKERPOOL.formatted(""),
                WORKERPOOL.replace("\twp.StopWait()\n", "").formatted("\tdefer wp.StopWait()\n"), "workerpool.New",
                "RES-01", LEAK);
    }

    private static final String TUNNY = """
            import "github.com/Jeffail/tunny"

            func Hashes(blocks [][]byte, hash func([]byte) []byte) ([][]byte, error) {
            	pool := tunny.NewFunc(8, func(in interface{}) interface{} { return hash(in.([]byte)) })
            %s	out := make([][]byte, 0, len(blocks))
            	for _, b := range blocks {
            		out = append(out, pool.Process(b).([]byte))
            	}
            	return out, nil
            }
            """;

    @Test
    void tunny_pool_never_closed_is_reported_and_deferred_close_is_clean() {
        reported("chain/hash.go", TUNNY, "\tdefer pool.Close()\n", "tunny.NewFunc", "RES-01", LEAK);
    }

    // --- go-plugin: a plugin process started for one call and left running when dispensing fails
    private static final String PLUGIN = """
            import (
            	"os/exec"

            	"github.com/hashicorp/go-plugin"
            )

            func Greet(path string, handshake plugin.HandshakeConfig, plugins map[string]plugin.Plugin) (interface{}, error) {
            	client := plugin.NewClient(&plugin.ClientConfig{
            		HandshakeConfig: handshake,
            		Plugins:         plugins,
            		Cmd:             exec.Command(path),
            	})
            %s	rpcClient, err := client.Client()
            	if err != nil {
            		return nil, err
            	}
            	return rpcClient.Dispense("greeter")
            }
            """;

    @Test
    void plugin_client_not_killed_is_reported_and_deferred_kill_is_clean() {
        reported("ext/greet.go", PLUGIN, "\tdefer client.Kill()\n", "plugin.NewClient", "RES-01", LEAK);
    }

    // --- esutil: a bulk indexer per import whose workers keep running when an item is rejected before Close
    private static final String BULK = """
            import (
            	"bytes"
            	"context"

            	"github.com/elastic/go-elasticsearch/v8"
            	"github.com/elastic/go-elasticsearch/v8/esutil"
            )

            func Import(ctx context.Context, es *elasticsearch.Client, docs [][]byte) error {
            	indexer, err := esutil.NewBulkIndexer(esutil.BulkIndexerConfig{Client: es, Index: "docs"})
            	if err != nil {
            		return err
            	}
            %s	for _, d := range docs {
            		if err := indexer.Add(ctx, esutil.BulkIndexerItem{Action: "index", Body: bytes.NewReader(d)}); err != nil {
            			return err
            		}
            	}
            	return indexer.Close(ctx)
            }
            """;

    @Test
    void bulk_indexer_left_running_on_an_add_error_is_reported_and_deferred_close_is_clean() {
        reported("search/import.go", BULK, "\tdefer indexer.Close(context.Background())\n", "NewBulkIndexer", "RES-01", LEAK);
    }
}
