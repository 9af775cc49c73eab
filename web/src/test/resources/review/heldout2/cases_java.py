# Java cases of the round-2 held-out corpus (see make_cases.py). Written from the shape of public fixes.
CASES = []
def case(name, desc, source, path, new, old=None):
    c = dict(name=name, desc=desc, source=source, path=path, new=new)
    if old is not None:
        c['old'] = old
    CASES.append(c)

case('java-01-okhttp-retry-continue-skips-close',
     'OkHttp Response assigned with = inside a retry loop; a 503 continues to the next attempt without closing it',
     'https://github.com/enonic/xp/issues/6696',
     'src/main/java/com/acme/feeds/FeedFetcher.java', r'''
package com.acme.feeds;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

final class FeedFetcher {
    private final OkHttpClient client;

    FeedFetcher(OkHttpClient client) {
        this.client = client;
    }

    String fetch(String url, int attempts) throws IOException {
        Request request = new Request.Builder().url(url).get().build();
        Response response;
        for (int i = 0; i < attempts; i++) {
            response = client.newCall(request).execute(); //@RES-02|RES-01
            if (response.code() == 503) {
                continue;
            }
            if (!response.isSuccessful()) {
                throw new IOException("feed " + url + " answered " + response.code());
            }
            return response.body().string();
        }
        throw new IOException("feed " + url + " unavailable after " + attempts + " attempts");
    }
}
''')

case('java-02-apache4-switch-default-throws-unconsumed',
     'Apache HttpClient 4: the OK case hands the response to a releasing stream, the default case throws without closing or consuming it',
     'https://github.com/iterate-ch/cyberduck/issues/18398',
     'src/main/java/com/acme/storage/ReadFeature.java', r'''
package com.acme.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.http.HttpStatus;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;

final class ReadFeature {
    private final CloseableHttpClient client;

    ReadFeature(CloseableHttpClient client) {
        this.client = client;
    }

    InputStream read(String url) throws IOException {
        HttpGet request = new HttpGet(url);
        CloseableHttpResponse response = client.execute(request); //@RES-02|RES-01
        switch (response.getStatusLine().getStatusCode()) {
            case HttpStatus.SC_OK:
            case HttpStatus.SC_PARTIAL_CONTENT:
                return new FilterInputStream(response.getEntity().getContent()) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            response.close();
                        }
                    }
                };
            default:
                throw new IOException("read " + url + ": " + response.getStatusLine());
        }
    }
}
''')

case('java-03-httpclient5-response-never-closed-var',
     'Apache HttpClient 5 classic execute returns a response held in a var local; the entity is read and the response never closed',
     'https://github.com/hengyunabc/zabbix-api/issues/30',
     'src/main/java/com/acme/monitor/ApiCaller.java', r'''
package com.acme.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

final class ApiCaller {
    private final CloseableHttpClient http;
    private final String endpoint;

    ApiCaller(CloseableHttpClient http, String endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    String call(String json) {
        HttpPost post = new HttpPost(endpoint);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        try {
            var response = http.execute(post); //@RES-02|RES-01
            return EntityUtils.toString(response.getEntity());
        } catch (IOException e) {
            throw new UncheckedIOException("call " + endpoint, e);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable answer from " + endpoint, e);
        }
    }
}
''')

case('java-04-jdk-http-oflines-stream-not-closed',
     'java.net.http response with BodyHandlers.ofLines(): the Stream of lines (which holds the connection) is filtered and collected but never closed',
     'https://github.com/airbytehq/airbyte/issues/10128',
     'src/main/java/com/acme/logs/LogTail.java', r'''
package com.acme.logs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class LogTail {
    private final HttpClient client;

    LogTail(HttpClient client) {
        this.client = client;
    }

    List<String> errors(URI logUri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(logUri).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines()); //@RES-02|RES-01
        if (response.statusCode() != 200) {
            throw new IOException("log endpoint answered " + response.statusCode());
        }
        return response.body().filter(line -> line.contains(" ERROR ")).limit(500).collect(Collectors.toList());
    }
}
''')

case('java-05-jdbctemplate-queryforstream-findfirst',
     'JdbcTemplate.queryForStream consumed with findFirst and never closed: the connection is not returned to the pool',
     'https://github.com/spring-projects/spring-framework/issues/27988',
     'src/main/java/com/acme/settings/SettingsDao.java', r'''
package com.acme.settings;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class SettingsDao {
    private final JdbcTemplate jdbc;

    SettingsDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> value(String key) {
        return jdbc.queryForStream("SELECT value FROM settings WHERE key = ?", //@RES-01
                (rs, rowNum) -> rs.getString("value"), key)
                .findFirst();
    }
}
''')

