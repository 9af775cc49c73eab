# Go cases of the round-2 held-out corpus (see make_cases.py). Written from the shape of public fixes.
CASES = []
def case(name, desc, source, path, new, old=None):
    c = dict(name=name, desc=desc, source=source, path=path, new=new)
    if old is not None:
        c['old'] = old
    CASES.append(c)

case('go-01-body-closed-only-on-200-assigned',
     'response assigned with = to a variable declared earlier; the body is closed only when the status is 200',
     'https://github.com/coreos/etcd-operator/pull/127',
     'pkg/backup/uploader.go', r'''
package backup

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
)

type Uploader struct {
	Endpoint string
	HTTP     *http.Client
}

func (u *Uploader) Put(ctx context.Context, name string, blob []byte) error {
	var (
		req  *http.Request
		resp *http.Response
		err  error
	)
	req, err = http.NewRequestWithContext(ctx, http.MethodPut, u.Endpoint+"/snapshots/"+name, bytes.NewReader(blob))
	if err != nil {
		return err
	}
	resp, err = u.HTTP.Do(req) //@RES-02
	if err != nil {
		return fmt.Errorf("upload %s: %w", name, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("upload %s: unexpected status %s", name, resp.Status)
	}
	_, _ = io.Copy(io.Discard, resp.Body) // best effort: lets the connection be reused
	return resp.Body.Close()
}
''')

case('go-02-error-body-read-not-closed',
     'non-2xx path reads the body to build the error and returns without closing it; the 2xx path hands the response to the caller',
     'https://github.com/juju/juju/pull/20732',
     'internal/apiclient/doer.go', r'''
package apiclient

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

type Doer struct {
	client *http.Client
	token  string
}

// Do sends req with the API token. On success the caller owns the response and must close its body.
func (d *Doer) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "Bearer "+d.token)
	resp, err := d.client.Do(req) //@RES-02
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096)) //@~ERR-01
		if resp.StatusCode == http.StatusUnauthorized {
			return nil, errors.New("api: token rejected")
		}
		return nil, fmt.Errorf("api: %s: %s", resp.Status, msg)
	}
	return resp, nil
}
''')

case('go-03-defer-only-in-200-case-of-switch',
     'switch on the status code: only the 200 case defers Close; the 404 and default cases return with the body open',
     'https://github.com/anas-aso/ssllabs_exporter/issues/17',
     'pkg/scan/analyze.go', r'''
package scan

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

var ErrNotReady = errors.New("scan: report not ready")

type Report struct {
	Host   string `json:"host"`
	Status string `json:"status"`
	Grade  string `json:"grade"`
}

func Fetch(client *http.Client, api, host string) (*Report, error) {
	response, err := client.Get(api + "/analyze?host=" + url.QueryEscape(host)) //@RES-02
	if err != nil {
		return nil, err
	}
	switch response.StatusCode {
	case http.StatusOK:
		defer response.Body.Close()
		var r Report
		if err := json.NewDecoder(response.Body).Decode(&r); err != nil {
			return nil, fmt.Errorf("decode report for %s: %w", host, err)
		}
		return &r, nil
	case http.StatusNotFound, http.StatusTooManyRequests:
		return nil, ErrNotReady
	default:
		return nil, fmt.Errorf("analyze %s: %s", host, response.Status)
	}
}
''')

case('go-04-error-helper-reads-without-close',
     'error path hands the response to a helper that reads the body but never closes it',
     'https://github.com/minio/madmin-go/pull/84',
     'admin/quota.go', r'''
package admin

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

type Quota struct {
	Bucket string `json:"bucket"`
	Bytes  uint64 `json:"bytes"`
}

type Client struct {
	base string
	hc   *http.Client
}

func errorFromResponse(resp *http.Response) error {
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if err != nil {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return fmt.Errorf("status %d: %s", resp.StatusCode, b)
}

func (c *Client) BucketQuota(ctx context.Context, bucket string) (*Quota, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/quota/"+bucket, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req) //@RES-02
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errorFromResponse(resp)
	}
	defer resp.Body.Close()
	var q Quota
	if err := json.NewDecoder(resp.Body).Decode(&q); err != nil {
		return nil, err
	}
	return &q, nil
}
''')

case('go-05-rows-scan-error-returns-inside-loop',
     'rows never closed explicitly; a Scan error returns from inside the loop before the rows are exhausted',
     'https://github.com/mattermost-community/focalboard/pull/679',
     'server/store/blocks.go', r'''
package store

import (
	"context"
	"database/sql"
)

type Block struct {
	ID       string
	ParentID string
	Title    string
}

type BlockStore struct {
	db *sql.DB
}

func (s *BlockStore) Children(ctx context.Context, parentID string) ([]Block, error) {
	rows, err := s.db.QueryContext(ctx, //@RES-01
		`SELECT id, parent_id, title FROM blocks WHERE parent_id = $1 ORDER BY position`, parentID)
	if err != nil {
		return nil, err
	}
	var out []Block
	for rows.Next() {
		var b Block
		if err := rows.Scan(&b.ID, &b.ParentID, &b.Title); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
''')

