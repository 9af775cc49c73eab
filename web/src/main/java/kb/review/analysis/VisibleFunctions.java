package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.review.analysis.Callees.Context;
import kb.review.analysis.Callees.Target;
import kb.review.analysis.Summaries.Function;

/**
 * The functions visible to the review, for {@link Summaries}: those of the change (and beside it in repo mode) by
 * simple name, the Java methods declared without a body, and how a call in one file's view ({@link Context}) finds its
 * declarations, in the change or through the checkout ({@link Callees}, {@link CheckoutHelpers}).
 */
abstract class VisibleFunctions {

    final Map<String, List<Function>> byName;
    /** Java methods declared without a body (interfaces, abstract classes), by name: only their return types count. */
    final Map<String, List<Function>> bodiless;
    final Models models;
    final Checkout checkout;
    final CheckoutHelpers helpers;
    final Context context;
    final Callees callees;

    VisibleFunctions(List<Function> functions, Models models, Checkout checkout) {
        this.byName = new HashMap<>();
        this.bodiless = new HashMap<>();
        for (Function f : functions) {
            (f.body() == null ? bodiless : byName).computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
        }
        this.models = models;
        this.checkout = checkout;
        this.helpers = checkout == Checkout.NONE ? CheckoutHelpers.NONE : new CheckoutHelpers(checkout.callers());
        this.context = null;
        this.callees = new Callees(byName, helpers);
    }

    VisibleFunctions(VisibleFunctions shared, Context context) {
        this.byName = shared.byName;
        this.bodiless = shared.bodiless;
        this.models = shared.models;
        this.checkout = shared.checkout;
        this.helpers = shared.helpers;
        this.context = context;
        this.callees = shared.callees;
    }

    /** The Java types this review can resolve (the JDK's alone without a checkout). */
    CheckoutTypes types() {
        return checkout.types();
    }

    /** Who calls a function across the checkout ({@link Callers#NONE} without one). */
    public Callers callers() {
        return checkout.callers();
    }

    /**
     * True when {@code callee} is a Go variable or parameter of a function type ({@code fn func(*sql.Tx) error}):
     * a callback handed the value to work with, whose caller keeps the duty of ending it.
     */
    boolean isCallback(String callee) {
        if (context == null || callee.contains(".")) {
            return false;
        }
        String type = context.types().get(callee);
        return type != null && type.startsWith("func");
    }

    /** True when the review can see what {@code callee} does: it is in the change or found in the checkout. */
    public boolean knows(String callee) {
        return callees.target(callee, context) != null;
    }

    /** The functions named {@code name} in the change (and beside it in repo mode); empty when none. */
    public List<Function> visible(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /**
     * The Java methods named {@code name} that the change declares without a body (a mapper's or a repository's
     * query, a factory interface's open); their {@code results} hold the declared return type. Empty when none.
     */
    public List<Function> bodiless(String name) {
        return bodiless.getOrDefault(name, List.of());
    }

    /** The bodiless methods of the change (see {@link #bodiless}). */
    java.util.stream.Stream<Function> allBodiless() {
        return bodiless.values().stream().flatMap(List::stream);
    }

    /** Every function and method of the change (and beside it in repo mode). */
    public java.util.stream.Stream<Function> all() {
        return byName.values().stream().flatMap(List::stream);
    }

    /** The declarations {@code callee} resolves to (in the change, beside it or in the checkout); empty when unknown. */
    public List<Function> declarations(String callee) {
        Target t = callees.target(callee, context);
        return t == null ? List.of() : t.functions();
    }

    /** The context of a function's own file, to resolve the calls in its body. */
    Context home(Function f) {
        if (f.file() == null) {
            return context;
        }
        return new Context(f.file(), helpers.text(f.file()), Map.of(), null);
    }

    /**
     * The Java methods named {@code name} (a constructor: {@code "new Type"}) of class {@code type} that the review can
     * see: in the change, else in the class's file in the checkout; empty when none is.
     */
    List<Function> members(String type, String name) {
        String owner = Summaries.simpleName(type.replaceAll("<.*", "").strip());
        List<Function> visible = byName.getOrDefault(name, List.of()).stream()
                .filter(f -> owner.equals(f.owner())).toList();
        if (!visible.isEmpty() || context == null || context.path() == null || context.go()
                || helpers == CheckoutHelpers.NONE) {
            return visible;
        }
        try {
            String file = helpers.javaFile(context.path(), context.text(), type);
            return file == null ? List.of() : helpers.declared(file, false, owner, name);
        } catch (RuntimeException unresolved) {
            return List.of();
        }
    }
}
