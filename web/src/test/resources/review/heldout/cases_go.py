# Go cases of the held-out corpus (see make_cases.py). Written from the shape of public fixes.
CASES = []
def case(name, desc, source, path, new, old=None):
    c = dict(name=name, desc=desc, source=source, path=path, new=new)
    if old is not None:
        c['old'] = old
    CASES.append(c)

case('go-01-body-early-return-on-status',
     'response body left open when the status check returns before the defer',
     'https://github.com/istio/istio/pull/34409',
     'internal/geo/lookup.go', r'''
package geo

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type Location struct {
	Country string `json:"country"`
	City    string `json:"city"`
}

type Resolver struct {
	base   string
	client *http.Client
}

func NewResolver(base string) *Resolver {
	return &Resolver{base: base, client: &http.Client{Timeout: 4 * time.Second}}
}

func (r *Resolver) Resolve(ip string) (*Location, error) {
	res, err := r.client.Get(r.base + "/v1/ip/" + ip) //@RES-02
	if err != nil {
		return nil, fmt.Errorf("geo lookup %s: %w", ip, err)
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("geo lookup %s: status %d", ip, res.StatusCode)
	}
	defer res.Body.Close()
	var loc Location
	if err := json.NewDecoder(res.Body).Decode(&loc); err != nil {
		return nil, fmt.Errorf("geo lookup %s: decode: %w", ip, err)
	}
	return &loc, nil
}
''')

case('go-02-body-never-closed-status-only',
     'only the status code is read; the body of every response stays open (assigned with =)',
     'https://github.com/google/gnostic/pull/117',
     'pkg/health/probe.go', r'''
package health

import (
	"context"
	"net/http"
	"time"
)

type Probe struct {
	URL    string
	Client *http.Client
}

// Alive reports whether the dependency answers its health endpoint with a 2xx.
func (p Probe) Alive(ctx context.Context) bool {
	var (
		req  *http.Request
		resp *http.Response
		err  error
	)
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err = http.NewRequestWithContext(ctx, http.MethodGet, p.URL, nil)
	if err != nil {
		return false
	}
	resp, err = p.Client.Do(req) //@RES-02
	if err != nil {
		return false
	}
	return resp.StatusCode >= 200 && resp.StatusCode < 300
}
''')

case('go-03-rows-leak-on-columns-error',
     'rows from Query returned early on Columns/Scan errors without Close',
     'https://github.com/newrelic/nri-flex/pull/667',
     'internal/report/export.go', r'''
package report

import (
	"context"
	"database/sql"
	"fmt"
)

// Export reads every row of query into maps keyed by column name.
func Export(ctx context.Context, db *sql.DB, query string) ([]map[string]any, error) {
	rows, err := db.QueryContext(ctx, query) //@RES-01
	if err != nil {
		return nil, fmt.Errorf("export query: %w", err)
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, fmt.Errorf("export columns: %w", err)
	}
	var out []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("export scan: %w", err)
		}
		row := make(map[string]any, len(cols))
		for i, c := range cols {
			row[c] = vals[i]
		}
		out = append(out, row)
	}
	return out, rows.Err()
}
''')

case('go-04-cancel-discarded',
     'the cancel function of WithTimeout is assigned to _',
     'https://github.com/picoaide/picoaide/issues/12',
     'cmd/notifier/send.go', r'''
package main

import (
	"context"
	"log/slog"
	"time"
)

type Sender interface {
	Send(ctx context.Context, to, body string) error
}

func deliver(s Sender, to, body string, seconds int) error {
	ctx, _ := context.WithTimeout(context.Background(), time.Duration(seconds)*time.Second) //@TMO-03,~TMO-02
	if err := s.Send(ctx, to, body); err != nil {
		slog.Warn("delivery failed", "to", to, "err", err)
		return err
	}
	return nil
}
''')

case('go-05-cancel-only-on-success',
     'cancel is called after the RPC succeeds but not on its error return',
     'https://github.com/lightstep/lightstep-tracer-go/pull/49',
     'pkg/quota/client.go', r'''
package quota

import (
	"context"
	"fmt"
	"time"
)

type Backend interface {
	Reserve(ctx context.Context, tenant string, n int) (int, error)
}

type Client struct {
	backend Backend
	timeout time.Duration
}

func (c *Client) Take(parent context.Context, tenant string, n int) (int, error) {
	ctx, cancel := context.WithTimeout(parent, c.timeout) //@TMO-03
	granted, err := c.backend.Reserve(ctx, tenant, n)
	if err != nil {
		return 0, fmt.Errorf("reserve %d for %s: %w", n, tenant, err)
	}
	cancel()
	return granted, nil
}
''')

