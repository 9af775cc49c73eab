package kb.sandbox.child;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the compile service made of a text of snippets, for a run child to carry out: the class
 * files to define and the snippet methods to invoke, in JShell's order, and how the run ends when
 * every step succeeds (completed, or the compile error or denial that stopped the compile).
 *
 * <p>It also carries what the child needs to place a runtime failure in the user's text: the
 * source, where each snippet starts, and which declarations have unresolved references.
 *
 * @param source         the user's text, for line numbers in stack traces
 * @param outputCapBytes stdout and stderr together; the child stops at this many bytes and halts
 * @param maxNewThreads  threads the snippets may have alive at once beyond those of the idle child
 * @param cpuMillis      CPU time the whole child may spend on the run, all threads together
 * @param steps          loads and invocations in order
 * @param snippetStarts  for each snippet id, the offset of the user's text that is line 1 of the snippet
 * @param unresolved     for each snippet id whose declaration refers to something never declared, the message
 * @param lines          for each snippet wrapper class ({@code REPL.$JShell$12}), the snippet line of each
 *                       line of the wrapper's source (index 0 is line 1; {@code null} where no snippet is)
 * @param ending         the report when every step succeeded
 */
public record RunPlan(String source, int outputCapBytes, int maxNewThreads, long cpuMillis, List<Step> steps,
                      Map<String, Integer> snippetStarts, Map<String, String> unresolved,
                      Map<String, List<LineRef>> lines, ChildReport ending) {

    /** Most classes a run may define; JShell makes one or two per snippet. */
    public static final int MAX_CLASSES = 400;
    /** Most bytes of class files a run may define, all together. */
    public static final int MAX_CLASS_BYTES = 768 * 1024;

    public RunPlan {
        steps = List.copyOf(steps);
        snippetStarts = Map.copyOf(snippetStarts);
        unresolved = Map.copyOf(unresolved);
        lines = Map.copyOf(lines);
    }

    /** Line {@code line} (1-based) of snippet {@code snippetId}. */
    public record LineRef(String snippetId, int line) {
    }

    /** A class file, named in internal form as the class says it is ({@code REPL/$JShell$12}). */
    public record ClassFile(String name, byte[] bytes) {
    }

    /**
     * One step: define {@code classes} (when not empty), then invoke the static no-argument
     * method {@code method} of {@code invokeClass} (when not {@code null}).
     *
     * @param snippetId the snippet the step belongs to, for messages
     */
    public record Step(String snippetId, List<ClassFile> classes, String invokeClass, String method) {
        public Step {
            classes = List.copyOf(classes);
        }
    }

    /** The same plan with other run limits. */
    public RunPlan withLimits(int outputCap, int threads, long cpu) {
        return new RunPlan(source, outputCap, threads, cpu, steps, snippetStarts, unresolved, lines, ending);
    }

    public int classCount() {
        return steps.stream().mapToInt(s -> s.classes().size()).sum();
    }

    public long classBytes() {
        return steps.stream().flatMap(s -> s.classes().stream()).mapToLong(c -> c.bytes().length).sum();
    }

    public byte[] encode() {
        var w = new Wire.Writer().string(source).integer(outputCapBytes).integer(maxNewThreads).longValue(cpuMillis);
        w.integer(steps.size());
        for (Step s : steps) {
            w.string(s.snippetId()).integer(s.classes().size());
            for (ClassFile c : s.classes()) {
                w.string(c.name()).blob(c.bytes());
            }
            w.string(s.invokeClass() == null ? "" : s.invokeClass()).string(s.method() == null ? "" : s.method());
        }
        w.integer(snippetStarts.size());
        snippetStarts.forEach((id, offset) -> w.string(id).integer(offset));
        w.integer(unresolved.size());
        unresolved.forEach((id, message) -> w.string(id).string(message));
        w.integer(lines.size());
        lines.forEach((cls, refs) -> {
            w.string(cls).integer(refs.size());
            for (LineRef r : refs) {
                w.string(r == null ? "" : r.snippetId()).integer(r == null ? 0 : r.line());
            }
        });
        return w.blob(ending.encode()).bytes();
    }

    /**
     * Reads a plan, refusing counts past the caps so that a garbled or hostile payload cannot make
     * the reader allocate without bound.
     */
    public static RunPlan decode(byte[] payload) throws IOException {
        var in = new Wire.Reader(payload);
        String source = in.string();
        int cap = in.integer();
        int threads = in.integer();
        long cpu = in.longValue();
        int n = count(in, 100_000, "steps");
        var steps = new ArrayList<Step>(Math.min(n, 1024));
        int classes = 0;
        for (int i = 0; i < n; i++) {
            String id = in.string();
            int k = count(in, MAX_CLASSES, "classes");
            classes += k;
            if (classes > MAX_CLASSES) {
                throw new IOException("more than " + MAX_CLASSES + " classes in a plan");
            }
            var files = new ArrayList<ClassFile>(k);
            for (int j = 0; j < k; j++) {
                files.add(new ClassFile(in.string(), in.blob()));
            }
            String invoke = in.string();
            String method = in.string();
            steps.add(new Step(id, files, invoke.isEmpty() ? null : invoke, method.isEmpty() ? null : method));
        }
        var starts = new LinkedHashMap<String, Integer>();
        for (int i = count(in, 100_000, "snippets"); i > 0; i--) {
            starts.put(in.string(), in.integer());
        }
        var unresolved = new LinkedHashMap<String, String>();
        for (int i = count(in, 100_000, "unresolved snippets"); i > 0; i--) {
            unresolved.put(in.string(), in.string());
        }
        var lines = new LinkedHashMap<String, List<LineRef>>();
        for (int i = count(in, MAX_CLASSES, "wrapper classes"); i > 0; i--) {
            String cls = in.string();
            int k = count(in, 1_000_000, "wrapper lines");
            var refs = new ArrayList<LineRef>(Math.min(k, 4096));
            for (int j = 0; j < k; j++) {
                String id = in.string();
                int line = in.integer();
                refs.add(id.isEmpty() ? null : new LineRef(id, line));
            }
            lines.put(cls, java.util.Collections.unmodifiableList(refs));
        }
        return new RunPlan(source, cap, threads, cpu, steps, starts, unresolved, lines, ChildReport.decode(in.blob()));
    }

    private static int count(Wire.Reader in, int max, String what) throws IOException {
        int n = in.integer();
        if (n < 0 || n > max) {
            throw new IOException("count of " + what + " out of range: " + n);
        }
        return n;
    }
}
