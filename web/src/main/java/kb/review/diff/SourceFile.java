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
    /** The lines as written where {@link QualifiedNames} changed them for the rules (Java only; usually empty). */
    private final java.util.Map<Integer, String> written = new java.util.HashMap<>();

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
        this.added = change.newCodeLines();
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
        return new SourceFile(change, lines, known, whole).simpleNames();
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
        return new SourceFile(change, lines, known, true).simpleNames();
    }

    /** Java lines with their package-qualified type names cut to simple names; the written text kept for display. */
    private SourceFile simpleNames() {
        if (change.language() != Language.JAVA) {
            return this;
        }
        for (int i = 1; i < lines.length; i++) {
            String simple = QualifiedNames.simple(lines[i]);
            if (simple != lines[i]) {
                written.put(i, lines[i]);
                lines[i] = simple;
            }
        }
        return this;
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

    /** The line as the author wrote it ({@link #line} is what the rules read), for showing in a finding. */
    public String written(int line) {
        return written.getOrDefault(line, line(line));
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

    /**
     * All visible text joined with {@code \n}, at true line numbers, for the parsers. Unknown lines are blank, except
     * that the gap after a run of hunk lines closes the blocks the run leaves open, and the gap before a run that starts
     * inside a function opens it: in Go with the function's first line as git printed it after the hunk's {@code @@},
     * in Java (for a run that closes blocks it never opened, a {@code catch} whose {@code try} is above) with a method
     * of its own and the blocks it closes. A hunk cut out of a loop still parses as a loop, and a Go function's
     * parameters are known. In Java the gap keeps open the classes whose members the next run shows
     * ({@link JavaGaps}). {@link #line} never shows these lines.
     */
    public String text() {
        if (text == null) {
            HunkGaps gaps = new HunkGaps(change, lines, known);
            String[] filled = complete ? lines : gaps.gapsFilled();
            if (!complete && change.language() == Language.JAVA) {
                filled = JavaGaps.keepTypesOpen(filled, known, gaps::section);
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < filled.length; i++) {
                if (filled[i] != null) {
                    sb.append(filled[i]);
                }
                sb.append('\n');
            }
            text = sb.toString();
        }
        return text;
    }

    /**
     * The hunk's function line as a Go function header ending in its opening brace: git cuts the line at 80
     * characters, so a cut one keeps its name and parameters and loses its results. Empty when it is none.
     */
    public static String goHeader(String section) {
        if (!section.startsWith("func")) {
            return "";
        }
        if (section.endsWith("{")) {
            return section;
        }
        // func (recv) Name[T any](params): the parameters are the last parenthesised group before the results
        int i = 4;
        int groups = section.startsWith("func (") || section.startsWith("func(") ? 2 : 1;
        for (int g = 0; g < groups; g++) {
            int open = section.indexOf('(', i);
            if (open < 0) {
                return "";
            }
            int depth = 0;
            int close = -1;
            for (int j = open; j < section.length() && close < 0; j++) {
                char c = section.charAt(j);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    close = j;
                }
            }
            if (close < 0) {
                // the parameters themselves are cut: git's line stopped inside them, or the signature goes on over
                // several lines (`func (s *Store) Query(` then one parameter a line). Keep the parameters up to the
                // last whole one (a name and its type, ended by a comma) and close the list there, so the run is still
                // a function's body and the parameters git did print (a context, a request) are known. A cut receiver
                // says nothing useful.
                return g == groups - 1 ? section.substring(0, lastWholeParameter(section, open)) + ") {" : "";
            }
            i = close + 1;
        }
        return section.substring(0, i) + " {";
    }

    /**
     * The end of the last parameter of a cut list that opens at {@code open}: the offset of its last comma outside
     * nested brackets (the comma itself is left out), or just after the opening parenthesis when no parameter is whole.
     */
    private static int lastWholeParameter(String section, int open) {
        int[] commas = TopLevelCommas.in(section, open + 1, section.length());
        return commas.length == 0 ? open + 1 : commas[commas.length - 1];
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

    /**
     * What git printed after the {@code @@} of the hunk that shows {@code line} (the heading of the method or class
     * the hunk starts in); empty when no hunk shows it or the file is complete.
     */
    public String section(int line) {
        for (Hunk h : change.hunks()) {
            if (line >= h.newStart() && line < h.newStart() + Math.max(1, h.newCount())) {
                return h.section();
            }
        }
        return "";
    }
}
