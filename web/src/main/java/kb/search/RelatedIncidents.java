package kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds incidents related to one incident. Evidence, strongest first: the checklist items both broke and
 * the root-cause categories they share; then the services and tags they share; then how alike their
 * words are (Lucene {@link MoreLikeThis} over the title, counted three times, the root cause and the
 * summary). Each kind of evidence adds to a score and to the reasons shown.
 */
final class RelatedIncidents {

    /** What one shared value of each field is worth. */
    private static final Map<String, Double> WEIGHTS = Map.of(
            Fields.CHECKLIST, 3.0, Fields.CATEGORY, 2.0, Fields.SERVICE, 1.5, Fields.TAG, 0.6);
    /** What identical wording is worth (similarity 1.0); similarity below {@link #SIMILAR} is not a reason. */
    private static final double TEXT_WEIGHT = 4.0;
    private static final double SIMILAR = 0.12;
    private static final int CANDIDATES = 60;
    /** A word in more than one incident of this many is too common to say two incidents are alike. */
    private static final int COMMON_SHARE = 20;
    /** Below this many incidents no word is too common for text similarity. */
    private static final int COMMON_FLOOR = 1000;
    /** Less evidence than one shared service (a shared tag such as "go" alone) is not worth showing. */
    private static final double MIN_SCORE = 1.5;

    /** The fields whose words say how alike two incidents are, and what each counts for. */
    private static final Map<String, Float> LIKE_FIELDS = Map.of(Fields.TITLE, 3f, Fields.ROOT_CAUSE, 1f, Fields.SUMMARY, 1f);

    /** The stored fields a shown related incident needs. */
    private static final Set<String> SHOWN = Set.of(Fields.TITLE, Fields.SHOWN_SEVERITY);

    private final Analyzer analyzer;
    private final DocFreqCache freqs = new DocFreqCache();

