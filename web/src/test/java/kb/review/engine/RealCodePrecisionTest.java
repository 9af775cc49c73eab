package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * False-positive classes found by running the review over real projects (a JDBC pool, a JDBC helper library, a
 * Spring Boot shop, a Go metrics gateway), each next to the defect of the same shape that must still be reported.
 */
class RealCodePrecisionTest {

    private static final String WRAPPED = """
            package a;

            class TrackingConnection {
                private final List<Statement> open = new ArrayList<>();
                private final Connection delegate;

                Statement createStatement() throws SQLException {
                    return %s(delegate.createStatement());
                }

                private Statement track(Statement s) {
                    open.add(s);
                    return s;
                }

                private Statement peek(Statement s) throws SQLException {
                    System.out.println(s.getWarnings());
                    return null;
                }
            }
            """;

    @Test
    void a_statement_handed_to_a_helper_that_keeps_it_is_handed_over() {
        assertEquals(List.of(), items("src/main/java/a/TrackingConnection.java", WRAPPED.formatted("track")));
    }

    @Test
    void a_statement_handed_to_a_helper_that_only_reads_it_is_still_leaked() {
        assertEquals(List.of("8:RES-01"), items("src/main/java/a/TrackingConnection.java", WRAPPED.formatted("peek")));
    }

    @Test
    void a_stream_given_to_a_models_borrower_in_one_expression_is_still_leaked() {
        assertEquals(List.of("5:RES-01"), items("src/main/java/a/Config.java", """
                package a;

                class Config {
                    void load(Properties props, File f) throws IOException {
                        props.load(new FileInputStream(f));
                    }
                }
                """));
    }

    private static final String FACTORY = """
            package a;

            class Calls {
                protected CallableStatement prepareCall(Connection conn, String sql) throws SQLException {
                    %s
                }
            }
            """;

    @Test
    void a_factory_method_returning_a_new_statement_leaves_the_query_timeout_to_its_caller() {
        assertEquals(List.of(), items("src/main/java/a/Calls.java", FACTORY.formatted("return conn.prepareCall(sql);")));
    }

    @Test
    void a_statement_executed_in_the_same_return_still_needs_its_timeout() {
        List<String> found = items("src/main/java/a/Calls.java", JdbcConvention.kept(FACTORY.formatted(
                "return conn.prepareCall(sql).executeQuery() == null ? null : null;")));
        assertEquals(true, found.contains("5:TMO-01"), found.toString());
    }

    @Test
    void a_pool_built_in_a_local_and_copied_into_a_field_is_built_once() {
        String code = """
                package a;

                class Timeouts {
                    private Executor netTimeoutExecutor;

                    void createExecutor(ThreadFactory tf) {
                        ThreadPoolExecutor executor = (ThreadPoolExecutor) Executors.newFixedThreadPool(2, tf);
                        executor.allowCoreThreadTimeOut(true);
                        %s
                    }
                }
                """;
        List<String> kept = items("src/main/java/a/Timeouts.java", code.formatted("netTimeoutExecutor = executor;"));
        assertEquals(false, kept.contains("7:RES-04"), kept.toString());
        List<String> lost = items("src/main/java/a/Timeouts.java", code.formatted("executor.execute(this::ping);"));
        assertEquals(true, lost.contains("7:RES-04"), lost.toString());
    }

    private static final String FILL = """
            package a;

            class Filler {
                void fill(Pool pool) {
                    while (pool.needsMore()) {
                        Entry e = pool.create();
                        if (e != null) {
                            pool.add(e);
                            log.info("added connection {}", e);
                            %s
                        }
                    }
                }
            }
            """;

    @Test
    void a_log_followed_by_break_runs_once_when_the_loop_ends() {
        assertEquals(List.of(), items("src/main/java/a/Filler.java", FILL.formatted("break;")));
        assertEquals(List.of("9:LOG-01"), items("src/main/java/a/Filler.java", FILL.formatted("pool.touch();")));
    }

