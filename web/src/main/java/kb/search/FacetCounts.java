package kb.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, over every document a query matches, how many carry each value of the facet fields, how many
 * match at all and how many of those are verified: one pass over the matches instead of one per figure.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Counted> {

    private final List<String> fields;
    /** The verified documents by global doc id; null when none are. */
    private final Bits verified;

    FacetCounts(List<String> fields, Bits verified) {
        this.fields = fields;
        this.verified = verified;
    }

    /**
     * @param facets   for each field, its values among the matches with counts, most frequent first
     * @param total    how many documents matched
     * @param verified how many of them are in the verified set
     */
    record Counted(Map<String, List<SearchResults.Facet>> facets, long total, int verified) {
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Counted reduce(Collection<Counter> counters) {
        long total = 0;
        int withVerified = 0;
        for (Counter c : counters) {
            total += c.matches;
            withVerified += c.verifiedMatches;
        }
        Map<String, List<SearchResults.Facet>> out = new LinkedHashMap<>();
        for (String f : fields) {
            Map<String, Integer> merged = new HashMap<>();
            for (Counter c : counters) {
                c.totals.getOrDefault(f, Map.of()).forEach((k, v) -> merged.merge(k, v, Integer::sum));
            }
            List<SearchResults.Facet> list = new ArrayList<>();
            merged.forEach((k, v) -> list.add(new SearchResults.Facet(k, v)));
            list.sort(Comparator.comparingInt(SearchResults.Facet::count).reversed().thenComparing(SearchResults.Facet::value));
            out.put(f, List.copyOf(list));
        }
        return new Counted(java.util.Collections.unmodifiableMap(out), total, withVerified);
    }

    /** Counts per segment by ordinal (cheap), then turns ordinals into values once per segment. */
    final class Counter implements Collector {
        private final Map<String, Map<String, Integer>> totals = new HashMap<>();
        private long matches;
        private int verifiedMatches;

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
            int[][] counts = new int[fields.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = DocValues.getSortedSet(context.reader(), Fields.facet(fields.get(i)));
                counts[i] = new int[(int) Math.min(Integer.MAX_VALUE - 8, values[i].getValueCount())];
            }
            int docBase = context.docBase;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    matches++;
                    if (verified != null && verified.get(docBase + doc)) {
                        verifiedMatches++;
                    }
                    for (int i = 0; i < values.length; i++) {
                        SortedSetDocValues dv = values[i];
                        if (dv.advanceExact(doc)) {
                            int[] c = counts[i];
                            for (int k = 0; k < dv.docValueCount(); k++) {
                                c[(int) dv.nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < values.length; i++) {
                        SortedSetDocValues dv = values[i];
                        int[] c = counts[i];
                        Map<String, Integer> total = totals.computeIfAbsent(fields.get(i), k -> new HashMap<>());
                        for (int ord = 0; ord < c.length; ord++) {
                            if (c[ord] > 0) {
                                total.merge(dv.lookupOrd(ord).utf8ToString(), c[ord], Integer::sum);
                            }
                        }
                    }
                }
            };
        }
    }
}
