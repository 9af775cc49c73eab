package kb.search;

import kb.incidents.Incidents;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.SuggestMode;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The search feature's door: full-text search over incidents, related incidents, and keeping this
 * instance's index in step with the database. The index opens on first use (rebuilt when missing or
 * stale); {@link #afterWrite} brings it up to date within the request that wrote, and
 * {@link #follow} keeps following writes made by other processes and instances.
 */
public final class Search implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Search.class);

    private final Jdbi jdbi;
    private final Analyzer analyzer = new TextAnalyzer();
    private final SearchIndex index;
    private final SearchEngine engine;
    private final DidYouMean didYouMean;
    private final RelatedIncidents related;
    /** Related lists stay at most this long when no change to their incidents drops them sooner. */
    private final RelatedCache relatedCache = new RelatedCache(Duration.ofMinutes(5), System::nanoTime);
    private final Incidents incidents;
    /** The verified incidents and when they were read: runs change them, not incident writes, so they are re-read. */
    private volatile Verified verified = new Verified(java.util.Set.of(), 0);
    private volatile boolean opened;
    private ScheduledExecutorService follower;

    /** The index lives in {@code dataDir/search-index}. */
    public Search(Jdbi jdbi, Path dataDir) {
        this.jdbi = jdbi;
        this.incidents = new Incidents(jdbi);
        this.index = new SearchIndex(jdbi, incidents, dataDir.resolve("search-index"), analyzer);
        this.engine = new SearchEngine(analyzer);
        this.didYouMean = new DidYouMean(analyzer);
        this.related = new RelatedIncidents(analyzer);
        index.onChange(relatedCache::changed);
    }

    /**
     * Runs {@code request}; never throws for what a user typed (see {@link SearchResults#notices()}). The facets
     * include {@code verified}: how many matches have every runnable reproduction passing.
     */
    public SearchResults search(SearchRequest request) {
        java.util.Set<String> ok = verifiedIds();
        SearchRequest r = request;
        if ("true".equals(request.filters().get("verified"))) {
            java.util.Map<String, String> rest = new java.util.LinkedHashMap<>(request.filters());
            rest.remove("verified");
            java.util.Set<String> only = new java.util.HashSet<>(ok);
            if (request.onlyIds() != null) {
                only.retainAll(request.onlyIds());
            }
            r = new SearchRequest(request.q(), rest, only, request.sort(), request.page(), request.size(),
                    request.includeDrafts());
        }
        SearchRequest run = r;
        return withSearcher(s -> engine.search(s, run, ok));
    }

    /** A search finding at most this many incidents gets a "did you mean" when a corrected query finds more. */
    public static final int FEW_HITS = 2;

    /**
     * A corrected query and how many incidents it finds with the same filters.
     *
     * @param query what to search instead, as a user would type it
     * @param total its matches (more than the original query's)
     */
    public record Suggestion(String query, long total) {
    }

    /**
     * "Did you mean": for a query that found {@code found} (at most {@link #FEW_HITS} incidents), the query with
     * misspelt words replaced by near words of the index, when that finds more with the same filters; empty
     * otherwise (a blank query, enough hits, no near word, or a correction that finds no more).
     */
    public Optional<Suggestion> suggestion(SearchRequest request, SearchResults found) {
        if (request.q().isBlank() || found.total() > FEW_HITS) {
            return Optional.empty();
        }
        // words the index lacks first; then, as "very little" may come from a rare misspelling that some postmortem
        // holds too, words that a near and more frequent word may replace
        for (SuggestMode mode : List.of(SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, SuggestMode.SUGGEST_MORE_POPULAR)) {
            Optional<String> q = withSearcher(s -> didYouMean.correct(s.getIndexReader(), request.q(), mode));
            if (q.isPresent() && !q.get().equals(request.q())) {
                long n = search(new SearchRequest(q.get(), request.filters(), request.onlyIds(), request.sort(), 1, 1,
                        request.includeDrafts())).total();
                if (n > found.total()) {
                    return Optional.of(new Suggestion(q.get(), n));
                }
            }
        }
        return Optional.empty();
    }

    private record Verified(java.util.Set<String> ids, long readAtNanos) {
    }

    /** Verified incident ids, read again when older than a second (a run's result shows within that time). */
    private java.util.Set<String> verifiedIds() {
        Verified v = verified;
        if (v.readAtNanos() == 0 || System.nanoTime() - v.readAtNanos() > 1_000_000_000L) {
            v = new Verified(java.util.Set.copyOf(incidents.verifiedIds()), System.nanoTime());
            verified = v;
        }
        return v.ids();
    }

    /** Up to {@code limit} incidents related to {@code id}, best first, each with its reasons. */
    public List<Related> related(String id, boolean includeDrafts, int limit) {
        List<Related> cached = relatedCache.get(id, includeDrafts, limit);
        if (cached != null) {
            return cached;
        }
        long epoch = relatedCache.epoch();
        List<Related> found = withSearcher(s -> related.find(s, id, includeDrafts, limit));
        relatedCache.put(id, includeDrafts, limit, epoch, found);
        return found;
    }

    /**
     * Forgets cached facet counts and related lists, as if no query had run yet: benchmarks time the work
     * a first query does with it. Correctness never needs it (the caches follow index changes).
     */
    public void clearCaches() {
        engine.clearCache();
        relatedCache.changed(null);
    }

    /** Applies writes not yet in the index (cheap when there are none); call after a request that wrote. */
    public void afterWrite() {
        try {
            ensureOpen();
            index.catchUp();
        } catch (IOException | UncheckedIOException e) {
            // the write itself is committed: answering 500 would tell the client it failed. The poller
            // follows the change log and applies it on its next round.
            log.warn("search: the index could not follow a write now; the next poll will: {}", e.getMessage());
        }
    }

    /**
     * Rebuilds the whole index now, and asks every other instance on this database to rebuild too.
     *
     * @return the number of incidents indexed and the time taken
     */
    public Rebuild rebuild() {
        try {
            SearchIndex.requestRebuild(jdbi);
            Optional<SearchIndex.Rebuilt> r = ensureOpen();
            SearchIndex.Rebuilt done = r.isPresent() ? r.get() : index.rebuild();
            return new Rebuild(done.incidents(), done.millis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a rebuild did. */
    public record Rebuild(int incidents, long millis) {
    }

    /**
     * Follows the database's change log every {@code every} on a daemon thread, once {@code ready} says
     * the database is migrated; writes from other instances show up in search within that period.
     */
    public synchronized void follow(Duration every, BooleanSupplier ready) {
        if (follower != null) {
            return;
        }
        follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-follower");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> log.error("search: the follower thread died", e));
            return t;
        });
        follower.scheduleWithFixedDelay(() -> {
            if (!ready.getAsBoolean()) {
                return;
            }
            try {
                ensureOpen();
                index.catchUp();
            } catch (Exception e) {
                log.warn("search: could not follow the database's changes: {}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private <T> T withSearcher(SearchFunction<T> f) {
        IndexSearcher s = null;
        try {
            ensureOpen();
            s = index.acquire();
            return f.apply(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (s != null) {
                index.release(s);
            }
        }
    }

    private interface SearchFunction<T> {
        T apply(IndexSearcher s) throws IOException;
    }

    private Optional<SearchIndex.Rebuilt> ensureOpen() throws IOException {
        if (opened) {
            return Optional.empty();
        }
        synchronized (this) {
            if (opened) {
                return Optional.empty();
            }
            Optional<SearchIndex.Rebuilt> r = index.open();
            opened = true;
            return r;
        }
    }

    @Override
    public synchronized void close() {
        if (follower != null) {
            follower.shutdown();
            try {
                follower.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            index.close();
        } catch (IOException e) {
            log.warn("search: closing the index failed: {}", e.toString());
        }
    }
}
