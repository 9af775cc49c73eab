# Round-3 held-out cases, Go. Authored blind (see SOURCES.md); "//@ITEM" marks an expected finding on that line.

CASES = []


def case(name, path, source, desc, new, old=None):
    c = {'name': name, 'path': path, 'source': source, 'desc': desc, 'new': new}
    if old is not None:
        c['old'] = old
    CASES.append(c)


case('go-01-body-closed-only-on-error-status', 'internal/llm/completions.go',
     'https://github.com/openai/openai-go/pull/387',
     'the body is closed (deferred) only inside the error-status branch; the success path decodes it and never closes it',
     r'''
package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

type Client struct {
	http    *http.Client
	baseURL string
}

func (c *Client) Complete(ctx context.Context, prompt Prompt, out *Completion) error {
	payload, err := json.Marshal(prompt)
	if err != nil {
		return fmt.Errorf("encode prompt: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/completions", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req) //@RES-02
	if err != nil {
		return fmt.Errorf("post completion: %w", err)
	}
	if resp.StatusCode >= 400 {
		defer resp.Body.Close()
		msg, readErr := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
		if readErr != nil {
			return fmt.Errorf("completion failed with %d", resp.StatusCode)
		}
		return fmt.Errorf("completion failed with %d: %s", resp.StatusCode, msg)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
''')

case('go-02-readall-without-close', 'pkg/registry/tags.go',
     'https://github.com/digitalocean/doctl/pull/1428',
     'a registry client reads the whole body with io.ReadAll and unmarshals it; the body is never closed on any path',
     r'''
package registry

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

type TagLister struct {
	client   *http.Client
	endpoint string
	token    string
}

func (t *TagLister) Tags(ctx context.Context, repo string) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.endpoint+"/v2/"+repo+"/tags/list", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+t.token)
	resp, err := t.client.Do(req) //@RES-02
	if err != nil {
		return nil, fmt.Errorf("list tags of %s: %w", repo, err)
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("read tags of %s: %w", repo, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("list tags of %s: status %d", repo, resp.StatusCode)
	}
	var body struct {
		Tags []string `json:"tags"`
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		return nil, fmt.Errorf("decode tags of %s: %w", repo, err)
	}
	return body.Tags, nil
}
''')

case('go-03-head-check-loop-continue', 'internal/release/mirrors.go',
     'https://github.com/goreleaser/goreleaser/pull/4857',
     'a loop probes each mirror with Get; a 404 continues and a 200 returns, and no path closes the response body',
     r'''
package release

import (
	"context"
	"fmt"
	"net/http"
)

type MirrorProbe struct {
	client *http.Client
}

// FirstAvailable returns the first mirror that already serves the artifact.
func (m *MirrorProbe) FirstAvailable(ctx context.Context, mirrors []string, artifact string) (string, error) {
	for _, base := range mirrors {
		url := base + "/" + artifact
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return "", err
		}
		resp, err := m.client.Do(req) //@RES-02
		if err != nil {
			continue
		}
		if resp.StatusCode == http.StatusNotFound {
			continue
		}
		if resp.StatusCode == http.StatusOK {
			return url, nil
		}
	}
	return "", fmt.Errorf("artifact %s is on no mirror", artifact)
}
''')

case('go-04-image-decoded-from-open-body', 'maps/static.go',
     'https://github.com/googlemaps/google-maps-services-go/pull/110',
     'a static-map call decodes the image straight from the response body and returns; the body stays open',
     r'''
package maps

import (
	"context"
	"fmt"
	"image"
	_ "image/png"
	"net/http"
	"net/url"
)

type StaticMapClient struct {
	hc     *http.Client
	apiKey string
}

func (s *StaticMapClient) Render(ctx context.Context, center string, zoom int) (image.Image, error) {
	q := url.Values{}
	q.Set("center", center)
	q.Set("zoom", fmt.Sprint(zoom))
	q.Set("key", s.apiKey)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://maps.example.com/staticmap?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.hc.Do(req) //@RES-02
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("static map: status %d", resp.StatusCode)
	}
	img, _, err := image.Decode(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("decode static map: %w", err)
	}
	return img, nil
}
''')

case('go-05-helper-returned-response-not-closed', 'notion/pages.go',
     'https://github.com/jomei/notionapi/issues/66',
     'a request helper returns the open *http.Response; the caller decodes the body and never closes it',
     r'''
package notion

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

type Client struct {
	hc    *http.Client
	base  string
	token string
}

func (c *Client) request(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("%s %s: status %d", method, path, resp.StatusCode)
	}
	return resp, nil
}

func (c *Client) Page(ctx context.Context, id string) (*Page, error) {
	resp, err := c.request(ctx, http.MethodGet, "/v1/pages/"+id, nil) //@RES-02
	if err != nil {
		return nil, err
	}
	var p Page
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return nil, fmt.Errorf("decode page %s: %w", id, err)
	}
	return &p, nil
}
''')

