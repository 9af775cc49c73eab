"""Round-20 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 19)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant, JAVA_GENERATED

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- RES-01 / ERR-01: nebula graph sessions (ngbatis)
NGBATIS = r'''
/** Runs nGQL statements for the mapper proxies, one pooled session per statement. */
public class SessionDispatcher {
    private static final Logger log = LoggerFactory.getLogger(SessionDispatcher.class);

    private final NebulaPool pool;
    private final NebulaProperties props;

    public SessionDispatcher(NebulaPool pool, NebulaProperties props) {
        this.pool = pool;
        this.props = props;
    }

    /** Executes {@code gql} in {@code space}; a failed statement is a QueryException carrying the server's message. */
    public ResultSet execute(String space, String gql, Map<String, Object> params) {
        Session session = null;
        try {
            session = pool.getSession(props.getUsername(), props.getPassword(), true); //@{1}RES-01
            ResultSet result = session.executeWithParameter("USE " + space + ";" + gql, params);
            if (!result.isSucceeded()) {
02|                throw new QueryException("nGQL failed in " + space + ": " + result.getErrorMessage());
1|                throw new QueryException("nGQL statement failed in space " + space + ": " + result.getErrorMessage());
            }
1|            session.release();
            return result;
0|        } catch (IOErrorException | AuthFailedException | ClientServerIncompatibleException | NotValidConnectionException e) {
0|            throw new QueryException("nebula unavailable for " + space, e);
1|        } catch (IOErrorException | AuthFailedException | ClientServerIncompatibleException | NotValidConnectionException e) {
1|            throw new QueryException("nebula unavailable for " + space, e);
2|        } catch (IOErrorException | AuthFailedException | ClientServerIncompatibleException | NotValidConnectionException e) {
2|            log.warn("nebula statement failed in {}", space, e);
2|            return null; //@ERR-01
02|        } finally {
02|            if (session != null) {
02|                session.release();
02|            }
        }
    }
}
'''
cases_of(case, GH + 'nebula-contrib/ngbatis/pull/364', src('org.nebula.contrib.ngbatis.session', 'SessionDispatcher'),
         J('org.nebula.contrib.ngbatis.session',
           SLF4J + ['com.vesoft.nebula.client.graph.data.ResultSet', 'com.vesoft.nebula.client.graph.exception.AuthFailedException',
                    'com.vesoft.nebula.client.graph.exception.ClientServerIncompatibleException',
                    'com.vesoft.nebula.client.graph.exception.IOErrorException',
                    'com.vesoft.nebula.client.graph.exception.NotValidConnectionException',
                    'com.vesoft.nebula.client.graph.net.NebulaPool', 'com.vesoft.nebula.client.graph.net.Session',
                    'java.util.Map', 'org.nebula.contrib.ngbatis.config.NebulaProperties',
                    'org.nebula.contrib.ngbatis.exception.QueryException'])(NGBATIS), [
             (1, 'java-00-ngbatis-session-released-only-on-success',
              'an edit releases the pooled session only on the success path; a failed statement keeps it', 'edit'),
             (2, 'java-00-ngbatis-session-errors-logged-and-null-returned',
              'an edit logs connection failures and returns null to the mapper as if the query had no result', 'edit'),
             (0, 'java-ok-00-ngbatis-session-released-in-finally',
              'clean: the session is released in finally and connection failures are rethrown with their cause', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / TX-02: Hikari transaction (norm)
NORM = r'''
/** A unit of work on one pooled connection: begin, run statements, commit or roll back. */
public final class Transaction implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Transaction.class);

    private final Connection con;
    private boolean done;

    Transaction(HikariDataSource ds) throws SQLException {
        this.con = ds.getConnection();
        try {
            this.con.setAutoCommit(false);
        } catch (SQLException e) {
            con.close(); // never handed out: nobody else would return it to the pool
            throw e;
        }
    }

    public Connection connection() {
        return con;
    }

    /** Commits; a failure rolls back, returns the connection and reaches the caller. */
    public void commit() throws SQLException {
        try {
            con.commit();
            done = true;
0|        } catch (SQLException e) {
0|            rollbackQuietly(e);
0|            throw e;
2|        } catch (SQLException e) { //@TX-02
2|            log.warn("commit failed, changes are lost", e);
1|        } catch (SQLException e) {
1|            rollbackQuietly(e);
1|            throw e;
        } finally {
            con.close();
        }
    }

    /** Rolls back unless committed and returns the connection to the pool; safe to call twice. */
    @Override
    public void close() throws SQLException {
        if (con.isClosed()) {
            return;
        }
        try {
            if (!done) {
                con.rollback();
            }
        } finally {
            con.close();
        }
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            con.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
'''
NORM_DB = r'''
/** Entry point of the mapper: queries and transactions on one Hikari pool. */
public class Database {
    private final HikariDataSource ds;

    public Database(HikariDataSource ds) {
        this.ds = ds;
    }

    /** Inserts every row of {@code rows} in one transaction. */
    public void insertAll(String table, List<Map<String, Object>> rows, int timeoutSeconds) throws SQLException {
0|        try (Transaction tx = new Transaction(ds)) {
0|            for (Map<String, Object> row : rows) {
0|                insert(tx.connection(), table, row, timeoutSeconds);
0|            }
0|            tx.commit();
0|        }
1|        Transaction tx = new Transaction(ds); //@TX-01|RES-01
1|        for (Map<String, Object> row : rows) {
1|            insert(tx.connection(), table, row, timeoutSeconds);
1|        }
1|        tx.commit();
2|        try (Transaction tx = new Transaction(ds)) {
2|            for (Map<String, Object> row : rows) {
2|                insert(tx.connection(), table, row, timeoutSeconds);
2|            }
2|            tx.commit();
2|        }
    }

    private static void insert(Connection con, String table, Map<String, Object> row, int timeoutSeconds) throws SQLException {
        String cols = String.join(", ", row.keySet());
        String marks = String.join(", ", Collections.nCopies(row.size(), "?"));
        try (PreparedStatement ps = con.prepareStatement("insert into " + table + " (" + cols + ") values (" + marks + ")")) {
            ps.setQueryTimeout(timeoutSeconds);
            int i = 1;
            for (Object value : row.values()) {
                ps.setObject(i++, value);
            }
            ps.executeUpdate();
        }
    }
}
'''
NORM_IMPORTS = SLF4J + ['com.zaxxer.hikari.HikariDataSource', 'java.sql.Connection', 'java.sql.SQLException']
NORM_DB_IMPORTS = ['com.zaxxer.hikari.HikariDataSource', 'java.sql.Connection', 'java.sql.PreparedStatement',
                   'java.sql.SQLException', 'java.util.Collections', 'java.util.List', 'java.util.Map']


def norm_db(v):
    return java('com.dieselpoint.norm', sorted(NORM_DB_IMPORTS), variant(NORM_DB, v))


cases_of(case, GH + 'dieselpoint/norm/issues/29', src('com.dieselpoint.norm', 'Transaction'),
         J('com.dieselpoint.norm', NORM_IMPORTS)(NORM), [
             (1, 'java-00-norm-insert-all-transaction-outside-try',
              'a two-file change: the caller opens the transaction outside try-with-resources, so a failed insert '
              'neither rolls back nor returns the connection', 'new',
              [f(src('com.dieselpoint.norm', 'Database'), old=norm_db(0), new=norm_db(1))]),
             (2, 'java-00-norm-commit-failure-logged-and-swallowed',
              'an edit makes commit log its SQLException and return, so the caller believes the data is stored',
              'edit'),
             (0, 'java-ok-00-norm-transaction-rolls-back-and-rethrows',
              'clean: commit rolls back and rethrows, the caller keeps the transaction in try-with-resources', 'new',
              [f(src('com.dieselpoint.norm', 'Database'), new=norm_db(0))]),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: neo4j transactions (neo4j-jdbc)
NEO4J = r'''
/** Writes dependency graphs through the Neo4j driver. */
public class GraphWriter {
    private final Driver driver;
    private final TransactionConfig txConfig;

    public GraphWriter(Driver driver, Duration txTimeout) {
        this.driver = driver;
        this.txConfig = TransactionConfig.builder().withTimeout(txTimeout).build();
    }

    /** Merges every edge in one write transaction; nothing is written when one edge fails. */
    public int mergeEdges(String database, List<Edge> edges) {
0|        try (Session session = driver.session(SessionConfig.forDatabase(database));
0|             Transaction tx = session.beginTransaction(txConfig)) {
0|            int merged = 0;
0|            for (Edge e : edges) {
0|                merged += tx.run(MERGE_EDGE, Map.of("from", e.from(), "to", e.to(), "kind", e.kind()))
0|                        .consume().counters().relationshipsCreated();
0|            }
0|            tx.commit();
0|            return merged;
0|        }
1|        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
1|            Transaction tx = session.beginTransaction(txConfig); //@TX-01
1|            int merged = 0;
1|            for (Edge e : edges) {
1|                merged += tx.run(MERGE_EDGE, Map.of("from", e.from(), "to", e.to(), "kind", e.kind()))
1|                        .consume().counters().relationshipsCreated();
1|            }
1|            tx.commit();
1|            return merged;
1|        }
2|        Session session = driver.session(SessionConfig.forDatabase(database)); //@RES-01
2|        try (Transaction tx = session.beginTransaction(txConfig)) {
2|            int merged = 0;
2|            for (Edge e : edges) {
2|                merged += tx.run(MERGE_EDGE, Map.of("from", e.from(), "to", e.to(), "kind", e.kind()))
2|                        .consume().counters().relationshipsCreated();
2|            }
2|            tx.commit();
2|            return merged;
2|        }
    }

    private static final String MERGE_EDGE =
            "MERGE (a:Artifact {id: $from}) MERGE (b:Artifact {id: $to}) MERGE (a)-[r:DEPENDS_ON {kind: $kind}]->(b)";
}
'''
cases_of(case, GH + 'neo4j/neo4j-jdbc/pull/59', src('org.neo4j.jdbc.graph', 'GraphWriter'),
         J('org.neo4j.jdbc.graph', ['java.time.Duration', 'java.util.List', 'java.util.Map', 'org.neo4j.driver.Driver',
                                    'org.neo4j.driver.Session', 'org.neo4j.driver.SessionConfig',
                                    'org.neo4j.driver.Transaction', 'org.neo4j.driver.TransactionConfig'])(NEO4J), [
             (1, 'java-00-neo4j-merge-edges-transaction-never-rolled-back',
              'an edit moves the transaction out of try-with-resources; a failed edge leaves it open on the session',
              'edit'),
             (2, 'java-00-neo4j-merge-edges-session-never-closed',
              'an edit opens the session outside try-with-resources, so it is never closed', 'edit'),
             (0, 'java-ok-00-neo4j-merge-edges-session-and-transaction-in-try',
              'clean: session and transaction in one try-with-resources header', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: SQL data set lookup (dashbuilder)
DASHBUILDER = r'''
/** Reads column metadata of the SQL data sets shown in the data set editor. */
public class SQLMetadataReader {
    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    public SQLMetadataReader(DataSource dataSource, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    /** Returns name and SQL type of every column that {@code query} produces, without reading its rows. */
    public List<Column> columnsOf(String query) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
0|            try (Statement stmt = conn.createStatement()) {
0|                stmt.setQueryTimeout(queryTimeoutSeconds);
0|                stmt.setMaxRows(1);
0|                try (ResultSet rs = stmt.executeQuery(query)) {
0|                    return columns(rs.getMetaData());
0|                }
0|            }
1|            Statement stmt = conn.createStatement(); //@RES-01
1|            stmt.setQueryTimeout(queryTimeoutSeconds);
1|            stmt.setMaxRows(1);
1|            ResultSet rs = stmt.executeQuery(query);
1|            return columns(rs.getMetaData());
2|            try (Statement stmt = conn.createStatement()) { //@TMO-01
2|                stmt.setMaxRows(1);
2|                try (ResultSet rs = stmt.executeQuery(query)) {
2|                    return columns(rs.getMetaData());
2|                }
2|            }
        }
    }

    private static List<Column> columns(ResultSetMetaData meta) throws SQLException {
        List<Column> out = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            out.add(new Column(meta.getColumnLabel(i), meta.getColumnType(i)));
        }
        return out;
    }
}
'''
cases_of(case, GH + 'dashbuilder/dashbuilder/pull/420', src('org.dashbuilder.dataprovider.sql', 'SQLMetadataReader'),
         J('org.dashbuilder.dataprovider.sql', ['java.sql.Connection', 'java.sql.ResultSet', 'java.sql.ResultSetMetaData',
                                               'java.sql.SQLException', 'java.sql.Statement', 'java.util.ArrayList',
                                               'java.util.List', 'javax.sql.DataSource'])(DASHBUILDER), [
             (1, 'java-00-dashbuilder-metadata-statement-and-result-set-left-open',
              'an edit drops the try-with-resources of statement and result set; they stay open on a pooled '
              'connection', 'edit'),
             (2, 'java-00-dashbuilder-metadata-query-without-timeout',
              'an edit drops the query timeout of the metadata statement', 'edit'),
             (0, 'java-ok-00-dashbuilder-metadata-statement-in-try-with-timeout',
              'clean: statement and result set in try-with-resources, query timeout set', 'new'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / ERR-01: streamed report rows (NEDSS)
NEDSS = r'''
/** Exports lab reports of one jurisdiction as CSV lines, without loading them all. */
@Component
public class LabReportExporter {
    private static final Logger log = LoggerFactory.getLogger(LabReportExporter.class);

    private final JdbcTemplate jdbc;

    /** {@code jdbc} is the shared template; its query timeout and fetch size are set in ReportDataSourceConfig. */
    public LabReportExporter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record LabReport(long id, String patientLocalId, String test, LocalDate collected) {}

    /** Writes one line per report received since {@code since}; returns how many were written. */
    public long export(String jurisdiction, LocalDate since, Writer out) throws IOException {
        var mapper = (RowMapper<LabReport>) (rs, n) -> new LabReport(rs.getLong("id"), rs.getString("patient_local_id"),
                rs.getString("test"), rs.getObject("collected", LocalDate.class));
0|        try (Stream<LabReport> reports = jdbc.queryForStream(SQL, mapper, jurisdiction, since)) {
0|            long written = 0;
0|            for (LabReport r : (Iterable<LabReport>) reports::iterator) {
0|                out.write(line(r));
0|                written++;
0|            }
0|            return written;
0|        }
1|        Stream<LabReport> reports = jdbc.queryForStream(SQL, mapper, jurisdiction, since); //@RES-01
1|        long written = 0;
1|        for (LabReport r : (Iterable<LabReport>) reports::iterator) {
1|            out.write(line(r));
1|            written++;
1|        }
1|        return written;
2|        try (Stream<LabReport> reports = jdbc.queryForStream(SQL, mapper, jurisdiction, since)) {
2|            long written = 0;
2|            for (LabReport r : (Iterable<LabReport>) reports::iterator) {
2|                out.write(line(r));
2|                written++;
2|            }
2|            return written;
2|        } catch (DataAccessException e) { //@ERR-01
2|            log.debug("lab report export stopped early", e);
2|            return 0;
2|        }
    }

    private static String line(LabReport r) {
        return r.id() + "," + r.patientLocalId() + "," + r.test() + "," + r.collected() + "\n";
    }

    private static final String SQL =
            "select id, patient_local_id, test, collected from lab_report where jurisdiction = ? and received >= ?";
}
'''
cases_of(case, GH + 'CDCgov/NEDSS-Modernization/pull/1021', src('gov.cdc.nbs.report.lab', 'LabReportExporter'),
         J('gov.cdc.nbs.report.lab', SLF4J + ['java.io.IOException', 'java.io.Writer', 'java.time.LocalDate',
                                             'java.util.stream.Stream', 'org.springframework.dao.DataAccessException',
                                             'org.springframework.jdbc.core.JdbcTemplate',
                                             'org.springframework.jdbc.core.RowMapper',
                                             'org.springframework.stereotype.Component'])(NEDSS), [
             (1, 'java-00-nedss-lab-export-stream-never-closed',
              'the stream from queryForStream is iterated but never closed, holding its connection', 'new'),
             (2, 'java-00-nedss-lab-export-swallows-data-access-error',
              'an edit catches DataAccessException, logs it at debug and reports zero rows as a normal export',
              'edit'),
             (0, 'java-ok-00-nedss-lab-export-stream-in-try',
              'clean: the row stream is closed by try-with-resources; failures propagate', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-01: cosmetics data with jOOQ (UltraCosmetics)
ULTRA = r'''
/** Loads and saves the cosmetics a player owns, through jOOQ on the plugin's MySQL settings. */
public class CosmeticsStore {
0|    private final DSLContext dsl;
0|
0|    /** {@code dataSource} is the plugin's pool, created in onEnable and closed in onDisable. */
0|    public CosmeticsStore(HikariDataSource dataSource) {
0|        this.dsl = DSL.using(dataSource, SQLDialect.MYSQL);
0|    }
12|    private final HikariDataSource dataSource;
12|
12|    public CosmeticsStore(HikariDataSource dataSource) {
12|        this.dataSource = dataSource;
12|    }

    /** Returns the ids of the cosmetics {@code player} owns; unknown players own nothing. */
    public Set<String> owned(UUID player) {
1|        HikariConfig cfg = new HikariConfig();
1|        cfg.setJdbcUrl(dataSource.getJdbcUrl());
1|        cfg.setUsername(dataSource.getUsername());
1|        cfg.setPassword(dataSource.getPassword());
1|        DSLContext dsl = DSL.using(new HikariDataSource(cfg), SQLDialect.MYSQL); //@RES-04
2|        DSLContext dsl;
2|        try {
2|            dsl = DSL.using(dataSource.getConnection(), SQLDialect.MYSQL); //@RES-01
2|        } catch (SQLException e) {
2|            throw new DataAccessException("no connection for " + player, e);
2|        }
        return dsl.select(OWNED.COSMETIC_ID)
                .from(OWNED)
                .where(OWNED.PLAYER.eq(player.toString()))
                .queryTimeout(5)
                .fetchSet(OWNED.COSMETIC_ID);
    }
}
'''
cases_of(case, GH + 'iSach/UltraCosmetics/issues/228', src('be.isach.ultracosmetics.mysql', 'CosmeticsStore'),
         J('be.isach.ultracosmetics.mysql', ['be.isach.ultracosmetics.mysql.tables.Owned',
                                             'com.zaxxer.hikari.HikariConfig', 'com.zaxxer.hikari.HikariDataSource',
                                             'java.sql.SQLException', 'java.util.Set', 'java.util.UUID',
                                             'org.jooq.DSLContext', 'org.jooq.SQLDialect',
                                             'org.jooq.exception.DataAccessException', 'org.jooq.impl.DSL',
                                             'static be.isach.ultracosmetics.mysql.tables.Owned.OWNED'])(ULTRA), [
             (1, 'java-00-ultracosmetics-owned-builds-hikari-pool-per-lookup',
              'every lookup builds a new Hikari pool from the plugin settings and never closes it', 'new'),
             (2, 'java-00-ultracosmetics-owned-borrows-connection-never-returned',
              'an edit hands jOOQ a connection taken from the pool that nothing ever closes', 'edit'),
             (0, 'java-ok-00-ultracosmetics-dsl-on-shared-pool',
              'clean: one DSLContext over the plugin pool, jOOQ borrows and returns a connection per query', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: REST calls between peers (peer-os)
PEEROS = r'''
/** Calls the REST API of a remote peer on behalf of the local one. */
public class RemotePeerClient {
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration REQUEST = Duration.ofSeconds(30);

0|    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
2|    private final HttpClient http = HttpClient.newHttpClient(); //@TMO-01
    private final URI base;
    private final ObjectMapper mapper;

    public RemotePeerClient(URI base, ObjectMapper mapper) {
        this.base = base;
        this.mapper = mapper;
    }

    /** Fetches the remote peer's info; any status but 200 is an IOException. */
    public PeerInfo peerInfo() throws IOException, InterruptedException {
1|        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build(); //@RES-04
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/rest/v1/peer/info"))
                .timeout(REQUEST)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("peer info from " + base + ": HTTP " + response.statusCode());
        }
        return mapper.readValue(response.body(), PeerInfo.class);
    }
}
'''
cases_of(case, GH + 'subutai-io/peer-os/pull/47', src('io.subutai.core.peer.impl.request', 'RemotePeerClient'),
         J('io.subutai.core.peer.impl.request', ['com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException',
                                                 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
                                                 'java.net.http.HttpResponse', 'java.time.Duration',
                                                 'io.subutai.common.peer.PeerInfo'])(PEEROS), [
             (1, 'java-00-peer-os-remote-client-built-per-call',
              'an edit builds the HttpClient (threads and connection pool) inside every call', 'edit'),
             (2, 'java-00-peer-os-remote-client-without-connect-timeout',
              'an edit builds the shared client with newHttpClient, which has no connect timeout', 'edit'),
             (0, 'java-ok-00-peer-os-remote-client-shared-with-timeouts',
              'clean: one client with a connect timeout, every request with its own timeout', 'new'),
         ])


# ---------------------------------------------------------------- CONC-04: activity id on pooled threads (mssql-jdbc)
MSSQL = r'''
/** Tags every statement run on the current thread with a client activity id for server-side tracing. */
public final class ActivityCorrelator {
    private static final ThreadLocal<ActivityId> CURRENT = new ThreadLocal<>();

    private ActivityCorrelator() {}

    static ActivityId current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with a fresh activity id and returns its result; the id never outlives the call. */
    static <T> T withActivity(UUID connectionId, SqlWork<T> work) throws SQLException {
0|        CURRENT.set(new ActivityId(connectionId));
0|        try {
0|            return work.run();
0|        } finally {
0|            CURRENT.remove();
0|        }
1|        CURRENT.set(new ActivityId(connectionId)); //@CONC-04
1|        return work.run();
2|        CURRENT.set(new ActivityId(connectionId)); //@CONC-04
2|        T result = work.run();
2|        CURRENT.remove();
2|        return result;
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
'''
cases_of(case, GH + 'microsoft/mssql-jdbc/pull/321', src('com.microsoft.sqlserver.jdbc', 'ActivityCorrelator'),
         J('com.microsoft.sqlserver.jdbc', ['java.sql.SQLException', 'java.util.UUID'])(MSSQL), [
             (1, 'java-00-mssql-activity-id-left-on-pooled-thread',
              'an edit sets the thread-local activity id and never removes it', 'edit'),
             (2, 'java-00-mssql-activity-id-removed-only-on-success',
              'an edit removes the activity id after the work, but not when the work throws', 'edit'),
             (0, 'java-ok-00-mssql-activity-id-removed-in-finally',
              'clean: set, then remove in finally at the same level', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02: blocking offload pool (jetty)
JETTY = r'''
/** Runs blocking application callbacks off the selector threads. */
public class BlockingOffload implements AutoCloseable {
    private final ExecutorService pool;
    private final Counter rejected;

    public BlockingOffload(int threads, int queueCapacity, MeterRegistry registry) {
        ThreadFactory factory = new ThreadFactoryBuilder().setNameFormat("offload-%d")
                .setUncaughtExceptionHandler((t, e) -> LoggerFactory.getLogger(BlockingOffload.class)
                        .error("uncaught in {}", t.getName(), e))
                .build();
0|        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
0|                new ArrayBlockingQueue<>(queueCapacity), factory, new ThreadPoolExecutor.AbortPolicy());
1|        this.pool = Executors.newCachedThreadPool(factory); //@CONC-02
2|        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, //@CONC-02
2|                new LinkedBlockingQueue<>(), factory, new ThreadPoolExecutor.AbortPolicy());
        this.rejected = registry.counter("offload.rejected");
    }

    /** Returns false when the pool and its queue are full; the caller answers 503. */
    public boolean offer(Runnable callback) {
        try {
            pool.execute(callback);
            return true;
        } catch (RejectedExecutionException full) {
            rejected.increment();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
'''
cases_of(case, GH + 'jetty/jetty.project/issues/13004', src('org.eclipse.jetty.demo.offload', 'BlockingOffload'),
         J('org.eclipse.jetty.demo.offload', ['com.google.common.util.concurrent.ThreadFactoryBuilder',
                                              'io.micrometer.core.instrument.Counter',
                                              'io.micrometer.core.instrument.MeterRegistry',
                                              'java.util.concurrent.ArrayBlockingQueue',
                                              'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                                              'java.util.concurrent.LinkedBlockingQueue',
                                              'java.util.concurrent.RejectedExecutionException',
                                              'java.util.concurrent.ThreadFactory',
                                              'java.util.concurrent.ThreadPoolExecutor',
                                              'java.util.concurrent.TimeUnit', 'org.slf4j.LoggerFactory'])(JETTY), [
             (1, 'java-00-jetty-offload-cached-thread-pool',
              'an edit swaps the bounded executor for a cached thread pool: one thread per waiting callback', 'edit'),
             (2, 'java-00-jetty-offload-unbounded-linked-queue',
              'the offload pool has a fixed size but an unbounded LinkedBlockingQueue, so offer never rejects', 'new'),
             (0, 'java-ok-00-jetty-offload-bounded-queue-abort-policy',
              'clean: fixed threads, an ArrayBlockingQueue and AbortPolicy counted as rejections', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-02: parallel table scan (dynamodb export)
DYNAMO = r'''
/** Scans a DynamoDB table in parallel segments and hands every page to the sink. */
public class ParallelScanExporter {
    private static final Logger log = LoggerFactory.getLogger(ParallelScanExporter.class);

    private final DynamoDbClient dynamo;
    private final ExecutorService workers;

    public ParallelScanExporter(DynamoDbClient dynamo, int segments) {
        this.dynamo = dynamo;
0|        this.workers = new ThreadPoolExecutor(segments, segments, 0, TimeUnit.SECONDS,
0|                new ArrayBlockingQueue<>(segments), new ThreadPoolExecutor.CallerRunsPolicy());
1|        this.workers = new ThreadPoolExecutor(segments, segments, 0, TimeUnit.SECONDS,
1|                new ArrayBlockingQueue<>(segments), new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.workers = Executors.newFixedThreadPool(segments); //@CONC-02
    }

    /** Exports every item; returns when all segments are done and rethrows the first segment failure. */
    public void export(String table, int segments, PageSink sink, Duration deadline) throws Exception {
        CompletionService<Long> done = new ExecutorCompletionService<>(workers);
02|        List<Future<Long>> submitted = new ArrayList<>(segments);
        for (int segment = 0; segment < segments; segment++) {
            int s = segment;
1|            done.submit(() -> scanSegment(table, s, segments, sink)); //@CONC-06
02|            submitted.add(done.submit(() -> scanSegment(table, s, segments, sink)));
        }
02|        long items = 0;
02|        for (int i = 0; i < segments; i++) {
02|            Future<Long> f = done.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
02|            if (f == null) {
02|                submitted.forEach(pending -> pending.cancel(true)); // stop the scans, do not just stop waiting
02|                throw new TimeoutException("scan of " + table + " not done within " + deadline);
02|            }
02|            items += f.get();
02|        }
02|        log.info("exported {} items of {} in {} segments", items, table, segments);
    }

    private long scanSegment(String table, int segment, int total, PageSink sink) {
        long count = 0;
        for (ScanResponse page : dynamo.scanPaginator(b -> b.tableName(table).segment(segment).totalSegments(total))) {
            sink.accept(page.items());
            count += page.count();
        }
        return count;
    }
}
'''
cases_of(case, GH + 'amazon-archives/dynamodb-import-export-tool/issues/6',
         src('com.amazonaws.dynamodb.bootstrap', 'ParallelScanExporter'),
         J('com.amazonaws.dynamodb.bootstrap', SLF4J + ['java.time.Duration', 'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.ArrayBlockingQueue',
                                                       'java.util.concurrent.CompletionService',
                                                       'java.util.concurrent.ExecutorCompletionService',
                                                       'java.util.concurrent.ExecutorService',
                                                       'java.util.concurrent.Executors', 'java.util.concurrent.Future',
                                                       'java.util.concurrent.ThreadPoolExecutor',
                                                       'java.util.concurrent.TimeUnit',
                                                       'java.util.concurrent.TimeoutException',
                                                       'software.amazon.awssdk.services.dynamodb.DynamoDbClient',
                                                       'software.amazon.awssdk.services.dynamodb.model.ScanResponse'])(DYNAMO), [
             (1, 'java-00-dynamodb-export-never-takes-completed-segments',
              'an edit drops the loop over the completion service: segment failures are never read', 'edit'),
             (2, 'java-00-dynamodb-export-fixed-pool-unbounded-queue',
              'an edit builds the workers with newFixedThreadPool, whose queue has no bound', 'edit'),
             (0, 'java-ok-00-dynamodb-export-bounded-and-every-segment-read',
              'clean: bounded pool with caller-runs, every segment future read within the deadline', 'new'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-01: token refresh in background (adal)
ADAL = r'''
/** Refreshes access tokens ahead of expiry so that interactive calls rarely wait for the authority. */
public class TokenRefresher {
    private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);

    private final ExecutorService executor;
    private final AuthenticationClient authority;
    private final TokenCache cache;
    private final Counter refreshFailures;

    public TokenRefresher(ExecutorService executor, AuthenticationClient authority, TokenCache cache, MeterRegistry meters) {
        this.executor = executor;
        this.authority = authority;
        this.cache = cache;
        this.refreshFailures = meters.counter("adal.refresh.failures");
    }

    /** Starts a refresh of {@code item} in the background; the caller keeps using the current token meanwhile. */
    public void refreshAhead(TokenCacheItem item) {
0|        CompletableFuture.runAsync(() -> refresh(item), executor)
0|                .whenComplete((ok, failure) -> {
0|                    if (failure != null) {
0|                        refreshFailures.increment();
0|                        log.warn("token refresh for {} failed; the current token stays in use", item.resource(), failure);
0|                    }
0|                });
1|        executor.submit(() -> refresh(item)); //@CONC-06
2|        new Thread(() -> refresh(item), "adal-refresh-" + item.resource()).start(); //@CONC-01
    }

    private void refresh(TokenCacheItem item) {
        AuthenticationResult result = authority.acquireTokenByRefreshToken(item.refreshToken(), item.clientId(), item.resource());
        cache.put(item.key(), TokenCacheItem.from(result));
    }
}
'''
cases_of(case, GH + 'AzureAD/azure-activedirectory-library-for-android/pull/510',
         src('com.microsoft.aad.adal', 'TokenRefresher'),
         J('com.microsoft.aad.adal', SLF4J + ['io.micrometer.core.instrument.Counter',
                                             'io.micrometer.core.instrument.MeterRegistry',
                                             'java.util.concurrent.CompletableFuture',
                                             'java.util.concurrent.ExecutorService'])(ADAL), [
             (1, 'java-00-adal-refresh-submitted-and-future-dropped',
              'an edit submits the refresh and drops the Future, so a failed refresh is never seen', 'edit'),
             (2, 'java-00-adal-refresh-on-raw-thread',
              'an edit starts every refresh on a raw thread without an uncaught-exception handler', 'edit'),
             (0, 'java-ok-00-adal-refresh-async-with-completion-handler',
              'clean: runAsync with a completion handler that counts and logs failures', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: release uploads (FoD-Jenkins)
FOD = r'''
/** Talks to the Fortify on Demand API: authentication and release scan uploads. */
public class FodApiConnection {
    private final CloseableHttpClient http;
    private final String baseUrl;

    /** {@code http} is built once by the plugin with its pool size and timeouts, and closed on shutdown. */
    public FodApiConnection(CloseableHttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** Exchanges the API key for a bearer token. */
    public String authenticate(String key, String secret) throws IOException {
        HttpPost post = new HttpPost(baseUrl + "/oauth/token");
        post.setEntity(new UrlEncodedFormEntity(List.of(
                new BasicNameValuePair("grant_type", "client_credentials"),
                new BasicNameValuePair("client_id", key),
                new BasicNameValuePair("client_secret", secret))));
0|        try (CloseableHttpResponse response = http.execute(post)) {
0|            String body = EntityUtils.toString(response.getEntity());
0|            return switch (response.getCode()) {
0|                case 200 -> Json.field(body, "access_token");
0|                case 401, 403 -> throw new IOException("FoD rejected the API key");
0|                default -> throw new IOException("FoD authentication failed: HTTP " + response.getCode());
0|            };
0|        } catch (ParseException e) {
0|            throw new IOException("unreadable FoD token answer", e);
0|        }
1|        CloseableHttpResponse response = http.execute(post); //@RES-02
1|        if (response.getCode() != 200) {
1|            throw new IOException("FoD authentication failed: HTTP " + response.getCode());
1|        }
1|        try {
1|            return Json.field(EntityUtils.toString(response.getEntity()), "access_token");
1|        } catch (ParseException e) {
1|            throw new IOException("unreadable FoD token answer", e);
1|        } finally {
1|            response.close();
1|        }
2|        try (CloseableHttpClient client = HttpClients.createDefault(); //@RES-04|TMO-01
2|             CloseableHttpResponse response = client.execute(post)) {
2|            String body = EntityUtils.toString(response.getEntity());
2|            return switch (response.getCode()) {
2|                case 200 -> Json.field(body, "access_token");
2|                case 401, 403 -> throw new IOException("FoD rejected the API key");
2|                default -> throw new IOException("FoD authentication failed: HTTP " + response.getCode());
2|            };
2|        } catch (ParseException e) {
2|            throw new IOException("unreadable FoD token answer", e);
2|        }
    }
}
'''
cases_of(case, GH + 'HPFOD/FoD-Jenkins/issues/18', src('org.jenkinsci.plugins.fodupload', 'FodApiConnection'),
         J('org.jenkinsci.plugins.fodupload', ['java.io.IOException', 'java.util.List',
                                              'org.apache.hc.client5.http.classic.methods.HttpPost',
                                              'org.apache.hc.client5.http.entity.UrlEncodedFormEntity',
                                              'org.apache.hc.client5.http.impl.classic.CloseableHttpClient',
                                              'org.apache.hc.client5.http.impl.classic.CloseableHttpResponse',
                                              'org.apache.hc.client5.http.impl.classic.HttpClients',
                                              'org.apache.hc.core5.http.ParseException',
                                              'org.apache.hc.core5.http.io.entity.EntityUtils',
                                              'org.apache.hc.core5.http.message.BasicNameValuePair'])(FOD), [
             (1, 'java-00-fod-authenticate-leaves-non-200-response-open',
              'an edit throws on a non-200 answer before the response reaches the finally that closes it', 'edit'),
             (2, 'java-00-fod-authenticate-builds-default-client-per-call',
              'an edit builds a default HttpClient (its own pool, no timeouts) for every authentication', 'edit'),
             (0, 'java-ok-00-fod-authenticate-response-in-try-switch-on-status',
              'clean: the shared client, the response in try-with-resources, a switch expression on the status',
              'new'),
         ])


# ---------------------------------------------------------------- RES-04 / TMO-01: registry clients (basyx)
BASYX = r'''
/** Resolves AAS descriptors through the registry and fetches submodels from the repositories they name. */
public class ConnectedAasManager {
    record Endpoint(URI href, String interfaceName) {}

0|    private final HttpClient http;
1|    private final HttpClient http;
    private final URI registry;
    private final ObjectMapper mapper;

0|    /** {@code http} is the application's shared client; its timeouts are set where it is built. */
0|    public ConnectedAasManager(HttpClient http, URI registry, ObjectMapper mapper) {
0|        this.http = http;
1|    /** Builds the one client this manager uses for every registry and repository call. */
1|    public ConnectedAasManager(URI registry, ObjectMapper mapper) {
1|        this.http = HttpClient.newBuilder().build(); //@TMO-01
2|    public ConnectedAasManager(URI registry, ObjectMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    /** Returns the submodel {@code submodelId} of shell {@code aasId}. */
    public Submodel submodel(String aasId, String submodelId) throws IOException, InterruptedException {
2|        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(); //@RES-04
        var descriptor = get(http, registry.resolve("/shell-descriptors/" + encode(aasId)), AasDescriptor.class);
        var endpoint = descriptor.endpoints().stream()
                .filter(e -> e.interfaceName().startsWith("SUBMODEL-REPOSITORY"))
                .map(e -> new Endpoint(e.href(), e.interfaceName()))
                .findFirst()
                .orElseThrow(() -> new IOException("no submodel repository for " + aasId));
        return get(http, endpoint.href().resolve("/submodels/" + encode(submodelId)), Submodel.class);
    }

    private <T> T get(HttpClient client, URI uri, Class<T> type) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(uri + ": HTTP " + response.statusCode());
        }
        return mapper.readValue(response.body(), type);
    }

    private static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }
}
'''
cases_of(case, GH + 'eclipse-basyx/basyx-java-server-sdk/pull/962',
         src('org.eclipse.digitaltwin.basyx.aasenvironment.client', 'ConnectedAasManager'),
         J('org.eclipse.digitaltwin.basyx.aasenvironment.client', [
             'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException', 'java.net.URI',
             'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse',
             'java.nio.charset.StandardCharsets', 'java.time.Duration', 'java.util.Base64',
             'org.eclipse.digitaltwin.aas4j.v3.model.AasDescriptor',
             'org.eclipse.digitaltwin.aas4j.v3.model.Submodel'])(BASYX), [
             (1, 'java-00-basyx-connected-manager-client-without-connect-timeout',
              'the renamed manager (from AasManagerClient) builds its own client with no connect timeout', 'rename'),
             (2, 'java-00-basyx-connected-manager-client-per-lookup',
              'every submodel lookup builds a new HttpClient', 'new'),
             (0, 'java-ok-00-basyx-connected-manager-shared-client',
              'clean: the manager takes the application client; every request carries a timeout', 'new'),
         ], rename_from=src('org.eclipse.digitaltwin.basyx.aasenvironment.client', 'AasManagerClient'),
         rename_old=lambda text: text.replace('ConnectedAasManager', 'AasManagerClient'))


# ---------------------------------------------------------------- CONC-05: RMI registry retries (groovy)
GROOVY = r'''
/** Creates an RMI registry for the JMX connector, moving to the next port while one is taken. */
public final class RmiRegistryStarter {
    private static final Logger log = LoggerFactory.getLogger(RmiRegistryStarter.class);

    private RmiRegistryStarter() {}

    /** Returns the registry and its port; gives up after {@code attempts} ports or when interrupted. */
    public static Map.Entry<Integer, Registry> start(int firstPort, int attempts, Duration pause) throws RemoteException {
        RemoteException last = null;
        for (int port = firstPort; port < firstPort + attempts; port++) {
            try {
                return Map.entry(port, LocateRegistry.createRegistry(port));
            } catch (RemoteException e) {
                last = e;
                log.info("RMI registry port {} taken, trying {}", port, port + 1);
            }
            try {
                Thread.sleep(pause.toMillis());
0|            } catch (InterruptedException e) {
0|                Thread.currentThread().interrupt();
0|                throw new RemoteException("interrupted while looking for a free RMI port", e);
0|            }
1|            } catch (InterruptedException e) { //@CONC-05
1|                throw new IllegalStateException("interrupted while looking for a free RMI port", e);
1|            }
2|            } catch (InterruptedException e) { //@CONC-05
2|                log.debug("pause between RMI ports interrupted", e);
2|            }
        }
        throw last;
    }
}
'''
cases_of(case, GH + 'apache/groovy/pull/1434', src('groovy.jmx.builder', 'RmiRegistryStarter'),
         J('groovy.jmx.builder', SLF4J + ['java.rmi.RemoteException', 'java.rmi.registry.LocateRegistry',
                                         'java.rmi.registry.Registry', 'java.time.Duration', 'java.util.Map'])(GROOVY), [
             (1, 'java-00-groovy-rmi-retry-wraps-interrupt-without-flag',
              'an edit wraps the InterruptedException in an unchecked exception without restoring the flag', 'edit'),
             (2, 'java-00-groovy-rmi-retry-swallows-interrupt-and-continues',
              'an edit logs the interrupt at debug and goes on to the next port', 'edit'),
             (0, 'java-ok-00-groovy-rmi-retry-restores-flag-and-stops',
              'clean: the flag is restored and the search stops with a checked exception', 'new'),
         ])


# ---------------------------------------------------------------- TMO-02 / CONC-05: deployment with deadline (glassfish)
GLASSFISH = r'''
/** Deploys an application on every instance of a cluster, within the deadline the admin command was given. */
public class ClusterDeployer {
    private static final Logger log = LoggerFactory.getLogger(ClusterDeployer.class);

    private final ExecutorService executor;
    private final InstanceClient instances;

    public ClusterDeployer(ExecutorService executor, InstanceClient instances) {
        this.executor = executor;
        this.instances = instances;
    }

    /** Returns the instances that deployed the application before the deadline; the others are reported. */
    public List<String> deploy(Application app, List<String> targets, Instant deadline) {
        Map<String, Future<?>> pending = new LinkedHashMap<>();
        for (String target : targets) {
            pending.put(target, executor.submit(() -> instances.deploy(target, app)));
        }
        List<String> deployed = new ArrayList<>();
        for (Map.Entry<String, Future<?>> e : pending.entrySet()) {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                e.getValue().get(Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
                deployed.add(e.getKey());
            } catch (TimeoutException late) { //@{1}TMO-02
02|                e.getValue().cancel(true);
1|                log.warn("deployment of {} on {} still running after the deadline", app.name(), e.getKey());
02|                log.warn("deployment of {} on {} cancelled at the deadline", app.name(), e.getKey());
            } catch (ExecutionException failed) {
                log.warn("deployment of {} on {} failed", app.name(), e.getKey(), failed.getCause());
0|            } catch (InterruptedException interrupted) {
0|                Thread.currentThread().interrupt();
0|                pending.values().forEach(f -> f.cancel(true));
0|                break;
1|            } catch (InterruptedException interrupted) {
1|                Thread.currentThread().interrupt();
1|                pending.values().forEach(f -> f.cancel(true));
1|                break;
2|            } catch (InterruptedException interrupted) { //@CONC-05
2|                log.info("interrupted while waiting for {}; checking the next instance", e.getKey());
            }
        }
        return deployed;
    }
}
'''
cases_of(case, GH + 'eclipse-ee4j/glassfish/pull/25605', src('org.glassfish.deployment.cluster', 'ClusterDeployer'),
         J('org.glassfish.deployment.cluster', SLF4J + ['java.time.Duration', 'java.time.Instant', 'java.util.ArrayList',
                                                       'java.util.LinkedHashMap', 'java.util.List', 'java.util.Map',
                                                       'java.util.concurrent.ExecutionException',
                                                       'java.util.concurrent.ExecutorService',
                                                       'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit',
                                                       'java.util.concurrent.TimeoutException'])(GLASSFISH), [
             (1, 'java-00-glassfish-deploy-deadline-leaves-task-running',
              'an edit stops waiting at the deadline but no longer cancels the deployment task', 'edit'),
             (2, 'java-00-glassfish-deploy-swallows-interrupt-and-goes-on',
              'an edit logs an interrupt while waiting and moves on to the next instance', 'edit'),
             (0, 'java-ok-00-glassfish-deploy-cancels-late-tasks-and-honours-interrupt',
              'clean: late tasks are cancelled; an interrupt restores the flag and cancels the rest', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / CONC-05: GitHub OAuth user lookup (sonar-auth-github)
SONARGH = r'''
/** Reads the authenticated GitHub user and their verified e-mail through the OAuth service. */
public class GitHubRestClient {
    private final OAuth20Service scribe;
    private final String apiUrl;
    private final Gson gson = new Gson();

    public GitHubRestClient(OAuth20Service scribe, String apiUrl) {
        this.scribe = scribe;
        this.apiUrl = apiUrl;
    }

    public GsonUser getUser(OAuth2AccessToken token) throws IOException {
        OAuthRequest request = new OAuthRequest(Verb.GET, apiUrl + "/user");
        scribe.signRequest(token, request);
0|        try (Response response = scribe.execute(request)) {
0|            if (!response.isSuccessful()) {
0|                throw new IOException("GitHub user lookup failed: HTTP " + response.getCode());
0|            }
0|            return gson.fromJson(response.getBody(), GsonUser.class);
0|        } catch (InterruptedException e) {
0|            Thread.currentThread().interrupt();
0|            throw new InterruptedIOException("GitHub user lookup interrupted");
0|        } catch (ExecutionException e) {
0|            throw new IOException("GitHub user lookup failed", e.getCause());
0|        }
1|        try {
1|            Response response = scribe.execute(request); //@RES-02
1|            if (!response.isSuccessful()) {
1|                throw new IOException("GitHub user lookup failed: HTTP " + response.getCode());
1|            }
1|            return gson.fromJson(response.getBody(), GsonUser.class);
1|        } catch (InterruptedException e) {
1|            Thread.currentThread().interrupt();
1|            throw new InterruptedIOException("GitHub user lookup interrupted");
1|        } catch (ExecutionException e) {
1|            throw new IOException("GitHub user lookup failed", e.getCause());
1|        }
2|        try (Response response = scribe.execute(request)) {
2|            if (!response.isSuccessful()) {
2|                throw new IOException("GitHub user lookup failed: HTTP " + response.getCode());
2|            }
2|            return gson.fromJson(response.getBody(), GsonUser.class);
2|        } catch (InterruptedException | ExecutionException e) { //@CONC-05
2|            throw new IOException("GitHub user lookup failed", e);
2|        }
    }
}
'''
SONARGH_MODEL = JAVA_GENERATED + r'''// source: github/user.proto

package org.sonarsource.auth.github;

/**
 * Protobuf type {@code github.GsonUser}
 */
public final class GsonUser extends com.google.protobuf.GeneratedMessageV3 implements GsonUserOrBuilder {
  private static final long serialVersionUID = 0L;

  private GsonUser() {
    login_ = "";
    name_ = "";
  }

  public static final int LOGIN_FIELD_NUMBER = 1;
  private volatile java.lang.Object login_;

  public java.lang.String getLogin() {
    java.lang.Object ref = login_;
    if (ref instanceof java.lang.String) {
      return (java.lang.String) ref;
    }
    com.google.protobuf.ByteString bs = (com.google.protobuf.ByteString) ref;
    java.lang.String s = bs.toStringUtf8();
    login_ = s;
    return s;
  }

  public static final int NAME_FIELD_NUMBER = 2;
  private volatile java.lang.Object name_;

  public java.lang.String getName() {
    java.lang.Object ref = name_;
    if (ref instanceof java.lang.String) {
      return (java.lang.String) ref;
    }
    com.google.protobuf.ByteString bs = (com.google.protobuf.ByteString) ref;
    java.lang.String s = bs.toStringUtf8();
    name_ = s;
    return s;
  }
}
'''
cases_of(case, GH + 'SonarSource/sonar-auth-github/pull/31', src('org.sonarsource.auth.github', 'GitHubRestClient'),
         J('org.sonarsource.auth.github', ['com.github.scribejava.core.model.OAuth2AccessToken',
                                          'com.github.scribejava.core.model.OAuthRequest',
                                          'com.github.scribejava.core.model.Response',
                                          'com.github.scribejava.core.model.Verb',
                                          'com.github.scribejava.core.oauth.OAuth20Service', 'com.google.gson.Gson',
                                          'java.io.IOException', 'java.io.InterruptedIOException',
                                          'java.util.concurrent.ExecutionException'])(SONARGH), [
             (1, 'java-00-sonar-github-user-response-never-closed',
              'the scribejava Response is read but never closed, on success and on an error status; a generated '
              'model ships beside it', 'new', [f(src('org.sonarsource.auth.github', 'GsonUser'), new=SONARGH_MODEL)]),
             (2, 'java-00-sonar-github-user-interrupt-wrapped-without-flag',
              'an edit folds InterruptedException into an IOException without restoring the interrupt flag', 'edit'),
             (0, 'java-ok-00-sonar-github-user-response-in-try-interrupt-restored',
              'clean: the response in try-with-resources, the interrupt restored before the InterruptedIOException',
              'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / TMO-03: UI sanity checker (PonySDK)
PONYSDK = r'''
/** Closes UI sessions whose browser stopped sending heartbeats. */
public class SanityChecker {
    private static final Logger log = LoggerFactory.getLogger(SanityChecker.class);

    private final ScheduledExecutorService scheduler;
    private final Duration heartbeatTimeout;
    private final Counter checkFailures;
    private ScheduledFuture<?> task;

    public SanityChecker(ScheduledExecutorService scheduler, Duration heartbeatTimeout, MeterRegistry meters) {
        this.scheduler = scheduler;
        this.heartbeatTimeout = heartbeatTimeout;
        this.checkFailures = meters.counter("ponysdk.sanity.failures");
    }

    public void start(UIContextRegistry contexts) {
0|        task = scheduler.scheduleWithFixedDelay(() -> {
0|            try {
0|                checkOnce(contexts);
0|            } catch (VirtualMachineError fatal) {
0|                throw fatal;
0|            } catch (Throwable t) {
0|                checkFailures.increment();
0|                log.error("sanity check failed; it runs again in {}", heartbeatTimeout, t);
0|            }
0|        }, heartbeatTimeout.toMillis(), heartbeatTimeout.toMillis(), TimeUnit.MILLISECONDS);
1|        task = scheduler.scheduleWithFixedDelay(() -> checkOnce(contexts), //@CONC-07
1|                heartbeatTimeout.toMillis(), heartbeatTimeout.toMillis(), TimeUnit.MILLISECONDS);
2|        task = scheduler.scheduleWithFixedDelay(() -> {
2|            try {
2|                checkOnce(contexts);
2|            } catch (VirtualMachineError fatal) {
2|                throw fatal;
2|            } catch (Throwable t) {
2|                checkFailures.increment();
2|                log.error("sanity check failed; it runs again in {}", heartbeatTimeout, t);
2|            }
2|        }, heartbeatTimeout.toMillis(), heartbeatTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes every stale context; a close that hangs is cut off after the heartbeat timeout. */
    private void checkOnce(UIContextRegistry contexts) {
        Instant now = Instant.now();
        for (UIContext ctx : contexts.all()) {
            if (Duration.between(ctx.lastHeartbeat(), now).compareTo(heartbeatTimeout) > 0) {
                Future<?> closing = ctx.closeAsync();
0|                ScheduledFuture<?> watchdog = scheduler.schedule(() -> closing.cancel(true), heartbeatTimeout.toMillis(), TimeUnit.MILLISECONDS);
0|                closing.whenDone(() -> watchdog.cancel(false));
1|                ScheduledFuture<?> watchdog = scheduler.schedule(() -> closing.cancel(true), heartbeatTimeout.toMillis(), TimeUnit.MILLISECONDS);
1|                closing.whenDone(() -> watchdog.cancel(false));
2|                scheduler.schedule(() -> closing.cancel(true), heartbeatTimeout.toMillis(), TimeUnit.MILLISECONDS); //@TMO-03
                log.info("closing UI context {}: no heartbeat since {}", ctx.id(), ctx.lastHeartbeat());
            }
        }
    }
}
'''
cases_of(case, GH + 'smartTrade-OpenSource/PonySDK/issues/81', src('com.ponysdk.core.server.context', 'SanityChecker'),
         J('com.ponysdk.core.server.context', SLF4J + ['io.micrometer.core.instrument.Counter',
                                                      'io.micrometer.core.instrument.MeterRegistry',
                                                      'java.time.Duration', 'java.time.Instant',
                                                      'java.util.concurrent.ScheduledExecutorService',
                                                      'java.util.concurrent.ScheduledFuture',
                                                      'java.util.concurrent.TimeUnit',
                                                      'com.ponysdk.core.server.concurrent.Future'])(PONYSDK), [
             (1, 'java-00-ponysdk-sanity-check-scheduled-without-guard',
              'an edit schedules the check directly; one exception ends every later sanity check', 'edit'),
             (2, 'java-00-ponysdk-close-watchdog-never-cancelled',
              'an edit schedules a watchdog per closing context and never cancels it when the close completes', 'edit'),
             (0, 'java-ok-00-ponysdk-guarded-check-and-watchdog-cancelled',
              'clean: the periodic body catches Throwable but lets VirtualMachineError through; watchdogs cancelled',
              'new'),
         ])


# ---------------------------------------------------------------- CONC-04: user id in the MDC (mystamps)
MYSTAMPS = r'''
/** Puts the signed-in user's id into the logging context for the lines of one request. */
public class MdcLogEnhancerFilter extends OncePerRequestFilter {
    static final String USER_ID = "userId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Integer userId = SecurityContextUtils.getUserId();
0|        if (userId == null) {
0|            chain.doFilter(request, response);
0|            return;
0|        }
0|        try (MDC.MDCCloseable ignored = MDC.putCloseable(USER_ID, userId.toString())) {
0|            chain.doFilter(request, response);
0|        }
1|        if (userId != null) {
1|            MDC.put(USER_ID, userId.toString()); //@CONC-04
1|        }
1|        chain.doFilter(request, response);
2|        if (userId != null) {
2|            MDC.put(USER_ID, userId.toString()); //@CONC-04
2|        }
2|        chain.doFilter(request, response);
2|        MDC.remove(USER_ID);
    }
}
'''
MYSTAMPS_TEST = r'''package ru.mystamps.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class MdcLogEnhancerFilterTest {

    @Test
    void the_user_id_is_gone_after_a_request_that_failed() {
        MockFilterChain failing = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                throw new IllegalStateException("handler failed");
            }
        };
        try {
            new MdcLogEnhancerFilter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), failing);
        } catch (Exception expected) {
            // the handler's failure is not what this test is about
        }
        assertThat(MDC.get(MdcLogEnhancerFilter.USER_ID)).isNull();
    }
}
'''
cases_of(case, GH + 'php-coder/mystamps/pull/1103', src('ru.mystamps.web.config', 'MdcLogEnhancerFilter'),
         J('ru.mystamps.web.config', ['jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException',
                                      'jakarta.servlet.http.HttpServletRequest',
                                      'jakarta.servlet.http.HttpServletResponse', 'java.io.IOException', 'org.slf4j.MDC',
                                      'org.springframework.web.filter.OncePerRequestFilter',
                                      'ru.mystamps.web.support.spring.security.SecurityContextUtils'])(MYSTAMPS), [
             (1, 'java-00-mystamps-mdc-user-id-never-removed',
              'the filter puts the user id into the MDC and never removes it from the pooled thread', 'new'),
             (2, 'java-00-mystamps-mdc-user-id-removed-outside-finally',
              'an edit removes the user id after the chain, so a failing request leaves it behind', 'edit'),
             (0, 'java-ok-00-mystamps-mdc-put-closeable-with-test',
              'clean: MDC.putCloseable in try-with-resources, with a test that a failing request leaves nothing',
              'fix', [f(tst('ru.mystamps.web.config', 'MdcLogEnhancerFilterTest'), new=MYSTAMPS_TEST)]),
         ])


# ---------------------------------------------------------------- LOG-02 / CONC-04: access log and async MDC (navikt)
NAVIKT = r'''
/** Logs one access line per request and carries the call id to work the request hands to the async pool. */
public class AccessLogFilter implements Filter {
    private static final Logger log = LoggerFactory.getLogger(AccessLogFilter.class);

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
0|            log.debug("{} {} -> {} in {} us", request.getMethod(), request.getRequestURI(),
0|                    ((HttpServletResponse) res).getStatus(), micros);
1|            log.debug(request.getMethod() + " " + request.getRequestURI() + " -> " //@LOG-02
1|                    + ((HttpServletResponse) res).getStatus() + " in " + micros + " us");
2|            log.debug("{} {} -> {} in {} us", request.getMethod(), request.getRequestURI(),
2|                    ((HttpServletResponse) res).getStatus(), micros);
        }
    }

    /** Wraps a task so that it logs with the submitting request's MDC, and leaves the pool thread as it found it. */
    public static Runnable withCallerMdc(Runnable task) {
        Map<String, String> caller = MDC.getCopyOfContextMap();
        return () -> {
0|            Map<String, String> previous = MDC.getCopyOfContextMap();
0|            MDC.setContextMap(caller == null ? Map.of() : caller);
0|            try {
0|                task.run();
0|            } finally {
0|                if (previous == null) {
0|                    MDC.clear();
0|                } else {
0|                    MDC.setContextMap(previous);
0|                }
0|            }
1|            Map<String, String> previous = MDC.getCopyOfContextMap();
1|            MDC.setContextMap(caller == null ? Map.of() : caller);
1|            try {
1|                task.run();
1|            } finally {
1|                if (previous == null) {
1|                    MDC.clear();
1|                } else {
1|                    MDC.setContextMap(previous);
1|                }
1|            }
2|            MDC.setContextMap(caller == null ? Map.of() : caller); //@CONC-04
2|            task.run();
        };
    }
}
'''
cases_of(case, GH + 'navikt/common-java-modules/pull/91', src('no.nav.common.log', 'AccessLogFilter'),
         J('no.nav.common.log', SLF4J + ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain',
                                        'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest',
                                        'jakarta.servlet.ServletResponse', 'jakarta.servlet.http.HttpServletRequest',
                                        'jakarta.servlet.http.HttpServletResponse', 'java.io.IOException',
                                        'java.util.Map', 'org.slf4j.MDC'])(NAVIKT), [
             (1, 'java-00-navikt-access-line-concatenated-at-debug',
              'an edit builds the per-request debug access line by concatenation', 'edit'),
             (2, 'java-00-navikt-async-task-leaves-caller-mdc-on-pool-thread',
              'an edit copies the caller MDC into the pool thread and never restores it', 'edit'),
             (0, 'java-ok-00-navikt-access-line-parameterised-and-mdc-restored',
              'clean: parameterised access line, the pool thread MDC restored in finally', 'new'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: interpreter tracing (chicory)
CHICORY = r'''
/** Executes the instructions of one WebAssembly function body. */
final class InterpreterLoop {
    private static final System.Logger LOG = System.getLogger(InterpreterLoop.class.getName());

    private final Instance instance;
    private long executed;

    InterpreterLoop(Instance instance) {
        this.instance = instance;
    }

    void run(MStack stack, StackFrame frame, Instruction[] code) {
        while (frame.pc < code.length) {
            Instruction ins = code[frame.pc++];
1|            LOG.log(System.Logger.Level.INFO, "exec " + ins.opcode() + " operands=" + Arrays.toString(ins.operands())); //@LOG-01|LOG-02
2|            LOG.log(System.Logger.Level.DEBUG, "exec " + ins + " stack=" + stack); //@LOG-02|LOG-01
0|            if (frame.traced && LOG.isLoggable(System.Logger.Level.TRACE)) {
0|                LOG.log(System.Logger.Level.TRACE, "exec {0} at {1}", ins.opcode(), frame.pc - 1);
0|            }
            executed++;
            switch (ins.opcode()) {
                case I32_ADD -> stack.push(Value.i32(stack.pop().asInt() + stack.pop().asInt()));
                case I32_CONST -> stack.push(Value.i32((int) ins.operands()[0]));
                case LOCAL_GET -> stack.push(frame.local((int) ins.operands()[0]));
                case RETURN -> { return; }
                default -> instance.execute(ins, stack, frame);
            }
        }
    }

    long executed() {
        return executed;
    }
}
'''
cases_of(case, GH + 'dylibso/chicory/pull/158', src('com.dylibso.chicory.runtime', 'InterpreterLoop'),
         J('com.dylibso.chicory.runtime', ['java.util.Arrays', 'com.dylibso.chicory.wasm.types.Value',
                                           'static com.dylibso.chicory.wasm.types.OpCode.I32_ADD',
                                           'static com.dylibso.chicory.wasm.types.OpCode.I32_CONST',
                                           'static com.dylibso.chicory.wasm.types.OpCode.LOCAL_GET',
                                           'static com.dylibso.chicory.wasm.types.OpCode.RETURN'])(CHICORY), [
             (1, 'java-00-chicory-interpreter-logs-every-instruction-at-info',
              'an edit logs every executed instruction at INFO, built by concatenation, on the hot path', 'edit'),
             (2, 'java-00-chicory-interpreter-debug-concatenates-stack',
              'an edit adds an unguarded debug line per instruction that renders the whole stack', 'edit'),
             (0, 'java-ok-00-chicory-interpreter-trace-guarded-per-frame',
              'clean: per-instruction tracing only for traced frames, behind isLoggable, with lazy parameters',
              'new'),
         ])
