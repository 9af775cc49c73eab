# Round-3 held-out cases, Java. Authored blind (see SOURCES.md); "//@ITEM" marks an expected finding on that line.

CASES = []


def case(name, path, source, desc, new, old=None):
    c = {'name': name, 'path': path, 'source': source, 'desc': desc, 'new': new}
    if old is not None:
        c['old'] = old
    CASES.append(c)


case('java-01-metadata-resultset-not-closed', 'src/main/java/org/example/schema/TableLister.java',
     'https://github.com/liquibase/liquibase/pull/6663',
     'the ResultSet returned by DatabaseMetaData.getTables is iterated and never closed (the connection is borrowed, not owned)',
     r'''
package org.example.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

final class TableLister {

    List<String> tables(Connection connection, String schema) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"}); //@RES-01
        List<String> names = new ArrayList<>();
        while (rs.next()) {
            names.add(rs.getString("TABLE_NAME"));
        }
        return names;
    }
}
''')

case('java-02-sequence-statement-and-result-leak', 'src/main/java/org/polyjdbc/sequence/SequenceReader.java',
     'https://github.com/polyjdbc/polyjdbc/pull/18',
     'a Statement and its ResultSet are created to read the next sequence value and neither is ever closed',
     r'''
package org.polyjdbc.sequence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

final class SequenceReader {
    private final String nextValueSql;

    SequenceReader(String nextValueSql) {
        this.nextValueSql = nextValueSql;
    }

    long next(Connection connection, String sequence) throws SQLException {
        Statement statement = connection.createStatement(); //@RES-01,~TMO-01
        ResultSet rs = statement.executeQuery(String.format(nextValueSql, sequence));
        if (!rs.next()) {
            throw new SQLException("sequence " + sequence + " returned no value");
        }
        return rs.getLong(1);
    }
}
''')

case('java-03-statement-created-inline-never-stored', 'src/main/java/com/example/volumes/VolumeClient.java',
     'https://github.com/databricks/databricks-jdbc/pull/447',
     'createStatement().executeQuery(...) in one expression: the statement is never stored, and neither it nor the result set is closed',
     r'''
package com.example.volumes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

public final class VolumeClient {
    private final Connection connection;

    public VolumeClient(Connection connection) {
        this.connection = connection;
    }

    public List<String> listObjects(String catalog, String schema, String volume) throws SQLException {
        String sql = String.format("LIST '/Volumes/%s/%s/%s/'", catalog, schema, volume);
        ResultSet rs = connection.createStatement().executeQuery(sql); //@RES-01,~TMO-01
        List<String> names = new ArrayList<>();
        while (rs.next()) {
            names.add(rs.getString("name"));
        }
        return names;
    }
}
''')

case('java-04-early-return-before-manual-close', 'src/main/java/org/ff4j/store/JdbcFeatureLookup.java',
     'https://github.com/ff4j/ff4j/pull/156',
     'statement and result set closed by hand at the end; the not-found early return (and any exception) skips both',
     r'''
package org.ff4j.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

final class JdbcFeatureLookup {
    private static final String SQL_EXIST = "SELECT COUNT(*) FROM FF4J_FEATURES WHERE FEAT_UID = ?";
    private final DataSource dataSource;

    JdbcFeatureLookup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean exists(String uid) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement ps = connection.prepareStatement(SQL_EXIST); //@RES-01,~TMO-01
            ps.setString(1, uid);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                return false;
            }
            boolean found = rs.getInt(1) == 1;
            rs.close();
            ps.close();
            return found;
        }
    }
}
''')

case('java-05-entitymanager-local-never-closed', 'src/main/java/com/umbba/api/parent/ParentQueryRepository.java',
     'https://github.com/Team-Umbba/Umbba-Server/pull/97',
     'an application-managed EntityManager is created per query and never closed',
     r'''
package com.umbba.api.parent;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;

public class ParentQueryRepository {
    private final EntityManagerFactory emf;

    public ParentQueryRepository(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public Optional<Parentchild> findByInviteCode(String inviteCode) {
        EntityManager em = emf.createEntityManager(); //@RES-01
        List<Parentchild> found = em.createQuery(
                        "select p from Parentchild p where p.inviteCode = :code", Parentchild.class)
                .setParameter("code", inviteCode)
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }
}
''')

case('java-06-jpa-merge-no-finally', 'src/main/java/io/agrest/jpa/MapChangesStage.java',
     'https://github.com/agrestio/agrest/pull/559',
     'EntityManager and its transaction are closed and committed at the end of the method; an exception in merge leaves the transaction active and the manager open',
     r'''
package io.agrest.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;

public class MapChangesStage {
    private final EntityManagerFactory emf;

    public MapChangesStage(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public <T> void apply(List<T> changed) {
        EntityManager em = emf.createEntityManager(); //@RES-01
        EntityTransaction tx = em.getTransaction(); //@TX-01
        tx.begin();
        for (T entity : changed) {
            em.merge(entity);
        }
        tx.commit();
        em.close();
    }
}
''')

case('java-07-rollback-only-on-runtime-exception', 'src/main/java/org/eclipse/dirigible/store/UnitOfWork.java',
     'https://github.com/eclipse-dirigible/dirigible/issues/7159',
     'Hibernate unit of work: the catch rolls back only RuntimeException; a checked exception (the work is a Callable) or an Error leaves the transaction active when finally closes the session',
     r'''
package org.eclipse.dirigible.store;

import java.util.concurrent.Callable;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

public class UnitOfWork {
    private final SessionFactory sessionFactory;

    public UnitOfWork(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public <T> T run(Callable<T> work) throws Exception {
        Session session = sessionFactory.openSession();
        Transaction tx = session.beginTransaction(); //@TX-01
        try {
            T result = work.call();
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        } finally {
            session.close();
        }
    }
}
''')

