# Java cases of the held-out corpus (see make_cases.py). Written from the shape of public fixes.
CASES = []
def case(name, desc, source, path, new, old=None):
    c = dict(name=name, desc=desc, source=source, path=path, new=new)
    if old is not None:
        c['old'] = old
    CASES.append(c)

case('java-01-files-lines-in-one-expression',
     'Files.lines opened and consumed in one expression, never closed',
     'https://github.com/debezium/debezium/pull/2821',
     'src/main/java/com/acme/feeds/StopWords.java', r'''
package com.acme.feeds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

public final class StopWords {
    private final Set<String> words;

    public StopWords(Path file) throws IOException {
        this.words = Files.lines(file, StandardCharsets.UTF_8) //@RES-01
                .map(String::trim)
                .filter(w -> !w.isEmpty() && !w.startsWith("#"))
                .map(String::toLowerCase)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean contains(String word) {
        return words.contains(word.toLowerCase());
    }
}
''')

case('java-02-files-list-stream-in-variable',
     'Files.list stream stored in a local and iterated, never closed',
     'https://github.com/upserve/uppend/pull/104',
     'src/main/java/com/acme/spool/SpoolSweeper.java', r'''
package com.acme.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.stream.Stream;

public class SpoolSweeper {
    private final Path spool;
    private final Duration maxAge;

    public SpoolSweeper(Path spool, Duration maxAge) {
        this.spool = spool;
        this.maxAge = maxAge;
    }

    public int sweep() throws IOException {
        Instant cutoff = Instant.now().minus(maxAge);
        Stream<Path> entries = Files.list(spool); //@RES-01
        int removed = 0;
        for (Iterator<Path> it = entries.iterator(); it.hasNext(); ) {
            Path p = it.next();
            if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                Files.deleteIfExists(p);
                removed++;
            }
        }
        return removed;
    }
}
''')

case('java-03-okhttp-response-error-status',
     'OkHttp Response not closed when the status is not successful',
     'https://github.com/configcat/java-sdk/issues/6',
     'src/main/java/com/acme/flags/FlagFetcher.java', r'''
package com.acme.flags;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public class FlagFetcher {
    private final OkHttpClient http;
    private final String url;

    public FlagFetcher(OkHttpClient http, String url) {
        this.http = http;
        this.url = url;
    }

    public String fetch(String etag) throws IOException {
        Request request = new Request.Builder().url(url).header("If-None-Match", etag).build();
        Response response = http.newCall(request).execute(); //@RES-02|RES-01
        if (response.code() == 304) {
            return null;
        }
        if (!response.isSuccessful()) {
            throw new IOException("flag fetch failed: " + response.code());
        }
        return response.body().string();
    }
}
''')

case('java-04-apache-closeable-response-never-closed',
     'Apache HttpClient 4 CloseableHttpResponse never closed; the entity is read and dropped',
     'https://github.com/apache/linkis/pull/3815',
     'src/main/java/com/acme/search/IndexClient.java', r'''
package com.acme.search;

import java.io.IOException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

public class IndexClient {
    private final CloseableHttpClient client;
    private final String endpoint;

    public IndexClient(CloseableHttpClient client, String endpoint) {
        this.client = client;
        this.endpoint = endpoint;
    }

    public String index(String id, String json) throws IOException {
        HttpPost post = new HttpPost(endpoint + "/docs/" + id);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        CloseableHttpResponse response = client.execute(post); //@RES-02|RES-01
        int status = response.getStatusLine().getStatusCode();
        if (status >= 400) {
            throw new IOException("index " + id + " failed with " + status);
        }
        return EntityUtils.toString(response.getEntity());
    }
}
''')

case('java-05-httpclient5-response-assigned-in-try',
     'Apache HttpClient 5 response assigned with = inside try; closed only on the success path',
     'https://github.com/wso2/product-mi-tooling/pull/362',
     'src/main/java/com/acme/billing/InvoiceGateway.java', r'''
package com.acme.billing;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

public class InvoiceGateway {
    private final CloseableHttpClient http;
    private final String base;

    public InvoiceGateway(CloseableHttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    public String invoicePdfUrl(String invoiceId) throws IOException {
        CloseableHttpResponse response = null;
        try {
            response = http.execute(new HttpGet(base + "/invoices/" + invoiceId)); //@RES-02|RES-01
            if (response.getCode() == 404) {
                return null;
            }
            String body = EntityUtils.toString(response.getEntity());
            response.close();
            return body;
        } catch (ParseException e) {
            throw new IOException("bad invoice response for " + invoiceId, e);
        }
    }
}
''')

case('java-06-statement-never-stored',
     'a PreparedStatement held in a var local (inferred type) and never closed; only its ResultSet is',
     'https://github.com/micronaut-projects/micronaut-data/issues/84',
     'src/main/java/com/acme/users/UserLookup.java', r'''
package com.acme.users;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

public class UserLookup {
    private final DataSource ds;

    public UserLookup(DataSource ds) {
        this.ds = ds;
    }

    public Optional<String> emailOf(long userId) throws SQLException {
        try (Connection c = ds.getConnection()) {
            var ps = c.prepareStatement("SELECT email FROM users WHERE id = ?"); //@RES-01,~TMO-01
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
''')

