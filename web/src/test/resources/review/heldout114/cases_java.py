"""Round-114 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, tst, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- TMO-01 / RES-01: implicit FTPS of a network protocol library (commons-net)
FTPS = template('commons-net-ftps-implicit', r'''
/**
 * FTP over SSL/TLS. In implicit mode the TLS handshake starts as soon as the socket connects, before any reply of
 * the server is read, so the socket gets its read timeout before the handshake: a server that accepts the connection
 * and never answers must not hang the client.
 */
public class FTPSClient extends FTPClient {

    private final boolean isImplicit;
    private final String protocol;
    private SSLContext context;
    private Socket plainSocket;
    private boolean isClientMode = true;
    private boolean isNeedClientAuth;
    private String[] suites;

    public FTPSClient(final String protocol, final boolean isImplicit) {
        this.protocol = protocol;
        this.isImplicit = isImplicit;
        if (isImplicit) {
            setDefaultPort(DEFAULT_FTPS_PORT);
        }
    }

    @Override
    protected void _connectAction_() throws IOException {
        // Implicit mode.
        if (isImplicit) {
02|            _socket_.setSoTimeout(getDefaultTimeout());
            sslNegotiation(); //@{1}TMO-01
        }
        super._connectAction_();
        // Explicit mode.
        if (!isImplicit) {
            execAUTH();
            sslNegotiation();
        }
    }

    protected void sslNegotiation() throws IOException {
        plainSocket = _socket_;
        initSslContext();
        final SSLSocketFactory ssf = context.getSocketFactory();
        final String host = _hostname_ != null ? _hostname_ : getRemoteAddress().getHostAddress();
        final int port = _socket_.getPort();
        final SSLSocket socket = (SSLSocket) ssf.createSocket(_socket_, host, port, false); //@{2}RES-01
        socket.setUseClientMode(isClientMode);
        socket.setNeedClientAuth(isNeedClientAuth);
01|        try {
01|            if (suites != null) {
01|                socket.setEnabledCipherSuites(suites);
01|            }
01|            socket.startHandshake();
01|        } catch (final IOException e) {
01|            socket.close();
01|            throw e;
01|        }
2|        if (suites != null) {
2|            socket.setEnabledCipherSuites(suites);
2|        }
2|        socket.startHandshake();

        _socket_ = socket;
        _controlInput_ = new BufferedReader(new InputStreamReader(socket.getInputStream(), getControlEncoding()));
        _controlOutput_ = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), getControlEncoding()));
    }

    private void initSslContext() throws IOException {
        if (context == null) {
            context = SSLContextUtils.createSSLContext(protocol, null, null);
        }
    }
}
''')
_FTPS = ['java.io.BufferedReader', 'java.io.BufferedWriter', 'java.io.IOException', 'java.io.InputStreamReader',
         'java.io.OutputStreamWriter', 'java.net.Socket', 'javax.net.ssl.SSLContext', 'javax.net.ssl.SSLSocket',
         'javax.net.ssl.SSLSocketFactory', 'org.apache.commons.net.util.SSLContextUtils']
cases_of(case, GH + 'apache/commons-net/pull/70', src('org.apache.commons.net.ftp', 'FTPSClient'),
         J('org.apache.commons.net.ftp', _FTPS)(FTPS), [
             (1, 'java-00-commons-net-implicit-handshake-without-timeout',
              'an edit starts the implicit-mode TLS handshake before the socket has a read timeout, so a server that '
              'never answers hangs connect forever', 'edit'),
             (2, 'java-00-commons-net-ssl-socket-left-open-on-failed-handshake',
              'an edit no longer closes the SSL socket when the handshake fails', 'edit'),
             (0, 'java-ok-00-commons-net-implicit-handshake-with-timeout',
              'clean: the fix gives the socket its read timeout before the implicit-mode handshake', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-02: FTP client factory of a CI publishing plugin (publish-over-ftp-plugin)
POFTP = template('publish-over-ftp-client', r'''
/**
 * An FTP server a job publishes to. Every client it creates has connect, control and data timeouts, so a server that
 * stops answering in the middle of a transfer fails the publish instead of hanging the build's executor.
 */
public class BapFtpHostConfiguration extends BPHostConfiguration<BapFtpClient, Object> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(BapFtpHostConfiguration.class.getName());
    public static final int DEFAULT_TIMEOUT = 300000;

    private int timeout = DEFAULT_TIMEOUT;
    private boolean useActiveData;

    @Override
    public BapFtpClient createClient(final BPBuildInfo buildInfo) {
        final FTPClient ftpClient = createFTPClient(); //@{1}TMO-01
02|        ftpClient.setConnectTimeout(timeout);
02|        ftpClient.setDefaultTimeout(timeout);
02|        ftpClient.setDataTimeout(timeout);
        final BapFtpClient client = new BapFtpClient(ftpClient, buildInfo);
        try {
            init(buildInfo, client);
        } catch (IOException ioe) {
            throw new BapPublisherException(Messages.exception_failedToCreateClient(ioe.getLocalizedMessage()), ioe);
        }
        return client;
    }

    private void init(final BPBuildInfo buildInfo, final BapFtpClient client) throws IOException {
        final FTPClient ftp = client.getFtpClient();
        final String hostname = getHostnameTrimmed();
01|        LOGGER.log(Level.FINE, "Connecting to {0}:{1} as {2}", new Object[] {hostname, getPort(), getUsername()});
2|        LOGGER.fine("Connecting to " + hostname + ":" + getPort() + " as " + getUsername()); //@LOG-02
        ftp.connect(hostname, getPort());
        if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
            exception(client, Messages.exception_connectFailed(hostname, getPort(), ftp.getReplyCode()));
        }
        if (!ftp.login(getUsername(), getPassword())) {
            exception(client, Messages.exception_logInFailed(getUsername()));
        }
        if (useActiveData) {
            ftp.enterLocalActiveMode();
        } else {
            ftp.enterLocalPassiveMode();
        }
        if (!ftp.setFileType(FTP.BINARY_FILE_TYPE)) {
            exception(client, Messages.exception_failedToSetBinaryMode(ftp.getReplyString()));
        }
    }

    protected FTPClient createFTPClient() {
        return new FTPClient();
    }
}
''')
_POFTP = ['java.io.IOException', 'java.util.logging.Level', 'java.util.logging.Logger',
          'jenkins.plugins.publish_over.BPBuildInfo', 'jenkins.plugins.publish_over.BPHostConfiguration',
          'jenkins.plugins.publish_over.BapPublisherException', 'org.apache.commons.net.ftp.FTP',
          'org.apache.commons.net.ftp.FTPClient', 'org.apache.commons.net.ftp.FTPReply']
cases_of(case, GH + 'jenkinsci/publish-over-ftp-plugin/issues/60',
         src('jenkins.plugins.publish_over_ftp', 'BapFtpHostConfiguration'),
         J('jenkins.plugins.publish_over_ftp', _POFTP)(POFTP), [
             (1, 'java-00-publish-over-ftp-client-without-timeouts',
              'an edit creates the FTP client without connect, control and data timeouts, so a server that stops '
              'answering hangs the publishing build', 'edit'),
             (2, 'java-00-publish-over-ftp-connect-log-concatenated',
              'an edit builds the fine-level connect message by concatenation on every publish', 'edit'),
             (0, 'java-ok-00-publish-over-ftp-client-with-timeouts',
              'clean: the fix sets the connect, control and data timeouts on every client', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: file utilities of a file sync client (syncany), CRLF file
SYNCANY = template('syncany-file-util', r'''
/**
 * File helpers of the indexer and the watcher. Every stream opened here is closed on every path: the watcher calls
 * these for each changed file, and a leaked handle keeps a file locked on Windows until the daemon stops.
 */
public class FileUtil {
    private static final Logger logger = Logger.getLogger(FileUtil.class.getSimpleName());

    public static byte[] createChecksum(File filename, String digestAlgorithm) throws NoSuchAlgorithmException, IOException {
        MessageDigest digest = MessageDigest.getInstance(digestAlgorithm);
        byte[] buffer = new byte[8192];
        int n;
02|        try (FileInputStream fis = new FileInputStream(filename)) {
02|            while ((n = fis.read(buffer)) != -1) {
02|                digest.update(buffer, 0, n);
02|            }
02|        }
1|        FileInputStream fis = new FileInputStream(filename); //@RES-01
1|        while ((n = fis.read(buffer)) != -1) {
1|            digest.update(buffer, 0, n);
1|        }
1|        fis.close();
        return digest.digest();
    }

    public static boolean isFileLocked(File file) {
        if (!file.exists()) {
            return false;
        }
        try (RandomAccessFile randomAccessFile = new RandomAccessFile(file, "rw");
                FileLock fileLock = randomAccessFile.getChannel().tryLock()) {
            return fileLock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) { //@{2}ERR-01
01|            logger.log(Level.WARNING, e, () -> "Cannot test the lock of " + file + "; treating it as locked");
01|            return true;
2|            return false;
        }
    }
}
''')
cases_of(case, GH + 'syncany/syncany/pull/120', 'syncany-lib/' + src('org.syncany.util', 'FileUtil'),
         J('org.syncany.util', ['java.io.File', 'java.io.FileInputStream', 'java.io.IOException',
                                'java.io.RandomAccessFile', 'java.nio.channels.FileLock',
                                'java.nio.channels.OverlappingFileLockException', 'java.security.MessageDigest',
                                'java.security.NoSuchAlgorithmException', 'java.util.logging.Level',
                                'java.util.logging.Logger'])(SYNCANY), [
             (1, 'java-00-syncany-checksum-stream-left-open',
              'an edit reads the file for its checksum through a stream closed only after a successful read, so a '
              'failed read leaves the file open', 'edit'),
             (2, 'java-00-syncany-lock-test-error-swallowed',
              'an edit answers "not locked" when testing the lock fails, without a word, so the indexer reads a '
              'file another program is writing', 'edit'),
             (0, 'java-ok-00-syncany-checksum-stream-closed',
              'clean: the fix reads the file in try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-05 / CONC-06: transport of an SMB client library (jcifs-ng)
JCIFS = template('jcifs-transport-interrupt', r'''
/**
 * A connection to an SMB server. Callers wait for the connection under the transport's lock; an interrupted caller
 * keeps its interrupt so the thread that runs a file transfer stops when its task is cancelled.
 */
public abstract class Transport implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Transport.class);

    protected final ExecutorService executor;
    protected final String name;
    protected volatile int state = 0;

    protected Transport(String name, ExecutorService executor) {
        this.name = name;
        this.executor = executor;
    }

    public synchronized boolean connect(long timeout) throws TransportException {
        long deadline = System.currentTimeMillis() + timeout;
        while (state == 1) {
            long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0) {
                throw new ConnectionTimeoutException("Connection timeout of " + name);
            }
            try {
                wait(remaining);
            } catch (InterruptedException ie) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
                throw new TransportException("Interrupted while connecting " + name, ie);
            }
        }
        return state == 3;
    }

    /** Closes the transport once it has been idle, off the caller's thread. */
    public void disconnectWhenIdle() {
01|        CompletableFuture.runAsync(this::disconnectIdle, executor).whenComplete((ignored, e) -> {
01|            if (e != null) {
01|                log.warn("Failed to disconnect idle transport {}", name, e);
01|            }
01|        });
2|        executor.submit(this::disconnectIdle); //@CONC-06
    }

    protected abstract void disconnectIdle();
}
''')
cases_of(case, GH + 'AgNO3/jcifs-ng/issues/372', src('jcifs.util.transport', 'Transport'),
         J('jcifs.util.transport', SLF4J + ['java.util.concurrent.CompletableFuture',
                                            'java.util.concurrent.ExecutorService'])(JCIFS), [
             (1, 'java-00-jcifs-connect-wait-interrupt-lost',
              'an edit turns an interrupted connect wait into a TransportException without restoring the interrupt '
              'flag, so a cancelled transfer thread carries on', 'edit'),
             (2, 'java-00-jcifs-idle-disconnect-future-dropped',
              'an edit submits the idle disconnect and drops its future, so a failed disconnect is never seen', 'edit'),
             (0, 'java-ok-00-jcifs-connect-wait-restores-interrupt',
              'clean: the fix restores the interrupt before throwing', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / RES-02: transfer manager of an encrypted sync client (qabel-desktop)
QABEL = template('qabel-transfer-manager', r'''
/**
 * Runs the uploads and downloads of the folder sync one after another on a worker thread. A transfer that fails is
 * marked failed and the worker goes on with the next one; a dead worker would stop the sync of every folder.
 */
public class DefaultTransferManager implements TransferManager, Runnable {
    private static final Logger logger = LoggerFactory.getLogger(DefaultTransferManager.class);

    private final BlockingQueue<Transaction> transactions = new LinkedBlockingQueue<>(1000);
    private final CloseableHttpClient httpClient;

    public DefaultTransferManager(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public void start() {
        Thread worker = new Thread(this, "TransferManager"); //@{1}CONC-01
        worker.setDaemon(true);
02|        worker.setUncaughtExceptionHandler((t, e) -> logger.error("transfer manager stopped", e));
        worker.start();
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            Transaction transaction;
            try {
                transaction = transactions.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
02|            try {
02|                handle(transaction);
02|            } catch (Exception e) {
02|                logger.error("transfer of {} failed", transaction.getSource(), e);
02|                transaction.toState(Transaction.STATE.FAILED);
02|            }
1|            handle(transaction);
        }
    }

    @Override
    public void addTransaction(Transaction transaction) {
        if (!transactions.offer(transaction)) {
            logger.warn("transfer queue is full, {} is not queued", transaction.getSource());
            transaction.toState(Transaction.STATE.FAILED);
        }
    }

    private void handle(Transaction transaction) {
        try {
            if (transaction instanceof Download) {
                download((Download) transaction);
            } else {
                ((Upload) transaction).upload();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("transfer of " + transaction.getSource() + " failed", e);
        }
        transaction.toState(Transaction.STATE.FINISHED);
    }

    private void download(Download download) throws IOException {
        HttpGet get = new HttpGet(download.getSource());
01|        try (CloseableHttpResponse response = httpClient.execute(get)) {
01|            copyBody(response, download.getDestination());
01|        }
2|        CloseableHttpResponse response = httpClient.execute(get); //@RES-02
2|        copyBody(response, download.getDestination());
    }

    private static void copyBody(HttpResponse response, Path destination) throws IOException {
        int status = response.getStatusLine().getStatusCode();
        if (status != HttpStatus.SC_OK) {
            throw new IOException("download failed with status " + status);
        }
        try (InputStream in = response.getEntity().getContent()) {
            Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
''')
cases_of(case, GH + 'Qabel/qabel-desktop/issues/304', src('de.qabel.desktop.daemon.management', 'DefaultTransferManager'),
         J('de.qabel.desktop.daemon.management', SLF4J + [
             'java.io.IOException', 'java.io.InputStream', 'java.io.UncheckedIOException', 'java.nio.file.Files',
             'java.nio.file.Path',
             'java.nio.file.StandardCopyOption', 'java.util.concurrent.BlockingQueue',
             'java.util.concurrent.LinkedBlockingQueue', 'org.apache.http.HttpResponse', 'org.apache.http.HttpStatus',
             'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet',
             'org.apache.http.impl.client.CloseableHttpClient'])(QABEL), [
             (1, 'java-00-qabel-transfer-worker-dies-on-failed-transfer',
              'an edit lets a failed transfer\'s exception end the transfer worker thread, which has no handler, so '
              'one failed upload stops the sync of every folder', 'edit'),
             (2, 'java-00-qabel-download-response-left-open',
              'an edit no longer closes the download response, so a failed download keeps its pooled connection '
              'until the pool is exhausted', 'edit'),
             (0, 'java-ok-00-qabel-transfer-worker-survives-failures',
              'clean: the fix marks a failed transfer failed and keeps the worker running', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-04: SCP upload of an SSH proxy for an artifact repository (artifactory_ssh_proxy), moved file
ASP = template('artifactory-ssh-file-upload', r'''
/**
 * A file of the artifact repository as the SSH server sees it. Writing to it streams the bytes to the repository on
 * an uploader thread; closing it waits for that upload, and cancels it when the client's session is gone.
 */
public class ArtifactorySshFile implements SshFile {
    private static final Logger LOGGER = LoggerFactory.getLogger(ArtifactorySshFile.class);
    private static final ExecutorService UPLOADERS = new ThreadPoolExecutor(4, 16, 60L, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64));
    private static final long UPLOAD_WAIT_SECONDS = 300;

    private final ArtifactoryDeployer deployer;
    private final String repositoryName;
    private final String path;
    private final String sessionId;
    private Future<Void> uploadFuture;

    public ArtifactorySshFile(ArtifactoryDeployer deployer, String repositoryName, String path, String sessionId) {
        this.deployer = deployer;
        this.repositoryName = repositoryName;
        this.path = path;
        this.sessionId = sessionId;
    }

    @Override
    public OutputStream createOutputStream(final long offset) throws IOException {
        final PipedInputStream in = new PipedInputStream(64 * 1024);
        final PipedOutputStream out = new PipedOutputStream(in);
02|        uploadFuture = UPLOADERS.submit(() -> upload(in));
1|        UPLOADERS.submit(() -> upload(in)); //@CONC-06
        return out;
    }

    private Void upload(InputStream in) throws IOException {
        MDC.put("sshSession", sessionId); //@{2}CONC-04
01|        try {
01|            deployer.deploy(repositoryName, path, in);
01|        } finally {
01|            MDC.remove("sshSession");
01|        }
2|        deployer.deploy(repositoryName, path, in);
2|        MDC.remove("sshSession");
        return null;
    }

    @Override
    public void handleClose() throws IOException {
        if (uploadFuture == null) {
            return;
        }
        try {
            uploadFuture.get(UPLOAD_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            uploadFuture.cancel(true);
            throw new IOException("Upload of " + path + " did not finish in " + UPLOAD_WAIT_SECONDS + "s", e);
        } catch (ExecutionException e) {
            throw new IOException("Upload of " + path + " failed", e.getCause());
        } catch (InterruptedException e) {
            uploadFuture.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the upload of " + path);
        }
    }
}
''')
_ASP = SLF4J + ['java.io.IOException', 'java.io.InputStream', 'java.io.InterruptedIOException', 'java.io.OutputStream',
                'java.io.PipedInputStream', 'java.io.PipedOutputStream', 'java.util.concurrent.ExecutionException',
                'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
                'java.util.concurrent.Future', 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
                'java.util.concurrent.TimeoutException', 'org.apache.sshd.common.file.SshFile', 'org.slf4j.MDC',
                'com.yahoo.sshd.server.filesystem.ArtifactoryDeployer']
cases_of(case, GH + 'YahooArchive/artifactory_ssh_proxy/pull/53',
         src('com.yahoo.sshd.server.filesystem.artifactory', 'ArtifactorySshFile'),
         J('com.yahoo.sshd.server.filesystem.artifactory', _ASP)(ASP), [
             (1, 'java-00-artifactory-ssh-moved-upload-future-dropped',
              'a move of the SSH file into an artifactory package also drops the uploader\'s future, so closing the '
              'file neither waits for nor cancels the upload and its failure is never seen', 'rename'),
             (2, 'java-00-artifactory-ssh-moved-mdc-left-on-failed-upload',
              'a move of the SSH file into an artifactory package also removes the session id from the MDC only '
              'after a successful upload, leaving it on the pooled thread when the upload fails', 'rename'),
             (0, 'java-ok-00-artifactory-ssh-moved-file',
              'clean: the move alone; the upload future is kept and the MDC is cleared in a finally', 'rename'),
         ], rename_from=src('com.yahoo.sshd.server.filesystem', 'ArtifactorySshFile'),
         rename_old=lambda t: t.replace('package com.yahoo.sshd.server.filesystem.artifactory;',
                                        'package com.yahoo.sshd.server.filesystem;').replace(
             'import com.yahoo.sshd.server.filesystem.ArtifactoryDeployer;\n', ''))


# ---------------------------------------------------------------- RES-01 / RES-04: S3 backups of a streaming join service (southpaw)
SOUTHPAW = template('southpaw-s3-restore', r'''
/**
 * Backs up and restores the state of the join service to S3. One client is built for the helper and shared by every
 * backup and restore; each restored object's stream is closed even when the copy fails half-way.
 */
public class S3Helper implements Closeable {
    private static final Logger logger = LoggerFactory.getLogger(S3Helper.class);
    public static final String REGION_CONFIG = "aws.s3.region";

    private final String region;
    private final AmazonS3 s3;

    public S3Helper(Map<String, Object> config) {
        this.region = (String) config.get(REGION_CONFIG);
        this.s3 = AmazonS3ClientBuilder.standard().withRegion(region).build();
    }

    public List<String> listBackups(URI s3Uri) {
01|        ObjectListing listing = s3.listObjects(s3Uri.getHost(), key(s3Uri));
2|        AmazonS3 client = AmazonS3ClientBuilder.standard().withRegion(region).build(); //@RES-04
2|        ObjectListing listing = client.listObjects(s3Uri.getHost(), key(s3Uri));
        List<String> keys = new ArrayList<>();
        for (S3ObjectSummary summary : listing.getObjectSummaries()) {
            keys.add(summary.getKey());
        }
        return keys;
    }

    public void restoreObject(URI s3Uri, Path localFile) throws IOException {
        logger.info("Restoring {} to {}", s3Uri, localFile);
        S3Object object = s3.getObject(s3Uri.getHost(), key(s3Uri)); //@{1}RES-01
02|        try (S3ObjectInputStream in = object.getObjectContent()) {
02|            Files.copy(in, localFile, StandardCopyOption.REPLACE_EXISTING);
02|        }
1|        S3ObjectInputStream in = object.getObjectContent();
1|        Files.copy(in, localFile, StandardCopyOption.REPLACE_EXISTING);
1|        in.close();
    }

    private static String key(URI s3Uri) {
        return s3Uri.getPath().replaceFirst("^/", "");
    }

    @Override
    public void close() {
        s3.shutdown();
    }
}
''')
cases_of(case, GH + 'jwplayer/southpaw/pull/19', src('com.jwplayer.southpaw.util', 'S3Helper'),
         J('com.jwplayer.southpaw.util', SLF4J + [
             'com.amazonaws.services.s3.AmazonS3', 'com.amazonaws.services.s3.AmazonS3ClientBuilder',
             'com.amazonaws.services.s3.model.ObjectListing', 'com.amazonaws.services.s3.model.S3Object',
             'com.amazonaws.services.s3.model.S3ObjectInputStream', 'com.amazonaws.services.s3.model.S3ObjectSummary',
             'java.io.Closeable', 'java.io.IOException', 'java.net.URI', 'java.nio.file.Files', 'java.nio.file.Path',
             'java.nio.file.StandardCopyOption', 'java.util.ArrayList', 'java.util.List', 'java.util.Map'])(SOUTHPAW), [
             (1, 'java-00-southpaw-restored-object-left-open-on-failure',
              'an edit closes a restored object\'s stream only after a successful copy, so a failed restore keeps the '
              'S3 connection', 'edit'),
             (2, 'java-00-southpaw-s3-client-per-listing',
              'an edit builds a new S3 client for every listing of the backups and never shuts it down', 'edit'),
             (0, 'java-ok-00-southpaw-restored-object-closed',
              'clean: the fix copies the restored object in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-07: backup scheduler of a game server backup plugin (DriveBackupV2), new file
DRIVE = template('drivebackup-scheduler', r'''
/**
 * Runs the configured backups every interval and names each backup file after the time in the configured zone, so
 * the names sort in the order the backups were made whatever the host's zone.
 */
public class BackupScheduler {
    private static final Logger LOGGER = Logger.getLogger(BackupScheduler.class.getName());

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final BackupRunner runner;
    private final ZoneId zone;
    private final DateTimeFormatter fileNameFormat;
    private final long intervalMinutes;

    public BackupScheduler(BackupRunner runner, ZoneId zone, String fileNamePattern, long intervalMinutes) {
        this.runner = runner;
        this.zone = zone;
        this.fileNameFormat = DateTimeFormatter.ofPattern(fileNamePattern, Locale.ENGLISH);
        this.intervalMinutes = intervalMinutes;
    }

    public void start() {
01|        executor.scheduleAtFixedRate(this::runSafely, intervalMinutes, intervalMinutes, TimeUnit.MINUTES);
2|        executor.scheduleAtFixedRate(this::runBackup, intervalMinutes, intervalMinutes, TimeUnit.MINUTES); //@CONC-07
    }

    public void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOGGER.warning("A backup was still running 30 seconds after the plugin was disabled");
        }
    }

    String fileName(String worldName) {
02|        ZonedDateTime now = ZonedDateTime.now(zone);
1|        LocalDateTime now = LocalDateTime.now(); //@TIME-01
        return worldName + "-" + fileNameFormat.format(now) + ".zip";
    }
01|
01|    private void runSafely() {
01|        try {
01|            runBackup();
01|        } catch (Throwable t) {
01|            LOGGER.log(Level.SEVERE, "Scheduled backup failed; the next one runs as planned", t);
01|        }
01|    }

    private void runBackup() {
        for (String world : runner.worlds()) {
            runner.backup(world, fileName(world));
        }
    }
}
''')
DRIVE_TEST = f(tst('ratismal.drivebackup.handler', 'BackupSchedulerTest'), new=java('ratismal.drivebackup.handler', [
    'static org.junit.jupiter.api.Assertions.assertTrue', 'java.time.ZoneId', 'org.junit.jupiter.api.Test'], r'''
class BackupSchedulerTest {
    @Test
    void fileNameStartsWithTheWorld() {
        BackupScheduler scheduler = new BackupScheduler(null, ZoneId.of("UTC"), "yyyy-MM-dd--HH-mm", 60);
        String name = scheduler.fileName("world_nether");
        assertTrue(name.startsWith("world_nether-"), name);
        assertTrue(name.endsWith(".zip"), name);
    }
}
'''))
_DRIVE = ['java.time.ZoneId', 'java.time.format.DateTimeFormatter', 'java.util.Locale', 'java.util.concurrent.Executors',
          'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.logging.Logger']
cases_of(case, GH + 'MaxMaeder/DriveBackupV2/pull/46', src('ratismal.drivebackup.handler', 'BackupScheduler'),
         JV('ratismal.drivebackup.handler', {0: _DRIVE + ['java.time.ZonedDateTime', 'java.util.logging.Level'],
                                             1: _DRIVE + ['java.time.LocalDateTime', 'java.util.logging.Level'],
                                             2: _DRIVE + ['java.time.ZonedDateTime']})(DRIVE), [
             (1, 'java-00-drivebackup-file-name-in-host-time',
              'a new file names each backup after the host\'s local time, ignoring the configured zone; the change '
              'adds a test beside it', 'new', [DRIVE_TEST]),
             (2, 'java-00-drivebackup-backup-scheduled-unguarded',
              'a new file schedules the backups without a catch, so one failed backup cancels every later one',
              'new'),
             (0, 'java-ok-00-drivebackup-scheduler',
              'clean: a new file with guarded scheduled backups named after the configured zone', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / LOG-02: WebDAV provider of a virtual file system library (commons-vfs)
VFS = template('commons-vfs-webdav4-execute', r'''
/**
 * A WebDAV file. Every request's response is either returned to a caller that consumes it or consumed here before
 * an exception is thrown, so a missing file does not keep a pooled connection leased.
 */
public class Webdav4FileObject extends Http4FileObject<Webdav4FileSystem> {
    private static final Log LOG = LogFactory.getLog(Webdav4FileObject.class);

    private final Webdav4FileSystemConfigBuilder builder;

    protected Webdav4FileObject(final AbstractFileName name, final Webdav4FileSystem fileSystem,
            final Webdav4FileSystemConfigBuilder builder) throws FileSystemException {
        super(name, fileSystem, builder);
        this.builder = builder;
    }

    HttpResponse executeRequest(final HttpUriRequest request) throws FileSystemException {
01|        if (LOG.isDebugEnabled()) {
01|            LOG.debug("Executing " + request.getMethod() + " " + request.getURI());
01|        }
2|        LOG.debug("Executing " + request.getMethod() + " " + request.getURI()); //@LOG-02
        final HttpResponse response;
        try {
            response = executeHttpUriRequest(request); //@{1}RES-02
            final int status = response.getStatusLine().getStatusCode();
            if (status == HttpURLConnection.HTTP_NOT_FOUND || status == HttpURLConnection.HTTP_GONE) {
02|                EntityUtils.consume(response.getEntity());
                throw new FileNotFoundException(request.getURI());
            }
            if (request instanceof BaseDavRequest) {
                ((BaseDavRequest) request).checkSuccess(response);
            }
            return response;
        } catch (final FileSystemException e) {
            throw e;
        } catch (final IOException e) {
            throw new FileSystemException(e);
        } catch (final DavException e) {
            throw ExceptionConverter.generate(e);
        }
    }
}
''')
cases_of(case, GH + 'apache/commons-vfs/pull/428',
         'commons-vfs2-jackrabbit2/' + src('org.apache.commons.vfs2.provider.webdav4', 'Webdav4FileObject'),
         J('org.apache.commons.vfs2.provider.webdav4', [
             'java.io.IOException', 'java.net.HttpURLConnection', 'org.apache.commons.logging.Log',
             'org.apache.commons.logging.LogFactory', 'org.apache.commons.vfs2.FileNotFoundException',
             'org.apache.commons.vfs2.FileSystemException', 'org.apache.commons.vfs2.provider.AbstractFileName',
             'org.apache.commons.vfs2.provider.http4.Http4FileObject', 'org.apache.http.HttpResponse',
             'org.apache.http.client.methods.HttpUriRequest', 'org.apache.http.util.EntityUtils',
             'org.apache.jackrabbit.webdav.DavException',
             'org.apache.jackrabbit.webdav.client.methods.BaseDavRequest'])(VFS), [
             (1, 'java-00-commons-vfs-webdav-not-found-response-not-consumed',
              'an edit throws FileNotFoundException for a 404 or 410 without consuming the response, so each lookup '
              'of a missing file keeps a pooled connection leased', 'edit'),
             (2, 'java-00-commons-vfs-webdav-request-log-unguarded',
              'an edit drops the guard of the debug message built by concatenation for every WebDAV request',
              'edit'),
             (0, 'java-ok-00-commons-vfs-webdav-not-found-response-consumed',
              'clean: the fix consumes the response before throwing for a missing file', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TX-01: remote project sync of a genomics platform (irida)
IRIDA = template('irida-project-sync', r'''
/**
 * Synchronizes the projects marked for it from their remote IRIDA instances every five minutes. A failed run is logged
 * and the schedule goes on; a project whose files fail to transfer is marked ERROR in a transaction of its own.
 */
@Service
public class ProjectSynchronizationService {
    private static final Logger logger = LoggerFactory.getLogger(ProjectSynchronizationService.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ProjectService projectService;
    private final ProjectRepository projectRepository;
    private final RemoteFileTransfer fileTransfer;
    private final PlatformTransactionManager transactionManager;

    public ProjectSynchronizationService(ProjectService projectService, ProjectRepository projectRepository,
            RemoteFileTransfer fileTransfer, PlatformTransactionManager transactionManager) {
        this.projectService = projectService;
        this.projectRepository = projectRepository;
        this.fileTransfer = fileTransfer;
        this.transactionManager = transactionManager;
    }

    @PostConstruct
    public void start() {
02|        executor.scheduleWithFixedDelay(this::syncSafely, 1, 5, TimeUnit.MINUTES);
1|        executor.scheduleWithFixedDelay(this::syncMarkedProjects, 1, 5, TimeUnit.MINUTES); //@CONC-07
    }
02|
02|    private void syncSafely() {
02|        try {
02|            syncMarkedProjects();
02|        } catch (Throwable t) {
02|            logger.error("Remote project synchronization failed; the next run is in 5 minutes", t);
02|        }
02|    }

    void syncMarkedProjects() {
        for (Project project : projectService.getProjectsWithRemoteSyncStatus(SyncStatus.MARKED)) {
            markStatus(project, SyncStatus.UPDATING);
            if (fileTransfer.transferAll(project)) {
                markStatus(project, SyncStatus.SYNCHRONIZED);
            } else {
                markStatus(project, SyncStatus.ERROR);
            }
        }
    }

    private void markStatus(Project project, SyncStatus status) {
        TransactionStatus tx = transactionManager.getTransaction(new DefaultTransactionDefinition()); //@{2}TX-01
01|        try {
01|            project.getRemoteStatus().setSyncStatus(status);
01|            projectRepository.save(project);
01|            transactionManager.commit(tx);
01|        } catch (RuntimeException e) {
01|            transactionManager.rollback(tx);
01|            throw e;
01|        }
2|        project.getRemoteStatus().setSyncStatus(status);
2|        projectRepository.save(project);
2|        transactionManager.commit(tx);
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
            logger.warn("Remote project synchronization still running after one minute");
        }
    }
}
''')
_IR = 'ca.corefacility.bioinformatics.irida.'
cases_of(case, GH + 'phac-nml/irida/issues/173', src(_IR + 'service.remote', 'ProjectSynchronizationService'),
         J(_IR + 'service.remote', SLF4J + [
             _IR + 'model.project.Project', _IR + 'model.remote.RemoteStatus.SyncStatus',
             _IR + 'repositories.ProjectRepository', _IR + 'service.ProjectService',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'javax.annotation.PostConstruct', 'javax.annotation.PreDestroy',
             'org.springframework.stereotype.Service', 'org.springframework.transaction.PlatformTransactionManager',
             'org.springframework.transaction.TransactionStatus',
             'org.springframework.transaction.support.DefaultTransactionDefinition'])(IRIDA), [
             (1, 'java-00-irida-sync-scheduled-unguarded',
              'an edit schedules the project synchronization without its catch, so one failed transfer ends every '
              'later synchronization run', 'edit'),
             (2, 'java-00-irida-status-transaction-not-rolled-back',
              'an edit commits the sync status change without rolling the transaction back when the save fails',
              'edit'),
             (0, 'java-ok-00-irida-sync-scheduled-guarded',
              'clean: the fix schedules a guarded run that logs a failure and keeps the schedule', 'fix'),
         ])
