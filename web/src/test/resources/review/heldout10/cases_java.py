"""Round-10 Java cases (written for this corpus; see SOURCES.md). //@ITEM markers are stripped by make_cases.py."""
from cases_common import java, src, tst, f, edit

CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


def extended(path, pkg, imports, klass, added, more_imports=(), crlf=False, rename_from=None, new_pkg=None):
    """An existing class (`klass` holds the line `    // <new members>`) that the change extends by `added`."""
    old = java(pkg, sorted(imports), klass.replace('    // <new members>\n', ''))
    new = java(new_pkg or pkg, sorted(set(imports) | set(more_imports)), klass.replace('    // <new members>\n', added.strip('\n') + '\n'))
    d = f(path, old=old, new=new, crlf=crlf)
    if rename_from:
        d['rename_from'] = rename_from
    return d


def pom(deps):
    return ('<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n'
            '  <groupId>com.example</groupId>\n  <artifactId>service</artifactId>\n  <version>1.0.0</version>\n'
            '  <dependencies>\n' + ''.join(
                '    <dependency>\n      <groupId>%s</groupId>\n      <artifactId>%s</artifactId>\n      <version>%s</version>\n    </dependency>\n'
                % tuple(d.split(':')) for d in deps) + '  </dependencies>\n</project>\n')


# ============================================================== RES-01: ZooKeeper / Curator
SUBSCRIPTIONS = r'''
public class SubscriptionOffsets {
    private final ZooKeeperHolder zk;

    public SubscriptionOffsets(ZooKeeperHolder zk) {
        this.zk = zk;
    }

    public byte[] read(String subscriptionId, String partition) throws Exception {
        try (ZooKeeperHolder.Lease lease = zk.acquire()) {
            return lease.client().getData().forPath(offsetPath(subscriptionId, partition));
        }
    }

    // <new members>

    private static String offsetPath(String subscriptionId, String partition) {
        return "/nakadi/subscriptions/" + subscriptionId + "/offsets/" + partition;
    }
}
'''
case('java-01-subscription-offsets-lease-closed-by-hand-at-end', 'https://github.com/zalando/nakadi/pull/1290',
     'a subscription store whose read takes a ZooKeeper client lease in try-with-resources gains a write that closes the lease by hand at the end of the block: an exception from setData skips it and the rotating client is never returned',
     files=[extended(src('org.zalando.nakadi.service.subscription', 'SubscriptionOffsets'), 'org.zalando.nakadi.service.subscription',
                     ['org.zalando.nakadi.repository.zookeeper.ZooKeeperHolder'], SUBSCRIPTIONS, r'''
    public void write(String subscriptionId, String partition, byte[] offset) throws Exception {
        ZooKeeperHolder.Lease lease = zk.acquire(); //@RES-01
        lease.client().setData().forPath(offsetPath(subscriptionId, partition), offset);
        lease.close();
    }
''')])

