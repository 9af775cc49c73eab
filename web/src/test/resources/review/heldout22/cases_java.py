"""Round-22 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 21)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant, JAVA_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- RES-01 / ERR-01: resource table of an APK (Apktool)
APKTOOL = r'''
/** Reads the compiled resource table out of an APK. */
public class ResourceTableLoader {
    private final File apkFile;

    public ResourceTableLoader(File apkFile) {
        this.apkFile = apkFile;
    }

    public ResTable load() throws AndrolibException {
02|        try (ZipFile zip = new ZipFile(apkFile)) {
1|        try {
1|            ZipFile zip = new ZipFile(apkFile); //@RES-01
            ZipEntry entry = zip.getEntry("resources.arsc");
            if (entry == null) {
                throw new AndrolibException("no resources.arsc in " + apkFile.getName());
            }
            ResTable table;
            try (InputStream in = zip.getInputStream(entry)) {
                table = ArscDecoder.decode(in);
            }
1|            zip.close();
            return table;
        } catch (IOException e) {
01|            throw new AndrolibException("read resource table of " + apkFile.getName(), e);
2|            throw new AndrolibException("read resource table of " + apkFile.getName() + ": " + e.getMessage()); //@ERR-01
        }
    }
}
'''
cases_of(case, GH + 'iBotPeaches/Apktool/pull/3618', src('brut.androlib.res', 'ResourceTableLoader'),
         J('brut.androlib.res', ['brut.androlib.exceptions.AndrolibException', 'java.io.File', 'java.io.IOException',
                                 'java.io.InputStream', 'java.util.zip.ZipEntry', 'java.util.zip.ZipFile'])(APKTOOL), [
             (1, 'java-00-apktool-apk-zip-closed-only-on-success',
              'a new loader opens the APK zip outside try-with-resources and closes it only when the table was '
              'found', 'new'),
             (2, 'java-00-apktool-resource-table-error-loses-cause',
              'an edit rethrows a read failure with the message of the cause but not the cause itself', 'edit'),
             (0, 'java-ok-00-apktool-zip-in-try-with-resources-cause-kept',
              'clean: the zip in try-with-resources, the IOException kept as the cause', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: plugin bundle manifest (osc-core)
OSCCORE = r'''
/** Reads the SDK version a plugin bundle was built against. */
public final class SdkUtil {
    private static final Logger LOG = LoggerFactory.getLogger(SdkUtil.class);
    static final String SDK_VERSION_HEADER = "X-Osc-Sdk-Version";

    private SdkUtil() {
    }

    public static String sdkVersion(File bundle) throws IOException {
        Manifest mf;
02|        try (JarFile jar = new JarFile(bundle)) {
02|            mf = jar.getManifest();
02|        }
1|        mf = new JarFile(bundle).getManifest(); //@RES-01
        if (mf == null) {
            throw new IOException("bundle " + bundle.getName() + " has no manifest");
        }
        String version = mf.getMainAttributes().getValue(SDK_VERSION_HEADER);
01|        LOG.debug("bundle {} built against SDK {}", bundle.getName(), version);
2|        LOG.debug("bundle " + bundle.getName() + " built against SDK " + version + ", attributes " + mf.getMainAttributes().entrySet()); //@LOG-02
        return version;
    }
}
'''
OSCCORE_POM = pom('osc-ui', ['org.slf4j:slf4j-api:2.0.16'])
cases_of(case, GH + 'opensecuritycontroller/osc-core/issues/261', src('org.osc.core.broker.view.util', 'SdkUtil'),
         J('org.osc.core.broker.view.util', SLF4J + ['java.io.File', 'java.io.IOException', 'java.util.jar.JarFile',
                                                    'java.util.jar.Manifest'])(OSCCORE), [
             (1, 'java-00-osc-core-bundle-jar-never-closed',
              'a new helper reads the manifest from a JarFile opened in one expression and never closed', 'new',
              [f('pom.xml', new=OSCCORE_POM)]),
             (2, 'java-00-osc-core-manifest-debug-line-concatenated',
              'an edit builds the debug line by concatenation, listing every manifest attribute even when debug is off',
              'edit'),
             (0, 'java-ok-00-osc-core-jar-closed-placeholders',
              'clean: JarFile in try-with-resources, debug line with placeholders', 'fix'),
         ])


# ---------------------------------------------------------------- RES-03 / RES-01: language bundle import (dataverse)
DATAVERSE = r'''
/** Installs the language property files of an uploaded zip. */
public class LanguageBundleImporter {
    private final Path languageDir;

    public LanguageBundleImporter(Path languageDir) {
        this.languageDir = languageDir;
    }

    /** Copies every .properties entry into the language directory and returns how many were copied. */
    public int importBundles(File upload) throws IOException {
        int count = 0;
01|        try (ZipFile zip = new ZipFile(upload)) {
2|        ZipFile zip = new ZipFile(upload); //@RES-01
1|            List<OutputStream> outputs = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.isDirectory() || !entry.getName().endsWith(".properties")) {
                    continue;
                }
                Path target = languageDir.resolve(Paths.get(entry.getName()).getFileName().toString());
02|                try (InputStream in = zip.getInputStream(entry);
02|                     OutputStream out = Files.newOutputStream(target)) {
02|                    in.transferTo(out);
02|                }
1|                OutputStream out = Files.newOutputStream(target); //@RES-03
1|                outputs.add(out);
1|                zip.getInputStream(entry).transferTo(out);
                count++;
            }
1|            for (OutputStream out : outputs) {
1|                out.close();
1|            }
01|        }
        return count;
    }
}
'''
cases_of(case, GH + 'IQSS/dataverse/pull/10079', src('edu.harvard.iq.dataverse.api', 'LanguageBundleImporter'),
         J('edu.harvard.iq.dataverse.api', ['java.io.File', 'java.io.IOException', 'java.io.InputStream',
                                            'java.io.OutputStream', 'java.nio.file.Files', 'java.nio.file.Path',
                                            'java.nio.file.Paths', 'java.util.ArrayList', 'java.util.Collections',
                                            'java.util.List', 'java.util.zip.ZipEntry', 'java.util.zip.ZipFile'])(DATAVERSE), [
             (1, 'java-00-dataverse-bundle-outputs-closed-after-loop',
              'an edit keeps every output file of the import open in a list and closes them after the loop', 'edit'),
             (2, 'java-00-dataverse-upload-zip-never-closed',
              'an edit opens the uploaded zip without try-with-resources and never closes it', 'edit'),
             (0, 'java-ok-00-dataverse-zip-and-each-output-in-try',
              'clean: the zip in try-with-resources, each entry copied in its own try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: batch persist with Hibernate (predicting-refactoring-ml)
REFML = r'''
/** Stores the refactorings mined from one commit. */
public class Database {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private final SessionFactory sessionFactory;

    public Database(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** Persists every entity in one transaction; nothing is stored when one of them fails. */
    public void persistAll(List<?> entities) {
        try (Session session = sessionFactory.openSession()) {
            Transaction tx = session.beginTransaction(); //@{1}TX-01
0|            try {
0|                entities.forEach(session::persist);
0|                tx.commit();
0|            } catch (RuntimeException e) {
0|                if (tx.isActive()) {
0|                    tx.rollback();
0|                }
0|                throw e;
0|            }
1|            entities.forEach(session::persist);
1|            tx.commit();
2|            entities.forEach(session::persist);
2|            try {
2|                tx.commit();
2|            } catch (RuntimeException e) { //@TX-02|TX-01
2|                log.error("could not store {} entities", entities.size(), e);
2|            }
        }
    }
}
'''
cases_of(case, GH + 'refactoring-ai/predicting-refactoring-ml/pull/129', src('refactoringml.db', 'Database'),
         J('refactoringml.db', SLF4J + ['java.util.List', 'org.hibernate.Session', 'org.hibernate.SessionFactory',
                                        'org.hibernate.Transaction'])(REFML), [
             (1, 'java-00-refactoring-ml-persist-without-rollback',
              'an edit drops the rollback, so a failed persist leaves the transaction to the closing session', 'edit'),
             (2, 'java-00-refactoring-ml-commit-failure-logged-only',
              'an edit catches a failed commit, logs it and returns as if the entities were stored', 'edit'),
             (0, 'java-ok-00-refactoring-ml-rollback-and-rethrow',
              'clean: persist and commit in a try whose catch rolls back an active transaction and rethrows', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-03: formula binding (smile)
SMILE = r'''
/** A model formula evaluated row by row; one instance is shared by every thread that scores a frame. */
public class Formula {
01|    private static final Map<String, Formula> PARSED = new ConcurrentHashMap<>();
2|    private static final Map<String, Formula> PARSED = new HashMap<>(); //@CONC-03
    private final ThreadLocal<Binding> binding = new ThreadLocal<>();
    private final Term[] terms;

    private Formula(Term[] terms) {
        this.terms = terms;
    }

    /** The formula for text, parsed once and cached. */
    public static Formula of(String text) {
        return PARSED.computeIfAbsent(text, t -> new Formula(Parser.terms(t)));
    }

    /** Evaluates the formula on every row of df. */
    public double[] apply(DataFrame df) {
        binding.set(Binding.of(terms, df.schema())); //@{1}CONC-04
02|        try {
            double[] out = new double[df.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = binding.get().evaluate(df.get(i));
            }
            return out;
02|        } finally {
02|            binding.remove();
02|        }
    }
}
'''
cases_of(case, GH + 'haifengl/smile/issues/806', src('smile.data.formula', 'Formula'),
         J('smile.data.formula', ['java.util.HashMap', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                                  'smile.data.DataFrame'])(SMILE), [
             (1, 'java-00-smile-formula-binding-left-on-pooled-thread',
              'a new formula class sets a thread-local binding and never removes it, so pooled threads keep the '
              'frame', 'new'),
             (2, 'java-00-smile-formula-cache-plain-hash-map',
              'an edit turns the shared formula cache into a plain HashMap filled by computeIfAbsent from any thread',
              'edit'),
             (0, 'java-ok-00-smile-binding-removed-cache-concurrent',
              'clean: binding removed in finally, cache a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TMO-01: exchange trade history (XChange)
XCHANGE = r'''
/** Reads the user's trades from the exchange's REST API. */
public class TradeHistoryService {
    private final HttpClient client;
    private final URI baseUri;
    private final ObjectMapper mapper;

    public TradeHistoryService(URI baseUri, ObjectMapper mapper) {
        this.baseUri = baseUri;
        this.mapper = mapper;
01|        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
2|        this.client = HttpClient.newHttpClient(); //@TMO-01
    }

    public List<UserTrade> trades(String pair) throws ExchangeException {
        HttpRequest req = HttpRequest.newBuilder(baseUri.resolve("/api/v2/user_transactions/" + pair))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new ExchangeException("trades for " + pair + ": HTTP " + resp.statusCode());
            }
            return mapper.readValue(resp.body(), new TypeReference<List<UserTrade>>() { });
        } catch (IOException e) {
02|            throw new ExchangeException("trades for " + pair, e);
1|            throw new ExchangeException(e.getMessage()); //@ERR-01
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeException("interrupted while reading trades for " + pair, e);
        }
    }
}
'''
cases_of(case, GH + 'knowm/XChange/issues/1294', src('org.knowm.xchange.bitstamp.service', 'TradeHistoryService'),
         J('org.knowm.xchange.bitstamp.service', ['com.fasterxml.jackson.core.type.TypeReference',
                                                  'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException',
                                                  'java.net.URI', 'java.net.http.HttpClient',
                                                  'java.net.http.HttpRequest', 'java.net.http.HttpResponse',
                                                  'java.time.Duration', 'java.util.List',
                                                  'org.knowm.xchange.exceptions.ExchangeException'])(XCHANGE), [
             (1, 'java-00-xchange-trade-read-failure-loses-cause',
              'a new trade service rethrows a failed read as a new exception carrying only the message', 'new'),
             (2, 'java-00-xchange-client-without-connect-timeout',
              'an edit builds the exchange client with the default builder, without a connect timeout', 'edit'),
             (0, 'java-ok-00-xchange-timeouts-and-cause-kept',
              'clean: connect and request timeouts, the IOException kept as the cause', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: NETCONF session over SSH (netconf-java), CRLF
NETCONF = r'''
/** Opens NETCONF sessions to one device over SSH. */
public class Device {
    private final JSch jsch = new JSch();
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int connectTimeoutMillis;

    public Device(String host, int port, String user, String password, int connectTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public NetconfSession connect() throws NetconfException {
        Session session = null;
        try {
            session = jsch.getSession(user, host, port);
            session.setPassword(password);
02|            session.connect(connectTimeoutMillis);
1|            session.connect(); //@TMO-01
            ChannelSubsystem channel = (ChannelSubsystem) session.openChannel("subsystem");
            channel.setSubsystem("netconf");
            channel.connect(connectTimeoutMillis);
            return new NetconfSession(session, channel);
        } catch (JSchException e) {
            if (session != null) {
                session.disconnect();
            }
01|            throw new NetconfException("connect to " + host + ":" + port, e);
2|            e.printStackTrace(); //@ERR-01
2|            return null;
        }
    }
}
'''
cases_of(case, GH + 'Juniper/netconf-java/pull/52', src('net.juniper.netconf', 'Device'),
         J('net.juniper.netconf', ['com.jcraft.jsch.ChannelSubsystem', 'com.jcraft.jsch.JSch',
                                   'com.jcraft.jsch.JSchException', 'com.jcraft.jsch.Session'])(NETCONF), [
             (1, 'java-00-netconf-ssh-session-connect-without-timeout',
              'an edit connects the SSH session without the configured timeout', 'edit'),
             (2, 'java-00-netconf-connect-failure-printed-and-null',
              'an edit prints a failed connect to standard error and returns null to the caller', 'edit'),
             (0, 'java-ok-00-netconf-bounded-connect-cause-kept',
              'clean: session and channel connected with the timeout, failure rethrown with its cause', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / LOG-01: benchmark measurement (iot-benchmark)
IOTBENCH = r'''
/** Counts the operations of every client thread by type, for the final report. */
public class Measurement {
    private static final Logger LOGGER = LoggerFactory.getLogger(Measurement.class);
01|    private final Map<Operation, LongAdder> okOperations = new ConcurrentHashMap<>();
2|    private final Map<Operation, LongAdder> okOperations = new HashMap<>(); //@CONC-03
    private final Map<Operation, LongAdder> failedOperations = new ConcurrentHashMap<>();

    /** Called by every client thread after each batch it writes. */
    public void record(Operation op, List<Status> results) {
        int failed = 0;
        for (Status s : results) {
            if (s.isOk()) {
                okOperations.computeIfAbsent(op, k -> new LongAdder()).increment();
            } else {
                failed++;
1|                LOGGER.warn("{} failed for point {}", op, s.point(), s.exception()); //@LOG-01
            }
        }
        if (failed > 0) {
            failedOperations.computeIfAbsent(op, k -> new LongAdder()).add(failed);
        }
    }

    public long ok(Operation op) {
        LongAdder n = okOperations.get(op);
        return n == null ? 0 : n.sum();
    }
}
'''
cases_of(case, GH + 'thulab/iot-benchmark/pull/476', src('cn.edu.tsinghua.iot.benchmark.measurement', 'Measurement'),
         J('cn.edu.tsinghua.iot.benchmark.measurement', SLF4J + [
             'java.util.HashMap', 'java.util.List', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
             'java.util.concurrent.atomic.LongAdder'])(IOTBENCH), [
             (1, 'java-00-iot-benchmark-warns-per-failed-point',
              'a new measurement class logs a warning for every failed point of every batch', 'new'),
             (2, 'java-00-iot-benchmark-counters-in-plain-hash-map',
              'an edit keeps the per-operation counters of all client threads in a plain HashMap', 'edit'),
             (0, 'java-ok-00-iot-benchmark-concurrent-counters-failures-counted',
              'clean: counters in a ConcurrentHashMap, failed points counted per batch', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-05: DAO helpers (datahub-gma)
DATAHUB = r'''
/** Shared plumbing of the local metadata DAOs. */
public abstract class BaseLocalDAO {
    private static final Logger LOG = LoggerFactory.getLogger(BaseLocalDAO.class);
02|    private final Map<Class<?>, EqualityTester<?>> equalityTesters = new ConcurrentHashMap<>();
1|    private final Map<Class<?>, EqualityTester<?>> equalityTesters = new HashMap<>(); //@CONC-03
    private final TransactionTemplate transactions;
    private final long backoffMillis;

    protected BaseLocalDAO(TransactionTemplate transactions, long backoffMillis) {
        this.transactions = transactions;
        this.backoffMillis = backoffMillis;
    }

    /** The tester deciding whether a new aspect value differs from the stored one; request threads share it. */
    @SuppressWarnings("unchecked")
    protected <A> EqualityTester<A> equalityTester(Class<A> aspect) {
        return (EqualityTester<A>) equalityTesters.computeIfAbsent(aspect, k -> EqualityTester.defaultTester());
    }

    /** Runs block in a transaction, retrying optimistic-lock conflicts with a growing pause. */
    protected <T> T inTransactionWithRetry(Supplier<T> block, int maxAttempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> block.get());
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
            }
            try {
                Thread.sleep(backoffMillis * attempt);
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                throw new RetryInterruptedException("interrupted after attempt " + attempt, e);
2|            } catch (InterruptedException e) { //@CONC-05
2|                LOG.debug("back-off after attempt {} interrupted, retrying at once", attempt);
            }
        }
    }
}
'''
cases_of(case, GH + 'linkedin/datahub-gma/pull/108', src('com.linkedin.metadata.dao', 'BaseLocalDAO'),
         J('com.linkedin.metadata.dao', SLF4J + [
             'java.util.HashMap', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
             'java.util.function.Supplier', 'org.springframework.dao.OptimisticLockingFailureException',
             'org.springframework.transaction.support.TransactionTemplate'])(DATAHUB), [
             (1, 'java-00-datahub-equality-testers-in-plain-hash-map',
              'an edit keeps the equality testers, filled from every request thread, in a plain HashMap', 'edit'),
             (2, 'java-00-datahub-retry-backoff-swallows-interrupt',
              'an edit logs an interrupted back-off and retries at once, so the retry loop ignores interruption',
              'edit'),
             (0, 'java-ok-00-datahub-concurrent-testers-interrupt-ends-retry',
              'clean: testers in a ConcurrentHashMap, an interrupted back-off restores the flag and ends the retries',
              'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: Modbus TCP connection (j2mod)
J2MOD = r'''
/** One TCP connection to a Modbus slave. */
public class TcpMasterConnection {
    private final InetAddress address;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private ModbusTcpTransport transport;
    private boolean connected;

    public TcpMasterConnection(InetAddress address, int port, int timeoutMillis) {
        this.address = address;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    public synchronized void connect() throws IOException {
        if (connected) {
            return;
        }
02|        Socket s = new Socket(); //@{2}RES-01
02|        s.connect(new InetSocketAddress(address, port), timeoutMillis);
1|        Socket s = new Socket(address, port); //@TMO-01
01|        try {
01|            s.setSoTimeout(timeoutMillis);
01|            transport = new ModbusTcpTransport(s);
01|        } catch (IOException e) {
01|            s.close();
01|            throw e;
01|        }
2|        s.setSoTimeout(timeoutMillis);
2|        transport = new ModbusTcpTransport(s);
        socket = s;
        connected = true;
    }

    public synchronized void close() throws IOException {
        if (connected) {
            connected = false;
            socket.close();
        }
    }
}
'''
cases_of(case, GH + 'steveohara/j2mod/issues/27', src('com.ghgande.j2mod.modbus.net', 'TcpMasterConnection'),
         J('com.ghgande.j2mod.modbus.net', ['com.ghgande.j2mod.modbus.io.ModbusTcpTransport', 'java.io.IOException',
                                            'java.net.InetAddress', 'java.net.InetSocketAddress',
                                            'java.net.Socket'])(J2MOD), [
             (1, 'java-00-j2mod-socket-connects-without-timeout',
              'an edit connects through the Socket constructor, which waits for the OS timeout on a dead slave',
              'edit'),
             (2, 'java-00-j2mod-socket-left-open-when-setup-fails',
              'an edit drops the catch that closed the socket when setting up the transport fails', 'edit'),
             (0, 'java-ok-00-j2mod-bounded-connect-socket-closed-on-failure',
              'clean: connect with the timeout, socket closed and the error rethrown when set-up fails', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-02: remote method call over HTTP (jrpip)
JRPIP = r'''
/** Sends one serialized method call to the server and reads the serialized result. */
public class HttpMethodInvoker {
    private final URL endpoint;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    public HttpMethodInvoker(URL endpoint, int connectTimeoutMillis, int readTimeoutMillis) {
        this.endpoint = endpoint;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public Object invoke(MethodCall call) throws IOException, ClassNotFoundException {
        HttpURLConnection conn = (HttpURLConnection) endpoint.openConnection(); //@{1}TMO-01
02|        conn.setConnectTimeout(connectTimeoutMillis);
02|        conn.setReadTimeout(readTimeoutMillis);
        conn.setDoOutput(true);
        conn.setRequestMethod("POST");
        try (ObjectOutputStream out = new ObjectOutputStream(conn.getOutputStream())) {
            out.writeObject(call);
        }
        int status = conn.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
            throw new IOException("remote " + call.methodName() + " answered HTTP " + status);
        }
01|        try (ObjectInputStream in = new ObjectInputStream(conn.getInputStream())) {
01|            return in.readObject();
01|        }
2|        ObjectInputStream in = new ObjectInputStream(conn.getInputStream()); //@RES-02
2|        return in.readObject();
    }
}
'''
JRPIP_TEST = java('com.gs.jrpip.client', ['java.net.URL', 'org.junit.jupiter.api.Test',
                                          'static org.junit.jupiter.api.Assertions.assertThrows'], r'''
class HttpMethodInvokerTest {
    @Test
    void a_silent_server_fails_the_call_after_the_read_timeout() throws Exception {
        try (SilentServer server = SilentServer.start()) {
            HttpMethodInvoker invoker = new HttpMethodInvoker(new URL(server.url()), 200, 200);
            assertThrows(java.net.SocketTimeoutException.class, () -> invoker.invoke(MethodCall.of("ping")));
        }
    }
}
''')
cases_of(case, GH + 'goldmansachs/jrpip/pull/10', src('com.gs.jrpip.client', 'HttpMethodInvoker'),
         J('com.gs.jrpip.client', ['java.io.IOException', 'java.io.ObjectInputStream', 'java.io.ObjectOutputStream',
                                   'java.net.HttpURLConnection', 'java.net.URL'])(JRPIP), [
             (1, 'java-00-jrpip-call-connection-without-timeouts',
              'an edit drops the connect and read timeouts of the call connection', 'edit'),
             (2, 'java-00-jrpip-result-stream-never-closed',
              'an edit reads the result from a response stream it never closes', 'edit'),
             (0, 'java-ok-00-jrpip-timeouts-set-result-stream-closed',
              'clean: both timeouts set, result read in try-with-resources; a test beside it', 'fix',
              [f(tst('com.gs.jrpip.client', 'HttpMethodInvokerTest'), new=JRPIP_TEST)]),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-01: REPL attach (scalive), renamed class
SCALIVE = r'''
/** Connects the agent inside the target JVM back to the scalive client and serves a REPL over the socket. */
public final class ReplServer {
    private static final Logger LOG = Logger.getLogger(ReplServer.class.getName());
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 600_000;
    private static final ThreadFactory THREADS = runnable -> {
        Thread t = new Thread(runnable, "scalive-repl");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOG.log(Level.SEVERE, e, () -> "REPL thread " + th.getName() + " failed"));
        return t;
    };

    private ReplServer() {
    }

    public static void attach(int port) throws IOException {
        Socket socket = new Socket();
02|        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
02|        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
1|        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)); //@TMO-01
01|        THREADS.newThread(() -> Repl.serve(socket)).start();
2|        Thread repl = new Thread(() -> Repl.serve(socket), "scalive-repl"); //@CONC-01
2|        repl.setDaemon(true);
2|        repl.start();
    }
}
'''
cases_of(case, GH + 'xitrum-framework/scalive/issues/14', src('scalive', 'ReplServer'),
         J('scalive', ['java.io.IOException', 'java.net.InetAddress', 'java.net.InetSocketAddress', 'java.net.Socket',
                       'java.util.concurrent.ThreadFactory', 'java.util.logging.Level',
                       'java.util.logging.Logger'])(SCALIVE), [
             (1, 'java-00-scalive-renamed-repl-connects-without-timeout',
              'a PR renames the attach class and connects back to the client without connect or read timeouts',
              'rename'),
             (2, 'java-00-scalive-renamed-repl-thread-without-handler',
              'a PR renames the attach class and starts the REPL on a plain thread with no uncaught-exception handler',
              'rename'),
             (0, 'java-ok-00-scalive-renamed-repl-bounded-and-guarded',
              'clean: the rename alone; bounded connect and reads, REPL thread from the guarded factory', 'rename'),
         ], rename_from=src('scalive', 'AgentServer'),
         rename_old=lambda text: text.replace('ReplServer', 'AgentServer'))


# ---------------------------------------------------------------- LOG-01 / LOG-02: music library indexer (wissl)
WISSL = r'''
/** Adds the audio files found by a scan to the library. */
public class Indexer {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    private final TagReader tagReader;
    private final Library library;

    public Indexer(TagReader tagReader, Library library) {
        this.tagReader = tagReader;
        this.library = library;
    }

    /** Indexes every file; files that cannot be read are skipped and reported in one line per run. */
    public void indexAll(List<Path> files) {
        List<String> failed = new ArrayList<>();
        for (Path file : files) {
            try {
                Song song = tagReader.read(file);
01|                LOG.debug("indexed {} ({} s)", file, song.duration());
2|                LOG.debug("indexed " + file + " (" + song.duration() + " s, tags " + song.allTags() + ")"); //@LOG-02
                library.add(song);
            } catch (IOException | TagException e) {
02|                failed.add(file.getFileName().toString());
1|                LOG.warn("could not index {}: {}", file, e.getMessage()); //@LOG-01
            }
        }
        if (!failed.isEmpty()) {
            LOG.warn("{} files not indexed, first ones: {}", failed.size(), failed.subList(0, Math.min(5, failed.size())));
        }
    }
}
'''
cases_of(case, GH + 'mschn/wissl/issues/50', src('fr.msch.wissl.server', 'Indexer'),
         J('fr.msch.wissl.server', SLF4J + ['java.io.IOException', 'java.nio.file.Path', 'java.util.ArrayList',
                                            'java.util.List'])(WISSL), [
             (1, 'java-00-wissl-indexer-warns-per-unreadable-file',
              'a new indexer logs a warning for every unreadable file, every hour, for the same files', 'new'),
             (2, 'java-00-wissl-indexer-debug-line-concatenated',
              'an edit builds the per-file debug line by concatenation, tags included, with debug off', 'edit'),
             (0, 'java-ok-00-wissl-indexer-placeholders-one-summary',
              'clean: placeholder debug line, unreadable files collected and reported once per run', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / CONC-02: application jar download (OpenWebStart)
OWS = r'''
/** Downloads the jars of a JNLP application into the local cache. */
public class JarDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(JarDownloader.class);
    private static final long DOWNLOAD_TIMEOUT_SECONDS = 300;
    private final ExecutorService downloadPool; // shared: fixed size, bounded queue, caller runs when full
    private final ResourceCache cache;

    public JarDownloader(ExecutorService downloadPool, ResourceCache cache) {
        this.downloadPool = downloadPool;
        this.cache = cache;
    }

    public List<Path> downloadAll(List<JarResource> jars) throws IOException {
01|        ExecutorService pool = downloadPool;
2|        ExecutorService pool = Executors.newCachedThreadPool(); //@CONC-02|RES-04
        List<Future<Path>> pending = new ArrayList<>();
        for (JarResource jar : jars) {
            pending.add(pool.submit(() -> cache.download(jar)));
        }
        List<Path> paths = new ArrayList<>();
        for (Future<Path> f : pending) {
            Path p = await(f);
            paths.add(p);
1|            LOG.info("downloaded {} of {}: {}", paths.size(), jars.size(), p); //@LOG-01
        }
        LOG.info("downloaded {} jars", paths.size());
        return paths;
    }

    private static Path await(Future<Path> f) throws IOException {
        try {
            return f.get(DOWNLOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw (IOException) new InterruptedIOException("interrupted while waiting for a download").initCause(e);
        } catch (ExecutionException e) {
            throw new IOException("download failed", e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IOException("download timed out after " + DOWNLOAD_TIMEOUT_SECONDS + " s", e);
        }
    }
}
'''
OWS_POM = pom('openwebstart-download', ['org.slf4j:slf4j-api:2.0.16'])
cases_of(case, GH + 'karakun/OpenWebStart/pull/348', src('com.openwebstart.download', 'JarDownloader'),
         J('com.openwebstart.download', SLF4J + [
             'java.io.IOException', 'java.io.InterruptedIOException', 'java.nio.file.Path', 'java.util.ArrayList',
             'java.util.List', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Executors', 'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit',
             'java.util.concurrent.TimeoutException'])(OWS), [
             (1, 'java-00-openwebstart-info-line-per-downloaded-jar',
              'a new downloader logs an info line for every jar it downloads', 'new', [f('pom.xml', new=OWS_POM)]),
             (2, 'java-00-openwebstart-cached-pool-per-download-run',
              'an edit creates an unbounded cached thread pool for every download run and never shuts it down',
              'edit'),
             (0, 'java-ok-00-openwebstart-shared-pool-one-summary',
              'clean: the shared bounded pool, one summary line per run', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: secret service collection (secret-service)
SECRET = r'''
/** A collection of the freedesktop secret service, opened on the session bus. */
public class SimpleCollection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimpleCollection.class);
    private DBusConnection connection;
    private TransportEncryption encryption;

    public SimpleCollection() throws IOException {
        try {
            connection = DBusConnectionBuilder.forSessionBus().build(); //@{1}RES-01
            encryption = new TransportEncryption(connection);
            encryption.initialize();
02|            encryption.openSession();
1|            encryption.openSession(); // fails when the keyring stays locked
        } catch (DBusException | RuntimeException e) {
02|            if (connection != null) {
02|                connection.disconnect();
02|            }
01|            log.error("cannot open the secret service collection", e);
01|            throw new IOException("cannot open the secret service collection", e);
2|            log.error(e.toString(), e.getCause()); //@ERR-01
2|            throw new IOException(e.toString(), e.getCause());
        }
    }

    @Override
    public void close() {
        encryption.close();
        connection.disconnect();
    }
}
'''
cases_of(case, GH + 'swiesend/secret-service/issues/24', src('org.freedesktop.secret.simple', 'SimpleCollection'),
         J('org.freedesktop.secret.simple', SLF4J + [
             'java.io.IOException', 'org.freedesktop.dbus.connections.impl.DBusConnection',
             'org.freedesktop.dbus.connections.impl.DBusConnectionBuilder', 'org.freedesktop.dbus.exceptions.DBusException',
             'org.freedesktop.secret.TransportEncryption'])(SECRET), [
             (1, 'java-00-secret-service-bus-connection-left-open-on-failure',
              'an edit stops disconnecting the bus connection when opening the encrypted session fails', 'edit'),
             (2, 'java-00-secret-service-failure-logged-and-thrown-without-itself',
              'an edit logs and rethrows the failure with its cause\'s cause, dropping the exception itself', 'edit'),
             (0, 'java-ok-00-secret-service-disconnect-and-cause-kept',
              'clean: connection disconnected on failure, the exception itself logged and kept as the cause', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: poller heartbeat and shutdown (jeromq)
JEROMQ = r'''
/** Polls the sockets of one context on its own thread and sends heartbeats on a timer. */
public class SocketPoller {
    private static final Logger LOG = LoggerFactory.getLogger(SocketPoller.class);
    private final ScheduledExecutorService timer;
    private final Selector selector;
    private final Thread worker;
    private final AtomicLong heartbeatFailures = new AtomicLong();
    private final long intervalMillis;
    private volatile boolean running = true;

    public SocketPoller(ScheduledExecutorService timer, Selector selector, ThreadFactory threads, long intervalMillis) {
        this.timer = timer;
        this.selector = selector;
        this.intervalMillis = intervalMillis;
        this.worker = threads.newThread(this::pollLoop);
    }

    public void start() {
        worker.start();
1|        timer.scheduleAtFixedRate(this::sendHeartbeats, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS); //@CONC-07
02|        timer.scheduleAtFixedRate(this::guardedHeartbeat, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the poller thread and waits up to timeoutMillis for it to end. */
    public void destroy(long timeoutMillis) {
        running = false;
        selector.wakeup();
        try {
            worker.join(timeoutMillis);
01|        } catch (InterruptedException e) {
01|            Thread.currentThread().interrupt();
2|        } catch (InterruptedException e) { //@CONC-05
2|            // shutting down anyway
        }
    }

    private void guardedHeartbeat() {
        try {
            sendHeartbeats();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            heartbeatFailures.incrementAndGet();
            LOG.warn("heartbeat round failed; the next one runs as scheduled", t);
        }
    }

    private void sendHeartbeats() {
        // one PING per connected peer
    }

    private void pollLoop() {
        while (running) {
            // select and dispatch
        }
    }
}
'''
cases_of(case, GH + 'zeromq/jeromq/pull/423', src('zmq.poll', 'SocketPoller'),
         J('zmq.poll', SLF4J + ['java.nio.channels.Selector', 'java.util.concurrent.ScheduledExecutorService',
                                'java.util.concurrent.ThreadFactory', 'java.util.concurrent.TimeUnit',
                                'java.util.concurrent.atomic.AtomicLong'])(JEROMQ), [
             (1, 'java-00-jeromq-heartbeat-scheduled-unguarded',
              'a new poller schedules its heartbeat without a guard, so one failed round ends all later ones', 'new'),
             (2, 'java-00-jeromq-destroy-swallows-interrupt',
              'a new poller swallows the interruption while waiting for its thread to end', 'new'),
             (0, 'java-ok-00-jeromq-guarded-heartbeat-interrupt-restored',
              'clean: heartbeat behind a guard that lets VirtualMachineError through, interrupt flag restored', 'new'),
         ])


# ---------------------------------------------------------------- RES-03 / ERR-01: jar scan of an analysis run (emt4j)
EMT4J = r'''
/** Scans the jars of an application for APIs removed in the target JDK. */
public class JarScanner {
    private final ClassChecker checker;

    public JarScanner(ClassChecker checker) {
        this.checker = checker;
    }

    public void scanAll(List<Path> jars, Report report) throws IOException {
1|        List<JarFile> opened = new ArrayList<>();
1|        try {
1|            for (Path p : jars) {
1|                JarFile jar = new JarFile(p.toFile()); //@RES-03
1|                opened.add(jar);
1|                scan(jar, report);
1|            }
1|        } finally {
1|            for (JarFile jar : opened) {
1|                jar.close();
1|            }
1|        }
02|        for (Path p : jars) {
02|            try (JarFile jar = new JarFile(p.toFile())) {
02|                scan(jar, report);
0|            } catch (ZipException e) {
0|                report.unreadable(p, e);
2|            } catch (ZipException e) { //@ERR-01
02|            }
02|        }
    }

    private void scan(JarFile jar, Report report) throws IOException {
        for (JarEntry entry : Collections.list(jar.entries())) {
            if (entry.getName().endsWith(".class")) {
                try (InputStream in = jar.getInputStream(entry)) {
                    checker.check(entry.getName(), in, report);
                }
            }
        }
    }
}
'''
cases_of(case, GH + 'adoptium/emt4j/pull/5', src('org.eclipse.emt4j.analysis', 'JarScanner'),
         J('org.eclipse.emt4j.analysis', ['java.io.IOException', 'java.io.InputStream', 'java.nio.file.Path',
                                          'java.util.ArrayList', 'java.util.Collections', 'java.util.List',
                                          'java.util.jar.JarEntry', 'java.util.jar.JarFile',
                                          'java.util.zip.ZipException'])(EMT4J), [
             (1, 'java-00-emt4j-jars-kept-open-until-scan-ends',
              'a new scanner keeps every jar of the application open in a list until the whole scan ends', 'new'),
             (2, 'java-00-emt4j-corrupt-jar-silently-skipped',
              'a new scanner skips a corrupt jar in an empty catch, so the report claims it was checked', 'new'),
             (0, 'java-ok-00-emt4j-jar-per-iteration-corrupt-reported',
              'clean: one try-with-resources per jar, corrupt jars reported as unreadable', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-03: delta counter flush (wavefront-proxy)
WAVEFRONT = r'''
/** Sums delta counters from every listener thread and flushes the sums once a minute. */
public class DeltaCounterAccumulator {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaCounterAccumulator.class);
01|    private final Map<String, AtomicDouble> counters = new ConcurrentHashMap<>();
2|    private final Map<String, AtomicDouble> counters = new HashMap<>(); //@CONC-03
    private final PointSender sender;
    private final Counter flushFailures;

    public DeltaCounterAccumulator(ScheduledExecutorService scheduler, PointSender sender, Counter flushFailures) {
        this.sender = sender;
        this.flushFailures = flushFailures;
02|        scheduler.scheduleWithFixedDelay(this::flushGuarded, 60, 60, TimeUnit.SECONDS);
1|        scheduler.scheduleWithFixedDelay(this::flush, 60, 60, TimeUnit.SECONDS); //@CONC-07
    }

    /** Called by every listener thread for each delta point it parses. */
    public void add(String metric, double delta) {
        counters.computeIfAbsent(metric, k -> new AtomicDouble()).addAndGet(delta);
    }

    void flush() {
        for (Map.Entry<String, AtomicDouble> e : counters.entrySet()) {
            double value = e.getValue().getAndSet(0);
            if (value != 0) {
                sender.send(e.getKey(), value);
            }
        }
    }

    private void flushGuarded() {
        try {
            flush();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            flushFailures.inc();
            LOG.error("delta counter flush failed; the next one runs in a minute", t);
        }
    }
}
'''
WAVEFRONT_PROTO = JAVA_GENERATED + r'''// source: wavefront/report.proto

package com.wavefront.ingester.proto;

public enum ReportKind implements com.google.protobuf.ProtocolMessageEnum {
  POINT(0),
  DELTA_COUNTER(1),
  HISTOGRAM(2),
  UNRECOGNIZED(-1),
  ;

  private final int value;

  ReportKind(int value) {
    this.value = value;
  }

  public final int getNumber() {
    return value;
  }

  public final com.google.protobuf.Descriptors.EnumValueDescriptor getValueDescriptor() {
    return null;
  }

  public final com.google.protobuf.Descriptors.EnumDescriptor getDescriptorForType() {
    return null;
  }
}
'''
cases_of(case, GH + 'wavefrontHQ/wavefront-proxy/pull/496', src('com.wavefront.agent.handlers', 'DeltaCounterAccumulator'),
         J('com.wavefront.agent.handlers', SLF4J + [
             'com.google.common.util.concurrent.AtomicDouble', 'com.yammer.metrics.core.Counter', 'java.util.HashMap',
             'java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit'])(WAVEFRONT), [
             (1, 'java-00-wavefront-delta-flush-scheduled-unguarded',
              'a new accumulator schedules its flush without a guard, so one failed send stops every later flush',
              'new'),
             (2, 'java-00-wavefront-delta-counters-plain-hash-map',
              'an edit keeps the counters that every listener thread adds to in a plain HashMap', 'edit'),
             (0, 'java-ok-00-wavefront-delta-guarded-flush-concurrent-map',
              'clean: flush behind a guard that counts failures, counters in a ConcurrentHashMap; a regenerated '
              'protobuf enum beside it', 'fix',
              [f('proxy/src/main/java/com/wavefront/ingester/proto/ReportKind.java', new=WAVEFRONT_PROTO)]),
         ])


# ---------------------------------------------------------------- CONC-06 / ERR-01: spreadsheet loading (yamcs)
YAMCS = r'''
/** Loads the spreadsheets of the mission database on a background pool and reports each result. */
public class SpreadsheetLoaderService {
    private static final Logger log = LoggerFactory.getLogger(SpreadsheetLoaderService.class);
    private final ExecutorService loaderPool;
    private final SpreadsheetLoader loader;
    private final LoadListener listener;

    public SpreadsheetLoaderService(ExecutorService loaderPool, SpreadsheetLoader loader, LoadListener listener) {
        this.loaderPool = loaderPool;
        this.loader = loader;
        this.listener = listener;
    }

    public void loadAll(List<Path> sheets) {
        for (Path sheet : sheets) {
02|            CompletableFuture.runAsync(() -> load(sheet), loaderPool)
02|                    .whenComplete((ok, err) -> listener.loaded(sheet, err));
1|            loaderPool.submit(() -> load(sheet)); //@CONC-06
        }
    }

    private void load(Path sheet) {
        try {
            loader.load(sheet);
        } catch (SpreadsheetLoadException e) {
01|            throw new DatabaseLoadException("load " + sheet.getFileName(), e);
2|            throw new DatabaseLoadException("load " + sheet.getFileName() + ": " + e.getMessage()); //@ERR-01
        }
    }
}
'''
cases_of(case, GH + 'yamcs/yamcs/pull/32', src('org.yamcs.xtce', 'SpreadsheetLoaderService'),
         J('org.yamcs.xtce', SLF4J + ['java.nio.file.Path', 'java.util.List', 'java.util.concurrent.CompletableFuture',
                                      'java.util.concurrent.ExecutorService'])(YAMCS), [
             (1, 'java-00-yamcs-sheet-load-future-dropped',
              'a new loader submits each spreadsheet and drops the future, so a failed load is never reported', 'new'),
             (2, 'java-00-yamcs-sheet-load-failure-loses-cause',
              'a new loader wraps a spreadsheet failure in an exception that keeps only the message', 'new'),
             (0, 'java-ok-00-yamcs-sheet-load-reported-with-cause',
              'clean: each load reported by a completion handler, the failure kept as the cause', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / TMO-03: downstream call with a timeout (revolver)
REVOLVER = r'''
/** Runs downstream calls of one service on its pool, within the configured timeout. */
public class TimedCommand {
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final DownstreamClient client;
    private final String service;
    private final long timeoutMillis;

    public TimedCommand(ExecutorService pool, ScheduledExecutorService timer, DownstreamClient client,
                        String service, long timeoutMillis) {
        this.pool = pool;
        this.timer = timer;
        this.client = client;
        this.service = service;
        this.timeoutMillis = timeoutMillis;
    }

    public Response execute(Request request) throws RevolverException {
        Future<Response> call = pool.submit(() -> client.call(request));
2|        ScheduledFuture<?> watchdog = timer.schedule(() -> call.cancel(true), timeoutMillis, TimeUnit.MILLISECONDS); //@TMO-03
        try {
01|            return call.get(timeoutMillis, TimeUnit.MILLISECONDS);
2|            return call.get();
0|        } catch (TimeoutException e) {
0|            call.cancel(true);
0|            throw new RevolverException(service + " did not answer within " + timeoutMillis + " ms", e);
1|        } catch (TimeoutException e) { //@TMO-02
1|            throw new RevolverException(service + " did not answer within " + timeoutMillis + " ms", e);
2|        } catch (CancellationException e) {
2|            throw new RevolverException(service + " did not answer within " + timeoutMillis + " ms", e);
        } catch (ExecutionException e) {
            throw new RevolverException("call to " + service + " failed", e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new RevolverException("interrupted while waiting for " + service, e);
        }
    }
}
'''
cases_of(case, GH + 'phaneesh/revolver/pull/58', src('io.dropwizard.revolver.core', 'TimedCommand'),
         J('io.dropwizard.revolver.core', ['java.util.concurrent.CancellationException',
                                           'java.util.concurrent.ExecutionException',
                                           'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
                                           'java.util.concurrent.ScheduledExecutorService',
                                           'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit',
                                           'java.util.concurrent.TimeoutException'])(REVOLVER), [
             (1, 'java-00-revolver-timeout-leaves-call-running',
              'a new command gives up waiting after the timeout but leaves the downstream call running', 'new'),
             (2, 'java-00-revolver-watchdog-never-cancelled',
              'an edit bounds the call with a watchdog that stays scheduled after every fast call', 'edit'),
             (0, 'java-ok-00-revolver-timed-get-cancels-on-timeout',
              'clean: a timed get that cancels the call when the timeout fires', 'fix'),
         ])
