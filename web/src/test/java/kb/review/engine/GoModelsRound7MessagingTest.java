package kb.review.engine;

import static kb.review.engine.GoModelsRound7Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go messaging models of content/rules/models/go-messaging.yaml: sarama clients and producers, kafka-go writers and
 * readers, NATS connections and amqp091 connections and channels, each entry's duty as its library documents it
 * (close, drain; build once and share), with the leak next to the clean look-alike of the same shape. Split from
 * {@link GoModelsRound7Test}, whose {@code items} check they share. Fixtures are our own code of the class.
 */
class GoModelsRound7MessagingTest {

    // --- sarama: clients, producers and consumers must be closed; producers are built once

    private static final String SARAMA_RUN = """
            package processor

            import "github.com/IBM/sarama"

            func (p *Processor) Run() error {
            \tclient, err := sarama.NewClient(p.brokers, p.config)
            \tif err != nil {
            \t\treturn err
            \t}
            %s\ttopics, err := client.Topics()
            \tif err != nil {
            \t\treturn err
            \t}
            \treturn p.check(topics)
            }
            """;

    @Test
    void a_sarama_client_never_closed_is_reported() {
        assertEquals(List.of("6:RES-01"), items("processor/run.go", SARAMA_RUN.formatted("")));
    }

    @Test
    void a_sarama_client_closed_by_defer_is_clean() {
        assertEquals(List.of(), items("processor/run.go", SARAMA_RUN.formatted("\tdefer client.Close()\n")));
    }

    private static final String SARAMA_SEND = """
            package events

            import "github.com/IBM/sarama"

            type Publisher struct {
            \tbrokers  []string
            \tproducer sarama.SyncProducer
            }

            %s
            """;

    @Test
    void a_sarama_producer_built_per_message_is_reported_even_when_closed() {
        String send = """
                func (p *Publisher) Publish(topic string, value []byte) error {
                \tproducer, err := sarama.NewSyncProducer(p.brokers, nil)
                \tif err != nil {
                \t\treturn err
                \t}
                \tdefer producer.Close()
                \t_, _, err = producer.SendMessage(&sarama.ProducerMessage{Topic: topic, Value: sarama.ByteEncoder(value)})
                \treturn err
                }""";
        assertEquals(List.of("11:RES-04"), items("events/publish.go", SARAMA_SEND.formatted(send)));
    }

    @Test
    void a_sarama_producer_built_in_the_constructor_and_kept_is_clean() {
        String built = """
                func NewPublisher(brokers []string) (*Publisher, error) {
                \tproducer, err := sarama.NewSyncProducer(brokers, nil)
                \tif err != nil {
                \t\treturn nil, err
                \t}
                \treturn &Publisher{brokers: brokers, producer: producer}, nil
                }

                func (p *Publisher) Close() error {
                \treturn p.producer.Close()
                }""";
        assertEquals(List.of(), items("events/publish.go", SARAMA_SEND.formatted(built)));
    }

    // --- segmentio/kafka-go: a Writer is built once and shared; a Reader is closed

    private static final String KAFKA_PUSH = """
            package events

            import (
            \t"context"

            \t"github.com/segmentio/kafka-go"
            )

            type Client struct {
            \tbrokers []string
            \twriter  *kafka.Writer
            }

            %s
            """;

    @Test
    void a_kafka_go_writer_literal_per_message_is_reported() {
        String push = """
                func (c *Client) Push(ctx context.Context, topic string, msg kafka.Message) error {
                \tw := &kafka.Writer{Addr: kafka.TCP(c.brokers...), Topic: topic}
                \tdefer w.Close()
                \treturn w.WriteMessages(ctx, msg)
                }""";
        assertEquals(List.of("15:RES-04"), items("events/push.go", KAFKA_PUSH.formatted(push)));
    }

    @Test
    void a_kafka_go_writer_built_in_the_constructor_and_kept_in_a_field_is_clean() {
        String once = """
                func NewClient(brokers []string) *Client {
                \treturn &Client{brokers: brokers, writer: &kafka.Writer{Addr: kafka.TCP(brokers...)}}
                }

                func (c *Client) Push(ctx context.Context, msg kafka.Message) error {
                \treturn c.writer.WriteMessages(ctx, msg)
                }""";
        assertEquals(List.of(), items("events/push.go", KAFKA_PUSH.formatted(once)));
    }

    private static final String KAFKA_READ = """
            package events

            import (
            \t"context"

            \t"github.com/segmentio/kafka-go"
            )

            func First(ctx context.Context, brokers []string, topic string) (kafka.Message, error) {
            \tr := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic})
            %s\treturn r.ReadMessage(ctx)
            }
            """;

    @Test
    void a_kafka_go_reader_never_closed_is_reported() {
        assertEquals(List.of("10:RES-01"), items("events/read.go", KAFKA_READ.formatted("")));
    }

    @Test
    void a_kafka_go_reader_closed_by_defer_is_clean() {
        assertEquals(List.of(), items("events/read.go", KAFKA_READ.formatted("\tdefer r.Close()\n")));
    }

    // --- nats.go: a connection is closed or drained

    private static final String NATS = """
            package notify

            import "github.com/nats-io/nats.go"

            func Send(url, subject string, data []byte) error {
            \tnc, err := nats.Connect(url)
            \tif err != nil {
            \t\treturn err
            \t}
            %s\treturn nc.Publish(subject, data)
            }
            """;

    @Test
    void a_nats_connection_never_closed_is_reported() {
        assertEquals(List.of("6:RES-01"), items("notify/send.go", NATS.formatted("")));
    }

    @Test
    void a_nats_connection_drained_by_defer_is_clean() {
        assertEquals(List.of(), items("notify/send.go", NATS.formatted("\tdefer nc.Drain()\n")));
    }

    // --- amqp091-go: a connection and each channel taken from it are closed

    private static final String AMQP = """
            package queue

            import amqp "github.com/rabbitmq/amqp091-go"

            func (q *Queue) Publish(body []byte) error {
            \tch, err := q.conn.Channel()
            \tif err != nil {
            \t\treturn err
            \t}
            %s\treturn ch.Publish("", q.name, false, false, amqp.Publishing{Body: body})
            }

            type Queue struct {
            \tconn *amqp.Connection
            \tname string
            }
            """;

    @Test
    void an_amqp_channel_opened_per_publish_and_never_closed_is_reported() {
        assertEquals(List.of("6:RES-01"), items("queue/publish.go", AMQP.formatted("")));
    }

    @Test
    void an_amqp_channel_closed_by_defer_is_clean() {
        assertEquals(List.of(), items("queue/publish.go", AMQP.formatted("\tdefer ch.Close()\n")));
    }

    private static final String AMQP_DIAL = """
            package queue

            import amqp "github.com/rabbitmq/amqp091-go"

            func Open(url, name string) (*Queue, error) {
            \tconn, err := amqp.Dial(url)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \tif _, err := declare(conn, name); err != nil {
            \t\t%s
            \t}
            \treturn &Queue{conn: conn, name: name}, nil
            }
            """;

    @Test
    void an_amqp_connection_dropped_when_the_declare_fails_is_reported() {
        assertEquals(List.of("6:RES-01"), items("queue/open.go", AMQP_DIAL.formatted("return nil, err")));
    }

    @Test
    void an_amqp_connection_closed_on_failure_and_stored_otherwise_is_clean() {
        assertEquals(List.of(), items("queue/open.go", AMQP_DIAL.formatted("conn.Close()\n\t\treturn nil, err")));
    }
}
