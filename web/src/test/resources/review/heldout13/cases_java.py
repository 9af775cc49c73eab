"""Round-13 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates use `B|`
(defect only) and `C|` (clean only) lines where the two versions share their indentation, and two texts where they do
not; //@ITEM markers name the line a reviewer reading that item should flag. Every JDBC statement sets a query timeout
and every HTTP client sets its timeouts unless the case is about exactly that (TMO-01 reads both ways)."""
from common13 import make_case, java_edit, pom, java, src, tst, f, pick, numbered

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'


def J(pkg, cls, imports, body, bad=True):
    return f(src(pkg, cls), new=java(pkg, sorted(imports), pick(body, bad)))


def two(bad_text, clean_text, bad):
    return bad_text if bad else clean_text


JDBC = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
        'javax.sql.DataSource']

# ---------------------------------------------------------------- RES-01: JDBC objects closed by hand or not at all
EMPLOYEES_BAD = r'''
public class EmployeeReader {
    private static final int QUERY_TIMEOUT_SECONDS = 30;
    private final JdbcTemplate jdbc;

    public EmployeeReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every employee with the titles joined in, for the bulk load. */
    public List<Employee> employees() throws SQLException {
        Connection c = jdbc.getDataSource().getConnection(); //@RES-01
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT e.emp_no, e.first_name, e.last_name, t.title FROM employees e JOIN titles t ON t.emp_no = e.emp_no")) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = ps.executeQuery()) {
                List<Employee> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Employee(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
                return out;
            }
        }
    }
}
'''
EMPLOYEES_OK = EMPLOYEES_BAD.replace('''        Connection c = jdbc.getDataSource().getConnection(); //@RES-01
        try (PreparedStatement ps = c.prepareStatement(''', '''        try (Connection c = jdbc.getDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(''')
EMPI = JDBC + ['java.util.ArrayList', 'java.util.List', 'org.springframework.jdbc.core.JdbcTemplate']
case('java-00-marklogic-bulk-load-never-closes-jdbc-connection', GH + 'marklogic/java-client-api/issues/801',
     'a bulk-load example takes a connection from the data source and closes the statement but never the connection',
     files=[f(src('com.marklogic.client.example.cookbook.datamovement', 'EmployeeReader'),
              new=java('com.marklogic.client.example.cookbook.datamovement', EMPI, EMPLOYEES_BAD))])
case('java-ok-00-marklogic-bulk-load-connection-in-try-with-resources', GH + 'marklogic/java-client-api/issues/801',
     'clean: connection and statement are both resources of the try',
     files=[f(src('com.marklogic.client.example.cookbook.datamovement', 'EmployeeReader'),
              new=java('com.marklogic.client.example.cookbook.datamovement', EMPI, EMPLOYEES_OK))])

OUTAGES_BAD = r'''
public class OutageCounter {
    private static final int QUERY_TIMEOUT_SECONDS = 10;
    private final DataSource dataSource;

    public OutageCounter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Outages of the node that have not regained service. */
    public int openOutages(String nodeLabel) {
        try {
            Connection conn = dataSource.getConnection(); //@RES-01
            PreparedStatement ps = conn.prepareStatement(
                    "SELECT COUNT(*) FROM outages o JOIN node n ON n.nodeid = o.nodeid WHERE n.nodelabel = ? AND o.ifregainedservice IS NULL");
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            ps.setString(1, nodeLabel);
            ResultSet rs = ps.executeQuery();
            int count = rs.next() ? rs.getInt(1) : 0;
            rs.close();
            ps.close();
            conn.close();
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("count open outages of " + nodeLabel, e);
        }
    }
}
'''
OUTAGES_OK = r'''
public class OutageCounter {
    private static final int QUERY_TIMEOUT_SECONDS = 10;
    private final DataSource dataSource;

    public OutageCounter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Outages of the node that have not regained service. */
    public int openOutages(String nodeLabel) {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement(
                     "SELECT COUNT(*) FROM outages o JOIN node n ON n.nodeid = o.nodeid WHERE n.nodelabel = ? AND o.ifregainedservice IS NULL")) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            ps.setString(1, nodeLabel);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("count open outages of " + nodeLabel, e);
        }
    }
}
'''
case('java-00-opennms-outage-count-closes-jdbc-objects-at-end-of-try', GH + 'OpenNMS/opennms/pull/884',
     'a monitoring DAO closes result set, statement and connection at the end of the try; an exception skips all three',
     files=[f(src('org.opennms.netmgt.poller', 'OutageCounter'), new=java('org.opennms.netmgt.poller', JDBC, OUTAGES_BAD))],
     # Run 2 (CORRECTIONS.md): the result set, closed by hand too, leaks on the same paths; the label named the connection only.
     accept=[(src('org.opennms.netmgt.poller', 'OutageCounter'), 25, 'RES-01')])
case('java-ok-00-opennms-outage-count-in-try-with-resources', GH + 'OpenNMS/opennms/pull/884',
     'clean: the outage count acquires every JDBC object in try-with-resources',
     files=[f(src('org.opennms.netmgt.poller', 'OutageCounter'), new=java('org.opennms.netmgt.poller', JDBC, OUTAGES_OK))])


def managed(bad):
    return pick(r'''
public final class ConnectionFactory {
    private final Driver driver;
    private final String url;
    private final Properties properties;

    public ConnectionFactory(Driver driver, String url, Properties properties) {
        this.driver = driver;
        this.url = url;
        this.properties = properties;
    }

    /** A new managed connection; the caller closes it. */
    public ManagedConnection open(int isolation) throws SQLException {
        Connection raw = driver.connect(url, properties); //@RES-01
B|        return new ManagedConnection(raw, isolation);
C|        try {
C|            return new ManagedConnection(raw, isolation);
C|        } catch (SQLException | RuntimeException e) {
C|            try {
C|                raw.close();
C|            } catch (SQLException suppressed) {
C|                e.addSuppressed(suppressed);
C|            }
C|            throw e;
C|        }
    }
}
''', bad)


MANI = ['java.sql.Connection', 'java.sql.Driver', 'java.sql.SQLException', 'java.util.Properties']
case('java-00-liberty-factory-leaks-raw-connection-when-wrapper-fails', GH + 'OpenLiberty/open-liberty/issues/3752',
     'an application server opens a raw JDBC connection and loses it when the managed wrapper\'s constructor throws',
     files=[f(src('com.ibm.ws.rsadapter.impl', 'ConnectionFactory'), new=java('com.ibm.ws.rsadapter.impl', MANI, managed(True)))])
case('java-ok-00-liberty-factory-closes-raw-connection-on-failure', GH + 'OpenLiberty/open-liberty/issues/3752',
     'clean: the factory closes the raw connection when wrapping it fails and rethrows',
     files=[f(src('com.ibm.ws.rsadapter.impl', 'ConnectionFactory'), new=java('com.ibm.ws.rsadapter.impl', MANI, managed(False)))])

BONECP_EDIT = r'''
public class ConnectionRecycler {
    private final ConnectionPool pool;

    public ConnectionRecycler(ConnectionPool pool) {
        this.pool = pool;
    }

    /** Replaces a handle whose connection broke with a fresh one from the pool. */
    public ConnectionHandle recycle(ConnectionHandle broken) throws SQLException {
        Connection fresh = pool.newRawConnection(); //@RES-01
-|        try {
-|            ConnectionHandle handle = new ConnectionHandle(fresh, pool);
-|            pool.release(broken);
-|            return handle;
-|        } catch (SQLException e) {
-|            fresh.close();
-|            throw e;
-|        }
+|        ConnectionHandle handle = new ConnectionHandle(fresh, pool);
+|        pool.release(broken);
+|        return handle;
    }
}
'''
case('java-00-bonecp-edit-drops-close-of-fresh-connection-on-failure', GH + 'wwadge/bonecp/pull/11',
     'an edit of a pool removes the close of a fresh connection when building or releasing its handle fails',
     files=[java_edit(src('com.jolbox.bonecp', 'ConnectionRecycler'), 'com.jolbox.bonecp',
                      ['java.sql.Connection', 'java.sql.SQLException'], BONECP_EDIT)])


# ---------------------------------------------------------------- RES-01: NIO streams
def snapshots(pkg, cls, bad):
    return two(r'''
public final class %(cls)s {
    private %(cls)s() {
    }

    /** The snapshot files of a table directory, oldest first. */
    public static List<Path> snapshots(Path tableDir) throws IOException {
        return Files.list(tableDir) //@RES-01
                .filter(p -> p.getFileName().toString().endsWith(".snapshot"))
                .sorted()
                .collect(Collectors.toList());
    }
}
''' % locals(), r'''
public final class %(cls)s {
    private %(cls)s() {
    }

    /** The snapshot files of a table directory, oldest first. */
    public static List<Path> snapshots(Path tableDir) throws IOException {
        try (Stream<Path> entries = Files.list(tableDir)) {
            return entries
                    .filter(p -> p.getFileName().toString().endsWith(".snapshot"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
''' % locals(), bad)


