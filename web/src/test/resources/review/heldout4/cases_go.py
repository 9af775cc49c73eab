# Round-4 held-out corpus, Go cases. Authored for this corpus; only the shape of each defect comes from its source.
CASES = []


def case(name, source, desc, path=None, new=None, old=None, files=None):
    c = dict(name=name, source=source, desc=desc)
    if files is not None:
        c['files'] = files
    else:
        c['path'], c['new'] = path, new
        if old is not None:
            c['old'] = old
    CASES.append(c)


# ---------------------------------------------------------------- RES-02: response bodies
case('go-01-status-helper-returns-before-defer', 'https://github.com/soh335/shukujitsu/pull/3',
     'the status is checked by a helper that returns an error; the caller returns it before the deferred Close, so every non-2xx body stays open',
     'pkg/calendar/fetch.go', '''
package calendar

import (
	"encoding/csv"
	"fmt"
	"net/http"
)

type Source struct {
	HTTP *http.Client
	URL  string
}

func expectOK(resp *http.Response) error {
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("calendar source answered %s", resp.Status)
	}
	return nil
}

func (s *Source) Rows() ([][]string, error) {
	resp, err := s.HTTP.Get(s.URL) //@RES-02
	if err != nil {
		return nil, fmt.Errorf("fetch calendar: %w", err)
	}
	if err := expectOK(resp); err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return csv.NewReader(resp.Body).ReadAll()
}
''')

case('go-02-success-returns-before-close', 'https://github.com/sendgrid/sendgrid-go/pull/13',
     'the body is closed by hand after the error text is read; the 200 path returns nil first and never closes it',
     'mailer/send.go', '''
package mailer

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

type Client struct {
	http     *http.Client
	endpoint string
}

func (c *Client) Send(ctx context.Context, form url.Values) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r, err := c.http.Do(req) //@RES-02
	if err != nil {
		return fmt.Errorf("send mail: %w", err)
	}
	if r.StatusCode == http.StatusOK {
		return nil
	}
	msg, err := io.ReadAll(io.LimitReader(r.Body, 4096))
	r.Body.Close()
	if err != nil {
		return fmt.Errorf("send mail: status %d", r.StatusCode)
	}
	return fmt.Errorf("send mail: status %d: %s", r.StatusCode, msg)
}
''')

case('go-03-modified-not-found-shortcut-above-defer', 'https://github.com/google/go-github/pull/2870',
     'a change adds a 404 shortcut between Do and the existing deferred Close: the not-found path returns with the body open',
     'internal/registry/tags.go', old='''
package registry

import (
	"encoding/json"
	"fmt"
	"net/http"
)

func (c *Client) Tags(repo string) ([]string, error) {
	req, err := c.newRequest(http.MethodGet, "/v2/"+repo+"/tags/list")
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("list tags of %s: %w", repo, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("list tags of %s: %s", repo, resp.Status)
	}
	var out struct {
		Tags []string `json:"tags"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return out.Tags, nil
}
''', new='''
package registry

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Tags lists the tags of repo; a repository that does not exist has no tags.
func (c *Client) Tags(repo string) ([]string, error) {
	req, err := c.newRequest(http.MethodGet, "/v2/"+repo+"/tags/list")
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req) //@RES-02
	if err != nil {
		return nil, fmt.Errorf("list tags of %s: %w", repo, err)
	}
	if resp.StatusCode == http.StatusNotFound {
		return nil, nil
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("list tags of %s: %s", repo, resp.Status)
	}
	var out struct {
		Tags []string `json:"tags"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return out.Tags, nil
}
''')

case('go-04-retry-loop-overwrites-response', 'https://github.com/influxdata/influxdb/pull/11315',
     'a retry loop assigns each response with = to one variable; a 5xx attempt continues to the next try without closing the body it got',
     'storage/remote/push.go', '''
package remote

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"
)

type Pusher struct {
	hc      *http.Client
	url     string
	retries int
}

func (p *Pusher) Push(ctx context.Context, payload []byte) error {
	var (
		resp *http.Response
		err  error
	)
	for attempt := 0; attempt <= p.retries; attempt++ {
		req, rerr := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(payload))
		if rerr != nil {
			return rerr
		}
		resp, err = p.hc.Do(req) //@RES-02
		if err != nil {
			continue
		}
		if resp.StatusCode >= 500 {
			time.Sleep(time.Duration(attempt+1) * 200 * time.Millisecond)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode >= 300 {
			return fmt.Errorf("push rejected: %s", resp.Status)
		}
		return nil
	}
	return fmt.Errorf("push failed after %d attempts: %v", p.retries+1, err)
}
''')

case('go-05-status-only-post-never-closed', 'https://github.com/hyperhq/hyperd/pull/310',
     'a registration POST only looks at the status code: no path reads or closes the response body',
     'daemon/announce.go', '''
package daemon

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

type Announcer struct {
	client  *http.Client
	hubAddr string
}

type hello struct {
	ID   string `json:"id"`
	Addr string `json:"addr"`
}

func (a *Announcer) Announce(id, addr string) error {
	body, err := json.Marshal(hello{ID: id, Addr: addr})
	if err != nil {
		return err
	}
	res, err := a.client.Post(a.hubAddr+"/nodes", "application/json", bytes.NewReader(body)) //@RES-02
	if err != nil {
		return fmt.Errorf("announce %s: %w", id, err)
	}
	if res.StatusCode != http.StatusCreated {
		return fmt.Errorf("announce %s: hub answered %d", id, res.StatusCode)
	}
	return nil
}
''')

case('go-06-helper-response-decoded-in-other-file', 'https://github.com/podman-container-tools/buildah/pull/1711',
     'a client helper in one file returns the open *http.Response; the caller in another file decodes the body and never closes it',
     files=[dict(path='pkg/catalog/client.go', new='''
package catalog

import (
	"context"
	"fmt"
	"net/http"
)

type Client struct {
	base string
	hc   *http.Client
}

// get performs a GET on path. The caller owns the returned response.
func (c *Client) get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	return resp, nil
}
'''), dict(path='pkg/catalog/products.go', new='''
package catalog

import (
	"context"
	"encoding/json"
	"fmt"
)

type Product struct {
	SKU   string  `json:"sku"`
	Price float64 `json:"price"`
}

func (c *Client) Products(ctx context.Context, shelf string) ([]Product, error) {
	resp, err := c.get(ctx, "/shelves/"+shelf+"/products") //@RES-02
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("shelf %s: %s", shelf, resp.Status)
	}
	var out []Product
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, fmt.Errorf("decode shelf %s: %w", shelf, err)
	}
	return out, nil
}
''')])

case('go-07-stream-returned-but-error-path-leaks', 'https://github.com/containerd/containerd/pull/7107',
     'the body is handed to the caller on 200 (ownership moves), but a non-200 status returns an error with the body still open',
     'remotes/blob/open.go', '''
package blob

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

type Fetcher struct {
	hc   *http.Client
	base string
}

// Open returns the blob content; the caller must close it.
func (f *Fetcher) Open(ctx context.Context, digest string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.base+"/blobs/"+digest, nil)
	if err != nil {
		return nil, err
	}
	resp, err := f.hc.Do(req) //@RES-02
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("blob %s: unexpected status %s", digest, resp.Status)
	}
	return resp.Body, nil
}
''')

case('go-08-retryablehttp-body-ignored', 'https://github.com/GetStream/stream-go2/pull/60',
     'a go-retryablehttp call whose response is only checked for its status; the body of every response is left open',
     'notify/webhook.go', '''
package notify

import (
	"bytes"
	"context"
	"fmt"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

type Webhook struct {
	client *retryablehttp.Client
	target string
}

func (w *Webhook) Deliver(ctx context.Context, event []byte) error {
	req, err := retryablehttp.NewRequestWithContext(ctx, "POST", w.target, bytes.NewReader(event))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := w.client.Do(req) //@RES-02
	if err != nil {
		return fmt.Errorf("deliver webhook: %w", err)
	}
	if resp.StatusCode > 299 {
		return fmt.Errorf("deliver webhook: %d", resp.StatusCode)
	}
	return nil
}
''')

