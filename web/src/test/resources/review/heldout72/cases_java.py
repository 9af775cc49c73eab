"""Round-72 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / LOG-02: journal position lookup of a Debezium connector for IBM i (debezium-connector-ibmi)
IBMI = template('ibmi-journal-info-retrieval', r'''
/**
 * Reads where a DB2 for i journal currently writes, so the connector can resume from the right receiver.
 */
public class JournalInfoRetrieval {
    private static final Logger log = LoggerFactory.getLogger(JournalInfoRetrieval.class);

    private static final String CURRENT_RECEIVER_SQL =
            "SELECT ATTACHED_JOURNAL_RECEIVER_LIBRARY, ATTACHED_JOURNAL_RECEIVER_NAME, RECEIVER_SEQUENCE"
                    + " FROM QSYS2.JOURNAL_INFO WHERE JOURNAL_LIBRARY = ? AND JOURNAL_NAME = ?";

    private final DataSource dataSource;

    public JournalInfoRetrieval(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The receiver the journal writes to now; polled before every fetch of journal entries. */
    public JournalReceiver currentReceiver(JournalInfo journal) throws SQLException {
02|        try (Connection con = dataSource.getConnection();
02|                PreparedStatement ps = con.prepareStatement(CURRENT_RECEIVER_SQL)) {
1|        Connection con = dataSource.getConnection(); //@RES-01
1|        PreparedStatement ps = con.prepareStatement(CURRENT_RECEIVER_SQL);
1|        try {
            ps.setString(1, journal.journalLibrary());
            ps.setString(2, journal.journalName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("journal " + journal + " not found in QSYS2.JOURNAL_INFO");
                }
                JournalReceiver receiver = new JournalReceiver(rs.getString(1).trim(), rs.getString(2).trim(),
                        rs.getLong(3));
01|                log.debug("current receiver of {} is {}", journal, receiver);
2|                log.debug("current receiver of " + journal + " is " + receiver); //@LOG-02
                return receiver;
            }
02|        }
1|        } finally {
1|            ps.close();
1|        }
    }
}
''')
cases_of(case, GH + 'Popsink/debezium-connector-ibmi/issues/40',
         src('io.debezium.connector.db2as400.journal', 'JournalInfoRetrieval'),
         J('io.debezium.connector.db2as400.journal', SLF4J + [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'javax.sql.DataSource'])(IBMI), [
             (1, 'java-00-ibmi-journal-receiver-connection-never-closed',
              'an edit takes the connection and statement of the receiver lookup out of try-with-resources and '
              'never closes them, so every poll of the journal leaves a host server job open on the IBM i', 'edit'),
             (2, 'java-00-ibmi-journal-receiver-debug-log-concatenated',
              'an edit builds the debug message of every receiver lookup by concatenation, so each poll pays for '
              'two toString calls even with debug logging off', 'edit'),
             (0, 'java-ok-00-ibmi-journal-receiver-connection-closed',
              'clean: the fix closes the connection and statement with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / ERR-01: snapshot split context of a Postgres CDC source (flink-cdc)
FLINKCDC = template('flink-cdc-postgres-fetch-context', r'''
/** The context a Postgres snapshot or stream split is read in; one instance serves every split of a reader. */
public class PostgresSourceFetchTaskContext extends JdbcSourceFetchTaskContext {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSourceFetchTaskContext.class);

    private final PostgresConnection jdbcConnection;
    private final PostgresConnectorConfig dbzConfig;
    private PostgresReplicationConnection replicationConnection;
    private PostgresOffsetContext offsetContext;

    public PostgresSourceFetchTaskContext(
            JdbcSourceConfig sourceConfig, JdbcDataSourceDialect dataSourceDialect, PostgresConnection jdbcConnection) {
        super(sourceConfig, dataSourceDialect);
        this.jdbcConnection = jdbcConnection;
        this.dbzConfig = (PostgresConnectorConfig) sourceConfig.getDbzConnectorConfig();
    }

    @Override
    public void configure(SourceSplitBase sourceSplitBase) {
        LOG.debug("Configuring fetch context for split {}", sourceSplitBase.splitId());
        PostgresConnection.PostgresValueConverterBuilder valueConverterBuilder = newValueConverterBuilder(dbzConfig);
02|        if (replicationConnection == null) {
02|            replicationConnection = createReplicationConnection(
02|                    (PostgresTaskContext) taskContext, jdbcConnection, false, dbzConfig);
02|        }
1|        replicationConnection = new PostgresReplicationConnection.Builder(dbzConfig) //@RES-04
1|                .withSlot(dbzConfig.slotName())
1|                .withPlugin(dbzConfig.plugin())
1|                .withTypeRegistry(jdbcConnection.getTypeRegistry())
1|                .build();
        this.offsetContext = loadStartingOffsetState(new PostgresOffsetContext.Loader(dbzConfig), sourceSplitBase);
        this.schema = PostgresObjectUtils.newSchema(jdbcConnection, dbzConfig, valueConverterBuilder);
    }

    @Override
    public void close() throws Exception {
        try {
            if (jdbcConnection != null) {
                jdbcConnection.close();
            }
            if (replicationConnection != null) {
                replicationConnection.close();
            }
01|        } catch (SQLException e) {
01|            throw new FlinkRuntimeException("Failed to close the connections of the fetch context", e);
01|        }
2|        } catch (SQLException e) { //@ERR-01
2|        }
    }
}
''')
cases_of(case, GH + 'apache/flink-cdc/issues/2980',
         'flink-connector-postgres-cdc/' + src('org.apache.flink.cdc.connectors.postgres.source.fetch',
                                              'PostgresSourceFetchTaskContext'),
         J('org.apache.flink.cdc.connectors.postgres.source.fetch', SLF4J + [
             'io.debezium.connector.postgresql.PostgresConnectorConfig',
             'io.debezium.connector.postgresql.PostgresObjectUtils', 'io.debezium.connector.postgresql.PostgresOffsetContext',
             'io.debezium.connector.postgresql.PostgresTaskContext',
             'io.debezium.connector.postgresql.connection.PostgresConnection',
             'io.debezium.connector.postgresql.connection.PostgresReplicationConnection',
             'java.sql.SQLException', 'org.apache.flink.cdc.connectors.base.config.JdbcSourceConfig',
             'org.apache.flink.cdc.connectors.base.dialect.JdbcDataSourceDialect',
             'org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitBase',
             'org.apache.flink.cdc.connectors.base.source.reader.external.JdbcSourceFetchTaskContext',
             'org.apache.flink.util.FlinkRuntimeException'])(FLINKCDC), [
             (1, 'java-00-flink-cdc-replication-connection-per-split',
              'an edit builds a new replication connection for every split the reader configures, so a snapshot '
              'of many splits opens one Postgres connection per split and exhausts max_connections', 'edit'),
             (2, 'java-00-flink-cdc-close-failure-swallowed',
              'an edit swallows a failure to close the fetch context\'s connections in an empty catch, so a '
              'connection that did not close is never reported', 'edit'),
             (0, 'java-ok-00-flink-cdc-replication-connection-reused',
              'clean: the fix creates the replication connection once and reuses it for every split', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-05: metadata reload of a Java ORM's tool (speedment)
SPEEDMENT = template('speedment-metadata-reload', r'''
/**
 * Reloads the schema metadata of every DBMS of a project and merges it into the project the tool shows.
 */
public final class MetadataReloader {

    private static final Logger LOGGER = LoggerManager.getLogger(MetadataReloader.class);

    private final DbmsHandlerComponent dbmsHandlers;
    private final ProjectComponent projects;
    private final Duration timeout;

    public MetadataReloader(DbmsHandlerComponent dbmsHandlers, ProjectComponent projects, Duration timeout) {
        this.dbmsHandlers = requireNonNull(dbmsHandlers);
        this.projects = requireNonNull(projects);
        this.timeout = requireNonNull(timeout);
    }

    /** Reads every DBMS of the project in parallel and merges the results once all have been read. */
    public void reload(Project project, ProgressMeasure progress, Predicate<String> schemaFilter) {
02|        final CompletableFuture<?>[] loads = project.dbmses()
02|            .map(dbms -> dbmsHandlers.findByName(dbms.getTypeName())
02|                .readSchemaMetadata(dbms, progress, schemaFilter)
02|                .thenAccept(this::merge))
02|            .toArray(CompletableFuture[]::new);
02|
02|        try {
02|            CompletableFuture.allOf(loads).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
02|        } catch (InterruptedException ex) { //@{2}CONC-05
0|            Thread.currentThread().interrupt();
0|            throw new SpeedmentException("Interrupted while reloading the metadata of " + project.getName(), ex);
2|            LOGGER.warn("Interrupted while reloading the metadata of %s", project.getName());
02|        } catch (ExecutionException | TimeoutException ex) {
02|            throw new SpeedmentException("Failed to reload the metadata of " + project.getName(), ex);
02|        }
1|        project.dbmses().forEach(dbms -> dbmsHandlers.findByName(dbms.getTypeName()) //@CONC-06
1|            .readSchemaMetadata(dbms, progress, schemaFilter)
1|            .thenAccept(this::merge));
        progress.setCurrentAction("Done!");
        progress.setProgress(ProgressMeasure.DONE);
    }

    private synchronized void merge(Project loaded) {
        projects.getProject().mutator().merge(loaded);
    }
}
''')
SPEEDMENT_BASE = ['com.speedment.common.logger.Logger', 'com.speedment.common.logger.LoggerManager',
                  'com.speedment.runtime.config.Project', 'com.speedment.runtime.core.component.DbmsHandlerComponent',
                  'com.speedment.runtime.core.component.ProjectComponent',
                  'com.speedment.runtime.core.util.ProgressMeasure', 'java.time.Duration',
                  'java.util.function.Predicate', 'static java.util.Objects.requireNonNull']
SPEEDMENT_WAIT = ['com.speedment.runtime.core.exception.SpeedmentException', 'java.util.concurrent.CompletableFuture',
                  'java.util.concurrent.ExecutionException', 'java.util.concurrent.TimeUnit',
                  'java.util.concurrent.TimeoutException']
cases_of(case, GH + 'speedment/speedment/issues/316',
         'tool-parent/tool-core/' + src('com.speedment.tool.core.internal.util', 'MetadataReloader'),
         JV('com.speedment.tool.core.internal.util', {0: SPEEDMENT_BASE + SPEEDMENT_WAIT, 1: SPEEDMENT_BASE,
                                                       2: SPEEDMENT_BASE + SPEEDMENT_WAIT})(SPEEDMENT), [
             (1, 'java-00-speedment-reload-futures-dropped',
              'a PR reloads each DBMS with a fire-and-forget future and reports Done at once, so a schema that '
              'fails to read leaves the tool with stale metadata and no error', 'edit'),
             (2, 'java-00-speedment-reload-interrupt-swallowed',
              'an edit logs an interrupt of the reload wait and carries on, so the tool\'s shutdown waits for a '
              'reload thread that has forgotten it was interrupted', 'edit'),
             (0, 'java-ok-00-speedment-reload-waits-for-futures',
              'clean: the reload waits for every DBMS future with a timeout and reports failures', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: Elasticsearch indexer bolt of a web crawler (stormcrawler)
STORMCRAWLER = template('stormcrawler-es-indexer', r'''
/** Sends the text and metadata of fetched pages to an Elasticsearch index. */
public class IndexerBolt extends AbstractIndexerBolt {

    private static final Logger LOG = LoggerFactory.getLogger(IndexerBolt.class);
    private static final String BOLT_TYPE = "indexer";

    private OutputCollector collector;
    private RestHighLevelClient client;
    private String indexName;
    private Map<String, Object> conf;

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        super.prepare(conf, context, collector);
        this.collector = collector;
        this.conf = conf;
        this.indexName = ConfUtils.getString(conf, "es.indexer.index.name", "content");
02|        this.client = createClient(conf);
    }

    /** A client for the nodes in es.indexer.addresses, with the connect and socket timeouts of the configuration. */
    static RestHighLevelClient createClient(Map<String, Object> conf) {
        List<HttpHost> hosts = new ArrayList<>();
        for (String address : ConfUtils.loadListFromConf("es." + BOLT_TYPE + ".addresses", conf)) {
            hosts.add(HttpHost.create(address));
        }
        RestClientBuilder builder = RestClient.builder(hosts.toArray(new HttpHost[0])); //@{1}TMO-01
02|        int connectTimeout = ConfUtils.getInt(conf, "es." + BOLT_TYPE + ".connect.timeout", 1000);
02|        int socketTimeout = ConfUtils.getInt(conf, "es." + BOLT_TYPE + ".socket.timeout", 30000);
02|        builder.setRequestConfigCallback(
02|                config -> config.setConnectTimeout(connectTimeout).setSocketTimeout(socketTimeout));
        return new RestHighLevelClient(builder);
    }

    @Override
    public void execute(Tuple tuple) {
        String url = tuple.getStringByField("url");
        Metadata metadata = (Metadata) tuple.getValueByField("metadata");
        String text = tuple.getStringByField("text");
        if (!filterDocument(metadata)) {
            collector.emit(StatusStreamName, tuple, new Values(url, metadata, Status.FETCHED));
            collector.ack(tuple);
            return;
        }
2|        RestHighLevelClient client = createClient(conf); //@RES-04
        try {
            XContentBuilder doc = jsonBuilder().startObject().field("url", url).field("content", text);
            doc = addMetadata(doc, metadata).endObject();
            IndexRequest request = new IndexRequest(indexName).id(getDocumentID(metadata, url)).source(doc);
            client.index(request, RequestOptions.DEFAULT);
            collector.emit(StatusStreamName, tuple, new Values(url, metadata, Status.FETCHED));
            collector.ack(tuple);
        } catch (IOException e) {
            LOG.error("Error indexing {}", url, e);
            collector.fail(tuple);
        }
    }
}
''')
cases_of(case, GH + 'apache/stormcrawler/pull/680',
         'external/elasticsearch/' + src('com.digitalpebble.stormcrawler.elasticsearch.bolt', 'IndexerBolt'),
         J('com.digitalpebble.stormcrawler.elasticsearch.bolt', SLF4J + [
             'com.digitalpebble.stormcrawler.Metadata', 'com.digitalpebble.stormcrawler.indexing.AbstractIndexerBolt',
             'com.digitalpebble.stormcrawler.persistence.Status', 'com.digitalpebble.stormcrawler.util.ConfUtils',
             'java.io.IOException', 'java.util.ArrayList', 'java.util.List', 'java.util.Map',
             'org.apache.http.HttpHost', 'org.apache.storm.task.OutputCollector',
             'org.apache.storm.task.TopologyContext', 'org.apache.storm.tuple.Tuple', 'org.apache.storm.tuple.Values',
             'org.elasticsearch.action.index.IndexRequest', 'org.elasticsearch.client.RequestOptions',
             'org.elasticsearch.client.RestClient', 'org.elasticsearch.client.RestClientBuilder',
             'org.elasticsearch.client.RestHighLevelClient', 'org.elasticsearch.common.xcontent.XContentBuilder',
             'static org.elasticsearch.common.xcontent.XContentFactory.jsonBuilder'])(STORMCRAWLER), [
             (1, 'java-00-stormcrawler-es-client-without-timeouts',
              'an edit builds the indexer\'s REST client without the configured connect and socket timeouts, so a '
              'stalled Elasticsearch node blocks the bolt\'s executor thread indefinitely', 'edit'),
             (2, 'java-00-stormcrawler-es-client-per-tuple',
              'an edit builds a new REST client for every tuple instead of once in prepare, so each indexed page '
              'opens a fresh connection pool and its I/O threads', 'edit'),
             (0, 'java-ok-00-stormcrawler-es-client-with-timeouts',
              'clean: the fix reads es.indexer.connect.timeout and socket.timeout into the client\'s request config',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: job polling of a Kafka Connect source for Zeebe (kafka-connect-zeebe)
ZEEBE = template('zeebe-source-task', r'''
/** Activates Zeebe jobs of the configured types and hands their variables to Kafka as source records. */
public class ZeebeSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(ZeebeSourceTask.class);

    private ZeebeClient client;
    private ZeebeSourceBackoff backoff;
    private ZeebeSourceInflightRegistry inflightRegistry;
    private ZeebeSourceTaskFetcher taskFetcher;

    @Override
    public List<SourceRecord> poll() {
        if (!inflightRegistry.hasCapacity()) {
            backoff.backoff();
            return null;
        }
        List<SourceRecord> records = inflightRegistry.jobTypesWithCapacity()
                .flatMap(this::fetchJobs)
                .map(inflightRegistry::registerJob)
                .map(this::transformJob)
                .collect(Collectors.toList());
        if (records.isEmpty()) {
            backoff.backoff();
        } else {
            backoff.reset();
        }
        return records;
    }

    @Override
    public void commitRecord(SourceRecord record) {
        long key = (Long) record.sourceOffset().get("key");
02|        client.newCompleteCommand(key).send().whenComplete((ok, failure) -> {
02|            if (failure != null) {
02|                LOG.warn("Failed to complete job {}; Zeebe will hand it out again after its timeout", key, failure);
02|            }
02|        });
1|        client.newCompleteCommand(key).send(); //@CONC-06
        inflightRegistry.unregisterJob(key);
    }

    private Stream<ActivatedJob> fetchJobs(String jobType) {
        return taskFetcher.fetchBatch(client, jobType).stream();
    }
}

/** Sleeps between empty polls, doubling the pause up to a maximum. */
class ZeebeSourceBackoff {
    private final long minBackoff;
    private final long maxBackoff;
    private long backoff;

    ZeebeSourceBackoff(long minBackoff, long maxBackoff) {
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = -1;
    }

    void reset() {
        backoff = -1;
    }

    void backoff() {
        backoff = Math.min(Math.max(backoff, minBackoff) * 2, maxBackoff);
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
2|            // ignore
        }
    }
}
''')
cases_of(case, GH + 'camunda-community-hub/kafka-connect-zeebe/pull/30',
         src('io.zeebe.kafka.connect.source', 'ZeebeSourceTask'),
         J('io.zeebe.kafka.connect.source', SLF4J + [
             'io.camunda.zeebe.client.ZeebeClient', 'io.camunda.zeebe.client.api.response.ActivatedJob',
             'java.util.List', 'java.util.stream.Collectors', 'java.util.stream.Stream',
             'org.apache.kafka.connect.source.SourceRecord', 'org.apache.kafka.connect.source.SourceTask'])(ZEEBE), [
             (1, 'java-00-zeebe-source-complete-future-dropped',
              'an edit sends the complete command of each committed record and drops its future, so a job that '
              'fails to complete is silently handed out again and produced twice', 'edit'),
             (2, 'java-00-zeebe-source-backoff-swallows-interrupt',
              'an edit ignores an interrupt of the backoff sleep, so Kafka Connect cannot stop the task while it '
              'waits for jobs', 'edit'),
             (0, 'java-ok-00-zeebe-source-complete-failure-logged',
              'clean: the fix logs a failed complete command through the future\'s whenComplete', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-05: background polling thread of cloud storage source connectors (cloud-storage-connectors-for-apache-kafka)
AIVEN = template('aiven-source-record-poller', r'''
/**
 * Reads source records on a thread of its own, so a slow object store does not hold up the task's poll.
 * Records are handed over through a bounded queue; a failure of the thread is rethrown by the next poll.
 */
public final class SourceRecordPoller implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(SourceRecordPoller.class);

    private final BlockingQueue<SourceRecord> queue;
    private final Iterator<SourceRecord> source;
    private final Backoff backoff;
    private final AtomicBoolean running = new AtomicBoolean(true);
02|    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    public SourceRecordPoller(Iterator<SourceRecord> source, int capacity, Backoff backoff) {
        this.source = source;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.backoff = backoff;
        this.thread = new Thread(this::run, "source-record-poller"); //@{1}CONC-01
        thread.setDaemon(true);
02|        thread.setUncaughtExceptionHandler((t, e) -> {
02|            LOGGER.error("{} stopped", t.getName(), e);
02|            failure.set(e);
02|        });
        thread.start();
    }

    private void run() {
        try {
            while (running.get()) {
                if (!source.hasNext()) {
                    backoff.delay();
                    continue;
                }
                SourceRecord record = source.next();
                while (running.get() && !queue.offer(record, 1, TimeUnit.SECONDS)) {
                    LOGGER.debug("Queue full, waiting for the task to poll");
                }
            }
        } catch (InterruptedException e) { //@{2}CONC-05
01|            Thread.currentThread().interrupt();
            LOGGER.warn("{} interrupted, exiting", Thread.currentThread().getName());
        }
    }

    /** The records read since the last call, at most max. */
    public List<SourceRecord> drain(int max) {
02|        Throwable cause = failure.get();
02|        if (cause != null) {
02|            throw new ConnectException("Reading source records failed", cause);
02|        }
        List<SourceRecord> records = new ArrayList<>(max);
        queue.drainTo(records, max);
        return records;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
''')
AIVEN_BASE = SLF4J + ['java.util.ArrayList', 'java.util.Iterator', 'java.util.List',
                      'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.BlockingQueue',
                      'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicBoolean',
                      'org.apache.kafka.connect.source.SourceRecord']
AIVEN_FAIL = ['java.util.concurrent.atomic.AtomicReference', 'org.apache.kafka.connect.errors.ConnectException']
cases_of(case, GH + 'Aiven-Open/cloud-storage-connectors-for-apache-kafka/pull/399',
         'commons/' + src('io.aiven.kafka.connect.common.source', 'SourceRecordPoller'),
         JV('io.aiven.kafka.connect.common.source', {0: AIVEN_BASE + AIVEN_FAIL, 1: AIVEN_BASE,
                                                     2: AIVEN_BASE + AIVEN_FAIL})(AIVEN), [
             (1, 'java-00-aiven-new-poller-thread-dies-silently',
              'a new poller starts its reading thread without an uncaught-exception handler, so an object-store '
              'error kills the thread and the task polls an empty queue forever', 'new'),
             (2, 'java-00-aiven-new-poller-interrupt-swallowed',
              'a new poller logs an interrupt of its reading thread without restoring the flag, so the code that '
              'interrupted it cannot tell the thread stopped for that reason', 'new'),
             (0, 'java-ok-00-aiven-new-poller',
              'clean: a new poller whose thread records its failure for the next poll and keeps the interrupt flag',
              'new'),
         ])


# ---------------------------------------------------------------- TX-01 / ERR-01: schema history table of a database migration tool, renamed with its package (flyway)
FLYWAY = template('flyway-schema-history-create', r'''
/**
 * The schema history table, kept in the database Flyway migrates.
 */
public class JdbcTableSchemaHistory extends SchemaHistory {
    private final Database database;
    private final JdbcTemplate jdbcTemplate;

    JdbcTableSchemaHistory(JdbcTemplate jdbcTemplate, Database database, Table table) {
        this.table = table;
        this.database = database;
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public boolean exists() {
        return table.exists();
    }

    /** Creates the table, in a transaction of its own when the connection is not in auto-commit mode. */
    @Override
    public void create(boolean baseline) {
        Connection connection = jdbcTemplate.getConnection();
        boolean autoCommit = getAutoCommit(connection);
        try {
            connection.setAutoCommit(false);
            jdbcTemplate.execute(database.getRawCreateScript(table, baseline)); //@{1}TX-01
            connection.commit();
        } catch (SQLException e) {
02|            try {
02|                connection.rollback();
0|            } catch (SQLException rollbackFailure) {
0|                e.addSuppressed(rollbackFailure);
0|            }
2|            } catch (SQLException rollbackFailure) { //@ERR-01
2|            }
            throw new FlywaySqlException("Unable to create Schema History table " + table, e);
        } finally {
            restoreAutoCommit(connection, autoCommit);
        }
    }

    private static boolean getAutoCommit(Connection connection) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            throw new FlywaySqlException("Unable to read the auto-commit mode of the connection", e);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw new FlywaySqlException("Unable to restore the auto-commit mode of the connection", e);
        }
    }
}
''')
cases_of(case, GH + 'flyway/flyway/pull/1988',
         'flyway-core/' + src('org.flywaydb.core.internal.schemahistory', 'JdbcTableSchemaHistory'),
         J('org.flywaydb.core.internal.schemahistory', [
             'java.sql.Connection', 'java.sql.SQLException', 'org.flywaydb.core.internal.database.base.Database',
             'org.flywaydb.core.internal.database.base.Table',
             'org.flywaydb.core.internal.exception.FlywaySqlException',
             'org.flywaydb.core.internal.jdbc.JdbcTemplate'])(FLYWAY), [
             (1, 'java-00-flyway-renamed-history-create-not-rolled-back',
              'a PR renames the metadata table class to the schema history and drops the rollback when its '
              'creation fails, so with auto-commit off the failed transaction poisons the connection for the '
              'migrations that follow', 'rename'),
             (2, 'java-00-flyway-renamed-history-rollback-failure-swallowed',
              'a PR renames the metadata table class to the schema history and swallows a failed rollback in an '
              'empty catch, so the error that left the connection unusable is never seen', 'rename'),
             (0, 'java-ok-00-flyway-renamed-history-create',
              'clean: the rename alone; a failed creation is rolled back and a failed rollback kept as suppressed',
              'rename'),
         ], rename_from='flyway-core/' + src('org.flywaydb.core.internal.metadatatable', 'MetaDataTableImpl'),
         rename_old=lambda t: t.replace('org.flywaydb.core.internal.schemahistory',
                                        'org.flywaydb.core.internal.metadatatable')
                                .replace('JdbcTableSchemaHistory', 'MetaDataTableImpl')
                                .replace('extends SchemaHistory', 'extends MetaDataTable')
                                .replace('Schema History table', 'Metadata table'))


# ---------------------------------------------------------------- TIME-01 / RES-01: table export of a database image tool (jdbcimage)
JDBCIMAGE = template('jdbcimage-table-export', r'''
/**
 * Exports one table to a file of its own, one line per row, so that the import can run on another database.
 */
public class TableExport {
1|    private static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS";

    private final DataSource dataSource;
    private final File directory;

    public TableExport(DataSource dataSource, File directory) {
        this.dataSource = dataSource;
        this.directory = directory;
    }

    /** Writes every row of table to directory/table and returns the number of rows. */
    public long export(String table) throws SQLException, IOException {
        File out = new File(directory, table);
        long rows = 0;
        try (Connection con = dataSource.getConnection();
                Statement stmt = con.createStatement();
                ResultSet rs = stmt.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
01|            try (Writer writer = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(out), StandardCharsets.UTF_8))) {
2|            Writer writer = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(out), StandardCharsets.UTF_8)); //@RES-01
2|            try {
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        if (i > 1) {
                            line.append('\t');
                        }
                        line.append(format(rs, i, meta.getColumnType(i)));
                    }
                    writer.write(line.append('\n').toString());
                    rows++;
                }
01|            }
2|            } finally {
2|                writer.flush();
2|            }
        }
        return rows;
    }

    private String format(ResultSet rs, int column, int sqlType) throws SQLException {
        if (sqlType == Types.TIMESTAMP || sqlType == Types.DATE) {
            Timestamp ts = rs.getTimestamp(column);
02|            return ts == null ? "" : DateTimeFormatter.ISO_INSTANT.format(ts.toInstant());
1|            return ts == null ? "" : new SimpleDateFormat(TIMESTAMP_PATTERN).format(ts); //@TIME-01
        }
        String value = rs.getString(column);
        return value == null ? "" : escape(value);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }
}
''')
JDBCIMAGE_BASE = ['java.io.BufferedWriter', 'java.io.File', 'java.io.FileOutputStream', 'java.io.IOException',
                  'java.io.OutputStreamWriter', 'java.io.Writer', 'java.nio.charset.StandardCharsets',
                  'java.sql.Connection', 'java.sql.ResultSet', 'java.sql.ResultSetMetaData', 'java.sql.SQLException',
                  'java.sql.Statement', 'java.sql.Timestamp', 'java.sql.Types', 'javax.sql.DataSource']
cases_of(case, GH + 'sranka/jdbcimage/issues/19', src('pz.tool.jdbcimage.main', 'TableExport'),
         JV('pz.tool.jdbcimage.main', {0: JDBCIMAGE_BASE + ['java.time.format.DateTimeFormatter'],
                                       1: JDBCIMAGE_BASE + ['java.text.SimpleDateFormat'],
                                       2: JDBCIMAGE_BASE + ['java.time.format.DateTimeFormatter']})(JDBCIMAGE), [
             (1, 'java-00-jdbcimage-export-timestamps-in-local-zone',
              'an edit writes exported timestamps with a SimpleDateFormat in the JVM\'s default zone, so an image '
              'exported in Europe and imported in the US shifts every timestamp by the zones\' difference', 'edit'),
             (2, 'java-00-jdbcimage-export-writer-never-closed',
              'an edit takes the table file\'s writer out of try-with-resources and only flushes it, so every '
              'exported table keeps a file handle until the export ends', 'edit'),
             (0, 'java-ok-00-jdbcimage-export-timestamps-as-instants',
              'clean: the fix writes timestamps as UTC instants with DateTimeFormatter.ISO_INSTANT', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-02 / RES-04: object metadata call of an S3-compatible storage client (minio-java)
MINIO = template('minio-stat-object', r'''
/** Core S3 API implementations shared by the synchronous and asynchronous clients. */
public abstract class S3Base {
  protected final HttpUrl baseUrl;
  protected final Provider provider;
  protected final OkHttpClient httpClient;

  protected S3Base(HttpUrl baseUrl, Provider provider, OkHttpClient httpClient) {
    this.baseUrl = baseUrl;
    this.provider = provider;
    this.httpClient = httpClient;
  }

  /** Reads the object's metadata with a HEAD request. */
  protected StatObjectResponse statObject(StatObjectArgs args) throws IOException, MinioException {
    args.validateSsec(baseUrl);
    String region = getRegion(args.bucket(), args.region());
    HttpUrl url = buildUrl(Method.HEAD, args.bucket(), args.object(), region, args.extraQueryParams());
    Request request = createRequest(url, Method.HEAD, args.extraHeaders(), null, region);
2|    OkHttpClient client = new OkHttpClient.Builder() //@RES-04
2|        .connectTimeout(DEFAULT_CONNECTION_TIMEOUT, TimeUnit.MINUTES)
2|        .readTimeout(DEFAULT_CONNECTION_TIMEOUT, TimeUnit.MINUTES)
2|        .build();
0|    try (Response response = httpClient.newCall(request).execute()) {
2|    try (Response response = client.newCall(request).execute()) {
02|      if (!response.isSuccessful()) {
02|        throw toErrorResponseException(response, args.bucket(), args.object());
02|      }
02|      return new StatObjectResponse(response.headers(), args.bucket(), region, args.object());
02|    }
1|    Response response = httpClient.newCall(request).execute(); //@RES-02
1|    if (!response.isSuccessful()) {
1|      throw toErrorResponseException(response, args.bucket(), args.object());
1|    }
1|    return new StatObjectResponse(response.headers(), args.bucket(), region, args.object());
  }
}
''')
cases_of(case, GH + 'minio/minio-java/issues/696', 'api/' + src('io.minio', 'S3Base'),
         J('io.minio', ['io.minio.credentials.Provider', 'io.minio.errors.MinioException',
                        'io.minio.http.Method', 'java.io.IOException', 'java.util.concurrent.TimeUnit',
                        'okhttp3.HttpUrl', 'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response'])(MINIO), [
             (1, 'java-00-minio-stat-object-response-never-closed',
              'an edit takes the HEAD response of statObject out of try-with-resources, so every stat call leaks '
              'a connection and OkHttp warns that a connection was leaked', 'edit'),
             (2, 'java-00-minio-stat-object-client-per-call',
              'an edit builds a new OkHttpClient for every statObject call, so each call gets its own connection '
              'pool and dispatcher threads', 'edit'),
             (0, 'java-ok-00-minio-stat-object-response-closed',
              'clean: the fix closes the HEAD response with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / LOG-02: timed flush of a Pulsar JDBC sink (pulsar-connectors)
PULSARJDBC = template('pulsar-jdbc-sink-flush', r'''
/**
 * A Pulsar sink that writes records to a JDBC table in batches, flushed when a batch fills or on a timer.
 */
public abstract class JdbcAbstractSink<T> implements Sink<T> {
    private static final Logger log = LoggerFactory.getLogger(JdbcAbstractSink.class);

    protected JdbcSinkConfig jdbcSinkConfig;
    protected Connection connection;
    private PreparedStatement insertStatement;
    private final Deque<Record<T>> incomingList = new ArrayDeque<>();
    private ScheduledExecutorService flushExecutor;
    private SinkContext sinkContext;

    @Override
    public void open(Map<String, Object> config, SinkContext sinkContext) throws Exception {
        this.sinkContext = sinkContext;
        jdbcSinkConfig = JdbcSinkConfig.load(config);
        connection = DriverManager.getConnection(jdbcSinkConfig.getJdbcUrl(), jdbcSinkConfig.connectionProperties());
        connection.setAutoCommit(!jdbcSinkConfig.isUseTransactions());
        insertStatement = connection.prepareStatement(buildInsertSql(jdbcSinkConfig.getTableName()));

        int timeoutMs = jdbcSinkConfig.getTimeoutMs();
        flushExecutor = Executors.newScheduledThreadPool(1);
02|        flushExecutor.scheduleAtFixedRate(this::timedFlush, timeoutMs, timeoutMs, TimeUnit.MILLISECONDS);
1|        flushExecutor.scheduleAtFixedRate(this::flush, timeoutMs, timeoutMs, TimeUnit.MILLISECONDS); //@CONC-07
    }

02|    /** The timer's flush: a failure is handed to the runtime, which restarts the instance, and the timer keeps its schedule. */
02|    private void timedFlush() {
02|        try {
02|            flush();
02|        } catch (Throwable t) {
02|            log.error("Timed flush of the JDBC sink failed", t);
02|            sinkContext.fatal(t);
02|        }
02|    }
02|
    private void flush() throws SQLException {
        List<Record<T>> batch = new ArrayList<>();
        synchronized (incomingList) {
            while (!incomingList.isEmpty() && batch.size() < jdbcSinkConfig.getBatchSize()) {
                batch.add(incomingList.removeFirst());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
01|        log.debug("Flushing {} records to {}", batch.size(), jdbcSinkConfig.getTableName());
2|        log.debug("Flushing " + batch.size() + " records to " + jdbcSinkConfig.getTableName()); //@LOG-02
        for (Record<T> record : batch) {
            bindValues(insertStatement, record.getValue());
            insertStatement.addBatch();
        }
        insertStatement.executeBatch();
        if (jdbcSinkConfig.isUseTransactions()) {
            connection.commit();
        }
        batch.forEach(Record::ack);
    }

    protected abstract String buildInsertSql(String tableName);

    protected abstract void bindValues(PreparedStatement statement, T value) throws SQLException;
}
''')
cases_of(case, GH + 'apache/pulsar-connectors/issues/38',
         'jdbc/core/' + src('org.apache.pulsar.io.jdbc', 'JdbcAbstractSink'),
         J('org.apache.pulsar.io.jdbc', SLF4J + [
             'java.sql.Connection', 'java.sql.DriverManager', 'java.sql.PreparedStatement', 'java.sql.SQLException',
             'java.util.ArrayDeque', 'java.util.ArrayList', 'java.util.Deque', 'java.util.List', 'java.util.Map',
             'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit', 'org.apache.pulsar.functions.api.Record', 'org.apache.pulsar.io.core.Sink',
             'org.apache.pulsar.io.core.SinkContext'])(PULSARJDBC), [
             (1, 'java-00-pulsar-jdbc-sink-timed-flush-dies-on-first-failure',
              'an edit schedules the sink\'s flush directly on the timer, so the first failed flush cancels the '
              'schedule and the sink stops writing without a word', 'edit'),
             (2, 'java-00-pulsar-jdbc-sink-flush-debug-log-concatenated',
              'an edit builds the debug message of every flush by concatenation, so each batch pays for it with '
              'debug logging off', 'edit'),
             (0, 'java-ok-00-pulsar-jdbc-sink-timed-flush-guarded',
              'clean: the fix runs the timed flush through a wrapper that catches everything and reports it', 'fix'),
         ])
