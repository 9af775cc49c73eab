package kb.review.analysis;

import static kb.review.analysis.Timeouts.function;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * The timeout setters of a construction's holder that {@link Timeouts} credits: called before the call that waits,
 * after the construction ({@code v.Timeout = d}, {@code v.setReadTimeout(ms)}), under a test that the value is
 * configured, in another method that configures the built type, or a per-query bound on every use.
 */
final class TimeoutSetters extends TimeoutReading {

    TimeoutSetters(byte[] src, boolean go) {
        super(src, go);
    }

    /**
     * A Java call on an object the function already holds, kept as a statement ({@code session.connect();}): the
     * call is what waits, and the object's own setters called earlier in the function ({@code
     * session.setTimeout(ms)}) are its timeout.
     */
    void earlierSetters(SyntaxNode built, TimeoutModel m, Seen seen) {
        SyntaxNode object = built.getChildByFieldName("object");
        if (!built.getType().equals("method_invocation") || object == null || object.isNull()
                || !object.getType().equals("identifier")) {
            return;
        }
        SyntaxNode scope = function(built);
        if (scope.getStartByte() >= built.getStartByte()) {
            return;
        }
        laterSetters(text(object), scope, scope.getStartByte(), m, seen, built.getStartByte());
    }

    void laterSetters(String holder, SyntaxNode scope, int from, TimeoutModel m, Seen seen) {
        laterSetters(holder, scope, from, m, seen, scope.getEndByte());
    }

    /**
     * Every statement after {@code from} that makes a call on {@code holder} ({@code db.select(...)...}, also through
     * {@code this.}) carries one of the model's per-query timeout calls ({@code .queryTimeout(5)}), and there is at
     * least one: each query sets its own bound, so the object built without one is not what waits.
     */
    boolean everyUseBounded(String holder, SyntaxNode scope, int from, TimeoutModel m) {
        int end = scope.getEndByte();
        if (from >= end) {
            return false;
        }
        String name = holder.substring(holder.lastIndexOf('.') + 1);
        String code = CodeText.code(new String(src, from, end - from, StandardCharsets.UTF_8));
        Matcher use = Pattern.compile("(?<![\\w$])(?:this\\s*\\.\\s*)?" + Pattern.quote(name) + "\\s*\\.\\s*[\\w$]+\\s*\\(")
                .matcher(code);
        Pattern bound = Pattern.compile("\\.\\s*(" + String.join("|", m.perUse().stream().map(Pattern::pattern).toList())
                + ")\\s*\\(\\s*(?!0\\s*\\))");
        int uses = 0;
        int after = 0;
        while (use.find()) {
            if (use.start() < after) {
                continue;
            }
            int stop = code.indexOf(';', use.end());
            String statement = code.substring(use.start(), stop < 0 ? code.length() : stop);
            if (!bound.matcher(statement).find()) {
                return false;
            }
            uses++;
            after = stop < 0 ? code.length() : stop;
        }
        return uses > 0;
    }

