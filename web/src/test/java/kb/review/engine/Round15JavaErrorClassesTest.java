package kb.review.engine;

import static kb.review.engine.Round12ClassesTest.edit;
import static kb.review.engine.Round12ClassesTest.hunk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round-15 Java classes of failures read as ordinary answers, each beside the look-alike its rule must leave alone.
 * <ul>
 * <li>ERR-01, a catch of a failure of the work (a database or I/O call) whose whole answer is {@code false} or
 * {@code 0}, an answer the success path gives too. The item: "return/rethrow it with context", and an absorbed error
 * is logged <em>and</em> counted; a negative answer the caller also gets on success is neither, so an outage reads as
 * "not acquired" or "no rows written". Clean: the failure rethrown or wrapped, a success path that only says
 * {@code true} (then false is the failure's own answer), a parse failure falling back to a default, an absent value
 * for optional data, a probe whose answer is whether the call worked, a catch that says why in a comment.</li>
 * <li>TX-02, an edit that turns a checked row count into a bare {@code executeUpdate();}: "ignoring the row count
 * that executeUpdate returns when exactly one row must change". The deleted check is the code's own word that the
 * count mattered. Clean: the count kept in a variable and still checked.</li>
 * </ul>
 * The fixtures are written for these tests. Findings are compared as "line:rule".
 */
class Round15JavaErrorClassesTest {

    private static List<String> item(String path, String code, String item) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(path, code), item);
    }

    private static final String PATH = "src/main/java/com/example/leases/LeaseStore.java";

    /** A lease table: TRY is the work, CATCH the handler of its failure. */
    private static final String LEASES = """
            package com.example.leases;

            import java.sql.*;
            import javax.sql.DataSource;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            final class LeaseStore {
                private static final Logger log = LoggerFactory.getLogger(LeaseStore.class);
                private final DataSource pool;

                LeaseStore(DataSource pool) {
                    this.pool = pool;
                }

                RESULT claim(String lease, String owner) throws SQLException {
                    try (Connection c = pool.getConnection();
                         PreparedStatement ps = c.prepareStatement("UPDATE lease SET owner = ? WHERE id = ? AND owner IS NULL")) {
                        ps.setString(1, owner);
                        ps.setString(2, lease);
            TRY
                    } CATCH
                }
            }
            """;

    private static String leases(String result, String tried, String handler) {
        return LEASES.replace("RESULT", result).replace("TRY", tried).replace("CATCH", handler);
    }

    @Test
    void a_database_failure_answered_as_not_claimed_is_found() {
        String code = leases("boolean", "            return ps.executeUpdate() == 1;",
                "catch (SQLException e) {\n            return false;\n        }");
        assertEquals(List.of("22:java-failure-returned-as-result"), item(PATH, code, "ERR-01"));
    }

    @Test
    void a_failure_logged_and_reported_as_zero_rows_is_found() {
        String code = leases("int", "            return ps.executeUpdate();",
                "catch (SQLException e) {\n            log.warn(\"claim of {} failed\", lease, e);\n"
                        + "            return 0;\n        }");
        assertEquals(List.of("22:java-failure-returned-as-result"), item(PATH, code, "ERR-01"));
    }

    @Test
    void the_failure_rethrown_with_context_is_clean() {
        String code = leases("boolean", "            return ps.executeUpdate() == 1;",
                "catch (SQLException e) {\n            throw new LeaseException(\"claim \" + lease, e);\n        }");
        assertEquals(List.of(), item(PATH, code, "ERR-01"));
    }

    @Test
    void false_is_the_failures_own_answer_when_success_only_says_true() {
        String code = leases("boolean", "            ps.executeUpdate();\n            return true;",
                "catch (SQLException e) {\n            log.warn(\"claim of {} failed\", lease, e);\n"
                        + "            return false;\n        }");
        assertEquals(List.of(), item(PATH, code, "ERR-01"));
    }

    @Test
    void a_catch_that_says_why_or_counts_the_failure_is_clean() {
        String said = leases("boolean", "            return ps.executeUpdate() == 1;",
                "catch (SQLException e) {\n            // a lost connection means another node may hold it: try later\n"
                        + "            return false;\n        }");
        assertEquals(List.of(), item(PATH, said, "ERR-01"));
        String counted = leases("boolean", "            return ps.executeUpdate() == 1;",
                "catch (SQLException e) {\n            claimFailures.increment();\n            return false;\n        }");
        assertEquals(List.of(), item(PATH, counted, "ERR-01"));
    }

    @Test
    void a_parse_failure_an_absent_value_and_a_probe_are_fall_backs() {
        String parse = """
                package com.example.leases;

                final class Settings {
                    static int ttl(String text) {
                        try {
                            return Integer.parseInt(text.trim());
                        } catch (NumberFormatException e) {
                            return 0;
                        }
                    }
                }
                """;
        assertEquals(List.of(), item("src/main/java/com/example/leases/Settings.java", parse, "ERR-01"));
        String absent = leases("String", "            return ps.executeUpdate() == 1 ? owner : null;",
                "catch (SQLException e) {\n            return null;\n        }");
        assertEquals(List.of(), item(PATH, absent, "ERR-01"));
        String probe = leases("boolean", "            return c.isValid(2);", "catch (SQLException e) {\n"
                + "            return false;\n        }").replace("claim(String lease, String owner)", "isReachable()");
        assertEquals(List.of(), item(PATH, probe, "ERR-01"));
    }

    // --- TX-02: an edit drops the check of an update's row count and keeps the bare call ---

    private static final String WRITER = "src/main/java/com/example/stock/StockWriter.java";

    @Test
    void a_checked_row_count_turned_into_a_bare_update_is_found() {
        String diff = edit(WRITER, hunk(30, 30, "void reserve(Item item, int expected) throws SQLException {", """
                             st.setInt(1, expected - item.quantity());
                             st.setLong(2, item.sku());
                             st.setInt(3, expected);
                        -    if (st.executeUpdate() == 0) {
                        -        throw new StaleStockException(item.sku(), expected);
                        -    }
                        +    st.executeUpdate();
                         }
                         """));
        assertEquals(List.of("33:dropped-row-count"), GoRound8ClassesTest.item(diff, "TX-02"));
    }

    @Test
    void a_count_returned_by_a_template_and_dropped_is_found() {
        String diff = edit(WRITER, hunk(41, 41, "boolean release(long sku, String holder) {", """
                         boolean release(long sku, String holder) {
                        -    return jdbc.update(RELEASE, sku, holder) == 1;
                        +    jdbc.update(RELEASE, sku, holder);
                        +    return true;
                         }
                         """));
        assertEquals(List.of("42:dropped-row-count"), GoRound8ClassesTest.item(diff, "TX-02"));
    }

    @Test
    void the_count_kept_and_checked_is_clean() {
        String diff = edit(WRITER, hunk(30, 30, "void reserve(Item item, int expected) throws SQLException {", """
                             st.setInt(3, expected);
                        -    if (st.executeUpdate() == 0) {
                        +    int changed = st.executeUpdate();
                        +    if (changed != 1) {
                                 throw new StaleStockException(item.sku(), expected);
                             }
                         }
                         """));
        assertEquals(List.of(), GoRound8ClassesTest.item(diff, "TX-02"));
    }

    @Test
    void an_update_that_returns_no_row_count_is_not_a_dropped_check() {
        String diff = edit(WRITER, hunk(50, 50, "void touch(long sku) {", """
                         void touch(long sku) {
                        -    if (recent.update(sku, Instant.now()) == null) {
                        -        misses.increment();
                        -    }
                        +    recent.update(sku, Instant.now());
                         }
                         """));
        assertEquals(List.of(), GoRound8ClassesTest.item(diff, "TX-02"));
    }
}
