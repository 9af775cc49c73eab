package kb.review.analysis;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.body.CallableDeclaration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * The path-sensitive part of the needs-timeout analysis: a timeout set by a later setter counts only on the paths
 * that pass the setter. Walks the control-flow graph of the function ({@link GoCfg}, {@link JavaCfg}) from the
 * construction with the set of timeouts set so far, and reports the first statement that uses the value (calls it,
 * returns it, hands it on) on a path where they are not yet set: {@code if tls { c.Timeout = d }} leaves the other
 * branch without one, and {@code return c} before the setter returns a client that has none.
 */
final class TimeoutPaths {

    /** A use reached without the timeout. */
    record Unset(int line, String how) {
    }

    private static final int MAX_STATES = 20_000;

    private TimeoutPaths() {
    }

    /**
     * A finding for the construction at {@code line} when a use of {@code holder} is reached on a path that skips the
     * setters, or null; {@code initial} says which timeouts the construction itself sets.
     */
    static Timeouts.Spot report(SyntaxNode function, byte[] src, boolean go, int line, int column, int from,
                                String holder, TimeoutModel m, boolean[] initial, boolean builder) {
        int bits = 0;
        for (int i = 0; i < initial.length; i++) {
            bits |= initial[i] ? 1 << i : 0;
        }
        if (m.all() ? bits == (1 << m.timeout().size()) - 1 : bits != 0) {
            return null;
        }
        if (straightLine(src, from, function.getEndByte(), holder, m, bits)) {
            return null; // nothing between the construction and its setters can branch or use it: no graph needed
        }
        Unset unset = check(function, src, go, line, holder, m, bits, builder);
        return unset == null ? null : new Timeouts.Spot(line, column, m.id(), List.of(
                new Lifecycle.Step(line, "`" + holder + "` (" + m.shows() + ") is built here; its timeout is set on"
                        + " some paths only"),
                new Lifecycle.Step(unset.line(), "line " + unset.line() + " " + unset.how() + " on a path where no"
                        + " timeout was set")));
    }

    private static final Pattern BRANCHING = Pattern.compile("\\b(if|else|for|while|do|switch|case|select|return|"
            + "break|continue|goto|throw|try|catch|defer|go)\\b|\\?|&&|\\|\\|");

    /** The code from the construction to its (last needed) setter neither branches nor names the holder otherwise. */
    private static boolean straightLine(byte[] src, int from, int to, String holder, TimeoutModel m, int bits) {
        String code = CodeText.code(new String(src, from, Math.max(0, to - from), StandardCharsets.UTF_8));
        Matcher x = Pattern.compile("(?<![\\w.$])" + Pattern.quote(holder) + "\\s*\\.\\s*([\\w$]+)\\s*(\\(|=(?!=))")
                .matcher(code);
        int end = -1;
        int need = bits;
        int all = (1 << m.timeout().size()) - 1;
        while (x.find() && end < 0) {
            for (int i = 0; i < m.timeout().size(); i++) {
                if (m.timeout().get(i).matcher(x.group(1)).matches()) {
                    need |= 1 << i;
                }
            }
            if (m.all() ? need == all : need != 0) {
                end = x.start();
            }
        }
        if (end < 0) {
            return false;
        }
        String before = code.substring(0, end);
        return !BRANCHING.matcher(before).find() && !Regexes.compiled("(?<![\\w.$])" + Pattern.quote(holder)
                + "(?![\\w$])").matcher(Regexes.compiled("(?<![\\w.$])" + Pattern.quote(holder)
                + "\\s*\\.\\s*(set\\w+|Set\\w+)\\s*\\(").matcher(before).replaceAll("")).find();
    }

    /**
     * The first use of {@code holder} reached from the construction at {@code line} with the timeouts not set, or null
     * when every path sets them before any use (or the graph cannot be built: the setter then counts as before).
     *
     * @param initial the timeouts the construction itself sets (literal keys, builder chain), one bit per entry
     */
    static Unset check(SyntaxNode function, byte[] src, boolean go, int line, String holder, TimeoutModel m,
                       int initial, boolean builder) {
        Cfg cfg;
        try {
            cfg = go ? GoCfg.build(function, src) : java(function, src);
        } catch (RuntimeException unbuildable) {
            return null;
        }
        if (cfg == null) {
            return null;
        }
        Cfg.Node start = null;
        String[] code = new String[cfg.nodes().size()]; // each statement's text without literals, blanked once
        Pattern mention = Pattern.compile("(?<![\\w.$])" + Pattern.quote(holder) + "(?![\\w$])");
        for (Cfg.Node n : cfg.nodes()) {
            if (n.kind != Cfg.Kind.ENTRY && n.kind != Cfg.Kind.EXIT && n.line <= line
                    && mention.matcher(code(n, code)).find() && (start == null || n.line >= start.line)) {
                start = n;
            }
        }
        if (start == null) {
            return null;
        }
        Pattern setter = Pattern.compile("(?<![\\w.$])" + Pattern.quote(holder)
                + "\\s*\\.\\s*([\\w$]+)\\s*(\\(|=(?!=))([^;\\n]*)");
        Deque<int[]> work = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        int all = (1 << m.timeout().size()) - 1;
        for (int i = 0; i < start.successorCount(); i++) {
            work.push(new int[] {start.successor(i).id, initial});
        }
        while (!work.isEmpty() && seen.size() < MAX_STATES) {
            int[] s = work.pop();
            if (!seen.add(((long) s[0] << 32) | s[1])) {
                continue;
            }
            Cfg.Node n = cfg.nodes().get(s[0]);
            if (n.kind == Cfg.Kind.EXIT || n.kind == Cfg.Kind.HALT) {
                continue;
            }
            int mask = s[1] | bits(setter.matcher(n.text()), m);
            boolean done = m.all() ? mask == all : mask != 0;
            boolean statement = n.kind != Cfg.Kind.BRANCH && n.kind != Cfg.Kind.LOOP;
            if (!done && statement && uses(code(n, code), mention, setter, builder, m.configures())) {
                boolean returned = n.kind == Cfg.Kind.RETURN && Pattern.compile("(?<![\\w.$])"
                        + Pattern.quote(holder) + "(?![\\w$.(\\[])").matcher(code(n, code)).find();
                return new Unset(n.line, returned ? "returns it" : "uses it");
            }
            if (done) {
                continue; // set on this path: nothing after it can use the value without its timeout
            }
            for (int i = 0; i < n.successorCount(); i++) {
                work.push(new int[] {n.successor(i).id, mask});
            }
        }
        return null;
    }

