# Round-4 held-out corpus, Java cases. Authored for this corpus; only the shape of each defect comes from its source.
from cases_go import case as _case  # same helper; cases are collected here separately
CASES = []


def case(*args, **kw):
    import cases_go
    before = len(cases_go.CASES)
    _case(*args, **kw)
    CASES.append(cases_go.CASES.pop())
    assert len(cases_go.CASES) == before


# ---------------------------------------------------------------- RES-01: JDBC, NIO, streams
case('java-01-metadata-columns-return-inside-loop', 'https://github.com/apache/druid/issues/18086',
     'the ResultSet from DatabaseMetaData.getColumns is iterated and the method returns from inside the loop; it is never closed on any path',
     'server/src/main/java/org/acme/metadata/DerbyTables.java', '''
package org.acme.metadata;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

final class DerbyTables {
    private DerbyTables() {
    }

    /** The connection is borrowed: the caller closes it. */
    static boolean tableHasColumn(Connection conn, String table, String column) throws SQLException {
        DatabaseMetaData meta = conn.getMetaData();
        ResultSet columns = meta.getColumns(null, null, table.toUpperCase(), null); //@RES-01
        while (columns.next()) {
            if (column.equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                return true;
            }
        }
        return false;
    }
}
''')

case('java-02-result-closed-statement-not', 'https://github.com/kolchagov/java-crud-api/pull/9',
     'the method closes the ResultSet in finally but never the PreparedStatement that produced it',
     'src/main/java/com/tqdev/crudapi/ColumnLister.java', '''
package com.tqdev.crudapi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

public class ColumnLister {
    private final Connection conn;

    public ColumnLister(Connection conn) {
        this.conn = conn;
    }

    public List<String> columns(String table) throws SQLException {
        PreparedStatement ps = conn.prepareStatement( //@RES-01,~TMO-01
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position");
        ps.setString(1, table);
        ResultSet rs = ps.executeQuery();
        List<String> names = new ArrayList<>();
        try {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } finally {
            rs.close();
        }
        return names;
    }
}
''')

case('java-03-statement-reassigned-per-batch', 'https://github.com/wso2/carbon-apimgt/pull/2130',
     'one variable receives a new PreparedStatement for every batch of the loop (plain = assignment); the finally closes only the last one',
     'components/apimgt/src/main/java/org/wso2/apimgt/dao/SubscriptionWriter.java', '''
package org.wso2.apimgt.dao;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

public class SubscriptionWriter {
    private static final String INSERT = "INSERT INTO AM_SUBSCRIPTION (APP_ID, API_ID, TIER) VALUES (?, ?, ?)";
    private final DataSource dataSource;

    public SubscriptionWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insertAll(List<List<Subscription>> batches) throws SQLException {
        PreparedStatement ps = null;
        try (Connection conn = dataSource.getConnection()) {
            for (List<Subscription> batch : batches) {
                ps = conn.prepareStatement(INSERT); //@RES-01,~TMO-01
                for (Subscription s : batch) {
                    ps.setInt(1, s.appId());
                    ps.setInt(2, s.apiId());
                    ps.setString(3, s.tier());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
    }
}
''')

case('java-04-cursor-close-forgets-statement-field', 'https://github.com/Mapepire-IBMi/mapepire-server/pull/156',
     'a cursor object keeps its PreparedStatement in a field; its close() closes only the ResultSet, so each query keeps a statement handle on the connection',
     'src/main/java/com/github/mapepire/SqlCursor.java', '''
package com.github.mapepire;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public class SqlCursor implements AutoCloseable {
    private final PreparedStatement stmt;
    private ResultSet rs;

    public SqlCursor(Connection conn, String sql) throws SQLException {
        this.stmt = conn.prepareStatement(sql); //@RES-01,~TMO-01
    }

    public boolean execute() throws SQLException {
        if (stmt.execute()) {
            rs = stmt.getResultSet();
            return true;
        }
        return false;
    }

    public ResultSet results() {
        return rs;
    }

    @Override
    public void close() throws SQLException {
        if (rs != null) {
            rs.close();
        }
    }
}
''')

case('java-05-switch-early-return-before-manual-close', 'https://github.com/jbosstm/narayana/pull/196',
     'the statement is created inside a switch case and closed by hand after the loop; the not-found case returns first and leaks statement and result set',
     'ArjunaJTS/src/main/java/com/arjuna/ats/internal/jdbc/LogReader.java', '''
package com.arjuna.ats.internal.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

class LogReader {
    enum Kind { ACTIVE, HEURISTIC }

    byte[] readState(Connection conn, Kind kind, String uid) throws SQLException {
        Statement stmt;
        switch (kind) {
            case ACTIVE:
                stmt = conn.createStatement(); //@RES-01,~TMO-01
                break;
            default:
                throw new IllegalArgumentException("unsupported log kind " + kind);
        }
        ResultSet rs = stmt.executeQuery("SELECT state FROM jbosststxtable WHERE uidstring = '" + uid + "'"); //@RES-01
        if (!rs.next()) {
            return null;
        }
        byte[] state = rs.getBytes(1);
        rs.close();
        stmt.close();
        return state;
    }
}
''')

case('java-06-files-list-assigned-then-mapped', 'https://github.com/Netflix/Priam/pull/945',
     'the Stream returned by Files.list is stored in a local, mapped, sorted and collected; nobody closes it, so every listing keeps a directory handle',
     'priam/src/main/java/com/netflix/priam/backup/SnapshotDirs.java', '''
package com.netflix.priam.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class SnapshotDirs {
    private SnapshotDirs() {
    }

    static List<String> snapshotNames(Path snapshotsRoot) throws IOException {
        Stream<Path> entries = Files.list(snapshotsRoot); //@RES-01
        return entries.filter(Files::isDirectory)
                .map(p -> p.getFileName().toString())
                .sorted()
                .collect(Collectors.toList());
    }
}
''')

case('java-07-directory-stream-for-each-never-closed', 'https://github.com/saalfeldlab/n5/pull/4',
     'a DirectoryStream is iterated with for-each and never closed; a parallel remove over many groups ends in "Too many open files"',
     'src/main/java/org/janelia/saalfeldlab/n5/GroupLister.java', '''
package org.janelia.saalfeldlab.n5;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class GroupLister {
    private final Path base;

    public GroupLister(Path base) {
        this.base = base;
    }

    public String[] list(String group) throws IOException {
        DirectoryStream<Path> children = Files.newDirectoryStream(base.resolve(group), Files::isDirectory); //@RES-01
        List<String> names = new ArrayList<>();
        for (Path child : children) {
            names.add(child.getFileName().toString());
        }
        return names.toArray(new String[0]);
    }
}
''')

case('java-08-resource-stream-closed-after-read', 'https://github.com/OpenRefine/OpenRefine/pull/4691',
     'a classpath resource stream is closed by hand after toByteArray; an IOException while reading skips the close',
     'extensions/gdata/src/com/google/refine/extension/gdata/IconLoader.java', '''
package com.google.refine.extension.gdata;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.io.IOUtils;

class IconLoader {
    private static final String METADATA_ICON_FILE = "/icons/sheets.png";

    byte[] iconImage() throws IOException {
        InputStream is = getClass().getResourceAsStream(METADATA_ICON_FILE); //@RES-01
        if (is == null) {
            throw new IOException("missing resource " + METADATA_ICON_FILE);
        }
        byte[] image = IOUtils.toByteArray(is);
        is.close();
        return image;
    }
}
''')

