package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Whether a loop around a logging call repeats with the traffic (LOG-01 is about those) or with something small and
 * fixed. Found as false positives on the newest commits of six real Go and Java projects:
 *
 * <ul>
 * <li>A retry loop with a small fixed bound ({@code for (int i = 0; i < RETRY_TIMES && !ok; i++)},
 * {@code for attempt := 0; attempt < 3; attempt++}) logs a few lines per call, however much traffic there is.</li>
 * <li>A log on a branch of an {@code if} (a skipped, inconsistent or unexpected element) repeats with the traffic only
 * when the loop walks input: a collection the function was given, or a service loop that takes one message per turn
 * ({@code for {}}, {@code while (true)}, {@code while (!isStopped())}). The same branch in a loop over the receiver's
 * own state or a local list (the routers of a configuration, the watchers of a table, the groups of a closed channel)
 * reports an anomaly of a walk that does not grow with requests. An unconditional log stays a finding everywhere:
 * a reload that logs every key it walks is a flood.</li>
 * <li>A loop each of whose turns waits a second or more (a timed offer, a sleep of seconds) logs at most once a
 * second per caller: rate-limited already. A pause of 50 ms is not that.</li>
 * </ul>
 */
final class LogTraffic {

    /** A bound that stays small: a literal up to 16, or a name that counts retries or attempts. */
    private static final Pattern SMALL_BOUND = Pattern.compile("^[A-Za-z_][\\w.]*(\\+\\+|--)?\\s*(<|<=)\\s*"
            + "(\\d+|[\\w.]*(?i:retr|attempt|times|tries)[\\w.]*)$");
    /** A service loop's test of its own run state. */
    private static final Pattern RUN_FLAG = Pattern.compile("(?i)^!?\\s*(this\\.|[a-z]\\w*\\.)*"
            + "(is)?_?(running|stopped|stopping|closed|closing|shutdown|shuttingdown|alive|active|interrupted"
            + "|terminated|done|cancell?ed)\\s*(\\(\\s*\\))?$|isInterrupted\\s*\\(|\\bctx\\.Err\\(\\)\\s*==\\s*nil");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private LogTraffic() {
    }

    /**
     * A wait of a second or more: a timed offer/poll/await in seconds, minutes or hours, a sleep of as long
     * ({@code TimeUnit.SECONDS.sleep(3)}, {@code Thread.sleep(5000)}, {@code time.Sleep(2 * time.Second)}).
     */
    private static final Pattern SECONDS_WAIT = Pattern.compile("\\b\\d+[lL]?\\s*,\\s*(?:TimeUnit\\.)?(?:SECONDS|MINUTES|HOURS)\\b"
            + "|\\b(?:TimeUnit\\.)?(?:SECONDS|MINUTES|HOURS)\\.sleep\\s*\\(|\\bThread\\.sleep\\s*\\(\\s*[1-9][\\d_]{3,}[lL]?\\s*\\)"
            + "|\\btime\\.(?:Sleep|After)\\s*\\([^()]*\\btime\\.(?:Second|Minute|Hour)\\b");

