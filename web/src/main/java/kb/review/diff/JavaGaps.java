package kb.review.diff;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a Java class open across the gaps of a pasted diff. The gap after a run of hunk lines closes the blocks the run
 * leaves open; when a hunk shows a class header and a later hunk shows members of that class (a method, a field, a
 * constructor, an inner type, an enum constant), closing the class too would leave those members at the top level of
 * the fragment, where the parser reads a constructor as a method without a name and a field as a statement. So the gap
 * closes only the blocks above the classes the next run is inside: as many of them as the next run's first line is
 * indented, when that line declares a member, and only when the hunk header's context (what git printed after
 * {@code @@}) does not name another type. A next run that starts inside a method (its statements) is left as before.
 */
final class JavaGaps {

    private JavaGaps() {
    }

    /** A block open at some point of the fragment: a type's body (with its name) or anything else. */
    private record Frame(String type, boolean isEnum) {

        static final Frame OTHER = new Frame(null, false);
    }

    /**
     * The filled lines ({@code filled}, from the gap filler: hunk lines where {@code known}, the filler's closers and
     * headers elsewhere) with each gap's closers recomputed so that the classes the next run's members belong to stay
     * open, and a closer after the last run for whatever is still open. The array may grow by one line.
     */
    static String[] keepTypesOpen(String[] filled, BitSet known, IntFunction<String> section) {
        String[] out = java.util.Arrays.copyOf(filled, filled.length + 1);
        int unit = indentUnit(filled, known);
        List<Frame> stack = new ArrayList<>();
        Scanner scan = new Scanner();
        boolean changed = false;
        for (int l = 1; l < out.length; l++) {
            boolean hunkLine = known.get(l);
            if (!hunkLine && l > 1 && known.get(l - 1)) {
                // the gap line just after a run: its leading braces close what the run left open
                String f = out[l] == null ? "" : out[l];
                // (a block handed to a call closes with the call: `});`, one closer; see HunkGaps.javaClosers)
                List<String> closers = new ArrayList<>();
                Matcher m = CLOSER.matcher(f);
                int lead = 0;
                while (m.find(lead) && m.start() == lead) {
                    closers.add(m.group());
                    lead = m.end();
                }
                String rest = f.substring(lead);
                int next = known.nextSetBit(l + 1);
                boolean header = !rest.isEmpty() || next > l + 1 && out[next - 1] != null && !known.get(next - 1);
                int keep = next < 0 ? 0 : keep(stack, out, next, header, unit, section.apply(next));
                int closes = Math.max(stack.size() - keep, 0);
                // the next run's header (for a run that starts with the end of a method) need not wrap it in a class
                // of its own when its real classes stay open
                if (!rest.isEmpty()) {
                    rest = inside(rest, keep);
                } else if (header && keep > 0) {
                    out[next - 1] = inside(out[next - 1], keep);
                }
                String now = String.join("", closers.subList(0, Math.min(closes, closers.size())))
                        + "}".repeat(Math.max(closes - closers.size(), 0)) + rest;
                if (!now.equals(f)) {
                    changed = true;
                    out[l] = now.isEmpty() ? null : now;
                }
                for (int i = 0; i < closes; i++) {
                    stack.remove(stack.size() - 1);
                }
                scan.reset();
                scan.line(rest, stack, true);
                continue;
            }
            if (out[l] == null) {
                continue;
            }
            if (!hunkLine) {
                scan.reset();
            } else if (!known.get(l - 1)) {
                scan.reset();
            }
            scan.line(out[l], stack, !hunkLine);
        }
        if (!changed) {
            return filled;
        }
        return out[out.length - 1] == null ? java.util.Arrays.copyOf(out, filled.length) : out;
    }

    /** A filler header without up to {@code classes} of the classes it opens for the run, which are open already. */
    private static String inside(String header, int classes) {
        String out = header;
        for (int i = 0; i < classes && out.startsWith(KB_CLASS); i++) {
            out = out.substring(KB_CLASS.length());
        }
        return out;
    }

    /** One closer of the gap filler: a brace, and the call it was an argument of. */
    private static final Pattern CLOSER = Pattern.compile("\\}(?:\\)+;)?");

    /** The class the gap filler opens around a run that starts inside a method. */
    private static final String KB_CLASS = "class KbHunk{";

    /**
     * How many of the classes open at the bottom of {@code stack} the run starting at {@code next} is inside: the
     * indentation of its first line in units, when that line declares a member (or the run starts with the end of a
     * method and has a header of its own), at most the classes open, and none when the hunk's context names a type
     * that is not one of them.
     */
    private static int keep(List<Frame> stack, String[] out, int next, boolean header, int unit, String context) {
        int types = 0;
        while (types < stack.size() && stack.get(types).type() != null) {
            types++;
        }
        if (types == 0 || context.startsWith("import") || context.startsWith("package")) {
            return 0;
        }
        String first = null;
        boolean doc = false;
        for (int l = next; l < out.length && out[l] != null && first == null; l++) {
            String t = out[l].strip();
            if (t.startsWith("/**") || t.startsWith("@")) {
                doc = true;
                first = out[l];
            } else if (!t.isEmpty() && !t.startsWith("//") && !t.startsWith("/*") && !t.startsWith("*")) {
                first = out[l];
            }
        }
        if (first == null) {
            return 0;
        }
        int level = indent(first, unit) / unit;
        if (level == 0) {
            return 0;
        }
        String t = first.strip();
        int inside = Math.min(level, types);
        // a member sits one unit in per class around it: deeper, the line is a statement of a method
        boolean member = header || level <= types && (doc || MEMBER.matcher(t).lookingAt()
                || METHOD.matcher(t).lookingAt() || CONSTRUCTOR.matcher(t).matches() || FIELD.matcher(t).matches()
                || stack.get(inside - 1).isEnum() && ENUM_CONSTANT.matcher(t).matches());
        if (!member || STATEMENT.matcher(t).lookingAt()) {
            return 0;
        }
        Matcher named = TYPE_DECLARATION.matcher(context);
        if (named.find()) {
            String name = named.group(2);
            boolean ours = false;
            for (int i = 0; i < types; i++) {
                ours |= name.equals(stack.get(i).type());
            }
            if (!ours) {
                return 0;
            }
        }
        return inside;
    }

