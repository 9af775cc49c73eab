package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of FALSE findings of the seventh held-out precision set on the projects' own code
 * (web/src/test/bench/realfixes/precision-judgments-7.tsv), each pinned next to the defect of the same shape, which
 * must still be found. The code is written for this test, in the shape of the judged code; findings are compared as
 * "line:item".
 */
class PrecisionSet7ClassesTest {

    private static List<String> only(List<String> found, String item) {
        return found.stream().filter(s -> s.endsWith(":" + item)).toList();
    }

    // CONC-04, BW: per-thread state set on the main thread while an application starts. The main thread belongs to
    // no pool; the same puts in a request handler leave the request's value on a pool thread.

    private static final String STARTUP = """
            package a;

            import org.slf4j.MDC;

            class Assembly {
                static void SIGNATURE {
                    MDC.put("phase", "[starting:config] ");
                    Contexts.start("config", args);
                    MDC.put("phase", "[starting:portal] ");
                    Contexts.start("portal", args);
                    MDC.clear();
                }
            }
            """;

    @Test
    void mdc_put_on_the_main_thread_at_start_up_is_not_per_request_state() {
        assertEquals(List.of(), only(items("a/Assembly.java", STARTUP.replace("SIGNATURE", "main(String[] args)")),
                "CONC-04"));
        assertEquals(List.of(), only(items("a/Assembly.java", STARTUP.replace("SIGNATURE", "main(String... args)")),
                "CONC-04"));
        assertEquals(List.of("7:CONC-04", "9:CONC-04"), only(items("a/Assembly.java",
                STARTUP.replace("SIGNATURE", "handle(String[] args)")), "CONC-04"));
    }

    // CONC-04, CJ: a selector that holds one of the object's own long-lived values, chosen before every use, and the
    // constructor's default for its instance holder. A task that sets the one context value it carries keeps it.

    private static final String SELECTOR = """
            package a;

            class DualFactory {
                private final Factory primary;
                private final Factory reader;
                private final ThreadLocal<Factory> current = new ThreadLocal<>();

                DualFactory(Factory primary, Factory reader) {
                    this.primary = primary;
                    this.reader = reader;
                    this.current.set(DEFAULT);
                }

                Factory prepare(boolean readOnly) {
                    Factory f = CHOICE;
                    current.set(f);
                    return f;
                }

                Factory current() {
                    return current.get();
                }
            }
            """;

    @Test
    void a_thread_local_selector_of_the_objects_own_factories_is_not_per_request_state() {
        assertEquals(List.of(), only(items("a/DualFactory.java", SELECTOR.replace("DEFAULT", "primary")
                .replace("CHOICE", "readOnly ? reader : primary")), "CONC-04"));
        // the value comes from the caller: a request's own
        assertEquals(List.of("16:CONC-04"), only(items("a/DualFactory.java", SELECTOR.replace("DEFAULT", "primary")
                .replace("Factory prepare(boolean readOnly)", "Factory prepare(boolean readOnly, Factory mine)")
                .replace("CHOICE", "readOnly ? reader : mine")), "CONC-04"));
        // a constructor parameter that is not the field's value
        assertEquals(List.of("11:CONC-04"), only(items("a/DualFactory.java", SELECTOR.replace("DEFAULT", "tenant")
                .replace("DualFactory(Factory primary,", "DualFactory(Factory tenant, Factory primary,")
                .replace("CHOICE", "readOnly ? reader : primary")), "CONC-04"));
    }

    private static final String TASK = """
            package a;

            class Task implements Runnable {
                private static final ThreadLocal<User> CURRENT = new ThreadLocal<>();
                private final User user;

                Task(User user) {
                    this.user = user;
                }

                @Override
                public void run() {
                    CURRENT.set(user);
                    Work.on(user);
                }
            }
            """;

    @Test
    void a_task_setting_the_context_it_carries_on_a_pool_thread_is_still_reported() {
        assertEquals(List.of("13:CONC-04"), only(items("a/Task.java", TASK), "CONC-04"));
    }

    // CONC-04, CM: a per-thread scratch buffer made when the thread has none and kept on purpose. Storing a
    // caller's array instead keeps the caller's data on the thread.