case('java-07-statement-early-return',
     'Statement closed by hand at the end; an early return for a missing row skips it',
     'https://github.com/polyjdbc/polyjdbc/issues/27',
     'src/main/java/com/acme/seq/SequenceReader.java', r'''
package com.acme.seq;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public class SequenceReader {
    private final Connection connection;

    public SequenceReader(Connection connection) {
        this.connection = connection;
    }

    public Long next(String sequence) throws SQLException {
        Statement st = connection.createStatement(); //@RES-01,~TMO-01
        ResultSet rs = st.executeQuery("SELECT nextval('" + sequence.replace("'", "") + "')");
        if (!rs.next()) {
            return null;
        }
        long value = rs.getLong(1);
        rs.close();
        st.close();
        return value;
    }
}
''')

case('java-08-jdbc-tx-no-rollback',
     'manual JDBC transaction: the catch logs and rethrows without rollback',
     'https://github.com/LiveRamp/jack/issues/230',
     'src/main/java/com/acme/orders/OrderWriter.java', r'''
package com.acme.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class OrderWriter {
    private static final Logger log = LoggerFactory.getLogger(OrderWriter.class);
    private final DataSource ds;

    public OrderWriter(DataSource ds) {
        this.ds = ds;
    }

    public void place(long orderId, long customerId, long cents) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false); //@TX-01
            try (PreparedStatement order = c.prepareStatement("INSERT INTO orders(id, customer, cents) VALUES (?, ?, ?)"); //@~TMO-01
                 PreparedStatement credit = c.prepareStatement("UPDATE customers SET credit = credit - ? WHERE id = ?")) { //@~TMO-01
                order.setLong(1, orderId);
                order.setLong(2, customerId);
                order.setLong(3, cents);
                order.executeUpdate();
                credit.setLong(1, cents);
                credit.setLong(2, customerId);
                credit.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                log.error("placing order {} failed", orderId, e);
                throw e;
            }
        }
    }
}
''')

case('java-09-commit-error-logged-only',
     'the SQLException of commit() is caught and only logged; the caller is told it worked',
     'https://github.com/nextgenhealthcare/connect/issues/3313',
     'src/main/java/com/acme/payments/Settlement.java', r'''
package com.acme.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

public class Settlement {
    private static final Logger LOG = Logger.getLogger(Settlement.class.getName());

    public boolean settle(Connection conn, long batchId) throws SQLException {
        conn.setAutoCommit(false); //@~TX-01
        try (PreparedStatement ps = conn.prepareStatement("UPDATE payments SET settled = true WHERE batch = ?")) { //@~TMO-01
            ps.setLong(1, batchId);
            ps.executeUpdate();
        } catch (SQLException e) {
            conn.rollback();
            throw e;
        }
        try {
            conn.commit(); //@TX-02|ERR-01
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "commit of batch " + batchId + " failed", e);
        }
        return true;
    }
}
''')

case('java-10-interrupt-swallowed-in-retry-loop',
     'InterruptedException caught inside a retry loop, logged, and the loop continues',
     'https://github.com/vivo-project/VIVO/issues/2623',
     'src/main/java/com/acme/sync/RemoteSync.java', r'''
package com.acme.sync;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class RemoteSync {
    private static final Logger log = LoggerFactory.getLogger(RemoteSync.class);
    private final Remote remote;

    public RemoteSync(Remote remote) {
        this.remote = remote;
    }

    public void pushWithRetry(byte[] payload, int attempts) throws IOException {
        IOException last = null;
        for (int i = 0; i < attempts; i++) {
            try {
                remote.push(payload);
                return;
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(500L << i);
            } catch (InterruptedException e) { //@CONC-05|ERR-01
                log.warn("backoff interrupted, retrying anyway");
            }
        }
        throw last;
    }

    public interface Remote {
        void push(byte[] payload) throws IOException;
    }
}
''')

case('java-11-interrupt-wrapped-in-runtime',
     'InterruptedException wrapped in an unchecked exception without restoring the flag',
     'https://github.com/CorfuDB/CorfuDB/pull/1669',
     'src/main/java/com/acme/cache/BlockingLoader.java', r'''
package com.acme.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public class BlockingLoader<V> {
    private final long timeoutMillis;

    public BlockingLoader(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public V await(CompletableFuture<V> pending) {
        try {
            return pending.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) { //@CONC-05
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("load failed", e.getCause());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new IllegalStateException("load timed out after " + timeoutMillis + " ms", e);
        }
    }
}
''')

case('java-12-thread-interrupted-instead-of-interrupt',
     'Thread.interrupted() (a getter that clears the flag) called instead of interrupt()',
     'https://github.com/elastic/elasticsearch/pull/14799',
     'src/main/java/com/acme/batch/FlushCoordinator.java', r'''
package com.acme.batch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

public class FlushCoordinator {
    private final CountDownLatch flushed = new CountDownLatch(1);

    public void markFlushed() {
        flushed.countDown();
    }

    public boolean awaitFlush(long seconds) {
        try {
            return flushed.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) { //@CONC-05
            Thread.interrupted();
            return false;
        }
    }
}
''')