case('go-06-cancel-reassigned-in-retry-loop',
     'cancel assigned with = inside a retry loop; earlier attempts never cancel and the last only on success',
     'https://github.com/gomods/athens/issues/824',
     'internal/upload/retry.go', r'''
package upload

import (
	"context"
	"errors"
	"time"
)

type Putter interface {
	Put(ctx context.Context, key string, data []byte) error
}

var errExhausted = errors.New("upload: attempts exhausted")

func putWithRetry(ctx context.Context, p Putter, key string, data []byte, attempts int) error {
	var (
		attemptCtx context.Context
		cancel     context.CancelFunc
	)
	for i := 0; i < attempts; i++ {
		attemptCtx, cancel = context.WithTimeout(ctx, 5*time.Second) //@TMO-03
		err := p.Put(attemptCtx, key, data)
		if err == nil {
			cancel()
			return nil
		}
		time.Sleep(time.Duration(i+1) * 200 * time.Millisecond) //@~CONC-05
	}
	return errExhausted
}
''')

case('go-07-tx-no-rollback-on-exec-error',
     'transaction returned on an Exec error without Rollback',
     'https://github.com/scionproto/scion/issues/2537',
     'store/ledger.go', r'''
package store

import (
	"context"
	"database/sql"
	"fmt"
)

type Ledger struct{ db *sql.DB }

func (l *Ledger) Transfer(ctx context.Context, from, to string, cents int64) error {
	tx, err := l.db.BeginTx(ctx, nil) //@TX-01
	if err != nil {
		return fmt.Errorf("transfer begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance - $1 WHERE id = $2`, cents, from); err != nil {
		return fmt.Errorf("debit %s: %w", from, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance + $1 WHERE id = $2`, cents, to); err != nil {
		tx.Rollback()
		return fmt.Errorf("credit %s: %w", to, err)
	}
	return tx.Commit()
}
''')

case('go-08-tx-continue-skips-rollback',
     'per-item transaction in a loop: continue on a failed insert leaves the transaction open',
     'https://github.com/onosproject/onos-config/pull/1575',
     'jobs/import.go', r'''
package jobs

import (
	"context"
	"database/sql"
	"log/slog"
)

type Item struct {
	SKU   string
	Stock int
}

func ImportAll(ctx context.Context, db *sql.DB, items []Item) int {
	imported := 0
	for _, it := range items {
		tx, err := db.BeginTx(ctx, nil) //@TX-01
		if err != nil {
			slog.Error("begin", "err", err)
			break
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stock(sku, qty) VALUES ($1, $2)`, it.SKU, it.Stock); err != nil {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit(sku) VALUES ($1)`, it.SKU); err != nil {
			tx.Rollback()
			continue
		}
		if err := tx.Commit(); err != nil {
			slog.Error("commit", "sku", it.SKU, "err", err) //@~LOG-01
			continue
		}
		imported++
	}
	return imported
}
''')

case('go-09-begin-error-discarded',
     'the error of BeginTx is discarded with _',
     'https://github.com/block/spirit/pull/937',
     'service/orders/cancel.go', r'''
package orders

import (
	"context"
	"database/sql"
)

type Service struct{ db *sql.DB }

func (s *Service) Cancel(ctx context.Context, id int64) error {
	tx, _ := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) //@TX-02|ERR-01
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE orders SET state = 'cancelled' WHERE id = $1`, id); err != nil {
		return err
	}
	return tx.Commit()
}
''')

case('go-10-named-goroutine-no-recover',
     'a goroutine started from a named method per connection, no recover anywhere on it',
     'https://github.com/infinigence/octollm/pull/75',
     'relay/server.go', r'''
package relay

import (
	"bufio"
	"log/slog"
	"net"
)

type Server struct {
	ln      net.Listener
	handler func(line string) string
}

func (s *Server) Serve() error {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return err
		}
		go s.pump(conn) //@CONC-01,~CONC-02
	}
}

func (s *Server) pump(conn net.Conn) {
	defer conn.Close()
	sc := bufio.NewScanner(conn)
	w := bufio.NewWriter(conn)
	for sc.Scan() {
		reply := s.handler(sc.Text())
		if _, err := w.WriteString(reply + "\n"); err != nil {
			slog.Debug("write", "err", err)
			return
		}
		w.Flush()
	}
}
''')

case('go-11-handler-goroutine-no-recover',
     'an HTTP handler starts a background goroutine literal without recover',
     'https://github.com/ameshkov/dnscrypt/issues/28',
     'api/signup.go', r'''
package api

import (
	"encoding/json"
	"log/slog"
	"net/http"
)

type Mailer interface {
	Welcome(email string) error
}

type SignupHandler struct {
	Mailer Mailer
	Users  UserStore
}

type UserStore interface {
	Create(email string) (int64, error)
}

func (h SignupHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body struct{ Email string }
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	id, err := h.Users.Create(body.Email)
	if err != nil {
		http.Error(w, "cannot create", http.StatusInternalServerError)
		return
	}
	go func() { //@CONC-01,~CONC-02
		if err := h.Mailer.Welcome(body.Email); err != nil {
			slog.Warn("welcome mail", "user", id, "err", err)
		}
	}()
	w.WriteHeader(http.StatusCreated)
}
''')

