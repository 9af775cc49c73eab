package kb.review.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * (session 53, pool53) Go: a construction of a shared client that the file shows runs again and again whatever its
 * arguments say, so the {@code peer:} conditions of its model entry (built from the receiver's configuration, in a
 * request handler, dialling the receiver's own address) need not hold:
 * <ul>
 *   <li>it sits in a loop of its own function that turns per item, per attempt or per tick (a {@code range}, a
 *   counted {@code for}, an iterator's {@code for sc.Scan()}/{@code for rows.Next()}, or a bare or conditional
 *   {@code for} paced by a ticker's receive or a {@code time.Sleep} statement of its own body), and none of its arguments reads a name the loop's header or its body (before the
 *   construction) declares or assigns: the same client, built again every turn (a context derived per turn does not
 *   count as a new argument);</li>
 *   <li>its function runs once per event by what the file shows ({@link GoPerEvent}: a per-event signature of the
 *   models, a registered handler or callback, a callee of the file's own event loop);</li>
 *   <li>it reads none of its function's parameters (a context aside) and a function of the file calls that function
 *   in such a loop: the same client for every item of the caller's loop.</li>
 * </ul>
 * Whether the value is kept (returned, stored in a field, a map or a slice) stays {@link PerCall}'s question. Not
 * here: a loop over peers that builds one client per peer (its argument reads the loop's variable), a reconnect
 * loop (a bare {@code for} with no ticker and no sleep of its own), a loop of another function.
 */
final class RepeatedBuilds {

    private static final Set<String> FUNCTIONS = Set.of("function_declaration", "method_declaration", "func_literal");
    /** A ticker's or timer's receive, anywhere in the loop's body. */
    private static final Pattern TICK = Pattern.compile(
            "<-\\s*(?:[\\w.]+\\.C\\b|time\\.(?:After|Tick)\\s*\\(|[\\w.]*(?:[tT]ick|[tT]imer)\\w*\\b)");
    /** A sleep as a statement of the loop's body itself (not of an error branch: a reconnect's back-off). */
    private static final Pattern SLEEP = Pattern.compile("^time\\.Sleep\\s*\\(");
    /** An iterator's advance as the loop's condition: a scanner's lines, a cursor's rows. */
    private static final Pattern ITERATOR = Pattern.compile("\\.\\s*(?:Scan|Next|NextRow|More)\\s*\\(\\s*\\)$");
    /** A context (derived per turn for the call's deadline): not an argument that makes the client another. */
    private static final Pattern CONTEXT = Pattern.compile("(?i)^\\w*ctx$|^context$");

    private final byte[] src;
    private final GoPerEvent events;

    RepeatedBuilds(byte[] src, GoPerEvent events) {
        this.src = src;
        this.events = events;
    }

    /** True when the construction {@code built} (a call or a composite literal) runs again with the same arguments. */
    boolean repeated(SyntaxNode built) {
        return inInvariantLoop(built) || events != null && events.of(built) != null || calledInLoop(built);
    }

    /**
     * The construction reads none of its function's parameters (a context aside), and a function of the file calls
     * that function inside a loop that turns repeatedly ({@code for _, d := range hosts { c.poll(ctx, d) }}): the
     * same client is built for every item of the caller's loop.
     */
    private boolean calledInLoop(SyntaxNode built) {
        SyntaxNode fn = built.getParent();
        while (!fn.isNull() && !FUNCTIONS.contains(fn.getType())) {
            fn = fn.getParent();
        }
        if (fn.isNull() || fn.getType().equals("func_literal")) {
            return false;
        }
        SyntaxNode name = fn.getChildByFieldName("name");
        SyntaxNode params = fn.getChildByFieldName("parameters");
        if (name == null || name.isNull() || params == null || params.isNull()) {
            return false;
        }
        Set<String> own = new HashSet<>();
        for (int i = 0; i < params.getNamedChildCount(); i++) {
            SyntaxNode decl = params.getNamedChild(i);
            for (int j = 0; j < decl.getNamedChildCount(); j++) {
                if (decl.getNamedChild(j).getType().equals("identifier")) {
                    own.add(text(decl.getNamedChild(j)));
                }
            }
        }
        Set<String> used = new HashSet<>();
        identifiers(built, used);
        for (String u : used) {
            if (own.contains(u) && !CONTEXT.matcher(u).find()) {
                return false;
            }
        }
        SyntaxNode root = fn;
        while (!root.getParent().isNull()) {
            root = root.getParent();
        }
        return calledInLoop(root, text(name), fn);
    }

    private boolean calledInLoop(SyntaxNode n, String name, SyntaxNode self) {
        if (n.getType().equals("call_expression") && !inside(n, self)) {
            SyntaxNode f = n.getChildByFieldName("function");
            String callee = f == null || f.isNull() ? "" : f.getType().equals("selector_expression")
                    ? text(f.getChildByFieldName("field")) : text(f);
            if (callee.equals(name)) {
                for (SyntaxNode p = n.getParent(); !p.isNull() && !FUNCTIONS.contains(p.getType());
                     p = p.getParent()) {
                    if (p.getType().equals("for_statement") && inBody(n, p) && turnsRepeatedly(p)) {
                        return true;
                    }
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (calledInLoop(n.getNamedChild(i), name, self)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(SyntaxNode n, SyntaxNode fn) {
        return n.getStartByte() >= fn.getStartByte() && n.getEndByte() <= fn.getEndByte();
    }

    private boolean inInvariantLoop(SyntaxNode built) {
        return invariantLoop(built) != null;
    }

    /** The innermost loop of the function that turns repeatedly around {@code built} with the same arguments. */
    private SyntaxNode invariantLoop(SyntaxNode built) {
        for (SyntaxNode p = built.getParent(); !p.isNull(); p = p.getParent()) {
            if (FUNCTIONS.contains(p.getType())) {
                return null;
            }
            if (p.getType().equals("for_statement") && inBody(built, p) && turnsRepeatedly(p)
                    && invariant(built, p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * True when {@code n} is in the loop's body: a range's expression and a for clause's initialiser are evaluated
     * once ({@code for _, t := range regexp.MustCompile(...).Split(s, -1)}, precision set 19's shiori).
     */
    private static boolean inBody(SyntaxNode n, SyntaxNode loop) {
        SyntaxNode body = loop.getChildByFieldName("body");
        return body != null && !body.isNull() && n.getStartByte() >= body.getStartByte();
    }

    /** A {@code break} or {@code return} statement: the turn that built the value may be the loop's last. */
    private static final Pattern LEAVES = Pattern.compile("(?m)^\\s*(?:break|return)\\b");

    /**
     * Go: the value {@code top} is stored in a field ({@code c.reader = kafka.NewReader(...)}) on every turn of a loop
     * that turns repeatedly with the same arguments, and nothing after it in the loop's body leaves the loop (a
     * retry that breaks once it holds one): each turn drops the one before and builds another (session 53). Kept in
     * a field, the value would otherwise count as built once.
     */
    boolean storedPerTurn(SyntaxNode top) {
        SyntaxNode list = top.getParent();
        SyntaxNode assign = list.getType().equals("expression_list") ? list.getParent() : list;
        if (!assign.getType().equals("assignment_statement")) {
            return false;
        }
        SyntaxNode left = assign.getChildByFieldName("left");
        if (left == null || left.isNull()) {
            return false;
        }
        int at = 0;
        if (list.getType().equals("expression_list")) {
            while (at < list.getNamedChildCount() && list.getNamedChild(at).getStartByte() != top.getStartByte()) {
                at++;
            }
        }
        SyntaxNode target = left.getType().equals("expression_list")
                ? at < left.getNamedChildCount() ? left.getNamedChild(at) : null : left;
        if (target == null || !text(target).strip().matches("[\\w.]+\\.\\w+")) {
            return false; // a field (c.reader, s.pool.conn), not a local
        }
        SyntaxNode loop = invariantLoop(top);
        if (loop == null) {
            return false;
        }
        SyntaxNode body = loop.getChildByFieldName("body");
        String after = new String(src, assign.getEndByte(), body.getEndByte() - assign.getEndByte(),
                java.nio.charset.StandardCharsets.UTF_8);
        return !LEAVES.matcher(after).find();
    }

    /** A range, a counted loop, or a loop paced by a tick or a sleep of its own body. */
    private boolean turnsRepeatedly(SyntaxNode loop) {
        for (int i = 0; i < loop.getNamedChildCount(); i++) {
            String t = loop.getNamedChild(i).getType();
            if (t.equals("range_clause") || t.equals("for_clause")) {
                return true;
            }
        }
        SyntaxNode body = loop.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return false;
        }
        for (int i = 0; i < loop.getNamedChildCount(); i++) {
            SyntaxNode c = loop.getNamedChild(i);
            if (c.getStartByte() < body.getStartByte() && ITERATOR.matcher(text(c).strip()).find()) {
                return true; // for sc.Scan() {...}, for rows.Next() {...}: a turn per item
            }
        }
        if (TICK.matcher(text(body)).find()) {
            return true;
        }
        SyntaxNode list = body.getNamedChildCount() == 1 && body.getNamedChild(0).getType().equals("statement_list")
                ? body.getNamedChild(0) : body;
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            if (SLEEP.matcher(text(list.getNamedChild(i)).strip()).find()) {
                return true;
            }
        }
        return false;
    }

    /** None of the construction's names is declared or assigned by the loop's header or by its body before it. */
    private boolean invariant(SyntaxNode built, SyntaxNode loop) {
        Set<String> turn = new HashSet<>();
        collectDeclared(loop, built.getStartByte(), turn);
        if (turn.isEmpty()) {
            return true;
        }
        Set<String> used = new HashSet<>();
        identifiers(built, used);
        for (String u : used) {
            if (turn.contains(u) && !CONTEXT.matcher(u).find()) {
                return false;
            }
        }
        return true;
    }

    private void collectDeclared(SyntaxNode n, int before, Set<String> out) {
        if (n.getStartByte() >= before) {
            return;
        }
        switch (n.getType()) {
            case "range_clause", "short_var_declaration", "assignment_statement" -> {
                SyntaxNode left = n.getChildByFieldName("left");
                if (left != null && !left.isNull()) {
                    assigned(left, out);
                }
            }
            case "var_spec" -> {
                for (int i = 0; i < n.getNamedChildCount(); i++) {
                    if (n.getNamedChild(i).getType().equals("identifier")) {
                        out.add(text(n.getNamedChild(i)));
                    }
                }
            }
            case "func_literal" -> {
                return; // a literal's own locals are not the loop's
            }
            default -> {
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            collectDeclared(n.getNamedChild(i), before, out);
        }
    }

    /** The names an assignment's left side sets: its plain identifiers, not a field's owner ({@code c.reader}). */
    private void assigned(SyntaxNode left, Set<String> out) {
        if (left.getType().equals("identifier")) {
            out.add(text(left));
        } else if (left.getType().equals("expression_list")) {
            for (int i = 0; i < left.getNamedChildCount(); i++) {
                assigned(left.getNamedChild(i), out);
            }
        }
    }

    /** The plain identifiers under {@code n} (not a selector's field: {@code c.cfg} reads {@code c} only). */
    private void identifiers(SyntaxNode n, Set<String> out) {
        if (n.getType().equals("identifier")) {
            out.add(text(n));
            return;
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            identifiers(n.getNamedChild(i), out);
        }
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    /** The reader of one file: its per-event functions by the models' signatures ({@code heads}). */
    static RepeatedBuilds of(SyntaxNode root, byte[] src, List<Pattern> heads) {
        return new RepeatedBuilds(src, GoPerEvent.of(root, src, heads));
    }
}
