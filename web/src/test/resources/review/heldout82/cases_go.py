"""Round-82 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-02 / ERR-01: thumbnails of a screen-recording host (sendrec)
SENDREC = template('sendrec-video-thumbnail', r'''
const thumbnailWidth = 640

// generateThumbnail grabs one frame about a second into the recording and writes it as the video's JPEG thumbnail.
// Short clips are grabbed at their first frame, since seeking past their end leaves ffmpeg with nothing to write.
func generateThumbnail(ctx context.Context, inputPath, outputPath string) error {
    seek := "1"
    if duration, err := probeDuration(ctx, inputPath); err == nil && duration < 2 {
        seek = "0"
    }

    args := []string{
        "-y", "-ss", seek, "-i", inputPath,
        "-frames:v", "1",
        "-vf", fmt.Sprintf("scale=%d:-2", thumbnailWidth),
        "-q:v", "4",
        outputPath,
    }
1|    cmd := exec.Command("ffmpeg", args...) //@TMO-02
02|    cmd := exec.CommandContext(ctx, "ffmpeg", args...)
    var stderr bytes.Buffer
    cmd.Stderr = &stderr
    if err := cmd.Run(); err != nil {
        return fmt.Errorf("ffmpeg thumbnail of %s: %w: %s", filepath.Base(inputPath), err, lastLine(stderr.String()))
    }
    return nil
}

// probeDuration asks ffprobe for the length of the recording in seconds.
func probeDuration(ctx context.Context, inputPath string) (float64, error) {
    cmd := exec.CommandContext(ctx, "ffprobe",
        "-v", "error",
        "-show_entries", "format=duration",
        "-of", "default=noprint_wrappers=1:nokey=1",
        inputPath)
    out, err := cmd.Output()
    if err != nil {
        return 0, fmt.Errorf("ffprobe duration: %w", err)
    }
01|    duration, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
01|    if err != nil {
01|        return 0, fmt.Errorf("ffprobe duration %q: %w", strings.TrimSpace(string(out)), err)
01|    }
2|    duration, _ := strconv.ParseFloat(strings.TrimSpace(string(out)), 64) //@ERR-01
    return duration, nil
}

func lastLine(s string) string {
    s = strings.TrimSpace(s)
    if i := strings.LastIndexByte(s, '\n'); i >= 0 {
        return s[i+1:]
    }
    return s
}
''')
cases_of(case, GH + 'sendrec/sendrec/pull/207', 'internal/video/thumbnail.go',
         G('video', ['bytes', 'context', 'fmt', 'os/exec', 'path/filepath', 'strconv', 'strings'])(SENDREC), [
             (1, 'go-00-sendrec-thumbnail-ffmpeg-outlives-job-context',
              'an edit runs the thumbnail\'s ffmpeg without the job\'s context, so a stuck encode keeps running '
              'after the ten-minute job deadline has passed and its memory stays held', 'edit'),
             (2, 'go-00-sendrec-thumbnail-duration-parse-error-dropped',
              'an edit drops the error of parsing ffprobe\'s duration, so an unreadable answer reads as a zero-length '
              'clip and every such video gets its thumbnail from the first, often black, frame', 'edit'),
             (0, 'go-ok-00-sendrec-thumbnail-ffmpeg-bound-to-context',
              'clean: the fix starts ffmpeg with the caller\'s context so the job deadline stops it', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: frame sampler of a network video recorder (MiBeeNvr)
MIBEE = template('mibeenvr-hub-sampler', r'''
const sampleTimeout = 5 * time.Second

// Sampler grabs a still frame from a camera's live stream at a fixed interval for the motion and preview pipeline.
type Sampler struct {
    cameraID string
    inputURL string
    interval time.Duration
    frames   chan<- Frame
    logger   *slog.Logger
}

// Start runs the sampler until ctx is done.
func (s *Sampler) Start(ctx context.Context) {
01|    go func() {
01|        defer func() {
01|            if r := recover(); r != nil {
01|                s.logger.Error("sampler panic", "camera", s.cameraID, "panic", r, "stack", string(debug.Stack()))
01|            }
01|        }()
01|        s.loop(ctx)
01|    }()
2|    go s.loop(ctx) //@CONC-01
}

func (s *Sampler) loop(ctx context.Context) {
    ticker := time.NewTicker(s.interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            frame, err := s.sample(ctx)
            if err != nil {
                s.logger.Warn("sample failed", "camera", s.cameraID, "err", err)
                continue
            }
            select {
            case s.frames <- frame:
            default:
                // The consumer is behind; drop this frame rather than block the next sample.
            }
        }
    }
}

// sample runs one ffmpeg that reads a single JPEG frame from the stream.
func (s *Sampler) sample(parent context.Context) (Frame, error) {
    ctx, cancel := context.WithTimeout(parent, sampleTimeout) //@{1}TMO-03
02|    defer cancel()
    cmd := exec.CommandContext(ctx, "ffmpeg",
        "-rtsp_transport", "tcp", "-i", s.inputURL,
        "-frames:v", "1", "-f", "image2", "-c:v", "mjpeg", "pipe:1")
    out, err := cmd.Output()
    if err != nil {
1|        cancel()
        return Frame{}, fmt.Errorf("ffmpeg sample: %w", err)
    }
    return Frame{CameraID: s.cameraID, At: time.Now(), JPEG: out}, nil
}
''')
cases_of(case, GH + 'Mi-Bee-Studio/MiBeeNvr/issues/691', 'internal/livetranscode/sampler.go',
         GV('livetranscode', {0: ['context', 'fmt', 'log/slog', 'os/exec', 'runtime/debug', 'time'],
                              1: ['context', 'fmt', 'log/slog', 'os/exec', 'runtime/debug', 'time'],
                              2: ['context', 'fmt', 'log/slog', 'os/exec', 'time']})(MIBEE), [
             (1, 'go-00-mibeenvr-sampler-timeout-cancel-only-on-error',
              'an edit cancels each sample\'s timeout only when ffmpeg fails, so every successful sample leaves its '
              'timer and the command\'s context watcher behind until the deadline, hundreds an hour per camera', 'edit'),
             (2, 'go-00-mibeenvr-sampler-goroutine-without-recover',
              'an edit starts the sampler loop as a bare goroutine, so a panic while sampling one camera takes the '
              'whole recorder down', 'edit'),
             (0, 'go-ok-00-mibeenvr-sampler-timeout-always-cancelled',
              'clean: the fix defers the cancel of every sample\'s timeout', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: feed poller that posts new items to webhooks (rss2hook)
RSS2HOOK = template('rss2hook-fetch-and-post', r'''
// timeout bounds every feed fetch and every webhook post; a feed host that never answers must not stall the poll.
var timeout = flag.Duration("timeout", 5*time.Second, "timeout for fetching feeds and posting to webhooks")

var httpClient *http.Client

// fetchFeed fetches and parses one feed.
func fetchFeed(input string) (*gofeed.Feed, error) {
1|    res, err := http.Get(input) //@TMO-01
02|    res, err := httpClient.Get(input)
    if err != nil {
        return nil, err
    }
    defer res.Body.Close()
    if res.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("fetching %s: %s", input, res.Status)
    }
    return gofeed.NewParser().Parse(res.Body)
}

// webHook posts one feed item as JSON to the configured hook.
func webHook(hook string, item *gofeed.Item) error {
    data, err := json.Marshal(item)
    if err != nil {
        return err
    }
    res, err := httpClient.Post(hook, "application/json", bytes.NewReader(data))
    if err != nil { //@{2}RES-02
        return err
    }
01|    defer res.Body.Close()
    if res.StatusCode < 200 || res.StatusCode > 299 {
        return fmt.Errorf("posting to %s: %s", hook, res.Status)
    }
    return nil
}

func main() {
    config := flag.String("config", "", "the configuration file to read")
    flag.Parse()
    httpClient = &http.Client{Timeout: *timeout}

    entries, err := loadConfig(*config)
    if err != nil {
        fmt.Fprintf(os.Stderr, "reading %s: %s\n", *config, err)
        os.Exit(1)
    }
    for {
        for _, entry := range entries {
            checkFeed(entry)
        }
        time.Sleep(5 * time.Minute)
    }
}
''')
cases_of(case, GH + 'skx/rss2hook/pull/3', 'rss2hook.go',
         G('main', ['bytes', 'encoding/json', 'flag', 'fmt', 'net/http', 'os', 'time', '',
                    'github.com/mmcdole/gofeed'])(RSS2HOOK), [
             (1, 'go-00-rss2hook-feed-fetched-without-timeout',
              'an edit fetches feeds with the default client, so a feed host that accepts the connection and never '
              'answers stops the poller for good', 'edit'),
             (2, 'go-00-rss2hook-webhook-response-never-closed',
              'an edit drops the close of the webhook\'s response, so every posted item keeps a connection out of '
              'the pool for the life of the poller', 'edit'),
             (0, 'go-ok-00-rss2hook-feed-fetched-with-timeout',
              'clean: the fix fetches feeds with the client bounded by the -timeout flag', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-04: site icons of a metadata database (stash-box), renamed file
STASHBOX = template('stash-box-site-icons', r'''
const iconFetchTimeout = 5 * time.Second

var (
02|    iconMu    sync.RWMutex
    iconCache = make(map[uuid.UUID][]byte)
01|    iconClient = &http.Client{Timeout: iconFetchTimeout}
)

// GetSiteIcon answers the favicon of a site, fetched once from the site's own host and then kept in memory. The
// site list page asks for every icon at once, so this runs on many request goroutines together.
func GetSiteIcon(ctx context.Context, site models.Site) []byte {
02|    iconMu.RLock()
    icon, ok := iconCache[site.ID]
02|    iconMu.RUnlock()
    if ok {
        return icon
    }

    icon = fetchIcon(ctx, site.URL)
02|    iconMu.Lock()
    iconCache[site.ID] = icon //@{1}CONC-03
02|    iconMu.Unlock()
    return icon
}

func fetchIcon(ctx context.Context, siteURL *string) []byte {
    if siteURL == nil {
        return nil
    }
    u, err := url.Parse(*siteURL)
    if err != nil {
        return nil
    }
    iconURL := u.Scheme + "://" + u.Host + "/favicon.ico"
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, iconURL, nil)
    if err != nil {
        return nil
    }
2|    iconClient := &http.Client{Timeout: iconFetchTimeout} //@RES-04
    resp, err := iconClient.Do(req)
    if err != nil {
        return nil
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil
    }
    data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
    if err != nil {
        return nil
    }
    return data
}
''')
cases_of(case, GH + 'stashapp/stash-box/pull/547', 'pkg/image/site_icon.go',
         GV('image', {0: ['context', 'io', 'net/http', 'net/url', 'sync', 'time', '', 'github.com/gofrs/uuid', '',
                          'github.com/stashapp/stash-box/pkg/models'],
                      1: ['context', 'io', 'net/http', 'net/url', 'time', '', 'github.com/gofrs/uuid', '',
                          'github.com/stashapp/stash-box/pkg/models'],
                      2: ['context', 'io', 'net/http', 'net/url', 'sync', 'time', '', 'github.com/gofrs/uuid', '',
                          'github.com/stashapp/stash-box/pkg/models']})(STASHBOX), [
             (1, 'go-00-stash-box-renamed-icon-cache-written-without-lock',
              'a PR renames the favicon helpers and writes the icon cache without a lock, so the site list\'s '
              'parallel icon requests crash the server with a concurrent map write', 'rename'),
             (2, 'go-00-stash-box-renamed-icon-client-per-fetch',
              'a PR renames the favicon helpers and builds an HTTP client for every icon fetch, so no connection to a '
              'site\'s host is reused across the icons of one page', 'rename'),
             (0, 'go-ok-00-stash-box-renamed-icon-cache',
              'clean: the rename alone; the cache is guarded by a read-write lock and one client fetches every icon',
              'rename'),
         ], rename_from='pkg/image/favicon.go')


# ---------------------------------------------------------------- CONC-01 / ERR-01: thumbnail cache of a home-server file app (amahi-anywhere-fs), new file
AMAHI = template('amahi-thumbnail-cache', r'''
const thumbnailDir = ".fscache/thumbnails"

// startThumbnailCache fills the thumbnail cache of every share in the background, so that the first listing of a
// photo folder does not wait for its thumbnails. A failure is logged; the server keeps serving files without them.
func startThumbnailCache(shares []string) {
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                logError("thumbnail cache stopped: %v\n%s", r, debug.Stack())
02|            }
02|        }()
        for _, root := range shares {
01|            if err := filepath.Walk(root, cacheThumbnail); err != nil {
01|                logError("thumbnail cache of %s: %v", root, err)
01|            }
2|            filepath.Walk(root, cacheThumbnail) //@ERR-01
        }
    }()
}

// cacheThumbnail writes a small thumbnail next to every image it is walked over, unless a newer one is there.
func cacheThumbnail(path string, info os.FileInfo, err error) error {
    if err != nil {
        return err
    }
    if info.IsDir() {
        if info.Name() == ".fscache" {
            return filepath.SkipDir
        }
        return nil
    }
    if !isImage(info.Name()) {
        return nil
    }
    dir := filepath.Join(filepath.Dir(path), thumbnailDir)
    target := filepath.Join(dir, info.Name())
    if cached, err := os.Stat(target); err == nil && cached.ModTime().After(info.ModTime()) {
        return nil
    }
    if err := os.MkdirAll(dir, 0755); err != nil {
        return err
    }
    img, err := imaging.Open(path, imaging.AutoOrientation(true))
    if err != nil {
        logError("thumbnail of %s: %v", path, err)
        return nil
    }
    return imaging.Save(imaging.Thumbnail(img, 100, 100, imaging.CatmullRom), target)
}

func isImage(name string) bool {
    switch strings.ToLower(filepath.Ext(name)) {
    case ".jpg", ".jpeg", ".png", ".gif", ".bmp":
        return true
    }
    return false
}
''')
cases_of(case, GH + 'amahi/amahi-anywhere-fs/pull/20', 'src/fs/cache.go',
         GV('main', {0: ['os', 'path/filepath', 'runtime/debug', 'strings', '', 'github.com/disintegration/imaging'],
                     1: ['os', 'path/filepath', 'strings', '', 'github.com/disintegration/imaging'],
                     2: ['os', 'path/filepath', 'runtime/debug', 'strings', '',
                         'github.com/disintegration/imaging']})(AMAHI), [
             (1, 'go-00-amahi-new-thumbnail-cache-goroutine-without-recover',
              'a new thumbnail cache walks the shares in a bare goroutine, so one corrupt image that panics the '
              'decoder takes the whole file server down', 'new'),
             (2, 'go-00-amahi-new-thumbnail-cache-walk-error-dropped',
              'a new thumbnail cache drops the error of walking a share, so a share it cannot read is silently left '
              'without thumbnails', 'new'),
             (0, 'go-ok-00-amahi-new-thumbnail-cache',
              'clean: a new thumbnail cache whose goroutine recovers and logs, and whose walk errors are logged', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: parrot GIF service (ppaas)
PPAAS = template('ppaas-parrot-handler', r'''
// parrotHandler serves the party parrot recoloured with the colours of the query, one frame per colour.
func (s *server) parrotHandler(w http.ResponseWriter, r *http.Request) {
    colors, err := parseColors(r.URL.Query()["color"])
    if err != nil {
        http.Error(w, err.Error(), http.StatusBadRequest)
        return
    }

    f, err := os.Open(s.parrotPath)
    if err != nil {
        http.Error(w, "no parrot: "+err.Error(), http.StatusInternalServerError) //@{1}RES-01
        return
    }
02|    defer f.Close()

    parrot, err := gif.DecodeAll(f)
    if err != nil {
        log.Printf("decoding parrot: %v", err)
        http.Error(w, "bad parrot", http.StatusInternalServerError)
        return
    }

    for i, frame := range parrot.Image {
        c := colors[i%len(colors)]
2|        log.Printf("recolouring frame %d of %d with %v", i, len(parrot.Image), c) //@LOG-01
        frame.Palette = recolour(frame.Palette, c)
    }

    w.Header().Set("Content-Type", "image/gif")
    if err := gif.EncodeAll(w, parrot); err != nil {
        log.Printf("encoding parrot: %v", err)
    }
}
''')
cases_of(case, GH + 'fharding1/ppaas/issues/2', 'main.go',
         G('main', ['image/gif', 'log', 'net/http', 'os'])(PPAAS), [
             (1, 'go-00-ppaas-parrot-file-never-closed',
              'an edit opens the parrot GIF for every request and never closes it, so the server runs out of file '
              'descriptors after a few thousand parrots', 'edit'),
             (2, 'go-00-ppaas-log-line-per-frame',
              'an edit logs every recoloured frame of every request, so a busy hour writes millions of lines for '
              'the one request log it needs', 'edit'),
             (0, 'go-ok-00-ppaas-parrot-file-closed',
              'clean: the fix closes the parrot file when the handler returns', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-01: image listing of a terminal image tool (iterm2-imagetools), new file
IMGLS = template('iterm2-imgls', r'''
// imgls lists image files with an inline preview in iTerm2 terminals.
func main() {
    width := flag.String("width", "auto", "width of each preview (N cells, Npx or N%)")
    flag.Parse()

    paths := flag.Args()
    if len(paths) == 0 {
        paths = []string{"."}
    }
    files, err := collect(paths)
    if err != nil {
        fmt.Fprintln(os.Stderr, err)
        os.Exit(1)
    }
    for _, filename := range files {
0|        if err := show(filename, *width); err != nil {
0|            fmt.Fprintf(os.Stderr, "%s: %v\n", filename, err)
0|        }
12|        f, err := os.Open(filename) //@{2}RES-01
12|        if err != nil {
12|            fmt.Fprintf(os.Stderr, "%s: %v\n", filename, err)
12|            continue
12|        }
1|        defer f.Close() //@RES-03
12|        fi, err := f.Stat()
12|        if err != nil {
12|            fmt.Fprintf(os.Stderr, "%s: %v\n", filename, err)
12|            continue
12|        }
12|        fmt.Printf("%s %s\n", imgcat.Inline(f, fi.Size(), imgcat.Width(*width)), filepath.Base(filename))
    }
}
0|
0|// show prints one file with its preview; the file is closed before the next one is opened.
0|func show(filename, width string) error {
0|    f, err := os.Open(filename)
0|    if err != nil {
0|        return err
0|    }
0|    defer f.Close()
0|    fi, err := f.Stat()
0|    if err != nil {
0|        return err
0|    }
0|    fmt.Printf("%s %s\n", imgcat.Inline(f, fi.Size(), imgcat.Width(width)), filepath.Base(filename))
0|    return nil
0|}

// collect expands directories to the image files directly inside them.
func collect(paths []string) ([]string, error) {
    var files []string
    for _, p := range paths {
        fi, err := os.Stat(p)
        if err != nil {
            return nil, err
        }
        if !fi.IsDir() {
            files = append(files, p)
            continue
        }
        entries, err := os.ReadDir(p)
        if err != nil {
            return nil, err
        }
        for _, e := range entries {
            if !e.IsDir() && isImage(e.Name()) {
                files = append(files, filepath.Join(p, e.Name()))
            }
        }
    }
    return files, nil
}

func isImage(name string) bool {
    switch strings.ToLower(filepath.Ext(name)) {
    case ".png", ".jpg", ".jpeg", ".gif", ".webp":
        return true
    }
    return false
}
''')
cases_of(case, GH + 'olivere/iterm2-imagetools/pull/6', 'cmd/imgls/main.go',
         G('main', ['flag', 'fmt', 'os', 'path/filepath', 'strings', '',
                    'github.com/olivere/iterm2-imagetools/pkg/imgcat'])(IMGLS), [
             (1, 'go-00-iterm2-new-imgls-defer-close-in-loop',
              'a new image lister defers each file\'s close inside the loop over the files, so listing a large photo '
              'folder holds every file open until the last preview is printed', 'new'),
             (2, 'go-00-iterm2-new-imgls-file-never-closed',
              'a new image lister opens every listed file and never closes it', 'new'),
             (0, 'go-ok-00-iterm2-new-imgls',
              'clean: a new image lister that opens and closes each file in its own call', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-02: WebP frames of a pixel-display app renderer (pixlet)
PIXLET = template('pixlet-webp-frames', r'''
// InitFromWebP decodes an animated WebP into the image's frames and per-frame delays, scaled to the display.
func (p *Image) InitFromWebP(ctx context.Context, data []byte) error {
    decoder, err := webp.NewAnimationDecoder(data)
    if err != nil { //@{1}RES-01
        return fmt.Errorf("decoding image data: %w", err)
    }
02|    defer decoder.Close()

    anim, err := decoder.Decode()
    if err != nil {
        return fmt.Errorf("decoding image data: %w", err)
    }
    frames := make([]image.Image, 0, len(anim.Image))
    for _, frame := range anim.Image {
        frames = append(frames, frame)
    }
    scaled, err := scaleFrames(ctx, frames, p.Width, p.Height)
    if err != nil {
        return err
    }
    p.imgs = scaled
    p.delays = append(p.delays[:0], anim.Timestamp...)
    return nil
}

// scaleFrames resizes every frame for the display in parallel, one goroutine per CPU at most: an animation can have
// hundreds of frames and a render server decodes many animations at once.
func scaleFrames(ctx context.Context, frames []image.Image, width, height int) ([]image.Image, error) {
    out := make([]image.Image, len(frames))
    g, ctx := errgroup.WithContext(ctx)
01|    g.SetLimit(runtime.NumCPU())
    for i, frame := range frames {
        g.Go(func() error { //@{2}CONC-02
            if err := ctx.Err(); err != nil {
                return err
            }
            out[i] = imaging.Resize(frame, width, height, imaging.Lanczos)
            return nil
        })
    }
    return out, g.Wait()
}
''')
cases_of(case, GH + 'tronbyt/pixlet/pull/449', 'render/image.go',
         GV('render', {0: ['context', 'fmt', 'image', 'runtime', '', 'github.com/disintegration/imaging',
                           'github.com/tronbyt/go-libwebp/webp', 'golang.org/x/sync/errgroup'],
                       1: ['context', 'fmt', 'image', 'runtime', '', 'github.com/disintegration/imaging',
                           'github.com/tronbyt/go-libwebp/webp', 'golang.org/x/sync/errgroup'],
                       2: ['context', 'fmt', 'image', '', 'github.com/disintegration/imaging',
                           'github.com/tronbyt/go-libwebp/webp', 'golang.org/x/sync/errgroup']})(PIXLET), [
             (1, 'go-00-pixlet-webp-decoder-never-closed',
              'an edit drops the close of the WebP animation decoder, so the C memory of every decoded animation '
              'stays allocated and a render server grows until it is killed', 'edit'),
             (2, 'go-00-pixlet-frame-scaling-unbounded',
              'an edit drops the limit on the frame-scaling goroutines, so an animation of hundreds of frames starts '
              'hundreds of resizes at once on every render', 'edit'),
             (0, 'go-ok-00-pixlet-webp-decoder-closed',
              'clean: the fix closes the decoder when the frames are read', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-04: feed icons and page crawl of a feed reader (yarr)
YARR = template('yarr-server-handlers', r'''
01|var crawlClient = &http.Client{Timeout: 30 * time.Second}

// handleFeedIcon serves a feed's icon. Decoded icons are kept in the server's cache; the feed list asks for every
// icon at once, so this handler runs on many goroutines together.
func (s *Server) handleFeedIcon(c *router.Context) {
    id, err := c.VarInt64("id")
    if err != nil {
        c.Out.WriteHeader(http.StatusBadRequest)
        return
    }
    cachekey := "icon:" + strconv.FormatInt(id, 10)
02|    s.cacheMu.Lock()
    cachedat := s.cache[cachekey]
02|    s.cacheMu.Unlock()
    if cachedat == nil {
        feed := s.db.GetFeed(id)
        if feed == nil || feed.Icon == nil {
            c.Out.WriteHeader(http.StatusNotFound)
            return
        }
        icon := *feed.Icon
02|        s.cacheMu.Lock()
        s.cache[cachekey] = &icon //@{1}CONC-03
02|        s.cacheMu.Unlock()
        cachedat = &icon
    }
    icon := *(cachedat.(*[]byte))
    c.Out.Header().Set("Content-Type", http.DetectContentType(icon))
    c.Out.Header().Set("Cache-Control", "max-age=86400")
    c.Out.Write(icon)
}

// handlePageCrawl fetches an article's page and answers its readable content, for feeds that only carry a summary.
func (s *Server) handlePageCrawl(c *router.Context) {
    pageURL := c.Req.URL.Query().Get("url")
    if u, err := url.Parse(pageURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
        c.Out.WriteHeader(http.StatusBadRequest)
        return
    }
    req, err := http.NewRequestWithContext(c.Req.Context(), http.MethodGet, pageURL, nil)
    if err != nil {
        c.Out.WriteHeader(http.StatusBadRequest)
        return
    }
    req.Header.Set("User-Agent", "Yarr/1.0")
2|    crawlClient := &http.Client{Timeout: 30 * time.Second} //@RES-04
    res, err := crawlClient.Do(req)
    if err != nil {
        log.Print(err)
        c.Out.WriteHeader(http.StatusBadGateway)
        return
    }
    defer res.Body.Close()
    content, err := readability.ExtractContent(io.LimitReader(res.Body, 5<<20))
    if err != nil {
        log.Print(err)
        c.Out.WriteHeader(http.StatusNoContent)
        return
    }
    c.JSON(http.StatusOK, map[string]string{"content": silo.Sanitize(pageURL, content)})
}
''')
cases_of(case, GH + 'nkanaev/yarr/pull/102', 'src/server/routes_feeds.go',
         G('server', ['io', 'log', 'net/http', 'net/url', 'strconv', 'time', '',
                      'github.com/nkanaev/yarr/src/content/readability', 'github.com/nkanaev/yarr/src/content/silo',
                      'github.com/nkanaev/yarr/src/server/router'])(YARR), [
             (1, 'go-00-yarr-feed-icon-cache-written-without-lock',
              'an edit fills the server\'s icon cache without its lock, so opening a feed list with many icons crashes '
              'the reader with a concurrent map write', 'edit'),
             (2, 'go-00-yarr-page-crawl-client-per-request',
              'an edit builds an HTTP client for every crawled page, so no connection is kept alive between the '
              'articles a reader opens from the same site', 'edit'),
             (0, 'go-ok-00-yarr-feed-icon-cache-locked',
              'clean: the fix reads and fills the icon cache under the server\'s cache lock', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-02: playlist polling of an HLS downloader (gohls)
GOHLS = template('gohls-playlist-loop', r'''
// fetchPlaylist downloads and decodes the playlist at urlStr.
func fetchPlaylist(urlStr string) (m3u8.Playlist, m3u8.ListType, error) {
    req, err := newRequest(urlStr)
    if err != nil {
        return nil, 0, err
    }
    resp, err := client.Do(req)
    if err != nil { //@{2}RES-02
        return nil, 0, err
    }
01|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, 0, fmt.Errorf("playlist %s: %s", urlStr, resp.Status)
    }
    return m3u8.DecodeFrom(resp.Body, true)
}

// getPlaylist polls a live media playlist and queues every segment it has not seen, until recTime has passed.
func getPlaylist(urlStr string, recTime time.Duration, dlc chan *Download) {
    var recDuration time.Duration
    seen := lru.New(1024)
    playlistURL, err := url.Parse(urlStr)
    if err != nil {
        log.Fatal(err)
    }
    for {
02|        playlist, listType, err := fetchPlaylist(urlStr)
02|        if err != nil {
02|            log.Printf("playlist %s: %v", urlStr, err)
02|            time.Sleep(3 * time.Second)
02|            continue
02|        }
1|        playlist, listType, _ := fetchPlaylist(urlStr) //@ERR-01
        if listType != m3u8.MEDIA {
            log.Fatal("not a valid media playlist")
        }
        mpl := playlist.(*m3u8.MediaPlaylist)
        for _, v := range mpl.Segments {
            if v == nil {
                continue
            }
            msURL, err := playlistURL.Parse(v.URI)
            if err != nil {
                log.Print(err)
                continue
            }
            if _, hit := seen.Get(msURL.String()); !hit {
                seen.Add(msURL.String(), nil)
                recDuration += time.Duration(v.Duration * float64(time.Second))
                dlc <- &Download{URI: msURL.String(), totalDuration: recDuration}
            }
            if recTime != 0 && recDuration >= recTime {
                close(dlc)
                return
            }
        }
        if mpl.Closed {
            close(dlc)
            return
        }
        time.Sleep(time.Duration(int64(mpl.TargetDuration * float64(time.Second))))
    }
}
''')
cases_of(case, GH + 'kz26/gohls/pull/6', 'main.go',
         G('main', ['fmt', 'log', 'net/http', 'net/url', 'time', '', 'github.com/golang/groupcache/lru',
                    'github.com/grafov/m3u8'])(GOHLS), [
             (1, 'go-00-gohls-playlist-error-dropped',
              'an edit drops the error of fetching the playlist, so one failed poll of a live stream ends the whole '
              'recording as "not a valid media playlist" instead of being retried', 'edit'),
             (2, 'go-00-gohls-playlist-response-never-closed',
              'an edit drops the close of the playlist response, so every poll of a live stream keeps one more '
              'connection open for the whole recording', 'edit'),
             (0, 'go-ok-00-gohls-playlist-error-retried',
              'clean: the fix logs a failed playlist fetch and retries it after a pause', 'fix'),
         ])
