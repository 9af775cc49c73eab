package kb.sandbox.compiler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import kb.sandbox.child.BytecodePolicy;

/**
 * JShell's in-process execution engine with the {@link BytecodePolicy} in front of class
 * definition. Snippets run on the thread that calls {@code eval}; nothing stops them early,
 * because the child is thrown away after the run anyway.
 *
 * <p>JShell swallows the exception {@link #load} throws (the snippet still reports VALID), so the
 * violations are kept here for the caller to collect after each eval with {@link #takeDenials}.
 */
final class GuardedExecutionControl extends DirectExecutionControl implements Gate {
    private final BytecodePolicy policy = new BytecodePolicy();
    private final Map<String, BytecodePolicy.Shape> defined = new HashMap<>();
    private final List<BytecodePolicy.Violation> denials = new ArrayList<>();

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        var batch = new HashMap<String, BytecodePolicy.Shape>();
        for (ClassBytecodes c : classes) {
            var shape = BytecodePolicy.Shape.of(c.bytecodes());
            batch.put(shape.name(), shape);
        }
        var found = new ArrayList<BytecodePolicy.Violation>();
        for (ClassBytecodes c : classes) {
            found.addAll(policy.check(c.bytecodes(), name -> batch.getOrDefault(name, defined.get(name))));
        }
        if (!found.isEmpty()) {
            synchronized (denials) {
                denials.addAll(found);
            }
            throw new ClassInstallException(found.get(0).message(), new boolean[classes.length]);
        }
        defined.putAll(batch);
        super.load(classes);
    }

    /**
     * Runs a snippet without turning its value into a string: nothing shows values, and a user's
     * {@code toString} should only run when the user's code calls it.
     */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        doitMethod.invoke(null);
        return "";
    }

    /** The violations recorded since the last call, in the order found. */
    @Override
    public List<BytecodePolicy.Violation> takeDenials() {
        synchronized (denials) {
            var copy = List.copyOf(denials);
            denials.clear();
            return copy;
        }
    }
}
