"""Round-7 Java cases (authored for this corpus; see SOURCES.md). //@ITEM markers are stripped by make_cases.py."""


def jfile(pkg, imports, body):
    imp = ''.join('import %s;\n' % i for i in imports)
    return 'package %s;\n\n%s\n%s\n' % (pkg, imp, body.strip('\n'))


def f(path, **kw):
    d = {'path': path}
    d.update(kw)
    return d


CASES = []


def case(name, source, desc, **kw):
    d = {'name': name, 'source': source, 'desc': desc}
    d.update(kw)
    CASES.append(d)


def src(pkg, cls):
    return 'src/main/java/%s/%s.java' % (pkg.replace('.', '/'), cls)


def test(pkg, cls):
    return 'src/test/java/%s/%s.java' % (pkg.replace('.', '/'), cls)


# ===================================================================== RES-01: streams
case('java-01-erp-launcher-reads-properties-without-close', 'https://github.com/weizhiqiang1995/erp-pro/pull/16',
     'the launcher loads an external properties file through a FileInputStream that is never closed; a parse error leaves it open too',
     files=[f(src('com.skyeye.erp', 'Launcher'), new=jfile('com.skyeye.erp', ['java.io.FileInputStream', 'java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.Properties'], r'''
public final class Launcher {
    public static void main(String[] args) throws IOException {
        Properties props = new Properties();
        Path external = Path.of(System.getProperty("erp.config", "config/erp.properties"));
        if (Files.exists(external)) {
            FileInputStream in = new FileInputStream(external.toFile()); //@RES-01
            props.load(in);
        }
        Server.start(props);
    }
}
'''))])

case('java-02-rating-core-reads-defaults-from-classpath', 'https://github.com/SAP-archive/fosstars-rating-core/pull/317',
     'a rating loader reads its default weights with getResourceAsStream and hands the stream to Jackson without closing it',
     files=[f(src('com.sap.oss.rating', 'DefaultWeights'), new=jfile('com.sap.oss.rating', ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException', 'java.io.InputStream', 'java.util.Map'], r'''
final class DefaultWeights {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @SuppressWarnings("unchecked")
    static Map<String, Double> load(String name) throws IOException {
        InputStream is = DefaultWeights.class.getResourceAsStream("/weights/" + name + ".json"); //@RES-01
        if (is == null) {
            throw new IOException("no weights named " + name);
        }
        return MAPPER.readValue(is, Map.class);
    }
}
'''))])

case('java-ok-01-property-resolver-try-with-resources', 'https://github.com/ops4j/org.ops4j.pax.web/pull/261',
     'clean: the property resolver opens the URL stream in try-with-resources',
     files=[f(src('org.ops4j.pax.web.config', 'PropertyResolver'), new=jfile('org.ops4j.pax.web.config', ['java.io.IOException', 'java.io.InputStream', 'java.net.URL', 'java.util.Properties'], r'''
public class PropertyResolver {
    public Properties resolve(URL location) throws IOException {
        Properties p = new Properties();
        try (InputStream in = location.openStream()) {
            p.load(in);
        }
        return p;
    }
}
'''))])

case('java-03-pool-acquire-hook-failure-keeps-lease', 'https://github.com/eclipse-vertx/vertx-sql-client/pull/1684',
     'a connection pool runs an after-acquire hook on the leased connection; if the hook throws, the lease is neither recycled nor closed and the slot is lost',
     files=[f(src('io.example.sql.pool', 'HookedPool'), new=jfile('io.example.sql.pool', ['java.sql.Connection', 'java.sql.SQLException'], r'''
public final class HookedPool {
    private final SimplePool pool;
    private final ConnectionHook hook;

    public HookedPool(SimplePool pool, ConnectionHook hook) {
        this.pool = pool;
        this.hook = hook;
    }

    public Connection acquire() throws SQLException {
        Connection lease = pool.borrow(); //@RES-01
        hook.afterAcquire(lease);
        return lease;
    }
}
'''))])

case('java-ok-02-block-connections-owned-by-result', 'https://github.com/finos/legend-engine/pull/5240',
     'clean: an executor opens block connections and hands them to the result object it returns; the result closes them in its close(), the caller uses try-with-resources',
     files=[
         f(src('org.finos.legend.exec', 'BlockResult'), new=jfile('org.finos.legend.exec', ['java.sql.Connection', 'java.sql.SQLException', 'java.util.List'], r'''
public final class BlockResult implements AutoCloseable {
    private final List<Connection> connections;
    private final List<Row> rows;

    BlockResult(List<Connection> connections, List<Row> rows) {
        this.connections = connections;
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                if (first == null) first = e; else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }
}
''')),
         f(src('org.finos.legend.exec', 'BlockExecutor'), new=jfile('org.finos.legend.exec', ['java.sql.Connection', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List', 'javax.sql.DataSource'], r'''
public final class BlockExecutor {
    private final DataSource dataSource;

    public BlockExecutor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The caller owns the returned result and must close it; it closes the block connections. */
    public BlockResult execute(List<Block> blocks) throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try {
            List<Row> rows = new ArrayList<>();
            for (Block b : blocks) {
                Connection c = dataSource.getConnection();
                opened.add(c);
                rows.addAll(b.run(c));
            }
            return new BlockResult(opened, rows);
        } catch (SQLException | RuntimeException e) {
            for (Connection c : opened) {
                try { c.close(); } catch (SQLException suppressed) { e.addSuppressed(suppressed); }
            }
            throw e;
        }
    }
}
''')),
     ])

# ===================================================================== Kafka producers
case('java-04-metrics-writer-builds-producer-per-batch', 'https://github.com/jmxtrans/jmxtrans/pull/543',
     'a metrics output writer builds a KafkaProducer for every batch of query results and never closes it',
     files=[f(src('com.googlecode.jmxtrans.kafka', 'KafkaWriter'), new=jfile('com.googlecode.jmxtrans.kafka', ['java.util.List', 'java.util.Properties', 'org.apache.kafka.clients.producer.KafkaProducer', 'org.apache.kafka.clients.producer.ProducerRecord'], r'''
public class KafkaWriter {
    private final Properties producerConfig;
    private final String topic;

    public KafkaWriter(Properties producerConfig, String topic) {
        this.producerConfig = producerConfig;
        this.topic = topic;
    }

    public void write(List<Result> results) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig); //@RES-04|RES-01
        for (Result r : results) {
            producer.send(new ProducerRecord<>(topic, r.key(), r.toJson()));
        }
        producer.flush();
    }
}
'''))])

case('java-05-event-emitter-getter-builds-new-producer', 'https://github.com/ing-bank/rokku/pull/42',
     'an event emitter exposes its producer through a getter that constructs a new KafkaProducer on each call; every emitted event builds one',
     files=[f(src('com.ing.rokku.events', 'EventProducer'), new=jfile('com.ing.rokku.events', ['java.util.Map', 'java.util.concurrent.Future', 'org.apache.kafka.clients.producer.KafkaProducer', 'org.apache.kafka.clients.producer.ProducerRecord', 'org.apache.kafka.clients.producer.RecordMetadata', 'org.apache.kafka.common.serialization.StringSerializer'], r'''
public class EventProducer {
    private final Map<String, Object> config;

    public EventProducer(Map<String, Object> config) {
        this.config = config;
    }

    KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()); //@RES-04
    }

    public Future<RecordMetadata> emit(String topic, String event) {
        return producer().send(new ProducerRecord<>(topic, event));
    }
}
'''))])

case('java-ok-03-template-closes-factory-producer', 'https://github.com/spring-projects/spring-kafka/pull/233',
     'clean: a template fetches the (shared) producer from its factory for each operation and closes the handle in finally',
     files=[f(src('com.example.messaging', 'ProducerTemplate'), new=jfile('com.example.messaging', ['org.apache.kafka.clients.producer.Producer'], r'''
public class ProducerTemplate<K, V> {
    private final ProducerFactory<K, V> factory;

    public ProducerTemplate(ProducerFactory<K, V> factory) {
        this.factory = factory;
    }

    public <T> T execute(ProducerCallback<K, V, T> callback) {
        Producer<K, V> producer = factory.createProducer();
        try {
            return callback.doInKafka(producer);
        } finally {
            producer.close();
        }
    }
}
'''))])

case('java-ok-04-work-item-handler-producer-closed-on-dispose', 'https://github.com/kiegroup/jbpm-work-items/pull/77',
     'clean: a work-item handler creates its producer once in the constructor, keeps it in a field and closes it in close()',
     files=[f(src('org.jbpm.process.workitem.kafka', 'KafkaWorkItemHandler'), new=jfile('org.jbpm.process.workitem.kafka', ['java.util.Properties', 'org.apache.kafka.clients.producer.KafkaProducer', 'org.apache.kafka.clients.producer.ProducerRecord'], r'''
public class KafkaWorkItemHandler implements AutoCloseable {
    private final KafkaProducer<String, String> producer;

    public KafkaWorkItemHandler(Properties config) {
        this.producer = new KafkaProducer<>(config);
    }

    public void executeWorkItem(WorkItem item, WorkItemManager manager) {
        String topic = (String) item.getParameter("Topic");
        producer.send(new ProducerRecord<>(topic, (String) item.getParameter("Key"), (String) item.getParameter("Value")));
        manager.completeWorkItem(item.getId(), null);
    }

    @Override
    public void close() {
        producer.close();
    }
}
'''))])

# ===================================================================== RES-02: HTTP responses (OkHttp, JDK, Apache 5, JAX-RS)
case('java-06-webdav-client-okhttp-bodies-never-closed', 'https://github.com/thegrizzlylabs/sardine-android/issues/43',
     'a WebDAV client executes OkHttp calls for exists() and delete() and reads only the status code; the response bodies are never closed',
     files=[f(src('com.thegrizzlylabs.dav', 'DavClient'), new=jfile('com.thegrizzlylabs.dav', ['java.io.IOException', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'], r'''
public class DavClient {
    private final OkHttpClient client;

    public DavClient(OkHttpClient client) {
        this.client = client;
    }

