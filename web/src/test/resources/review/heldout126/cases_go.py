"""Round-126 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-02 / CONC-01: chunk reader of an RTMP server library (go-rtmp)
GORTMP = template('go-rtmp-chunk-reader', r'''
// chunkPump reads the chunk messages of one connection and hands them to the message handler. It stops when the
// connection's context ends, so a handler that is gone never leaves the reader blocked on a full channel.
type chunkPump struct {
    logger logrus.FieldLogger
    msgs   chan *ChunkMessage
}

func newChunkPump(logger logrus.FieldLogger, depth int) *chunkPump {
    return &chunkPump{logger: logger, msgs: make(chan *ChunkMessage, depth)}
}

// run starts the reader and returns a channel that receives the error that ended it.
func (p *chunkPump) run(ctx context.Context, r *ChunkStreamReader) <-chan error {
    errc := make(chan error, 1)
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if v := recover(); v != nil {
01|                p.logger.Errorf("rtmp: chunk reader panicked: %v", v)
01|                errc <- fmt.Errorf("rtmp: chunk reader panicked: %v", v)
01|            }
01|        }()
        for {
            msg, err := r.ReadChunkMessage()
            if err != nil {
                errc <- err
                return
            }
02|            select {
02|            case p.msgs <- msg:
02|            case <-ctx.Done():
02|                errc <- ctx.Err()
02|                return
02|            }
1|            p.msgs <- msg //@TMO-02
        }
    }()
    return errc
}
''')
cases_of(case, GH + 'yutopp/go-rtmp/pull/12', 'chunk_pump.go',
         G('rtmp', ['context', 'fmt', '', 'github.com/sirupsen/logrus'])(GORTMP), [
             (1, 'go-00-go-rtmp-chunk-pump-send-ignores-context',
              'an edit drops the select on the connection context, so a reader whose handler has gone stays blocked '
              'on the full message channel for ever', 'edit'),
             (2, 'go-00-go-rtmp-chunk-pump-reader-without-recover',
              'an edit drops the recover of the chunk reader goroutine, so a malformed chunk that panics the decoder '
              'takes the whole server down', 'edit'),
             (0, 'go-ok-00-go-rtmp-chunk-pump-send-watches-context',
              'clean: the fix sends each message in a select on the connection context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TMO-01: stream manager of an RTSP gateway (ruseon-core)
RUSEON = template('ruseon-stream-manager', r'''
// Manager owns the camera streams of the gateway. A housekeeping loop drops streams nobody watches and probes the
// sources of the others; a panic in one stream's checks must not end the loop for every other stream.
type Manager struct {
    mu      sync.Mutex
    streams map[string]*Stream
    cfg     Config
    log     *slog.Logger
}

func (m *Manager) housekeepingLoop(ctx context.Context) {
    ticker := time.NewTicker(m.cfg.HousekeepingInterval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
02|            m.safely("housekeeping", m.housekeep)
1|            m.housekeep() //@CONC-07
        }
    }
}

02|// safely runs fn; a panic is logged with its stack and the caller's loop goes on with its next tick.
02|func (m *Manager) safely(what string, fn func()) {
02|    defer func() {
02|        if r := recover(); r != nil {
02|            m.log.Error(what+" panicked", "panic", r, "stack", string(debug.Stack()))
02|        }
02|    }()
02|    fn()
02|}
02|
func (m *Manager) housekeep() {
    m.mu.Lock()
    idle := make([]*Stream, 0)
    live := make([]*Stream, 0, len(m.streams))
    for id, s := range m.streams {
        if s.Viewers() == 0 && time.Since(s.LastViewed()) > m.cfg.IdleTimeout {
            delete(m.streams, id)
            idle = append(idle, s)
            continue
        }
        live = append(live, s)
    }
    m.mu.Unlock()

    for _, s := range idle {
        if err := s.Close(); err != nil {
            m.log.Warn("closing idle stream failed", "stream", s.ID, "err", err)
        }
    }
    for _, s := range live {
        if err := m.probe(s); err != nil {
            m.log.Warn("stream source unreachable", "stream", s.ID, "source", s.Host, "err", err)
            s.MarkDegraded(err)
        }
    }
}

// probe checks that the RTSP source of a stream still accepts connections.
func (m *Manager) probe(s *Stream) error {
01|    conn, err := net.DialTimeout("tcp", s.Host, m.cfg.ProbeTimeout)
2|    conn, err := net.Dial("tcp", s.Host) //@TMO-01
    if err != nil {
        return fmt.Errorf("probe %s: %w", s.Host, err)
    }
    return conn.Close()
}
''')
_RU = ['context', 'fmt', 'log/slog', 'net', 'runtime/debug', 'sync', 'time']
cases_of(case, GH + 'RUSEGAL/ruseon-core/issues/71', 'internal/stream/manager.go',
         GV('stream', {0: _RU, 1: [i for i in _RU if i != 'runtime/debug'], 2: _RU})(RUSEON), [
             (1, 'go-00-ruseon-housekeeping-tick-without-recover',
              'an edit calls the housekeeping pass straight from the ticker loop, so one stream whose checks panic '
              'ends housekeeping for every stream', 'edit'),
             (2, 'go-00-ruseon-source-probe-dial-without-timeout',
              'an edit probes each stream source with a plain dial, so a camera that drops SYNs stalls the '
              'housekeeping pass for minutes', 'edit'),
             (0, 'go-ok-00-ruseon-housekeeping-tick-recovers',
              'clean: the fix runs each pass through a function that recovers and logs the panic', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / ERR-01: S3 provider of a change-data replicator's object store source (replicator)
REPLS3 = template('replicator-s3-walk', r'''
// bucket reads the change files a source wrote to an S3 bucket.
type bucket struct {
    client *minio.Client
    name   string
}

// Walk calls fn for every object under prefix whose key sorts after `after`, in key order. ListObjects feeds its
// channel from a goroutine of its own; the child context is cancelled on every return so that the goroutine ends
// even when fn stops the walk early.
func (b *bucket) Walk(ctx context.Context, prefix string, after string, fn func(ctx context.Context, key string) error) error {
02|    childCtx, cancelChild := context.WithCancel(ctx)
02|    defer cancelChild()
1|    childCtx, _ := context.WithCancel(ctx) //@TMO-03
    objects := b.client.ListObjects(childCtx, b.name, minio.ListObjectsOptions{
        Prefix:     prefix,
        StartAfter: after,
        Recursive:  true,
        UseV1:      false,
    })
    for object := range objects {
        if object.Err != nil {
01|            return errors.Wrapf(object.Err, "listing %s/%s", b.name, prefix)
2|            continue //@ERR-01
        }
        if err := fn(childCtx, object.Key); err != nil {
            return err
        }
    }
    return nil
}
''')
cases_of(case, GH + 'cockroachdb/replicator/pull/922', 'internal/source/objstore/providers/s3/s3.go',
         G('s3', ['context', '', 'github.com/minio/minio-go/v7', 'github.com/pkg/errors'])(REPLS3), [
             (1, 'go-00-replicator-s3-walk-cancel-discarded',
              'an edit discards the cancel of the listing context, so a walk that stops early leaves the listing '
              'goroutine running until the caller\'s context ends', 'edit'),
             (2, 'go-00-replicator-s3-walk-listing-error-skipped',
              'an edit skips listing errors and goes on with the next object, so a failed page silently ends the walk '
              'short', 'edit'),
             (0, 'go-ok-00-replicator-s3-walk-cancels-listing',
              'clean: the fix keeps the cancel and defers it', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-03: multipart uploads of an S3 gateway on NATS (nats-s3)
NATSS3 = template('nats-s3-multipart-expiry', r'''
// Uploads tracks the multipart uploads in flight and removes abandoned ones from a background loop. Close stops the
// loop and waits for it, so the object store is not closed under an expiry pass.
type Uploads struct {
    mu     sync.Mutex
    parts  map[string]*upload
    ttl    time.Duration
    store  jetstream.ObjectStore
    logger *slog.Logger
    stop   chan struct{}
    wg     sync.WaitGroup
}

func (u *Uploads) Start(interval time.Duration) {
    u.wg.Add(1)
    go func() {
        defer u.wg.Done()
        defer func() {
            if r := recover(); r != nil {
                u.logger.Error("multipart expiry loop panicked", "panic", r)
            }
        }()
        t := time.NewTicker(interval)
        defer t.Stop()
        for {
            select {
            case <-u.stop:
                return
            case now := <-t.C:
                u.expireSafely(now)
            }
        }
    }()
}

func (u *Uploads) expireSafely(now time.Time) {
    defer func() {
        if r := recover(); r != nil {
            u.logger.Error("multipart expiry pass panicked", "panic", r)
        }
    }()
    for _, up := range u.expired(now) {
        ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
        err := up.deleteParts(ctx, u.store)
        cancel()
        if err != nil {
            u.logger.Warn("removing parts of an abandoned upload failed", "upload", up.id, "err", err)
        }
    }
}

// expired removes the uploads older than the TTL from the table and returns them.
func (u *Uploads) expired(now time.Time) []*upload {
01|    u.mu.Lock()
01|    defer u.mu.Unlock()
    var out []*upload
    for id, up := range u.parts { //@{2}CONC-03
        if now.Sub(up.started) > u.ttl {
            delete(u.parts, id)
            out = append(out, up)
        }
    }
    return out
}

func (u *Uploads) Close() {
    close(u.stop) //@{1}OPS-01
02|    u.wg.Wait()
}
''')
cases_of(case, GH + 'wpnpeiris/nats-s3/pull/96', 'internal/s3api/uploads.go',
         G('s3api', ['context', 'log/slog', 'sync', 'time', '', 'github.com/nats-io/nats.go/jetstream'])(NATSS3), [
             (1, 'go-00-nats-s3-uploads-close-does-not-wait',
              'an edit makes Close return without waiting for the expiry loop, so the gateway closes the object store '
              'under a running expiry pass', 'edit'),
             (2, 'go-00-nats-s3-uploads-expiry-reads-table-unlocked',
              'an edit drops the lock from the expiry scan, so it ranges over and deletes from the upload table while '
              'requests add parts to it', 'edit'),
             (0, 'go-ok-00-nats-s3-uploads-close-waits',
              'clean: the fix waits for the expiry loop in Close', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / LOG-01: ffmpeg buffer of an IPTV proxy (Threadfin)
THREADFIN = template('threadfin-ffmpeg-buffer', r'''
// streamThroughFFmpeg pipes the provider stream through ffmpeg into the client's response. The process is bound to
// the client's request: when the client goes away, its context ends and ffmpeg is killed, which frees the slot the
// provider counts against the account.
func streamThroughFFmpeg(w http.ResponseWriter, r *http.Request, streamURL string, cfg BufferConfig) error {
    args := append(cfg.InputArgs(), "-i", streamURL, "-c", "copy", "-f", "mpegts", "pipe:1")
02|    cmd := exec.CommandContext(r.Context(), cfg.FFmpegPath, args...)
1|    cmd := exec.Command(cfg.FFmpegPath, args...) //@TMO-02
    stdout, err := cmd.StdoutPipe()
    if err != nil {
        return fmt.Errorf("ffmpeg stdout: %w", err)
    }
    if err := cmd.Start(); err != nil {
        return fmt.Errorf("start ffmpeg: %w", err)
    }
    defer func() {
        if err := cmd.Wait(); err != nil && r.Context().Err() == nil {
            log.Printf("[ffmpeg buffer] %s: ffmpeg exited: %v", streamURL, err)
        }
    }()

    w.Header().Set("Content-Type", "video/mp2t")
    buf := make([]byte, cfg.ChunkSize)
    for {
        n, readErr := stdout.Read(buf)
        if n > 0 {
2|            log.Printf("[ffmpeg buffer] %s: %d bytes to %s", streamURL, n, r.RemoteAddr) //@LOG-01
            if _, err := w.Write(buf[:n]); err != nil {
                return fmt.Errorf("client %s went away: %w", r.RemoteAddr, err)
            }
        }
        if readErr == io.EOF {
            return nil
        }
        if readErr != nil {
            return fmt.Errorf("read ffmpeg output: %w", readErr)
        }
    }
}
''')
cases_of(case, GH + 'Threadfin/Threadfin/issues/236', 'src/buffer_ffmpeg.go',
         G('src', ['fmt', 'io', 'log', 'net/http', 'os/exec'])(THREADFIN), [
             (1, 'go-00-threadfin-ffmpeg-buffer-outlives-client',
              'an edit starts the buffering ffmpeg on exec.Command, so it keeps reading the provider stream after the '
              'client has gone and holds the account\'s stream slot', 'edit'),
             (2, 'go-00-threadfin-ffmpeg-buffer-logs-every-chunk',
              'an edit logs every chunk copied to the client, thousands of lines a minute per viewer', 'edit'),
             (0, 'go-ok-00-threadfin-ffmpeg-buffer-bound-to-request',
              'clean: the fix binds ffmpeg to the request context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: HLS transcoding manager of a live transcoder (go-transcode), renamed file
GOTRANSCODE = template('go-transcode-hls-manager', r'''
// ManagerCtx runs the ffmpeg transcoder behind one HLS playlist and stops it when nobody has asked for a segment for
// a while. Stop interrupts the process and reaps it, so no defunct process is left behind.
type ManagerCtx struct {
    mu           sync.Mutex
    ctx          context.Context
    logger       zerolog.Logger
    transcodeBin string
    source       string
    segmentDir   string
    cmd          *exec.Cmd
}

func (m *ManagerCtx) Start() error {
    m.mu.Lock()
    defer m.mu.Unlock()
    if m.cmd != nil {
        return nil
    }
    cmd := exec.CommandContext(m.ctx, m.transcodeBin, m.source, m.segmentDir)
    cmd.Dir = m.segmentDir
    if err := cmd.Start(); err != nil {
        return fmt.Errorf("starting transcoder: %w", err)
    }
    m.cmd = cmd
01|    m.logger.Debug().Int("pid", cmd.Process.Pid).Str("source", m.source).Msg("transcoder started")
2|    m.logger.Debug().Msg(fmt.Sprintf("transcoder started: pid %d, source %s", cmd.Process.Pid, m.source)) //@LOG-02
    return nil
}

func (m *ManagerCtx) Stop() {
    m.mu.Lock()
    defer m.mu.Unlock()
    if m.cmd == nil {
        return
    }
    if err := m.cmd.Process.Signal(os.Interrupt); err != nil {
        m.logger.Warn().Err(err).Msg("could not interrupt transcoder, killing it")
        if err := m.cmd.Process.Kill(); err != nil {
            m.logger.Error().Err(err).Msg("could not kill transcoder")
        }
    }
02|    if err := m.cmd.Wait(); err != nil {
02|        m.logger.Info().Err(err).Msg("transcoder exited")
02|    }
    m.cmd = nil //@{1}RES-01
}
''')
cases_of(case, GH + 'm1k1o/go-transcode/issues/2', 'hls/manager.go',
         G('hls', ['context', 'fmt', 'os', 'os/exec', 'sync', '', 'github.com/rs/zerolog'])(GOTRANSCODE), [
             (1, 'go-00-go-transcode-renamed-hls-manager-stop-does-not-reap',
              'a move of the HLS manager that drops the Wait after interrupting ffmpeg, so every stopped transcoder '
              'stays behind as a defunct process', 'rename'),
             (2, 'go-00-go-transcode-renamed-hls-manager-start-line-formatted',
              'a move of the HLS manager that formats the start debug line with fmt.Sprintf before zerolog knows '
              'whether debug is on', 'rename'),
             (0, 'go-ok-00-go-transcode-renamed-hls-manager-reaps',
              'clean: the move alone; Stop waits for the interrupted process', 'rename'),
         ], rename_from='hls/hls.go')


# ---------------------------------------------------------------- RES-02 / RES-03: ranged download of an object storage SDK (aliyun-oss-go-sdk), CRLF file
OSSGO = template('aliyun-oss-go-download-part', r'''
// downloadPartFile fetches one byte range of the object into its part file.
func downloadPartFile(bucket *Bucket, objectKey string, part downloadPart, partFile string, options []Option) error {
    opts := append(options, Range(part.Start, part.End))
    body, err := bucket.GetObject(objectKey, opts...)
    if err != nil {
        return err
    } //@{1}RES-02
02|    defer body.Close()

    fd, err := os.OpenFile(partFile, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, FilePermMode)
    if err != nil {
        return err
    }
    _, copyErr := io.Copy(fd, body)
    closeErr := fd.Close()
    if copyErr != nil {
        return copyErr
    }
    return closeErr
}

// combineParts appends the part files to the destination in order.
func combineParts(out *os.File, parts []downloadPart, partFile func(downloadPart) string) error {
    for _, part := range parts {
        pf, err := os.Open(partFile(part))
        if err != nil {
            return err
        }
2|        defer pf.Close() //@RES-03
        _, err = io.Copy(out, pf)
01|        closeErr := pf.Close()
        if err != nil {
            return err
        }
01|        if closeErr != nil {
01|            return closeErr
01|        }
    }
    return nil
}
''')
cases_of(case, GH + 'aliyun/aliyun-oss-go-sdk/pull/86', 'oss/download_part.go',
         G('oss', ['io', 'os'])(OSSGO), [
             (1, 'go-00-aliyun-oss-go-part-body-left-open',
              'an edit drops the close of the ranged GetObject body, so every part downloaded keeps its connection '
              'out of the pool', 'edit'),
             (2, 'go-00-aliyun-oss-go-combine-defers-close-in-loop',
              'an edit defers the close of each part file inside the combine loop, so a download of thousands of '
              'parts holds every file open until it returns', 'edit'),
             (0, 'go-ok-00-aliyun-oss-go-part-body-closed',
              'clean: the fix defers the close of the body', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / CONC-02: thumbnail rendering of an image upload service (mandible)
MANDIBLE = template('mandible-thumbnails', r'''
// Thumbnails renders every requested thumbnail of an upload, at most maxWorkers at a time, and returns their paths
// by name. The workers share the result map and the error list, so both are written under mu.
func (p *ImageProcessor) Thumbnails(ctx context.Context, img *uploadedfile.UploadedFile, thumbs []*uploadedfile.ThumbFile) (map[string]string, error) {
    var (
        mu      sync.Mutex
        wg      sync.WaitGroup
        results = make(map[string]string, len(thumbs))
        errs    []error
    )
01|    sem := make(chan struct{}, p.maxWorkers)
    for _, t := range thumbs {
01|        select {
01|        case sem <- struct{}{}:
01|        case <-ctx.Done():
01|            wg.Wait()
01|            return nil, ctx.Err()
01|        }
        wg.Add(1)
        go func(t *uploadedfile.ThumbFile) { //@{2}CONC-02
            defer wg.Done()
01|            defer func() { <-sem }()
            defer func() {
                if r := recover(); r != nil {
                    mu.Lock()
                    errs = append(errs, fmt.Errorf("thumbnail %s: panic: %v", t.Name, r))
                    mu.Unlock()
                }
            }()
            path, err := t.Process(ctx, img)
02|            mu.Lock()
02|            defer mu.Unlock()
            if err != nil {
                errs = append(errs, fmt.Errorf("thumbnail %s: %w", t.Name, err)) //@{1}CONC-03
                return
            }
            results[t.Name] = path
        }(t)
    }
    wg.Wait()
    if len(errs) > 0 {
        return nil, errors.Join(errs...)
    }
    return results, nil
}
''')
cases_of(case, GH + 'Imgur/mandible/pull/60', 'imageprocessor/thumbnails.go',
         G('imageprocessor', ['context', 'errors', 'fmt', 'sync', '', 'github.com/Imgur/mandible/uploadedfile'])(MANDIBLE), [
             (1, 'go-00-mandible-thumbnail-results-unlocked',
              'an edit drops the lock around the writes of each worker, so thumbnails finishing together write the '
              'result map and the error list at once', 'edit'),
             (2, 'go-00-mandible-thumbnail-workers-unbounded',
              'an edit drops the worker semaphore, so an upload asking for hundreds of thumbnails renders them all at '
              'once', 'edit'),
             (0, 'go-ok-00-mandible-thumbnail-results-locked',
              'clean: the fix writes the results and errors under the lock', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-01: HLS segment handler of an RTSP-to-web gateway (RTSPtoWeb)
RTSPTOWEB = template('rtsptoweb-hls-segment', r'''
// HTTPAPIServerStreamHLSTS sends one MPEG-TS segment of a channel's HLS stream. Players drop connections in the
// middle of a segment all the time, so a failed write ends the request quietly instead of panicking the server.
func HTTPAPIServerStreamHLSTS(c *gin.Context) {
    uuid, channelID := c.Param("uuid"), c.Param("channel")
    requestLogger := log.WithFields(logrus.Fields{
        "module":  "http_hls",
        "stream":  uuid,
        "channel": channelID,
        "func":    "HTTPAPIServerStreamHLSTS",
    })
    if !Storage.StreamChannelExist(uuid, channelID) {
        c.IndentedJSON(500, Message{Status: 0, Payload: ErrorStreamNotFound.Error()})
        requestLogger.WithFields(logrus.Fields{"call": "StreamChannelExist"}).Errorln(ErrorStreamNotFound.Error())
        return
    }
    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                requestLogger.WithFields(logrus.Fields{"call": "StreamChannelRun"}).Errorf("stream runner panicked: %v", r)
01|            }
01|        }()
        Storage.StreamChannelRun(uuid, channelID)
    }()
    seq, err := strconv.Atoi(c.Param("seq"))
    if err != nil {
        c.IndentedJSON(400, Message{Status: 0, Payload: err.Error()})
        return
    }
    segment, err := Storage.StreamHLSTS(uuid, channelID, seq)
    if err != nil {
        c.IndentedJSON(500, Message{Status: 0, Payload: err.Error()})
        requestLogger.WithFields(logrus.Fields{"call": "StreamHLSTS"}).Errorln(err.Error())
        return
    }
    c.Header("Content-Type", "video/mp2t")
02|    if _, err := c.Writer.Write(segment); err != nil {
02|        requestLogger.WithFields(logrus.Fields{"call": "Write"}).Infoln("player went away:", err)
02|        return
02|    }
1|    c.Writer.Write(segment) //@ERR-01
}
''')
cases_of(case, GH + 'deepch/RTSPtoWeb/issues/43', 'apiHTTPHLS.go',
         G('main', ['strconv', '', 'github.com/gin-gonic/gin', 'github.com/sirupsen/logrus'])(RTSPTOWEB), [
             (1, 'go-00-rtsptoweb-hls-segment-write-error-dropped',
              'an edit drops the error of writing the segment to the player, so a reset connection goes unnoticed', 'edit'),
             (2, 'go-00-rtsptoweb-hls-stream-runner-without-recover',
              'an edit starts the channel runner goroutine without its recover, so a panic in a camera\'s demuxer '
              'ends the server', 'edit'),
             (0, 'go-ok-00-rtsptoweb-hls-segment-write-checked',
              'clean: the fix checks the write and ends the request when the player is gone', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: frame store of a computer-vision engine's MCP server (wasmvision), new file
WASMVISION = template('wasmvision-mcp-frames', r'''
// Frame is one captured frame, JPEG-encoded.
type Frame struct {
    ID       uint64
    Data     []byte
    Width    int
    Height   int
    Captured time.Time
}

// frameStore keeps the newest captured frame for the MCP server's image requests. The capture loop replaces it about
// thirty times a second while requests read it, so both sides hold the lock and requests get a copy.
type frameStore struct {
    mu     sync.Mutex
    latest Frame
    count  uint64
}

// Put stores the newest frame; it runs on the capture loop.
func (s *frameStore) Put(f Frame) {
    s.mu.Lock()
    s.latest = f
    s.count++
    s.mu.Unlock()
2|    slog.Info("mcp: frame stored", "id", f.ID, "bytes", len(f.Data)) //@LOG-01
}

// Snapshot returns a copy of the newest frame, or false before the first one arrives.
func (s *frameStore) Snapshot() (Frame, bool) {
02|    s.mu.Lock()
02|    defer s.mu.Unlock()
    if s.count == 0 { //@{1}CONC-03
        return Frame{}, false
    }
    f := s.latest
    f.Data = bytes.Clone(s.latest.Data)
    return f, true
}

// imageResult answers the MCP "latest_image" tool with the newest frame as base64 JPEG.
func (s *frameStore) imageResult() (*mcp.CallToolResult, error) {
    f, ok := s.Snapshot()
    if !ok {
        return mcp.NewToolResultError("no frame captured yet"), nil
    }
    return mcp.NewToolResultImage(
        fmt.Sprintf("frame %d, %dx%d", f.ID, f.Width, f.Height),
        base64.StdEncoding.EncodeToString(f.Data),
        "image/jpeg",
    ), nil
}
''')
WASMVISION_TEST = f('mcp/frames_test.go', new=go('mcp', ['testing', 'time'], r'''
func TestSnapshotReturnsACopy(t *testing.T) {
    var s frameStore
    if _, ok := s.Snapshot(); ok {
        t.Fatal("snapshot before the first frame")
    }
    s.Put(Frame{ID: 1, Data: []byte{1, 2, 3}, Width: 2, Height: 1, Captured: time.Now().UTC()})
    f, ok := s.Snapshot()
    if !ok || f.ID != 1 {
        t.Fatalf("snapshot = %v, %v", f.ID, ok)
    }
    f.Data[0] = 9
    g, _ := s.Snapshot()
    if g.Data[0] != 1 {
        t.Fatal("snapshot shares its data with the store")
    }
}
'''))
_WV = ['bytes', 'encoding/base64', 'fmt', 'sync', 'time', '', 'github.com/mark3labs/mcp-go/mcp']
cases_of(case, GH + 'wasmvision/wasmvision/pull/111', 'mcp/frames.go',
         GV('mcp', {0: _WV, 1: _WV, 2: ['bytes', 'encoding/base64', 'fmt', 'log/slog', 'sync', 'time', '',
                                          'github.com/mark3labs/mcp-go/mcp']})(WASMVISION), [
             (1, 'go-00-wasmvision-new-frame-store-snapshot-unlocked',
              'a new frame store whose Snapshot reads the frame without the lock the capture loop writes it under',
              'new'),
             (2, 'go-00-wasmvision-new-frame-store-logs-every-frame',
              'a new frame store that logs every stored frame at info, thirty lines a second per camera', 'new'),
             (0, 'go-ok-00-wasmvision-new-frame-store-locked',
              'clean: a new frame store that locks both sides and hands out copies, with a test beside it', 'new',
              [WASMVISION_TEST]),
         ])
