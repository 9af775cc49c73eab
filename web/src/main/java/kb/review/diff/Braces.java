package kb.review.diff;

/**
 * How a piece of Java (or Go) code cut out of a file leaves its braces: the blocks it closes before opening any
 * (it starts inside them) and the blocks it leaves open (it ends inside them). Braces in comments, strings, text
 * blocks and character literals do not count; a comment or string that the cut leaves open runs to the end.
 *
 * @param closedFirst   blocks closed that the piece never opened
 * @param open          blocks opened that the piece never closes
 * @param firstUnclosed offset of the outermost of those, -1 when there is none
 * @param followers     for each block closed that the piece never opened, innermost first, the word that follows its
 *                      closing brace ({@code catch}, {@code finally}, {@code else}, {@code while}), or "" for none
 */
public record Braces(int closedFirst, int open, int firstUnclosed, java.util.List<String> followers) {

    public Braces {
        followers = java.util.List.copyOf(followers);
    }

    /** The same without the followers (tests, and callers that only count). */
    public Braces(int closedFirst, int open, int firstUnclosed) {
        this(closedFirst, open, firstUnclosed, java.util.Collections.nCopies(closedFirst, ""));
    }

    /**
     * What to write before the piece so that every block it closes first was opened: a {@code try} for a block
     * followed by {@code catch} or {@code finally}, an {@code if} for one followed by {@code else}, a {@code do} for
     * one followed by {@code while}, else a plain block. The outermost comes first.
     */
    public String reopen() {
        return reopen(followers.size());
    }

    /** The same for the innermost {@code count} of them only (the outermost closes something else). */
    public String reopen(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = count - 1; i >= 0; i--) {
            out.append(switch (followers.get(i)) {
                case "catch", "finally" -> "try{";
                case "else" -> "if(true){";
                case "while" -> "do{";
                default -> "{";
            });
        }
        return out.toString();
    }

    /**
     * The blocks a piece of code closes before it first opens one (line by line): where a hunk starts with the end of
     * a method (its last statements, then its closing braces) before new members. 0 when it opens one first.
     */
    public static int leadingCloses(String code) {
        int closes = 0;
        for (String line : code.split("\n")) {
            Braces b = of(line);
            if (b.open() > 0) {
                break;
            }
            closes += b.closedFirst();
        }
        return closes;
    }

    /** The index of the line just after the piece's first {@link #leadingCloses} braces (0 when it has none). */
    public static int afterLeadingCloses(String code) {
        int want = leadingCloses(code);
        String[] lines = code.split("\n");
        int closes = 0;
        for (int i = 0; i < lines.length && want > 0; i++) {
            closes += of(lines[i]).closedFirst();
            if (closes >= want) {
                return i + 1;
            }
        }
        return 0;
    }

    public static Braces of(String code) {
        int depth = 0;
        int lowest = 0;
        // offsets of the blocks open at each depth above the lowest reached so far
        java.util.ArrayDeque<Integer> opened = new java.util.ArrayDeque<>();
        java.util.List<String> followers = new java.util.ArrayList<>();
        int n = code.length();
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            char next = i + 1 < n ? code.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                i = end(code, i, "\n") - 1;
            } else if (c == '/' && next == '*') {
                i = end(code, i + 2, "*/") + 1;
            } else if (c == '"' && next == '"' && i + 2 < n && code.charAt(i + 2) == '"') {
                i = end(code, i + 3, "\"\"\"") + 2;
            } else if (c == '"' || c == '\'' || c == '`') {
                i = literalEnd(code, i, c);
            } else if (c == '{') {
                depth++;
                opened.push(i);
            } else if (c == '}') {
                depth--;
                if (depth < lowest) {
                    followers.add(nextWord(code, i + 1));
                }
                lowest = Math.min(lowest, depth);
                opened.poll();
            }
        }
        return new Braces(-lowest, depth - lowest, opened.isEmpty() ? -1 : opened.peekLast(), followers);
    }

    /** The word that starts after {@code from} past blanks and line ends, or "" when something else comes first. */
    private static String nextWord(String code, int from) {
        int i = from;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) {
            i++;
        }
        return code.substring(start, i);
    }

    /** The index where {@code close} starts at or after {@code from}, or the end of the code. */
    private static int end(String code, int from, String close) {
        int at = code.indexOf(close, from);
        return at < 0 ? code.length() : at;
    }

    /** The index of the quote closing the literal opened at {@code start}; a line end ends all but a Go raw string. */
    private static int literalEnd(String code, int start, char quote) {
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote || (c == '\n' && quote != '`')) {
                return i;
            }
        }
        return code.length();
    }
}
