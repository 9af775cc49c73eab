package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of Java code described after the fourth held-out round (periodic tasks whose guard rethrows or whose code
 * is a named class held in a local, interrupt flags restored by a helper or a finally, MDC copied or set by filters,
 * pools built by per-call factories and stored builders, transactions begun by the project's own methods, statements
 * kept in fields), each defect next to the clean look-alike the same rule must stay silent on. The code is written
 * for these tests in the shapes real code shows; none of it is a corpus case.
 */
class JavaRound4ClassesTest {

    private static final String SYNC = """
            package a;

            class Mirror {
                private final ScheduledExecutorService timer;
                private final Remote remote;

                void start() {
                    timer.scheduleAtFixedRate(() -> {
                        try {
                            remote.pull();
                        } catch (RuntimeException e) {
                            %s
                        }
                    }, 1, 1, TimeUnit.MINUTES);
                }
            }
            """;

    @Test
    void a_periodic_task_whose_catch_all_rethrows_is_still_cancelled_by_its_first_failure() {
        assertEquals(List.of("8:CONC-07"), items("src/main/java/a/Mirror.java",
                SYNC.formatted("throw new IllegalStateException(\"pull failed\", e);")));
        assertEquals(List.of(), items("src/main/java/a/Mirror.java",
                SYNC.formatted("LOG.warn(\"pull failed, next run in a minute\", e);")));
        assertEquals(List.of(), items("src/main/java/a/Mirror.java",
                SYNC.formatted("// keep the schedule: never throw from here")));
    }

    private static final String HELD = """
            package a;

            class Exporter {
                private final ScheduledExecutorService ses;

                ScheduledFuture<?> every(Store store, long seconds) {
                    SnapshotTask snapshot = new SnapshotTask(store);
                    return ses.scheduleWithFixedDelay(snapshot, seconds, seconds, TimeUnit.SECONDS);
                }
            }

            class SnapshotTask implements Runnable {
                private final Store store;

                SnapshotTask(Store store) {
                    this.store = store;
                }

                @Override
                public void run() {
                    %s
                }
            }
            """;

    @Test
    void a_named_runnable_held_in_a_local_is_judged_by_its_run() {
        assertEquals(List.of("8:CONC-07"), items("src/main/java/a/Exporter.java",
                HELD.formatted("store.snapshot();")));
        assertEquals(List.of(), items("src/main/java/a/Exporter.java", HELD.formatted("""
                try {
                            store.snapshot();
                        } catch (Exception e) {
                            LOG.error("snapshot failed", e);
                        }""")));
    }

    @Test
    void a_runnable_parameter_scheduled_by_a_generic_helper_is_the_callers_code() {
        assertEquals(List.of(), items("src/main/java/a/Ticker.java", """
                package a;

                class Ticker {
                    private final ScheduledExecutorService ses;

                    void every(Runnable job, long ms) {
                        Runnable task = job;
                        ses.scheduleAtFixedRate(task, ms, ms, TimeUnit.MILLISECONDS);
                    }
                }
                """));
    }

    private static final String WAITER = """
            package a;

            final class Waits {
                static IOException interrupted(String what, InterruptedException cause) {
                    %s
                    return new InterruptedIOException(what + " interrupted");
                }

                static void await(CountDownLatch done) throws IOException {
                    try {
                        done.await();
                    } catch (InterruptedException e) {
                        throw interrupted("await", e);
                    }
                }
            }
            """;

    @Test
    void an_interrupt_restored_by_a_helper_the_catch_calls_is_restored() {
        assertEquals(List.of("12:CONC-05"), items("src/main/java/a/Waits.java", WAITER.formatted("")));
        assertEquals(List.of(), items("src/main/java/a/Waits.java",
                WAITER.formatted("Thread.currentThread().interrupt();")));
    }

