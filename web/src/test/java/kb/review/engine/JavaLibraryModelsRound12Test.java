package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java library models of round 12, picked by popularity (content/rules/models/java-libraries-7.yaml): browsers
 * driven by Selenium and Playwright, javax.imageio streams and codecs, Pub/Sub publishers, Azure messaging clients,
 * MongoDB and sshj sessions, Neo4j sessions, InfluxDB write APIs and file locks (RES-01), and the Neo4j, Cosmos DB,
 * InfluxDB and fabric8 clients meant to be built once (RES-04). Each defect is paired with the look-alike real code
 * writes when it honours the duty; the fixtures are written for these tests from each library's API. The release of
 * each defect is not a plain {@code close()} after the work (the engine's own closed-by-hand check would find that
 * without a model): the value is never released, or released by the library's own verb (quit, dispose, shutdown,
 * release) on the normal way only. A finding is expected on the line that acquires the value. The clients built per
 * call and the helper-opened sessions are in {@link JavaLibraryModelsRound12ClientsTest}.
 */
class JavaLibraryModelsRound12Test {

    static List<String> items(String path, String source) {
        return TestRules.reviewDiff(JavaModelsRound7Test.newFile(path, source)).active().stream()
                .filter(f -> f.item().startsWith("RES-"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    static int lineOf(String source, String needle) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + needle);
    }

    /** The defect is reported under {@code item} at the lines holding {@code acquires}; the look-alike is clean. */
    static void pair(String path, String defect, String clean, String item, String... acquires) {
        assertEquals(java.util.Arrays.stream(acquires).map(a -> lineOf(defect, a) + ":" + item).sorted().toList(),
                items(path, defect));
        assertEquals(List.of(), items(path, clean));
    }

    private static final String SELENIUM = """
            package a;

            import org.openqa.selenium.OutputType;
            import org.openqa.selenium.TakesScreenshot;
            import org.openqa.selenium.WebDriver;
            import org.openqa.selenium.chrome.ChromeDriver;

            public class Snapshots {
                public byte[] snapshot(String url) {
                    WebDriver driver = new ChromeDriver();
            %s
                }
            }
            """;

    @Test
    void selenium_driver_quit_only_after_the_work_is_reported_and_quit_in_finally_is_clean() {
        pair("src/main/java/a/Snapshots.java", SELENIUM.formatted("""
                        driver.get(url);
                        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                        driver.quit();
                        return png;"""),
                SELENIUM.formatted("""
                        try {
                            driver.get(url);
                            return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                        } finally {
                            driver.quit();
                        }"""),
                "RES-01", "new ChromeDriver");
    }

    private static final String PLAYWRIGHT = """
            package a;

            import com.microsoft.playwright.Browser;
            import com.microsoft.playwright.Page;
            import com.microsoft.playwright.Playwright;

            public class Pdfs {
                public byte[] render(String url) {
            %s
                }
            }
            """;

    @Test
    void playwright_never_closed_is_reported_and_try_with_resources_is_clean() {
        pair("src/main/java/a/Pdfs.java", PLAYWRIGHT.formatted("""
                        Playwright playwright = Playwright.create();
                        Browser browser = playwright.chromium().launch();
                        Page page = browser.newPage();
                        page.navigate(url);
                        byte[] pdf = page.pdf();
                        browser.close();
                        return pdf;"""),
                PLAYWRIGHT.formatted("""
                        try (Playwright playwright = Playwright.create();
                             Browser browser = playwright.chromium().launch()) {
                            Page page = browser.newPage();
                            page.navigate(url);
                            return page.pdf();
                        }"""),
                "RES-01", "Playwright.create()", "chromium().launch()");
    }

    private static final String IMAGE_STREAM = """
            package a;

            import java.awt.image.BufferedImage;
            import java.io.File;
            import java.io.IOException;
            import javax.imageio.ImageIO;
            import javax.imageio.stream.FileImageOutputStream;
            import javax.imageio.stream.ImageOutputStream;

            public class Thumbnails {
                public void save(BufferedImage image, File targetFile) throws IOException {
            %s
                }
            }
            """;

    @Test
    void image_output_stream_left_open_is_reported_and_try_with_resources_is_clean() {
        pair("src/main/java/a/Thumbnails.java", IMAGE_STREAM.formatted("""
                        ImageOutputStream out = new FileImageOutputStream(targetFile);
                        if (!ImageIO.write(image, "png", out)) {
                            throw new IOException("no PNG writer");
                        }"""),
                IMAGE_STREAM.formatted("""
                        try (ImageOutputStream out = new FileImageOutputStream(targetFile)) {
                            if (!ImageIO.write(image, "png", out)) {
                                throw new IOException("no PNG writer");
                            }
                        }"""),
                "RES-01", "new FileImageOutputStream");
    }

    private static final String IMAGE_WRITER = """
            package a;

            import java.awt.image.BufferedImage;
            import java.io.ByteArrayOutputStream;
            import java.io.IOException;
            import javax.imageio.IIOImage;
            import javax.imageio.ImageIO;
            import javax.imageio.ImageWriteParam;
            import javax.imageio.ImageWriter;
            import javax.imageio.stream.ImageOutputStream;

            public class Jpegs {
                public byte[] encode(BufferedImage image, float quality) throws IOException {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            %s
                    return bytes.toByteArray();
                }
            }
            """;

    private static final String ENCODE = """
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(quality);
                    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                        writer.setOutput(out);
                        writer.write(null, new IIOImage(image, null, null), param);
                    }""";

    @Test
    void image_writer_never_disposed_is_reported_and_dispose_in_finally_is_clean() {
        pair("src/main/java/a/Jpegs.java", IMAGE_WRITER.formatted(ENCODE),
                IMAGE_WRITER.formatted("        try {\n" + ENCODE.indent(4).stripTrailing()
                        + "\n        } finally {\n            writer.dispose();\n        }"),
                "RES-01", "getImageWritersByFormatName");
    }

    private static final String PUBLISHER = """
            package a;

            import com.google.cloud.pubsub.v1.Publisher;
            import com.google.protobuf.ByteString;
            import com.google.pubsub.v1.PubsubMessage;
            import com.google.pubsub.v1.TopicName;
            import java.util.concurrent.TimeUnit;

            public class Events {
                public String publish(String project, String topic, String message) throws Exception {
                    Publisher publisher = Publisher.newBuilder(TopicName.of(project, topic)).build();
            %s
                }
            }
            """;

    @Test
    void pubsub_publisher_per_message_not_shut_down_is_reported_and_shutdown_in_finally_is_clean() {
        String publish = "publisher.publish(PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8(message)).build()).get()";
        pair("src/main/java/a/Events.java", PUBLISHER.formatted("        return " + publish + ";"),
                PUBLISHER.formatted("        try {\n            return " + publish + ";\n        } finally {\n"
                        + "            publisher.shutdown();\n            publisher.awaitTermination(1, TimeUnit.MINUTES);\n        }"),
                "RES-01", "Publisher.newBuilder");
    }

    private static final String SERVICE_BUS = """
            package a;

            import com.azure.messaging.servicebus.ServiceBusClientBuilder;
            import com.azure.messaging.servicebus.ServiceBusMessage;
            import com.azure.messaging.servicebus.ServiceBusSenderClient;

            public class Orders {
                public void send(String connection, String queue, String body) {
            %s
                }
            }
            """;

    @Test
    void service_bus_sender_never_closed_is_reported_and_try_with_resources_is_clean() {
        String build = "new ServiceBusClientBuilder().connectionString(connection).sender().queueName(queue).buildClient()";
        pair("src/main/java/a/Orders.java", SERVICE_BUS.formatted("        ServiceBusSenderClient sender = " + build
                        + ";\n        sender.sendMessage(new ServiceBusMessage(body));"),
                SERVICE_BUS.formatted("        try (ServiceBusSenderClient sender = " + build
                        + ") {\n            sender.sendMessage(new ServiceBusMessage(body));\n        }"),
                "RES-01", "ServiceBusSenderClient sender");
    }

    private static final String MONGO_SESSION = """
            package a;

            import com.mongodb.client.ClientSession;
            import com.mongodb.client.MongoClient;
            import com.mongodb.client.MongoCollection;
            import com.mongodb.client.model.Filters;
            import com.mongodb.client.model.Updates;
            import org.bson.Document;

            public class Transfers {
                private final MongoClient mongo;
                private final MongoCollection<Document> accounts;

                public Transfers(MongoClient mongo, MongoCollection<Document> accounts) {
                    this.mongo = mongo;
                    this.accounts = accounts;
                }

                public void move(String from, String to, long cents) {
            %s
                }
            }
            """;

    private static final String MOVE = """
                    session.startTransaction();
                    accounts.updateOne(session, Filters.eq("_id", from), Updates.inc("cents", -cents));
                    accounts.updateOne(session, Filters.eq("_id", to), Updates.inc("cents", cents));
                    session.commitTransaction();""";

    @Test
    void mongo_session_never_closed_is_reported_and_try_with_resources_is_clean() {
        pair("src/main/java/a/Transfers.java",
                MONGO_SESSION.formatted("        ClientSession session = mongo.startSession();\n" + MOVE),
                MONGO_SESSION.formatted("        try (ClientSession session = mongo.startSession()) {\n"
                        + MOVE.indent(4).stripTrailing() + "\n        }"),
                "RES-01", "startSession");
    }

    private static final String NEO4J = """
            package a;

            import java.util.List;
            import org.neo4j.driver.Driver;
            import org.neo4j.driver.Session;
            import org.neo4j.driver.Values;

            public class Friends {
                private final Driver driver;

                public Friends(Driver driver) {
                    this.driver = driver;
                }

                public List<String> of(String name) {
            %s
                }
            }
            """;

    @Test
    void neo4j_session_never_closed_is_reported_and_try_with_resources_is_clean() {
        String run = "session.run(\"MATCH (:Person {name: $name})-[:KNOWS]->(f) RETURN f.name\", Values.parameters(\"name\", name))"
                + ".list(r -> r.get(0).asString())";
        pair("src/main/java/a/Friends.java",
                NEO4J.formatted("        Session session = driver.session();\n        return " + run + ";"),
                NEO4J.formatted("        try (Session session = driver.session()) {\n            return " + run + ";\n        }"),
                "RES-01", "driver.session()");
    }

    private static final String INFLUX = """
            package a;

            import com.influxdb.client.InfluxDBClient;
            import com.influxdb.client.WriteApi;
            import com.influxdb.client.write.Point;
            import java.util.List;

            public class Metrics {
                private final InfluxDBClient influxDBClient;

                public Metrics(InfluxDBClient influxDBClient) {
                    this.influxDBClient = influxDBClient;
                }

                public void record(List<Point> points) {
            %s
                }
            }
            """;

    @Test
    void influx_write_api_never_closed_is_reported_and_try_with_resources_is_clean() {
        pair("src/main/java/a/Metrics.java",
                INFLUX.formatted("        WriteApi writeApi = influxDBClient.makeWriteApi();\n        writeApi.writePoints(points);"),
                INFLUX.formatted("        try (WriteApi writeApi = influxDBClient.makeWriteApi()) {\n"
                        + "            writeApi.writePoints(points);\n        }"),
                "RES-01", "makeWriteApi");
    }

    private static final String FILE_LOCK = """
            package a;

            import java.io.IOException;
            import java.nio.channels.FileChannel;
            import java.nio.channels.FileLock;

            public class Exclusive {
                private final FileChannel channel;

                public Exclusive(FileChannel channel) {
                    this.channel = channel;
                }

                public void run(Runnable job) throws IOException {
                    FileLock lock = channel.lock();
            %s
                }
            }
            """;

    @Test
    void file_lock_released_only_after_the_job_is_reported_and_release_in_finally_is_clean() {
        pair("src/main/java/a/Exclusive.java", FILE_LOCK.formatted("        job.run();\n        lock.release();"),
                FILE_LOCK.formatted("        try {\n            job.run();\n        } finally {\n            lock.release();\n        }"),
                "RES-01", "channel.lock()");
    }
}
