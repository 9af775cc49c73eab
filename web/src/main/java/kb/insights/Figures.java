package kb.insights;

import kb.incidents.Incidents;

import java.util.List;
import java.util.Map;

/**
 * The figures of the insights page, computed from incident facts (pure: no database, no web).
 * Months and quarters are those of the start instant in UTC. Percentiles are nearest-rank: the p90 of
 * n values is the ⌈0.9·n⌉-th smallest, the median the ⌈0.5·n⌉-th (so of 4 values, the 2nd).
 * Time figures leave out incidents marked {@code exclude-from-metrics} and unresolved ones.
 */
final class Figures {

    static final List<String> SEVERITIES = List.of("P0", "P1", "P2", "P3", "P4");
    /** The months chart and table of the page show at most this many months, the latest; the CSV and JSON have all. */
    static final int MAX_MONTHS = 36;

    /** The filter of the page: null fields match everything. */
    record Filter(String service, String severity) {
        boolean matches(Incidents.Facts f) {
            return (service == null || f.services().contains(service)) && (severity == null || severity.equals(f.severity()));
        }
    }

    /** Incidents started in one month, by severity (P0..P4, zeros included). */
    record Month(String month, Map<String, Integer> bySeverity, int total) {
    }

    /** Median and p90 of one time figure in one quarter, in seconds; null when no incident has it. */
    record Stat(Long median, Long p90, int n) {
    }

    record Quarter(String quarter, Stat ttd, Stat ttm, Stat ttr) {
    }

    record Count(String name, int count) {
    }

    /** A checklist item with the incidents that link it and the review findings that named it. */
    record ItemRank(String id, int incidents, int findings) {
    }

    record Gap(String id, String title, String severity) {
    }

    /** Incidents left out of the time figures, and why. */
    record LeftOut(List<String> excluded, List<String> unresolved) {
    }

    /**
     * @param checklist           every item with incidents or findings, most incidents first
     * @param checklistByFindings the items whose detectors caught review findings, most findings first (findings are
     *                            counted over every saved review: a review has no service or severity to filter by)
     */
    record Report(Filter filter, int incidents, List<Month> months, List<Quarter> quarters, List<Count> categories,
                  List<ItemRank> checklist, List<ItemRank> checklistByFindings, List<Gap> uncovered, LeftOut leftOut) {
    }

    private Figures() {
    }

    /** The figures of the incidents in {@code all} that {@code filter} matches (the same as a {@link Tally} of them). */
    static Report compute(List<Incidents.Facts> all, Map<String, Integer> findingsByItem, Filter filter) {
        Tally tally = new Tally(filter);
        all.forEach(tally::add);
        return tally.report(findingsByItem);
    }
}
