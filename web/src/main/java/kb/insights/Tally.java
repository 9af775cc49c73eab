package kb.insights;

import kb.incidents.Incidents;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running totals behind the figures of one filter, kept up to date one incident at a time: adding or
 * removing an incident's facts costs a few map updates and a binary search per time figure, so the figures
 * after a write cost what changed, not a pass over every incident. {@link #report} turns them into the
 * figures {@link Figures} documents. Not thread-safe: its owner serialises the calls.
 */
final class Tally {

    /** Where an incident sorts in the lists: by start instant, then id. */
    private record Order(Instant started, String id) implements Comparable<Order> {
        private static final Comparator<Order> BY = Comparator.comparing(Order::started).thenComparing(Order::id);

        static Order of(Incidents.Facts f) {
            return new Order(f.startedAt().toInstant(), f.id());
        }

        @Override
        public int compareTo(Order o) {
            return BY.compare(this, o);
        }
    }

    /** Incidents of one month by severity; {@code total} is their sum. */
    private static final class MonthCount {
        final Map<String, Integer> bySeverity = zeros();
        int total;
    }

    /** The time figures of the timed incidents of one quarter, each kept sorted. */
    private static final class QuarterValues {
        final SortedLongs ttd = new SortedLongs();
        final SortedLongs ttm = new SortedLongs();
        final SortedLongs ttr = new SortedLongs();
        int incidents;
    }

    private final Figures.Filter filter;
    private int incidents;
    private final TreeMap<YearMonth, MonthCount> months = new TreeMap<>();
    private final TreeMap<String, QuarterValues> quarters = new TreeMap<>();
    private final Map<String, Integer> categories = new HashMap<>();
    private final Map<String, Integer> checklist = new HashMap<>();
    private final TreeMap<Order, Figures.Gap> uncovered = new TreeMap<>();
    private final TreeMap<Order, String> excluded = new TreeMap<>();
    private final TreeMap<Order, String> unresolved = new TreeMap<>();

    Tally(Figures.Filter filter) {
        this.filter = filter;
    }

    /** Counts {@code f} if the filter matches it; an incident must not be added twice without a removal between. */
    void add(Incidents.Facts f) {
        change(f, 1);
    }

    /** Takes back an earlier {@link #add} of exactly these facts. */
    void remove(Incidents.Facts f) {
        change(f, -1);
    }

    private void change(Incidents.Facts f, int by) {
        if (!filter.matches(f)) {
            return;
        }
        incidents += by;
        YearMonth month = month(f);
        MonthCount m = months.computeIfAbsent(month, k -> new MonthCount());
        m.bySeverity.merge(f.severity(), by, Integer::sum);
        m.total += by;
        if (m.total == 0) {
            months.remove(month);
        }
        f.categories().forEach(c -> count(categories, c, by));
        f.checklist().forEach(c -> count(checklist, c, by));
        Order at = Order.of(f);
        if (f.checklist().isEmpty()) {
            put(uncovered, at, new Figures.Gap(f.id(), f.title(), f.severity()), by);
        }
        if (f.excluded()) {
            put(excluded, at, f.id(), by);
        } else if (f.ttrSeconds() == null) {
            put(unresolved, at, f.id(), by);
        } else {
            String quarter = month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
            QuarterValues q = quarters.computeIfAbsent(quarter, k -> new QuarterValues());
            q.ttd.change(f.ttdSeconds(), by);
            q.ttm.change(f.ttmSeconds(), by);
            q.ttr.change(f.ttrSeconds(), by);
            q.incidents += by;
            if (q.incidents == 0) {
                quarters.remove(quarter);
            }
        }
    }

    private static void count(Map<String, Integer> counts, String key, int by) {
        if (counts.merge(key, by, Integer::sum) == 0) {
            counts.remove(key);
        }
    }

    private static <V> void put(TreeMap<Order, V> map, Order at, V value, int by) {
        if (by > 0) {
            map.put(at, value);
        } else {
            map.remove(at);
        }
    }

    /** The figures as of now, with {@code findingsByItem} (review findings per checklist item) in the checklist ranking. */
    Figures.Report report(Map<String, Integer> findingsByItem) {
        List<Figures.ItemRank> items = checklistList(findingsByItem);
        return new Figures.Report(filter, incidents, monthList(), quarterList(), categoryList(), items, byFindings(items),
                List.copyOf(uncovered.values()), new Figures.LeftOut(List.copyOf(excluded.values()),
                List.copyOf(unresolved.values())));
    }

    private List<Figures.Month> monthList() {
        List<Figures.Month> out = new ArrayList<>();
        if (months.isEmpty()) {
            return out;
        }
        // every month from the first incident's to the last one's: the page charts the latest of them, the CSV and the
        // JSON carry them all
        YearMonth last = months.lastKey();
        for (YearMonth m = months.firstKey(); !m.isAfter(last); m = m.plusMonths(1)) {
            MonthCount c = months.get(m);
            out.add(c == null ? new Figures.Month(m.toString(), zeros(), 0)
                    : new Figures.Month(m.toString(), new LinkedHashMap<>(c.bySeverity), c.total));
        }
        return out;
    }

    private List<Figures.Quarter> quarterList() {
        List<Figures.Quarter> out = new ArrayList<>();
        quarters.forEach((q, v) -> out.add(new Figures.Quarter(q, v.ttd.stat(), v.ttm.stat(), v.ttr.stat())));
        return out;
    }

    private List<Figures.Count> categoryList() {
        List<Figures.Count> out = new ArrayList<>();
        categories.forEach((k, v) -> out.add(new Figures.Count(k, v)));
        out.sort(Comparator.comparingInt(Figures.Count::count).reversed().thenComparing(Figures.Count::name));
        return out;
    }

    private List<Figures.ItemRank> checklistList(Map<String, Integer> findings) {
        Map<String, Figures.ItemRank> items = new HashMap<>();
        checklist.forEach((id, n) -> items.put(id, new Figures.ItemRank(id, n, findings.getOrDefault(id, 0))));
        findings.forEach((id, n) -> items.putIfAbsent(id, new Figures.ItemRank(id, 0, n)));
        List<Figures.ItemRank> out = new ArrayList<>(items.values());
        out.sort(Comparator.comparingInt(Figures.ItemRank::incidents).reversed()
                .thenComparing(Comparator.comparingInt(Figures.ItemRank::findings).reversed())
                .thenComparing(Figures.ItemRank::id));
        return out;
    }

    /** The items that caught at least one review finding, most findings first (then most incidents, then id). */
    private static List<Figures.ItemRank> byFindings(List<Figures.ItemRank> items) {
        List<Figures.ItemRank> out = new ArrayList<>(items.stream().filter(i -> i.findings() > 0).toList());
        out.sort(Comparator.comparingInt(Figures.ItemRank::findings).reversed()
                .thenComparing(Comparator.comparingInt(Figures.ItemRank::incidents).reversed())
                .thenComparing(Figures.ItemRank::id));
        return out;
    }

    private static YearMonth month(Incidents.Facts f) {
        return YearMonth.from(f.startedAt().withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static Map<String, Integer> zeros() {
        Map<String, Integer> m = new LinkedHashMap<>();
        Figures.SEVERITIES.forEach(s -> m.put(s, 0));
        return m;
    }

    /** A sorted multiset of longs in an array: nearest-rank percentiles are one index away. */
    static final class SortedLongs {
        private long[] values = new long[8];
        private int size;

        /** Adds ({@code by} 1) or removes ({@code by} -1) one occurrence of {@code v}; null values are not counted. */
        void change(Long v, int by) {
            if (v == null) {
                return;
            }
            int at = Arrays.binarySearch(values, 0, size, v);
            if (by > 0) {
                int slot = at >= 0 ? at : -at - 1;
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                System.arraycopy(values, slot, values, slot + 1, size - slot);
                values[slot] = v;
                size++;
            } else if (at >= 0) {
                System.arraycopy(values, at + 1, values, at, size - at - 1);
                size--;
            }
        }

        /** Median and p90 by nearest rank (the ⌈p·n⌉-th smallest), and how many values. */
        Figures.Stat stat() {
            return new Figures.Stat(rank(0.5), rank(0.9), size);
        }

        private Long rank(double p) {
            return size == 0 ? null : values[Math.max(0, (int) Math.ceil(p * size) - 1)];
        }
    }
}
