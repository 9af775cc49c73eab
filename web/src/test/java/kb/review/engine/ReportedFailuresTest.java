package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements of an error check's block count as reporting the failure. */
class ReportedFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "log.Printf(\"ack %s: %v\", id, err)",
        "r.logger.Error(\"update\", zap.Error(err))",
        "klog.V(4).Infof(\"status of %s: %v\", name, err)",
        "logrus.WithError(err).Warn(\"publish failed\")",
        "s.log.Errorf(\"reply: %v\", err)",
        "l.Warn(\"commit\", \"err\", err)",
        "h.auditLogger.Error(\"write\", err)",
        "slog.Error(\"ack\", \"err\", err)",
        "fmt.Fprintf(os.Stderr, \"write: %v\\n\", err)",
        "c.errs <- fmt.Errorf(\"ack %s: %w\", m.Subject, err)",
        "h.onError(err)",
        "http.Error(w, err.Error(), http.StatusInternalServerError)",
    })
    void reportsTheFailure(String statement) {
        assertTrue(ReportedFailures.reports(statement), statement);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "catalog.Update(item)",
        "s.catalog.Refresh()",
        "login.Reset(user)",
        "blog.Publish(post)",
        "list.Add(x)",
        "done <- struct{}{}",
        "w.WriteHeader(http.StatusOK)",
    })
    void otherStatementsReportNothing(String statement) {
        assertFalse(ReportedFailures.reports(statement), statement);
    }
}
