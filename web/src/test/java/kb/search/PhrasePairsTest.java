package kb.search;

import kb.App;
import kb.TestDatabases;
import kb.cli.GenerateCommand;
import kb.incidents.Incidents;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phrases looked up as word pairs find exactly the incidents that comparing the words' positions finds: for
 * hundreds of phrases cut from the fixtures' own text (English, Chinese, mixed, with stop words, across line
 * breaks, in other word orders) the two queries give the same hit set.
 */
class PhrasePairsTest {

    @TempDir
    static Path tmp;
    static App.Services services;
    static SearchIndex index;
    static final Queries QUERIES = new Queries(new TextAnalyzer());

    @BeforeAll
    static void open() throws Exception {
        services = App.Services.open(TestDatabases.config("h2", SearchApps.FIXTURES));
        services.incidents().importContent(SearchApps.FIXTURES);
        // synthetic postmortems too: longer text, a fifth of it Chinese, many shared phrases
        GenerateCommand.fill(services, 7, 0, 150);
        index = new SearchIndex(services.db().jdbi(), new Incidents(services.db().jdbi()), tmp.resolve("index"),
                new TextAnalyzer());
        index.open();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
        services.close();
    }

    @Test
    void phrases_cut_from_the_fixtures_find_the_same_incidents_by_word_pairs_as_by_positions() throws Exception {
        IndexSearcher searcher = index.acquire();
        try {
            Set<String> phrases = phrases(searcher);
            int paired = 0;
            int found = 0;
            int narrower = 0;
            for (String phrase : phrases) {
                String q = "\"" + phrase + "\"";
                Queries.Built both = QUERIES.build(QueryText.parse(q));
                Query positions = QUERIES.build(QueryText.parse(q), false).query();
                assertEquals(hits(searcher, positions), hits(searcher, both.query()), q);
                assertEquals(positions, both.highlight(), "snippets are marked from the fields themselves: " + q);
                if (both.query().toString().contains(Fields.PAIRS_SUFFIX)) {
                    paired++;
                    Set<Integer> n = hits(searcher, both.query());
                    found += n.isEmpty() ? 0 : 1;
                    String[] words = phrase.split(" ");
                    if (n.size() < hits(searcher, QUERIES.build(QueryText.parse(String.join(" ", words))).query()).size()) {
                        narrower++;
                    }
                }
            }
            assertTrue(phrases.size() > 400, "phrases compared: " + phrases.size());
            assertTrue(paired > 200, "looked up as pairs: " + paired + " of " + phrases.size());
            assertTrue(found > 100, "pair lookups with hits: " + found);
            assertTrue(narrower > 20, "phrases narrower than their words: " + narrower);
        } finally {
            index.release(searcher);
        }
    }

    @Test
    void a_phrase_of_plain_words_is_a_pair_lookup_and_chinese_or_a_stop_word_gap_compares_positions() {
        assertTrue(QUERIES.build(QueryText.parse("\"rolled back\"")).query().toString().contains("body_pairs:roll back"));
        assertTrue(QUERIES.build(QueryText.parse("\"connection pool exhausted\"")).query().toString()
                .contains("body_pairs:\"connect pool pool exhaust\""));
        assertTrue(QUERIES.build(QueryText.parse("connection-pool")).query().toString().contains("body_pairs:connect pool"));
        assertFalse(QUERIES.build(QueryText.parse("\"数据库连接\"")).query().toString().contains(Fields.PAIRS_SUFFIX));
        assertFalse(QUERIES.build(QueryText.parse("\"rolled the back\"")).query().toString().contains(Fields.PAIRS_SUFFIX));
        assertFalse(QUERIES.build(QueryText.parse("\"pool 连接\"")).query().toString().contains(Fields.PAIRS_SUFFIX));
    }

    /** Two- to four-word runs of the stored text, some reversed or with their neighbours' order swapped. */
    private static Set<String> phrases(IndexSearcher searcher) throws Exception {
        Random random = new Random(42);
        Set<String> out = new LinkedHashSet<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : searcher.search(new MatchAllDocsQuery(), 10_000).scoreDocs) {
            for (String field : List.of(Fields.TITLE, Fields.SUMMARY, Fields.ROOT_CAUSE, Fields.BODY, Fields.TIMELINE,
                    Fields.ACTIONS, Fields.CODE)) {
                String text = stored.document(sd.doc).get(field);
                if (text == null || text.isBlank()) {
                    continue;
                }
                // split on spaces only: punctuation, line breaks and CJK runs stay inside the phrases
                String[] words = text.strip().split("[ \\t]+");
                for (int k = 0; k < 3 && words.length > 1; k++) {
                    int len = 2 + random.nextInt(3);
                    int at = random.nextInt(Math.max(1, words.length - len + 1));
                    List<String> run = new ArrayList<>();
                    for (int i = at; i < Math.min(words.length, at + len); i++) {
                        run.add(words[i].replace("\"", ""));
                    }
                    out.add(String.join(" ", run));
                    if (k == 0 && run.size() > 1) {
                        java.util.Collections.swap(run, 0, 1);
                        out.add(String.join(" ", run));
                    }
                }
            }
        }
        return out;
    }

    private static Set<Integer> hits(IndexSearcher searcher, Query q) throws Exception {
        Set<Integer> docs = new TreeSet<>();
        for (ScoreDoc sd : searcher.search(q, 100_000).scoreDocs) {
            docs.add(sd.doc);
        }
        return docs;
    }
}