# ---------------------------------------------------------------- RES-01: rows, files, connections
case('go-09-count-rows-never-closed', 'https://github.com/88250/pipe/issues/46',
     'a count query read through Query/Next/Scan; the rows are never closed, so each call keeps a pooled connection',
     'model/article_count.go', '''
package model

import "database/sql"

type ArticleStore struct{ db *sql.DB }

func (s *ArticleStore) CountInCategory(categoryID int64) (int, error) {
	rows, err := s.db.Query(`SELECT count(*) FROM articles a JOIN category_tags t ON t.tag_id = a.tag_id WHERE t.category_id = ?`, categoryID) //@RES-01,~TMO-01,~TMO-02
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, rows.Err()
}
''')

case('go-10-defer-after-scan-helper', 'https://github.com/kubeflow/pipelines/pull/13935',
     'defer rows.Close() sits after rows.Err and the scan helper; both early error returns above it leave the rows open',
     'storage/experiment_store.go', '''
package storage

import (
	"context"
	"database/sql"
	"fmt"
)

type Experiment struct {
	ID, Name string
}

type ExperimentStore struct{ db *sql.DB }

func (s *ExperimentStore) List(ctx context.Context, namespace string) ([]Experiment, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM experiments WHERE namespace = $1`, namespace) //@RES-01
	if err != nil {
		return nil, fmt.Errorf("list experiments: %w", err)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	result, err := scanExperiments(rows)
	if err != nil {
		return nil, fmt.Errorf("scan experiments: %w", err)
	}
	defer rows.Close()
	return result, nil
}

func scanExperiments(rows *sql.Rows) ([]Experiment, error) {
	var out []Experiment
	for rows.Next() {
		var e Experiment
		if err := rows.Scan(&e.ID, &e.Name); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
''')

case('go-11-rows-assigned-defer-after-loop', 'https://github.com/sqls-server/sqls/pull/204',
     'rows assigned with = to a variable declared above; the deferred Close is registered after the scan loop, whose error return leaks them',
     'internal/database/oracle_describe.go', '''
package database

import (
	"context"
	"database/sql"
)

type ColumnDesc struct {
	Table, Name, Type string
}

type OracleRepo struct{ Conn *sql.DB }

func (r *OracleRepo) DescribeTables(ctx context.Context, schema string) ([]ColumnDesc, error) {
	var (
		rows *sql.Rows
		err  error
	)
	rows, err = r.Conn.QueryContext(ctx, `SELECT table_name, column_name, data_type FROM all_tab_columns WHERE owner = :1`, schema) //@RES-01
	if err != nil {
		return nil, err
	}
	var out []ColumnDesc
	for rows.Next() {
		var d ColumnDesc
		if err := rows.Scan(&d.Table, &d.Name, &d.Type); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	defer rows.Close()
	return out, nil
}
''')

case('go-12-outbox-poll-labelled-continue', 'https://github.com/wework/grabbit/pull/91',
     'an outbox poller closes the rows at the end of each tick; a scan error continues the labelled outer loop and skips the Close',
     'outbox/poller.go', '''
package outbox

import (
	"context"
	"database/sql"
	"log/slog"
	"time"
)

type Poller struct {
	db     *sql.DB
	send   func(ctx context.Context, id int64, payload []byte) error
	logger *slog.Logger
}

func (p *Poller) Run(ctx context.Context) {
	ticker := time.NewTicker(2 * time.Second)
	defer ticker.Stop()
poll:
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		rows, err := p.db.QueryContext(ctx, `SELECT id, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 100`) //@RES-01
		if err != nil {
			p.logger.Warn("query outbox", "err", err)
			continue
		}
		for rows.Next() {
			var id int64
			var payload []byte
			if err := rows.Scan(&id, &payload); err != nil {
				p.logger.Warn("scan outbox row", "err", err) //@~LOG-01
				continue poll
			}
			if err := p.send(ctx, id, payload); err != nil {
				p.logger.Warn("send outbox row", "id", id, "err", err) //@~LOG-01
			}
		}
		rows.Close()
	}
}
''')

case('go-13-device-file-in-struct-field-leaks', 'https://github.com/holoplot/go-evdev/issues/10',
     'the device file is opened into a field of the struct being built (plain = assignment); a failing ioctl returns without closing it',
     'input/device.go', '''
package input

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

type Device struct {
	file    *os.File
	version int
}

// OpenDevice opens an event device; the caller closes it with Close.
func OpenDevice(path string) (*Device, error) {
	d := &Device{}
	var err error
	d.file, err = os.OpenFile(path, os.O_RDWR, 0) //@RES-01
	if err != nil {
		return nil, err
	}
	d.version, err = unix.IoctlGetInt(int(d.file.Fd()), 0x80044501)
	if err != nil {
		return nil, fmt.Errorf("read driver version of %s: %v", path, err)
	}
	return d, nil
}

func (d *Device) Close() error { return d.file.Close() }
''')

case('go-14-generic-table-loader-leaks-on-header', 'https://github.com/0gfoundation/0g-storage-client/issues/162',
     'a generic loader opens the file and returns a table that owns it; the stat, directory and empty checks return with the file still open',
     'pkg/table/load.go', '''
package table

import (
	"bufio"
	"errors"
	"os"
)

var (
	ErrIsDir = errors.New("table: path is a directory")
	ErrEmpty = errors.New("table: file is empty")
)

type Table[T any] struct {
	f     *os.File
	rd    *bufio.Reader
	parse func([]byte) (T, error)
}

func Load[T any](name string, parse func([]byte) (T, error)) (*Table[T], error) {
	f, err := os.Open(name) //@RES-01
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, ErrIsDir
	}
	if info.Size() == 0 {
		return nil, ErrEmpty
	}
	return &Table[T]{f: f, rd: bufio.NewReader(f), parse: parse}, nil
}

func (t *Table[T]) Close() error { return t.f.Close() }
''')

case('go-15-grpc-version-dial-never-closed', 'https://github.com/longhorn/longhorn-instance-manager/pull/93',
     'every version query dials a new gRPC connection to the instance manager and never closes it',
     'client/version.go', '''
package client

import (
	"context"
	"fmt"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	rpc "example.com/imgr/rpc"
)

type ManagerClient struct {
	address string
}

func (c *ManagerClient) Version(ctx context.Context) (*rpc.VersionResponse, error) {
	conn, err := grpc.Dial(c.address, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-01|RES-04
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", c.address, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return rpc.NewManagerClient(conn).VersionGet(ctx, &rpc.Empty{})
}
''')

case('go-16-modified-sqlx-get-replaced-by-queryx', 'https://github.com/gofr-dev/gofr/issues/3188',
     'a change replaces sqlx Select (which closes its rows) with Queryx plus a StructScan loop, and nothing closes the new rows',
     'datasource/sql/select.go', old='''
package sql

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type User struct {
	ID    int64  `db:"id"`
	Email string `db:"email"`
}

func ActiveUsers(ctx context.Context, db *sqlx.DB) ([]User, error) {
	var users []User
	err := db.SelectContext(ctx, &users, `SELECT id, email FROM users WHERE active`)
	return users, err
}
''', new='''
package sql

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type User struct {
	ID    int64  `db:"id"`
	Email string `db:"email"`
}

// ActiveUsers streams the rows so that a huge table does not need one big slice first.
func ActiveUsers(ctx context.Context, db *sqlx.DB, each func(User) error) error {
	rows, err := db.QueryxContext(ctx, `SELECT id, email FROM users WHERE active`) //@RES-01
	if err != nil {
		return err
	}
	for rows.Next() {
		var u User
		if err := rows.StructScan(&u); err != nil {
			return err
		}
		if err := each(u); err != nil {
			return err
		}
	}
	return rows.Err()
}
''')

