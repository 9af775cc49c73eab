package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.hunk;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classes behind round 13's blind misses, most of them edits: a JDBC connection taken from a data source reached
 * through a getter, or straight from a {@code java.sql.Driver}; an edit that unwraps the hand-off of a fresh resource
 * from the try/catch that closed it on failure; a Go {@code defer} at the top of a function turned into a plain close
 * below lines the diff does not show; a {@code defer} added in a loop whose header is above the hunk; a Bytes() view of
 * a pooled buffer used after the buffer went back; foreign memory viewed through a pointer to a huge array. Each
 * defect is paired with the look-alike the same rule must stay silent on. The fixtures are written for these tests.
 * Findings are "line:item".
 */
class Round13ClassesTest {

    // --- class 1: a connection from a data source's getter, or from a Driver, kept in a local and never closed ---

    private static String reportDao(String acquisition, String tryHead) {
        return newFile("src/main/java/a/ReportDao.java", """
                package a;

                import java.sql.Connection;
                import java.sql.ResultSet;
                import java.sql.SQLException;
                import java.sql.Statement;
                import org.springframework.jdbc.core.JdbcTemplate;

                class ReportDao {
                    private final JdbcTemplate template;

                    ReportDao(JdbcTemplate template) {
                        this.template = template;
                    }

                    long pending() throws SQLException {
                """ + acquisition + tryHead + """
                            st.setQueryTimeout(5);
                            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM report WHERE sent = false")) {
                                rs.next();
                                return rs.getLong(1);
                            }
                        }
                    }
                }
                """);
    }

    @Test
    void a_connection_from_the_templates_data_source_held_outside_the_try_is_reported_where_it_is_taken() {
        assertEquals(List.of("17:RES-01"), items(reportDao("""
                        Connection c = template.getDataSource().getConnection();
                """, """
                        try (Statement st = c.createStatement()) {
                """)));
    }

    @Test
    void the_same_connection_opened_as_a_resource_of_the_try_stays_silent() {
        assertEquals(List.of(), items(reportDao("", """
                        try (Connection c = template.getDataSource().getConnection();
                             Statement st = c.createStatement()) {
                """)));
    }

    @Test
    void a_bare_assignment_inside_a_try_whose_declaration_and_finally_the_diff_does_not_show_stays_silent() {
        // the classic pre-Java-7 idiom cut by the hunk: declared null above the try (unseen), closed in its finally
        assertEquals(List.of(), items(hunk("src/main/java/a/LockScanner.java", 70, 70, """
                             long started = System.nanoTime();
                             try {
                -                conn = template.getDataSource().getConnection(); // pooled
                +                conn = template.getDataSource().getConnection();
                                 conn.setAutoCommit(false);
                                 lock = conn.prepareStatement("SELECT * FROM scan_lock FOR UPDATE");
                """)));
    }

    private static String probe(String body) {
        return newFile("src/main/java/a/Probe.java", """
                package a;

                import java.sql.Connection;
                import java.sql.Driver;
                import java.sql.SQLException;
                import java.util.Properties;

                class Probe {
                    private final Driver driver;
                    private final String url;

                    Probe(Driver driver, String url) {
                        this.driver = driver;
                        this.url = url;
                    }

                    boolean reachable(Properties props) throws SQLException {
                """ + body + """
                    }
                }
                """);
    }

    @Test
    void a_connection_opened_straight_from_a_driver_and_never_closed_is_reported() {
        assertEquals(List.of("18:RES-01"), items(probe("""
                        Connection c = driver.connect(url, props);
                        boolean valid = c.isValid(2);
                        return valid;
                """)));
    }

    @Test
    void a_driver_connection_in_try_with_resources_stays_silent() {
        assertEquals(List.of(), items(probe("""
                        try (Connection c = driver.connect(url, props)) {
                            return c.isValid(2);
                        }
                """)));
    }

    // --- class 2: an edit unwraps a hand-off from the try/catch that closed the fresh resource on failure ---

    /** The guard the edits delete: the fresh channel closed when wrapping it fails. */
    private static final String GUARDED_WRAP = """
            -        try {
            -            return new FramedChannel(ch, maxFrame);
            -        } catch (IOException | RuntimeException e) {
            -            ch.close();
            -            throw e;
            -        }
            """;

    private static String channels(String returned, String kept) {
        return hunk("src/main/java/a/Channels.java", 20, 20, """
                     /** A channel to the host; the caller closes it. */
                     public RETURNED open(SocketAddress host) throws IOException {
                         SocketChannel ch = SocketChannel.open(host);
                """.replace("RETURNED", returned) + GUARDED_WRAP + "+        return " + kept + ";\n" + """
                     }
                """);
    }

    @Test
    void an_edit_that_keeps_the_wrapping_but_deletes_its_close_on_failure_is_reported_at_the_acquisition() {
        assertEquals(List.of("22:RES-01"), items(channels("FramedChannel", "new FramedChannel(ch, maxFrame)")));
    }

    @Test
    void an_edit_that_drops_the_wrapping_with_its_guard_and_hands_the_channel_itself_over_stays_silent() {
        assertEquals(List.of(), items(channels("SocketChannel", "ch")));
    }

    // --- class 3: Go, a deferred close turned into a close below lines the diff does not show ---