case('java-06-repository-stream-not-closed',
     'a Spring Data repository method returning Stream is mapped and collected without try-with-resources',
     'https://github.com/spring-projects/spring-data-relational/issues/1140',
     'src/main/java/com/acme/orders/OrderExport.java', r'''
package com.acme.orders;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.repository.Repository;

final class OrderExport {

    interface OrderRepository extends Repository<Order, Long> {
        Stream<Order> streamAllByStatus(String status);
    }

    record Order(Long id, String status, long totalCents) {
    }

    private final OrderRepository orders;

    OrderExport(OrderRepository orders) {
        this.orders = orders;
    }

    List<String> openOrderLines() {
        Stream<Order> open = orders.streamAllByStatus("OPEN"); //@RES-01
        return open.map(o -> o.id() + ";" + o.totalCents()).collect(Collectors.toList());
    }
}
''')

case('java-07-prepare-statement-chained-execute',
     'connection.prepareStatement(sql).execute() chained: the statement is never stored and never closed',
     'https://github.com/AxonIQ/AxonFramework/pull/856',
     'src/main/java/com/acme/events/EventTableFactory.java', r'''
package com.acme.events;

import java.sql.Connection;
import java.sql.SQLException;

final class EventTableFactory {

    void createEventTable(Connection connection, String table) throws SQLException {
        String sql = "CREATE TABLE " + table + " ("
                + "global_index BIGINT NOT NULL, "
                + "aggregate_id VARCHAR(255) NOT NULL, "
                + "sequence_number BIGINT NOT NULL, "
                + "payload BLOB NOT NULL, "
                + "PRIMARY KEY (global_index))";
        connection.prepareStatement(sql).execute(); //@RES-01,~TMO-01
    }
}
''')

case('java-08-resultset-returned-statement-leaks',
     'a query helper returns the ResultSet; the PreparedStatement that produced it is never closed by anyone',
     'https://github.com/future-architect/uroborosql/pull/79',
     'src/main/java/com/acme/sql/SqlAgent.java', r'''
package com.acme.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

final class SqlAgent {
    private final Connection connection;

    SqlAgent(Connection connection) {
        this.connection = connection;
    }

    /** Runs the query; the caller closes the returned result set. */
    ResultSet query(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql); //@RES-01,~TMO-01
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps.executeQuery();
    }
}
''')

case('java-09-statement-closed-by-hand-in-try',
     'statement and result set closed by hand at the end of the try; an exception skips both, and the catch only logs',
     'https://github.com/adempiere/adempiere/issues/3710',
     'src/main/java/com/acme/login/LoginCheck.java', r'''
package com.acme.login;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

final class LoginCheck {
    private static final Logger LOG = Logger.getLogger(LoginCheck.class.getName());

    boolean isActive(Connection conn, String user) {
        boolean active = false;
        try {
            PreparedStatement pstmt = conn.prepareStatement("SELECT is_active FROM users WHERE name = ?"); //@RES-01,~TMO-01
            pstmt.setString(1, user);
            ResultSet rs = pstmt.executeQuery(); //@~RES-01
            if (rs.next()) {
                active = "Y".equals(rs.getString(1));
            }
            rs.close();
            pstmt.close();
        } catch (SQLException e) { //@~ERR-01
            LOG.log(Level.SEVERE, "checkLogin", e);
        }
        return active;
    }
}
''')

case('java-10-entitymanager-never-closed',
     'an EntityManager created per call and used in one expression, never closed',
     'https://github.com/motown-io/motown/issues/41',
     'src/main/java/com/acme/stations/StationTypeRepository.java', r'''
package com.acme.stations;

import jakarta.persistence.EntityManagerFactory;

final class StationTypeRepository {
    private final EntityManagerFactory emf;

    StationTypeRepository(EntityManagerFactory emf) {
        this.emf = emf;
    }

    long count() {
        return emf.createEntityManager() //@RES-01
                .createQuery("SELECT COUNT(t) FROM StationType t", Long.class)
                .getSingleResult();
    }
}
''')

case('java-11-jpa-transaction-no-rollback',
     'JPA EntityTransaction committed at the end of the try; an exception leaves it active (the finally only closes the manager)',
     'https://github.com/openl-tablets/openl-tablets/pull/990',
     'src/main/java/com/acme/audit/AuditWriter.java', r'''
package com.acme.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;

final class AuditWriter {
    private final EntityManagerFactory emf;

    AuditWriter(EntityManagerFactory emf) {
        this.emf = emf;
    }

    void save(List<Object> entries) {
        EntityManager em = emf.createEntityManager();
        try {
            EntityTransaction tx = em.getTransaction();
            tx.begin(); //@TX-01
            for (Object e : entries) {
                em.persist(e);
            }
            tx.commit();
        } finally {
            em.close();
        }
    }
}
''')