    /**
     * Java: another method of the file takes a parameter of a type this entry builds ({@code FTPClient client}) and
     * calls one of the entry's timeout setters on it: a factory that returns the object unconfigured hands it to
     * that configuring step (set 17, class JT: a client factory whose configure method sets the timeouts).
     */
    boolean configuredByHelper(SyntaxNode root, SyntaxNode own, TimeoutModel.Build b, TimeoutModel m) {
        java.util.ArrayDeque<SyntaxNode> work = new java.util.ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            SyntaxNode n = work.pop();
            if (n.getType().equals("method_declaration") && !same(n, own)) {
                SyntaxNode params = n.getChildByFieldName("parameters");
                SyntaxNode body = n.getChildByFieldName("body");
                for (int i = 0; params != null && !params.isNull() && body != null && !body.isNull()
                        && i < params.getNamedChildCount(); i++) {
                    SyntaxNode param = params.getNamedChild(i);
                    SyntaxNode type = param.getChildByFieldName("type");
                    SyntaxNode name = param.getChildByFieldName("name");
                    if (type == null || type.isNull() || name == null || name.isNull()
                            || !b.pattern().matcher(text(type).replaceAll("<.*", "").replaceAll(".*\\.", "")).find()) {
                        continue;
                    }
                    Matcher x = setter(text(name)).matcher(CodeText.code(text(body)));
                    while (x.find()) {
                        for (Pattern t : m.timeout()) {
                            if (t.matcher(x.group(1)).matches()) {
                                return true;
                            }
                        }
                    }
                }
                continue;
            }
            for (int i = 0; i < n.getNamedChildCount(); i++) {
                work.push(n.getNamedChild(i));
            }
        }
        return false;
    }

    /** The value a configuration test asks about: {@code E != null}, {@code E > 0}, {@code !isEmpty(E)}... */
    private static final List<Pattern> CONFIG_TESTS = List.of(
            Pattern.compile("^(.+?)\\s*(?:!=\\s*null|>\\s*0[lL]?|>=\\s*1[lL]?|!=\\s*0[lL]?)$"),
            Pattern.compile("^null\\s*!=\\s*(.+)$"),
            Pattern.compile("^!\\s*[\\w.]*(?:isEmpty|isBlank|isNull)\\((.+)\\)$"),
            Pattern.compile("^[\\w.]*(?:isNotEmpty|isNotBlank|nonNull|hasText|hasLength)\\((.+)\\)$"),
            Pattern.compile("^(.+)\\.isPresent\\(\\)$"));

    /**
     * Java: a timeout setter on the local {@code holder} under an {@code if} that only asks whether the value it is
     * given is configured ({@code if (t != null) c.setConnectTimeout(t)}, {@code if (s.getReadTimeout() > 0)
     * b.setResponseTimeout(ofMillis(s.getReadTimeout()))}) counts on every path: when the test fails no timeout was
     * configured, and the library's own default is what the configuration chose (set 17, class JT). Marks those
     * entries in {@code initial}.
     */
    void configuredSetters(SyntaxNode function, String holder, TimeoutModel m, boolean[] initial) {
        java.util.ArrayDeque<SyntaxNode> work = new java.util.ArrayDeque<>();
        work.push(function);
        while (!work.isEmpty()) {
            SyntaxNode n = work.pop();
            if (n.getType().equals("method_invocation") && holder.equals(text(n.getChildByFieldName("object")))) {
                String name = text(n.getChildByFieldName("name"));
                String value = arguments(n.getChildByFieldName("arguments"));
                for (int i = 0; i < m.timeout().size(); i++) {
                    if (!initial[i] && m.timeout().get(i).matcher(name).matches()
                            && (m.disabled() == null || !m.disabled().matcher(value.strip()).find())
                            && configuredTest(n, value)) {
                        initial[i] = true;
                    }
                }
            }
            for (int i = 0; i < n.getNamedChildCount(); i++) {
                work.push(n.getNamedChild(i));
            }
        }
    }

    /** The nearest {@code if} above the setter has it in its then-branch and tests only the setter's value. */
    private boolean configuredTest(SyntaxNode setter, String value) {
        SyntaxNode child = setter;
        for (SyntaxNode p = setter.getParent(); !p.isNull(); child = p, p = p.getParent()) {
            String t = p.getType();
            if (t.equals("if_statement")) {
                if (!same(p.getChildByFieldName("consequence"), child)) {
                    return false;
                }
                String cond = kb.review.diff.CodeText.unwrap(text(p.getChildByFieldName("condition")));
                String v = value.replaceAll("\\s+", "");
                for (Pattern test : CONFIG_TESTS) {
                    Matcher x = test.matcher(cond.replaceAll("\\s+", " ").strip());
                    if (x.matches()) {
                        String e = x.group(1).replaceAll("\\s+", "");
                        return e.matches("[\\w$.()]+") && !e.matches("\\d+") && v.contains(e);
                    }
                }
                return false;
            }
            if (t.equals("method_declaration") || t.equals("constructor_declaration") || t.equals("lambda_expression")
                    || t.equals("for_statement") || t.equals("enhanced_for_statement") || t.equals("while_statement")
                    || t.equals("try_statement") || t.equals("switch_expression")) {
                return false;
            }
        }
        return false;
    }

    /** {@code v.Timeout = d}, {@code v.setReadTimeout(ms)} and {@code v.SetTimeout(d)} after the construction. */
    private void laterSetters(String holder, SyntaxNode scope, int from, TimeoutModel m, Seen seen, int end) {
        if (from >= end) {
            return;
        }
        String code = new String(src, from, end - from, StandardCharsets.UTF_8);
        Matcher x = setter(holder).matcher(code);
        while (x.find()) {
            int valueStart = x.end();
            int eol = code.indexOf('\n', valueStart);
            String value = code.substring(valueStart, eol < 0 ? code.length() : eol);
            if (x.group(2).startsWith("(")) {
                int close = value.lastIndexOf(')');
                value = close >= 0 ? value.substring(0, close) : value;
            }
            mark(m, x.group(1), value, seen);
            if (m.contextBound() != null && m.contextBound().matcher(x.group(1)).matches()
                    && boundedContext(value, scope)) {
                seen.bounded = true;
            }
        }
    }

    /**
     * True when the first argument of a call ({@code dctx, network, addr}) is a context the function bounds itself:
     * assigned from {@code context.WithTimeout} or {@code context.WithDeadline} somewhere in it (also under an
     * {@code if timeout > 0}: without one the caller's context is the bound the configuration asked for).
     */
    private boolean boundedContext(String arguments, SyntaxNode function) {
        String ctx = arguments.split(",", 2)[0].strip();
        return function.getParent() != null && !function.getParent().isNull() && ctx.matches("[\\w$]+") && Pattern.compile("(?<![\\w$.])" + Pattern.quote(ctx)
                + "\\s*(?:,\\s*[\\w$]+\\s*)*:?=\\s*context\\.With(?:Timeout|Deadline)\\s*\\(")
                .matcher(text(function)).find();
    }

    private static Pattern setter(String holder) {
        String name = holder.contains(".") ? holder.substring(holder.lastIndexOf('.') + 1) : holder;
        String before = holder.contains(".") ? "(?<![\\w$])" : "(?<![\\w.$])";
        return Regexes.compiled(before + Pattern.quote(name) + "\\s*\\.\\s*([\\w$]+)\\s*(\\(|=(?!=))");
    }
}