case('java-13-threadlocal-removed-outside-finally',
     'ThreadLocal set per request and removed after the call, not in finally',
     'https://github.com/Netflix/zuul/pull/103',
     'src/main/java/com/acme/web/TenantFilter.java', r'''
package com.acme.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

public class TenantFilter implements Filter {
    static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String tenant = ((HttpServletRequest) req).getHeader("X-Tenant");
        TENANT.set(tenant == null ? "default" : tenant); //@CONC-04
        chain.doFilter(req, res);
        TENANT.remove();
    }
}
''')

case('java-14-mdc-put-never-removed',
     'MDC values put by an interceptor and never removed',
     'https://github.com/eclipse-che/che/pull/8649',
     'src/main/java/com/acme/web/RequestIdInterceptor.java', r'''
package com.acme.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerInterceptor;

public class RequestIdInterceptor implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String id = request.getHeader("X-Request-Id");
        if (id == null || id.isBlank()) {
            id = UUID.randomUUID().toString();
        }
        MDC.put("requestId", id); //@CONC-04
        response.setHeader("X-Request-Id", id);
        return true;
    }
}
''')

case('java-15-scheduled-method-reference-unguarded',
     'scheduleAtFixedRate given a method reference whose body can throw; one failure ends the schedule',
     'https://github.com/apache/pulsar/pull/12853',
     'src/main/java/com/acme/cache/PriceCache.java', r'''
package com.acme.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class PriceCache implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Long> prices = new ConcurrentHashMap<>();
    private final PriceSource source;

    public PriceCache(PriceSource source) {
        this.source = source;
        timer.scheduleAtFixedRate(this::reload, 0, 30, TimeUnit.SECONDS); //@CONC-07
    }

    private void reload() {
        Map<String, Long> fresh = source.all();
        prices.putAll(fresh);
        prices.keySet().retainAll(fresh.keySet());
    }

    public Long price(String sku) {
        return prices.get(sku);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    public interface PriceSource {
        Map<String, Long> all();
    }
}
''')

case('java-16-scheduled-lambda-catches-only-ioexception',
     'scheduleWithFixedDelay lambda catches IOException only; a runtime exception cancels later runs',
     'https://github.com/pravega/pravega/issues/1532',
     'src/main/java/com/acme/outbox/OutboxDrainer.java', r'''
package com.acme.outbox;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class OutboxDrainer {
    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);
    private final Outbox outbox;
    private final Publisher publisher;

    public OutboxDrainer(Outbox outbox, Publisher publisher) {
        this.outbox = outbox;
        this.publisher = publisher;
    }

    public void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleWithFixedDelay(() -> { //@CONC-07
            try {
                List<Outbox.Row> rows = outbox.pending(100);
                for (Outbox.Row row : rows) {
                    publisher.publish(row.topic(), row.payload());
                    outbox.markSent(row.id());
                }
            } catch (IOException e) {
                log.warn("outbox drain failed, will retry", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    public interface Publisher {
        void publish(String topic, byte[] payload) throws IOException;
    }

    public interface Outbox {
        List<Row> pending(int max);
        void markSent(long id);
        record Row(long id, String topic, byte[] payload) {}
    }
}
''')

case('java-17-bare-thread-no-handler',
     'the single render worker is a bare Thread (method reference) with no uncaught-exception handler',
     'https://github.com/karakasis/Path-of-Leveling/issues/54',
     'src/main/java/com/acme/reports/ReportService.java', r'''
package com.acme.reports;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

public class ReportService {
    private final ReportRenderer renderer;
    private final Path outDir;

    public ReportService(ReportRenderer renderer, Path outDir) {
        this.renderer = renderer;
        this.outDir = outDir;
    }

    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>(100);

    /** Starts the single render worker; called once at start-up. */
    public void start() {
        Thread worker = new Thread(this::drain, "report-renderer");
        worker.setDaemon(true);
        worker.start(); //@CONC-01
    }

    public boolean submit(String reportId) {
        return pending.offer(reportId);
    }

    private void drain() {
        try {
            while (true) {
                String reportId = pending.take();
                renderer.render(reportId, outDir.resolve(reportId + ".pdf"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public interface ReportRenderer {
        void render(String reportId, Path target);
    }
}
''')

case('java-18-jdk-httpclient-per-request',
     'java.net.http.HttpClient built on every call (each owns a selector thread and pool)',
     'https://github.com/openfga/java-sdk/issues/46',
     'src/main/java/com/acme/authz/PermissionCheck.java', r'''
package com.acme.authz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class PermissionCheck {
    private final URI endpoint;

    public PermissionCheck(URI endpoint) {
        this.endpoint = endpoint;
    }

    public boolean allowed(String user, String action) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(); //@RES-04
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/check?user=" + user + "&action=" + action))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"allowed\":true");
    }
}
''')