# ---------------------------------------------------------------- TMO-03: cancel functions
case('go-17-cancel-only-on-dial-error', 'https://github.com/grpc/grpc-go/issues/1099',
     'the dial timeout context is cancelled only when the dial fails; the success path stores the transport and returns with the timer alive',
     'transport/reconnect.go', '''
package transport

import (
	"context"
	"net"
	"sync"
	"time"
)

type addrConn struct {
	mu      sync.Mutex
	parent  context.Context
	addr    string
	timeout time.Duration
	conn    net.Conn
}

func (ac *addrConn) resetTransport() error {
	ctx, cancel := context.WithTimeout(ac.parent, ac.timeout) //@TMO-03
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", ac.addr)
	if err != nil {
		cancel()
		return err
	}
	ac.mu.Lock()
	ac.conn = c
	ac.mu.Unlock()
	return nil
}
''')

case('go-18-watch-command-returns-before-cancel', 'https://github.com/line/centraldogma-go/pull/41',
     'a watch command derives a cancellable context and cancels it at the end; the error return in the middle skips the cancel',
     'cmd/dogma/watch.go', '''
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
)

type watchResult struct {
	Revision int
	Err      error
}

func runWatch(c *client, repo, path string) error {
	ctx, cancel := context.WithCancel(context.Background()) //@TMO-03
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)

	results := c.watch(ctx, repo, path)
	for {
		select {
		case <-sigs:
			cancel()
			return nil
		case r, ok := <-results:
			if !ok {
				cancel()
				return nil
			}
			if r.Err != nil {
				return fmt.Errorf("watch %s/%s: %w", repo, path, r.Err)
			}
			fmt.Printf("%s/%s changed: revision %d\\n", repo, path, r.Revision)
		}
	}
}
''')

case('go-19-handler-early-errors-before-deferred-cancel', 'https://github.com/nci/gsky/pull/29',
     'a handler derives a timeout context, then validates the request and answers 400 on two paths before the deferred cancel is registered',
     'ows/tile_handler.go', '''
package ows

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

type TileServer struct {
	timeout time.Duration
	render  func(ctx context.Context, layer string, z int) ([]byte, error)
}

func (s *TileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, ctxCancel := context.WithTimeout(r.Context(), s.timeout) //@TMO-03
	q := r.URL.Query()
	layer := q.Get("layer")
	if layer == "" {
		http.Error(w, "layer is required", http.StatusBadRequest)
		return
	}
	z, err := strconv.Atoi(q.Get("z"))
	if err != nil {
		http.Error(w, "z must be a number", http.StatusBadRequest)
		return
	}
	defer ctxCancel()
	png, err := s.render(ctx, layer, z)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	if _, err := w.Write(png); err != nil {
		return // the client went away
	}
}
''')

case('go-20-cancel-kept-in-field-only-on-success', 'https://github.com/moby/moby/pull/38685',
     'the daemon keeps its cancel function in a field for Shutdown; an early return on a failed listener setup loses it',
     'cmd/daemon/start.go', '''
package daemon

import (
	"context"
	"fmt"
	"net"
)

type Daemon struct {
	stop context.CancelFunc
	ln   net.Listener
	serv func(ctx context.Context, ln net.Listener) error
}

func (d *Daemon) Start(addr string) error {
	ctx, cancel := context.WithCancel(context.Background()) //@TMO-03
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	d.ln = ln
	d.stop = cancel
	go d.run(ctx) //@~CONC-01
	return nil
}

func (d *Daemon) run(ctx context.Context) {
	defer d.recoverPanic()
	_ = d.serv(ctx, d.ln) // the error is reported by serv itself
}

func (d *Daemon) Shutdown() {
	d.stop()
	d.ln.Close()
}
''')

case('go-21-poll-loop-cancels-only-failed-attempts', 'https://github.com/temporalio/sdk-go/pull/156',
     'a poll loop derives a timeout context per poll; it is cancelled on the error path only, so every successful poll leaves a context and timer behind',
     'worker/poller.go', '''
package worker

import (
	"context"
	"time"
)

type Task struct{ Token []byte }

type poller struct {
	pollTimeout time.Duration
	poll        func(ctx context.Context) (*Task, error)
	tasks       chan<- *Task
	stopC       <-chan struct{}
}

func (p *poller) loop() {
	for {
		select {
		case <-p.stopC:
			return
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), p.pollTimeout) //@TMO-03
		task, err := p.poll(ctx)
		if err != nil {
			cancel()
			time.Sleep(time.Second)
			continue
		}
		if task != nil {
			p.tasks <- task
		}
	}
}
''')

case('go-22-deadline-cancel-discarded-plain-assign', 'https://github.com/MyPureCloud/terraform-provider-genesyscloud/pull/749',
     'the deadline context replaces ctx with a plain = assignment and its cancel function is discarded',
     'proxy/dependent_consumers.go', '''
package proxy

import (
	"context"
	"time"
)

type ConsumerProxy struct {
	pageDeadline time.Duration
	fetchPage    func(ctx context.Context, page int) ([]string, bool, error)
}

func (p *ConsumerProxy) AllConsumers(ctx context.Context) ([]string, error) {
	ctx, _ = context.WithDeadline(ctx, time.Now().Add(p.pageDeadline)) //@TMO-03
	var all []string
	for page := 1; ; page++ {
		ids, more, err := p.fetchPage(ctx, page)
		if err != nil {
			return nil, err
		}
		all = append(all, ids...)
		if !more {
			return all, nil
		}
	}
}
''')

case('go-23-second-context-skipped-by-empty-return', 'https://github.com/libp2p/go-libp2p-kad-dht/issues/510',
     'two derived contexts: the first is cancelled by a defer; the follow-up context is cancelled by hand at the end, and the no-peers return skips it',
     'routing/lookup.go', '''
package routing

import (
	"context"
	"time"
)

type PeerID string

type Lookup struct {
	followUpTimeout time.Duration
	query           func(ctx context.Context, key string) ([]PeerID, error)
	followUp        func(ctx context.Context, peers []PeerID) []PeerID
}

func (l *Lookup) Run(ctx context.Context, key string) ([]PeerID, error) {
	queryCtx, cancelQuery := context.WithCancel(ctx)
	defer cancelQuery()
	peers, err := l.query(queryCtx, key)
	if err != nil {
		return nil, err
	}

	followCtx, cancelFollowUp := context.WithTimeout(ctx, l.followUpTimeout) //@TMO-03
	if len(peers) == 0 {
		return nil, nil
	}
	closest := l.followUp(followCtx, peers)
	cancelFollowUp()
	return closest, nil
}
''')

# ---------------------------------------------------------------- TX-01 / TX-02: transactions
case('go-24-sqlx-tx-returns-without-rollback', 'https://github.com/metal-stack/go-ipam/pull/160',
     'sqlx transaction assigned with = to an earlier-declared variable; the select and update errors return without Rollback',
     'sql/prefix_update.go', '''
package sql

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

type Prefix struct {
	Cidr      string `db:"cidr"`
	Namespace string `db:"namespace"`
	Version   int64  `db:"version"`
}

type store struct{ db *sqlx.DB }

func (s *store) UpdatePrefix(ctx context.Context, p Prefix) (Prefix, error) {
	var (
		tx  *sqlx.Tx
		err error
	)
	tx, err = s.db.BeginTxx(ctx, nil) //@TX-01
	if err != nil {
		return Prefix{}, fmt.Errorf("begin: %w", err)
	}
	var current Prefix
	if err = tx.GetContext(ctx, &current, `SELECT cidr, namespace, version FROM prefixes WHERE cidr = $1 AND namespace = $2 FOR UPDATE`, p.Cidr, p.Namespace); err != nil {
		return Prefix{}, fmt.Errorf("load prefix %s: %w", p.Cidr, err)
	}
	if current.Version != p.Version {
		return Prefix{}, fmt.Errorf("prefix %s changed concurrently", p.Cidr)
	}
	p.Version++
	if _, err = tx.ExecContext(ctx, `UPDATE prefixes SET version = $1 WHERE cidr = $2 AND namespace = $3`, p.Version, p.Cidr, p.Namespace); err != nil {
		return Prefix{}, fmt.Errorf("update prefix %s: %w", p.Cidr, err)
	}
	return p, tx.Commit()
}
''')

