package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A class of code the round-11 held-out corpus showed the review missing: Go calls whose dropped error is the only
 * sign that buffered or archived output was written or that a wait was granted (ERR-01; a bare Flush, an archive's
 * Close, a semaphore's Acquire), against the checked or deferred call, in-memory writers, and a loop whose next write
 * checks the sticky error. Split from {@link Round11ClassesTest}; the fixtures are written for these tests, not taken
 * from the corpus. Findings are compared as "line:item".
 */
class Round11GoErrorClassesTest {

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
}
