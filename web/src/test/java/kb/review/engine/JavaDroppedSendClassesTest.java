package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-06, Java (session 25): the outcome of an asynchronous send or write dropped: Kafka's producer send without a
 * callback (the record built in place, a local record, a receiver declared as a producer), Pulsar's sendAsync (on
 * the producer and at the end of a message builder chain), Redisson's and Cassandra's ...Async writes, and RabbitMQ
 * publishes on a channel in confirm mode whose confirms nobody reads. The look-alikes pass a callback, keep the
 * futures, chain a failure step, wait for the confirms, or use a synchronous send.
 */
class JavaDroppedSendClassesTest {

    private static final String PATH = "src/main/java/com/acme/outbox/Relay.java";

    private static List<String> conc(String code) {
        return JavaS25Cases.review(PATH, code, "CONC-06");
    }

    @Test
    void a_kafka_record_sent_in_a_loop_without_callback_is_found() {
        String code = """
                class Relay {
                    private final KafkaProducer<String, byte[]> kafka;
                    void relay(List<OutboxRow> rows) {
                        for (OutboxRow row : rows) {
                            kafka.send(new ProducerRecord<>(row.topic(), row.key(), row.payload()));
                        }
                        kafka.flush();
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "kafka.send(", "java-record-send-future-dropped"), conc(code));
    }

    @Test
    void a_local_record_sent_on_a_field_producer_is_found() {
        String code = """
                class AuditTrail {
                    void record(AuditEvent event) {
                        ProducerRecord<String, String> rec = new ProducerRecord<>(AUDIT_TOPIC, event.user(), event.json());
                        this.eventProducer.send(rec);
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "this.eventProducer.send(", "java-record-send-future-dropped"), conc(code));
    }

    @Test
    void a_pulsar_send_async_dropped_is_found() {
        String code = """
                class Notifier {
                    void notifyAll(List<byte[]> payloads) {
                        for (byte[] payload : payloads) {
                            producer.sendAsync(payload);
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "producer.sendAsync(", "java-async-write-future-dropped"), conc(code));
    }

    @Test
    void a_message_builder_chain_ending_in_send_async_is_found() {
        String code = """
                class Notifier {
                    void publish(String id, byte[] bytes) {
                        producer.newMessage()
                                .key(id)
                                .value(bytes)
                                .sendAsync();
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "producer.newMessage()", "java-async-write-future-dropped"), conc(code));
    }

    @Test
    void a_redisson_bucket_set_async_dropped_is_found() {
        String code = """
                class SessionCache {
                    void remember(String token, Session session) {
                        RBucket<Session> bucket = redisson.getBucket("session:" + token);
                        bucket.setAsync(session, 30, TimeUnit.MINUTES);
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "bucket.setAsync(", "java-async-write-future-dropped"), conc(code));
    }

    @Test
    void a_cassandra_execute_async_dropped_is_found() {
        String code = """
                class Metrics {
                    void store(Sample sample) {
                        session.executeAsync(insert.bind(sample.name(), sample.at(), sample.value()));
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "session.executeAsync(", "java-async-write-future-dropped"), conc(code));
    }

    @Test
    void publishes_on_a_confirm_channel_never_confirmed_are_found() {
        String code = """
                class Publisher {
                    void publish(List<byte[]> bodies) throws IOException {
                        channel.confirmSelect();
                        for (byte[] body : bodies) {
                            channel.basicPublish(EXCHANGE, ROUTING_KEY, PERSISTENT, body);
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "channel.basicPublish(", "java-publish-confirm-never-read"), conc(code));
    }

    @Test
    void a_kafka_send_with_a_callback_is_clean() {
        String code = """
                class Relay {
                    private final KafkaProducer<String, byte[]> kafka;
                    void relay(List<OutboxRow> rows) {
                        for (OutboxRow row : rows) {
                            kafka.send(new ProducerRecord<>(row.topic(), row.key(), row.payload()), (meta, ex) -> {
                                if (ex != null) {
                                    log.error("relay of {} failed", row.id(), ex);
                                }
                            });
                        }
                    }
                }
                """;
        assertEquals(List.of(), conc(code));
    }

    @Test
    void kafka_futures_kept_and_awaited_are_clean() {
        String code = """
                class Relay {
                    void relay(List<OutboxRow> rows) throws Exception {
                        List<Future<RecordMetadata>> acks = new ArrayList<>();
                        for (OutboxRow row : rows) {
                            acks.add(producer.send(new ProducerRecord<>(row.topic(), row.key(), row.payload())));
                        }
                        for (Future<RecordMetadata> ack : acks) {
                            ack.get(10, TimeUnit.SECONDS);
                        }
                    }
                }
                """;
        assertEquals(List.of(), conc(code));
    }

    @Test
    void a_send_async_with_a_failure_step_is_clean() {
        String code = """
                class Notifier {
                    void notify(byte[] payload) {
                        producer.sendAsync(payload).exceptionally(ex -> {
                            log.warn("notification not sent", ex);
                            return null;
                        });
                    }
                }
                """;
        assertEquals(List.of(), conc(code));
    }

    @Test
    void a_confirm_channel_waited_on_is_clean() {
        String code = """
                class Publisher {
                    void publish(List<byte[]> bodies) throws Exception {
                        channel.confirmSelect();
                        for (byte[] body : bodies) {
                            channel.basicPublish(EXCHANGE, ROUTING_KEY, PERSISTENT, body);
                        }
                        channel.waitForConfirmsOrDie(5_000);
                    }
                }
                """;
        assertEquals(List.of(), conc(code));
    }

    @Test
    void a_synchronous_pulsar_send_is_clean() {
        String code = """
                class Notifier {
                    void notify(byte[] payload) throws PulsarClientException {
                        MessageId id = producer.send(payload);
                        log.debug("sent {}", id);
                        producer.send(payload);
                    }
                }
                """;
        assertEquals(List.of(), conc(code));
    }
}