case('go-06-shutdown-cancel-discarded', 'cmd/gateway/main.go',
     'https://github.com/goadesign/goa/pull/1580',
     'the shutdown context of the server is derived with WithTimeout and its cancel function discarded',
     r'''
package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func serve(srv *http.Server, logger *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { //@~CONC-01
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
		<-sig
		shutdownCtx, _ := context.WithTimeout(context.Background(), 30*time.Second) //@TMO-03
		errc <- srv.Shutdown(shutdownCtx)
	}()
	logger.Info("listening", "addr", srv.Addr)
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		return err
	}
	return <-errc
}
''')

case('go-07-cancel-only-after-success', 'transport/http/client_gen.go',
     'https://github.com/Ayiga/go-kit-middlewarer/pull/11',
     'a generated client derives a per-call timeout context; cancel is called after a successful decode only, the error returns skip it',
     r'''
package http

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type client struct {
	hc      *http.Client
	base    string
	timeout time.Duration
}

func (c *client) GetUser(parent context.Context, id string) (*User, error) {
	ctx, cancel := context.WithTimeout(parent, c.timeout) //@TMO-03
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/users/"+id, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("get user %s: %w", id, err)
	}
	defer resp.Body.Close()
	var u User
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil {
		return nil, fmt.Errorf("decode user %s: %w", id, err)
	}
	cancel()
	return &u, nil
}
''')

case('go-08-rows-never-closed-scan-return', 'src/datastore/labels.go',
     'https://github.com/ImageMonkey/imagemonkey-core/issues/1',
     'rows from QueryContext are never closed; a Scan error returns from inside the loop with the connection still checked out',
     r'''
package datastore

import (
	"context"
	"database/sql"
	"fmt"
)

type LabelStore struct {
	db *sql.DB
}

func (s *LabelStore) LabelsFor(ctx context.Context, imageID string) ([]Label, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT l.name, l.uuid, il.votes FROM image_label il JOIN label l ON l.id = il.label_id WHERE il.image_id = $1`, imageID) //@RES-01
	if err != nil {
		return nil, fmt.Errorf("query labels of %s: %w", imageID, err)
	}
	var labels []Label
	for rows.Next() {
		var l Label
		if err := rows.Scan(&l.Name, &l.UUID, &l.Votes); err != nil {
			return nil, fmt.Errorf("scan label of %s: %w", imageID, err)
		}
		labels = append(labels, l)
	}
	return labels, rows.Err()
}
''')

case('go-09-insert-returning-rows-left-open', 'traffic_ops/regexes/create.go',
     'https://github.com/apache/trafficcontrol/pull/2536',
     'an INSERT ... RETURNING run with QueryContext reads one row with Next/Scan and returns; the rows are never closed, so the connection stays busy',
     r'''
package regexes

import (
	"context"
	"database/sql"
	"fmt"
)

func createRegex(ctx context.Context, tx *sql.Tx, pattern string, kind int) (int, error) {
	rows, err := tx.QueryContext(ctx, `INSERT INTO regex (pattern, type) VALUES ($1, $2) RETURNING id`, pattern, kind) //@RES-01
	if err != nil {
		return 0, fmt.Errorf("insert regex: %w", err)
	}
	id := 0
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, fmt.Errorf("scan regex id: %w", err)
		}
	}
	if id == 0 {
		return 0, fmt.Errorf("insert regex: no id returned")
	}
	return id, nil
}
''')

case('go-10-sqlx-rows-assigned-in-closure', 'examples/fixtures/users/load.go',
     'https://github.com/justtrackio/gosoline/pull/1183',
     'sqlx rows assigned with = inside a closure; a StructScan error returns without closing them',
     r'''
package users

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

type Loader struct {
	db *sqlx.DB
}

func (l *Loader) Each(ctx context.Context, fn func(User) error) error {
	var rows *sqlx.Rows
	var err error
	load := func() error {
		if rows, err = l.db.QueryxContext(ctx, "SELECT id, name, email FROM users ORDER BY id"); err != nil { //@RES-01
			return err
		}
		for rows.Next() {
			var u User
			if err := rows.StructScan(&u); err != nil {
				return fmt.Errorf("scan user: %w", err)
			}
			if err := fn(u); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	return load()
}
''')

case('go-11-rows-to-scan-helper-that-does-not-close', 'store/reports.go',
     'https://github.com/uptrace/bun/pull/582',
     'rows are handed to a scan helper (in the same change) that iterates them but never closes them; neither does the caller',
     r'''
package store

import (
	"context"
	"database/sql"
	"fmt"
)

type ReportStore struct {
	db *sql.DB
}

func scanTotals(rows *sql.Rows) (map[string]int64, error) {
	totals := make(map[string]int64)
	for rows.Next() {
		var region string
		var total int64
		if err := rows.Scan(&region, &total); err != nil {
			return nil, err
		}
		totals[region] = total
	}
	return totals, rows.Err()
}

func (s *ReportStore) TotalsByRegion(ctx context.Context, day string) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT region, SUM(amount) FROM sales WHERE day = $1 GROUP BY region", day) //@RES-01
	if err != nil {
		return nil, fmt.Errorf("totals for %s: %w", day, err)
	}
	return scanTotals(rows)
}
''')

