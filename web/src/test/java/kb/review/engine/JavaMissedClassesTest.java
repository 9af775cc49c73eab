package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of Java code the review used to miss, each defect next to the correct look-alike the same rule must stay
 * silent on. Findings are compared as "line:item" so a rule may be renamed without moving these tests.
 */
class JavaMissedClassesTest {

    static List<String> items(String path, String code) {
        return TestRules.reviewDiff(LifecycleRulesTest.newFile(path, code)).active().stream()
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    private static final String JPA = """
            package a;

            class Orders {
                void save(EntityManagerFactory emf, Order o) {
                    EntityManager em = emf.createEntityManager();
                    EntityTransaction tx = em.getTransaction();
                    try {
                        tx.begin();
                        em.persist(o);
                        tx.commit();
                    } %s finally {
                        em.close();
                    }
                }
            }
            """;

    @Test
    void a_jpa_transaction_begun_without_a_rollback_on_the_exception_path_is_not_ended() {
        assertEquals(List.of("8:TX-01"), items("src/main/java/a/Orders.java", JPA.formatted("")));
        assertEquals(List.of(), items("src/main/java/a/Orders.java", JPA.formatted(
                "catch (RuntimeException e) { if (tx.isActive()) { tx.rollback(); } throw e; }")));
    }

    private static final String SPRING_TX = """
            package a;

            class Transfers {
                private final PlatformTransactionManager txManager;

                void move(long from, long to) {
                    TransactionStatus status = txManager.getTransaction(new DefaultTransactionDefinition());
                    %s
                }
            }
            """;

    @Test
    void a_spring_programmatic_transaction_needs_a_rollback_when_the_work_throws() {
        assertEquals(List.of("7:TX-01"), items("src/main/java/a/Transfers.java", SPRING_TX.formatted(
                "accounts.debit(from); accounts.credit(to); txManager.commit(status);")));
        assertEquals(List.of(), items("src/main/java/a/Transfers.java", SPRING_TX.formatted("""
                try { accounts.debit(from); accounts.credit(to); }
                        catch (RuntimeException e) { txManager.rollback(status); throw e; }
                        txManager.commit(status);""")));
    }

    @Test
    void a_transaction_template_callback_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Transfers.java", """
                package a;

                class Transfers {
                    void move(TransactionTemplate template, long from, long to) {
                        template.execute(status -> { accounts.debit(from); accounts.credit(to); return null; });
                    }
                }
                """));
    }

    private static final String STREAMS = """
            package a;

            class Names {
                Optional<String> first(JdbcTemplate jdbc, Path dir) throws IOException {
                    %s
                }
            }
            """;

    @Test
    void a_resource_backed_stream_consumed_in_one_expression_is_never_closed() {
        assertEquals(List.of("5:RES-01"), items("src/main/java/a/Names.java", STREAMS.formatted(
                "return jdbc.queryForStream(\"select name from t\", (rs, i) -> rs.getString(1)).findFirst();")));
        assertEquals(List.of("5:RES-01"), items("src/main/java/a/Names.java", STREAMS.formatted(
                "return Files.lines(dir.resolve(\"names\")).map(String::trim).findFirst();")));
        assertEquals(List.of("5:RES-01"), items("src/main/java/a/Names.java", STREAMS.formatted(
                "return Files.walk(dir).map(Path::toString).collect(Collectors.toList()).stream().findAny();")));
        assertEquals(List.of(), items("src/main/java/a/Names.java", STREAMS.formatted("""
                try (Stream<String> s = jdbc.queryForStream("select name from t", (rs, i) -> rs.getString(1))) {
                            return s.findFirst();
                        }""")));
        assertEquals(List.of(), items("src/main/java/a/Names.java", STREAMS.formatted("""
                try (Stream<Path> s = Files.list(dir)) { return s.map(Path::toString).findFirst(); }""")));
    }

    private static final String REPO = """
            package a;

            interface PersonRepository extends JpaRepository<Person, Long> {
                Stream<Person> streamAllByCity(String city);
            }

            class People {
                private final PersonRepository people;

                List<String> names(String city) {
                    %s
                }
            }
            """;

    @Test
    void a_spring_data_stream_query_consumed_without_closing_leaks_its_cursor() {
        assertEquals(List.of("11:RES-01"), items("src/main/java/a/People.java", REPO.formatted(
                "return people.streamAllByCity(city).map(Person::name).collect(Collectors.toList());")));
        assertEquals(List.of(), items("src/main/java/a/People.java", REPO.formatted("""
                try (Stream<Person> s = people.streamAllByCity(city)) {
                            return s.map(Person::name).collect(Collectors.toList());
                        }""")));
    }

    private static final String EM = """
            package a;

            class Lookup {
                %s

                Person find(long id) {
                    %s
                }
            }
            """;

    @Test
    void an_entity_manager_created_and_used_in_one_expression_is_never_closed() {
        assertEquals(List.of("7:RES-01"), items("src/main/java/a/Lookup.java", EM.formatted(
                "private EntityManagerFactory emf;", "return emf.createEntityManager().find(Person.class, id);")));
        assertEquals(List.of(), items("src/main/java/a/Lookup.java", EM.formatted(
                "private EntityManagerFactory emf;", """
                EntityManager em = emf.createEntityManager();
                        try { return em.find(Person.class, id); } finally { em.close(); }""")));
        assertEquals(List.of(), items("src/main/java/a/Lookup.java", EM.formatted(
                "@PersistenceContext private EntityManager em;", "return em.find(Person.class, id);")));
    }

    private static final String QUIETLY = """
            package a;

            class Counts {
                int count(DataSource ds) throws SQLException {
                    Connection conn = null;
                    Statement stmt = null;
                    ResultSet rs = null;
                    try {
                        conn = ds.getConnection();
                        stmt = conn.createStatement();
                        rs = stmt.executeQuery("select count(*) from t");
                        rs.next();
                        return rs.getInt(1);
                    } finally {
                        release(rs, stmt, conn);
                    }
                }

                static void release(AutoCloseable... all) {
                    for (AutoCloseable each : all) {
                        %s
                    }
                }
            }
            """;

    @Test
    void a_varargs_helper_that_closes_each_argument_releases_every_resource_passed_to_it() {
        assertEquals(List.of(), items("src/main/java/a/Counts.java", QUIETLY.formatted(
                "if (each != null) { try { each.close(); } catch (Exception ignored) { } }")));
        assertEquals(List.of("10:RES-01", "11:RES-01", "9:RES-01"), items("src/main/java/a/Counts.java",
                QUIETLY.formatted("System.identityHashCode(each);")));
    }
}
