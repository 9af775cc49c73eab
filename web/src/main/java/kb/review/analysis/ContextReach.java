package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import kb.review.diff.SyntaxNode;

/**
 * For {@link ContextDrops} (TMO-02, session 36): a Go function that takes no context itself but that the file calls
 * only from functions given one, directly or through one more such helper ({@code Backup(ctx)} calls
 * {@code initializeRepository()}, which calls {@code runDetached(args)}, which runs {@code exec.Command}). The
 * caller's deadline and cancellation stop at the helper's signature, so a call in it that has a context-taking twin
 * drops the caller's context as surely as one made in the caller. A helper the file also calls from a function
 * without a context, names as a value (a callback, a method value) or calls from package level is not reached: its
 * other callers may have no context to give. Computed once per file from the declarations the tree shows.
 */
final class ContextReach {

    private record Fn(String name, int start, int end, String ctx) {
    }

    private static final int DEPTH = 2;

    private final List<Fn> fns = new ArrayList<>();
    /** The source decoded one character per byte, so that tree byte offsets index it. */
    private final String text;

    private ContextReach(byte[] src) {
        this.text = new String(src, StandardCharsets.ISO_8859_1);
    }

    /** @param contextOf the caller's context a declaration's parameters give, or null */
    static ContextReach of(SyntaxNode root, byte[] src, Function<SyntaxNode, String> contextOf) {
        ContextReach r = new ContextReach(src);
        for (int i = 0; i < root.getNamedChildCount(); i++) {
            SyntaxNode d = root.getNamedChild(i);
            String t = d.getType();
            if (!t.equals("function_declaration") && !t.equals("method_declaration")) {
                continue;
            }
            SyntaxNode name = d.getChildByFieldName("name");
            if (name == null || name.isNull()) {
                continue;
            }
            r.fns.add(new Fn(SyntaxNode.text(src, name), d.getStartByte(), d.getEndByte(),
                    contextOf.apply(d.getChildByFieldName("parameters"))));
        }
        return r;
    }

    /**
     * The context of the function that reaches {@code decl} (a declaration without a context of its own), or null
     * when some use of it is outside a function given a context.
     */
    String callerContext(SyntaxNode decl) {
        SyntaxNode name = decl.getChildByFieldName("name");
        if (name == null || name.isNull()) {
            return null;
        }
        String n = text.substring(name.getStartByte(), name.getEndByte());
        if (n.equals("main") || n.equals("init") || n.startsWith("Test")) {
            return null;
        }
        return reach(n, decl.getStartByte(), DEPTH, new HashSet<>());
    }

    private String reach(String name, int ownStart, int depth, Set<String> seen) {
        if (!seen.add(name)) {
            return null; // a cycle of helpers
        }
        try {
            return reachOnce(name, ownStart, depth, seen);
        } finally {
            seen.remove(name);
        }
    }

    private String reachOnce(String name, int ownStart, int depth, Set<String> seen) {
        String found = null;
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            if (at > 0 && word(text.charAt(at - 1)) || end < text.length() && word(text.charAt(end))
                    || inComment(at)) {
                continue;
            }
            Fn in = enclosing(at);
            if (in != null && in.start() == ownStart) {
                continue; // the declaration itself, or a recursive call
            }
            if (in == null || !followedByCall(end) || in.name().equals(name)) {
                return null; // package level, a function value, or another declaration of the name
            }
            String ctx = in.ctx() != null ? in.ctx() : depth > 1 ? reach(in.name(), in.start(), depth - 1, seen) : null;
            if (ctx == null) {
                return null;
            }
            found = ctx;
        }
        return found;
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** True when a line comment starts before {@code at} on its line, or a string literal is open there. */
    private boolean inComment(int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        String before = text.substring(start, at);
        if (before.contains("//")) {
            return true;
        }
        int quotes = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' || c == '`') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private boolean followedByCall(int at) {
        int i = at;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }

    private Fn enclosing(int at) {
        for (Fn f : fns) {
            if (f.start() <= at && at < f.end()) {
                return f;
            }
        }
        return null;
    }
}
