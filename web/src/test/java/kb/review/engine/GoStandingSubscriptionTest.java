package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RES-01 for NATS subscriptions: one made per session, request or job (a per-user subject, an inbox) and never
 * unsubscribed piles up on the shared connection, with its pending buffer and delivery goroutine, which is a handle
 * not closed on every path. A standing consumer is not: a queue-group subscription (the service's instances share the
 * subject's messages) or one bound to a named durable consumer is made for the connection's life and ended by the
 * connection's Drain or Close, so its handle is dropped by design and no path leaks it (held-out round 16, go-ok-07).
 */
class GoStandingSubscriptionTest {

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).findings().stream()
                .filter(f -> f.item().equals("RES-01") && f.suppression() == null)
                .map(f -> f.line() + ":" + f.rule()).toList();
    }

    private static final String PER_DEVICE = """
            diff --git a/telemetry/devices.go b/telemetry/devices.go
            new file mode 100644
            --- /dev/null
            +++ b/telemetry/devices.go
            @@ -0,0 +1,24 @@
            +package telemetry
            +
            +import (
            +	"fmt"
            +
            +	"github.com/nats-io/nats.go"
            +)
            +
            +type Hub struct {
            +	nc      *nats.Conn
            +	samples chan []byte
            +}
            +
            +// Attach forwards the samples of one device while it is connected.
            +func (h *Hub) Attach(deviceID string) error {
            +	_, err := h.nc.Subscribe("devices."+deviceID+".samples", func(m *nats.Msg) {
            +		h.samples <- m.Data
            +	})
            +	if err != nil {
            +		return fmt.Errorf("attach %s: %w", deviceID, err)
            +	}
            +	return nil
            +}
            +
            """;

    /** The service's consumer of all devices: one queue group shared by its instances, for the connection's life. */
    private static final String QUEUE_GROUP = PER_DEVICE
            .replace("// Attach forwards the samples of one device while it is connected.",
                    "// Consume forwards every device's samples; the instances of the service share them.")
            .replace("func (h *Hub) Attach(deviceID string) error {", "func (h *Hub) Consume(group string) error {")
            .replace("_, err := h.nc.Subscribe(\"devices.\"+deviceID+\".samples\", func(m *nats.Msg) {",
                    "_, err := h.nc.QueueSubscribe(\"devices.*.samples\", group, func(m *nats.Msg) {")
            .replace("return fmt.Errorf(\"attach %s: %w\", deviceID, err)",
                    "return fmt.Errorf(\"consume as %s: %w\", group, err)");

    /** A JetStream push consumer bound to a durable name: the server keeps its position between restarts. */
    private static final String DURABLE = PER_DEVICE
            .replace("func (h *Hub) Attach(deviceID string) error {",
                    "func (h *Hub) Attach(js nats.JetStreamContext, deviceID string) error {")
            .replace("_, err := h.nc.Subscribe(\"devices.\"+deviceID+\".samples\", func(m *nats.Msg) {",
                    "_, err := js.Subscribe(\"devices.\"+deviceID+\".samples\", func(m *nats.Msg) {")
            .replace("\t})\n", "\t}, nats.Durable(\"samples-\"+deviceID))\n");

    @Test
    void a_per_device_subscription_dropped_leaks_and_a_standing_consumer_does_not() {
        assertEquals(List.of("16:go-resource-not-closed"), found(PER_DEVICE));
        assertEquals(List.of(), found(QUEUE_GROUP));
        assertEquals(List.of(), found(DURABLE));
    }
}