case('java-02-ha-group-curator-leaks-when-connect-times-out', 'https://github.com/apache/phoenix/pull/2200',
     'a high-availability group caches one CuratorFramework per JDBC URL; when blockUntilConnected times out the loader throws without closing the started client, whose ZooKeeper threads keep reconnecting',
     files=[f(src('org.apache.phoenix.jdbc', 'HaCuratorCache'), new=java('org.apache.phoenix.jdbc', ['com.google.common.cache.Cache', 'com.google.common.cache.CacheBuilder', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.TimeUnit', 'org.apache.curator.framework.CuratorFramework', 'org.apache.curator.framework.CuratorFrameworkFactory', 'org.apache.curator.retry.ExponentialBackoffRetry'], r'''
public final class HaCuratorCache {
    private static final long CONNECT_TIMEOUT_MS = 10_000;
    private static final Cache<String, CuratorFramework> CURATORS = CacheBuilder.newBuilder()
            .removalListener(n -> ((CuratorFramework) n.getValue()).close())
            .build();

    private HaCuratorCache() {
    }

    public static CuratorFramework get(String zkQuorum) throws ExecutionException {
        return CURATORS.get(zkQuorum, () -> {
            CuratorFramework curator = CuratorFrameworkFactory.newClient(zkQuorum, 60_000, 10_000, //@RES-01
                    new ExponentialBackoffRetry(1_000, 3));
            curator.start();
            if (!curator.blockUntilConnected((int) CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("no ZooKeeper connection to " + zkQuorum + " within " + CONNECT_TIMEOUT_MS + " ms");
            }
            return curator;
        });
    }
}
'''))])

case('java-ok-01-ha-group-curator-closed-on-failed-connect', 'https://github.com/apache/phoenix/pull/2200',
     'clean: the loader closes the started client before throwing when the connection times out; a connected client is handed to the cache, whose removal listener closes it',
     files=[f(src('org.apache.phoenix.jdbc', 'HaCuratorCache'), new=java('org.apache.phoenix.jdbc', ['com.google.common.cache.Cache', 'com.google.common.cache.CacheBuilder', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.TimeUnit', 'org.apache.curator.framework.CuratorFramework', 'org.apache.curator.framework.CuratorFrameworkFactory', 'org.apache.curator.retry.ExponentialBackoffRetry'], r'''
public final class HaCuratorCache {
    private static final long CONNECT_TIMEOUT_MS = 10_000;
    private static final Cache<String, CuratorFramework> CURATORS = CacheBuilder.newBuilder()
            .removalListener(n -> ((CuratorFramework) n.getValue()).close())
            .build();

    private HaCuratorCache() {
    }

    public static CuratorFramework get(String zkQuorum) throws ExecutionException {
        return CURATORS.get(zkQuorum, () -> {
            CuratorFramework curator = CuratorFrameworkFactory.newClient(zkQuorum, 60_000, 10_000,
                    new ExponentialBackoffRetry(1_000, 3));
            try {
                curator.start();
                if (!curator.blockUntilConnected((int) CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("no ZooKeeper connection to " + zkQuorum + " within " + CONNECT_TIMEOUT_MS + " ms");
                }
                return curator;
            } catch (InterruptedException e) {
                curator.close();
                Thread.currentThread().interrupt();
                throw e;
            } catch (RuntimeException e) {
                curator.close();
                throw e;
            }
        });
    }
}
'''))])

# ============================================================== CONC-04: MDC and ThreadContext
case('java-03-client-worker-puts-correlation-id-never-removed', 'https://github.com/wso2/wso2-synapse/pull/2597',
     'a pooled response worker puts the correlation id of the message it handles into the MDC and never removes it, so the next response handled on that thread logs a stale id',
     files=[f(src('org.apache.synapse.transport.passthru', 'ClientWorker'), new=java('org.apache.synapse.transport.passthru', ['java.util.concurrent.atomic.AtomicLong', 'org.apache.axis2.context.MessageContext', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory', 'org.slf4j.MDC'], r'''
public class ClientWorker implements Runnable {
    private static final Log log = LogFactory.getLog(ClientWorker.class);
    private static final String CORRELATION_ID = "Correlation-ID";
    static final AtomicLong FAILED_RESPONSES = new AtomicLong();

    private final MessageContext responseMsgCtx;
    private final TargetResponse response;

    public ClientWorker(MessageContext responseMsgCtx, TargetResponse response) {
        this.responseMsgCtx = responseMsgCtx;
        this.response = response;
    }

    @Override
    public void run() {
        Object correlationId = responseMsgCtx.getProperty(CORRELATION_ID);
        if (correlationId != null) {
            MDC.put(CORRELATION_ID, correlationId.toString()); //@CONC-04
        }
        try {
            responseMsgCtx.getEnvelope().build();
            response.dispatch(responseMsgCtx);
        } catch (Exception e) {
            FAILED_RESPONSES.incrementAndGet();
            log.error("Fault processing response message through Axis2", e);
        }
    }
}
'''))])

case('java-ok-02-client-worker-scopes-correlation-id-with-put-closeable', 'https://github.com/wso2/wso2-synapse/pull/2597',
     'clean: the worker scopes the correlation id with MDC.putCloseable in try-with-resources, so it is removed on every exit',
     files=[f(src('org.apache.synapse.transport.passthru', 'ClientWorker'), new=java('org.apache.synapse.transport.passthru', ['java.util.concurrent.atomic.AtomicLong', 'org.apache.axis2.context.MessageContext', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory', 'org.slf4j.MDC'], r'''
public class ClientWorker implements Runnable {
    private static final Log log = LogFactory.getLog(ClientWorker.class);
    private static final String CORRELATION_ID = "Correlation-ID";
    static final AtomicLong FAILED_RESPONSES = new AtomicLong();

    private final MessageContext responseMsgCtx;
    private final TargetResponse response;

    public ClientWorker(MessageContext responseMsgCtx, TargetResponse response) {
        this.responseMsgCtx = responseMsgCtx;
        this.response = response;
    }

    @Override
    public void run() {
        Object correlationId = responseMsgCtx.getProperty(CORRELATION_ID);
        String id = correlationId == null ? "unknown" : correlationId.toString();
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CORRELATION_ID, id)) {
            responseMsgCtx.getEnvelope().build();
            response.dispatch(responseMsgCtx);
        } catch (Exception e) {
            FAILED_RESPONSES.incrementAndGet();
            log.error("Fault processing response message through Axis2", e);
        }
    }
}
'''))])

case('java-04-lambda-handler-thread-context-kept-between-invocations', 'https://github.com/govuk-one-login/authentication-api/pull/2891',
     'a serverless request handler adds the session and client ids to the Log4j 2 ThreadContext at the start of each invocation and never clears them; the warm container\'s next request logs the previous user\'s ids when a header is missing',
     files=[f(src('uk.gov.di.authentication.frontendapi.lambda', 'StartHandler'), new=java('uk.gov.di.authentication.frontendapi.lambda', ['com.amazonaws.services.lambda.runtime.Context', 'com.amazonaws.services.lambda.runtime.RequestHandler', 'com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent', 'com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent', 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger', 'org.apache.logging.log4j.ThreadContext'], r'''
public class StartHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Logger LOG = LogManager.getLogger(StartHandler.class);
    private final StartService startService;

    public StartHandler(StartService startService) {
        this.startService = startService;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent input, Context context) {
        String sessionId = input.getHeaders().get("Session-Id");
        if (sessionId != null) {
            ThreadContext.put("session-id", sessionId); //@CONC-04
        }
        String clientId = input.getHeaders().get("Client-Id");
        if (clientId != null) {
            ThreadContext.put("client-id", clientId); //@~CONC-04
        }
        LOG.info("Start request received");
        return startService.start(input);
    }
}
'''))])

case('java-ok-03-filter-removes-thread-context-keys-in-finally', 'https://github.com/apache/logging-log4j2/issues/2523',
     'clean: a servlet filter puts the request id into the ThreadContext and removes it in a finally at the same level',
     files=[f(src('com.example.web', 'RequestIdFilter'), new=java('com.example.web', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'jakarta.servlet.http.HttpServletRequest', 'java.io.IOException', 'java.util.UUID', 'org.apache.logging.log4j.ThreadContext'], r'''
public class RequestIdFilter implements Filter {
    static final String KEY = "requestId";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String incoming = ((HttpServletRequest) req).getHeader("X-Request-Id");
        ThreadContext.put(KEY, incoming != null ? incoming : UUID.randomUUID().toString());
        try {
            chain.doFilter(req, res);
        } finally {
            ThreadContext.remove(KEY);
        }
    }
}
'''))])

case('java-05-portal-filter-ends-request-lifecycle-outside-finally', 'https://github.com/exoplatform/exogtn/pull/140',
     'a portal filter binds the identity session of the request to a ThreadLocal and unbinds it after the chain returns, but not in a finally: a request that throws leaves the session bound to the pooled thread, and open',
     files=[f(src('org.exoplatform.services.organization.idm', 'IdentitySessionFilter'), new=java('org.exoplatform.services.organization.idm', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'java.io.IOException'], r'''
public class IdentitySessionFilter implements Filter {
    static final ThreadLocal<IdentitySession> CURRENT = new ThreadLocal<>();
    private final IdentitySessionFactory sessions;

    public IdentitySessionFilter(IdentitySessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        IdentitySession session = sessions.open(); //@RES-01
        CURRENT.set(session); //@CONC-04
        chain.doFilter(req, res);
        CURRENT.remove();
        session.close();
    }
}
'''))])

# ============================================================== DEP-02: SnakeYAML and XStream
case('java-06-acl-config-loaded-with-default-yaml-constructor', 'https://github.com/Netcentric/accesscontroltool/issues/678',
     'an access-control tool gains a YAML import of uploaded configuration files with `new Yaml()` on SnakeYAML 1.33 (pom.xml beside it), whose default constructor instantiates any class a `!!` tag names',
     files=[f(src('biz.netcentric.cq.tools.actool.configreader', 'YamlConfigReader'), new=java('biz.netcentric.cq.tools.actool.configreader', ['java.io.InputStream', 'java.util.List', 'java.util.Map', 'org.yaml.snakeyaml.Yaml'], r'''
public class YamlConfigReader {

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> read(InputStream uploadedConfig) {
        Yaml yaml = new Yaml();
        Object root = yaml.load(uploadedConfig); //@DEP-02
        if (!(root instanceof List)) {
            throw new IllegalArgumentException("configuration root must be a list");
        }
        return (List<Map<String, Object>>) root;
    }
}
''')), f('pom.xml', new=pom(['org.yaml:snakeyaml:1.33']))])

case('java-ok-04-agent-config-loaded-with-safe-constructor', 'https://github.com/newrelic/newrelic-java-agent/pull/236',
     'clean: the agent loads its YAML configuration with `new Yaml(new SafeConstructor(new LoaderOptions()))`, which builds only standard Java types',
     files=[f(src('com.newrelic.agent.config', 'ConfigFileReader'), new=java('com.newrelic.agent.config', ['java.io.IOException', 'java.io.Reader', 'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.Map', 'org.yaml.snakeyaml.LoaderOptions', 'org.yaml.snakeyaml.Yaml', 'org.yaml.snakeyaml.constructor.SafeConstructor'], r'''
public final class ConfigFileReader {
    private ConfigFileReader() {
    }

    public static Map<String, Object> read(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> config = yaml.load(in);
            return config == null ? Map.of() : config;
        }
    }
}
'''))])

case('java-07-chart-repository-index-loaded-as-map-with-default-yaml', 'https://github.com/microbean/microbean-helm/issues/132',
     'a Helm chart repository client parses a remote index.yaml with `new Yaml().loadAs(stream, Map.class)`; with SnakeYAML 1.x the default constructor still honours global tags inside the map',
     files=[f(src('org.microbean.helm.chart.repository', 'IndexLoader'), new=java('org.microbean.helm.chart.repository', ['java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'java.util.Map', 'org.yaml.snakeyaml.Yaml'], r'''
final class IndexLoader {
    private final Fetcher fetcher;

    IndexLoader(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    Map<?, ?> load(URI repository) throws IOException {
        try (InputStream stream = fetcher.open(repository.resolve("index.yaml"))) {
            return new Yaml().loadAs(stream, Map.class); //@DEP-02
        }
    }
}
'''))])

case('java-08-rest-extension-unmarshals-entity-with-plain-xstream', 'https://github.com/restlet/restlet-framework-java/issues/835',
     'a REST framework extension converts XML request entities to objects with an XStream instance that has no type permissions, so a request body can name any class on the classpath',
     files=[f(src('org.restlet.ext.xstream', 'XstreamRepresentation'), new=java('org.restlet.ext.xstream', ['com.thoughtworks.xstream.XStream', 'com.thoughtworks.xstream.io.xml.DomDriver', 'java.io.IOException', 'org.restlet.representation.Representation'], r'''
public class XstreamRepresentation<T> {
    private final Representation entity;
    private final Class<T> target;

    public XstreamRepresentation(Representation entity, Class<T> target) {
        this.entity = entity;
        this.target = target;
    }

    public T getObject() throws IOException {
        XStream xstream = new XStream(new DomDriver());
        xstream.processAnnotations(target);
        return target.cast(xstream.fromXML(entity.getStream())); //@DEP-02
    }
}
'''))])

case('java-09-plugin-store-reads-descriptor-with-unrestricted-xstream', 'https://github.com/datavane/tis/pull/443',
     'a plugin store gains an import of uploaded plugin descriptors through a shared XStream (1.4.17, pom.xml beside it) whose security framework was never configured',
     files=[extended(src('com.qlangtech.tis.extension', 'PluginStore'), 'com.qlangtech.tis.extension', ['com.thoughtworks.xstream.XStream', 'java.nio.file.Path'], r'''
public class PluginStore {
    private static final XStream XSTREAM = new XStream();
    private final Path root;

    public PluginStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    // <new members>
}
''', r'''
    public Descriptor importDescriptor(InputStream upload) throws IOException {
        try (InputStream in = upload) {
            return (Descriptor) XSTREAM.fromXML(in); //@DEP-02
        }
    }
''', more_imports=['java.io.IOException', 'java.io.InputStream']), f('pom.xml', new=pom(['com.thoughtworks.xstream:xstream:1.4.17']))])

case('java-ok-05-rpki-serializer-allows-only-its-own-types', 'https://github.com/RIPE-NCC/rpki-commons/pull/92',
     'clean: the XML serializer builder resets XStream permissions to NoTypePermission.NONE and allows nulls, primitives and the serialised type hierarchy only',
     files=[f(src('net.ripe.rpki.commons.xml', 'XStreamXmlSerializerBuilder'), new=java('net.ripe.rpki.commons.xml', ['com.thoughtworks.xstream.XStream', 'com.thoughtworks.xstream.io.xml.DomDriver', 'com.thoughtworks.xstream.security.NoTypePermission', 'com.thoughtworks.xstream.security.NullPermission', 'com.thoughtworks.xstream.security.PrimitiveTypePermission'], r'''
public class XStreamXmlSerializerBuilder<T> {
    private final Class<T> objectType;

    public XStreamXmlSerializerBuilder(Class<T> objectType) {
        this.objectType = objectType;
    }

    public XStream build() {
        XStream xStream = new XStream(new DomDriver());
        xStream.addPermission(NoTypePermission.NONE);
        xStream.addPermission(NullPermission.NULL);
        xStream.addPermission(PrimitiveTypePermission.PRIMITIVES);
        xStream.allowTypeHierarchy(objectType);
        xStream.processAnnotations(objectType);
        return xStream;
    }
}
'''))])

# ============================================================== RES-01/RES-02: AWS S3 objects
case('java-10-blob-sniffer-response-input-stream-left-open', 'https://github.com/aws/aws-sdk-java-v2/issues/438',
     'a blob service sniffs the first bytes of an S3 object through the SDK v2 ResponseInputStream and returns the detected type without closing the stream, so the pooled HTTP connection is never released',
     files=[f(src('com.example.blobs', 'ContentSniffer'), new=java('com.example.blobs', ['java.io.IOException', 'software.amazon.awssdk.core.ResponseInputStream', 'software.amazon.awssdk.services.s3.S3Client', 'software.amazon.awssdk.services.s3.model.GetObjectRequest', 'software.amazon.awssdk.services.s3.model.GetObjectResponse'], r'''
public class ContentSniffer {
    private final S3Client s3;
    private final String bucket;

    public ContentSniffer(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public long size(String key) {
        return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
    }

    public String detect(String key) throws IOException {
        ResponseInputStream<GetObjectResponse> in = s3.getObject(GetObjectRequest.builder() //@RES-01|RES-02
                .bucket(bucket).key(key).range("bytes=0-15").build());
        byte[] head = in.readNBytes(16);
        if (head.length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return "application/pdf";
        }
        return in.response().contentType();
    }
}
'''))])

case('java-ok-06-bitstore-hands-s3-object-stream-to-caller', 'https://github.com/DSpace/DSpace/pull/2694',
     'clean: a bitstream store returns the S3 object wrapped in a FilterInputStream whose close also closes the S3Object, documenting that the caller owns and closes it',
     files=[f(src('org.dspace.storage.bitstore', 'S3BitStoreService'), new=java('org.dspace.storage.bitstore', ['com.amazonaws.services.s3.AmazonS3', 'com.amazonaws.services.s3.model.S3Object', 'java.io.FilterInputStream', 'java.io.IOException', 'java.io.InputStream'], r'''
public class S3BitStoreService {
    private final AmazonS3 s3;
    private final String bucket;

    public S3BitStoreService(AmazonS3 s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Opens the bitstream; the caller owns the returned stream and must close it, which also releases the S3 object. */
    public InputStream get(String key) {
        S3Object object = s3.getObject(bucket, key);
        return new S3ObjectInputStream(object);
    }

    private static final class S3ObjectInputStream extends FilterInputStream {
        private final S3Object object;

        S3ObjectInputStream(S3Object object) {
            super(object.getObjectContent());
            this.object = object;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                object.close();
            }
        }
    }
}
'''))])

case('java-11-artifact-downloader-reads-stream-it-never-closes', 'https://github.com/spinnaker/clouddriver/pull/5576',
     'an artifact endpoint downloads an S3 artifact into a byte array with IOUtils.toByteArray(stream) on a stream it never closes',
     files=[extended(src('com.netflix.spinnaker.clouddriver.artifacts.s3', 'S3ArtifactCredentials'), 'com.netflix.spinnaker.clouddriver.artifacts.s3', ['com.amazonaws.services.s3.AmazonS3'], r'''
public class S3ArtifactCredentials {
    private final AmazonS3 amazonS3;

    public S3ArtifactCredentials(AmazonS3 amazonS3) {
        this.amazonS3 = amazonS3;
    }

    // <new members>
}
''', r'''
    public byte[] downloadBytes(String reference) throws IOException {
        String path = reference.substring("s3://".length());
        int slash = path.indexOf('/');
        InputStream content = amazonS3.getObject(path.substring(0, slash), path.substring(slash + 1)).getObjectContent(); //@RES-01
        return IOUtils.toByteArray(content);
    }
''', more_imports=['java.io.IOException', 'java.io.InputStream', 'org.apache.commons.io.IOUtils'])])

case('java-12-file-store-s3-object-closed-only-on-success', 'https://github.com/travel-cloud/Cheddar/pull/155',
     'a file store reads an S3 object into a string and closes the S3Object on the success path only: a decoding error on the way leaves it open',
     files=[f(src('com.clicktravel.infrastructure.persistence.aws.s3', 'S3FileStore'), new=java('com.clicktravel.infrastructure.persistence.aws.s3', ['com.amazonaws.services.s3.AmazonS3', 'com.amazonaws.services.s3.model.S3Object', 'java.io.IOException', 'java.nio.charset.StandardCharsets'], r'''
public class S3FileStore {
    private final AmazonS3 amazonS3Client;
    private final String bucketPrefix;

    public S3FileStore(AmazonS3 amazonS3Client, String bucketPrefix) {
        this.amazonS3Client = amazonS3Client;
        this.bucketPrefix = bucketPrefix;
    }

    public String readText(String directory, String filename) throws IOException {
        S3Object s3Object = amazonS3Client.getObject(bucketPrefix + directory, filename); //@RES-01
        String text = new String(s3Object.getObjectContent().readAllBytes(), StandardCharsets.UTF_8);
        s3Object.close();
        return text;
    }
}
'''))])

case('java-13-s3-synchronizer-collects-object-streams-to-close-later', 'https://github.com/spring-attic/spring-integration-extensions/pull/53',
     'an S3 inbound synchronizer copies every new object to the local directory inside a loop and keeps each object\'s content stream in a list to close after the loop',
     files=[f(src('org.springframework.integration.aws.s3', 'S3InboundSynchronizer'), new=java('org.springframework.integration.aws.s3', ['com.amazonaws.services.s3.AmazonS3', 'com.amazonaws.services.s3.model.S3ObjectInputStream', 'com.amazonaws.services.s3.model.S3ObjectSummary', 'java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.nio.file.StandardCopyOption', 'java.util.ArrayList', 'java.util.List'], r'''
public class S3InboundSynchronizer {
    private final AmazonS3 s3;
    private final String bucket;
    private final Path localDirectory;

    public S3InboundSynchronizer(AmazonS3 s3, String bucket, Path localDirectory) {
        this.s3 = s3;
        this.bucket = bucket;
        this.localDirectory = localDirectory;
    }

    public int synchronize(List<S3ObjectSummary> newObjects) throws IOException {
        List<S3ObjectInputStream> opened = new ArrayList<>();
        try {
            for (S3ObjectSummary summary : newObjects) {
                S3ObjectInputStream content = s3.getObject(bucket, summary.getKey()).getObjectContent(); //@RES-03
                opened.add(content);
                Files.copy(content, localDirectory.resolve(summary.getKey()), StandardCopyOption.REPLACE_EXISTING);
            }
            return newObjects.size();
        } finally {
            for (S3ObjectInputStream content : opened) {
                content.close();
            }
        }
    }
}
'''))])

# ============================================================== Lettuce, Pulsar
case('java-14-rate-limiter-opens-lettuce-connection-per-call', 'https://github.com/redis/lettuce/issues/281',
     'a Redis rate limiter built on Lettuce connects a new StatefulRedisConnection for every check and never closes it (a socket and Netty channel per call, on a client meant to be shared)',
     files=[f(src('uk.gov.pay.api.filter.ratelimit', 'RedisRateLimiter'), new=java('uk.gov.pay.api.filter.ratelimit', ['io.lettuce.core.RedisClient', 'io.lettuce.core.api.StatefulRedisConnection', 'io.lettuce.core.api.sync.RedisCommands'], r'''
public class RedisRateLimiter {
    private final RedisClient redisClient;
    private final int perMillis;
    private final int noOfReq;

    public RedisRateLimiter(RedisClient redisClient, int noOfReq, int perMillis) {
        this.redisClient = redisClient;
        this.noOfReq = noOfReq;
        this.perMillis = perMillis;
    }

    public boolean allow(String key) {
        String windowKey = key + ":" + System.currentTimeMillis() / perMillis;
        StatefulRedisConnection<String, String> connection = redisClient.connect(); //@RES-01|RES-04
        RedisCommands<String, String> commands = connection.sync();
        long count = commands.incr(windowKey);
        if (count == 1) {
            commands.pexpire(windowKey, perMillis);
        }
        return count <= noOfReq;
    }
}
'''))])

case('java-ok-07-rate-limiter-shares-one-connection-closed-on-stop', 'https://github.com/redis/lettuce/issues/281',
     'clean: the limiter connects once in its constructor, shares the thread-safe connection, and closes it in close() (a managed lifecycle)',
     files=[f(src('uk.gov.pay.api.filter.ratelimit', 'RedisRateLimiter'), new=java('uk.gov.pay.api.filter.ratelimit', ['io.lettuce.core.RedisClient', 'io.lettuce.core.api.StatefulRedisConnection', 'io.lettuce.core.api.sync.RedisCommands'], r'''
public class RedisRateLimiter implements AutoCloseable {
    private final StatefulRedisConnection<String, String> connection;
    private final int perMillis;
    private final int noOfReq;

    public RedisRateLimiter(RedisClient redisClient, int noOfReq, int perMillis) {
        this.connection = redisClient.connect();
        this.noOfReq = noOfReq;
        this.perMillis = perMillis;
    }

    public boolean allow(String key) {
        String windowKey = key + ":" + System.currentTimeMillis() / perMillis;
        RedisCommands<String, String> commands = connection.sync();
        long count = commands.incr(windowKey);
        if (count == 1) {
            commands.pexpire(windowKey, perMillis);
        }
        return count <= noOfReq;
    }

    @Override
    public void close() {
        connection.close();
    }
}
'''))])

case('java-15-nifi-processor-creates-pulsar-producer-per-flowfile', 'https://github.com/david-streamlio/pulsar-nifi-bundle/issues/156',
     'a NiFi processor publishing records to Pulsar builds a new producer for every FlowFile inside onTrigger\'s loop and never closes it, so each FlowFile leaves a producer and its broker registration behind',
     files=[f(src('org.apache.nifi.processors.pulsar.pubsub', 'PublishPulsarRecord'), new=java('org.apache.nifi.processors.pulsar.pubsub', ['java.util.List', 'org.apache.nifi.flowfile.FlowFile', 'org.apache.nifi.processor.ProcessContext', 'org.apache.nifi.processor.ProcessSession', 'org.apache.pulsar.client.api.Producer', 'org.apache.pulsar.client.api.PulsarClient', 'org.apache.pulsar.client.api.PulsarClientException'], r'''
public class PublishPulsarRecord {
    private final PulsarClient client;

    public PublishPulsarRecord(PulsarClient client) {
        this.client = client;
    }

    public void onTrigger(ProcessContext context, ProcessSession session) throws PulsarClientException {
        List<FlowFile> flowFiles = session.get(50);
        String topic = context.getProperty("topic").getValue();
        for (FlowFile flowFile : flowFiles) {
            Producer<byte[]> producer = client.newProducer().topic(topic).create(); //@RES-01|RES-04
            producer.send(session.readAllBytes(flowFile));
            session.transfer(flowFile, "success");
        }
    }
}
'''))])

case('java-16-github-event-publisher-producer-per-payload-on-error-path', 'https://github.com/apache/pinot/pull/10308',
     'a demo data publisher gains a Pulsar producer per payload closed after a successful send only: a send that throws leaves the producer open',
     files=[extended(src('org.apache.pinot.plugin.stream.pulsar.server', 'PulsarDataProducer'), 'org.apache.pinot.plugin.stream.pulsar.server', ['org.apache.pulsar.client.api.PulsarClient'], r'''
public class PulsarDataProducer {
    private final PulsarClient pulsarClient;

    public PulsarDataProducer(PulsarClient pulsarClient) {
        this.pulsarClient = pulsarClient;
    }

    // <new members>
}
''', r'''
    public void produce(String topic, byte[] payload) {
        try {
            Producer<byte[]> producer = pulsarClient.newProducer().topic(topic).create(); //@RES-01
            producer.send(payload);
            producer.close();
        } catch (PulsarClientException e) {
            throw new IllegalStateException("Failed to publish to " + topic, e);
        }
    }
''', more_imports=['org.apache.pulsar.client.api.Producer', 'org.apache.pulsar.client.api.PulsarClientException'])])

case('java-ok-08-writer-caches-one-producer-per-topic-closed-in-close', 'https://github.com/streamnative/pulsar-spark/issues/136',
     'clean: the writer creates one producer per topic through computeIfAbsent and closes them all in close(); each send reuses the cached producer',
     files=[f(src('org.apache.spark.sql.pulsar', 'PulsarRowWriter'), new=java('org.apache.spark.sql.pulsar', ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'org.apache.pulsar.client.api.Producer', 'org.apache.pulsar.client.api.PulsarClient', 'org.apache.pulsar.client.api.PulsarClientException'], r'''
public class PulsarRowWriter implements AutoCloseable {
    private final PulsarClient client;
    private final Map<String, Producer<byte[]>> producers = new ConcurrentHashMap<>();

    public PulsarRowWriter(PulsarClient client) {
        this.client = client;
    }

    public void write(String topic, byte[] row) throws PulsarClientException {
        producers.computeIfAbsent(topic, this::newProducer).send(row);
    }

    private Producer<byte[]> newProducer(String topic) {
        try {
            return client.newProducer().topic(topic).blockIfQueueFull(true).create();
        } catch (PulsarClientException e) {
            throw new IllegalStateException("cannot create producer for " + topic, e);
        }
    }

    @Override
    public void close() throws PulsarClientException {
        PulsarClientException first = null;
        for (Producer<byte[]> producer : producers.values()) {
            try {
                producer.flush();
                producer.close();
            } catch (PulsarClientException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        producers.clear();
        if (first != null) {
            throw first;
        }
    }
}
'''))])

# ============================================================== ZipFile, NIO streams, WatchService
case('java-17-archive-crc-check-opens-zip-file-never-closed', 'https://github.com/Col-E/Recaf/pull/443',
     'a bytecode editor backports a CRC check that opens a ZipFile to compare entry checksums and returns from the loop without closing it (on Windows the jar stays locked)',
     files=[f(src('me.coley.recaf.workspace', 'ZipCrcCheck'), new=java('me.coley.recaf.workspace', ['java.io.File', 'java.io.IOException', 'java.util.Enumeration', 'java.util.Map', 'java.util.zip.ZipEntry', 'java.util.zip.ZipFile'], r'''
public final class ZipCrcCheck {
    private ZipCrcCheck() {
    }

    /** Returns the name of the first entry whose CRC differs from the expected one, or null. */
    public static String firstMismatch(File archive, Map<String, Long> expected) throws IOException {
        ZipFile zip = new ZipFile(archive); //@RES-01
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            Long crc = expected.get(entry.getName());
            if (crc != null && crc != entry.getCrc()) {
                return entry.getName();
            }
        }
        return null;
    }
}
'''))])

case('java-18-spectral-library-reads-header-with-unclosed-files-lines', 'https://github.com/mzmine/mzmine/pull/2357',
     'a spectral library importer counts the records of a file with Files.lines(...).filter(...).count() and never closes the stream (the file handle stays open until finalization)',
     files=[extended(src('io.github.mzmine.util.spectraldb.parser', 'MgfLibraryImporter'), 'io.github.mzmine.util.spectraldb.parser', ['java.nio.file.Path'], r'''
public class MgfLibraryImporter {
    private final Path file;

    public MgfLibraryImporter(Path file) {
        this.file = file;
    }

    // <new members>
}
''', r'''
    public long countSpectra() throws IOException {
        return Files.lines(file, StandardCharsets.UTF_8) //@RES-01
                .filter(line -> line.startsWith("BEGIN IONS"))
                .count();
    }
''', more_imports=['java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.nio.file.Files'])])

case('java-ok-09-query-parser-reads-lines-in-try-with-resources', 'https://github.com/prestodb/benchto/pull/56',
     'clean: the annotated query parser reads the file with Files.lines inside try-with-resources and collects the statements before the stream closes',
     files=[f(src('io.prestodb.benchto.driver.loader', 'AnnotatedQueryParser'), new=java('io.prestodb.benchto.driver.loader', ['java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Collectors', 'java.util.stream.Stream'], r'''
public class AnnotatedQueryParser {

    public List<String> readStatements(Path path) throws IOException {
        try (Stream<String> lines = Files.lines(path, StandardCharsets.UTF_8)) {
            String text = lines.filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n"));
            return List.of(text.split(";\\s*\n"));
        }
    }
}
'''))])

case('java-19-style-editor-creates-watch-service-per-request', 'https://github.com/apache/incubator-baremaps/issues/402',
     'a map style editor resource opens a new WatchService for every server-sent-events request and never closes it; the user limit of inotify instances is reached after a few hundred reloads',
     files=[f(src('org.apache.baremaps.server', 'ChangeResource'), new=java('org.apache.baremaps.server', ['jakarta.ws.rs.GET', 'jakarta.ws.rs.Path', 'jakarta.ws.rs.Produces', 'jakarta.ws.rs.core.MediaType', 'jakarta.ws.rs.sse.Sse', 'jakarta.ws.rs.sse.SseEventSink', 'java.io.IOException', 'java.nio.file.FileSystems', 'java.nio.file.StandardWatchEventKinds', 'java.nio.file.WatchEvent', 'java.nio.file.WatchKey', 'java.nio.file.WatchService', 'java.util.concurrent.TimeUnit'], r'''
@Path("/changes")
public class ChangeResource {
    private final java.nio.file.Path directory;

    public ChangeResource(java.nio.file.Path directory) {
        this.directory = directory;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void changes(SseEventSink sink, Sse sse) throws IOException, InterruptedException {
        WatchService watchService = FileSystems.getDefault().newWatchService(); //@RES-01
        directory.register(watchService, StandardWatchEventKinds.ENTRY_MODIFY);
        while (!sink.isClosed()) {
            WatchKey key = watchService.poll(1, TimeUnit.SECONDS);
            if (key == null) {
                continue;
            }
            for (WatchEvent<?> event : key.pollEvents()) {
                sink.send(sse.newEvent("change", event.context().toString()));
            }
            key.reset();
        }
    }
}
'''))])

case('java-20-fs-namer-watch-service-leaks-when-register-fails', 'https://github.com/linkerd/linkerd/pull/1787',
     'a file-system namer opens a WatchService and registers the directory before storing the service in its field; when register throws (the inotify watch limit is reached) the service is never closed',
     files=[f(src('io.buoyant.namer.fs', 'DirectoryWatcher'), new=java('io.buoyant.namer.fs', ['java.io.IOException', 'java.nio.file.FileSystems', 'java.nio.file.Path', 'java.nio.file.StandardWatchEventKinds', 'java.nio.file.WatchService'], r'''
public class DirectoryWatcher implements AutoCloseable {
    private final Path dir;
    private WatchService watcher;

    public DirectoryWatcher(Path dir) {
        this.dir = dir;
    }

    public void start() throws IOException {
        WatchService ws = FileSystems.getDefault().newWatchService(); //@RES-01
        dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        this.watcher = ws;
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
'''))])

case('java-ok-10-file-watcher-observable-owns-watch-service', 'https://github.com/helmbold/rxfilewatcher/pull/9',
     'clean: the watcher loop opens its WatchService in try-with-resources and polls with a timeout until the subscriber disposes; an interrupt restores the flag and ends the loop',
     files=[f(src('de.helmbold.rxfilewatcher', 'PathObservables'), new=java('de.helmbold.rxfilewatcher', ['io.reactivex.rxjava3.core.ObservableEmitter', 'java.io.IOException', 'java.nio.file.FileSystems', 'java.nio.file.Path', 'java.nio.file.StandardWatchEventKinds', 'java.nio.file.WatchEvent', 'java.nio.file.WatchKey', 'java.nio.file.WatchService', 'java.util.concurrent.TimeUnit'], r'''
final class PathObservables {
    private PathObservables() {
    }

    static void watch(Path dir, ObservableEmitter<WatchEvent<?>> emitter) {
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (!emitter.isDisposed()) {
                WatchKey key = ws.poll(250, TimeUnit.MILLISECONDS);
                if (key == null) {
                    continue;
                }
                key.pollEvents().forEach(emitter::onNext);
                if (!key.reset()) {
                    break;
                }
            }
            emitter.onComplete();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.onComplete();
        } catch (IOException e) {
            emitter.tryOnError(e);
        }
    }
}
'''))])

# ============================================================== JDBC and Hibernate
case('java-21-user-type-integrator-reads-metadata-of-unstored-connection', 'https://github.com/JadiraOrg/jadira/issues/16',
     'a Hibernate integrator reads the database product name through `getConnectionProvider().getConnection().getMetaData()`: the pooled connection is never stored, so it can never be closed',
     files=[f(src('org.jadira.usertype.spi.shared', 'DatabaseZoneIntegrator'), new=java('org.jadira.usertype.spi.shared', ['java.sql.DatabaseMetaData', 'java.sql.SQLException', 'org.hibernate.engine.jdbc.connections.spi.ConnectionProvider', 'org.hibernate.engine.spi.SessionFactoryImplementor'], r'''
public class DatabaseZoneIntegrator {

    public String databaseProduct(SessionFactoryImplementor sessionFactory) throws SQLException {
        ConnectionProvider provider = sessionFactory.getServiceRegistry().getService(ConnectionProvider.class);
        DatabaseMetaData dmd = provider.getConnection().getMetaData(); //@RES-01
        return switch (dmd.getDatabaseProductName()) {
            case "PostgreSQL" -> "postgres";
            case "MySQL", "MariaDB" -> "mysql";
            default -> dmd.getDatabaseProductName().toLowerCase();
        };
    }
}
'''))])

case('java-ok-11-integrator-borrows-and-returns-connection', 'https://github.com/JadiraOrg/jadira/issues/16',
     'clean: the integrator borrows the connection in a try/finally and hands it back with closeConnection, the provider\'s own release (a release through a helper of the owner)',
     files=[f(src('org.jadira.usertype.spi.shared', 'DatabaseZoneIntegrator'), new=java('org.jadira.usertype.spi.shared', ['java.sql.Connection', 'java.sql.SQLException', 'org.hibernate.engine.jdbc.connections.spi.ConnectionProvider', 'org.hibernate.engine.spi.SessionFactoryImplementor'], r'''
public class DatabaseZoneIntegrator {

    public String databaseProduct(SessionFactoryImplementor sessionFactory) throws SQLException {
        ConnectionProvider provider = sessionFactory.getServiceRegistry().getService(ConnectionProvider.class);
        Connection connection = provider.getConnection();
        try {
            var product = connection.getMetaData().getDatabaseProductName();
            return switch (product) {
                case "PostgreSQL" -> "postgres";
                case "MySQL", "MariaDB" -> "mysql";
                default -> product.toLowerCase();
            };
        } finally {
            provider.closeConnection(connection);
        }
    }
}
'''))])

ITEMS = r'''
public class ItemAccessService {
    private final SessionFactory sessionFactory;

    public ItemAccessService(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public boolean isPublic(long itemId) {
        try (Session session = sessionFactory.openSession()) {
            return session.createQuery("select i.publicAccess from Item i where i.id = :id", Boolean.class)
                    .setParameter("id", itemId)
                    .getSingleResult();
        }
    }

    // <new members>
}
'''
case('java-22-item-access-session-not-closed-on-restricted-path', 'https://github.com/ufal/clarin-dspace/issues/150',
     'an access service (whose existing check uses try-with-resources) gains a listing of readable files that opens a Hibernate session and returns early for an anonymous user on a restricted item without closing it',
     files=[extended(src('cz.cuni.mff.ufal.dspace.access', 'ItemAccessService'), 'cz.cuni.mff.ufal.dspace.access', ['org.hibernate.Session', 'org.hibernate.SessionFactory'], ITEMS, r'''
    public List<String> readableFiles(long itemId, Optional<Long> userId) {
        Session session = sessionFactory.openSession(); //@RES-01
        Item item = session.get(Item.class, itemId);
        if (item.isRestricted() && userId.isEmpty()) {
            return List.of();
        }
        List<String> names = session.createQuery("select b.name from Bitstream b where b.item.id = :id", String.class)
                .setParameter("id", itemId)
                .getResultList();
        session.close();
        return names;
    }
''', more_imports=['java.util.List', 'java.util.Optional'])])

case('java-23-feed-adapter-closes-session-at-end-of-block', 'https://github.com/rackerlabs/atom-hopper/pull/131',
     'a feed data adapter opens a Hibernate session per read and closes it by hand after the query; an exception from the query skips the close and the pooled connection leaks',
     files=[f(src('org.atomhopper.hibernate', 'HibernateFeedRepository'), new=java('org.atomhopper.hibernate', ['java.util.List', 'org.hibernate.Session', 'org.hibernate.SessionFactory'], r'''
public class HibernateFeedRepository {
    private final SessionFactory sessionFactory;

    public HibernateFeedRepository(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public List<PersistedEntry> entriesAfter(String feed, long markerId, int pageSize) {
        Session session = sessionFactory.openSession(); //@RES-01
        List<PersistedEntry> page = session.createQuery("""
                from PersistedEntry e
                where e.feed.name = :feed and e.id > :marker
                order by e.id""", PersistedEntry.class)
                .setParameter("feed", feed)
                .setParameter("marker", markerId)
                .setMaxResults(pageSize)
                .getResultList();
        session.close();
        return page;
    }
}
'''))])

case('java-24-wiki-api-transaction-left-active-when-query-fails', 'https://github.com/dkpro/dkpro-jwpl/pull/507',
     'a wiki API gains a page lookup that begins a transaction on the thread-bound session and commits after the query; a failing query returns with the transaction still active, and every later call on that thread fails',
     files=[f(src('org.dkpro.jwpl.api', 'PageLookup'), new=java('org.dkpro.jwpl.api', ['org.hibernate.Session', 'org.hibernate.SessionFactory'], r'''
public class PageLookup {
    private final SessionFactory sessionFactory;

    public PageLookup(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public Long pageId(String title) {
        Session session = sessionFactory.getCurrentSession();
        session.beginTransaction(); //@TX-01
        Long id = session.createNativeQuery("select pageId from PageMapLine where name = :title", Long.class)
                .setParameter("title", title)
                .uniqueResult();
        session.getTransaction().commit();
        return id;
    }
}
'''))])

case('java-ok-12-wiki-api-completes-transaction-on-failure', 'https://github.com/dkpro/dkpro-jwpl/pull/507',
     'clean: the lookup runs through inTransaction, a helper added in another file of the change that commits on success and rolls back (and rethrows) on any failure',
     files=[f(src('org.dkpro.jwpl.api', 'Transactions'), new=java('org.dkpro.jwpl.api', ['java.util.function.Function', 'org.hibernate.Session', 'org.hibernate.SessionFactory', 'org.hibernate.Transaction'], r'''
final class Transactions {
    private Transactions() {
    }

    /** Runs work in a transaction of the thread-bound session: commit on success, rollback and rethrow on failure. */
    static <T> T inTransaction(SessionFactory sessionFactory, Function<Session, T> work) {
        Session session = sessionFactory.getCurrentSession();
        Transaction tx = session.beginTransaction();
        try {
            T result = work.apply(session);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        }
    }
}
''')), f(src('org.dkpro.jwpl.api', 'PageLookup'), new=java('org.dkpro.jwpl.api', ['org.hibernate.SessionFactory'], r'''
public class PageLookup {
    private final SessionFactory sessionFactory;

    public PageLookup(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public Long pageId(String title) {
        return Transactions.inTransaction(sessionFactory, session ->
                session.createNativeQuery("select pageId from PageMapLine where name = :title", Long.class)
                        .setParameter("title", title)
                        .uniqueResult());
    }
}
'''))])

case('java-25-metadata-dao-logs-and-ignores-failed-commit', 'https://github.com/taikoxyz/taiko-mono/pull/21235',
     'a JDBC DAO inserts metadata in a transaction and catches the SQLException of commit() with a warning only, returning the new id as if it were stored (the statements are in try-with-resources)',
     files=[f(src('xyz.taiko.indexer.repo', 'MetadataDao'), new=java('xyz.taiko.indexer.repo', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'javax.sql.DataSource', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class MetadataDao {
    private static final Logger log = LoggerFactory.getLogger(MetadataDao.class);
    private final DataSource dataSource;

    public MetadataDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long save(Metadata m) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into metadata (block_id, proposer) values (?, ?) returning id")) { //@~TMO-01
                ps.setLong(1, m.blockId());
                ps.setString(2, m.proposer());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            try {
                c.commit();
            } catch (SQLException e) { //@TX-02|ERR-01
                log.warn("commit of metadata {} failed", m.blockId(), e);
            }
            return id;
        }
    }
}
'''))])

# ============================================================== HTTP clients and timeouts
case('java-26-epss-mirror-request-without-timeout-stream-left-open', 'https://github.com/DependencyTrack/hyades-apiserver/pull/1859',
     'a vulnerability-feed mirror migrated to the JDK HttpClient builds its client and request without any timeout and, on a non-200 answer, throws without closing the ofInputStream body',
     files=[f(src('org.dependencytrack.tasks', 'EpssMirrorTask'), new=java('org.dependencytrack.tasks', ['java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.nio.file.Files', 'java.nio.file.Path', 'java.nio.file.StandardCopyOption'], r'''
public class EpssMirrorTask {
    private final HttpClient httpClient = HttpClient.newHttpClient(); //@TMO-01

    Path downloadFeedFile(String baseUrl) throws IOException, InterruptedException {
        Path tempFile = Files.createTempFile("epss", ".csv.gz");
        var request = HttpRequest.newBuilder() //@~TMO-01
                .uri(URI.create("%s/epss_scores-current.csv.gz".formatted(baseUrl)))
                .GET()
                .build();
        HttpResponse<InputStream> response = httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream()); //@RES-02
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Unexpected response code: " + response.statusCode());
        }
        try (InputStream body = response.body()) {
            Files.copy(body, tempFile, StandardCopyOption.REPLACE_EXISTING);
        }
        return tempFile;
    }
}
'''))])

case('java-ok-13-resolver-transport-sets-connect-and-request-timeouts', 'https://github.com/apache/maven-resolver/issues/1631',
     'clean: a repository transport builds one JDK HttpClient with a connect timeout in its constructor (one-time initialisation, shared) and gives every request its own timeout; the body is read with ofByteArray',
     files=[f(src('org.eclipse.aether.transport.jdk', 'JdkTransporter'), new=java('org.eclipse.aether.transport.jdk', ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration'], r'''
public final class JdkTransporter {
    private final HttpClient client;
    private final Duration requestTimeout;

    public JdkTransporter(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
    }

    public byte[] get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }
}
'''))])

# ============================================================== interrupts
case('java-27-device-poller-logs-interrupt-and-keeps-looping', 'https://github.com/freedomotic/freedomotic/issues/348',
     'a home-automation device poller catches InterruptedException from its sleep, logs it and loops again, so stopping the plugin (which interrupts the thread) never ends it',
     files=[f(src('com.freedomotic.plugins.devices', 'SensorPoller'), new=java('com.freedomotic.plugins.devices', ['java.util.logging.Level', 'java.util.logging.Logger'], r'''
public class SensorPoller implements Runnable {
    private static final Logger LOG = Logger.getLogger(SensorPoller.class.getName());
    private final SensorBoard board;
    private final long pollMillis;
    private volatile boolean running = true;

    public SensorPoller(SensorBoard board, long pollMillis) {
        this.board = board;
        this.pollMillis = pollMillis;
    }

    @Override
    public void run() {
        while (running) {
            board.readAll();
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) { //@CONC-05
                LOG.log(Level.WARNING, "poller interrupted", e);
            }
        }
    }

    public void stop() {
        running = false;
    }
}
'''))])

case('java-ok-14-device-poller-restores-interrupt-and-stops', 'https://github.com/freedomotic/freedomotic/issues/348',
     'clean: the poller\'s loop checks the interrupt flag; on InterruptedException it restores the flag and returns',
     files=[f(src('com.freedomotic.plugins.devices', 'SensorPoller'), new=java('com.freedomotic.plugins.devices', [], r'''
public class SensorPoller implements Runnable {
    private final SensorBoard board;
    private final long pollMillis;

    public SensorPoller(SensorBoard board, long pollMillis) {
        this.board = board;
        this.pollMillis = pollMillis;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            board.readAll();
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
'''))])

# ============================================================== threads, scheduled tasks, futures
case('java-28-server-starts-chunk-io-thread-without-handler', 'https://github.com/PowerNukkitX/PowerNukkitX/pull/3025',
     'a game server gains a chunk-saving thread started with new Thread(...).start() and no uncaught-exception handler: a failure kills the thread silently and chunks stop being saved',
     files=[extended(src('cn.nukkit.level', 'ChunkSaver'), 'cn.nukkit.level', ['java.util.concurrent.BlockingQueue', 'java.util.concurrent.LinkedBlockingQueue'], r'''
public class ChunkSaver {
    private final BlockingQueue<Chunk> dirty = new LinkedBlockingQueue<>(4096);
    private final LevelProvider provider;

    public ChunkSaver(LevelProvider provider) {
        this.provider = provider;
    }

    public boolean offer(Chunk chunk) {
        return dirty.offer(chunk);
    }

    // <new members>
}
''', r'''
    public void start() {
        Thread saver = new Thread(() -> { //@CONC-01
            try {
                while (true) {
                    provider.saveChunk(dirty.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "chunk-saver");
        saver.setDaemon(true);
        saver.start();
    }
''')])

case('java-29-import-job-runs-on-virtual-thread-without-handler', 'https://github.com/PowerNukkitX/PowerNukkitX/pull/3025',
     'a document import endpoint hands each upload to Thread.startVirtualThread with no handler and no future: a failing import vanishes without a log line',
     files=[f(src('com.example.imports', 'ImportController'), new=java('com.example.imports', ['java.util.UUID'], r'''
public class ImportController {
    private final ImportService imports;

    public ImportController(ImportService imports) {
        this.imports = imports;
    }

    public UUID upload(byte[] document) {
        UUID id = UUID.randomUUID();
        Thread.startVirtualThread(() -> imports.importDocument(id, document)); //@CONC-01|CONC-06
        return id;
    }
}
'''))])

case('java-ok-15-import-jobs-through-factory-with-handler', 'https://github.com/PowerNukkitX/PowerNukkitX/pull/3025',
     'clean: imports run on virtual threads built once by a factory that sets an uncaught-exception handler which logs and counts (a record carries the job)',
     files=[f(src('com.example.imports', 'ImportController'), new=java('com.example.imports', ['java.util.UUID', 'java.util.concurrent.ThreadFactory', 'java.util.concurrent.atomic.AtomicLong', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class ImportController {
    private static final Logger log = LoggerFactory.getLogger(ImportController.class);
    private static final AtomicLong FAILED_IMPORTS = new AtomicLong();
    private static final ThreadFactory IMPORT_THREADS = Thread.ofVirtual()
            .name("import-", 0)
            .uncaughtExceptionHandler((t, e) -> {
                FAILED_IMPORTS.incrementAndGet();
                log.error("import failed on {}", t.getName(), e);
            })
            .factory();

    record ImportJob(UUID id, byte[] document) {
    }

    private final ImportService imports;

    public ImportController(ImportService imports) {
        this.imports = imports;
    }

    public UUID upload(byte[] document) {
        ImportJob job = new ImportJob(UUID.randomUUID(), document);
        IMPORT_THREADS.newThread(() -> imports.importDocument(job.id(), job.document())).start();
        return job.id();
    }
}
'''))])

case('java-30-archive-purge-scheduled-without-catch', 'https://github.com/dcm4che/dcm4chee-arc-light/issues/46',
     'an archive schedules its purge of expired studies with scheduleWithFixedDelay on a method that lets any RuntimeException escape: the first failure cancels every later run, silently',
     files=[f(src('org.dcm4chee.arc.purge', 'PurgeScheduler'), new=java('org.dcm4chee.arc.purge', ['java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit'], r'''
public class PurgeScheduler {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final StudyRepository studies;
    private ScheduledFuture<?> running;

    public PurgeScheduler(StudyRepository studies) {
        this.studies = studies;
    }

    public void start(long intervalSeconds) {
        running = scheduler.scheduleWithFixedDelay(this::purgeExpired, intervalSeconds, intervalSeconds, TimeUnit.SECONDS); //@CONC-07
    }

    private void purgeExpired() {
        for (Study study : studies.findExpired(500)) {
            studies.delete(study);
        }
    }

    public void stop() {
        running.cancel(false);
        scheduler.shutdown();
    }
}
'''))])

case('java-ok-16-job-executor-catches-throwable-to-keep-schedule', 'https://github.com/JobService/job-service/pull/262',
     'clean: the scheduled job runner catches Throwable (VirtualMachineError rethrown), logs and counts it, and returns so the next run happens',
     files=[f(src('com.hpe.caf.services.job.scheduled.executor', 'ScheduledExecutor'), new=java('com.hpe.caf.services.job.scheduled.executor', ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public final class ScheduledExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledExecutor.class);
    private static final AtomicLong FAILED_RUNS = new AtomicLong();

    private ScheduledExecutor() {
    }

    public static void schedule(ScheduledExecutorService scheduler, DatabasePoller poller, long delaySeconds) {
        scheduler.scheduleWithFixedDelay(() -> runAvailableJobs(poller), 0, delaySeconds, TimeUnit.SECONDS);
    }

    static void runAvailableJobs(DatabasePoller poller) {
        try {
            poller.pollDatabaseForJobsToRun();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) { // catch everything so one failure does not stop the schedule
            FAILED_RUNS.incrementAndGet();
            LOG.error("scheduled job poll failed", t);
        }
    }
}
'''))])

case('java-31-job-manager-submits-and-drops-future', 'https://github.com/actframework/actframework/issues/39',
     'an application job manager runs ad-hoc jobs with executor.submit and drops the returned Future, so an exception thrown by a job is stored in the Future and never logged',
     files=[extended(src('act.job', 'AppJobManager'), 'act.job', ['java.util.concurrent.ExecutorService'], r'''
public class AppJobManager {
    private final ExecutorService executor;

    public AppJobManager(ExecutorService executor) {
        this.executor = executor;
    }

    // <new members>
}
''', r'''
    public void now(Runnable job) {
        executor.submit(job); //@CONC-06
    }
''')])

case('java-ok-17-job-manager-returns-future-with-logged-failure', 'https://github.com/actframework/actframework/issues/39',
     'clean: now() runs the job with CompletableFuture.runAsync on the manager\'s executor, attaches a whenComplete that logs a failure, and returns the future to the caller',
     files=[extended(src('act.job', 'AppJobManager'), 'act.job', ['java.util.concurrent.ExecutorService'], r'''
public class AppJobManager {
    private final ExecutorService executor;

    public AppJobManager(ExecutorService executor) {
        this.executor = executor;
    }

    // <new members>
}
''', r'''
    private static final Logger LOG = LoggerFactory.getLogger(AppJobManager.class);

    public CompletableFuture<Void> now(Runnable job) {
        return CompletableFuture.runAsync(job, executor).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("job {} failed", job, failure);
            }
        });
    }
''', more_imports=['java.util.concurrent.CompletableFuture', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'])])

# ============================================================== logging in hot paths
REPLAY = r'''
public class BlockManagerImpl {
    private static final Logger LOG = LoggerFactory.getLogger(BlockManagerImpl.class);
    private final BlockStore store;

    public BlockManagerImpl(BlockStore store) {
        this.store = store;
    }

    /** Re-applies the block commits of the log since the last snapshot, during start-up. */
    public int replay(List<BlockData> entries) {
        int applied = 0;
        for (BlockData data : entries) {
            long bcsId = data.getBlockCommitSequenceId();
            long containerBcsId = store.containerBcsId(data.getContainerId());
            if (containerBcsId >= bcsId) {
// <skip>
                continue;
            }
            store.put(data);
            applied++;
        }
        return applied;
    }
}
'''
case('java-32-block-replay-warns-for-every-already-applied-entry', 'https://github.com/apache/ozone/pull/937',
     'an edit inside the start-up replay loop of a datanode logs a warning for every log entry already applied, which is every entry since the last snapshot on a normal restart',
     files=[f(src('org.apache.hadoop.ozone.container.keyvalue.impl', 'BlockManagerImpl'),
              old=java('org.apache.hadoop.ozone.container.keyvalue.impl', ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], REPLAY.replace('// <skip>\n', '')),
              new=java('org.apache.hadoop.ozone.container.keyvalue.impl', ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], REPLAY.replace('// <skip>\n', '                LOG.warn("blockCommitSequenceId {} in the container db is greater than the supplied value {}, ignoring it", //@LOG-01\n                        containerBcsId, bcsId);\n')))])

case('java-ok-18-block-replay-guarded-debug-and-one-summary', 'https://github.com/apache/ozone/pull/937',
     'clean: the replay loop logs skipped entries at debug behind isDebugEnabled and writes one info line with the counts after the loop',
     files=[f(src('org.apache.hadoop.ozone.container.keyvalue.impl', 'BlockManagerImpl'),
              old=java('org.apache.hadoop.ozone.container.keyvalue.impl', ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], REPLAY.replace('// <skip>\n', '')),
              new=java('org.apache.hadoop.ozone.container.keyvalue.impl', ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], REPLAY.replace('// <skip>\n', '''                if (LOG.isDebugEnabled()) {
                    LOG.debug("skipping block commit {} already applied (container at {})", bcsId, containerBcsId);
                }
''').replace('        return applied;\n', '        LOG.info("replayed {} of {} block commits", applied, entries.size());\n        return applied;\n')))])

# ============================================================== pooled buffers
case('java-33-shuffle-buffer-releases-block-before-copying-it', 'https://github.com/apache/uniffle/pull/899',
     'a shuffle server\'s flush path releases a block\'s ByteBuf and then still adds a retained view of it to the composite buffer of the next flush (use after release; IllegalReferenceCountException under load)',
     files=[f(src('org.apache.uniffle.server.buffer', 'ShuffleBuffer'), new=java('org.apache.uniffle.server.buffer', ['io.netty.buffer.ByteBuf', 'io.netty.buffer.CompositeByteBuf', 'io.netty.buffer.Unpooled', 'java.util.List'], r'''
public class ShuffleBuffer {
    private final List<ShufflePartitionedBlock> inFlushBlocks;

    public ShuffleBuffer(List<ShufflePartitionedBlock> inFlushBlocks) {
        this.inFlushBlocks = inFlushBlocks;
    }

    public CompositeByteBuf toFlushEvent() {
        CompositeByteBuf data = Unpooled.compositeBuffer(inFlushBlocks.size());
        for (ShufflePartitionedBlock block : inFlushBlocks) {
            ByteBuf buf = block.getData();
            buf.release(); //@MEM-02
            data.addComponent(true, buf.retainedSlice());
        }
        inFlushBlocks.clear();
        return data;
    }
}
'''))])

case('java-ok-19-journal-retains-before-handing-buffer-on', 'https://github.com/apache/bookkeeper/pull/214',
     'clean: the replicator retains the entry buffer before handing it to the async write and releases it in the write\'s completion callback (one owner at a time)',
     files=[f(src('org.apache.bookkeeper.replication', 'EntryCopier'), new=java('org.apache.bookkeeper.replication', ['io.netty.buffer.ByteBuf', 'java.util.concurrent.CompletableFuture'], r'''
public class EntryCopier {
    private final BookieClient target;

    public EntryCopier(BookieClient target) {
        this.target = target;
    }

    /** Copies one entry; the caller keeps its own reference to entry and releases it as before. */
    public CompletableFuture<Void> copy(long ledgerId, long entryId, ByteBuf entry) {
        ByteBuf toSend = entry.retain();
        return target.addEntry(ledgerId, entryId, toSend).whenComplete((ok, failure) -> toSend.release());
    }
}
'''))])

# ============================================================== swallowed exceptions (with CRLF, a rename and a generated file)
INGEST = r'''
public class ShardIngestor {
    private final FieldIndex index;

    public ShardIngestor(FieldIndex index) {
        this.index = index;
    }

    public int ingest(List<Event> events) {
        int written = 0;
        for (Event event : events) {
// <write>
        }
        return written;
    }
}
'''
case('java-34-shard-ingestor-empty-catch-crlf', 'https://github.com/NationalSecurityAgency/datawave/pull/2337',
     'an edit inside an ingest loop (a file with CRLF line ends) wraps the index write in a try with an empty catch of IOException, so a failed write is counted as written by nobody and reported by nothing',
     files=[f(src('datawave.ingest.mapreduce', 'ShardIngestor'), crlf=True,
              old=java('datawave.ingest.mapreduce', ['java.util.List'], INGEST.replace('// <write>\n', '            index.write(event);\n            written++;\n')),
              new=java('datawave.ingest.mapreduce', ['java.io.IOException', 'java.util.List'], INGEST.replace('// <write>\n', '''            try {
                index.write(event);
                written++;
            } catch (IOException e) { //@ERR-01
            }
''')))])

case('java-35-search-node-moved-and-prints-stack-trace-of-failed-chunk', 'https://github.com/slackhq/astra/pull/82',
     'a search node class moves to the chunk package (a rename with edits) and gains a chunk load that catches Exception, prints the stack trace and returns an empty result; the change also regenerates a protobuf message class',
     files=[extended(src('com.slack.astra.chunk', 'ChunkLoader'), 'com.slack.astra.server', ['java.nio.file.Path', 'java.util.List'], r'''
public class ChunkLoader {
    private final Path dataDir;
    private final ChunkCache cache;
    private final SearchMetrics metrics;

    public ChunkLoader(Path dataDir, ChunkCache cache, SearchMetrics metrics) {
        this.dataDir = dataDir;
        this.cache = cache;
        this.metrics = metrics;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isCached(String chunkId) {
        return cache.contains(chunkId);
    }

    public void evict(String chunkId) {
        cache.remove(chunkId);
        metrics.chunkEvicted(chunkId);
    }

    public int cachedChunks() {
        return cache.size();
    }

    // <new members>
}
''', r'''
    public List<LogMessage> load(String chunkId) {
        try {
            return ChunkReader.readAll(dataDir.resolve(chunkId));
        } catch (Exception e) { //@ERR-01
            e.printStackTrace();
            return List.of();
        }
    }
''', rename_from=src('com.slack.astra.server', 'ChunkLoader'), new_pkg='com.slack.astra.chunk'),
            f('src/main/java/com/slack/astra/proto/ChunkInfoProto.java', new='// Code generated by protoc-gen-java. DO NOT EDIT.\n// source: chunk_info.proto\n\n' + java('com.slack.astra.proto', [], r'''
public final class ChunkInfoProto {
    private ChunkInfoProto() {
    }

    public static final class ChunkInfo {
        private String chunkId_ = "";
        private long dataStartTimeEpochMs_;

        public String getChunkId() {
            return chunkId_;
        }

        public long getDataStartTimeEpochMs() {
            return dataStartTimeEpochMs_;
        }
    }
}
'''))])

# ============================================================== a test file beside the change
case('java-36-zip-index-test-beside-helper-that-never-closes-jar', 'https://github.com/Col-E/Recaf/pull/443',
     'a class index opens a JarFile to list class names and returns the list without closing it; the change adds a unit test beside it (the test itself uses try-with-resources)',
     files=[f(src('me.coley.recaf.workspace', 'ClassIndex'), new=java('me.coley.recaf.workspace', ['java.io.File', 'java.io.IOException', 'java.util.List', 'java.util.jar.JarEntry', 'java.util.jar.JarFile'], r'''
public final class ClassIndex {
    private ClassIndex() {
    }

    public static List<String> classNames(File jar) throws IOException {
        JarFile jarFile = new JarFile(jar); //@RES-01
        return jarFile.stream()
                .map(JarEntry::getName)
                .filter(name -> name.endsWith(".class"))
                .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                .toList();
    }
}
''')), f(tst('me.coley.recaf.workspace', 'ClassIndexTest'), new=java('me.coley.recaf.workspace', ['java.io.File', 'java.io.FileOutputStream', 'java.util.jar.JarEntry', 'java.util.jar.JarOutputStream', 'org.junit.jupiter.api.Test', 'org.junit.jupiter.api.io.TempDir', 'static org.junit.jupiter.api.Assertions.assertEquals'], r'''
class ClassIndexTest {
    @TempDir
    File dir;

    @Test
    void lists_class_entries_as_binary_names() throws Exception {
        File jar = new File(dir, "sample.jar");
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar))) {
            out.putNextEntry(new JarEntry("a/B.class"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/MANIFEST.MF"));
            out.closeEntry();
        }
        assertEquals(java.util.List.of("a.B"), ClassIndex.classNames(jar));
    }
}
'''))])


# ============================================================== edits of existing files for cases written as new files above
def _old_from(name, old_text_fn):
    for c in CASES:
        if c['name'] == name:
            x = c['files'][0]
            x['old'] = old_text_fn(x['new'])
            return
    raise KeyError(name)


# The poller used to restore the interrupt flag and return; the change (to "keep polling through spurious wake-ups")
# turns the catch into a logged warning inside the loop.
_old_from('java-27-device-poller-logs-interrupt-and-keeps-looping', lambda new: new
          .replace('            } catch (InterruptedException e) { //@CONC-05\n                LOG.log(Level.WARNING, "poller interrupted", e);\n',
                   '            } catch (InterruptedException e) {\n                Thread.currentThread().interrupt();\n                return;\n')
          .replace('import java.util.logging.Level;\n', ''))

# The feed repository used to close its session in a finally; the change moves to a text block query and closes the
# session by hand after it.
_old_from('java-23-feed-adapter-closes-session-at-end-of-block', lambda new: new
          .replace('        Session session = sessionFactory.openSession(); //@RES-01\n        List<PersistedEntry> page = session.createQuery("""\n                from PersistedEntry e\n                where e.feed.name = :feed and e.id > :marker\n                order by e.id""", PersistedEntry.class)\n                .setParameter("feed", feed)\n                .setParameter("marker", markerId)\n                .setMaxResults(pageSize)\n                .getResultList();\n        session.close();\n        return page;\n',
                   '        Session session = sessionFactory.openSession();\n        try {\n            return session.createQuery("from PersistedEntry e where e.feed.name = :feed and e.id > :marker order by e.id", PersistedEntry.class)\n                    .setParameter("feed", feed)\n                    .setParameter("marker", markerId)\n                    .setMaxResults(pageSize)\n                    .getResultList();\n        } finally {\n            session.close();\n        }\n'))

# The sniffer existed with a size lookup; the change adds the type detection.
_old_from('java-10-blob-sniffer-response-input-stream-left-open', lambda new: new[:new.index('    public String detect(String key)')].rstrip('\n') + '\n}\n')