case('java-09-files-list-for-each-method-reference', 'https://github.com/fulcrumgenomics/dagr/pull/136',
     'a recursive delete walks each directory with Files.list(dir).forEach(this::delete): the listing stream is never stored and never closed',
     'core/src/main/java/dagr/tasks/DeleteFiles.java', '''
package dagr.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class DeleteFiles {
    public void delete(Path path) {
        try {
            if (Files.isDirectory(path)) {
                Files.list(path).forEach(this::delete); //@RES-01
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + path, e);
        }
    }
}
''')

case('java-10-helper-returned-stream-parsed-not-closed', 'https://github.com/OneBusAway/onebusaway-gtfs-realtime-from-nextbus-cli/pull/11',
     'a downloader helper (other file of the change) returns the InputStream of an HTTP response; the caller parses it and never closes it, so the pooled connection is never released',
     files=[dict(path='src/main/java/org/onebusaway/nextbus/DownloaderService.java', new='''
package org.onebusaway.nextbus;

import java.io.IOException;
import java.io.InputStream;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;

public class DownloaderService {
    private final HttpClient client;

    public DownloaderService(HttpClient client) {
        this.client = client;
    }

    /** Opens the URL; the caller must close the returned stream. */
    public InputStream openUrl(String uri) throws IOException {
        HttpResponse response = client.execute(new HttpGet(uri));
        return response.getEntity().getContent();
    }
}
'''), dict(path='src/main/java/org/onebusaway/nextbus/NextbusApi.java', new='''
package org.onebusaway.nextbus;

import java.io.IOException;
import java.io.InputStream;
import org.w3c.dom.Document;

public class NextbusApi {
    private final DownloaderService downloader;
    private final XmlParser parser;

    public NextbusApi(DownloaderService downloader, XmlParser parser) {
        this.downloader = downloader;
        this.parser = parser;
    }

    public Document digestUrl(String url) throws IOException {
        InputStream in = downloader.openUrl(url); //@RES-01|RES-02
        return parser.parse(in);
    }
}
''')])

case('java-11-gzip-stream-closed-at-end-of-try', 'https://github.com/chunky-dev/chunky/pull/684',
     'a GZIPInputStream over a FileInputStream is assigned inside the try and closed at the end of it; a corrupt file throws first and leaks the descriptor',
     'chunky/src/java/se/llbit/chunky/world/RegionLoader.java', '''
package se.llbit.chunky.world;

import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

public class RegionLoader {
    public Tag load(File file) {
        DataInputStream in;
        try {
            in = new DataInputStream(new GZIPInputStream(new FileInputStream(file))); //@RES-01
            Tag root = Tag.read(in);
            in.close();
            return root;
        } catch (IOException e) {
            throw new WorldFormatException("could not read " + file, e);
        }
    }
}
''')

case('java-12-properties-loaded-from-unstored-stream', 'https://github.com/jenkinsci/gradle-plugin/pull/151',
     'Properties are loaded from Files.newInputStream(...) passed straight as an argument; the stream is never stored and never closed',
     'src/main/java/hudson/plugins/gradle/WrapperProperties.java', '''
package hudson.plugins.gradle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

final class WrapperProperties {
    private WrapperProperties() {
    }

    static Optional<String> distributionUrl(Path projectDir) throws IOException {
        Path file = projectDir.resolve("gradle/wrapper/gradle-wrapper.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        props.load(Files.newInputStream(file)); //@RES-01
        return Optional.ofNullable(props.getProperty("distributionUrl"));
    }
}
''')

# ---------------------------------------------------------------- RES-02: HTTP responses
case('java-13-okhttp-unsuccessful-returns-null', 'https://github.com/cgeo/cgeo/pull/6121',
     'OkHttp response: the successful path reads body().string() (which closes it); the unsuccessful path returns null and leaks the connection',
     'main/src/main/java/cgeo/geocaching/network/Fetcher.java', '''
package cgeo.geocaching.network;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public final class Fetcher {
    private final OkHttpClient client;

    public Fetcher(OkHttpClient client) {
        this.client = client;
    }

    public String fetchText(String url) throws IOException {
        Request request = new Request.Builder().url(url).header("Accept", "text/plain").build();
        Response response = client.newCall(request).execute(); //@RES-02|RES-01
        if (!response.isSuccessful()) {
            return null;
        }
        return response.body().string();
    }
}
''')

case('java-14-void-result-returns-before-consuming', 'https://github.com/ContainX/openstack4j/pull/362',
     'when the caller expects no entity (Void) the response is returned as null before its entity is consumed or the response closed',
     'connectors/httpclient/src/main/java/org/openstack4j/connectors/httpclient/ResponseMapper.java', '''
package org.openstack4j.connectors.httpclient;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.impl.client.CloseableHttpClient;

public class ResponseMapper {
    private final CloseableHttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    public ResponseMapper(CloseableHttpClient client) {
        this.client = client;
    }

    public <T> T execute(HttpUriRequest request, Class<T> returnType) throws IOException {
        CloseableHttpResponse response = client.execute(request); //@RES-02|RES-01
        if (returnType == Void.class || response.getStatusLine().getStatusCode() == 204) {
            return null;
        }
        try {
            return mapper.readValue(response.getEntity().getContent(), returnType);
        } finally {
            response.close();
        }
    }
}
''')

case('java-15-retrofit-body-stream-parsed-unclosed', 'https://github.com/dimagi/commcare-android/pull/2251',
     'the ResponseBody of a Retrofit call is streamed into a parser through byteStream() and never closed',
     'app/src/org/commcare/network/DataPullTask.java', '''
package org.commcare.network;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.ResponseBody;
import retrofit2.Response;

public class DataPullTask {
    private final CommCareApi api;
    private final RestoreParser parser;

    public DataPullTask(CommCareApi api, RestoreParser parser) {
        this.api = api;
        this.parser = parser;
    }

    public int pull(String restoreUrl) throws IOException {
        Response<ResponseBody> response = api.restore(restoreUrl).execute(); //@RES-02|RES-01
        if (!response.isSuccessful()) {
            throw new IOException("restore failed with HTTP " + response.code());
        }
        InputStream in = response.body().byteStream();
        return parser.parse(in);
    }
}
''')

case('java-16-error-status-throws-before-consume', 'https://github.com/fusepoolP3/p3-batchrefine/pull/2',
     'an Apache HttpClient response is read with EntityUtils on 200; the error-status path throws first, and no path closes the response',
     'src/main/java/eu/fusepool/p3/batchrefine/RefineHTTPClient.java', '''
package eu.fusepool.p3.batchrefine;

import java.io.IOException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

public class RefineHTTPClient {
    private final CloseableHttpClient client;
    private final String refineUrl;

    public RefineHTTPClient(CloseableHttpClient client, String refineUrl) {
        this.client = client;
        this.refineUrl = refineUrl;
    }

    public String outputResults(String projectId, String format) throws IOException {
        HttpPost post = new HttpPost(refineUrl + "/command/core/export-rows?project=" + projectId + "&format=" + format);
        CloseableHttpResponse response = client.execute(post); //@RES-02|RES-01
        int status = response.getStatusLine().getStatusCode();
        if (status != 200) {
            throw new IOException("export of " + projectId + " failed: HTTP " + status);
        }
        return EntityUtils.toString(response.getEntity());
    }
}
''')

case('java-17-jdk-stream-body-ignored-on-404', 'https://github.com/break-me-if-you-can/services/pull/161',
     'java.net.http with BodyHandlers.ofInputStream(): the 404 path returns without closing the body stream, so the connection is never given back',
     'src/main/java/org/breakme/flights/FlightClient.java', '''
package org.breakme.flights;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

public class FlightClient {
    private final HttpClient http;
    private final URI base;
    private final ObjectMapper mapper = new ObjectMapper();

    public FlightClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    public Optional<Flight> flight(String code) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/flights/" + code)).timeout(Duration.ofSeconds(2)).build();
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream()); //@RES-02|RES-01
        if (resp.statusCode() == 404) {
            return Optional.empty();
        }
        try (InputStream body = resp.body()) {
            return Optional.of(mapper.readValue(body, Flight.class));
        }
    }
}
''')

