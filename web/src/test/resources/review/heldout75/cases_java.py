"""Round-75 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-01 / LOG-02: packages.config analyzer of a dependency scanner (DependencyCheck)
DEPCHECK = template('dependency-check-nugetconf-analyzer', r'''
/**
 * Analyzes a NuGet packages.config file and adds each package it references as a dependency of the project.
 */
@ThreadSafe
public class NugetconfAnalyzer extends AbstractFileTypeAnalyzer {

    private static final Logger LOGGER = LoggerFactory.getLogger(NugetconfAnalyzer.class);

    @Override
    protected void analyzeDependency(Dependency dependency, Engine engine) throws AnalysisException {
        LOGGER.debug("Checking packages.config file {}", dependency);
        final File file = dependency.getActualFile();
02|        try (InputStream fis = new FileInputStream(file)) {
1|        try {
1|            final InputStream fis = new FileInputStream(file); //@RES-01
            final NugetconfParser parser = new XPathNugetconfParser();
            final List<NugetPackageReference> packages = parser.parse(fis);
            for (NugetPackageReference np : packages) {
01|                LOGGER.debug("Adding NuGet package {} version {} from {}", np.getId(), np.getVersion(), file);
2|                LOGGER.debug("Adding NuGet package " + np.getId() + " version " + np.getVersion() + " from " //@LOG-02
2|                        + file);
                final Dependency child = new Dependency(dependency.getActualFile(), true);
                child.setEcosystem(DEPENDENCY_ECOSYSTEM);
                child.setName(np.getId());
                child.setVersion(np.getVersion());
                child.setPackagePath(String.format("%s:%s", np.getId(), np.getVersion()));
                child.addEvidence(EvidenceType.PRODUCT, "packages.config", "id", np.getId(), Confidence.HIGHEST);
                child.addEvidence(EvidenceType.VERSION, "packages.config", "version", np.getVersion(),
                        Confidence.HIGHEST);
                engine.addDependency(child);
            }
        } catch (IOException | NugetconfParseException e) {
            throw new AnalysisException("Unable to parse packages.config file " + file, e);
        }
    }
}
''')
cases_of(case, GH + 'dependency-check/DependencyCheck/pull/6382',
         'core/' + src('org.owasp.dependencycheck.analyzer', 'NugetconfAnalyzer'),
         J('org.owasp.dependencycheck.analyzer', SLF4J + [
             'java.io.File', 'java.io.FileInputStream', 'java.io.IOException', 'java.io.InputStream', 'java.util.List',
             'javax.annotation.concurrent.ThreadSafe', 'org.owasp.dependencycheck.Engine',
             'org.owasp.dependencycheck.analyzer.exception.AnalysisException',
             'org.owasp.dependencycheck.data.nuget.NugetPackageReference',
             'org.owasp.dependencycheck.data.nuget.NugetconfParseException',
             'org.owasp.dependencycheck.data.nuget.NugetconfParser',
             'org.owasp.dependencycheck.data.nuget.XPathNugetconfParser',
             'org.owasp.dependencycheck.dependency.Confidence', 'org.owasp.dependencycheck.dependency.Dependency',
             'org.owasp.dependencycheck.dependency.EvidenceType'])(DEPCHECK), [
             (1, 'java-00-dependency-check-packages-config-stream-left-open',
              'an edit opens each packages.config outside try-with-resources, so the file stays open after '
              'analysis and a scan of a large solution exhausts file handles on Windows', 'edit'),
             (2, 'java-00-dependency-check-package-debug-log-concatenated',
              'an edit logs every referenced package at debug with a concatenated message, building the string '
              'for each package even when debug logging is off', 'edit'),
             (0, 'java-ok-00-dependency-check-packages-config-stream-closed',
              'clean: the fix reads packages.config in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: service configuration store of an access manager (OpenAM)
OPENAM = template('openam-sms-ldap-object', r'''
/**
 * Reads and writes service configuration entries in the configuration directory over pooled LDAP connections.
 */
public class SMSLdapObject extends SMSObjectDB implements SMSObjectListener {

    /**
     * Searches for configuration entries; the returned iterator owns the connection and closes it when it is
     * exhausted or closed.
     */
    @Override
    public Iterator<SMSDataEntry> searchEx(SSOToken token, String startDN, String filter, int numOfEntries,
            int timeLimit, boolean sortResults, boolean ascendingOrder, Set<String> excludes)
            throws SSOException, SMSException {
        Connection conn = getConnection(adminPrincipal); //@{1}RES-01
02|        try {
02|            ConnectionEntryReader results = searchObjectsEx(token, startDN, filter, numOfEntries, timeLimit,
02|                    sortResults, ascendingOrder, conn);
02|            return new SearchResultIterator(results, excludes, conn);
02|        } catch (SMSException | RuntimeException e) {
02|            conn.close();
02|            throw e;
02|        }
1|        ConnectionEntryReader results = searchObjectsEx(token, startDN, filter, numOfEntries, timeLimit,
1|                sortResults, ascendingOrder, conn);
1|        return new SearchResultIterator(results, excludes, conn);
    }

    /**
     * Deletes the entry and its children.
     */
    @Override
    public void delete(SSOToken token, String dn) throws SMSException, SSOException {
        try (Connection conn = getConnection(token.getPrincipal())) {
            deleteChildren(conn, dn);
            conn.delete(LDAPRequests.newDeleteRequest(DN.valueOf(dn)));
        } catch (LdapException e) { //@{2}ERR-01
01|            debug.error("SMSLdapObject.delete: unable to delete entry {}", dn, e);
01|            throw new SMSException(e, "sms-entry-cannot-delete");
2|            // the entry may already have been removed by another server
        }
        objectChanged(dn, DELETE);
    }
}
''')
cases_of(case, GH + 'OpenIdentityPlatform/OpenAM/pull/397',
         'openam-core/' + src('com.sun.identity.sm.ldap', 'SMSLdapObject'),
         J('com.sun.identity.sm.ldap', [
             'com.iplanet.sso.SSOException', 'com.iplanet.sso.SSOToken', 'com.sun.identity.sm.SMSDataEntry',
             'com.sun.identity.sm.SMSException', 'com.sun.identity.sm.SMSObjectDB', 'com.sun.identity.sm.SMSObjectListener',
             'java.util.Iterator', 'java.util.Set', 'org.forgerock.opendj.ldap.Connection', 'org.forgerock.opendj.ldap.DN',
             'org.forgerock.opendj.ldap.LdapException', 'org.forgerock.opendj.ldap.requests.LDAPRequests',
             'org.forgerock.opendj.ldif.ConnectionEntryReader'])(OPENAM), [
             (1, 'java-00-openam-search-connection-leaked-on-error',
              'an edit hands the pooled connection to the search iterator without closing it when the search '
              'fails, so every search with a bad base DN keeps a connection until the pool is exhausted', 'edit'),
             (2, 'java-00-openam-delete-failure-swallowed',
              'an edit ignores a failed LDAP delete and still announces the entry as deleted, so servers drop an '
              'entry that is still in the directory', 'edit'),
             (0, 'java-ok-00-openam-search-connection-closed-on-error',
              'clean: the fix closes the connection when the search fails', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-04 / RES-04: external OAuth login of a UAA (uaa)
UAA = template('uaa-external-oauth-authentication', r'''
/**
 * Authenticates users against an external OAuth or OIDC provider and maps them to shadow users.
 */
public class ExternalOAuthAuthenticationManager extends ExternalLoginAuthenticationManager<ExternalOAuthAuthenticationManager.AuthenticationData> {

    private final ThreadLocal<String> origin = new ThreadLocal<>();
    private final RestTemplate trustingRestTemplate;
    private final RestTemplate nonTrustingRestTemplate;

    @Override
    public Authentication authenticate(final Authentication request) throws AuthenticationException {
        origin.set(resolveOriginKey(request)); //@{1}CONC-04
02|        try {
02|            return super.authenticate(request);
02|        } finally {
02|            origin.remove();
02|        }
1|        return super.authenticate(request);
    }

    /**
     * Fetches the provider's token keys to verify the id token's signature.
     */
    protected JsonWebKeySet<JsonWebKey> getTokenKeyFromOAuth(AbstractExternalOAuthIdentityProviderDefinition<?> config) {
        URL tokenKeyUrl = config.getTokenKeyUrl();
        if (tokenKeyUrl == null || !hasText(tokenKeyUrl.toString())) {
            return new JsonWebKeySet<>(Collections.emptyList());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.add("Accept", "application/json");
        HttpEntity<?> request = new HttpEntity<>(headers);
01|        RestTemplate restTemplate = config.isSkipSslValidation() ? trustingRestTemplate : nonTrustingRestTemplate;
2|        RestTemplate restTemplate = new RestTemplate(requestFactory(config.isSkipSslValidation())); //@RES-04
        ResponseEntity<String> responseEntity = restTemplate.exchange(tokenKeyUrl.toString(), HttpMethod.GET,
                request, String.class);
        return JsonWebKeyHelper.deserialize(responseEntity.getBody());
    }
}
''')
cases_of(case, GH + 'cloudfoundry/uaa/pull/3619',
         'server/' + src('org.cloudfoundry.identity.uaa.provider.oauth', 'ExternalOAuthAuthenticationManager'),
         J('org.cloudfoundry.identity.uaa.provider.oauth', [
             'java.net.URL', 'java.util.Collections', 'org.cloudfoundry.identity.uaa.oauth.jwk.JsonWebKey',
             'org.cloudfoundry.identity.uaa.oauth.jwk.JsonWebKeyHelper', 'org.cloudfoundry.identity.uaa.oauth.jwk.JsonWebKeySet',
             'org.cloudfoundry.identity.uaa.provider.AbstractExternalOAuthIdentityProviderDefinition',
             'org.springframework.http.HttpEntity', 'org.springframework.http.HttpHeaders',
             'org.springframework.http.HttpMethod', 'org.springframework.http.ResponseEntity',
             'org.springframework.security.core.Authentication',
             'org.springframework.security.core.AuthenticationException', 'org.springframework.web.client.RestTemplate',
             'static org.springframework.util.StringUtils.hasText'])(UAA), [
             (1, 'java-00-uaa-origin-thread-local-not-cleared',
              'an edit sets the login origin in a thread-local without clearing it, so the next request served by '
              'the same thread looks up its shadow user under the previous request\'s identity provider', 'edit'),
             (2, 'java-00-uaa-token-keys-client-per-login',
              'an edit builds a new RestTemplate with its own request factory for every token-key fetch, so each '
              'external login opens new connections to the provider', 'edit'),
             (0, 'java-ok-00-uaa-origin-thread-local-cleared',
              'clean: the fix clears the origin thread-local in a finally block once authentication ends', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: request transport of a secrets-manager SDK (secrets-manager)
KEEPER = template('keeper-secrets-manager-post', r'''
/**
 * Sends the SDK's encrypted requests to the Keeper Secrets Manager API.
 */
public final class SecretsManagerTransport {

    private SecretsManagerTransport() {
    }

    static KeeperHttpResponse postFunction(String url, TransmissionKey transmissionKey, EncryptedPayload payload,
            SecretsManagerOptions options) throws IOException {
        HttpsURLConnection connection = (HttpsURLConnection) new URL(url).openConnection(); //@{1}TMO-01
        connection.setRequestMethod("POST");
02|        connection.setConnectTimeout(options.getConnectTimeoutMillis());
02|        connection.setReadTimeout(options.getReadTimeoutMillis());
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/octet-stream");
        connection.setRequestProperty("PublicKeyId", transmissionKey.getPublicKeyId().toString());
        connection.setRequestProperty("TransmissionKey", bytesToBase64(transmissionKey.getEncryptedKey()));
        connection.setRequestProperty("Authorization", "Signature " + bytesToBase64(payload.getSignature()));
        if (options.getAllowUnverifiedCertificate()) {
            connection.setSSLSocketFactory(trustAllSocketFactory());
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(payload.getEncryptedPayload());
        }
        int statusCode = connection.getResponseCode();
        InputStream stream = statusCode >= 400 ? connection.getErrorStream() : connection.getInputStream();
01|        try (InputStream in = stream) {
01|            return new KeeperHttpResponse(statusCode, in == null ? new byte[0] : readAll(in));
01|        }
2|        byte[] data = stream == null ? new byte[0] : readAll(stream); //@RES-02
2|        return new KeeperHttpResponse(statusCode, data);
    }
}
''')
cases_of(case, GH + 'Keeper-Security/secrets-manager/pull/1116',
         'sdk/java/core/' + src('com.keepersecurity.secretsManager.core', 'SecretsManagerTransport'),
         J('com.keepersecurity.secretsManager.core', [
             'java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream', 'java.net.URL',
             'javax.net.ssl.HttpsURLConnection',
             'static com.keepersecurity.secretsManager.core.CryptoUtils.bytesToBase64'])(KEEPER), [
             (1, 'java-00-keeper-post-without-timeouts',
              'an edit opens the API connection without connect or read timeouts, so a stalled or hostile server '
              'blocks the calling thread of the application for good', 'edit'),
             (2, 'java-00-keeper-response-stream-left-open',
              'an edit reads the API answer without closing its stream, so the connection is never returned to '
              'the keep-alive cache and each request opens a new one', 'edit'),
             (0, 'java-ok-00-keeper-post-bounded',
              'clean: the fix sets connect and read timeouts from the SDK options', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: connection pool of an LDAP SDK (ldapsdk)
LDAPSDK = template('ldapsdk-connection-pool', r'''
/**
 * A pool of LDAP connections with background health checking.
 */
public final class LDAPConnectionPool extends AbstractConnectionPool {

    private final LinkedBlockingQueue<LDAPConnection> availableConnections;
    private final ExecutorService healthCheckExecutor;
    private final List<Future<?>> pendingHealthChecks = new CopyOnWriteArrayList<>();

    /**
     * Waits up to the given time for a connection to be returned to the pool.
     */
    private LDAPConnection waitForConnection(final long waitMillis) throws LDAPException {
        try {
            final LDAPConnection conn = availableConnections.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (conn != null) {
                return conn;
            }
        } catch (final InterruptedException ie) { //@{1}CONC-05
02|            Thread.currentThread().interrupt();
            Debug.debugException(ie);
            throw new LDAPException(ResultCode.LOCAL_ERROR, ERR_POOL_INTERRUPTED.get(), ie);
        }
        throw new LDAPException(ResultCode.CONNECT_ERROR, ERR_POOL_NO_CONNECTIONS.get(waitMillis));
    }

    /**
     * Checks an idle connection in the background and replaces it if it is no longer usable.
     */
    void scheduleHealthCheck(final LDAPConnection conn) {
01|        pendingHealthChecks.add(healthCheckExecutor.submit(() -> checkIdleConnection(conn)));
2|        healthCheckExecutor.submit(() -> checkIdleConnection(conn)); //@CONC-06
    }

    /**
     * Reports health checks that failed with an unexpected exception since the last call.
     */
    int collectFailedHealthChecks() {
        int failed = 0;
        for (final Future<?> check : pendingHealthChecks) {
            if (!check.isDone()) {
                continue;
            }
            pendingHealthChecks.remove(check);
            try {
                check.get();
            } catch (final ExecutionException e) {
                Debug.debugException(e.getCause());
                failed++;
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return failed;
    }
}
''')
cases_of(case, GH + 'pingidentity/ldapsdk/issues/18',
         src('com.unboundid.ldap.sdk', 'LDAPConnectionPool'),
         J('com.unboundid.ldap.sdk', [
             'com.unboundid.util.Debug', 'java.util.List', 'java.util.concurrent.CopyOnWriteArrayList',
             'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Future', 'java.util.concurrent.LinkedBlockingQueue', 'java.util.concurrent.TimeUnit',
             'static com.unboundid.ldap.sdk.LDAPMessages.ERR_POOL_INTERRUPTED',
             'static com.unboundid.ldap.sdk.LDAPMessages.ERR_POOL_NO_CONNECTIONS'])(LDAPSDK), [
             (1, 'java-00-ldapsdk-pool-wait-drops-interrupt',
              'an edit turns an interrupt while waiting for a pooled connection into an LDAPException without '
              'restoring the flag, so the application\'s worker never learns it was asked to stop', 'edit'),
             (2, 'java-00-ldapsdk-health-check-future-dropped',
              'an edit submits each background health check and drops its future, so a check that fails with an '
              'unexpected exception is never reported', 'edit'),
             (0, 'java-ok-00-ldapsdk-pool-wait-restores-interrupt',
              'clean: the fix restores the interrupt flag before failing the wait', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-03: Secrets Manager plugin of a JDBC driver (aws-mysql-jdbc)
AWSJDBC = template('aws-mysql-jdbc-secrets-manager-plugin', r'''
/**
 * Connection plugin that fetches the database credentials from AWS Secrets Manager and refreshes them when the
 * login fails with the cached ones.
 */
public class AWSSecretsManagerPlugin implements IConnectionPlugin {

01|    private static final Map<Pair<String, String>, Secret> SECRET_CACHE = new ConcurrentHashMap<>();
2|    private static final Map<Pair<String, String>, Secret> SECRET_CACHE = new HashMap<>(); //@CONC-03
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Log log;
    private final IConnectionPlugin nextPlugin;
    private final Pair<String, String> secretKey;
    private final Region region;
02|    private final SecretsManagerClient secretsManagerClient;

    public AWSSecretsManagerPlugin(ICurrentConnectionProvider provider, PropertySet props, IConnectionPlugin next,
            Log log) throws SQLException {
        this.log = log;
        this.nextPlugin = next;
        this.region = Region.of(props.getStringProperty(PropertyKey.secretsManagerRegion).getValue());
        this.secretKey = Pair.of(props.getStringProperty(PropertyKey.secretsManagerSecretId).getValue(),
                this.region.id());
02|        this.secretsManagerClient = SecretsManagerClient.builder().region(this.region).build();
    }

    private Secret fetchLatestCredentials() throws SecretsManagerException, JsonProcessingException {
        GetSecretValueRequest request = GetSecretValueRequest.builder().secretId(secretKey.getValue0()).build();
02|        GetSecretValueResponse response = secretsManagerClient.getSecretValue(request);
1|        SecretsManagerClient client = SecretsManagerClient.builder().region(this.region).build(); //@RES-04
1|        GetSecretValueResponse response = client.getSecretValue(request);
        Secret secret = MAPPER.readValue(response.secretString(), Secret.class);
        SECRET_CACHE.put(secretKey, secret);
        return secret;
    }

    @Override
    public void releaseResources() {
02|        secretsManagerClient.close();
        nextPlugin.releaseResources();
    }
}
''')
cases_of(case, GH + 'awslabs/aws-mysql-jdbc/pull/349',
         src('software.aws.rds.jdbc.mysql.ha.plugins', 'AWSSecretsManagerPlugin'),
         JV('software.aws.rds.jdbc.mysql.ha.plugins', {v: [
             'com.fasterxml.jackson.core.JsonProcessingException', 'com.fasterxml.jackson.databind.ObjectMapper',
             'com.mysql.cj.conf.PropertyKey', 'com.mysql.cj.conf.PropertySet', 'com.mysql.cj.log.Log',
             'java.sql.SQLException', 'java.util.Map',
             'java.util.HashMap' if v == 2 else 'java.util.concurrent.ConcurrentHashMap',
             'org.javatuples.Pair', 'software.amazon.awssdk.regions.Region',
             'software.amazon.awssdk.services.secretsmanager.SecretsManagerClient',
             'software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest',
             'software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse',
             'software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException'] for v in (0, 1, 2)})(
             AWSJDBC), [
             (1, 'java-00-aws-mysql-jdbc-secrets-client-per-fetch',
              'an edit builds a Secrets Manager client for every credential fetch and never closes it, so each new '
              'connection leaves another HTTP connection pool behind', 'edit'),
             (2, 'java-00-aws-mysql-jdbc-secret-cache-unsynchronized',
              'an edit keeps the static secret cache in a plain HashMap, which every connecting thread of the '
              'application writes at once', 'edit'),
             (0, 'java-ok-00-aws-mysql-jdbc-secrets-client-closed',
              'clean: the fix keeps one client per plugin and closes it when the connection is released', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TMO-01: JWKS refresh of an OAuth library for Kafka (strimzi-kafka-oauth)
STRIMZI = template('strimzi-oauth-jwks-refresher', r'''
/**
 * Keeps the validator's public keys current by fetching the authorization server's JWKS endpoint on a schedule.
 */
public class JwksKeysRefresher implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(JwksKeysRefresher.class);

    private final URI jwksEndpointUri;
    private final int refreshSeconds;
    private final int connectTimeoutSeconds;
    private final int readTimeoutSeconds;
    private final ScheduledExecutorService scheduler;
    private volatile Map<String, PublicKey> keys = Collections.emptyMap();

    public JwksKeysRefresher(URI jwksEndpointUri, int refreshSeconds, int connectTimeoutSeconds,
            int readTimeoutSeconds) {
        this.jwksEndpointUri = jwksEndpointUri;
        this.refreshSeconds = refreshSeconds;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.readTimeoutSeconds = readTimeoutSeconds;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jwks-refresher");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
02|        scheduler.scheduleAtFixedRate(this::refreshSafely, 0, refreshSeconds, TimeUnit.SECONDS);
1|        scheduler.scheduleAtFixedRate(this::refreshKeys, 0, refreshSeconds, TimeUnit.SECONDS); //@CONC-07
    }

    public PublicKey getKey(String kid) {
        return keys.get(kid);
    }

02|    private void refreshSafely() {
02|        try {
02|            refreshKeys();
02|        } catch (Throwable t) {
02|            log.error("Failed to refresh JWKS keys from {} (keeping {} cached keys)", jwksEndpointUri, keys.size(), t);
02|        }
02|    }
02|
    void refreshKeys() {
        try {
            HttpURLConnection con = (HttpURLConnection) jwksEndpointUri.toURL().openConnection(); //@{2}TMO-01
            con.setRequestProperty("Accept", "application/json");
01|            con.setConnectTimeout(connectTimeoutSeconds * 1000);
01|            con.setReadTimeout(readTimeoutSeconds * 1000);
            try (InputStream in = con.getInputStream()) {
                keys = JwksParser.parse(in);
            } finally {
                con.disconnect();
            }
            log.debug("Refreshed {} JWKS keys from {}", keys.size(), jwksEndpointUri);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to fetch JWKS keys from " + jwksEndpointUri, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
''')
cases_of(case, GH + 'strimzi/strimzi-kafka-oauth/pull/66',
         'oauth-common/' + src('io.strimzi.kafka.oauth.validator', 'JwksKeysRefresher'),
         J('io.strimzi.kafka.oauth.validator', SLF4J + [
             'java.io.Closeable', 'java.io.IOException', 'java.io.InputStream', 'java.io.UncheckedIOException',
             'java.net.HttpURLConnection', 'java.net.URI', 'java.security.PublicKey', 'java.util.Collections',
             'java.util.Map', 'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit'])(STRIMZI), [
             (1, 'java-00-strimzi-new-jwks-refresh-dies-on-first-failure',
              'a new refresher schedules the JWKS fetch without a catch, so the first time the authorization '
              'server is unreachable the schedule stops and rotated keys are never picked up', 'new'),
             (2, 'java-00-strimzi-new-jwks-fetch-without-timeouts',
              'a new refresher opens the JWKS connection without connect or read timeouts, so one hung fetch '
              'holds the only refresh thread for good', 'new'),
             (0, 'java-ok-00-strimzi-new-jwks-refresher',
              'clean: a new refresher that bounds each fetch and keeps its schedule after a failure', 'new'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: certificate expiry check of an application server's security subsystem (wildfly-core)
WILDFLY = template('wildfly-certificate-expiry-checker', r'''
/**
 * Reports the certificates of a key store that expire within the configured number of days.
 */
class CertificateExpiryChecker {

    private final Clock clock;
    private final int warningDays;

    CertificateExpiryChecker(Clock clock, int warningDays) {
        this.clock = clock;
        this.warningDays = warningDays;
    }

    List<String> expiringAliases(KeyStore keyStore) throws OperationFailedException {
        List<String> expiring = new ArrayList<>();
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate certificate = keyStore.getCertificate(alias);
                if (certificate instanceof X509Certificate && expiresSoon((X509Certificate) certificate)) {
                    expiring.add(alias);
                }
            }
        } catch (KeyStoreException e) { //@{2}ERR-01
01|            throw ROOT_LOGGER.unableToAccessEntryFromKeyStore(e);
2|            return Collections.emptyList();
        }
        return expiring;
    }

    boolean expiresSoon(X509Certificate certificate) {
02|        ZonedDateTime notAfter = ZonedDateTime.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC);
02|        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
1|        LocalDateTime notAfter = LocalDateTime.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC);
1|        LocalDateTime now = LocalDateTime.now(clock); //@TIME-01
        return ChronoUnit.DAYS.between(now, notAfter) <= warningDays;
    }
}
''')
cases_of(case, GH + 'wildfly/wildfly-core/pull/3493',
         'elytron-integration/' + src('org.wildfly.extension.elytron', 'CertificateExpiryChecker'),
         JV('org.wildfly.extension.elytron', {v: [
             'java.security.KeyStore', 'java.security.KeyStoreException', 'java.security.cert.Certificate',
             'java.security.cert.X509Certificate', 'java.time.Clock', 'java.time.ZoneOffset',
             'java.time.temporal.ChronoUnit', 'java.util.ArrayList', 'java.util.Collections', 'java.util.List',
             'org.jboss.as.controller.OperationFailedException',
             'static org.wildfly.extension.elytron._private.ElytronSubsystemMessages.ROOT_LOGGER']
             + (['java.time.LocalDateTime'] if v == 1 else ['java.time.ZonedDateTime']) for v in (0, 1, 2)})(WILDFLY), [
             (1, 'java-00-wildfly-renamed-expiry-check-in-local-time',
              'a PR renames the key store expiry helper and compares the UTC expiry with the local wall clock, so '
              'on a server east or west of UTC certificates are reported hours early or late', 'rename'),
             (2, 'java-00-wildfly-renamed-expiry-check-swallows-keystore-error',
              'a PR renames the key store expiry helper and answers an unreadable key store with an empty list, so '
              'a broken store reports no expiring certificates', 'rename'),
             (0, 'java-ok-00-wildfly-renamed-expiry-checker',
              'clean: the rename alone; both instants are compared in UTC and a key store error is reported',
              'rename'),
         ], rename_from='elytron-integration/src/main/java/org/wildfly/extension/elytron/KeyStoreExpiryHelper.java',
         rename_old=lambda t: t.replace('CertificateExpiryChecker', 'KeyStoreExpiryHelper'))


# ---------------------------------------------------------------- TX-01 / RES-01: token revocation DAO of an identity server's OAuth component (identity-inbound-auth-oauth)
WSO2 = template('wso2-oauth-token-revocation-dao', r'''
/**
 * Revokes access tokens in bulk, in one database transaction.
 */
public class TokenRevocationDAO {

    private static final Log LOG = LogFactory.getLog(TokenRevocationDAO.class);

    private final TokenPersistenceProcessor hashingProcessor;

    public TokenRevocationDAO(TokenPersistenceProcessor hashingProcessor) {
        this.hashingProcessor = hashingProcessor;
    }

    public void revokeAccessTokens(String[] tokens, String tenantDomain) throws IdentityOAuth2Exception {
        if (LOG.isDebugEnabled()) {
            LOG.debug("Revoking " + tokens.length + " access tokens of tenant " + tenantDomain);
        }
        Connection connection = IdentityDatabaseUtil.getDBConnection(true); //@{1}TX-01
        PreparedStatement ps = null;
        try {
            ps = connection.prepareStatement(SQLQueries.REVOKE_ACCESS_TOKEN); //@{2}RES-01
            for (String token : tokens) {
                ps.setString(1, OAuthConstants.TokenStates.TOKEN_STATE_REVOKED);
                ps.setString(2, UUID.randomUUID().toString());
                ps.setString(3, hashingProcessor.getProcessedAccessTokenIdentifier(token));
                ps.addBatch();
            }
            ps.executeBatch();
            IdentityDatabaseUtil.commitTransaction(connection);
        } catch (SQLException e) {
02|            IdentityDatabaseUtil.rollbackTransaction(connection);
            throw new IdentityOAuth2Exception("Error occurred while revoking access tokens", e);
        } finally {
01|            IdentityDatabaseUtil.closeAllConnections(connection, null, ps);
2|            IdentityDatabaseUtil.closeConnection(connection);
        }
    }
}
''')
cases_of(case, GH + 'wso2-extensions/identity-inbound-auth-oauth/pull/1120',
         'components/org.wso2.carbon.identity.oauth/' + src('org.wso2.carbon.identity.oauth2.dao', 'TokenRevocationDAO'),
         J('org.wso2.carbon.identity.oauth2.dao', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.UUID',
             'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory',
             'org.wso2.carbon.identity.core.util.IdentityDatabaseUtil', 'org.wso2.carbon.identity.oauth.common.OAuthConstants',
             'org.wso2.carbon.identity.oauth.tokenprocessor.TokenPersistenceProcessor',
             'org.wso2.carbon.identity.oauth2.IdentityOAuth2Exception'])(WSO2), [
             (1, 'java-00-wso2-new-revocation-dao-without-rollback',
              'a new DAO revokes tokens in a transaction that a failed batch never rolls back, so the pooled '
              'connection goes back with the half-done batch still open', 'new'),
             (2, 'java-00-wso2-new-revocation-dao-statement-left-open',
              'a new DAO closes only the connection after the revocation batch, so the prepared statement and its '
              'cursor stay open on the pooled connection', 'new'),
             (0, 'java-ok-00-wso2-new-revocation-dao',
              'clean: a new DAO that rolls back a failed batch and closes the statement with the connection', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-02: AuthnRequest decoding of a SAML identity provider (saml-identity-provider)
SWEDEN = template('swedenconnect-authnrequest-converter', r'''
/**
 * Decodes the SAML AuthnRequest of the HTTP request into an authentication token for the IdP's filters.
 */
@Slf4j
public class Saml2AuthnRequestAuthenticationConverter implements AuthenticationConverter {

  private final RequestMatcher requestMatcher;
  private final MetadataResolver metadataResolver;
1|  private final HTTPPostDecoder postDecoder = new HTTPPostDecoder();
1|  private final HTTPRedirectDeflateDecoder redirectDecoder = new HTTPRedirectDeflateDecoder();

  public Saml2AuthnRequestAuthenticationConverter(final RequestMatcher requestMatcher,
      final MetadataResolver metadataResolver) {
    this.requestMatcher = Objects.requireNonNull(requestMatcher, "requestMatcher must not be null");
    this.metadataResolver = Objects.requireNonNull(metadataResolver, "metadataResolver must not be null");
  }

  @Override
  public Authentication convert(final HttpServletRequest request) {
    if (!this.requestMatcher.matches(request)) {
      return null;
    }
02|    final BaseHttpServletRequestXMLMessageDecoder decoder = this.createDecoder(request);
1|    final BaseHttpServletRequestXMLMessageDecoder decoder = //@CONC-03
1|        "POST".equals(request.getMethod()) ? this.postDecoder : this.redirectDecoder;
    try {
      decoder.setHttpServletRequestSupplier(() -> request);
      decoder.setParserPool(XMLObjectProviderRegistrySupport.getParserPool());
      decoder.initialize();
      decoder.decode();
      final MessageContext context = decoder.getMessageContext();
      final AuthnRequest authnRequest = (AuthnRequest) context.getMessage();
01|      log.debug("Received AuthnRequest [id: '{}'] from '{}'", authnRequest.getID(),
01|          authnRequest.getIssuer().getValue());
2|      log.debug("Received AuthnRequest [id: '" + authnRequest.getID() + "'] from '" //@LOG-02
2|          + authnRequest.getIssuer().getValue() + "'");
      return new Saml2AuthnRequestAuthenticationToken(authnRequest, context.getSubcontext(SAMLBindingContext.class),
          this.metadataResolver);
    }
    catch (final ComponentInitializationException | MessageDecodingException e) {
      throw new UnrecoverableSaml2IdpException(UnrecoverableSaml2IdpError.INVALID_AUTHNREQUEST,
          "Failed to decode AuthnRequest", e, null);
    }
  }

02|  private BaseHttpServletRequestXMLMessageDecoder createDecoder(final HttpServletRequest request) {
02|    return "POST".equals(request.getMethod()) ? new HTTPPostDecoder() : new HTTPRedirectDeflateDecoder();
02|  }
}
''')

cases_of(case, GH + 'swedenconnect/saml-identity-provider/issues/127',
         'saml-identity-provider/' + src('se.swedenconnect.spring.saml.idp.authnrequest',
                                         'Saml2AuthnRequestAuthenticationConverter'),
         J('se.swedenconnect.spring.saml.idp.authnrequest', [
             'jakarta.servlet.http.HttpServletRequest', 'java.util.Objects', 'lombok.extern.slf4j.Slf4j',
             'net.shibboleth.shared.component.ComponentInitializationException',
             'org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport', 'org.opensaml.messaging.context.MessageContext',
             'org.opensaml.messaging.decoder.MessageDecodingException',
             'org.opensaml.messaging.decoder.servlet.BaseHttpServletRequestXMLMessageDecoder',
             'org.opensaml.saml.common.messaging.context.SAMLBindingContext',
             'org.opensaml.saml.metadata.resolver.MetadataResolver', 'org.opensaml.saml.saml2.binding.decoding.impl.HTTPPostDecoder',
             'org.opensaml.saml.saml2.binding.decoding.impl.HTTPRedirectDeflateDecoder',
             'org.opensaml.saml.saml2.core.AuthnRequest', 'org.springframework.security.core.Authentication',
             'org.springframework.security.web.authentication.AuthenticationConverter',
             'org.springframework.security.web.util.matcher.RequestMatcher',
             'se.swedenconnect.spring.saml.idp.error.UnrecoverableSaml2IdpError',
             'se.swedenconnect.spring.saml.idp.error.UnrecoverableSaml2IdpException'])(SWEDEN), [
             (1, 'java-00-swedenconnect-shared-saml-decoders',
              'an edit keeps one POST and one redirect decoder per converter and reuses them for every request, so '
              'concurrent AuthnRequests decode into the same message context and fail', 'edit'),
             (2, 'java-00-swedenconnect-authnrequest-debug-log-concatenated',
              'an edit logs every received AuthnRequest at debug with a concatenated message, building the string '
              'on each login even when debug logging is off', 'edit'),
             (0, 'java-ok-00-swedenconnect-decoder-per-request',
              'clean: the fix creates a new decoder for each request', 'fix'),
         ])
