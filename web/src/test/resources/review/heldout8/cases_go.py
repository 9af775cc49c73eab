"""Round-8 Go cases (written for this corpus; see SOURCES.md). //@ITEM markers are stripped by the generator."""
from cases_common import go, f, edit

CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


def gomod(name, reqs, version='1.22'):
    return 'module example.com/%s\n\ngo %s\n\nrequire (\n%s)\n' % (name, version, ''.join('\t%s\n' % r for r in reqs))


# ============================================================== RES-02 / RES-01: HTTP and object-store bodies
TSDB = r'''
// Client talks to one time-series server over its HTTP API.
type Client struct {
    base string
    http *http.Client
}

func NewClient(base string) *Client {
    return &Client{base: strings.TrimRight(base, "/"), http: &http.Client{Timeout: 15 * time.Second}}
}

// Write sends one batch in line protocol.
func (c *Client) Write(ctx context.Context, db string, lines []byte) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/write?db="+db, bytes.NewReader(lines))
    if err != nil {
        return err
    }
    resp, err := c.http.Do(req)
    if err != nil {
        return fmt.Errorf("write %s: %w", db, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusNoContent {
        return fmt.Errorf("write %s: status %d", db, resp.StatusCode)
    }
    return nil
}
'''
PING_BAD = r'''
// Ping reports whether the server answers its health endpoint.
func (c *Client) Ping(ctx context.Context) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/ping", nil)
    if err != nil {
        return err
    }
    resp, err := c.http.Do(req) //@RES-02
    if err != nil {
        return fmt.Errorf("ping: %w", err)
    }
    if resp.StatusCode != http.StatusNoContent {
        return fmt.Errorf("ping: unexpected status %d", resp.StatusCode)
    }
    return nil
}
'''
TSDB_IMPORTS = ['bytes', 'context', 'fmt', 'net/http', 'strings', 'time']
case('go-01-tsdb-client-ping-checks-status-keeps-body', 'https://github.com/openGemini/opengemini-client-go/issues/92',
     'a time-series client gains a Ping beside its Write; Ping looks at the status code and never closes the response body on any path',
     files=[f('opengemini/client.go', old=go('opengemini', TSDB_IMPORTS, TSDB), new=go('opengemini', TSDB_IMPORTS, TSDB + PING_BAD))])

PING_OK = r'''
// Ping reports whether the server answers its health endpoint.
func (c *Client) Ping(ctx context.Context) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/ping", nil)
    if err != nil {
        return err
    }
    resp, err := c.http.Do(req)
    if err != nil {
        return fmt.Errorf("ping: %w", err)
    }
    defer drainAndClose(resp.Body)
    if resp.StatusCode != http.StatusNoContent {
        return fmt.Errorf("ping: unexpected status %d", resp.StatusCode)
    }
    return nil
}
'''
case('go-ok-01-tsdb-client-ping-drains-through-helper', 'https://github.com/openGemini/opengemini-client-go/issues/92',
     'clean: the same Ping defers a helper (new file of the change) that drains a bounded amount and closes the body',
     files=[f('opengemini/client.go', old=go('opengemini', TSDB_IMPORTS, TSDB), new=go('opengemini', TSDB_IMPORTS, TSDB + PING_OK)),
            f('opengemini/drain.go', new=go('opengemini', ['io'], r'''
const maxDrain = 64 << 10

// drainAndClose reads what is left of a response body (up to maxDrain) so the
// connection can be reused, then closes it.
func drainAndClose(body io.ReadCloser) {
    _, _ = io.Copy(io.Discard, io.LimitReader(body, maxDrain)) // best effort: the close below still releases the connection
    _ = body.Close()                                           // nothing useful to do with a close error of a drained body
}
'''))])

case('go-02-machine-metadata-status-check-before-defer', 'https://github.com/openshift/cluster-api-provider-gcp/pull/150',
     'a metadata lookup returns on a non-200 status before it reaches its deferred close: every failed lookup keeps the body',
     files=[f('pkg/cloud/metadata/metadata.go', new=go('metadata', ['context', 'encoding/json', 'fmt', 'net/http', 'time'], r'''
const endpoint = "http://metadata.internal/computeMetadata/v1/instance/"

type Instance struct {
    ID   string `json:"id"`
    Zone string `json:"zone"`
}

var client = &http.Client{Timeout: 5 * time.Second}

// Lookup asks the metadata server about the machine we run on.
func Lookup(ctx context.Context) (*Instance, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint+"?recursive=true", nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Metadata-Flavor", "Google")
    resp, err := client.Do(req) //@RES-02
    if err != nil {
        return nil, fmt.Errorf("metadata: %w", err)
    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("metadata: status %s", resp.Status)
    }
    defer resp.Body.Close()
    var inst Instance
    if err := json.NewDecoder(resp.Body).Decode(&inst); err != nil {
        return nil, fmt.Errorf("metadata: decode: %w", err)
    }
    return &inst, nil
}
'''))])

case('go-03-invocation-client-reads-body-never-closes', 'https://github.com/storacha/go-ucanto/pull/64',
     'an RPC transport posts an encoded invocation and reads the whole answer with io.ReadAll, but never closes the body; a test file travels with it',
     files=[f('transport/http/channel.go', new=go('http', ['bytes', 'context', 'fmt', 'io', 'net/http'], r'''
type Channel struct {
    url    string
    client *http.Client
}

func NewChannel(url string, client *http.Client) *Channel {
    return &Channel{url: url, client: client}
}

// Request sends one encoded message and returns the encoded answer.
func (c *Channel) Request(ctx context.Context, msg []byte) ([]byte, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(msg))
    if err != nil {
        return nil, err
    }
    req.Header.Set("Content-Type", "application/car")
    res, err := c.client.Do(req) //@RES-02
    if err != nil {
        return nil, fmt.Errorf("send invocation: %w", err)
    }
    if res.StatusCode >= 300 {
        return nil, fmt.Errorf("send invocation: %s", res.Status)
    }
    return io.ReadAll(res.Body)
}
''')),
            f('transport/http/channel_test.go', new=go('http', ['context', 'net/http', 'net/http/httptest', 'testing'], r'''
func TestRequestEchoes(t *testing.T) {
    srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        w.Write([]byte("pong"))
    }))
    defer srv.Close()
    got, err := NewChannel(srv.URL, srv.Client()).Request(context.Background(), []byte("ping"))
    if err != nil || string(got) != "pong" {
        t.Fatalf("got %q, %v", got, err)
    }
}
'''))])

S3LOCK = r'''
type RemoteClient struct {
    s3     *s3.Client
    bucket string
    path   string
}

// Get returns the stored state, or nil when there is none yet.
func (c *RemoteClient) Get(ctx context.Context) ([]byte, error) {
    output, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(c.bucket), Key: aws.String(c.path)})
    if err != nil {
        return nil, fmt.Errorf("read state: %w", err)
    }
    defer output.Body.Close()
    return io.ReadAll(output.Body)
}
'''
S3LOCK_NEW = S3LOCK + r'''
// lockInfo reads the lock file written by whoever holds the state lock.
func (c *RemoteClient) lockInfo(ctx context.Context) (*LockInfo, error) {
    resp, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(c.bucket), Key: aws.String(c.path + ".tflock")}) //@RES-02|RES-01
    if err != nil {
        return nil, fmt.Errorf("read lock: %w", err)
    }
    info := &LockInfo{}
    if err := json.NewDecoder(resp.Body).Decode(info); err != nil {
        return nil, fmt.Errorf("decode lock: %w", err)
    }
    return info, nil
}
'''
S3_IMPORTS = ['context', 'encoding/json', 'fmt', 'io', '', 'github.com/aws/aws-sdk-go-v2/aws', 'github.com/aws/aws-sdk-go-v2/service/s3']
case('go-04-state-lock-info-decodes-object-body', 'https://github.com/opentofu/opentofu/pull/4086',
     'a state backend adds a lock-file reader next to Get (which closes its body); the new GetObject body is decoded and never closed',
     files=[f('internal/backend/remote-state/s3/client.go', old=go('s3', S3_IMPORTS, S3LOCK), new=go('s3', S3_IMPORTS, S3LOCK_NEW))])

case('go-05-object-proxy-serves-body-without-close', 'https://github.com/lindenlab/caddy-s3-proxy/pull/70',
     'a file-serving handler copies an S3 object to the client and never closes the GetObject body (nor on the copy error path)',
     files=[f('proxy/serve.go', new=go('proxy', ['io', 'net/http', 'strconv', '', 'github.com/aws/aws-sdk-go-v2/aws', 'github.com/aws/aws-sdk-go-v2/service/s3', 'go.uber.org/zap'], r'''
type Proxy struct {
    client *s3.Client
    bucket string
    log    *zap.Logger
}

func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    key := r.URL.Path[1:]
    obj, err := p.client.GetObject(r.Context(), &s3.GetObjectInput{Bucket: aws.String(p.bucket), Key: aws.String(key)}) //@RES-02|RES-01
    if err != nil {
        http.Error(w, "not found", http.StatusNotFound)
        return
    }
    if obj.ContentType != nil {
        w.Header().Set("Content-Type", *obj.ContentType)
    }
    if obj.ContentLength != nil {
        w.Header().Set("Content-Length", strconv.FormatInt(*obj.ContentLength, 10))
    }
    if _, err := io.Copy(w, obj.Body); err != nil {
        p.log.Warn("copy object", zap.String("key", key), zap.Error(err))
    }
}
'''))])

case('go-ok-02-index-loader-closes-download-through-helper', 'https://github.com/zincsearch/zincsearch/pull/774',
     'clean: an index directory loads segment files from S3 and defers a small helper in another file of the change that closes the GetObject body',
     files=[f('pkg/directory/s3.go', new=go('directory', ['context', 'fmt', 'io', '', 'github.com/aws/aws-sdk-go-v2/aws', 'github.com/aws/aws-sdk-go-v2/service/s3'], r'''
type S3Directory struct {
    client *s3.Client
    bucket string
    prefix string
}

// Load returns the content of one segment file.
func (d *S3Directory) Load(ctx context.Context, name string) ([]byte, error) {
    out, err := d.client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(d.bucket), Key: aws.String(d.prefix + name)})
    if err != nil {
        return nil, fmt.Errorf("load %s: %w", name, err)
    }
    defer closeLogged(name, out.Body)
    return io.ReadAll(out.Body)
}
''')),
            f('pkg/directory/close.go', new=go('directory', ['io', '', 'github.com/rs/zerolog/log'], r'''
// closeLogged closes a download stream and logs (rather than returns) a failure,
// because the caller has already got what it needed from it.
func closeLogged(what string, c io.Closer) {
    if err := c.Close(); err != nil {
        log.Warn().Err(err).Str("object", what).Msg("close download")
    }
}
'''))])

S3WWW = r'''
type objectHandler struct {
    client *minio.Client
    bucket string
}

func (h objectHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
    name := path.Clean(r.URL.Path)[1:]
    if name == "" {
        name = "index.html"
    }
    h.serve(w, r, name)
}
'''
S3WWW_NEW = S3WWW + r'''
func (h objectHandler) serve(w http.ResponseWriter, r *http.Request, name string) {
    obj, err := h.client.GetObject(r.Context(), h.bucket, name, minio.GetObjectOptions{}) //@RES-01
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadGateway)
        return
    }
    info, err := obj.Stat()
    if err != nil {
        http.NotFound(w, r)
        return
    }
    defer obj.Close()
    http.ServeContent(w, r, name, info.LastModified, obj)
}
'''
S3WWW_OLD = S3WWW + r'''
func (h objectHandler) serve(w http.ResponseWriter, r *http.Request, name string) {
    http.Error(w, "not implemented", http.StatusNotImplemented)
}
'''
MINIO_IMP = ['net/http', 'path', '', 'github.com/minio/minio-go/v7']
case('go-06-static-site-stat-failure-drops-object', 'https://github.com/harshavardhana/s3www/pull/47',
     'a static-site server fills in its object handler: when Stat fails it returns before the deferred Close, leaking the object stream',
     files=[f('main.go', old=go('main', MINIO_IMP, S3WWW_OLD), new=go('main', MINIO_IMP, S3WWW_NEW))])

