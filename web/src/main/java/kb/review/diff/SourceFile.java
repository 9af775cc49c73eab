package kb.review.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The code of one changed file as far as the review can see it. In repo mode that is the whole post-change file; in
 * paste mode only the new-side lines of the hunks, kept at their real line numbers with blank lines in the gaps so
 * that parse trees report true positions.
 */
public final class SourceFile {

    private final ChangedFile change;
    private final String[] lines;
    private final BitSet known;
    private final boolean complete;
    private final BitSet added;
    private final BitSet inDiff;
    private String text;
    private String lowerText;
    private byte[] utf8;
    private AddedText addedText;
    /** The same file before the change (whole, or the old side of the hunks); null when it is not known. */
    private SourceFile before;

    /** The added lines joined with newlines, searched by multi-line patterns in one pass per pattern. */
    public record AddedText(String text, int[] starts, int[] lines) {

        /** The file line of the added line holding {@code offset}. */
        public int lineAt(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset);
            return lines[i >= 0 ? i : -i - 2];
        }
    }

    private SourceFile(ChangedFile change, String[] lines, BitSet known, boolean complete) {
        this.change = change;
        this.lines = lines;
        this.known = known;
        this.complete = complete;
        this.added = change.addedLines();
        this.inDiff = change.diffLines();
    }

    /** The file as the diff shows it: hunks only, unless the diff adds the whole file. */
    public static SourceFile fromDiff(ChangedFile change) {
        int max = 0;
        for (Hunk h : change.hunks()) {
            for (DiffLine l : h.lines()) {
                max = Math.max(max, l.newLine());
            }
        }
        String[] lines = new String[max + 1];
        BitSet known = new BitSet();
        for (Hunk h : change.hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() != DiffLine.Kind.REMOVED) {
                    lines[l.newLine()] = l.text();
                    known.set(l.newLine());
                }
            }
        }
        boolean whole = change.change() == ChangedFile.Change.ADDED && known.cardinality() == max;
        return new SourceFile(change, lines, known, whole);
    }

    /** The whole post-change file text, as read from a checkout. */
    public static SourceFile withContent(ChangedFile change, String content) {
        List<String> split = splitLines(content);
        String[] lines = new String[split.size() + 1];
        BitSet known = new BitSet();
        for (int i = 0; i < split.size(); i++) {
            lines[i + 1] = split.get(i);
            known.set(i + 1);
        }
        return new SourceFile(change, lines, known, true);
    }

    /**
     * The file before the change: what {@link #withBefore} attached (the whole old file, in a checkout), else for a
     * pasted diff that removes lines, the old side of its hunks; null for a new file or a change that only adds.
     */
    public SourceFile before() {
        if (before == null && !complete && change.removesLines()) {
            before = fromDiff(change.reversed());
        }
        return before;
    }

    /** Attaches the whole pre-change file (read from the base commit); returns this file. */
    public SourceFile withBefore(ChangedFile reversed, String oldContent) {
        this.before = withContent(reversed, oldContent);
        return this;
    }

    static List<String> splitLines(String content) {
        List<String> out = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                int e = i > s && content.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(content.substring(s, e));
                s = i + 1;
            }
        }
        if (s < content.length()) {
            out.add(content.substring(s));
        }
        return out;
    }

    public String path() {
        return change.path();
    }

    public ChangedFile change() {
        return change;
    }

    public Language language() {
        return change.language();
    }

    /** True when every line of the file is present (repo mode, or a diff that adds the whole file). */
    public boolean complete() {
        return complete;
    }

    public int lineCount() {
        return lines.length - 1;
    }

    public boolean known(int line) {
        return line >= 1 && line < lines.length && known.get(line);
    }

    public boolean allKnown(int from, int to) {
        return from >= 1 && to < lines.length && known.get(from, to + 1).cardinality() == to - from + 1;
    }

    /** The line's text, or an empty string when the line is outside the file or not shown in the diff. */
    public String line(int line) {
        return known(line) ? lines[line] : "";
    }

    public boolean added(int line) {
        return added.get(line);
    }

    public boolean inDiff(int line) {
        return inDiff.get(line);
    }

    public BitSet knownLines() {
        return (BitSet) known.clone();
    }

    /** All visible text, unknown lines blank, joined with {@code \n}. */
    public String text() {
        if (text == null) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i] != null) {
                    sb.append(lines[i]);
                }
                sb.append('\n');
            }
            text = sb.toString();
        }
        return text;
    }

    /** {@link #text()} in lower case ({@code Locale.ROOT}), for cheap substring tests before running regexes. */
    public String lowerText() {
        if (lowerText == null) {
            lowerText = text().toLowerCase(java.util.Locale.ROOT);
        }
        return lowerText;
    }

    public AddedText addedText() {
        if (addedText == null) {
            StringBuilder sb = new StringBuilder();
            int[] starts = new int[added.cardinality()];
            int[] nums = new int[starts.length];
            int i = 0;
            for (int l = added.nextSetBit(0); l >= 0; l = added.nextSetBit(l + 1)) {
                starts[i] = sb.length();
                nums[i++] = l;
                sb.append(line(l)).append('\n');
            }
            addedText = new AddedText(sb.toString(), starts, nums);
        }
        return addedText;
    }

    public byte[] utf8() {
        if (utf8 == null) {
            utf8 = text().getBytes(StandardCharsets.UTF_8);
        }
        return utf8;
    }
}
