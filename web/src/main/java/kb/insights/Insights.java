package kb.insights;

import kb.incidents.Incidents;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * The insights feature's door: figures across incidents. The incident facts are cached and read again
 * only when the database's change counter moves, so the page costs one small query when nothing changed.
 */
public final class Insights {

    private record Snapshot(long head, List<Incidents.Facts> facts) {
    }

    private final Incidents incidents;
    private final ReviewFindings findings;
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    public Insights(Jdbi jdbi) {
        this.incidents = new Incidents(jdbi);
        this.findings = new ReviewFindings(jdbi);
    }

    Figures.Report report(Figures.Filter filter) {
        return Figures.compute(facts(), findings.byChecklistItem(), filter);
    }

    /** Facts of every published, listed incident, as of the latest write. */
    public List<Incidents.Facts> facts() {
        long head = incidents.head();
        Snapshot s = snapshot;
        if (s.head() != head) {
            s = new Snapshot(head, incidents.facts());
            snapshot = s;
        }
        return s.facts();
    }
}
