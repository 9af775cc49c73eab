package kb.review.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Java factory methods whose per-call use is in another class of the change. A method that builds a pool or client
 * and returns it (or returns what it was handed to: a client built on a connection manager) is a factory, which
 * {@link PerCall} leaves to its callers; {@link Providers} reads the callers of the same class. A factory is just
 * as often a generator or helper object that a service calls through a field ({@code generator.clientFor(site)} in
 * a download method): when a method of the change in another class makes that call, keeps the result only in a
 * local (not returned, not stored, not closed, not a try-with-resources resource, not made inside a lambda) and is
 * itself not a constructor or {@code main}, every call of that method builds a new pool. The factory's name must
 * belong to its class alone among the methods the change declares, so a same-named method of another class is not
 * taken for it.
 */
final class FactoryCallers {

    private static final Pattern LOCAL = Pattern.compile("[\\w>\\]]\\s+([\\w$]+)\\s*=\\s*$");

    private FactoryCallers() {
    }

    /**
     * Why the value built at {@code top}, returned by its method {@code factory} (of class {@code owner}), is built
     * per call by a caller in another class of the change, or null.
     */
    static String perCallElsewhere(SyntaxNode factory, String name, String owner, Summaries summaries) {
        if (summaries == null || name.isEmpty() || owner == null) {
            return null;
        }
        List<Summaries.Function> same = summaries.visible(name);
        if (same.isEmpty() || same.stream().anyMatch(f -> !owner.equals(f.owner()))) {
            return null;
        }
        Pattern call = Pattern.compile("(?<![\\w$.])([\\w$]+)\\s*\\.\\s*" + Pattern.quote(name) + "\\s*\\(");
        for (Summaries.Function f : (Iterable<Summaries.Function>) summaries.all()::iterator) {
            if (f.file() == null || !f.file().endsWith(".java") || f.body() == null || owner.equals(f.owner())
                    || f.name().startsWith("new ") || f.name().equals("main")) {
                continue;
            }
            Matcher m = call.matcher(f.body());
            while (m.find()) {
                if (!m.group(1).equals("this") && !m.group(1).equals(owner) && throwaway(f.body(), m.start())) {
                    return "in " + name + ", a factory that " + f.name() + (f.owner() == null ? ""
                            : " (" + f.owner() + ")") + " calls on every call and lets go: a new one each time";
                }
            }
        }
        return null;
    }

    /** The result of the call at {@code at} is held only by a local that the method neither keeps nor closes. */
    private static boolean throwaway(String body, int at) {
        int start = Math.max(body.lastIndexOf(';', at), Math.max(body.lastIndexOf('{', at), body.lastIndexOf('}', at)));
        String before = body.substring(start + 1, at);
        if (before.contains("->") || before.contains("return") || before.matches("(?s).*\\btry\\s*\\(.*")) {
            return false;
        }
        Matcher local = LOCAL.matcher(before);
        if (!local.find()) {
            return false;
        }
        String v = Pattern.quote(local.group(1));
        String rest = body.substring(at);
        return !Pattern.compile("\\breturn\\s+(?:new\\s+[\\w$.<>]+\\s*\\([^;]*)?(?<![\\w$])" + v + "\\s*[;,)]|[\\w\\]]\\s*\\.\\s*[\\w$]+\\s*=\\s*"
                + v + "\\s*;|(?<![\\w$.])(?:this\\s*\\.\\s*)?[\\w$]+\\s*=\\s*" + v + "\\s*;|\\.\\s*(?:put|add|offer|"
                + "register|set\\w*)\\s*\\([^;]*(?<![\\w$])" + v + "\\s*[,)]|(?<![\\w$])" + v
                + "\\s*\\.\\s*(?:close|shutdown|shutdownNow|stop|release)\\s*\\(").matcher(rest).find();
    }
}
