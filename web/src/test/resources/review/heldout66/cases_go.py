"""Round-66 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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
PROM = 'github.com/prometheus/client_golang/prometheus'


# ---------------------------------------------------------------- RES-02 / TMO-01: health checks of a Consul exporter (consul_exporter)
CONSUL = template('consul-exporter-health', r'''
var (
    upDesc = prometheus.NewDesc("consul_up", "Whether the last query of the Consul agent succeeded.", nil, nil)
    checkDesc = prometheus.NewDesc("consul_health_check_passing", "Whether a health check is passing.",
        []string{"check", "node", "service"}, nil)
)

// Exporter reads the health checks of every service from a Consul agent's HTTP API.
type Exporter struct {
    uri    string
    client *http.Client
}

type healthCheck struct {
    Node        string
    CheckID     string
    Name        string
    Status      string
    ServiceName string
}

// NewExporter returns an exporter for the agent at uri whose queries give up after timeout.
func NewExporter(uri string, timeout time.Duration) *Exporter {
    return &Exporter{
        uri:    strings.TrimRight(uri, "/"),
01|        client: &http.Client{Timeout: timeout},
2|        client: &http.Client{}, //@TMO-01
    }
}

// Describe sends the descriptors of every metric the exporter reports.
func (e *Exporter) Describe(ch chan<- *prometheus.Desc) {
    ch <- upDesc
    ch <- checkDesc
}

// Collect reports whether the agent answered and one gauge per health check.
func (e *Exporter) Collect(ch chan<- prometheus.Metric) {
    checks, err := e.fetchChecks("any")
    if err != nil {
        log.Printf("consul scrape failed: %v", err)
        ch <- prometheus.MustNewConstMetric(upDesc, prometheus.GaugeValue, 0)
        return
    }
    ch <- prometheus.MustNewConstMetric(upDesc, prometheus.GaugeValue, 1)
    for _, c := range checks {
        passing := 0.0
        if c.Status == "passing" {
            passing = 1
        }
        ch <- prometheus.MustNewConstMetric(checkDesc, prometheus.GaugeValue, passing, c.CheckID, c.Node, c.ServiceName)
    }
}

// fetchChecks reads the health checks in the given state ("any" for all of them).
func (e *Exporter) fetchChecks(state string) ([]healthCheck, error) {
    resp, err := e.client.Get(e.uri + "/v1/health/state/" + state)
    if err != nil { //@{1}RES-02
        return nil, fmt.Errorf("query consul health: %w", err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("query consul health: unexpected status %s", resp.Status)
    }
    var checks []healthCheck
    if err := json.NewDecoder(resp.Body).Decode(&checks); err != nil {
        return nil, fmt.Errorf("decode consul health: %w", err)
    }
    return checks, nil
}
''')
cases_of(case, GH + 'prometheus/consul_exporter/issues/26', 'consul_exporter.go',
         G('main', ['encoding/json', 'fmt', 'log', 'net/http', 'strings', 'time', '', PROM])(CONSUL), [
             (1, 'go-00-consul-exporter-health-body-never-closed',
              'an edit drops the deferred close of the health answer\'s body, so every scrape keeps a socket to '
              'the agent and the exporter runs out of file descriptors after a few weeks', 'edit'),
             (2, 'go-00-consul-exporter-client-without-timeout',
              'an edit builds the exporter\'s http.Client without the configured timeout, so an agent that stops '
              'answering holds every scrape and its socket for good', 'edit'),
             (0, 'go-ok-00-consul-exporter-health-body-closed',
              'clean: the fix closes the health answer\'s body by defer right after the error check', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: incident client of an Alertmanager webhook, moved (alertmanager-webhook-servicenow)
SERVICENOW = template('servicenow-incident-client', r'''
// Incident is the part of a ServiceNow incident record the webhook reads and writes.
type Incident struct {
    SysID            string `json:"sys_id,omitempty"`
    Number           string `json:"number,omitempty"`
    ShortDescription string `json:"short_description"`
    Description      string `json:"description"`
    Impact           string `json:"impact"`
    Urgency          string `json:"urgency"`
    State            string `json:"state,omitempty"`
}

type incidentResult struct {
    Result Incident `json:"result"`
}

// IncidentClient opens and resolves incidents through the ServiceNow table API.
type IncidentClient struct {
    baseURL  string
    user     string
    password string
    http     *http.Client
}

// CreateIncident posts a new incident for a firing alert group and returns the record ServiceNow stored.
func (c *IncidentClient) CreateIncident(incident Incident) (Incident, error) {
    payload, err := json.Marshal(incident)
    if err != nil {
        return Incident{}, err
    }
    req, err := http.NewRequest(http.MethodPost, c.baseURL+"/api/now/v1/table/incident", bytes.NewReader(payload))
    if err != nil {
        return Incident{}, err
    }
    req.SetBasicAuth(c.user, c.password)
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("Accept", "application/json")
    resp, err := c.http.Do(req)
    if err != nil { //@{1}RES-02
        return Incident{}, fmt.Errorf("create incident: %w", err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode >= 400 {
        return Incident{}, fmt.Errorf("create incident: ServiceNow answered %s", resp.Status)
    }
1|    defer resp.Body.Close()
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return Incident{}, err
    }
    var out incidentResult
01|    if err := json.Unmarshal(body, &out); err != nil {
01|        return Incident{}, fmt.Errorf("decode created incident: %w", err)
01|    }
2|    json.Unmarshal(body, &out) //@ERR-01
    return out.Result, nil
}

// ResolveIncident closes the incident of an alert group that stopped firing.
func (c *IncidentClient) ResolveIncident(sysID, note string) error {
    payload, err := json.Marshal(map[string]string{"state": "6", "close_notes": note, "close_code": "Solved Remotely"})
    if err != nil {
        return err
    }
    req, err := http.NewRequest(http.MethodPatch, c.baseURL+"/api/now/v1/table/incident/"+sysID, bytes.NewReader(payload))
    if err != nil {
        return err
    }
    req.SetBasicAuth(c.user, c.password)
    req.Header.Set("Content-Type", "application/json")
    resp, err := c.http.Do(req)
    if err != nil {
        return fmt.Errorf("resolve incident %s: %w", sysID, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode >= 400 {
        return fmt.Errorf("resolve incident %s: ServiceNow answered %s", sysID, resp.Status)
    }
    _, err = io.Copy(io.Discard, resp.Body)
    return err
}
''')
cases_of(case, GH + 'FXinnovation/alertmanager-webhook-servicenow/pull/46', 'servicenow/incident_client.go',
         G('servicenow', ['bytes', 'encoding/json', 'fmt', 'io', 'net/http'])(SERVICENOW), [
             (1, 'go-00-servicenow-moved-client-error-answer-body-open',
              'a PR moves the ServiceNow client into its own package and defers the close of the answer past the '
              'status check, so every incident ServiceNow refuses with 4xx or 5xx keeps its connection', 'rename'),
             (2, 'go-00-servicenow-moved-client-decode-error-dropped',
              'a PR moves the ServiceNow client into its own package and drops the error of decoding the created '
              'incident, so a garbled answer yields an incident without number that can never be resolved', 'rename'),
             (0, 'go-ok-00-servicenow-moved-client',
              'clean: the move alone; the answer is closed on every path and its decoding checked', 'rename'),
         ], rename_from='servicenow.go', rename_old=lambda t: t.replace('package servicenow', 'package main', 1))


# ---------------------------------------------------------------- CONC-01 / TMO-02: node fan-out of a new Tdarr collector (tdarr-exporter)
TDARR = template('tdarr-exporter-collector', r'''
var (
    upDesc = prometheus.NewDesc("tdarr_up", "Whether the last scrape of the Tdarr server succeeded.", nil, nil)
    nodeUpDesc = prometheus.NewDesc("tdarr_node_up", "Whether the last scrape of a node succeeded.", []string{"node"}, nil)
    workersDesc = prometheus.NewDesc("tdarr_node_workers", "Workers of a node by type.", []string{"node", "type"}, nil)
)

type nodeInfo struct {
    ID       string         `json:"_id"`
    Name     string         `json:"nodeName"`
    Workers  map[string]int `json:"workerLimits"`
    Paused   bool           `json:"nodePaused"`
}

// Collector scrapes the Tdarr server and every worker node it knows about.
type Collector struct {
    client  *http.Client
    baseURL string
    timeout time.Duration
    logger  *slog.Logger
}

// NewCollector returns a collector whose scrapes give up after timeout.
func NewCollector(baseURL string, timeout time.Duration, logger *slog.Logger) *Collector {
    return &Collector{client: &http.Client{Timeout: timeout}, baseURL: baseURL, timeout: timeout, logger: logger}
}

// Describe sends the descriptors of every metric the collector reports.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
    ch <- upDesc
    ch <- nodeUpDesc
    ch <- workersDesc
}

// Collect scrapes the nodes concurrently; a node that fails reports tdarr_node_up 0 and the others carry on.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
    ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
    defer cancel()
    nodes, err := c.listNodes(ctx)
    if err != nil {
        c.logger.Error("list tdarr nodes", "err", err)
        ch <- prometheus.MustNewConstMetric(upDesc, prometheus.GaugeValue, 0)
        return
    }
    var wg sync.WaitGroup
    for _, node := range nodes {
        wg.Add(1)
        go func(node nodeInfo) { //@{1}CONC-01
            defer wg.Done()
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    c.logger.Error("node scrape panicked", "node", node.Name, "panic", r)
02|                    ch <- prometheus.MustNewConstMetric(nodeUpDesc, prometheus.GaugeValue, 0, node.Name)
02|                }
02|            }()
            c.collectNode(node, ch)
        }(node)
    }
    wg.Wait()
    ch <- prometheus.MustNewConstMetric(upDesc, prometheus.GaugeValue, 1)
}

func (c *Collector) collectNode(node nodeInfo, ch chan<- prometheus.Metric) {
    up := 1.0
    if node.Paused {
        up = 0
    }
    ch <- prometheus.MustNewConstMetric(nodeUpDesc, prometheus.GaugeValue, up, node.Name)
    for kind, limit := range node.Workers {
        ch <- prometheus.MustNewConstMetric(workersDesc, prometheus.GaugeValue, float64(limit), node.Name, kind)
    }
}

// listNodes asks the server for the nodes connected to it.
func (c *Collector) listNodes(ctx context.Context) ([]nodeInfo, error) {
01|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+"/api/v2/get-nodes", nil)
2|    req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, c.baseURL+"/api/v2/get-nodes", nil) //@TMO-02
    if err != nil {
        return nil, err
    }
    resp, err := c.client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("get nodes: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("get nodes: %s", resp.Status)
    }
    byID := map[string]nodeInfo{}
    if err := json.NewDecoder(resp.Body).Decode(&byID); err != nil {
        return nil, fmt.Errorf("decode nodes: %w", err)
    }
    nodes := make([]nodeInfo, 0, len(byID))
    for _, n := range byID {
        nodes = append(nodes, n)
    }
    return nodes, nil
}
''')
cases_of(case, GH + 'homeylab/tdarr-exporter/pull/84', 'internal/collector/tdarr.go',
         G('collector', ['context', 'encoding/json', 'fmt', 'log/slog', 'net/http', 'sync', 'time', '', PROM])(TDARR), [
             (1, 'go-00-tdarr-new-collector-node-goroutine-without-recover',
              'a new collector scrapes each node on a bare goroutine, so one node whose worker labels make a const '
              'metric panic takes the whole exporter down instead of reporting that node as down', 'new'),
             (2, 'go-00-tdarr-new-collector-nodes-listed-on-background-context',
              'a new collector lists the nodes on a background context, so the scrape\'s deadline never reaches '
              'the request and a slow server keeps it running after Prometheus gave up', 'new'),
             (0, 'go-ok-00-tdarr-new-collector',
              'clean: a new collector whose node goroutines recover and whose requests carry the scrape\'s context',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-03: session refresh of a storage-array exporter (pure-fa-openmetrics-exporter)
PUREFA = template('pure-fa-rest-client', r'''
// FAClient talks to the REST API of the FlashArrays a scrape names and keeps one session token per array.
type FAClient struct {
    apiToken string
    timeout  time.Duration
    http     *http.Client
    mu       sync.Mutex
    sessions map[string]string
}

// NewFAClient returns a client that logs in with apiToken and bounds each login by timeout.
func NewFAClient(apiToken string, timeout time.Duration, insecure bool) *FAClient {
    transport := http.DefaultTransport.(*http.Transport).Clone()
    transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: insecure}
    return &FAClient{
        apiToken: apiToken,
        timeout:  timeout,
        http:     &http.Client{Transport: transport, Timeout: timeout},
        sessions: map[string]string{},
    }
}

// Session returns the session token of endpoint, logging in first when there is none.
func (fa *FAClient) Session(ctx context.Context, endpoint string) (string, error) {
    fa.mu.Lock()
    token, ok := fa.sessions[endpoint]
    fa.mu.Unlock()
    if ok {
        return token, nil
    }
    if err := fa.RefreshSession(ctx, endpoint); err != nil {
        return "", err
    }
    fa.mu.Lock()
    defer fa.mu.Unlock()
    return fa.sessions[endpoint], nil
}

// RefreshSession logs in to endpoint again; concurrent scrapes call it when the array answers 401.
func (fa *FAClient) RefreshSession(ctx context.Context, endpoint string) error {
01|    ctx, cancel := context.WithTimeout(ctx, fa.timeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, fa.timeout) //@TMO-03
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://"+endpoint+"/api/2.4/login", nil)
    if err != nil {
        return err
    }
    req.Header.Set("api-token", fa.apiToken)
    resp, err := fa.http.Do(req)
    if err != nil {
        return fmt.Errorf("login to %s: %w", endpoint, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("login to %s: %s", endpoint, resp.Status)
    }
    token := resp.Header.Get("x-auth-token")
    if token == "" {
        return fmt.Errorf("login to %s: the answer carries no session token", endpoint)
    }
02|    fa.mu.Lock()
    fa.sessions[endpoint] = token //@{1}CONC-03
02|    fa.mu.Unlock()
    return nil
}
''')
cases_of(case, GH + 'PureStorage-OpenConnect/pure-fa-openmetrics-exporter/issues/85', 'internal/rest-client/client.go',
         G('client', ['context', 'crypto/tls', 'fmt', 'net/http', 'sync', 'time'])(PUREFA), [
             (1, 'go-00-pure-fa-session-map-written-without-lock',
              'an edit stores the refreshed session token without the client\'s lock, so two scrapes that both '
              'meet a 401 crash the exporter with concurrent map writes', 'edit'),
             (2, 'go-00-pure-fa-login-timeout-never-cancelled',
              'an edit bounds the login with a timeout context and drops its cancel, so every session refresh '
              'leaves a timer alive until the timeout passes', 'edit'),
             (0, 'go-ok-00-pure-fa-session-map-under-lock',
              'clean: the fix stores the session token under the client\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: job store of a GitLab CI exporter (gitlab-ci-pipelines-exporter)
GITLABCI = template('gitlab-ci-local-store', r'''
// Job is the last known state of one CI job of a project's ref.
type Job struct {
    ProjectName string
    Ref         string
    Name        string
    ID          int
    Status      string
    Duration    float64
    FinishedAt  time.Time
}

// Key identifies the job across pipelines of the same ref.
func (j Job) Key() string {
    return j.ProjectName + "/" + j.Ref + "/" + j.Name
}

// LocalStore keeps the jobs in memory; the pulling goroutines write it while scrapes read it.
type LocalStore struct {
    mu   sync.RWMutex
    jobs map[string]Job
}

// NewLocalStore returns an empty store.
func NewLocalStore() *LocalStore {
    return &LocalStore{jobs: map[string]Job{}}
}

// SetJob records the latest state of a job.
func (s *LocalStore) SetJob(j Job) {
02|    s.mu.Lock()
02|    defer s.mu.Unlock()
    s.jobs[j.Key()] = j //@{1}CONC-03
}

// Jobs returns a copy of every job, for one scrape.
func (s *LocalStore) Jobs() []Job {
    s.mu.RLock()
    defer s.mu.RUnlock()
    out := make([]Job, 0, len(s.jobs))
    for _, j := range s.jobs {
        out = append(out, j)
    }
    return out
}

// Save writes the jobs to path so that a restart does not lose the last known states.
func (s *LocalStore) Save(path string) error {
    snapshot := s.Jobs()
    sort.Slice(snapshot, func(a, b int) bool { return snapshot[a].Key() < snapshot[b].Key() })
    f, err := os.Create(path)
    if err != nil {
        return err
    }
    defer f.Close()
01|    if err := json.NewEncoder(f).Encode(snapshot); err != nil {
01|        return fmt.Errorf("save job snapshot: %w", err)
01|    }
2|    json.NewEncoder(f).Encode(snapshot) //@ERR-01
    return f.Sync()
}
''')
cases_of(case, GH + 'mvisonneau/gitlab-ci-pipelines-exporter/issues/162', 'pkg/store/local.go',
         G('store', ['encoding/json', 'fmt', 'os', 'sort', 'sync', 'time'])(GITLABCI), [
             (1, 'go-00-gitlab-ci-store-job-written-without-lock',
              'an edit records each pulled job in the shared map without the store\'s lock, so a scrape that '
              'iterates the jobs while a pull writes one crashes the exporter', 'edit'),
             (2, 'go-00-gitlab-ci-store-snapshot-encode-error-dropped',
              'an edit drops the error of encoding the job snapshot, so a full disk leaves a truncated file the '
              'next start cannot read and nobody is told', 'edit'),
             (0, 'go-ok-00-gitlab-ci-store-job-written-under-lock',
              'clean: the fix writes each job under the store\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / RES-03: GitHub source of a repository backup tool (gickup)
GICKUP = template('gickup-github-source', r'''
// Get lists every repository of the configured GitHub users, page by page.
func Get(conf *types.Conf) []types.Repo {
    ctx := context.Background()
    var repos []types.Repo
    for _, src := range conf.Source.Github {
        client := github.NewClient(nil).WithAuthToken(src.GetToken())
        page := 1
        for {
            list, resp, err := client.Repositories.ListByUser(ctx, src.User, &github.RepositoryListByUserOptions{
                ListOptions: github.ListOptions{Page: page, PerPage: 50},
            })
            if err != nil {
                log.Error().Str("stage", "github").Str("user", src.User).Err(err).Msg("cannot list repositories") //@{1}LOG-01
02|                break
1|                continue
            }
            for _, r := range list {
                repos = append(repos, types.Repo{
                    Name:          r.GetName(),
                    URL:           r.GetCloneURL(),
                    Owner:         r.GetOwner().GetLogin(),
                    Hoster:        "github.com",
                    DefaultBranch: r.GetDefaultBranch(),
                })
            }
            if resp.NextPage == 0 {
                break
            }
            page = resp.NextPage
        }
    }
    return repos
}

// WriteIndex stores one JSON description per repository next to its backup.
func WriteIndex(dir string, repos []types.Repo) error {
    for _, r := range repos {
        f, err := os.Create(filepath.Join(dir, r.Owner+"_"+r.Name+".json"))
        if err != nil {
            return err
        }
2|        defer f.Close() //@RES-03
        if err := json.NewEncoder(f).Encode(r); err != nil {
01|            f.Close()
            return fmt.Errorf("index %s/%s: %w", r.Owner, r.Name, err)
        }
01|        if err := f.Close(); err != nil {
01|            return err
01|        }
    }
    return nil
}
''')
cases_of(case, GH + 'cooperspencer/gickup/issues/283', 'github/github.go',
         G('github', ['context', 'encoding/json', 'fmt', 'os', 'path/filepath', '', 'github.com/cooperspencer/gickup/types',
                      'github.com/google/go-github/v66/github', 'github.com/rs/zerolog/log'])(GICKUP), [
             (1, 'go-00-gickup-list-error-logged-in-tight-loop',
              'an edit retries the same page right away when listing fails, so a rate-limited or misspelt user '
              'writes the same error line thousands of times a second until the disk is full', 'edit'),
             (2, 'go-00-gickup-index-defers-close-in-loop',
              'an edit defers the close of each index file inside the loop over repositories, so a large account '
              'holds one descriptor per repository until the whole index is written', 'edit'),
             (0, 'go-ok-00-gickup-list-error-ends-user',
              'clean: the fix logs the failure once and moves on to the next user', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TMO-03: repair cooldown of a node problem detector (node-problem-detector)
NPD = template('npd-remedy-cooldown', r'''
const (
    lastRepairAnnotation = "node-problem-detector.k8s.io/last-repair"
    repairLayout         = "2006-01-02 15:04:05"
)

// Remedy runs the configured repair command for a node condition, at most once per cooldown.
type Remedy struct {
    command        []string
    cooldown       time.Duration
    commandTimeout time.Duration
    nodes          NodeUpdater
}

// inCooldown tells whether the node was repaired less than a cooldown ago.
func (r *Remedy) inCooldown(node *v1.Node) bool {
    last, ok := node.Annotations[lastRepairAnnotation]
    if !ok {
        return false
    }
    at, err := time.Parse(repairLayout, last)
    if err != nil {
        klog.Warningf("ignoring unreadable repair time %q on node %s: %v", last, node.Name, err)
        return false
    }
    return time.Since(at) < r.cooldown
}

// Repair runs the repair command unless the node is in its cooldown, then records when it ran.
func (r *Remedy) Repair(ctx context.Context, node *v1.Node) error {
    if r.inCooldown(node) {
        klog.Infof("node %s was repaired recently; waiting for the cooldown", node.Name)
        return nil
    }
01|    ctx, cancel := context.WithTimeout(ctx, r.commandTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, r.commandTimeout) //@TMO-03
    out, err := exec.CommandContext(ctx, r.command[0], r.command[1:]...).CombinedOutput()
    if err != nil {
        return fmt.Errorf("repair command on %s: %v: %s", node.Name, err, out)
    }
    if node.Annotations == nil {
        node.Annotations = map[string]string{}
    }
02|    node.Annotations[lastRepairAnnotation] = time.Now().UTC().Format(repairLayout)
1|    node.Annotations[lastRepairAnnotation] = time.Now().Format(repairLayout) //@TIME-01
    return r.nodes.Update(ctx, node)
}
''')
cases_of(case, GH + 'kubernetes/node-problem-detector/pull/615', 'pkg/remedy/remedy.go',
         G('remedy', ['context', 'fmt', 'os/exec', 'time', '', 'k8s.io/api/core/v1', 'k8s.io/klog/v2'])(NPD), [
             (1, 'go-00-npd-repair-time-written-in-local-time',
              'an edit writes the last repair time in the node\'s local time while it is parsed as UTC, so on a '
              'node east of UTC the cooldown never holds and the repair runs again at every check', 'edit'),
             (2, 'go-00-npd-repair-timeout-never-cancelled',
              'an edit bounds the repair command with a timeout context and drops its cancel, so every repair '
              'keeps a timer alive until the timeout passes', 'edit'),
             (0, 'go-ok-00-npd-repair-time-written-in-utc',
              'clean: the fix writes the repair time in UTC like it is read', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: hit store of a bot tarpit with a dashboard (Sarracenia)
SARRACENIA = template('sarracenia-hit-store', r'''
// Store keeps the requests trapped clients make and the counters the threat assessment reads.
type Store struct {
    db     *sql.DB
    window time.Duration
}

// NewStore returns a store over db that counts requests within window.
func NewStore(db *sql.DB, window time.Duration) *Store {
    return &Store{db: db, window: window}
}

// RecordHit stores one request of a client and returns how many it made within the window.
func (s *Store) RecordHit(ctx context.Context, ip, path string, at time.Time) (int, error) {
    tx, err := s.db.BeginTx(ctx, nil)
    if err != nil { //@{1}TX-01
        return 0, fmt.Errorf("could not begin transaction: %w", err)
    }
02|    defer tx.Rollback()
    if _, err := tx.ExecContext(ctx, `INSERT INTO hits (ip, path, seen_at) VALUES (?, ?, ?)`, ip, path, at.UTC()); err != nil {
        return 0, fmt.Errorf("insert hit: %w", err)
    }
    if _, err := tx.ExecContext(ctx, `INSERT INTO stats_ip (ip, hits, last_seen) VALUES (?, 1, ?)
        ON CONFLICT(ip) DO UPDATE SET hits = hits + 1, last_seen = excluded.last_seen`, ip, at.UTC()); err != nil {
        return 0, fmt.Errorf("upsert stats_ip: %w", err)
    }
    var recent int
    err = tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM hits WHERE ip = ? AND seen_at > ?`,
        ip, at.Add(-s.window).UTC()).Scan(&recent)
    if err != nil {
        return 0, fmt.Errorf("count hits: %w", err)
    }
01|    if err := tx.Commit(); err != nil {
01|        return 0, fmt.Errorf("commit hit: %w", err)
01|    }
2|    tx.Commit() //@TX-02
    return recent, nil
}

// TopClients returns the clients with the most requests, for the dashboard.
func (s *Store) TopClients(ctx context.Context, limit int) ([]ClientStat, error) {
    rows, err := s.db.QueryContext(ctx, `SELECT ip, hits, last_seen FROM stats_ip ORDER BY hits DESC LIMIT ?`, limit)
    if err != nil {
        return nil, err
    }
    defer rows.Close()
    var out []ClientStat
    for rows.Next() {
        var c ClientStat
        if err := rows.Scan(&c.IP, &c.Hits, &c.LastSeen); err != nil {
            return nil, err
        }
        out = append(out, c)
    }
    return out, rows.Err()
}
''')
cases_of(case, GH + 'amenyxia/Sarracenia/issues/1', 'internal/store/hits.go',
         G('store', ['context', 'database/sql', 'fmt', 'time'])(SARRACENIA), [
             (1, 'go-00-sarracenia-hit-not-rolled-back-on-error',
              'an edit drops the deferred rollback of the hit transaction, so an insert that fails on a busy '
              'database leaves the transaction open and every later hit fails to begin its own', 'edit'),
             (2, 'go-00-sarracenia-hit-commit-unchecked',
              'an edit calls Commit without looking at its error, so a hit SQLite refused to commit is counted '
              'in the threat assessment all the same', 'edit'),
             (0, 'go-ok-00-sarracenia-hit-rolled-back',
              'clean: the fix rolls the hit transaction back by defer when it does not commit', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: command probe of an NRPE exporter (nrpe_exporter)
NRPE = template('nrpe-exporter-collect', r'''
var (
    commandDuration = prometheus.NewDesc("command_duration", "Length of time the NRPE command took in seconds.",
        nil, nil)
    commandStatus = prometheus.NewDesc("command_status", "Status of the NRPE command (0 OK, 1 warning, 2 critical).",
        nil, nil)
    commandOk = prometheus.NewDesc("command_ok", "Whether the NRPE command could be run at all.", nil, nil)
)

// collectCommand runs one NRPE command against target and reports its result.
func collectCommand(ch chan<- prometheus.Metric, cmd, target string, useSSL bool, timeout time.Duration, logger *slog.Logger) error {
01|    conn, err := net.DialTimeout("tcp", target, timeout)
2|    conn, err := net.Dial("tcp", target) //@TMO-01
    if err != nil { //@{1}RES-01
        return fmt.Errorf("connect to %s: %w", target, err)
    }
02|    defer conn.Close()
    if err := conn.SetDeadline(time.Now().Add(timeout)); err != nil {
        return err
    }
    start := time.Now()
    result, err := nrpe.Run(conn, nrpe.NewCommand(cmd), useSSL, timeout)
    if err != nil {
        logger.Debug("nrpe command failed", "target", target, "command", cmd, "err", err)
        ch <- prometheus.MustNewConstMetric(commandOk, prometheus.GaugeValue, 0)
        return fmt.Errorf("run %s on %s: %w", cmd, target, err)
    }
    ch <- prometheus.MustNewConstMetric(commandOk, prometheus.GaugeValue, 1)
    ch <- prometheus.MustNewConstMetric(commandDuration, prometheus.GaugeValue, time.Since(start).Seconds())
    ch <- prometheus.MustNewConstMetric(commandStatus, prometheus.GaugeValue, float64(result.StatusCode))
1|    conn.Close()
    return nil
}

func handler(w http.ResponseWriter, r *http.Request, timeout time.Duration, logger *slog.Logger) {
    params := r.URL.Query()
    target, cmd := params.Get("target"), params.Get("command")
    if target == "" || cmd == "" {
        http.Error(w, "target and command parameters are required", http.StatusBadRequest)
        return
    }
    useSSL := params.Get("ssl") == "true"
    registry := prometheus.NewRegistry()
    collector := collectorFunc(func(ch chan<- prometheus.Metric) {
        if err := collectCommand(ch, cmd, target, useSSL, timeout, logger); err != nil {
            logger.Warn("nrpe probe failed", "target", target, "err", err)
        }
    })
    registry.MustRegister(collector)
    promhttp.HandlerFor(registry, promhttp.HandlerOpts{}).ServeHTTP(w, r)
}
''')
cases_of(case, GH + 'canonical/nrpe_exporter/pull/29', 'nrpe_exporter.go',
         G('main', ['fmt', 'log/slog', 'net', 'net/http', 'time', '', PROM, 'github.com/prometheus/client_golang/prometheus/promhttp',
                    'nrpe github.com/spiegel-im-spiegel/nrpe'])(NRPE), [
             (1, 'go-00-nrpe-exporter-connection-closed-only-on-success',
              'an edit closes the NRPE connection only after a successful command, so every probe of a target '
              'that refuses or fails the command keeps a socket and a large target list exhausts the descriptors',
              'edit'),
             (2, 'go-00-nrpe-exporter-dial-without-timeout',
              'an edit dials the target with net.Dial, so a host that drops packets blocks the probe in connect '
              'for minutes whatever timeout the module sets', 'edit'),
             (0, 'go-ok-00-nrpe-exporter-connection-closed-by-defer',
              'clean: the fix closes the connection by defer right after it is dialled', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-01: legacy user queries of a PostgreSQL exporter (postgres_exporter)
PGEXPORTER = template('postgres-exporter-namespace', r'''
// queryNamespaceMapping runs the query of one namespace on the legacy path and turns its rows into metrics.
func queryNamespaceMapping(ctx context.Context, server *Server, namespace string, mapping MetricMapNamespace) ([]prometheus.Metric, []error, error) {
    query, found := server.queryOverrides[namespace]
    if !found {
        query = fmt.Sprintf("SELECT * FROM %s;", namespace)
    }
    if query == "" {
        return []prometheus.Metric{}, []error{}, nil
    }
02|    rows, err := server.db.QueryContext(ctx, query)
1|    rows, err := server.db.Query(query) //@TMO-02
    if err != nil { //@{2}RES-01
        return []prometheus.Metric{}, []error{}, fmt.Errorf("error running query on database %q: %s %v", server, namespace, err)
    }
01|    defer rows.Close()
    columnNames, err := rows.Columns()
    if err != nil {
        return []prometheus.Metric{}, []error{}, errors.New(fmt.Sprintln("Error retrieving column list for: ", namespace, err))
    }
    columnIdx := make(map[string]int, len(columnNames))
    for i, n := range columnNames {
        columnIdx[n] = i
    }
    columnData := make([]interface{}, len(columnNames))
    scanArgs := make([]interface{}, len(columnNames))
    for i := range columnData {
        scanArgs[i] = &columnData[i]
    }
    var metrics []prometheus.Metric
    var nonfatal []error
    for rows.Next() {
        if err := rows.Scan(scanArgs...); err != nil {
            return []prometheus.Metric{}, []error{}, errors.New(fmt.Sprintln("Error retrieving rows:", namespace, err))
        }
        labels := make([]string, len(mapping.labels))
        for i, label := range mapping.labels {
            labels[i], _ = dbToString(columnData[columnIdx[label]])
        }
        for idx, columnName := range columnNames {
            metricMapping, ok := mapping.columnMappings[columnName]
            if !ok || metricMapping.discard {
                continue
            }
            value, ok := dbToFloat64(columnData[idx])
            if !ok {
                nonfatal = append(nonfatal, fmt.Errorf("unexpected error parsing column %q of %s: %v", columnName, namespace, columnData[idx]))
                continue
            }
            metrics = append(metrics, prometheus.MustNewConstMetric(metricMapping.desc, metricMapping.vtype, value, labels...))
        }
    }
    return metrics, nonfatal, rows.Err()
}
''')
cases_of(case, GH + 'prometheus-community/postgres_exporter/pull/1393', 'cmd/postgres_exporter/namespace.go',
         G('main', ['context', 'errors', 'fmt', '', PROM])(PGEXPORTER), [
             (1, 'go-00-postgres-exporter-legacy-query-without-context',
              'an edit runs the legacy user queries without the collection context, so a query stuck behind a '
              'lock outlives every scrape timeout and blocked collections pile up', 'edit'),
             (2, 'go-00-postgres-exporter-legacy-rows-never-closed',
              'an edit drops the deferred close of the user query\'s rows, so a scan that fails half-way keeps its '
              'pooled connection busy for good', 'edit'),
             (0, 'go-ok-00-postgres-exporter-legacy-query-with-context',
              'clean: the fix runs the legacy query on the collection context', 'fix'),
         ])
