package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 38 (branch log38); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes and clean look-alikes the same rules must not report, with the real code behind them in its
 * SOURCES.md.
 * <ul>
 * <li>An {@code http.Client} bounded by its transport's {@code ResponseHeaderTimeout} (TMO-01, model
 * {@code http-client}, {@code analysis/PartTimeouts}): clean in the literal, in a cloned transport set by assignment,
 * in a local literal; still reported when the transport bounds no wait or sets 0.</li>
 * <li>A warning in the branch of an element whose type the loop does not handle (LOG-01,
 * {@code AnomalyBranches.unmatchedType}): clean as an instanceof chain's last else, a negated instanceof skip, Go's
 * {@code !ok} after a type assertion; still reported when the branch also handles the element, or in the handled
 * type's branch.</li>
 * <li>A debug or trace message joined with {@code +} after a Marker (LOG-02, {@code java-log-marker-debug-concat}).</li>
 * <li>A Go connection deadline deleted with the {@code if} that checked its error (TMO-01,
 * {@code go-stripped-timeout} through {@code GoDeadlines}).</li>
 * </ul>
 */
class Log38ClassesTest {

    @Test
    void a_client_bounded_by_its_transport_is_not_reported_and_unbounded_ones_are() {
        ClassDiffs25.check("log38-transport-bounded-client", Set.of("TMO-01"));
    }

    @Test
    void a_warning_for_an_unhandled_element_type_is_not_a_line_per_element() {
        ClassDiffs25.check("log38-unmatched-type-branch", Set.of("LOG-01"));
    }

    @Test
    void a_concatenated_debug_message_after_a_marker_is_reported() {
        ClassDiffs25.check("log38-marker-debug-concat", Set.of("LOG-02"));
    }

    @Test
    void a_deleted_checked_connection_deadline_is_reported() {
        ClassDiffs25.check("log38-deleted-conn-deadline", Set.of("TMO-01"));
    }
}
