package kb.actions;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recently shown pages of action items, each valid until the action summary moves (a write to any incident) or
 * the next day (overdue flags change at midnight). A page is a few indexed reads, but the list is read far more
 * often than incidents are written, and a repeated page then costs no database round trip.
 */
final class PageCache {

    /** Filter and page combinations remembered; a page is at most a hundred short rows. */
    private static final int ENTRIES = 128;

    private record Key(ActionFilter filter, boolean drafts, LocalDate today) {
    }

    private record Entry(long version, ActionQuery.Page page) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > ENTRIES;
        }
    };

    /** The page for {@code filter} at summary {@code version}, from the cache or from {@code find}. */
    ActionQuery.Page get(ActionFilter filter, boolean drafts, LocalDate today, long version, Supplier<ActionQuery.Page> find) {
        Key k = new Key(filter, drafts, today);
        synchronized (this) {
            Entry e = entries.get(k);
            if (e != null && e.version() == version) {
                return e.page();
            }
        }
        ActionQuery.Page page = find.get();
        synchronized (this) {
            entries.put(k, new Entry(version, page));
        }
        return page;
    }
}