case('go-12-defer-close-in-loop',
     'defer Close inside a loop over archive entries keeps every file open until return',
     'https://github.com/kolide/kit/issues/47',
     'pkg/bundle/untar.go', r'''
package bundle

import (
	"archive/tar"
	"errors"
	"io"
	"os"
	"path/filepath"
)

func Extract(r io.Reader, dest string) error {
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if hdr.Typeflag != tar.TypeReg {
			continue
		}
		target := filepath.Join(dest, filepath.Clean(hdr.Name))
		out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(hdr.Mode))
		if err != nil {
			return err
		}
		defer out.Close() //@RES-03
		if _, err := io.Copy(out, tr); err != nil {
			return err
		}
	}
}
''')

case('go-13-sql-open-per-request',
     'sql.Open (a whole pool) called inside the request handler',
     'https://github.com/BVNK/bank/issues/24',
     'web/balance.go', r'''
package web

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"os"

	_ "github.com/lib/pq"
)

func BalanceHandler(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", os.Getenv("LEDGER_DSN")) //@RES-04,~RES-01
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var cents int64
	err = db.QueryRowContext(r.Context(), `SELECT balance FROM accounts WHERE id = $1`, r.URL.Query().Get("id")).Scan(&cents)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(map[string]int64{"balance": cents})
}
''')

case('go-14-http-client-no-timeout',
     'an http.Client literal without Timeout used for downloads',
     'https://github.com/mozilla/crlite/issues/168',
     'fetch/crl.go', r'''
package fetch

import (
	"fmt"
	"io"
	"net/http"
	"os"
)

type Downloader struct {
	client *http.Client
	dir    string
}

func NewDownloader(dir string) *Downloader {
	return &Downloader{
		client: &http.Client{}, //@TMO-01
		dir:    dir,
	}
}

func (d *Downloader) Fetch(url, name string) error {
	resp, err := d.client.Get(url)
	if err != nil {
		return fmt.Errorf("fetch %s: %w", url, err)
	}
	defer resp.Body.Close()
	f, err := os.Create(d.dir + "/" + name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, resp.Body)
	return err
}
''')

case('go-15-http-get-default-client',
     'http.Get (DefaultClient, no timeout) in service code',
     'https://github.com/google/safebrowsing/issues/35',
     'internal/rates/ecb.go', r'''
package rates

import (
	"encoding/xml"
	"fmt"
	"net/http"
)

type envelope struct {
	Cubes []struct {
		Currency string  `xml:"currency,attr"`
		Rate     float64 `xml:"rate,attr"`
	} `xml:"Cube>Cube>Cube"`
}

func Latest(feed string) (map[string]float64, error) {
	resp, err := http.Get(feed) //@TMO-01
	if err != nil {
		return nil, fmt.Errorf("rates: %w", err)
	}
	defer resp.Body.Close()
	var env envelope
	if err := xml.NewDecoder(resp.Body).Decode(&env); err != nil {
		return nil, fmt.Errorf("rates decode: %w", err)
	}
	out := make(map[string]float64, len(env.Cubes))
	for _, c := range env.Cubes {
		out[c.Currency] = c.Rate
	}
	return out, nil
}
''')

case('go-16-log-printf-per-record',
     'log.Printf on every record of a batch loop',
     'https://github.com/elimu-ai/webapp/issues/1726',
     'pipeline/normalize.go', r'''
package pipeline

import (
	"log"
	"strings"
)

type Event struct {
	ID    string
	Kind  string
	Attrs map[string]string
}

func Normalize(batch []Event) []Event {
	out := batch[:0]
	for _, ev := range batch {
		ev.Kind = strings.ToLower(strings.TrimSpace(ev.Kind))
		log.Printf("normalized event %+v", ev) //@LOG-01
		if ev.Kind == "" {
			continue
		}
		out = append(out, ev)
	}
	return out
}
''')

case('go-17-defer-before-error-check',
     'defer f.Close() written before the error of os.Create is checked',
     'https://github.com/OpenBazaar/openbazaar-go/issues/211',
     'index/write.go', r'''
package index

import (
	"encoding/json"
	"os"
)

type Entry struct {
	Key    string `json:"key"`
	Offset int64  `json:"offset"`
}

func Save(path string, entries []Entry) error {
	f, err := os.Create(path)
	defer f.Close() //@RES-01
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, e := range entries {
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	return f.Sync()
}
''')

case('go-18-background-context-in-handler',
     'the handler queries with context.Background() instead of the request context',
     'https://github.com/gomods/athens/issues/824',
     'api/search.go', r'''
package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
)

type SearchAPI struct{ DB *sql.DB }

func (a SearchAPI) Handle(w http.ResponseWriter, r *http.Request) {
	term := r.URL.Query().Get("q")
	rows, err := a.DB.QueryContext(context.Background(), `SELECT title FROM docs WHERE title ILIKE $1 LIMIT 20`, "%"+term+"%") //@TMO-02
	if err != nil {
		http.Error(w, "search failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var titles []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			http.Error(w, "search failed", http.StatusInternalServerError)
			return
		}
		titles = append(titles, t)
	}
	json.NewEncoder(w).Encode(titles)
}
''')