case('go-12-conn-not-released-on-setup-error', 'internal/pgstore/session.go',
     'https://github.com/go-pg/pg/pull/599',
     'a dedicated *sql.Conn is taken from the pool; when the session setup statement fails the function returns without closing it',
     r'''
package pgstore

import (
	"context"
	"database/sql"
	"fmt"
)

type Store struct {
	db *sql.DB
}

// Session returns a connection pinned to the tenant's schema; the caller closes it.
func (s *Store) Session(ctx context.Context, tenant string) (*sql.Conn, error) {
	conn, err := s.db.Conn(ctx) //@RES-01
	if err != nil {
		return nil, fmt.Errorf("acquire connection: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "SELECT set_config('search_path', $1, false)", tenant); err != nil {
		return nil, fmt.Errorf("switch to schema %s: %w", tenant, err)
	}
	return conn, nil
}
''')

case('go-13-pgx-queryrow-error-skips-rollback', 'internal/jobs/claim.go',
     'https://github.com/jackc/pgx/issues/1269',
     'pgx transaction: a QueryRow Scan error (including no rows) returns without Rollback, so the pooled connection keeps the transaction and its locks',
     r'''
package jobs

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Queue struct {
	pool *pgxpool.Pool
}

func (q *Queue) Claim(ctx context.Context, worker string) (*Job, error) {
	tx, err := q.pool.Begin(ctx) //@TX-01
	if err != nil {
		return nil, fmt.Errorf("begin claim: %w", err)
	}
	var j Job
	err = tx.QueryRow(ctx, `SELECT id, payload FROM jobs WHERE state = 'ready' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1`).Scan(&j.ID, &j.Payload)
	if err != nil {
		if err == pgx.ErrNoRows {
			return nil, nil
		}
		return nil, fmt.Errorf("select job: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'running', worker = $2 WHERE id = $1`, j.ID, worker); err != nil {
		tx.Rollback(ctx)
		return nil, fmt.Errorf("mark job %d: %w", j.ID, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("commit claim: %w", err)
	}
	return &j, nil
}
''')

case('go-14-symbol-tx-loop-return-no-rollback', 'cmd/symbols/writer.go',
     'https://github.com/sourcegraph/sourcegraph-public-snapshot/pull/24864',
     'a transaction writes every symbol of a file in a loop; an insert error returns from inside the loop without Rollback',
     r'''
package symbols

import (
	"context"
	"database/sql"
	"fmt"
)

type Writer struct {
	db *sql.DB
}

func (w *Writer) WriteFile(ctx context.Context, path string, syms []Symbol) error {
	tx, err := w.db.BeginTx(ctx, nil) //@TX-01
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM symbols WHERE path = ?", path); err != nil {
		tx.Rollback()
		return fmt.Errorf("clear symbols of %s: %w", path, err)
	}
	for _, s := range syms {
		if _, err := tx.ExecContext(ctx, "INSERT INTO symbols (path, name, kind, line) VALUES (?, ?, ?, ?)", path, s.Name, s.Kind, s.Line); err != nil {
			return fmt.Errorf("insert symbol %s of %s: %w", s.Name, path, err)
		}
	}
	return tx.Commit()
}
''')

case('go-15-migration-begin-statement-no-rollback', 'database/pgx/migrate.go',
     'https://github.com/golang-migrate/migrate/issues/581',
     'an explicit transaction opened with an ExecContext("BEGIN") on a pinned connection; a failing migration returns without ROLLBACK, leaving the connection in an aborted transaction',
     r'''
package pgx

import (
	"context"
	"database/sql"
	"fmt"
)

type Driver struct {
	conn *sql.Conn
}

func (d *Driver) RunInTx(ctx context.Context, version uint, migration string) error {
	if _, err := d.conn.ExecContext(ctx, "BEGIN"); err != nil { //@TX-01
		return fmt.Errorf("begin migration %d: %w", version, err)
	}
	if _, err := d.conn.ExecContext(ctx, migration); err != nil {
		return fmt.Errorf("migration %d failed: %w", version, err)
	}
	if _, err := d.conn.ExecContext(ctx, "UPDATE schema_migrations SET version = $1, dirty = false", version); err != nil {
		return fmt.Errorf("record migration %d: %w", version, err)
	}
	if _, err := d.conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("commit migration %d: %w", version, err)
	}
	return nil
}
''')

case('go-16-named-method-goroutine-per-task', 'routine/executor.go',
     'https://github.com/go-eden/routine/pull/14',
     'each submitted task is started with go on a named method; nothing on that goroutine recovers a panic of the task',
     r'''
package routine

import (
	"sync"
	"sync/atomic"
)

type Executor struct {
	wg      sync.WaitGroup
	running atomic.Int64
}

func (e *Executor) run(task func()) {
	defer e.wg.Done()
	defer e.running.Add(-1)
	task()
}

// Submit runs task on its own goroutine.
func (e *Executor) Submit(task func()) {
	e.wg.Add(1)
	e.running.Add(1)
	go e.run(task) //@CONC-01
}

func (e *Executor) Wait() {
	e.wg.Wait()
}
''')