    private static final String FLAG = """
            package a;

            final class Drain {
                int drain(BlockingQueue<Job> queue, int max) {
                    boolean interrupted = false;
                    int n = 0;
                    try {
                        while (n < max) {
                            try {
                                queue.take().run();
                                n++;
                            } catch (InterruptedException e) {
                                interrupted = true;
                                break;
                            }
                        }
                        return n;
                    } finally {
                        %s
                    }
                }
            }
            """;

    @Test
    void an_interruption_recorded_in_a_flag_is_restored_only_if_the_flag_is_turned_back_into_an_interrupt() {
        assertEquals(List.of("12:CONC-05"), items("src/main/java/a/Drain.java", FLAG.formatted("log(n);")));
        assertEquals(List.of(), items("src/main/java/a/Drain.java", FLAG.formatted("""
                if (interrupted) {
                                Thread.currentThread().interrupt();
                            }""")));
    }

    private static final String REQUEST_FILTER = """
            package a;

            @Provider
            public class TraceFilter implements ContainerRequestFilter, ContainerResponseFilter {
                @Override
                public void filter(ContainerRequestContext request) {
                    MDC.put("trace", request.getHeaderString("X-Trace"));
                }

                @Override
                public void filter(ContainerRequestContext request, ContainerResponseContext response) {
                    %s
                }
            }
            """;

    @Test
    void an_mdc_entry_put_by_a_request_filter_must_be_removed_by_the_response_filter() {
        assertEquals(List.of("7:CONC-04"), items("src/main/java/a/TraceFilter.java",
                REQUEST_FILTER.formatted("response.getHeaders().add(\"X-Served-By\", \"a\");")));
        assertEquals(List.of(), items("src/main/java/a/TraceFilter.java",
                REQUEST_FILTER.formatted("MDC.remove(\"trace\");")));
    }

    @Test
    void a_holders_one_line_setter_still_leaves_the_pairing_to_its_callers() {
        assertEquals(List.of(), items("src/main/java/a/Tenant.java", """
                package a;

                final class Tenant {
                    static void set(String id) {
                        MDC.put("tenant", id);
                    }

                    static void clear() {
                        MDC.remove("tenant");
                    }
                }
                """));
    }

    private static final String WRAPPER = """
            package a;

            final class ContextTask implements Runnable {
                private final Runnable task;
                private final Map<String, String> context = MDC.getCopyOfContextMap();

                ContextTask(Runnable task) {
                    this.task = task;
                }

                @Override
                public void run() {
                    Map<String, String> previous = MDC.getCopyOfContextMap();
                    MDC.setContextMap(context);
                    %s
                }
            }
            """;

    @Test
    void a_context_map_copied_onto_a_worker_thread_is_cleared_or_put_back_on_every_path() {
        assertEquals(List.of("14:CONC-04"), items("src/main/java/a/ContextTask.java", WRAPPER.formatted(
                "task.run();")));
        assertEquals(List.of("14:CONC-04"), items("src/main/java/a/ContextTask.java", WRAPPER.formatted("""
                task.run();
                        MDC.clear();""")));
        assertEquals(List.of(), items("src/main/java/a/ContextTask.java", WRAPPER.formatted("""
                try {
                            task.run();
                        } finally {
                            if (previous == null) {
                                MDC.clear();
                            } else {
                                MDC.setContextMap(previous);
                            }
                        }""")));
    }

    private static final String FACTORY = """
            package a;

            public class AuditServlet extends HttpServlet {
                private String url;
                %s

                private DataSource pool() {
                    HikariDataSource ds = new HikariDataSource();
                    ds.setJdbcUrl(url);
                    return ds;
                }

                @Override
                protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    %s
                    try (Connection c = ds.getConnection()) {
                        resp.getWriter().println(c.getCatalog());
                    } catch (SQLException e) {
                        throw new IOException(e);
                    }
                }
            }
            """;

