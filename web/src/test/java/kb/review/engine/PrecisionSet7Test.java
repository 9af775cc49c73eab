package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of TRUE findings of the seventh held-out precision set (the newest 150 commits of clickhouse-go, badger,
 * go-nsq, gocraft/work, coder/websocket, Apollo, Canal, spring-amqp, Dropwizard and Zipkin, judged blind at f16f4f7:
 * web/src/test/bench/realfixes/precision-judgments-7.tsv), each next to a clean look-alike that must stay silent. Most
 * true classes sit beside a FALSE class of the same set that a later change will want to silence: a drain loop whose
 * catch-all swallows the interrupt beside one whose task catches Throwable (M); an INFO line per appended row beside
 * a line logged only when a value changes (CA); a goroutine that runs the protocol reader beside one that only waits
 * and returns a buffer to its pool (AH); a statement closed by hand beside a commit on the executor's own connection
 * (CH). These pairs fail if such a change takes the real defect with it. This class holds the Java classes; the Go
 * ones are in {@link PrecisionSet7GoTest}, which shares {@code only}. The code is written for this test, in the shape of
 * the judged code.
 */
class PrecisionSet7Test {

    static List<String> only(List<String> found, String item) {
        return found.stream().filter(s -> s.endsWith(":" + item)).toList();
    }

    // CONC-05: a clean-up loop whose condition tests isInterrupted() wraps poll and sleep in catch (Throwable) (Apollo's
    // release-history cleaner): the catch clears the interrupt, so the loop's own exit test never sees it

    private static final String CLEANER = """
            package a;

            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.TimeUnit;

            class Cleaner {
                void loop(BlockingQueue<Item> queue) {
                    while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
                        try {
                            Item item = queue.poll(1, TimeUnit.SECONDS);
                            if (item != null) {
                                clean(item);
                            } else {
                                TimeUnit.SECONDS.sleep(30);
                            }
                        } catch (Throwable t) {
                            log.error("clean-up failed", t);
                        }
                    }
                }
            }
            """;

    private static final String CLEANER_RESTORED = """
            package a;

            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.TimeUnit;

            class Cleaner2 {
                void loop(BlockingQueue<Item> queue) {
                    while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
                        try {
                            Item item = queue.poll(1, TimeUnit.SECONDS);
                            if (item != null) {
                                clean(item);
                            } else {
                                TimeUnit.SECONDS.sleep(30);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (Throwable t) {
                            log.error("clean-up failed", t);
                        }
                    }
                }
            }
            """;

    @Test
    void a_catch_all_that_swallows_the_interrupt_of_a_drain_loop_is_found_and_one_behind_a_restoring_catch_is_not() {
        assertEquals(List.of("16:CONC-05"), only(items("a/Cleaner.java", CLEANER), "CONC-05"));
        assertEquals(List.of(), only(items("a/Cleaner2.java", CLEANER_RESTORED), "CONC-05"));
    }

    // CONC-05: stop() cancels the task and waits on a latch, ignoring the interrupt of that wait (Canal's MQ runnable)

    private static final String STOP = """
            package a;

            import java.util.concurrent.CountDownLatch;

            class Runner {
                private final CountDownLatch finished = new CountDownLatch(1);

                void stop() {
                    running.set(false);
                    try {
                        task.cancel(true);
                        finished.await();
                    } catch (InterruptedException e) {
                        // ignore
                    }
                }
            }
            """;

    @Test
    void an_ignored_interrupt_while_waiting_for_a_stop_is_found_and_a_restored_one_is_not() {
        assertEquals(List.of("13:CONC-05"), only(items("a/Runner.java", STOP), "CONC-05"));
        assertEquals(List.of(), only(items("a/Runner.java", STOP.replace("// ignore",
                "Thread.currentThread().interrupt();")), "CONC-05"));
    }

    // LOG-01 (Java): an INFO line for every row appended to a batch buffer, inside a forEach lambda (Canal's ClickHouse
    // adapter). Its false neighbours log once when a computed value changes (CA) or call a getter named Info (BX).

    private static final String BUFFER = """
            package a;

            import java.util.List;

            class Buffer {
                void append(Config config, Event event) {
                    List<Row> rows = Row.split(event);
                    rows.forEach(row -> {
                        List<Row> pending = pools.computeIfAbsent(config, k -> new java.util.ArrayList<>());
                        synchronized (pending) {
                            pending.add(row);
                            logger.info("Appended one row to the pool, id {}", row.id());
                        }
                        if (pending.size() >= batchSize) flush(config);
                    });
                }
            }
            """;