case('go-17-cron-job-without-recover', 'internal/pricing/scheduler.go',
     'https://github.com/robfig/cron/issues/484',
     'a robfig/cron job registered with AddFunc on a cron built without the Recover wrapper; a panic in one run ends the process',
     r'''
package pricing

import (
	"context"
	"log/slog"

	"github.com/robfig/cron/v3"
)

type Scheduler struct {
	c      *cron.Cron
	syncer *Syncer
	logger *slog.Logger
}

func NewScheduler(syncer *Syncer, logger *slog.Logger) *Scheduler {
	return &Scheduler{c: cron.New(), syncer: syncer, logger: logger}
}

func (s *Scheduler) Start(ctx context.Context) error {
	_, err := s.c.AddFunc("@every 5m", func() { //@CONC-07|CONC-01
		if err := s.syncer.SyncPrices(ctx); err != nil {
			s.logger.Warn("price sync failed", "err", err)
		}
	})
	if err != nil {
		return err
	}
	s.c.Start()
	return nil
}
''')

case('go-18-defer-close-in-tar-extract-loop', 'goblet/seed.go',
     'https://github.com/google/goblet/pull/27',
     'defer Close of every extracted file inside the tar read loop keeps all of them open until the archive is done',
     r'''
package goblet

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func extractSeed(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read seed archive: %w", err)
		}
		target := filepath.Join(dir, filepath.Clean(hdr.Name))
		if hdr.Typeflag == tar.TypeDir {
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
			continue
		}
		out, err := os.Create(target)
		if err != nil {
			return fmt.Errorf("create %s: %w", target, err)
		}
		defer out.Close() //@RES-03
		if _, err := io.Copy(out, tr); err != nil {
			return fmt.Errorf("write %s: %w", target, err)
		}
	}
}
''')

case('go-19-defer-close-per-argument-file', 'cmd/sub/main.go',
     'https://github.com/cespare/sub/issues/7',
     'a command opens every file named on the command line in a loop and defers each Close: all stay open until main returns',
     r'''
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	from := flag.String("from", "", "text to replace")
	to := flag.String("to", "", "replacement")
	flag.Parse()
	for _, name := range flag.Args() {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "open %s: %v\n", name, err)
			continue
		}
		defer f.Close() //@RES-03
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fmt.Println(strings.ReplaceAll(sc.Text(), *from, *to))
		}
		if err := sc.Err(); err != nil {
			fmt.Fprintf(os.Stderr, "read %s: %v\n", name, err)
		}
	}
}
''')

case('go-20-defer-conn-close-per-ping', 'cmds/core/ping/ping.go',
     'https://github.com/u-root/u-root/pull/529',
     'each ping of the loop dials a new socket and defers its Close; the sockets pile up until the command ends',
     r'''
package main

import (
	"fmt"
	"net"
	"time"
)

func pingLoop(host string, count int, interval time.Duration) error {
	for i := 0; i < count; i++ {
		c, err := net.DialTimeout("ip4:icmp", host, 2*time.Second)
		if err != nil {
			return fmt.Errorf("dial %s: %w", host, err)
		}
		defer c.Close() //@RES-03
		if err := c.SetDeadline(time.Now().Add(2 * time.Second)); err != nil {
			return err
		}
		start := time.Now()
		if err := sendEcho(c, i); err != nil {
			return fmt.Errorf("ping %s seq %d: %w", host, i, err)
		}
		fmt.Printf("seq=%d time=%v\n", i, time.Since(start))
		time.Sleep(interval)
	}
	return nil
}
''')

case('go-21-default-client-in-scale-probe', 'pkg/proxy/activator.go',
     'https://github.com/deislabs/osiris/pull/2',
     'the activator probes pods with http.DefaultClient (no timeout): a hanging pod blocks the probing goroutine forever',
     r'''
package proxy

import (
	"context"
	"fmt"
	"net/http"
)

func podReady(ctx context.Context, podIP string, port int) (bool, error) {
	url := fmt.Sprintf("http://%s:%d/healthz", podIP, port)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false, err
	}
	resp, err := http.DefaultClient.Do(req) //@TMO-01
	if err != nil {
		return false, nil //@~ERR-01
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}
''')

case('go-22-client-literal-transport-only', 'safebrowsing/fetch.go',
     'https://github.com/rjohnsondev/go-safe-browsing-api/issues/12',
     'the updater builds an http.Client with only a proxy-aware Transport: no overall timeout, no dial or header timeout',
     r'''
package safebrowsing

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

type Updater struct {
	client *http.Client
	key    string
}

func NewUpdater(key string, proxy *url.URL) *Updater {
	transport := &http.Transport{Proxy: http.ProxyURL(proxy)}
	return &Updater{
		client: &http.Client{Transport: transport}, //@TMO-01
		key:    key,
	}
}

func (u *Updater) RequestUpdates(lists []string) ([]byte, error) {
	body := strings.NewReader(strings.Join(lists, "\n"))
	resp, err := u.client.Post("https://safebrowsing.example.com/downloads?key="+u.key, "text/plain", body) //@~TMO-02
	if err != nil {
		return nil, fmt.Errorf("request updates: %w", err)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
''')

