package kb.review.analysis;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * For {@link ContextDrops} (TMO-02): calls made without the caller's context whose context is attached another way,
 * so that the context does reach the work (precision set 14, classes BK and IF):
 * <ul>
 * <li>attached after construction: the value the call builds is given the context before it is used, in the same
 * chain ({@code db.Where(q).WithContext(ctx).First(&u)}) or through the variable it is stored in
 * ({@code req, _ := http.NewRequest(...)} then {@code client.Do(req.WithContext(ctx))}, {@code req = req.Clone(ctx)},
 * {@code op.SetContext(ctx)}).</li>
 * <li>the context twin of the call: a method named for the called one, or that name with {@code Context} added
 * ({@code PrepareContext} calling {@code c.Prepare(query)}, a {@code Ping(ctx)} calling the connection's
 * {@code Ping()}), that hands the context to another call first (a watcher that cancels the connection when the
 * context ends). The adapter implements the context-taking interface over the plain method; the context is not
 * dropped.</li>
 * </ul>
 */
final class AttachedContexts {

    private static final Pattern RECEIVER_SESSION = Pattern.compile("\\.(?:WithContext|Session)\\s*\\(");
    private static final Pattern ATTACH = Pattern.compile("\\.(?:WithContext|SetContext|Clone)$");

    private AttachedContexts() {
    }

    /** True when the call's context is attached as described above; {@code root} is the caller's context name. */
    static boolean attached(SyntaxNode call, String callee, String root, byte[] src) {
        // a chain that took the context before this call (`db.WithContext(ctx).Transaction(fn)`)
        // or whose handle was made by a call given the caller's context (`d.sessions.New(ctx).Transaction(fn)`)
        return RECEIVER_SESSION.matcher(callee).find() || inChain(call, src) || throughVariable(call, src)
                || Regexes.compiled("\\(\\s*(?:[^()]*,\\s*)?" + Pattern.quote(root) + "\\s*[,)]").matcher(callee).find()
                || twin(call, callee, root, src)
                || sessionHandle(call, callee, src) || handleFromContext(call, callee, root, src);
    }

    /**
     * A call on a handle the function made by a call it gave the caller's context ({@code db := r.DB(ctx)},
     * {@code conn := s.store.Session(ctx)}, {@code q := repo.WithTx(ctx, tx)}): an accessor handed the context returns
     * a handle bound to it (photoview's resolvers take {@code r.DB(ctx)}, which is {@code database.WithContext(ctx)};
     * set 20's AO, 13 rows). The inline form ({@code r.DB(ctx).Transaction(fn)}) is read from the callee above; this is
     * the same handle kept in a local. A handle made without the context ({@code db := r.DB()}) stays reported.
     */
    private static boolean handleFromContext(SyntaxNode call, String callee, String root, byte[] src) {
        int dot = callee.indexOf('.');
        if (dot <= 0 || !callee.substring(0, dot).matches("[\\p{L}_]\\w*")) {
            return false;
        }
        String v = Pattern.quote(callee.substring(0, dot));
        return Regexes.compiled("(?<![\\w.])" + v + "(?:\\s+\\*?[\\w.]+)?\\s*(?:,\\s*\\w+\\s*)?:?=\\s*[\\p{L}_][\\w.]*\\s*\\((?:[^()\\n]*,\\s*)?"
                + Pattern.quote(root) + "\\s*[,)]").matcher(function(call, src, false)).find();
    }