NIO = ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path', 'java.util.List', 'java.util.stream.Collectors',
       'java.util.stream.Stream']
case('java-00-cassandra-snapshot-listing-leaks-directory-stream', GH + 'apache/cassandra/pull/1269',
     'a database lists snapshot files with Files.list and never closes the directory stream',
     files=[f(src('org.apache.cassandra.db', 'SnapshotFiles'), new=java('org.apache.cassandra.db', NIO, snapshots('p', 'SnapshotFiles', True)))])
case('java-ok-00-cassandra-snapshot-listing-closes-stream', GH + 'apache/cassandra/pull/1269',
     'clean: the directory stream is a resource of the try',
     files=[f(src('org.apache.cassandra.db', 'SnapshotFiles'), new=java('org.apache.cassandra.db', NIO, snapshots('p', 'SnapshotFiles', False)))])

BUCK = r'''
public class MoveWheelDataStep {
    private final Path dataDir;
    private final Path target;

    public MoveWheelDataStep(Path dataDir, Path target) {
        this.dataDir = dataDir;
        this.target = target;
    }

    /** Moves every entry of the wheel's data directory below the target. */
    public void execute() throws IOException {
        for (Path entry : Files.list(dataDir).collect(Collectors.toList())) { //@RES-01
            Files.move(entry, target.resolve(entry.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
'''
case('java-00-buck-wheel-step-iterates-unclosed-files-list', GH + 'facebook/buck/pull/2661',
     'a build tool collects Files.list into a list inline and never closes the directory stream',
     files=[f(src('com.facebook.buck.features.python', 'MoveWheelDataStep'),
              new=java('com.facebook.buck.features.python', ['java.io.IOException', 'java.nio.file.Files', 'java.nio.file.Path',
                                                            'java.nio.file.StandardCopyOption', 'java.util.stream.Collectors'], BUCK))])


# ---------------------------------------------------------------- RES-03: readers collected for the whole batch
def merge_csv(bad):
    return two(r'''
public class CsvBatchLoader {
    private final RowSink sink;

    public CsvBatchLoader(RowSink sink) {
        this.sink = sink;
    }

    /** Loads every file of the batch; the readers are closed when the batch is done. */
    public void load(List<Path> batch) throws IOException {
        List<BufferedReader> readers = new ArrayList<>();
        try {
            for (Path file : batch) {
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                readers.add(reader); //@RES-03
                sink.accept(file.getFileName().toString(), reader);
            }
        } finally {
            for (BufferedReader reader : readers) {
                reader.close();
            }
        }
    }
}
''', r'''
public class CsvBatchLoader {
    private final RowSink sink;

    public CsvBatchLoader(RowSink sink) {
        this.sink = sink;
    }

    /** Loads every file of the batch; each reader is closed before the next file is opened. */
    public void load(List<Path> batch) throws IOException {
        for (Path file : batch) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                sink.accept(file.getFileName().toString(), reader);
            }
        }
    }
}
''', bad)


CSVI = ['java.io.BufferedReader', 'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.nio.file.Files',
        'java.nio.file.Path', 'java.util.ArrayList', 'java.util.List']
case('java-00-dataloader-keeps-every-csv-reader-open-until-batch-ends', GH + 'forcedotcom/dataloader/pull/720',
     'a data loader opens a reader per CSV file of a batch and closes them all only when the batch ends',
     files=[f(src('com.salesforce.dataloader.dao.csv', 'CsvBatchLoader'), new=java('com.salesforce.dataloader.dao.csv', CSVI, merge_csv(True)))],
     # Run 2 (CORRECTIONS.md): each reader is opened outside try-with-resources and closed by hand in a loop that a failing
     # close cuts short, which RES-01 names; the label named RES-03 only.
     accept=[(src('com.salesforce.dataloader.dao.csv', 'CsvBatchLoader'), 23, 'RES-01')])
case('java-ok-00-dataloader-closes-each-csv-reader-per-file', GH + 'forcedotcom/dataloader/pull/720',
     'clean: one reader per loop turn in try-with-resources',
     files=[f(src('com.salesforce.dataloader.dao.csv', 'CsvBatchLoader'), new=java('com.salesforce.dataloader.dao.csv', CSVI, merge_csv(False)))])


# ---------------------------------------------------------------- TX-01: manual transactions without rollback
def receipts(pkg, cls, bad):
    return two(r'''
public class %(cls)s {
    private static final int QUERY_TIMEOUT_SECONDS = 5;
    private final DataSource dataSource;

    public %(cls)s(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a receipt and marks its message as acknowledged, in one transaction. */
    public void storeReceipt(String messageId, byte[] receipt) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); //@TX-01
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO receipts (message_id, body) VALUES (?, ?)")) {
                insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                insert.setString(1, messageId);
                insert.setBytes(2, receipt);
                insert.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE messages SET state = 'ACKNOWLEDGED' WHERE message_id = ?")) {
                update.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                update.setString(1, messageId);
                if (update.executeUpdate() != 1) {
                    throw new SQLException("no message " + messageId);
                }
            }
            c.commit();
        }
    }
}
''' % locals(), r'''
public class %(cls)s {
    private static final int QUERY_TIMEOUT_SECONDS = 5;
    private final DataSource dataSource;

    public %(cls)s(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a receipt and marks its message as acknowledged, in one transaction. */
    public void storeReceipt(String messageId, byte[] receipt) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO receipts (message_id, body) VALUES (?, ?)")) {
                    insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                    insert.setString(1, messageId);
                    insert.setBytes(2, receipt);
                    insert.executeUpdate();
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE messages SET state = 'ACKNOWLEDGED' WHERE message_id = ?")) {
                    update.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                    update.setString(1, messageId);
                    if (update.executeUpdate() != 1) {
                        throw new SQLException("no message " + messageId);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
''' % locals(), bad)


case('java-00-holodeck-receipt-store-has-no-rollback', GH + 'holodeck-b2b/Holodeck-B2B/pull/80',
     'a B2B gateway runs two statements in a manual transaction with no rollback when the second fails',
     files=[f(src('org.holodeckb2b.persistency', 'ReceiptStore'), new=java('org.holodeckb2b.persistency', JDBC, receipts('p', 'ReceiptStore', True)))])
case('java-ok-00-holodeck-receipt-store-rolls-back-and-rethrows', GH + 'holodeck-b2b/Holodeck-B2B/pull/80',
     'clean: the transaction is rolled back in a catch that rethrows',
     files=[f(src('org.holodeckb2b.persistency', 'ReceiptStore'), new=java('org.holodeckb2b.persistency', JDBC, receipts('p', 'ReceiptStore', False)))])
case('java-00-pnc-build-record-store-leaves-transaction-open', GH + 'project-ncl/pnc/pull/1758',
     'a build system stores an artifact record and updates its build in a manual transaction without rollback',
     files=[f(src('org.jboss.pnc.datastore', 'BuildRecordWriter'), new=java('org.jboss.pnc.datastore', JDBC, receipts('p', 'BuildRecordWriter', True)))])


# ---------------------------------------------------------------- TX-02: a failed commit reported as success
def squidb(bad):
    return two(r'''
public class TransactionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionRunner.class);
    private final DataSource dataSource;

    public TransactionRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs work in a transaction; returns true when it was committed. */
    public boolean inTransaction(Work work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            try {
                c.commit();
            } catch (SQLException e) { //@TX-02|ERR-01
                LOG.warn("commit failed", e);
            }
            return true;
        }
    }

    /** Statements run inside one transaction. */
    public interface Work {
        void run(Connection c) throws SQLException;
    }
}
''', r'''
public class TransactionRunner {
    private final DataSource dataSource;

    public TransactionRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs work in a transaction; a failed commit reaches the caller as the SQLException it is. */
    public void inTransaction(Work work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Statements run inside one transaction. */
    public interface Work {
        void run(Connection c) throws SQLException;
    }
}
''', bad)


SQI = ['java.sql.Connection', 'java.sql.SQLException', 'javax.sql.DataSource', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-00-squidb-runner-logs-failed-commit-and-reports-success', GH + 'yahoo/squidb/pull/7',
     'a database helper logs a failed commit and still returns true to its caller',
     files=[f(src('com.yahoo.squidb.data', 'TransactionRunner'), new=java('com.yahoo.squidb.data', SQI, squidb(True)))])
case('java-ok-00-squidb-runner-lets-commit-failure-propagate', GH + 'yahoo/squidb/pull/7',
     'clean: commit runs inside the try whose catch rolls back and rethrows',
     files=[f(src('com.yahoo.squidb.data', 'TransactionRunner'), new=java('com.yahoo.squidb.data', SQI, squidb(False)))])