case('go-23-handler-uses-background-for-k8s', 'pkg/api/v1/workloads.go',
     'https://github.com/stacklok/toolhive/pull/3285',
     'an HTTP handler lists workloads through the Kubernetes client with context.Background(): a client that goes away does not stop the call',
     r'''
package v1

import (
	"context"
	"encoding/json"
	"net/http"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

type WorkloadRoutes struct {
	kube      kubernetes.Interface
	namespace string
}

func (wr *WorkloadRoutes) list(w http.ResponseWriter, r *http.Request) {
	pods, err := wr.kube.CoreV1().Pods(wr.namespace).List(context.Background(), metav1.ListOptions{ //@TMO-02
		LabelSelector: "app.kubernetes.io/managed-by=toolhive",
	})
	if err != nil {
		http.Error(w, "failed to list workloads", http.StatusBadGateway)
		return
	}
	names := make([]string, 0, len(pods.Items))
	for _, p := range pods.Items {
		names = append(names, p.Name)
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(names); err != nil {
		http.Error(w, "encode failed", http.StatusInternalServerError)
	}
}
''')

case('go-24-graphql-handler-todo-context', 'handler/handler.go',
     'https://github.com/graphql-go/handler/issues/20',
     'the GraphQL handler executes every query with context.TODO() instead of the request context',
     r'''
package handler

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/graphql-go/graphql"
)

type Handler struct {
	Schema *graphql.Schema
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var opts struct {
		Query     string                 `json:"query"`
		Variables map[string]interface{} `json:"variables"`
	}
	if err := json.NewDecoder(r.Body).Decode(&opts); err != nil {
		http.Error(w, "bad request body", http.StatusBadRequest)
		return
	}
	result := graphql.Do(graphql.Params{ //@~TMO-02
		Schema:         *h.Schema,
		RequestString:  opts.Query,
		VariableValues: opts.Variables,
		Context:        context.TODO(), //@TMO-02
	})
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(result); err != nil {
		http.Error(w, "encode failed", http.StatusInternalServerError)
	}
}
''')

case('go-25-grpc-dial-per-store-call', 'store/remote.go',
     'https://github.com/drausin/libri/pull/163',
     'every Store call dials a new gRPC connection to the peer and never closes it',
     r'''
package store

import (
	"context"
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type RemoteStorer struct {
	peerAddr string
}

func (r *RemoteStorer) Store(ctx context.Context, key, value []byte) error {
	conn, err := grpc.NewClient(r.peerAddr, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-01|RES-04
	if err != nil {
		return fmt.Errorf("connect to %s: %w", r.peerAddr, err)
	}
	client := NewStorerClient(conn)
	if _, err := client.Store(ctx, &StoreRequest{Key: key, Value: value}); err != nil {
		return fmt.Errorf("store on %s: %w", r.peerAddr, err)
	}
	return nil
}
''')

case('go-26-grpc-backend-dial-per-http-request', 'grpc/proxy.go',
     'https://github.com/pieterlouw/caddy-grpc/pull/11',
     'the proxy handler dials the backend for every HTTP request and never closes the connection',
     r'''
package grpc

import (
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type Proxy struct {
	backend string
	next    func(w http.ResponseWriter, r *http.Request, cc *grpc.ClientConn)
}

func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cc, err := grpc.DialContext(r.Context(), p.backend, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-04|RES-01
	if err != nil {
		http.Error(w, "backend unavailable", http.StatusBadGateway)
		return
	}
	p.next(w, r, cc)
}
''')

case('go-27-zap-info-per-envelope', 'loggregator/stream.go',
     'https://github.com/ethpandaops/spamoor/pull/62',
     'a stream consumer writes one zap Info line for every envelope it receives',
     r'''
package loggregator

import (
	"context"

	"go.uber.org/zap"
)

type Consumer struct {
	logger *zap.Logger
	sink   Sink
}

func (c *Consumer) Consume(ctx context.Context, envelopes <-chan *Envelope) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case env, ok := <-envelopes:
			if !ok {
				return nil
			}
			c.logger.Info("envelope received", zap.String("source", env.SourceID), zap.Int64("ts", env.Timestamp)) //@LOG-01
			if err := c.sink.Write(ctx, env); err != nil {
				return err
			}
		}
	}
}
''')

case('go-28-logrus-line-per-runtime-key', 'loader/loader.go',
     'https://github.com/lyft/goruntime/pull/37',
     'the runtime loader writes a logrus line for every key of every file it walks on each reload',
     r'''
package loader

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/sirupsen/logrus"
)

type Loader struct {
	root   string
	log    *logrus.Logger
	values map[string]string
}

func (l *Loader) reload() error {
	next := make(map[string]string)
	err := filepath.WalkDir(l.root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		key := strings.ReplaceAll(strings.TrimPrefix(path, l.root+"/"), "/", ".")
		next[key] = strings.TrimSpace(string(raw))
		l.log.WithField("key", key).WithField("value", next[key]).Info("runtime key loaded") //@LOG-01
		return nil
	})
	if err != nil {
		return err
	}
	l.values = next
	return nil
}
''')

