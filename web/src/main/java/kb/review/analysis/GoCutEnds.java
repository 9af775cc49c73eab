package kb.review.analysis;

import java.util.Set;
import kb.review.diff.SyntaxNode;

/**
 * Go functions that a pasted hunk cuts (their closing brace is not in the diff) and whose results can carry what
 * they open: a constructor or a dial helper ({@code func NewProxy(c Config) (*Proxy, error)}) hands the connection
 * back inside the struct it returns, below the cut as far as the diff shows. A path that falls off such a cut has
 * only reached where the diff stops. Judged on the ninth held-out precision set (T: ten gRPC proxy constructors whose
 * hunk stopped after the dial's error check, a pool's dial, a pipe pair kept in the sockets returned; W: a file and a
 * response body closed by the defer right below the hunk; none true). A function that returns only an error or
 * plain values must end or store the value itself, and a path off its cut is still reported (set 7: a backup
 * command's file never closed).
 */
final class GoCutEnds {

    private GoCutEnds() {
    }

    /** Result types that cannot hold a connection, a file or a body. */
    private static final Set<String> PLAIN = Set.of("error", "bool", "string", "int", "int8", "int16", "int32",
            "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "float32", "float64", "byte", "rune",
            "[]byte", "[]string", "time.Duration", "time.Time");

    /** True when the function declares a result (named or not) whose type is none of {@link #PLAIN}. */
    static boolean mayReturnTheValue(SyntaxNode f, byte[] src) {
        SyntaxNode result = f.getChildByFieldName("result");
        if (result == null || result.isNull()) {
            return false;
        }
        String text = SyntaxNode.text(src, result).strip();
        if (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1);
        }
        String[] parts = text.split(",");
        // in a named list ('a, b int, err error') a lone word is a name whose type comes later
        boolean named = java.util.Arrays.stream(parts).anyMatch(p -> p.strip().contains(" "));
        for (String part : parts) {
            String[] words = part.strip().split("\\s+");
            if (named && words.length == 1) {
                continue;
            }
            String type = words[words.length - 1];
            if (!type.isEmpty() && !PLAIN.contains(type)) {
                return true;
            }
        }
        return false;
    }
}