case('go-06-sqlx-rows-columns-error-before-defer',
     'sqlx rows: an early return on a Columns error sits above the deferred Close',
     'https://github.com/zknill/sqledge/issues/7',
     'pkg/export/table.go', r'''
package export

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// Dump returns every row of table as a map from column name to value.
func Dump(ctx context.Context, db *sqlx.DB, table string) ([]map[string]any, error) {
	rows, err := db.QueryxContext(ctx, fmt.Sprintf("SELECT * FROM %q", table)) //@RES-01
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	defer rows.Close()
	out := make([]map[string]any, 0, 64)
	for rows.Next() {
		row := make(map[string]any, len(cols))
		if err := rows.MapScan(row); err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, rows.Err()
}
''')

case('go-07-query-result-discarded',
     'the *sql.Rows returned by Query is discarded (never stored, never closed); its connection stays checked out',
     'https://github.com/mattn/go-sqlite3/pull/1439',
     'internal/cache/sqlite.go', r'''
package cache

import (
	"database/sql"
	"fmt"
)

// Prepare switches the cache database to WAL mode and warms the page cache.
func Prepare(db *sql.DB) error {
	if _, err := db.Exec(`PRAGMA journal_mode = WAL`); err != nil {
		return fmt.Errorf("wal: %w", err)
	}
	if _, err := db.Query(`SELECT key FROM entries LIMIT 1000`); err != nil { //@RES-01
		return fmt.Errorf("warm cache: %w", err)
	}
	return nil
}
''')

case('go-08-cancel-discarded-plain-assignment',
     'the cancel function of WithTimeout is discarded in a plain = assignment to an existing ctx',
     'https://github.com/ory/hydra/issues/1090',
     'cmd/revoke.go', r'''
package cmd

import (
	"context"
	"fmt"
	"time"
)

type Revoker interface {
	Revoke(ctx context.Context, token string) error
}

func revokeAll(parent context.Context, r Revoker, tokens []string, perCall time.Duration) error {
	ctx := parent
	if perCall > 0 {
		ctx, _ = context.WithTimeout(parent, perCall*time.Duration(len(tokens))) //@TMO-03
	}
	for _, t := range tokens {
		if err := r.Revoke(ctx, t); err != nil {
			return fmt.Errorf("revoke: %w", err)
		}
	}
	return nil
}
''')

case('go-09-cancel-skipped-by-early-return',
     'cancel called by hand at the end; an error return after WithTimeout never reaches it',
     'https://github.com/apache/trafficcontrol/issues/5761',
     'ops/certs/cleanup.go', r'''
package certs

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"time"
)

type Handler struct {
	DB      *sql.DB
	Timeout time.Duration
}

func (h *Handler) DeleteExpired(w http.ResponseWriter, r *http.Request) {
	dbCtx, cancelTx := context.WithTimeout(r.Context(), h.Timeout) //@TMO-03
	res, err := h.DB.ExecContext(dbCtx, `DELETE FROM certificates WHERE expires_at < now()`)
	if err != nil {
		http.Error(w, "delete failed", http.StatusInternalServerError)
		return
	}
	n, err := res.RowsAffected()
	if err != nil {
		http.Error(w, "delete failed", http.StatusInternalServerError)
		return
	}
	cancelTx()
	w.Header().Set("X-Deleted", strconv.FormatInt(n, 10))
	w.WriteHeader(http.StatusNoContent)
}
''')

case('go-10-conditional-cancel-lost-on-redirect',
     'cancel declared with var and assigned only when a timeout is set; the redirect path returns without calling it',
     'https://github.com/hashicorp/vault/pull/5816',
     'api/raw.go', r'''
package api

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

type Client struct {
	hc      *http.Client
	timeout time.Duration
}

func (c *Client) Raw(ctx context.Context, req *http.Request) (*http.Response, error) {
	var cancel context.CancelFunc
	if c.timeout != 0 {
		ctx, cancel = context.WithTimeout(ctx, c.timeout) //@TMO-03
	}
	resp, err := c.hc.Do(req.WithContext(ctx))
	if err != nil {
		if cancel != nil {
			cancel()
		}
		return nil, err
	}
	if resp.StatusCode == http.StatusTemporaryRedirect {
		loc := resp.Header.Get("Location")
		resp.Body.Close()
		return nil, fmt.Errorf("redirected to %s", loc)
	}
	return resp, nil
}
''')

case('go-11-gorm-begin-no-rollback-on-error',
     'gorm transaction: errors from Create return without Rollback',
     'https://github.com/gophish/gophish/issues/350',
     'models/group.go', r'''
package models

import (
	"gorm.io/gorm"
)

type Target struct {
	ID    uint
	Email string
}

type GroupTarget struct {
	GroupID  uint
	TargetID uint
}

func AddTargets(db *gorm.DB, groupID uint, targets []Target) error {
	trans := db.Begin() //@TX-01
	if trans.Error != nil {
		return trans.Error
	}
	for i := range targets {
		if err := trans.Where(Target{Email: targets[i].Email}).FirstOrCreate(&targets[i]).Error; err != nil {
			return err
		}
		if err := trans.Create(&GroupTarget{GroupID: groupID, TargetID: targets[i].ID}).Error; err != nil {
			return err
		}
	}
	return trans.Commit().Error
}
''')