case('go-ok-01-helper-response-caller-defers-close', 'notion/databases.go',
     'https://github.com/jomei/notionapi/issues/66',
     'the request helper returns the open response; the caller defers Body.Close right after the error check',
     r'''
package notion

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

type DBClient struct {
	hc    *http.Client
	base  string
	token string
}

func (c *DBClient) do(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return c.hc.Do(req)
}

func (c *DBClient) Database(ctx context.Context, id string) (*Database, error) {
	resp, err := c.do(ctx, http.MethodGet, "/v1/databases/"+id, nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("database %s: status %d", id, resp.StatusCode)
	}
	var db Database
	if err := json.NewDecoder(resp.Body).Decode(&db); err != nil {
		return nil, fmt.Errorf("decode database %s: %w", id, err)
	}
	return &db, nil
}
''')

case('go-ok-02-rows-deferred-close-and-err', 'src/datastore/annotations.go',
     'https://github.com/ImageMonkey/imagemonkey-core/issues/1',
     'rows closed by a defer right after the error check; Scan errors return and the deferred Close runs; rows.Err is checked',
     r'''
package datastore

import (
	"context"
	"database/sql"
	"fmt"
)

type AnnotationStore struct {
	db *sql.DB
}

func (s *AnnotationStore) ForImage(ctx context.Context, imageID string) ([]Annotation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.uuid, a.label, a.shape FROM annotation a WHERE a.image_id = $1`, imageID)
	if err != nil {
		return nil, fmt.Errorf("query annotations of %s: %w", imageID, err)
	}
	defer rows.Close()
	var out []Annotation
	for rows.Next() {
		var a Annotation
		if err := rows.Scan(&a.UUID, &a.Label, &a.Shape); err != nil {
			return nil, fmt.Errorf("scan annotation of %s: %w", imageID, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate annotations of %s: %w", imageID, err)
	}
	return out, nil
}
''')

case('go-ok-03-tar-entry-written-by-function', 'goblet/restore.go',
     'https://github.com/google/goblet/pull/27',
     'the tar loop calls a function per entry; that function defers the Close, so each file is closed before the next entry',
     r'''
package goblet

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func writeEntry(target string, src io.Reader) error {
	out, err := os.Create(target)
	if err != nil {
		return fmt.Errorf("create %s: %w", target, err)
	}
	defer out.Close()
	if _, err := io.Copy(out, src); err != nil {
		return fmt.Errorf("write %s: %w", target, err)
	}
	return out.Sync()
}

func restoreSnapshot(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read snapshot: %w", err)
		}
		target := filepath.Join(dir, filepath.Clean(hdr.Name))
		if hdr.Typeflag == tar.TypeDir {
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
			continue
		}
		if err := writeEntry(target, tr); err != nil {
			return err
		}
	}
}
''')

case('go-ok-04-cancel-per-attempt-in-closure', 'transport/http/retry_gen.go',
     'https://github.com/Ayiga/go-kit-middlewarer/pull/11',
     'each retry attempt runs in a closure that derives its own timeout context and defers its cancel',
     r'''
package http

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

type retryingClient struct {
	hc       *http.Client
	base     string
	attempts int
	timeout  time.Duration
}

func (c *retryingClient) Ping(parent context.Context) error {
	var lastErr error
	for i := 0; i < c.attempts; i++ {
		lastErr = func() error {
			ctx, cancel := context.WithTimeout(parent, c.timeout)
			defer cancel()
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/ping", nil)
			if err != nil {
				return err
			}
			resp, err := c.hc.Do(req)
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("ping: status %d", resp.StatusCode)
			}
			return nil
		}()
		if lastErr == nil {
			return nil
		}
	}
	return fmt.Errorf("ping failed after %d attempts: %w", c.attempts, lastErr)
}
''')

case('go-ok-05-probe-client-built-once', 'pkg/proxy/prober.go',
     'https://github.com/deislabs/osiris/pull/2',
     'the prober builds one client with an overall timeout and dial/header timeouts in its constructor and reuses it for every probe',
     r'''
package proxy

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

type Prober struct {
	client *http.Client
}

func NewProber() *Prober {
	transport := &http.Transport{
		DialContext:           (&net.Dialer{Timeout: 2 * time.Second}).DialContext,
		ResponseHeaderTimeout: 2 * time.Second,
		MaxIdleConnsPerHost:   4,
	}
	return &Prober{client: &http.Client{Transport: transport, Timeout: 5 * time.Second}}
}

func (p *Prober) Ready(ctx context.Context, podIP string, port int) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("http://%s:%d/healthz", podIP, port), nil)
	if err != nil {
		return false, err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return false, fmt.Errorf("probe %s: %w", podIP, err)
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}
''')