    @Test
    void a_pool_built_by_a_factory_method_that_a_request_handler_calls_is_built_per_request() {
        // at the call of the private provider (session 45: the blind rounds name the per-call call, not the build)
        assertEquals(List.of("15:RES-04"), items("src/main/java/a/AuditServlet.java",
                FACTORY.formatted("", "DataSource ds = pool();")));
        assertEquals(List.of(), items("src/main/java/a/AuditServlet.java", FACTORY.formatted("""
                private DataSource ds;

                    @Override
                    public void init() {
                        ds = pool();
                    }""", "")));
    }

    private static final String BUILDER = """
            package a;

            public class SearchClient {
                private final %s;

                public SearchClient(OkHttpClient.Builder base) {
                    %s
                }

                public String search(String q, Duration budget) throws IOException {
                    OkHttpClient client = %s;
                    try (Response r = client.newCall(new Request.Builder().url(q).build()).execute()) {
                        return r.body().string();
                    }
                }
            }
            """;

    @Test
    void a_client_built_per_call_from_a_stored_builder_is_a_new_client_each_time() {
        assertEquals(List.of("11:RES-04"), items("src/main/java/a/SearchClient.java", BUILDER.formatted(
                "OkHttpClient.Builder builder", "this.builder = base;", "builder.callTimeout(budget).build()")));
        // derived from one shared client: the same pool and dispatcher
        assertEquals(List.of(), items("src/main/java/a/SearchClient.java", BUILDER.formatted(
                "OkHttpClient shared", "this.shared = base.build();", "shared.newBuilder().callTimeout(budget).build()")));
    }

    private static final String LOADS = """
            package a;

            class Settings {
                void load(List<File> files, Properties props) throws IOException {
                    for (File f : files) {
                        %s
                    }
                    synchronized (props) {
                        %s
                    }
                }
            }
            """;

    @Test
    void a_stream_used_up_inside_a_loop_or_synchronized_block_is_reported_once_at_its_own_line() {
        assertEquals(List.of("6:RES-01", "9:RES-01"), items("src/main/java/a/Settings.java", LOADS.formatted(
                "props.load(new FileInputStream(f));", "props.load(new FileInputStream(\"site.properties\"));")));
        assertEquals(List.of(), items("src/main/java/a/Settings.java", LOADS.formatted("""
                try (InputStream in = new FileInputStream(f)) {
                                props.load(in);
                            }""", """
                try (InputStream in = new FileInputStream("site.properties")) {
                                props.load(in);
                            }""")));
    }

    private static final String CURSOR = """
            package a;

            public class Cursor implements AutoCloseable {
                private final PreparedStatement ps;
                private ResultSet rows;

                public Cursor(Connection connection, String sql) throws SQLException {
                    this.ps = connection.prepareStatement(sql);
                    ps.setQueryTimeout(30);
                }

                public boolean next() throws SQLException {
                    if (rows == null) {
                        rows = ps.executeQuery();
                    }
                    return rows.next();
                }

                @Override
                public void close() throws SQLException {
                    %s
                }
            }
            """;

    @Test
    void a_statement_kept_in_a_field_must_be_closed_by_the_objects_own_close() {
        assertEquals(List.of("8:RES-01"), items("src/main/java/a/Cursor.java", CURSOR.formatted("""
                if (rows != null) {
                            rows.close();
                        }""")));
        assertEquals(List.of(), items("src/main/java/a/Cursor.java", CURSOR.formatted("""
                try {
                            if (rows != null) {
                                rows.close();
                            }
                        } finally {
                            ps.close();
                        }""")));
    }

    @Test
    void a_statement_kept_by_an_object_without_a_close_of_its_own_is_left_to_the_connections_owner() {
        assertEquals(List.of(), items("src/main/java/a/Cursor.java", CURSOR.formatted("")
                .replace("implements AutoCloseable ", "").replace("@Override\n", "")
                .replace("public void close()", "public void reset()")));
    }
}
