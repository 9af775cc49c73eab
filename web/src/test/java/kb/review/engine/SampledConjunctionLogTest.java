package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LOG-01, the class of sampled logging whose counter bound is one operand of an {@code &&}: {@code if (!saved &&
 * rejected++ < LIMIT) log.warn(...)} logs the first few failures only, which is LOG-01's own "Good" shape ("first
 * few only", then a summary). The branch runs only when every operand holds, so the bound caps it however often the
 * other operand is true. The look-alike that still floods: a failure test anded with
 * a test of the item instead of a bound (every bad item logs).
 */
class SampledConjunctionLogTest {

    private static final String IMPORTER = """
            package com.example.load;

            import java.util.List;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            public class Importer {
                private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
                private static final int LOGGED = 3;
                private final Store store;

                public Importer(Store store) {
                    this.store = store;
                }

                public int load(List<Row> rows) {
                    int failed = 0;
                    for (Row row : rows) {
                        if (CONDITION) {
                            LOG.warn("row {} not stored", row.key());
                        }
                    }
                    LOG.info("{} rows, {} failed", rows.size(), failed);
                    return failed;
                }
            }
            """;

    private static List<Integer> log01(String condition) {
        return MetamorphicClassesTest.lines(MetamorphicClassesTest.javaFile(
                "src/main/java/com/example/load/Importer.java", IMPORTER.replace("CONDITION", condition)), "LOG-01");
    }

    @Test
    void a_counter_bound_anded_with_the_failure_test_is_a_sample() {
        assertEquals(List.of(), log01("!store.put(row) && failed++ < LOGGED"));
        assertEquals(List.of(), log01("(failed++ < 3) && !store.put(row)"));
        assertEquals(List.of(), log01("!store.put(row) && (row.key() != null && ++failed <= LOGGED)"));
    }

    @Test
    void a_failure_test_without_a_bound_logs_every_failure() {
        assertEquals(List.of(20), log01("!store.put(row) && row.key() != null"));
    }

    @Test
    void a_go_bound_anded_with_the_error_test_is_a_sample() {
        String go = """
                import "log"

                func load(rows []Row, s Store) int {
                	failed := 0
                	for _, r := range rows {
                		if err := s.Put(r); err != nil && failed < 3 {
                			log.Printf("row %s not stored: %v", r.Key, err)
                			failed++
                		}
                	}
                	return failed
                }
                """;
        assertEquals(List.of(), GoRound8ClassesTest.item(GoRound8ClassesTest.file("load/load.go", go), "LOG-01"));
        String flood = go.replace(" && failed < 3", "");
        assertEquals(List.of("9:go-log-in-loop"),
                GoRound8ClassesTest.item(GoRound8ClassesTest.file("load/load.go", flood), "LOG-01"));
    }
}
