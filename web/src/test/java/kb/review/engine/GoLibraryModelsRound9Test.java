package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go library models added in round 9 by popularity (content/rules/models/go-libraries-2.yaml): at least one
 * entry per library family, each defect the library's documentation warns about (a value left open, unended or
 * unwaited on some path) paired with the look-alike that honours the duty the way real code does (a deferred release,
 * the value handed to the caller). Findings are compared as "line:item"; the fixtures are written for these tests from
 * each library's API. The Java half is {@link JavaLibraryModelsRound9Test}.
 */
class GoLibraryModelsRound9Test {

    /** The lifecycle findings (RES, TX, CONC-04) of {@code source} reviewed as a new file, as "line:item", sorted. */
    static List<String> items(String path, String source) {
        return TestRules.reviewDiff(JavaModelsRound7Test.newFile(path, source)).active().stream()
                .filter(f -> f.item().startsWith("RES-") || f.item().startsWith("TX-") || f.item().equals("CONC-04"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    // --- a pgx connection not closed / closed by defer ---

    private static final String PGX_CONNECT = """
            package store

            import (
            \t"context"

            \t"github.com/jackc/pgx/v5"
            )

            func CountUsers(ctx context.Context, url string) (int, error) {
            \tconn, err := pgx.Connect(ctx, url)
            \tif err != nil {
            \t\treturn 0, err
            \t}
            %s\tvar n int
            \tif err := conn.QueryRow(ctx, "select count(*) from users").Scan(&n); err != nil {
            \t\treturn 0, err
            \t}
            \treturn n, nil
            }
            """;

    @Test
    void go_pgx_connect_defect_is_reported() {
        assertEquals(List.of("10:RES-01"), items("store/pgconn.go", PGX_CONNECT.formatted("")));
    }

    @Test
    void go_pgx_connect_look_alike_is_clean() {
        assertEquals(List.of(), items("store/pgconn.go", PGX_CONNECT.formatted("\tdefer conn.Close(ctx)\n")));
    }

    // --- pgx batch results not closed on an exec error / closed by defer ---

    private static final String PGX_BATCH = """
            package store

            import (
            \t"context"

            \t"github.com/jackc/pgx/v5"
            \t"github.com/jackc/pgx/v5/pgxpool"
            )

            func Touch(ctx context.Context, pool *pgxpool.Pool, ids []int64) error {
            \tb := &pgx.Batch{}
            \tfor _, id := range ids {
            \t\tb.Queue("update items set seen = now() where id = $1", id)
            \t}
            \tbr := pool.SendBatch(ctx, b)
            %s\tfor range ids {
            \t\tif _, err := br.Exec(); err != nil {
            \t\t\treturn err
            \t\t}
            \t}
            \treturn nil
            }
            """;

    @Test
    void go_pgx_batch_defect_is_reported() {
        assertEquals(List.of("15:RES-01"), items("store/batch.go", PGX_BATCH.formatted("")));
    }

    @Test
    void go_pgx_batch_look_alike_is_clean() {
        assertEquals(List.of(), items("store/batch.go", PGX_BATCH.formatted("\tdefer br.Close()\n")));
    }

    // --- a go-redis single connection not closed / closed by defer ---

    private static final String REDIS_CONN = """
            package cache

            import (
            \t"context"

            \t"github.com/redis/go-redis/v9"
            )

            func NameConnection(ctx context.Context, rdb *redis.Client, name string) (string, error) {
            \tcn := rdb.Conn()
            %s\tif err := cn.ClientSetName(ctx, name).Err(); err != nil {
            \t\treturn "", err
            \t}
            \treturn cn.ClientGetName(ctx).Result()
            }
            """;

    @Test
    void go_redis_conn_defect_is_reported() {
        assertEquals(List.of("10:RES-01"), items("cache/pin.go", REDIS_CONN.formatted("")));
    }

    @Test
    void go_redis_conn_look_alike_is_clean() {
        assertEquals(List.of(), items("cache/pin.go", REDIS_CONN.formatted("\tdefer cn.Close()\n")));
    }

    // --- a mongo session never ended / ended by defer ---

    private static final String MONGO_SESSION = """
            package orders

            import (
            \t"context"

            \t"go.mongodb.org/mongo-driver/mongo"
            )

            func Place(ctx context.Context, client *mongo.Client, doc interface{}) error {
            \tsess, err := client.StartSession()
            \tif err != nil {
            \t\treturn err
            \t}
            %s\t_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
            \t\treturn client.Database("shop").Collection("orders").InsertOne(sc, doc)
            \t})
            \treturn err
            }
            """;

    @Test
    void go_mongo_session_defect_is_reported() {
        assertEquals(List.of("10:RES-01"), items("orders/tx.go", MONGO_SESSION.formatted("")));
    }

    @Test
    void go_mongo_session_look_alike_is_clean() {
        assertEquals(List.of(), items("orders/tx.go", MONGO_SESSION.formatted("\tdefer sess.EndSession(ctx)\n")));
    }

    // --- a confluent-kafka-go producer not closed on an early return / closed by defer ---

    private static final String CONFLUENT_PRODUCER = """
            package events

            import (
            \t"errors"

            \t"github.com/confluentinc/confluent-kafka-go/v2/kafka"
            )

            func Emit(brokers, topic string, payload []byte) error {
            \tp, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": brokers})
            \tif err != nil {
            \t\treturn err
            \t}
            %s\tif len(payload) == 0 {
            \t\treturn errors.New("empty payload")
            \t}
            \treturn p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic}, Value: payload}, nil)
            }
            """;

    @Test
    void go_confluent_producer_defect_is_reported() {
        assertEquals(List.of("10:RES-01"), items("events/emit.go", CONFLUENT_PRODUCER.formatted("")));
    }

    @Test
    void go_confluent_producer_look_alike_is_clean() {
        assertEquals(List.of(), items("events/emit.go", CONFLUENT_PRODUCER.formatted("\tdefer p.Close()\n")));
    }

    // --- an upgraded websocket connection never closed / closed by defer ---

    private static final String WEBSOCKET_UPGRADE = """
            package live

            import (
            \t"net/http"

            \t"github.com/gorilla/websocket"
            )

            var upgrader = websocket.Upgrader{}

            func Echo(w http.ResponseWriter, r *http.Request) {
            \tconn, err := upgrader.Upgrade(w, r, nil)
            \tif err != nil {
            \t\treturn
            \t}
            %s\tfor {
            \t\tmt, msg, err := conn.ReadMessage()
            \t\tif err != nil {
            \t\t\treturn
            \t\t}
            \t\tif err := conn.WriteMessage(mt, msg); err != nil {
            \t\t\treturn
            \t\t}
            \t}
            }
            """;

    @Test
    void go_websocket_upgrade_defect_is_reported() {
        assertEquals(List.of("12:RES-01"), items("live/socket.go", WEBSOCKET_UPGRADE.formatted("")));
    }

    @Test
    void go_websocket_upgrade_look_alike_is_clean() {
        assertEquals(List.of(), items("live/socket.go", WEBSOCKET_UPGRADE.formatted("\tdefer conn.Close()\n")));
    }

    // --- a started command not waited for on a read error / waited for on the read error too ---

    private static final String EXEC_START = """
            package tools

            import (
            \t"io"
            \t"os/exec"
            )

            func FirstBytes(name string, n int) ([]byte, error) {
            \tcmd := exec.Command(name)
            \tout, err := cmd.StdoutPipe()
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tif err := cmd.Start(); err != nil {
            \t\treturn nil, err
            \t}
            \tbuf := make([]byte, n)
            \tif _, err := io.ReadFull(out, buf); err != nil {
            %s\t\treturn nil, err
            \t}
            \treturn buf, cmd.Wait()
            }
            """;

    @Test
    void go_exec_start_defect_is_reported() {
        assertEquals(List.of("14:RES-01"), items("tools/run.go", EXEC_START.formatted("")));
    }

    @Test
    void go_exec_start_look_alike_is_clean() {
        assertEquals(List.of(), items("tools/run.go", EXEC_START.formatted("\t\t_ = cmd.Wait()\n")));
    }

    // --- an OpenTelemetry span not ended on an early return / ended by defer ---

    private static final String OTEL_SPAN = """
            package billing

            import (
            \t"context"
            \t"errors"

            \t"go.opentelemetry.io/otel/trace"
            )

            type Service struct {
            \ttracer trace.Tracer
            }

            func (s *Service) Charge(ctx context.Context, cents int64) error {
            \tctx, span := s.tracer.Start(ctx, "charge")
            %s\tif cents <= 0 {
            \t\treturn errors.New("nothing to charge")
            \t}
            \treturn s.send(ctx, cents)
            }

            func (s *Service) send(ctx context.Context, cents int64) error { return nil }
            """;

    @Test
    void go_otel_span_defect_is_reported() {
        assertEquals(List.of("15:RES-01"), items("billing/charge.go", OTEL_SPAN.formatted("")));
    }

    @Test
    void go_otel_span_look_alike_is_clean() {
        assertEquals(List.of(), items("billing/charge.go", OTEL_SPAN.formatted("\tdefer span.End()\n")));
    }

    // --- a badger iterator left open on an early return / closed by defer ---

    private static final String BADGER_ITER = """
            package kv

            import (
            \t"errors"

            \tbadger "github.com/dgraph-io/badger/v4"
            )

            func Keys(txn *badger.Txn, limit int) ([]string, error) {
            \tit := txn.NewIterator(badger.DefaultIteratorOptions)
            %s\tvar keys []string
            \tfor it.Rewind(); it.Valid(); it.Next() {
            \t\tif len(keys) == limit {
            \t\t\treturn nil, errors.New("too many keys")
            \t\t}
            \t\tkeys = append(keys, string(it.Item().Key()))
            \t}
            \treturn keys, nil
            }
            """;

    @Test
    void go_badger_iter_defect_is_reported() {
        assertEquals(List.of("10:RES-01"), items("kv/scan.go", BADGER_ITER.formatted("")));
    }

    @Test
    void go_badger_iter_look_alike_is_clean() {
        assertEquals(List.of(), items("kv/scan.go", BADGER_ITER.formatted("\tdefer it.Close()\n")));
    }

    // --- gorm rows not closed on a scan error / closed by defer ---

    private static final String GORM_ROWS = """
            package report

            import (
            \t"gorm.io/gorm"
            )

            type Line struct{ Name string }

            func Export(db *gorm.DB, emit func(Line) error) error {
            \trows, err := db.Model(&Line{}).Where("active = ?", true).Rows()
            \tif err != nil {
            \t\treturn err
            \t}
            %s\tfor rows.Next() {
            \t\tvar l Line
            \t\tif err := db.ScanRows(rows, &l); err != nil {
            \t\t\treturn err
            \t\t}
            \t\tif err := emit(l); err != nil {
            \t\t\treturn err
            \t\t}
            \t}
            \treturn rows.Err()
            }
            """;

    @Test
    void go_gorm_rows_defect_is_reported() {
        assertEquals(List.of("10:RES-01"), items("report/export.go", GORM_ROWS.formatted("")));
    }

    @Test
    void go_gorm_rows_look_alike_is_clean() {
        assertEquals(List.of(), items("report/export.go", GORM_ROWS.formatted("\tdefer rows.Close()\n")));
    }

    // --- an ent transaction not rolled back on the first error return / rolled back on both error returns ---

    private static final String ENT_TX = """
            package accounts

            import (
            \t"context"

            \t"example.com/app/ent"
            )

            func Move(ctx context.Context, client *ent.Client, from, to int, amount int64) error {
            \ttx, err := client.Tx(ctx)
            \tif err != nil {
            \t\treturn err
            \t}
            \tif err := tx.Account.UpdateOneID(from).AddBalance(-amount).Exec(ctx); err != nil {
            %s\t\treturn err
            \t}
            \tif err := tx.Account.UpdateOneID(to).AddBalance(amount).Exec(ctx); err != nil {
            \t\t_ = tx.Rollback()
            \t\treturn err
            \t}
            \treturn tx.Commit()
            }
            """;

    @Test
    void go_ent_tx_defect_is_reported() {
        assertEquals(List.of("10:TX-01"), items("accounts/move.go", ENT_TX.formatted("")));
    }

    @Test
    void go_ent_tx_look_alike_is_clean() {
        assertEquals(List.of(), items("accounts/move.go", ENT_TX.formatted("\t\t_ = tx.Rollback()\n")));
    }

    // --- a Cloud Storage object reader not closed on an early return / closed by defer ---

    private static final String GCS_READER = """
            package assets

            import (
            \t"context"
            \t"errors"
            \t"io"

            \t"cloud.google.com/go/storage"
            )

            func Head(ctx context.Context, client *storage.Client, bucket, name string) ([]byte, error) {
            \tr, err := client.Bucket(bucket).Object(name).NewReader(ctx)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            %s\tif r.Attrs.Size == 0 {
            \t\treturn nil, errors.New("empty object")
            \t}
            \treturn io.ReadAll(io.LimitReader(r, 512))
            }
            """;

    @Test
    void go_gcs_reader_defect_is_reported() {
        assertEquals(List.of("12:RES-01"), items("assets/fetch.go", GCS_READER.formatted("")));
    }

    @Test
    void go_gcs_reader_look_alike_is_clean() {
        assertEquals(List.of(), items("assets/fetch.go", GCS_READER.formatted("\tdefer r.Close()\n")));
    }

    // --- a Docker image pull stream never closed / closed by defer ---

    private static final String DOCKER_PULL = """
            package deploy

            import (
            \t"context"
            \t"io"

            \t"github.com/docker/docker/api/types/image"
            \t"github.com/docker/docker/client"
            )

            func Pull(ctx context.Context, cli *client.Client, ref string, log io.Writer) error {
            \trc, err := cli.ImagePull(ctx, ref, image.PullOptions{})
            \tif err != nil {
            \t\treturn err
            \t}
            %s\t_, err = io.Copy(log, rc)
            \treturn err
            }
            """;

    @Test
    void go_docker_pull_defect_is_reported() {
        assertEquals(List.of("12:RES-01"), items("deploy/pull.go", DOCKER_PULL.formatted("")));
    }

    @Test
    void go_docker_pull_look_alike_is_clean() {
        assertEquals(List.of(), items("deploy/pull.go", DOCKER_PULL.formatted("\tdefer rc.Close()\n")));
    }

    // --- an ssh session not closed / closed by defer ---

    private static final String SSH_SESSION = """
            package remote

            import (
            \t"golang.org/x/crypto/ssh"
            )

            func Uptime(client *ssh.Client) (string, error) {
            \tsess, err := client.NewSession()
            \tif err != nil {
            \t\treturn "", err
            \t}
            %s\tout, err := sess.Output("uptime")
            \tif err != nil {
            \t\treturn "", err
            \t}
            \treturn string(out), nil
            }
            """;

    @Test
    void go_ssh_session_defect_is_reported() {
        assertEquals(List.of("8:RES-01"), items("remote/exec.go", SSH_SESSION.formatted("")));
    }

    @Test
    void go_ssh_session_look_alike_is_clean() {
        assertEquals(List.of(), items("remote/exec.go", SSH_SESSION.formatted("\tdefer sess.Close()\n")));
    }

    // --- an fsnotify watcher dropped when adding a path fails / closed on the failure, returned otherwise ---

    private static final String FSNOTIFY_WATCHER = """
            package config

            import (
            \t"github.com/fsnotify/fsnotify"
            )

            func Watch(paths []string) (*fsnotify.Watcher, error) {
            \tw, err := fsnotify.NewWatcher()
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tfor _, p := range paths {
            \t\tif err := w.Add(p); err != nil {
            %s\t\t\treturn nil, err
            \t\t}
            \t}
            \treturn w, nil
            }
            """;

    @Test
    void go_fsnotify_watcher_defect_is_reported() {
        assertEquals(List.of("8:RES-01"), items("config/watch.go", FSNOTIFY_WATCHER.formatted("")));
    }

    @Test
    void go_fsnotify_watcher_look_alike_is_clean() {
        assertEquals(List.of(), items("config/watch.go", FSNOTIFY_WATCHER.formatted("\t\t\tw.Close()\n")));
    }

    // --- an Azure blob download whose body is not closed on an early return / closed by defer ---

    private static final String AZURE_DOWNLOAD = """
            package blobs

            import (
            \t"context"
            \t"errors"
            \t"io"

            \t"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
            )

            func Get(ctx context.Context, client *azblob.Client, container, name string) ([]byte, error) {
            \tresp, err := client.DownloadStream(ctx, container, name, nil)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            %s\tif resp.ContentLength != nil && *resp.ContentLength > 1<<20 {
            \t\treturn nil, errors.New("blob too large")
            \t}
            \treturn io.ReadAll(resp.Body)
            }
            """;

    @Test
    void go_azure_download_defect_is_reported() {
        assertEquals(List.of("12:RES-02"), items("blobs/get.go", AZURE_DOWNLOAD.formatted("")));
    }

    @Test
    void go_azure_download_look_alike_is_clean() {
        assertEquals(List.of(), items("blobs/get.go", AZURE_DOWNLOAD.formatted("\tdefer resp.Body.Close()\n")));
    }
}