case('java-19-urlconnection-no-read-timeout',
     'URLConnection with a connect timeout but no read timeout',
     'https://github.com/DirectProject/nhin-d/issues/257',
     'src/main/java/com/acme/pki/CrlDownloader.java', r'''
package com.acme.pki;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;

public class CrlDownloader {
    private static final int CONNECT_TIMEOUT_MS = 3_000;

    public X509CRL download(String location) throws IOException, CertificateException, CRLException {
        URLConnection connection = new URL(location).openConnection(); //@TMO-01
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        try (InputStream in = connection.getInputStream()) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }
}
''')

case('java-20-jdk-http-ofinputstream-not-closed',
     'java.net.http response body as InputStream, closed only when parsing succeeds',
     'https://github.com/epam/ai-dial-core/issues/1754',
     'src/main/java/com/acme/media/ThumbnailFetcher.java', r'''
package com.acme.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.imageio.ImageIO;

public class ThumbnailFetcher {
    private final HttpClient http;

    public ThumbnailFetcher(HttpClient http) {
        this.http = http;
    }

    public BufferedImage fetch(URI uri) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream()); //@RES-02
        if (resp.statusCode() != 200) {
            throw new IOException("thumbnail " + uri + ": " + resp.statusCode());
        }
        InputStream body = resp.body();
        BufferedImage img = ImageIO.read(body);
        body.close();
        return img;
    }
}
''')

case('java-21-info-log-per-row',
     'logger.info on every element of a loop over all rows',
     'https://github.com/elimu-ai/webapp/issues/1726',
     'src/main/java/com/acme/stats/FrequencyJob.java', r'''
package com.acme.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class FrequencyJob {
    private static final Logger logger = LoggerFactory.getLogger(FrequencyJob.class);

    public Map<Character, Integer> count(List<String> words) {
        Map<Character, Integer> freq = new HashMap<>();
        for (String word : words) {
            logger.info("counting letters of word {}", word); //@LOG-01
            for (char ch : word.toCharArray()) {
                freq.merge(ch, 1, Integer::sum);
            }
        }
        return freq;
    }
}
''')

case('java-22-fileinputstream-closed-in-try',
     'FileInputStream assigned with = in try and closed at the end of the try, not in finally',
     'https://github.com/bastillion-io/Bastillion/pull/160',
     'src/main/java/com/acme/config/KeyStoreLoader.java', r'''
package com.acme.config;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

public final class KeyStoreLoader {
    private KeyStoreLoader() {
    }

    public static KeyStore load(String path, char[] password) throws IOException {
        InputStream in;
        try {
            in = new FileInputStream(path); //@RES-01
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            in.close();
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load key store " + path, e);
        }
    }
}
''')

case('java-23-apache-client-per-call',
     'HttpClients.createDefault() on every call and never closed',
     'https://github.com/aws-samples/aws-lambda-extensions/pull/43',
     'src/main/java/com/acme/telemetry/EventSink.java', r'''
package com.acme.telemetry;

import java.io.IOException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

public class EventSink {
    private final String collectorUrl;

    public EventSink(String collectorUrl) {
        this.collectorUrl = collectorUrl;
    }

    public void send(byte[] event) throws IOException {
        CloseableHttpClient client = HttpClients.createDefault(); //@RES-04,TMO-01,~RES-01
        HttpPost post = new HttpPost(collectorUrl);
        post.setEntity(new ByteArrayEntity(event));
        try (CloseableHttpResponse response = client.execute(post)) {
            if (response.getStatusLine().getStatusCode() >= 300) {
                throw new IOException("collector refused event: " + response.getStatusLine());
            }
        }
    }
}
''')

case('java-24-connection-closed-only-on-success',
     'a pooled JDBC Connection closed by hand after the work; an exception skips it',
     'https://github.com/openequella/openEQUELLA/issues/1166',
     'src/main/java/com/acme/audit/AuditTrail.java', r'''
package com.acme.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

public class AuditTrail {
    private final DataSource pool;

    public AuditTrail(DataSource pool) {
        this.pool = pool;
    }

    public void record(String actor, String action) throws SQLException {
        Connection conn = pool.getConnection(); //@RES-01
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO audit(actor, action, at) VALUES (?, ?, ?)")) { //@~TMO-01
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setObject(3, Instant.now());
            ps.executeUpdate();
        }
        conn.close();
    }
}
''')

case('java-25-reader-leak-on-continue-return',
     'BufferedReader over a file; a header check returns early without closing it',
     'https://github.com/MegaMek/megamek/pull/83',
     'src/main/java/com/acme/imports/CsvImporter.java', r'''
package com.acme.imports;

import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

public class CsvImporter {
    public List<String[]> read(String file, String expectedHeader) throws IOException {
        List<String[]> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new FileReader(file)); //@RES-01
        String header = reader.readLine();
        if (header == null || !header.equals(expectedHeader)) {
            return rows;
        }
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            rows.add(line.split(","));
        }
        reader.close();
        return rows;
    }
}
''')

