package kb.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total   every match, not just this page
 * @param facets  for each facet field, its values among all matches with counts, most frequent first
 * @param notices what was done with input that was not valid syntax, for the user to read
 * @param scored  whether hits are ranked by relevance (false: only filters, newest first)
 */
public record SearchResults(List<Hit> hits, long total, int page, int size, Map<String, List<Facet>> facets,
                            List<String> notices, boolean scored) {

    /**
     * One matching incident.
     *
     * @param titleHtml   the title with matched words in {@code <mark>}; HTML-escaped
     * @param snippetHtml a passage of the text with matched words in {@code <mark>}; HTML-escaped
     */
    public record Hit(String id, String title, String severity, String started, float score, String titleHtml,
                      String snippetHtml) {
    }

    /** One value of a facet and how many matching incidents have it. */
    public record Facet(String value, int count) {
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
