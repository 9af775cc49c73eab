package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JPA and Hibernate sessions kept in locals, files opened by wrappers given a File, values stored in fields, and the
 * classic JDBC finally that closes each object in turn.
 */
class JavaSessionsAndStreamsTest {

    private static final String SESSION = """
            package a;

            class Reports {
                private SessionFactory sessionFactory;
                private EntityManagerFactory emf;

                List<Row> rows(String query) {
                    %s
                }
            }
            """;

    @Test
    void a_hibernate_session_closed_after_an_early_return_leaks_its_connection() {
        assertEquals(List.of("8:RES-01"), items("src/main/java/a/Reports.java", SESSION.formatted("""
                Session session = sessionFactory.openSession();
                        if (query.isBlank()) {
                            return List.of();
                        }
                        List<Row> out = session.createQuery(query, Row.class).list();
                        session.close();
                        return out;""")));
    }

    @Test
    void a_stateless_session_or_entity_manager_closed_only_after_the_work_leaks_when_it_throws() {
        assertEquals(List.of("8:RES-01"), items("src/main/java/a/Reports.java", SESSION.formatted("""
                StatelessSession s = sessionFactory.openStatelessSession();
                        List<Row> out = s.createQuery(query, Row.class).list();
                        s.close();
                        return out;""")));
        assertEquals(List.of("8:RES-01"), items("src/main/java/a/Reports.java", SESSION.formatted("""
                EntityManager em = emf.createEntityManager();
                        List<Row> out = em.createQuery(query, Row.class).getResultList();
                        em.close();
                        return out;""")));
    }

    @Test
    void sessions_closed_in_finally_or_try_with_resources_are_clean() {
        assertEquals(List.of(), items("src/main/java/a/Reports.java", SESSION.formatted("""
                try (Session session = sessionFactory.openSession()) {
                            return session.createQuery(query, Row.class).list();
                        }""")));
        assertEquals(List.of(), items("src/main/java/a/Reports.java", SESSION.formatted("""
                EntityManager em = emf.createEntityManager();
                        EntityTransaction tx = em.getTransaction();
                        try {
                            return em.createQuery(query, Row.class).getResultList();
                        } finally {
                            em.close();
                        }""")));
    }

    @Test
    void a_session_or_stream_stored_in_a_field_belongs_to_the_object() {
        // once the constructor returns; a later step that fails must close what is already stored (see
        // JavaRound3ClassesTest for the constructor that does not)
        assertEquals(List.of(), items("src/main/java/a/Unit.java", """
                package a;

                class Unit implements AutoCloseable {
                    private Session session;
                    private BufferedWriter journal;

                    Unit(SessionFactory factory, Path log) throws IOException {
                        session = factory.openSession();
                        try {
                            journal = Files.newBufferedWriter(log);
                        } catch (IOException e) {
                            session.close();
                            throw e;
                        }
                    }

                    public void close() throws IOException {
                        journal.close();
                        session.close();
                    }
                }
                """));
    }

    private static final String SCANNER = """
            package a;

            class Counter {
                int count(File input) throws IOException {
                    %s
                }
            }
            """;

    @Test
    void a_scanner_given_a_file_opens_it_and_must_be_closed() {
        assertEquals(List.of("5:RES-01"), items("src/main/java/a/Counter.java", SCANNER.formatted("""
                Scanner sc = new Scanner(input);
                        int n = 0;
                        while (sc.hasNextLine()) { sc.nextLine(); n++; }
                        return n;""")));
        assertEquals(List.of(), items("src/main/java/a/Counter.java", SCANNER.formatted("""
                try (Scanner sc = new Scanner(input)) {
                            int n = 0;
                            while (sc.hasNextLine()) { sc.nextLine(); n++; }
                            return n;
                        }""")));
    }

    @Test
    void a_scanner_over_a_string_holds_no_file() {
        assertEquals(List.of(), items("src/main/java/a/Counter.java", SCANNER.formatted("""
                Scanner sc = new Scanner(input.getName());
                        return sc.hasNext() ? 1 : 0;""")));
    }

    private static final String JDBC = """
            package a;

            class Totals {
                long total(DataSource ds) throws SQLException {
                    Connection c = null;
                    PreparedStatement ps = null;
                    ResultSet rs = null;
                    try {
                        c = ds.getConnection();
                        ps = c.prepareStatement("select sum(amount) from payments");
                        ps.setQueryTimeout(5);
                        rs = ps.executeQuery();
                        rs.next();
                        return rs.getLong(1);
                    } finally {
                        %s
                    }
                }
            }
            """;

    @Test
    void closing_result_set_statement_and_connection_in_turn_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Totals.java", JDBC.formatted(
                "if (rs != null) rs.close(); if (ps != null) ps.close(); if (c != null) c.close();")));
    }

    @Test
    void a_finally_that_forgets_the_statement_still_leaks_it() {
        assertEquals(List.of("10:RES-01"), items("src/main/java/a/Totals.java", JDBC.formatted(
                "if (rs != null) rs.close(); if (c != null) c.close();")));
    }
}
