package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;

/**
 * A hunk's change blocks: each run of removed and added lines between two context lines, the unit in which an edit
 * rewrites a statement (readers that compare the old text of a line with its new text start here).
 */
final class ChangeBlocks {

    /** One run of changed lines: its removed lines and its added lines, each in the hunk's order. */
    record Block(List<DiffLine> removed, List<DiffLine> added) {
    }

    private ChangeBlocks() {
    }

    static List<Block> of(Hunk h) {
        List<DiffLine> lines = h.lines();
        List<Block> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).kind() == DiffLine.Kind.CONTEXT) {
                i++;
                continue;
            }
            List<DiffLine> removed = new ArrayList<>();
            List<DiffLine> added = new ArrayList<>();
            for (; i < lines.size() && lines.get(i).kind() != DiffLine.Kind.CONTEXT; i++) {
                DiffLine l = lines.get(i);
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    removed.add(l);
                } else if (l.kind() == DiffLine.Kind.ADDED) {
                    added.add(l);
                }
            }
            out.add(new Block(removed, added));
        }
        return out;
    }
}
