package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** LOG-01 on the loop shapes keywords do not show: forEach lambdas, and logs limited to the first few. */
class JavaLogLoopClassesTest {

    private static final String FOR_EACH = """
            package a;

            class Import {
                private static final Logger logger = Logger.getLogger("import");

                void load(List<Row> rows) {
                    %s
                }
            }
            """;

    @Test
    void a_log_call_in_a_lambda_given_to_for_each_logs_once_per_element() {
        assertEquals(List.of("7:LOG-01"), items("src/main/java/a/Import.java", FOR_EACH.formatted(
                "rows.forEach(r -> logger.log(Level.INFO, \"row \" + r));")));
        assertEquals(List.of("7:LOG-01"), items("src/main/java/a/Import.java", FOR_EACH.formatted(
                "rows.stream().filter(Row::valid).forEach(r -> { logger.info(\"valid \" + r); store(r); });")));
        assertEquals(List.of(), items("src/main/java/a/Import.java", FOR_EACH.formatted(
                "rows.forEach(this::store); logger.info(\"stored \" + rows.size());")));
        // a lambda run once, not per element, is not a loop body
        assertEquals(List.of(), items("src/main/java/a/Import.java", FOR_EACH.formatted(
                "executor.execute(() -> logger.info(\"loading \" + rows.size()));")));
    }

    private static final String SAMPLED = """
            package a;

            class Import {
                void load(List<Row> rows) {
                    int rejected = 0;
                    for (Row r : rows) {
                        if (!r.valid()) {
                            %s
                                log.warn("rejected row {}", r.id());
                            }
                            rejected++;
                        }
                    }
                    log.info("rejected {} rows", rejected);
                }
            }
            """;

    @Test
    void a_log_limited_to_the_first_few_by_a_counter_is_clean_and_an_unbounded_test_is_not() {
        assertEquals(List.of(), items("src/main/java/a/Import.java", SAMPLED.formatted("if (rejected < 3) {")));
        assertEquals(List.of(), items("src/main/java/a/Import.java",
                SAMPLED.formatted("if (rejected <= MAX_LOGGED) {")));
        assertEquals(List.of(), items("src/main/java/a/Import.java",
                SAMPLED.formatted("if (rejected % 1000 == 0) {")));
        assertEquals(List.of("9:LOG-01"), items("src/main/java/a/Import.java",
                SAMPLED.formatted("if (r.size() < limit) {")));
    }
}
