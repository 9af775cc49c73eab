package kb.sandbox.compiler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.EvalException;
import jdk.jshell.spi.ExecutionControl;
import kb.sandbox.child.BytecodePolicy;
import kb.sandbox.child.RunPlan;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * JShell's execution engine in the compile service: nothing runs here. Class files JShell loads
 * are checked against the allowlist and recorded, and each invocation is recorded as a step, so
 * the result is a {@link RunPlan} a run child carries out.
 *
 * <p>To place the run child's stack frames in the user's lines, each invocation that follows new
 * classes answers with a probe: an exception whose frames name every line of the new wrapper
 * classes. JShell translates such frames to snippet ids and lines, as it does for any exception,
 * and {@link #absorbProbe} keeps the translation. The probe is never shown to anyone.
 */
final class RecordingExecutionControl implements ExecutionControl, Gate {
    private static final String PROBE_CLASS = "kb.sandbox.compiler.LineProbe";
    private static final Pattern WRAPPER = Pattern.compile("^(REPL/\\$JShell\\$\\d+[A-Z]*)(\\$.*)?$");

    private final BytecodePolicy policy = new BytecodePolicy();
    private final Map<String, BytecodePolicy.Shape> defined = new HashMap<>();
    private final List<BytecodePolicy.Violation> denials = new ArrayList<>();
    private final List<RunPlan.Step> steps = new ArrayList<>();
    private int labelled;
    /** Outer wrapper classes (binary names) loaded but not yet probed, with their highest line. */
    private final Map<String, Integer> unprobed = new LinkedHashMap<>();
    private final List<String> probeFrames = new ArrayList<>();
    private final Map<String, List<RunPlan.LineRef>> lines = new HashMap<>();
    private int classes;
    private long classBytes;
    private String overLimit;

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        var batch = new HashMap<String, BytecodePolicy.Shape>();
        for (ClassBytecodes c : cbcs) {
            var shape = BytecodePolicy.Shape.of(c.bytecodes());
            batch.put(shape.name(), shape);
        }
        var found = new ArrayList<BytecodePolicy.Violation>();
        for (ClassBytecodes c : cbcs) {
            found.addAll(policy.check(c.bytecodes(), name -> batch.getOrDefault(name, defined.get(name))));
        }
        if (!found.isEmpty()) {
            denials.addAll(found);
            throw new ClassInstallException(found.get(0).message(), new boolean[cbcs.length]);
        }
        classes += cbcs.length;
        for (ClassBytecodes c : cbcs) {
            classBytes += c.bytecodes().length;
        }
        if (classes > RunPlan.MAX_CLASSES || classBytes > RunPlan.MAX_CLASS_BYTES) {
            overLimit = "the code compiles to " + classes + " classes and " + classBytes / 1024
                    + " KiB of class files; a run may define at most " + RunPlan.MAX_CLASSES + " classes and "
                    + RunPlan.MAX_CLASS_BYTES / 1024 + " KiB";
            throw new ClassInstallException(overLimit, new boolean[cbcs.length]);
        }
        defined.putAll(batch);
        var files = new ArrayList<RunPlan.ClassFile>();
        for (ClassBytecodes c : cbcs) {
            String name = BytecodePolicy.Shape.of(c.bytecodes()).name();
            files.add(new RunPlan.ClassFile(name, c.bytecodes()));
            Matcher m = WRAPPER.matcher(name);
            if (m.matches()) {
                unprobed.merge(m.group(1).replace('/', '.'), maxLine(c.bytecodes()), Math::max);
            }
        }
        steps.add(new RunPlan.Step("", files, null, null));
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws NotImplementedException {
        // As in JShell's local engine: a changed class is loaded again under a new name instead.
        throw new NotImplementedException("redefine");
    }

    @Override
    public String invoke(String className, String methodName) throws RunException {
        if (!denials.isEmpty() || overLimit != null) {
            // JShell invokes a snippet whose classes were refused (it swallows the refusal): never run it.
            return "";
        }
        steps.add(new RunPlan.Step("", List.of(), className, methodName));
        if (unprobed.isEmpty()) {
            return "";
        }
        var frames = new ArrayList<StackTraceElement>();
        probeFrames.clear();
        unprobed.forEach((cls, max) -> {
            for (int line = 1; line <= max; line++) {
                frames.add(new StackTraceElement(cls, "probe", null, line));
                probeFrames.add(cls);
            }
        });
        unprobed.clear();
        throw new UserException("line probe", PROBE_CLASS, frames.toArray(StackTraceElement[]::new));
    }

    /** Whether a snippet's exception is the probe (it always is here: nothing else runs). */
    static boolean isProbe(EvalException e) {
        return PROBE_CLASS.equals(e.getExceptionClassName());
    }

    /** Keeps JShell's translation of the probe's frames: {@code file} is {@code #id}, the line the snippet's. */
    void absorbProbe(EvalException probe) {
        StackTraceElement[] translated = probe.getStackTrace();
        var count = new HashMap<String, Integer>();
        for (int i = 0; i < translated.length && i < probeFrames.size(); i++) {
            String cls = probeFrames.get(i);
            int wrapperLine = count.merge(cls, 1, Integer::sum);
            String file = translated[i].getFileName();
            List<RunPlan.LineRef> refs = lines.computeIfAbsent(cls, c -> new ArrayList<>());
            while (refs.size() < wrapperLine - 1) {
                refs.add(null);
            }
            refs.add(file != null && file.startsWith("#")
                    ? new RunPlan.LineRef(file.substring(1), translated[i].getLineNumber()) : null);
        }
        probeFrames.clear();
    }

    /** Gives the steps recorded since the last call the snippet id they belong to. */
    void label(String snippetId) {
        for (int i = labelled; i < steps.size(); i++) {
            RunPlan.Step s = steps.get(i);
            steps.set(i, new RunPlan.Step(snippetId, s.classes(), s.invokeClass(), s.method()));
        }
        labelled = steps.size();
    }

    /** Why the run's classes passed a cap, or {@code null}. */
    String overLimit() {
        return overLimit;
    }

    List<RunPlan.Step> steps() {
        return List.copyOf(steps);
    }

    Map<String, List<RunPlan.LineRef>> lines() {
        var copy = new HashMap<String, List<RunPlan.LineRef>>();
        lines.forEach((cls, refs) -> copy.put(cls, java.util.Collections.unmodifiableList(new ArrayList<>(refs))));
        return copy;
    }

    @Override
    public List<BytecodePolicy.Violation> takeDenials() {
        var copy = List.copyOf(denials);
        denials.clear();
        return copy;
    }

    @Override
    public String varValue(String className, String varName) {
        return "";
    }

    @Override
    public void addToClasspath(String path) throws NotImplementedException {
        throw new NotImplementedException("class path");
    }

    @Override
    public void stop() {
        // Nothing runs here.
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws NotImplementedException {
        throw new NotImplementedException(command);
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    private static int maxLine(byte[] classFile) {
        int[] max = {0};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLineNumber(int line, Label start) {
                        max[0] = Math.max(max[0], line);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return max[0];
    }
}