# ---------------------------------------------------------------- RES-04: clients and pools per call
case('java-18-okhttp-client-built-per-query', 'https://github.com/influxdata/influxdb-java/issues/353',
     'every query builds a new OkHttpClient from the stored builder: each call gets its own connection pool and dispatcher threads',
     'src/main/java/org/influxdb/impl/QueryExecutor.java', '''
package org.influxdb.impl;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public class QueryExecutor {
    private final OkHttpClient.Builder clientBuilder;
    private final String url;

    public QueryExecutor(OkHttpClient.Builder clientBuilder, String url) {
        this.clientBuilder = clientBuilder;
        this.url = url;
    }

    public String query(String q, long timeoutSeconds) throws IOException {
        OkHttpClient client = clientBuilder.readTimeout(timeoutSeconds, TimeUnit.SECONDS).build(); //@RES-04
        Request request = new Request.Builder().url(url + "/query?q=" + q).build();
        try (Response response = client.newCall(request).execute()) {
            return response.body().string();
        }
    }
}
''')

case('java-19-hikari-pool-to-check-config', 'https://github.com/apache/shardingsphere/pull/12304',
     'checking whether a data source config is usable builds a whole HikariDataSource, borrows one connection and never closes the pool',
     'jdbc/core/src/main/java/org/apache/shardingsphere/driver/DataSourceChecker.java', '''
package org.apache.shardingsphere.driver;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

public final class DataSourceChecker {
    public boolean isReachable(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        HikariDataSource dataSource = new HikariDataSource(config); //@RES-04,~RES-01
        try (Connection conn = dataSource.getConnection()) {
            return conn.isValid(2);
        } catch (SQLException e) { //@~ERR-01
            return false;
        }
    }
}
''')

case('java-20-servlet-gets-pool-from-factory-helper', 'https://github.com/brettwooldridge/HikariCP/issues/836',
     'the servlet asks a factory helper for a DataSource on every request; the helper builds a new Hikari pool each time and nothing closes it',
     'src/main/java/com/example/web/ReportServlet.java', '''
package com.example.web;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

public class ReportServlet extends HttpServlet {
    private String dbUrl;

    @Override
    public void init() {
        dbUrl = getServletContext().getInitParameter("reports.db.url");
    }

    private DataSource dataSource() {
        HikariDataSource ds = new HikariDataSource(); //@~RES-04
        ds.setJdbcUrl(dbUrl);
        ds.setMaximumPoolSize(5);
        return ds;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        DataSource ds = dataSource(); //@RES-04
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM reports WHERE owner = ?")) {
            ps.setQueryTimeout(5);
            ps.setString(1, req.getRemoteUser());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                resp.getWriter().println(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new ServletException("report count failed", e);
        }
    }
}
''')

case('java-21-executor-per-calculation-run', 'https://github.com/OpenGamma/OG-Platform/pull/189',
     'each calculation run creates a fixed thread pool (non-daemon threads), submits its jobs, waits for them and never shuts the pool down',
     'projects/OG-Engine/src/main/java/com/opengamma/engine/exec/CalculationRunner.java', '''
package com.opengamma.engine.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class CalculationRunner {
    public List<Result> run(List<CalculationJob> jobs) throws ExecutionException, InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()); //@RES-04,~CONC-02,~RES-01
        List<Future<Result>> futures = new ArrayList<>();
        for (CalculationJob job : jobs) {
            futures.add(executor.submit(job::execute));
        }
        List<Result> results = new ArrayList<>();
        for (Future<Result> f : futures) {
            results.add(f.get());
        }
        return results;
    }
}
''')

# ---------------------------------------------------------------- TMO-01: timeouts
case('java-22-ocsp-connection-connect-timeout-only', 'https://github.com/vrk-kpa/xroad-joint-development/issues/104',
     'the OCSP request sets a connect timeout but no read timeout: a responder that accepts the connection and stalls blocks the signer forever',
     'src/signer/src/main/java/ee/ria/xroad/signer/certmanager/OcspClient.java', '''
package ee.ria.xroad.signer.certmanager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

final class OcspClient {
    private static final int CONNECT_TIMEOUT_MS = 20_000;

    byte[] query(String responderUrl, byte[] ocspRequest) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(responderUrl).openConnection(); //@TMO-01
        conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
        conn.setDoOutput(true);
        conn.setRequestProperty("Content-Type", "application/ocsp-request");
        try (OutputStream out = conn.getOutputStream()) {
            out.write(ocspRequest);
        }
        try (InputStream in = conn.getInputStream()) {
            return in.readAllBytes();
        } finally {
            conn.disconnect();
        }
    }
}
''')

case('java-23-download-connection-without-timeouts', 'https://github.com/sadr0b0t/yashlang/issues/132',
     'a file download opens an HttpURLConnection with neither connect nor read timeout; a stalled transfer hangs the download thread',
     'app/src/main/java/su/sadrobot/yashlang/util/Downloader.java', '''
package su.sadrobot.yashlang.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

public class Downloader {
    public long download(String url, Path target) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection(); //@TMO-01
        conn.setRequestMethod("GET");
        try (InputStream in = conn.getInputStream(); OutputStream out = Files.newOutputStream(target)) {
            return in.transferTo(out);
        } finally {
            conn.disconnect();
        }
    }
}
''')

case('java-24-jdk-client-and-request-without-timeouts', 'https://github.com/rchodava/datamill/issues/18',
     'a java.net.http client built without connectTimeout, and requests built without timeout: both default to waiting forever',
     'core/src/main/java/foundation/stack/datamill/http/impl/ClientImpl.java', '''
package foundation.stack.datamill.http.impl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class ClientImpl {
    private final HttpClient client = HttpClient.newBuilder() //@TMO-01
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public String get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build(); //@TMO-01
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
''')

# ---------------------------------------------------------------- TX-01 / TX-02: transactions
case('java-25-swallowed-load-error-leaves-transaction', 'https://github.com/CenturyLinkCloud/mdw/issues/759',
     'a transaction is started before loading the process instance; one SQLException branch returns (and the other falls through) without ever stopping the transaction',
     'mdw-services/src/com/centurylink/mdw/services/process/EventProcessor.java', '''
package com.centurylink.mdw.services.process;

import java.sql.SQLException;
import java.util.logging.Logger;

public class EventProcessor {
    private static final Logger logger = Logger.getLogger(EventProcessor.class.getName());
    private final EngineDataAccess edao;

    public EventProcessor(EngineDataAccess edao) {
        this.edao = edao;
    }

    public void processEvents(Long procInstId, boolean development) throws SQLException {
        TransactionWrapper transaction = null;
        ProcessInstance procInst = null;
        try {
            transaction = edao.startTransaction(); //@TX-01
            procInst = edao.getProcessInstance(procInstId);
        } catch (SQLException ex) { //@~ERR-01
            if (("Failed to load process instance: " + procInstId).equals(ex.getMessage())) {
                if (development) {
                    logger.severe("Unable to load process instance id=" + procInstId + ". Was it deleted?");
                    return;
                }
                throw ex;
            }
        }
        edao.resumeEvents(procInst);
        edao.stopTransaction(transaction);
    }
}
''')

