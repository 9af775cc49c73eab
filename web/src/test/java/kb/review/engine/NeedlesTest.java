package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.review.rules.Rule;
import org.junit.jupiter.api.Test;

class NeedlesTest {

    @Test
    void literal_runs_alternations_and_required_groups_give_needles_in_lower_case() {
        assertEquals(List.of("threadpoolexecutor"), Needles.of(Pattern.compile("\\bThreadPoolExecutor\\b")));
        assertEquals(List.of("containskey", "putifabsent"),
                Needles.of(Pattern.compile("\\bcontainsKey\\s*\\(|\\bputIfAbsent\\s*\\(")));
        assertEquals(List.of("time."), Needles.of(Pattern.compile("\\btime\\.(?:NewTicker|Tick)\\s*\\(")),
                "the longest required text wins over a group whose shortest branch is shorter");
        assertEquals(List.of("newticker", "tick"), Needles.of(Pattern.compile("\\bt\\.(?:NewTicker|Tick)\\(")));
        assertEquals(List.of("log4j"), Needles.of(Pattern.compile("(?i)log4j")));
        assertEquals(List.of("@scheduled"), Needles.of(Pattern.compile("@Scheduled\\b")));
        assertEquals(List.of("ab"), Needles.of(Pattern.compile("ab+c?")), "a repeated letter counts once");
    }

    @Test
    void what_the_reading_does_not_understand_gives_no_needles_so_the_regex_always_runs() {
        assertNull(Needles.of(Pattern.compile("\\w+\\s*\\d")), "nothing literal");
        assertNull(Needles.of(Pattern.compile("foo|\\d+")), "one branch without a literal");
        assertNull(Needles.of(Pattern.compile("\\x41bc")), "hex escapes are not read");
        assertNull(Needles.of(Pattern.compile("(?x) a b c")), "comments mode ignores spaces");
        assertNull(Needles.of(Pattern.compile("(?iu)strasse")), "Unicode case folding");
        assertNull(Needles.of(Pattern.compile("(?:ab)?c?")), "optional parts are not required");
    }

    @Test
    void a_text_without_any_needle_is_skipped_and_one_with_a_needle_is_not() {
        List<String> n = Needles.of(Pattern.compile("\\bExecutors\\s*\\."));
        assertTrue(Needles.mayMatch(n, "var pool = executors.newfixedthreadpool(4);"));
        assertEquals(false, Needles.mayMatch(n, "int x = 1;"));
        assertTrue(Needles.mayMatch(null, "anything"));
    }

    /**
     * The property that matters, on the shipped manual triggers, regex rules and every diff of both corpora: whenever a regex
     * finds a match, the text holds one of its needles.
     */
    @Test
    void no_shipped_regex_matches_a_corpus_text_that_its_needles_would_skip() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path dir : List.of(Path.of("web/src/test/resources/review"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".diff") || f.toString().endsWith(".go")
                        || f.toString().endsWith(".java")).toList()) {
                    texts.add(Files.readString(p));
                }
            }
        }
        assertTrue(texts.size() > 50, "the corpora were found: " + texts.size());
        int patterns = 0;
        int matched = 0;
        List<Pattern> regexes = new ArrayList<>();
        TestRules.book().triggers().forEach(t -> regexes.addAll(t.addedLines()));
        TestRules.book().rules().stream().filter(r -> r.matcher() instanceof Rule.RegexMatcher)
                .forEach(r -> regexes.add(((Rule.RegexMatcher) r.matcher()).pattern()));
        for (Pattern p : regexes) {
            patterns++;
            List<String> needles = Needles.of(p);
            for (String text : texts) {
                if (p.matcher(text).find()) {
                    matched++;
                    assertTrue(Needles.mayMatch(needles, text.toLowerCase(Locale.ROOT)),
                            p + " matches a text without any of " + needles);
                }
            }
        }
        assertTrue(patterns > 20 && matched > 20, patterns + " patterns, " + matched + " matches");
    }
}
