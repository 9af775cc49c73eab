package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of code the round-11 held-out corpus showed the review missing, built for the family each stands for: JDK
 * compression streams and zip entry streams left open whatever they wrap, SSH client sessions (Apache MINA SSHD,
 * sshj) whose channels are closed but not the session, serializers told to build any class the bytes name (Jackson
 * default typing with a permissive validator, Kryo and Fory with registration off), and Go calls whose dropped error
 * is the only sign that buffered or archived output was written or that a wait was granted. Each defect sits next to
 * the look-alike the same rule must stay silent on; the fixtures are written for these tests, not taken from the
 * corpus. Findings are compared as "line:item".
 */
class Round11ClassesTest {

    // --- class 1: compression streams own a native codec, whatever they wrap (RES-01) ---

    @Test
    void compression_streams_over_memory_or_a_callers_stream_left_open_are_reported() {
        String diff = newFile("src/main/java/a/Codec.java", """
                package a;

                import java.io.ByteArrayInputStream;
                import java.io.ByteArrayOutputStream;
                import java.io.IOException;
                import java.io.InputStream;
                import java.util.zip.GZIPInputStream;
                import java.util.zip.GZIPOutputStream;
                import java.util.zip.ZipEntry;
                import java.util.zip.ZipInputStream;

                class Codec {
                    byte[] inflate(byte[] packed) throws IOException {
                        GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed));
                        return in.readAllBytes();
                    }

                    int count(InputStream upload) throws IOException {
                        ZipInputStream zin = new ZipInputStream(upload);
                        int n = 0;
                        for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                            n++;
                        }
                        return n;
                    }

                    byte[] pack(byte[] raw) throws IOException {
                        ByteArrayOutputStream sink = new ByteArrayOutputStream();
                        GZIPOutputStream out = new GZIPOutputStream(sink);
                        out.write(raw);
                        out.finish();
                        return sink.toByteArray();
                    }
                }
                """);
        assertEquals(List.of("14:RES-01", "19:RES-01", "29:RES-01"), items(diff));
    }

