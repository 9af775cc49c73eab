package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go library models added in round 9 by popularity (content/rules/models/go-libraries-2.yaml), database part:
 * pgx connections and batches, go-redis connections, mongo sessions, badger iterators, gorm rows and ent
 * transactions. The round's connections, processes and spans, and cloud streams are in
 * GoLibraryModelsRound9ConnectionsTest and GoLibraryModelsRound9StreamsTest, which share {@code items}. Each defect the
 * library's documentation warns about (a value left open, unended or unwaited on some path) is paired with the
 * look-alike that honours the duty the way real code does (a deferred release, the value handed to the caller).
 * Findings are compared as "line:item"; the fixtures are written for these tests from each library's API. The Java
 * half is {@link JavaLibraryModelsRound9Test}.
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
}
