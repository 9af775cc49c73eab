package kb.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Related-incident lists computed recently. Finding them runs a MoreLikeThis query and a label query over the
 * whole index, tens of milliseconds of CPU at 100,000 incidents, while an incident page is read far more often
 * than incidents change. A list is dropped as soon as the index applies a change to its incident or to an
 * incident it lists (so a shown title, severity or draft state is never stale), and otherwise recomputed after
 * {@code maxAge}: an incident that newly became related to this one shows within that bound.
 */
final class RelatedCache {

    /** Incident pages remembered; an entry is five short records. */
    private static final int ENTRIES = 4096;

    private record Key(String id, boolean includeDrafts, int limit) {
    }

    private record Entry(List<Related> related, long atNanos) {
    }

    private final long maxAgeNanos;
    private final LongSupplier clock;
    /** Bumped on every invalidation: a list computed across one is not stored, it may predate the change. */
    private long epoch;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > ENTRIES;
        }
    };

    RelatedCache(java.time.Duration maxAge, LongSupplier clock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = clock;
    }

    /** The cached list, or null when there is none young enough. */
    synchronized List<Related> get(String id, boolean includeDrafts, int limit) {
        Key k = new Key(id, includeDrafts, limit);
        Entry e = entries.get(k);
        if (e == null) {
            return null;
        }
        if (clock.getAsLong() - e.atNanos() > maxAgeNanos) {
            entries.remove(k);
            return null;
        }
        return e.related();
    }

    /** The epoch to pass to {@link #put}; read it before computing. */
    synchronized long epoch() {
        return epoch;
    }

    /** Remembers {@code related} unless the index changed since {@code epoch}. */
    synchronized void put(String id, boolean includeDrafts, int limit, long epoch, List<Related> related) {
        if (epoch == this.epoch) {
            entries.put(new Key(id, includeDrafts, limit), new Entry(List.copyOf(related), clock.getAsLong()));
        }
    }

    /** Drops the lists of {@code changed} incidents and every list that shows one of them; null drops all. */
    synchronized void changed(java.util.Set<String> changed) {
        epoch++;
        if (changed == null) {
            entries.clear();
            return;
        }
        entries.entrySet().removeIf(e -> changed.contains(e.getKey().id())
                || e.getValue().related().stream().anyMatch(r -> changed.contains(r.id())));
    }
}
