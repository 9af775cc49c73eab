package kb.review.engine;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CONC-03 for a collection of {@code java.util} that is not thread-safe ({@code HashMap}, {@code ArrayList},
 * {@code HashSet}, ...) held in a field of an object that several threads use at once, and written by its methods
 * without a lock. The item: "server code runs every handler on many threads at once, so any object reachable from two
 * of them is shared whether the author meant it or not". What the review can see says the object is shared:
 * <ul>
 * <li>the class is a container singleton or a servlet ({@code @Component}, {@code @Service}, {@code @Controller},
 * {@code @RestController}, {@code @Repository}, {@code @Singleton}, {@code @ApplicationScoped}, {@code @WebServlet},
 * a subclass of {@code HttpServlet}): one instance serves every request. Reported at the field: its type is the
 * defect, whichever method writes it (session 43: {@link SharedWriteAnchors} moves it to the write an edit adds).
 * Writes while the container builds the object (constructors, setters, {@code @PostConstruct}, {@code @Autowired} or
 * {@code @Inject} methods, {@code afterPropertiesSet}) do not count, and a bean of a narrower scope
 * ({@code @Scope("prototype")}, {@code @RequestScope}) is not shared;</li>
 * <li>the writing method's own comment says it runs on several threads ("called on the event loop threads", "from
 * any thread", "concurrently"): the author's word about the method. Reported at the write.</li>
 * <li>(session 49) another member uses the field under a lock (see {@link #lockedElsewhere}). Reported at the
 * write.</li>
 * </ul>
 * A write in a synchronized method, in a {@code synchronized} block, or in a method that takes a {@code Lock} is
 * guarded and does not count.
 */
final class SharedCollections {

    private static final Set<String> UNSAFE = Set.of("HashMap", "LinkedHashMap", "TreeMap", "WeakHashMap",
            "IdentityHashMap", "EnumMap", "HashSet", "LinkedHashSet", "TreeSet", "ArrayList", "LinkedList",
            "ArrayDeque", "PriorityQueue");
    /** The methods that change a {@code java.util} collection (read by the CONC-03 rules that find its writes). */
    static final Set<String> WRITES = Set.of("put", "putAll", "putIfAbsent", "remove", "removeIf",
            "removeAll", "retainAll", "clear", "add", "addAll", "addFirst", "addLast", "offer", "offerFirst",
            "offerLast", "poll", "pollFirst", "pollLast", "push", "pop", "compute", "computeIfAbsent",
            "computeIfPresent", "merge", "replace", "replaceAll", "set", "sort");
    private static final Set<String> SHARED_CLASS = Set.of("Component", "Service", "Controller", "RestController",
            "Repository", "Singleton", "ApplicationScoped", "WebServlet", "WebFilter");
    private static final Set<String> BUILDING = Set.of("PostConstruct", "Autowired", "Inject", "Bean");
    private static final Pattern NARROW_SCOPE = Pattern.compile(
            "(?i)prototype|request|session|thread|SCOPE_(?:PROTOTYPE|REQUEST|SESSION)");
    private static final Pattern SERVLET = Pattern.compile("^(?:Http|Generic)Servlet$");
    /** A method's comment that says the method runs on several threads at once. */
    private static final Pattern MANY_THREADS = Pattern.compile(
            "(?i)\\b(?:called|invoked|runs?|executed|used)\\b[^.]{0,60}\\b(?:on|from|by)\\b[^.]{0,40}\\bthreads\\b"
                    + "|\\b(?:from|on) (?:any|several|multiple|many|different) threads?\\b|\\bconcurrently\\b");
    /** A comment that confines the method to one thread, or denies the concurrency. */
    private static final Pattern ONE_THREAD = Pattern.compile(
            "(?i)\\bnot\\b[^.]{0,30}\\bconcurrently\\b|\\b(?:single|one|same|owning|owner) thread\\b|\\bconfined\\b");
    private static final int DEPTH = 4;
    private static final Set<String> MAPS = Set.of("HashMap", "LinkedHashMap", "TreeMap", "WeakHashMap",
            "IdentityHashMap");
    /** Values made for concurrent updates: a map of them is updated by several threads too. */
    private static final Pattern ATOMIC_VALUE = Pattern.compile(
            "\\b(?:Atomic(?:Integer|Long|Double|Boolean|Reference)|LongAdder|DoubleAdder|LongAccumulator)\\b");
    /** A field type that exists only for threads: a concurrent collection, an atomic, a lock, an executor. */
    private static final Pattern CONCURRENT_TYPE = Pattern.compile(
            "\\b(?:Concurrent\\w*|CopyOnWrite\\w*|Atomic\\w+|LongAdder|DoubleAdder|ThreadLocal|\\w*BlockingQueue"
                    + "|ReentrantLock|ReentrantReadWriteLock|ReadWriteLock|StampedLock|Semaphore|CountDownLatch"
                    + "|ExecutorService|ScheduledExecutorService|Executor|ScheduledThreadPoolExecutor"
                    + "|ThreadPoolExecutor)\\b");
    /**
     * One instance serves every request: a DAO, a repository, a service, a controller, a servlet, a registry; and
     * (session 43) an AOP advice or aspect or a call interceptor, or the base class they share, which the container or
     * the client builds once and runs on every advised call, on the caller's thread (round 68's java-16).
     */
    private static final Pattern SERVER_NAME = Pattern.compile(
            "(?:Dao|DAO|Repository|Service|ServiceImpl|Controller|Servlet|Registry"
                    + "|(?:Advice|Aspect|Interceptor)(?:Base|Support)?)$");
    /** An object made for one use or one thread, or a test. */
    private static final Pattern NOT_SHARED_NAME = Pattern.compile(
            "(?:Builder|Request|Response|Dto|DTO|Visitor|Parser|Test|Tests|IT)$");
    /** A class comment that says several threads call the object. */
    private static final Pattern CLASS_MANY_THREADS = Pattern.compile(
            "(?i)\\b(?:every|all|many|several|multiple|any|different|concurrent|worker|client|listener|request"
                    + "|handler|pool)\\s+(?:\\w+\\s+)?threads?\\b|\\bconcurrently\\b");
    private static final Pattern MAY_APPLY = Pattern.compile(
            "(?=n)\\bnew\\s+(?:HashMap|LinkedHashMap|TreeMap|WeakHashMap|IdentityHashMap|EnumMap|HashSet|LinkedHashSet"
                    + "|TreeSet|ArrayList|LinkedList|ArrayDeque|PriorityQueue)\\b");

    private static final Pattern MAY_THREADS = Pattern.compile(
            // (each lookahead here names the first characters a match can start with: the regex then tries its
            // alternatives, or its word boundary, only where one of them stands, which finds the same matches)
            "(?=[CAEDRSLTtvI])(?:Concurrent|Atomic|Adder|ThreadLocal|volatile|Executor|Lock\\b|Dao\\b|DAO\\b"
                    + "|Repository\\b|Service|Controller\\b|Registry\\b|[Tt]hread|Advice|Aspect|Interceptor)");

    private SharedCollections() {
    }

    /** A cheap text test: an unsafe collection is built and something may say the object is shared. */
    static boolean mayApply(String text) {
        return MAY_APPLY.matcher(text).find() && (text.contains("@") || text.contains("Servlet")
                || text.contains("synchronized") || text.contains("lock()")
                || text.contains("thread") || text.contains("concurrent") || MAY_THREADS.matcher(text).find());
    }

    static List<JavaChecks.Report> check(Node root, boolean wholeFile) {
        List<JavaChecks.Report> out = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : root.findAll(ClassOrInterfaceDeclaration.class)) {
            if (type.isInterface()) {
                continue;
            }
            Map<String, FieldDeclaration> fields = unsafeFields(type);
            if (fields.isEmpty() || ConfinedTypes.commandLine(type)) {
                continue; // or a command-line program's one thread (session 31)
            }
            boolean sharedClass = sharedClass(type);
            for (Map.Entry<String, FieldDeclaration> f : fields.entrySet()) {
                List<MethodCallExpr> writes = unguardedWrites(type, f.getKey());
                if (sharedClass && writes.stream().anyMatch(w -> !building(w))) {
                    out.add(JavaChecks.Report.at(f.getValue(), false));
                    continue;
                }
                Optional<MethodCallExpr> said = writes.stream().filter(w -> !building(w) && saysManyThreads(w))
                        .findFirst();
                if (said.isPresent()) {
                    out.add(JavaChecks.Report.at(said.get(), false));
                    continue;
                }
                Optional<MethodCallExpr> offLock = writes.stream().filter(w -> !building(w)).findFirst();
                if (offLock.isPresent() && lockedElsewhere(type, f.getKey())) {
                    out.add(JavaChecks.Report.at(offLock.get(), false));
                    continue;
                }
                threadedMapField(type, f.getKey(), f.getValue(), writes, wholeFile).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * A plain map built at its field's declaration in a class whose visible code says threads use it at once: its
     * values are atomic counters, a sibling field is a concurrent type (a concurrent map, an atomic, an adder, a
     * {@code ThreadLocal}, a lock, an executor) or {@code volatile}, the class's comment says threads call it, or the
     * class is named as a server component (a DAO, repository, service, controller, servlet, registry). Reported at the
     * field when a visible write outside construction takes no lock, or, in a piece of the file, when no write is in
     * sight (a guess). Left alone: a map written only while the object is built or only under a lock, a
     * request-scoped class, a builder, a request or response object, a visitor, a parser, a test.
     */
    private static Optional<JavaChecks.Report> threadedMapField(ClassOrInterfaceDeclaration type, String name,
                                                                FieldDeclaration field, List<MethodCallExpr> unguarded,
                                                                boolean wholeFile) {
        VariableDeclarator v = field.getVariables().stream().filter(x -> x.getNameAsString().equals(name))
                .findFirst().orElse(null);
        if (v == null || v.getInitializer().filter(e -> e instanceof ObjectCreationExpr o
                && MAPS.contains(o.getType().getNameAsString())).isEmpty()
                || narrowScope(type)
                || NOT_SHARED_NAME.matcher(type.getNameAsString()).find()
                || !(ATOMIC_VALUE.matcher(v.getType().toString()).find() || threadedClass(type, field))) {
            return Optional.empty();
        }
        if (unguarded.stream().anyMatch(w -> !building(w))) {
            return Optional.of(JavaChecks.Report.at(field, false));
        }
        boolean anyWrite = type.findAll(MethodCallExpr.class).stream().anyMatch(c -> WRITES.contains(
                c.getNameAsString()) && c.getScope().filter(sc -> names(sc, name)).isPresent());
        return wholeFile || anyWrite ? Optional.empty() : Optional.of(JavaChecks.Report.at(field, true));
    }

    private static boolean threadedClass(ClassOrInterfaceDeclaration type, FieldDeclaration self) {
        for (FieldDeclaration other : type.getFields()) {
            if (other != self && (other.isVolatile() || other.getVariables().stream().anyMatch(x ->
                    CONCURRENT_TYPE.matcher(x.getType().toString()).find()
                            || x.getInitializer().filter(e -> CONCURRENT_TYPE.matcher(codeOf(e)).find())
                            .isPresent()))) {
                return true;
            }
        }
        String comment = type.getComment().map(c -> c.getContent()).orElse("");
        return SERVER_NAME.matcher(type.getNameAsString()).find()
                || CLASS_MANY_THREADS.matcher(comment).find() && !ONE_THREAD.matcher(comment).find()
                && !comment.matches("(?is).*\\bnot\\s+thread-?safe.*");
    }

    /**
     * An initializer's code without its string literals: a text block that holds Java source for another program (a
     * warm-up snippet naming {@code ConcurrentHashMap}) says nothing of this class's threads.
     */
    private static String codeOf(com.github.javaparser.ast.expr.Expression e) {
        if (e.isStringLiteralExpr() || e.isTextBlockLiteralExpr()) {
            return "";
        }
        return e.toString().replaceAll("\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }

    static boolean narrowScope(ClassOrInterfaceDeclaration type) {
        return type.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("Scope")
                && (a.getNameAsString().matches("(Request|Session|Thread)Scope")
                || NARROW_SCOPE.matcher(a.toString()).find()));
    }

    /** The class's own fields built as an unsafe collection, at their declaration or in a constructor. */
    private static Map<String, FieldDeclaration> unsafeFields(ClassOrInterfaceDeclaration type) {
        Map<String, FieldDeclaration> out = new LinkedHashMap<>();
        for (FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator v : field.getVariables()) {
                boolean built = v.getInitializer().map(SharedCollections::unsafe).orElse(false)
                        || type.getConstructors().stream().anyMatch(c -> c.findAll(
                        com.github.javaparser.ast.expr.AssignExpr.class).stream().anyMatch(a ->
                        names(a.getTarget(), v.getNameAsString()) && unsafe(a.getValue())));
                if (built) {
                    out.put(v.getNameAsString(), field);
                }
            }
        }
        return out;
    }

    private static boolean unsafe(Expression e) {
        return e instanceof ObjectCreationExpr o && UNSAFE.contains(o.getType().getNameAsString());
    }

    static boolean sharedClass(ClassOrInterfaceDeclaration type) {
        boolean narrow = type.getAnnotations().stream().anyMatch(a -> a.getNameAsString().endsWith("Scope")
                && (a.getNameAsString().matches("(Request|Session|Thread)Scope")
                || NARROW_SCOPE.matcher(a.toString()).find()));
        if (narrow) {
            return false;
        }
        return type.getAnnotations().stream().map(AnnotationExpr::getNameAsString).anyMatch(SHARED_CLASS::contains)
                || type.getExtendedTypes().stream().map(ClassOrInterfaceType::getNameAsString)
                .anyMatch(n -> SERVLET.matcher(n).find());
    }

    /** Mutating calls on the field ({@code f.put(...)}, {@code this.f.add(...)}) outside any lock, in this class. */
    private static List<MethodCallExpr> unguardedWrites(ClassOrInterfaceDeclaration type, String field) {
        List<MethodCallExpr> out = new ArrayList<>();
        for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
            if (!WRITES.contains(call.getNameAsString()) || call.getScope().filter(s -> names(s, field)).isEmpty()) {
                continue;
            }
            Optional<CallableDeclaration> owner = call.findAncestor(CallableDeclaration.class);
            if (owner.isEmpty() || owner.get().findAncestor(ClassOrInterfaceDeclaration.class).orElse(null) != type
                    || guarded(call, owner.get()) || onlyCalledGuarded(type, owner.get(), DEPTH)) {
                continue;
            }
            out.add(call);
        }
        return out;
    }

    /**
     * Session 49 (guard49), lock discipline as RacerD and Error Prone's {@code @GuardedBy} read it: some member of the
     * class uses the field while it holds a lock (a {@code synchronized} method or block, a {@code Lock} it takes).
     * That lock is the author's word that threads share the collection, so a write elsewhere without it races the
     * locked use (the fixes that added the missing {@code synchronized} to the one path that skipped it).
     */
    private static boolean lockedElsewhere(ClassOrInterfaceDeclaration type, String field) {
        for (SynchronizedStmt s : type.findAll(SynchronizedStmt.class)) {
            if (uses(s, field)) {
                return true;
            }
        }
        for (MethodDeclaration m : type.getMethods()) {
            if ((m.isSynchronized() || guarded(m, m)) && uses(m, field)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code n} names the field (bare or through {@code this}). */
    private static boolean uses(Node n, String field) {
        return n.findAll(NameExpr.class).stream().anyMatch(x -> x.getNameAsString().equals(field))
                || n.findAll(FieldAccessExpr.class).stream().anyMatch(x -> names(x, field));
    }

    private static boolean names(Expression e, String field) {
        return e instanceof NameExpr n && n.getNameAsString().equals(field)
                || e instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr
                && fa.getNameAsString().equals(field);
    }

    static boolean guarded(Node call, CallableDeclaration<?> owner) {
        if (owner instanceof MethodDeclaration m && m.isSynchronized()
                || call.findAncestor(SynchronizedStmt.class).isPresent()) {
            return true;
        }
        // a Lock taken in the method (lock.lock(), rw.writeLock().lock(), tryLock)
        return owner.findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> c.getNameAsString().equals("lock") || c.getNameAsString().equals("tryLock")
                        || c.getNameAsString().equals("lockInterruptibly"));
    }

    /**
     * True when {@code method} is a private helper of the class whose every call in the class is itself guarded, or is
     * made while the object is built (a scan filled under double-checked locking, a loader called from the
     * constructor): the write inside it is as guarded as its callers. A method never called in sight is not.
     */
    static boolean onlyCalledGuarded(ClassOrInterfaceDeclaration type, CallableDeclaration<?> method,
                                             int depth) {
        if (depth == 0 || !(method instanceof MethodDeclaration m) || !m.isPrivate()) {
            return false;
        }
        List<MethodCallExpr> calls = type.findAll(MethodCallExpr.class, c -> c.getNameAsString()
                .equals(m.getNameAsString()) && c.getArguments().size() == m.getParameters().size()
                && c.getScope().map(sc -> sc instanceof ThisExpr).orElse(true));
        if (calls.isEmpty()) {
            return false;
        }
        for (MethodCallExpr c : calls) {
            CallableDeclaration<?> caller = c.findAncestor(CallableDeclaration.class).orElse(null);
            if (caller == null || caller == method) {
                continue; // recursion adds no caller of its own
            }
            if (!guarded(c, caller) && !building(c) && !onlyCalledGuarded(type, caller, depth - 1)) {
                return false;
            }
        }
        return true;
    }

    /** A write made while the object is built: a constructor, an initializer, a setter or an injection method. */
    static boolean building(Node write) {
        if (write.findAncestor(InitializerDeclaration.class).isPresent()) {
            return true;
        }
        CallableDeclaration<?> owner = write.findAncestor(CallableDeclaration.class).orElse(null);
        if (owner == null || owner instanceof ConstructorDeclaration) {
            return true;
        }
        NodeList<AnnotationExpr> annotations = owner.getAnnotations();
        if (annotations.stream().map(AnnotationExpr::getNameAsString).anyMatch(BUILDING::contains)) {
            return true;
        }
        String name = owner.getNameAsString();
        return name.equals("afterPropertiesSet") || name.matches("set[A-Z]\\w*") && owner.getParameters().size() == 1
                || fluent(owner) || ConfinedTypes.lifecycle(owner);
    }

    /**
     * A configuration step written fluently: a method of the class that returns the class's own type and ends with
     * {@code return this;} ({@code health.section("sandbox", supplier)} while the app is wired), like a setter.
     */
    private static boolean fluent(CallableDeclaration<?> owner) {
        if (!(owner instanceof com.github.javaparser.ast.body.MethodDeclaration m) || m.getBody().isEmpty()) {
            return false;
        }
        NodeList<com.github.javaparser.ast.stmt.Statement> body = m.getBody().get().getStatements();
        String type = m.findAncestor(ClassOrInterfaceDeclaration.class).map(ClassOrInterfaceDeclaration::getNameAsString)
                .orElse("");
        return !body.isEmpty() && body.getLast().get().toString().strip().equals("return this;")
                && m.getType().asString().replaceAll("<.*", "").equals(type);
    }

    /** True when the comment right above the write's method says it runs on several threads. */
    private static boolean saysManyThreads(MethodCallExpr write) {
        CallableDeclaration<?> owner = write.findAncestor(CallableDeclaration.class).orElse(null);
        if (owner == null || owner.getTokenRange().isEmpty()) {
            return false;
        }
        StringBuilder comment = new StringBuilder();
        Optional<JavaToken> t = owner.getTokenRange().get().getBegin().getPreviousToken();
        while (t.isPresent() && (t.get().getCategory().isWhitespace() || t.get().getCategory().isComment())) {
            if (t.get().getCategory().isComment()) {
                comment.insert(0, t.get().getText() + "\n");
            }
            t = t.get().getPreviousToken();
        }
        return MANY_THREADS.matcher(comment).find() && !ONE_THREAD.matcher(comment).find();
    }
}
