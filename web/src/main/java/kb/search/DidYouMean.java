package kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Did you mean": the query with misspelt words replaced by near words the index holds (Lucene's
 * {@link DirectSpellChecker}, which walks the index's own terms within two edits). Words are looked up in the prose
 * fields, {@code field:text} in that field, and {@code service:}, {@code tag:} and the other free labels among that
 * label's values. Chinese, Japanese and Korean words are left as typed: the index holds them as one- and
 * two-character pieces, and a piece two edits away is another word, not a spelling of this one. Nor are excluded
 * parts, years, severities or words the analyzer drops changed.
 *
 * <p>The index holds stems ({@code connect} for {@code connection}); a suggestion is shown as a word the user would
 * type: the typed word's own ending put back on the corrected stem when the result still stems to it.
 */
final class DidYouMean {

    private static final List<String> PROSE = List.of(Fields.TITLE, Fields.SUMMARY, Fields.ROOT_CAUSE, Fields.BODY,
            Fields.TIMELINE, Fields.ACTIONS, Fields.LABELS);
    /** Label fields whose values are names someone may misspell; a year or a severity is not corrected to another. */
    private static final Set<String> NAMED_LABELS = Set.of(Fields.SERVICE, Fields.TAG, Fields.CATEGORY, Fields.CHECKLIST,
            Fields.AUTHOR, Fields.ID);
    private static final int CANDIDATES = 5;

