package kb.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts, over every document a query matches, how many carry each value of the facet fields. */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, List<SearchResults.Facet>>> {

    private final List<String> fields;

    FacetCounts(List<String> fields) {
        this.fields = fields;
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Map<String, List<SearchResults.Facet>> reduce(Collection<Counter> counters) {
        Map<String, List<SearchResults.Facet>> out = new LinkedHashMap<>();
        for (String f : fields) {
            Map<String, Integer> merged = new HashMap<>();
            for (Counter c : counters) {
                c.totals.getOrDefault(f, Map.of()).forEach((k, v) -> merged.merge(k, v, Integer::sum));
            }
            List<SearchResults.Facet> list = new ArrayList<>();
            merged.forEach((k, v) -> list.add(new SearchResults.Facet(k, v)));
            list.sort(Comparator.comparingInt(SearchResults.Facet::count).reversed().thenComparing(SearchResults.Facet::value));
            out.put(f, list);
        }
        return out;
    }

    /** Counts per segment by ordinal (cheap), then turns ordinals into values once per segment. */
    final class Counter implements Collector {
        private final Map<String, Map<String, Integer>> totals = new HashMap<>();

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            List<SortedSetDocValues> values = new ArrayList<>();
            List<int[]> counts = new ArrayList<>();
            for (String f : fields) {
                SortedSetDocValues dv = DocValues.getSortedSet(context.reader(), Fields.facet(f));
                values.add(dv);
                counts.add(new int[(int) Math.min(Integer.MAX_VALUE - 8, dv.getValueCount())]);
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    for (int i = 0; i < values.size(); i++) {
                        SortedSetDocValues dv = values.get(i);
                        if (dv.advanceExact(doc)) {
                            int[] c = counts.get(i);
                            for (int k = 0; k < dv.docValueCount(); k++) {
                                c[(int) dv.nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < values.size(); i++) {
                        SortedSetDocValues dv = values.get(i);
                        int[] c = counts.get(i);
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
