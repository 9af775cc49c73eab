"""Round-100 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- OPS-01 / CONC-05: dynamic thread group of a load testing plugin set (jmeter-plugins)
JMETERPLUGINS = template('jmeter-plugins-dynamic-thread-group', r'''
public abstract class AbstractDynamicThreadGroup extends AbstractThreadGroup implements TestStateListener {
    private static final Logger log = LoggingManager.getLoggerForClass();
    private static final long STOP_GRACE_MILLIS = JMeterUtils.getPropDefault("dynamic_tg.stop_grace_ms", 5000L);

    protected transient final Set<DynamicThread> threads = Collections.newSetFromMap(new ConcurrentHashMap<>());
    protected transient ExecutorService samplerExecutor;
    protected transient volatile boolean running = false;

    /**
     * Stops the group at the end of a test. Threads in the middle of a sample are given a grace period to finish it,
     * so the last samples of a test are recorded rather than reported as interrupted errors.
     */
    @Override
    public void tellThreadsToStop() {
        running = false;
        for (DynamicThread thread : threads) {
            thread.stop();
        }
        if (samplerExecutor == null) {
            return;
        }
02|        samplerExecutor.shutdown();
02|        try {
02|            if (!samplerExecutor.awaitTermination(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
02|                log.warn("Samplers still running after the stop grace period, interrupting them");
02|                samplerExecutor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            samplerExecutor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
1|        samplerExecutor.shutdownNow(); //@OPS-01
    }

    /**
     * Waits until the next thread may start, or until the test is stopped.
     */
    protected void waitForNextStart(long delayMillis) {
        if (delayMillis <= 0) {
            return;
        }
        synchronized (this) {
            try {
                wait(delayMillis);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                log.debug("Waiting for the next thread start was interrupted");
01|                Thread.currentThread().interrupt();
2|                log.error("Waiting thread was interrupted", e);
            }
        }
    }

    public boolean isRunning() {
        return running;
    }
}
''')
cases_of(case, GH + 'undera/jmeter-plugins/pull/239',
         'plugins/casutg/' + src('com.blazemeter.jmeter.threads', 'AbstractDynamicThreadGroup'),
         J('com.blazemeter.jmeter.threads', ['java.util.Collections', 'java.util.Set',
                                             'java.util.concurrent.ConcurrentHashMap',
                                             'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit',
                                             'org.apache.jmeter.testelement.TestStateListener',
                                             'org.apache.jmeter.threads.AbstractThreadGroup',
                                             'org.apache.jmeter.util.JMeterUtils',
                                             'org.apache.jorphan.logging.LoggingManager',
                                             'org.apache.log.Logger'])(JMETERPLUGINS), [
             (1, 'java-00-jmeter-plugins-stop-interrupts-samplers-at-once',
              'an edit stops the thread group by interrupting every sampler at once, so the samples in flight at the '
              'end of a test are recorded as interrupted errors instead of finishing', 'edit'),
             (2, 'java-00-jmeter-plugins-start-wait-interrupt-swallowed',
              'an edit logs the interrupt of the wait for the next thread start and drops it, so a stopping test '
              'keeps starting threads', 'edit'),
             (0, 'java-ok-00-jmeter-plugins-stop-drains-samplers',
              'clean: the fix lets samplers finish for a grace period before interrupting them', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-04: step timeout of a BDD test runner (cucumber-jvm), renamed file
CUCUMBER = template('cucumber-timeout', r'''
final class Timeout {

    /**
     * The deadline of the step running on this thread, for nested waits that want to stay inside it.
     */
    private static final ThreadLocal<Long> CURRENT_DEADLINE = new ThreadLocal<>();

02|    /**
02|     * One daemon thread interrupts every step that overruns, for the whole run. Steps that finish in time cancel
02|     * their interrupt, so nothing piles up on it.
02|     */
02|    private static final ScheduledExecutorService INTERRUPTER = Executors.newSingleThreadScheduledExecutor(r -> {
02|        Thread thread = new Thread(r, "cucumber-step-timeout");
02|        thread.setDaemon(true);
02|        return thread;
02|    });
02|
    private Timeout() {
    }

    static <T> T timeout(Callable<T> callback, long timeoutMillis) throws Throwable {
        if (timeoutMillis == 0) {
            return callback.call();
        }
        final Thread executionThread = Thread.currentThread();
        final AtomicBoolean done = new AtomicBoolean();
        long deadline = System.currentTimeMillis() + timeoutMillis;

02|        ScheduledFuture<?> timer = INTERRUPTER.schedule(() -> {
1|        ScheduledFuture<?> timer = Executors.newSingleThreadScheduledExecutor().schedule(() -> { //@RES-04
            if (!done.get()) {
                executionThread.interrupt();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
01|        CURRENT_DEADLINE.set(deadline);
        try {
2|            CURRENT_DEADLINE.set(deadline); //@CONC-04
            T result = callback.call();
2|            CURRENT_DEADLINE.remove();
            done.set(true);
            if (timer.isDone()) {
                throw new TimeoutException("Timed out after " + timeoutMillis + "ms.");
            }
            return result;
        } catch (InterruptedException exception) {
            throw new TimeoutException("Timed out after " + timeoutMillis + "ms.");
        } finally {
            done.set(true);
            timer.cancel(true);
            Thread.interrupted();
01|            CURRENT_DEADLINE.remove();
        }
    }

    static long remainingMillis() {
        Long deadline = CURRENT_DEADLINE.get();
        return deadline == null ? Long.MAX_VALUE : Math.max(0, deadline - System.currentTimeMillis());
    }
}
''')
cases_of(case, GH + 'cucumber/cucumber-jvm/issues/639', 'core/' + src('io.cucumber.core.runner', 'Timeout'),
         JV('io.cucumber.core.runner', {v: ['java.util.concurrent.Callable', 'java.util.concurrent.Executors',
                                            'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
                                            'java.util.concurrent.TimeoutException',
                                            'java.util.concurrent.atomic.AtomicBoolean']
                                        + ([] if v == 1 else ['java.util.concurrent.ScheduledExecutorService'])
                                        for v in (0, 1, 2)})(CUCUMBER), [
             (1, 'java-00-cucumber-moved-timeout-executor-per-step',
              'a PR moves the step timeout into the runner package and schedules each step\'s interrupt on a new '
              'executor it never shuts down, so a long suite with step timeouts runs out of threads', 'rename'),
             (2, 'java-00-cucumber-moved-timeout-deadline-removed-outside-finally',
              'a PR moves the step timeout into the runner package and clears the step\'s deadline only after a '
              'step that returns, so a failing step leaves its deadline on the pooled runner thread', 'rename'),
             (0, 'java-ok-00-cucumber-moved-timeout',
              'clean: the move alone; one shared interrupter thread, the deadline cleared in the finally', 'rename'),
         ], rename_from='core/' + src('cucumber.runtime', 'Timeout'),
         rename_old=lambda text: text.replace('package io.cucumber.core.runner;', 'package cucumber.runtime;'))


# ---------------------------------------------------------------- CONC-03 / ERR-01: lifecycle of a test report framework (allure-java)
ALLURE = template('allure-lifecycle', r'''
public class AllureLifecycle {

    private static final Logger LOGGER = LoggerFactory.getLogger(AllureLifecycle.class);

    private final AllureResultsWriter writer;
    private final AllureStorage storage;
    private final AllureThreadContext threadContext;

    public AllureLifecycle(final AllureResultsWriter writer) {
        this.writer = writer;
        this.storage = new AllureStorage();
        this.threadContext = new AllureThreadContext();
    }

    /**
     * Starts a step as a child of the given parent. Steps of one test may be started from several threads (a test
     * that fans out work to an executor), and they all append to the parent's list of steps.
     */
    public void startStep(final String parentUuid, final String uuid, final StepResult result) {
        result.setStage(Stage.RUNNING);
        result.setStart(System.currentTimeMillis());

        threadContext.start(uuid);
        storage.put(uuid, result);
        storage.get(parentUuid, WithSteps.class).ifPresent(parent -> {
02|            synchronized (parent) {
02|                parent.getSteps().add(result);
02|            }
1|            parent.getSteps().add(result); //@CONC-03
        });
    }

    /**
     * Writes the test case with the given uuid and removes it from the storage.
     */
    public void writeTestCase(final String uuid) {
        final Optional<TestResult> found = storage.getTestResult(uuid);
        if (!found.isPresent()) {
            LOGGER.error("Could not write test case: test case with uuid {} not found", uuid);
            return;
        }
        final TestResult testResult = found.get();
        storage.remove(uuid);
01|        writer.write(testResult);
2|        try {
2|            writer.write(testResult);
2|        } catch (AllureResultsWriteException ignored) { //@ERR-01
2|        }
    }
}
''')
cases_of(case, GH + 'allure-framework/allure-java/pull/280',
         'allure-java-commons/' + src('io.qameta.allure', 'AllureLifecycle'),
         J('io.qameta.allure', SLF4J + ['io.qameta.allure.internal.AllureStorage',
                                        'io.qameta.allure.internal.AllureThreadContext',
                                        'io.qameta.allure.model.Stage', 'io.qameta.allure.model.StepResult',
                                        'io.qameta.allure.model.TestResult', 'io.qameta.allure.model.WithSteps',
                                        'java.util.Optional'])(ALLURE), [
             (1, 'java-00-allure-step-appended-without-sync',
              'an edit appends a started step to its parent\'s list without the lock, so steps started from the '
              'threads of one test are lost or break the list', 'edit'),
             (2, 'java-00-allure-write-failure-swallowed',
              'an edit swallows the failure of writing a finished test case, so a full or read-only results '
              'directory gives a report that silently misses tests', 'edit'),
             (0, 'java-ok-00-allure-step-appended-under-lock',
              'clean: the fix appends steps while holding the parent', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / RES-01: JUnit XML reporter of a test framework (testng), CRLF file
TESTNG = template('testng-junit-report-reporter', r'''
/** Writes one JUnit-style XML file per test class, the format CI servers read. */
public class JUnitReportReporter implements IReporter {

    private static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss z";

    @Override
    public void generateReport(List<XmlSuite> xmlSuites, List<ISuite> suites, String defaultOutputDirectory) {
        String outputDirectory = defaultOutputDirectory + File.separator + "junitreports";
        Map<Class<?>, Set<ITestResult>> results = Maps.newHashMap();
        collectResults(suites, results);

        for (Map.Entry<Class<?>, Set<ITestResult>> entry : results.entrySet()) {
            Class<?> cls = entry.getKey();
            Properties p1 = new Properties();
            p1.setProperty(XMLConstants.ATTR_NAME, cls.getName());
            p1.setProperty(XMLConstants.ATTR_TIMESTAMP, formatTimestamp(firstStart(entry.getValue())));

            XMLStringBuffer xsb = new XMLStringBuffer();
            xsb.push(XMLConstants.TESTSUITE, p1);
            for (ITestResult tr : entry.getValue()) {
                writeTestCase(xsb, tr);
            }
            xsb.pop(XMLConstants.TESTSUITE);

            writeFile(new File(outputDirectory, "TEST-" + cls.getName() + ".xml"), xsb);
        }
    }

    /**
     * The suite's start in the zone the run is configured with (-Dtestng.timezone, else the JVM's), with the zone
     * written out so that a CI server in another zone reads the same instant.
     */
    static String formatTimestamp(long millis) {
02|        SimpleDateFormat format = new SimpleDateFormat(TIMESTAMP_PATTERN);
02|        format.setTimeZone(RuntimeBehavior.getTimeZone());
1|        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss"); //@TIME-01
        return format.format(new Date(millis));
    }

    private static void writeFile(File file, XMLStringBuffer xsb) {
        file.getParentFile().mkdirs();
01|        try (Writer writer = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8)) {
2|        try {
2|            Writer writer = new OutputStreamWriter(new FileOutputStream(file), StandardCharsets.UTF_8); //@RES-01
            xsb.toWriter(writer);
2|            writer.close();
        } catch (IOException e) {
            throw new TestNGException("Could not write " + file, e);
        }
    }
}
''')
TESTNG_IMPORTS = ['java.io.File', 'java.io.IOException', 'java.io.Writer', 'java.nio.charset.StandardCharsets',
                  'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.List', 'java.util.Map',
                  'java.util.Properties', 'java.util.Set', 'org.testng.IReporter', 'org.testng.ISuite',
                  'org.testng.ITestResult', 'org.testng.TestNGException', 'org.testng.collections.Maps',
                  'org.testng.reporters.XMLConstants', 'org.testng.reporters.XMLStringBuffer',
                  'org.testng.xml.XmlSuite']
cases_of(case, GH + 'testng-team/testng/issues/466', 'testng-core/' + src('org.testng.reporters', 'JUnitReportReporter'),
         JV('org.testng.reporters', {0: TESTNG_IMPORTS + ['java.nio.file.Files', 'org.testng.internal.RuntimeBehavior'],
                                     1: TESTNG_IMPORTS + ['java.nio.file.Files'],
                                     2: TESTNG_IMPORTS + ['java.io.FileOutputStream', 'java.io.OutputStreamWriter',
                                                          'org.testng.internal.RuntimeBehavior']})(TESTNG), [
             (1, 'java-00-testng-junit-report-timestamp-without-zone',
              'an edit formats the suites\' timestamps in the JVM\'s default zone and without the zone, so a CI '
              'server in another zone reads a different instant', 'edit'),
             (2, 'java-00-testng-junit-report-writer-not-closed-on-failure',
              'an edit writes the report through a stream it closes only after a write that succeeded, so a failing '
              'write leaves the file handle open for the rest of the run', 'edit'),
             (0, 'java-ok-00-testng-junit-report-timestamp-in-configured-zone',
              'clean: the fix formats the timestamps in the configured zone, with the zone', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TMO-01 / CONC-06: HTTP/2 client of a load testing sampler (jmeter-http-plugin)
JMHTTP2 = template('jmeter-http2-client', r'''
public class HTTP2JettyClient {

    private static final Logger LOG = LoggerFactory.getLogger(HTTP2JettyClient.class);
    private static final long STOP_TIMEOUT_SECONDS = 10;
    private static final long DEFAULT_RESPONSE_TIMEOUT_MS = 60_000;

    private final HttpClient httpClient;
    private final ExecutorService lifecycleExecutor;

    public HTTP2JettyClient(HttpClient httpClient, ExecutorService lifecycleExecutor) {
        this.httpClient = httpClient;
        this.lifecycleExecutor = lifecycleExecutor;
    }

    /**
     * Sends the sampler's request and waits for the whole response. The wait is bounded by the sampler's response
     * timeout, or by a default when the test plan has none, so a server that keeps the stream open without answering
     * fails the sample instead of parking the JMeter thread until the test is stopped.
     */
    public ContentResponse send(HTTP2Sampler sampler, Request request) throws Exception {
        FutureResponseListener listener = new FutureResponseListener(request, sampler.getMaxBufferSize());
        request.send(listener);
01|        long timeout = sampler.getResponseTimeout() > 0 ? sampler.getResponseTimeout() : DEFAULT_RESPONSE_TIMEOUT_MS;
01|        try {
01|            return listener.get(timeout, TimeUnit.MILLISECONDS);
01|        } catch (TimeoutException e) {
01|            request.abort(e);
01|            throw e;
01|        }
1|        return listener.get(); //@TMO-01
    }

    /**
     * Stops the Jetty client at the end of the thread group, reporting a stop that fails or hangs.
     */
    public void stop() {
01|        Future<?> stopping = lifecycleExecutor.submit(() -> {
01|            httpClient.stop();
01|            return null;
01|        });
01|        try {
01|            stopping.get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
01|        } catch (InterruptedException e) {
01|            Thread.currentThread().interrupt();
01|        } catch (ExecutionException | TimeoutException e) {
01|            LOG.warn("Could not stop the HTTP/2 client", e);
01|        }
2|        lifecycleExecutor.submit(() -> { //@CONC-06
2|            httpClient.stop();
2|            return null;
2|        });
    }
}
''')
cases_of(case, GH + 'Blazemeter/jmeter-http-plugin/issues/29',
         src('com.blazemeter.jmeter.http2.core', 'HTTP2JettyClient'),
         JV('com.blazemeter.jmeter.http2.core', {
             v: SLF4J + ['com.blazemeter.jmeter.http2.sampler.HTTP2Sampler', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.TimeUnit', 'org.eclipse.jetty.client.HttpClient',
                         'org.eclipse.jetty.client.api.ContentResponse', 'org.eclipse.jetty.client.api.Request',
                         'org.eclipse.jetty.client.util.FutureResponseListener']
             + (['java.util.concurrent.ExecutionException', 'java.util.concurrent.Future',
                 'java.util.concurrent.TimeoutException'] if v != 2 else ['java.util.concurrent.TimeoutException'])
             for v in (0, 1, 2)})(JMHTTP2), [
             (1, 'java-00-jmeter-http2-response-wait-without-timeout',
              'an edit waits for the whole HTTP/2 response without a bound, so a server that keeps a stream open '
              'parks the JMeter thread until the test is stopped and then surfaces as an interrupt', 'edit'),
             (2, 'java-00-jmeter-http2-client-stop-future-ignored',
              'an edit submits the stop of the Jetty client and never reads its future, so a stop that fails or hangs '
              'goes unreported and the client\'s threads outlive the thread group', 'edit'),
             (0, 'java-ok-00-jmeter-http2-response-wait-bounded',
              'clean: the fix bounds the wait for the response and aborts the request on timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / LOG-02: Netty client of a mock server (mockserver)
MOCKSERVER = template('mockserver-netty-client', r'''
public class NettyHttpClient {

    private static final Logger LOGGER = LoggerFactory.getLogger(NettyHttpClient.class);

    private final Configuration configuration;
    private final EventLoopGroup eventLoopGroup;
    private final boolean forwardProxyClient;

    /**
     * The event loop group is the client's owner's: the MockServerClient makes one when it is built and shuts it
     * down in close(), so that a client talking to a remote MockServer keeps no threads alive between expectations.
     */
    public NettyHttpClient(Configuration configuration, EventLoopGroup eventLoopGroup, boolean forwardProxyClient) {
        this.configuration = configuration;
        this.eventLoopGroup = eventLoopGroup;
        this.forwardProxyClient = forwardProxyClient;
    }

    public CompletableFuture<HttpResponse> sendRequest(final HttpRequest httpRequest, final InetSocketAddress remoteAddress) {
01|        LOGGER.debug("sending request {} to {}", httpRequest.getPath(), remoteAddress);
2|        LOGGER.debug("sending request " + httpRequest.getPath() + " to " + remoteAddress); //@LOG-02
        CompletableFuture<HttpResponse> responseFuture = new CompletableFuture<>();

        new Bootstrap()
02|            .group(eventLoopGroup)
1|            .group(new NioEventLoopGroup(1, new DefaultThreadFactory("mockserver-client"))) //@RES-04
            .channel(NioSocketChannel.class)
            .option(ChannelOption.AUTO_READ, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) configuration.socketConnectionTimeoutInMillis())
            .attr(RESPONSE_FUTURE, responseFuture)
            .handler(new HttpClientInitializer(configuration, forwardProxyClient, httpRequest.isSecure()))
            .connect(remoteAddress)
            .addListener((ChannelFutureListener) future -> {
                if (future.isSuccess()) {
                    future.channel().writeAndFlush(httpRequest);
                } else {
                    responseFuture.completeExceptionally(future.cause());
                }
            });

        return responseFuture;
    }
}
''')
cases_of(case, GH + 'mock-server/mockserver-monorepo/issues/697',
         'mockserver-core/' + src('org.mockserver.httpclient', 'NettyHttpClient'),
         JV('org.mockserver.httpclient', {
             v: SLF4J + ['io.netty.bootstrap.Bootstrap', 'io.netty.channel.ChannelFutureListener',
                         'io.netty.channel.ChannelOption', 'io.netty.channel.EventLoopGroup',
                         'io.netty.channel.socket.nio.NioSocketChannel', 'java.net.InetSocketAddress',
                         'java.util.concurrent.CompletableFuture', 'org.mockserver.configuration.Configuration',
                         'org.mockserver.model.HttpRequest', 'org.mockserver.model.HttpResponse',
                         'static org.mockserver.httpclient.HttpClientHandler.RESPONSE_FUTURE']
             + (['io.netty.channel.nio.NioEventLoopGroup', 'io.netty.util.concurrent.DefaultThreadFactory'] if v == 1 else [])
             for v in (0, 1, 2)})(MOCKSERVER), [
             (1, 'java-00-mockserver-client-event-loop-per-request',
              'an edit gives every request its own event loop group that nothing shuts down, so a client that sets '
              'expectations on a remote MockServer leaves a thread behind per call', 'edit'),
             (2, 'java-00-mockserver-client-debug-line-concatenated',
              'an edit builds the debug line of every request by concatenation, paying for the string on each call '
              'with debug logging off', 'edit'),
             (0, 'java-ok-00-mockserver-client-shared-event-loop',
              'clean: the fix sends every request on the owner\'s event loop group', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-02: log waiting of a container testing library (testcontainers-java), new file
TCJAVA = template('testcontainers-java-log-waiter', r'''
/**
 * Waits for a container's output to match a predicate: follows the container's log stream into a queue and reads the
 * queue until a frame matches or the time is up. The stream is a Docker API call with a thread of its own, so it is
 * closed whatever the outcome of the wait.
 */
public class ContainerLogWaiter {

    private static final Logger LOGGER = LoggerFactory.getLogger(ContainerLogWaiter.class);

    /** Frames kept while the waiter is behind the stream; a chatty container drops its oldest frames, not the JVM. */
    private static final int MAX_BUFFERED_FRAMES = 10_000;

    private final DockerClient dockerClient;
01|    private final BlockingDeque<OutputFrame> frames = new LinkedBlockingDeque<>(MAX_BUFFERED_FRAMES);
2|    private final BlockingDeque<OutputFrame> frames = new LinkedBlockingDeque<>(); //@CONC-02

    public ContainerLogWaiter(DockerClient dockerClient) {
        this.dockerClient = dockerClient;
    }

    public void waitUntil(String containerId, Predicate<OutputFrame> predicate, Duration timeout)
            throws TimeoutException {
        FrameConsumerResultCallback callback = new FrameConsumerResultCallback(); //@{1}RES-01
        callback.addConsumer(OutputFrame.OutputType.STDOUT, this::offer);
        callback.addConsumer(OutputFrame.OutputType.STDERR, this::offer);
02|        try {
02|            dockerClient.logContainerCmd(containerId)
02|                .withFollowStream(true)
02|                .withStdOut(true)
02|                .withStdErr(true)
02|                .exec(callback);
02|            awaitFrame(predicate, timeout);
02|        } finally {
02|            closeQuietly(callback);
02|        }
1|        dockerClient.logContainerCmd(containerId)
1|            .withFollowStream(true)
1|            .withStdOut(true)
1|            .withStdErr(true)
1|            .exec(callback);
1|        awaitFrame(predicate, timeout);
1|        closeQuietly(callback);
    }

    private void offer(OutputFrame frame) {
        while (!frames.offerLast(frame)) {
            frames.pollFirst();
        }
    }

    private void awaitFrame(Predicate<OutputFrame> predicate, Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                OutputFrame frame = left > 0 ? frames.pollFirst(left, TimeUnit.NANOSECONDS) : null;
                if (frame == null) {
                    throw new TimeoutException("Timed out waiting for log output matching predicate");
                }
                if (predicate.test(frame)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("Interrupted while waiting for log output");
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOGGER.debug("Failed to close the log stream", e);
        }
    }
}
''')
cases_of(case, GH + 'testcontainers/testcontainers-java/issues/2276',
         'core/' + src('org.testcontainers.containers.output', 'ContainerLogWaiter'),
         J('org.testcontainers.containers.output', SLF4J + ['com.github.dockerjava.api.DockerClient',
                                                            'java.io.Closeable', 'java.io.IOException',
                                                            'java.time.Duration',
                                                            'java.util.concurrent.BlockingDeque',
                                                            'java.util.concurrent.LinkedBlockingDeque',
                                                            'java.util.concurrent.TimeUnit',
                                                            'java.util.concurrent.TimeoutException',
                                                            'java.util.function.Predicate'])(TCJAVA), [
             (1, 'java-00-testcontainers-new-log-waiter-stream-open-on-timeout',
              'a new log waiter closes the container\'s log stream only when the wait succeeds, so every wait that '
              'times out leaves a following stream and its thread running', 'new'),
             (2, 'java-00-testcontainers-new-log-waiter-unbounded-frame-queue',
              'a new log waiter buffers the followed frames in an unbounded queue, so a chatty container that the '
              'predicate never matches fills the heap for the whole wait', 'new'),
             (0, 'java-ok-00-testcontainers-new-log-waiter',
              'clean: a new log waiter with a bounded frame queue whose stream is closed in a finally', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-03: locale data of a fake data library (java-faker)
FAKER = template('java-faker-fake-values', r'''
public class FakeValuesService {

    private final List<FakeValuesInterface> fakeValuesList = new ArrayList<FakeValuesInterface>();
    private final RandomService randomService;

    /**
     * Parsed locale files by path. One Faker is often shared by the tests of a parallel run, so the cache is read and
     * filled from many threads at once.
     */
01|    private final Map<String, Map<String, Object>> parsedFiles = new ConcurrentHashMap<String, Map<String, Object>>();
2|    private final Map<String, Map<String, Object>> parsedFiles = new HashMap<String, Map<String, Object>>(); //@CONC-03

    public FakeValuesService(Locale locale, RandomService randomService) {
        this.randomService = randomService;
        for (Locale l : localeChain(locale)) {
            fakeValuesList.add(FakeValues.forLocale(l, this));
        }
    }

    /**
     * Reads and parses one YAML file of the classpath, once.
     */
    Map<String, Object> loadValues(String path) {
        Map<String, Object> cached = parsedFiles.get(path);
        if (cached != null) {
            return cached;
        }
02|        try (InputStream stream = getClass().getResourceAsStream(path)) {
02|            if (stream == null) {
02|                return null;
02|            }
02|            Map<String, Object> values = new Yaml().loadAs(stream, Map.class);
02|            parsedFiles.put(path, values);
02|            return values;
02|        } catch (IOException e) {
02|            throw new UncheckedIOException("Could not read " + path, e);
02|        }
1|        InputStream stream = getClass().getResourceAsStream(path); //@RES-01
1|        if (stream == null) {
1|            return null;
1|        }
1|        Map<String, Object> values = new Yaml().loadAs(stream, Map.class);
1|        parsedFiles.put(path, values);
1|        return values;
    }

    private static List<Locale> localeChain(Locale from) {
        List<Locale> chain = new ArrayList<Locale>();
        chain.add(from);
        if (!"".equals(from.getCountry())) {
            chain.add(new Locale(from.getLanguage()));
        }
        chain.add(Locale.ENGLISH);
        return chain;
    }
}
''')
cases_of(case, GH + 'DiUS/java-faker/pull/691', src('com.github.javafaker.service', 'FakeValuesService'),
         JV('com.github.javafaker.service', {
             v: ['java.io.InputStream', 'java.util.ArrayList', 'java.util.List', 'java.util.Locale', 'java.util.Map',
                 'org.yaml.snakeyaml.Yaml']
             + {0: ['java.io.IOException', 'java.io.UncheckedIOException', 'java.util.concurrent.ConcurrentHashMap'],
                1: ['java.util.concurrent.ConcurrentHashMap'],
                2: ['java.io.IOException', 'java.io.UncheckedIOException', 'java.util.HashMap']}[v]
             for v in (0, 1, 2)})(FAKER), [
             (1, 'java-00-faker-locale-file-stream-not-closed',
              'an edit reads each locale file through a classpath stream it never closes, so every Faker built for '
              'a new locale leaks the streams of its files', 'edit'),
             (2, 'java-00-faker-parsed-file-cache-plain-map',
              'an edit keeps the parsed locale files in a plain map, so Fakers shared by the tests of a parallel run '
              'read and fill it from many threads at once', 'edit'),
             (0, 'java-ok-00-faker-locale-file-stream-closed',
              'clean: the fix reads each locale file in a try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-02: request timeouts of a proxy for browser tests (browsermob-proxy)
BROWSERMOB = template('browsermob-http-client-timeouts', r'''
public class BrowserMobHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserMobHttpClient.class);

    /** Requests in flight, with the time they started, watched by the timeout checker. */
    private final Map<ActiveRequest, Long> activeRequests = new ConcurrentHashMap<ActiveRequest, Long>();
    private final ScheduledExecutorService timeoutChecker;
    private final ExecutorService requestExecutor;
    private volatile int requestTimeoutMillis = -1;

    public BrowserMobHttpClient(int maxConcurrentRequests) {
        this.timeoutChecker = Executors.newSingleThreadScheduledExecutor(
                new NamedThreadFactory("browsermob-request-timeout-checker"));
01|        this.requestExecutor = new ThreadPoolExecutor(maxConcurrentRequests, maxConcurrentRequests,
01|                60L, TimeUnit.SECONDS, new ArrayBlockingQueue<Runnable>(maxConcurrentRequests * 4),
01|                new NamedThreadFactory("browsermob-request"), new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.requestExecutor = Executors.newCachedThreadPool(new NamedThreadFactory("browsermob-request")); //@CONC-02
        startTimeoutChecker();
    }

    /**
     * Aborts the requests that have run longer than the request timeout, once a second. One request that fails to
     * abort must not end the checking for all the others.
     */
    private void startTimeoutChecker() {
        timeoutChecker.scheduleWithFixedDelay(new Runnable() { //@{1}CONC-07
            @Override
            public void run() {
02|                try {
02|                    abortExpiredRequests();
02|                } catch (RuntimeException e) {
02|                    LOG.warn("Checking the request timeouts failed, checking again in a second", e);
02|                }
1|                abortExpiredRequests();
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private void abortExpiredRequests() {
        if (requestTimeoutMillis <= 0) {
            return;
        }
        long now = System.currentTimeMillis();
        for (Map.Entry<ActiveRequest, Long> entry : activeRequests.entrySet()) {
            if (now - entry.getValue() > requestTimeoutMillis) {
                entry.getKey().abort();
                activeRequests.remove(entry.getKey());
            }
        }
    }

    public Future<BrowserMobHttpResponse> execute(final BrowserMobHttpRequest request) {
        final ActiveRequest active = new ActiveRequest(request);
        activeRequests.put(active, System.currentTimeMillis());
        return requestExecutor.submit(new Callable<BrowserMobHttpResponse>() {
            @Override
            public BrowserMobHttpResponse call() throws Exception {
                try {
                    return active.run();
                } finally {
                    activeRequests.remove(active);
                }
            }
        });
    }

    public void setRequestTimeout(int requestTimeoutMillis) {
        this.requestTimeoutMillis = requestTimeoutMillis;
    }
}
''')
BROWSERMOB_IMPORTS = SLF4J + ['java.util.Map', 'java.util.concurrent.Callable',
                              'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ExecutorService',
                              'java.util.concurrent.Executors', 'java.util.concurrent.Future',
                              'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                              'net.lightbody.bmp.util.NamedThreadFactory']
cases_of(case, GH + 'lightbody/browsermob-proxy/pull/169',
         'browsermob-core/' + src('net.lightbody.bmp.proxy.http', 'BrowserMobHttpClient'),
         JV('net.lightbody.bmp.proxy.http', {
             v: BROWSERMOB_IMPORTS + ([] if v == 2 else ['java.util.concurrent.ArrayBlockingQueue',
                                                          'java.util.concurrent.ThreadPoolExecutor'])
             for v in (0, 1, 2)})(BROWSERMOB), [
             (1, 'java-00-browsermob-timeout-checker-without-catch',
              'an edit runs the request timeout check without a catch, so the first request that fails to abort ends '
              'the checking and every later request may hang for good', 'edit'),
             (2, 'java-00-browsermob-request-pool-unbounded',
              'an edit runs proxied requests on an unbounded cached pool, so a page that fires hundreds of requests '
              'at a slow upstream starts a thread for each', 'edit'),
             (0, 'java-ok-00-browsermob-timeout-checker-catches',
              'clean: the fix catches the failures of each timeout check', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: HTTP builder of a REST API testing library (rest-assured)
RESTASSURED = template('rest-assured-http-builder', r'''
public class HTTPBuilder {

    protected final Log log = LogFactory.getLog(getClass());

    protected AbstractHttpClient client;
    protected URIBuilder defaultURI = null;
    protected Object defaultContentType = ContentType.ANY;
    protected final Map<Object, Closure> defaultResponseHandlers = new StringHashMap<Closure>(buildDefaultResponseHandlers());

    /**
     * Builds the client once; it is reused for every request when the configuration says so, so each response has to
     * give its connection back before the next request of the test.
     */
    public HTTPBuilder(HttpClientConfig config, Object defaultURI) throws URISyntaxException {
        HttpParams params = new BasicHttpParams();
01|        HttpConnectionParams.setConnectionTimeout(params, config.connectionTimeoutMillis());
01|        HttpConnectionParams.setSoTimeout(params, config.socketTimeoutMillis());
        this.client = new DefaultHttpClient(new PoolingClientConnectionManager(), params); //@{2}TMO-01
        this.setUri(defaultURI);
    }

    protected Object doRequest(final RequestConfigDelegate delegate) throws ClientProtocolException, IOException {
        final HttpRequestBase reqMethod = delegate.getRequest();
        final Object contentType = delegate.getContentType();
        reqMethod.setURI(delegate.getUri().toURI());
        if (reqMethod.getFirstHeader("Accept") == null) {
            reqMethod.setHeader("Accept", ContentType.fromString(contentType.toString()).getAcceptHeader());
        }

        if (log.isDebugEnabled()) {
            log.debug("Request: " + reqMethod.getRequestLine());
        }
        HttpResponse resp = client.execute(reqMethod, delegate.getContext());
        int status = resp.getStatusLine().getStatusCode();
        Closure responseClosure = delegate.findResponseHandler(status); //@{1}RES-02

        Object returnVal;
02|        try {
02|            Object[] closureArgs = {resp, parseResponse(resp, contentType)};
02|            returnVal = responseClosure.call(closureArgs);
02|        } finally {
02|            EntityUtils.consumeQuietly(resp.getEntity());
02|        }
1|        Object[] closureArgs = {resp, parseResponse(resp, contentType)};
1|        returnVal = responseClosure.call(closureArgs);
        return returnVal;
    }
}
''')
cases_of(case, GH + 'rest-assured/rest-assured/issues/1392',
         'rest-assured/' + src('io.restassured.internal.http', 'HTTPBuilder'),
         J('io.restassured.internal.http', ['groovy.lang.Closure', 'io.restassured.config.HttpClientConfig',
                                            'java.io.IOException', 'java.net.URISyntaxException', 'java.util.Map',
                                            'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory',
                                            'org.apache.http.HttpResponse',
                                            'org.apache.http.client.ClientProtocolException',
                                            'org.apache.http.client.methods.HttpRequestBase',
                                            'org.apache.http.impl.client.AbstractHttpClient',
                                            'org.apache.http.impl.client.DefaultHttpClient',
                                            'org.apache.http.impl.conn.PoolingClientConnectionManager',
                                            'org.apache.http.params.BasicHttpParams',
                                            'org.apache.http.params.HttpConnectionParams',
                                            'org.apache.http.params.HttpParams',
                                            'org.apache.http.util.EntityUtils'])(RESTASSURED), [
             (1, 'java-00-rest-assured-response-entity-not-consumed',
              'an edit stops consuming the response entity after the handler ran, so with a reused client the next '
              'request of a test finds the connection still allocated', 'edit'),
             (2, 'java-00-rest-assured-client-without-timeouts',
              'an edit builds the HTTP client without the configured connection and socket timeouts, so a test '
              'against a server that never answers hangs the build', 'edit'),
             (0, 'java-ok-00-rest-assured-response-entity-consumed',
              'clean: the fix consumes the response entity on every path', 'fix'),
         ])