    /**
     * True when every turn of {@code loop} waits a second or more, in its condition
     * ({@code while (!buffer.offer(r, 3, TimeUnit.SECONDS))}) or in a statement of its body that is not under a
     * branch: at most one line a second per caller, which is the rate limit the item asks for. A 50 ms pause is not
     * one (a warning every 50 ms is a flood).
     */
    static boolean pacedBySeconds(SyntaxNode loop, byte[] src) {
        SyntaxNode cond = loop.getChildByFieldName("condition");
        SyntaxNode clause = child(loop, "for_clause");
        if (clause != null) {
            cond = clause.getChildByFieldName("condition");
        }
        if (cond != null && !cond.isNull() && SECONDS_WAIT.matcher(text(src, cond)).find()) {
            return true;
        }
        SyntaxNode body = loop.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return false;
        }
        for (int i = 0; i < body.getNamedChildCount(); i++) {
            SyntaxNode st = body.getNamedChild(i);
            if (st.getType().equals("statement_list")) {
                for (int j = 0; j < st.getNamedChildCount(); j++) {
                    if (waits(st.getNamedChild(j), src)) {
                        return true;
                    }
                }
            } else if (waits(st, src)) {
                return true;
            }
        }
        return false;
    }

    /** A statement that waits a second or more whatever happens: a call statement, or a try whose body is one. */
    private static boolean waits(SyntaxNode st, byte[] src) {
        return switch (st.getType()) {
            case "expression_statement", "call_expression", "receive_statement" ->
                    SECONDS_WAIT.matcher(text(src, st)).find();
            case "try_statement" -> {
                SyntaxNode b = st.getChildByFieldName("body");
                if (b == null || b.isNull()) {
                    yield false;
                }
                for (int i = 0; i < b.getNamedChildCount(); i++) {
                    if (waits(b.getNamedChild(i), src)) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> false;
        };
    }

    /** True when {@code loop} runs a small fixed number of times: a retry loop, not a walk of input. */
    static boolean smallFixedBound(SyntaxNode loop, byte[] src) {
        String cond;
        if (loop.getType().equals("for_statement")) {
            SyntaxNode clause = child(loop, "for_clause");
            SyntaxNode c = clause != null ? clause.getChildByFieldName("condition") : loop.getChildByFieldName(
                    "condition");
            SyntaxNode range = child(loop, "range_clause");
            if (range != null) {
                // Go 1.22: for i := range 3
                SyntaxNode right = range.getChildByFieldName("right");
                String r = right == null || right.isNull() ? "" : text(src, right).strip();
                return NUMBER.matcher(r).matches() && Integer.parseInt(r.length() > 6 ? "999999" : r) <= 16;
            }
            cond = c == null || c.isNull() ? "" : text(src, c);
        } else if (loop.getType().equals("while_statement") || loop.getType().equals("do_statement")) {
            SyntaxNode c = loop.getChildByFieldName("condition");
            cond = c == null || c.isNull() ? "" : text(src, c);
        } else {
            return false;
        }
        cond = unwrap(cond);
        for (String part : cond.split("&&")) {
            Matcher m = SMALL_BOUND.matcher(unwrap(part));
            if (m.find()) {
                String bound = m.group(3);
                if (!NUMBER.matcher(bound).matches() || bound.length() <= 2 && Integer.parseInt(bound) <= 16) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when {@code loop} walks input: its collection or condition names a parameter of a function around it,
     * or it is a service loop (no condition, {@code true}, or a test of the run state).
     */
    static boolean walksInput(SyntaxNode loop, byte[] src) {
        Set<String> params = parameters(loop, src);
        SyntaxNode head;
        switch (loop.getType()) {
            case "enhanced_for_statement" -> head = loop.getChildByFieldName("value");
            case "while_statement", "do_statement" -> head = loop.getChildByFieldName("condition");
            case "for_statement" -> {
                SyntaxNode range = child(loop, "range_clause");
                SyntaxNode clause = child(loop, "for_clause");
                if (range != null) {
                    head = range.getChildByFieldName("right");
                } else if (clause != null) {
                    head = clause.getChildByFieldName("condition");
                } else {
                    head = loop.getChildByFieldName("condition");
                    if (head == null || head.isNull()) {
                        // Go: for cond {...} keeps the condition as an unnamed-field child before the body
                        SyntaxNode body = loop.getChildByFieldName("body");
                        for (int i = 0; i < loop.getNamedChildCount(); i++) {
                            SyntaxNode c = loop.getNamedChild(i);
                            if (body == null || c.getStartByte() != body.getStartByte()) {
                                head = c;
                                break;
                            }
                        }
                    }
                }
            }
            default -> {
                return true;
            }
        }
        if (head == null || head.isNull()) {
            return true; // for {} and for (;;): a service loop
        }
        String test = unwrap(text(src, head));
        if (test.equals("true") || RUN_FLAG.matcher(test).find()) {
            return true;
        }
        for (String part : test.split("&&|\\|\\|")) {
            if (RUN_FLAG.matcher(unwrap(part)).find()) {
                return true;
            }
        }
        Set<String> names = new HashSet<>();
        identifiers(head, src, names);
        if (names.stream().anyMatch(params::contains)) {
            return true;
        }
        // one step back: a local the loop walks that was made from a parameter (it = items.iterator(), rows :=
        // parse(body))
        SyntaxNode function = function(loop);
        Set<String> derived = new HashSet<>();
        if (function != null) {
            derivedLocals(function, loop.getStartByte(), names, params, src, derived);
        }
        return !derived.isEmpty();
    }

    private static SyntaxNode function(SyntaxNode n) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "function_declaration", "method_declaration", "func_literal", "constructor_declaration",
                     "lambda_expression" -> {
                    return p;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** Those of {@code names} declared before {@code before} with a value that names a parameter. */
    private static void derivedLocals(SyntaxNode n, int before, Set<String> names, Set<String> params, byte[] src,
                                      Set<String> out) {
        if (n.getStartByte() >= before) {
            return;
        }
        SyntaxNode left = null;
        SyntaxNode right = null;
        switch (n.getType()) {
            case "variable_declarator" -> {
                left = n.getChildByFieldName("name");
                right = n.getChildByFieldName("value");
            }
            case "short_var_declaration", "assignment_statement", "assignment_expression" -> {
                left = n.getChildByFieldName("left");
                right = n.getChildByFieldName("right");
            }
            default -> {
            }
        }
        if (left != null && !left.isNull() && right != null && !right.isNull()) {
            Set<String> declared = new HashSet<>();
            identifiers(left, src, declared);
            declared.retainAll(names);
            if (!declared.isEmpty()) {
                Set<String> used = new HashSet<>();
                identifiers(right, src, used);
                if (used.stream().anyMatch(params::contains)) {
                    out.addAll(declared);
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            derivedLocals(n.getNamedChild(i), before, names, params, src, out);
        }
    }

    /**
     * A parameter that is a configuration by its name or declared type ({@code cfg dynamic.Configuration},
     * {@code ServerOptions opts}): a loop over it walks what an operator wrote, not traffic.
     */
    private static final Pattern CONFIGURATION = Pattern.compile("(?<![a-z])(?:config|conf|cfg|options|opts"
            + "|settings|properties|props)s?(?![a-z])|(?:Config|Cfg|Options|Opts|Settings|Properties|Props)(?![a-z])"
            + "|Configuration");

    /**
     * The parameter names of every function, method, literal and lambda around {@code n} (receivers and
     * configuration parameters left out).
     */
    private static Set<String> parameters(SyntaxNode n, byte[] src) {
        Set<String> out = new HashSet<>();
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "function_declaration", "method_declaration", "func_literal", "constructor_declaration",
                     "lambda_expression" -> {
                    SyntaxNode ps = p.getChildByFieldName("parameters");
                    if (ps != null && !ps.isNull()) {
                        if (ps.getType().equals("identifier")) {
                            out.add(text(src, ps));
                        } else {
                            parameterNames(ps, src, out);
                        }
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    /** Identifier nodes under a parameter list that name a parameter, not one of a nested function type's. */
    private static void parameterNames(SyntaxNode ps, byte[] src, Set<String> out) {
        for (int i = 0; i < ps.getNamedChildCount(); i++) {
            SyntaxNode c = ps.getNamedChild(i);
            if (c.getType().equals("identifier")) {
                out.add(text(src, c));
            } else if (c.getType().endsWith("parameter") || c.getType().endsWith("parameter_declaration")) {
                if (CONFIGURATION.matcher(text(src, c)).find()) {
                    continue;
                }
                for (int j = 0; j < c.getNamedChildCount(); j++) {
                    SyntaxNode d = c.getNamedChild(j);
                    if (d.getType().equals("identifier")) {
                        out.add(text(src, d));
                    } else if (d.getType().equals("variable_declarator")) {
                        SyntaxNode name = d.getChildByFieldName("name");
                        if (name != null && !name.isNull()) {
                            out.add(text(src, name));
                        }
                    }
                }
            }
        }
    }

    private static void identifiers(SyntaxNode n, byte[] src, Set<String> out) {
        if (n.getType().equals("identifier")) {
            out.add(text(src, n));
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            identifiers(n.getNamedChild(i), src, out);
        }
    }

    private static SyntaxNode child(SyntaxNode n, String type) {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (n.getNamedChild(i).getType().equals(type)) {
                return n.getNamedChild(i);
            }
        }
        return null;
    }

    /** The text without parentheses around all of it ({@code (a) && (b)} keeps its own). */
    private static String unwrap(String s) {
        String t = s.strip();
        while (t.startsWith("(") && t.endsWith(")") && closes(t)) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /** True when the first parenthesis of {@code t} closes at its last character. */
    private static boolean closes(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return i == t.length() - 1;
            }
        }
        return false;
    }

    private static String text(byte[] src, SyntaxNode n) {
        return new String(src, n.getStartByte(), n.getEndByte() - n.getStartByte(), StandardCharsets.UTF_8);
    }
}
