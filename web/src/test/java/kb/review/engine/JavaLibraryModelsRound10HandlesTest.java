package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound10Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-10 Java models of handles left open (RES-01; content/rules/models/java-libraries-3.yaml): Flux.interval
 * subscriptions started per session, Jackson parsers over a file, mail transports, Pulsar producers and a stream
 * handed to a reading utility that does not close it. Split from {@link JavaLibraryModelsRound10Test}, whose
 * {@code items} check they share: each defect is paired with the look-alike that closes or bounds the handle;
 * findings are compared as "line:item".
 */
class JavaLibraryModelsRound10HandlesTest {

    // --- RES-01: a Flux.interval subscription per stream and dropped / bounded by the stream's end ---

    private static final String KEEP_ALIVE = """
            package a;

            import java.time.Duration;
            import reactor.core.publisher.Flux;

            public class Heartbeats {
                private final Duration every;

                public Heartbeats(Duration every) {
                    this.every = every;
                }

                public void attach(Session session) {
                    Flux.interval(every)%s
                            .subscribe(n -> session.ping(n));
                }
            }
            """;

    @Test
    void interval_subscription_per_session_is_reported() {
        assertEquals(List.of("14:RES-01"), items("src/main/java/a/Heartbeats.java", KEEP_ALIVE.formatted("")));
    }

    @Test
    void interval_subscription_bounded_by_the_session_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Heartbeats.java",
                KEEP_ALIVE.formatted("\n                .takeUntilOther(session.closed())")));
    }

    @Test
    void interval_subscription_started_once_by_the_constructor_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Refresher.java", """
                package a;

                import java.time.Duration;
                import reactor.core.publisher.Flux;

                public class Refresher {
                    public Refresher(Catalog catalog) {
                        Flux.interval(Duration.ofMinutes(5)).subscribe(n -> catalog.reload());
                    }
                }
                """));
    }

    // --- RES-01: a Jackson parser over a File left open on an early return / in try-with-resources; over a String ---

    private static final String JACKSON = """
            package a;

            import com.fasterxml.jackson.core.JsonFactory;
            import com.fasterxml.jackson.core.JsonParser;
            import com.fasterxml.jackson.core.JsonToken;
            import java.io.File;
            import java.io.IOException;

            public class ManifestReader {
                private static final JsonFactory FACTORY = new JsonFactory();

                public String version(File manifestFile) throws IOException {
                    %s
                        if (p.nextToken() != JsonToken.START_OBJECT) {
                            return null;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            if ("version".equals(p.currentName())) {
                                p.nextToken();
                                return p.getText();
                            }
                            p.skipChildren();
                        }
                        return null;
                    %s
                }
            }
            """;

    @Test
    void jackson_parser_over_a_file_left_open_is_reported() {
        assertEquals(List.of("13:RES-01"), items("src/main/java/a/ManifestReader.java",
                JACKSON.formatted("JsonParser p = FACTORY.createParser(manifestFile); {", "}")));
    }

    @Test
    void jackson_parser_over_a_file_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/ManifestReader.java",
                JACKSON.formatted("try (JsonParser p = FACTORY.createParser(manifestFile)) {", "}")));
    }

    @Test
    void jackson_parser_over_a_string_holds_nothing_and_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/ManifestReader.java",
                JACKSON.formatted("JsonParser p = FACTORY.createParser(manifestFile.getName()); {", "}")));
    }

    // --- RES-01: a mail Transport closed only on the happy path / in finally ---

    private static final String MAIL = """
            package a;

            import jakarta.mail.Message;
            import jakarta.mail.MessagingException;
            import jakarta.mail.Session;
            import jakarta.mail.Transport;

            public class Outbox {
                public void send(Session session, Message message, String password) throws MessagingException {
                    Transport transport = session.getTransport("smtp");
                    %s
                }
            }
            """;

    @Test
    void mail_transport_closed_only_on_success_is_reported() {
        assertEquals(List.of("10:RES-01"), items("src/main/java/a/Outbox.java", MAIL.formatted("""
                transport.connect("mail.example.org", "outbox", password);
                        transport.sendMessage(message, message.getAllRecipients());
                        transport.close();""")));
    }

    @Test
    void mail_transport_closed_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Outbox.java", MAIL.formatted("""
                try {
                            transport.connect("mail.example.org", "outbox", password);
                            transport.sendMessage(message, message.getAllRecipients());
                        } finally {
                            transport.close();
                        }""")));
    }

    // --- RES-01: a Pulsar producer never closed / in try-with-resources ---

    private static final String PULSAR = """
            package a;

            import org.apache.pulsar.client.api.Producer;
            import org.apache.pulsar.client.api.PulsarClient;
            import org.apache.pulsar.client.api.PulsarClientException;
            import org.apache.pulsar.client.api.Schema;

            public class Announcer {
                private final PulsarClient pulsar;

                public Announcer(PulsarClient pulsar) {
                    this.pulsar = pulsar;
                }

                public void announce(String topic, String text) throws PulsarClientException {
                    %s
                }
            }
            """;

    @Test
    void pulsar_producer_never_closed_is_reported() {
        assertEquals(List.of("16:RES-01"), items("src/main/java/a/Announcer.java", PULSAR.formatted("""
                Producer<String> producer = pulsar.newProducer(Schema.STRING).topic(topic).create();
                        producer.send(text);""")));
    }

    @Test
    void pulsar_producer_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Announcer.java", PULSAR.formatted("""
                try (Producer<String> producer = pulsar.newProducer(Schema.STRING).topic(topic).create()) {
                            producer.send(text);
                        }""")));
    }

    // --- RES-01: a file stream handed to a reading utility that does not close it / in try-with-resources ---

    private static final String READ_UTILITY = """
            package a;

            import java.io.FileInputStream;
            import java.io.IOException;
            import java.io.InputStream;
            import java.nio.charset.StandardCharsets;
            import org.springframework.util.StreamUtils;

            public class Templates {
                public String load(String path) throws IOException {
                    %s
                }
            }
            """;

    @Test
    void stream_read_by_a_utility_and_left_open_is_reported() {
        assertEquals(List.of("11:RES-01"), items("src/main/java/a/Templates.java", READ_UTILITY.formatted("""
                InputStream in = new FileInputStream(path);
                        return StreamUtils.copyToString(in, StandardCharsets.UTF_8);""")));
    }

    @Test
    void stream_read_by_a_utility_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Templates.java", READ_UTILITY.formatted("""
                try (InputStream in = new FileInputStream(path)) {
                            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
                        }""")));
    }
}