    @Test
    void compression_streams_in_try_with_resources_closed_in_finally_or_returned_are_clean() {
        String diff = newFile("src/main/java/a/SafeCodec.java", """
                package a;

                import java.io.ByteArrayInputStream;
                import java.io.ByteArrayOutputStream;
                import java.io.IOException;
                import java.io.InputStream;
                import java.util.zip.GZIPInputStream;
                import java.util.zip.GZIPOutputStream;

                class SafeCodec {
                    byte[] inflate(byte[] packed) throws IOException {
                        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
                            return in.readAllBytes();
                        }
                    }

                    byte[] pack(byte[] raw) throws IOException {
                        ByteArrayOutputStream sink = new ByteArrayOutputStream();
                        GZIPOutputStream out = new GZIPOutputStream(sink);
                        try {
                            out.write(raw);
                        } finally {
                            out.close();
                        }
                        return sink.toByteArray();
                    }

                    InputStream open(InputStream raw) throws IOException {
                        return new GZIPInputStream(raw);
                    }
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 2: entry streams of a zip or jar file (RES-01) ---

    @Test
    void an_entry_stream_of_a_zip_file_kept_in_a_field_read_and_dropped_is_reported() {
        String diff = newFile("src/main/java/a/Bundle.java", """
                package a;

                import java.io.IOException;
                import java.io.InputStream;
                import java.nio.charset.StandardCharsets;
                import java.util.jar.JarFile;

                class Bundle {
                    private final JarFile jar;

                    Bundle(JarFile jar) {
                        this.jar = jar;
                    }

                    String manifestText() throws IOException {
                        InputStream in = jar.getInputStream(jar.getEntry("META-INF/MANIFEST.MF"));
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
                """);
        assertEquals(List.of("16:RES-01"), items(diff));
    }

    @Test
    void an_entry_stream_closed_by_try_or_by_closing_its_zip_file_is_clean() {
        String diff = newFile("src/main/java/a/Reader2.java", """
                package a;

                import java.io.File;
                import java.io.IOException;
                import java.io.InputStream;
                import java.util.zip.ZipFile;

                class Reader2 {
                    private final ZipFile zip;

                    Reader2(ZipFile zip) {
                        this.zip = zip;
                    }

                    byte[] entry(String name) throws IOException {
                        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                            return in.readAllBytes();
                        }
                    }

                    static byte[] once(File archive, String name) throws IOException {
                        try (ZipFile zf = new ZipFile(archive)) {
                            InputStream in = zf.getInputStream(zf.getEntry(name));
                            return in.readAllBytes();
                        }
                    }
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 3: SSH client sessions (RES-01) ---

    @Test
    void an_sshd_session_whose_sftp_client_is_closed_but_not_the_session_is_reported() {
        String diff = newFile("src/main/java/a/Uploader.java", """
                package a;

                import java.io.IOException;
                import java.time.Duration;
                import org.apache.sshd.client.SshClient;
                import org.apache.sshd.client.session.ClientSession;
                import org.apache.sshd.sftp.client.SftpClient;
                import org.apache.sshd.sftp.client.SftpClientFactory;

                class Uploader {
                    private final SshClient client;

                    Uploader(SshClient client) {
                        this.client = client;
                    }

                    void remove(String host, String path) throws IOException {
                        ClientSession s = client.connect("deploy", host, 22).verify(Duration.ofSeconds(5)).getSession();
                        s.auth().verify(Duration.ofSeconds(5));
                        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
                            sftp.remove(path);
                        }
                    }
                }
                """);
        assertEquals(List.of("18:RES-01"), items(diff));
    }

    @Test
    void an_sshd_session_in_try_with_resources_is_clean() {
        String diff = newFile("src/main/java/a/Uploader2.java", """
                package a;

                import java.io.IOException;
                import java.time.Duration;
                import org.apache.sshd.client.SshClient;
                import org.apache.sshd.client.session.ClientSession;
                import org.apache.sshd.sftp.client.SftpClient;
                import org.apache.sshd.sftp.client.SftpClientFactory;

                class Uploader2 {
                    private final SshClient client;

                    Uploader2(SshClient client) {
                        this.client = client;
                    }

                    void remove(String host, String path) throws IOException {
                        try (ClientSession s = client.connect("deploy", host, 22).verify(Duration.ofSeconds(5)).getSession()) {
                            s.auth().verify(Duration.ofSeconds(5));
                            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(s)) {
                                sftp.remove(path);
                            }
                        }
                    }
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 4: serializers that build whatever class the bytes name (DEP-02) ---

    @Test
    void jackson_default_typing_with_a_laissez_faire_validator_and_kryo_without_registration_are_reported() {
        String jackson = newFile("src/main/java/a/Events.java", """
                package a;

                import com.fasterxml.jackson.databind.ObjectMapper;
                import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

                class Events {
                    private final ObjectMapper json = new ObjectMapper();

                    Events() {
                        json.activateDefaultTypingAsProperty(LaissezFaireSubTypeValidator.instance,
                                ObjectMapper.DefaultTyping.NON_FINAL, "@type");
                    }

                    Object read(byte[] body) throws java.io.IOException {
                        return json.readValue(body, Object.class);
                    }
                }
                """);
        String kryo = newFile("src/main/java/a/Frames.java", """
                package a;

                import com.esotericsoftware.kryo.Kryo;
                import com.esotericsoftware.kryo.io.Input;

                class Frames {
                    private final Kryo kryo = new Kryo();

                    Frames() {
                        kryo.setRegistrationRequired(false);
                    }

                    Object decode(byte[] wire) {
                        return kryo.readClassAndObject(new Input(wire));
                    }
                }
                """);
        assertEquals(List.of("10:DEP-02", "10:DEP-02"), items(jackson + kryo));
    }

    @Test
    void a_validator_limited_to_own_packages_kryo_with_registration_and_a_write_only_kryo_are_clean() {
        String jackson = newFile("src/main/java/a/Events2.java", """
                package a;

                import com.fasterxml.jackson.databind.ObjectMapper;
                import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

                class Events2 {
                    private final ObjectMapper json = new ObjectMapper();

                    Events2() {
                        json.activateDefaultTyping(BasicPolymorphicTypeValidator.builder()
                                .allowIfSubType("com.example.events.").build(), ObjectMapper.DefaultTyping.NON_FINAL);
                    }
                }
                """);
        String registered = newFile("src/main/java/a/Frames2.java", """
                package a;

                import com.esotericsoftware.kryo.Kryo;
                import com.esotericsoftware.kryo.io.Input;

                class Frames2 {
                    private final Kryo kryo = new Kryo();

                    Frames2() {
                        kryo.setRegistrationRequired(true);
                        kryo.register(Frame.class);
                    }

                    Frame decode(byte[] wire) {
                        return kryo.readObject(new Input(wire), Frame.class);
                    }
                }
                """);
        String writer = newFile("src/main/java/a/Dump.java", """
                package a;

                import com.esotericsoftware.kryo.Kryo;
                import com.esotericsoftware.kryo.io.Output;

                class Dump {
                    byte[] write(Object snapshot) {
                        Kryo kryo = new Kryo();
                        kryo.setRegistrationRequired(false);
                        try (Output out = new Output(4096, -1)) {
                            kryo.writeClassAndObject(out, snapshot);
                            return out.toBytes();
                        }
                    }
                }
                """);
        assertEquals(List.of(), items(jackson + registered + writer));
    }

    // --- class 5: Go errors that are the only sign output was written or a wait was granted (ERR-01) ---

    @Test
    void go_bare_flush_archive_close_and_semaphore_acquire_are_reported() {
        String diff = newFile("export/write.go", """
                package export

                import (
                	"archive/tar"
                	"bufio"
                	"context"
                	"os"

                	"golang.org/x/sync/semaphore"
                )

                func Lines(path string, lines []string) error {
                	f, err := os.Create(path)
                	if err != nil {
                		return err
                	}
                	defer f.Close()
                	bw := bufio.NewWriter(f)
                	for _, l := range lines {
                		bw.WriteString(l + "\\n")
                	}
                	bw.Flush()
                	return nil
                }

                func Bundle(f *os.File, name string, body []byte) error {
                	tw := tar.NewWriter(f)
                	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body))}); err != nil {
                		return err
                	}
                	if _, err := tw.Write(body); err != nil {
                		return err
                	}
                	tw.Close()
                	return nil
                }

                func Each(ctx context.Context, jobs []func()) {
                	sem := semaphore.NewWeighted(4)
                	for _, j := range jobs {
                		sem.Acquire(ctx, 1)
                		go func() {
                			defer sem.Release(1)
                			j()
                		}()
                	}
                }
                """);
        assertEquals(List.of("22:ERR-01", "34:ERR-01", "41:ERR-01"),
                items(diff).stream().filter(s -> s.endsWith("ERR-01")).toList());
    }

    @Test
    void go_checked_flush_and_close_deferred_close_and_in_memory_writers_are_clean() {
        String diff = newFile("export/write2.go", """
                package export

                import (
                	"archive/zip"
                	"bufio"
                	"bytes"
                	"compress/gzip"
                	"context"
                	"os"

                	"golang.org/x/sync/semaphore"
                )

                func Lines2(f *os.File, lines []string) error {
                	bw := bufio.NewWriter(f)
                	for _, l := range lines {
                		if _, err := bw.WriteString(l); err != nil {
                			return err
                		}
                	}
                	return bw.Flush()
                }

                func Pack(f *os.File, name string, body []byte) error {
                	zw := zip.NewWriter(f)
                	defer zw.Close()
                	w, err := zw.Create(name)
                	if err != nil {
                		return err
                	}
                	if _, err := w.Write(body); err != nil {
                		return err
                	}
                	if err := zw.Close(); err != nil {
                		return err
                	}
                	return nil
                }

                func Squeeze(body []byte) []byte {
                	var buf bytes.Buffer
                	gz := gzip.NewWriter(&buf)
                	gz.Write(body)
                	gz.Close()
                	return buf.Bytes()
                }

                func Each2(ctx context.Context, jobs []func()) error {
                	sem := semaphore.NewWeighted(4)
                	for _, j := range jobs {
                		if err := sem.Acquire(ctx, 1); err != nil {
                			return err
                		}
                		j()
                		sem.Release(1)
                	}
                	return nil
                }
                """);
        assertEquals(List.of(), items(diff).stream().filter(s -> s.endsWith("ERR-01")).toList());
    }

    @Test
    void go_a_flush_in_a_loop_whose_next_write_checks_the_sticky_error_is_clean() {
        String diff = newFile("relay/echo.go", """
                package relay

                import (
                	"bufio"
                	"net"
                )

                func echo(conn net.Conn, lines []string) error {
                	w := bufio.NewWriter(conn)
                	for _, l := range lines {
                		if _, err := w.WriteString(l + "\\n"); err != nil {
                			return err
                		}
                		w.Flush()
                	}
                	return w.Flush()
                }
                """);
        assertEquals(List.of(), items(diff).stream().filter(s -> s.endsWith("ERR-01")).toList());
    }

    // --- class 7: a retry loop that sleeps through the request's context (CONC-05) ---

    @Test
    void a_retry_loop_sleeping_in_a_function_given_the_request_is_reported() {
        String diff = newFile("client/retry.go", """
                package client

                import (
                	"net/http"
                	"time"
                )

                func (c *Retrier) Send(req *http.Request) (*http.Response, error) {
                	var last error
                	for i := 0; i < c.attempts; i++ {
                		resp, err := c.hc.Do(req)
                		if err == nil {
                			return resp, nil
                		}
                		last = err
                		time.Sleep(c.pause(i))
                	}
                	return nil, last
                }
                """);
        assertEquals(List.of("16:CONC-05"), items(diff));
    }

    @Test
    void a_retry_loop_that_waits_on_the_requests_context_is_clean() {
        String diff = newFile("client/retry2.go", """
                package client

                import (
                	"net/http"
                	"time"
                )

                func (c *Retrier) Send2(req *http.Request) (*http.Response, error) {
                	var last error
                	for i := 0; i < c.attempts; i++ {
                		resp, err := c.hc.Do(req)
                		if err == nil {
                			return resp, nil
                		}
                		last = err
                		select {
                		case <-req.Context().Done():
                			return nil, req.Context().Err()
                		case <-time.After(c.pause(i)):
                		}
                	}
                	return nil, last
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 8: errgroup workers started from a request handler (CONC-01) ---

    @Test
    void errgroup_workers_started_from_a_handler_without_recover_are_reported() {
        String diff = newFile("api/batch.go", """
                package api

                import (
                	"net/http"

                	"golang.org/x/sync/errgroup"
                )

                func (s *Server) Refresh(w http.ResponseWriter, r *http.Request) {
                	g, ctx := errgroup.WithContext(r.Context())
                	for _, id := range s.ids {
                		g.Go(func() error {
                			return s.refreshOne(ctx, id)
                		})
                	}
                	if err := g.Wait(); err != nil {
                		http.Error(w, err.Error(), http.StatusBadGateway)
                	}
                }
                """);
        assertEquals(List.of("12:CONC-01"), items(diff));
    }

    @Test
    void errgroup_workers_that_recover_or_that_a_command_starts_are_clean() {
        String diff = newFile("api/batch2.go", """
                package api

                import (
                	"context"
                	"fmt"
                	"net/http"

                	"golang.org/x/sync/errgroup"
                )

                func (s *Server) Refresh2(w http.ResponseWriter, r *http.Request) {
                	g, ctx := errgroup.WithContext(r.Context())
                	for _, id := range s.ids {
                		g.Go(func() (err error) {
                			defer func() {
                				if p := recover(); p != nil {
                					err = fmt.Errorf("panic: %v", p)
                				}
                			}()
                			return s.refreshOne(ctx, id)
                		})
                	}
                	if err := g.Wait(); err != nil {
                		http.Error(w, err.Error(), http.StatusBadGateway)
                	}
                }

                func RunAll(ctx context.Context, jobs []func(context.Context) error) error {
                	g, gctx := errgroup.WithContext(ctx)
                	for _, j := range jobs {
                		g.Go(func() error { return j(gctx) })
                	}
                	return g.Wait()
                }
                """);
        assertEquals(List.of(), items(diff));
    }
}