    public boolean exists(String url) throws IOException {
        Request head = new Request.Builder().url(url).head().build();
        Response response = client.newCall(head).execute(); //@RES-02
        return response.isSuccessful();
    }

    public void delete(String url) throws IOException {
        Request req = new Request.Builder().url(url).delete().build();
        Response response = client.newCall(req).execute(); //@RES-02
        if (!response.isSuccessful()) {
            throw new IOException("DELETE " + url + ": " + response.code());
        }
    }
}
'''))])

case('java-07-grobid-client-stream-body-early-return', 'https://github.com/kermitt2/biblio-glutton/pull/109',
     'a parser client sends with BodyHandlers.ofInputStream(); on 204 it returns early without closing the body stream, and the normal path hands the stream to a parser that does not close it either',
     files=[f(src('com.scienceminer.glutton.grobid', 'GrobidClient'), new=jfile('com.scienceminer.glutton.grobid', ['java.io.IOException', 'java.io.InputStream', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration'], r'''
public class GrobidClient {
    private final HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    public GrobidClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    public ParsedReference parse(String citation) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/api/processCitation"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("citations=" + citation))
                .build();
        HttpResponse<InputStream> response = httpClient.send(request, HttpResponse.BodyHandlers.ofInputStream()); //@RES-02
        if (response.statusCode() == 204) {
            return ParsedReference.EMPTY;
        }
        return new ReferenceXmlParser().parse(response.body());
    }
}
'''))])

case('java-08-status-check-classic-response-not-closed', 'https://github.com/airlift/airlift/issues/781',
     'a status probe with Apache HttpClient 5 executes a classic request and returns the status code without closing the CloseableHttpResponse',
     files=[f(src('io.airlift.probe', 'StatusProbe'), new=jfile('io.airlift.probe', ['java.io.IOException', 'org.apache.hc.client5.http.classic.methods.HttpGet', 'org.apache.hc.client5.http.impl.classic.CloseableHttpClient', 'org.apache.hc.client5.http.impl.classic.CloseableHttpResponse'], r'''
public class StatusProbe {
    private final CloseableHttpClient client;

    public StatusProbe(CloseableHttpClient client) {
        this.client = client;
    }

    public int status(String url) throws IOException {
        CloseableHttpResponse response = client.execute(new HttpGet(url)); //@RES-02
        return response.getCode();
    }
}
'''))])

case('java-09-jaxrs-client-reads-stream-entity', 'https://github.com/eclipse-ee4j/jersey/issues/3150',
     'a JAX-RS client reads a report as InputStream and copies it to a file; neither the stream nor the Response is closed',
     files=[f(src('org.example.reports', 'ReportDownloader'), new=jfile('org.example.reports', ['jakarta.ws.rs.client.Client', 'jakarta.ws.rs.core.Response', 'java.io.IOException', 'java.io.InputStream', 'java.nio.file.Files', 'java.nio.file.Path', 'java.nio.file.StandardCopyOption'], r'''
public class ReportDownloader {
    private final Client client;
    private final String baseUri;

    public ReportDownloader(Client client, String baseUri) {
        this.client = client;
        this.baseUri = baseUri;
    }

    public Path download(String reportId, Path dir) throws IOException {
        Response response = client.target(baseUri).path("reports").path(reportId).request().get(); //@RES-02
        if (response.getStatus() != 200) {
            throw new IOException("report " + reportId + ": HTTP " + response.getStatus());
        }
        InputStream body = response.readEntity(InputStream.class);
        Path target = dir.resolve(reportId + ".pdf");
        Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
'''))])

case('java-ok-05-rest-client-consumes-and-closes', 'https://github.com/twilio/twilio-java/pull/357',
     'clean: the REST client executes inside try-with-resources on the response and consumes the entity before returning',
     files=[f(src('com.twilio.http', 'NetworkClient'), new=jfile('com.twilio.http', ['java.io.IOException', 'org.apache.http.HttpEntity', 'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpUriRequest', 'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.util.EntityUtils'], r'''
public class NetworkClient {
    private final CloseableHttpClient client;

    public NetworkClient(CloseableHttpClient client) {
        this.client = client;
    }

    public ApiResponse makeRequest(HttpUriRequest request) throws IOException {
        try (CloseableHttpResponse response = client.execute(request)) {
            HttpEntity entity = response.getEntity();
            String body = entity == null ? "" : EntityUtils.toString(entity);
            EntityUtils.consume(entity);
            return new ApiResponse(response.getStatusLine().getStatusCode(), body);
        }
    }
}
'''))])

# ===================================================================== Jedis / JPA / Hibernate
case('java-10-object-mapper-jedis-returned-only-on-success', 'https://github.com/xetorthio/johm/issues/64',
     'an object mapper borrows a Jedis from the pool and closes it by hand at the end of save(); any exception in between loses the connection',
     files=[f(src('redis.johm', 'ModelStore'), new=jfile('redis.johm', ['java.util.Map', 'redis.clients.jedis.Jedis', 'redis.clients.jedis.JedisPool'], r'''
public class ModelStore {
    private final JedisPool pool;

    public ModelStore(JedisPool pool) {
        this.pool = pool;
    }

    public long save(String model, Map<String, String> fields) {
        Jedis jedis = pool.getResource(); //@RES-01
        long id = jedis.incr(model + ":id");
        jedis.hset(model + ":" + id, fields);
        jedis.sadd(model + ":all", String.valueOf(id));
        jedis.close();
        return id;
    }
}
'''))])

case('java-11-jpa-database-builds-factory-per-call', 'https://github.com/molgenis/molgenis/issues/163',
     'a JPA database wrapper creates an EntityManagerFactory for each query (and never closes it); factories hold connection pools and metadata',
     files=[f(src('org.molgenis.framework.db.jpa', 'JpaDatabase'), new=jfile('org.molgenis.framework.db.jpa', ['jakarta.persistence.EntityManager', 'jakarta.persistence.EntityManagerFactory', 'jakarta.persistence.Persistence', 'java.util.List', 'java.util.Map'], r'''
public class JpaDatabase {
    private final String unit;
    private final Map<String, String> settings;

    public JpaDatabase(String unit, Map<String, String> settings) {
        this.unit = unit;
        this.settings = settings;
    }

    public <T> List<T> findAll(Class<T> type) {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(unit, settings); //@RES-04|RES-01
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("select e from " + type.getSimpleName() + " e", type).getResultList();
        } finally {
            em.close();
        }
    }
}
'''))])

JPA_OLD = r'''
public class JpaProcessMapper {
    private final EntityManagerFactory emf;

    public JpaProcessMapper(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public ProcessMapping find(String correlationKey) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("select m from ProcessMapping m where m.correlationKey = :key", ProcessMapping.class)
                    .setParameter("key", correlationKey)
                    .getSingleResult();
        } finally {
            em.close();
        }
    }
}
'''
JPA_NEW = JPA_OLD.replace('''            em.close();
        }
    }
}''', '''            em.close();
        }
    }

    public void save(ProcessMapping mapping) {
        EntityManager em = emf.createEntityManager(); //@RES-01|TX-01
        em.getTransaction().begin();
        em.persist(mapping);
        em.getTransaction().commit();
        em.close();
    }
}''')
case('java-12-jpa-mapper-save-closes-by-hand', 'https://github.com/kiegroup/jbpm/pull/2239',
     'next to a finder that closes its EntityManager in finally, a new save() closes it by hand after commit; a failed persist or commit leaves the EntityManager (and its open transaction) behind',
     files=[f(src('org.jbpm.mapper', 'JpaProcessMapper'), old=jfile('org.jbpm.mapper', ['jakarta.persistence.EntityManager', 'jakarta.persistence.EntityManagerFactory'], JPA_OLD),
              new=jfile('org.jbpm.mapper', ['jakarta.persistence.EntityManager', 'jakarta.persistence.EntityManagerFactory'], JPA_NEW))])

case('java-ok-06-work-item-entity-manager-per-call-finally', 'https://github.com/kiegroup/jbpm/pull/481',
     'clean: the JPA work-item handler creates an EntityManager per execution, rolls back on failure and closes it in finally',
     files=[f(src('org.jbpm.process.workitem.jpa', 'JpaWorkItemHandler'), new=jfile('org.jbpm.process.workitem.jpa', ['jakarta.persistence.EntityManager', 'jakarta.persistence.EntityManagerFactory', 'jakarta.persistence.EntityTransaction'], r'''
public class JpaWorkItemHandler {
    private final EntityManagerFactory emf;