SPLICE_EDIT = r'''
public class ImportTask {
    private static final Logger LOG = LoggerFactory.getLogger(ImportTask.class);
    private final Connection connection;

    public ImportTask(Connection connection) {
        this.connection = connection;
    }

    /** Commits the rows imported so far. */
    public void finish(long rows) throws SQLException {
-|        connection.commit();
+|        try {
+|            connection.commit();
+|        } catch (SQLException e) { //@TX-02|ERR-01
+|            LOG.error("could not commit {} imported rows", rows, e);
+|        }
        LOG.info("import finished with {} rows", rows);
    }
}
'''
case('java-00-splice-import-edit-swallows-commit-failure', GH + 'splicemachine/spliceengine/pull/1657',
     'an edit wraps the commit of an import in a catch that only logs, so a failed import reports itself finished',
     files=[java_edit(src('com.splicemachine.derby.impl.load', 'ImportTask'), 'com.splicemachine.derby.impl.load',
                      ['java.sql.Connection', 'java.sql.SQLException', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], SPLICE_EDIT)])


# ---------------------------------------------------------------- TMO-01: JDBC statement without a query timeout
def volt(bad):
    return pick(r'''
public class TupleLoader {
C|    private static final int QUERY_TIMEOUT_SECONDS = 30;
    private final DataSource dataSource;

    public TupleLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts one tuple; a failure names the column values it carried. */
    public void insert(String table, Object[] tuple) throws SQLException {
        String sql = "INSERT INTO " + table + " VALUES (" + "?, ".repeat(tuple.length - 1) + "?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) { //@TMO-01
C|            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            for (int i = 0; i < tuple.length; i++) {
                ps.setObject(i + 1, tuple[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new SQLException("insert into " + table + " failed for " + Arrays.toString(tuple), e);
        }
    }
}
''', bad)


VOLTI = ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.Arrays', 'javax.sql.DataSource']
case('java-00-voltdb-loader-inserts-without-query-timeout', GH + 'VoltDB/voltdb/pull/4518',
     'a bulk loader prepares each insert with no query timeout, so a locked table holds the loader forever',
     files=[f(src('org.voltdb.utils', 'TupleLoader'), new=java('org.voltdb.utils', VOLTI, volt(True)))])
case('java-ok-00-voltdb-loader-sets-query-timeout', GH + 'VoltDB/voltdb/pull/4518',
     'clean: the loader gives each insert a query timeout',
     files=[f(src('org.voltdb.utils', 'TupleLoader'), new=java('org.voltdb.utils', VOLTI, volt(False)))])


# ---------------------------------------------------------------- RES-02: HTTP responses
def glide(bad):
    return two(r'''
public class OkHttpStreamFetcher {
    private final Call.Factory client;

    public OkHttpStreamFetcher(Call.Factory client) {
        this.client = client;
    }

    /** The bytes of the image at url. */
    public byte[] fetch(String url) throws IOException {
        Request request = new Request.Builder().url(url).build();
        Response response = client.newCall(request).execute(); //@RES-02
        if (!response.isSuccessful()) {
            throw new HttpException(response.message(), response.code());
        }
        try (ResponseBody body = response.body()) {
            return body.bytes();
        }
    }
}
''', r'''
public class OkHttpStreamFetcher {
    private final Call.Factory client;

    public OkHttpStreamFetcher(Call.Factory client) {
        this.client = client;
    }

    /** The bytes of the image at url. */
    public byte[] fetch(String url) throws IOException {
        Request request = new Request.Builder().url(url).build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new HttpException(response.message(), response.code());
            }
            return response.body().bytes();
        }
    }
}
''', bad)


GLI = ['java.io.IOException', 'okhttp3.Call', 'okhttp3.Request', 'okhttp3.Response', 'okhttp3.ResponseBody']
case('java-00-glide-fetcher-leaks-non-2xx-response', GH + 'bumptech/glide/issues/1441',
     'an image loader throws on a non-2xx answer without closing the response, pinning its connection',
     files=[f(src('com.bumptech.glide.integration.okhttp3', 'OkHttpStreamFetcher'),
              new=java('com.bumptech.glide.integration.okhttp3', GLI, glide(True)))])
case('java-ok-00-glide-fetcher-closes-response-on-every-status', GH + 'bumptech/glide/issues/1441',
     'clean: the whole response is a resource of the try, whatever its status',
     files=[f(src('com.bumptech.glide.integration.okhttp3', 'OkHttpStreamFetcher'),
              new=java('com.bumptech.glide.integration.okhttp3', GLI, glide(False)))])

BRANCH = r'''
public class RemoteInterface {
    private final CloseableHttpClient httpClient;

    public RemoteInterface(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    /** Posts a JSON payload and returns the answer's body; a failed call answers null. */
    public String post(String url, String json) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        CloseableHttpResponse response = httpClient.execute(post); //@RES-02
        if (response.getStatusLine().getStatusCode() >= 400) {
            return null;
        }
        String body = EntityUtils.toString(response.getEntity());
        response.close();
        return body;
    }
}
'''
case('java-00-branch-sdk-post-returns-early-on-error-status', GH + 'BranchMetrics/android-branch-deep-linking-attribution/pull/114',
     'an SDK posts events and returns early on an error status without closing the response',
     files=[f(src('io.branch.referral.network', 'RemoteInterface'),
              new=java('io.branch.referral.network', ['java.io.IOException', 'org.apache.http.client.methods.CloseableHttpResponse',
                                                      'org.apache.http.client.methods.HttpPost', 'org.apache.http.entity.ContentType',
                                                      'org.apache.http.entity.StringEntity', 'org.apache.http.impl.client.CloseableHttpClient',
                                                      'org.apache.http.util.EntityUtils'], BRANCH))])


# ---------------------------------------------------------------- RES-04: clients and pools made per call
def proxies(bad):
    return two(r'''
public class ProxyDiscovery {
    private final URI discoveryUri;

    public ProxyDiscovery(URI discoveryUri) {
        this.discoveryUri = discoveryUri;
    }

    /** The proxies the cluster currently announces, one per line of the answer. */
    public List<String> proxies() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder() //@RES-04
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(discoveryUri).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("proxy discovery answered " + response.statusCode());
        }
        return response.body().lines().filter(line -> !line.isBlank()).collect(Collectors.toList());
    }
}
''', r'''
public class ProxyDiscovery {
    private final URI discoveryUri;
    private final HttpClient client;

    /** The client is shared by every discovery call and lives as long as this object. */
    public ProxyDiscovery(URI discoveryUri, HttpClient client) {
        this.discoveryUri = discoveryUri;
        this.client = client;
    }

    /** The proxies the cluster currently announces, one per line of the answer. */
    public List<String> proxies() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(discoveryUri).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("proxy discovery answered " + response.statusCode());
        }
        return response.body().lines().filter(line -> !line.isBlank()).collect(Collectors.toList());
    }
}
''', bad)


PXI = ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse',
       'java.time.Duration', 'java.util.List', 'java.util.stream.Collectors']
case('java-00-ytsaurus-discovery-builds-jdk-client-per-call', GH + 'ytsaurus/ytsaurus/pull/1847',
     'a cluster client builds a JDK HttpClient for each proxy discovery; every one keeps a selector thread',
     files=[f(src('tech.ytsaurus.client', 'ProxyDiscovery'), new=java('tech.ytsaurus.client', PXI, proxies(True)))])
case('java-ok-00-ytsaurus-discovery-shares-injected-client', GH + 'ytsaurus/ytsaurus/pull/1847',
     'clean: discovery uses one injected client and gives each request a timeout',
     files=[f(src('tech.ytsaurus.client', 'ProxyDiscovery'), new=java('tech.ytsaurus.client', PXI, proxies(False)))])

PARALLEL = r'''
public final class Parallel {
    private Parallel() {
    }

    /** Runs body for every element, using one thread per core, and waits for all of them. */
    public static <T> void forEach(Collection<T> elements, Consumer<T> body) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool( //@RES-04
                Runtime.getRuntime().availableProcessors()); //@CONC-02
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (T e : elements) {
                tasks.add(() -> {
                    body.accept(e);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                try {
                    done.get();
                } catch (ExecutionException failed) {
                    throw new IllegalStateException("parallel body failed", failed.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
'''
case('java-00-commons-parallel-for-creates-pool-per-call', GH + 'tantaman/commons/issues/1',
     'a utility creates a fixed thread pool, with its unbounded queue, on every call (two expectations)',
     files=[f(src('com.tantaman.commons.concurrent', 'Parallel'),
              new=java('com.tantaman.commons.concurrent', ['java.util.ArrayList', 'java.util.Collection', 'java.util.List',
                                                           'java.util.concurrent.Callable', 'java.util.concurrent.ExecutionException',
                                                           'java.util.concurrent.ExecutorService', 'java.util.concurrent.Executors',
                                                           'java.util.concurrent.Future', 'java.util.function.Consumer'], PARALLEL))])


# ---------------------------------------------------------------- TMO-01: HTTP without timeouts
def net_request(bad):
    return pick(r'''
public class NetHttpRequest {
    private final URL url;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    public NetHttpRequest(URL url, int connectTimeoutMillis, int readTimeoutMillis) {
        this.url = url;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** Sends a GET and returns the body of a successful answer. */
    public byte[] get() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(); //@TMO-01
        connection.setRequestMethod("GET");
C|        connection.setConnectTimeout(connectTimeoutMillis);
C|        connection.setReadTimeout(readTimeoutMillis);
B|        if (connectTimeoutMillis >= 0) {
B|            connection.setReadTimeout(readTimeoutMillis);
B|        }
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        } finally {
            connection.disconnect();
        }
    }
}
''', bad)