case('go-19-file-closed-only-at-end',
     'file closed by hand at the end; a parse error returns before it',
     'https://github.com/thinkingmachines/tiffany/pull/26',
     'config/hosts.go', r'''
package config

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func LoadHosts(path string) (map[string]string, error) {
	f, err := os.Open(path) //@RES-01
	if err != nil {
		return nil, err
	}
	hosts := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: want address and name", path, n)
		}
		hosts[fields[1]] = fields[0]
	}
	f.Close()
	return hosts, sc.Err()
}
''')

case('go-20-grpc-dial-per-call',
     'a gRPC ClientConn dialled on every call (closed, but never shared)',
     'https://github.com/go-kit/kit/issues/906',
     'clients/pricing.go', r'''
package clients

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	pricingpb "example.com/shop/gen/pricing"
)

type Pricing struct{ Addr string }

func (p Pricing) Quote(ctx context.Context, sku string) (int64, error) {
	conn, err := grpc.Dial(p.Addr, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-04
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(ctx, 800*time.Millisecond)
	defer cancel()
	reply, err := pricingpb.NewPricingClient(conn).Quote(ctx, &pricingpb.QuoteRequest{Sku: sku})
	if err != nil {
		return 0, err
	}
	return reply.Cents, nil
}
''')

case('go-21-zap-info-in-loop',
     'a structured logger (zap) writes one Info line per message in the consumer loop',
     'https://github.com/elimu-ai/webapp/issues/1726',
     'consumer/loop.go', r'''
package consumer

import (
	"context"

	"go.uber.org/zap"
)

type Message struct {
	Key   string
	Value []byte
}

type Consumer struct {
	log   *zap.Logger
	apply func(Message) error
}

func (c *Consumer) Run(ctx context.Context, in <-chan Message) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case m := <-in:
			c.log.Info("applying message", zap.String("key", m.Key), zap.Int("bytes", len(m.Value))) //@LOG-01
			if err := c.apply(m); err != nil {
				c.log.Error("apply failed", zap.String("key", m.Key), zap.Error(err))
			}
		}
	}
}
''')

case('go-22-body-leak-on-readall-error',
     'body closed only after a successful ReadAll; the read error path and the non-2xx path leak it',
     'https://github.com/istio/istio/pull/34409',
     'internal/jwks/fetch.go', r'''
package jwks

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

type Fetcher struct{ HTTP *http.Client }

func (f Fetcher) Keys(ctx context.Context, uri string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
	if err != nil {
		return nil, err
	}
	resp, err := f.HTTP.Do(req) //@RES-02
	if err != nil {
		return nil, fmt.Errorf("jwks %s: %w", uri, err)
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("jwks %s: read: %w", uri, err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("jwks %s: status %d", uri, resp.StatusCode)
	}
	return data, nil
}
''')

case('go-23-new-request-without-context',
     'outbound request built with http.NewRequest inside a handler: the caller deadline is dropped',
     'https://github.com/mysteriumnetwork/node/issues/386',
     'gateway/proxy.go', r'''
package gateway

import (
	"io"
	"net/http"
)

type Proxy struct {
	Upstream string
	Client   *http.Client
}

func (p Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	out, err := http.NewRequest(r.Method, p.Upstream+r.URL.Path, r.Body) //@TMO-02
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out.Header = r.Header.Clone()
	resp, err := p.Client.Do(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body) //@~ERR-01
}
''')

case('go-24-http-client-per-call-no-timeout',
     'a fresh Transport and Client built per call, the client without a timeout',
     'https://github.com/aws-samples/aws-lambda-extensions/pull/43',
     'notify/webhook.go', r'''
package notify

import (
	"bytes"
	"fmt"
	"net/http"
)

func PostWebhook(url string, payload []byte) error {
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}} //@RES-04,TMO-01
	resp, err := client.Post(url, "application/json", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("webhook %s: status %d", url, resp.StatusCode)
	}
	return nil
}
''')

case('go-25-modified-early-return-added-above-defer',
     'a change adds a validation return between Open and its deferred Close',
     'https://github.com/thinkingmachines/tiffany/pull/26',
     'storage/blob.go', r'''
package storage

import (
	"errors"
	"io"
	"os"
)

var ErrTooLarge = errors.New("blob too large")

// ReadBlob returns the content of the blob file at path.
func ReadBlob(path string, max int64) ([]byte, error) {
	f, err := os.Open(path) //@RES-01
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > max {
		return nil, ErrTooLarge
	}
	defer f.Close()
	return io.ReadAll(f)
}
''', old=r'''
package storage

import (
	"io"
	"os"
)

// ReadBlob returns the content of the blob file at path.
func ReadBlob(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}
''')

