"""Round-25 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 24)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant, JAVA_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- RES-01 / TX-01: Jdbi handle per route (jooby)
JOOBY = r'''
/** Invite routes of the portal settings page. */
public class InviteController {
    private static final Logger LOG = LoggerFactory.getLogger(InviteController.class);

    private final Jdbi jdbi;

    public InviteController(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Invite> list(Context ctx) {
        long storeId = ctx.path("storeId").longValue();
1|        Handle handle = jdbi.open(); //@RES-01
1|        return handle.createQuery("SELECT * FROM invite WHERE store_id = :store")
1|                .bind("store", storeId).mapToBean(Invite.class).list();
02|        try (Handle handle = jdbi.open()) {
02|            return handle.createQuery("SELECT * FROM invite WHERE store_id = :store")
02|                    .bind("store", storeId).mapToBean(Invite.class).list();
02|        }
    }

    public Invite accept(Context ctx) {
        long inviteId = ctx.path("id").longValue();
        try (Handle handle = jdbi.open()) {
            handle.begin(); //@{2}TX-01
01|            try {
                Invite invite = handle.attach(InviteDao.class).lockById(inviteId);
                handle.attach(MemberDao.class).insert(invite.storeId(), invite.email());
                handle.attach(InviteDao.class).markAccepted(inviteId);
                handle.commit();
                LOG.info("invite {} accepted", inviteId);
                return invite;
01|            } catch (RuntimeException e) {
01|                handle.rollback();
01|                throw e;
01|            }
        }
    }
}
'''
cases_of(case, GH + 'jooby-project/jooby/issues/2447', src('com.digitalstore.portal.settings', 'InviteController'),
         J('com.digitalstore.portal.settings',
           SLF4J + ['io.jooby.Context', 'java.util.List', 'org.jdbi.v3.core.Handle', 'org.jdbi.v3.core.Jdbi'])(JOOBY), [
             (1, 'java-00-jooby-handle-opened-per-request-never-closed',
              'an edit opens a Jdbi handle for every invite listing and never closes it, so each request keeps a '
              'pooled connection', 'edit'),
             (2, 'java-00-jooby-accept-transaction-not-rolled-back',
              'an edit drops the rollback, so a failed acceptance returns its connection to the pool inside an open '
              'transaction', 'edit'),
             (0, 'java-ok-00-jooby-handles-in-try-rollback-rethrow',
              'clean: every handle in try-with-resources, rollback and rethrow on failure', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: feature fetch (growthbook SDK)
GROWTHBOOK = r'''
/** Downloads the feature definitions of an SDK key from the GrowthBook API. */
public class GBFeaturesRepository {
    private final OkHttpClient okHttpClient;
    private final String featuresEndpoint;

    public GBFeaturesRepository(OkHttpClient okHttpClient, String apiHost, String clientKey) {
        this.okHttpClient = okHttpClient;
        this.featuresEndpoint = apiHost + "/api/features/" + clientKey;
    }

    public String fetchFeatures() throws FeatureFetchException {
        Request request = new Request.Builder().url(featuresEndpoint).build();
1|        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
1|                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10)).build();
1|        try (Response response = client.newCall(request).execute()) {
0|        try (Response response = okHttpClient.newCall(request).execute()) {
2|        try {
2|            Response response = okHttpClient.newCall(request).execute(); //@RES-02
            if (!response.isSuccessful()) {
                throw new FeatureFetchException("features request failed: " + response.code());
            }
            return response.body().string();
        } catch (IOException e) {
            throw new FeatureFetchException("features request failed", e);
        }
    }
}
'''
cases_of(case, GH + 'growthbook/growthbook-sdk-java/pull/43', src('growthbook.sdk.java', 'GBFeaturesRepository'),
         J('growthbook.sdk.java', ['java.io.IOException', 'java.time.Duration', 'okhttp3.OkHttpClient', 'okhttp3.Request',
                                   'okhttp3.Response'])(GROWTHBOOK), [
             (1, 'java-00-growthbook-sdk-java-client-built-per-fetch',
              'an edit builds a new OkHttp client for every features fetch, each with its own pool and threads',
              'edit'),
             (2, 'java-00-growthbook-sdk-java-error-response-left-open',
              'an edit takes the response out of try-with-resources, so a non-2xx answer leaks its connection', 'edit'),
             (0, 'java-ok-00-growthbook-sdk-java-shared-client-response-in-try',
              'clean: the injected client, the response in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-05: retried service call (cloudant SDK)
CLOUDANT = r'''
/** Runs a service call again when the server answers 429 or 503. */
public class RetryingCaller {
    private static final Logger LOGGER = Logger.getLogger(RetryingCaller.class.getName());

    private final OkHttpClient client;
    private final int maxAttempts;

    public RetryingCaller(OkHttpClient client, int maxAttempts) {
        this.client = client;
        this.maxAttempts = maxAttempts;
    }

    public Response execute(Request request) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Response response = client.newCall(request).execute(); //@{1}RES-02
            if (isRetryable(response.code()) && attempt < maxAttempts) {
02|                response.close();
                sleepBeforeRetry(request, backoffMillis(response, attempt));
                continue;
            }
            return response;
        }
    }

    private void sleepBeforeRetry(Request request, long waitMillis) throws IOException {
        try {
            Thread.sleep(waitMillis);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
01|            throw new InterruptedIOException("interrupted while waiting to retry " + request.url());
2|            LOGGER.log(Level.FINE, "retry wait interrupted", e);
        }
    }

    private static boolean isRetryable(int code) {
        return code == 429 || code == 503;
    }
}
'''
cases_of(case, GH + 'IBM/cloudant-java-sdk/issues/472', src('com.ibm.cloud.cloudant.internal', 'RetryingCaller'),
         J('com.ibm.cloud.cloudant.internal', ['java.io.IOException', 'java.io.InterruptedIOException',
                                               'java.util.logging.Level', 'java.util.logging.Logger',
                                               'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'])(CLOUDANT), [
             (1, 'java-00-cloudant-java-sdk-retried-response-never-closed',
              'an edit retries without closing the refused response, leaking one connection per retry', 'edit'),
             (2, 'java-00-cloudant-java-sdk-retry-wait-swallows-interrupt',
              'an edit logs the interrupt of the retry wait at fine level and retries again', 'edit'),
             (0, 'java-ok-00-cloudant-java-sdk-refused-response-closed-interrupt-restored',
              'clean: each refused response closed before the wait, interrupt restored and the call abandoned', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: consumer start (rxrabbit)
RXRABBIT = r'''
/** Starts a consumer on its own channel and hands deliveries to the subscriber. */
public class ConsumerStarter {
    private static final Logger log = LoggerFactory.getLogger(ConsumerStarter.class);

    private final ChannelFactory channelFactory;

    public ConsumerStarter(ChannelFactory channelFactory) {
        this.channelFactory = channelFactory;
    }

    public InternalConsumer start(String queue, int prefetch, Subscriber<? super Message> subscriber) throws IOException {
02|        ConsumeChannel channel = channelFactory.createConsumeChannel(queue);
1|        ConsumeChannel channel = channelFactory.createConsumeChannel(queue, prefetch); //@RES-01
        InternalConsumer consumer = new InternalConsumer(channel, subscriber);
        try {
02|            channel.basicQos(prefetch);
            channel.basicConsume(queue, consumer);
        } catch (IOException e) {
2|            log.error("could not start consumer on {}", queue, e); //@ERR-01
02|            consumer.close();
02|            channel.close();
0|            throw e;
1|            throw new IOException("could not start consuming from " + queue, e);
        }
        return consumer;
    }
}
'''
cases_of(case, GH + 'MeltwaterArchive/rxrabbit/pull/10', src('com.meltwater.rxrabbit.impl', 'ConsumerStarter'),
         J('com.meltwater.rxrabbit.impl', SLF4J + ['com.meltwater.rxrabbit.ChannelFactory', 'com.meltwater.rxrabbit.ConsumeChannel',
                                                   'com.meltwater.rxrabbit.Message', 'java.io.IOException',
                                                   'rx.Subscriber'])(RXRABBIT), [
             (1, 'java-00-rxrabbit-channel-left-open-when-consume-fails',
              'an edit moves the prefetch into the channel factory, wraps the failure and drops the closes, so every '
              'failed start leaves a channel and its event threads behind', 'edit'),
             (2, 'java-00-rxrabbit-consume-failure-logged-and-returned',
              'an edit logs a failed start and still returns the dead consumer to the caller', 'edit'),
             (0, 'java-ok-00-rxrabbit-failed-start-closed-and-thrown',
              'clean: consumer and channel closed, the failure rethrown', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-02: queue purge (reactor-rabbitmq)
REACTORRABBIT = r'''
/** Administrative operations on queues, each on a short-lived channel. */
public class QueueAdmin {
    private static final Logger LOGGER = LoggerFactory.getLogger(QueueAdmin.class);

    private final Connection connection;

    public QueueAdmin(Connection connection) {
        this.connection = connection;
    }

    public long purge(String queue) throws IOException, TimeoutException {
1|        Channel channel = connection.createChannel(); //@RES-01
1|        long count = channel.queuePurge(queue).getMessageCount();
1|        LOGGER.debug("purged {} messages from {}", count, queue);
1|        channel.close();
1|        return count;
02|        try (Channel channel = connection.createChannel()) {
02|            long count = channel.queuePurge(queue).getMessageCount();
0|            LOGGER.debug("purged {} messages from {}", count, queue);
2|            LOGGER.debug("purged " + count + " messages from " + queue + " on " + connection.getAddress()); //@LOG-02
02|            return count;
02|        }
    }
}
'''
cases_of(case, GH + 'spring-attic/reactor-rabbitmq/pull/60', src('reactor.rabbitmq', 'QueueAdmin'),
         J('reactor.rabbitmq', SLF4J + ['com.rabbitmq.client.Channel', 'com.rabbitmq.client.Connection', 'java.io.IOException',
                                        'java.util.concurrent.TimeoutException'])(REACTORRABBIT), [
             (1, 'java-00-reactor-rabbitmq-purge-channel-closed-only-on-success',
              'an edit closes the purge channel only when the purge succeeds, leaking a channel per failed purge',
              'edit'),
             (2, 'java-00-reactor-rabbitmq-purge-debug-line-concatenated',
              'an edit concatenates the purge count, queue and address into the debug line, even with debug off',
              'edit'),
             (0, 'java-ok-00-reactor-rabbitmq-channel-in-try-placeholders',
              'clean: channel in try-with-resources, debug line with placeholders', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: repository fetch (immutables mongo)
IMMUTABLES = r'''
/** Reads documents of one collection into immutable values. */
public class DocumentFetcher<T> {
    private final MongoCollection<T> collection;
    private final long queryTimeoutMillis;

    public DocumentFetcher(MongoCollection<T> collection, long queryTimeoutMillis) {
        this.collection = collection;
        this.queryTimeoutMillis = queryTimeoutMillis;
    }

    public List<T> fetch(Bson filter, int limit) {
01|        FindIterable<T> find = collection.find(filter).limit(limit).maxTime(queryTimeoutMillis, TimeUnit.MILLISECONDS);
2|        FindIterable<T> find = collection.find(filter).limit(limit); //@TMO-01
1|        MongoCursor<T> cursor = find.iterator(); //@RES-01
1|        List<T> result = new ArrayList<>();
1|        while (cursor.hasNext()) {
1|            result.add(cursor.next());
1|        }
1|        cursor.close();
1|        return result;
02|        try (MongoCursor<T> cursor = find.iterator()) {
02|            List<T> result = new ArrayList<>();
02|            while (cursor.hasNext()) {
02|                result.add(cursor.next());
02|            }
02|            return result;
02|        }
    }
}
'''
cases_of(case, GH + 'immutables/immutables/pull/735', src('org.immutables.mongo.repository.internal', 'DocumentFetcher'),
         J('org.immutables.mongo.repository.internal',
           ['com.mongodb.client.FindIterable', 'com.mongodb.client.MongoCollection', 'com.mongodb.client.MongoCursor',
            'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.TimeUnit', 'org.bson.conversions.Bson'])(IMMUTABLES), [
             (1, 'java-00-immutables-cursor-closed-only-after-full-read',
              'an edit closes the cursor only after a complete read, so a failing decode leaves it open on the server',
              'edit'),
             (2, 'java-00-immutables-find-without-time-limit',
              'an edit drops the server-side time limit, so a slow query holds the caller as long as the server runs '
              'it', 'edit'),
             (0, 'java-ok-00-immutables-cursor-in-try-bounded-find',
              'clean: cursor in try-with-resources, find bounded by maxTime', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: oplog slurper (elasticsearch-river-mongodb)
RIVER = r'''
/** Starts the oplog slurper of a river and finds where the last run stopped. */
public class MongoDBRiverStarter {
    private static final ESLogger logger = Loggers.getLogger(MongoDBRiverStarter.class);

    private final RiverThreads threads;
    private Thread slurperThread;

    public MongoDBRiverStarter(RiverThreads threads) {
        this.threads = threads;
    }

    public void start(MongoDBRiverDefinition definition, DBCollection oplog) {
        BSONTimestamp from = lastProcessed(oplog);
        logger.info("starting slurper for {} from {}", definition.getRiverName(), from);
01|        slurperThread = threads.newThread("mongodb_river_slurper:" + definition.getIndexName(), new Slurper(definition, from));
2|        slurperThread = new Thread(new Slurper(definition, from), "mongodb_river_slurper:" + definition.getIndexName()); //@CONC-01
        slurperThread.start();
    }

    private BSONTimestamp lastProcessed(DBCollection oplog) {
        DBCursor cursor = oplog.find().sort(new BasicDBObject("$natural", -1)).limit(1); //@{1}RES-01
02|        try {
02|            return cursor.hasNext() ? (BSONTimestamp) cursor.next().get("ts") : null;
02|        } finally {
02|            cursor.close();
02|        }
1|        return cursor.hasNext() ? (BSONTimestamp) cursor.next().get("ts") : null;
    }
}
'''
cases_of(case, GH + 'richardwilly98/elasticsearch-river-mongodb/pull/378',
         src('org.elasticsearch.river.mongodb', 'MongoDBRiverStarter'),
         J('org.elasticsearch.river.mongodb', ['com.mongodb.BasicDBObject', 'com.mongodb.DBCollection', 'com.mongodb.DBCursor',
                                               'org.bson.types.BSONTimestamp', 'org.elasticsearch.common.logging.ESLogger',
                                               'org.elasticsearch.common.logging.Loggers'])(RIVER), [
             (1, 'java-00-elasticsearch-river-mongodb-oplog-cursor-never-closed',
              'an edit reads the last oplog entry and never closes the cursor', 'edit'),
             (2, 'java-00-elasticsearch-river-mongodb-slurper-on-plain-thread',
              'an edit starts the slurper on a plain thread instead of the river\'s thread factory, so a failure kills '
              'it silently', 'edit'),
             (0, 'java-ok-00-elasticsearch-river-mongodb-cursor-closed-factory-thread',
              'clean: cursor closed in finally, slurper thread from the river\'s factory', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: tracked events (Axon Mongo extension)
AXON = r'''
/** Reads the next batch of tracked events after a token from the domain event collection. */
public class TrackedEventReader {
    private static final Logger logger = LoggerFactory.getLogger(TrackedEventReader.class);

    private final MongoCollection<Document> events;

    public TrackedEventReader(MongoCollection<Document> events) {
        this.events = events;
    }

    public List<TrackedEventData<?>> findTrackedEvents(TrackingToken lastToken, int batchSize) {
        List<TrackedEventData<?>> result = new ArrayList<>();
        Bson filter = lastToken == null ? new Document() : Filters.gt("globalIndex", indexOf(lastToken));
1|        MongoCursor<Document> cursor = events.find(filter).sort(Sorts.ascending("globalIndex")).limit(batchSize).iterator(); //@RES-01
1|        while (cursor.hasNext()) {
1|            result.add(toTrackedEvent(cursor.next()));
1|        }
02|        try (MongoCursor<Document> cursor = events.find(filter).sort(Sorts.ascending("globalIndex")).limit(batchSize).iterator()) {
02|            while (cursor.hasNext()) {
02|                Document doc = cursor.next();
2|                logger.info("read event {} of aggregate {}", doc.get("eventIdentifier"), doc.get("aggregateIdentifier")); //@LOG-01
02|                result.add(toTrackedEvent(doc));
02|            }
02|        }
        return result;
    }
}
'''
cases_of(case, GH + 'AxonFramework/extension-mongo/issues/477',
         src('org.axonframework.extensions.mongo.eventsourcing.eventstore', 'TrackedEventReader'),
         J('org.axonframework.extensions.mongo.eventsourcing.eventstore',
           SLF4J + ['com.mongodb.client.MongoCollection', 'com.mongodb.client.MongoCursor', 'com.mongodb.client.model.Filters',
                    'com.mongodb.client.model.Sorts', 'java.util.ArrayList', 'java.util.List',
                    'org.axonframework.eventhandling.TrackedEventData', 'org.axonframework.eventhandling.TrackingToken',
                    'org.bson.Document', 'org.bson.conversions.Bson'])(AXON), [
             (1, 'java-00-extension-mongo-tracked-events-cursor-never-closed',
              'an edit iterates the tracked events with a bare cursor that is never closed', 'edit'),
             (2, 'java-00-extension-mongo-info-line-per-tracked-event',
              'an edit logs an info line for every event every tracking processor reads', 'edit'),
             (0, 'java-ok-00-extension-mongo-cursor-in-try-quiet-read',
              'clean: cursor in try-with-resources, no log line per event', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: polling transport (socket.io client)
SOCKETIO = r'''
/** Long-polling transport: one GET per poll, the answer decoded into packets. */
public class PollingXHR extends Polling {
    private final Call.Factory callFactory;

    public PollingXHR(Transport.Options opts) {
        super(opts);
01|        this.callFactory = new OkHttpClient.Builder()
01|                .readTimeout(opts.pingInterval + opts.pingTimeout, TimeUnit.MILLISECONDS).build();
2|        this.callFactory = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build(); //@TMO-01
    }

    @Override
    protected void doPoll() throws IOException {
        Request request = new Request.Builder().url(uri()).get().build();
1|        Response response = callFactory.newCall(request).execute(); //@RES-02
1|        if (response.code() != 200) {
1|            onError("xhr poll error", new IOException("status " + response.code()));
1|            return;
1|        }
1|        onData(response.body().string());
02|        try (Response response = callFactory.newCall(request).execute()) {
02|            if (response.code() != 200) {
02|                onError("xhr poll error", new IOException("status " + response.code()));
02|                return;
02|            }
02|            onData(response.body().string());
02|        }
    }
}
'''
cases_of(case, GH + 'socketio/socket.io-client-java/issues/275', src('io.socket.engineio.client.transports', 'PollingXHR'),
         J('io.socket.engineio.client.transports', ['io.socket.engineio.client.Transport', 'java.io.IOException',
                                                    'java.util.concurrent.TimeUnit', 'okhttp3.Call', 'okhttp3.OkHttpClient',
                                                    'okhttp3.Request', 'okhttp3.Response'])(SOCKETIO), [
             (1, 'java-00-socket-io-client-java-failed-poll-response-left-open',
              'an edit takes the poll response out of try-with-resources, so every non-200 poll leaks its connection',
              'edit'),
             (2, 'java-00-socket-io-client-java-poll-client-read-timeout-disabled',
              'an edit disables the read timeout of the polling client, so a silent server holds the poll forever',
              'edit'),
             (0, 'java-ok-00-socket-io-client-java-response-in-try-bounded-poll',
              'clean: response in try-with-resources, read timeout above the ping interval', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: season resource (ultical, Dropwizard + MyBatis)
ULTICAL = r'''
@Path("/season")
@Produces(MediaType.APPLICATION_JSON)
public class SeasonResource {
    private final SqlSessionFactory sessionFactory;

    public SeasonResource(SqlSessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @GET
    public List<Season> list() {
1|        SqlSession session = sessionFactory.openSession(); //@RES-01
1|        List<Season> seasons = session.getMapper(SeasonMapper.class).getAll();
1|        session.close();
1|        return seasons;
02|        try (SqlSession session = sessionFactory.openSession()) {
02|            return session.getMapper(SeasonMapper.class).getAll();
02|        }
    }

    @GET
    @Path("/{id}")
    public Season get(@PathParam("id") int id) {
        try (SqlSession session = sessionFactory.openSession()) {
            return session.getMapper(SeasonMapper.class).get(id);
01|        }
2|        } catch (PersistenceException e) { //@ERR-01
2|            return null;
2|        }
    }
}
'''
cases_of(case, GH + 'ultical/ultical/issues/7', src('de.ultical.backend.api', 'SeasonResource'),
         J('de.ultical.backend.api', ['de.ultical.backend.data.mapper.SeasonMapper', 'de.ultical.backend.model.Season',
                                      'java.util.List', 'javax.ws.rs.GET', 'javax.ws.rs.Path', 'javax.ws.rs.PathParam',
                                      'javax.ws.rs.Produces', 'javax.ws.rs.core.MediaType',
                                      'org.apache.ibatis.exceptions.PersistenceException',
                                      'org.apache.ibatis.session.SqlSession',
                                      'org.apache.ibatis.session.SqlSessionFactory'])(ULTICAL), [
             (1, 'java-00-ultical-session-closed-only-on-success',
              'an edit closes the MyBatis session only when the query succeeds, so every failed listing keeps a '
              'pooled connection', 'edit'),
             (2, 'java-00-ultical-lookup-failure-answered-as-missing',
              'an edit turns a failed season lookup into null, which the resource answers as 204', 'edit'),
             (0, 'java-ok-00-ultical-sessions-in-try-failures-propagate',
              'clean: every session in try-with-resources, failures reach the exception mapper', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: gRPC client (enola)
ENOLA = r'''
/** Fetches things from a remote Enola server over gRPC. */
public class EnolaGrpcClient implements AutoCloseable {
    private final ManagedChannel channel;
    private final EnolaServiceGrpc.EnolaServiceBlockingStub stub;
    private final Duration timeout;

    public EnolaGrpcClient(String target, Duration timeout) {
        this.channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
        this.stub = EnolaServiceGrpc.newBlockingStub(channel);
        this.timeout = timeout;
    }

    public Thing getThing(String iri) {
        GetThingRequest request = GetThingRequest.newBuilder().setIri(iri).build();
1|        ManagedChannel perCall = ManagedChannelBuilder.forTarget(channel.authority()).usePlaintext().build(); //@RES-04
1|        return EnolaServiceGrpc.newBlockingStub(perCall)
1|                .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).getThing(request).getThing();
0|        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).getThing(request).getThing();
2|        return stub.getThing(request).getThing(); //@TMO-01
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
}
'''
ENOLA_PROTO = JAVA_GENERATED + r'''// source: enola/core/enola_core.proto

package dev.enola.core.proto;

public enum Kind implements com.google.protobuf.ProtocolMessageEnum {
  KIND_UNSPECIFIED(0),
  THING(1),
  LINK(2),
  UNRECOGNIZED(-1),
  ;

  private final int value;

  Kind(int value) {
    this.value = value;
  }

  public final int getNumber() {
    return value;
  }
}
'''
cases_of(case, GH + 'enola-dev/enola/pull/296', src('dev.enola.core.grpc', 'EnolaGrpcClient'),
         J('dev.enola.core.grpc', ['dev.enola.core.proto.EnolaServiceGrpc', 'dev.enola.core.proto.GetThingRequest',
                                   'dev.enola.thing.proto.Thing', 'io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder',
                                   'java.time.Duration', 'java.util.concurrent.TimeUnit'])(ENOLA), [
             (1, 'java-00-enola-channel-built-per-lookup',
              'an edit builds a new managed channel for every lookup and never shuts it down', 'edit'),
             (2, 'java-00-enola-lookup-without-deadline',
              'an edit calls the server without a deadline, so a stuck server holds the caller forever', 'edit'),
             (0, 'java-ok-00-enola-shared-channel-deadline-per-call',
              'clean: the client\'s one channel, a deadline on every call; a generated protobuf enum beside it', 'fix',
              [f('core/build/generated/source/proto/main/java/dev/enola/core/proto/Kind.java', new=ENOLA_PROTO)]),
         ])


# ---------------------------------------------------------------- LOG-02 / LOG-01: attach frame callback (docker-java), new file + pom
DOCKERJAVA = r'''
/** Collects the output frames of an attached container and forwards them to a sink. */
public class AttachFrameCallback extends ResultCallbackTemplate<AttachFrameCallback, Frame> {
    private static final Logger LOG = LoggerFactory.getLogger(AttachFrameCallback.class);

    private final String containerId;
    private final Consumer<Frame> sink;
    private final AtomicLong frames = new AtomicLong();

    public AttachFrameCallback(String containerId, Consumer<Frame> sink) {
        this.containerId = containerId;
        this.sink = sink;
    }

    @Override
    public void onNext(Frame frame) {
1|        LOG.debug("frame " + frame.getStreamType() + " from " + containerId + ": " + new String(frame.getPayload(), StandardCharsets.UTF_8)); //@LOG-02
2|        LOG.info("{} frame of {} bytes from {}", frame.getStreamType(), frame.getPayload().length, containerId); //@LOG-01
        frames.incrementAndGet();
        sink.accept(frame);
    }

    @Override
    public void onComplete() {
        LOG.info("attach to {} finished after {} frames", containerId, frames.get());
        super.onComplete();
    }
}
'''
DOCKERJAVA_POM = pom('docker-attach', ['com.github.docker-java:docker-java-core:3.3.6', 'org.slf4j:slf4j-api:2.0.16'])
cases_of(case, GH + 'kpelykh/docker-java/pull/19', src('com.github.dockerjava.core.command', 'AttachFrameCallback'),
         J('com.github.dockerjava.core.command', SLF4J + ['com.github.dockerjava.api.async.ResultCallbackTemplate',
                                                          'com.github.dockerjava.api.model.Frame',
                                                          'java.nio.charset.StandardCharsets',
                                                          'java.util.concurrent.atomic.AtomicLong',
                                                          'java.util.function.Consumer'])(DOCKERJAVA), [
             (1, 'java-00-docker-java-frame-debug-line-concatenated',
              'a new callback builds a debug line by concatenation, decoding every frame\'s payload even with debug '
              'off', 'new', [f('pom.xml', new=DOCKERJAVA_POM)]),
             (2, 'java-00-docker-java-info-line-per-frame',
              'an edit logs an info line for every output frame of every attached container', 'edit'),
             (0, 'java-ok-00-docker-java-frames-counted-summary-line',
              'clean: frames counted, one summary line when the attach ends', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-05: directory poller (rdp4j)
RDP4J = r'''
/** Polls the registered directories at a fixed delay and reports added, modified and removed files. */
public final class DirectoryPollerImpl implements DirectoryPoller {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryPollerImpl.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final Notifier notifier;
    private final long pollingInterval;

    DirectoryPollerImpl(Notifier notifier, long pollingInterval) {
        this.notifier = notifier;
        this.pollingInterval = pollingInterval;
    }

    void start() {
01|        executor.scheduleWithFixedDelay(() -> {
01|            try {
01|                pollAll();
01|            } catch (RuntimeException e) {
01|                LOG.error("poll cycle failed", e);
01|                notifier.notifyError(e);
01|            }
01|        }, 0, pollingInterval, TimeUnit.MILLISECONDS);
2|        executor.scheduleWithFixedDelay(this::pollAll, 0, pollingInterval, TimeUnit.MILLISECONDS); //@CONC-07
    }

    @Override
    public void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) { //@{1}CONC-05
02|            executor.shutdownNow();
02|            Thread.currentThread().interrupt();
1|            LOG.warn("interrupted while stopping the poller", e);
        }
        notifier.afterStop();
    }
}
'''
cases_of(case, GH + 'drapostolos/rdp4j/issues/7', src('com.github.drapostolos.rdp4j', 'DirectoryPollerImpl'),
         J('com.github.drapostolos.rdp4j', SLF4J + ['java.util.concurrent.Executors',
                                                    'java.util.concurrent.ScheduledExecutorService',
                                                    'java.util.concurrent.TimeUnit'])(RDP4J), [
             (1, 'java-00-rdp4j-stop-wait-swallows-interrupt',
              'an edit logs the interrupt of the stop wait and goes on, leaving the poll thread running', 'edit'),
             (2, 'java-00-rdp4j-poll-cycle-scheduled-unguarded',
              'an edit schedules the poll cycle directly, so one failing directory silently ends all polling', 'edit'),
             (0, 'java-ok-00-rdp4j-guarded-cycle-interrupt-restored',
              'clean: each poll cycle catches and reports, interrupt restored after shutting the pool down', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: metadata refresh (wren-engine)
WREN = r'''
/** Refreshes the cached metadata of every catalog in parallel. */
public class MetadataRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataRefresher.class);

01|    private final ExecutorService executor = new ThreadPoolExecutor(2, 8, 60, TimeUnit.SECONDS,
01|            new ArrayBlockingQueue<>(64), new ThreadPoolExecutor.CallerRunsPolicy());
2|    private final ExecutorService executor = Executors.newCachedThreadPool(); //@CONC-02
    private final MetadataStore store;

    public MetadataRefresher(MetadataStore store) {
        this.store = store;
    }

    public void refreshAll(List<String> catalogs) throws InterruptedException {
        List<Future<?>> pending = new ArrayList<>();
        for (String catalog : catalogs) {
02|            pending.add(executor.submit(() -> store.refresh(catalog)));
1|            executor.submit(() -> store.refresh(catalog)); //@CONC-06
        }
02|        for (Future<?> f : pending) {
02|            try {
02|                f.get();
02|            } catch (ExecutionException e) {
02|                throw new MetadataException("catalog refresh failed", e.getCause());
02|            }
02|        }
        LOG.info("refreshed {} catalogs", catalogs.size());
    }

    public void close() {
        executor.shutdownNow();
    }
}
'''
cases_of(case, GH + 'Canner/wren-engine/pull/440', src('io.wren.main.metadata', 'MetadataRefresher'),
         J('io.wren.main.metadata', SLF4J + ['java.util.ArrayList', 'java.util.List',
                                             'java.util.concurrent.ArrayBlockingQueue',
                                             'java.util.concurrent.ExecutionException',
                                             'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                                             'java.util.concurrent.Future', 'java.util.concurrent.ThreadPoolExecutor',
                                             'java.util.concurrent.TimeUnit'])(WREN), [
             (1, 'java-00-wren-engine-refresh-futures-dropped',
              'an edit submits each catalog refresh and drops its future, so a failed refresh is reported as done',
              'edit'),
             (2, 'java-00-wren-engine-refresh-pool-unbounded',
              'an edit swaps the bounded pool for a cached one, one new thread per catalog without a limit', 'edit'),
             (0, 'java-ok-00-wren-engine-bounded-pool-futures-checked',
              'clean: bounded pool with caller-runs back-pressure, every future checked', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / CONC-06: JCA Kafka connection (payara cloud connectors)
PAYARA = r'''
/** Connection handed to applications by the Kafka resource adapter. */
public class KafkaManagedConnection implements KafkaConnection {
    private static final Logger LOGGER = Logger.getLogger(KafkaManagedConnection.class.getName());

    private final KafkaProducer<String, String> producer;
    private final Properties properties;

    KafkaManagedConnection(KafkaProducer<String, String> producer, Properties properties) {
        this.producer = producer;
        this.properties = properties;
    }

    @Override
    public void send(String topic, String key, String value) {
1|        KafkaProducer<String, String> producer = new KafkaProducer<>(properties); //@RES-04
1|        producer.send(new ProducerRecord<>(topic, key, value), this::onCompletion);
1|        producer.close();
0|        producer.send(new ProducerRecord<>(topic, key, value), this::onCompletion);
2|        producer.send(new ProducerRecord<>(topic, key, value)); //@CONC-06
    }

    private void onCompletion(RecordMetadata metadata, Exception failure) {
        if (failure != null) {
            LOGGER.log(Level.SEVERE, "kafka send failed", failure);
        }
    }
}
'''
cases_of(case, GH + 'payara/Cloud-Connectors/issues/25', src('fish.payara.cloud.connectors.kafka.outbound', 'KafkaManagedConnection'),
         J('fish.payara.cloud.connectors.kafka.outbound', ['fish.payara.cloud.connectors.kafka.api.KafkaConnection',
                                                           'java.util.Properties', 'java.util.logging.Level',
                                                           'java.util.logging.Logger',
                                                           'org.apache.kafka.clients.producer.KafkaProducer',
                                                           'org.apache.kafka.clients.producer.ProducerRecord',
                                                           'org.apache.kafka.clients.producer.RecordMetadata'])(PAYARA), [
             (1, 'java-00-cloud-connectors-producer-per-send',
              'an edit builds and closes a Kafka producer for every message instead of the pooled one', 'edit'),
             (2, 'java-00-cloud-connectors-send-outcome-dropped',
              'an edit sends without a callback and drops the returned future, so a failed send is never seen', 'edit'),
             (0, 'java-ok-00-cloud-connectors-shared-producer-callback',
              'clean: the pooled producer, every send with a completion callback', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: one-shot consumer (eo-kafka), test beside the clean case
EOKAFKA = r'''
/** Reads what is currently on a topic, once, and commits it. */
public final class OneShotConsumer {
    private final Map<String, Object> settings;

    public OneShotConsumer(Map<String, Object> settings) {
        this.settings = settings;
    }

    public List<String> drain(String topic, Duration timeout) {
1|        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings); //@RES-01
1|        consumer.subscribe(List.of(topic));
1|        List<String> values = new ArrayList<>();
1|        consumer.poll(timeout).forEach(r -> values.add(r.value()));
1|        consumer.commitSync();
1|        consumer.close();
1|        return values;
02|        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
02|            consumer.subscribe(List.of(topic));
02|            List<String> values = new ArrayList<>();
02|            consumer.poll(timeout).forEach(r -> values.add(r.value()));
0|            consumer.commitSync();
2|            try {
2|                consumer.commitSync();
2|            } catch (CommitFailedException e) { //@ERR-01
2|            }
02|            return values;
02|        }
    }
}
'''
EOKAFKA_TEST = r'''package io.github.eocqrs.kafka.consumer;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

final class OneShotConsumerTest {

    @Test
    void keepsItsSettings() {
        OneShotConsumer consumer = new OneShotConsumer(Map.of("group.id", "drain-test"));
        Assertions.assertNotNull(consumer);
    }
}
'''
cases_of(case, GH + 'eo-cqrs/eo-kafka/issues/105', src('io.github.eocqrs.kafka.consumer', 'OneShotConsumer'),
         J('io.github.eocqrs.kafka.consumer', ['java.time.Duration', 'java.util.ArrayList', 'java.util.List', 'java.util.Map',
                                               'org.apache.kafka.clients.consumer.CommitFailedException',
                                               'org.apache.kafka.clients.consumer.KafkaConsumer'])(EOKAFKA), [
             (1, 'java-00-eo-kafka-consumer-closed-only-after-commit',
              'an edit closes the consumer only after a successful poll and commit, so any failure leaves it in the '
              'group', 'edit'),
             (2, 'java-00-eo-kafka-commit-failure-swallowed',
              'an edit swallows a failed commit and returns the records as consumed', 'edit'),
             (0, 'java-ok-00-eo-kafka-consumer-in-try-commit-propagates',
              'clean: consumer in try-with-resources, a failed commit propagates; a test beside it', 'fix',
              [f(tst('io.github.eocqrs.kafka.consumer', 'OneShotConsumerTest'), new=EOKAFKA_TEST)]),
         ])


# ---------------------------------------------------------------- ERR-01 / CONC-03: subscription registry (factcast), CRLF
FACTCAST = r'''
/** Keeps the open fact subscriptions of the server so that they can be cancelled by id. */
@Slf4j
public class SubscriptionRegistry {
01|    private final Map<UUID, Subscription> active = new ConcurrentHashMap<>();
2|    private final Map<UUID, Subscription> active = new HashMap<>(); //@CONC-03

    /** Called from the gRPC threads of every subscribing client. */
    public void register(UUID id, Subscription subscription) {
        active.put(id, subscription);
    }

    /** Called from the gRPC threads when a client cancels, and from the reaper for idle subscriptions. */
    public void cancel(UUID id) {
        Subscription subscription = active.remove(id);
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) { //@{1}ERR-01
02|            log.warn("closing subscription {} failed", id, e);
        }
    }

    public int size() {
        return active.size();
    }
}
'''
cases_of(case, GH + 'factcast/factcast/issues/232', src('org.factcast.server.grpc', 'SubscriptionRegistry'),
         J('org.factcast.server.grpc', ['java.util.HashMap', 'java.util.Map', 'java.util.UUID',
                                        'java.util.concurrent.ConcurrentHashMap', 'lombok.extern.slf4j.Slf4j',
                                        'org.factcast.core.subscription.Subscription'])(FACTCAST), [
             (1, 'java-00-factcast-close-failure-swallowed',
              'an edit empties the catch around closing a cancelled subscription, so a stuck close leaves no trace '
              '(CRLF)', 'edit'),
             (2, 'java-00-factcast-registry-plain-hash-map',
              'an edit keeps the subscriptions in a HashMap that gRPC threads and the reaper change concurrently '
              '(CRLF)', 'edit'),
             (0, 'java-ok-00-factcast-concurrent-registry-close-logged',
              'clean: ConcurrentHashMap, a failed close logged with the subscription id (CRLF)', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TX-01 / TX-02: JPA map store transaction (keycloak), renamed
KEYCLOAK = r'''
/** Runs work of the JPA map storage in a resource-local transaction. */
public class JpaMapTransactionRunner {
    private static final Logger logger = Logger.getLogger(JpaMapTransactionRunner.class);

    private final EntityManager em;

    public JpaMapTransactionRunner(EntityManager em) {
        this.em = em;
    }

    public void run(Consumer<EntityManager> work) {
        EntityTransaction tx = em.getTransaction();
        tx.begin(); //@{1}TX-01
02|        try {
02|            work.accept(em);
02|        } catch (RuntimeException e) {
02|            tx.rollback();
02|            throw e;
02|        }
1|        work.accept(em);
01|        tx.commit();
2|        try {
2|            tx.commit();
2|        } catch (RollbackException e) { //@TX-02
2|            logger.warnf(e, "commit of the map storage transaction failed");
2|        }
    }
}
'''
cases_of(case, GH + 'keycloak/keycloak/issues/15248', src('org.keycloak.models.map.storage.jpa', 'JpaMapTransactionRunner'),
         J('org.keycloak.models.map.storage.jpa', ['jakarta.persistence.EntityManager', 'jakarta.persistence.EntityTransaction',
                                                   'jakarta.persistence.RollbackException', 'java.util.function.Consumer',
                                                   'org.jboss.logging.Logger'])(KEYCLOAK), [
             (1, 'java-00-keycloak-renamed-runner-failed-work-not-rolled-back',
              'a PR renames the runner class and drops the rollback, so failed work leaves the transaction open on the '
              'connection', 'rename'),
             (2, 'java-00-keycloak-renamed-runner-commit-failure-logged-only',
              'a PR renames the runner class and logs a failed commit instead of reporting it to the caller', 'rename'),
             (0, 'java-ok-00-keycloak-renamed-runner-rollback-commit-propagates',
              'clean: the rename alone; rollback and rethrow, commit failure propagates', 'rename'),
         ], rename_from=src('org.keycloak.models.map.storage.jpa', 'JpaTransactionWrapper'),
         rename_old=lambda text: text.replace('JpaMapTransactionRunner', 'JpaTransactionWrapper'))


# ---------------------------------------------------------------- CONC-04 / LOG-02: request id on the event loop (raml-module-builder)
FOLIO = r'''
/** Routes every API request of the module and tags its log lines with the request id. */
public class RestRouting {
    private static final Logger log = LogManager.getLogger(RestRouting.class);

    public void handle(RoutingContext rc) {
        String reqId = rc.request().getHeader("X-Okapi-Request-Id");
        ThreadContext.put("reqId", reqId); //@{1}CONC-04
02|        try {
02|            route(rc);
02|        } finally {
02|            ThreadContext.remove("reqId");
02|        }
1|        route(rc);
    }

    private void route(RoutingContext rc) {
        String path = rc.request().path();
        Endpoint endpoint = Endpoints.match(rc.request().method().name(), path);
01|        log.debug("invoking {} {} with params {}", endpoint.method(), path, rc.queryParams());
2|        log.debug("invoking " + endpoint.method() + " " + path + " with params " + rc.queryParams()); //@LOG-02
        endpoint.invoke(rc);
    }
}
'''
cases_of(case, GH + 'folio-org/raml-module-builder/pull/728', src('org.folio.rest', 'RestRouting'),
         J('org.folio.rest', ['io.vertx.ext.web.RoutingContext', 'org.apache.logging.log4j.LogManager',
                              'org.apache.logging.log4j.Logger', 'org.apache.logging.log4j.ThreadContext',
                              'org.folio.rest.tools.Endpoint', 'org.folio.rest.tools.Endpoints'])(FOLIO), [
             (1, 'java-00-raml-module-builder-request-id-left-on-event-loop',
              'an edit puts the request id into the thread context and never removes it, so the event loop tags '
              'later requests with it', 'edit'),
             (2, 'java-00-raml-module-builder-routing-debug-line-concatenated',
              'an edit builds the routing debug line by concatenation for every request, even with debug off', 'edit'),
             (0, 'java-ok-00-raml-module-builder-request-id-removed-in-finally',
              'clean: request id removed in finally, debug line with placeholders', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: bot loop (WurmHelper), two files
WURM = r'''
/** Base of the client-side bots: a loop that works, then waits for its timeout. */
public abstract class Bot implements Runnable {
    protected volatile boolean running = true;
    protected volatile long timeout = 1000;

    public void start() {
01|        Thread thread = BotThreads.newThread(this, getClass().getSimpleName());
2|        Thread thread = new Thread(this, getClass().getSimpleName()); //@CONC-01
        thread.start();
    }

    @Override
    public void run() {
        while (running) {
            work();
            try {
                Thread.sleep(timeout);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                running = false;
            }
        }
        Chat.print(getClass().getSimpleName() + " stopped");
    }

    protected abstract void work();
}
'''
WURM_THREADS = r'''package net.ildar.wurm.bot;

import net.ildar.wurm.Chat;

/** Threads for bots: an uncaught failure is shown in the chat instead of ending the bot silently. */
final class BotThreads {
    private BotThreads() {
    }

    static Thread newThread(Runnable bot, String name) {
        Thread thread = new Thread(bot, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> Chat.print(t.getName() + " crashed: " + e));
        return thread;
    }
}
'''
cases_of(case, GH + 'IldarW/WurmHelper/pull/23', 'main/java/net/ildar/wurm/bot/Bot.java',
         J('net.ildar.wurm.bot', ['net.ildar.wurm.Chat'])(WURM), [
             (1, 'java-00-wurmhelper-bot-wait-swallows-interrupt',
              'an edit empties the catch of the bot\'s wait, so interrupting a bot never stops it', 'edit'),
             (2, 'java-00-wurmhelper-bot-on-plain-thread',
              'an edit starts each bot on a plain thread, so an exception in its work ends it without a word', 'edit'),
             (0, 'java-ok-00-wurmhelper-interrupt-stops-bot-guarded-thread',
              'clean: interrupt restored and the loop left, bot thread from the helper with an uncaught-exception '
              'handler in a second file', 'fix', [f('main/java/net/ildar/wurm/bot/BotThreads.java', new=WURM_THREADS)]),
         ])
