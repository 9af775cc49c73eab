package kb.search;

import kb.incidents.Incident;
import kb.incidents.Incidents;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * This instance's Lucene index of the incidents: derived data under {@code KB_DATA_DIR/search-index},
 * never the source of truth. Each commit records how far it has followed the database's change log
 * ({@code seq}) and which rebuild generation it belongs to; {@link #open} rebuilds the index when it is
 * missing, unreadable, of an older layout, of another generation or ahead of the database (a restored or
 * replaced database), and otherwise applies just the writes it missed. {@link #catchUp} is cheap when
 * nothing changed (one indexed query), so it runs after every write request and on a timer.
 */
final class SearchIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    /** Bump when fields or analysis change: an index of another layout is rebuilt. */
    static final String LAYOUT = "5";
    /** How long a change stays eligible to be re-read (a slow transaction may commit a lower seq late). */
    private static final Duration LATE_COMMITS = Duration.ofSeconds(30);
    /** Incidents read per round of queries while rebuilding. */
    private static final int REBUILD_BATCH = 500;
    /**
     * Documents buffered before Lucene writes a segment: more than the default 16 MB makes fewer, larger segments
     * during a rebuild (fewer merges); small beside the server's 256 MB heap budget.
     */
    private static final double RAM_BUFFER_MB = 48;

    private final Jdbi jdbi;
    private final Incidents incidents;
    private final Path path;
    private final Analyzer analyzer;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private long seq;
    private long generation;
    /** Told the ids of the incidents each commit changed, or null after a rebuild (every incident may have). */
    private volatile java.util.function.Consumer<Set<String>> onChange = ids -> { };
    /** Recently applied change numbers, with when they were applied, to skip them when re-read. */
    private final Map<Long, Long> recent = new HashMap<>();
    /**
     * When (epoch ms) the last catch-up or rebuild began, 0 before the first: each catch-up reads the log again from
     * {@link #LATE_COMMITS} before it, so a late commit is found however long the previous round took (a rebuild of
     * 100,000 incidents takes longer than the window) or however long ago it ran.
     */
    private long lastLook;

    /** Figures of the last full rebuild, for logs, {@code reindex} and benchmarks. */
    record Rebuilt(int incidents, long millis) {
    }

    SearchIndex(Jdbi jdbi, Incidents incidents, Path path, Analyzer analyzer) {
        this.jdbi = jdbi;
        this.incidents = incidents;
        this.path = path;
        this.analyzer = analyzer;
    }

    /**
     * Opens the index, rebuilding it or catching it up as needed.
     *
     * @return the rebuild's figures when it rebuilt, empty when it only caught up
     * @throws org.apache.lucene.store.LockObtainFailedException when another process has this index open
     */
    synchronized Optional<Rebuilt> open() throws IOException {
        directory = FSDirectory.open(path);
        Map<String, String> committed = Map.of();
        try {
            if (DirectoryReader.indexExists(directory)) {
                try (DirectoryReader r = DirectoryReader.open(directory)) {
                    committed = r.getIndexCommit().getUserData();
                }
            }
        } catch (IOException e) {
            log.warn("search: the index at {} cannot be read ({}); rebuilding it", path, e.toString());
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(RAM_BUFFER_MB);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
        long head = incidents.head();
        long wantedGeneration = generationInDb();
        boolean fresh = LAYOUT.equals(committed.get("layout"))
                && Long.toString(wantedGeneration).equals(committed.get("generation"))
                && Long.parseLong(committed.getOrDefault("seq", "-1")) <= head
                && Long.parseLong(committed.getOrDefault("seq", "-1")) >= 0;
        if (!fresh) {
            String why = committed.isEmpty() ? "no index yet" : "index is of layout " + committed.get("layout")
                    + ", generation " + committed.get("generation") + ", change " + committed.get("seq")
                    + "; the database is at generation " + wantedGeneration + ", change " + head;
            Rebuilt r = rebuild();
            log.info("search: rebuilt the index of {} incidents in {} ms ({})", r.incidents(), r.millis(), why);
            return Optional.of(r);
        }
        seq = Long.parseLong(committed.get("seq"));
        generation = wantedGeneration;
        int applied = catchUp();
        log.info("search: opened the index at {} (change {}, {} incidents updated since)", path, seq, applied);
        return Optional.empty();
    }

    /** Indexes every listed incident again from the database, replacing the whole index in one commit. */
    synchronized Rebuilt rebuild() throws IOException {
        long t0 = System.nanoTime();
        long started = System.currentTimeMillis();
        // read the counter first: a write made during the rebuild is applied again by the next catch-up
        long head = incidents.head();
        long gen = generationInDb();
        writer.deleteAll();
        int[] n = {0};
        // batches: a dozen queries per 500 incidents, not per incident
        incidents.forEachListed(REBUILD_BATCH, incident -> {
            try {
                writer.addDocument(IncidentDocuments.of(incident));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            n[0]++;
        });
        seq = head;
        generation = gen;
        recent.clear();
        lastLook = started;
        commit();
        onChange.accept(null);
        return new Rebuilt(n[0], (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Applies the writes made since the last call (by this or any other process on the database), or
     * rebuilds when someone asked for a rebuild ({@code reindex}).
     *
     * @return how many incidents were re-indexed
     */
    synchronized int catchUp() throws IOException {
        if (generationInDb() != generation) {
            Rebuilt r = rebuild();
            log.info("search: rebuilt the index of {} incidents in {} ms (reindex was requested)", r.incidents(),
                    r.millis());
            return r.incidents();
        }
        long now = System.currentTimeMillis();
        long sinceMs = (lastLook == 0 ? now : Math.min(now, lastLook)) - LATE_COMMITS.toMillis();
        lastLook = now;
        // kept while the window can still hold their rows (a period's slack for clocks), so none is applied twice
        recent.values().removeIf(at -> at < sinceMs - LATE_COMMITS.toMillis());
        OffsetDateTime since = java.time.Instant.ofEpochMilli(sinceMs).atOffset(ZoneOffset.UTC);
        Set<String> ids = new LinkedHashSet<>();
        long max = seq;
        for (Incidents.Changed c : incidents.changesSince(seq, since)) {
            if (c.seq() > seq || !recent.containsKey(c.seq())) {
                ids.add(c.id());
                recent.put(c.seq(), now);
            }
            max = Math.max(max, c.seq());
        }
        if (ids.isEmpty()) {
            return 0;
        }
        for (String id : ids) {
            Optional<Incident> incident = incidents.load(id).filter(i -> i.header().listed());
            if (incident.isPresent()) {
                writer.updateDocument(new Term(Fields.ID, id), IncidentDocuments.of(incident.get()));
            } else {
                writer.deleteDocuments(new Term(Fields.ID, id));
            }
        }
        seq = max;
        commit();
        onChange.accept(ids);
        return ids.size();
    }

    /** Tells {@code listener} what each commit of this index changed (see {@link #onChange}). */
    void onChange(java.util.function.Consumer<Set<String>> listener) {
        onChange = listener;
    }

    /** A searcher on the latest commit; give it back with {@link #release}. */
    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized long seq() {
        return seq;
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of("layout", LAYOUT, "seq", Long.toString(seq),
                "generation", Long.toString(generation)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private long generationInDb() {
        return jdbi.withHandle(h -> h.createQuery("SELECT generation FROM search_state WHERE id = 1")
                .mapTo(Long.class).one());
    }

    /** Asks every instance on this database to rebuild its index at its next catch-up. */
    static void requestRebuild(Jdbi jdbi) {
        jdbi.useHandle(h -> h.execute("UPDATE search_state SET generation = generation + 1 WHERE id = 1"));
    }

    @Override
    public synchronized void close() throws IOException {
        if (searchers != null) {
            searchers.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (directory != null) {
            directory.close();
        }
    }
}