case('java-12-spring-programmatic-tx-no-rollback',
     'PlatformTransactionManager.getTransaction with commit at the end; an exception in the work leaves the transaction open',
     'https://github.com/woowacourse/java-jdbc/pull/1116',
     'src/main/java/com/acme/billing/InvoiceService.java', r'''
package com.acme.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

final class InvoiceService {
    private final PlatformTransactionManager txManager;
    private final JdbcTemplate jdbc;

    InvoiceService(PlatformTransactionManager txManager, JdbcTemplate jdbc) {
        this.txManager = txManager;
        this.jdbc = jdbc;
    }

    void issue(long orderId, long amountCents) {
        TransactionStatus status = txManager.getTransaction(new DefaultTransactionDefinition()); //@TX-01
        jdbc.update("INSERT INTO invoices (order_id, amount_cents) VALUES (?, ?)", orderId, amountCents);
        jdbc.update("UPDATE orders SET invoiced = TRUE WHERE id = ?", orderId);
        txManager.commit(status);
    }
}
''')

case('java-13-multicatch-wraps-interrupt',
     'InterruptedException caught together with ExecutionException in a multi-catch and wrapped, the flag not restored',
     'https://github.com/langchain4j/langchain4j/pull/4342',
     'src/main/java/com/acme/agents/ParallelPlanner.java', r'''
package com.acme.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

final class ParallelPlanner {
    private final ExecutorService executor;

    ParallelPlanner(ExecutorService executor) {
        this.executor = executor;
    }

    List<String> runAll(List<java.util.concurrent.Callable<String>> steps) {
        List<Future<String>> futures = new ArrayList<>();
        for (var step : steps) {
            futures.add(executor.submit(step));
        }
        List<String> results = new ArrayList<>();
        try {
            for (Future<String> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException | ExecutionException e) { //@CONC-05
            throw new IllegalStateException("parallel step failed", e);
        }
        return results;
    }
}
''')

case('java-14-catch-exception-swallows-interrupt',
     'a broad catch (Exception) around Future.get absorbs InterruptedException and returns a fallback',
     'https://github.com/openwide-java/owsi-core-parent/pull/49',
     'src/main/java/com/acme/pricing/QuoteAggregator.java', r'''
package com.acme.pricing;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class QuoteAggregator {
    private static final Logger log = LoggerFactory.getLogger(QuoteAggregator.class);

    BigDecimal bestQuote(CompletableFuture<BigDecimal> primary, BigDecimal fallback) {
        try {
            return primary.get(2, TimeUnit.SECONDS);
        } catch (Exception e) { //@CONC-05,~ERR-01
            log.warn("primary quote unavailable, using fallback", e);
            return fallback;
        }
    }
}
''')

case('java-15-await-catch-returns-without-flag',
     'latch.await interrupted: the catch returns false but does not restore the interrupt flag',
     'https://github.com/sshahine/JFoenix/pull/55',
     'src/main/java/com/acme/ui/AnimationGate.java', r'''
package com.acme.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

final class AnimationGate {
    private final CountDownLatch finished = new CountDownLatch(1);

    void markFinished() {
        finished.countDown();
    }

    boolean awaitFinished(long millis) {
        try {
            return finished.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ignored) { //@CONC-05
            return false;
        }
    }
}
''')

case('java-16-queue-take-interrupt-continue',
     'a sender loop catches InterruptedException from BlockingQueue.take and continues',
     'https://github.com/getsentry/sentry-java/pull/289',
     'src/main/java/com/acme/telemetry/EventSender.java', r'''
package com.acme.telemetry;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

final class EventSender implements Runnable {
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(1000);
    private final Consumer<String> transport;
    private volatile boolean running = true;

    EventSender(Consumer<String> transport) {
        this.transport = transport;
    }

    boolean offer(String event) {
        return queue.offer(event);
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            String event;
            try {
                event = queue.take();
            } catch (InterruptedException e) { //@CONC-05
                continue;
            }
            transport.accept(event);
        }
    }
}
''')

case('java-17-threadlocal-cleared-with-set-null',
     'per-request ThreadLocal cleared with set(null) in finally instead of remove()',
     'https://github.com/spring-attic/spring-cloud-sleuth/issues/27',
     'src/main/java/com/acme/trace/TraceFilter.java', r'''
package com.acme.trace;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;

public final class TraceFilter implements Filter {
    static final ThreadLocal<String> CURRENT_SPAN = new ThreadLocal<>();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String incoming = ((HttpServletRequest) req).getHeader("X-Span-Id");
        CURRENT_SPAN.set(incoming != null ? incoming : UUID.randomUUID().toString()); //@CONC-04
        try {
            chain.doFilter(req, res);
        } finally {
            CURRENT_SPAN.set(null); //@~CONC-04
        }
    }
}
''')

case('java-18-mdc-removed-at-end-of-loop-body',
     'MDC.put per consumed record, removed at the end of the loop body; an exception in handling skips the remove',
     'https://github.com/oracle/opengrok/pull/2585',
     'src/main/java/com/acme/consumer/RecordLoop.java', r'''
package com.acme.consumer;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.MDC;

final class RecordLoop {
    private final KafkaConsumer<String, String> consumer;
    private final RecordHandler handler;

    interface RecordHandler {
        void handle(String key, String value);
    }

    RecordLoop(KafkaConsumer<String, String> consumer, RecordHandler handler) {
        this.consumer = consumer;
        this.handler = handler;
    }

    void pollOnce() {
        for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(500))) {
            MDC.put("recordKey", rec.key()); //@CONC-04
            handler.handle(rec.key(), rec.value());
            MDC.remove("recordKey");
        }
    }
}
''')

