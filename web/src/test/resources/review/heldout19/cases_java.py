"""Round-19 Java cases, written for this corpus from the checklist items (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every JDBC statement sets a query timeout and every HTTP client its timeouts unless the case is about exactly that
(TMO-01 reads both ways, as in rounds 13 to 18)."""
from common16 import make_case, pom, java, src, tst, f, cases_of, variant

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']


def J(pkg, imports):
    return lambda body: (lambda v: java(pkg, sorted(set(imports)), variant(body, v)))


# ---------------------------------------------------------------- RES-02 / RES-04: OkHttp catch-up page
OKSSE = r'''
/** Fetches the events a client missed while its event stream was down, before the stream is reopened. */
public final class CatchUpClient {
    private static final TypeReference<List<ServerEvent>> EVENT_LIST = new TypeReference<>() {};

01|    private final OkHttpClient http;
    private final HttpUrl base;
    private final ObjectMapper mapper;

01|    /** {@code http} is the application's shared client: timeouts and connection pool are set once in EventsModule. */
01|    public CatchUpClient(OkHttpClient http, HttpUrl base, ObjectMapper mapper) {
01|        this.http = http;
2|    public CatchUpClient(HttpUrl base, ObjectMapper mapper) {
        this.base = base;
        this.mapper = mapper;
    }

    /** Returns the events after {@code lastEventId}, oldest first; any status but 2xx is an IOException. */
    public List<ServerEvent> since(String lastEventId) throws IOException {
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegment("events").addQueryParameter("after", lastEventId).build())
                .header("Accept", "application/json")
                .build();
2|        OkHttpClient http = new OkHttpClient.Builder() //@RES-04
2|                .connectTimeout(Duration.ofSeconds(2))
2|                .readTimeout(Duration.ofSeconds(10))
2|                .build();
02|        try (Response response = http.newCall(request).execute()) {
02|            if (!response.isSuccessful()) {
02|                throw new IOException("catch-up after " + lastEventId + " failed: HTTP " + response.code());
02|            }
02|            return mapper.readValue(response.body().byteStream(), EVENT_LIST);
02|        }
1|        Response response = http.newCall(request).execute(); //@RES-02
1|        if (!response.isSuccessful()) {
1|            throw new IOException("catch-up after " + lastEventId + " failed: HTTP " + response.code());
1|        }
1|        try (ResponseBody body = response.body()) {
1|            return mapper.readValue(body.byteStream(), EVENT_LIST);
1|        }
    }
}
'''
cases_of(case, GH + 'heremaps/oksse/pull/11', src('com.here.oksse.catchup', 'CatchUpClient'),
         J('com.here.oksse.catchup', ['com.fasterxml.jackson.core.type.TypeReference',
                                     'com.fasterxml.jackson.databind.ObjectMapper', 'java.io.IOException',
                                     'java.time.Duration', 'java.util.List', 'okhttp3.HttpUrl', 'okhttp3.OkHttpClient',
                                     'okhttp3.Request', 'okhttp3.Response', 'okhttp3.ResponseBody'])(OKSSE), [
             (1, 'java-00-oksse-catch-up-throws-before-closing-response',
              'an edit throws on an error status before the response body reaches try-with-resources', 'edit'),
             (2, 'java-00-oksse-catch-up-builds-client-per-call',
              'the catch-up client builds a new OkHttpClient (pool and dispatcher) on every call', 'new'),
             (0, 'java-ok-00-oksse-catch-up-response-in-try',
              'clean: the shared client, and the response closed by try-with-resources on every status', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: JDBC generator values
JAYBIRD = r'''
/** Reads the current values of generators (sequences) for the schema report. */
@Repository
public class GeneratorDao {
    private static final String CURRENT_VALUE = "select gen_id(cast(? as varchar(63)), 0) from rdb$database";

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    public GeneratorDao(DataSource dataSource, @Value("${report.query-timeout-seconds:5}") int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    /** Returns the value of every named generator, in the order given; unknown names are left out. */
    public Map<String, Long> currentValues(List<String> generators) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String name : generators) {
02|                try (PreparedStatement ps = c.prepareStatement(CURRENT_VALUE)) { //@{2}TMO-01
0|                    ps.setQueryTimeout(queryTimeoutSeconds);
02|                    ps.setString(1, name);
02|                    try (ResultSet rs = ps.executeQuery()) {
02|                        if (rs.next()) {
02|                            values.put(name, rs.getLong(1));
02|                        }
02|                    }
02|                }
1|                PreparedStatement ps = c.prepareStatement(CURRENT_VALUE); //@RES-01
1|                ps.setQueryTimeout(queryTimeoutSeconds);
1|                ps.setString(1, name);
1|                ResultSet rs = ps.executeQuery();
1|                if (rs.next()) {
1|                    values.put(name, rs.getLong(1));
1|                }
1|                rs.close();
1|                ps.close();
            }
        }
        return values;
    }
}
'''
cases_of(case, GH + 'FirebirdSQL/jaybird/issues/664', src('org.firebirdsql.report', 'GeneratorDao'),
         J('org.firebirdsql.report', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet',
                                      'java.sql.SQLException', 'java.util.LinkedHashMap', 'java.util.List',
                                      'java.util.Map', 'javax.sql.DataSource',
                                      'org.springframework.beans.factory.annotation.Value',
                                      'org.springframework.stereotype.Repository'])(JAYBIRD), [
             (1, 'java-00-jaybird-generator-values-closed-by-hand',
              'the report closes each statement and result set by hand after reading, so an exception skips it',
              'new'),
             (2, 'java-00-jaybird-generator-values-without-query-timeout',
              'an edit drops the query timeout of the per-generator statement', 'edit'),
             (0, 'java-ok-00-jaybird-generator-values-in-try-with-resources',
              'clean: statement and result set in try-with-resources, query timeout set', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04 / CONC-06: MDC across the shared pool
RHCHE = r'''
/** Runs workspace tasks on the shared pool with the logging context of the request that submitted them. */
public class ContextPropagatingExecutor {
    private static final Logger log = LoggerFactory.getLogger(ContextPropagatingExecutor.class);

    private final ExecutorService delegate; // WorkspaceSharedPool's bounded pool
    private final Counter detachedFailures;

    public ContextPropagatingExecutor(ExecutorService delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.detachedFailures = registry.counter("workspace.detached.failures");
    }

    public CompletableFuture<Void> run(Runnable task) {
        Map<String, String> submitted = MDC.getCopyOfContextMap();
        return CompletableFuture.runAsync(() -> {
02|            Map<String, String> previous = MDC.getCopyOfContextMap();
02|            setContext(submitted);
02|            try {
02|                task.run();
02|            } finally {
02|                setContext(previous);
02|            }
1|            setContext(submitted); //@CONC-04
1|            task.run();
        }, delegate);
    }

    /** Runs clean-up nobody waits for, such as removing the files of a deleted workspace. */
    public void runDetached(String what, Runnable task) {
01|        run(task).whenComplete((ignored, failure) -> {
01|            if (failure != null) {
01|                detachedFailures.increment();
01|                log.warn("detached task {} failed", what, failure);
01|            }
01|        });
2|        run(task); //@CONC-06
    }

    private static void setContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
'''
cases_of(case, GH + 'redhat-developer/rh-che/issues/495', src('com.redhat.che.workspace', 'ContextPropagatingExecutor'),
         J('com.redhat.che.workspace', SLF4J + ['io.micrometer.core.instrument.Counter',
                                               'io.micrometer.core.instrument.MeterRegistry', 'java.util.Map',
                                               'java.util.concurrent.CompletableFuture',
                                               'java.util.concurrent.ExecutorService', 'org.slf4j.MDC'])(RHCHE), [
             (1, 'java-00-rhche-pool-task-leaves-request-mdc-on-thread',
              'an edit sets the submitting request\'s MDC on the pool thread and never restores it', 'edit'),
             (2, 'java-00-rhche-detached-task-future-dropped',
              'an edit drops the CompletableFuture of detached clean-up, so its failures vanish', 'edit'),
             (0, 'java-ok-00-rhche-pool-task-restores-mdc',
              'clean: the previous MDC is restored in finally and detached failures are logged and counted', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / TX-01: JPA transaction helper
CORDA = r'''
/** Runs a block in one JPA transaction on an EntityManager of its own. */
public final class Transactions {
    private Transactions() {
    }

    /** Commits when {@code block} returns, rolls back when it throws; the EntityManager is closed either way. */
    public static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> block) {
0|        EntityManager em = emf.createEntityManager();
0|        EntityTransaction tx = em.getTransaction();
0|        try {
0|            tx.begin();
0|            T result = block.apply(em);
0|            tx.commit();
0|            return result;
0|        } catch (RuntimeException e) {
0|            if (tx.isActive()) {
0|                tx.rollback();
0|            }
0|            throw e;
0|        } finally {
0|            em.close();
0|        }
1|        EntityManager em = emf.createEntityManager(); //@RES-01
1|        EntityTransaction tx = em.getTransaction();
1|        try {
1|            tx.begin();
1|            T result = block.apply(em);
1|            tx.commit();
1|            em.close();
1|            return result;
1|        } catch (RuntimeException e) {
1|            if (tx.isActive()) {
1|                tx.rollback();
1|            }
1|            throw e;
1|        }
2|        try (EntityManager em = emf.createEntityManager()) { // AutoCloseable since Jakarta Persistence 3.1
2|            em.getTransaction().begin(); //@TX-01
2|            T result = block.apply(em);
2|            em.getTransaction().commit();
2|            return result;
2|        }
    }
}
'''
cases_of(case, GH + 'corda/corda-runtime-os/pull/1703', src('net.corda.db.core', 'Transactions'),
         J('net.corda.db.core', ['jakarta.persistence.EntityManager', 'jakarta.persistence.EntityManagerFactory',
                                 'jakarta.persistence.EntityTransaction', 'java.util.function.Function'])(CORDA), [
             (1, 'java-00-corda-transaction-closes-entity-manager-only-after-commit',
              'the helper closes the EntityManager after a successful commit only: a throwing block or commit '
              'leaks it', 'new'),
             (2, 'java-00-corda-transaction-without-rollback',
              'an edit rewrites the helper with try-with-resources and no rollback when the block throws', 'edit',
              [f('pom.xml', new=pom('corda-db-core', ['jakarta.persistence:jakarta.persistence-api:3.1.0',
                                                      'org.hibernate.orm:hibernate-core:6.5.2.Final']))]),
             (0, 'java-ok-00-corda-transaction-rolls-back-and-closes',
              'clean: rollback when the block or commit throws, EntityManager closed in finally', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-04: trace id MDC filter (test beside)
AWSOTEL = r'''
/** Puts the X-Ray trace id of the current span into the logging context for the duration of the request. */
public class TraceIdMdcFilter implements Filter {
    static final String KEY = "AWS-XRAY-TRACE-ID";
    static final ThreadLocal<String> CURRENT_SPAN = new ThreadLocal<>();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            chain.doFilter(req, res);
            return;
        }
02|        try (MDC.MDCCloseable ignored = MDC.putCloseable(KEY, xrayTraceId(span))) {
2|            CURRENT_SPAN.set(span.getSpanId()); //@CONC-04
2|            chain.doFilter(req, res);
2|        }
0|            CURRENT_SPAN.set(span.getSpanId());
0|            chain.doFilter(req, res);
0|        } finally {
0|            CURRENT_SPAN.remove();
0|        }
1|        MDC.put(KEY, xrayTraceId(span)); //@CONC-04
1|        CURRENT_SPAN.set(span.getSpanId());
1|        try {
1|            chain.doFilter(req, res);
1|        } finally {
1|            CURRENT_SPAN.remove();
1|        }
    }

    static String xrayTraceId(SpanContext span) {
        String id = span.getTraceId();
        return "1-" + id.substring(0, 8) + "-" + id.substring(8) + "@" + span.getSpanId();
    }
}
'''
AWSOTEL_TEST = r'''package software.amazon.opentelemetry.javaagent.logging;

import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TraceIdMdcFilterTest {
    @Test
    void nothing_of_the_request_stays_on_the_thread_afterwards() throws Exception {
        FilterChain chain = (req, res) -> { };
        new TraceIdMdcFilter().doFilter(null, null, chain);
        assertNull(MDC.get(TraceIdMdcFilter.KEY));
        assertNull(TraceIdMdcFilter.CURRENT_SPAN.get());
    }
}
'''
cases_of(case, GH + 'aws-observability/aws-otel-java-instrumentation/pull/484',
         src('software.amazon.opentelemetry.javaagent.logging', 'TraceIdMdcFilter'),
         J('software.amazon.opentelemetry.javaagent.logging', [
             'io.opentelemetry.api.trace.Span', 'io.opentelemetry.api.trace.SpanContext', 'jakarta.servlet.Filter',
             'jakarta.servlet.FilterChain', 'jakarta.servlet.ServletException', 'jakarta.servlet.ServletRequest',
             'jakarta.servlet.ServletResponse', 'java.io.IOException', 'org.slf4j.MDC'])(AWSOTEL), [
             (1, 'java-00-awsotel-filter-puts-trace-id-without-removing',
              'an edit puts the trace id into the MDC with put and never removes it from the pooled thread', 'edit'),
             (2, 'java-00-awsotel-filter-thread-local-not-removed',
              'an edit drops the finally that removed the span id thread-local', 'edit'),
             (0, 'java-ok-00-awsotel-filter-scoped-mdc-and-thread-local',
              'clean: putCloseable in try-with-resources and the thread-local removed in finally, with a test', 'new',
              [f(tst('software.amazon.opentelemetry.javaagent.logging', 'TraceIdMdcFilterTest'), new=AWSOTEL_TEST)]),
         ])


# ---------------------------------------------------------------- TX-02 / RES-01: JDBC transaction helper (CRLF)
SQLG = r'''
/** Runs topology changes in one JDBC transaction on a pooled connection. */
public class TopologyTransactions {
    private static final Logger log = LoggerFactory.getLogger(TopologyTransactions.class);

    private final DataSource dataSource;

    public TopologyTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        Connection c = dataSource.getConnection(); //@{2}RES-01
        try {
            c.setAutoCommit(false);
            T result = work.apply(c);
02|            c.commit();
1|            try {
1|                c.commit();
1|            } catch (SQLException e) { //@TX-02
1|                log.warn("commit failed; the topology change will be retried on next start", e);
1|            }
2|            c.close();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackKeepingCause(c, e);
            throw e;
01|        } finally {
01|            c.close();
        }
    }

    private static void rollbackKeepingCause(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }
}
'''
cases_of(case, GH + 'pietermartin/sqlg/issues/385', src('org.umlg.sqlg.structure', 'TopologyTransactions'),
         J('org.umlg.sqlg.structure', SLF4J + ['java.sql.Connection', 'java.sql.SQLException',
                                              'javax.sql.DataSource'])(SQLG), [
             (1, 'java-00-sqlg-commit-failure-logged-and-swallowed',
              'an edit catches a failed commit, logs it and returns the result as if it were stored', 'edit'),
             (2, 'java-00-sqlg-connection-closed-only-after-commit',
              'the helper closes the connection after commit only: a failed commit or work leaves it out of the pool',
              'new'),
             (0, 'java-ok-00-sqlg-commit-propagates-close-in-finally',
              'clean: a failed commit propagates, the rollback keeps its own failure, close in finally', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- RES-01 / TX-01: Vert.x SQL transactions
VERTXJOOQ = r'''
/** Runs a block of queries in one transaction on a pooled Vert.x SQL connection. */
public class ReactiveTransactions {
    private static final Logger log = LoggerFactory.getLogger(ReactiveTransactions.class);

    private final Pool pool;

    public ReactiveTransactions(Pool pool) {
        this.pool = pool;
    }

    /** Commits when the block's future succeeds, rolls back when it fails; the connection goes back either way. */
    public <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> block) {
        return pool.getConnection().compose(conn -> conn //@{1}RES-01
                .begin() //@{2}TX-01
                .compose(tx -> block.apply(conn)
                        .compose(result -> tx.commit().map(result))
01|                        .recover(failure -> tx.rollback().transform(done -> Future.<T>failedFuture(failure))))
2|                        .onFailure(failure -> log.warn("transaction failed", failure)))
02|                .onComplete(done -> conn.close()));
1|                .onSuccess(result -> conn.close()));
    }
}
'''
cases_of(case, GH + 'jklingsporn/vertx-jooq/pull/190', src('io.github.jklingsporn.vertx.jooq.shared', 'ReactiveTransactions'),
         J('io.github.jklingsporn.vertx.jooq.shared', SLF4J + ['io.vertx.core.Future', 'io.vertx.sqlclient.Pool',
                                                               'io.vertx.sqlclient.SqlConnection',
                                                               'java.util.function.Function'])(VERTXJOOQ), [
             (1, 'java-00-vertxjooq-connection-closed-only-on-success',
              'the transaction helper closes the pooled connection only when the transaction succeeds', 'new'),
             (2, 'java-00-vertxjooq-failed-block-not-rolled-back',
              'an edit only logs a failed block: the transaction is neither rolled back nor committed', 'edit'),
             (0, 'java-ok-00-vertxjooq-rollback-and-close-on-complete',
              'clean: rollback on failure and the connection closed when the whole chain completes', 'fix'),
         ])


# ---------------------------------------------------------------- TX-02 / TMO-01: R2DBC order repository (pom)
R2DBC = r'''
/** Stores orders with their lines in one R2DBC transaction. */
public class OrderRepository {
    private final ConnectionFactory connectionFactory; // r2dbc-pool: max size, acquire and idle timeouts configured

    public OrderRepository(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    public Mono<Long> save(Order order) {
        return Mono.usingWhen(connectionFactory.create(),
                conn -> Mono.from(conn.beginTransaction())
                        .then(insertOrder(conn, order))
                        .flatMap(id -> insertLines(conn, id, order.lines()).then(Mono.just(id)))
02|                        .flatMap(id -> Mono.from(conn.commitTransaction()).thenReturn(id)),
1|                        .flatMap(id -> Mono.from(conn.commitTransaction()) //@TX-02|ERR-01
1|                                .onErrorResume(e -> Mono.empty())
1|                                .thenReturn(id)),
                conn -> Mono.from(conn.close()),
                (conn, failure) -> Mono.from(conn.rollbackTransaction()).then(Mono.from(conn.close())),
                conn -> Mono.from(conn.rollbackTransaction()).then(Mono.from(conn.close())));
    }

    /** Blocking entry point for the legacy importer, which runs outside any reactive pipeline. */
    public long saveBlocking(Order order) {
01|        Long id = save(order).block(Duration.ofSeconds(10));
2|        Long id = save(order).block(); //@TMO-01
        return Objects.requireNonNull(id, "no id returned for order " + order.reference());
    }

    private Mono<Long> insertOrder(Connection conn, Order order) {
        return Mono.from(conn.createStatement("insert into orders(reference, placed_at) values ($1, $2)")
                        .bind("$1", order.reference())
                        .bind("$2", order.placedAt())
                        .returnGeneratedValues("id")
                        .execute())
                .flatMap(result -> Mono.from(result.map((row, meta) -> row.get("id", Long.class))));
    }

    private Mono<Void> insertLines(Connection conn, long orderId, List<OrderLine> lines) {
        return Flux.fromIterable(lines)
                .concatMap(line -> Mono.from(conn.createStatement("insert into order_lines(order_id, sku, qty) values ($1, $2, $3)")
                        .bind("$1", orderId).bind("$2", line.sku()).bind("$3", line.quantity())
                        .execute()))
                .then();
    }
}
'''
cases_of(case, GH + 'r2dbc/r2dbc-pool/pull/228', src('io.r2dbc.orders', 'OrderRepository'),
         J('io.r2dbc.orders', ['io.r2dbc.spi.Connection', 'io.r2dbc.spi.ConnectionFactory', 'java.time.Duration',
                               'java.util.List', 'java.util.Objects', 'reactor.core.publisher.Flux',
                               'reactor.core.publisher.Mono'])(R2DBC), [
             (1, 'java-00-r2dbc-commit-error-resumed-empty',
              'an edit resumes a failed commit with an empty Mono, so the caller gets an id for an order never '
              'stored', 'edit'),
             (2, 'java-00-r2dbc-blocking-save-waits-forever',
              'an edit blocks on the save without a timeout', 'edit',
              [f('pom.xml', new=pom('orders-r2dbc', ['io.r2dbc:r2dbc-pool:1.0.2.RELEASE',
                                                     'org.postgresql:r2dbc-postgresql:1.0.7.RELEASE']))]),
             (0, 'java-ok-00-r2dbc-commit-propagates-bounded-block',
              'clean: commit failures propagate into the rollback path and the blocking call is bounded', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / RES-03: mod asset packaging (renamed)
KUTM = r'''
/** Packs the artifacts of every mod directory into the game's assets folder. */
public class ModAssetPackager {
    private final ManifestParser parser;

    public ModAssetPackager(ManifestParser parser) {
        this.parser = parser;
    }

    /** Copies the artifacts of every mod under {@code modsDir} into {@code output}; returns how many were copied. */
    public int packageMods(Path modsDir, Path output) throws IOException {
        int copied = 0;
02|        try (Stream<Path> mods = Files.list(modsDir)) {
02|            for (Path mod : mods.filter(Files::isDirectory).sorted().toList()) {
02|                copied += copyArtifacts(mod, output);
02|            }
02|        }
1|        for (Path mod : Files.list(modsDir).filter(Files::isDirectory).sorted().toList()) { //@RES-01
1|            copied += copyArtifacts(mod, output);
1|        }
        return copied;
    }

    /** Merges the manifests of all mods into one; later mods override earlier ones. */
    public Manifest mergeManifests(List<Path> descriptors) throws IOException {
        Manifest merged = new Manifest();
01|        for (Path descriptor : descriptors) {
01|            try (InputStream in = Files.newInputStream(descriptor)) {
01|                merged.merge(parser.parse(in));
01|            }
01|        }
2|        List<InputStream> opened = new ArrayList<>();
2|        try {
2|            for (Path descriptor : descriptors) {
2|                InputStream in = Files.newInputStream(descriptor); //@RES-03
2|                opened.add(in);
2|                merged.merge(parser.parse(in));
2|            }
2|        } finally {
2|            for (InputStream in : opened) {
2|                in.close();
2|            }
2|        }
        return merged;
    }

    private int copyArtifacts(Path mod, Path output) throws IOException {
        Path artifacts = mod.resolve("artifacts");
        if (!Files.isDirectory(artifacts)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(artifacts)) {
            var regular = files.filter(Files::isRegularFile).toList();
            for (Path file : regular) {
                Path target = output.resolve(artifacts.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return regular.size();
        }
    }
}
'''
cases_of(case, GH + 'rossturner/king-under-the-mountain/issues/19', src('technology.rocketjump.mountaincore.modding', 'ModAssetPackager'),
         J('technology.rocketjump.mountaincore.modding', ['java.io.IOException', 'java.io.InputStream',
                                                           'java.nio.file.Files', 'java.nio.file.Path',
                                                           'java.nio.file.StandardCopyOption', 'java.util.ArrayList',
                                                           'java.util.List', 'java.util.stream.Stream'])(KUTM), [
             (1, 'java-00-kutm-package-mods-lists-directory-without-closing',
              'moved with its package, packageMods iterates Files.list without closing the directory stream',
              'rename'),
             (2, 'java-00-kutm-merge-manifests-keeps-every-stream-open',
              'an edit opens every manifest first and closes them all at the end of the merge', 'edit'),
             (0, 'java-ok-00-kutm-packager-closes-each-stream',
              'clean: the listing and every manifest stream in their own try-with-resources', 'new'),
         ], rename_from=src('technology.rocketjump.undermount.modding', 'ModAssetPackager'),
         rename_old=lambda text: text.replace('technology.rocketjump.mountaincore.modding',
                                              'technology.rocketjump.undermount.modding'))


# ---------------------------------------------------------------- RES-01 / CONC-03: classifier resource manager
QUPATH = r'''
/** Lists, loads and backs up the classifiers saved as files in one project directory. */
public final class FileResourceManager<T> {
02|    private static final DateTimeFormatter BACKUP_STAMP =
02|            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
1|    private static final SimpleDateFormat BACKUP_STAMP = new SimpleDateFormat("yyyyMMdd-HHmmss"); //@CONC-03

    private final Path dir;
    private final String ext;
    private final Function<Path, T> reader;
    private final Cache<String, T> loaded = Caffeine.newBuilder().maximumSize(64).build();

    public FileResourceManager(Path dir, String ext, Function<Path, T> reader) {
        this.dir = dir;
        this.ext = ext;
        this.reader = reader;
    }

    /** Names of the resources in the directory, each mapped to its file; empty when the directory does not exist. */
    public Map<String, Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return Map.of();
        }
01|        try (Stream<Path> paths = Files.list(dir)) {
01|            return paths.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(ext))
01|                    .collect(Collectors.toMap(this::nameOf, p -> p));
01|        }
2|        return Files.list(dir) //@RES-01
2|                .filter(p -> Files.isRegularFile(p) && p.toString().endsWith(ext))
2|                .collect(Collectors.toMap(this::nameOf, p -> p));
    }

    public T get(String name) {
        return loaded.get(name, n -> reader.apply(dir.resolve(n + ext)));
    }

    /** Copies the resource's file aside before it is overwritten; called from the save actions of several windows. */
    public Path backup(String name, Instant now) throws IOException {
        Path source = dir.resolve(name + ext);
02|        Path target = dir.resolve(name + "-" + BACKUP_STAMP.format(now) + ext + ".bak");
1|        Path target = dir.resolve(name + "-" + BACKUP_STAMP.format(Date.from(now)) + ext + ".bak");
        return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private String nameOf(Path p) {
        String file = p.getFileName().toString();
        return file.substring(0, file.length() - ext.length());
    }
}
'''
cases_of(case, GH + 'qupath/qupath/issues/594', src('qupath.lib.projects', 'FileResourceManager'),
         J('qupath.lib.projects', ['com.github.benmanes.caffeine.cache.Cache',
                                   'com.github.benmanes.caffeine.cache.Caffeine', 'java.io.IOException',
                                   'java.nio.file.Files', 'java.nio.file.Path', 'java.nio.file.StandardCopyOption',
                                   'java.text.SimpleDateFormat', 'java.time.Instant', 'java.time.ZoneOffset',
                                   'java.time.format.DateTimeFormatter', 'java.util.Date', 'java.util.Map',
                                   'java.util.function.Function', 'java.util.stream.Collectors',
                                   'java.util.stream.Stream'])(QUPATH), [
             (1, 'java-00-qupath-backup-stamp-shared-simple-date-format',
              'an edit stamps backups with one static SimpleDateFormat shared by every window\'s save action', 'edit'),
             (2, 'java-00-qupath-list-collects-files-list-unclosed',
              'an edit collects Files.list straight into a map and never closes the directory stream', 'edit'),
             (0, 'java-ok-00-qupath-list-in-try-immutable-formatter',
              'clean: the listing in try-with-resources and a DateTimeFormatter for backup stamps', 'new'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: file browser folders
CKFINDER = r'''
/** Lists the sub-folders of a folder for the file browser's tree. */
public class FolderLister {
    private final Path root;

    public FolderLister(Path root) {
        this.root = root;
    }

    public List<Folder> listFolders(String folderPath) {
        Path dir = root.resolve(folderPath).normalize();
        if (!dir.startsWith(root)) {
            throw new IllegalArgumentException("folder outside the root: " + folderPath);
        }
        var folders = new ArrayList<Folder>();
02|        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
1|        try {
1|            DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory); //@RES-01
            for (Path entry : entries) {
                folders.add(new Folder(entry.getFileName().toString(), hasChildren(entry)));
            }
        } catch (IOException e) {
01|            throw new UncheckedIOException("list folders of " + dir, e);
2|            // folder vanished while listing: show what we have //@ERR-01
        }
        folders.sort(Comparator.comparing(Folder::name));
        return folders;
    }

    private static boolean hasChildren(Path dir) {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            return children.iterator().hasNext();
        } catch (IOException e) {
            return false; // an unreadable folder is shown without an expander; opening it reports the error
        }
    }

    public record Folder(String name, boolean hasChildren) {
    }
}
'''
cases_of(case, GH + 'ckfinder/ckfinder/issues/451', src('com.cksource.ckfinder.filesystem', 'FolderLister'),
         J('com.cksource.ckfinder.filesystem', ['java.io.IOException', 'java.io.UncheckedIOException',
                                                 'java.nio.file.DirectoryStream', 'java.nio.file.Files',
                                                 'java.nio.file.Path', 'java.util.ArrayList', 'java.util.Comparator',
                                                 'java.util.List'])(CKFINDER), [
             (1, 'java-00-ckfinder-list-folders-directory-stream-unclosed',
              'an edit opens the directory stream inside the try body instead of its resource header', 'edit'),
             (2, 'java-00-ckfinder-list-folders-swallows-io-error',
              'an edit replaces the rethrow with a comment: a failed listing returns a partial list silently', 'edit'),
             (0, 'java-ok-00-ckfinder-list-folders-closes-and-rethrows',
              'clean: directory streams in try-with-resources, listing errors rethrown, a documented best-effort '
              'probe', 'new'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-04: S3 large content (SDK v1)
HUB = r'''
/** Reads and writes payloads too large for the hub's small-content store in S3. */
@Singleton
public class S3LargeContentDao {
    private static final Logger log = LoggerFactory.getLogger(S3LargeContentDao.class);

01|    private final AmazonS3 s3; // built once by HubS3Client with the pool size and timeouts of the hub config
    private final String bucket;

    @Inject
01|    public S3LargeContentDao(AmazonS3 s3, @Named("s3.bucket") String bucket) {
01|        this.s3 = s3;
2|    public S3LargeContentDao(@Named("s3.bucket") String bucket) {
        this.bucket = bucket;
    }

    public Content read(String channel, ContentKey key) throws IOException {
        GetObjectRequest request = new GetObjectRequest(bucket, s3Key(channel, key));
2|        AmazonS3 s3 = AmazonS3ClientBuilder.standard().withRegion(Regions.US_EAST_1).build(); //@RES-04
02|        try (S3Object object = s3.getObject(request)) {
02|            return toContent(key, object.getObjectMetadata(), object.getObjectContent());
02|        }
1|        S3Object object = s3.getObject(request); //@RES-02|RES-01
1|        return toContent(key, object.getObjectMetadata(), object.getObjectContent());
    }

    private static Content toContent(ContentKey key, ObjectMetadata meta, InputStream body) throws IOException {
        byte[] data = body.readAllBytes();
        log.trace("read {} bytes of {}", data.length, key);
        return Content.builder().withKey(key).withContentType(meta.getContentType()).withData(data).build();
    }

    private static String s3Key(String channel, ContentKey key) {
        return channel + "/large/" + key.toUrl();
    }
}
'''
cases_of(case, GH + 'flightstats/hub/pull/1143', src('com.flightstats.hub.dao.aws', 'S3LargeContentDao'),
         J('com.flightstats.hub.dao.aws', SLF4J + [
             'com.amazonaws.regions.Regions', 'com.amazonaws.services.s3.AmazonS3',
             'com.amazonaws.services.s3.AmazonS3ClientBuilder', 'com.amazonaws.services.s3.model.GetObjectRequest',
             'com.amazonaws.services.s3.model.ObjectMetadata', 'com.amazonaws.services.s3.model.S3Object',
             'com.flightstats.hub.model.Content', 'com.flightstats.hub.model.ContentKey', 'java.io.IOException',
             'java.io.InputStream', 'javax.inject.Inject', 'javax.inject.Named', 'javax.inject.Singleton'])(HUB), [
             (1, 'java-00-hub-large-content-s3-object-never-closed',
              'an edit reads the S3 object without closing it, so a failed read keeps its pooled connection', 'edit'),
             (2, 'java-00-hub-large-content-s3-client-per-read',
              'the DAO builds a new S3 client (connection pool and threads) on every read', 'new'),
             (0, 'java-ok-00-hub-large-content-injected-client-closed-object',
              'clean: the injected shared client and the object closed by try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / LOG-02: benchmark S3 binding (SDK v2)
YCSB = r'''
/** YCSB binding that stores each record as one S3 object. */
public class S3Client extends DB {
    private static final Logger log = LoggerFactory.getLogger(S3Client.class);

    private software.amazon.awssdk.services.s3.S3Client s3; // one per binding instance, closed in cleanup()
    private String bucket;
    private long maxObjectSize;

    @Override
    public Status read(String table, String key, Set<String> fields, Map<String, ByteIterator> result) {
02|        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
02|            if (in.response().contentLength() > maxObjectSize) {
02|                return Status.BAD_REQUEST;
02|            }
02|            fillMap(result, in.readAllBytes(), fields);
1|        try {
1|            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key)); //@RES-02|RES-01
1|            if (in.response().contentLength() > maxObjectSize) {
1|                return Status.BAD_REQUEST;
1|            }
1|            fillMap(result, in.readAllBytes(), fields);
1|            in.close();
2|            log.debug("read " + key + " fields " + fields + " -> " + result); //@LOG-02
            return Status.OK;
        } catch (NoSuchKeyException e) {
            return Status.NOT_FOUND;
        } catch (S3Exception e) {
            log.warn("read of {} refused by S3", key, e);
            return switch (e.statusCode()) {
                case 403 -> Status.FORBIDDEN;
                case 503 -> Status.SERVICE_UNAVAILABLE;
                default -> Status.ERROR;
            };
        } catch (SdkException | IOException e) {
            log.warn("read of {} failed", key, e);
            return Status.ERROR;
        }
    }

    @Override
    public void cleanup() {
        s3.close();
    }
}
'''
cases_of(case, GH + 'brianfrankcooper/YCSB/pull/652', src('site.ycsb.db', 'S3Client'),
         J('site.ycsb.db', SLF4J + ['java.io.IOException', 'java.util.Map', 'java.util.Set', 'site.ycsb.ByteIterator',
                                   'site.ycsb.DB', 'site.ycsb.Status', 'software.amazon.awssdk.core.ResponseInputStream',
                                   'software.amazon.awssdk.core.exception.SdkException',
                                   'software.amazon.awssdk.services.s3.model.GetObjectResponse',
                                   'software.amazon.awssdk.services.s3.model.NoSuchKeyException',
                                   'software.amazon.awssdk.services.s3.model.S3Exception'])(YCSB), [
             (1, 'java-00-ycsb-s3-read-returns-before-closing-object-stream',
              'the binding closes the object stream by hand at the end; the size check returns with it open', 'new',
              [f('s3/pom.xml', new=pom('s3-binding', ['software.amazon.awssdk:s3:2.25.60',
                                                      'org.slf4j:slf4j-api:2.0.13']))]),
             (2, 'java-00-ycsb-s3-read-debug-concatenates-record',
              'an edit adds a debug line built by concatenating the whole record on every read', 'edit'),
             (0, 'java-ok-00-ycsb-s3-read-stream-in-try',
              'clean: the object stream in try-with-resources, failures logged with their cause', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05: gRPC transport channel close
GAX = r'''
/** A transport channel backed by one gRPC ManagedChannel, owned by this object. */
public final class GrpcTransportChannel implements TransportChannel {
    private static final Logger LOG = Logger.getLogger(GrpcTransportChannel.class.getName());

    private final ManagedChannel channel;
    private final Duration closeTimeout;

    GrpcTransportChannel(ManagedChannel channel, Duration closeTimeout) {
        this.channel = channel;
        this.closeTimeout = closeTimeout;
    }

    /** Starts an orderly shutdown and waits up to closeTimeout for calls in flight; then forces it. */
    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "channel not terminated after {0}; forcing", closeTimeout);
                channel.shutdownNow();
            }
        } catch (InterruptedException e) { //@{12}CONC-05
0|            channel.shutdownNow();
0|            Thread.currentThread().interrupt(); // whoever interrupted us still wants to know
1|            LOG.log(Level.FINE, "interrupted while closing the channel", e);
2|            throw new ResourceCloseException("interrupted while closing the channel", e);
        }
    }

    public boolean isTerminated() {
        return channel.isTerminated();
    }
}
'''
cases_of(case, GH + 'googleapis/gax-java/pull/628', src('com.google.api.gax.grpc', 'GrpcTransportChannel'),
         J('com.google.api.gax.grpc', ['com.google.api.gax.core.ResourceCloseException',
                                       'com.google.api.gax.rpc.TransportChannel', 'io.grpc.ManagedChannel',
                                       'java.time.Duration', 'java.util.concurrent.TimeUnit',
                                       'java.util.logging.Level', 'java.util.logging.Logger'])(GAX), [
             (1, 'java-00-gax-close-logs-interrupt-and-returns',
              'an edit logs an interrupt during close at FINE and returns with the flag cleared', 'edit'),
             (2, 'java-00-gax-close-wraps-interrupt-without-restoring',
              'an edit turns the interrupt into an unchecked exception without restoring the flag', 'edit'),
             (0, 'java-ok-00-gax-close-forces-and-restores-interrupt',
              'clean: forces the shutdown and restores the interrupt flag', 'new'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-04: gRPC profile client
JEXPRESS = r'''
/** Looks up user profiles on the profile service. */
public class ProfileClient {
01|    private final ProfileServiceGrpc.ProfileServiceBlockingStub stub;
2|    private final String target;
    private final Duration deadline;

01|    /** {@code channel} is the application's shared channel; the lifecycle manager shuts it down. */
01|    public ProfileClient(ManagedChannel channel, Duration deadline) {
01|        this.stub = ProfileServiceGrpc.newBlockingStub(channel);
2|    public ProfileClient(String target, Duration deadline) {
2|        this.target = target;
        this.deadline = deadline;
    }

    public Profile get(String userId) {
        GetProfileRequest request = GetProfileRequest.newBuilder().setUserId(userId).build();
0|        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).getProfile(request);
1|        return stub.getProfile(request); //@TMO-01
2|        ManagedChannel channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build(); //@RES-04
2|        try {
2|            return ProfileServiceGrpc.newBlockingStub(channel)
2|                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
2|                    .getProfile(request);
2|        } finally {
2|            channel.shutdown();
2|        }
    }
}
'''
cases_of(case, GH + 'flipkart-incubator/grpc-jexpress/pull/9', src('com.flipkart.gjex.examples.profile', 'ProfileClient'),
         J('com.flipkart.gjex.examples.profile', ['io.grpc.ManagedChannel', 'io.grpc.ManagedChannelBuilder',
                                                   'java.time.Duration', 'java.util.concurrent.TimeUnit'])(JEXPRESS), [
             (1, 'java-00-jexpress-profile-call-without-deadline',
              'an edit calls the profile service on the shared stub without a deadline', 'edit'),
             (2, 'java-00-jexpress-profile-channel-per-call',
              'the client builds and shuts down a ManagedChannel for every lookup', 'new'),
             (0, 'java-ok-00-jexpress-profile-shared-channel-with-deadline',
              'clean: a stub on the shared channel with a deadline per call', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / LOG-02: workflow dispatcher
NFLOW = r'''
/** Polls for workflow instances that are due and hands them to the executor. */
public class WorkflowDispatcher implements Runnable {
    private static final Logger logger = LoggerFactory.getLogger(WorkflowDispatcher.class);

    private final WorkflowInstanceExecutor executor;
    private final WorkflowInstanceDao instances;
    private final WorkflowStateProcessorFactory processors;
    private final long sleepMillis;
    private volatile boolean shutdownRequested;

    public WorkflowDispatcher(WorkflowInstanceExecutor executor, WorkflowInstanceDao instances,
                              WorkflowStateProcessorFactory processors, long sleepMillis) {
        this.executor = executor;
        this.instances = instances;
        this.processors = processors;
        this.sleepMillis = sleepMillis;
    }

    @Override
    public void run() {
        while (!shutdownRequested) {
            try {
                dispatch(instances.pollNextWorkflowInstanceIds(executor.getQueueRemainingCapacity()));
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                logger.error("dispatch failed; polling again after {} ms", sleepMillis, e);
            }
        }
    }

    private void dispatch(List<Long> ids) {
        for (Long id : ids) {
1|            logger.info("Dispatching workflow instance {}", id); //@LOG-01
2|            logger.debug("Dispatching workflow instance " + id + " to " + executor); //@LOG-02|LOG-01
            executor.execute(processors.createProcessor(id));
        }
        if (!ids.isEmpty()) {
            logger.debug("Dispatched {} workflow instances", ids.size());
        }
    }

    public void shutdown() {
        shutdownRequested = true;
    }
}
'''
cases_of(case, GH + 'NitorCreations/nflow/pull/115', src('io.nflow.engine.internal.executor', 'WorkflowDispatcher'),
         J('io.nflow.engine.internal.executor', SLF4J + ['io.nflow.engine.internal.dao.WorkflowInstanceDao',
                                                         'java.util.List'])(NFLOW), [
             (1, 'java-00-nflow-dispatch-logs-every-instance',
              'an edit logs every dispatched workflow instance at info level', 'edit'),
             (2, 'java-00-nflow-dispatch-debug-concatenates-per-instance',
              'an edit adds a concatenated debug line per dispatched instance', 'edit'),
             (0, 'java-ok-00-nflow-dispatch-one-summary-line',
              'clean: one parameterised debug line per poll', 'new'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-01: launched process watcher
LAUNCHER = r'''
/** Watches a launched workspace process and reports its exit code. */
public final class ProcessWatchers {
    private static final Logger log = LoggerFactory.getLogger(ProcessWatchers.class);
    private static final AtomicLong WATCHER_FAILURES = new AtomicLong();
01|    private static final ThreadFactory WATCHERS = new ThreadFactoryBuilder()
01|            .setNameFormat("launch-watcher-%d")
01|            .setDaemon(true)
01|            .setUncaughtExceptionHandler((t, e) -> {
01|                WATCHER_FAILURES.incrementAndGet();
01|                log.error("watcher {} died", t.getName(), e);
01|            })
01|            .build();

    private ProcessWatchers() {
    }

    public static void watch(Process process, IntConsumer onExit) {
01|        WATCHERS.newThread(() -> waitFor(process, onExit)).start();
2|        new Thread(() -> waitFor(process, onExit), "launch-watcher-" + process.pid()).start(); //@CONC-01
    }

    public static long failures() {
        return WATCHER_FAILURES.get();
    }

    private static void waitFor(Process process, IntConsumer onExit) {
        while (true) {
            try {
                if (process.waitFor(1, TimeUnit.SECONDS)) {
                    onExit.accept(process.exitValue());
                    return;
                }
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt(); // the launcher is shutting down: stop watching
02|                return;
1|                log.debug("interrupted while waiting for process {}", process.pid());
            }
        }
    }
}
'''
cases_of(case, GH + 'turesheim/eclipse-launcher/pull/5294', src('net.resheim.eclipse.launcher.core', 'ProcessWatchers'),
         J('net.resheim.eclipse.launcher.core', SLF4J + ['com.google.common.util.concurrent.ThreadFactoryBuilder',
                                                         'java.util.concurrent.ThreadFactory',
                                                         'java.util.concurrent.TimeUnit',
                                                         'java.util.concurrent.atomic.AtomicLong',
                                                         'java.util.function.IntConsumer'])(LAUNCHER), [
             (1, 'java-00-launcher-watcher-ignores-interrupt-and-loops',
              'an edit logs an interrupt of the watcher and goes on waiting', 'edit'),
             (2, 'java-00-launcher-watcher-raw-thread',
              'an edit starts each watcher on a raw Thread instead of the factory with an uncaught-exception handler',
              'edit'),
             (0, 'java-ok-00-launcher-watcher-factory-and-interrupt',
              'clean: watchers come from a factory whose handler logs and counts; an interrupt ends the watch', 'new'),
         ])


# ---------------------------------------------------------------- CONC-06 / CONC-02: broker metric sampler
CRUISE = r'''
/** Samples the metrics of every broker on a small pool of sampling threads. */
public class BrokerMetricSampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerMetricSampler.class);

    private final ExecutorService pool;
    private final MetricFetcher fetcher;
    private final SampleStore store;

    public BrokerMetricSampler(int threads, MetricFetcher fetcher, SampleStore store) {
        this.fetcher = fetcher;
        this.store = store;
        // The factory's uncaught-exception handler logs whatever escapes a sampling task.
        ThreadFactory factory = new KafkaCruiseControlThreadFactory("metric-sampler", true, LOG);
01|        this.pool = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
01|                new ArrayBlockingQueue<>(4 * threads), factory, new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.pool = Executors.newFixedThreadPool(threads, factory); //@CONC-02
    }

    /** Queues one sampling task per broker; a full queue makes the caller sample the broker itself. */
    public void sampleAll(Collection<Integer> brokers, long windowMs) {
        for (int broker : brokers) {
02|            pool.execute(() -> store.add(fetcher.fetch(broker, windowMs)));
1|            pool.submit(() -> store.add(fetcher.fetch(broker, windowMs))); //@CONC-06
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("sampling threads still running after 30 s; interrupting them");
            pool.shutdownNow();
        }
    }
}
'''
cases_of(case, GH + 'cruise-control-for-kafka/cruise-control/issues/2052',
         src('com.linkedin.kafka.cruisecontrol.monitor.sampling', 'BrokerMetricSampler'),
         J('com.linkedin.kafka.cruisecontrol.monitor.sampling', SLF4J + [
             'com.linkedin.kafka.cruisecontrol.common.KafkaCruiseControlThreadFactory', 'java.util.Collection',
             'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Executors', 'java.util.concurrent.ThreadFactory',
             'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit'])(CRUISE), [
             (1, 'java-00-cruisecontrol-sampling-submits-and-drops-futures',
              'an edit submits the sampling tasks and drops their futures, so failures bypass the handler', 'edit'),
             (2, 'java-00-cruisecontrol-sampler-pool-unbounded-queue',
              'the sampler builds its pool with newFixedThreadPool: a queue without a bound', 'new'),
             (0, 'java-ok-00-cruisecontrol-sampler-bounded-execute',
              'clean: a bounded queue with caller-runs back-pressure, tasks given with execute', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: benchmark Kafka consumer
OMB = r'''
/** Polls one Kafka consumer on a dedicated thread and passes every record to the benchmark's callback. */
public class KafkaBenchmarkConsumer implements BenchmarkConsumer {
    private static final Logger log = LoggerFactory.getLogger(KafkaBenchmarkConsumer.class);
    private static final ThreadFactory POLLERS = new ThreadFactoryBuilder()
            .setNameFormat("benchmark-consumer-%d")
            .setUncaughtExceptionHandler((t, e) -> log.error("consumer thread {} died", t.getName(), e))
            .build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final ConsumerCallback callback;
    private final Counter pollErrors;
2|    private final ExecutorService callbacks = Executors.newCachedThreadPool(); //@CONC-02
    private volatile boolean closing;

    public KafkaBenchmarkConsumer(KafkaConsumer<String, byte[]> consumer, ConsumerCallback callback, Counter pollErrors) {
        this.consumer = consumer;
        this.callback = callback;
        this.pollErrors = pollErrors;
02|        POLLERS.newThread(this::pollLoop).start();
1|        new Thread(this::pollLoop, "benchmark-consumer").start(); //@CONC-01
    }

    private void pollLoop() {
        while (!closing) {
            try {
                for (ConsumerRecord<String, byte[]> rec : consumer.poll(Duration.ofMillis(100))) {
01|                    callback.messageReceived(rec.value(), rec.timestamp());
2|                    callbacks.execute(() -> callback.messageReceived(rec.value(), rec.timestamp()));
                }
                consumer.commitAsync();
            } catch (WakeupException e) {
                if (!closing) {
                    throw e; // only close() may wake the consumer up
                }
            } catch (RuntimeException e) {
                pollErrors.increment();
                log.warn("poll failed; polling again", e);
            }
        }
        consumer.close();
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
    }
}
'''
cases_of(case, GH + 'openmessaging/benchmark/issues/132', src('io.openmessaging.benchmark.driver.kafka', 'KafkaBenchmarkConsumer'),
         J('io.openmessaging.benchmark.driver.kafka', SLF4J + [
             'com.google.common.util.concurrent.ThreadFactoryBuilder',
             'io.openmessaging.benchmark.driver.BenchmarkConsumer', 'io.openmessaging.benchmark.driver.ConsumerCallback',
             'io.prometheus.client.Counter', 'java.time.Duration', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.Executors', 'java.util.concurrent.ThreadFactory',
             'org.apache.kafka.clients.consumer.ConsumerRecord', 'org.apache.kafka.clients.consumer.KafkaConsumer',
             'org.apache.kafka.common.errors.WakeupException'])(OMB), [
             (1, 'java-00-omb-consumer-poll-thread-without-handler',
              'an edit starts the poll loop on a raw Thread instead of the factory with an uncaught-exception handler',
              'edit'),
             (2, 'java-00-omb-consumer-callbacks-on-cached-pool',
              'an edit hands every record to a cached thread pool: one thread per record in flight', 'edit'),
             (0, 'java-ok-00-omb-consumer-guarded-poll-thread',
              'clean: the poll thread from a factory with a handler, errors of one poll logged and counted', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / TMO-03: Kafka feature cache fetcher
GEOMESA = r'''
/** Keeps a feature cache up to date from a Kafka topic by fetching on a fixed delay. */
public class KafkaFeatureFetcher implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(KafkaFeatureFetcher.class);

    private final ScheduledExecutorService scheduler;
    private final Consumer<String, SimpleFeature> consumer;
    private final FeatureCache cache;
    private final Duration pollTimeout;
    private final Duration fetchTimeout;
    private final Counter fetchFailures;

    public KafkaFeatureFetcher(ScheduledExecutorService scheduler, Consumer<String, SimpleFeature> consumer,
                               FeatureCache cache, Duration pollTimeout, Duration fetchTimeout, Counter fetchFailures) {
        this.scheduler = scheduler;
        this.consumer = consumer;
        this.cache = cache;
        this.pollTimeout = pollTimeout;
        this.fetchTimeout = fetchTimeout;
        this.fetchFailures = fetchFailures;
    }

    public void start(long delayMillis) {
02|        scheduler.scheduleWithFixedDelay(this::fetchGuarded, 0, delayMillis, TimeUnit.MILLISECONDS);
1|        scheduler.scheduleWithFixedDelay(this::fetchOnce, 0, delayMillis, TimeUnit.MILLISECONDS); //@CONC-07
    }

    private void fetchGuarded() {
        try {
            fetchOnce();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            fetchFailures.increment();
            log.error("fetch from kafka failed; fetching again after the delay", t);
        }
    }

    /** One fetch; a poll that outlives fetchTimeout is woken up so the cache does not stall behind it. */
    private void fetchOnce() {
        ScheduledFuture<?> watchdog = scheduler.schedule(consumer::wakeup, fetchTimeout.toMillis(), TimeUnit.MILLISECONDS); //@{2}TMO-03
01|        try {
01|            cache.apply(consumer.poll(pollTimeout));
01|        } finally {
01|            watchdog.cancel(false);
01|        }
2|        cache.apply(consumer.poll(pollTimeout));
    }

    @Override
    public void close() {
        consumer.wakeup();
    }
}
'''
cases_of(case, GH + 'locationtech/geomesa/issues/4689', src('org.locationtech.geomesa.kafka.data', 'KafkaFeatureFetcher'),
         J('org.locationtech.geomesa.kafka.data', SLF4J + [
             'io.micrometer.core.instrument.Counter', 'java.io.Closeable', 'java.time.Duration',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.ScheduledFuture',
             'java.util.concurrent.TimeUnit', 'org.apache.kafka.clients.consumer.Consumer',
             'org.opengis.feature.simple.SimpleFeature'])(GEOMESA), [
             (1, 'java-00-geomesa-fetch-scheduled-without-guard',
              'an edit schedules the fetch itself instead of its guard: one exception ends the schedule', 'edit'),
             (2, 'java-00-geomesa-fetch-watchdog-never-cancelled',
              'an edit drops the finally that cancelled the wake-up watchdog after each fetch', 'edit'),
             (0, 'java-ok-00-geomesa-fetch-guarded-watchdog-cancelled',
              'clean: the scheduled task catches everything but VirtualMachineError; the watchdog is cancelled in '
              'finally', 'new'),
         ])
