package kb.review.engine;

import static kb.review.engine.JavaLibraryModelsRound11Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-11 Java models of streams, scopes and channels held until closed (RES-01;
 * content/rules/models/java-libraries-5.yaml): Azure blob input streams, structured task scopes, jar and tar streams
 * over files or over a caller's stream, and datagram channels. Split from {@link JavaLibraryModelsRound11Test}, whose
 * {@code items} check they share: each defect is paired with the look-alike real code writes when it honours the duty;
 * findings are compared as "line:item".
 */
class JavaLibraryModelsRound11StreamsTest {

    @Test
    void blob_input_stream_left_open_on_a_short_read_is_reported() {
        assertEquals(List.of("17:RES-01"), items("src/main/java/a/BlobMagic.java", """
                package a;

                import com.azure.storage.blob.BlobClient;
                import com.azure.storage.blob.BlobContainerClient;
                import com.azure.storage.blob.specialized.BlobInputStream;
                import java.io.IOException;

                public class BlobMagic {
                    private final BlobContainerClient container;

                    public BlobMagic(BlobContainerClient container) {
                        this.container = container;
                    }

                    public byte[] magic(String name) throws IOException {
                        BlobClient blobClient = container.getBlobClient(name);
                        BlobInputStream in = blobClient.openInputStream();
                        byte[] head = in.readNBytes(4);
                        if (head.length < 4) {
                            throw new IOException("short blob " + name);
                        }
                        in.close();
                        return head;
                    }
                }
                """));
    }

    @Test
    void blob_input_stream_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/BlobMagic.java", """
                package a;

                import com.azure.storage.blob.BlobClient;
                import com.azure.storage.blob.BlobContainerClient;
                import com.azure.storage.blob.specialized.BlobInputStream;
                import java.io.IOException;

                public class BlobMagic {
                    private final BlobContainerClient container;

                    public BlobMagic(BlobContainerClient container) {
                        this.container = container;
                    }

                    public byte[] magic(String name) throws IOException {
                        BlobClient blobClient = container.getBlobClient(name);
                        try (BlobInputStream in = blobClient.openInputStream()) {
                            byte[] head = in.readNBytes(4);
                            if (head.length < 4) {
                                throw new IOException("short blob " + name);
                            }
                            return head;
                        }
                    }
                }
                """));
    }

    @Test
    void structured_task_scope_not_closed_is_reported() {
        assertEquals(List.of("9:RES-01"), items("src/main/java/a/QuoteAggregator.java", """
                package a;

                import java.util.concurrent.StructuredTaskScope;

                public class QuoteAggregator {
                    private final Quotes quotes = new Quotes();

                    public int best(String sku) throws Exception {
                        var scope = new StructuredTaskScope.ShutdownOnFailure();
                        var a = scope.fork(() -> quotes.fromA(sku));
                        var b = scope.fork(() -> quotes.fromB(sku));
                        scope.join().throwIfFailed();
                        return Math.min(a.get(), b.get());
                    }
                }
                """));
    }

    @Test
    void structured_task_scope_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/QuoteAggregator.java", """
                package a;

                import java.util.concurrent.StructuredTaskScope;

                public class QuoteAggregator {
                    private final Quotes quotes = new Quotes();

                    public int best(String sku) throws Exception {
                        try (var scope = new StructuredTaskScope.ShutdownOnFailure()) {
                            var a = scope.fork(() -> quotes.fromA(sku));
                            var b = scope.fork(() -> quotes.fromB(sku));
                            scope.join().throwIfFailed();
                            return Math.min(a.get(), b.get());
                        }
                    }
                }
                """));
    }

    @Test
    void jar_and_tar_streams_over_files_left_open_on_early_returns_are_reported() {
        assertEquals(List.of("16:RES-01", "26:RES-01"), items("src/main/java/a/Archives.java", """
                package a;

                import java.io.File;
                import java.io.FileInputStream;
                import java.io.IOException;
                import java.io.InputStream;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.jar.JarInputStream;
                import java.util.jar.Manifest;
                import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
                import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