case('go-25-modified-loop-new-continue-skips-rollback', 'https://github.com/mellowagain/pomu/pull/8',
     'a per-video transaction in a loop rolls back by hand before each continue; the change adds a "members only" skip that continues without Rollback',
     'holodex.go', old='''
package main

import (
	"context"
	"log/slog"
)

func (app *Application) queueUpcoming(ctx context.Context, videos []Video) {
	for _, v := range videos {
		tx, err := app.db.Begin(ctx)
		if err != nil {
			slog.Error("begin", "err", err)
			return
		}
		exists, err := videoExists(ctx, tx, v.ID)
		if err != nil || exists {
			tx.Rollback(ctx)
			continue
		}
		if err := insertVideo(ctx, tx, v); err != nil {
			tx.Rollback(ctx)
			continue
		}
		if err := tx.Commit(ctx); err != nil {
			slog.Error("commit", "video", v.ID, "err", err)
		}
	}
}
''', new='''
package main

import (
	"context"
	"log/slog"
)

func (app *Application) queueUpcoming(ctx context.Context, videos []Video) {
	for _, v := range videos {
		tx, err := app.db.Begin(ctx) //@TX-01
		if err != nil {
			slog.Error("begin", "err", err)
			return
		}
		exists, err := videoExists(ctx, tx, v.ID)
		if err != nil || exists { //@~ERR-01
			tx.Rollback(ctx) //@~ERR-01
			continue
		}
		if v.TopicID == "membersonly" {
			continue
		}
		if err := insertVideo(ctx, tx, v); err != nil {
			tx.Rollback(ctx) //@~ERR-01
			continue
		}
		if err := tx.Commit(ctx); err != nil {
			slog.Error("commit", "video", v.ID, "err", err) //@~LOG-01
		}
	}
}
''')

case('go-26-switch-case-returns-with-open-tx', 'https://github.com/brave-intl/bat-go/pull/272',
     'a switch on the claim state: the "already drained" case returns early while the transaction begun above is still open',
     'promotion/drain.go', '''
package promotion

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

var ErrAlreadyDrained = errors.New("claim already drained")

type Datastore struct{ db *sqlx.DB }

func (pg *Datastore) DrainClaim(ctx context.Context, claimID string, wallet string) error {
	tx, err := pg.db.BeginTxx(ctx, nil) //@TX-01
	if err != nil {
		return err
	}
	var state string
	if err := tx.GetContext(ctx, &state, `SELECT state FROM claims WHERE id = $1 FOR UPDATE`, claimID); err != nil {
		_ = tx.Rollback() // the query error is the one worth reporting
		return fmt.Errorf("load claim %s: %w", claimID, err)
	}
	switch state {
	case "drained":
		return ErrAlreadyDrained
	case "pending":
		if _, err := tx.ExecContext(ctx, `UPDATE claims SET state = 'drained', wallet = $2 WHERE id = $1`, claimID, wallet); err != nil {
			_ = tx.Rollback() // the update error is the one worth reporting
			return err
		}
	default:
		_ = tx.Rollback() // nothing was written
		return fmt.Errorf("claim %s in unexpected state %q", claimID, state)
	}
	return tx.Commit()
}
''')

case('go-27-retry-attempt-continues-with-open-tx', 'https://github.com/hashicorp/boundary/pull/55',
     'a DoTx-style retry loop begins a transaction per attempt (plain = assignment); a retryable error continues to the next attempt without rolling the failed one back',
     'internal/db/dotx.go', '''
package db

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

var ErrRetryable = errors.New("retryable")

type Writer func(ctx context.Context, tx *sql.Tx) error

func DoTx(ctx context.Context, conn *sql.DB, retries int, fn Writer) error {
	var tx *sql.Tx
	var err error
	for attempt := 0; attempt <= retries; attempt++ {
		tx, err = conn.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) //@TX-01
		if err != nil {
			return err
		}
		if err = fn(ctx, tx); err != nil {
			if errors.Is(err, ErrRetryable) {
				time.Sleep(time.Duration(attempt*50) * time.Millisecond)
				continue
			}
			if rbErr := tx.Rollback(); rbErr != nil {
				return errors.Join(err, rbErr)
			}
			return err
		}
		return tx.Commit()
	}
	return err
}
''')

case('go-28-commit-result-dropped', 'https://github.com/container-registry/harbor-satellite/issues/143',
     'the result of tx.Commit() is dropped and the function returns nil: a failed commit is reported to the caller as success',
     'internal/state/replicate.go', '''
package state

import (
	"context"
	"database/sql"
	"fmt"
)

type Artifact struct {
	Repo, Digest string
}

func SaveArtifacts(ctx context.Context, db *sql.DB, arts []Artifact) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	for _, a := range arts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO artifacts (repo, digest) VALUES (?, ?)`, a.Repo, a.Digest); err != nil {
			return fmt.Errorf("insert %s@%s: %w", a.Repo, a.Digest, err)
		}
	}
	tx.Commit() //@TX-02|ERR-01
	return nil
}
''')

case('go-29-exec-error-blanked-before-commit', 'https://github.com/nuts-foundation/nuts-node/pull/71',
     'the error of the audit insert inside the transaction is discarded with _, so a failed write still gets committed and reported as done',
     'vdr/store/write.go', '''
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

type DocumentStore struct{ db *sql.DB }

func (s *DocumentStore) Write(ctx context.Context, did string, doc []byte) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO documents (did, body) VALUES ($1, $2)`, did, doc); err != nil {
		return fmt.Errorf("write document %s: %w", did, err)
	}
	_, _ = tx.ExecContext(ctx, `INSERT INTO document_audit (did, at) VALUES ($1, $2)`, did, time.Now().UTC()) //@TX-02|ERR-01
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit document %s: %w", did, err)
	}
	return nil
}
''')

# ---------------------------------------------------------------- CONC-01 / CONC-07: goroutines
case('go-30-webhook-named-func-goroutine', 'https://github.com/casdoor/casdoor/pull/692',
     'after saving a record the handler starts a named function with go to send each webhook; nothing on those goroutines recovers a panic',
     'object/record_hooks.go', '''
package object

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"
)

type Webhook struct {
	URL    string
	Events []string
}

var hookClient = &http.Client{Timeout: 10 * time.Second}

func sendWebhook(hook Webhook, rec *Record) {
	body, err := json.Marshal(rec)
	if err != nil {
		slog.Error("marshal record for webhook", "err", err)
		return
	}
	resp, err := hookClient.Post(hook.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		slog.Warn("webhook failed", "url", hook.URL, "err", err)
		return
	}
	resp.Body.Close()
}

func AfterRecordSaved(rec *Record, hooks []Webhook) {
	for _, hook := range hooks {
		if hook.matches(rec.Action) {
			go sendWebhook(hook, rec) //@CONC-01,~CONC-02
		}
	}
}
''')

case('go-31-modified-second-worker-method-value', 'https://github.com/tigrisdata-archive/tigrisdb/pull/1202',
     'a change starts the new index-build worker with go on a method value (w.Start); its loop has no recover, so one bad job ends the server',
     'server/services/v1/workers/pool.go', old='''
package workers

import "context"

type Pool struct {
	queue *Worker
}

func NewPool(ctx context.Context, q Queue) *Pool {
	return &Pool{queue: NewWorker(ctx, q, "queue")}
}

func (p *Pool) Start() {
	p.queue.Run()
}
''', new='''
package workers

import "context"

type Pool struct {
	queue *Worker
	index *Worker
}

func NewPool(ctx context.Context, q Queue, idx Queue) *Pool {
	return &Pool{queue: NewWorker(ctx, q, "queue"), index: NewWorker(ctx, idx, "index-build")}
}

func (p *Pool) Start() {
	go p.index.Start() //@CONC-01
	p.queue.Run()
}
''')