case('go-12-tx-callback-error-no-rollback',
     'the callback error returns while the transaction is open; only the commit path ends it',
     'https://github.com/italolelis/outboxer/issues/864',
     'storage/postgres/outbox.go', r'''
package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

type Message struct {
	Topic   string
	Payload any
}

type Outbox struct {
	db *sql.DB
}

// AddWithinTx runs fn and stores msg in the same transaction.
func (o *Outbox) AddWithinTx(ctx context.Context, msg Message, fn func(*sql.Tx) error) error {
	tx, err := o.db.BeginTx(ctx, nil) //@TX-01
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		return err
	}
	body, err := json.Marshal(msg.Payload)
	if err != nil {
		_ = tx.Rollback() //@~ERR-01
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (topic, payload) VALUES ($1, $2)`, msg.Topic, body); err != nil {
		_ = tx.Rollback() //@~ERR-01
		return fmt.Errorf("insert outbox: %w", err)
	}
	return tx.Commit()
}
''')

case('go-13-sqlx-tx-continue-then-return',
     'sqlx transaction in an import loop: duplicates continue, any other Exec error returns without Rollback',
     'https://github.com/mtlynch/screenjournal/pull/412',
     'store/sqlite/import.go', r'''
package sqlite

import (
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

var errDuplicate = errors.New("duplicate")

type Review struct {
	MovieID int64
	Author  string
	Rating  int
}

func classify(err error) error { return err }

func ImportReviews(db *sqlx.DB, reviews []Review) (int, error) {
	tx, err := db.Beginx() //@TX-01
	if err != nil {
		return 0, err
	}
	imported := 0
	for _, r := range reviews {
		_, err := tx.NamedExec(`INSERT INTO reviews (movie_id, author, rating) VALUES (:movieid, :author, :rating)`, r)
		if errors.Is(classify(err), errDuplicate) {
			continue
		}
		if err != nil {
			return imported, fmt.Errorf("import review of %d: %w", r.MovieID, err)
		}
		imported++
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return imported, nil
}
''')

case('go-14-named-read-loop-goroutine',
     'a transport starts its read loop with go on a named method; nothing on that goroutine recovers',
     'https://github.com/modelcontextprotocol/go-sdk/issues/958',
     'transport/stream.go', r'''
package transport

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
)

type Message struct {
	ID     int64           `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

type Stream struct {
	r        *bufio.Reader
	incoming chan Message
	handle   func(context.Context, Message)
}

func NewStream(r io.Reader, handle func(context.Context, Message)) *Stream {
	return &Stream{r: bufio.NewReader(r), incoming: make(chan Message, 16), handle: handle}
}

func (s *Stream) Start(ctx context.Context) {
	go s.readLoop(ctx) //@CONC-01
}

func (s *Stream) readLoop(ctx context.Context) {
	dec := json.NewDecoder(s.r)
	for ctx.Err() == nil {
		var m Message
		if err := dec.Decode(&m); err != nil {
			return
		}
		s.handle(ctx, m)
	}
}
''')

case('go-15-ticker-goroutine-no-recover',
     'a retention job runs in a goroutine literal over a ticker with no recover: a panic ends the process, an error ends nothing but is unguarded',
     'https://github.com/getpusk/pusk/issues/156',
     'internal/retention/cleanup.go', r'''
package retention

import (
	"context"
	"database/sql"
	"log/slog"
	"time"
)

func StartCleanup(ctx context.Context, db *sql.DB, every time.Duration, keep time.Duration) {
	ticker := time.NewTicker(every)
	go func() { //@CONC-01|CONC-07
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
				cutoff := time.Now().Add(-keep)
				if _, err := db.ExecContext(ctx, `DELETE FROM messages WHERE created_at < $1`, cutoff); err != nil {
					slog.Warn("retention cleanup failed", "err", err)
				}
			}
		}
	}()
}
''')

case('go-16-go-in-switch-case',
     'an informer callback starts a goroutine for one event type inside a switch, without recover',
     'https://github.com/argoproj/argo-workflows/issues/5411',
     'controller/events.go', r'''
package controller

import (
	"context"
	"log/slog"
)

type EventType int

const (
	Added EventType = iota
	Updated
	Deleted
)

type Event struct {
	Type EventType
	Name string
}

type Controller struct {
	queue chan string
}

func (c *Controller) reconcileDeleted(ctx context.Context, name string) {
	slog.Info("finalising", "workflow", name)
}

func (c *Controller) OnEvent(ctx context.Context, ev Event) {
	switch ev.Type {
	case Added, Updated:
		c.queue <- ev.Name
	case Deleted:
		go c.reconcileDeleted(ctx, ev.Name) //@CONC-01
	}
}
''')

case('go-17-defer-close-chunk-in-loop',
     'defer Close of each chunk file inside the split loop keeps every chunk open until the function returns',
     'https://github.com/zarf-dev/zarf/pull/4656',
     'src/pkg/split/split.go', r'''
package split

import (
	"fmt"
	"io"
	"os"
)

// SplitFile copies src into numbered chunks of at most size bytes.
func SplitFile(src string, size int64) ([]string, error) {
	in, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	var names []string
	for i := 0; ; i++ {
		name := fmt.Sprintf("%s.part%03d", src, i)
		dst, err := os.Create(name)
		if err != nil {
			return names, err
		}
		defer dst.Close() //@RES-03
		n, err := io.CopyN(dst, in, size)
		if n > 0 {
			names = append(names, name)
		}
		if err == io.EOF {
			return names, nil
		}
		if err != nil {
			return names, err
		}
	}
}
''')

