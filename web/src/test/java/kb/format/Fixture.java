package kb.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** A minimal valid postmortem with known line numbers, and assertions on parse results. */
public final class Fixture {

    /** Lines 1-6. Extra front-matter lines go at line 6 and push the closing '---' down. */
    public static final String FRONT = """
            ---
            id: db-pool-exhausted
            title: DB pool exhausted
            severity: P2
            started: 2024-03-15T02:00:00+08:00
            """;

    /** Starts on line 7 when appended to FRONT + "---\n": Summary line 8, Timeline 12, Root cause 17. */
    public static final String BODY = """

            ## Summary

            Pool ran dry.

            ## Timeline

            - 02:00 [trigger] Deploy 4812
            - 02:10 Pager fires

            ## Root cause

            Leak.
            """;

    public static final String VALID = FRONT + "---\n" + BODY;

    public static final Set<String> CHECKLIST = Set.of("RES-01", "TX-01");

    private Fixture() {
    }

    /** The valid file with {@code lines} added at the end of the front matter (from line 6). */
    public static String withFront(String lines) {
        return FRONT + lines + "---\n" + BODY;
    }

    /** The valid front matter (closing line 6) followed by {@code body} from line 7. */
    public static String withBody(String body) {
        return FRONT + "---\n" + body;
    }

    public static String replace(String text, String from, String to) {
        assertTrue(text.contains(from), "fixture holds " + from);
        return text.replace(from, to);
    }

    public static Postmortem valid(String text) {
        Parsed<Postmortem> parsed = new PostmortemParser().parse(text, CHECKLIST);
        assertEquals(List.of(), parsed.problems());
        return parsed.value().orElseThrow();
    }

    public static List<Problem> problems(String text) {
        Parsed<Postmortem> parsed = new PostmortemParser().parse(text, CHECKLIST);
        assertFalse(parsed.valid(), "a file with problems has no value");
        return parsed.problems();
    }

    /** Asserts the file has exactly one problem, on {@code line}, whose message holds {@code fragment}. */
    public static Problem onlyProblem(String text, int line, String fragment) {
        List<Problem> problems = problems(text);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return assertProblem(problems, line, fragment);
    }

    public static Problem assertProblem(List<Problem> problems, int line, String fragment) {
        for (Problem p : problems) {
            if (p.line() == line && p.message().contains(fragment)) {
                return p;
            }
        }
        return fail("no problem at line " + line + " containing '" + fragment + "' in " + problems);
    }

    public static String resource(String name) {
        try (InputStream in = Fixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
