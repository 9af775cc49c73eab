package kb.review.diff;

import static kb.review.diff.SourceFile.goHeader;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a pasted diff's hunks are put between so that each run of hunk lines parses where it stands in the file
 * (see {@link SourceFile#text()}): the blocks a run leaves open are closed after it, and a run that starts inside a
 * function gets a header before it (the Go function git printed after {@code @@}, or a Java method and the classes
 * the run closes). Apart from {@link SourceFile}, which answers what the diff shows, because this is the one place
 * that invents lines; the shapes of runs it reads are in {@link GoRuns}, {@link Braces} and {@link JavaGaps}.
 */
public final class HunkGaps {

    private final ChangedFile change;
    private final String[] lines;
    private final BitSet known;

    /** The gaps of {@code lines}, of which only those in {@code known} are shown by the diff of {@code change}. */
    HunkGaps(ChangedFile change, String[] lines, BitSet known) {
        this.change = change;
        this.lines = CommentCuts.blankTails(lines, known, // a hunk that starts inside a comment
                change.language() == Language.JAVA);
        this.known = known;
    }

    /** The lines with the gaps filled as {@link SourceFile#text()} says; a gap of one line serves the run before it. */
    String[] gapsFilled() {
        String[] out = java.util.Arrays.copyOf(lines, lines.length + 1);
        boolean go = change.language() == Language.GO;
        for (int from = known.nextSetBit(1); from >= 0; ) {
            int to = known.nextClearBit(from) - 1;
            StringBuilder run = new StringBuilder();
            String first = null;
            for (int l = from; l <= to; l++) {
                run.append(lines[l]).append('\n');
                if (first == null && !lines[l].isBlank()) {
                    first = lines[l].strip();
                }
            }
            Braces braces = Braces.of(run.toString());
            // Go: the function git named; Java, for a run that closes blocks it never opened (a catch whose try is
            // above the hunk): a method of a class of its own, so that the run parses as statements
            String header = go && first != null && !GO_TOP_LEVEL.matcher(first).lookingAt()
                    ? goHeader(section(from))
                    : change.language() == Language.JAVA && braces.closedFirst() > 0 && first != null
                    && !JAVA_MEMBER.matcher(first).lookingAt() ? JAVA_HEADER : "";
            if (go && header.isEmpty() && first != null && !GO_TOP_LEVEL.matcher(first).lookingAt()) {
                header = GoRuns.endsGoStruct(run.toString()) ? "type KbHunk struct {"
                        : GoRuns.goHandlerHeader(run.toString());
            }
            int wrappers = 0;
            // Go: a gap of one line already holds the closers of the run before (two hunks seven lines apart, the
            // second inside a function the first left open): the header goes on that line after them, or the run
            // would parse at the top level and every statement in it would be lost to the rules. Not Java, whose
            // header is a class and method of its own (round 47's members after it were read as statements)
            String carried = go && from > 1 && !header.isEmpty() ? out[from - 1] : null;
            if (carried != null) {
                out[from - 1] = null;
            }
            if (go && from > 1 && out[from - 1] == null && first != null
                    && GoRuns.GO_IMPORT_SPEC.matcher(first).matches() && GoRuns.closesGoGroup(run.toString())) {
                // the run starts inside the import block (an import added among others): reopen it
                out[from - 1] = "import (";
            }
            String members = header.equals(JAVA_HEADER) && from > 1 && out[from - 1] == null
                    ? membersAfterCloses(run.toString(), braces) : null;
            if (members != null) {
                // the run ends a method and goes on with members (a method added at the end of a class): the
                // braces it closes first close the header's method, those it closes last the header's classes
                out[from - 1] = members;
                wrappers = braces.closedFirst() == Braces.leadingCloses(run.toString()) ? 1 : 0;
            } else if (from > 1 && out[from - 1] == null && header.equals(JAVA_HEADER)) {
                // the outermost block the run closes first is its method when members or nothing follow it
                List<String> followers = braces.followers();
                String last = followers.get(followers.size() - 1);
                boolean method = last.isEmpty() || JAVA_MEMBER.matcher(last).matches();
                out[from - 1] = header + braces.reopen(method ? followers.size() - 1 : followers.size());
                wrappers = method ? 1 : 2;
            } else if (from > 1 && out[from - 1] == null && go && !header.isEmpty() && braces.closedFirst() > 0
                    && GoRuns.closesAtColumnZero(run.toString(), braces.closedFirst())) {
                // the run ends the function git named (gofmt puts its closing brace alone at column 0) and goes on at
                // the top level: that brace closes the header, so the functions after it are not nested in it
                out[from - 1] = header + braces.reopen(braces.closedFirst() - 1);
                wrappers = 0;
            } else if (from > 1 && out[from - 1] == null && !header.isEmpty()) {
                out[from - 1] = header + braces.reopen();
                wrappers = 1;
            }
            if (go && !header.isEmpty() && out[from - 1] != null && braces.closedFirst() > 0
                    && out[from - 1].startsWith(header) && out[from - 1].length() > header.length()
                    && out[from - 1].endsWith("{")) {
                // the innermost block reopened is the run's select or switch when the run shows its cases
                String opener = GoRuns.caseBlockOpener(run.toString());
                if (!opener.isEmpty()) {
                    String before = out[from - 1].substring(0, out[from - 1].length() - 1);
                    // a ticking select that is the last statement of its block: that block is its loop
                    boolean loop = opener.startsWith("select") && before.length() > header.length()
                            && before.endsWith("{") && GoCutBlocks.selectEndsLoop(run.toString(), true);
                    // the run closes the select and stops (GoCutBlocks.selectEndsLoop): its loop is opened too, and
                    // closed after the run with the function
                    boolean unseenLoop = !loop && opener.startsWith("select") && before.equals(header)
                            && GoCutBlocks.selectEndsLoop(run.toString(), false);
                    out[from - 1] = (loop ? before.substring(0, before.length() - 1) + "for {"
                            : unseenLoop ? before + "for {" : before) + opener + GoCutBlocks.caseBefore(run.toString());
                    wrappers += unseenLoop ? 1 : 0;
                }
            }
            boolean cut = change.language() == Language.JAVA && from > 1 && !cutPrefix(run.toString()).isEmpty();
            if (cut && (out[from - 1] == null || out[from - 1].startsWith(JAVA_HEADER))) {
                // the run starts inside a statement whose start is above the hunk (git's context begins on the last
                // arguments of a call, `new Pair("id", key))));`): the calls it closes are opened in the gap, so the
                // statement parses as one and the statements after it are not lost in a parse error
                out[from - 1] = (out[from - 1] == null ? "" : out[from - 1]) + cutPrefix(run.toString());
            }
            // the header's blocks (the ones it opened for the run's first closers the run closes itself)
            int close = braces.open() + wrappers;
            // Go: a hunk that ends inside a grouped declaration (`import (` with the imports it adds, and the next
            // hunk shows a function) leaves the group open, and the parser would read every later hunk inside it
            String group = go && header.isEmpty() && GoRuns.opensGoGroup(run.toString()) ? ")" : "";
            if ((close > 0 || !group.isEmpty()) && out[to + 1] == null) {
                // Go: a literal the run leaves open is closed with its call's parentheses (see GoCutBlocks)
                out[to + 1] = (go ? GoCutBlocks.closers(run.toString(), braces.open()) : javaClosers(run.toString(), braces))
                        + "}".repeat(wrappers) + group;
            }
            if (carried != null) {
                out[from - 1] = out[from - 1] == null ? carried : carried + ";" + out[from - 1];
            }
            from = known.nextSetBit(to + 1);
        }
        return out[lines.length] == null ? java.util.Arrays.copyOf(out, lines.length) : out;
    }

    /** The closing parentheses of a call, after a brace. */
    private static final Pattern CALL_CLOSE = Pattern.compile("\\}(\\)+)");

    /**
     * Java: the blocks a run leaves open, closed with the calls they were handed to: a run that ends inside an
     * anonymous class or a lambda body given to a call ({@code newCachedThreadPool(new ThreadFactory() {},
     * {@code executor.submit(() -> {}) is closed with {@code });}, not a bare brace that leaves the call open and the
     * parser reading every later hunk of the file as a broken argument (round 27's java-09: the submit in the next
     * hunk was lost to every rule). Only when some block is an argument: plain braces otherwise (no cost).
     */
    private static String javaClosers(String run, Braces braces) {
        if (braces.open() == 0 || run.indexOf('(') < 0) {
            return "}".repeat(braces.open());
        }
        return CALL_CLOSE.matcher(GoCutBlocks.closers(run, braces.open())).replaceAll("}$1;");
    }

    /** A Java member's first line that starts with its type ({@code List<Path> jars() throws IOException {}). */
    private static final Pattern JAVA_METHOD = Pattern.compile(
            "(?!(return|throw|new|else|case|yield)\\b)[\\w<>\\[\\],.? ]+\\s+\\w+\\s*\\([^;=]*$");

    /**
     * The header for a run that closes the end of a method and then declares members, or null when the run does not
     * have that shape: a method for the braces it closes first, a class for each brace it closes after the members.
     */
    private static String membersAfterCloses(String run, Braces braces) {
        int leading = Braces.leadingCloses(run);
        int trailing = braces.closedFirst() - leading;
        if (leading == 0 || trailing < 0) {
            return null;
        }
        String[] lines = run.split("\n");
        for (int i = Braces.afterLeadingCloses(run); i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!JAVA_MEMBER.matcher(line).lookingAt() && !JAVA_METHOD.matcher(line).lookingAt()) {
                return null;
            }
            return "class KbHunk{".repeat(Math.max(trailing, 1) - 1) + JAVA_HEADER + "{".repeat(leading - 1);
        }
        return null;
    }

    /** What the gap opens for each call a run closes before its first statement ends (see {@link #openCallsBefore}). */
    public static final String CUT_CALL = "kbCut(";

    /**
     * The calls to open before a run (see {@link #openCallsBefore}), followed by a name when the run's first line
     * goes on with a method of a chain or an operand ({@code .build();}, {@code + suffix);}) of a statement above
     * the hunk: what the gap puts before the run so that its first statement parses.
     */
    public static String cutPrefix(String run) {
        String lead = run.stripLeading();
        // a ternary's branches (`? noBody()` / `: ofString(body));`, the condition above the hunk) go on an operand
        // as a binary operator does
        boolean operand = lead.startsWith(".") && !lead.startsWith("...")
                || lead.startsWith("+") && !lead.startsWith("++") || lead.startsWith("&&") || lead.startsWith("||")
                || lead.startsWith("?") || lead.startsWith(":") && !lead.startsWith("::");
        return CUT_CALL.repeat(openCallsBefore(run)) + (operand ? "kbCut" : "");
    }

    /**
     * How many parentheses a Java run closes that it never opened before its first statement ends with {@code ;}: the
     * run starts on the continuation lines of a call whose first line is above the hunk. Zero when a brace comes first
     * (a block or a lambda body is cut, which the braces' own repair handles) or the first statement closes nothing it
     * did not open. Strings, characters and comments are skipped.
     */
    public static int openCallsBefore(String run) {
        int depth = 0;
        int lowest = 0;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < run.length() && run.charAt(j) != c && run.charAt(j) != '\n') {
                    j += run.charAt(j) == '\\' ? 2 : 1;
                }
                i = j;
            } else if (c == '/' && i + 1 < run.length() && run.charAt(i + 1) == '/') {
                int j = run.indexOf('\n', i);
                i = j < 0 ? run.length() : j;
            } else if (c == '/' && i + 1 < run.length() && run.charAt(i + 1) == '*') {
                int j = run.indexOf("*/", i + 2);
                i = j < 0 ? run.length() : j + 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                lowest = Math.min(lowest, depth);
            } else if (c == '{' || c == '}') {
                return 0;
            } else if (c == ';') {
                return depth == lowest ? -lowest : 0;
            }
        }
        return 0;
    }

    /** The class and method a Java run that starts inside a method is put in, for the parser. */
    private static final String JAVA_HEADER = "class KbHunk{void kbHunk(){";

    /** A line that starts a Java member or type: a run from there that closes a block closes its class. */
    private static final Pattern JAVA_MEMBER = Pattern.compile(
            "@\\w+|(public|protected|private|static|final|abstract|synchronized|default|native|class|interface|enum"
                    + "|record|void|package|import)\\b|/\\*\\*");

    /** A line that a Go file can hold outside any function. */
    private static final Pattern GO_TOP_LEVEL = Pattern.compile(
            "(func|package|import|type|var|const)\\b|//|/\\*|\\)");

    /** What git printed after the {@code @@} of the hunk that shows {@code line}; empty when none. */
    String section(int line) {
        for (Hunk h : change.hunks()) {
            if (line >= h.newStart() && line < h.newStart() + Math.max(1, h.newCount())) {
                return h.section();
            }
        }
        return "";
    }
}
