"""Round-111 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-01: registry lookups of a CI tooling repository (openshift/ci-tools)
CITOOLS = template('ci-tools-registry-manifest', r'''
// registryClient asks the image registry whether a promoted tag still exists before the registry replacer rewrites
// a Dockerfile's FROM line to it. The replacer reconciles hundreds of Dockerfiles a pass, so every lookup must give
// its connection back and none may hang the reconciler.
type registryClient struct {
    client *http.Client
    host   string
}

func newRegistryClient(host string) *registryClient {
    return &registryClient{
01|        client: &http.Client{Timeout: 30 * time.Second},
2|        client: &http.Client{}, //@TMO-01
        host:   host,
    }
}

// manifestDigest returns the digest of repo:tag, or "" when the registry does not know the tag.
func (c *registryClient) manifestDigest(ctx context.Context, repo, tag string) (string, error) {
    u := fmt.Sprintf("https://%s/v2/%s/manifests/%s", c.host, repo, tag)
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
    if err != nil {
        return "", fmt.Errorf("building manifest request for %s:%s: %w", repo, tag, err)
    }
    req.Header.Set("Accept", "application/vnd.docker.distribution.manifest.v2+json")
    resp, err := c.client.Do(req)
    if err != nil { //@{1}RES-02
        return "", fmt.Errorf("requesting manifest %s:%s: %w", repo, tag, err)
    }
02|    defer resp.Body.Close()
    switch resp.StatusCode {
    case http.StatusOK:
        return resp.Header.Get("Docker-Content-Digest"), nil
    case http.StatusNotFound:
        return "", nil
    }
    body, err := io.ReadAll(io.LimitReader(resp.Body, 4096))
    if err != nil {
        return "", fmt.Errorf("reading registry error for %s:%s: %w", repo, tag, err)
    }
    return "", fmt.Errorf("registry answered %d for %s:%s: %s", resp.StatusCode, repo, tag, strings.TrimSpace(string(body)))
}

// promotedPullSpec returns the pull spec the replacer writes for an image, or "" to keep the original one.
func (c *registryClient) promotedPullSpec(ctx context.Context, repo, tag string) (string, error) {
    digest, err := c.manifestDigest(ctx, repo, tag)
    if err != nil || digest == "" {
        return "", err
    }
    return fmt.Sprintf("%s/%s@%s", c.host, repo, digest), nil
}
''')
CITOOLS_TEST = f('pkg/controller/registry_replacer/registry_client_test.go', new=go('registryreplacer', [
    'context', 'net/http', 'net/http/httptest', 'strings', 'testing'], r'''
func TestManifestDigestUnknownTag(t *testing.T) {
    srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        http.NotFound(w, r)
    }))
    defer srv.Close()

    c := newRegistryClient(strings.TrimPrefix(srv.URL, "https://"))
    c.client = srv.Client()
    digest, err := c.manifestDigest(context.Background(), "ci/base", "missing")
    if err != nil {
        t.Fatalf("unexpected error: %v", err)
    }
    if digest != "" {
        t.Fatalf("expected no digest for an unknown tag, got %q", digest)
    }
}
'''))
cases_of(case, GH + 'openshift/ci-tools/pull/1423', 'pkg/controller/registry_replacer/registry_client.go',
         G('registryreplacer', ['context', 'fmt', 'io', 'net/http', 'strings', 'time'])(CITOOLS), [
             (1, 'go-00-ci-tools-manifest-body-left-open',
              'an edit drops the close of the registry\'s manifest response, so every lookup of the registry replacer '
              'keeps its connection out of the pool', 'edit'),
             (2, 'go-00-ci-tools-registry-client-without-timeout',
              'an edit builds the registry client without a timeout, so one registry that never answers stalls the '
              'reconciler; the change adds a test beside it', 'edit', [CITOOLS_TEST]),
             (0, 'go-ok-00-ci-tools-manifest-body-closed',
              'clean: the fix closes the manifest response on every path after the request succeeds', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: object storage of a pure-Go git implementation (go-git)
GOGIT = template('go-git-packfile-close', r'''
// forEachPackedObject walks the objects of every packfile of the repository. Each packfile is opened in turn and
// closed before the next one is opened: a repository with thousands of packs otherwise runs out of descriptors.
func (s *ObjectStorage) forEachPackedObject(t plumbing.ObjectType, fn func(plumbing.EncodedObject) error) error {
    packs, err := s.dir.ObjectPacks()
    if err != nil {
        return err
    }
    for _, h := range packs {
        pack, err := s.dir.ObjectPack(h)
        if err != nil {
            return err
        }
2|        defer pack.Close() //@RES-03
        werr := s.walkPack(pack, t, fn)
01|        if cerr := pack.Close(); werr == nil {
01|            werr = cerr
01|        }
        if werr != nil {
            return werr
        }
    }
    return nil
}

// looseObjectReader opens a loose object and returns a reader of its inflated content; the caller closes it, which
// closes the file underneath.
func (s *ObjectStorage) looseObjectReader(h plumbing.Hash) (io.ReadCloser, error) {
    obj, err := s.dir.Object(h)
    if err != nil {
        return nil, err
    }
    zr, zerr := zlib.NewReader(obj) //@{1}RES-01
    if zerr != nil {
02|        _ = obj.Close()
        return nil, fmt.Errorf("inflating loose object %s: %w", h, zerr)
    }
    return &inflatedObject{zr: zr, file: obj}, nil
}

type inflatedObject struct {
    zr   io.ReadCloser
    file io.Closer
}

func (o *inflatedObject) Read(p []byte) (int, error) { return o.zr.Read(p) }

func (o *inflatedObject) Close() error {
    zerr := o.zr.Close()
    if ferr := o.file.Close(); ferr != nil {
        return ferr
    }
    return zerr
}
''')
cases_of(case, GH + 'go-git/go-git/pull/2027', 'storage/filesystem/object_iter.go',
         G('filesystem', ['compress/zlib', 'fmt', 'io', '', 'github.com/go-git/go-git/v5/plumbing'])(GOGIT), [
             (1, 'go-00-go-git-loose-object-file-left-open',
              'an edit drops the close of a loose object\'s file when its zlib reader cannot be created, leaking a '
              'descriptor for every corrupt object read', 'edit'),
             (2, 'go-00-go-git-packfile-close-deferred-in-loop',
              'an edit defers each packfile\'s close inside the loop over packs, so every pack stays open until the '
              'whole walk returns', 'edit'),
             (0, 'go-ok-00-go-git-loose-object-file-closed',
              'clean: the fix closes the loose object\'s file when the zlib reader fails', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: pull request fetch of an AI code review tool (ai-code-critic)
CRITIC = template('ai-code-critic-pull-request', r'''
// requestTimeout bounds each GitHub call the critic makes for one review.
const requestTimeout = 15 * time.Second

// GetPullRequest fetches the pull request under review and its unified diff. ctx is the command's context, cancelled
// when the user interrupts the review.
func GetPullRequest(ctx context.Context, client *github.Client, owner, repo string, number int) (*github.PullRequest, string, error) {
01|    ctx, cancel := context.WithTimeout(ctx, requestTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, requestTimeout) //@TMO-03

    pr, _, err := client.PullRequests.Get(ctx, owner, repo, number)
    if err != nil {
        return nil, "", fmt.Errorf("fetching %s/%s#%d: %w", owner, repo, number, err)
    }
02|    diff, _, err := client.PullRequests.GetRaw(ctx, owner, repo, number, github.RawOptions{Type: github.Diff})
1|    diff, _, err := client.PullRequests.GetRaw(context.Background(), owner, repo, number, github.RawOptions{Type: github.Diff}) //@TMO-02
    if err != nil {
        return nil, "", fmt.Errorf("fetching the diff of %s/%s#%d: %w", owner, repo, number, err)
    }
    return pr, diff, nil
}

// ParsePullRequestURL splits https://github.com/<owner>/<repo>/pull/<n> into its parts.
func ParsePullRequestURL(raw string) (owner, repo string, number int, err error) {
    parts := strings.Split(strings.TrimPrefix(strings.TrimSuffix(raw, "/"), "https://github.com/"), "/")
    if len(parts) != 4 || parts[2] != "pull" {
        return "", "", 0, fmt.Errorf("not a pull request URL: %s", raw)
    }
    number, err = strconv.Atoi(parts[3])
    if err != nil {
        return "", "", 0, fmt.Errorf("pull request number in %s: %w", raw, err)
    }
    return parts[0], parts[1], number, nil
}
''')
cases_of(case, GH + 'kmesiab/ai-code-critic/pull/41', 'internal/github.go',
         G('internal', ['context', 'fmt', 'strconv', 'strings', 'time', '',
                        'github.com/google/go-github/v57/github'])(CRITIC), [
             (1, 'go-00-ai-code-critic-diff-fetch-without-caller-context',
              'an edit fetches the pull request\'s diff with a background context, so neither the request timeout '
              'nor the user\'s interrupt reaches that call', 'edit'),
             (2, 'go-00-ai-code-critic-timeout-cancel-discarded',
              'an edit discards the cancel of the request timeout\'s context, keeping its timer until it fires', 'edit'),
             (0, 'go-ok-00-ai-code-critic-diff-fetch-with-caller-context',
              'clean: the fix passes the bounded caller context to the diff fetch as well', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-01: build server of a container build service (furan)
FURAN = template('furan-build-shutdown', r'''
// StartBuild runs a build on its own goroutine; the build's status in the datastore moves to a final state when the
// goroutine ends, whether the build succeeded, failed or was cancelled.
func (gr *GrpcServer) StartBuild(ctx context.Context, req *BuildRequest) (*BuildRequestResponse, error) {
    id, err := gr.dl.CreateBuild(ctx, req)
    if err != nil {
        return nil, fmt.Errorf("creating build: %w", err)
    }
    bctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
    gr.mu.Lock()
    gr.active[id] = cancel
    gr.mu.Unlock()

    gr.builds.Add(1)
    go func() { //@{2}CONC-01
        defer gr.builds.Done()
        defer gr.forget(id)
01|        defer func() {
01|            if r := recover(); r != nil {
01|                gr.logf("build %v panicked: %v", id, r)
01|                gr.setFailed(id, fmt.Errorf("build panicked: %v", r))
01|            }
01|        }()
        gr.runBuild(bctx, id, req)
    }()
    return &BuildRequestResponse{BuildId: id.String()}, nil
}

func (gr *GrpcServer) forget(id uuid.UUID) {
    gr.mu.Lock()
    defer gr.mu.Unlock()
    if cancel, ok := gr.active[id]; ok {
        cancel()
        delete(gr.active, id)
    }
}

// Shutdown stops accepting requests and cancels the running builds, then waits for each of them to record its
// cancellation, so no build is left as "building" in the datastore after a deploy restarts the server.
func (gr *GrpcServer) Shutdown() {
02|    gr.s.GracefulStop()
1|    gr.s.Stop() //@OPS-01
    gr.mu.Lock()
    for id, cancel := range gr.active {
        gr.logf("shutdown: cancelling build %v", id)
        cancel()
    }
    gr.mu.Unlock()
02|    gr.builds.Wait()
    gr.logf("shutdown complete")
}
''')
cases_of(case, GH + 'dollarshaveclub/furan/pull/30', 'lib/grpc/server.go',
         G('grpc', ['context', 'fmt', '', 'github.com/gofrs/uuid'])(FURAN), [
             (1, 'go-00-furan-shutdown-stops-without-waiting-for-builds',
              'an edit stops the gRPC server at once and returns without waiting for the cancelled builds, so a '
              'restart leaves builds recorded as running', 'edit'),
             (2, 'go-00-furan-build-goroutine-without-recover',
              'an edit drops the recover of the build goroutine, so one panicking build takes the build server and '
              'every other build down', 'edit'),
             (0, 'go-ok-00-furan-shutdown-waits-for-builds',
              'clean: the fix stops gracefully and waits for every cancelled build to finish', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-03: webhook handler base of a pull request merge bot (bulldozer), renamed file
BULLDOZER = template('bulldozer-installation-clients', r'''
// Base carries what every webhook handler of the bot needs. Deliveries are handled concurrently, one goroutine per
// delivery, and they share the cache of installation clients.
type Base struct {
    githubapp.ClientCreator
    ConfigFetcher *ConfigFetcher

    mu       sync.Mutex
    installs map[int64]*github.Client
}

func (b *Base) installationClient(installationID int64) (*github.Client, error) {
02|    b.mu.Lock()
02|    defer b.mu.Unlock()
    if c, ok := b.installs[installationID]; ok { //@{1}CONC-03
        return c, nil
    }
    c, err := b.NewInstallationClient(installationID)
    if err != nil {
        return nil, err
    }
    b.installs[installationID] = c
    return c, nil
}

// ProcessPullRequest merges or updates one pull request; ctx carries the delivery's logger with its delivery id.
func (b *Base) ProcessPullRequest(ctx context.Context, pullCtx pull.Context, installationID int64, pr *github.PullRequest) error {
    logger := zerolog.Ctx(ctx)
    client, err := b.installationClient(installationID)
    if err != nil {
        return errors.Wrap(err, "failed to create installation client")
    }
    config, err := b.ConfigFetcher.ConfigForPR(ctx, client, pr)
    if err != nil {
        return errors.Wrap(err, "failed to fetch configuration")
    }
    if err := MergePR(ctx, pullCtx, client, config.Merge); err != nil {
01|        logger.Error().Err(err).Msgf("Failed to merge pull request %s", pullCtx.Locator())
2|        log.Printf("failed to merge pull request %s: %v", pullCtx.Locator(), err) //@LOG-03
        return nil
    }
    logger.Debug().Msgf("Merged pull request %s", pullCtx.Locator())
    return nil
}
''')
_BD = ['context', 'sync', '', 'github.com/google/go-github/v32/github', 'github.com/palantir/bulldozer/pull',
       'github.com/palantir/go-githubapp/githubapp', 'github.com/pkg/errors', 'github.com/rs/zerolog']
cases_of(case, GH + 'palantir/bulldozer/pull/152', 'server/handler/installations.go',
         GV('handler', {0: _BD, 1: _BD,
                        2: ['context', 'log', 'sync', '', 'github.com/google/go-github/v32/github',
                            'github.com/palantir/bulldozer/pull', 'github.com/palantir/go-githubapp/githubapp',
                            'github.com/pkg/errors', 'github.com/rs/zerolog']})(BULLDOZER), [
             (1, 'go-00-bulldozer-renamed-client-cache-without-lock',
              'the handler base moves to installations.go and its installation-client cache loses its mutex, so '
              'concurrent deliveries write the shared map at once', 'rename'),
             (2, 'go-00-bulldozer-renamed-merge-failure-logged-without-delivery',
              'the handler base moves and a failed merge is logged through the standard logger instead of the '
              'delivery\'s logger, losing the delivery id', 'rename'),
             (0, 'go-ok-00-bulldozer-renamed-installations',
              'clean: the move alone; the cache is locked and failures go to the delivery\'s logger', 'rename'),
         ], rename_from='server/handler/base.go')


# ---------------------------------------------------------------- CONC-02 / ERR-01: dependency restore of a project-based Go build tool (gb), new file
GB = template('gb-vendor-restore', r'''
// maxFetchers bounds the dependencies fetched at once: a project with a hundred dependencies otherwise opens a
// hundred connections to the same code host and most of them fail.
const maxFetchers = 8

// restore fetches every dependency of the manifest into vendor/src, several at a time, and reports every fetch
// that failed.
func restore(ctx *gb.Context) error {
    m, err := vendor.ReadManifest(manifestFile(ctx))
    if err != nil {
        return fmt.Errorf("could not load manifest: %v", err)
    }

    var (
        wg   sync.WaitGroup
        mu   sync.Mutex
        errs []string
    )
02|    sem := make(chan struct{}, maxFetchers)
    for _, dep := range m.Dependencies {
        dep := dep
        wg.Add(1)
02|        sem <- struct{}{}
        go func() { //@{1}CONC-02
            defer wg.Done()
02|            defer func() { <-sem }()
            defer func() {
                if r := recover(); r != nil {
                    mu.Lock()
                    errs = append(errs, fmt.Sprintf("%s: panic: %v", dep.Importpath, r))
                    mu.Unlock()
                }
            }()
01|            if err := fetchDependency(ctx, dep); err != nil {
01|                mu.Lock()
01|                errs = append(errs, fmt.Sprintf("%s: %v", dep.Importpath, err))
01|                mu.Unlock()
01|            }
2|            _ = fetchDependency(ctx, dep) //@ERR-01
        }()
    }
    wg.Wait()
    if len(errs) > 0 {
        sort.Strings(errs)
        return fmt.Errorf("failed to restore %d dependencies:\n%s", len(errs), strings.Join(errs, "\n"))
    }
    return nil
}

func fetchDependency(ctx *gb.Context, dep vendor.Dependency) error {
    repo, _, err := vendor.DeduceRemoteRepo(dep.Importpath, insecure)
    if err != nil {
        return fmt.Errorf("could not process dependency: %v", err)
    }
    wc, err := repo.Checkout("", "", dep.Revision)
    if err != nil {
        return fmt.Errorf("could not retrieve dependency: %v", err)
    }
    dst := filepath.Join(ctx.Projectdir(), "vendor", "src", dep.Importpath)
    src := filepath.Join(wc.Dir(), dep.Path)
    if err := fileutils.Copypath(dst, src); err != nil {
        _ = wc.Destroy()
        return err
    }
    return wc.Destroy()
}
''')
cases_of(case, GH + 'constabulary/gb/pull/671', 'cmd/gb-vendor/restore_parallel.go',
         G('main', ['fmt', 'path/filepath', 'sort', 'strings', 'sync', '', 'github.com/constabulary/gb',
                    'github.com/constabulary/gb/internal/fileutils', 'github.com/constabulary/gb/internal/vendor'])(GB), [
             (1, 'go-00-gb-restore-goroutine-per-dependency',
              'a new file restores the vendored dependencies with a goroutine per dependency and no bound, opening '
              'as many connections to the code host as the manifest has entries', 'new'),
             (2, 'go-00-gb-restore-fetch-error-dropped',
              'a new file restores the dependencies in bounded parallel fetches but drops each fetch\'s error, so a '
              'failed restore reports success', 'new'),
             (0, 'go-ok-00-gb-restore-bounded-and-reported',
              'clean: a new file restores at most eight dependencies at a time and reports every failed fetch', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: report webhook of a repository analyzer (Repo-lyzer), CRLF file
REPOLYZER = template('repo-lyzer-webhook', r'''
type webhookPayload struct {
    File   string `json:"file"`
    Report string `json:"report"`
    SentAt string `json:"sent_at"`
}

// sendToWebhook posts a finished report to the user's webhook. The scheduler runs reports one after another, so a
// webhook that never answers must not hold the scheduler.
func (s *Scheduler) sendToWebhook(webhookURL, filename string, data []byte) error {
    payload := webhookPayload{File: filename, Report: string(data), SentAt: time.Now().UTC().Format(time.RFC3339)}
    jsonData, err := json.Marshal(payload)
    if err != nil {
        return fmt.Errorf("failed to marshal payload: %w", err)
    }

02|    resp, err := s.webhookClient.Post(webhookURL, "application/json", bytes.NewBuffer(jsonData))
1|    resp, err := http.Post(webhookURL, "application/json", bytes.NewBuffer(jsonData)) //@TMO-01
    if err != nil { //@{2}RES-02
        return fmt.Errorf("failed to send webhook: %w", err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode < 200 || resp.StatusCode >= 300 {
        return fmt.Errorf("webhook returned status %d", resp.StatusCode)
    }
    return nil
}

// deliver sends the report of one finished job and records the outcome on the job.
func (s *Scheduler) deliver(job *Job, filename string, data []byte) {
    if job.WebhookURL == "" {
        return
    }
    if err := s.sendToWebhook(job.WebhookURL, filename, data); err != nil {
        job.LastError = err.Error()
        s.logger.Printf("job %s: webhook delivery failed: %v", job.ID, err)
        return
    }
    job.LastError = ""
}
''')
cases_of(case, GH + 'agnivo988/Repo-lyzer/pull/449', 'internal/scheduler/webhook.go',
         G('scheduler', ['bytes', 'encoding/json', 'fmt', 'net/http', 'time'])(REPOLYZER), [
             (1, 'go-00-repo-lyzer-webhook-posted-without-timeout',
              'an edit posts the report through http.Post, the default client without a timeout, so a webhook that '
              'never answers stalls the report scheduler', 'edit'),
             (2, 'go-00-repo-lyzer-webhook-response-left-open',
              'an edit drops the close of the webhook\'s response, keeping a connection per delivered report', 'edit'),
             (0, 'go-ok-00-repo-lyzer-webhook-client-with-timeout',
              'clean: the fix posts through the scheduler\'s webhook client, which has a timeout', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TIME-01 / TX-01: deployment locks of a deployment tool (gitploy)
GITPLOY = template('gitploy-lock-expiry', r'''
// CreateLock locks an environment against deployments until expiry. The lock sweeper compares expired_at with the
// database clock, which runs in UTC, so every time the store writes is in UTC.
func (s *Store) CreateLock(ctx context.Context, l *ent.Lock, ttl time.Duration) (*ent.Lock, error) {
    tx, err := s.c.Tx(ctx)
    if err != nil { //@{2}TX-01
        return nil, err
    }
01|    defer func() { _ = tx.Rollback() }()

    exists, err := tx.Lock.Query().
        Where(lock.RepoIDEQ(l.RepoID), lock.EnvEQ(l.Env)).
        Exist(ctx)
    if err != nil {
        return nil, err
    }
    if exists {
        return nil, e.NewError(e.ErrorCodeEntityUnprocessable, fmt.Errorf("the %s environment is already locked", l.Env))
    }

02|    now := time.Now().UTC()
1|    now := time.Now() //@TIME-01
    created, err := tx.Lock.Create().
        SetEnv(l.Env).
        SetUserID(l.UserID).
        SetRepoID(l.RepoID).
        SetCreatedAt(now).
        SetExpiredAt(now.Add(ttl)).
        Save(ctx)
    if err != nil {
        return nil, err
    }
    if err := tx.Commit(); err != nil {
        return nil, err
    }
    return created, nil
}
''')
cases_of(case, GH + 'gitploy-io/gitploy/pull/171', 'internal/pkg/store/lock.go',
         G('store', ['context', 'fmt', 'time', '', 'github.com/gitploy-io/gitploy/model/ent',
                     'github.com/gitploy-io/gitploy/model/ent/lock', 'github.com/gitploy-io/gitploy/pkg/e'])(GITPLOY), [
             (1, 'go-00-gitploy-lock-expiry-in-local-time',
              'an edit stamps a deployment lock with the server\'s local time, so the UTC lock sweeper releases it '
              'hours early or late', 'edit'),
             (2, 'go-00-gitploy-lock-transaction-left-open',
              'an edit drops the deferred rollback of the lock transaction, leaving it open on every early return', 'edit'),
             (0, 'go-ok-00-gitploy-lock-expiry-in-utc',
              'clean: the fix stamps the lock in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: pipeline upload of a monorepo CI plugin (monorepo-diff-buildkite-plugin)
MONODIFF = template('monorepo-diff-upload', r'''
// uploadPipeline works out which watched paths the change touches and uploads the steps of those to Buildkite. A
// failure to generate or upload the pipeline must fail the step with its reason; the agent shows nothing else.
func uploadPipeline(plugin Plugin, generatePipeline PipelineGenerator) (string, []string, error) {
    diffOutput, err := diff(plugin.Diff)
    if err != nil {
        return "", []string{}, fmt.Errorf("running the diff command: %w", err)
    }
    if len(diffOutput) < 1 {
        log.Info("No changes detected. Skipping pipeline upload.")
        return "", []string{}, nil
    }

    steps := []Step{}
    for _, w := range plugin.Watch {
        matched := false
        for _, changed := range diffOutput {
2|            log.Infof("checking %s against %v", changed, w.Paths) //@LOG-01
            if matchesAny(changed, w.Paths) {
                matched = true
                break
            }
        }
        if matched {
            steps = append(steps, w.Step)
        }
    }
    log.Infof("%d changed files matched %d of %d watch entries", len(diffOutput), len(steps), len(plugin.Watch))

    pipeline, hasSteps, err := generatePipeline(steps, plugin)
    if err != nil { //@{1}ERR-01
02|        log.Errorf("could not generate pipeline: %v", err)
02|        return "", []string{}, err
1|        return "", []string{}, nil
    }
    defer removePipelineFile(pipeline)

    if !hasSteps {
        return "", []string{}, nil
    }
    cmd, args := "buildkite-agent", []string{"pipeline", "upload", pipeline}
    if out, err := executeCommand(cmd, args); err != nil {
        log.Errorf("pipeline upload failed: %v: %s", err, out)
        return cmd, args, err
    }
    return cmd, args, nil
}

func removePipelineFile(path string) {
    if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
        log.Warnf("could not remove the generated pipeline %s: %v", path, err)
    }
}
''')
MONODIFF_TEST = f('pipeline_upload_test.go', new=go('main', ['errors', 'testing'], r'''
func TestUploadPipelineReportsGenerationError(t *testing.T) {
    plugin := Plugin{Diff: "echo services/foo/main.go", Watch: []WatchConfig{{Paths: []string{"services/foo/"}}}}
    failing := func([]Step, Plugin) (string, bool, error) { return "", false, errors.New("bad template") }

    _, _, err := uploadPipeline(plugin, failing)
    if err == nil {
        t.Fatal("expected the generation error to be returned")
    }
}
'''))
cases_of(case, GH + 'adikari/monorepo-diff-buildkite-plugin/pull/86', 'pipeline_upload.go',
         G('main', ['fmt', 'os', '', 'log github.com/sirupsen/logrus'])(MONODIFF), [
             (1, 'go-00-monorepo-diff-generation-error-swallowed',
              'an edit returns no error when the pipeline cannot be generated, so the step passes with nothing '
              'uploaded and no reason in the log', 'edit'),
             (2, 'go-00-monorepo-diff-logs-every-path-comparison',
              'an edit logs every comparison of a changed file with a watch entry at info, files times entries lines '
              'per build', 'edit'),
             (0, 'go-ok-00-monorepo-diff-generation-error-reported',
              'clean: the fix logs the generation error and fails the step with it; it adds a test beside it', 'fix',
              [MONODIFF_TEST]),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-03: app log rate limiting of a container executor (cloudfoundry/executor)
EXECUTOR = template('executor-log-rate-limit', r'''
// rateLimitedStreamer forwards an app's log lines, at most bytesPerSecond of them. The stdout and stderr streamers
// of one container share it. Lines over the limit are dropped, and the operator log says so at most once per
// reportInterval: an app that floods its log must not flood the executor's as well.
type rateLimitedStreamer struct {
    logger         lager.Logger
    sourceName     string
    bytesPerSecond int
    reportInterval time.Duration
    limiter        *rate.Limiter
    next           LogStreamer

    mu         sync.Mutex
    lastReport time.Time
    dropped    int
}

func (e *rateLimitedStreamer) Write(p []byte) (int, error) {
    for _, line := range bytes.Split(p, []byte("\n")) {
        if len(line) == 0 {
            continue
        }
        now := time.Now()
        if !e.limiter.AllowN(now, len(line)) {
02|            e.reportDropped(now)
1|            e.logger.Info("app-log-rate-limit-exceeded", lager.Data{"source": e.sourceName, "line_bytes": len(line)}) //@LOG-01
            continue
        }
        if _, err := e.next.Write(append(line, '\n')); err != nil {
            return 0, err
        }
    }
    return len(p), nil
}
02|
02|// reportDropped counts a dropped line and tells the operator log at most once per interval.
02|func (e *rateLimitedStreamer) reportDropped(now time.Time) {
0|    e.mu.Lock()
0|    defer e.mu.Unlock()
02|    e.dropped++ //@{2}CONC-03
02|    if now.Sub(e.lastReport) < e.reportInterval {
02|        return
02|    }
02|    e.logger.Info("app-log-rate-limit-exceeded", lager.Data{"source": e.sourceName, "limit": e.bytesPerSecond, "dropped": e.dropped})
02|    e.lastReport = now
02|    e.dropped = 0
02|}
''')
cases_of(case, GH + 'cloudfoundry/executor/pull/63', 'depot/log_streamer/rate_limited_streamer.go',
         G('log_streamer', ['bytes', 'sync', 'time', '', 'code.cloudfoundry.org/lager/v3', 'golang.org/x/time/rate'])(EXECUTOR), [
             (1, 'go-00-executor-rate-limit-logged-per-dropped-line',
              'an edit logs the rate-limit message for every dropped line, so an app flooding its log floods the '
              'executor\'s log at the same rate', 'edit'),
             (2, 'go-00-executor-rate-limit-report-unlocked',
              'an edit drops the streamer\'s mutex, so the stdout and stderr writers update the shared report time '
              'and counter at once', 'edit'),
             (0, 'go-ok-00-executor-rate-limit-reported-once-per-interval',
              'clean: the fix reports dropped lines at most once per interval, under the streamer\'s mutex', 'fix'),
         ])
