"""Round-127 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-03 / OPS-01: webhook handler of a git-driven deployment tool (doco-cd)
DOCOWEBHOOK = template('doco-cd-webhook-repo-lock', r'''
// handlerData serves the webhook endpoint. Two pushes to the same repository must not deploy at once (the second
// would pull and recreate the stack under the first), so every repository gets its own lock, made on first use.
type handlerData struct {
    appConfig *config.AppConfig
    log       *logger.Logger
    locksMu   sync.Mutex
    repoLocks map[string]*sync.Mutex
}

func (h *handlerData) repoLock(repoName string) *sync.Mutex {
02|    h.locksMu.Lock()
02|    defer h.locksMu.Unlock()
    lock, ok := h.repoLocks[repoName] //@{1}CONC-03
    if !ok {
        lock = &sync.Mutex{}
        h.repoLocks[repoName] = lock
    }
    return lock
}

// WebhookHandler deploys the repository a verified push event names. The deployment runs in the request, so the
// provider sees its outcome in the delivery log.
func (h *handlerData) WebhookHandler(w http.ResponseWriter, r *http.Request) {
    payload, err := webhook.Parse(r, h.appConfig.WebhookSecret)
    if err != nil {
        h.log.Debug("rejected webhook delivery", logger.ErrAttr(err))
        http.Error(w, "invalid webhook payload", http.StatusBadRequest)
        return
    }

    lock := h.repoLock(payload.FullName)
    if !lock.TryLock() {
        http.Error(w, "a deployment of this repository is already running", http.StatusConflict)
        return
    }
    defer lock.Unlock()

    if err := deployRepository(r.Context(), h.appConfig, payload); err != nil {
        h.log.Error("deployment failed", slog.String("repository", payload.FullName), logger.ErrAttr(err))
        http.Error(w, "deployment failed", http.StatusInternalServerError)
        return
    }
    w.WriteHeader(http.StatusOK)
}

// Shutdown stops accepting deliveries and lets the running deployments finish, so a restart of the container never
// leaves a stack half recreated.
func (h *handlerData) Shutdown(ctx context.Context, server *http.Server) error {
    h.log.Info("stopping webhook server")
01|    if err := server.Shutdown(ctx); err != nil {
01|        return fmt.Errorf("stopping webhook server: %w", err)
01|    }
01|    return nil
2|    return server.Close() //@OPS-01
}
''')
_DOCO = ['context', 'fmt', 'log/slog', 'net/http', 'sync', '',
         'github.com/kimdre/doco-cd/internal/config', 'github.com/kimdre/doco-cd/internal/logger',
         'github.com/kimdre/doco-cd/internal/webhook']
_DOCO2 = [i for i in _DOCO if i != 'fmt']
cases_of(case, GH + 'kimdre/doco-cd/pull/1131', 'cmd/doco-cd/http_handler.go',
         GV('main', {0: _DOCO, 1: _DOCO, 2: _DOCO2})(DOCOWEBHOOK), [
             (1, 'go-00-doco-cd-webhook-repo-locks-unguarded',
              'an edit drops the mutex around the per-repository lock map, so two deliveries at once read and write '
              'the map together and may each get their own lock for the same repository', 'edit'),
             (2, 'go-00-doco-cd-webhook-shutdown-cuts-deployments',
              'an edit stops the webhook server with Close instead of Shutdown, so running deployments lose their '
              'connection and context half way', 'edit'),
             (0, 'go-ok-00-doco-cd-webhook-repo-locks-guarded',
              'clean: the fix takes the map mutex before looking up or creating a repository\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: GitHub webhook of a Terraform pull request bot (digger)
DIGGERHOOK = template('digger-github-webhook-goroutines', r'''
// GithubAppWebHook acknowledges a GitHub delivery at once and handles the event in the background: GitHub gives up
// on a delivery after ten seconds, and planning a pull request takes longer than that.
func (d DiggerController) GithubAppWebHook(c *gin.Context) {
    eventType := github.WebHookType(c.Request)
    payload, err := github.ValidatePayload(c.Request, []byte(d.WebhookSecret))
    if err != nil {
        slog.Warn("rejected GitHub delivery", "event", eventType, "error", err)
        c.String(http.StatusBadRequest, "invalid payload")
        return
    }

01|    select {
01|    case d.eventSlots <- struct{}{}:
01|    default:
01|        c.String(http.StatusServiceUnavailable, "too many events in flight, retry later")
01|        return
01|    }
    go func() { //@{1}CONC-01 //@{2}CONC-02
01|        defer func() { <-d.eventSlots }()
02|        defer func() {
02|            if r := recover(); r != nil {
02|                slog.Error("panic while handling GitHub event", "event", eventType, "panic", r,
02|                    "stack", string(debug.Stack()))
02|            }
02|        }()
        ctx, cancel := context.WithTimeout(context.Background(), d.EventTimeout)
        defer cancel()
        if err := d.handleEvent(ctx, eventType, payload); err != nil {
            slog.Error("handling GitHub event failed", "event", eventType, "error", err)
        }
    }()
    c.String(http.StatusAccepted, "ok")
}

func (d DiggerController) handleEvent(ctx context.Context, eventType string, payload []byte) error {
    event, err := github.ParseWebHook(eventType, payload)
    if err != nil {
        return fmt.Errorf("parsing %s event: %w", eventType, err)
    }
    switch event := event.(type) {
    case *github.PullRequestEvent:
        return d.handlePullRequestEvent(ctx, event)
    case *github.IssueCommentEvent:
        return d.handleIssueCommentEvent(ctx, event)
    case *github.InstallationEvent:
        return d.handleInstallationEvent(ctx, event)
    default:
        return nil
    }
}
''')
_DIG = ['context', 'fmt', 'log/slog', 'net/http', 'runtime/debug', '', 'github.com/gin-gonic/gin',
        'github.com/google/go-github/v61/github']
cases_of(case, GH + 'diggerhq/digger/pull/1858', 'backend/controllers/github.go',
         GV('controllers', {0: _DIG, 1: [i for i in _DIG if i != 'runtime/debug'], 2: _DIG})(DIGGERHOOK), [
             (1, 'go-00-digger-webhook-event-goroutine-without-recover',
              'an edit drops the recover of the background event goroutine, so a panic while planning one pull '
              'request takes the whole backend down', 'edit'),
             (2, 'go-00-digger-webhook-event-goroutines-unbounded',
              'an edit drops the event slots, so a burst of deliveries starts one planning goroutine each without '
              'limit', 'edit'),
             (0, 'go-ok-00-digger-webhook-event-goroutine-recovers',
              'clean: the fix recovers and logs a panic of the event goroutine with its stack', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: commit status of a Kubernetes CI operator (cicd-operator)
CICDSTATUS = template('cicd-operator-commit-status', r'''
// SetCommitStatus sets the state of a commit in the repository of the IntegrationConfig.
func (c *Client) SetCommitStatus(ctx context.Context, sha string, status git.CommitStatus) error {
    body, err := json.Marshal(&CommitStatusBody{
        State:       string(status.State),
        TargetURL:   status.TargetURL,
        Description: status.Description,
        Context:     status.Context,
    })
    if err != nil {
        return err
    }
    apiURL := fmt.Sprintf("%s/repos/%s/statuses/%s", c.APIURL, c.IntegrationConfig.Spec.Git.Repository, sha)
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, apiURL, bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", "token "+c.token)
    req.Header.Set("Content-Type", "application/json")

    resp, err := c.httpClient.Do(req)
    if err != nil {
        return err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode >= 300 { //@{2}RES-02
        msg, readErr := io.ReadAll(io.LimitReader(resp.Body, 4096))
        if readErr != nil {
            msg = []byte(readErr.Error())
        }
        return fmt.Errorf("setting commit status of %s: %s: %s", sha, resp.Status, msg)
    }
    return nil
}

// ReportJobStatus mirrors the state of an IntegrationJob to the commit it runs for. A status that cannot be set is
// an error of the reconcile, so the job is requeued rather than left showing "pending" on the pull request.
func (c *Client) ReportJobStatus(ctx context.Context, job *cicdv1.IntegrationJob, state git.CommitStatusState, description string) error {
    sha := job.Spec.Refs.Base.Sha
    if len(job.Spec.Refs.Pulls) > 0 {
        sha = job.Spec.Refs.Pulls[0].Sha
    }
    status := git.CommitStatus{
        State:       state,
        Description: description,
        Context:     job.Spec.ConfigRef.Name,
        TargetURL:   job.GetReportServerAddress(),
    }
02|    if err := c.SetCommitStatus(ctx, sha, status); err != nil {
02|        return fmt.Errorf("reporting the status of job %s: %w", job.Name, err)
02|    }
02|    return nil
1|    _ = c.SetCommitStatus(ctx, sha, status) //@ERR-01
1|    return nil
}
''')
_CICD = ['bytes', 'context', 'encoding/json', 'fmt', 'io', 'net/http', '',
         'cicdv1 github.com/tmax-cloud/cicd-operator/api/v1', 'github.com/tmax-cloud/cicd-operator/pkg/git']
cases_of(case, GH + 'tmax-cloud/cicd-operator/pull/83', 'pkg/git/github/status.go',
         G('github', _CICD)(CICDSTATUS), [
             (1, 'go-00-cicd-operator-job-status-error-discarded',
              'an edit discards the error of setting a job\'s commit status, so the pull request keeps showing a '
              'stale state and nothing retries', 'edit'),
             (2, 'go-00-cicd-operator-status-response-left-open',
              'an edit drops the close of the commit status response, so every successful status keeps its '
              'connection out of the pool', 'edit'),
             (0, 'go-ok-00-cicd-operator-job-status-error-returned',
              'clean: the fix returns the error of setting the commit status to the reconcile', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: GitHub status of a Docker image build service (conveyor)
CONVEYOR = template('conveyor-status-builder', r'''
// statusBuilder wraps a Builder and reports the build on the commit as a GitHub status. The pending status comes
// first: if GitHub refuses it (the repository is gone or the token lost access) there is nobody to report the result
// to, so the build does not start.
type statusBuilder struct {
    Builder
    github  statusCreator
    baseURL string
}

type statusCreator interface {
    CreateStatus(ctx context.Context, owner, repo, ref string, status *github.RepoStatus) (*github.RepoStatus, *github.Response, error)
}

func (b *statusBuilder) Build(ctx context.Context, w io.Writer, opts BuildOptions) (string, error) {
02|    if err := b.updateStatus(ctx, opts, "pending", ""); err != nil {
02|        return "", fmt.Errorf("creating pending status for %s@%s: %w", opts.Repository, opts.Sha, err)
02|    }
1|    b.updateStatus(ctx, opts, "pending", "") //@ERR-01

    image, err := b.Builder.Build(ctx, w, opts)
    if err != nil {
        if serr := b.updateStatus(ctx, opts, "failure", ""); serr != nil {
            return "", fmt.Errorf("%w (reporting the failure: %v)", err, serr)
        }
        return "", err
    }
    if err := b.updateStatus(ctx, opts, "success", image); err != nil {
        return image, fmt.Errorf("creating success status for %s@%s: %w", opts.Repository, opts.Sha, err)
    }
    return image, nil
}

func (b *statusBuilder) updateStatus(ctx context.Context, opts BuildOptions, state, image string) error {
    owner, repo, ok := strings.Cut(opts.Repository, "/")
    if !ok {
        return fmt.Errorf("repository %q is not owner/name", opts.Repository)
    }
    status := &github.RepoStatus{
        State:       github.String(state),
        Context:     github.String("container/docker"),
        Description: github.String(describe(state, image)),
        TargetURL:   github.String(fmt.Sprintf("%s/logs/%s", b.baseURL, opts.ID)),
    }
01|    _, _, err := b.github.CreateStatus(ctx, owner, repo, opts.Sha, status)
2|    _, _, err := b.github.CreateStatus(context.Background(), owner, repo, opts.Sha, status) //@TMO-02
    return err
}

func describe(state, image string) string {
    switch state {
    case "pending":
        return "Image is building"
    case "success":
        return "Image was built: " + image
    default:
        return "Image build failed"
    }
}
''')
_CONV = ['context', 'fmt', 'io', 'strings', '', 'github.com/google/go-github/github']
cases_of(case, GH + 'remind101/conveyor/pull/5', 'builder/status.go',
         G('builder', _CONV)(CONVEYOR), [
             (1, 'go-00-conveyor-pending-status-error-dropped',
              'an edit drops the error of the pending status, so a build whose repository GitHub no longer knows '
              'runs to the end with nowhere to report it', 'edit'),
             (2, 'go-00-conveyor-status-on-background-context',
              'an edit creates the GitHub status on a background context, so a cancelled build still waits for '
              'GitHub', 'edit'),
             (0, 'go-ok-00-conveyor-pending-status-aborts-build',
              'clean: the fix aborts the build when the pending status cannot be created', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: blob push of a container registry client (regclient)
REGBLOB = template('regclient-blob-push', r'''
// Client talks to one registry. Pushes of large layers take many minutes, so the HTTP client has no overall timeout:
// each phase of a connection is bounded instead, and every push gets a deadline from the size of its blob.
type Client struct {
    host    config.Host
    http    *http.Client
    log     *logrus.Logger
    minRate int64 // bytes per second a push must at least reach
}

func New(host config.Host, log *logrus.Logger) *Client {
    return &Client{host: host, http: newHTTPClient(host), log: log, minRate: 64 * 1024}
}

func newHTTPClient(host config.Host) *http.Client {
02|    dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
02|    transport := &http.Transport{
02|        Proxy:                 http.ProxyFromEnvironment,
02|        DialContext:           dialer.DialContext,
02|        TLSHandshakeTimeout:   10 * time.Second,
02|        ResponseHeaderTimeout: 2 * time.Minute,
02|        IdleConnTimeout:       90 * time.Second,
02|        MaxIdleConnsPerHost:   host.ReqConcurrent,
02|    }
1|    transport := &http.Transport{Proxy: http.ProxyFromEnvironment, MaxIdleConnsPerHost: host.ReqConcurrent} //@TMO-01
    return &http.Client{Transport: transport}
}

func (c *Client) endpoint(format string, args ...any) string {
    return "https://" + c.host.Hostname + fmt.Sprintf(format, args...)
}

// BlobHead reports whether the registry already has the blob.
func (c *Client) BlobHead(ctx context.Context, repo string, d digest.Digest) (bool, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodHead, c.endpoint("/v2/%s/blobs/%s", repo, d), nil)
    if err != nil {
        return false, err
    }
    resp, err := c.http.Do(req)
    if err != nil {
        return false, fmt.Errorf("blob head %s: %w", d, err)
    }
    defer resp.Body.Close()
    switch resp.StatusCode {
    case http.StatusOK:
        return true, nil
    case http.StatusNotFound:
        return false, nil
    default:
        return false, fmt.Errorf("blob head %s: %s", d, resp.Status)
    }
}

// BlobPut pushes a whole blob with one PUT to the upload location the registry handed out.
func (c *Client) BlobPut(ctx context.Context, location string, d digest.Digest, size int64, rdr io.Reader) error {
    limit := time.Minute + time.Duration(size/c.minRate)*time.Second
01|    ctx, cancel := context.WithTimeout(ctx, limit)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, limit) //@TMO-03

    u, err := url.Parse(location)
    if err != nil {
        return fmt.Errorf("upload location %q: %w", location, err)
    }
    q := u.Query()
    q.Set("digest", d.String())
    u.RawQuery = q.Encode()
    req, err := http.NewRequestWithContext(ctx, http.MethodPut, u.String(), rdr)
    if err != nil {
        return err
    }
    req.ContentLength = size
    req.Header.Set("Content-Type", "application/octet-stream")
    resp, err := c.http.Do(req)
    if err != nil {
        return fmt.Errorf("blob put %s: %w", d, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusCreated {
        return fmt.Errorf("blob put %s: %s", d, resp.Status)
    }
    c.log.WithFields(logrus.Fields{"digest": d, "size": size}).Debug("blob pushed")
    return nil
}
''')
_REG = ['context', 'fmt', 'io', 'net', 'net/http', 'net/url', 'time', '', 'github.com/opencontainers/go-digest',
        'github.com/sirupsen/logrus', '', 'github.com/regclient/regclient/config']
_REG_TEST = go('reghttp', ['context', 'net/http', 'net/http/httptest', 'strings', 'testing', '',
                           'github.com/opencontainers/go-digest', 'github.com/sirupsen/logrus', '',
                           'github.com/regclient/regclient/config'], r'''
func TestBlobPutSendsDigest(t *testing.T) {
    var got string
    srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        got = r.URL.Query().Get("digest")
        w.WriteHeader(http.StatusCreated)
    }))
    defer srv.Close()

    c := New(config.Host{Hostname: strings.TrimPrefix(srv.URL, "https://"), ReqConcurrent: 2}, logrus.New())
    c.http = srv.Client()
    d := digest.FromString("layer")
    if err := c.BlobPut(context.Background(), srv.URL+"/v2/app/blobs/uploads/1", d, 5, strings.NewReader("layer")); err != nil {
        t.Fatalf("BlobPut: %v", err)
    }
    if got != d.String() {
        t.Fatalf("digest sent %q, want %q", got, d)
    }
}
''')
cases_of(case, GH + 'regclient/regclient/issues/69', 'internal/reghttp/blob.go',
         G('reghttp', _REG)(REGBLOB), [
             (1, 'go-00-regclient-transport-without-timeouts',
              'an edit builds the registry transport without dial, handshake or response-header timeouts, so a '
              'registry that stops answering hangs every request but the bounded pushes', 'edit'),
             (2, 'go-00-regclient-blob-put-cancel-dropped',
              'an edit discards the cancel function of the push deadline', 'edit'),
             (0, 'go-ok-00-regclient-transport-bounded',
              'clean: the fix bounds every phase of a registry connection; a test of the push comes with it', 'fix',
              [f('internal/reghttp/blob_test.go', new=_REG_TEST)]),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: artifact upload of an OTA deployment service (mender deployments)
MENDERUPLOAD = template('mender-artifact-upload-pipe', r'''
// handleArtifact stores the uploaded artifact and reads its metadata in one pass: the upload to the file storage runs
// in a goroutine reading one end of a pipe, while the artifact parser reads through a tee that writes the other end.
func (i *ImagesModel) handleArtifact(ctx context.Context, imageReader io.Reader) (*images.SoftwareImageMetaArtifactConstructor, string, error) {
    pR, pW := io.Pipe()
    tee := io.TeeReader(io.LimitReader(imageReader, MaxImageSize), pW)
    artifactID := uuid.NewString()

    ch := make(chan error, 1)
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                perr := fmt.Errorf("artifact upload panicked: %v", r)
01|                pR.CloseWithError(perr)
01|                ch <- perr
01|            }
01|        }()
        err := i.fileStorage.UploadArtifact(ctx, artifactID, pR, ArtifactContentType)
        pR.CloseWithError(err)
        ch <- err
    }()

    meta, err := getMetaFromArchive(&tee)
    if err != nil {
02|        pW.CloseWithError(err)
        <-ch //@{1}RES-01
        return nil, "", errors.Wrap(err, "reading artifact metadata")
    }
    if _, err := io.Copy(io.Discard, tee); err != nil {
        pW.CloseWithError(err)
        <-ch
        return nil, "", errors.Wrap(err, "reading the rest of the artifact")
    }
    pW.Close()
    if err := <-ch; err != nil {
        return nil, "", errors.Wrap(err, "uploading artifact")
    }
    return meta, artifactID, nil
}
''')
_MEN = ['context', 'fmt', 'io', '', 'github.com/google/uuid', 'github.com/pkg/errors', '',
        'github.com/mendersoftware/deployments/model/images']
cases_of(case, GH + 'mendersoftware/deployments/pull/198', 'resources/images/model/images.go',
         GV('model', {0: _MEN, 1: _MEN, 2: [i for i in _MEN if i != 'fmt']})(MENDERUPLOAD), [
             (1, 'go-00-mender-artifact-pipe-left-open-on-bad-metadata',
              'an edit drops the close of the pipe when the metadata cannot be read, so the upload goroutine waits '
              'for more data forever and the request with it', 'edit'),
             (2, 'go-00-mender-artifact-upload-goroutine-without-recover',
              'an edit drops the recover of the upload goroutine, so a panic in the storage client crashes the '
              'service', 'edit'),
             (0, 'go-ok-00-mender-artifact-pipe-closed-on-every-path',
              'clean: the fix closes the pipe with the error when the metadata cannot be read', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-02: commit status of a CI server (abstruse), new file
ABSTRUSE = template('abstruse-scm-status', r'''
// SCM sends build results back to the provider the repository lives on.
type SCM struct {
    url    string
    token  string
    client *http.Client
    logger *zap.SugaredLogger
}

// NewSCM returns the client of one provider. Statuses are small requests: one that takes longer than the timeout is
// failed and retried with the next build event rather than holding the build's worker.
func NewSCM(url, token string, logger *zap.Logger) *SCM {
    return &SCM{
        url:    strings.TrimSuffix(url, "/"),
        token:  token,
02|        client: &http.Client{Timeout: 15 * time.Second},
1|        client: &http.Client{}, //@TMO-01
        logger: logger.With(zap.String("type", "scm")).Sugar(),
    }
}

// CreateStatus sets the state of a commit from the status of a build.
func (s *SCM) CreateStatus(ctx context.Context, repo, sha, buildURL, state string) error {
    body, err := json.Marshal(map[string]string{
        "state":       state,
        "target_url":  buildURL,
        "description": "Abstruse CI build " + state,
        "context":     "continuous-integration/abstruse",
    })
    if err != nil {
        return err
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost,
        fmt.Sprintf("%s/repos/%s/statuses/%s", s.url, repo, sha), bytes.NewReader(body))
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", "token "+s.token)
    req.Header.Set("Content-Type", "application/json")
    resp, err := s.client.Do(req)
    if err != nil {
        return fmt.Errorf("commit status %s for %s@%s: %w", state, repo, sha, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusCreated {
        return fmt.Errorf("commit status %s for %s@%s: %s", state, repo, sha, resp.Status)
    }
01|    s.logger.Debugw("commit status sent", "repo", repo, "sha", sha, "state", state)
2|    s.logger.Debug(fmt.Sprintf("commit status %s sent for %s@%s", state, repo, sha)) //@LOG-02
    return nil
}
''')
_ABS = ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'strings', 'time', '', 'go.uber.org/zap']
cases_of(case, GH + 'bleenco/abstruse/pull/116', 'server/core/scm.go',
         G('core', _ABS)(ABSTRUSE), [
             (1, 'go-00-abstruse-new-scm-client-without-timeout',
              'a new SCM client sends commit statuses with an HTTP client that has no timeout, so a provider that '
              'stops answering holds the build worker', 'new'),
             (2, 'go-00-abstruse-new-scm-status-debug-formatted',
              'a new SCM client formats its debug line with fmt.Sprintf on every status, logged or not', 'new'),
             (0, 'go-ok-00-abstruse-new-scm-client-bounded',
              'clean: a new SCM client with a request timeout and a structured debug line', 'new'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-01: release upload of a download tool (http-downloader), renamed file
HDUPLOAD = template('http-downloader-release-upload', r'''
// uploadArtifacts attaches every built archive to the release, one request per file.
func (o *releaseOption) uploadArtifacts(ctx context.Context, release *github.RepositoryRelease, files []string) error {
    for _, name := range files {
02|        if err := o.uploadArtifact(ctx, release, name); err != nil {
02|            return err
02|        }
1|        f, err := os.Open(name)
1|        if err != nil {
1|            return fmt.Errorf("opening artifact %s: %w", name, err)
1|        }
1|        defer f.Close() //@RES-03
1|        if _, _, err := o.client.Repositories.UploadReleaseAsset(ctx, o.owner, o.repo, release.GetID(),
1|            &github.UploadOptions{Name: filepath.Base(name)}, f); err != nil {
1|            return fmt.Errorf("uploading artifact %s: %w", name, err)
1|        }
    }
    return nil
}

02|// uploadArtifact uploads one file; the file is closed before the next one is opened.
02|func (o *releaseOption) uploadArtifact(ctx context.Context, release *github.RepositoryRelease, name string) error {
02|    f, err := os.Open(name)
02|    if err != nil {
02|        return fmt.Errorf("opening artifact %s: %w", name, err)
02|    }
0|    defer f.Close()
02|    if _, _, err := o.client.Repositories.UploadReleaseAsset(ctx, o.owner, o.repo, release.GetID(), //@{2}RES-01
02|        &github.UploadOptions{Name: filepath.Base(name)}, f); err != nil {
02|        return fmt.Errorf("uploading artifact %s: %w", name, err)
02|    }
2|    return f.Close()
0|    return nil
02|}
''')
_HD = ['context', 'fmt', 'os', 'path/filepath', '', 'github.com/google/go-github/v29/github']
cases_of(case, GH + 'LinuxSuRen/http-downloader/pull/22', 'pkg/release/upload.go',
         G('release', _HD)(HDUPLOAD), [
             (1, 'go-00-http-downloader-renamed-upload-defers-close-in-loop',
              'a move of the release upload also inlines the per-file upload into the loop and defers each file\'s '
              'close to the end of the whole upload', 'rename'),
             (2, 'go-00-http-downloader-renamed-upload-file-left-open-on-error',
              'a move of the release upload also closes each file only after a successful upload, so a failed '
              'upload leaves it open', 'rename'),
             (0, 'go-ok-00-http-downloader-renamed-upload-closes-each-file',
              'clean: the move alone; each file is closed by its own upload', 'rename'),
         ], rename_from='cmd/release_upload.go', rename_old=lambda t: t.replace('package release', 'package cmd', 1))


# ---------------------------------------------------------------- RES-02 / LOG-01: response cache of a package-registry proxy (dependabot proxy)
DEPPROXY = template('dependabot-proxy-response-cache', r'''
// storeResponse keeps a copy of a cacheable upstream response and hands the client an identical one. Responses that
// must not carry a body (HEAD, 204, 304) are stored and passed on without one, so the next request on a kept-alive
// tunnel is not corrupted by stray bytes.
func (c *Cache) storeResponse(resp *http.Response, ctx *goproxy.ProxyCtx) *http.Response {
    if resp == nil || !c.cacheable(resp) {
        return resp
    }
    if bodyless(resp) {
        c.put(cacheKey(resp.Request), entry{status: resp.StatusCode, header: resp.Header.Clone()})
        return resp
    }
    body, err := io.ReadAll(resp.Body) //@{1}RES-02
02|    resp.Body.Close()
    if err != nil {
        ctx.Warnf("reading %s for the cache: %v", resp.Request.URL, err)
        return goproxy.NewResponse(resp.Request, goproxy.ContentTypeText, http.StatusBadGateway,
            "reading the upstream response failed")
    }
    c.put(cacheKey(resp.Request), entry{status: resp.StatusCode, header: resp.Header.Clone(), body: body})
    resp.Body = io.NopCloser(bytes.NewReader(body))
    return resp
}

// serveCached answers a request from the cache when it can; a miss goes upstream.
func (c *Cache) serveCached(req *http.Request, ctx *goproxy.ProxyCtx) (*http.Request, *http.Response) {
    e, ok := c.get(cacheKey(req))
    if !ok {
        c.misses.Inc()
        return req, nil
    }
    c.hits.Inc()
2|    ctx.Logf("cache hit for %s %s, serving %d bytes", req.Method, req.URL, len(e.body)) //@LOG-01
    return req, e.response(req)
}

// cacheable keeps only successful GETs and HEADs of a known, bounded size.
func (c *Cache) cacheable(resp *http.Response) bool {
    if resp.Request.Method != http.MethodGet && resp.Request.Method != http.MethodHead {
        return false
    }
    if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNotModified && resp.StatusCode != http.StatusNoContent {
        return false
    }
    return bodyless(resp) || (resp.ContentLength >= 0 && resp.ContentLength <= c.maxEntryBytes)
}

func bodyless(resp *http.Response) bool {
    return resp.Request.Method == http.MethodHead || resp.StatusCode == http.StatusNoContent ||
        resp.StatusCode == http.StatusNotModified
}
''')
_DEP = ['bytes', 'io', 'net/http', '', 'github.com/elazarl/goproxy']
cases_of(case, GH + 'dependabot/proxy/pull/201', 'internal/cache/cache.go',
         G('cache', _DEP)(DEPPROXY), [
             (1, 'go-00-dependabot-proxy-upstream-body-left-open',
              'an edit drops the close of the upstream body once it is read into the cache, so every cached '
              'response keeps its upstream connection', 'edit'),
             (2, 'go-00-dependabot-proxy-logs-every-cache-hit',
              'an edit logs every cache hit, one line per proxied request of a dependency resolution', 'edit'),
             (0, 'go-ok-00-dependabot-proxy-upstream-body-closed',
              'clean: the fix closes the upstream body after reading it into the cache', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-02: pipeline check of a GitLab merge bot (merge-bot), CRLF file
MERGEBOT = template('merge-bot-pipeline-check', r'''
// pipelineSucceeded reports whether every status of the merge request's last commit succeeded. A commit GitLab no
// longer knows (it was force-pushed away) has nothing left to check; any other error stops the merge.
func (g *GitlabProvider) pipelineSucceeded(ctx context.Context, sha string) (bool, error) {
    opts := &gitlab.GetCommitStatusesOptions{All: gitlab.Ptr(true)}
01|    statuses, resp, err := g.api.Commits.GetCommitStatuses(g.projectID, sha, opts, gitlab.WithContext(ctx))
2|    statuses, resp, err := g.api.Commits.GetCommitStatuses(g.projectID, sha, opts) //@TMO-02
02|    if err != nil {
02|        if resp != nil && resp.StatusCode == http.StatusNotFound {
02|            return true, nil
02|        }
02|        return false, fmt.Errorf("commit statuses of %s: %w", sha, err)
02|    }
1|    if err != nil { //@ERR-01
1|        return true, nil
1|    }
    for _, s := range statuses {
        if s.AllowFailure {
            continue
        }
        if s.Status != "success" {
            return false, nil
        }
    }
    return true, nil
}
''')
_MB = ['context', 'fmt', 'net/http', '', 'gitlab gitlab.com/gitlab-org/api/client-go']
cases_of(case, GH + 'Gasoid/merge-bot/pull/62', 'pkg/gitlab/pipeline.go',
         GV('gitlab', {0: _MB, 1: [i for i in _MB if i not in ('fmt', 'net/http')], 2: _MB})(MERGEBOT), [
             (1, 'go-00-merge-bot-status-errors-read-as-success',
              'an edit treats every error of reading the commit statuses as "nothing to check", so a GitLab outage '
              'lets the bot merge untested code', 'edit'),
             (2, 'go-00-merge-bot-status-request-without-context',
              'an edit reads the commit statuses without the request context, so a cancelled merge check keeps '
              'waiting for GitLab', 'edit'),
             (0, 'go-ok-00-merge-bot-only-missing-commit-ignored',
              'clean: the fix ignores only the error of a commit GitLab no longer knows', 'fix'),
         ], crlf=True)