DSTORE = r'''
// Store reads and writes merged block files.
type Store interface {
    OpenObject(ctx context.Context, name string) (io.ReadCloser, error)
    WriteObject(ctx context.Context, name string, r io.Reader) error
}

type s3Store struct {
    client *s3.Client
    bucket string
}

// OpenObject returns the object's body; the caller must close it.
func (s *s3Store) OpenObject(ctx context.Context, name string) (io.ReadCloser, error) {
    out, err := s.client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(name)})
    if err != nil {
        return nil, err
    }
    return out.Body, nil
}
'''
case('go-07-merger-opens-block-files-never-closes', 'https://github.com/streamingfast/dstore/pull/22',
     'a merger (new file) opens each one-block file through the store helper of the change, which hands the body to the caller, and never closes it',
     files=[f('store/store.go', new=go('store', ['context', 'io', '', 'github.com/aws/aws-sdk-go-v2/aws', 'github.com/aws/aws-sdk-go-v2/service/s3'], DSTORE)),
            f('merger/merger.go', new=go('merger', ['bytes', 'context', 'fmt', 'io', '', 'example.com/blocks/store'], r'''
type Merger struct {
    store store.Store
}

// Merge concatenates the one-block files into one bundle.
func (m *Merger) Merge(ctx context.Context, names []string, bundle string) error {
    var buf bytes.Buffer
    for _, name := range names {
        rc, err := m.store.OpenObject(ctx, name) //@RES-01|RES-02
        if err != nil {
            return fmt.Errorf("open %s: %w", name, err)
        }
        if _, err := io.Copy(&buf, rc); err != nil {
            return fmt.Errorf("read %s: %w", name, err)
        }
    }
    return m.store.WriteObject(ctx, bundle, &buf)
}
'''))])

# ============================================================== RES-01: rows and cursors
case('go-08-backfill-row-count-reassigns-rows', 'https://github.com/xataio/pgroll/pull/1015',
     'a row-count helper runs up to three queries into one rows variable; the single defer closes only the first, the later ones (assigned with =) leak',
     files=[f('pkg/backfill/count.go', new=go('backfill', ['context', 'database/sql', 'fmt'], r'''
// rowCount estimates the rows of a table: statistics first, then an exact count.
func rowCount(ctx context.Context, db *sql.DB, schema, table string) (int64, error) {
    var total int64
    rows, err := db.QueryContext(ctx, `SELECT reltuples::bigint FROM pg_class WHERE oid = $1::regclass`, schema+"."+table)
    if err != nil {
        return 0, fmt.Errorf("estimate: %w", err)
    }
    defer rows.Close()
    if rows.Next() {
        if err := rows.Scan(&total); err != nil {
            return 0, err
        }
    }
    if total > 0 {
        return total, nil
    }
    rows, err = db.QueryContext(ctx, `ANALYZE `+quote(schema, table)) //@RES-01
    if err != nil {
        return 0, fmt.Errorf("analyze: %w", err)
    }
    rows, err = db.QueryContext(ctx, `SELECT count(*) FROM `+quote(schema, table)) //@RES-01
    if err != nil {
        return 0, fmt.Errorf("count: %w", err)
    }
    if rows.Next() {
        if err := rows.Scan(&total); err != nil {
            return 0, err
        }
    }
    return total, rows.Err()
}

func quote(schema, table string) string {
    return fmt.Sprintf("%q.%q", schema, table)
}
'''))])

case('go-09-metric-store-relies-on-next-to-close', 'https://github.com/VividCortex/dbcontrol/issues/8',
     'a query helper leaves closing to rows.Next; a scan error returns from inside the loop with the rows still open',
     files=[f('store/samples.go', new=go('store', ['context', 'database/sql', 'time'], r'''
type Sample struct {
    Host  string
    At    time.Time
    Value float64
}

// Samples returns the samples of one metric in a time range.
func (s *Store) Samples(ctx context.Context, metric string, from, to time.Time) ([]Sample, error) {
    rows, err := s.db.QueryContext(ctx, //@RES-01
        `SELECT host, ts, value FROM samples WHERE metric = ? AND ts BETWEEN ? AND ?`, metric, from, to)
    if err != nil {
        return nil, err
    }
    var out []Sample
    // Next closes the rows when it runs out, so no Close is needed here.
    for rows.Next() {
        var smp Sample
        if err := rows.Scan(&smp.Host, &smp.At, &smp.Value); err != nil {
            return nil, err
        }
        out = append(out, smp)
    }
    return out, rows.Err()
}
'''))])

case('go-10-project-store-find-cursor-not-closed', 'https://github.com/keptn/keptn/pull/7909',
     'a MongoDB repository lists projects with Find and iterates the cursor without ever closing it',
     files=[f('shipyard-controller/db/projects.go', new=go('db', ['context', 'fmt', '', 'go.mongodb.org/mongo-driver/bson', 'go.mongodb.org/mongo-driver/mongo'], r'''
type ProjectRepo struct {
    coll *mongo.Collection
}

func (r *ProjectRepo) List(ctx context.Context, owner string) ([]Project, error) {
    cur, err := r.coll.Find(ctx, bson.M{"owner": owner}) //@RES-01
    if err != nil {
        return nil, fmt.Errorf("list projects: %w", err)
    }
    var projects []Project
    for cur.Next(ctx) {
        var p Project
        if err := cur.Decode(&p); err != nil {
            return nil, fmt.Errorf("decode project: %w", err)
        }
        projects = append(projects, p)
    }
    return projects, cur.Err()
}
'''))])

case('go-11-host-status-cursor-closed-only-at-end', 'https://github.com/evergreen-ci/evergreen/pull/7427',
     'an event finder closes its aggregation cursor as the last statement; a decode error returns before it and leaves the cursor open',
     files=[f('model/event/host_status.go', new=go('event', ['context', '', 'go.mongodb.org/mongo-driver/bson', 'go.mongodb.org/mongo-driver/mongo'], r'''
type statusRow struct {
    Status string `bson:"status"`
}

// recentStatuses returns the last n statuses of a host, newest first.
func recentStatuses(ctx context.Context, coll *mongo.Collection, hostID string, n int) ([]string, error) {
    pipeline := mongo.Pipeline{
        {{Key: "$match", Value: bson.M{"resource_id": hostID, "event_type": "HOST_STATUS_CHANGED"}}},
        {{Key: "$sort", Value: bson.M{"ts": -1}}},
        {{Key: "$limit", Value: n}},
    }
    cursor, err := coll.Aggregate(ctx, pipeline) //@RES-01
    if err != nil {
        return nil, err
    }
    var out []string
    for cursor.Next(ctx) {
        var row statusRow
        if err := cursor.Decode(&row); err != nil {
            return nil, err
        }
        out = append(out, row.Status)
    }
    if err := cursor.Close(ctx); err != nil {
        return nil, err
    }
    return out, nil
}
'''))])

case('go-12-change-stream-recreated-old-stream-kept', 'https://github.com/PeerDB-io/peerdb/pull/4565',
     'a CDC reader defers Close of its change stream, then recreates the stream in the loop with =: the defer closes only the first, every replaced stream stays open on the server',
     files=[f('flow/connectors/mongo/cdc.go', new=go('mongo', ['context', 'errors', 'fmt', '', 'go.mongodb.org/mongo-driver/bson', 'go.mongodb.org/mongo-driver/mongo', 'go.mongodb.org/mongo-driver/mongo/options'], r'''
func (c *Connector) PullChanges(ctx context.Context, coll *mongo.Collection, token bson.Raw, sink func(bson.Raw) error) error {
    opts := options.ChangeStream().SetFullDocument(options.UpdateLookup).SetResumeAfter(token)
    cs, err := coll.Watch(ctx, mongo.Pipeline{}, opts)
    if err != nil {
        return fmt.Errorf("open change stream: %w", err)
    }
    defer cs.Close(context.Background())
    for {
        if !cs.Next(ctx) {
            if errors.Is(cs.Err(), context.Canceled) {
                return nil
            }
            // resume after the last token we saw
            opts.SetResumeAfter(cs.ResumeToken())
            cs, err = coll.Watch(ctx, mongo.Pipeline{}, opts) //@RES-01
            if err != nil {
                return fmt.Errorf("reopen change stream: %w", err)
            }
            continue
        }
        if err := sink(cs.Current); err != nil {
            return err
        }
    }
}
'''))])

case('go-ok-03-notification-settings-chunk-defers-cursor-close', 'https://github.com/hmchangw/newchat/pull/213',
     'clean: a settings reader queries users in chunks, one helper per chunk, each deferring the cursor Close right after Find',
     files=[f('notification-worker/usersettings.go', new=go('main', ['context', 'fmt', '', 'go.mongodb.org/mongo-driver/bson', 'go.mongodb.org/mongo-driver/mongo'], r'''
const chunkSize = 200

type notifSettings struct {
    Account string `bson:"account"`
    Muted   bool   `bson:"muted"`
}

func (m *mongoUserSettings) Load(ctx context.Context, accounts []string) (map[string]notifSettings, error) {
    out := make(map[string]notifSettings, len(accounts))
    for start := 0; start < len(accounts); start += chunkSize {
        end := min(start+chunkSize, len(accounts))
        if err := m.appendChunk(ctx, accounts[start:end], out); err != nil {
            return nil, err
        }
    }
    return out, nil
}

func (m *mongoUserSettings) appendChunk(ctx context.Context, chunk []string, out map[string]notifSettings) error {
    cur, err := m.col.Find(ctx, bson.M{"account": bson.M{"$in": chunk}})
    if err != nil {
        return fmt.Errorf("find user settings: %w", err)
    }
    defer cur.Close(ctx)
    for cur.Next(ctx) {
        var s notifSettings
        if err := cur.Decode(&s); err != nil {
            return fmt.Errorf("decode user settings: %w", err)
        }
        out[s.Account] = s
    }
    return cur.Err()
}

type mongoUserSettings struct {
    col *mongo.Collection
}
'''))])

case('go-ok-04-iterator-closes-with-background-context', 'https://github.com/foomo/keel/pull/174',
     'clean: a generic repository iterator (Go generics) defers the cursor Close with a background context so a cancelled request still frees the server cursor',
     files=[f('persistence/mongo/iterate.go', new=go('mongo', ['context', '', 'go.mongodb.org/mongo-driver/bson', 'go.mongodb.org/mongo-driver/mongo'], r'''
// Each decodes every document matching filter into a T and hands it to fn.
func Each[T any](ctx context.Context, coll *mongo.Collection, filter bson.M, fn func(T) error) (err error) {
    cursor, err := coll.Find(ctx, filter)
    if err != nil {
        return err
    }
    defer func() {
        if cerr := cursor.Close(context.Background()); cerr != nil && err == nil {
            err = cerr
        }
    }()
    for cursor.Next(ctx) {
        var item T
        if err := cursor.Decode(&item); err != nil {
            return err
        }
        if err := fn(item); err != nil {
            return err
        }
    }
    return cursor.Err()
}
'''))])

case('go-13-aggregate-helper-cursor-left-open', 'https://github.com/qiniu/qmgo/issues/30',
     'a thin query wrapper returns decoded pages from an aggregation; the early return on a decode error (and the limit break) leave the cursor open',
     files=[f('aggregate.go', new=go('qmgo', ['context', '', 'go.mongodb.org/mongo-driver/mongo'], r'''
// AggregatePage runs a pipeline and decodes at most limit results into out.
func (c *Collection) AggregatePage(ctx context.Context, pipeline mongo.Pipeline, limit int, out func() interface{}) (int, error) {
    cursor, err := c.coll.Aggregate(ctx, pipeline) //@RES-01
    if err != nil {
        return 0, err
    }
    n := 0
    for cursor.Next(ctx) {
        if n == limit {
            break
        }
        if err := cursor.Decode(out()); err != nil {
            return n, err
        }
        n++
    }
    return n, cursor.Err()
}
'''))])

