package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java library models added after the round-7 corpus (java-messaging.yaml, and the JPA factory in
 * java-persistence.yaml): for each entry the defect the library's documentation warns about next to the look-alike
 * that honours the duty (released in finally or try-with-resources, handed on, kept in a field). Findings are
 * compared as "line:item"; the fixtures are written for these tests, not taken from any corpus.
 */
class JavaModelsRound7Test {

    /** A whole new Java file as a diff; line numbers are the source's, starting at 1. */
    static String newFile(String path, String source) {
        String[] lines = source.split("\n");
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," + lines.length + " @@\n");
        for (String l : lines) {
            d.append('+').append(l).append('\n');
        }
        return d.toString();
    }

    static List<String> items(String path, String source) {
        return TestRules.reviewDiff(newFile(path, source)).active().stream()
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    // --- Kafka: a producer is thread safe and meant to be shared; both clients must be closed ---

    @Test
    void a_kafka_producer_built_for_each_batch_is_reported() {
        assertEquals(List.of("12:RES-04"), items("src/main/java/a/AuditSink.java", """
                package a;

                import java.util.List;
                import java.util.Properties;
                import org.apache.kafka.clients.producer.KafkaProducer;
                import org.apache.kafka.clients.producer.ProducerRecord;

                public class AuditSink {
                    private final Properties props = new Properties();

                    public void publish(List<String> events) {
                        KafkaProducer<String, String> producer = new KafkaProducer<>(props);
                        try {
                            for (String e : events) {
                                producer.send(new ProducerRecord<>("audit", e), this::sent); // a callback: RES-04 only
                            }
                        } finally {
                            producer.close();
                        }
                    }
                }
                """));
    }

    @Test
    void one_kafka_producer_kept_in_a_field_and_closed_in_close_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/AuditSink.java", """
                package a;

                import java.util.List;
                import java.util.Properties;
                import org.apache.kafka.clients.producer.KafkaProducer;
                import org.apache.kafka.clients.producer.ProducerRecord;

                public class AuditSink implements AutoCloseable {
                    private final KafkaProducer<String, String> producer;

                    public AuditSink(Properties props) {
                        this.producer = new KafkaProducer<>(props);
                    }

                    public void publish(List<String> events) {
                        for (String e : events) {
                            producer.send(new ProducerRecord<>("audit", e), this::sent); // a callback: RES-04 only
                        }
                    }

                    @Override
                    public void close() {
                        producer.close();
                    }
                }
                """));
    }

    @Test
    void a_kafka_consumer_left_open_when_the_poll_throws_is_reported() {
        assertEquals(List.of("13:RES-01"), items("src/main/java/a/OffsetProbe.java", """
                package a;

                import java.time.Duration;
                import java.util.List;
                import java.util.Properties;
                import org.apache.kafka.clients.consumer.ConsumerRecords;
                import org.apache.kafka.clients.consumer.KafkaConsumer;

                public class OffsetProbe {
                    private final Properties props = new Properties();

                    public int peek(String topic) {
                        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
                        consumer.subscribe(List.of(topic));
                        ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                        consumer.close();
                        return records.count();
                    }
                }
                """));
    }

    @Test
    void a_kafka_consumer_polled_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/OffsetProbe.java", """
                package a;

                import java.time.Duration;
                import java.util.List;
                import java.util.Properties;
                import org.apache.kafka.clients.consumer.KafkaConsumer;

                public class OffsetProbe {
                    private final Properties props = new Properties();

                    public int peek(String topic) {
                        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                            consumer.subscribe(List.of(topic));
                            return consumer.poll(Duration.ofSeconds(1)).count();
                        }
                    }
                }
                """));
    }

    // --- JPA: one EntityManagerFactory per persistence unit ---

    @Test
    void an_entity_manager_factory_created_per_query_is_reported() {
        assertEquals(List.of("14:RES-04"), items("src/main/java/a/Reports.java", """
                package a;

                import jakarta.persistence.EntityManager;
                import jakarta.persistence.EntityManagerFactory;
                import jakarta.persistence.Persistence;
                import java.util.List;

                public class Reports {
                    private final String unit;

                    public Reports(String unit) { this.unit = unit; }

                    public List<Report> all() {
                        EntityManagerFactory emf = Persistence.createEntityManagerFactory(unit);
                        EntityManager em = emf.createEntityManager();
                        try {
                            return em.createQuery("select r from Report r", Report.class).getResultList();
                        } finally {
                            em.close();
                        }
                    }
                }
                """));
    }

    @Test
    void an_entity_manager_factory_created_once_in_the_constructor_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Reports.java", """
                package a;

                import jakarta.persistence.EntityManager;
                import jakarta.persistence.EntityManagerFactory;
                import jakarta.persistence.Persistence;
                import java.util.List;

