package kb.review.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
import kb.review.diff.DiffLine;

/**
 * For {@link DroppedReturnedErrors} (err45): a deleted Go check whose else branch did the work that was only right
 * when the call worked, and whose statements the change adds back after the now bare call.
 */
final class SuccessWorkMoved {

    private SuccessWorkMoved() {
    }

    /** The line that ends an if's block and opens its else ({@code } else {}). */
    private static final Pattern ELSE = Pattern.compile("^\\s*\\}\\s*else\\s*\\{\\s*$");

    /**
     * (err45) The deleted check had an else branch, and every statement of it is added back after the bare call in
     * the same run of changes: {@code if err := m.tryMove(ctx, to); err != nil { log } else { m.moves.Add(1) }} made
     * {@code m.tryMove(ctx, to)} then {@code m.moves.Add(1)}. The old code did that work only when the call worked (a
     * counter, a state or a reply saying it was done); the new code does it after a failure too, whatever the call
     * is named. The failure branch is deleted whole, whatever it held; a statement of the else branch not added back,
     * or an else branch that is itself an {@code else if}, is some other rewrite and left alone.
     */
    static boolean successRunsAfter(List<DiffLine> lines, int at, int bare) {
        int indent = CodeText.indent(lines.get(at).text());
        int j = branchEnd(lines, at, indent);
        if (j < 0 || !ELSE.matcher(lines.get(j).text()).matches()) {
            return false;
        }
        int end = branchEnd(lines, j, indent);
        if (end < 0 || !lines.get(end).text().strip().equals("}")) {
            return false;
        }
        Set<String> after = new HashSet<>();
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            if (l.kind() == DiffLine.Kind.ADDED && l.newLine() > bare) {
                after.add(l.text().strip());
            }
        }
        boolean any = false;
        for (int k = j + 1; k < end; k++) {
            String t = lines.get(k).text().strip();
            if (t.isEmpty() || t.startsWith("//")) {
                continue;
            }
            if (!after.contains(t)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The index of the deleted line that closes the branch opened at {@code from} (a line at {@code indent} or less
     * starting with a closing brace), or -1 when a line before it is not deleted (the branch is not deleted whole).
     */
    private static int branchEnd(List<DiffLine> lines, int from, int indent) {
        for (int j = from + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED) {
                return -1;
            }
            if (l.text().strip().startsWith("}") && CodeText.indent(l.text()) <= indent) {
                return j;
            }
        }
        return -1;
    }
}