NEBRASKA = r'''
// GetGroupInstancesStats counts the instances of a group per status and version.
func (api *API) GetGroupInstancesStats(groupID, duration string) (*InstancesStats, error) {
    interval, err := durationToInterval(duration)
    if err != nil {
        return nil, err
    }
    stats := &InstancesStats{Versions: map[string]int{}}
    query, args, err := api.instancesStatsQuery(groupID, interval)
    if err != nil {
        return nil, err
    }
    rows, err := api.db.Queryx(query, args...)
    if err != nil {
        return nil, err
    }
    defer rows.Close()
    for rows.Next() {
        var row statusCount
        if err := rows.StructScan(&row); err != nil {
            return nil, err
        }
        stats.add(row)
    }
    if err := rows.Err(); err != nil {
        return nil, err
    }
    stats.Total = stats.sum()
    if stats.Total == 0 {
        return stats, nil
    }
    versionRows, err := api.db.Queryx(api.versionBreakdownQuery(), groupID, interval)
    if err != nil {
        return nil, err
    }
    defer versionRows.Close()
    for versionRows.Next() {
        var version string
        var count int
        if err := versionRows.Scan(&version, &count); err != nil {
            return nil, err
        }
        stats.Versions[version] = count
    }
    return stats, versionRows.Err()
}
'''
case('go-14-group-stats-second-query-loses-its-defer', 'https://github.com/flatcar/nebraska/pull/500',
     'inside a long existing stats function (sqlx) an edit that wraps the error of the second query also deletes its deferred Close; the Queryx stays a context line',
     deletion=True,
     files=[f('backend/pkg/api/instances_stats.go', old=go('api', [], NEBRASKA),
              new=go('api', [], edit(NEBRASKA, '''    versionRows, err := api.db.Queryx(api.versionBreakdownQuery(), groupID, interval)
    if err != nil {
        return nil, err
    }
    defer versionRows.Close()
''', '''    versionRows, err := api.db.Queryx(api.versionBreakdownQuery(), groupID, interval) //@RES-01
    if err != nil {
        return nil, wrapErr("version breakdown", err)
    }
''')))])

# ============================================================== TMO-03: lost cancel functions
case('go-15-runner-stream-cancel-reassigned-early-return', 'https://github.com/hashicorp/waypoint/issues/3639',
     'a job runner assigns a fresh stream context with = inside its accept loop; the reconnect-wait error path returns without calling that cancel',
     files=[f('internal/runner/accept.go', new=go('runner', ['context', 'time', '', 'google.golang.org/grpc/codes', 'google.golang.org/grpc/status'], r'''
func (r *Runner) accept(ctx context.Context) error {
    var streamCtx context.Context
    var streamCancel context.CancelFunc
    for attempt := 0; ; attempt++ {
        streamCtx, streamCancel = context.WithCancel(r.runningCtx) //@TMO-03
        client, err := r.client.RunnerJobStream(streamCtx)
        if err == nil {
            return r.handle(streamCtx, streamCancel, client)
        }
        if !r.waitReconnect(ctx, time.Duration(attempt)*time.Second) {
            return status.Error(codes.Internal, "early exit while waiting for reconnect")
        }
        streamCancel()
    }
}
'''))])

case('go-16-graceful-start-failure-skips-cancel', 'https://github.com/ne-sachirou/go-graceful/pull/20',
     'a graceful-shutdown helper derives a cancel-cause context, then returns the start error of any server without cancelling it',
     files=[f('graceful.go', new=go('graceful', ['context', 'errors', 'os/signal', 'syscall', 'time'], r'''
type Server interface {
    Start(ctx context.Context) error
    Shutdown(ctx context.Context) error
}

type Servers struct {
    Servers []Server
}

// Graceful starts every server and shuts them down on SIGINT or SIGTERM.
func (s Servers) Graceful(ctx context.Context, timeout time.Duration) error {
    ctx, cancel := context.WithCancelCause(ctx) //@TMO-03
    ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
    defer stop()
    errs := make(chan error, len(s.Servers))
    for _, srv := range s.Servers {
        go func(srv Server) { errs <- srv.Start(ctx) }(srv) //@~CONC-01
    }
    select {
    case err := <-errs:
        if err != nil {
            return errors.Join(errors.New("failed to start servers"), err)
        }
    case <-ctx.Done():
    }
    shutdownCtx, done := context.WithTimeout(context.WithoutCancel(ctx), timeout)
    defer done()
    var errList []error
    for _, srv := range s.Servers {
        errList = append(errList, srv.Shutdown(shutdownCtx))
    }
    cancel(nil)
    return errors.Join(errList...)
}
'''))])

case('go-17-ping-loop-cancels-only-on-stop', 'https://github.com/superfly/flyctl/pull/1155',
     'a ping command cancels its context only when the stop channel fires; the send error return inside the loop leaks it',
     files=[f('internal/command/ping/ping.go', new=go('ping', ['context', 'fmt', 'os', 'os/signal', 'time'], r'''
func run(ctx context.Context, target string, count int, interval time.Duration) error {
    ctx, cancel := context.WithCancel(ctx) //@TMO-03
    stop := make(chan os.Signal, 1)
    signal.Notify(stop, os.Interrupt)
    pinger, err := newPinger(ctx, target)
    if err != nil {
        cancel()
        return err
    }
    for i := 0; count == 0 || i < count; i++ {
        select {
        case <-stop:
            cancel()
            return nil
        case <-time.After(interval):
        }
        rtt, err := pinger.Send(ctx, i)
        if err != nil {
            return fmt.Errorf("ping %d: %w", i, err)
        }
        fmt.Printf("%d bytes from %s: seq=%d time=%s\n", 64, target, i, rtt)
    }
    cancel()
    return nil
}
'''))])

case('go-18-probe-wait-discards-cancel', 'https://github.com/openshift/lightspeed-operator/pull/741',
     'a readiness-wait helper (service code, not a test) discards the cancel function of its WithCancel context',
     files=[f('internal/probe/wait.go', new=go('probe', ['context', 'time', '', 'k8s.io/apimachinery/pkg/util/wait'], r'''
// WaitReady polls check until it reports ready or the deadline passes.
func WaitReady(parent context.Context, every, limit time.Duration, check func(context.Context) (bool, error)) error {
    ctx, _ := context.WithCancel(parent) //@TMO-03
    return wait.PollUntilContextTimeout(ctx, every, limit, true, check)
}
'''))])

case('go-ok-05-replicator-sleeps-on-timer-or-done', 'https://github.com/choria-legacy/stream-replicator/pull/12',
     'clean: a replicator backs off on a timer it stops, selecting on the context, and every WithTimeout is followed by defer cancel',
     files=[f('replicator/copier.go', new=go('replicator', ['context', 'time'], r'''
func (c *Copier) copyLoop(ctx context.Context) error {
    backoff := time.Second
    for {
        err := c.copyOnce(ctx)
        if err == nil {
            backoff = time.Second
            continue
        }
        c.log.Warnf("copy failed, retrying in %s: %s", backoff, err)
        timer := time.NewTimer(backoff)
        select {
        case <-ctx.Done():
            timer.Stop()
            return ctx.Err()
        case <-timer.C:
        }
        backoff = min(2*backoff, time.Minute)
    }
}

func (c *Copier) copyOnce(ctx context.Context) error {
    ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
    defer cancel()
    msg, err := c.source.Next(ctx)
    if err != nil {
        return err
    }
    return c.target.Publish(ctx, msg)
}
'''))])

case('go-ok-06-finalizer-detaches-with-withoutcancel', 'https://github.com/komuw/komu.engineer/pull/28',
     'clean: after answering, a handler records an audit entry with context.WithoutCancel of the request context plus its own timeout (not context.Background)',
     files=[f('wfe/finalize.go', new=go('wfe', ['context', 'net/http', 'time'], r'''
func (w *WebFrontEnd) FinalizeOrder(rw http.ResponseWriter, req *http.Request) {
    ctx := req.Context()
    order, err := w.ra.FinalizeOrder(ctx, orderID(req))
    if err != nil {
        w.sendError(rw, err)
        return
    }
    w.writeJSON(rw, http.StatusOK, order)

    // The audit record must be written even if the client has gone away, but it keeps
    // the request's values (trace id) and gets its own deadline.
    auditCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
    defer cancel()
    if err := w.audit.Record(auditCtx, "finalize", order.ID); err != nil {
        w.log.Warningf("audit finalize %d: %s", order.ID, err)
    }
}
'''))])

# ============================================================== TMO-02: caller's context dropped
case('go-19-update-check-request-uses-background', 'https://github.com/jongio/dispatch/issues/52',
     'an update checker takes ctx but builds its release request with context.Background(), so the caller cannot cancel or bound it',
     files=[f('internal/update/check.go', new=go('update', ['context', 'encoding/json', 'fmt', 'net/http', 'time'], r'''
const latestReleaseURL = "https://api.github.com/repos/example/dispatch/releases/latest"

var apiClient = &http.Client{Timeout: 10 * time.Second}

// LatestVersion returns the tag of the newest release.
func LatestVersion(ctx context.Context) (string, error) {
    req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, latestReleaseURL, nil) //@TMO-02
    if err != nil {
        return "", err
    }
    req.Header.Set("Accept", "application/vnd.github+json")
    resp, err := apiClient.Do(req)
    if err != nil {
        return "", fmt.Errorf("latest release: %w", err)
    }
    defer resp.Body.Close()
    var rel struct {
        Tag string `json:"tag_name"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&rel); err != nil {
        return "", err
    }
    return rel.Tag, nil
}
'''))])

case('go-20-contact-handler-queries-with-background', 'https://github.com/google/gapid/pull/986',
     'an HTTP handler looks a contact up with context.Background() instead of the request context: a cancelled or timed-out request keeps its query running',
     files=[f('api/contacts.go', new=go('api', ['context', 'database/sql', 'encoding/json', 'errors', 'net/http'], r'''
type ContactHandler struct {
    db *sql.DB
}

func (h *ContactHandler) Get(w http.ResponseWriter, r *http.Request) {
    id := r.PathValue("id")
    var c Contact
    err := h.db.QueryRowContext(context.Background(), //@TMO-02
        `SELECT id, first_name, last_name, email FROM contacts WHERE id = $1 AND tenant = $2`, id, tenant(r)).
        Scan(&c.ID, &c.FirstName, &c.LastName, &c.Email)
    if errors.Is(err, sql.ErrNoRows) {
        http.NotFound(w, r)
        return
    }
    if err != nil {
        http.Error(w, "lookup failed", http.StatusInternalServerError)
        return
    }
    w.Header().Set("Content-Type", "application/json")
    json.NewEncoder(w).Encode(c)
}
'''))])

case('go-ok-07-scan-worker-gets-detached-request-context', 'https://github.com/kubescape/kubevuln/pull/374',
     'clean: a handler hands a scan to a bounded worker pool with context.WithoutCancel(r.Context()) on purpose, so the scan outlives the 202 answer',
     files=[f('controllers/http.go', new=go('controllers', ['context', 'net/http', '', 'github.com/gin-gonic/gin'], r'''
type HTTPController struct {
    pool    WorkerPool
    service ScanService
}

func (h *HTTPController) ScanCVE(c *gin.Context) {
    var cmd ScanCommand
    if err := c.ShouldBindJSON(&cmd); err != nil {
        c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
        return
    }
    // The scan runs after we answer: keep the request's values, drop its cancellation.
    ctx := context.WithoutCancel(c.Request.Context())
    if err := h.pool.Submit(func() { h.service.ScanCVE(ctx, cmd) }); err != nil {
        c.JSON(http.StatusServiceUnavailable, gin.H{"error": "scan queue full"})
        return
    }
    c.Status(http.StatusAccepted)
}
'''))])

