package kb.insights;

import kb.incidents.Incidents;
import org.jdbi.v3.core.Jdbi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The insights feature's door: figures across incidents. The incident facts are cached and read again
 * only when the database's change counter moves, and so are the computed figures of the most recent
 * filters (with the review findings they count as part of the key), so a page costs two small queries
 * when nothing changed: at tens of thousands of incidents, computing the figures is most of a request.
 */
public final class Insights {

    private record Snapshot(long head, List<Incidents.Facts> facts) {
    }

    private final Incidents incidents;
    private final ReviewFindings findings;
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    /** Computed figures are valid for exactly these inputs. */
    private record Key(long head, Figures.Filter filter, Map<String, Integer> findings) {
    }

    private static final int KEPT_REPORTS = 32;
    private final Map<Key, Figures.Report> reports = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Figures.Report> eldest) {
            return size() > KEPT_REPORTS;
        }
    };

    public Insights(Jdbi jdbi) {
        this.incidents = new Incidents(jdbi);
        this.findings = new ReviewFindings(jdbi);
    }

    Figures.Report report(Figures.Filter filter) {
        Snapshot s = current();
        Map<String, Integer> byItem = findings.byChecklistItem();
        Key key = new Key(s.head(), filter, byItem);
        synchronized (reports) {
            Figures.Report cached = reports.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Computed outside the lock: two readers may both compute after a write, and both get the same figures.
        Figures.Report computed = Figures.compute(s.facts(), byItem, filter);
        synchronized (reports) {
            reports.put(key, computed);
        }
        return computed;
    }

    /** Facts of every published, listed incident, as of the latest write. */
    public List<Incidents.Facts> facts() {
        return current().facts();
    }

    private Snapshot current() {
        long head = incidents.head();
        Snapshot s = snapshot;
        if (s.head() != head) {
            s = new Snapshot(head, incidents.facts());
            snapshot = s;
        }
        return s;
    }
}
