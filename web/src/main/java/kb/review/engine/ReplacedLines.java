package kb.review.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * What an added line of a diff replaced: the removed lines of its changed block (the run of added and removed lines
 * between two context lines), for the {@code replaced-lines} condition of regex rules. A rule can then ask what the
 * old code did that the new line no longer does (a context handed to a call through an option or a builder method,
 * dropped by the edit). The text is the matched line (stripped), then each removed line of the block (stripped), then
 * a line {@code --}, then the block's other added lines (stripped); empty when the line is not an added line of a
 * block that removes something (every line of a new file).
 *
 * <p>Computed once per file (the last file asked about is kept), so a rule tried on every line pays a map lookup.
 */
final class ReplacedLines {

    private static final Object LOCK = new Object();
    private static SourceFile lastFile;
    private static Map<Integer, Block> lastBlocks;

    /** A changed block: its removed lines (each ending in a newline), its added lines and their numbers. */
    private record Block(String removed, List<String> added, List<Integer> numbers) {
    }

    private ReplacedLines() {
    }

    static String of(SourceFile file, int lineNo, String line) {
        if (file.complete()) {
            return "";
        }
        Map<Integer, Block> blocks;
        synchronized (LOCK) {
            if (lastFile != file) {
                lastBlocks = blocks(file);
                lastFile = file;
            }
            blocks = lastBlocks;
        }
        Block b = blocks.get(lineNo);
        if (b == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(line.strip()).append('\n').append(b.removed).append("--\n");
        for (int k = 0; k < b.added.size(); k++) {
            if (b.numbers.get(k) != lineNo) {
                out.append(b.added.get(k)).append('\n');
            }
        }
        return out.toString();
    }

    /** (session 38) The removed lines of the changed block that adds line {@code lineNo}, stripped, one a line. */
    static String removedOf(SourceFile file, int lineNo) {
        String all = of(file, lineNo, "");
        int end = all.indexOf("\n--\n"); // the text starts with the (empty) line itself and a newline
        return end < 0 ? "" : all.substring(1, end + 1);
    }

    /** (session 35) Every removed line of the file, stripped, one a line. */
    static String removedIn(SourceFile file) {
        StringBuilder out = new StringBuilder();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    out.append(l.text().strip()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The lines the edit removed in the hunk that shows new line {@code lineNo}, stripped, one a line. */
    static String removedInHunkOf(SourceFile file, int lineNo) {
        StringBuilder out = new StringBuilder();
        for (Hunk h : file.change().hunks()) {
            if (lineNo < h.newStart() || lineNo >= h.newStart() + h.newCount()) {
                continue;
            }
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    out.append(l.text().strip()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * (session 42) The lines the edit removed after new line {@code after} and up to new line {@code upTo} (a removed
     * line stands before the next new line), stripped, one a line.
     */
    static String removedWithin(SourceFile file, int after, int upTo) {
        StringBuilder out = new StringBuilder();
        for (Hunk h : file.change().hunks()) {
            int next = h.newStart();
            for (DiffLine l : h.lines()) {
                if (l.kind() != DiffLine.Kind.REMOVED) {
                    next = l.newLine() + 1;
                } else if (next > after && next <= upTo) {
                    out.append(l.text().strip()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** For each added line of a block that removes lines: the block's removed lines and its added lines. */
    private static Map<Integer, Block> blocks(SourceFile file) {
        Map<Integer, Block> out = new HashMap<>();
        for (Hunk h : file.change().hunks()) {
            for (ChangeBlocks.Block c : ChangeBlocks.of(h)) {
                StringBuilder removed = new StringBuilder();
                List<String> added = new ArrayList<>();
                List<Integer> addedLines = new ArrayList<>();
                for (DiffLine l : c.removed()) {
                    removed.append(l.text().strip()).append('\n');
                }
                for (DiffLine l : c.added()) {
                    added.add(l.text().strip());
                    addedLines.add(l.newLine());
                }
                if (!removed.isEmpty()) {
                    Block block = new Block(removed.toString(), added, addedLines);
                    for (int n : addedLines) {
                        out.put(n, block);
                    }
                }
            }
        }
        return out;
    }
}
