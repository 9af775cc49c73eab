package kb.insights;

import kb.incidents.Incidents;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The insights feature's door: figures across incidents. It keeps the facts of every published incident and,
 * for the most recent filters, their running totals ({@link Tally}); when the database's change counter moves,
 * only the incidents written since are read again and moved in the totals, so the first page after a write
 * costs what was written, not a pass over every incident. Computed figures are kept per filter too (with the
 * review findings they count as part of the key), so a page costs two small queries when nothing changed.
 * Thread-safe: one lock serialises following the writes and computing figures.
 */
public final class Insights {

    /** How far back the change log is read again: a write's number is taken before it commits (see Incidents). */
    private static final Duration LATE_COMMITS = Duration.ofSeconds(10);
    private static final int KEPT = 32;
    private static final Comparator<Incidents.Facts> ORDER =
            Comparator.comparing((Incidents.Facts f) -> f.startedAt().toInstant()).thenComparing(Incidents.Facts::id);

    /** Computed figures are valid for exactly these inputs. */
    private record Key(long version, Figures.Filter filter, Map<String, Integer> findings) {
    }

    private final Jdbi jdbi;
    private final Incidents incidents;
    private final ReviewFindings findings;
    /** Set once the facts were read the first time; {@link #ready} answers from it without the lock. */
    private volatile boolean loaded;
    private final Object loadGuard = new Object();
    /** The first read of the facts, started by {@link #ready}. */
    private CompletableFuture<Void> loading;
    private long head = -1;
    /**
     * Moves whenever the facts change; computed figures are kept by it, not by {@link #head}: a write that took its
     * number before another one and commits after it changes the facts without moving the head.
     */
    private long version;
    /** Until when (epoch ms) the change log is read again although the head did not move: see {@link #LATE_COMMITS}. */
    private long watchUntil;
    /** Change numbers already applied, by when (epoch ms), so the window read again skips them. */
    private final Map<Long, Long> applied = new HashMap<>();
    /** When the last follow that read the log began: the window read again starts {@link #LATE_COMMITS} before it. */
    private OffsetDateTime followedAt;
    private final Map<String, Incidents.Facts> byId = new HashMap<>();
    private final TreeMap<String, Integer> services = new TreeMap<>();
    /** The facts in start order, made again after a change. */
    private List<Incidents.Facts> ordered = List.of();
    private final Map<Figures.Filter, Tally> tallies = lru();
    private final Map<Key, Figures.Report> reports = lru();

