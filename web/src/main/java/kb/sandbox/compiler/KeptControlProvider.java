package kb.sandbox.compiler;

import java.util.Map;
import java.util.function.Supplier;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Hands JShell one execution engine of our own and keeps it, so the caller can talk to the same
 * instance JShell uses (to collect denials or recorded class files after each eval).
 */
final class KeptControlProvider<C extends ExecutionControl> implements ExecutionControlProvider {
    private final String name;
    private final Supplier<C> factory;
    private C control;

    KeptControlProvider(String name, Supplier<C> factory) {
        this.name = name;
        this.factory = factory;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = factory.get();
        return control;
    }

    /** The engine JShell was given; null until JShell asked for one. */
    C control() {
        return control;
    }
}
