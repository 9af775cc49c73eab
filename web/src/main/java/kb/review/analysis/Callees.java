package kb.review.analysis;

import static kb.review.analysis.Summaries.simpleName;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import kb.review.analysis.Summaries.Function;

/**
 * Which declarations a call runs, read from the file it is in: a function of the change (and beside it in repo mode)
 * by simple name, narrowed to the class's own method or the imported package's function; else, with a checkout, the
 * one {@link CheckoutHelpers} finds through a Go file's imports or a receiver's declared type, or through a Java
 * qualifier's declaring class. What {@link Summaries} asks before it summarises a helper; an unknown callee is null.
 */
final class Callees {

    /** The file calls are read in: its path and text, its declared types, and how it qualifies a type name. */
    record Context(String path, String text, Map<String, String> types, UnaryOperator<String> qualify) {

        boolean go() {
            return path != null && path.endsWith(".go");
        }
    }

    /** A callee resolved to its declarations; {@code key} names it for the caches. */
    record Target(String key, List<Function> functions) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}_][\\w]*");

    private final Map<String, List<Function>> byName;
    private final CheckoutHelpers helpers;

    Callees(Map<String, List<Function>> byName, CheckoutHelpers helpers) {
        this.byName = byName;
        this.helpers = helpers;
    }

    /** True when {@code name}'s declared type (as the file gives it) is an interface the visible code declares. */
    private static boolean declaredInterface(Context ctx, String name) {
        String type = ctx.types().get(name);
        if (type == null || ctx.text() == null) {
            return false;
        }
        String bare = type.replaceFirst("^\\*+", "").replaceAll("\\[.*", "").strip();
        String owner = bare.substring(bare.lastIndexOf('.') + 1);
        return !owner.isEmpty() && Pattern.compile("(?m)^\\s*(?:type\\s+)?" + Pattern.quote(owner)
                + "(?:\\[[^\\]]*\\])?\\s+interface\\s*\\{").matcher(ctx.text()).find();
    }

    /** The callee's declarations, or null when unknown; never fails (a lookup that breaks is an unknown helper). */
    Target target(String callee, Context ctx) {
        try {
            return lookup(callee, ctx);
        } catch (RuntimeException unresolved) {
            return null;
        }
    }

    private Target lookup(String callee, Context ctx) {
        String simple = simpleName(callee);
        int dot = callee.lastIndexOf('.');
        String qualifier = dot < 0 ? null : callee.substring(0, dot);
        boolean go = ctx != null && ctx.go();
        if (go && qualifier != null && WORD.matcher(qualifier).matches()) {
            // pkg.F(x): the imported package's function, whatever the change declares under that name
            String folder = helpers.goImports(ctx.path(), ctx.text()).get(qualifier);
            if (folder != null) {
                return found("go:" + folder + "." + simple, helpers.declared(folder, true, null, simple));
            }
        }
        List<Function> visible = byName.get(simple);
        if (visible != null && go && qualifier != null && WORD.matcher(qualifier).matches()
                && !ctx.types().containsKey(qualifier) && importsPackage(ctx.text(), qualifier)) {
            // pkg.F is a function of package pkg, not any visible F of another package
            String pkg = qualifier;
            visible = visible.stream().filter(f -> f.owner() == null && f.file() != null
                    && simpleName(f.file().replaceAll("/[^/]*$", "").replace('/', '.')).equals(pkg)).toList();
            visible = visible.isEmpty() ? null : visible;
        }
        if (visible != null && go && visible.size() > 1 && qualifier != null && WORD.matcher(qualifier).matches()) {
            // recv.m(...) on a name whose type the file declares (a method's receiver, a parameter, a field): that
            // type's own m, not another type's m that a hunk of the change happens to show (set 17, DZ: two types'
            // handleEvents, one recovering in its first line, the other cut by its hunk)
            String type = ctx.types().get(qualifier);
            if (type != null) {
                String bare = type.replaceFirst("^\\*+", "").replaceAll("\\[.*", "").strip();
                String owner = bare.substring(bare.lastIndexOf('.') + 1);
                List<Function> own = visible.stream().filter(f -> owner.equals(f.owner())).toList();
                if (!own.isEmpty()) {
                    return new Target("visible:" + owner + "." + simple, own);
                }
            }
        }
        if (visible != null && go && qualifier != null && WORD.matcher(qualifier).matches()
                && declaredInterface(ctx, qualifier)) {
            // recv.Close() on a name the file declares with an interface type (a pool's `c Conn`): the call runs
            // whatever implements it, not the one visible method of that name on some other type (set 17, AH: a
            // pool's `go p.close(c)` judged by the pool's own Close instead of the connection's)
            visible = null;
        }
        if (visible != null && !go && ctx != null && ctx.path() != null && visible.size() > 1
                && (qualifier == null || qualifier.equals("this"))) {
            // Java: a method called without a receiver (or on this) is first the class's own; another file's method
            // of the same name (a test's override of it, another class's doWork) is not what this call runs
            String here = ctx.path();
            List<Function> own = visible.stream().filter(f -> here.equals(f.file())).toList();
            if (!own.isEmpty() && own.size() < visible.size()) {
                return new Target("visible:" + here + ":" + simple, own);
            }
        }
        if (visible != null) {
            return new Target("visible:" + simple, visible);
        }
        if (ctx == null || helpers == CheckoutHelpers.NONE) {
            return null;
        }
        if (go) {
            String folder = ctx.path().lastIndexOf('/') < 0 ? "" : ctx.path().substring(0, ctx.path().lastIndexOf('/'));
            if (qualifier == null) {
                return found("go:" + folder + "." + simple, helpers.declared(folder, true, null, simple));
            }
            String type = ctx.types().get(simpleName(qualifier));
            if (type == null) {
                return null;
            }
            type = type.replaceFirst("^\\*+", "").replaceAll("\\[.*", "").strip();
            int tdot = type.lastIndexOf('.');
            if (tdot > 0) {
                folder = helpers.goImports(ctx.path(), ctx.text()).get(type.substring(0, tdot));
            }
            String owner = type.substring(tdot + 1);
            return folder == null ? null : found("go:" + folder + "." + owner + "." + simple,
                    helpers.declared(folder, true, owner, simple));
        }
        if (ctx.path() == null) {
            return null;
        }
        if (qualifier == null) {
            // a method of the class itself is in the change; else one statically imported or inherited
            qualifier = JavaOwners.unqualified(ctx.text(), simple);
            if (qualifier == null) {
                return null;
            }
        }
        String last = simpleName(qualifier);
        if (last.isEmpty()) {
            return null;
        }
        String type = Character.isUpperCase(last.charAt(0)) ? qualifier : ctx.types().get(last);
        if (type == null) {
            return null;
        }
        type = type.replaceAll("<.*", "").strip();
        if (type.isEmpty()) {
            return null; // a generic method's type parameter list, no type name
        }
        String qualified = ctx.qualify() == null || type.contains(".") ? null : ctx.qualify().apply(type);
        String file = helpers.javaFile(ctx.path(), ctx.text(), qualified != null ? qualified : type);
        if (file == null && qualified != null) {
            file = helpers.javaFile(ctx.path(), ctx.text(), type);
        }
        String owner = simpleName(type);
        return file == null ? null : found("java:" + file + "." + owner + "." + simple,
                helpers.declared(file, false, owner, simple));
    }

    /** True when a Go file's text imports a package named {@code name} (by the path's last element or an alias). */
    private static boolean importsPackage(String text, String name) {
        return text != null && Pattern.compile("(?m)^\\s*(?:import\\s+)?(?:" + Pattern.quote(name)
                + "\\s+\"[^\"]*\"|\"(?:[^\"]*/)?" + Pattern.quote(name) + "(?:/v\\d+)?\")").matcher(text).find();
    }

    private static Target found(String key, List<Function> functions) {
        return functions.isEmpty() ? null : new Target(key, functions);
    }
}
