"""Round-116 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- OPS-01 / CONC-07: flags fetcher of a local-resolve OpenFeature provider (confidence-resolver)
CONFIDENCE = template('confidence-flags-fetcher-shutdown', r'''
/**
 * Resolves flags locally from definitions that a single background thread polls every few seconds. At shutdown the
 * pending poll is dropped and a poll already running gets a grace period to finish its fetch before it is stopped.
 */
public class OpenFeatureLocalResolveProvider {
    private static final Logger log = LoggerFactory.getLogger(OpenFeatureLocalResolveProvider.class);
    private static final long POLL_INTERVAL_MS = 15_000;
    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    private final FlagsFetcher fetcher;
    private final ScheduledThreadPoolExecutor flagsFetcherExecutor;

    public OpenFeatureLocalResolveProvider(FlagsFetcher fetcher) {
        this.fetcher = fetcher;
        this.flagsFetcherExecutor = new ScheduledThreadPoolExecutor(1, OpenFeatureLocalResolveProvider::pollerThread);
        this.flagsFetcherExecutor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    private static Thread pollerThread(Runnable task) {
        Thread thread = new Thread(task, "confidence-flags-fetcher");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> log.error("Uncaught error in {}", t.getName(), e));
        return thread;
    }

    public void initialize() {
        fetcher.fetchNow();
01|        flagsFetcherExecutor.scheduleWithFixedDelay(this::pollSafely, POLL_INTERVAL_MS, POLL_INTERVAL_MS, TimeUnit.MILLISECONDS);
2|        flagsFetcherExecutor.scheduleWithFixedDelay(fetcher::fetchNow, POLL_INTERVAL_MS, POLL_INTERVAL_MS, TimeUnit.MILLISECONDS); //@CONC-07
    }

01|    private void pollSafely() {
01|        try {
01|            fetcher.fetchNow();
01|        } catch (Throwable t) {
01|            log.warn("Polling flag definitions failed; keeping the previous state", t);
01|        }
01|    }
01|
    public ResolveResult resolve(String flag, EvaluationContext context) {
        return fetcher.currentState().resolve(flag, context);
    }

    public void shutdown() {
02|        flagsFetcherExecutor.shutdown();
02|        try {
02|            if (!flagsFetcherExecutor.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
02|                log.warn("Flags fetcher executor did not terminate within {}s", SHUTDOWN_GRACE_SECONDS);
02|                flagsFetcherExecutor.shutdownNow();
02|            }
02|        } catch (InterruptedException e) {
02|            flagsFetcherExecutor.shutdownNow();
02|            Thread.currentThread().interrupt();
02|        }
1|        flagsFetcherExecutor.shutdownNow(); //@OPS-01
        fetcher.close();
    }
}
''')
_CONF = SLF4J + ['dev.openfeature.sdk.EvaluationContext', 'java.util.concurrent.ScheduledThreadPoolExecutor',
                 'java.util.concurrent.TimeUnit']
_CONF_DIR = 'openfeature-provider/java/'
CONFIDENCE_TEST = f(_CONF_DIR + tst('com.spotify.confidence.sdk', 'OpenFeatureLocalResolveProviderShutdownTest'), new=java(
    'com.spotify.confidence.sdk', ['static org.junit.jupiter.api.Assertions.assertTrue',
                                   'static org.mockito.Mockito.mock', 'static org.mockito.Mockito.verify',
                                   'org.junit.jupiter.api.Test'], r'''
class OpenFeatureLocalResolveProviderShutdownTest {

    @Test
    void shutdownReturnsPromptlyWithAPendingPoll() {
        FlagsFetcher fetcher = mock(FlagsFetcher.class);
        OpenFeatureLocalResolveProvider provider = new OpenFeatureLocalResolveProvider(fetcher);
        provider.initialize();

        long start = System.nanoTime();
        provider.shutdown();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(elapsedMillis < 1_000, "shutdown waited " + elapsedMillis + " ms for a poll that was not running");
        verify(fetcher).close();
    }
}
'''))
cases_of(case, GH + 'spotify/confidence-resolver/pull/426',
         _CONF_DIR + src('com.spotify.confidence.sdk', 'OpenFeatureLocalResolveProvider'),
         J('com.spotify.confidence.sdk', _CONF)(CONFIDENCE), [
             (1, 'java-00-confidence-flags-fetcher-killed-at-shutdown',
              'an edit stops the flags fetcher with shutdownNow alone, interrupting a fetch in flight instead of '
              'letting it finish within a grace period', 'edit'),
             (2, 'java-00-confidence-flags-poll-scheduled-unguarded',
              'an edit schedules the fetcher\'s poll without its catch, so one failed fetch ends polling for the life '
              'of the provider', 'edit'),
             (0, 'java-ok-00-confidence-flags-fetcher-drained-at-shutdown',
              'clean: the fix shuts the fetcher down, waits a grace period, then forces it; a test checks shutdown '
              'does not wait for a pending poll', 'fix', [CONFIDENCE_TEST]),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-02: flag store of the flagd in-process provider (java-sdk-contrib)
FLAGSTORE = template('flagd-flag-store-queue', r'''
/**
 * Holds the flag configurations the in-process resolver evaluates, fed by the sync stream. State changes go to the
 * provider through a small bounded queue; while the provider is disconnected nobody drains it, so further changes
 * are dropped and counted, and the drop is reported once per disconnection instead of once per payload.
 */
public class FlagStore implements Storage {
    private static final Logger log = LoggerFactory.getLogger(FlagStore.class);
    private static final int QUEUE_CAPACITY = 5;

    private final ReentrantReadWriteLock sync = new ReentrantReadWriteLock();
    private final Map<String, FeatureFlag> flags = new HashMap<>();
01|    private final BlockingQueue<StorageStateChange> stateBlockingQueue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
2|    private final BlockingQueue<StorageStateChange> stateBlockingQueue = new LinkedBlockingQueue<>(); //@CONC-02
    private final AtomicBoolean queueFullReported = new AtomicBoolean();
    private final AtomicLong droppedStates = new AtomicLong();
    private final QueueSource connector;

    public FlagStore(QueueSource connector) {
        this.connector = connector;
    }

    @Override
    public BlockingQueue<StorageStateChange> getStateQueue() {
        return stateBlockingQueue;
    }

    void onPayload(QueuePayload payload) {
        switch (payload.getType()) {
            case DATA:
                try {
                    Map<String, FeatureFlag> parsed = FlagParser.parseString(payload.getFlagData(), true);
                    List<String> changed = replaceFlags(parsed);
                    offerState(new StorageStateChange(StorageState.OK, changed));
                } catch (Exception e) {
                    log.warn("Invalid flag sync payload from connector", e);
                    offerState(new StorageStateChange(StorageState.STALE));
                }
                break;
            case ERROR:
                offerState(new StorageStateChange(StorageState.STALE));
                break;
            default:
                log.info("Payload with unknown type {} ignored", payload.getType());
        }
    }

    private List<String> replaceFlags(Map<String, FeatureFlag> parsed) {
        sync.writeLock().lock();
        try {
            List<String> changed = new ArrayList<>(parsed.keySet());
            flags.keySet().stream().filter(key -> !parsed.containsKey(key)).forEach(changed::add);
            flags.clear();
            flags.putAll(parsed);
            return changed;
        } finally {
            sync.writeLock().unlock();
        }
    }

    private void offerState(StorageStateChange change) {
        if (stateBlockingQueue.offer(change)) {
            if (queueFullReported.compareAndSet(true, false)) {
                log.info("Flag state queue is drained again; {} state changes were dropped", droppedStates.getAndSet(0));
            }
            return;
        }
        droppedStates.incrementAndGet();
02|        if (queueFullReported.compareAndSet(false, true)) {
02|            log.warn("Failed to convey {} state, queue is full; further drops are counted until it drains", change.getStorageState());
02|        }
1|        log.warn("Failed to convey {} state, queue is full", change.getStorageState()); //@LOG-01
    }
}
''')
_FS_PKG = 'dev.openfeature.contrib.providers.flagd.resolver.process.storage'
_FS = SLF4J + ['dev.openfeature.contrib.providers.flagd.resolver.process.model.FeatureFlag',
               'dev.openfeature.contrib.providers.flagd.resolver.process.model.FlagParser',
               _FS_PKG + '.connector.QueuePayload', _FS_PKG + '.connector.QueueSource', 'java.util.ArrayList',
               'java.util.HashMap', 'java.util.List', 'java.util.Map', 'java.util.concurrent.BlockingQueue',
               'java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.atomic.AtomicBoolean',
               'java.util.concurrent.atomic.AtomicLong', 'java.util.concurrent.locks.ReentrantReadWriteLock']
cases_of(case, GH + 'open-feature/java-sdk-contrib/pull/1271', 'providers/flagd/' + src(_FS_PKG, 'FlagStore'),
         J(_FS_PKG, _FS)(FLAGSTORE), [
             (1, 'java-00-flagd-flag-store-warns-every-dropped-state',
              'an edit warns for every state change dropped while the queue is full, which floods the log for as long '
              'as the provider stays disconnected', 'edit'),
             (2, 'java-00-flagd-flag-store-state-queue-unbounded',
              'an edit makes the state queue unbounded, so state changes pile up in memory while nobody drains them',
              'edit'),
             (0, 'java-ok-00-flagd-flag-store-reports-drops-once',
              'clean: the fix reports a full queue once per disconnection and counts the dropped states', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / TIME-01: expiration backfill of a secret manager (keywhiz), CRLF file
KEYWHIZ = template('keywhiz-backfill-expiration', r'''
/**
 * Automation endpoints of v2 secrets. The expiration backfill sets a secret's expiry from the certificate it holds;
 * an expiry that is already set is kept, and a large difference from the certificate is logged for follow-up.
 */
@Path("/automation/v2/secrets")
@Produces(MediaType.APPLICATION_JSON)
public class SecretResource {
  private static final Logger logger = LoggerFactory.getLogger(SecretResource.class);

  private final SecretController secretController;
  private final SecretDAO secretDAO;

  @Inject
  public SecretResource(SecretController secretController, SecretDAO secretDAO) {
    this.secretController = secretController;
    this.secretDAO = secretDAO;
  }

  @Timed @ExceptionMetered
  @POST
  @Path("{name}/backfill-expiration")
  @Consumes(MediaType.APPLICATION_JSON)
  public boolean backfillExpiration(@Auth AutomationClient automationClient, @PathParam("name") String name,
      BackfillExpirationRequest request) {
    Secret secret = secretController.getSecretByName(name)
        .orElseThrow(() -> new NotFoundException("No such secret: " + name));
    Instant expiry = parseNotAfter(request.notAfter());
    if (secret.getExpiry() > 0) {
      Instant existingExpiry = Instant.ofEpochSecond(secret.getExpiry());
      long offset = existingExpiry.until(expiry, ChronoUnit.HOURS);
      if (offset > 24 || offset < -24) {
02|        logger.warn("Extracted expiration of secret {} differs from actual by {} hours (extracted value: {})",
02|            name, offset, expiry);
1|        logger.warn("Extracted expiration of secret " + name + " differs from actual by " + offset //@LOG-02
1|            + " hours (extracted value: " + expiry + ")");
      }
      return true;
    }
    return secretDAO.setExpiration(name, expiry);
  }

  /** Parses a certificate's notAfter in its GeneralizedTime form, which is always UTC ("20300101000000Z"). */
  static Instant parseNotAfter(String notAfter) {
    SimpleDateFormat format = new SimpleDateFormat("yyyyMMddHHmmss'Z'", Locale.ROOT); //@{2}TIME-01
01|    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    try {
      return format.parse(notAfter).toInstant();
    } catch (ParseException e) {
      throw new BadRequestException("Invalid notAfter: " + notAfter, e);
    }
  }
}
''')
_KW_PKG = 'keywhiz.service.resources.automation.v2'
_KW = SLF4J + ['com.codahale.metrics.annotation.ExceptionMetered', 'com.codahale.metrics.annotation.Timed',
               'io.dropwizard.auth.Auth', 'java.text.ParseException', 'java.text.SimpleDateFormat',
               'java.time.Instant', 'java.time.temporal.ChronoUnit', 'java.util.Locale', 'java.util.TimeZone',
               'javax.inject.Inject', 'javax.ws.rs.BadRequestException', 'javax.ws.rs.Consumes',
               'javax.ws.rs.NotFoundException', 'javax.ws.rs.POST', 'javax.ws.rs.Path', 'javax.ws.rs.PathParam',
               'javax.ws.rs.Produces', 'javax.ws.rs.core.MediaType', 'keywhiz.api.automation.v2.BackfillExpirationRequest',
               'keywhiz.api.model.AutomationClient', 'keywhiz.api.model.Secret',
               'keywhiz.service.daos.SecretController', 'keywhiz.service.daos.SecretDAO']
cases_of(case, GH + 'square/keywhiz/pull/313', 'server/' + src(_KW_PKG, 'SecretResource'),
         JV(_KW_PKG, {0: _KW, 1: _KW, 2: [i for i in _KW if i != 'java.util.TimeZone']})(KEYWHIZ), [
             (1, 'java-00-keywhiz-expiry-difference-concatenated',
              'an edit builds the expiry-difference warning by string concatenation', 'edit'),
             (2, 'java-00-keywhiz-not-after-parsed-in-default-zone',
              'an edit parses the certificate\'s UTC notAfter with a formatter in the server\'s default time zone',
              'edit'),
             (0, 'java-ok-00-keywhiz-expiry-difference-parameterized',
              'clean: the fix logs the expiry difference with a parameterized message', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- ERR-01 / CONC-05: lease renewal retry of a Vault config integration (spring-cloud-vault), new file
LEASERETRY = template('spring-cloud-vault-lease-renewal-retry', r'''
/**
 * Renews a lease and retries the renewal when it fails on a network error, instead of dropping the lease and leaving
 * the application with credentials that expire. Any other failure, and the last failed attempt, reach the caller.
 */
class RetryingLeaseRenewal {
    private static final Logger log = LoggerFactory.getLogger(RetryingLeaseRenewal.class);

    private final LeaseRenewer renewer;
    private final int maxAttempts;
    private final Duration backoff;

    RetryingLeaseRenewal(LeaseRenewer renewer, int maxAttempts, Duration backoff) {
        this.renewer = renewer;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    Lease renew(RequestedSecret secret, Lease lease) {
        for (int attempt = 1; ; attempt++) {
            try {
                return this.renewer.renew(lease);
            } catch (VaultException ex) { //@{1}ERR-01
02|                if (!isNetworkError(ex) || attempt >= this.maxAttempts) {
02|                    throw ex;
02|                }
1|                if (!isNetworkError(ex) || attempt >= this.maxAttempts) {
1|                    return lease;
1|                }
                log.warn("Renewing lease of {} failed on a network error (attempt {} of {}), retrying in {}",
                        secret.getPath(), attempt, this.maxAttempts, this.backoff);
                sleep(this.backoff);
            }
        }
    }

    private static boolean isNetworkError(VaultException ex) {
        return ex.getCause() instanceof ResourceAccessException;
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a lease renewal", e);
        }
    }

    /** The single renewal call, {@code SecretLeaseContainer}'s renew in production. */
    interface LeaseRenewer {
        Lease renew(Lease lease);
    }
}
''')
_LR_PKG = 'org.springframework.cloud.vault.config'
cases_of(case, GH + 'spring-cloud/spring-cloud-vault/issues/708', 'spring-cloud-vault-config/' + src(_LR_PKG, 'RetryingLeaseRenewal'),
         J(_LR_PKG, SLF4J + ['java.time.Duration', 'org.springframework.vault.VaultException',
                             'org.springframework.vault.core.lease.domain.Lease',
                             'org.springframework.vault.core.lease.domain.RequestedSecret',
                             'org.springframework.web.client.ResourceAccessException'])(LEASERETRY), [
             (1, 'java-00-spring-cloud-vault-renewal-failure-returns-old-lease',
              'a new file retries lease renewals on network errors but hands back the old lease when a renewal finally '
              'fails, so nobody learns the lease was not renewed', 'new'),
             (2, 'java-00-spring-cloud-vault-renewal-retry-wait-interrupt-lost',
              'a new file retries lease renewals and turns an interrupted back-off into an exception without restoring '
              'the interrupt flag', 'new'),
             (0, 'java-ok-00-spring-cloud-vault-renewal-retry',
              'clean: a new file retries network failures, rethrows the last one and restores the interrupt flag',
              'new'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: key/value client of a Consul Java client (consul-client)
CONSULKV = template('consul-client-kv-responses', r'''
/**
 * HTTP client for Consul's key/value endpoints. All calls share the client's one JAX-RS target and its connection
 * pool; every response is closed once read, so lock-heavy callers do not run the agent out of connections.
 */
public class KeyValueClient {
    private final WebTarget webTarget;

    KeyValueClient(WebTarget webTarget) {
        this.webTarget = webTarget;
    }

    public Optional<String> getSession(String key) {
02|        List<Value> values = webTarget.path(key)
1|        List<Value> values = ClientBuilder.newClient().target(Consul.DEFAULT_HTTP_HOST).path("v1/kv").path(key) //@RES-04
                .request(MediaType.APPLICATION_JSON_TYPE)
                .get(new GenericType<List<Value>>() {});
        return values.isEmpty() ? Optional.empty() : values.get(0).getSession();
    }

    public boolean acquireLock(String key, String value, String session) {
        return webTarget.path(key)
                .queryParam("acquire", session)
                .request()
                .put(Entity.entity(value, MediaType.TEXT_PLAIN_TYPE), Boolean.class);
    }

    public void deleteKey(String key) {
        Response response = webTarget.path(key).request().delete(); //@{2}RES-02
01|        try {
01|            if (response.getStatus() != 200) {
01|                throw new ConsulException(response.getStatus(), "Consul refused to delete " + key);
01|            }
01|        } finally {
01|            response.close();
01|        }
2|        if (response.getStatus() != 200) {
2|            throw new ConsulException(response.getStatus(), "Consul refused to delete " + key);
2|        }
    }
}
''')
_KV = ['com.orbitz.consul.model.ConsulException', 'com.orbitz.consul.model.kv.Value', 'java.util.List',
       'java.util.Optional', 'javax.ws.rs.client.Entity', 'javax.ws.rs.client.WebTarget', 'javax.ws.rs.core.GenericType',
       'javax.ws.rs.core.MediaType', 'javax.ws.rs.core.Response']
cases_of(case, GH + 'rickfast/consul-client/issues/86', src('com.orbitz.consul', 'KeyValueClient'),
         JV('com.orbitz.consul', {0: _KV, 1: _KV + ['javax.ws.rs.client.ClientBuilder'], 2: _KV})(CONSULKV), [
             (1, 'java-00-consul-client-session-lookup-client-per-call',
              'an edit builds a new JAX-RS client with its own connection pool for every session lookup instead of '
              'using the shared target', 'edit'),
             (2, 'java-00-consul-client-delete-response-left-open',
              'an edit drops the close of the delete response, so every deleted key keeps a connection to the agent',
              'edit'),
             (0, 'java-ok-00-consul-client-session-lookup-shared-target',
              'clean: the fix looks sessions up through the client\'s shared target', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-03: cached secret of a Secrets Manager caching client (aws-secretsmanager-caching-java)
SECRETCACHE = template('secretsmanager-cache-refresh-now', r'''
/**
 * One cached secret. Request threads read it through {@link #getSecretValue()}; {@link #refreshNow()} forces the
 * next read to go to Secrets Manager. The refresh state below is guarded by {@code lock}.
 */
public abstract class SecretCacheObject<T> {
    private static final Logger log = LoggerFactory.getLogger(SecretCacheObject.class);

    private final Object lock = new Object();
    private final SecretCacheConfiguration config;
    private boolean refreshNeeded = true;
    private long nextRetryTime = 0L;
    private T data;

    protected SecretCacheObject(SecretCacheConfiguration config) {
        this.config = config;
    }

    protected abstract T executeRefresh();

    protected abstract GetSecretValueResponse getSecretValue(T result);

    public GetSecretValueResponse getSecretValue() {
        synchronized (lock) {
            if (refreshNeeded && System.currentTimeMillis() >= nextRetryTime) {
                data = executeRefresh();
                refreshNeeded = false;
            }
            return data == null ? null : getSecretValue(data);
        }
    }

    /**
     * Forces a refresh on the next read, after a short random jitter that keeps a caller looping on refreshNow from
     * hammering the service. Returns false when the calling thread was interrupted during the jitter.
     */
    public boolean refreshNow() {
        long jitter = config.getForceRefreshJitterMillis();
        long sleep = ThreadLocalRandom.current().nextLong(jitter / 2, jitter + 1);
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            log.debug("Forced refresh interrupted during its jitter");
            return false;
        }
01|        synchronized (lock) {
01|            refreshNeeded = true;
01|            nextRetryTime = 0L; // do not wait for the back-off of an earlier failure
01|        }
2|        refreshNeeded = true; //@CONC-03
2|        nextRetryTime = 0L; // do not wait for the back-off of an earlier failure
        return getSecretValue() != null;
    }
}
''')
_SC_PKG = 'com.amazonaws.secretsmanager.caching.cache'
cases_of(case, GH + 'aws/aws-secretsmanager-caching-java/pull/160', src(_SC_PKG, 'SecretCacheObject'),
         J(_SC_PKG, SLF4J + ['com.amazonaws.secretsmanager.caching.SecretCacheConfiguration',
                             'java.util.concurrent.ThreadLocalRandom',
                             'software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse'])(SECRETCACHE), [
             (1, 'java-00-secretsmanager-refresh-jitter-interrupt-swallowed',
              'an edit returns false from an interrupted refresh jitter without restoring the interrupt flag', 'edit'),
             (2, 'java-00-secretsmanager-refresh-state-written-unlocked',
              'an edit writes the refresh state outside the cache object\'s lock while request threads read it under '
              'the lock', 'edit'),
             (0, 'java-ok-00-secretsmanager-refresh-jitter-restores-interrupt',
              'clean: the fix restores the interrupt flag when the jitter is interrupted', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-02: request factory of a Vault client library (spring-vault)
SPRINGVAULT = template('spring-vault-http-components-timeouts', r'''
/**
 * Creates the {@link ClientHttpRequestFactory} Vault requests go through. Whatever HTTP library is on the class path,
 * the connect timeout and the read timeout of {@link ClientOptions} apply to every request, with or without TLS.
 */
public class ClientHttpRequestFactoryFactory {
    private static final Log logger = LogFactory.getLog(ClientHttpRequestFactoryFactory.class);

    public static ClientHttpRequestFactory create(ClientOptions options, SslConfiguration sslConfiguration) {
        try {
            if (HTTP_COMPONENTS_PRESENT) {
                return HttpComponents.usingHttpComponents(options, sslConfiguration);
            }
            return usingJdk(options);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create the Vault request factory", e);
        }
    }

    private static final boolean HTTP_COMPONENTS_PRESENT = ClassUtils.isPresent(
            "org.apache.hc.client5.http.impl.classic.HttpClientBuilder", ClientHttpRequestFactoryFactory.class.getClassLoader());

    static ClientHttpRequestFactory usingJdk(ClientOptions options) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout((int) options.getConnectionTimeout().toMillis());
        factory.setReadTimeout((int) options.getReadTimeout().toMillis());
        return factory;
    }

    static class HttpComponents {

        static HttpComponentsClientHttpRequestFactory usingHttpComponents(ClientOptions options,
                SslConfiguration sslConfiguration) throws GeneralSecurityException, IOException {
            HttpClientBuilder builder = HttpClients.custom();
            PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create();
            if (hasSslConfiguration(sslConfiguration)) {
                connections.setSSLSocketFactory(createSslSocketFactory(sslConfiguration));
            }
            Timeout connectTimeout = Timeout.ofMilliseconds(options.getConnectionTimeout().toMillis());
            Timeout readTimeout = Timeout.ofMilliseconds(options.getReadTimeout().toMillis());
2|            logger.debug("Vault HTTP components client: connect timeout " + connectTimeout + ", read timeout " + readTimeout); //@LOG-02
            connections.setDefaultConnectionConfig(ConnectionConfig.custom()
                    .setConnectTimeout(connectTimeout)
02|                    .setSocketTimeout(readTimeout)
                    .build());
            RequestConfig requestConfig = RequestConfig.custom() //@{1}TMO-01
02|                    .setResponseTimeout(readTimeout)
                    .setRedirectsEnabled(true)
                    .build();
            builder.setConnectionManager(connections.build());
            builder.setDefaultRequestConfig(requestConfig);
            return new HttpComponentsClientHttpRequestFactory(builder.build());
        }
    }
}
''')
_SV_PKG = 'org.springframework.vault.client'
_SV = ['java.io.IOException', 'java.security.GeneralSecurityException', 'org.apache.commons.logging.Log',
       'org.apache.commons.logging.LogFactory', 'org.apache.hc.client5.http.config.ConnectionConfig',
       'org.apache.hc.client5.http.config.RequestConfig', 'org.apache.hc.client5.http.impl.classic.HttpClientBuilder',
       'org.apache.hc.client5.http.impl.classic.HttpClients',
       'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder',
       'org.apache.hc.core5.util.Timeout', 'org.springframework.http.client.ClientHttpRequestFactory',
       'org.springframework.http.client.HttpComponentsClientHttpRequestFactory',
       'org.springframework.http.client.SimpleClientHttpRequestFactory', 'org.springframework.util.ClassUtils',
       'org.springframework.vault.support.ClientOptions', 'org.springframework.vault.support.SslConfiguration',
       'static org.springframework.vault.client.SslSupport.createSslSocketFactory',
       'static org.springframework.vault.client.SslSupport.hasSslConfiguration']
cases_of(case, GH + 'spring-projects/spring-vault/issues/861',
         'spring-vault-core/' + src(_SV_PKG, 'ClientHttpRequestFactoryFactory'),
         J(_SV_PKG, _SV)(SPRINGVAULT), [
             (1, 'java-00-spring-vault-http-components-without-read-timeout',
              'an edit builds the HttpComponents client without the socket and response timeouts, so a Vault that '
              'stops answering hangs the request past the configured read timeout', 'edit'),
             (2, 'java-00-spring-vault-timeouts-logged-concatenated',
              'an edit logs the client\'s timeouts at debug by string concatenation on every factory creation',
              'edit'),
             (0, 'java-ok-00-spring-vault-http-components-read-timeout',
              'clean: the fix applies the read timeout as socket and response timeout of the HttpComponents client',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-06: feature flag manager of a mobile analytics SDK (mixpanel-android), new file
MIXPANEL = template('mixpanel-flag-manager-executor', r'''
/**
 * Fetches and serves the project's feature flags. Fetches run on one background worker with a small queue;
 * {@link #shutdown()} releases the worker, so an app (or an OpenFeature provider) that drops the SDK leaves no thread
 * behind.
 */
class FeatureFlagManager implements MixpanelAPI.Flags {
    private static final String LOGTAG = "MixpanelAPI.FeatureFlagManager";

    private final FlagsConfig mConfig;
    private final RemoteService mRemote;
    private final ExecutorService mNetworkExecutor = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS, //@{1}RES-01
            new ArrayBlockingQueue<>(4), new ThreadPoolExecutor.DiscardOldestPolicy());
    private final AtomicReference<Map<String, FeatureFlagData>> mFlags = new AtomicReference<>(Collections.emptyMap());

    FeatureFlagManager(FlagsConfig config, RemoteService remote) {
        mConfig = config;
        mRemote = remote;
    }

    @Override
    public void loadFlags() {
01|        mNetworkExecutor.execute(this::fetchFlagsSafely);
2|        mNetworkExecutor.submit(this::fetchFlags); //@CONC-06
    }

01|    private void fetchFlagsSafely() {
01|        try {
01|            fetchFlags();
01|        } catch (IOException | RuntimeException e) {
01|            MPLog.e(LOGTAG, "Fetching feature flags failed", e);
01|        }
01|    }
01|
    private Void fetchFlags() throws IOException {
        byte[] body = mRemote.performRequest(mConfig.flagsEndpoint(), mConfig.requestBody());
        mFlags.set(FeatureFlagData.parse(body));
        return null;
    }

    @Override
    public FeatureFlagData getVariantSync(String flagName, FeatureFlagData fallback) {
        FeatureFlagData flag = mFlags.get().get(flagName);
        return flag != null ? flag : fallback;
    }
02|
02|    @Override
02|    public void shutdown() {
02|        mNetworkExecutor.shutdown();
02|        mFlags.set(Collections.emptyMap());
02|    }
}
''')
_MP = ['java.io.IOException', 'java.util.Collections', 'java.util.Map', 'java.util.concurrent.ArrayBlockingQueue',
       'java.util.concurrent.ExecutorService', 'java.util.concurrent.ThreadPoolExecutor',
       'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicReference',
       'com.mixpanel.android.util.MPLog', 'com.mixpanel.android.util.RemoteService']
cases_of(case, GH + 'mixpanel/mixpanel-android/pull/984', src('com.mixpanel.android.mpmetrics', 'FeatureFlagManager'),
         J('com.mixpanel.android.mpmetrics', _MP)(MIXPANEL), [
             (1, 'java-00-mixpanel-flag-manager-worker-never-released',
              'a new file fetches feature flags on its own worker pool and has no way to shut it down, so every '
              'dropped SDK instance leaves its thread behind', 'new'),
             (2, 'java-00-mixpanel-flag-fetch-future-dropped',
              'a new file submits each flag fetch and drops the future, so a failed fetch is never seen', 'new'),
             (0, 'java-ok-00-mixpanel-flag-manager-shutdown',
              'clean: a new file runs each fetch with its own catch and shuts the worker down in shutdown()', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-01: local cache refresh thread of a config center client (xxl-conf), moved file
XXLCONF = template('xxl-conf-local-cache-refresh', r'''
/**
 * Local cache of the configuration values an application reads. A daemon thread reloads every cached key once a
 * minute, so values changed in the admin console reach the application even when a change notification is lost.
 */
public class XxlConfLocalCacheConf {
    private static final Logger logger = LoggerFactory.getLogger(XxlConfLocalCacheConf.class);

    private static final ConcurrentHashMap<String, CacheNode> localCacheRepository = new ConcurrentHashMap<>();
    private static Thread refreshThread;
    private static volatile boolean refreshThreadStop = false;

    public static void init() {
        refreshThread = new Thread(XxlConfLocalCacheConf::refreshLoop, "xxl-conf-local-cache-refresh"); //@{2}CONC-01
        refreshThread.setDaemon(true);
01|        refreshThread.setUncaughtExceptionHandler((t, e) -> logger.error("xxl-conf, refresh thread died", e));
        refreshThread.start();
    }

    private static void refreshLoop() {
        while (!refreshThreadStop) {
            try {
                TimeUnit.SECONDS.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
02|            try {
02|                reloadAll();
02|            } catch (Exception e) {
02|                logger.error("xxl-conf, reload of the local cache failed; retrying in 60s", e);
02|            }
1|            reloadAll(); //@CONC-07
        }
        logger.info("xxl-conf, refresh thread stopped");
    }

    private static void reloadAll() {
        for (String key : localCacheRepository.keySet()) {
            String value = XxlConfRemoteConf.find(key);
            CacheNode node = localCacheRepository.get(key);
            if (node != null && !Objects.equals(node.getValue(), value)) {
                localCacheRepository.put(key, new CacheNode(value));
                XxlConfListenerFactory.onChange(key, value);
            }
        }
    }

    public static void destroy() {
        refreshThreadStop = true;
        if (refreshThread != null) {
            refreshThread.interrupt();
        }
    }
}
''')
_XX = SLF4J + ['com.xxl.conf.core.listener.XxlConfListenerFactory', 'com.xxl.conf.core.remote.XxlConfRemoteConf',
               'java.util.Objects', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'xuxueli/xxl-conf/issues/78', 'xxl-conf-core/' + src('com.xxl.conf.core.cache', 'XxlConfLocalCacheConf'),
         J('com.xxl.conf.core.cache', _XX)(XXLCONF), [
             (1, 'java-00-xxl-conf-moved-cache-reload-unguarded',
              'the local cache moves to a cache package and its refresh loop reloads without a catch, so one expired '
              'session ends the refresh thread for good', 'rename'),
             (2, 'java-00-xxl-conf-moved-refresh-thread-without-handler',
              'the local cache moves to a cache package and its refresh thread loses its uncaught-exception handler',
              'rename'),
             (0, 'java-ok-00-xxl-conf-moved-local-cache',
              'clean: the move alone; the reload is guarded and the thread reports an uncaught error', 'rename'),
         ], rename_from='xxl-conf-core/' + src('com.xxl.conf.core.core', 'XxlConfLocalCacheConf'),
         rename_old=lambda t: t.replace('package com.xxl.conf.core.cache;', 'package com.xxl.conf.core.core;'))


# ---------------------------------------------------------------- CONC-04 / ERR-01: secret key unlocking of a configuration library (smallrye-config)
SECRETKEYS = template('smallrye-config-secret-keys', r'''
/**
 * Secret keys of the configuration are locked by default: reading one throws. Code that is allowed to read them runs
 * inside {@link #doUnlocked}, which unlocks for the current thread only and always leaves the thread as it found it.
 */
public final class SecretKeys implements Serializable {
    private static final long serialVersionUID = -3226034787747746735L;
    private static final ThreadLocal<Boolean> LOCKED = new ThreadLocal<>();

    private SecretKeys() {
        throw new UnsupportedOperationException();
    }

    public static boolean isLocked() {
        Boolean result = LOCKED.get();
        return result == null || result;
    }

    public static void doUnlocked(Runnable runnable) {
        doUnlocked(() -> {
            runnable.run();
            return null;
        });
    }

    public static <T> T doUnlocked(Supplier<T> supplier) {
        if (!isLocked()) {
            return supplier.get();
        }
        LOCKED.set(false); //@{1}CONC-04
02|        try {
02|            return supplier.get();
02|        } finally {
02|            LOCKED.remove();
02|        }
1|        T result = supplier.get();
1|        LOCKED.remove();
1|        return result;
    }

    /** Reads one secret value with the keys unlocked; a source that fails to read it is reported to the caller. */
    public static String readUnlocked(ConfigSource source, String name) {
        return doUnlocked(() -> {
            try {
                return source.getValue(name);
            } catch (RuntimeException e) { //@{2}ERR-01
01|                throw new IllegalStateException("Reading secret key " + name + " from " + source.getName() + " failed", e);
2|                return null;
            }
        });
    }
}
''')
cases_of(case, GH + 'smallrye/smallrye-config/pull/383', 'implementation/' + src('io.smallrye.config', 'SecretKeys'),
         J('io.smallrye.config', ['java.io.Serializable', 'java.util.function.Supplier',
                                  'org.eclipse.microprofile.config.spi.ConfigSource'])(SECRETKEYS), [
             (1, 'java-00-smallrye-config-unlock-not-removed-in-finally',
              'an edit removes the unlocked flag after the supplier returns instead of in a finally block, so a '
              'throwing supplier leaves the pooled thread with the secret keys unlocked', 'edit'),
             (2, 'java-00-smallrye-config-secret-read-failure-dropped',
              'an edit returns null when a source fails to read a secret key, so the failure looks like a missing '
              'value', 'edit'),
             (0, 'java-ok-00-smallrye-config-unlock-removed-in-finally',
              'clean: the fix removes the unlocked flag in a finally block', 'fix'),
         ])