# ============================================================== CONC-05 (Go): sleeping through cancellation
case('go-21-sql-sleep-function-ignores-query-context', 'https://github.com/src-d/go-mysql-server/issues/797',
     'a SQL SLEEP() function blocks in time.Sleep and cannot be cancelled through the query context it is given',
     files=[f('sql/expression/function/sleep.go', new=go('function', ['time', '', 'github.com/src-d/go-mysql-server/sql'], r'''
// Sleep is the SLEEP(seconds) function.
type Sleep struct {
    child sql.Expression
}

func (s *Sleep) Eval(ctx *sql.Context, row sql.Row) (interface{}, error) {
    v, err := s.child.Eval(ctx, row)
    if err != nil {
        return nil, err
    }
    seconds, ok := v.(float64)
    if !ok {
        return nil, sql.ErrInvalidType.New(v)
    }
    time.Sleep(time.Duration(seconds*1000) * time.Millisecond) //@CONC-05
    return 0, nil
}
'''))])

case('go-22-duty-waits-for-two-thirds-with-sleep', 'https://github.com/ssvlabs/ssv/issues/2354',
     'a validator duty takes a context but waits for two thirds of the slot with a plain time.Sleep',
     files=[f('beacon/goclient/aggregator.go', new=go('goclient', ['context', 'time'], r'''
// SubmitAggregateSelectionProof waits until two thirds into the slot, then asks for the aggregate.
func (gc *GoClient) SubmitAggregateSelectionProof(ctx context.Context, slot uint64, committee uint64) (*Aggregate, error) {
    gc.waitToSlotTwoThirds(slot)
    return gc.aggregate(ctx, slot, committee)
}

func (gc *GoClient) waitToSlotTwoThirds(slot uint64) {
    start := gc.slotStart(slot)
    wait := start.Add(gc.slotDuration * 2 / 3).Sub(time.Now())
    if wait > 0 {
        time.Sleep(wait) //@CONC-05
    }
}
'''))])

case('go-23-run-service-retry-loop-sleeps', 'https://github.com/agola-io/agola/pull/64',
     'a scheduler loop checks ctx.Done() in a select with a default branch and then sleeps ten seconds with time.Sleep',
     files=[f('internal/services/scheduler/scheduler.go', new=go('scheduler', ['context', 'time'], r'''
func (s *Scheduler) approveLoop(ctx context.Context) {
    for {
        select {
        case <-ctx.Done():
            s.log.Info("approve loop exiting")
            return
        default:
        }
        if err := s.approve(ctx); err != nil {
            s.log.Errorf("approve: %v", err)
        }
        time.Sleep(10 * time.Second) //@CONC-05
    }
}
'''))])

case('go-24-polling-server-sleeps-after-done-check', 'https://github.com/flux-iac/tofu-controller/issues/671',
     'a polling server selects on ctx.Done() and then blocks in time.Sleep(interval): shutdown waits up to a whole interval',
     files=[f('internal/polling/server.go', new=go('polling', ['context', 'time'], r'''
type Server struct {
    interval time.Duration
    poller   func(context.Context) error
    log      Logger
}

func (s *Server) Start(ctx context.Context) error {
    for {
        select {
        case <-ctx.Done():
            return nil
        default:
        }
        if err := s.poller(ctx); err != nil {
            s.log.Error(err, "poll failed")
        }
        time.Sleep(s.interval) //@CONC-05
    }
}
'''))])

case('go-ok-08-retry-waits-on-timer-or-context', 'https://github.com/oracle/oci-go-sdk/issues/133',
     'clean: a retrying request helper waits between attempts with a select on ctx.Done() and a timer',
     files=[f('common/retry.go', new=go('common', ['context', 'time'], r'''
type RetryPolicy struct {
    Attempts int
    Backoff  func(attempt int) time.Duration
    Retry    func(error) bool
}

func Retry[T any](ctx context.Context, p RetryPolicy, op func(context.Context) (T, error)) (T, error) {
    var zero T
    var lastErr error
    for attempt := 1; attempt <= p.Attempts; attempt++ {
        v, err := op(ctx)
        if err == nil || !p.Retry(err) {
            return v, err
        }
        lastErr = err
        t := time.NewTimer(p.Backoff(attempt))
        select {
        case <-ctx.Done():
            t.Stop()
            return zero, ctx.Err()
        case <-t.C:
        }
    }
    return zero, lastErr
}
'''))])

# ============================================================== CONC-01 / CONC-06: goroutines
case('go-25-dns-server-serves-packets-in-bare-goroutines', 'https://github.com/yunabe/lgo/issues/5',
     'a DNSCrypt server hands every UDP packet to a named method in a bare goroutine: a panic in one packet handler ends the process',
     files=[f('server_udp.go', new=go('dnscrypt', ['net'], r'''
func (s *Server) serveUDP(conn *net.UDPConn) error {
    buf := make([]byte, maxPacketSize)
    for {
        n, addr, err := conn.ReadFromUDP(buf)
        if err != nil {
            if s.isShutdown() {
                return nil
            }
            return err
        }
        packet := make([]byte, n)
        copy(packet, buf[:n])
        go s.serveUDPPacket(conn, addr, packet) //@CONC-01
    }
}

func (s *Server) serveUDPPacket(conn *net.UDPConn, addr *net.UDPAddr, packet []byte) {
    reply, err := s.handle(packet)
    if err != nil {
        s.log.Debug("dropping packet from %s: %v", addr, err)
        return
    }
    _, _ = conn.WriteToUDP(reply, addr) // UDP: a lost reply is retried by the client
}
'''))])

LIMITER = r'''
type Limiter struct {
    store  TokenStore
    window time.Duration
}

// Acquire takes one token for key and keeps the lease alive while the request runs.
func (l *Limiter) Acquire(ctx context.Context, key string) (release func(), err error) {
    lease, err := l.store.Take(ctx, key)
    if err != nil {
        return nil, err
    }
    renewCtx, stop := context.WithCancel(ctx)
    go l.renew(renewCtx, lease) //@CONC-01
    return func() {
        stop()
        l.store.Give(context.WithoutCancel(ctx), lease)
    }, nil
}

func (l *Limiter) renew(ctx context.Context, lease Lease) {
    t := time.NewTicker(l.window / 2)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
            lease = l.store.Extend(ctx, lease)
        }
    }
}
'''
case('go-26-limiter-renewal-goroutine-unrecovered', 'https://github.com/ivpusic/grpool/issues/3',
     'a request limiter starts a lease-renewal goroutine from a named method with no recover; the HTTP server\'s own recovery does not cover it',
     files=[f('limiter/limiter.go', new=go('limiter', ['context', 'time'], LIMITER))])

case('go-ok-09-stream-worker-started-through-safego', 'https://github.com/dgrr/GoSlaves/issues/5',
     'clean: stream forwarding starts its goroutine through a SafeGo helper (new file of the change) that recovers, logs the stack and counts',
     files=[f('internal/safego/safego.go', new=go('safego', ['log/slog', 'runtime/debug', '', 'github.com/prometheus/client_golang/prometheus'], r'''
var panics = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "goroutine_panics_total"}, []string{"task"})

// Go runs fn in a new goroutine; a panic is logged with its stack and counted, not fatal.
func Go(task string, fn func()) {
    go func() {
        defer func() {
            if r := recover(); r != nil {
                panics.WithLabelValues(task).Inc()
                slog.Error("goroutine panic", "task", task, "panic", r, "stack", string(debug.Stack()))
            }
        }()
        fn()
    }()
}
''')),
            f('proxy/stream.go', new=go('proxy', ['io', '', 'example.com/gateway/internal/safego'], r'''
func (p *Proxy) forward(dst io.Writer, src io.ReadCloser, done chan<- error) {
    safego.Go("stream-forward", func() {
        defer src.Close()
        _, err := io.Copy(dst, src)
        done <- err
    })
}
'''))])

case('go-27-executor-runs-parallel-steps-without-recover', 'https://github.com/Colin4k1024/Aetheris/issues/20',
     'a workflow executor runs the parallel steps of a node in goroutines with a WaitGroup and no recover: one panicking step ends every run on the host',
     files=[f('internal/executor/parallel.go', new=go('executor', ['context', 'errors', 'sync'], r'''
func (r *Runner) runParallel(ctx context.Context, steps []Step) error {
    var wg sync.WaitGroup
    errs := make([]error, len(steps))
    for i, step := range steps {
        wg.Add(1)
        go func() { //@CONC-01
            defer wg.Done()
            errs[i] = step.Run(ctx, r.env)
        }()
    }
    wg.Wait()
    return errors.Join(errs...)
}
'''))])

case('go-28-mail-client-background-refresh-fire-and-forget', 'https://github.com/floatpane/matcha/issues/980',
     'a TUI mail client starts a background folder refresh as a bare fire-and-forget goroutine whose error and panic nobody sees',
     files=[f('main.go', new=go('main', ['time', '', 'example.com/matcha/mail'], r'''
func (m *model) startBackgroundRefresh(acct *mail.Account) {
    go func() { //@CONC-01|CONC-06
        for range time.Tick(2 * time.Minute) {
            folders, err := acct.ListFolders()
            if err != nil {
                continue
            }
            m.updates <- folderUpdate{account: acct.Name, folders: folders}
        }
    }()
}
'''))])

case('go-29-parquet-writer-flushes-columns-in-goroutines', 'https://github.com/xitongsys/parquet-go/issues/149',
     'a columnar writer encodes each column chunk in its own goroutine without a recover; a bad value panics the embedding process',
     files=[f('writer/flush.go', new=go('writer', ['sync'], r'''
func (pw *ParquetWriter) flushRowGroup() error {
    chunks := make([]*ColumnChunk, len(pw.columns))
    errs := make([]error, len(pw.columns))
    var wg sync.WaitGroup
    for i, col := range pw.columns {
        wg.Add(1)
        go func(i int, col *columnBuffer) { //@CONC-01
            defer wg.Done()
            chunks[i], errs[i] = col.encode(pw.compression)
        }(i, col)
    }
    wg.Wait()
    for _, err := range errs {
        if err != nil {
            return err
        }
    }
    return pw.writeChunks(chunks)
}
'''))])

case('go-ok-10-controller-worker-defers-crash-handler', 'https://github.com/furiko-io/furiko/issues/5',
     'clean: controller workers defer handleCrash, a helper in another file of the change whose body recovers, logs and counts (it is not named recover)',
     files=[f('pkg/runtime/crash.go', new=go('runtime', ['runtime/debug', '', 'k8s.io/klog/v2'], r'''
// handleCrash must be deferred directly: it stops a panic from ending the process.
func handleCrash(component string) {
    if r := recover(); r != nil {
        crashes.WithLabelValues(component).Inc()
        klog.ErrorS(nil, "recovered from panic", "component", component, "panic", r, "stack", string(debug.Stack()))
    }
}
''')),
            f('pkg/runtime/controller.go', new=go('runtime', ['context'], r'''
func (c *Controller) Run(ctx context.Context, workers int) {
    for i := 0; i < workers; i++ {
        go func() {
            defer handleCrash(c.name)
            for c.processNext(ctx) {
            }
        }()
    }
    <-ctx.Done()
    c.queue.ShutDownWithDrain()
}
'''))])

case('go-30-fanout-install-errgroup-wait-dropped', 'https://github.com/solo-io/gloo-mesh/issues/1468',
     'an installer fans out per-cluster work with errgroup and never looks at Wait()\'s error: every failed cluster is reported as installed',
     files=[f('pkg/install/clusters.go', new=go('install', ['context', 'fmt', '', 'golang.org/x/sync/errgroup'], r'''
func (in *Installer) InstallAll(ctx context.Context, clusters []string) error {
    g, ctx := errgroup.WithContext(ctx)
    g.SetLimit(4)
    for _, cl := range clusters {
        g.Go(func() error {
            if err := in.install(ctx, cl); err != nil {
                return fmt.Errorf("cluster %s: %w", cl, err)
            }
            return nil
        })
    }
    g.Wait() //@CONC-06|ERR-01
    in.log.Info("installed", "clusters", len(clusters))
    return nil
}
'''))])

