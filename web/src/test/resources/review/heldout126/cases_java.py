"""Round-126 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / CONC-02: RTMP transport of a media server (red5-server), moved file
RED5 = template('red5-rtmp-mina-transport', r'''
/**
 * Binds the RTMP acceptor. The executor behind the acceptor's filter chain is created in {@link #start()} and shut
 * down in {@link #stop()}, so a server that restarts its transport does not keep the old pool's threads.
 */
public class RTMPMinaTransport implements RTMPMinaTransportMXBean {
    private static final Logger log = LoggerFactory.getLogger(RTMPMinaTransport.class);

    protected SocketAcceptor acceptor;
02|    protected ThreadPoolExecutor executor;
    protected IoHandlerAdapter ioHandler;
    protected Set<String> addresses = new HashSet<>();
    protected int initialPoolSize = 4;
    protected int maxPoolSize = 64;
    protected int maxProcessorPoolSize = Runtime.getRuntime().availableProcessors();
    protected long executorKeepAliveTime = 60000;

    public void start() throws Exception {
        log.info("RTMP Mina transport starting on {}", addresses);
        SimpleIoProcessorPool<NioSession> pool = new SimpleIoProcessorPool<>(NioProcessor.class, maxProcessorPoolSize);
01|        BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(Short.MAX_VALUE);
2|        BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(); //@CONC-02
02|        executor = new ThreadPoolExecutor(initialPoolSize, maxPoolSize, executorKeepAliveTime, TimeUnit.MILLISECONDS, queue);
1|        Executor executor = new ThreadPoolExecutor(initialPoolSize, maxPoolSize, executorKeepAliveTime, TimeUnit.MILLISECONDS, queue); //@RES-01
        acceptor = new NioSocketAcceptor(executor, pool);
        acceptor.setHandler(ioHandler);
        acceptor.setReuseAddress(true);
        for (String address : addresses) {
            String[] hostPort = address.split(":");
            acceptor.bind(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])));
        }
        log.info("RTMP Mina transport bound to {}", acceptor.getLocalAddresses());
    }

    public void stop() {
        log.info("RTMP Mina transport stopping");
        if (acceptor != null) {
            acceptor.unbind();
            acceptor.dispose();
            acceptor = null;
        }
02|        if (executor != null) {
02|            executor.shutdown();
02|            executor = null;
02|        }
    }
}
''')
_R5_PKG, _R5_OLD = 'org.red5.server.net.rtmp.mina', 'org.red5.server.net.rtmp'
_R5 = ['java.net.InetSocketAddress', 'java.util.HashSet', 'java.util.Set', 'java.util.concurrent.BlockingQueue',
       'java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
       'java.util.concurrent.TimeUnit', 'org.apache.mina.core.service.IoHandlerAdapter',
       'org.apache.mina.core.service.SimpleIoProcessorPool', 'org.apache.mina.transport.socket.SocketAcceptor',
       'org.apache.mina.transport.socket.nio.NioProcessor', 'org.apache.mina.transport.socket.nio.NioSession',
       'org.apache.mina.transport.socket.nio.NioSocketAcceptor',
       'org.red5.server.jmx.mxbeans.RTMPMinaTransportMXBean'] + SLF4J
cases_of(case, GH + 'Red5/red5-server/issues/121', 'server/' + src(_R5_PKG, 'RTMPMinaTransport'),
         JV(_R5_PKG, {0: _R5, 1: _R5 + ['java.util.concurrent.Executor'], 2: _R5})(RED5), [
             (1, 'java-00-red5-moved-mina-transport-executor-never-shut-down',
              'a move of the RTMP transport whose acceptor executor becomes a local variable, so stop unbinds the '
              'acceptor and leaves the pool\'s threads running', 'rename'),
             (2, 'java-00-red5-moved-mina-transport-queue-unbounded',
              'a move of the RTMP transport whose acceptor executor gets an unbounded work queue, so a burst of '
              'connections queues without limit', 'rename'),
             (0, 'java-ok-00-red5-moved-mina-transport-executor-shut-down',
              'clean: the move alone; the executor is a field, bounded and shut down in stop', 'rename'),
         ], rename_from='server/' + src(_R5_OLD, 'RTMPMinaTransport'),
         rename_old=lambda t: t.replace('package ' + _R5_PKG + ';', 'package ' + _R5_OLD + ';'))


# ---------------------------------------------------------------- CONC-07 / OPS-01: social comment polling of a streaming server (Ant-Media-Server)
ANTMEDIA = template('ant-media-comment-poller', r'''
/**
 * Polls the comments of the social endpoints a broadcast is restreamed to. Each stream has one schedule; a failed
 * fetch is logged and retried at the next period, and {@link #stop()} lets running fetches finish.
 */
public class CommentPoller {
    private static final Logger logger = LoggerFactory.getLogger(CommentPoller.class);
    private static final int STOP_TIMEOUT_SECONDS = 10;

    private final ScheduledExecutorService scheduler;
    private final VideoServiceEndpoint endpoint;
    private final Map<String, ScheduledFuture<?>> pollers = new ConcurrentHashMap<>();
    private final long pollPeriodMs;

    public CommentPoller(ScheduledExecutorService scheduler, VideoServiceEndpoint endpoint, long pollPeriodMs) {
        this.scheduler = scheduler;
        this.endpoint = endpoint;
        this.pollPeriodMs = pollPeriodMs;
    }

    public void startPolling(String streamId) {
        pollers.computeIfAbsent(streamId, id ->
02|                scheduler.scheduleWithFixedDelay(() -> {
02|                    try {
02|                        endpoint.fetchLiveComments(id);
02|                    } catch (Exception e) {
02|                        logger.error("Fetching comments of stream {} failed, retrying in {} ms", id, pollPeriodMs, e);
02|                    }
02|                }, pollPeriodMs, pollPeriodMs, TimeUnit.MILLISECONDS));
1|                scheduler.scheduleWithFixedDelay(() -> endpoint.fetchLiveComments(id), //@CONC-07
1|                        pollPeriodMs, pollPeriodMs, TimeUnit.MILLISECONDS));
    }

    public void stopPolling(String streamId) {
        ScheduledFuture<?> poller = pollers.remove(streamId);
        if (poller != null) {
            poller.cancel(false);
        }
    }

    public void stop() throws InterruptedException {
        pollers.values().forEach(poller -> poller.cancel(false));
        pollers.clear();
01|        scheduler.shutdown();
01|        if (!scheduler.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
01|            logger.warn("Comment fetches still running after {} s, interrupting them", STOP_TIMEOUT_SECONDS);
01|            scheduler.shutdownNow();
01|        }
2|        scheduler.shutdownNow(); //@OPS-01
    }
}
''')
_AM_PKG = 'io.antmedia.social'
_AM = ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ScheduledExecutorService',
       'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
       'io.antmedia.social.endpoint.VideoServiceEndpoint'] + SLF4J
cases_of(case, GH + 'ant-media/Ant-Media-Server/pull/1578', src(_AM_PKG, 'CommentPoller'),
         J(_AM_PKG, _AM)(ANTMEDIA), [
             (1, 'java-00-ant-media-comment-poll-unguarded',
              'an edit schedules the comment fetch without its catch, so the first failed fetch of a stream ends its '
              'polling for good', 'edit'),
             (2, 'java-00-ant-media-comment-poller-stop-interrupts-at-once',
              'an edit makes stop interrupt the scheduler at once, cutting running fetches off mid-request', 'edit'),
             (0, 'java-ok-00-ant-media-comment-poll-guarded',
              'clean: the fix catches and logs each failed fetch so the schedule goes on', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-05: process runner of an FFmpeg wrapper (ffmpeg-cli-wrapper)
FFCOMMON = template('ffmpeg-cli-wrapper-ffcommon', r'''
/** Runs the ffmpeg or ffprobe binary and turns a failed exit into an exception. */
abstract class FFcommon {
  /** How long to wait for the process to exit once its output is closed. */
  private static final long PROCESS_EXIT_TIMEOUT_SECONDS = 30;

  protected final String path;
  protected final ProcessFunction runFunc;

  protected FFcommon(String path, ProcessFunction runFunc) {
    this.path = path;
    this.runFunc = runFunc;
  }

  public void run(List<String> args) throws IOException {
    Process p = runFunc.run(path(args));
    try (BufferedReader stdout = wrapInReader(p)) {
      IOUtils.copy(stdout, System.out);
      throwOnError(p);
    } finally {
      p.destroy();
    }
  }

  protected void throwOnError(Process p) throws IOException {
    try {
02|      if (ProcessUtils.waitForWithTimeout(p, PROCESS_EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS) != 0) {
1|      if (p.waitFor() != 0) { //@TMO-01
        throw new IOException(path + " returned non-zero exit status. Check stdout.");
      }
02|    } catch (TimeoutException e) {
02|      throw new IOException("Timed out waiting for " + path + " to finish.", e);
    } catch (InterruptedException e) { //@{2}CONC-05
01|      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted waiting for " + path + " to finish.");
    }
  }

  protected abstract List<String> path(List<String> args) throws IOException;

  protected BufferedReader wrapInReader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }
}
''')
FFCOMMON_TEST = f(tst('net.bramp.ffmpeg', 'FFcommonTest'), new=java('net.bramp.ffmpeg', sorted([
    'static org.junit.Assert.assertTrue', 'static org.mockito.Mockito.mock', 'static org.mockito.Mockito.when',
    'java.io.IOException', 'java.util.concurrent.TimeUnit', 'org.junit.Test']), r'''
public class FFcommonTest {
  @Test(expected = IOException.class)
  public void throwOnErrorGivesUpOnAProcessThatNeverExits() throws Exception {
    Process p = mock(Process.class);
    when(p.waitFor(30, TimeUnit.SECONDS)).thenReturn(false);
    FFcommon common = new FFmpeg("ffmpeg", args -> p);
    common.throwOnError(p);
  }

  @Test
  public void threadStaysInterruptedAfterAnInterruptedWait() throws Exception {
    Process p = mock(Process.class);
    when(p.waitFor(30, TimeUnit.SECONDS)).thenThrow(new InterruptedException());
    FFcommon common = new FFmpeg("ffmpeg", args -> p);
    try {
      common.throwOnError(p);
    } catch (IOException expected) {
      assertTrue(Thread.interrupted());
    }
  }
}
'''))
_FF_PKG = 'net.bramp.ffmpeg'
_FF = ['java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader', 'java.io.InterruptedIOException',
       'java.nio.charset.StandardCharsets', 'java.util.List', 'java.util.concurrent.TimeUnit',
       'java.util.concurrent.TimeoutException', 'net.bramp.ffmpeg.io.ProcessUtils', 'org.apache.commons.io.IOUtils']
cases_of(case, GH + 'bramp/ffmpeg-cli-wrapper/issues/204', src(_FF_PKG, 'FFcommon'),
         JV(_FF_PKG, {0: _FF, 1: [i for i in _FF if not i.endswith(('TimeUnit', 'TimeoutException', 'ProcessUtils'))],
                      2: _FF})(FFCOMMON), [
             (1, 'java-00-ffmpeg-cli-wrapper-exit-wait-unbounded',
              'an edit waits for the ffmpeg process with a plain waitFor, so a process that closes its output but never '
              'exits hangs the caller', 'edit'),
             (2, 'java-00-ffmpeg-cli-wrapper-interrupt-flag-lost',
              'an edit drops the interrupt restore from the exit wait, so a cancelled transcode job loses its '
              'interrupt', 'edit'),
             (0, 'java-ok-00-ffmpeg-cli-wrapper-exit-wait-bounded',
              'clean: the fix bounds the exit wait, with a test beside it', 'fix', [FFCOMMON_TEST]),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: scheduled UDP stream probe built on a media library (javacv), new file
JAVACV = template('javacv-udp-stream-probe', r'''
/**
 * Probes a UDP MPEG-TS feed: opens it, reads the stream parameters and one image, and reports them. A scheduler calls
 * it every few seconds, so each run releases its grabber, and the native FFmpeg context behind it, whatever happens.
 */
public class UdpStreamProbe {
    private static final Logger log = LoggerFactory.getLogger(UdpStreamProbe.class);

    private final String udpUrl;

    public UdpStreamProbe(String udpUrl) {
        this.udpUrl = udpUrl;
    }

    public StreamReport probe() throws FrameGrabber.Exception {
        String runId = UUID.randomUUID().toString();
02|        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(udpUrl)) {
1|        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(udpUrl); //@RES-01
1|        try {
            grabber.setOption("analyzeduration", "2000000");
            grabber.setOption("fifo_size", "50000000");
            grabber.setOption("overrun_nonfatal", "1");
            grabber.setOption("timeout", "1000000");
            grabber.start();
01|            log.info("Probe {} of {}: {}x{} at {} fps, codec {}", runId, udpUrl, grabber.getImageWidth(),
01|                    grabber.getImageHeight(), grabber.getFrameRate(), grabber.getVideoCodecName());
2|            log.info("Probe " + runId + " of " + udpUrl + ": " + grabber.getImageWidth() + "x" //@LOG-02
2|                    + grabber.getImageHeight() + " at " + grabber.getFrameRate() + " fps, codec "
2|                    + grabber.getVideoCodecName());
            Frame image = grabber.grabImage();
            return new StreamReport(udpUrl, grabber.getImageWidth(), grabber.getImageHeight(),
                    grabber.getFrameRate(), grabber.getVideoCodecName(), image != null);
        } catch (FrameGrabber.Exception e) {
            log.error("Probe {} of {} failed", runId, udpUrl, e);
            throw e;
        }
    }
}
''')
_CV_PKG = 'org.bytedeco.javacv.samples'
_CV = ['java.util.UUID', 'org.bytedeco.javacv.FFmpegFrameGrabber', 'org.bytedeco.javacv.Frame',
       'org.bytedeco.javacv.FrameGrabber'] + SLF4J
cases_of(case, GH + 'bytedeco/javacv/issues/1709', 'samples/' + src(_CV_PKG, 'UdpStreamProbe'),
         J(_CV_PKG, _CV)(JAVACV), [
             (1, 'java-00-javacv-new-udp-probe-grabber-never-released',
              'a new scheduled probe that opens an FFmpegFrameGrabber per run and never closes it, so native '
              'FFmpeg memory grows every run', 'new'),
             (2, 'java-00-javacv-new-udp-probe-line-concatenated',
              'a new scheduled probe that builds its info line by string concatenation', 'new'),
             (0, 'java-ok-00-javacv-new-udp-probe-grabber-released',
              'clean: a new probe that opens the grabber in try-with-resources', 'new'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-05: batch upload sample of an object storage SDK (aliyun-oss-java-sdk), CRLF file
OSSJAVA = template('aliyun-oss-java-batch-upload', r'''
/**
 * Uploads a batch of files to one bucket. The client holds a connection pool and an idle-connection reaper thread, so
 * the sample builds it once, shares it for every upload and shuts it down in {@link #close()}.
 */
public class BatchUploadSample implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchUploadSample.class);
    private static final int MAX_ATTEMPTS = 3;
    private static final long BACKOFF_MILLIS = 500;

    private final String endpoint;
    private final CredentialsProvider credentials;
    private final ClientBuilderConfiguration conf;
02|    private final OSS ossClient;

    public BatchUploadSample(String endpoint, CredentialsProvider credentials, ClientBuilderConfiguration conf) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.conf = conf;
02|        this.ossClient = new OSSClientBuilder().build(endpoint, credentials, conf);
    }

    public void uploadAll(String bucket, List<File> files) throws InterruptedIOException {
        log.info("Uploading {} files to {} at {}", files.size(), bucket, endpoint);
        for (File file : files) {
1|            OSS ossClient = new OSSClientBuilder().build(endpoint, credentials, conf); //@RES-04
            putWithRetry(ossClient, bucket, file);
        }
    }

    private void putWithRetry(OSS client, String bucket, File file) throws InterruptedIOException {
        for (int attempt = 1; ; attempt++) {
            try {
                client.putObject(bucket, file.getName(), file);
                return;
            } catch (ClientException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.warn("Upload of {} failed on attempt {}, retrying", file.getName(), attempt, e);
                try {
                    Thread.sleep(BACKOFF_MILLIS * attempt);
                } catch (InterruptedException ie) { //@{2}CONC-05
01|                    Thread.currentThread().interrupt();
01|                    throw new InterruptedIOException("Interrupted before retrying the upload of " + file.getName());
2|                    log.warn("Backoff before retrying {} was interrupted", file.getName());
                }
            }
        }
    }

    @Override
    public void close() {
02|        ossClient.shutdown();
    }
}
''')
_OJ = ['java.io.File', 'java.io.InterruptedIOException', 'java.util.List', 'com.aliyun.oss.ClientBuilderConfiguration',
       'com.aliyun.oss.ClientException', 'com.aliyun.oss.OSS', 'com.aliyun.oss.OSSClientBuilder',
       'com.aliyun.oss.common.auth.CredentialsProvider'] + SLF4J
cases_of(case, GH + 'aliyun/aliyun-oss-java-sdk/issues/126', 'src/samples/BatchUploadSample.java',
         J('samples', _OJ)(OSSJAVA), [
             (1, 'java-00-aliyun-oss-java-client-built-per-upload',
              'an edit builds an OSS client for every file uploaded and never shuts it down, so each upload leaves a '
              'connection pool behind', 'edit'),
             (2, 'java-00-aliyun-oss-java-backoff-interrupt-swallowed',
              'an edit logs the interrupt of the retry backoff and carries on with the next attempt', 'edit'),
             (0, 'java-ok-00-aliyun-oss-java-client-shared',
              'clean: the fix builds the client once and shuts it down in close', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / LOG-01: image decoding of a IIIF image server (iiif-server-hymir)
HYMIR = template('hymir-read-image', r'''
  /**
   * Decodes the region of the image a IIIF request asks for. The source stream and the image input stream belong to
   * this call and are closed with it, or every request would keep a file handle of the source image.
   */
  private DecodedImage readImage(String identifier, ImageApiSelector selector, ImageApiProfile profile)
      throws IOException, InvalidParametersException, ResourceNotFoundException {
02|    try (InputStream source = resourceService.getInputStream(identifier);
02|        ImageInputStream iis = ImageIO.createImageInputStream(source)) {
02|      return decode(identifier, getReader(iis), selector, profile);
02|    }
1|    return decode(identifier, getReader(ImageIO.createImageInputStream(resourceService.getInputStream(identifier))), //@RES-01
1|        selector, profile);
  }

  private DecodedImage decode(String identifier, ImageReader reader, ImageApiSelector selector, ImageApiProfile profile)
      throws IOException, InvalidParametersException {
    try {
      int numLevels = reader.getNumImages(true);
      int level = 0;
      for (int i = 0; i < numLevels; i++) {
2|        LOGGER.info("{}: level {} is {}x{}", identifier, i, reader.getWidth(i), reader.getHeight(i)); //@LOG-01
        if (reader.getWidth(i) < selector.getRequiredWidth(reader.getWidth(0))) {
          break;
        }
        level = i;
      }
      ImageReadParam param = reader.getDefaultReadParam();
      param.setSourceRegion(selector.getRegion().resolve(reader.getWidth(level), reader.getHeight(level)));
01|      LOGGER.debug("{}: decoding level {} of {}", identifier, level, numLevels);
      return new DecodedImage(reader.read(level, param), selector, profile);
    } finally {
      reader.dispose();
    }
  }
''')

_HY_PKG = 'de.digitalcollections.iiif.hymir.image.business'
_HY = ['java.io.IOException', 'java.io.InputStream', 'javax.imageio.ImageIO', 'javax.imageio.ImageReadParam', 'javax.imageio.ImageReader',
       'javax.imageio.stream.ImageInputStream',
       'de.digitalcollections.iiif.hymir.model.exception.InvalidParametersException',
       'de.digitalcollections.iiif.hymir.model.exception.ResourceNotFoundException',
       'de.digitalcollections.iiif.model.image.ImageApiProfile', 'de.digitalcollections.iiif.model.image.ImageApiSelector'] + SLF4J
_HY_API = ['de.digitalcollections.iiif.hymir.image.business.api.FileResourceService']
_HY_CLASS = lambda body: ('/** Reads source images for the IIIF Image API. */\npublic class ImageReading {\n'
                          '  private static final Logger LOGGER = LoggerFactory.getLogger(ImageReading.class);\n\n'
                          '  private final FileResourceService resourceService;\n\n'
                          '  public ImageReading(FileResourceService resourceService) {\n'
                          '    this.resourceService = resourceService;\n  }\n'
                          + body + '\n  private ImageReader getReader(ImageInputStream iis) throws IOException {\n'
                          '    java.util.Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);\n'
                          '    if (!readers.hasNext()) {\n'
                          '      throw new IOException("No reader for the image format");\n    }\n'
                          '    ImageReader reader = readers.next();\n    reader.setInput(iis);\n    return reader;\n  }\n}\n')
cases_of(case, GH + 'dbmdz/iiif-server-hymir/pull/441', src(_HY_PKG, 'ImageReading'),
         JV(_HY_PKG, {0: _HY + _HY_API, 1: [i for i in _HY if i != 'java.io.InputStream'] + _HY_API, 2: _HY + _HY_API})(_HY_CLASS(HYMIR)), [
             (1, 'java-00-hymir-image-stream-never-closed',
              'an edit passes the source stream, wrapped, straight to the reader and drops the try-with-resources, so '
              'every decoded request leaks a file handle of the source image', 'edit'),
             (2, 'java-00-hymir-level-scan-logs-every-level',
              'an edit logs every resolution level of every decoded image at info', 'edit'),
             (0, 'java-ok-00-hymir-image-stream-closed',
              'clean: the fix opens both streams in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-06: downloader of a privacy front-end's backend (Piped-Backend)
PIPED = template('piped-downloader', r'''
/** The extractor's HTTP downloader: one shared HTTP/2 client, every request bounded in time. */
public class DownloaderImpl extends Downloader {
    private static final long RESPONSE_TIMEOUT_SECONDS = 10;

    @Override
    public Response execute(@Nonnull Request request) throws IOException, ReCaptchaException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .method(request.httpMethod(), request.dataToSend() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.dataToSend()));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));

        CompletableFuture<HttpResponse<byte[]>> future =
                Constants.h2client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
02|            response = future.get(RESPONSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
1|            response = future.get(); //@TMO-01
02|        } catch (TimeoutException e) {
02|            future.cancel(true);
02|            throw new IOException("No response from " + request.url() + " within " + RESPONSE_TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw new IOException("Request to " + request.url() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted waiting for " + request.url());
        }

        if (response.statusCode() == 429) {
01|            CompletableFuture.runAsync(this::rotateSession, Multithreading.getCachedExecutor())
01|                    .exceptionally(t -> {
01|                        ExceptionHandler.handle(new Exception("Rotating the session after a 429 failed", t));
01|                        return null;
01|                    });
2|            Multithreading.getCachedExecutor().submit(this::rotateSession); //@CONC-06
            throw new ReCaptchaException("Rate limited", request.url());
        }
        return new Response(response.statusCode(), "", response.headers().map(),
                new String(response.body(), StandardCharsets.UTF_8), request.url());
    }

    private void rotateSession() {
        Constants.rotateVisitorData();
    }
}
''')
_PI_PKG = 'me.kavin.piped.utils'
_PI = ['java.io.IOException', 'java.io.InterruptedIOException', 'java.net.URI', 'java.net.http.HttpRequest',
       'java.net.http.HttpResponse', 'java.nio.charset.StandardCharsets', 'java.util.concurrent.CompletableFuture',
       'java.util.concurrent.ExecutionException', 'java.util.concurrent.TimeUnit',
       'java.util.concurrent.TimeoutException', 'javax.annotation.Nonnull', 'me.kavin.piped.consts.Constants',
       'org.schabi.newpipe.extractor.downloader.Downloader', 'org.schabi.newpipe.extractor.downloader.Request',
       'org.schabi.newpipe.extractor.downloader.Response',
       'org.schabi.newpipe.extractor.exceptions.ReCaptchaException']
cases_of(case, GH + 'TeamPiped/Piped-Backend/pull/750', src(_PI_PKG, 'DownloaderImpl'),
         JV(_PI_PKG, {0: _PI, 1: [i for i in _PI if not i.endswith(('TimeUnit', 'TimeoutException'))], 2: _PI})(PIPED), [
             (1, 'java-00-piped-downloader-response-wait-unbounded',
              'an edit waits for the extractor\'s HTTP response without a limit, so one stalled upstream request '
              'holds a request thread for good', 'edit'),
             (2, 'java-00-piped-downloader-session-rotation-future-dropped',
              'an edit submits the session rotation after a 429 and drops its future, so a failed rotation is never '
              'seen', 'edit'),
             (0, 'java-ok-00-piped-downloader-response-wait-bounded',
              'clean: the fix waits for the response at most ten seconds and cancels it after', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-02: JSON-RPC heartbeat of a media server client (kurento-java)
KURENTO = template('kurento-jsonrpc-heartbeat', r'''
/**
 * Keeps the WebSocket to the media server alive with periodic pings, and turns them back on after a reconnection. A
 * ping that fails is logged and the next one goes out on schedule.
 */
public class JsonRpcHeartbeat {
  private static final Logger log = LoggerFactory.getLogger(JsonRpcHeartbeat.class);

  private final ScheduledExecutorService scheduler;
  private final JsonRpcClient client;
  private final String label;
  private final String url;
  private volatile boolean heartbeating;
  private volatile int heartbeatInterval;
  private ScheduledFuture<?> heartbeat;

  public JsonRpcHeartbeat(ScheduledExecutorService scheduler, JsonRpcClient client, String label, String url) {
    this.scheduler = scheduler;
    this.client = client;
    this.label = label;
    this.url = url;
  }

  public synchronized void enableHeartbeat(int interval) {
    this.heartbeating = true;
    this.heartbeatInterval = interval;
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
02|    heartbeat = scheduler.scheduleWithFixedDelay(() -> {
02|      try {
02|        client.sendHeartbeat();
02|      } catch (Exception e) {
02|        log.warn("{} Heartbeat to {} failed, next one in {} ms", label, url, interval, e);
02|      }
02|    }, interval, interval, TimeUnit.MILLISECONDS);
1|    heartbeat = scheduler.scheduleWithFixedDelay(client::sendHeartbeat, interval, interval, TimeUnit.MILLISECONDS); //@CONC-07
  }

  public synchronized void disableHeartbeat() {
    heartbeating = false;
    if (heartbeat != null) {
      heartbeat.cancel(false);
      heartbeat = null;
    }
  }

  public void onReconnected(boolean sameServer) {
01|    log.info("{} Reconnected to {} (same server: {}), heartbeat {}", label, url, sameServer,
01|        heartbeating ? "re-enabled" : "off");
2|    log.info(label + " Reconnected to " + url + " (same server: " + sameServer + "), heartbeat " //@LOG-02
2|        + (heartbeating ? "re-enabled" : "off"));
    if (heartbeating) {
      enableHeartbeat(heartbeatInterval);
    }
  }
}
''')
_KU_PKG = 'org.kurento.jsonrpc.client'
_KU = ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
       'java.util.concurrent.TimeUnit'] + SLF4J
cases_of(case, GH + 'Kurento/kurento-java/pull/21', 'kurento-jsonrpc/kurento-jsonrpc-client/' + src(_KU_PKG, 'JsonRpcHeartbeat'),
         J(_KU_PKG, _KU)(KURENTO), [
             (1, 'java-00-kurento-heartbeat-unguarded',
              'an edit schedules the heartbeat without its catch, so the first failed ping ends the heartbeat and '
              'the connection is no longer watched', 'edit'),
             (2, 'java-00-kurento-reconnect-line-concatenated',
              'an edit builds the reconnection info line by string concatenation', 'edit'),
             (0, 'java-ok-00-kurento-heartbeat-guarded',
              'clean: the fix catches and logs each failed ping so the schedule goes on', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / ERR-01: Jetty server of an S3 API gateway (s3proxy)
S3PROXY = template('s3proxy-jetty-pool', r'''
/**
 * The S3 API endpoint in front of a jclouds blob store. Jetty's pool is capped and its queue bounded, so a burst of
 * clients gets 503 Slow Down answers instead of exhausting the machine.
 */
public final class S3Proxy {
    private static final Logger logger = LoggerFactory.getLogger(S3Proxy.class);
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private final Server server;
    private final S3ProxyHandlerJetty handler;

    S3Proxy(Builder builder) {
02|        QueuedThreadPool pool = new QueuedThreadPool(builder.jettyMaxThreads, builder.jettyMinThreads, IDLE_TIMEOUT_MS,
02|                new BlockingArrayQueue<>(builder.jettyMaxQueue));
1|        QueuedThreadPool pool = new QueuedThreadPool(); //@CONC-02
        pool.setName("S3Proxy-Jetty");
        server = new Server(pool);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory());
        connector.setHost(builder.endpoint.getHost());
        connector.setPort(builder.endpoint.getPort());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        handler = new S3ProxyHandlerJetty(builder.blobStore, builder.authenticationType, builder.identity,
                builder.credential, builder.virtualHost);
        server.setHandler(handler);
        logger.info("S3Proxy listening on {}", builder.endpoint);
    }

    public void start() throws Exception {
        server.start();
    }

01|    public void stop() throws Exception {
01|        server.stop();
01|    }
2|    public void stop() {
2|        try {
2|            server.stop();
2|        } catch (Exception e) { //@ERR-01
2|            // Jetty is going away anyway
2|        }
2|    }

    public int getPort() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
''')
_S3_PKG = 'org.gaul.s3proxy'
_S3 = ['org.eclipse.jetty.server.HttpConnectionFactory', 'org.eclipse.jetty.server.Server',
       'org.eclipse.jetty.server.ServerConnector', 'org.eclipse.jetty.util.BlockingArrayQueue',
       'org.eclipse.jetty.util.thread.QueuedThreadPool'] + SLF4J
cases_of(case, GH + 'gaul/s3proxy/issues/180', src(_S3_PKG, 'S3Proxy'),
         JV(_S3_PKG, {0: _S3, 1: [i for i in _S3 if not i.endswith('BlockingArrayQueue')], 2: _S3})(S3PROXY), [
             (1, 'java-00-s3proxy-jetty-pool-unbounded',
              'an edit gives Jetty its default pool, whose job queue grows without limit, so a burst of clients '
              'queues requests instead of being told to slow down', 'edit'),
             (2, 'java-00-s3proxy-stop-failure-swallowed',
              'an edit catches and drops every failure of stopping Jetty', 'edit'),
             (0, 'java-ok-00-s3proxy-jetty-pool-bounded',
              'clean: the fix caps the pool and bounds its queue', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: deflate decoding of an ImageIO plugin set (TwelveMonkeys)
TWELVE = template('twelvemonkeys-tiff-deflate', r'''
/** Decoder streams for the strip and tile data of a TIFF image. */
final class TIFFDecoderStreams {
    private TIFFDecoderStreams() {
    }

    static InputStream createDecompressorStream(int compression, InputStream stream) throws IIOException {
        switch (compression) {
            case TIFFBaseline.COMPRESSION_NONE:
                return stream;
            case TIFFBaseline.COMPRESSION_PACKBITS:
                return new DecoderStream(stream, new PackBitsDecoder(), 256);
            case TIFFExtension.COMPRESSION_ZLIB:
            case TIFFExtension.COMPRESSION_DEFLATE:
                return inflating(stream);
            default:
                throw new IIOException("Unsupported TIFF compression: " + compression);
        }
    }

    /** An inflating stream that frees the native memory of its own Inflater when it is closed. */
    private static InputStream inflating(InputStream stream) {
02|        Inflater inflater = new Inflater();
02|        return new InflaterInputStream(stream, inflater, 1024) {
02|            @Override
0|            public void close() throws IOException {
2|            public void close() {
02|                try {
02|                    super.close();
0|                } finally {
0|                    inflater.end();
0|                }
2|                } catch (IOException ignored) { //@ERR-01
2|                }
2|                inflater.end();
02|            }
02|        };
1|        return new InflaterInputStream(stream, new Inflater(), 1024); //@RES-01
    }
}
''')
_TM_PKG = 'com.twelvemonkeys.imageio.plugins.tiff'
_TM = ['java.io.IOException', 'java.io.InputStream', 'java.util.zip.Inflater', 'java.util.zip.InflaterInputStream',
       'javax.imageio.IIOException', 'com.twelvemonkeys.io.enc.DecoderStream',
       'com.twelvemonkeys.io.enc.PackBitsDecoder']
cases_of(case, GH + 'haraldk/TwelveMonkeys/issues/786', 'imageio/imageio-tiff/' + src(_TM_PKG, 'TIFFDecoderStreams'),
         JV(_TM_PKG, {0: _TM, 1: _TM, 2: _TM})(TWELVE), [
             (1, 'java-00-twelvemonkeys-tiff-inflater-never-ended',
              'an edit hands the inflating stream a new Inflater nobody ends, so every deflate-compressed strip '
              'leaves native zlib memory behind', 'edit'),
             (2, 'java-00-twelvemonkeys-tiff-inflater-close-failure-swallowed',
              'an edit catches and drops the IOException of closing the inflating stream', 'edit'),
             (0, 'java-ok-00-twelvemonkeys-tiff-inflater-ended',
              'clean: the fix ends the stream\'s own Inflater when it is closed', 'fix'),
         ])