case('java-26-jpa-loop-continue-after-begin', 'https://github.com/eclipse-ee4j/eclipselink/issues/510',
     'each item gets its own JPA transaction; a validation failure after begin() continues the loop with the transaction still active',
     'src/main/java/org/acme/importer/OrderImporter.java', '''
package org.acme.importer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.List;

public class OrderImporter {
    private final EntityManager em;

    public OrderImporter(EntityManager em) {
        this.em = em;
    }

    public int importAll(List<OrderDto> orders) {
        int imported = 0;
        for (OrderDto dto : orders) {
            EntityTransaction txn = em.getTransaction();
            txn.begin(); //@TX-01
            Customer customer = em.find(Customer.class, dto.customerId());
            if (customer == null) {
                continue;
            }
            try {
                em.persist(new Order(customer, dto.lines()));
                txn.commit();
                imported++;
            } catch (RuntimeException e) {
                txn.rollback();
                throw e;
            }
        }
        return imported;
    }
}
''')

case('java-27-autocommit-off-no-rollback', 'https://github.com/SQLDroid/SQLDroid/issues/54',
     'autocommit is switched off on a pooled connection; the insert and the select run and commit at the end, but an exception on either returns the connection to the pool with the transaction open',
     'src/main/java/org/acme/ledger/LedgerWriter.java', '''
package org.acme.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

public class LedgerWriter {
    private final DataSource dataSource;

    public LedgerWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long append(String account, long cents) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); //@TX-01
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger (account, cents) VALUES (?, ?)")) {
                insert.setQueryTimeout(5);
                insert.setString(1, account);
                insert.setLong(2, cents);
                insert.executeUpdate();
            }
            long balance;
            try (PreparedStatement sum = connection.prepareStatement("SELECT sum(cents) FROM ledger WHERE account = ?")) {
                sum.setQueryTimeout(5);
                sum.setString(1, account);
                try (ResultSet rs = sum.executeQuery()) {
                    rs.next();
                    balance = rs.getLong(1);
                }
            }
            connection.commit();
            return balance;
        }
    }
}
''')

case('java-28-commit-failure-swallowed', 'https://github.com/opendcs/opendcs/pull/1397',
     'commit() sits in a try whose catch is empty: a failed commit is silently ignored and the caller believes the archive was written',
     'java/opendcs/src/main/java/lrgs/db/LrgsDatabase.java', '''
package lrgs.db;

import java.sql.Connection;
import java.sql.SQLException;

public class LrgsDatabase {
    private final Connection conn;

    public LrgsDatabase(Connection conn) {
        this.conn = conn;
    }

    public void commit() {
        try {
            conn.commit(); //@TX-02
            conn.clearWarnings();
        } catch (SQLException ex) { //@~ERR-01
        }
    }
}
''')

# ---------------------------------------------------------------- CONC-05: interruption
case('java-29-take-loop-continues-after-interrupt', 'https://github.com/eclipse-ee4j/openmq/pull/1262',
     'a dispatcher loop catches InterruptedException from take(), logs it and goes round again: shutdownNow() can never stop it',
     'mq/main/mq-broker/broker-core/src/main/java/com/sun/messaging/jmq/jmsserver/Dispatcher.java', '''
package com.sun.messaging.jmq.jmsserver;

import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

class Dispatcher implements Runnable {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    private final BlockingQueue<Packet> queue;
    private volatile boolean running = true;

    Dispatcher(BlockingQueue<Packet> queue) {
        this.queue = queue;
    }

    @Override
    public void run() {
        while (running) {
            Packet p;
            try {
                p = queue.take();
            } catch (InterruptedException e) { //@CONC-05
                LOG.log(Level.FINE, "dispatcher interrupted, continuing", e);
                continue;
            }
            deliver(p);
        }
    }

    void stop() {
        running = false;
    }

    private void deliver(Packet p) {
        p.route();
    }
}
''')

case('java-30-waitfor-wrapped-in-stream-lambda', 'https://github.com/kitodo/kitodo-production/pull/1582',
     'inside a stream lambda, InterruptedException from Process.waitFor is wrapped in an unchecked exception without restoring the interrupt flag',
     'Kitodo-Command/src/main/java/org/kitodo/command/ScriptRunner.java', '''
package org.kitodo.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

public class ScriptRunner {
    public List<Integer> runAll(List<List<String>> commands) {
        return commands.stream().map(cmd -> {
            try {
                Process p = new ProcessBuilder(cmd).inheritIO().start();
                return p.waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) { //@CONC-05
                throw new IllegalStateException("interrupted while running " + cmd, e);
            }
        }).collect(Collectors.toList());
    }
}
''')

case('java-31-command-loop-logs-interrupt', 'https://github.com/apache/skywalking/issues/8750',
     'the command service loop takes commands from a queue; InterruptedException is only logged as an error and the loop keeps running with the flag cleared',
     'apm-agent-core/src/main/java/org/apache/skywalking/apm/agent/core/commands/CommandService.java', '''
package org.apache.skywalking.apm.agent.core.commands;

import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class CommandService implements Runnable {
    private static final Logger LOGGER = LoggerFactory.getLogger(CommandService.class);
    private final LinkedBlockingQueue<BaseCommand> commands = new LinkedBlockingQueue<>(64);
    private final CommandExecutorService executor;
    private volatile boolean isRunning = true;

    public CommandService(CommandExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void run() {
        while (isRunning) {
            try {
                BaseCommand command = commands.take();
                executor.execute(command);
            } catch (InterruptedException e) { //@CONC-05
                LOGGER.error("Failed to take command from the queue", e);
            } catch (CommandExecutionException e) {
                LOGGER.warn("Command {} failed", e.command(), e);
            }
        }
    }
}
''')

case('java-32-sleep-interrupt-cancels-and-prints', 'https://github.com/nsoft/jesterj/issues/22',
     'the sleep of a scanner catches InterruptedException, cancels its own future and prints the stack trace; the interrupt flag is lost',
     'code/ingest/src/main/java/org/jesterj/ingest/scanners/ScannerImpl.java', '''
package org.jesterj.ingest.scanners;

import java.util.concurrent.Future;

public abstract class ScannerImpl implements Runnable {
    private final long interval;
    private volatile Future<?> scanner;

    protected ScannerImpl(long interval) {
        this.interval = interval;
    }

    protected abstract void scanOnce();

    @Override
    public void run() {
        while (scanner != null && !scanner.isCancelled()) {
            scanOnce();
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) { //@CONC-05,~ERR-01
                scanner.cancel(true);
                e.printStackTrace();
            }
        }
    }
}
''')

case('java-33-multicatch-future-get-rethrown-unchecked', 'https://github.com/unclebob/fitnesse/pull/874',
     'a multi-catch of InterruptedException | ExecutionException around Future.get rethrows a RuntimeException; the interrupt flag is not restored',
     'src/fitnesse/testrunner/ParallelRunner.java', '''
package fitnesse.testrunner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class ParallelRunner {
    private final ExecutorService pool;

    public ParallelRunner(ExecutorService pool) {
        this.pool = pool;
    }

    public List<TestSummary> runPages(List<WikiPage> pages) {
        List<Future<TestSummary>> futures = new ArrayList<>();
        for (WikiPage page : pages) {
            futures.add(pool.submit(() -> page.run()));
        }
        List<TestSummary> out = new ArrayList<>();
        for (Future<TestSummary> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException | ExecutionException e) { //@CONC-05
                throw new RuntimeException("test page failed", e);
            }
        }
        return out;
    }
}
''')