case('java-19-anonymous-runnable-fixed-rate-unguarded',
     'scheduleAtFixedRate given an anonymous Runnable whose body can throw; one failure stops every later run',
     'https://github.com/nats-io/nats.java/pull/1597',
     'src/main/java/com/acme/registry/HeartbeatScheduler.java', r'''
package com.acme.registry;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

final class HeartbeatScheduler {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RegistryClient registry;

    interface RegistryClient {
        void heartbeat(String instanceId);
    }

    HeartbeatScheduler(RegistryClient registry) {
        this.registry = registry;
    }

    void start(String instanceId) {
        scheduler.scheduleAtFixedRate(new Runnable() { //@CONC-07
            @Override
            public void run() {
                registry.heartbeat(instanceId);
            }
        }, 0, 10, TimeUnit.SECONDS);
    }
}
''')

case('java-20-timer-task-unguarded',
     'java.util.Timer runs a TimerTask whose body can throw; an exception kills the timer thread and every task on it',
     'https://github.com/triplea-game/triplea/pull/8762',
     'src/main/java/com/acme/lobby/LobbyRefresher.java', r'''
package com.acme.lobby;

import java.util.Timer;
import java.util.TimerTask;

final class LobbyRefresher {
    private final Timer timer = new Timer("lobby-refresh", true);
    private final GameListing listing;

    interface GameListing {
        void refresh();
    }

    LobbyRefresher(GameListing listing) {
        this.listing = listing;
    }

    void start() {
        timer.schedule(new TimerTask() { //@CONC-07
            @Override
            public void run() {
                listing.refresh();
            }
        }, 0, 5_000);
    }
}
''')

case('java-21-thread-subclass-no-handler',
     'a Thread subclass started for background flushing, with no uncaught-exception handler',
     'https://github.com/pravega/pravega/issues/3893',
     'src/main/java/com/acme/metrics/MetricsFlusher.java', r'''
package com.acme.metrics;

import java.util.concurrent.TimeUnit;

final class MetricsFlusher {
    private final Sink sink;

    interface Sink {
        void flush();
    }

    MetricsFlusher(Sink sink) {
        this.sink = sink;
    }

    private final class FlushThread extends Thread {
        FlushThread() {
            super("metrics-flush");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                sink.flush();
                try {
                    TimeUnit.SECONDS.sleep(15);
                } catch (InterruptedException e) { //@~CONC-05
                    return;
                }
            }
        }
    }

    void start() {
        new FlushThread().start(); //@CONC-01
    }
}
''')

case('java-22-fixed-thread-pool-per-call',
     'Executors.newFixedThreadPool created on every call to load the configuration and never shut down',
     'https://github.com/zalando-incubator/baigan-config/issues/13',
     'src/main/java/com/acme/config/GitConfigLoader.java', r'''
package com.acme.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

final class GitConfigLoader {
    private final GitRepo repo;

    interface GitRepo {
        String read(String path);
    }

    GitConfigLoader(GitRepo repo) {
        this.repo = repo;
    }

    CompletableFuture<String> load(String path) {
        ExecutorService pool = Executors.newFixedThreadPool(10); //@RES-04,~CONC-02
        return CompletableFuture.supplyAsync(() -> repo.read(path), pool);
    }
}
''')

case('java-23-okhttp-client-built-per-request',
     'a new OkHttpClient (its own connection pool and dispatcher threads) built for every request',
     'https://github.com/reactiverse/aws-sdk/pull/21',
     'src/main/java/com/acme/aws/SignedCaller.java', r'''
package com.acme.aws;

import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

final class SignedCaller {
    private final Signer signer;

    interface Signer {
        Request sign(Request unsigned);
    }

    SignedCaller(Signer signer) {
        this.signer = signer;
    }

    String get(String url) throws IOException {
        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
                .connectTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(10))
                .build();
        try (Response response = client.newCall(signer.sign(new Request.Builder().url(url).build())).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException(url + " answered " + response.code());
            }
            return response.body().string();
        }
    }
}
''')

case('java-24-apache-create-system-no-timeouts',
     'HttpClients.createSystem() built once for a deployer: no connect or socket timeout, requests can hang forever',
     'https://github.com/heroku/heroku-jvm-application-deployer/issues/311',
     'src/main/java/com/acme/deploy/PlatformApi.java', r'''
package com.acme.deploy;

import java.io.IOException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

final class PlatformApi implements AutoCloseable {
    private final CloseableHttpClient client = HttpClients.createSystem(); //@TMO-01
    private final String base;

    PlatformApi(String base) {
        this.base = base;
    }

    String app(String name) throws IOException {
        try (CloseableHttpResponse response = client.execute(new HttpGet(base + "/apps/" + name))) {
            return EntityUtils.toString(response.getEntity());
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
''')

