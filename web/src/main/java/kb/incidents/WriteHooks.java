package kb.incidents;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What other features run inside every incident write's own transaction, after its change-log rows (derived tables
 * that must hold the write when it commits). Kept in the {@link Jdbi}'s configuration, so every write through that
 * {@code Jdbi} runs them, whichever object made it (the app, the content import, a command).
 *
 * <p>Listeners run in the order of their names, the same in every instance: each takes its own row lock, and a
 * fixed order means two writers never wait for each other's locks crosswise. A listener that throws rolls the write
 * back, so listeners do only what the write must not commit without.
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

    /** Runs the listeners in name order; call inside the write's transaction. */
    static void run(Handle h) {
        for (Listener l : List.copyOf(h.getConfig(WriteHooks.class).listeners.values())) {
            l.written(h);
        }
    }

    @Override
    public WriteHooks createCopy() {
        return new WriteHooks(listeners);
    }
}
