package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.CodeText;
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
 * <li>A loop paced by its own turns (a wait of seconds, or a request to another process and its answer on every turn):
 * see {@link LoopPacing}.</li>
 * <li>A summary after bulk work: in a loop that walks no collection, a log after an inner loop, in the same turn, whose
 * arguments count what the inner loop did (the size of the collection it walked, or a counter it updates) is one line
 * per batch, which is what the item asks for. The same line in a loop over a collection logs once per input item.</li>
 * </ul>
 */
final class LogTraffic {

    /** A bound that stays small: a literal up to 16, or a name that counts retries or attempts. */
    private static final Pattern SMALL_BOUND = Pattern.compile("^[A-Za-z_][\\w.]*(\\+\\+|--)?\\s*(<|<=)\\s*"
            + "(\\d+|[\\w.]*(?i:retr|attempt|times|tries)[\\w.]*)$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private LogTraffic() {
    }

    /** A counter or size in a log's arguments: {@code records.size()}, {@code len(batch)}, {@code rows.length}. */
    private static final Pattern SIZE_OF = Pattern.compile("\\b([A-Za-z_]\\w*)\\s*\\.\\s*(?:size|count|length)\\b"
            + "|\\blen\\s*\\(\\s*([A-Za-z_]\\w*)\\s*\\)");

    /**
     * True when {@code log} (a call in the body of {@code loop}, outside any loop nested in it) summarises a batch:
     * {@code loop} walks no collection, and an inner loop earlier in the same body walks a collection whose size the
     * log's arguments name, or updates a variable the log's arguments name ({@code count++}, {@code total += n}).
     */
    static boolean batchSummary(SyntaxNode loop, SyntaxNode log, byte[] src) {
        if (walksCollection(loop, src)) {
            return false;
        }
        SyntaxNode args = log.getChildByFieldName("arguments");
        if (args == null || args.isNull()) {
            return false;
        }
        String logged = text(src, args);
        Set<String> sized = new HashSet<>();
        Matcher m = SIZE_OF.matcher(logged);
        while (m.find()) {
            sized.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Set<String> named = new HashSet<>();
        identifiers(args, src, named);
        List<SyntaxNode> inner = new ArrayList<>();
        for (SyntaxNode st : bodyStatements(loop)) {
            if (st.getStartByte() >= log.getStartByte()) {
                break;
            }
            innerLoops(st, inner);
        }
        for (SyntaxNode in : inner) {
            SyntaxNode walked = collection(in);
            if (walked != null && sized.contains(text(src, walked).strip())) {
                return true;
            }
            Set<String> updated = new HashSet<>();
            updates(in, src, updated);
            updated.retainAll(named);
            if (!updated.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A loop header that steps through a collection: by index up to its size, or by an iterator or cursor. */
    private static final Pattern STEPS_THROUGH = Pattern.compile("\\.\\s*(?:size|length|count|Len)\\s*\\(|\\.length\\b"
            + "|\\blen\\s*\\(|\\b(?:hasNext|next|Next|hasMoreElements|hasMoreTokens|Scan|nextToken)\\s*\\(");

    /**
     * A loop with one turn per element of a collection: a Java for-each, a Go range, or a loop whose header steps
     * through one ({@code i < items.size()}, {@code it.hasNext()}, {@code rows.Next()}, {@code scanner.Scan()}).
     */
    static boolean walksCollection(SyntaxNode loop, byte[] src) {
        if (loop.getType().equals("enhanced_for_statement") || child(loop, "range_clause") != null) {
            return true;
        }
        SyntaxNode head;
        if (loop.getType().equals("do_statement")) {
            head = loop.getChildByFieldName("condition");
        } else {
            head = loop;
        }
        if (head == null || head.isNull()) {
            return false;
        }
        SyntaxNode body = loop.getChildByFieldName("body");
        int end = head == loop && body != null && !body.isNull() ? body.getStartByte() : head.getEndByte();
        String header = new String(src, head.getStartByte(), end - head.getStartByte(), StandardCharsets.UTF_8);
        return STEPS_THROUGH.matcher(header).find();
    }

    /** The collection a for-each or range loop walks, or null. */
    private static SyntaxNode collection(SyntaxNode loop) {
        if (loop.getType().equals("enhanced_for_statement")) {
            return loop.getChildByFieldName("value");
        }
        SyntaxNode range = child(loop, "range_clause");
        return range == null ? null : range.getChildByFieldName("right");
    }

    /** The statements of a loop's body, a Go statement list flattened. */
    static List<SyntaxNode> bodyStatements(SyntaxNode loop) {
        List<SyntaxNode> out = new ArrayList<>();
        SyntaxNode body = loop.getChildByFieldName("body");
        if (body == null || body.isNull()) {
            return out;
        }
        for (int i = 0; i < body.getNamedChildCount(); i++) {
            SyntaxNode st = body.getNamedChild(i);
            if (st.getType().equals("statement_list")) {
                for (int j = 0; j < st.getNamedChildCount(); j++) {
                    out.add(st.getNamedChild(j));
                }
            } else {
                out.add(st);
            }
        }
        return out;
    }

    private static void innerLoops(SyntaxNode n, List<SyntaxNode> out) {
        switch (n.getType()) {
            case "for_statement", "enhanced_for_statement", "while_statement", "do_statement" -> {
                out.add(n);
                return;
            }
            case "lambda_expression", "func_literal", "class_body" -> {
                return;
            }
            default -> {
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            innerLoops(n.getNamedChild(i), out);
        }
    }

    /** Variables a loop counts or adds into: {@code n++}, {@code ++n}, {@code n += x}, {@code n--}. */
    private static void updates(SyntaxNode n, byte[] src, Set<String> out) {
        switch (n.getType()) {
            case "update_expression", "inc_statement", "dec_statement" -> {
                String t = text(src, n).replaceAll("[+\\-\\s]", "");
                if (t.matches("[A-Za-z_]\\w*")) {
                    out.add(t);
                }
            }
            case "assignment_expression", "assignment_statement" -> {
                SyntaxNode left = n.getChildByFieldName("left");
                String op = text(src, n);
                if (left != null && !left.isNull() && left.getType().equals("identifier")
                        && op.substring(left.getEndByte() - n.getStartByte()).strip().startsWith("+=")) {
                    out.add(text(src, left));
                }
            }
            default -> {
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            updates(n.getNamedChild(i), src, out);
        }
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
        cond = CodeText.unwrap(cond);
        for (String part : cond.split("&&")) {
            Matcher m = SMALL_BOUND.matcher(CodeText.unwrap(part));
            if (m.find()) {
                String bound = m.group(3);
                if (!NUMBER.matcher(bound).matches() || bound.length() <= 2 && Integer.parseInt(bound) <= 16) {
                    return true;
                }
            }
        }
        return false;
    }

    static void identifiers(SyntaxNode n, byte[] src, Set<String> out) {
        if (n.getType().equals("identifier")) {
            out.add(text(src, n));
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            identifiers(n.getNamedChild(i), src, out);
        }
    }

    static SyntaxNode child(SyntaxNode n, String type) {
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            if (n.getNamedChild(i).getType().equals(type)) {
                return n.getNamedChild(i);
            }
        }
        return null;
    }
}