case('java-25-jdk-request-without-timeout',
     'java.net.http request built without .timeout(...) on a client that only has a connect timeout',
     'https://github.com/wkok/openai-clojure/issues/44',
     'src/main/java/com/acme/llm/CompletionClient.java', r'''
package com.acme.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

final class CompletionClient {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI endpoint;
    private final String apiKey;

    CompletionClient(URI endpoint, String apiKey) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
    }

    String complete(String promptJson) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint) //@TMO-01
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(promptJson))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
''')

case('java-26-slf4j-info-in-nested-loop',
     'SLF4J info line for every word of every document in a nested loop',
     'https://github.com/line/line-fido2-server/pull/24',
     'src/main/java/com/acme/search/FrequencyIndexer.java', r'''
package com.acme.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class FrequencyIndexer {
    private static final Logger logger = LoggerFactory.getLogger(FrequencyIndexer.class);

    record Document(long id, List<String> words) {
    }

    Map<String, Integer> index(List<Document> documents) {
        Map<String, Integer> freq = new HashMap<>();
        for (Document doc : documents) {
            for (String word : doc.words()) {
                logger.info("doc {} word {}", doc.id(), word); //@LOG-01
                freq.merge(word, 1, Integer::sum);
            }
        }
        return freq;
    }
}
''')

case('java-27-jul-log-in-foreach-lambda',
     'java.util.logging INFO line for each element inside a forEach lambda over all accounts',
     'https://github.com/jcabi/jcabi-manifests/issues/80',
     'src/main/java/com/acme/accounts/InterestJob.java', r'''
package com.acme.accounts;

import java.math.BigDecimal;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

final class InterestJob {
    private static final Logger LOGGER = Logger.getLogger(InterestJob.class.getName());

    static final class Account {
        final String id;
        BigDecimal balance;

        Account(String id, BigDecimal balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    void apply(List<Account> accounts, BigDecimal rate) {
        accounts.forEach(a -> {
            a.balance = a.balance.add(a.balance.multiply(rate));
            LOGGER.log(Level.INFO, "interest applied to {0}, new balance {1}", new Object[] {a.id, a.balance}); //@LOG-01
        });
    }
}
''')

case('java-28-buffered-writer-closed-by-hand',
     'Files.newBufferedWriter closed by hand after the loop; a write failure skips the close',
     'https://github.com/jenkinsci/lib-file-leak-detector/pull/161',
     'src/main/java/com/acme/reports/CsvReport.java', r'''
package com.acme.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

final class CsvReport {

    void write(Path target, List<String[]> rows) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8); //@RES-01
        for (String[] row : rows) {
            out.write(String.join(",", row));
            out.newLine();
        }
        out.close();
    }
}
''')

case('java-29-input-stream-parse-then-close',
     'Files.newInputStream parsed and then closed by hand; a parse exception leaves the file open',
     'https://github.com/DmitriiShamrikov/mslinks/issues/14',
     'src/main/java/com/acme/shortcuts/ShortcutLoader.java', r'''
package com.acme.shortcuts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

final class ShortcutLoader {

    record Shortcut(String target, String arguments) {
    }

    Shortcut load(Path file) throws IOException {
        InputStream in = Files.newInputStream(file); //@RES-01
        byte[] header = in.readNBytes(76);
        if (header.length < 76 || header[0] != 0x4C) {
            throw new IOException(file + " is not a shortcut file");
        }
        Shortcut s = parse(in);
        in.close();
        return s;
    }

    private Shortcut parse(InputStream in) throws IOException {
        byte[] rest = in.readAllBytes();
        return new Shortcut(new String(rest, 0, Math.min(rest.length, 260)), "");
    }
}
''')

case('java-30-zipfiles-collected-closed-after-loop',
     'one ZipFile per archive opened in the loop and kept in a list until every archive is scanned',
     'https://github.com/scxwhite/hera/pull/35',
     'src/main/java/com/acme/plugins/PluginScanner.java', r'''
package com.acme.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

final class PluginScanner {

    List<String> descriptors(List<Path> archives) throws IOException {
        List<ZipFile> open = new ArrayList<>();
        List<String> found = new ArrayList<>();
        try {
            for (Path archive : archives) {
                ZipFile zip = new ZipFile(archive.toFile()); //@RES-03|RES-01
                open.add(zip);
                if (zip.getEntry("META-INF/plugin.json") != null) {
                    found.add(archive.getFileName().toString());
                }
            }
        } finally {
            for (ZipFile z : open) {
                z.close();
            }
        }
        return found;
    }
}
''')

case('java-31-execute-update-count-ignored',
     'executeUpdate result ignored where exactly one row must change, then commit: a missing order is reported as paid',
     'https://github.com/javalite/javalite/issues/25',
     'src/main/java/com/acme/payments/PaymentDao.java', r'''
package com.acme.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

final class PaymentDao {
    private final DataSource ds;

    PaymentDao(DataSource ds) {
        this.ds = ds;
    }

    void markPaid(long orderId) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET paid = TRUE WHERE id = ?")) { //@~TMO-01
                ps.setLong(1, orderId);
                ps.executeUpdate(); //@TX-02
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
''')

