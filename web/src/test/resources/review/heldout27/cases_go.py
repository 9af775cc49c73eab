"""Round-27 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, or the fix that turns the first defect into the clean file (round 16's common16.cases_of).
Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


def GV(pkg, imports_of):
    """Like G, but the import block depends on the version (`imports_of[v]`), as goimports would leave it."""
    return lambda body: (lambda v: go(pkg, imports_of[v], variant(body, v)))


# ---------------------------------------------------------------- RES-02 / TMO-01: release prober (version_exporter)
VERSION_EXPORTER = r'''
var client = &http.Client{
    Timeout: 15 * time.Second,
}

// latestRelease asks the release API for the newest tag of one repository.
func latestRelease(ctx context.Context, repo string) (string, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.github.com/repos/"+repo+"/releases/latest", nil)
    if err != nil {
        return "", err
    }
0|    resp, err := client.Do(req)
1|    resp, err := client.Do(req) //@RES-02
2|    resp, err := (&http.Client{}).Do(req) //@TMO-01
    if err != nil {
02|        return "", fmt.Errorf("probe %s: %w", repo, err)
1|        return "", fmt.Errorf("probe release of %s: %w", repo, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("probe %s: status %d", repo, resp.StatusCode)
    }
    var rel struct {
        TagName string `json:"tag_name"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&rel); err != nil {
        return "", fmt.Errorf("decode %s: %w", repo, err)
    }
    return rel.TagName, nil
}
'''
cases_of(case, GH + 'caarlos0/version_exporter/pull/15', 'client/client.go',
         G('client', ['context', 'encoding/json', 'fmt', 'net/http', 'time'])(VERSION_EXPORTER), [
             (1, 'go-00-version-exporter-release-body-never-closed',
              'an edit drops the deferred close, so every scrape of every repository keeps a connection', 'edit'),
             (2, 'go-00-version-exporter-probe-on-client-without-timeout',
              'an edit probes through a fresh client with no timeout, so a stalled API blocks the scrape', 'edit'),
             (0, 'go-ok-00-version-exporter-shared-bounded-client-body-closed',
              'clean: the shared client with a timeout, body closed on return', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-02: migration runner (contest)
CONTEST = r'''
// applied returns the versions already recorded, read inside the migration transaction.
func applied(ctx context.Context, tx *sql.Tx) (map[int64]bool, error) {
    rows, err := tx.QueryContext(ctx, "SELECT version_id FROM goose_db_version WHERE is_applied = 1") //@{1}RES-01
    if err != nil {
02|        return nil, fmt.Errorf("list versions: %w", err)
1|        return nil, fmt.Errorf("list applied versions: %w", err)
    }
02|    defer rows.Close()
    done := map[int64]bool{}
    for rows.Next() {
        var v int64
        if err := rows.Scan(&v); err != nil {
            return nil, err
        }
        done[v] = true
    }
    return done, rows.Err()
}

// up applies one migration and records it in the same transaction.
func up(ctx context.Context, db *sql.DB, m Migration) error {
    tx, err := db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
        return fmt.Errorf("migration %d: %w", m.Version, err)
    }
    if _, err := tx.ExecContext(ctx, "INSERT INTO goose_db_version (version_id, is_applied) VALUES (?, 1)", m.Version); err != nil {
        return fmt.Errorf("record %d: %w", m.Version, err)
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    return nil
}
'''
cases_of(case, GH + 'facebookarchive/contest/pull/200', 'db/migrate/migrate.go',
         G('migrate', ['context', 'database/sql', 'fmt'])(CONTEST), [
             (1, 'go-00-contest-applied-versions-rows-never-closed',
              'an edit drops the deferred close of the rows, so the transaction cannot run its next statement', 'edit'),
             (2, 'go-00-contest-migration-commit-unchecked',
              'an edit commits without looking at the error and reports the migration as applied', 'edit'),
             (0, 'go-ok-00-contest-rows-deferred-commit-returned',
              'clean: rows closed on return, the commit error returned', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: cron runner (goclaw)
GOCLAW = r'''
// runDue starts every due job in its own goroutine and records its outcome.
func (s *Service) runDue(now time.Time) {
    for _, job := range s.store.Due(now) {
        job := job
        go func() { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    s.log.Error("cron job panicked", "job", job.ID, "panic", r, "stack", string(debug.Stack()))
02|                }
02|            }()
            out, err := s.exec.Run(s.ctx, job)
            if err != nil {
                s.log.Warn("cron job failed", "job", job.ID, "err", err)
            }
01|            if err := s.store.SaveResult(job.ID, out, err); err != nil {
01|                s.log.Error("save cron result", "job", job.ID, "err", err)
01|            }
2|            _ = s.store.SaveResult(job.ID, out, err) //@ERR-01
        }()
    }
}
'''
cases_of(case, GH + 'nextlevelbuilder/goclaw/pull/420', 'internal/cron/service_execution.go',
         G('cron', ['runtime/debug', 'time'])(GOCLAW), [
             (1, 'go-00-goclaw-cron-job-goroutine-without-recover',
              'an edit removes the recover from the job goroutine, so one panicking job ends the server', 'edit'),
             (2, 'go-00-goclaw-cron-result-save-error-dropped',
              'an edit drops the error of saving a job result, so a lost result is never seen', 'edit'),
             (0, 'go-ok-00-goclaw-job-recovered-save-error-logged',
              'clean: each job goroutine recovers, a failed save logged', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-02: deployment handler (publisher)
PUBLISHER = r'''
// PostDeployment starts publishing and answers at once with the local id of the deployment.
func (h *PostDeploymentHandler) ServeHTTP(w http.ResponseWriter, req *http.Request) {
    name := mux.Vars(req)["name"]
0|    acct, err := h.accounts.Verify(req.Context(), name)
1|    acct, err := h.accounts.Verify(req.Context(), name)
2|    acct, err := h.accounts.Verify(context.Background(), name) //@TMO-02
    if err != nil {
        InternalError(w, req, h.log, err)
        return
    }
    localID := state.NewLocalID()
02|    go func() {
02|        defer func() {
02|            if r := recover(); r != nil {
02|                h.log.Error("publish panicked", "local_id", localID, "panic", r)
02|                h.emitter.Emit(events.New(events.PublishFailure, localID))
02|            }
02|        }()
1|    go func() { //@CONC-01
        if err := h.publisher.Publish(context.WithoutCancel(req.Context()), acct, localID); err != nil {
            h.log.Error("publish failed", "local_id", localID, "err", err)
        }
    }()
    w.Header().Set("Content-Type", "application/json")
    json.NewEncoder(w).Encode(map[string]string{"localId": string(localID)})
}
'''
cases_of(case, GH + 'posit-dev/publisher/issues/2933', 'internal/services/api/post_deployment.go',
         G('api', ['context', 'encoding/json', 'net/http', '', 'github.com/gorilla/mux', '',
                   'github.com/posit-dev/publisher/internal/events', 'github.com/posit-dev/publisher/internal/state'])(PUBLISHER), [
             (1, 'go-00-publisher-publish-goroutine-without-recover',
              'an edit drops the recover of the publishing goroutine, so a panic outside the request ends the agent',
              'edit'),
             (2, 'go-00-publisher-account-check-on-background-context',
              'an edit verifies the account on a background context, so a cancelled request keeps the call running',
              'edit'),
             (0, 'go-ok-00-publisher-recovered-publish-request-context',
              'clean: publishing goroutine recovers and reports, account verified on the request context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-03: rate sampler (speedtest-go)
SPEEDTEST = r'''
// rateSequence samples the transferred bytes every tick until the test context ends.
func (dm *DataManager) rateSequence(ctx context.Context, period time.Duration) {
    ticker := time.NewTicker(period)
    defer ticker.Stop()
    go func() {
        for {
02|            select {
02|            case <-ctx.Done():
02|                return
02|            case <-ticker.C:
02|            }
1|            time.Sleep(period) //@CONC-05
            dm.sample(atomic.LoadInt64(&dm.total))
        }
    }()
}

// probe measures one round trip to the server, bounded by the configured latency timeout.
func (dm *DataManager) probe(ctx context.Context, s *Server) (time.Duration, error) {
01|    ctx, cancel := context.WithTimeout(ctx, dm.latencyTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, dm.latencyTimeout) //@TMO-03
    start := time.Now()
    if err := s.ping(ctx); err != nil {
        return 0, err
    }
    return time.Since(start), nil
}
'''
cases_of(case, GH + 'showwin/speedtest-go/pull/142', 'speedtest/data_manager.go',
         G('speedtest', ['context', 'sync/atomic', 'time'])(SPEEDTEST), [
             (1, 'go-00-speedtest-sampler-sleeps-past-test-end',
              'an edit turns the select into a sleep, so every finished test leaves its sampler goroutine running',
              'edit'),
             (2, 'go-00-speedtest-probe-cancel-discarded',
              'an edit bounds the latency probe and throws the cancel away', 'edit'),
             (0, 'go-ok-00-speedtest-sampler-selects-cancel-deferred',
              'clean: sampler selects on the test context, cancel deferred', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / RES-04: launch watchdog (kubernikus)
KUBERNIKUS = r'''
// watchLaunch fails a kluster whose nodes do not come up within the launch timeout, unless stop is closed first.
func (c *LaunchController) watchLaunch(kluster *v1.Kluster, stop <-chan struct{}) {
    timer := time.NewTimer(c.launchTimeout)
    go func() {
        defer timer.Stop()
02|        select {
02|        case <-stop:
02|            return
02|        case <-timer.C:
02|        }
1|        <-timer.C //@CONC-05
        c.markFailed(kluster, "nodes did not launch in time")
    }()
}

// pools lists the node pools of a kluster through the project's compute client.
func (c *LaunchController) pools(kluster *v1.Kluster) ([]servers.Server, error) {
01|    client := c.compute
2|    client, err := openstack.NewComputeV2(c.provider, gophercloud.EndpointOpts{Region: c.region}) //@RES-04
2|    if err != nil {
2|        return nil, err
2|    }
    pages, err := servers.List(client, servers.ListOpts{Name: kluster.Name}).AllPages()
    if err != nil {
        return nil, fmt.Errorf("list servers of %s: %w", kluster.Name, err)
    }
    return servers.ExtractServers(pages)
}
'''
cases_of(case, GH + 'sapcc/kubernikus/pull/333', 'pkg/controller/launch/watchdog.go',
         G('launch', ['fmt', 'time', '', 'github.com/gophercloud/gophercloud', 'github.com/gophercloud/gophercloud/openstack',
                      'github.com/gophercloud/gophercloud/openstack/compute/v2/servers', '',
                      'github.com/sapcc/kubernikus/pkg/apis/kubernikus/v1'])(KUBERNIKUS), [
             (1, 'go-00-kubernikus-watchdog-waits-on-stopped-timer',
              'an edit waits on the timer alone, so a stopped watch leaves its goroutine blocked forever', 'edit'),
             (2, 'go-00-kubernikus-compute-client-per-list',
              'an edit builds a compute client on every pool listing instead of the controller\'s', 'edit'),
             (0, 'go-ok-00-kubernikus-watchdog-selects-shared-client',
              'clean: the watchdog selects on stop, the controller\'s compute client reused', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: redis lock refresher (flamingo-commerce)
FLAMINGO = r'''
// TryLock takes the cart lock and keeps refreshing it until the returned unlock is called.
func (r *Redis) TryLock(ctx context.Context, key string, ttl time.Duration) (Unlock, error) {
    ok, err := r.client.SetNX(ctx, r.prefix+key, r.owner, ttl).Result()
    if err != nil {
        return nil, err
    }
    if !ok {
        return nil, ErrLockTaken
    }
    done := make(chan struct{})
    ticker := time.NewTicker(ttl / 3)
    go func() {
        defer ticker.Stop()
02|        for {
02|            select {
02|            case <-done:
02|                return
02|            case <-ticker.C:
02|            }
1|        for range ticker.C { //@CONC-05
01|            if err := r.client.Expire(ctx, r.prefix+key, ttl).Err(); err != nil {
01|                r.logger.Error("refresh cart lock", "key", key, "err", err)
01|                return
01|            }
2|            r.client.Expire(ctx, r.prefix+key, ttl) //@ERR-01
        }
    }()
    return func() error {
        close(done)
        return r.client.Del(context.WithoutCancel(ctx), r.prefix+key).Err()
    }, nil
}
'''
cases_of(case, GH + 'i-love-flamingo/flamingo-commerce/pull/290', 'checkout/infrastructure/locker/redis.go',
         G('locker', ['context', 'time'])(FLAMINGO), [
             (1, 'go-00-flamingo-lock-refresher-ranges-over-ticker',
              'an edit ranges over the ticker, which never closes, so every released lock leaves a goroutine', 'edit'),
             (2, 'go-00-flamingo-lock-refresh-error-dropped',
              'an edit drops the refresh error, so a lost lock keeps the cart believing it holds it', 'edit'),
             (0, 'go-ok-00-flamingo-refresher-stops-on-unlock-error-logged',
              'clean: the refresher leaves on unlock, a failed refresh logged and the loop left', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-03: metrics flusher (amazon-cloudwatch-agent)
CLOUDWATCH = r'''
// publish flushes the buffered datums every interval until shutdown.
func (c *CloudWatch) publish(ctx context.Context) {
    ticker := time.NewTicker(c.ForceFlushInterval) //@{1}RES-01
02|    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            c.flush(ctx)
        }
    }
}

func (c *CloudWatch) flush(ctx context.Context) {
    batch := c.drain()
    if len(batch) == 0 {
        return
    }
01|    ctx, cancel := context.WithTimeout(ctx, c.RequestTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, c.RequestTimeout) //@TMO-03
    if _, err := c.svc.PutMetricDataWithContext(ctx, &cloudwatch.PutMetricDataInput{Namespace: &c.Namespace, MetricData: batch}); err != nil {
        c.Log.Errorf("put metric data: %v", err)
        c.retry(batch)
    }
}
'''
cases_of(case, GH + 'aws/amazon-cloudwatch-agent/pull/61', 'plugins/outputs/cloudwatch/cloudwatch.go',
         G('cloudwatch', ['context', 'time', '', 'github.com/aws/aws-sdk-go/service/cloudwatch'])(CLOUDWATCH), [
             (1, 'go-00-cloudwatch-agent-flush-ticker-never-stopped',
              'an edit drops the deferred stop, so every restarted publisher leaves its ticker running', 'edit'),
             (2, 'go-00-cloudwatch-agent-put-timeout-cancel-discarded',
              'an edit bounds each put with a timeout and discards the cancel', 'edit'),
             (0, 'go-ok-00-cloudwatch-agent-ticker-stopped-cancel-deferred',
              'clean: ticker stopped on return, cancel deferred', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: container view (dry)
DRY = r'''
// refreshContainers reloads the container list shown by the screen.
func (d *DockerDaemon) refreshContainers(ctx context.Context) error {
    containers, err := d.client.ContainerList(ctx, container.ListOptions{All: true})
    if err != nil {
        return fmt.Errorf("list containers: %w", err)
    }
    d.mu.Lock()
    d.containers = containers
    d.mu.Unlock()
    return nil
}

// Kill stops one container and refreshes the list.
func (d *DockerDaemon) Kill(ctx context.Context, id string) error {
0|    if err := d.client.ContainerKill(ctx, id, "SIGKILL"); err != nil {
1|    if err := d.client.ContainerKill(ctx, id, "SIGKILL"); err != nil {
2|    if err := d.client.ContainerKill(context.Background(), id, "SIGKILL"); err != nil { //@TMO-02
        return fmt.Errorf("kill %s: %w", id, err)
    }
02|    return d.refreshContainers(ctx)
1|    d.refreshContainers(ctx) //@ERR-01
1|    return nil
}
'''
cases_of(case, GH + 'moncho/dry/pull/243', 'docker/daemon.go',
         G('docker', ['context', 'fmt', '', 'github.com/docker/docker/api/types/container'])(DRY), [
             (1, 'go-00-dry-refresh-after-kill-error-dropped',
              'an edit ignores the refresh error after a kill, so the screen shows a stale list as current', 'edit'),
             (2, 'go-00-dry-kill-on-background-context',
              'an edit kills the container on a background context, ignoring the caller\'s cancel', 'edit'),
             (0, 'go-ok-00-dry-refresh-error-returned-kill-on-caller-context',
              'clean: refresh error returned, the kill on the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: forward proxy (forwarder)
FORWARDER = r'''
// ServeHTTP forwards one proxied request to its upstream.
func (hp *HTTPProxy) ServeHTTP(w http.ResponseWriter, req *http.Request) {
    id := middleware.RequestID(req)
1|    hp.log.Infof("[%s] proxying %s %s headers=%v", id, req.Method, req.URL, req.Header) //@LOG-01
2|    hp.log.Debugf(fmt.Sprintf("[%s] proxying %s %s headers=%v", id, req.Method, req.URL, req.Header)) //@LOG-02
0|    hp.requests.WithLabelValues(req.Method).Inc()
    resp, err := hp.transport.RoundTrip(req.WithContext(req.Context()))
    if err != nil {
        hp.log.Errorf("[%s] upstream %s: %v", id, req.URL.Host, err)
        http.Error(w, "bad gateway", http.StatusBadGateway)
        return
    }
    defer resp.Body.Close()
    copyHeader(w.Header(), resp.Header)
    w.WriteHeader(resp.StatusCode)
    io.Copy(w, resp.Body)
}
'''
cases_of(case, GH + 'saucelabs/forwarder/issues/32', 'http_proxy.go',
         G('forwarder', ['fmt', 'io', 'net/http', '', 'github.com/saucelabs/forwarder/middleware'])(FORWARDER), [
             (1, 'go-00-forwarder-info-line-per-proxied-request',
              'an edit logs every proxied request with its headers at info on the hot path', 'edit'),
             (2, 'go-00-forwarder-debug-line-formatted-eagerly',
              'an edit formats every request\'s debug line before the level check, paid with debug off', 'edit'),
             (0, 'go-ok-00-forwarder-requests-counted',
              'clean: proxied requests counted in a metric, no line per request', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-01: media download (matrix-media-repo)
MEDIA = r'''
// DownloadMedia serves one stored media file.
func DownloadMedia(r *http.Request, rctx rcontext.RequestContext) interface{} {
    server, mediaID := mux.Vars(r)["server"], mux.Vars(r)["mediaId"]
1|    rctx.Log.Infof("download of %s/%s requested by %s", server, mediaID, r.RemoteAddr) //@LOG-01
    path, err := rctx.Store.PathOf(server, mediaID)
    if err != nil {
        return NotFoundError()
    }
    file, err := os.Open(path) //@{2}RES-01
    if err != nil {
01|        rctx.Log.Error("open media: ", err)
2|        rctx.Log.Error("open media for thumbnail head: ", err)
        return InternalServerError("could not read media")
    }
0|    return &DownloadResponse{Stream: file, Filename: mediaID}
1|    return &DownloadResponse{Stream: file, Filename: mediaID}
2|    head := make([]byte, 512)
2|    n, _ := file.Read(head)
2|    return &DownloadResponse{Data: head[:n], ContentType: http.DetectContentType(head[:n]), Filename: mediaID}
}
'''
cases_of(case, GH + 't2bot/matrix-media-repo/pull/406', 'api/r0/download.go',
         G('r0', ['net/http', 'os', '', 'github.com/gorilla/mux', 'github.com/t2bot/matrix-media-repo/common/rcontext'])(MEDIA), [
             (1, 'go-00-matrix-media-info-line-per-download',
              'an edit logs every media download at info, one line per request of a busy homeserver', 'edit'),
             (2, 'go-00-matrix-media-thumbnail-head-file-never-closed',
              'an edit answers from the first bytes of the file and never closes it', 'edit'),
             (0, 'go-ok-00-matrix-media-stream-handed-to-response',
              'clean: the file handed to the response that closes it, no line per download', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TX-01: book service on gorm (example-golang)
EXAMPLE = r'''
// Service holds the database every handler of the book API uses.
type Service struct {
    db *gorm.DB
}

func (s *Service) Db() *gorm.DB {
01|    return s.db
2|    db, err := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{}) //@RES-04
2|    if err != nil {
2|        panic(err)
2|    }
2|    return db
}

// Transfer moves stock from one shelf to another in one transaction.
func (s *Service) Transfer(from, to uint, qty int) error {
    tx := s.Db().Begin() //@{1}TX-01
    if tx.Error != nil {
        return tx.Error
    }
    if err := tx.Model(&Shelf{}).Where("id = ?", from).Update("stock", gorm.Expr("stock - ?", qty)).Error; err != nil {
02|        tx.Rollback()
        return err
    }
    if err := tx.Model(&Shelf{}).Where("id = ?", to).Update("stock", gorm.Expr("stock + ?", qty)).Error; err != nil {
02|        tx.Rollback()
        return err
    }
    return tx.Commit().Error
}
'''
EXAMPLE_MOD = gomod('github.com/ruyjfs/example-golang', ['gorm.io/driver/postgres v1.5.9', 'gorm.io/gorm v1.25.12'])
cases_of(case, GH + 'ruyjfs/example-golang/issues/1', 'services/service.go',
         GV('services', {0: ['gorm.io/gorm'], 1: ['gorm.io/gorm'],
                         2: ['os', '', 'gorm.io/driver/postgres', 'gorm.io/gorm']})(EXAMPLE), [
             (1, 'go-00-example-golang-new-transfer-never-rolled-back',
              'a new service returns from a failed update without rolling the transaction back', 'new',
              [f('go.mod', new=EXAMPLE_MOD)]),
             (2, 'go-00-example-golang-new-service-opens-database-per-call',
              'a new service opens a gorm database, with its own pool, on every handler call', 'new',
              [f('go.mod', new=EXAMPLE_MOD)]),
             (0, 'go-ok-00-example-golang-new-shared-db-rollback-on-failure',
              'clean: a new service on one shared database, every failed update rolled back', 'new',
              [f('go.mod', new=EXAMPLE_MOD)]),
         ])


# ---------------------------------------------------------------- CONC-02 / ERR-01: blob copier (oras-go)
ORAS = r'''
// copyBlobs copies every blob of a manifest, at most opts.Concurrency at a time.
func copyBlobs(ctx context.Context, src, dst content.Storage, blobs []ocispec.Descriptor, opts CopyOptions) error {
    eg, egCtx := errgroup.WithContext(ctx)
02|    eg.SetLimit(opts.Concurrency)
    for _, desc := range blobs {
        desc := desc
1|        eg.Go(func() error { //@CONC-02
02|        eg.Go(func() error {
            exists, err := dst.Exists(egCtx, desc)
01|            if err != nil {
01|                return fmt.Errorf("check %s: %w", desc.Digest, err)
01|            }
2|            if err != nil {
2|                exists = false //@ERR-01
2|            }
            if exists {
                return nil
            }
            rc, err := src.Fetch(egCtx, desc)
            if err != nil {
                return err
            }
            defer rc.Close()
            return dst.Push(egCtx, desc, rc)
        })
    }
    return eg.Wait()
}
'''
cases_of(case, GH + 'oras-project/oras-go/pull/363', 'copy_blobs.go',
         G('oras', ['context', 'fmt', '', 'github.com/opencontainers/image-spec/specs-go/v1 ocispec',
                    'golang.org/x/sync/errgroup', 'oras.land/oras-go/v2/content'])(ORAS), [
             (1, 'go-00-oras-copy-one-goroutine-per-blob',
              'an edit drops the group\'s limit, so an image with thousands of blobs starts a goroutine for each',
              'edit'),
             (2, 'go-00-oras-exists-check-error-treated-as-missing',
              'an edit treats a failed existence check as a missing blob and pushes on', 'edit'),
             (0, 'go-ok-00-oras-limited-group-check-error-returned',
              'clean: the group limited to the configured concurrency, a failed check returned', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: serial node registry (gozwave)
GOZWAVE = r'''
// Controller keeps the nodes found on the Z-Wave network; the serial reader adds them, HTTP handlers read them.
type Controller struct {
02|    mu    sync.RWMutex
1|    // nodes is written by the serial reader only.
    nodes map[int]*Node //@{1}CONC-03
    port  io.ReadWriteCloser
    log   *logrus.Entry
}

func (c *Controller) Start() {
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                c.log.Errorf("serial reader stopped: %v", r)
01|            }
01|        }()
2|    go func() { //@CONC-01
        c.readLoop()
    }()
}

func (c *Controller) addNode(n *Node) {
02|    c.mu.Lock()
02|    defer c.mu.Unlock()
    c.nodes[n.ID] = n
}

func (c *Controller) Node(id int) *Node {
02|    c.mu.RLock()
02|    defer c.mu.RUnlock()
    return c.nodes[id]
}
'''
cases_of(case, GH + 'stampzilla/gozwave/issues/9', 'controller.go',
         G('gozwave', ['io', 'sync', '', 'github.com/sirupsen/logrus'])(GOZWAVE), [
             (1, 'go-00-gozwave-node-map-without-lock',
              'an edit removes the lock from the node map, which the serial reader writes while handlers read', 'edit'),
             (2, 'go-00-gozwave-serial-reader-without-recover',
              'an edit drops the recover of the serial reader, so a malformed frame ends the program', 'edit'),
             (0, 'go-ok-00-gozwave-locked-nodes-recovered-reader',
              'clean: node map under a read-write lock, reader goroutine recovers', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-02: line counter workers (scc)
SCC = r'''
var ulocMutex sync.Mutex
// ulocLanguageCount holds the unique lines of each known language; its inner maps are made at start-up.
var ulocLanguageCount = map[string]map[string]struct{}{}

// processFiles counts every file, one worker per core, and records the unique lines of each language.
func processFiles(files []*FileJob, output chan<- *FileJob) {
    var wg sync.WaitGroup
01|    sem := make(chan struct{}, runtime.NumCPU())
    for _, job := range files {
        wg.Add(1)
01|        sem <- struct{}{}
2|        go func(job *FileJob) { //@CONC-02
01|        go func(job *FileJob) {
            defer wg.Done()
01|            defer func() { <-sem }()
            countStats(job)
02|            ulocMutex.Lock()
            for _, line := range job.Lines {
                ulocLanguageCount[job.Language][line] = struct{}{} //@{1}CONC-03
            }
02|            ulocMutex.Unlock()
            output <- job
        }(job)
    }
    wg.Wait()
    close(output)
}
'''
cases_of(case, GH + 'boyter/scc/issues/498', 'processor/workers.go',
         GV('processor', {0: ['runtime', 'sync'], 1: ['runtime', 'sync'], 2: ['sync']})(SCC), [
             (1, 'go-00-scc-unique-lines-map-written-without-lock',
              'an edit drops the lock around the shared unique-line map that every worker writes', 'edit'),
             (2, 'go-00-scc-goroutine-per-file-unbounded',
              'an edit drops the worker slots, so a tree of a million files starts a goroutine for each', 'edit'),
             (0, 'go-ok-00-scc-slots-and-lock',
              'clean: one slot per core taken before each goroutine, the shared map under its lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: in-memory file system (afero)
AFERO = r'''
// MemMapFs is a file system kept in memory, used by many goroutines at once.
type MemMapFs struct {
    mu   sync.RWMutex
    data map[string]*mem.FileData
}

func (m *MemMapFs) Stat(name string) (os.FileInfo, error) {
02|    m.mu.RLock()
    f, ok := m.data[normalizePath(name)] //@{1}CONC-03
02|    m.mu.RUnlock()
    if !ok {
        return nil, &os.PathError{Op: "stat", Path: name, Err: ErrFileNotFound}
    }
    return mem.GetFileInfo(f), nil
}

// ReadFile returns the whole content of one file.
func ReadFile(fs Fs, name string) ([]byte, error) {
    f, err := fs.Open(name) //@{2}RES-01
    if err != nil {
01|        return nil, err
2|        return nil, &os.PathError{Op: "readfile", Path: name, Err: err}
    }
01|    defer f.Close()
    var buf bytes.Buffer
    if _, err := buf.ReadFrom(f); err != nil {
        return nil, err
    }
    return buf.Bytes(), nil
}
'''
cases_of(case, GH + 'spf13/afero/pull/10', 'memmap.go',
         G('afero', ['bytes', 'os', 'sync', '', 'github.com/spf13/afero/mem'])(AFERO), [
             (1, 'go-00-afero-stat-reads-map-without-lock',
              'an edit reads the file map in Stat without the read lock while writers change it', 'edit'),
             (2, 'go-00-afero-read-file-never-closed',
              'an edit drops the deferred close in the read helper, so every read leaves its file open', 'edit'),
             (0, 'go-ok-00-afero-stat-locked-file-closed',
              'clean: Stat under the read lock, the file closed on return', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-01: stream subscriptions (bloxroute-sdk-go)
BLOXROUTE = r'''
// Client holds one websocket connection and the subscriptions multiplexed over it.
type Client struct {
    conn *websocket.Conn
    lock sync.Mutex
    subs map[string]*subscription
}

func NewClient(ctx context.Context, cfg *Config) (*Client, error) {
0|    dialer := websocket.Dialer{HandshakeTimeout: 10 * time.Second}
0|    dctx, cancel := context.WithTimeout(ctx, 15*time.Second)
0|    defer cancel()
0|    conn, _, err := dialer.DialContext(dctx, cfg.URL, cfg.header())
1|    dialer := websocket.Dialer{HandshakeTimeout: 10 * time.Second}
1|    dctx, cancel := context.WithTimeout(ctx, 15*time.Second)
1|    defer cancel()
1|    conn, _, err := dialer.DialContext(dctx, cfg.URL, cfg.header())
2|    conn, _, err := websocket.DefaultDialer.Dial(cfg.URL, cfg.header()) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("dial gateway: %w", err)
    }
    return &Client{conn: conn, subs: map[string]*subscription{}}, nil
}

// subscribed reports whether a subscription id is known; called from the reader goroutine and from callers.
func (c *Client) subscribed(id string) bool {
02|    c.lock.Lock()
02|    defer c.lock.Unlock()
    _, ok := c.subs[id] //@{1}CONC-03
    return ok
}
'''
cases_of(case, GH + 'bloXroute-Labs/bloxroute-sdk-go/pull/9', 'client.go',
         G('sdk', ['context', 'fmt', 'sync', 'time', '', 'github.com/gorilla/websocket'])(BLOXROUTE), [
             (1, 'go-00-bloxroute-subscription-check-without-lock',
              'an edit reads the subscription map without the lock the reader goroutine writes it under', 'edit'),
             (2, 'go-00-bloxroute-gateway-dial-without-bound',
              'an edit dials the gateway with the default dialer and no deadline', 'edit'),
             (0, 'go-ok-00-bloxroute-locked-check-bounded-dial',
              'clean: the check under the lock, dial bounded by a handshake timeout and a context', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: stat queue storage (cgrates), CRLF
CGRATES = r'''
// SetStatQueue stores a queue and its metrics in one transaction.
func (ms *SQLStorage) SetStatQueue(sq *StatQueue) (err error) {
    tx := ms.db.Begin() //@{1}TX-01
    if tx.Error != nil {
02|        return tx.Error
1|        return fmt.Errorf("begin stat queue %s: %w", sq.ID, tx.Error)
    }
    if err = tx.Save(sq.Row()).Error; err != nil {
02|        tx.Rollback()
        return err
    }
    for _, m := range sq.Metrics {
        if err = tx.Save(m.Row(sq.ID)).Error; err != nil {
02|            tx.Rollback()
            return fmt.Errorf("save metric %s of %s: %w", m.ID, sq.ID, err)
        }
    }
    return tx.Commit().Error
}

// RemStatQueue deletes one queue and forgets it in the cache.
func (ms *SQLStorage) RemStatQueue(tenant, id string) error {
0|    if err := ms.db.Where("tenant = ? AND id = ?", tenant, id).Delete(&StatQueueRow{}).Error; err != nil {
0|        return err
0|    }
1|    if err := ms.db.Where("tenant = ? AND id = ?", tenant, id).Delete(&StatQueueRow{}).Error; err != nil {
1|        return err
1|    }
2|    ms.db.Where("tenant = ? AND id = ?", tenant, id).Delete(&StatQueueRow{}) //@ERR-01
    ms.cache.Remove(tenant + ":" + id)
    return nil
}
'''
cases_of(case, GH + 'cgrates/cgrates/issues/1067', 'engine/storage_sql_stats.go',
         G('engine', ['fmt'])(CGRATES), [
             (1, 'go-00-cgrates-stat-queue-save-never-rolled-back',
              'an edit returns from a failed save without rolling back, holding the transaction (CRLF)', 'edit'),
             (2, 'go-00-cgrates-stat-queue-delete-error-dropped',
              'an edit drops the delete error and forgets the queue in the cache anyway (CRLF)', 'edit'),
             (0, 'go-ok-00-cgrates-rollback-on-failure-delete-checked',
              'clean: every failure rolled back, the delete error returned (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-05 / TMO-03: jittered ticker (jitterbug)
JITTERBUG = r'''
// New starts a ticker whose period is jittered by j; Stop ends its goroutine.
func New(parent context.Context, d time.Duration, j Jitter) *Ticker {
    c := make(chan time.Time)
01|    ctx, cancel := context.WithCancel(parent)
2|    ctx, _ := context.WithCancel(parent) //@TMO-03
    t := &Ticker{C: c, d: d, j: j, ctx: ctx}
01|    t.cancel = cancel
    go t.loop(c)
    return t
}

// loop runs until Stop is called, sending the current time on c after each jittered delay.
func (t *Ticker) loop(c chan<- time.Time) {
    defer close(c)
    for {
02|        timer := time.NewTimer(t.calcDelay())
02|        select {
02|        case <-t.ctx.Done():
02|            timer.Stop()
02|            return
02|        case now := <-timer.C:
02|            c <- now
02|        }
1|        time.Sleep(t.calcDelay()) //@CONC-05
1|        c <- time.Now()
    }
}
'''
cases_of(case, GH + 'lthibault/jitterbug/pull/10', 'jitter.go',
         G('jitterbug', ['context', 'time'])(JITTERBUG), [
             (1, 'go-00-jitterbug-loop-sleeps-through-stop',
              'an edit sleeps between ticks, so a stopped ticker keeps its goroutine until the next delay ends', 'edit'),
             (2, 'go-00-jitterbug-ticker-cancel-discarded',
              'an edit derives the ticker\'s context and throws the cancel away, so Stop cannot end it', 'edit'),
             (0, 'go-ok-00-jitterbug-select-on-context-cancel-kept',
              'clean: the loop selects on the context, the cancel kept for Stop', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: log rotation, renamed file (fastly go-utils)
FASTLY = r'''
// compressOld gzips every rotated log file older than the current one.
func compressOld(dir string, names []string) error {
    for _, name := range names {
01|        if err := compressOne(filepath.Join(dir, name)); err != nil {
01|            return err
01|        }
2|        compressOne(filepath.Join(dir, name)) //@ERR-01
    }
    return nil
}

func compressOne(path string) error {
    in, err := os.Open(path)
    if err != nil {
        return err
    }
    defer in.Close()
    out, err := os.Create(path + ".gz")
    if err != nil {
        return err
    }
    defer out.Close()
    zw := gzip.NewWriter(out)
    if _, err := io.Copy(zw, in); err != nil {
        return err
    }
    if err := zw.Close(); err != nil {
        return err
    }
    return os.Remove(path)
}
'''
FASTLY_LOOP = r'''
// compressOld gzips every rotated log file older than the current one.
func compressOld(dir string, names []string) error {
    for _, name := range names {
        path := filepath.Join(dir, name)
        in, err := os.Open(path)
        if err != nil {
            return err
        }
        defer in.Close() //@RES-03
        out, err := os.Create(path + ".gz")
        if err != nil {
            return err
        }
        defer out.Close()
        zw := gzip.NewWriter(out)
        if _, err := io.Copy(zw, in); err != nil {
            return err
        }
        if err := zw.Close(); err != nil {
            return err
        }
        if err := os.Remove(path); err != nil {
            return err
        }
    }
    return nil
}
'''
FASTLY_IMPORTS = ['compress/gzip', 'io', 'os', 'path/filepath']


def fastly(v):
    return go('rotate', FASTLY_IMPORTS, variant(FASTLY_LOOP if v == 1 else FASTLY, 0 if v == 1 else v))


cases_of(case, GH + 'fastly/go-utils/pull/36', 'rotate/compress.go', fastly, [
             (1, 'go-00-fastly-renamed-compressor-defers-close-in-loop',
              'a PR moves the compressor to a new file and inlines the per-file helper, deferring every close in the loop',
              'rename'),
             (2, 'go-00-fastly-renamed-compressor-drops-file-error',
              'a PR moves the compressor to a new file and ignores the error of each file', 'rename'),
             (0, 'go-ok-00-fastly-renamed-compressor-helper-per-file',
              'clean: the move alone; one helper call per file with its own deferred closes', 'rename'),
         ], rename_from='logrotate/compress.go')