case('java-26-modified-interrupt-swallowed-in-poll-loop',
     'a change replaces a declared InterruptedException with a catch that logs and keeps polling',
     'https://github.com/wendykierp/JTransforms/pull/16',
     'src/main/java/com/acme/queue/Poller.java', r'''
package com.acme.queue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Poller implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private final BlockingQueue<String> queue;
    private final Consumer<String> sink;
    private volatile boolean running = true;

    public Poller(BlockingQueue<String> queue, Consumer<String> sink) {
        this.queue = queue;
        this.sink = sink;
    }

    @Override
    public void run() {
        while (running) {
            try {
                String next = queue.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    sink.accept(next);
                }
            } catch (InterruptedException e) { //@CONC-05|ERR-01
                log.debug("poll interrupted");
            }
        }
    }

    public void stop() {
        running = false;
    }
}
''', old=r'''
package com.acme.queue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

public class Poller {
    private final BlockingQueue<String> queue;
    private final Consumer<String> sink;
    private volatile boolean running = true;

    public Poller(BlockingQueue<String> queue, Consumer<String> sink) {
        this.queue = queue;
        this.sink = sink;
    }

    public void loop() throws InterruptedException {
        while (running) {
            String next = queue.poll(1, TimeUnit.SECONDS);
            if (next != null) {
                sink.accept(next);
            }
        }
    }

    public void stop() {
        running = false;
    }
}
''')

# ---- clean look-alikes: correct code of the same shapes (no expectations) ----

case('java-ok-01-files-lines-try-with-resources',
     'Files.lines consumed inside try-with-resources',
     'https://github.com/elastic/elasticsearch/pull/72415',
     'src/main/java/com/acme/feeds/StopWords.java', r'''
package com.acme.feeds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public final class StopWords {
    private final Set<String> words;

    public StopWords(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            this.words = lines.map(String::trim)
                    .filter(w -> !w.isEmpty() && !w.startsWith("#"))
                    .map(String::toLowerCase)
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    public boolean contains(String word) {
        return words.contains(word.toLowerCase());
    }
}
''')

case('java-ok-02-okhttp-response-try-with-resources',
     'OkHttp Response in try-with-resources, every status path closes it',
     'https://github.com/pakerfeldt/okhttp-signpost/pull/19',
     'src/main/java/com/acme/flags/FlagFetcher.java', r'''
package com.acme.flags;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public class FlagFetcher {
    private final OkHttpClient http;
    private final String url;

    public FlagFetcher(OkHttpClient http, String url) {
        this.http = http;
        this.url = url;
    }

    public String fetch(String etag) throws IOException {
        Request request = new Request.Builder().url(url).header("If-None-Match", etag).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 304) {
                return null;
            }
            if (!response.isSuccessful()) {
                throw new IOException("flag fetch failed: " + response.code());
            }
            return response.body().string();
        }
    }
}
''')

case('java-ok-03-stream-returned-to-caller',
     'a factory method opens a stream and returns it; the caller closes it with try-with-resources',
     'https://github.com/jadar/DeveloperCapes/issues/26',
     'src/main/java/com/acme/assets/AssetStore.java', r'''
package com.acme.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

public class AssetStore {
    private final Path root;

    public AssetStore(Path root) {
        this.root = root;
    }

    /** Opens the asset for reading; the caller owns and closes the stream. */
    public InputStream open(String name) throws IOException {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new IOException("asset outside the store: " + name);
        }
        return Files.newInputStream(p, StandardOpenOption.READ);
    }

    public long copy(String name, OutputStream out) throws IOException {
        try (InputStream in = open(name)) {
            return in.transferTo(out);
        }
    }
}
''')

case('java-ok-04-writer-owned-by-closeable-field',
     'a writer opened in the constructor is kept in a field and closed by close()',
     'https://github.com/freehep/freehep-vectorgraphics/pull/46',
     'src/main/java/com/acme/export/CsvSink.java', r'''
package com.acme.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public final class CsvSink implements Closeable {
    private final BufferedWriter out;

    public CsvSink(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    public void row(List<String> cells) throws IOException {
        out.write(String.join(",", cells));
        out.newLine();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
''')

case('java-ok-05-threadlocal-cleared-by-other-class',
     'a filter sets per-thread state through a holder class and clears it in finally through the same holder',
     'https://github.com/SAP/neonbee/pull/599',
     'src/main/java/com/acme/web/TenantFilter.java', r'''
package com.acme.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

public class TenantFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String tenant = ((HttpServletRequest) req).getHeader("X-Tenant");
        TenantContext.enter(tenant == null ? "default" : tenant);
        try {
            chain.doFilter(req, res);
        } finally {
            TenantContext.leave();
        }
    }
}

final class TenantContext {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    static void enter(String tenant) {
        CURRENT.set(tenant);
    }

    static String current() {
        return CURRENT.get();
    }

    static void leave() {
        CURRENT.remove();
    }
}
''')

