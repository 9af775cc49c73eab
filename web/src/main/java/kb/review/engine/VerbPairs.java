package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Session 52 (pair52): the table of verb pairs, in one place as data. A pair is a first half that takes something
 * (starts a ticker, builds a pool, subscribes, borrows a connection) and a second half that gives it back (stops,
 * shuts down, unsubscribes, puts back). {@link DroppedPairHalves} reads a change that deletes a second half while the
 * first half stays; the family names the checklist item. The names are the languages' and the libraries' vocabulary
 * (Go's {@code time.Ticker.Stop}, the JDK's {@code ExecutorService.shutdown}, Rx's {@code dispose}, NATS's
 * {@code Unsubscribe}, redigo's and commons-pool's put-backs), none a case's.
 *
 * <p>The closes, rollbacks, cancels, interrupts and thread-local resets are {@link RemovedReleases}' own table; the
 * locks are {@link RemovedLocks}'; this table holds the pairs those two do not read.
 */
final class VerbPairs {

    /**
     * A pair the owner of a field holds for the object's life: its second half belongs in the object's end method.
     *
     * @param family  the pair's name in a message
     * @param release the second half, a method called on the held value (regex of the method's name)
     * @param holders the held value's type, as the last word of its declared type or of the field's own name
     *                (regex, case-insensitive, anchored at the end)
     * @param waits   a wait on that second half ({@code awaitTermination}): deleted with it, the end no longer waits
     *                either (OPS-01's)
     */
    record Held(String family, Pattern release, Pattern holders, Pattern waits) {
    }

    /**
     * A pair a function opens and closes itself: a value taken from a pool or a lender and handed back to it.
     *
     * @param family  the pair's name in a message
     * @param giveBack the second half's callee name (a function or a method given the value)
     * @param take     the first half's callee name, on the line that assigns the value
     */
    record Lent(String family, Pattern giveBack, Pattern take) {
    }

    static final List<Held> HELD = List.of(
            // Go's time.Ticker / time.Timer (NewTicker/Stop), a Java java.util.Timer or a scheduler (cancel/stop)
            new Held("ticker or timer", Pattern.compile("^(?:Stop|stop|cancel|purge)$"),
                    Pattern.compile("(?i)(?:ticker|timer)$"), null),
            // an executor, a scheduler, an event loop group, a worker pool: built by the object, shut down at its end
            new Held("thread pool", Pattern.compile("^(?:shutdown|shutdownNow|shutdownGracefully|Shutdown|Stop|stop"
                    + "|Release|release|close|Close|terminate)$"),
                    Pattern.compile("(?i)(?:executor|executorservice|scheduler|eventloopgroup|workerpool|threadpool"
                            + "|pool|group|workers)$"),
                    Pattern.compile("^(?:awaitTermination|awaitUninterruptibly|await|syncUninterruptibly|Wait)$")),
            // a thread, a goroutine's worker or watcher the object started: stopped or interrupted at its end
            new Held("thread or worker", Pattern.compile("^(?:interrupt|Stop|stop|quit|Quit|halt)$"),
                    Pattern.compile("(?i)(?:thread|worker|watcher|poller|monitor|loop|reaper|janitor|sweeper)$"),
                    Pattern.compile("^(?:join|Wait|wait|awaitTermination)$")),
            // a subscription or a registration the object made: unsubscribed or unregistered at its end
            new Held("subscription", Pattern.compile("^(?:Unsubscribe|unsubscribe|dispose|Dispose|Unregister"
                    + "|unregister|deregister|Deregister|cancel|Cancel|Drain)$"),
                    Pattern.compile("(?i)(?:subscription|disposable|registration|sub|watch)$"), null));

    static final List<Lent> LENT = List.of(
            // a connection or an object borrowed from a pool and put back (redigo's pool.Get/conn.Close is a close;
            // these are the lender's own verbs: a project's GetConn/PutConn, commons-pool's borrowObject and
            // returnObject, Jedis' getResource and returnResource, a pool's acquire and release)
            new Lent("borrowed connection or object", Pattern.compile("^(?:Put|Return|Release|Give|Checkin|CheckIn"
                    + "|put|return|release|giveBack|checkin|returnObject|returnResource|returnBrokenResource"
                    + "|releaseConnection|invalidateObject|recycle|Recycle)\\w*$"),
                    Pattern.compile("^(?:Get|Borrow|Acquire|Take|Checkout|CheckOut|Lease|get|borrow|acquire|take"
                            + "|checkout|lease|borrowObject|getResource|getConnection|obtain)\\w*$")));

    /**
     * The verbs by which an owner opens the value it then holds in a field ({@code snmp.Connect()} fills
     * {@code snmp.Conn}, {@code client.Dial()}, {@code server.Listen()}, {@code s.open()}): the first half of that
     * field's close.
     */
    private static final String OWNER_OPENS = "(?:Connect|Open|Dial|Listen|Bind|connect|open|dial|listen|bind)\\w*";

    /** A call of an owner's opening verb on {@code owner} (regex text). */
    static String ownerOpens(String owner) {
        return "(?<![\\w.])" + java.util.regex.Pattern.quote(owner) + "\\s*\\.\\s*" + OWNER_OPENS + "\\s*\\(";
    }

    private VerbPairs() {
    }
}
