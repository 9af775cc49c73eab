package kb.search;

import kb.search.QueryText.Clause;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds Lucene queries from a {@link QueryText.Parsed} query with the same analyzer the index used. */
final class Queries {

    /** A token of analysed query text and its position. */
    private record Token(String term, int position, String type) {
    }

    private final Analyzer analyzer;

    Queries(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The query: every word, phrase and field value is required, excluded ones must not match. Words that must be
     * side by side (a phrase, or a word the analyzer splits, such as {@code connection-pool}) are looked up as word
     * pairs where pairs say exactly the same ({@link #inField}).
     *
     * @return empty {@link BooleanQuery} clauses are never returned; when nothing scorable is left (only
     *         common words, or only exclusions and keywords) the result matches all documents and
     *         {@link Built#scored()} is false, so callers sort by date instead
     */
    Built build(QueryText.Parsed parsed) {
        Built plain = build(parsed, false);
        return new Built(build(parsed, true).query(), plain.query(), plain.scored(), plain.ignored());
    }

    /** The query with word pairs ({@code pairs}) or with position lists only; its highlight query is itself. */
    Built build(QueryText.Parsed parsed, boolean pairs) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean scored = false;
        boolean required = false;
        List<String> ignored = new ArrayList<>();
        for (Clause c : parsed.clauses()) {
            Query q = switch (c.kind()) {
                case KEYWORD -> new TermQuery(new Term(c.field(), c.text().toLowerCase(Locale.ROOT)));
                case TEXT_FIELD -> fields(Map.of(c.field(), Fields.TEXT_WEIGHTS.get(c.field())), c.text(), pairs);
                case WORD, PHRASE -> fields(Fields.TEXT_WEIGHTS, c.text(), pairs);
            };
            if (q == null) {
                ignored.add(c.text());
                continue;
            }
            if (c.excluded()) {
                b.add(q, Occur.MUST_NOT);
            } else if (c.kind() == QueryText.Kind.KEYWORD) {
                b.add(q, Occur.FILTER);
                required = true;
            } else {
                b.add(q, Occur.MUST);
                scored = true;
                required = true;
            }
        }
        if (!required) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        Query query = b.build();
        return new Built(query, query, scored, ignored);
    }

    /**
     * @param query     the Lucene query
     * @param highlight the same query on the text fields themselves (no word pairs), for the highlighter: it marks
     *                  matches per field from that field's offsets
     * @param scored    whether it ranks by text relevance (false: only filters)
     * @param ignored   words that analysed to nothing (common English words such as "the")
     */
    record Built(Query query, Query highlight, boolean scored, List<String> ignored) {
    }

    /** {@code text} searched in each of {@code weights}' fields, best field wins; null when it has no terms. */
    Query fields(Map<String, Float> weights, String text, boolean pairs) {
        List<Token> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return null;
        }
        List<Query> perField = new ArrayList<>();
        weights.forEach((field, weight) -> perField.add(new BoostQuery(inField(field, tokens, pairs), weight)));
        return perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, 0.1f);
    }

    /**
     * {@code tokens} side by side in {@code field}. With {@code pairs}, words at consecutive positions are matched as
     * the pair terms of {@link Fields#pairs}: two words are one term lookup, more words a phrase of pairs (pair i at
     * position i), which holds exactly when the words stand side by side. Where pairs cannot say it, the words'
     * own positions are compared: CJK text (pairs hold no CJK) and a gap a stop word left ({@code "rolled the
     * back"} also matches {@code rolled it back}, which no pair holds).
     */
    private static Query inField(String field, List<Token> tokens, boolean pairs) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).term()));
        }
        if (pairs && pairable(tokens)) {
            String pairField = Fields.pairs(field);
            if (tokens.size() == 2) {
                return new TermQuery(new Term(pairField, pair(tokens, 0)));
            }
            PhraseQuery.Builder p = new PhraseQuery.Builder();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                p.add(new Term(pairField, pair(tokens, i)), i);
            }
            return p.build();
        }
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        for (Token t : tokens) {
            p.add(new Term(field, t.term()), t.position());
        }
        return p.build();
    }

    /** Whether every token is a word (no CJK piece) one position after the one before it. */
    private static boolean pairable(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String type = tokens.get(i).type();
            if (TextAnalyzer.BIGRAM.equals(type) || TextAnalyzer.UNIGRAM.equals(type) || tokens.get(i).position() != i) {
                return false;
            }
        }
        return true;
    }

    /** Token {@code i} and the next as the pair term the index holds ({@link TextAnalyzer}: words joined by a space). */
    private static String pair(List<Token> tokens, int i) {
        return tokens.get(i).term() + " " + tokens.get(i + 1).term();
    }

    /**
     * The analysed tokens of {@code text}. Where CJK text produced bigrams, the single characters beside
     * them are dropped: the bigrams say the same, more precisely; a lone CJK character keeps its unigram.
     */
    List<Token> tokens(String text) {
        List<Token> all = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                all.add(new Token(term.toString(), Math.max(pos, 0), type.type()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean bigrams = all.stream().anyMatch(t -> TextAnalyzer.BIGRAM.equals(t.type()));
        List<Token> kept = bigrams ? all.stream().filter(t -> !TextAnalyzer.UNIGRAM.equals(t.type())).toList() : all;
        if (kept.isEmpty()) {
            return kept;
        }
        int first = kept.get(0).position();
        return kept.stream().map(t -> new Token(t.term(), t.position() - first, t.type())).toList();
    }
}
