"""Round-107 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-03 / TIME-01: nonce verification of an OpenID library (openid4java)
OPENID4JAVA = template('openid4java-nonce-verifier', r'''
/**
 * Checks the timestamp at the head of an OpenID response nonce ("2013-12-19T01:19:00Z...") and hands fresh nonces to
 * the store. One verifier serves every relying-party request thread.
 */
public abstract class AbstractNonceVerifier implements NonceVerifier {
    private static final Log _log = LogFactory.getLog(AbstractNonceVerifier.class);

    protected static final String NONCE_DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private static final SimpleDateFormat NONCE_DATE_FORMAT = newNonceDateFormat();

    protected int _maxAgeSeconds;

    protected AbstractNonceVerifier(int maxAge) {
        _maxAgeSeconds = maxAge;
    }

    private static SimpleDateFormat newNonceDateFormat() {
        SimpleDateFormat format = new SimpleDateFormat(NONCE_DATE_PATTERN, Locale.US); //@{2}TIME-01
01|        format.setTimeZone(TimeZone.getTimeZone("GMT"));
        format.setLenient(false);
        return format;
    }

    public int seen(String opUrl, String nonce) {
        if (nonce == null || nonce.length() < 20) {
            _log.warn("Nonce too short to carry a timestamp");
            return INVALID_TIMESTAMP;
        }
        Date nonceDate;
        try {
02|            synchronized (NONCE_DATE_FORMAT) {
02|                nonceDate = NONCE_DATE_FORMAT.parse(nonce.substring(0, 20));
02|            }
1|            nonceDate = NONCE_DATE_FORMAT.parse(nonce.substring(0, 20)); //@CONC-03
        } catch (ParseException e) {
            _log.error("Invalid nonce timestamp", e);
            return INVALID_TIMESTAMP;
        }

        Date now = new Date();
        if (now.getTime() - nonceDate.getTime() > _maxAgeSeconds * 1000L) {
            return TOO_OLD;
        }
        return seen(now, opUrl, nonce);
    }

    protected abstract int seen(Date now, String opUrl, String nonce);
}
''')
cases_of(case, GH + 'jbufu/openid4java/issues/205', src('org.openid4java.consumer', 'AbstractNonceVerifier'),
         J('org.openid4java.consumer', ['java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date',
                                        'java.util.Locale', 'java.util.TimeZone', 'org.apache.commons.logging.Log',
                                        'org.apache.commons.logging.LogFactory'])(OPENID4JAVA), [
             (1, 'java-00-openid4java-shared-nonce-format-unsynchronized',
              'an edit parses nonce timestamps with the shared SimpleDateFormat outside its lock, so two relying-party '
              'requests parsing at once corrupt each other\'s dates', 'edit'),
             (2, 'java-00-openid4java-nonce-format-in-host-zone',
              'an edit drops the GMT zone of the nonce format, so a "Z" timestamp is read in the host\'s zone and '
              'fresh nonces look hours old (or young)', 'edit'),
             (0, 'java-ok-00-openid4java-nonce-format-synchronized',
              'clean: the fix parses with the shared format under its lock', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: LDAP bind of a Jenkins Active Directory plugin (active-directory-plugin)
AD_PLUGIN = template('active-directory-bind', r'''
public class ActiveDirectoryUnixAuthenticationProvider extends AbstractActiveDirectoryAuthenticationProvider {
    private static final Logger LOGGER = Logger.getLogger(ActiveDirectoryUnixAuthenticationProvider.class.getName());

    /**
     * Binds to one domain controller as the given principal. With a pooled connection factory every context that is
     * not closed keeps its pooled connection: a wrong password must not cost a connection.
     */
    private LdapContext bind(String principalName, String password, SocketInfo server, Hashtable<String, String> props)
            throws NamingException {
        String ldapUrl = (isSecure() ? "ldaps://" : "ldap://") + server + '/';
        LOGGER.fine(() -> "Connecting to " + ldapUrl);
        props.put(Context.PROVIDER_URL, ldapUrl);
        props.put("java.naming.ldap.version", "3");
        props.put(Context.SECURITY_PRINCIPAL, principalName);
        props.put(Context.SECURITY_CREDENTIALS, password);

        LdapContext context = new InitialLdapContext(props, null);
        try {
            context.reconnect(null); //@{1}RES-01
        } catch (AuthenticationException e) {
02|            closeContext(context);
            throw new BadCredentialsException("Authentication of " + principalName + " failed", e);
        }
        LOGGER.fine(() -> "Bound to " + server + " as " + principalName);
        return context;
    }

    private static void closeContext(DirContext context) {
        try {
            context.close();
        } catch (NamingException e) {
            LOGGER.log(Level.WARNING, "Failed to close the LDAP context", e);
        }
    }

    /** The groups the user is a direct member of, read from the user's own entry. */
    private Set<String> resolveGroups(DirContext context, String userDN) {
        Set<String> groups = new HashSet<>();
        try {
            Attributes attributes = context.getAttributes(userDN, new String[] {"memberOf"});
            Attribute memberOf = attributes.get("memberOf");
            if (memberOf != null) {
                NamingEnumeration<?> values = memberOf.getAll();
                while (values.hasMore()) {
                    groups.add(String.valueOf(values.next()));
                }
            }
        } catch (NamingException e) { //@{2}ERR-01
01|            throw new AuthenticationServiceException("Failed to resolve the groups of " + userDN, e);
2|            return Collections.emptySet();
        }
        return groups;
    }
}
''')
cases_of(case, GH + 'jenkinsci/active-directory-plugin/pull/702',
         src('hudson.plugins.active_directory', 'ActiveDirectoryUnixAuthenticationProvider'),
         J('hudson.plugins.active_directory', [
             'java.util.Collections', 'java.util.HashSet', 'java.util.Hashtable', 'java.util.Set',
             'java.util.logging.Level', 'java.util.logging.Logger', 'javax.naming.AuthenticationException',
             'javax.naming.Context', 'javax.naming.NamingEnumeration', 'javax.naming.NamingException',
             'javax.naming.directory.Attribute', 'javax.naming.directory.Attributes', 'javax.naming.directory.DirContext',
             'javax.naming.ldap.InitialLdapContext', 'javax.naming.ldap.LdapContext',
             'org.springframework.security.authentication.AuthenticationServiceException',
             'org.springframework.security.authentication.BadCredentialsException'])(AD_PLUGIN), [
             (1, 'java-00-active-directory-failed-bind-context-left-open',
              'an edit stops closing the LDAP context when the bind fails on a wrong password, so each failed login '
              'keeps a pooled connection until the pool is exhausted and correct logins hang', 'edit'),
             (2, 'java-00-active-directory-group-lookup-error-swallowed',
              'an edit turns a failed group lookup into an empty group set, so a directory error silently logs the '
              'user in without the groups that grant their permissions', 'edit'),
             (0, 'java-ok-00-active-directory-failed-bind-context-closed',
              'clean: the fix closes the LDAP context when the bind fails', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: LDAP search of an access management server (wrenam)
WRENAM = template('wrenam-sms-ldap-search', r'''
public class SMSLdapObject extends SMSObjectDB implements SMSObjectListener {
    private static final Debug debug = Debug.getInstance("amSMSLdap");

    private final Principal adminPrincipal;

    public SMSLdapObject(Principal adminPrincipal) {
        this.adminPrincipal = adminPrincipal;
    }

    /**
     * Searches for service configuration entries under startDN. The returned iterator owns the connection and closes
     * it when the results are read; when the search itself fails, the connection goes back to the pool here.
     */
    public Iterator<SMSDataEntry> search(SSOToken token, String startDN, String filter, int numOfEntries,
            int timeLimit, boolean sortResults, boolean ascendingOrder, Set<String> excludes)
            throws SSOException, SMSException {
01|        debug.message("SMSLdapObject.search: startDN = {}, filter = {}", startDN, filter);
2|        debug.message("SMSLdapObject.search: startDN = " + startDN + ", filter = " + filter); //@LOG-02
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

    private Connection getConnection(Principal principal) throws SMSException {
        try {
            return connectionFactory.getConnection();
        } catch (DataLayerException e) {
            throw new SMSException(e, "sms-SMS_LDAP_OPERATION_FAILED");
        }
    }
}
''')
cases_of(case, GH + 'WrenSecurity/wrenam/issues/6', 'openam-core/' + src('com.sun.identity.sm.ldap', 'SMSLdapObject'),
         J('com.sun.identity.sm.ldap', [
             'com.iplanet.sso.SSOException', 'com.iplanet.sso.SSOToken', 'com.sun.identity.shared.debug.Debug',
             'com.sun.identity.sm.SMSDataEntry', 'com.sun.identity.sm.SMSException', 'com.sun.identity.sm.SMSObjectDB',
             'com.sun.identity.sm.SMSObjectListener', 'java.security.Principal', 'java.util.Iterator', 'java.util.Set',
             'org.forgerock.openam.sm.datalayer.api.DataLayerException', 'org.forgerock.opendj.ldap.Connection',
             'org.forgerock.opendj.ldif.ConnectionEntryReader'])(WRENAM), [
             (1, 'java-00-wrenam-failed-search-connection-left-open',
              'an edit hands the connection to the result iterator without closing it when the search fails, so '
              'every search with a bad base DN keeps a pooled LDAP connection for good', 'edit'),
             (2, 'java-00-wrenam-search-debug-concatenated',
              'an edit concatenates the base DN and filter into the search\'s debug message, building the string on '
              'every configuration search even with debugging off', 'edit'),
             (0, 'java-ok-00-wrenam-failed-search-connection-closed',
              'clean: the fix closes the connection when the search fails', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-06: feed downloads of a vulnerability data CLI (open-vulnerability-cli)
OPENVULN = template('open-vulnerability-feed-downloader', r'''
/**
 * Downloads the data feeds of one update run in parallel. The pool lives for one run; its threads are not daemons, so
 * a pool that is never shut down keeps the CLI's JVM from exiting.
 */
public class FeedDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(FeedDownloader.class);

    private final int threads;
    private final Path directory;

    public FeedDownloader(int threads, Path directory) {
        this.threads = threads;
        this.directory = directory;
    }

    public List<Path> downloadAll(List<URL> feeds) throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(threads); //@{1}RES-01
02|        try {
02|            return awaitAll(submitAll(executor, feeds));
02|        } finally {
02|            executor.shutdown();
02|        }
1|        return awaitAll(submitAll(executor, feeds));
    }

    private List<Future<Path>> submitAll(ExecutorService executor, List<URL> feeds) {
        List<Future<Path>> downloads = new ArrayList<>();
        for (URL feed : feeds) {
01|            downloads.add(executor.submit(() -> download(feed)));
2|            executor.submit(() -> download(feed)); //@CONC-06
        }
        return downloads;
    }

    private List<Path> awaitAll(List<Future<Path>> downloads) throws IOException {
        List<Path> files = new ArrayList<>();
        try {
            for (Future<Path> download : downloads) {
                files.add(download.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading the feeds", e);
        } catch (ExecutionException e) {
            throw new IOException("Downloading a feed failed", e.getCause());
        }
        return files;
    }

    private Path download(URL feed) throws IOException {
        Path target = directory.resolve(Paths.get(feed.getPath()).getFileName());
        try (InputStream in = feed.openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        LOG.info("Downloaded {} to {}", feed, target);
        return target;
    }
}
''')
cases_of(case, GH + 'jeremylong/open-vulnerability-cli/pull/160',
         'vulnz/' + src('io.github.jeremylong.vulnz.cli.services', 'FeedDownloader'),
         J('io.github.jeremylong.vulnz.cli.services', SLF4J + [
             'java.io.IOException', 'java.io.InputStream', 'java.net.URL', 'java.nio.file.Files', 'java.nio.file.Path',
             'java.nio.file.Paths', 'java.nio.file.StandardCopyOption', 'java.util.ArrayList', 'java.util.List',
             'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Executors', 'java.util.concurrent.Future'])(OPENVULN), [
             (1, 'java-00-open-vulnerability-download-pool-never-shut-down',
              'an edit stops shutting the download pool down, so every update run leaves its threads alive and the '
              'CLI never exits', 'edit'),
             (2, 'java-00-open-vulnerability-download-future-dropped',
              'an edit submits each feed download without keeping its future, so a failed download is never seen and '
              'the run reports success with feeds missing', 'edit'),
             (0, 'java-ok-00-open-vulnerability-download-pool-shut-down',
              'clean: the fix shuts the download pool down in a finally block', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-07: certificate refresher of a framework's ACME integration (micronaut-acme), moved file
MICRONAUT_ACME = template('micronaut-acme-refresher', r'''
/**
 * Orders a new certificate from the ACME server when the current one is close to expiry. The check runs on its own
 * scheduler for the life of the application; one failed order must not end the schedule.
 */
@Singleton
public class AcmeCertRefresherTask implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(AcmeCertRefresherTask.class);

    private final AcmeService acmeService;
    private final AcmeConfiguration acmeConfiguration;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public AcmeCertRefresherTask(AcmeService acmeService, AcmeConfiguration acmeConfiguration) {
        this.acmeService = acmeService;
        this.acmeConfiguration = acmeConfiguration;
    }

    @PostConstruct
    void start() {
        Duration interval = acmeConfiguration.getRefreshInterval();
01|        scheduler.scheduleWithFixedDelay(this::refreshSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
2|        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS); //@CONC-07
    }

01|    private void refreshSafely() {
01|        try {
01|            refresh();
01|        } catch (Exception e) {
01|            LOG.error("ACME certificate refresh failed, trying again in {}", acmeConfiguration.getRefreshInterval(), e);
01|        }
01|    }
01|
    void refresh() throws AcmeException {
        if (!acmeService.certificateExpiresWithin(acmeConfiguration.getRenewWitin())) {
            return;
        }
        Order order = acmeService.orderCertificate(acmeConfiguration.getDomains());
        waitForValid(order);
        acmeService.storeCertificate(order.getCertificate());
        LOG.info("ACME certificate renewed for {}", acmeConfiguration.getDomains());
    }

    private void waitForValid(Order order) throws AcmeException {
        Duration pause = acmeConfiguration.getOrderPollPause();
        for (int attempt = 0; attempt < acmeConfiguration.getOrderPollAttempts(); attempt++) {
            order.update();
            if (order.getStatus() == Status.VALID) {
                return;
            }
            if (order.getStatus() == Status.INVALID) {
                throw new AcmeException("ACME order failed: " + order.getError().map(Problem::toString).orElse("unknown"));
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                throw new AcmeException("Interrupted while waiting for the ACME order");
1|                LOG.warn("Interrupted while waiting for the ACME order, polling again", e);
            }
        }
        throw new AcmeException("ACME order not valid after " + acmeConfiguration.getOrderPollAttempts() + " polls");
    }

    @Override
    public void close() {
        scheduler.shutdown();
    }
}
''')
_MA_IMPORTS = SLF4J + ['io.micronaut.configuration.acme.AcmeConfiguration', 'io.micronaut.configuration.acme.services.AcmeService',
                       'java.io.Closeable', 'java.time.Duration', 'java.util.concurrent.Executors',
                       'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                       'javax.annotation.PostConstruct', 'javax.inject.Singleton', 'org.shredzone.acme4j.Order',
                       'org.shredzone.acme4j.Problem', 'org.shredzone.acme4j.Status',
                       'org.shredzone.acme4j.exception.AcmeException']
cases_of(case, GH + 'micronaut-projects/micronaut-acme/pull/1',
         'acme/' + src('io.micronaut.configuration.acme.background', 'AcmeCertRefresherTask'),
         J('io.micronaut.configuration.acme.background', _MA_IMPORTS)(MICRONAUT_ACME), [
             (1, 'java-00-micronaut-acme-moved-order-wait-interrupt-lost',
              'a moved file catches the interrupt of the order poll\'s pause, logs it and polls again, so an '
              'application shutting down waits out every remaining poll of the order', 'rename'),
             (2, 'java-00-micronaut-acme-moved-refresh-schedule-unguarded',
              'a moved file schedules the refresh itself without a catch, so the first failed ACME order cancels '
              'every later refresh and the certificate expires', 'rename'),
             (0, 'java-ok-00-micronaut-acme-moved-refresher',
              'clean: the move alone; the schedule is guarded and an interrupted poll ends the order wait', 'rename'),
         ], rename_from='acme/' + src('io.micronaut.configuration.acme', 'AcmeCertRefresherTask'),
         rename_old=lambda t: t.replace('package io.micronaut.configuration.acme.background;',
                                        'package io.micronaut.configuration.acme;').replace(
                                            'import io.micronaut.configuration.acme.AcmeConfiguration;\n', ''))


# ---------------------------------------------------------------- CONC-01 / ERR-01: dependency check scanner agent of a security tooling platform (security-tools)
SECURITY_TOOLS = template('security-tools-scanner-service', r'''
/**
 * Runs one OWASP dependency check scan per request on a thread of its own and reports the scan's state back to the
 * scan manager, which shows a scan as running until it hears otherwise.
 */
@Service
public class ScannerService {
    private static final Logger LOGGER = LoggerFactory.getLogger(ScannerService.class);

    private final MainScanner scanner;
    private final StatusReporter reporter;

    public ScannerService(MainScanner scanner, StatusReporter reporter) {
        this.scanner = scanner;
        this.reporter = reporter;
    }

    public void startScan(ScanRequest request) {
        Thread scanThread = new Thread(() -> runScan(request), "dependency-check-" + request.getScanId()); //@{1}CONC-01
02|        scanThread.setUncaughtExceptionHandler((t, e) -> {
02|            LOGGER.error("Dependency check scan {} failed", request.getScanId(), e);
02|            reporter.report(request.getScanId(), ScanStatus.FAILED);
02|        });
        scanThread.start();
    }

    private void runScan(ScanRequest request) {
        reporter.report(request.getScanId(), ScanStatus.RUNNING);
        Path reportFile = scanner.scan(request.getProductPath());
        try {
            reporter.uploadReport(request.getScanId(), reportFile);
            reporter.report(request.getScanId(), ScanStatus.COMPLETED);
        } catch (IOException e) { //@{2}ERR-01
01|            LOGGER.error("Uploading the report of scan {} failed", request.getScanId(), e);
01|            reporter.report(request.getScanId(), ScanStatus.FAILED);
2|            // the report stays on disk for the next upload
        }
    }
}
''')
cases_of(case, GH + 'wso2/security-tools/pull/67',
         'internal/dependency-check-scanner/' + src('org.wso2.security.tools.dependencycheck.scanner.service', 'ScannerService'),
         J('org.wso2.security.tools.dependencycheck.scanner.service', SLF4J + [
             'java.io.IOException', 'java.nio.file.Path', 'org.springframework.stereotype.Service',
             'org.wso2.security.tools.dependencycheck.scanner.model.ScanRequest',
             'org.wso2.security.tools.dependencycheck.scanner.model.ScanStatus',
             'org.wso2.security.tools.dependencycheck.scanner.scanner.MainScanner'])(SECURITY_TOOLS), [
             (1, 'java-00-security-tools-scan-thread-without-handler',
              'an edit starts the scan thread without an uncaught-exception handler, so a scan that throws dies '
              'silently and the manager shows it as running for good', 'edit'),
             (2, 'java-00-security-tools-report-upload-failure-swallowed',
              'an edit catches a failed report upload and does nothing, so the scan is neither logged nor reported '
              'as failed', 'edit'),
             (0, 'java-ok-00-security-tools-scan-thread-with-handler',
              'clean: the fix reports a scan thread that dies as a failed scan', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / CONC-03: OAuth credentials of a workflow engine's gRPC SDK (littlehorse)
LITTLEHORSE = template('littlehorse-oauth-credentials', r'''
/**
 * Attaches a bearer token to every gRPC call. Calls run on the channel's executor threads, so the cached token is
 * read and refreshed by many threads at once.
 */
public class OAuthCredentialsProvider extends CallCredentials {
    private static final Logger log = LoggerFactory.getLogger(OAuthCredentialsProvider.class);
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final OAuthClient oauthClient;
    private TokenStatus currentToken;

    public OAuthCredentialsProvider(OAuthClient oauthClient) {
        this.oauthClient = oauthClient;
    }

    @Override
    public void applyRequestMetadata(RequestInfo requestInfo, Executor executor, MetadataApplier metadataApplier) {
        executor.execute(() -> {
            try {
                TokenStatus token = currentToken();
                Metadata headers = new Metadata();
                headers.put(AUTHORIZATION, "Bearer " + token.getToken());
                metadataApplier.apply(headers);
            } catch (Exception e) {
                log.error("Failed to obtain an access token for {}", requestInfo.getMethodDescriptor().getFullMethodName(), e);
                metadataApplier.fail(Status.UNAUTHENTICATED.withCause(e));
            }
        });
    }

01|    private synchronized TokenStatus currentToken() {
2|    private TokenStatus currentToken() {
        if (currentToken == null || currentToken.isExpired()) {
            currentToken = oauthClient.getAccessToken(); //@{2}CONC-03
01|            log.debug("Access token expired, requested a new one valid until {}", currentToken.getExpiration());
1|            log.debug("Token was expired. New token: " + currentToken); //@LOG-02
        }
        return currentToken;
    }

    @Override
    public void thisUsesUnstableApi() {
    }
}
''')
cases_of(case, GH + 'littlehorse-enterprises/littlehorse/pull/63',
         'sdk-java/' + src('io.littlehorse.sdk.common.auth', 'OAuthCredentialsProvider'),
         J('io.littlehorse.sdk.common.auth', SLF4J + ['io.grpc.CallCredentials', 'io.grpc.Metadata', 'io.grpc.Status',
                                                     'java.util.concurrent.Executor'])(LITTLEHORSE), [
             (1, 'java-00-littlehorse-token-debug-concatenated',
              'an edit concatenates the new token into the refresh\'s debug message, building the string on every '
              'refresh with debug logging off (and putting the token in the log with it on)', 'edit'),
             (2, 'java-00-littlehorse-token-refresh-unsynchronized',
              'an edit drops the lock of the token cache, so executor threads check and replace the cached token at '
              'once and may each fetch a token or read a half-published one', 'edit'),
             (0, 'java-ok-00-littlehorse-token-debug-parameterized',
              'clean: the fix logs the new token\'s expiry as a parameter instead of the token itself', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-01: TOTP of a mobile authentication library (powerauth-crypto), new file
POWERAUTH = template('powerauth-totp', r'''
/**
 * Time-based one-time passwords (RFC 6238) with HMAC-SHA256. The step counter is the Unix time in 30-second steps:
 * it is the same instant everywhere, whatever the zone of the server or of the device.
 */
public final class Totp {
    private static final Logger logger = LoggerFactory.getLogger(Totp.class);
    private static final int STEP_LENGTH_SECONDS = 30;
    private static final int[] DIGITS_POWER = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    public static byte[] generateTotpSha256(byte[] key, int digitsNumber) throws CryptoProviderException {
        return generateTotpSha256(key, currentStep(), digitsNumber);
    }

    /** Accepts a TOTP from the current step or up to {@code steps} steps either side of it. */
    public static boolean validateTotpSha256(byte[] otp, byte[] key, int steps, int digitsNumber)
            throws CryptoProviderException {
        long step = currentStep();
        for (int i = -steps; i <= steps; i++) {
2|            logger.info("Validating TOTP against step {}", step + i); //@LOG-01
            byte[] expected = generateTotpSha256(key, step + i, digitsNumber);
            if (MessageDigest.isEqual(expected, otp)) {
                return true;
            }
        }
        logger.debug("TOTP matched none of the {} steps around step {}", 2 * steps + 1, step);
        return false;
    }

    static long currentStep() {
02|        return Instant.now().getEpochSecond() / STEP_LENGTH_SECONDS;
1|        return LocalDateTime.now().toEpochSecond(ZoneOffset.UTC) / STEP_LENGTH_SECONDS; //@TIME-01
    }

    static byte[] generateTotpSha256(byte[] key, long step, int digitsNumber) throws CryptoProviderException {
        if (digitsNumber < 1 || digitsNumber >= DIGITS_POWER.length) {
            throw new IllegalArgumentException("Unsupported number of TOTP digits: " + digitsNumber);
        }
        byte[] message = ByteBuffer.allocate(Long.BYTES).putLong(step).array();
        byte[] hash = new HMACHashUtilities().hash(key, message);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        int otp = binary % DIGITS_POWER[digitsNumber];
        return String.format("%0" + digitsNumber + "d", otp).getBytes(StandardCharsets.UTF_8);
    }
}
''')
_PA_BASE = SLF4J + ['io.getlime.security.powerauth.crypto.lib.model.exception.CryptoProviderException',
                    'io.getlime.security.powerauth.crypto.lib.util.HMACHashUtilities', 'java.nio.ByteBuffer',
                    'java.nio.charset.StandardCharsets', 'java.security.MessageDigest']
cases_of(case, GH + 'wultra/powerauth-crypto/issues/483',
         'powerauth-java-crypto/' + src('io.getlime.security.powerauth.crypto.lib.totp', 'Totp'),
         JV('io.getlime.security.powerauth.crypto.lib.totp', {
             0: _PA_BASE + ['java.time.Instant'], 1: _PA_BASE + ['java.time.LocalDateTime', 'java.time.ZoneOffset'],
             2: _PA_BASE + ['java.time.Instant']})(POWERAUTH), [
             (1, 'java-00-powerauth-totp-step-from-local-wall-clock',
              'a new file counts TOTP steps from the local wall-clock time read as if it were UTC, so a server '
              'outside UTC is hours of steps away from every device', 'new'),
             (2, 'java-00-powerauth-totp-logs-every-step',
              'a new file logs every step it tries at info on every TOTP validation, several lines per login', 'new'),
             (0, 'java-ok-00-powerauth-totp',
              'clean: steps counted from the Unix time, one debug line for a failed validation', 'new'),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-03: token endpoint of an OAuth2/OIDC server (oxAuth), CRLF file
OXAUTH = template('oxauth-token-endpoint', r'''
@Path("/")
public class TokenRestWebServiceImpl implements TokenRestWebService {

    @Inject
    private Logger log;

    @Inject
    private TokenRequestProcessor tokenRequestProcessor;

    @Override
    public Response requestAccessToken(String grantType, String code, String redirectUri, String username,
            String password, String scope, String refreshToken, HttpServletRequest request) {
        String requestId = TokenRequestIds.of(request);
02|        log.debug("Token request {}: grantType = {}, redirectUri = {}, username = {}, scope = {}",
02|                requestId, grantType, redirectUri, username, scope);
1|        log.debug("Attempting to request access token: grantType = " + grantType + ", redirectUri = " //@LOG-02
1|                + redirectUri + ", username = " + username + ", scope = " + scope);
        try {
            GrantType gt = GrantType.fromString(grantType);
            if (gt == null) {
                log.warn("Token request {}: unsupported grant type {}", requestId, grantType);
                return error(Response.Status.BAD_REQUEST, TokenErrorResponseType.UNSUPPORTED_GRANT_TYPE);
            }
            return tokenRequestProcessor.process(gt, code, redirectUri, username, password, scope, refreshToken);
        } catch (WebApplicationException e) {
            throw e;
        } catch (Exception e) {
01|            log.error("Token request {} failed", requestId, e);
2|            log.error("Failed to issue the token", e); //@LOG-03
            return error(Response.Status.INTERNAL_SERVER_ERROR, TokenErrorResponseType.INVALID_REQUEST);
        }
    }

    private Response error(Response.Status status, TokenErrorResponseType type) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new TokenErrorResponse(type).toJSonString()).build();
    }
}
''')
cases_of(case, GH + 'GluuFederation/oxAuth/pull/1921',
         'Server/' + src('org.gluu.oxauth.token.ws.rs', 'TokenRestWebServiceImpl'),
         J('org.gluu.oxauth.token.ws.rs', [
             'javax.inject.Inject', 'javax.servlet.http.HttpServletRequest', 'javax.ws.rs.Path',
             'javax.ws.rs.WebApplicationException', 'javax.ws.rs.core.MediaType', 'javax.ws.rs.core.Response',
             'org.gluu.oxauth.model.common.GrantType', 'org.gluu.oxauth.model.token.TokenErrorResponse',
             'org.gluu.oxauth.model.token.TokenErrorResponseType', 'org.slf4j.Logger'])(OXAUTH), [
             (1, 'java-00-oxauth-token-request-debug-concatenated',
              'an edit concatenates the token request\'s parameters into its debug message, building the string on '
              'every token request even with debug logging off', 'edit'),
             (2, 'java-00-oxauth-token-failure-logged-without-request-id',
              'an edit logs a failed token request without its request id, so the failure cannot be tied to the '
              'request that caused it', 'edit'),
             (0, 'java-ok-00-oxauth-token-request-debug-parameterized',
              'clean: the fix logs the token request\'s parameters as arguments, with its request id', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- LOG-01 / CONC-04: OAuth2 token endpoint of an identity server (carbon-identity)
CARBON = template('carbon-identity-token-endpoint', r'''
@Path("/token")
public class OAuth2TokenEndpoint {
    private static final Logger log = LoggerFactory.getLogger(OAuth2TokenEndpoint.class);
    private static final String CLIENT_ID_MDC_KEY = "oauth.clientId";

    @POST
    @Path("/")
    @Consumes("application/x-www-form-urlencoded")
    @Produces("application/json")
    public Response issueAccessToken(@Context HttpServletRequest request, MultivaluedMap<String, String> paramMap)
            throws OAuthSystemException {
        String clientId = paramMap.getFirst(OAuth.OAUTH_CLIENT_ID);
02|        log.debug("Token request from client {} with grant type {} and {} headers", clientId,
02|                paramMap.getFirst(OAuth.OAUTH_GRANT_TYPE), Collections.list(request.getHeaderNames()).size());
1|        Enumeration<String> headerNames = request.getHeaderNames();
1|        while (headerNames.hasMoreElements()) {
1|            String headerName = headerNames.nextElement();
1|            log.info("Token request header {}: {}", headerName, request.getHeader(headerName)); //@LOG-01
1|        }

        MDC.put(CLIENT_ID_MDC_KEY, clientId); //@{2}CONC-04
01|        try {
01|            return issue(request, paramMap);
01|        } finally {
01|            MDC.remove(CLIENT_ID_MDC_KEY);
01|        }
2|        Response response = issue(request, paramMap);
2|        MDC.remove(CLIENT_ID_MDC_KEY);
2|        return response;
    }

    private Response issue(HttpServletRequest request, MultivaluedMap<String, String> paramMap)
            throws OAuthSystemException {
        CarbonOAuthTokenRequest oauthRequest = buildTokenRequest(request, paramMap);
        OAuth2AccessTokenRespDTO tokenResp = getAccessToken(oauthRequest);
        if (tokenResp.getErrorMsg() != null) {
            log.warn("Token request of client {} rejected: {}", oauthRequest.getClientId(), tokenResp.getErrorCode());
            return handleErrorResponse(tokenResp);
        }
        return buildTokenResponse(tokenResp);
    }
}
''')
_CARBON_BASE = SLF4J + [
    'javax.servlet.http.HttpServletRequest', 'javax.ws.rs.Consumes', 'javax.ws.rs.POST', 'javax.ws.rs.Path',
    'javax.ws.rs.Produces', 'javax.ws.rs.core.Context', 'javax.ws.rs.core.MultivaluedMap', 'javax.ws.rs.core.Response',
    'org.apache.oltu.oauth2.common.OAuth', 'org.apache.oltu.oauth2.common.exception.OAuthSystemException',
    'org.slf4j.MDC', 'org.wso2.carbon.identity.oauth.endpoint.util.CarbonOAuthTokenRequest',
    'org.wso2.carbon.identity.oauth2.dto.OAuth2AccessTokenRespDTO']
cases_of(case, GH + 'wso2-attic/carbon-identity/pull/376',
         'components/oauth/org.wso2.carbon.identity.oauth.endpoint/'
         + src('org.wso2.carbon.identity.oauth.endpoint.token', 'OAuth2TokenEndpoint'),
         JV('org.wso2.carbon.identity.oauth.endpoint.token', {
             0: _CARBON_BASE + ['java.util.Collections'], 1: _CARBON_BASE + ['java.util.Enumeration'],
             2: _CARBON_BASE + ['java.util.Collections']})(CARBON), [
             (1, 'java-00-carbon-identity-logs-every-request-header',
              'an edit logs every header of every token request at info, a burst of lines per token issued', 'edit'),
             (2, 'java-00-carbon-identity-client-mdc-not-removed-on-failure',
              'an edit removes the client id from the MDC only after a token is issued, so a failed request leaves '
              'its client id on the pooled thread for the next request\'s log lines', 'edit'),
             (0, 'java-ok-00-carbon-identity-one-debug-line-per-request',
              'clean: the fix logs one debug line per token request instead of every header', 'fix'),
         ])
