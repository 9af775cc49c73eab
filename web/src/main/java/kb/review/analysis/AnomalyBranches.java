package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Log lines in a branch of a loop that handles one anomalous element and hands the anomaly on, so the line is not the
 * per-element flood LOG-01 names (session 29, logprec29; the precision sets' class J).
 * <ul>
 *   <li>{@link #recordsFailure}: the branch (an {@code if}, {@code else} or {@code catch} inside the loop) also
 *   records the element's failure in a result the caller receives: a failure list ({@code failedMsgs.add(...)},
 *   {@code errs = append(errs, err)}), a response's failure entry ({@code addPurgeBatchFailure(response, ...)}),
 *   a client exception collecting the request's invalid parts ({@code scce.addException(...)}). The loop walks one
 *   request's or one upload's entries and every bad entry is answered to the caller; the line is a copy of that
 *   answer, bounded by the request. A list or slice local to the function is no such record either: it is the
 *   tally behind a summary line after the loop (session 26's class, {@code FailureSummaryLogTest}). A counter ({@code failed++}, {@code metrics.recordFailure()}, any recording call
 *   with no argument) is no such record: a tally summed after the loop is the reading of {@code SummarisedLoops},
 *   and stays reported.</li>
 *   <li>{@link #unmatchedDefault}: the {@code default} of a {@code switch} in the loop that only logs (and leaves the
 *   switch or the turn): the branch for a value none of the cases names, an operator or type the code does not
 *   support, not the loop's work. A Go {@code select}'s default is the loop's idle turn and is not this.</li>
 *   <li>{@link #unmatchedType}: the same branch written as an {@code if}: the last {@code else} of a chain whose
 *   every test is a type test of the element ({@code instanceof}), {@code if (!(m instanceof T))}, or Go's
 *   {@code if !ok} after a type assertion, when the branch only logs (and leaves): a message of a kind the consumer
 *   does not handle (session 38, log38).</li>
 * </ul>
 */
final class AnomalyBranches {

    private static final Set<String> LOOPS = Set.of("for_statement", "enhanced_for_statement", "while_statement",
            "do_statement");
    private static final Set<String> BOUNDARIES = Set.of("method_declaration", "constructor_declaration",
            "class_body", "static_initializer", "func_literal", "function_declaration", "lambda_expression");
    /** The name of a collection or call that holds failures. */
    private static final String FAILURE = "(?:[Ff]ail|[Ee]rr(?:or|s\\b)|[Ii]nvalid|[Rr]eject|[Pp]roblem|[Vv]iolation"
            + "|[Ee]xception|[Ss]kipped|[Uu]nprocessed)";
    /** A call that adds to a failure collection ({@code failedTermMsgs.add(x)}, {@code getFailures().put(k, v)}). */
    private static final Pattern ADDS_TO_FAILURES = Pattern.compile(
            "^[\\w$.()\\[\\]\"]*" + FAILURE + "[\\w$.()\\[\\]\"]*\\.(?:add|addAll|put|putIfAbsent|offer|append)\\s*\\(");
    /** A call that records a failure by its name ({@code addPurgeBatchFailure(...)}, {@code scce.addException(e)}). */
    private static final Pattern RECORDS_FAILURE = Pattern.compile(
            "^(?:[\\w$.()\\[\\]]*\\.)?(?:add|record|register|report|collect|append|mark)\\w*" + FAILURE
                    + "\\w*\\s*\\(");
    /** Go: a failure slice or joined error grown in the branch ({@code errs = append(errs, err)}). */
    private static final Pattern GO_APPENDS_FAILURE = Pattern.compile(
            "^[\\w.]*" + FAILURE + "\\w*\\s*=\\s*(?:append|errors\\.Join|multierr(?:or)?\\.Append)\\s*\\(");
    /** A call on a metrics object: it counts the failure, it does not hand the element on. */
    private static final Pattern METRIC = Pattern.compile(
            "^[\\w$.()]*?(?i:metric|meter|counter|stats|statistic|histogram|gauge|telemetry)\\w*(?:\\(\\))?\\.");
    /** A call with no argument ({@code recordFailure()}): nothing of the element is recorded. */
    private static final Pattern NO_ARGUMENT = Pattern.compile("^[\\w$.()]*\\w\\s*\\(\\s*\\)\\s*;?$");
    /** A statement that only leaves the switch or the turn. */
    private static final Pattern LEAVES = Pattern.compile("^(?:break|continue|return)\\b[^;{}]*;?$");

    private AnomalyBranches() {
    }

    /** True when the log call {@code call} is in one of the two branches the class comment names. */
    static boolean exempt(SyntaxNode call, byte[] src, boolean go) {
        return recordsFailure(call, src, go) || unmatchedDefault(call, src, go) || unmatchedType(call, src, go);
    }

    /** The statement that holds {@code call} (its expression statement), or null. */
    private static SyntaxNode statement(SyntaxNode call) {
        SyntaxNode p = call.getParent();
        return p != null && !p.isNull() && p.getType().equals("expression_statement") ? p : null;
    }

    /**
     * True when the block holding the log statement is the body of an {@code if}, {@code else} or {@code catch} that
     * lies inside a loop of the same function, and another statement of that block records a failure.
     */
    static boolean recordsFailure(SyntaxNode call, byte[] src, boolean go) {
        SyntaxNode stmt = statement(call);
        if (stmt == null) {
            return false;
        }
        SyntaxNode list = stmt.getParent();
        if (list == null || list.isNull()) {
            return false;
        }
        SyntaxNode block = list.getType().equals("statement_list") ? list.getParent() : list;
        if (block == null || block.isNull() || !block.getType().equals("block")) {
            return false;
        }
        SyntaxNode branch = block.getParent();
        if (branch == null || branch.isNull() || !branch.getType().equals("if_statement")
                && !branch.getType().equals("catch_clause")) {
            return false;
        }
        if (!insideLoop(branch, src)) {
            return false;
        }
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            SyntaxNode s = list.getNamedChild(i);
            if (s.getStartByte() == stmt.getStartByte()) {
                continue;
            }
            String t = text(src, s).strip();
            if (METRIC.matcher(t).find() || NO_ARGUMENT.matcher(t).find()) {
                continue; // a counter of failures (metrics.recordFailure()): a tally, not the element's record
            }
            if ((ADDS_TO_FAILURES.matcher(t).find() || RECORDS_FAILURE.matcher(t).find()
                    || go && GO_APPENDS_FAILURE.matcher(t).find()) && !intoLocal(t, branch, src)) {
                return true;
            }
        }
        return false;
    }

    /** The identifier a recording statement starts with: the collection, the receiver or the recording method. */
    private static final Pattern ROOT = Pattern.compile("^(?:this\\.)?([\\w$]+)");

    /**
     * True when the recording statement {@code t} writes into a variable declared in the function around
     * {@code branch} (a local list or slice): a tally the function keeps for itself, which session 26's class reads as
     * the count behind a summary line after the loop ({@code rejected.add(id)} then {@code LOG.warn("{} records not
     * imported", rejected.size())}), and the line per element beside it as the flood. A parameter's collection, a
     * response's, or a call named for recording hands the failure to the caller.
     */
    private static boolean intoLocal(String t, SyntaxNode branch, byte[] src) {
        var m = ROOT.matcher(t);
        if (!m.find()) {
            return false;
        }
        String root = m.group(1);
        for (SyntaxNode p = branch.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (BOUNDARIES.contains(p.getType()) && !p.getType().equals("class_body")) {
                SyntaxNode body = p.getChildByFieldName("body");
                return body != null && !body.isNull() && declares(body, root, src);
            }
        }
        return false;
    }

    /** True when {@code n} declares a local named {@code name} (Java or Go), outside nested functions. */
    private static boolean declares(SyntaxNode n, String name, byte[] src) {
        switch (n.getType()) {
            case "variable_declarator", "var_spec" -> {
                SyntaxNode id = n.getChildByFieldName("name");
                if (id != null && !id.isNull() && text(src, id).equals(name)) {
                    return true;
                }
            }
            case "short_var_declaration" -> {
                SyntaxNode left = n.getChildByFieldName("left");
                if (left != null && !left.isNull()
                        && java.util.Arrays.asList(text(src, left).split("\\s*,\\s*")).contains(name)) {
                    return true;
                }
            }
            case "func_literal", "lambda_expression", "class_body" -> {
                return false;
            }
            default -> {
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (declares(n.getNamedChild(i), name, src)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the log statement is in the {@code default} group of a {@code switch} inside a loop, and every other
     * statement of that group only leaves ({@code break}, {@code continue}, {@code return}).
     */
    static boolean unmatchedDefault(SyntaxNode call, byte[] src, boolean go) {
        SyntaxNode stmt = statement(call);
        if (stmt == null) {
            return false;
        }
        SyntaxNode group = stmt.getParent();
        if (group != null && !group.isNull() && group.getType().equals("statement_list")) {
            group = group.getParent(); // Go: default_case > statement_list
        }
        if (group == null || group.isNull()) {
            return false;
        }
        if (go) {
            SyntaxNode sw = group.getParent();
            if (!group.getType().equals("default_case") || sw == null || sw.isNull()
                    || !sw.getType().equals("expression_switch_statement")
                    && !sw.getType().equals("type_switch_statement")) {
                return false;
            }
        } else if (!group.getType().equals("switch_block_statement_group")
                || !text(src, group).strip().startsWith("default")) {
            return false;
        }
        SyntaxNode list = group.getNamedChildCount() > 0 && group.getNamedChild(group.getNamedChildCount() - 1)
                .getType().equals("statement_list") ? group.getNamedChild(group.getNamedChildCount() - 1) : group;
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            SyntaxNode s = list.getNamedChild(i);
            String type = s.getType();
            if (s.getStartByte() == stmt.getStartByte() || type.equals("switch_label") || type.endsWith("comment")) {
                continue;
            }
            if (!LEAVES.matcher(text(src, s).strip()).matches()) {
                return false;
            }
        }
        return insideLoop(group, src);
    }

    /** A type test: Java's {@code instanceof}, or a Go type assertion's {@code ok} tested false. */
    private static final Pattern TYPE_TEST = Pattern.compile("\\binstanceof\\b");
    private static final Pattern NEGATED_TYPE_TEST = Pattern.compile("^!\\s*\\(.*\\binstanceof\\b[^&|]*\\)$");
    private static final Pattern GO_ASSERTION = Pattern.compile("^[\\w, ]*\\bok\\s*:?=\\s*[\\w.\\[\\]()]+\\.\\((?!type\\))[^()]*\\)$");

    /**
     * True when the log statement is in a block, inside a loop, that an element of a type the code does not handle
     * takes ({@link #exempt}'s third case), and every other statement of that block only leaves.
     */
    static boolean unmatchedType(SyntaxNode call, byte[] src, boolean go) {
        SyntaxNode stmt = statement(call);
        if (stmt == null) {
            return false;
        }
        SyntaxNode list = stmt.getParent();
        SyntaxNode block = list != null && !list.isNull() && list.getType().equals("statement_list")
                ? list.getParent() : list;
        if (block == null || block.isNull() || !block.getType().equals("block")) {
            return false;
        }
        SyntaxNode branch = block.getParent();
        if (branch == null || branch.isNull() || !branch.getType().equals("if_statement") || !insideLoop(branch, src)
                || !onlyLeaves(list, stmt, src)) {
            return false;
        }
        SyntaxNode consequence = branch.getChildByFieldName("consequence");
        boolean inElse = consequence == null || consequence.isNull()
                || consequence.getStartByte() != block.getStartByte();
        if (!inElse) {
            String test = kb.review.diff.CodeText.unwrap(text(src, branch.getChildByFieldName("condition")).strip());
            if (go) {
                SyntaxNode init = branch.getChildByFieldName("initializer");
                if (init == null || init.isNull()) {
                    init = previous(branch); // v, ok := x.(T) on the line above the if
                }
                return test.equals("!ok") && init != null && !init.isNull()
                        && GO_ASSERTION.matcher(text(src, init).strip()).matches();
            }
            return NEGATED_TYPE_TEST.matcher(test).matches();
        }
        // the last else of an if / else-if chain: every test of the chain is a type test
        for (SyntaxNode p = branch; p != null && !p.isNull() && p.getType().equals("if_statement"); ) {
            SyntaxNode c = p.getChildByFieldName("condition");
            if (c == null || c.isNull() || !TYPE_TEST.matcher(text(src, c)).find()
                    || text(src, c).contains("||") || text(src, c).contains("&&")) {
                return false;
            }
            SyntaxNode up = p.getParent();
            p = up != null && !up.isNull() && up.getType().equals("if_statement")
                    && up.getChildByFieldName("alternative") != null
                    && same(up.getChildByFieldName("alternative"), p) ? up : null;
        }
        return !go;
    }

    private static boolean same(SyntaxNode a, SyntaxNode b) {
        return !a.isNull() && a.getStartByte() == b.getStartByte() && a.getEndByte() == b.getEndByte();
    }

    /** The named sibling before {@code n}, or null. */
    private static SyntaxNode previous(SyntaxNode n) {
        SyntaxNode p = n.getParent();
        SyntaxNode before = null;
        for (int i = 0; p != null && !p.isNull() && i < p.getNamedChildCount(); i++) {
            SyntaxNode c = p.getNamedChild(i);
            if (c.getStartByte() == n.getStartByte()) {
                return before;
            }
            before = c;
        }
        return null;
    }

    /** True when every statement of {@code list} but {@code stmt} (and comments) only leaves. */
    private static boolean onlyLeaves(SyntaxNode list, SyntaxNode stmt, byte[] src) {
        for (int i = 0; i < list.getNamedChildCount(); i++) {
            SyntaxNode s = list.getNamedChild(i);
            if (s.getStartByte() != stmt.getStartByte() && !s.getType().endsWith("comment")
                    && !LEAVES.matcher(text(src, s).strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** True when a loop (or a lambda given to {@code forEach}) holds {@code n} within its function. */
    private static boolean insideLoop(SyntaxNode n, byte[] src) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (LOOPS.contains(t) || t.equals("lambda_expression") && LoopGuards.perElementBody(p, src)) {
                return true;
            }
            if (BOUNDARIES.contains(t)) {
                return false;
            }
        }
        return false;
    }
}
