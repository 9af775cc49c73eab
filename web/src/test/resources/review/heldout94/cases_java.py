"""Round-94 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / TX-01: OCSP response cache of a PKI suite (xipki)
XIPKI = template('xipki-ocsp-response-cacher', r'''
/**
 * Caches the OCSP responses the responder signs in a database table, so that a second request for the same
 * certificate within the response's validity is served without signing again. Expired responses are removed by
 * a task that runs every hour; every statement borrows a connection from the responder's small pool and must give
 * it back, or the cacher and then the responder run out of connections.
 */
public class ResponseCacher implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCacher.class);

  private static final String SQL_DELETE_EXPIRED = "DELETE FROM OCSP WHERE THIS_UPDATE<?";
  private static final String SQL_UPDATE_ISSUER = "UPDATE ISSUER SET REV_INFO=? WHERE ID=?";
  private static final String SQL_DELETE_OF_ISSUER = "DELETE FROM OCSP WHERE IID=?";

  private final DataSourceWrapper datasource;
  private final long validity;
  private final ScheduledExecutorService scheduledExecutor;

  public ResponseCacher(DataSourceWrapper datasource, long validity) {
    this.datasource = datasource;
    this.validity = validity;
    this.scheduledExecutor = Executors.newScheduledThreadPool(1);
    this.scheduledExecutor.scheduleAtFixedRate(new ExpiredResponsesCleaner(), 348, 3600, TimeUnit.SECONDS);
  }

  private void removeExpiredResponses() throws DataAccessException {
    long maxThisUpdate = Instant.now().getEpochSecond() - validity;
02|    try (Connection conn = datasource.getConnection();
02|        PreparedStatement ps = conn.prepareStatement(SQL_DELETE_EXPIRED)) {
1|    Connection conn = datasource.getConnection(); //@RES-01
1|    try {
1|      PreparedStatement ps = conn.prepareStatement(SQL_DELETE_EXPIRED);
      ps.setLong(1, maxThisUpdate);
      int num = ps.executeUpdate();
      LOG.info("removed {} OCSP responses with thisUpdate < {}", num, maxThisUpdate);
    } catch (SQLException ex) {
      throw datasource.translate(SQL_DELETE_EXPIRED, ex);
    }
  }

  /**
   * Stores the new revocation information of an issuer and drops its cached responses, in one transaction: a
   * response cached under the old information must never outlive it.
   */
  void resetIssuer(int issuerId, String revInfo) throws DataAccessException {
    Connection conn = datasource.getConnection();
01|    boolean committed = false;
    try {
      conn.setAutoCommit(false); //@{2}TX-01
      try (PreparedStatement ps = conn.prepareStatement(SQL_UPDATE_ISSUER)) {
        ps.setString(1, revInfo);
        ps.setInt(2, issuerId);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement(SQL_DELETE_OF_ISSUER)) {
        ps.setInt(1, issuerId);
        ps.executeUpdate();
      }
      conn.commit();
01|      committed = true;
    } catch (SQLException ex) {
      throw datasource.translate(SQL_UPDATE_ISSUER, ex);
    } finally {
01|      if (!committed) {
01|        datasource.rollback(conn);
01|      }
      datasource.returnConnection(conn);
    }
  }

  @Override
  public void close() {
    scheduledExecutor.shutdownNow();
  }

  private class ExpiredResponsesCleaner implements Runnable {
    @Override
    public void run() {
      try {
        removeExpiredResponses();
      } catch (Throwable th) {
        LOG.error("could not remove expired responses", th);
      }
    }
  }
}
''')
cases_of(case, GH + 'xipki/xipki/issues/102',
         'ocsp-server/' + src('org.xipki.ocsp.server', 'ResponseCacher'),
         J('org.xipki.ocsp.server', SLF4J + ['java.io.Closeable', 'java.sql.Connection', 'java.sql.PreparedStatement',
                                            'java.sql.SQLException', 'java.time.Instant',
                                            'java.util.concurrent.Executors',
                                            'java.util.concurrent.ScheduledExecutorService',
                                            'java.util.concurrent.TimeUnit', 'org.xipki.datasource.DataAccessException',
                                            'org.xipki.datasource.DataSourceWrapper'])(XIPKI), [
             (1, 'java-00-xipki-expired-responses-connection-not-closed',
              'an edit borrows the connection of the hourly cleanup outside a try-with-resources, so every run '
              'keeps one connection of the pool until the cacher and then the responder cannot get any', 'edit'),
             (2, 'java-00-xipki-issuer-reset-not-rolled-back',
              'an edit drops the rollback of the issuer reset, so a failed delete hands the connection back to the '
              'pool with its transaction open and the issuer row locked', 'edit'),
             (0, 'java-ok-00-xipki-expired-responses-connection-closed',
              'clean: the fix borrows the cleanup\'s connection in a try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: key set fetch of a JWKS library (jwks-rsa-java)
JWKSRSA = template('jwks-rsa-url-provider', r'''
/**
 * Jwk provider that loads them from a {@link URL}.
 */
public class UrlJwkProvider implements JwkProvider {
    static final String WELL_KNOWN_JWKS_PATH = "/.well-known/jwks.json";
    static final int DEFAULT_CONNECT_TIMEOUT_MS = 5000;
    static final int DEFAULT_READ_TIMEOUT_MS = 5000;

    final URL url;
    private final Proxy proxy;
    private final Integer connectTimeout;
    private final Integer readTimeout;
    private final ObjectReader reader;

    public UrlJwkProvider(URL url, Integer connectTimeout, Integer readTimeout, Proxy proxy) {
        checkArgument(url != null, "A non-null url is required");
        checkArgument(connectTimeout == null || connectTimeout >= 0, "Invalid connect timeout value '" + connectTimeout + "'. Must be a non-negative integer.");
        checkArgument(readTimeout == null || readTimeout >= 0, "Invalid read timeout value '" + readTimeout + "'. Must be a non-negative integer.");
        this.url = url;
        this.proxy = proxy;
        this.connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT_MS : connectTimeout;
        this.readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT_MS : readTimeout;
        this.reader = new ObjectMapper().readerFor(Map.class);
    }

    private Map<String, Object> getJwks() throws SigningKeyNotFoundException {
        try {
            final URLConnection c = (proxy == null) ? this.url.openConnection() : this.url.openConnection(proxy); //@{1}TMO-01
02|            c.setConnectTimeout(connectTimeout);
02|            c.setReadTimeout(readTimeout);
            c.setRequestProperty("Accept", "application/json");

            try (InputStream inputStream = c.getInputStream()) {
                return reader.readValue(inputStream);
            }
        } catch (IOException e) { //@{2}ERR-01
01|            throw new NetworkException("Cannot obtain jwks from url " + url.toString(), e);
2|            return Collections.emptyMap();
        }
    }

    @Override
    public Jwk get(String keyId) throws JwkException {
        final List<Jwk> jwks = getAll();
        if (keyId == null && jwks.size() == 1) {
            return jwks.get(0);
        }
        if (keyId != null) {
            for (Jwk jwk : jwks) {
                if (keyId.equals(jwk.getId())) {
                    return jwk;
                }
            }
        }
        throw new SigningKeyNotFoundException("No key found in " + url.toString() + " with kid " + keyId, null);
    }
}
''')
cases_of(case, GH + 'auth0/jwks-rsa-java/issues/132', src('com.auth0.jwk', 'UrlJwkProvider'),
         JV('com.auth0.jwk', {v: ['com.fasterxml.jackson.databind.ObjectMapper',
                                  'com.fasterxml.jackson.databind.ObjectReader', 'java.io.IOException',
                                  'java.io.InputStream', 'java.net.Proxy', 'java.net.URL', 'java.net.URLConnection',
                                  'java.util.List', 'java.util.Map']
                              + (['java.util.Collections'] if v == 2 else []) for v in (0, 1, 2)})(JWKSRSA), [
             (1, 'java-00-jwks-rsa-url-provider-without-timeouts',
              'an edit opens the key set URL without the provider\'s connect and read timeouts, so a key endpoint '
              'that accepts the connection and never answers holds every token verification of the service', 'edit'),
             (2, 'java-00-jwks-rsa-url-provider-swallows-fetch-failure',
              'an edit turns a failed key set fetch into an empty key set, so an unreachable issuer is reported as '
              '"no key with kid" and the network failure is lost', 'edit'),
             (0, 'java-ok-00-jwks-rsa-url-provider-with-timeouts',
              'clean: the fix applies the connect and read timeouts to the key set connection', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: remote key source of an access management server (gravitee AM)
GRAVITEE = template('gravitee-am-remote-jwk-source', r'''
/**
 * Resolves the key source of an identity provider whose keys are published at a JWKS URL. The source caches the
 * key set, refreshes it ahead of expiry and tolerates short outages of the provider, so it is built once per
 * provider and shared by every token the provider's users present.
 *
 * @author GraviteeSource Team
 */
public class RemoteJWKSourceResolver<C extends SecurityContext> implements JWKSourceResolver<C> {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int SIZE_LIMIT_BYTES = 51_200;

    private final String url;
02|    private final JWKSource<C> source;

    public RemoteJWKSourceResolver(String url) throws MalformedURLException {
        this.url = url;
02|        this.source = JWKSourceBuilder.<C>create(new URL(url), retriever())
02|                .cache(true)
02|                .outageTolerant(true)
02|                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public JWKSource<C> resolve() {
02|        return source;
1|        try {
1|            return JWKSourceBuilder.<C>create(new URL(url), retriever()).cache(true).build(); //@RES-04
1|        } catch (MalformedURLException e) {
1|            throw new IllegalStateException("Invalid JWKS URL " + url, e);
1|        }
    }

    private static ResourceRetriever retriever() {
01|        return new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES);
2|        return new DefaultResourceRetriever(); //@TMO-01
    }
}
''')
cases_of(case, GH + 'gravitee-io/gravitee-access-management/pull/6183',
         'gravitee-am-identityprovider/gravitee-am-identityprovider-common/'
         + src('io.gravitee.am.identityprovider.common.oauth2.jwt.jwks.remote', 'RemoteJWKSourceResolver'),
         J('io.gravitee.am.identityprovider.common.oauth2.jwt.jwks.remote', [
             'com.nimbusds.jose.jwk.source.JWKSource', 'com.nimbusds.jose.jwk.source.JWKSourceBuilder',
             'com.nimbusds.jose.proc.SecurityContext', 'com.nimbusds.jose.util.DefaultResourceRetriever',
             'com.nimbusds.jose.util.ResourceRetriever',
             'io.gravitee.am.identityprovider.common.oauth2.jwt.jwks.JWKSourceResolver',
             'java.net.MalformedURLException', 'java.net.URL'])(GRAVITEE), [
             (1, 'java-00-gravitee-am-jwk-source-built-per-resolve',
              'an edit builds the remote key source on every resolve, so each token verification fetches the '
              'provider\'s key set again and the cache and outage tolerance never apply', 'edit'),
             (2, 'java-00-gravitee-am-jwk-source-retriever-without-timeouts',
              'an edit builds the key set retriever without connect and read timeouts, so a provider that stops '
              'answering holds the login threads that need its keys', 'edit'),
             (0, 'java-ok-00-gravitee-am-jwk-source-shared',
              'clean: the fix builds the caching key source once per provider', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-06: JDK HTTP client of a Vault extension (quarkus-vault)
QVAULT = template('quarkus-vault-jdk-client', r'''
/**
 * Vault HTTP client on the JDK's {@link HttpClient}. The connect timeout is the client's; the read timeout is
 * applied to every request, since the JDK client has none of its own.
 */
public class JDKVaultHttpClient implements VaultHttpClient, AutoCloseable {

    private static final Logger log = Logger.getLogger(JDKVaultHttpClient.class);
    private static final String X_VAULT_TOKEN = "X-Vault-Token";

    private final HttpClient httpClient;
    private final URI baseUri;
    private final Duration readTimeout;
    private volatile String token;

    public JDKVaultHttpClient(URI baseUri, Duration connectTimeout, Duration readTimeout) {
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.baseUri = baseUri;
        this.readTimeout = readTimeout;
    }

    @Override
    public <T> Uni<VaultResponse<T>> send(VaultRequest<T> request) {
        var builder = HttpRequest.newBuilder(baseUri.resolve(request.getPath())); //@{1}TMO-01
02|        builder.timeout(request.getTimeout().orElse(readTimeout));
        request.getToken().ifPresent(t -> builder.header(X_VAULT_TOKEN, t));
        request.getHeaders().forEach(builder::header);
        builder.method(request.getMethod(), request.getBody().map(BodyPublishers::ofByteArray).orElse(BodyPublishers.noBody()));

        return Uni.createFrom().completionStage(() -> httpClient.sendAsync(builder.build(), BodyHandlers.ofByteArray()))
                .map(response -> request.parse(response.statusCode(), response.headers().map(), response.body()));
    }

    @Override
    public void close() {
        String current = token;
        if (current == null) {
            return;
        }
        var revoke = HttpRequest.newBuilder(baseUri.resolve("/v1/auth/token/revoke-self"))
                .header(X_VAULT_TOKEN, current)
                .timeout(readTimeout)
                .POST(BodyPublishers.noBody())
                .build();
01|        try {
01|            httpClient.send(revoke, BodyHandlers.discarding());
01|        } catch (IOException e) {
01|            log.warnf(e, "could not revoke the Vault token on close");
01|        } catch (InterruptedException e) {
01|            Thread.currentThread().interrupt();
01|        }
2|        httpClient.sendAsync(revoke, BodyHandlers.discarding()); //@CONC-06
    }
}
''')
cases_of(case, GH + 'quarkiverse/quarkus-vault/pull/254',
         'core/' + src('io.quarkus.vault.client.http.jdk', 'JDKVaultHttpClient'),
         JV('io.quarkus.vault.client.http.jdk', {v: [
             'io.quarkus.vault.client.api.common.VaultRequest', 'io.quarkus.vault.client.api.common.VaultResponse',
             'io.quarkus.vault.client.http.VaultHttpClient', 'io.smallrye.mutiny.Uni', 'java.net.URI',
             'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpRequest.BodyPublishers',
             'java.net.http.HttpResponse.BodyHandlers', 'java.time.Duration', 'org.jboss.logging.Logger']
             + ([] if v == 2 else ['java.io.IOException']) for v in (0, 1, 2)})(QVAULT), [
             (1, 'java-00-quarkus-vault-jdk-request-without-read-timeout',
              'an edit builds each Vault request without the read timeout, so a Vault that accepts the connection '
              'and never answers holds the secret lookup, and the application start, for ever', 'edit'),
             (2, 'java-00-quarkus-vault-token-revoke-future-dropped',
              'an edit revokes the Vault token on close with an asynchronous send whose future nobody looks at, so '
              'a failed revocation leaves a live token behind with no trace', 'edit'),
             (0, 'java-ok-00-quarkus-vault-jdk-request-with-read-timeout',
              'clean: the fix applies the read timeout to every Vault request', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: CRL store of a certificate validation library (canl-java), CRLF
CANL = template('canl-crl-store-reload', r'''
/**
 * CRL store that loads CRLs from local files and URLs and reloads them at a fixed interval on a shared timer.
 * A {@link java.util.Timer} has one thread: a task that throws ends the timer for every store that shares it.
 */
public class PlainCRLStoreSpi extends CRLStoreSpi
{
    private static final int DOWNLOAD_ATTEMPTS = 3;
    private static final long RETRY_DELAY_MS = 2000;

    private final Timer timer;
    private final ObserversHandler observers;
    private final CRLParameters params;

    public PlainCRLStoreSpi(CRLParameters params, Timer timer, ObserversHandler observers)
    {
        this.params = params;
        this.timer = timer;
        this.observers = observers;
        reloadCRLs(false);
        scheduleUpdate();
    }

    private void scheduleUpdate()
    {
        long updateInterval = params.getCrlUpdateInterval();
        if (updateInterval > 0)
            timer.schedule(new AsyncCRLsReloadTask(), updateInterval);
    }

    private class AsyncCRLsReloadTask extends TimerTask
    {
        public void run()
        {
02|            try
02|            {
02|                reloadCRLs(true);
02|            } catch (RuntimeException e)
02|            {
02|                observers.notifyObservers(null, StoreUpdateListener.CRL, Severity.ERROR, e);
02|            }
1|            reloadCRLs(true); //@CONC-07
            scheduleUpdate();
        }
    }

    X509CRL downloadCRL(URL url) throws IOException
    {
        IOException last = null;
        for (int attempt = 0; attempt < DOWNLOAD_ATTEMPTS; attempt++)
        {
            try
            {
                return loadCRL(url);
            } catch (IOException e)
            {
                last = e;
            }
            try
            {
                Thread.sleep(RETRY_DELAY_MS);
            } catch (InterruptedException e) //@{2}CONC-05
            {
01|                Thread.currentThread().interrupt();
01|                break;
2|                observers.notifyObservers(url.toExternalForm(), StoreUpdateListener.CRL, Severity.WARNING, e);
            }
        }
        throw last;
    }
}
''')
cases_of(case, GH + 'eu-emi/canl-java/issues/14',
         src('eu.emi.security.authn.x509.helpers.crl', 'PlainCRLStoreSpi'),
         J('eu.emi.security.authn.x509.helpers.crl', [
             'eu.emi.security.authn.x509.StoreUpdateListener', 'eu.emi.security.authn.x509.StoreUpdateListener.Severity',
             'eu.emi.security.authn.x509.helpers.ObserversHandler', 'eu.emi.security.authn.x509.impl.CRLParameters',
             'java.io.IOException', 'java.net.URL', 'java.security.cert.CRLStoreSpi',
             'java.security.cert.X509CRL', 'java.util.Timer', 'java.util.TimerTask'])(CANL), [
             (1, 'java-00-canl-crl-reload-task-without-catch',
              'an edit reloads the CRLs on the shared timer without catching what the reload throws, so one '
              'unparsable CRL cancels the timer and every later store fails with "Timer already cancelled"', 'edit'),
             (2, 'java-00-canl-crl-download-swallows-interrupt',
              'an edit reports an interrupted retry delay as a warning and carries on, so a validator being shut '
              'down keeps downloading CRLs with its interrupt flag cleared', 'edit'),
             (0, 'java-ok-00-canl-crl-reload-task-catches',
              'clean: the fix catches what the reload throws and reports it to the store\'s observers', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-02: metadata manager of a SAML extension (spring-security-saml)
SAML = template('spring-security-saml-metadata-refresh', r'''
/**
 * Keeps the metadata of every configured provider and reloads it on a timer. Request threads read the providers
 * and the IDP names while the refresh task replaces them, so both are swapped under the write lock.
 */
public class CachingMetadataManager extends MetadataManager {

    private final Logger log = LoggerFactory.getLogger(CachingMetadataManager.class);
    private final ReentrantReadWriteLock refreshLock = new ReentrantReadWriteLock();

    private List<ExtendedMetadataDelegate> availableProviders;
    private List<MetadataProvider> providers = Collections.emptyList();
    private Set<String> idpNames = Collections.emptySet();

    public CachingMetadataManager(List<ExtendedMetadataDelegate> providers) throws MetadataProviderException {
        super(Collections.emptyList());
        this.availableProviders = new ArrayList<>(providers);
    }

    public void refreshMetadata() {
        log.debug("Reloading metadata");
        List<MetadataProvider> refreshed = loadProviders();
02|        refreshLock.writeLock().lock();
02|        try {
02|            providers = Collections.unmodifiableList(refreshed);
02|            idpNames = collectIdpNames(refreshed);
02|        } finally {
02|            refreshLock.writeLock().unlock();
02|        }
1|        providers = Collections.unmodifiableList(refreshed); //@CONC-03
1|        idpNames = collectIdpNames(refreshed);
        log.debug("Reloaded metadata of {} providers", refreshed.size());
    }

    private List<MetadataProvider> loadProviders() {
        List<MetadataProvider> loaded = new ArrayList<>();
        for (ExtendedMetadataDelegate delegate : availableProviders) {
            long start = System.currentTimeMillis();
            try {
                delegate.refresh();
                loaded.add(delegate);
            } catch (MetadataProviderException e) {
                log.error("Provider {} could not be refreshed and is left out", delegate, e);
            }
01|            log.debug("Refreshed metadata provider {} in {} ms", delegate, System.currentTimeMillis() - start);
2|            log.debug("Refreshed metadata provider " + delegate + " in " + (System.currentTimeMillis() - start) + " ms"); //@LOG-02
        }
        return loaded;
    }

    @Override
    public List<MetadataProvider> getProviders() {
        refreshLock.readLock().lock();
        try {
            return providers;
        } finally {
            refreshLock.readLock().unlock();
        }
    }

    @Override
    public Set<String> getIDPEntityNames() {
        refreshLock.readLock().lock();
        try {
            return idpNames;
        } finally {
            refreshLock.readLock().unlock();
        }
    }
}
''')
cases_of(case, GH + 'spring-attic/spring-security-saml/issues/153',
         'core/' + src('org.springframework.security.saml.metadata', 'CachingMetadataManager'),
         J('org.springframework.security.saml.metadata', SLF4J + [
             'java.util.ArrayList', 'java.util.Collections', 'java.util.List', 'java.util.Set',
             'java.util.concurrent.locks.ReentrantReadWriteLock',
             'org.opensaml.saml2.metadata.provider.MetadataProvider',
             'org.opensaml.saml2.metadata.provider.MetadataProviderException'])(SAML), [
             (1, 'java-00-spring-security-saml-metadata-swapped-without-lock',
              'an edit replaces the providers and the IDP names after a refresh without the write lock, so a login '
              'that reads them while the timer refreshes sees the new providers with the old names', 'edit'),
             (2, 'java-00-spring-security-saml-refresh-debug-concatenated',
              'an edit builds the debug line of every provider refresh by string concatenation, so the provider\'s '
              'description is rendered on each refresh even with debug logging off', 'edit'),
             (0, 'java-ok-00-spring-security-saml-metadata-swapped-under-lock',
              'clean: the fix swaps the providers and names under the write lock', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-02: self-refreshing key set of a search security plugin (opensearch security)
OSSEC = template('opensearch-security-key-set', r'''
/**
 * Key set of an OpenID provider that refreshes itself when a token names a key it does not know. Concurrent
 * requests for an unknown key wait for the one refresh in progress instead of each fetching the key set.
 */
public class SelfRefreshingKeySet implements KeyProvider {
    private static final Logger log = LogManager.getLogger(SelfRefreshingKeySet.class);
    private static final int MAX_QUEUED_REFRESHES = 10;

    private final KeySetProvider keySetProvider;
    private final ThreadPoolExecutor threadPoolExecutor = new ThreadPoolExecutor(
        1,
        10,
        1000,
        TimeUnit.MILLISECONDS,
01|        new ArrayBlockingQueue<>(MAX_QUEUED_REFRESHES),
2|        new LinkedBlockingQueue<>(), //@CONC-02
        new ThreadPoolExecutor.DiscardPolicy()
    );
    private volatile JWKSet jsonWebKeys = new JWKSet();
    private boolean refreshInProgress = false;
    private long refreshCount = 0;
    private long requestTimeoutMs = 10000;

    public SelfRefreshingKeySet(KeySetProvider keySetProvider) {
        this.keySetProvider = keySetProvider;
    }

    private synchronized JWK waitForRefreshToFinish(String kid) {
        long currentRefreshCount = refreshCount;
        try {
            wait(requestTimeoutMs);
        } catch (InterruptedException e) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            log.debug("Interrupted while waiting for the key set refresh", e);
        }
        JWK result = jsonWebKeys.getKeyByKeyId(kid);
        if (result == null && refreshCount == currentRefreshCount) {
            log.warn("Key set refresh did not finish within {} ms", requestTimeoutMs);
        }
        return result;
    }

    private synchronized void performRefresh(String kid) {
        refreshInProgress = true;
        threadPoolExecutor.execute(() -> {
            try {
                JWKSet newKeys = keySetProvider.get();
                if (newKeys == null) {
                    throw new RuntimeException("Refresh function " + keySetProvider + " yielded null");
                }
                jsonWebKeys = newKeys;
            } catch (Throwable e) {
                log.warn("KeySetProvider threw error", e);
            } finally {
                synchronized (SelfRefreshingKeySet.this) {
                    refreshInProgress = false;
                    refreshCount++;
                    SelfRefreshingKeySet.this.notifyAll();
                }
            }
        });
    }
}
''')
cases_of(case, GH + 'opensearch-project/security/pull/3421',
         src('com.amazon.dlic.auth.http.jwt.keybyoidc', 'SelfRefreshingKeySet'),
         JV('com.amazon.dlic.auth.http.jwt.keybyoidc', {v: [
             'com.nimbusds.jose.jwk.JWK', 'com.nimbusds.jose.jwk.JWKSet', 'java.util.concurrent.ThreadPoolExecutor',
             'java.util.concurrent.TimeUnit', 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger']
             + (['java.util.concurrent.LinkedBlockingQueue'] if v == 2 else ['java.util.concurrent.ArrayBlockingQueue'])
             for v in (0, 1, 2)})(OSSEC), [
             (1, 'java-00-opensearch-security-key-set-wait-swallows-interrupt',
              'an edit logs an interrupted wait for the key set refresh and carries on, so a node being shut down '
              'keeps authenticating requests on threads whose interrupt flag was cleared', 'edit'),
             (2, 'java-00-opensearch-security-key-set-refresh-queue-unbounded',
              'an edit gives the refresh executor an unbounded queue, so a flood of tokens with unknown key ids '
              'queues a key set fetch for each of them instead of dropping the surplus', 'edit'),
             (0, 'java-ok-00-opensearch-security-key-set-wait-restores-interrupt',
              'clean: the fix restores the interrupt flag when the wait is interrupted', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: key location resolver of a MicroProfile JWT library (smallrye-jwt)
SMALLRYE = template('smallrye-jwt-key-location', r'''
/**
 * Resolves the verification key of a token from the key location of the configuration: a PEM key, a local JWK
 * set or an HTTPS JWK set that is refreshed at an interval. One resolver serves every request thread of the
 * application, so the key of one token is never kept in a field another request could read.
 */
public class KeyLocationResolver implements VerificationKeyResolver {
    private static final Logger log = Logger.getLogger(KeyLocationResolver.class);

    private final JWTAuthContextInfo authContextInfo;
    private final HttpsJwks httpsJwks;
    private final Duration refreshInterval;
02|    private volatile Instant lastRefresh = Instant.EPOCH;
1|    private Key verificationKey;
2|    private volatile LocalDateTime lastRefresh = LocalDateTime.MIN;

    public KeyLocationResolver(JWTAuthContextInfo authContextInfo, HttpsJwks httpsJwks) {
        this.authContextInfo = authContextInfo;
        this.httpsJwks = httpsJwks;
        this.refreshInterval = Duration.ofMinutes(authContextInfo.getJwksRefreshInterval());
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        if (isRefreshDue()) {
            refresh();
        }
02|        return findKey(jws.getKeyIdHeaderValue());
1|        if (verificationKey == null || jws.getKeyIdHeaderValue() != null) {
1|            verificationKey = findKey(jws.getKeyIdHeaderValue()); //@CONC-03
1|        }
1|        return verificationKey;
    }

    private boolean isRefreshDue() {
01|        return Instant.now().isAfter(lastRefresh.plus(refreshInterval));
2|        return LocalDateTime.now().isAfter(lastRefresh.plus(refreshInterval)); //@TIME-01
    }

    private synchronized void refresh() {
        try {
            httpsJwks.refresh();
01|            lastRefresh = Instant.now();
2|            lastRefresh = LocalDateTime.now();
        } catch (JoseException | IOException e) {
            log.debugf(e, "Failed to refresh the JWK set at %s", authContextInfo.getPublicKeyLocation());
        }
    }

    private Key findKey(String kid) throws UnresolvableKeyException {
        try {
            for (JsonWebKey jwk : httpsJwks.getJsonWebKeys()) {
                if (kid == null || kid.equals(jwk.getKeyId())) {
                    return jwk.getKey();
                }
            }
        } catch (JoseException | IOException e) {
            throw new UnresolvableKeyException("Failed to load the JWK set from " + authContextInfo.getPublicKeyLocation(), e);
        }
        throw new UnresolvableKeyException("No key with kid " + kid + " at " + authContextInfo.getPublicKeyLocation());
    }
}
''')
cases_of(case, GH + 'smallrye/smallrye-jwt/pull/120',
         'implementation/' + src('io.smallrye.jwt.auth.principal', 'KeyLocationResolver'),
         JV('io.smallrye.jwt.auth.principal', {v: [
             'java.io.IOException', 'java.security.Key', 'java.time.Duration', 'java.util.List',
             'org.jboss.logging.Logger', 'org.jose4j.jwk.HttpsJwks', 'org.jose4j.jwk.JsonWebKey',
             'org.jose4j.jws.JsonWebSignature', 'org.jose4j.jwx.JsonWebStructure', 'org.jose4j.keys.resolvers.VerificationKeyResolver',
             'org.jose4j.lang.JoseException', 'org.jose4j.lang.UnresolvableKeyException']
             + (['java.time.LocalDateTime'] if v == 2 else ['java.time.Instant']) for v in (0, 1, 2)})(SMALLRYE), [
             (1, 'java-00-smallrye-jwt-verification-key-cached-in-shared-field',
              'an edit keeps the resolved key in a field of the shared resolver, so a token without a kid can be '
              'verified with the key another request thread resolved for a different token', 'edit'),
             (2, 'java-00-smallrye-jwt-refresh-due-in-local-time',
              'an edit keeps the time of the last key set refresh as a local date-time, so a clock change of the '
              'host\'s zone refreshes the key set an hour late or at every request', 'edit'),
             (0, 'java-ok-00-smallrye-jwt-verification-key-per-request',
              'clean: the fix looks the key up per request and keeps no key in the resolver', 'fix'),
         ])


# ---------------------------------------------------------------- DEP-02 / CONC-04: token cache loader of a Kerberos server (directory-kerby), new file
KERBY = template('kerby-token-cache-loader', r'''
/**
 * Reads the access token a user obtained from the identity provider and cached under the user's home, so that
 * kinit with a token finds it without prompting again. The cache holds the token in its compact form and the
 * token decoder checks its signature; the principal is put in the logging context while the token is read.
 */
public class TokenCacheLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TokenCacheLoader.class);
    private static final int MAX_TOKEN_BYTES = 16 * 1024;

    private final TokenDecoder decoder;

    public TokenCacheLoader(TokenDecoder decoder) {
        this.decoder = decoder;
    }

    public AuthToken load(File cacheFile, String principal) throws KrbException {
01|        MDC.put("principal", principal);
01|        try {
01|            return read(cacheFile);
01|        } finally {
01|            MDC.remove("principal");
01|        }
2|        MDC.put("principal", principal); //@CONC-04
2|        return read(cacheFile);
    }

    private AuthToken read(File cacheFile) throws KrbException {
        if (!cacheFile.isFile()) {
            throw new KrbException("No token cache at " + cacheFile);
        }
        LOG.debug("Reading the token cache {}", cacheFile);
02|        try {
02|            byte[] raw = Files.readAllBytes(cacheFile.toPath());
02|            if (raw.length > MAX_TOKEN_BYTES) {
02|                throw new KrbException("Token cache " + cacheFile + " is larger than " + MAX_TOKEN_BYTES + " bytes");
02|            }
02|            AuthToken token = decoder.decodeFromString(new String(raw, StandardCharsets.UTF_8).trim());
02|            LOG.info("Loaded the token of {} issued by {}", token.getSubject(), token.getIssuer());
02|            return token;
02|        } catch (IOException e) {
02|            throw new KrbException("Failed to read the token cache " + cacheFile, e);
02|        }
1|        try (ObjectInputStream in = new ObjectInputStream(new FileInputStream(cacheFile))) { //@DEP-02
1|            AuthToken token = (AuthToken) in.readObject();
1|            LOG.info("Loaded the token of {} issued by {}", token.getSubject(), token.getIssuer());
1|            return token;
1|        } catch (IOException | ClassNotFoundException e) {
1|            throw new KrbException("Failed to read the token cache " + cacheFile, e);
1|        }
    }
}
''')
cases_of(case, GH + 'apache/directory-kerby/pull/679',
         'kerby-kerb/kerb-client/' + src('org.apache.kerby.kerberos.kerb.client.token', 'TokenCacheLoader'),
         JV('org.apache.kerby.kerberos.kerb.client.token', {v: SLF4J + [
             'java.io.File', 'java.io.IOException', 'org.apache.kerby.kerberos.kerb.KrbException',
             'org.apache.kerby.kerberos.kerb.provider.TokenDecoder', 'org.apache.kerby.kerberos.kerb.type.base.AuthToken',
             'org.slf4j.MDC']
             + (['java.io.FileInputStream', 'java.io.ObjectInputStream'] if v == 1
                else ['java.nio.charset.StandardCharsets', 'java.nio.file.Files']) for v in (0, 1, 2)})(KERBY), [
             (1, 'java-00-kerby-new-token-cache-java-deserialization',
              'a new token cache loader reads the cached token with Java deserialization, so whoever can write the '
              'cache file runs any gadget chain on the class path of the kinit that reads it', 'new'),
             (2, 'java-00-kerby-new-token-cache-mdc-not-removed',
              'a new token cache loader puts the principal in the logging context and never removes it, so the '
              'reused thread\'s later lines carry the last user\'s principal', 'new'),
             (0, 'java-ok-00-kerby-new-token-cache-loader',
              'clean: a new token cache loader that decodes the compact token and removes the principal from the '
              'logging context in a finally block', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: resource retriever of a JWT verifier (okta-jwt-verifier-java)
OKTA = template('okta-jwt-resource-retriever', r'''
/**
 * Retrieves the key set and the discovery document of the authorization server on a shared HTTP client, with the
 * connection and read timeouts of the verifier's builder (the defaults of the underlying library are too short for
 * some networks and too long for others).
 */
final class HttpClientResourceRetriever implements ResourceRetriever {

    private final CloseableHttpClient httpClient;

    HttpClientResourceRetriever(Duration connectionTimeout, Duration readTimeout, String userAgent) {
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout((int) connectionTimeout.toMillis())
                .setSocketTimeout((int) readTimeout.toMillis())
                .build();
        this.httpClient = HttpClients.custom() //@{1}TMO-01
02|                .setDefaultRequestConfig(config)
                .setUserAgent(userAgent)
                .useSystemProperties()
                .build();
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        HttpGet get = new HttpGet(url.toString());
        get.setHeader("Accept", "application/json");
01|        try (CloseableHttpResponse response = httpClient.execute(get)) {
01|            return toResource(url, response);
01|        }
2|        CloseableHttpResponse response = httpClient.execute(get); //@RES-02
2|        return toResource(url, response);
    }

    private static Resource toResource(URL url, CloseableHttpResponse response) throws IOException {
        int status = response.getStatusLine().getStatusCode();
        if (status != HttpStatus.SC_OK) {
            throw new IOException("Unexpected HTTP status " + status + " from " + url);
        }
        HttpEntity entity = response.getEntity();
        String contentType = entity.getContentType() == null ? null : entity.getContentType().getValue();
        return new Resource(EntityUtils.toString(entity, StandardCharsets.UTF_8), contentType);
    }
}
''')
cases_of(case, GH + 'okta/okta-jwt-verifier-java/issues/7',
         'impl/' + src('com.okta.jwt.impl.http', 'HttpClientResourceRetriever'),
         J('com.okta.jwt.impl.http', [
             'com.nimbusds.jose.util.Resource', 'com.nimbusds.jose.util.ResourceRetriever', 'java.io.IOException',
             'java.net.URL', 'java.nio.charset.StandardCharsets', 'java.time.Duration', 'org.apache.http.HttpEntity',
             'org.apache.http.HttpStatus', 'org.apache.http.client.config.RequestConfig',
             'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet',
             'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients',
             'org.apache.http.util.EntityUtils'])(OKTA), [
             (1, 'java-00-okta-jwt-retriever-client-without-timeouts',
              'an edit builds the verifier\'s HTTP client without the request config that carries the builder\'s '
              'timeouts, so a key set fetch from an authorization server that stops answering never returns', 'edit'),
             (2, 'java-00-okta-jwt-retriever-response-not-closed',
              'an edit stops closing the response of a key set fetch, so every fetch that fails its status check '
              'keeps a connection of the client\'s small pool until none is left', 'edit'),
             (0, 'java-ok-00-okta-jwt-retriever-with-timeouts',
              'clean: the fix builds the client with the request config that carries the timeouts', 'fix'),
         ])