case('java-ok-06-interrupt-restored',
     'InterruptedException restores the flag and stops the work',
     'https://github.com/apple/servicetalk/pull/566',
     'src/main/java/com/acme/batch/FlushCoordinator.java', r'''
package com.acme.batch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

public class FlushCoordinator {
    private final CountDownLatch flushed = new CountDownLatch(1);

    public void markFlushed() {
        flushed.countDown();
    }

    public boolean awaitFlush(long seconds) {
        try {
            return flushed.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
''')

case('java-ok-07-scheduled-guarded-method-reference',
     'scheduleAtFixedRate given a method reference to a method that catches Throwable',
     'https://github.com/rundeck/rundeck/pull/9639',
     'src/main/java/com/acme/cache/PriceCache.java', r'''
package com.acme.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PriceCache implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PriceCache.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Long> prices = new ConcurrentHashMap<>();
    private final PriceSource source;

    public PriceCache(PriceSource source) {
        this.source = source;
        timer.scheduleAtFixedRate(this::reloadSafely, 0, 30, TimeUnit.SECONDS);
    }

    private void reloadSafely() {
        try {
            Map<String, Long> fresh = source.all();
            prices.putAll(fresh);
            prices.keySet().retainAll(fresh.keySet());
        } catch (Throwable t) {
            log.error("price reload failed; next run in 30 s", t);
        }
    }

    public Long price(String sku) {
        return prices.get(sku);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    public interface PriceSource {
        Map<String, Long> all();
    }
}
''')

case('java-ok-08-jdbc-tx-rollback-rethrow',
     'manual JDBC transaction with rollback in a catch that rethrows',
     'https://github.com/LiveRamp/jack/pull/229',
     'src/main/java/com/acme/orders/OrderWriter.java', r'''
package com.acme.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

public class OrderWriter {
    private final DataSource ds;

    public OrderWriter(DataSource ds) {
        this.ds = ds;
    }

    public void place(long orderId, long customerId, long cents) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement order = c.prepareStatement("INSERT INTO orders(id, customer, cents) VALUES (?, ?, ?)"); //@~TMO-01
                 PreparedStatement credit = c.prepareStatement("UPDATE customers SET credit = credit - ? WHERE id = ?")) { //@~TMO-01
                order.setLong(1, orderId);
                order.setLong(2, customerId);
                order.setLong(3, cents);
                order.executeUpdate();
                credit.setLong(1, cents);
                credit.setLong(2, customerId);
                credit.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
''')

case('java-ok-09-http-client-built-once',
     'one java.net.http.HttpClient built in the constructor with timeouts, reused per call',
     'https://github.com/openjdk/skara/pull/534',
     'src/main/java/com/acme/authz/PermissionCheck.java', r'''
package com.acme.authz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

public class PermissionCheck {
    private final URI endpoint;
    private final HttpClient client;

    public PermissionCheck(URI endpoint) {
        this.endpoint = endpoint;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    public boolean allowed(String user, String action) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/check?user=" + user + "&action=" + action))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"allowed\":true");
    }
}
''')

case('java-ok-10-response-closed-by-helper-in-finally',
     'CloseableHttpResponse released in finally by a helper that consumes the entity and closes it',
     'https://github.com/mitre/HTTP-Proxy-Servlet/issues/62',
     'src/main/java/com/acme/search/IndexClient.java', r'''
package com.acme.search;

import java.io.IOException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

public class IndexClient {
    private final CloseableHttpClient client;
    private final String endpoint;

    public IndexClient(CloseableHttpClient client, String endpoint) {
        this.client = client;
        this.endpoint = endpoint;
    }

    public String index(String id, String json) throws IOException {
        HttpPost post = new HttpPost(endpoint + "/docs/" + id);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        CloseableHttpResponse response = client.execute(post);
        try {
            int status = response.getStatusLine().getStatusCode();
            if (status >= 400) {
                throw new IOException("index " + id + " failed with " + status);
            }
            return EntityUtils.toString(response.getEntity());
        } finally {
            release(response);
        }
    }

    private static void release(CloseableHttpResponse response) throws IOException {
        EntityUtils.consumeQuietly(response.getEntity());
        response.close();
    }
}
''')

case('java-ok-11-thread-factory-with-handler',
     'the single render worker comes from a factory that sets an uncaught-exception handler',
     'https://github.com/linkedin/ambry/pull/683',
     'src/main/java/com/acme/reports/ReportService.java', r'''
package com.acme.reports;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class ReportService {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    private final AtomicLong crashes = new AtomicLong();
    private final ThreadFactory threads = r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> {
            crashes.incrementAndGet();
            log.error("report thread {} died", th.getName(), e);
        });
        return t;
    };
    private final ReportRenderer renderer;
    private final Path outDir;

    public ReportService(ReportRenderer renderer, Path outDir) {
        this.renderer = renderer;
        this.outDir = outDir;
    }

    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>(100);

    /** Starts the single render worker; called once at start-up. */
    public void start() {
        threads.newThread(this::drain).start();
    }

    public boolean submit(String reportId) {
        return pending.offer(reportId);
    }

    private void drain() {
        try {
            while (true) {
                String reportId = pending.take();
                renderer.render(reportId, outDir.resolve(reportId + ".pdf"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public interface ReportRenderer {
        void render(String reportId, Path target);
    }
}
''')

