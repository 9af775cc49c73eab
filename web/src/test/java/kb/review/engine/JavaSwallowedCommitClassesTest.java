package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TX-02, Java: a catch around a transaction's commit that logs the commit's failure and carries on, so the method
 * returns normally and its caller believes the data is stored. The commit's receiver says nothing by its name (a
 * wrapper's {@code con} field, a {@code unit} of work, a transaction manager given a status), and the hunk often
 * starts below the declaration; what names the transaction is the failure the catch takes (JDBC's SQLException, JPA
 * and JTA rollback and heuristic exceptions, Spring's TransactionException family, Hibernate's, the Neo4j driver's)
 * or a declaration of the receiver elsewhere in the file. The defects vary the API (JDBC, JPA, JTA, Spring, Hibernate,
 * Neo4j), the layout (the commit alone or among other statements, a try-with-resources) and the log call. The
 * look-alikes roll back and rethrow, wrap and throw, return the failure, or commit something that is no transaction
 * (a Git commit, a preferences editor) under an exception of another family.
 */
class JavaSwallowedCommitClassesTest {

    private static final String PATH = "src/main/java/com/example/store/UnitOfWork.java";

    /** The lines of the TX-02 findings, whichever of the item's rules found them. */
    private static List<Integer> tx02(String body) {
        return JavaEdits.item(JavaEdits.edit(PATH, 30, added(body)), "TX-02").stream()
                .map(f -> Integer.parseInt(f.substring(0, f.indexOf(':')))).toList();
    }

    private static List<Integer> at(String body, String marker) {
        return List.of(JavaEdits.newLine(30, added(body), marker));
    }

    /** A body written with kept rows only becomes new code: every row added. */
    private static String added(String body) {
        if (body.lines().anyMatch(r -> r.startsWith("+") || r.startsWith("-"))) {
            return body;
        }
        return body.lines().map(r -> r.isEmpty() ? "+" : "+" + r.substring(1)).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void a_jdbc_wrapper_whose_commit_failure_is_only_logged_is_found() {
        String body = """
                         try {
                             con.commit();
                             done = true;
                         } catch (SQLException e) {
                -            rollbackQuietly(e);
                -            throw e;
                +            log.warn("commit failed, changes are lost", e);
                         } finally {
                             con.close();
                         }
                """;
        assertEquals(at(body, "catch (SQLException"), tx02(body));
    }

    @Test
    void a_spring_transaction_manager_commit_logged_at_error_is_found() {
        String body = """
                     public void settle(Batch batch) {
                         TransactionStatus status = transactionManager.getTransaction(definition);
                         ledger.post(batch);
                         try {
                             transactionManager.commit(status);
                         } catch (TransactionException failure) {
                             LOGGER.error("settlement of {} not committed", batch.id(), failure);
                         }
                         events.publish(new Settled(batch.id()));
                     }
                """;
        assertEquals(at(body, "catch (TransactionException"), tx02(body));
    }

    @Test
    void a_jpa_unit_declared_as_a_field_whose_rollback_exception_is_logged_is_found() {
        String body = """
                     private final EntityTransaction unit;

                     void finish() {
                         try {
                             unit.commit();
                         } catch (RollbackException ex) {
                             logger.warn("unit rolled back by the provider", ex);
                         }
                     }
                """;
        assertEquals(at(body, "catch (RollbackException"), tx02(body));
    }

    @Test
    void a_jta_commit_with_a_multi_catch_of_heuristic_failures_only_logged_is_found() {
        String body = """
                         try {
                             ut.commit();
                             audit.record("transfer", id);
                         } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException e) {
                             log.error("transfer {} not committed", id, e);
                         }
                         return Receipt.of(id);
                """;
        assertEquals(at(body, "catch (RollbackException |"), tx02(body));
    }

    @Test
    void a_neo4j_unit_of_work_whose_driver_failure_is_logged_is_found() {
        String body = """
                         try {
                             work.run(MERGE_EDGE, Values.parameters("from", from, "to", to));
                             work.commit();
                         } catch (Neo4jException e) {
                             log.info("edge {} -> {} not merged: {}", from, to, e.getMessage());
                         }
                """;
        assertEquals(at(body, "catch (Neo4jException"), tx02(body));
    }

    @Test
    void a_hibernate_commit_through_get_transaction_in_try_with_resources_is_found() {
        String body = """
                         try (Session s = factory.openSession()) {
                             s.beginTransaction();
                             s.persist(order);
                             s.getTransaction().commit();
                         } catch (HibernateException e) {
                             log.warn("order {} not saved", order.id(), e);
                         }
                """;
        assertEquals(at(body, "catch (HibernateException"), tx02(body));
    }

    @Test
    void a_commit_failure_rolled_back_and_rethrown_is_not_reported() {
        String body = """
                         try {
                             con.commit();
                             done = true;
                         } catch (SQLException e) {
                             log.warn("commit failed", e);
                             con.rollback();
                             throw e;
                         }
                """;
        assertEquals(List.of(), tx02(body));
    }

    @Test
    void a_commit_failure_wrapped_and_thrown_or_returned_is_not_reported() {
        String thrown = """
                         try {
                             transactionManager.commit(status);
                         } catch (TransactionException e) {
                             throw new SettlementException("settlement not committed", e);
                         }
                """;
        assertEquals(List.of(), tx02(thrown));
        String returned = """
                         try {
                             unit.commit();
                         } catch (RollbackException e) {
                             log.warn("rolled back", e);
                             return Outcome.failed(e);
                         }
                """;
        assertEquals(List.of(), tx02(returned));
    }

    @Test
    void a_commit_that_is_no_transaction_under_another_failure_is_not_reported() {
        String git = """
                         try {
                             repo.add().addFilepattern(".").call();
                             git.commit(message);
                         } catch (GitAPIException e) {
                             log.warn("snapshot not committed", e);
                         }
                """;
        assertEquals(List.of(), tx02(git));
        String prefs = """
                         try {
                             editor.putString("token", token);
                             editor.commit();
                         } catch (IllegalStateException e) {
                             log.warn("preferences not saved", e);
                         }
                """;
        assertEquals(List.of(), tx02(prefs));
    }
}
