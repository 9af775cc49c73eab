package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;

/**
 * Where a deleted Go recover branch stood, for {@link RemovedReleases}: a release that ran only on a recovered panic
 * at the top of a goroutine is no lost release when the change deletes that branch (unrecovered, the panic ends the
 * process; the missing recover is CONC-01's). Moved out of RemovedReleases unchanged but for the wider goroutine top.
 */
final class DeletedRecovers {

    /** A goroutine's function literal opening on this line ({@code go func() {}, {@code go func(c net.Conn) {}). */
    private static final Pattern GO_FUNC_OPEN = Pattern.compile("\\bgo\\s+func\\s*\\([^)]*\\)\\s*\\{\\s*$");

    private DeletedRecovers() {
    }

    /**
     * True when the run of deleted lines that ends at {@code i} stands at the top level of a goroutine's function
     * literal: the run opens with the {@code go func(...) {} line itself (the goroutine deleted whole: a recover wrapper
     * around {@code p.handle(conn)} replaced by {@code go p.handle(conn)}), or the nearest line above the run that is
     * indented less than its first line opens one (other statements of the goroutine, {@code defer wg.Done()}, may
     * stand between: round 54's go-01, round 65's go-13).
     */
    static boolean goroutineTop(List<DiffLine> lines, int i) {
        int from = deletedRunStart(lines, i);
        if (from == i) {
            return false;
        }
        if (GO_FUNC_OPEN.matcher(lines.get(from).text()).find()) {
            return true;
        }
        int level = RemovedReleases.indent(lines.get(from).text());
        for (int j = from - 1; j >= 0; j--) {
            String t = lines.get(j).text();
            if (!t.isBlank() && RemovedReleases.indent(t) < level) {
                return GO_FUNC_OPEN.matcher(t).find();
            }
        }
        return false;
    }

    /** The index of the first line of the run of deleted lines that ends right above {@code i}. */
    private static int deletedRunStart(List<DiffLine> lines, int i) {
        int from = i;
        while (from > 0 && lines.get(from - 1).kind() == DiffLine.Kind.REMOVED) {
            from--;
        }
        return from;
    }

    /** The deleted lines right above {@code i} (the run it ends), in order, one a line. */
    static String deletedRunAbove(List<DiffLine> lines, int i) {
        int from = deletedRunStart(lines, i);
        StringBuilder run = new StringBuilder();
        for (int j = from; j < i; j++) {
            run.append(lines.get(j).text()).append('\n');
        }
        return run.toString();
    }
}
