package kb.review.analysis;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Evidence that a Go call has a context-taking twin (session 36, tmo36): the code in sight, or the lines the edit
 * removed, call {@code NameContext(} or {@code NameWithContext(} on the same receiver (or, asked so, on any), so the
 * receiver's type has the twin whatever library it is. Both texts are read once, lazily, for {@link ContextDrops}.
 */
final class ContextTwins {

    /** Log calls by level: their context-taking twins do not bound any work. */
    private static final Pattern LOG_LEVELS =
            Pattern.compile("(?:Debug|Info|Warn|Warning|Error|Log|Print)f?");

    private final byte[] src;
    private final Supplier<String> removed;
    private String removedText;
    private String fileText;

    ContextTwins(byte[] src, Supplier<String> removed) {
        this.src = src;
        this.removed = removed;
    }

    String removedText() {
        if (removedText == null) {
            removedText = removed.get();
        }
        return removedText;
    }

    private String fileText() {
        if (fileText == null) {
            fileText = new String(src, java.nio.charset.StandardCharsets.UTF_8);
        }
        return fileText;
    }

    /**
     * True when the code in sight or the lines the edit removed call {@code callee}'s context-taking twin on the same
     * receiver ({@code s.DB.SelectContext(} beside {@code s.DB.Select(}, {@code svc.GetObjectWithContext(} beside
     * {@code svc.GetObject(}): the receiver's type has the twin, whatever library it is. With {@code anyReceiver}, the
     * twin of the method's name on any receiver ({@code exec.CommandContext(} beside {@code exec.Command(}).
     */
    boolean inSight(String callee, boolean anyReceiver) {
        String c = Regexes.withoutSpace(callee);
        int dot = c.lastIndexOf('.');
        if (dot <= 0 || !c.substring(dot + 1).matches("[A-Z]\\w*")) {
            return false;
        }
        String name = c.substring(dot + 1);
        // a logger's context form (slog's ErrorContext, InfoContext) carries values for the record, not a deadline
        // the downstream work would keep (round 15's cachew: `s.log.Error` beside `s.log.ErrorContext(ctx, ...)`)
        if (LOG_LEVELS.matcher(name).matches()) {
            return false;
        }
        String recv = anyReceiver ? null : c.substring(0, dot);
        for (String suffix : List.of("Context(", "WithContext(")) {
            String twin = name + suffix;
            for (String text : List.of(fileText(), removedText())) {
                for (int at = text.indexOf(twin); at >= 0; at = text.indexOf(twin, at + 1)) {
                    if (at > 0 && text.charAt(at - 1) == '.' && (recv == null || sameReceiver(text, at - 1, recv))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True when the text right before the dot at {@code dot} is {@code recv}, spaces aside, as a whole name. */
    private static boolean sameReceiver(String text, int dot, String recv) {
        int i = dot - 1;
        int j = recv.length() - 1;
        while (j >= 0 && i >= 0) {
            char a = text.charAt(i);
            if (Character.isWhitespace(a)) {
                i--;
                continue;
            }
            if (a != recv.charAt(j)) {
                return false;
            }
            i--;
            j--;
        }
        return j < 0 && (i < 0 || !(Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '.'));
    }

    /** True when the call sits in the twin's own implementation ({@code func (c *conn) PrepareContext(...)}). */
    boolean inTwinItself(SyntaxNode call, String callee) {
        String name = callee.substring(callee.lastIndexOf('.') + 1).strip();
        for (SyntaxNode p = call; p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("function_declaration") || p.getType().equals("method_declaration")) {
                SyntaxNode fn = p.getChildByFieldName("name");
                String own = fn == null || fn.isNull() ? "" : SyntaxNode.text(src, fn);
                return own.equals(name + "Context") || own.equals(name + "WithContext") || own.equals(name);
            }
        }
        return false;
    }
}
