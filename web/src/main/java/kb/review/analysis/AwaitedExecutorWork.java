package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * A long-lived pool of a fixed number of threads whose every submission is awaited by the method that makes it
 * (session 46, prec46; CONC-02's java-unbounded-executor): a fork-join over work the caller already holds
 * ({@code for (Batch b : batches) pending.add(pool.submit(...));} then {@code f.get()} for each, a latch's
 * {@code await()}, {@code invokeAll}, {@code CompletableFuture.allOf(...).join()}). The caller blocks until its tasks
 * are done, so the queue holds only the work of the calls in progress, each parked on its own thread: the submitter
 * feels the pool's speed, which is the back-pressure the item asks for. Parallel map helpers are written this way
 * across projects (deeplearning4j's batch inference, Lucene's and Elasticsearch's parallel searches of segments,
 * picard's tile readers).
 * <p>
 * Only a fixed or single-thread pool: a cached pool fed a whole list starts a thread per element, waiting or not.
 * A submission in a {@code while}/{@code do} loop (the lines of a stream, a socket's messages), a method that submits
 * and does not wait after it, or a pool handed on (returned, passed as an argument) stays reported.
 */
final class AwaitedExecutorWork {

    /** What {@link BoundedExecutorWork#describe} answers for a pool whose every submission its method awaits. */
    static final String AWAITED = "awaited-submits";

    /** A wait for submitted work: a latch's or a barrier's await, a join, invokeAll itself. */
    private static final Pattern WAIT = Pattern.compile(
            "\\.\\s*(?:await|invokeAll|awaitTermination)\\s*\\(|\\.\\s*join\\s*\\(\\s*\\)");
    /** A future's get, with no argument or a timeout: read as a wait only where the method holds a Future. */
    private static final Pattern GET = Pattern.compile(
            "\\.\\s*get\\s*\\(\\s*(?:\\)|[^;()]*,\\s*(?:TimeUnit\\s*\\.\\s*)?[A-Z]+\\s*\\))");
    private static final Pattern FUTURE = Pattern.compile("\\bFuture\\s*<");
    private static final Pattern OPEN_LOOP = Pattern.compile("\\bwhile\\s*\\(|\\bdo\\s*\\{");

    private AwaitedExecutorWork() {
    }

    /** True when the pool has a fixed size and every submission of it in {@code code} is awaited as described. */
    static boolean awaited(String code, String pool, String factory) {
        if (factory.contains("newCachedThreadPool")) {
            return false;
        }
        return BoundedExecutorWork.everySubmission(code, pool, (use, method) -> {
            if (OPEN_LOOP.matcher(code.substring(method[0], use.start())).find()) {
                return false;
            }
            if (use.group().contains("invoke")) {
                return true; // invokeAll and invokeAny block until their tasks are done
            }
            String after = code.substring(use.end(), method[1]);
            boolean waits = WAIT.matcher(after).find() || GET.matcher(after).find()
                    && FUTURE.matcher(code.substring(method[0], method[1])).find();
            return waits && !BoundedExecutorWork.nested(code, method[0], use.start());
        });
    }
}
