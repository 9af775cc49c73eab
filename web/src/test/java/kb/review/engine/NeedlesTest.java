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

    @Test
    void the_exact_reading_keeps_case_joins_literal_groups_and_requires_every_part() {
        assertEquals(List.of(List.of("context.Background", "context.TODO"), List.of("(")),
                Needles.required(Pattern.compile("\\bcontext\\.(?:Background|TODO)\\s*\\(")));
        assertEquals(List.of(List.of("import"), List.of("\"C\"")),
                Needles.required(Pattern.compile("^import\\s+\"C\"")), "both runs are required");
        assertEquals(List.of(List.of("C."), List.of("(")), Needles.required(Pattern.compile("\\bC\\.\\w+\\(")));
        assertEquals(List.of(List.of(".get(\"/", ".post(\"/")),
                Needles.required(Pattern.compile("\\.(?:get|post)\\(\"/")), "the run goes on after the group");
        assertEquals(List.of(List.of("containsKey", "putIfAbsent")),
                Needles.required(Pattern.compile("\\bcontainsKey\\s*\\(|\\bputIfAbsent\\s*\\(")),
                "several branches: one of their needles");
        assertEquals(List.of(List.of("http."), List.of("Client", "NewRequest")),
                Needles.required(Pattern.compile("\\bhttp\\.(?:Client|NewRequest\\w*)\\b")),
                "a branch that is not one literal text is not joined");
        assertEquals(List.of(List.of("a"), List.of("x", "y")), Needles.required(Pattern.compile("a(?:x|y)+")),
                "a repeated group is not joined");
        assertNull(Needles.required(Pattern.compile("(?i)log4j")), "case flags: no exact needles");
        assertNull(Needles.required(Pattern.compile("log4j", Pattern.CASE_INSENSITIVE)));
        assertNull(Needles.required(Pattern.compile("a(?i:b)c")));
        assertNull(Needles.required(Pattern.compile("\\w+")));
        List<List<String>> all = Needles.required(Pattern.compile("(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)"));
        assertTrue(all.stream().allMatch(l -> l.size() <= 16), "joined texts stay bounded: " + all);
    }

    @Test
    void a_text_must_hold_a_needle_of_every_part() {
        List<List<String>> r = Needles.required(Pattern.compile("^import\\s+\"C\""));
        assertTrue(Needles.mayMatchAll(r, new Occurrences.Text("package x\nimport \"C\"\n")));
        assertEquals(false, Needles.mayMatchAll(r, new Occurrences.Text("package x\nimport \"fmt\"\n")));
        assertEquals(false, Needles.mayMatchAll(Needles.required(Pattern.compile("\\bC\\.\\w+\\(")),
                new Occurrences.Text("resp, err := c.Do(req)")), "the case counts");
        assertTrue(Needles.mayMatchAll(null, new Occurrences.Text("anything")));
    }

    /**
     * The same property for the exact reading, on the text as written: whenever a shipped regex finds a match, the
     * text holds a needle of each of its parts.
     */
    @Test
    void no_shipped_regex_matches_a_corpus_text_that_its_exact_needles_would_skip() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("web/src/test/resources/review"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".diff") || f.toString().endsWith(".go")
                    || f.toString().endsWith(".java")).toList()) {
                texts.add(Files.readString(p));
            }
        }
        List<Pattern> regexes = new ArrayList<>();
        TestRules.book().triggers().forEach(t -> regexes.addAll(t.addedLines()));
        TestRules.book().rules().stream().filter(r -> r.matcher() instanceof Rule.RegexMatcher)
                .forEach(r -> regexes.add(((Rule.RegexMatcher) r.matcher()).pattern()));
        int known = 0;
        int matched = 0;
        for (Pattern p : regexes) {
            List<List<String>> required = Needles.required(p);
            known += required == null ? 0 : 1;
            for (String text : texts) {
                if (p.matcher(text).find()) {
                    matched++;
                    assertTrue(Needles.mayMatchAll(required, new Occurrences.Text(text)),
                            p + " matches a text without a needle of each of " + required);
                }
            }
        }
        assertTrue(known > 20 && matched > 20, known + " patterns read, " + matched + " matches");
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
