package kb.actions;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recently shown pages of action items, each valid until the next write to any incident (the change log's
 * head moves) or the next day (overdue flags change at midnight). Ordering hundreds of thousands of items by due
 * date and counting them takes a second on PostgreSQL at 100,000 incidents, while the list is read far more
 * often than incidents are written.
 */
final class PageCache {

    /** Filter and page combinations remembered; a page is at most a hundred short rows. */
    private static final int ENTRIES = 128;

    private record Key(ActionFilter filter, boolean drafts, LocalDate today) {
    }

    private record Entry(long head, ActionQuery.Page page) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > ENTRIES;
        }
    };

    /** The page for {@code filter} at change {@code head}, from the cache or from {@code find}. */
    ActionQuery.Page get(ActionFilter filter, boolean drafts, LocalDate today, long head, Supplier<ActionQuery.Page> find) {
        Key k = new Key(filter, drafts, today);
        synchronized (this) {
            Entry e = entries.get(k);
            if (e != null && e.head() == head) {
                return e.page();
            }
        }
        ActionQuery.Page page = find.get();
        synchronized (this) {
            entries.put(k, new Entry(head, page));
        }
        return page;
    }
}