    public JpaWorkItemHandler(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public Object execute(String action, Object entity) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            Object result = switch (action) {
                case "CREATE" -> { em.persist(entity); yield entity; }
                case "UPDATE" -> em.merge(entity);
                case "DELETE" -> { em.remove(em.merge(entity)); yield null; }
                default -> throw new IllegalArgumentException("unknown action " + action);
            };
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
'''))])

case('java-13-hibernate-session-commit-without-rollback', 'https://github.com/hibernate/hibernate-orm/pull/1548',
     'a DAO opens a Hibernate session in try-with-resources and commits its transaction; a failing save leaves the transaction active when the session closes (no rollback)',
     files=[f(src('org.example.audit', 'AuditDao'), new=jfile('org.example.audit', ['org.hibernate.Session', 'org.hibernate.SessionFactory', 'org.hibernate.Transaction'], r'''
public class AuditDao {
    private final SessionFactory sessionFactory;

    public AuditDao(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public void record(AuditEntry entry, AuditDetail detail) {
        try (Session session = sessionFactory.openSession()) {
            Transaction tx = session.beginTransaction(); //@TX-01
            session.persist(entry);
            detail.setEntryId(entry.getId());
            session.persist(detail);
            tx.commit();
        }
    }
}
'''))])

# ===================================================================== Netty ByteBuf
case('java-14-ssh-channel-buffer-leaks-on-early-return', 'https://github.com/apache/mina-sshd/pull/85',
     'a Netty handler allocates a pooled ByteBuf for an outgoing packet and returns early when the session is closing, without releasing it',
     files=[f(src('org.apache.sshd.netty', 'PacketWriter'), new=jfile('org.apache.sshd.netty', ['io.netty.buffer.ByteBuf', 'io.netty.channel.ChannelHandlerContext'], r'''
final class PacketWriter {
    private final SessionState state;

    PacketWriter(SessionState state) {
        this.state = state;
    }

    void write(ChannelHandlerContext ctx, byte[] payload) {
        ByteBuf buf = ctx.alloc().buffer(payload.length + 5); //@RES-01|MEM-02
        buf.writeInt(payload.length + 1);
        buf.writeByte(state.padding());
        if (state.isClosing()) {
            return;
        }
        buf.writeBytes(payload);
        ctx.writeAndFlush(buf);
    }
}
'''))])

case('java-15-broker-handler-reads-buffer-never-releases', 'https://github.com/moquette-io/moquette/issues/327',
     'an inbound handler reads the message ByteBuf in channelRead and passes a decoded copy on, but never releases the original buffer',
     files=[f(src('io.moquette.broker', 'FrameDecoderHandler'), new=jfile('io.moquette.broker', ['io.netty.buffer.ByteBuf', 'io.netty.channel.ChannelHandlerContext', 'io.netty.channel.ChannelInboundHandlerAdapter', 'java.nio.charset.StandardCharsets'], r'''
public class FrameDecoderHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg; //@RES-01|MEM-02
        int type = in.readUnsignedByte();
        int length = in.readInt();
        String topic = in.readCharSequence(length, StandardCharsets.UTF_8).toString();
        ctx.fireChannelRead(new Frame(type, topic));
    }
}
'''))])

case('java-ok-07-transport-buffer-released-in-finally', 'https://github.com/atomix/catalyst/pull/4',
     'clean: the transport handler reads the inbound buffer and releases it in finally',
     files=[f(src('io.atomix.catalyst.transport', 'MessageHandler'), new=jfile('io.atomix.catalyst.transport', ['io.netty.buffer.ByteBuf', 'io.netty.channel.ChannelHandlerContext', 'io.netty.channel.ChannelInboundHandlerAdapter'], r'''
public class MessageHandler extends ChannelInboundHandlerAdapter {
    private final Dispatcher dispatcher;

    public MessageHandler(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            long id = buf.readLong();
            byte[] body = new byte[buf.readableBytes()];
            buf.readBytes(body);
            dispatcher.dispatch(id, body);
        } finally {
            buf.release();
        }
    }
}
'''))])

# ===================================================================== gRPC channels
case('java-16-discovery-factory-channel-per-lookup', 'https://github.com/grpc/grpc-java/issues/4032',
     'a discovery channel factory builds a new ManagedChannel for every address lookup and never shuts it down',
     files=[f(src('com.nick.discovery', 'DiscoveryChannelFactory'), new=jfile('com.nick.discovery', ['io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder'], r'''
public class DiscoveryChannelFactory {
    private final Resolver resolver;

    public DiscoveryChannelFactory(Resolver resolver) {
        this.resolver = resolver;
    }

    public InstanceInfo lookup(String service) {
        Address address = resolver.next(service);
        ManagedChannel channel = ManagedChannelBuilder.forAddress(address.host(), address.port()).usePlaintext().build(); //@RES-04|RES-01
        return DiscoveryGrpc.newBlockingStub(channel).describe(DescribeRequest.newBuilder().setService(service).build()).getInstance();
    }
}
'''))])

CHAN_OLD = r'''
public class ClusterClient {
    private final ChannelFactory factory;
    private volatile ManagedChannel channel;
    private volatile Endpoint leader;

    public ClusterClient(ChannelFactory factory, Endpoint seed) {
        this.factory = factory;
        this.leader = seed;
        this.channel = factory.create(seed);
    }

