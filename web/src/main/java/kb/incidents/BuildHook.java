package kb.incidents;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.Configurable;
import org.jdbi.v3.core.config.JdbiConfig;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What runs in a building thread before it builds derived data from scratch (inside the rebuild's transaction,
 * holding its lock), kept in a {@link Jdbi}'s configuration: nothing in the app; tests hold a build there to see
 * what pages answer meanwhile. The hook gets the name of what is built (a state table, or "insights").
 */
public final class BuildHook implements JdbiConfig<BuildHook> {
    /** Shared by every copy of the configuration, like {@link WriteHooks}' listeners. */
    private final AtomicReference<Consumer<String>> hook;

    /** Jdbi makes the first instance of a configuration class with this constructor. */
    public BuildHook() {
        this(new AtomicReference<>(what -> { }));
    }

    private BuildHook(AtomicReference<Consumer<String>> hook) {
        this.hook = hook;
    }

    /** Runs {@code hook} before every later build through {@code jdbi} (replacing the one set before). */
    public static void set(Jdbi jdbi, Consumer<String> hook) {
        jdbi.getConfig(BuildHook.class).hook.set(hook);
    }

    /** Calls the hook set on {@code jdbi} (or a handle of it) with {@code what}. */
    public static void run(Configurable<?> jdbi, String what) {
        jdbi.getConfig(BuildHook.class).hook.get().accept(what);
    }

    @Override
    public BuildHook createCopy() {
        return new BuildHook(hook);
    }
}
