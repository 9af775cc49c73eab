package kb.incidents;

import kb.format.Limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of an incident's timeline one page (or one API answer) shows. Timelines are capped at
 * {@link Limits#MAX_TIMELINE_ENTRIES} when written, so a page of that size shows every timeline written since
 * whole; a postmortem stored before the cap (tens of thousands of entries) is read a page at a time instead of
 * as one answer of many megabytes. Pages are numbered from 1.
 *
 * @param page  the page shown, within {@code [1, pages]}
 * @param pages at least 1, also for an empty timeline
 * @param total entries in the whole timeline
 * @param size  entries per page
 */
record TimelinePage(int page, int pages, int total, int size) {

    /** The query parameter that chooses the page, on the incident page and its API. */
    static final String PARAM = "timeline";
    static final int SIZE = Limits.MAX_TIMELINE_ENTRIES;

    /**
     * The page {@code requested} (the query parameter's text; null, not a number or below 1 give the first
     * page, past the end the last) of a timeline of {@code total} entries, {@code size} per page.
     */
    static TimelinePage of(String requested, int total, int size) {
        int pages = Math.max(1, (total + size - 1) / size);
        int page = 1;
        if (requested != null && requested.matches("[0-9]{1,9}")) {
            page = Math.min(pages, Math.max(1, Integer.parseInt(requested)));
        }
        return new TimelinePage(page, pages, total, size);
    }

    /** Position of the first entry shown (0-based). */
    int offset() {
        return (page - 1) * size;
    }

    /** True when the timeline does not fit one page, so the reader needs a way to the other entries. */
    boolean split() {
        return pages > 1;
    }

    /** What the templates and the API show: the page, the entries shown (1-based, inclusive), the neighbours. */
    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", page);
        m.put("pages", pages);
        m.put("total", total);
        m.put("from", total == 0 ? 0 : offset() + 1);
        m.put("to", Math.min(total, offset() + size));
        m.put("prev", page > 1 ? page - 1 : null);
        m.put("next", page < pages ? page + 1 : null);
        return m;
    }
}
