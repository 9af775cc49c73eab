"""Round-52 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-01 / TMO-02: HTTP flag retriever of a feature-flag service (go-feature-flag)
GOFF = template('goff-http-retriever', r'''
// Retriever reads the flag configuration file from an HTTP endpoint.
type Retriever struct {
    URL     string
    Method  string
    Body    string
    Header  http.Header
    Timeout time.Duration
}

// httpClient is the client every retrieval goes through.
func (r *Retriever) httpClient() *http.Client {
02|    timeout := r.Timeout
02|    if timeout <= 0 {
02|        timeout = 10 * time.Second
02|    }
02|    return &http.Client{Timeout: timeout}
1|    return http.DefaultClient //@TMO-01
}

// Retrieve downloads the flag file; the caller's ctx bounds the request.
func (r *Retriever) Retrieve(ctx context.Context) ([]byte, error) {
    if r.URL == "" {
        return nil, errors.New("http retriever: no URL configured")
    }
    method := r.Method
    if method == "" {
        method = http.MethodGet
    }

01|    req, err := http.NewRequestWithContext(ctx, method, r.URL, strings.NewReader(r.Body))
2|    req, err := http.NewRequest(method, r.URL, strings.NewReader(r.Body)) //@TMO-02
    if err != nil {
        return nil, fmt.Errorf("http retriever: build request for %s: %w", r.URL, err)
    }
    for name, values := range r.Header {
        for _, value := range values {
            req.Header.Add(name, value)
        }
    }

    resp, err := r.httpClient().Do(req)
    if err != nil {
        return nil, fmt.Errorf("http retriever: fetch %s: %w", r.URL, err)
    }
    defer resp.Body.Close()

    if resp.StatusCode > 399 {
        return nil, fmt.Errorf("http retriever: %s answered %s", r.URL, resp.Status)
    }
    content, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, fmt.Errorf("http retriever: read flags of %s: %w", r.URL, err)
    }
    return content, nil
}
''')
cases_of(case, GH + 'thomaspoignant/go-feature-flag/pull/47', 'retriever/httpretriever/retriever.go',
         G('httpretriever', ['context', 'errors', 'fmt', 'io', 'net/http', 'strings', 'time'])(GOFF), [
             (1, 'go-00-goff-retriever-default-client-no-timeout',
              'an edit sends every flag retrieval through the default HTTP client, which has no timeout, so a '
              'stalled flag server blocks the refresh loop forever', 'edit'),
             (2, 'go-00-goff-retriever-request-without-context',
              'an edit builds the retrieval request without the caller\'s context, so cancelling or timing out '
              'the refresh does not stop the download', 'edit'),
             (0, 'go-ok-00-goff-retriever-timeout-and-context',
              'clean: the fix gives the retriever its own client with a timeout; the request carries the context',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-01: merge middleware of an API gateway (lura)
LURA = template('lura-merge-middleware', r'''
// NewMergeDataMiddleware sends the request to every backend of the endpoint at once and merges their answers.
func NewMergeDataMiddleware(logger logging.Logger, endpointConfig *config.EndpointConfig) Middleware {
    totalBackends := len(endpointConfig.Backend)
    timeout := endpointConfig.Timeout
    return func(next ...Proxy) Proxy {
        if len(next) != totalBackends {
            panic(ErrNotEnoughProxies)
        }
        return func(ctx context.Context, request *Request) (*Response, error) {
            localCtx, cancel := context.WithTimeout(ctx, timeout)
            defer cancel()

            var wg sync.WaitGroup
            var mu sync.Mutex
            merged := make(map[string]interface{})
            failed := 0
            for i, backend := range next {
                wg.Add(1)
                go func(i int, backend Proxy) { //@{2}CONC-01
                    defer wg.Done()
01|                    defer func() {
01|                        if r := recover(); r != nil {
01|                            logger.Error(fmt.Sprintf("[ENDPOINT: %s][Merge] backend %d panicked: %v", endpointConfig.Endpoint, i, r))
01|                            mu.Lock()
01|                            failed++
01|                            mu.Unlock()
01|                        }
01|                    }()
                    resp, err := backend(localCtx, CloneRequest(request))
                    if err != nil || resp == nil {
                        logger.Warning(fmt.Sprintf("[ENDPOINT: %s][Merge] backend %d: %v", endpointConfig.Endpoint, i, err))
                        mu.Lock()
                        failed++
                        mu.Unlock()
                        return
                    }
02|                    mu.Lock()
02|                    defer mu.Unlock()
                    for k, v := range resp.Data {
                        merged[k] = v //@{1}CONC-03
                    }
                }(i, backend)
            }
            wg.Wait()

            if failed == totalBackends {
                return nil, fmt.Errorf("merge: all %d backends failed", totalBackends)
            }
            return &Response{Data: merged, IsComplete: failed == 0}, nil
        }
    }
}
''')
cases_of(case, GH + 'luraproject/lura/issues/105', 'proxy/merging.go',
         G('proxy', ['context', 'fmt', 'sync', '', 'github.com/luraproject/lura/v2/config',
                     'github.com/luraproject/lura/v2/logging'])(LURA), [
             (1, 'go-00-lura-merge-map-written-without-lock',
              'an edit drops the lock around the merged answer, so two backends answering at once write the map '
              'together and the gateway dies of concurrent map writes', 'edit'),
             (2, 'go-00-lura-merge-backend-goroutine-without-recover',
              'an edit drops the recover of the per-backend goroutine, so one backend whose decoder panics takes '
              'the whole gateway down', 'edit'),
             (0, 'go-ok-00-lura-merge-locked-and-recovered',
              'clean: the fix merges each answer under the lock; every backend goroutine recovers and logs', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: edge API client of a feature-flag SDK (flagsmith-go-client), new file
FLAGSMITH = template('flagsmith-api-client', r'''
const defaultTimeout = 10 * time.Second

// apiClient talks to the Flagsmith edge API for one environment.
type apiClient struct {
    baseURL    string
    envKey     string
    httpClient *http.Client
}

func newAPIClient(baseURL, envKey string, timeout time.Duration) *apiClient {
    if timeout <= 0 {
        timeout = defaultTimeout
    }
    return &apiClient{
        baseURL:    strings.TrimRight(baseURL, "/"),
        envKey:     envKey,
02|        httpClient: &http.Client{Timeout: timeout},
1|        httpClient: &http.Client{}, //@TMO-01
    }
}

// flags returns the environment's flags, or the flags of one identity when identifier is set.
func (c *apiClient) flags(ctx context.Context, identifier string) ([]Flag, error) {
    url := c.baseURL + "/flags/"
    if identifier != "" {
        url = c.baseURL + "/identities/?identifier=" + identifier
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("X-Environment-Key", c.envKey)
    req.Header.Set("Accept", "application/json")

    resp, err := c.httpClient.Do(req) //@{2}RES-02
    if err != nil {
        return nil, fmt.Errorf("flagsmith: get flags: %w", err)
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("flagsmith: get flags: unexpected status %s", resp.Status)
    }

    var flags []Flag
    if err := json.NewDecoder(resp.Body).Decode(&flags); err != nil {
        return nil, fmt.Errorf("flagsmith: decode flags: %w", err)
    }
    return flags, nil
}
''')
cases_of(case, GH + 'Flagsmith/flagsmith-go-client/pull/48', 'api_client.go',
         G('flagsmith', ['context', 'encoding/json', 'fmt', 'net/http', 'strings', 'time'])(FLAGSMITH), [
             (1, 'go-00-flagsmith-new-api-client-without-timeout',
              'a new API client computes a timeout but builds its HTTP client without it, so a hanging edge API '
              'blocks every flag evaluation that falls back to it', 'new'),
             (2, 'go-00-flagsmith-new-api-client-body-never-closed',
              'a new API client never closes the answers it reads, so each flag request keeps its connection and '
              'the SDK runs out of sockets', 'new'),
             (0, 'go-ok-00-flagsmith-new-api-client-timeout-closed',
              'clean: a new API client with a timeout on its HTTP client, closing every answer by defer', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: request path of a code-hosting API client (go-gitlab)
GITLAB = template('go-gitlab-do', r'''
// Do sends an API request and returns the API response. The API response is JSON decoded and stored in the value
// pointed to by v, or returned as an error if an API error has occurred.
func (c *Client) Do(req *retryablehttp.Request, v interface{}) (*Response, error) {
    // Wait will block until the limiter can obtain a new token.
02|    err := c.limiter.Wait(req.Context())
1|    err := c.limiter.Wait(context.Background()) //@TMO-02
    if err != nil {
        return nil, err
    }

    // Set the correct authentication header. If using basic auth, then check
    // if we already have a token and if not first authenticate and get one.
    var basicAuthToken string
    switch c.authType {
    case basicAuth:
        c.tokenLock.RLock()
        basicAuthToken = c.token
        c.tokenLock.RUnlock()
        if basicAuthToken == "" {
            // If we don't have a token yet, we first need to request one.
            basicAuthToken, err = c.requestOAuthToken(req.Context(), basicAuthToken)
            if err != nil {
                return nil, err
            }
        }
        req.Header.Set("Authorization", "Bearer "+basicAuthToken)
    case oAuthToken:
        req.Header.Set("Authorization", "Bearer "+c.token)
    case privateToken:
        req.Header.Set("PRIVATE-TOKEN", c.token)
    }

    resp, err := c.client.Do(req)
    if err != nil { //@{2}RES-02
        return nil, err
    }
01|    defer resp.Body.Close()

    if resp.StatusCode == http.StatusUnauthorized && c.authType == basicAuth {
        // If the token is invalid, make sure we clear it out so a new one is requested next time.
        c.tokenLock.Lock()
        c.token = ""
        c.tokenLock.Unlock()
    }

    response := newResponse(resp)
    err = CheckResponse(resp)
    if err != nil {
        // Even though there was an error, we still return the response
        // in case the caller wants to inspect it further.
        return response, err
    }

    if v != nil {
        if w, ok := v.(io.Writer); ok {
            _, err = io.Copy(w, resp.Body)
        } else {
            err = json.NewDecoder(resp.Body).Decode(v)
        }
    }
    return response, err
}
''')
GITLAB_IMPORTS = {0: ['encoding/json', 'io', 'net/http', '', 'github.com/hashicorp/go-retryablehttp'],
                  1: ['context', 'encoding/json', 'io', 'net/http', '', 'github.com/hashicorp/go-retryablehttp'],
                  2: ['encoding/json', 'io', 'net/http', '', 'github.com/hashicorp/go-retryablehttp']}
cases_of(case, GH + 'xanzy/go-gitlab/pull/1056', 'gitlab.go', GV('gitlab', GITLAB_IMPORTS)(GITLAB), [
             (1, 'go-00-go-gitlab-limiter-waits-on-background-context',
              'an edit makes the rate limiter wait on a background context, so a caller whose context is cancelled '
              'or out of time still waits for a token against an unreachable server', 'edit'),
             (2, 'go-00-go-gitlab-answer-body-never-closed',
              'an edit drops the deferred close of every API answer, so each call of the client keeps a '
              'connection to the GitLab server', 'edit'),
             (0, 'go-ok-00-go-gitlab-limiter-uses-request-context',
              'clean: the fix waits on the request\'s own context; every answer is closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: run over many repositories of a code-hosting tool (multi-gitter)
MULTIGITTER = template('multi-gitter-run', r'''
// Run runs a script for multiple repositories and creates pull requests with the changes made.
func (r *Runner) Run(ctx context.Context) error {
    repos, err := r.VersionController.GetRepositories(ctx)
    if err != nil {
        return errors.Wrap(err, "could not fetch repositories")
    }
    if len(repos) == 0 {
        log.Infof("No repositories found")
        return nil
    }

    rc := repocounter.NewCounter()
    defer func() {
        if info := rc.Info(); info != "" {
            fmt.Fprint(r.Output, info)
        }
    }()

    var wg sync.WaitGroup
01|    limit := make(chan struct{}, r.Concurrent)
    for i, repo := range repos {
        wg.Add(1)
01|        limit <- struct{}{}
        go func(i int, repo scm.Repository) { //@{1}CONC-01 //@{2}CONC-02
            defer wg.Done()
01|            defer func() { <-limit }()
02|            defer func() {
02|                if p := recover(); p != nil {
02|                    log.Errorf("run in %s panicked: %v\n%s", repo.FullName(), p, debug.Stack())
02|                    rc.AddError(fmt.Errorf("run panicked: %v", p), repo, nil)
02|                }
02|            }()

            logger := log.WithField("repo", repo.FullName())
            logger.Infof("Running on repository %d of %d", i+1, len(repos))
            pr, err := r.runSingleRepo(ctx, repo)
            if err != nil {
                if err != errAborted {
                    logger.Info(err)
                }
                rc.AddError(err, repo, pr)
                return
            }
            if pr != nil {
                rc.AddSuccessPullRequest(pr)
            } else {
                rc.AddSuccessRepositories(repo)
            }
        }(i, repo)
    }
    wg.Wait()
    return nil
}
''')
MG_BASE = ['context', 'fmt']
MG_TAIL = ['sync', '', 'github.com/lindell/multi-gitter/internal/multigitter/repocounter',
           'github.com/lindell/multi-gitter/internal/scm', 'github.com/pkg/errors',
           'log github.com/sirupsen/logrus']
MG_IMPORTS = {0: MG_BASE + ['runtime/debug'] + MG_TAIL, 1: MG_BASE + MG_TAIL,
              2: MG_BASE + ['runtime/debug'] + MG_TAIL}
cases_of(case, GH + 'lindell/multi-gitter/pull/114', 'internal/multigitter/run.go',
         GV('multigitter', MG_IMPORTS)(MULTIGITTER), [
             (1, 'go-00-multi-gitter-repository-run-without-recover',
              'an edit drops the recover of the per-repository goroutine, so one repository whose script output '
              'trips a nil pointer ends the whole run and loses the summary of every other repository', 'edit'),
             (2, 'go-00-multi-gitter-goroutine-per-repository-unbounded',
              'an edit drops the concurrency limit and starts a goroutine for every repository at once, so an '
              'organisation of thousands of repositories clones them all at the same time', 'edit'),
             (0, 'go-ok-00-multi-gitter-bounded-recovered-runs',
              'clean: the fix recovers and counts a panicking repository run; at most r.Concurrent run at once',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: OCI pull of a policy engine's CLI (kyverno)
KYVERNO = template('kyverno-oci-pull', r'''
type options struct {
    dir      string
    imageRef string
    keychain authn.Keychain
}

// execute pulls the policy image and writes the content of each layer to a file of its own under o.dir.
func (o options) execute(ctx context.Context, out io.Writer) error {
    ref, err := name.ParseReference(o.imageRef)
    if err != nil {
        return fmt.Errorf("parse image reference %q: %w", o.imageRef, err)
    }
    img, err := remote.Image(ref, remote.WithContext(ctx), remote.WithAuthFromKeychain(o.keychain))
    if err != nil {
        return fmt.Errorf("fetch image %s: %w", ref, err)
    }
    layers, err := img.Layers()
    if err != nil {
        return fmt.Errorf("list layers of %s: %w", ref, err)
    }
    if err := os.MkdirAll(o.dir, 0o755); err != nil {
        return fmt.Errorf("create %s: %w", o.dir, err)
    }

    for i, layer := range layers {
02|        if err := func() error {
02|            blob, err := layer.Uncompressed()
02|            if err != nil {
02|                return fmt.Errorf("open layer %d: %w", i, err)
02|            }
02|            defer blob.Close()
02|            return o.writeLayer(blob, i)
02|        }(); err != nil {
02|            return err
02|        }
1|        blob, err := layer.Uncompressed()
1|        if err != nil {
1|            return fmt.Errorf("open layer %d: %w", i, err)
1|        }
1|        defer blob.Close() //@RES-03
1|        if err := o.writeLayer(blob, i); err != nil {
1|            return err
1|        }
    }
    fmt.Fprintf(out, "pulled %d policy layers of %s into %s\n", len(layers), ref, o.dir)
    return nil
}

func (o options) writeLayer(r io.Reader, index int) error {
    path := filepath.Join(o.dir, fmt.Sprintf("policies-%02d.yaml", index))
    f, err := os.Create(path)
    if err != nil {
        return fmt.Errorf("create %s: %w", path, err)
    }
    defer f.Close()
01|    if _, err := io.Copy(f, r); err != nil {
01|        return fmt.Errorf("write %s: %w", path, err)
01|    }
2|    io.Copy(f, r) //@ERR-01
    return nil
}
''')
cases_of(case, GH + 'kyverno/kyverno/pull/16960', 'cmd/cli/kubectl-kyverno/commands/oci/pull/options.go',
         G('pull', ['context', 'fmt', 'io', 'os', 'path/filepath', '', 'github.com/google/go-containerregistry/pkg/authn',
                    'github.com/google/go-containerregistry/pkg/name',
                    'github.com/google/go-containerregistry/pkg/v1/remote'])(KYVERNO), [
             (1, 'go-00-kyverno-pull-layer-close-deferred-in-loop',
              'an edit inlines the per-layer helper and defers each layer\'s close inside the loop, so an image of '
              'many layers keeps every decompressed stream open until the whole pull ends', 'edit'),
             (2, 'go-00-kyverno-pull-layer-copy-error-ignored',
              'an edit copies each layer to its file without looking at the error, so a full disk leaves a '
              'truncated policy file and the pull still reports success', 'edit'),
             (0, 'go-ok-00-kyverno-pull-layer-closed-per-iteration',
              'clean: the fix closes each layer inside a per-iteration function; the copy error is returned', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: request execution of an alerting SDK (opsgenie-go-sdk-v2), renamed file
OPSGENIE = template('opsgenie-exec', r'''
// Exec validates the request, sends it with the caller's context under the client's request timeout and decodes the
// answer into result.
func (cli *OpsGenieClient) Exec(ctx context.Context, request ApiRequest, result ApiResult) error {
    startTime := time.Now()
    if err := request.Validate(); err != nil {
        cli.Config.Logger.Errorf("request validation err: %s ", err.Error())
        return err
    }
    if ctx == nil {
        ctx = context.Background()
    }
01|    ctx, cancel := context.WithTimeout(ctx, cli.Config.RequestTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, cli.Config.RequestTimeout) //@TMO-03

    req, err := cli.buildHttpRequest(request)
    if err != nil {
        cli.Config.Logger.Errorf("could not create request: %s", err.Error())
        return err
    }
02|    req = req.WithContext(ctx)
1|    req.WithContext(ctx) //@TMO-02

    response, err := cli.do(req)
    if err != nil {
        cli.Config.Logger.Errorf(err.Error())
        return err
    }
    defer response.Body.Close()

    if err := parse(response, result); err != nil {
        cli.Config.Logger.Errorf("could not parse the answer of %s: %s", request.ResourcePath(), err.Error())
        return err
    }
    cli.Config.Logger.Debugf("%s %s took %s", request.Method(), request.ResourcePath(), time.Since(startTime))
    return nil
}

func parse(response *http.Response, result ApiResult) error {
    body, err := io.ReadAll(response.Body)
    if err != nil {
        return err
    }
    if response.StatusCode >= 300 {
        return handleErrorIfExist(response, body)
    }
    if err := json.Unmarshal(body, result); err != nil {
        return fmt.Errorf("unmarshal %s answer: %w", response.Request.URL.Path, err)
    }
    result.setRequestId(response.Header.Get("X-Request-Id"))
    return nil
}
''')
cases_of(case, GH + 'opsgenie/opsgenie-go-sdk-v2/issues/126', 'client/exec.go',
         G('client', ['context', 'encoding/json', 'fmt', 'io', 'net/http', 'time'])(OPSGENIE), [
             (1, 'go-00-opsgenie-moved-exec-drops-request-context',
              'a PR moves request execution into its own file and calls WithContext without keeping the copy it '
              'returns, so the request goes out without the caller\'s context or the client\'s timeout', 'rename'),
             (2, 'go-00-opsgenie-moved-exec-timeout-never-cancelled',
              'a PR moves request execution into its own file and discards the cancel of the request timeout, so '
              'every call leaves a timer and a context behind until the timeout fires', 'rename'),
             (0, 'go-ok-00-opsgenie-moved-exec-context-kept-cancelled',
              'clean: the move alone; the request carries the derived context, whose cancel is deferred', 'rename'),
         ], rename_from='client/client_exec.go')


# ---------------------------------------------------------------- RES-04 / LOG-01: Bitbucket Server client of a VCS library (froggit-go)
FROGGIT = template('froggit-bitbucket-server', r'''
// BitbucketServerClient talks to the REST API of a Bitbucket Server instance.
type BitbucketServerClient struct {
    vcsInfo    VcsInfo
    logger     Log
    httpClient *http.Client
}

1|type tokenTransport struct {
1|    token string
1|    base  http.RoundTripper
1|}
1|
1|func (t *tokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
1|    req.Header.Set("Authorization", "Bearer "+t.token)
1|    return t.base.RoundTrip(req)
1|}
1|
// get reads one REST resource into v.
func (client *BitbucketServerClient) get(ctx context.Context, path string, v interface{}) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, client.vcsInfo.APIEndpoint+path, nil)
    if err != nil {
        return err
    }
    req.Header.Set("Accept", "application/json")
02|    req.Header.Set("Authorization", "Bearer "+client.vcsInfo.Token)
02|    resp, err := client.httpClient.Do(req)
1|    httpClient := &http.Client{Transport: &tokenTransport{token: client.vcsInfo.Token, base: http.DefaultTransport.(*http.Transport).Clone()}} //@RES-04
1|    resp, err := httpClient.Do(req)
    if err != nil {
        return fmt.Errorf("bitbucket server: GET %s: %w", path, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("bitbucket server: GET %s: %s", path, resp.Status)
    }
    return json.NewDecoder(resp.Body).Decode(v)
}

// ListOpenPullRequests pages through every open pull request of the repository.
func (client *BitbucketServerClient) ListOpenPullRequests(ctx context.Context, owner, repository string) ([]PullRequestInfo, error) {
    var results []PullRequestInfo
    start := 0
    for {
        var page pullRequestPage
        path := fmt.Sprintf("/rest/api/1.0/projects/%s/repos/%s/pull-requests?state=OPEN&start=%d", owner, repository, start)
        if err := client.get(ctx, path, &page); err != nil {
            return nil, err
        }
        for _, pr := range page.Values {
2|            client.logger.Info("found pull request", pr.ID, "from", pr.FromRef.DisplayID, "to", pr.ToRef.DisplayID) //@LOG-01
            results = append(results, PullRequestInfo{
                ID:     pr.ID,
                Source: BranchInfo{Name: pr.FromRef.DisplayID, Repository: pr.FromRef.Repository.Slug},
                Target: BranchInfo{Name: pr.ToRef.DisplayID, Repository: pr.ToRef.Repository.Slug},
            })
        }
        if page.IsLastPage {
            break
        }
        start = page.NextPageStart
    }
    return results, nil
}
''')
cases_of(case, GH + 'jfrog/froggit-go/issues/10', 'vcsclient/bitbucketserver.go',
         G('vcsclient', ['context', 'encoding/json', 'fmt', 'net/http'])(FROGGIT), [
             (1, 'go-00-froggit-bitbucket-client-and-transport-per-request',
              'an edit builds a new HTTP client with a cloned transport for every REST call, so no connection is '
              'reused and each call leaves an idle pool behind', 'edit'),
             (2, 'go-00-froggit-bitbucket-log-per-pull-request',
              'an edit logs every open pull request at info while paging, so scanning a busy repository writes a '
              'line per pull request on every run', 'edit'),
             (0, 'go-ok-00-froggit-bitbucket-shared-client',
              'clean: the fix sends every call through the client\'s one HTTP client; no per-item log', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TIME-01: trap submission of a metrics library (circonus-gometrics)
CIRCONUS = template('circonus-trap-submit', r'''
// submit sends one batch of metrics to the broker's trap and records how long it took.
func (m *CirconusMetrics) submit(output map[string]interface{}) {
    payload, err := json.Marshal(output)
    if err != nil {
        m.Log.Printf("[ERROR] marshaling metrics: %v", err)
        return
    }
    numStats, err := m.trapCall(payload)
    if err != nil {
        m.Log.Printf("[ERROR] submitting metrics: %v", err)
        return
    }
    if m.Debug {
        m.Log.Printf("[DEBUG] %d stats sent", numStats)
    }
}

func (m *CirconusMetrics) trapCall(payload []byte) (int, error) {
    trap, err := m.check.GetSubmissionURL()
    if err != nil {
        return 0, err
    }
    start := time.Now()
    req, err := http.NewRequest(http.MethodPut, trap.URL.String(), bytes.NewReader(payload))
    if err != nil {
        return 0, err
    }
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("Accept", "application/json")
01|    req.Header.Set("X-Circonus-Submit-Time", start.UTC().Format(time.RFC3339Nano))
2|    req.Header.Set("X-Circonus-Submit-Time", start.Format("2006-01-02 15:04:05.000")) //@TIME-01

02|    resp, err := m.client.Do(req)
1|    client := &http.Client{Timeout: m.submitTimeout, Transport: &http.Transport{TLSClientConfig: trap.TLSConfig}} //@RES-04
1|    resp, err := client.Do(req)
    if err != nil {
        return 0, fmt.Errorf("trap %s: %w", trap.URL.Host, err)
    }
    defer resp.Body.Close()
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return 0, fmt.Errorf("read trap answer: %w", err)
    }
    if resp.StatusCode != http.StatusOK {
        return 0, fmt.Errorf("trap %s answered %s: %s", trap.URL.Host, resp.Status, body)
    }
    var result struct {
        Stats int `json:"stats"`
    }
    if err := json.Unmarshal(body, &result); err != nil {
        return 0, fmt.Errorf("decode trap answer: %w", err)
    }
    m.lastSubmitDuration = time.Since(start)
    return result.Stats, nil
}
''')
cases_of(case, GH + 'circonus-labs/circonus-gometrics/pull/1', 'submit.go',
         G('circonusgometrics', ['bytes', 'encoding/json', 'fmt', 'io', 'net/http', 'time'])(CIRCONUS), [
             (1, 'go-00-circonus-trap-client-per-submission',
              'an edit builds a new HTTP client and transport for every trap submission, so each flush pays a TLS '
              'handshake and leaves its idle connection behind', 'edit'),
             (2, 'go-00-circonus-submit-time-in-local-zone',
              'an edit sends the submission time formatted in the host\'s zone with no zone in the text, so the '
              'broker reads times hours off on hosts not set to UTC', 'edit'),
             (0, 'go-ok-00-circonus-shared-client-utc-time',
              'clean: the fix submits through the metrics\' one client; the submission time is UTC with its zone',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / ERR-01: Vault transit provider of a column-encryption library (go-sqlcrypter)
SQLCRYPTER = template('sqlcrypter-vault-provider', r'''
// VaultCrypter encrypts and decrypts column values with a key of Vault's transit engine.
type VaultCrypter struct {
    client    *api.Client
    mountPath string
    keyName   string
}

// Encrypt writes the ciphertext of plaintext to w.
func (v *VaultCrypter) Encrypt(ctx context.Context, w io.Writer, plaintext []byte) error {
    path := fmt.Sprintf("%s/encrypt/%s", v.mountPath, v.keyName)
    data := map[string]interface{}{"plaintext": base64.StdEncoding.EncodeToString(plaintext)}
    secret, err := v.client.Logical().WriteWithContext(ctx, path, data)
    if err != nil {
        return fmt.Errorf("vault: encrypt: %w", err)
    }
    ciphertext, ok := secret.Data["ciphertext"].(string)
    if !ok {
        return errors.New("vault: encrypt: no ciphertext in the answer")
    }
    _, err = io.WriteString(w, ciphertext)
    return err
}

// Decrypt writes the plaintext of ciphertext to w.
func (v *VaultCrypter) Decrypt(ctx context.Context, w io.Writer, ciphertext []byte) error {
    path := fmt.Sprintf("%s/decrypt/%s", v.mountPath, v.keyName)
    data := map[string]interface{}{"ciphertext": string(ciphertext)}
02|    secret, err := v.client.Logical().WriteWithContext(ctx, path, data)
1|    secret, err := v.client.Logical().Write(path, data) //@TMO-02
    if err != nil {
        return fmt.Errorf("vault: decrypt: %w", err)
    }
    if secret == nil || secret.Data == nil {
        return errors.New("vault: decrypt: empty answer")
    }
    encoded, ok := secret.Data["plaintext"].(string)
    if !ok {
        return errors.New("vault: decrypt: no plaintext in the answer")
    }
01|    plaintext, err := base64.StdEncoding.DecodeString(encoded)
01|    if err != nil {
01|        return fmt.Errorf("vault: decrypt: decode plaintext: %w", err)
01|    }
2|    plaintext, _ := base64.StdEncoding.DecodeString(encoded) //@ERR-01
    _, err = w.Write(plaintext)
    return err
}
''')
cases_of(case, GH + 'bincyber/go-sqlcrypter/pull/135', 'provider/vault/vault.go',
         G('vault', ['context', 'encoding/base64', 'errors', 'fmt', 'io', '', 'github.com/hashicorp/vault/api'])(SQLCRYPTER), [
             (1, 'go-00-sqlcrypter-vault-decrypt-without-context',
              'an edit sends the transit decrypt without the caller\'s context, so a query whose context is '
              'cancelled still waits on a slow Vault for every encrypted column', 'edit'),
             (2, 'go-00-sqlcrypter-vault-decode-error-ignored',
              'an edit decodes the plaintext without looking at the error, so a malformed answer is written to the '
              'column as empty or partial data', 'edit'),
             (0, 'go-ok-00-sqlcrypter-vault-context-decode-checked',
              'clean: the fix passes the context to Vault; the decode error is returned', 'fix'),
         ])