case('go-32-async-helper-defers-done-not-recover', 'https://github.com/PerpetualSoftware/pad/pull/863',
     'a goAsync helper starts background work (thumbnails, e-mail) on a goroutine whose only defer marks the WaitGroup done; a panic in fn ends the process',
     'internal/server/async.go', '''
package server

import "sync"

type Server struct {
	bg sync.WaitGroup
}

// goAsync runs fn in the background; Stop waits for all of them.
func (s *Server) goAsync(fn func()) {
	s.bg.Add(1)
	go func() { //@CONC-01
		defer s.bg.Done()
		fn()
	}()
}

func (s *Server) Stop() {
	s.bg.Wait()
}

func (s *Server) afterUpload(id string, data []byte) {
	s.goAsync(func() { s.deriveThumbnails(id, data) })
}
''')

case('go-33-dequeue-workers-started-in-counted-loop', 'https://github.com/RHEnVision/provisioning-backend/pull/385',
     'n dequeue workers are started with go on a named method in a counted loop; a panic in any job handler (e.g. a nil dereference) kills every worker',
     'pkg/worker/redis.go', '''
package worker

import (
	"context"
	"log/slog"
)

type Job struct {
	ID   string
	Type string
	Args []byte
}

type RedisWorker struct {
	queue    <-chan Job
	handlers map[string]func(context.Context, Job) error
	workers  int
}

func (w *RedisWorker) DequeueLoop(ctx context.Context) {
	for i := 0; i < w.workers; i++ {
		go w.dequeue(ctx, i) //@CONC-01
	}
}

func (w *RedisWorker) dequeue(ctx context.Context, n int) {
	for {
		select {
		case <-ctx.Done():
			return
		case job := <-w.queue:
			if err := w.handlers[job.Type](ctx, job); err != nil {
				slog.Error("job failed", "worker", n, "job", job.ID, "err", err) //@~LOG-01
			}
		}
	}
}
''')

case('go-34-action-goroutine-per-received-step', 'https://github.com/hatchet-dev/hatchet/issues/71',
     'each action received from the dispatcher runs in its own goroutine literal (started inside the receive loop); a panic in a user step crashes the whole worker',
     'pkg/worker/listen.go', '''
package worker

import "context"

type Action struct {
	StepID string
	Input  []byte
}

type Worker struct {
	actions <-chan Action
	steps   map[string]func(ctx context.Context, input []byte) ([]byte, error)
	report  func(stepID string, out []byte, err error)
}

func (w *Worker) Listen(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case a := <-w.actions:
			go func(a Action) { //@CONC-01,~CONC-02
				out, err := w.steps[a.StepID](ctx, a.Input)
				w.report(a.StepID, out, err)
			}(a)
		}
	}
}
''')

case('go-35-ticker-sweep-goroutine-unguarded', 'https://github.com/oliverandrich/burrow/pull/95',
     'a session-cleanup goroutine sweeps on every tick with no recover: one panicking sweep ends the server instead of being logged and retried',
     'contrib/auth/cleanup.go', '''
package auth

import (
	"context"
	"sync"
	"time"
)

type Sessions struct {
	mu       sync.Mutex
	byToken  map[string]time.Time
	interval time.Duration
}

func (s *Sessions) StartCleanup(ctx context.Context) {
	go func() { //@CONC-07|CONC-01
		t := time.NewTicker(s.interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-t.C:
				s.sweep(now)
			}
		}
	}()
}

func (s *Sessions) sweep(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for tok, exp := range s.byToken {
		if now.After(exp) {
			delete(s.byToken, tok)
		}
	}
}
''')

case('go-36-sampler-loop-returns-on-first-error', 'https://github.com/nexspence/nexspence/pull/390',
     'a metrics sampler started with go on a named method returns from its ticker loop on the first failed sample, so sampling stops for good (and a panic ends the process)',
     'internal/metrics/sampler.go', '''
package metrics

import (
	"context"
	"log/slog"
	"time"
)

type Sampler struct {
	every  time.Duration
	sample func(ctx context.Context) error
}

func (s *Sampler) Start(ctx context.Context) {
	go s.loop(ctx) //@CONC-07|CONC-01
}

func (s *Sampler) loop(ctx context.Context) {
	t := time.NewTicker(s.every)
	defer t.Stop()
	for range t.C {
		if err := s.sample(ctx); err != nil {
			slog.Error("sampling failed", "err", err)
			return
		}
	}
}
''')

# ---------------------------------------------------------------- RES-03: defer in loops
case('go-37-defer-body-close-in-issue-search-loop', 'https://github.com/cncf/automation/issues/294',
     'a paged search loop defers the Close of every page response inside the loop: all pages stay open until the whole search returns',
     'bootstrap/toc_issues.go', '''
package bootstrap

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

type Issue struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
}

func SearchIssues(ctx context.Context, hc *http.Client, query string, pages int) ([]Issue, error) {
	var all []Issue
	for page := 1; page <= pages; page++ {
		url := fmt.Sprintf("https://api.example.org/search/issues?q=%s&page=%d", query, page)
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return nil, err
		}
		resp, err := hc.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close() //@RES-03
		var batch struct {
			Items []Issue `json:"items"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&batch); err != nil {
			return nil, err
		}
		if len(batch.Items) == 0 {
			break
		}
		all = append(all, batch.Items...)
	}
	return all, nil
}
''')

case('go-38-defer-cancel-and-body-per-service', 'https://github.com/router-for-me/CLIProxyAPI/issues/4110',
     'a public-IP probe defers both cancel and Body.Close inside the loop over services: failed attempts keep their context and connection until the function returns',
     'internal/util/public_ip.go', '''
package util

import (
	"context"
	"io"
	"net/http"
	"strings"
	"time"
)

var ipServices = []string{"https://ip.example.net", "https://ifconfig.example.org", "https://api.example.com/ip"}

var probeClient = &http.Client{Timeout: 5 * time.Second}

func PublicIP(ctx context.Context) (string, error) {
	var lastErr error
	for _, svc := range ipServices {
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel() //@RES-03|TMO-03
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, svc, nil)
		if err != nil {
			lastErr = err
			continue
		}
		resp, err := probeClient.Do(req)
		if err != nil {
			lastErr = err
			continue
		}
		defer resp.Body.Close() //@RES-03
		if resp.StatusCode != http.StatusOK {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(resp.Body, 64))
		if err != nil {
			lastErr = err
			continue
		}
		return strings.TrimSpace(string(b)), nil
	}
	return "", lastErr
}
''')

case('go-39-defer-dump-file-close-per-container', 'https://github.com/openperouter/openperouter/pull/451',
     'a diagnostics dump creates one file per container and defers its Close inside the loop; a large cluster runs out of descriptors',
     'e2etests/dump/dump.go', '''
package dump

import (
	"fmt"
	"os"
	"path/filepath"
)

type Container struct {
	Name string
	Dump func() (string, error)
}

func DumpAll(dir string, containers []Container) error {
	for _, c := range containers {
		out, err := c.Dump()
		if err != nil {
			fmt.Fprintf(os.Stderr, "dump %s: %v\\n", c.Name, err) //@~LOG-01
			continue
		}
		f, err := os.Create(filepath.Join(dir, c.Name+".txt"))
		if err != nil {
			return err
		}
		defer f.Close() //@RES-03
		if _, err := fmt.Fprintf(f, "Dump of %s\\n%s", c.Name, out); err != nil {
			return fmt.Errorf("write dump of %s: %w", c.Name, err)
		}
	}
	return nil
}
''')

