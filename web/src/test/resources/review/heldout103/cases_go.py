"""Round-103 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-02 / TMO-02: SBI consumer of a 5G core's AMF (free5gc)
FREE5GC = template('free5gc-amf-sm-context-release', r'''
// ReleaseSmContext asks the SMF that owns the PDU session to release its SM context, for example when the UE
// deregisters. The AMF keeps going when the SMF answers with an error: the session is removed locally either way.
func ReleaseSmContext(ctx context.Context, ue *amf_context.AmfUe, smContext *amf_context.SmContext,
    cause models.Cause) (*models.ProblemDetails, error) {
    uri := smContext.SmfUri() + "/nsmf-pdusession/v1/sm-contexts/" + smContext.SmContextRef() + "/release"
    body, err := json.Marshal(models.SmContextReleaseData{Cause: cause})
    if err != nil {
        return nil, fmt.Errorf("encode release data: %w", err)
    }

01|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, uri, bytes.NewReader(body))
2|    req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, uri, bytes.NewReader(body)) //@TMO-02
    if err != nil {
        return nil, fmt.Errorf("build release request: %w", err)
    }
    req.Header.Set("Content-Type", "application/json")

    httpResp, err := consumerClient.Do(req)
    if err != nil { //@{1}RES-02
        return nil, fmt.Errorf("release SM context of PDU session %d: %w", smContext.PduSessionID(), err)
    }
02|    defer func() {
02|        if closeErr := httpResp.Body.Close(); closeErr != nil {
02|            logger.ConsumerLog.Errorf("ReleaseSmContext response body cannot close: %+v", closeErr)
02|        }
02|    }()

    switch httpResp.StatusCode {
    case http.StatusNoContent:
1|        httpResp.Body.Close()
        ue.GmmLog.Infof("released SM context of PDU session %d", smContext.PduSessionID())
        return nil, nil
    case http.StatusNotFound, http.StatusBadRequest, http.StatusInternalServerError:
        var problem models.ProblemDetails
        if err := json.NewDecoder(httpResp.Body).Decode(&problem); err != nil {
            return nil, fmt.Errorf("decode problem details: %w", err)
        }
        return &problem, nil
    default:
        return nil, fmt.Errorf("unexpected status %d from SMF", httpResp.StatusCode)
    }
}
''')
cases_of(case, GH + 'free5gc/free5gc/issues/593', 'internal/sbi/consumer/smf_service.go',
         G('consumer', ['bytes', 'context', 'encoding/json', 'fmt', 'net/http', '',
                        'github.com/free5gc/amf/internal/context amf_context',
                        'github.com/free5gc/amf/internal/logger', 'github.com/free5gc/openapi/models'])(FREE5GC), [
             (1, 'go-00-free5gc-release-response-closed-on-success-only',
              'an edit replaces the deferred close of the SMF response with a close on the 204 branch only, so every '
              'error answer from the SMF leaves its body and connection open', 'edit'),
             (2, 'go-00-free5gc-release-request-detached-from-context',
              'an edit builds the release request on context.Background(), so a deregistration that gives up still '
              'waits on an SMF that does not answer', 'edit'),
             (0, 'go-ok-00-free5gc-release-response-closed-on-every-path',
              'clean: the fix closes the SMF response on every path with a deferred close', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: generated NRF discovery client of a 5G core (free5gc openapi), new file
OPENAPI = template('free5gc-openapi-nrf-client', r'''
// Package discovery searches the NRF for network function instances. The client is shared by every goroutine of a
// network function: build it once with NewAPIClient and keep it.
type APIClient struct {
    cfg        *Configuration
    httpClient *http.Client
}

type Configuration struct {
    BasePath  string
    UserAgent string
    Timeout   time.Duration
}

func NewAPIClient(cfg *Configuration) *APIClient {
    return &APIClient{
        cfg: cfg,
01|        httpClient: &http.Client{
01|            Timeout:   cfg.Timeout,
01|            Transport: &http.Transport{MaxIdleConnsPerHost: 8, IdleConnTimeout: 90 * time.Second},
01|        },
2|        httpClient: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8, IdleConnTimeout: 90 * time.Second}}, //@TMO-01
    }
}

// SearchNFInstances asks the NRF for instances of targetType that serve requesterType.
func (c *APIClient) SearchNFInstances(ctx context.Context, targetType, requesterType string) (*SearchResult, error) {
    query := url.Values{}
    query.Set("target-nf-type", targetType)
    query.Set("requester-nf-type", requesterType)
    req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.cfg.BasePath+"/nf-instances?"+query.Encode(), nil)
    if err != nil {
        return nil, err
    }
    req.Header.Set("User-Agent", c.cfg.UserAgent)
    req.Header.Set("Accept", "application/json")

02|    resp, err := c.httpClient.Do(req)
1|    client := &http.Client{Timeout: c.cfg.Timeout, Transport: &http.Transport{MaxIdleConnsPerHost: 8}} //@RES-04
1|    resp, err := client.Do(req)
    if err != nil {
        return nil, err
    }
    defer resp.Body.Close()
    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("nrf discovery: status %d", resp.StatusCode)
    }
    var result SearchResult
    if err := json.NewDecoder(resp.Body).Decode(&result); err != nil {
        return nil, fmt.Errorf("nrf discovery: decode: %w", err)
    }
    return &result, nil
}
''')
cases_of(case, GH + 'free5gc/openapi/pull/5', 'Nnrf_NFDiscovery/client.go',
         G('Nnrf_NFDiscovery', ['context', 'encoding/json', 'fmt', 'net/http', 'net/url', 'time'])(OPENAPI), [
             (1, 'go-00-free5gc-openapi-transport-built-per-search',
              'a new discovery client builds an HTTP client and transport on every search, so each NF lookup opens '
              'new connections to the NRF and idle ones pile up', 'new'),
             (2, 'go-00-free5gc-openapi-client-without-timeout',
              'a new discovery client builds its shared HTTP client without a timeout, so an NRF that stops '
              'answering holds every discovery', 'new'),
             (0, 'go-ok-00-free5gc-openapi-shared-client',
              'clean: a new discovery client that builds one HTTP client with a timeout and shares it', 'new'),
         ])


# ---------------------------------------------------------------- TMO-03 / TMO-02: bulk walk of an SNMP library (gosnmp)
GOSNMP = template('gosnmp-walk-context', r'''
// BulkWalkAllContext walks the subtree under rootOid and stops when ctx is done or when the walk as a whole takes
// longer than x.MaxWalkTime, whichever comes first.
func (x *GoSNMP) BulkWalkAllContext(ctx context.Context, rootOid string) ([]SnmpPDU, error) {
    if x.MaxWalkTime > 0 {
        var cancel context.CancelFunc
        ctx, cancel = context.WithTimeout(ctx, x.MaxWalkTime) //@{1}TMO-03
02|        defer cancel()
1|        _ = cancel
    }

    var results []SnmpPDU
    oid := rootOid
    for {
        if err := ctx.Err(); err != nil {
            return results, fmt.Errorf("bulk walk of %s stopped: %w", rootOid, err)
        }
01|        response, err := x.getBulkContext(ctx, []string{oid}, 0, x.MaxRepetitions)
2|        response, err := x.getBulkContext(context.Background(), []string{oid}, 0, x.MaxRepetitions) //@TMO-02
        if err != nil {
            return results, err
        }
        if len(response.Variables) == 0 {
            return results, nil
        }
        for _, pdu := range response.Variables {
            if !strings.HasPrefix(pdu.Name, rootOid+".") || pdu.Type == EndOfMibView {
                return results, nil
            }
            results = append(results, pdu)
            oid = pdu.Name
        }
        x.Logger.Printf("BulkWalkAllContext: %d results under %s so far", len(results), rootOid)
    }
}
''')
cases_of(case, GH + 'gosnmp/gosnmp/pull/203', 'walk.go',
         G('gosnmp', ['context', 'fmt', 'strings'])(GOSNMP), [
             (1, 'go-00-gosnmp-walk-timeout-cancel-discarded',
              'an edit discards the cancel of the walk\'s overall timeout, so every walk that ends early keeps its '
              'timer and context until the walk time has passed', 'edit'),
             (2, 'go-00-gosnmp-bulk-request-ignores-walk-context',
              'an edit sends each GETBULK with a background context, so neither the caller\'s cancel nor the walk '
              'timeout stops a request to a device that went silent', 'edit'),
             (0, 'go-ok-00-gosnmp-walk-timeout-cancelled',
              'clean: the fix cancels the walk\'s derived context when the walk returns', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: device poller of an SNMP collector (snmpcollector), CRLF file
SNMPCOLLECTOR = template('snmpcollector-device-map', r'''
// devices holds one poller per configured device; the web UI reads it while reloads and the poll loop change it.
var (
    mutex   sync.RWMutex
    devices = make(map[string]*snmp.SnmpDevice)
)

// UpdateDeviceStatus stores the state of one poller after each poll cycle; it runs on that poller's goroutine.
func UpdateDeviceStatus(id string, dev *snmp.SnmpDevice) {
02|    mutex.Lock()
02|    defer mutex.Unlock()
1|    mutex.RLock()
1|    defer mutex.RUnlock()
    devices[id] = dev //@{1}CONC-03
}

// GetDevice returns the poller of one device for the web UI.
func GetDevice(id string) (*snmp.SnmpDevice, error) {
    mutex.RLock()
    defer mutex.RUnlock()
    dev, ok := devices[id]
    if !ok {
        return nil, fmt.Errorf("there is no device with id %s", id)
    }
    return dev, nil
}

// pollMeasurements gathers every measurement of one device; called on every poll tick of every device.
func pollMeasurements(dev *snmp.SnmpDevice, log *logrus.Logger) int {
    total := 0
    for _, m := range dev.Measurements {
        n, err := m.GetData()
        if err != nil {
            dev.Counters.Errors++
            log.Warnf("device %s: measurement %s failed: %s", dev.ID, m.ID, err)
            continue
        }
        total += n
2|        for oid, value := range m.LastValues() {
2|            log.Infof("device %s: measurement %s oid %s value %v", dev.ID, m.ID, oid, value) //@LOG-01
2|        }
    }
    log.Debugf("device %s: %d values gathered", dev.ID, total)
    return total
}
''')
cases_of(case, GH + 'toni-moreno/snmpcollector/pull/207', 'pkg/agent/agent.go',
         G('agent', ['fmt', 'sync', '', 'github.com/sirupsen/logrus',
                     'github.com/toni-moreno/snmpcollector/pkg/agent/device snmp'])(SNMPCOLLECTOR), [
             (1, 'go-00-snmpcollector-device-status-written-under-read-lock',
              'an edit takes the read lock instead of the write lock to store a device\'s status, so pollers write '
              'the shared map concurrently with each other and with the web UI', 'edit'),
             (2, 'go-00-snmpcollector-every-value-logged-per-poll',
              'an edit logs every gathered OID value at info level on each poll of each device', 'edit'),
             (0, 'go-ok-00-snmpcollector-device-status-under-write-lock',
              'clean: the fix stores device status under the write lock', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / RES-01: trap sender of an alert-to-SNMP notifier (snmp_notifier)
NOTIFIER = template('snmp-notifier-trap-sender', r'''
// SendTraps turns one batch of alerts into SNMP traps and sends them to every configured destination.
func (s TrapSender) SendTraps(alertBucket types.AlertBucket) error {
    traps, err := s.generateTraps(alertBucket)
    if err != nil {
        return err
    }
    var failed []string
    for _, destination := range s.configuration.SNMPDestinations {
        if err := s.sendTo(destination, traps); err != nil {
            s.logger.Error("could not send traps", "destination", destination, "err", err)
            failed = append(failed, destination)
        }
    }
    if len(failed) > 0 {
        return fmt.Errorf("could not send traps to %s", strings.Join(failed, ", "))
    }
    return nil
}

func (s TrapSender) sendTo(destination string, traps []gosnmp.SnmpTrap) error {
    host, port, err := net.SplitHostPort(destination)
    if err != nil {
        return err
    }
    portNumber, err := strconv.ParseUint(port, 10, 16)
    if err != nil {
        return err
    }
    snmp := &gosnmp.GoSNMP{ //@{2}TMO-01
        Target:    host,
        Port:      uint16(portNumber),
01|        Timeout:   s.configuration.SNMPTimeout,
        Community: s.configuration.SNMPCommunity,
        Version:   gosnmp.Version2c,
        Retries:   s.configuration.SNMPRetries,
    }
    if err := snmp.Connect(); err != nil { //@{1}RES-01
        return err
    }
02|    defer snmp.Conn.Close()
    for _, trap := range traps {
        if _, err := snmp.SendTrap(trap); err != nil {
            return err
        }
    }
    return nil
}
''')
cases_of(case, GH + 'maxwo/snmp_notifier/pull/84', 'trapsender/trapsender.go',
         G('trapsender', ['fmt', 'net', 'strconv', 'strings', '', 'github.com/gosnmp/gosnmp',
                          'github.com/maxwo/snmp_notifier/types'])(NOTIFIER), [
             (1, 'go-00-snmp-notifier-trap-connection-never-closed',
              'an edit drops the close of each destination\'s SNMP connection, so every alert batch leaves one UDP '
              'socket per destination open', 'edit'),
             (2, 'go-00-snmp-notifier-trap-sender-without-timeout',
              'an edit builds the SNMP client without the configured timeout, so traps are sent with whatever the '
              'library defaults to instead of the operator\'s setting', 'edit'),
             (0, 'go-ok-00-snmp-notifier-trap-connection-closed',
              'clean: the fix closes each destination\'s connection after its traps', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / ERR-01: rebinding session of an SMPP client (gosmpp)
GOSMPP = template('gosmpp-rebind', r'''
// rebind closes the broken transceiver and binds a new one, retrying every rebindingInterval until it succeeds or
// the session is closed. It is started when the transceiver reports a closed connection.
func (s *Session) rebind() {
    if !atomic.CompareAndSwapInt32(&s.rebinding, 0, 1) {
        return
    }
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                s.settings.OnRebindingError(fmt.Errorf("rebinding stopped by a panic: %v\n%s", r, debug.Stack()))
02|            }
02|        }()
        defer atomic.StoreInt32(&s.rebinding, 0)

        if r := s.r.Load(); r != nil {
01|            if err := r.Close(); err != nil {
01|                s.settings.OnRebindingError(fmt.Errorf("closing the old transceiver: %w", err))
01|            }
2|            _ = r.Close() //@ERR-01
        }
        for atomic.LoadInt32(&s.state) != Closed {
            conn, err := ConnectAsTransceiver(s.c, s.settings)
            if err == nil {
                s.r.Store(conn)
                s.settings.OnRebind()
                return
            }
            s.settings.OnRebindingError(err)
            select {
            case <-s.closed:
                return
            case <-time.After(s.rebindingInterval):
            }
        }
    }()
}
''')
cases_of(case, GH + 'linxGnu/gosmpp/issues/154', 'session.go',
         GV('gosmpp', {0: ['fmt', 'runtime/debug', 'sync/atomic', 'time'],
                       1: ['fmt', 'sync/atomic', 'time'],
                       2: ['fmt', 'runtime/debug', 'sync/atomic', 'time']})(GOSMPP), [
             (1, 'go-00-gosmpp-rebind-goroutine-without-recover',
              'an edit drops the recover of the rebinding goroutine, so a panic while binding a new transceiver '
              'takes the whole SMS gateway down', 'edit'),
             (2, 'go-00-gosmpp-old-transceiver-close-error-dropped',
              'an edit drops the error of closing the broken transceiver, so a close that fails is never reported to '
              'the rebinding error handler', 'edit'),
             (0, 'go-ok-00-gosmpp-rebind-goroutine-recovers',
              'clean: the fix recovers panics on the rebinding goroutine and reports them', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / OPS-01: central system of an OCPP library (go-ocpp), renamed file
GOOCPP = template('go-ocpp-central-system', r'''
// CentralSystem accepts charge point connections on a websocket endpoint and dispatches their requests.
type CentralSystem struct {
    mu           sync.Mutex
    chargePoints map[string]*ws.Conn
    handler      ChargePointMessageHandler
    wg           sync.WaitGroup
    log          *logrus.Entry
}

func (csys *CentralSystem) handleConnection(chargePointID string, conn *ws.Conn) {
02|    csys.mu.Lock()
    csys.chargePoints[chargePointID] = conn //@{1}CONC-03
02|    csys.mu.Unlock()
    csys.wg.Add(1)
    go func() {
        defer csys.wg.Done()
        defer csys.forget(chargePointID)
        for msg := range conn.ReadMessageAsync() {
            if err := csys.dispatch(chargePointID, msg); err != nil {
                csys.log.WithField("chargePointID", chargePointID).WithError(err).Warn("could not handle message")
            }
        }
    }()
}

func (csys *CentralSystem) forget(chargePointID string) {
    csys.mu.Lock()
    defer csys.mu.Unlock()
    delete(csys.chargePoints, chargePointID)
}

// Shutdown closes every charge point connection and waits until their readers have handled what they had read.
func (csys *CentralSystem) Shutdown(ctx context.Context) error {
    csys.mu.Lock()
    for _, conn := range csys.chargePoints {
        conn.Close()
    }
    csys.mu.Unlock()
01|    done := make(chan struct{})
01|    go func() {
01|        csys.wg.Wait()
01|        close(done)
01|    }()
01|    select {
01|    case <-done:
01|        return nil
01|    case <-ctx.Done():
01|        return ctx.Err()
01|    }
2|    return nil //@OPS-01
}
''')
cases_of(case, GH + 'voltbras/go-ocpp/issues/13', 'cs/centralsystem.go',
         G('cs', ['context', 'sync', '', 'github.com/sirupsen/logrus', 'github.com/voltbras/go-ocpp/ws'])(GOOCPP), [
             (1, 'go-00-go-ocpp-renamed-central-system-map-written-unlocked',
              'a PR renames the central system file and stores a new charge point connection without the lock, so '
              'two chargers connecting together write the map concurrently with the readers that delete from it',
              'rename'),
             (2, 'go-00-go-ocpp-renamed-central-system-shutdown-does-not-wait',
              'a PR renames the central system file and returns from Shutdown right after closing the connections, '
              'so messages already read are dropped when the process exits', 'rename'),
             (0, 'go-ok-00-go-ocpp-renamed-central-system',
              'clean: the rename alone; the map is written under the lock and Shutdown waits for the readers',
              'rename'),
         ], rename_from='cs/central_system.go')


# ---------------------------------------------------------------- TIME-01 / TX-02: poll bookkeeping of a telecom SNMP poller (horus)
HORUS = template('horus-poll-bookkeeping', r'''
// SavePollResult records when a device was last polled and how many metrics the poll returned. Both rows are
// written together so that the dispatcher never sees a poll time without its result.
func SavePollResult(ctx context.Context, db *sqlx.DB, devID int, metricCount int, pollErr error) error {
    tx, err := db.BeginTxx(ctx, nil)
    if err != nil {
        return fmt.Errorf("save poll result: begin: %w", err)
    }
    defer tx.Rollback()

02|    polledAt := time.Now().UTC()
1|    polledAt := time.Now().Format("2006-01-02 15:04:05") //@TIME-01
    if _, err := tx.ExecContext(ctx, `UPDATE device SET last_polled_at = $1 WHERE id = $2`, polledAt, devID); err != nil {
        return fmt.Errorf("save poll result: update device %d: %w", devID, err)
    }

    errText := ""
    if pollErr != nil {
        errText = pollErr.Error()
    }
    if _, err := tx.ExecContext(ctx,
        `INSERT INTO poll_result (device_id, polled_at, metric_count, error) VALUES ($1, $2, $3, $4)`,
        devID, polledAt, metricCount, errText); err != nil {
        return fmt.Errorf("save poll result: insert for device %d: %w", devID, err)
    }
01|    if err := tx.Commit(); err != nil {
01|        return fmt.Errorf("save poll result: commit: %w", err)
01|    }
01|    return nil
2|    tx.Commit() //@TX-02
2|    return nil
}
''')
cases_of(case, GH + 'kosctelecom/horus/issues/4', 'model/pollresult.go',
         G('model', ['context', 'fmt', 'time', '', 'github.com/jmoiron/sqlx'])(HORUS), [
             (1, 'go-00-horus-poll-time-formatted-in-local-zone',
              'an edit stores the poll time as a string formatted in the poller\'s local zone, so the database '
              'reads it as UTC and every poll looks hours off', 'edit'),
             (2, 'go-00-horus-poll-result-commit-unchecked',
              'an edit drops the check of the commit of the poll bookkeeping, so a failed commit reports the poll '
              'as saved', 'edit'),
             (0, 'go-ok-00-horus-poll-time-stored-in-utc',
              'clean: the fix stores the poll time as a UTC time value', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / ERR-01: gNMI target simulator (gnxi-simulators)
GNMI = template('gnmi-simulator-subscriptions', r'''
// Server is a simulated gNMI target: Set updates its configuration tree and every open Subscribe stream is told
// about the change.
type Server struct {
    mu            sync.RWMutex
    config        ygot.ValidatedGoStruct
    subscriptions map[string]gpb.GNMI_SubscribeServer
}

// Subscribe registers the stream until its client goes away.
func (s *Server) Subscribe(stream gpb.GNMI_SubscribeServer) error {
    id := uuid.New().String()
02|    s.mu.Lock()
    s.subscriptions[id] = stream //@{1}CONC-03
02|    s.mu.Unlock()
    defer func() {
        s.mu.Lock()
        delete(s.subscriptions, id)
        s.mu.Unlock()
    }()
    <-stream.Context().Done()
    return nil
}

// notify sends one update to every subscriber; called by Set after the tree has changed.
func (s *Server) notify(update *gpb.Notification) {
    s.mu.RLock()
    defer s.mu.RUnlock()
    resp := &gpb.SubscribeResponse{Response: &gpb.SubscribeResponse_Update{Update: update}}
01|    for id, stream := range s.subscriptions {
01|        if err := stream.Send(resp); err != nil {
01|            log.Errorf("failed to send update to subscriber %s: %v", id, err)
01|        }
2|    for _, stream := range s.subscriptions {
2|        stream.Send(resp) //@ERR-01
    }
}
''')
cases_of(case, GH + 'onosproject/gnxi-simulators/pull/111', 'pkg/gnmi/subscribe.go',
         G('gnmi', ['sync', '', 'github.com/golang/glog log', 'github.com/google/uuid',
                    'github.com/openconfig/gnmi/proto/gnmi gpb', 'github.com/openconfig/ygot/ygot'])(GNMI), [
             (1, 'go-00-gnmi-simulator-subscription-registered-unlocked',
              'an edit registers a new subscribe stream without the lock, so subscribers connecting during a Set '
              'write the map while notify ranges over it', 'edit'),
             (2, 'go-00-gnmi-simulator-send-error-ignored',
              'an edit drops the error of sending an update to a subscriber, so a broken stream is never noticed',
              'edit'),
             (0, 'go-ok-00-gnmi-simulator-subscription-registered-under-lock',
              'clean: the fix registers subscribe streams under the write lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / RES-03: meter poller of a solar/battery Modbus-to-MQTT bridge (victron_sdm630_bridge), new file
VICTRON = template('victron-bridge-poller', r'''
// Poller reads the grid meter over Modbus TCP and publishes each reading to the MQTT topic the battery inverter
// uses as its grid meter.
type Poller struct {
    meters   []string
    client   mqtt.Client
    topic    string
    interval time.Duration
}

// Start polls in the background until ctx is done.
func (p *Poller) Start(ctx context.Context) {
    go func() { //@{1}CONC-01
02|        defer func() {
02|            if r := recover(); r != nil {
02|                log.Printf("poller stopped by a panic: %v\n%s", r, debug.Stack())
02|            }
02|        }()
        ticker := time.NewTicker(p.interval)
        defer ticker.Stop()
        for {
            select {
            case <-ctx.Done():
                return
            case <-ticker.C:
                p.pollAll()
            }
        }
    }()
}

func (p *Poller) pollAll() {
    for _, address := range p.meters {
01|        if err := p.pollOne(address); err != nil {
01|            log.Printf("meter %s: %v", address, err)
01|        }
2|        handler := modbus.NewTCPClientHandler(address)
2|        handler.Timeout = 2 * time.Second
2|        if err := handler.Connect(); err != nil {
2|            log.Printf("meter %s: connect: %v", address, err)
2|            continue
2|        }
2|        defer handler.Close() //@RES-03
2|        if err := p.publish(address, modbus.NewClient(handler)); err != nil {
2|            log.Printf("meter %s: %v", address, err)
2|        }
    }
}

01|func (p *Poller) pollOne(address string) error {
01|    handler := modbus.NewTCPClientHandler(address)
01|    handler.Timeout = 2 * time.Second
01|    if err := handler.Connect(); err != nil {
01|        return fmt.Errorf("connect: %w", err)
01|    }
01|    defer handler.Close()
01|    return p.publish(address, modbus.NewClient(handler))
01|}
01|
func (p *Poller) publish(address string, client modbus.Client) error {
    raw, err := client.ReadInputRegisters(0x0034, 2)
    if err != nil {
        return fmt.Errorf("read total power: %w", err)
    }
    watts := math.Float32frombits(binary.BigEndian.Uint32(raw))
    payload := fmt.Sprintf(`{"meter":%q,"power":%.1f}`, address, watts)
    token := p.client.Publish(p.topic, 0, false, payload)
    if !token.WaitTimeout(5 * time.Second) {
        return fmt.Errorf("publish: timed out")
    }
    return token.Error()
}
''')
cases_of(case, GH + 'stormmurdoc/victron_sdm630_bridge/issues/3', 'internal/bridge/poller.go',
         GV('bridge', {0: ['context', 'encoding/binary', 'fmt', 'log', 'math', 'runtime/debug', 'time', '',
                           'github.com/eclipse/paho.mqtt.golang mqtt', 'github.com/goburrow/modbus'],
                       1: ['context', 'encoding/binary', 'fmt', 'log', 'math', 'time', '',
                           'github.com/eclipse/paho.mqtt.golang mqtt', 'github.com/goburrow/modbus'],
                       2: ['context', 'encoding/binary', 'fmt', 'log', 'math', 'runtime/debug', 'time', '',
                           'github.com/eclipse/paho.mqtt.golang mqtt', 'github.com/goburrow/modbus']})(VICTRON), [
             (1, 'go-00-victron-bridge-poller-goroutine-without-recover',
              'a new poller runs its loop on a goroutine without a recover, so one bad Modbus frame that panics ends '
              'the bridge and the inverter loses its grid meter', 'new'),
             (2, 'go-00-victron-bridge-meter-connection-deferred-in-loop',
              'a new poller defers the close of each meter\'s Modbus connection inside the loop over meters, so '
              'every connection stays open until the whole round ends', 'new'),
             (0, 'go-ok-00-victron-bridge-poller',
              'clean: a new poller that recovers panics on its goroutine and closes each meter connection per meter',
              'new'),
         ])