case('java-32-log4j2-warn-per-rejected-item',
     'a warn line for every failed item inside the loop over a whole import, no sampling or summary',
     'https://github.com/ngageoint/hootenanny/issues/1124',
     'src/main/java/com/acme/catalog/CatalogImport.java', r'''
package com.acme.catalog;

import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

final class CatalogImport {
    private static final Logger LOG = LogManager.getLogger(CatalogImport.class);

    interface Store {
        boolean upsert(String sku, String json);
    }

    int run(List<String[]> items, Store store) {
        int ok = 0;
        for (String[] item : items) {
            if (!store.upsert(item[0], item[1])) {
                LOG.warn("item {} rejected: {}", item[0], item[1]); //@LOG-01
                continue;
            }
            ok++;
        }
        return ok;
    }
}
''')

# ---- clean look-alikes ----

case('java-ok-01-okhttp-retry-try-with-resources',
     'OkHttp retry loop with each Response in try-with-resources, so a 503 that continues closes it',
     'https://github.com/enonic/xp/issues/6696',
     'src/main/java/com/acme/feeds/FeedReader.java', r'''
package com.acme.feeds;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

final class FeedReader {
    private final OkHttpClient client;

    FeedReader(OkHttpClient client) {
        this.client = client;
    }

    String read(String url, int attempts) throws IOException {
        Request request = new Request.Builder().url(url).get().build();
        for (int i = 0; i < attempts; i++) {
            try (Response response = client.newCall(request).execute()) {
                if (response.code() == 503) {
                    continue;
                }
                if (!response.isSuccessful()) {
                    throw new IOException("feed " + url + " answered " + response.code());
                }
                return response.body().string();
            }
        }
        throw new IOException("feed " + url + " unavailable after " + attempts + " attempts");
    }
}
''')

case('java-ok-02-httpclient5-response-handler',
     'Apache HttpClient 5 execute with a response handler: the library consumes and releases the response',
     'https://github.com/apache/httpcomponents-client/pull/371',
     'src/main/java/com/acme/monitor/StatusProbe.java', r'''
package com.acme.monitor;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

final class StatusProbe {
    private final CloseableHttpClient http;

    StatusProbe(CloseableHttpClient http) {
        this.http = http;
    }

    String status(String url) throws IOException {
        return http.execute(new HttpGet(url), response -> {
            if (response.getCode() != 200) {
                EntityUtils.consume(response.getEntity());
                return "DOWN " + response.getCode();
            }
            return EntityUtils.toString(response.getEntity());
        });
    }
}
''')

case('java-ok-03-queryforstream-try-with-resources',
     'JdbcTemplate.queryForStream inside try-with-resources',
     'https://github.com/spring-projects/spring-framework/issues/27988',
     'src/main/java/com/acme/settings/FlagDao.java', r'''
package com.acme.settings;

import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

final class FlagDao {
    private final JdbcTemplate jdbc;

    FlagDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Boolean> flag(String name) {
        try (Stream<Boolean> values = jdbc.queryForStream("SELECT enabled FROM flags WHERE name = ?",
                (rs, rowNum) -> rs.getBoolean("enabled"), name)) {
            return values.findFirst();
        }
    }
}
''')

case('java-ok-04-result-owned-by-closeable-wrapper',
     'the statement and its result set are handed to a wrapper object that owns both and closes both',
     'https://github.com/future-architect/uroborosql/pull/79',
     'src/main/java/com/acme/sql/QueryRunner.java', r'''
package com.acme.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

final class QueryRunner {

    /** A result set together with the statement that produced it; closing it closes both. */
    static final class Rows implements AutoCloseable {
        private final PreparedStatement statement;
        final ResultSet resultSet;

        Rows(PreparedStatement statement, ResultSet resultSet) {
            this.statement = statement;
            this.resultSet = resultSet;
        }

        @Override
        public void close() throws SQLException {
            try {
                resultSet.close();
            } finally {
                statement.close();
            }
        }
    }

    static Rows query(Connection connection, String sql, int timeoutSeconds) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            ps.setQueryTimeout(timeoutSeconds);
            return new Rows(ps, ps.executeQuery());
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
''')

case('java-ok-05-jpa-tx-rollback-if-active',
     'JPA transaction rolled back in a catch when still active, manager closed in finally',
     'https://github.com/openl-tablets/openl-tablets/pull/990',
     'src/main/java/com/acme/audit/AuditStore.java', r'''
package com.acme.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;

final class AuditStore {
    private final EntityManagerFactory emf;

    AuditStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    void save(List<Object> entries) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = null;
        try {
            tx = em.getTransaction();
            tx.begin();
            for (Object e : entries) {
                em.persist(e);
            }
            tx.commit();
        } catch (RuntimeException e) {
            if (tx != null && tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
''')

