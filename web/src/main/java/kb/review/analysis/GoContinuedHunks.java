package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.diff.SyntaxNode;

/**
 * Go functions a pasted diff shows in more than one hunk. The gap filler closes a function where a hunk stops and
 * opens the next hunk under the header git printed after {@code @@} (diff/HunkGaps): a second declaration of the same
 * function, which Go allows nowhere else. A path that falls off the first part's end has not left the function: it
 * goes on through the gap into the later part, and when that part releases the value ({@code defer f1.Close()} in the
 * deferred cleanup the next hunk shows), the value is not leaked there (set 24, W: an open moved above a hunk whose
 * deferred closure below still closes it). A later part that never names the release leaves the path a leak.
 */
final class GoContinuedHunks {

    /** A declaration's name (with its receiver type for a method), first line and body text. */
    private record Part(int line, String body) {
    }

    private final Map<String, List<Part>> parts = new HashMap<>();
    private final Map<Integer, String> nameByLine = new HashMap<>();

    GoContinuedHunks(List<SyntaxNode> functions, byte[] src) {
        for (SyntaxNode f : functions) {
            String t = f.getType();
            if (!t.equals("function_declaration") && !t.equals("method_declaration")) {
                continue;
            }
            SyntaxNode name = f.getChildByFieldName("name");
            SyntaxNode body = f.getChildByFieldName("body");
            if (name == null || name.isNull() || body == null || body.isNull()) {
                continue;
            }
            SyntaxNode receiver = f.getChildByFieldName("receiver");
            String key = (receiver == null || receiver.isNull() ? "" : receiverType(SyntaxNode.text(src, receiver)) + ".")
                    + SyntaxNode.text(src, name);
            int line = f.getStartPoint().getRow() + 1;
            parts.computeIfAbsent(key, k -> new ArrayList<>()).add(new Part(line, SyntaxNode.text(src, body)));
            nameByLine.put(line, key);
        }
        parts.values().removeIf(l -> l.size() < 2);
    }

    /** {@code (s *Store)} gives {@code Store}. */
    private static String receiverType(String receiver) {
        String r = receiver.replaceAll("[()*\\s]+", " ").strip();
        int space = r.lastIndexOf(' ');
        return space < 0 ? r : r.substring(space + 1);
    }

    /**
     * True when the function that starts at {@code firstLine} and whose shown part ends at {@code endLine} goes on
     * in a later hunk of the same diff whose code releases {@code a}'s value.
     */
    boolean releasedInLaterPart(int firstLine, int endLine, Acquisition a) {
        if (parts.isEmpty()) {
            return false;
        }
        String key = nameByLine.get(firstLine);
        List<Part> same = key == null ? null : parts.get(key);
        if (same == null) {
            return false;
        }
        java.util.regex.Pattern release = a.model().releasePattern(a.var());
        for (Part p : same) {
            if (p.line() >= endLine && release.matcher(CodeText.code(p.body())).find()) {
                return true;
            }
        }
        return false;
    }
}
