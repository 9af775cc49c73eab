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
    /** Every class file this JShell recorded, by internal name; kept across {@link #reset}. */
    private final Map<String, byte[]> loadedBefore = new HashMap<>();
    /** A snippet class's internal name wherever a class file mentions it (class entries, descriptors, signatures). */
    private static final Pattern REFERENCE = Pattern.compile(
            "REPL/\\$JShell\\$\\d+[A-Z]*(\\$[\\w$]+)?", Pattern.UNICODE_CHARACTER_CLASS);

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        var files = new ArrayList<byte[]>();
        for (ClassBytecodes c : cbcs) {
            files.add(c.bytecodes());
        }
        var known = new java.util.HashSet<String>();
        for (byte[] f : files) {
            known.add(BytecodePolicy.Shape.of(f).name());
        }
        List<byte[]> earlier = carriedOver(files, known);
        String failure = earlier.isEmpty() ? null : record(earlier);
        if (failure == null) {
            failure = record(files);
        }
        if (failure != null) {
            throw new ClassInstallException(failure, new boolean[cbcs.length]);
        }
    }

    /**
     * Checks class files against the allowlist and the caps and records them as one step.
     *
     * @return why they were refused, or {@code null}
     */
    private String record(List<byte[]> files) {
        var batch = new HashMap<String, BytecodePolicy.Shape>();
        for (byte[] f : files) {
            var shape = BytecodePolicy.Shape.of(f);
            batch.put(shape.name(), shape);
        }
        var found = new ArrayList<BytecodePolicy.Violation>();
        for (byte[] f : files) {
            found.addAll(policy.check(f, name -> batch.getOrDefault(name, defined.get(name))));
        }
        if (!found.isEmpty()) {
            denials.addAll(found);
            return found.get(0).message();
        }
        classes += files.size();
        for (byte[] f : files) {
            classBytes += f.length;
        }
        if (classes > RunPlan.MAX_CLASSES || classBytes > RunPlan.MAX_CLASS_BYTES) {
            overLimit = "the code compiles to " + classes + " classes and " + classBytes / 1024
                    + " KiB of class files; a run may define at most " + RunPlan.MAX_CLASSES + " classes and "
                    + RunPlan.MAX_CLASS_BYTES / 1024 + " KiB";
            return overLimit;
        }
        defined.putAll(batch);
        var recorded = new ArrayList<RunPlan.ClassFile>();
        for (byte[] f : files) {
            String name = BytecodePolicy.Shape.of(f).name();
            recorded.add(new RunPlan.ClassFile(name, f));
            loadedBefore.put(name, f);
            Matcher m = WRAPPER.matcher(name);
            if (m.matches()) {
                unprobed.merge(m.group(1).replace('/', '.'), maxLine(f), Math::max);
            }
        }
        steps.add(new RunPlan.Step("", recorded, null, null));
        return null;
    }

    /**
     * The class files an earlier text of this JShell loaded that {@code files} refer to but this
     * text has not recorded, with what they refer to in turn. JShell does not load a class again
     * when the same snippet declaration compiles to the same bytes it loaded before (as after a
     * {@link #reset}, when a text declares what an earlier one did), yet the run child starts empty.
     * Identical bytes are what this text compiled to, so nothing of the earlier text comes along.
     */
    private List<byte[]> carriedOver(List<byte[]> files, java.util.Set<String> known) {
        var out = new ArrayList<byte[]>();
        var queue = new java.util.ArrayDeque<>(files);
        while (!queue.isEmpty()) {
            Matcher m = REFERENCE.matcher(new String(queue.poll(), java.nio.charset.StandardCharsets.UTF_8));
            while (m.find()) {
                String name = m.group();
                byte[] earlier = loadedBefore.get(name);
                if (earlier != null && !defined.containsKey(name) && known.add(name)) {
                    out.add(earlier);
                    queue.add(earlier);
                }
            }
        }
        return out;
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
        String internal = className.replace('.', '/');
        if (!defined.containsKey(internal) && loadedBefore.containsKey(internal)) {
            // A variable or statement whose wrapper JShell did not load again (see carriedOver).
            var known = new java.util.HashSet<>(java.util.Set.of(internal));
            var files = new ArrayList<byte[]>(List.of(loadedBefore.get(internal)));
            files.addAll(carriedOver(files, known));
            if (record(files) != null) {
                return "";
            }
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

    /** Forgets the recording of the last text, for a JShell that compiles another one. */
    void reset() {
        defined.clear();
        denials.clear();
        steps.clear();
        labelled = 0;
        unprobed.clear();
        probeFrames.clear();
        lines.clear();
        classes = 0;
        classBytes = 0;
        overLimit = null;
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