case('java-ok-06-mdc-put-closeable',
     'MDC.putCloseable in try-with-resources around each record, so the key is removed on every path',
     'https://github.com/oracle/opengrok/pull/2585',
     'src/main/java/com/acme/consumer/SafeRecordLoop.java', r'''
package com.acme.consumer;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.MDC;

final class SafeRecordLoop {
    private final KafkaConsumer<String, String> consumer;
    private final RecordLoop.RecordHandler handler;

    SafeRecordLoop(KafkaConsumer<String, String> consumer, RecordLoop.RecordHandler handler) {
        this.consumer = consumer;
        this.handler = handler;
    }

    void pollOnce() {
        for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(500))) {
            try (MDC.MDCCloseable ignored = MDC.putCloseable("recordKey", rec.key())) {
                handler.handle(rec.key(), rec.value());
            }
        }
    }
}
''')

case('java-ok-07-threadlocal-scope-object',
     'per-request state is set through a scope object whose close() removes the ThreadLocal; the filter uses it in try-with-resources',
     'https://github.com/rometools/rome/pull/309',
     'src/main/java/com/acme/tenancy/TenantFilter.java', r'''
package com.acme.tenancy;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

public final class TenantFilter implements Filter {

    static final class TenantScope implements AutoCloseable {
        private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

        static TenantScope enter(String tenant) {
            TENANT.set(tenant);
            return new TenantScope();
        }

        static String current() {
            return TENANT.get();
        }

        @Override
        public void close() {
            TENANT.remove();
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String tenant = ((HttpServletRequest) req).getHeader("X-Tenant");
        try (TenantScope ignored = TenantScope.enter(tenant == null ? "default" : tenant)) {
            chain.doFilter(req, res);
        }
    }
}
''')

case('java-ok-08-interrupt-split-and-restored',
     'InterruptedException caught on its own, the flag restored and the work abandoned; ExecutionException handled separately',
     'https://github.com/langchain4j/langchain4j/pull/4342',
     'src/main/java/com/acme/agents/SequentialPlanner.java', r'''
package com.acme.agents;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

final class SequentialPlanner {

    String await(Future<String> step) {
        try {
            return step.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.cancel(true);
            throw new CancellationException("planning interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("step failed", e.getCause());
        }
    }
}
''')

case('java-ok-09-scheduled-through-guard-wrapper',
     'scheduleWithFixedDelay given a wrapper (in the same change) that catches Throwable, logs and lets the next run happen',
     'https://github.com/apache/servicecomb-java-chassis/pull/1516',
     'src/main/java/com/acme/registry/InstancePuller.java', r'''
package com.acme.registry;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class InstancePuller {
    private static final Logger log = LoggerFactory.getLogger(InstancePuller.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    static Runnable suppressing(String job, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable t) {
                log.error("scheduled job {} failed; it will run again", job, t);
            }
        };
    }

    void start(Runnable pullInstances) {
        scheduler.scheduleWithFixedDelay(suppressing("pull-instances", pullInstances), 0, 30, TimeUnit.SECONDS);
    }
}
''')

case('java-ok-10-default-uncaught-handler-at-startup',
     'the application sets a default uncaught-exception handler at start-up, then starts its worker thread',
     'https://github.com/EternalCodeTeam/DiscordOfficer/pull/161',
     'src/main/java/com/acme/bot/BotMain.java', r'''
package com.acme.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class BotMain {
    private static final Logger log = LoggerFactory.getLogger(BotMain.class);

    private BotMain() {
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                log.error("uncaught exception in thread {}", thread.getName(), error));
        Bot bot = new Bot(args.length > 0 ? args[0] : "");
        Thread worker = new Thread(bot::listen, "bot-listener");
        worker.start();
    }

    static final class Bot {
        private final String token;

        Bot(String token) {
            this.token = token;
        }

        void listen() {
            log.info("listening with token of length {}", token.length());
        }
    }
}
''')

case('java-ok-11-okhttp-derived-from-shared-client',
     'per-call OkHttpClient derived with newBuilder() from one shared client: it shares the pool and dispatcher',
     'https://github.com/reactiverse/aws-sdk/pull/21',
     'src/main/java/com/acme/aws/SlowCaller.java', r'''
package com.acme.aws;

import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

final class SlowCaller {
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .callTimeout(Duration.ofSeconds(10))
            .build();

    String export(String url, Duration budget) throws IOException {
        OkHttpClient client = SHARED.newBuilder().callTimeout(budget).build();
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException(url + " answered " + response.code());
            }
            return response.body().string();
        }
    }
}
''')

case('java-ok-12-executor-owned-by-component',
     'the thread pool is built once by the component and shut down (with await) in its close()',
     'https://github.com/tjheslin1/Patterdale/issues/23',
     'src/main/java/com/acme/probes/ProbeRunner.java', r'''
package com.acme.probes;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

final class ProbeRunner implements AutoCloseable {
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(32), new ThreadPoolExecutor.AbortPolicy());

    Future<Boolean> probe(Probe p) {
        return pool.submit(p::healthy);
    }

    interface Probe {
        boolean healthy();
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
''')

