package kb.search;

import java.util.List;
import java.util.Map;

/**
 * The fields of an incident in the index. Text fields are analysed by {@link TextAnalyzer} and weighted
 * by where a word was written (a word in the title says more about an incident than one in its code);
 * keyword fields hold exact values, lower-cased for matching, and feed the facet counts.
 */
final class Fields {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String ROOT_CAUSE = "rootcause";
    static final String BODY = "body";
    static final String TIMELINE = "timeline";
    static final String ACTIONS = "actions";
    static final String CODE = "code";
    /** Services, tags, categories and checklist items (ids and titles) as words: "timeout" finds the category. */
    static final String LABELS = "labels";

    static final String SEVERITY = "severity";
    static final String SERVICE = "service";
    static final String TAG = "tag";
    static final String CATEGORY = "category";
    static final String CHECKLIST = "checklist";
    static final String YEAR = "year";
    static final String LANG = "lang";
    static final String AUTHOR = "author";
    static final String STATUS = "status";

    /** Stored only: what a hit shows without loading the incident. */
    static final String STARTED = "started";
    /** Stored only: the severity as written. */
    static final String SHOWN_SEVERITY = "severity_shown";
    /** Doc values: the id, read per candidate while ranking related incidents. */
    static final String ID_VALUE = "id_value";
    /** Doc values: the start instant in epoch milliseconds, for sorting by date. */
    static final String STARTED_MS = "started_ms";

    /** Text fields and their weights: title > root cause and summary > other sections > timeline, actions > code. */
    static final Map<String, Float> TEXT_WEIGHTS = Map.of(
            TITLE, 5f, ROOT_CAUSE, 3f, SUMMARY, 3f, LABELS, 2f, BODY, 1.5f, TIMELINE, 1f, ACTIONS, 1f, CODE, 0.5f);

    /** Text fields in the order a snippet is looked for (labels are shown as chips, not snippets). */
    static final List<String> SNIPPET_ORDER = List.of(SUMMARY, ROOT_CAUSE, BODY, TIMELINE, ACTIONS, CODE);

    /** Keyword fields a query may name as {@code field:value}; {@code id} included. */
    static final List<String> KEYWORDS = List.of(ID, SEVERITY, SERVICE, TAG, CATEGORY, CHECKLIST, YEAR, LANG, AUTHOR,
            STATUS);

    /** Keyword fields counted on the results page, in display order. */
    static final List<String> FACETS = List.of(SEVERITY, SERVICE, TAG, CATEGORY, CHECKLIST, YEAR);

    /** Names a query may use for a single text field ({@code title:deadlock}). */
    static final Map<String, String> TEXT_ALIASES = Map.of(
            "title", TITLE, "summary", SUMMARY, "rootcause", ROOT_CAUSE, "root-cause", ROOT_CAUSE,
            "cause", ROOT_CAUSE, "timeline", TIMELINE, "actions", ACTIONS, "action", ACTIONS, "code", CODE,
            "body", BODY);

    /** Ends the name of a text field's word-pair twin (see {@link #pairs}). */
    static final String PAIRS_SUFFIX = "_pairs";

    /**
     * The word-pair twin of text field {@code field}: each two adjacent English words of it as one term ("roll back"),
     * at the first word's position, so a phrase of common words is a lookup of rare pair terms instead of a walk
     * over both words' long position lists ({@link TextAnalyzer}, {@link Queries}).
     */
    static String pairs(String field) {
        return field + PAIRS_SUFFIX;
    }

    /** The doc-values twin of a keyword field, holding the value as written (for facets). */
    static String facet(String field) {
        return field + "_facet";
    }

    private Fields() {
    }
}
