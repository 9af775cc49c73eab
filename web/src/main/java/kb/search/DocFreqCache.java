package kb.search;

import org.apache.lucene.index.CompositeReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many documents hold each word, remembered for one index reader. {@code MoreLikeThis} asks that of every distinct
 * word of an incident's title, root cause and summary, and each question opened a terms enumeration in every segment:
 * a quarter of the CPU of a first incident-page view at 100,000 incidents, though neighbouring incidents share most
 * of their words. The counts are exact for the reader they were read from; a new reader (any write) starts afresh.
 */
final class DocFreqCache {

    /** Words remembered per reader; past this the map starts again (a few MB at most). */
    private static final int MAX_TERMS = 200_000;

    private Object readerKey;
    private Map<Term, Integer> freqs = new ConcurrentHashMap<>();

    /** A reader for {@code MoreLikeThis} that answers document frequencies from this cache and {@code in}. */
    synchronized IndexReader over(IndexReader in) {
        IndexReader.CacheHelper helper = in.getReaderCacheHelper();
        Object key = helper == null ? in : helper.getKey();
        if (key != readerKey || freqs.size() > MAX_TERMS) {
            readerKey = key;
            freqs = new ConcurrentHashMap<>();
        }
        return new Counting(in, freqs);
    }

    /**
     * Only the statistics {@code MoreLikeThis} reads (document frequencies, counts) of {@code in}; it has no segments
     * of its own and must not be searched.
     */
    private static final class Counting extends CompositeReader {
        private final IndexReader in;
        private final Map<Term, Integer> freqs;

        Counting(IndexReader in, Map<Term, Integer> freqs) {
            this.in = in;
            this.freqs = freqs;
        }

        @Override
        public int docFreq(Term term) throws IOException {
            // one lookup per word even when two page views ask at once (CONC-03: no get-then-put on a shared map)
            try {
                return freqs.computeIfAbsent(term, t -> {
                    try {
                        return in.docFreq(t);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public int getDocCount(String field) throws IOException {
            return in.getDocCount(field);
        }

        @Override
        public int numDocs() {
            return in.numDocs();
        }

        @Override
        public int maxDoc() {
            return in.maxDoc();
        }

        @Override
        public long totalTermFreq(Term term) throws IOException {
            return in.totalTermFreq(term);
        }

        @Override
        public long getSumDocFreq(String field) throws IOException {
            return in.getSumDocFreq(field);
        }

        @Override
        public long getSumTotalTermFreq(String field) throws IOException {
            return in.getSumTotalTermFreq(field);
        }

        @Override
        protected List<? extends IndexReader> getSequentialSubReaders() {
            return List.of();
        }

        @Override
        @SuppressWarnings("deprecation")
        public org.apache.lucene.index.Fields getTermVectors(int doc) throws IOException {
            return in.termVectors().get(doc);
        }

        @Override
        public TermVectors termVectors() throws IOException {
            return in.termVectors();
        }

        @Override
        @SuppressWarnings("deprecation")
        public void document(int doc, StoredFieldVisitor visitor) throws IOException {
            in.storedFields().document(doc, visitor);
        }

        @Override
        public StoredFields storedFields() throws IOException {
            return in.storedFields();
        }

        @Override
        protected void doClose() {
            // the underlying reader belongs to the searcher manager
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }
}
