package kb.review.analysis;

import static kb.review.analysis.PerCall.LOOPS;
import static kb.review.analysis.PerCall.NAMED;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Whether code runs once (Go and Java, on the tree-sitter tree): {@code main}/{@code init}, a constructor (also one a
 * pasted hunk cuts from its class), a provider method, a static or field initialiser, or a function literal run by
 * {@code sync.Once.Do}, {@code computeIfAbsent} or a memoizer; and the calls of a file, with their callees, to ask
 * that of each call site. What {@link PerCall} and {@link Providers} decide "per call" against.
 */
final class OneTimeContexts {

    private static final Pattern PROVIDER = Pattern.compile("@(Bean|Provides|Produces|PostConstruct|Singleton)\\b");
    private static final Pattern ONCE_CALL = Pattern.compile("(?i)(once\\w*\\s*\\.\\s*Do|computeIfAbsent|"
            + "memoize\\w*|Suppliers\\s*\\.\\s*memoize\\w*)$");

    private final byte[] src;
    private final boolean go;

    OneTimeContexts(byte[] src, boolean go) {
        this.src = src;
        this.go = go;
    }

    String text(SyntaxNode n) {
        return SyntaxNode.text(src, n);
    }

    /** A function literal or lambda handed to sync.Once.Do, computeIfAbsent or a memoizer runs once. */
    boolean runOnce(SyntaxNode literal) {
        SyntaxNode args = literal.getParent();
        if (!args.getType().equals("argument_list")) {
            return false;
        }
        SyntaxNode call = args.getParent();
        SyntaxNode fn = call.getChildByFieldName(go ? "function" : "name");
        String callee = go ? text(fn) : text(call.getChildByFieldName("object")) + "." + text(fn);
        return ONCE_CALL.matcher(callee).find();
    }

