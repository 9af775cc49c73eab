"""Round-91 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / ERR-01: DATA spool of an SMTP server library (go-smtpsrv)
SMTPSRV = template('go-smtpsrv-data-spool', r'''
// session is the state of one SMTP connection between HELO and QUIT.
type session struct {
    srv  *Server
    conn net.Conn
    br   *bufio.Reader
    bw   *bufio.Writer

    helo string
    from string
    rcpt []string
}

func (s *session) reply(code int, text string) error {
    if _, err := fmt.Fprintf(s.bw, "%d %s\r\n", code, text); err != nil {
        return err
    }
    return s.bw.Flush()
}

func (s *session) reset() {
    s.from = ""
    s.rcpt = s.rcpt[:0]
}

func (s *session) envelope() *Envelope {
    return &Envelope{
        RemoteAddr: s.conn.RemoteAddr(),
        Helo:       s.helo,
        From:       s.from,
        To:         append([]string(nil), s.rcpt...),
    }
}

// readData spools the DATA section of the current transaction to a temporary file, so a large message does not
// have to fit in memory, and hands it to the server's handler once the terminating dot has arrived.
func (s *session) readData() error {
    if s.from == "" || len(s.rcpt) == 0 {
        return s.reply(503, "5.5.1 need MAIL and RCPT before DATA")
    }
    if err := s.reply(354, "end data with <CR><LF>.<CR><LF>"); err != nil {
        return err
    }

    f, err := os.CreateTemp(s.srv.SpoolDir, "smtpsrv-data-*")
    if err != nil { //@{1}RES-01
        return s.reply(451, "4.3.0 cannot spool message")
    }
02|    defer os.Remove(f.Name())
02|    defer f.Close()

    r := textproto.NewReader(s.br).DotReader()
01|    n, err := io.Copy(f, io.LimitReader(r, s.srv.MaxMessageBytes+1))
01|    if err != nil {
01|        return fmt.Errorf("reading DATA from %s: %w", s.conn.RemoteAddr(), err)
01|    }
2|    n, _ := io.Copy(f, io.LimitReader(r, s.srv.MaxMessageBytes+1)) //@ERR-01
    if n > s.srv.MaxMessageBytes {
        return s.reply(552, "5.3.4 message size exceeds fixed maximum")
    }
    if _, err := f.Seek(0, io.SeekStart); err != nil {
        return s.reply(451, "4.3.0 cannot read spooled message")
    }
    if err := s.srv.Handler(s.envelope(), f); err != nil {
        return s.reply(554, "5.6.0 "+err.Error())
    }
1|    f.Close()
1|    os.Remove(f.Name())
    s.reset()
    return s.reply(250, "2.0.0 message queued")
}
''')
cases_of(case, GH + 'alash3al/go-smtpsrv/pull/3', 'session.go',
         G('smtpsrv', ['bufio', 'fmt', 'io', 'net', 'net/textproto', 'os'])(SMTPSRV), [
             (1, 'go-00-go-smtpsrv-data-spool-not-closed-on-error',
              'an edit closes and removes the spooled DATA file only after a delivered message, so every client that '
              'sends an oversized message or a handler that rejects one leaves an open temporary file behind', 'edit'),
             (2, 'go-00-go-smtpsrv-data-read-error-dropped',
              'an edit drops the error of reading the DATA section, so a client that hangs up mid-message has its '
              'truncated message handed to the handler and queued as if complete', 'edit'),
             (0, 'go-ok-00-go-smtpsrv-data-spool-closed-by-defer',
              'clean: the fix closes and removes the spool file with defers on every path', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-03: inbound INVITE handler of a SIP bridge (livekit sip)
LKSIP = template('livekit-sip-invite', r'''
// onInvite is registered with the SIP server for every INVITE. The transaction layer calls it on its own read loop,
// so the call is handled on a goroutine of its own and the loop goes back to reading at once.
func (s *Server) onInvite(req *sip.Request, tx sip.ServerTransaction) {
    callID := req.CallID().Value()
    log := s.log.WithValues("sipCallID", callID, "fromIP", req.Source())

    if !s.limiter.Allow() {
01|        log.Infow("rejecting inbound call, too many calls in progress")
2|        s.log.Infow("rejecting inbound call, too many calls in progress") //@LOG-03
        if err := tx.Respond(sip.NewResponseFromRequest(req, sip.StatusServiceUnavailable, "Service Unavailable", nil)); err != nil {
            log.Warnw("could not reject inbound call", err)
        }
        return
    }

    s.wg.Add(1)
    go func() { //@{1}CONC-01
        defer s.wg.Done()
02|        defer func() {
02|            if r := recover(); r != nil {
02|                log.Errorw("inbound call handler panicked", fmt.Errorf("%v", r), "stack", string(debug.Stack()))
02|                if err := tx.Respond(sip.NewResponseFromRequest(req, sip.StatusInternalServerError, "Internal Server Error", nil)); err != nil {
02|                    log.Warnw("could not answer failed inbound call", err)
02|                }
02|            }
02|        }()
        s.handleInvite(log, req, tx)
    }()
}

// onBye ends the call the BYE belongs to, if it is still known.
func (s *Server) onBye(req *sip.Request, tx sip.ServerTransaction) {
    call := s.calls.Get(req.CallID().Value())
    if call == nil {
        if err := tx.Respond(sip.NewResponseFromRequest(req, sip.StatusCallTransactionDoesNotExists, "Call Does Not Exist", nil)); err != nil {
            s.log.Warnw("could not answer BYE for unknown call", err, "sipCallID", req.CallID().Value())
        }
        return
    }
    call.Hangup(req, tx)
}
''')
cases_of(case, GH + 'livekit/sip/pull/765', 'pkg/sip/server.go',
         GV('sip', {0: ['fmt', 'runtime/debug', '', 'github.com/emiago/sipgo/sip'],
                    1: ['github.com/emiago/sipgo/sip'],
                    2: ['fmt', 'runtime/debug', '', 'github.com/emiago/sipgo/sip']})(LKSIP), [
             (1, 'go-00-livekit-sip-invite-goroutine-without-recover',
              'an edit hands each INVITE to a goroutine without a recover, so one malformed header that panics in '
              'the call handler takes down the bridge and every call in progress on it', 'edit'),
             (2, 'go-00-livekit-sip-reject-logged-without-call-id',
              'an edit logs the rejection of a rate-limited call with the server\'s logger instead of the call\'s, '
              'so the line carries no SIP call id and cannot be matched to the caller\'s trace', 'edit'),
             (0, 'go-ok-00-livekit-sip-invite-goroutine-recovers',
              'clean: the fix recovers in the call goroutine and answers 500', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-02: FCM sender of a push notification proxy (mattermost-push-proxy)
PUSHPROXY = template('mattermost-push-proxy-fcm', r'''
const (
    fcmSendTimeout       = 15 * time.Second
    maxConcurrentFCMSend = 32
)

type AndroidNotificationServer struct {
    settings AndroidPushSettings
    logger   *Logger
    metrics  *metrics
02|    client   *http.Client
}

func NewAndroidNotificationServer(settings AndroidPushSettings, logger *Logger, metrics *metrics) *AndroidNotificationServer {
    return &AndroidNotificationServer{
        settings: settings,
        logger:   logger,
        metrics:  metrics,
02|        client:   &http.Client{Timeout: fcmSendTimeout},
    }
}

// SendNotification posts one message to the FCM HTTP v1 API.
func (me *AndroidNotificationServer) SendNotification(msg *PushNotification) PushResponse {
    body, err := json.Marshal(buildFCMMessage(msg))
    if err != nil {
        return NewErrorPushResponse("cannot encode message: " + err.Error())
    }
    req, err := http.NewRequest(http.MethodPost, me.settings.SendURL, bytes.NewReader(body))
    if err != nil {
        return NewErrorPushResponse("cannot build request: " + err.Error())
    }
    req.Header.Set("Content-Type", "application/json")
    req.Header.Set("Authorization", "Bearer "+me.settings.AccessToken())

1|    client := &http.Client{Timeout: fcmSendTimeout} //@RES-04
1|    resp, err := client.Do(req)
02|    resp, err := me.client.Do(req)
    if err != nil {
        me.metrics.incrementFailure(PushNotifyAndroid, msg.Type)
        return NewErrorPushResponse("failed to send: " + err.Error())
    }
    defer resp.Body.Close()
    if resp.StatusCode == http.StatusNotFound {
        me.metrics.incrementRemoval(PushNotifyAndroid, "unregistered")
        return NewRemovePushResponse()
    }
    if resp.StatusCode != http.StatusOK {
        me.metrics.incrementFailure(PushNotifyAndroid, msg.Type)
        return NewErrorPushResponse(fmt.Sprintf("FCM answered %d", resp.StatusCode))
    }
    me.metrics.incrementSuccess(PushNotifyAndroid, msg.Type)
    return NewOkPushResponse()
}

// SendBatch sends the messages of one server post, at most maxConcurrentFCMSend at a time.
func (me *AndroidNotificationServer) SendBatch(msgs []*PushNotification) []PushResponse {
    responses := make([]PushResponse, len(msgs))
01|    sem := make(chan struct{}, maxConcurrentFCMSend)
    var wg sync.WaitGroup
    for i, msg := range msgs {
        wg.Add(1)
01|        sem <- struct{}{}
        go func(i int, msg *PushNotification) { //@{2}CONC-02
            defer wg.Done()
01|            defer func() { <-sem }()
            defer func() {
                if r := recover(); r != nil {
                    me.logger.Errorf("panic while sending to FCM: %v", r)
                    responses[i] = NewErrorPushResponse("internal error")
                }
            }()
            responses[i] = me.SendNotification(msg)
        }(i, msg)
    }
    wg.Wait()
    return responses
}
''')
cases_of(case, GH + 'mattermost/mattermost-push-proxy/pull/38', 'server/android_notification_server.go',
         G('server', ['bytes', 'encoding/json', 'fmt', 'net/http', 'sync', 'time'])(PUSHPROXY), [
             (1, 'go-00-mattermost-push-proxy-http-client-per-notification',
              'an edit builds an HTTP client for every notification, so each push opens a new TLS connection to FCM '
              'and a burst of mentions exhausts the proxy\'s sockets', 'edit'),
             (2, 'go-00-mattermost-push-proxy-goroutine-per-message',
              'an edit drops the semaphore of the batch sender, so a server post with thousands of devices starts a '
              'goroutine and an FCM request for each of them at once', 'edit'),
             (0, 'go-ok-00-mattermost-push-proxy-shared-client',
              'clean: the fix sends every notification on the client the server was built with', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-01: HTTP/2 client of an APNs library (apns2)
APNS2 = template('apns2-client', r'''
var (
    // TLSDialTimeout is the maximum amount of time a dial will wait for a connect and TLS handshake to complete.
    TLSDialTimeout = 20 * time.Second
    // HTTPClientTimeout is the maximum amount of time a push will wait for APNs' answer.
    HTTPClientTimeout = 60 * time.Second
)

// Client represents a connection with the APNs.
type Client struct {
    Host        string
    Certificate tls.Certificate
    HTTPClient  *http.Client
}

// NewClient returns a client for the production APNs host that authenticates with the certificate.
func NewClient(certificate tls.Certificate) *Client {
    tlsConfig := &tls.Config{Certificates: []tls.Certificate{certificate}}
    transport := &http2.Transport{
        TLSClientConfig: tlsConfig,
        DialTLS: func(network, addr string, cfg *tls.Config) (net.Conn, error) {
            dialer := &net.Dialer{Timeout: TLSDialTimeout}
            return tls.DialWithDialer(dialer, network, addr, cfg)
        },
    }
    return &Client{
        Host:        HostProduction,
        Certificate: certificate,
        HTTPClient: &http.Client{ //@{2}TMO-01
            Transport: transport,
01|            Timeout:   HTTPClientTimeout,
        },
    }
}

// Push sends a notification and waits for APNs' answer.
func (c *Client) Push(n *Notification) (*Response, error) {
    return c.PushWithContext(context.Background(), n)
}

// PushWithContext sends a notification and waits for APNs' answer; ctx bounds the whole exchange, so a caller that
// gives up does not keep a stream of the shared connection busy.
func (c *Client) PushWithContext(ctx context.Context, n *Notification) (*Response, error) {
    payload, err := json.Marshal(n)
    if err != nil {
        return nil, err
    }

    url := c.Host + "/3/device/" + n.DeviceToken
02|    req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
1|    req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(payload)) //@TMO-02
    if err != nil {
        return nil, err
    }
    setHeaders(req, n)

    httpRes, err := c.HTTPClient.Do(req)
    if err != nil {
        return nil, err
    }
    defer httpRes.Body.Close()

    response := &Response{StatusCode: httpRes.StatusCode, ApnsID: httpRes.Header.Get("apns-id")}
    if err := json.NewDecoder(httpRes.Body).Decode(response); err != nil && err != io.EOF {
        return nil, err
    }
    return response, nil
}
''')
cases_of(case, GH + 'sideshow/apns2/issues/17', 'client.go',
         G('apns2', ['bytes', 'context', 'crypto/tls', 'encoding/json', 'io', 'net', 'net/http', 'time', '',
                     'golang.org/x/net/http2'])(APNS2), [
             (1, 'go-00-apns2-push-request-without-context',
              'an edit builds the push request without the caller\'s context, so a sender whose deadline has passed '
              'still waits for APNs on a stalled stream', 'edit'),
             (2, 'go-00-apns2-client-without-timeout',
              'an edit builds the HTTP client without a timeout, so a push through Push, which has no deadline of its '
              'own, waits for ever when APNs never answers the stream', 'edit'),
             (0, 'go-ok-00-apns2-push-with-context',
              'clean: the fix builds the push request with the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: puppet connections of a Discord-IRC bridge (go-discord-irc), renamed file
DISCIRC = template('go-discord-irc-connection', r'''
// ircConnection is the IRC side of one Discord user, a puppet that joins the bridged channels under a nick of its own.
type ircConnection struct {
    innerCon *irc.Connection
    discord  DiscordUser
    nick     string
    manager  *IRCManager

    queueMu  sync.Mutex
    messages []DiscordNewMessage
}

// OnWelcome runs on the connection's callback goroutine once the server has accepted the puppet's registration.
func (i *ircConnection) OnWelcome(e *irc.Event) {
02|    i.manager.puppetNicksMu.Lock()
    i.manager.puppetNicks[i.nick] = i //@{1}CONC-03
02|    i.manager.puppetNicksMu.Unlock()

    for _, channel := range i.manager.bridge.GetIRCChannels() {
        i.innerCon.Join(channel)
    }

    i.queueMu.Lock()
    queued := i.messages
    i.messages = nil
    i.queueMu.Unlock()

    for _, msg := range queued {
2|        log.WithField("nick", i.nick).WithField("channel", msg.IRCChannel).Infoln("relaying queued message") //@LOG-01
        i.innerCon.Privmsg(msg.IRCChannel, msg.Message)
    }
01|    if len(queued) > 0 {
01|        log.WithField("nick", i.nick).Infof("relayed %d messages queued before registration", len(queued))
01|    }
}

// Close quits the puppet and forgets its nick.
func (i *ircConnection) Close() {
    i.manager.puppetNicksMu.Lock()
    delete(i.manager.puppetNicks, i.nick)
    i.manager.puppetNicksMu.Unlock()
    i.innerCon.QuitMessage = "Left Discord"
    i.innerCon.Quit()
}
''')
cases_of(case, GH + 'qaisjp/go-discord-irc/issues/125', 'bridge/irc_puppet.go',
         G('bridge', ['sync', '', 'github.com/qaisjp/go-ircevent', 'log github.com/sirupsen/logrus'])(DISCIRC), [
             (1, 'go-00-go-discord-irc-renamed-puppet-nick-map-unlocked',
              'a PR renames the puppet connection file and registers the puppet\'s nick in the manager\'s map '
              'without its lock, so two puppets welcomed at once crash the bridge with concurrent map writes',
              'rename'),
             (2, 'go-00-go-discord-irc-renamed-puppet-logs-every-message',
              'a PR renames the puppet connection file and logs every queued message it relays at info level, so a '
              'busy channel after a netsplit writes a log line per message of every puppet', 'rename'),
             (0, 'go-ok-00-go-discord-irc-renamed-puppet',
              'clean: the rename alone; the nick map is written under its lock and the flush is logged once',
              'rename'),
         ], rename_from='bridge/irc_connection.go')


# ---------------------------------------------------------------- ERR-01 / TMO-01: mailbox check of an e-mail verification library (mailck)
MAILCK = template('mailck-mailbox-check', r'''
const dialTimeout = 10 * time.Second

// checkMailbox asks the first MX host of the domain whether it accepts mail for checkEmail. The SMTP dialogue runs
// on a goroutine so that the caller's context can abandon a host that stops answering half way.
func checkMailbox(ctx context.Context, fromEmail, checkEmail string, mxList []*net.MX, port int) (Result, error) {
    if len(mxList) == 0 {
        return InvalidDomain, nil
    }
    addr := fmt.Sprintf("%s:%d", mxList[0].Host, port)

    type answer struct {
        res Result
        err error
    }
    done := make(chan answer, 1)
    go func() {
        defer func() {
            if r := recover(); r != nil {
                done <- answer{ServerError, fmt.Errorf("mailck: check of %s panicked: %v", addr, r)}
            }
        }()
01|        conn, err := net.DialTimeout("tcp", addr, dialTimeout)
01|        if err != nil {
01|            done <- answer{ServerError, err}
01|            return
01|        }
01|        defer conn.Close()
0|        c, err := smtp.NewClient(conn, mxList[0].Host)
0|        if err != nil {
0|            done <- answer{ServerError, err}
0|            return
0|        }
1|        c, _ := smtp.NewClient(conn, mxList[0].Host) //@ERR-01
2|        c, err := smtp.Dial(addr) //@TMO-01
2|        if err != nil {
2|            done <- answer{ServerError, err}
2|            return
2|        }
        defer c.Close()
        if err := c.Hello("localhost"); err != nil {
            done <- answer{ServerError, err}
            return
        }
        if err := c.Mail(fromEmail); err != nil {
            done <- answer{MailserverError, err}
            return
        }
        if err := c.Rcpt(checkEmail); err != nil {
            done <- answer{MailboxUnavailable, nil}
            return
        }
        done <- answer{Valid, nil}
    }()

    select {
    case a := <-done:
        return a.res, a.err
    case <-ctx.Done():
        return TimeoutError, ctx.Err()
    }
}
''')
cases_of(case, GH + 'smancke/mailck/issues/6', 'check.go',
         G('mailck', ['context', 'fmt', 'net', 'net/smtp', 'time'])(MAILCK), [
             (1, 'go-00-mailck-smtp-client-error-dropped',
              'an edit drops the error of starting the SMTP client on the dialled connection, so a host that greets '
              'with a 554 leaves a nil client whose Hello panics', 'edit'),
             (2, 'go-00-mailck-smtp-dial-without-timeout',
              'an edit dials the MX host with smtp.Dial, which has no connect timeout, so a host that drops SYNs '
              'keeps the check\'s goroutine and socket for the kernel\'s connect timeout after the caller gave up',
              'edit'),
             (0, 'go-ok-00-mailck-smtp-client-checked',
              'clean: the fix checks the error of starting the SMTP client and closes the connection', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / RES-02: federation client of a Matrix server library (gomatrixserverlib)
GOMSL = template('gomatrixserverlib-federation-client', r'''
// A FederationClient is a matrix federation client that adds X-Matrix authorization headers to requests that need
// ed25519 signatures.
type FederationClient struct {
    Client
    serverName       ServerName
    serverKeyID      KeyID
    serverPrivateKey ed25519.PrivateKey
}

func (ac *FederationClient) doRequest(ctx context.Context, r FederationRequest, resBody interface{}) error {
    if err := r.Sign(ac.serverName, ac.serverKeyID, ac.serverPrivateKey); err != nil {
        return err
    }
    req, err := r.HTTPRequest()
    if err != nil {
        return err
    }

02|    res, err := ac.client.Do(req.WithContext(ctx))
1|    res, err := ac.client.Do(req) //@TMO-02
    if err != nil { //@{2}RES-02
        return err
    }
01|    defer res.Body.Close()

    if res.StatusCode/100 != 2 {
        contents, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
        return fmt.Errorf("gomatrixserverlib: %s %s returned %d: %s", req.Method, req.URL, res.StatusCode, contents)
    }
2|    defer res.Body.Close()
    if resBody == nil {
        return nil
    }
    return json.NewDecoder(res.Body).Decode(resBody)
}

// LookupRoomAlias asks the server that owns roomAlias which room it points at.
func (ac *FederationClient) LookupRoomAlias(ctx context.Context, s ServerName, roomAlias string) (res RespDirectory, err error) {
    path := federationPathPrefix + "/query/directory?room_alias=" + url.QueryEscape(roomAlias)
    req := NewFederationRequest("GET", s, path)
    err = ac.doRequest(ctx, req, &res)
    return
}
''')
cases_of(case, GH + 'matrix-org/gomatrixserverlib/pull/63', 'federationclient.go',
         G('gomatrixserverlib', ['context', 'encoding/json', 'fmt', 'io', 'net/url', '', 'golang.org/x/crypto/ed25519'])(GOMSL), [
             (1, 'go-00-gomatrixserverlib-federation-request-without-context',
              'an edit sends signed federation requests without the caller\'s context, so a room join that times '
              'out keeps waiting on a remote server that never answers', 'edit'),
             (2, 'go-00-gomatrixserverlib-federation-body-closed-after-status',
              'an edit defers the close of the response body only after the status check, so every error answer of '
              'a remote server leaves its connection out of the pool', 'edit'),
             (0, 'go-ok-00-gomatrixserverlib-federation-request-with-context',
              'clean: the fix sends the request with the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TIME-01: maildir storage of a mail testing server (MailHog)
MAILHOG = template('mailhog-maildir', r'''
// Maildir is a maildir storage backend: one file per message, named by the time it was stored and its ID.
type Maildir struct {
    Path string
}

// Store writes the message to a new file of the maildir.
func (maildir *Maildir) Store(m *data.Message) (string, error) {
    b, err := io.ReadAll(m.Raw.Bytes())
    if err != nil {
        return "", err
    }
01|    name := m.Created.UTC().Format("20060102T150405.000") + "." + string(m.ID)
2|    name := m.Created.Format("20060102T150405.000") + "." + string(m.ID) //@TIME-01
    if err := os.WriteFile(filepath.Join(maildir.Path, name), b, 0o660); err != nil {
        return "", err
    }
    return string(m.ID), nil
}

// load reads one stored message back.
func (maildir *Maildir) load(name string) (*data.Message, error) {
    f, err := os.Open(filepath.Join(maildir.Path, name))
    if err != nil { //@{1}RES-01
        return nil, err
    }
02|    defer f.Close()
    msg, err := data.FromReader(f)
    if err != nil {
        return nil, fmt.Errorf("maildir: %s: %w", name, err)
    }
1|    f.Close()
    msg.ID = data.MessageID(name[strings.LastIndexByte(name, '.')+1:])
    return msg, nil
}

// List returns the stored messages from start, at most limit of them, oldest first.
func (maildir *Maildir) List(start, limit int) (*data.Messages, error) {
    entries, err := os.ReadDir(maildir.Path)
    if err != nil {
        return nil, err
    }
    if start >= len(entries) {
        return &data.Messages{}, nil
    }
    end := start + limit
    if end > len(entries) {
        end = len(entries)
    }
    messages := make(data.Messages, 0, end-start)
    for _, e := range entries[start:end] {
        msg, err := maildir.load(e.Name())
        if err != nil {
            log.Printf("Skipping unreadable message: %s", err)
            continue
        }
        messages = append(messages, *msg)
    }
    return &messages, nil
}
''')
cases_of(case, GH + 'mailhog/MailHog/issues/65', 'storage/maildir.go',
         G('storage', ['fmt', 'io', 'log', 'os', 'path/filepath', 'strings', '',
                       'github.com/mailhog/data'])(MAILHOG), [
             (1, 'go-00-mailhog-maildir-file-not-closed-on-parse-error',
              'an edit closes a stored message\'s file only after it parsed, so every unreadable file in the maildir '
              'leaks a descriptor on each poll of the web UI until accept fails with too many open files', 'edit'),
             (2, 'go-00-mailhog-maildir-name-in-server-zone',
              'an edit names stored messages by their time in the server\'s zone, so the maildir\'s order, which '
              'the listing relies on, breaks at every daylight-saving change and between hosts', 'edit'),
             (0, 'go-ok-00-mailhog-maildir-file-closed-by-defer',
              'clean: the fix closes each message file with a defer', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: file store delivery of a mail testing server (inbucket)
INBUCKET = template('inbucket-file-store-deliver', r'''
// Deliver stores one copy of the message in the mailbox of each recipient. A message to a large list reaches
// hundreds of mailboxes, so each mailbox's file is closed before the next one is opened.
func (fs *Store) Deliver(env *Envelope, raw []byte) error {
    for _, recipient := range env.Recipients {
        mb, err := fs.mbox(recipient.Mailbox)
        if err != nil {
            return err
        }
02|        if err := fs.deliverOne(mb, env, raw); err != nil {
02|            return err
02|        }
1|        mb.Lock()
1|        f, err := mb.createMessageFile(env.ID)
1|        if err != nil {
1|            mb.Unlock()
1|            return err
1|        }
1|        defer f.Close() //@RES-03
1|        if _, err := f.Write(raw); err != nil {
1|            mb.Unlock()
1|            return fmt.Errorf("deliver %s to %s: %w", env.ID, recipient.Mailbox, err)
1|        }
1|        mb.append(env, int64(len(raw)))
1|        err = mb.writeIndex()
1|        mb.Unlock()
1|        if err != nil {
1|            return err
1|        }
    }
    return nil
}

02|// deliverOne writes the message file of one mailbox and adds it to that mailbox's index.
02|func (fs *Store) deliverOne(mb *mbox, env *Envelope, raw []byte) error {
02|    mb.Lock()
02|    defer mb.Unlock()
02|    f, err := mb.createMessageFile(env.ID)
02|    if err != nil {
02|        return err
02|    }
02|    defer f.Close()
02|    if _, err := f.Write(raw); err != nil {
02|        return fmt.Errorf("deliver %s to %s: %w", env.ID, mb.name, err)
02|    }
02|    mb.append(env, int64(len(raw)))
0|    return mb.writeIndex()
2|    _ = mb.writeIndex() //@ERR-01
2|    return nil
02|}
''')
cases_of(case, GH + 'inbucket/inbucket/issues/23', 'pkg/storage/file/fstore.go',
         G('file', ['fmt'])(INBUCKET), [
             (1, 'go-00-inbucket-deliver-defer-close-in-loop',
              'an edit inlines the delivery into the loop over recipients with the file\'s close deferred, so a '
              'message to a mailing list keeps one open file per mailbox until the last is written', 'edit'),
             (2, 'go-00-inbucket-deliver-index-error-dropped',
              'an edit discards the error of writing the mailbox index, so a full disk leaves a message file that '
              'no listing shows while the SMTP client is told it was delivered', 'edit'),
             (0, 'go-ok-00-inbucket-deliver-one-file-at-a-time',
              'clean: the fix delivers each recipient\'s copy in a function that closes its file', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-03 / CONC-01: event stream of a mail service API client (go-proton-api), new file
PROTON = template('go-proton-api-event-stream', r'''
const eventRequestTimeout = 30 * time.Second

// NewEventStream polls the event endpoint every period (plus jitter) from firstEventID on and delivers the events
// in order. The stream ends, and its channel is closed, when ctx is done; a poll that times out or is cancelled
// ends the round, not the process.
func (c *Client) NewEventStream(ctx context.Context, period, jitter time.Duration, firstEventID string) <-chan Event {
    eventCh := make(chan Event)

    go func() { //@{2}CONC-01
        defer close(eventCh)
01|        defer func() {
01|            if r := recover(); r != nil {
01|                logrus.WithField("panic", r).Error("Event stream stopped")
01|            }
01|        }()

        ticker := NewTicker(period, jitter)
        defer ticker.Stop()

        lastEventID := firstEventID
        for {
            select {
            case <-ctx.Done():
                return
            case <-ticker.C:
            }

02|            reqCtx, cancel := context.WithTimeout(ctx, eventRequestTimeout)
1|            reqCtx, _ := context.WithTimeout(ctx, eventRequestTimeout) //@TMO-03
            event, more, err := c.GetEvent(reqCtx, lastEventID)
02|            cancel()
            if err != nil {
                if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
                    continue
                }
                logrus.WithError(err).Warn("Failed to get event")
                continue
            }

            for _, ev := range append([]Event{event}, more...) {
                select {
                case eventCh <- ev:
                    lastEventID = ev.EventID
                case <-ctx.Done():
                    return
                }
            }
        }
    }()

    return eventCh
}
''')
cases_of(case, GH + 'ProtonMail/go-proton-api/pull/96', 'event_stream.go',
         G('proton', ['context', 'errors', 'time', '', 'github.com/sirupsen/logrus'])(PROTON), [
             (1, 'go-00-go-proton-api-new-event-stream-cancel-discarded',
              'a new event stream discards the cancel of each poll\'s timeout, so every poll of a long-lived client '
              'leaves a timer and a context behind until the timeout fires', 'new'),
             (2, 'go-00-go-proton-api-new-event-stream-without-recover',
              'a new event stream polls on a goroutine without a recover, so a malformed event that panics while '
              'decoding takes down the mail bridge that embeds the client', 'new'),
             (0, 'go-ok-00-go-proton-api-new-event-stream',
              'clean: a new event stream that cancels each poll\'s timeout and recovers in its goroutine', 'new'),
         ])