    RelatedIncidents(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<Related> find(IndexSearcher searcher, String id, boolean includeDrafts, int limit) throws IOException {
        TopDocs self = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
        if (self.scoreDocs.length == 0) {
            return List.of();
        }
        int doc = self.scoreDocs[0].doc;
        Map<String, Set<String>> mine = Labels.read(searcher, List.of(doc)).get(doc).byField();
        Map<Integer, Double> similarity = similarity(searcher, doc);
        Set<Integer> candidates = new java.util.TreeSet<>(similarity.keySet());
        // each shared value counts its weight and nothing else (no rarity, no length), so the label query's best
        // candidates are exactly those with the most label evidence, and Lucene can skip incidents that share only
        // light labels (a common tag) once enough heavier ones are found: at 100,000 incidents that was most of them
        BooleanQuery.Builder shared = new BooleanQuery.Builder();
        mine.forEach((f, vs) -> vs.forEach(v -> shared.add(new BoostQuery(new ConstantScoreQuery(
                new TermQuery(new Term(f, v.toLowerCase(Locale.ROOT)))), WEIGHTS.get(f).floatValue()), Occur.SHOULD)));
        for (ScoreDoc sd : top(searcher, shared.build()).scoreDocs) {
            candidates.add(sd.doc);
        }
        candidates.remove(doc);
        // scored from doc values alone, read in document order once per segment; stored fields (compressed with the
        // whole text) only for those shown
        Map<Integer, Labels> labels = Labels.read(searcher, candidates);
        List<Scored> scored = new ArrayList<>();
        for (int other : candidates) {
            Labels theirs = labels.get(other);
            if (!includeDrafts && theirs.draft()) {
                continue;
            }
            double score = 0;
            List<String> reasons = new ArrayList<>();
            for (String f : List.of(Fields.CHECKLIST, Fields.CATEGORY, Fields.SERVICE, Fields.TAG)) {
                Set<String> common = new LinkedHashSet<>(theirs.byField().get(f));
                common.retainAll(mine.get(f));
                score += WEIGHTS.get(f) * common.size();
                for (String v : common) {
                    reasons.add(reason(f, v));
                }
            }
            double sim = similarity.getOrDefault(other, 0.0);
            if (sim >= SIMILAR) {
                score += TEXT_WEIGHT * sim;
                reasons.add("similar text");
            }
            if (score >= MIN_SCORE) {
                scored.add(new Scored(other, theirs.id(), Math.round(score * 100) / 100.0, reasons));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
        List<Related> out = new ArrayList<>();
        for (Scored c : scored.subList(0, Math.min(limit, scored.size()))) {
            Document d = searcher.storedFields().document(c.doc(), SHOWN);
            out.add(new Related(c.id(), d.get(Fields.TITLE), d.get(Fields.SHOWN_SEVERITY), c.score(), c.reasons()));
        }
        return List.copyOf(out);
    }

    /**
     * The {@code CANDIDATES + 1} best documents for {@code q}, exactly, without counting every match: the default
     * counts the first thousand matches before it lets Lucene skip documents that cannot make the list, and at 100,000
     * incidents a candidate query of common words matches tens of thousands.
     */
    private static TopDocs top(IndexSearcher searcher, Query q) throws IOException {
        return searcher.search(q, new TopScoreDocCollectorManager(CANDIDATES + 1, CANDIDATES + 1));
    }

    /** How many incidents may hold a word that text similarity still counts, in an index of {@code incidents}. */
    static int tooCommon(int incidents) {
        return Math.max(COMMON_FLOOR, incidents / COMMON_SHARE);
    }

    /** A candidate that has enough evidence, before its title is read. */
    private record Scored(int doc, String id, double score, List<String> reasons) {
    }

    private static String reason(String field, String value) {
        return switch (field) {
            case Fields.CHECKLIST -> "also " + value;
            case Fields.CATEGORY -> "same cause " + value;
            case Fields.SERVICE -> "same service " + value;
            default -> "also tagged " + value;
        };
    }

    /**
     * For each document like {@code doc}, its MoreLikeThis score divided by {@code doc}'s own score for the
     * same query: 1.0 means as alike as the incident is to itself.
     */
    private Map<Integer, Double> similarity(IndexSearcher searcher, int doc) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(freqs.over(searcher.getIndexReader()));
        mlt.setAnalyzer(analyzer);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(1);
        mlt.setMaxQueryTerms(30);
        // a word in one incident of twenty says little about likeness and costs the most to score: at 100,000
        // incidents the words in 5-10% of them were a third of the CPU of a first related-incidents query (a tenth was
        // the bound before); small sets keep every word
        mlt.setMaxDocFreq(tooCommon(searcher.getIndexReader().numDocs()));
        mlt.setBoost(true);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        // the three fields read once: like(doc) would decompress the whole stored document (the body, timeline and
        // code with it) once per field, a third of the CPU of a first incident-page view at 100,000 incidents
        Document self = searcher.storedFields().document(doc, LIKE_FIELDS.keySet());
        for (var e : LIKE_FIELDS.entrySet()) {
            String text = self.get(e.getKey());
            if (text == null || text.isBlank()) {
                continue;
            }
            mlt.setFieldNames(new String[] {e.getKey()});
            // one flat disjunction of every chosen word (its field's weight times its own boost) scores the same as a
            // disjunction per field, but lets Lucene skip incidents whose only matches are light words
            if (mlt.like(e.getKey(), new StringReader(text)) instanceof BooleanQuery q) {
                for (var clause : q.clauses()) {
                    b.add(new BoostQuery(clause.getQuery(), e.getValue()), Occur.SHOULD);
                }
            }
        }
        Query like = b.build();
        TopDocs top = top(searcher, like);
        double selfScore = 0;
        for (ScoreDoc sd : top.scoreDocs) {
            if (sd.doc == doc) {
                selfScore = sd.score;
            }
        }
        if (selfScore == 0) {
            selfScore = searcher.explain(like, doc).getValue().doubleValue();
        }
        Map<Integer, Double> out = new HashMap<>();
        for (ScoreDoc sd : top.scoreDocs) {
            if (sd.doc != doc && selfScore > 0) {
                out.put(sd.doc, Math.min(1.0, sd.score / selfScore));
            }
        }
        return out;
    }
}
