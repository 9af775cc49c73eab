"""Round-58 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TMO-01 / RES-02: registry client of a payment provider's service discovery (Ratel)
RATEL = template('ratel-registry-client', r'''
/**
 * Reads the list of registered services from the Ratel registry over HTTP.
 */
public class RemoteRegistryClient {

    private static final Logger LOGGER = LoggerFactory.getLogger(RemoteRegistryClient.class);

    private final String registryUrl;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final ObjectMapper mapper = new ObjectMapper();

    public RemoteRegistryClient(String registryUrl, int connectTimeoutMillis, int readTimeoutMillis) {
        this.registryUrl = registryUrl;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public List<ServiceDescriptor> fetchServices() throws IOException {
        URL url = new URL(registryUrl + "/services");
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(); //@{1}TMO-01
        connection.setRequestMethod("GET");
        connection.setRequestProperty("Accept", "application/json");
02|        connection.setConnectTimeout(connectTimeoutMillis);
02|        connection.setReadTimeout(readTimeoutMillis);
        int status = connection.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
            connection.disconnect();
            throw new IOException("Ratel registry answered " + status + " for " + url);
        }
01|        try (InputStream in = connection.getInputStream()) {
01|            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
01|            List<ServiceDescriptor> services = Arrays.asList(mapper.readValue(json, ServiceDescriptor[].class));
01|            LOGGER.debug("Ratel registry {} lists {} services", registryUrl, services.size());
01|            return services;
01|        }
2|        InputStream in = connection.getInputStream(); //@RES-02
2|        String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
2|        List<ServiceDescriptor> services = Arrays.asList(mapper.readValue(json, ServiceDescriptor[].class));
2|        LOGGER.debug("Ratel registry {} lists {} services", registryUrl, services.size());
2|        return services;
    }
}
''')
cases_of(case, GH + 'PayU/Ratel/pull/52',
         'ratel-core/' + src('com.payu.ratel.client', 'RemoteRegistryClient'),
         J('com.payu.ratel.client', SLF4J + ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException',
                                             'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL',
                                             'java.nio.charset.StandardCharsets', 'java.util.Arrays',
                                             'java.util.List'])(RATEL), [
             (1, 'java-00-ratel-registry-fetch-without-timeouts',
              'an edit drops the connect and read timeouts of the registry connection, so a registry that stops '
              'answering blocks every service lookup for good', 'edit'),
             (2, 'java-00-ratel-registry-answer-stream-never-closed',
              'an edit reads the registry\'s answer from a stream it never closes, so the connection is never given '
              'back to the keep-alive cache', 'edit'),
             (0, 'java-ok-00-ratel-registry-fetch-with-timeouts',
              'clean: the fix sets the configured connect and read timeouts on every registry connection', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: base image layer pulls of a container build tool (jib)
JIB = template('jib-pull-base-layers', r'''
/** Pulls the base image's layers that the cache lacks, in parallel, retrying each pull with a growing backoff. */
public class PullAndCacheBaseImageLayersStep {

  private static final long BACKOFF_MILLIS = 500;

  private final ExecutorService executorService;
  private final RegistryClient registryClient;
  private final Cache cache;
  private final EventHandlers eventHandlers;
  private final int maxAttempts;

  PullAndCacheBaseImageLayersStep(
      ExecutorService executorService,
      RegistryClient registryClient,
      Cache cache,
      EventHandlers eventHandlers,
      int maxAttempts) {
    this.executorService = executorService;
    this.registryClient = registryClient;
    this.cache = cache;
    this.eventHandlers = eventHandlers;
    this.maxAttempts = maxAttempts;
  }

  /** Returns once every layer the cache lacked has been pulled and cached. */
  public void pullAndCacheAll(List<DescriptorDigest> digests) throws IOException, RegistryException {
01|    List<Future<CachedLayer>> pulls = new ArrayList<>();
    for (DescriptorDigest digest : digests) {
      if (cache.retrieve(digest).isPresent()) {
        continue;
      }
01|      pulls.add(executorService.submit(() -> pullWithRetries(digest)));
2|      executorService.submit(() -> pullWithRetries(digest)); //@CONC-06
    }
01|    for (Future<CachedLayer> pull : pulls) {
01|      try {
01|        pull.get();
01|      } catch (ExecutionException ex) {
01|        Throwable cause = ex.getCause();
01|        if (cause instanceof IOException) {
01|          throw (IOException) cause;
01|        }
01|        if (cause instanceof RegistryException) {
01|          throw (RegistryException) cause;
01|        }
01|        throw new IllegalStateException("base image layer pull failed", cause);
01|      } catch (InterruptedException ex) {
01|        Thread.currentThread().interrupt();
01|        throw new IOException("interrupted while pulling base image layers", ex);
01|      }
01|    }
  }

  private CachedLayer pullWithRetries(DescriptorDigest digest) throws IOException, RegistryException {
    for (int attempt = 1; ; attempt++) {
      try {
        Blob blob = registryClient.pullBlob(digest, ignored -> {}, ignored -> {});
        return cache.writeCompressedLayer(blob);
      } catch (IOException ex) {
        if (attempt >= maxAttempts) {
          throw ex;
        }
        eventHandlers.dispatch(
            LogEvent.warn("Retrying pull of layer " + digest + " after: " + ex.getMessage()));
      }
      try {
        Thread.sleep(BACKOFF_MILLIS * attempt);
      } catch (InterruptedException ex) { //@{1}CONC-05
02|        Thread.currentThread().interrupt();
02|        throw new IOException("interrupted while retrying pull of layer " + digest, ex);
1|        eventHandlers.dispatch(LogEvent.debug("Backoff interrupted, retrying layer " + digest + " at once"));
      }
    }
  }
}
''')
cases_of(case, GH + 'GoogleContainerTools/jib/pull/3378',
         'jib-core/' + src('com.google.cloud.tools.jib.builder.steps', 'PullAndCacheBaseImageLayersStep'),
         J('com.google.cloud.tools.jib.builder.steps', [
             'com.google.cloud.tools.jib.api.DescriptorDigest', 'com.google.cloud.tools.jib.api.LogEvent',
             'com.google.cloud.tools.jib.api.RegistryException', 'com.google.cloud.tools.jib.blob.Blob',
             'com.google.cloud.tools.jib.cache.Cache', 'com.google.cloud.tools.jib.cache.CachedLayer',
             'com.google.cloud.tools.jib.event.EventHandlers', 'com.google.cloud.tools.jib.registry.RegistryClient',
             'java.io.IOException', 'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutionException',
             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future'])(JIB), [
             (1, 'java-00-jib-layer-pull-backoff-interrupt-swallowed',
              'an edit catches the interrupt of a layer pull\'s backoff sleep and retries at once, so a cancelled '
              'build keeps pulling layers with the interrupt lost', 'edit'),
             (2, 'java-00-jib-layer-pull-futures-dropped',
              'an edit submits the layer pulls without keeping their futures, so the step returns before the layers '
              'are cached and a failed pull is never reported', 'edit'),
             (0, 'java-ok-00-jib-layer-pull-interrupt-restored',
              'clean: the fix restores the interrupt flag and stops the retries', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / LOG-02: request context filter of a FHIR server (LinuxForHealth FHIR)
FHIR = template('fhir-rest-servlet-filter', r'''
/**
 * Sets up the FHIRRequestContext (tenant and datastore) of every request that reaches the FHIR REST layer.
 */
public class FHIRRestServletFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger log = Logger.getLogger(FHIRRestServletFilter.class.getName());

    private String tenantIdHeaderName = FHIRConfiguration.DEFAULT_TENANT_ID_HEADER_NAME;
    private String datastoreIdHeaderName = FHIRConfiguration.DEFAULT_DATASTORE_ID_HEADER_NAME;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String tenantId = headerOrDefault(request, tenantIdHeaderName, FHIRConfiguration.DEFAULT_TENANT_ID);
        String datastoreId = headerOrDefault(request, datastoreIdHeaderName, FHIRConfiguration.DEFAULT_DATASTORE_ID);
        String requestUri = request.getRequestURI();
01|        log.log(Level.FINE, "Received {0} request for tenant {1} at {2}", new Object[] {request.getMethod(), tenantId, requestUri});
2|        log.fine("Received " + request.getMethod() + " request for tenant " + tenantId + " at " + requestUri); //@LOG-02

        try {
            FHIRRequestContext context = new FHIRRequestContext(tenantId, datastoreId);
            context.setOriginalRequestUri(request.getRequestURL().toString());
            FHIRRequestContext.set(context);
            chain.doFilter(request, response); //@{1}CONC-04
        } catch (FHIRException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
02|        } finally {
02|            FHIRRequestContext.remove();
        }
    }

    private static String headerOrDefault(HttpServletRequest request, String header, String fallback) {
        String value = request.getHeader(header);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
''')
cases_of(case, GH + 'LinuxForHealth/FHIR/pull/2939',
         'fhir-server/' + src('com.ibm.fhir.server.filter.rest', 'FHIRRestServletFilter'),
         J('com.ibm.fhir.server.filter.rest', [
             'com.ibm.fhir.config.FHIRConfiguration', 'com.ibm.fhir.config.FHIRRequestContext',
             'com.ibm.fhir.exception.FHIRException', 'java.io.IOException', 'java.util.logging.Level',
             'java.util.logging.Logger', 'javax.servlet.FilterChain', 'javax.servlet.ServletException',
             'javax.servlet.http.HttpFilter', 'javax.servlet.http.HttpServletRequest',
             'javax.servlet.http.HttpServletResponse'])(FHIR), [
             (1, 'java-00-fhir-request-context-left-on-thread',
              'an edit stops removing the request context from the thread when the request ends, so a pooled '
              'server thread serves the next request under the previous request\'s tenant', 'edit'),
             (2, 'java-00-fhir-request-log-concatenated',
              'an edit builds the per-request fine log message by string concatenation, so every request pays for '
              'the message even with fine logging off', 'edit'),
             (0, 'java-ok-00-fhir-request-context-removed',
              'clean: the fix removes the request context in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: page generation of a Maven site-to-Confluence plugin (maven-confluence-plugin)
CONFLUENCE = template('confluence-site-children', r'''
public abstract class AbstractConfluenceSiteMojo extends AbstractBaseConfluenceMojo {

    /**
     * Generates the page of every child of the parent page, then the children of each child.
     */
    protected void generateChildren(final ConfluenceService confluence, final Site.Page parentPage, final Model.Page parentPageModel,
            final String spaceKey, final String titlePrefix, final Map<String, Model.Page> varsToParentPageMap)
            throws MojoExecutionException {
        for (Site.Page child : parentPage.getChildren()) {
            final Model.Page pageModel;
            try {
                pageModel = generateChild(confluence, child, spaceKey, parentPageModel.getTitle(), titlePrefix);
            } catch (Exception e) { //@{1}ERR-01
02|                throw new MojoExecutionException(String.format("error generating page [%s]", child.getName()), e);
1|                continue;
            }
            generateChildren(confluence, child, pageModel, spaceKey, titlePrefix, varsToParentPageMap);
        }
    }

    /**
     * Reads the wiki template of a page, expanding the site's variables.
     */
    protected String readTemplate(final URL templateUrl, final Map<String, String> variables) throws IOException {
        final StringBuilder content = new StringBuilder();
01|        try (BufferedReader reader = new BufferedReader(new InputStreamReader(templateUrl.openStream(), getCharset()))) {
01|            String line;
01|            while ((line = reader.readLine()) != null) {
01|                content.append(line).append('\n');
01|            }
01|        }
2|        BufferedReader reader = new BufferedReader(new InputStreamReader(templateUrl.openStream(), getCharset())); //@RES-01
2|        String line;
2|        while ((line = reader.readLine()) != null) {
2|            content.append(line).append('\n');
2|        }
        String text = content.toString();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            text = text.replace("${" + variable.getKey() + "}", variable.getValue());
        }
        return text;
    }

    protected abstract Model.Page generateChild(ConfluenceService confluence, Site.Page child, String spaceKey,
            String parentPageTitle, String titlePrefix) throws Exception;
}
''')
cases_of(case, GH + 'bsorrentino/maven-confluence-plugin/issues/110',
         'maven-confluence-reporting-plugin/' + src('org.bsc.maven.confluence.plugin', 'AbstractConfluenceSiteMojo'),
         J('org.bsc.maven.confluence.plugin', [
             'java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader', 'java.net.URL',
             'java.util.Map', 'org.apache.maven.plugin.MojoExecutionException',
             'org.bsc.confluence.ConfluenceService', 'org.bsc.confluence.ConfluenceService.Model',
             'org.bsc.maven.reporting.model.Site'])(CONFLUENCE), [
             (1, 'java-00-confluence-child-page-failure-skipped',
              'an edit catches the failure of generating a child page and goes on with the next one, so the site '
              'deploy ends successful with pages missing', 'edit'),
             (2, 'java-00-confluence-template-reader-never-closed',
              'an edit reads each page template through a reader it never closes, so every page of a large site '
              'leaves a stream open', 'edit'),
             (0, 'java-ok-00-confluence-child-page-failure-fails-build',
              'clean: the fix fails the build with the page that could not be generated', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / TIME-01: token verification of a FHIR access gateway (fhir-gateway)
FHIRGW = template('fhir-gateway-token-verifier', r'''
/**
 * Verifies the bearer tokens of the requests the gateway proxies, keeping one verifier per token issuer.
 */
public class TokenVerifier {
    private static final Logger logger = LoggerFactory.getLogger(TokenVerifier.class);
    private static final String BEARER_PREFIX = "Bearer ";

02|    private final Map<String, JWTVerifier> verifierForIssuer = new ConcurrentHashMap<>();
1|    private final Map<String, JWTVerifier> verifierForIssuer = new HashMap<>();
    private final IssuerKeyProvider keyProvider;

    public TokenVerifier(IssuerKeyProvider keyProvider) {
        this.keyProvider = keyProvider;
    }

    public DecodedJWT decodeAndVerifyBearerToken(String authHeader, String requestPath) {
        if (authHeader == null || !authHeader.startsWith(BEARER_PREFIX)) {
            throw new AuthenticationException("Authorization header is not a bearer token");
        }
        String token = authHeader.substring(BEARER_PREFIX.length());
        String issuer = JWT.decode(token).getIssuer();
02|        JWTVerifier verifier = verifierForIssuer.computeIfAbsent(issuer, this::buildVerifier);
1|        JWTVerifier verifier = verifierForIssuer.get(issuer);
1|        if (verifier == null) {
1|            verifier = buildVerifier(issuer);
1|            verifierForIssuer.put(issuer, verifier); //@CONC-03
1|        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (JWTVerificationException e) {
            throw new AuthenticationException("Token of issuer " + issuer + " failed verification", e);
        }
01|        String verifiedAt = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
2|        String verifiedAt = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME); //@TIME-01
        logger.info("access subject={} issuer={} path={} at={}", jwt.getSubject(), issuer, requestPath, verifiedAt);
        return jwt;
    }

    private JWTVerifier buildVerifier(String issuer) {
        RSAPublicKey key = keyProvider.publicKeyOf(issuer);
        return JWT.require(Algorithm.RSA256(key, null)).withIssuer(issuer).acceptLeeway(30).build();
    }
}
''')
FHIRGW_BASE = SLF4J + ['com.auth0.jwt.JWT', 'com.auth0.jwt.JWTVerifier', 'com.auth0.jwt.algorithms.Algorithm',
                       'com.auth0.jwt.exceptions.JWTVerificationException', 'com.auth0.jwt.interfaces.DecodedJWT',
                       'java.security.interfaces.RSAPublicKey', 'java.time.format.DateTimeFormatter', 'java.util.Map']
FHIRGW_IMPORTS = {0: FHIRGW_BASE + ['java.time.Instant', 'java.util.concurrent.ConcurrentHashMap'],
                  1: FHIRGW_BASE + ['java.time.Instant', 'java.util.HashMap'],
                  2: FHIRGW_BASE + ['java.time.LocalDateTime', 'java.util.concurrent.ConcurrentHashMap']}
cases_of(case, GH + 'ohs-foundation/fhir-gateway/pull/185',
         'server/' + src('com.google.fhir.gateway', 'TokenVerifier'),
         JV('com.google.fhir.gateway', FHIRGW_IMPORTS)(FHIRGW), [
             (1, 'java-00-fhir-gateway-verifier-cache-unsynchronised',
              'an edit keeps the verifiers per issuer in a plain HashMap filled with get and put, so concurrent '
              'requests of a new issuer corrupt the map', 'edit'),
             (2, 'java-00-fhir-gateway-access-time-without-zone',
              'an edit stamps the access log with the machine\'s local date and time, so the audit trail of gateways '
              'in different zones cannot be ordered', 'edit'),
             (0, 'java-ok-00-fhir-gateway-verifier-cache-concurrent',
              'clean: the fix keeps the verifiers in a ConcurrentHashMap filled with computeIfAbsent', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: HTTP client of a payments API library (adyen-java-api-library)
ADYEN = template('adyen-http-client', r'''
/**
 * Sends the library's API requests over a pooled Apache HTTP client shared by every call.
 */
public class AdyenHttpClient implements ClientInterface {
    private static final String USER_AGENT = Client.LIB_NAME + "/" + Client.LIB_VERSION;

    private final Config config;
    private final CloseableHttpClient httpClient;

    public AdyenHttpClient(Config config) {
        this.config = config;
        this.httpClient = createHttpClient(config);
    }

    @Override
    public String request(String endpoint, String json, RequestOptions requestOptions, ApiConstants.HttpMethod httpMethod)
            throws IOException, HTTPClientException {
        HttpUriRequestBase request = createRequest(endpoint, json, requestOptions, httpMethod);
02|        try (CloseableHttpResponse response = httpClient.execute(request)) {
1|        try (CloseableHttpClient client = createHttpClient(config); //@RES-04
1|             CloseableHttpResponse response = client.execute(request)) {
            String body = response.getEntity() == null ? null : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            int status = response.getCode();
            if (status < 200 || status >= 300) {
                throw new HTTPClientException("HTTP Exception", status, headersOf(response), body);
            }
            return body;
        } catch (ParseException e) {
            throw new HTTPClientException("Unreadable answer from " + endpoint, e);
        }
    }

    private static CloseableHttpClient createHttpClient(Config config) {
        PoolingHttpClientConnectionManager connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(config.getMaxConnections())
                .setMaxConnPerRoute(config.getMaxConnections())
                .build();
        RequestConfig requestConfig = RequestConfig.custom() //@{2}TMO-01
01|                .setConnectTimeout(config.getConnectionTimeoutMillis(), TimeUnit.MILLISECONDS)
01|                .setResponseTimeout(config.getReadTimeoutMillis(), TimeUnit.MILLISECONDS)
                .setRedirectsEnabled(false)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(requestConfig)
                .setUserAgent(USER_AGENT)
                .build();
    }

    private HttpUriRequestBase createRequest(String endpoint, String json, RequestOptions options, ApiConstants.HttpMethod method) {
        HttpUriRequestBase request = new HttpUriRequestBase(method.name(), URI.create(endpoint));
        if (json != null) {
            request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        }
        request.addHeader("x-api-key", config.getApiKey());
        if (options != null && options.getIdempotencyKey() != null) {
            request.addHeader("Idempotency-Key", options.getIdempotencyKey());
        }
        return request;
    }

    private static Map<String, List<String>> headersOf(CloseableHttpResponse response) {
        Map<String, List<String>> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }
}
''')
cases_of(case, GH + 'Adyen/adyen-java-api-library/issues/448',
         src('com.adyen.httpclient', 'AdyenHttpClient'),
         J('com.adyen.httpclient', [
             'com.adyen.Client', 'com.adyen.Config', 'com.adyen.constants.ApiConstants', 'com.adyen.model.RequestOptions',
             'java.io.IOException', 'java.net.URI', 'java.nio.charset.StandardCharsets', 'java.util.ArrayList',
             'java.util.HashMap', 'java.util.List', 'java.util.Map', 'java.util.concurrent.TimeUnit',
             'org.apache.hc.client5.http.classic.methods.HttpUriRequestBase', 'org.apache.hc.client5.http.config.RequestConfig',
             'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
             'org.apache.hc.client5.http.impl.classic.CloseableHttpResponse',
             'org.apache.hc.client5.http.impl.classic.HttpClients',
             'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager',
             'org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder',
             'org.apache.hc.core5.http.ContentType', 'org.apache.hc.core5.http.Header',
             'org.apache.hc.core5.http.ParseException', 'org.apache.hc.core5.http.io.entity.EntityUtils',
             'org.apache.hc.core5.http.io.entity.StringEntity'])(ADYEN), [
             (1, 'java-00-adyen-http-client-per-request',
              'an edit builds a new pooled HTTP client for every API request, so no connection is reused and each '
              'payment call pays a new TLS handshake', 'edit'),
             (2, 'java-00-adyen-http-client-without-timeouts',
              'an edit builds the shared HTTP client without its connect and response timeouts, so a stalled '
              'payment endpoint blocks the calling thread for good', 'edit'),
             (0, 'java-ok-00-adyen-http-client-shared',
              'clean: the fix sends every request over the one shared client', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / ERR-01: sync timestamps of a telemedicine app (Intelehealth), renamed file
INTELEHEALTH = template('intelehealth-date-time-utils', r'''
/**
 * Date helpers of the app: sync timestamps for the server (UTC) and dates for the screens (the device's zone).
 */
public final class DateTimeUtils {
    private static final String SYNC_FORMAT = "yyyy-MM-dd HH:mm:ss";
    private static final String DISPLAY_FORMAT = "dd MMM yyyy";

    private DateTimeUtils() {
    }

    /** Formats a date as the server's sync timestamp, which is always in UTC. */
    public static String toSyncTimestamp(Date date) {
        SimpleDateFormat format = new SimpleDateFormat(SYNC_FORMAT, Locale.ENGLISH); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(date);
    }

    /** Parses a sync timestamp the server sent. */
    public static Date parseSyncTimestamp(String value) {
        SimpleDateFormat format = new SimpleDateFormat(SYNC_FORMAT, Locale.ENGLISH);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        try {
            return format.parse(value);
        } catch (ParseException e) { //@{2}ERR-01
01|            throw new IllegalArgumentException("Not a sync timestamp: " + value, e);
2|            return null;
        }
    }

    /** Formats a date for the patient screens, in the device's zone. */
    public static String toDisplayDate(Date date) {
        return new SimpleDateFormat(DISPLAY_FORMAT, Locale.getDefault()).format(date);
    }

    /** The patient's age in whole years on the given day. */
    public static int ageInYears(Calendar birth, Calendar on) {
        int age = on.get(Calendar.YEAR) - birth.get(Calendar.YEAR);
        if (on.get(Calendar.DAY_OF_YEAR) < birth.get(Calendar.DAY_OF_YEAR)) {
            age--;
        }
        return Math.max(age, 0);
    }
}
''')
cases_of(case, GH + 'Intelehealth/intelehealth-fhw-mobileapp/issues/209',
         'app/' + src('app.intelehealth.client.utilities', 'DateTimeUtils'),
         J('app.intelehealth.client.utilities', ['java.text.ParseException', 'java.text.SimpleDateFormat',
                                                  'java.util.Calendar', 'java.util.Date', 'java.util.Locale',
                                                  'java.util.TimeZone'])(INTELEHEALTH), [
             (1, 'java-00-intelehealth-renamed-sync-time-in-device-zone',
              'a PR renames the date helpers and formats the server\'s sync timestamp in the device\'s zone, so '
              'visits synced from a clinic outside UTC are stamped hours off', 'rename'),
             (2, 'java-00-intelehealth-renamed-sync-time-parse-failure-swallowed',
              'a PR renames the date helpers and answers null for a sync timestamp it cannot parse, so a malformed '
              'server answer surfaces later as an unexplained null', 'rename'),
             (0, 'java-ok-00-intelehealth-renamed-date-time-utils',
              'clean: the rename alone; sync timestamps formatted in UTC, a parse failure reported', 'rename'),
         ], rename_from='app/' + src('app.intelehealth.client.utilities', 'DateAndTimeUtils'),
         rename_old=lambda t: t.replace('DateTimeUtils', 'DateAndTimeUtils'))


# ---------------------------------------------------------------- RES-02 / CONC-07: HTTP kernel of a payments SDK (alipay-easysdk)
ALIPAY = template('alipay-easysdk-http-client', r'''
/**
 * Posts the SDK's signed requests to the gateway and keeps the platform certificates fresh.
 */
public class AlipayHttpClient {
    private static final Logger LOGGER = LoggerFactory.getLogger(AlipayHttpClient.class);

    private final OkHttpClient client;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alipay-cert-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, String> certsBySerialNo = Collections.emptyMap();

    public AlipayHttpClient(OkHttpClient client) {
        this.client = client;
    }

    public String post(String url, Map<String, String> form) throws IOException {
        FormBody.Builder body = new FormBody.Builder(StandardCharsets.UTF_8);
        form.forEach(body::add);
        Request request = new Request.Builder().url(url).post(body.build()).build();
02|        try (Response response = client.newCall(request).execute()) {
02|            return readBody(url, response);
02|        }
1|        Response response = client.newCall(request).execute(); //@RES-02
1|        return readBody(url, response);
    }

    public void startCertRefresh(String certUrl, long periodMinutes) {
        scheduler.scheduleAtFixedRate(() -> { //@{2}CONC-07
01|            try {
01|                certsBySerialNo = fetchCerts(certUrl);
01|            } catch (RuntimeException e) {
01|                LOGGER.warn("Refreshing the Alipay platform certificates failed, keeping the previous ones", e);
01|            }
2|            certsBySerialNo = fetchCerts(certUrl);
        }, 0, periodMinutes, TimeUnit.MINUTES);
    }

    public String certificate(String serialNo) {
        return certsBySerialNo.get(serialNo);
    }

    private Map<String, String> fetchCerts(String certUrl) {
        try {
            String json = post(certUrl, Collections.singletonMap("method", "alipay.open.app.alipaycert.download"));
            return CertParser.parseBySerialNo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readBody(String url, Response response) throws IOException {
        ResponseBody body = response.body();
        if (!response.isSuccessful() || body == null) {
            throw new IOException("Alipay gateway " + url + " answered " + response.code());
        }
        return body.string();
    }
}
''')
cases_of(case, GH + 'alipay/alipay-easysdk/issues/269',
         'java/' + src('com.alipay.easysdk.kernel.util', 'AlipayHttpClient'),
         J('com.alipay.easysdk.kernel.util', SLF4J + [
             'java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.charset.StandardCharsets',
             'java.util.Collections', 'java.util.Map', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'okhttp3.FormBody',
             'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response', 'okhttp3.ResponseBody'])(ALIPAY), [
             (1, 'java-00-alipay-gateway-response-never-closed',
              'an edit stops closing the gateway\'s response, so every error answer leaks its pooled connection and '
              'OkHttp warns that a connection was leaked', 'edit'),
             (2, 'java-00-alipay-cert-refresh-dies-on-first-failure',
              'an edit schedules the certificate refresh without catching its failures, so one unreachable gateway '
              'ends the refresh for good and the certificates go stale', 'edit'),
             (0, 'java-ok-00-alipay-gateway-response-closed',
              'clean: the fix closes every gateway response in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: move line import and export of an ERP (axelor-open-suite), CRLF file
AXELOR = template('axelor-move-line-import-export', r'''
/**
 * Imports accounting move lines from CSV in one transaction and exports them back to CSV.
 */
public class MoveLineImportExportService {

  private final MoveLineRepository moveLineRepo;
  private final MoveLineCsvMapper mapper;

  @Inject
  public MoveLineImportExportService(MoveLineRepository moveLineRepo, MoveLineCsvMapper mapper) {
    this.moveLineRepo = moveLineRepo;
    this.mapper = mapper;
  }

  public int importMoveLines(Path csv) throws IOException {
    List<String[]> rows;
    try (CSVReader reader = new CSVReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8), ';')) {
      rows = reader.readAll();
    }
    EntityTransaction transaction = JPA.em().getTransaction();
    transaction.begin();
    try {
      for (String[] row : rows) {
        moveLineRepo.save(mapper.toMoveLine(row));
      }
      transaction.commit();
    } catch (RuntimeException e) { //@{1}TX-01
02|      if (transaction.isActive()) {
02|        transaction.rollback();
02|      }
      TraceBackService.trace(e);
      throw e;
    }
    return rows.size();
  }

  public void exportMoveLines(List<MoveLine> moveLines, Path target) throws IOException {
01|    try (CSVWriter writer = new CSVWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), ';')) {
01|      writer.writeNext(MoveLineCsvMapper.HEADER);
01|      for (MoveLine moveLine : moveLines) {
01|        writer.writeNext(mapper.toRow(moveLine));
01|      }
01|    }
2|    CSVWriter writer = new CSVWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), ';'); //@RES-01
2|    writer.writeNext(MoveLineCsvMapper.HEADER);
2|    for (MoveLine moveLine : moveLines) {
2|      writer.writeNext(mapper.toRow(moveLine));
2|    }
2|    writer.flush();
  }
}
''')
cases_of(case, GH + 'axelor/axelor-open-suite/pull/3815',
         'axelor-account/' + src('com.axelor.apps.account.service.moveline', 'MoveLineImportExportService'),
         J('com.axelor.apps.account.service.moveline', [
             'com.axelor.apps.account.db.MoveLine', 'com.axelor.apps.account.db.repo.MoveLineRepository',
             'com.axelor.db.JPA', 'com.axelor.exception.service.TraceBackService', 'com.google.inject.Inject',
             'com.opencsv.CSVReader', 'com.opencsv.CSVWriter', 'java.io.IOException',
             'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List',
             'javax.persistence.EntityTransaction'])(AXELOR), [
             (1, 'java-00-axelor-move-line-import-not-rolled-back',
              'an edit stops rolling the import transaction back when a row fails, so the failed import leaves an '
              'active transaction on the request\'s entity manager and its half-saved lines', 'edit'),
             (2, 'java-00-axelor-move-line-export-writer-never-closed',
              'an edit writes the export through a CSV writer it never closes, so every export leaves its file '
              'handle open', 'edit'),
             (0, 'java-ok-00-axelor-move-line-import-rolled-back',
              'clean: the fix rolls the import transaction back before rethrowing', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / LOG-02: readiness check of an embedded Postgres test harness (otj-pg-embedded), new file
OTJPG = template('otj-pg-embedded-readiness', r'''
/**
 * Waits until an embedded Postgres accepts queries, polling it with a short query.
 */
final class PostgresReadinessCheck {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresReadinessCheck.class);
    private static final String BACKENDS_QUERY = "SELECT count(*) FROM pg_stat_activity";
    private static final long POLL_MILLIS = 100;

    private final DataSource dataSource;
    private final String url;
    private final Duration timeout;

    PostgresReadinessCheck(DataSource dataSource, String url, Duration timeout) {
        this.dataSource = dataSource;
        this.url = url;
        this.timeout = timeout;
    }

    boolean waitUntilReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int attempt = 0;
        while (Instant.now().isBefore(deadline)) {
            attempt++;
            if (isReady(attempt)) {
                return true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        LOG.warn("Postgres at {} not ready after {} attempts in {}", url, attempt, timeout);
        return false;
    }

    private boolean isReady(int attempt) {
        try (Connection connection = dataSource.getConnection()) {
02|            try (Statement statement = connection.createStatement();
02|                 ResultSet rs = statement.executeQuery(BACKENDS_QUERY)) {
02|                rs.next();
02|                long backends = rs.getLong(1);
0|                LOG.debug("Postgres at {} ready after {} attempts ({} backends)", url, attempt, backends);
2|                LOG.debug("Postgres at " + url + " ready after " + attempt + " attempts (" + backends + " backends)"); //@LOG-02
02|            }
1|            Statement statement = connection.createStatement(); //@RES-01
1|            ResultSet rs = statement.executeQuery(BACKENDS_QUERY);
1|            rs.next();
1|            long backends = rs.getLong(1);
1|            LOG.debug("Postgres at {} ready after {} attempts ({} backends)", url, attempt, backends);
            return true;
        } catch (SQLException e) {
            LOG.trace("Postgres at {} not ready yet (attempt {}): {}", url, attempt, e.getMessage());
            return false;
        }
    }
}
''')
cases_of(case, GH + 'opentable/otj-pg-embedded/pull/203',
         src('com.opentable.db.postgres.embedded', 'PostgresReadinessCheck'),
         J('com.opentable.db.postgres.embedded', SLF4J + [
             'java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement',
             'java.time.Duration', 'java.time.Instant', 'javax.sql.DataSource'])(OTJPG), [
             (1, 'java-00-otj-pg-embedded-new-readiness-statement-never-closed',
              'a new readiness check polls Postgres through a statement and result set it never closes, so every '
              'poll of a slow start leaves server-side resources behind', 'new'),
             (2, 'java-00-otj-pg-embedded-new-readiness-log-concatenated',
              'a new readiness check builds its debug message by string concatenation, so every start pays for '
              'the message even with debug logging off', 'new'),
             (0, 'java-ok-00-otj-pg-embedded-new-readiness-check',
              'clean: a new readiness check closing its statement and result set, logging with placeholders', 'new'),
         ])
