package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.ChangedFile;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * Session 43 (conc43): where a CONC-03 finding about a collection field stands. The field rules ({@code
 * java-plain-collection-of-shared-object}, {@code java-static-cache-plain-map}) judge the field and report at its
 * declaration; when the change also adds a statement that writes the field ({@code cache.put(k, v)}, {@code return
 * CACHE.computeIfAbsent(k, f)}, {@code counts.merge(name, 1, Integer::sum)}), that write is where threads collide and
 * what a reader of the change is asked to fix (guard it, or make it the concurrent call), so the finding moves to the
 * first such added write. The rounds' fix threads name the write the same way whenever an edit shows one (round
 * 68's java-16 and round 69's java-04 reported at the declaration, named at the write). Left at the declaration: a
 * change that adds no write, and a new file, whose whole text is the change and whose one unsafe line is the field's
 * type (round 17's java-18 and round 23's java-21, named at the field). The swap of a concurrent field for a plain
 * one ({@code concurrent-collection-replaced}) moves the same way, so one finding names the write. Only a
 * declaration the change writes moves (a field it leaves as it was, or only re-spaces, is not this change's
 * finding: the whole-set probe of the merge found untouched fields surfacing at a write the change adds).
 */
final class SharedWriteAnchors {

    /** The rules that report a shared collection at its field's declaration. */
    private static final Set<String> FIELD_RULES = Set.of("java-plain-collection-of-shared-object",
            "java-static-cache-plain-map", ReplacedConcurrentCollections.RULE);
    /** A field's declaration with an initializer; group 1 the field's name. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(?:@\\w+\\s+)*(?:(?:private|protected|public|static|final|volatile|transient)\\s+)+"
                    + "[\\w.<>\\[\\], ?]+?\\s+(\\w+)\\s*=");
    /** A call that changes a collection; group 1 the receiver's name. */
    private static final Pattern WRITE = Pattern.compile("(?<![\\w.])(?:this\\s*\\.\\s*)?(\\w+)\\s*\\.\\s*(?:"
            + String.join("|", SharedCollections.WRITES) + ")\\s*\\(");

    private SharedWriteAnchors() {
    }

    /** The finding at the first write of its field that the change adds, or the finding itself. */
    static Finding at(Finding f, SourceFile file) {
        if (file == null || !FIELD_RULES.contains(f.rule()) || f.line() < 1 || f.line() > file.lineCount()
                || file.change().change() == ChangedFile.Change.ADDED) {
            return f;
        }
        Matcher d = DECLARATION.matcher(file.line(f.line()));
        if (!d.find() || !file.added(f.line()) || respaced(file, f.line())) {
            return f;
        }
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED && l.newLine() > 0 && l.newLine() != f.line()
                        && writes(l.text(), d.group(1))) {
                    List<Finding.Step> flow = new ArrayList<>(f.flow());
                    flow.add(0, new Finding.Step(f.line(), "`" + d.group(1) + "` is declared here"));
                    flow.add(new Finding.Step(l.newLine(), "written here, by whichever thread calls"));
                    return new Finding(f.rule(), f.item(), f.severity(), f.path(), l.newLine(), 1, l.text().strip(),
                            f.message(), f.confidence(), f.note(), f.origin(), f.suppression(), flow);
                }
            }
        }
        return f;
    }

    /**
     * True when a deleted line of the declaration's hunk is the same text but for its spacing: the change only
     * re-indents the field (atlas' re-spaced declaration beside a moved static method whose parameter shares the
     * field's name), so no write of it is this change's.
     */
    private static boolean respaced(SourceFile file, int line) {
        String squeezed = file.line(line).replaceAll("\\s+", "");
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED && l.text().replaceAll("\\s+", "").equals(squeezed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean writes(String text, String field) {
        Matcher w = WRITE.matcher(text);
        while (w.find()) {
            if (w.group(1).equals(field)) {
                return true;
            }
        }
        return false;
    }
}
