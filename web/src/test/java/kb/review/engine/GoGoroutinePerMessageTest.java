package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-02's Go class of one goroutine per delivered message when the loop is a subscription: the client calls the
 * callback once per message, and a callback that only starts a goroutine returns at once, so nothing pushes back on
 * the broker. CONC-02: "A goroutine per request ... turn[s] a slow spell into memory", and its Bad example is a
 * goroutine started per message. The clean look-alikes take a worker slot on a semaphore channel before the launch
 * (the subscription waits while every worker is busy), or handle the message in the callback itself.
 */
class GoGoroutinePerMessageTest {

    private static String orders(String callback) {
        return GoNewFileDiffs.newFile("orders/listener.go", """
                package orders

                import "github.com/nats-io/nats.go"

                type Listener struct {
                	js    nats.JetStreamContext
                	slots chan struct{}
                }

                func (l *Listener) Start(subject string) error {
                	_, err := l.js.QueueSubscribe(subject, "orders", func(m *nats.Msg) {
                %s	}, nats.ManualAck())
                	return err
                }
                """.formatted(callback));
    }

    @Test
    void a_goroutine_per_delivered_message_is_found() {
        assertEquals(List.of("12:go-goroutine-per-delivered-message"),
                GoRound8ClassesTest.item(orders("\t\tgo l.apply(m)\n"), "CONC-02"));
    }

    @Test
    void a_worker_slot_taken_before_the_launch_is_clean() {
        String bounded = """
                		l.slots <- struct{}{}
                		go func() {
                			defer func() { <-l.slots }()
                			l.apply(m)
                		}()
                """;
        assertEquals(List.of(), GoRound8ClassesTest.item(orders(bounded), "CONC-02"));
    }

    private static String telemetry(String callback) {
        return GoNewFileDiffs.newFile("telemetry/mqtt.go", """
                package telemetry

                import mqtt "github.com/eclipse/paho.mqtt.golang"

                func (s *Sink) Listen(c mqtt.Client) {
                	c.Subscribe("devices/+/readings", 1, func(_ mqtt.Client, msg mqtt.Message) {
                %s	})
                }
                """.formatted(callback));
    }

    @Test
    void an_mqtt_callback_that_starts_a_goroutine_per_reading_is_found() {
        assertEquals(List.of("7:go-goroutine-per-delivered-message"),
                GoRound8ClassesTest.item(telemetry("\t\tgo s.store(msg.Topic(), msg.Payload())\n"), "CONC-02"));
    }

    @Test
    void an_mqtt_callback_that_stores_the_reading_itself_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(
                telemetry("\t\ts.store(msg.Topic(), msg.Payload())\n"), "CONC-02"));
    }
}
