package kb.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels of one indexed incident that related incidents are scored on (checklist items, categories, services,
 * tags, as written), its id and whether it is a draft, read from doc values without touching the stored text.
 */
record Labels(String id, boolean draft, Map<String, Set<String>> byField) {

    /** The label fields, strongest evidence first. */
    static final List<String> FIELDS = List.of(Fields.CHECKLIST, Fields.CATEGORY, Fields.SERVICE, Fields.TAG);

    /**
     * The labels of each of {@code docs} (searcher-wide document numbers), by document. Each segment's doc values are
     * opened once per field and read forwards, in document order, as they are laid out: a candidate list of a hundred
     * incidents costs a few iterators, not one per incident and field.
     */
    static Map<Integer, Labels> read(IndexSearcher searcher, Collection<Integer> docs) throws IOException {
        int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Integer, Labels> out = new HashMap<>();
        int i = 0;
        while (i < sorted.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[i], leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            int from = i;
            while (i < sorted.length && sorted[i] < end) {
                i++;
            }
            readLeaf(leaf, sorted, from, i, out);
        }
        return out;
    }

    private static void readLeaf(LeafReaderContext leaf, int[] docs, int from, int to, Map<Integer, Labels> out)
            throws IOException {
        Map<Integer, Map<String, Set<String>>> fields = new HashMap<>();
        for (int k = from; k < to; k++) {
            Map<String, Set<String>> m = new LinkedHashMap<>();
            FIELDS.forEach(f -> m.put(f, new LinkedHashSet<>()));
            fields.put(docs[k], m);
        }
        for (String f : FIELDS) {
            SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), Fields.facet(f));
            for (int k = from; k < to; k++) {
                if (dv.advanceExact(docs[k] - leaf.docBase)) {
                    Set<String> values = fields.get(docs[k]).get(f);
                    for (int n = 0; n < dv.docValueCount(); n++) {
                        values.add(dv.lookupOrd(dv.nextOrd()).utf8ToString());
                    }
                }
            }
        }
        Map<Integer, String> ids = new HashMap<>();
        SortedDocValues id = DocValues.getSorted(leaf.reader(), Fields.ID_VALUE);
        for (int k = from; k < to; k++) {
            ids.put(docs[k], id.advanceExact(docs[k] - leaf.docBase) ? id.lookupOrd(id.ordValue()).utf8ToString() : "");
        }
        Set<Integer> drafts = new java.util.HashSet<>();
        SortedSetDocValues status = DocValues.getSortedSet(leaf.reader(), Fields.facet(Fields.STATUS));
        for (int k = from; k < to; k++) {
            if (status.advanceExact(docs[k] - leaf.docBase)
                    && "draft".equals(status.lookupOrd(status.nextOrd()).utf8ToString())) {
                drafts.add(docs[k]);
            }
        }
        for (int k = from; k < to; k++) {
            out.put(docs[k], new Labels(ids.get(docs[k]), drafts.contains(docs[k]), fields.get(docs[k])));
        }
    }
}
