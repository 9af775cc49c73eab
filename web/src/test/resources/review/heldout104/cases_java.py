"""Round-104 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- OPS-01 / CONC-02: the pooled execution service of a caching library (ehcache3)
EHCACHE_POOLS = template('ehcache-pooled-execution', r'''
/**
 * Hands out executors backed by the thread pools the cache manager was configured with (write-behind, events,
 * disk flushes). The pools are created when the service starts and must be gone when the cache manager closes, or
 * the application cannot exit.
 */
public class PooledExecutionService implements ExecutionService {

    private static final Logger LOGGER = LoggerFactory.getLogger(PooledExecutionService.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final String defaultPoolAlias;
    private final Map<String, PoolConfiguration> poolConfigurations;
    private final Map<String, ThreadPoolExecutor> pools = new ConcurrentHashMap<>(8, .75f, 1);
    private volatile boolean running = false;

    PooledExecutionService(PooledExecutionServiceConfiguration configuration) {
        this.defaultPoolAlias = configuration.getDefaultPoolAlias();
        this.poolConfigurations = configuration.getPoolConfigurations();
    }

    @Override
    public void start(ServiceProvider<Service> serviceProvider) {
        for (Map.Entry<String, PoolConfiguration> e : poolConfigurations.entrySet()) {
            pools.put(e.getKey(), createPool(e.getKey(), e.getValue()));
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (Map.Entry<String, ThreadPoolExecutor> e : pools.entrySet()) {
02|            e.getValue().shutdown();
1|            e.getValue().shutdownNow(); //@OPS-01
        }
02|        for (Map.Entry<String, ThreadPoolExecutor> e : pools.entrySet()) {
02|            try {
02|                if (!e.getValue().awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
02|                    LOGGER.warn("Thread pool '{}' did not finish its queued tasks in {} seconds", e.getKey(), STOP_WAIT_SECONDS);
02|                }
02|            } catch (InterruptedException ex) {
02|                Thread.currentThread().interrupt();
02|                break;
02|            }
02|        }
        pools.clear();
    }

    public boolean isStopped() {
        return !running;
    }

    private static ThreadPoolExecutor createPool(String alias, PoolConfiguration config) {
        return new ThreadPoolExecutor(config.minSize(), config.maxSize(), 10, TimeUnit.SECONDS,
01|            new LinkedBlockingQueue<>(config.queueSize()),
2|            new LinkedBlockingQueue<>(), //@CONC-02
            ThreadFactoryUtil.threadFactory(alias));
    }
}
''')
_EH = SLF4J + ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.LinkedBlockingQueue',
               'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
               'org.ehcache.core.spi.service.ExecutionService', 'org.ehcache.impl.config.executor.PooledExecutionServiceConfiguration',
               'org.ehcache.impl.config.executor.PooledExecutionServiceConfiguration.PoolConfiguration',
               'org.ehcache.impl.internal.util.ThreadFactoryUtil', 'org.ehcache.spi.service.Service',
               'org.ehcache.spi.service.ServiceProvider']
cases_of(case, GH + 'ehcache/ehcache3/issues/1986',
         'impl/' + src('org.ehcache.impl.internal.executor', 'PooledExecutionService'),
         J('org.ehcache.impl.internal.executor', _EH)(EHCACHE_POOLS), [
             (1, 'java-00-ehcache-pools-shut-down-now',
              'an edit stops the cache manager\'s pools with shutdownNow and no wait, so queued write-behind and '
              'event tasks are dropped on close', 'edit'),
             (2, 'java-00-ehcache-pool-queue-unbounded',
              'an edit builds the pools on an unbounded queue, so the configured maximum size is never reached and '
              'a slow writer grows the queue without limit', 'edit'),
             (0, 'java-ok-00-ehcache-pools-drained-on-stop',
              'clean: the fix shuts the pools down and waits for their queued tasks', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: the fixed polling strategy of a configuration library (archaius)
ARCHAIUS_POLLING = template('archaius-fixed-polling', r'''
/**
 * Polls a configuration source at a fixed delay. With syncInit the first poll happens on the caller's thread and is
 * retried until it succeeds, so that the application does not start on an empty configuration.
 */
public class FixedPollingStrategy implements PollingStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(FixedPollingStrategy.class);

    private final ScheduledExecutorService executor;
    private final long interval;
    private final TimeUnit units;
    private final boolean syncInit;

    public FixedPollingStrategy(long interval, TimeUnit units, boolean syncInit) {
        this.interval = interval;
        this.units = units;
        this.syncInit = syncInit;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "Archaius-Poller");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Future<?> execute(final Runnable callback) {
        while (syncInit) {
            try {
                callback.run();
                break;
            } catch (Exception e) {
                LOG.warn("Failed to load the first configuration, retrying in {} {}", interval, units, e);
                try {
                    units.sleep(interval);
                } catch (InterruptedException ie) { //@{1}CONC-05
02|                    Thread.currentThread().interrupt();
02|                    throw new IllegalStateException("Interrupted while waiting to retry the first configuration poll", ie);
1|                    LOG.info("Woken up early, retrying the first configuration poll now");
                }
            }
        }
        return executor.scheduleWithFixedDelay(() -> {
            try {
                callback.run();
            } catch (Exception e) { //@{2}ERR-01
01|                LOG.warn("Failed to poll the configuration source, keeping the previous values", e);
2|                // the next poll tries again
            }
        }, interval, interval, units);
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }
}
''')
_ARCH = SLF4J + ['com.netflix.archaius.api.config.PollingStrategy', 'java.util.concurrent.Executors',
                 'java.util.concurrent.Future', 'java.util.concurrent.ScheduledExecutorService',
                 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'Netflix/archaius/issues/548',
         'archaius2-core/' + src('com.netflix.archaius.config.polling', 'FixedPollingStrategy'),
         J('com.netflix.archaius.config.polling', _ARCH)(ARCHAIUS_POLLING), [
             (1, 'java-00-archaius-first-poll-interrupt-swallowed',
              'an edit catches the interruption of the first poll\'s retry wait and keeps polling, so a thread asked '
              'to stop during startup never does', 'edit'),
             (2, 'java-00-archaius-poll-failure-swallowed',
              'an edit drops the log of a failed scheduled poll, so a configuration source that stopped answering '
              'goes unnoticed', 'edit'),
             (0, 'java-ok-00-archaius-first-poll-interrupt-restored',
              'clean: the fix restores the interrupt flag and stops retrying the first poll', 'fix'),
         ])


# ---------------------------------------------------------------- DEP-02 / ERR-01: a new YAML loader of a configuration library (night-config)
NIGHTCONFIG_YAML = template('night-config-yaml-loader', r'''
/**
 * Loads YAML configuration files into {@link Config} objects. Configuration files may come from users or from the
 * network (a shared repository of server presets), so the parser only builds maps, lists and scalars: YAML tags that
 * name Java classes are refused.
 */
public final class YamlConfigLoader {
    private static final int MAX_ALIASES = 50;

    private final ConfigFormat<Config> format;

    public YamlConfigLoader(ConfigFormat<Config> format) {
        this.format = format;
    }

    public Config load(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowDuplicateKeys(false);
01|        Yaml yaml = new Yaml(new SafeConstructor(options));
2|        Yaml yaml = new Yaml(options); //@DEP-02
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = yaml.load(reader);
            Config config = format.createConfig();
            if (root instanceof Map) {
                putAll(config, (Map<?, ?>) root);
            } else if (root != null) {
                throw new ParsingException("The root of " + file + " is not a YAML mapping");
            }
            return config;
        } catch (IOException | YAMLException e) { //@{1}ERR-01
02|            throw new ParsingException("Failed to load the YAML configuration " + file, e);
1|            return format.createConfig();
        }
    }

    private static void putAll(Config config, Map<?, ?> values) {
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Map) {
                Config sub = config.createSubConfig();
                putAll(sub, (Map<?, ?>) value);
                value = sub;
            }
            config.set(Collections.singletonList(String.valueOf(entry.getKey())), value);
        }
    }
}
''')
_NC = ['com.electronwill.nightconfig.core.Config', 'com.electronwill.nightconfig.core.ConfigFormat',
       'com.electronwill.nightconfig.core.io.ParsingException', 'java.io.IOException', 'java.io.Reader',
       'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.Collections',
       'java.util.Map', 'org.yaml.snakeyaml.LoaderOptions', 'org.yaml.snakeyaml.Yaml',
       'org.yaml.snakeyaml.error.YAMLException']
cases_of(case, GH + 'TheElectronWill/night-config/pull/206',
         'yaml/' + src('com.electronwill.nightconfig.yaml', 'YamlConfigLoader'),
         JV('com.electronwill.nightconfig.yaml', {0: _NC + ['org.yaml.snakeyaml.constructor.SafeConstructor'],
                                                  1: _NC + ['org.yaml.snakeyaml.constructor.SafeConstructor'],
                                                  2: _NC})(NIGHTCONFIG_YAML), [
             (1, 'java-00-nightconfig-yaml-load-failure-swallowed',
              'a new YAML loader returns an empty configuration when the file cannot be read or parsed, so a typo '
              'silently resets every setting', 'new'),
             (2, 'java-00-nightconfig-yaml-loader-constructs-any-class',
              'a new YAML loader builds its parser with the default constructor, which instantiates any class a '
              'global tag in the file names', 'new'),
             (0, 'java-ok-00-nightconfig-yaml-loader',
              'clean: a new YAML loader with a safe constructor that reports unreadable files', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / RES-01: partials of a templating library (jmustache)
JMUSTACHE_PARTIAL = template('jmustache-included-template', r'''
    /** A segment that inlines another template, loaded and compiled the first time it is executed. Compiled
     * templates are shared by every thread that executes them. */
    protected static class IncludedTemplateSegment extends Template.Segment {
        public IncludedTemplateSegment (Compiler compiler, String name) {
            _comp = compiler;
            _name = name;
        }

        @Override void execute (Template tmpl, Template.Context ctx, Writer out) {
            getTemplate().executeSegs(ctx, out);
        }

        @Override void decompile (Delims delims, StringBuilder into) {
            delims.addTag('>', _name, into);
        }

        protected Template getTemplate () {
            Template t = _template;
            if (t == null) {
02|                synchronized (this) {
02|                    t = _template;
02|                    if (t == null) {
02|                        _template = t = loadTemplate();
02|                    }
02|                }
1|                _template = t = loadTemplate(); //@CONC-03
            }
            return t;
        }

        private Template loadTemplate () {
01|            try (Reader r = _comp.loader.getTemplate(_name)) {
2|            try {
2|                Reader r = _comp.loader.getTemplate(_name); //@RES-01
                return _comp.compile(r);
            } catch (Exception e) {
                if (e instanceof RuntimeException) {
                    throw (RuntimeException)e;
                }
                throw new MustacheException("Unable to load template: " + _name, e);
            }
        }

        protected final Compiler _comp;
        protected final String _name;
02|        private volatile Template _template;
1|        private Template _template;
    }
''')
cases_of(case, GH + 'samskivert/jmustache/pull/155', src('com.samskivert.mustache', 'Mustache'),
         J('com.samskivert.mustache', ['java.io.Reader', 'java.io.Writer'])(
             'public class Mustache {\n' + JMUSTACHE_PARTIAL + '}\n'), [
             (1, 'java-00-jmustache-partial-loaded-without-lock',
              'an edit loads and publishes the partial without the lock and drops volatile, so concurrent renders '
              'parse it many times and may see a half-built template', 'edit'),
             (2, 'java-00-jmustache-partial-reader-not-closed',
              'an edit opens the partial\'s reader outside try-with-resources, so every partial load leaks a file '
              'handle or a connection', 'edit'),
             (0, 'java-ok-00-jmustache-partial-loaded-once-under-lock',
              'clean: the fix loads the partial once under the segment\'s lock into a volatile field', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: remote references of a web framework's OpenAPI router (vertx-web)
VERTX_REFS = template('vertx-web-openapi-remote-refs', r'''
/**
 * Resolves the remote $ref of an OpenAPI contract while the router is built. Contracts split over many files can
 * hold hundreds of references; each is fetched once and cached.
 */
public class RemoteRefResolver {

    private final Vertx vertx;
02|    private final WebClient client;
    private final OpenAPILoaderOptions options;
    private final Map<URI, Future<JsonObject>> resolved = new ConcurrentHashMap<>();

    public RemoteRefResolver(Vertx vertx, OpenAPILoaderOptions options) {
        this.vertx = vertx;
        this.options = options;
02|        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("vertx-web-openapi"));
    }

    public Future<JsonObject> resolve(URI ref) {
        return resolved.computeIfAbsent(ref, this::fetch);
    }

    private Future<JsonObject> fetch(URI ref) {
1|        WebClient client = WebClient.create(vertx, new WebClientOptions().setUserAgent("vertx-web-openapi")); //@RES-04
        HttpRequest<Buffer> request = client.getAbs(ref.toString()) //@{2}TMO-01
01|            .timeout(options.getRemoteRefTimeout())
            .putHeaders(options.getAuthHeaders());
        options.getAuthQueryParams().forEach(request::addQueryParam);
        return request.send().compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture("Cannot load " + ref + ": HTTP " + response.statusCode());
            }
            return Future.succeededFuture(response.bodyAsJsonObject());
        });
    }

    public void close() {
02|        client.close();
    }
}
''')
_VX = ['io.vertx.core.Future', 'io.vertx.core.Vertx', 'io.vertx.core.buffer.Buffer', 'io.vertx.core.json.JsonObject',
       'io.vertx.ext.web.client.HttpRequest', 'io.vertx.ext.web.client.WebClient',
       'io.vertx.ext.web.client.WebClientOptions', 'io.vertx.ext.web.openapi.OpenAPILoaderOptions', 'java.net.URI',
       'java.util.Map', 'java.util.concurrent.ConcurrentHashMap']
cases_of(case, GH + 'vert-x3/vertx-web/issues/1055',
         'vertx-web-openapi/' + src('io.vertx.ext.web.openapi.impl', 'RemoteRefResolver'),
         J('io.vertx.ext.web.openapi.impl', _VX)(VERTX_REFS), [
             (1, 'java-00-vertx-openapi-web-client-per-reference',
              'an edit creates a web client with its own connection pool for every remote reference and never closes '
              'it', 'edit'),
             (2, 'java-00-vertx-openapi-reference-fetch-without-timeout',
              'an edit drops the request timeout of the reference fetch, so a contract host that accepts and never '
              'answers stalls the router\'s creation', 'edit'),
             (0, 'java-ok-00-vertx-openapi-shared-web-client',
              'clean: the fix fetches every reference with the resolver\'s one client', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-07: the expirer and listener pools of an expiring map library (expiringmap)
EXPIRINGMAP = template('expiringmap-executors', r'''
    private static final Logger LOGGER = Logger.getLogger(ExpiringMap.class.getName());
    static volatile ScheduledExecutorService EXPIRER;
    static volatile ThreadPoolExecutor LISTENER_SERVICE;
    static ThreadFactory THREAD_FACTORY;

    private ExpiringMap(final Builder<K, V> builder) {
        if (EXPIRER == null) {
            synchronized (ExpiringMap.class) {
                if (EXPIRER == null) {
                    EXPIRER = Executors.newSingleThreadScheduledExecutor(
                        THREAD_FACTORY == null ? new NamedThreadFactory("ExpiringMap-Expirer") : THREAD_FACTORY);
                }
            }
        }

        if (LISTENER_SERVICE == null && builder.asyncExpirationListeners != null) {
            synchronized (ExpiringMap.class) {
                if (LISTENER_SERVICE == null) {
01|                    LISTENER_SERVICE = new ThreadPoolExecutor(1, LISTENER_THREADS, 3L, TimeUnit.MINUTES,
01|                        new ArrayBlockingQueue<>(LISTENER_QUEUE_SIZE),
01|                        THREAD_FACTORY == null ? new NamedThreadFactory("ExpiringMap-Listener-%s") : THREAD_FACTORY,
01|                        new ThreadPoolExecutor.CallerRunsPolicy());
2|                    LISTENER_SERVICE = (ThreadPoolExecutor) Executors.newCachedThreadPool( //@CONC-02
2|                        THREAD_FACTORY == null ? new NamedThreadFactory("ExpiringMap-Listener-%s") : THREAD_FACTORY);
                }
            }
        }

        variableExpiration = builder.variableExpiration;
        entries = variableExpiration ? new EntryTreeHashMap<K, V>() : new EntryLinkedHashMap<K, V>();
        expirationListeners = builder.expirationListeners == null ? null : new CopyOnWriteArrayList<>(builder.expirationListeners);
        asyncExpirationListeners = builder.asyncExpirationListeners == null ? null : new CopyOnWriteArrayList<>(builder.asyncExpirationListeners);
        expirationPolicy = new AtomicReference<>(builder.expirationPolicy);
        expirationNanos = new AtomicLong(TimeUnit.NANOSECONDS.convert(builder.duration, builder.timeUnit));
    }

    /**
     * Schedules the expiration of {@code entry}. One expirer thread serves every map of the JVM: a listener that
     * throws from it must not cancel the expirations scheduled after it.
     */
    void scheduleEntry(ExpiringEntry<K, V> entry) {
        final WeakReference<ExpiringEntry<K, V>> entryReference = new WeakReference<>(entry);
        Runnable expiration = () -> {
            ExpiringEntry<K, V> expiring = entryReference.get();
            if (expiring == null || !removeIfScheduled(expiring)) {
                return;
            }
            for (ExpirationListener<K, V> listener : expirationListeners) {
02|                try {
02|                    listener.expired(expiring.key, expiring.value);
02|                } catch (RuntimeException e) {
02|                    LOGGER.log(Level.WARNING, e, () -> "Expiration listener failed for key " + expiring.key);
02|                }
1|                listener.expired(expiring.key, expiring.value);
            }
        };
        entry.schedule(EXPIRER.schedule(expiration, entry.expectedExpiration.get() - System.nanoTime(), TimeUnit.NANOSECONDS)); //@{1}CONC-07
    }
''')
_EM = ['java.lang.ref.WeakReference', 'java.util.concurrent.ConcurrentMap', 'java.util.concurrent.CopyOnWriteArrayList',
       'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
       'java.util.concurrent.ThreadFactory', 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
       'java.util.concurrent.atomic.AtomicLong', 'java.util.concurrent.atomic.AtomicReference', 'java.util.logging.Level',
       'java.util.logging.Logger', 'net.jodah.expiringmap.internal.NamedThreadFactory']
cases_of(case, GH + 'jhalterman/expiringmap/issues/15', src('net.jodah.expiringmap', 'ExpiringMap'),
         JV('net.jodah.expiringmap', {0: _EM + ['java.util.concurrent.ArrayBlockingQueue'],
                                      1: _EM + ['java.util.concurrent.ArrayBlockingQueue'], 2: _EM})(
             'public class ExpiringMap<K, V> implements ConcurrentMap<K, V> {\n' + EXPIRINGMAP + '}\n'), [
             (1, 'java-00-expiringmap-expiration-listener-outside-catch',
              'an edit calls the expiration listeners on the shared expirer thread outside any catch, so one throwing '
              'listener kills the scheduled expirations of every map', 'edit'),
             (2, 'java-00-expiringmap-listener-pool-unbounded',
              'an edit runs asynchronous expiration listeners on a cached thread pool, so a slow listener grows a '
              'thread per expiring entry', 'edit'),
             (0, 'java-ok-00-expiringmap-expiration-listener-guarded',
              'clean: the fix guards every listener call with a catch that logs the failure', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: the SQL runner of an ORM extension (mybatis-plus), CRLF
MYBATIS_PLUS_RUNNER = template('mybatis-plus-sql-runner', r'''
/**
 * Runs plain SQL through MyBatis without a mapper. Each call borrows a session from the session factory of the
 * entity class and must hand it back: a session that is not closed keeps its pooled connection.
 */
public class SqlRunner implements ISqlRunner {

    private static final Log LOG = LogFactory.getLog(SqlRunner.class);

    private Class<?> clazz;

    public SqlRunner(Class<?> clazz) {
        this.clazz = clazz;
    }

    @Override
    public List<Map<String, Object>> selectList(String sql, Object... args) {
        SqlSession sqlSession = sqlSession();
        try { //@{1}RES-01
            return sqlSession.selectList(getSqlStatement(SqlMethod.SELECT_LIST), sqlMap(sql, args));
        } finally {
02|            closeSqlSession(sqlSession);
1|            closeSqlSession(sqlSession());
        }
    }

    @Override
    public long selectCount(String sql, Object... args) {
        SqlSession sqlSession = sqlSession();
        try {
            return SqlHelper.retCount(sqlSession.<Long>selectOne(getSqlStatement(SqlMethod.SELECT_COUNT), sqlMap(sql, args)));
2|        } catch (PersistenceException e) { //@ERR-01
2|            return 0L;
        } finally {
            closeSqlSession(sqlSession);
        }
    }

    private SqlSession sqlSession() {
        return SqlSessionUtils.getSqlSession(getSqlSessionFactory());
    }

    private void closeSqlSession(SqlSession sqlSession) {
        SqlSessionUtils.closeSqlSession(sqlSession, getSqlSessionFactory());
    }

    private SqlSessionFactory getSqlSessionFactory() {
        return Optional.ofNullable(clazz).map(GlobalConfigUtils::currentSessionFactory).orElseGet(SqlHelper::sqlSessionFactory);
    }
}
''')
_MP = ['com.baomidou.mybatisplus.core.enums.SqlMethod', 'com.baomidou.mybatisplus.core.toolkit.GlobalConfigUtils',
       'com.baomidou.mybatisplus.extension.toolkit.SqlHelper', 'java.util.List', 'java.util.Map', 'java.util.Optional',
       'org.apache.ibatis.logging.Log', 'org.apache.ibatis.logging.LogFactory', 'org.apache.ibatis.session.SqlSession',
       'org.apache.ibatis.session.SqlSessionFactory', 'org.mybatis.spring.SqlSessionUtils']
cases_of(case, GH + 'baomidou/mybatis-plus/issues/1380',
         'mybatis-plus-extension/' + src('com.baomidou.mybatisplus.extension.toolkit', 'SqlRunner'),
         JV('com.baomidou.mybatisplus.extension.toolkit', {0: _MP, 1: _MP,
                                                           2: _MP + ['org.apache.ibatis.exceptions.PersistenceException']})(
             MYBATIS_PLUS_RUNNER), [
             (1, 'java-00-mybatis-plus-select-list-closes-another-session',
              'an edit closes a newly borrowed session in selectList\'s finally instead of the one the query used, so '
              'every call leaks a pooled connection until the pool is exhausted; CRLF file', 'edit'),
             (2, 'java-00-mybatis-plus-count-failure-swallowed',
              'an edit turns a failed count query into a count of zero; CRLF file', 'edit'),
             (0, 'java-ok-00-mybatis-plus-select-list-closes-its-session',
              'clean: the fix closes the session the query used; CRLF file', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TIME-01 / CONC-03: a date adapter of a serialization library (gson)
GSON_DATES = template('gson-utc-date-adapter', r'''
/**
 * Writes and reads {@link Date} values in one pattern, in UTC, so that JSON produced on one machine reads back as
 * the same instant on another. One adapter instance is shared by every thread that uses its {@code Gson}.
 */
final class UtcDateTypeAdapter extends TypeAdapter<Date> {
    private final DateFormat dateFormat;

    UtcDateTypeAdapter(String pattern) {
        dateFormat = new SimpleDateFormat(pattern, Locale.US); //@{1}TIME-01
02|        dateFormat.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    @Override
    public void write(JsonWriter out, Date value) throws IOException {
        if (value == null) {
            out.nullValue();
            return;
        }
        String dateFormatAsString;
01|        synchronized (dateFormat) {
01|            dateFormatAsString = dateFormat.format(value);
01|        }
2|        dateFormatAsString = dateFormat.format(value); //@CONC-03
        out.value(dateFormatAsString);
    }

    @Override
    public Date read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        String s = in.nextString();
        synchronized (dateFormat) {
            try {
                return dateFormat.parse(s);
            } catch (ParseException e) {
                throw new JsonSyntaxException("Failed parsing '" + s + "' as Date; at path " + in.getPreviousPath(), e);
            }
        }
    }
}
''')
_GS = ['com.google.gson.JsonSyntaxException', 'com.google.gson.TypeAdapter', 'com.google.gson.stream.JsonReader',
       'com.google.gson.stream.JsonToken', 'com.google.gson.stream.JsonWriter', 'java.io.IOException',
       'java.text.DateFormat', 'java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date',
       'java.util.Locale']
cases_of(case, GH + 'google/gson/issues/281', 'gson/' + src('com.google.gson.internal.bind', 'UtcDateTypeAdapter'),
         JV('com.google.gson.internal.bind', {0: _GS + ['java.util.TimeZone'], 1: _GS,
                                              2: _GS + ['java.util.TimeZone']})(GSON_DATES), [
             (1, 'java-00-gson-date-adapter-in-default-zone',
              'an edit drops the UTC zone of the adapter\'s format, so dates are written and parsed in the JVM\'s '
              'default zone', 'edit'),
             (2, 'java-00-gson-date-adapter-format-shared-unsynchronized',
              'an edit formats dates with the shared SimpleDateFormat outside its lock, so concurrent writes corrupt '
              'each other\'s output', 'edit'),
             (0, 'java-ok-00-gson-date-adapter-in-utc',
              'clean: the fix sets the UTC zone on the adapter\'s format', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-02: the periodical reload strategy of a configuration library (cfg4j), moved
CFG4J_RELOAD = template('cfg4j-periodical-reload', r'''
/**
 * {@link ReloadStrategy} that reloads the resource periodically. Supports multiple resources. It spawns a tread.
 */
public class PeriodicalReloadStrategy implements ReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicalReloadStrategy.class);

    private final long duration;
    private final TimeUnit timeUnit;
    private final Map<Reloadable, ScheduledFuture<?>> tasks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cfg4j-periodical-reload");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Construct strategy that reloads resource periodically.
     *
     * @param duration time (in {@code timeUnit}) between reloads
     * @param timeUnit time unit to use
     */
    public PeriodicalReloadStrategy(long duration, TimeUnit timeUnit) {
        this.duration = duration;
        this.timeUnit = requireNonNull(timeUnit);
    }

    @Override
    public void register(Reloadable resource) {
01|        LOG.debug("Registering resource {} with reload time of {} {}", resource, duration, timeUnit);
2|        LOG.debug("Registering resource " + resource + " with reload time of " + duration + " " + timeUnit); //@LOG-02
        ScheduledFuture<?> task = executor.scheduleWithFixedDelay(() -> { //@{1}CONC-07
02|            try {
02|                resource.reload();
02|            } catch (Exception e) {
02|                LOG.warn("Periodical resource reload failed. Will re-try at the next scheduled time.", e);
02|            }
1|            resource.reload();
        }, duration, duration, timeUnit);
        tasks.put(resource, task);
    }

    @Override
    public void deregister(Reloadable resource) {
        LOG.debug("De-registering resource {}", resource);
        ScheduledFuture<?> task = tasks.remove(resource);
        if (task != null) {
            task.cancel(false);
        }
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }
}
''')
_CF = SLF4J + ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.Executors',
               'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
               'java.util.concurrent.TimeUnit']
_CF_NEW = _CF + ['org.cfg4j.source.reload.ReloadStrategy', 'org.cfg4j.source.reload.Reloadable']
cases_of(case, GH + 'cfg4j/cfg4j/pull/120',
         'cfg4j-core/' + src('org.cfg4j.source.reload.strategy', 'PeriodicalReloadStrategy'),
         lambda v: J('org.cfg4j.source.reload.strategy', _CF_NEW)(CFG4J_RELOAD)(v).replace(
             '\n\nimport ', '\n\nimport static java.util.Objects.requireNonNull;\n\nimport ', 1), [
             (1, 'java-00-cfg4j-moved-reload-task-without-catch',
              'a PR moves the reload strategy into its own package and schedules the reload without a catch, so one '
              'failed reload cancels every later one', 'rename'),
             (2, 'java-00-cfg4j-moved-registration-debug-log-concatenated',
              'a PR moves the reload strategy into its own package and concatenates its registration debug line',
              'rename'),
             (0, 'java-ok-00-cfg4j-moved-periodical-reload',
              'clean: the move alone; every reload is guarded and logged as a parameterised message', 'rename'),
         ], rename_from='cfg4j-core/' + src('org.cfg4j.source.reload', 'PeriodicalReloadStrategy'),
         rename_old=lambda t: t.replace('package org.cfg4j.source.reload.strategy;', 'package org.cfg4j.source.reload;').replace(
             'import org.cfg4j.source.reload.ReloadStrategy;\n', '').replace('import org.cfg4j.source.reload.Reloadable;\n', ''))


# ---------------------------------------------------------------- CONC-04 / LOG-02: the prepare filter of a web framework (struts)
STRUTS_PREPARE = template('struts-prepare-filter', r'''
/**
 * Prepares the request for the execution filter: encoding, locale, the action context and the action mapping. The
 * mapped action name is put in the log4j thread context for the rest of the request, so that every line logged
 * while it runs names the action; request threads are pooled, so the value must not outlive the request.
 */
public class StrutsPrepareFilter implements StrutsStatics, Filter {

    private static final Logger LOG = LogManager.getLogger(StrutsPrepareFilter.class);
    static final String ACTION_NAME_KEY = "struts.action";

    protected PrepareOperations prepare;
    protected List<Pattern> excludedPatterns;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;

        if (excludedPatterns != null && prepare.isUrlExcluded(request, excludedPatterns)) {
            request.setAttribute(REQUEST_EXCLUDED_FROM_ACTION_MAPPING, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(REQUEST_EXCLUDED_FROM_ACTION_MAPPING, Boolean.FALSE);
        prepare.setEncodingAndLocale(request, response);
        prepare.createActionContext(request, response);
        prepare.assignDispatcherToThread();
        request = prepare.wrapRequest(request);
        ActionMapping mapping = prepare.findActionMapping(request, response, true);
01|        LOG.debug("Mapped request [{}] to action [{}]", request.getRequestURI(), mapping);
2|        LOG.debug("Mapped request [" + request.getRequestURI() + "] to action [" + mapping + "]"); //@LOG-02
        ThreadContext.put(ACTION_NAME_KEY, mapping == null ? "-" : mapping.getName()); //@{1}CONC-04
02|        try {
02|            chain.doFilter(request, response);
02|        } finally {
02|            ThreadContext.remove(ACTION_NAME_KEY);
02|            prepare.cleanupRequest(request);
02|        }
1|        chain.doFilter(request, response);
1|        prepare.cleanupRequest(request);
    }

    @Override
    public void destroy() {
        prepare.cleanupDispatcher();
    }
}
''')
_ST = ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException',
       'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'jakarta.servlet.http.HttpServletRequest',
       'jakarta.servlet.http.HttpServletResponse', 'java.io.IOException', 'java.util.List', 'java.util.regex.Pattern',
       'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger', 'org.apache.logging.log4j.ThreadContext',
       'org.apache.struts2.StrutsStatics', 'org.apache.struts2.dispatcher.PrepareOperations',
       'org.apache.struts2.dispatcher.mapper.ActionMapping']
cases_of(case, GH + 'apache/struts/pull/648', 'core/' + src('org.apache.struts2.dispatcher.filter', 'StrutsPrepareFilter'),
         J('org.apache.struts2.dispatcher.filter', _ST)(STRUTS_PREPARE), [
             (1, 'java-00-struts-action-name-left-in-thread-context',
              'an edit puts the action name in the log4j thread context and never removes it, and cleans the request '
              'up only when the chain returns normally, so the next request on the pooled thread logs a stale action',
              'edit'),
             (2, 'java-00-struts-mapping-debug-log-concatenated',
              'an edit concatenates the mapping\'s debug line, building the string on every request with debug off',
              'edit'),
             (0, 'java-ok-00-struts-action-name-removed-in-finally',
              'clean: the fix removes the action name and cleans the request up in a finally block', 'fix'),
         ])