    private static final String BUFFER = """
            package a;

            final class Buffers {
                static final ThreadLocal<char[]> SHORT = new ThreadLocal<>();

                static char[] shortBuffer(char[] given) {
                    char[] buf = SHORT.get();
                    if (buf == null) {
                        buf = VALUE;
                        SHORT.set(buf);
                    }
                    return buf;
                }
            }
            """;

    @Test
    void a_per_thread_scratch_buffer_cached_on_purpose_is_not_per_request_state() {
        assertEquals(List.of(), only(items("a/Buffers.java", BUFFER.replace("VALUE", "new char[256]")), "CONC-04"));
        assertEquals(List.of(), only(items("a/Buffers.java", BUFFER.replace("VALUE", "new StringBuilder(SIZE)")
                .replace("char[]", "StringBuilder")), "CONC-04"));
        assertEquals(List.of("10:CONC-04"), only(items("a/Buffers.java", BUFFER.replace("VALUE", "given")),
                "CONC-04"));
    }

    // TMO-02, CK: context.Background() as a timeout loop's "no deadline yet" value, watched for Done and never given
    // to a call; and the same value sent to that loop. Handing it to a call, or to a loop that passes on what it
    // receives, still drops the caller's context.

    private static final String TIMEOUTS = """
            package ws

            import "context"

            type Conn struct {
            \treadTimeout chan context.Context
            \tclosed      chan struct{}
            }

            func (c *Conn) timeoutLoop(ctx context.Context) {
            \treadCtx := context.Background()
            \tfor {
            \t\tselect {
            \t\tcase <-ctx.Done():
            \t\t\treturn
            \t\tcase readCtx = <-c.readTimeout:
            \t\tcase <-readCtx.Done():
            \t\t\tc.fail(readCtx.Err())
            \t\t\tUSE
            \t\t}
            \t}
            }

            func (c *Conn) read(ctx context.Context) {
            \tselect {
            \tcase <-c.closed:
            \tcase c.readTimeout <- ctx:
            \t}
            \tc.next()
            \tselect {
            \tcase <-c.closed:
            \tcase c.readTimeout <- context.Background():
            \t}
            }
            """;

    @Test
    void an_empty_context_kept_as_a_timeout_loops_no_deadline_value_drops_nothing() {
        assertEquals(List.of(), only(items("ws/conn.go", TIMEOUTS.replace("\t\t\tUSE\n", "")), "TMO-02"));
        // the watched variable is given to a call: the loop works with a fresh context
        assertEquals(List.of("11:TMO-02", "32:TMO-02"), only(items("ws/conn.go",
                TIMEOUTS.replace("USE", "c.flush(readCtx)")), "TMO-02"));
    }

    @Test
    void an_empty_context_given_to_a_call_is_still_a_drop() {
        assertEquals(List.of("11:TMO-02"), only(items("ws/conn.go", TIMEOUTS.replace("\t\t\tUSE\n", "")
                .replace("readCtx := context.Background()", "readCtx := c.start(context.Background())")), "TMO-02"));
    }

    // CONC-01, AH: goroutines that only coordinate others (stop, join, start, pool return, a library server's run)
    // run none of the program's code, so nothing in them panics for a recover to catch. One call into the program's
    // own code (a flush, a reset, a loop) keeps the finding.

    private static final String POOL = """
            package work

            import "sync"

            type worker struct {
            \tstopChan         chan struct{}
            \tdoneStoppingChan chan struct{}
            \tjoinChan         chan struct{}
            \tdoneJoiningChan  chan struct{}
            \tjobs             []string
            }

            func (w *worker) start() {
            \tgo w.loop()
            }

            func (w *worker) loop() {
            \tfor _, j := range w.jobs {
            \t\trun(j)
            \t}
            }

            func (w *worker) stop() {
            \tSTOP
            \t<-w.doneStoppingChan
            }

            func (w *worker) join() {
            \tw.joinChan <- struct{}{}
            \t<-w.doneJoiningChan
            }

            func stopAll(workers []*worker) {
            \tvar wg sync.WaitGroup
            \tfor _, w := range workers {
            \t\twg.Add(1)
            \t\tgo func(w *worker) {
            \t\t\tw.stop()
            \t\t\twg.Done()
            \t\t}(w)
            \t\tgo w.start()
            \t\tgo func() {
            \t\t\tw.join()
            \t\t}()
            \t}
            \twg.Wait()
            }
            """;