case('go-18-defer-close-dictionary-in-range',
     'defer Close inside a range over dictionary files; every file stays open until all are read',
     'https://github.com/muesli/crunchy/pull/10',
     'dict/load.go', r'''
package dict

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

func LoadWords(dir string) (map[string]struct{}, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	words := make(map[string]struct{}, 1<<16)
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		defer f.Close() //@RES-03
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			words[strings.ToLower(strings.TrimSpace(sc.Text()))] = struct{}{}
		}
	}
	return words, nil
}
''')

case('go-19-defer-before-openfile-check',
     'defer f.Close() written before the OpenFile error is checked (and the check lets one error through)',
     'https://github.com/kubevirt/kubevirt/pull/2797',
     'pkg/disk/directio.go', r'''
package disk

import (
	"os"
	"syscall"
)

// SupportsDirectIO reports whether the file system holding path accepts O_DIRECT.
func SupportsDirectIO(path string) bool {
	f, err := os.OpenFile(path, syscall.O_RDONLY|syscall.O_DIRECT, 0) //@RES-01
	defer f.Close()
	if err != nil && !os.IsNotExist(err) {
		return false
	}
	return true
}
''')

case('go-20-defer-rollback-before-begin-check',
     'defer tx.Rollback() written before the error of Begin is checked: on failure tx is nil',
     'https://github.com/decred/dcrdata/pull/1325',
     'db/pg/votes.go', r'''
package pg

import (
	"context"
	"database/sql"
)

type Vote struct {
	Ticket string
	Choice string
}

func StoreVotes(ctx context.Context, db *sql.DB, votes []Vote) error {
	tx, err := db.BeginTx(ctx, nil) //@TX-01|RES-01|TX-02
	defer tx.Rollback()
	if err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO votes (ticket, choice) VALUES ($1, $2)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, v := range votes {
		if _, err := stmt.ExecContext(ctx, v.Ticket, v.Choice); err != nil {
			return err
		}
	}
	return tx.Commit()
}
''')

case('go-21-resty-client-no-timeout',
     'a resty client built without SetTimeout for a document conversion service: calls can wait forever',
     'https://github.com/thecodingmachine/gotenberg-go-client/issues/11',
     'pkg/convert/client.go', r'''
package convert

import (
	"context"
	"fmt"

	"github.com/go-resty/resty/v2"
)

type Client struct {
	rc *resty.Client
}

func New(baseURL string) *Client {
	rc := resty.New().SetBaseURL(baseURL).SetRetryCount(2) //@TMO-01
	return &Client{rc: rc}
}

func (c *Client) ToPDF(ctx context.Context, html []byte) ([]byte, error) {
	resp, err := c.rc.R().SetContext(ctx).
		SetFileReader("files", "index.html", bytesReader(html)).
		Post("/forms/chromium/convert/html")
	if err != nil {
		return nil, err
	}
	if resp.IsError() {
		return nil, fmt.Errorf("convert: %s", resp.Status())
	}
	return resp.Body(), nil
}
''')

case('go-22-http-get-in-poller',
     'http.Get (DefaultClient, no timeout) in a peer poller; a silent peer blocks the poll forever',
     'https://github.com/gravitl/netmaker/pull/1085',
     'logic/peers/poll.go', r'''
package peers

import (
	"encoding/json"
	"fmt"
	"net/http"
)

type PeerState struct {
	Endpoint string `json:"endpoint"`
	Online   bool   `json:"online"`
}

func Poll(addr string) (*PeerState, error) {
	resp, err := http.Get("http://" + addr + "/api/state") //@TMO-01
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("peer %s: %s", addr, resp.Status)
	}
	var s PeerState
	return &s, json.NewDecoder(resp.Body).Decode(&s)
}
''')

case('go-23-client-with-transport-no-timeout',
     'an http.Client with a custom Transport (TLS config only) and no Timeout, no dial or header timeouts',
     'https://github.com/jpoehls/go-conduit/issues/3',
     'conduit/conn.go', r'''
package conduit

import (
	"crypto/tls"
	"net/http"
	"net/url"
	"strings"
)

type Conn struct {
	host   string
	client *http.Client
}

func Dial(host string, insecure bool) *Conn {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: insecure}}
	return &Conn{host: host, client: &http.Client{Transport: tr}} //@TMO-01
}

func (c *Conn) Call(method string, params url.Values) (*http.Response, error) {
	return c.client.Post(c.host+"/api/"+method, "application/x-www-form-urlencoded",
		strings.NewReader(params.Encode()))
}
''')

