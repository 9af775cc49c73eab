package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * A line the change deletes, with its hunk and its index among the hunk's lines: the rules that read deletions
 * (a release, a recovery, an error check taken out) judge each one by the lines around it.
 */
record RemovedLine(Hunk hunk, int index) {

    /** The removed lines of the file's diff, hunk by hunk in the diff's order; empty for a file given whole. */
    static List<RemovedLine> of(SourceFile file) {
        List<RemovedLine> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (int i = 0; i < h.lines().size(); i++) {
                if (h.lines().get(i).kind() == DiffLine.Kind.REMOVED) {
                    out.add(new RemovedLine(h, i));
                }
            }
        }
        return out;
    }

    List<DiffLine> lines() {
        return hunk.lines();
    }

    DiffLine line() {
        return hunk.lines().get(index);
    }
}
