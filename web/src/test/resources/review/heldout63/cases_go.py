"""Round-63 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-01: release list of a Terraform version switcher CLI (tgswitch)
TGSWITCH = template('tgswitch-release-list', r'''
const defaultMirror = "https://releases.hashicorp.com/terraform/"

// client is shared by every request the switcher makes to a release mirror.
var client = &http.Client{Timeout: 20 * time.Second}

// GetTFList returns the Terraform versions the mirror lists, newest first; preRelease keeps alpha, beta and rc builds.
func GetTFList(mirrorURL string, preRelease bool) ([]string, error) {
    body, err := getTFBody(mirrorURL)
    if err != nil {
        return nil, err
    }
    pattern := `terraform_(\d+\.\d+\.\d+)<`
    if preRelease {
        pattern = `terraform_(\d+\.\d+\.\d+(?:-\w+)?)<`
    }
    semver := regexp.MustCompile(pattern)
    var versions []string
    seen := make(map[string]bool)
    for _, m := range semver.FindAllStringSubmatch(body, -1) {
        if !seen[m[1]] {
            seen[m[1]] = true
            versions = append(versions, m[1])
        }
    }
    if len(versions) == 0 {
        return nil, fmt.Errorf("no terraform versions listed at %s", mirrorURL)
    }
    return versions, nil
}

// getTFBody fetches the mirror's index page.
func getTFBody(mirrorURL string) (string, error) {
    if mirrorURL == "" {
        mirrorURL = defaultMirror
    }
    if !strings.HasSuffix(mirrorURL, "/") {
        mirrorURL += "/"
    }
01|    resp, err := client.Get(mirrorURL)
2|    resp, err := http.Get(mirrorURL) //@TMO-01
    if err != nil { //@{1}RES-02
        return "", fmt.Errorf("fetch %s: %w", mirrorURL, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("fetch %s: %s", mirrorURL, resp.Status)
    }
    data, err := io.ReadAll(resp.Body)
    if err != nil {
        return "", fmt.Errorf("read %s: %w", mirrorURL, err)
    }
    return string(data), nil
}

// DownloadFromURL saves the archive at url into dir and returns the file's path.
func DownloadFromURL(dir string, url string) (string, error) {
    path := filepath.Join(dir, url[strings.LastIndex(url, "/")+1:])
    resp, err := client.Get(url)
    if err != nil {
        return "", fmt.Errorf("download %s: %w", url, err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("download %s: %s", url, resp.Status)
    }
    out, err := os.Create(path)
    if err != nil {
        return "", err
    }
    if _, err := io.Copy(out, resp.Body); err != nil {
        out.Close()
        return "", fmt.Errorf("save %s: %w", path, err)
    }
    return path, out.Close()
}
''')
cases_of(case, GH + 'warrensbox/tgswitch/issues/20', 'lib/list_versions.go',
         G('lib', ['fmt', 'io', 'net/http', 'os', 'path/filepath', 'regexp', 'strings', 'time'])(TGSWITCH), [
             (1, 'go-00-tgswitch-release-index-body-never-closed',
              'an edit drops the deferred close of the release index response, so every listing keeps a connection '
              'to the mirror open for as long as the switcher runs', 'edit'),
             (2, 'go-00-tgswitch-release-index-on-default-client',
              'an edit fetches the release index with http.Get, on the default client without a timeout, so a '
              'mirror that stops answering hangs the switcher for good', 'edit'),
             (0, 'go-ok-00-tgswitch-release-index-body-closed',
              'clean: the fix closes the release index response by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: groups of a self-hosted forum on SQLite (orangeforum)
ORANGEFORUM = template('orangeforum-groups', r'''
// Group is one board of the forum.
type Group struct {
    ID        int64
    Name      string
    Desc      string
    IsSticky  bool
    CreatedAt int64
}

// Groups lists the groups a visitor sees on the index page, sticky groups first.
func Groups(db *sql.DB, includeClosed bool) ([]Group, error) {
    query := `SELECT id, name, description, is_sticky, created_date FROM groups`
    if !includeClosed {
        query += ` WHERE is_closed = 0`
    }
    query += ` ORDER BY is_sticky DESC, name`
    rows, err := db.Query(query)
    if err != nil { //@{1}RES-01
        return nil, fmt.Errorf("list groups: %w", err)
    }
02|    defer rows.Close()
    var groups []Group
    for rows.Next() {
        var g Group
        if err := rows.Scan(&g.ID, &g.Name, &g.Desc, &g.IsSticky, &g.CreatedAt); err != nil {
            return nil, fmt.Errorf("scan group: %w", err)
        }
        groups = append(groups, g)
    }
    return groups, rows.Err()
}

// CreateGroup stores a new group and makes its creator the group's first moderator.
func CreateGroup(db *sql.DB, name, desc string, ownerID int64) (int64, error) {
    tx, err := db.Begin()
    if err != nil { //@{2}TX-01
        return 0, fmt.Errorf("begin: %w", err)
    }
01|    defer tx.Rollback()
    now := time.Now().Unix()
    res, err := tx.Exec(`INSERT INTO groups(name, description, is_sticky, is_closed, created_date) VALUES(?, ?, 0, 0, ?)`,
        name, desc, now)
    if err != nil {
        return 0, fmt.Errorf("insert group %q: %w", name, err)
    }
    groupID, err := res.LastInsertId()
    if err != nil {
        return 0, err
    }
    if _, err := tx.Exec(`INSERT INTO mods(groupid, userid, created_date) VALUES(?, ?, ?)`, groupID, ownerID, now); err != nil {
        return 0, fmt.Errorf("add moderator %d: %w", ownerID, err)
    }
    if err := tx.Commit(); err != nil {
        return 0, fmt.Errorf("commit group %q: %w", name, err)
    }
    return groupID, nil
}
''')
cases_of(case, GH + 's-gv/orangeforum/issues/86', 'models/groups.go',
         G('models', ['database/sql', 'fmt', 'time'])(ORANGEFORUM), [
             (1, 'go-00-orangeforum-group-rows-never-closed',
              'an edit drops the deferred close of the group listing\'s rows, so every index page holds a SQLite '
              'read lock and the next write fails with database is locked', 'edit'),
             (2, 'go-00-orangeforum-duplicate-group-leaves-transaction-open',
              'an edit drops the deferred rollback of the group transaction, so a failed insert of a duplicate '
              'name returns with the transaction open and keeps the SQLite write lock and the forum stops accepting posts', 'edit'),
             (0, 'go-ok-00-orangeforum-group-rows-closed',
              'clean: the fix closes the group listing\'s rows by defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-03: feed fetcher of a self-hosted RSS reader (goread)
GOREAD = template('goread-fetch', r'''
const maxIconSize = 64 << 10

var fetchClient = &http.Client{Timeout: 30 * time.Second}

// fetchFeed downloads one feed and parses its items.
func fetchFeed(feedURL string) (*Feed, []*Story, error) {
    req, err := http.NewRequest("GET", feedURL, nil)
    if err != nil {
        return nil, nil, err
    }
    req.Header.Set("User-Agent", "goread/1.0 (+https://www.goread.io)")
    resp, err := fetchClient.Do(req)
    if err != nil { //@{1}RES-02
        return nil, nil, fmt.Errorf("fetch %s: %w", feedURL, err)
    }
02|    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, nil, fmt.Errorf("fetch %s: %s", feedURL, resp.Status)
    }
    body, err := io.ReadAll(resp.Body)
    if err != nil {
        return nil, nil, fmt.Errorf("read %s: %w", feedURL, err)
    }
    return ParseFeed(feedURL, body)
}

// fetchIcons downloads the favicon of every feed that has none yet; a failed icon is skipped.
func fetchIcons(feeds []*Feed) map[string][]byte {
    icons := make(map[string][]byte)
    for _, feed := range feeds {
        if feed.Image != "" || feed.Link == "" {
            continue
        }
        iconURL := strings.TrimSuffix(feed.Link, "/") + "/favicon.ico"
        resp, err := fetchClient.Get(iconURL)
        if err != nil {
            log.Printf("icon %s: %v", iconURL, err)
            continue
        }
        data, err := io.ReadAll(io.LimitReader(resp.Body, maxIconSize))
01|        resp.Body.Close()
2|        defer resp.Body.Close() //@RES-03
        if err != nil || resp.StatusCode != http.StatusOK || len(data) == 0 {
            continue
        }
        icons[feed.URL] = data
    }
    return icons
}
''')
cases_of(case, GH + 'madelynnblue/goread/pull/70', 'goapp/fetch.go',
         G('goapp', ['fmt', 'io', 'log', 'net/http', 'strings', 'time'])(GOREAD), [
             (1, 'go-00-goread-feed-body-never-closed',
              'an edit drops the deferred close of the feed response, so each refresh of a subscription leaves a '
              'connection and its buffers behind', 'edit'),
             (2, 'go-00-goread-icon-bodies-closed-by-defer-in-loop',
              'an edit defers the close of each favicon response inside the loop over feeds, so a user with '
              'hundreds of feeds holds every icon connection until the whole pass ends', 'edit'),
             (0, 'go-ok-00-goread-feed-body-closed',
              'clean: the fix closes the feed response by defer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-03: metadata workers of a photo sorting CLI (moraine)
MORAINE = template('moraine-read-meta', r'''
// Summary counts what a run did; Failed maps a photo's path to the reason it was skipped.
type Summary struct {
    Sorted int
    Failed map[string]string
}

// App sorts a tree of photos into dated folders.
type App struct {
    log     *slog.Logger
    workers int
    mu      sync.Mutex
    summary Summary
}

type photoMeta struct {
    path  string
    taken time.Time
}

// readMeta reads the EXIF data of every photo with a pool of workers; a photo that cannot be read is recorded in the
// summary and skipped, it never ends the run.
func (a *App) readMeta(ctx context.Context, paths []string) []photoMeta {
    jobs := make(chan string)
    results := make(chan photoMeta, len(paths))
    var wg sync.WaitGroup
    for i := 0; i < a.workers; i++ {
        wg.Add(1)
        go func() { //@{1}CONC-01
            defer wg.Done()
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    a.log.Error("metadata worker stopped by a panic", "panic", r)
02|                }
02|            }()
            for path := range jobs {
                taken, err := exifmeta.Read(path)
                if err != nil {
01|                    a.mu.Lock()
                    a.summary.Failed[path] = err.Error() //@{2}CONC-03
01|                    a.mu.Unlock()
                    continue
                }
                results <- photoMeta{path: path, taken: taken}
            }
        }()
    }
feed:
    for _, p := range paths {
        select {
        case jobs <- p:
        case <-ctx.Done():
            break feed
        }
    }
    close(jobs)
    wg.Wait()
    close(results)
    metas := make([]photoMeta, 0, len(paths))
    for m := range results {
        metas = append(metas, m)
    }
    return metas
}
''')
cases_of(case, GH + 'sgaunet/moraine/issues/32', 'internal/app/app.go',
         G('app', ['context', 'log/slog', 'sync', 'time', '', 'github.com/sgaunet/moraine/internal/exifmeta'])(MORAINE), [
             (1, 'go-00-moraine-metadata-worker-without-recover',
              'an edit drops the recover of the metadata workers, so one malformed photo that panics the EXIF '
              'parser aborts a sort of thousands of photos', 'edit'),
             (2, 'go-00-moraine-failures-recorded-without-lock',
              'an edit records unreadable photos in the shared summary map without the mutex, so two workers '
              'failing at once crash the run with concurrent map writes', 'edit'),
             (0, 'go-ok-00-moraine-metadata-worker-recovers',
              'clean: the fix recovers and logs a panic in each metadata worker', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: thumbnail extension of an OCFL archiving CLI (gocfl)
GOCFL = template('gocfl-thumbnail', r'''
// Thumbnail writes a preview image next to every image the object holds; thumbnails are made by parallel workers.
type Thumbnail struct {
    width, height int
    mu            sync.Mutex
    sources       map[string]string
}

func NewThumbnail(width, height int) *Thumbnail {
    return &Thumbnail{width: width, height: height, sources: make(map[string]string)}
}

// Create decodes each image of paths, scales it and writes it below dir; it returns the first error of any worker.
func (t *Thumbnail) Create(paths []string, dir string, workers int) error {
    var g errgroup.Group
    g.SetLimit(workers)
    for _, p := range paths {
        p := p
        g.Go(func() error {
            img, err := decode(p)
            if err != nil {
                return fmt.Errorf("decode %s: %w", p, err)
            }
            thumb := scale(img, t.width, t.height)
            target := filepath.Join(dir, strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))+".png")
            w, err := os.Create(target)
            if err != nil {
                return err
            }
01|            if err := png.Encode(w, thumb); err != nil {
01|                w.Close()
01|                return fmt.Errorf("encode thumbnail of %s: %w", p, err)
01|            }
2|            _ = png.Encode(w, thumb) //@ERR-01
            if err := w.Close(); err != nil {
                return err
            }
02|            t.mu.Lock()
            t.sources[target] = p //@{1}CONC-03
02|            t.mu.Unlock()
            return nil
        })
    }
    return g.Wait()
}

func decode(path string) (image.Image, error) {
    f, err := os.Open(path)
    if err != nil {
        return nil, err
    }
    defer f.Close()
    img, _, err := image.Decode(f)
    return img, err
}

func scale(src image.Image, width, height int) image.Image {
    dst := image.NewRGBA(image.Rect(0, 0, width, height))
    draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
    return dst
}
''')
cases_of(case, GH + 'ocfl-archive/gocfl/pull/120', 'extension/thumbnail.go',
         G('extension', ['fmt', 'image', 'image/png', 'os', 'path/filepath', 'strings', 'sync', '',
                         'golang.org/x/image/draw', 'golang.org/x/sync/errgroup'])(GOCFL), [
             (1, 'go-00-gocfl-thumbnail-sources-written-without-lock',
              'an edit records each thumbnail\'s source in the shared map without the mutex, so parallel workers '
              'crash the archiver with concurrent map writes on a large object', 'edit'),
             (2, 'go-00-gocfl-thumbnail-encode-error-dropped',
              'an edit discards the error of encoding a thumbnail, so a failed write leaves an empty or broken '
              'preview in the archive and the run reports success', 'edit'),
             (0, 'go-ok-00-gocfl-thumbnail-sources-locked',
              'clean: the fix records thumbnail sources under the mutex', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: convert command of a GeoParquet CLI, moved (gpq)
GPQ = template('gpq-convert-command', r'''
// ConvertCmd converts a GeoJSON file or a GeoParquet file into the other format.
type ConvertCmd struct {
    Input       string `arg:"" help:"Input file." type:"existingfile"`
    Output      string `arg:"" help:"Output file."`
    Compression string `help:"Parquet compression codec." default:"zstd"`
    RowGroup    int    `help:"Rows per row group." default:"10000"`
}

func (c *ConvertCmd) Run() (err error) {
    input, err := os.Open(c.Input)
    if err != nil { //@{2}RES-01
        return fmt.Errorf("open %s: %w", c.Input, err)
    }
01|    defer input.Close()

    output, err := os.Create(c.Output)
    if err != nil {
        return fmt.Errorf("create %s: %w", c.Output, err)
    }
02|    defer func() {
02|        if closeErr := output.Close(); closeErr != nil && err == nil {
02|            err = fmt.Errorf("close %s: %w", c.Output, closeErr)
02|        }
02|    }()
1|    defer output.Close() //@ERR-01

    if strings.HasSuffix(c.Input, ".parquet") {
        return geojson.FromParquet(input, output)
    }
    options := &geojson.ConvertOptions{
        Compression:    c.Compression,
        RowGroupLength: c.RowGroup,
    }
    return geojson.ToParquet(input, output, options)
}
''')
cases_of(case, GH + 'planetlabs/gpq/pull/108', 'cmd/gpq/command/convert.go',
         G('command', ['fmt', 'os', 'strings', '', 'github.com/planetlabs/gpq/internal/geojson'])(GPQ), [
             (1, 'go-00-gpq-moved-convert-close-error-lost',
              'a PR moves the convert command into its own package and closes the output file by a plain defer, so '
              'a failed flush of the written parquet file is lost and the command exits 0 with a truncated file',
              'rename'),
             (2, 'go-00-gpq-moved-convert-input-never-closed',
              'a PR moves the convert command into its own package and drops the close of the input file, so every '
              'conversion leaves its input open', 'rename'),
             (0, 'go-ok-00-gpq-moved-convert-command',
              'clean: the move alone; the input is closed and the output\'s close error is returned', 'rename'),
         ], rename_from='cmd/gpq/convert.go', rename_old=lambda t: t.replace('package command', 'package main'))


# ---------------------------------------------------------------- TIME-01 / TMO-02: spot instance listing of a dev environment CLI (dev-spaces)
DEVSPACES = template('dev-spaces-list', r'''
const expiryTag = "dev-spaces:expires-at"
const expiryLayout = "2006-01-02 15:04:05"

// ListSpaces prints every dev space of owner with its state and the hours left before it is stopped.
func ListSpaces(ctx context.Context, client *ec2.Client, owner string) error {
    input := &ec2.DescribeInstancesInput{
        Filters: []types.Filter{
            {Name: aws.String("tag:dev-spaces:owner"), Values: []string{owner}},
            {Name: aws.String("instance-state-name"), Values: []string{"pending", "running", "stopped"}},
        },
    }
01|    out, err := client.DescribeInstances(ctx, input)
2|    out, err := client.DescribeInstances(context.Background(), input) //@TMO-02
    if err != nil {
        return fmt.Errorf("describe instances of %s: %w", owner, err)
    }
    now := time.Now().UTC()
    for _, r := range out.Reservations {
        for _, inst := range r.Instances {
            name, expires := "", ""
            for _, tag := range inst.Tags {
                switch aws.ToString(tag.Key) {
                case "Name":
                    name = aws.ToString(tag.Value)
                case expiryTag:
                    expires = aws.ToString(tag.Value)
                }
            }
            left := "-"
            if expires != "" {
02|                at, err := time.ParseInLocation(expiryLayout, expires, time.UTC)
1|                at, err := time.Parse(expiryLayout, expires) //@TIME-01
                if err == nil {
                    left = fmt.Sprintf("%.1fh", at.Sub(now).Hours())
                }
            }
            fmt.Printf("%-20s %-12s %-10s %s\n", name, aws.ToString(inst.InstanceId), inst.State.Name, left)
        }
    }
    return nil
}
''')
cases_of(case, GH + 'felipemarinho97/dev-spaces/pull/1', 'handlers/list.go',
         G('handlers', ['context', 'fmt', 'time', '', 'github.com/aws/aws-sdk-go-v2/aws',
                        'github.com/aws/aws-sdk-go-v2/service/ec2', 'github.com/aws/aws-sdk-go-v2/service/ec2/types'])(DEVSPACES), [
             (1, 'go-00-dev-spaces-expiry-parsed-without-zone',
              'an edit parses the expiry tag without a zone, so on a laptop outside UTC the hours left before a dev '
              'space is stopped are off by the local offset', 'edit'),
             (2, 'go-00-dev-spaces-describe-on-background-context',
              'an edit describes the instances on a background context instead of the command\'s, so Ctrl-C and the '
              'command timeout no longer stop a slow AWS call', 'edit'),
             (0, 'go-ok-00-dev-spaces-expiry-parsed-in-utc',
              'clean: the fix parses the expiry tag in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: Bigtable client of a Bigtable shell (btcli)
BTCLI = template('btcli-bigtable-repository', r'''
// Repository reads rows of one Bigtable instance for the shell's commands.
type Repository struct {
    client  *bigtable.Client
    timeout time.Duration
}

// NewRepository opens a client of the instance; timeout bounds every read the shell makes.
func NewRepository(ctx context.Context, project, instance string, timeout time.Duration) (*Repository, error) {
    client, err := bigtable.NewClient(ctx, project, instance)
    if err != nil {
        return nil, fmt.Errorf("bigtable client for %s/%s: %w", project, instance, err)
    }
    return &Repository{client: client, timeout: timeout}, nil
}

// Get reads one row.
func (r *Repository) Get(ctx context.Context, table, key string) (bigtable.Row, error) {
0|    ctx, cancel := context.WithTimeout(ctx, r.timeout)
0|    defer cancel()
0|    return r.client.Open(table).ReadRow(ctx, key)
1|    return r.client.Open(table).ReadRow(ctx, key) //@TMO-01
2|    rctx, _ := context.WithTimeout(ctx, r.timeout) //@TMO-03
2|    return r.client.Open(table).ReadRow(rctx, key)
}

// Read reads the rows of a range, at most limit of them, and hands each to fn.
func (r *Repository) Read(ctx context.Context, table string, rr bigtable.RowRange, limit int64, fn func(bigtable.Row) bool) error {
    ctx, cancel := context.WithTimeout(ctx, r.timeout)
    defer cancel()
    return r.client.Open(table).ReadRows(ctx, rr, fn, bigtable.LimitRows(limit))
}

// Close closes the client.
func (r *Repository) Close() error {
    return r.client.Close()
}
''')
cases_of(case, GH + 'takashabe/btcli/pull/28', 'pkg/repository/bigtable.go',
         G('repository', ['context', 'fmt', 'time', '', 'cloud.google.com/go/bigtable'])(BTCLI), [
             (1, 'go-00-btcli-new-repository-get-without-timeout',
              'a new Bigtable repository reads a single row with the caller\'s context alone, so a get against an '
              'unreachable instance hangs the shell', 'new'),
             (2, 'go-00-btcli-new-repository-get-timeout-never-cancelled',
              'a new Bigtable repository bounds a single-row read by a timeout context whose cancel it discards, so '
              'every get leaves a timer behind until the timeout passes', 'new'),
             (0, 'go-ok-00-btcli-new-repository',
              'clean: a new Bigtable repository whose every read is bounded by a cancelled timeout', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-01: upload queue of a peer-to-peer file sharing node (filefilego)
FILEFILEGO = template('filefilego-upload-queue', r'''
// uploadJob is one file a peer asked for.
type uploadJob struct {
    peer     peer.ID
    fileHash string
    path     string
}

// UploadQueue sends requested files to peers with a fixed number of workers.
type UploadQueue struct {
    jobs      chan uploadJob
    chunkSize int
    send      func(ctx context.Context, to peer.ID, chunk []byte, index int) error
}

// Start runs the workers until ctx ends.
func (q *UploadQueue) Start(ctx context.Context, workers int) {
    for i := 0; i < workers; i++ {
        go func(id int) { //@{1}CONC-01
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    log.Errorf("upload worker %d recovered from panic: %v", id, r)
02|                }
02|            }()
            for {
                select {
                case <-ctx.Done():
                    return
                case job := <-q.jobs:
                    if err := q.upload(ctx, job); err != nil {
                        log.Warnf("upload of %s to %s failed: %v", job.fileHash, job.peer, err)
                    }
                }
            }
        }(i)
    }
}

func (q *UploadQueue) upload(ctx context.Context, job uploadJob) error {
    f, err := os.Open(job.path)
    if err != nil {
        return err
    }
    defer f.Close()
    buf := make([]byte, q.chunkSize)
    for index := 0; ; index++ {
        n, err := io.ReadFull(f, buf)
        if n > 0 {
            if err := q.send(ctx, job.peer, buf[:n], index); err != nil {
                return fmt.Errorf("chunk %d: %w", index, err)
            }
2|            log.Infof("sent chunk %d (%d bytes) of %s to %s", index, n, job.fileHash, job.peer) //@LOG-01
        }
        if err == io.EOF || err == io.ErrUnexpectedEOF {
            return nil
        }
        if err != nil {
            return err
        }
    }
}
''')
cases_of(case, GH + 'filefilego/filefilego/issues/220', 'node/upload_queue.go',
         G('node', ['context', 'fmt', 'io', 'os', '', 'github.com/libp2p/go-libp2p/core/peer',
                    'log github.com/sirupsen/logrus'])(FILEFILEGO), [
             (1, 'go-00-filefilego-upload-worker-without-recover',
              'an edit drops the recover of the upload workers, so one panic while sending a large file takes the '
              'whole node down', 'edit'),
             (2, 'go-00-filefilego-every-chunk-logged',
              'an edit logs every chunk sent at info level, so one 8 GB upload writes tens of thousands of lines', 'edit'),
             (0, 'go-ok-00-filefilego-upload-worker-recovers',
              'clean: the fix recovers and logs a panic in each upload worker', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TX-02: PostgreSQL persistence of an Ethereum network monitor (xatu)
XATU = template('xatu-persistence-node-records', r'''
// NodeRecord is one discovered execution or consensus node.
type NodeRecord struct {
    Enr       string
    NodeID    string
    FirstSeen time.Time
    LastSeen  time.Time
    Attempts  int
}

// Client keeps node records in PostgreSQL.
type Client struct {
    db  *sql.DB
    log logrus.FieldLogger
}

// GetNodeRecord returns the record with the given ENR, or nil when there is none.
func (c *Client) GetNodeRecord(ctx context.Context, enr string) (*NodeRecord, error) {
    var r NodeRecord
02|    row := c.db.QueryRowContext(ctx, `SELECT enr, node_id, first_seen, last_seen, attempts FROM node_record WHERE enr = $1`, enr)
1|    row := c.db.QueryRow(`SELECT enr, node_id, first_seen, last_seen, attempts FROM node_record WHERE enr = $1`, enr) //@TMO-02
    err := row.Scan(&r.Enr, &r.NodeID, &r.FirstSeen, &r.LastSeen, &r.Attempts)
    if errors.Is(err, sql.ErrNoRows) {
        return nil, nil
    }
    if err != nil {
        return nil, fmt.Errorf("get node record: %w", err)
    }
    return &r, nil
}

// UpsertNodeRecords stores a batch of records in one transaction.
func (c *Client) UpsertNodeRecords(ctx context.Context, records []*NodeRecord) error {
    tx, err := c.db.BeginTx(ctx, nil)
    if err != nil {
        return err
    }
    defer tx.Rollback()
    for _, r := range records {
        _, err := tx.ExecContext(ctx, `INSERT INTO node_record (enr, node_id, first_seen, last_seen, attempts)
            VALUES ($1, $2, $3, $4, 0)
            ON CONFLICT (enr) DO UPDATE SET last_seen = EXCLUDED.last_seen`, r.Enr, r.NodeID, r.FirstSeen, r.LastSeen)
        if err != nil {
            return fmt.Errorf("upsert %s: %w", r.NodeID, err)
        }
    }
01|    return tx.Commit()
2|    tx.Commit() //@TX-02
2|    c.log.WithField("records", len(records)).Debug("Upserted node records")
2|    return nil
}
''')
cases_of(case, GH + 'ethpandaops/xatu/pull/78', 'pkg/server/persistence/node_record.go',
         G('persistence', ['context', 'database/sql', 'errors', 'fmt', 'time', '', 'github.com/sirupsen/logrus'])(XATU), [
             (1, 'go-00-xatu-node-record-read-without-context',
              'an edit reads a node record with QueryRow instead of QueryRowContext, so a slow database keeps the '
              'gRPC handler waiting after its caller has gone', 'edit'),
             (2, 'go-00-xatu-node-record-commit-unchecked',
              'an edit ignores the error of committing a batch of node records and logs success, so a failed '
              'commit silently drops the whole batch', 'edit'),
             (0, 'go-ok-00-xatu-node-record-read-with-context',
              'clean: the fix reads node records with the request context', 'fix'),
         ])