case('go-24-grpc-newclient-per-call',
     'grpc.NewClient on every call returns a client whose ClientConn nobody closes',
     'https://github.com/hyperledger-labs/fabric-smart-client/issues/1482',
     'platform/committer/grpc.go', r'''
package committer

import (
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/ledger/api/querypb"
)

type ClientProvider struct {
	endpoint string
}

// QueryServiceClient is called for every state query.
func (p *ClientProvider) QueryServiceClient() (querypb.QueryServiceClient, error) {
	conn, err := grpc.NewClient(p.endpoint, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-04,~RES-01
	if err != nil {
		return nil, fmt.Errorf("dial query service %s: %w", p.endpoint, err)
	}
	return querypb.NewQueryServiceClient(conn), nil
}
''')

case('go-25-grpc-dial-never-closed',
     'each discovery attempt dials a gRPC connection for reflection and never closes it',
     'https://github.com/kgateway-dev/kgateway/pull/409',
     'discovery/grpc/reflect.go', r'''
package grpc

import (
	"context"
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	reflectpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
)

func ListServices(ctx context.Context, host string) ([]string, error) {
	cc, err := grpc.DialContext(ctx, host, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-01|RES-04
	if err != nil {
		return nil, fmt.Errorf("dialing grpc on %v: %w", host, err)
	}
	stream, err := reflectpb.NewServerReflectionClient(cc).ServerReflectionInfo(ctx)
	if err != nil {
		return nil, err
	}
	if err := stream.Send(&reflectpb.ServerReflectionRequest{
		MessageRequest: &reflectpb.ServerReflectionRequest_ListServices{},
	}); err != nil {
		return nil, err
	}
	resp, err := stream.Recv()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, s := range resp.GetListServicesResponse().GetService() {
		names = append(names, s.GetName())
	}
	return names, nil
}
''')

case('go-26-slog-info-per-event-in-select',
     'slog.Info for every event of a batch inside the consumer select loop',
     'https://github.com/ngageoint/hootenanny/issues/1124',
     'consumer/apply.go', r'''
package consumer

import (
	"context"
	"log/slog"
)

type Change struct {
	Key   string
	Value []byte
}

type Applier struct {
	store map[string][]byte
}

func (a *Applier) Run(ctx context.Context, batches <-chan []Change) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case batch := <-batches:
			for _, ch := range batch {
				slog.Info("applying change", "key", ch.Key, "bytes", len(ch.Value)) //@LOG-01
				a.store[ch.Key] = ch.Value
			}
		}
	}
}
''')

case('go-27-log-println-per-scanned-line',
     'log.Println on every line of an input scanned line by line',
     'https://github.com/MozillaSecurity/grizzly/issues/55',
     'ingest/lines.go', r'''
package ingest

import (
	"bufio"
	"io"
	"log"
	"strings"
)

func CountFields(r io.Reader) (map[string]int, error) {
	counts := map[string]int{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		fields := strings.Split(sc.Text(), "\t")
		log.Println("line", n, "fields", len(fields)) //@LOG-01
		counts[fields[0]]++
	}
	return counts, sc.Err()
}
''')

case('go-28-background-context-in-grpc-gateway',
     'an HTTP gateway handler calls the gRPC backend with context.Background() instead of the request context',
     'https://github.com/ubclaunchpad/pinpoint/issues/101',
     'gateway/clubs.go', r'''
package gateway

import (
	"context"
	"encoding/json"
	"net/http"

	"example.com/pinpoint/protocol/clubpb"
)

type Gateway struct {
	core clubpb.CoreClient
}

func (g *Gateway) CreateClub(w http.ResponseWriter, r *http.Request) {
	var req clubpb.CreateClubRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	resp, err := g.core.CreateClub(context.Background(), &req) //@TMO-02
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = json.NewEncoder(w).Encode(resp) //@~ERR-01
}
''')

case('go-29-healthcheck-background-context',
     'a health handler runs its checks under context.Background(): a dropped client does not stop them',
     'https://github.com/etherlabsio/healthcheck/issues/29',
     'health/handler.go', r'''
package health

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

type Checker interface {
	Check(ctx context.Context) error
}

type Handler struct {
	checks  map[string]Checker
	timeout time.Duration
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), h.timeout) //@TMO-02
	defer cancel()
	failures := map[string]string{}
	for name, c := range h.checks {
		if err := c.Check(ctx); err != nil {
			failures[name] = err.Error()
		}
	}
	if len(failures) > 0 {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"failures": failures}) //@~ERR-01
}
''')

case('go-30-gorm-commit-error-ignored',
     'the result of Commit is ignored and the function reports success',
     'https://github.com/go-gorm/gorm/issues/1635',
     'repo/wallet.go', r'''
package repo

import (
	"gorm.io/gorm"
)

type Wallet struct {
	ID      uint
	Balance int64
}

func Transfer(db *gorm.DB, from, to uint, amount int64) error {
	tx := db.Begin()
	if tx.Error != nil {
		return tx.Error
	}
	defer tx.Rollback()
	if err := tx.Model(&Wallet{}).Where("id = ?", from).Update("balance", gorm.Expr("balance - ?", amount)).Error; err != nil {
		return err
	}
	if err := tx.Model(&Wallet{}).Where("id = ?", to).Update("balance", gorm.Expr("balance + ?", amount)).Error; err != nil {
		return err
	}
	tx.Commit() //@TX-02|ERR-01
	return nil
}
''')