# ---------------------------------------------------------------- TMO-01 / TMO-02: timeouts and contexts
case('go-40-store-client-without-timeout', 'https://github.com/folbricht/desync/issues/29',
     'the HTTP chunk store builds its client with a tuned Transport but no Timeout and no dial or header timeout: a stalled server hangs the sync forever',
     'store/httpstore.go', '''
package store

import (
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
)

type HTTPStore struct {
	client *http.Client
	base   string
}

func NewHTTPStore(base string, tlsCfg *tls.Config, conns int) *HTTPStore {
	tr := &http.Transport{
		TLSClientConfig:     tlsCfg,
		MaxIdleConnsPerHost: conns,
	}
	return &HTTPStore{client: &http.Client{Transport: tr}, base: base} //@TMO-01
}

func (s *HTTPStore) GetChunk(id string) ([]byte, error) {
	resp, err := s.client.Get(s.base + "/" + id + ".cacnk")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("chunk %s: %s", id, resp.Status)
	}
	return io.ReadAll(resp.Body)
}
''')

case('go-41-default-client-in-api-call', 'https://github.com/cloudfoundry/cli/issues/203',
     'API requests go through http.DefaultClient (no timeout at all); a hung controller blocks the command indefinitely',
     'api/cloud_controller/request.go', '''
package cloudcontroller

import (
	"encoding/json"
	"fmt"
	"net/http"
)

type Connection struct {
	target string
	token  string
}

func (c *Connection) GetJSON(path string, into any) error {
	req, err := http.NewRequest(http.MethodGet, c.target+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "bearer "+c.token)
	resp, err := http.DefaultClient.Do(req) //@TMO-01
	if err != nil {
		return fmt.Errorf("GET %s: %w", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(into)
}
''')

case('go-42-unix-socket-client-no-timeout', 'https://github.com/docker-archive/deploykit/pull/599',
     'the plugin client talks to a unix socket through an http.Client built with a custom dialer and no timeout: an unresponsive plugin hangs the caller',
     'pkg/rpc/client/client.go', '''
package client

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
)

type Client struct {
	http *http.Client
}

func New(socketPath string) *Client {
	dial := func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", socketPath)
	}
	return &Client{http: &http.Client{Transport: &http.Transport{DialContext: dial}}} //@TMO-01
}

func (c *Client) Call(method string, body []byte) ([]byte, error) {
	resp, err := c.http.Post("http://plugin/rpc/"+method, "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", method, resp.Status)
	}
	return io.ReadAll(resp.Body)
}
''')

case('go-43-servehttp-builds-background-context', 'https://github.com/freeconf/restconf/issues/34',
     'ServeHTTP builds the context for the whole request from context.Background() instead of r.Context(): a client that goes away does not stop the work',
     'server.go', '''
package restconf

import (
	"context"
	"net/http"
)

type ctxKey string

type Server struct {
	browse func(ctx context.Context, path string) ([]byte, error)
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := context.WithValue(context.Background(), ctxKey("remote"), r.RemoteAddr) //@TMO-02
	body, err := s.browse(ctx, r.URL.Path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/yang-data+json")
	if _, err := w.Write(body); err != nil {
		return // the client went away
	}
}
''')

case('go-44-handler-passes-background-to-service', 'https://github.com/leg100/otf/issues/96',
     'a run handler calls the service with context.Background(); the request deadline and cancellation never reach the database',
     'http/run_handlers.go', '''
package http

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/gorilla/mux"
)

type Run struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

type RunService interface {
	Get(ctx context.Context, id string) (*Run, error)
}

type Handlers struct {
	runs RunService
}

func (h *Handlers) GetRun(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	run, err := h.runs.Get(context.Background(), id) //@TMO-02
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(run); err != nil {
		return // the client went away
	}
}
''')

# ---------------------------------------------------------------- RES-04: pools and clients per call
case('go-45-sql-open-per-dataset-query', 'https://github.com/geckoboard/sql-dataset/pull/11',
     'every dataset query opens a new *sql.DB pool and never closes it: each push leaks a pool with its connections',
     'query.go', '''
package main

import (
	"database/sql"
	"fmt"
)

type DatabaseConfig struct {
	Driver string
	DSN    string
}

func queryDatasource(dc DatabaseConfig, query string) ([][]any, error) {
	db, err := sql.Open(dc.Driver, dc.DSN) //@RES-04,~RES-01
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dc.Driver, err)
	}
	rows, err := db.Query(query) //@~TMO-01,~TMO-02
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		out = append(out, vals)
	}
	return out, rows.Err()
}
''')

case('go-46-transport-cloned-per-get', 'https://github.com/QuokkaStake/cosmos-validators-exporter/pull/89',
     'Get clones the default transport and wraps it in a new client on every call; each scrape leaks idle connections and their goroutines',
     'pkg/http/client.go', '''
package http

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type Client struct {
	chain   string
	timeout time.Duration
}

func (c *Client) Get(ctx context.Context, url string, target any) error {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	client := &http.Client{Transport: transport, Timeout: c.timeout} //@RES-04
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("%s: GET %s: %w", c.chain, url, err)
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(target)
}
''')

case('go-47-pool-opened-and-closed-per-request', 'https://github.com/delta/dalal-street-server/issues/119',
     'the handler opens a gorm pool for each request and closes it when done: properly closed, but still a whole pool per call',
     'handlers/portfolio.go', '''
package handlers

import (
	"encoding/json"
	"net/http"

	"gorm.io/driver/mysql"
	"gorm.io/gorm"
)

type Holding struct {
	Stock    string
	Quantity int64
}

type Portfolio struct {
	DSN string
}

func (p *Portfolio) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	db, err := gorm.Open(mysql.Open(p.DSN), &gorm.Config{}) //@RES-04
	if err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	sqlDB, err := db.DB()
	if err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	defer sqlDB.Close()
	var holdings []Holding
	if err := db.WithContext(r.Context()).Where("user_id = ?", r.Header.Get("X-User")).Find(&holdings).Error; err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if err := json.NewEncoder(w).Encode(holdings); err != nil {
		return // the client went away
	}
}
''')

# ---------------------------------------------------------------- LOG-01: logging in hot loops
case('go-48-info-per-subscriber-dispatch', 'https://github.com/dunglas/mercure/pull/865',
     'the hub writes a zap Info line for every subscriber of every published update, inside the dispatch loop',
     'hub/dispatch.go', '''
package hub

import "go.uber.org/zap"

type Update struct {
	ID     string
	Topics []string
}

type Subscriber struct {
	ID string
	C  chan *Update
}

type Hub struct {
	logger      *zap.Logger
	subscribers []*Subscriber
}

func (h *Hub) Dispatch(u *Update) int {
	sent := 0
	for _, s := range h.subscribers {
		select {
		case s.C <- u:
			sent++
			h.logger.Info("update dispatched", zap.String("update", u.ID), zap.String("subscriber", s.ID)) //@LOG-01
		default:
			h.logger.Warn("subscriber too slow, dropping update", zap.String("subscriber", s.ID)) //@LOG-01
		}
	}
	return sent
}
''')

case('go-49-slog-line-per-captured-packet', 'https://github.com/packetcap/go-pcap/pull/22',
     'the capture loop writes one slog line with the whole packet for every packet read',
     'capture/loop.go', '''
package capture

import (
	"context"
	"log/slog"
)

type Packet struct {
	Len  int
	Data []byte
}

type Source interface {
	Next() (*Packet, error)
}

func Run(ctx context.Context, src Source, out chan<- *Packet) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := src.Next()
		if err != nil {
			return err
		}
		slog.Info("read packet", "len", p.Len, "packet", p) //@LOG-01
		out <- p
	}
}
''')