case('go-ok-11-node-services-errgroup-wait-checked', 'https://github.com/NYDIG-OSS/lnmux/pull/35',
     'clean: a daemon runs its services in an errgroup and returns Wait()\'s error; every goroutine stops with the group context',
     files=[f('cmd/lnmuxd/run.go', new=go('main', ['context', 'fmt', '', 'golang.org/x/sync/errgroup'], r'''
func run(ctx context.Context, cfg *Config) error {
    g, ctx := errgroup.WithContext(ctx)
    mux, err := newMux(cfg)
    if err != nil {
        return err
    }
    g.Go(func() error { return mux.Run(ctx) })
    g.Go(func() error { return serveGRPC(ctx, cfg.Listen, mux) })
    g.Go(func() error { return serveMetrics(ctx, cfg.MetricsListen) })
    if err := g.Wait(); err != nil {
        return fmt.Errorf("lnmuxd: %w", err)
    }
    return nil
}
'''))])

# ============================================================== RES-03: defer inside loops
case('go-31-untar-defers-close-per-entry', 'https://github.com/c4milo/unpackit/pull/13',
     'an archive extractor defers the Close of every created file inside its loop over tar entries: all files stay open until the whole archive is done',
     files=[f('unpackit.go', new=go('unpackit', ['archive/tar', 'io', 'os', 'path/filepath'], r'''
// Untar extracts a tar stream into destination.
func Untar(r io.Reader, destination string) error {
    tr := tar.NewReader(r)
    for {
        hdr, err := tr.Next()
        if err == io.EOF {
            return nil
        }
        if err != nil {
            return err
        }
        target, err := sanitize(destination, hdr.Name)
        if err != nil {
            return err
        }
        if hdr.Typeflag == tar.TypeDir {
            if err := os.MkdirAll(target, 0o755); err != nil {
                return err
            }
            continue
        }
        if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
            return err
        }
        file, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(hdr.Mode))
        if err != nil {
            return err
        }
        defer file.Close() //@RES-03
        if _, err := io.Copy(file, tr); err != nil {
            return err
        }
    }
}
'''))])

case('go-32-unzip-defers-both-closes-per-file', 'https://github.com/c4milo/unpackit/pull/13',
     'the zip extractor of the same package defers both the entry reader and the created file inside its loop',
     files=[f('unzip.go', new=go('unpackit', ['archive/zip', 'io', 'os'], r'''
// Unzip extracts a zip file into destination.
func Unzip(path, destination string) error {
    zr, err := zip.OpenReader(path)
    if err != nil {
        return err
    }
    defer zr.Close()
    for _, f := range zr.File {
        target, err := sanitize(destination, f.Name)
        if err != nil {
            return err
        }
        rc, err := f.Open()
        if err != nil {
            return err
        }
        defer rc.Close() //@RES-03
        out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, f.Mode())
        if err != nil {
            return err
        }
        defer out.Close() //@RES-03
        if _, err := io.Copy(out, rc); err != nil {
            return err
        }
    }
    return nil
}
'''))])

case('go-ok-12-untar-entry-extracted-in-own-function', 'https://github.com/c4milo/unpackit/pull/13',
     'clean: the fixed shape: the loop calls a function per entry, and the defer runs when that function returns',
     files=[f('extract.go', new=go('unpackit', ['archive/tar', 'io', 'os'], r'''
func untarAll(tr *tar.Reader, destination string) error {
    for {
        hdr, err := tr.Next()
        if err == io.EOF {
            return nil
        }
        if err != nil {
            return err
        }
        if err := writeEntry(tr, hdr, destination); err != nil {
            return err
        }
    }
}

func writeEntry(r io.Reader, hdr *tar.Header, destination string) error {
    target, err := sanitize(destination, hdr.Name)
    if err != nil {
        return err
    }
    file, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(hdr.Mode))
    if err != nil {
        return err
    }
    defer file.Close()
    _, err = io.Copy(file, r)
    return err
}
'''))])

# ============================================================== RES-04 / RES-01: clients built per call
case('go-33-order-client-dials-per-call', 'https://github.com/sdgmf/go-project-sample/issues/4',
     'a service calls its order backend through a gRPC connection dialled on every call and never closed',
     files=[f('internal/app/products/services/orders.go', new=go('services', ['context', 'fmt', '', 'google.golang.org/grpc', 'google.golang.org/grpc/credentials/insecure', '', 'example.com/shop/api/proto'], r'''
type OrdersClient struct {
    target string
}

func (c *OrdersClient) RecentOrders(ctx context.Context, productID uint64) ([]*proto.Order, error) {
    conn, err := grpc.NewClient(c.target, grpc.WithTransportCredentials(insecure.NewCredentials())) //@RES-04|RES-01
    if err != nil {
        return nil, fmt.Errorf("dial orders: %w", err)
    }
    resp, err := proto.NewOrdersClient(conn).Query(ctx, &proto.QueryOrdersRequest{ProductId: productID, Limit: 20})
    if err != nil {
        return nil, err
    }
    return resp.Orders, nil
}
'''))])

case('go-34-commithook-dials-each-tick-leaks-on-error', 'https://github.com/dolthub/dolt/pull/7707',
     'a replication hook dials its standby on every tick and closes the connection only when the push succeeds; the error return leaks one ClientConn per interval',
     files=[f('go/libraries/doltcore/sqle/cluster/commithook.go', new=go('cluster', ['context', 'time', '', 'google.golang.org/grpc'], r'''
func (h *commithook) replicate(ctx context.Context) {
    t := time.NewTicker(h.interval)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-t.C:
        }
        if err := h.pushOnce(ctx); err != nil {
            h.log.Warnf("replicate to %s: %v", h.standby, err)
        }
    }
}

func (h *commithook) pushOnce(ctx context.Context) error {
    conn, err := grpc.NewClient(h.standby, h.dialOpts...) //@RES-01|RES-04
    if err != nil {
        return err
    }
    ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
    defer cancel()
    if err := h.push(ctx, conn); err != nil {
        return err
    }
    return conn.Close()
}
'''))])

case('go-ok-13-commithook-owns-conn-closes-in-stop', 'https://github.com/dolthub/dolt/pull/7707',
     'clean: the hook dials once when it is created, reuses the connection on every tick and closes it in Stop',
     files=[f('go/libraries/doltcore/sqle/cluster/hook.go', new=go('cluster', ['context', 'time', '', 'google.golang.org/grpc'], r'''
type hook struct {
    conn     *grpc.ClientConn
    interval time.Duration
}

func newHook(standby string, opts ...grpc.DialOption) (*hook, error) {
    conn, err := grpc.NewClient(standby, opts...)
    if err != nil {
        return nil, err
    }
    return &hook{conn: conn, interval: 5 * time.Second}, nil
}

func (h *hook) pushOnce(ctx context.Context) error {
    ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
    defer cancel()
    return push(ctx, h.conn)
}

// Stop releases the connection; the hook is not used afterwards.
func (h *hook) Stop() error {
    return h.conn.Close()
}
'''))])

case('go-35-thrift-proxy-builds-kafka-client-per-request', 'https://github.com/IBM/sarama/issues/578',
     'a Kafka proxy builds a sarama client and consumer for every incoming request (closed at the end, but never shared): connections and goroutines churn per call',
     files=[f('proxy/consume.go', new=go('proxy', ['context', 'strings', '', 'github.com/IBM/sarama'], r'''
func (p *Proxy) Fetch(ctx context.Context, topic string, partition int32, offset int64) ([]*sarama.ConsumerMessage, error) {
    client, err := sarama.NewClient(strings.Split(p.cfg.Brokers, ","), p.saramaConfig()) //@RES-04
    if err != nil {
        return nil, err
    }
    defer client.Close()
    consumer, err := sarama.NewConsumerFromClient(client) //@~RES-04
    if err != nil {
        return nil, err
    }
    defer consumer.Close()
    pc, err := consumer.ConsumePartition(topic, partition, offset)
    if err != nil {
        return nil, err
    }
    defer pc.Close()
    var out []*sarama.ConsumerMessage
    for len(out) < 100 {
        select {
        case msg := <-pc.Messages():
            out = append(out, msg)
        case <-ctx.Done():
            return out, nil
        }
    }
    return out, nil
}
'''))])

# ============================================================== TMO-01 (Go)
case('go-36-rest-client-built-without-timeout', 'https://github.com/rancher/norman/pull/130',
     'a generic REST client builds its http.Client with a custom transport and no timeout',
     files=[f('clientbase/common.go', new=go('clientbase', ['crypto/tls', 'crypto/x509', 'net/http'], r'''
type ClientOpts struct {
    URL      string
    CACerts  string
    Insecure bool
}

func newHTTPClient(opts *ClientOpts) *http.Client {
    tlsCfg := &tls.Config{InsecureSkipVerify: opts.Insecure}
    if opts.CACerts != "" {
        pool := x509.NewCertPool()
        pool.AppendCertsFromPEM([]byte(opts.CACerts))
        tlsCfg.RootCAs = pool
    }
    return &http.Client{ //@TMO-01
        Transport: &http.Transport{Proxy: http.ProxyFromEnvironment, TLSClientConfig: tlsCfg},
    }
}
'''))])

case('go-37-cli-api-client-without-timeout', 'https://github.com/infrahq/infra/issues/1965',
     'a CLI builds its API client on http.Client{} with only a transport: a command hangs forever if the server goes away',
     files=[f('internal/cmd/client.go', new=go('cmd', ['crypto/tls', 'net/http', '', 'example.com/infra/api'], r'''
func apiClient(host, accessKey string, skipTLSVerify bool) *api.Client {
    return &api.Client{
        URL:       "https://" + host,
        AccessKey: accessKey,
        HTTP: http.Client{ //@TMO-01
            Transport: &http.Transport{
                TLSClientConfig: &tls.Config{InsecureSkipVerify: skipTLSVerify}, //nolint:gosec
            },
        },
    }
}
'''))])

case('go-38-cert-client-resty-without-timeout', 'https://github.com/hm-edu/harica/pull/59',
     'a certificate-authority client is built on resty.New() with retries but no timeout; a CA that never answers holds the backend lock forever',
     files=[f('client/client.go', new=go('client', ['time', '', 'github.com/go-resty/resty/v2'], r'''
type Client struct {
    client *resty.Client
    token  string
}

func NewClient(baseURL string) *Client {
    r := resty.New(). //@TMO-01
        SetBaseURL(baseURL).
        SetRetryCount(3).
        SetRetryWaitTime(2 * time.Second).
        SetHeader("Accept", "application/json")
    return &Client{client: r}
}

func (c *Client) Certificate(id string) (*Certificate, error) {
    var cert Certificate
    _, err := c.client.R().SetAuthToken(c.token).SetResult(&cert).Get("/api/certificates/" + id)
    return &cert, err
}
'''))])

HARVEST = r'''
type Client struct {
    client  *http.Client
    request *http.Request
    buffer  *bytes.Buffer
    timeout time.Duration
}

func New(poller *conf.Poller, timeout time.Duration) (*Client, error) {
    transport := &http.Transport{
        Proxy:           http.ProxyFromEnvironment,
        TLSClientConfig: &tls.Config{InsecureSkipVerify: poller.UseInsecureTLS}, //nolint:gosec
    }
    client := &Client{timeout: timeout, buffer: new(bytes.Buffer)}
    client.client = &http.Client{Transport: transport, Timeout: timeout}
    return client, nil
}
'''
case('go-39-rest-collector-drops-template-timeout', 'https://github.com/NetApp/harvest/pull/4173',
     'a refactor of a REST collector client builds the http.Client from the transport alone; the timeout read from the template is stored but no longer set',
     files=[f('pkg/api/ontapi/rest/client.go', old=go('rest', ['bytes', 'crypto/tls', 'net/http', 'time', '', 'example.com/harvest/pkg/conf'], HARVEST),
              new=go('rest', ['bytes', 'crypto/tls', 'net/http', 'time', '', 'example.com/harvest/pkg/conf'], edit(HARVEST,
                  '    client.client = &http.Client{Transport: transport, Timeout: timeout}\n',
                  '    client.client = &http.Client{Transport: transport} //@TMO-01\n')))])

