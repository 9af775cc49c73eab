package kb.format;

/**
 * The trailing {@code // Output:} comment of a runnable block, which states its expected stdout: text
 * after {@code Output:} on the marker's line is the first output line, every following line must be a
 * {@code //} comment, and one space after {@code //} is dropped. A marker after the last statement on its line
 * also counts (see {@link #trailing}).
 */
public final class OutputComment {

    static final String MARKER = "// Output:";

    /**
     * What the comment says.
     *
     * @param expected the output, each line ending in LF
     * @param marker   0-based line of the marker in the code
     * @param stray    0-based line after the marker that is not a comment, or -1 when there is none
     */
    record Read(String expected, int marker, int stray) {
    }

    private OutputComment() {
    }

    /** The expected output of {@code code}; {@code null} when it states none or the comment does not end the code. */
    public static String expected(String code) {
        Read r = read(code.replace("\r\n", "\n"));
        return r == null || r.stray >= 0 ? null : r.expected;
    }

    /**
     * Why the {@code // Output:} comment of {@code code} cannot be read, as {@code line N: ...} counted from the
     * code's first line; {@code null} when there is no marker or it reads cleanly. A run of such code would
     * otherwise compare nothing and pass without a word.
     */
    public static String problem(String code) {
        Read r = read(code.replace("\r\n", "\n"));
        if (r == null || r.stray < 0) {
            return null;
        }
        return "line " + (r.marker + 1) + ": the '// Output:' comment must end the code: line " + (r.stray + 1)
                + " after it is not a '//' comment";
    }

    /** The comment of {@code code} (LF line ends), or {@code null} when there is no marker. */
    static Read read(String code) {
        String[] lines = code.split("\n", -1);
        int start = -1;
        for (int i = 0; i < lines.length && start < 0; i++) {
            if (lines[i].strip().startsWith(MARKER)) {
                start = i;
            }
        }
        if (start < 0) {
            return trailing(lines);
        }
        StringBuilder out = new StringBuilder();
        String first = lines[start].strip().substring(MARKER.length()).strip();
        if (!first.isEmpty()) {
            out.append(first).append('\n');
        }
        int last = lines.length - 1;
        while (last > start && lines[last].isBlank()) {
            last--;
        }
        for (int i = start + 1; i <= last; i++) {
            String l = lines[i].stripLeading();
            if (!l.startsWith("//")) {
                return new Read(null, start, i);
            }
            String text = l.substring(2);
            out.append(text.startsWith(" ") ? text.substring(1) : text).append('\n');
        }
        return new Read(out.toString(), start, -1);
    }

    /**
     * A marker written after the last statement, on its line, as one types in a one-line box:
     * {@code System.out.println(1); // Output: // 1}. It counts only after a {@code ;} or {@code }} and outside
     * string literals; every {@code //} after it starts another expected line.
     */
    private static Read trailing(String[] lines) {
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) {
            last--;
        }
        if (last < 0) {
            return null;
        }
        int at = lines[last].indexOf(MARKER);
        String before = at < 0 ? "" : lines[last].substring(0, at).stripTrailing();
        if (!before.endsWith(";") && !before.endsWith("}") || insideString(before)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        String[] parts = lines[last].substring(at + MARKER.length()).split("//", -1);
        for (int i = 0; i < parts.length; i++) {
            String text = parts[i].startsWith(" ") ? parts[i].substring(1) : parts[i];
            if (i > 0 || !text.isBlank()) {
                out.append(text.stripTrailing()).append('\n');
            }
        }
        return new Read(out.toString(), last, -1);
    }

    /** True when {@code code} ends inside a string or char literal: an odd number of unescaped quotes. */
    private static boolean insideString(String code) {
        char open = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (open == 0 && (c == '"' || c == '\'')) {
                open = c;
            } else if (c == open) {
                open = 0;
            }
        }
        return open != 0;
    }
}
