"""Round-123 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-03 / LOG-02: synced enforcer of a policy engine (jcasbin)
JCASBIN = template('jcasbin-synced-enforcer', r'''
/**
 * SyncedEnforcer wraps Enforcer with a read-write lock: decisions take the read lock and policy changes the write
 * lock, so a policy change never runs while a request of another thread is being decided.
 */
public class SyncedEnforcer extends Enforcer {
    private static final Logger LOGGER = LoggerFactory.getLogger(SyncedEnforcer.class);
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public SyncedEnforcer(String modelPath, String policyFile) {
        super(modelPath, policyFile);
    }

    @Override
    public boolean enforce(Object... rvals) {
        lock.readLock().lock();
        try {
            return super.enforce(rvals);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void loadPolicy() {
        lock.writeLock().lock();
        try {
            super.loadPolicy();
01|            LOGGER.debug("Policy reloaded with {} rules", getPolicy().size());
2|            LOGGER.debug("Policy reloaded with " + getPolicy().size() + " rules"); //@LOG-02
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean addPolicy(List<String> params) {
02|        lock.writeLock().lock();
02|        try {
02|            return super.addPolicy(params);
02|        } finally {
02|            lock.writeLock().unlock();
02|        }
1|        return super.addPolicy(params); //@CONC-03
    }

    @Override
    public boolean removePolicy(List<String> params) {
        lock.writeLock().lock();
        try {
            return super.removePolicy(params);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
''')
_JC_PKG = 'org.casbin.jcasbin.main'
cases_of(case, GH + 'apache/casbin-jcasbin/issues/30', src(_JC_PKG, 'SyncedEnforcer'),
         J(_JC_PKG, SLF4J + ['java.util.List', 'java.util.concurrent.locks.ReadWriteLock',
                             'java.util.concurrent.locks.ReentrantReadWriteLock'])(JCASBIN), [
             (1, 'java-00-jcasbin-add-policy-unlocked',
              'an edit adds policies without the write lock, so a request thread can read the policy while another '
              'thread changes it', 'edit'),
             (2, 'java-00-jcasbin-reload-debug-concatenated',
              'an edit builds the debug line of a policy reload by string concatenation', 'edit'),
             (0, 'java-ok-00-jcasbin-add-policy-locked',
              'clean: the fix adds policies under the write lock', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: JWT signing key fetch of an authorization system (athenz), CRLF file
ATHENZJWKS = template('athenz-jwks-fetch', r'''
/**
 * Fetches the JSON web key sets that ZTS and ZMS publish. A key set URL that stops answering must not park the
 * thread that refreshes the keys, so the connection is bounded by connect and read timeouts.
 */
public class JwtsHelper {
    private static final Logger LOGGER = LoggerFactory.getLogger(JwtsHelper.class);
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int READ_TIMEOUT_MS = 15_000;

    public String getHttpData(String serverUrl, SSLContext sslContext, String proxyUrl) {
        if (serverUrl == null || serverUrl.isEmpty()) {
            return null;
        }
        try {
            HttpsURLConnection con = getUrlConnection(serverUrl, proxyUrl); //@{1}TMO-01
02|            con.setConnectTimeout(CONNECT_TIMEOUT_MS);
02|            con.setReadTimeout(READ_TIMEOUT_MS);
            if (sslContext != null) {
                con.setSSLSocketFactory(sslContext.getSocketFactory());
            }
            con.setRequestMethod("GET");
            con.setRequestProperty("Accept", "application/json");

            int statusCode = con.getResponseCode();
            if (statusCode != HttpURLConnection.HTTP_OK) {
                LOGGER.error("Unable to fetch keys from {}: status {}", serverUrl, statusCode);
                return null;
            }
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(con.getInputStream(), StandardCharsets.UTF_8))) {
                return reader.lines().collect(Collectors.joining("\n"));
            }
        } catch (IOException ex) { //@{2}ERR-01
01|            LOGGER.error("Unable to fetch keys from {}", serverUrl, ex);
            return null;
        }
    }

    HttpsURLConnection getUrlConnection(String serverUrl, String proxyUrl) throws IOException {
        URL url = new URL(serverUrl);
        if (proxyUrl == null || proxyUrl.isEmpty()) {
            return (HttpsURLConnection) url.openConnection();
        }
        URL proxy = new URL(proxyUrl);
        return (HttpsURLConnection) url.openConnection(
                new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHost(), proxy.getPort())));
    }
}
''')
_AZ_PKG = 'com.yahoo.athenz.auth.token.jwts'
cases_of(case, GH + 'AthenZ/athenz/pull/2144', 'libs/java/auth_core/' + src(_AZ_PKG, 'JwtsHelper'),
         J(_AZ_PKG, SLF4J + ['java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader',
                             'java.net.HttpURLConnection', 'java.net.InetSocketAddress', 'java.net.Proxy', 'java.net.URL',
                             'java.nio.charset.StandardCharsets', 'java.util.stream.Collectors',
                             'javax.net.ssl.HttpsURLConnection', 'javax.net.ssl.SSLContext'])(ATHENZJWKS), [
             (1, 'java-00-athenz-jwks-fetch-without-timeouts',
              'an edit opens the key set connection without connect and read timeouts, so a silent key server parks '
              'the refresh thread', 'edit'),
             (2, 'java-00-athenz-jwks-fetch-error-dropped',
              'an edit drops the error log of a failed key set fetch, which then returns no keys without a trace',
              'edit'),
             (0, 'java-ok-00-athenz-jwks-fetch-with-timeouts',
              'clean: the fix bounds the key set connection with connect and read timeouts', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-07 / TIME-01: Vault token renewal of a secrets config provider (csid-secrets-providers)
VAULTRENEW = template('csid-vault-token-renewal', r'''
/**
 * Vault client of the config provider. The AppRole token is renewed by logging in again at half its lease; a
 * failed login is logged and retried at the next interval instead of ending the renewals for good.
 */
class VaultClientImpl implements VaultClient, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VaultClientImpl.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final VaultConfigProviderConfig config;
    private volatile Vault vault;
    private volatile Instant tokenExpiry = Instant.EPOCH;

    VaultClientImpl(VaultConfigProviderConfig config) {
        this.config = config;
    }

    void scheduleTokenRenewal(long ttlSeconds) {
        long delay = Math.max(ttlSeconds / 2, 1);
02|        scheduler.scheduleAtFixedRate(() -> {
02|            try {
02|                renewToken();
02|            } catch (Exception e) {
02|                log.error("Vault token renewal failed; retrying at the next interval", e);
02|            }
02|        }, delay, delay, TimeUnit.SECONDS);
1|        scheduler.scheduleAtFixedRate(this::renewToken, delay, delay, TimeUnit.SECONDS); //@CONC-07
    }

    void renewToken() {
        try {
            AuthResponse response = new Vault(config.vaultConfig()).auth()
                    .loginByAppRole(config.roleId(), config.secretId());
            vault = new Vault(config.vaultConfig().token(response.getAuthClientToken()).build());
01|            tokenExpiry = Instant.now().plusSeconds(response.getAuthLeaseDuration());
2|            tokenExpiry = LocalDateTime.now().plusSeconds(response.getAuthLeaseDuration()).toInstant(ZoneOffset.UTC); //@TIME-01
            log.info("Renewed the Vault token, valid until {}", tokenExpiry);
        } catch (VaultException e) {
            throw new IllegalStateException("Vault login failed", e);
        }
    }

    boolean tokenExpired() {
        return Instant.now().isAfter(tokenExpiry);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
''')
_VR_PKG = 'io.confluent.csid.config.provider.vault'
_VR = SLF4J + ['com.bettercloud.vault.Vault', 'com.bettercloud.vault.VaultException',
               'com.bettercloud.vault.response.AuthResponse', 'java.time.Instant',
               'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
               'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'confluentinc/csid-secrets-providers/pull/344', 'vault/' + src(_VR_PKG, 'VaultClientImpl'),
         JV(_VR_PKG, {0: _VR, 1: _VR, 2: _VR + ['java.time.LocalDateTime', 'java.time.ZoneOffset']})(VAULTRENEW), [
             (1, 'java-00-csid-vault-renewal-scheduled-unguarded',
              'an edit schedules the token renewal without its catch, so the first failed login ends every later '
              'renewal and connectors fail once the token expires', 'edit'),
             (2, 'java-00-csid-vault-token-expiry-local-clock',
              'an edit computes the token expiry from the local wall clock read as UTC, off by the zone offset',
              'edit'),
             (0, 'java-ok-00-csid-vault-renewal-guarded',
              'clean: the fix catches and logs a failed renewal so the schedule keeps running', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / TX-01: tenant creation of an identity platform (carbon-multitenancy)
TENANTPERSIST = template('carbon-tenant-persistor', r'''
/**
 * Persists a new tenant and its admin user. The tenant domain is put in the thread's tenant context for the
 * listeners that run during persistence, and taken out again however persistence ends.
 */
public class TenantPersistor {
    private final DataSource dataSource;
    private final List<TenantMgtListener> listeners;

    public TenantPersistor(DataSource dataSource, List<TenantMgtListener> listeners) {
        this.dataSource = dataSource;
        this.listeners = listeners;
    }

    public int persistTenant(Tenant tenant) throws TenantMgtException {
        TenantContext.setTenantDomain(tenant.getDomain()); //@{1}CONC-04
02|        try {
02|            int tenantId = doPersist(tenant);
02|            listeners.forEach(l -> l.onTenantCreate(tenantId, tenant.getDomain()));
02|            return tenantId;
02|        } finally {
02|            TenantContext.clear();
02|        }
1|        int tenantId = doPersist(tenant);
1|        listeners.forEach(l -> l.onTenantCreate(tenantId, tenant.getDomain()));
1|        TenantContext.setTenantDomain(null);
1|        return tenantId;
    }

    private int doPersist(Tenant tenant) throws TenantMgtException {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                int tenantId = insertTenant(conn, tenant);
                insertTenantAdmin(conn, tenantId, tenant.getAdminName());
                conn.commit();
                return tenantId;
            } catch (SQLException e) { //@{2}TX-01
01|                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TenantMgtException("Could not persist tenant " + tenant.getDomain(), e);
        }
    }

    private int insertTenant(Connection conn, Tenant tenant) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO UM_TENANT (UM_DOMAIN_NAME, UM_EMAIL, UM_ACTIVE) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, tenant.getDomain());
            ps.setString(2, tenant.getEmail());
            ps.setBoolean(3, tenant.isActive());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    private void insertTenantAdmin(Connection conn, int tenantId, String adminName) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO UM_TENANT_ADMIN (UM_TENANT_ID, UM_USER_NAME) VALUES (?, ?)")) {
            ps.setInt(1, tenantId);
            ps.setString(2, adminName);
            ps.executeUpdate();
        }
    }
}
''')
_TP_PKG = 'org.wso2.carbon.tenant.mgt.core'
cases_of(case, GH + 'wso2/carbon-multitenancy/pull/247',
         'components/tenant-mgt/org.wso2.carbon.tenant.mgt.core/' + src(_TP_PKG, 'TenantPersistor'),
         J(_TP_PKG, ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
                     'java.sql.Statement', 'java.util.List', 'javax.sql.DataSource',
                     'org.wso2.carbon.tenant.mgt.core.internal.TenantContext',
                     'org.wso2.carbon.tenant.mgt.core.listener.TenantMgtListener',
                     'org.wso2.carbon.user.api.Tenant', 'org.wso2.carbon.tenant.mgt.exception.TenantMgtException'])(TENANTPERSIST), [
             (1, 'java-00-carbon-tenant-context-not-cleared-on-failure',
              'an edit clears the tenant context only when persistence succeeds, so a failed tenant creation leaves '
              'its domain on the pooled thread for the next request', 'edit'),
             (2, 'java-00-carbon-tenant-insert-not-rolled-back',
              'an edit drops the rollback of the tenant transaction when an insert fails', 'edit'),
             (0, 'java-ok-00-carbon-tenant-context-cleared-in-finally',
              'clean: the fix clears the tenant context in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: LDAP connection settings of a Jenkins security realm (ldap-plugin)
LDAPENV = template('jenkins-ldap-environment', r'''
/**
 * JNDI settings and the connectivity check of one configured LDAP server. Logins and group lookups run on request
 * threads, so the connection is bounded by connect and read timeouts.
 */
public final class LDAPConnectionSettings {
    static final String CONNECT_TIMEOUT_MS = "30000";
    static final String READ_TIMEOUT_MS = "60000";

    private LDAPConnectionSettings() {
    }

    static Hashtable<String, String> environment(String server, String managerDN, String managerPassword) {
        Hashtable<String, String> env = new Hashtable<>(); //@{1}TMO-01
02|        env.put("com.sun.jndi.ldap.connect.timeout", CONNECT_TIMEOUT_MS);
02|        env.put("com.sun.jndi.ldap.read.timeout", READ_TIMEOUT_MS);
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, server);
        env.put(Context.REFERRAL, "follow");
        if (managerDN != null && !managerDN.isEmpty()) {
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, managerDN);
            env.put(Context.SECURITY_CREDENTIALS, managerPassword);
        }
        return env;
    }

    /** Connects with the configured settings and reads the root DSE, as the configuration form's check does. */
    static void checkConnectivity(String server, String managerDN, String managerPassword) throws NamingException {
        DirContext ctx = new InitialDirContext(environment(server, managerDN, managerPassword)); //@{2}RES-01
01|        try {
01|            ctx.getAttributes("", new String[] {"namingContexts"});
01|        } finally {
01|            ctx.close();
01|        }
2|        ctx.getAttributes("", new String[] {"namingContexts"});
    }
}
''')
_LD_PKG = 'jenkins.security.plugins.ldap'
cases_of(case, GH + 'jenkinsci/ldap-plugin/pull/102', src(_LD_PKG, 'LDAPConnectionSettings'),
         J(_LD_PKG, ['java.util.Hashtable', 'javax.naming.Context', 'javax.naming.NamingException',
                     'javax.naming.directory.DirContext', 'javax.naming.directory.InitialDirContext'])(LDAPENV), [
             (1, 'java-00-jenkins-ldap-environment-without-timeouts',
              'an edit builds the JNDI environment without connect and read timeouts, so an unreachable directory '
              'hangs logins', 'edit'),
             (2, 'java-00-jenkins-ldap-check-context-left-open',
              'an edit leaves the directory context of the connectivity check open', 'edit'),
             (0, 'java-ok-00-jenkins-ldap-environment-with-timeouts',
              'clean: the fix sets the connect and read timeouts of the JNDI environment', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-01: token cache of a Jenkins Vault plugin (hashicorp-vault-plugin), renamed file
VAULTCACHE = template('jenkins-vault-token-cache', r'''
/**
 * Caches the Vault tokens the plugin logs in for, keyed by Vault server and namespace as well as by credential, so
 * two Vault instances with the same role never share a token. Builds on several executors use the cache at once.
 */
public class TokenCache {
    private static final Logger LOGGER = Logger.getLogger(TokenCache.class.getName());
    private static final Duration MIN_TTL = Duration.ofSeconds(30);

    private final Map<CacheKey, CachedToken> tokens = new HashMap<>();

02|    public synchronized String tokenFor(CacheKey key, Supplier<CachedToken> login) {
1|    public String tokenFor(CacheKey key, Supplier<CachedToken> login) {
        CachedToken cached = tokens.get(key); //@{1}CONC-03
        if (cached != null && !cached.expiresWithin(MIN_TTL)) {
2|            LOGGER.log(Level.INFO, "Reusing the cached Vault token for {0}", key); //@LOG-01
            return cached.token();
        }
        cached = login.get();
        tokens.put(key, cached);
        LOGGER.log(Level.FINE, "Logged in to Vault for {0}", key);
        return cached.token();
    }

    public synchronized void invalidate(CacheKey key) {
        tokens.remove(key);
    }

    public record CacheKey(String server, String namespace, String credentialsId) {
    }

    public record CachedToken(String token, Instant expiry) {
        boolean expiresWithin(Duration margin) {
            return Instant.now().plus(margin).isAfter(expiry);
        }
    }
}
''')
_VC_OLD = 'com.datapipe.jenkins.vault.credentials'
_VC_PKG = 'com.datapipe.jenkins.vault.credentials.common'
cases_of(case, GH + 'jenkinsci/hashicorp-vault-plugin/pull/261', src(_VC_PKG, 'TokenCache'),
         J(_VC_PKG, ['java.time.Duration', 'java.time.Instant', 'java.util.HashMap', 'java.util.Map',
                     'java.util.function.Supplier', 'java.util.logging.Level', 'java.util.logging.Logger'])(VAULTCACHE), [
             (1, 'java-00-jenkins-vault-renamed-token-cache-unsynchronized',
              'the token cache moves to the common package and its lookup loses synchronized, so builds on two '
              'executors read and fill the HashMap at once', 'rename'),
             (2, 'java-00-jenkins-vault-renamed-token-cache-logs-every-hit',
              'the token cache moves to the common package and logs an info line on every cache hit, once per '
              'credential lookup of every build', 'rename'),
             (0, 'java-ok-00-jenkins-vault-renamed-token-cache-synchronized',
              'clean: the move alone; the cache is synchronized and logs logins at FINE', 'rename'),
         ], rename_from=src(_VC_OLD, 'TokenCache'),
         rename_old=lambda t: t.replace('package ' + _VC_PKG + ';', 'package ' + _VC_OLD + ';'))


# ---------------------------------------------------------------- RES-04 / RES-02: SCIM client of an identity server (jans)
JANSSCIM = template('jans-scim-client', r'''
/**
 * Client of the SCIM service of the Janssen server. Every client instance builds a RESTEasy proxy on an Apache
 * HTTP client, and all of them share one pooled connection manager, so concurrent SCIM operations reuse
 * connections instead of opening new ones.
 */
public class ScimClient<T> implements AutoCloseable {
    private static final Logger logger = LogManager.getLogger(ScimClient.class);
    private static final PoolingHttpClientConnectionManager SHARED_POOL = sharedPool();

    private final ResteasyClient client;
    private final T scimService;

    public ScimClient(String domain, Class<T> serviceClass) {
        CloseableHttpClient httpClient = HttpClients.custom()
02|                .setConnectionManager(SHARED_POOL)
02|                .setConnectionManagerShared(true)
1|                .setConnectionManager(new PoolingHttpClientConnectionManager()) //@RES-04
                .build();
        client = new ResteasyClientBuilderImpl().httpEngine(new ApacheHttpClient43Engine(httpClient)).build();
        scimService = client.target(domain).proxy(serviceClass);
    }

    private static PoolingHttpClientConnectionManager sharedPool() {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(200);
        pool.setDefaultMaxPerRoute(20);
        return pool;
    }

    public T service() {
        return scimService;
    }

    /** Counts the users of the server with a search that asks for one result only. */
    public int totalUsers(UserService users) {
01|        try (Response response = users.searchUsers("userName pr", 1, 1)) {
01|            return response.readEntity(ListResponse.class).getTotalResults();
01|        }
2|        Response response = users.searchUsers("userName pr", 1, 1); //@RES-02
2|        return response.readEntity(ListResponse.class).getTotalResults();
    }

    @Override
    public void close() {
        client.close();
        logger.debug("SCIM client closed");
    }
}
''')
_JS_PKG = 'io.jans.scim2.client'
cases_of(case, GH + 'JanssenProject/jans/pull/5348', 'jans-scim/client/' + src(_JS_PKG, 'ScimClient'),
         J(_JS_PKG, ['io.jans.scim.model.scim2.ListResponse', 'io.jans.scim2.client.rest.UserService',
                     'jakarta.ws.rs.core.Response', 'org.apache.http.impl.client.CloseableHttpClient',
                     'org.apache.http.impl.client.HttpClients', 'org.apache.http.impl.conn.PoolingHttpClientConnectionManager',
                     'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger',
                     'org.jboss.resteasy.client.jaxrs.ResteasyClient',
                     'org.jboss.resteasy.client.jaxrs.engines.ApacheHttpClient43Engine',
                     'org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl'])(JANSSCIM), [
             (1, 'java-00-jans-scim-pool-per-client',
              'an edit gives every SCIM client its own connection pool instead of the shared one', 'edit'),
             (2, 'java-00-jans-scim-count-response-left-open',
              'an edit reads the user count without closing the search response', 'edit'),
             (0, 'java-ok-00-jans-scim-shared-pool',
              'clean: the fix builds every client on the shared pooled connection manager', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / RES-04: OIDC discovery of an ERP's REST API (idempiere-rest), new file
IDEMPOIDC = template('idempiere-oidc-service', r'''
/**
 * OpenID Connect settings of one tenant: discovers the issuer's JWKS URL and caches the key provider that verifies
 * the tenant's access tokens. Discovery runs on request threads, so it shares one bounded HTTP client.
 */
public class MOIDCService {
01|    private static final HttpClient CLIENT = HttpClient.newBuilder()
01|            .connectTimeout(Duration.ofSeconds(10))
01|            .build();
    private static final Map<String, JwkProvider> PROVIDERS = new ConcurrentHashMap<>();

    private final String issuer;

    public MOIDCService(String issuer) {
        this.issuer = issuer;
    }

    public JwkProvider jwkProvider() {
        return PROVIDERS.computeIfAbsent(issuer, i -> new JwkProviderBuilder(toUrl(discoverJwksUrl()))
                .cached(10, 24, TimeUnit.HOURS)
                .build());
    }

    String discoverJwksUrl() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
2|        HttpClient client = HttpClient.newHttpClient(); //@RES-04
        try {
01|            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
2|            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonObject json = new Gson().fromJson(response.body(), JsonObject.class);
            return json.get("jwks_uri").getAsString();
02|        } catch (IOException e) {
02|            throw new JWTVerificationException(e.getMessage(), e);
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|            throw new JWTVerificationException("Interrupted while discovering " + issuer, e);
02|        }
1|        } catch (IOException | InterruptedException e) { //@CONC-05
1|            throw new JWTVerificationException(e.getMessage(), e);
1|        }
    }

    private static URL toUrl(String jwksUrl) {
        try {
            return new URL(jwksUrl);
        } catch (MalformedURLException e) {
            throw new JWTVerificationException("Invalid JWKS URL " + jwksUrl, e);
        }
    }
}
''')
_ID_PKG = 'com.trekglobal.idempiere.rest.api.model'
cases_of(case, GH + 'bxservice/idempiere-rest/pull/450', 'com.trekglobal.idempiere.rest.api/src/com/trekglobal/idempiere/rest/api/model/MOIDCService.java',
         J(_ID_PKG, ['com.auth0.jwk.JwkProvider', 'com.auth0.jwk.JwkProviderBuilder',
                     'com.auth0.jwt.exceptions.JWTVerificationException', 'com.google.gson.Gson', 'com.google.gson.JsonObject',
                     'java.io.IOException', 'java.net.MalformedURLException', 'java.net.URI', 'java.net.URL',
                     'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse',
                     'java.time.Duration', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                     'java.util.concurrent.TimeUnit'])(IDEMPOIDC), [
             (1, 'java-00-idempiere-oidc-new-discovery-interrupt-lost',
              'a new OIDC service folds InterruptedException into the I/O catch of its discovery call, losing the '
              'thread\'s interrupt', 'new'),
             (2, 'java-00-idempiere-oidc-new-client-per-discovery',
              'a new OIDC service builds a new HttpClient, with its own pool and selector thread, for every '
              'discovery call', 'new'),
             (0, 'java-ok-00-idempiere-oidc-new-service',
              'clean: the service shares one bounded client and restores the interrupt', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: DoS filter listener of a REST framework (rest-utils), test added beside the second
DOSLISTENER = template('rest-utils-dos-listener', r'''
/**
 * DoSFilter listener of the REST application. A request over the limit is rejected with 429 and counted in a
 * metric; no line is logged per rejected request, so a flood of requests cannot flood the log as well.
 */
public class JettyDosFilterMultiListener extends DoSFilter.Listener {
    private static final Logger log = LoggerFactory.getLogger(JettyDosFilterMultiListener.class);

    private final List<DoSFilter.Listener> listeners;
    private final Sensor rejected;

    public JettyDosFilterMultiListener(List<DoSFilter.Listener> listeners, Sensor rejected) {
        this.listeners = List.copyOf(listeners);
        this.rejected = rejected;
01|        log.info("DoS filter configured with {} listeners", this.listeners.size());
2|        log.info("DoS filter configured with " + this.listeners.size() + " listeners"); //@LOG-02
    }

    @Override
    public DoSFilter.Action onRequestOverLimit(HttpServletRequest request, DoSFilter.OverLimit overlimit,
                                               DoSFilter dosFilter) {
        rejected.record();
1|        log.warn("DoS filter rejected a request from {}: {}", request.getRemoteAddr(), overlimit); //@LOG-01
        for (DoSFilter.Listener listener : listeners) {
            listener.onRequestOverLimit(request, overlimit, dosFilter);
        }
        return DoSFilter.Action.fromDelay(dosFilter.getDelayMs());
    }
}
''')
_RU_PKG = 'io.confluent.rest'
_RU_TEST = f('core/' + tst(_RU_PKG, 'JettyDosFilterMultiListenerTest'), new=java(_RU_PKG, [
    'java.util.List', 'org.apache.kafka.common.metrics.Sensor', 'org.eclipse.jetty.servlets.DoSFilter',
    'org.junit.jupiter.api.Test', 'static org.junit.jupiter.api.Assertions.assertEquals',
    'static org.mockito.Mockito.mock', 'static org.mockito.Mockito.verify', 'static org.mockito.Mockito.when'], '''
class JettyDosFilterMultiListenerTest {

    @Test
    void rejectedRequestIsCountedAndDelayedByTheFilter() {
        Sensor rejected = mock(Sensor.class);
        DoSFilter filter = mock(DoSFilter.class);
        when(filter.getDelayMs()).thenReturn(-1L);
        JettyDosFilterMultiListener listener = new JettyDosFilterMultiListener(List.of(), rejected);

        DoSFilter.Action action = listener.onRequestOverLimit(null, null, filter);

        verify(rejected).record();
        assertEquals(DoSFilter.Action.REJECT, action);
    }
}
'''))
cases_of(case, GH + 'confluentinc/rest-utils/pull/395', 'core/' + src(_RU_PKG, 'JettyDosFilterMultiListener'),
         J(_RU_PKG, SLF4J + ['jakarta.servlet.http.HttpServletRequest', 'java.util.List',
                             'org.apache.kafka.common.metrics.Sensor', 'org.eclipse.jetty.servlets.DoSFilter'])(DOSLISTENER), [
             (1, 'java-00-rest-utils-dos-listener-warns-every-rejection',
              'an edit logs a warning for every request the DoS filter rejects, so a flood of requests floods the '
              'log', 'edit'),
             (2, 'java-00-rest-utils-dos-listener-config-concatenated',
              'an edit builds the listener\'s configuration log line by concatenation; a test comes with it', 'edit',
              [_RU_TEST]),
             (0, 'java-ok-00-rest-utils-dos-listener-counts-rejections',
              'clean: the fix counts rejections in a metric without a log line per request', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / ERR-01: SCIM endpoint of an identity SDK (pingidentity scim)
PINGSCIM = template('ping-scim-endpoint', r'''
/**
 * Endpoint of one SCIM resource type. Every response is closed once read, so the connections of the HTTP client's
 * pool go back to it; an endpoint used for many requests would otherwise hang once the pool is exhausted.
 */
public class SCIMEndpoint<R extends BaseResource> {
    private final RestClient client;
    private final URI endpointUri;
    private final ResourceDescriptor descriptor;
    private final ResourceFactory<R> factory;
    private final Unmarshaller unmarshaller;

    SCIMEndpoint(RestClient client, URI endpointUri, ResourceDescriptor descriptor, ResourceFactory<R> factory,
                 Unmarshaller unmarshaller) {
        this.client = client;
        this.endpointUri = endpointUri;
        this.descriptor = descriptor;
        this.factory = factory;
        this.unmarshaller = unmarshaller;
    }

    public R get(String id) throws SCIMException {
        ClientResponse response = client.resource(resourceUri(id)).accept(MediaType.APPLICATION_JSON).get(); //@{1}RES-02
02|        try {
02|            return readResource(response);
02|        } finally {
02|            response.close();
02|        }
1|        return readResource(response);
    }

    private R readResource(ClientResponse response) throws SCIMException {
        if (response.getStatusCode() != 200) {
            throw SCIMException.createException(response.getStatusCode(), response.getMessage());
        }
        try (InputStream in = response.getEntity(InputStream.class)) {
            return unmarshaller.unmarshal(in, descriptor, factory);
        } catch (IOException e) { //@{2}ERR-01
01|            throw new InvalidResourceException("Could not read the " + descriptor.getName() + " response", e);
2|            return null;
        }
    }

    private URI resourceUri(String id) {
        return UriBuilder.fromUri(endpointUri).path(id).build();
    }
}
''')
_PS_PKG = 'com.unboundid.scim.sdk'
cases_of(case, GH + 'pingidentity/scim/issues/7', 'scim-sdk/' + src(_PS_PKG, 'SCIMEndpoint'),
         J(_PS_PKG, ['com.unboundid.scim.data.BaseResource', 'com.unboundid.scim.data.ResourceFactory',
                     'com.unboundid.scim.marshal.Unmarshaller', 'com.unboundid.scim.schema.ResourceDescriptor',
                     'java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'javax.ws.rs.core.MediaType',
                     'javax.ws.rs.core.UriBuilder', 'org.apache.wink.client.ClientResponse',
                     'org.apache.wink.client.RestClient'])(PINGSCIM), [
             (1, 'java-00-ping-scim-get-response-left-open',
              'an edit reads a resource without closing its response, so an endpoint that serves many gets hangs '
              'once the client\'s pool is exhausted', 'edit'),
             (2, 'java-00-ping-scim-unreadable-response-swallowed',
              'an edit returns null when a response cannot be read, hiding the I/O error from the caller', 'edit'),
             (0, 'java-ok-00-ping-scim-get-response-closed',
              'clean: the fix closes every response in a finally block', 'fix'),
         ])