case('go-ok-14-scale-connector-client-with-timeout', 'https://github.com/IBM/ibm-spectrum-scale-csi-driver/pull/30',
     'clean: a storage REST connector builds its http.Client with a transport and a ten-second Timeout',
     files=[f('csiplugin/connectors/rest_v2.go', new=go('connectors', ['crypto/tls', 'crypto/x509', 'net/http', 'time'], r'''
func newRestV2(endpoint, user, password string, caCert []byte) *restV2 {
    tr := &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
    if len(caCert) > 0 {
        pool := x509.NewCertPool()
        pool.AppendCertsFromPEM(caCert)
        tr.TLSClientConfig.RootCAs = pool
    }
    return &restV2{
        httpClient: &http.Client{Transport: tr, Timeout: 10 * time.Second},
        endpoint:   endpoint,
        user:       user,
        password:   password,
    }
}
'''))])

# ============================================================== fasthttp pools, MEM-02
case('go-40-proxy-handler-acquires-request-never-releases', 'https://github.com/bakayolo/proxless/issues/2',
     'a fasthttp proxy handler acquires a pooled request and response for every call and never releases either',
     files=[f('internal/server/server.go', new=go('server', ['time', '', 'github.com/valyala/fasthttp'], r'''
type Server struct {
    client *fasthttp.Client
    routes RouteStore
}

func (s *Server) proxy(ctx *fasthttp.RequestCtx) {
    upstream, ok := s.routes.Lookup(string(ctx.Host()))
    if !ok {
        ctx.SetStatusCode(fasthttp.StatusNotFound)
        return
    }
    req := fasthttp.AcquireRequest() //@RES-01
    resp := fasthttp.AcquireResponse() //@RES-01
    ctx.Request.CopyTo(req)
    req.SetHost(upstream)
    if err := s.client.DoTimeout(req, resp, 30*time.Second); err != nil {
        ctx.SetStatusCode(fasthttp.StatusBadGateway)
        return
    }
    resp.CopyTo(&ctx.Response)
}
'''))])

case('go-ok-15-mq-send-releases-pooled-request', 'https://github.com/aliyunmq/mq-http-go-sdk/issues/16',
     'clean: a message-queue client acquires a pooled request and response and defers both releases, copying the body out first',
     files=[f('client.go', new=go('mq', ['time', '', 'github.com/valyala/fasthttp'], r'''
func (c *client) send(method, path string, body []byte) ([]byte, error) {
    req := fasthttp.AcquireRequest()
    defer fasthttp.ReleaseRequest(req)
    resp := fasthttp.AcquireResponse()
    defer fasthttp.ReleaseResponse(resp)
    req.Header.SetMethod(method)
    req.SetRequestURI(c.endpoint + path)
    req.SetBody(body)
    c.sign(req)
    if err := c.http.DoTimeout(req, resp, 35*time.Second); err != nil {
        return nil, err
    }
    if resp.StatusCode() >= 300 {
        return nil, parseError(resp.Body())
    }
    return append([]byte(nil), resp.Body()...), nil
}
'''))])

case('go-41-upstream-get-returns-body-after-release', 'https://github.com/valyala/fasthttp/issues/612',
     'a fasthttp GET helper returns resp.Body() while its deferred ReleaseResponse hands the response (and that byte slice) back to the pool',
     files=[f('upstream/get.go', new=go('upstream', ['errors', 'strconv', 'time', '', 'github.com/valyala/fasthttp'], r'''
func Get(url string, timeout time.Duration) ([]byte, error) {
    req := fasthttp.AcquireRequest()
    resp := fasthttp.AcquireResponse()
    defer func() {
        fasthttp.ReleaseRequest(req)
        fasthttp.ReleaseResponse(resp) //@~MEM-02
    }()
    req.SetRequestURI(url)
    if err := fasthttp.DoTimeout(req, resp, timeout); err != nil {
        return nil, err
    }
    if resp.StatusCode() != fasthttp.StatusOK {
        return nil, errors.New(strconv.Itoa(resp.StatusCode()))
    }
    return resp.Body(), nil //@MEM-02
}
'''))])

case('go-42-cache-reader-returns-buffer-to-pool-early', 'https://github.com/darkweak/storages/pull/47',
     'a cache storage parses a stored response from a pooled buffer and puts the buffer back in a defer, while the returned http.Response body still reads from it',
     files=[f('core/response.go', new=go('core', ['bufio', 'bytes', 'net/http', 'sync'], r'''
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func readResponse(raw []byte, req *http.Request) (*http.Response, error) {
    buf := bufPool.Get().(*bytes.Buffer)
    defer func() {
        buf.Reset()
        bufPool.Put(buf) //@MEM-02
    }()
    buf.Write(raw)
    return http.ReadResponse(bufio.NewReader(buf), req)
}
'''))])

case('go-43-pooled-transport-context-escapes-to-goroutine', 'https://github.com/go-kratos/kratos/pull/3072',
     'a transport pools its per-request context objects; the handler hands one to a logging goroutine and the deferred Put recycles it while that goroutine may still read it',
     files=[f('transport/http/context.go', new=go('http', ['net/http', 'sync'], r'''
type wrapper struct {
    req *http.Request
    res http.ResponseWriter
    op  string
}

var ctxPool = sync.Pool{New: func() any { return new(wrapper) }}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
    c := ctxPool.Get().(*wrapper)
    c.req, c.res, c.op = r, w, operation(r)
    defer func() {
        *c = wrapper{}
        ctxPool.Put(c) //@MEM-02
    }()
    go s.accessLog(c) //@~CONC-01
    s.router.ServeHTTP(w, r)
}
'''))])

case('go-ok-16-frame-bytes-cloned-before-put', 'https://github.com/go-kratos/kratos/pull/3072',
     'clean: an encoder builds a frame in a pooled bytes.Buffer, clones the bytes before Put, and only the clone leaves the function',
     files=[f('encoding/frame.go', new=go('encoding', ['bytes', 'encoding/binary', 'sync'], r'''
var framePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Frame prefixes payload with its length; the result does not alias pooled memory.
func Frame(payload []byte) []byte {
    buf := framePool.Get().(*bytes.Buffer)
    buf.Reset()
    var n [4]byte
    binary.BigEndian.PutUint32(n[:], uint32(len(payload)))
    buf.Write(n[:])
    buf.Write(payload)
    out := bytes.Clone(buf.Bytes())
    framePool.Put(buf)
    return out
}
'''))])

# ============================================================== LOG-01 / LOG-02 (Go)
INSERT = r'''
type Table struct {
    name   string
    pager  *Pager
    logger *zap.Logger
}

// Insert appends rows to the table, splitting pages as they fill up.
func (t *Table) Insert(ctx context.Context, rows []Row) error {
    for i, row := range rows {
        cell, err := t.encode(row)
        if err != nil {
            return fmt.Errorf("row %d: %w", i, err)
        }
        if err := t.pager.Append(ctx, cell); err != nil {
            return err
        }
    }
    return nil
}
'''
case('go-44-insert-path-sugared-debug-per-row', 'https://github.com/RichardKnop/minisql/pull/118',
     'the insert hot path of a small database logs every row through Sugar().With(...).Debugf, which allocates even when debug is off; go.mod gains zap in the same change',
     files=[f('internal/minisql/insert.go', old=go('minisql', ['context', 'fmt', '', 'go.uber.org/zap'], INSERT),
              new=go('minisql', ['context', 'fmt', '', 'go.uber.org/zap'], edit(INSERT, '''        if err := t.pager.Append(ctx, cell); err != nil {
''', '''        t.logger.Sugar().With("table", t.name, "row", i).Debugf("inserting cell of %d bytes: %+v", len(cell), row) //@LOG-01|LOG-02
        if err := t.pager.Append(ctx, cell); err != nil {
'''))),
            f('go.mod', old=gomod('minisql', []).replace('require (\n)\n', ''), new=gomod('minisql', ['go.uber.org/zap v1.27.0']))])

case('go-45-pod-cache-debug-message-built-with-sprintf', 'https://github.com/microsoft/retina/pull/1623',
     'a per-packet IP-to-pod lookup logs its hit at debug level through fmt.Sprintf, so the key string is built on every lookup even with debug off',
     files=[f('pkg/controllers/cache/lookup.go', new=go('cache', ['fmt', 'net/netip', '', 'go.uber.org/zap'], r'''
// PodByIP is called for every flow the agent observes.
func (c *Cache) PodByIP(ip netip.Addr) (*Pod, bool) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    pod, ok := c.podsByIP[ip]
    if ok {
        c.l.Debug(fmt.Sprintf("pod found for IP %s: %s/%s", ip, pod.Namespace, pod.Name)) //@LOG-02
    }
    return pod, ok
}

type Cache struct {
    l *zap.Logger
}
'''))])

case('go-ok-17-pod-cache-debug-behind-check', 'https://github.com/microsoft/retina/pull/1623',
     'clean: the same lookup asks the logger whether debug is enabled (zap Check) before building any field, so the hot path costs nothing with debug off',
     files=[f('pkg/controllers/cache/lookup.go', new=go('cache', ['net/netip', '', 'go.uber.org/zap', 'go.uber.org/zap/zapcore'], r'''
// PodByIP is called for every flow the agent observes.
func (c *Cache) PodByIP(ip netip.Addr) (*Pod, bool) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    pod, ok := c.podsByIP[ip]
    if ok {
        if ce := c.l.Check(zapcore.DebugLevel, "pod found for IP"); ce != nil {
            ce.Write(zap.Stringer("ip", ip), zap.String("pod", pod.Namespace+"/"+pod.Name))
        }
    }
    return pod, ok
}

type Cache struct {
    l *zap.Logger
}
'''))])

case('go-46-consumer-warns-per-rejected-message', 'https://github.com/getsentry/arroyo/pull/422',
     'a Kafka consumer (kafka-go) writes a zerolog warning for every message its full buffer rejects: a flood, and a slower consumer, exactly when the buffer is under pressure',
     files=[f('consumer/run.go', new=go('consumer', ['context', '', 'github.com/rs/zerolog', 'github.com/segmentio/kafka-go'], r'''
type Consumer struct {
    reader *kafka.Reader
    buffer *Buffer
    log    zerolog.Logger
}

func (c *Consumer) Run(ctx context.Context) error {
    for {
        msg, err := c.reader.FetchMessage(ctx)
        if err != nil {
            return err
        }
        if !c.buffer.TryAdd(msg) {
            c.log.Warn().Str("topic", msg.Topic).Int("partition", msg.Partition).Int64("offset", msg.Offset). //@LOG-01
                Msg("buffer full, message rejected")
            continue
        }
        if err := c.reader.CommitMessages(ctx, msg); err != nil {
            return err
        }
    }
}
'''))])

case('go-47-remote-write-logs-every-sample-info', 'https://github.com/opstrace/opstrace/pull/975',
     'a remote-write proxy logs each forwarded sample at info level with slog inside its loop over the batch; busy tenants send hundreds per request',
     files=[f('go/cmd/proxy/write.go', new=go('main', ['context', 'log/slog'], r'''
func (p *Proxy) forward(ctx context.Context, tenant string, batch []Sample) error {
    for _, s := range batch {
        slog.InfoContext(ctx, "forwarding sample", "tenant", tenant, "series", s.Labels.String(), "ts", s.Timestamp) //@LOG-01
        p.queue.Add(tenant, s)
    }
    return p.queue.Flush(ctx)
}
'''))])

