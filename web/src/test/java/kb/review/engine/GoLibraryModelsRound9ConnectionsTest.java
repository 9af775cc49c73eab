package kb.review.engine;

import static kb.review.engine.GoLibraryModelsRound9Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-9 Go models of connections, processes, watchers and spans (content/rules/models/go-libraries-2.yaml): a
 * confluent-kafka-go producer, an upgraded websocket and an ssh session left open, a started command not waited for,
 * an OpenTelemetry span not ended and an fsnotify watcher dropped on a failure (RES-01). Split from
 * {@link GoLibraryModelsRound9Test}, whose {@code items} check they share: each defect is paired with the look-alike
 * that releases the value by defer or hands it to the caller; findings are compared as "line:item".
 */
class GoLibraryModelsRound9ConnectionsTest {

    // --- a confluent-kafka-go producer not closed on an early return / closed by defer ---

    private static final String CONFLUENT_PRODUCER = """
            package events

            import (
            \t"errors"

            \t"github.com/confluentinc/confluent-kafka-go/v2/kafka"
            )

            func Emit(brokers, topic string, payload []byte) error {
            \tp, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": brokers})
            \tif err != nil {
            \t\treturn err
            \t}
            %s\tif len(payload) == 0 {
            \t\treturn errors.New("empty payload")
            \t}
            \treturn p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic}, Value: payload}, nil)
            }
            """;

    @Test
    void go_confluent_producer_defect_is_reported() {
        assertEquals(List.of("10:RES-01"), items("events/emit.go", CONFLUENT_PRODUCER.formatted("")));
    }

    @Test
    void go_confluent_producer_look_alike_is_clean() {
        assertEquals(List.of(), items("events/emit.go", CONFLUENT_PRODUCER.formatted("\tdefer p.Close()\n")));
    }

    // --- an upgraded websocket connection never closed / closed by defer ---

    private static final String WEBSOCKET_UPGRADE = """
            package live

            import (
            \t"net/http"

            \t"github.com/gorilla/websocket"
            )

            var upgrader = websocket.Upgrader{}

            func Echo(w http.ResponseWriter, r *http.Request) {
            \tconn, err := upgrader.Upgrade(w, r, nil)
            \tif err != nil {
            \t\treturn
            \t}
            %s\tfor {
            \t\tmt, msg, err := conn.ReadMessage()
            \t\tif err != nil {
            \t\t\treturn
            \t\t}
            \t\tif err := conn.WriteMessage(mt, msg); err != nil {
            \t\t\treturn
            \t\t}
            \t}
            }
            """;

    @Test
    void go_websocket_upgrade_defect_is_reported() {
        assertEquals(List.of("12:RES-01"), items("live/socket.go", WEBSOCKET_UPGRADE.formatted("")));
    }

    @Test
    void go_websocket_upgrade_look_alike_is_clean() {
        assertEquals(List.of(), items("live/socket.go", WEBSOCKET_UPGRADE.formatted("\tdefer conn.Close()\n")));
    }

    // --- a started command not waited for on a read error / waited for on the read error too ---

    private static final String EXEC_START = """
            package tools

            import (
            \t"io"
            \t"os/exec"
            )

            func FirstBytes(name string, n int) ([]byte, error) {
            \tcmd := exec.Command(name)
            \tout, err := cmd.StdoutPipe()
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tif err := cmd.Start(); err != nil {
            \t\treturn nil, err
            \t}
            \tbuf := make([]byte, n)
            \tif _, err := io.ReadFull(out, buf); err != nil {
            %s\t\treturn nil, err
            \t}
            \treturn buf, cmd.Wait()
            }
            """;

    @Test
    void go_exec_start_defect_is_reported() {
        assertEquals(List.of("14:RES-01"), items("tools/run.go", EXEC_START.formatted("")));
    }

    @Test
    void go_exec_start_look_alike_is_clean() {
        assertEquals(List.of(), items("tools/run.go", EXEC_START.formatted("\t\t_ = cmd.Wait()\n")));
    }

    // --- an OpenTelemetry span not ended on an early return / ended by defer ---

    private static final String OTEL_SPAN = """
            package billing

            import (
            \t"context"
            \t"errors"

            \t"go.opentelemetry.io/otel/trace"
            )

            type Service struct {
            \ttracer trace.Tracer
            }

            func (s *Service) Charge(ctx context.Context, cents int64) error {
            \tctx, span := s.tracer.Start(ctx, "charge")
            %s\tif cents <= 0 {
            \t\treturn errors.New("nothing to charge")
            \t}
            \treturn s.send(ctx, cents)
            }

            func (s *Service) send(ctx context.Context, cents int64) error { return nil }
            """;

    @Test
    void go_otel_span_defect_is_reported() {
        assertEquals(List.of("15:RES-01"), items("billing/charge.go", OTEL_SPAN.formatted("")));
    }

    @Test
    void go_otel_span_look_alike_is_clean() {
        assertEquals(List.of(), items("billing/charge.go", OTEL_SPAN.formatted("\tdefer span.End()\n")));
    }

    // --- an ssh session not closed / closed by defer ---

    private static final String SSH_SESSION = """
            package remote

            import (
            \t"golang.org/x/crypto/ssh"
            )

            func Uptime(client *ssh.Client) (string, error) {
            \tsess, err := client.NewSession()
            \tif err != nil {
            \t\treturn "", err
            \t}
            %s\tout, err := sess.Output("uptime")
            \tif err != nil {
            \t\treturn "", err
            \t}
            \treturn string(out), nil
            }
            """;

    @Test
    void go_ssh_session_defect_is_reported() {
        assertEquals(List.of("8:RES-01"), items("remote/exec.go", SSH_SESSION.formatted("")));
    }

    @Test
    void go_ssh_session_look_alike_is_clean() {
        assertEquals(List.of(), items("remote/exec.go", SSH_SESSION.formatted("\tdefer sess.Close()\n")));
    }

    // --- an fsnotify watcher dropped when adding a path fails / closed on the failure, returned otherwise ---

    private static final String FSNOTIFY_WATCHER = """
            package config

            import (
            \t"github.com/fsnotify/fsnotify"
            )

            func Watch(paths []string) (*fsnotify.Watcher, error) {
            \tw, err := fsnotify.NewWatcher()
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tfor _, p := range paths {
            \t\tif err := w.Add(p); err != nil {
            %s\t\t\treturn nil, err
            \t\t}
            \t}
            \treturn w, nil
            }
            """;

    @Test
    void go_fsnotify_watcher_defect_is_reported() {
        assertEquals(List.of("8:RES-01"), items("config/watch.go", FSNOTIFY_WATCHER.formatted("")));
    }

    @Test
    void go_fsnotify_watcher_look_alike_is_clean() {
        assertEquals(List.of(), items("config/watch.go", FSNOTIFY_WATCHER.formatted("\t\t\tw.Close()\n")));
    }
}
