package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;

/**
 * A deleted release that went with the whole early-exit branch it stood in: the change deletes the branch's opening
 * line, the release, the branch's exit and its closing brace ({@code if size <= min { f.Close(); return ... }}, or a
 * {@code select} whose {@code default:} closes and continues).
 * The path that release served is gone with it; the paths left are the ones the other releases serve. Unless the
 * change adds an exit in its place: then the path is rewritten, not gone.
 */
final class DeletedExitBranches {

    /**
     * A way out of the branch's path: a return, a panic, a throw, or a loop's {@code continue} (a listener's reject
     * branch, {@code default: conn.Close(); continue}, deleted whole with a connection limit: every connection now
     * goes on to the handler that closes it; round 89's go-04).
     */
    private static final Pattern EXIT = Pattern.compile("^\\s*(?:return\\b|panic\\(|throw\\s|continue\\b)");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

    private DeletedExitBranches() {
    }

    /** True when the release deleted at {@code at} sits in a block deleted whole, exit and braces included. */
    static boolean inside(List<DiffLine> lines, int at) {
        int open = 0;
        int j = at - 1;
        for (; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED && open <= 0; j--) {
            open += braces(lines.get(j).text());
        }
        if (open <= 0) {
            return false; // the block's opening line is not deleted with the release
        }
        int depth = 1;
        boolean exits = false;
        for (int k = at + 1; k < lines.size() && lines.get(k).kind() == DiffLine.Kind.REMOVED; k++) {
            String text = lines.get(k).text();
            exits |= depth == 1 && EXIT.matcher(text).find();
            depth += braces(text);
            if (depth <= 0) {
                return exits && !exitAddedBack(lines, at);
            }
        }
        return false;
    }

    /**
     * The run of changed lines around the deleted branch adds an exit of its own: the change rewrote the branch (its
     * condition folded into one {@code if err != nil && bail {}, its error wrapped) and kept the way out it served,
     * so that path still leaves with the value open (round 80's go-01, file-rotatelogs' failed rotation).
     */
    private static boolean exitAddedBack(List<DiffLine> lines, int at) {
        return RemovedLine.changedBlock(lines, at).stream()
                .anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && EXIT.matcher(l.text()).find());
    }

    /** Opening minus closing braces of a line, strings and line comments left out (Go and Java). */
    static int braces(String line) {
        String code = STRING.matcher(line).replaceAll("\"\"").replaceAll("//.*", "");
        int n = 0;
        for (int i = 0; i < code.length(); i++) {
            n += code.charAt(i) == '{' ? 1 : code.charAt(i) == '}' ? -1 : 0;
        }
        return n;
    }
}