case('java-08-hibernate-tx-never-rolled-back', 'src/main/java/org/hibernate/ogm/backend/BatchWriter.java',
     'https://github.com/hibernate/hibernate-ogm/pull/26',
     'session transaction begun and committed at the end of the try; the finally closes the session but nothing rolls back on failure',
     r'''
package org.hibernate.ogm.backend;

import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

public class BatchWriter {
    private final SessionFactory factory;

    public BatchWriter(SessionFactory factory) {
        this.factory = factory;
    }

    public void persistAll(List<?> entities) {
        Session session = factory.openSession();
        try {
            session.getTransaction().begin(); //@TX-01
            for (Object entity : entities) {
                session.persist(entity);
            }
            session.getTransaction().commit();
        } finally {
            session.close();
        }
    }
}
''')

case('java-09-files-walk-one-expression', 'src/main/java/io/quarkus/deployment/ResourceScanner.java',
     'https://github.com/quarkusio/quarkus/pull/2717',
     'Files.walk used in one expression (filter, map, collect) and never closed: each scan keeps directory handles open',
     r'''
package io.quarkus.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

final class ResourceScanner {

    List<String> resources(Path root) throws IOException {
        return Files.walk(root) //@RES-01
                .filter(Files::isRegularFile)
                .map(p -> root.relativize(p).toString().replace('\\', '/'))
                .sorted()
                .collect(Collectors.toList());
    }
}
''')

case('java-10-files-lines-assigned-in-try', 'src/main/java/org/jhardware/linux/CpuInfoReader.java',
     'https://github.com/profesorfalken/jHardware/pull/13',
     'Files.lines assigned with = to a variable declared before the try; the stream is filtered and never closed',
     r'''
package org.jhardware.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

final class CpuInfoReader {
    private final Path cpuinfo;

    CpuInfoReader(Path cpuinfo) {
        this.cpuinfo = cpuinfo;
    }

    String modelName() {
        Stream<String> lines;
        try {
            lines = Files.lines(cpuinfo); //@RES-01
        } catch (IOException e) {
            throw new UncheckedIOException("read " + cpuinfo, e);
        }
        return lines.filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown");
    }
}
''')

case('java-11-files-lines-in-constructor', 'src/main/java/com/netflix/spinnaker/kork/tls/Blocklist.java',
     'https://github.com/spinnaker/kork/pull/43',
     'a constructor fills a field from Files.lines in one expression; the stream (and its file handle) is never closed',
     r'''
package com.netflix.spinnaker.kork.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

public final class Blocklist {
    private final Set<String> serials;

    public Blocklist(Path file) throws IOException {
        this.serials = Files.lines(file) //@RES-01
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean blocked(String serial) {
        return serials.contains(serial);
    }
}
''')

case('java-12-reader-closed-after-replay-loop', 'src/main/java/com/oppo/cloud/parser/EventLogReplayer.java',
     'https://github.com/cubefs/compass/issues/130',
     'the event log reader is closed by hand after the replay loop; an exception from a line parser skips the close',
     r'''
package com.oppo.cloud.parser;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class EventLogReplayer {
    private final EventParser parser;

    public EventLogReplayer(EventParser parser) {
        this.parser = parser;
    }

    public void replay(Path log) throws IOException {
        BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8); //@RES-01
        while (true) {
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            parser.parseLine(line);
        }
        reader.close();
        parser.correlate();
    }
}
''')

case('java-13-sleep-interrupt-breaks-retry', 'src/main/java/com/hubspot/singularity/client/RetryingCaller.java',
     'https://github.com/HubSpot/Singularity/pull/223',
     'the back-off sleep of a retry loop catches InterruptedException, logs and breaks out without restoring the flag',
     r'''
package com.hubspot.singularity.client;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class RetryingCaller {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingCaller.class);
    private final int attempts;
    private final long backoffMillis;

    RetryingCaller(int attempts, long backoffMillis) {
        this.attempts = attempts;
        this.backoffMillis = backoffMillis;
    }

    <T> T call(Supplier<T> request) {
        RuntimeException last = null;
        for (int i = 0; i < attempts; i++) {
            try {
                return request.get();
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(backoffMillis * (i + 1));
            } catch (InterruptedException e) { //@CONC-05
                LOG.warn("retry back-off interrupted after {} attempts", i + 1);
                break;
            }
        }
        throw new IllegalStateException("request failed after retries", last);
    }
}
''')

case('java-14-interrupt-wrapped-in-ioexception', 'src/main/java/net/schmizz/sshj/connection/ChannelWaiter.java',
     'https://github.com/hierynomus/sshj/pull/801',
     'InterruptedException from waiting on the channel is converted into an IOException without restoring the interrupt flag',
     r'''
package net.schmizz.sshj.connection;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

final class ChannelWaiter {
    private final CountDownLatch opened = new CountDownLatch(1);

    void markOpen() {
        opened.countDown();
    }

    void awaitOpen(long timeout, TimeUnit unit) throws IOException {
        try {
            if (!opened.await(timeout, unit)) {
                throw new IOException("channel not opened within " + timeout + " " + unit);
            }
        } catch (InterruptedException e) { //@CONC-05
            throw new IOException("interrupted while waiting for the channel", e);
        }
    }
}
''')

case('java-15-delay-answer-swallows-interrupt', 'src/main/java/org/mockito/internal/stubbing/answers/DelayedAnswer.java',
     'https://github.com/mockito/mockito/issues/2035',
     'a delaying answer sleeps and swallows InterruptedException with only a comment; the pooled thread loses the interrupt',
     r'''
package org.mockito.internal.stubbing.answers;

import java.util.concurrent.TimeUnit;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

public class DelayedAnswer implements Answer<Object> {
    private final long sleepMillis;
    private final Answer<Object> delegate;

    public DelayedAnswer(long sleepMillis, Answer<Object> delegate) {
        this.sleepMillis = sleepMillis;
        this.delegate = delegate;
    }

    @Override
    public Object answer(InvocationOnMock invocation) throws Throwable {
        try {
            TimeUnit.MILLISECONDS.sleep(sleepMillis);
        } catch (InterruptedException ignored) { //@CONC-05,~ERR-01
            // the delay was cut short; answer anyway
        }
        return delegate.answer(invocation);
    }
}
''')