    @Test
    void an_info_line_per_appended_row_is_found_and_a_counter_in_its_place_is_not() {
        assertEquals(List.of("12:LOG-01"), only(items("a/Buffer.java", BUFFER), "LOG-01"));
        assertEquals(List.of(), only(items("a/Buffer.java", BUFFER.replace(
                "logger.info(\"Appended one row to the pool, id {}\", row.id());", "appended.increment();")), "LOG-01"));
    }

    // RES-01 (Java): a socket created, configured and connected, then returned; when connect throws it is never closed
    // (Canal's MySQL socket pool): each failed attempt keeps a descriptor until the collector finds it

    private static final String SOCKET = """
            package a;

            import java.io.IOException;
            import java.net.Socket;
            import java.net.SocketAddress;

            class Sockets {
                static Socket open(SocketAddress address, int timeoutMillis) throws IOException {
                    Socket socket = new Socket();
                    socket.setSoTimeout(timeoutMillis);
                    socket.setTcpNoDelay(true);
                    socket.connect(address, timeoutMillis);
                    return socket;
                }
            }
            """;

    private static final String SOCKET_CLOSED = """
            package a;

            import java.io.IOException;
            import java.net.Socket;
            import java.net.SocketAddress;

            class Sockets2 {
                static Socket open(SocketAddress address, int timeoutMillis) throws IOException {
                    Socket socket = new Socket();
                    try {
                        socket.setSoTimeout(timeoutMillis);
                        socket.setTcpNoDelay(true);
                        socket.connect(address, timeoutMillis);
                        return socket;
                    } catch (IOException | RuntimeException e) {
                        socket.close();
                        throw e;
                    }
                }
            }
            """;

    @Test
    void a_socket_left_open_when_connect_fails_is_found_and_one_closed_before_the_rethrow_is_not() {
        assertEquals(List.of("9:RES-01"), only(items("a/Sockets.java", SOCKET), "RES-01"));
        assertEquals(List.of(), only(items("a/Sockets2.java", SOCKET_CLOSED), "RES-01"));
    }

    // RES-01 (Java): a statement on a long-lived connection closed by hand after execute (Canal's BatchExecutor): a
    // failing bind or execute leaves it open on that connection. Its false neighbour is getConn().commit() on the same
    // class (CH).

    private static final String BATCH = """
            package a;

            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.List;

            class Batch {
                private Connection conn;

                void run(String sql, List<Object> values) throws SQLException {
                    PreparedStatement ps = connection().prepareStatement(sql);
                    for (int i = 0; i < values.size(); i++) {
                        ps.setObject(i + 1, values.get(i));
                    }
                    ps.execute();
                    ps.close();
                }
            }
            """;

    private static final String BATCH_TRY = """
            package a;

            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import java.util.List;

            class Batch2 {
                private Connection conn;

                void run(String sql, List<Object> values) throws SQLException {
                    try (PreparedStatement ps = connection().prepareStatement(sql)) {
                        for (int i = 0; i < values.size(); i++) {
                            ps.setObject(i + 1, values.get(i));
                        }
                        ps.execute();
                    }
                }
            }
            """;

    @Test
    void a_statement_closed_by_hand_is_found_and_one_in_try_with_resources_is_not() {
        assertEquals(List.of("12:RES-01"), only(items("a/Batch.java", BATCH), "RES-01"));
        assertEquals(List.of(), only(items("a/Batch2.java", BATCH_TRY), "RES-01"));
    }

    // TMO-01 (Java): a mirrored DDL statement run with no query timeout (Canal's ClickHouse mirror)

    private static final String DDL = """
            package a;

            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;
            import javax.sql.DataSource;

            class Ddl2 {
                void apply(DataSource ds, String sql) throws SQLException {
                    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                        st.setQueryTimeout(30);
                        st.execute(sql);
                    }
                }
            }
            """;

    @Test
    void a_statement_without_a_query_timeout_is_found_and_one_with_a_timeout_is_not() {
        String bare = DDL.replace("Ddl2", "Ddl").replace("            st.setQueryTimeout(30);\n", "");
        assertEquals(List.of("10:TMO-01"), only(items("a/Ddl.java", JdbcConvention.kept(bare)), "TMO-01"));
        // with no query of the file bounded one by one, the bound is left to the pool or the driver (session 38)
        assertEquals(List.of(), only(items("a/Ddl.java", bare), "TMO-01"));
        assertEquals(List.of(), only(items("a/Ddl2.java", DDL), "TMO-01"));
    }
}
