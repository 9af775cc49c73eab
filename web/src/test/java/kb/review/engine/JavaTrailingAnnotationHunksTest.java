package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edits at the end of a Java method, pasted as git prints them: the three lines of trailing context very often stop
 * on the annotations of the next member ({@code @Override}, {@code @Test}, {@code @Bean}, one with arguments). Alone
 * at the end of a piece they belong to no declaration, so the piece parsed neither as statements nor as members and
 * the edit above went unread: a stream closed by hand at the end of the block (RES-01's own Java Bad example: "Never
 * call close() by hand at the end of a block; an exception skips it") was never reported when the next method was
 * annotated, and was when it was not. The piece is now read without those lines; each defect below is reported, and
 * the same hunk with the close on every path (try-with-resources, finally, handed to the caller or to a field) stays
 * silent. Findings are "line:item" of the active findings.
 */
class JavaTrailingAnnotationHunksTest {

    private static List<String> res01(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("RES-01"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    /** One hunk of an edit: {@code body} lines start with ' ', '+' or '-'; {@code start} is both sides' line. */
    private static String edit(String path, int start, String body) {
        List<String> lines = body.lines().toList();
        long old = lines.stream().filter(l -> !l.startsWith("+")).count();
        long now = lines.stream().filter(l -> !l.startsWith("-")).count();
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nindex 3a4b5c6..7d8e9f0 100644\n"
                + "--- a/" + path + "\n+++ b/" + path + "\n@@ -" + start + "," + old + " +" + start + "," + now
                + " @@ final class Exporter {\n");
        lines.forEach(l -> d.append(l).append('\n'));
        return d.toString();
    }

    // --- defects: closed by hand at the end of the block, the hunk ending on the next member's annotations ---

    @Test
    void a_file_stream_closed_by_hand_before_an_override_is_reported() {
        assertEquals(List.of("52:RES-01"), res01(edit("src/main/java/acme/Exporter.java", 50, """
                         this.target = File.createTempFile("export", ".csv", dir);
                         this.rows = rows;
                +        OutputStream sink = new FileOutputStream(target);
                +        writer.writeAll(rows, sink);
                +        sink.close();
                     }
                 
                     @Override
                """)));
    }

    @Test
    void a_jdbc_statement_closed_by_hand_before_an_annotation_with_arguments_is_reported() {
        assertEquals(List.of("72:RES-01"), res01(edit("src/main/java/acme/billing/InvoiceStore.java", 71, """
                         long started = System.nanoTime();
                -        jdbc.update(ARCHIVE_SQL, cutoff);
                +        Statement archive = connection.createStatement();
                +        archive.executeUpdate(ARCHIVE_SQL + cutoff);
                +        archive.close();
                         metrics.record(System.nanoTime() - started);
                     }
                 
                     @Transactional(readOnly = true, timeout = 5)
                """)));
    }

    @Test
    void a_reader_closed_by_hand_before_two_annotation_lines_is_reported() {
        assertEquals(List.of("19:RES-01"), res01(edit("src/main/java/acme/config/Profiles.java", 17, """
                     Map<String, String> load(Path file) throws IOException {
                         Map<String, String> out = new HashMap<>();
                +        BufferedReader lines = Files.newBufferedReader(file);
                +        lines.lines().map(l -> l.split("=", 2)).forEach(kv -> out.put(kv[0], kv[1]));
                +        lines.close();
                         return out;
                     }
                 
                     @Bean
                     @ConditionalOnMissingBean(name = "profiles")
                """)));
    }

    @Test
    void a_project_lease_closed_by_hand_before_a_test_annotation_is_reported() {
        // no model names the project's own lease: the author's close says it holds something
        assertEquals(List.of("34:RES-01"), res01(edit("src/main/java/acme/locks/Sweeper.java", 33, """
                     void sweep(String key) throws Exception {
                +        SlotLease lease = registry.acquire(key, Duration.ofSeconds(30));
                +        cleaner.clean(key);
                +        lease.close();
                     }
                 
                     @Scheduled(fixedDelay = 60_000)
                """)));
    }

    // --- clean look-alikes: the same hunks with the close on every path ---

    @Test
    void the_file_stream_in_try_with_resources_before_an_override_is_silent() {
        assertEquals(List.of(), res01(edit("src/main/java/acme/Exporter.java", 50, """
                         this.target = File.createTempFile("export", ".csv", dir);
                         this.rows = rows;
                +        try (OutputStream sink = new FileOutputStream(target)) {
                +            writer.writeAll(rows, sink);
                +        }
                     }
                 
                     @Override
                """)));
    }

    @Test
    void the_statement_closed_in_finally_before_an_annotation_is_silent() {
        assertEquals(List.of(), res01(edit("src/main/java/acme/billing/InvoiceStore.java", 71, """
                         long started = System.nanoTime();
                +        Statement archive = connection.createStatement();
                +        try {
                +            archive.executeUpdate(ARCHIVE_SQL + cutoff);
                +        } finally {
                +            archive.close();
                +        }
                         metrics.record(System.nanoTime() - started);
                     }
                 
                     @Transactional(readOnly = true, timeout = 5)
                """)));
    }

    @Test
    void a_reader_handed_back_to_the_caller_before_annotations_is_silent() {
        assertEquals(List.of(), res01(edit("src/main/java/acme/config/Profiles.java", 17, """
                     BufferedReader open(Path file) throws IOException {
                         log.debug("profile {}", file);
                +        BufferedReader lines = Files.newBufferedReader(file);
                +        return lines;
                     }
                 
                     @Bean
                     @ConditionalOnMissingBean(name = "profiles")
                """)));
    }

    @Test
    void a_stream_kept_in_a_field_before_an_annotation_is_silent() {
        assertEquals(List.of(), res01(edit("src/main/java/acme/Exporter.java", 50, """
                         this.target = File.createTempFile("export", ".csv", dir);
                +        this.sink = new FileOutputStream(target);
                +        this.rows = rows;
                     }
                 
                     @Override
                """)));
    }
}
