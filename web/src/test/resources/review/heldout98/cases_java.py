"""Round-98 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TMO-01 / RES-04: service client of an OpenAI Java library (openai-java)
OPENAI = template('openai-java-service', r'''
public class OpenAiService {
    private static final String BASE_URL = "https://api.openai.com/";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper mapper = defaultObjectMapper();

    private final String token;
    private final OkHttpClient client;
    private final OpenAiApi api;
    private final ExecutorService executorService;

    public OpenAiService(final String token) {
        this(token, DEFAULT_TIMEOUT);
    }

    public OpenAiService(final String token, final Duration timeout) {
        this.token = token;
        this.client = defaultClient(token, timeout);
        this.api = defaultRetrofit(client, mapper).create(OpenAiApi.class);
        this.executorService = client.dispatcher().executorService();
    }

    public ChatCompletionResult createChatCompletion(ChatCompletionRequest request) {
        return execute(api.createChatCompletion(request));
    }

    /**
     * Runs one chat completion with its own read timeout, for prompts that need longer than the service default.
     */
    public ChatCompletionResult createChatCompletion(ChatCompletionRequest request, Duration timeout) {
01|        OkHttpClient callClient = client.newBuilder().readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
2|        OkHttpClient callClient = defaultClient(token, timeout); //@RES-04
        OpenAiApi callApi = defaultRetrofit(callClient, mapper).create(OpenAiApi.class);
        return execute(callApi.createChatCompletion(request));
    }

    public static <T> T execute(Single<T> apiCall) {
        return apiCall.blockingGet();
    }

    public void shutdownExecutor() {
        executorService.shutdown();
    }

    public static OkHttpClient defaultClient(String token, Duration timeout) {
        return new OkHttpClient.Builder() //@{1}TMO-01
                .addInterceptor(new AuthenticationInterceptor(token))
                .connectionPool(new ConnectionPool(5, 1, TimeUnit.SECONDS))
02|                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    public static ObjectMapper defaultObjectMapper() {
        return new ObjectMapper().findAndRegisterModules();
    }

    public static Retrofit defaultRetrofit(OkHttpClient client, ObjectMapper mapper) {
        return new Retrofit.Builder()
                .baseUrl(BASE_URL)
                .client(client)
                .addConverterFactory(JacksonConverterFactory.create(mapper))
                .addCallAdapterFactory(RxJava2CallAdapterFactory.create())
                .build();
    }
}
''')
cases_of(case, GH + 'TheoKanning/openai-java/issues/434', 'service/' + src('com.theokanning.openai.service', 'OpenAiService'),
         J('com.theokanning.openai.service', [
             'com.fasterxml.jackson.databind.ObjectMapper', 'com.theokanning.openai.client.OpenAiApi',
             'com.theokanning.openai.completion.chat.ChatCompletionRequest',
             'com.theokanning.openai.completion.chat.ChatCompletionResult', 'io.reactivex.Single',
             'java.time.Duration', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit',
             'okhttp3.ConnectionPool', 'okhttp3.OkHttpClient', 'retrofit2.Retrofit',
             'retrofit2.adapter.rxjava2.RxJava2CallAdapterFactory',
             'retrofit2.converter.jackson.JacksonConverterFactory'])(OPENAI), [
             (1, 'java-00-openai-java-default-client-without-read-timeout',
              'an edit drops the read timeout of the default OkHttp client, so a completion whose server stops '
              'sending blocks its caller for good', 'edit'),
             (2, 'java-00-openai-java-timeout-override-builds-client-per-call',
              'an edit builds a whole new default client (pool and dispatcher) for every completion with its own '
              'timeout', 'edit'),
             (0, 'java-ok-00-openai-java-read-timeout-and-derived-client',
              'clean: the default client has a read timeout and the override derives its client from the shared '
              'one', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: client pool of a vector database's Java SDK (milvus-sdk-java)
MILVUS = template('milvus-client-pool', r'''
public class ClientPool {
    private static final Logger logger = LoggerFactory.getLogger(ClientPool.class);

    private final GenericKeyedObjectPool<String, MilvusClientV2> clientPool;

    public ClientPool(PoolConfig poolConfig, ConnectConfig defaultConfig) {
        GenericKeyedObjectPoolConfig<MilvusClientV2> config = new GenericKeyedObjectPoolConfig<>();
        config.setMaxIdlePerKey(poolConfig.getMaxIdlePerKey());
        config.setMaxTotalPerKey(poolConfig.getMaxTotalPerKey());
        config.setMaxWait(poolConfig.getMaxBlockWaitDuration());
        config.setTestOnBorrow(true);
        this.clientPool = new GenericKeyedObjectPool<>(new PooledClientFactory(defaultConfig), config);
    }

    public MilvusClientV2 getClient(String key) {
        try {
            return clientPool.borrowObject(key);
        } catch (Exception e) { //@{2}ERR-01
01|            throw new MilvusClientException(ErrorCode.CLIENT_ERROR, "Failed to borrow a client for key " + key, e);
2|            logger.error("Failed to borrow a client for key {}", key, e);
2|            return null;
        }
    }

    public void returnClient(String key, MilvusClientV2 client) {
        clientPool.returnObject(key, client);
    }

    public void close() {
        logger.info("Closing the client pool with {} active clients", clientPool.getNumActive());
        clientPool.close();
    }

    static final class PooledClientFactory extends BaseKeyedPooledObjectFactory<String, MilvusClientV2> {
        private final ConnectConfig defaultConfig;
        private final Map<String, ConnectConfig> configForKey = new ConcurrentHashMap<>();

        PooledClientFactory(ConnectConfig defaultConfig) {
            this.defaultConfig = defaultConfig;
        }

        @Override
        public MilvusClientV2 create(String key) {
            ConnectConfig connectConfig = configForKey.getOrDefault(key, defaultConfig);
            MilvusClientV2 client = new MilvusClientV2(connectConfig);
            try { //@{1}RES-01
                client.useDatabase(connectConfig.getDbName());
            } catch (Exception e) {
02|                client.close();
                throw new MilvusClientException(ErrorCode.CLIENT_ERROR, "Failed to prepare a client for " + key, e);
            }
            return client;
        }

        @Override
        public PooledObject<MilvusClientV2> wrap(MilvusClientV2 client) {
            return new DefaultPooledObject<>(client);
        }

        @Override
        public boolean validateObject(String key, PooledObject<MilvusClientV2> p) {
            return p.getObject().clientIsReady();
        }

        @Override
        public void destroyObject(String key, PooledObject<MilvusClientV2> p) {
            p.getObject().close();
        }
    }
}
''')
cases_of(case, GH + 'milvus-io/milvus-sdk-java/pull/1757', src('io.milvus.pool', 'ClientPool'),
         J('io.milvus.pool', SLF4J + [
             'io.milvus.v2.client.ConnectConfig', 'io.milvus.v2.client.MilvusClientV2',
             'io.milvus.v2.exception.ErrorCode', 'io.milvus.v2.exception.MilvusClientException',
             'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
             'org.apache.commons.pool2.BaseKeyedPooledObjectFactory', 'org.apache.commons.pool2.PooledObject',
             'org.apache.commons.pool2.impl.DefaultPooledObject',
             'org.apache.commons.pool2.impl.GenericKeyedObjectPool',
             'org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig'])(MILVUS), [
             (1, 'java-00-milvus-pool-factory-leaks-client-when-prepare-fails',
              'an edit stops closing a freshly created client whose database cannot be selected, so each failed '
              'pool creation leaks a gRPC channel', 'edit'),
             (2, 'java-00-milvus-pool-borrow-failure-logged-and-null',
              'an edit turns a failure to borrow a client into an error log and a null, so callers fail later '
              'with a NullPointerException far from the cause', 'edit'),
             (0, 'java-ok-00-milvus-pool-closes-failed-client',
              'clean: the factory closes a client it could not prepare and borrow failures are thrown', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-01: parallel node executor of an agent graph framework (spring-ai-alibaba)
SAA = template('spring-ai-alibaba-parallel-node', r'''
public class ParallelNode extends Node {
    private static final Logger log = LoggerFactory.getLogger(ParallelNode.class);
    public static final String PARALLEL_PREFIX = "__PARALLEL__";
    private static final int QUEUE_CAPACITY = 1000;

    private static final ThreadFactory DEFAULT_THREAD_FACTORY = new ThreadFactory() {
        private final AtomicInteger counter = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "parallel-node-" + counter.incrementAndGet()); //@{2}CONC-01
            t.setDaemon(true);
01|            t.setUncaughtExceptionHandler((thread, e) -> log.error("Uncaught exception in {}", thread.getName(), e));
            return t;
        }
    };

    private static final ExecutorService DEFAULT_EXECUTOR = new ThreadPoolExecutor(corePoolSize(), maximumPoolSize(),
            60L, TimeUnit.SECONDS,
02|            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
1|            new LinkedBlockingQueue<>(), //@CONC-02
            DEFAULT_THREAD_FACTORY, new ThreadPoolExecutor.CallerRunsPolicy());

    static {
        log.info("Parallel node executor: core={}, max={}, queue={}", corePoolSize(), maximumPoolSize(), QUEUE_CAPACITY);
    }

    static int corePoolSize() {
        return Math.min(Math.max(Runtime.getRuntime().availableProcessors() * 2, 4), maximumPoolSize());
    }

    static int maximumPoolSize() {
        return Math.min(Runtime.getRuntime().availableProcessors() * 4, 200);
    }

    public ParallelNode(String id, List<AsyncNodeActionWithConfig> actions, Map<String, KeyStrategy> channels) {
        super(PARALLEL_PREFIX + id, config -> new AsyncParallelNodeAction(actions, channels, DEFAULT_EXECUTOR));
    }

    record AsyncParallelNodeAction(List<AsyncNodeActionWithConfig> actions, Map<String, KeyStrategy> channels,
            Executor executor) implements AsyncNodeActionWithConfig {

        @Override
        public CompletableFuture<Map<String, Object>> apply(OverAllState state, RunnableConfig config) {
            Map<String, Object> partial = new ConcurrentHashMap<>();
            CompletableFuture<?>[] branches = actions.stream()
                    .map(action -> CompletableFuture.supplyAsync(() -> action.apply(state, config), executor)
                            .thenCompose(future -> future)
                            .thenAccept(result -> OverAllState.updateState(partial, result, channels)))
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(branches).thenApply(ignored -> partial);
        }
    }
}
''')
_SAA = SLF4J + ['com.alibaba.cloud.ai.graph.KeyStrategy', 'com.alibaba.cloud.ai.graph.OverAllState',
                'com.alibaba.cloud.ai.graph.RunnableConfig',
                'com.alibaba.cloud.ai.graph.action.AsyncNodeActionWithConfig', 'java.util.List', 'java.util.Map',
                'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ConcurrentHashMap',
                'java.util.concurrent.Executor', 'java.util.concurrent.ExecutorService',
                'java.util.concurrent.ThreadFactory', 'java.util.concurrent.ThreadPoolExecutor',
                'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicInteger']
cases_of(case, GH + 'alibaba/spring-ai-alibaba/pull/3188',
         'spring-ai-alibaba-graph-core/' + src('com.alibaba.cloud.ai.graph.internal.node', 'ParallelNode'),
         JV('com.alibaba.cloud.ai.graph.internal.node', {
             0: _SAA + ['java.util.concurrent.ArrayBlockingQueue'],
             1: _SAA + ['java.util.concurrent.LinkedBlockingQueue'],
             2: _SAA + ['java.util.concurrent.ArrayBlockingQueue']})(SAA), [
             (1, 'java-00-spring-ai-alibaba-parallel-executor-unbounded-queue',
              'an edit gives the parallel node\'s executor an unbounded queue, so the pool never grows past its '
              'core, the caller-runs policy never applies and bursts of branches pile up in memory', 'edit'),
             (2, 'java-00-spring-ai-alibaba-parallel-thread-without-handler',
              'an edit drops the uncaught-exception handler of the parallel node\'s threads', 'edit'),
             (0, 'java-ok-00-spring-ai-alibaba-parallel-executor-bounded',
              'clean: a bounded queue with caller-runs back-pressure and threads with a handler', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: image classification service of a deep learning library's examples (djl)
DJL = template('djl-classification-service', r'''
/** Classifies images with one model loaded at start-up and shared by every request. */
public final class ImageClassificationService implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(ImageClassificationService.class);

    private final ZooModel<Image, Classifications> model;

    public ImageClassificationService(Criteria<Image, Classifications> criteria)
            throws ModelException, IOException {
        this.model = criteria.loadModel();
        logger.info("Loaded model {} on {}", model.getName(), model.getNDManager().getDevice());
    }

    /** Classifies one image; the example server calls it for every request it receives. */
    public Classifications classify(Path file) throws IOException, TranslateException {
        Image image = ImageFactory.getInstance().fromFile(file);
02|        try (Predictor<Image, Classifications> predictor = model.newPredictor()) {
02|            Classifications result = predictor.predict(image);
2|            logger.info("Classified {} as {}", file.getFileName(), result.best()); //@LOG-01
02|            return result;
02|        }
1|        Predictor<Image, Classifications> predictor = model.newPredictor(); //@RES-01
1|        return predictor.predict(image);
    }

    @Override
    public void close() {
        model.close();
    }
}
''')
cases_of(case, GH + 'deepjavalibrary/djl/issues/2727',
         'examples/' + src('ai.djl.examples.inference.cv', 'ImageClassificationService'),
         J('ai.djl.examples.inference.cv', SLF4J + [
             'ai.djl.ModelException', 'ai.djl.inference.Predictor', 'ai.djl.modality.Classifications',
             'ai.djl.modality.cv.Image', 'ai.djl.modality.cv.ImageFactory', 'ai.djl.repository.zoo.Criteria',
             'ai.djl.repository.zoo.ZooModel', 'ai.djl.translate.TranslateException', 'java.io.IOException',
             'java.nio.file.Path'])(DJL), [
             (1, 'java-00-djl-classify-predictor-never-closed',
              'an edit creates a predictor for every image and never closes it, so the native memory of each '
              'request stays allocated', 'edit'),
             (2, 'java-00-djl-classify-logs-every-request',
              'an edit logs every classification at info level on the per-request path', 'edit'),
             (0, 'java-ok-00-djl-classify-predictor-in-try-with-resources',
              'clean: the predictor is closed by try-with-resources and nothing is logged per request', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: tool executor of an agent framework (agentscope-java)
AGENTSCOPE = template('agentscope-tool-executor', r'''
/** Runs the tool calls of an agent's reasoning step, each on the tool pool and bounded by its timeout. */
public class ToolExecutor {
    private static final Logger log = LoggerFactory.getLogger(ToolExecutor.class);

    private final Toolkit toolkit;
    private final ExecutorService toolPool;
    private final ExecutorService hookPool;
    private final List<ToolHook> hooks;

    public ToolExecutor(Toolkit toolkit, ExecutorService toolPool, ExecutorService hookPool, List<ToolHook> hooks) {
        this.toolkit = toolkit;
        this.toolPool = toolPool;
        this.hookPool = hookPool;
        this.hooks = List.copyOf(hooks);
    }

    /**
     * Runs one tool call and waits for it at most {@code timeout}; an interrupt of the agent's thread stops the call
     * and the agent.
     */
    public ToolResultBlock execute(ToolUseBlock call, Duration timeout) {
        AgentTool tool = toolkit.getTool(call.getName());
        Future<ToolResultBlock> running = toolPool.submit(() -> tool.call(call.getInput()));
        notifyHooks(call);
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) { //@{1}CONC-05
            running.cancel(true);
02|            Thread.currentThread().interrupt();
02|            throw new AgentInterruptedException("Tool " + call.getName() + " was interrupted", e);
1|            log.warn("Tool {} was interrupted, answering with an error result", call.getName());
1|            return ToolResultBlock.error("Tool " + call.getName() + " was interrupted");
        } catch (TimeoutException e) {
            running.cancel(true);
            return ToolResultBlock.error("Tool " + call.getName() + " timed out after " + timeout);
        } catch (ExecutionException e) {
            return ToolResultBlock.error("Tool " + call.getName() + " failed: " + e.getCause().getMessage());
        }
    }

    private void notifyHooks(ToolUseBlock call) {
        for (ToolHook hook : hooks) {
01|            hookPool.execute(() -> {
01|                try {
01|                    hook.onToolCall(call);
01|                } catch (RuntimeException e) {
01|                    log.warn("Hook {} failed on tool call {}", hook.getClass().getSimpleName(), call.getId(), e);
01|                }
01|            });
2|            hookPool.submit(() -> hook.onToolCall(call)); //@CONC-06
        }
    }
}
''')
cases_of(case, GH + 'agentscope-ai/agentscope-java/issues/1036',
         'agentscope-core/' + src('io.agentscope.core.tool', 'ToolExecutor'),
         J('io.agentscope.core.tool', SLF4J + [
             'io.agentscope.core.exception.AgentInterruptedException', 'io.agentscope.core.hook.ToolHook',
             'io.agentscope.core.message.ToolResultBlock', 'io.agentscope.core.message.ToolUseBlock',
             'java.time.Duration', 'java.util.List', 'java.util.concurrent.ExecutionException',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.TimeoutException'])(AGENTSCOPE), [
             (1, 'java-00-agentscope-tool-interrupt-answered-with-error-result',
              'an edit answers an interrupted tool wait with an error result instead of restoring the flag and '
              'stopping, so an interrupted agent goes on reasoning', 'edit'),
             (2, 'java-00-agentscope-hooks-submitted-and-futures-dropped',
              'an edit submits each tool hook and drops its future, so a hook that throws fails silently', 'edit'),
             (0, 'java-ok-00-agentscope-tool-interrupt-restored-and-hooks-guarded',
              'clean: the interrupt is restored and rethrown, and hooks run through execute with their own catch',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-03: merge executor of a vector search plugin (k-NN)
KNN = template('knn-merge-executor', r'''
public class KNN9120PerFieldKnnVectorsFormat extends BasePerFieldKnnVectorsFormat {
    private static final Logger log = LogManager.getLogger(KNN9120PerFieldKnnVectorsFormat.class);

    private static ExecutorService mergeExecutor;
    private static int mergeExecutorThreads;

    public KNN9120PerFieldKnnVectorsFormat(final Optional<MapperService> mapperService) {
        super(mapperService, KNNConstants.DEFAULT_MAX_CONNECTIONS, KNNConstants.DEFAULT_BEAM_WIDTH,
                () -> new Lucene99HnswVectorsFormat(), KNN9120PerFieldKnnVectorsFormat::getMergeThreadCountAndExecutorService);
    }

    /** Called for every field of every segment that is flushed or merged. */
    private static Tuple<Integer, ExecutorService> getMergeThreadCountAndExecutorService() {
        int threads = KNNSettings.getIndexThreadQty();
        if (threads <= 1) {
            shutdownMergeExecutor();
            return Tuple.tuple(1, null);
        }
1|        return Tuple.tuple(threads, Executors.newFixedThreadPool(threads)); //@RES-04
02|        return Tuple.tuple(threads, mergeExecutor(threads));
    }

0|    private static synchronized ExecutorService mergeExecutor(int threads) {
2|    private static ExecutorService mergeExecutor(int threads) { //@CONC-03
02|        if (mergeExecutor == null || mergeExecutorThreads != threads) {
02|            ExecutorService previous = mergeExecutor;
02|            mergeExecutor = Executors.newFixedThreadPool(threads, OpenSearchExecutors.daemonThreadFactory("knn-merge"));
02|            mergeExecutorThreads = threads;
02|            if (previous != null) {
02|                log.info("Index thread count changed to {}, replacing the merge executor", threads);
02|                previous.shutdown();
02|            }
02|        }
02|        return mergeExecutor;
02|    }

    private static synchronized void shutdownMergeExecutor() {
        if (mergeExecutor != null) {
            mergeExecutor.shutdown();
            mergeExecutor = null;
            mergeExecutorThreads = 0;
        }
    }
}
''')
cases_of(case, GH + 'opensearch-project/k-NN/pull/3119',
         src('org.opensearch.knn.index.codec.KNN9120Codec', 'KNN9120PerFieldKnnVectorsFormat'),
         J('org.opensearch.knn.index.codec.KNN9120Codec', [
             'java.util.Optional', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
             'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger',
             'org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat', 'org.opensearch.common.collect.Tuple',
             'org.opensearch.common.util.concurrent.OpenSearchExecutors', 'org.opensearch.index.mapper.MapperService',
             'org.opensearch.knn.common.KNNConstants', 'org.opensearch.knn.index.KNNSettings',
             'org.opensearch.knn.index.codec.BasePerFieldKnnVectorsFormat'])(KNN), [
             (1, 'java-00-knn-merge-builds-fixed-pool-per-call',
              'an edit builds a fixed thread pool on every flush and merge of every vector field and never shuts '
              'it down, so continuous indexing piles up tens of thousands of threads', 'edit'),
             (2, 'java-00-knn-merge-executor-replaced-without-lock',
              'an edit drops the synchronization of the shared merge executor\'s lazy replacement, so concurrent '
              'merges race on the static fields and can leak or use a shut-down executor', 'edit'),
             (0, 'java-ok-00-knn-merge-executor-cached-and-synchronized',
              'clean: one cached executor per thread count, created and replaced under the class lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-03: SSE streaming of an LLM service's Java SDK (dashscope-sdk-java)
DASHSCOPE = template('dashscope-okhttp-streaming', r'''
public class OkHttpHttpClient implements HalfDuplexClient {
    private final OkHttpClient client;
01|    private final Set<EventSource> activeEventSources = ConcurrentHashMap.newKeySet();
2|    private final Set<EventSource> activeEventSources = new HashSet<>(); //@CONC-03

    public OkHttpHttpClient(OkHttpClient client) {
        this.client = client;
    }

    @Override
    public Flowable<DashScopeResult> streamOut(HalfDuplexRequest req) {
        return Flowable.create(emitter -> {
            Request request = buildRequest(req);
            EventSourceListener listener = new StreamListener(emitter);
            EventSource eventSource = EventSources.createFactory(client).newEventSource(request, listener); //@{1}RES-01
            activeEventSources.add(eventSource);
02|            emitter.setCancellable(() -> {
02|                activeEventSources.remove(eventSource);
02|                eventSource.cancel();
02|            });
        }, BackpressureStrategy.BUFFER);
    }

    @Override
    public void close() {
        for (EventSource eventSource : activeEventSources) {
            eventSource.cancel();
        }
        activeEventSources.clear();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private final class StreamListener extends EventSourceListener {
        private final FlowableEmitter<DashScopeResult> emitter;

        StreamListener(FlowableEmitter<DashScopeResult> emitter) {
            this.emitter = emitter;
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            emitter.onNext(DashScopeResult.fromEvent(id, type, data));
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            activeEventSources.remove(eventSource);
            emitter.onError(ApiException.fromFailure(t, response));
        }

        @Override
        public void onClosed(EventSource eventSource) {
            activeEventSources.remove(eventSource);
            emitter.onComplete();
        }
    }
}
''')
_DS = ['com.alibaba.dashscope.common.DashScopeResult', 'com.alibaba.dashscope.exception.ApiException',
       'com.alibaba.dashscope.protocol.HalfDuplexClient', 'com.alibaba.dashscope.protocol.HalfDuplexRequest',
       'io.reactivex.BackpressureStrategy', 'io.reactivex.Flowable', 'io.reactivex.FlowableEmitter',
       'java.util.Set', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response', 'okhttp3.sse.EventSource',
       'okhttp3.sse.EventSourceListener', 'okhttp3.sse.EventSources']
cases_of(case, GH + 'dashscope/dashscope-sdk-java/pull/227',
         src('com.alibaba.dashscope.protocol.okhttp', 'OkHttpHttpClient'),
         JV('com.alibaba.dashscope.protocol.okhttp', {
             0: _DS + ['java.util.concurrent.ConcurrentHashMap'], 1: _DS + ['java.util.concurrent.ConcurrentHashMap'],
             2: _DS + ['java.util.HashSet']})(DASHSCOPE), [
             (1, 'java-00-dashscope-stream-event-source-not-cancelled-on-dispose',
              'an edit stops cancelling the event source when the subscriber disposes the stream, so every '
              'abandoned streaming call keeps its connection open', 'edit'),
             (2, 'java-00-dashscope-active-event-sources-plain-hash-set',
              'an edit keeps the active event sources in a plain HashSet that OkHttp\'s dispatcher threads and '
              'callers change concurrently', 'edit'),
             (0, 'java-ok-00-dashscope-stream-cancelled-on-dispose',
              'clean: a concurrent set and a cancellable that cancels the event source', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-02: HTTP client of a generative AI Java SDK (java-genai)
GENAI = template('java-genai-http-client', r'''
/** Base client for the HTTP APIs of the Gemini Developer API and Vertex AI. */
final class HttpApiClient extends ApiClient {
    private static final Logger logger = Logger.getLogger(HttpApiClient.class.getName());
    private static final long DEFAULT_TIMEOUT_MS = 600_000L;

    private final OkHttpClient httpClient;

    HttpApiClient(Optional<String> apiKey, Optional<HttpOptions> httpOptions, Optional<ClientOptions> clientOptions) {
        super(apiKey, httpOptions, clientOptions);
        this.httpClient = createHttpClient(httpOptions.flatMap(HttpOptions::timeout), clientOptions);
    }

    private static OkHttpClient createHttpClient(Optional<Integer> timeoutMs, Optional<ClientOptions> clientOptions) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO);
02|        builder.callTimeout(Duration.ofMillis(timeoutMs.map(Integer::longValue).orElse(DEFAULT_TIMEOUT_MS)));
1|        builder.connectTimeout(Duration.ofMillis(timeoutMs.map(Integer::longValue).orElse(DEFAULT_TIMEOUT_MS))); //@TMO-01
        clientOptions.flatMap(ClientOptions::maxConnections).ifPresent(max -> {
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(max);
            builder.dispatcher(dispatcher);
        });
        return builder.build();
    }

    @Override
    public ApiResponse request(String httpMethod, String path, String requestJson, Optional<HttpOptions> options) {
        String url = baseUrl(options) + "/" + path;
01|        logger.log(Level.FINE, "Sending {0} request to {1}", new Object[] {httpMethod, url});
2|        logger.fine("Sending " + httpMethod + " request to " + url + " with body " + requestJson); //@LOG-02
        Request request = buildRequest(httpMethod, url, requestJson, options);
        try {
            return new HttpApiResponse(httpClient.newCall(request).execute());
        } catch (IOException e) {
            throw new GenAiIOException("Failed to execute HTTP request.", e);
        }
    }
}
''')
_GENAI = ['com.google.genai.errors.GenAiIOException', 'com.google.genai.types.ClientOptions',
          'com.google.genai.types.HttpOptions', 'java.io.IOException', 'java.time.Duration', 'java.util.Optional',
          'java.util.logging.Logger', 'okhttp3.Dispatcher', 'okhttp3.OkHttpClient', 'okhttp3.Request']
cases_of(case, GH + 'googleapis/java-genai/issues/548', src('com.google.genai', 'HttpApiClient'),
         JV('com.google.genai', {0: _GENAI + ['java.util.logging.Level'], 1: _GENAI + ['java.util.logging.Level'],
                                 2: _GENAI})(GENAI), [
             (1, 'java-00-java-genai-only-connect-timeout-with-read-disabled',
              'an edit bounds only the connect of a client whose read and write timeouts are disabled, so a '
              'generation whose server stops sending hangs its caller for good', 'edit'),
             (2, 'java-00-java-genai-request-log-concatenates-body',
              'an edit concatenates the method, URL and request body into a fine-level log message built on every '
              'request', 'edit'),
             (0, 'java-ok-00-java-genai-call-timeout-and-parameterised-log',
              'clean: a call timeout bounds every request and the log message is parameterised', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-04: SSE relay of a ChatGPT Java client (chatgpt-java), new file
CHATGPT = template('chatgpt-java-sse-relay', r'''
/**
 * Relays a streamed chat completion to a Spring {@link SseEmitter}: the upstream stream is read on the relay
 * executor and every data line is forwarded as one event.
 */
public class SseEmitterRelay {
    private static final Logger log = LoggerFactory.getLogger(SseEmitterRelay.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final ObjectMapper mapper;
    private final Executor executor;
    private final String apiHost;
    private final String apiKey;

    public SseEmitterRelay(OkHttpClient client, ObjectMapper mapper, Executor executor, String apiHost, String apiKey) {
        this.client = client;
        this.mapper = mapper;
        this.executor = executor;
        this.apiHost = apiHost;
        this.apiKey = apiKey;
    }

    public SseEmitter relay(String conversationId, ChatCompletion completion) {
        SseEmitter emitter = new SseEmitter(0L);
        executor.execute(() -> stream(conversationId, completion, emitter));
        return emitter;
    }

    private void stream(String conversationId, ChatCompletion completion, SseEmitter emitter) {
        MDC.put("conversationId", conversationId); //@{2}CONC-04
02|        try (Response response = client.newCall(buildRequest(completion)).execute()) {
1|        try {
1|            Response response = client.newCall(buildRequest(completion)).execute(); //@RES-02
            if (!response.isSuccessful() || response.body() == null) {
                emitter.completeWithError(new ChatException("Upstream answered " + response.code()));
                return;
            }
            BufferedSource source = response.body().source();
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (!line.startsWith("data: ")) {
                    continue;
                }
                String data = line.substring("data: ".length());
                if ("[DONE]".equals(data)) {
                    break;
                }
                emitter.send(SseEmitter.event().data(data));
            }
            emitter.complete();
        } catch (IOException e) {
            log.warn("Relaying the chat stream failed", e);
            emitter.completeWithError(e);
01|        } finally {
01|            MDC.remove("conversationId");
        }
    }

    private Request buildRequest(ChatCompletion completion) throws IOException {
        completion.setStream(true);
        return new Request.Builder()
                .url(apiHost + "v1/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(mapper.writeValueAsString(completion), JSON))
                .build();
    }
}
''')
cases_of(case, GH + 'PlexPt/chatgpt-java/issues/121', src('com.plexpt.chatgpt.sse', 'SseEmitterRelay'),
         J('com.plexpt.chatgpt.sse', SLF4J + [
             'com.fasterxml.jackson.databind.ObjectMapper', 'com.plexpt.chatgpt.entity.chat.ChatCompletion',
             'com.plexpt.chatgpt.exception.ChatException', 'java.io.IOException', 'java.util.concurrent.Executor',
             'okhttp3.MediaType', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.RequestBody',
             'okhttp3.Response', 'okio.BufferedSource', 'org.slf4j.MDC',
             'org.springframework.web.servlet.mvc.method.annotation.SseEmitter'])(CHATGPT), [
             (1, 'java-00-chatgpt-java-new-relay-response-never-closed',
              'a new SSE relay executes the upstream call and never closes its response, so every relayed chat '
              'keeps an OkHttp connection checked out', 'new'),
             (2, 'java-00-chatgpt-java-new-relay-mdc-never-removed',
              'a new SSE relay puts the conversation id into the MDC of a pooled executor thread and never '
              'removes it', 'new'),
             (0, 'java-ok-00-chatgpt-java-new-relay',
              'clean: a new relay whose response is closed by try-with-resources and whose MDC entry is removed in '
              'a finally block', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / TIME-01: worker thread of a model server (multi-model-server), CRLF file
MMS = template('mms-worker-thread', r'''
public class WorkerThread implements Runnable {
    private static final Logger logger = LoggerFactory.getLogger(WorkerThread.class);
    private static final Logger metricsLogger = LoggerFactory.getLogger(ConfigManager.MODEL_SERVER_METRICS_LOGGER);

    private final Model model;
    private final BatchAggregator aggregator;
    private final ArrayBlockingQueue<ModelWorkerResponse> replies = new ArrayBlockingQueue<>(1);
    private final LatencyHistogram latency = new LatencyHistogram();
    private final String hostname;
    private final int responseTimeout;
    private Channel backendChannel;
    private volatile boolean running = true;

    public WorkerThread(Model model, BatchAggregator aggregator, String hostname, int responseTimeout) {
        this.model = model;
        this.aggregator = aggregator;
        this.hostname = hostname;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public void run() {
        try {
            while (running) {
                BaseModelRequest req = aggregator.getRequest(backendChannel.id().asLongText());
                backendChannel.writeAndFlush(req).sync();
                long begin = System.currentTimeMillis();
                ModelWorkerResponse reply = replies.poll(responseTimeout, TimeUnit.SECONDS);
                long duration = System.currentTimeMillis() - begin;
                latency.record(duration);
1|                logger.info("Backend response time for {}: {} ms", model.getModelName(), duration); //@LOG-01
                if (reply == null) {
                    throw new WorkerInitializationException("Backend worker did not respond in " + responseTimeout + " s");
                }
                aggregator.sendResponse(reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WorkerInitializationException e) {
            logger.error("Backend worker error", e);
        }
    }

    /** Called by the metrics reporter once a minute. */
    void flushMetrics() {
        LatencyHistogram.Snapshot snapshot = latency.snapshotAndReset();
        emitMetric("BackendLatencyP50", snapshot.p50(), "Milliseconds");
        emitMetric("BackendLatencyP99", snapshot.p99(), "Milliseconds");
        emitMetric("BackendRequests", snapshot.count(), "Count");
    }

    private void emitMetric(String name, long value, String unit) {
01|        String timestamp = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
2|        String timestamp = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss").format(new Date()); //@TIME-01
        metricsLogger.info("{}.{}:{}|#Level:Host,Model:{}|#hostname:{},timestamp:{}",
                name, unit, value, model.getModelName(), hostname, timestamp);
    }

    public void shutdown() {
        running = false;
    }
}
''')
_MMS = SLF4J + ['com.amazonaws.ml.mms.util.ConfigManager', 'com.amazonaws.ml.mms.util.messages.BaseModelRequest',
                'com.amazonaws.ml.mms.util.messages.ModelWorkerResponse', 'io.netty.channel.Channel',
                'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'awslabs/multi-model-server/issues/56',
         'frontend/server/' + src('com.amazonaws.ml.mms.wlm', 'WorkerThread'),
         JV('com.amazonaws.ml.mms.wlm', {
             0: _MMS + ['java.time.Instant', 'java.time.format.DateTimeFormatter'],
             1: _MMS + ['java.time.Instant', 'java.time.format.DateTimeFormatter'],
             2: _MMS + ['java.text.SimpleDateFormat', 'java.util.Date']})(MMS), [
             (1, 'java-00-mms-worker-logs-every-response-time',
              'an edit logs the backend response time of every inference request at info level', 'edit'),
             (2, 'java-00-mms-metric-timestamp-in-local-zone',
              'an edit stamps the metric lines with a SimpleDateFormat in the server\'s default zone, without an '
              'offset', 'edit'),
             (0, 'java-ok-00-mms-worker-records-latency-and-utc-timestamps',
              'clean: latencies go into a histogram flushed once a minute and metric timestamps are UTC instants',
              'fix'),
         ], crlf=True)