# ============================================================== TX-01 / TX-02 (Go)
case('go-48-register-instance-sqlx-tx-without-rollback', 'https://github.com/flatcar/nebraska/pull/500',
     'an update server registers an instance in an sqlx transaction; the upsert error returns leave the transaction (and its connection) open. A generated model file travels with it',
     files=[f('backend/pkg/api/instances.go', new=go('api', ['fmt', 'time'], r'''
// RegisterInstance records an instance and its application version in one transaction.
func (api *API) RegisterInstance(instanceID, alias, ip, version, appID, groupID string) (*Instance, error) {
    tx, err := api.db.Beginx() //@TX-01
    if err != nil {
        return nil, err
    }
    if _, err := tx.Exec(upsertInstanceSQL, instanceID, alias, ip, time.Now().UTC()); err != nil {
        return nil, fmt.Errorf("upsert instance: %w", err)
    }
    if _, err := tx.Exec(upsertAppSQL, instanceID, appID, groupID, version); err != nil {
        return nil, fmt.Errorf("upsert instance application: %w", err)
    }
    if err := tx.Commit(); err != nil {
        return nil, err
    }
    return api.GetInstance(instanceID, appID)
}
''')),
            f('backend/pkg/api/models_gen.go', new=go('api', ['time'], r'''
type Instance struct {
    ID        string    `db:"id" json:"id"`
    IP        string    `db:"ip" json:"ip"`
    CreatedTs time.Time `db:"created_ts" json:"created_ts"`
    Alias     string    `db:"alias" json:"alias"`
}
''', header='// Code generated by sqlboiler-lite; DO NOT EDIT.\n\n'))])

case('go-49-stability-check-continues-past-open-tx', 'https://github.com/pingcap/octopus/pull/28',
     'a bank stability check opens a transaction per iteration and, on a failed statement, continues the loop without rolling it back',
     files=[f('stability-tester/bank/transfer.go', new=go('bank', ['context', 'database/sql', 'math/rand', '', 'github.com/ngaut/log'], r'''
func (c *BankCase) transferLoop(ctx context.Context, db *sql.DB, accounts int) {
    for ctx.Err() == nil {
        from, to := rand.Intn(accounts), rand.Intn(accounts)
        if from == to {
            continue
        }
        amount := rand.Intn(100)
        tx, err := db.BeginTx(ctx, nil) //@TX-01
        if err != nil {
            log.Errorf("begin: %v", err)
            continue
        }
        if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, from); err != nil {
            log.Errorf("debit %d: %v", from, err)
            continue
        }
        if _, err := tx.ExecContext(ctx, "UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to); err != nil {
            log.Errorf("credit %d: %v", to, err)
            continue
        }
        if err := tx.Commit(); err != nil {
            log.Errorf("commit: %v", err)
        }
    }
}
'''))])

case('go-50-subscription-store-tx-left-open-on-conflict', 'https://github.com/interuss/dss/pull/297',
     'a subscription store opens a transaction, and its version-conflict branch returns a typed error without rolling back',
     files=[f('pkg/scd/store/subscriptions.go', new=go('store', ['context', 'database/sql', 'errors', 'fmt'], r'''
var ErrVersionMismatch = errors.New("subscription version mismatch")

func (s *Store) UpsertSubscription(ctx context.Context, sub *Subscription) (*Subscription, error) {
    tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable}) //@TX-01
    if err != nil {
        return nil, err
    }
    var version int64
    err = tx.QueryRowContext(ctx, `SELECT version FROM subscriptions WHERE id = $1 FOR UPDATE`, sub.ID).Scan(&version)
    switch {
    case errors.Is(err, sql.ErrNoRows):
        version = 0
    case err != nil:
        tx.Rollback()
        return nil, fmt.Errorf("read version: %w", err)
    }
    if version != sub.Version {
        return nil, ErrVersionMismatch
    }
    if _, err := tx.ExecContext(ctx, upsertSubscriptionSQL, sub.ID, sub.Owner, sub.URL, version+1); err != nil {
        tx.Rollback()
        return nil, err
    }
    if err := tx.Commit(); err != nil {
        return nil, err
    }
    sub.Version = version + 1
    return sub, nil
}
'''))])

case('go-51-route-rule-update-drops-commit-error', 'https://github.com/bfenetworks/api-server/pull/27',
     'a gateway API server updates route rules in a transaction and ignores the error of Commit, answering success when the commit failed',
     files=[f('model/route_rule.go', new=go('model', ['context', '', 'gorm.io/gorm'], r'''
func (m *RouteRuleManager) UpsertRules(ctx context.Context, product string, rules []RouteRule) error {
    tx := m.db.WithContext(ctx).Begin()
    if tx.Error != nil {
        return tx.Error
    }
    if err := tx.Where("product = ?", product).Delete(&RouteRule{}).Error; err != nil {
        tx.Rollback()
        return err
    }
    if err := tx.Create(&rules).Error; err != nil {
        tx.Rollback()
        return err
    }
    tx.Commit() //@TX-02
    return nil
}

var _ *gorm.DB
'''))])

case('go-ok-18-record-store-transactional-closure', 'https://github.com/pocketbase/dbx/issues/6',
     'clean: a store runs its two inserts inside db.Transactional(func(tx) error), which commits or rolls back for it; no explicit Rollback is written',
     files=[f('daos/record.go', new=go('daos', ['fmt', '', 'github.com/pocketbase/dbx'], r'''
func (d *Dao) SaveWithAudit(rec *Record, actor string) error {
    return d.db.Transactional(func(tx *dbx.Tx) error {
        if err := tx.Model(rec).Insert(); err != nil {
            return fmt.Errorf("insert record: %w", err)
        }
        entry := &AuditEntry{RecordID: rec.ID, Actor: actor, Action: "create"}
        if err := tx.Model(entry).Insert(); err != nil {
            return fmt.Errorf("insert audit entry: %w", err)
        }
        return nil
    })
}
'''))])

# ============================================================== ERR-01 (Go)
case('go-52-config-loader-discards-unmarshal-error', 'https://github.com/kisielk/errcheck/issues/123',
     'a config loader (a Windows-edited file, CRLF line ends) assigns the error of yaml.Unmarshal to the blank identifier; a broken file yields zero limits',
     files=[f('internal/config/load.go', crlf=True, new=go('config', ['os', '', 'gopkg.in/yaml.v3'], r'''
type Limits struct {
    MaxConns    int `yaml:"max_conns"`
    MaxBodySize int `yaml:"max_body_size"`
}

func Load(path string) (*Limits, error) {
    raw, err := os.ReadFile(path)
    if err != nil {
        return nil, err
    }
    var l Limits
    _ = yaml.Unmarshal(raw, &l) //@ERR-01
    return &l, nil
}
'''))])

case('go-53-host-announce-ignores-port-parse-error', 'https://github.com/NebulousLabs/Sia/issues/883',
     'a host announcement parser throws away the error of strconv.Atoi, so a malformed port is announced as port 0',
     files=[f('modules/host/announce.go', new=go('host', ['net', 'strconv'], r'''
func parseNetAddress(addr string) (string, int, error) {
    host, portStr, err := net.SplitHostPort(addr)
    if err != nil {
        return "", 0, err
    }
    port, _ := strconv.Atoi(portStr) //@ERR-01
    return host, port, nil
}
'''))])

case('go-54-odbc-exec-shadowed-error-lost', 'https://github.com/weigj/go-odbc/pull/16',
     'a statement executor with a named error result shadows err inside a block with :=, so the bind failure is dropped and nil is returned',
     files=[f('statement.go', new=go('odbc', [], r'''
func (stmt *Statement) Execute(params ...interface{}) (err error) {
    if len(params) > 0 {
        for i, p := range params {
            err := stmt.bindParam(i+1, p) //@ERR-01
            if err != nil {
                break
            }
        }
    }
    if err != nil {
        return err
    }
    return stmt.exec()
}
'''))])

case('go-ok-19-synthetics-best-effort-close-commented', 'https://github.com/elastic/beats/pull/32542',
     'clean: a runner closes its JSON writer after the process ends with _ = and a comment saying why the error is irrelevant there; other errors are returned',
     files=[f('x-pack/heartbeat/monitors/browser/synthexec/run.go', new=go('synthexec', ['os/exec'], r'''
func runCmd(cmd *exec.Cmd, w *jsonWriter) error {
    if err := cmd.Start(); err != nil {
        return err
    }
    waitErr := cmd.Wait()
    // The writer only forwards lines already consumed; after the process has exited a
    // close error cannot lose data, and waitErr is the failure the caller needs.
    _ = w.Close()
    return waitErr
}
'''))])

# ============================================================== RES-01: watches and subscriptions
case('go-55-summary-client-watch-not-stopped-on-error', 'https://github.com/rancher/wrangler/pull/661',
     'a summarising watch wrapper (file renamed in the same change) opens the underlying watch and returns on a later setup error without stopping it',
     files=[f('pkg/summary/client/watch.go', rename_from='pkg/summary/client/simple.go',
              old=go('client', ['context', '', 'k8s.io/apimachinery/pkg/apis/meta/v1', 'k8s.io/apimachinery/pkg/watch'], r'''
func (c *summaryResourceClient) Watch(ctx context.Context, opts v1.ListOptions) (watch.Interface, error) {
    return c.client.Watch(ctx, opts)
}
'''),
              new=go('client', ['context', '', 'k8s.io/apimachinery/pkg/apis/meta/v1', 'k8s.io/apimachinery/pkg/watch'], r'''
func (c *summaryResourceClient) Watch(ctx context.Context, opts v1.ListOptions) (watch.Interface, error) {
    resp, err := c.client.Watch(ctx, opts) //@RES-01
    if err != nil {
        return nil, err
    }
    summarizer, err := c.newSummarizer(opts)
    if err != nil {
        return nil, err
    }
    out := make(chan watch.Event)
    go func() { //@~CONC-01
        defer close(out)
        for event := range resp.ResultChan() {
            event.Object = summarizer.Summarize(event.Object)
            out <- event
        }
    }()
    return &watcher{Interface: resp, events: out}, nil
}
'''))])

case('go-56-lb-reconnect-replaces-watchers', 'https://github.com/tuenti/kube2lb/pull/14',
     'a load-balancer controller reconnects by assigning new watchers over the old ones without stopping them; their channels and connections stay open',
     files=[f('kubernetes.go', new=go('main', ['context', '', 'k8s.io/apimachinery/pkg/apis/meta/v1', 'k8s.io/apimachinery/pkg/watch', 'k8s.io/client-go/kubernetes'], r'''
type KubernetesClient struct {
    clientset       *kubernetes.Clientset
    serviceWatcher  watch.Interface
    endpointWatcher watch.Interface
}

func (c *KubernetesClient) connect(ctx context.Context) error {
    var err error
    c.serviceWatcher, err = c.clientset.CoreV1().Services(v1.NamespaceAll).Watch(ctx, v1.ListOptions{}) //@RES-01
    if err != nil {
        return err
    }
    c.endpointWatcher, err = c.clientset.CoreV1().Endpoints(v1.NamespaceAll).Watch(ctx, v1.ListOptions{}) //@RES-01
    return err
}

// reconnect is called whenever one of the result channels closes.
func (c *KubernetesClient) reconnect(ctx context.Context) error {
    return c.connect(ctx)
}
'''))])

case('go-57-multi-namespace-watch-partial-failure', 'https://github.com/maistra/istio/pull/50',
     'a multi-namespace watch opens one watch per namespace and, when a later one fails, returns the error leaving the earlier watches running',
     files=[f('pkg/listwatch/listwatch.go', new=go('listwatch', ['context', '', 'k8s.io/apimachinery/pkg/apis/meta/v1', 'k8s.io/apimachinery/pkg/watch', 'k8s.io/client-go/tools/cache'], r'''
func newMultiWatch(ctx context.Context, lws map[string]cache.ListerWatcher, opts v1.ListOptions) (watch.Interface, error) {
    mw := &multiWatch{result: make(chan watch.Event)}
    for ns, lw := range lws {
        o := opts
        w, err := lw.Watch(o) //@RES-01
        if err != nil {
            return nil, err
        }
        mw.add(ns, w)
    }
    mw.start(ctx)
    return mw, nil
}
'''))])

