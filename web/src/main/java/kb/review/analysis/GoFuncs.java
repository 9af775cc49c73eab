package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * The top-level functions and methods of a Go file as gofmt lays it out, each from its {@code func} line to the
 * closing brace in column 0 (or to the line before the next {@code func} when the brace is not in view). Shared by the
 * analyses that read a Go file's methods from its text: {@link GuardedFields} and {@link GoroutineMaps}.
 */
final class GoFuncs {

    /** A method: receiver name, {@code *} or not, receiver type, method name. */
    private static final Pattern METHOD = Pattern.compile(
            "^func \\((\\w+) (\\*?)(\\w+)(?:\\[[^\\]]*\\])?\\) (\\w+)\\s*(?:\\[[^\\]]*\\])?\\(");
    private static final Pattern FUNCTION = Pattern.compile("^func (\\w+)\\s*(?:\\[[^\\]]*\\])?\\(");
    private static final Pattern LOCKS = Pattern.compile("\\.(?:R?Lock|TryR?Lock)\\(\\)");

    private GoFuncs() {
    }

    /**
     * One function or method; {@code recv} and {@code type} are null for a plain function, {@code whole} when every
     * line from the head to the closing brace is in view.
     */
    record Fn(String recv, boolean pointer, String type, String name, int start, int end, boolean whole,
              String body) {
        /** Whether the body takes a lock (a mutex's Lock, RLock or their Try forms). */
        boolean locks() {
            return LOCKS.matcher(body).find();
        }
    }

    /** The file's functions and methods in the file's order. */
    static List<Fn> of(SourceFile file) {
        List<Fn> out = new ArrayList<>();
        int n = file.lineCount();
        for (int i = 1; i <= n; i++) {
            String head = file.line(i);
            if (!head.startsWith("func ")) {
                continue;
            }
            int end = i;
            if (!head.stripTrailing().endsWith("}")) {
                end = -1;
                for (int j = i + 1; j <= n && end < 0; j++) {
                    String l = file.line(j);
                    if (l.startsWith("}")) {
                        end = j;
                    } else if (l.startsWith("func ")) {
                        end = j - 1;
                    }
                }
                end = end < 0 ? n : end;
            }
            StringBuilder body = new StringBuilder();
            for (int j = i; j <= end; j++) {
                body.append(file.line(j)).append('\n');
            }
            boolean whole = file.allKnown(i, end) && file.line(end).startsWith("}") || end == i;
            Matcher m = METHOD.matcher(head);
            if (m.find()) {
                out.add(new Fn(m.group(1), !m.group(2).isEmpty(), m.group(3), m.group(4), i, end, whole,
                        body.toString()));
            } else {
                Matcher f = FUNCTION.matcher(head);
                out.add(new Fn(null, false, null, f.find() ? f.group(1) : "", i, end, whole, body.toString()));
            }
            i = end;
        }
        return out;
    }

    /** The count of leading whitespace characters (a tab counts one): the 0-based column of the line's code. */
    static int indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