case('go-ok-06-grpc-conns-cached-per-peer', 'store/peers.go',
     'https://github.com/drausin/libri/pull/163',
     'gRPC connections are created once per peer, cached under a mutex, reused by every call and closed by the pool Close',
     r'''
package store

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type PeerPool struct {
	mu    sync.Mutex
	conns map[string]*grpc.ClientConn
}

func NewPeerPool() *PeerPool {
	return &PeerPool{conns: make(map[string]*grpc.ClientConn)}
}

func (p *PeerPool) conn(addr string) (*grpc.ClientConn, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if cc, ok := p.conns[addr]; ok {
		return cc, nil
	}
	cc, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", addr, err)
	}
	p.conns[addr] = cc
	return cc, nil
}

func (p *PeerPool) Store(ctx context.Context, addr string, key, value []byte) error {
	cc, err := p.conn(addr)
	if err != nil {
		return err
	}
	_, err = NewStorerClient(cc).Store(ctx, &StoreRequest{Key: key, Value: value})
	return err
}

// Close closes every cached connection; the pool is not used afterwards.
func (p *PeerPool) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []error
	for addr, cc := range p.conns {
		if err := cc.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close %s: %w", addr, err))
		}
		delete(p.conns, addr)
	}
	return errors.Join(errs...)
}
''')

case('go-ok-07-pgx-tx-deferred-rollback', 'internal/jobs/release.go',
     'https://github.com/jackc/pgx/issues/1269',
     'pgx transaction with defer tx.Rollback(ctx) right after Begin (a no-op after Commit); the no-rows return is covered',
     r'''
package jobs

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Reaper struct {
	pool *pgxpool.Pool
}

func (r *Reaper) ReleaseStale(ctx context.Context, worker string) (*Job, error) {
	tx, err := r.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin release: %w", err)
	}
	defer tx.Rollback(ctx) // no-op once Commit succeeded
	var j Job
	err = tx.QueryRow(ctx, `SELECT id, payload FROM jobs WHERE state = 'running' AND worker = $1 FOR UPDATE LIMIT 1`, worker).Scan(&j.ID, &j.Payload)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("select stale job: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'ready', worker = NULL WHERE id = $1`, j.ID); err != nil {
		return nil, fmt.Errorf("release job %d: %w", j.ID, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("commit release: %w", err)
	}
	return &j, nil
}
''')

case('go-ok-08-task-goroutine-deferred-panic-handler', 'routine/pool.go',
     'https://github.com/go-eden/routine/pull/14',
     'tasks start with go on a named method whose deferred handlePanic (not called recover) calls recover, logs the stack and counts it',
     r'''
package routine

import (
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

type Pool struct {
	wg     sync.WaitGroup
	panics atomic.Int64
	logger *slog.Logger
}

func (p *Pool) handlePanic() {
	if r := recover(); r != nil {
		p.panics.Add(1)
		p.logger.Error("task panicked", "panic", r, "stack", string(debug.Stack()))
	}
}

func (p *Pool) run(task func()) {
	defer p.wg.Done()
	defer p.handlePanic()
	task()
}

// Go runs task on its own goroutine; a panic in task is logged and counted, never fatal.
func (p *Pool) Go(task func()) {
	p.wg.Add(1)
	go p.run(task)
}

func (p *Pool) Wait() {
	p.wg.Wait()
}
''')

case('go-ok-09-cron-with-recover-chain', 'internal/rates/scheduler.go',
     'https://github.com/robfig/cron/issues/484',
     'robfig/cron built with WithChain(cron.Recover(...)): every job run is wrapped in the library recover, and errors are logged',
     r'''
package rates

import (
	"context"
	"log"
	"log/slog"
	"os"

	"github.com/robfig/cron/v3"
)

type Scheduler struct {
	c       *cron.Cron
	refresh func(context.Context) error
	logger  *slog.Logger
}

func NewScheduler(refresh func(context.Context) error, logger *slog.Logger) *Scheduler {
	cronLog := cron.VerbosePrintfLogger(log.New(os.Stderr, "cron: ", log.LstdFlags))
	return &Scheduler{
		c:       cron.New(cron.WithChain(cron.Recover(cronLog))),
		refresh: refresh,
		logger:  logger,
	}
}

func (s *Scheduler) Start(ctx context.Context) error {
	if _, err := s.c.AddFunc("@every 1m", func() {
		if err := s.refresh(ctx); err != nil {
			s.logger.Warn("rate refresh failed; next run in a minute", "err", err)
		}
	}); err != nil {
		return err
	}
	s.c.Start()
	return nil
}
''')

case('go-ok-10-handler-passes-request-context', 'pkg/api/v1/secrets.go',
     'https://github.com/stacklok/toolhive/pull/3285',
     'the handler passes r.Context() to the Kubernetes call, so a gone client cancels it',
     r'''
package v1

import (
	"encoding/json"
	"net/http"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

type SecretRoutes struct {
	kube      kubernetes.Interface
	namespace string
}

func (sr *SecretRoutes) list(w http.ResponseWriter, r *http.Request) {
	secrets, err := sr.kube.CoreV1().Secrets(sr.namespace).List(r.Context(), metav1.ListOptions{
		LabelSelector: "app.kubernetes.io/managed-by=toolhive",
	})
	if err != nil {
		http.Error(w, "failed to list secrets", http.StatusBadGateway)
		return
	}
	names := make([]string, 0, len(secrets.Items))
	for _, s := range secrets.Items {
		names = append(names, s.Name)
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(names); err != nil {
		http.Error(w, "encode failed", http.StatusInternalServerError)
	}
}
''')

