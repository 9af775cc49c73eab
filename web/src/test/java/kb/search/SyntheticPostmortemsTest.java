package kb.search;

import kb.format.Parsed;
import kb.format.Postmortem;
import kb.format.PostmortemParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's synthetic postmortems are valid and of the promised shape. */
class SyntheticPostmortemsTest {

    @Test
    void synthetic_postmortems_are_valid_2_to_6_kb_with_10_to_30_timeline_entries_and_a_fifth_in_chinese() {
        PostmortemParser parser = new PostmortemParser();
        int chinese = 0;
        int n = 500;
        for (int i = 0; i < n; i++) {
            String text = SyntheticPostmortems.make(7, i);
            Parsed<Postmortem> p = parser.parse(text, java.util.Set.of());
            assertTrue(p.valid(), i + ": " + p.problems() + "\n" + text);
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes >= 2048 && bytes <= 6144, i + ": " + bytes + " bytes");
            int entries = p.value().orElseThrow().timeline().size();
            assertTrue(entries >= 10 && entries <= 30, i + ": " + entries + " entries");
            if ("zh".equals(p.value().orElseThrow().lang())) {
                chinese++;
            }
        }
        assertTrue(chinese > n * 0.15 && chinese < n * 0.25, chinese + " of " + n + " in Chinese");
        assertEquals(SyntheticPostmortems.make(7, 3), SyntheticPostmortems.make(7, 3), "deterministic");
    }
}
