package kb.review.engine;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.SourceFile;

/**
 * The lines a whole diff adds, in the diff's order, as the rules that read deletions ask of them: a deleted release,
 * recovery or handling that the change adds back anywhere was moved, not dropped. Each file of the review asks the
 * same questions of the same lines, so an answer is worked out on first use and kept for the review. Not
 * thread-safe: the deletion rules run one file after another.
 */
final class AddedLines {

    private final List<String> lines;
    /** The added lines of the files that are not tests: a test's timeout bounds the test, not the code's call. */
    private final List<String> outsideTests;
    /**
     * The added lines of the files that are not tests, less those that restate a deleted line of their file but for
     * the closing text ({@code .option(CONNECT_TIMEOUT_MILLIS, ms)} coming back as {@code .option(..., ms);} when the
     * step below it is deleted): a kept line that only takes over the chain's end moved nothing.
     */
    private final List<String> anewOutsideTests;
    private final Map<Pattern, Boolean> found = new IdentityHashMap<>();
    private Set<String> stripped;

    AddedLines(List<SourceFile> files) {
        this.lines = files.stream().flatMap(f -> f.change().hunks().stream())
                .flatMap(h -> h.lines().stream()).filter(l -> l.kind() == DiffLine.Kind.ADDED)
                .map(DiffLine::text).toList();
        this.outsideTests = files.stream().filter(f -> !isTest(f.path())).flatMap(f -> f.change().hunks().stream())
                .flatMap(h -> h.lines().stream()).filter(l -> l.kind() == DiffLine.Kind.ADDED)
                .map(DiffLine::text).toList();
        this.anewOutsideTests = files.stream().filter(f -> !isTest(f.path())).flatMap(f -> anew(f).stream()).toList();
    }

    /** The added lines of {@code file} that are not a deleted line of it restated with another closing text. */
    private static List<String> anew(SourceFile file) {
        Set<String> deleted = new HashSet<>();
        file.change().hunks().stream().flatMap(h -> h.lines().stream()).filter(l -> l.kind() == DiffLine.Kind.REMOVED)
                .forEach(l -> deleted.add(body(l.text())));
        return file.change().hunks().stream().flatMap(h -> h.lines().stream())
                .filter(l -> l.kind() == DiffLine.Kind.ADDED && !deleted.contains(body(l.text())))
                .map(DiffLine::text).toList();
    }

    /** A line without white space and without the closing text ({@code ;}, {@code )}, {@code ,}) at its end. */
    private static String body(String line) {
        return TRAILING.matcher(StrippedTimeouts.squeeze(line)).replaceAll("");
    }

    private static final Pattern TRAILING = Pattern.compile("[;),]+$");

    /**
     * True when {@code p} is found in some added line of a file that is not a test, other than a deleted line of its
     * file restated with another closing text (the chain's end moved up to it).
     */
    boolean anyFindsAnewOutsideTests(Pattern p) {
        return anewOutsideTests.stream().anyMatch(a -> p.matcher(a).find());
    }

    private static boolean isTest(String path) {
        return path.endsWith("_test.go") || path.contains("/src/test/") || path.endsWith("Test.java")
                || path.endsWith("Tests.java");
    }

    /** True when {@code p} is found in some added line of a file that is not a test. */
    boolean anyFindsOutsideTests(Pattern p) {
        return outsideTests.stream().anyMatch(a -> p.matcher(a).find());
    }

    /** Every added line's text. */
    List<String> all() {
        return lines;
    }

    /** True when {@code p} is found in some added line. */
    boolean anyFinds(Pattern p) {
        return found.computeIfAbsent(p, k -> lines.stream().anyMatch(a -> k.matcher(a).find()));
    }

    /** The added lines without their leading and trailing white space. */
    Set<String> stripped() {
        if (stripped == null) {
            stripped = new HashSet<>();
            lines.forEach(a -> stripped.add(a.strip()));
        }
        return stripped;
    }
}
