package kb.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The facet counts and totals of recent queries on the current index reader. Counting facets visits every
 * match (tens of thousands for a common word at 100,000 incidents), while the next page, another sort order or
 * the API call behind a page asks for the same counts again. An entry is only valid for the reader it was
 * counted on: a new reader (any write) empties the cache, so counts are never stale.
 */
final class FacetCache {

    /** Queries remembered; an entry is a few hundred facet values at most. */
    private static final int ENTRIES = 256;

    private record Key(Query query, Set<String> verified) {
    }

    private Object readerKey;
    private final Map<Key, FacetCounts.Counted> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, FacetCounts.Counted> eldest) {
            return size() > ENTRIES;
        }
    };

    /** The counts of {@code query} on {@code reader} with {@code verified}, if counted before on that reader. */
    synchronized FacetCounts.Counted get(IndexReader reader, Query query, Set<String> verified) {
        return readerKey == key(reader) ? entries.get(new Key(query, verified)) : null;
    }

    synchronized void put(IndexReader reader, Query query, Set<String> verified, FacetCounts.Counted counted) {
        Object k = key(reader);
        if (readerKey != k) {
            entries.clear();
            readerKey = k;
        }
        entries.put(new Key(query, verified), counted);
    }

    /** Forgets every entry (benchmarks measure uncached queries with it). */
    synchronized void clear() {
        entries.clear();
        readerKey = null;
    }

    private static Object key(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        return helper == null ? reader : helper.getKey();
    }
}
