package kb.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which words text similarity counts: every word in a small knowledge base, no word in more than 5% of a large one. */
class RelatedWordsTest {

    @Test
    void a_small_knowledge_base_keeps_every_word_and_a_large_one_drops_words_in_more_than_one_incident_of_twenty() {
        assertEquals(1000, RelatedIncidents.tooCommon(34), "the fixture set: no word is too common");
        assertEquals(1000, RelatedIncidents.tooCommon(20_000));
        assertEquals(5000, RelatedIncidents.tooCommon(100_000));
    }
}
