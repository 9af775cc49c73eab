package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The prefilters' substring index answers exactly what {@code String.contains} answers, whatever it has seen. */
class OccurrencesTest {

    /** A text long enough to be read by the automaton rather than searched directly. */
    private static String padded(String s) {
        return s + " ".repeat(600) + ";";
    }

    @Test
    void overlapping_needles_and_needles_inside_others_are_all_found() {
        String text = padded("ushers say: defer resp.body.close() after http.get(");
        List<String> present = List.of("he", "she", "hers", "usher", "resp.body.close(", "body", "http.get(", "r");
        List<String> absent = List.of("his", "sheh", "resp.body.close()x", "http.post(", "rz");
        for (int round = 0; round < 2; round++) { // the second round is answered from the index built in the first
            for (String n : present) {
                assertTrue(Occurrences.contains(text, n), n);
            }
            for (String n : absent) {
                assertFalse(Occurrences.contains(text, n), n);
            }
        }
    }

    @Test
    void text_outside_ascii_and_needles_outside_ascii_agree_with_contains() {
        String text = padded("grüße.close() → naïve.open() 連接.close()");
        for (int round = 0; round < 2; round++) {
            assertTrue(Occurrences.contains(text, "close()"));
            assertTrue(Occurrences.contains(text, "ve.open("));
            assertTrue(Occurrences.contains(text, "連接"));
            assertFalse(Occurrences.contains(text, "ße.open"));
            assertFalse(Occurrences.contains(text, "grusse"));
        }
    }

    @Test
    void short_texts_and_the_empty_needle_agree_with_contains() {
        assertTrue(Occurrences.contains("os.open(", "open"));
        assertFalse(Occurrences.contains("os.open(", "close"));
        assertTrue(Occurrences.contains(padded("x"), ""));
        assertTrue(Occurrences.contains("", ""));
    }

    @Test
    void random_texts_and_needles_agree_with_contains_while_the_index_grows() {
        Random random = new Random(11);
        String alphabet = "abc.(_ é";
        List<String> needles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            needles.add(word(random, alphabet, 1 + random.nextInt(5)));
        }
        for (int t = 0; t < 40; t++) {
            String text = word(random, alphabet, 500 + random.nextInt(2000));
            // texts are asked about in turns, as a file's text and its helpers' bodies are
            String other = word(random, alphabet, 600);
            Occurrences.Text kept = new Occurrences.Text(other);
            for (int i = 0; i < needles.size(); i++) {
                String n = needles.get((i * 7 + t * 13) % needles.size());
                assertEquals(text.contains(n), Occurrences.contains(text, n), n);
                assertEquals(other.contains(n), Occurrences.contains(other, n), n);
                assertEquals(other.contains(n), kept.contains(n), n);
            }
            needles.add(word(random, alphabet, 2 + random.nextInt(4))); // a needle first asked for mid-review
        }
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    void the_automaton_reads_each_needle_once_per_text() {
        Occurrences.Automaton a = Occurrences.Automaton.build(List.of("ab", "b", "abc", "c"));
        long[] found = a.scan("xxabxx");
        assertEquals(0b0011L, found[0]);
        assertEquals(0b1111L, a.scan("zabcz")[0]);
        assertEquals(0L, a.scan("acd")[0] & 0b0011L);
    }

    @Test
    void the_automaton_itself_agrees_with_contains_on_needles_that_overlap() {
        // the index may answer a few new needles by contains until it rebuilds: here the automaton answers alone
        List<String> needles = List.of("he", "she", "his", "hers", "usher", "resp.body.close(", "body", "http.get(", "r",
                "sheh", "http.post(", "rz", "e.c", "(");
        Occurrences.Automaton a = Occurrences.Automaton.build(needles);
        for (String text : List.of("ushers say: defer resp.body.close() after http.get(", "his hers", "",
                "grüße.close() → naïve.open()", "rzsheh(")) {
            long[] found = a.scan(text);
            for (int i = 0; i < needles.size(); i++) {
                assertEquals(text.contains(needles.get(i)), (found[0] & (1L << i)) != 0, text + " / " + needles.get(i));
            }
        }
    }
}
