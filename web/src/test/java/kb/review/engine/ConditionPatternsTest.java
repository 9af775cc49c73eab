package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kb.review.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ConditionPatterns} only makes tree rules' conditions cheaper: a text without the template's needles is
 * answered "no" without running the regex, and a template that opens with a capture is tried only where that
 * capture's text occurs. Both must give exactly the answer of compiling the expanded regex and running
 * {@code find()} over the whole text. The last test checks that on every condition template of the shipped rule book,
 * over real Go and Java texts of the held-out corpora and the engine's own sources, with capture values drawn from
 * the identifiers of each text (so the lead occurs, often several times, and sometimes the match starts there).
 */
class ConditionPatternsTest {

    private static final Pattern PLACEHOLDER = Rule.Condition.PLACEHOLDER;

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", nullValues = "NONE", value = {
        "(?<![\\w$.]){f}\\s*\\.\\s*isDone\\( => f",
        "\\b{v}\\b\\s*= => v",
        "^{res}\\b => res",
        "(?<=[(,]\\s{0,3}){arg}\\) => arg",
        "(?<!x|y){v}z => v",
        "(?m)^{name}: => name",
        "(?m)^\\s*{f}\\s+map\\[ => NONE",
        "{a}\\.close|{b}\\.close => NONE",
        "{v}?\\.get\\( => NONE",
        "{v}*x => NONE",
        "{v}{2}x => NONE",
        "(?i){v}\\.close => NONE",
        "\\breturn\\s+{f}\\s*; => NONE",
        "(?:{v})\\.close => NONE",
        "defer\\s+{v}\\.Close => NONE",
        "\\bx\\b => NONE",
        "{v}\\Q)\\E\\.x => NONE",
        "{v}[a[b]]\\.x => NONE",
        "{v}[\\w&&[^_]]\\.x => NONE",
    })
    void leadIsThePlaceholderEveryMatchStartsWith(String template, String lead) {
        assertEquals(lead, ConditionPatterns.lead(template), template);
    }

    @Test
    void needlesOfATemplateIgnoreItsPlaceholders() {
        List<String> needles = ConditionPatterns.needles(
                "(?<![\\w$.]){f}\\s*\\.\\s*(?:isCompletedExceptionally\\s*\\(|getNow\\s*\\(|isDone\\s*\\()");
        assertEquals(List.of("iscompletedexceptionally", "getnow", "isdone"), needles);
        assertEquals(List.of("asyncclient"), ConditionPatterns.needles("\\b(?:\\w+AsyncClient)\\s+{obj}\\s*[;=]"));
        assertEquals(null, ConditionPatterns.needles("\\b{v}\\b"), "a bare capture has no needle of its own");
        String filler = "x".repeat(500);
        assertFalse(ConditionPatterns.mayMatch("\\b(?:\\w+AsyncClient)\\s+{obj}", filler, null));
        assertTrue(ConditionPatterns.mayMatch("\\b(?:\\w+AsyncClient)\\s+{obj}", filler + "S3AsyncClient", null));
        assertTrue(ConditionPatterns.mayMatch("\\b(?:\\w+AsyncClient)\\s+{obj}", "short", null),
                "a short text is searched by the regex itself");
    }

    @Test
    void findFromTheLeadAgreesWithAWholeTextFind() {
        Pattern p = Pattern.compile("(?<![\\w$.])" + Pattern.quote("f") + "\\s*\\.\\s*isDone\\s*\\(\\s*\\)");
        assertTrue(ConditionPatterns.find(p, "var f = run();\nif (f.isDone()) {", "f"));
        assertFalse(ConditionPatterns.find(p, "var f = run();\nif (g.f.isDone()) {", "f"),
                "the look-behind still sees the text before each try");
        assertFalse(ConditionPatterns.find(p, "var ff = run(); ff.isDone();", "f"));
        Pattern anchored = Pattern.compile("(?m)^" + Pattern.quote("name") + ":");
        assertTrue(ConditionPatterns.find(anchored, "x\nname: 1", "name"));
        assertFalse(ConditionPatterns.find(anchored, "x name: 1", "name"), "^ is the line's start, not the try's");
    }

    @Test
    void everyShippedTemplateAnswersAsAWholeTextFindDoes() throws IOException {
        Set<String> templates = new LinkedHashSet<>();
        for (Rule r : TestRules.book().rules()) {
            List<Rule.Condition> conditions = new ArrayList<>();
            if (r.matcher() instanceof Rule.QueryMatcher q) {
                conditions.addAll(q.require());
                conditions.addAll(q.reject());
            }
            conditions.forEach(c -> templates.add(c.regex()));
        }
        assertTrue(templates.size() > 100, "the rule book's conditions: " + templates.size());
        List<String> texts = texts();
        int compared = 0;
        int led = 0;
        int matched = 0;
        for (String text : texts) {
            List<String> words = words(text);
            for (String template : templates) {
                String lead = ConditionPatterns.lead(template);
                for (int i = 0; i < words.size(); i++) {
                    List<String> names = placeholders(template);
                    if (names.isEmpty() && i > 0) {
                        break;
                    }
                    String expanded = expand(template, names, words, i);
                    Pattern p = Pattern.compile(expanded);
                    boolean whole = p.matcher(text).find();
                    String leadText = lead == null ? null : words.get((i + names.indexOf(lead)) % words.size());
                    assertEquals(whole, ConditionPatterns.find(p, text, leadText), template + " with " + leadText);
                    if (whole) {
                        matched++;
                        assertTrue(ConditionPatterns.mayMatch(template, text, null), "needles of " + template);
                    }
                    compared++;
                    led += lead == null ? 0 : 1;
                }
            }
        }
        assertTrue(compared > 10_000 && led > 2_000 && matched > 200,
                "compared " + compared + ", with a lead " + led + ", matching " + matched);
    }

    /** Go and Java texts: held-out diffs of several rounds and a few of the engine's sources. */
    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        Path review = Path.of("web", "src", "test", "resources", "review");
        for (String round : List.of("heldout3", "heldout8", "heldout12")) {
            try (Stream<Path> s = Files.list(review.resolve(round))) {
                s.filter(p -> p.toString().endsWith(".diff")).sorted().limit(4)
                        .forEach(p -> texts.add(read(p)));
            }
        }
        Path engine = Path.of("web", "src", "main", "java", "kb", "review", "engine");
        for (String f : List.of("TreeSitterDetector.java", "Needles.java")) {
            texts.add(read(engine.resolve(f)));
        }
        assertNotNull(texts.get(0));
        return texts;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Up to 12 distinct identifiers of the text, spread over it, and one that never occurs. */
    private static List<String> words(String text) {
        Set<String> all = new LinkedHashSet<>();
        Matcher m = Pattern.compile("[A-Za-z_]\\w*").matcher(text);
        while (m.find()) {
            all.add(m.group());
        }
        List<String> list = new ArrayList<>(all);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size() && out.size() < 11; i += Math.max(1, list.size() / 11)) {
            out.add(list.get(i));
        }
        out.add("neverOccursAnywhere");
        return out;
    }

    private static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Each placeholder as a quoted word (the first as words[i], the next as words[i+1], ...), as the detector does. */
    private static String expand(String template, List<String> names, List<String> words, int i) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String word = words.get((i + names.indexOf(m.group(1))) % words.size());
            m.appendReplacement(sb, Matcher.quoteReplacement(Pattern.quote(word)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