NHI = ['java.io.IOException', 'java.io.InputStream', 'java.net.HttpURLConnection', 'java.net.URL']
case('java-00-google-api-request-never-sets-connect-timeout', GH + 'googleapis/google-api-java-client/issues/74',
     'an API client checks the connect timeout but sets only the read timeout, so connects wait forever',
     files=[f(src('com.google.api.client.http.javanet', 'NetHttpRequest'), new=java('com.google.api.client.http.javanet', NHI, net_request(True)))])
case('java-ok-00-google-api-request-sets-both-timeouts', GH + 'googleapis/google-api-java-client/issues/74',
     'clean: the connection gets its connect and read timeouts before it is used',
     files=[f(src('com.google.api.client.http.javanet', 'NetHttpRequest'), new=java('com.google.api.client.http.javanet', NHI, net_request(False)))])

COMMERCE = r'''
public class ProductFeedClient {
    private final URL feedUrl;

    public ProductFeedClient(URL feedUrl) {
        this.feedUrl = feedUrl;
    }

    /** The raw product feed. */
    public String fetchFeed() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) feedUrl.openConnection(); //@TMO-01
        connection.setRequestProperty("Accept", "application/json");
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }
}
'''
case('java-00-commercetools-feed-client-opens-connection-without-timeouts', GH + 'commercetools/commercetools-jvm-sdk/issues/1039',
     'a commerce SDK reads a product feed over HttpURLConnection with neither connect nor read timeout',
     files=[f(src('io.sphere.sdk.http', 'ProductFeedClient'),
              new=java('io.sphere.sdk.http', NHI + ['java.nio.charset.StandardCharsets'], COMMERCE))])


def nakadi(bad):
    return two(r'''
@Configuration
public class NakadiClientConfiguration {
    @Bean
    public RestTemplate nakadiRestTemplate() {
        return new RestTemplate(new SimpleClientHttpRequestFactory()); //@TMO-01
    }
}
''', r'''
@Configuration
public class NakadiClientConfiguration {
    @Bean
    public RestTemplate nakadiRestTemplate() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(2_000);
        factory.setReadTimeout(10_000);
        return new RestTemplate(factory);
    }
}
''', bad)


NKI = ['org.springframework.context.annotation.Bean', 'org.springframework.context.annotation.Configuration',
       'org.springframework.http.client.SimpleClientHttpRequestFactory', 'org.springframework.web.client.RestTemplate']
case('java-00-fahrschein-rest-template-without-timeouts', GH + 'zalando-nakadi/fahrschein/issues/192',
     'an event-bus client configures its RestTemplate on a request factory with the default, infinite timeouts',
     files=[f(src('org.zalando.fahrschein.spring', 'NakadiClientConfiguration'), new=java('org.zalando.fahrschein.spring', NKI, nakadi(True)))])
case('java-ok-00-fahrschein-rest-template-with-timeouts', GH + 'zalando-nakadi/fahrschein/issues/192',
     'clean: the request factory gets connect and read timeouts',
     files=[f(src('org.zalando.fahrschein.spring', 'NakadiClientConfiguration'), new=java('org.zalando.fahrschein.spring', NKI, nakadi(False)))])


# ---------------------------------------------------------------- CONC-04: MDC and thread-locals
def trace_filter(pkg, bad):
    return two(r'''
public class TraceIdFilter implements Filter {
    static final String TRACE_ID = "traceId";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        MDC.put(TRACE_ID, traceId((HttpServletRequest) request)); //@CONC-04|HTTP-01
        chain.doFilter(request, response);
        MDC.remove(TRACE_ID);
    }

    private static String traceId(HttpServletRequest request) {
        String incoming = request.getHeader("X-Trace-Id");
        return incoming != null ? incoming : UUID.randomUUID().toString();
    }
}
''', r'''
public class TraceIdFilter implements Filter {
    static final String TRACE_ID = "traceId";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        MDC.put(TRACE_ID, traceId((HttpServletRequest) request));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(TRACE_ID);
        }
    }

    private static String traceId(HttpServletRequest request) {
        String incoming = request.getHeader("X-Trace-Id");
        return incoming != null ? incoming : UUID.randomUUID().toString();
    }
}
''', bad)


TFI = ['jakarta.servlet.Filter', 'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest',
       'jakarta.servlet.ServletResponse', 'jakarta.servlet.http.HttpServletRequest', 'java.io.IOException', 'java.util.UUID',
       'org.slf4j.MDC']
case('java-00-mdc-ttl-trace-filter-removes-only-after-normal-return', GH + 'ofpay/logback-mdc-ttl/issues/6',
     'a trace filter removes its MDC key only when the chain returns normally; a failed request leaves it on the thread',
     files=[f(src('com.ofpay.logback.web', 'TraceIdFilter'), new=java('com.ofpay.logback.web', TFI, trace_filter('p', True)))])
case('java-ok-00-mdc-ttl-trace-filter-removes-in-finally', GH + 'ofpay/logback-mdc-ttl/issues/6',
     'clean: the MDC key is removed in a finally around the chain',
     files=[f(src('com.ofpay.logback.web', 'TraceIdFilter'), new=java('com.ofpay.logback.web', TFI, trace_filter('p', False)))])


def kasper(bad):
    return pick(r'''
public final class ContextPropagatingExecutor implements Executor {
    private final Executor delegate;

    public ContextPropagatingExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    /** Runs task on the delegate with the caller's MDC. */
    @Override
    public void execute(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        delegate.execute(() -> {
            MDC.setContextMap(context == null ? Map.of() : context); //@CONC-04
B|            task.run();
C|            try {
C|                task.run();
C|            } finally {
C|                MDC.clear();
C|            }
        });
    }
}
''', bad)


KAI = ['java.util.Map', 'java.util.concurrent.Executor', 'org.slf4j.MDC']
case('java-00-kasper-executor-copies-mdc-into-pooled-thread-and-keeps-it', GH + 'viadeo/kasper-framework/pull/244',
     'a framework copies the caller\'s MDC into each task on a pooled thread and never clears it afterwards',
     files=[f(src('com.viadeo.kasper.core.context', 'ContextPropagatingExecutor'), new=java('com.viadeo.kasper.core.context', KAI, kasper(True)))])
case('java-ok-00-kasper-executor-clears-mdc-after-task', GH + 'viadeo/kasper-framework/pull/244',
     'clean: the copied context is cleared in a finally when the task ends',
     files=[f(src('com.viadeo.kasper.core.context', 'ContextPropagatingExecutor'), new=java('com.viadeo.kasper.core.context', KAI, kasper(False)))])

TENANT_EDIT = r'''
public class TenantContextFilter implements Filter {
    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    public static String currentTenant() {
        return TENANT.get();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        TENANT.set(((HttpServletRequest) request).getHeader("X-Tenant")); //@CONC-04|HTTP-01
-|        try {
-|            chain.doFilter(request, response);
-|        } finally {
-|            TENANT.remove();
-|        }
+|        chain.doFilter(request, response);
    }
}
'''
case('java-00-kasper-tenant-filter-edit-drops-finally', GH + 'viadeo/kasper-framework/pull/244',
     'an edit of a tenant filter removes the finally that cleared the thread-local; the next request on the thread inherits it',
     files=[java_edit(src('com.viadeo.kasper.api.web', 'TenantContextFilter'), 'com.viadeo.kasper.api.web',
                      [i for i in TFI if 'UUID' not in i and 'MDC' not in i], TENANT_EDIT)])


# ---------------------------------------------------------------- CONC-05: interrupts swallowed
def event_loop(bad):
    return pick(r'''
public class EventLoopStopper {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoopStopper.class);
    private final Thread eventLoopThread;

    public EventLoopStopper(Thread eventLoopThread) {
        this.eventLoopThread = eventLoopThread;
    }

    /** Interrupts the event loop and waits up to ten seconds for it to end. */
    public void stop() {
        eventLoopThread.interrupt();
        try {
            eventLoopThread.join(10_000);
        } catch (InterruptedException e) { //@CONC-05
            LOG.warn("interrupted while waiting for the event loop thread to end", e);
C|            Thread.currentThread().interrupt();
        }
    }
}
''', bad)


ELI = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-00-htmlunit-stop-swallows-interrupt-while-joining', GH + 'HtmlUnit/htmlunit/issues/609',
     'a headless browser logs an interrupt received while joining its event loop and carries on without the flag',
     files=[f(src('org.htmlunit.javascript.background', 'EventLoopStopper'), new=java('org.htmlunit.javascript.background', ELI, event_loop(True)))])
case('java-ok-00-htmlunit-stop-restores-interrupt', GH + 'HtmlUnit/htmlunit/issues/609',
     'clean: the catch restores the interrupt flag for the caller',
     files=[f(src('org.htmlunit.javascript.background', 'EventLoopStopper'), new=java('org.htmlunit.javascript.background', ELI, event_loop(False)))])