case('java-34-stop-ignores-interrupt-on-await', 'https://github.com/skyscreamer/nevado/issues/37',
     'stop() waits on a latch and ignores InterruptedException with an empty catch: a caller interrupted while stopping loses the interrupt',
     'nevado-jms/src/main/java/org/skyscreamer/nevado/jms/NevadoSession.java', '''
package org.skyscreamer.nevado.jms;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

public class NevadoSession {
    private final CountDownLatch listenersDone = new CountDownLatch(1);
    private volatile boolean running = true;

    public void stop() {
        running = false;
        try {
            listenersDone.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) { //@CONC-05,~ERR-01
            // stopping anyway
        }
    }

    void listenerFinished() {
        listenersDone.countDown();
    }

    boolean isRunning() {
        return running;
    }
}
''')

# ---------------------------------------------------------------- CONC-04: thread-bound state
case('java-35-threadlocal-nulled-not-removed', 'https://github.com/GregTechCEu/GregTech/pull/2320',
     'a ThreadLocal is set for the duration of a render and "cleared" with set(null) in finally: the entry (and its class loader) stays on the pooled thread',
     'src/main/java/gregtech/client/renderer/RenderContext.java', '''
package gregtech.client.renderer;

import java.util.function.Supplier;

public final class RenderContext {
    private static final ThreadLocal<RenderState> CURRENT = new ThreadLocal<>();

    private RenderContext() {
    }

    public static <T> T withState(RenderState state, Supplier<T> work) {
        CURRENT.set(state); //@CONC-04
        try {
            return work.get();
        } finally {
            CURRENT.set(null); //@~CONC-04
        }
    }

    public static RenderState current() {
        return CURRENT.get();
    }
}
''')

case('java-36-jersey-request-filter-puts-location', 'https://github.com/ingef/conquery/issues/757',
     'a Jersey request filter puts the request location into the MDC; nothing removes it, so the next request on the thread logs the previous location',
     'backend/src/main/java/com/bakdata/conquery/io/jersey/LocationMdcFilter.java', '''
package com.bakdata.conquery.io.jersey;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.MDC;

@Provider
@Priority(Priorities.USER)
public class LocationMdcFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        MDC.put("location", request.getMethod() + " " + request.getUriInfo().getPath()); //@CONC-04
    }
}
''')

case('java-37-resource-method-puts-token-in-mdc', 'https://github.com/alphagov/pay-connector/pull/3649',
     'a resource method puts the one-time token into the MDC for its log lines and never removes it from the pooled thread',
     'src/main/java/uk/gov/pay/connector/paymentprocessor/resource/CardResource.java', '''
package uk.gov.pay.connector.paymentprocessor.resource;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

@Path("/")
public class CardResource {
    private static final Logger LOGGER = LoggerFactory.getLogger(CardResource.class);
    private final CardAuthoriseService authoriseService;

    public CardResource(CardAuthoriseService authoriseService) {
        this.authoriseService = authoriseService;
    }

    @POST
    @Path("/v1/api/charges/authorise")
    @Produces("application/json")
    public Response authorise(AuthoriseRequest request) {
        MDC.put("secure_token", request.getOneTimeToken()); //@CONC-04
        LOGGER.info("Authorising charge with one-time token");
        AuthorisationResult result = authoriseService.authorise(request);
        return Response.ok(result).build();
    }
}
''')

case('java-38-task-threadlocal-removed-at-end-not-finally', 'https://github.com/eclipse-efx/efxclipse-rt/pull/438',
     'a task submitted to a shared executor sets a ThreadLocal and removes it as its last statement, not in finally: a failing task leaves it on the pool thread',
     'bundles/runtime/org.eclipse.fx.core/src/main/java/org/eclipse/fx/core/JobRunner.java', '''
package org.eclipse.fx.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

public class JobRunner {
    static final ThreadLocal<JobContext> CONTEXT = new ThreadLocal<>();
    private final ExecutorService pool;

    public JobRunner(ExecutorService pool) {
        this.pool = pool;
    }

    public CompletableFuture<Void> run(JobContext ctx, Job job) {
        return CompletableFuture.runAsync(() -> {
            CONTEXT.set(ctx); //@CONC-04
            job.execute();
            CONTEXT.remove();
        }, pool);
    }
}
''')

case('java-39-worker-copies-mdc-never-clears', 'https://github.com/mulesoft/mule/pull/13482',
     'a wrapper copies the MDC of the caller into the worker thread with setContextMap before running the task and never clears it afterwards',
     'core/src/main/java/org/mule/runtime/core/internal/context/MdcPropagatingRunnable.java', '''
package org.mule.runtime.core.internal.context;

import java.util.Map;
import org.slf4j.MDC;

public final class MdcPropagatingRunnable implements Runnable {
    private final Runnable delegate;
    private final Map<String, String> callerContext;

    public MdcPropagatingRunnable(Runnable delegate) {
        this.delegate = delegate;
        this.callerContext = MDC.getCopyOfContextMap();
    }

    @Override
    public void run() {
        if (callerContext != null) {
            MDC.setContextMap(callerContext); //@CONC-04
        }
        delegate.run();
    }
}
''')

# ---------------------------------------------------------------- CONC-07 / CONC-01: scheduled tasks and threads
case('java-40-anonymous-runnable-at-fixed-rate', 'https://github.com/hello/suripu/pull/1267',
     'the feature table is reloaded by an anonymous Runnable given to scheduleAtFixedRate; one exception from the database and the features are never refreshed again',
     'suripu-core/src/main/java/com/hello/suripu/core/flipper/FeatureFlipper.java', '''
package com.hello.suripu.core.flipper;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class FeatureFlipper {
    private final FeatureStore store;
    private volatile Map<String, Feature> features = Map.of();

    public FeatureFlipper(FeatureStore store) {
        this.store = store;
    }

    public void start(ScheduledExecutorService executor) {
        executor.scheduleAtFixedRate(new Runnable() { //@CONC-07
            @Override
            public void run() {
                features = store.getAllFeatures();
            }
        }, 0, 30, TimeUnit.SECONDS);
    }

    public boolean isOn(String name) {
        Feature f = features.get(name);
        return f != null && f.enabled();
    }
}
''')

case('java-41-named-runnable-class-scheduled', 'https://github.com/groupon/monsoon/pull/89',
     'a PushProcessor (named Runnable class, other file of the change) is scheduled with a fixed delay; its run() lets every exception escape, which silently cancels the schedule',
     files=[dict(path='impl/src/main/java/com/groupon/lex/metrics/PushProcessor.java', new='''
package com.groupon.lex.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;

public class PushProcessor implements Runnable {
    private final MetricSource source;
    private final MetricSink sink;

    public PushProcessor(MetricSource source, MetricSink sink) {
        this.source = source;
        this.sink = sink;
    }

    @Override
    public void run() {
        try {
            sink.push(source.collect());
        } catch (IOException e) {
            throw new UncheckedIOException("push failed", e);
        }
    }
}
'''), dict(path='impl/src/main/java/com/groupon/lex/metrics/PushScheduler.java', new='''
package com.groupon.lex.metrics;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

public class PushScheduler {
    private final ScheduledExecutorService executor;

    public PushScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    public ScheduledFuture<?> schedule(MetricSource source, MetricSink sink, long intervalSeconds) {
        PushProcessor processor = new PushProcessor(source, sink);
        return executor.scheduleWithFixedDelay(processor, intervalSeconds, intervalSeconds, TimeUnit.SECONDS); //@CONC-07
    }
}
''')])