# ---- clean look-alikes: correct code of the same shapes (no expectations) ----

case('go-ok-01-body-closed-by-helper',
     'response body drained and closed by a helper deferred right after the error check',
     'https://github.com/fabiolb/fabio/pull/945',
     'internal/geo/lookup.go', r'''
package geo

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

type Location struct {
	Country string `json:"country"`
}

type Resolver struct {
	base   string
	client *http.Client
}

func NewResolver(base string) *Resolver {
	return &Resolver{base: base, client: &http.Client{Timeout: 4 * time.Second}}
}

func discard(rc io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(rc, 64<<10)) // best effort: lets the connection be reused
	rc.Close()
}

func (r *Resolver) Resolve(ip string) (*Location, error) {
	res, err := r.client.Get(r.base + "/v1/ip/" + ip)
	if err != nil {
		return nil, fmt.Errorf("geo lookup %s: %w", ip, err)
	}
	defer discard(res.Body)
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("geo lookup %s: status %d", ip, res.StatusCode)
	}
	var loc Location
	if err := json.NewDecoder(res.Body).Decode(&loc); err != nil {
		return nil, fmt.Errorf("geo lookup %s: decode: %w", ip, err)
	}
	return &loc, nil
}
''')

case('go-ok-02-response-returned-to-caller',
     'a helper returns the open response to its caller, which closes it',
     'https://github.com/linagora/cozy-stack/pull/3921',
     'pkg/blob/client.go', r'''
package blob

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

type Client struct {
	base string
	http *http.Client
}

// open starts a GET of key; the caller owns the returned response and must close its body.
func (c *Client) open(ctx context.Context, key string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/"+key, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("blob %s: status %d", key, resp.StatusCode)
	}
	return resp, nil
}

func (c *Client) CopyTo(ctx context.Context, key string, w io.Writer) (int64, error) {
	resp, err := c.open(ctx, key)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return io.Copy(w, resp.Body)
}
''')

case('go-ok-03-per-iteration-closure-with-defer',
     'the loop body runs in a closure so each file is closed at the end of its iteration',
     'https://github.com/mstruebing/tldr/pull/25',
     'pkg/bundle/checksum.go', r'''
package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
)

func Checksums(paths []string) (map[string]string, error) {
	sums := make(map[string]string, len(paths))
	for _, p := range paths {
		err := func() error {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err != nil {
				return err
			}
			sums[p] = hex.EncodeToString(h.Sum(nil))
			return nil
		}()
		if err != nil {
			return nil, err
		}
	}
	return sums, nil
}
''')

case('go-ok-04-sql-open-once',
     'the pool is opened once through sync.Once and shared by every request',
     'https://github.com/prebid/prebid-server/pull/299',
     'web/db.go', r'''
package web

import (
	"database/sql"
	"os"
	"sync"
	"time"

	_ "github.com/lib/pq"
)

var (
	poolOnce sync.Once
	pool     *sql.DB
	poolErr  error
)

// DB returns the process-wide connection pool, opening it on first use.
func DB() (*sql.DB, error) {
	poolOnce.Do(func() {
		pool, poolErr = sql.Open("postgres", os.Getenv("LEDGER_DSN"))
		if poolErr == nil {
			pool.SetMaxOpenConns(20)
			pool.SetConnMaxLifetime(30 * time.Minute)
		}
	})
	return pool, poolErr
}
''')

case('go-ok-05-cancel-kept-in-struct',
     'the cancel function is stored in a field and called by Stop',
     'https://github.com/istio/istio/pull/8213',
     'internal/watch/watcher.go', r'''
package watch

import (
	"context"
	"log/slog"
	"time"
)

type Watcher struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// Start polls fn every interval until Stop is called.
func Start(parent context.Context, interval time.Duration, fn func(context.Context)) *Watcher {
	ctx, cancel := context.WithCancel(parent)
	w := &Watcher{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(w.done)
		defer func() {
			if p := recover(); p != nil {
				slog.Error("watcher panic", "panic", p)
			}
		}()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				runOnce(ctx, fn)
			}
		}
	}()
	return w
}

// runOnce keeps one failing run from ending the polling loop.
func runOnce(ctx context.Context, fn func(context.Context)) {
	defer func() {
		if p := recover(); p != nil {
			slog.Error("watch run panicked", "panic", p)
		}
	}()
	fn(ctx)
}

func (w *Watcher) Stop() {
	w.cancel()
	<-w.done
}
''')

