package kb.sandbox.compiler;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;
import kb.sandbox.child.BytecodePolicy;
import kb.sandbox.child.ChildReport;
import kb.sandbox.child.SourceText;

/** Turns what went wrong in JShell into reports placed in the user's text. */
final class Failures {
    private static final Pattern LOCATION_LINE = Pattern.compile("\\n\\s*location:.*", Pattern.DOTALL);
    /** Diagnostics kept per failure; javac can report thousands for a few lines of source. */
    static final int MAX_PROBLEMS = 20;
    /** Characters kept of one diagnostic's message. */
    static final int MAX_MESSAGE = 2000;

    private final JShell shell;
    private final SourceText text;
    private final Map<String, Integer> snippetStarts;
    private final PrintStream err;

    /**
     * @param snippetStarts for each snippet id, the offset in the user's text that JShell counts
     *                      as line 1 of that snippet
     * @param err           the snippets' stderr, where stack traces go
     */
    Failures(JShell shell, SourceText text, Map<String, Integer> snippetStarts, PrintStream err) {
        this.shell = shell;
        this.text = text;
        this.snippetStarts = snippetStarts;
        this.err = err;
    }

    /** Compile errors of a rejected snippet that JShell got exactly as it stands at {@code [start, end)}. */
    ChildReport compileError(Snippet snippet, int start, int end) {
        var problems = new ArrayList<ChildReport.Problem>();
        int[] total = {0};
        shell.diagnostics(snippet).filter(Diag::isError).forEach(d -> {
            if (++total[0] > MAX_PROBLEMS) {
                return;
            }
            long at = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            // A position javac puts past the snippet (code too large, for one) belongs to its last character.
            int offset = at < 0 ? text.firstNonBlank(start, end) : (int) Math.min(start + at, lastNonBlank(start, end));
            String message = LOCATION_LINE.matcher(d.getMessage(Locale.ROOT)).replaceAll("");
            problems.add(new ChildReport.Problem(text.line(offset), text.column(offset), shorten(message)));
        });
        if (total[0] > MAX_PROBLEMS) {
            int offset = text.firstNonBlank(start, end);
            problems.add(new ChildReport.Problem(text.line(offset), text.column(offset),
                    (total[0] - MAX_PROBLEMS) + " more errors not shown"));
        }
        if (problems.isEmpty()) {
            int offset = text.firstNonBlank(start, end);
            problems.add(new ChildReport.Problem(text.line(offset), text.column(offset), "this snippet does not compile"));
        }
        var first = problems.get(0);
        return new ChildReport(ChildReport.Outcome.COMPILE_ERROR,
                "line " + first.line() + ": " + first.message().lines().findFirst().orElse(""), problems);
    }

    private int lastNonBlank(int start, int end) {
        int i = Math.min(end, text.text().length()) - 1;
        while (i > start && Character.isWhitespace(text.text().charAt(i))) {
            i--;
        }
        return Math.max(start, i);
    }

    private static String shorten(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + " [...]";
    }

    ChildReport unresolved(UnresolvedReferenceException e) {
        Snippet declaration = e.getSnippet();
        var missing = shell.unresolvedDependencies((DeclarationSnippet) declaration).toList();
        return problem(ChildReport.Outcome.COMPILE_ERROR, snippetStarts.getOrDefault(declaration.id(), 0),
                "this declaration refers to " + String.join(", ", missing) + ", which is never declared");
    }

    /** Prints the stack trace to the snippets' stderr, as the JVM would, and reports the first user line. */
    ChildReport exception(EvalException thrown) {
        int line = printTrace(thrown, "Exception in thread \"main\" ", 0);
        String message = describe(thrown);
        var problems = line > 0 ? List.of(new ChildReport.Problem(line, 0, message)) : List.<ChildReport.Problem>of();
        return new ChildReport(ChildReport.Outcome.EXCEPTION, message + (line > 0 ? " (line " + line + ")" : ""),
                problems);
    }

    ChildReport denied(List<BytecodePolicy.Violation> violations, int start, int end) {
        var problems = new ArrayList<ChildReport.Problem>();
        for (var v : violations.subList(0, Math.min(violations.size(), MAX_PROBLEMS))) {
            int offset = text.find(v.name(), start, end);
            problems.add(new ChildReport.Problem(text.line(offset), text.column(offset), v.message()));
        }
        var first = problems.get(0);
        return new ChildReport(ChildReport.Outcome.DENIED, first.message() + " (line " + first.line() + ")", problems);
    }

    ChildReport problem(ChildReport.Outcome outcome, int offset, String message) {
        int line = text.line(offset);
        return new ChildReport(outcome, "line " + line + ": " + message,
                List.of(new ChildReport.Problem(line, text.column(offset), message)));
    }

    /** Snippet frames read {@code at method (line N)} in the user's lines; returns the first such line. */
    private int printTrace(EvalException thrown, String prefix, int depth) {
        err.println(prefix + describe(thrown));
        int firstLine = 0;
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String file = frame.getFileName();
            Integer snippetStart = file != null && file.startsWith("#") ? snippetStarts.get(file.substring(1)) : null;
            if (snippetStart == null) {
                err.println("\tat " + frame);
                continue;
            }
            int line = text.line(snippetStart) + Math.max(frame.getLineNumber(), 1) - 1;
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

    private static String describe(EvalException thrown) {
        return thrown.getExceptionClassName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }
}
