"""Round-89 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- ERR-01 / CONC-01: video stream of a drone driver (gobot, DJI Tello)
GOBOT = template('gobot-tello-video', r'''
const (
    videoPort     = ":11111"
    videoBufSize  = 2048
    VideoFrameEvent = "videoframe"
)

// Driver drives a DJI Tello drone over its UDP command and video ports.
type Driver struct {
    name      string
    reqAddr   string
    cmdConn   *net.UDPConn
    videoConn *net.UDPConn
    halted    int32
    gobot.Eventer
}

// Halt stops the drone's streams; the video goroutine ends on the closed connection.
func (d *Driver) Halt() error {
    atomic.StoreInt32(&d.halted, 1)
    if d.videoConn != nil {
        d.videoConn.Close()
    }
    return d.cmdConn.Close()
}

func (d *Driver) isHalted() bool {
    return atomic.LoadInt32(&d.halted) == 1
}

// processVideo listens on the video port and publishes every H.264 packet the drone sends as a VideoFrameEvent.
func (d *Driver) processVideo() error {
    addr, err := net.ResolveUDPAddr("udp", videoPort)
    if err != nil {
        return err
    }
    d.videoConn, err = net.ListenUDP("udp", addr)
    if err != nil {
        return err
    }

    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.Printf("tello: video stream stopped: %v", r)
01|            }
01|        }()
        buf := make([]byte, videoBufSize)
        for {
02|            n, _, err := d.videoConn.ReadFromUDP(buf)
02|            if err != nil {
02|                if d.isHalted() {
02|                    return
02|                }
02|                log.Println("tello: error reading video packet:", err)
02|                continue
02|            }
1|            n, _, _ := d.videoConn.ReadFromUDP(buf) //@ERR-01
            frame := make([]byte, n)
            copy(frame, buf[:n])
            d.Publish(d.Event(VideoFrameEvent), frame)
        }
    }()
    return nil
}

// SetVideoEncoderRate asks the drone for a video bit rate (0 = auto, 1 to 5 = 1 to 4 Mbps).
func (d *Driver) SetVideoEncoderRate(rate int) error {
    _, err := d.cmdConn.Write([]byte(fmt.Sprintf("setbitrate %d", rate)))
    return err
}
''')
cases_of(case, GH + 'hybridgroup/gobot/pull/631', 'platforms/dji/tello/driver.go',
         G('tello', ['fmt', 'log', 'net', 'sync/atomic', '', 'gobot.io/x/gobot'])(GOBOT), [
             (1, 'go-00-gobot-tello-video-read-error-dropped',
              'an edit reads the drone\'s video packets without looking at the read error, so a failed read (or the '
              'closed connection after Halt) publishes empty frames in a tight loop that never ends', 'edit'),
             (2, 'go-00-gobot-tello-video-goroutine-without-recover',
              'an edit drops the recover of the video goroutine, so a panic while publishing one malformed frame takes '
              'the whole ground-control process down with the drone in the air', 'edit'),
             (0, 'go-ok-00-gobot-tello-video-read-error-checked',
              'clean: the fix checks the read error again, stops on Halt and skips a failed read', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-02: Modbus TCP server of an IoT gateway (simpleiot)
SIMPLEIOT = template('simpleiot-modbus-tcp-server', r'''
// TCPServer answers Modbus TCP requests from the registers of one unit. Several SCADA clients may poll the gateway
// at once; each connection is served by its own goroutine, at most maxClients of them.
type TCPServer struct {
    id         byte
    maxClients int
    regs       *Regs
    listener   net.Listener
    clients    chan struct{}
    debug      int
}

// NewTCPServer listens on port for Modbus TCP clients of unit id.
func NewTCPServer(id byte, maxClients int, port string, regs *Regs) (*TCPServer, error) {
    listener, err := net.Listen("tcp", ":"+port)
    if err != nil {
        return nil, err
    }
    return &TCPServer{
        id:         id,
        maxClients: maxClients,
        regs:       regs,
        listener:   listener,
        clients:    make(chan struct{}, maxClients),
    }, nil
}

// Listen accepts connections until the listener is closed.
func (ts *TCPServer) Listen(errorCallback func(error)) {
    for {
        conn, err := ts.listener.Accept()
        if err != nil {
            errorCallback(err)
            return
        }
01|        select {
01|        case ts.clients <- struct{}{}:
01|        default:
01|            log.Println("Modbus TCP server: warning reached max conn")
01|            conn.Close()
01|            continue
01|        }
        go ts.serve(conn) //@{2}CONC-02
    }
}

func (ts *TCPServer) serve(conn net.Conn) { //@{1}RES-01
01|    defer func() { <-ts.clients }()
02|    defer conn.Close()
    buf := make([]byte, 260)
    for {
        n, err := conn.Read(buf)
        if err != nil {
            if err != io.EOF {
                log.Println("Modbus TCP server: read error:", err)
            }
            return
        }
        if ts.debug >= 9 {
            fmt.Println("Modbus TCP server: rx:", HexDump(buf[:n]))
        }
        resp, err := ts.handle(buf[:n])
        if err != nil {
            log.Println("Modbus TCP server: request error:", err)
            return
        }
        if _, err := conn.Write(resp); err != nil {
            log.Println("Modbus TCP server: write error:", err)
            return
        }
    }
}

// Close stops the server; served connections end on their next read.
func (ts *TCPServer) Close() error {
    return ts.listener.Close()
}
''')
cases_of(case, GH + 'simpleiot/simpleiot/issues/163', 'modbus/tcp-server.go',
         G('modbus', ['fmt', 'io', 'log', 'net'])(SIMPLEIOT), [
             (1, 'go-00-simpleiot-modbus-tcp-connection-not-closed',
              'an edit drops the close of a served Modbus TCP connection, so every client that disconnects leaves its '
              'socket open until the gateway runs out of descriptors', 'edit'),
             (2, 'go-00-simpleiot-modbus-tcp-goroutine-per-client-unbounded',
              'an edit drops the client limit of the Modbus TCP server, so a misbehaving SCADA poller that reconnects '
              'in a loop gets one goroutine and one socket per attempt', 'edit'),
             (0, 'go-ok-00-simpleiot-modbus-tcp-connection-closed',
              'clean: the fix closes each served connection again when its goroutine ends', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-03: service client of a ROS library (goroslib)
GOROSLIB = template('goroslib-service-client', r'''
// ServiceClientConf is the configuration of a ServiceClient.
type ServiceClientConf struct {
    Node        *Node
    Name        string
    Srv         interface{}
    DialTimeout time.Duration
    CallTimeout time.Duration
}

// ServiceClient calls one ROS service over a persistent TCPROS connection.
type ServiceClient struct {
    conf  ServiceClientConf
    mutex sync.Mutex
    conn  net.Conn
}

// Call sends req to the service and decodes its answer into res; it gives up after the client's call timeout.
func (sc *ServiceClient) Call(ctx context.Context, req interface{}, res interface{}) error {
01|    ctx, cancel := context.WithTimeout(ctx, sc.conf.CallTimeout)
01|    defer cancel()
2|    ctx, _ = context.WithTimeout(ctx, sc.conf.CallTimeout) //@TMO-03

    sc.mutex.Lock()
    defer sc.mutex.Unlock()

    if sc.conn == nil {
        if err := sc.connect(ctx); err != nil {
            return err
        }
    }

    done := make(chan error, 1)
    go func() {
        done <- sc.roundTrip(req, res)
    }()

    select {
    case err := <-done:
        if err != nil {
            sc.closeConn()
        }
        return err
    case <-ctx.Done():
        sc.closeConn()
        <-done
        return ctx.Err()
    }
}

func (sc *ServiceClient) connect(ctx context.Context) error {
    address, err := sc.conf.Node.lookupService(ctx, sc.conf.Name)
    if err != nil {
        return err
    }
02|    dialer := net.Dialer{Timeout: sc.conf.DialTimeout}
02|    conn, err := dialer.DialContext(ctx, "tcp", address)
1|    conn, err := net.Dial("tcp", address) //@TMO-01
    if err != nil {
        return fmt.Errorf("dial %s: %w", address, err)
    }
    sc.conn = conn
    return nil
}

func (sc *ServiceClient) closeConn() {
    if sc.conn != nil {
        sc.conn.Close()
        sc.conn = nil
    }
}
''')
cases_of(case, GH + 'bluenviron/goroslib/pull/118', 'serviceclient.go',
         G('goroslib', ['context', 'fmt', 'net', 'sync', 'time'])(GOROSLIB), [
             (1, 'go-00-goroslib-service-client-dial-without-timeout',
              'an edit dials the service provider without the dial timeout or the call\'s context, so a robot node '
              'whose service host is gone from the network blocks its caller for minutes', 'edit'),
             (2, 'go-00-goroslib-service-call-cancel-discarded',
              'an edit bounds each service call with a derived timeout but throws its cancel away, so every call keeps '
              'a timer and a context alive until the timeout expires', 'edit'),
             (0, 'go-ok-00-goroslib-service-client-dial-with-timeout',
              'clean: the fix dials with the configured timeout and the call\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-01: OPC UA client (gopcua)
OPCUA = template('opcua-client-subscribe', r'''
// Connect opens the secure channel to the server and activates a session on it.
func (c *Client) Connect(ctx context.Context) (err error) {
    if c.SecureChannel() != nil {
        return errors.Errorf("already connected")
    }
    conn, err := uacp.Dial(ctx, c.endpointURL)
    if err != nil { //@{2}RES-01
        return err
    }
01|    defer func() {
01|        if err != nil {
01|            conn.Close()
01|        }
01|    }()
    sechan, err := uasc.NewSecureChannel(c.endpointURL, conn, c.cfg.sechan, c.sechanErr)
    if err != nil {
        return err
    }
    if err := sechan.Open(ctx); err != nil {
        return err
    }
    c.setSecureChannel(sechan)
    c.setState(Connected)

    s, err := c.CreateSession(ctx, c.cfg.session)
    if err != nil {
        c.Close(ctx)
        return err
    }
    return c.ActivateSession(ctx, s)
}

// Subscribe creates a subscription on the server and registers it with the client's publish loop. The request is
// sent with ctx, so a caller's deadline bounds the round trip.
func (c *Client) Subscribe(ctx context.Context, params *SubscriptionParameters, notifyCh chan<- *PublishNotificationData) (*Subscription, error) {
    if params == nil {
        params = &SubscriptionParameters{}
    }
    params.setDefaults()
    req := &ua.CreateSubscriptionRequest{
        RequestedPublishingInterval: float64(params.Interval / time.Millisecond),
        RequestedLifetimeCount:      params.LifetimeCount,
        RequestedMaxKeepAliveCount:  params.MaxKeepAliveCount,
        PublishingEnabled:           true,
        MaxNotificationsPerPublish:  params.MaxNotificationsPerPublish,
        Priority:                    params.Priority,
    }

    var res *ua.CreateSubscriptionResponse
02|    err := c.Send(ctx, req, func(v interface{}) error {
1|    err := c.Send(context.Background(), req, func(v interface{}) error { //@TMO-02
        return safeAssign(v, &res)
    })
    if err != nil {
        return nil, err
    }
    if status := res.ResponseHeader.ServiceResult; status != ua.StatusOK {
        return nil, status
    }

    sub := newSubscription(c, res, params, notifyCh)
    c.subMux.Lock()
    c.subs[sub.SubscriptionID] = sub
    c.subMux.Unlock()
    return sub, nil
}
''')
cases_of(case, GH + 'gopcua/opcua/pull/549', 'client.go',
         G('opcua', ['context', 'time', '', 'github.com/gopcua/opcua/errors', 'github.com/gopcua/opcua/ua',
                     'github.com/gopcua/opcua/uacp', 'github.com/gopcua/opcua/uasc'])(OPCUA), [
             (1, 'go-00-opcua-subscribe-without-caller-context',
              'an edit sends the create-subscription request on a background context, so a PLC that accepts the '
              'connection but never answers holds the caller past its own deadline', 'edit'),
             (2, 'go-00-opcua-connect-leaks-connection-on-channel-error',
              'an edit stops closing the transport connection when the secure channel cannot be created or opened, so '
              'every failed connect to a PLC with a wrong security policy leaks a socket', 'edit'),
             (0, 'go-ok-00-opcua-subscribe-with-caller-context',
              'clean: the fix sends the request with the caller\'s context again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-02: MQTT broker client session (gmqtt)
GMQTT = template('gmqtt-redeliver', r'''
// redeliver resends the QoS 1 and 2 messages the client has not acknowledged within the retry interval, with the
// DUP flag set, until the client goes away.
func (client *Client) redeliver() {
    retry := client.server.config.DeliveryRetryInterval
    ticker := time.NewTicker(retry)
    defer ticker.Stop()
    for {
        select {
        case <-client.close:
            return
        case now := <-ticker.C:
            var due []*packets.Publish
02|            client.session.inflightMu.Lock()
            for id, elem := range client.session.inflight {
                if now.Sub(elem.at) >= retry {
                    client.session.inflight[id] = &inflightElem{at: now, packet: elem.packet} //@{1}CONC-03
                    due = append(due, elem.packet)
                }
            }
02|            client.session.inflightMu.Unlock()
            for _, p := range due {
                pub := p.CopyPublish()
                pub.Dup = true
01|                zaplog.Debug("redelivering in-flight message",
01|                    zap.Uint16("packet_id", uint16(pub.PacketID)),
01|                    zap.String("client_id", client.opts.ClientID))
2|                zaplog.Debug(fmt.Sprintf("redelivering in-flight message %d to %s", pub.PacketID, client.opts.ClientID)) //@LOG-02
                client.write(pub)
            }
        }
    }
}

// writeLoop writes the packets queued for the client until the connection fails or the client is closed.
func (client *Client) writeLoop() {
    for {
        select {
        case <-client.close:
            return
        case p := <-client.out:
            if err := client.packetWriter.WritePacket(p); err != nil {
                zaplog.Warn("write packet failed", zap.String("client_id", client.opts.ClientID), zap.Error(err))
                client.setError(err)
                return
            }
        }
    }
}
''')
cases_of(case, GH + 'DrmagicE/gmqtt/issues/2', 'server/client.go',
         GV('server', {0: ['time', '', 'github.com/DrmagicE/gmqtt/pkg/packets', 'go.uber.org/zap'],
                       1: ['time', '', 'github.com/DrmagicE/gmqtt/pkg/packets', 'go.uber.org/zap'],
                       2: ['fmt', 'time', '', 'github.com/DrmagicE/gmqtt/pkg/packets', 'go.uber.org/zap']})(GMQTT), [
             (1, 'go-00-gmqtt-redeliver-inflight-without-lock',
              'an edit walks and updates the session\'s in-flight map from the redelivery goroutine without the '
              'session lock, while the read loop deletes acknowledged entries: a concurrent map write under QoS 2 load',
              'edit'),
             (2, 'go-00-gmqtt-redeliver-debug-line-formatted',
              'an edit formats the redelivery debug line with Sprintf, so every resent message of every client pays '
              'for the string with debug logging off', 'edit'),
             (0, 'go-ok-00-gmqtt-redeliver-inflight-locked',
              'clean: the fix holds the session lock around the in-flight walk again', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: HCI transport of a Wi-Fi and Bluetooth chip driver (cyw43439)
CYW = template('cyw43439-hci-read', r'''
// hciTransport carries HCI packets between the host stack and the chip's Bluetooth core over the shared SPI bus.
type hciTransport struct {
    dev *Device
    rd  bytes.Reader
    buf [hciBufSize]byte
    log *slog.Logger
}

func (h *hciTransport) Buffered() int {
    if h.rd.Len() == 0 {
        h.poll()
    }
    return h.rd.Len()
}

// Read copies the next buffered HCI bytes into buf, reading a new packet from the chip when none is buffered.
func (h *hciTransport) Read(buf []byte) (int, error) {
    for h.rd.Len() == 0 {
        if err := h.poll(); err != nil {
            return 0, err
        }
    }
02|    n, err := h.rd.Read(buf)
02|    if err != nil {
02|        return 0, err
02|    }
1|    n, _ := h.rd.Read(buf) //@ERR-01
01|    h.log.Debug("hci:read", slog.Int("n", n))
2|    h.log.Info("hci:read", slog.Int("n", n), slog.String("data", hex.EncodeToString(buf[:n]))) //@LOG-01
    return n, nil
}

// Write sends one HCI packet to the chip.
func (h *hciTransport) Write(buf []byte) (int, error) {
    h.dev.lock()
    defer h.dev.unlock()
    if err := h.dev.hciWrite(buf); err != nil {
        return 0, err
    }
    return len(buf), nil
}

func (h *hciTransport) poll() error {
    h.dev.lock()
    defer h.dev.unlock()
    n, err := h.dev.hciReadPacket(h.buf[:])
    if err != nil {
        return err
    }
    h.rd.Reset(h.buf[:n])
    return nil
}
''')
cases_of(case, GH + 'soypat/cyw43439/issues/58', 'bluetooth.go',
         GV('cyw43439', {0: ['bytes', 'log/slog'], 1: ['bytes', 'log/slog'],
                         2: ['bytes', 'encoding/hex', 'log/slog']})(CYW), [
             (1, 'go-00-cyw43439-hci-read-error-dropped',
              'an edit drops the error of reading the buffered HCI packet, so a short read hands the Bluetooth stack a '
              'zero length and it loses its place in the event stream', 'edit'),
             (2, 'go-00-cyw43439-hci-read-logs-every-packet',
              'an edit logs every HCI packet read from the chip at info level with a hex dump, so an advertising scan '
              'writes hundreds of lines a second to the microcontroller\'s UART', 'edit'),
             (0, 'go-ok-00-cyw43439-hci-read-error-returned',
              'clean: the fix returns the read error again', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-03: session manager of an edge MQTT broker (baetyl-broker), renamed file
BAETYL = template('baetyl-session-manager', r'''
// Manager keeps the sessions of the broker's clients and the persisted queues of their subscriptions.
type Manager struct {
    mut      sync.RWMutex
    sessions map[string]*Session
    store    *Store
    log      *log.Logger
}

// addSession registers s for its client id, replacing (and closing) an older session of the same client.
func (m *Manager) addSession(s *Session) {
02|    m.mut.Lock()
02|    defer m.mut.Unlock()
    old := m.sessions[s.ID]
    m.sessions[s.ID] = s //@{1}CONC-03
    if old != nil {
        old.close()
    }
    m.log.Debug("session added", log.Any("id", s.ID))
}

func (m *Manager) getSession(id string) (*Session, bool) {
    m.mut.RLock()
    defer m.mut.RUnlock()
    s, ok := m.sessions[id]
    return s, ok
}

// restore reopens the persisted queue of every session found in dir when the broker starts.
func (m *Manager) restore(dir string) error {
    entries, err := os.ReadDir(dir)
    if err != nil {
        return err
    }
    for _, e := range entries {
        if e.IsDir() {
            continue
        }
        f, err := os.Open(filepath.Join(dir, e.Name()))
        if err != nil {
            return err
        }
2|        defer f.Close() //@RES-03
        s, err := m.store.readSession(f)
01|        f.Close()
        if err != nil {
            return fmt.Errorf("restore session %s: %w", e.Name(), err)
        }
        m.addSession(s)
    }
    return nil
}
''')
cases_of(case, GH + 'baetyl/baetyl-broker/pull/5', 'session/manager.go',
         G('session', ['fmt', 'os', 'path/filepath', 'sync', '', 'github.com/baetyl/baetyl-go/v2/log'])(BAETYL), [
             (1, 'go-00-baetyl-broker-renamed-session-manager-map-without-lock',
              'a PR renames the session store file to manager.go and adds sessions without the manager\'s lock, while '
              'connection goroutines look sessions up: a concurrent map write when devices reconnect together',
              'rename'),
             (2, 'go-00-baetyl-broker-renamed-session-manager-defer-close-in-loop',
              'a PR renames the session store file and defers each persisted session file\'s close inside the restore '
              'loop, so a gateway with thousands of device sessions holds every file open until start-up ends',
              'rename'),
             (0, 'go-ok-00-baetyl-broker-renamed-session-manager',
              'clean: the rename alone; sessions are added under the lock and each file is closed after reading',
              'rename'),
         ], rename_from='session/store.go')


# ---------------------------------------------------------------- LOG-01 / RES-04: collector of a smart-plug metrics exporter (tasmota-exporter), new file
TASMOTA = template('tasmota-exporter-collector', r'''
// collector keeps the last telemetry of every Tasmota plug seen on MQTT and asks each plug for its full status on
// every poll interval, so that plugs with a long TelePeriod still show current readings.
type collector struct {
    mu      sync.Mutex
    devices map[string]*deviceState
    hosts   map[string]string
01|    http    *http.Client
}

type deviceState struct {
    power    float64
    voltage  float64
    total    float64
    lastSeen time.Time
}

func newCollector(hosts map[string]string) *collector {
    return &collector{
        devices: make(map[string]*deviceState),
        hosts:   hosts,
01|        http:    &http.Client{Timeout: 5 * time.Second},
    }
}

// onTelemetry is the MQTT handler of tele/+/SENSOR.
func (c *collector) onTelemetry(_ mqtt.Client, msg mqtt.Message) {
    device := strings.Split(msg.Topic(), "/")[1]
1|    log.Printf("received update for: %s", msg.Topic()) //@LOG-01
    var payload struct {
        Energy struct {
            Power   float64 `json:"Power"`
            Voltage float64 `json:"Voltage"`
            Total   float64 `json:"Total"`
        } `json:"ENERGY"`
    }
    if err := json.Unmarshal(msg.Payload(), &payload); err != nil {
        log.Printf("bad telemetry from %s: %v", device, err)
        return
    }
    c.mu.Lock()
    defer c.mu.Unlock()
    c.devices[device] = &deviceState{
        power:    payload.Energy.Power,
        voltage:  payload.Energy.Voltage,
        total:    payload.Energy.Total,
        lastSeen: time.Now(),
    }
}

// pollStatus asks one plug for Status 8 (its energy readings) over HTTP.
func (c *collector) pollStatus(ctx context.Context, device string) error {
    url := fmt.Sprintf("http://%s/cm?cmnd=Status%%208", c.hosts[device])
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return err
    }
01|    resp, err := c.http.Do(req)
2|    client := &http.Client{Timeout: 5 * time.Second} //@RES-04
2|    resp, err := client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return fmt.Errorf("status of %s: %s", device, resp.Status)
    }
    var status struct {
        StatusSNS struct {
            Energy struct {
                Power float64 `json:"Power"`
                Total float64 `json:"Total"`
            } `json:"ENERGY"`
        } `json:"StatusSNS"`
    }
    if err := json.NewDecoder(resp.Body).Decode(&status); err != nil {
        return err
    }
    c.mu.Lock()
    defer c.mu.Unlock()
    if st, ok := c.devices[device]; ok {
        st.power = status.StatusSNS.Energy.Power
        st.total = status.StatusSNS.Energy.Total
        st.lastSeen = time.Now()
    }
    return nil
}

// pollLoop polls every known plug until ctx is done.
func (c *collector) pollLoop(ctx context.Context, every time.Duration) {
    ticker := time.NewTicker(every)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            return
        case <-ticker.C:
            for device := range c.hosts {
                if err := c.pollStatus(ctx, device); err != nil {
                    log.Printf("poll %s: %v", device, err)
                }
            }
        }
    }
}
''')
cases_of(case, GH + 'dyrkin/tasmota-exporter/issues/6', 'collector.go',
         G('main', ['context', 'encoding/json', 'fmt', 'log', 'net/http', 'strings', 'sync', 'time', '',
                    'mqtt github.com/eclipse/paho.mqtt.golang'])(TASMOTA), [
             (1, 'go-00-tasmota-exporter-new-collector-logs-every-update',
              'a new collector logs every telemetry message it receives, so a house of smart plugs reporting every '
              'few seconds fills the exporter\'s log with one line per plug and period', 'new'),
             (2, 'go-00-tasmota-exporter-new-collector-client-per-poll',
              'a new collector builds an HTTP client for every status poll of every plug, so no connection is ever '
              'reused and each poll opens a fresh one to the plug\'s small web server', 'new'),
             (0, 'go-ok-00-tasmota-exporter-new-collector',
              'clean: a new collector with one shared HTTP client and no per-message log line', 'new'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: GATT client of a Bluetooth library on Windows (tinygo bluetooth), CRLF
TINYGOBT = template('tinygo-bluetooth-gattc-windows', r'''
// Connect connects to the peripheral at address and returns the device once GATT services can be discovered.
func (a *Adapter) Connect(address Address, params ConnectionParams) (device Device, err error) {
    bleDevice, err := a.openDevice(address.MAC)
    if err != nil { //@{2}RES-01
        return Device{}, err
    }
01|    defer func() {
01|        if err != nil {
01|            bleDevice.Close()
01|        }
01|    }()
    session, err := a.openSession(bleDevice)
    if err != nil {
        return Device{}, err
    }
    return Device{Address: address, device: bleDevice, session: session}, nil
}

// Read reads the current value of the characteristic into data and returns the number of bytes read.
func (c DeviceCharacteristic) Read(data []byte) (int, error) {
    op, err := c.characteristic.ReadValueWithCacheModeAsync(BluetoothCacheModeUncached)
    if err != nil {
        return 0, err
    }
02|    result, err := awaitAsyncOperation(op, signatureGattReadResult)
02|    if err != nil {
02|        return 0, err
02|    }
1|    result, _ := awaitAsyncOperation(op, signatureGattReadResult) //@ERR-01
    value, err := result.GetValue()
    if err != nil {
        return 0, err
    }
    defer value.Release()
    buf, err := bufferToSlice(value)
    if err != nil {
        return 0, err
    }
    return copy(data, buf), nil
}
''')
cases_of(case, GH + 'tinygo-org/bluetooth/pull/450', 'gattc_windows.go',
         G('bluetooth', [])(TINYGOBT), [
             (1, 'go-00-tinygo-bluetooth-windows-read-result-error-dropped',
              'an edit drops the error of awaiting a characteristic read, so a peripheral that answers with an empty '
              'or failed GATT response crashes the program on a nil read result (CRLF file)', 'edit'),
             (2, 'go-00-tinygo-bluetooth-windows-connect-leaks-device',
              'an edit stops releasing the opened device when its GATT session cannot be opened, so every failed '
              'connect to a sensor out of range keeps a Windows device handle (CRLF file)', 'edit'),
             (0, 'go-ok-00-tinygo-bluetooth-windows-read-result-error-checked',
              'clean: the fix checks the error of the awaited read again (CRLF file)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / TMO-01: MQTT client connection (jeffallen/mqtt)
JEFFMQTT = template('jeffallen-mqtt-client-conn', r'''
// DialTimeout bounds the TCP connect to the broker.
var DialTimeout = 10 * time.Second

// ClientConn is a connection to an MQTT broker. Incoming publishes arrive on Incoming; acknowledgements wake the
// goroutine that sent the packet.
type ClientConn struct {
    ClientId string
    Incoming chan *proto.Publish

    conn    net.Conn
    out     chan job
    mu      sync.Mutex
    pending map[uint16]chan struct{}
    done    chan struct{}
}

// Dial connects to the broker at address; Connect must be called next.
func Dial(address string) (*ClientConn, error) {
01|    conn, err := net.DialTimeout("tcp", address, DialTimeout)
2|    conn, err := net.Dial("tcp", address) //@TMO-01
    if err != nil {
        return nil, err
    }
    c := NewClientConn(conn)
    return c, nil
}

// expect registers the packet id whose acknowledgement the caller will wait for.
func (c *ClientConn) expect(id uint16) <-chan struct{} {
    ch := make(chan struct{})
    c.mu.Lock()
    c.pending[id] = ch
    c.mu.Unlock()
    return ch
}

// ack is called by the reader goroutine for every PUBACK, PUBCOMP and SUBACK.
func (c *ClientConn) ack(id uint16) {
02|    c.mu.Lock()
    ch, ok := c.pending[id]
    delete(c.pending, id) //@{1}CONC-03
02|    c.mu.Unlock()
    if ok {
        close(ch)
    }
}
''')
cases_of(case, GH + 'jeffallen/mqtt/issues/24', 'mqtt.go',
         G('mqtt', ['net', 'sync', 'time', '', 'proto github.com/huin/mqtt'])(JEFFMQTT), [
             (1, 'go-00-jeffallen-mqtt-ack-map-without-lock',
              'an edit takes the acknowledged packet out of the pending map in the reader goroutine without the lock '
              'that publishing goroutines hold while they add to it: a concurrent map write under load', 'edit'),
             (2, 'go-00-jeffallen-mqtt-dial-without-timeout',
              'an edit dials the broker without a timeout, so a sensor gateway whose broker host drops SYNs hangs in '
              'Dial for the kernel\'s full retry time', 'edit'),
             (0, 'go-ok-00-jeffallen-mqtt-ack-map-locked',
              'clean: the fix takes the lock around the pending map again', 'fix'),
         ])