case('go-31-file-close-skipped-by-break-in-switch',
     'file closed at the end of each iteration; a return inside the scan switch leaves it open',
     'https://github.com/unknwon/the-way-to-go_ZH_CN/pull/735',
     'tools/headers/check.go', r'''
package headers

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Check reports the first file whose licence header is missing.
func Check(paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p) //@RES-01
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		line := 0
	scan:
		for sc.Scan() {
			line++
			switch {
			case strings.HasPrefix(sc.Text(), "// SPDX-License-Identifier:"):
				break scan
			case line > 5:
				return fmt.Errorf("%s: no licence header in the first 5 lines", p)
			}
		}
		f.Close()
	}
	return nil
}
''')

case('go-32-errgroup-go-without-recover',
     'errgroup.Go starts a goroutine per shard; nothing recovers a panic in a shard',
     'https://github.com/dolthub/go-mysql-server/pull/3370',
     'sql/rowexec/parallel.go', r'''
package rowexec

import (
	"context"

	"golang.org/x/sync/errgroup"
)

type Shard interface {
	Scan(ctx context.Context, out chan<- []byte) error
}

func ScanAll(ctx context.Context, shards []Shard, out chan<- []byte) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, s := range shards {
		s := s
		g.Go(func() error { //@CONC-01
			return s.Scan(ctx, out)
		})
	}
	return g.Wait()
}
''')

# ---- clean look-alikes ----

case('go-ok-01-body-closed-by-helper-second-arg',
     'the body is closed by a deferred helper that takes the response as its second argument and logs the close error',
     'https://github.com/juju/juju/pull/20732',
     'internal/registry/tags.go', r'''
package registry

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
)

type Registry struct {
	base string
	hc   *http.Client
	log  *slog.Logger
}

func drainAndClose(log *slog.Logger, resp *http.Response) {
	if err := resp.Body.Close(); err != nil {
		log.Warn("closing response body", "err", err)
	}
}

func (r *Registry) Tags(ctx context.Context, repo string) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.base+"/v2/"+repo+"/tags/list", nil)
	if err != nil {
		return nil, err
	}
	resp, err := r.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer drainAndClose(r.log, resp)
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("tags of %s: %s", repo, resp.Status)
	}
	var body struct {
		Tags []string `json:"tags"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, err
	}
	return body.Tags, nil
}
''')

case('go-ok-02-rows-closed-by-deferred-helper',
     'rows closed at the allocation site through a deferred helper that logs the Close error',
     'https://github.com/mattermost-community/focalboard/pull/679',
     'server/store/boards.go', r'''
package store

import (
	"context"
	"database/sql"
	"log/slog"
)

type Board struct {
	ID    string
	Title string
}

type BoardStore struct {
	db  *sql.DB
	log *slog.Logger
}

func (s *BoardStore) closeRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		s.log.Error("closing rows", "err", err)
	}
}

func (s *BoardStore) ByTeam(ctx context.Context, teamID string) ([]Board, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title FROM boards WHERE team_id = $1`, teamID)
	if err != nil {
		return nil, err
	}
	defer s.closeRows(rows)
	var out []Board
	for rows.Next() {
		var b Board
		if err := rows.Scan(&b.ID, &b.Title); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
''')

case('go-ok-03-split-loop-body-in-closure',
     'each chunk is written inside an immediately invoked closure whose defer closes it at the end of the iteration',
     'https://github.com/zarf-dev/zarf/pull/4656',
     'src/pkg/split/chunks.go', r'''
package split

import (
	"fmt"
	"io"
	"os"
)

func WriteChunks(in io.Reader, prefix string, size int64) ([]string, error) {
	var names []string
	for i := 0; ; i++ {
		name := fmt.Sprintf("%s.%03d", prefix, i)
		done, err := func() (bool, error) {
			dst, err := os.Create(name)
			if err != nil {
				return false, err
			}
			defer dst.Close()
			n, err := io.CopyN(dst, in, size)
			if n > 0 {
				names = append(names, name)
			}
			if err == io.EOF {
				return true, nil
			}
			return false, err
		}()
		if err != nil || done {
			return names, err
		}
	}
}
''')

case('go-ok-04-client-built-once-sync-once',
     'one HTTP client with timeouts, built lazily through sync.Once and shared by every call',
     'https://github.com/uyuni-project/uyuni-tools/pull/768',
     'shared/utils/fetch.go', r'''
package utils

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

var (
	clientOnce sync.Once
	client     *http.Client
)

func httpClient() *http.Client {
	clientOnce.Do(func() {
		client = &http.Client{
			Timeout: time.Minute,
			Transport: &http.Transport{
				DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
				TLSHandshakeTimeout:   5 * time.Second,
				ResponseHeaderTimeout: 20 * time.Second,
			},
		}
	})
	return client
}

func GetURLBody(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := httpClient().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("get %s: %s", url, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 16<<20))
}
''')