case('go-ok-06-tx-deferred-rollback',
     'transaction with defer Rollback right after Begin and the Commit error returned',
     'https://github.com/scionproto/scion/issues/2537',
     'store/ledger.go', r'''
package store

import (
	"context"
	"database/sql"
	"fmt"
)

type Ledger struct{ db *sql.DB }

func (l *Ledger) Transfer(ctx context.Context, from, to string, cents int64) error {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("transfer begin: %w", err)
	}
	defer tx.Rollback() // no-op once Commit succeeded
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance - $1 WHERE id = $2`, cents, from); err != nil {
		return fmt.Errorf("debit %s: %w", from, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance + $1 WHERE id = $2`, cents, to); err != nil {
		return fmt.Errorf("credit %s: %w", to, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("transfer commit: %w", err)
	}
	return nil
}
''')

case('go-ok-07-goroutine-guard-not-named-recover',
     'one background goroutine defers a crash guard (named reportPanic) whose body calls recover',
     'https://github.com/sipeed/picoclaw/pull/3132',
     'relay/server.go', r'''
package relay

import (
	"bufio"
	"log/slog"
	"net"
	"runtime/debug"
)

type Server struct {
	ln      net.Listener
	handler func(line string) string
}

func reportPanic(where string) {
	if p := recover(); p != nil {
		slog.Error("panic", "where", where, "panic", p, "stack", string(debug.Stack()))
	}
}

// Serve handles connections on one background goroutine, one at a time (the relay has a single upstream).
func (s *Server) Serve() {
	go func() {
		defer reportPanic("relay accept loop")
		for {
			conn, err := s.ln.Accept()
			if err != nil {
				slog.Info("relay stopped", "err", err)
				return
			}
			s.pump(conn)
		}
	}()
}

func (s *Server) pump(conn net.Conn) {
	defer conn.Close()
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		if _, err := conn.Write([]byte(s.handler(sc.Text()) + "\n")); err != nil {
			return
		}
	}
}
''')

case('go-ok-08-rows-closed-by-scan-helper',
     'rows handed to a helper that defers rows.Close (ownership passed with the call)',
     'https://github.com/stephenafamo/scan/pull/10',
     'internal/report/names.go', r'''
package report

import (
	"context"
	"database/sql"
)

// collectStrings reads one string column and always closes rows.
func collectStrings(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func TeamNames(ctx context.Context, db *sql.DB, org int64) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM teams WHERE org = $1 ORDER BY name`, org)
	if err != nil {
		return nil, err
	}
	return collectStrings(rows)
}
''')

case('go-ok-09-client-with-timeouts-shared',
     'one package-level client with an overall timeout and transport timeouts',
     'https://github.com/markcheno/go-quote/issues/2',
     'internal/rates/ecb.go', r'''
package rates

import (
	"context"
	"encoding/xml"
	"fmt"
	"net"
	"net/http"
	"time"
)

var client = &http.Client{
	Timeout: 10 * time.Second,
	Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 3 * time.Second}).DialContext,
		TLSHandshakeTimeout: 3 * time.Second,
	},
}

type envelope struct {
	Cubes []struct {
		Currency string  `xml:"currency,attr"`
		Rate     float64 `xml:"rate,attr"`
	} `xml:"Cube>Cube>Cube"`
}

func Latest(ctx context.Context, feed string) (map[string]float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, feed, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("rates: %w", err)
	}
	defer resp.Body.Close()
	var env envelope
	if err := xml.NewDecoder(resp.Body).Decode(&env); err != nil {
		return nil, fmt.Errorf("rates decode: %w", err)
	}
	out := make(map[string]float64, len(env.Cubes))
	for _, c := range env.Cubes {
		out[c.Currency] = c.Rate
	}
	return out, nil
}
''')

case('go-ok-10-summary-log-after-loop',
     'the loop only counts; one summary line is logged after it',
     'https://github.com/elimu-ai/webapp/issues/1726',
     'pipeline/normalize.go', r'''
package pipeline

import (
	"log/slog"
	"strings"
)

type Event struct {
	ID   string
	Kind string
}

func Normalize(batch []Event) []Event {
	out := batch[:0]
	dropped := 0
	for _, ev := range batch {
		ev.Kind = strings.ToLower(strings.TrimSpace(ev.Kind))
		if ev.Kind == "" {
			dropped++
			continue
		}
		out = append(out, ev)
	}
	slog.Info("normalized batch", "in", len(batch), "kept", len(out), "dropped", dropped)
	return out
}
''')

case('go-ok-11-file-stored-in-struct',
     'a file opened by a constructor is stored in the returned struct, closed by its Close',
     'https://github.com/hallowauth/hallow/pull/21',
     'wal/segment.go', r'''
package wal

import (
	"bufio"
	"os"
)

type Segment struct {
	f *os.File
	w *bufio.Writer
}

// OpenSegment opens (or creates) the segment file; Close releases it.
func OpenSegment(path string) (*Segment, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	return &Segment{f: f, w: bufio.NewWriter(f)}, nil
}

func (s *Segment) Append(rec []byte) error {
	_, err := s.w.Write(append(rec, '\n'))
	return err
}

func (s *Segment) Close() error {
	if err := s.w.Flush(); err != nil {
		s.f.Close()
		return err
	}
	return s.f.Close()
}
''')

