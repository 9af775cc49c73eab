"""Round-79 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a rename (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, go, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
G, GV = heldoutlib.go_version, heldoutlib.go_versions


# ---------------------------------------------------------------- TMO-01 / ERR-01: package pull of an agent package registry (lineage)
LINEAGE = template('lineage-registry-pull', r'''
// registryRequestTimeout bounds every call to a package registry: a registry that accepts the connection and then
// never finishes answering is part of the untrusted surface.
const registryRequestTimeout = 60 * time.Second

// registryClient is the one client every registry call goes through.
func registryClient() *http.Client {
    return &http.Client{Timeout: registryRequestTimeout}
}

// fetchPackageMetadata reads the published metadata document of ref.
func fetchPackageMetadata(registryURL, ref string) (*PackageMetadata, error) {
    endpoint := strings.TrimRight(registryURL, "/") + "/v1/packages/" + url.PathEscape(ref)
02|    resp, err := registryClient().Get(endpoint)
1|    resp, err := http.Get(endpoint) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("fetch metadata of %s: %w", ref, err)
    }
    defer resp.Body.Close()
    switch {
    case resp.StatusCode == http.StatusNotFound:
        return nil, fmt.Errorf("%w: %s", ErrPackageNotFound, ref)
    case resp.StatusCode != http.StatusOK:
        return nil, fmt.Errorf("fetch metadata of %s: registry answered %s", ref, resp.Status)
    }
    var meta PackageMetadata
    if err := json.NewDecoder(resp.Body).Decode(&meta); err != nil {
        return nil, fmt.Errorf("decode metadata of %s: %w", ref, err)
    }
    return &meta, nil
}

// Pull downloads the archive of ref into dir and fails closed when it does not match the published digest.
func Pull(registryURL, ref, dir string) (string, error) {
    meta, err := fetchPackageMetadata(registryURL, ref)
    if err != nil {
        return "", err
    }
    resp, err := registryClient().Get(meta.ArchiveURL)
    if err != nil {
        return "", fmt.Errorf("download %s: %w", ref, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("download %s: registry answered %s", ref, resp.Status)
    }

    archive := filepath.Join(dir, meta.Name+"-"+meta.Version+".tar.gz")
    out, err := os.Create(archive)
    if err != nil {
        return "", err
    }
    defer out.Close()
    digest := sha256.New()
01|    if _, err := io.Copy(io.MultiWriter(out, digest), resp.Body); err != nil {
01|        return "", fmt.Errorf("write %s: %w", archive, err)
01|    }
2|    io.Copy(io.MultiWriter(out, digest), resp.Body) //@ERR-01
    if got := "sha256:" + hex.EncodeToString(digest.Sum(nil)); got != meta.Digest {
        return "", fmt.Errorf("%w: %s is %s, the registry published %s", ErrDigestMismatch, ref, got, meta.Digest)
    }
    return archive, nil
}
''')
cases_of(case, GH + 'agentic-lineage/lineage/pull/193', 'internal/packages/registry.go',
         G('packages', ['crypto/sha256', 'encoding/hex', 'encoding/json', 'fmt', 'io', 'net/http', 'net/url', 'os',
                        'path/filepath', 'strings', 'time'])(LINEAGE), [
             (1, 'go-00-lineage-registry-metadata-fetch-default-client',
              'an edit fetches package metadata with http.Get, the default client without a timeout, so a registry '
              'that never finishes answering hangs a package pull indefinitely', 'edit'),
             (2, 'go-00-lineage-registry-archive-copy-error-dropped',
              'an edit drops the error of copying the downloaded archive to disk, so a truncated download is reported '
              'as a digest mismatch instead of the write failure it is', 'edit'),
             (0, 'go-ok-00-lineage-registry-metadata-fetch-bounded',
              'clean: the fix routes the metadata fetch through the shared registry client with its timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: upstream provider registry of a Terraform registry (boring-registry)
BORING = template('boring-registry-upstream', r'''
const (
02|    // upstreamTimeout is a safety net under the per-call deadlines below.
02|    upstreamTimeout = 30 * time.Second
    // listVersionsTimeout bounds the version listing, which the Terraform CLI waits on.
    listVersionsTimeout = 10 * time.Second
)

// upstreamProviderRegistry answers provider lookups from another registry implementing the provider protocol.
type upstreamProviderRegistry struct {
    baseURL *url.URL
    client  *http.Client
    logger  *slog.Logger
}

func newUpstreamProviderRegistry(baseURL *url.URL, logger *slog.Logger) *upstreamProviderRegistry {
    return &upstreamProviderRegistry{
        baseURL: baseURL,
        client: &http.Client{ //@{1}TMO-01
02|            Timeout:   upstreamTimeout,
            Transport: http.DefaultTransport.(*http.Transport).Clone(),
        },
        logger: logger,
    }
}

func (u *upstreamProviderRegistry) endpoint(parts ...string) string {
    return u.baseURL.JoinPath(append([]string{"v1", "providers"}, parts...)...).String()
}

// ListProviderVersions lists the versions upstream publishes for the provider.
func (u *upstreamProviderRegistry) ListProviderVersions(ctx context.Context, namespace, name string) (*core.ProviderVersions, error) {
01|    ctx, cancel := context.WithTimeout(ctx, listVersionsTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, listVersionsTimeout) //@TMO-03

    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.endpoint(namespace, name, "versions"), nil)
    if err != nil {
        return nil, err
    }
    resp, err := u.client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("upstream versions of %s/%s: %w", namespace, name, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("upstream versions of %s/%s: %s", namespace, name, resp.Status)
    }
    var versions core.ProviderVersions
    if err := json.NewDecoder(resp.Body).Decode(&versions); err != nil {
        return nil, fmt.Errorf("decode upstream versions of %s/%s: %w", namespace, name, err)
    }
    u.logger.Debug("listed upstream provider versions", "provider", namespace+"/"+name, "count", len(versions.Versions))
    return &versions, nil
}
''')
cases_of(case, GH + 'boring-registry/boring-registry/pull/348', 'pkg/proxy/upstream.go',
         G('proxy', ['context', 'encoding/json', 'fmt', 'log/slog', 'net/http', 'net/url', 'time', '',
                     'github.com/boring-registry/boring-registry/pkg/core'])(BORING), [
             (1, 'go-00-boring-registry-upstream-client-without-timeout',
              'an edit drops the client-level timeout of the upstream registry client (and its constant), so the '
              'archive lookups that carry no deadline of their own block a handler on a hung upstream', 'edit'),
             (2, 'go-00-boring-registry-list-versions-cancel-discarded',
              'an edit derives the version listing\'s deadline context and discards its cancel function, so every '
              'listing keeps its timer and context alive until the deadline passes', 'edit'),
             (0, 'go-ok-00-boring-registry-upstream-client-bounded',
              'clean: the fix gives the upstream client its 30-second safety-net timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: packagist client of a platform CLI (shopware-cli)
SHOPWARE = template('shopware-cli-packagist', r'''
02|// httpClient is shared by every packagist call; unlike http.DefaultClient it gives up on a hung endpoint and can be
02|// swapped by the tests without touching a process-wide global.
02|var httpClient = &http.Client{Timeout: 30 * time.Second}
02|
const packagesURL = "https://packages.shopware.com/packages.json"

// PackageResponse is the subset of the composer repository document the CLI reads.
type PackageResponse struct {
    Packages map[string]map[string]ComposerPackage `json:"packages"`
}

// ComposerPackage is one version of one package.
type ComposerPackage struct {
    Name    string `json:"name"`
    Version string `json:"version"`
    Type    string `json:"type"`
}

// GetPackages fetches the packages the token may install.
func GetPackages(ctx context.Context, token string) (*PackageResponse, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, packagesURL, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("Authorization", "Bearer "+token)
    req.Header.Set("Accept", "application/json")

02|    resp, err := httpClient.Do(req) //@{2}RES-02
1|    resp, err := http.DefaultClient.Do(req) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("fetch packages: %w", err)
    }
01|    defer closeResponseBody(ctx, resp)

    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("fetch packages: packagist answered %s", resp.Status)
    }
    var packages PackageResponse
    if err := json.NewDecoder(resp.Body).Decode(&packages); err != nil {
        return nil, fmt.Errorf("decode packages: %w", err)
    }
    return &packages, nil
}
01|
01|func closeResponseBody(ctx context.Context, resp *http.Response) {
01|    if err := resp.Body.Close(); err != nil {
01|        logging.FromContext(ctx).Errorf("close packagist response: %v", err)
01|    }
01|}
''')
cases_of(case, GH + 'shopware/shopware-cli/pull/1022', 'internal/packagist/packagist.go',
         GV('packagist', {
             0: ['context', 'encoding/json', 'fmt', 'net/http', 'time', '', 'github.com/shopware/shopware-cli/logging'],
             1: ['context', 'encoding/json', 'fmt', 'net/http', '', 'github.com/shopware/shopware-cli/logging'],
             2: ['context', 'encoding/json', 'fmt', 'net/http', 'time']})(SHOPWARE), [
             (1, 'go-00-shopware-cli-new-packagist-client-default-client',
              'a new packagist client sends its requests through http.DefaultClient, which has no timeout, so a hung '
              'package endpoint stalls the command forever', 'new'),
             (2, 'go-00-shopware-cli-new-packagist-client-body-never-closed',
              'a new packagist client decodes the packages document and never closes the response body, so each '
              'call keeps its connection out of the pool', 'new'),
             (0, 'go-ok-00-shopware-cli-new-packagist-client',
              'clean: a new packagist client on a shared bounded client that closes every response', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: request dispatch of a Dockerfile language server (docker-language-server)
DOCKERLS = template('docker-language-server-dispatch', r'''
// Handle answers every request on its own goroutine, so a slow completion never holds up diagnostics.
func (s *Server) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
    go func() { //@{1}CONC-01
        defer func() {
02|            if r := recover(); r != nil {
02|                s.reportPanic(req.Method, r, debug.Stack())
02|                _ = conn.ReplyWithError(ctx, req.ID, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: "internal error"})
02|            }
1|            s.handlePanic(ctx, conn, req)
        }()

        result, err := s.dispatch(ctx, req)
        if err != nil {
            s.replyError(ctx, conn, req, err)
            return
        }
        if req.Notif {
            return
        }
01|        if err := conn.Reply(ctx, req.ID, result); err != nil {
01|            s.log.Warn("reply failed", "method", req.Method, "error", err)
01|        }
2|        conn.Reply(ctx, req.ID, result) //@ERR-01
    }()
}
1|
1|// handlePanic reports a panic of a request handler and answers the request with an internal error.
1|func (s *Server) handlePanic(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
1|    if r := recover(); r != nil {
1|        s.reportPanic(req.Method, r, debug.Stack())
1|        _ = conn.ReplyWithError(ctx, req.ID, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: "internal error"})
1|    }
1|}

func (s *Server) replyError(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request, err error) {
    var rpcErr *jsonrpc2.Error
    if !errors.As(err, &rpcErr) {
        rpcErr = &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()}
    }
    if replyErr := conn.ReplyWithError(ctx, req.ID, rpcErr); replyErr != nil {
        s.log.Warn("error reply failed", "method", req.Method, "error", replyErr)
    }
}

// reportPanic sends the panic to telemetry before the request is answered.
func (s *Server) reportPanic(method string, value any, stack []byte) {
    s.log.Error("request handler panicked", "method", method, "panic", value, "stack", string(stack))
    s.telemetry.Enqueue(telemetry.EventServerPanic, map[string]any{"method": method, "panic": fmt.Sprint(value)})
}
''')
cases_of(case, GH + 'docker/docker-language-server/pull/49', 'internal/pkg/server/dispatch.go',
         G('server', ['context', 'errors', 'fmt', 'runtime/debug', '',
                      'github.com/docker/docker-language-server/internal/telemetry',
                      'github.com/sourcegraph/jsonrpc2'])(DOCKERLS), [
             (1, 'go-00-docker-language-server-renamed-dispatch-recover-in-helper',
              'a PR moves the request dispatch to a new file and calls recover from a helper the deferred function '
              'calls, where it returns nil, so a panicking handler still kills the language server', 'rename'),
             (2, 'go-00-docker-language-server-renamed-dispatch-reply-error-dropped',
              'a PR moves the request dispatch to a new file and drops the error of replying, so a reply the editor '
              'never receives leaves no trace', 'rename'),
             (0, 'go-ok-00-docker-language-server-renamed-dispatch',
              'clean: the move alone; the deferred function recovers itself and reply failures are logged', 'rename'),
         ], rename_from='internal/server/handler.go')


# ---------------------------------------------------------------- CONC-01 / CONC-03: package collector of a Go language server (go-langserver)
GOLANGSERVER = template('go-langserver-collect-packages', r'''
// collectPackages parses the workspace's packages with a bounded number of workers; a package that fails to parse
// is left out of the symbol index.
func (h *LangHandler) collectPackages(ctx context.Context, paths []string) map[string]*ast.Package {
    var (
01|        mu      sync.Mutex
        wg      sync.WaitGroup
        sem     = make(chan struct{}, parallelism)
        results = make(map[string]*ast.Package, len(paths))
    )
    for _, path := range paths {
        path := path
        sem <- struct{}{}
        wg.Add(1)
        go func() { //@{1}CONC-01
            defer wg.Done()
            defer func() { <-sem }()
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    log.Printf("ignoring panic while parsing package %s: %v\n%s", path, r, debug.Stack())
02|                }
02|            }()

            pkg, err := h.parsePackage(ctx, path)
            if err != nil {
                log.Printf("parse %s: %v", path, err)
                return
            }
01|            mu.Lock()
            results[path] = pkg //@{2}CONC-03
01|            mu.Unlock()
        }()
    }
    wg.Wait()
    return results
}
''')
cases_of(case, GH + 'sourcegraph/go-langserver/pull/21', 'langserver/symbol_packages.go',
         GV('langserver', {0: ['context', 'go/ast', 'log', 'runtime/debug', 'sync'],
                           1: ['context', 'go/ast', 'log', 'sync'],
                           2: ['context', 'go/ast', 'log', 'runtime/debug', 'sync']})(GOLANGSERVER), [
             (1, 'go-00-go-langserver-parse-worker-without-recover',
              'an edit drops the recover of the package-parsing workers, so a panic inside go/doc on one package '
              'takes the whole language server down', 'edit'),
             (2, 'go-00-go-langserver-results-map-written-without-lock',
              'an edit has the parsing workers store their package in the shared results map without the mutex, so '
              'two workers finishing together corrupt the map', 'edit'),
             (0, 'go-ok-00-go-langserver-parse-worker-recovers',
              'clean: the fix recovers a panic of each parsing worker and logs it', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TX-01: build scheduler of a CI server (pikoci)
PIKOCI = template('pikoci-process-job', r'''
// processJob starts the job's oldest pending build. A job whose build cannot start now goes back on the queue;
// only a build another worker already took is left alone.
func (w *Worker) processJob(ctx context.Context, jobID int64) {
    build, err := w.startPendingBuild(ctx, jobID)
    if err != nil { //@{1}ERR-01
02|        if !errors.Is(err, ErrBuildNotPending) {
02|            w.logger.Warn("starting pending build failed; re-queuing", "job", jobID, "error", err)
02|            w.queue.Requeue(jobID)
02|        }
1|        if errors.Is(err, ErrConcurrencyLimit) || errors.Is(err, ErrJobPaused) {
1|            w.queue.Requeue(jobID)
1|        }
        return
    }
    w.dispatch(ctx, build)
}

// startPendingBuild marks the job's oldest pending build as running and returns it.
func (w *Worker) startPendingBuild(ctx context.Context, jobID int64) (*Build, error) {
    tx, err := w.db.BeginTx(ctx, nil)
    if err != nil { //@{2}TX-01
        return nil, fmt.Errorf("begin: %w", err)
    }
01|    defer tx.Rollback() // a no-op once the transaction is committed

    if err := w.checkLimits(ctx, tx, jobID); err != nil {
        return nil, err
    }
    var b Build
    err = tx.QueryRowContext(ctx,
        `SELECT id, number FROM builds WHERE job_id = ? AND status = 'pending' ORDER BY id LIMIT 1`, jobID,
    ).Scan(&b.ID, &b.Number)
    if errors.Is(err, sql.ErrNoRows) {
        return nil, ErrBuildNotPending
    }
    if err != nil {
        return nil, fmt.Errorf("select pending build: %w", err)
    }
    res, err := tx.ExecContext(ctx,
        `UPDATE builds SET status = 'running', started_at = ? WHERE id = ? AND status = 'pending'`, time.Now().UTC(), b.ID)
    if err != nil {
        return nil, fmt.Errorf("mark build %d running: %w", b.ID, err)
    }
    if n, err := res.RowsAffected(); err != nil || n == 0 {
        return nil, ErrBuildNotPending
    }
    if err := tx.Commit(); err != nil {
        return nil, fmt.Errorf("commit start of build %d: %w", b.ID, err)
    }
    return &b, nil
}
''')
cases_of(case, GH + 'PikoCI/pikoci/pull/475', 'internal/scheduler/worker.go',
         G('scheduler', ['context', 'database/sql', 'errors', 'fmt', 'time'])(PIKOCI), [
             (1, 'go-00-pikoci-start-error-dropped-build-stuck-pending',
              'an edit re-queues a job only on the known limit errors and returns on any other, so a transient '
              'database error is dropped without a log line and the build stays pending forever', 'edit'),
             (2, 'go-00-pikoci-start-transaction-not-rolled-back',
              'an edit drops the deferred rollback of the build-start transaction, so every early return (limits '
              'reached, no pending build) leaves the transaction and its connection open', 'edit'),
             (0, 'go-ok-00-pikoci-start-error-requeued',
              'clean: the fix logs and re-queues the job on every start error but a build already taken', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-03: CLI version check of a step library's validator (bitrise-steplib)
BITRISE = template('bitrise-steplib-cli-versions', r'''
const releasesURL = "https://api.github.com/repos/bitrise-io/bitrise/releases?per_page=20"

var httpClient = &http.Client{Timeout: 30 * time.Second}

// getTestableCLIVersionDownloadURLs lists the download URLs of the recent CLI releases for this platform.
func getTestableCLIVersionDownloadURLs() ([]string, error) {
    resp, err := httpClient.Get(releasesURL)
    if err != nil { //@{1}RES-02
        return nil, err
    }
02|    defer func() {
02|        if err := resp.Body.Close(); err != nil {
02|            log.Warnf("Failed to close the releases response: %s", err)
02|        }
02|    }()

    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, err
    }
1|    if err := resp.Body.Close(); err != nil {
1|        return nil, err
1|    }
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("list CLI releases: %s: %s", resp.Status, body)
    }

    var releases []release
    if err := json.Unmarshal(body, &releases); err != nil {
        return nil, err
    }
    var urls []string
    for _, r := range releases {
        urls = append(urls, fmt.Sprintf("https://github.com/bitrise-io/bitrise/releases/download/%s/bitrise-%s-%s", r.TagName, runtime.GOOS, cliArch()))
    }
    return urls, nil
}

// checkDownloadURLs makes sure every listed CLI binary can still be downloaded.
func checkDownloadURLs(urls []string) error {
    for _, u := range urls {
        resp, err := httpClient.Head(u)
        if err != nil {
            return fmt.Errorf("check %s: %w", u, err)
        }
01|        resp.Body.Close()
2|        defer resp.Body.Close() //@RES-03
        if resp.StatusCode != http.StatusOK {
            return fmt.Errorf("check %s: %s", u, resp.Status)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'bitrise-io/bitrise-steplib/pull/1909', 'handlers/validate/validators/collection/collection.go',
         G('collection', ['encoding/json', 'fmt', 'io', 'net/http', 'runtime', 'time', '',
                          'github.com/bitrise-io/go-utils/log'])(BITRISE), [
             (1, 'go-00-bitrise-steplib-releases-body-closed-only-after-read',
              'an edit closes the releases response by hand after reading it, so a failed read returns with the body '
              'still open', 'edit'),
             (2, 'go-00-bitrise-steplib-download-check-defers-close-in-loop',
              'an edit defers the close of each HEAD response inside the loop over download URLs, so all of them '
              'stay open until every URL has been checked', 'edit'),
             (0, 'go-ok-00-bitrise-steplib-releases-body-closed',
              'clean: the fix defers the close of the releases response right after the request', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / LOG-01: workspace status of a coding agent's web UI (jcode)
JCODE = template('jcode-workspace-status', r'''
// handleWorkspace reports the branch and whether the working tree has changes; the UI polls it every few seconds.
func (s *Server) handleWorkspace(w http.ResponseWriter, r *http.Request) {
02|    cmd := exec.CommandContext(r.Context(), "git", "status", "--porcelain", "--branch")
1|    cmd := exec.CommandContext(s.ctx, "git", "status", "--porcelain", "--branch") //@TMO-02
    cmd.Dir = s.pwd
    out, err := cmd.Output()
    if err != nil {
        writeJSON(w, http.StatusInternalServerError, map[string]any{"error": "git status failed"})
        return
    }
    branch, dirty := parseStatus(string(out))
01|    s.logger.Debug("workspace status", "branch", branch, "dirty", dirty)
2|    s.logger.Info("workspace status", "branch", branch, "dirty", dirty) //@LOG-01
    writeJSON(w, http.StatusOK, map[string]any{
        "branch": branch,
        "dirty":  dirty,
    })
}

// parseStatus reads the branch from the "## " header line and treats any other line as a change.
func parseStatus(out string) (branch string, dirty bool) {
    for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
        if rest, ok := strings.CutPrefix(line, "## "); ok {
            branch, _, _ = strings.Cut(rest, "...")
            continue
        }
        if line != "" {
            dirty = true
        }
    }
    return branch, dirty
}
''')
cases_of(case, GH + 'cnjack/jcode/pull/82', 'internal/web/workspace.go',
         G('web', ['net/http', 'os/exec', 'strings'])(JCODE), [
             (1, 'go-00-jcode-workspace-status-on-server-context',
              'an edit runs the workspace\'s git status under the server\'s lifetime context instead of the '
              'request\'s, so a disconnected browser leaves git running', 'edit'),
             (2, 'go-00-jcode-workspace-status-logged-at-info',
              'an edit logs the result of every workspace poll at info, one line per open browser tab every few '
              'seconds', 'edit'),
             (0, 'go-ok-00-jcode-workspace-status-on-request-context',
              'clean: the fix runs git status under the request\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-03: settings reload of a Markdown linter's language server (mdsmith)
MDSMITH = template('mdsmith-lsp-settings', r'''
// handleInitialized asks the client for its settings once the handshake is done; the answer can take a while, so
// it is fetched off the dispatch loop.
func (s *Server) handleInitialized(ctx context.Context) {
02|    go func() {
02|        defer s.recoverPanic("fetchClientSettings")
02|        s.fetchClientSettings(ctx)
02|    }()
1|    go s.fetchClientSettings(ctx) //@CONC-01
}

// fetchClientSettings loads the client's configuration and rebuilds every open document's session with it.
func (s *Server) fetchClientSettings(ctx context.Context) {
    raw, err := s.client.Configuration(ctx, "mdsmith")
    if err != nil {
        s.logger.Printf("mdsmith: fetch client settings: %v", err)
        return
    }
    cfg, err := config.Load(raw)
    if err != nil {
        s.logger.Printf("mdsmith: load client settings: %v", err)
        return
    }
01|    s.mu.Lock()
01|    defer s.mu.Unlock()
    s.cfg = cfg
    for uri, sess := range s.sessions {
        s.sessions[uri] = sess.Rebuild(cfg) //@{2}CONC-03
    }
    if s.OnConfigReload != nil {
        s.OnConfigReload(cfg)
    }
}

// recoverPanic logs a panic with its stack and mirrors it to the client, so a recovery is visible in shipped builds.
func (s *Server) recoverPanic(where string) {
    if r := recover(); r != nil {
        msg := fmt.Sprintf("mdsmith: panic in %s: %v\n%s", where, r, debug.Stack())
        s.logger.Printf("%s", msg)
        s.client.LogMessage(protocol.MessageTypeError, msg)
    }
}
''')
cases_of(case, GH + 'jeduden/mdsmith/pull/552', 'internal/lsp/settings.go',
         G('lsp', ['context', 'fmt', 'runtime/debug', '', 'github.com/jeduden/mdsmith/internal/config',
                   'github.com/jeduden/mdsmith/internal/lsp/protocol'])(MDSMITH), [
             (1, 'go-00-mdsmith-settings-goroutine-without-recover',
              'an edit starts the settings fetch as a bare goroutine, so a panic while compiling the reloaded '
              'configuration kills the language server the dispatch loop would have survived', 'edit'),
             (2, 'go-00-mdsmith-sessions-rebuilt-without-lock',
              'an edit rebuilds the open documents\' sessions from the settings goroutine without the server\'s '
              'mutex, racing the dispatch loop that reads and adds sessions', 'edit'),
             (0, 'go-ok-00-mdsmith-settings-goroutine-recovers',
              'clean: the fix runs the settings fetch under the shared panic recovery', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-01: git worktree operations of a coding workspace backend (chatml)
CHATML = template('chatml-git-worktree', r'''
// maxConflictFileSize caps what the conflict view loads into memory.
const maxConflictFileSize = 4 << 20

// Manager runs git in the session worktrees.
type Manager struct {
    gitPath string
}

// Diff returns the worktree's changes against the branch it was created from. The caller's context is the HTTP
// request's, so a closed tab stops a diff of a large repository.
func (m *Manager) Diff(ctx context.Context, dir, base string) (string, error) {
02|    cmd := exec.CommandContext(ctx, m.gitPath, "diff", "--no-color", base+"...HEAD")
1|    cmd := exec.Command(m.gitPath, "diff", "--no-color", base+"...HEAD") //@TMO-02
    cmd.Dir = dir
    var stderr bytes.Buffer
    cmd.Stderr = &stderr
    out, err := cmd.Output()
    if err != nil {
        return "", fmt.Errorf("git diff in %s: %w: %s", dir, err, strings.TrimSpace(stderr.String()))
    }
    return string(out), nil
}

// ReadConflictFile returns the content of a conflicted file of the worktree, markers included.
func (m *Manager) ReadConflictFile(dir, name string) ([]byte, error) {
    path := filepath.Join(dir, filepath.Clean("/"+name))
    f, err := os.Open(path)
    if err != nil { //@{2}RES-01
        return nil, err
    }
01|    defer f.Close()
    return io.ReadAll(io.LimitReader(f, maxConflictFileSize))
}
''')
cases_of(case, GH + 'chatml/chatml/pull/118', 'backend/git/worktree.go',
         G('git', ['bytes', 'context', 'fmt', 'io', 'os', 'os/exec', 'path/filepath', 'strings'])(CHATML), [
             (1, 'go-00-chatml-worktree-diff-ignores-request-context',
              'an edit runs the worktree diff with exec.Command, leaving the request\'s context unused, so a closed '
              'tab no longer stops a long diff', 'edit'),
             (2, 'go-00-chatml-conflict-file-never-closed',
              'an edit reads a conflicted file without closing it, one descriptor lost per conflict view', 'edit'),
             (0, 'go-ok-00-chatml-worktree-diff-on-request-context',
              'clean: the fix runs the diff under the caller\'s context', 'fix'),
         ])