case('java-ok-12-debug-log-guarded-in-loop',
     'per-element detail at debug level behind isDebugEnabled, one info summary after the loop',
     'https://github.com/elimu-ai/webapp/issues/1726',
     'src/main/java/com/acme/stats/FrequencyJob.java', r'''
package com.acme.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class FrequencyJob {
    private static final Logger logger = LoggerFactory.getLogger(FrequencyJob.class);

    public Map<Character, Integer> count(List<String> words) {
        Map<Character, Integer> freq = new HashMap<>();
        for (String word : words) {
            if (logger.isDebugEnabled()) {
                logger.debug("counting letters of word {}", word);
            }
            for (char ch : word.toCharArray()) {
                freq.merge(ch, 1, Integer::sum);
            }
        }
        logger.info("counted {} words, {} distinct letters", words.size(), freq.size());
        return freq;
    }
}
''')

case('java-ok-13-urlconnection-both-timeouts',
     'URLConnection with connect and read timeouts and the stream in try-with-resources',
     'https://github.com/DirectProject/nhin-d/pull/258',
     'src/main/java/com/acme/pki/CrlDownloader.java', r'''
package com.acme.pki;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;

public class CrlDownloader {
    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final int READ_TIMEOUT_MS = 10_000;

    public X509CRL download(String location) throws IOException, CertificateException, CRLException {
        URLConnection connection = new URL(location).openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        try (InputStream in = connection.getInputStream()) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }
}
''')

# ---- second batch: more libraries and control-flow shapes ----

case('java-27-files-walk-collected',
     'Files.walk filtered and collected into a list, the stream never closed',
     'https://github.com/objectionary/eo/issues/5860',
     'src/main/java/com/acme/build/PackageIndex.java', r'''
package com.acme.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

public class PackageIndex {
    private final Path root;

    public PackageIndex(Path root) {
        this.root = root;
    }

    public int writeMarkers() throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        List<Path> dirs = Files.walk(root) //@RES-01
                .filter(Files::isDirectory)
                .filter(d -> !d.equals(root))
                .collect(Collectors.toList());
        for (Path dir : dirs) {
            Files.writeString(dir.resolve("package-info.txt"), root.relativize(dir).toString());
        }
        return dirs.size();
    }
}
''')

case('java-28-directory-stream-for-each',
     'Files.newDirectoryStream iterated by for-each without try-with-resources',
     'https://github.com/apache/maven-mvnd/pull/555',
     'src/main/java/com/acme/plugins/PluginScanner.java', r'''
package com.acme.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class PluginScanner {
    public List<Path> jars(Path pluginDir) throws IOException {
        List<Path> found = new ArrayList<>();
        DirectoryStream<Path> dir = Files.newDirectoryStream(pluginDir, "*.jar"); //@RES-01
        for (Path jar : dir) {
            if (Files.size(jar) == 0) {
                throw new IOException("empty plugin jar: " + jar);
            }
            found.add(jar);
        }
        dir.close();
        return found;
    }
}
''')

case('java-29-log4j2-info-per-message',
     'Log4j 2 logger.info for every message of a consumed batch',
     'https://github.com/elimu-ai/webapp/issues/1726',
     'src/main/java/com/acme/ingest/BatchConsumer.java', r'''
package com.acme.ingest;

import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

public class BatchConsumer {
    private static final Logger LOG = LogManager.getLogger(BatchConsumer.class);
    private final Store store;

    public BatchConsumer(Store store) {
        this.store = store;
    }

    public int consume(List<Message> batch) {
        int stored = 0;
        for (Message m : batch) {
            LOG.info("storing message {} from partition {}", m.key(), m.partition()); //@LOG-01
            if (store.put(m.key(), m.value())) {
                stored++;
            }
        }
        return stored;
    }

    public record Message(String key, byte[] value, int partition) {}

    public interface Store {
        boolean put(String key, byte[] value);
    }
}
''')

case('java-30-socket-no-so-timeout',
     'a plain Socket read with no SO_TIMEOUT (and no connect timeout)',
     'https://github.com/bullhorn/sdk-rest/pull/215',
     'src/main/java/com/acme/legacy/LineProtocolClient.java', r'''
package com.acme.legacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public class LineProtocolClient {
    private final String host;
    private final int port;

    public LineProtocolClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public String ask(String command) throws IOException {
        try (Socket socket = new Socket(host, port); //@TMO-01
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            out.println(command);
            return in.readLine();
        }
    }
}
''')

case('java-31-interrupt-empty-catch-in-submitted-lambda',
     'a task submitted as a lambda swallows InterruptedException in an empty catch',
     'https://github.com/twitter-archive/commons/pull/145',
     'src/main/java/com/acme/warmup/Warmer.java', r'''
package com.acme.warmup;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

public class Warmer {
    private final ExecutorService pool;

    public Warmer(ExecutorService pool) {
        this.pool = pool;
    }

    public Future<?> warm(List<Runnable> loaders, long pauseMillis) {
        return pool.submit(() -> {
            for (Runnable loader : loaders) {
                loader.run();
                try {
                    TimeUnit.MILLISECONDS.sleep(pauseMillis);
                } catch (InterruptedException ignored) { //@CONC-05|ERR-01
                }
            }
        });
    }
}
''')