    public StreamsGrpc.StreamsStub streams() {
        return StreamsGrpc.newStub(channel);
    }
}
'''
CHAN_NEW = CHAN_OLD.replace('''    public StreamsGrpc.StreamsStub streams() {''', '''    void onLeaderChanged(Endpoint newLeader) {
        if (newLeader.equals(leader)) {
            return;
        }
        leader = newLeader;
        channel = factory.create(newLeader); //@RES-01|RES-04
    }

    public StreamsGrpc.StreamsStub streams() {''')
case('java-17-cluster-client-reconnect-orphans-old-channel', 'https://github.com/kurrent-io/KurrentDB-Client-Java/pull/164',
     'on a leader change the client builds a new channel and overwrites the field without shutting the previous channel down',
     files=[f(src('io.kurrent.dbclient', 'ClusterClient'), old=jfile('io.kurrent.dbclient', ['io.grpc.ManagedChannel'], CHAN_OLD),
              new=jfile('io.kurrent.dbclient', ['io.grpc.ManagedChannel'], CHAN_NEW))])

case('java-18-scheduled-report-builds-channel-per-run', 'https://github.com/LogNet/grpc-spring-boot-starter/issues/170',
     'a @Scheduled job builds a ManagedChannel to the reporting server on every run and drops it',
     files=[f(src('com.example.report', 'ReportJob'), new=jfile('com.example.report', ['io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder', 'org.springframework.scheduling.annotation.Scheduled', 'org.springframework.stereotype.Service'], r'''
@Service
public class ReportJob {
    private final Registry registry;

    public ReportJob(Registry registry) {
        this.registry = registry;
    }

    @Scheduled(fixedDelay = 10_000)
    public void report() {
        Instance target = registry.next("report-server");
        ManagedChannel channel = ManagedChannelBuilder.forAddress(target.host(), target.port()).usePlaintext().build(); //@RES-04
        ReportGrpc.newBlockingStub(channel).submit(ReportRequest.newBuilder().setSource("scheduler").build());
    }
}
'''))])

case('java-19-gateway-filter-channel-per-exchange', 'https://github.com/spring-cloud/spring-cloud-gateway/issues/3120',
     'a JSON-to-gRPC gateway filter builds a Netty channel for each exchange it converts and never shuts it down',
     files=[f(src('org.example.gateway', 'JsonToGrpcFilter'), new=jfile('org.example.gateway', ['io.grpc.ManagedChannel', 'io.grpc.netty.NettyChannelBuilder', 'org.springframework.cloud.gateway.filter.GatewayFilterChain', 'org.springframework.web.server.ServerWebExchange', 'reactor.core.publisher.Mono'], r'''
public class JsonToGrpcFilter {
    private final String host;
    private final int port;

    public JsonToGrpcFilter(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build(); //@RES-04
        return new GrpcResponseWriter(exchange, channel).write();
    }
}
'''))])

case('java-ok-08-ads-client-channel-built-once', 'https://github.com/googleads/google-ads-java/issues/399',
     'clean: the service client builds its channel once in the constructor, keeps it in a field and shuts it down in close()',
     files=[f(src('com.example.ads', 'CampaignClient'), new=jfile('com.example.ads', ['io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder', 'java.util.concurrent.TimeUnit'], r'''
public final class CampaignClient implements AutoCloseable {
    private final ManagedChannel channel;
    private final CampaignServiceGrpc.CampaignServiceBlockingStub stub;

    public CampaignClient(String target) {
        this.channel = ManagedChannelBuilder.forTarget(target).useTransportSecurity().build();
        this.stub = CampaignServiceGrpc.newBlockingStub(channel);
    }

    public Campaign get(String id) {
        return stub.withDeadlineAfter(5, TimeUnit.SECONDS).getCampaign(GetCampaignRequest.newBuilder().setId(id).build());
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdown();
        if (!channel.awaitTermination(10, TimeUnit.SECONDS)) {
            channel.shutdownNow();
        }
    }
}
'''))])

case('java-20-ledger-client-constructed-per-request', 'https://github.com/xpring-eng/xpring4j/issues/93',
     'a payment endpoint constructs a ledger client (whose constructor builds a gRPC channel, in another file of the change) for each request',
     files=[
         f(src('io.xpring.ledger', 'LedgerClient'), new=jfile('io.xpring.ledger', ['io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder'], r'''
public class LedgerClient {
    private final LedgerGrpc.LedgerBlockingStub stub;

    public LedgerClient(String target) {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build(); //@~RES-01,~RES-04
        this.stub = LedgerGrpc.newBlockingStub(channel);
    }

    public long balance(String account) {
        return stub.getAccountInfo(AccountInfoRequest.newBuilder().setAccount(account).build()).getBalance();
    }
}
''')),
         f(src('io.xpring.api', 'BalanceResource'), new=jfile('io.xpring.api', ['io.xpring.ledger.LedgerClient', 'jakarta.ws.rs.GET', 'jakarta.ws.rs.Path', 'jakarta.ws.rs.PathParam'], r'''
@Path("/balances")
public class BalanceResource {
    private final String ledgerTarget;

    public BalanceResource(String ledgerTarget) {
        this.ledgerTarget = ledgerTarget;
    }

    @GET
    @Path("/{account}")
    public long balance(@PathParam("account") String account) {
        LedgerClient client = new LedgerClient(ledgerTarget); //@RES-04
        return client.balance(account);
    }
}
''')),
     ])

# ===================================================================== JDBC statements and result sets
case('java-21-river-source-statement-never-closed', 'https://github.com/jprante/elasticsearch-jdbc/pull/125',
     'a JDBC river source adds executeQuery(String sql) that creates a Statement and returns its ResultSet; the caller closes only the result set, the statement leaks (an open cursor on Oracle)',
     files=[f(src('org.xbib.jdbc', 'SimpleSource'), new=jfile('org.xbib.jdbc', ['java.sql.Connection', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement'], r'''
public class SimpleSource {
    private final Connection connection;
    private final int fetchSize;

    public SimpleSource(Connection connection, int fetchSize) {
        this.connection = connection;
        this.fetchSize = fetchSize;
    }

    public ResultSet executeQuery(String sql) throws SQLException {
        Statement statement = connection.createStatement(); //@RES-01,~TMO-01
        statement.setFetchSize(fetchSize);
        return statement.executeQuery(sql);
    }
}
''')), f(src('org.xbib.jdbc', 'RiverFeeder'), new=jfile('org.xbib.jdbc', ['java.sql.ResultSet', 'java.sql.SQLException'], r'''
public class RiverFeeder {
    private final SimpleSource source;
    private final Sink sink;

    public RiverFeeder(SimpleSource source, Sink sink) {
        this.source = source;
        this.sink = sink;
    }

    public void feed(String sql) throws SQLException {
        try (ResultSet rs = source.executeQuery(sql)) {
            while (rs.next()) {
                sink.index(rs.getString(1), rs.getString(2));
            }
        }
    }
}
'''))])

case('java-22-dbinfo-column-result-set-left-open', 'https://github.com/getrailo/railo/pull/229',
     'a schema inspector reads DatabaseMetaData.getColumns for each table and never closes the result sets',
     files=[f(src('railo.runtime.db', 'DbInfo'), new=jfile('railo.runtime.db', ['java.sql.Connection', 'java.sql.DatabaseMetaData', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List'], r'''
public class DbInfo {
    public List<Column> columns(Connection conn, String schema, String table) throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        ResultSet rs = md.getColumns(null, schema, table, "%"); //@RES-01
        List<Column> out = new ArrayList<>();
        while (rs.next()) {
            out.add(new Column(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE")));
        }
        return out;
    }
}
'''))])

case('java-23-api-resource-prepared-statement-and-rows-open', 'https://github.com/metamug/mason/issues/16',
     'a resource handler prepares a statement and reads its ResultSet; neither is closed, so the pooled connection keeps open cursors',
     files=[f(src('com.metamug.mason.resource', 'ItemResource'), new=jfile('com.metamug.mason.resource', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.ArrayList', 'java.util.List', 'javax.sql.DataSource'], r'''
public class ItemResource {
    private final DataSource ds;

    public ItemResource(DataSource ds) {
        this.ds = ds;
    }

    public List<Item> byCategory(String category) throws SQLException {
        try (Connection conn = ds.getConnection()) {
            PreparedStatement ps = conn.prepareStatement("SELECT id, name, price FROM items WHERE category = ?"); //@RES-01,~TMO-01
            ps.setString(1, category);
            ResultSet rs = ps.executeQuery(); //@RES-01
            List<Item> items = new ArrayList<>();
            while (rs.next()) {
                items.add(new Item(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)));
            }
            return items;
        }
    }
}
'''))])

case('java-24-primary-key-filter-result-set-per-iteration', 'https://github.com/dbunit/dbunit-extension/issues/767',
     'a primary-key scanner reassigns one ResultSet variable inside a loop and closes it once after the loop; every iteration but the last leaks its result set',
     files=[f(src('org.dbunit.database', 'PrimaryKeyScanner'), new=jfile('org.dbunit.database', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException', 'java.util.HashSet', 'java.util.List', 'java.util.Set'], r'''
public class PrimaryKeyScanner {
    public Set<Object> scan(Connection conn, String table, String pkColumn, List<Object> parents) throws SQLException {
        Set<Object> pks = new HashSet<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT " + pkColumn + " FROM " + table + " WHERE parent_id = ?")) { //@~TMO-01
            ResultSet rs = null;
            for (Object parent : parents) {
                ps.setObject(1, parent);
                rs = ps.executeQuery(); //@RES-01|RES-03
                while (rs.next()) {
                    pks.add(rs.getObject(1));
                }
            }
            if (rs != null) {
                rs.close();
            }
        }
        return pks;
    }
}
'''))])

case('java-ok-09-jdbc-template-row-mapper', 'https://github.com/getrailo/railo/pull/229',
     'clean: the same column lookup through Spring JdbcTemplate with a RowMapper; the template opens and closes statement and result set itself',
     files=[f(src('railo.runtime.db', 'ColumnDao'), new=jfile('railo.runtime.db', ['java.util.List', 'org.springframework.jdbc.core.JdbcTemplate'], r'''
public class ColumnDao {
    private final JdbcTemplate jdbc;

    public ColumnDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Column> columns(String schema, String table) {
        return jdbc.query(
                "SELECT column_name, data_type, character_maximum_length FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
                (rs, i) -> new Column(rs.getString(1), rs.getString(2), rs.getInt(3)),
                schema, table);
    }
}
'''))])

# ===================================================================== TMO-01
case('java-25-api-client-apache5-default-no-timeouts', 'https://github.com/OpenAPITools/openapi-generator/pull/24284',
     'a hand-written API client (on a generated-looking path) builds its Apache HttpClient 5 with HttpClients.createDefault() and stores a connect timeout it never applies',
     files=[f(src('org.openapitools.client', 'ApiClient'), new=jfile('org.openapitools.client', ['org.apache.hc.client5.http.impl.classic.CloseableHttpClient', 'org.apache.hc.client5.http.impl.classic.HttpClients'], r'''
public class ApiClient {
    private final CloseableHttpClient httpClient;
    private final String basePath;
    private int connectionTimeout;

    public ApiClient(String basePath) {
        this.basePath = basePath;
        this.httpClient = HttpClients.createDefault(); //@TMO-01
    }

    public ApiClient setConnectTimeout(int millis) {
        this.connectionTimeout = millis;
        return this;
    }

    public CloseableHttpClient httpClient() {
        return httpClient;
    }
}
'''))])

case('java-26-feign-jdk-client-request-without-timeout', 'https://github.com/OpenFeign/feign/pull/1233',
     'a Feign-style JDK client builds its java.net.http.HttpClient without connectTimeout and sends requests without HttpRequest.timeout; a stalled server blocks forever',
     files=[f(src('feign.http2client', 'Http2Client'), new=jfile('feign.http2client', ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse'], r'''
public class Http2Client {
    private final HttpClient client = HttpClient.newBuilder() //@TMO-01
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_2)
            .build();

    public String get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build(); //@~TMO-01
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
'''))])

case('java-ok-10-webhook-client-record-with-timeouts', 'https://github.com/OpenFeign/feign/pull/1233',
     'clean: a record holding the client settings builds the JDK client with connectTimeout and every request with a timeout (records, var, text block)',
     files=[f(src('com.example.hooks', 'HookClient'), new=jfile('com.example.hooks', ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse', 'java.time.Duration'], r'''
public record HookClient(HttpClient http, URI endpoint, Duration requestTimeout) {
    public static HookClient create(URI endpoint) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        return new HookClient(http, endpoint, Duration.ofSeconds(10));
    }

    public int notify(String event) throws IOException, InterruptedException {
        var body = """
                {"event": "%s"}
                """.formatted(event);
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
'''))])

# ===================================================================== CONC-04: MDC, ThreadContext, ThreadLocal
case('java-27-trace-filter-thread-context-never-cleared', 'https://github.com/oldratlee/log4j2-ttl-thread-context-map/issues/58',
     'a servlet filter puts a trace id into Log4j2\'s ThreadContext and never removes it; pooled request threads carry stale ids into later requests',
     files=[f(src('com.example.trace', 'TraceFilter'), new=jfile('com.example.trace', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'jakarta.servlet.http.HttpServletRequest', 'java.io.IOException', 'java.util.UUID', 'org.apache.logging.log4j.ThreadContext'], r'''
public class TraceFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String incoming = ((HttpServletRequest) req).getHeader("X-Trace-Id");
        ThreadContext.put("trace_id", incoming != null ? incoming : UUID.randomUUID().toString()); //@CONC-04
        chain.doFilter(req, res);
    }
}
'''))])

case('java-28-mdc-filter-clears-after-chain-not-in-finally', 'https://github.com/woowacourse-teams/2023-hang-log/pull/737',
     'an MDC logging filter puts a request id and clears the MDC after the chain, outside finally; an exception from the chain skips the clear',
     files=[f(src('hanglog.global.filter', 'MdcLoggingFilter'), new=jfile('hanglog.global.filter', ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'java.io.IOException', 'java.util.UUID', 'org.slf4j.MDC', 'org.springframework.core.Ordered', 'org.springframework.core.annotation.Order', 'org.springframework.stereotype.Component'], r'''
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MdcLoggingFilter implements Filter {
    public static final String REQUEST_ID = "REQUEST_ID";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        MDC.put(REQUEST_ID, UUID.randomUUID().toString()); //@CONC-04
        chain.doFilter(request, response);
        MDC.clear();
    }
}
'''))])

case('java-29-tenant-task-puts-mdc-and-never-clears', 'https://github.com/wso2/carbon-kernel/pull/3452',
     'a Runnable wrapper copies the tenant and service-provider name into the MDC of the pool thread that runs it and never removes them',
     files=[f(src('org.wso2.carbon.context', 'TenantAwareTask'), new=jfile('org.wso2.carbon.context', ['org.slf4j.MDC'], r'''
public final class TenantAwareTask implements Runnable {
    private final String tenant;
    private final String serviceProvider;
    private final Runnable delegate;

    public TenantAwareTask(String tenant, String serviceProvider, Runnable delegate) {
        this.tenant = tenant;
        this.serviceProvider = serviceProvider;
        this.delegate = delegate;
    }

    @Override
    public void run() {
        MDC.put("tenant", tenant); //@CONC-04
        MDC.put("service_provider", serviceProvider); //@~CONC-04
        delegate.run();
    }
}
'''))])

case('java-30-blocking-queue-thread-local-never-removed', 'https://github.com/typedb/typedb/issues/6108',
     'a managed queue keeps a per-thread "currently blocked" flag in an instance ThreadLocal that is set on every take and never removed',
     files=[f(src('grakn.common.concurrent', 'ManagedBlockingQueue'), new=jfile('grakn.common.concurrent', ['java.util.concurrent.BlockingQueue', 'java.util.concurrent.LinkedBlockingQueue'], r'''
public class ManagedBlockingQueue<E> {
    private final BlockingQueue<E> queue = new LinkedBlockingQueue<>(1024);
    private final ThreadLocal<Boolean> blocked = ThreadLocal.withInitial(() -> false);