case('java-42-scheduled-lambda-catches-checked-only', 'https://github.com/guohongtao0214/call-statistics/pull/1',
     'the periodic save lambda catches only the checked IOException; any RuntimeException from the batch escapes and stops every later save',
     'src/main/java/com/example/stats/AsyncSaver.java', '''
package com.example.stats;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class AsyncSaver {
    private static final Logger log = LoggerFactory.getLogger(AsyncSaver.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final CallBuffer buffer;
    private final StatsRepository repo;

    public AsyncSaver(CallBuffer buffer, StatsRepository repo) {
        this.buffer = buffer;
        this.repo = repo;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(() -> { //@CONC-07
            try {
                repo.saveBatch(buffer.drain());
            } catch (IOException e) {
                log.warn("saving call statistics failed, retrying next round", e);
            }
        }, 5, 5, TimeUnit.SECONDS);
    }
}
''')

case('java-43-scheduled-catch-rethrows-unchecked', 'https://github.com/apache/shenyu/issues/6608',
     'the heartbeat lambda has a catch, but it wraps the failure in a RuntimeException and rethrows it: the first failed heartbeat cancels the schedule',
     'shenyu-register-center/src/main/java/org/apache/shenyu/register/client/HeartbeatScheduler.java', '''
package org.apache.shenyu.register.client;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

public class HeartbeatScheduler {
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    private final RegistryClient client;

    public HeartbeatScheduler(RegistryClient client) {
        this.client = client;
    }

    public void start(String instanceId) {
        executor.scheduleWithFixedDelay(() -> { //@CONC-07
            try {
                client.heartbeat(instanceId);
            } catch (Exception e) {
                throw new ShenyuException("heartbeat of " + instanceId + " failed", e);
            }
        }, 0, 10, TimeUnit.SECONDS);
    }
}
''')

case('java-44-poller-thread-method-reference-no-handler', 'https://github.com/wso2-attic/product-emm/pull/257',
     'a device poller thread is created from a method reference and started with no uncaught-exception handler: a failure ends polling silently',
     'components/mobile-plugins/src/main/java/org/wso2/emm/agent/DevicePoller.java', '''
package org.wso2.emm.agent;

import java.util.concurrent.TimeUnit;

public class DevicePoller {
    private final DeviceService devices;
    private volatile boolean running = true;
    private Thread thread;

    public DevicePoller(DeviceService devices) {
        this.devices = devices;
    }

    public void start() {
        thread = new Thread(this::pollLoop, "device-poller");
        thread.setDaemon(true);
        thread.start(); //@CONC-01
    }

    private void pollLoop() {
        while (running) {
            devices.syncPendingOperations();
            try {
                TimeUnit.SECONDS.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void stop() {
        running = false;
        thread.interrupt();
    }
}
''')

case('java-45-thread-subclass-started-without-handler', 'https://github.com/PaperMC/Paper/pull/7179',
     'a Thread subclass that writes chunks in a loop is started with no uncaught-exception handler: one bad chunk kills the writer and saves stop silently',
     'src/main/java/io/papermc/paper/chunk/ChunkWriterThread.java', '''
package io.papermc.paper.chunk;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

public final class ChunkWriterThread extends Thread {
    private final BlockingQueue<ChunkData> pending = new LinkedBlockingQueue<>(1024);
    private final RegionStorage storage;

    private ChunkWriterThread(RegionStorage storage) {
        super("chunk-writer");
        this.storage = storage;
        setDaemon(true);
    }

    public static ChunkWriterThread startFor(RegionStorage storage) {
        ChunkWriterThread t = new ChunkWriterThread(storage);
        t.start(); //@CONC-01
        return t;
    }

    @Override
    public void run() {
        try {
            while (true) {
                storage.write(pending.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean offer(ChunkData data) {
        return pending.offer(data);
    }
}
''')

# ---------------------------------------------------------------- LOG-01: logging in loops
case('java-46-info-per-generated-invoice-item', 'https://github.com/killbill/killbill/issues/851',
     'the invoice generator writes an info line for every proposed item inside the loop; usage billing produces thousands per invoice',
     'invoice/src/main/java/org/killbill/billing/invoice/generator/InvoiceItemGeneratorLogger.java', '''
package org.killbill.billing.invoice.generator;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class InvoiceItemGeneratorLogger {
    private static final Logger log = LoggerFactory.getLogger(InvoiceItemGeneratorLogger.class);

    public void logItems(String invoiceId, List<InvoiceItem> proposed) {
        for (InvoiceItem item : proposed) {
            log.info("Invoice {}: proposed item {} ({} {} to {})", invoiceId, item, item.getAmount(), //@LOG-01
                    item.getStartDate(), item.getEndDate());
        }
    }
}
''')

case('java-47-info-per-flow-action-on-packet-in', 'https://github.com/floodlight/floodlight/pull/222',
     'the packet-in handler logs an info line for every action of every flow it installs: a hot path per packet, in a loop',
     'src/main/java/net/floodlightcontroller/forwarding/FlowInstaller.java', '''
package net.floodlightcontroller.forwarding;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class FlowInstaller {
    private static final Logger log = LoggerFactory.getLogger(FlowInstaller.class);
    private final SwitchService switches;

    public FlowInstaller(SwitchService switches) {
        this.switches = switches;
    }

    public void onPacketIn(long dpid, Packet pkt, List<FlowAction> actions) {
        for (FlowAction action : actions) {
            log.info("installing action {} on switch {} for packet {}", action, dpid, pkt); //@LOG-01
            switches.install(dpid, pkt.match(), action);
        }
    }
}
''')

case('java-48-jul-info-per-imported-row', 'https://github.com/Mararsh/MyBox/issues/1530',
     'a java.util.logging importer logs every imported row at INFO with string concatenation, inside the import loop',
     'alpha/MyBox/src/main/java/mara/mybox/data/RowImporter.java', '''
package mara.mybox.data;

import java.util.List;
import java.util.logging.Logger;

public class RowImporter {
    private static final Logger LOGGER = Logger.getLogger(RowImporter.class.getName());
    private final RowTable table;

    public RowImporter(RowTable table) {
        this.table = table;
    }

    public int importRows(List<String[]> rows) {
        int count = 0;
        for (String[] row : rows) {
            table.insert(row);
            count++;
            LOGGER.info("imported row " + count + ": " + String.join(",", row)); //@LOG-01,~LOG-02
        }
        return count;
    }
}
''')

# ================================================================ clean look-alikes (Java)
case('java-ok-01-metadata-columns-in-try-with-resources', 'https://github.com/apache/druid/issues/18086',
     'the DatabaseMetaData result set is held in a try-with-resources header, so the early return inside the loop closes it; the borrowed connection is left to its owner',
     'server/src/main/java/org/acme/metadata/PostgresTables.java', '''
package org.acme.metadata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

final class PostgresTables {
    private PostgresTables() {
    }

    /** The connection is borrowed: the caller closes it. */
    static boolean tableHasColumn(Connection conn, String table, String column) throws SQLException {
        try (ResultSet columns = conn.getMetaData().getColumns(null, null, table, null)) {
            while (columns.next()) {
                if (column.equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
''')

case('java-ok-02-flatmap-closes-inner-line-streams', 'https://github.com/eXist-db/exist/pull/4065',
     'the directory listing is in try-with-resources; the per-file Files.lines streams returned by a helper are handed to flatMap, which closes each one after use',
     'exist-core/src/main/java/org/exist/util/LogGrep.java', '''
package org.exist.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public final class LogGrep {
    private LogGrep() {
    }

    private static Stream<String> linesOf(Path file) {
        try {
            return Files.lines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stream.flatMap closes every stream returned by the mapper once its contents are consumed. */
    public static List<String> grep(Path logDir, String needle) throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(p -> p.toString().endsWith(".log"))
                    .flatMap(LogGrep::linesOf)
                    .filter(line -> line.contains(needle))
                    .collect(Collectors.toList());
        }
    }
}
''')

