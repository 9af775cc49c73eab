"""Round-97 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-04 / CONC-07: scheduled dispatch of a GraphQL data loader registry (graphql-java/java-dataloader)
DATALOADER = template('java-dataloader-scheduled-registry', r'''
/**
 * A {@link DataLoaderRegistry} that dispatches a data loader only when its predicate says so, and otherwise checks
 * again after the schedule. Services build one registry per GraphQL request, so the registry must not own threads of
 * its own: unless the caller passes a scheduler, every registry shares the default one.
 */
public class ScheduledDataLoaderRegistry extends DataLoaderRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledDataLoaderRegistry.class);

    private final ScheduledExecutorService scheduledExecutorService;
    private final DispatchPredicate dispatchPredicate;
    private final Duration schedule;
    private volatile boolean closed;

    private ScheduledDataLoaderRegistry(Builder builder) {
        super();
        this.dataLoaders.putAll(builder.dataLoaders);
        this.scheduledExecutorService = builder.scheduledExecutorService;
        this.dispatchPredicate = builder.dispatchPredicate;
        this.schedule = builder.schedule;
        this.closed = false;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void dispatchAll() {
        dataLoaders.forEach(this::dispatchOrReschedule);
    }

    private void dispatchOrReschedule(String key, DataLoader<?, ?> dataLoader) {
        if (dispatchPredicate.test(key, dataLoader)) {
            dataLoader.dispatch();
        } else if (dataLoader.dispatchDepth() > 0) {
            reschedule(key, dataLoader);
        }
    }

    private void reschedule(String key, DataLoader<?, ?> dataLoader) {
        if (closed) {
            return;
        }
        scheduledExecutorService.schedule(() -> { //@{2}CONC-07
01|            try {
                dispatchOrReschedule(key, dataLoader);
01|            } catch (RuntimeException e) {
01|                LOG.warn("Scheduled dispatch of data loader '{}' failed, checking again after {}", key, schedule, e);
01|                reschedule(key, dataLoader);
01|            }
        }, schedule.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static Builder newScheduledRegistry() {
        return new Builder();
    }

    public static class Builder {
        private final Map<String, DataLoader<?, ?>> dataLoaders = new LinkedHashMap<>();
        private ScheduledExecutorService scheduledExecutorService;
        private DispatchPredicate dispatchPredicate = DispatchPredicate.DISPATCH_ALWAYS;
        private Duration schedule = Duration.ofMillis(10);

        public Builder scheduledExecutorService(ScheduledExecutorService executorService) {
            this.scheduledExecutorService = nonNull(executorService);
            return this;
        }

        public Builder schedule(Duration schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder register(String key, DataLoader<?, ?> dataLoader) {
            dataLoaders.put(key, dataLoader);
            return this;
        }

        public Builder dispatchPredicate(DispatchPredicate dispatchPredicate) {
            this.dispatchPredicate = dispatchPredicate;
            return this;
        }

        public ScheduledDataLoaderRegistry build() {
            if (scheduledExecutorService == null) {
02|                scheduledExecutorService = DefaultScheduler.shared();
1|                scheduledExecutorService = Executors.newSingleThreadScheduledExecutor(); //@RES-04
            }
            return new ScheduledDataLoaderRegistry(this);
        }
    }
}
''')
cases_of(case, GH + 'graphql-java/java-dataloader/pull/135',
         src('org.dataloader.registries', 'ScheduledDataLoaderRegistry'),
         JV('org.dataloader.registries', {
             0: SLF4J + ['java.time.Duration', 'java.util.LinkedHashMap', 'java.util.Map',
                         'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                         'org.dataloader.DataLoader', 'org.dataloader.DataLoaderRegistry',
                         'static org.dataloader.impl.Assertions.nonNull'],
             1: SLF4J + ['java.time.Duration', 'java.util.LinkedHashMap', 'java.util.Map',
                         'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
                         'java.util.concurrent.TimeUnit', 'org.dataloader.DataLoader',
                         'org.dataloader.DataLoaderRegistry', 'static org.dataloader.impl.Assertions.nonNull'],
             2: SLF4J + ['java.time.Duration', 'java.util.LinkedHashMap', 'java.util.Map',
                         'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                         'org.dataloader.DataLoader', 'org.dataloader.DataLoaderRegistry',
                         'static org.dataloader.impl.Assertions.nonNull']})(DATALOADER), [
             (1, 'java-00-java-dataloader-scheduler-per-registry',
              'an edit gives every registry built without a scheduler a single-thread scheduler of its own, so a '
              'service that builds one registry per request starts a thread per request and never stops it', 'edit'),
             (2, 'java-00-java-dataloader-rescheduled-dispatch-without-catch',
              'an edit drops the catch around the scheduled dispatch, so one failing predicate or batch loader ends '
              'the rescheduling and the waiting loads never dispatch', 'edit'),
             (0, 'java-ok-00-java-dataloader-shared-default-scheduler',
              'clean: the fix uses one shared default scheduler for registries built without one', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: operation execution of a GraphQL engine (graphql-java)
GRAPHQLJAVA = template('graphql-java-execution', r'''
@Internal
public class Execution {
    private static final Logger log = LoggerFactory.getLogger(Execution.class);

    private final FieldCollector fieldCollector = new FieldCollector();

    private final ExecutionStrategy queryStrategy;
    private final ExecutionStrategy mutationStrategy;
    private final ExecutionStrategy subscriptionStrategy;
    private final Instrumentation instrumentation;

    public Execution(ExecutionStrategy queryStrategy, ExecutionStrategy mutationStrategy,
                     ExecutionStrategy subscriptionStrategy, Instrumentation instrumentation) {
        this.queryStrategy = queryStrategy;
        this.mutationStrategy = mutationStrategy;
        this.subscriptionStrategy = subscriptionStrategy;
        this.instrumentation = instrumentation;
    }

    private CompletableFuture<ExecutionResult> executeOperation(ExecutionContext executionContext, Object root,
                                                                OperationDefinition operationDefinition) {
        GraphQLObjectType operationRootType = getOperationRootType(executionContext.getGraphQLSchema(), operationDefinition);
02|        if (log.isDebugEnabled()) {
02|            log.debug("Executing '{}'. operation name: '{}'. variables '{}'", executionContext.getExecutionId(),
02|                    operationDefinition.getName(), executionContext.getCoercedVariables());
02|        }
1|        log.debug("Executing '" + executionContext.getExecutionId() + "'. operation name: '" + operationDefinition.getName() //@LOG-02
1|                + "'. variables '" + executionContext.getCoercedVariables() + "'");

        MergedSelectionSet fields = fieldCollector.collectFields(collectorParameters(executionContext, operationRootType),
                operationDefinition.getSelectionSet());
        ResultPath path = ResultPath.rootPath();
        ExecutionStepInfo executionStepInfo = newExecutionStepInfo().type(operationRootType).path(path).build();
        NonNullableFieldValidator nonNullableFieldValidator = new NonNullableFieldValidator(executionContext, executionStepInfo);

        ExecutionStrategyParameters parameters = newParameters()
                .executionStepInfo(executionStepInfo)
                .source(root)
                .fields(fields)
                .nonNullFieldValidator(nonNullableFieldValidator)
                .path(path)
                .build();

        ExecutionStrategy executionStrategy = strategyFor(operationDefinition.getOperation());
2|        log.info("Executing operation '{}' of {} fields with {}", operationDefinition.getName(), fields.size(), //@LOG-01
2|                executionStrategy.getClass().getSimpleName());
        CompletableFuture<ExecutionResult> result;
        try {
            result = executionStrategy.execute(executionContext, parameters);
        } catch (NonNullableFieldWasNullException e) {
            result = completedFuture(new ExecutionResultImpl(null, executionContext.getErrors()));
        }
        return result;
    }

    private ExecutionStrategy strategyFor(OperationDefinition.Operation operation) {
        switch (operation) {
            case MUTATION:
                return mutationStrategy;
            case SUBSCRIPTION:
                return subscriptionStrategy;
            default:
                return queryStrategy;
        }
    }
}
''')
cases_of(case, GH + 'graphql-java/graphql-java/issues/1929', src('graphql.execution', 'Execution'),
         J('graphql.execution', SLF4J + ['graphql.ExecutionResult', 'graphql.ExecutionResultImpl', 'graphql.Internal',
                                         'graphql.execution.instrumentation.Instrumentation',
                                         'graphql.language.OperationDefinition', 'graphql.schema.GraphQLObjectType',
                                         'java.util.concurrent.CompletableFuture',
                                         'static graphql.execution.ExecutionStepInfo.newExecutionStepInfo',
                                         'static graphql.execution.ExecutionStrategyParameters.newParameters',
                                         'static java.util.concurrent.CompletableFuture.completedFuture'])(GRAPHQLJAVA), [
             (1, 'java-00-graphql-java-operation-debug-concatenated',
              'an edit drops the debug guard and concatenates the operation\'s id, name and variables into the debug '
              'message, so every request renders the variables even with debug logging off', 'edit'),
             (2, 'java-00-graphql-java-operation-logged-at-info',
              'an edit logs every executed operation at info level, so a busy server writes a line per request', 'edit'),
             (0, 'java-ok-00-graphql-java-operation-debug-guarded',
              'clean: the fix guards the parameterised debug line with isDebugEnabled', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: retry interceptor of a cloud API's SDK core (microsoftgraph/msgraph-sdk-java-core)
MSGRAPH = template('msgraph-retry-handler', r'''
/**
 * Retries requests that failed with 429, 503 or 504, waiting as long as the service asks in Retry-After or with an
 * exponential back-off otherwise.
 */
public class RetryHandler implements Interceptor {
    private static final String RETRY_ATTEMPT_HEADER = "Retry-Attempt";
    private static final String RETRY_AFTER = "Retry-After";
    private static final long DELAY_MILLISECONDS = 1000;

    private final ILogger logger;
    private final RetryOptions mRetryOption;

    public RetryHandler(ILogger logger, RetryOptions retryOption) {
        this.logger = logger;
        this.mRetryOption = retryOption != null ? retryOption : new RetryOptions();
    }

    boolean retryRequest(Response response, int executionCount, Request request, RetryOptions retryOptions) {
        boolean shouldRetry = executionCount <= retryOptions.maxRetries()
                && checkStatus(response.code()) && isBuffered(request)
                && retryOptions.shouldRetry().shouldRetry(retryOptions.delay(), executionCount, request, response);
        if (!shouldRetry) {
            return false;
        }
        long retryInterval = getRetryAfter(response, retryOptions.delay(), executionCount);
        try {
            Thread.sleep(retryInterval);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            logger.logError("Interrupted while waiting to retry the request", e);
02|            return false;
        }
        return true;
    }

    long getRetryAfter(Response response, long delay, int executionCount) {
        String retryAfterHeader = response.header(RETRY_AFTER);
        if (retryAfterHeader != null) {
            try {
                return Long.parseLong(retryAfterHeader) * DELAY_MILLISECONDS;
            } catch (NumberFormatException e) {
                logger.logDebug("Retry-After is not a number of seconds, using the back-off instead");
            }
        }
        return (long) Math.pow(2.0, executionCount) * delay * DELAY_MILLISECONDS;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RetryOptions retryOption = request.tag(RetryOptions.class);
        if (retryOption == null) {
            retryOption = mRetryOption;
        }

        Response response = chain.proceed(request);
        int executionCount = 1;
        while (retryRequest(response, executionCount, request, retryOption)) {
            request = request.newBuilder().header(RETRY_ATTEMPT_HEADER, String.valueOf(executionCount)).build();
            executionCount++;
            if (response.body() != null) {
                response.body().close();
            }
01|            response = chain.proceed(request);
2|            try {
2|                response = chain.proceed(request);
2|            } catch (IOException e) { //@ERR-01
2|                break;
2|            }
        }
        return response;
    }
}
''')
cases_of(case, GH + 'microsoftgraph/msgraph-sdk-java-core/issues/309',
         src('com.microsoft.graph.httpcore', 'RetryHandler'),
         J('com.microsoft.graph.httpcore', ['com.microsoft.graph.logger.ILogger', 'java.io.IOException',
                                            'okhttp3.Interceptor', 'okhttp3.Request', 'okhttp3.Response'])(MSGRAPH), [
             (1, 'java-00-msgraph-retry-sleep-interrupt-swallowed',
              'an edit logs an interrupted retry wait and carries on retrying without restoring the interrupt flag, '
              'so a thread asked to stop keeps calling the service', 'edit'),
             (2, 'java-00-msgraph-retry-failure-swallowed',
              'an edit swallows the I/O failure of a retried request and returns the previous, already closed '
              'response as if it were the answer', 'edit'),
             (0, 'java-ok-00-msgraph-retry-sleep-restores-interrupt',
              'clean: the fix restores the interrupt flag and stops retrying', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TIME-01: API client of an OpenAPI-generated Java client (swagger-api/swagger-codegen)
SWAGGER = template('swagger-codegen-okhttp-api-client', r'''
public class ApiClient {
    private String basePath = "http://petstore.swagger.io/v2";
    private OkHttpClient httpClient;
    private JSON json;
    private DateFormat dateFormat;

    public ApiClient() {
        httpClient = new OkHttpClient();
        json = new JSON();
        // Timestamps on the wire are UTC with a literal Z, whatever the zone of the machine the client runs on.
        dateFormat = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT); //@{2}TIME-01
01|        dateFormat.setTimeZone(TimeZone.getTimeZone("UTC"));
        json.setDateFormat(dateFormat);
    }

    public String formatDate(Date date) {
        synchronized (dateFormat) {
            return dateFormat.format(date);
        }
    }

    public <T> ApiResponse<T> execute(Call call, Type returnType) throws ApiException {
        try {
            Response response = call.execute();
            T data = handleResponse(response, returnType);
            return new ApiResponse<T>(response.code(), response.headers().toMultimap(), data);
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }

    /**
     * Handle the given response, return the deserialized object when the response is successful. The body is closed
     * on every path: a body left open keeps its connection out of OkHttp's pool.
     */
    public <T> T handleResponse(Response response, Type returnType) throws ApiException {
        if (response.isSuccessful()) {
            if (returnType == null || response.code() == 204) { //@{1}RES-02
                // Returning null if the returnType is not defined, or the status code is 204 (No Content)
02|                if (response.body() != null) {
02|                    response.body().close();
02|                }
                return null;
            } else {
                return deserialize(response, returnType);
            }
        } else {
            String respBody = null;
            if (response.body() != null) {
                try {
                    respBody = response.body().string();
                } catch (IOException e) {
                    throw new ApiException(response.message(), e, response.code(), response.headers().toMultimap());
                }
            }
            throw new ApiException(response.message(), response.code(), response.headers().toMultimap(), respBody);
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T deserialize(Response response, Type returnType) throws ApiException {
        try {
            String respBody = response.body() != null ? response.body().string() : null;
            return json.deserialize(respBody, returnType);
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }
}
''')
cases_of(case, GH + 'swagger-api/swagger-codegen/issues/4671',
         'samples/client/petstore/java/okhttp-gson/' + src('io.swagger.client', 'ApiClient'),
         JV('io.swagger.client', {
             v: ['com.squareup.okhttp.Call', 'com.squareup.okhttp.OkHttpClient', 'com.squareup.okhttp.Response',
                 'java.io.IOException', 'java.lang.reflect.Type', 'java.text.DateFormat', 'java.text.SimpleDateFormat',
                 'java.util.Date', 'java.util.Locale'] + (['java.util.TimeZone'] if v != 2 else [])
             for v in (0, 1, 2)})(SWAGGER), [
             (1, 'java-00-swagger-codegen-no-content-body-not-closed',
              'an edit returns null for a response without a return type or with 204 without closing its body, so '
              'every such call leaks its connection', 'edit'),
             (2, 'java-00-swagger-codegen-date-format-default-zone',
              'an edit drops the UTC zone of the client\'s date format, so timestamps written with a literal Z carry '
              'the local time of the machine', 'edit'),
             (0, 'java-ok-00-swagger-codegen-no-content-body-closed',
              'clean: the fix closes the body of a response it does not deserialize', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: user token credentials of a cloud SDK's authentication runtime (Azure/azure-sdk-for-java)
AZURE = template('azure-user-token-credentials', r'''
/**
 * Token based credentials for use with a REST Service Client, acquiring tokens for a user with username and
 * password from Active Directory.
 */
public class UserTokenCredentials extends AzureTokenCredentials {
    private static final long TOKEN_TIMEOUT_SECONDS = 60;
02|    private static final ExecutorService AUTH_EXECUTOR = new ThreadPoolExecutor(1, 4, 60L, TimeUnit.SECONDS,
02|            new ArrayBlockingQueue<Runnable>(64), daemonThreads("azure-user-auth"));

    private final String clientId;
    private final String username;
    private final String password;
    private final Map<String, AuthenticationResult> tokens = new ConcurrentHashMap<>();

    public UserTokenCredentials(String clientId, String domain, String username, String password, AzureEnvironment environment) {
        super(environment, domain);
        this.clientId = clientId;
        this.username = username;
        this.password = password;
    }

    @Override
    public synchronized String getToken(String resource) throws IOException {
        AuthenticationResult authenticationResult = tokens.get(resource);
        if (authenticationResult == null || authenticationResult.getExpiresOnDate().before(new Date())) {
            authenticationResult = acquireAccessToken(resource);
            tokens.put(resource, authenticationResult);
        }
        return authenticationResult.getAccessToken();
    }

    private AuthenticationResult acquireAccessToken(String resource) throws IOException {
        String authorityUrl = this.environment().activeDirectoryEndpoint() + this.domain();
1|        ExecutorService executor = Executors.newSingleThreadExecutor(); //@RES-04
1|        AuthenticationContext context = new AuthenticationContext(authorityUrl, false, executor);
02|        AuthenticationContext context = new AuthenticationContext(authorityUrl, false, AUTH_EXECUTOR);
        if (proxy() != null) {
            context.setProxy(proxy());
        }
        try {
01|            return context.acquireToken(resource, clientId, username, password, null)
01|                    .get(TOKEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
2|            return context.acquireToken(resource, clientId, username, password, null).get(); //@TMO-01
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while acquiring a token for " + resource, e);
01|        } catch (ExecutionException | TimeoutException e) {
2|        } catch (ExecutionException e) {
            throw new IOException("Could not acquire a token for " + resource, e);
        }
    }
}
''')
cases_of(case, GH + 'Azure/azure-sdk-for-java/issues/836',
         'runtimes/azure-client-authentication/' + src('com.microsoft.azure.credentials', 'UserTokenCredentials'),
         JV('com.microsoft.azure.credentials', {
             v: ['com.microsoft.aad.adal4j.AuthenticationContext', 'com.microsoft.aad.adal4j.AuthenticationResult',
                 'com.microsoft.azure.AzureEnvironment', 'java.io.IOException', 'java.util.Date', 'java.util.Map',
                 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ExecutionException',
                 'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit']
                + (['java.util.concurrent.TimeoutException'] if v != 2 else [])
                + (['java.util.concurrent.Executors'] if v == 1 else [
                    'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                    'static com.microsoft.azure.credentials.DaemonThreads.daemonThreads'])
             for v in (0, 1, 2)})(AZURE), [
             (1, 'java-00-azure-token-executor-per-acquisition',
              'an edit gives every token acquisition a single-thread executor of its own and never shuts it down, '
              'so each token refresh leaves a thread behind', 'edit'),
             (2, 'java-00-azure-token-wait-without-timeout',
              'an edit waits for the token without a bound, so an Active Directory endpoint that never answers '
              'blocks every caller of getToken behind the synchronized method', 'edit'),
             (0, 'java-ok-00-azure-token-shared-executor',
              'clean: the fix acquires tokens on one shared daemon executor', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / ERR-01: authentication interceptor of a gRPC server integration (spring-projects/spring-grpc), new file
SPRINGGRPC = template('spring-grpc-authentication-interceptor', r'''
/**
 * Authenticates each call from its headers and exposes the authentication to the service through the
 * {@link SecurityContextHolder} while the call's callbacks run. gRPC runs the callbacks of different calls on the
 * same executor threads, so the context must be cleared after every callback.
 */
public class AuthenticationProcessInterceptor implements ServerInterceptor, Ordered {
    private final GrpcAuthenticationExtractor authenticationExtractor;
    private final AuthenticationManager authenticationManager;

    public AuthenticationProcessInterceptor(GrpcAuthenticationExtractor authenticationExtractor,
                                            AuthenticationManager authenticationManager) {
        this.authenticationExtractor = authenticationExtractor;
        this.authenticationManager = authenticationManager;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
                                                                 ServerCallHandler<ReqT, RespT> next) {
        Authentication user;
        try {
            Authentication extracted = authenticationExtractor.extract(headers, call.getAttributes(), call.getMethodDescriptor());
            user = extracted == null ? null : authenticationManager.authenticate(extracted);
        } catch (AuthenticationException e) { //@{2}ERR-01
01|            call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
01|            return new ServerCall.Listener<ReqT>() {
01|            };
2|            user = null;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<ReqT>(next.startCall(call, headers)) {
            @Override
            public void onMessage(ReqT message) {
                runWith(context, () -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                runWith(context, super::onHalfClose);
            }

            @Override
            public void onCancel() {
                runWith(context, super::onCancel);
            }

            @Override
            public void onComplete() {
                runWith(context, super::onComplete);
            }
        };
    }

    private static void runWith(SecurityContext context, Runnable callback) {
        SecurityContextHolder.setContext(context); //@{1}CONC-04
02|        try {
            callback.run();
02|        } finally {
02|            SecurityContextHolder.clearContext();
02|        }
1|        SecurityContextHolder.clearContext();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
''')
cases_of(case, GH + 'spring-projects/spring-grpc/pull/247',
         'spring-grpc-core/' + src('org.springframework.grpc.server.security', 'AuthenticationProcessInterceptor'),
         J('org.springframework.grpc.server.security', [
             'io.grpc.ForwardingServerCallListener', 'io.grpc.Metadata', 'io.grpc.ServerCall', 'io.grpc.ServerCallHandler',
             'io.grpc.ServerInterceptor', 'io.grpc.Status', 'org.springframework.core.Ordered',
             'org.springframework.security.authentication.AuthenticationManager',
             'org.springframework.security.core.Authentication',
             'org.springframework.security.core.AuthenticationException',
             'org.springframework.security.core.context.SecurityContext',
             'org.springframework.security.core.context.SecurityContextHolder'])(SPRINGGRPC), [
             (1, 'java-00-spring-grpc-new-interceptor-context-cleared-outside-finally',
              'a new authentication interceptor clears the security context after each callback but not in a '
              'finally, so a callback that throws leaves its caller\'s authentication on the executor thread for '
              'the next call', 'new'),
             (2, 'java-00-spring-grpc-new-interceptor-authentication-failure-swallowed',
              'a new authentication interceptor swallows a failed authentication and runs the call anonymously '
              'instead of closing it as unauthenticated', 'new'),
             (0, 'java-ok-00-spring-grpc-new-interceptor',
              'clean: a new interceptor that rejects failed authentications and clears the context in a finally',
              'new'),
         ])


# ---------------------------------------------------------------- OPS-01 / CONC-05: embedded gRPC server of a JVM framework (micronaut-projects/micronaut-grpc)
MICRONAUT = template('micronaut-grpc-embedded-server', r'''
/**
 * Implementation of the {@link EmbeddedServer} interface for gRPC.
 */
@Singleton
@Requires(classes = ServerBuilder.class)
@Requires(property = GrpcServerConfiguration.ENABLED, value = "true", defaultValue = "true")
public class GrpcEmbeddedServer implements EmbeddedServer {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcEmbeddedServer.class);

    private final ApplicationContext applicationContext;
    private final ApplicationConfiguration applicationConfiguration;
    private final GrpcServerConfiguration grpcConfiguration;
    private final AtomicBoolean running = new AtomicBoolean(false);
    private final Server server;

    GrpcEmbeddedServer(ApplicationContext applicationContext, ApplicationConfiguration applicationConfiguration,
                       GrpcServerConfiguration grpcServerConfiguration, ServerBuilder<?> serverBuilder) {
        this.applicationContext = applicationContext;
        this.applicationConfiguration = applicationConfiguration;
        this.grpcConfiguration = grpcServerConfiguration;
        this.server = serverBuilder.build();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /**
     * Stops accepting calls and gives the calls in flight the configured await-termination period to finish before
     * the ones still running are cancelled.
     */
    @NonNull
    @Override
    public EmbeddedServer stop() {
        if (running.compareAndSet(true, false)) {
            long awaitMillis = grpcConfiguration.getAwaitTermination().toMillis();
            try {
02|                server.shutdown();
02|                if (!server.awaitTermination(awaitMillis, TimeUnit.MILLISECONDS)) {
02|                    LOG.warn("gRPC server did not stop within {} ms, cancelling the calls still running", awaitMillis);
02|                    server.shutdownNow();
02|                }
1|                server.shutdownNow().awaitTermination(awaitMillis, TimeUnit.MILLISECONDS); //@OPS-01
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
                LOG.warn("Interrupted while waiting for the gRPC server to stop");
                server.shutdownNow();
            } finally {
                applicationContext.publishEvent(new ServerShutdownEvent(this));
            }
        }
        return this;
    }
}
''')
cases_of(case, GH + 'micronaut-projects/micronaut-grpc/issues/454',
         'grpc-server-runtime/' + src('io.micronaut.grpc.server', 'GrpcEmbeddedServer'),
         J('io.micronaut.grpc.server', SLF4J + [
             'io.grpc.Server', 'io.grpc.ServerBuilder', 'io.micronaut.context.ApplicationContext',
             'io.micronaut.context.annotation.Requires', 'io.micronaut.core.annotation.NonNull',
             'io.micronaut.runtime.ApplicationConfiguration', 'io.micronaut.runtime.server.EmbeddedServer',
             'io.micronaut.runtime.server.event.ServerShutdownEvent', 'jakarta.inject.Singleton',
             'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicBoolean'])(MICRONAUT), [
             (1, 'java-00-micronaut-grpc-stop-cancels-in-flight-calls',
              'an edit stops the gRPC server with shutdownNow before waiting, so every call in flight is cancelled at '
              'each shutdown instead of getting the await-termination period', 'edit'),
             (2, 'java-00-micronaut-grpc-stop-interrupt-swallowed',
              'an edit catches the interruption of the shutdown wait without restoring the interrupt flag, so the '
              'thread stopping the application no longer knows it was interrupted', 'edit'),
             (0, 'java-ok-00-micronaut-grpc-stop-drains-in-flight-calls',
              'clean: the fix shuts down, waits the configured period, and only then cancels', 'fix'),
         ])


# ---------------------------------------------------------------- DEP-02 / CONC-03: Hessian serialization of an RPC framework (weibocom/motan), CRLF file
MOTAN = template('motan-hessian2-serialization', r'''
/**
 * Hessian2 serialization of request arguments and responses. Classes that Hessian could instantiate to run code
 * while a payload is deserialized are denied, so a crafted request cannot execute anything on the provider.
 */
@SpiMeta(name = "hessian2")
public class Hessian2Serialization implements Serialization {
02|    private static final String[] DENIED_CLASS_PREFIXES = {
02|            "com.sun.rowset.", "com.sun.org.apache.", "org.apache.commons.collections.functors.",
02|            "org.apache.xalan.", "org.springframework.beans.factory.", "javax.naming.", "java.lang.Runtime",
02|            "java.lang.ProcessBuilder", "sun.rmi.", "com.caucho.naming."};
    private static final SerializerFactory SERIALIZER_FACTORY = createSerializerFactory();
01|    private static final Map<String, Class<?>> CLASS_CACHE = new ConcurrentHashMap<>();
2|    private static final Map<String, Class<?>> CLASS_CACHE = new HashMap<>(); //@CONC-03

    private static SerializerFactory createSerializerFactory() {
        SerializerFactory factory = new SerializerFactory(); //@{1}DEP-02
        factory.setAllowNonSerializable(true);
02|        ClassFactory classFactory = factory.getClassFactory();
02|        for (String prefix : DENIED_CLASS_PREFIXES) {
02|            classFactory.deny(prefix + "*");
02|        }
        return factory;
    }

    @Override
    public byte[] serialize(Object data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bos);
        out.setSerializerFactory(SERIALIZER_FACTORY);
        out.writeObject(data);
        out.flush();
        return bos.toByteArray();
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T deserialize(byte[] data, Class<T> clz) throws IOException {
        Hessian2Input input = new Hessian2Input(new ByteArrayInputStream(data));
        input.setSerializerFactory(SERIALIZER_FACTORY);
        return (T) input.readObject(clz);
    }

    /** Resolves the class of a parameter type named in a request; providers resolve the same few names again and again. */
    static Class<?> classOf(String name) throws IOException {
        Class<?> clz = CLASS_CACHE.get(name);
        if (clz == null) {
            try {
                clz = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException("unknown parameter type " + name, e);
            }
            CLASS_CACHE.put(name, clz);
        }
        return clz;
    }

    @Override
    public int getSerializationNumber() {
        return 0;
    }
}
''')
cases_of(case, GH + 'weibocom/motan/pull/1038',
         'motan-core/' + src('com.weibo.api.motan.serialize', 'Hessian2Serialization'),
         JV('com.weibo.api.motan.serialize', {
             v: ['com.caucho.hessian.io.Hessian2Input', 'com.caucho.hessian.io.Hessian2Output',
                 'com.caucho.hessian.io.SerializerFactory', 'com.weibo.api.motan.codec.Serialization',
                 'com.weibo.api.motan.core.extension.SpiMeta', 'java.io.ByteArrayInputStream',
                 'java.io.ByteArrayOutputStream', 'java.io.IOException', 'java.util.Map']
                + (['com.caucho.hessian.io.ClassFactory'] if v != 1 else [])
                + (['java.util.HashMap'] if v == 2 else ['java.util.concurrent.ConcurrentHashMap'])
             for v in (0, 1, 2)})(MOTAN), [
             (1, 'java-00-motan-hessian2-deny-list-dropped',
              'an edit drops the deny list of the Hessian2 serializer factory, so a crafted request can make the '
              'provider instantiate gadget classes while deserializing its arguments', 'edit'),
             (2, 'java-00-motan-hessian2-class-cache-unsynchronized',
              'an edit keeps the resolved parameter classes in a plain HashMap that every provider thread writes', 'edit'),
             (0, 'java-ok-00-motan-hessian2-deny-list',
              'clean: the fix denies the known gadget class prefixes in the shared serializer factory', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-06 / RES-02: asynchronous call adapter of an HTTP remoting client (palantir/conjure-java-runtime)
CONJURE = template('conjure-async-call-adapter', r'''
/**
 * Adapts Retrofit calls to {@link CompletableFuture}s whose failures are the remote exceptions that the server's
 * serializable errors describe.
 */
final class AsyncSerializableErrorCallAdapterFactory extends CallAdapter.Factory {
    static final AsyncSerializableErrorCallAdapterFactory INSTANCE = new AsyncSerializableErrorCallAdapterFactory();

    private AsyncSerializableErrorCallAdapterFactory() {}

    @Override
    public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
        if (getRawType(returnType) != CompletableFuture.class) {
            return null;
        }
        Type innerType = getParameterUpperBound(0, (ParameterizedType) returnType);
        return new CompletableFutureCallAdapter<>(innerType);
    }

    private static final class CompletableFutureCallAdapter<R> implements CallAdapter<R, CompletableFuture<R>> {
        private final Type responseType;

        CompletableFutureCallAdapter(Type responseType) {
            this.responseType = responseType;
        }

        @Override
        public Type responseType() {
            return responseType;
        }

        @Override
        public CompletableFuture<R> adapt(Call<R> call) {
            CompletableFuture<R> future = new CompletableFuture<R>() {
                @Override
                public boolean cancel(boolean mayInterruptIfRunning) {
                    if (mayInterruptIfRunning) {
                        call.cancel();
                    }
                    return super.cancel(mayInterruptIfRunning);
                }
            };
            call.enqueue(new Callback<R>() { //@{1}CONC-06
                @Override
                public void onResponse(Call<R> call, Response<R> response) {
02|                    try {
                        if (response.isSuccessful()) {
                            future.complete(response.body());
                        } else {
                            future.completeExceptionally(readException(response));
                        }
02|                    } catch (RuntimeException e) {
02|                        future.completeExceptionally(e);
02|                    }
                }

                @Override
                public void onFailure(Call<R> call, Throwable throwable) {
                    future.completeExceptionally(throwable);
                }
            });
            return future;
        }
    }

    private static RuntimeException readException(Response<?> response) {
01|        try (ResponseBody body = response.errorBody()) {
01|            if (body == null) {
01|                return new IllegalStateException("Error response without a body, status " + response.code());
01|            }
01|            return SerializableErrorToExceptionConverter.getException(
01|                    body.contentType(), response.code(), body.byteStream());
01|        }
2|        ResponseBody body = response.errorBody(); //@RES-02
2|        if (body == null) {
2|            return new IllegalStateException("Error response without a body, status " + response.code());
2|        }
2|        return SerializableErrorToExceptionConverter.getException(
2|                body.contentType(), response.code(), body.byteStream());
    }
}
''')
cases_of(case, GH + 'palantir/conjure-java-runtime/issues/664',
         'okhttp-clients/' + src('com.palantir.remoting3.okhttp', 'AsyncSerializableErrorCallAdapterFactory'),
         J('com.palantir.remoting3.okhttp', ['java.lang.annotation.Annotation', 'java.lang.reflect.ParameterizedType',
                                             'java.lang.reflect.Type', 'java.util.concurrent.CompletableFuture',
                                             'okhttp3.ResponseBody', 'retrofit2.Call', 'retrofit2.CallAdapter',
                                             'retrofit2.Callback', 'retrofit2.Response', 'retrofit2.Retrofit'])(CONJURE), [
             (1, 'java-00-conjure-async-error-conversion-failure-lost',
              'an edit lets a failure while converting an error response escape the callback, so the exception is '
              'lost on the dispatcher thread and the caller\'s future never completes', 'edit'),
             (2, 'java-00-conjure-async-error-body-not-closed',
              'an edit reads the error body without closing it, so every failed call whose error cannot be parsed '
              'keeps its connection out of the pool', 'edit'),
             (0, 'java-ok-00-conjure-async-error-conversion-completes-future',
              'clean: the fix completes the future exceptionally with any failure of the conversion', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-03: remote endpoint of a JSON-RPC library (eclipse-lsp4j/lsp4j)
LSP4J = template('lsp4j-remote-endpoint', r'''
/**
 * An endpoint that sends requests and notifications to a remote endpoint through a message consumer, and handles
 * the responses and the remote's requests it receives. Requests are sent from any thread, and responses arrive on
 * the reader thread.
 */
public class RemoteEndpoint implements Endpoint, MessageConsumer {
    private static final Logger LOG = Logger.getLogger(RemoteEndpoint.class.getName());

    private final MessageConsumer out;
    private final Endpoint localEndpoint;
    private final AtomicInteger nextRequestId = new AtomicInteger();
    private final Map<String, PendingRequestInfo> sentRequestMap = new LinkedHashMap<>();

    public RemoteEndpoint(MessageConsumer out, Endpoint localEndpoint) {
        this.out = Objects.requireNonNull(out);
        this.localEndpoint = Objects.requireNonNull(localEndpoint);
    }

    @Override
    public CompletableFuture<Object> request(String method, Object parameter) {
        final RequestMessage requestMessage = createRequestMessage(method, parameter);
        final CompletableFuture<Object> result = new CompletableFuture<Object>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                sendCancelNotification(requestMessage.getRawId());
                return super.cancel(mayInterruptIfRunning);
            }
        };
02|        synchronized (sentRequestMap) {
02|            sentRequestMap.put(requestMessage.getId(), new PendingRequestInfo(requestMessage, result));
02|        }
1|        sentRequestMap.put(requestMessage.getId(), new PendingRequestInfo(requestMessage, result)); //@CONC-03
        try {
            out.consume(requestMessage);
        } catch (Exception exception) { //@{2}ERR-01
01|            result.completeExceptionally(exception);
2|            LOG.log(Level.FINE, "Failed to send a request", exception);
            synchronized (sentRequestMap) {
                sentRequestMap.remove(requestMessage.getId());
            }
        }
        return result;
    }

    protected void handleResponse(ResponseMessage responseMessage) {
        PendingRequestInfo requestInfo;
        synchronized (sentRequestMap) {
            requestInfo = sentRequestMap.remove(responseMessage.getId());
        }
        if (requestInfo == null) {
            LOG.log(Level.WARNING, "Unmatched response message: {0}", responseMessage);
            return;
        }
        if (responseMessage.getError() != null) {
            requestInfo.future.completeExceptionally(new ResponseErrorException(responseMessage.getError()));
        } else {
            requestInfo.future.complete(responseMessage.getResult());
        }
    }

    protected RequestMessage createRequestMessage(String method, Object parameter) {
        RequestMessage requestMessage = new RequestMessage();
        requestMessage.setId(String.valueOf(nextRequestId.incrementAndGet()));
        requestMessage.setMethod(method);
        requestMessage.setParams(parameter);
        return requestMessage;
    }
}
''')
cases_of(case, GH + 'eclipse-lsp4j/lsp4j/issues/144',
         'org.eclipse.lsp4j.jsonrpc/' + src('org.eclipse.lsp4j.jsonrpc', 'RemoteEndpoint'),
         J('org.eclipse.lsp4j.jsonrpc', ['java.util.LinkedHashMap', 'java.util.Map', 'java.util.Objects',
                                         'java.util.concurrent.CompletableFuture',
                                         'java.util.concurrent.atomic.AtomicInteger', 'java.util.logging.Level',
                                         'java.util.logging.Logger', 'org.eclipse.lsp4j.jsonrpc.messages.RequestMessage',
                                         'org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage',
                                         'org.eclipse.lsp4j.jsonrpc.services.Endpoint'])(LSP4J), [
             (1, 'java-00-lsp4j-pending-request-put-unsynchronized',
              'an edit registers each pending request in the shared map without its lock, while the reader thread '
              'removes answered ones under it, so concurrent requests corrupt the map', 'edit'),
             (2, 'java-00-lsp4j-send-failure-swallowed',
              'an edit logs a failure to send a request at a fine level instead of completing the request\'s future '
              'with it, so the caller waits for an answer that never comes', 'edit'),
             (0, 'java-ok-00-lsp4j-pending-request-put-synchronized',
              'clean: the fix registers the pending request under the map\'s lock', 'fix'),
         ])