    public E take() throws InterruptedException {
        blocked.set(true); //@CONC-04
        E e = queue.take();
        blocked.set(false);
        return e;
    }

    public boolean isBlocked() {
        return blocked.get();
    }
}
'''))])

case('java-ok-11-context-cleared-by-helper-in-finally', 'https://github.com/performancecopilot/parfait/issues/11',
     'clean: a request-context class puts its keys and a helper in the same class removes exactly those keys; the filter calls it in finally',
     files=[
         f(src('io.pcp.parfait.ctx', 'RequestContext'), new=jfile('io.pcp.parfait.ctx', ['java.util.Map', 'org.slf4j.MDC'], r'''
public final class RequestContext {
    private RequestContext() {
    }

    public static void enter(Map<String, String> values) {
        values.forEach(MDC::put);
    }

    public static void leave(Map<String, String> values) {
        values.keySet().forEach(MDC::remove);
    }
}
''')),
         f(src('io.pcp.parfait.web', 'ContextFilter'), new=jfile('io.pcp.parfait.web', ['io.pcp.parfait.ctx.RequestContext', 'jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest', 'jakarta.servlet.ServletResponse', 'jakarta.servlet.http.HttpServletRequest', 'java.io.IOException', 'java.util.Map'], r'''
public class ContextFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        Map<String, String> values = Map.of("path", http.getRequestURI(), "user", String.valueOf(http.getRemoteUser()));
        RequestContext.enter(values);
        try {
            chain.doFilter(req, res);
        } finally {
            RequestContext.leave(values);
        }
    }
}
''')),
     ])

# ===================================================================== executors: RES-04 / CONC-02
case('java-31-merge-scheduler-pool-not-shut-down-on-failure', 'https://github.com/apache/lucene/issues/14971',
     'a merge step creates a cached executor per call and shuts it down only after a successful merge; a failing merge leaves the pool and its threads behind',
     files=[f(src('org.apache.lucene.index', 'ParallelMerger'), new=jfile('org.apache.lucene.index', ['java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors', 'java.util.concurrent.Future'], r'''
final class ParallelMerger {
    void merge(List<Segment> segments) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool(); //@RES-04|RES-01|CONC-02
        List<Future<?>> pending = new ArrayList<>();
        for (Segment s : segments) {
            pending.add(pool.submit(() -> s.mergeInto(this)));
        }
        for (Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
    }
}
'''))])

case('java-32-cache-loader-fixed-pool-per-future', 'https://github.com/jcabi/jcabi-aspects/issues/59',
     'a cache warm-up creates a new fixed thread pool for every key it loads and submits one task to each',
     files=[f(src('com.jcabi.cache', 'Warmup'), new=jfile('com.jcabi.cache', ['java.util.List', 'java.util.concurrent.Executors'], r'''
public final class Warmup {
    private final Loader loader;

    public Warmup(Loader loader) {
        this.loader = loader;
    }

    public void warm(List<String> keys) {
        for (String key : keys) {
            Executors.newFixedThreadPool(4).execute(() -> loader.load(key)); //@RES-04|CONC-02
        }
    }
}
'''))])

case('java-33-listener-manager-cached-pool', 'https://github.com/pircbotx/pircbotx/issues/96',
     'a threaded listener manager dispatches every incoming event to an unbounded cached thread pool',
     files=[f(src('org.pircbotx.hooks', 'ThreadedListenerManager'), new=jfile('org.pircbotx.hooks', ['java.util.List', 'java.util.concurrent.CopyOnWriteArrayList', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors'], r'''
public class ThreadedListenerManager {
    private final ExecutorService pool = Executors.newCachedThreadPool(); //@CONC-02
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void dispatch(Event event) {
        for (Listener l : listeners) {
            pool.execute(() -> l.onEvent(event));
        }
    }

    public void shutdown() {
        pool.shutdown();
    }
}
'''))])

case('java-ok-12-bounded-executor-for-dispatch', 'https://github.com/pircbotx/pircbotx/issues/96',
     'clean: the dispatcher uses a ThreadPoolExecutor with a fixed maximum, a small ArrayBlockingQueue and CallerRunsPolicy, built once in the constructor',
     files=[f(src('org.pircbotx.hooks', 'BoundedListenerManager'), new=jfile('org.pircbotx.hooks', ['java.util.List', 'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.CopyOnWriteArrayList', 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'], r'''
public class BoundedListenerManager {
    private final ThreadPoolExecutor pool;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public BoundedListenerManager(int workers) {
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(workers * 4), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    public void dispatch(Event event) {
        for (Listener l : listeners) {
            pool.execute(() -> l.onEvent(event));
        }
    }
}
'''))])

# ===================================================================== LOG-02 / LOG-01
case('java-34-auth-filter-debug-concatenation', 'https://github.com/spring-projects/spring-security/pull/9648',
     'an authentication filter logs at debug with string concatenation of the request and the authentication on every request',
     files=[f(src('org.example.security', 'TokenAuthenticationFilter'), new=jfile('org.example.security', ['jakarta.servlet.http.HttpServletRequest', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class TokenAuthenticationFilter {
    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticationFilter.class);
    private final TokenService tokens;

    public TokenAuthenticationFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    public Authentication authenticate(HttpServletRequest request) {
        Authentication auth = tokens.verify(request.getHeader("Authorization"));
        log.debug("Authenticated " + auth + " for request " + request.getMethod() + " " + request.getRequestURI()); //@LOG-02
        return auth;
    }
}
'''))])

case('java-35-protocol-debug-concat-per-message', 'https://github.com/pgjdbc/pgjdbc/pull/469',
     'a wire-protocol reader logs each received message at debug with concatenation (including a hex dump) on the hot path',
     files=[f(src('org.postgresql.core', 'MessageReader'), new=jfile('org.postgresql.core', ['java.io.IOException', 'java.util.HexFormat', 'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'], r'''
final class MessageReader {
    private static final Logger LOG = LogManager.getLogger(MessageReader.class);
    private final PgStream stream;

    MessageReader(PgStream stream) {
        this.stream = stream;
    }

    Message next() throws IOException {
        int type = stream.receiveChar();
        byte[] body = stream.receive(stream.receiveInteger4() - 4);
        LOG.debug(" <=BE " + (char) type + " len=" + body.length + " " + HexFormat.of().formatHex(body)); //@LOG-02
        return new Message(type, body);
    }
}
'''))])

case('java-ok-13-cms-guarded-debug-and-placeholders', 'https://github.com/dotCMS/core/issues/1365',
     'clean: the expensive debug message is built behind isDebugEnabled(), the other lines use placeholders',
     files=[f(src('com.dotcms.content', 'ContentIndexer'), new=jfile('com.dotcms.content', ['java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class ContentIndexer {
    private static final Logger log = LoggerFactory.getLogger(ContentIndexer.class);

    public void index(List<Contentlet> batch) {
        if (log.isDebugEnabled()) {
            log.debug("indexing batch: " + describe(batch));
        }
        int failed = 0;
        for (Contentlet c : batch) {
            if (!write(c)) {
                failed++;
            }
        }
        log.info("indexed {} contentlets, {} failed", batch.size() - failed, failed);
    }
}
'''))])

case('java-36-load-balancer-debug-string-format', 'https://github.com/spring-cloud/spring-cloud-netflix/pull/588',
     'a load-balancer chooser formats a debug message with String.format on every server choice',
     files=[f(src('org.springframework.cloud.netflix.ribbon', 'ServerChooser'), new=jfile('org.springframework.cloud.netflix.ribbon', ['java.util.List', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory'], r'''
public class ServerChooser {
    private static final Log log = LogFactory.getLog(ServerChooser.class);
    private final Rule rule;

    public ServerChooser(Rule rule) {
        this.rule = rule;
    }

    public Server choose(String serviceId, List<Server> servers) {
        Server chosen = rule.choose(servers);
        log.debug(String.format("Chose %s for %s out of %s", chosen, serviceId, servers)); //@LOG-02
        return chosen;
    }
}
'''))])

case('java-37-connection-debug-truncated-proto', 'https://github.com/bisq-network/bisq/pull/3214',
     'a P2P connection logs every sent envelope at debug with a placeholder but computes a truncated string of the whole message eagerly',
     files=[f(src('bisq.network.p2p', 'Connection'), new=jfile('bisq.network.p2p', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class Connection {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    private final Output output;

    public Connection(Output output) {
        this.output = output;
    }

    public void send(Envelope envelope) {
        byte[] bytes = envelope.toByteArray();
        output.write(bytes);
        log.debug("Sent {} bytes: {}", bytes.length, Utilities.toTruncatedString(envelope.toProtoString(), 200)); //@LOG-02
    }
}
'''))])

case('java-38-block-report-info-per-block', 'https://github.com/apache/hadoop/pull/4480',
     'a block report processor logs an info line (with string concatenation) for every block it processes; reports carry hundreds of thousands of blocks',
     files=[f(src('org.apache.hadoop.hdfs.blockmanagement', 'ReportProcessor'), new=jfile('org.apache.hadoop.hdfs.blockmanagement', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
class ReportProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ReportProcessor.class);

    void process(DatanodeInfo node, BlockReport report) {
        for (ReportedBlock b : report.blocks()) {
            BlockInfo stored = blocks.lookup(b.id());
            if (stored == null) {
                toInvalidate.add(b);
                continue;
            }
            LOG.info("Reported block " + b + " on " + node + " state=" + b.state() + " stored=" + stored); //@LOG-01|LOG-02
            stored.addReplica(node, b);
        }
    }
}
'''))])

case('java-ok-14-exporter-summary-after-loop', 'https://github.com/apache/hadoop/pull/4480',
     'clean: a report processor counts per outcome inside the loop and writes one info summary line with placeholders afterwards',
     files=[f(src('org.apache.hadoop.hdfs.blockmanagement', 'SummaryReportProcessor'), new=jfile('org.apache.hadoop.hdfs.blockmanagement', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
class SummaryReportProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryReportProcessor.class);

    void process(DatanodeInfo node, BlockReport report) {
        int added = 0;
        int invalid = 0;
        for (ReportedBlock b : report.blocks()) {
            BlockInfo stored = blocks.lookup(b.id());
            if (stored == null) {
                toInvalidate.add(b);
                invalid++;
                continue;
            }
            stored.addReplica(node, b);
            added++;
        }
        LOG.info("Processed report from {}: {} blocks added, {} invalidated", node, added, invalid);
    }
}
'''))])

