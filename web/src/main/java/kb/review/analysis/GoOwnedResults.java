package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.TopLevelCommas;

/**
 * Go helpers that hand their caller an owned resource: a function the review can see (in the change or the checkout)
 * that acquires a value a model knows and returns it open ({@code resp, err := c.hc.Do(req) ... return resp, nil}),
 * or whose declared result has a type a model names with {@code returns:} ({@code (*http.Response, error)}). Its
 * caller owns what it gets back exactly as if it had made the call itself. A helper that releases the value before
 * handing it back (a deferred close, or a close just before the return) returns nothing to release.
 */
final class GoOwnedResults {

    /** The model of the value and which of the helper's results holds it. */
    record Owned(Model model, int result) {
    }

    private static final Owned NONE = new Owned(null, -1);
    private static final Pattern ASSIGN = Pattern.compile(
            "(?m)^\\s*([\\p{L}_][\\w]*(?:\\s*,\\s*[\\p{L}_][\\w]*)*)\\s*:?=\\s*([\\p{L}_][\\w.]*)\\s*\\(");
    private static final Pattern RETURN = Pattern.compile("(?m)^\\s*return\\s+(.+)$");
    private static final Pattern DEFERRED = Pattern.compile("(?m)^\\s*defer\\s+(.+)$");

    private final List<Model> models;
    private final Summaries summaries;
    private final Map<String, String> types;
    private final Map<String, Owned> known = new HashMap<>();

    GoOwnedResults(List<Model> models, Summaries summaries, Map<String, String> types) {
        this.models = models;
        this.summaries = summaries;
        this.types = types;
    }

    /** What calling {@code callee} hands over, or null when nothing the models know (or the callee is unseen). */
    Owned of(String callee) {
        Owned o = known.get(callee);
        if (o == null) {
            o = compute(callee);
            known.put(callee, o);
        }
        return o == NONE ? null : o;
    }

    /**
     * The index of the result of {@code callee} that releases what it hands back ({@link ReleaseCompanions}), or -1;
     * every declaration the call may reach must agree.
     */
    int companion(String callee, Owned o) {
        int common = -2;
        for (Summaries.Function f : summaries.declarations(callee)) {
            if (!declares(f, callee)) {
                continue;
            }
            int c = ReleaseCompanions.index(f, o.result(), o.model());
            if (c < 0 || common != -2 && common != c) {
                return -1;
            }
            common = c;
        }
        return common < 0 ? -1 : common;
    }

    private Owned compute(String callee) {
        List<Summaries.Function> fs = summaries.declarations(callee).stream().filter(f -> declares(f, callee)).toList();
        if (fs.isEmpty()) {
            return NONE;
        }
        Owned common = null;
        for (Summaries.Function f : fs) {
            Owned o = owned(f);
            if (o == null || common != null && !common.equals(o)) {
                return NONE; // two declarations of the name must agree
            }
            common = o;
        }
        return common;
    }

    /**
     * True when {@code f} can be what {@code callee} calls, beyond sharing its simple name: a method of the receiver's
     * declared type ({@code c.request} with {@code c *Client}: a method of {@code Client}); a package function for a
     * call without receiver, or for {@code pkg.F} declared in a folder named {@code pkg}. A method on a receiver of
     * unknown type is not resolved: any type may declare a method of that name.
     */
    private boolean declares(Summaries.Function f, String callee) {
        int dot = callee.lastIndexOf('.');
        if (dot < 0) {
            return f.owner() == null;
        }
        String receiver = Summaries.simpleName(callee.substring(0, dot));
        String type = types.get(receiver);
        if (type != null) {
            String owner = Summaries.simpleName(type.replaceAll("[\\[*].*|^\\*+", "").strip());
            return owner.equals(f.owner());
        }
        if (f.owner() != null || f.file() == null || callee.substring(0, dot).contains(".")) {
            return false;
        }
        String folder = f.file().lastIndexOf('/') < 0 ? "" : f.file().substring(0, f.file().lastIndexOf('/'));
        return Summaries.simpleName(folder.replace('/', '.')).equals(receiver);
    }

