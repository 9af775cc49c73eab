"""Round-110 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / CONC-03: RTSP server session writer of a media streaming library (gortsplib)
GORTSPLIB = template('gortsplib-session-writer', r'''
// ServerSession is a RTSP session on the server side. While it plays or records, an asyncProcessor owns a goroutine
// that drains the session's ring buffer towards the client; only the processor's close ends that goroutine.
type ServerSession struct {
    s        *Server
    secretID string
    author   *ServerConn

    writerMutex sync.RWMutex
    writer      *asyncProcessor
    state       ServerSessionState
}

func (ss *ServerSession) startWriter() {
    ss.writerMutex.Lock()
    defer ss.writerMutex.Unlock()

    ss.writer = &asyncProcessor{
        bufferSize: ss.s.WriteQueueSize,
        onError:    ss.onStreamWriteError,
    }
    ss.writer.initialize()
    ss.writer.start()
}

func (ss *ServerSession) destroyWriter() {
01|    ss.writerMutex.Lock()
02|    if ss.writer != nil {
02|        ss.writer.close()
02|    }
    ss.writer = nil //@{1}RES-01 //@{2}CONC-03
01|    ss.writerMutex.Unlock()
}

// writePacketRTP queues one packet for the client; packets that arrive while no writer runs are dropped.
func (ss *ServerSession) writePacketRTP(medi *description.Media, byts []byte) error {
    ss.writerMutex.RLock()
    defer ss.writerMutex.RUnlock()

    if ss.writer == nil {
        return nil
    }
    ok := ss.writer.push(func() error {
        return ss.writePacketRTPInQueue(medi, byts)
    })
    if !ok {
        ss.s.onPacketsLost(ss, 1)
    }
    return nil
}

func (ss *ServerSession) onStreamWriteError(err error) {
    ss.s.Log(LogLevelWarn, "session %s: write error: %v", ss.secretID, err)
}

func (ss *ServerSession) handleTeardown() {
    ss.destroyWriter()
    ss.state = ServerSessionStateInitial
}
''')
cases_of(case, GH + 'bluenviron/gortsplib/issues/690', 'server_session.go',
         G('gortsplib', ['sync', '', 'github.com/bluenviron/gortsplib/v4/pkg/description'])(GORTSPLIB), [
             (1, 'go-00-gortsplib-writer-dropped-without-close',
              'an edit drops the close of the session\'s writer when it is destroyed, so each ended session leaves the '
              'processor goroutine waiting on its ring buffer for good', 'edit'),
             (2, 'go-00-gortsplib-writer-cleared-without-lock',
              'an edit clears the session\'s writer outside the mutex that packet writes take, so a packet written '
              'during a teardown races the clear', 'edit'),
             (0, 'go-ok-00-gortsplib-writer-closed-under-lock',
              'clean: the fix closes the writer under the session\'s mutex before dropping it', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-03: transcoding example of a Go media library (joy4), CRLF file
JOY4 = template('joy4-video-transcoder', r'''
// video_transcoder probes every input named on the command line, then transcodes each into an MPEG-TS file beside it.
func main() {
    flag.Parse()
    names := flag.Args()
    if len(names) == 0 {
        fmt.Fprintln(os.Stderr, "usage: video_transcoder FILE...")
        os.Exit(2)
    }

    for _, name := range names {
        probe, err := avutil.Open(name)
        if err != nil {
            fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
            continue
        }
2|        defer probe.Close() //@RES-03
        streams, err := probe.Streams()
01|        probe.Close()
        if err != nil {
            fmt.Fprintf(os.Stderr, "%s: reading streams: %v\n", name, err)
            continue
        }
        for i, st := range streams {
            fmt.Printf("%s #%d: %v\n", name, i, st.Type())
        }
    }

    failed := 0
    for _, name := range names {
        if err := transcodeFile(name, name+".ts"); err != nil {
            fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
            failed++
        }
    }
    if failed > 0 {
        os.Exit(1)
    }
}

func transcodeFile(src, dst string) error {
    infile, err := avutil.Open(src)
    if err != nil {
        return err
    }
    defer infile.Close()

    trans := &transcode.Demuxer{
        Options: transcode.Options{
            FindVideoDecoderEncoder: findVideoCodec,
        },
        Demuxer: infile,
    }
    defer trans.Close()

    outfile, err := avutil.Create(dst)
    if err != nil {
        return err
    }
    defer outfile.Close()

02|    if err := avutil.CopyFile(outfile, trans); err != nil {
02|        return fmt.Errorf("copying %s: %w", src, err)
02|    }
1|    avutil.CopyFile(outfile, trans) //@ERR-01
    return nil
}

func findVideoCodec(stream av.CodecData, i int) (bool, av.VideoDecoder, av.VideoEncoder, error) {
    if stream.Type() != av.H264 {
        return false, nil, nil, nil
    }
    dec, err := ffmpeg.NewVideoDecoder(stream.(av.VideoCodecData))
    if err != nil {
        return false, nil, nil, err
    }
    enc, err := ffmpeg.NewVideoEncoderByCodecType(av.H264)
    if err != nil {
        dec.Close()
        return false, nil, nil, err
    }
    enc.SetBitrate(1000000)
    return true, dec, enc, nil
}
''')
cases_of(case, GH + 'Seize/joy4/pull/15', 'examples/video_transcoder/main.go',
         G('main', ['flag', 'fmt', 'os', '', 'github.com/Seize/joy4/av', 'github.com/Seize/joy4/av/avutil',
                    'github.com/Seize/joy4/av/transcode', 'github.com/Seize/joy4/cgo/ffmpeg'])(JOY4), [
             (1, 'go-00-joy4-copy-error-dropped',
              'an edit drops the error of the transcoder\'s CopyFile, so a transcode that fails half-way leaves a '
              'truncated file and an exit status of success', 'edit'),
             (2, 'go-00-joy4-probe-close-deferred-in-loop',
              'an edit defers each probed input\'s close inside the loop over the command line, so every input stays '
              'open until main returns', 'edit'),
             (0, 'go-ok-00-joy4-copy-error-reported',
              'clean: the fix returns the CopyFile error with the input\'s name', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-03 / TMO-02: ffprobe wrapper of a media probing library (go-ffprobe)
FFPROBE = template('go-ffprobe-probe', r'''
// GetProbeData runs ffprobe on filePath and decodes its JSON output. The timeout bounds the ffprobe process; it is
// killed when the timeout passes.
func GetProbeData(filePath string, timeout time.Duration) (*ProbeData, error) {
02|    ctx, cancel := context.WithTimeout(context.Background(), timeout)
02|    defer cancel()
1|    ctx, _ := context.WithTimeout(context.Background(), timeout) //@TMO-03
    return GetProbeDataContext(ctx, filePath)
}

// GetProbeDataContext is GetProbeData bounded by the caller's context instead of a timeout.
func GetProbeDataContext(ctx context.Context, filePath string) (*ProbeData, error) {
    args := []string{
        "-loglevel", "fatal",
        "-print_format", "json",
        "-show_format",
        "-show_streams",
        filePath,
    }
01|    out, err := runProbe(ctx, args)
2|    out, err := runProbe(context.Background(), args) //@TMO-02
    if err != nil {
        return nil, fmt.Errorf("probing %s: %w", filePath, err)
    }

    data := &ProbeData{}
    if err := json.Unmarshal(out, data); err != nil {
        return nil, fmt.Errorf("decoding ffprobe output for %s: %w", filePath, err)
    }
    return data, nil
}

func runProbe(ctx context.Context, args []string) ([]byte, error) {
    var stdout, stderr bytes.Buffer
    cmd := exec.CommandContext(ctx, binPath, args...)
    cmd.Stdout = &stdout
    cmd.Stderr = &stderr
    if err := cmd.Run(); err != nil {
        if ctx.Err() != nil {
            return nil, ctx.Err()
        }
        return nil, fmt.Errorf("ffprobe: %w: %s", err, bytes.TrimSpace(stderr.Bytes()))
    }
    return stdout.Bytes(), nil
}
''')
cases_of(case, GH + 'vansante/go-ffprobe/pull/7', 'ffprobe.go',
         G('ffprobe', ['bytes', 'context', 'encoding/json', 'fmt', 'os/exec', 'time'])(FFPROBE), [
             (1, 'go-00-ffprobe-timeout-cancel-discarded',
              'an edit discards the cancel of the probe\'s timeout context, so every probe that finishes early keeps '
              'its timer and context until the timeout passes', 'edit'),
             (2, 'go-00-ffprobe-context-probe-ignores-caller',
              'an edit runs the context-taking probe under a background context, so a caller that gives up still '
              'waits for ffprobe on a stalled network file', 'edit'),
             (0, 'go-ok-00-ffprobe-timeout-cancelled',
              'clean: the fix keeps the timeout\'s cancel and defers it', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-01: speech conversion of a chat-to-agent bridge (cc-connect)
CCCONNECT = template('cc-connect-speech', r'''
// Speech-to-text for voice messages: platforms hand over AMR, SILK or OGG audio, the STT providers take MP3.

type WhisperProvider struct {
    Endpoint string
    APIKey   string
    client   *http.Client
}

func NewWhisperProvider(endpoint, apiKey string) *WhisperProvider {
    return &WhisperProvider{
        Endpoint: endpoint,
        APIKey:   apiKey,
01|        client:   &http.Client{Timeout: 90 * time.Second},
2|        client:   &http.Client{}, //@TMO-01
    }
}

// TranscribeAudio converts audio to MP3 when the provider cannot take its format, then sends it to the provider.
func TranscribeAudio(ctx context.Context, p *WhisperProvider, audio []byte, format string) (string, error) {
    mp3 := audio
    if format != "mp3" {
        var err error
        mp3, err = ConvertAudioToMP3(ctx, audio, format)
        if err != nil {
            return "", fmt.Errorf("convert %s to mp3: %w", format, err)
        }
    }
    return p.Transcribe(ctx, mp3)
}

// ConvertAudioToMP3 pipes audio through ffmpeg. SILK, which ffmpeg cannot decode, is first decoded to PCM by the
// silk decoder; both processes end with the caller's context.
func ConvertAudioToMP3(ctx context.Context, audio []byte, format string) ([]byte, error) {
    if format == "silk" {
        pcm, err := decodeSilk(ctx, audio)
        if err != nil {
            return nil, err
        }
02|        cmd := exec.CommandContext(ctx, ffmpegPath, "-f", "s16le", "-ar", "24000", "-ac", "1", "-i", "pipe:0", "-f", "mp3", "pipe:1")
1|        cmd := exec.Command(ffmpegPath, "-f", "s16le", "-ar", "24000", "-ac", "1", "-i", "pipe:0", "-f", "mp3", "pipe:1") //@TMO-02
        return runPipe(cmd, pcm)
    }
    cmd := exec.CommandContext(ctx, ffmpegPath, "-f", format, "-i", "pipe:0", "-f", "mp3", "pipe:1")
    return runPipe(cmd, audio)
}

func runPipe(cmd *exec.Cmd, input []byte) ([]byte, error) {
    var stdout, stderr bytes.Buffer
    cmd.Stdin = bytes.NewReader(input)
    cmd.Stdout = &stdout
    cmd.Stderr = &stderr
    if err := cmd.Run(); err != nil {
        return nil, fmt.Errorf("%s: %w: %s", cmd.Path, err, strings.TrimSpace(stderr.String()))
    }
    return stdout.Bytes(), nil
}

func (p *WhisperProvider) Transcribe(ctx context.Context, mp3 []byte) (string, error) {
    body, contentType, err := multipartAudio(mp3)
    if err != nil {
        return "", err
    }
    req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.Endpoint, body)
    if err != nil {
        return "", err
    }
    req.Header.Set("Content-Type", contentType)
    req.Header.Set("Authorization", "Bearer "+p.APIKey)
    resp, err := p.client.Do(req)
    if err != nil {
        return "", fmt.Errorf("whisper request: %w", err)
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return "", fmt.Errorf("whisper: HTTP %d", resp.StatusCode)
    }
    var out struct {
        Text string `json:"text"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
        return "", fmt.Errorf("decoding whisper response: %w", err)
    }
    return out.Text, nil
}
''')
cases_of(case, GH + 'chenhg5/cc-connect/pull/962', 'core/speech.go',
         GV('core', {0: ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'os/exec', 'strings', 'time'],
                     1: ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'os/exec', 'strings', 'time'],
                     2: ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', 'os/exec', 'strings']})(CCCONNECT), [
             (1, 'go-00-cc-connect-silk-ffmpeg-without-context',
              'an edit starts the SILK branch\'s ffmpeg without the caller\'s context, so a cancelled transcription '
              'leaves ffmpeg running on a wedged pipe', 'edit'),
             (2, 'go-00-cc-connect-whisper-client-without-timeout',
              'an edit builds the speech provider\'s HTTP client without a timeout, so a provider that stops '
              'answering holds the voice message handler for good when its caller has no deadline', 'edit'),
             (0, 'go-ok-00-cc-connect-silk-ffmpeg-with-context',
              'clean: the fix runs both ffmpeg calls with the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-01: ffmpeg snapshot wrapper of a camera media tool (golift/ffmpeg)
GOLIFT = template('golift-ffmpeg-encoder', r'''
// GetImage grabs one JPEG frame from a camera's RTSP input. A camera that accepts the connection and never sends a
// frame must not hold the caller: the encoder's Time setting bounds every ffmpeg run.
func (e *Encoder) GetImage(input string) ([]byte, error) {
    args := []string{
        "-rtsp_transport", "tcp",
        "-i", input,
        "-frames:v", "1",
        "-f", "image2pipe",
        "-vcodec", "mjpeg",
        "pipe:1",
    }
02|    ctx, cancel := context.WithTimeout(context.Background(), time.Duration(e.config.Time)*time.Second)
02|    defer cancel()
02|    cmd := exec.CommandContext(ctx, e.config.FFMPEG, args...)
1|    cmd := exec.Command(e.config.FFMPEG, args...) //@TMO-01
    stderr, err := cmd.StderrPipe()
    if err != nil {
        return nil, fmt.Errorf("ffmpeg stderr: %w", err)
    }
    var out bytes.Buffer
    cmd.Stdout = &out
    if err := cmd.Start(); err != nil {
        return nil, fmt.Errorf("starting ffmpeg: %w", err)
    }
    tail := newTailBuffer(2048)
    drained := make(chan struct{})
01|    go e.drain(stderr, tail, drained)
2|    go func() { //@CONC-01
2|        defer close(drained)
2|        if _, err := io.Copy(tail, stderr); err != nil {
2|            e.config.Printf("ffmpeg stderr copy failed: %v", err)
2|        }
2|    }()
    <-drained
    if err := cmd.Wait(); err != nil {
        return nil, fmt.Errorf("ffmpeg: %w: %s", err, tail.String())
    }
    return out.Bytes(), nil
}

01|// drain keeps the last bytes ffmpeg wrote to stderr for the error message; a failing writer must not take the
01|// process down with it.
01|func (e *Encoder) drain(r io.Reader, w io.Writer, done chan<- struct{}) {
01|    defer close(done)
01|    defer func() {
01|        if rec := recover(); rec != nil {
01|            e.config.Printf("ffmpeg stderr reader stopped: %v", rec)
01|        }
01|    }()
01|    if _, err := io.Copy(w, r); err != nil {
01|        e.config.Printf("reading ffmpeg stderr: %v", err)
01|    }
01|}
''')
cases_of(case, GH + 'golift/ffmpeg/pull/12', 'encode.go',
         GV('ffmpeg', {0: ['bytes', 'context', 'fmt', 'io', 'os/exec', 'time'],
                       1: ['bytes', 'fmt', 'io', 'os/exec'],
                       2: ['bytes', 'context', 'fmt', 'io', 'os/exec', 'time']})(GOLIFT), [
             (1, 'go-00-golift-ffmpeg-snapshot-without-timeout',
              'an edit runs the snapshot\'s ffmpeg with no deadline, so a camera that never sends a frame keeps '
              'ffmpeg and the caller waiting for good', 'edit'),
             (2, 'go-00-golift-ffmpeg-stderr-goroutine-without-recover',
              'an edit drains ffmpeg\'s stderr in an inline goroutine without the recovering reader, so a panic in '
              'the tail buffer ends the process', 'edit'),
             (0, 'go-ok-00-golift-ffmpeg-snapshot-bounded',
              'clean: the fix bounds the snapshot\'s ffmpeg with the encoder\'s time limit', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: game server status ping library (MineQuery), with a test
MINEQUERY = template('minequery-ping', r'''
// PingWithTimeout performs a Server List Ping with a modern (1.7 and newer) Minecraft server. The timeout bounds the
// whole exchange, the dial and every read and write of the handshake and status packets.
func PingWithTimeout(host string, port uint16, timeout time.Duration) (*Response, error) {
    addr := net.JoinHostPort(host, strconv.Itoa(int(port)))
    conn, err := net.DialTimeout("tcp", addr, timeout)
    if err != nil { //@{2}RES-01
        return nil, fmt.Errorf("dial %s: %w", addr, err)
    }
01|    defer conn.Close()
02|    if err := conn.SetDeadline(time.Now().Add(timeout)); err != nil {
02|        return nil, fmt.Errorf("setting deadline: %w", err)
02|    }

    res, err := sendServerListPing(conn, host, port) //@{1}TMO-01
    if err != nil {
        return nil, fmt.Errorf("ping error: %w", err)
    }
2|    conn.Close()
    return res, nil
}

// Ping is PingWithTimeout with the default timeout.
func Ping(host string, port uint16) (*Response, error) {
    return PingWithTimeout(host, port, DefaultTimeout)
}

func sendServerListPing(conn net.Conn, host string, port uint16) (*Response, error) {
    w := bufio.NewWriter(conn)
    if err := writeHandshake(w, host, port, stateStatus); err != nil {
        return nil, err
    }
    if err := writePacket(w, packetStatusRequest, nil); err != nil {
        return nil, err
    }
    if err := w.Flush(); err != nil {
        return nil, err
    }
    payload, err := readPacket(bufio.NewReader(conn), packetStatusResponse)
    if err != nil {
        return nil, err
    }
    res := &Response{}
    if err := json.Unmarshal(payload, res); err != nil {
        return nil, fmt.Errorf("decoding status: %w", err)
    }
    return res, nil
}
''')
MINEQUERY_TEST = r'''
func TestPingWithTimeoutGivesUpOnASilentServer(t *testing.T) {
    ln, err := net.Listen("tcp", "127.0.0.1:0")
    if err != nil {
        t.Fatal(err)
    }
    defer ln.Close()
    // Nobody accepts: the kernel completes the handshake from the listen backlog and the server never writes.

    port := uint16(ln.Addr().(*net.TCPAddr).Port)
    start := time.Now()
    if _, err := PingWithTimeout("127.0.0.1", port, 200*time.Millisecond); err == nil {
        t.Fatal("ping of a silent server succeeded")
    }
    if took := time.Since(start); took > time.Second {
        t.Fatalf("ping took %v, want the 200ms timeout", took)
    }
}
'''
cases_of(case, GH + 'dreamscached/MineQuery/issues/23', 'ping/ping.go',
         G('ping', ['bufio', 'encoding/json', 'fmt', 'net', 'strconv', 'time'])(MINEQUERY), [
             (1, 'go-00-minequery-status-exchange-without-deadline',
              'an edit drops the deadline of the ping\'s connection, so a server that accepts and never answers '
              'holds PingWithTimeout past its timeout for good', 'edit'),
             (2, 'go-00-minequery-connection-left-open-on-error',
              'an edit closes the ping\'s connection on success only, so every failed handshake or status read '
              'leaves a socket open', 'edit'),
             (0, 'go-ok-00-minequery-status-exchange-with-deadline',
              'clean: the fix sets the timeout as the connection\'s deadline before the status exchange', 'fix'),
         ], extra=[f('ping/ping_test.go', new=go('ping', ["net", "testing", "time"], MINEQUERY_TEST))])


# ---------------------------------------------------------------- RES-01 / CONC-02: TCP session actor of a game server actor engine (hollywood)
HOLLYWOOD = template('hollywood-tcp-session', r'''
// session is the actor of one client connection. Its reader goroutine turns bytes into messages for the actor's
// inbox; when the client goes away the reader poisons the actor, and the actor's Stopped closes the connection.
type session struct {
    conn    net.Conn
    server  *actor.PID
    handler func(from net.Addr, msg []byte)
}

func newSession(conn net.Conn, server *actor.PID, handler func(net.Addr, []byte)) actor.Producer {
    return func() actor.Receiver {
        return &session{conn: conn, server: server, handler: handler}
    }
}

func (s *session) Receive(c *actor.Context) {
    switch msg := c.Message().(type) {
    case actor.Started:
        go s.readLoop(c.Engine(), c.PID())
    case actor.Stopped: //@{1}RES-01
02|        s.conn.Close()
        c.Send(s.server, &connRemove{addr: s.conn.RemoteAddr().String()})
    case []byte:
        s.handler(s.conn.RemoteAddr(), msg)
    }
}

func (s *session) readLoop(e *actor.Engine, pid *actor.PID) {
    defer func() {
        if r := recover(); r != nil {
            slog.Error("session reader panicked", "remote", s.conn.RemoteAddr(), "panic", r)
        }
        e.Poison(pid)
    }()
    buf := make([]byte, 2048)
    for {
        n, err := s.conn.Read(buf)
        if err != nil {
            if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
                slog.Warn("session read failed", "remote", s.conn.RemoteAddr(), "err", err)
            }
            return
        }
        msg := make([]byte, n)
        copy(msg, buf[:n])
01|        e.Send(pid, msg)
2|        go s.handle(msg) //@CONC-02
    }
}
2|
2|func (s *session) handle(msg []byte) {
2|    defer func() {
2|        if r := recover(); r != nil {
2|            slog.Error("session handler panicked", "remote", s.conn.RemoteAddr(), "panic", r)
2|        }
2|    }()
2|    s.handler(s.conn.RemoteAddr(), msg)
2|}
''')
cases_of(case, GH + 'anthdm/hollywood/issues/40', 'examples/tcpserver/session.go',
         G('main', ['errors', 'io', 'log/slog', 'net', '', 'github.com/anthdm/hollywood/actor'])(HOLLYWOOD), [
             (1, 'go-00-hollywood-session-stopped-keeps-connection',
              'an edit drops the close of the client connection when the session actor stops, so every client that '
              'is kicked or times out leaves a socket and its blocked reader goroutine behind', 'edit'),
             (2, 'go-00-hollywood-goroutine-per-message',
              'an edit hands each received message to a goroutine of its own instead of the actor\'s inbox, so a '
              'flooding client starts goroutines without any bound', 'edit'),
             (0, 'go-ok-00-hollywood-session-stopped-closes-connection',
              'clean: the fix closes the connection when the session actor stops', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-03: HLS playlist date-time correction of an audio streaming service (birdnet-go), new file
BIRDNET = template('birdnet-hls-pdt', r'''
// FFmpeg stamps EXT-X-PROGRAM-DATE-TIME when its HLS muxer starts, before the first audio reaches it, so every tag of
// a stream is early by the same offset. ServeHLSPlaylist corrects the tags of each playlist it serves by the offset
// measured on the first playlist of the stream. Playlists of one stream are served by concurrent HTTP requests.

const (
    pdtTag      = "#EXT-X-PROGRAM-DATE-TIME:"
    pdtLayout   = "2006-01-02T15:04:05.000Z07:00"
    pdtZoneless = "2006-01-02T15:04:05.000"
)

type pdtCorrector struct {
01|    once sync.Once
2|    measured bool

    offset time.Duration
    err    error
}

// correct rewrites the playlist's date-time tags; now is the time the playlist's newest segment was written.
func (c *pdtCorrector) correct(playlist []byte, now time.Time) ([]byte, error) {
01|    c.once.Do(func() {
01|        c.offset, c.err = measureOffset(playlist, now)
01|    })
2|    if !c.measured {
2|        c.offset, c.err = measureOffset(playlist, now) //@CONC-03
2|        c.measured = true
2|    }
    if c.err != nil {
        return nil, fmt.Errorf("measuring the stream's date-time offset: %w", c.err)
    }
    return rewritePDT(playlist, c.offset)
}

// measureOffset is the distance between the end of the newest segment as FFmpeg stamped it and now.
func measureOffset(playlist []byte, now time.Time) (time.Duration, error) {
    segments, err := parsePlaylistSegments(playlist)
    if err != nil {
        return 0, err
    }
    if len(segments) == 0 {
        return 0, nil
    }
    last := segments[len(segments)-1]
    return now.Sub(last.start.Add(last.duration)), nil
}

func rewritePDT(playlist []byte, offset time.Duration) ([]byte, error) {
    lines := strings.Split(string(playlist), "\n")
    for i, line := range lines {
        v, ok := strings.CutPrefix(line, pdtTag)
        if !ok {
            continue
        }
        t, err := parsePDT(v)
        if err != nil {
            return nil, fmt.Errorf("line %d: %w", i+1, err)
        }
        lines[i] = pdtTag + t.Add(offset).UTC().Format(pdtLayout)
    }
    return []byte(strings.Join(lines, "\n")), nil
}

// parsePDT reads a tag value. RFC 8216bis asks clients to read a date-time without a zone as UTC.
func parsePDT(v string) (time.Time, error) {
    v = strings.TrimSpace(v)
    if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
        return t, nil
    }
02|    t, err := time.ParseInLocation(pdtZoneless, v, time.UTC)
1|    t, err := time.ParseInLocation(pdtZoneless, v, time.Local) //@TIME-01
    if err != nil {
        return time.Time{}, fmt.Errorf("invalid program date-time %q: %w", v, err)
    }
    return t, nil
}

type segment struct {
    start    time.Time
    duration time.Duration
}

func parsePlaylistSegments(playlist []byte) ([]segment, error) {
    var out []segment
    var pending *segment
    for i, line := range strings.Split(string(playlist), "\n") {
        switch {
        case strings.HasPrefix(line, pdtTag):
            t, err := parsePDT(strings.TrimPrefix(line, pdtTag))
            if err != nil {
                return nil, fmt.Errorf("line %d: %w", i+1, err)
            }
            pending = &segment{start: t}
        case strings.HasPrefix(line, "#EXTINF:") && pending != nil:
            v := strings.TrimPrefix(line, "#EXTINF:")
            if comma := strings.IndexByte(v, ','); comma >= 0 {
                v = v[:comma]
            }
            secs, err := strconv.ParseFloat(v, 64)
            if err != nil {
                return nil, fmt.Errorf("line %d: invalid segment duration %q: %w", i+1, v, err)
            }
            pending.duration = time.Duration(secs * float64(time.Second))
            out = append(out, *pending)
            pending = nil
        }
    }
    return out, nil
}
''')
cases_of(case, GH + 'tphakala/birdnet-go/pull/2479', 'internal/api/v2/hls_pdt.go',
         G('api', ['fmt', 'strconv', 'strings', 'sync', 'time'])(BIRDNET), [
             (1, 'go-00-birdnet-zoneless-date-time-in-host-zone',
              'a new file reads program date-times without a zone in the host\'s zone, so the corrected tags move '
              'by the server\'s UTC offset', 'new'),
             (2, 'go-00-birdnet-offset-measured-without-once',
              'a new file measures the stream\'s offset behind a plain flag, so concurrent playlist requests write '
              'the offset at the same time', 'new'),
             (0, 'go-ok-00-birdnet-hls-pdt-corrector',
              'clean: zone-less date-times are read as UTC and the offset is measured once', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-01: backup cleaner of a game server manager (palworld-go), renamed file
PALWORLD = template('palworld-go-backup-cleaner', r'''
// Cleaner deletes the dedicated server's world backups older than the configured retention, on a ticker, for as long
// as the manager runs. A failed pass is reported and the next tick tries again.
type Cleaner struct {
    dir       string
    retention time.Duration
    interval  time.Duration
}

func NewCleaner(c *config.Config) *Cleaner {
    return &Cleaner{
        dir:       filepath.Join(c.GamePath, "backups"),
        retention: time.Duration(c.BackupKeepDays) * 24 * time.Hour,
        interval:  time.Duration(c.BackupCleanInterval) * time.Second,
    }
}

func (c *Cleaner) Run(ctx context.Context) {
    ticker := time.NewTicker(c.interval)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case now := <-ticker.C:
            removed, err := c.clean(now)
            if err != nil {
                log.Printf("backup cleanup of %s failed: %v", c.dir, err)
02|                continue
1|                return //@CONC-07
            }
            if removed > 0 {
                log.Printf("backup cleanup removed %d backups older than %v", removed, c.retention)
            }
        }
    }
}

func (c *Cleaner) clean(now time.Time) (int, error) {
    entries, err := os.ReadDir(c.dir)
    if err != nil {
        return 0, err
    }
    removed := 0
    for _, e := range entries {
2|        log.Printf("backup cleanup: checking %s", e.Name()) //@LOG-01
        info, err := e.Info()
        if err != nil {
            return removed, err
        }
        if now.Sub(info.ModTime()) < c.retention {
            continue
        }
        if err := os.RemoveAll(filepath.Join(c.dir, e.Name())); err != nil {
            return removed, fmt.Errorf("removing %s: %w", e.Name(), err)
        }
        removed++
    }
    return removed, nil
}
''')
cases_of(case, GH + 'Verthandii/palworld-go/pull/3', 'backup/cleaner.go',
         G('backup', ['context', 'fmt', 'log', 'os', 'path/filepath', 'time', '',
                      'github.com/Verthandii/palworld-go/config'])(PALWORLD), [
             (1, 'go-00-palworld-renamed-cleaner-stops-after-failure',
              'a move of the backup cleaner also makes its loop return on the first failed pass, so one unreadable '
              'backup stops the cleanup until the manager restarts', 'rename'),
             (2, 'go-00-palworld-renamed-cleaner-logs-every-backup',
              'a move of the backup cleaner also logs every backup it looks at on every tick, filling the log with '
              'the same names every interval', 'rename'),
             (0, 'go-ok-00-palworld-renamed-cleaner',
              'clean: the move alone; a failed pass is logged and the next tick runs', 'rename'),
         ], rename_from='config/cleaner.go',
         rename_old=lambda t: t.replace('package backup', 'package config').replace(
             '\t"github.com/Verthandii/palworld-go/config"\n', '').replace('c *config.Config', 'c *Config').replace(
             '\t"time"\n\n)', '\t"time"\n)'))


# ---------------------------------------------------------------- CONC-01 / LOG-03: RTMP pull to HLS tool of a live streaming server (lal)
LAL = template('lal-pullrtmp2hls', r'''
// pullRtmp2Hls pulls one RTMP stream and remuxes it into HLS under outPath/<stream name>. Every stream runs on its
// own goroutines, so a malformed stream must end only itself, and every log line names the stream it is about.
func pullRtmp2Hls(url string, outPath string, errCh chan<- error) {
    ctx, err := base.ParseRtmpUrl(url)
    if err != nil {
        errCh <- fmt.Errorf("parse url %s: %w", url, err)
        return
    }
    streamName := ctx.LastItemOfPath

    hlsMuxerConfig := hls.MuxerConfig{
        OutPath:            outPath,
        FragmentDurationMs: 3000,
        FragmentNum:        6,
    }
    hlsMuxer := hls.NewMuxer(streamName, &hlsMuxerConfig, nil)
    hlsMuxer.Start()

    pullSession := rtmp.NewPullSession(func(option *rtmp.PullSessionOption) {
        option.PullTimeoutMs = 10000
        option.ReadAvTimeoutMs = 10000
    })
    remuxer := remux.NewRtmp2MpegtsRemuxer(hlsMuxer)

01|    nazalog.Infof("[%s] pull rtmp. url=%s", streamName, url)
2|    nazalog.Infof("pull rtmp. url=%s", url) //@LOG-03
    err = pullSession.Pull(url, func(msg base.RtmpMsg) {
        remuxer.FeedRtmpMessage(msg)
    })
    if err != nil {
        hlsMuxer.Dispose()
        errCh <- fmt.Errorf("[%s] pull: %w", streamName, err)
        return
    }

    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                nazalog.Errorf("[%s] remux panicked, dropping stream: %v", streamName, r)
02|                pullSession.Dispose()
02|            }
02|        }()
        err := <-pullSession.WaitChan()
        nazalog.Infof("[%s] pull session closed: %v", streamName, err)
        hlsMuxer.Dispose()
        errCh <- err
    }()
}
''')
cases_of(case, GH + 'q191201771/lal/pull/293', 'app/demo/pullrtmp2hls/pullrtmp2hls.go',
         G('main', ['fmt', '', 'github.com/q191201771/lal/pkg/base', 'github.com/q191201771/lal/pkg/hls',
                    'github.com/q191201771/lal/pkg/remux', 'github.com/q191201771/lal/pkg/rtmp',
                    'github.com/q191201771/naza/pkg/nazalog'])(LAL), [
             (1, 'go-00-lal-stream-goroutine-without-recover',
              'an edit drops the recover of each stream\'s close-waiting goroutine, so a panic while tearing one '
              'stream down ends the tool and every other stream it pulls', 'edit'),
             (2, 'go-00-lal-pull-log-without-stream-name',
              'an edit logs the start of a pull without the stream\'s name, so with many streams a failing pull '
              'cannot be told from the others in the log', 'edit'),
             (0, 'go-ok-00-lal-stream-goroutine-recovered',
              'clean: the fix recovers each stream\'s goroutine and disposes only that stream', 'fix'),
         ])
