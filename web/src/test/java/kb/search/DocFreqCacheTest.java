package kb.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Document frequencies from the cache equal the reader's own, and a new reader never gets an old reader's counts. */
class DocFreqCacheTest {

    @Test
    void cached_document_frequencies_equal_the_readers_and_follow_a_new_reader() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            add(w, "connection pool exhausted", "pool leak");
            w.commit(); // two segments: the counts are summed over both
            add(w, "pool timeout", "retry storm");
            w.commit();
            DocFreqCache cache = new DocFreqCache();
            DirectoryReader first = DirectoryReader.open(dir);
            List<Term> terms = List.of(new Term("title", "pool"), new Term("title", "timeout"), new Term("title", "absent"),
                    new Term("cause", "pool"));
            IndexReader counting = cache.over(first);
            for (int pass = 0; pass < 2; pass++) { // the second pass answers from the cache
                for (Term t : terms) {
                    assertEquals(first.docFreq(t), counting.docFreq(t), t.toString());
                }
            }
            assertEquals(2, counting.docFreq(new Term("title", "pool")));
            assertEquals(first.numDocs(), counting.numDocs());
            assertEquals(first.getDocCount("title"), counting.getDocCount("title"));

            add(w, "pool again", "pool");
            w.commit();
            DirectoryReader second = DirectoryReader.openIfChanged(first);
            IndexReader recounted = cache.over(second);
            assertEquals(3, recounted.docFreq(new Term("title", "pool")), "a new reader is counted afresh");
            assertEquals(2, recounted.docFreq(new Term("cause", "pool")));
            assertEquals(2, cache.over(first).docFreq(new Term("title", "pool")), "and the old reader keeps its own counts");
            first.close();
            second.close();
        }
    }

    private static void add(IndexWriter w, String title, String cause) throws Exception {
        Document d = new Document();
        d.add(new TextField("title", title, Field.Store.NO));
        d.add(new TextField("cause", cause, Field.Store.NO));
        w.addDocument(d);
    }
}