case('go-ok-05-cancel-called-on-every-path',
     'no defer, but cancel is called explicitly on every path, including each early return',
     'https://github.com/apache/trafficcontrol/issues/5761',
     'ops/certs/renew.go', r'''
package certs

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"time"
)

type Renewer struct {
	DB      *sql.DB
	Timeout time.Duration
}

func (h *Renewer) MarkForRenewal(w http.ResponseWriter, r *http.Request) {
	dbCtx, cancel := context.WithTimeout(r.Context(), h.Timeout)
	res, err := h.DB.ExecContext(dbCtx, `UPDATE certificates SET renew = true WHERE expires_at < now() + interval '7 days'`)
	if err != nil {
		cancel()
		http.Error(w, "update failed", http.StatusInternalServerError)
		return
	}
	n, err := res.RowsAffected()
	cancel()
	if err != nil {
		http.Error(w, "update failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("X-Marked", strconv.FormatInt(n, 10))
	w.WriteHeader(http.StatusNoContent)
}
''')

case('go-ok-06-named-result-deferred-rollback',
     'transaction ended by a deferred closure over the named error result: rollback on any error, commit otherwise',
     'https://github.com/italolelis/outboxer/issues/864',
     'storage/postgres/inbox.go', r'''
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

type Inbox struct {
	db *sql.DB
}

func (in *Inbox) Consume(ctx context.Context, id string, fn func(*sql.Tx) error) (err error) {
	tx, err := in.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, tx.Rollback())
			return
		}
		err = tx.Commit()
	}()
	if _, err = tx.ExecContext(ctx, `INSERT INTO inbox_seen (id) VALUES ($1)`, id); err != nil {
		return fmt.Errorf("mark %s seen: %w", id, err)
	}
	return fn(tx)
}
''')

case('go-ok-07-goroutine-defers-recover-helper',
     'goroutine literals defer a helper (recoverLog) whose body calls recover and logs the stack',
     'https://github.com/modelcontextprotocol/go-sdk/issues/958',
     'transport/pipe.go', r'''
package transport

import (
	"context"
	"io"
	"log/slog"
	"runtime/debug"
)

func recoverLog(label string) {
	if r := recover(); r != nil {
		slog.Error("panic recovered", "in", label, "panic", r, "stack", string(debug.Stack()))
	}
}

type Pipe struct {
	in  io.Reader
	out chan []byte
}

func (p *Pipe) Start(ctx context.Context) {
	go func() {
		defer recoverLog("pipe reader")
		buf := make([]byte, 32<<10)
		for ctx.Err() == nil {
			n, err := p.in.Read(buf)
			if n > 0 {
				p.out <- append([]byte(nil), buf[:n]...)
			}
			if err != nil {
				return
			}
		}
	}()
}
''')

case('go-ok-08-safe-go-helper-in-same-change',
     'background work started through a Go helper (in the same change) whose goroutine defers a recover',
     'https://github.com/erda-project/erda-infra/pull/260',
     'pkg/safe/go.go', r'''
package safe

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"
)

// Go runs fn in a goroutine; a panic in fn is logged with its stack instead of ending the process.
func Go(name string, fn func()) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				slog.Error("goroutine panic", "name", name, "panic", r, "stack", string(debug.Stack()))
			}
		}()
		fn()
	}()
}

type Notifier interface {
	Notify(ctx context.Context, orderID string) error
}

// AfterOrder notifies fulfilment in the background with its own bounded context.
func AfterOrder(n Notifier, orderID string) {
	Go("notify-fulfilment", func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := n.Notify(ctx, orderID); err != nil {
			slog.Warn("fulfilment not notified", "order", orderID, "err", err)
		}
	})
}
''')

case('go-ok-09-grpc-conn-owned-by-struct',
     'the gRPC connection is created once by a constructor, kept in the struct and closed by its Close',
     'https://github.com/pingcap/br/pull/5',
     'pkg/meta/pd.go', r'''
package meta

import (
	"context"
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/br/api/pdpb"
)

type PDClient struct {
	conn *grpc.ClientConn
	api  pdpb.PDClient
}

func NewPDClient(addr string) (*PDClient, error) {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, fmt.Errorf("connect pd %s: %w", addr, err)
	}
	return &PDClient{conn: conn, api: pdpb.NewPDClient(conn)}, nil
}

func (c *PDClient) ClusterID(ctx context.Context) (uint64, error) {
	resp, err := c.api.GetMembers(ctx, &pdpb.GetMembersRequest{})
	if err != nil {
		return 0, err
	}
	return resp.GetHeader().GetClusterId(), nil
}

func (c *PDClient) Close() error {
	return c.conn.Close()
}
''')

case('go-ok-10-cancel-returned-to-caller',
     'a helper returns the derived context and its cancel function; the caller defers the cancel',
     'https://github.com/ory/hydra/issues/1090',
     'cmd/timeouts.go', r'''
package cmd

import (
	"context"
	"time"
)

// withBudget derives a context for a whole command; the caller must call the returned cancel.
func withBudget(parent context.Context, perCall time.Duration, calls int) (context.Context, context.CancelFunc) {
	if perCall <= 0 {
		return context.WithCancel(parent)
	}
	return context.WithTimeout(parent, perCall*time.Duration(calls))
}

type Introspector interface {
	Introspect(ctx context.Context, token string) (bool, error)
}

func activeCount(parent context.Context, in Introspector, tokens []string) (int, error) {
	ctx, cancel := withBudget(parent, 2*time.Second, len(tokens))
	defer cancel()
	n := 0
	for _, t := range tokens {
		ok, err := in.Introspect(ctx, t)
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}
''')

