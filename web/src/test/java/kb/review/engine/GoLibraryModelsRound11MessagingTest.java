package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-11 Go models of messaging clients (content/rules/models/go-libraries-5.yaml): a JetStream consume context
 * and KV watcher, go-nsq producers and consumers, an Azure Service Bus link, each holding a connection or a goroutine
 * until stopped or closed (RES-01), and amqp091's Consume, which shares a name and is not taken. Split from
 * {@link GoLibraryModelsRound11Test}: each defect is written as the pull request that introduces it, next to the
 * look-alike that honours the duty; {@code file} puts "package svc" and a blank line first, so a body's line n is the
 * file's line n + 2.
 */
class GoLibraryModelsRound11MessagingTest {

    // --- RES-01: a JetStream consume context pulls on its own goroutine until Stop or Drain
    private static final String JETSTREAM_CONSUME = """
            import (
            	"context"

            	"github.com/nats-io/nats.go/jetstream"
            )

            func drainOnce(ctx context.Context, cons jetstream.Consumer, handle func(jetstream.Msg)) error {
            	cc, err := cons.Consume(func(m jetstream.Msg) {
            		handle(m)
            		m.Ack()
            	})
            	if err != nil {
            		return err
            	}
            %s	<-ctx.Done()
            	return ctx.Err()
            }
            """;

    @Test
    void jetstream_consume_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("orders/worker.go", JETSTREAM_CONSUME.formatted("")), "RES-01"));
    }

    @Test
    void jetstream_consume_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("orders/worker.go", JETSTREAM_CONSUME.formatted("\tdefer cc.Stop()\n")), "RES-01"));
    }

    // --- amqp091's Consume(queue, ...) shares the name; its deliveries end with the channel, so it is not taken
    private static final String AMQP_CONSUME_LOOKALIKE = """
            import (
            	amqp "github.com/rabbitmq/amqp091-go"
            )

            type Listener struct {
            	ch *amqp.Channel
            }

            func (l *Listener) Listen(queue string, consumer string) (<-chan amqp.Delivery, error) {
            	deliveries, err := l.ch.Consume(queue, consumer, false, false, false, false, nil)
            	if err != nil {
            		return nil, err
            	}
            %s	return deliveries, nil
            }
            """;

    @Test
    void amqp_consume_lookalike_is_clean() {
        assertEquals(List.of(),
                item(file("orders/amqp.go", AMQP_CONSUME_LOOKALIKE.formatted("")), "RES-01"));
    }

    // --- RES-01: a JetStream KV watcher keeps its ordered consumer until Stop
    private static final String NATS_KV_WATCHER = """
            import (
            	"context"

            	"github.com/nats-io/nats.go/jetstream"
            )

            func firstChange(ctx context.Context, kv jetstream.KeyValue, key string) ([]byte, error) {
            	w, err := kv.Watch(ctx, key, jetstream.UpdatesOnly())
            	if err != nil {
            		return nil, err
            	}
            %s	select {
            	case e := <-w.Updates():
            		return e.Value(), nil
            	case <-ctx.Done():
            		return nil, ctx.Err()
            	}
            }
            """;

    @Test
    void nats_kv_watcher_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("config/watch.go", NATS_KV_WATCHER.formatted("")), "RES-01"));
    }

    @Test
    void nats_kv_watcher_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("config/watch.go", NATS_KV_WATCHER.formatted("\tdefer w.Stop()\n")), "RES-01"));
    }

    // --- RES-01: a go-nsq producer keeps its connection and goroutines until Stop
    private static final String NSQ_PRODUCER = """
            import (
            	"github.com/nsqio/go-nsq"
            )

            func publishAll(addr, topic string, msgs [][]byte) error {
            	p, err := nsq.NewProducer(addr, nsq.NewConfig())
            	if err != nil {
            		return err
            	}
            %s	for _, m := range msgs {
            		if err := p.Publish(topic, m); err != nil {
            			return err
            		}
            	}
            	return nil
            }
            """;

    @Test
    void nsq_producer_defect_is_reported() {
        assertEquals(List.of("8:go-resource-not-closed"),
                item(file("notify/publish.go", NSQ_PRODUCER.formatted("")), "RES-01"));
    }

    @Test
    void nsq_producer_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("notify/publish.go", NSQ_PRODUCER.formatted("\tdefer p.Stop()\n")), "RES-01"));
    }

    // --- RES-01: an Azure Service Bus receiver holds its AMQP link until Close(ctx)
    private static final String SERVICEBUS_SENDER = """
            import (
            	"context"

            	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"
            )

            func sendInvoice(ctx context.Context, conn string, body []byte) error {
            	client, err := azservicebus.NewClientFromConnectionString(conn, nil)
            	if err != nil {
            		return err
            	}
            	defer client.Close(ctx)
            	receiver, err := client.NewReceiverForQueue("replies", nil)
            	if err != nil {
            		return err
            	}
            %s	msgs, err := receiver.ReceiveMessages(ctx, 1, nil)
            	if err != nil {
            		return err
            	}
            	_ = msgs
            	return nil
            }
            """;

    @Test
    void servicebus_sender_defect_is_reported() {
        assertEquals(List.of("15:go-resource-not-closed"),
                item(file("billing/bus.go", SERVICEBUS_SENDER.formatted("")), "RES-01"));
    }

    @Test
    void servicebus_sender_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("billing/bus.go", SERVICEBUS_SENDER.formatted("\tdefer receiver.Close(ctx)\n")), "RES-01"));
    }

    // --- RES-01: a go-nsq consumer whose command loop returns once the consumer's StopChan is closed (it has stopped
    // by then) is clean; the same loop with an early return on a connect error before it is not

    private static final String NSQ_RUN = """
            import (
            	"github.com/nsqio/go-nsq"
            )

            func run(topic, channel string, lookupds []string, h nsq.Handler, term <-chan struct{}) error {
            	consumer, err := nsq.NewConsumer(topic, channel, nsq.NewConfig())
            	if err != nil {
            		return err
            	}
            	consumer.AddHandler(h)
            	if err := consumer.ConnectToNSQLookupds(lookupds); err != nil {
            %s		return err
            	}
            	for {
            		select {
            		case <-consumer.StopChan:
            			return nil
            		case <-term:
            			consumer.Stop()
            		}
            	}
            }
            """;

    @Test
    void a_consumer_dropped_on_a_connect_error_is_reported() {
        assertEquals(List.of("8:go-resource-not-closed"),
                item(file("relay/run.go", NSQ_RUN.formatted("")), "RES-01"));
    }

    @Test
    void a_consumer_whose_loop_returns_once_its_stop_channel_closes_is_clean() {
        assertEquals(List.of(), item(file("relay/run.go", NSQ_RUN.formatted("\t\tconsumer.Stop()\n")), "RES-01"));
    }
}
