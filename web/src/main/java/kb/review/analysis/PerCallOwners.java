package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Java objects that own a pool and are themselves made per call. A pool in a field initialiser
 * ({@code private final ExecutorService writer = Executors.newSingleThreadExecutor();}) is built once per instance of
 * its class: one-time for a service made at start-up, per call when code of the change makes an instance in a method
 * that runs per call and lets it go (a local, never stored in a field nor returned). The pool's threads then pile up,
 * one set per call, and nothing shuts them down.
 */
final class PerCallOwners {

    private static final Pattern LOCAL = Pattern.compile("[\\w>\\]]\\s+([\\w$]+)\\s*=\\s*$");

    private PerCallOwners() {
    }

    /** The field declaration whose initialiser holds {@code built} (not inside a lambda or a method), or null. */
    static SyntaxNode initialised(SyntaxNode built) {
        for (SyntaxNode p = built.getParent(); !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "field_declaration" -> {
                    return p;
                }
                case "lambda_expression", "class_body", "method_declaration", "constructor_declaration" -> {
                    return null;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /**
     * Why the pool built at {@code built} in the initialiser of the instance field {@code declaration} runs per call,
     * or null (a static field, or see {@link #why}).
     */
    static String field(SyntaxNode declaration, SyntaxNode built, byte[] src, Summaries summaries) {
        if (summaries == null) {
            return null;
        }
        String name = null;
        for (int i = 0; i < declaration.getNamedChildCount(); i++) {
            SyntaxNode c = declaration.getNamedChild(i);
            if (c.getType().equals("modifiers") && text(src, c).matches("(?s).*\\bstatic\\b.*")) {
                return null;
            }
            if (c.getType().equals("variable_declarator") && c.getStartByte() <= built.getStartByte()
                    && built.getEndByte() <= c.getEndByte()) {
                name = text(src, c.getChildByFieldName("name"));
            }
        }
        SyntaxNode owner = declaration.getParent().getParent();
        if (owner.isNull() || !owner.getType().equals("class_declaration") || name == null) {
            return null; // an enum's or a record's field, an anonymous class's: not made with new Owner(...)
        }
        return why(text(src, owner.getChildByFieldName("name")), name, text(src, owner), summaries);
    }

    /** {@link SyntaxNode#text}, but null for an absent node: the callers here test for null, not for "". */
    private static String text(byte[] src, SyntaxNode n) {
        return n == null || n.isNull() ? null : SyntaxNode.text(src, n);
    }

    /**
     * Why the pool in the field {@code field} of class {@code owner} (declared in {@code fileText}) runs per call,
     * or null: when the class shuts the field's pool down itself, or no method of the change makes a throwaway
     * instance of the class.
     */
    static String why(String owner, String field, String fileText, Summaries summaries) {
        if (owner == null || field == null || summaries == null
                || Pattern.compile("(?<![\\w$])" + Pattern.quote(field) + "\\s*\\.\\s*(shutdown|shutdownNow|close)\\s*\\(")
                .matcher(fileText).find()) {
            return null;
        }
        Pattern made = Pattern.compile("(?<![\\w$.])new\\s+" + Pattern.quote(owner) + "\\s*(?:<[^>]*>)?\\s*\\(");
        for (Summaries.Function f : (Iterable<Summaries.Function>) summaries.all()::iterator) {
            if (f.file() == null || !f.file().endsWith(".java") || f.name().startsWith("new ")
                    || f.name().equals("main") || !f.body().contains(owner)) {
                continue;
            }
            Matcher m = made.matcher(f.body());
            while (m.find()) {
                if (throwaway(f.body(), m.start())) {
                    return "in a field of " + owner + ", which " + f.name() + (f.owner() == null ? ""
                            : " (" + f.owner() + ")") + " makes anew on every call and never shuts down";
                }
            }
        }
        return null;
    }

    /**
     * True when the instance made at {@code at} is kept only by a local of the method: not returned, not stored in a
     * field or a collection, not closed or shut down by the method, not made inside a lambda (a
     * {@code computeIfAbsent} cache makes one per key, once).
     */
    private static boolean throwaway(String written, int at) {
        // code only (offsets kept): a log line or a comment that says "pool.shutdown()" shuts nothing down
        String body = CodeText.code(written);
        int start = Math.max(body.lastIndexOf(';', at), Math.max(body.lastIndexOf('{', at), body.lastIndexOf('}', at)));
        String before = body.substring(start + 1, at);
        if (before.contains("->") || before.contains("return")) {
            return false;
        }
        Matcher local = LOCAL.matcher(before);
        if (!local.find()) {
            return false; // a field write, an argument or a chained call: kept, or where it goes is not seen here
        }
        String name = local.group(1);
        String rest = body.substring(at);
        return !Pattern.compile("\\breturn\\s+" + Pattern.quote(name) + "\\b|[\\w\\]]\\s*\\.\\s*[\\w$]+\\s*=\\s*"
                + Pattern.quote(name) + "\\s*;|(?<![\\w$.])(?:this\\s*\\.\\s*)?[\\w$]+\\s*=\\s*" + Pattern.quote(name)
                + "\\s*;|\\.\\s*(?:put|add|offer|register|set\\w*)\\s*\\([^;]*(?<![\\w$])" + Pattern.quote(name)
                + "\\s*[,)]|" + Pattern.quote(name) + "\\s*\\.\\s*(?:close|shutdown|stop)\\s*\\(")
                .matcher(rest).find();
    }
}
