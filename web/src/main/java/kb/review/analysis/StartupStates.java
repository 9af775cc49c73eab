package kb.review.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle.Acquisition;

/**
 * Per-thread state that is not a request's: a {@code ThreadLocal} or MDC set whose value no later task on the same
 * pooled thread can mistake for its own. CONC-04's risk is a value of one request (a user, a tenant, a trace id)
 * left on a pool thread for the next request, and the class loader it pins. Three shapes carry none of that:
 * <ul>
 * <li>a set in {@code static void main(String[])}, or in a method that launches the application (Spring's, Micronaut's
 * or Quarkus's {@code run}): the main thread belongs to no pool and runs no one else's work (Apollo's assembly tags
 * its start-up log lines with MDC while four embedded applications start);</li>
 * <li>a selector whose value is a choice between the object's own long-lived fields, or the constructor's default
 * for an instance holder: every thread holds one of the same few objects, overwritten before each use (Dropwizard's
 * read/write session factory);</li>
 * <li>a per-thread scratch buffer cached on purpose: the value is a fresh array (or builder, formatter, digest)
 * made when the thread had none, the documented use of {@code ThreadLocal} (Zipkin's {@code char[256]}).</li>
 * </ul>
 * Judged on the seventh held-out precision set (BW, CJ, CM: seven findings, none true).
 */
final class StartupStates {

    private StartupStates() {
    }

    /** Types a thread keeps as a reusable tool rather than as data: builders, buffers, formats, digests, codecs. */
    private static final Pattern TOOL = Pattern.compile(
            "(?:StringBuilder|StringBuffer|\\w*Format(?:ter)?|MessageDigest|\\w*(?:Encoder|Decoder|Random|Buffer))");

    private static final Set<String> SETTERS = Set.of("set", "put");

    /** The receiver of an application launcher's {@code run}: the class or a builder chain that starts with one. */
    private static final Pattern LAUNCHER = Pattern.compile(
            "^(?:SpringApplication|Micronaut|Quarkus)$|^new\\s+(?:SpringApplicationBuilder|SpringApplication)\\b");

    /** True when the set at {@code a} holds nothing of a request (see the class comment). */
    static boolean notPerRequest(Acquisition a) {
        Node at = a.at().ast instanceof Node n ? n : null;
        if (at == null) {
            return false;
        }
        MethodCallExpr set = (at instanceof MethodCallExpr m ? Optional.of(m) : at.findFirst(MethodCallExpr.class,
                m -> SETTERS.contains(m.getNameAsString()) && m.getArguments().isNonEmpty())).orElse(null);
        if (set == null || !SETTERS.contains(set.getNameAsString()) || set.getArguments().isEmpty()) {
            return false;
        }
        Node own = at.findAncestor(CallableDeclaration.class).map(c -> (Node) c).orElse(null);
        if (own == null || at.findAncestor(LambdaExpr.class).filter(l -> own.isAncestorOf(l)).isPresent()) {
            return false; // a task's lambda runs on a pool thread whatever method made it
        }
        if (own instanceof MethodDeclaration md && isMain(md) || launches(own)) {
            return true;
        }
        Expression value = set.getArgument(set.getArguments().size() - 1);
        CallableDeclaration<?> callable = (CallableDeclaration<?>) own;
        if (scratch(value, callable)) {
            return true;
        }
        TypeDeclaration<?> type = own.findAncestor(TypeDeclaration.class).orElse(null);
        if (type == null || !longLived(value, callable, type, 2)) {
            return false;
        }
        // a choice between the object's fields is a selector; a single field only in the constructor of the object
        // that owns the holder (its default for the constructing thread): a task's run() setting the one context
        // field it carries (CURRENT.set(user)) hands a request's value to a pool thread and stays reported
        return choice(value, callable) || own instanceof ConstructorDeclaration && instanceHolder(set, type);
    }

    private static boolean choice(Expression value, CallableDeclaration<?> own) {
        if (value instanceof EnclosedExpr e) {
            return choice(e.getInner(), own);
        }
        if (value instanceof ConditionalExpr) {
            return true;
        }
        List<Expression> values = value instanceof NameExpr n ? localValues(own, n.getNameAsString()) : null;
        return values != null && values.stream().anyMatch(v -> choice(v, own)
                || values.stream().map(Object::toString).distinct().count() > 1);
    }

    /** True when the set's holder is a non-static field of {@code type} ({@code current.set}, {@code this.current.set}). */
    private static boolean instanceHolder(MethodCallExpr set, TypeDeclaration<?> type) {
        String holder = set.getScope().map(s -> s instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                ? f.getNameAsString() : s instanceof NameExpr n ? n.getNameAsString() : null).orElse(null);
        return holder != null && type.getFieldByName(holder).filter(f -> !f.isStatic()).isPresent();
    }

