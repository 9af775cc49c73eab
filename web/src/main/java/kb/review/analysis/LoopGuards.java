package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Two facts about a logging call in a loop that the loop keywords alone do not show: a lambda given to
 * {@code forEach} is a loop body (it runs once per element), and a log behind a counter bound
 * ({@code if (rejected++ < 3)}, {@code if (logged <= MAX_LOGGED)}, {@code if (n % 1000 == 0)}) logs the first few or a
 * sample only, which is what LOG-01 asks for.
 */
final class LoopGuards {

    /** A count compared with a bound: a literal or a constant (upper-case) name, on either side. */
    private static final Pattern BOUNDED = Pattern.compile(
            "^\\+*\\-*[A-Za-z_][\\w.]*(\\+\\+|--)?\\s*(<|<=)\\s*(\\d+|[A-Z][A-Z0-9_]*|\\w+\\.[A-Z][A-Z0-9_]*)$"
                    + "|^(\\d+|[A-Z][A-Z0-9_]*)\\s*(>|>=)\\s*\\+*\\-*[A-Za-z_][\\w.]*(\\+\\+|--)?$"
                    + "|%\\s*(\\d+|[A-Z][A-Z0-9_]*)\\s*==\\s*0$");

    private LoopGuards() {
    }

    /** True when {@code lambda} is an argument of a {@code forEach}/{@code forEachOrdered} call. */
    static boolean forEachBody(SyntaxNode lambda, byte[] src) {
        SyntaxNode args = lambda.getParent();
        SyntaxNode call = args == null || args.isNull() ? null : args.getParent();
        if (call == null || call.isNull() || !args.getType().equals("argument_list")
                || !call.getType().equals("method_invocation")) {
            return false;
        }
        SyntaxNode name = call.getChildByFieldName("name");
        String n = name == null || name.isNull() ? "" : text(src, name);
        return n.equals("forEach") || n.equals("forEachOrdered");
    }

    /** True when {@code child} is the then branch of an {@code if} {@code p} whose condition bounds a count. */
    static boolean sampled(SyntaxNode p, SyntaxNode child, byte[] src) {
        if (!p.getType().equals("if_statement")) {
            return false;
        }
        SyntaxNode cond = p.getChildByFieldName("condition");
        SyntaxNode then = p.getChildByFieldName("consequence");
        if (cond == null || cond.isNull() || then == null || then.isNull()
                || child.getStartByte() < then.getStartByte() || child.getEndByte() > then.getEndByte()) {
            return false;
        }
        String test = text(src, cond).strip();
        while (test.startsWith("(") && test.endsWith(")")) {
            test = test.substring(1, test.length() - 1).strip();
        }
        return BOUNDED.matcher(test).find();
    }

    private static String text(byte[] src, SyntaxNode n) {
        return new String(src, n.getStartByte(), n.getEndByte() - n.getStartByte(), StandardCharsets.UTF_8);
    }
}
