package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * {@code Executors} pools made inside one call for that call's own work (session 49, pool49; CONC-02's
 * java-unbounded-executor). The item asks for back-pressure where work from requests or events can pile up in a
 * queue that outlives the call; these pools do not outlive it, so their queue holds only what the call itself puts
 * in. What goes wrong with them is the thread made per call and never shut down (RES-04: azure-sdk-for-java's token
 * executor, texera's console writer, Janelia's method-local pools), which other readings name:
 * <ul>
 * <li>{@link #ONE_TASK}: a pool whose result is used at once for one task and never named
 * ({@code Executors.newSingleThreadExecutor().submit(task)}, or the pool argument of one {@code supplyAsync}): nothing
 * can reach it to add a second task. GameNative's installer writes its background jobs this way.</li>
 * <li>{@link #SINGLE_PER_CALL}: a single-thread executor, or a pool the method shuts down itself, kept in a local of
 * one method that neither returns it nor stores it elsewhere: one thread per call (a probe, a flush, a token
 * request) or a pool for the batch this call was handed (matsim's carriers, a media scan of the configured folders),
 * its queue only what this call puts in. The pool may be handed to a call (a client, an algorithm) that runs within
 * this one.</li>
 * </ul>
 * Either stays reported when it is fed from a {@code while}/{@code do} loop (lines of a stream, a socket's messages):
 * there every turn adds a task or a thread, as many as the input has.
 */
final class OneTaskPools {

    /** What {@link BoundedExecutorWork#describe} answers for a pool used at once for one task. */
    static final String ONE_TASK = "one-task-pool";
    /** What {@link BoundedExecutorWork#describe} answers for a pool local to one call that it does not outlive. */
    static final String SINGLE_PER_CALL = "pool-of-this-call";

    private static final Pattern ONE_SUBMIT = Pattern.compile("\\A\\s*\\.\\s*(?:submit|execute)\\s*\\(");
    private static final Pattern LAST_ARGUMENT = Pattern.compile("\\A\\s*\\)");

    private OneTaskPools() {
    }

    /**
     * True when the factory call whose argument list opens at {@code open} is used at once for one task: followed by
     * {@code .submit(}/{@code .execute(}, or the last argument of an {@code ...Async(} call, outside any open loop of
     * the method {@code method} ([start, end] of its body).
     */
    static boolean oneTask(String code, int open, int[] method) {
        int end = BoundedExecutorWork.closeParen(code, open);
        if (end < 0 || end > method[1]) {
            return false;
        }
        String after = code.substring(end, Math.min(method[1], end + 40));
        int start = factoryStart(code, open);
        boolean used = ONE_SUBMIT.matcher(after).find() || LAST_ARGUMENT.matcher(after).find()
                && BoundedExecutorWork.ASYNC.matcher(BoundedExecutorWork.callBefore(code, start)).find();
        return used && !BoundedExecutorWork.inOpenLoop(code.substring(method[0], method[1]), start - method[0]);
    }

    /**
     * True when a pool held in the local {@code pool} of the method body {@code body} is a single-thread executor or
     * one the method shuts down itself, is neither returned nor stored elsewhere, and no use of it sits in a
     * {@code while}/{@code do} loop. Handing it to a call (a client built for this request, an algorithm run for this
     * batch, an async stage) keeps it this call's.
     */
    static boolean singleForCall(String factory, String body, String pool, String before) {
        if (!factory.contains("newSingleThreadExecutor") && !BoundedExecutorWork.shutDownHere(body, pool, before)) {
            return false;
        }
        return BoundedExecutorWork.usesStayInCall(body, pool, true);
    }

    /** The offset of {@code Executors} in the factory call whose argument list opens at {@code open}. */
    private static int factoryStart(String code, int open) {
        int at = code.lastIndexOf("Executors", open);
        return at < 0 ? open : at;
    }
}
