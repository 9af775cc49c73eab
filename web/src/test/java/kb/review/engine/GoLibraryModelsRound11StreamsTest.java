package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-11 Go models of remote files, connections and streams (content/rules/models/go-libraries-5.yaml): an sftp
 * file, a quic-go connection, a client-go pod log stream, a gobwas/ws raw connection, an archive/zip entry opened in a
 * loop and an uploaded multipart file, each open until closed (RES-01). Split from {@link GoLibraryModelsRound11Test}:
 * each defect is written as the pull request that introduces it, next to the look-alike that closes the handle;
 * {@code file} puts "package svc" and a blank line first, so a body's line n is the file's line n + 2.
 */
class GoLibraryModelsRound11StreamsTest {

    // --- RES-01: a remote file opened through pkg/sftp keeps its server handle until Close
    private static final String SFTP_FILE = """
            import (
            	"io"
            	"os"

            	"github.com/pkg/sftp"
            )

            func upload(sc *sftp.Client, local, remote string) error {
            	src, err := os.Open(local)
            	if err != nil {
            		return err
            	}
            	defer src.Close()
            	dst, err := sc.Create(remote)
            	if err != nil {
            		return err
            	}
            %s	if _, err := io.Copy(dst, src); err != nil {
            		return err
            	}
            	return nil
            }
            """;

    @Test
    void sftp_file_defect_is_reported() {
        assertEquals(List.of("16:go-resource-not-closed"),
                item(file("backup/upload.go", SFTP_FILE.formatted("")), "RES-01"));
    }

    @Test
    void sftp_file_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("backup/upload.go", SFTP_FILE.formatted("\tdefer dst.Close()\n")), "RES-01"));
    }

    // --- RES-01: a dialled quic-go connection keeps its state and goroutine until CloseWithError
    private static final String QUIC_CONN = """
            import (
            	"context"
            	"crypto/tls"

            	"github.com/quic-go/quic-go"
            )

            func ping(ctx context.Context, addr string, conf *tls.Config) error {
            	conn, err := quic.DialAddr(ctx, addr, conf, nil)
            	if err != nil {
            		return err
            	}
            %s	str, err := conn.OpenStreamSync(ctx)
            	if err != nil {
            		return err
            	}
            	_, err = str.Write([]byte("ping"))
            	return err
            }
            """;

    @Test
    void quic_conn_defect_is_reported() {
        assertEquals(List.of("11:go-resource-not-closed"),
                item(file("probe/quic.go", QUIC_CONN.formatted("")), "RES-01"));
    }

    @Test
    void quic_conn_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("probe/quic.go", QUIC_CONN.formatted("\tdefer conn.CloseWithError(0, \"done\")\n")), "RES-01"));
    }

    // --- RES-01: a pod log stream from client-go is an open HTTP body
    private static final String K8S_LOG_STREAM = """
            import (
            	"bufio"
            	"context"
            	"strings"

            	corev1 "k8s.io/api/core/v1"
            	"k8s.io/client-go/kubernetes"
            )

            func findPanic(ctx context.Context, cs kubernetes.Interface, ns, pod string) (string, error) {
            	stream, err := cs.CoreV1().Pods(ns).GetLogs(pod, &corev1.PodLogOptions{}).Stream(ctx)
            	if err != nil {
            		return "", err
            	}
            %s	sc := bufio.NewScanner(stream)
            	for sc.Scan() {
            		if strings.Contains(sc.Text(), "panic:") {
            			return sc.Text(), nil
            		}
            	}
            	return "", sc.Err()
            }
            """;

    @Test
    void k8s_log_stream_defect_is_reported() {
        assertEquals(List.of("13:go-resource-not-closed"),
                item(file("diag/logs.go", K8S_LOG_STREAM.formatted("")), "RES-01"));
    }

    @Test
    void k8s_log_stream_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("diag/logs.go", K8S_LOG_STREAM.formatted("\tdefer stream.Close()\n")), "RES-01"));
    }

    // --- RES-01: gobwas/ws UpgradeHTTP returns the raw connection, the handler's to close
    private static final String GOBWAS_WS = """
            import (
            	"net/http"

            	"github.com/gobwas/ws"
            	"github.com/gobwas/ws/wsutil"
            )

            func greet(w http.ResponseWriter, r *http.Request) {
            	conn, _, _, err := ws.UpgradeHTTP(r, w)
            	if err != nil {
            		return
            	}
            %s	if err := wsutil.WriteServerText(conn, []byte("hello")); err != nil {
            		return
            	}
            }
            """;

    @Test
    void gobwas_ws_defect_is_reported() {
        assertEquals(List.of("11:go-resource-not-closed"),
                item(file("live/ws.go", GOBWAS_WS.formatted("")), "RES-01"));
    }

    @Test
    void gobwas_ws_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("live/ws.go", GOBWAS_WS.formatted("\tdefer conn.Close()\n")), "RES-01"));
    }

    // --- RES-01: an archive/zip entry opened in a loop and not closed before the next turn or an error return
    private static final String ZIP_ENTRY = """
            import (
            	"archive/zip"
            	"io"
            )

            func firstBytes(zr *zip.Reader, n int64) ([][]byte, error) {
            	var out [][]byte
            	for _, entry := range zr.File {
            		rc, err := entry.Open()
            		if err != nil {
            			return nil, err
            		}
            		b, err := io.ReadAll(io.LimitReader(rc, n))
            %s		if err != nil {
            			return nil, err
            		}
            		out = append(out, b)
            	}
            	return out, nil
            }
            """;

    @Test
    void zip_entry_defect_is_reported() {
        assertEquals(List.of("11:go-resource-not-closed"),
                item(file("importer/zip.go", ZIP_ENTRY.formatted("")), "RES-01"));
    }

    @Test
    void zip_entry_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("importer/zip.go", ZIP_ENTRY.formatted("\t\trc.Close()\n")), "RES-01"));
    }

    // --- RES-01: an uploaded multipart file (a temporary file for large uploads) left open on an error return
    private static final String MULTIPART_UPLOAD = """
            import (
            	"io"
            	"mime/multipart"
            	"os"
            )

            func save(fh *multipart.FileHeader, path string) error {
            	src, err := fh.Open()
            	if err != nil {
            		return err
            	}
            %s	dst, err := os.Create(path)
            	if err != nil {
            		return err
            	}
            	defer dst.Close()
            	_, err = io.Copy(dst, src)
            	return err
            }
            """;

    @Test
    void multipart_upload_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("media/upload.go", MULTIPART_UPLOAD.formatted("")), "RES-01"));
    }

    @Test
    void multipart_upload_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("media/upload.go", MULTIPART_UPLOAD.formatted("\tdefer src.Close()\n")), "RES-01"));
    }
}
