package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-01's Java class of a line per failed or rejected element that the loop also counts: a {@code catch} or an
 * {@code if} branch inside a loop over a batch that does {@code failed++} and logs the element. The checklist's Bad
 * example is this shape ({@code if (!valid(r)) log.warn("invalid record {}", r)}: "a flood when the upstream
 * breaks"), and its Good example keeps the counter and logs only the first few ({@code if (invalid++ < 3)}) with one
 * summary line. The tally is what says the branch runs per element, whether or not the diff shows where the batch
 * came from. The clean look-alikes are the Good example's sampled warning, and a counted branch that logs nothing.
 */
class JavaCountedFailureLogTest {

    private static List<String> log01(String branch) {
        return JavaMissedClassesTest.items("src/main/java/a/Outbox.java", """
                package a;

                import java.util.List;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;

                class Outbox {
                    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
                    private final Store store;
                    private final Relay relay;

                    void flush() {
                        List<Message> due = store.due(1000);
                        int failed = 0;
                        for (Message m : due) {
                            try {
                                relay.send(m);
                            } catch (RelayException e) {
                %s
                            }
                        }
                        log.info("outbox flush: {} due, {} failed", due.size(), failed);
                    }

                    int importRows(List<Row> rows) {
                        int rejected = 0;
                        for (Row row : rows) {
                            if (!row.isValid()) {
                                rejected++;
                                log.warn("row rejected: {}", row);
                                continue;
                            }
                            store.put(row);
                        }
                        return rejected;
                    }
                }
                """.formatted(branch)).stream().filter(s -> s.endsWith(":LOG-01")).toList();
    }

    @Test
    void a_counted_warning_per_failed_element_is_found() {
        assertEquals(List.of("20:LOG-01", "31:LOG-01"), log01("""
                                failed++;
                                log.warn("message {} not relayed: {}", m.id(), e.getMessage());"""));
    }

    @Test
    void the_sampled_warning_of_the_good_example_is_clean() {
        assertEquals(List.of("32:LOG-01"), log01("""
                                if (failed++ < 3) {
                                    log.warn("message {} not relayed: {}", m.id(), e.getMessage());
                                }"""));
    }

    @Test
    void a_failure_path_that_neither_counts_nor_repeats_by_its_tally_stays_clean() {
        assertEquals(List.of("31:LOG-01"), log01("""
                                log.warn("relay down, flush stops at {}", m.id());
                                return;"""));
    }
}
