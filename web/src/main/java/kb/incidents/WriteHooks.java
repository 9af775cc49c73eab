package kb.incidents;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What other features run inside every incident write's own transaction, after its change-log rows (derived tables
 * that must hold the write when it commits). Kept in the {@link Jdbi}'s configuration, so every write through that
 * {@code Jdbi} runs them, whichever object made it (the app, the content import, a command).
 *
 * <p>Listeners run in the order of their names, the same in every instance: each takes its own row lock, and a
 * fixed order means two writers never wait for each other's locks crosswise. Each runs inside a savepoint: one that
 * fails (a lock wait that timed out, say) is undone and logged, and the write still commits. So a listener keeps
 * only what can also be caught up with later from the change log; the write itself never fails for it.
 */
public final class WriteHooks implements JdbiConfig<WriteHooks> {

    /** Called inside the transaction of a write to incidents, after its change-log rows are added. */
    public interface Listener {
        void written(Handle h);
    }

    /** Shared by every copy of the configuration: handles copy it when they open, registrations come later. */
    private final Map<String, Listener> listeners;

    /** Jdbi makes the first instance of a configuration class with this constructor. */
    public WriteHooks() {
        this(new ConcurrentSkipListMap<>());
    }

    private WriteHooks(Map<String, Listener> listeners) {
        this.listeners = listeners;
    }

    /** Runs {@code listener} in every later write through {@code jdbi}; it replaces a listener of the same name. */
    public static void register(Jdbi jdbi, String name, Listener listener) {
        jdbi.getConfig(WriteHooks.class).listeners.put(name, listener);
    }

    /** Runs the listeners in name order, each in a savepoint; call inside the write's transaction. */
    static void run(Handle h) {
        for (Map.Entry<String, Listener> e : List.copyOf(h.getConfig(WriteHooks.class).listeners.entrySet())) {
            String savepoint = "hook_" + e.getKey().replaceAll("[^A-Za-z0-9]", "_");
            h.savepoint(savepoint);
            try {
                e.getValue().written(h);
                h.release(savepoint);
            } catch (RuntimeException failed) {
                // what the listener derives follows the change log: the next read catches up with this write
                h.rollbackToSavepoint(savepoint);
                LOG.warn("write hook '{}' failed, undone; its tables catch up on the next read: {}", e.getKey(), failed.toString());
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(WriteHooks.class);

    @Override
    public WriteHooks createCopy() {
        return new WriteHooks(listeners);
    }
}