    private Owned owned(Summaries.Function f) {
        List<List<String>> returns = new ArrayList<>();
        List<String> before = new ArrayList<>();
        String body = withoutLiterals(f.body());
        Matcher r = RETURN.matcher(body);
        while (r.find()) {
            returns.add(splitTopLevel(r.group(1).replaceAll("//.*", "").strip()));
            before.add(previousStatement(body, r.start()));
        }
        List<String> types = f.results() == null ? List.of() : splitTopLevel(
                f.results().strip().replaceAll("^\\(|\\)$", ""));
        for (int i = 0; i < types.size(); i++) {
            String type = lastWordGroup(types.get(i));
            for (Model m : models) {
                for (Model.Acquire q : m.acquires()) {
                    if (q.returns() != null && q.returns().matcher(type).find() && handsOver(body, m, i, returns, before)) {
                        return new Owned(m, i);
                    }
                }
            }
        }
        Matcher a = ASSIGN.matcher(body);
        while (a.find()) {
            String callee = a.group(2);
            for (Model m : models) {
                for (Model.Acquire q : m.acquires()) {
                    if (q.call() == null || q.tracksReceiver() || !q.call().matcher(callee).find()
                            || !receiverFits(q, callee)) {
                        continue;
                    }
                    String[] names = a.group(1).split("\\s*,\\s*");
                    if (q.result() >= names.length) {
                        continue;
                    }
                    String var = names[q.result()].strip();
                    for (int k = 0; k < returns.size(); k++) {
                        int at = returns.get(k).indexOf(var);
                        if (at >= 0 && handsOver(body, m, at, returns, before)) {
                            return new Owned(m, at);
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * True when some return hands back a value at {@code at} that is neither nil nor released on its way out: not in
     * a deferred release, not released by the statement just before that return.
     */
    private static boolean handsOver(String body, Model m, int at, List<List<String>> returns,
                                     List<String> before) {
        Matcher d = DEFERRED.matcher(body);
        List<String> deferred = new ArrayList<>();
        while (d.find()) {
            deferred.add(d.group(1));
        }
        for (int k = 0; k < returns.size(); k++) {
            List<String> values = returns.get(k);
            if (at >= values.size()) {
                continue;
            }
            String v = values.get(at).strip();
            if (v.equals("nil") || v.isEmpty()) {
                continue;
            }
            if (!v.matches("[\\p{L}_][\\w]*")) {
                return true; // a call returned as is: what it gives is handed on
            }
            if (stored(body, v)) {
                return false; // a cache or a registry: the struct it is stored in owns it, the caller only borrows it
            }
            Pattern release = m.releasePattern(v);
            if (release.matcher(before.get(k)).find() || deferred.stream().anyMatch(x -> release.matcher(x).find())) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** The comma-separated parts of {@code s} outside brackets, parentheses and braces, each stripped. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int comma : TopLevelCommas.in(s)) {
            out.add(s.substring(from, comma).strip());
            from = comma + 1;
        }
        String last = s.substring(from).strip();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    private static final Pattern LITERAL = Pattern.compile("\\bfunc\\s*\\(");

    /**
     * The body with the bodies of its function literals blanked: what a closure acquires and returns is the closure's
     * (a dial callback the helper builds), not the helper's.
     */
    static String withoutLiterals(String body) {
        StringBuilder sb = new StringBuilder(body);
        Matcher m = LITERAL.matcher(body);
        int from = 0;
        while (m.find(from)) {
            int open = body.indexOf('{', m.end());
            if (open < 0) {
                break;
            }
            int depth = 0;
            int i = open;
            for (; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            for (int j = open + 1; j < Math.min(i, body.length()); j++) {
                if (sb.charAt(j) != '\n') {
                    sb.setCharAt(j, ' ');
                }
            }
            from = Math.min(i + 1, body.length());
        }
        return sb.toString();
    }

    /** True when the body stores {@code v} in a field, a map or slice element, a struct literal or a slice. */
    private static boolean stored(String body, String v) {
        String name = "(?<![\\w.$])" + Pattern.quote(v) + "(?![\\w$.(\\[])";
        return Pattern.compile("[\\w\\])]\\s*(\\.\\s*[\\w$]+|\\[[^\\]\\n]*])\\s*=\\s*" + name
                + "|\\{[^{}()\\n]*:\\s*" + name + "|\\bappend\\s*\\([^\\n]*" + name
                // or read from one: cc, ok := p.conns[addr]
                + "|" + name + "(\\s*,\\s*\\w+)?\\s*:?=\\s*[\\w.]+\\[[^\\]\\n]*]\\s*[;\\n]").matcher(body).find();
    }

    private static String previousStatement(String body, int at) {
        int end = body.lastIndexOf('\n', Math.max(0, at - 1));
        if (end <= 0) {
            return "";
        }
        int start = body.lastIndexOf('\n', end - 1);
        return body.substring(start + 1, end);
    }

    /** The type of a result as declared, without its name: {@code resp *http.Response} gives {@code *http.Response}. */
    private static String lastWordGroup(String result) {
        String s = result.strip();
        int space = s.indexOf(' ');
        return space > 0 && s.substring(0, space).matches("[\\p{L}_][\\w]*") ? s.substring(space + 1).strip() : s;
    }

    /** The receiver's name fits the entry; a declared type cannot be checked from the helper's text alone. */
    private static boolean receiverFits(Model.Acquire q, String callee) {
        if (q.receiver() == null && q.receiverType() == null) {
            return true;
        }
        int dot = callee.lastIndexOf('.');
        return dot > 0 && q.receiver() != null && q.receiver().matcher(Summaries.simpleName(callee.substring(0, dot)))
                .find();
    }
}
