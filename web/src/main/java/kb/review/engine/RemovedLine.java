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

    /**
     * The run of changed lines (deleted and added, between two context lines) around {@code lines.get(at)}, that line
     * included: where an edit in place shows its old and its new side.
     */
    static List<DiffLine> changedBlock(List<DiffLine> lines, int at) {
        int from = at;
        while (from > 0 && lines.get(from - 1).kind() != DiffLine.Kind.CONTEXT) {
            from--;
        }
        int to = at + 1;
        while (to < lines.size() && lines.get(to).kind() != DiffLine.Kind.CONTEXT) {
            to++;
        }
        return lines.subList(from, to);
    }

    /** The runs of changed lines of {@code hunk} (see {@link #changedBlock}), in order. */
    static List<List<DiffLine>> changedBlocks(Hunk hunk) {
        List<List<DiffLine>> out = new ArrayList<>();
        List<DiffLine> lines = hunk.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() != DiffLine.Kind.CONTEXT) {
                List<DiffLine> block = changedBlock(lines, i);
                out.add(block);
                i += block.size() - 1;
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
