package kb.review.engine;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Session 31 (conc31): code whose collections one thread uses, read by {@link SharedCollections} before it calls a
 * plain collection field shared (CONC-03's "confine state to one thread"):
 * <ul>
 * <li>a command-line program: a class with its own {@code static void main(String[])} that starts no thread, pool,
 * timer or parallel stream in its text (a one-shot analyser reading a file: set 21's KP rows);</li>
 * <li>the container's lifecycle callbacks besides construction: {@code @PreDestroy}, Spring's
 * {@code afterSingletonsInstantiated} and {@code DisposableBean.destroy()}, which the container runs once, on its own
 * thread, before requests arrive or after they stopped (set 20's HA rows: lists filled in {@code @PostConstruct}
 * and emptied in {@code @PreDestroy}, a listener list filled after the singletons are made).</li>
 * </ul>
 */
final class ConfinedTypes {

    private static final Set<String> LIFECYCLE_ANNOTATIONS = Set.of("PreDestroy");
    private static final Pattern THREADS = Pattern.compile(
            "\\bThread\\b|Executor|\\bTimer\\b|parallelStream|\\.parallel\\(\\)|CompletableFuture|ForkJoin|@Async"
                    + "|@Scheduled|Runnable|Callable|\\bserve\\w*\\(|Server\\b");

    private ConfinedTypes() {
    }

    /** Whether {@code type} is a command-line program that runs on its one main thread. */
    static boolean commandLine(ClassOrInterfaceDeclaration type) {
        boolean main = type.getMethodsByName("main").stream().anyMatch(m -> m.isStatic() && m.getParameters().size() == 1
                && m.getParameter(0).getType().asString().replace(" ", "").matches("String(\\[\\]|\\.\\.\\.)"));
        return main && !THREADS.matcher(type.toString()).find();
    }

    /** Whether {@code owner} is a lifecycle callback the container runs once on its own thread. */
    static boolean lifecycle(CallableDeclaration<?> owner) {
        if (owner.getAnnotations().stream().anyMatch(a -> LIFECYCLE_ANNOTATIONS.contains(a.getNameAsString()))) {
            return true;
        }
        String name = owner.getNameAsString();
        return owner instanceof MethodDeclaration && owner.getParameters().isEmpty()
                && (name.equals("afterSingletonsInstantiated") || name.equals("destroy"));
    }
}