# ===================================================================== CONC-06: futures
case('java-39-engine-reply-chain-without-handler', 'https://github.com/TNO/knowledge-engine/issues/200',
     'a knowledge-base reply is produced through a thenApply/thenAccept chain that nobody keeps or handles; an exception in the mapping step vanishes',
     files=[f(src('eu.knowledge.engine.smartconnector', 'ReplyHandler'), new=jfile('eu.knowledge.engine.smartconnector', ['java.util.concurrent.CompletableFuture'], r'''
public class ReplyHandler {
    private final Messaging messaging;
    private final Interactions interactions;

    public ReplyHandler(Messaging messaging, Interactions interactions) {
        this.messaging = messaging;
        this.interactions = interactions;
    }

    public void onAsk(AskMessage ask) {
        CompletableFuture<BindingSet> answer = interactions.answer(ask);
        answer.thenApply(bindings -> new AnswerMessage(ask, bindings)) //@CONC-06
                .thenAccept(messaging::send);
    }
}
'''))])

case('java-40-proxy-fires-event-and-drops-future', 'https://github.com/PaperMC/Velocity/pull/376',
     'a proxy fires a login event and continues in thenAcceptAsync; the resulting future is dropped, so a failure in the continuation is never logged',
     files=[f(src('com.velocitypowered.proxy.connection', 'LoginHandler'), new=jfile('com.velocitypowered.proxy.connection', ['java.util.concurrent.Executor'], r'''
public class LoginHandler {
    private final EventManager events;
    private final Executor eventLoop;

    public LoginHandler(EventManager events, Executor eventLoop) {
        this.events = events;
        this.eventLoop = eventLoop;
    }

    public void handle(Player player) {
        events.fire(new LoginEvent(player)).thenAcceptAsync(event -> { //@CONC-06
            if (!event.getResult().isAllowed()) {
                player.disconnect(event.getResult().reason());
                return;
            }
            player.connectToInitialServer();
        }, eventLoop);
    }
}
'''))])

case('java-ok-15-run-async-exceptionally-logs', 'https://github.com/google/error-prone/issues/988',
     'clean: fire-and-forget work runs through CompletableFuture.runAsync on a named executor with an exceptionally handler that logs and counts',
     files=[f(src('com.example.sync', 'InventorySync'), new=jfile('com.example.sync', ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class InventorySync {
    private static final Logger LOG = LoggerFactory.getLogger(InventorySync.class);
    private final ExecutorService executor;
    private final Counter failures;

    public InventorySync(ExecutorService executor, Counter failures) {
        this.executor = executor;
        this.failures = failures;
    }

    public void schedule(Order order) {
        CompletableFuture.runAsync(() -> syncInventory(order), executor).exceptionally(t -> {
            failures.increment();
            LOG.error("inventory sync for order {} failed", order.id(), t);
            return null;
        });
    }
}
'''))])

# ===================================================================== DEP-02
case('java-41-query-cache-reads-serialized-keys', 'https://github.com/webdetails/cda/pull/430',
     'a query cache restores entries from files with a bare ObjectInputStream.readObject and casts afterwards; any class on the classpath is instantiated first',
     files=[f(src('pt.webdetails.cda.cache', 'FileCacheStore'), new=jfile('pt.webdetails.cda.cache', ['java.io.IOException', 'java.io.InputStream', 'java.io.ObjectInputStream', 'java.nio.file.Files', 'java.nio.file.Path'], r'''
public class FileCacheStore {
    private final Path dir;

    public FileCacheStore(Path dir) {
        this.dir = dir;
    }

    public CacheEntry read(String key) throws IOException, ClassNotFoundException {
        try (InputStream in = Files.newInputStream(dir.resolve(key + ".bin"));
             ObjectInputStream ois = new ObjectInputStream(in)) {
            return (CacheEntry) ois.readObject(); //@DEP-02
        }
    }
}
'''))])

case('java-42-report-value-deserializer-from-request', 'https://github.com/Jaspersoft/jasperreports/pull/588',
     'a report parameter endpoint decodes a base64 value from the request and deserializes it with a plain ObjectInputStream',
     files=[f(src('net.sf.jasperreports.web', 'ParameterDecoder'), new=jfile('net.sf.jasperreports.web', ['java.io.ByteArrayInputStream', 'java.io.IOException', 'java.io.ObjectInputStream', 'java.util.Base64'], r'''
public class ParameterDecoder {
    public Object decode(String encoded) throws IOException, ClassNotFoundException {
        byte[] raw = Base64.getUrlDecoder().decode(encoded);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            return in.readObject(); //@DEP-02
        }
    }
}
'''))])

case('java-ok-16-upload-info-with-object-input-filter', 'https://github.com/tomdesair/tus-java-server/pull/93',
     'clean: upload metadata is deserialized through an ObjectInputStream with an allowlist ObjectInputFilter set before readObject',
     files=[f(src('me.desair.tus.server.util', 'UploadInfoReader'), new=jfile('me.desair.tus.server.util', ['java.io.IOException', 'java.io.InputStream', 'java.io.ObjectInputFilter', 'java.io.ObjectInputStream'], r'''
public final class UploadInfoReader {
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "me.desair.tus.server.upload.*;java.lang.*;java.util.*;!*");

    public static UploadInfo read(InputStream in) throws IOException, ClassNotFoundException {
        try (ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(ALLOWED);
            return (UploadInfo) ois.readObject();
        }
    }
}
'''))])

# ===================================================================== CONC-05: interrupts
case('java-43-backoff-policy-wraps-interrupt-without-flag', 'https://github.com/spring-attic/spring-retry/issues/386',
     'a fixed backoff policy turns InterruptedException from sleep into a runtime BackOffInterruptedException without restoring the interrupt flag',
     files=[f(src('org.springframework.retry.backoff', 'FixedBackOff'), new=jfile('org.springframework.retry.backoff', [], r'''
public class FixedBackOff implements BackOffPolicy {
    private final long periodMillis;
    private final Sleeper sleeper;

    public FixedBackOff(long periodMillis, Sleeper sleeper) {
        this.periodMillis = periodMillis;
        this.sleeper = sleeper;
    }

    @Override
    public void backOff(BackOffContext context) {
        try {
            sleeper.sleep(periodMillis);
        } catch (InterruptedException e) { //@CONC-05
            throw new BackOffInterruptedException("Thread interrupted while sleeping", e);
        }
    }
}
'''))])

case('java-44-agent-sleep-catches-exception-empty', 'https://github.com/NationalSecurityAgency/emissary/pull/790',
     'a moving agent polls with Thread.sleep inside catch (Exception ex) {} ; the interrupt is swallowed and the loop keeps polling',
     files=[f(src('emissary.core', 'AgentPoller'), new=jfile('emissary.core', [], r'''
public class AgentPoller {
    private volatile boolean running = true;
    private final Agent agent;

    public AgentPoller(Agent agent) {
        this.agent = agent;
    }

    public void pollUntilIdle() {
        while (running && agent.isBusy()) {
            try {
                Thread.sleep(250);
            } catch (Exception ex) { //@CONC-05|ERR-01
                // empty catch block
            }
        }
    }
}
'''))])

case('java-45-retry-sleep-interrupt-logged-and-retried', 'https://github.com/resilience4j/resilience4j/pull/1859',
     'a retry helper catches InterruptedException from its wait between attempts, logs it and goes on to the next attempt',
     files=[f(src('io.github.resilience4j.retry', 'RetryRunner'), new=jfile('io.github.resilience4j.retry', ['java.util.function.Supplier', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public final class RetryRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RetryRunner.class);
    private final int maxAttempts;
    private final long waitMillis;

    public RetryRunner(int maxAttempts, long waitMillis) {
        this.maxAttempts = maxAttempts;
        this.waitMillis = waitMillis;
    }

    public <T> T run(Supplier<T> call) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) { //@CONC-05
                LOG.warn("interrupted while waiting for attempt {}", attempt + 1);
            }
        }
        throw last;
    }
}
'''))])

case('java-46-cluster-manager-interrupt-to-runtime-exception', 'https://github.com/apache/hbase/pull/1765',
     'a cluster manager polls a command until it completes and converts an interrupted sleep into a RuntimeException without restoring the flag',
     files=[f(src('org.apache.hadoop.hbase', 'RestClusterManager'), new=jfile('org.apache.hadoop.hbase', [], r'''
public class RestClusterManager {
    private final CommandApi api;
    private final RetryCounter retries;

    public RestClusterManager(CommandApi api, RetryCounter retries) {
        this.api = api;
        this.retries = retries;
    }

    public boolean awaitCommand(long commandId) {
        while (retries.shouldRetry()) {
            if (api.isFinished(commandId)) {
                return api.succeeded(commandId);
            }
            try {
                retries.sleepUntilNextRetry();
            } catch (InterruptedException e) { //@CONC-05
                throw new RuntimeException(e);
            }
        }
        return false;
    }
}
'''))])

case('java-ok-17-virtual-thread-wait-restores-interrupt', 'https://github.com/apache/hbase/pull/1765',
     'clean: a waiter running on a virtual thread restores the interrupt flag and stops when its sleep is interrupted',
     files=[f(src('org.apache.hadoop.hbase', 'CommandWaiter'), new=jfile('org.apache.hadoop.hbase', ['java.time.Duration'], r'''
public class CommandWaiter {
    private final CommandApi api;

    public CommandWaiter(CommandApi api) {
        this.api = api;
    }

    public boolean await(long commandId, Duration every, int attempts) {
        for (int i = 0; i < attempts; i++) {
            if (api.isFinished(commandId)) {
                return api.succeeded(commandId);
            }
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
'''))])

