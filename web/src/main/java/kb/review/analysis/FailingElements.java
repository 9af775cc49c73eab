package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * The failure branch of a call made once per element of a loop: a Java {@code catch} whose {@code try} hands the
 * loop's element (or a value made from it in the turn) to a call, and a Go {@code if err != nil} whose error comes
 * from such a call ({@code u, err := store.Fetch(ctx, name)}). {@link RareBranches#onFailurePath} takes a failure
 * branch for a rare one; this one is not: the call goes to something every element shares (a database, a store, a
 * remote service), and when that is down every element fails, on every run. A warning per failed element is then one
 * line per element per run, the flood LOG-01 names ("a flood when the upstream breaks").
 *
 * <p>Which branches count: one that keeps a tally of its failures ({@code failed++}), in any loop, also one over the
 * code's own state (a cache, a registry, a pending list: {@link InputLoops#walksInput} asks for a parameter). The tally
 * says the author expects many failures, and it is the summary the item asks for, written beside the line per element.
 * A failure branch without a tally stays the rare path it usually is (the corpus' go-34 and java-34: one line per
 * item a push or a send refuses), and a tallied branch in a loop over input was reported before. Left out, as the
 * precision sets judge them: debug and trace lines; a failure of the element's own data (parse, decode,
 * validate: a defect report about the input, bounded by its defects, class J); calls that end or release something
 * (close, stop, unregister: shutdown and clean-up walks of a few owned things); the element's own processing rather
 * than a hand-off (a method of the element itself, {@code entry.getInputStream()}; a bare function or a method of the
 * code's own receiver, {@code srv.serve(ctx, pkt)}, {@code process(x)}; a handler: set 17's packet loop and lease
 * load, judged as per-request and start-up lines); loops the other passes already judge bounded or paced (a small
 * fixed bound, a wait per turn, a start-up hook).
 */
final class FailingElements {

    /** A log method at a level services run with; debug and trace are left to the level readings. */
    private static final Pattern SERVICE_LEVEL = Pattern.compile(
            "(?i)\\.(?:warn\\w*|error\\w*|info\\w*|severe|warning\\w*|fatal\\w*|print\\w*|log|logp|msgf?|send)$"
                    + "|\\.at(?:Warning|Severe|Info|Warn|Error)\\(\\)");
    /** A callee that ends or releases something: shutdown and clean-up walks. */
    private static final Pattern RELEASE = Pattern.compile("(?i)(?:^|\\.)(?:close\\w*|shutdown\\w*|stop\\w*|destroy\\w*"
            + "|cancel\\w*|unregister\\w*|deregister\\w*|release\\w*|dispose\\w*|interrupt|join|unsubscribe\\w*"
            + "|remove\\w*|delete\\w*|unlink|kill\\w*|terminate\\w*)$");
    /** A callee that reads or judges the element's own data (its failure is a defect of that element). */
    private static final Pattern DATA_CHECK = Pattern.compile("(?i)(?:^|\\.)\\w*(?:parse|decode|unmarshal|atoi|atof"
            + "|validate|valid|verify|check|convert|format|compile|deserializ|read(?:Value|Tree))\\w*$");
    /** The element's own processing: a handler or step of this code, not a call to something shared. */
    private static final Pattern HANDLER = Pattern.compile(
            "^(?:[Hh]andle|[Ss]erve|[Pp]rocess|[Dd]ispatch|on)(?:[A-Z_0-9]\\w*)?$");
    private static final Pattern DATA_FAILURE = Pattern.compile("\\b\\w*(?:Validation|Constraint|Parse|Parsing"
            + "|Format|Conversion|Malformed|Invalid|Deserializ|Decod|Unmarshal|Json|Xml|Csv|Schema|Syntax|Interrupted)"
            + "\\w*(?:Exception|Error)\\b");

    private FailingElements() {
    }

    /**
     * True when {@code p} (holding {@code child}, on the way up from the log call {@code log} named {@code callee})
     * is the failure branch of a call that hands an element of the loop around it to another value, and the branch
     * counts its failures.
     */
    static boolean repeats(SyntaxNode p, SyntaxNode child, SyntaxNode log, String callee, byte[] src, boolean go) {
        if (!SERVICE_LEVEL.matcher(callee).find()) {
            return false;
        }
        SyntaxNode loop = enclosingLoop(p, go);
        if (loop == null) {
            return false;
        }
        Set<String> elements = elements(loop, p, src, go);
        if (elements.isEmpty()) {
            return false;
        }
        boolean counted;
        if (!go && p.getType().equals("catch_clause")) {
            SyntaxNode tryStmt = p.getParent();
            SyntaxNode block = tryStmt == null || tryStmt.isNull() ? null : tryStmt.getChildByFieldName("body");
            if (block == null || block.isNull() || DATA_FAILURE.matcher(catchTypes(p, src)).find()
                    || !callsWith(block, elements, src, false)) {
                return false;
            }
            counted = CountedFailures.counts(p, child, src);
        } else if (go && p.getType().equals("if_statement")) {
            SyntaxNode branch = p.getChildByFieldName("consequence");
            if (branch == null || branch.isNull() || child.getStartByte() < branch.getStartByte()
                    || child.getEndByte() > branch.getEndByte()) {
                return false;
            }
            String failing = SkippedItems.failingCall(p, elements, src);
            if (failing == null || RELEASE.matcher(failing).find() || DATA_CHECK.matcher(failing).find()
                    || HANDLER.matcher(failing.substring(failing.lastIndexOf('.') + 1)).find()) {
                return false;
            }
            counted = SkippedItems.counts(branch);
        } else {
            return false;
        }
        return counted;
    }