    /** main or init (Go), a constructor, a provider method or a static main (Java). */
    boolean oneTime(SyntaxNode function) {
        String t = function.getType();
        if (t.equals("constructor_declaration") || !go && cutConstructor(function)) {
            return true;
        }
        if (t.equals("function_declaration")) {
            String name = text(function.getChildByFieldName("name"));
            return name.equals("main") || name.equals("init");
        }
        if (!go) {
            if (containerInit(function) || lifecycleStart(function)) {
                return true;
            }
            boolean main = text(function.getChildByFieldName("name")).equals("main");
            for (int i = 0; i < function.getNamedChildCount(); i++) {
                SyntaxNode c = function.getNamedChild(i);
                // a provider, or a program's static main: both run once
                if (c.getType().equals("modifiers") && (PROVIDER.matcher(text(c)).find()
                        || main && text(c).matches("(?s).*\\bstatic\\b.*"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Set<String> LIFECYCLE_STARTS = Set.of("start", "launch", "startUp", "startup", "initialize",
            "bootstrap");

    /**
     * Java: a component's own start, a method without parameters named as the lifecycles name it (Guava's
     * {@code Service.startUp()}, Spring's {@code Lifecycle.start()}, Vert.x's {@code Verticle.start()}, a language
     * server's {@code launch()}): it runs once per component, so a pool it builds and hands on serves the component,
     * as one built in the constructor does (session 47: round 88's launcher read as a pool per call).
     */
    private boolean lifecycleStart(SyntaxNode function) {
        return function.getType().equals("method_declaration")
                && LIFECYCLE_STARTS.contains(text(function.getChildByFieldName("name")))
                && text(function.getChildByFieldName("parameters")).replaceAll("\\s+", "").equals("()");
    }

    /**
     * Java: a method a container calls once per component by contract, whatever its annotations: Spring's
     * {@code InitializingBean.afterPropertiesSet()}, and a servlet's or filter's {@code init(ServletConfig)} /
     * {@code init(FilterConfig)}. What it builds belongs to the component, as in a constructor.
     */
    private boolean containerInit(SyntaxNode function) {
        if (!function.getType().equals("method_declaration")) {
            return false;
        }
        String name = text(function.getChildByFieldName("name"));
        String params = text(function.getChildByFieldName("parameters")).replaceAll("\\s+", " ");
        return name.equals("afterPropertiesSet") && params.equals("()")
                || name.equals("init") && params.matches(
                        "\\(\\s*(?:final )?(?:[\\w.]+\\.)?(?:ServletConfig|FilterConfig) \\w+\\s*\\)");
    }

    /**
     * Java, in a pasted diff: a constructor whose class the fragment does not hold. When the hunk that shows the class
     * header ends, the blocks it leaves open are closed, so a constructor in a later hunk is read at the top level,
     * where tree-sitter takes {@code public PathChildrenCache(CuratorFramework client) {} } for a method whose type is
     * the class's name and whose name is missing. Such a declaration, with a capitalised type, is a constructor.
     */
    private boolean cutConstructor(SyntaxNode function) {
        if (!function.getType().equals("method_declaration") || !text(function.getChildByFieldName("name")).isEmpty()) {
            return false;
        }
        String type = text(function.getChildByFieldName("type"));
        return type.matches("[A-Z][\\w$]*") && Pattern.compile("(?<![\\w$.])" + Pattern.quote(type) + "\\s*\\(")
                .matcher(text(function)).find();
    }

    /** The calls under {@code root}. */
    List<SyntaxNode> calls(SyntaxNode root) {
        List<SyntaxNode> out = new ArrayList<>();
        collectCalls(root, out);
        return out;
    }

    /** A call's callee as written: {@code pkg.Name} or {@code x.m} in Go, the method's simple name in Java. */
    String callee(SyntaxNode call) {
        return text(call.getChildByFieldName(go ? "function" : "name"));
    }

    /** True when the call is in a one-time context: main/init, a constructor, a provider, an initialiser, a once. */
    boolean oneTimeCall(SyntaxNode c) {
        for (SyntaxNode p = c.getParent(); !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (LOOPS.contains(t)) {
                return false;
            }
            if (t.equals("func_literal") || t.equals("lambda_expression")) {
                if (runOnce(p)) {
                    return true;
                }
                continue;
            }
            if (t.equals("field_declaration") || t.equals("static_initializer")) {
                return true;
            }
            // Go: a package-level var's initialiser runs once, when the package is initialised
            if (t.equals("var_declaration") && p.getParent().getType().equals("source_file")) {
                return true;
            }
            if (NAMED.contains(t)) {
                return oneTime(p) || go && constructorKeeps(c, p);
            }
        }
        return false;
    }

    /** A Go constructor's name: {@code NewOidcAuthSetter}, {@code newStore}. */
    private static final Pattern CONSTRUCTOR = Pattern.compile("^[Nn]ew(?:[A-Z_]\\w*)?$");
    /** The local or field a call's result is assigned to: {@code client, err = helper(...)}, {@code s.c = helper()}. */
    private static final Pattern TARGET = Pattern.compile("^\\s*([\\w.]+)\\s*(?:,\\s*\\w+\\s*)?:?=");

    /**
     * Go: a function named as a constructor ({@code NewOidcAuthSetter}, {@code newStore}): a helper's client it asks
     * for goes into the object it builds once (a field, a context its token source keeps), so the call is not per
     * call of its own (session 47, set 17's frp row through the file's own helper).
     */
    boolean constructorNamed(SyntaxNode function) {
        return go && function != null && !function.isNull() && NAMED.contains(function.getType())
                && CONSTRUCTOR.matcher(text(function.getChildByFieldName("name"))).matches();
    }

    /**
     * Go (session 36, res36): a call in a constructor ({@code New...}) whose result the constructor keeps in a field of
     * what it builds: assigned to a field ({@code s.client = helper()}), or to a local that a keyed element of a
     * literal or a field assignment takes ({@code httpClient: httpClient}). The value lives as long as the object
     * built once; whether that object is per call is the constructor's callers' question, not the helper's (frp's
     * OIDC client, set 17's AQ row).
     */
    private boolean constructorKeeps(SyntaxNode call, SyntaxNode function) {
        if (!CONSTRUCTOR.matcher(text(function.getChildByFieldName("name"))).matches()) {
            return false;
        }
        SyntaxNode stmt = call.getParent();
        while (!stmt.isNull() && !stmt.getType().equals("assignment_statement")
                && !stmt.getType().equals("short_var_declaration") && !stmt.getType().equals("keyed_element")) {
            if (stmt.getType().equals("block") || NAMED.contains(stmt.getType())) {
                return false;
            }
            stmt = stmt.getParent();
        }
        if (stmt.isNull()) {
            return false;
        }
        if (stmt.getType().equals("keyed_element")) {
            return true; // Client{http: helper()} in the constructor's literal
        }
        java.util.regex.Matcher m = TARGET.matcher(text(stmt));
        if (!m.find()) {
            return false;
        }
        String target = m.group(1);
        if (target.contains(".")) {
            return true;
        }
        String body = text(function);
        return Pattern.compile("(?:\\b\\w+\\s*:\\s*&?|\\.\\w+\\s*=\\s*&?)" + Pattern.quote(target) + "\\s*[,}\\n]")
                .matcher(body).find();
    }

    private static void collectCalls(SyntaxNode n, List<SyntaxNode> out) {
        if (n.getType().equals("call_expression") || n.getType().equals("method_invocation")) {
            out.add(n);
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            collectCalls(n.getNamedChild(i), out);
        }
    }
}
