package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go ERR-01 false classes of the eleventh held-out precision set (web/src/test/bench/realfixes/
 * precision-judgments-11.tsv), each pinned next to a true discard of the same shape, which must still be found. The
 * code is written for this test in the shape of the judged code. ERR-01 asks that an error be handled, returned, or
 * dropped only "where a comment says why ignoring it is safe"; each class below is a drop the review can see is no
 * lost failure.
 *
 * <ul>
 * <li>DQ, registering a Prometheus collector built in the file, or a plugin in a package's {@code init}: the client
 * library's {@code Register} fails only for an invalid or duplicate collector, and a registration in {@code init} runs
 * before any configuration is read, adding to a table of the process where only a duplicate name fails. Both are the
 * program's own definitions, the same at every start; nothing is carried on with a nil value. A {@code Register} of a
 * service with a remote registry, in a method that runs at serving time, stays reported, and so does a method of a
 * package variable called in {@code init} ({@code registry.Register(fd)}), which may do anything.</li>
 * <li>FK, writing the HTTP response on a writer the handler declares ({@code *restful.Response},
 * {@code http.ResponseWriter}): the write fails only when the client has gone, and the request it could fail is over.
 * A handler that drops the error of its own work before answering stays reported.</li>
 * <li>FA, a function documented as ignoring its errors ({@code // Best-effort: errors are ignored.}): the comment of why
 * that the item asks for. The same discard in a function whose comment does not say so stays reported.</li>
 * <li>BO, a function value the enclosing function declares whose type returns no error ({@code fn func(string, int32)
 * bool}): the {@code _} drops a bool. A callback declared to return an error stays reported.</li>
 * <li>EU, {@code strconv.Atoi} of the port of a TCP listener's own address: the standard library writes it as digits.
 * The same conversion of a port read from configuration stays reported.</li>
 * </ul>
 */
class PrecisionSet11ErrClassesTest {

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(newFile(path, code)).active().stream().filter(f -> f.item().equals("ERR-01"))
                .map(f -> f.path() + ":" + f.line()).sorted().toList();
    }

    private static String newFile(String path, String code) {
        String[] lines = code.split("\n", -1);
        int n = code.endsWith("\n") ? lines.length - 1 : lines.length;
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," + n + " @@\n");
        for (int i = 0; i < n; i++) {
            d.append('+').append(lines[i]).append('\n');
        }
        return d.toString();
    }

    @Test
    void registering_a_collector_the_file_builds_is_not_reported() {
        String code = """
                package metrics

                import "github.com/prometheus/client_golang/prometheus"

                var queueDepth prometheus.Gauge

                func InitMetrics(registry *prometheus.Registry) {
                \tqueueDepth = prometheus.NewGauge(prometheus.GaugeOpts{Name: "queue_depth"})
                \t_ = registry.Register(queueDepth)
                \t_ = registry.Register(prometheus.NewCounter(prometheus.CounterOpts{Name: "restarts"}))
                }
                """;
        assertEquals(List.of(), found("metrics/queue.go", code));
    }

    @Test
    void the_other_collectors_of_a_registry_the_file_registers_a_collector_with_are_not_reported() {
        String code = """
                package metrics

                import "github.com/prometheus/client_golang/prometheus"

                func registerConfigMetrics() {
                \tgroupTotal = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "group_total"}, []string{"ns"})
                \t_ = GetRegistry().Register(groupTotal)
                \t_ = GetRegistry().Register(fileTotal)
                }
                """;
        assertEquals(List.of(), found("metrics/config.go", code));
    }

    @Test
    void registering_a_service_with_a_registry_at_serving_time_is_reported() {
        String code = """
                package server

                func (s *Server) announce(instance *Instance) {
                \t_ = s.registry.Register(instance)
                \ts.log.Info("announced")
                }
                """;
        assertEquals(List.of("server/announce.go:4"), found("server/announce.go", code));
    }

    @Test
    void a_plugin_registered_in_init_is_not_reported() {
        String code = """
                package defaultauth

                import "example.com/app/auth"

                func init() {
                \t_ = auth.RegisterUserServer(&userAbility{})
                }
                """;
        assertEquals(List.of(), found("auth/defaultauth/default.go", code));
    }

    @Test
    void a_method_of_a_package_variable_called_in_init_is_reported() {
        String code = """
                package authpb

                func init() {
                \t_ = registry.Register(fileDescriptor)
                }
                """;
        assertEquals(List.of("api/authpb/auth.go:4"), found("api/authpb/auth.go", code));
    }

    @Test
    void other_work_in_init_keeps_its_error_reported() {
        String code = """
                package defaultauth

                import "example.com/app/auth"

                func init() {
                \t_ = auth.LoadPolicies("/etc/app/policies.yaml")
                }
                """;
        assertEquals(List.of("auth/defaultauth/load.go:6"), found("auth/defaultauth/load.go", code));
    }

    @Test
    void writing_the_response_of_a_handler_is_not_reported() {
        String code = """
                package httpserver

                import (
                \t"encoding/json"
                \t"net/http"

                \trestful "github.com/emicklei/go-restful/v3"
                )

                func (h *HTTPServer) GetClients(req *restful.Request, rsp *restful.Response) {
                \tret := h.clients.List()
                \t_ = rsp.WriteAsJson(ret)
                }

                func (h *HTTPServer) health(w http.ResponseWriter, r *http.Request) {
                \tw.WriteHeader(http.StatusOK)
                \t_ = json.NewEncoder(w).Encode(h.status())
                }
                """;
        assertEquals(List.of(), found("apiserver/httpserver/clients.go", code));
    }

    @Test
    void a_handler_dropping_the_error_of_its_work_is_reported() {
        String code = """
                package httpserver

                import restful "github.com/emicklei/go-restful/v3"

                func (h *HTTPServer) Reset(req *restful.Request, rsp *restful.Response) {
                \t_ = h.store.ResetCounters(req.PathParameter("id"))
                \t_ = rsp.WriteEntity("ok")
                }
                """;
        assertEquals(List.of("apiserver/httpserver/reset.go:6"), found("apiserver/httpserver/reset.go", code));
    }

    @Test
    void a_function_documented_as_ignoring_errors_is_not_reported() {
        String code = """
                package broker

                import "context"

                // rollbackSubscribe unsubscribes the channels already subscribed.
                // Best-effort: errors are ignored.
                func (b *Broker) rollbackSubscribe(channels []string) {
                \tfor _, conn := range b.conns {
                \t\t_ = conn.Unsubscribe(context.Background(), channels...)
                \t}
                }
                """;
        assertEquals(List.of(), found("broker/rollback.go", code));
    }

    @Test
    void the_same_discard_without_such_a_comment_is_reported() {
        String code = """
                package broker

                import "context"

                // resubscribe subscribes the channels again on every connection.
                func (b *Broker) resubscribe(channels []string) {
                \tfor _, conn := range b.conns {
                \t\t_ = conn.Subscribe(context.Background(), channels...)
                \t}
                }
                """;
        assertEquals(List.of("broker/resubscribe.go:8"), found("broker/resubscribe.go", code));
    }

    @Test
    void a_callback_returning_a_bool_is_not_reported() {
        String code = """
                package limit

                func (l *Listener) Range(fn func(host string, count int32) bool) {
                \tfor host, c := range l.conns {
                \t\t_ = fn(host, c.load())
                \t}
                }
                """;
        assertEquals(List.of(), found("common/limit/listener.go", code));
    }

    @Test
    void a_callback_returning_an_error_is_reported() {
        String code = """
                package limit

                func (l *Listener) Each(fn func(host string, count int32) error) {
                \tfor host, c := range l.conns {
                \t\t_ = fn(host, c.load())
                \t}
                }
                """;
        assertEquals(List.of("common/limit/each.go:5"), found("common/limit/each.go", code));
    }

    @Test
    void the_port_of_a_tcp_listeners_own_address_is_not_reported() {
        String code = """
                package startrpc

                import (
                \t"net"
                \t"strconv"
                )

                func listenAuto(host string) (net.Listener, int, error) {
                \tlistener, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
                \tif err != nil {
                \t\treturn nil, 0, err
                \t}
                \t_, portStr, _ := net.SplitHostPort(listener.Addr().String())
                \tport, _ := strconv.Atoi(portStr)
                \treturn listener, port, nil
                }
                """;
        assertEquals(List.of(), found("pkg/startrpc/listen.go", code));
    }

    @Test
    void the_port_of_a_configured_address_is_reported() {
        String code = """
                package startrpc

                import (
                \t"net"
                \t"strconv"
                )

                func listenConfigured(addr string) (net.Listener, int, error) {
                \tlistener, err := net.Listen("tcp", addr)
                \tif err != nil {
                \t\treturn nil, 0, err
                \t}
                \t_, portStr, _ := net.SplitHostPort(addr)
                \tport, _ := strconv.Atoi(portStr)
                \treturn listener, port, nil
                }
                """;
        assertEquals(List.of("pkg/startrpc/configured.go:14"), found("pkg/startrpc/configured.go", code));
    }
}
