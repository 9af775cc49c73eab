package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go look-alikes from the third held-out round's class list, the shapes real code has that only resemble a leak (each
 * code sample our own): a name shared by an unrelated type, a dial callback built by a helper, a timer that fires once,
 * a ticker that belongs to the enclosing function, a returned type assertion, a package-qualified call, and an error
 * named with a prefix. Each sits next to the look-alike of the other verdict. Split from {@link GoRound3ClassesTest}.
 */
class GoRound3LookAlikeClassesTest {

    // --- real-code look-alikes: a name shared by an unrelated type, a dial callback built by a helper

    private static final String SAME_NAME = """
            package store

            type Archive struct{ dir string }

            func (a *Archive) Open() (*os.File, error) {
            \treturn os.Open(filepath.Join(a.dir, "archive.tar"))
            }

            func Entries(a *Archive, v *vault.Vault) error {
            \tr, err := %s.Open()
            \tif err != nil {
            \t\treturn err
            \t}
            \t_, err = io.Copy(io.Discard, r)
            \treturn err
            }
            """;

    @Test
    void only_a_method_of_the_receivers_declared_type_hands_over_what_it_returns() {
        assertEquals(List.of("10:RES-01"), items("store/archive.go", SAME_NAME.formatted("a")));
        // an unrelated type's Open (a project's own vault; a *zip.File's Open is a modelled acquisition since
        // go-libraries-5.yaml, whose entry reader is the caller's to close)
        assertEquals(List.of(), items("store/archive.go", SAME_NAME.formatted("v")));
    }

    @Test
    void what_a_closure_built_by_the_helper_dials_and_returns_is_the_closures() {
        assertEquals(List.of(), items("proxy/dialer.go", """
                package proxy

                type dialFunc func(network, addr string) (net.Conn, error)

                func viaSocks(dialer *net.Dialer) dialFunc {
                \treturn func(network, addr string) (net.Conn, error) {
                \t\tc, err := dialer.Dial(network, addr)
                \t\tif err != nil {
                \t\t\treturn nil, err
                \t\t}
                \t\treturn c, nil
                \t}
                }

                func Probe(dialer *net.Dialer, addr string) error {
                \tdial := viaSocks(dialer)
                \tc, err := dial("tcp", addr)
                \tif err != nil {
                \t\treturn err
                \t}
                \treturn c.Close()
                }
                """));
    }

    @Test
    void a_timer_fires_once_and_needs_no_stop_but_a_ticker_does() {
        String code = """
                package poll

                func Wait(ctx context.Context, d time.Duration) error {
                \tt := time.%s(d)
                \tselect {
                \tcase <-ctx.Done():
                \t\treturn ctx.Err()
                \tcase <-t.C:
                \t\treturn nil
                \t}
                }
                """;
        assertEquals(List.of(), items("poll/wait.go", code.formatted("NewTimer")));
        assertEquals(List.of("4:RES-01"), items("poll/wait.go", code.formatted("NewTicker")));
    }

    private static final String OUTER = """
            package monitor

            func Run(ctx context.Context, every time.Duration) {
            \tvar tick *time.Ticker
            \tstart := func() {
            \t\t%s
            \t\ttick = time.NewTicker(every)
            \t}
            \tstart()
            \tdefer tick.Stop()
            \t<-ctx.Done()
            }
            """;

    @Test
    void a_ticker_assigned_to_a_variable_of_the_enclosing_function_is_that_functions_to_stop() {
        assertEquals(List.of(), items("monitor/run.go", OUTER.formatted("// the outer tick")));
        assertEquals(List.of("7:RES-01"), items("monitor/run.go", OUTER.formatted("var tick *time.Ticker // shadows it")));
    }

    private static final String ASSERTED = """
            package tunnel

            func Open(d *net.Dialer, addr string) (io.ReadWriteCloser, error) {
            \tc, err := d.Dial("tcp", addr)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \treturn %s, nil
            }
            """;

    @Test
    void returning_a_type_assertion_of_the_connection_hands_the_connection_over() {
        assertEquals(List.of(), items("tunnel/open.go", ASSERTED.formatted("c.(io.ReadWriteCloser)")));
        assertEquals(List.of("4:RES-01"), items("tunnel/open.go", ASSERTED.formatted("io.ReadWriteCloser(nil)")));
    }

    @Test
    void a_package_qualified_call_is_not_resolved_to_a_same_named_function_of_another_package() {
        String helper = """
                package codec

                func New(c net.Conn) string {
                \treturn c.RemoteAddr().String()
                }
                """;
        String caller = """
                package dial

                import "example.com/x/%s"

                func Wrap(d *net.Dialer, addr string) (net.Conn, error) {
                \tc, err := d.Dial("tcp", addr)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \treturn %s.New(c).WithDeadline(time.Second), nil
                }
                """;
        // deadline.New may keep the connection (unseen); codec.New, seen, only reads it
        assertEquals(List.of(), itemsOf(LifecycleRulesTest.newFile("codec/codec.go", helper)
                + LifecycleRulesTest.newFile("dial/wrap.go", caller.formatted("deadline", "deadline"))));
        assertEquals(List.of("6:RES-01"), itemsOf(LifecycleRulesTest.newFile("codec/codec.go", helper)
                + LifecycleRulesTest.newFile("dial/wrap.go", caller.formatted("codec", "codec"))));
    }

    private static final String PREFIXED_ERR = """
            package auth

            func Check(c *http.Client, req *http.Request) (int, error) {
            \tauthResp, authErr := c.Do(req)
            \tif authErr != nil {
            \t\treturn 0, authErr
            \t}
            \t%s
            \treturn authResp.StatusCode, nil
            }
            """;

    @Test
    void an_error_named_with_a_prefix_guards_the_return_where_nothing_was_acquired() {
        assertEquals(List.of(), items("auth/check.go", PREFIXED_ERR.formatted("defer authResp.Body.Close()")));
        assertEquals(List.of("4:RES-02"), items("auth/check.go", PREFIXED_ERR.formatted("// body left open")));
    }

    private static List<String> itemsOf(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().startsWith("RES"))
                .map(f -> f.path() + ":" + f.line() + ":" + f.item()).map(x -> x.replaceFirst("^.*/wrap\\.go:", ""))
                .sorted().toList();
    }
}