    @Test
    void console_output_in_a_command_line_main_is_not_a_hot_path() {
        String code = """
                package a;

                class Generator {
                    public static void main(String[] args) {
                        for (String w : generate(args)) {
                            System.out.println(w);
                        }
                    }

                    void serve(List<String> items) {
                        for (String w : items) {
                            System.out.println(w);
                        }
                    }
                }
                """;
        assertEquals(List.of("12:LOG-01"), items("src/main/java/a/Generator.java", code));
    }

    @Test
    void a_go_file_whose_open_failed_with_not_exist_holds_nothing_on_that_branch() {
        String code = """
                package store

                func (s *Store) restore() error {
                	f, err := os.Open(s.path)
                	if os.IsNotExist(err) {
                		return nil
                	}
                	%s
                	defer f.Close()
                	return gob.NewDecoder(f).Decode(&s.groups)
                }
                """;
        assertEquals(List.of(), GoMissedClassesTest.items("store/store.go",
                code.formatted("if err != nil {\n\t\treturn err\n\t}")));
        assertEquals(List.of("4:RES-01"), GoMissedClassesTest.items("store/store.go", code.formatted(
                "if s.readOnly {\n\t\treturn nil\n\t}\n\tif err != nil {\n\t\treturn err\n\t}")));
    }

    @Test
    void a_go_loop_over_errors_logs_failures_not_every_request() {
        String code = """
                package push

                func drain(errCh chan error, items []string, logger *slog.Logger) {
                	for err := range errCh {
                		logger.Error("push failed", "err", err)
                	}
                	for _, it := range items {
                		logger.Info("pushed", "item", it)
                	}
                }
                """;
        assertEquals(List.of("8:LOG-01"), GoMissedClassesTest.items("push/push.go", code));
    }

    // From a coordination service's admin client and quorum code (round 4 of the real-code runs): streams taken
    // from a socket, and wrappers around them, are released by the socket's close, also behind its null check;
    // a socket's streams are not a duty of a method that does not own the socket.
    private static final String ADMIN = """
            package a;

            class Admin {
                String ask(String host, int port, byte[] cmd) throws IOException {
                    Socket s = null;
                    try {
                        s = new Socket();
                        s.setSoTimeout(5000);
                        s.connect(new InetSocketAddress(host, port), 5000);
                        DataInputStream in = new DataInputStream(s.getInputStream());
                        OutputStream out = s.getOutputStream();
                        out.write(cmd);
                        return in.readUTF();
                    } finally {
                        if (s != null) {
                            %s
                        }
                    }
                }

                void greet(Socket peer) throws IOException {
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(peer.getOutputStream()));
                    out.writeUTF("hello");
                    out.flush();
                }
            }
            """;

    @Test
    void streams_taken_from_a_socket_close_with_the_socket() {
        assertEquals(List.of(), items("src/main/java/a/Admin.java", ADMIN.formatted("s.close();")));
    }

    @Test
    void a_socket_not_closed_on_every_path_is_still_reported_once() {
        assertEquals(List.of("7:RES-01"), items("src/main/java/a/Admin.java", ADMIN.formatted("s.shutdownOutput();")));
    }

    private static final String SELECTOR = """
            package a;

            class Connector {
                private final Selector selector;
                private SelectionKey key;

                void connect(InetSocketAddress addr) throws IOException {
                    SocketChannel ch = SocketChannel.open();
                    try {
                        ch.configureBlocking(false);
                        %s
                    } catch (IOException e) {
                        ch.close();
                        throw e;
                    }
                }

                private void register(SocketChannel ch, InetSocketAddress addr) throws IOException {
                    key = ch.register(selector, SelectionKey.OP_CONNECT);
                    ch.connect(addr);
                }

                private void check(SocketChannel ch) throws IOException {
                    System.out.println(ch.isOpen());
                }
            }
            """;

    @Test
    void a_channel_a_helper_registers_with_a_selector_is_the_selectors() {
        assertEquals(List.of(), items("src/main/java/a/Connector.java", SELECTOR.formatted("register(ch, addr);")));
        assertEquals(List.of("8:RES-01"), items("src/main/java/a/Connector.java", SELECTOR.formatted("check(ch);")));
    }
}