                public class Reports {
                    private final EntityManagerFactory emf;

                    public Reports(String unit) { this.emf = Persistence.createEntityManagerFactory(unit); }

                    public List<Report> all() {
                        EntityManager em = emf.createEntityManager();
                        try {
                            return em.createQuery("select r from Report r", Report.class).getResultList();
                        } finally {
                            em.close();
                        }
                    }
                }
                """));
    }

    // --- Netty: whoever holds a reference-counted buffer last releases it or passes it on ---

    @Test
    void an_allocated_buffer_dropped_on_an_early_return_is_reported() {
        assertEquals(List.of("12:RES-01"), items("src/main/java/a/FrameWriter.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.channel.ChannelHandlerContext;

                final class FrameWriter {
                    private final Session session;

                    FrameWriter(Session session) { this.session = session; }

                    void write(ChannelHandlerContext ctx, byte[] payload) {
                        ByteBuf buf = ctx.alloc().buffer(payload.length + 4);
                        buf.writeInt(payload.length);
                        if (session.isClosing()) {
                            return;
                        }
                        buf.writeBytes(payload);
                        ctx.writeAndFlush(buf);
                    }
                }
                """));
    }

    @Test
    void the_same_buffer_released_before_the_early_return_and_written_otherwise_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/FrameWriter.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.channel.ChannelHandlerContext;

                final class FrameWriter {
                    private final Session session;

                    FrameWriter(Session session) { this.session = session; }

                    void write(ChannelHandlerContext ctx, byte[] payload) {
                        ByteBuf buf = ctx.alloc().buffer(payload.length + 4);
                        buf.writeInt(payload.length);
                        if (session.isClosing()) {
                            buf.release();
                            return;
                        }
                        buf.writeBytes(payload);
                        ctx.writeAndFlush(buf);
                    }
                }
                """));
    }

    @Test
    void a_direct_buffer_used_for_a_checksum_and_never_released_is_reported() {
        assertEquals(List.of("9:RES-01"), items("src/main/java/a/Checksums.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.buffer.ByteBufAllocator;

                final class Checksums {
                    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
                    long crc(byte[] data) {
                        ByteBuf scratch = alloc.directBuffer(data.length);
                        scratch.writeBytes(data);
                        return Crc.of(scratch.nioBuffer());
                    }
                }
                """));
    }

    @Test
    void a_direct_buffer_released_in_finally_or_returned_to_the_caller_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Checksums.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.buffer.ByteBufAllocator;
                import io.netty.util.ReferenceCountUtil;

                final class Checksums {
                    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
                    long crc(byte[] data) {
                        ByteBuf scratch = alloc.directBuffer(data.length);
                        try {
                            scratch.writeBytes(data);
                            return Crc.of(scratch.nioBuffer());
                        } finally {
                            ReferenceCountUtil.release(scratch);
                        }
                    }

                    ByteBuf frame(byte[] data) {
                        ByteBuf out = alloc.directBuffer(data.length + 4);
                        out.writeInt(data.length);
                        out.writeBytes(data);
                        return out;
                    }
                }
                """));
    }

    // --- Commons Pool 2: every borrowObject is matched by returnObject or invalidateObject ---

    @Test
    void a_pooled_object_not_returned_when_the_work_throws_is_reported() {
        assertEquals(List.of("13:RES-01"), items("src/main/java/a/Encoders.java", """
                package a;

                import org.apache.commons.pool2.impl.GenericObjectPool;

                final class Encoders {
                    private final GenericObjectPool<Encoder> pool;

                    Encoders(GenericObjectPool<Encoder> pool) {
                        this.pool = pool;
                    }

                    byte[] encode(Message m) throws Exception {
                        Encoder enc = pool.borrowObject();
                        byte[] out = enc.encode(m);
                        pool.returnObject(enc);
                        return out;
                    }
                }
                """));
    }

    @Test
    void a_pooled_object_returned_in_finally_or_invalidated_on_failure_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Encoders.java", """
                package a;

                import org.apache.commons.pool2.impl.GenericObjectPool;

                final class Encoders {
                    private final GenericObjectPool<Encoder> pool;

                    Encoders(GenericObjectPool<Encoder> pool) {
                        this.pool = pool;
                    }

                    byte[] encode(Message m) throws Exception {
                        Encoder enc = pool.borrowObject();
                        try {
                            return enc.encode(m);
                        } finally {
                            pool.returnObject(enc);
                        }
                    }

                    byte[] encodeOrDiscard(Message m) throws Exception {
                        Encoder enc = pool.borrowObject();
                        try {
                            byte[] out = enc.encode(m);
                            pool.returnObject(enc);
                            return out;
                        } catch (Exception e) {
                            pool.invalidateObject(enc);
                            throw e;
                        }
                    }
                }
                """));
    }
}