    /** The width of a line's indentation, a tab counting as one unit. */
    private static int indent(String line, int unit) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += unit;
            } else {
                break;
            }
        }
        return width;
    }

    /** The file's indentation step: the smallest indentation of a code line (2 to 8 spaces), 4 when none shows. */
    private static int indentUnit(String[] lines, BitSet known) {
        int unit = Integer.MAX_VALUE;
        for (int l = known.nextSetBit(0); l >= 0 && l < lines.length; l = known.nextSetBit(l + 1)) {
            String line = lines[l];
            if (line == null || line.isBlank() || line.strip().startsWith("*")) {
                continue;
            }
            if (line.startsWith("\t")) {
                return 4;
            }
            int width = indent(line, 4);
            if (width > 0) {
                unit = Math.min(unit, width);
            }
        }
        return unit == Integer.MAX_VALUE ? 4 : Math.max(2, Math.min(unit, 8));
    }

    /** Reads braces outside comments, strings, text blocks and characters, one line at a time. */
    private static final class Scanner {

        private boolean comment;
        private boolean textBlock;
        /** The code since the last {@code ;}, brace or run start: what a {@code {} opens. */
        private final StringBuilder declaration = new StringBuilder();

        void reset() {
            comment = false;
            textBlock = false;
            declaration.setLength(0);
        }

        void line(String code, List<Frame> stack, boolean filler) {
            int n = code.length();
            for (int i = 0; i < n; i++) {
                char c = code.charAt(i);
                char next = i + 1 < n ? code.charAt(i + 1) : '\0';
                if (comment) {
                    int end = code.indexOf("*/", i);
                    comment = end < 0;
                    i = end < 0 ? n : end + 1;
                } else if (textBlock) {
                    int end = code.indexOf("\"\"\"", i);
                    textBlock = end < 0;
                    i = end < 0 ? n : end + 2;
                } else if (c == '/' && next == '/') {
                    i = n;
                } else if (c == '/' && next == '*') {
                    comment = true;
                    i++;
                } else if (c == '"' && next == '"' && i + 2 < n && code.charAt(i + 2) == '"') {
                    textBlock = true;
                    i += 2;
                } else if (c == '"' || c == '\'') {
                    i = literalEnd(code, i, c);
                    declaration.append(' ');
                } else if (c == '{') {
                    stack.add(filler ? Frame.OTHER : frame(declaration));
                    declaration.setLength(0);
                } else if (c == '}') {
                    if (!stack.isEmpty()) {
                        stack.remove(stack.size() - 1);
                    }
                    declaration.setLength(0);
                } else if (c == ';') {
                    declaration.setLength(0);
                } else {
                    declaration.append(c);
                }
            }
            declaration.append(' ');
        }

        private static Frame frame(CharSequence declaration) {
            Matcher m = TYPE_DECLARATION.matcher(declaration);
            if (!m.find() || NEW.matcher(declaration).find()) {
                return Frame.OTHER;
            }
            return new Frame(m.group(2), m.group(1).equals("enum"));
        }

        private static int literalEnd(String code, int start, char quote) {
            for (int i = start + 1; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    return i;
                }
            }
            return code.length();
        }
    }

    /** A type's declaration (not {@code Foo.class}): group 1 the kind, group 2 the name. */
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?<![\\w.$])(class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)");

    /** Statements that start like members. */
    private static final Pattern STATEMENT = Pattern.compile("(synchronized\\s*\\(|default\\s*:|default\\s*->)");

    private static final Pattern NEW = Pattern.compile("(?<![\\w.$])new\\s");

    /** A line that starts a member by a modifier, a type keyword, {@code void} or an annotation. */
    private static final Pattern MEMBER = Pattern.compile(
            "(public|protected|private|static|final|abstract|synchronized|default|native|transient|volatile|strictfp"
                    + "|sealed|non-sealed|class|interface|enum|record|void)\\b|@\\w+");

    /** A method's first line that starts with its type ({@code List<Path> jars() throws IOException {}). */
    private static final Pattern METHOD = Pattern.compile(
            "(?!(return|throw|new|else|case|yield|assert)\\b)[\\w<>\\[\\],.? ]+\\s+\\w+\\s*\\([^;=]*$");

    /** A package-private constructor's first line: a capitalised name and its parameters, no statement end. */
    private static final Pattern CONSTRUCTOR = Pattern.compile("[A-Z][\\w$]*\\s*\\([^;]*");

    /** A field without modifiers: a type, a name, maybe an initialiser, a semicolon. */
    private static final Pattern FIELD = Pattern.compile(
            "(?!(return|throw|new|else|case|yield|assert)\\b)[\\w<>\\[\\],.?]+(?:\\s*<[^=;]*>)?\\s+\\w+\\s*(=.*)?;\\s*"
                    + "(//.*)?");

    /** An enum constant: a capitalised name, then arguments, a comma, a semicolon, a body or nothing. */
    private static final Pattern ENUM_CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*\\s*(\\(.*|,.*|;.*|\\{.*)?");
}