    /**
     * The node's text with its literals and comments blanked, kept in {@code code} by node id: a log message that names
     * the holder ({@code log.error("close statement failed", e)}) is no use of it. The setters' values are read from
     * the text as written ({@link #bits}), where a literal can be the value.
     */
    private static String code(Cfg.Node n, String[] code) {
        if (code[n.id] == null) {
            code[n.id] = CodeText.code(n.text());
        }
        return code[n.id];
    }

    /** The timeout entries a statement sets on the holder, as bits; a value that switches it off sets none. */
    private static int bits(Matcher x, TimeoutModel m) {
        int out = 0;
        while (x.find()) {
            String value = x.group(3).strip();
            if (x.group(2).equals("(") && value.lastIndexOf(')') >= 0) {
                value = value.substring(0, value.lastIndexOf(')'));
            }
            for (int i = 0; i < m.timeout().size(); i++) {
                if (m.timeout().get(i).matcher(x.group(1)).matches()
                        && (m.disabled() == null || !m.disabled().matcher(value.strip()).find())) {
                    out |= 1 << i;
                }
            }
        }
        return out;
    }

    /**
     * The statement names the holder other than to configure it ({@code c.Field = v}, {@code c.setX(v)}; on a builder
     * every call but {@code build()}) or to close it: a close releases the object and waits on nothing, so the clean-up
     * of a failed set-up ({@code catch (SQLException e) { if (st != null) st.close(); throw e; }}) reached before the
     * setter is no use without a timeout.
     */
    private static final Pattern CLOSE = Pattern.compile("(?:close|Close)\\(\\s*\\)\\s*;?\\s*");

    private static boolean uses(String text, Pattern mention, Pattern setter, boolean builder, List<String> preparing) {
        StringBuilder rest = new StringBuilder();
        Matcher x = setter.matcher(text);
        int at = 0;
        while (x.find()) {
            boolean configures = x.group(2).startsWith("=") || x.group(1).startsWith("set")
                    || x.group(1).startsWith("Set") || builder && !x.group(1).equals("build")
                    || preparing.contains(x.group(1))
                    || CLOSE.matcher(x.group(1) + x.group(2) + x.group(3)).matches();
            if (configures) {
                rest.append(text, at, x.start());
                at = x.end();
            }
        }
        rest.append(text.substring(at));
        return mention.matcher(rest).find();
    }

    /** The JavaParser graph of the tree-sitter method or constructor, on the same line numbers; null otherwise. */
    private static Cfg java(SyntaxNode function, byte[] src) {
        String t = function.getType();
        if (!t.equals("method_declaration") && !t.equals("constructor_declaration")) {
            return null;
        }
        String text = SyntaxNode.text(src, function);
        var parsed = JavaLines.parse(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                .setAttributeComments(false), function.getStartPoint().getRow() + 1, "class KbTimeouts{" + text + "}");
        return parsed.getResult().flatMap(cu -> cu.findFirst(CallableDeclaration.class)).map(JavaCfg::build)
                .orElse(null);
    }

    /**
     * True when the object is returned as built, or inside the call that wraps it ({@code return conn.prepareCall(sql)},
     * {@code return track(conn.createStatement())}), and every timeout is a setter the caller can still call on it: a
     * factory method hands the statement or connection over unconfigured, as its callers expect. Builders' timeouts
     * (set before {@code build()}) cannot be added later, and a client constructed with {@code new} is the
     * configuration itself, so neither is handed over this way.
     */
    static boolean returnedToSet(SyntaxNode top, TimeoutModel m) {
        if (m.timeout().isEmpty() || !m.timeout().stream().allMatch(p -> p.pattern().startsWith("set"))
                || top.getType().equals("object_creation_expression")) {
            return false;
        }
        SyntaxNode child = top;
        for (SyntaxNode p = top.getParent(); p != null && !p.isNull(); child = p, p = p.getParent()) {
            switch (p.getType()) {
                case "return_statement" -> {
                    return true;
                }
                case "argument_list", "cast_expression", "parenthesized_expression" -> {
                }
                case "method_invocation" -> {
                    if (!child.getType().equals("argument_list")) {
                        return false; // a call made on the object itself uses it here
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }
}