    public Insights(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.incidents = new Incidents(jdbi);
        this.findings = new ReviewFindings(jdbi);
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > KEPT;
            }
        };
    }

    /**
     * The figures for {@code filter}, or empty when the facts of every incident are still being read for the first
     * time (seconds at 100,000 incidents) after waiting about {@code bound} for them: see {@link #ready}.
     */
    Optional<Figures.Report> report(Figures.Filter filter, Duration bound) {
        return ready(bound) ? Optional.of(report(filter)) : Optional.empty();
    }

    /**
     * Whether the facts are loaded, waiting at most about {@code bound} for them: the first call starts reading them
     * in a background thread, so no page waits for the whole first read; later calls follow writes as usual.
     */
    boolean ready(Duration bound) {
        if (loaded) {
            return true;
        }
        CompletableFuture<Void> f;
        synchronized (loadGuard) {
            if (loading == null || loading.isCompletedExceptionally()) {
                CompletableFuture<Void> started = new CompletableFuture<>();
                Thread t = new Thread(() -> {
                    try {
                        kb.incidents.BuildHook.run(jdbi, "insights");
                        facts();
                        started.complete(null);
                    } catch (RuntimeException | Error e) {
                        started.completeExceptionally(e);
                    }
                }, "insights-load");
                t.setDaemon(true);
                // the task hands every failure to the future; this only reports what escapes it
                t.setUncaughtExceptionHandler((th, e) -> org.slf4j.LoggerFactory.getLogger(Insights.class)
                        .error("insights: reading the facts failed", e));
                loading = started;
                t.start();
            }
            f = loading;
        }
        try {
            f.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            org.slf4j.LoggerFactory.getLogger(Insights.class).warn("insights: reading the facts failed: {}", e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    synchronized Figures.Report report(Figures.Filter filter) {
        follow();
        Map<String, Integer> byItem = findings.byChecklistItem();
        Key key = new Key(version, filter, byItem);
        Figures.Report cached = reports.get(key);
        if (cached != null) {
            return cached;
        }
        Tally tally = tallies.get(filter);
        if (tally == null) {
            tally = new Tally(filter);
            byId.values().forEach(tally::add);
            tallies.put(filter, tally);
        }
        Figures.Report computed = tally.report(byItem);
        reports.put(key, computed);
        return computed;
    }

    /** Facts of every published, listed incident, oldest first, as of the latest write. */
    public synchronized List<Incidents.Facts> facts() {
        follow();
        if (ordered == null) {
            ordered = byId.values().stream().sorted(ORDER).toList();
        }
        return ordered;
    }

    /** The services that published incidents name, sorted (the page's filter choices). */
    synchronized List<String> services() {
        follow();
        return List.copyOf(services.keySet());
    }

    /**
     * Brings the facts and the totals up to the database's latest write. Until one look begins more than
     * {@link #LATE_COMMITS} after the head last moved, the log is read again although the head did not move: a write
     * whose number is below the head may still commit, and only the log's rows show it. Each look goes back to
     * {@link #LATE_COMMITS} before the one before it, so such a write is found however long no page asked meanwhile.
     */
    private void follow() {
        long now = incidents.head();
        long clock = System.currentTimeMillis();
        // stop looking for late commits only after one look that began when none could still come
        if (now == head && followedAt != null && followedAt.toInstant().toEpochMilli() > watchUntil) {
            return;
        }
        if (now != head) {
            watchUntil = clock + LATE_COMMITS.toMillis();
        }
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime since = (followedAt == null ? started : followedAt).minus(LATE_COMMITS);
        if (head < 0 || now < head) {
            applied.clear();
            // the rows of the window are skipped once applied; a reload applies them all (an index range, cheap)
            incidents.changesSince(now, since).forEach(c -> applied.put(c.seq(), clock));
            reload();
            version++;
        } else {
            // kept while the window read can still hold their rows (a period's slack for clocks): none moves twice
            long oldest = since.toInstant().toEpochMilli() - LATE_COMMITS.toMillis();
            applied.values().removeIf(at -> at < oldest);
            Set<String> ids = new LinkedHashSet<>();
            for (Incidents.Changed c : incidents.changesSince(head, since)) {
                if (c.seq() > head || applied.putIfAbsent(c.seq(), clock) == null) {
                    applied.put(c.seq(), clock);
                    ids.add(c.id());
                }
            }
            if (ids.size() > 1000 + byId.size() / 4) {
                reload(); // a bulk load: reading everything once is cheaper than moving each incident
            } else if (!ids.isEmpty()) {
                Map<String, Incidents.Facts> fresh = new HashMap<>();
                incidents.facts(ids).forEach(f -> fresh.put(f.id(), f));
                ids.forEach(id -> replace(byId.get(id), fresh.get(id)));
            }
            if (!ids.isEmpty()) {
                version++;
            }
        }
        head = now;
        followedAt = started;
        loaded = true;
    }

    private void reload() {
        byId.clear();
        services.clear();
        tallies.clear();
        incidents.facts().forEach(f -> replace(null, f));
    }

    /** Moves one incident from {@code old} to {@code now} facts; either may be null (new, or no longer counted). */
    private void replace(Incidents.Facts old, Incidents.Facts now) {
        if (old != null && old.equals(now)) {
            return;
        }
        for (Tally t : tallies.values()) {
            if (old != null) {
                t.remove(old);
            }
            if (now != null) {
                t.add(now);
            }
        }
        if (old != null) {
            byId.remove(old.id());
            old.services().forEach(s -> services.computeIfPresent(s, (k, n) -> n == 1 ? null : n - 1));
        }
        if (now != null) {
            byId.put(now.id(), now);
            now.services().forEach(s -> services.merge(s, 1, Integer::sum));
        }
        ordered = null;
    }
}
