package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the review's per-file work in parallel on threads with deep stacks. The parsers and analyses walk syntax
 * trees recursively, and generated code nests far deeper than hand-written code: a string concatenated from a few
 * thousand literals is a few thousand nested binary expressions. On the JVM's default 1 MB stacks such a file ended
 * the whole review with a {@link StackOverflowError}; {@value #STACK_MB} MB carries every depth a real file has,
 * and the callers still catch the error for hostile input (see {@link Reviewer}). A stack's memory is committed only
 * as deep as it is used.
 */
final class FileWork {
    static final int STACK_MB = 16;

    private static final AtomicInteger COUNT = new AtomicInteger();
    /**
     * Tasks waiting for a thread. Each review waits for its own tasks, so the queue holds at most the files of the
     * reviews in flight; beyond this bound (a server flooded with reviews) the reviewing thread runs its file itself,
     * on its own stack, which only a file nested thousands of levels deep notices (it is then reported as not
     * analysed).
     */
    static final int QUEUE = 4096;

    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService POOL = new ThreadPoolExecutor(THREADS, THREADS, 0L, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), Worker::new, new ThreadPoolExecutor.CallerRunsPolicy());

    private static final class Worker extends Thread {
        Worker(Runnable task) {
            super(null, task, "kb-review-file-" + COUNT.incrementAndGet(), (long) STACK_MB << 20);
            setDaemon(true);
        }
    }

    /**
     * Bracket nesting beyond which a file is not walked at all: hand-written code stays under a few dozen levels and
     * generated tables under a few hundred, while a hostile file of a few hundred thousand brackets would walk for
     * a minute before it overflowed even these stacks.
     */
    static final int MAX_NESTING = 1000;

    private FileWork() {
    }

    /**
     * Whether {@code text} nests brackets ({@code ( [ {}) deeper than {@link #MAX_NESTING}. Brackets in strings and
     * comments count too: a file that says so is only read by the line rules, and its review says that.
     */
    static boolean nestsTooDeeply(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > MAX_NESTING) {
                    return true;
                }
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return false;
    }

    /**
     * {@code work} applied to every item on the pool's threads (a single item too, for their stack), results in the
     * items' order. Called from one of the pool's own threads it runs in that thread, one item after another, so
     * that nested use cannot wait on itself.
     */
    static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        if (items.isEmpty() || Thread.currentThread() instanceof Worker) {
            return items.stream().map(work).toList();
        }
        List<Future<R>> pending = new ArrayList<>(items.size());
        for (T item : items) {
            pending.add(POOL.submit(() -> work.apply(item)));
        }
        List<R> out = new ArrayList<>(items.size());
        try {
            for (Future<R> f : pending) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            pending.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("review interrupted", e);
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }
}