# ===================================================================== TX-01 / TX-02 (JDBC, Spring)
TX_OLD = r'''
public class SettingsStore {
    private final DataSource dataSource;

    public SettingsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void replace(String app, Map<String, String> settings) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM settings WHERE app = ?")) {
                del.setString(1, app);
                del.executeUpdate();
            }
            try (PreparedStatement ins = conn.prepareStatement("INSERT INTO settings (app, name, value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : settings.entrySet()) {
                    ins.setString(1, app);
                    ins.setString(2, e.getKey());
                    ins.setString(3, e.getValue());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        }
    }
}
'''
TX_NEW = TX_OLD.replace('''        try (Connection conn = dataSource.getConnection()) {
            try (PreparedStatement del''', '''        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false); //@TX-01
            try (PreparedStatement del''').replace('''                ins.executeBatch();
            }
        }''', '''                ins.executeBatch();
            }
            conn.commit();
        }''')
case('java-47-settings-replace-made-transactional-without-rollback', 'https://github.com/SEMOSS/Semoss/pull/296',
     'a settings replace is made atomic with setAutoCommit(false) and commit; a failing insert batch returns the pooled connection with the delete uncommitted, autocommit off and no rollback',
     files=[f(src('prerna.settings', 'SettingsStore'), old=jfile('prerna.settings', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.Map', 'javax.sql.DataSource'], TX_OLD),
              new=jfile('prerna.settings', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.Map', 'javax.sql.DataSource'], TX_NEW))])

case('java-48-rollout-transaction-template-failure-logged', 'https://github.com/eclipse-hawkbit/hawkbit/pull/1050',
     'a deployment helper wraps TransactionTemplate.execute in catch (Exception e) that only logs; callers go on as if the rollout step had been stored',
     files=[f(src('org.eclipse.hawkbit.repository.jpa.utils', 'DeploymentHelper'), new=jfile('org.eclipse.hawkbit.repository.jpa.utils', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory', 'org.springframework.transaction.PlatformTransactionManager', 'org.springframework.transaction.support.TransactionCallback', 'org.springframework.transaction.support.TransactionTemplate'], r'''
public final class DeploymentHelper {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentHelper.class);

    private DeploymentHelper() {
    }

    public static <T> T runInNewTransaction(PlatformTransactionManager txManager, String name, TransactionCallback<T> action) {
        TransactionTemplate template = new TransactionTemplate(txManager);
        template.setName(name);
        template.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        try {
            return template.execute(action);
        } catch (Exception e) { //@TX-02|ERR-01
            LOG.error("transaction {} failed", name, e);
            return null;
        }
    }
}
'''))])

case('java-49-listener-commit-failure-logged-as-warning', 'https://github.com/frankframework/frankframework/issues/4822',
     'a message listener commits the JDBC transaction after processing and logs a failed commit at warn, then acknowledges the message as processed',
     files=[f(src('org.frankframework.receivers', 'JdbcListener'), new=jfile('org.frankframework.receivers', ['java.sql.Connection', 'java.sql.SQLException', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class JdbcListener {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcListener.class);
    private final Processor processor;

    public JdbcListener(Processor processor) {
        this.processor = processor;
    }

    public boolean onMessage(Connection conn, Message message) throws SQLException {
        conn.setAutoCommit(false);
        try {
            processor.process(conn, message);
        } catch (ProcessingException e) {
            conn.rollback();
            return false;
        }
        try {
            conn.commit();
        } catch (SQLException e) { //@TX-02|ERR-01
            LOG.warn("commit of message {} failed", message.id(), e);
        }
        return true;
    }
}
'''))])

case('java-ok-18-pool-wrapper-rolls-back-before-release', 'https://github.com/apache/tomcat/pull/667',
     'clean: work is done through a helper that sets autocommit off, commits on success, rolls back in catch and rethrows, and restores autocommit before the connection goes back',
     files=[f(src('org.example.jdbc', 'Transactions'), new=jfile('org.example.jdbc', ['java.sql.Connection', 'java.sql.SQLException', 'javax.sql.DataSource'], r'''
public final class Transactions {
    private Transactions() {
    }

    public static <T> T inTransaction(DataSource ds, SqlWork<T> work) throws SQLException {
        try (Connection conn = ds.getConnection()) {
            conn.setAutoCommit(false);
            try {
                T result = work.run(conn);
                conn.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        }
    }
}
'''))])

# ===================================================================== ERR-01
case('java-50-signature-identifier-empty-catch', 'https://github.com/digital-preservation/droid/issues/474',
     'a file-format identifier ignores an IOException from reading the container signature with an empty catch and reports "no match"',
     files=[f(src('uk.gov.nationalarchives.droid.container', 'ContainerIdentifier'), new=jfile('uk.gov.nationalarchives.droid.container', ['java.io.IOException', 'java.util.Optional'], r'''
public class ContainerIdentifier {
    private final SignatureReader reader;

    public ContainerIdentifier(SignatureReader reader) {
        this.reader = reader;
    }

    public Optional<Format> identify(Resource resource) {
        try {
            return reader.read(resource).match();
        } catch (IOException e) { //@ERR-01
        }
        return Optional.empty();
    }
}
'''))])

case('java-51-pipeline-consumer-swallows-processing-error', 'https://github.com/eschizoid/kpipe/pull/91',
     'a record pipeline catches every exception of a processing step and returns the original record, losing the error',
     files=[f(src('org.kpipe.processor', 'Pipeline'), new=jfile('org.kpipe.processor', ['java.util.List', 'java.util.function.UnaryOperator'], r'''
public final class Pipeline {
    private final List<UnaryOperator<byte[]>> steps;

    public Pipeline(List<UnaryOperator<byte[]>> steps) {
        this.steps = steps;
    }

    public byte[] apply(byte[] record) {
        byte[] current = record;
        for (UnaryOperator<byte[]> step : steps) {
            try {
                current = step.apply(current);
            } catch (Exception e) { //@ERR-01
                return record;
            }
        }
        return current;
    }
}
'''))])

case('java-52-repository-index-prints-stack-trace', 'https://github.com/strongbox/strongbox/pull/196',
     'a repository indexer prints the stack trace of a failed artifact index and continues as if it had been indexed',
     files=[f(src('org.carlspring.strongbox.index', 'ArtifactIndexer'), new=jfile('org.carlspring.strongbox.index', ['java.io.IOException', 'java.nio.file.Path', 'java.util.List'], r'''
public class ArtifactIndexer {
    private final IndexWriter writer;

    public ArtifactIndexer(IndexWriter writer) {
        this.writer = writer;
    }

    public int indexAll(List<Path> artifacts) {
        int indexed = 0;
        for (Path artifact : artifacts) {
            try {
                writer.add(ArtifactEntry.of(artifact));
            } catch (IOException e) { //@ERR-01
                e.printStackTrace();
            }
            indexed++;
        }
        return indexed;
    }
}
'''))])

case('java-ok-19-port-parse-falls-back-to-default', 'https://github.com/checkstyle/checkstyle/pull/1036',
     'clean: a catch for NumberFormatException assigns the documented default and logs once; it decides, it does not swallow',
     files=[f(src('com.example.config', 'PortSetting'), new=jfile('com.example.config', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public final class PortSetting {
    private static final Logger LOG = LoggerFactory.getLogger(PortSetting.class);
    static final int DEFAULT_PORT = 8080;

    private PortSetting() {
    }

    static int parse(String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException notANumber) {
            LOG.warn("PORT={} is not a number, using {}", raw, DEFAULT_PORT);
            return DEFAULT_PORT;
        }
    }
}
'''))])

# ===================================================================== CONC-01 / CONC-07: threads and schedules
case('java-53-layout-worker-raw-thread', 'https://github.com/JMRI/JMRI/issues/4537',
     'a panel loader starts its background work on a raw Thread without an uncaught-exception handler; the application handler does not cover it',
     files=[f(src('jmri.jmrit.display', 'PanelLoader'), new=jfile('jmri.jmrit.display', ['java.io.File'], r'''
public class PanelLoader {
    private final PanelRegistry registry;

    public PanelLoader(PanelRegistry registry) {
        this.registry = registry;
    }

    public void loadInBackground(File file) {
        Thread worker = new Thread(() -> registry.add(PanelFile.parse(file)), "panel-loader");
        worker.setDaemon(true);
        worker.start(); //@CONC-01
    }
}
'''))])

case('java-54-event-dispatch-virtual-thread-per-event', 'https://github.com/typelevel/cats-effect/issues/4232',
     'an event bus (Java 21) starts a virtual thread per published event with no uncaught-exception handler and no bound on how many run',
     files=[
         f('pom.xml', old='<project>\n  <properties>\n    <maven.compiler.release>17</maven.compiler.release>\n  </properties>\n</project>\n',
           new='<project>\n  <properties>\n    <maven.compiler.release>21</maven.compiler.release>\n  </properties>\n</project>\n'),
         f(src('com.example.bus', 'EventBus'), new=jfile('com.example.bus', ['java.util.List', 'java.util.concurrent.CopyOnWriteArrayList'], r'''
public final class EventBus {
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(Subscriber s) {
        subscribers.add(s);
    }

    public void publish(Event event) {
        for (Subscriber s : subscribers) {
            Thread.ofVirtual().name("bus-" + event.type()).start(() -> s.on(event)); //@CONC-01|CONC-02
        }
    }
}
''')),
     ])

case('java-ok-20-named-threads-with-handler', 'https://github.com/InsightsPlugin/Insights/pull/93',
     'clean: worker threads come from a ThreadFactory that names them and sets an uncaught-exception handler that logs; the pool is fixed and bounded',
     files=[f(src('dev.frankheijden.insights.concurrent', 'Workers'), new=jfile('dev.frankheijden.insights.concurrent', ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadFactory', 'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicInteger', 'java.util.logging.Level', 'java.util.logging.Logger'], r'''
public final class Workers {
    private static final Logger LOG = Logger.getLogger(Workers.class.getName());

    public static ThreadPoolExecutor create(int n) {
        AtomicInteger seq = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "insights-worker-" + seq.incrementAndGet());
            t.setUncaughtExceptionHandler((th, e) -> LOG.log(Level.SEVERE, "uncaught in " + th.getName(), e));
            return t;
        };
        return new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(n * 8), factory,
                new ThreadPoolExecutor.AbortPolicy());
    }
}
'''))])

case('java-55-token-refresher-fixed-rate-unguarded', 'https://github.com/danielgmyers/flux-swf-client/issues/136',
     'a token refresher schedules refresh() at a fixed rate; refresh() throws on an HTTP error, which silently cancels every later run',
     files=[f(src('com.example.auth', 'TokenRefresher'), new=jfile('com.example.auth', ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit'], r'''
public class TokenRefresher {
    private final ScheduledExecutorService scheduler;
    private final TokenEndpoint endpoint;
    private volatile Token current;

    public TokenRefresher(ScheduledExecutorService scheduler, TokenEndpoint endpoint) {
        this.scheduler = scheduler;
        this.endpoint = endpoint;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::refresh, 0, 5, TimeUnit.MINUTES); //@CONC-07
    }

    void refresh() {
        current = endpoint.fetch();
    }
}
'''))])

# ===================================================================== PR shapes: rename, test beside the fix, CRLF
case('java-56-renamed-downloader-keeps-url-connection-without-read-timeout', 'https://github.com/itinance/react-native-fs/pull/142',
     'a downloader class is moved and renamed; the moved code gains a connect timeout but still no read timeout on its HttpURLConnection',
     files=[f(src('com.scienceminer.glutton.net', 'FeedDownloader'), rename_from=src('com.scienceminer.glutton.util', 'Downloader'),
              old=jfile('com.scienceminer.glutton.util', ['java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL'], r'''
public class Downloader {
    public byte[] fetch(String url) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection();
        conn.setRequestMethod("GET");
        try (InputStream in = conn.getInputStream()) {
            return in.readAllBytes();
        } finally {
            conn.disconnect();
        }
    }
}
'''),
              new=jfile('com.scienceminer.glutton.net', ['java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL'], r'''
public class FeedDownloader {
    public byte[] fetch(String url) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection(); //@TMO-01
        conn.setRequestMethod("GET");
        conn.setConnectTimeout(5_000);
        try (InputStream in = conn.getInputStream()) {
            return in.readAllBytes();
        } finally {
            conn.disconnect();
        }
    }
}
'''))])

case('java-ok-21-fix-with-test-using-raw-streams', 'https://github.com/SAP-archive/fosstars-rating-core/pull/317',
     'clean: the weights loader fix uses try-with-resources; the test beside it opens resource streams without closing them (test code is not reviewed)',
     files=[
         f(src('com.sap.oss.rating', 'DefaultWeights'), old=jfile('com.sap.oss.rating', ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException', 'java.io.InputStream', 'java.util.Map'], r'''
final class DefaultWeights {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @SuppressWarnings("unchecked")
    static Map<String, Double> load(String name) throws IOException {
        InputStream is = DefaultWeights.class.getResourceAsStream("/weights/" + name + ".json");
        if (is == null) {
            throw new IOException("no weights named " + name);
        }
        return MAPPER.readValue(is, Map.class);
    }
}
'''), new=jfile('com.sap.oss.rating', ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException', 'java.io.InputStream', 'java.util.Map'], r'''
final class DefaultWeights {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @SuppressWarnings("unchecked")
    static Map<String, Double> load(String name) throws IOException {
        try (InputStream is = DefaultWeights.class.getResourceAsStream("/weights/" + name + ".json")) {
            if (is == null) {
                throw new IOException("no weights named " + name);
            }
            return MAPPER.readValue(is, Map.class);
        }
    }
}
''')),
         f(test('com.sap.oss.rating', 'DefaultWeightsTest'), new=jfile('com.sap.oss.rating', ['static org.junit.jupiter.api.Assertions.assertNotNull', 'java.io.InputStream', 'org.junit.jupiter.api.Test'], r'''
class DefaultWeightsTest {
    @Test
    void every_bundled_weights_file_is_on_the_classpath() {
        for (String name : new String[] {"security", "community"}) {
            InputStream is = getClass().getResourceAsStream("/weights/" + name + ".json");
            assertNotNull(is, name);
        }
    }
}
''')),
     ])

case('java-57-windows-edited-importer-stream-not-closed', 'https://github.com/weizhiqiang1995/erp-pro/pull/16',
     'a CSV importer edited on Windows (CRLF line ends) opens a reader with Files.newBufferedReader and returns the parsed rows without closing it',
     files=[f(src('com.skyeye.erp.imports', 'CsvImporter'), crlf=True, new=jfile('com.skyeye.erp.imports', ['java.io.BufferedReader', 'java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List'], r'''
public class CsvImporter {
    public List<String[]> read(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file); //@RES-01
        return reader.lines().skip(1).map(line -> line.split(",")).toList();
    }
}
'''))])

case('java-ok-22-files-lines-in-try-with-resources-sealed-result', 'https://github.com/weizhiqiang1995/erp-pro/pull/16',
     'clean: the importer reads with Files.lines in try-with-resources and returns a sealed result type (Ok | Failed) chosen by a switch expression',
     files=[f(src('com.skyeye.erp.imports', 'SafeCsvImporter'), new=jfile('com.skyeye.erp.imports', ['java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Stream'], r'''