    private static String loadRules(String firstHunkRelease, String secondHunkRelease) {
        return "diff --git a/rules/load.go b/rules/load.go\n--- a/rules/load.go\n+++ b/rules/load.go\n"
                + "@@ -9,10 +9," + (firstHunkRelease.isEmpty() ? 9 : 10) + " @@ import (\n"
                + """
                 // Load reads one rule per line of the file.
                 func Load(path string) ([]Rule, error) {
                 	f, err := os.Open(path)
                 	if err != nil {
                 		return nil, err
                 	}
                -	defer f.Close()
                """ + firstHunkRelease + """
                 	var rules []Rule
                 	sc := bufio.NewScanner(f)
                 	for sc.Scan() {
                """ + "@@ -30,4 +" + (firstHunkRelease.isEmpty() ? 29 : 30) + ",5 @@ func Load(path string) ([]Rule, error) {\n"
                + """
                 		rules = append(rules, r)
                 	}
                """ + secondHunkRelease + """
                 	return rules, sc.Err()
                 }
                """;
    }

    @Test
    void a_top_level_defer_replaced_by_a_close_after_unseen_lines_is_reported_at_the_open() {
        assertEquals(List.of("11:RES-01"), items(loadRules("", "+\tf.Close()\n")));
    }

    @Test
    void a_top_level_defer_moved_down_with_every_line_between_in_view_and_no_exit_stays_silent() {
        String diff = hunk("rules/raw.go", 9, 9, """
                 // Raw reads the whole rule file.
                 func Raw(path string) ([]byte, error) {
                 	f, err := os.Open(path)
                 	if err != nil {
                 		return nil, err
                 	}
                -	defer f.Close()
                 	data, err := io.ReadAll(f)
                +	f.Close()
                 	if err != nil {
                 		return nil, err
                 	}
                 	return data, nil
                 }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 4: Go, a defer added in a loop whose header is above the hunk ---

    private static String unpack(String tail) {
        return hunk("bundle/unpack.go", 20, 20, """
                 		if hdr.Typeflag != tar.TypeReg {
                 			continue
                 		}
                 		path := filepath.Join(dst, filepath.Clean("/"+hdr.Name))
                -		if err := copyEntry(path, tr); err != nil {
                -			return err
                -		}
                +		w, err := os.Create(path)
                +		if err != nil {
                +			return err
                +		}
                +		defer w.Close()
                """ + tail);
    }

    @Test
    void a_defer_added_after_a_continue_of_a_loop_whose_header_the_hunk_hides_is_reported() {
        assertEquals(List.of("28:RES-03"), items(unpack("""
                +		if _, err := io.Copy(w, tr); err != nil {
                +			return err
                +		}
                 	}
                 }
                """)));
    }

    @Test
    void the_same_defer_in_a_turn_that_always_returns_stays_silent() {
        assertEquals(List.of(), items(unpack("""
                +		_, err = io.Copy(w, tr)
                +		return err
                 	}
                 }
                """)));
    }

    @Test
    void a_defer_after_an_inner_loop_whose_continue_is_in_view_stays_silent() {
        String diff = hunk("bundle/index.go", 20, 20, """
                 	for _, name := range names {
                 		if name == "" {
                 			continue
                 		}
                 		seen[name] = true
                 	}
                +	idx, err := os.Create(filepath.Join(dst, "index"))
                +	if err != nil {
                +		return err
                +	}
                +	defer idx.Close()
                +	if err := writeIndex(idx, seen); err != nil {
                +		log.Printf("index of %s: %v", dst, err)
                +	}
                 }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- class 5: Go, a Bytes() view of a pooled buffer kept in a local and used after the buffer went back ---

    private static String frame(String view) {
        return newFile("wire/frame.go", """
                package wire

                import (
                	"bytes"
                	"sync"
                )

                var frames = sync.Pool{New: func() any { return new(bytes.Buffer) }}

                // Frame prefixes the payload with its length.
                func Frame(payload []byte) []byte {
                	b := frames.Get().(*bytes.Buffer)
                	b.Reset()
                	b.WriteByte(byte(len(payload)))
                	b.Write(payload)
                """ + view + """
                	frames.Put(b)
                	return framed
                }
                """);
    }

    @Test
    void a_view_of_the_pooled_buffer_returned_after_the_put_is_reported_at_the_put() {
        assertEquals(List.of("17:MEM-02"), items(frame("\tframed := b.Bytes()\n")));
    }

    @Test
    void a_copy_of_the_pooled_buffer_returned_after_the_put_stays_silent() {
        assertEquals(List.of(), items(frame("\tframed := bytes.Clone(b.Bytes())\n")));
    }

    // --- class 6: Go, foreign memory viewed through a conversion to a pointer to a huge array ---

    private static String samples(String body) {
        return newFile("audio/samples.go", """
                package audio

                // #include "decoder.h"
                import "C"

                import "unsafe"

                // Samples returns the decoded samples of the frame.
                func Samples(frame *C.struct_frame) []int16 {
                	var data unsafe.Pointer = frame.data
                	n := int(frame.count)
                """ + body + "}\n");
    }

    @Test
    void a_huge_array_view_of_c_memory_is_reported() {
        assertEquals(List.of("12:MEM-01"), items(samples("\treturn (*[1 << 28]int16)(data)[:n:n]\n")));
    }

    @Test
    void a_copy_made_by_the_c_side_into_go_memory_stays_silent() {
        assertEquals(List.of(), items(samples(
                "\tout := make([]int16, n)\n\tC.copy_samples(frame, (*C.short)(&out[0]))\n\treturn out\n")));
    }
}
