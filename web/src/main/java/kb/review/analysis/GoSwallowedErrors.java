package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go failures swallowed in their error branch (ERR-01's {@code go-error-branch-swallows-failure}): in a function that
 * has an error result, {@code if err != nil { ... }} (or {@code if v, err := f(); err != nil}) whose branch only logs
 * (at any level: {@code klog.V(4).Infof}, {@code logger.Debug}) or only gives other names a zero value
 * ({@code payload = nil}), and then falls through, while nothing after it reads {@code err}: the function goes on and
 * its caller is told the work was done (a status write lost, an unreadable body signed as empty).
 *
 * <p>Left alone, each a separator read in real code: a branch with a comment (the author says why); a branch inside a
 * loop (a per-item policy, {@code go-loop-failures-only-logged}'s); a failed clean-up (the call closes, removes, stops,
 * cancels or releases: best effort on the way out) or a failed parse of input (a fall-back to a default); any other
 * statement in the branch (a return, a send, a store of the error, a metric, a retry); a condition other than a plain
 * {@code != nil} ({@code errors.Is}, {@code os.IsNotExist}: a failure the code expects); an {@code else} that uses the
 * result (the fall-back decided in place); a comment right above the check; a check followed by a return of another
 * error (a step on a failing path); a failed call that is bookkeeping rather than the work ({@link #WORK}).
 */
public final class GoSwallowedErrors {

    private static final Pattern ERR_NAME = Pattern.compile("^(?:err\\w*|\\w+Err)$");
    /** A result list whose last result is an error: {@code error}, {@code (int, error)}, {@code (n int, err error)}. */
    private static final Pattern RETURNS_ERROR = Pattern.compile("\\berror\\s*\\)?\\s*$");
    private static final Pattern NOT_NIL = Pattern.compile("^(\\w+)\\s*!=\\s*nil$");
    /** {@code return}, {@code return nil} or {@code return x, nil}: a path that does not fail. */
    private static final Pattern NIL_RETURN = Pattern.compile("(?s)return(?:\\s+(?:[^\n]*,\\s*)?nil)?\\s*");
    /** A log call: a logger's method, klog's verbosity chain, the standard library's log and fmt prints. */
    static final Pattern LOG_CALL = Pattern.compile(
            "^(?:[\\w.]*(?i:log|logger|klog|glog|zap|logrus|slog|sugar)\\w*(?:\\(\\))?(?:\\.V\\(\\s*\\w+\\s*\\))?"
                    + "(?:\\.\\w+\\([^()]*\\))*\\.\\w+|fmt\\.(?:Print\\w*|Fprint\\w*)|[\\w.]*\\.(?:Printf|Println|Debugf?"
                    + "|Debugw|Infof?|Infow|Warnf?|Warningf?|Warnw|Errorf?|Errorw|Tracef?|V\\(\\s*\\w+\\s*\\)\\.\\w+))$");
    /** A zero value: nil, an empty literal, 0, false, an empty composite. */
    private static final Pattern ZERO = Pattern.compile("^(?:nil|\"\"|``|0|0\\.0|false|\\w+(?:\\.\\w+)?\\{\\}|\\[\\]\\w+\\{\\})$");
    /** The call that failed ends or clears something, or parses input: its failure is best effort or a fall-back. */
    private static final Pattern BEST_EFFORT = Pattern.compile(
            "(?i)(?:^|\\.)(?:close\\w*|remove\\w*|delete\\w*|stop\\w*|cancel\\w*|release\\w*|unlock\\w*|shutdown|kill\\w*"
                    + "|cleanup\\w*|rollback\\w*|unsubscribe|disconnect|drain|abort\\w*|unmount|detach|logout|restore\\w*|revert\\w*|drop\\w*|prune\\w*|parse\\w*"
                    + "|atoi|unmarshal\\w*|decode\\w*|unquote|marshal\\w*|setenv|unsetenv|chmod|chown)$");

    /**
     * The failed call does the function's work: it writes or sends state (an update, a save, a status, a publish, a
     * commit), starts or serves, or reads the input the function goes on with. Bookkeeping beside the work (marking,
     * counting, a transaction of housekeeping) is left to the author (set 20's incus prune and nezha's mark, both
     * logged on purpose).
     */
    private static final Pattern WORK = Pattern.compile(
            "(?i)(?:^|\\.)(?:update\\w*|save\\w*|set\\w*|store\\w*|write\\w*|send\\w*|publish\\w*|produce\\w*"
                    + "|commit\\w*|put\\w*|apply\\w*|patch\\w*|create\\w*|insert\\w*|upsert\\w*|persist\\w*"
                    + "|register\\w*|enable\\w*|serve\\w*|listen\\w*|start\\w*|read\\w*|load\\w*|sync\\w*|flush"
                    + "|ack\\w*|deliver\\w*|upload\\w*|copy\\w*|exec\\w*|do|post\\w*|replicate\\w*)$");

    /** A deleted statement that handed an error on: a return of an error value, a wrap or a new error. */
    private static final Pattern PROPAGATED = Pattern.compile(
            "^\\s*return\\b.*(?:\\berr\\w*\\b|\\w+Err\\b|Errorf\\(|Wrap\\w*\\(|New\\w*\\()");
    /** A log call at error level: the failure is reported as one, not tolerated as a warning or a note. */
    private static final Pattern ERROR_LEVEL = Pattern.compile("(?i)\\.(?:error|errorf|errorw|errorln|errorcontext)$");

    private final byte[] src;
    private final BiPredicate<Integer, Integer> known;
    private final java.util.BitSet replaced;

    private GoSwallowedErrors(byte[] src, BiPredicate<Integer, Integer> known, java.util.BitSet replaced) {
        this.src = src;
        this.known = known;
        this.replaced = replaced;
    }

    /** Every swallowing branch of {@code file}, at its first statement. */
    public static List<Shapes.Spot> find(SyntaxNode root, kb.review.diff.SourceFile file) {
        List<Shapes.Spot> out = new ArrayList<>();
        new GoSwallowedErrors(file.utf8(), file::allKnown, replacedReturns(file)).functions(root, out);
        return out;
    }

    /**
     * The added lines of a run of changed lines that deletes a statement handing an error on: where the change
     * replaced {@code return fmt.Errorf(...)} by something else.
     */
    static java.util.BitSet replacedReturns(kb.review.diff.SourceFile file) {
        java.util.BitSet out = new java.util.BitSet();
        for (kb.review.diff.Hunk h : file.change().hunks()) {
            List<kb.review.diff.DiffLine> lines = h.lines();
            int from = 0;
            while (from < lines.size()) {
                int to = from;
                boolean propagated = false;
                while (to < lines.size() && lines.get(to).kind() != kb.review.diff.DiffLine.Kind.CONTEXT) {
                    propagated |= lines.get(to).kind() == kb.review.diff.DiffLine.Kind.REMOVED
                            && PROPAGATED.matcher(lines.get(to).text()).find();
                    to++;
                }
                for (int i = from; propagated && i < to; i++) {
                    if (lines.get(i).kind() == kb.review.diff.DiffLine.Kind.ADDED) {
                        out.set(lines.get(i).newLine());
                    }
                }
                from = Math.max(to, from + 1);
            }
        }
        return out;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    private void functions(SyntaxNode root, List<Shapes.Spot> out) {
        GoFunctions.each(root, n -> {
            SyntaxNode result = n.getChildByFieldName("result");
            SyntaxNode body = n.getChildByFieldName("body");
            if (result != null && !result.isNull() && RETURNS_ERROR.matcher(text(result)).find() && body != null
                    && !body.isNull()) {
                block(body, body, out);
            }
        });
    }

    /** The statements of one block, then the blocks below that are not a loop's or another function's. */
    private void block(SyntaxNode block, SyntaxNode fn, List<Shapes.Spot> out) {
        List<SyntaxNode> stmts = statements(block);
        for (int i = 0; i < stmts.size(); i++) {
            SyntaxNode s = stmts.get(i);
            if (s.getType().equals("if_statement")) {
                check(s, producing(stmts, i), stmts.subList(i + 1, stmts.size()), block, block == fn, out);
            }
        }
        nested(block, fn, out);
    }

    private void nested(SyntaxNode n, SyntaxNode fn, List<Shapes.Spot> out) {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            String t = c.getType();
            if (t.equals("func_literal") || t.equals("for_statement")) {
                continue;
            }
            if (t.equals("block")) {
                block(c, fn, out);
            } else {
                nested(c, fn, out);
            }
        }
    }

    /**
     * The statements of a block (or the named children of a node without a statement list: an expression list's
     * expressions).
     */
    static List<SyntaxNode> statements(SyntaxNode block) {
        SyntaxNode list = block;
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            if (block.getNamedChild(i).getType().equals("statement_list")) {
                list = block.getNamedChild(i);
            }
        }
        List<SyntaxNode> out = new ArrayList<>();
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            out.add(list.getNamedChild(i));
        }
        return out;
    }

    private void check(SyntaxNode ifs, SyntaxNode before, List<SyntaxNode> after, SyntaxNode block, boolean top,
                       List<Shapes.Spot> out) {
        SyntaxNode cond = ifs.getChildByFieldName("condition");
        SyntaxNode body = ifs.getChildByFieldName("consequence");
        SyntaxNode alt = ifs.getChildByFieldName("alternative");
        // an else that uses the result on success is the fall-back decided in place (the value stays unset);
        // a comment right above the check says why, as inside it
        if (cond == null || cond.isNull() || body == null || body.isNull() || alt != null && !alt.isNull()
                || !cond.getType().equals("binary_expression") || commentAbove(ifs)) {
            return;
        }
        java.util.regex.Matcher m = NOT_NIL.matcher(text(cond).strip());
        if (!m.find() || !ERR_NAME.matcher(m.group(1)).matches()) {
            return;
        }
        String e = m.group(1);
        SyntaxNode init = ifs.getChildByFieldName("initializer");
        SyntaxNode producing = init != null && !init.isNull() ? init : before;
        String call = producer(producing, e);
        List<SyntaxNode> branch = statements(body);
        // a failed query whose own answer the branch zeroes (`exists = false`) is the failure read as absence
        boolean zeroed = GoErrorsAsAnswers.zeroesAnswer(producing, branch, src);
        if (call == null || BEST_EFFORT.matcher(call).find() || !WORK.matcher(call).find() && !zeroed) {
            return;
        }
        if (branch.isEmpty() || !branch.stream().allMatch(this::swallows)
                || branch.stream().noneMatch(s -> s.getType().equals("expression_statement"))
                && branch.stream().noneMatch(s -> s.getType().equals("assignment_statement"))) {
            return;
        }
        // a step on a path that already fails (the next statement returns another error): best effort on the way out
        if (!after.isEmpty() && after.get(0).getType().equals("return_statement")
                && !NIL_RETURN.matcher(text(after.get(0))).matches()) {
            return;
        }
        // the error lives on after the branch (the initializer's err dies with the if) until a statement assigns it
        // without reading it (`sig, err := sign(payload)`); an err of an outer block,
        // assigned in a nested one, may be read after it: only one declared here is followed to its end
        boolean outer = init == null || init.isNull();
        if (outer && !top && !before.getType().equals("short_var_declaration")) {
            return;
        }
        int until = block.getEndPoint().getRow() + 1;
        for (SyntaxNode s : after) {
            if (outer && overwrites(s, e)) {
                until = s.getEndPoint().getRow() + 1;
                break;
            }
            if (outer && mentions(s, e) || s.getType().equals("labeled_statement")) {
                return;
            }
        }
        int first = branch.get(0).getStartPoint().getRow() + 1;
        // the change replaced a propagation here, or the branch itself calls it an error yet goes on; a warning or a
        // note that was written so (not a deleted return) is the author's tolerated failure (set 20's and 22's
        // DDNS, metrics, EXIF and cache lines)
        boolean wasReturned = false;
        boolean errorLevel = false;
        for (SyntaxNode b : branch) {
            for (int l = b.getStartPoint().getRow() + 1; l <= b.getEndPoint().getRow() + 1; l++) {
                wasReturned |= replaced.get(l);
            }
            if (b.getType().equals("expression_statement")) {
                errorLevel |= ERROR_LEVEL.matcher(text(b.getNamedChild(0).getChildByFieldName("function"))
                        .replaceAll("\\s+", "")).find();
            }
        }
        if (!wasReturned && !errorLevel) {
            return;
        }
        // an answer zeroed where the change deleted the propagation is judged by the lines shown down to the branch's
        // end (a hunk cut below it, round 27's copy loop): the failure became the answer there, whatever follows
        if (zeroed && wasReturned) {
            until = ifs.getEndPoint().getRow() + 1;
        }
        if (!known.test(before == null ? ifs.getStartPoint().getRow() + 1 : before.getStartPoint().getRow() + 1,
                until)) {
            return;
        }
        out.add(new Shapes.Spot(first, branch.get(0).getStartPoint().getColumn() + 1, true, null));
    }

    private boolean commentAbove(SyntaxNode n) {
        SyntaxNode prev = n.getParent() == null ? null : previousNamed(n);
        return prev != null && prev.getType().equals("comment")
                && prev.getEndPoint().getRow() + 1 == n.getStartPoint().getRow();
    }

    private static SyntaxNode previousNamed(SyntaxNode n) {
        SyntaxNode parent = n.getParent();
        SyntaxNode prev = null;
        for (int i = 0; i < parent.getNamedChildCount(); i++) {
            SyntaxNode c = parent.getNamedChild(i);
            if (c.getStartByte() == n.getStartByte()) {
                return prev;
            }
            prev = c;
        }
        return null;
    }

    /**
     * The statement before {@code stmts[i]} that last assigns the checked error, past statements that do not name it
     * (a close between the read and its check); the one right before when none does.
     */
    private SyntaxNode producing(List<SyntaxNode> stmts, int i) {
        SyntaxNode ifs = stmts.get(i);
        SyntaxNode cond = ifs.getChildByFieldName("condition");
        String c = cond == null || cond.isNull() ? "" : text(cond);
        String e = (c.indexOf("!=") < 0 ? c : c.substring(0, c.indexOf("!="))).strip();
        for (int j = i - 1; j >= 0 && j >= i - 4; j--) {
            SyntaxNode s = stmts.get(j);
            if (!e.isEmpty() && mentions(s, e)) {
                return s;
            }
        }
        return i == 0 ? null : stmts.get(i - 1);
    }

    /** An assignment that gives {@code e} a new value without reading it. */
    private boolean overwrites(SyntaxNode s, String e) {
        String t = s.getType();
        if (!t.equals("short_var_declaration") && !t.equals("assignment_statement")) {
            return false;
        }
        String op = operator(s);
        if (t.equals("assignment_statement") && !op.equals("=")) {
            return false;
        }
        SyntaxNode left = s.getChildByFieldName("left");
        boolean target = false;
        for (int i = 0; i < left.getNamedChildCount(); i++) {
            target |= text(left.getNamedChild(i)).equals(e);
        }
        return target && !mentions(s.getChildByFieldName("right"), e);
    }

    /** The callee whose error {@code e} holds: the call assigned to it by {@code s}, or null. */
    private String producer(SyntaxNode s, String e) {
        if (s == null || s.isNull()) {
            return null;
        }
        String t = s.getType();
        if (!t.equals("short_var_declaration") && !t.equals("assignment_statement")) {
            return null;
        }
        SyntaxNode left = s.getChildByFieldName("left");
        SyntaxNode right = s.getChildByFieldName("right");
        if (left == null || right == null || right.getNamedChildCount() != 1
                || !right.getNamedChild(0).getType().equals("call_expression")
                || !text(left.getNamedChild(left.getNamedChildCount() - 1)).equals(e)) {
            return null;
        }
        return text(right.getNamedChild(0).getChildByFieldName("function"));
    }

    /** A statement of the branch that neither leaves nor hands the failure on: a log call, a zero value given. */
    private boolean swallows(SyntaxNode s) {
        String t = s.getType();
        if (t.equals("expression_statement")) {
            SyntaxNode c = s.getNamedChildCount() == 1 ? s.getNamedChild(0) : null;
            return c != null && c.getType().equals("call_expression")
                    && LOG_CALL.matcher(text(c.getChildByFieldName("function")).replaceAll("\\s+", "")).matches();
        }
        if (t.equals("assignment_statement")) {
            String op = operator(s);
            SyntaxNode left = s.getChildByFieldName("left");
            SyntaxNode right = s.getChildByFieldName("right");
            if (!op.equals("=") || left.getNamedChildCount() != right.getNamedChildCount()) {
                return false;
            }
            for (int i = 0; i < left.getNamedChildCount(); i++) {
                if (!left.getNamedChild(i).getType().equals("identifier")
                        || ERR_NAME.matcher(text(left.getNamedChild(i))).matches()
                        || !ZERO.matcher(text(right.getNamedChild(i)).strip()).matches()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private boolean mentions(SyntaxNode n, String v) {
        return SyntaxNode.mentions(src, n, v);
    }

    /** An assignment's operator ({@code =}, {@code +=}, {@code :=}): the text between its two sides. */
    private String operator(SyntaxNode s) {
        SyntaxNode left = s.getChildByFieldName("left");
        SyntaxNode right = s.getChildByFieldName("right");
        if (left == null || left.isNull() || right == null || right.isNull()) {
            return "";
        }
        return new String(src, left.getEndByte(), right.getStartByte() - left.getEndByte(),
                java.nio.charset.StandardCharsets.UTF_8).strip();
    }
}