    @Test
    void goroutines_that_only_stop_join_or_start_others_run_no_program_code() {
        // the loop the start helper spawns runs the jobs: that goroutine is the one reported
        assertEquals(List.of("14:CONC-01"), only(items("work/pool.go", POOL.replace("STOP", "close(w.stopChan)")),
                "CONC-01"));
        // a stop helper that flushes first runs the program's code on the stopping goroutine
        assertEquals(List.of("14:CONC-01", "37:CONC-01"), only(items("work/pool.go",
                POOL.replace("STOP", "w.flush(); close(w.stopChan)")
                        + "\nfunc (w *worker) flush() {\n\tw.jobs = w.jobs[1:]\n}\n"), "CONC-01"));
    }

    private static final String SERVE = """
            package webui

            import (
            \t"net/http"
            \t"sync"
            )

            type Server struct {
            \tserver *http.Server
            \twg     sync.WaitGroup
            \tpool   sync.Pool
            }

            func (w *Server) Start(done chan struct{}, buf *Buffer) {
            \tw.wg.Add(1)
            \tgo func(w *Server) {
            \t\tFIRST
            \t\tw.server.ListenAndServe()
            \t\tw.wg.Done()
            \t}(w)
            \tgo func() {
            \t\t<-done
            \t\tSECOND
            \t\tw.pool.Put(buf)
            \t}()
            }
            """;

    @Test
    void goroutines_that_only_run_a_library_server_or_put_back_into_a_pool_run_no_program_code() {
        assertEquals(List.of(), only(items("webui/webui.go", SERVE.replace("\t\tFIRST\n", "")
                .replace("\t\tSECOND\n", "")), "CONC-01"));
        assertEquals(List.of("16:CONC-01", "21:CONC-01"), only(items("webui/webui.go",
                SERVE.replace("FIRST", "w.loadTemplates()").replace("SECOND", "buf.Reset()")), "CONC-01"));
    }

    // CONC-01 (Java), AH: an awaiter thread whose task is one join, restoring the interrupt that ends it.

    private static final String AWAITER = """
            package a;

            class ServerCommand {
                void run(Server server) throws Exception {
                    server.start();
                    new Thread(() -> {
                        try {
                            server.join();
                            AFTER
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "awaiter").start();
                }
            }
            """;

    @Test
    void an_awaiter_thread_that_only_joins_runs_no_program_code() {
        assertEquals(List.of(), only(items("a/ServerCommand.java", AWAITER.replace("                AFTER\n", "")),
                "CONC-01"));
        assertEquals(List.of("6:CONC-01"), only(items("a/ServerCommand.java", AWAITER.replace("AFTER",
                "Reports.write(server);")), "CONC-01"));
    }

    // RES-01 (Java), CH: a lazy getter that keeps the connection it opened in a field lends the object's connection;
    // getConn().commit() opens nothing. A getter that opens a fresh connection on every call leaks one there.

    private static final String EXECUTOR = """
            package a;

            import java.sql.Connection;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            class BatchExecutor implements AutoCloseable {
                private final DataSource dataSource;
                private Connection conn;

                BatchExecutor(DataSource dataSource) {
                    this.dataSource = dataSource;
                }

                Connection getConn() throws SQLException {
                    BODY
                }

                void commit() throws SQLException {
                    getConn().commit();
                }

                @Override
                public void close() throws SQLException {
                    if (conn != null) {
                        conn.close();
                    }
                }
            }
            """;

    @Test
    void a_lazy_getter_of_the_objects_connection_lends_it() {
        assertEquals(List.of(), only(items("a/BatchExecutor.java", EXECUTOR.replace("BODY",
                "if (conn == null) {\n            conn = dataSource.getConnection();\n        }\n        return conn;")),
                "RES-01"));
        assertEquals(List.of("21:RES-01"), only(items("a/BatchExecutor.java", EXECUTOR.replace("BODY",
                "Connection fresh = dataSource.getConnection();\n        return fresh;")), "RES-01"));
    }
}