case('go-ok-12-files-sent-on-channel',
     'opened files are sent on a channel to a consumer that closes each one',
     'https://github.com/prometheus/node_exporter/pull/1549',
     'collector/textfiles.go', r'''
package collector

import (
	"io"
	"os"
	"path/filepath"
)

type opened struct {
	name string
	f    *os.File
}

// produce opens every *.prom file in dir and hands each one to consume, which closes it.
func produce(dir string, out chan<- opened) error {
	defer close(out)
	matches, err := filepath.Glob(filepath.Join(dir, "*.prom"))
	if err != nil {
		return err
	}
	for _, m := range matches {
		f, err := os.Open(m)
		if err != nil {
			return err
		}
		out <- opened{name: m, f: f}
	}
	return nil
}

func consume(in <-chan opened, w io.Writer) error {
	for o := range in {
		_, err := io.Copy(w, o.f)
		o.f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
''')

# ---- second batch: more libraries and control-flow shapes ----

case('go-26-pgx-rows-defer-in-loop',
     'pgx rows closed with defer inside the loop over tables: every table keeps a pooled connection',
     'https://github.com/xataio/pgstream/pull/294',
     'internal/snapshot/sizes.go', r'''
package snapshot

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

func ColumnCounts(ctx context.Context, pool *pgxpool.Pool, tables []string) (map[string]int, error) {
	counts := make(map[string]int, len(tables))
	for _, t := range tables {
		rows, err := pool.Query(ctx, `SELECT column_name FROM information_schema.columns WHERE table_name = $1`, t)
		if err != nil {
			return nil, fmt.Errorf("columns of %s: %w", t, err)
		}
		defer rows.Close() //@RES-03
		n := 0
		for rows.Next() {
			n++
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		counts[t] = n
	}
	return counts, nil
}
''')

case('go-27-pgx-tx-no-rollback',
     'pgx transaction: an error after Begin returns without Rollback',
     'https://github.com/jackc/pgx/pull/712',
     'repo/tags.go', r'''
package repo

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Tags struct{ pool *pgxpool.Pool }

func (t *Tags) Replace(ctx context.Context, postID int64, tags []string) error {
	tx, err := t.pool.BeginTx(ctx, pgx.TxOptions{}) //@TX-01
	if err != nil {
		return err
	}
	if _, err = tx.Exec(ctx, `DELETE FROM post_tags WHERE post_id = $1`, postID); err != nil {
		return err
	}
	for _, tag := range tags {
		if _, err = tx.Exec(ctx, `INSERT INTO post_tags(post_id, tag) VALUES ($1, $2)`, postID, tag); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}
''')

case('go-28-labelled-continue-skips-close',
     'a labelled continue out of the inner loop skips the Close of the response body',
     'https://github.com/paulojmdias/lokxy/pull/107',
     'internal/fanout/collect.go', r'''
package fanout

import (
	"bufio"
	"context"
	"net/http"
	"strings"
)

// Collect asks every backend for its label names and merges them.
func Collect(ctx context.Context, client *http.Client, backends []string) map[string]bool {
	names := map[string]bool{}
backends:
	for _, b := range backends {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, b+"/labels", nil)
		if err != nil {
			continue
		}
		resp, err := client.Do(req) //@RES-02
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "!partial" {
				continue backends
			}
			names[line] = true
		}
		resp.Body.Close()
	}
	return names
}
''')

case('go-29-logrus-warn-per-item',
     'logrus Warnf for every skipped item of a large sync loop',
     'https://github.com/elimu-ai/webapp/issues/1726',
     'sync/catalog.go', r'''
package sync

import (
	log "github.com/sirupsen/logrus"
)

type Product struct {
	SKU   string
	Price int64
}

func Upsertable(products []Product, known map[string]bool) []Product {
	var out []Product
	for _, p := range products {
		if p.Price <= 0 {
			log.WithField("sku", p.SKU).Warnf("skipping product with price %d", p.Price) //@LOG-01
			continue
		}
		if known[p.SKU] {
			out = append(out, p)
		}
	}
	return out
}
''')

case('go-30-gorm-open-per-call',
     'gorm.Open (a new pool) on every repository call',
     'https://github.com/labbsr0x/whisper/pull/34',
     'internal/profile/store.go', r'''
package profile

import (
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

type Profile struct {
	ID    uint
	Email string
	Name  string
}

type Store struct{ DSN string }

func (s Store) ByEmail(email string) (*Profile, error) {
	db, err := gorm.Open(postgres.Open(s.DSN), &gorm.Config{}) //@RES-04
	if err != nil {
		return nil, err
	}
	var p Profile
	if err := db.Where("email = ?", email).First(&p).Error; err != nil {
		return nil, err
	}
	return &p, nil
}
''')

