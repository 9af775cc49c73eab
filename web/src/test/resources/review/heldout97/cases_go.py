"""Round-97 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- TMO-03 / ERR-01: unary methods without a body in a gRPC-to-JSON gateway's runtime (grpc-gateway)
GATEWAY = template('grpc-gateway-unary-no-body', r'''
// unaryInvoker calls one unary method on the backend with the message decoded from the HTTP request.
type unaryInvoker func(ctx context.Context, msg proto.Message) (proto.Message, ServerMetadata, error)

// ServeUnaryWithoutBody serves a unary method whose HTTP rule declares no body. Clients sometimes send one anyway;
// it is drained and closed before the call so that the connection goes back to the pool and the call's context is
// released when the handler returns, whatever the client does with the connection afterwards.
func ServeUnaryWithoutBody(mux *ServeMux, w http.ResponseWriter, req *http.Request, rpcPath string,
    pathParams map[string]string, msg proto.Message, invoke unaryInvoker) {
02|    ctx, cancel := context.WithCancel(req.Context())
02|    defer cancel()
1|    ctx, _ := context.WithCancel(req.Context()) //@TMO-03
    _, outbound := MarshalerForRequest(mux, req)

    annotated, err := AnnotateContext(ctx, mux, req, rpcPath, WithHTTPPathPattern(rpcPath))
    if err != nil {
        HTTPError(ctx, mux, outbound, w, req, err)
        return
    }
    if req.Body != nil {
        if _, err := io.Copy(io.Discard, req.Body); err != nil {
            grpclog.Infof("draining unexpected request body of %s: %v", rpcPath, err)
        }
        req.Body.Close()
    }
01|    if err := PopulateFieldsFromPath(msg, pathParams); err != nil {
01|        HTTPError(annotated, mux, outbound, w, req, status.Errorf(codes.InvalidArgument, "%v", err))
01|        return
01|    }
2|    _ = PopulateFieldsFromPath(msg, pathParams) //@ERR-01
    if err := PopulateQueryParameters(msg, req.URL.Query(), mux.queryParamFilter(rpcPath)); err != nil {
        HTTPError(annotated, mux, outbound, w, req, status.Errorf(codes.InvalidArgument, "%v", err))
        return
    }

    resp, md, err := invoke(annotated, msg)
    annotated = NewServerMetadataContext(annotated, md)
    if err != nil {
        HTTPError(annotated, mux, outbound, w, req, err)
        return
    }
    ForwardResponseMessage(annotated, mux, outbound, w, req, resp, mux.GetForwardResponseOptions()...)
}
''')
cases_of(case, GH + 'grpc-ecosystem/grpc-gateway/pull/5240', 'runtime/unary_nobody.go',
         G('runtime', ['context', 'io', 'net/http', '', 'google.golang.org/grpc/codes',
                       'google.golang.org/grpc/grpclog', 'google.golang.org/grpc/status',
                       'google.golang.org/protobuf/proto'])(GATEWAY), [
             (1, 'go-00-grpc-gateway-unary-cancel-discarded',
              'an edit derives the call context from the request and discards its cancel, so a client that keeps the '
              'connection open after the call leaves the derived context and its watcher alive', 'edit'),
             (2, 'go-00-grpc-gateway-path-param-error-dropped',
              'an edit drops the error of filling the message from the path parameters, so a malformed path value '
              'reaches the backend as an empty field instead of a 400', 'edit'),
             (0, 'go-ok-00-grpc-gateway-unary-cancel-deferred',
              'clean: the fix defers the cancel of the derived context', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TMO-01: XML-RPC client codec (kolo/xmlrpc)
XMLRPC = template('xmlrpc-client-codec', r'''
01|// defaultTimeout bounds a whole call, the wait for the server's answer included, when the caller sets none.
01|const defaultTimeout = 30 * time.Second
01|
// clientCodec turns net/rpc calls into XML-RPC requests over HTTP. net/rpc calls WriteRequest from every goroutine
// that makes a call, so the codec's own state is guarded by mutex.
type clientCodec struct {
    url        *url.URL
    httpClient *http.Client
    cookies    http.CookieJar

    mutex     sync.Mutex
    responses map[uint64]*http.Response
    ready     chan uint64
    close     chan uint64
    response  *Response
}

// NewClient returns a client for the XML-RPC server at requrl. A nil transport means http.DefaultTransport.
func NewClient(requrl string, transport http.RoundTripper) (*Client, error) {
    if transport == nil {
        transport = http.DefaultTransport
    }
01|    httpClient := &http.Client{Transport: transport, Timeout: defaultTimeout}
2|    httpClient := &http.Client{Transport: transport} //@TMO-01

    u, err := url.Parse(requrl)
    if err != nil {
        return nil, err
    }
    codec := clientCodec{
        url:        u,
        httpClient: httpClient,
        responses:  make(map[uint64]*http.Response),
        ready:      make(chan uint64),
        close:      make(chan uint64),
    }
    return &Client{rpc.NewClientWithCodec(&codec)}, nil
}

func (codec *clientCodec) WriteRequest(request *rpc.Request, args interface{}) (err error) {
    httpRequest, err := NewRequest(codec.url.String(), request.ServiceMethod, args)
    if err != nil {
        return err
    }
    if codec.cookies != nil {
        for _, cookie := range codec.cookies.Cookies(codec.url) {
            httpRequest.AddCookie(cookie)
        }
    }

    httpResponse, err := codec.httpClient.Do(httpRequest)
    if err != nil {
        return err
    }
    if codec.cookies != nil {
        codec.cookies.SetCookies(codec.url, httpResponse.Cookies())
    }

02|    codec.mutex.Lock()
    codec.responses[request.Seq] = httpResponse //@{1}CONC-03
02|    codec.mutex.Unlock()

    codec.ready <- request.Seq
    return nil
}

func (codec *clientCodec) ReadResponseHeader(response *rpc.Response) (err error) {
    var seq uint64
    select {
    case seq = <-codec.ready:
    case <-codec.close:
        return errors.New("codec is closed")
    }
    response.Seq = seq

    codec.mutex.Lock()
    httpResponse := codec.responses[seq]
    delete(codec.responses, seq)
    codec.mutex.Unlock()

    defer httpResponse.Body.Close()
    if httpResponse.StatusCode < 200 || httpResponse.StatusCode >= 300 {
        response.Error = fmt.Sprintf("request error: bad status code - %d", httpResponse.StatusCode)
        return nil
    }
    body, err := io.ReadAll(httpResponse.Body)
    if err != nil {
        response.Error = err.Error()
        return nil
    }
    resp := Response(body)
    if err := resp.Err(); err != nil {
        response.Error = err.Error()
        return nil
    }
    codec.response = &resp
    return nil
}
''')
cases_of(case, GH + 'kolo/xmlrpc/pull/42', 'client.go',
         GV('xmlrpc', {0: ['errors', 'fmt', 'io', 'net/http', 'net/rpc', 'net/url', 'sync', 'time'],
                       1: ['errors', 'fmt', 'io', 'net/http', 'net/rpc', 'net/url', 'sync', 'time'],
                       2: ['errors', 'fmt', 'io', 'net/http', 'net/rpc', 'net/url', 'sync']})(XMLRPC), [
             (1, 'go-00-xmlrpc-response-map-written-unlocked',
              'an edit stores each HTTP response in the codec\'s map without the mutex, so two goroutines calling '
              'at once write the map concurrently and crash the process', 'edit'),
             (2, 'go-00-xmlrpc-client-without-timeout',
              'an edit drops the default timeout of the codec\'s HTTP client, so a server that accepts the request '
              'and never answers holds the calling goroutine for good', 'edit'),
             (0, 'go-ok-00-xmlrpc-response-map-locked',
              'clean: the fix stores the response under the codec\'s mutex', 'fix'),
         ])


# ---------------------------------------------------------------- HTTP-01 / LOG-01: subscription stream of a GraphQL server (graph-gophers/graphql-go)
GQLSUB = template('graphql-go-subscription', r'''
// subscribe resolves the subscription field and returns a channel with one response per event. The goroutine that
// feeds the channel ends when the event source closes or the subscriber's context is done, whichever comes first;
// the transport stops reading the channel as soon as the subscriber goes away.
func (r *Request) subscribe(ctx context.Context, s *resolvable.Schema, op *ast.OperationDefinition) <-chan *Response {
    f, errs := r.resolveSubscriptionField(ctx, s, op)
    if errs != nil {
        return sendAndReturnClosed(&Response{Errors: errs})
    }

    c := make(chan *Response)
    go func() {
        defer close(c)
        defer r.handlePanic(ctx)
        for {
            select {
            case <-ctx.Done():
                return
            case event, ok := <-f.events:
                if !ok {
                    return
                }
                subR := &Request{
                    Request: selected.Request{
                        Doc:                  r.Request.Doc,
                        Vars:                 r.Request.Vars,
                        DisableIntrospection: r.Request.DisableIntrospection,
                    },
                    Limiter: r.Limiter,
                    Tracer:  r.Tracer,
                    Logger:  r.Logger,
                }
                out := subR.executeEvent(ctx, f, event)
2|                log.Printf("graphql: subscription %q delivered an event with %d errors", op.Name.Name, len(out.Errors)) //@LOG-01
02|                select {
02|                case c <- out:
02|                case <-ctx.Done():
02|                    return
02|                }
1|                c <- out //@HTTP-01
            }
        }
    }()
    return c
}
''')
cases_of(case, GH + 'graph-gophers/graphql-go/pull/626', 'internal/exec/subscribe.go',
         GV('exec', {0: ['context', '', 'github.com/graph-gophers/graphql-go/ast',
                         'github.com/graph-gophers/graphql-go/internal/exec/resolvable',
                         'github.com/graph-gophers/graphql-go/internal/exec/selected'],
                     1: ['context', '', 'github.com/graph-gophers/graphql-go/ast',
                         'github.com/graph-gophers/graphql-go/internal/exec/resolvable',
                         'github.com/graph-gophers/graphql-go/internal/exec/selected'],
                     2: ['context', 'log', '', 'github.com/graph-gophers/graphql-go/ast',
                         'github.com/graph-gophers/graphql-go/internal/exec/resolvable',
                         'github.com/graph-gophers/graphql-go/internal/exec/selected']})(GQLSUB), [
             (1, 'go-00-graphql-go-subscription-send-parks-goroutine',
              'an edit sends each subscription response without watching the subscriber\'s context, so a subscriber '
              'that disconnects between two events parks the feeding goroutine on the send for good', 'edit'),
             (2, 'go-00-graphql-go-subscription-logs-every-event',
              'an edit logs a line for every event a subscription delivers, so a busy subscription floods the log', 'edit'),
             (0, 'go-ok-00-graphql-go-subscription-send-watches-context',
              'clean: the fix selects on the subscriber\'s context while sending', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: websocket connection of a GraphQL subscription client (hasura/go-graphql-client)
GQLCLIENT = template('go-graphql-client-subscription-connect', r'''
// connect opens the websocket and runs the protocol's connection handshake. Both steps are bounded by the
// connection initialisation timeout: a server that accepts the socket and never acknowledges the handshake must not
// hold the subscription runner.
func (sc *SubscriptionClient) connect(ctx context.Context) (WebsocketConn, error) {
02|    initCtx, cancel := context.WithTimeout(ctx, sc.connectionInitialisationTimeout)
02|    defer cancel()
02|    conn, err := sc.createConn(initCtx, sc)
1|    conn, err := sc.createConn(ctx, sc) //@TMO-01
    if err != nil {
        return nil, fmt.Errorf("dialing %s: %w", sc.url, err) //@{2}RES-01
    }
02|    if err := sc.protocol.ConnectionInit(&SubscriptionContext{ctx: initCtx, client: sc, conn: conn}, sc.connectionParams); err != nil {
1|    if err := sc.protocol.ConnectionInit(&SubscriptionContext{ctx: ctx, client: sc, conn: conn}, sc.connectionParams); err != nil {
01|        _ = conn.Close()
        return nil, fmt.Errorf("connection init: %w", err)
    }
    sc.setConn(conn)
    sc.printLog(GQLConnectionAck, sc.url, "websocket connection acknowledged")
    return conn, nil
}

// Run connects and serves the subscriptions until the client is closed, reconnecting after a failure with the
// configured back-off.
func (sc *SubscriptionClient) Run() error {
    for {
        if sc.isClosed() {
            return nil
        }
        conn, err := sc.connect(sc.getContext())
        if err != nil {
            if !sc.retryable(err) {
                return err
            }
            time.Sleep(sc.retryDelay)
            continue
        }
        if err := sc.serve(conn); err != nil && !sc.retryable(err) {
            return err
        }
    }
}
''')
cases_of(case, GH + 'hasura/go-graphql-client/pull/162', 'subscription_connect.go',
         G('graphql', ['context', 'fmt', 'time'])(GQLCLIENT), [
             (1, 'go-00-go-graphql-client-dial-without-init-timeout',
              'an edit dials the websocket and runs the handshake on the runner\'s own context, without the '
              'initialisation timeout, so a server that never acknowledges parks the runner', 'edit'),
             (2, 'go-00-go-graphql-client-conn-not-closed-on-init-failure',
              'an edit drops the close of the websocket when the handshake fails, so every failed handshake before a '
              'retry leaves a socket and its reader open', 'edit'),
             (0, 'go-ok-00-go-graphql-client-connect-bounded',
              'clean: the fix bounds the dial and the handshake with the initialisation timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: function proxy of a FaaS provider (openfaas/faas-provider), renamed file
FAASPROXY = template('faas-provider-proxy', r'''
// NewHandlerFunc creates the http.HandlerFunc that proxies function invocations to the function's base URL. One
// client is built from the provider's timeouts and shared by every invocation so that connections to a function
// are kept alive between calls.
func NewHandlerFunc(config types.FaaSConfig, resolver BaseURLResolver) http.HandlerFunc {
    if resolver == nil {
        panic("NewHandlerFunc: empty proxy handler resolver, cannot be nil")
    }
02|    proxyClient := NewProxyClientFromConfig(config)

    return func(w http.ResponseWriter, r *http.Request) {
        if r.Body != nil {
            defer r.Body.Close()
        }

        switch r.Method {
        case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodGet, http.MethodOptions, http.MethodHead:
1|            proxyClient := NewProxyClientFromConfig(config) //@RES-04
            proxyRequest(w, r, proxyClient, resolver)
        default:
            w.WriteHeader(http.StatusMethodNotAllowed)
        }
    }
}

// NewProxyClientFromConfig creates a new http.Client designed for proxying requests and enforcing certain minimum
// configuration values.
func NewProxyClientFromConfig(config types.FaaSConfig) *http.Client {
    return NewProxyClient(config.GetReadTimeout(), config.GetMaxIdleConns(), config.GetMaxIdleConnsPerHost())
}

// proxyRequest handles the actual resolution of and then request to the function service.
func proxyRequest(w http.ResponseWriter, originalReq *http.Request, proxyClient *http.Client, resolver BaseURLResolver) {
    ctx := originalReq.Context()

    pathVars := mux.Vars(originalReq)
    functionName := pathVars["name"]
    if functionName == "" {
        httputil.Errorf(w, http.StatusBadRequest, "Provide function name in the request path")
        return
    }

    functionAddr, err := resolver.Resolve(functionName)
    if err != nil {
        log.Printf("resolver error: no endpoints for %s: %s\n", functionName, err.Error())
        httputil.Errorf(w, http.StatusServiceUnavailable, "No endpoints available for: %s.", functionName)
        return
    }

    proxyReq, err := buildProxyRequest(originalReq, functionAddr, pathVars["params"])
    if err != nil {
        httputil.Errorf(w, http.StatusInternalServerError, "Failed to resolve service: %s.", functionName)
        return
    }
    if proxyReq.Body != nil {
        defer proxyReq.Body.Close()
    }

    start := time.Now()
    response, err := proxyClient.Do(proxyReq.WithContext(ctx))
    if err != nil {
        httputil.Errorf(w, http.StatusInternalServerError, "Can't reach service for: %s.", functionName) //@{2}RES-02
        return
    }
01|    defer response.Body.Close()
    log.Printf("%s took %f seconds\n", functionName, time.Since(start).Seconds())

    clientHeader := w.Header()
    copyHeaders(clientHeader, &response.Header)
    w.Header().Set("Content-Type", getContentType(originalReq.Header, response.Header))

    w.WriteHeader(response.StatusCode)
    if response.Body != nil {
        io.Copy(w, response.Body)
    }
}
''')
cases_of(case, GH + 'openfaas/faas-provider/pull/32', 'proxy/function_proxy.go',
         G('proxy', ['io', 'log', 'net/http', 'time', '', 'github.com/gorilla/mux',
                     'github.com/openfaas/faas-provider/httputil', 'github.com/openfaas/faas-provider/types'])(FAASPROXY), [
             (1, 'go-00-faas-provider-renamed-proxy-client-per-invocation',
              'a PR renames the proxy file and builds the proxy client inside the handler, so every invocation gets a '
              'client and a transport of its own and no connection to a function is ever reused', 'rename'),
             (2, 'go-00-faas-provider-renamed-proxy-body-not-closed',
              'a PR renames the proxy file and drops the close of the function\'s response, so every invocation '
              'leaves a connection to the function open', 'rename'),
             (0, 'go-ok-00-faas-provider-renamed-proxy',
              'clean: the rename alone; one shared client and the response closed on every path', 'rename'),
         ], rename_from='proxy/proxy.go')


# ---------------------------------------------------------------- CONC-01 / TMO-02: duplex HTTP call of an RPC framework's client (connectrpc/connect-go)
CONNECT = template('connect-go-duplex-call', r'''
// ensureRequestMade starts the HTTP request on its own goroutine the first time the call sends a message or closes
// its send side; the request body is the read end of the call's pipe.
func (d *duplexHTTPCall) ensureRequestMade() {
    d.sendRequestOnce.Do(func() {
        go func() { //@{1}CONC-01
            defer close(d.responseReady)
02|            defer func() {
02|                if r := recover(); r != nil {
02|                    d.responseErr = errorf(CodeInternal, "panic while sending request: %v", r)
02|                }
02|            }()
            d.makeRequest()
        }()
    })
}

func (d *duplexHTTPCall) makeRequest() {
01|    request, err := http.NewRequestWithContext(d.ctx, http.MethodPost, d.url.String(), d.requestBodyReader)
2|    request, err := http.NewRequest(http.MethodPost, d.url.String(), d.requestBodyReader) //@TMO-02
    if err != nil {
        d.responseErr = errorf(CodeInternal, "build request: %w", err)
        return
    }
    request.Header = d.requestHeader
    request.ContentLength = -1
    if d.onRequestSend != nil {
        d.onRequestSend(request)
    }

    response, err := d.httpClient.Do(request)
    if err != nil {
        err = wrapIfContextError(err)
        err = wrapIfLikelyH2CNotConfiguredError(request, err)
        err = wrapIfLikelyWithGRPCNotUsedError(err)
        if _, ok := asError(err); !ok {
            err = NewError(CodeUnavailable, err)
        }
        d.responseErr = err
        _ = d.CloseWrite()
        return
    }
    d.response = response
    if err := d.validateResponse(response); err != nil {
        d.responseErr = err
        _ = d.CloseWrite()
        return
    }
}
''')
cases_of(case, GH + 'connectrpc/connect-go/pull/320', 'duplex_http_call.go',
         G('connect', ['net/http'])(CONNECT), [
             (1, 'go-00-connect-go-request-goroutine-without-recover',
              'an edit drops the recover of the goroutine that runs the call\'s HTTP request, so a panicking '
              'request hook or round tripper takes the whole client process down', 'edit'),
             (2, 'go-00-connect-go-request-without-call-context',
              'an edit builds the call\'s HTTP request without the call\'s context, so cancelling the call or its '
              'deadline no longer stops the request', 'edit'),
             (0, 'go-ok-00-connect-go-request-goroutine-recovers',
              'clean: the fix recovers in the request goroutine and reports the panic as the call\'s error', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-01: websocket upgrades of a service broker API (Peripli/service-manager), new file
SMWS = template('service-manager-ws-upgrader', r'''
// Upgrader upgrades HTTP requests to websockets, keeps the open connections and closes them at shutdown.
type Upgrader struct {
    upgrader    websocket.Upgrader
    pingTimeout time.Duration

    mu    sync.Mutex
    conns map[*websocket.Conn]struct{}
}

// NewUpgrader returns an upgrader whose connections are dropped when no pong arrives within pingTimeout.
func NewUpgrader(pingTimeout time.Duration) *Upgrader {
    return &Upgrader{
        upgrader:    websocket.Upgrader{HandshakeTimeout: 10 * time.Second},
        pingTimeout: pingTimeout,
        conns:       make(map[*websocket.Conn]struct{}),
    }
}

// HandleWS upgrades the request and serves the connection on a goroutine of its own until either side closes it.
func (u *Upgrader) HandleWS(rw http.ResponseWriter, req *http.Request) (*websocket.Conn, error) {
    conn, err := u.upgrader.Upgrade(rw, req, nil)
    if err != nil {
        return nil, err
    }
02|    if err := conn.SetReadDeadline(time.Now().Add(u.pingTimeout)); err != nil {
02|        conn.Close()
02|        return nil, err
02|    }
1|    conn.SetReadDeadline(time.Now().Add(u.pingTimeout)) //@ERR-01
    conn.SetPongHandler(func(string) error {
        return conn.SetReadDeadline(time.Now().Add(u.pingTimeout))
    })
    u.add(conn)

    go func() { //@{2}CONC-01
01|        defer func() {
01|            if r := recover(); r != nil {
01|                log.C(req.Context()).Errorf("recovered from panic while serving websocket: %v", r)
01|                u.remove(conn)
01|            }
01|        }()
        u.serve(conn)
    }()
    return conn, nil
}

func (u *Upgrader) serve(conn *websocket.Conn) {
    defer u.remove(conn)
    for {
        if _, _, err := conn.ReadMessage(); err != nil {
            if !websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway) {
                log.D().Errorf("websocket read failed: %v", err)
            }
            return
        }
    }
}

func (u *Upgrader) add(conn *websocket.Conn) {
    u.mu.Lock()
    defer u.mu.Unlock()
    u.conns[conn] = struct{}{}
}

func (u *Upgrader) remove(conn *websocket.Conn) {
    u.mu.Lock()
    defer u.mu.Unlock()
    if _, ok := u.conns[conn]; ok {
        delete(u.conns, conn)
        conn.Close()
    }
}
''')
cases_of(case, GH + 'Peripli/service-manager/pull/274', 'pkg/ws/upgrader.go',
         G('ws', ['net/http', 'sync', 'time', '', 'github.com/Peripli/service-manager/pkg/log',
                  'github.com/gorilla/websocket'])(SMWS), [
             (1, 'go-00-service-manager-new-upgrader-deadline-error-dropped',
              'a new websocket upgrader ignores the error of setting the first read deadline, so a connection whose '
              'deadline could not be set is served without one and never times out', 'new'),
             (2, 'go-00-service-manager-new-upgrader-serve-without-recover',
              'a new websocket upgrader serves each connection on a goroutine without a recover, so one panic while '
              'reading a frame takes the whole broker down', 'new'),
             (0, 'go-ok-00-service-manager-new-upgrader',
              'clean: a new upgrader that checks the deadline error and recovers in the serving goroutine', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-01: instance metadata API of a cloud provider's SDK (scaleway-sdk-go)
SCWMETA = template('scaleway-metadata-api', r'''
// MetadataAPI reads the metadata of the instance the program runs on, from the link-local metadata service.
type MetadataAPI struct {
    MetadataURL *string
    client      *http.Client
}

// NewMetadataAPI returns a MetadataAPI whose requests give up after ten seconds unless the caller's context ends
// first.
func NewMetadataAPI() *MetadataAPI {
01|    return &MetadataAPI{client: &http.Client{Timeout: 10 * time.Second}}
2|    return &MetadataAPI{client: &http.Client{}} //@TMO-01
}

// GetMetadata returns the metadata available from the server.
func (meta *MetadataAPI) GetMetadata(ctx context.Context) (m *Metadata, err error) {
    metadataURL, err := meta.getMetadataURL(ctx)
    if err != nil {
        return nil, err
    }
02|    req, err := http.NewRequestWithContext(ctx, http.MethodGet, metadataURL+"/conf?format=json", nil)
1|    req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, metadataURL+"/conf?format=json", nil) //@TMO-02
    if err != nil {
        return nil, errors.Wrap(err, "error creating metadata request")
    }
    resp, err := meta.client.Do(req)
    if err != nil {
        return nil, errors.Wrap(err, "error getting metadataURL")
    }
    defer resp.Body.Close()

    if resp.StatusCode != http.StatusOK {
        return nil, fmt.Errorf("metadata service returned %s", resp.Status)
    }
    metadata := &Metadata{}
    if err := json.NewDecoder(resp.Body).Decode(metadata); err != nil {
        return nil, errors.Wrap(err, "error decoding metadata")
    }
    return metadata, nil
}
''')
cases_of(case, GH + 'scaleway/scaleway-sdk-go/issues/3290', 'api/instance/v1/instance_metadata_sdk.go',
         GV('instance', {v: ['context', 'encoding/json', 'fmt', 'net/http'] + (['time'] if v != 2 else []) + [
             '', 'github.com/scaleway/scaleway-sdk-go/errors'] for v in (0, 1, 2)})(SCWMETA), [
             (1, 'go-00-scaleway-metadata-request-background-context',
              'an edit builds the metadata request on a background context instead of the caller\'s, so a caller '
              'cannot cancel or bound the call', 'edit'),
             (2, 'go-00-scaleway-metadata-client-without-timeout',
              'an edit drops the timeout of the metadata client, so a metadata service that accepts the connection '
              'and never answers holds the caller unless its context is bounded', 'edit'),
             (0, 'go-ok-00-scaleway-metadata-request-caller-context',
              'clean: the fix builds the request on the caller\'s context', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / TMO-03: shutdown of a Kubernetes API gateway's proxy server (kubewharf/kubegateway)
KUBEGW = template('kubegateway-proxy-shutdown', r'''
// Stop stops accepting new requests and waits up to the configured shutdown timeout for the requests in flight,
// long-running watches included, before the upstream clusters are released. Removing the upstreams first would
// cancel every long-running request that is still being proxied to them.
func (s *ProxyServer) Stop() error {
    klog.Infof("shutting down proxy server on %s, waiting up to %v for in-flight requests", s.server.Addr, s.shutdownTimeout)
0|    ctx, cancel := context.WithTimeout(context.Background(), s.shutdownTimeout)
0|    defer cancel()
2|    ctx, _ := context.WithTimeout(context.Background(), s.shutdownTimeout) //@TMO-03
02|    if err := s.server.Shutdown(ctx); err != nil {
1|    if err := s.server.Close(); err != nil { //@OPS-01
        return fmt.Errorf("shutting down proxy server: %w", err)
    }
    s.upstreams.Range(func(name string, cluster *UpstreamCluster) bool {
        cluster.Stop()
        return true
    })
    klog.Infof("proxy server on %s stopped", s.server.Addr)
    return nil
}
''')
cases_of(case, GH + 'kubewharf/kubegateway/pull/31', 'pkg/gateway/proxy/server.go',
         GV('proxy', {0: ['context', 'fmt', '', 'k8s.io/klog'],
                      1: ['fmt', '', 'k8s.io/klog'],
                      2: ['context', 'fmt', '', 'k8s.io/klog']})(KUBEGW), [
             (1, 'go-00-kubegateway-stop-closes-in-flight-requests',
              'an edit stops the proxy server with Close instead of a bounded Shutdown, so every request in flight, '
              'long-running watches included, is cut at each rollout', 'edit'),
             (2, 'go-00-kubegateway-shutdown-timeout-cancel-discarded',
              'an edit discards the cancel of the shutdown timeout\'s context, so its timer lives on after the '
              'server stopped', 'edit'),
             (0, 'go-ok-00-kubegateway-stop-drains-in-flight-requests',
              'clean: the fix shuts the server down within the timeout before releasing the upstreams', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / RES-03: admin API client of an S3 gateway (versity/versitygw), CRLF file
VERSITY = template('versitygw-admin-client', r'''
// signRequest signs an admin request with the admin credentials (SigV4). The signing time must be UTC: the gateway
// compares the date of the signature's scope with its own UTC date and rejects a request signed with another day.
func signRequest(req *http.Request, body []byte) error {
    signer := v4.NewSigner()
    hashedPayload := sha256.Sum256(body)
    hexPayload := hex.EncodeToString(hashedPayload[:])
    req.Header.Set("X-Amz-Content-Sha256", hexPayload)

02|    signingTime := time.Now().UTC()
1|    signingTime := time.Now() //@TIME-01
    return signer.SignHTTP(req.Context(), aws.Credentials{AccessKeyID: adminAccess, SecretAccessKey: adminSecret},
        req, hexPayload, "s3", adminRegion, signingTime)
}

// deleteUsers deletes the given accounts one after another and stops at the first failure.
func deleteUsers(ctx *cli.Context) error {
    client := &http.Client{Timeout: adminTimeout}
    for _, access := range ctx.StringSlice("access") {
        req, err := http.NewRequestWithContext(ctx.Context, http.MethodPatch,
            fmt.Sprintf("%v/delete-user?access=%v", adminEndpoint, url.QueryEscape(access)), nil)
        if err != nil {
            return fmt.Errorf("failed to build the request: %w", err)
        }
        if err := signRequest(req, nil); err != nil {
            return fmt.Errorf("failed to sign the request: %w", err)
        }
        resp, err := client.Do(req)
        if err != nil {
            return fmt.Errorf("failed to send the request: %w", err)
        }
2|        defer resp.Body.Close() //@RES-03
        body, err := io.ReadAll(resp.Body)
01|        resp.Body.Close()
        if err != nil {
            return fmt.Errorf("failed to read the response of %s: %w", access, err)
        }
        if resp.StatusCode >= 400 {
            return parseAdminError(body)
        }
        fmt.Printf("deleted user %s\n", access)
    }
    return nil
}
''')
cases_of(case, GH + 'versity/versitygw/issues/239', 'cmd/versitygw/admin_users.go',
         G('main', ['crypto/sha256', 'encoding/hex', 'fmt', 'io', 'net/http', 'net/url', 'time', '',
                    'github.com/aws/aws-sdk-go-v2/aws', 'v4 github.com/aws/aws-sdk-go-v2/aws/signer/v4',
                    'github.com/urfave/cli/v2'])(VERSITY), [
             (1, 'go-00-versitygw-admin-signing-time-local-zone',
              'an edit signs admin requests with the local time instead of UTC, so for hours a day the scope date '
              'differs from the gateway\'s and every admin request is rejected', 'edit'),
             (2, 'go-00-versitygw-delete-users-defer-close-in-loop',
              'an edit defers the close of each response inside the loop over accounts, so deleting many accounts '
              'holds every response open until the command ends', 'edit'),
             (0, 'go-ok-00-versitygw-admin-signing-time-utc',
              'clean: the fix signs with the UTC time', 'fix'),
         ], crlf=True)