case('java-16-urlconnection-without-timeouts', 'src/main/java/org/mcsoxford/rss/FeedLoader.java',
     'https://github.com/ahorn/android-rss/issues/42',
     'an HttpURLConnection opened for a feed without connect or read timeout (both default to infinite)',
     r'''
package org.mcsoxford.rss;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

public class FeedLoader {
    private final FeedParser parser;

    public FeedLoader(FeedParser parser) {
        this.parser = parser;
    }

    public Feed load(String uri) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(uri).openConnection(); //@TMO-01
        conn.setRequestMethod("GET");
        try {
            int status = conn.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("feed " + uri + " answered " + status);
            }
            try (InputStream in = conn.getInputStream()) {
                return parser.parse(in);
            }
        } finally {
            conn.disconnect();
        }
    }
}
''')

case('java-17-urlconnection-connect-timeout-only', 'src/main/java/org/jclouds/http/internal/JavaUrlFetcher.java',
     'https://github.com/jclouds/legacy-jclouds/pull/8',
     'the connection gets a connect timeout but no read timeout: a server that accepts and then stalls blocks the caller forever',
     r'''
package org.jclouds.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

final class JavaUrlFetcher {
    private final int connectTimeoutMillis;

    JavaUrlFetcher(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    byte[] fetch(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(); //@TMO-01
        connection.setConnectTimeout(connectTimeoutMillis);
        connection.setInstanceFollowRedirects(false);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        } finally {
            connection.disconnect();
        }
    }
}
''')

case('java-18-helper-returned-response-not-closed', 'src/main/java/com/example/crowd/CrowdClient.java',
     'https://github.com/martinspielmann/nexus3-crowd-plugin/issues/13',
     'a private helper returns the CloseableHttpResponse; the caller returns early on a non-200 status and never closes the response on any path',
     r'''
package com.example.crowd;

import java.io.IOException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

public class CrowdClient {
    private final CloseableHttpClient client;
    private final String baseUrl;

    public CrowdClient(CloseableHttpClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl;
    }

    private CloseableHttpResponse executeQuery(HttpUriRequest request) throws IOException {
        return client.execute(request);
    }

    public String userJson(String username) throws IOException {
        HttpGet get = new HttpGet(baseUrl + "/rest/usermanagement/1/user?username=" + username);
        CloseableHttpResponse response = executeQuery(get); //@RES-02|RES-01
        if (response.getStatusLine().getStatusCode() != 200) {
            return null;
        }
        return EntityUtils.toString(response.getEntity());
    }
}
''')

case('java-19-execute-response-deserialized-not-closed', 'src/main/java/io/searchbox/client/http/SearchHttpClient.java',
     'https://github.com/searchbox-io/Jest/issues/412',
     'CloseableHttpClient.execute returns a response that is deserialized and never closed',
     r'''
package io.searchbox.client.http;

import java.io.IOException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.impl.client.CloseableHttpClient;

public class SearchHttpClient {
    private final CloseableHttpClient httpClient;
    private final ResultDeserializer deserializer;

    public SearchHttpClient(CloseableHttpClient httpClient, ResultDeserializer deserializer) {
        this.httpClient = httpClient;
        this.deserializer = deserializer;
    }

    public <T> T execute(HttpUriRequest request, Class<T> type) throws IOException {
        CloseableHttpResponse response = httpClient.execute(request); //@RES-02|RES-01
        return deserializer.read(response.getStatusLine().getStatusCode(), response.getEntity(), type);
    }
}
''')

case('java-20-reassigned-statement-first-leaks', 'src/main/java/net/minecraft/zombies/StatsDao.java',
     'https://github.com/sgtcaze/ZombieEscape/pull/20',
     'one variable holds two PreparedStatements in turn; the finally closes only the last one, so the INSERT statement is never closed',
     r'''
package net.minecraft.zombies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

final class StatsDao {

    PlayerStats ensureAndLoad(Connection connection, UUID player) throws SQLException {
        PreparedStatement ps = null;
        try {
            ps = connection.prepareStatement("INSERT IGNORE INTO stats (uuid) VALUES (?)"); //@RES-01,~TMO-01
            ps.setString(1, player.toString());
            ps.executeUpdate();
            ps = connection.prepareStatement("SELECT kills, deaths, wins FROM stats WHERE uuid = ?"); //@~TMO-01
            ps.setString(1, player.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new PlayerStats(rs.getInt("kills"), rs.getInt("deaths"), rs.getInt("wins"));
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
    }
}
''')

case('java-21-statement-from-schema-helper-not-closed', 'src/main/java/org/axonframework/eventstore/jdbc/SnapshotReader.java',
     'https://github.com/AxonIQ/AxonFramework/pull/139',
     'a schema helper creates the PreparedStatement; the reader closes the result set but never the statement',
     r'''
package org.axonframework.eventstore.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

final class SnapshotReader {
    private final SnapshotSchema schema;

    SnapshotReader(SnapshotSchema schema) {
        this.schema = schema;
    }

    Optional<SerializedSnapshot> lastSnapshot(Connection connection, String aggregateType, String id) throws SQLException {
        PreparedStatement statement = schema.selectLastSnapshot(connection, aggregateType, id); //@RES-01,~TMO-01
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new SerializedSnapshot(rs.getLong(1), rs.getBytes(2), rs.getString(3)));
        }
    }
}
''')

