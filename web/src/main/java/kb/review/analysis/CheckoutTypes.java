package kb.review.analysis;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java types one review can resolve: the JDK's, and (in repo and files mode) those declared anywhere in the
 * checkout's Java source roots, so a local initialised by a factory declared in another file takes that factory's
 * return type. One instance per review.
 *
 * <p>Bounded by design. The source roots are found on first use, not before: the standard layouts
 * ({@code src/main/java}, {@code src/test/java}) within a few folder levels of the checkout, plus the root each given
 * file's {@code package} declaration implies. Each thread's solver keeps at most {@link #CACHED_FILES} parsed files,
 * and once the review has spent {@link #BUDGET_NANOS} of CPU resolving, it stops asking the checkout and the JDK
 * alone is used: a type it cannot find stays unknown and the models fall back to names (low confidence). Never an
 * error. {@link #close()} drops what the solver library keeps per solver.
 */
public final class CheckoutTypes implements AutoCloseable {

    /** Parsed checkout files each thread's solver keeps (its cache evicts beyond this). */
    static final long CACHED_FILES = 128;
    /**
     * CPU time one review may spend resolving against the checkout, over all threads: the solver parses the files a
     * type lives in, and on a review of hundreds of files this keeps its cost to a tenth or so of the review's.
     */
    static final long BUDGET_NANOS = 1_500_000_000L;
    private static final int MAX_DEPTH = 7;
    private static final int MAX_FOLDERS = 4_000;
    private static final int MAX_ROOTS = 32;
    private static final Set<String> SKIPPED = Set.of("target", "build", "out", "node_modules", "vendor", "bin");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /** The JDK only: for pasted diffs, and once a review's budget is spent. One per thread (caches are not shared). */
    private static final ThreadMXBean THREADS =
            ManagementFactory.getThreadMXBean();

    private static final ThreadLocal<TypeSolver> JDK = ThreadLocal.withInitial(() -> new ReflectionTypeSolver(true));

    /** No checkout: the JDK's types and the reviewed file's own. */
    public static final CheckoutTypes NONE = new CheckoutTypes(null, Map.of(), null);

    private final Path checkout;
    private final Map<String, String> javaFiles;
    private final Map<Thread, TypeSolver> solvers = new ConcurrentHashMap<>();
    private final AtomicLong spent = new AtomicLong();
    private volatile List<Path> roots;

    private final AutoCloseable owned;

    private CheckoutTypes(Path checkout, Map<String, String> javaFiles, AutoCloseable owned) {
        this.checkout = checkout;
        this.javaFiles = javaFiles;
        this.owned = owned;
    }

    /**
     * Types over the Java sources under {@code checkout} (files mode: the folder on disk).
     *
     * @param javaFiles the reviewed Java files, path relative to the checkout → text, whose package declarations
     *                  tell further source roots
     */
    public static CheckoutTypes of(Path checkout, Map<String, String> javaFiles) {
        return of(checkout, javaFiles, null);
    }

    /**
     * The same over a folder this object owns and closes with itself: in repo mode, the commit under review written
     * out ({@code kb.review.diff.HeadTree}), so types resolve as they are at {@code --head}.
     */
    public static CheckoutTypes of(Path checkout, Map<String, String> javaFiles, AutoCloseable owned) {
        return new CheckoutTypes(checkout.toAbsolutePath().normalize(), Map.copyOf(javaFiles), owned);
    }

    /** The solver for this thread: the checkout's while the budget lasts, the JDK's otherwise. */
    TypeSolver solver() {
        if (checkout == null || spent.get() > BUDGET_NANOS) {
            return JDK.get();
        }
        return solvers.computeIfAbsent(Thread.currentThread(), t -> build());
    }

    /** The CPU time of the current thread so far, for {@link #spend}. */
    static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Counts CPU time spent resolving against this checkout. */
    void spend(long nanos) {
        if (checkout != null) {
            spent.addAndGet(nanos);
        }
    }

    /** The source roots, found on first use. */
    List<Path> roots() {
        if (checkout == null) {
            return List.of();
        }
        List<Path> r = roots;
        if (r == null) {
            synchronized (this) {
                if (roots == null) {
                    roots = findRoots();
                }
                r = roots;
            }
        }
        return r;
    }

    private TypeSolver build() {
        List<TypeSolver> parts = new ArrayList<>();
        parts.add(new ReflectionTypeSolver(true));
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setAttributeComments(false);
        for (Path root : roots()) {
            parts.add(new JavaParserTypeSolver(root, config, CACHED_FILES));
        }
        // a source file that does not parse, or any other failure, is a type not found here, not an error
        return new CombinedTypeSolver(e -> true, parts);
    }

    private List<Path> findRoots() {
        Set<Path> found = new LinkedHashSet<>();
        javaFiles.forEach((path, text) -> {
            Path root = declaredRoot(path, text);
            if (root != null && found.size() < MAX_ROOTS) {
                found.add(root);
            }
        });
        Deque<Path> folders = new ArrayDeque<>();
        folders.add(checkout);
        int seen = 0;
        while (!folders.isEmpty() && seen++ < MAX_FOLDERS && found.size() < MAX_ROOTS) {
            Path dir = folders.poll();
            if (dir.endsWith(Path.of("src", "main", "java")) || dir.endsWith(Path.of("src", "test", "java"))) {
                found.add(dir);
                continue;
            }
            if (checkout.relativize(dir).getNameCount() >= MAX_DEPTH) {
                continue;
            }
            try (var children = Files.list(dir)) {
                children.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p))
                        .filter(p -> !p.getFileName().toString().startsWith(".")
                                && !SKIPPED.contains(p.getFileName().toString()))
                        .sorted().forEach(folders::add);
            } catch (IOException | RuntimeException unreadable) {
                // a folder that cannot be listed holds no roots we can use
            }
        }
        return List.copyOf(found);
    }

    /** {@code a/b/src/x/y/F.java} declaring {@code package x.y;} lives in root {@code a/b/src}; null if it cannot. */
    private Path declaredRoot(String path, String text) {
        Matcher m = PACKAGE.matcher(text);
        Path file = checkout.resolve(path).normalize();
        Path folder = file.getParent();
        if (folder == null || !file.startsWith(checkout)) {
            return null;
        }
        if (!m.find()) {
            return folder;
        }
        String[] parts = m.group(1).split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (folder == null || !folder.getFileName().toString().equals(parts[i])) {
                return null;
            }
            folder = folder.getParent();
        }
        return folder != null && folder.startsWith(checkout) && Files.isDirectory(folder) ? folder : null;
    }

    @Override
    public void close() {
        if (!solvers.isEmpty()) {
            solvers.clear();
            // the solver library keeps one facade per solver in a map whose values hold their keys: without this the
            // checkout's parsed files would stay reachable after the review
            JavaParserFacade.clearInstances();
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                // what it owns is a temporary folder: failing to remove it must not fail the review
            }
        }
    }
}
