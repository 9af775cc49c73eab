package kb.sandbox.child;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a snippet's uncaught exception the way the JVM would, but with the snippets' frames in
 * the user's lines ({@code at check (line 3)}), and without the runner's frames below them.
 * Everything it calls on the exception is user code (a message may be overridden), so every such
 * call is guarded: printing a trace never fails the runner.
 */
final class StackTraces {
    private static final int MAX_CAUSES = 8;
    /** The longest block of frames {@link #fold} recognises as repeating. */
    private static final int MAX_PERIOD = 8;
    /** A block folds once it occurs this many times in a row; fewer is ordinary code, not a runaway. */
    private static final int MIN_REPEATS = 4;

    private final RunPlan plan;
    private final SourceText text;

    StackTraces(RunPlan plan, SourceText text) {
        this.plan = plan;
        this.text = text;
    }

    /** A user line for a frame, or 0 when it is not in a snippet. */
    int userLine(StackTraceElement frame) {
        String wrapper = SnippetNames.wrapperOf(String.valueOf(frame.getClassName()));
        if (wrapper == null) {
            return 0;
        }
        List<RunPlan.LineRef> lines = plan.lines().get("REPL." + wrapper);
        int wrapperLine = frame.getLineNumber();
        if (lines == null || wrapperLine < 1 || wrapperLine > lines.size()) {
            return 0;
        }
        RunPlan.LineRef ref = lines.get(wrapperLine - 1);
        Integer start = ref == null ? null : plan.snippetStarts().get(ref.snippetId());
        return start == null ? 0 : text.line(start) + Math.max(ref.line(), 1) - 1;
    }

    /** The snippet a frame belongs to, or {@code null}. */
    String snippetOf(StackTraceElement frame) {
        String wrapper = SnippetNames.wrapperOf(String.valueOf(frame.getClassName()));
        if (wrapper == null) {
            return null;
        }
        List<RunPlan.LineRef> lines = plan.lines().get("REPL." + wrapper);
        int wrapperLine = frame.getLineNumber();
        return lines == null || wrapperLine < 1 || wrapperLine > lines.size() || lines.get(wrapperLine - 1) == null
                ? null : lines.get(wrapperLine - 1).snippetId();
    }

    /** Prints the trace and its causes; returns the first user line of the outermost exception, 0 if none. */
    int print(Throwable thrown, PrintStream err) {
        int line = print(thrown, "Exception in thread \"main\" ", err, 0);
        err.flush();
        return line;
    }

    private int print(Throwable thrown, String prefix, PrintStream err, int depth) {
        err.println(prefix + describe(thrown));
        StackTraceElement[] frames = frames(thrown);
        int last = frames.length - 1;
        while (last >= 0 && snippetOf(frames[last]) == null) {
            last--;
        }
        if (last < 0) {
            last = frames.length - 1;
        }
        int firstLine = 0;
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            StackTraceElement frame = frames[i];
            int line = userLine(frame);
            if (line == 0) {
                rendered.add("\tat " + frame);
                continue;
            }
            firstLine = firstLine == 0 ? line : firstLine;
            String method = frame.getMethodName().equals("do_it$") ? "" : frame.getMethodName();
            rendered.add("\tat " + (method.isEmpty() ? "" : method + " ") + "(line " + line + ")");
        }
        fold(rendered).forEach(err::println);
        Throwable cause = cause(thrown);
        if (cause != null && cause != thrown && depth < MAX_CAUSES) {
            print(cause, "Caused by: ", err, depth + 1);
        }
        return firstLine;
    }

    /**
     * The frames with each run of a repeating block (runaway recursion, direct or through up to
     * {@value #MAX_PERIOD} methods) kept once and followed by how often it repeats, so that a stack overflow reads
     * as its cause instead of a thousand identical lines that push everything else past the output cap.
     */
    static List<String> fold(List<String> frames) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            int period = 0;
            int repeats = 1;
            for (int p = 1; p <= MAX_PERIOD && i + 2 * p <= frames.size(); p++) {
                int r = 1;
                while (i + (r + 1) * p <= frames.size()
                        && frames.subList(i + r * p, i + (r + 1) * p).equals(frames.subList(i, i + p))) {
                    r++;
                }
                if (r >= MIN_REPEATS && r * p > repeats * Math.max(period, 1)) {
                    period = p;
                    repeats = r;
                }
            }
            if (period == 0) {
                out.add(frames.get(i++));
                continue;
            }
            out.addAll(frames.subList(i, i + period));
            out.add("\t... " + (period == 1 ? "the frame above repeats " : "the " + period + " frames above repeat ")
                    + (repeats - 1) + " more time" + (repeats == 2 ? "" : "s"));
            i += period * repeats;
        }
        return out;
    }

    /** {@code java.lang.IllegalStateException: too many}, with snippet classes under their own names. */
    static String describe(Throwable thrown) {
        String name = readableName(thrown.getClass().getName());
        String message;
        try {
            message = thrown.getMessage();
        } catch (Throwable t) { // kb:ignore ERR-01 -- user code: a message that fails to render is left out
            message = null;
        }
        return message == null ? name : name + ": " + message;
    }

    /** {@code REPL.$JShell$12$Broken} reads {@code Broken}, as in the jshell tool. */
    static String readableName(String className) {
        String wrapper = SnippetNames.wrapperOf(className);
        int nested = "REPL.".length() + (wrapper == null ? 0 : wrapper.length());
        return wrapper != null && className.length() > nested ? className.substring(nested + 1) : className;
    }

    private static StackTraceElement[] frames(Throwable thrown) {
        try {
            StackTraceElement[] frames = thrown.getStackTrace();
            return frames == null ? new StackTraceElement[0] : frames;
        } catch (Throwable t) { // kb:ignore ERR-01 -- user code may override getStackTrace
            return new StackTraceElement[0];
        }
    }

    private static Throwable cause(Throwable thrown) {
        try {
            return thrown.getCause();
        } catch (Throwable t) { // kb:ignore ERR-01 -- user code may override getCause
            return null;
        }
    }
}