case('java-22-statement-per-response-in-loop', 'src/main/java/org/copperengine/core/persistent/SqlNotifier.java',
     'https://github.com/copper-engine/copper-engine/issues/58',
     'a new PreparedStatement is created for every response in the loop and never closed',
     r'''
package org.copperengine.core.persistent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

final class SqlNotifier {
    private static final String SQL = "INSERT INTO COP_RESPONSE (CORRELATION_ID, RESPONSE_TS, RESPONSE) VALUES (?, ?, ?)";

    void notifyAll(Connection connection, List<Response> responses) throws SQLException {
        for (Response r : responses) {
            PreparedStatement stmt = connection.prepareStatement(SQL); //@RES-01,~TMO-01
            stmt.setString(1, r.correlationId());
            stmt.setTimestamp(2, new Timestamp(r.createdAtMillis()));
            stmt.setString(3, r.payload());
            stmt.executeUpdate();
        }
    }
}
''')

case('java-23-constructor-connection-leaks-on-prepare-failure', 'src/main/java/org/compiere/db/StatementProxy.java',
     'https://github.com/idempiere/idempiere/pull/2184',
     'a statement proxy takes its own connection in the constructor; when prepareStatement throws (bad SQL) the connection is never closed',
     r'''
package org.compiere.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

public class StatementProxy implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;

    public StatementProxy(DataSource dataSource, String sql) throws SQLException {
        this.connection = dataSource.getConnection(); //@RES-01
        this.statement = connection.prepareStatement(sql); //@~TMO-01
    }

    public ResultSet query() throws SQLException {
        return statement.executeQuery();
    }

    @Override
    public void close() throws SQLException {
        try {
            statement.close();
        } finally {
            connection.close();
        }
    }
}
''')

case('java-24-proxy-copy-failure-keeps-response', 'src/main/java/org/eclipse/scout/rt/server/commons/HttpProxy.java',
     'https://github.com/eclipse-scout/scout.rt/pull/1119',
     'the proxied response is closed by hand after copying its body; a failure while copying (client gone) skips the close and starves the pool',
     r'''
package org.eclipse.scout.rt.server.commons;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;

public class HttpProxy {
    private final CloseableHttpClient client;
    private final String upstream;

    public HttpProxy(CloseableHttpClient client, String upstream) {
        this.client = client;
        this.upstream = upstream;
    }

    public void forward(String path, HttpServletResponse out) throws IOException {
        CloseableHttpResponse response = client.execute(new HttpGet(upstream + path)); //@RES-02|RES-01
        out.setStatus(response.getCode());
        if (response.getEntity() != null) {
            InputStream in = response.getEntity().getContent();
            in.transferTo(out.getOutputStream());
        }
        response.close();
    }
}
''')

case('java-25-okhttp-closed-only-when-successful', 'src/main/java/org/graylog2/periodical/VersionCheck.java',
     'https://github.com/Graylog2/graylog2-server/pull/2811',
     'OkHttp response body closed only on the success path; the unsuccessful branch logs and returns with the connection leaked',
     r'''
package org.graylog2.periodical;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class VersionCheck {
    private static final Logger LOG = LoggerFactory.getLogger(VersionCheck.class);
    private final OkHttpClient httpClient;
    private final String url;

    public VersionCheck(OkHttpClient httpClient, String url) {
        this.httpClient = httpClient;
        this.url = url;
    }

    public String latestVersion() throws IOException {
        Request request = new Request.Builder().url(url).get().build();
        Response response = httpClient.newCall(request).execute(); //@RES-02|RES-01
        if (!response.isSuccessful()) {
            LOG.warn("version check answered {}", response.code());
            return null;
        }
        String body = response.body().string();
        response.body().close();
        return body.trim();
    }
}
''')

case('java-26-okhttp-ignored-response', 'src/main/java/com/spotify/github/v3/clients/RepositoryClient.java',
     'https://github.com/spotify/github-java-client/pull/70',
     'a DELETE call executed for its side effect; the Response returned by execute() is dropped without being closed',
     r'''
package com.spotify.github.v3.clients;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;

public class RepositoryClient {
    private final OkHttpClient client;
    private final String apiBase;
    private final String token;

    public RepositoryClient(OkHttpClient client, String apiBase, String token) {
        this.client = client;
        this.apiBase = apiBase;
        this.token = token;
    }

    public void deleteComment(String owner, String repo, long commentId) throws IOException {
        Request request = new Request.Builder()
                .url(apiBase + "/repos/" + owner + "/" + repo + "/issues/comments/" + commentId)
                .header("Authorization", "token " + token)
                .delete()
                .build();
        client.newCall(request).execute(); //@RES-02|RES-01
    }
}
''')

case('java-27-fixed-rate-method-reference', 'src/main/java/com/librato/metrics/reporter/LibratoReporter.java',
     'https://github.com/librato/metrics-librato/pull/49',
     'scheduleAtFixedRate given a method reference whose body can throw; one failed report silently cancels every later one',
     r'''
package com.librato.metrics.reporter;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class LibratoReporter implements AutoCloseable {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MetricsPoster poster;
    private final MetricSnapshotter snapshotter;

    public LibratoReporter(MetricsPoster poster, MetricSnapshotter snapshotter) {
        this.poster = poster;
        this.snapshotter = snapshotter;
    }

    public void start(long period, TimeUnit unit) {
        scheduler.scheduleAtFixedRate(this::report, period, period, unit); //@CONC-07
    }

    private void report() {
        poster.post(snapshotter.snapshot());
    }

    @Override
    public void close() {
        scheduler.shutdown();
    }
}
''')

case('java-28-fixed-delay-lambda-unguarded', 'src/main/java/com/netflix/conductor/core/sweeper/QueueSweeper.java',
     'https://github.com/Netflix/conductor/pull/557',
     'scheduleWithFixedDelay runs a lambda that sweeps queues with no catch; a RuntimeException from one sweep stops the schedule',
     r'''
package com.netflix.conductor.core.sweeper;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class QueueSweeper {
    private final ScheduledExecutorService scheduler;
    private final QueueDao queues;
    private final WorkflowRepairer repairer;

    public QueueSweeper(ScheduledExecutorService scheduler, QueueDao queues, WorkflowRepairer repairer) {
        this.scheduler = scheduler;
        this.queues = queues;
        this.repairer = repairer;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(() -> { //@CONC-07
            List<String> ids = queues.pop("_deciderQueue", 100, 200);
            for (String id : ids) {
                repairer.repair(id);
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }
}
''')

