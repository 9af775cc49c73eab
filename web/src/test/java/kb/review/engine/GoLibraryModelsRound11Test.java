package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go library models added in round 11 by popularity (content/rules/models/go-libraries-5.yaml): handles of
 * database, cloud, messaging, network, tracing and cache libraries that hold a connection, a session, a goroutine or
 * a pooled object until released (RES-01), dials and servers that wait without limit (TMO-01), loggers found in loops
 * (LOG-01) and a client built on every request (RES-04). Each family has its defect, written as the pull request
 * that introduces it, and the look-alike code writes when it honours the duty (usually the same function with the
 * release added). The fixtures are written for these tests; {@code file} puts "package svc" and a blank line first,
 * so a body's line n is the file's line n + 2.
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

    // --- RES-01: a JetStream consume context pulls on its own goroutine until Stop or Drain
    private static final String JETSTREAM_CONSUME = """
            import (
            	"context"

            	"github.com/nats-io/nats.go/jetstream"
            )

            func drainOnce(ctx context.Context, cons jetstream.Consumer, handle func(jetstream.Msg)) error {
            	cc, err := cons.Consume(func(m jetstream.Msg) {
            		handle(m)
            		m.Ack()
            	})
            	if err != nil {
            		return err
            	}
            %s	<-ctx.Done()
            	return ctx.Err()
            }
            """;

    @Test
    void jetstream_consume_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("orders/worker.go", JETSTREAM_CONSUME.formatted("")), "RES-01"));
    }

    @Test
    void jetstream_consume_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("orders/worker.go", JETSTREAM_CONSUME.formatted("\tdefer cc.Stop()\n")), "RES-01"));
    }

    // --- amqp091's Consume(queue, ...) shares the name; its deliveries end with the channel, so it is not taken
    private static final String AMQP_CONSUME_LOOKALIKE = """
            import (
            	amqp "github.com/rabbitmq/amqp091-go"
            )

            type Listener struct {
            	ch *amqp.Channel
            }

            func (l *Listener) Listen(queue string, consumer string) (<-chan amqp.Delivery, error) {
            	deliveries, err := l.ch.Consume(queue, consumer, false, false, false, false, nil)
            	if err != nil {
            		return nil, err
            	}
            %s	return deliveries, nil
            }
            """;

    @Test
    void amqp_consume_lookalike_is_clean() {
        assertEquals(List.of(),
                item(file("orders/amqp.go", AMQP_CONSUME_LOOKALIKE.formatted("")), "RES-01"));
    }

    // --- RES-01: a JetStream KV watcher keeps its ordered consumer until Stop
    private static final String NATS_KV_WATCHER = """
            import (
            	"context"

            	"github.com/nats-io/nats.go/jetstream"
            )

            func firstChange(ctx context.Context, kv jetstream.KeyValue, key string) ([]byte, error) {
            	w, err := kv.Watch(ctx, key, jetstream.UpdatesOnly())
            	if err != nil {
            		return nil, err
            	}
            %s	select {
            	case e := <-w.Updates():
            		return e.Value(), nil
            	case <-ctx.Done():
            		return nil, ctx.Err()
            	}
            }
            """;

    @Test
    void nats_kv_watcher_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("config/watch.go", NATS_KV_WATCHER.formatted("")), "RES-01"));
    }

    @Test
    void nats_kv_watcher_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("config/watch.go", NATS_KV_WATCHER.formatted("\tdefer w.Stop()\n")), "RES-01"));
    }

    // --- RES-01: a go-nsq producer keeps its connection and goroutines until Stop
    private static final String NSQ_PRODUCER = """
            import (
            	"github.com/nsqio/go-nsq"
            )

            func publishAll(addr, topic string, msgs [][]byte) error {
            	p, err := nsq.NewProducer(addr, nsq.NewConfig())
            	if err != nil {
            		return err
            	}
            %s	for _, m := range msgs {
            		if err := p.Publish(topic, m); err != nil {
            			return err
            		}
            	}
            	return nil
            }
            """;

    @Test
    void nsq_producer_defect_is_reported() {
        assertEquals(List.of("8:go-resource-not-closed"),
                item(file("notify/publish.go", NSQ_PRODUCER.formatted("")), "RES-01"));
    }

    @Test
    void nsq_producer_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("notify/publish.go", NSQ_PRODUCER.formatted("\tdefer p.Stop()\n")), "RES-01"));
    }

    // --- RES-01: an Azure Service Bus receiver holds its AMQP link until Close(ctx)
    private static final String SERVICEBUS_SENDER = """
            import (
            	"context"

            	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"
            )

            func sendInvoice(ctx context.Context, conn string, body []byte) error {
            	client, err := azservicebus.NewClientFromConnectionString(conn, nil)
            	if err != nil {
            		return err
            	}
            	defer client.Close(ctx)
            	receiver, err := client.NewReceiverForQueue("replies", nil)
            	if err != nil {
            		return err
            	}
            %s	msgs, err := receiver.ReceiveMessages(ctx, 1, nil)
            	if err != nil {
            		return err
            	}
            	_ = msgs
            	return nil
            }
            """;

    @Test
    void servicebus_sender_defect_is_reported() {
        assertEquals(List.of("15:go-resource-not-closed"),
                item(file("billing/bus.go", SERVICEBUS_SENDER.formatted("")), "RES-01"));
    }

    @Test
    void servicebus_sender_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("billing/bus.go", SERVICEBUS_SENDER.formatted("\tdefer receiver.Close(ctx)\n")), "RES-01"));
    }

    // --- RES-01: an OpenTelemetry TracerProvider built per call runs its batch processor until Shutdown
    private static final String OTEL_PROVIDER = """
            import (
            	"context"

            	"go.opentelemetry.io/otel/sdk/trace"
            )

            func traceOnce(ctx context.Context, exp trace.SpanExporter, name string) error {
            	tp := trace.NewTracerProvider(trace.WithBatcher(exp))
            %s	_, span := tp.Tracer("probe").Start(ctx, name)
            	span.End()
            	return nil
            }
            """;

    @Test
    void otel_provider_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("telemetry/setup.go", OTEL_PROVIDER.formatted("")), "RES-01"));
    }

    @Test
    void otel_provider_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("telemetry/setup.go", OTEL_PROVIDER.formatted("\tdefer tp.Shutdown(ctx)\n")), "RES-01"));
    }

    // --- a provider installed as the global one, whose Shutdown the setup function returns, is the caller's
    private static final String OTEL_PROVIDER_HANDED = """
            import (
            	"context"

            	"go.opentelemetry.io/otel"
            	"go.opentelemetry.io/otel/sdk/trace"
            )

            func Install(ctx context.Context, exp trace.SpanExporter) func(context.Context) error {
            	tp := trace.NewTracerProvider(trace.WithBatcher(exp))
            	otel.SetTracerProvider(tp)
            %s	return tp.Shutdown
            }
            """;

    @Test
    void otel_provider_handed_is_clean() {
        assertEquals(List.of(),
                item(file("telemetry/global.go", OTEL_PROVIDER_HANDED.formatted("")), "RES-01"));
    }

    // --- RES-01: a remote file opened through pkg/sftp keeps its server handle until Close
    private static final String SFTP_FILE = """
            import (
            	"io"
            	"os"

            	"github.com/pkg/sftp"
            )

            func upload(sc *sftp.Client, local, remote string) error {
            	src, err := os.Open(local)
            	if err != nil {
            		return err
            	}
            	defer src.Close()
            	dst, err := sc.Create(remote)
            	if err != nil {
            		return err
            	}
            %s	if _, err := io.Copy(dst, src); err != nil {
            		return err
            	}
            	return nil
            }
            """;

    @Test
    void sftp_file_defect_is_reported() {
        assertEquals(List.of("16:go-resource-not-closed"),
                item(file("backup/upload.go", SFTP_FILE.formatted("")), "RES-01"));
    }

    @Test
    void sftp_file_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("backup/upload.go", SFTP_FILE.formatted("\tdefer dst.Close()\n")), "RES-01"));
    }

    // --- RES-01: a dialled quic-go connection keeps its state and goroutine until CloseWithError
    private static final String QUIC_CONN = """
            import (
            	"context"
            	"crypto/tls"

            	"github.com/quic-go/quic-go"
            )

            func ping(ctx context.Context, addr string, conf *tls.Config) error {
            	conn, err := quic.DialAddr(ctx, addr, conf, nil)
            	if err != nil {
            		return err
            	}
            %s	str, err := conn.OpenStreamSync(ctx)
            	if err != nil {
            		return err
            	}
            	_, err = str.Write([]byte("ping"))
            	return err
            }
            """;

    @Test
    void quic_conn_defect_is_reported() {
        assertEquals(List.of("11:go-resource-not-closed"),
                item(file("probe/quic.go", QUIC_CONN.formatted("")), "RES-01"));
    }

    @Test
    void quic_conn_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("probe/quic.go", QUIC_CONN.formatted("\tdefer conn.CloseWithError(0, \"done\")\n")), "RES-01"));
    }

    // --- RES-01: a pod log stream from client-go is an open HTTP body
    private static final String K8S_LOG_STREAM = """
            import (
            	"bufio"
            	"context"
            	"strings"

            	corev1 "k8s.io/api/core/v1"
            	"k8s.io/client-go/kubernetes"
            )

            func findPanic(ctx context.Context, cs kubernetes.Interface, ns, pod string) (string, error) {
            	stream, err := cs.CoreV1().Pods(ns).GetLogs(pod, &corev1.PodLogOptions{}).Stream(ctx)
            	if err != nil {
            		return "", err
            	}
            %s	sc := bufio.NewScanner(stream)
            	for sc.Scan() {
            		if strings.Contains(sc.Text(), "panic:") {
            			return sc.Text(), nil
            		}
            	}
            	return "", sc.Err()
            }
            """;

    @Test
    void k8s_log_stream_defect_is_reported() {
        assertEquals(List.of("13:go-resource-not-closed"),
                item(file("diag/logs.go", K8S_LOG_STREAM.formatted("")), "RES-01"));
    }

    @Test
    void k8s_log_stream_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("diag/logs.go", K8S_LOG_STREAM.formatted("\tdefer stream.Close()\n")), "RES-01"));
    }

    // --- RES-01: a ristretto cache starts goroutines that only Close stops
    private static final String RISTRETTO_CACHE = """
            import (
            	"github.com/dgraph-io/ristretto"
            )

            func quoteAll(skus []string, price func(string) int64) (map[string]int64, error) {
            	cache, err := ristretto.NewCache(&ristretto.Config{NumCounters: 1e4, MaxCost: 1 << 20, BufferItems: 64})
            	if err != nil {
            		return nil, err
            	}
            %s	out := make(map[string]int64, len(skus))
            	for _, s := range skus {
            		if v, ok := cache.Get(s); ok {
            			out[s] = v.(int64)
            			continue
            		}
            		p := price(s)
            		cache.Set(s, p, 1)
            		out[s] = p
            	}
            	return out, nil
            }
            """;

    @Test
    void ristretto_cache_defect_is_reported() {
        assertEquals(List.of("8:go-resource-not-closed"),
                item(file("pricing/quote.go", RISTRETTO_CACHE.formatted("")), "RES-01"));
    }

    @Test
    void ristretto_cache_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("pricing/quote.go", RISTRETTO_CACHE.formatted("\tdefer cache.Close()\n")), "RES-01"));
    }

    // --- RES-01: rueidis Dedicate() pins a connection until its returned function is called
    private static final String RUEIDIS_DEDICATE = """
            import (
            	"context"

            	"github.com/redis/rueidis"
            )

            func watchAndSet(ctx context.Context, client rueidis.Client, key, val string) error {
            	c, release := client.Dedicate()
            %s	if err := c.Do(ctx, c.B().Watch().Key(key).Build()).Error(); err != nil {
            		return err
            	}
            	return c.Do(ctx, c.B().Set().Key(key).Value(val).Build()).Error()
            }
            """;

    @Test
    void rueidis_dedicate_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("locks/redis.go", RUEIDIS_DEDICATE.formatted("")), "RES-01"));
    }

    @Test
    void rueidis_dedicate_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("locks/redis.go", RUEIDIS_DEDICATE.formatted("\tdefer release()\n")), "RES-01"));
    }

    // --- RES-01: a bytebufferpool buffer never put back (low confidence: the template engine is an unknown callee)
    private static final String BYTEBUFFERPOOL = """
            import (
            	"html/template"

            	"github.com/valyala/bytebufferpool"
            )

            func render(t *template.Template, data interface{}) (string, error) {
            	buf := bytebufferpool.Get()
            %s	if err := t.Execute(buf, data); err != nil {
            		return "", err
            	}
            	return buf.String(), nil
            }
            """;

    @Test
    void bytebufferpool_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("render/page.go", BYTEBUFFERPOOL.formatted("")), "RES-01"));
    }

    @Test
    void bytebufferpool_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("render/page.go", BYTEBUFFERPOOL.formatted("\tdefer bytebufferpool.Put(buf)\n")), "RES-01"));
    }

    // --- RES-01: gobwas/ws UpgradeHTTP returns the raw connection, the handler's to close
    private static final String GOBWAS_WS = """
            import (
            	"net/http"

            	"github.com/gobwas/ws"
            	"github.com/gobwas/ws/wsutil"
            )

            func greet(w http.ResponseWriter, r *http.Request) {
            	conn, _, _, err := ws.UpgradeHTTP(r, w)
            	if err != nil {
            		return
            	}
            %s	if err := wsutil.WriteServerText(conn, []byte("hello")); err != nil {
            		return
            	}
            }
            """;

    @Test
    void gobwas_ws_defect_is_reported() {
        assertEquals(List.of("11:go-resource-not-closed"),
                item(file("live/ws.go", GOBWAS_WS.formatted("")), "RES-01"));
    }

    @Test
    void gobwas_ws_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("live/ws.go", GOBWAS_WS.formatted("\tdefer conn.Close()\n")), "RES-01"));
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

    // --- RES-01: an archive/zip entry opened in a loop and not closed before the next turn or an error return
    private static final String ZIP_ENTRY = """
            import (
            	"archive/zip"
            	"io"
            )

            func firstBytes(zr *zip.Reader, n int64) ([][]byte, error) {
            	var out [][]byte
            	for _, entry := range zr.File {
            		rc, err := entry.Open()
            		if err != nil {
            			return nil, err
            		}
            		b, err := io.ReadAll(io.LimitReader(rc, n))
            %s		if err != nil {
            			return nil, err
            		}
            		out = append(out, b)
            	}
            	return out, nil
            }
            """;

    @Test
    void zip_entry_defect_is_reported() {
        assertEquals(List.of("11:go-resource-not-closed"),
                item(file("importer/zip.go", ZIP_ENTRY.formatted("")), "RES-01"));
    }

    @Test
    void zip_entry_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("importer/zip.go", ZIP_ENTRY.formatted("\t\trc.Close()\n")), "RES-01"));
    }

    // --- RES-01: an uploaded multipart file (a temporary file for large uploads) left open on an error return
    private static final String MULTIPART_UPLOAD = """
            import (
            	"io"
            	"mime/multipart"
            	"os"
            )

            func save(fh *multipart.FileHeader, path string) error {
            	src, err := fh.Open()
            	if err != nil {
            		return err
            	}
            %s	dst, err := os.Create(path)
            	if err != nil {
            		return err
            	}
            	defer dst.Close()
            	_, err = io.Copy(dst, src)
            	return err
            }
            """;

    @Test
    void multipart_upload_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("media/upload.go", MULTIPART_UPLOAD.formatted("")), "RES-01"));
    }

    @Test
    void multipart_upload_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("media/upload.go", MULTIPART_UPLOAD.formatted("\tdefer src.Close()\n")), "RES-01"));
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

    // --- RES-01: a go-nsq consumer whose command loop returns once the consumer's StopChan is closed (it has stopped
    // by then) is clean; the same loop with an early return on a connect error before it is not

    private static final String NSQ_RUN = """
            import (
            	"github.com/nsqio/go-nsq"
            )

            func run(topic, channel string, lookupds []string, h nsq.Handler, term <-chan struct{}) error {
            	consumer, err := nsq.NewConsumer(topic, channel, nsq.NewConfig())
            	if err != nil {
            		return err
            	}
            	consumer.AddHandler(h)
            	if err := consumer.ConnectToNSQLookupds(lookupds); err != nil {
            %s		return err
            	}
            	for {
            		select {
            		case <-consumer.StopChan:
            			return nil
            		case <-term:
            			consumer.Stop()
            		}
            	}
            }
            """;

    @Test
    void a_consumer_dropped_on_a_connect_error_is_reported() {
        assertEquals(List.of("8:go-resource-not-closed"),
                item(file("relay/run.go", NSQ_RUN.formatted("")), "RES-01"));
    }

    @Test
    void a_consumer_whose_loop_returns_once_its_stop_channel_closes_is_clean() {
        assertEquals(List.of(), item(file("relay/run.go", NSQ_RUN.formatted("\t\tconsumer.Stop()\n")), "RES-01"));
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
