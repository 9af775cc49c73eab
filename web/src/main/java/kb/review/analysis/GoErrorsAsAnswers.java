package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Go failures turned into an ordinary answer (ERR-01's {@code go-error-answered-as-absent}): in a function whose last
 * result is an error, {@code if err != nil { return false, nil }} (or {@code return nil, nil}, {@code return "", nil},
 * {@code return 0, nil}, after log lines or not): the call failed, and the caller is told "not there", "no rows",
 * "not allowed" with a nil error, so it cannot tell an outage from an answer and decides on it. Real fixes return the
 * error and keep the answer only for the failure that means absence ({@code os.IsNotExist(err)},
 * {@code apierrors.IsNotFound(err)}, {@code errors.Is(err, sql.ErrNoRows)}, {@code err == redis.Nil}).
 *
 * <p>Taken when the change replaced a propagation there (a deleted {@code return ..., err}), or when the failed call
 * is a lookup (an existence check, a stat, a get, find, read or query: the answer the branch gives is the one a
 * missing thing would give). Left alone, each a separator read in real code: a condition other than a plain
 * {@code != nil} (the expected failure named); a comment in the branch or right above the check; a failed parse,
 * decode or validation of input (a default for bad input); a function whose name asks for the fall-back
 * ({@code tryX}, {@code xOrDefault}, {@code maybeX}); a branch that does anything but log or zero values first; a
 * return whose answer is not a zero value (a marker the caller can test).
 *
 * <p>{@link #zeroesAnswer} is the same class for a branch that falls through: the error branch gives the call's own
 * answer its zero value ({@code exists, err := dst.Exists(...)}, then {@code exists = false}), read by
 * {@link GoSwallowedErrors} whatever the call's name.
 */
public final class GoErrorsAsAnswers {

    private static final Pattern ERR_NAME = Pattern.compile("^(?:err\\w*|\\w+Err)$");
    private static final Pattern CHECK = Pattern.compile("^(\\w+)\\s*!=\\s*nil$");
    /** A zero answer: nil, false, 0, an empty string or composite. */
    private static final Pattern ZERO = Pattern.compile(
            "^(?:nil|\"\"|``|0|0\\.0|false|\\w+(?:\\.\\w+)?\\{\\}|\\[\\]\\w+(?:\\.\\w+)?\\{\\}|map\\[[^\\]]+\\][\\w.*]+\\{\\})$");
    /** The failed call checks or reads input: the branch is a default for bad input. */
    private static final Pattern INPUT = Pattern.compile(
            "(?i)(?:^|\\.)(?:parse\\w*|atoi|atof|unquote|unmarshal\\w*|decode\\w*|validate\\w*|verify\\w*|expect\\w*"
                    + "|\\w*regexp?\\w*|compile\\w*|match\\w*|convert\\w*|format\\w*|marshal\\w*)$");
    /** The failed call is a lookup: its failure, answered as absent, is the "could not look" read as "not there". */
    private static final Pattern LOOKUP = Pattern.compile(
            "(?i)(?:^|\\.)(?:exists?\\w*|has\\w*|is[A-Z]\\w*|get\\w*|find\\w*|lookup\\w*|l?stat|fetch\\w*|load\\w*"
                    + "|read\\w*|query\\w*|list\\w*|head\\w*|describe\\w*|contains\\w*|count\\w*|search\\w*)$");
    /** A function whose name asks for the fall-back. */
    /** A result list whose last result is an error ({@code error}, {@code int, error}, {@code ok bool, err error}). */
    private static final Pattern LAST_IS_ERROR = Pattern.compile("(?s).*\\berror");
    private static final Pattern FALLBACK = Pattern.compile(
            "^(?:try[A-Z_]\\w*|maybe[A-Z_]\\w*|\\w*(?:OrDefault|OrNil|OrZero|OrEmpty|IfExists|Quietly|BestEffort))$");

    private final byte[] src;
    private final kb.review.diff.SourceFile file;
    private final java.util.BitSet replaced;

    private GoErrorsAsAnswers(kb.review.diff.SourceFile file) {
        this.src = file.utf8();
        this.file = file;
        this.replaced = GoSwallowedErrors.replacedReturns(file);
    }

    /** Every error branch of {@code file} that answers a failure as an ordinary value, at its return. */
    public static List<Shapes.Spot> find(SyntaxNode root, kb.review.diff.SourceFile file) {
        List<Shapes.Spot> out = new ArrayList<>();
        new GoErrorsAsAnswers(file).functions(root, out);
        return out;
    }

    private String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    private void functions(SyntaxNode root, List<Shapes.Spot> out) {
        GoFunctions.each(root, n -> {
            SyntaxNode result = n.getChildByFieldName("result");
            SyntaxNode body = n.getChildByFieldName("body");
            SyntaxNode name = n.getChildByFieldName("name");
            String r = result == null || result.isNull() ? "" : text(result).strip();
            boolean list = r.startsWith("(");
            r = list ? r.substring(1, r.length() - 1).strip() : r;
            boolean fallback = name != null && !name.isNull() && FALLBACK.matcher(text(name)).matches();
            if (LAST_IS_ERROR.matcher(r).matches() && body != null && !body.isNull() && !fallback) {
                int results = kb.review.diff.TopLevelCommas.in(r).length + 1;
                // named results (`(ok bool, err error)`) count by their names; a bare return is not read here
                ifs(body, results, out);
            }
        });
    }

    /** The if statements of a function body, not those of the function literals inside it (read on their own). */
    private void ifs(SyntaxNode n, int results, List<Shapes.Spot> out) {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (c.getType().equals("func_literal")) {
                continue;
            }
            if (c.getType().equals("if_statement")) {
                check(c, results, out);
            }
            ifs(c, results, out);
        }
    }

    private void check(SyntaxNode ifs, int results, List<Shapes.Spot> out) {
        SyntaxNode cond = ifs.getChildByFieldName("condition");
        SyntaxNode body = ifs.getChildByFieldName("consequence");
        SyntaxNode alt = ifs.getChildByFieldName("alternative");
        if (cond == null || cond.isNull() || body == null || body.isNull() || alt != null && !alt.isNull()
                || !cond.getType().equals("binary_expression")) {
            return;
        }
        java.util.regex.Matcher m = CHECK.matcher(text(cond).strip());
        if (!m.find() || !ERR_NAME.matcher(m.group(1)).matches()) {
            return;
        }
        List<SyntaxNode> branch = GoSwallowedErrors.statements(body);
        if (branch.isEmpty() || !branch.get(branch.size() - 1).getType().equals("return_statement")
                || hasComment(body) || commentAbove(ifs)) {
            return;
        }
        for (SyntaxNode s : branch.subList(0, branch.size() - 1)) {
            if (!logs(s)) {
                return;
            }
        }
        SyntaxNode ret = branch.get(branch.size() - 1);
        SyntaxNode returned = ret.getNamedChildCount() == 1 ? ret.getNamedChild(0) : null;
        List<SyntaxNode> values = returned == null ? List.of()
                : returned.getType().equals("expression_list") ? GoSwallowedErrors.statements(returned)
                : List.of(returned);
        if (values.size() != results || !text(values.get(results - 1)).strip().equals("nil")) {
            return;
        }
        boolean verdict = false;
        for (SyntaxNode v : values.subList(0, results - 1)) {
            String a = text(v).strip();
            if (!ZERO.matcher(a).matches() && !a.equals("true")) {
                return;
            }
            verdict |= a.equals("true") || a.equals("false") || a.equals("0");
        }
        String e = m.group(1);
        SyntaxNode init = ifs.getChildByFieldName("initializer");
        String call = producer(init != null && !init.isNull() ? init : previous(ifs, e), e);
        if (call == null || INPUT.matcher(call).find()) {
            return;
        }
        int line = ret.getStartPoint().getRow() + 1;
        boolean wasReturned = false;
        for (int l = body.getStartPoint().getRow() + 1; l <= body.getEndPoint().getRow() + 1; l++) {
            wasReturned |= replaced.get(l);
        }
        // new code: the failed call is a lookup and the branch gives a verdict (false, true, 0: "not there", "none");
        // the absent value alone (nil, "") is the fall-back of optional data (a file that may be missing), as Java's
        // java-failure-returned-as-result leaves it
        if (!wasReturned && (results < 2 || !verdict || !LOOKUP.matcher(call).find())) {
            return;
        }
        int from = init != null && !init.isNull() ? ifs.getStartPoint().getRow() + 1 : line - 2;
        if (!file.allKnown(Math.max(1, from), body.getEndPoint().getRow() + 1)) {
            return;
        }
        out.add(new Shapes.Spot(line, ret.getStartPoint().getColumn() + 1, true, null));
    }

    /** A comment anywhere in the branch ({@code // log disabled}): the author says why the failure is an answer. */
    private static boolean hasComment(SyntaxNode n) {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (c.getType().equals("comment") || hasComment(c)) {
                return true;
            }
        }
        return false;
    }

    /** A log call statement (any logger, any level, fmt prints). */
    private boolean logs(SyntaxNode s) {
        if (!s.getType().equals("expression_statement") || s.getNamedChildCount() != 1
                || !s.getNamedChild(0).getType().equals("call_expression")) {
            return false;
        }
        return GoSwallowedErrors.LOG_CALL.matcher(
                Regexes.withoutSpace(text(s.getNamedChild(0).getChildByFieldName("function")))).matches();
    }

    private boolean commentAbove(SyntaxNode n) {
        SyntaxNode parent = n.getParent();
        if (parent == null || parent.isNull()) {
            return false;
        }
        SyntaxNode prev = null;
        for (int i = 0; i < parent.getNamedChildCount(); i++) {
            SyntaxNode c = parent.getNamedChild(i);
            if (c.getStartByte() == n.getStartByte()) {
                break;
            }
            prev = c;
        }
        return prev != null && prev.getType().equals("comment")
                && prev.getEndPoint().getRow() + 1 == n.getStartPoint().getRow();
    }

    /** The statement before {@code ifs} in its block that assigns {@code e}, up to four back; null when none. */
    private SyntaxNode previous(SyntaxNode ifs, String e) {
        SyntaxNode parent = ifs.getParent();
        if (parent == null || parent.isNull()) {
            return null;
        }
        int at = -1;
        for (int i = 0; i < parent.getNamedChildCount(); i++) {
            if (parent.getNamedChild(i).getStartByte() == ifs.getStartByte()) {
                at = i;
            }
        }
        for (int j = at - 1; j >= 0 && j >= at - 4; j--) {
            SyntaxNode s = parent.getNamedChild(j);
            if (producer(s, e) != null) {
                return s;
            }
        }
        return null;
    }

    /** The callee whose error {@code e} receives from {@code s} (its last left-hand name), or null. */
    static String producer(SyntaxNode s, String e, byte[] src) {
        if (s == null || s.isNull()) {
            return null;
        }
        String t = s.getType();
        if (!t.equals("short_var_declaration") && !t.equals("assignment_statement")) {
            return null;
        }
        SyntaxNode left = s.getChildByFieldName("left");
        SyntaxNode right = s.getChildByFieldName("right");
        if (left == null || left.isNull() || right == null || right.isNull() || right.getNamedChildCount() != 1
                || !right.getNamedChild(0).getType().equals("call_expression")
                || !SyntaxNode.text(src, left.getNamedChild(left.getNamedChildCount() - 1)).equals(e)) {
            return null;
        }
        return SyntaxNode.text(src, right.getNamedChild(0).getChildByFieldName("function"));
    }

    private String producer(SyntaxNode s, String e) {
        return producer(s, e, src);
    }

    /**
     * True when the error branch {@code branch} gives one of the call's own answers (a left-hand name of
     * {@code producing} other than the error) a zero value: the failure becomes the answer "absent".
     */
    static boolean zeroesAnswer(SyntaxNode producing, List<SyntaxNode> branch, byte[] src) {
        if (producing == null || producing.isNull() || !producing.getType().equals("short_var_declaration")
                && !producing.getType().equals("assignment_statement")) {
            return false;
        }
        SyntaxNode left = producing.getChildByFieldName("left");
        java.util.Set<String> answers = new java.util.HashSet<>();
        for (int i = 0; left != null && i + 1 < left.getNamedChildCount(); i++) {
            answers.add(SyntaxNode.text(src, left.getNamedChild(i)));
        }
        answers.remove("_");
        for (SyntaxNode s : branch) {
            SyntaxNode l = s.getType().equals("assignment_statement") ? s.getChildByFieldName("left") : null;
            SyntaxNode r = l == null ? null : s.getChildByFieldName("right");
            for (int i = 0; l != null && i < l.getNamedChildCount() && i < r.getNamedChildCount(); i++) {
                if (answers.contains(SyntaxNode.text(src, l.getNamedChild(i)))
                        && ZERO.matcher(SyntaxNode.text(src, r.getNamedChild(i)).strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