case('java-29-threadlocal-removed-at-end-not-finally', 'src/main/java/com/google/devtools/ksp/ProcessingSession.java',
     'https://github.com/google/ksp/pull/2716',
     'a ThreadLocal holding the resolver is set before processing and removed at the end of the method, not in finally: a processor exception leaves it on the thread',
     r'''
package com.google.devtools.ksp;

import java.util.List;

public final class ProcessingSession {
    static final ThreadLocal<Resolver> CURRENT = new ThreadLocal<>();

    private final List<SymbolProcessor> processors;

    public ProcessingSession(List<SymbolProcessor> processors) {
        this.processors = processors;
    }

    public void runRound(Resolver resolver) {
        CURRENT.set(resolver); //@CONC-04
        for (SymbolProcessor p : processors) {
            p.process(resolver);
        }
        CURRENT.remove();
    }
}
''')

case('java-30-thread-pool-per-fusion-call', 'src/main/java/net/preibisch/mvrecon/process/fusion/Fusion.java',
     'https://github.com/JaneliaSciComp/multiview-reconstruction/pull/23',
     'each fusion call builds a fixed thread pool, waits for its futures and never shuts it down: the worker threads outlive the call',
     r'''
package net.preibisch.mvrecon.process.fusion;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class Fusion {

    public void fuseBlocks(List<Block> blocks, int threads) throws InterruptedException, ExecutionException {
        ExecutorService taskExecutor = Executors.newFixedThreadPool(threads); //@RES-04,~CONC-02
        List<Future<?>> futures = new ArrayList<>();
        for (Block b : blocks) {
            futures.add(taskExecutor.submit(b::fuse));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }
}
''')

case('java-31-scheduler-per-reconnect', 'src/main/java/de/labystudio/spotifyapi/TickingApi.java',
     'https://github.com/LabyStudio/java-spotify-api/issues/15',
     'every (re)connect builds a new single-thread scheduler; disconnect cancels the task but never shuts the executor down',
     r'''
package de.labystudio.spotifyapi;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class TickingApi {
    private static final Logger LOG = LoggerFactory.getLogger(TickingApi.class);
    private ScheduledFuture<?> tickTask;

    public void connect() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(); //@RES-04
        tickTask = executor.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (Throwable t) {
                LOG.warn("tick failed; retrying on the next one", t);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    public void disconnect() {
        if (tickTask != null) {
            tickTask.cancel(true);
        }
    }

    private void tick() {
        // poll the local player state
    }
}
''')

case('java-32-zipfile-opened-for-count', 'src/main/java/com/getkeepsafe/dexcount/ApkInspector.java',
     'https://github.com/KeepSafe/dexcount-gradle-plugin/pull/160',
     'a ZipFile is opened to count dex entries and never closed, which keeps the apk locked for the rest of the build',
     r'''
package com.getkeepsafe.dexcount;

import java.io.File;
import java.io.IOException;
import java.util.zip.ZipFile;

final class ApkInspector {

    long dexCount(File apk) throws IOException {
        ZipFile zip = new ZipFile(apk); //@RES-01
        return zip.stream()
                .filter(e -> e.getName().endsWith(".dex"))
                .count();
    }
}
''')

case('java-33-zip-entry-stream-returned-zipfile-leaks', 'src/main/java/com/github/wuic/nut/ArchiveNut.java',
     'https://github.com/wuic/wuic/issues/139',
     'the input stream of one entry is returned to the caller; the ZipFile that produced it is never closed by anyone',
     r'''
package com.github.wuic.nut;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

public class ArchiveNut {
    private final File archive;
    private final String entryName;

    public ArchiveNut(File archive, String entryName) {
        this.archive = archive;
        this.entryName = entryName;
    }

    public InputStream openStream() throws IOException {
        ZipFile zip = new ZipFile(archive); //@RES-01
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw new FileNotFoundException(entryName + " not in " + archive);
        }
        return zip.getInputStream(entry);
    }
}
''')

case('java-34-apache-client-built-per-request', 'src/main/java/com/enonic/lib/http/HttpRequestHandler.java',
     'https://github.com/enonic/xp/issues/4861',
     'each scripted HTTP request builds its own CloseableHttpClient (connection pool and eviction thread) and never closes it',
     r'''
package com.enonic.lib.http;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

public class HttpRequestHandler {

    public String get(String url, int timeoutMillis) throws IOException {
        RequestConfig config = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(timeoutMillis))
                .setResponseTimeout(Timeout.ofMilliseconds(timeoutMillis))
                .build();
        CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(config).build(); //@RES-04
        return client.execute(new HttpGet(url), response -> EntityUtils.toString(response.getEntity()));
    }
}
''')

case('java-35-jdk-httpclient-per-blocking-call', 'src/main/java/io/micronaut/http/client/jdk/BlockingFacade.java',
     'https://github.com/micronaut-projects/micronaut-core/issues/12651',
     'every blocking call builds a new java.net.http.HttpClient (selector thread and pool) and drops it',
     r'''
package io.micronaut.http.client.jdk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class BlockingFacade {
    private final URI base;
    private final Duration timeout;

    public BlockingFacade(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    public String retrieve(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build(); //@RES-04
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
''')

case('java-36-info-per-log-event-saved', 'src/main/java/co/cask/cdap/logging/save/LogSaver.java',
     'https://github.com/cdapio/cdap/pull/880',
     'the log saver writes an info line for every event it persists, inside the loop over each fetched batch',
     r'''
package co.cask.cdap.logging.save;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class LogSaver {
    private static final Logger LOG = LoggerFactory.getLogger(LogSaver.class);
    private final LogFileWriter writer;

    public LogSaver(LogFileWriter writer) {
        this.writer = writer;
    }

    public void save(List<LogEvent> batch) throws java.io.IOException {
        for (LogEvent event : batch) {
            writer.append(event);
            LOG.info("Saved log event for {} at offset {}", event.loggingContext(), event.offset()); //@LOG-01
        }
        writer.flush();
    }
}
''')

