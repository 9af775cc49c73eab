package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.analysis.RemovedGuards;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Session 52 (guard52), CONC-03: a one-time initialisation whose once-only discipline the change replaces by a plain
 * check-then-set flag. The old code ran the block through a primitive that lets exactly one caller in and makes the
 * others wait for it (Go's {@code once.Do(func() { ... })}, Java's {@code started.compareAndSet(false, true)} or
 * {@code getAndSet(true)}); the new code tests a plain boolean ({@code if !loaded {}, {@code if (!initialized) {})
 * and sets it after (or before) the work. Two first callers both see the flag unset and run the initialisation at once:
 * the shared values it writes race (Go's race detector names the write), and a caller that sees the flag set may read
 * the values half-written, since nothing orders the flag's write after theirs. Reported at the first statement of
 * the guarded block, where the shared state is written. Not reported: a change whose added lines take a lock (the
 * discipline moved to a mutex or a monitor) or use an atomic, one whose added text says the code runs on one thread or
 * goroutine, and a flag test the change adds without deleting a once (a lazy field of code that was never shared is
 * not this change's defect).
 */
final class DroppedOnceGuards {

    static final String RULE = "once-replaced-by-flag";

    /** A once primitive the change deletes: Go's {@code x.Do(func() {}, Java's CAS or get-and-set of a flag. */
    private static final Pattern GO_ONCE = Pattern.compile("^\\s*[\\w.]+\\.Do\\(\\s*func\\s*\\(\\s*\\)\\s*\\{");
    private static final Pattern JAVA_ONCE = Pattern.compile(
            "\\.(?:compareAndSet\\(\\s*false\\s*,\\s*true\\s*\\)|getAndSet\\(\\s*true\\s*\\))");
    /** A plain flag tested unset: group 1 the flag's path. */
    private static final Pattern GO_TEST = Pattern.compile("^\\s*if\\s+!\\s*([\\w.]+)\\s*\\{\\s*$");
    private static final Pattern JAVA_TEST = Pattern.compile(
            "^\\s*if\\s*\\(\\s*!\\s*((?:this\\s*\\.\\s*)?[\\w.]+)\\s*\\)\\s*\\{\\s*$");
    /** A lock or an atomic among the added lines: the discipline moved, not dropped. */
    private static final Pattern OTHER_DISCIPLINE = Pattern.compile("\\.R?Lock\\(\\)|\\bsynchronized\\b|\\.lock\\(\\)"
            + "|\\batomic\\.|\\bAtomic\\w+|\\.Do\\(|\\.(?:Load|Store|CompareAndSwap)\\(");

    private DroppedOnceGuards() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        boolean go = file.language() == Language.GO;
        if (!go && file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        String added = file.addedText().text();
        if (OTHER_DISCIPLINE.matcher(added).find() || RemovedGuards.CONFINED.matcher(added).find()) {
            return List.of();
        }
        Pattern once = go ? GO_ONCE : JAVA_ONCE;
        Pattern test = go ? GO_TEST : JAVA_TEST;
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            boolean dropped = lines.stream().anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED
                    && once.matcher(l.text()).find());
            if (!dropped) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                Matcher t = l.kind() == DiffLine.Kind.ADDED ? test.matcher(l.text()) : null;
                if (t == null || !t.find()) {
                    continue;
                }
                String flag = t.group(1).replaceFirst("^this\\s*\\.\\s*", "");
                Pattern set = Pattern.compile("^\\s*(?:this\\s*\\.\\s*)?" + Pattern.quote(flag)
                        + "\\s*=\\s*true\\s*;?\\s*(?://.*)?$");
                if (lines.stream().noneMatch(x -> x.kind() == DiffLine.Kind.ADDED && set.matcher(x.text()).find())) {
                    continue;
                }
                DiffLine at = firstStatement(lines, i, set);
                Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "CONC-03", severity, file.path(), at.newLine(), 1, at.text().strip(),
                        "The change replaces a once-only initialisation (" + (go ? "sync.Once" : "an atomic "
                                + "compare-and-set") + ") with a plain test of `" + flag + "`: two first callers both "
                                + "see it unset and run this at once, and a caller that sees it set may read what "
                                + "it writes half-done. Keep the once (sync.Once, an atomic, or a lock around the "
                                + "test and the work).",
                        Finding.Confidence.HIGH, null, "kb", null));
                break;
            }
        }
        return out;
    }

    /** The first statement in the block opened at {@code test} that is not the flag's set; the test itself if none. */
    private static DiffLine firstStatement(List<DiffLine> lines, int test, Pattern set) {
        for (int j = test + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text().strip();
            if (t.startsWith("}")) {
                break;
            }
            if (t.isEmpty() || t.startsWith("//") || set.matcher(l.text()).find()) {
                continue;
            }
            return l;
        }
        return lines.get(test);
    }
}
