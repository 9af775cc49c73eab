package kb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kb.TestApp;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.Test;

/**
 * TMO-01 on the app's own database access: every statement sent through Jdbi carries a query timeout, so a lock wait
 * or a runaway plan cannot hold a pooled connection without limit. Read from the JDBC statement itself, as the driver
 * sees it when the statement runs.
 */
class QueryTimeoutTest {

    @Test
    void every_statement_through_jdbi_runs_with_the_query_timeout() {
        Config config = TestApp.config("t" + UUID.randomUUID().toString().replace("-", ""), TestApp.FIXTURES, Map.of());
        try (Database db = Database.open(config)) {
            AtomicInteger seen = new AtomicInteger(-1);
            int one = db.jdbi().withHandle(h -> h.createQuery("SELECT 1").addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                    seen.set(stmt.getQueryTimeout());
                }
            }).mapTo(Integer.class).one());
            assertEquals(1, one);
            assertEquals(Database.QUERY_TIMEOUT_SECONDS, seen.get());
        }
    }
}