# ================================================================ clean look-alikes (Go)
case('go-ok-01-defer-close-before-status-check', 'https://github.com/mackerelio/mackerel-agent-plugins/pull/461',
     'the body Close is deferred right after the error check, before the status is looked at, so every status path closes it',
     'mackerel-plugin-nginx/stats.go', '''
package nginx

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strings"
)

type Plugin struct {
	client *http.Client
	uri    string
}

func (p *Plugin) statusLines(ctx context.Context) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.uri, nil)
	if err != nil {
		return nil, err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("stub_status answered %s", resp.Status)
	}
	var lines []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		lines = append(lines, strings.TrimSpace(sc.Text()))
	}
	return lines, sc.Err()
}
''')

case('go-ok-02-error-body-drained-by-helper', 'https://github.com/ExpediaGroup/mittens/pull/24',
     'the non-2xx path hands the body to a helper that drains a bounded amount and closes it; the 2xx path defers the Close',
     'pkg/warmup/request.go', '''
package warmup

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

// discard drains at most 64 KiB so the connection can be reused, then closes the body.
func discard(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 64<<10)) // best effort: only lets the conn be reused
	body.Close()
}

type Target struct {
	hc  *http.Client
	url string
}

func (t *Target) Hit(ctx context.Context, path string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.url+path, nil)
	if err != nil {
		return 0, err
	}
	resp, err := t.hc.Do(req)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode/100 != 2 {
		discard(resp.Body)
		return 0, fmt.Errorf("warm-up %s: %s", path, resp.Status)
	}
	defer resp.Body.Close()
	return io.Copy(io.Discard, resp.Body)
}
''')

case('go-ok-03-body-returned-to-caller-closed-on-error', 'https://github.com/beego/beego/pull/2285',
     'on 200 the body is returned to the caller, who owns it (documented); the error status path closes it before returning',
     'client/httplib/download.go', '''
package httplib

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

type Downloader struct {
	hc *http.Client
}

// Open starts a download; the caller must close the returned reader.
func (d *Downloader) Open(ctx context.Context, url string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := d.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("download %s: %s", url, resp.Status)
	}
	return resp.Body, nil
}
''')

case('go-ok-04-resty-reads-and-closes-body', 'https://github.com/soh335/shukujitsu/pull/3',
     'a resty request: resty reads the whole body into memory and closes it itself, so resp.Body() is a byte slice with nothing left to close',
     'pkg/calendar/resty_fetch.go', '''
package calendar

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"

	"github.com/go-resty/resty/v2"
)

type RestySource struct {
	client *resty.Client
	url    string
}

func (s *RestySource) Rows(ctx context.Context) ([][]string, error) {
	resp, err := s.client.R().SetContext(ctx).Get(s.url)
	if err != nil {
		return nil, fmt.Errorf("fetch calendar: %w", err)
	}
	if resp.IsError() {
		return nil, fmt.Errorf("calendar source answered %s", resp.Status())
	}
	return csv.NewReader(bytes.NewReader(resp.Body())).ReadAll()
}
''')

case('go-ok-05-rows-deferred-right-after-query', 'https://github.com/sqls-server/sqls/pull/204',
     'rows closed by a defer right after the error check; scan errors return inside the loop and the deferred Close still runs; rows.Err is checked',
     'internal/database/vertica_describe.go', '''
package database

import (
	"context"
	"database/sql"
)

type VerticaRepo struct{ Conn *sql.DB }

func (r *VerticaRepo) DescribeTables(ctx context.Context, schema string) ([]ColumnDesc, error) {
	rows, err := r.Conn.QueryContext(ctx, `SELECT table_name, column_name, data_type FROM v_catalog.columns WHERE table_schema = ?`, schema)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ColumnDesc
	for rows.Next() {
		var d ColumnDesc
		if err := rows.Scan(&d.Table, &d.Name, &d.Type); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
''')

case('go-ok-06-rows-closed-by-collect-helper', 'https://github.com/kubeflow/pipelines/pull/13935',
     'the rows are handed straight to a helper (same change) that defers their Close as its first statement; the caller never touches them again',
     'storage/run_store.go', '''
package storage

import (
	"context"
	"database/sql"
	"fmt"
)

type Run struct{ ID, State string }

// collectRuns reads every row and always closes rows, whatever happens.
func collectRuns(rows *sql.Rows) ([]Run, error) {
	defer rows.Close()
	var out []Run
	for rows.Next() {
		var r Run
		if err := rows.Scan(&r.ID, &r.State); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

type RunStore struct{ db *sql.DB }

func (s *RunStore) ListByExperiment(ctx context.Context, experimentID string) ([]Run, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, state FROM runs WHERE experiment_id = $1`, experimentID)
	if err != nil {
		return nil, fmt.Errorf("list runs: %w", err)
	}
	return collectRuns(rows)
}
''')

case('go-ok-07-device-closed-on-ioctl-error', 'https://github.com/holoplot/go-evdev/issues/10',
     'the device file is closed when the ioctl fails; on success it is stored in the returned value, whose Close releases it',
     'input/device_fixed.go', '''
package input

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

type EventDevice struct {
	file    *os.File
	version int
}

// OpenEventDevice opens an event device; the caller closes it with Close.
func OpenEventDevice(path string) (*EventDevice, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	v, err := unix.IoctlGetInt(int(f.Fd()), 0x80044501)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("read driver version of %s: %w", path, err)
	}
	return &EventDevice{file: f, version: v}, nil
}

func (d *EventDevice) Close() error { return d.file.Close() }
''')

case('go-ok-08-cancel-owned-by-service-stop', 'https://github.com/ChainSafe/gossamer/issues/1243',
     'the constructor derives a cancellable context and hands its cancel function to the service it returns; Stop calls it (ownership moves with the value)',
     'dot/core/service.go', '''
package core

import "context"

type Service struct {
	ctx    context.Context
	cancel context.CancelFunc
	blocks <-chan uint64
}

// NewService returns a service that runs until Stop is called.
func NewService(parent context.Context, blocks <-chan uint64) *Service {
	ctx, cancel := context.WithCancel(parent)
	return &Service{ctx: ctx, cancel: cancel, blocks: blocks}
}

func (s *Service) Stop() {
	s.cancel()
}

func (s *Service) Next() (uint64, bool) {
	select {
	case <-s.ctx.Done():
		return 0, false
	case b := <-s.blocks:
		return b, true
	}
}
''')

case('go-ok-09-dial-timeout-deferred-cancel', 'https://github.com/grpc/grpc-go/issues/1099',
     'the dial timeout context has its cancel deferred on the next line; the dialled connection does not depend on that context after DialContext returns',
     'transport/reconnect_fixed.go', '''
package transport

import (
	"context"
	"net"
	"sync"
	"time"
)

type redialer struct {
	mu      sync.Mutex
	parent  context.Context
	addr    string
	timeout time.Duration
	conn    net.Conn
}

func (r *redialer) redial() error {
	ctx, cancel := context.WithTimeout(r.parent, r.timeout)
	defer cancel()
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", r.addr)
	if err != nil {
		return err
	}
	r.mu.Lock()
	r.conn = c
	r.mu.Unlock()
	return nil
}
''')

case('go-ok-10-tx-through-with-tx-helper', 'https://github.com/in-toto/archivista/pull/7',
     'writes go through a withTx helper (same change) that begins, defers Rollback and commits; the callback just returns its errors',
     files=[dict(path='internal/metadatastorage/mysql/tx.go', new='''
package mysql

import (
	"context"
	"database/sql"
	"fmt"
)

// withTx runs fn in a transaction: committed if fn returns nil, rolled back otherwise.
func withTx(ctx context.Context, db *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() // a no-op once Commit succeeded
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
'''), dict(path='internal/metadatastorage/mysql/store.go', new='''
package mysql

import (
	"context"
	"database/sql"
	"fmt"
)

type Store struct{ db *sql.DB }

func (s *Store) Save(ctx context.Context, gitoid string, subjects []string) error {
	return withTx(ctx, s.db, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO envelopes (gitoid) VALUES (?)`, gitoid)
		if err != nil {
			return fmt.Errorf("insert envelope %s: %w", gitoid, err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for _, sub := range subjects {
			if _, err := tx.ExecContext(ctx, `INSERT INTO subjects (envelope_id, name) VALUES (?, ?)`, id, sub); err != nil {
				return fmt.Errorf("insert subject %s: %w", sub, err)
			}
		}
		return nil
	})
}
''')])