case('java-37-jedis-returned-without-finally', 'src/main/java/com/example/cache/SessionCache.java',
     'https://github.com/redis/jedis/issues/705',
     'a Jedis connection borrowed from the pool is closed (returned) at the end of the method; an exception from Redis skips it and the pool drains',
     r'''
package com.example.cache;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

public class SessionCache {
    private final JedisPool pool;

    public SessionCache(JedisPool pool) {
        this.pool = pool;
    }

    public void store(String sessionId, String payload, long ttlSeconds) {
        Jedis jedis = pool.getResource(); //@RES-01
        jedis.setex("session:" + sessionId, ttlSeconds, payload);
        jedis.sadd("sessions:active", sessionId);
        jedis.close();
    }
}
''')

case('java-ok-01-metadata-resultset-try-with-resources', 'src/main/java/org/example/schema/ColumnLister.java',
     'https://github.com/liquibase/liquibase/pull/6663',
     'the DatabaseMetaData result set is opened in a try-with-resources header; the borrowed connection is left to its owner',
     r'''
package org.example.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

final class ColumnLister {

    List<String> columns(Connection connection, String schema, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME"));
            }
        }
        return names;
    }
}
''')

case('java-ok-02-okhttp-early-return-inside-try', 'src/main/java/org/graylog2/periodical/PluginUpdateCheck.java',
     'https://github.com/Graylog2/graylog2-server/pull/2811',
     'the OkHttp Response is held in try-with-resources, so the unsuccessful early return closes it too',
     r'''
package org.graylog2.periodical;

import java.io.IOException;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PluginUpdateCheck {
    private static final Logger LOG = LoggerFactory.getLogger(PluginUpdateCheck.class);
    private final OkHttpClient httpClient;
    private final String url;

    public PluginUpdateCheck(OkHttpClient httpClient, String url) {
        this.httpClient = httpClient;
        this.url = url;
    }

    public Optional<String> latest() throws IOException {
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = httpClient.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                LOG.warn("plugin update check answered {}", response.code());
                return Optional.empty();
            }
            return Optional.of(response.body().string().trim());
        }
    }
}
''')

case('java-ok-03-files-lines-try-with-resources', 'src/main/java/org/jhardware/linux/MemInfoReader.java',
     'https://github.com/profesorfalken/jHardware/pull/13',
     'Files.lines opened in a try-with-resources header and consumed inside it',
     r'''
package org.jhardware.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class MemInfoReader {
    private final Path meminfo;

    MemInfoReader(Path meminfo) {
        this.meminfo = meminfo;
    }

    Map<String, String> read() {
        try (Stream<String> lines = Files.lines(meminfo)) {
            return lines.filter(l -> l.indexOf(':') > 0)
                    .collect(Collectors.toMap(
                            l -> l.substring(0, l.indexOf(':')).trim(),
                            l -> l.substring(l.indexOf(':') + 1).trim(),
                            (a, b) -> b));
        } catch (IOException e) {
            throw new UncheckedIOException("read " + meminfo, e);
        }
    }
}
''')

case('java-ok-04-read-all-lines-in-constructor', 'src/main/java/com/netflix/spinnaker/kork/tls/Allowlist.java',
     'https://github.com/spinnaker/kork/pull/43',
     'the constructor reads the file with Files.readAllLines, which opens and closes it itself; no stream is left open',
     r'''
package com.netflix.spinnaker.kork.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

public final class Allowlist {
    private final Set<String> hosts;

    public Allowlist(Path file) throws IOException {
        this.hosts = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean allowed(String host) {
        return hosts.contains(host);
    }
}
''')

case('java-ok-05-session-rollback-on-any-throwable', 'src/main/java/org/eclipse/dirigible/store/SafeUnitOfWork.java',
     'https://github.com/eclipse-dirigible/dirigible/issues/7159',
     'Hibernate session in try-with-resources; the catch takes Throwable, rolls back while active and rethrows, so every failure ends the transaction',
     r'''
package org.eclipse.dirigible.store;

import java.util.concurrent.Callable;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

public class SafeUnitOfWork {
    private final SessionFactory sessionFactory;

    public SafeUnitOfWork(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public <T> T run(Callable<T> work) throws Exception {
        try (Session session = sessionFactory.openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                T result = work.call();
                tx.commit();
                return result;
            } catch (Throwable t) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw t;
            }
        }
    }
}
''')

case('java-ok-06-scheduled-report-guarded', 'src/main/java/com/librato/metrics/reporter/GuardedReporter.java',
     'https://github.com/librato/metrics-librato/pull/49',
     'the scheduled lambda catches Throwable (VirtualMachineError rethrown), logs and counts, so the next run still happens',
     r'''
package com.librato.metrics.reporter;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class GuardedReporter {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedReporter.class);
    private final ScheduledExecutorService scheduler;
    private final MetricsPoster poster;
    private final MetricSnapshotter snapshotter;
    private final AtomicLong failures = new AtomicLong();

    public GuardedReporter(ScheduledExecutorService scheduler, MetricsPoster poster, MetricSnapshotter snapshotter) {
        this.scheduler = scheduler;
        this.poster = poster;
        this.snapshotter = snapshotter;
    }

    public void start(long period, TimeUnit unit) {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                poster.post(snapshotter.snapshot());
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                failures.incrementAndGet();
                LOG.error("metrics report failed; it will run again", t);
            }
        }, period, period, unit);
    }
}
''')