case('java-32-resultset-overwritten-in-loop',
     'a ResultSet variable reassigned with = on each iteration; earlier result sets and the statement are never closed',
     'https://github.com/wso2/product-mi-tooling/pull/362',
     'src/main/java/com/acme/inventory/StockReport.java', r'''
package com.acme.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class StockReport {
    public Map<String, Integer> levels(Connection conn, List<String> skus) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        PreparedStatement ps = conn.prepareStatement("SELECT qty FROM stock WHERE sku = ?"); //@RES-01,~TMO-01
        ResultSet rs;
        for (String sku : skus) {
            ps.setString(1, sku);
            rs = ps.executeQuery(); //@~RES-01
            out.put(sku, rs.next() ? rs.getInt(1) : 0);
        }
        return out;
    }
}
''')

case('java-33-tx-early-return-without-rollback',
     'setAutoCommit(false) then an early return when no row matched, leaving the transaction open',
     'https://github.com/requery/requery/issues/628',
     'src/main/java/com/acme/seats/SeatBooking.java', r'''
package com.acme.seats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

public class SeatBooking {
    public boolean book(Connection conn, long seatId, long userId) throws SQLException {
        conn.setAutoCommit(false); //@TX-01
        try (PreparedStatement hold = conn.prepareStatement("UPDATE seats SET holder = ? WHERE id = ? AND holder IS NULL"); //@~TMO-01
             PreparedStatement log = conn.prepareStatement("INSERT INTO bookings(seat, usr) VALUES (?, ?)")) { //@~TMO-01
            hold.setLong(1, userId);
            hold.setLong(2, seatId);
            if (hold.executeUpdate() == 0) {
                return false;
            }
            log.setLong(1, seatId);
            log.setLong(2, userId);
            log.executeUpdate();
            conn.commit();
            return true;
        } catch (SQLException e) {
            conn.rollback();
            throw e;
        }
    }
}
''')

case('java-ok-14-files-walk-try-with-resources',
     'Files.walk inside try-with-resources, collected before the stream closes',
     'https://github.com/apache/maven-compiler-plugin/pull/1071',
     'src/main/java/com/acme/build/PackageIndex.java', r'''
package com.acme.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class PackageIndex {
    private final Path root;

    public PackageIndex(Path root) {
        this.root = root;
    }

    public int writeMarkers() throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(root)) {
            dirs = walk.filter(Files::isDirectory).filter(d -> !d.equals(root)).collect(Collectors.toList());
        }
        for (Path dir : dirs) {
            Files.writeString(dir.resolve("package-info.txt"), root.relativize(dir).toString());
        }
        return dirs.size();
    }
}
''')

case('java-ok-15-socket-with-timeouts',
     'a Socket connected with a timeout and given SO_TIMEOUT before reading',
     'https://github.com/docusign/docusign-esign-java-client/pull/62',
     'src/main/java/com/acme/legacy/LineProtocolClient.java', r'''
package com.acme.legacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public class LineProtocolClient {
    private static final int CONNECT_MS = 2_000;
    private static final int READ_MS = 5_000;
    private final String host;
    private final int port;

    public LineProtocolClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public String ask(String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_MS);
            socket.setSoTimeout(READ_MS);
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out.println(command);
            return in.readLine();
        }
    }
}
''')

case('java-ok-16-interrupt-restored-in-submitted-lambda',
     'a submitted lambda restores the interrupt flag and stops warming',
     'https://github.com/apple/servicetalk/pull/566',
     'src/main/java/com/acme/warmup/Warmer.java', r'''
package com.acme.warmup;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

public class Warmer {
    private final ExecutorService pool;

    public Warmer(ExecutorService pool) {
        this.pool = pool;
    }

    public Future<?> warm(List<Runnable> loaders, long pauseMillis) {
        return pool.submit(() -> {
            for (Runnable loader : loaders) {
                loader.run();
                try {
                    TimeUnit.MILLISECONDS.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }
}
''')

case('java-ok-17-jdbc-statements-try-with-resources',
     'statement and each result set in try-with-resources inside the loop',
     'https://github.com/apache/casbin-jcasbin-jdbc-adapter/pull/44',
     'src/main/java/com/acme/inventory/StockReport.java', r'''
package com.acme.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class StockReport {
    public Map<String, Integer> levels(Connection conn, List<String> skus) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT qty FROM stock WHERE sku = ?")) { //@~TMO-01
            for (String sku : skus) {
                ps.setString(1, sku);
                try (ResultSet rs = ps.executeQuery()) {
                    out.put(sku, rs.next() ? rs.getInt(1) : 0);
                }
            }
        }
        return out;
    }
}
''')