case('go-ok-11-per-video-tx-in-own-function', 'https://github.com/mellowagain/pomu/pull/8',
     'each video gets its transaction in its own function, which defers Rollback (a no-op after Commit); the loop only calls it',
     'holodex_fixed.go', '''
package main

import (
	"context"
	"log/slog"
)

func (app *Application) queueAll(ctx context.Context, videos []Video) {
	for _, v := range videos {
		if err := app.queueOne(ctx, v); err != nil {
			slog.Warn("queue video", "video", v.ID, "err", err) //@~LOG-01
		}
	}
}

func (app *Application) queueOne(ctx context.Context, v Video) error {
	tx, err := app.db.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx) // a no-op after Commit
	exists, err := videoExists(ctx, tx, v.ID)
	if err != nil {
		return err
	}
	if exists || v.TopicID == "membersonly" {
		return nil
	}
	if err := insertVideo(ctx, tx, v); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
''')

case('go-ok-12-defer-inside-per-iteration-closure', 'https://github.com/SongStitch/song-stitch/pull/75',
     'each iteration runs in an anonymous function whose defer closes the body of that iteration, so bodies are closed one by one, not at the end',
     'collage/fetch_covers.go', '''
package collage

import (
	"context"
	"fmt"
	"image"
	_ "image/jpeg"
	"net/http"
)

func FetchCovers(ctx context.Context, hc *http.Client, urls []string) ([]image.Image, error) {
	covers := make([]image.Image, 0, len(urls))
	for _, u := range urls {
		img, err := func() (image.Image, error) {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
			if err != nil {
				return nil, err
			}
			res, err := hc.Do(req)
			if err != nil {
				return nil, err
			}
			defer res.Body.Close()
			if res.StatusCode != http.StatusOK {
				return nil, fmt.Errorf("cover %s: %s", u, res.Status)
			}
			img, _, err := image.Decode(res.Body)
			return img, err
		}()
		if err != nil {
			return nil, err
		}
		covers = append(covers, img)
	}
	return covers, nil
}
''')

case('go-ok-13-safego-helper-with-named-panic-handler', 'https://github.com/nexspence/nexspence/pull/390',
     'background work starts through safego.Go (same change), whose goroutine defers a named handler that calls recover, logs the stack and counts it',
     files=[dict(path='internal/safego/safego.go', new='''
package safego

import (
	"log/slog"
	"runtime/debug"
	"sync/atomic"
)

var Panics atomic.Int64

func logPanic(log *slog.Logger, name string) {
	if p := recover(); p != nil {
		Panics.Add(1)
		log.Error("background task panicked", "task", name, "panic", p, "stack", string(debug.Stack()))
	}
}

// Go runs fn on its own goroutine; a panic in fn is logged and counted, never fatal.
func Go(log *slog.Logger, name string, fn func()) {
	go func() {
		defer logPanic(log, name)
		fn()
	}()
}
'''), dict(path='internal/audit/writer.go', new='''
package audit

import (
	"context"
	"log/slog"
	"time"

	"example.com/nexspence/internal/safego"
)

type Writer struct {
	log   *slog.Logger
	store func(ctx context.Context, e Event) error
}

type Event struct {
	Actor, Action string
}

func (w *Writer) Record(e Event) {
	safego.Go(w.log, "audit-write", func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := w.store(ctx, e); err != nil {
			w.log.Warn("audit write failed", "action", e.Action, "err", err)
		}
	})
}
''')])

case('go-ok-14-worker-start-defers-named-recover', 'https://github.com/tigrisdata-archive/tigrisdb/pull/1202',
     'the worker goroutine is started on a method whose first statement defers catchWorkerPanics, a named function that recovers and logs the stack',
     'server/services/v1/workers/worker.go', '''
package workers

import (
	"log/slog"
	"runtime/debug"
	"time"
)

type Worker struct {
	name string
	tick time.Duration
	work func() error
	stop chan struct{}
}

func catchWorkerPanics(name string) {
	if r := recover(); r != nil {
		slog.Error("worker panic", "worker", name, "panic", r, "stack", string(debug.Stack()))
	}
}

func (w *Worker) Start() {
	defer catchWorkerPanics(w.name)
	t := time.NewTicker(w.tick)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			if err := w.work(); err != nil {
				slog.Warn("worker run failed", "worker", w.name, "err", err)
			}
		}
	}
}

func StartAll(ws []*Worker) {
	for _, w := range ws {
		go w.Start()
	}
}
''')

case('go-ok-15-pool-opened-once-in-main', 'https://github.com/geckoboard/sql-dataset/pull/11',
     'the *sql.DB pool is opened once in main, sized, closed on exit and passed to the per-dataset function that only queries it',
     'main.go', '''
package main

import (
	"context"
	"database/sql"
	"log"
	"time"
)

func main() {
	cfg := loadConfig()
	db, err := sql.Open(cfg.Driver, cfg.DSN)
	if err != nil {
		log.Fatalf("open database: %v", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(5)
	db.SetConnMaxLifetime(10 * time.Minute)

	for _, ds := range cfg.Datasets {
		ctx, cancel := context.WithTimeout(context.Background(), cfg.QueryTimeout)
		err := pushDataset(ctx, db, ds)
		cancel()
		if err != nil {
			log.Printf("dataset %s: %v", ds.ID, err)
		}
	}
}
''')

case('go-ok-16-shared-client-built-once-by-sync-once', 'https://github.com/choria-io/go-choria/issues/198',
     'the stats client (transport with dial and header timeouts, overall timeout) is built once through sync.Once and reused by every poll',
     'broker/network/stats.go', '''
package network

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"sync"
	"time"
)

var (
	statsOnce   sync.Once
	statsClient *http.Client
)

func sharedStatsClient() *http.Client {
	statsOnce.Do(func() {
		statsClient = &http.Client{
			Timeout: 5 * time.Second,
			Transport: &http.Transport{
				DialContext:           (&net.Dialer{Timeout: 2 * time.Second}).DialContext,
				ResponseHeaderTimeout: 3 * time.Second,
				MaxIdleConns:          1,
				IdleConnTimeout:       30 * time.Second,
			},
		}
	})
	return statsClient
}

func Varz(ctx context.Context, url string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := sharedStatsClient().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}
''')

case('go-ok-17-handler-keeps-request-context', 'https://github.com/letsencrypt/boulder/pull/5404',
     'the handler derives its timeout from r.Context() (so client cancellation still reaches the call) and defers the cancel',
     'web/handler.go', '''
package web

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

type AccountLookup func(ctx context.Context, id string) (map[string]string, error)

type Handler struct {
	lookup  AccountLookup
	timeout time.Duration
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
	defer cancel()
	acct, err := h.lookup(ctx, r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, "lookup failed", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(acct); err != nil {
		return // the client went away
	}
}
''')

case('go-ok-18-per-step-detail-only-when-verbose', 'https://github.com/GoogleCloudPlatform/cloud-builders/pull/370',
     'the per-file line is written only when --verbose is set (off in production); one summary line per batch is always written',
     'gsutil/sync.go', '''
package gsutil

import (
	"context"
	"log"
)

type Syncer struct {
	verbose bool
	copy    func(ctx context.Context, name string) error
}

func (s *Syncer) SyncAll(ctx context.Context, names []string) error {
	failed := 0
	for _, n := range names {
		if err := s.copy(ctx, n); err != nil {
			failed++
			continue
		}
		if s.verbose {
			log.Printf("copied %s", n)
		}
	}
	log.Printf("sync done: %d files, %d failed", len(names), failed)
	if failed > 0 {
		return errFailed(failed)
	}
	return nil
}
''')