case('java-ok-07-threadlocal-cleared-by-holder-in-finally', 'src/main/java/com/google/devtools/ksp/RoundRunner.java',
     'https://github.com/google/ksp/pull/2716',
     'the ThreadLocal lives in a holder class whose clear() calls remove(); the runner sets it and calls clear() in finally',
     r'''
package com.google.devtools.ksp;

import java.util.List;

final class ResolverHolder {
    private static final ThreadLocal<Resolver> CURRENT = new ThreadLocal<>();

    private ResolverHolder() {
    }

    static void bind(Resolver resolver) {
        CURRENT.set(resolver);
    }

    static Resolver current() {
        return CURRENT.get();
    }

    static void clear() {
        CURRENT.remove();
    }
}

public final class RoundRunner {
    private final List<SymbolProcessor> processors;

    public RoundRunner(List<SymbolProcessor> processors) {
        this.processors = processors;
    }

    public void runRound(Resolver resolver) {
        ResolverHolder.bind(resolver);
        try {
            for (SymbolProcessor p : processors) {
                p.process(resolver);
            }
        } finally {
            ResolverHolder.clear();
        }
    }
}
''')

case('java-ok-08-interrupt-restored-then-wrapped', 'src/main/java/net/schmizz/sshj/connection/KexWaiter.java',
     'https://github.com/hierynomus/sshj/pull/801',
     'InterruptedException restores the interrupt flag before it is rethrown as an InterruptedIOException',
     r'''
package net.schmizz.sshj.connection;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

final class KexWaiter {
    private final CountDownLatch done = new CountDownLatch(1);

    void markDone() {
        done.countDown();
    }

    void awaitKex(long timeout, TimeUnit unit) throws IOException {
        try {
            if (!done.await(timeout, unit)) {
                throw new IOException("key exchange not done within " + timeout + " " + unit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException wrapped = new InterruptedIOException("interrupted during key exchange");
            wrapped.initCause(e);
            throw wrapped;
        }
    }
}
''')

case('java-ok-09-injected-executor-futures-awaited', 'src/main/java/net/preibisch/mvrecon/process/fusion/SharedPoolFusion.java',
     'https://github.com/JaneliaSciComp/multiview-reconstruction/pull/23',
     'blocks run on an executor owned by the caller (injected); every future is awaited with a timeout and cancelled on failure',
     r'''
package net.preibisch.mvrecon.process.fusion;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public class SharedPoolFusion {
    private final ExecutorService pool; // owned and shut down by the application

    public SharedPoolFusion(ExecutorService pool) {
        this.pool = pool;
    }

    public void fuseBlocks(List<Block> blocks, long timeoutSeconds)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Future<?>> futures = new ArrayList<>();
        for (Block b : blocks) {
            futures.add(pool.submit(b::fuse));
        }
        try {
            for (Future<?> f : futures) {
                f.get(timeoutSeconds, TimeUnit.SECONDS);
            }
        } finally {
            for (Future<?> f : futures) {
                f.cancel(true);
            }
        }
    }
}
''')

case('java-ok-10-zipfile-try-with-resources', 'src/main/java/com/getkeepsafe/dexcount/ApkSizer.java',
     'https://github.com/KeepSafe/dexcount-gradle-plugin/pull/160',
     'the ZipFile is opened in a try-with-resources header and its entries are streamed inside it',
     r'''
package com.getkeepsafe.dexcount;

import java.io.File;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

final class ApkSizer {

    long dexBytes(File apk) throws IOException {
        try (ZipFile zip = new ZipFile(apk)) {
            return zip.stream()
                    .filter(e -> e.getName().endsWith(".dex"))
                    .mapToLong(ZipEntry::getSize)
                    .sum();
        }
    }
}
''')

case('java-ok-11-helper-response-closed-by-caller', 'src/main/java/com/example/crowd/CrowdGroups.java',
     'https://github.com/martinspielmann/nexus3-crowd-plugin/issues/13',
     'the helper returns the CloseableHttpResponse and the caller holds it in try-with-resources, so every status path closes it',
     r'''
package com.example.crowd;

import java.io.IOException;
import java.util.Optional;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

public class CrowdGroups {
    private final CloseableHttpClient client;
    private final String baseUrl;

    public CrowdGroups(CloseableHttpClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl;
    }

    private CloseableHttpResponse executeQuery(HttpUriRequest request) throws IOException {
        return client.execute(request);
    }

    public Optional<String> groupsJson(String username) throws IOException {
        HttpGet get = new HttpGet(baseUrl + "/rest/usermanagement/1/user/group/direct?username=" + username);
        try (CloseableHttpResponse response = executeQuery(get)) {
            if (response.getStatusLine().getStatusCode() != 200) {
                EntityUtils.consume(response.getEntity());
                return Optional.empty();
            }
            return Optional.of(EntityUtils.toString(response.getEntity()));
        }
    }
}
''')

case('java-ok-12-jedis-try-with-resources', 'src/main/java/com/example/cache/RateCounter.java',
     'https://github.com/redis/jedis/issues/705',
     'the pooled Jedis connection is borrowed in try-with-resources; close() returns it to the pool on every path',
     r'''
package com.example.cache;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

public class RateCounter {
    private final JedisPool pool;

    public RateCounter(JedisPool pool) {
        this.pool = pool;
    }

    public long hit(String client, long windowSeconds) {
        try (Jedis jedis = pool.getResource()) {
            String key = "rate:" + client;
            long count = jedis.incr(key);
            if (count == 1) {
                jedis.expire(key, windowSeconds);
            }
            return count;
        }
    }
}
''')

case('java-ok-13-urlconnection-both-timeouts', 'src/main/java/org/mcsoxford/rss/TimedFeedLoader.java',
     'https://github.com/ahorn/android-rss/issues/42',
     'the HttpURLConnection gets connect and read timeouts, the body stream is closed by try-with-resources and the connection disconnected in finally',
     r'''
package org.mcsoxford.rss;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

public class TimedFeedLoader {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 15_000;
    private final FeedParser parser;

    public TimedFeedLoader(FeedParser parser) {
        this.parser = parser;
    }

    public Feed load(String uri) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(uri).openConnection();
        conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
        conn.setReadTimeout(READ_TIMEOUT_MS);
        conn.setRequestMethod("GET");
        try {
            if (conn.getResponseCode() != HttpURLConnection.HTTP_OK) {
                throw new IOException("feed " + uri + " answered " + conn.getResponseCode());
            }
            try (InputStream in = conn.getInputStream()) {
                return parser.parse(in);
            }
        } finally {
            conn.disconnect();
        }
    }
}
''')

