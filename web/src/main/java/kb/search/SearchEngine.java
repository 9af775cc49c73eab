package kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs one {@link SearchRequest} on a searcher: query, filters, ranking, facets and snippets. */
final class SearchEngine {

    private static final Sort NEWEST_FIRST = new Sort(new SortField(Fields.STARTED_MS, SortField.Type.LONG, true));
    /** A snippet is cut around this many characters, on sentence bounds where it can be. */
    private static final int SNIPPET_CHARS = 220;

    private final Analyzer analyzer;
    private final Queries queries;
    /** As {@link IndexSearcher#search(Query, int)}: hits are counted exactly up to this many, then may be estimated. */
    private static final int TOTAL_HITS_THRESHOLD = 1000;
    private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(Fields.ID, Fields.TITLE,
            Fields.SHOWN_SEVERITY, Fields.STARTED);

    private final FacetCache cache = new FacetCache();

    SearchEngine(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.queries = new Queries(analyzer);
    }

    private static boolean hasLetterOrDigit(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Runs {@code r}; {@code verified} (the verified incident ids) gives the {@code verified} facet's count. */
    SearchResults search(IndexSearcher searcher, SearchRequest r, java.util.Set<String> verified) throws IOException {
        QueryText.Parsed parsed = QueryText.parse(r.q());
        Queries.Built built = queries.build(parsed);
        List<String> notices = new ArrayList<>(parsed.notices());
        // a word like "the" is too common to search; "(" or "*" has nothing to search at all, and saying it is
        // "too common" would send the user looking for the wrong mistake
        List<String> common = built.ignored().stream().filter(SearchEngine::hasLetterOrDigit).toList();
        List<String> symbols = built.ignored().stream().filter(w -> !hasLetterOrDigit(w)).toList();
        if (!common.isEmpty()) {
            notices.add("Too common to search for: " + String.join(", ", common) + ".");
        }
        if (!symbols.isEmpty()) {
            notices.add("Left out, as it has no letter or digit to search for: " + String.join(" ", symbols) + ".");
        }
        Query query = filtered(built.query(), r);
        boolean byDate = !built.scored() || "date".equals(r.sort());
        int from = (r.page() - 1) * r.size();
        int wanted = Math.max(1, from + r.size());
        TopDocs top;
        FacetCounts.Counted counted = cache.get(searcher.getIndexReader(), query, verified);
        if (counted == null) {
            // the page and the counts in one pass: a phrase's positions are matched once, not once per figure
            Object[] both = searcher.search(query, new MultiCollectorManager(byDate
                    ? new TopFieldCollectorManager(NEWEST_FIRST, wanted, null, TOTAL_HITS_THRESHOLD)
                    : new TopScoreDocCollectorManager(wanted, null, TOTAL_HITS_THRESHOLD),
                    new FacetCounts(Fields.FACETS, verifiedDocs(searcher, verified))));
            top = (TopDocs) both[0];
            counted = (FacetCounts.Counted) both[1];
            cache.put(searcher.getIndexReader(), query, verified, counted);
        } else {
            // every match scored, as in the pass above: the text query is a disjunction over fields with a tie
            // breaker, which cannot skip blocks, so tracking block maximum scores (phrases merge their terms'
            // impacts for it) only added work: with it, a phrase took 31 ms of CPU at 100,000 incidents when its
            // counts were cached and 19 ms when they were counted too
            top = byDate
                    ? searcher.search(query, new TopFieldCollectorManager(NEWEST_FIRST, wanted, null, Integer.MAX_VALUE))
                    : searcher.search(query, new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE));
        }
        Map<String, List<SearchResults.Facet>> facets = new java.util.LinkedHashMap<>(counted.facets());
        facets.put("verified", counted.verified() == 0 ? List.of()
                : List.of(new SearchResults.Facet("true", counted.verified())));
        long total = counted.total();
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(from, top.scoreDocs.length), top.scoreDocs.length);
        return new SearchResults(hits(searcher, built, page, byDate), total, r.page(), r.size(), facets, notices,
                built.scored());
    }

    /** The documents of the verified incidents (a few), by global doc id; null when there are none. */
    private static org.apache.lucene.util.Bits verifiedDocs(IndexSearcher searcher, java.util.Set<String> verified)
            throws IOException {
        if (verified.isEmpty()) {
            return null;
        }
        org.apache.lucene.util.FixedBitSet docs = new org.apache.lucene.util.FixedBitSet(
                Math.max(1, searcher.getIndexReader().maxDoc()));
        TopDocs found = searcher.search(new TermInSetQuery(Fields.ID, verified.stream().map(BytesRef::new).toList()),
                Math.max(1, verified.size()));
        for (ScoreDoc sd : found.scoreDocs) {
            docs.set(sd.doc);
        }
        return docs;
    }

    /** Forgets cached facet counts. */
    void clearCache() {
        cache.clear();
    }

    private static Query filtered(Query query, SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
        r.filters().forEach((field, value) -> {
            // "verified" is not a field of the index: the caller turns it into onlyIds
            if (value != null && !value.isBlank() && !field.equals("verified")) {
                b.add(new TermQuery(new Term(field, value.strip().toLowerCase(Locale.ROOT))), Occur.FILTER);
            }
        });
        if (r.onlyIds() != null) {
            b.add(new TermInSetQuery(Fields.ID, r.onlyIds().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (!r.includeDrafts()) {
            b.add(new TermQuery(new Term(Fields.STATUS, "draft")), Occur.MUST_NOT);
        }
        return b.build();
    }

    private List<SearchResults.Hit> hits(IndexSearcher searcher, Queries.Built built, ScoreDoc[] page, boolean byDate)
            throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        String[] fields = new String[Fields.SNIPPET_ORDER.size() + 1];
        fields[0] = Fields.TITLE;
        for (int i = 0; i < Fields.SNIPPET_ORDER.size(); i++) {
            fields[i + 1] = Fields.SNIPPET_ORDER.get(i);
        }
        int[] passages = new int[fields.length];
        Arrays.fill(passages, 1);
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, 0.3f))
                .withMaxLength(200_000)
                // terms and phrases per field instead of the whole query's Weight.matches for every field of every
                // hit: that re-ran each term of the expanded query on ten fields, ~80% of a search's CPU
                .withWeightMatches(false)
                .build();
        TopDocs forPage = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        Map<String, String[]> marked = highlighter.highlightFields(fields, built.highlight(), forPage, passages);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            // the hit's own fields only: the stored text is the highlighter's to read
            Document d = searcher.storedFields().document(page[i].doc, HIT_FIELDS);
            String title = d.get(Fields.TITLE);
            String titleHtml = marked.get(Fields.TITLE)[i];
            hits.add(new SearchResults.Hit(d.get(Fields.ID), title, d.get(Fields.SHOWN_SEVERITY), d.get(Fields.STARTED),
                    byDate || Float.isNaN(page[i].score) ? 0f : page[i].score,
                    titleHtml == null ? escape(title) : titleHtml, snippet(marked, i)));
        }
        return hits;
    }

    /** The first field (in {@link Fields#SNIPPET_ORDER}) with a match, else the start of the summary. */
    private static String snippet(Map<String, String[]> marked, int i) {
        String first = null;
        for (String f : Fields.SNIPPET_ORDER) {
            String s = marked.get(f)[i];
            if (s == null || s.isBlank()) {
                continue;
            }
            if (s.contains("<mark>")) {
                return s;
            }
            if (first == null) {
                first = s;
            }
        }
        return first == null ? "" : first;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