    private final Analyzer analyzer;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    DidYouMean(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * {@code q} with its words corrected against {@code reader}, or empty when no word changed. With
     * {@link SuggestMode#SUGGEST_WHEN_NOT_IN_INDEX} only words the index lacks are replaced; with
     * {@link SuggestMode#SUGGEST_MORE_POPULAR} a word is also replaced by a near one found in more incidents.
     */
    Optional<String> correct(IndexReader reader, String q, SuggestMode mode) throws IOException {
        QueryText.Parsed parsed = QueryText.parse(q);
        List<String> parts = new ArrayList<>();
        boolean changed = false;
        for (QueryText.Clause c : parsed.clauses()) {
            String text = c.text();
            String fixed = text;
            if (!c.excluded()) {
                fixed = switch (c.kind()) {
                    case WORD -> word(reader, text, PROSE, mode);
                    case PHRASE -> phrase(reader, text, mode);
                    case TEXT_FIELD -> phrase(reader, text, List.of(c.field()), mode);
                    case KEYWORD -> NAMED_LABELS.contains(c.field()) ? label(reader, c.field(), text, mode) : text;
                };
            }
            changed |= !fixed.equals(text);
            parts.add(written(c, fixed));
        }
        return changed ? Optional.of(String.join(" ", parts)) : Optional.empty();
    }

    /** A clause as a user would type it, with {@code text} as its text. */
    private static String written(QueryText.Clause c, String text) {
        String sign = c.excluded() ? "-" : "";
        String quoted = text.chars().anyMatch(Character::isWhitespace) ? "\"" + text + "\"" : text;
        return switch (c.kind()) {
            case WORD -> sign + text;
            case PHRASE -> sign + "\"" + text + "\"";
            case KEYWORD, TEXT_FIELD -> sign + c.field() + ":" + quoted;
        };
    }

    private String phrase(IndexReader reader, String text, SuggestMode mode) throws IOException {
        return phrase(reader, text, PROSE, mode);
    }

    private String phrase(IndexReader reader, String text, List<String> fields, SuggestMode mode) throws IOException {
        List<String> out = new ArrayList<>();
        for (String w : text.strip().split("\\s+")) {
            out.add(word(reader, w, fields, mode));
        }
        return String.join(" ", out);
    }

    /** {@code word} or the near word the index holds in {@code fields}; as typed when there is none. */
    String word(IndexReader reader, String word, List<String> fields, SuggestMode mode) throws IOException {
        if (hasCjk(word) || word.codePoints().noneMatch(Character::isLetter)) {
            return word;
        }
        List<String> terms = terms(word);
        if (terms.size() != 1) {
            // a stop word (nothing to search) or a word the analyzer splits (connection-pool): left as typed
            return word;
        }
        String stem = terms.get(0);
        long freq = docFreq(reader, fields, stem);
        // the first pass replaces words the index lacks; the second only looks again at words it holds (for one
        // it lacks, "more popular" finds what the first pass found)
        if (mode == SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX ? freq > 0 : freq == 0) {
            return word;
        }
        Map<String, SuggestWord> best = new HashMap<>();
        Map<String, String> fieldOf = new HashMap<>();
        for (String field : fields) {
            for (SuggestWord s : checker.suggestSimilar(new Term(field, stem), CANDIDATES, reader, mode)) {
                SuggestWord kept = best.merge(s.string, s,
                        (a, b) -> a.score > b.score || (a.score == b.score && a.freq >= b.freq) ? a : b);
                if (kept == s) {
                    fieldOf.put(s.string, field);
                }
            }
        }
        return best.values().stream()
                .max((a, b) -> a.score != b.score ? Float.compare(a.score, b.score) : Integer.compare(a.freq, b.freq))
                .map(s -> surface(reader, fieldOf.get(s.string), word, stem, s.string))
                .orElse(word);
    }

    /** A label value the field holds within two edits of {@code value} (labels are stored lower-cased). */
    private String label(IndexReader reader, String field, String value, SuggestMode mode) throws IOException {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (hasCjk(v) || (mode == SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX && reader.docFreq(new Term(field, v)) > 0)) {
            return value;
        }
        SuggestWord[] found = checker.suggestSimilar(new Term(field, v), 1, reader, mode);
        return found.length == 0 ? value : found[0].string;
    }

    /**
     * The corrected stem as a word: the typed word's ending after its stem put back ({@code conection} with stem
     * {@code conect} corrected to {@code connect} gives {@code connection}) when that stems to the correction; else
     * the word as a postmortem wrote it ({@code deadlok} corrected to the stem {@code deadlin} gives
     * {@code deadline}); else the stem itself.
     */
    private String surface(IndexReader reader, String field, String typed, String typedStem, String corrected) {
        String lower = typed.toLowerCase(Locale.ROOT);
        if (lower.startsWith(typedStem) && lower.length() > typedStem.length()) {
            String word = corrected + lower.substring(typedStem.length());
            if (terms(word).equals(List.of(corrected))) {
                return word;
            }
        }
        return written(reader, field, corrected).orElse(corrected);
    }

    /**
     * How one postmortem that holds {@code term} in {@code field} wrote it: its most frequent spelling there (the
     * shortest of equally frequent ones), lower-cased; empty when the text cannot be read.
     */
    private Optional<String> written(IndexReader reader, String field, String term) {
        try {
            org.apache.lucene.search.IndexSearcher searcher = new org.apache.lucene.search.IndexSearcher(reader);
            org.apache.lucene.search.TopDocs top = searcher.search(new org.apache.lucene.search.TermQuery(new Term(field, term)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            String text = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(field)).get(field);
            if (text == null) {
                return Optional.empty();
            }
            Map<String, Integer> spellings = new HashMap<>();
            try (TokenStream ts = analyzer.tokenStream(field, text)) {
                CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
                org.apache.lucene.analysis.tokenattributes.OffsetAttribute at =
                        ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    if (t.toString().equals(term)) {
                        spellings.merge(text.substring(at.startOffset(), at.endOffset()).toLowerCase(Locale.ROOT), 1,
                                Integer::sum);
                    }
                }
                ts.end();
            }
            return spellings.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(e -> -e.getKey().length()))
                    .map(Map.Entry::getKey);
        } catch (IOException e) { // kb:ignore ERR-01 -- a spelling hint is optional; the search reports its own index failures
            return Optional.empty();
        }
    }

    private static long docFreq(IndexReader reader, List<String> fields, String term) throws IOException {
        long n = 0;
        for (String f : fields) {
            n += reader.docFreq(new Term(f, term));
        }
        return n;
    }

    /** The terms the index analyzer makes of {@code text} (as in the title field). */
    private List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TITLE, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            // analysing a string in memory does not fail; a word that did is left as typed
            return List.of();
        }
        return out;
    }

    private static boolean hasCjk(String s) {
        return s.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
        });
    }
}