case('java-ok-14-two-statements-each-in-try', 'src/main/java/net/minecraft/zombies/KitDao.java',
     'https://github.com/sgtcaze/ZombieEscape/pull/20',
     'the insert and the select each get their own PreparedStatement in a try-with-resources header, with a query timeout',
     r'''
package net.minecraft.zombies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

final class KitDao {
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    String ensureAndLoadKit(Connection connection, UUID player) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO kits (uuid, kit) VALUES (?, 'default')")) {
            insert.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            insert.setString(1, player.toString());
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT kit FROM kits WHERE uuid = ?")) {
            select.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            select.setString(1, player.toString());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : "default";
            }
        }
    }
}
''')

case('java-ok-15-count-in-loop-one-summary', 'src/main/java/co/cask/cdap/logging/save/BatchLogSaver.java',
     'https://github.com/cdapio/cdap/pull/880',
     'the loop only counts; one debug line per batch is written after it, and only when something was saved',
     r'''
package co.cask.cdap.logging.save;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class BatchLogSaver {
    private static final Logger LOG = LoggerFactory.getLogger(BatchLogSaver.class);
    private final LogFileWriter writer;

    public BatchLogSaver(LogFileWriter writer) {
        this.writer = writer;
    }

    public void save(List<LogEvent> batch) throws IOException {
        int saved = 0;
        for (LogEvent event : batch) {
            writer.append(event);
            saved++;
        }
        writer.flush();
        if (saved > 0) {
            LOG.debug("Saved {} log events", saved);
        }
    }
}
''')

case('java-ok-16-helper-statement-in-try-with-resources', 'src/main/java/org/axonframework/eventstore/jdbc/EventCounter.java',
     'https://github.com/AxonIQ/AxonFramework/pull/139',
     'the statement built by a schema helper is bound in the try-with-resources header together with its result set',
     r'''
package org.axonframework.eventstore.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

final class EventCounter {
    private final SnapshotSchema schema;

    EventCounter(SnapshotSchema schema) {
        this.schema = schema;
    }

    long countEvents(Connection connection, String aggregateType, String id) throws SQLException {
        try (PreparedStatement statement = schema.countEvents(connection, aggregateType, id);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }
}
''')

case('java-ok-17-constructor-closes-connection-on-failure', 'src/main/java/org/compiere/db/SafeStatementProxy.java',
     'https://github.com/idempiere/idempiere/pull/2184',
     'the proxy owns its connection: if prepareStatement fails in the constructor the connection is closed before rethrowing; close() releases both',
     r'''
package org.compiere.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

public class SafeStatementProxy implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;

    public SafeStatementProxy(DataSource dataSource, String sql, int queryTimeoutSeconds) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            PreparedStatement ps = c.prepareStatement(sql);
            ps.setQueryTimeout(queryTimeoutSeconds);
            this.statement = ps;
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        this.connection = c;
    }

    public ResultSet query() throws SQLException {
        return statement.executeQuery();
    }

    @Override
    public void close() throws SQLException {
        try {
            statement.close();
        } finally {
            connection.close();
        }
    }
}
''')

case('java-38-modified-filter-adds-mdc-put', 'src/main/java/eu/europa/ec/efgs/config/RequestIdFilter.java',
     'https://github.com/eu-federation-gateway-service/efgs-federation-gateway/pull/280',
     'a change adds MDC.put of the request id to a servlet filter; nothing removes it, so the next request on the pooled thread logs the old id',
     old=r'''
package eu.europa.ec.efgs.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

public class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader("X-Request-Id");
        if (id != null) {
            response.setHeader("X-Request-Id", id);
        }
        chain.doFilter(request, response);
    }
}
''',
     new=r'''
package eu.europa.ec.efgs.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

public class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader("X-Request-Id");
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        MDC.put("requestId", id); //@CONC-04
        response.setHeader("X-Request-Id", id);
        chain.doFilter(request, response);
    }
}
''')

case('java-ok-18-mdc-removed-in-finally', 'src/main/java/org/eclipse/che/api/core/logging/IdentityIdFilter.java',
     'https://github.com/eclipse-che/che/pull/8649',
     'the filter puts the identity id into the MDC and removes it in a finally around the chain',
     r'''
package org.eclipse.che.api.core.logging;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import org.slf4j.MDC;

public class IdentityIdFilter implements Filter {
    private static final String KEY = "identity_id";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = ((HttpServletRequest) request).getUserPrincipal();
        MDC.put(KEY, principal == null ? "anonymous" : principal.getName());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(KEY);
        }
    }
}
''')

case('java-ok-19-interceptor-removes-in-after-completion', 'src/main/java/oss/fosslight/interceptor/ProjectMdcInterceptor.java',
     'https://github.com/fosslight/fosslight/pull/1154',
     'a Spring HandlerInterceptor puts the key in preHandle (or removes a stale one) and removes it in afterCompletion, which Spring calls on every outcome once preHandle returned true',
     r'''
package oss.fosslight.interceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerInterceptor;

public class ProjectMdcInterceptor implements HandlerInterceptor {
    private static final String MDC_PROJECT_ID = "projectId";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String projectId = request.getParameter("prjId");
        if (projectId != null && !projectId.isBlank()) {
            MDC.put(MDC_PROJECT_ID, projectId);
        } else {
            MDC.remove(MDC_PROJECT_ID);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        MDC.remove(MDC_PROJECT_ID);
    }
}
''')