case('go-ok-20-pod-watch-stop-channel-closed-by-caller', 'https://github.com/openshift/origin/pull/3078',
     'clean: a pod-watch helper returns the stop channel of its reflector and the hook executor defers closing it',
     files=[f('pkg/deploy/strategy/support/podwatch.go', new=go('support', ['time', '', 'k8s.io/api/core/v1', 'k8s.io/client-go/tools/cache'], r'''
// NewPodWatch returns a function yielding each new version of the pod, and the stop
// channel of the reflector behind it: the caller closes it when done.
func NewPodWatch(lw cache.ListerWatcher) (func() *v1.Pod, chan struct{}) {
    queue := cache.NewFIFO(cache.MetaNamespaceKeyFunc)
    stop := make(chan struct{})
    cache.NewReflector(lw, &v1.Pod{}, queue, 1*time.Minute).RunUntil(stop)
    return func() *v1.Pod { return cache.Pop(queue).(*v1.Pod) }, stop
}
''')),
            f('pkg/deploy/strategy/support/lifecycle.go', new=go('support', ['fmt', '', 'k8s.io/api/core/v1'], r'''
func (e *HookExecutor) waitForPod(pod *v1.Pod) error {
    next, stop := NewPodWatch(e.podListWatch(pod))
    defer close(stop)
    for {
        p := next()
        switch p.Status.Phase {
        case v1.PodSucceeded:
            return nil
        case v1.PodFailed:
            return fmt.Errorf("hook pod %s failed", p.Name)
        }
    }
}
'''))])

case('go-58-session-subscribes-nats-never-unsubscribes', 'https://github.com/topfreegames/pitaya/pull/48',
     'a game server subscribes a NATS subject per user session and never unsubscribes when the session closes: subscriptions and their goroutines pile up',
     files=[f('cluster/nats_rpc_server.go', new=go('cluster', ['fmt', '', 'github.com/nats-io/nats.go'], r'''
func (ns *NatsRPCServer) onSessionBind(uid string) error {
    subject := fmt.Sprintf("pitaya/%s/user/%s/push", ns.server.Type, uid)
    _, err := ns.conn.ChanSubscribe(subject, ns.userPushCh) //@RES-01
    if err != nil {
        return err
    }
    ns.sessions.OnClose(uid, func() {
        ns.log.Debugf("session %s closed", uid)
    })
    return nil
}

var _ = nats.ErrConnectionClosed
'''))])

REDISADAPTER = r'''
type Adapter struct {
    client *redis.Client
    log    *zap.Logger
}

func (a *Adapter) Subscribe(ctx context.Context, patterns []string, updates chan<- []byte) error {
    sub := a.client.PSubscribe(ctx, patterns...)
    msgs := sub.Channel()
    go func() { //@~CONC-01
        defer a.cleanup(sub, patterns)
        for {
            select {
            case <-ctx.Done():
                return
            case m, ok := <-msgs:
                if !ok {
                    return
                }
                updates <- []byte(m.Payload)
            }
        }
    }()
    return nil
}
'''
case('go-59-pubsub-adapter-unsubscribes-but-never-closes', 'https://github.com/wundergraph/cosmo/issues/2915',
     'a Redis pub/sub adapter (go-redis) cleans up with PUnsubscribe on an already-cancelled context and never Closes the PubSub, leaking its dedicated connection; a vendored copy of go-redis is bumped in the same change',
     files=[f('router/pkg/pubsub/redis/adapter.go', new=go('redis', ['context', '', 'github.com/redis/go-redis/v9', 'go.uber.org/zap'], edit(REDISADAPTER,
               '    sub := a.client.PSubscribe(ctx, patterns...)\n', '    sub := a.client.PSubscribe(ctx, patterns...) //@RES-01\n') + r'''
func (a *Adapter) cleanup(sub *redis.PubSub, patterns []string) {
    if err := sub.PUnsubscribe(context.Background(), patterns...); err != nil {
        a.log.Warn("failed to unsubscribe", zap.Error(err))
    }
}
''')),
            f('vendor/github.com/redis/go-redis/v9/pubsub_helpers.go', new=go('redis', ['context'], r'''
// subscribeOnce is an internal helper of the vendored client.
func (c *PubSub) subscribeOnce(ctx context.Context, channels ...string) error {
    cn, err := c.conn(ctx, channels)
    if err != nil {
        return err
    }
    return c.writeCmd(ctx, cn, "subscribe", channels)
}
''')),
            f('vendor/modules.txt', old='# github.com/redis/go-redis/v9 v9.5.1\n## explicit; go 1.18\ngithub.com/redis/go-redis/v9\n',
              new='# github.com/redis/go-redis/v9 v9.6.1\n## explicit; go 1.18\ngithub.com/redis/go-redis/v9\n')])

case('go-ok-21-pubsub-adapter-defers-close', 'https://github.com/wundergraph/cosmo/issues/2915',
     'clean: the fixed adapter defers sub.Close() in the subscription goroutine, which also unsubscribes on the server',
     files=[f('router/pkg/pubsub/redis/adapter.go', new=go('redis', ['context', '', 'github.com/redis/go-redis/v9', 'go.uber.org/zap'], edit(REDISADAPTER,
               '        defer a.cleanup(sub, patterns)\n', '        defer a.closeSub(sub)\n') + r'''
func (a *Adapter) closeSub(sub *redis.PubSub) {
    if err := sub.Close(); err != nil {
        a.log.Warn("close subscription", zap.Error(err))
    }
}
'''))])

# ============================================================== HTTP-01 (Go middleware)
case('go-60-capture-middleware-closes-and-drains-request-body', 'https://github.com/elastic/apm-agent-go/pull/569',
     'a body-capture middleware defers closing the request body (the server owns it) and drains the whole body before calling the next handler',
     files=[f('module/apmhttp/capture.go', new=go('apmhttp', ['bytes', 'io', 'net/http'], r'''
func CaptureBody(next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        defer r.Body.Close() //@HTTP-01
        body, err := io.ReadAll(r.Body)
        if err != nil {
            http.Error(w, "read body", http.StatusBadRequest)
            return
        }
        r.Body = io.NopCloser(bytes.NewReader(body))
        setCapturedBody(r, body)
        next.ServeHTTP(w, r)
    })
}
'''))])

case('go-61-audit-middleware-exports-in-defer-without-deadline', 'https://github.com/ENTERPILOT/GoModel/pull/94',
     'an audit-log middleware writes each entry to its exporter in a defer after the handler, a network call with no deadline that every request waits for',
     files=[f('internal/auditlog/middleware.go', new=go('auditlog', ['net/http', 'time'], r'''
func Middleware(exporter Exporter, next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        start := time.Now()
        rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
        defer func() {
            entry := Entry{Method: r.Method, Path: r.URL.Path, Status: rec.status, Duration: time.Since(start)}
            exporter.Export(entry) //@HTTP-01
        }()
        next.ServeHTTP(rec, r)
    })
}
'''))])

case('go-ok-22-handler-closes-its-own-body', 'https://github.com/SpecterOps/BloodHound/pull/1142',
     'clean: a handler (not a middleware) reads a bounded request body and defers its own close; redundant but harmless',
     files=[f('dcrtimed/timestamp.go', new=go('main', ['encoding/json', 'io', 'net/http'], r'''
func (d *DcrtimeStore) timestamp(w http.ResponseWriter, r *http.Request) {
    defer r.Body.Close()
    var req TimestampRequest
    if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil {
        http.Error(w, "invalid request", http.StatusBadRequest)
        return
    }
    reply, err := d.store(r.Context(), req.Digests)
    if err != nil {
        http.Error(w, "store failed", http.StatusInternalServerError)
        return
    }
    json.NewEncoder(w).Encode(reply)
}
'''))])


# ============================================================== most changes edit an existing file
# A pull request usually adds to a file that already exists. For the cases listed below the authored file is turned
# into a modification: the old text is the file with a few existing declarations (kept in the new text, before and
# after the added code), so the diff shows the new code as a hunk with git's three lines of context.
SIBLINGS_BEFORE = [
    '''type state int

const (
    stateIdle state = iota
    stateRunning
    stateStopped
)
''',
    '''const defaultPageSize = 100

func pageSize(n int) int {
    if n <= 0 || n > 1000 {
        return defaultPageSize
    }
    return n
}
''',
    '''// retryable reports whether a status code is worth another attempt.
func retryable(code int) bool {
    return code == 429 || code == 502 || code == 503 || code == 504
}
''',
]
SIBLINGS_AFTER = [
    '''func (s state) String() string {
    switch s {
    case stateRunning:
        return "running"
    case stateStopped:
        return "stopped"
    }
    return "idle"
}
''',
    '''// clamp keeps v within [lo, hi].
func clamp(v, lo, hi int) int {
    return max(lo, min(v, hi))
}
''',
    '''func joinKey(parts ...string) string {
    out := ""
    for i, p := range parts {
        if i > 0 {
            out += "/"
        }
        out += p
    }
    return out
}
''',
]


def _split_header(text):
    """(package and import block, declarations) of a Go file written by go()."""
    marker = '\n)\n\n' if '\nimport (\n' in text else None
    if marker:
        i = text.index(marker) + len(marker)
    else:
        i = text.index('\n\n') + 2
    return text[:i], text[i:]


def as_edit(name, variant):
    for c in CASES:
        if c['name'] != name:
            continue
        code = [x for x in c['files'] if x['path'].endswith('.go') and 'old' not in x and 'rename_from' not in x
                and not x['path'].endswith('_test.go') and 'DO NOT EDIT' not in x['new'].split('\n', 1)[0]]
        fl = code[0]
        head, decls = _split_header(fl['new'])
        before = indent_tabs(SIBLINGS_BEFORE[variant % 3])
        after = indent_tabs(SIBLINGS_AFTER[variant % 3]) if variant % 2 == 0 else ''
        fl['old'] = head + before + ('\n' + after if after else '')
        fl['new'] = head + before + '\n' + decls + ('\n' + after if after else '')
        return
    raise KeyError(name)


from cases_common import indent_tabs  # noqa: E402

for i, n in enumerate([
        'go-02-machine-metadata-status-check-before-defer', 'go-05-object-proxy-serves-body-without-close',
        'go-08-backfill-row-count-reassigns-rows', 'go-09-metric-store-relies-on-next-to-close',
        'go-10-project-store-find-cursor-not-closed', 'go-11-host-status-cursor-closed-only-at-end',
        'go-12-change-stream-recreated-old-stream-kept', 'go-13-aggregate-helper-cursor-left-open',
        'go-15-runner-stream-cancel-reassigned-early-return', 'go-17-ping-loop-cancels-only-on-stop',
        'go-19-update-check-request-uses-background', 'go-20-contact-handler-queries-with-background',
        'go-22-duty-waits-for-two-thirds-with-sleep', 'go-24-polling-server-sleeps-after-done-check',
        'go-25-dns-server-serves-packets-in-bare-goroutines', 'go-26-limiter-renewal-goroutine-unrecovered',
        'go-27-executor-runs-parallel-steps-without-recover', 'go-30-fanout-install-errgroup-wait-dropped',
        'go-31-untar-defers-close-per-entry', 'go-33-order-client-dials-per-call',
        'go-34-commithook-dials-each-tick-leaks-on-error', 'go-36-rest-client-built-without-timeout',
        'go-40-proxy-handler-acquires-request-never-releases', 'go-42-cache-reader-returns-buffer-to-pool-early',
        'go-46-consumer-warns-per-rejected-message', 'go-47-remote-write-logs-every-sample-info',
        'go-49-stability-check-continues-past-open-tx', 'go-50-subscription-store-tx-left-open-on-conflict',
        'go-51-route-rule-update-drops-commit-error', 'go-53-host-announce-ignores-port-parse-error',
        'go-56-lb-reconnect-replaces-watchers', 'go-58-session-subscribes-nats-never-unsubscribes',
        'go-61-audit-middleware-exports-in-defer-without-deadline',
        'go-ok-03-notification-settings-chunk-defers-cursor-close', 'go-ok-05-replicator-sleeps-on-timer-or-done',
        'go-ok-08-retry-waits-on-timer-or-context', 'go-ok-12-untar-entry-extracted-in-own-function',
        'go-ok-13-commithook-owns-conn-closes-in-stop', 'go-ok-15-mq-send-releases-pooled-request',
        'go-ok-18-record-store-transactional-closure', 'go-ok-22-handler-closes-its-own-body']):
    as_edit(n, i)
