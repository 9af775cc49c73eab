"""Round-48 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-02 / ERR-01: cached book listing of a Gin REST API (golang-rest-api-template)
BOOKS = template('books-api-cached-listing', r'''
const listCacheTTL = time.Minute

// bookRepository serves the book endpoints from the database, with list pages cached in Redis.
type bookRepository struct {
    DB          *gorm.DB
    RedisClient *redis.Client
}

// NewBookRepository wires the book endpoints to their stores.
func NewBookRepository(db *gorm.DB, rdb *redis.Client) *bookRepository {
    return &bookRepository{DB: db, RedisClient: rdb}
}

// FindBooks godoc
// @Summary  List books, one page at a time
// @Param    offset query int false "first book"
// @Param    limit  query int false "page size (1-100)"
// @Router   /books [get]
func (r *bookRepository) FindBooks(c *gin.Context) {
    offset, err := strconv.Atoi(c.DefaultQuery("offset", "0"))
    if err != nil || offset < 0 {
        c.JSON(http.StatusBadRequest, gin.H{"error": "invalid offset"})
        return
    }
    limit, err := strconv.Atoi(c.DefaultQuery("limit", "10"))
    if err != nil || limit <= 0 || limit > 100 {
        c.JSON(http.StatusBadRequest, gin.H{"error": "invalid limit"})
        return
    }

    ctx := c.Request.Context()
    cacheKey := fmt.Sprintf("books:offset=%d:limit=%d", offset, limit)
02|    cached, err := r.RedisClient.Get(ctx, cacheKey).Result()
1|    cached, err := r.RedisClient.Get(context.Background(), cacheKey).Result() //@TMO-02
    if err == nil {
        var books []models.Book
        if jsonErr := json.Unmarshal([]byte(cached), &books); jsonErr != nil {
            log.Printf("books cache entry %s unreadable: %v", cacheKey, jsonErr)
        } else {
            c.JSON(http.StatusOK, gin.H{"data": books, "cached": true})
            return
        }
    } else if !errors.Is(err, redis.Nil) {
        log.Printf("books cache read %s: %v", cacheKey, err)
    }

    var books []models.Book
    if err := r.DB.WithContext(ctx).Order("id").Offset(offset).Limit(limit).Find(&books).Error; err != nil {
        c.JSON(http.StatusInternalServerError, gin.H{"error": "could not list books"})
        return
    }
    payload, err := json.Marshal(books)
    if err != nil {
        c.JSON(http.StatusInternalServerError, gin.H{"error": "could not encode books"})
        return
    }
01|    if err := r.RedisClient.Set(ctx, cacheKey, payload, listCacheTTL).Err(); err != nil {
01|        log.Printf("books cache write %s: %v", cacheKey, err)
01|    }
2|    r.RedisClient.Set(ctx, cacheKey, payload, listCacheTTL) //@ERR-01
    c.JSON(http.StatusOK, gin.H{"data": books, "cached": false})
}
''')
BOOKS_IMPORTS = {v: (['context'] if v == 1 else []) + [
    'encoding/json', 'errors', 'fmt', 'log', 'net/http', 'strconv', 'time', '',
    'github.com/gin-gonic/gin', 'github.com/redis/go-redis/v9', 'gorm.io/gorm', '',
    'golang-rest-api-template/pkg/models'] for v in (0, 1, 2)}
cases_of(case, GH + 'LAA-Software-Engineering/golang-rest-api-template/issues/108', 'pkg/api/books.go',
         GV('api', BOOKS_IMPORTS)(BOOKS), [
             (1, 'go-00-books-api-cache-read-on-background-context',
              'an edit reads the list page from Redis on a background context, so a client that gave up still '
              'waits on a slow cache and the request deadline never reaches it', 'edit'),
             (2, 'go-00-books-api-cache-write-error-dropped',
              'an edit writes the list page to Redis without looking at the result, so a full or read-only cache '
              'fails every write without a trace', 'edit'),
             (0, 'go-ok-00-books-api-request-context-write-checked',
              'clean: the fix reads the cache on the request\'s context; a failed cache write is logged', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-01: merchant webhook sender of a payment gateway (dv-merchant)
MERCHANT = template('merchant-webhook-sender', r'''
// Delivery is one webhook owed to a store: a payment or withdrawal event, signed with the store's secret.
type Delivery struct {
    ID      uuid.UUID
    StoreID uuid.UUID
    URL     string
    Secret  string
    Payload any
}

// Sender posts queued webhooks to the stores' endpoints and records every attempt.
type Sender struct {
    client *http.Client
    repo   AttemptRepository
    log    logger.Logger
    queue  chan Delivery
}

// Run starts the delivery workers; they stop when ctx ends.
func (s *Sender) Run(ctx context.Context, workers int) {
    for i := 0; i < workers; i++ {
01|        go func(id int) {
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    s.log.Errorw("webhook worker stopped by a panic", "worker", id, "panic", r, "stack", string(debug.Stack()))
01|                }
01|            }()
01|            s.work(ctx, id)
01|        }(i)
2|        go s.work(ctx, i) //@CONC-01
    }
}

func (s *Sender) work(ctx context.Context, id int) {
    for {
        select {
        case <-ctx.Done():
            return
        case d := <-s.queue:
            err := s.send(ctx, d)
            if recErr := s.repo.RecordAttempt(ctx, d.ID, err); recErr != nil {
                s.log.Errorw("record webhook attempt", "delivery", d.ID, "worker", id, "error", recErr)
            }
        }
    }
}

// send posts one webhook and treats any answer outside 2xx as a failed attempt.
func (s *Sender) send(ctx context.Context, d Delivery) error {
    body, err := json.Marshal(d.Payload)
    if err != nil {
        return fmt.Errorf("encode webhook %s: %w", d.ID, err)
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader(body))
    if err != nil {
        return fmt.Errorf("build webhook %s: %w", d.ID, err)
    }
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("X-Sign", sign(d.Secret, body))
    resp, err := s.client.Do(req)
    if err != nil { //@{1}RES-02
        return fmt.Errorf("deliver webhook %s: %w", d.ID, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode < 200 || resp.StatusCode >= 300 {
        return fmt.Errorf("store %s answered %d to webhook %s", d.StoreID, resp.StatusCode, d.ID)
    }
    return nil
}

func sign(secret string, body []byte) string {
    mac := hmac.New(sha256.New, []byte(secret))
    mac.Write(body)
    return hex.EncodeToString(mac.Sum(nil))
}
''')
MERCHANT_IMPORTS = {v: ['bytes', 'context', 'crypto/hmac', 'crypto/sha256', 'encoding/hex', 'encoding/json', 'fmt',
                        'net/http'] + (['runtime/debug'] if v != 2 else []) + [
    '', 'github.com/dv-net/dv-merchant/pkg/logger', 'github.com/google/uuid'] for v in (0, 1, 2)}
cases_of(case, GH + 'dv-net/dv-merchant/issues/136', 'internal/service/webhook/sender.go',
         GV('webhook', MERCHANT_IMPORTS)(MERCHANT), [
             (1, 'go-00-merchant-webhook-answer-never-closed',
              'an edit drops the deferred close of the store\'s answer, so every delivered webhook keeps its '
              'connection and the sender runs out of sockets', 'edit'),
             (2, 'go-00-merchant-webhook-worker-without-recover',
              'an edit starts the delivery workers as bare goroutines, so one panicking payload takes the whole '
              'payment service down', 'edit'),
             (0, 'go-ok-00-merchant-webhook-answer-closed-workers-recovered',
              'clean: the fix closes every answer by defer; each worker recovers and logs a panic', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: post creation with tags on GORM (gomidway)
POSTS = template('gomidway-post-create', r'''
// Post is a blog post with its author and tags.
type Post struct {
    ID          uint
    Title       string
    Body        string
    AuthorID    uint
    Tags        []tag.Tag `gorm:"many2many:post_tags"`
    PublishedAt time.Time
}

// ErrTitleTaken is returned when the author already has a post of that title.
var ErrTitleTaken = errors.New("post: title already used by this author")

// Create stores a post and links it to its tags, creating the tags it does not find; all or nothing.
func Create(db *gorm.DB, post *Post, tagNames []string) (uint, error) {
    tx := db.Begin()
    if tx.Error != nil { //@{1}TX-01
        return 0, tx.Error
    }
02|    defer tx.Rollback()

    var existing int64
    if err := tx.Model(&Post{}).Where("author_id = ? AND title = ?", post.AuthorID, post.Title).Count(&existing).Error; err != nil {
        return 0, err
    }
    if existing > 0 {
        return 0, ErrTitleTaken
    }
    if err := tx.Create(post).Error; err != nil {
        return 0, fmt.Errorf("create post: %w", err)
    }
    for _, name := range tagNames {
        t := tag.Tag{Name: strings.ToLower(strings.TrimSpace(name))}
        if err := tx.Where(tag.Tag{Name: t.Name}).FirstOrCreate(&t).Error; err != nil {
            return 0, fmt.Errorf("tag %q: %w", name, err)
        }
        if err := tx.Model(post).Association("Tags").Append(&t); err != nil {
            return 0, fmt.Errorf("link tag %q: %w", name, err)
        }
    }
01|    if err := tx.Commit().Error; err != nil {
01|        return 0, fmt.Errorf("commit post: %w", err)
01|    }
2|    tx.Commit() //@TX-02
    return post.ID, nil
}
''')
cases_of(case, GH + 'tamizhvendan/gomidway/pull/1', 'post/create.go',
         G('post', ['errors', 'fmt', 'strings', 'time', '', 'github.com/tamizhvendan/gomidway/tag', 'gorm.io/gorm'])(POSTS), [
             (1, 'go-00-gomidway-post-create-rollback-dropped',
              'an edit drops the deferred rollback, so a duplicate title or a failed tag returns with the '
              'transaction open and its connection held', 'edit'),
             (2, 'go-00-gomidway-post-create-commit-error-ignored',
              'an edit commits the post without looking at the commit\'s error, so a refused commit reports a '
              'post that was never stored', 'edit'),
             (0, 'go-ok-00-gomidway-post-create-rolled-back-commit-checked',
              'clean: the fix rolls back by defer on every failure; the commit\'s error is returned', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / TMO-03: melt quotes of a Cashu mint on pgx (nutmix)
NUTMIX = template('nutmix-melt-quote-store', r'''
const statementTimeout = 5 * time.Second

// SaveMeltQuoteWithProofs stores a melt quote and marks its proofs pending, in one transaction.
func (pql Postgresql) SaveMeltQuoteWithProofs(ctx context.Context, quote cashu.MeltRequestDB, proofs cashu.Proofs) error {
01|    timeoutCtx, cancel := context.WithTimeout(ctx, statementTimeout)
01|    defer cancel()
2|    timeoutCtx, _ := context.WithTimeout(ctx, statementTimeout) //@TMO-03
02|    tx, err := pql.pool.Begin(timeoutCtx)
02|    if err != nil {
02|        return databaseError(fmt.Errorf("begin melt quote %s: %w", quote.Quote, err))
02|    }
1|    tx, _ := pql.pool.Begin(timeoutCtx) //@TX-02
    defer func() {
        if err := tx.Rollback(ctx); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
            slog.Warn("rollback melt quote", slog.String("quote", quote.Quote), slog.Any("error", err))
        }
    }()

    if _, err := tx.Exec(timeoutCtx,
        `INSERT INTO melt_request (quote, request, fee_reserve, expiry, unit, amount, state, seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        quote.Quote, quote.Request, quote.FeeReserve, quote.Expiry, quote.Unit, quote.Amount, quote.State, quote.SeenAt); err != nil {
        return databaseError(fmt.Errorf("insert melt quote %s: %w", quote.Quote, err))
    }
    batch := &pgx.Batch{}
    for _, p := range proofs {
        batch.Queue(`INSERT INTO proofs (c, secret, amount, id, y, state, quote) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            p.C, p.Secret, p.Amount, p.Id, p.Y, cashu.PROOF_PENDING, quote.Quote)
    }
    if err := tx.SendBatch(timeoutCtx, batch).Close(); err != nil {
        return databaseError(fmt.Errorf("mark proofs of melt quote %s pending: %w", quote.Quote, err))
    }
    if err := tx.Commit(timeoutCtx); err != nil {
        return databaseError(fmt.Errorf("commit melt quote %s: %w", quote.Quote, err))
    }
    return nil
}

// GetMeltQuote reads one melt quote by its id.
func (pql Postgresql) GetMeltQuote(ctx context.Context, quoteID string) (cashu.MeltRequestDB, error) {
    var quote cashu.MeltRequestDB
    err := pql.pool.QueryRow(ctx,
        `SELECT quote, request, fee_reserve, expiry, unit, amount, state, seen_at FROM melt_request WHERE quote = $1`,
        quoteID).Scan(&quote.Quote, &quote.Request, &quote.FeeReserve, &quote.Expiry, &quote.Unit, &quote.Amount,
        &quote.State, &quote.SeenAt)
    if errors.Is(err, pgx.ErrNoRows) {
        return quote, ErrQuoteNotFound
    }
    if err != nil {
        return quote, databaseError(fmt.Errorf("get melt quote %s: %w", quoteID, err))
    }
    return quote, nil
}
''')
cases_of(case, GH + 'lescuer97/nutmix/pull/206', 'internal/database/postgresql/melt_quotes.go',
         G('postgresql', ['context', 'errors', 'fmt', 'log/slog', 'time', '', 'github.com/jackc/pgx/v5',
                          'github.com/lescuer97/nutmix/api/cashu'])(NUTMIX), [
             (1, 'go-00-nutmix-new-melt-store-begin-error-ignored',
              'a new melt-quote store begins its transaction without looking at the error, so a full pool or a '
              'dead database ends in a nil transaction panic', 'new'),
             (2, 'go-00-nutmix-new-melt-store-timeout-never-cancelled',
              'a new melt-quote store discards the cancel of its statement timeout, so every saved quote leaves a '
              'timer and a context behind until the deadline', 'new'),
             (0, 'go-ok-00-nutmix-new-melt-store-begin-checked-cancelled',
              'clean: a new melt-quote store that checks the begin and cancels its timeout by defer', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: custom webhook provider of a notifier (notify)
NOTIFY = template('notify-custom-webhook', r'''
const webhookTimeout = 10 * time.Second

02|var httpClient = &http.Client{Timeout: webhookTimeout}
1|var httpClient = &http.Client{} //@TMO-01

// Options is one configured custom webhook.
type Options struct {
    ID               string            `yaml:"id,omitempty"`
    CustomWebhookURL string            `yaml:"custom_webhook_url,omitempty"`
    CustomMethod     string            `yaml:"custom_method,omitempty"`
    CustomHeaders    map[string]string `yaml:"custom_headers,omitempty"`
    CustomFormat     string            `yaml:"custom_format,omitempty"`
}

// Send posts one message to every configured custom webhook and reports the failures together.
func (p *Provider) Send(message, cliFormat string) error {
    var errs []error
    for _, pr := range p.Custom {
        body := utils.FormatMessage(message, utils.SelectFormat(cliFormat, pr.CustomFormat), p.counter)
        if err := p.post(pr, body); err != nil {
            errs = append(errs, errors.Wrapf(err, "custom webhook %s", pr.ID))
        }
    }
    return multierr.Combine(errs...)
}

func (p *Provider) post(pr *Options, body string) error {
    method := pr.CustomMethod
    if method == "" {
        method = http.MethodPost
    }
    req, err := http.NewRequest(method, pr.CustomWebhookURL, strings.NewReader(body))
    if err != nil {
        return errors.Wrap(err, "build request")
    }
    for k, v := range pr.CustomHeaders {
        req.Header.Set(k, v)
    }
    resp, err := httpClient.Do(req)
    if err != nil { //@{2}RES-02
        return errors.Wrap(err, "send request")
    }
01|    defer resp.Body.Close()
    if resp.StatusCode < 200 || resp.StatusCode >= 300 {
        msg, readErr := io.ReadAll(io.LimitReader(resp.Body, 512))
        if readErr != nil {
            return fmt.Errorf("webhook answered %s", resp.Status)
        }
        return fmt.Errorf("webhook answered %s: %s", resp.Status, bytes.TrimSpace(msg))
    }
    return nil
}
''')
cases_of(case, GH + 'projectdiscovery/notify/issues/533', 'pkg/providers/custom/custom.go',
         G('custom', ['bytes', 'fmt', 'io', 'net/http', 'strings', 'time', '', 'github.com/pkg/errors',
                      'github.com/projectdiscovery/notify/pkg/utils', 'go.uber.org/multierr'])(NOTIFY), [
             (1, 'go-00-notify-custom-webhook-client-without-timeout',
              'an edit builds the webhook client without a timeout, so an endpoint that accepts the connection and '
              'never answers blocks every later notification', 'edit'),
             (2, 'go-00-notify-custom-webhook-answer-never-closed',
              'an edit drops the deferred close of the webhook\'s answer, so every notification keeps its '
              'connection open', 'edit'),
             (0, 'go-ok-00-notify-custom-webhook-timeout-answer-closed',
              'clean: the fix gives the shared client a ten-second timeout; every answer is closed by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: retry loop of a ledger SDK (hiero-sdk-go)
HIERO = template('hiero-executable-retry', r'''
// executable is what every transaction and query shares: which method to call and how to read its answer.
type executable struct {
    grpcDeadline time.Duration
    method       func(*_Channel) _Method
    status       func(interface{}) Status
    mapResponse  func(interface{}, AccountID) (interface{}, error)
    nodes        []*_Node
}

// execute tries the nodes in turn until one answers with a final status or the attempts run out.
func (e *executable) execute(ctx context.Context, client *Client, request interface{}) (interface{}, error) {
    maxAttempts := client.getMaxAttempts()
    var lastErr error
    for attempt := 0; attempt < maxAttempts; attempt++ {
        node, err := e.nextNode(attempt)
        if err != nil {
            return nil, err
        }
        if !node.isHealthy() {
            node.waitBackoff(ctx)
        }
02|        resp, err := e.callOnce(ctx, node, request)
1|        callCtx, cancel := context.WithTimeout(ctx, e.grpcDeadline)
1|        defer cancel() //@RES-03
1|        resp, err := e.method(node.channel)(callCtx, request)
        if err != nil {
            node.increaseBackoff()
            lastErr = fmt.Errorf("node %s: %w", node.accountID, err)
            continue
        }
        switch st := e.status(resp); st {
        case StatusBusy, StatusPlatformNotActive:
            node.increaseBackoff()
            lastErr = fmt.Errorf("node %s answered %s", node.accountID, st)
            continue
        }
        node.decreaseBackoff()
01|        result, mapErr := e.mapResponse(resp, node.accountID)
01|        if mapErr != nil {
01|            return nil, fmt.Errorf("read answer of node %s: %w", node.accountID, mapErr)
01|        }
2|        result, _ := e.mapResponse(resp, node.accountID) //@ERR-01
        return result, nil
    }
    return nil, fmt.Errorf("%d attempts failed: %w", maxAttempts, lastErr)
}

02|// callOnce sends one attempt within the gRPC deadline and releases its context as soon as the call returns.
02|func (e *executable) callOnce(ctx context.Context, node *_Node, request interface{}) (interface{}, error) {
02|    callCtx, cancel := context.WithTimeout(ctx, e.grpcDeadline)
02|    defer cancel()
02|    return e.method(node.channel)(callCtx, request)
02|}
02|
func (e *executable) nextNode(attempt int) (*_Node, error) {
    if len(e.nodes) == 0 {
        return nil, errors.New("no node to send to")
    }
    return e.nodes[attempt%len(e.nodes)], nil
}
''')
cases_of(case, GH + 'hiero-ledger/hiero-sdk-go/issues/1797', 'sdk/executable.go',
         G('hiero', ['context', 'errors', 'fmt', 'time'])(HIERO), [
             (1, 'go-00-hiero-attempt-context-cancel-deferred-in-loop',
              'an edit inlines each attempt into the retry loop and defers the cancel of its deadline context, so '
              'every finished attempt keeps its timer until the whole execution returns', 'edit'),
             (2, 'go-00-hiero-answer-mapping-error-dropped',
              'an edit reads the node\'s answer without looking at the mapping error, so a malformed receipt comes '
              'back as a nil result and no error', 'edit'),
             (0, 'go-ok-00-hiero-attempt-cancelled-per-call-mapping-checked',
              'clean: the fix sends each attempt through its own function that cancels on return; a mapping error '
              'is returned', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TMO-02: attempt store of a webhook gateway, moved (webhookx)
WEBHOOKX = template('webhookx-attempt-dao', r'''
// AttemptDAO stores the delivery attempts of one workspace.
type AttemptDAO struct {
    db        *sqlx.DB
    workspace string
}

// NewAttemptDAO returns the attempt store of a workspace.
func NewAttemptDAO(db *sqlx.DB, workspace string) *AttemptDAO {
    return &AttemptDAO{db: db, workspace: workspace}
}

// UpdateDelivery records the outcome of one attempt and when it finished.
func (dao *AttemptDAO) UpdateDelivery(ctx context.Context, id string, result *entities.AttemptResult) error {
02|    now := time.Now().UTC()
1|    now := time.Now() //@TIME-01
    res, err := dao.db.ExecContext(ctx, `
        UPDATE attempts
           SET request = $1, response = $2, error_code = $3, status = $4, exhausted = $5, updated_at = $6
         WHERE id = $7 AND ws_id = $8`,
        result.Request, result.Response, result.ErrorCode, result.Status, result.Exhausted, now, id, dao.workspace)
    if err != nil {
        return fmt.Errorf("update attempt %s: %w", id, err)
    }
    if n, err := res.RowsAffected(); err != nil {
        return fmt.Errorf("update attempt %s: %w", id, err)
    } else if n == 0 {
        return ErrNotFound
    }
    return nil
}

// MarkQueued moves attempts back to the queue when their worker gave up on them.
func (dao *AttemptDAO) MarkQueued(ctx context.Context, ids []string) error {
    query, args, err := sqlx.In(`UPDATE attempts SET status = 'QUEUED' WHERE ws_id = ? AND id IN (?)`, dao.workspace, ids)
    if err != nil {
        return fmt.Errorf("build requeue: %w", err)
    }
01|    if _, err := dao.db.ExecContext(ctx, dao.db.Rebind(query), args...); err != nil {
2|    if _, err := dao.db.ExecContext(context.Background(), dao.db.Rebind(query), args...); err != nil { //@TMO-02
        return fmt.Errorf("requeue %d attempts: %w", len(ids), err)
    }
    return nil
}
''')
cases_of(case, GH + 'webhookx-io/webhookx/pull/201', 'db/dao/attempt_dao.go',
         G('dao', ['context', 'fmt', 'time', '', 'github.com/jmoiron/sqlx', 'github.com/webhookx-io/webhookx/db/entities'])(WEBHOOKX), [
             (1, 'go-00-webhookx-moved-attempt-store-host-zone-timestamps',
              'a PR moves the attempt store into its own file and stamps finished attempts with the host\'s local '
              'time, so a gateway outside UTC stores its update times hours off', 'rename'),
             (2, 'go-00-webhookx-moved-attempt-store-requeue-on-background-context',
              'a PR moves the attempt store into its own file and requeues on a background context, so a shutdown '
              'that cancels the worker leaves the statement running', 'rename'),
             (0, 'go-ok-00-webhookx-moved-attempt-store-utc-caller-context',
              'clean: the move alone; times stamped in UTC, every statement on the caller\'s context', 'rename'),
         ], rename_from='db/dao/attempts.go',
         rename_old=lambda t: t.replace('NewAttemptDAO', 'newAttemptDAO'))


# ---------------------------------------------------------------- CONC-03 / CONC-01: page cache of a status page server (statping)
STATPING = template('statping-page-cache', r'''
// Item is one cached page and when it goes stale.
type Item struct {
    Content    []byte
    Expiration int64
}

// Expired tells whether the page is stale.
func (item Item) Expired() bool {
    return item.Expiration > 0 && time.Now().UnixNano() > item.Expiration
}

// Storage caches rendered pages for the API handlers, which call it from every request goroutine.
type Storage struct {
    mu    sync.RWMutex
    items map[string]Item
}

// NewStorage returns an empty page cache.
func NewStorage() *Storage {
    return &Storage{items: make(map[string]Item)}
}

// Get returns a cached page, dropping it when it is stale.
func (s *Storage) Get(key string) []byte {
    s.mu.RLock()
    item, ok := s.items[key]
    s.mu.RUnlock()
    if !ok {
        return nil
    }
    if item.Expired() {
02|        s.mu.Lock()
02|        delete(s.items, key)
02|        s.mu.Unlock()
1|        delete(s.items, key) //@CONC-03
        return nil
    }
    return item.Content
}

// Set caches a page for duration.
func (s *Storage) Set(key string, content []byte, duration time.Duration) {
    s.mu.Lock()
    s.items[key] = Item{Content: content, Expiration: time.Now().Add(duration).UnixNano()}
    s.mu.Unlock()
}

// StartJanitor removes stale pages every interval until ctx ends.
func (s *Storage) StartJanitor(ctx context.Context, every time.Duration) {
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Errorf("page cache janitor stopped: %v\n%s", r, debug.Stack())
01|            }
01|        }()
01|        s.janitor(ctx, every)
01|    }()
2|    go s.janitor(ctx, every) //@CONC-01
}

func (s *Storage) janitor(ctx context.Context, every time.Duration) {
    ticker := time.NewTicker(every)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            s.mu.Lock()
            for key, item := range s.items {
                if item.Expired() {
                    delete(s.items, key)
                }
            }
            s.mu.Unlock()
        }
    }
}
''')
STATPING_IMPORTS = {v: ['context'] + (['runtime/debug'] if v != 2 else []) + ['sync', 'time'] for v in (0, 1, 2)}
cases_of(case, GH + 'statping/statping/issues/129', 'handlers/cache.go',
         GV('handlers', STATPING_IMPORTS)(STATPING), [
             (1, 'go-00-statping-stale-page-deleted-without-lock',
              'an edit deletes a stale page without taking the cache\'s lock, so two requests for an expired page '
              'crash the server with concurrent map writes', 'edit'),
             (2, 'go-00-statping-cache-janitor-without-recover',
              'an edit starts the cache janitor as a bare goroutine, so a panic while sweeping takes the status '
              'page down', 'edit'),
             (0, 'go-ok-00-statping-stale-page-deleted-under-lock',
              'clean: the fix deletes a stale page under the write lock; the janitor recovers and logs', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-02: request logging middleware of a delivery platform kit (go-ranger)
RANGER = template('ranger-request-logger', r'''
// RequestEvent is what the middleware reports about one request.
type RequestEvent struct {
    Method   string
    Path     string
    Status   int
    Duration time.Duration
}

// LoggerMiddleware logs failed and slow requests and hands every request's event to the metrics reporter.
type LoggerMiddleware struct {
    logger        *logrus.Entry
    slowThreshold time.Duration
    events        chan RequestEvent
    dropped       uint64
    reporter      Reporter
}

// Handler wraps next with the request logging and reporting.
func (m *LoggerMiddleware) Handler(next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        start := time.Now()
        rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
        next.ServeHTTP(rec, r)
        elapsed := time.Since(start)

        fields := logrus.Fields{
            "method":   r.Method,
            "path":     r.URL.Path,
            "status":   rec.status,
            "duration": elapsed.String(),
        }
02|        if rec.status >= http.StatusInternalServerError || elapsed > m.slowThreshold {
02|            m.logger.WithFields(fields).Warn("http request")
02|        }
1|        m.logger.WithFields(fields).WithField("headers", r.Header).Info("http request") //@LOG-01

        event := RequestEvent{Method: r.Method, Path: r.URL.Path, Status: rec.status, Duration: elapsed}
01|        select {
01|        case m.events <- event:
01|        default:
01|            atomic.AddUint64(&m.dropped, 1)
01|        }
2|        go m.report(event) //@CONC-02
    })
}

func (m *LoggerMiddleware) report(event RequestEvent) {
    if err := m.reporter.Send(event); err != nil {
        m.logger.WithError(err).Debug("request event not reported")
    }
}

type statusRecorder struct {
    http.ResponseWriter
    status int
}

func (r *statusRecorder) WriteHeader(status int) {
    r.status = status
    r.ResponseWriter.WriteHeader(status)
}
''')
RANGER_IMPORTS = {v: ['net/http'] + (['sync/atomic'] if v != 2 else []) + ['time', '', 'github.com/sirupsen/logrus']
                  for v in (0, 1, 2)}
cases_of(case, GH + 'deliveryhero/go-ranger/pull/26', 'ranger_http/logger_middleware.go',
         GV('ranger_http', RANGER_IMPORTS)(RANGER), [
             (1, 'go-00-ranger-every-request-logged-at-info-with-headers',
              'an edit logs every request at INFO with all its headers, so a busy service writes a log line per '
              'request and floods its log pipeline', 'edit'),
             (2, 'go-00-ranger-goroutine-per-request-report',
              'an edit reports each request\'s event from a goroutine of its own, so a slow metrics backend piles '
              'up one goroutine per request', 'edit'),
             (0, 'go-ok-00-ranger-failures-logged-events-queued',
              'clean: the fix logs only failed or slow requests; events go through a bounded queue that drops '
              'when full', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TIME-01: thread store of a customer support backend on pgx (zyg)
ZYG = template('zyg-thread-store', r'''
// ThreadDB stores the support threads of a workspace.
type ThreadDB struct {
    db *pgxpool.Pool
}

// InsertThread stores a new thread opened by a customer's first message.
func (th *ThreadDB) InsertThread(ctx context.Context, thread models.Thread) (models.Thread, error) {
01|    now := time.Now().UTC()
2|    now := time.Now() //@TIME-01
    thread.ThreadId = models.Thread{}.GenId()
    err := th.db.QueryRow(ctx, `
        INSERT INTO thread (thread_id, workspace_id, customer_id, title, status, channel, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
        RETURNING created_at, updated_at`,
        thread.ThreadId, thread.WorkspaceId, thread.CustomerId, thread.Title, thread.Status, thread.Channel, now,
    ).Scan(&thread.CreatedAt, &thread.UpdatedAt)
    if err != nil {
        return models.Thread{}, fmt.Errorf("insert thread for customer %s: %w", thread.CustomerId, err)
    }
    return thread, nil
}

// FetchThreadsByCustomerId lists a customer's threads, newest first.
func (th *ThreadDB) FetchThreadsByCustomerId(ctx context.Context, workspaceId, customerId string) ([]models.Thread, error) {
    rows, err := th.db.Query(ctx, `
        SELECT thread_id, workspace_id, customer_id, title, status, channel, created_at, updated_at
          FROM thread
         WHERE workspace_id = $1 AND customer_id = $2
         ORDER BY updated_at DESC
         LIMIT 100`, workspaceId, customerId)
    if err != nil { //@{1}RES-01
        return nil, fmt.Errorf("list threads of customer %s: %w", customerId, err)
    }
02|    defer rows.Close()
    threads := make([]models.Thread, 0, 16)
    for rows.Next() {
        var t models.Thread
        if err := rows.Scan(&t.ThreadId, &t.WorkspaceId, &t.CustomerId, &t.Title, &t.Status, &t.Channel,
            &t.CreatedAt, &t.UpdatedAt); err != nil {
            return nil, fmt.Errorf("scan thread of customer %s: %w", customerId, err)
        }
        threads = append(threads, t)
    }
    if err := rows.Err(); err != nil {
        return nil, fmt.Errorf("list threads of customer %s: %w", customerId, err)
    }
    return threads, nil
}
''')
cases_of(case, GH + 'deadcodedump/zyg/issues/37', 'backend/adapters/store/thread.go',
         G('store', ['context', 'fmt', 'time', '', 'github.com/jackc/pgx/v5/pgxpool',
                     'github.com/zyghq/zyg/models'])(ZYG), [
             (1, 'go-00-zyg-customer-threads-rows-never-closed',
              'an edit drops the deferred close of the thread rows, so a scan error returns with the rows open and '
              'the pool loses a connection each time', 'edit'),
             (2, 'go-00-zyg-thread-stamped-in-host-zone',
              'an edit stamps new threads with the host\'s local time, so a server outside UTC shows every new '
              'conversation hours off in the inbox', 'edit'),
             (0, 'go-ok-00-zyg-rows-closed-utc-stamps',
              'clean: the fix closes the rows by defer; threads are stamped in UTC', 'fix'),
         ])