    private static SyntaxNode enclosingLoop(SyntaxNode n, boolean go) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "func_literal", "function_declaration", "method_declaration", "lambda_expression",
                     "constructor_declaration", "class_body" -> {
                    return null;
                }
                case "for_statement", "enhanced_for_statement", "while_statement", "do_statement" -> {
                    return p;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /**
     * The names that change per turn of {@code loop}: those its header declares (a range's key and value, an enhanced
     * for's variable, a counting for's index) and the locals its body declares before {@code upTo}.
     */
    private static Set<String> elements(SyntaxNode loop, SyntaxNode upTo, byte[] src, boolean go) {
        Set<String> out = new HashSet<>();
        SyntaxNode body = loop.getChildByFieldName("body");
        for (int i = 0; i < loop.getNamedChildCount(); i++) {
            SyntaxNode c = loop.getNamedChild(i);
            if (body != null && !body.isNull() && c.getStartByte() == body.getStartByte()) {
                continue;
            }
            declared(c, src, out, go, true);
        }
        if (!go && loop.getType().equals("enhanced_for_statement")) {
            SyntaxNode name = loop.getChildByFieldName("name");
            if (name != null && !name.isNull()) {
                out.add(text(src, name));
            }
        }
        if (body != null && !body.isNull()) {
            if (body.getNamedChildCount() == 1 && body.getNamedChild(0).getType().equals("statement_list")) {
                body = body.getNamedChild(0); // a Go block holds its statements in one list
            }
            for (int i = 0; i < body.getNamedChildCount(); i++) {
                SyntaxNode s = body.getNamedChild(i);
                if (s.getStartByte() >= upTo.getStartByte()) {
                    break;
                }
                declared(s, src, out, go, false);
            }
        }
        out.remove("_");
        return out;
    }

    /** Adds the names {@code n} declares: Go {@code :=} and range left sides, Java local variable declarators. */
    private static void declared(SyntaxNode n, byte[] src, Set<String> out, boolean go, boolean header) {
        switch (n.getType()) {
            case "range_clause", "short_var_declaration" -> {
                SyntaxNode left = n.getChildByFieldName("left");
                if (left != null && !left.isNull()) {
                    LogTraffic.identifiers(left, src, out);
                }
            }
            case "for_clause" -> {
                SyntaxNode init = n.getChildByFieldName("initializer");
                if (init != null && !init.isNull()) {
                    declared(init, src, out, go, header);
                }
            }
            case "local_variable_declaration" -> {
                for (int i = 0; i < n.getNamedChildCount(); i++) {
                    SyntaxNode d = n.getNamedChild(i);
                    if (d.getType().equals("variable_declarator")) {
                        SyntaxNode name = d.getChildByFieldName("name");
                        if (name != null && !name.isNull()) {
                            out.add(text(src, name));
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The types a catch takes, as written. */
    private static String catchTypes(SyntaxNode clause, byte[] src) {
        for (int i = 0; i < clause.getNamedChildCount(); i++) {
            SyntaxNode c = clause.getNamedChild(i);
            if (c.getType().equals("catch_formal_parameter")) {
                return text(src, c);
            }
        }
        return "";
    }

    /**
     * True when {@code n} holds a call (not of a release or a data check) whose receiver or arguments name one of
     * {@code names}.
     */
    private static boolean callsWith(SyntaxNode n, Set<String> names, byte[] src, boolean go) {
        if (n.getType().equals("method_invocation")) {
            SyntaxNode name = n.getChildByFieldName("name");
            String method = name == null || name.isNull() ? "" : text(src, name);
            SyntaxNode obj = n.getChildByFieldName("object");
            String on = obj == null || obj.isNull() ? "" : text(src, obj);
            // handed to another value: not a method of the element itself (entry.getInputStream()), not one of this
            // class (process(x), this.handle(x): the element's own processing), not a handler
            boolean other = !on.isEmpty() && !on.equals("this") && !names.contains(on);
            if (other && !RELEASE.matcher(method).find() && !DATA_CHECK.matcher(method).find()
                    && !HANDLER.matcher(method).find()) {
                Set<String> used = new HashSet<>();
                SyntaxNode args = n.getChildByFieldName("arguments");
                if (args != null && !args.isNull()) {
                    LogTraffic.identifiers(args, src, used);
                }
                used.retainAll(names);
                if (!used.isEmpty()) {
                    return true;
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            SyntaxNode c = n.getNamedChild(i);
            if (c.getType().equals("lambda_expression") || c.getType().equals("class_body")) {
                continue;
            }
            if (callsWith(c, names, src, go)) {
                return true;
            }
        }
        return false;
    }
}