    /**
     * A gorm call on a transaction's handle: a parameter of an enclosing function literal (the Transaction callback's
     * {@code tx}) or a name the function assigns from Begin, WithContext or Session. The handle carries the context of
     * the session it came from, judged where that session starts (typed gorm entry of models/go-handles-21.yaml).
     */
    private static boolean sessionHandle(SyntaxNode call, String callee, byte[] src) {
        int dot = callee.indexOf('.');
        if (dot <= 0 || !callee.substring(0, dot).matches("[\\p{L}_]\\w*")) {
            return false;
        }
        String v = Pattern.quote(callee.substring(0, dot));
        for (SyntaxNode p = call.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("func_literal") && Regexes.compiled("(?<![\\w.])" + v + "\\s+\\*?\\s*gorm\\.DB\\b")
                    .matcher(SyntaxNode.text(src, p.getChildByFieldName("parameters"))).find()) {
                return true;
            }
        }
        // most functions name none of the three: the pattern made for the name is then neither built nor run
        String body = function(call, src, false);
        if (!body.contains("Begin") && !body.contains("WithContext") && !body.contains("Session")) {
            return false;
        }
        return Regexes.compiled("(?<![\\w.])" + v + "\\s*(?:,\\s*\\w+\\s*)?:?=[^\\n]*\\.(?:Begin|WithContext|Session)\\s*\\(")
                .matcher(body).find();
    }

    private static boolean inChain(SyntaxNode call, byte[] src) {
        SyntaxNode n = call;
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); n = p, p = p.getParent()) {
            String t = p.getType();
            if (t.equals("selector_expression")) {
                continue;
            }
            if (t.equals("call_expression") && same(p.getChildByFieldName("function"), n)) {
                if (ATTACH.matcher(SyntaxNode.text(src, n)).find()) {
                    return true;
                }
                continue;
            }
            return false;
        }
        return false;
    }

    private static boolean same(SyntaxNode a, SyntaxNode b) {
        return a != null && !a.isNull() && a.getStartByte() == b.getStartByte() && a.getEndByte() == b.getEndByte();
    }

    private static boolean throughVariable(SyntaxNode call, byte[] src) {
        SyntaxNode list = call.getParent();
        SyntaxNode holder = list == null || list.isNull() ? null : list.getParent();
        if (holder == null || holder.isNull() || !(holder.getType().equals("short_var_declaration")
                || holder.getType().equals("assignment_statement"))) {
            return false;
        }
        SyntaxNode left = holder.getChildByFieldName("left");
        if (left == null || left.isNull() || left.getNamedChildCount() == 0) {
            return false;
        }
        String v = SyntaxNode.text(src, left.getNamedChild(0)).strip();
        if (!v.matches("[\\p{L}_]\\w*")) {
            return false;
        }
        String body = function(call, src, true);
        java.util.regex.Matcher m = Regexes.compiled("(?<![\\w.])" + Pattern.quote(v)
                + "\\s*\\.\\s*(?:WithContext|SetContext|Clone)\\s*\\(").matcher(body);
        while (m.find()) {
            if (!DiscardedCopies.bareStatement(body, m.start(), m.end())) {
                return true;
            }
        }
        return false;
    }

    private static boolean twin(SyntaxNode call, String callee, String root, byte[] src) {
        for (SyntaxNode p = call.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("func_literal")) {
                return false;
            }
            if (p.getType().equals("function_declaration") || p.getType().equals("method_declaration")) {
                String own = SyntaxNode.text(src, p.getChildByFieldName("name")).strip();
                String name = callee.substring(callee.lastIndexOf('.') + 1);
                if (!callee.contains(".") || !(own.equals(name) || own.equals(name + "Context"))) {
                    return false;
                }
                String body = SyntaxNode.text(src, p.getChildByFieldName("body"));
                return Regexes.compiled("[\\p{L}_][\\w.]*\\((?:[^()]*,\\s*)?" + Pattern.quote(root) + "\\s*[,)]")
                        .matcher(body).find();
            }
        }
        return false;
    }

    private static String function(SyntaxNode n, byte[] src, boolean literals) {
        for (SyntaxNode p = n; p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("function_declaration") || t.equals("method_declaration") || literals && t.equals("func_literal")) {
                return SyntaxNode.text(src, p);
            }
        }
        return "";
    }
}
