"""Round-32 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
once and gives three cases: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean
look-alike (round 15's common15.variant, through round 16's common16). A case is a new file, an edit that turns the
clean file into a defect, the fix that turns the first defect into the clean file, or a move (round 16's
common16.cases_of). Names carry `00`: they are numbered in order at the end."""
from common16 import make_case, gomod, go, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
TEMPLATES = []


def G(pkg, imports, header=''):
    return lambda body: (lambda v: go(pkg, imports, variant(body, v), header))


def GV(pkg, imports_of, header=''):
    """Like G, but the import block depends on the version (`imports_of[v]`), as goimports would leave it."""
    return lambda body: (lambda v: go(pkg, imports_of[v], variant(body, v), header))


def template(name, text):
    TEMPLATES.append((name, text))
    return text


# ---------------------------------------------------------------- CONC-01 / TMO-03: email dispatcher (kannon)
KANNON = template('kannon', r'''
// Dispatcher claims scheduled emails from the sending pool and publishes them on the sending subject, and
// consumes the delivery events the senders publish back.
type Dispatcher struct {
    pool         pool.SendingPoolManager
    js           jetstream.JetStream
    logger       *logrus.Entry
    batchSize    uint
    claimTimeout time.Duration
}

// NewDispatcher returns a dispatcher that claims up to batchSize emails per tick.
func NewDispatcher(p pool.SendingPoolManager, js jetstream.JetStream, logger *logrus.Entry, batchSize uint) *Dispatcher {
    return &Dispatcher{pool: p, js: js, logger: logger, batchSize: batchSize, claimTimeout: 10 * time.Second}
}

// Run dispatches one batch per tick until ctx ends.
func (d *Dispatcher) Run(ctx context.Context, tick time.Duration) {
    ticker := time.NewTicker(tick)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            if err := d.dispatchBatch(ctx); err != nil {
                d.logger.Errorf("cannot dispatch batch: %v", err)
            }
        }
    }
}

func (d *Dispatcher) dispatchBatch(ctx context.Context) error {
01|    claimCtx, cancel := context.WithTimeout(ctx, d.claimTimeout)
01|    defer cancel()
2|    claimCtx, _ := context.WithTimeout(ctx, d.claimTimeout) //@TMO-03
    emails, err := d.pool.PrepareForSend(claimCtx, d.batchSize)
    if err != nil {
        return fmt.Errorf("cannot claim emails: %w", err)
    }
    for _, email := range emails {
        data, err := proto.Marshal(email)
        if err != nil {
            return fmt.Errorf("cannot marshal email %s: %w", email.MessageId, err)
        }
        if _, err := d.js.Publish(ctx, "kannon.sending", data); err != nil {
            return fmt.Errorf("cannot publish email %s: %w", email.MessageId, err)
        }
    }
    d.logger.Debugf("dispatched %d emails", len(emails))
    return nil
}

// HandleDelivered consumes the delivered events in the background and marks each email as sent.
func (d *Dispatcher) HandleDelivered(ctx context.Context, cons jetstream.Consumer) error {
    msgs, err := cons.Messages()
    if err != nil {
        return fmt.Errorf("cannot open delivered stream: %w", err)
    }
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                d.logger.Errorf("delivered handler panicked: %v\n%s", r, debug.Stack())
02|            }
02|        }()
        defer msgs.Stop()
        for {
            msg, err := msgs.Next()
            if err != nil {
                d.logger.Warnf("delivered stream ended: %v", err)
                return
            }
            delivered := &types.Delivered{}
            if err := proto.Unmarshal(msg.Data(), delivered); err != nil {
                d.logger.Errorf("cannot decode delivered event: %v", err)
                _ = msg.Term()
                continue
            }
            if err := d.pool.SetDelivered(ctx, delivered.MessageId, delivered.Email); err != nil {
                d.logger.Errorf("cannot mark %s delivered: %v", delivered.MessageId, err)
                _ = msg.Nak()
                continue
            }
            if err := msg.Ack(); err != nil {
                d.logger.Errorf("cannot ack delivered event: %v", err)
            }
        }
    }()
    return nil
}
''')
cases_of(case, GH + 'kannon-email/kannon/issues/393', 'pkg/dispatcher/dispatcher.go',
         GV('dispatcher', {0: ['context', 'fmt', 'runtime/debug', 'time', '', 'github.com/nats-io/nats.go/jetstream',
                               'github.com/sirupsen/logrus', 'google.golang.org/protobuf/proto', '',
                               'github.com/kannon-email/kannon/internal/pool', 'github.com/kannon-email/kannon/proto/kannon/mailer/types'],
                           1: ['context', 'fmt', 'time', '', 'github.com/nats-io/nats.go/jetstream',
                               'github.com/sirupsen/logrus', 'google.golang.org/protobuf/proto', '',
                               'github.com/kannon-email/kannon/internal/pool', 'github.com/kannon-email/kannon/proto/kannon/mailer/types'],
                           2: ['context', 'fmt', 'runtime/debug', 'time', '', 'github.com/nats-io/nats.go/jetstream',
                               'github.com/sirupsen/logrus', 'google.golang.org/protobuf/proto', '',
                               'github.com/kannon-email/kannon/internal/pool', 'github.com/kannon-email/kannon/proto/kannon/mailer/types']})(KANNON), [
             (1, 'go-00-kannon-new-dispatcher-delivered-goroutine-without-recover',
              'a new dispatcher consumes delivery events on a goroutine without recover, so one bad event kills the process', 'new'),
             (2, 'go-00-kannon-new-dispatcher-claim-timeout-cancel-discarded',
              'a new dispatcher bounds each claim of the sending pool with a timeout context and throws its cancel away', 'new'),
             (0, 'go-ok-00-kannon-new-dispatcher-recovered-claim-cancel-deferred',
              'clean: a new dispatcher whose event goroutine recovers and whose claim timeout is cancelled by defer', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: game server badges (ynoserver)
YNO = template('ynoserver', r'''
type badgeStats struct {
    mu         sync.Mutex
    unlocks    map[string]int
    playerCount int
}

var stats = &badgeStats{unlocks: make(map[string]int)}

// checkBadges is called from every player's session goroutine after a game event and unlocks each badge whose
// condition the player now meets.
func (c *SessionClient) checkBadges(trigger string, value int) {
    badges, err := getPlayerBadgeData(c.uuid, c.rank, c.account)
    if err != nil {
        writeErrLog(c.uuid, c.roomC.mapId, "failed to read badge data: "+err.Error())
        return
    }
2|    log.Printf("checking %d badges for %s on %s (%s=%d)", len(badges), c.name, c.roomC.mapId, trigger, value) //@LOG-01

    for _, badge := range badges {
        if badge.Unlocked || badge.Trigger != trigger || value < badge.Value {
            continue
        }
        if err := unlockPlayerBadge(c.uuid, badge.BadgeId); err != nil {
            writeErrLog(c.uuid, c.roomC.mapId, "failed to unlock badge "+badge.BadgeId+": "+err.Error())
            continue
        }
        badge.Unlocked = true
02|        stats.recordUnlock(badge.BadgeId)
1|        stats.unlocks[badge.BadgeId]++ //@CONC-03
        c.outbox <- buildMsg("b", badge.BadgeId)
    }
}

func (s *badgeStats) recordUnlock(badgeId string) {
    s.mu.Lock()
    defer s.mu.Unlock()
    s.unlocks[badgeId]++
}

// unlockPercentage gives the share of players holding a badge, for the badge gallery.
func (s *badgeStats) unlockPercentage(badgeId string) float32 {
    s.mu.Lock()
    defer s.mu.Unlock()
    if s.playerCount == 0 {
        return 0
    }
    return float32(s.unlocks[badgeId]) / float32(s.playerCount) * 100
}

// refreshBadgeStats reloads the counts from the database every hour.
func refreshBadgeStats() {
    counts, players, err := getBadgeUnlockCounts()
    if err != nil {
        log.Printf("failed to refresh badge stats: %v", err)
        return
    }
    stats.mu.Lock()
    stats.unlocks = counts
    stats.playerCount = players
    stats.mu.Unlock()
}
''')
cases_of(case, GH + 'ynoproject/ynoserver/pull/99', 'server/badge.go',
         G('server', ['log', 'sync'])(YNO), [
             (1, 'go-00-ynoserver-badge-unlock-count-bumped-without-lock',
              'an edit has every player goroutine bump the shared badge unlock counts directly, past their lock', 'edit'),
             (2, 'go-00-ynoserver-log-line-per-badge-check',
              'an edit logs every badge check of every player after every game event', 'edit'),
             (0, 'go-ok-00-ynoserver-unlock-counted-under-lock-quiet',
              'clean: the unlock counted through the locked method, no line per badge check', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / ERR-01: AMQP client consumers (amqp)
AMQP = template('amqp', r'''
// consumers holds the delivery channels of one AMQP channel, each fed by its own buffer goroutine.
type consumers struct {
    sync.WaitGroup
    closed chan struct{}

    sync.Mutex
    chans map[string]chan *Delivery
}

func makeConsumers() *consumers {
    return &consumers{
        closed: make(chan struct{}),
        chans:  make(map[string]chan *Delivery),
    }
}

// buffer moves deliveries from in to out so that the channel's frame reader never blocks on a slow consumer.
func (subs *consumers) buffer(in chan *Delivery, out chan Delivery) {
    defer close(out)
    defer subs.Done()

1|    var inflight = new(list.List)
1|
    for delivery := range in {
1|        inflight.PushBack(delivery) //@CONC-02
1|
1|        for inflight.Len() > 0 {
1|            select {
1|            case <-subs.closed:
1|                return
1|            case out <- *inflight.Front().Value.(*Delivery):
1|                inflight.Remove(inflight.Front())
1|            case delivery, consuming := <-in:
1|                if !consuming {
1|                    return
1|                }
1|                inflight.PushBack(delivery)
1|            }
1|        }
02|        select {
02|        case <-subs.closed:
02|            return
02|        case out <- *delivery:
02|        }
    }
}

// add starts a buffer goroutine for a new consumer tag.
func (subs *consumers) add(tag string, consumer chan Delivery) {
    subs.Lock()
    defer subs.Unlock()

    if prev, found := subs.chans[tag]; found {
        close(prev)
    }
    in := make(chan *Delivery, bufferSize)
    subs.chans[tag] = in
    subs.Add(1)
    go subs.buffer(in, consumer)
}

// Cancel stops deliveries to the consumer and waits for the server to confirm.
func (ch *Channel) Cancel(consumer string, noWait bool) error {
    req := &basicCancel{
        ConsumerTag: consumer,
        NoWait:      noWait,
    }
    res := &basicCancelOk{}

01|    if err := ch.call(req, res); err != nil {
01|        return err
01|    }
2|    ch.call(req, res) //@ERR-01

    if req.wait() {
        ch.consumers.cancel(res.ConsumerTag)
    } else {
        ch.consumers.cancel(consumer)
    }
    return nil
}
''')
cases_of(case, GH + 'streadway/amqp/issues/490', 'consumers.go',
         GV('amqp', {0: ['sync'], 1: ['container/list', 'sync'], 2: ['sync']})(AMQP), [
             (1, 'go-00-amqp-consumer-buffer-grows-without-bound',
              'an edit makes each consumer buffer deliveries in a list that grows without bound when the consumer is slow',
              'edit'),
             (2, 'go-00-amqp-cancel-ignores-call-error',
              'an edit drops the error of the cancel call, so a failed cancel reports success and the consumer keeps its tag',
              'edit'),
             (0, 'go-ok-00-amqp-blocking-hand-off-cancel-error-returned',
              'clean: each delivery handed on with back-pressure, the cancel error returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: profile API client (minotar)
MINOTAR = template('minotar', r'''
const (
    uuidURL    = "https://api.mojang.com/users/profiles/minecraft/%s"
    sessionURL = "https://sessionserver.mojang.com/session/minecraft/profile/%s"
)

// Minecraft fetches profiles and textures from the Mojang APIs.
type Minecraft struct {
    Client    *http.Client
    UserAgent string
}

// NewMinecraft returns a client whose requests are bounded by timeout.
func NewMinecraft(timeout time.Duration) *Minecraft {
    return &Minecraft{
01|        Client:    &http.Client{Timeout: timeout},
2|        Client:    &http.Client{}, //@TMO-01
        UserAgent: "minotar/imgd (https://github.com/minotar/imgd)",
    }
}

// apiRequest GETs url and returns the body of a 200 answer.
func (mc *Minecraft) apiRequest(url string) ([]byte, error) {
    req, err := http.NewRequest("GET", url, nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("User-Agent", mc.UserAgent)

    resp, err := mc.Client.Do(req) //@{1}RES-02
    if err != nil {
02|        return nil, err
1|        return nil, fmt.Errorf("apiRequest %s: %w", url, err)
    }
02|    defer resp.Body.Close()

    switch resp.StatusCode {
    case http.StatusOK:
    case http.StatusNoContent, http.StatusNotFound:
        return nil, errors.New("user not found")
    case http.StatusTooManyRequests:
        return nil, errors.New("rate limited")
    default:
        return nil, fmt.Errorf("apiRequest HTTP %s", resp.Status)
    }

    body, err := ioutil.ReadAll(resp.Body)
1|    resp.Body.Close()
    if err != nil {
        return nil, err
    }
    return body, nil
}

// GetUUID returns the UUID of the named player.
func (mc *Minecraft) GetUUID(username string) (string, error) {
    body, err := mc.apiRequest(fmt.Sprintf(uuidURL, username))
    if err != nil {
        return "", fmt.Errorf("unable to get UUID of %s: %w", username, err)
    }
    var profile struct {
        ID   string `json:"id"`
        Name string `json:"name"`
    }
    if err := json.Unmarshal(body, &profile); err != nil {
        return "", fmt.Errorf("unable to decode UUID of %s: %w", username, err)
    }
    return profile.ID, nil
}
''')
cases_of(case, GH + 'minotar/minecraft/pull/11', 'minecraft.go',
         G('minecraft', ['encoding/json', 'errors', 'fmt', 'io/ioutil', 'net/http', 'time'])(MINOTAR), [
             (1, 'go-00-minotar-error-status-keeps-body-open',
              'an edit closes the API response body only after a 200 read, so every error status keeps its socket',
              'edit'),
             (2, 'go-00-minotar-client-built-without-timeout',
              'an edit builds the Mojang API client without its timeout, so a stalled API holds every render', 'edit'),
             (0, 'go-ok-00-minotar-body-deferred-client-bounded',
              'clean: the body closed by defer after the error check, the client built with its timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-02: NGINX Plus API client
NGINX = template('nginx', r'''
// NginxClient lets you access NGINX Plus API.
type NginxClient struct {
    apiEndpoint string
    httpClient  *http.Client
    version     int
}

func (client *NginxClient) get(ctx context.Context, path string, data interface{}) error {
    url := fmt.Sprintf("%v/%v/%v", client.apiEndpoint, client.version, path)

01|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
2|    req, err := http.NewRequest(http.MethodGet, url, nil) //@TMO-02
    if err != nil {
        return fmt.Errorf("failed to create a get request: %w", err)
    }
    resp, err := client.httpClient.Do(req) //@{1}RES-02
    if err != nil {
02|        return fmt.Errorf("failed to get %v: %w", path, err)
1|        return fmt.Errorf("failed to get %v from the API: %w", path, err)
    }
02|    defer resp.Body.Close()

    if resp.StatusCode != http.StatusOK {
        return createResponseMismatchError(resp.Body).Wrap(fmt.Sprintf(
            "expected %v response, got %v",
            http.StatusOK, resp.StatusCode))
    }

    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return fmt.Errorf("failed to read the response body: %w", err)
    }

    err = json.Unmarshal(body, data)
    if err != nil {
        return fmt.Errorf("error unmarshaling response %q: %w", string(body), err)
    }
    return nil
}

func (client *NginxClient) delete(ctx context.Context, path string, expectedStatusCode int) error {
    path = fmt.Sprintf("%v/%v/%v/", client.apiEndpoint, client.version, path)

    req, err := http.NewRequestWithContext(ctx, http.MethodDelete, path, nil)
    if err != nil {
        return fmt.Errorf("failed to create a delete request: %w", err)
    }

    resp, err := client.httpClient.Do(req)
    if err != nil {
        return fmt.Errorf("failed to create delete request: %w", err)
    }
    defer resp.Body.Close()

    if resp.StatusCode != expectedStatusCode {
        return createResponseMismatchError(resp.Body).Wrap(fmt.Sprintf(
            "failed to complete delete request: expected %v response, got %v",
            expectedStatusCode, resp.StatusCode))
    }
    return nil
}
''')
cases_of(case, GH + 'nginx/nginx-plus-go-client/pull/75', 'client/nginx.go',
         G('client', ['context', 'encoding/json', 'fmt', 'io', 'net/http'])(NGINX), [
             (1, 'go-00-nginx-plus-get-response-never-closed',
              'an edit drops the deferred close of every GET response of the API client', 'edit'),
             (2, 'go-00-nginx-plus-get-request-without-caller-context',
              'an edit builds the GET request without the caller\'s context, so a cancelled caller still waits on NGINX',
              'edit'),
             (0, 'go-ok-00-nginx-plus-get-closed-with-context',
              'clean: the GET built with the caller\'s context, its response closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: SSH certificate store (sharkey)
SHARKEY = template('sharkey', r'''
// SqliteStorage keeps issued host certificates and known hosts in a SQLite database.
type SqliteStorage struct {
    db *sql.DB
}

// RecordIssuance stores a newly signed certificate and bumps the host's serial in one transaction.
func (s *SqliteStorage) RecordIssuance(certType uint32, principal string, pubkey ssh.PublicKey) (uint64, error) {
    pkdata := ssh.MarshalAuthorizedKey(pubkey)

    tx, err := s.db.Begin() //@{1}TX-01
    if err != nil {
02|        return 0, fmt.Errorf("begin issuance: %w", err)
1|        return 0, fmt.Errorf("begin issuance of %s: %w", principal, err)
    }
02|    defer tx.Rollback()

    res, err := tx.Exec("INSERT INTO hostkeys (hostname, pubkey) VALUES (?, ?)", principal, pkdata)
    if err != nil {
        return 0, fmt.Errorf("insert host key of %s: %w", principal, err)
    }
    id, err := res.LastInsertId()
    if err != nil {
        return 0, fmt.Errorf("read serial of %s: %w", principal, err)
    }
    if _, err := tx.Exec("UPDATE hosts SET last_serial = ?, cert_type = ? WHERE hostname = ?", id, certType, principal); err != nil {
        return 0, fmt.Errorf("update host %s: %w", principal, err)
    }
    if err := tx.Commit(); err != nil {
        return 0, fmt.Errorf("commit issuance of %s: %w", principal, err)
    }
    return uint64(id), nil
}

// QueryHostkeys returns the known_hosts lines of every host.
func (s *SqliteStorage) QueryHostkeys() (ResultIterator, error) {
    rows, err := s.db.Query("SELECT hostname, pubkey FROM hostkeys") //@{2}RES-01
    if err != nil {
01|        return nil, fmt.Errorf("query host keys: %w", err)
2|        return nil, fmt.Errorf("query host keys of every host: %w", err)
    }
01|    defer rows.Close()

    var lines []string
    for rows.Next() {
        var hostname, pubkey string
        if err := rows.Scan(&hostname, &pubkey); err != nil {
            return nil, fmt.Errorf("scan host key: %w", err)
        }
        lines = append(lines, fmt.Sprintf("%s %s", hostname, strings.TrimSpace(pubkey)))
    }
    if err := rows.Err(); err != nil {
        return nil, fmt.Errorf("iterate host keys: %w", err)
    }
    return &sliceIterator{lines: lines}, nil
}
''')
cases_of(case, GH + 'square/sharkey/pull/38', 'server/storage/sqlite.go',
         G('storage', ['database/sql', 'fmt', 'strings', '', 'golang.org/x/crypto/ssh'])(SHARKEY), [
             (1, 'go-00-sharkey-issuance-transaction-left-open-on-error',
              'an edit drops the deferred rollback, so a failed insert leaves the issuance transaction and its lock open',
              'edit'),
             (2, 'go-00-sharkey-host-key-rows-never-closed',
              'an edit no longer closes the host key rows, so a scan error keeps the SQLite read lock', 'edit'),
             (0, 'go-ok-00-sharkey-rollback-deferred-rows-closed',
              'clean: the issuance transaction rolled back by defer, the host key rows closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / ERR-01: gist server migrations (opengist)
OPENGIST = template('opengist', r'''
type migration struct {
    Version int
    Func    func(tx *gorm.DB) error
}

var migrations = []migration{
    {1, v1_modifyConstraintToSSHKeys},
    {2, v2_lowercaseEmails},
    {3, v3_addGistTopics},
}

// applyMigrations runs, each in its own transaction, every migration newer than the recorded version.
func applyMigrations(db *gorm.DB) error {
    var current MigrationVersion
    if err := db.FirstOrCreate(&current).Error; err != nil {
        return fmt.Errorf("read migration version: %w", err)
    }

    for _, m := range migrations {
        if m.Version <= current.Version {
            continue
        }
        tx := db.Begin()
        if err := tx.Error; err != nil {
            return fmt.Errorf("begin migration v%d: %w", m.Version, err)
        }

        if err := m.Func(tx); err != nil {
            tx.Rollback()
01|            return fmt.Errorf("migration v%d failed: %w", m.Version, err)
2|            log.Error().Err(err).Msgf("Migration v%d failed, continuing", m.Version) //@ERR-01
2|            continue
        }

        current.Version = m.Version
        if err := tx.Save(&current).Error; err != nil {
            tx.Rollback()
            return fmt.Errorf("record migration v%d: %w", m.Version, err)
        }
02|        if err := tx.Commit().Error; err != nil {
02|            return fmt.Errorf("commit migration v%d: %w", m.Version, err)
02|        }
1|        tx.Commit() //@TX-02
        log.Info().Msgf("Migration v%d applied", m.Version)
    }
    return nil
}

func v3_addGistTopics(tx *gorm.DB) error {
    if err := tx.Exec(`CREATE TABLE IF NOT EXISTS gist_topics (gist_id INTEGER NOT NULL, topic TEXT NOT NULL,
        PRIMARY KEY (gist_id, topic))`).Error; err != nil {
        return err
    }
    return tx.Exec(`CREATE INDEX IF NOT EXISTS gist_topics_topic ON gist_topics (topic)`).Error
}
''')
cases_of(case, GH + 'thomiceli/opengist/issues/816', 'internal/db/migration.go',
         G('db', ['fmt', '', 'github.com/rs/zerolog/log', 'gorm.io/gorm'])(OPENGIST), [
             (1, 'go-00-opengist-migration-commit-error-unchecked',
              'an edit commits each migration without checking the commit, so a failed commit is recorded as applied',
              'edit'),
             (2, 'go-00-opengist-failed-migration-logged-and-skipped',
              'an edit logs a failed migration and carries on with the next one, starting on a half-migrated schema',
              'edit'),
             (0, 'go-ok-00-opengist-commit-checked-failure-returned',
              'clean: each commit checked, a failed migration returned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: cloud metadata (mackerel-agent)
MACKEREL = template('mackerel', r'''
// CloudMetaGenerator reads the instance metadata of the cloud the agent runs on.
type CloudMetaGenerator struct {
    baseURL *url.URL
02|    client  *http.Client
}

0|var metadataClient = &http.Client{Timeout: 100 * time.Millisecond}
2|var metadataClient = &http.Client{} //@TMO-01

// NewCloudMetaGenerator returns a generator for the EC2 metadata service.
func NewCloudMetaGenerator() *CloudMetaGenerator {
    u, _ := url.Parse("http://169.254.169.254/latest/meta-data")
0|    return &CloudMetaGenerator{baseURL: u, client: metadataClient}
1|    return &CloudMetaGenerator{baseURL: u}
2|    return &CloudMetaGenerator{baseURL: u, client: metadataClient}
}

// Generate collects the metadata keys the host spec reports.
func (g *CloudMetaGenerator) Generate() (interface{}, error) {
    metadata := make(map[string]string)
    for _, key := range []string{"instance-id", "instance-type", "placement/availability-zone", "local-ipv4"} {
        value, err := g.fetch(key)
        if err != nil {
            cloudLogger.Debugf("cannot read %s: %s", key, err)
            continue
        }
        metadata[key] = value
    }
    return &mackerel.Cloud{Provider: "ec2", MetaData: metadata}, nil
}

func (g *CloudMetaGenerator) fetch(key string) (string, error) {
    u := g.baseURL.JoinPath(key)
0|    resp, err := g.client.Get(u.String())
1|    client := &http.Client{Timeout: 100 * time.Millisecond} //@RES-04
1|    resp, err := client.Get(u.String())
2|    resp, err := g.client.Get(u.String())
    if err != nil {
        return "", err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("status %d", resp.StatusCode)
    }
    body, err := io.ReadAll(io.LimitReader(resp.Body, 4096))
    if err != nil {
        return "", err
    }
    return strings.TrimSpace(string(body)), nil
}
''')


cases_of(case, GH + 'mackerelio/mackerel-agent/pull/740', 'spec/cloud/ec2.go',
         G('cloud', ['fmt', 'io', 'net/http', 'net/url', 'strings', 'time', '',
                     'github.com/mackerelio/mackerel-client-go'])(MACKEREL), [
             (1, 'go-00-mackerel-moved-ec2-metadata-client-per-key',
              'a PR moves the EC2 metadata reader into its own package and builds a new HTTP client for every key',
              'rename'),
             (2, 'go-00-mackerel-moved-ec2-metadata-client-without-timeout',
              'a PR moves the EC2 metadata reader and drops the timeout of its client, so an agent off EC2 hangs',
              'rename'),
             (0, 'go-ok-00-mackerel-moved-ec2-metadata-shared-bounded-client',
              'clean: the move alone; one shared metadata client with a short timeout', 'rename'),
         ], rename_from='spec/cloud_ec2.go', rename_old=lambda t: t.replace('package cloud', 'package spec'))


# ---------------------------------------------------------------- ERR-01 / RES-01: code generator output (ygot)
YGOT = template('ygot', r'''
// writeFiles writes the generated code to outputFile, or to one file per section in outputDir.
func writeFiles(genCode *gogen.GeneratedCode, outputFile, outputDir string) error {
    if outputDir != "" {
        return writeGoCodeMultipleFiles(outputDir, genCode)
    }

    var outfh *os.File
    switch outputFile {
    case "":
        outfh = os.Stdout
    default:
        var err error
        outfh, err = os.Create(outputFile) //@{2}RES-01
        if err != nil {
01|            return fmt.Errorf("could not open file %s: %w", outputFile, err)
2|            return fmt.Errorf("could not create output file %s: %w", outputFile, err)
        }
01|        defer func() {
01|            if err := outfh.Close(); err != nil {
01|                log.Errorf("could not close file %s: %v", outputFile, err)
01|            }
01|        }()
    }

02|    if err := writeGoCodeSingleFile(outfh, genCode); err != nil {
02|        return fmt.Errorf("could not write generated code to %s: %w", outputFile, err)
02|    }
1|    writeGoCodeSingleFile(outfh, genCode) //@ERR-01
    return nil
}

// writeGoCodeSingleFile writes the header, the structs and the enum map of genCode to w.
func writeGoCodeSingleFile(w io.Writer, goCode *gogen.GeneratedCode) error {
    if _, err := fmt.Fprint(w, goCode.CommonHeader); err != nil {
        return err
    }
    if _, err := fmt.Fprint(w, goCode.OneOffHeader); err != nil {
        return err
    }
    for _, s := range goCode.Structs {
        if _, err := fmt.Fprint(w, s.String()); err != nil {
            return err
        }
    }
    for _, e := range goCode.Enums {
        if _, err := fmt.Fprint(w, e); err != nil {
            return err
        }
    }
    if goCode.EnumMap != "" {
        if _, err := fmt.Fprint(w, goCode.EnumMap); err != nil {
            return err
        }
    }
    return nil
}
''')
cases_of(case, GH + 'openconfig/ygot/pull/839', 'generator/generator.go',
         GV('main', {0: ['fmt', 'io', 'os', '', 'github.com/openconfig/ygot/gogen', 'log github.com/golang/glog'],
                     1: ['fmt', 'io', 'os', '', 'github.com/openconfig/ygot/gogen', 'log github.com/golang/glog'],
                     2: ['fmt', 'io', 'os', '', 'github.com/openconfig/ygot/gogen']})(YGOT), [
             (1, 'go-00-ygot-generated-code-write-error-ignored',
              'an edit drops the error of writing the generated code, so a full disk leaves a truncated file and exit 0',
              'edit'),
             (2, 'go-00-ygot-output-file-never-closed',
              'an edit no longer closes the output file it creates, losing buffered bytes and the close error', 'edit'),
             (0, 'go-ok-00-ygot-write-error-returned-file-closed',
              'clean: the write error returned, the output file closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / TMO-03: Kafka consumer (felice)
FELICE = template('felice', r'''
// Consumer consumes the partitions of the topics its handlers are registered for.
type Consumer struct {
    RetryInterval  time.Duration
    HandlerTimeout time.Duration
    Logger         *log.Logger

    consumer cluster.Consumer
    quit     chan struct{}
    wg       sync.WaitGroup
}

// Serve runs a goroutine per partition until Stop is called.
func (c *Consumer) Serve(handlers *HandlerCollection) error {
    for {
        select {
        case part, ok := <-c.consumer.Partitions():
            if !ok {
                return nil
            }
            c.wg.Add(1)
            go func(pc cluster.PartitionConsumer) { //@{1}CONC-01
                defer c.wg.Done()
02|                defer func() {
02|                    if r := recover(); r != nil {
02|                        c.Logger.Printf("partition %s/%d: handler panicked: %v", pc.Topic(), pc.Partition(), r)
02|                    }
02|                }()
                c.handlePartition(pc, handlers)
            }(part)
        case <-c.quit:
            return nil
        }
    }
}

func (c *Consumer) handlePartition(pc cluster.PartitionConsumer, handlers *HandlerCollection) {
    h, ok := handlers.Get(pc.Topic())
    if !ok {
        c.Logger.Printf("no handler for topic %s", pc.Topic())
        return
    }
    for msg := range pc.Messages() {
        for {
            ctx, cancel := context.WithTimeout(context.Background(), c.HandlerTimeout) //@{2}TMO-03
            err := h.HandleMessage(ctx, newMessage(msg))
01|            cancel()
            if err == nil {
                break
            }
2|            if errors.Is(err, context.DeadlineExceeded) {
2|                cancel()
2|            }
            c.Logger.Printf("topic %s, offset %d: %v, retrying in %s", msg.Topic, msg.Offset, err, c.RetryInterval)
            select {
            case <-time.After(c.RetryInterval):
            case <-c.quit:
                return
            }
        }
        c.consumer.MarkOffset(msg, "")
    }
}
''')
cases_of(case, GH + 'heetch/felice/issues/34', 'consumer/consumer.go',
         GV('consumer', {v: ['context'] + (['errors'] if v == 2 else []) + ['log', 'sync', 'time', '',
                                                                         'github.com/bsm/sarama-cluster']
                         for v in (0, 1, 2)})(FELICE), [
             (1, 'go-00-felice-partition-goroutine-without-recover',
              'an edit drops the deferred recover of each partition goroutine, so one panicking handler stops the service',
              'edit'),
             (2, 'go-00-felice-handler-timeout-cancelled-on-deadline-only',
              'an edit cancels the handler timeout only when the handler hit its deadline, leaking it on every success',
              'edit'),
             (0, 'go-ok-00-felice-partitions-recovered-timeout-cancelled',
              'clean: each partition goroutine recovers, the handler timeout cancelled after every call', 'fix'),
         ])