case('java-ok-03-files-list-try-with-resources', 'https://github.com/Netflix/Priam/pull/945',
     'the Files.list stream is declared in a try-with-resources header and consumed inside it',
     'priam/src/main/java/com/netflix/priam/backup/IncrementalDirs.java', '''
package com.netflix.priam.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class IncrementalDirs {
    private IncrementalDirs() {
    }

    static List<String> incrementalNames(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
''')

case('java-ok-04-cursor-owns-and-closes-statement', 'https://github.com/Mapepire-IBMi/mapepire-server/pull/156',
     'the cursor owns its statement: the constructor closes it if preparing the query fails, and close() closes the result set and then the statement',
     'src/main/java/com/github/mapepire/OwnedCursor.java', '''
package com.github.mapepire;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public class OwnedCursor implements AutoCloseable {
    private final PreparedStatement stmt;
    private final ResultSet rs;

    public OwnedCursor(Connection conn, String sql, int timeoutSeconds) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        try {
            ps.setQueryTimeout(timeoutSeconds);
            this.rs = ps.executeQuery();
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        this.stmt = ps;
    }

    public ResultSet results() {
        return rs;
    }

    @Override
    public void close() throws SQLException {
        try {
            rs.close();
        } finally {
            stmt.close();
        }
    }
}
''')

case('java-ok-05-okhttp-response-try-with-resources', 'https://github.com/cgeo/cgeo/pull/6121',
     'the OkHttp Response is held in try-with-resources, so the unsuccessful early return closes it too',
     'main/src/main/java/cgeo/geocaching/network/SafeFetcher.java', '''
package cgeo.geocaching.network;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public final class SafeFetcher {
    private final OkHttpClient client;

    public SafeFetcher(OkHttpClient client) {
        this.client = client;
    }

    public String fetchText(String url) throws IOException {
        Request request = new Request.Builder().url(url).build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                return null;
            }
            return response.body().string();
        }
    }
}
''')

case('java-ok-06-shared-okhttp-new-builder-per-call', 'https://github.com/ContainX/openstack4j/pull/1274',
     'per-request settings come from sharedClient.newBuilder(), which shares the connection pool and dispatcher of the one client built at start-up',
     'connectors/okhttp/src/main/java/org/openstack4j/connectors/okhttp/HttpCommand.java', '''
package org.openstack4j.connectors.okhttp;

import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public final class HttpCommand {
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(30))
            .build();

    private final Request request;
    private final Duration readTimeout;

    public HttpCommand(Request request, Duration readTimeout) {
        this.request = request;
        this.readTimeout = readTimeout;
    }

    public String execute() throws IOException {
        OkHttpClient client = SHARED.newBuilder().readTimeout(readTimeout).build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException(request.url() + " answered " + response.code());
            }
            return response.body().string();
        }
    }
}
''')

case('java-ok-07-pool-created-once-in-context-listener', 'https://github.com/brettwooldridge/HikariCP/issues/836',
     'the Hikari pool is built once when the web application starts and closed when it stops; servlets only borrow connections from it',
     'src/main/java/com/example/web/PoolLifecycle.java', '''
package com.example.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import javax.servlet.annotation.WebListener;

@WebListener
public class PoolLifecycle implements ServletContextListener {
    static final String ATTRIBUTE = "reports.dataSource";
    private HikariDataSource dataSource;

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(sce.getServletContext().getInitParameter("reports.db.url"));
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(3_000);
        dataSource = new HikariDataSource(config);
        sce.getServletContext().setAttribute(ATTRIBUTE, dataSource);
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
''')

case('java-ok-08-ocsp-both-timeouts', 'https://github.com/vrk-kpa/xroad-joint-development/issues/104',
     'the OCSP connection gets connect and read timeouts; both streams are closed by try-with-resources and the connection is disconnected in finally',
     'src/signer/src/main/java/ee/ria/xroad/signer/certmanager/TimedOcspClient.java', '''
package ee.ria.xroad.signer.certmanager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

final class TimedOcspClient {
    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    byte[] query(String responderUrl, byte[] ocspRequest) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(responderUrl).openConnection();
        conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
        conn.setReadTimeout(READ_TIMEOUT_MS);
        conn.setDoOutput(true);
        conn.setRequestProperty("Content-Type", "application/ocsp-request");
        try {
            try (OutputStream out = conn.getOutputStream()) {
                out.write(ocspRequest);
            }
            try (InputStream in = conn.getInputStream()) {
                return in.readAllBytes();
            }
        } finally {
            conn.disconnect();
        }
    }
}
''')

case('java-ok-09-jdk-client-with-timeouts-built-once', 'https://github.com/rchodava/datamill/issues/18',
     'one java.net.http client with a connect timeout, built in the constructor and reused; every request carries its own timeout and reads the body as a String',
     'core/src/main/java/foundation/stack/datamill/http/impl/TimedClient.java', '''
package foundation.stack.datamill.http.impl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class TimedClient {
    private final HttpClient client;
    private final Duration requestTimeout;

    public TimedClient(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
    }

    public String get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
''')

case('java-ok-10-jpa-rollback-on-throwable-em-closed', 'https://github.com/eclipse-ee4j/eclipselink/issues/510',
     'application-managed EntityManager closed in finally; the transaction is committed at the end of the try and rolled back (while active) for any Throwable, which is rethrown',
     'src/main/java/org/acme/importer/SafeOrderImporter.java', '''
package org.acme.importer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

public class SafeOrderImporter {
    private final EntityManagerFactory emf;

    public SafeOrderImporter(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public void importOne(OrderDto dto) {
        EntityManager em = emf.createEntityManager();
        try {
            EntityTransaction txn = em.getTransaction();
            txn.begin();
            try {
                Customer customer = em.find(Customer.class, dto.customerId());
                if (customer == null) {
                    throw new UnknownCustomerException(dto.customerId());
                }
                em.persist(new Order(customer, dto.lines()));
                txn.commit();
            } catch (Throwable t) {
                if (txn.isActive()) {
                    txn.rollback();
                }
                throw t;
            }
        } finally {
            em.close();
        }
    }
}
''')

case('java-ok-11-transaction-template-callback', 'https://github.com/CenturyLinkCloud/mdw/issues/759',
     'the unit of work runs in the TransactionTemplate of Spring, which commits when the callback returns and rolls back when it throws; no hand-written begin or commit',
     'mdw-services/src/com/centurylink/mdw/services/process/TemplatedEventProcessor.java', '''
package com.centurylink.mdw.services.process;

import org.springframework.transaction.support.TransactionTemplate;

public class TemplatedEventProcessor {
    private final TransactionTemplate tx;
    private final ProcessRepository repo;

    public TemplatedEventProcessor(TransactionTemplate tx, ProcessRepository repo) {
        this.tx = tx;
        this.repo = repo;
    }

    public int processEvents(long procInstId) {
        Integer resumed = tx.execute(status -> {
            ProcessInstance inst = repo.findById(procInstId)
                    .orElseThrow(() -> new IllegalStateException("no process instance " + procInstId));
            return repo.resumePendingEvents(inst);
        });
        return resumed == null ? 0 : resumed;
    }
}
''')