case('go-31-cancel-only-in-one-select-case',
     'cancel called in one select case; the timeout case returns without it',
     'https://github.com/richardartoul/nola/pull/85',
     'internal/lease/acquire.go', r'''
package lease

import (
	"context"
	"errors"
	"time"
)

var ErrBusy = errors.New("lease busy")

type Locker interface {
	Lock(ctx context.Context, key string) (<-chan struct{}, error)
}

func Acquire(parent context.Context, l Locker, key string, wait time.Duration) (func(), error) {
	ctx, cancel := context.WithCancel(parent) //@TMO-03
	granted, err := l.Lock(ctx, key)
	if err != nil {
		cancel()
		return nil, err
	}
	select {
	case <-granted:
		return cancel, nil
	case <-time.After(wait):
		return nil, ErrBusy
	}
}
''')

case('go-32-net-dial-no-deadline',
     'raw TCP connection read without any deadline (net.Dial, no SetReadDeadline)',
     'https://github.com/fortio/fortio/issues/583',
     'probe/banner.go', r'''
package probe

import (
	"bufio"
	"net"
	"strings"
)

// Banner returns the first line a server sends after connecting (SMTP, FTP, SSH...).
func Banner(addr string) (string, error) {
	conn, err := net.Dial("tcp", addr) //@TMO-01
	if err != nil {
		return "", err
	}
	defer conn.Close()
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(line), nil
}
''')

case('go-33-file-leak-in-switch',
     'a switch on the file header returns in one case without closing the file',
     'https://github.com/authelia/authelia/pull/3031',
     'media/sniff.go', r'''
package media

import (
	"bytes"
	"errors"
	"io"
	"os"
)

var ErrUnknown = errors.New("unknown media type")

func Kind(path string) (string, error) {
	f, err := os.Open(path) //@RES-01
	if err != nil {
		return "", err
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(f, head); err != nil {
		f.Close()
		return "", err
	}
	switch {
	case bytes.HasPrefix(head, []byte("\x89PNG")):
		f.Close()
		return "png", nil
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		f.Close()
		return "jpeg", nil
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "gif", nil
	}
	f.Close()
	return "", ErrUnknown
}
''')

case('go-ok-13-pgx-rows-per-table-function',
     'the per-table query moved to its own function whose defer closes rows each iteration',
     'https://github.com/xataio/pgstream/pull/294',
     'internal/snapshot/sizes.go', r'''
package snapshot

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

func columnCount(ctx context.Context, pool *pgxpool.Pool, table string) (int, error) {
	rows, err := pool.Query(ctx, `SELECT column_name FROM information_schema.columns WHERE table_name = $1`, table)
	if err != nil {
		return 0, fmt.Errorf("columns of %s: %w", table, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

func ColumnCounts(ctx context.Context, pool *pgxpool.Pool, tables []string) (map[string]int, error) {
	counts := make(map[string]int, len(tables))
	for _, t := range tables {
		n, err := columnCount(ctx, pool, t)
		if err != nil {
			return nil, err
		}
		counts[t] = n
	}
	return counts, nil
}
''')

case('go-ok-14-dial-with-deadline',
     'TCP dial with a timeout and a read deadline before reading',
     'https://github.com/fortio/fortio/issues/583',
     'probe/banner.go', r'''
package probe

import (
	"bufio"
	"net"
	"strings"
	"time"
)

// Banner returns the first line a server sends after connecting (SMTP, FTP, SSH...).
func Banner(addr string) (string, error) {
	conn, err := net.DialTimeout("tcp", addr, 3*time.Second)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if err := conn.SetReadDeadline(time.Now().Add(5 * time.Second)); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(line), nil
}
''')

case('go-ok-15-cancel-deferred-before-select',
     'cancel deferred right after WithTimeout, then a select with several returns',
     'https://github.com/pressly/chainstore/pull/22',
     'internal/lease/wait.go', r'''
package lease

import (
	"context"
	"time"
)

type Waiter interface {
	Ready(ctx context.Context, key string) <-chan error
}

func WaitReady(parent context.Context, w Waiter, key string, wait time.Duration) error {
	ctx, cancel := context.WithTimeout(parent, wait)
	defer cancel()
	select {
	case err := <-w.Ready(ctx, key):
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
''')

case('go-ok-16-pgx-tx-deferred-rollback',
     'pgx transaction with a deferred Rollback(ctx) after Begin',
     'https://github.com/jackc/pgx/pull/712',
     'repo/tags.go', r'''
package repo

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Tags struct{ pool *pgxpool.Pool }

func (t *Tags) Replace(ctx context.Context, postID int64, tags []string) error {
	tx, err := t.pool.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx) // returns ErrTxClosed after a successful Commit
	if _, err = tx.Exec(ctx, `DELETE FROM post_tags WHERE post_id = $1`, postID); err != nil {
		return err
	}
	for _, tag := range tags {
		if _, err = tx.Exec(ctx, `INSERT INTO post_tags(post_id, tag) VALUES ($1, $2)`, postID, tag); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}
''')
