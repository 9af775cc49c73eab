package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TX-02, the class of a conditional UPDATE (a compare-and-set) whose row count is dropped. TX-02's Java text names
 * "ignoring the row count that {@code executeUpdate} returns when exactly one row must change"; an UPDATE whose WHERE
 * tests a column its own SET writes against the caller's expected value, beside a key parameter ({@code SET state =
 * ? WHERE id = ? AND state = ?}, an optimistic {@code version}), is one the code itself says must change exactly one row: zero rows means another
 * writer won. Look-alikes: the count checked, a plain update by key (nothing in the SQL says the row must match), a
 * set-once guard against a literal ({@code AND finished IS NULL}: no row changed means it was already done), and a
 * bulk update with no key.
 */
class ConditionalUpdateCountTest {

    private static final String STORE = """
            package com.example.jobs;

            import java.sql.Connection;
            import java.sql.PreparedStatement;
            import java.sql.SQLException;
            import javax.sql.DataSource;

            public class JobStore {
                private static final String CLAIM = "UPDATE job SET owner = ?, state = ? "
                        + "WHERE id = ? AND state = ?";
                private final DataSource ds;

                public JobStore(DataSource ds) {
                    this.ds = ds;
                }

                public void claim(long id, String worker) throws SQLException {
                    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(%SQL%)) {
                        ps.setString(1, worker);
                        ps.setLong(2, id);
            %RUN%
                    }
                }
            }
            """;

    private static List<String> tx02(String sql, String run) {
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile("src/main/java/com/example/jobs/JobStore.java",
                STORE.replace("%SQL%", sql).replace("%RUN%", run)), "TX-02");
    }

    @Test
    void a_compare_and_set_whose_count_is_dropped_is_found() {
        assertEquals(List.of("21:java-conditional-update-count-ignored"), tx02("CLAIM", "            ps.executeUpdate();"));
        assertEquals(List.of("21:java-conditional-update-count-ignored"), tx02(
                "\"UPDATE job SET version = version + 1, owner = ? WHERE id = ? AND version = ?\"",
                "            ps.executeUpdate();"));
    }

    @Test
    void a_jdbc_template_or_jpa_conditional_update_is_found() {
        String template = """
                package com.example.jobs;

                import org.springframework.jdbc.core.JdbcTemplate;

                public class Leases {
                    private final JdbcTemplate jdbc;

                    public Leases(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }

                    public void renew(String name, String holder, long until) {
                        jdbc.update("UPDATE lease SET until = ? WHERE name = ? AND holder = ? AND until > ?",
                                until, name, holder, System.currentTimeMillis());
                    }

                    public void release(jakarta.persistence.EntityManager em, String name, String holder) {
                        em.createQuery("update Lease l set l.holder = null where l.name = :name and l.holder = :holder")
                                .setParameter("name", name).setParameter("holder", holder).executeUpdate();
                    }
                }
                """;
        assertEquals(List.of("13:java-conditional-update-count-ignored", "18:java-conditional-update-count-ignored"),
                GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile("src/main/java/com/example/jobs/Leases.java",
                        template), "TX-02"));
    }

    @Test
    void a_checked_count_is_clean() {
        assertEquals(List.of(), tx02("CLAIM", """
                            if (ps.executeUpdate() != 1) {
                                throw new IllegalStateException("job " + id + " was claimed by another worker");
                            }"""));
    }

    @Test
    void a_set_once_guard_against_a_literal_is_clean() {
        assertEquals(List.of(), tx02("\"UPDATE job SET finished = ? WHERE id = ? AND finished IS NULL\"",
                "            ps.executeUpdate();"));
    }

    @Test
    void a_plain_update_by_key_or_a_bulk_update_is_clean() {
        assertEquals(List.of(), tx02("\"UPDATE job SET owner = ? WHERE id = ?\"", "            ps.executeUpdate();"));
        assertEquals(List.of(), tx02("\"UPDATE job SET state = 'QUEUED' WHERE state = 'RUNNING'\"",
                "            ps.executeUpdate();"));
    }

    @Test
    void what_counts_as_a_conditional_update() {
        assertTrue(ConditionalUpdates.conditional("UPDATE cursor_ SET slot = ? WHERE consumer = ? AND slot = ?"));
        assertTrue(ConditionalUpdates.conditional("update t set \"state\" = :to where t.id = :id and \"state\" = :from"));
        assertFalse(ConditionalUpdates.conditional("UPDATE t SET seen = now() WHERE id = ?"));
        assertFalse(ConditionalUpdates.conditional("DELETE FROM t WHERE id = ? AND version = ?"));
    }
}