case('go-ok-11-conn-closed-on-setup-error', 'internal/pgstore/tenant.go',
     'https://github.com/go-pg/pg/pull/599',
     'the pinned connection is closed when the setup statement fails; on success it is returned to the caller, who owns it',
     r'''
package pgstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

type TenantStore struct {
	db *sql.DB
}

// Pinned returns a connection bound to the tenant's schema; the caller must Close it.
func (s *TenantStore) Pinned(ctx context.Context, tenant string) (*sql.Conn, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("acquire connection: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "SELECT set_config('search_path', $1, false)", tenant); err != nil {
		if cerr := conn.Close(); cerr != nil {
			return nil, errors.Join(fmt.Errorf("switch to schema %s: %w", tenant, err), cerr)
		}
		return nil, fmt.Errorf("switch to schema %s: %w", tenant, err)
	}
	return conn, nil
}
''')

case('go-ok-12-zap-guarded-debug-and-summary', 'loggregator/drain.go',
     'https://github.com/ethpandaops/spamoor/pull/62',
     'per-envelope detail only through a zap Check at debug level (free when off); one summary line per batch, and the first write error is returned',
     r'''
package loggregator

import (
	"context"
	"fmt"

	"go.uber.org/zap"
)

type Drain struct {
	logger *zap.Logger
	sink   Sink
}

func (d *Drain) Flush(ctx context.Context, batch []*Envelope) error {
	failed := 0
	var firstErr error
	for _, env := range batch {
		if ce := d.logger.Check(zap.DebugLevel, "envelope"); ce != nil {
			ce.Write(zap.String("source", env.SourceID))
		}
		if err := d.sink.Write(ctx, env); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			failed++
		}
	}
	d.logger.Info("batch flushed", zap.Int("size", len(batch)), zap.Int("failed", failed))
	if failed > 0 {
		return fmt.Errorf("%d of %d envelopes not written: %w", failed, len(batch), firstErr)
	}
	return nil
}
''')

case('go-ok-13-migration-rollback-through-helper', 'database/pgx/apply.go',
     'https://github.com/golang-migrate/migrate/issues/581',
     'explicit BEGIN on a pinned connection; every failure path goes through a helper that issues ROLLBACK and joins its error',
     r'''
package pgx

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

type Applier struct {
	conn *sql.Conn
}

func (a *Applier) abort(ctx context.Context, cause error) error {
	if _, err := a.conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		return errors.Join(cause, fmt.Errorf("rollback: %w", err))
	}
	return cause
}

func (a *Applier) Apply(ctx context.Context, version uint, migration string) error {
	if _, err := a.conn.ExecContext(ctx, "BEGIN"); err != nil {
		return fmt.Errorf("begin migration %d: %w", version, err)
	}
	if _, err := a.conn.ExecContext(ctx, migration); err != nil {
		return a.abort(ctx, fmt.Errorf("migration %d failed: %w", version, err))
	}
	if _, err := a.conn.ExecContext(ctx, "UPDATE schema_migrations SET version = $1, dirty = false", version); err != nil {
		return a.abort(ctx, fmt.Errorf("record migration %d: %w", version, err))
	}
	if _, err := a.conn.ExecContext(ctx, "COMMIT"); err != nil {
		return a.abort(ctx, fmt.Errorf("commit migration %d: %w", version, err))
	}
	return nil
}
''')

case('go-ok-14-file-closed-at-end-of-iteration', 'cmd/grepish/main.go',
     'https://github.com/cespare/sub/issues/7',
     'each file opened in the loop is closed explicitly at the end of its iteration (error checked); no path skips the Close',
     r'''
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func countMatches(names []string, needle string) (int, error) {
	total := 0
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "open %s: %v\n", name, err)
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if strings.Contains(sc.Text(), needle) {
				total++
			}
		}
		scanErr := sc.Err()
		if err := f.Close(); err != nil {
			return total, fmt.Errorf("close %s: %w", name, err)
		}
		if scanErr != nil {
			return total, fmt.Errorf("read %s: %w", name, scanErr)
		}
	}
	return total, nil
}
''')

case('go-29-modified-skip-existing-continues-past-close', 'internal/provider/generators/examples/main.go',
     'https://github.com/hashicorp/terraform-provider-awscc/issues/272',
     'a change adds a "skip files that already have content" continue after OpenFile; that path never reaches the Close at the end of the iteration',
     old=r'''
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func writeImportScripts(dir string, resources []string) error {
	for _, res := range resources {
		path := filepath.Join(dir, res, "import.sh")
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return fmt.Errorf("open %s: %w", path, err)
		}
		if _, err := fmt.Fprintf(f, "$ terraform import %s.example <id>\n", res); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("close %s: %w", path, err)
		}
	}
	return nil
}
''',
     new=r'''
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func writeImportScripts(dir string, resources []string) error {
	for _, res := range resources {
		path := filepath.Join(dir, res, "import.sh")
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644) //@RES-01
		if err != nil {
			return fmt.Errorf("open %s: %w", path, err)
		}
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return fmt.Errorf("stat %s: %w", path, err)
		}
		if info.Size() > 0 {
			continue // written by an earlier run
		}
		if _, err := fmt.Fprintf(f, "$ terraform import %s.example <id>\n", res); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("close %s: %w", path, err)
		}
	}
	return nil
}
''')
