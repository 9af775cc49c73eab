package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03, the class of a non-thread-safe {@code java.text} formatter ({@code SimpleDateFormat}, {@code DecimalFormat},
 * ...) held in an instance field and used by work the object itself runs on other threads: a parallel stream, pool
 * tasks, async steps. The checklist's first trap is the static {@code SimpleDateFormat} ("its parse state is an
 * instance field, so concurrent use produces wrong dates"); an instance field is the same object shared the moment
 * two threads of one instance reach it. Look-alikes: a sequential stream, a formatter made per call, a
 * {@code DateTimeFormatter}, and the use synchronized on the formatter.
 */
class FormatterFieldSharedByTasksTest {

    private static final String EXPORTER = """
            package com.example.export;

            import java.text.SimpleDateFormat;
            import java.util.Date;
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import java.util.stream.Collectors;

            public class CsvExporter {
                private final SimpleDateFormat stamp = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
                private final ExecutorService pool;

                public CsvExporter(ExecutorService pool) {
                    this.pool = pool;
                }

                public List<String> export(List<Event> events) {
                    return events.STREAM().map(this::row).collect(Collectors.toList());
                }

                private String row(Event e) {
                    return e.name() + "," + when(e.at());
                }

                private String when(Date at) {
                    return USE;
                }
            }
            """;

    private static List<String> conc03(String stream, String use) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile("src/main/java/com/example/export/CsvExporter.java",
                EXPORTER.replace("STREAM", stream).replace("USE", use)), "CONC-03");
    }

    @Test
    void a_formatter_field_reached_from_a_parallel_stream_is_found() {
        assertEquals(List.of("10:java-formatter-field-shared-by-tasks"), conc03("parallelStream", "stamp.format(at)"));
        assertEquals(List.of("10:java-formatter-field-shared-by-tasks"),
                conc03("stream().parallel", "this.stamp.format(at)"));
    }

    @Test
    void a_formatter_field_used_by_pool_tasks_is_found() {
        String code = EXPORTER.replace("STREAM", "stream").replace("USE", "\"\"").replace(
                "    private String row(Event e) {", """
                    public void exportAll(List<Event> events, Sink sink) {
                        for (Event e : events) {
                            pool.submit(() -> sink.write(e.name() + "," + stamp.format(e.at())));
                        }
                    }

                    private String row(Event e) {""");
        assertEquals(List.of("10:java-formatter-field-shared-by-tasks"), GoRound8ClassesTest.item(
                MetamorphicClassesTest.javaFile("src/main/java/com/example/export/CsvExporter.java", code), "CONC-03"));
    }

    @Test
    void a_sequential_stream_is_clean() {
        assertEquals(List.of(), conc03("stream", "stamp.format(at)"));
    }

    @Test
    void a_formatter_made_per_call_or_used_under_its_monitor_is_clean() {
        assertEquals(List.of(), conc03("parallelStream", "new SimpleDateFormat(\"yyyy-MM-dd\").format(at)"));
        String locked = EXPORTER.replace("STREAM", "parallelStream").replace("        return USE;", """
                        synchronized (stamp) {
                            return stamp.format(at);
                        }""");
        assertEquals(List.of(), GoRound8ClassesTest.item(
                MetamorphicClassesTest.javaFile("src/main/java/com/example/export/CsvExporter.java", locked), "CONC-03"));
    }

    @Test
    void a_thread_safe_formatter_field_is_clean() {
        String code = EXPORTER.replace("STREAM", "parallelStream").replace("USE", "STAMP.format(at.toInstant())")
                .replace("private final SimpleDateFormat stamp = new SimpleDateFormat(\"yyyy-MM-dd HH:mm:ss\");",
                        "private final java.time.format.DateTimeFormatter STAMP = "
                                + "java.time.format.DateTimeFormatter.ISO_INSTANT;");
        assertEquals(List.of(), GoRound8ClassesTest.item(
                MetamorphicClassesTest.javaFile("src/main/java/com/example/export/CsvExporter.java", code), "CONC-03"));
    }
}
