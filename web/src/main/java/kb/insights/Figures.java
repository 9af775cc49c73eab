package kb.insights;

import kb.incidents.Incidents;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of the insights page, computed from incident facts (pure: no database, no web).
 * Months and quarters are those of the start instant in UTC. Percentiles are nearest-rank: the p90 of
 * n values is the ⌈0.9·n⌉-th smallest, the median the ⌈0.5·n⌉-th (so of 4 values, the 2nd).
 * Time figures leave out incidents marked {@code exclude-from-metrics} and unresolved ones.
 */
final class Figures {

    static final List<String> SEVERITIES = List.of("P0", "P1", "P2", "P3", "P4");
    /** The months chart shows at most this many months, the latest. */
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

    record Report(Filter filter, int incidents, List<Month> months, List<Quarter> quarters, List<Count> categories,
                  List<ItemRank> checklist, List<Gap> uncovered, LeftOut leftOut) {
    }

    private Figures() {
    }

    static Report compute(List<Incidents.Facts> all, Map<String, Integer> findingsByItem, Filter filter) {
        List<Incidents.Facts> facts = all.stream().filter(filter::matches).toList();
        List<Incidents.Facts> timed = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (Incidents.Facts f : facts) {
            if (f.excluded()) {
                excluded.add(f.id());
            } else if (f.ttrSeconds() == null) {
                unresolved.add(f.id());
            } else {
                timed.add(f);
            }
        }
        return new Report(filter, facts.size(), months(facts), quarters(timed), categories(facts),
                checklist(facts, findingsByItem), uncovered(facts), new LeftOut(excluded, unresolved));
    }

    private static List<Month> months(List<Incidents.Facts> facts) {
        TreeMap<YearMonth, Map<String, Integer>> byMonth = new TreeMap<>();
        for (Incidents.Facts f : facts) {
            byMonth.computeIfAbsent(month(f), m -> zeros()).merge(f.severity(), 1, Integer::sum);
        }
        List<Month> out = new ArrayList<>();
        if (byMonth.isEmpty()) {
            return out;
        }
        YearMonth last = byMonth.lastKey();
        YearMonth first = byMonth.firstKey().isBefore(last.minusMonths(MAX_MONTHS - 1))
                ? last.minusMonths(MAX_MONTHS - 1) : byMonth.firstKey();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Map<String, Integer> counts = byMonth.getOrDefault(m, zeros());
            out.add(new Month(m.toString(), counts, counts.values().stream().mapToInt(Integer::intValue).sum()));
        }
        return out;
    }

    private static List<Quarter> quarters(List<Incidents.Facts> timed) {
        TreeMap<String, List<Incidents.Facts>> byQuarter = new TreeMap<>();
        for (Incidents.Facts f : timed) {
            YearMonth m = month(f);
            byQuarter.computeIfAbsent(m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1), q -> new ArrayList<>()).add(f);
        }
        List<Quarter> out = new ArrayList<>();
        byQuarter.forEach((q, fs) -> out.add(new Quarter(q, stat(fs, Incidents.Facts::ttdSeconds),
                stat(fs, Incidents.Facts::ttmSeconds), stat(fs, Incidents.Facts::ttrSeconds))));
        return out;
    }

    static Stat stat(List<Incidents.Facts> fs, Function<Incidents.Facts, Long> figure) {
        List<Long> values = fs.stream().map(figure).filter(v -> v != null).sorted().toList();
        return new Stat(percentile(values, 0.5), percentile(values, 0.9), values.size());
    }

    /** Nearest-rank percentile of sorted {@code values}; null when empty. */
    static Long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static List<Count> categories(List<Incidents.Facts> facts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        facts.forEach(f -> f.categories().forEach(c -> counts.merge(c, 1, Integer::sum)));
        List<Count> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Count(k, v)));
        out.sort(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::name));
        return out;
    }

    private static List<ItemRank> checklist(List<Incidents.Facts> facts, Map<String, Integer> findings) {
        Map<String, Integer> incidents = new LinkedHashMap<>();
        facts.forEach(f -> f.checklist().forEach(c -> incidents.merge(c, 1, Integer::sum)));
        Map<String, ItemRank> items = new LinkedHashMap<>();
        incidents.forEach((id, n) -> items.put(id, new ItemRank(id, n, findings.getOrDefault(id, 0))));
        findings.forEach((id, n) -> items.putIfAbsent(id, new ItemRank(id, 0, n)));
        List<ItemRank> out = new ArrayList<>(items.values());
        out.sort(Comparator.comparingInt(ItemRank::incidents).reversed()
                .thenComparing(Comparator.comparingInt(ItemRank::findings).reversed()).thenComparing(ItemRank::id));
        return out;
    }

    private static List<Gap> uncovered(List<Incidents.Facts> facts) {
        return facts.stream().filter(f -> f.checklist().isEmpty())
                .map(f -> new Gap(f.id(), f.title(), f.severity())).toList();
    }

    private static YearMonth month(Incidents.Facts f) {
        return YearMonth.from(f.startedAt().withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static Map<String, Integer> zeros() {
        Map<String, Integer> m = new LinkedHashMap<>();
        SEVERITIES.forEach(s -> m.put(s, 0));
        return m;
    }
}
