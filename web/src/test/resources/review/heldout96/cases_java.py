"""Round-96 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TMO-01 / CONC-02: remote JMX connection of a metrics agent's JMX collector (jmxfetch)
JMXFETCH = template('jmxfetch-remote-connection', r'''
/**
 * A JMX connection to a remote JVM over RMI. The agent polls hundreds of instances from one process, so a target
 * whose RMI registry accepts the socket and then never answers must not hold the collection thread.
 */
public class RemoteConnection extends Connection {
    private static final Logger log = LoggerFactory.getLogger(RemoteConnection.class);
    private static final long CONNECTION_TIMEOUT_MS = 20_000L;
01|    private static final ExecutorService CONNECT_POOL = new ThreadPoolExecutor(0, 4, 60L, TimeUnit.SECONDS,
01|            new ArrayBlockingQueue<Runnable>(32), daemonThreads("jmxfetch-connect"));
2|    private static final ExecutorService CONNECT_POOL = Executors.newCachedThreadPool(daemonThreads("jmxfetch-connect")); //@CONC-02

    private final String serviceUrl;
    private final Map<String, Object> env;

    public RemoteConnection(String serviceUrl, Map<String, Object> env) throws IOException {
        this.serviceUrl = serviceUrl;
        this.env = env;
        createConnection();
    }

    @Override
    protected void createConnection() throws IOException {
        final JMXServiceURL url = new JMXServiceURL(serviceUrl);
        log.info("Connecting to: {}", url);
02|        Future<JMXConnector> attempt = CONNECT_POOL.submit(new Callable<JMXConnector>() {
02|            @Override
02|            public JMXConnector call() throws IOException {
02|                return JMXConnectorFactory.connect(url, env);
02|            }
02|        });
02|        try {
02|            connector = attempt.get(CONNECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS);
02|        } catch (TimeoutException e) {
02|            attempt.cancel(true);
02|            throw new IOException("Connection to " + url + " timed out after " + CONNECTION_TIMEOUT_MS + " ms", e);
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|            throw new InterruptedIOException("Interrupted while connecting to " + url);
02|        } catch (ExecutionException e) {
02|            throw new IOException("Connection to " + url + " failed", e.getCause());
02|        }
1|        connector = JMXConnectorFactory.connect(url, env); //@TMO-01
        mbs = connector.getMBeanServerConnection();
    }

    private static ThreadFactory daemonThreads(final String prefix) {
        final AtomicInteger count = new AtomicInteger();
        return new ThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
                t.setDaemon(true);
                t.setUncaughtExceptionHandler((thread, e) -> log.error("Uncaught exception in {}", thread.getName(), e));
                return t;
            }
        };
    }
}
''')
_JMXFETCH_BASE = SLF4J + ['java.io.IOException', 'java.util.Map', 'java.util.concurrent.ExecutorService',
                          'java.util.concurrent.ThreadFactory', 'java.util.concurrent.atomic.AtomicInteger',
                          'javax.management.remote.JMXConnector', 'javax.management.remote.JMXConnectorFactory',
                          'javax.management.remote.JMXServiceURL']
_JMXFETCH_POOL = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                  'java.util.concurrent.TimeUnit']
_JMXFETCH_WAIT = ['java.io.InterruptedIOException', 'java.util.concurrent.Callable',
                  'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future',
                  'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException']
cases_of(case, GH + 'DataDog/jmxfetch/issues/370', src('org.datadog.jmxfetch', 'RemoteConnection'),
         JV('org.datadog.jmxfetch', {0: _JMXFETCH_BASE + _JMXFETCH_POOL + _JMXFETCH_WAIT,
                                     1: _JMXFETCH_BASE + _JMXFETCH_POOL,
                                     2: _JMXFETCH_BASE + _JMXFETCH_WAIT + ['java.util.concurrent.Executors']})(JMXFETCH), [
             (1, 'java-00-jmxfetch-remote-connect-without-timeout',
              'an edit connects to the remote JMX server directly instead of through a bounded wait, so a JVM whose '
              'RMI registry accepts and never answers hangs the collection of every instance for good', 'edit'),
             (2, 'java-00-jmxfetch-connect-pool-unbounded',
              'an edit makes the pool the connection attempts run on an unbounded cached pool, so a fleet of '
              'unreachable JVMs piles up one stuck connect thread per attempt', 'edit'),
             (0, 'java-ok-00-jmxfetch-remote-connect-with-timeout',
              'clean: the fix connects on a bounded pool and waits at most the connection timeout', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: JMX connection of a system statistics daemon's Java plugin (collectd GenericJMX)
COLLECTD = template('collectd-genericjmx-connection', r'''
/**
 * One connection of the GenericJMX plugin to a JMX service URL. The connection is made lazily on the first read
 * and made again after a read fails; collectd calls query() once per interval.
 */
class GenericJMXConfConnection {
    private String _service_url;
    private String _username;
    private String _password;
    private String _instance_prefix;
    private List<GenericJMXConfMBean> _mbeans = new ArrayList<GenericJMXConfMBean>();
    private JMXConnector _jmx_connector;
    private MBeanServerConnection _mbean_connection;

    private MBeanServerConnection connect() {
        Map<String, Object> environment = new HashMap<String, Object>();
        if (_password != null && _username != null) {
            environment.put(JMXConnector.CREDENTIALS, new String[] {_username, _password});
        }
        environment.put(JMXConnectorFactory.PROTOCOL_PROVIDER_CLASS_LOADER, this.getClass().getClassLoader());
        try {
            JMXServiceURL serviceUrl = new JMXServiceURL(_service_url);
            _jmx_connector = JMXConnectorFactory.connect(serviceUrl, environment);
            return _jmx_connector.getMBeanServerConnection(); //@{1}RES-01
        } catch (Exception e) {
            Collectd.logError("GenericJMXConfConnection: Creating MBean server connection failed: " + e);
02|            closeConnector();
            return null;
        }
    }

    private void closeConnector() {
        if (_jmx_connector == null) {
            return;
        }
        try {
            _jmx_connector.close();
        } catch (IOException e) {
            Collectd.logNotice("GenericJMXConfConnection: Closing the connector to " + _service_url + " failed: " + e);
        }
        _jmx_connector = null;
        _mbean_connection = null;
    }

    public void query() {
        if (_mbean_connection == null) {
            _mbean_connection = connect();
        }
        if (_mbean_connection == null) {
            return;
        }
        for (GenericJMXConfMBean mbean : _mbeans) {
            try {
                if (mbean.query(_mbean_connection, createPluginData(), _instance_prefix) != 0) {
                    Collectd.logWarning("GenericJMXConfConnection: mbean " + mbean.getName() + " returned no values");
                }
            } catch (IOException e) { //@{2}ERR-01
01|                Collectd.logError("GenericJMXConfConnection: Reading " + mbean.getName() + " failed, reconnecting: " + e);
01|                closeConnector();
01|                return;
2|                // try again next interval
            }
        }
    }
}
''')
cases_of(case, GH + 'collectd/collectd/pull/1398',
         'bindings/java/' + src('org.collectd.java', 'GenericJMXConfConnection').replace('src/main/java/', ''),
         J('org.collectd.java', ['java.io.IOException', 'java.util.ArrayList', 'java.util.HashMap', 'java.util.List',
                                 'java.util.Map', 'javax.management.MBeanServerConnection',
                                 'javax.management.remote.JMXConnector', 'javax.management.remote.JMXConnectorFactory',
                                 'javax.management.remote.JMXServiceURL', 'org.collectd.api.Collectd'])(COLLECTD), [
             (1, 'java-00-collectd-genericjmx-connector-not-closed-on-failure',
              'an edit stops closing the JMX connector when getting its MBean server connection fails, so every '
              'interval against a half-up JVM leaks a connector and its RMI threads', 'edit'),
             (2, 'java-00-collectd-genericjmx-read-failure-swallowed',
              'an edit swallows the I/O failure of reading an MBean, so a dead connection is never closed or made '
              'again and the plugin silently reports nothing', 'edit'),
             (0, 'java-ok-00-collectd-genericjmx-connector-closed-on-failure',
              'clean: the fix closes the connector when the connection cannot be completed', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / LOG-01: GELF appender of a log server's Log4j 2 plugin (log4j2-gelf)
GELF = template('log4j2-gelf-appender', r'''
@Plugin(name = "GELF", category = "Core", elementType = "appender", printObject = true)
public class GelfAppender extends AbstractAppender {
    private static final Logger LOG = StatusLogger.getLogger();

    private final GelfConfiguration gelfConfiguration;
    private final String hostName;
    private final boolean blocking;
    private GelfTransport client;

    protected GelfAppender(String name, Layout<? extends Serializable> layout, Filter filter, boolean ignoreExceptions,
                           GelfConfiguration gelfConfiguration, String hostName, boolean blocking) {
        super(name, filter, layout, ignoreExceptions);
        this.gelfConfiguration = gelfConfiguration;
        this.hostName = hostName;
        this.blocking = blocking;
    }

    @Override
    public void append(LogEvent event) {
        final GelfMessage message = toGelfMessage(event);
        try {
            if (blocking) {
                client.send(message);
            } else if (!client.trySend(message)) {
                LOG.warn("GELF send queue is full, dropping log event from {}", event.getLoggerName());
            }
2|            LOG.info("Sent log event of {} to GELF server {}", event.getLoggerName(), gelfConfiguration.getRemoteAddress()); //@LOG-01
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
02|            error("Interrupted while sending log event to GELF server, event dropped", event, e);
1|            throw new AppenderLoggingException("failed to write log event to GELF server: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new AppenderLoggingException("failed to write log event to GELF server: " + e.getMessage(), e);
        }
    }

    private GelfMessage toGelfMessage(LogEvent event) {
        final GelfMessageBuilder builder = new GelfMessageBuilder(event.getMessage().getFormattedMessage(), hostName)
                .timestamp(event.getTimeMillis() / 1000d)
                .level(GelfMessageLevel.fromNumericLevel(Severity.getSeverity(event.getLevel()).getCode()))
                .additionalField("loggerName", event.getLoggerName())
                .additionalField("threadName", event.getThreadName());
        if (event.getThrown() != null) {
            builder.additionalField("exceptionClass", event.getThrown().getClass().getCanonicalName());
        }
        return builder.build();
    }
}
''')
cases_of(case, GH + 'graylog-labs/log4j2-gelf/issues/8', src('org.graylog2.log4j2', 'GelfAppender'),
         J('org.graylog2.log4j2', ['java.io.Serializable', 'org.apache.logging.log4j.Logger',
                                   'org.apache.logging.log4j.core.Filter', 'org.apache.logging.log4j.core.Layout',
                                   'org.apache.logging.log4j.core.LogEvent',
                                   'org.apache.logging.log4j.core.appender.AbstractAppender',
                                   'org.apache.logging.log4j.core.appender.AppenderLoggingException',
                                   'org.apache.logging.log4j.core.config.plugins.Plugin',
                                   'org.apache.logging.log4j.core.net.Severity',
                                   'org.apache.logging.log4j.status.StatusLogger',
                                   'org.graylog2.gelfclient.GelfConfiguration', 'org.graylog2.gelfclient.GelfMessage',
                                   'org.graylog2.gelfclient.GelfMessageBuilder',
                                   'org.graylog2.gelfclient.GelfMessageLevel',
                                   'org.graylog2.gelfclient.transport.GelfTransport'])(GELF), [
             (1, 'java-00-log4j2-gelf-append-clears-interrupt',
              'an edit turns the interrupt of a blocking send into an appender exception without restoring the '
              'flag, so an application thread interrupted while it logs loses its interrupt and never stops', 'edit'),
             (2, 'java-00-log4j2-gelf-append-logs-every-event',
              'an edit reports every sent event on the status logger at info level, so each application log line '
              'writes a second line of its own', 'edit'),
             (0, 'java-ok-00-log4j2-gelf-append-restores-interrupt',
              'clean: the fix restores the interrupt flag and reports the dropped event', 'fix'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-07: batching pipeline of a Loki log appender (loki-logback-appender)
LOKI4J = template('loki4j-pipeline', r'''
/**
 * Collects log events into batches and sends them to Loki from a background pool. The drain job sends a batch that
 * has waited longer than the batch timeout even when it is not full.
 */
public final class DefaultPipeline {
    private final ConcurrentBatchBuffer<ILoggingEvent, LogRecord> buffer;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpThreadPool;
    private final long batchTimeoutMs;
    private final long drainOnStopTimeoutMs;
    private final ContextAwareBase log;
    private final Function<LogRecordBatch, byte[]> encoder;
    private final HttpSender sender;
    private ScheduledFuture<?> drainScheduledFuture;

    public DefaultPipeline(ConcurrentBatchBuffer<ILoggingEvent, LogRecord> buffer, Function<LogRecordBatch, byte[]> encoder,
                           HttpSender sender, long batchTimeoutMs, long drainOnStopTimeoutMs, ContextAwareBase log) {
        this.buffer = buffer;
        this.encoder = encoder;
        this.sender = sender;
        this.batchTimeoutMs = batchTimeoutMs;
        this.drainOnStopTimeoutMs = drainOnStopTimeoutMs;
        this.log = log;
        this.scheduler = Executors.newScheduledThreadPool(1, new LoggerThreadFactory("loki-scheduler"));
        this.httpThreadPool = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<Runnable>(16), new LoggerThreadFactory("loki-http-sender"),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    public void start() {
01|        drainScheduledFuture = scheduler.scheduleAtFixedRate(() -> {
01|            try {
01|                drain(batchTimeoutMs);
01|            } catch (RuntimeException e) {
01|                log.addError("Error while draining the batch buffer, trying again next period", e);
01|            }
01|        }, 100, 100, TimeUnit.MILLISECONDS);
2|        drainScheduledFuture = scheduler.scheduleAtFixedRate(() -> drain(batchTimeoutMs), 100, 100, TimeUnit.MILLISECONDS); //@CONC-07
    }

    /** Stops the pipeline: what is buffered is sent, waiting at most drainOnStopTimeoutMs, then the pools end. */
    public void stop() {
        drainScheduledFuture.cancel(false);
02|        drain(0L);
02|        scheduler.shutdown();
02|        httpThreadPool.shutdown();
02|        try {
02|            if (!httpThreadPool.awaitTermination(drainOnStopTimeoutMs, TimeUnit.MILLISECONDS)) {
02|                log.addWarn("Loki did not take the last batches within " + drainOnStopTimeoutMs + " ms");
02|            }
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|        }
1|        scheduler.shutdownNow();
1|        httpThreadPool.shutdownNow(); //@OPS-01
    }

    private void drain(long timeoutMs) {
        LogRecordBatch batch = buffer.drain(timeoutMs);
        if (batch != null) {
            httpThreadPool.execute(() -> send(batch));
        }
    }

    private void send(LogRecordBatch batch) {
        try {
            sender.send(encoder.apply(batch));
        } catch (Exception e) {
            log.addError("Error while sending " + batch + " to Loki", e);
        }
    }
}
''')
cases_of(case, GH + 'loki4j/loki-logback-appender/issues/71',
         'loki-logback-appender/' + src('com.github.loki4j.logback', 'DefaultPipeline'),
         J('com.github.loki4j.logback', ['ch.qos.logback.classic.spi.ILoggingEvent',
                                         'ch.qos.logback.core.spi.ContextAwareBase',
                                         'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
                                         'java.util.concurrent.Executors',
                                         'java.util.concurrent.ScheduledExecutorService',
                                         'java.util.concurrent.ScheduledFuture',
                                         'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
                                         'java.util.function.Function'])(LOKI4J), [
             (1, 'java-00-loki4j-stop-drops-buffered-batches',
              'an edit stops the pipeline with shutdownNow and no last drain, so the log lines of an application\'s '
              'last seconds, its shutdown and crash reasons among them, never reach Loki', 'edit'),
             (2, 'java-00-loki4j-drain-schedule-without-catch',
              'an edit schedules the drain job without its catch, so the first encoding error ends the schedule and '
              'batches that are not full are never sent again', 'edit'),
             (0, 'java-ok-00-loki4j-stop-drains-buffer',
              'clean: the fix drains the buffer and waits for the sender pool before stopping', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: non-blocking UDP sender of a StatsD client (java-statsd-client)
STATSD = template('statsd-nonblocking-sender', r'''
/**
 * Sends StatsD lines over UDP on a single background thread so that recording a metric never blocks the caller.
 */
public final class NonBlockingUdpSender {
    private static final int QUEUE_CAPACITY = 50_000;

    private final Charset encoding;
    private final DatagramChannel clientSocket;
    private final ExecutorService executor;
    private final StatsDClientErrorHandler handler;

    public NonBlockingUdpSender(String hostname, int port, Charset encoding, StatsDClientErrorHandler handler) throws IOException {
        this.encoding = encoding;
        this.handler = handler;
        this.clientSocket = DatagramChannel.open();
        this.clientSocket.connect(new InetSocketAddress(hostname, port));
02|        this.executor = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS,
02|                new ArrayBlockingQueue<Runnable>(QUEUE_CAPACITY), senderThreads(), new ThreadPoolExecutor.DiscardPolicy());
1|        this.executor = Executors.newSingleThreadExecutor(senderThreads()); //@CONC-02
    }

    private ThreadFactory senderThreads() {
        final ThreadFactory delegate = Executors.defaultThreadFactory();
        return new ThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
                Thread result = delegate.newThread(r); //@{2}CONC-01
                result.setName("StatsD-" + result.getName());
                result.setDaemon(true);
01|                result.setUncaughtExceptionHandler((t, e) -> handler.handle(new RuntimeException("StatsD sender thread died", e)));
                return result;
            }
        };
    }

    public void send(final String message) {
        executor.execute(new Runnable() {
            @Override
            public void run() {
                blockingSend(message);
            }
        });
    }

    private void blockingSend(String message) {
        try {
            clientSocket.write(ByteBuffer.wrap(message.getBytes(encoding)));
        } catch (IOException e) {
            handler.handle(e);
        }
    }

    public void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
''')
_STATSD_BASE = ['java.io.IOException', 'java.net.InetSocketAddress', 'java.nio.ByteBuffer',
                'java.nio.channels.DatagramChannel', 'java.nio.charset.Charset', 'java.util.concurrent.ExecutorService',
                'java.util.concurrent.Executors', 'java.util.concurrent.ThreadFactory', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'tim-group/java-statsd-client/pull/31', src('com.timgroup.statsd', 'NonBlockingUdpSender'),
         JV('com.timgroup.statsd', {0: _STATSD_BASE + ['java.util.concurrent.ArrayBlockingQueue',
                                                       'java.util.concurrent.ThreadPoolExecutor'],
                                    1: _STATSD_BASE,
                                    2: _STATSD_BASE + ['java.util.concurrent.ArrayBlockingQueue',
                                                       'java.util.concurrent.ThreadPoolExecutor']})(STATSD), [
             (1, 'java-00-statsd-sender-queue-unbounded',
              'an edit runs the sender on a single-thread executor whose queue has no bound, so a StatsD host that '
              'is unreachable makes every recorded metric pile up in the heap until the application dies', 'edit'),
             (2, 'java-00-statsd-sender-thread-without-handler',
              'an edit builds the sender thread without an uncaught-exception handler, so an error that kills it '
              'goes to stderr and the client stops sending without telling its error handler', 'edit'),
             (0, 'java-ok-00-statsd-sender-queue-bounded',
              'clean: the fix bounds the sender\'s queue and drops metrics once it is full', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / ERR-01: tracing-aware runnable of a distributed tracing library (wingtips)
WINGTIPS = template('wingtips-runnable-with-tracing', r'''
/**
 * Wraps a {@link Runnable} so that it runs with the span stack and MDC of the thread that created it. Pool threads
 * are reused, so the thread's own tracing state must be back in place when the task ends, whatever the task did.
 */
public class RunnableWithTracing implements Runnable {
    private final Runnable origRunnable;
    private final Deque<Span> spanStackForExecution;
    private final Map<String, String> mdcContextMapForExecution;

    public RunnableWithTracing(Runnable origRunnable) {
        this(origRunnable, Tracer.getInstance().getCurrentSpanStackCopy(), MDC.getCopyOfContextMap());
    }

    public RunnableWithTracing(Runnable origRunnable, Deque<Span> spanStackForExecution,
                               Map<String, String> mdcContextMapForExecution) {
        if (origRunnable == null) {
            throw new NullPointerException("origRunnable cannot be null");
        }
        this.origRunnable = origRunnable;
        this.spanStackForExecution = spanStackForExecution;
        this.mdcContextMapForExecution = mdcContextMapForExecution;
    }

    @Override
    public void run() {
        Deque<Span> previousSpanStack = Tracer.getInstance().registerWithThread(spanStackForExecution);
        Map<String, String> previousMdc = MDC.getCopyOfContextMap();
        MDC.setContextMap(mdcContextMapForExecution == null ? Collections.<String, String>emptyMap() : mdcContextMapForExecution); //@{1}CONC-04
02|        try {
02|            origRunnable.run();
2|        } catch (RuntimeException e) { //@ERR-01
2|            // the pool would only print it; the span is completed by the caller anyway
02|        } finally {
02|            restore(previousSpanStack, previousMdc);
02|        }
1|        origRunnable.run();
1|        restore(previousSpanStack, previousMdc);
    }

    private static void restore(Deque<Span> spanStack, Map<String, String> mdc) {
        Tracer.getInstance().unregisterFromThread();
        if (spanStack != null) {
            Tracer.getInstance().registerWithThread(spanStack);
        }
        if (mdc == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(mdc);
        }
    }
}
''')
cases_of(case, GH + 'Nike-Inc/wingtips/issues/141', 'wingtips-core/' + src('com.nike.wingtips.util', 'RunnableWithTracing'),
         J('com.nike.wingtips.util', ['com.nike.wingtips.Span', 'com.nike.wingtips.Tracer', 'java.util.Collections',
                                      'java.util.Deque', 'java.util.Map', 'org.slf4j.MDC'])(WINGTIPS), [
             (1, 'java-00-wingtips-runnable-restores-outside-finally',
              'an edit restores the pool thread\'s span stack and MDC only when the task returns normally, so a task '
              'that throws leaves its trace id on the thread and every later task on it joins a stranger\'s trace',
              'edit'),
             (2, 'java-00-wingtips-runnable-swallows-task-failure',
              'an edit catches and drops any runtime exception of the wrapped task, so a failing task of a traced '
              'pool disappears without a log line or an error for the future that waits on it', 'edit'),
             (0, 'java-ok-00-wingtips-runnable-restores-in-finally',
              'clean: the fix restores the thread\'s tracing state in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / RES-02: metrics reporter that writes to Elasticsearch (elasticsearch-metrics-reporter-java)
ESREPORTER = template('es-metrics-reporter', r'''
/**
 * Reports the registry's metrics to Elasticsearch with the bulk API, into one index per day or month as the index
 * date format says.
 */
public class ElasticsearchReporter extends ScheduledReporter {
    private static final Logger LOGGER = LoggerFactory.getLogger(ElasticsearchReporter.class);

    private final String index;
    private final SimpleDateFormat indexDateFormat;
    private final ObjectMapper objectMapper = new ObjectMapper();
    private final String[] hosts;
    private final int timeout;

    public ElasticsearchReporter(MetricRegistry registry, String[] hosts, int timeout, String index, String indexDateFormat,
                                 TimeUnit rateUnit, TimeUnit durationUnit, MetricFilter filter) {
        super(registry, "elasticsearch-reporter", filter, rateUnit, durationUnit);
        this.hosts = hosts;
        this.timeout = timeout;
        this.index = index;
        if (indexDateFormat != null && indexDateFormat.length() > 0) {
            this.indexDateFormat = new SimpleDateFormat(indexDateFormat); //@{1}TIME-01
02|            this.indexDateFormat.setTimeZone(TimeZone.getTimeZone("UTC"));
        } else {
            this.indexDateFormat = null;
        }
    }

    String currentIndexName(long timestampMs) {
        if (indexDateFormat == null) {
            return index;
        }
        return index + "-" + indexDateFormat.format(new Date(timestampMs));
    }

    /** Sends one bulk request; true when Elasticsearch took every document. */
    boolean sendBulk(HttpURLConnection connection, byte[] body) throws IOException {
        connection.setConnectTimeout(timeout);
        connection.setReadTimeout(timeout);
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        if (status != 200) {
            LOGGER.error("Reporting returned code {} {}", status, connection.getResponseMessage());
            return false;
        }
        boolean errors;
01|        try (InputStream in = connection.getInputStream()) {
01|            errors = objectMapper.readTree(in).path("errors").asBoolean(false);
01|        }
2|        InputStream in = connection.getInputStream(); //@RES-02
2|        errors = objectMapper.readTree(in).path("errors").asBoolean(false);
        if (errors) {
            LOGGER.warn("Bulk request to {} reported failed documents", connection.getURL());
        }
        return !errors;
    }
}
''')
cases_of(case, GH + 'elastic/elasticsearch-metrics-reporter-java/issues/7',
         src('org.elasticsearch.metrics', 'ElasticsearchReporter'),
         J('org.elasticsearch.metrics', SLF4J + ['com.codahale.metrics.MetricFilter', 'com.codahale.metrics.MetricRegistry',
                                                 'com.codahale.metrics.ScheduledReporter',
                                                 'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException',
                                                 'java.io.InputStream', 'java.io.OutputStream',
                                                 'java.net.HttpURLConnection', 'java.text.SimpleDateFormat',
                                                 'java.util.Date', 'java.util.TimeZone',
                                                 'java.util.concurrent.TimeUnit'])(ESREPORTER), [
             (1, 'java-00-es-reporter-index-date-in-default-zone',
              'an edit formats the daily index name in the JVM\'s default zone, so hosts in different zones write '
              'the same minute of metrics into different daily indices around midnight', 'edit'),
             (2, 'java-00-es-reporter-bulk-response-not-closed',
              'an edit reads the bulk response stream without closing it, so every report keeps a connection out of '
              'the keep-alive cache and the reporter leaks sockets', 'edit'),
             (0, 'java-ok-00-es-reporter-index-date-in-utc',
              'clean: the fix formats the index date in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / CONC-03: thread listener of a real-time application monitoring client (CAT)
CAT = template('cat-thread-listener', r'''
/**
 * Watches the threads the CAT client starts, so that a thread that dies is reported and the client's own threads
 * can be told apart from the application's in the heartbeat.
 */
public class CatThreadListener extends AbstractThreadListener {
    private static final Logger LOGGER = LoggerFactory.getLogger(CatThreadListener.class);

01|    private final List<String> m_threadNames = new CopyOnWriteArrayList<String>();
2|    private final List<String> m_threadNames = new ArrayList<String>(); //@CONC-03
    private final AtomicInteger m_started = new AtomicInteger();

    @Override
    public void onThreadStarting(Thread thread, String name) {
        m_started.incrementAndGet();
        m_threadNames.add(name);
02|        LOGGER.debug("Starting thread {} in group {}", name, thread.getThreadGroup().getName());
1|        LOGGER.debug("Starting thread " + name + " in group " + thread.getThreadGroup().getName()); //@LOG-02
    }

    @Override
    public void onThreadStopping(Thread thread, String name) {
        m_threadNames.remove(name);
        LOGGER.debug("Stopping thread {}", name);
    }

    @Override
    public boolean onUncaughtException(Thread thread, Throwable e) {
        LOGGER.error("Uncaught exception thrown out of thread {}", thread.getName(), e);
        Cat.logError("Uncaught exception thrown out of thread " + thread.getName(), e);
        return true;
    }

    public List<String> getThreadNames() {
        return new ArrayList<String>(m_threadNames);
    }

    public int getStartedCount() {
        return m_started.get();
    }
}
''')
_CAT_BASE = SLF4J + ['com.dianping.cat.Cat', 'java.util.ArrayList', 'java.util.List',
                     'java.util.concurrent.atomic.AtomicInteger', 'org.unidal.helper.Threads.AbstractThreadListener']
cases_of(case, GH + 'dianping/cat/issues/1882', 'cat-client/' + src('com.dianping.cat.status', 'CatThreadListener'),
         JV('com.dianping.cat.status', {0: _CAT_BASE + ['java.util.concurrent.CopyOnWriteArrayList'],
                                        1: _CAT_BASE + ['java.util.concurrent.CopyOnWriteArrayList'],
                                        2: _CAT_BASE})(CAT), [
             (1, 'java-00-cat-thread-listener-debug-concatenated',
              'an edit builds the debug line of every thread start by concatenation, so the message is built even '
              'with debug off, on a path the client\'s pools hit for every thread they start', 'edit'),
             (2, 'java-00-cat-thread-listener-names-unsynchronized',
              'an edit keeps the names of running threads in a plain list that the starting and stopping threads '
              'write at once, so the list is corrupted and the heartbeat copy fails under load', 'edit'),
             (0, 'java-ok-00-cat-thread-listener-parameterised',
              'clean: the fix logs with a parameterised message', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / TX-01: hourly metrics aggregation of a monitoring server (RHQ), CRLF file
RHQ = template('rhq-metrics-aggregator', r'''
/**
 * Rolls the raw measurements of one hour up into the one-hour table and deletes the raw rows, in one transaction,
 * so that a failure leaves the raw data for the next run.
 */
public class HourlyAggregator {
    private static final Log LOG = LogFactory.getLog(HourlyAggregator.class);

    private final DataSource dataSource;
    private final MetricsDAO dao;

    public HourlyAggregator(DataSource dataSource, MetricsDAO dao) {
        this.dataSource = dataSource;
        this.dao = dao;
    }

    /** The start of the hour a raw measurement taken at timestamp belongs to. */
    static DateTime hourOf(long timestamp) {
02|        return new DateTime(timestamp, DateTimeZone.UTC).hourOfDay().roundFloorCopy();
1|        return new DateTime(timestamp).hourOfDay().roundFloorCopy(); //@TIME-01
    }

    public int aggregate(long now) throws SQLException {
        DateTime hour = hourOf(now).minusHours(1);
        List<AggregateNumericMetric> aggregates = dao.computeHourlyAggregates(hour.getMillis(), hour.plusHours(1).getMillis());
        if (aggregates.isEmpty()) {
            return 0;
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            dao.insertOneHourAggregates(connection, aggregates); //@{2}TX-01
            dao.deleteRawData(connection, hour.getMillis(), hour.plusHours(1).getMillis());
            connection.commit();
01|        } catch (SQLException e) {
01|            connection.rollback();
01|            throw e;
        } finally {
            connection.close();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Aggregated " + aggregates.size() + " schedules for the hour starting " + hour);
        }
        return aggregates.size();
    }
}
''')
cases_of(case, GH + 'rhq-project/rhq/pull/147',
         'modules/enterprise/server/server-metrics/' + src('org.rhq.server.metrics.aggregation', 'HourlyAggregator'),
         J('org.rhq.server.metrics.aggregation', ['java.sql.Connection', 'java.sql.SQLException', 'java.util.List',
                                                  'javax.sql.DataSource', 'org.apache.commons.logging.Log',
                                                  'org.apache.commons.logging.LogFactory', 'org.joda.time.DateTime',
                                                  'org.joda.time.DateTimeZone',
                                                  'org.rhq.server.metrics.MetricsDAO',
                                                  'org.rhq.server.metrics.domain.AggregateNumericMetric'])(RHQ), [
             (1, 'java-00-rhq-aggregation-hour-in-server-zone',
              'an edit rounds measurements to the hour in the server\'s default zone, so a server in a zone with a '
              'half-hour offset files the data under the wrong hour', 'edit'),
             (2, 'java-00-rhq-aggregation-tx-not-rolled-back',
              'an edit drops the rollback of the aggregation transaction, so a failed insert returns the connection '
              'to the pool with the transaction open and its raw rows locked', 'edit'),
             (0, 'java-ok-00-rhq-aggregation-hour-in-utc',
              'clean: the fix rounds to the hour in UTC', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-04 / CONC-07: type pool cache evicter of an APM agent (stagemonitor), new file
STAGEMONITOR = template('stagemonitor-evicting-locator', r'''
/**
 * A binary locator whose type pool cache is cleared at a fixed period, so that the agent does not keep the type
 * descriptions of every class it has ever looked at.
 */
public class AutoEvictingCachingBinaryLocator extends AgentBuilder.PoolStrategy.WithTypePoolCache {
    private static final Logger logger = LoggerFactory.getLogger(AutoEvictingCachingBinaryLocator.class);
02|    private static final ScheduledExecutorService EVICTER = Executors.newSingleThreadScheduledExecutor(
02|            new NamedThreadFactory("type-pool-cache-evicter", true));

    private final ConcurrentMap<ClassLoader, TypePool.CacheProvider> cacheProviders =
            new ConcurrentHashMap<ClassLoader, TypePool.CacheProvider>();
    private final ScheduledFuture<?> evictionTask;

    public AutoEvictingCachingBinaryLocator(long period, TimeUnit timeUnit) {
        super(TypePool.Default.ReaderMode.FAST);
1|        final ScheduledExecutorService evicter = Executors.newSingleThreadScheduledExecutor( //@RES-04
1|                new NamedThreadFactory("type-pool-cache-evicter-" + System.identityHashCode(this), true));
1|        evictionTask = evicter.scheduleAtFixedRate(new Runnable() {
02|        evictionTask = EVICTER.scheduleAtFixedRate(new Runnable() { //@{2}CONC-07
            @Override
            public void run() {
01|                try {
01|                    evictAll();
01|                } catch (RuntimeException e) {
01|                    logger.warn("Evicting the type pool caches failed, trying again next period", e);
01|                }
2|                evictAll();
            }
        }, period, period, timeUnit);
    }

    private void evictAll() {
        for (TypePool.CacheProvider cacheProvider : cacheProviders.values()) {
            cacheProvider.clear();
        }
    }

    @Override
    protected TypePool.CacheProvider locate(ClassLoader classLoader) {
        classLoader = classLoader == null ? ClassLoader.getSystemClassLoader() : classLoader;
        TypePool.CacheProvider cacheProvider = cacheProviders.get(classLoader);
        if (cacheProvider == null) {
            cacheProviders.putIfAbsent(classLoader, new TypePool.CacheProvider.Simple());
            cacheProvider = cacheProviders.get(classLoader);
        }
        return cacheProvider;
    }

    public void close() {
        evictionTask.cancel(false);
    }
}
''')
cases_of(case, GH + 'stagemonitor/stagemonitor/issues/174',
         'stagemonitor-core/' + src('org.stagemonitor.core.instrument', 'AutoEvictingCachingBinaryLocator'),
         J('org.stagemonitor.core.instrument', SLF4J + ['java.util.concurrent.ConcurrentHashMap',
                                                        'java.util.concurrent.ConcurrentMap',
                                                        'java.util.concurrent.Executors',
                                                        'java.util.concurrent.ScheduledExecutorService',
                                                        'java.util.concurrent.ScheduledFuture',
                                                        'java.util.concurrent.TimeUnit',
                                                        'net.bytebuddy.agent.builder.AgentBuilder',
                                                        'net.bytebuddy.pool.TypePool',
                                                        'org.stagemonitor.core.util.NamedThreadFactory'])(STAGEMONITOR), [
             (1, 'java-00-stagemonitor-new-locator-evicter-per-instance',
              'a new evicting binary locator starts a scheduler thread of its own for every instance, so each '
              'redeploy of an instrumented application leaves another evicter thread and class loader behind', 'new'),
             (2, 'java-00-stagemonitor-new-locator-eviction-without-catch',
              'a new evicting binary locator schedules the eviction without a catch, so the first failure ends the '
              'schedule and the type pool caches grow without bound', 'new'),
             (0, 'java-ok-00-stagemonitor-new-locator',
              'clean: a new locator on one shared evicter whose task catches its failures', 'new'),
         ])
