"""Round-73 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / ERR-01: owner-API GET helper of a Tesla client library (bogosj/tesla)
TESLA = template('tesla-owner-api-get', r'''
// vehicleDataResponse wraps the owner API's envelope around a vehicle's state.
type vehicleDataResponse struct {
    Response *VehicleData `json:"response"`
}

// getJSON issues an authenticated GET against the owner API and decodes the answer into out.
func (c *Client) getJSON(ctx context.Context, path string, out interface{}) error {
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+path, nil)
    if err != nil {
        return err
    }
    req.Header.Set("Authorization", "Bearer "+c.token.AccessToken)
    req.Header.Set("User-Agent", c.userAgent)
    req.Header.Set("Accept", "application/json")

    res, err := c.hc.Do(req)
    if err != nil { //@{1}RES-02
        return err
    }
02|    defer res.Body.Close()

    if res.StatusCode != http.StatusOK {
        msg, _ := io.ReadAll(io.LimitReader(res.Body, 1024))
        return &APIError{Status: res.StatusCode, Path: path, Body: string(msg)}
    }
1|    defer res.Body.Close()
01|    return json.NewDecoder(res.Body).Decode(out)
2|    json.NewDecoder(res.Body).Decode(out) //@ERR-01
2|    return nil
}

// VehicleData fetches the full state of one vehicle; a sleeping car answers 408.
func (c *Client) VehicleData(ctx context.Context, id int64) (*VehicleData, error) {
    var resp vehicleDataResponse
    if err := c.getJSON(ctx, fmt.Sprintf("/api/1/vehicles/%d/vehicle_data", id), &resp); err != nil {
        return nil, err
    }
    if resp.Response == nil {
        return nil, errors.New("tesla: empty vehicle_data response")
    }
    return resp.Response, nil
}
''')
cases_of(case, GH + 'bogosj/tesla/pull/63', 'client.go',
         G('tesla', ['context', 'encoding/json', 'errors', 'fmt', 'io', 'net/http'])(TESLA), [
             (1, 'go-00-tesla-get-body-closed-only-on-success',
              'an edit moves the deferred close of the answer below the status check, so every 408 from a '
              'sleeping car and every 401 keeps its connection out of the pool', 'edit'),
             (2, 'go-00-tesla-get-decode-error-dropped',
              'an edit ignores the error of decoding the answer, so a truncated body is returned as an empty '
              'vehicle state', 'edit'),
             (0, 'go-ok-00-tesla-get-body-always-closed',
              'clean: the fix defers the close right after the request succeeds', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: scenario store of a home-automation server (e154/smart-home)
SMARTHOME = template('smart-home-scenario-adaptor', r'''
// Add stores a workflow scenario together with the scripts it runs, all or nothing.
func (n *WorkflowScenario) Add(ver *m.WorkflowScenario) (id int64, err error) {
    tx := n.db.Begin()
    if err = tx.Error; err != nil {
        return
    }

    dbVer := n.toDb(ver)
    if err = tx.Create(dbVer).Error; err != nil {
        tx.Rollback()
        return
    }

    for _, script := range ver.Scripts {
        link := &db.WorkflowScenarioScript{
            WorkflowScenarioId: dbVer.Id,
            ScriptId:           script.Id,
        }
        if err = tx.Create(link).Error; err != nil { //@{1}TX-01
02|            tx.Rollback()
            return
        }
    }

01|    if err = tx.Commit().Error; err != nil {
01|        return
01|    }
2|    tx.Commit() //@TX-02
    id = dbVer.Id
    return
}

// GetById loads one scenario with its scripts.
func (n *WorkflowScenario) GetById(id int64) (ver *m.WorkflowScenario, err error) {
    var dbVer *db.WorkflowScenario
    if dbVer, err = n.table.GetById(id); err != nil {
        return
    }
    ver = n.fromDb(dbVer)
    return
}
''')
# the thread's defect is the script links written outside the transaction's rollback; TX-01 sits on the failing
# insert's check, two lines below the link's creation (the Begin lies outside the hunk)
cases_of(case, GH + 'e154/smart-home/pull/114', 'adaptors/workflow_scenario.go',
         G('adaptors', ['github.com/e154/smart-home/db', 'm github.com/e154/smart-home/models'])(SMARTHOME), [
             (1, 'go-00-smart-home-scenario-links-not-rolled-back',
              'an edit drops the rollback when a script link fails to insert, so the scenario\'s transaction is '
              'left open on its connection and the half-written scenario stays locked', 'edit'),
             (2, 'go-00-smart-home-scenario-commit-unchecked',
              'an edit commits the scenario without checking the commit\'s error, so a failed commit is reported '
              'to the UI as a stored scenario with an id', 'edit'),
             (0, 'go-ok-00-smart-home-scenario-links-rolled-back',
              'clean: the fix rolls the transaction back when a link fails', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-03: read commands of an EdgeX MQTT device service (device-mqtt-go)
DEVMQTT = template('device-mqtt-read-commands', r'''
// HandleReadCommands publishes one request per resource to the device's command topic and waits for the answers.
// Auto events and the scheduler call it at the same time for the same device.
func (d *Driver) HandleReadCommands(deviceName string, protocols map[string]models.ProtocolProperties, reqs []sdkModel.CommandRequest) ([]*sdkModel.CommandValue, error) {
    res := make([]*sdkModel.CommandValue, 0, len(reqs))
    for _, req := range reqs {
        cmdID := uuid.NewString()
        ch := make(chan *commandResponse, 1)
02|        d.pendingMu.Lock()
        d.pending[cmdID] = ch //@{1}CONC-03
02|        d.pendingMu.Unlock()

        payload, err := json.Marshal(commandRequest{UUID: cmdID, Method: "get", Cmd: req.DeviceResourceName})
        if err != nil {
            return nil, err
        }
        if token := d.client.Publish(d.config.CommandTopic(deviceName), byte(d.config.Qos), false, payload); token.Wait() && token.Error() != nil {
            return nil, token.Error()
        }

01|        ctx, cancel := context.WithTimeout(d.ctx, d.config.ResponseTimeout)
2|        ctx, _ := context.WithTimeout(d.ctx, d.config.ResponseTimeout) //@TMO-03
        resp, err := d.awaitResponse(ctx, cmdID, ch)
01|        cancel()
        if err != nil {
            return nil, fmt.Errorf("device %s resource %s: %w", deviceName, req.DeviceResourceName, err)
        }
        cv, err := newCommandValue(req.Type, req.DeviceResourceName, resp.Result)
        if err != nil {
            return nil, err
        }
        res = append(res, cv)
    }
    return res, nil
}

// awaitResponse waits for the answer to cmdID and forgets the pending entry either way.
func (d *Driver) awaitResponse(ctx context.Context, cmdID string, ch chan *commandResponse) (*commandResponse, error) {
    defer func() {
        d.pendingMu.Lock()
        delete(d.pending, cmdID)
        d.pendingMu.Unlock()
    }()
    select {
    case resp := <-ch:
        return resp, nil
    case <-ctx.Done():
        return nil, fmt.Errorf("no response to command %s: %w", cmdID, ctx.Err())
    }
}
''')
cases_of(case, GH + 'edgexfoundry/device-mqtt-go/issues/88', 'internal/driver/driver.go',
         G('driver', ['context', 'encoding/json', 'fmt', '', 'github.com/edgexfoundry/device-sdk-go/v3/pkg/models',
                      'github.com/edgexfoundry/go-mod-core-contracts/v3/models', 'github.com/google/uuid'])(DEVMQTT), [
             (1, 'go-00-device-mqtt-pending-map-written-without-lock',
              'an edit registers each pending command in the shared map without taking its lock, so an auto event '
              'and a scheduled read of the same device crash the service with concurrent map writes', 'edit'),
             (2, 'go-00-device-mqtt-response-timeout-never-cancelled',
              'an edit discards the cancel of the per-command response timeout, so every read leaves a timer '
              'running until its deadline passes', 'edit'),
             (0, 'go-ok-00-device-mqtt-pending-map-under-lock',
              'clean: the fix registers pending commands under the map\'s lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: Modbus TCP adapter of a meter daemon (volkszaehler/mbmd)
MBMD = template('mbmd-tcp-adapter', r'''
// TCP is a Modbus TCP adapter, or RTU framing over a TCP connection to an RS485 gateway.
type TCP struct {
    address string
    Client  modbus.Client
    Handler modbus.ClientHandler
}

// NewTCPClient creates a Modbus TCP adapter whose requests give up after timeout.
func NewTCPClient(address string, timeout time.Duration) *TCP {
    handler := modbus.NewTCPClientHandler(address) //@{1}TMO-01
02|    handler.Timeout = timeout

    return &TCP{
        address: address,
        Client:  modbus.NewClient(handler),
        Handler: handler,
    }
}

// NewRTUOverTCPClient creates an adapter that frames RTU requests over a transparent TCP gateway.
func NewRTUOverTCPClient(address string, timeout time.Duration) *TCP {
    handler := modbus.NewRTUOverTCPClientHandler(address)
    handler.Timeout = timeout
    handler.IdleTimeout = 2 * timeout

    return &TCP{
        address: address,
        Client:  modbus.NewClient(handler),
        Handler: handler,
    }
}

// String names the adapter in logs and in the status page.
func (b *TCP) String() string {
    return b.address
}

// Slave sets the unit id of the next request.
func (b *TCP) Slave(deviceID uint8) {
    switch h := b.Handler.(type) {
    case *modbus.TCPClientHandler:
        h.SetSlave(deviceID)
    case *modbus.RTUOverTCPClientHandler:
        h.SetSlave(deviceID)
    }
}

// Close drops the gateway connection; the next request dials again.
func (b *TCP) Close() error {
01|    return b.Handler.Close()
2|    b.Handler.Close() //@ERR-01
2|    return nil
}
''')
cases_of(case, GH + 'volkszaehler/mbmd/pull/265', 'meters/tcp.go',
         G('meters', ['time', '', 'github.com/grid-x/modbus'])(MBMD), [
             (1, 'go-00-mbmd-new-tcp-adapter-without-timeout',
              'a new adapter file builds the Modbus TCP handler without its timeout, so a meter behind a dead '
              'gateway stalls the whole polling loop on one read', 'new'),
             (2, 'go-00-mbmd-new-tcp-adapter-close-error-dropped',
              'a new adapter file drops the error of closing the gateway connection, so a failed reconnect after '
              'a timeout is reported as a clean close', 'new'),
             (0, 'go-ok-00-mbmd-new-tcp-adapter',
              'clean: the new adapter sets the handler\'s timeout and returns the close error', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: I2C accelerometer driver of an IoT device library (goiot/devices)
GOIOT = template('goiot-accel-driver', r'''
// Accel3xDigital is a Grove 3-axis digital accelerometer (MMA7660) on an I2C bus.
type Accel3xDigital struct {
    dev *i2c.Device
}

// Open connects to the accelerometer at addr and switches it to active mode.
func Open(o driver.Opener, addr int) (*Accel3xDigital, error) {
    device, err := i2c.Open(o, addr)
    if err != nil {
        return nil, err //@{1}RES-01
    }
    if err := device.Write([]byte{regMode, modeActive}); err != nil {
02|        device.Close()
        return nil, fmt.Errorf("accel3xdigital: activate: %v", err)
    }
    return &Accel3xDigital{dev: device}, nil
}

// Probe reports which of the candidate addresses answer with the MMA7660's mode register.
func Probe(o driver.Opener, candidates []int) []int {
    var found []int
    for _, addr := range candidates {
        dev, err := i2c.Open(o, addr)
        if err != nil {
            continue
        }
2|        defer dev.Close() //@RES-03
        buf := make([]byte, 1)
        err = dev.ReadReg(regMode, buf)
01|        dev.Close()
        if err == nil {
            found = append(found, addr)
        }
    }
    return found
}

// Read returns the acceleration on the three axes in units of g.
func (a *Accel3xDigital) Read() (x, y, z float64, err error) {
    buf := make([]byte, 3)
    if err = a.dev.ReadReg(regX, buf); err != nil {
        return
    }
    return toG(buf[0]), toG(buf[1]), toG(buf[2]), nil
}

// Close releases the I2C device.
func (a *Accel3xDigital) Close() error {
    return a.dev.Close()
}
''')
cases_of(case, GH + 'goiot/devices/issues/15', 'grove/accel3xdigital/accel3xdigital.go',
         G('accel3xdigital', ['fmt', '', 'golang.org/x/exp/io/i2c', 'golang.org/x/exp/io/i2c/driver'])(GOIOT), [
             (1, 'go-00-goiot-accel-device-left-open-on-failed-activate',
              'an edit drops the close of the I2C device when switching it to active mode fails, so every retry '
              'of a misbehaving sensor keeps one more file descriptor on /dev/i2c', 'edit'),
             (2, 'go-00-goiot-accel-probe-defers-close-in-loop',
              'an edit defers the close of each probed device inside the scan loop, so a scan of the whole bus '
              'keeps every candidate address open until it returns', 'edit'),
             (0, 'go-ok-00-goiot-accel-device-closed-on-failed-activate',
              'clean: the fix closes the device when activation fails', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-01: MQTT client of a rule engine, moved to its own file (rulego)
RULEGO = template('rulego-mqtt-client', r'''
// Config is the connection part of an MQTT endpoint or node.
type Config struct {
    Server         string
    Username       string
    Password       string
    ClientID       string
    ConnectTimeout time.Duration
    MaxReconnect   time.Duration
}

// Client keeps one paho connection alive until the context it was started with ends.
type Client struct {
    conf   Config
    client paho.Client
    done   chan struct{}
}

// NewClient connects and keeps reconnecting in the background until ctx is cancelled.
func NewClient(ctx context.Context, conf Config) (*Client, error) {
    opts := paho.NewClientOptions().AddBroker(conf.Server).SetClientID(conf.ClientID)
    opts.SetUsername(conf.Username).SetPassword(conf.Password)
    opts.SetAutoReconnect(false).SetConnectTimeout(conf.ConnectTimeout)
    c := &Client{conf: conf, client: paho.NewClient(opts), done: make(chan struct{})}
    if err := c.connect(); err != nil {
        return nil, err
    }
01|    go func() {
01|        defer c.recoverLoop()
0|        c.keepConnected(ctx)
1|        c.keepConnected(context.Background()) //@TMO-02
01|    }()
2|    go c.keepConnected(ctx) //@CONC-01
    return c, nil
}

// keepConnected checks the connection every few seconds and reconnects with a growing pause.
func (c *Client) keepConnected(ctx context.Context) {
    defer close(c.done)
    pause := time.Second
    ticker := time.NewTicker(5 * time.Second)
    defer ticker.Stop()
    for {
        select {
        case <-ctx.Done():
            c.client.Disconnect(250)
            return
        case <-ticker.C:
        }
        if c.client.IsConnectionOpen() {
            pause = time.Second
            continue
        }
        if err := c.connect(); err != nil {
            pause = min(2*pause, c.conf.MaxReconnect)
            time.Sleep(pause)
        }
    }
}

// recoverLoop logs a panic of the reconnect loop instead of taking the whole rule engine down.
func (c *Client) recoverLoop() {
    if r := recover(); r != nil {
        log.Printf("mqtt client %s: reconnect loop stopped: %v\n%s", c.conf.ClientID, r, debug.Stack())
    }
}

func (c *Client) connect() error {
    token := c.client.Connect()
    if !token.WaitTimeout(c.conf.ConnectTimeout) {
        return fmt.Errorf("mqtt connect to %s timed out", c.conf.Server)
    }
    return token.Error()
}
''')
cases_of(case, GH + 'rulego/rulego/pull/8', 'utils/mqtt/client.go',
         G('mqtt', ['context', 'fmt', 'log', 'runtime/debug', 'time', '',
                    'paho github.com/eclipse/paho.mqtt.golang'])(RULEGO), [
             (1, 'go-00-rulego-moved-client-reconnects-on-background-context',
              'a PR moves the MQTT client into its own file and starts its reconnect loop on a background context, '
              'so a stopped rule chain keeps reconnecting to the broker for ever', 'rename'),
             (2, 'go-00-rulego-moved-client-reconnect-goroutine-without-recover',
              'a PR moves the MQTT client into its own file and starts the reconnect loop as a bare goroutine, so '
              'a panic in the paho callbacks takes the whole rule engine down', 'rename'),
             (0, 'go-ok-00-rulego-moved-client',
              'clean: the move alone; the reconnect loop follows the caller\'s context and recovers', 'rename'),
         ], rename_from='utils/mqtt/mqtt.go')


# ---------------------------------------------------------------- CONC-01 / LOG-01: record dispatch of a vehicle telemetry server (fleet-telemetry)
FLEET = template('fleet-telemetry-socket-dispatch', r'''
// ProcessTelemetry reads records from one vehicle's socket until it closes and hands each to the dispatchers.
func (sm *SocketManager) ProcessTelemetry(serializer *telemetry.BinarySerializer) {
    defer sm.Close()
    for {
        msgType, msg, err := sm.Ws.ReadMessage()
        if err != nil {
            sm.logger.ActivityLog("socket_read_error", logrus.LogInfo{"vin": sm.vin, "error": err.Error()})
            return
        }
        if msgType != websocket.BinaryMessage {
            continue
        }
        sm.stats.recordsIn.Inc()
2|        sm.logger.Log(logrus.INFO, "record_received", logrus.LogInfo{"vin": sm.vin, "size": len(msg)}) //@LOG-01

        record, err := telemetry.NewRecord(serializer, msg, sm.UUID, sm.transmitDecodedRecords)
        if err != nil {
            sm.stats.recordsRejected.Inc()
            continue
        }
        if !sm.limiter.Try() {
            sm.stats.recordsThrottled.Inc()
            continue
        }

        sm.inflight.Add(1)
        go func(r *telemetry.Record) { //@{1}CONC-01
            defer sm.inflight.Done()
02|            defer func() {
02|                if p := recover(); p != nil {
02|                    sm.logger.ErrorLog("dispatch_panic", fmt.Errorf("%v", p), logrus.LogInfo{"vin": sm.vin, "txtype": r.TxType})
02|                }
02|            }()
            sm.dispatch(r)
        }(record)
    }
}

// dispatch sends a record to every producer configured for its type.
func (sm *SocketManager) dispatch(r *telemetry.Record) {
    for _, producer := range sm.dispatchers[r.TxType] {
        producer.Produce(r)
    }
}
''')
# the first defect's file no longer uses fmt; goimports drops it with the recover
FLEET_IMPORTS = ['github.com/gorilla/websocket', 'logrus github.com/teslamotors/fleet-telemetry/logger',
                 'github.com/teslamotors/fleet-telemetry/telemetry']
cases_of(case, GH + 'teslamotors/fleet-telemetry/issues/141', 'server/streaming/socket.go',
         GV('streaming', {0: ['fmt', ''] + FLEET_IMPORTS, 1: FLEET_IMPORTS, 2: ['fmt', ''] + FLEET_IMPORTS})(FLEET), [
             (1, 'go-00-fleet-telemetry-dispatch-goroutine-without-recover',
              'an edit drops the recover of the per-record dispatch goroutine, so one producer panicking on a '
              'malformed record crashes the server for every connected vehicle', 'edit'),
             (2, 'go-00-fleet-telemetry-every-record-logged',
              'an edit logs every received record at info level, so a fleet streaming once a second writes a log '
              'line per vehicle per second', 'edit'),
             (0, 'go-ok-00-fleet-telemetry-dispatch-goroutine-recovers',
              'clean: the fix recovers and logs a panic of the dispatch goroutine', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-01: publisher table of a ROS client library (rosgo)
ROSGO = template('rosgo-node-publishers', r'''
func newDefaultNode(name string, args []string) (*defaultNode, error) {
    node := new(defaultNode)
    node.name = name
    node.masterURI = os.Getenv("ROS_MASTER_URI")
    node.publishers = make(map[string]*defaultPublisher)
    node.subscribers = make(map[string]*defaultSubscriber)
    node.jobChan = make(chan func(), 100)
    node.xmlClient = &http.Client{ //@{2}TMO-01
01|        Timeout: masterCallTimeout,
        Transport: &http.Transport{MaxIdleConnsPerHost: 4},
    }
    node.logger = NewDefaultLogger()
    return node, nil
}

// NewPublisher advertises topic to the master and returns its publisher; the XML-RPC server reads the same table
// when a subscriber asks for the topic.
func (node *defaultNode) NewPublisher(topic string, msgType MessageType) Publisher {
    name := node.nameResolver.remap(topic)
    if pub, ok := node.lookupPublisher(name); ok {
        return pub
    }
    _, err := callRosAPI(node.xmlClient, node.masterURI, "registerPublisher",
        node.qualifiedName, name, msgType.Name(), node.xmlrpcURI)
    if err != nil {
        node.logger.Fatalf("Failed to call registerPublisher(): %s", err)
        return nil
    }
    pub := newDefaultPublisher(node, name, msgType)
02|    node.pubMutex.Lock()
    node.publishers[name] = pub //@{1}CONC-03
02|    node.pubMutex.Unlock()
    go pub.start(&node.waitGroup)
    return pub
}

// lookupPublisher returns the publisher already advertised for name.
func (node *defaultNode) lookupPublisher(name string) (*defaultPublisher, bool) {
    node.pubMutex.Lock()
    defer node.pubMutex.Unlock()
    pub, ok := node.publishers[name]
    return pub, ok
}
''')
cases_of(case, GH + 'fetchrobotics/rosgo/pull/14', 'ros/node.go',
         G('ros', ['net/http', 'os'])(ROSGO), [
             (1, 'go-00-rosgo-publisher-table-written-without-lock',
              'an edit advertises new publishers without taking the publisher table\'s lock, so a node creating '
              'publishers while a subscriber connects crashes with concurrent map access', 'edit'),
             (2, 'go-00-rosgo-master-client-without-timeout',
              'an edit drops the timeout of the XML-RPC client the node uses to reach the master, so a hung '
              'roscore blocks every registration for ever', 'edit'),
             (0, 'go-ok-00-rosgo-publisher-table-under-lock',
              'clean: the fix takes the publisher table\'s lock while advertising', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: TCP transport of a Modbus client library (simonvetter/modbus)
MODBUS = template('simonvetter-modbus-open', r'''
// Open dials the configured endpoint; every request on the connection then gets the configured timeout.
func (mc *ModbusClient) Open() (err error) {
    mc.lock.Lock()
    defer mc.lock.Unlock()

    switch mc.transportType {
    case modbusTCP:
02|        sock, err := net.DialTimeout("tcp", mc.conf.URL, mc.conf.Timeout)
1|        sock, err := net.Dial("tcp", mc.conf.URL) //@TMO-01
        if err != nil {
            return err //@{2}RES-01
        }
        if err = sock.(*net.TCPConn).SetKeepAlive(true); err != nil {
01|            sock.Close()
            return fmt.Errorf("modbus: keepalive on %s: %w", mc.conf.URL, err)
        }
        mc.transport = newTCPTransport(sock, mc.conf.Timeout, mc.conf.Logger)

    case modbusRTU:
        spw := newSerialPortWrapper(&serialPortConfig{
            Device:   mc.conf.URL,
            Speed:    mc.conf.Speed,
            DataBits: mc.conf.DataBits,
            Parity:   mc.conf.Parity,
            StopBits: mc.conf.StopBits,
        })
        if err = spw.Open(); err != nil {
            return err
        }
        mc.transport = newRTUTransport(spw, mc.conf.URL, mc.conf.Speed, mc.conf.Timeout, mc.conf.Logger)

    default:
        return ErrConfigurationError
    }
    return nil
}
''')
cases_of(case, GH + 'simonvetter/modbus/issues/54', 'client.go',
         G('modbus', ['fmt', 'net'])(MODBUS), [
             (1, 'go-00-modbus-tcp-dial-without-timeout',
              'an edit dials Modbus TCP endpoints with net.Dial, so a device that loses power mid-connect hangs '
              'the caller\'s Open for as long as the operating system retries', 'edit'),
             (2, 'go-00-modbus-tcp-socket-left-open-on-keepalive-error',
              'an edit drops the close of the socket when enabling keep-alive fails, so each failed Open leaks a '
              'connection to the device, which most gateways limit to a handful', 'edit'),
             (0, 'go-ok-00-modbus-tcp-dial-bounded',
              'clean: the fix dials with the configured timeout', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-04: light schedules of a garden controller (automated-garden)
GARDEN = template('automated-garden-light-schedule', r'''
// Worker schedules the actions of every garden and sends them to the controllers over MQTT.
type Worker struct {
    scheduler  *gocron.Scheduler
    mqttClient mqtt.Client
    mqttOpts   *mqtt.ClientOptions
    jobsMu     sync.Mutex
    lightJobs  map[string]*gocron.Job
    logger     *logrus.Entry
}

// ScheduleLightActions (re)schedules the on and off actions of a garden's light; the API calls it from every
// request that creates or edits a garden.
func (w *Worker) ScheduleLightActions(g *pkg.Garden) error {
    start, err := g.LightSchedule.StartTime.Time()
    if err != nil {
        return fmt.Errorf("garden %s: light start time: %w", g.ID, err)
    }
    job, err := w.scheduler.Every(1).Day().At(start).Do(w.executeLightAction, g, pkg.LightStateOn)
    if err != nil {
        return err
    }
02|    w.jobsMu.Lock()
    if old, ok := w.lightJobs[g.ID.String()]; ok {
        w.scheduler.RemoveByReference(old)
    }
    w.lightJobs[g.ID.String()] = job //@{1}CONC-03
02|    w.jobsMu.Unlock()
    return nil
}

// executeLightAction publishes the light command to the garden's controller.
func (w *Worker) executeLightAction(g *pkg.Garden, state pkg.LightState) {
    msg, err := json.Marshal(action.LightAction{State: state})
    if err != nil {
        w.logger.WithError(err).Error("unable to encode light action")
        return
    }
01|    client := w.mqttClient
2|    client := mqtt.NewClient(w.mqttOpts) //@RES-04
2|    if token := client.Connect(); token.Wait() && token.Error() != nil {
2|        w.logger.WithError(token.Error()).Error("unable to connect to MQTT broker")
2|        return
2|    }
    topic := fmt.Sprintf("%s/command/light", g.TopicPrefix)
    if token := client.Publish(topic, 1, false, msg); token.Wait() && token.Error() != nil {
        w.logger.WithError(token.Error()).WithField("garden", g.ID).Error("unable to publish light action")
    }
}
''')
cases_of(case, GH + 'calvinmclean/automated-garden/pull/109', 'garden-app/worker/light_actions.go',
         G('worker', ['encoding/json', 'fmt', 'sync', '', 'github.com/calvinmclean/automated-garden/garden-app/pkg',
                      'github.com/calvinmclean/automated-garden/garden-app/pkg/action',
                      'mqtt github.com/eclipse/paho.mqtt.golang', 'github.com/go-co-op/gocron',
                      'github.com/sirupsen/logrus'])(GARDEN), [
             (1, 'go-00-automated-garden-light-jobs-written-without-lock',
              'an edit replaces a garden\'s light job in the shared job table without the table\'s lock, so two '
              'API requests editing gardens at once race on the map', 'edit'),
             (2, 'go-00-automated-garden-mqtt-client-per-action',
              'an edit connects a new MQTT client for every light action, so each scheduled switch opens a '
              'broker connection that is never disconnected', 'edit'),
             (0, 'go-ok-00-automated-garden-light-jobs-under-lock',
              'clean: the fix replaces light jobs under the table\'s lock', 'fix'),
         ])
