"""Round-95 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- ERR-01 / TMO-02: sign-in handler of a self-hosted Git service (gogs)
GOGS = template('gogs-login-post', r'''
const (
    tmplUserAuthLogin        = "user/auth/login"
    tmplUserAuthTwoFactor    = "user/auth/two_factor"
    tmplUserAuthProhibit     = "user/auth/prohibit_login"
)

// LoginPost authenticates the submitted credentials against the selected login source and starts the session, or
// asks for the second factor first when the account has one.
func LoginPost(c *context.Context, f form.SignIn) {
    c.Title("sign_in")

    loginSources, err := db.LoginSources.List(c.Req.Context(), db.ListLoginSourceOptions{OnlyActivated: true})
    if err != nil {
        c.Error(err, "list activated login sources")
        return
    }
    c.Data["LoginSources"] = loginSources

    if c.HasError() {
        c.Success(tmplUserAuthLogin)
        return
    }

0|    u, err := db.Users.Authenticate(c.Req.Context(), f.UserName, f.Password, f.LoginSource)
1|    u, _ := db.Users.Authenticate(c.Req.Context(), f.UserName, f.Password, f.LoginSource) //@ERR-01
2|    u, err := db.Users.Authenticate(gocontext.Background(), f.UserName, f.Password, f.LoginSource) //@TMO-02
02|    if err != nil {
02|        switch {
02|        case auth.IsErrBadCredentials(err):
02|            c.FormErr("UserName", "Password")
02|            c.RenderWithErr(c.Tr("form.username_password_incorrect"), tmplUserAuthLogin, &f)
02|        case db.IsErrLoginSourceMismatch(err):
02|            c.FormErr("LoginSource")
02|            c.RenderWithErr(c.Tr("form.auth_source_mismatch"), tmplUserAuthLogin, &f)
02|        default:
02|            c.Error(err, "authenticate user")
02|        }
02|        return
02|    }

    if !u.IsEnabledTwoFactor(c.Req.Context()) {
        afterLogin(c, u, f.Remember)
        return
    }

    _ = c.Session.Set("twoFactorRemember", f.Remember)
    _ = c.Session.Set("twoFactorUserID", u.ID)
    c.RedirectSubpath("/user/login/two_factor")
}
''')
cases_of(case, GH + 'gogs/gogs/pull/1147', 'internal/route/user/auth.go',
         GV('user', {v: ([] if v != 2 else ['gocontext context', '']) + [
             'gogs.io/gogs/internal/auth', 'gogs.io/gogs/internal/context', 'gogs.io/gogs/internal/db',
             'gogs.io/gogs/internal/form'] for v in (0, 1, 2)})(GOGS), [
             (1, 'go-00-gogs-login-authenticate-error-dropped',
              'an edit drops the error of authenticating the submitted credentials, so a wrong password or a broken '
              'login source leaves a nil user that the two-factor check dereferences, a panic per failed sign-in',
              'edit'),
             (2, 'go-00-gogs-login-authenticate-without-request-context',
              'an edit authenticates against the login source with a background context, so an LDAP or SMTP source '
              'that hangs keeps the request running after the browser gave up', 'edit'),
             (0, 'go-ok-00-gogs-login-authenticate-checked',
              'clean: the fix authenticates with the request context and handles every error', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: background task worker of a feedback forum (fider)
FIDER = template('fider-worker-process', r'''
// Task is a unit of work that runs outside the request, such as sending the notification emails of a new post.
type Task struct {
    Name      string
    OriginCtx context.Context
    Job       func(ctx context.Context) error
}

// BackgroundWorker runs the tasks enqueued by the request handlers, one goroutine per task and at most
// maxConcurrent of them at a time.
type BackgroundWorker struct {
    ctx         context.Context
    queue       chan Task
    sem         chan struct{}
    taskTimeout time.Duration
    logger      *log.Logger
    wg          sync.WaitGroup
}

// Run takes tasks off the queue until the worker's context ends.
func (w *BackgroundWorker) Run() {
    for {
        select {
        case <-w.ctx.Done():
            w.wg.Wait()
            return
        case task := <-w.queue:
            w.sem <- struct{}{}
            w.wg.Add(1)
01|            go func() {
01|                defer w.recoverTask(task)
01|                w.process(task)
01|            }()
2|            go w.process(task) //@CONC-01
        }
    }
}

func (w *BackgroundWorker) process(task Task) {
    defer w.wg.Done()
    defer func() { <-w.sem }()

02|    ctx, cancel := context.WithTimeout(w.ctx, w.taskTimeout)
02|    defer cancel()
1|    ctx, _ := context.WithTimeout(w.ctx, w.taskTimeout) //@TMO-03
    start := time.Now()
    if err := task.Job(ctx); err != nil {
        w.logger.Printf("task %s failed after %s: %v", task.Name, time.Since(start), err)
        return
    }
    w.logger.Printf("task %s done in %s", task.Name, time.Since(start))
}

01|func (w *BackgroundWorker) recoverTask(task Task) {
01|    if r := recover(); r != nil {
01|        w.logger.Printf("task %s panicked: %v\n%s", task.Name, r, debug.Stack())
01|    }
01|}
''')
cases_of(case, GH + 'getfider/fider/issues/286', 'app/pkg/worker/worker.go',
         GV('worker', {v: ['context', 'log'] + (['runtime/debug'] if v != 2 else []) + ['sync', 'time']
                       for v in (0, 1, 2)})(FIDER), [
             (1, 'go-00-fider-worker-task-timeout-cancel-discarded',
              'an edit discards the cancel of each task\'s timeout, so every notification task leaves its timer and '
              'context behind until the timeout fires, hours for the digest tasks', 'edit'),
             (2, 'go-00-fider-worker-task-goroutine-without-recover',
              'an edit runs each task on a goroutine without the recover, so one task that panics on a deleted post '
              'takes the whole forum down', 'edit'),
             (0, 'go-ok-00-fider-worker-process',
              'clean: the fix cancels each task\'s timeout and recovers in the task goroutine', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / LOG-01: short link lookup of a URL shortener (ohUrlShortener)
OHURL = template('ohurlshortener-search', r'''
// Search4ShortUrl resolves a short code to its destination: the cache first, the database when the cache misses,
// and the answer is cached for the next visitor. It runs on every redirect.
func Search4ShortUrl(ctx context.Context, shortUrl string) (string, error) {
    if utils.EmptyString(shortUrl) {
        return "", utils.RaiseError("short code is empty")
    }

02|    destUrl, err := storage.RedisGetString(ctx, shortUrl)
1|    rdb := redis.NewClient(&redis.Options{ //@RES-04
1|        Addr:     utils.RedisConfig.Host,
1|        Password: utils.RedisConfig.Password,
1|        DB:       utils.RedisConfig.Database,
1|    })
1|    defer rdb.Close()
1|    destUrl, err := rdb.Get(ctx, shortUrl).Result()
1|    if err == redis.Nil {
1|        err = nil
1|    }
    if err != nil {
        return "", utils.RaiseError("cache lookup failed")
    }
    if !utils.EmptyString(destUrl) {
2|        log.Printf("short url %s resolved to %s from cache", shortUrl, destUrl) //@LOG-01
        return destUrl, nil
    }

    found, err := storage.FindShortUrl(ctx, shortUrl)
    if err != nil {
        return "", utils.RaiseError("database lookup failed")
    }
    if found.IsEmpty() || !found.Valid {
        return "", nil
    }
02|    if err := storage.RedisSet30m(ctx, shortUrl, found.DestUrl); err != nil {
02|        return "", utils.RaiseError("cache update failed")
02|    }
1|    if err := rdb.Set(ctx, shortUrl, found.DestUrl, 30*time.Minute).Err(); err != nil {
1|        return "", utils.RaiseError("cache update failed")
1|    }
    return found.DestUrl, nil
}
''')
cases_of(case, GH + 'barats/ohUrlShortener/pull/8', 'service/shorturl_service.go',
         GV('service', {0: ['context', '', 'ohurlshortener/storage', 'ohurlshortener/utils'],
                        1: ['context', 'time', '', 'ohurlshortener/storage', 'ohurlshortener/utils', '',
                            'github.com/redis/go-redis/v9'],
                        2: ['context', 'log', '', 'ohurlshortener/storage', 'ohurlshortener/utils']})(OHURL), [
             (1, 'go-00-ohurlshortener-redis-client-per-redirect',
              'an edit builds a Redis client for every short link lookup, so every redirect dials the cache and '
              'throws away its pool', 'edit'),
             (2, 'go-00-ohurlshortener-cache-hit-logged',
              'an edit logs every cache hit of the redirect path, a line per visitor of every short link', 'edit'),
             (0, 'go-ok-00-ohurlshortener-search-shared-cache',
              'clean: the fix looks the code up through the shared cache client without a log per hit', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-07: reminder scheduler of a personal CRM (meerkat-crm)
MEERKAT = template('meerkat-reminders', r'''
// ReminderScheduler sends the reminder emails of the day once a day per user, in the user's own time zone.
type ReminderScheduler struct {
    db       *gorm.DB
    mailer   Mailer
    interval time.Duration
    log      *slog.Logger
}

// Run checks for due reminders on every tick until ctx ends.
func (s *ReminderScheduler) Run(ctx context.Context) {
    ticker := time.NewTicker(s.interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
01|            s.sendDueSafely(ctx)
2|            s.sendDue(ctx) //@CONC-07
        }
    }
}

01|// sendDueSafely keeps a panic of one round from ending the scheduler's goroutine and every later round with it.
01|func (s *ReminderScheduler) sendDueSafely(ctx context.Context) {
01|    defer func() {
01|        if r := recover(); r != nil {
01|            s.log.Error("reminder round panicked", "panic", r)
01|        }
01|    }()
01|    s.sendDue(ctx)
01|}
01|
func (s *ReminderScheduler) sendDue(ctx context.Context) {
    var users []models.User
    if err := s.db.WithContext(ctx).Where("reminders_enabled = ?", true).Find(&users).Error; err != nil {
        s.log.Error("loading users for reminders", "error", err)
        return
    }
    for _, u := range users {
02|        loc, err := time.LoadLocation(u.Timezone)
02|        if err != nil {
02|            loc = time.UTC
02|        }
02|        today := time.Now().In(loc).Format("2006-01-02")
1|        today := time.Now().Format("2006-01-02") //@TIME-01
        var due []models.Reminder
        if err := s.db.WithContext(ctx).
            Where("user_id = ? AND remind_on = ? AND sent = ?", u.ID, today, false).
            Find(&due).Error; err != nil {
            s.log.Error("loading due reminders", "user", u.ID, "error", err)
            continue
        }
        for _, r := range due {
            if err := s.mailer.SendReminder(ctx, u, r); err != nil {
                s.log.Warn("sending reminder", "reminder", r.ID, "error", err)
                continue
            }
            s.db.WithContext(ctx).Model(&r).Update("sent", true)
        }
    }
}
''')
cases_of(case, GH + 'fbuchner/meerkat-crm/pull/138', 'backend/services/reminder_scheduler.go',
         G('services', ['context', 'log/slog', 'time', '', 'meerkat/models', '', 'gorm.io/gorm'])(MEERKAT), [
             (1, 'go-00-meerkat-crm-reminder-day-in-server-zone',
              'an edit takes the reminder day from the server\'s clock zone instead of the user\'s, so a user east '
              'of the server gets the reminders of the day a day late', 'edit'),
             (2, 'go-00-meerkat-crm-reminder-round-without-recover',
              'an edit calls each reminder round directly from the ticker loop, so one panicking round ends the '
              'scheduler and no reminder goes out until a restart', 'edit'),
             (0, 'go-ok-00-meerkat-crm-reminders-in-user-zone',
              'clean: the fix takes the day in each user\'s zone and recovers every round', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / RES-01: international organizing form of an activist database (adb)
ADB = template('adb-international-form', r'''
// InternationalFormHandler stores a submission of the international organizing form and sends the welcome email
// to the submitter and the notice to the organizers of the nearest chapter. The emails go out after the response so
// the form does not wait for the mail server.
func (c MainController) InternationalFormHandler(w http.ResponseWriter, r *http.Request) {
    var formData model.InternationalFormData
    if err := json.NewDecoder(r.Body).Decode(&formData); err != nil {
        sendErrorMessage(w, http.StatusBadRequest, err)
        return
    }
    if err := model.SubmitInternationalForm(c.db, formData); err != nil {
        sendErrorMessage(w, http.StatusInternalServerError, err)
        return
    }

02|    go func() {
02|        defer func() {
02|            if rec := recover(); rec != nil {
02|                log.Printf("panic sending international form emails for %s: %v", formData.Email, rec)
02|            }
02|        }()
02|        c.sendInternationalEmails(formData)
02|    }()
1|    go c.sendInternationalEmails(formData) //@CONC-01

    writeJSON(map[string]interface{}{"status": "success"}, w)
}

func (c MainController) sendInternationalEmails(formData model.InternationalFormData) {
    chapter, err := model.FindNearestChapter(c.db, formData.Lat, formData.Lng)
    if err != nil {
        log.Printf("finding nearest chapter for %s: %v", formData.Email, err)
        return
    }
    for _, msg := range internationalMessages(formData, chapter) {
        if err := sendMail(msg); err != nil {
            log.Printf("sending %q to %s: %v", msg.Subject, msg.To, err)
        }
    }
}

// sendMail delivers one message through the configured relay.
func sendMail(msg mailer.Message) error {
    client, err := smtp.Dial(config.SMTPAddr)
    if err != nil { //@{2}RES-01
        return err
    }
01|    defer client.Close()
    if err := client.StartTLS(&tls.Config{ServerName: config.SMTPHost}); err != nil {
        return err
    }
    if err := client.Auth(smtp.PlainAuth("", config.SMTPUser, config.SMTPPassword, config.SMTPHost)); err != nil {
        return err
    }
    if err := client.Mail(msg.From); err != nil {
        return err
    }
    if err := client.Rcpt(msg.To); err != nil {
        return err
    }
    wc, err := client.Data()
    if err != nil {
        return err
    }
    if _, err := wc.Write(msg.Bytes()); err != nil {
        return err
    }
    if err := wc.Close(); err != nil {
        return err
    }
    return client.Quit()
}
''')
cases_of(case, GH + 'dxe/adb/pull/137', 'main.go',
         G('main', ['crypto/tls', 'encoding/json', 'log', 'net/http', 'net/smtp', '',
                    'github.com/dxe/adb/config', 'github.com/dxe/adb/mailer', 'github.com/dxe/adb/model'])(ADB), [
             (1, 'go-00-adb-international-emails-goroutine-without-recover',
              'an edit sends the form\'s emails on a goroutine without the recover, so a chapter without organizers '
              'that panics the message builder takes the whole activist database down', 'edit'),
             (2, 'go-00-adb-smtp-client-not-closed-on-error',
              'an edit drops the deferred close of the SMTP client, so every message the relay refuses leaves its '
              'connection open until the relay times it out', 'edit'),
             (0, 'go-ok-00-adb-international-emails-recovered',
              'clean: the fix sends the emails on a recovering goroutine and closes every SMTP client', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / RES-03: expiry sweep of a pastebin back end (PasteMe)
PASTEME = template('pasteme-expiry-sweep', r'''
const expireLayout = "2006-01-02 15:04:05"

// SweepExpired archives and deletes the temporary pastes whose expiry has passed. The expire_at column holds UTC
// wall-clock times written with expireLayout.
func SweepExpired(ctx context.Context, db *gorm.DB, archiveDir string) (int, error) {
02|    cutoff := time.Now().UTC().Format(expireLayout)
1|    cutoff := time.Now().Format(expireLayout) //@TIME-01
    var pastes []Temporary
    if err := db.WithContext(ctx).Where("expire_at < ?", cutoff).Find(&pastes).Error; err != nil {
        return 0, err
    }

    swept := 0
    for _, p := range pastes {
01|        if err := archivePaste(archiveDir, p); err != nil {
01|            logging.Warn("archive expired paste", zap.String("key", p.Key), zap.Error(err))
01|            continue
01|        }
2|        out, err := os.Create(filepath.Join(archiveDir, p.Key+".txt"))
2|        if err != nil {
2|            logging.Warn("archive expired paste", zap.String("key", p.Key), zap.Error(err))
2|            continue
2|        }
2|        defer out.Close() //@RES-03
2|        if _, err := io.WriteString(out, p.Content); err != nil {
2|            logging.Warn("archive expired paste", zap.String("key", p.Key), zap.Error(err))
2|            continue
2|        }
        if err := db.WithContext(ctx).Delete(&p).Error; err != nil {
            return swept, err
        }
        swept++
    }
    return swept, nil
}
01|
01|// archivePaste writes the paste's content to its own file in dir before the row goes.
01|func archivePaste(dir string, p Temporary) error {
01|    out, err := os.Create(filepath.Join(dir, p.Key+".txt"))
01|    if err != nil {
01|        return err
01|    }
01|    defer out.Close()
01|    _, err = io.WriteString(out, p.Content)
01|    return err
01|}
''')
cases_of(case, GH + 'PasteUs/PasteMeGoBackend/pull/118', 'model/paste/sweep.go',
         G('paste', ['context', 'io', 'os', 'path/filepath', 'time', '',
                     'github.com/PasteUs/PasteMeGoBackend/logging', 'go.uber.org/zap', 'gorm.io/gorm'])(PASTEME), [
             (1, 'go-00-pasteme-expiry-cutoff-in-server-zone',
              'an edit writes the sweep\'s cutoff in the server\'s zone while the column holds UTC, so on a server '
              'east of UTC pastes are deleted hours before they expire', 'edit'),
             (2, 'go-00-pasteme-expiry-archive-defer-in-loop',
              'an edit inlines the archive of each expired paste into the sweep loop with a deferred close, so a '
              'sweep of thousands of pastes holds every archive file open until it returns', 'edit'),
             (0, 'go-ok-00-pasteme-expiry-sweep-utc',
              'clean: the fix writes the cutoff in UTC and archives each paste in its own function', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-02: entry cache of a headless-CMS client generator (gocontentful), renamed file
GOCONTENTFUL = template('gocontentful-cache-sync', r'''
// syncCache fetches the entries of the given content types from the Contentful sync API and replaces them in the
// client's cache. Readers use the cache concurrently, under cacheMutex.
func (cc *ContentfulClient) syncCache(ctx context.Context, contentTypes []string) error {
    results := make(chan syncResult, len(contentTypes))
    var wg sync.WaitGroup
02|    sem := make(chan struct{}, cc.syncConcurrency)
1|    sem := make(chan struct{}, cc.syncConcurrency)
    for _, contentType := range contentTypes {
        wg.Add(1)
12|        sem <- struct{}{}
0|        sem <- struct{}{}
        go func(contentType string) { //@{2}CONC-02
            defer wg.Done()
02|            defer func() { <-sem }()
1|            defer func() { <-sem }()
            defer func() {
                if r := recover(); r != nil {
                    results <- syncResult{contentType: contentType, err: fmt.Errorf("panic syncing %s: %v", contentType, r)}
                }
            }()
            entries, err := cc.fetchAllEntries(ctx, contentType)
            results <- syncResult{contentType: contentType, entries: entries, err: err}
        }(contentType)
    }
    wg.Wait()
    close(results)

    for res := range results {
        if res.err != nil {
            return res.err
        }
02|        cc.cacheMutex.Lock()
        cc.Cache.entryMaps[res.contentType] = make(map[string]any, len(res.entries)) //@{1}CONC-03
        for _, entry := range res.entries {
            cc.Cache.entryMaps[res.contentType][entry.Sys.ID] = entry
        }
02|        cc.cacheMutex.Unlock()
    }
    return nil
}
''')
GOCONTENTFUL = GOCONTENTFUL.replace('12|        sem <- struct{}{}\n0|        sem <- struct{}{}\n',
                                    '01|        sem <- struct{}{}\n').replace(
    '02|    sem := make(chan struct{}, cc.syncConcurrency)\n1|    sem := make(chan struct{}, cc.syncConcurrency)\n',
    '01|    sem := make(chan struct{}, cc.syncConcurrency)\n').replace(
    '02|            defer func() { <-sem }()\n1|            defer func() { <-sem }()\n',
    '01|            defer func() { <-sem }()\n')
TEMPLATES[-1] = ('gocontentful-cache-sync', GOCONTENTFUL)
cases_of(case, GH + 'foomo/gocontentful/pull/5', 'erm/cache_sync.go',
         G('erm', ['context', 'fmt', 'sync'])(GOCONTENTFUL), [
             (1, 'go-00-gocontentful-renamed-cache-sync-unlocked',
              'a PR renames the cache file and replaces each content type\'s entries without taking the cache '
              'mutex, so a page render reading the cache during a sync crashes on concurrent map access', 'rename'),
             (2, 'go-00-gocontentful-renamed-cache-sync-unbounded',
              'a PR renames the cache file and starts a fetch goroutine per content type without the semaphore, so '
              'a space with hundreds of types opens hundreds of requests to the sync API at once', 'rename'),
             (0, 'go-ok-00-gocontentful-renamed-cache-sync',
              'clean: the rename alone; fetches are bounded and the cache is written under its mutex', 'rename'),
         ], rename_from='erm/sync.go')


# ---------------------------------------------------------------- HTTP-01 / RES-02: request middleware of a makerspace event system (MESSforMakers), new file
MESS = template('messformakers-middleware', r'''
// timeoutMiddleware runs the rest of the chain with a deadline and answers 503 when it passes. The handler keeps
// running on its goroutine until it notices the cancelled context, so it must always be able to report that it is done.
func (app *application) timeoutMiddleware(next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        ctx, cancel := context.WithTimeout(r.Context(), app.Config.App.RequestTimeout)
        defer cancel()

        tw := newBufferedWriter()
02|        done := make(chan struct{}, 1)
1|        done := make(chan struct{}) //@HTTP-01
        go func() {
            defer func() {
                if rec := recover(); rec != nil {
                    app.Logger.Printf("panic serving %s %s: %v\n%s", r.Method, r.URL.Path, rec, debug.Stack())
                    tw.WriteHeader(http.StatusInternalServerError)
                }
                done <- struct{}{}
            }()
            next.ServeHTTP(tw, r.WithContext(ctx))
        }()

        select {
        case <-done:
            tw.copyTo(w)
        case <-ctx.Done():
            http.Error(w, "the server took too long to answer", http.StatusServiceUnavailable)
        }
    })
}

// requireMember lets the request through when the session's user is an active member according to the membership
// service.
func (app *application) requireMember(next http.Handler) http.Handler {
    return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
        user := app.Session.GetString(r, "email")
        if user == "" {
            http.Redirect(w, r, "/user/login", http.StatusSeeOther)
            return
        }
        req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, app.Config.Membership.URL+"/members/"+url.PathEscape(user), nil)
        if err != nil {
            app.serverError(w, err)
            return
        }
        resp, err := app.membershipClient.Do(req)
        if err != nil { //@{2}RES-02
            app.serverError(w, err)
            return
        }
02|        defer resp.Body.Close()
1|        defer resp.Body.Close()
        if resp.StatusCode != http.StatusOK {
            http.Error(w, "membership required", http.StatusForbidden)
            return
        }
        next.ServeHTTP(w, r)
    })
}
''').replace('02|        defer resp.Body.Close()\n1|        defer resp.Body.Close()\n',
             '01|        defer resp.Body.Close()\n')
TEMPLATES[-1] = ('messformakers-middleware', MESS)
cases_of(case, GH + 'MakeICT/MESSforMakers/issues/63', 'cmd/web/middleware_timeout.go',
         G('main', ['context', 'net/http', 'net/url', 'runtime/debug'])(MESS), [
             (1, 'go-00-messformakers-new-timeout-middleware-parks-handler',
              'a new timeout middleware signals completion on an unbuffered channel, so every request that times out '
              'leaves its handler goroutine blocked on the send for ever', 'new'),
             (2, 'go-00-messformakers-new-member-check-body-not-closed',
              'a new membership middleware never closes the membership service\'s response body, so each page view '
              'of a member keeps a connection out of the client\'s pool', 'new'),
             (0, 'go-ok-00-messformakers-new-middleware',
              'clean: a new timeout middleware with a buffered completion channel and a member check that closes '
              'the response', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-02: job endpoints of a chat quality SaaS back end (chat-quality-agent)
CQA = template('chat-quality-agent-jobs', r'''
// TestRunJob runs a job once, outside its schedule, so the user can check its output. The run can take minutes, so
// it goes on in the background and the UI polls its status.
func TestRunJob(c *gin.Context) {
    tenantID := middleware.GetTenantID(c)
    job, err := loadJob(c.Request.Context(), tenantID, c.Param("id"))
    if err != nil {
        respondError(c, err)
        return
    }

    runID := uuid.NewString()
    go func() {
        defer func() {
            if r := recover(); r != nil {
                log.Printf("[jobs] test run %s of job %s panicked: %v", runID, job.ID, r)
                markRunFailed(runID, fmt.Errorf("panic: %v", r))
            }
        }()
02|        ctx, cancel := context.WithTimeout(context.Background(), testRunTimeout)
02|        defer cancel()
1|        ctx := context.Background() //@TMO-01
        if err := analyzer.RunJobWithLimit(ctx, job, testRunMessageLimit, runID); err != nil {
            log.Printf("[jobs] test run %s of job %s failed: %v", runID, job.ID, err)
            markRunFailed(runID, err)
        }
    }()

    c.JSON(http.StatusAccepted, gin.H{"run_id": runID})
}

// PreviewJob analyses one conversation with the job's rules and returns the verdict directly.
func PreviewJob(c *gin.Context) {
    tenantID := middleware.GetTenantID(c)
    job, err := loadJob(c.Request.Context(), tenantID, c.Param("id"))
    if err != nil {
        respondError(c, err)
        return
    }
    var req previewRequest
    if err := c.ShouldBindJSON(&req); err != nil {
        c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
        return
    }

01|    verdict, err := analyzer.Preview(c.Request.Context(), job, req.ConversationID)
2|    verdict, err := analyzer.Preview(context.Background(), job, req.ConversationID) //@TMO-02
    if err != nil {
        respondError(c, err)
        return
    }
    c.JSON(http.StatusOK, verdict)
}
''')
cases_of(case, GH + 'tanviet12/chat-quality-agent/pull/31', 'backend/api/handlers/jobs.go',
         G('handlers', ['context', 'fmt', 'log', 'net/http', '',
                        'github.com/gin-gonic/gin', 'github.com/google/uuid', '',
                        'github.com/tanviet12/chat-quality-agent/backend/analyzer',
                        'github.com/tanviet12/chat-quality-agent/backend/api/middleware'])(CQA), [
             (1, 'go-00-chat-quality-agent-test-run-without-timeout',
              'an edit runs the background test run with a bare background context, so a language model provider '
              'that never answers keeps the run and its goroutine alive for ever', 'edit'),
             (2, 'go-00-chat-quality-agent-preview-without-request-context',
              'an edit previews a verdict with a background context instead of the request\'s, so a user who closes '
              'the page still pays for the whole model call', 'edit'),
             (0, 'go-ok-00-chat-quality-agent-jobs-bounded',
              'clean: the fix bounds the test run and previews with the request context', 'fix'),
         ])
