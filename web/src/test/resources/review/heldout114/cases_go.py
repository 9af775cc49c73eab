"""Round-114 Go cases, written for this corpus from the checklist item titles (see SOURCES.md). Each template is written
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


# ---------------------------------------------------------------- RES-01 / ERR-01: request server of an SFTP library (pkg/sftp)
SFTP = template('sftp-request-server-handles', r'''
// RequestServer serves SFTP requests through the user's Handlers. Open and Opendir requests create a handle that the
// client closes with SSH_FXP_CLOSE; a client only learns the handle when the open succeeds.
type RequestServer struct {
    Handlers Handlers
    *serverConn
    pktMgr *packetManager

    openRequestLock sync.RWMutex
    openRequests    map[string]*Request
    handleCount     int
}

func (rs *RequestServer) nextRequest(r *Request) string {
    rs.openRequestLock.Lock()
    defer rs.openRequestLock.Unlock()
    rs.handleCount++
    r.handle = strconv.Itoa(rs.handleCount)
    rs.openRequests[r.handle] = r
    return r.handle
}

// closeRequest forgets the handle and closes what its request opened (the handler's reader, writer or lister).
func (rs *RequestServer) closeRequest(handle string) error {
    rs.openRequestLock.Lock()
    defer rs.openRequestLock.Unlock()
    if r, ok := rs.openRequests[handle]; ok {
        delete(rs.openRequests, handle)
01|        return r.close()
2|        _ = r.close() //@ERR-01
2|        return nil
    }
    return EBADF
}

// openHandle runs an open or opendir request. When the handler fails, the client never sends a close for the handle,
// so the server closes it here; otherwise a long-lived client accumulates a handle for every failed open.
func (rs *RequestServer) openHandle(ctx context.Context, r *Request, pkt requestPacket) responsePacket {
    rq := r.copy(ctx)
    handle := rs.nextRequest(rq) //@{1}RES-01
    resp := rq.call(rs.Handlers, pkt, rs.pktMgr.alloc, pkt.orderID())
    if status, failed := resp.(*sshFxpStatusPacket); failed {
02|        if err := rs.closeRequest(handle); err != nil {
02|            debug("closing handle %s of a failed open: %v", handle, err)
02|        }
        return status
    }
    return &sshFxpHandlePacket{ID: pkt.id(), Handle: handle}
}

func (rs *RequestServer) handleClose(pkt *sshFxpClosePacket) responsePacket {
    return statusFromError(pkt.ID, rs.closeRequest(pkt.getHandle()))
}
''')
cases_of(case, GH + 'pkg/sftp/pull/393', 'request-server.go',
         G('sftp', ['context', 'strconv', 'sync'])(SFTP), [
             (1, 'go-00-sftp-failed-open-handle-left-open',
              'an edit drops the close of the handle an open request created when the handler fails, so every failed '
              'open of a long-lived client leaves a handle open', 'edit'),
             (2, 'go-00-sftp-handle-close-error-dropped',
              'an edit discards the error of closing a request\'s reader or writer, so a failed flush of an upload '
              'answers the client\'s close with success', 'edit'),
             (0, 'go-ok-00-sftp-failed-open-handle-closed',
              'clean: the fix closes the handle when the open or opendir handler fails', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: active data connection of an FTP server library (ftpserverlib)
FTPSRV = template('ftpserverlib-active-transfer', r'''
// activeTransferHandler opens the data connection of an active-mode transfer: the server dials the address the client
// gave in PORT or EPRT. The connection is closed by Close, or here when it cannot be made ready.
type activeTransferHandler struct {
    raddr     *net.TCPAddr
    conn      net.Conn
    settings  *Settings
    tlsConfig *tls.Config
    logger    log.Logger
}

func (a *activeTransferHandler) Open() (net.Conn, error) {
01|    dialer := &net.Dialer{Timeout: time.Duration(a.settings.ConnectionTimeout) * time.Second}
01|    conn, err := dialer.Dial("tcp", a.raddr.String())
2|    conn, err := net.Dial("tcp", a.raddr.String()) //@TMO-01
    if err != nil {
        return nil, newNetworkError("could not establish active connection", err)
    }
    if a.tlsConfig != nil {
        tlsConn := tls.Server(conn, a.tlsConfig)
        if err := tlsConn.Handshake(); err != nil { //@{1}RES-01
02|            if cerr := conn.Close(); cerr != nil {
02|                a.logger.Warn("Problem closing active connection after a failed handshake", "err", cerr)
02|            }
            return nil, newNetworkError("TLS handshake on active connection", err)
        }
        conn = tlsConn
    }
    a.conn = conn
    return conn, nil
}

func (a *activeTransferHandler) Close() error {
    if a.conn == nil {
        return nil
    }
    if err := a.conn.Close(); err != nil {
        a.logger.Warn("Problem closing active connection", "err", err)
        return err
    }
    return nil
}
''')
_FTPSRV = ['crypto/tls', 'net', 'time', '', 'github.com/fclairamb/go-log']
cases_of(case, GH + 'fclairamb/ftpserverlib/pull/147', 'transfer_active.go',
         GV('ftpserver', {0: _FTPSRV, 1: _FTPSRV,
                          2: ['crypto/tls', 'net', '', 'github.com/fclairamb/go-log']})(FTPSRV), [
             (1, 'go-00-ftpserverlib-active-conn-left-open-after-handshake',
              'an edit stops closing the dialled data connection when its TLS handshake fails, leaking a descriptor '
              'for every failed secure active transfer', 'edit'),
             (2, 'go-00-ftpserverlib-active-dial-without-timeout',
              'an edit dials the client\'s data port with net.Dial, so an unreachable client holds the transfer for '
              'the kernel\'s connect timeout', 'edit'),
             (0, 'go-ok-00-ftpserverlib-active-conn-closed-after-handshake',
              'clean: the fix closes the data connection when the handshake fails', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / TMO-02: dial of an FTP client library (jlaffaye/ftp)
FTPCLI = template('jlaffaye-ftp-dial', r'''
// Dial connects to the specified address with optional options. The dialer's timeout and the options' context apply
// to the implicit TLS connection as well as the plain one: a TLS server that never answers must not hang Dial.
func Dial(addr string, options ...DialOption) (*ServerConn, error) {
    do := &dialOptions{}
    for _, option := range options {
        option.setup(do)
    }
    if do.location == nil {
        do.location = time.UTC
    }

    tconn := do.conn
    if tconn == nil {
        ctx := do.context
        if ctx == nil {
            ctx = context.Background()
        }
        var err error
        if do.tlsConfig != nil && !do.explicitTLS {
02|            tconn, err = tls.DialWithDialer(&do.dialer, "tcp", addr, do.tlsConfig)
1|            tconn, err = tls.Dial("tcp", addr, do.tlsConfig) //@TMO-01
        } else {
01|            tconn, err = do.dialer.DialContext(ctx, "tcp", addr)
2|            tconn, err = do.dialer.Dial("tcp", addr) //@TMO-02
        }
        if err != nil {
            return nil, err
        }
    }

    // Use the resolved IP address in case addr contains a domain name
    // If we use the domain name, we might not resolve to the same IP.
    remoteAddr := tconn.RemoteAddr().(*net.TCPAddr)

    c := &ServerConn{
        options:  do,
        features: make(map[string]string),
        conn:     textproto.NewConn(do.wrapConn(tconn)),
        host:     remoteAddr.IP.String(),
    }

    _, _, err := c.conn.ReadResponse(StatusReady)
    if err != nil {
        if cerr := c.conn.Close(); cerr != nil {
            return nil, errors.Join(err, cerr)
        }
        return nil, err
    }
    return c, nil
}
''')
cases_of(case, GH + 'jlaffaye/ftp/pull/382', 'ftp.go',
         G('ftp', ['context', 'crypto/tls', 'errors', 'net', 'net/textproto', 'time'])(FTPCLI), [
             (1, 'go-00-jlaffaye-ftp-implicit-tls-dial-without-timeout',
              'an edit dials implicit-TLS servers with tls.Dial, ignoring the dialer\'s timeout, so a server that never '
              'completes the handshake hangs Dial', 'edit'),
             (2, 'go-00-jlaffaye-ftp-plain-dial-drops-context',
              'an edit dials plain servers without the options\' context, so a caller cannot cancel a connect in '
              'progress', 'edit'),
             (0, 'go-ok-00-jlaffaye-ftp-implicit-tls-dial-with-dialer',
              'clean: the fix dials implicit-TLS servers through the configured dialer', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: backup upload of a database manager (scylla-manager)
SCYLLA = template('scylla-manager-backup-upload', r'''
// uploadSnapshotDir starts an rclone copy of one table's snapshot to the backup location and waits for it. The copy
// runs under the task's context: stopping the backup task must abort the agent's transfer, not leave it running.
func (w *worker) uploadSnapshotDir(ctx context.Context, h hostInfo, d snapshotDir) error {
    w.Logger.Info(ctx, "Uploading table snapshot",
        "host", h.IP,
        "keyspace", d.Keyspace,
        "table", d.Table,
        "location", h.Location,
    )
    dataDst := h.Location.RemotePath(w.remoteSSTableDir(h, d))
    dataSrc := d.Path
02|    id, err := w.Client.RcloneCopyDir(ctx, h.IP, dataDst, dataSrc)
1|    id, err := w.Client.RcloneCopyDir(context.Background(), h.IP, dataDst, dataSrc) //@TMO-02
    if err != nil {
        return errors.Wrap(err, "copy dir")
    }
    return w.waitJob(ctx, id, d)
}

func (w *worker) waitJob(ctx context.Context, id int64, d snapshotDir) (err error) {
    defer func() {
        if ctx.Err() == nil {
            return
        }
        // The task context is done: stop the agent's job under a context of its own, bounded in time.
01|        stopCtx, cancel := context.WithTimeout(context.Background(), w.Config.StopJobTimeout)
01|        defer cancel()
2|        stopCtx, _ := context.WithTimeout(context.Background(), w.Config.StopJobTimeout) //@TMO-03
        if err := w.Client.RcloneJobStop(stopCtx, d.Host, id); err != nil {
            w.Logger.Error(ctx, "Failed to stop rclone job", "host", d.Host, "job", id, "error", err)
        }
    }()

    t := time.NewTicker(w.Config.PollInterval)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-t.C:
        }
        job, err := w.Client.RcloneJobInfo(ctx, d.Host, id)
        if err != nil {
            return errors.Wrap(err, "job info")
        }
        switch scyllaclient.RcloneStatus(job.Status) {
        case scyllaclient.JobSuccess:
            return nil
        case scyllaclient.JobError:
            return errors.Errorf("job error (%d): %s", id, job.Error)
        }
    }
}
''')
cases_of(case, GH + 'scylladb/scylla-manager/pull/2833', 'pkg/service/backup/worker_upload.go',
         G('backup', ['context', 'time', '', 'github.com/pkg/errors',
                      'github.com/scylladb/scylla-manager/pkg/scyllaclient'])(SCYLLA), [
             (1, 'go-00-scylla-manager-upload-copy-without-task-context',
              'an edit starts the snapshot copy with a background context, so stopping the backup task no longer '
              'reaches the agent\'s transfer', 'edit'),
             (2, 'go-00-scylla-manager-stop-job-timeout-cancel-discarded',
              'an edit discards the cancel of the timeout context that stops the agent\'s rclone job when the backup '
              'task ends', 'edit'),
             (0, 'go-ok-00-scylla-manager-upload-copy-under-task-context',
              'clean: the fix starts the copy under the task context, so stopping the task aborts the transfer', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: upload workers of a storage network client (guppy), new file
GUPPY = template('guppy-upload-workers', r'''
// Shard is one CAR shard of an upload, sent to the storage node as a single blob.
type Shard struct {
    CID  cid.Cid
    Data []byte
}

// ShardClient is the part of the storage client the workers use.
type ShardClient interface {
    AddBlob(ctx context.Context, c cid.Cid, data []byte) error
}

// UploadShards sends every shard with at most workers blob uploads in flight and returns the first error. Results go to
// a channel with room for every shard, so a worker never blocks on a caller that has already returned.
func UploadShards(ctx context.Context, client ShardClient, shards []Shard, workers int) error {
    ctx, cancel := context.WithCancel(ctx)
    defer cancel()

    results := make(chan error, len(shards))
02|    sem := make(chan struct{}, workers)
    for _, s := range shards {
02|        select {
02|        case sem <- struct{}{}:
02|        case <-ctx.Done():
02|            return ctx.Err()
02|        }
        go func(s Shard) { //@{1}CONC-02 //@{2}CONC-01
02|            defer func() { <-sem }()
01|            defer func() {
01|                if r := recover(); r != nil {
01|                    results <- fmt.Errorf("uploading shard %s: panic: %v", s.CID, r)
01|                }
01|            }()
            if err := client.AddBlob(ctx, s.CID, s.Data); err != nil {
                results <- fmt.Errorf("uploading shard %s: %w", s.CID, err)
                return
            }
            results <- nil
        }(s)
    }

    for range shards {
        select {
        case err := <-results:
            if err != nil {
                return err
            }
        case <-ctx.Done():
            return ctx.Err()
        }
    }
    return nil
}
''')
cases_of(case, GH + 'storacha/guppy/pull/85', 'pkg/upload/workers.go',
         G('upload', ['context', 'fmt', '', 'github.com/ipfs/go-cid'])(GUPPY), [
             (1, 'go-00-guppy-goroutine-per-shard',
              'a new file starts one upload goroutine per shard with no bound, so a large upload opens thousands of '
              'blob uploads at once', 'new'),
             (2, 'go-00-guppy-upload-worker-without-recover',
              'a new file runs bounded upload workers without a recover, so a panic in the blob client kills the '
              'process instead of failing the upload', 'new'),
             (0, 'go-ok-00-guppy-bounded-upload-workers',
              'clean: a new file with bounded upload workers that recover and report every shard', 'new'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: snapshot command of a developer environment tool (devenv)
DEVENV = template('devenv-snapshot-backup-name', r'''
// createSnapshot asks velero for a backup of the environment's stateful namespaces and waits until it completes.
// Backup names must be DNS-1123 labels, so the timestamp in the name is taken in UTC: a local zone's "+01-00"
// suffix is not a valid label.
func (o *Options) createSnapshot(ctx context.Context) (string, error) {
02|    name := strings.ToLower(strings.ReplaceAll(time.Now().UTC().Format(time.RFC3339), ":", "-"))
1|    name := strings.ToLower(strings.ReplaceAll(time.Now().Format(time.RFC3339), ":", "-")) //@TIME-01
    backup := &velerov1.Backup{
        ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: veleroNamespace},
        Spec: velerov1.BackupSpec{
            IncludedNamespaces: o.Namespaces,
            StorageLocation:    o.StorageLocation,
        },
    }
    if _, err := o.vc.VeleroV1().Backups(veleroNamespace).Create(ctx, backup, metav1.CreateOptions{}); err != nil {
        return "", errors.Wrap(err, "failed to create backup")
    }
    return name, o.waitForBackup(ctx, name)
}

func (o *Options) waitForBackup(ctx context.Context, name string) error {
    t := time.NewTicker(5 * time.Second)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-t.C:
        }
01|        b, err := o.vc.VeleroV1().Backups(veleroNamespace).Get(ctx, name, metav1.GetOptions{})
01|        if err != nil {
01|            return errors.Wrapf(err, "failed to get status of backup %s", name)
01|        }
2|        b, _ := o.vc.VeleroV1().Backups(veleroNamespace).Get(ctx, name, metav1.GetOptions{}) //@ERR-01
2|        if b == nil {
2|            continue
2|        }
        switch b.Status.Phase {
        case velerov1.BackupPhaseCompleted:
            o.log.WithField("backup", name).Info("Snapshot completed")
            return nil
        case velerov1.BackupPhaseFailed, velerov1.BackupPhasePartiallyFailed:
            return fmt.Errorf("backup %s finished in phase %s", name, b.Status.Phase)
        }
    }
}
''')
cases_of(case, GH + 'getoutreach/devenv/pull/472', 'cmd/devenv/snapshot/generate.go',
         G('snapshot', ['context', 'fmt', 'strings', 'time', '', 'github.com/pkg/errors',
                        'velerov1 "github.com/vmware-tanzu/velero/pkg/apis/velero/v1"',
                        'metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"'])(DEVENV), [
             (1, 'go-00-devenv-snapshot-name-in-local-time',
              'an edit stamps the backup name with the machine\'s local time, whose zone offset makes an invalid '
              'backup name outside UTC', 'edit'),
             (2, 'go-00-devenv-backup-status-error-dropped',
              'an edit discards the error of reading the backup\'s status and polls again, so a deleted or '
              'forbidden backup is waited for until the context ends', 'edit'),
             (0, 'go-ok-00-devenv-snapshot-name-in-utc',
              'clean: the fix names the backup after the UTC time', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / LOG-01: local walk of an S3 sync service (s3sync-service), CRLF file
S3SYNC = template('s3sync-walk-errors', r'''
// uploadFiles walks the site's local directory and queues every file whose checksum differs from the bucket's copy.
// A file that cannot be read is reported and counted as an error of the site; the walk goes on with the others.
func (site *Site) uploadFiles(ctx context.Context, uploadCh chan<- UploadCFG, remote map[string]string) error {
    return filepath.Walk(site.LocalPath, func(path string, info os.FileInfo, err error) error {
02|        if err != nil {
02|            logger.Errorf("failed to access %s: %s", path, err)
02|            errorsMetric.WithLabelValues(site.Name, "walk").Inc()
02|            return nil
02|        }
1|        if err != nil { //@ERR-01
1|            return nil
1|        }
        if info.IsDir() || site.isExcluded(path) {
            return nil
        }
        key := site.remoteKey(path)
        checksum, cerr := fileMD5(path)
        if cerr != nil {
            logger.Errorf("failed to checksum %s: %s", path, cerr)
            errorsMetric.WithLabelValues(site.Name, "checksum").Inc()
            return nil
        }
        if remote[key] == checksum {
2|            logger.Infof("%s is up to date in s3://%s/%s", path, site.Bucket, key) //@LOG-01
            return nil
        }
        select {
        case uploadCh <- UploadCFG{site: site, file: path, key: key, action: "upload"}:
            return nil
        case <-ctx.Done():
            return ctx.Err()
        }
    })
}
''')
cases_of(case, GH + 'mazay/s3sync-service/pull/600', 'service/sync.go',
         G('service', ['context', 'os', 'path/filepath'])(S3SYNC), [
             (1, 'go-00-s3sync-walk-error-swallowed',
              'an edit returns nil for a path the walk cannot access, so an unreadable file is silently never '
              'uploaded', 'edit'),
             (2, 'go-00-s3sync-logs-every-unchanged-file',
              'an edit logs every unchanged file at info on each sync pass, one line per file of the site', 'edit'),
             (0, 'go-ok-00-s3sync-walk-error-reported',
              'clean: the fix logs and counts a path the walk cannot access', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- OPS-01 / CONC-03: SFTP server of a backup agent (pbs-plus), renamed file
PBS = template('pbs-plus-sftp-server', r'''
// SFTPServer serves the backup server's SFTP sessions on the agent. Close stops accepting connections and lets the
// sessions that are still streaming a backup finish within the grace period before closing them.
type SFTPServer struct {
    listener net.Listener
    config   *ssh.ServerConfig
    root     string
    wg       sync.WaitGroup

    mu       sync.Mutex
    sessions map[string]*ssh.ServerConn
}

func (s *SFTPServer) Serve(ctx context.Context) error {
    for {
        conn, err := s.listener.Accept()
        if err != nil {
            if errors.Is(err, net.ErrClosed) {
                return nil
            }
            return fmt.Errorf("accept: %w", err)
        }
        s.wg.Add(1)
        go func() {
            defer s.wg.Done()
            defer func() {
                if r := recover(); r != nil {
                    syslog.L.Error(fmt.Errorf("panic: %v", r)).WithMessage("sftp session ended by a panic").Write()
                    conn.Close()
                }
            }()
            s.handleConn(ctx, conn)
        }()
    }
}

func (s *SFTPServer) handleConn(ctx context.Context, nconn net.Conn) {
    sconn, chans, reqs, err := ssh.NewServerConn(nconn, s.config)
    if err != nil {
        syslog.L.Error(err).WithMessage("ssh handshake failed").Write()
        nconn.Close()
        return
    }
    defer s.track(sconn)()
    go ssh.DiscardRequests(reqs)
    for newChannel := range chans {
        s.serveChannel(ctx, newChannel)
    }
}

// track registers the session for Close and returns the function that forgets it.
func (s *SFTPServer) track(conn *ssh.ServerConn) func() {
    id := string(conn.SessionID())
01|    s.mu.Lock()
    s.sessions[id] = conn //@{2}CONC-03
01|    s.mu.Unlock()
    return func() {
        s.mu.Lock()
        delete(s.sessions, id)
        s.mu.Unlock()
    }
}

func (s *SFTPServer) Close(grace time.Duration) error {
    err := s.listener.Close()
02|    done := make(chan struct{})
02|    go func() {
02|        s.wg.Wait()
02|        close(done)
02|    }()
02|    select {
02|    case <-done:
02|    case <-time.After(grace):
02|        s.closeSessions()
02|    }
1|    s.closeSessions() //@OPS-01
    return err
}

func (s *SFTPServer) closeSessions() {
    s.mu.Lock()
    defer s.mu.Unlock()
    for id, conn := range s.sessions {
        conn.Close()
        delete(s.sessions, id)
    }
}
''')
cases_of(case, GH + 'pbs-plus/pbs-plus/pull/66', 'internal/agent/sftp/server.go',
         G('sftp', ['context', 'errors', 'fmt', 'net', 'sync', 'time', '',
                    'github.com/pbs-plus/pbs-plus/internal/syslog', 'golang.org/x/crypto/ssh'])(PBS), [
             (1, 'go-00-pbs-plus-renamed-close-drops-running-sessions',
              'a move of the SFTP server into server.go also makes Close drop every session at once instead of '
              'letting running backup streams finish within the grace period', 'rename'),
             (2, 'go-00-pbs-plus-renamed-session-registered-without-lock',
              'a move of the SFTP server into server.go also registers each session in the shared map without the '
              'mutex, while Close and other sessions change it', 'rename'),
             (0, 'go-ok-00-pbs-plus-renamed-sftp-server',
              'clean: the move alone; sessions are tracked under the lock and Close drains them', 'rename'),
         ], rename_from='internal/agent/sftp/sftp.go')


# ---------------------------------------------------------------- RES-03 / LOG-01: untar helper of a cluster installer (openyurt)
YURT = template('openyurt-untar', r'''
// Untar extracts the tar stream r into dir, creating directories and regular files as the headers say. Each file is
// closed before the next entry is read: an archive of many files must not hold them all open.
func Untar(r io.Reader, dir string) error {
    tr := tar.NewReader(r)
    for {
        hdr, err := tr.Next()
        if err == io.EOF {
            return nil
        }
        if err != nil {
            return err
        }
        destFile := filepath.Join(dir, hdr.Name)
        if !strings.HasPrefix(destFile, filepath.Clean(dir)+string(os.PathSeparator)) {
            return fmt.Errorf("tar entry %q escapes %s", hdr.Name, dir)
        }
2|        klog.Infof("extracting %s", destFile) //@LOG-01
        switch hdr.Typeflag {
        case tar.TypeDir:
            if err := os.MkdirAll(destFile, os.FileMode(hdr.Mode)); err != nil {
                return err
            }
        case tar.TypeReg:
            if err := os.MkdirAll(filepath.Dir(destFile), 0o755); err != nil {
                return err
            }
02|            if err := writeFile(destFile, os.FileMode(hdr.Mode), tr); err != nil {
02|                return err
02|            }
1|            file, err := os.OpenFile(destFile, os.O_CREATE|os.O_RDWR|os.O_TRUNC, os.FileMode(hdr.Mode))
1|            if err != nil {
1|                return err
1|            }
1|            defer file.Close() //@RES-03
1|            if _, err := io.Copy(file, tr); err != nil {
1|                return err
1|            }
        }
    }
}
02|
02|func writeFile(path string, mode os.FileMode, r io.Reader) error {
02|    file, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR|os.O_TRUNC, mode)
02|    if err != nil {
02|        return err
02|    }
02|    if _, err := io.Copy(file, r); err != nil {
02|        file.Close()
02|        return err
02|    }
02|    return file.Close()
02|}
''')
YURT_TEST = f('pkg/yurtadm/util/untar_test.go', new=go('util', [
    'archive/tar', 'bytes', 'fmt', 'os', 'path/filepath', 'testing'], r'''
func TestUntarManyFiles(t *testing.T) {
    var buf bytes.Buffer
    tw := tar.NewWriter(&buf)
    for i := 0; i < 2048; i++ {
        body := []byte("x")
        hdr := &tar.Header{Name: fmt.Sprintf("bin/f%04d", i), Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}
        if err := tw.WriteHeader(hdr); err != nil {
            t.Fatal(err)
        }
        if _, err := tw.Write(body); err != nil {
            t.Fatal(err)
        }
    }
    if err := tw.Close(); err != nil {
        t.Fatal(err)
    }
    dir := t.TempDir()
    if err := Untar(&buf, dir); err != nil {
        t.Fatalf("untar: %v", err)
    }
    if _, err := os.Stat(filepath.Join(dir, "bin", "f2047")); err != nil {
        t.Fatalf("expected extracted file: %v", err)
    }
}
'''))
cases_of(case, GH + 'openyurtio/openyurt/issues/2689', 'pkg/yurtadm/util/untar.go',
         G('util', ['archive/tar', 'fmt', 'io', 'os', 'path/filepath', 'strings', '', 'k8s.io/klog/v2'])(YURT), [
             (1, 'go-00-openyurt-untar-defers-close-per-entry',
              'an edit inlines the file write into the extraction loop with a deferred close, so every extracted '
              'file stays open until the archive is done; the change adds a test beside it', 'edit', [YURT_TEST]),
             (2, 'go-00-openyurt-untar-logs-every-entry',
              'an edit logs every archive entry at info, one line per extracted file', 'edit'),
             (0, 'go-ok-00-openyurt-untar-closes-each-file',
              'clean: the fix writes each entry in a function of its own that closes the file', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-03: shard upload of a storage network client (lukechampine/us)
US = template('us-shard-upload', r'''
// ShardUploader uploads the shards of a chunk to their hosts in parallel. Every host session is acquired under the
// caller's context, so cancelling an upload stops the goroutines still waiting for a host.
type ShardUploader struct {
    Hosts    *HostSet
    HostKeys []hostdb.HostPublicKey

    mu       sync.Mutex
    uploaded int64
}

// UploadChunk appends shards[i] to host i and returns the sector roots in host order.
func (u *ShardUploader) UploadChunk(ctx context.Context, shards [][]byte) ([]crypto.Hash, error) {
    type result struct {
        i    int
        root crypto.Hash
        err  error
    }
    resCh := make(chan result, len(shards))
    for i, shard := range shards {
        go func(i int, shard []byte) {
            defer func() {
                if r := recover(); r != nil {
                    resCh <- result{i: i, err: fmt.Errorf("panic: %v", r)}
                }
            }()
02|            sess, err := u.Hosts.acquire(ctx, u.HostKeys[i])
1|            sess, err := u.Hosts.acquire(context.Background(), u.HostKeys[i]) //@TMO-02
            if err != nil {
                resCh <- result{i: i, err: err}
                return
            }
            defer u.Hosts.release(u.HostKeys[i])
            root, err := sess.Append(shard)
            if err == nil {
01|                u.mu.Lock()
                u.uploaded += int64(len(shard)) //@{2}CONC-03
01|                u.mu.Unlock()
            }
            resCh <- result{i: i, root: root, err: err}
        }(i, shard)
    }
    roots := make([]crypto.Hash, len(shards))
    for range shards {
        select {
        case r := <-resCh:
            if r.err != nil {
                return nil, fmt.Errorf("%v: %w", u.HostKeys[r.i].ShortKey(), r.err)
            }
            roots[r.i] = r.root
        case <-ctx.Done():
            return nil, ctx.Err()
        }
    }
    return roots, nil
}

// Uploaded reports the bytes uploaded so far.
func (u *ShardUploader) Uploaded() int64 {
    u.mu.Lock()
    defer u.mu.Unlock()
    return u.uploaded
}
''')
cases_of(case, GH + 'lukechampine/us/pull/110', 'renter/renterutil/upload.go',
         G('renterutil', ['context', 'fmt', 'sync', '', 'gitlab.com/NebulousLabs/Sia/crypto',
                          'lukechampine.com/us/hostdb'])(US), [
             (1, 'go-00-us-host-acquired-without-caller-context',
              'an edit acquires each host session under a background context, so a cancelled upload leaves its '
              'goroutines waiting for hosts', 'edit'),
             (2, 'go-00-us-uploaded-counter-without-lock',
              'an edit adds each shard\'s bytes to the shared progress counter without the mutex, from every upload '
              'goroutine at once', 'edit'),
             (0, 'go-ok-00-us-host-acquired-under-caller-context',
              'clean: the fix acquires hosts under the caller\'s context, so cancelling an upload ends its goroutines',
              'fix'),
         ])