public class SafeCsvImporter {
    public sealed interface Result permits Ok, Failed {}

    public record Ok(List<String[]> rows) implements Result {}

    public record Failed(String reason) implements Result {}

    public Result read(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            List<String[]> rows = lines.skip(1).map(line -> line.split(",")).toList();
            return rows.isEmpty() ? new Failed("empty file") : new Ok(rows);
        } catch (IOException | UncheckedIOException e) {
            return new Failed(e.getMessage());
        }
    }

    public static String describe(Result r) {
        return switch (r) {
            case Ok ok -> ok.rows().size() + " rows";
            case Failed failed -> "failed: " + failed.reason();
        };
    }
}
'''))])

case('java-58-cache-expiry-fixed-delay-method-reference', 'https://github.com/infinispan/infinispan/pull/10086',
     'a cache schedules its expiry sweep with scheduleWithFixedDelay on a method reference whose body can throw (a store error), which ends the sweeps for good',
     files=[f(src('org.infinispan.expiration', 'ExpirationSweeper'), new=jfile('org.infinispan.expiration', ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture', 'java.util.concurrent.TimeUnit'], r'''
public class ExpirationSweeper {
    private final ScheduledExecutorService scheduler;
    private final ExpiringStore store;
    private ScheduledFuture<?> task;

    public ExpirationSweeper(ScheduledExecutorService scheduler, ExpiringStore store) {
        this.scheduler = scheduler;
        this.store = store;
    }

    public void start(long intervalMillis) {
        task = scheduler.scheduleWithFixedDelay(this::sweep, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS); //@CONC-07
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        for (Object key : store.expiredKeys(now)) {
            store.remove(key);
        }
    }
}
'''))])

case('java-ok-23-periodic-submitter-wrapped-in-guard', 'https://github.com/danielgmyers/flux-swf-client/issues/136',
     'clean: periodic submission goes through a wrapper (in the same class) that catches Throwable, logs and counts, so the schedule survives a failed run',
     files=[f(src('software.flux.periodic', 'PeriodicSubmitter'), new=jfile('software.flux.periodic', ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], r'''
public class PeriodicSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicSubmitter.class);
    private final ScheduledExecutorService scheduler;
    private final Counter failures;

    public PeriodicSubmitter(ScheduledExecutorService scheduler, Counter failures) {
        this.scheduler = scheduler;
        this.failures = failures;
    }

    public void schedule(String name, Runnable body, long periodSeconds) {
        scheduler.scheduleAtFixedRate(guarded(name, body), 0, periodSeconds, TimeUnit.SECONDS);
    }

    private Runnable guarded(String name, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                failures.increment();
                LOG.error("periodic job {} failed; it will run again", name, t);
            }
        };
    }
}
'''))])


# ===================================================================== pull-request shape
# As in cases_go.py: a case whose only code file is new becomes a modification of an existing class when the class
# has other members: the old text is the class without the methods that carry an expectation (for clean cases,
# without its last method), so the diff shows the added method inside git's three lines of context.
def _methods(lines):
    """(start, end) line ranges of members at class level (indent 4) that have a body ending with '    }'."""
    out = []
    i = 0
    while i < len(lines):
        l = lines[i]
        if l.startswith('    ') and not l.startswith('     ') and l.rstrip().endswith('{') and '(' in l and not l.strip().startswith(('}', 'return', 'static {')):
            s = i
            while s > 0 and lines[s - 1].startswith('    @'):
                s -= 1
            e = i + 1
            while e < len(lines) and lines[e] != '    }':
                e += 1
            out.append((s, e + 1))
            i = e + 1
            continue
        i += 1
    return out


def _as_addition(c):
    fs = c.get('files', [])
    code = [x for x in fs if x['path'].endswith('.java')]
    if len(code) != 1 or 'old' in code[0] or '/src/test/' in code[0]['path'] or code[0]['path'].startswith('src/test/'):
        return
    f0 = code[0]
    lines = f0['new'].split('\n')
    members = _methods(lines)
    if len(members) < 2:
        return
    marked = [(s, e) for s, e in members if any('//@' in lines[i] for i in range(s, e))]
    if any('//@' in l for i, l in enumerate(lines) if not any(s <= i < e for s, e in members)):
        return  # an expectation outside any method body (a field): leave the file new
    drop = marked if marked else [members[-1]]
    if len(drop) == len(members):
        return
    keep = []
    for i, l in enumerate(lines):
        if any(s <= i < e for s, e in drop):
            continue
        keep.append(l)
    old = '\n'.join(keep)
    while '\n\n\n' in old:
        old = old.replace('\n\n\n', '\n\n')
    old = old.replace('\n\n}\n', '\n}\n')
    f0['old'] = old


for _c in CASES:
    _as_addition(_c)
