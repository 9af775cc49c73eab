package kb.format;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Damaged files never make the parser throw, and every problem points at a line of the file. */
class ParserRobustnessTest {

    private static final String[] NOISE = {"", "---", "## Timeline", "- 99:99 [x]", "```java run before", "```",
            "// Output:", "- [ ] (owner:)", "\t", ": :", "[", "&a *a", "##", "# x", "- ", "> ```go"};

    @Test
    void damaged_files_give_problems_with_lines_inside_the_file_and_never_throw() {
        String valid = Fixture.resource("valid.md");
        Random random = new Random(42);
        PostmortemParser parser = new PostmortemParser();
        ChecklistParser checklist = new ChecklistParser();
        int invalid = 0;
        for (int round = 0; round < 300; round++) {
            String text = damage(valid, random);
            int lines = text.split("\n", -1).length;
            Parsed<Postmortem> parsed = assertDoesNotThrow(() -> parser.parse(text, Fixture.CHECKLIST), text);
            assertDoesNotThrow(() -> checklist.parse(text, "RES-01.md"), text);
            for (Problem p : parsed.problems()) {
                assertTrue(p.line() >= 1 && p.line() <= lines, () -> p + " outside 1.." + lines + " in\n" + text);
                assertFalse(p.message().isBlank());
            }
            invalid += parsed.valid() ? 0 : 1;
        }
        assertTrue(invalid > 180, "most damaged files are rejected: " + invalid);
    }

    private static String damage(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(4)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, NOISE[random.nextInt(NOISE.length)]);
                case 2 -> lines.add(at, lines.get(random.nextInt(lines.size())));
                default -> {
                    String line = lines.get(at);
                    int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
                    lines.set(at, line.substring(0, cut) + NOISE[random.nextInt(NOISE.length)] + line.substring(cut));
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }
}
