package kb.sandbox.child;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Evaluates a text of several snippets the way the {@code jshell} tool reads a script: line by
 * line, each complete snippet as soon as it is complete. Problems are placed at the line and
 * column of the user's text, and the first failing snippet ends the run.
 */
final class SnippetRunner {

    /** The imports the {@code jshell} tool starts with, so that scripts behave the same here. */
    private static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*", "java.util.regex.*",
            "java.util.stream.*");

    /** Exercises the compiler paths and bootstrap methods that reproductions typically hit. */
    private static final String WARM_UP = """
            int kbWarmCount = 0;
            String kbWarmName(int n) { return "n" + n + ':' + kbWarmCount; }
            record KbWarmPair(int a, String b) {}
            class KbWarmBox { private final java.util.concurrent.atomic.AtomicLong n = new java.util.concurrent.atomic.AtomicLong(); long next() { return n.incrementAndGet(); } }
            var kbWarmList = new ArrayList<>(List.of(3, 1, 2));
            var kbWarmMap = new ConcurrentHashMap<String, Integer>();
            for (int i = 0; i < 3; i++) { kbWarmCount += i; kbWarmMap.merge("k" + (i % 2), 1, Integer::sum); }
            int kbWarmSum = kbWarmList.stream().map(i -> i * 2).filter(i -> i > 1).sorted().mapToInt(Integer::intValue).sum();
            try { throw new IllegalStateException("warm"); } catch (RuntimeException e) { kbWarmCount += e.getMessage().length(); }
            String kbWarmSwitch = switch (kbWarmCount % 3) { case 0 -> "zero"; default -> "other"; };
            System.out.println(kbWarmName(kbWarmSum) + new KbWarmPair(1, "x") + new KbWarmBox().next() + String.format("%d %s", 3, kbWarmSwitch) + kbWarmMap);
            int kbWarmBroken = "not an int";
            """;

    private static final Pattern LOCATION_LINE = Pattern.compile("\\n\\s*location:.*", Pattern.DOTALL);

    private final JShell shell;
    private final GuardedExecutionControl guard;
    private final PrintStream err;
    private final Map<String, Integer> snippetStarts = new HashMap<>();
    private String text = "";

    private SnippetRunner(JShell shell, GuardedExecutionControl guard, PrintStream err) {
        this.shell = shell;
        this.guard = guard;
        this.err = err;
    }

    /** Builds JShell on the guarded local engine, with the default imports in place. */
    static SnippetRunner create(PrintStream out, PrintStream err) {
        var provider = new GuardedExecutionControl.Provider();
        JShell shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .in(InputStream.nullInputStream()).out(out).err(err)
                .build();
        for (String pkg : DEFAULT_IMPORTS) {
            shell.eval("import " + pkg + ";");
        }
        return new SnippetRunner(shell, provider.control(), err);
    }

    /** Runs the warm-up text, then drops its declarations so that users start from a clean state. */
    void warmUp() {
        ChildReport report = run(WARM_UP);
        if (report.outcome() != ChildReport.Outcome.COMPILE_ERROR || !guard.takeDenials().isEmpty()) {
            throw new IllegalStateException("warm-up did not end as expected: " + report);
        }
        shell.snippets().filter(s -> s.kind() != Snippet.Kind.IMPORT).forEach(shell::drop);
        snippetStarts.clear();
    }

    /** Evaluates every snippet of {@code source} in order, stopping at the first failure. */
    ChildReport run(String source) {
        text = source;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int pos = 0;
        int fed = 0;
        while (fed < source.length()) {
            int newline = source.indexOf('\n', fed);
            fed = newline < 0 ? source.length() : newline + 1;
            while (pos < fed) {
                String pending = source.substring(pos, fed);
                var info = analysis.analyzeCompletion(pending);
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    pos = fed;
                } else if (!info.completeness().isComplete()) {
                    break;
                } else {
                    int consumed = Math.max(1, pending.length() - info.remaining().length());
                    ChildReport failure = evaluate(info.source(), pos, pos + consumed);
                    if (failure != null) {
                        return failure;
                    }
                    pos += consumed;
                    if (info.remaining().isBlank()) {
                        pos = fed;
                    }
                }
            }
        }
        if (pos < source.length() && !source.substring(pos).isBlank()) {
            ChildReport failure = evaluate(source.substring(pos), pos, source.length());
            if (failure != null) {
                return failure;
            }
            return problem(ChildReport.Outcome.COMPILE_ERROR, pos, "the text ends inside this snippet");
        }
        return ChildReport.of(ChildReport.Outcome.COMPLETED, "");
    }

    /** Evaluates one snippet found at {@code [start, end)} of the text; {@code null} when it went well. */
    private ChildReport evaluate(String snippetSource, int start, int end) {
        List<SnippetEvent> events = shell.eval(snippetSource);
        var denials = guard.takeDenials();
        if (!denials.isEmpty()) {
            return denied(denials, start, end);
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            snippetStarts.put(snippet.id(), firstNonBlank(start, end));
            if (event.status() == Snippet.Status.REJECTED) {
                return compileError(snippet, start, end);
            }
            if (event.exception() instanceof UnresolvedReferenceException unresolved) {
                return unresolved(unresolved);
            }
            if (event.exception() instanceof EvalException thrown) {
                return exception(thrown);
            }
            if (event.exception() != null) {
                return ChildReport.of(ChildReport.Outcome.INTERNAL, String.valueOf(event.exception()));
            }
        }
        return null;
    }

    private ChildReport compileError(Snippet snippet, int start, int end) {
        var problems = new ArrayList<ChildReport.Problem>();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(d -> {
            long at = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            int offset = at < 0 ? firstNonBlank(start, end) : (int) Math.min(start + at, Math.max(start, end - 1));
            String message = LOCATION_LINE.matcher(d.getMessage(Locale.ROOT)).replaceAll("");
            problems.add(new ChildReport.Problem(line(offset), column(offset), message));
        });
        if (problems.isEmpty()) {
            int offset = firstNonBlank(start, end);
            problems.add(new ChildReport.Problem(line(offset), column(offset), "this snippet does not compile"));
        }
        var first = problems.get(0);
        return new ChildReport(ChildReport.Outcome.COMPILE_ERROR,
                "line " + first.line() + ": " + first.message().lines().findFirst().orElse(""), problems);
    }

    private ChildReport unresolved(UnresolvedReferenceException e) {
        Snippet declaration = e.getSnippet();
        var missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) declaration).toList();
        int offset = snippetStarts.getOrDefault(declaration.id(), 0);
        return problem(ChildReport.Outcome.COMPILE_ERROR, offset,
                "this declaration refers to " + String.join(", ", missing) + ", which is never declared");
    }

    private ChildReport exception(EvalException thrown) {
        int line = printTrace(thrown, "Exception in thread \"main\" ", 0);
        String message = thrown.getExceptionClassName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        var problems = line > 0 ? List.of(new ChildReport.Problem(line, 0, message)) : List.<ChildReport.Problem>of();
        return new ChildReport(ChildReport.Outcome.EXCEPTION, message + (line > 0 ? " (line " + line + ")" : ""),
                problems);
    }

    /** Prints a stack trace the way the JVM does, with snippet frames as user lines; returns the first such line. */
    private int printTrace(EvalException thrown, String prefix, int depth) {
        err.println(prefix + thrown.getExceptionClassName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
        int firstLine = 0;
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String file = frame.getFileName();
            Integer snippetStart = file != null && file.startsWith("#") ? snippetStarts.get(file.substring(1)) : null;
            if (snippetStart == null) {
                err.println("\tat " + frame);
                continue;
            }
            int line = line(snippetStart) + Math.max(frame.getLineNumber(), 1) - 1;
            firstLine = firstLine == 0 ? line : firstLine;
            String method = frame.getMethodName();
            err.println("\tat " + (method.isEmpty() ? "" : method + " ") + "(line " + line + ")");
        }
        if (thrown.getCause() instanceof EvalException cause && depth < 8) {
            printTrace(cause, "Caused by: ", depth + 1);
        }
        err.flush();
        return firstLine;
    }

    private ChildReport denied(List<BytecodePolicy.Violation> violations, int start, int end) {
        var problems = new ArrayList<ChildReport.Problem>();
        for (var v : violations) {
            int offset = find(v.name(), start, end);
            problems.add(new ChildReport.Problem(line(offset), column(offset), v.message()));
        }
        var first = problems.get(0);
        return new ChildReport(ChildReport.Outcome.DENIED, first.message() + " (line " + first.line() + ")", problems);
    }

    private ChildReport problem(ChildReport.Outcome outcome, int offset, String message) {
        int line = line(offset);
        return new ChildReport(outcome, "line " + line + ": " + message,
                List.of(new ChildReport.Problem(line, column(offset), message)));
    }

    /** Where a forbidden name is written in the snippet; its first line when it is not written out. */
    private int find(String word, int start, int end) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).region(start, end);
        return m.find() ? m.start() : firstNonBlank(start, end);
    }

    private int firstNonBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return start;
    }

    private int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private int column(int offset) {
        return offset - text.lastIndexOf('\n', offset - 1);
    }
}