WAIT_JOBS = r'''
public class JobWaiter {
    private final JobManager jobs;

    public JobWaiter(JobManager jobs) {
        this.jobs = jobs;
    }

    /** Waits until no background job is left or the timeout passes; returns the number still running. */
    public int waitForJobs(long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (jobs.count() > 0 && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) { //@CONC-05
                // keep waiting until the deadline
            }
        }
        return jobs.count();
    }
}
'''
case('java-00-htmlunit-job-waiter-keeps-polling-after-interrupt', GH + 'HtmlUnit/htmlunit/issues/609',
     'a job waiter swallows the interrupt inside its polling loop and keeps sleeping until the deadline',
     files=[f(src('org.htmlunit.javascript.background', 'JobWaiter'), new=java('org.htmlunit.javascript.background', [], WAIT_JOBS))])

FUTURE_EDIT = r'''
public class PageLoader {
    private final ExecutorService loader;

    public PageLoader(ExecutorService loader) {
        this.loader = loader;
    }

    /** Loads the page and waits for it at most timeoutSeconds. */
    public Page load(URL url, long timeoutSeconds) throws IOException, TimeoutException {
        Future<Page> page = loader.submit(() -> fetchAndParse(url));
        try {
            return page.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            page.cancel(true); // stop the fetch, not only the wait
            throw e;
-|        } catch (InterruptedException e) {
-|            Thread.currentThread().interrupt();
-|            throw new IOException("interrupted while loading " + url, e);
-|        } catch (ExecutionException e) {
+|        } catch (InterruptedException | ExecutionException e) { //@CONC-05
            throw new IOException("loading " + url + " failed", e);
        }
    }
}
'''
case('java-00-htmlunit-loader-edit-merges-interrupt-into-multi-catch', GH + 'HtmlUnit/htmlunit/issues/609',
     'an edit folds the InterruptedException catch into a multi-catch that wraps it without restoring the flag',
     files=[java_edit(src('org.htmlunit', 'PageLoader'), 'org.htmlunit',
                      ['java.io.IOException', 'java.net.URL', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.ExecutorService',
                       'java.util.concurrent.Future', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.TimeoutException'], FUTURE_EDIT)])


# ---------------------------------------------------------------- CONC-07: periodic tasks
def dispatcher_sync(pkg, cls, bad):
    return two(r'''
public class %(cls)s {
    private final ScheduledExecutorService scheduler;
    private final DispatchManager dispatchManager;

    public %(cls)s(ScheduledExecutorService scheduler, DispatchManager dispatchManager) {
        this.scheduler = scheduler;
        this.dispatchManager = dispatchManager;
    }

    /** Keeps the queued queries in step with the dispatcher every 200 ms. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::syncWithDispatcher, 200, 200, TimeUnit.MILLISECONDS); //@CONC-07
    }

    private void syncWithDispatcher() {
        for (QueryId id : dispatchManager.dispatchedQueries()) {
            dispatchManager.markSynced(id);
        }
    }
}
''' % locals(), r'''
public class %(cls)s {
    private static final Logger LOG = LoggerFactory.getLogger(%(cls)s.class);
    private final ScheduledExecutorService scheduler;
    private final DispatchManager dispatchManager;
    private final AtomicLong syncFailures = new AtomicLong();

    public %(cls)s(ScheduledExecutorService scheduler, DispatchManager dispatchManager) {
        this.scheduler = scheduler;
        this.dispatchManager = dispatchManager;
    }

    /** Keeps the queued queries in step with the dispatcher every 200 ms; one failed run does not stop the next. */
    public void start() {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                syncWithDispatcher();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                syncFailures.incrementAndGet();
                LOG.error("sync with the dispatcher failed; it runs again in 200 ms", t);
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    private void syncWithDispatcher() {
        for (QueryId id : dispatchManager.dispatchedQueries()) {
            dispatchManager.markSynced(id);
        }
    }
}
''' % locals(), bad)


DSI = ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong',
       'org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-00-trino-query-sync-scheduled-without-guard', GH + 'trinodb/trino/pull/18085',
     'a query engine schedules its dispatcher sync with a fixed delay and no catch; one exception ends the schedule',
     files=[f(src('io.trino.dispatcher', 'QueuedQuerySync'), new=java('io.trino.dispatcher', DSI, dispatcher_sync('p', 'QueuedQuerySync', True)))])
case('java-ok-00-trino-query-sync-guards-each-run', GH + 'trinodb/trino/pull/18085',
     'clean: each run catches everything but VirtualMachineError, logs and counts it',
     files=[f(src('io.trino.dispatcher', 'QueuedQuerySync'), new=java('io.trino.dispatcher', DSI, dispatcher_sync('p', 'QueuedQuerySync', False)))])

NETATMO = r'''
public class NetatmoRefresher {
    private final ScheduledExecutorService scheduler;
    private final NetatmoApi api;
    private final Consumer<StationData> updateChannels;
    private ScheduledFuture<?> refreshJob;

    public NetatmoRefresher(ScheduledExecutorService scheduler, NetatmoApi api, Consumer<StationData> updateChannels) {
        this.scheduler = scheduler;
        this.api = api;
        this.updateChannels = updateChannels;
    }

    /** Refreshes the station data every interval. */
    public void start(long intervalSeconds) {
        refreshJob = scheduler.scheduleAtFixedRate(() -> { //@CONC-07
            StationData data = api.getStationsData();
            updateChannels.accept(data);
        }, 0, intervalSeconds, TimeUnit.SECONDS);
    }

    public void stop() {
        if (refreshJob != null) {
            refreshJob.cancel(true);
        }
    }
}
'''
case('java-00-openhab-netatmo-refresh-dies-on-first-api-error', GH + 'openhab/openhab-addons/pull/3218',
     'a home-automation binding refreshes station data at a fixed rate; the first API exception ends all refreshes',
     files=[f(src('org.openhab.binding.netatmo.handler', 'NetatmoRefresher'),
              new=java('org.openhab.binding.netatmo.handler', ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
                                                              'java.util.concurrent.TimeUnit', 'java.util.function.Consumer'], NETATMO))])

JTI_EDIT = r'''
public class DeviceTokenJtiCleanupService {
    private static final Log LOG = LogFactory.getLog(DeviceTokenJtiCleanupService.class);
    private final ScheduledExecutorService scheduler;
    private final JtiStore store;

    public DeviceTokenJtiCleanupService(ScheduledExecutorService scheduler, JtiStore store) {
        this.scheduler = scheduler;
        this.store = store;
    }

    /** Deletes expired token ids every hour. */
    public void activate() {
-|        scheduler.scheduleWithFixedDelay(this::cleanSafely, 1, 60, TimeUnit.MINUTES);
+|        scheduler.scheduleWithFixedDelay(store::deleteExpired, 1, 60, TimeUnit.MINUTES); //@CONC-07
    }

    private void cleanSafely() {
        try {
            store.deleteExpired();
        } catch (Throwable t) {
            LOG.error("Device token id clean-up failed; it runs again in an hour.", t);
        }
    }
}
'''
case('java-00-wso2-jti-cleanup-edit-schedules-unguarded-method', GH + 'wso2/carbon-identity-framework/pull/8228',
     'an edit schedules the store\'s delete directly instead of the guarded wrapper, so one failure ends the clean-up',
     files=[java_edit(src('org.wso2.carbon.identity.device.policy.internal.cleanup', 'DeviceTokenJtiCleanupService'),
                      'org.wso2.carbon.identity.device.policy.internal.cleanup',
                      ['java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                       'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory'], JTI_EDIT)])


# ---------------------------------------------------------------- CONC-06: futures nobody looks at
def jicofo(bad):
    return two(r'''
public class ParticipantExpiry {
    private final ExecutorService executor;
    private final ChannelAllocator channels;

    public ParticipantExpiry(ExecutorService executor, ChannelAllocator channels) {
        this.executor = executor;
        this.channels = channels;
    }

    /** Expires the channels of a participant that left, off the signalling thread. */
    public void onParticipantLeft(String endpointId) {
        executor.submit(() -> channels.expire(endpointId)); //@CONC-06
    }
}
''', r'''
public class ParticipantExpiry {
    private static final Logger LOG = LoggerFactory.getLogger(ParticipantExpiry.class);
    private final ExecutorService executor;
    private final ChannelAllocator channels;
    private final AtomicLong expiryFailures = new AtomicLong();

    public ParticipantExpiry(ExecutorService executor, ChannelAllocator channels) {
        this.executor = executor;
        this.channels = channels;
    }

    /** Expires the channels of a participant that left, off the signalling thread; a failure is logged and counted. */
    public void onParticipantLeft(String endpointId) {
        CompletableFuture.runAsync(() -> channels.expire(endpointId), executor)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        expiryFailures.incrementAndGet();
                        LOG.warn("channels of endpoint {} not expired", endpointId, failure);
                    }
                });
    }
}
''', bad)


JCI = ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.atomic.AtomicLong',
       'org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-00-jicofo-expiry-submits-and-drops-future', GH + 'jitsi/jicofo/pull/823',
     'a conference focus submits channel expiry to an executor and drops the future with any exception in it',
     files=[f(src('org.jitsi.jicofo.conference', 'ParticipantExpiry'), new=java('org.jitsi.jicofo.conference', JCI, jicofo(True)))])
case('java-ok-00-jicofo-expiry-observes-failure', GH + 'jitsi/jicofo/pull/823',
     'clean: the async expiry has a completion handler that logs and counts failures',
     files=[f(src('org.jitsi.jicofo.conference', 'ParticipantExpiry'), new=java('org.jitsi.jicofo.conference', JCI, jicofo(False)))])

BASELINE = r'''
public class BuildCacheWarmer {
    private final ExecutorService workers;
    private final ArtifactCache cache;

    public BuildCacheWarmer(ExecutorService workers, ArtifactCache cache) {
        this.workers = workers;
        this.cache = cache;
    }

    /** Starts downloading every artifact of the build into the cache. */
    public void warm(List<String> coordinates) {
        for (String coordinate : coordinates) {
            workers.submit(() -> cache.fetch(coordinate)); //@CONC-06
        }
    }
}
'''
case('java-00-gradle-baseline-warmer-ignores-submitted-futures', GH + 'palantir/gradle-baseline/pull/741',
     'a build plugin submits one download per artifact and ignores every returned future',
     files=[f(src('com.palantir.baseline.plugins', 'BuildCacheWarmer'),
              new=java('com.palantir.baseline.plugins', ['java.util.List', 'java.util.concurrent.ExecutorService'], BASELINE))])

ASYNC_INDEX = r'''
public class SearchIndexer {
    private final Executor executor;
    private final IndexClient index;

    public SearchIndexer(Executor executor, IndexClient index) {
        this.executor = executor;
        this.index = index;
    }

    /** Indexes the document in the background. */
    public void indexLater(Document document) {
        CompletableFuture.runAsync(() -> index.put(document.id(), document.fields()), executor); //@CONC-06
    }
}
'''
case('java-00-java-examples-async-index-has-no-exception-handler', GH + 'mincong-h/java-examples/pull/40',
     'a service starts an async index update and keeps no future and no exception handler',
     files=[f(src('io.mincong.concurrency', 'SearchIndexer'),
              new=java('io.mincong.concurrency', ['java.util.concurrent.CompletableFuture', 'java.util.concurrent.Executor'], ASYNC_INDEX))])


# ---------------------------------------------------------------- CONC-01: threads without a handler
def watcher(bad):
    return pick(r'''
public class WorkspaceWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceWatcher.class);
    private final WorkspaceEvents events;

    public WorkspaceWatcher(WorkspaceEvents events) {
        this.events = events;
    }

    /** Starts a daemon thread that follows the workspace's status events. */
    public Thread watch(String workspaceId) {
        Thread watcher = new Thread(() -> events.follow(workspaceId), "ws-watcher-" + workspaceId); //@CONC-01
        watcher.setDaemon(true);
C|        watcher.setUncaughtExceptionHandler((thread, e) ->
C|                LOG.error("watcher {} of workspace {} died", thread.getName(), workspaceId, e));
        watcher.start();
        return watcher;
    }
}
''', bad)


WWI = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-00-codenvy-watcher-thread-has-no-exception-handler', GH + 'codenvy/codenvy/pull/1225',
     'a cloud IDE starts a watcher thread per workspace with no uncaught-exception handler; a failure only reaches stderr',
     files=[f(src('com.codenvy.api.workspace', 'WorkspaceWatcher'), new=java('com.codenvy.api.workspace', WWI, watcher(True)))])
case('java-ok-00-codenvy-watcher-thread-logs-uncaught-exceptions', GH + 'codenvy/codenvy/pull/1225',
     'clean: the watcher thread gets a handler that logs its death with the workspace id',
     files=[f(src('com.codenvy.api.workspace', 'WorkspaceWatcher'), new=java('com.codenvy.api.workspace', WWI, watcher(False)))])


# ---------------------------------------------------------------- DEP-02: deserialization
def ratis(bad):
    return pick(r'''
public final class IOUtils {
C|    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
C|            "org.apache.ratis.protocol.*;java.lang.*;java.util.*;!*");

    private IOUtils() {
    }

    /** Reads one object written by writeObject. */
    public static <T> T readObject(InputStream in, Class<T> type) throws IOException {
        try (ObjectInputStream objectIn = new ObjectInputStream(in)) {
C|            objectIn.setObjectInputFilter(ALLOWED);
            return type.cast(objectIn.readObject()); //@DEP-02
        } catch (ClassNotFoundException e) {
            throw new IOException("unknown class in the stream", e);
        }
    }
}
''', bad)


RAI = ['java.io.IOException', 'java.io.InputStream', 'java.io.ObjectInputFilter', 'java.io.ObjectInputStream']
case('java-00-ratis-read-object-without-allow-list', GH + 'apache/ratis/pull/1591',
     'a consensus library reads objects from a stream with Java serialization and no filter',
     files=[f(src('org.apache.ratis.util', 'IOUtils'), new=java('org.apache.ratis.util', RAI, ratis(True)))])
case('java-ok-00-ratis-read-object-with-allow-list-filter', GH + 'apache/ratis/pull/1591',
     'clean: the stream gets an allow-list ObjectInputFilter before anything is read',
     files=[f(src('org.apache.ratis.util', 'IOUtils'), new=java('org.apache.ratis.util', RAI, ratis(False)))])

KEYCLOAK = r'''
public class SerializedBrokeredIdentityContext {
    /** Restores the brokered identity saved in the authentication session note. */
    public static BrokeredIdentityContext restore(String note) {
        byte[] bytes = Base64.getDecoder().decode(note);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (BrokeredIdentityContext) in.readObject(); //@DEP-02
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot restore brokered identity", e);
        }
    }
}
'''
case('java-00-keycloak-restores-session-note-with-object-input-stream', GH + 'keycloak/keycloak/pull/7053',
     'an identity server restores a session note with ObjectInputStream and no check of the classes it builds',
     files=[f(src('org.keycloak.authentication.authenticators.broker.util', 'SerializedBrokeredIdentityContext'),
              new=java('org.keycloak.authentication.authenticators.broker.util',
                       ['java.io.ByteArrayInputStream', 'java.io.IOException', 'java.io.ObjectInputStream', 'java.util.Base64'], KEYCLOAK))])


def http4k(bad):
    return pick(r'''
public final class JsonMapperFactory {
    private JsonMapperFactory() {
    }

    /** The mapper used for request and response bodies. */
    public static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
B|        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL); //@DEP-02
        return mapper;
    }
}
''', bad)


H4I = ['com.fasterxml.jackson.databind.DeserializationFeature', 'com.fasterxml.jackson.databind.ObjectMapper',
       'com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator',
       'com.fasterxml.jackson.datatype.jsr310.JavaTimeModule']
case('java-00-http4k-mapper-activates-default-typing', GH + 'http4k/http4k/issues/132',
     'a web toolkit\'s mapper for request bodies activates default typing with a validator that allows every class',
     files=[f(src('org.http4k.format', 'JsonMapperFactory'), new=java('org.http4k.format', H4I, http4k(True)))])
case('java-ok-00-http4k-mapper-without-default-typing', GH + 'http4k/http4k/issues/132',
     'clean: the body mapper leaves default typing off',
     files=[f(src('org.http4k.format', 'JsonMapperFactory'), new=java('org.http4k.format', H4I, http4k(False)))])

JACKSON_EDIT = r'''
public class CacheValueCodec {
    private final ObjectMapper mapper = new ObjectMapper();

    public CacheValueCodec() {
+|        mapper.enableDefaultTyping(); //@DEP-02
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** Reads a cached value written by encode. */
    public Object decode(byte[] json) throws IOException {
        return mapper.readValue(json, Object.class);
    }
}
'''
case('java-00-jackson-cache-codec-edit-enables-default-typing', GH + 'FasterXML/jackson-databind/issues/2258',
     'an edit turns on default typing in a cache codec that reads values back as Object',
     files=[java_edit(src('com.example.cache', 'CacheValueCodec'), 'com.example.cache',
                      ['com.fasterxml.jackson.databind.ObjectMapper', 'com.fasterxml.jackson.databind.SerializationFeature',
                       'java.io.IOException'], JACKSON_EDIT)])


# ---------------------------------------------------------------- ERR-01: printed or empty catches
def writer(pkg, cls, bad):
    return two(r'''
public class %(cls)s {
    private final Path target;

    public %(cls)s(Path target) {
        this.target = target;
    }

    /** Writes the report next to the others. */
    public void save(String report) {
        try {
            Files.writeString(target, report, StandardCharsets.UTF_8);
        } catch (IOException e) { //@ERR-01
            e.printStackTrace();
        }
    }
}
''' % locals(), r'''
public class %(cls)s {
    private final Path target;

    public %(cls)s(Path target) {
        this.target = target;
    }

    /** Writes the report next to the others; a failed write reaches the caller. */
    public void save(String report) {
        try {
            Files.writeString(target, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("write report " + target, e);
        }
    }
}
''' % locals(), bad)


WRI = ['java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.Path']
case('java-00-supersonic-report-writer-prints-stack-trace', GH + 'tencentmusic/supersonic/pull/1156',
     'an analytics service prints the stack trace of a failed report write and tells nobody',
     files=[f(src('com.tencent.supersonic.common.util', 'ReportWriter'), new=java('com.tencent.supersonic.common.util', WRI, writer('p', 'ReportWriter', True)))])
case('java-ok-00-supersonic-report-writer-rethrows-with-path', GH + 'tencentmusic/supersonic/pull/1156',
     'clean: the failure is rethrown unchecked with the path it concerns',
     files=[f(src('com.tencent.supersonic.common.util', 'ReportWriter'), new=java('com.tencent.supersonic.common.util', WRI, writer('p', 'ReportWriter', False)))])
case('java-00-terasology-launcher-settings-writer-prints-stack-trace', GH + 'MovingBlocks/TerasologyLauncher/pull/13',
     'a game launcher prints the stack trace when its settings cannot be saved',
     files=[f(src('org.terasology.launcher.settings', 'SettingsWriter'), new=java('org.terasology.launcher.settings', WRI, writer('p', 'SettingsWriter', True)))])

EMPTY = r'''
public class FontResolver {
    private final Map<String, Font> fonts = new HashMap<>();

    /** Loads every TrueType font of the directory that parses. */
    public void loadFonts(File dir) {
        for (File file : dir.listFiles((d, name) -> name.endsWith(".ttf"))) {
            try (InputStream in = new FileInputStream(file)) {
                fonts.put(file.getName(), Font.createFont(Font.TRUETYPE_FONT, in));
            } catch (FontFormatException | IOException e) { //@ERR-01
            }
        }
    }
}
'''
case('java-00-flyingsaucer-font-loader-empty-catch', GH + 'flyingsaucerproject/flyingsaucer/pull/288',
     'a PDF renderer skips fonts that fail to load with an empty catch; missing glyphs show up far away',
     files=[f(src('org.xhtmlrenderer.pdf', 'FontResolver'),
              new=java('org.xhtmlrenderer.pdf', ['java.awt.Font', 'java.awt.FontFormatException', 'java.io.File', 'java.io.FileInputStream',
                                                  'java.io.IOException', 'java.io.InputStream', 'java.util.HashMap', 'java.util.Map'], EMPTY))])

XSK_EDIT = r'''
public class HdbtiImporter {
    private static final Logger LOG = LoggerFactory.getLogger(HdbtiImporter.class);
    private final TableImporter tables;

    public HdbtiImporter(TableImporter tables) {
        this.tables = tables;
    }

    /** Imports the CSV files listed in an hdbti definition. */
    public void importDefinition(HdbtiDefinition definition) {
        try {
            tables.importCsv(definition.table(), definition.csvPath());
        } catch (SQLException e) { //@ERR-01
-|            throw new ImportException("import into " + definition.table() + " failed", e);
+|            e.printStackTrace();
        }
    }
}
'''
case('java-00-xsk-importer-edit-prints-instead-of-failing', GH + 'SAP-archive/xsk/pull/546',
     'an edit of a table importer replaces the rethrow of a failed import with printStackTrace',
     files=[java_edit(src('com.sap.xsk.hdbti.processor', 'HdbtiImporter'), 'com.sap.xsk.hdbti.processor',
                      ['java.sql.SQLException', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'], XSK_EDIT)])


# ---------------------------------------------------------------- LOG-02: concatenated log messages
def writers(bad):
    return pick(r'''
public class FileRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(FileRegistry.class);
    private final Map<String, FileWriter> writers = new HashMap<>();
    private final WriterFactory factory;

    public FileRegistry(WriterFactory factory) {
        this.factory = factory;
    }

    /** The writer of path, created on first use. */
    public FileWriter getOrCreateWriter(String path, String codec) throws IOException {
        FileWriter writer = writers.get(path);
        if (writer == null) {
            writer = factory.create(path, codec);
            writers.put(path, writer);
B|            LOG.debug("created writer for path " + path + " with codec " + codec); //@LOG-02
C|            LOG.debug("created writer for path {} with codec {}", path, codec);
        }
        return writer;
    }
}
''', bad)


FRI = ['java.io.FileWriter', 'java.io.IOException', 'java.util.HashMap', 'java.util.Map', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-00-jmap-registry-concatenates-debug-message', GH + 'iNPUTmice/jmap/pull/3',
     'a mail library builds a debug message by concatenation, paying for it when debug is off',
     files=[f(src('rs.ltt.jmap.common.util', 'FileRegistry'), new=java('rs.ltt.jmap.common.util', FRI, writers(True)))])
case('java-ok-00-jmap-registry-uses-placeholders', GH + 'iNPUTmice/jmap/pull/3',
     'clean: the debug line uses placeholders',
     files=[f(src('rs.ltt.jmap.common.util', 'FileRegistry'), new=java('rs.ltt.jmap.common.util', FRI, writers(False)))])

HOSPITAL = r'''
@RestController
public class PatientController {
    private static final Logger LOG = LoggerFactory.getLogger(PatientController.class);
    private final PatientManager patients;

    public PatientController(PatientManager patients) {
        this.patients = patients;
    }

    @GetMapping("/patients/{code}")
    public ResponseEntity<PatientDTO> getPatient(@PathVariable int code) {
        LOG.info("Get patient by code: " + code); //@LOG-02
        return patients.find(code)
                .map(p -> ResponseEntity.ok(PatientDTO.from(p)))
                .orElse(ResponseEntity.notFound().build());
    }
}
'''
case('java-00-openhospital-controller-concatenates-log-message', GH + 'informatici/openhospital-api/pull/78',
     'a hospital API concatenates the patient code into its log message instead of using a placeholder',
     files=[f(src('org.isf.patient.rest', 'PatientController'),
              new=java('org.isf.patient.rest', ['org.slf4j.Logger', 'org.slf4j.LoggerFactory', 'org.springframework.http.ResponseEntity',
                                                'org.springframework.web.bind.annotation.GetMapping',
                                                'org.springframework.web.bind.annotation.PathVariable',
                                                'org.springframework.web.bind.annotation.RestController'], HOSPITAL))])


# ---------------------------------------------------------------- LOG-01: a line per row
def loader(bad):
    return pick(r'''
public class RowValidator {
    private static final Logger LOG = LoggerFactory.getLogger(RowValidator.class);
    private final String[] header;

    public RowValidator(String[] header) {
        this.header = header;
    }

    /** The rows whose column count matches the header; the others are skipped. */
    public List<String[]> valid(List<String[]> rows) {
        List<String[]> valid = new ArrayList<>();
C|        int skipped = 0;
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            if (row.length != header.length) {
B|                LOG.warn("row {} has {} columns, expected {}", i, row.length, header.length); //@LOG-01
C|                skipped++;
                continue;
            }
            valid.add(row);
        }
C|        if (skipped > 0) {
C|            LOG.warn("{} of {} rows skipped: column count differs from the header's {}", skipped, rows.size(), header.length);
C|        }
        return valid;
    }
}
''', bad)


LDI = ['java.util.ArrayList', 'java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory']
case('java-00-typedb-loader-warns-for-every-bad-row', GH + 'typedb-osi/typedb-loader/issues/22',
     'a data loader writes a warning for every malformed row of a file with millions of rows',
     files=[f(src('com.vaticle.typedb.osi.loader.io', 'RowValidator'), new=java('com.vaticle.typedb.osi.loader.io', LDI, loader(True)))])
case('java-ok-00-typedb-loader-counts-bad-rows-and-logs-once', GH + 'typedb-osi/typedb-loader/issues/22',
     'clean: bad rows are counted and summarised in one line',
     files=[f(src('com.vaticle.typedb.osi.loader.io', 'RowValidator'), new=java('com.vaticle.typedb.osi.loader.io', LDI, loader(False)))])

DATALOADER_EDIT = r'''
public class CsvRowReader {
    private static final Logger LOG = LoggerFactory.getLogger(CsvRowReader.class);
    private final CsvReader csv;

    public CsvRowReader(CsvReader csv) {
        this.csv = csv;
    }

    /** Reads up to max rows. */
    public List<Row> readRows(int max) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < max && csv.readRecord(); i++) {
            Row row = Row.of(csv.getValues());
+|            LOG.info("read row {} with {} columns", i, row.size()); //@LOG-01
            rows.add(row);
        }
        return rows;
    }
}
'''
case('java-00-dataloader-edit-logs-every-csv-row', GH + 'forcedotcom/dataloader/pull/720',
     'an edit adds an info line for every row a CSV reader returns',
     files=[java_edit(src('com.salesforce.dataloader.dao.csv', 'CsvRowReader'), 'com.salesforce.dataloader.dao.csv',
                      ['java.io.IOException', 'java.util.ArrayList', 'java.util.List', 'org.slf4j.Logger', 'org.slf4j.LoggerFactory'],
                      DATALOADER_EDIT)])


# ---------------------------------------------------------------- HTTP-01: a filter that closes the request stream
def audit_filter(bad):
    return two(r'''
public class AuditFilter implements Filter {
    private final AuditQueue audit;

    public AuditFilter(AuditQueue audit) {
        this.audit = audit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            request.getInputStream().close(); //@HTTP-01
            audit.offer(AuditRecord.of((HttpServletRequest) request, System.nanoTime() - start));
        }
    }
}
''', r'''
public class AuditFilter implements Filter {
    private final AuditQueue audit;

    public AuditFilter(AuditQueue audit) {
        this.audit = audit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            audit.offer(AuditRecord.of((HttpServletRequest) request, System.nanoTime() - start)); // bounded, never blocks
        }
    }
}
''', bad)


AFI = [i for i in TFI if 'UUID' not in i and 'MDC' not in i]
case('java-00-harbor-style-audit-filter-closes-request-stream', GH + 'goharbor/harbor/pull/13557',
     'a servlet audit filter closes the request input stream the container owns (a Go thread of the same shape)',
     files=[f(src('com.example.registry.web', 'AuditFilter'), new=java('com.example.registry.web', AFI, audit_filter(True)))])
case('java-ok-00-harbor-style-audit-filter-releases-nothing-it-does-not-own', GH + 'goharbor/harbor/pull/13557',
     'clean: the filter only hands a record to its bounded queue',
     files=[f(src('com.example.registry.web', 'AuditFilter'), new=java('com.example.registry.web', AFI, audit_filter(False)))])


# ---------------------------------------------------------------- PR shapes: renames, CRLF, tests beside, pom, generated
RENAMED_FILTER = r'''
public class RequestIdFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        MDC.put("requestId", ((HttpServletRequest) request).getHeader("X-Request-Id")); //@CONC-04|HTTP-01
-|        try {
-|            chain.doFilter(request, response);
-|        } finally {
-|            MDC.remove("requestId");
-|        }
+|        chain.doFilter(request, response);
+|        MDC.remove("requestId");
    }
}
'''
case('java-00-renamed-mdc-filter-loses-finally', GH + 'ofpay/logback-mdc-ttl/issues/6',
     'a filter renamed in the same change loses the finally around its MDC removal',
     files=[java_edit(src('com.ofpay.logback.web', 'RequestIdFilter'), 'com.ofpay.logback.web',
                      [i for i in TFI if 'UUID' not in i], RENAMED_FILTER,
                      rename_from=src('com.ofpay.logback.web', 'MdcFilter'))])

CRLF_CLIENT = r'''
public class TokenClient {
    private final HttpClient client = HttpClient.newHttpClient(); //@TMO-01
    private final URI tokenUri;

    public TokenClient(URI tokenUri) {
        this.tokenUri = tokenUri;
    }

    /** Exchanges the refresh token for an access token. */
    public String refresh(String refreshToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + refreshToken))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
'''
case('java-00-crlf-token-client-without-connect-timeout', GH + 'googleapis/google-api-java-client/issues/74',
     'a CRLF file: an API client builds its shared JDK HttpClient without a connect timeout',
     files=[f(src('com.google.api.client.auth.oauth2', 'TokenClient'),
              new=java('com.google.api.client.auth.oauth2', ['java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
                                                           'java.net.http.HttpResponse', 'java.time.Duration'], CRLF_CLIENT), crlf=True)])


def analyzer(bad):
    return two(r'''
public class DictionaryLoader {
    /** Loads the words of the dictionary file; a missing file is an empty dictionary. */
    public Set<String> load(Path file) {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                words.add(line.trim());
            }
        } catch (NoSuchFileException missing) {
            return Set.of();
        } catch (IOException e) { //@ERR-01
            e.printStackTrace();
        }
        return words;
    }
}
''', r'''
public class DictionaryLoader {
    /** Loads the words of the dictionary file; a missing file is an empty dictionary. */
    public Set<String> load(Path file) {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                words.add(line.trim());
            }
        } catch (NoSuchFileException missing) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("load dictionary " + file, e);
        }
        return words;
    }
}
''', bad)


ANI = ['java.io.BufferedReader', 'java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.charset.StandardCharsets',
       'java.nio.file.Files', 'java.nio.file.NoSuchFileException', 'java.nio.file.Path', 'java.util.HashSet', 'java.util.Set']
ANALYZER_TEST = r'''package org.wltea.analyzer.dic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DictionaryLoaderTest {
    @Test
    void a_missing_dictionary_is_empty() {
        assertEquals(Set.of(), new DictionaryLoader().load(Path.of("does-not-exist.dic")));
    }
}
'''
case('java-00-analysis-ik-loader-with-test-beside-prints-io-failure', GH + 'infinilabs/analysis-ik/pull/146',
     'a search plugin\'s dictionary loader (its test beside it) prints the stack trace of a read failure and returns partial words',
     files=[f(src('org.wltea.analyzer.dic', 'DictionaryLoader'), new=java('org.wltea.analyzer.dic', ANI, analyzer(True))),
            f(tst('org.wltea.analyzer.dic', 'DictionaryLoaderTest'), new=ANALYZER_TEST)])
case('java-ok-00-analysis-ik-loader-with-test-beside-rethrows', GH + 'infinilabs/analysis-ik/pull/146',
     'clean: the same loader rethrows read failures, with the test beside it',
     files=[f(src('org.wltea.analyzer.dic', 'DictionaryLoader'), new=java('org.wltea.analyzer.dic', ANI, analyzer(False))),
            f(tst('org.wltea.analyzer.dic', 'DictionaryLoaderTest'), new=ANALYZER_TEST)])

case('java-00-pom-and-cache-codec-with-default-typing', GH + 'FasterXML/jackson-databind/issues/2258',
     'a new module (pom.xml beside it) whose cache codec turns on Jackson default typing',
     files=[f('pom.xml', new=pom('cache-codec', ['com.fasterxml.jackson.core:jackson-databind:2.17.2'])),
            J('com.example.cache', 'CacheCodec', ['com.fasterxml.jackson.databind.ObjectMapper'], r'''
public class CacheCodec {
    private final ObjectMapper mapper = new ObjectMapper();

    public CacheCodec() {
        mapper.enableDefaultTyping(ObjectMapper.DefaultTyping.NON_FINAL); //@DEP-02
    }

    /** Writes a cached value with its class name. */
    public byte[] encode(Object value) throws Exception {
        return mapper.writeValueAsBytes(value);
    }
}
''')])

GENERATED = r'''
@Generated("by gRPC proto compiler")
public final class JobServiceGrpc {
    private JobServiceGrpc() {
    }

    public static final String SERVICE_NAME = "jobs.JobService";

    private static volatile MethodDescriptor<JobRequest, JobReply> getSubmitMethod;

    public static MethodDescriptor<JobRequest, JobReply> getSubmitMethod() {
        MethodDescriptor<JobRequest, JobReply> method = getSubmitMethod;
        if (method == null) {
            synchronized (JobServiceGrpc.class) {
                method = getSubmitMethod;
                if (method == null) {
                    getSubmitMethod = method = MethodDescriptor.<JobRequest, JobReply>newBuilder()
                            .setType(MethodDescriptor.MethodType.UNARY)
                            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE_NAME, "Submit"))
                            .build();
                }
            }
        }
        return method;
    }
}
'''
case('java-ok-00-generated-grpc-stub-beside-guarded-scheduler', GH + 'trinodb/trino/pull/18085',
     'clean: a generated gRPC stub beside a scheduler whose periodic task guards every run',
     files=[f('target/generated-sources/protobuf/grpc-java/com/example/jobs/JobServiceGrpc.java',
              new='// Code generated by protoc-gen-grpc-java. DO NOT EDIT.\n// source: jobs.proto\n\n'
              + java('com.example.jobs', ['io.grpc.MethodDescriptor', 'javax.annotation.processing.Generated'], GENERATED)),
            f(src('com.example.jobs', 'JobSync'), new=java('com.example.jobs', DSI, dispatcher_sync('p', 'JobSync', False)))])

# Near-repeats left out to keep 60 Java cases (39 defects, 21 clean look-alikes); each is another instance of a
# template or an item that stays in the round through a sibling case.
LEFT_OUT = ['pnc-build-record-store', 'commercetools-feed-client', 'terasology-launcher', 'gradle-baseline-warmer',
            'buck-wheel-step', 'keycloak-restores', '00-http4k-mapper-activates', 'openhab-netatmo', 'htmlunit-job-waiter',
            '00-kasper-executor-copies', 'ok-00-kasper-executor', 'ok-00-http4k-mapper', 'ok-00-analysis-ik-loader',
            'ok-00-supersonic-report', 'ok-00-fahrschein-rest']
CASES[:] = numbered([c for c in CASES if not any(s in c['name'] for s in LEFT_OUT)], 'java')