case('java-ok-13-files-lines-java9-try-resource',
     'Files.lines assigned to a local and then closed by a Java 9 try-with-resources on that variable',
     'https://github.com/jenkinsci/jenkins/pull/3259',
     'src/main/java/com/acme/logs/LogLoader.java', r'''
package com.acme.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class LogLoader {

    String load(Path logfile) throws IOException {
        if (!Files.exists(logfile)) {
            return "";
        }
        Stream<String> lines = Files.lines(logfile, StandardCharsets.UTF_8);
        try (lines) {
            return lines.collect(Collectors.joining("\n"));
        }
    }
}
''')

case('java-ok-14-statement-closed-by-helper-in-finally',
     'statement and result set released in finally by a helper that closes each one quietly',
     'https://github.com/adempiere/adempiere/issues/3710',
     'src/main/java/com/acme/login/LoginLookup.java', r'''
package com.acme.login;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

final class LoginLookup {

    static void close(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception ignored) { //@~ERR-01
                // closing failed: the resource is gone either way, and the query's outcome is already decided
            }
        }
    }

    boolean isActive(Connection conn, String user) throws SQLException {
        PreparedStatement pstmt = null;
        ResultSet rs = null;
        try {
            pstmt = conn.prepareStatement("SELECT is_active FROM users WHERE name = ?");
            pstmt.setQueryTimeout(5);
            pstmt.setString(1, user);
            rs = pstmt.executeQuery();
            return rs.next() && "Y".equals(rs.getString(1));
        } finally {
            close(rs, pstmt);
        }
    }
}
''')

case('java-ok-15-first-rejections-then-summary',
     'only the first few rejected items are logged inside the loop; one summary line after it counts the rest',
     'https://github.com/ngageoint/hootenanny/issues/1124',
     'src/main/java/com/acme/catalog/QuietImport.java', r'''
package com.acme.catalog;

import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

final class QuietImport {
    private static final Logger LOG = LogManager.getLogger(QuietImport.class);
    private static final int LOGGED = 3;

    int run(List<String[]> items, CatalogImport.Store store) {
        int rejected = 0;
        for (String[] item : items) {
            if (!store.upsert(item[0], item[1])) {
                if (rejected++ < LOGGED) {
                    LOG.warn("item {} rejected", item[0]);
                }
            }
        }
        LOG.info("import done size={} rejected={} ({} not logged)", items.size(), rejected, Math.max(0, rejected - LOGGED));
        return items.size() - rejected;
    }
}
''')

case('java-ok-16-transaction-template',
     'Spring TransactionTemplate runs the work: it commits on return and rolls back on any exception',
     'https://github.com/GoogleCloudPlatform/fda-mystudies/issues/901',
     'src/main/java/com/acme/billing/CreditService.java', r'''
package com.acme.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

final class CreditService {
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;

    CreditService(TransactionTemplate tx, JdbcTemplate jdbc) {
        this.tx = tx;
        this.jdbc = jdbc;
    }

    void credit(long accountId, long cents) {
        tx.executeWithoutResult(status -> {
            int updated = jdbc.update("UPDATE accounts SET balance = balance + ? WHERE id = ?", cents, accountId);
            if (updated != 1) {
                throw new IllegalStateException("account " + accountId + " not found");
            }
            jdbc.update("INSERT INTO ledger (account_id, cents) VALUES (?, ?)", accountId, cents);
        });
    }
}
''')

# ---- modifications of existing files ----

case('java-33-modified-second-mdc-key-not-removed',
     'a change adds a second MDC key before the try; the finally still removes only the first one',
     'https://github.com/oracle/opengrok/pull/2585',
     'src/main/java/com/acme/web/RequestLogFilter.java', r'''
package com.acme.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;

public final class RequestLogFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        MDC.put("requestId", UUID.randomUUID().toString());
        MDC.put("user", http.getRemoteUser() == null ? "-" : http.getRemoteUser()); //@CONC-04
        try {
            chain.doFilter(req, res);
        } finally {
            MDC.remove("requestId");
        }
    }
}
''', old=r'''
package com.acme.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;

public final class RequestLogFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        MDC.put("requestId", UUID.randomUUID().toString());
        try {
            chain.doFilter(req, res);
        } finally {
            MDC.remove("requestId");
        }
    }
}
''')

case('java-34-modified-early-return-before-close',
     'a change adds an early return for an empty header to a reader that is closed by hand at the end',
     'https://github.com/VictorAlbertos/Jolyglot/pull/8',
     'src/main/java/com/acme/importer/CsvHeader.java', r'''
package com.acme.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

final class CsvHeader {

    List<String> columns(Path csv) throws IOException {
        BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); //@RES-01
        String header = reader.readLine();
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> cols = List.of(header.split(","));
        reader.close();
        return cols;
    }
}
''', old=r'''
package com.acme.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

final class CsvHeader {

    List<String> columns(Path csv) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return List.of(reader.readLine().split(","));
        }
    }
}
''')
