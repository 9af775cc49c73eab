"""Round-74 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- CONC-01 / CONC-03: search service event consumer of a file sync server (ocis)
OCIS = template('ocis-search-events', r'''
// HandleEvents keeps the search index in step with the storage events the search service subscribes to. Every event
// is handled on its own goroutine so a slow extraction does not hold up the stream.
func HandleEvents(s Searcher, stream events.Consumer, cfg *config.Config, logger log.Logger) error {
    evts := []events.Unmarshaller{
        events.ItemTrashed{},
        events.ItemRestored{},
        events.ItemMoved{},
        events.ContainerCreated{},
        events.FileTouched{},
        events.UploadReady{},
    }
    ch, err := events.Consume(stream, "search-pull", evts...)
    if err != nil {
        return err
    }

    debounce := cfg.Events.DebounceDuration
01|    var mu sync.Mutex
    pending := make(map[string]*time.Timer)
    reindexSpace := func(spaceID string, ref *provider.Reference) {
01|        mu.Lock()
01|        defer mu.Unlock()
        if t, ok := pending[spaceID]; ok {
            t.Reset(debounce)
            return
        }
        pending[spaceID] = time.AfterFunc(debounce, func() { //@{2}CONC-03
01|            mu.Lock()
            delete(pending, spaceID)
01|            mu.Unlock()
            if err := s.IndexSpace(ref); err != nil {
                logger.Error().Err(err).Str("space", spaceID).Msg("could not reindex space")
            }
        })
    }

    for e := range ch {
        e := e
        go func() { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    logger.Error().Interface("panic", r).Str("event", e.Type).Msg("search event handler panicked")
02|                }
02|            }()
            switch ev := e.Event.(type) {
            case events.ItemTrashed:
                s.TrashItem(ev.ID)
                reindexSpace(ev.Ref.GetResourceId().GetSpaceId(), ev.Ref)
            case events.ItemMoved:
                s.MoveItem(ev.Ref)
                reindexSpace(ev.Ref.GetResourceId().GetSpaceId(), ev.Ref)
            case events.ItemRestored:
                s.RestoreItem(ev.Ref)
                reindexSpace(ev.Ref.GetResourceId().GetSpaceId(), ev.Ref)
            case events.ContainerCreated:
                reindexSpace(ev.Ref.GetResourceId().GetSpaceId(), ev.Ref)
            case events.FileTouched:
                reindexSpace(ev.Ref.GetResourceId().GetSpaceId(), ev.Ref)
            case events.UploadReady:
                reindexSpace(ev.FileRef.GetResourceId().GetSpaceId(), ev.FileRef)
            }
        }()
    }
    return nil
}
''')
OCIS_BASE = ['time', '', 'github.com/cs3org/reva/v2/pkg/events', 'github.com/owncloud/ocis/v2/ocis-pkg/log',
             'github.com/owncloud/ocis/v2/services/search/pkg/config',
             'provider "github.com/cs3org/go-cs3apis/cs3/storage/provider/v1beta1"']
cases_of(case, GH + 'owncloud/ocis/issues/6850', 'services/search/pkg/search/events.go',
         GV('search', {0: ['sync'] + OCIS_BASE, 1: ['sync'] + OCIS_BASE, 2: OCIS_BASE})(OCIS), [
             (1, 'go-00-ocis-search-event-handler-without-recover',
              'an edit drops the deferred recover of the per-event goroutine, so one nil reference while '
              'moving an item in the index crashes the whole oCIS process', 'edit'),
             (2, 'go-00-ocis-search-debounce-map-without-lock',
              'an edit drops the mutex around the space debounce map, which the per-event goroutines and the '
              'timer callbacks all write, so two uploads into one space at once crash with concurrent map writes',
              'edit'),
             (0, 'go-ok-00-ocis-search-event-handler-recovers',
              'clean: the fix recovers panics in the per-event goroutine', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: ActivityPub delivery of a federated blogging platform (writefreely)
WRITEFREELY = template('writefreely-activity-post', r'''
02|// apClient delivers activities to other instances; a slow or dead inbox must not hold a delivery forever.
02|var apClient = &http.Client{Timeout: 15 * time.Second}

// makeActivityPost signs the activity as the blog's actor and posts it to a remote inbox.
func makeActivityPost(hostName string, p *activitystreams.Person, url string, m interface{}) error {
    log.Info("POST %s", url)
    b, err := json.Marshal(m)
    if err != nil {
        return err
    }

    r, _ := http.NewRequest("POST", url, bytes.NewReader(b))
    r.Header.Add("Content-Type", "application/activity+json")
    r.Header.Set("User-Agent", ServerUserAgent(hostName))
    h := sha256.New()
    h.Write(b)
    r.Header.Add("Digest", "SHA-256="+base64.StdEncoding.EncodeToString(h.Sum(nil)))

    privKey, err := activitypub.DecodePrivateKey(p.GetPrivKey())
    if err != nil {
        return err
    }
    if err := activitypub.SignRequest(privKey, p.PublicKey.ID, r, b); err != nil {
        return err
    }

02|    resp, err := apClient.Do(r)
1|    resp, err := http.DefaultClient.Do(r) //@TMO-01
    if err != nil { //@{2}RES-02
        return err
    }
01|    defer resp.Body.Close()

    body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
    if err != nil {
        return err
    }
    if debugging {
        log.Info("Status  : %s", resp.Status)
        log.Info("Response: %s", body)
    }
    if resp.StatusCode >= 300 {
        return fmt.Errorf("inbox %s answered %s", url, resp.Status)
    }
    return nil
}
''')
WRITEFREELY_BASE = ['bytes', 'crypto/sha256', 'encoding/base64', 'encoding/json', 'fmt', 'io', 'net/http']
WRITEFREELY_CORE = ['github.com/writeas/web-core/activitypub', 'github.com/writeas/web-core/activitystreams',
                    'github.com/writeas/web-core/log']
cases_of(case, GH + 'writefreely/writefreely/pull/249', 'activitypub.go',
         GV('writefreely', {0: WRITEFREELY_BASE + ['time', ''] + WRITEFREELY_CORE,
                            1: WRITEFREELY_BASE + [''] + WRITEFREELY_CORE,
                            2: WRITEFREELY_BASE + ['time', ''] + WRITEFREELY_CORE})(WRITEFREELY), [
             (1, 'go-00-writefreely-activity-post-on-default-client',
              'an edit posts activities with http.DefaultClient, so a fediverse inbox that accepts the connection '
              'and never answers holds the delivery goroutine for good', 'edit'),
             (2, 'go-00-writefreely-activity-post-body-left-open',
              'an edit drops the deferred close of the inbox\'s answer, so every delivery keeps its connection '
              'out of the pool', 'edit'),
             (0, 'go-ok-00-writefreely-activity-post-bounded',
              'clean: the fix delivers through a client with a timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / LOG-01: alias storage driver of a file listing server (alist)
ALIST = template('alist-alias-list', r'''
// listTimeout bounds the listing of one backing storage; zero means the storage's own default.
func (d *Alias) listTimeout() time.Duration {
    if d.ListTimeoutSeconds <= 0 {
        return 30 * time.Second
    }
    return time.Duration(d.ListTimeoutSeconds) * time.Second
}

// list lists one backing path of the alias and turns its objects into objects of the alias.
func (d *Alias) list(ctx context.Context, dst, sub string, args *fs.ListArgs) ([]model.Obj, error) {
    rawPath := stdpath.Join(dst, sub)
    // fs.List rather than op.List: the alias must see the backing storage with the user's permissions applied
02|    listCtx, cancel := context.WithTimeout(ctx, d.listTimeout())
02|    defer cancel()
02|    objs, err := fs.List(listCtx, rawPath, args)
1|    objs, err := fs.List(context.Background(), rawPath, args) //@TMO-02
    if err != nil {
        return nil, err
    }
    return utils.SliceConvert(objs, func(obj model.Obj) (model.Obj, error) {
        thumb, ok := model.GetThumb(obj)
2|        utils.Log.Infof("alias %s: listed %s (%d bytes)", d.MountPath, obj.GetName(), obj.GetSize()) //@LOG-01
        objRes := model.Object{
            Name:     obj.GetName(),
            Size:     obj.GetSize(),
            Modified: obj.ModTime(),
            IsFolder: obj.IsDir(),
        }
        if !ok {
            return &objRes, nil
        }
        return &model.ObjThumb{
            Object:    objRes,
            Thumbnail: model.Thumbnail{Thumbnail: thumb},
        }, nil
    })
}
''')
cases_of(case, GH + 'AlistGo/alist/pull/8290', 'drivers/alias/util.go',
         G('alias', ['context', 'stdpath "path"', 'time', '', 'github.com/alist-org/alist/v3/internal/fs',
                     'github.com/alist-org/alist/v3/internal/model', 'github.com/alist-org/alist/v3/pkg/utils'])(ALIST), [
             (1, 'go-00-alist-alias-list-on-background-context',
              'an edit lists the backing storage on context.Background, so neither the request\'s cancellation '
              'nor the alias\'s list timeout reaches a stalled cloud drive and the page spins until the proxy '
              'gives up', 'edit'),
             (2, 'go-00-alist-alias-list-logs-every-object',
              'an edit logs every listed object at info level, so a folder of thousands of files writes thousands '
              'of lines on every directory view', 'edit'),
             (0, 'go-ok-00-alist-alias-list-bounded',
              'clean: the fix lists on the request context bounded by the alias\'s timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / RES-03: youtube-dl wrapper of a podcast feed generator (podsync), renamed file
PODSYNC = template('podsync-ytdl-download', r'''
const (
    // DownloadTimeout bounds one youtube-dl run; long videos on slow links need most of it.
    DownloadTimeout = 60 * time.Minute
    UpdatePeriod    = 24 * time.Hour
)

// YoutubeDl runs the youtube-dl binary found at path.
type YoutubeDl struct {
    path    string
    timeout time.Duration
}

// Download fetches one episode into a temporary directory and returns the path of the media file youtube-dl wrote.
func (dl *YoutubeDl) Download(ctx context.Context, feedConfig *feed.Config, episode *model.Episode) (string, error) {
    tmpDir, err := os.MkdirTemp("", "podsync-")
    if err != nil {
        return "", fmt.Errorf("temp dir for %s: %w", episode.ID, err)
    }

    args := buildArgs(feedConfig, episode, filepath.Join(tmpDir, episode.ID+".%(ext)s"))
    if output, err := dl.exec(ctx, args...); err != nil {
        log.WithError(err).Errorf("youtube-dl error: %s", output)
        return "", fmt.Errorf("youtube-dl %s: %w", episode.ID, err)
    }
    return findEpisodeFile(tmpDir, episode.ID)
}

// findEpisodeFile picks the media file among what youtube-dl left in dir (fragments and subtitles included).
func findEpisodeFile(dir, id string) (string, error) {
    matches, err := filepath.Glob(filepath.Join(dir, id+".*"))
    if err != nil {
        return "", err
    }
    for _, path := range matches {
01|        ok, err := isMediaFile(path)
01|        if err != nil {
01|            return "", err
01|        }
01|        if ok {
01|            return path, nil
01|        }
2|        f, err := os.Open(path)
2|        if err != nil {
2|            return "", err
2|        }
2|        defer f.Close() //@RES-03
2|        head := make([]byte, 512)
2|        n, _ := io.ReadFull(f, head)
2|        kind := http.DetectContentType(head[:n])
2|        if strings.HasPrefix(kind, "audio/") || strings.HasPrefix(kind, "video/") {
2|            return path, nil
2|        }
    }
    return "", fmt.Errorf("no media file for %s in %s", id, dir)
}
01|
01|// isMediaFile sniffs the first bytes of path.
01|func isMediaFile(path string) (bool, error) {
01|    f, err := os.Open(path)
01|    if err != nil {
01|        return false, err
01|    }
01|    defer f.Close()
01|    head := make([]byte, 512)
01|    n, _ := io.ReadFull(f, head)
01|    kind := http.DetectContentType(head[:n])
01|    return strings.HasPrefix(kind, "audio/") || strings.HasPrefix(kind, "video/"), nil
01|}

func (dl *YoutubeDl) exec(ctx context.Context, args ...string) (string, error) {
02|    ctx, cancel := context.WithTimeout(ctx, dl.timeout)
02|    defer cancel()
1|    ctx, _ = context.WithTimeout(ctx, dl.timeout) //@TMO-03
    cmd := exec.CommandContext(ctx, dl.path, args...)
    output, err := cmd.CombinedOutput()
    if err != nil {
        return string(output), fmt.Errorf("failed to execute youtube-dl: %w", err)
    }
    return string(output), nil
}
''')
cases_of(case, GH + 'mxpv/podsync/issues/156', 'pkg/ytdl/ytdl.go',
         G('ytdl', ['context', 'fmt', 'io', 'net/http', 'os', 'os/exec', 'path/filepath', 'strings', 'time', '',
                    'github.com/mxpv/podsync/pkg/feed', 'github.com/mxpv/podsync/pkg/model',
                    'log "github.com/sirupsen/logrus"'])(PODSYNC), [
             (1, 'go-00-podsync-renamed-ytdl-timeout-never-cancelled',
              'a PR renames the youtube-dl wrapper\'s file and drops the cancel of the per-run timeout context, so '
              'each download leaves a timer and its context alive for the full hour', 'rename'),
             (2, 'go-00-podsync-renamed-ytdl-defer-close-in-loop',
              'a PR renames the youtube-dl wrapper\'s file and inlines the media sniffing into the loop over '
              'youtube-dl\'s output with a deferred close, so every fragment file stays open until the search ends',
              'rename'),
             (0, 'go-ok-00-podsync-renamed-ytdl',
              'clean: the rename alone; each run\'s timeout is cancelled and each sniffed file closed', 'rename'),
         ], rename_from='pkg/ytdl/youtubedl.go')


# ---------------------------------------------------------------- ERR-01 / TX-02: manual location update of a photo library (photoprism)
PHOTOPRISM = template('photoprism-photo-location', r'''
// SetLocation stores coordinates a user entered by hand and moves the photo's labels to the new place in one
// transaction, so a lock timeout in MariaDB is reported instead of leaving half an update.
func (m *Photo) SetLocation(lat, lng float64, src string) error {
    if !SrcPriority[src].Overrides(m.PlaceSrc) {
        return nil
    }

    tx := Db().Begin()
    if err := tx.Error; err != nil {
        return err
    }

    values := Values{"PhotoLat": lat, "PhotoLng": lng, "PlaceSrc": src, "CellID": s2.Token(lat, lng)}
02|    if err := tx.Model(m).Updates(values).Error; err != nil {
02|        tx.Rollback()
02|        return fmt.Errorf("photo %s: update location: %w", m.PhotoUID, err)
02|    }
1|    tx.Model(m).Updates(values) //@ERR-01

    if err := tx.Model(&PhotoLabel{}).
        Where("photo_id = ? AND label_src = ?", m.ID, SrcLocation).
        Delete(&PhotoLabel{}).Error; err != nil {
        tx.Rollback()
        return fmt.Errorf("photo %s: drop location labels: %w", m.PhotoUID, err)
    }

    for _, label := range m.LocationLabels() {
        if err := tx.Create(NewPhotoLabel(m.ID, label.ID, 0, SrcLocation)).Error; err != nil {
            tx.Rollback()
            return fmt.Errorf("photo %s: add label %s: %w", m.PhotoUID, label.LabelSlug, err)
        }
    }

01|    return tx.Commit().Error
2|    tx.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'photoprism/photoprism/issues/4504', 'internal/entity/photo_location.go',
         G('entity', ['fmt', '', 'github.com/photoprism/photoprism/pkg/s2'])(PHOTOPRISM), [
             (1, 'go-00-photoprism-location-update-error-dropped',
              'an edit ignores the error of the location update, so a lock timeout leaves the photo where it was '
              'while the API answers 200', 'edit'),
             (2, 'go-00-photoprism-location-commit-unchecked',
              'an edit commits without looking at the result, so a deadlock at commit loses the new location and '
              'the caller is told it was saved', 'edit'),
             (0, 'go-ok-00-photoprism-location-update-checked',
              'clean: the fix returns the update\'s error after rolling back', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: source image download of an image processing server (imgproxy), new file
IMGPROXY = template('imgproxy-download', r'''
// ErrSourceResponseStatus is wrapped by errors about a source answering with anything but 200.
var ErrSourceResponseStatus = errors.New("source image response status")

01|var downloadClient *http.Client

// newTransport is the transport of image downloads: one keep-alive pool per process, sized to the workers.
func newTransport() *http.Transport {
    return &http.Transport{
        Proxy:               http.ProxyFromEnvironment,
        MaxIdleConns:        config.Workers,
        MaxIdleConnsPerHost: config.Workers,
        IdleConnTimeout:     time.Duration(config.ClientKeepAliveTimeout) * time.Second,
        DisableCompression:  true,
    }
}

01|// initDownloading builds the shared download client once, at start-up.
01|func initDownloading() {
01|    downloadClient = &http.Client{
01|        Timeout:   time.Duration(config.DownloadTimeout) * time.Second,
01|        Transport: newTransport(),
01|    }
01|}
01|
// requestImage asks the source for the image and hands back the response only when it is a 200.
func requestImage(ctx context.Context, imageURL string) (*http.Response, error) {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, imageURL, nil)
    if err != nil {
        return nil, fmt.Errorf("can't create image request: %w", err)
    }
    req.Header.Set("User-Agent", config.UserAgent)

01|    res, err := downloadClient.Do(req) //@{1}RES-02
2|    client := &http.Client{ //@RES-04
2|        Timeout:   time.Duration(config.DownloadTimeout) * time.Second,
2|        Transport: newTransport(),
2|    }
2|    res, err := client.Do(req)
    if err != nil {
        return nil, fmt.Errorf("can't download image: %w", err)
    }

    if res.StatusCode != http.StatusOK {
        msg, _ := io.ReadAll(io.LimitReader(res.Body, 1024))
02|        res.Body.Close()
        return nil, fmt.Errorf("%w: %d %s", ErrSourceResponseStatus, res.StatusCode, strings.TrimSpace(string(msg)))
    }
    return res, nil
}
''')
cases_of(case, GH + 'imgproxy/imgproxy/issues/1014', 'imagedata/download.go',
         G('imagedata', ['context', 'errors', 'fmt', 'io', 'net/http', 'strings', 'time', '',
                         'github.com/imgproxy/imgproxy/v3/config'])(IMGPROXY), [
             (1, 'go-00-imgproxy-new-download-error-body-left-open',
              'a new download file returns a non-200 answer\'s error without closing its body, so a source that '
              'answers 404 to many images drains the keep-alive pool until downloads stop', 'new'),
             (2, 'go-00-imgproxy-new-download-client-per-request',
              'a new download file builds a client and a transport for every image request, so no connection is '
              'ever reused and each request leaves an idle pool behind', 'new'),
             (0, 'go-ok-00-imgproxy-new-download',
              'clean: a new download file with one shared client that closes the body of every failed answer',
              'new'),
         ])


# ---------------------------------------------------------------- OPS-01 / TMO-03: shutdown of an image resizing server (fanlin)
FANLIN = template('fanlin-main-shutdown', r'''
func main() {
    confPath := flag.String("c", "/etc/fanlin.json", "configuration file")
    flag.Parse()

    conf, err := configure.NewConfigure(*confPath)
    if err != nil {
        log.Fatalf("read configuration %s: %v", *confPath, err)
    }
    errLog := logger.NewLogger(conf.ErrorLogPath())

    mux := http.NewServeMux()
    mux.HandleFunc("/healthCheck", func(w http.ResponseWriter, r *http.Request) {
        w.WriteHeader(http.StatusOK)
    })
    mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
        handler.MainHandler(w, r, conf, errLog)
    })

    srv := &http.Server{
        Addr:         fmt.Sprintf(":%d", conf.Port()),
        Handler:      mux,
        ReadTimeout:  conf.ReadTimeout(),
        WriteTimeout: conf.WriteTimeout(),
    }
    go func() {
        if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
            log.Fatalf("listen: %v", err)
        }
    }()

    sig := make(chan os.Signal, 1)
    signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
    <-sig

0|    ctx, cancel := context.WithTimeout(context.Background(), conf.ShutdownTimeout())
0|    defer cancel()
2|    ctx, _ := context.WithTimeout(context.Background(), conf.ShutdownTimeout()) //@TMO-03
02|    if err := srv.Shutdown(ctx); err != nil {
02|        errLog.Printf("graceful shutdown: %v", err)
02|    }
1|    if err := srv.Close(); err != nil { //@OPS-01
1|        errLog.Printf("close: %v", err)
1|    }
}
''')
FANLIN_BASE = ['errors', 'flag', 'fmt', 'log', 'net/http', 'os', 'os/signal', 'syscall', '',
               'configure "github.com/livesense-inc/fanlin/lib/conf"', 'github.com/livesense-inc/fanlin/lib/handler',
               'github.com/livesense-inc/fanlin/lib/logger']
cases_of(case, GH + 'livesense-inc/fanlin/pull/78', 'cmd/fanlin/main.go',
         GV('main', {0: ['context'] + FANLIN_BASE, 1: FANLIN_BASE, 2: ['context'] + FANLIN_BASE})(FANLIN), [
             (1, 'go-00-fanlin-main-closes-without-draining',
              'an edit stops the server with Close on SIGTERM, so every resize in flight during a deploy is cut '
              'off and its client gets a reset connection', 'edit'),
             (2, 'go-00-fanlin-main-shutdown-timeout-never-cancelled',
              'an edit discards the cancel of the shutdown deadline\'s context, so its timer outlives a shutdown '
              'that finished early (go vet\'s lostcancel)', 'edit'),
             (0, 'go-ok-00-fanlin-main-shuts-down-gracefully',
              'clean: the fix drains in-flight requests with Shutdown under a deadline', 'fix'),
         ])


# ---------------------------------------------------------------- MEM-02 / RES-01: pooled image resize buffers of a note and object app (anytype-heart), new file
ANYTYPE = template('anytype-resize-bufferpool', r'''
// resizeBuffers keeps encoded previews between resizes; a buffer goes back only when its reader is closed.
var resizeBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

01|// pooledReader reads a pooled buffer and gives it back to the pool on Close.
01|type pooledReader struct {
01|    *bytes.Reader
01|    buf *bytes.Buffer
01|}
01|
01|func (r *pooledReader) Close() error {
01|    r.buf.Reset()
01|    resizeBuffers.Put(r.buf)
01|    return nil
01|}
2|// readSeekNopCloser gives a bytes.Reader the Close the callers expect.
2|type readSeekNopCloser struct {
2|    *bytes.Reader
2|}
2|
2|func (readSeekNopCloser) Close() error { return nil }

// resizeImage decodes the original, scales it to width and encodes it as JPEG into a pooled buffer. The caller
// seeks the result to read its size before streaming it, and must close it.
func resizeImage(path string, width, quality int) (io.ReadSeekCloser, error) {
    f, err := os.Open(path) //@{1}RES-01
    if err != nil {
        return nil, err
    }
02|    defer f.Close()

    img, _, err := image.Decode(f)
    if err != nil {
        return nil, fmt.Errorf("decode %s: %w", path, err)
    }
    resized := imaging.Resize(img, width, 0, imaging.Lanczos)

    buf := resizeBuffers.Get().(*bytes.Buffer)
    buf.Reset()
    if err := jpeg.Encode(buf, resized, &jpeg.Options{Quality: quality}); err != nil {
        resizeBuffers.Put(buf)
        return nil, fmt.Errorf("encode %s: %w", path, err)
    }
01|    return &pooledReader{Reader: bytes.NewReader(buf.Bytes()), buf: buf}, nil
2|    defer resizeBuffers.Put(buf)
2|    return readSeekNopCloser{bytes.NewReader(buf.Bytes())}, nil //@MEM-02
}
''')
cases_of(case, GH + 'anyproto/anytype-heart/pull/1280', 'core/files/resize.go',
         G('files', ['bytes', 'fmt', 'image', 'image/jpeg', 'io', 'os', 'sync', '',
                     'github.com/disintegration/imaging'])(ANYTYPE), [
             (1, 'go-00-anytype-new-resize-original-never-closed',
              'a new resize helper opens the original image and never closes it, so each preview keeps a file '
              'descriptor until the garbage collector finds the file', 'new'),
             (2, 'go-00-anytype-new-resize-buffer-pooled-while-read',
              'a new resize helper puts its buffer back into the pool when it returns while the reader it returns '
              'still reads that buffer, so a concurrent resize overwrites a preview being streamed', 'new'),
             (0, 'go-ok-00-anytype-new-resize-bufferpool',
              'clean: a new resize helper whose reader returns the buffer to the pool on Close', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / ERR-01: periodic library scan of a music streaming server (gonic)
GONIC = template('gonic-scan-interval', r'''
func runScanInterval(ctx context.Context, scannr *scanner.Scanner, interval time.Duration) error {
    if interval == 0 {
        log.Printf("periodic scans disabled")
        return nil
    }
    log.Printf("scanning every %s", interval)

    ticker := time.NewTicker(interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return nil
        case <-ticker.C:
        }
01|        if _, err := scannr.ScanAndClean(scanner.ScanOptions{}); err != nil {
0|            log.Printf("error scanning: %v", err)
1|            return fmt.Errorf("periodic scan: %w", err) //@CONC-07
01|        }
2|        scannr.ScanAndClean(scanner.ScanOptions{}) //@ERR-01
    }
}

func runScanWatcher(ctx context.Context, scannr *scanner.Scanner) error {
    if err := scannr.ExecuteWatch(ctx); err != nil {
        return fmt.Errorf("watch music dirs: %w", err)
    }
    return nil
}
''')
cases_of(case, GH + 'sentriz/gonic/issues/399', 'cmd/gonic/scan.go',
         G('main', ['context', 'fmt', 'log', 'time', '', 'go.senan.xyz/gonic/scanner'])(GONIC), [
             (1, 'go-00-gonic-scan-interval-stops-on-first-error',
              'an edit returns from the periodic scan loop on the first scan error, so one unreadable file ends '
              'the errgroup and takes the whole server down', 'edit'),
             (2, 'go-00-gonic-scan-interval-error-dropped',
              'an edit drops the error of the periodic scan, so a library that fails to scan every time leaves no '
              'trace in the log', 'edit'),
             (0, 'go-ok-00-gonic-scan-interval-logs-and-continues',
              'clean: the fix logs a failed scan and waits for the next tick', 'fix'),
         ])


# ---------------------------------------------------------------- HTTP-01 / CONC-02: throttling and bucket fetches of an image server (imgry)
IMGRY = template('imgry-throttle-fetch', r'''
// Throttle lets at most limit requests process images at once. A request waiting for a slot gives up with its
// client, so a burst of abandoned requests does not pile up goroutines behind the slots.
func Throttle(limit int) func(http.Handler) http.Handler {
    slots := make(chan struct{}, limit)
    return func(next http.Handler) http.Handler {
        return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
02|            select {
02|            case slots <- struct{}{}:
02|            case <-r.Context().Done():
02|                http.Error(w, "gave up waiting for a processing slot", http.StatusServiceUnavailable)
02|                return
02|            }
1|            slots <- struct{}{} //@HTTP-01
            defer func() { <-slots }()
            next.ServeHTTP(w, r)
        })
    }
}

// fetchAll downloads the source images of a bucket request in parallel, at most MaxFetchers at a time.
func (s *Server) fetchAll(ctx context.Context, urls []string) ([]*imgry.Image, error) {
    images := make([]*imgry.Image, len(urls))
    g, ctx := errgroup.WithContext(ctx) //@{2}CONC-02
01|    g.SetLimit(s.Config.MaxFetchers)
    for i, u := range urls {
        i, u := i, u
        g.Go(func() error {
            img, err := s.Fetcher.Get(ctx, u)
            if err != nil {
                return fmt.Errorf("fetch %s: %w", u, err)
            }
            images[i] = img
            return nil
        })
    }
    if err := g.Wait(); err != nil {
        return nil, err
    }
    return images, nil
}
''')
cases_of(case, GH + 'pressly/imgry/pull/28', 'server/middleware.go',
         G('server', ['context', 'fmt', 'net/http', '', 'github.com/pressly/imgry',
                      'golang.org/x/sync/errgroup'])(IMGRY), [
             (1, 'go-00-imgry-throttle-waits-past-cancelled-request',
              'an edit makes the throttle wait for a slot with a bare channel send, so requests whose clients '
              'went away stay parked behind the slots until each gets one', 'edit'),
             (2, 'go-00-imgry-bucket-fetch-unbounded',
              'an edit drops the fetcher limit of the bucket download, so a request naming a thousand images '
              'starts a thousand downloads at once', 'edit'),
             (0, 'go-ok-00-imgry-throttle-gives-up-with-client',
              'clean: the fix lets a waiting request give up when its client does', 'fix'),
         ])
