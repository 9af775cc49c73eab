package kb.review.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A formatter run over a whole file makes one block of hundreds of changed lines, too large to align token by token.
 * Its lines are then aligned whole: a re-indented line is still the old code, and a line that also changes a token is
 * still new (set 19's LA: a file re-indented from tabs to spaces, where a catch that was there before read as added).
 */
class LargeReformattingTest {

    private static ChangedFile reindented(int lines, int first, int last) throws DiffFormatException {
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            String code = "int value" + i + " = compute(" + i + ", \"row " + i + "\") + offset;";
            removed.append("-\t\t").append(code).append('\n');
            added.append("+        ").append(i == first || i == last ? code.replace("offset", "shift") : code).append('\n');
        }
        String diff = "diff --git a/src/main/java/acme/Big.java b/src/main/java/acme/Big.java\n"
                + "--- a/src/main/java/acme/Big.java\n+++ b/src/main/java/acme/Big.java\n"
                + "@@ -10," + (lines + 2) + " +10," + (lines + 2) + " @@ public class Big {\n"
                + "     void fill() {\n" + removed + added + "     }\n";
        List<ChangedFile> files = DiffParser.parse(diff);
        return files.get(0);
    }

    @Test
    void a_whole_file_reindented_reads_as_old_code_but_for_the_line_that_changed_a_token() throws DiffFormatException {
        // two edits far apart: the tokens between them (about 3,900 a side) are past the token table's limit
        int lines = 400;
        ChangedFile file = reindented(lines, 20, 380);
        Map<Integer, Integer> same = file.reformatted();
        assertEquals(lines - 2, same.size(), "every line but the two edited ones is laid out again");
        assertTrue(!same.containsKey(11 + 20) && !same.containsKey(11 + 380), "a line that renames a word stays added");
        assertEquals(11 + 200, same.get(11 + 200), "a re-indented line between the edits maps to its old line");
    }
}
