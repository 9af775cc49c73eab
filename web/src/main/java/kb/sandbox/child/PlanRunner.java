package kb.sandbox.child;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent side of a run: defines the class files of a {@link RunPlan} and invokes the snippet
 * methods in order, as JShell's execution engine would. Nothing that crosses from the compile
 * service is trusted: names, counts, sizes and every class file are checked again here, with the
 * same {@link BytecodePolicy} the compile service applied, before anything is defined.
 */
final class PlanRunner {
    private final RunPlan plan;
    private final SourceText text;
    private final PrintStream err;
    private final SnippetLoader loader = new SnippetLoader();
    private final BytecodePolicy policy = new BytecodePolicy();
    private final Map<String, BytecodePolicy.Shape> defined = new HashMap<>();
    private final StackTraces traces;
    private int classes;
    private long bytes;

    PlanRunner(RunPlan plan, PrintStream err) {
        this.plan = plan;
        this.text = new SourceText(plan.source());
        this.err = err;
        this.traces = new StackTraces(plan, text);
    }

    /** Runs every step; the first refusal or exception ends the run. */
    ChildReport run() {
        for (RunPlan.Step step : plan.steps()) {
            ChildReport failure = define(step);
            if (failure == null && step.invokeClass() != null) {
                failure = invoke(step);
            }
            if (failure != null) {
                return failure;
            }
        }
        return plan.ending();
    }

    private ChildReport define(RunPlan.Step step) {
        if (step.classes().isEmpty()) {
            return null;
        }
        var batch = new HashMap<String, BytecodePolicy.Shape>();
        for (RunPlan.ClassFile c : step.classes()) {
            classes++;
            bytes += c.bytes().length;
            if (classes > RunPlan.MAX_CLASSES || bytes > RunPlan.MAX_CLASS_BYTES) {
                return ChildReport.of(ChildReport.Outcome.DENIED, "the code compiles to more than "
                        + RunPlan.MAX_CLASSES + " classes or " + RunPlan.MAX_CLASS_BYTES / 1024
                        + " KiB of class files, the most a run may define");
            }
            BytecodePolicy.Shape shape;
            try {
                shape = BytecodePolicy.Shape.of(c.bytes());
            } catch (RuntimeException e) {
                return malformed(c.name(), "it is not a class file");
            }
            if (!shape.name().equals(c.name()) || !SnippetNames.isSnippetClass(c.name())
                    || defined.containsKey(c.name()) || batch.containsKey(c.name())) {
                return malformed(c.name(), "only new snippet classes under their own names may be defined");
            }
            batch.put(shape.name(), shape);
        }
        var found = new ArrayList<BytecodePolicy.Violation>();
        var known = new KnownShapes(batch, defined);
        for (RunPlan.ClassFile c : step.classes()) {
            try {
                found.addAll(policy.check(c.bytes(), known));
            } catch (RuntimeException e) {
                return malformed(c.name(), "its class file cannot be read: " + e);
            }
        }
        if (!found.isEmpty()) {
            return denied(found, step);
        }
        defined.putAll(batch);
        for (RunPlan.ClassFile c : step.classes()) {
            loader.declare(c.name().replace('/', '.'), c.bytes());
        }
        return null;
    }

    private ChildReport invoke(RunPlan.Step step) {
        Method method;
        try {
            if (!loader.knows(step.invokeClass())) {
                return malformed(step.invokeClass(), "the step invokes a class the run never defined");
            }
            method = Class.forName(step.invokeClass(), false, loader).getDeclaredMethod(step.method());
            method.setAccessible(true);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return thrown(e);
        }
        try {
            method.invoke(null);
            return null;
        } catch (InvocationTargetException e) {
            return thrown(e.getCause() == null ? e : e.getCause());
        } catch (IllegalAccessException | RuntimeException e) {
            return thrown(e);
        }
    }

    /** An exception of the user's code: a declaration with unresolved references, or a runtime error. */
    private ChildReport thrown(Throwable t) {
        if (t.getClass().getName().equals(SnippetLoader.RESOLUTION_EXCEPTION)) {
            // Only the exception JShell generated into a declaration counts; a snippet that throws
            // one itself gets an ordinary runtime error.
            String id = firstSnippet(t);
            String message = id == null ? null : plan.unresolved().get(id);
            Integer start = id == null ? null : plan.snippetStarts().get(id);
            if (message != null && start != null) {
                int line = text.line(start);
                return new ChildReport(ChildReport.Outcome.COMPILE_ERROR, "line " + line + ": " + message,
                        List.of(new ChildReport.Problem(line, text.column(start), message)));
            }
        }
        int line = traces.print(t, err);
        String message = StackTraces.describe(t);
        var problems = line > 0 ? List.of(new ChildReport.Problem(line, 0, message)) : List.<ChildReport.Problem>of();
        return new ChildReport(ChildReport.Outcome.EXCEPTION, message + (line > 0 ? " (line " + line + ")" : ""),
                problems);
    }

    private String firstSnippet(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length == 0 ? null : traces.snippetOf(frames[0]);
    }

    private ChildReport denied(List<BytecodePolicy.Violation> violations, RunPlan.Step step) {
        Integer start = plan.snippetStarts().get(step.snippetId());
        int from = start == null ? 0 : start;
        var problems = new ArrayList<ChildReport.Problem>();
        for (var v : violations) {
            int offset = text.find(v.name(), from, plan.source().length());
            problems.add(new ChildReport.Problem(text.line(offset), text.column(offset), v.message()));
        }
        var first = problems.get(0);
        return new ChildReport(ChildReport.Outcome.DENIED, first.message() + " (line " + first.line() + ")", problems);
    }

    private static ChildReport malformed(String name, String why) {
        String shown = name.length() > 200 ? name.substring(0, 200) + "..." : name;
        return ChildReport.of(ChildReport.Outcome.DENIED, "the run child refused class " + shown + ": " + why);
    }

    /**
     * The shapes of this step's classes, then of those defined before. A class rather than a lambda:
     * the first lambda of a JVM costs tens of ms of CPU to link, and a small run needs none.
     */
    static final class KnownShapes implements java.util.function.Function<String, BytecodePolicy.Shape> {
        private final Map<String, BytecodePolicy.Shape> batch;
        private final Map<String, BytecodePolicy.Shape> defined;

        KnownShapes(Map<String, BytecodePolicy.Shape> batch, Map<String, BytecodePolicy.Shape> defined) {
            this.batch = batch;
            this.defined = defined;
        }

        @Override
        public BytecodePolicy.Shape apply(String name) {
            BytecodePolicy.Shape shape = batch.get(name);
            return shape != null ? shape : defined.get(name);
        }
    }
}