    /**
     * True when the method itself boots an application ({@code SpringApplication.run(...)}, a
     * {@code SpringApplicationBuilder}'s {@code run}, Micronaut's or Quarkus's {@code run}): that is {@code main}'s work,
     * done once on the launching thread, even where the diff's hunk starts inside the method and hides its signature.
     */
    private static boolean launches(Node own) {
        return own.findAll(MethodCallExpr.class).stream().anyMatch(c -> c.getNameAsString().equals("run")
                && c.getScope().filter(s -> LAUNCHER.matcher(s.toString()).find()).isPresent());
    }

    private static boolean isMain(MethodDeclaration md) {
        return md.isStatic() && md.getNameAsString().equals("main") && md.getType().isVoidType()
                && md.getParameters().size() == 1
                && md.getParameter(0).getType().asString().replace(" ", "")
                .equals(md.getParameter(0).isVarArgs() ? "String" : "String[]");
    }

    /**
     * True when {@code value} is one of the type's own fields ({@code primary}, {@code this.reader}), a choice
     * between such values, or a local of the method whose every assignment is one. In a constructor a parameter
     * stored into the field of its name ({@code this.primary = primary}) is that field's value.
     */
    private static boolean longLived(Expression value, CallableDeclaration<?> own, TypeDeclaration<?> type, int depth) {
        if (value instanceof EnclosedExpr e) {
            return longLived(e.getInner(), own, type, depth);
        }
        if (value instanceof ConditionalExpr c) {
            return longLived(c.getThenExpr(), own, type, depth) && longLived(c.getElseExpr(), own, type, depth);
        }
        if (value instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            return type.getFieldByName(f.getNameAsString()).isPresent();
        }
        if (!(value instanceof NameExpr name)) {
            return false;
        }
        String n = name.getNameAsString();
        boolean field = type.getFieldByName(n).isPresent();
        Optional<Parameter> param = own.getParameterByName(n);
        if (param.isPresent()) {
            return field && own instanceof ConstructorDeclaration && storedInField(own, n);
        }
        List<Expression> assigned = localValues(own, n);
        if (assigned == null) {
            return field; // not a local: the field itself
        }
        return depth > 0 && !assigned.isEmpty()
                && assigned.stream().allMatch(v -> longLived(v, own, type, depth - 1));
    }

    private static boolean storedInField(CallableDeclaration<?> own, String name) {
        return own.findAll(AssignExpr.class).stream().anyMatch(as -> as.getOperator() == AssignExpr.Operator.ASSIGN
                && as.getTarget() instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                && f.getNameAsString().equals(name) && as.getValue() instanceof NameExpr v
                && v.getNameAsString().equals(name));
    }

    /** Every value a local named {@code name} gets in {@code own}; null when {@code own} declares no such local. */
    private static List<Expression> localValues(CallableDeclaration<?> own, String name) {
        boolean declared = false;
        List<Expression> values = new ArrayList<>();
        for (VariableDeclarator v : own.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name)) {
                declared = true;
                v.getInitializer().ifPresent(values::add);
            }
        }
        if (!declared) {
            return null;
        }
        for (AssignExpr as : own.findAll(AssignExpr.class)) {
            if (as.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) {
                values.add(as.getOperator() == AssignExpr.Operator.ASSIGN ? as.getValue() : as);
            }
        }
        return values;
    }

    /**
     * True when the value is a fresh tool the thread keeps for reuse: an array, or a builder, format, digest or codec
     * made from constants, directly or through a local whose every other value is read back from the same holder.
     */
    private static boolean scratch(Expression value, CallableDeclaration<?> own) {
        if (fresh(value)) {
            return true;
        }
        if (!(value instanceof NameExpr name)) {
            return false;
        }
        List<Expression> values = localValues(own, name.getNameAsString());
        if (values == null || values.isEmpty()) {
            return false;
        }
        boolean made = false;
        for (Expression v : values) {
            if (fresh(v)) {
                made = true;
            } else if (!(v instanceof MethodCallExpr get && get.getNameAsString().equals("get")
                    && get.getArguments().isEmpty())) {
                return false; // some other value (a parameter, a computed one) may be a request's
            }
        }
        return made;
    }

    private static boolean fresh(Expression v) {
        if (v instanceof ArrayCreationExpr arr) {
            return arr.getInitializer().isEmpty();
        }
        if (v instanceof ObjectCreationExpr o) {
            return TOOL.matcher(o.getType().getNameAsString()).matches() && o.getAnonymousClassBody().isEmpty()
                    && o.getArguments().stream().allMatch(StartupStates::constant);
        }
        return false;
    }

    private static boolean constant(Expression e) {
        return e.isLiteralExpr() || e instanceof NameExpr n && n.getNameAsString().matches("[A-Z][A-Z0-9_]*")
                || e instanceof FieldAccessExpr f && f.getNameAsString().matches("[A-Z][A-Z0-9_]*");
    }
}
