package kb.review.analysis;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Java calls that acquire by the declared return type of what they call, the {@code returns:} entries of the models:
 * a query method of a MyBatis mapper declared {@code Cursor<Order> streamAll();}, a Spring Data repository method
 * declared to return a {@code Stream}, a factory interface whose {@code open} returns an {@code InputStream}. Such a
 * method has no body the review could read (the framework implements it), so its declaration is all there is: the
 * change's methods declared without a body ({@link Summaries#bodiless}) with the called name and arity, every one of
 * them declaring a matching type. An entry marked {@code local-type} is also met by the declared type of the local the
 * call is stored in, for the types whose every value is its holder's to close (a cursor), with the declaration out of
 * sight. The receiver patterns of the entry, when it has them, must hold: by the receiver's declared type (sure), else
 * by the declaring interface's name (sure) or by the receiver's name (a guess).
 */
public final class DeclaredReturns {

    private DeclaredReturns() {
    }

    /**
     * How {@code call}, stored in a local declared as {@code localType} (null: {@code var} or unknown), meets the
     * {@code returns} entry {@code q}: TRUE sure, FALSE a guess, null not at all.
     */
    static Boolean matches(Model.Acquire q, MethodCallExpr call, String localType, Summaries summaries,
                           Map<String, String> types) {
        if (q.returns() == null) {
            return null;
        }
        String scope = call.getScope().map(Printed::of).orElse("");
        String receiver = Summaries.simpleName(scope);
        String receiverType = receiver.isEmpty() ? null : types.get(receiver);
        List<Summaries.Function> declared = summaries.bodiless(call.getNameAsString()).stream()
                .filter(f -> f.params().size() == call.getArguments().size()
                        || f.variadic() && call.getArguments().size() >= f.params().size() - 1)
                .filter(f -> receiverType == null || erasure(receiverType).equals(f.owner()))
                .toList();
        if (!declared.isEmpty() && declared.stream().allMatch(f -> typeMatches(q.returns(), f.results()))) {
            if (q.receiver() == null && q.receiverType() == null) {
                return receiverType != null || declared.size() == 1 ? Boolean.TRUE : Boolean.FALSE;
            }
            Boolean byReceiver = q.receiverMatch(receiver, receiverType);
            if (byReceiver == null && receiverType == null && q.receiverType() != null
                    && declared.stream().allMatch(f -> f.owner() != null && q.receiverType().matcher(f.owner()).find())) {
                return Boolean.TRUE; // the declaring interface is one the entry names (a *Repository)
            }
            if (byReceiver != null) {
                return byReceiver;
            }
        }
        if (!q.localType() || localType == null || !typeMatches(q.returns(), localType)) {
            return null;
        }
        if (q.receiver() == null && q.receiverType() == null) {
            return Boolean.FALSE; // the local's type is seen, not the called method's
        }
        return q.receiverMatch(receiver, receiverType);
    }

    /**
     * The declared type of the local a call is stored in, as evidence of what the call returns, or null when it is
     * none: when the called helper's body is in view (that body says whether it opens what it returns or lends a field
     * of its object), or when the call takes a value out of a container ({@code statements.get(sql)}, a cache's
     * {@code computeIfAbsent}, an iterator's {@code next()}): the container holds it, the call opened nothing.
     */
    static String localEvidence(MethodCallExpr call, String localType, Summaries summaries, Map<String, String> types,
                                java.util.Set<String> fileMethods) {
        if (localType == null) {
            return null;
        }
        if (CONTAINER_READ.matcher(call.getNameAsString()).matches()) {
            return null;
        }
        String receiver = call.getScope().map(s -> Summaries.simpleName(Printed.of(s))).orElse("");
        String receiverType = receiver.isEmpty() ? null : types.get(receiver);
        if (receiverType != null && CONTAINER.matcher(erasure(receiverType)).find()) {
            return null;
        }
        // a helper handed the caller's connection makes the value on it (Statements.update(c, sql, args)): closing
        // that connection ends it, and the lifecycle follows the connection (res32's lent connections)
        for (com.github.javaparser.ast.expr.Expression arg : call.getArguments()) {
            String argType = arg.isNameExpr() ? types.get(arg.toString()) : null;
            if (argType != null && erasure(argType).endsWith("Connection")) {
                return null;
            }
        }
        return JavaOwnedReturns.bodyInView(call, summaries, fileMethods) ? null : localType;
    }

    /** Calls that read a value out of a container, an optional, a future, a queue or an iterator. */
    private static final Pattern CONTAINER_READ = Pattern.compile("get|getOrDefault|computeIfAbsent|"
            + "computeIfPresent|compute|merge|remove|poll|pollFirst|pollLast|peek|take|pop|element|next|previous|"
            + "orElse|orElseGet|orElseThrow|join|getNow|getFirst|getLast|firstElement|lastElement|elementAt|"
            + "getIfPresent|getValue|borrowObject");

    /** JDK and common container types: what a call on one returns, it held. */
    private static final Pattern CONTAINER = Pattern.compile("(Map|List|Set|Collection|Queue|Deque|Optional|"
            + "Iterator|Iterable|Future|Cache|Stack|Vector|Pool|Entry)$");

    /** True when {@code type} as written ({@code Cursor<Order>}, {@code java.io.InputStream}) matches {@code p}. */
    static boolean typeMatches(Pattern p, String type) {
        if (type == null) {
            return false;
        }
        String t = erasure(type);
        if (t.isEmpty() || t.equals("var")) {
            return false;
        }
        String simple = t.substring(t.lastIndexOf('.') + 1);
        if (!p.pattern().contains("\\.")) {
            return p.matcher(simple).find(); // a pattern of simple names
        }
        // a package the file's imports leave unknown ("?." from JavaAcquisitions): only a pattern that takes any
        // package takes it, not one naming the package (JDBC's ResultSet, not a Cassandra driver's)
        return t.startsWith("?.") ? p.matcher("zz.unknown." + simple).find() : p.matcher(t).find();
    }

    /** The type without type arguments, array brackets or annotations: {@code List<String>} gives {@code List}. */
    static String erasure(String type) {
        String t = type.replaceAll("@[\\w.]+(\\([^)]*\\))?\\s*", "").strip();
        int lt = t.indexOf('<');
        return (lt < 0 ? t : t.substring(0, lt)).replace("[]", "").strip();
    }

    /**
     * True when a file of this (lower-cased) text may make a call a {@code returns} entry of {@code m} matches: it
     * names the type (a local declared with it), or calls a bodiless method of the change that declares it.
     */
    public static boolean mayAppear(Model m, String lowerText, Summaries summaries,
                                    java.util.function.Predicate<Pattern> mentioned) {
        for (Model.Acquire q : m.acquires()) {
            if (q.returns() == null) {
                continue;
            }
            if (q.localType() && mentioned.test(q.returns())) {
                return true;
            }
            if (summaries.allBodiless().anyMatch(f -> typeMatches(q.returns(), f.results())
                    && lowerText.contains(f.name().toLowerCase(java.util.Locale.ROOT) + "("))) {
                return true;
            }
        }
        return false;
    }
}
