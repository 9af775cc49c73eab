package kb.review.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The added lines of a change that only reformat code the change removes: re-indented, wrapped or joined, a brace
 * moved to the line above, with the same tokens in the same order. Such a line brings no new code, so the review
 * reads it as context; a reformatting commit (a formatter run over the project) would otherwise present every line it
 * touches as new, and the review would report the old code again.
 *
 * <p>The unit is a block of changed lines (the removed and added lines between two context lines). Its removed and
 * added lines are split into tokens (words, numbers, string and character literals, each other character on its own;
 * white space separates tokens and is not one), and the two token sequences are aligned by their longest common
 * subsequence. An added line is reformatted when every one of its tokens is aligned with a removed token and no removed
 * token between those is left out; a line that also changes a token (a renamed call, a new argument, an edited
 * comment) stays added, as does a line of a block that removes nothing. A block too large to align (more than
 * {@link #MAX_CELLS} cells once the common start and end are set aside) aligns only that common start and end.
 */
final class Reformatting {

    /** The largest table the alignment builds for one block (rows times columns of the part that differs). */
    static final int MAX_CELLS = 1_000_000;

    private Reformatting() {
    }

    /**
     * The added lines of {@code hunks} that only reformat removed code, each (new-side number) with the old-side number
     * of the removed line its first token comes from.
     */
    static Map<Integer, Integer> lines(List<Hunk> hunks) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (Hunk h : hunks) {
            List<DiffLine> block = new ArrayList<>();
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.CONTEXT) {
                    block(block, out);
                    block.clear();
                } else {
                    block.add(l);
                }
            }
            block(block, out);
        }
        return out;
    }

    private static void block(List<DiffLine> block, Map<Integer, Integer> out) {
        // a block that only adds (a new file, a new method) or only removes reformats nothing: its tokens are not read
        if (block.stream().noneMatch(l -> l.kind() == DiffLine.Kind.REMOVED)
                || block.stream().noneMatch(l -> l.kind() != DiffLine.Kind.REMOVED)) {
            return;
        }
        List<String> removed = new ArrayList<>();
        List<Integer> removedLine = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<Integer> addedLine = new ArrayList<>();
        for (DiffLine l : block) {
            List<String> tokens = tokens(l.text());
            if (l.kind() == DiffLine.Kind.REMOVED) {
                removed.addAll(tokens);
                for (int i = 0; i < tokens.size(); i++) {
                    removedLine.add(l.oldLine());
                }
            } else {
                added.addAll(tokens);
                for (int i = 0; i < tokens.size(); i++) {
                    addedLine.add(l.newLine());
                }
            }
        }
        if (removed.isEmpty() || added.isEmpty()) {
            return;
        }
        if (differing(removed, added) > MAX_CELLS) {
            wholeLines(block, out);
            return;
        }
        int[] to = align(removed, added);
        boolean[] used = new boolean[removed.size()];
        for (int r : to) {
            if (r >= 0) {
                used[r] = true;
            }
        }
        // a line is reformatted when it has tokens, all of them are aligned, and the removed tokens between the first
        // and the last it is aligned with are all aligned too (a dropped argument is a change, not a new layout)
        for (int i = 0; i < added.size(); ) {
            int line = addedLine.get(i);
            int j = i;
            boolean same = true;
            while (j < added.size() && addedLine.get(j) == line) {
                same &= to[j] >= 0;
                j++;
            }
            for (int r = same ? to[i] : 0; same && r <= to[j - 1]; r++) {
                same = used[r];
            }
            if (same) {
                out.put(line, removedLine.get(to[i]));
            }
            i = j;
        }
    }

    /** The cells of the table {@link #align} would build: the token counts once the common start and end are set aside. */
    private static long differing(List<String> removed, List<String> added) {
        int[] b = bounds(removed, added);
        return (long) (b[1] - b[0]) * (b[2] - b[0]);
    }

    /**
     * The common start and end of two token lists: {start, end of removed, end of added}, where the tokens before
     * start and from each end on are equal pairwise.
     */
    private static int[] bounds(List<String> removed, List<String> added) {
        int n = removed.size();
        int m = added.size();
        int start = 0;
        while (start < n && start < m && removed.get(start).equals(added.get(start))) {
            start++;
        }
        int endR = n;
        int endA = m;
        while (endR > start && endA > start && removed.get(endR - 1).equals(added.get(endA - 1))) {
            endR--;
            endA--;
        }
        return new int[] {start, endR, endA};
    }

    /**
     * A block too large to align token by token (a formatter run over a whole file, one hunk of hundreds of lines):
     * its lines are aligned whole instead, each keyed by its tokens, and an added line aligned with a removed line of
     * the same tokens is reformatted. Joined or wrapped lines are not found this way, only re-indented or re-spaced
     * ones; a block of more than {@link #MAX_CELLS} line pairs is left as it is.
     */
    private static void wholeLines(List<DiffLine> block, Map<Integer, Integer> out) {
        List<String> removed = new ArrayList<>();
        List<Integer> removedLine = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<Integer> addedLine = new ArrayList<>();
        for (DiffLine l : block) {
            String key = String.join(" ", tokens(l.text()));
            if (key.isEmpty()) {
                continue;
            }
            if (l.kind() == DiffLine.Kind.REMOVED) {
                removed.add(key);
                removedLine.add(l.oldLine());
            } else {
                added.add(key);
                addedLine.add(l.newLine());
            }
        }
        if ((long) removed.size() * added.size() > MAX_CELLS) {
            return;
        }
        int[] to = align(removed, added);
        for (int j = 0; j < to.length; j++) {
            if (to[j] >= 0) {
                out.put(addedLine.get(j), removedLine.get(to[j]));
            }
        }
    }

    /**
     * For each token of {@code added}, the index of the token of {@code removed} the longest common subsequence aligns
     * it with, or -1.
     */
    static int[] align(List<String> removed, List<String> added) {
        int m = added.size();
        int[] to = new int[m];
        Arrays.fill(to, -1);
        int[] b = bounds(removed, added);
        int start = b[0];
        int endR = b[1];
        int endA = b[2];
        for (int i = 0; i < start; i++) {
            to[i] = i;
        }
        for (int k = 0; k < m - endA; k++) {
            to[endA + k] = endR + k;
        }
        int rows = endR - start;
        int cols = endA - start;
        if (rows == 0 || cols == 0 || (long) rows * cols > MAX_CELLS) {
            return to;
        }
        // lcs[i][j]: the longest common subsequence of removed[start+i..endR) and added[start+j..endA)
        int[][] lcs = new int[rows + 1][cols + 1];
        for (int i = rows - 1; i >= 0; i--) {
            for (int j = cols - 1; j >= 0; j--) {
                lcs[i][j] = removed.get(start + i).equals(added.get(start + j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        for (int i = 0, j = 0; i < rows && j < cols; ) {
            if (removed.get(start + i).equals(added.get(start + j))) {
                to[start + j] = start + i;
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return to;
    }

    /** The tokens of a line: words and numbers, quoted literals whole, any other non-blank character alone. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        for (int i = 0; i < n; ) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isJavaIdentifierPart(c)) {
                int s = i;
                while (i < n && Character.isJavaIdentifierPart(line.charAt(i))) {
                    i++;
                }
                out.add(line.substring(s, i));
            } else if (c == '"' || c == '\'' || c == '`') {
                int s = i++;
                while (i < n && line.charAt(i) != c) {
                    i += line.charAt(i) == '\\' && c != '`' ? 2 : 1;
                }
                i = Math.min(i + 1, n);
                out.add(line.substring(s, i));
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }
}
