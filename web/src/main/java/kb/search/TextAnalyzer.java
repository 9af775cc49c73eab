package kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.Reader;

/**
 * The one analyzer of every text field, used when indexing and when reading a query, so both sides
 * agree on what a term is:
 * <ul>
 *   <li>full-width Latin letters and half-width katakana are folded to their usual width before
 *       tokenizing, so {@code ＴＩＭＥＯＵＴ} and {@code timeout} are one word;</li>
 *   <li>Unicode word breaks (UAX#29) split the text; Chinese, Japanese and Korean runs come out one
 *       character at a time and are joined into overlapping bigrams <em>with</em> the single characters
 *       kept, so a two-character query matches the bigram and a one-character query still matches;</li>
 *   <li>case and accents are folded, English stop words dropped and English words Porter-stemmed
 *       ({@code leaks}, {@code leaked}, {@code leaking} → {@code leak}).</li>
 * </ul>
 * A word-pair field ({@link Fields#pairs}) goes through the same steps, then keeps only each two adjacent words
 * as one term ({@code "roll back"}, no single words), at the first word's position. CJK pieces are dropped there
 * but leave their positions empty, and a dropped stop word leaves its position empty too, so no pair is made
 * across a gap: two words form a pair exactly when a phrase query would find them side by side.
 */
final class TextAnalyzer extends Analyzer {

    /** Token type of a CJK bigram, as {@link CJKBigramFilter} names it. */
    static final String BIGRAM = CJKBigramFilter.DOUBLE_TYPE;
    /** Token type of a CJK character kept next to its bigrams. */
    static final String UNIGRAM = CJKBigramFilter.SINGLE_TYPE;

    TextAnalyzer() {
        // per field: a word-pair field's chain differs from the others', so one chain must not serve every field
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        source.setMaxTokenLength(255);
        TokenStream ts = new LowerCaseFilter(source);
        ts = new CJKBigramFilter(ts, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
                | CJKBigramFilter.HANGUL, true);
        ts = new EnglishPossessiveFilter(ts);
        ts = new ASCIIFoldingFilter(ts);
        ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        ts = new PorterStemFilter(ts);
        if (fieldName.endsWith(Fields.PAIRS_SUFFIX)) {
            ShingleFilter pairs = new ShingleFilter(new WithoutCjk(ts), 2, 2);
            pairs.setOutputUnigrams(false);
            ts = pairs;
        }
        return new TokenStreamComponents(source, ts);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new CJKWidthCharFilter(reader);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** Drops CJK bigrams and single characters, keeping their positions (pairs are of words, not characters). */
    private static final class WithoutCjk extends FilteringTokenFilter {
        private final TypeAttribute type = addAttribute(TypeAttribute.class);

        WithoutCjk(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            return !BIGRAM.equals(type.type()) && !UNIGRAM.equals(type.type());
        }
    }
}