case('go-ok-11-first-failures-logged-then-summary',
     'inside the loop only the first three failures are logged; a single summary line follows the loop',
     'https://github.com/MozillaSecurity/grizzly/issues/55',
     'ingest/records.go', r'''
package ingest

import (
	"log/slog"
)

type Record struct {
	ID    string
	Value float64
}

const maxLogged = 3

func Apply(records []Record, apply func(Record) error) int {
	failed := 0
	for _, r := range records {
		if err := apply(r); err != nil {
			failed++
			if failed <= maxLogged {
				slog.Warn("record rejected", "id", r.ID, "err", err)
			}
		}
	}
	slog.Info("batch applied", "size", len(records), "failed", failed, "not_logged", max(0, failed-maxLogged))
	return failed
}
''')

case('go-ok-12-gorm-transaction-closure',
     'gorm Transaction callback: the library commits on nil and rolls back on an error or panic',
     'https://github.com/go-gorm/gorm/issues/3811',
     'repo/refund.go', r'''
package repo

import (
	"gorm.io/gorm"
)

type Ledger struct {
	ID        uint
	WalletID  uint
	Amount    int64
	Reference string
}

func Refund(db *gorm.DB, walletID uint, amount int64, ref string) error {
	return db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&Ledger{WalletID: walletID, Amount: amount, Reference: ref + "_refund"}).Error; err != nil {
			return err
		}
		return tx.Model(&Wallet{}).Where("id = ?", walletID).Update("balance", gorm.Expr("balance + ?", amount)).Error
	})
}
''')

case('go-ok-13-background-work-detached-and-guarded',
     'work that must outlive the request gets its own bounded context from Background inside a recovering goroutine',
     'https://github.com/m3o/backend/pull/478',
     'service/usage/handler.go', r'''
package usage

import (
	"context"
	"log/slog"
	"net/http"
	"time"
)

type Recorder interface {
	Record(ctx context.Context, user string, n int) error
}

type Handler struct {
	rec Recorder
}

func (h *Handler) Track(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	go func() {
		defer func() {
			if p := recover(); p != nil {
				slog.Error("usage recording panicked", "panic", p)
			}
		}()
		// Outlives the request on purpose: the client must not be able to cancel billing.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) //@~TMO-02
		defer cancel()
		if err := h.rec.Record(ctx, user, 1); err != nil {
			slog.Warn("usage not recorded", "user", user, "err", err)
		}
	}()
	w.WriteHeader(http.StatusAccepted)
}
''')

# ---- modifications of existing files ----

case('go-33-modified-continue-skips-body-close',
     'a change adds a retry continue for 429 answers inside a notification loop; that path skips the Close at the end of the iteration',
     'https://github.com/chitoku-k/ejaculation-counter/pull/265',
     'internal/notify/webhooks.go', r'''
package notify

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"
)

type Sender struct {
	hc *http.Client
}

func (s *Sender) Broadcast(ctx context.Context, urls []string, payload []byte) error {
	for _, u := range urls {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(payload))
		if err != nil {
			return err
		}
		resp, err := s.hc.Do(req) //@RES-02
		if err != nil {
			return fmt.Errorf("notify %s: %w", u, err)
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			time.Sleep(time.Second)
			continue
		}
		resp.Body.Close()
	}
	return nil
}
''', old=r'''
package notify

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
)

type Sender struct {
	hc *http.Client
}

func (s *Sender) Broadcast(ctx context.Context, urls []string, payload []byte) error {
	for _, u := range urls {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(payload))
		if err != nil {
			return err
		}
		resp, err := s.hc.Do(req)
		if err != nil {
			return fmt.Errorf("notify %s: %w", u, err)
		}
		resp.Body.Close()
	}
	return nil
}
''')

case('go-34-modified-per-attempt-timeout-cancel-on-success-only',
     'a change moves the timeout into a retry loop: each attempt derives a context whose cancel runs only when the attempt succeeds',
     'https://github.com/concourse/concourse/issues/5099',
     'worker/backend/create.go', r'''
package backend

import (
	"context"
	"fmt"
	"time"
)

type Runtime interface {
	NewContainer(ctx context.Context, handle string) error
}

type Backend struct {
	rt       Runtime
	timeout  time.Duration
	attempts int
}

func (b *Backend) Create(ctx context.Context, handle string) error {
	var lastErr error
	for i := 0; i < b.attempts; i++ {
		attemptCtx, cancel := context.WithTimeout(ctx, b.timeout) //@TMO-03
		if err := b.rt.NewContainer(attemptCtx, handle); err != nil {
			lastErr = err
			continue
		}
		cancel()
		return nil
	}
	return fmt.Errorf("create %s: %w", handle, lastErr)
}
''', old=r'''
package backend

import (
	"context"
	"fmt"
	"time"
)

type Runtime interface {
	NewContainer(ctx context.Context, handle string) error
}

type Backend struct {
	rt       Runtime
	timeout  time.Duration
	attempts int
}

func (b *Backend) Create(ctx context.Context, handle string) error {
	ctx, cancel := context.WithTimeout(ctx, b.timeout)
	defer cancel()
	if err := b.rt.NewContainer(ctx, handle); err != nil {
		return fmt.Errorf("create %s: %w", handle, err)
	}
	return nil
}
''')
