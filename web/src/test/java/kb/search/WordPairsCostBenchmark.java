package kb.search;

import kb.incidents.Incidents;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jdbi.v3.core.Jdbi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * What the word-pair fields ({@link Fields#pairs}) cost an index: the same incidents' documents indexed in memory
 * with and without them, alternately, three rounds: this thread's CPU time (analysis and writing, merged to one
 * segment) and the index size. Reading the incidents from the database, the rest of a rebuild, is the same for both.
 *
 * <p>{@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=kb.search.WordPairsCostBenchmark
 * -Dexec.args="jdbc:h2:file:/tmp/search-bench-100k-h2/kb 10000"} (an H2 database with incidents; user sa)
 */
public final class WordPairsCostBenchmark {

    private WordPairsCostBenchmark() {
    }

    /** Stops reading incidents once enough documents are made. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    public static void main(String[] args) throws Exception {
        Jdbi jdbi = Jdbi.create(args[0], "sa", "");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        List<Document> withPairs = new ArrayList<>();
        try {
            new Incidents(jdbi).forEachListed(500, incident -> {
                withPairs.add(IncidentDocuments.of(incident));
                if (withPairs.size() >= n) {
                    throw new Enough();
                }
            });
        } catch (Enough e) {
            // read as many as asked for
        }
        List<Document> without = new ArrayList<>();
        for (Document d : withPairs) {
            Document plain = new Document();
            for (IndexableField f : d.getFields()) {
                if (!f.name().endsWith(Fields.PAIRS_SUFFIX)) {
                    plain.add(f);
                }
            }
            without.add(plain);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            for (boolean pairs : new boolean[] {false, true}) {
                ByteBuffersDirectory dir = new ByteBuffersDirectory();
                long cpu = mx.getCurrentThreadCpuTime();
                try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new TextAnalyzer()).setRAMBufferSizeMB(48))) {
                    for (Document d : pairs ? withPairs : without) {
                        w.addDocument(d);
                    }
                    w.forceMerge(1);
                }
                long bytes = 0;
                for (String f : dir.listAll()) {
                    bytes += dir.fileLength(f);
                }
                System.out.printf("round %d, %s: %d documents, %.1f s CPU, %.1f MB%n", round,
                        pairs ? "with word pairs" : "without", withPairs.size(), (mx.getCurrentThreadCpuTime() - cpu) / 1e9,
                        bytes / 1e6);
            }
        }
    }
}
