package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the functions visible to the review do, computed once per function and used where they are called: which
 * parameters they release, whether they recover from a panic (Go), whether they catch every exception (Java).
 * Functions are found by simple name; when two visible functions share a name, the answer must hold for both.
 */
public final class Summaries {

    /**
     * A function seen in the change or the checkout.
     *
     * @param params the parameter names in order
     * @param body   the text of the body
     */
    public record Function(String name, List<String> params, String body) {
    }

    private static final Pattern RECOVER = Pattern.compile("\\brecover\\s*\\(\\s*\\)");
    private static final Pattern CATCH_ALL = Pattern.compile(
            "catch\\s*\\(\\s*(final\\s+)?(Throwable|Exception|RuntimeException)\\s+\\w+\\s*\\)");

    private final Map<String, List<Function>> byName = new HashMap<>();
    private final Models models;
    private final Map<String, Boolean> releases = new ConcurrentHashMap<>();
    private final Map<String, Boolean> recovers = new ConcurrentHashMap<>();

    private final Checkout checkout;

    public Summaries(List<Function> functions, Models models) {
        this(functions, models, Checkout.NONE);
    }

    /** The same, with what the review can learn from the checkout the functions come from. */
    public Summaries(List<Function> functions, Models models, Checkout checkout) {
        for (Function f : functions) {
            byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
        }
        this.models = models;
        this.checkout = checkout;
    }

    /** The Java types this review can resolve (the JDK's alone without a checkout). */
    CheckoutTypes types() {
        return checkout.types();
    }

    /** Who calls a function across the checkout ({@link Callers#NONE} without one). */
    public Callers callers() {
        return checkout.callers();
    }

    public static Summaries none(Models models) {
        return new Summaries(List.of(), models);
    }

    /** The simple name a callee text ends with: {@code s.store.closeAll} gives {@code closeAll}. */
    static String simpleName(String callee) {
        int dot = callee.lastIndexOf('.');
        return dot < 0 ? callee : callee.substring(dot + 1);
    }

    public boolean knows(String callee) {
        return byName.containsKey(simpleName(callee));
    }

    /**
     * True when the visible function {@code callee} releases its {@code arg}-th argument on some path (closes it,
     * cancels it, ends it, or hands it to another function that does), for the models of {@code language}.
     */
    public boolean releasesArgument(String callee, int arg, String language) {
        return releases.computeIfAbsent(simpleName(callee) + "#" + arg + "#" + language,
                k -> releasesArgument(simpleName(callee), arg, language, 3));
    }

    private boolean releasesArgument(String name, int arg, String language, int depth) {
        List<Function> fs = byName.get(name);
        if (fs == null || depth == 0) {
            return false;
        }
        for (Function f : fs) {
            if (arg >= f.params().size()) {
                return false;
            }
            String p = f.params().get(arg);
            boolean any = false;
            for (Model m : models.resources(language)) {
                if (m.releasePattern(p).matcher(f.body()).find()) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                any = passesOn(f.body(), p, language, depth);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** True when the body hands {@code p} to another visible function that releases it. */
    private boolean passesOn(String body, String p, String language, int depth) {
        var m = Pattern.compile("([\\w.]+)\\s*\\(([^()]*)\\)").matcher(body);
        while (m.find()) {
            String[] args = m.group(2).split(",");
            for (int i = 0; i < args.length; i++) {
                String a = args[i].strip();
                if (a.equals(p) || a.startsWith(p + ".")) {
                    String callee = simpleName(m.group(1));
                    if (byName.containsKey(callee) && releasesArgument(callee, i, language, depth - 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True when the visible function recovers from a panic: calls recover(), or a model or visible recoverer. */
    public boolean recovers(String callee) {
        return recovers.computeIfAbsent(simpleName(callee), k -> recovers(k, 3));
    }

    private boolean recovers(String name, int depth) {
        List<Function> fs = byName.get(name);
        if (fs == null || depth == 0) {
            return false;
        }
        for (Function f : fs) {
            if (!RECOVER.matcher(f.body()).find() && !deferredRecoverer(f.body(), depth)) {
                return false;
            }
        }
        return true;
    }

    private boolean deferredRecoverer(String body, int depth) {
        var m = Pattern.compile("\\bdefer\\s+([\\w.]+)\\s*\\(").matcher(body);
        while (m.find()) {
            String callee = m.group(1);
            if (isModelRecoverer(callee) || recovers(simpleName(callee), depth - 1)) {
                return true;
            }
        }
        return false;
    }

    /** True when a library model names {@code callee} as a function that recovers. */
    public boolean isModelRecoverer(String callee) {
        return models.recovers().stream().anyMatch(p -> p.matcher(callee).find());
    }

    /** True when the visible function's body catches Exception, RuntimeException or Throwable (Java). */
    public boolean catchesAll(String callee) {
        List<Function> fs = byName.get(simpleName(callee));
        return fs != null && fs.stream().allMatch(f -> CATCH_ALL.matcher(f.body()).find());
    }
}