case('java-ok-12-interrupt-remembered-restored-after-loop', 'https://github.com/hazelcast/hazelcast/pull/13268',
     'an InterruptedException while asking a member is remembered and stops the search; the finally restores the flag before the method returns',
     'hazelcast/src/main/java/com/hazelcast/internal/usercodedeployment/ClassDataFinder.java', '''
package com.hazelcast.internal.usercodedeployment;

import java.util.List;

final class ClassDataFinder {
    private final ClassDataFetcher fetcher;

    ClassDataFinder(ClassDataFetcher fetcher) {
        this.fetcher = fetcher;
    }

    ClassData find(String className, List<Member> members) {
        boolean interrupted = false;
        try {
            for (Member member : members) {
                try {
                    ClassData data = fetcher.fetch(className, member);
                    if (data != null) {
                        return data;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
            return null;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
''')

case('java-ok-13-interrupt-restored-by-helper-before-wrap', 'https://github.com/kitodo/kitodo-production/pull/1582',
     'the catch hands the InterruptedException to a helper (same file) that restores the interrupt flag and returns the exception to throw',
     'Kitodo-Command/src/main/java/org/kitodo/command/CommandWaiter.java', '''
package org.kitodo.command;

import java.io.IOException;
import java.io.InterruptedIOException;

final class CommandWaiter {
    private CommandWaiter() {
    }

    /** Restores the interrupt flag and converts the exception for callers that speak IOException. */
    static InterruptedIOException interrupted(String what, InterruptedException cause) {
        Thread.currentThread().interrupt();
        InterruptedIOException e = new InterruptedIOException(what + " was interrupted");
        e.initCause(cause);
        return e;
    }

    static int run(ProcessBuilder builder) throws IOException {
        Process p = builder.start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            throw interrupted("command " + builder.command(), e);
        }
    }
}
''')

case('java-ok-14-spring-scheduled-method', 'https://github.com/cassandre-tech/cassandre-trading-bot/issues/539',
     'a Spring @Scheduled(fixedDelay) method: Spring logs an exception from one run and keeps the schedule, and the method also catches and counts its own failures',
     'src/main/java/tech/cassandre/trading/bot/batch/TickerFlux.java', '''
package tech.cassandre.trading.bot.batch;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
public class TickerFlux {
    private static final Logger log = LoggerFactory.getLogger(TickerFlux.class);
    private final TickerService tickers;
    private final AtomicLong failures = new AtomicLong();

    public TickerFlux(TickerService tickers) {
        this.tickers = tickers;
    }

    @Scheduled(fixedDelayString = "${cassandre.trading.bot.exchange.rates.ticker:PT1S}")
    public void refresh() {
        try {
            tickers.refreshAll();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            log.warn("ticker refresh failed, next run as scheduled", e);
        }
    }
}
''')

case('java-ok-15-method-reference-to-guarded-run', 'https://github.com/SOBotics/Guttenberg/pull/37',
     'the schedule is given a method reference to secureExecute, which catches Throwable (VirtualMachineError rethrown), logs and counts, so the next run still happens',
     'src/main/java/org/sobotics/guttenberg/clients/Poller.java', '''
package org.sobotics.guttenberg.clients;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Poller {
    private static final Logger LOGGER = LoggerFactory.getLogger(Poller.class);
    private final ScheduledExecutorService executor;
    private final AtomicLong failedRuns = new AtomicLong();
    private final PostChecker checker;

    public Poller(ScheduledExecutorService executor, PostChecker checker) {
        this.executor = executor;
        this.checker = checker;
    }

    public void start() {
        executor.scheduleAtFixedRate(this::secureExecute, 0, 59, TimeUnit.SECONDS);
    }

    private void secureExecute() {
        try {
            checker.checkNewPosts();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            failedRuns.incrementAndGet();
            LOGGER.error("poll failed; it will run again", t);
        }
    }
}
''')

case('java-ok-16-filter-clears-mdc-in-finally', 'https://github.com/govuk-pay/pay-publicapi/pull/1066',
     'a servlet filter puts the request id and remote address into the MDC inside a try and removes both in finally around the chain',
     'src/main/java/uk/gov/pay/api/filter/LoggingMdcFilter.java', '''
package uk.gov.pay.api.filter;

import java.io.IOException;
import java.util.UUID;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

public class LoggingMdcFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        String requestId = http.getHeader("X-Request-Id");
        try {
            MDC.put("request_id", requestId != null ? requestId : UUID.randomUUID().toString());
            MDC.put("remote_address", http.getRemoteAddr());
            chain.doFilter(req, res);
        } finally {
            MDC.remove("request_id");
            MDC.remove("remote_address");
        }
    }
}
''')

case('java-ok-17-threadlocal-cleared-by-filter-in-other-class', 'https://github.com/GregTechCEu/GregTech/pull/2320',
     'a holder class sets the ThreadLocal for the current tenant; a different class (the request filter) calls clear() of the holder, which calls remove(), in finally',
     files=[dict(path='src/main/java/org/acme/tenancy/TenantHolder.java', new='''
package org.acme.tenancy;

public final class TenantHolder {
    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    private TenantHolder() {
    }

    /** Callers must pair this with {@link #clear()} in a finally block. */
    public static void set(String tenant) {
        TENANT.set(tenant);
    }

    public static String get() {
        return TENANT.get();
    }

    public static void clear() {
        TENANT.remove();
    }
}
'''), dict(path='src/main/java/org/acme/tenancy/TenantFilter.java', new='''
package org.acme.tenancy;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;

public class TenantFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        TenantHolder.set(((HttpServletRequest) req).getHeader("X-Tenant"));
        try {
            chain.doFilter(req, res);
        } finally {
            TenantHolder.clear();
        }
    }
}
''')])

case('java-ok-18-threads-from-factory-helper-with-handler', 'https://github.com/PaperMC/Paper/pull/7179',
     'the writer thread is created by a small factory helper (same change) that sets a logging uncaught-exception handler on every thread it makes',
     files=[dict(path='src/main/java/io/papermc/paper/util/Threads.java', new='''
package io.papermc.paper.util;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class Threads {
    private static final Logger LOGGER = LoggerFactory.getLogger(Threads.class);

    private Threads() {
    }

    /** A daemon thread whose uncaught exceptions are logged with the thread name. */
    public static Thread newDaemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOGGER.error("Uncaught exception in thread {}", th.getName(), e));
        return t;
    }
}
'''), dict(path='src/main/java/io/papermc/paper/chunk/RegionFlusher.java', new='''
package io.papermc.paper.chunk;

import io.papermc.paper.util.Threads;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

public final class RegionFlusher {
    private final BlockingQueue<RegionFile> dirty = new LinkedBlockingQueue<>(256);
    private final Thread thread;

    public RegionFlusher() {
        this.thread = Threads.newDaemon("region-flusher", this::flushLoop);
        this.thread.start();
    }

    private void flushLoop() {
        try {
            while (true) {
                dirty.take().flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean markDirty(RegionFile file) {
        return dirty.offer(file);
    }
}
''')])

case('java-ok-19-debug-guarded-items-and-summary', 'https://github.com/killbill/killbill/issues/851',
     'per-item detail only at debug behind isDebugEnabled (free when off); one info summary line per invoice after the loop',
     'invoice/src/main/java/org/killbill/billing/invoice/generator/QuietItemLogger.java', '''
package org.killbill.billing.invoice.generator;

import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class QuietItemLogger {
    private static final Logger log = LoggerFactory.getLogger(QuietItemLogger.class);

    public void logItems(String invoiceId, List<InvoiceItem> proposed) {
        BigDecimal total = BigDecimal.ZERO;
        for (InvoiceItem item : proposed) {
            total = total.add(item.getAmount());
            if (log.isDebugEnabled()) {
                log.debug("Invoice {}: proposed item id={} amount={}", invoiceId, item.getId(), item.getAmount());
            }
        }
        log.info("Invoice {}: {} proposed items, total {}", invoiceId, proposed.size(), total);
    }
}
''')