                public class Archives {
                    public String mainClass(File jar) throws IOException {
                        JarInputStream in = new JarInputStream(new FileInputStream(jar));
                        Manifest manifest = in.getManifest();
                        if (manifest == null) {
                            return null;
                        }
                        in.close();
                        return manifest.getMainAttributes().getValue("Main-Class");
                    }

                    public int regularFiles(Path tar) throws IOException {
                        TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar));
                        int n = 0;
                        TarArchiveEntry entry;
                        while ((entry = in.getNextTarEntry()) != null) {
                            if (entry.isSymbolicLink()) {
                                return -1;
                            }
                            n++;
                        }
                        in.close();
                        return n;
                    }
                }
                """));
    }

    @Test
    void jar_and_tar_streams_in_try_with_resources_or_over_a_callers_stream_are_clean() {
        assertEquals(List.of(), items("src/main/java/a/Archives.java", """
                package a;

                import java.io.File;
                import java.io.FileInputStream;
                import java.io.IOException;
                import java.io.InputStream;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.jar.JarInputStream;
                import java.util.jar.Manifest;
                import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
                import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

                public class Archives {
                    public String mainClass(File jar) throws IOException {
                        try (JarInputStream in = new JarInputStream(new FileInputStream(jar))) {
                            Manifest manifest = in.getManifest();
                            return manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
                        }
                    }

                    public int regularFiles(Path tar) throws IOException {
                        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
                            int n = 0;
                            TarArchiveEntry entry;
                            while ((entry = in.getNextTarEntry()) != null) {
                                if (entry.isSymbolicLink()) {
                                    return -1;
                                }
                                n++;
                            }
                            return n;
                        }
                    }

                    public TarArchiveEntry firstEntry(InputStream upload) throws IOException {
                        TarArchiveInputStream in = new TarArchiveInputStream(upload);
                        return in.getNextTarEntry();
                    }
                }
                """));
    }

    @Test
    void a_jar_stream_over_a_callers_stream_left_open_is_reported_like_a_zip_stream() {
        // a JarInputStream is a ZipInputStream: it owns an Inflater that only close ends, whatever it reads from
        assertEquals(List.of("10:RES-01"), items("src/main/java/a/Manifests.java", """
                package a;

                import java.io.IOException;
                import java.io.InputStream;
                import java.util.jar.JarInputStream;
                import java.util.jar.Manifest;

                public class Manifests {
                    public Manifest manifestOf(InputStream upload) throws IOException {
                        JarInputStream in = new JarInputStream(upload);
                        return in.getManifest();
                    }

                    public Manifest closedManifestOf(InputStream upload) throws IOException {
                        try (JarInputStream in = new JarInputStream(upload)) {
                            return in.getManifest();
                        }
                    }
                }
                """));
    }

    @Test
    void datagram_channel_closed_only_after_the_send_is_reported() {
        assertEquals(List.of("10:RES-01"), items("src/main/java/a/Beacon.java", """
                package a;

                import java.io.IOException;
                import java.net.SocketAddress;
                import java.nio.ByteBuffer;
                import java.nio.channels.DatagramChannel;

                public class Beacon {
                    public void ping(SocketAddress to, byte[] payload) throws IOException {
                        DatagramChannel channel = DatagramChannel.open();
                        channel.send(ByteBuffer.wrap(payload), to);
                        channel.close();
                    }
                }
                """));
    }

    @Test
    void datagram_channel_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Beacon.java", """
                package a;

                import java.io.IOException;
                import java.net.SocketAddress;
                import java.nio.ByteBuffer;
                import java.nio.channels.DatagramChannel;

                public class Beacon {
                    public void ping(SocketAddress to, byte[] payload) throws IOException {
                        try (DatagramChannel channel = DatagramChannel.open()) {
                            channel.send(ByteBuffer.wrap(payload), to);
                        }
                    }
                }
                """));
    }
}
