package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java classes described after the third held-out round where a catch does not cover the exception thrown: a
 * checked exception the catch does not take, or a Hibernate transaction whose work throws, leaves the transaction
 * open, while a catch that takes every checked exception the method declares rolls back on every path. Split from
 * {@link JavaRound3ClassesTest}; the code is written for these tests, in the shapes real fixes show.
 */
class JavaRound3CatchClassesTest {

    private static final String NARROW_CATCH = """
            package a;

            class Ledger {
                void transfer(Connection conn, long from, long to) throws %s {
                    conn.setAutoCommit(false);
                    try {
                        debit(conn, from);
                        credit(conn, to);
                        conn.commit();
                    } catch (%s e) {
                        conn.rollback();
                        throw e;
                    }
                }
            }
            """;

    @Test
    void a_checked_exception_the_catch_does_not_take_leaves_the_transaction_open() {
        assertEquals(List.of("5:TX-01"), items("src/main/java/a/Ledger.java",
                NARROW_CATCH.formatted("SQLException", "RuntimeException")));
        assertEquals(List.of("5:TX-01"), items("src/main/java/a/Ledger.java",
                NARROW_CATCH.formatted("Exception", "SQLException")));
        assertEquals(List.of("5:TX-01"), items("src/main/java/a/Ledger.java",
                NARROW_CATCH.formatted("SQLException, IOException", "SQLException")));
    }

    @Test
    void a_catch_that_takes_every_checked_exception_the_method_declares_rolls_back_on_every_path() {
        assertEquals(List.of(), items("src/main/java/a/Ledger.java",
                NARROW_CATCH.formatted("SQLException", "SQLException | RuntimeException")));
        assertEquals(List.of(), items("src/main/java/a/Ledger.java",
                NARROW_CATCH.formatted("SQLException", "Exception")));
        assertEquals(List.of(), items("src/main/java/a/Ledger.java",
                NARROW_CATCH.formatted("SQLException", "SQLException")));
        assertEquals(List.of(), items("src/main/java/a/Ledger.java",
                NARROW_CATCH.formatted("BatchUpdateException", "SQLException")));
    }

    private static final String HIBERNATE = """
            package a;

            class UnitOfWork {
                private final SessionFactory sessionFactory;

                <T> T run(Callable<T> work) throws Exception {
                    try (Session session = sessionFactory.openSession()) {
                        Transaction tx = session.beginTransaction();
                        try {
                            T result = work.call();
                            tx.commit();
                            return result;
                        } catch (%s e) {
                            tx.rollback();
                            throw e;
                        }
                    }
                }
            }
            """;

    @Test
    void a_hibernate_transaction_from_begin_transaction_needs_a_rollback_for_what_the_work_throws() {
        assertEquals(List.of("8:TX-01"), items("src/main/java/a/UnitOfWork.java",
                HIBERNATE.formatted("RuntimeException")));
        assertEquals(List.of(), items("src/main/java/a/UnitOfWork.java", HIBERNATE.formatted("Exception")));
    }
}
