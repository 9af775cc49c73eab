"""Round-83 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, go, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
G, GV = heldoutlib.go_version, heldoutlib.go_versions


# ---------------------------------------------------------------- RES-04 / TMO-03: Feast lookups of a model-serving transformer (merlin)
MERLIN = template('merlin-feast-retriever', r'''
// FeastRetriever looks up the online features a model's transformer adds to each prediction request.
type FeastRetriever struct {
    feastClient FeastClient
    entitySet   []*spec.Entity
    options     *Options
    logger      *zap.Logger
}

// NewFeastRetriever keeps one Feast client for the life of the transformer; the client owns a gRPC connection.
func NewFeastRetriever(feastClient FeastClient, entitySet []*spec.Entity, options *Options, logger *zap.Logger) *FeastRetriever {
    return &FeastRetriever{feastClient: feastClient, entitySet: entitySet, options: options, logger: logger}
}

// RetrieveFeatureOfEntityInRequest fetches the features of every entity named in the request body from Feast.
func (fr *FeastRetriever) RetrieveFeatureOfEntityInRequest(ctx context.Context, requestJson transTypes.JSONObject) ([]*transTypes.FeatureTable, error) {
    entities, err := fr.buildEntityRows(requestJson)
    if err != nil {
        return nil, fmt.Errorf("unable to build entity rows: %w", err)
    }
    if len(entities) == 0 {
        return nil, nil
    }

1|    client, err := feast.NewGrpcClient(fr.options.ServingURL, fr.options.ServingPort) //@RES-04
1|    if err != nil {
1|        return nil, fmt.Errorf("unable to connect to feast serving: %w", err)
1|    }
1|    defer client.Close()
1|
2|    ctx, _ = context.WithTimeout(ctx, fr.options.FeastTimeout) //@TMO-03
01|    ctx, cancel := context.WithTimeout(ctx, fr.options.FeastTimeout)
01|    defer cancel()

    req := &feast.OnlineFeaturesRequest{
        Project:  fr.options.Project,
        Entities: entities,
        Features: fr.featureNames(),
    }
02|    resp, err := fr.feastClient.GetOnlineFeatures(ctx, req)
1|    resp, err := client.GetOnlineFeatures(ctx, req)
    if err != nil {
        fr.logger.Warn("feast request failed", zap.String("project", fr.options.Project), zap.Error(err))
        return nil, fmt.Errorf("feast request failed: %w", err)
    }
    return fr.toFeatureTables(resp)
}
''')
cases_of(case, GH + 'caraml-dev/merlin/pull/277', 'api/pkg/transformer/feast/retriever.go',
         G('feast', ['context', 'fmt', '', 'feast github.com/feast-dev/feast/sdk/go', 'go.uber.org/zap', '',
                     'github.com/caraml-dev/merlin/pkg/transformer/spec',
                     'transTypes github.com/caraml-dev/merlin/pkg/transformer/types'])(MERLIN), [
             (1, 'go-00-merlin-feast-client-per-request',
              'an edit dials a new Feast serving client for every prediction request, so each request pays a gRPC '
              'handshake and the transformer piles up connection goroutines under load', 'edit'),
             (2, 'go-00-merlin-feast-timeout-cancel-dropped',
              'an edit bounds the Feast lookup with a timeout whose cancel function is thrown away, so every request '
              'leaves a timer and its context alive until the timeout fires', 'edit'),
             (0, 'go-ok-00-merlin-feast-shared-client',
              'clean: the fix uses the retriever\'s shared client under a cancelled timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: HTTP handler of a feature store's Go feature server (feast)
FEAST = template('feast-http-online-features', r'''
func (s *httpServer) getOnlineFeatures(w http.ResponseWriter, r *http.Request) {
    if r.Method != http.MethodPost {
        http.NotFound(w, r)
        return
    }

    var request getOnlineFeaturesRequest
    if err := json.NewDecoder(r.Body).Decode(&request); err != nil {
        http.Error(w, fmt.Sprintf("Error decoding JSON request data: %+v", err), http.StatusInternalServerError)
        return
    }
    entities, err := request.entityValues()
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadRequest)
        return
    }

    query := request.toQuery(entities)
    record, err := s.fs.GetOnlineFeaturesRecord(r.Context(), query)
    if err != nil {
        http.Error(w, fmt.Sprintf("Error getting feature vector: %+v", err), http.StatusInternalServerError) //@{1}RES-01
        return
    }
02|    defer record.Release()

    results := make([]map[string]interface{}, 0, record.NumCols())
    for i, field := range record.Schema().Fields() {
        values, err := types.ArrowValuesToProtoValues(record.Column(i))
        if err != nil {
            http.Error(w, fmt.Sprintf("Error converting column %s: %+v", field.Name, err), http.StatusInternalServerError)
            return
        }
2|        for row, value := range values {
2|            log.Info().Msgf("feature %s row %d value %v", field.Name, row, value) //@LOG-01
2|        }
        results = append(results, map[string]interface{}{"name": field.Name, "values": values})
    }

    w.Header().Set("Content-Type", "application/json")
    if err := json.NewEncoder(w).Encode(map[string]interface{}{"results": results}); err != nil {
        log.Error().Err(err).Msg("writing online features response")
    }
}
''')
cases_of(case, GH + 'feast-dev/feast/pull/4291', 'go/internal/feast/server/http_server.go',
         G('server', ['encoding/json', 'fmt', 'net/http', '', 'github.com/feast-dev/feast/go/types',
                      'github.com/rs/zerolog/log'])(FEAST), [
             (1, 'go-00-feast-online-features-record-not-released',
              'an edit serves the online features without releasing the Arrow record, so the CGO allocator\'s '
              'memory grows with every request until the pod is killed', 'edit'),
             (2, 'go-00-feast-online-features-logs-every-value',
              'an edit logs every feature value of every row at info level, so a busy feature server writes '
              'thousands of log lines per request', 'edit'),
             (0, 'go-ok-00-feast-online-features-record-released',
              'clean: the fix releases the Arrow record once the response is built', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-03: tileset registry of an MBTiles map tile server (mbtileserver), new file
MBTILES = template('mbtileserver-service-set', r'''
// ServiceSet is the group of tilesets served under one root path. The file watcher adds and removes tilesets from
// its own goroutine while requests read them.
type ServiceSet struct {
    mu       sync.RWMutex
    tilesets map[string]*Tileset
    rootURL  *url.URL
    logger   *log.Logger
}

func NewServiceSet(rootURL *url.URL, logger *log.Logger) *ServiceSet {
    return &ServiceSet{tilesets: make(map[string]*Tileset), rootURL: rootURL, logger: logger}
}

// AddTileset opens an mbtiles file and serves it under id.
func (s *ServiceSet) AddTileset(filename, id string) error {
1|    db, _ := mbtiles.Open(filename) //@ERR-01
02|    db, err := mbtiles.Open(filename)
02|    if err != nil {
02|        return fmt.Errorf("could not open mbtiles file %q: %w", filename, err)
02|    }
    ts, err := newTileset(s, db, id)
    if err != nil {
        db.Close()
        return err
    }

01|    s.mu.Lock()
01|    defer s.mu.Unlock()
    if old, ok := s.tilesets[id]; ok {
        old.delete()
    }
    s.tilesets[id] = ts //@{2}CONC-03
    return nil
}

// Tileset returns the tileset served under id, or nil.
func (s *ServiceSet) Tileset(id string) *Tileset {
    s.mu.RLock()
    defer s.mu.RUnlock()
    return s.tilesets[id]
}

// RemoveTileset stops serving id and closes its file.
func (s *ServiceSet) RemoveTileset(id string) {
    s.mu.Lock()
    defer s.mu.Unlock()
    if ts, ok := s.tilesets[id]; ok {
        ts.delete()
        delete(s.tilesets, id)
    }
}
''')
cases_of(case, GH + 'consbio/mbtileserver/pull/80', 'handlers/serviceset.go',
         GV('handlers', {0: ['fmt', 'log', 'net/url', 'sync', '', 'github.com/brendan-ward/mbtiles-go'],
                         1: ['log', 'net/url', 'sync', '', 'github.com/brendan-ward/mbtiles-go'],
                         2: ['fmt', 'log', 'net/url', 'sync', '', 'github.com/brendan-ward/mbtiles-go']})(MBTILES), [
             (1, 'go-00-mbtileserver-new-service-set-open-error-dropped',
              'a new tileset registry drops the error of opening an mbtiles file, so a corrupted file is served as a '
              'nil database and the first tile request crashes the server', 'new'),
             (2, 'go-00-mbtileserver-new-service-set-map-written-without-lock',
              'a new tileset registry stores an added tileset without its lock, so the file watcher adding a file '
              'while tiles are served crashes the server with a concurrent map write', 'new'),
             (0, 'go-ok-00-mbtileserver-new-service-set',
              'clean: a new tileset registry that checks the open and stores tilesets under its lock', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-01: feature queries of an OGC features API server for PostGIS (pg_featureserv)
FEATURESERV = template('pg-featureserv-read-features', r'''
// readFeaturesWithArgs runs a feature query and turns each row into a GeoJSON feature. The context carries the
// request's cancellation and the server's write timeout.
func readFeaturesWithArgs(ctx context.Context, db *pgxpool.Pool, sql string, args []interface{}, idColIndex int, propCols []string) ([]string, error) {
    start := time.Now()
1|    rows, err := db.Query(context.Background(), sql, args...) //@TMO-02
02|    rows, err := db.Query(ctx, sql, args...)
    if err != nil {
        log.Warnf("Error running Features query: %v", err) //@{2}RES-01
        return nil, err
    }
01|    defer rows.Close()
    data, err := scanFeatures(ctx, rows, idColIndex, propCols)
    if err != nil {
        return nil, err
    }
    log.Debugf("%d features read in %v", len(data), time.Since(start))
    return data, nil
}

func scanFeatures(ctx context.Context, rows pgx.Rows, idColIndex int, propCols []string) ([]string, error) {
    var data []string
    for rows.Next() {
        if err := ctx.Err(); err != nil {
            return nil, err
        }
        values, err := rows.Values()
        if err != nil {
            log.Warnf("Error scanning row for Feature: %v", err)
            continue
        }
        data = append(data, makeFeatureJSON(values, idColIndex, propCols))
    }
    if err := rows.Err(); err != nil {
        return nil, err
    }
    return data, nil
}
''')
cases_of(case, GH + 'CrunchyData/pg_featureserv/pull/38', 'internal/data/db_sql.go',
         G('data', ['context', 'time', '', 'github.com/jackc/pgx/v4', 'github.com/jackc/pgx/v4/pgxpool',
                    'log github.com/sirupsen/logrus'])(FEATURESERV), [
             (1, 'go-00-pg-featureserv-query-on-background-context',
              'an edit runs the feature query on a background context, so a client that gives up or a request that '
              'times out leaves the query running in the database', 'edit'),
             (2, 'go-00-pg-featureserv-rows-never-closed',
              'an edit drops the close of the query\'s rows, so a request that stops reading early keeps its pooled '
              'connection and the pool runs dry', 'edit'),
             (0, 'go-ok-00-pg-featureserv-query-on-request-context',
              'clean: the fix runs the query on the request\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: annotation sources of a VCF annotator (vcfanno), moved code
VCFANNO = template('vcfanno-source-headers', r'''
// addHeaders copies the INFO header lines of every annotation source into the query's header.
func (a *Annotator) addHeaders(h *vcfgo.Header) error {
    for _, src := range a.Sources {
        if !strings.HasSuffix(src.File, ".vcf") && !strings.HasSuffix(src.File, ".vcf.gz") {
            continue
        }
02|        srcHeader, err := readSourceHeader(src.File)
02|        if err != nil {
02|            return err
02|        }
1|        fh, err := xopen.Ropen(src.File)
1|        if err != nil {
1|            return fmt.Errorf("open annotation %s: %w", src.File, err)
1|        }
1|        defer fh.Close() //@RES-03
1|        rdr, err := vcfgo.NewReader(fh, true)
1|        if err != nil {
1|            return fmt.Errorf("read header of %s: %w", src.File, err)
1|        }
1|        srcHeader := rdr.Header
        for i, field := range src.Fields {
            info, ok := srcHeader.Infos[field]
            if !ok {
                log.Printf("warning: %s has no INFO field %s", src.File, field)
                continue
            }
            h.Infos[src.Names[i]] = renamedInfo(info, src.Names[i], src.Ops[i])
        }
    }
    return nil
}
02|
02|// readSourceHeader reads the header of one annotation file and closes the file again.
02|func readSourceHeader(path string) (*vcfgo.Header, error) {
02|    fh, err := xopen.Ropen(path)
02|    if err != nil {
02|        return nil, fmt.Errorf("open annotation %s: %w", path, err)
02|    }
02|    defer fh.Close()
2|    rdr, _ := vcfgo.NewReader(fh, true) //@ERR-01
0|    rdr, err := vcfgo.NewReader(fh, true)
0|    if err != nil {
0|        return nil, fmt.Errorf("read header of %s: %w", path, err)
0|    }
02|    return rdr.Header, nil
02|}
''')
cases_of(case, GH + 'brentp/vcfanno/issues/14', 'api/headers.go',
         G('api', ['fmt', 'log', 'strings', '', 'github.com/brentp/vcfgo', 'github.com/brentp/xopen'])(VCFANNO), [
             (1, 'go-00-vcfanno-annotation-headers-defer-close-in-loop',
              'an edit inlines the header reader into the loop over annotation sources and defers each file\'s '
              'close to the end of the loop, so a config with many sources runs out of file handles', 'edit'),
             (2, 'go-00-vcfanno-annotation-header-error-dropped',
              'an edit drops the error of reading an annotation file\'s header, so a truncated or non-VCF source '
              'crashes the annotator on a nil reader instead of naming the file', 'edit'),
             (0, 'go-ok-00-vcfanno-annotation-headers-closed-per-file',
              'clean: the fix reads each source\'s header in its own function that closes the file', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TX-02: diff import and state file of an OSM importer (imposm3)
IMPOSM = template('imposm3-diff-state', r'''
// importDiff applies one OSM change file inside a single transaction and then records the change's sequence and time
// in the state file, which the next run reads to know where to continue.
func importDiff(db *sql.DB, diffFile string, state *DiffState, stateFile string) error {
    tx, err := db.Begin()
    if err != nil {
        return err
    }
    if err := applyChanges(tx, diffFile); err != nil {
        tx.Rollback()
        return fmt.Errorf("importing %s: %w", diffFile, err)
    }
2|    tx.Commit() //@TX-02
01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("committing %s: %w", diffFile, err)
01|    }
    return writeState(stateFile, state)
}

// writeState stores the state of the last imported change. The OSM replication servers publish their state times in
// UTC, with a trailing Z, and the next run compares them against this file.
func writeState(path string, state *DiffState) error {
    if state.Time.Before(time.Unix(0, 0)) {
        // Some extracts carry no valid timestamp in their header; a state without time is still usable.
        state.Time = time.Time{}
    }
    lines := []string{fmt.Sprintf("sequenceNumber=%d", state.Sequence)}
    if !state.Time.IsZero() {
1|        lines = append(lines, "timestamp="+state.Time.Format("2006-01-02T15\\:04\\:05Z")) //@TIME-01
02|        lines = append(lines, "timestamp="+state.Time.UTC().Format("2006-01-02T15\\:04\\:05Z"))
    }
    if state.URL != "" {
        lines = append(lines, "replicationUrl="+state.URL)
    }
    tmp := path + "~"
    if err := os.WriteFile(tmp, []byte(strings.Join(lines, "\n")+"\n"), 0644); err != nil {
        return err
    }
    return os.Rename(tmp, path)
}
''')
cases_of(case, GH + 'omniscale/imposm3/pull/245', 'update/diff.go',
         G('update', ['database/sql', 'fmt', 'os', 'strings', 'time'])(IMPOSM), [
             (1, 'go-00-imposm3-state-time-written-in-local-zone',
              'an edit writes the state file\'s timestamp in the machine\'s zone with a Z suffix, so a server off '
              'UTC resumes replication hours before or after the last imported change', 'edit'),
             (2, 'go-00-imposm3-diff-commit-unchecked',
              'an edit commits the diff import without checking the commit, so a dropped database connection '
              'still advances the state file past a change that never landed', 'edit'),
             (0, 'go-ok-00-imposm3-state-time-in-utc',
              'clean: the fix writes the state time in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: HTTP range reads of a map tile archive server (go-pmtiles), renamed file
PMTILES = template('go-pmtiles-http-bucket', r'''
// HTTPBucket reads byte ranges of archives served by a plain HTTP server or a CDN.
type HTTPBucket struct {
    baseURL string
    client  *http.Client
}

func NewHTTPBucket(baseURL string) *HTTPBucket {
1|    return &HTTPBucket{baseURL: baseURL, client: &http.Client{}} //@TMO-01
02|    return &HTTPBucket{baseURL: baseURL, client: &http.Client{Timeout: 30 * time.Second}}
}

// NewRangeReader asks for length bytes of key starting at offset; the caller closes the reader.
func (b HTTPBucket) NewRangeReader(ctx context.Context, key string, offset, length int64) (io.ReadCloser, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.baseURL+"/"+key, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", offset, offset+length-1))

    resp, err := b.client.Do(req)
    if err != nil {
        return nil, err //@{2}RES-02
    }
    if resp.StatusCode != http.StatusPartialContent && resp.StatusCode != http.StatusOK {
01|        resp.Body.Close()
        return nil, fmt.Errorf("range request for %s failed with status %s", key, resp.Status)
    }
    return resp.Body, nil
}

func (b HTTPBucket) Close() error {
    b.client.CloseIdleConnections()
    return nil
}
''')
cases_of(case, GH + 'protomaps/go-pmtiles/pull/147', 'pmtiles/bucket_http.go',
         GV('pmtiles', {0: ['context', 'fmt', 'io', 'net/http', 'time'], 1: ['context', 'fmt', 'io', 'net/http'],
                        2: ['context', 'fmt', 'io', 'net/http', 'time']})(PMTILES), [
             (1, 'go-00-go-pmtiles-renamed-bucket-client-without-timeout',
              'a PR moves the HTTP bucket into its own file and builds its client without a timeout, so an origin '
              'that stops answering holds every tile request of the server open for good', 'rename'),
             (2, 'go-00-go-pmtiles-renamed-bucket-error-body-not-closed',
              'a PR moves the HTTP bucket into its own file and returns on an unexpected status without closing '
              'the response, so an origin answering 404s leaks a connection per tile', 'rename'),
             (0, 'go-ok-00-go-pmtiles-renamed-bucket',
              'clean: the move alone; range reads have a timeout and close error responses', 'rename'),
         ], rename_from='pmtiles/bucket.go')


# ---------------------------------------------------------------- CONC-01 / TX-01: SQL cache store of a recommender system (gorse)
GORSE = template('gorse-sql-cache', r'''
// SQLDatabase keeps the recommendation cache in PostgreSQL or MySQL.
type SQLDatabase struct {
    client      *sql.DB
    tablePrefix string
    purgeEvery  time.Duration
}

// StartPurge removes expired cache entries in the background until ctx is done.
func (db *SQLDatabase) StartPurge(ctx context.Context) {
    go func() { //@{1}CONC-01
02|        defer util.CheckPanic()
        ticker := time.NewTicker(db.purgeEvery)
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-ticker.C:
                if err := db.purgeExpired(ctx); err != nil {
                    log.Logger().Warn("failed to purge expired cache entries", zap.Error(err))
                }
            }
        }
    }()
}

// SetSorted replaces the sorted set under name with scores, so readers never see half of a new ranking.
func (db *SQLDatabase) SetSorted(ctx context.Context, name string, scores []Score) error {
    tx, err := db.client.BeginTx(ctx, nil)
    if err != nil { //@{2}TX-01
        return errors.Trace(err)
    }
01|    defer tx.Rollback()
    if _, err = tx.ExecContext(ctx, "DELETE FROM "+db.tablePrefix+"sorted_sets WHERE name = $1", name); err != nil {
        return errors.Trace(err)
    }
    for _, s := range scores {
        if _, err = tx.ExecContext(ctx, "INSERT INTO "+db.tablePrefix+"sorted_sets (name, member, score) VALUES ($1, $2, $3)",
            name, s.Id, s.Score); err != nil {
            return errors.Trace(err)
        }
    }
    return errors.Trace(tx.Commit())
}
''')
cases_of(case, GH + 'gorse-io/gorse/issues/483', 'storage/cache/sql.go',
         GV('cache', {v: ['context', 'database/sql', 'time', '', 'github.com/juju/errors',
                          'github.com/zhenghaoz/gorse/base/log'] + ([] if v == 1 else ['github.com/zhenghaoz/gorse/base/util'])
                     + ['go.uber.org/zap'] for v in (0, 1, 2)})(GORSE), [
             (1, 'go-00-gorse-cache-purge-goroutine-without-recover',
              'an edit runs the cache purge in a bare goroutine, so one panic while purging brings down the whole '
              'gorse-in-one process', 'edit'),
             (2, 'go-00-gorse-sorted-set-tx-not-rolled-back',
              'an edit drops the deferred rollback of the sorted-set transaction, so a failed insert returns with '
              'the transaction open and its pooled connection held', 'edit'),
             (0, 'go-ok-00-gorse-cache-purge-goroutine-recovers',
              'clean: the fix recovers panics in the purge goroutine', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-03: model puller of a model-serving agent (kserve)
KSERVE = template('kserve-agent-puller', r'''
// Puller downloads the models of a multi-model server as their TrainedModel resources come and go.
type Puller struct {
    channelMap  map[string]*ModelChannel
    completions chan *ModelOp
2|    opStats     map[string]map[OpType]int
02|    waitGroup   WaitGroupWrapper
0|    workers     int
    Downloader  *Downloader
    logger      *zap.SugaredLogger
}

// processCommands hands every model operation to a goroutine.
func (p *Puller) processCommands(commands <-chan ModelOp) {
0|    queue := make(chan ModelOp, p.workers)
0|    for i := 0; i < p.workers; i++ {
0|        p.waitGroup.Add(1)
0|        go func() {
0|            defer p.waitGroup.Done()
0|            for op := range queue {
0|                p.modelProcessor(op)
0|            }
0|        }()
0|    }
    for command := range commands {
1|        go p.modelProcessor(command) //@CONC-02
2|        p.waitGroup.Add(1)
2|        go func(op ModelOp) {
2|            defer p.waitGroup.Done()
2|            p.modelProcessor(op)
2|            p.opStats[op.ModelName][op.Op]++ //@CONC-03
2|        }(command)
0|        queue <- command
    }
0|    close(queue)
    p.logger.Info("all model operations dispatched")
}

func (p *Puller) modelProcessor(op ModelOp) {
    switch op.Op {
    case Add:
        if err := p.Downloader.DownloadModel(op.ModelName, op.Spec); err != nil {
            p.logger.Errorf("failed to download model %s: %v", op.ModelName, err)
        }
    case Remove:
        if err := p.Downloader.RemoveModel(op.ModelName); err != nil {
            p.logger.Errorf("failed to remove model %s: %v", op.ModelName, err)
        }
    }
    p.completions <- &op
}
''')
cases_of(case, GH + 'kserve/kserve/issues/2100', 'pkg/agent/puller.go',
         G('agent', ['go.uber.org/zap'])(KSERVE), [
             (1, 'go-00-kserve-puller-goroutine-per-model',
              'an edit starts one download goroutine per model operation, so an agent restarting with hundreds of '
              'trained models downloads them all at once and runs out of memory and connections', 'edit'),
             (2, 'go-00-kserve-puller-op-stats-without-lock',
              'an edit counts finished operations in a map from every download goroutine, so two models finishing '
              'together crash the agent with a concurrent map write', 'edit'),
             (0, 'go-ok-00-kserve-puller-bounded-workers',
              'clean: the fix has a fixed number of workers take the model operations from a bounded queue', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: suggestion client of a hyperparameter tuning controller (katib)
KATIB = template('katib-suggestion-client', r'''
// SyncAssignments asks the experiment's suggestion service for the trials still missing.
func (g *General) SyncAssignments(ctx context.Context, instance *suggestionsv1beta1.Suggestion, e *experimentsv1beta1.Experiment,
    ts []trialsv1beta1.Trial) error {
    logger := log.WithValues("Suggestion", types.NamespacedName{Name: instance.GetName(), Namespace: instance.GetNamespace()})
    requestNum := int(instance.Spec.Requests) - int(instance.Status.SuggestionCount)
    if requestNum <= 0 {
        return nil
    }

    endpoint := util.GetAlgorithmEndpoint(instance)
    conn, err := grpc.Dial(endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()))
    if err != nil {
        return err
    }
    defer conn.Close()
    client := suggestionapi.NewSuggestionClient(conn)

1|    filledE, _ := g.ConvertExperiment(e) //@ERR-01
02|    filledE, err := g.ConvertExperiment(e)
02|    if err != nil {
02|        return fmt.Errorf("converting experiment %s: %w", e.Name, err)
02|    }
    request := &suggestionapi.GetSuggestionsRequest{
        Experiment:           filledE,
        Trials:               g.ConvertTrials(ts),
        CurrentRequestNumber: int32(requestNum),
        TotalRequestNumber:   int32(instance.Spec.Requests),
    }

2|    callCtx, cancel := context.WithTimeout(context.Background(), timeout) //@TMO-02
01|    callCtx, cancel := context.WithTimeout(ctx, timeout)
    defer cancel()
    response, err := client.GetSuggestions(callCtx, request)
    if err != nil {
        return err
    }
    logger.Info("Getting suggestions", "endpoint", endpoint, "Number of request parameters", requestNum,
        "Number of response parameters", len(response.ParameterAssignments))
    return g.appendAssignments(instance, response)
}
''')
cases_of(case, GH + 'kubeflow/katib/issues/1242', 'pkg/controller.v1beta1/suggestion/suggestionclient/suggestionclient.go',
         G('suggestionclient', ['context', 'fmt', '', 'google.golang.org/grpc',
                                'google.golang.org/grpc/credentials/insecure', 'k8s.io/apimachinery/pkg/types', '',
                                'experimentsv1beta1 github.com/kubeflow/katib/pkg/apis/controller/experiments/v1beta1',
                                'suggestionsv1beta1 github.com/kubeflow/katib/pkg/apis/controller/suggestions/v1beta1',
                                'trialsv1beta1 github.com/kubeflow/katib/pkg/apis/controller/trials/v1beta1',
                                'suggestionapi github.com/kubeflow/katib/pkg/apis/manager/v1beta1',
                                'github.com/kubeflow/katib/pkg/controller.v1beta1/util'])(KATIB), [
             (1, 'go-00-katib-suggestion-experiment-conversion-error-dropped',
              'an edit drops the error of converting the experiment for the suggestion service, so an experiment '
              'the converter cannot handle sends a nil experiment and the controller crashes on it', 'edit'),
             (2, 'go-00-katib-suggestion-call-on-background-context',
              'an edit bounds the suggestion call with a timeout on a background context, so a reconcile the '
              'manager cancels on shutdown keeps waiting on the suggestion service', 'edit'),
             (0, 'go-ok-00-katib-suggestion-experiment-conversion-checked',
              'clean: the fix checks the conversion before asking for suggestions', 'fix'),
         ])
