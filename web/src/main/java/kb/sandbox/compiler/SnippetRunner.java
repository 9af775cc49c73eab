package kb.sandbox.compiler;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import kb.sandbox.child.BytecodePolicy;
import kb.sandbox.child.ChildReport;
import kb.sandbox.child.RunPlan;
import kb.sandbox.child.SourceText;
import kb.sandbox.compiler.SnippetSplitter.Kind;
import kb.sandbox.compiler.SnippetSplitter.Piece;

/**
 * Evaluates a text of several snippets in order, as the {@code jshell} tool runs a script (see
 * {@link SnippetSplitter}). Problems are placed at the line and column of the user's text, and the
 * first failing snippet ends the run.
 *
 * <p>Each JShell eval costs a few compilations, so runs of plain statements are evaluated as one
 * block; when such a block does not compile or is denied, its statements are evaluated one by one
 * instead, which gives exactly the output and errors they would have given on their own. Imports
 * that repeat a default import are skipped for the same reason.
 *
 * <p>It works on either engine: in-process execution ({@link #create}, the first engine), or
 * recording for a run child ({@link #recording}), where {@link #compile} returns a {@link RunPlan}.
 * User code compiles against the JDK alone: the class path javac sees is empty.
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

    private static final Set<String> DEFAULT_IMPORT_SOURCES = DEFAULT_IMPORTS.stream()
            .map(pkg -> "import " + pkg + ";").collect(Collectors.toUnmodifiableSet());

    /** Most snippets {@link #reset} drops; past it, building a new JShell costs less. */
    private static final int MAX_DROPS = 100;

    /** A class path with nothing on it: javac would otherwise read the runner's jar (and ASM) from java.class.path. */
    private static final String NO_CLASS_PATH = "/nonexistent/kb-sandbox-compiles-against-the-jdk-only";

    private final JShell shell;
    private final Gate guard;
    private final RecordingExecutionControl recorder;
    private final PrintStream err;
    private final Map<String, Integer> snippetStarts = new HashMap<>();
    private final Map<String, String> unresolved = new HashMap<>();
    /** Ids of the default imports, which every text starts with and {@link #reset} keeps. */
    private final Set<String> defaultImports;
    /** Where the snippet being evaluated starts, for a report when JShell or javac itself fails. */
    private int current;
    /** Set when JShell or javac itself failed: its state is then unknown, so it is never used again. */
    private boolean broken;
    /** Texts compiled since this JShell was built. */
    private int texts;

    private SnippetRunner(JShell shell, Gate guard, RecordingExecutionControl recorder, PrintStream err) {
        this.defaultImports = shell.snippets().map(Snippet::id).collect(Collectors.toUnmodifiableSet());
        this.shell = shell;
        this.guard = guard;
        this.recorder = recorder;
        this.err = err;
    }

    /** Builds JShell on the guarded local engine, with the default imports in place. */
    static SnippetRunner create(PrintStream out, PrintStream err) {
        var provider = new KeptControlProvider<>("kb-guarded", GuardedExecutionControl::new);
        JShell shell = build(provider, out, err);
        return new SnippetRunner(shell, provider.control(), null, err);
    }

    /** Builds JShell on the recording engine: {@link #compile} then turns a text into a plan. */
    static SnippetRunner recording() {
        var provider = new KeptControlProvider<>("kb-recording", RecordingExecutionControl::new);
        PrintStream none = new PrintStream(java.io.OutputStream.nullOutputStream());
        JShell shell = build(provider, none, none);
        return new SnippetRunner(shell, provider.control(), provider.control(), none);
    }

    private static JShell build(jdk.jshell.spi.ExecutionControlProvider provider, PrintStream out, PrintStream err) {
        synchronized (SnippetRunner.class) {
            System.setProperty("java.class.path", NO_CLASS_PATH);
        }
        JShell shell = JShell.builder()
                .executionEngine(provider, Map.of())
                // Inline (StringBuilder) string concatenation: the indy form spins method-handle classes at
                // the first concatenation in every fresh run JVM, tens of ms of CPU per run.
                .compilerOptions("-proc:none", "-XDstringConcat=inline")
                .in(InputStream.nullInputStream()).out(out).err(err)
                .build();
        for (String source : DEFAULT_IMPORT_SOURCES) {
            shell.eval(source);
        }
        return shell;
    }

    /** Compiles {@code source} into a plan for a run child; the limits are the caller's to fill in. */
    RunPlan compile(String source) {
        texts++;
        ChildReport ending = run(source);
        recorder.label("");
        return new RunPlan(source, 0, 0, 0, recorder.steps(), snippetStarts, unresolved, recorder.lines(), ending);
    }

    /** Frees the JShell instance. */
    void close() {
        shell.close();
    }

    /** Texts compiled since this JShell was built: JShell keeps dropped snippets, so a runner is retired after a number. */
    int texts() {
        return texts;
    }

    /** Whether {@link #reset} may prepare this runner for another text: not after JShell or javac itself failed. */
    boolean reusable() {
        return !broken && recorder != null;
    }

    /**
     * Forgets everything the last text declared, so that the next text compiles exactly as on a
     * fresh JShell with the default imports: every other snippet is dropped (newest first, so that
     * no dependent is recompiled against a declaration about to go), and the recording is cleared.
     * Reusing a JShell this way costs a few ms; building one costs ten evaluations of the imports.
     *
     * @return false when the runner cannot be reused (then close it)
     */
    boolean reset() {
        if (!reusable()) {
            return false;
        }
        try {
            List<Snippet> declared = shell.snippets()
                    .filter(sn -> !defaultImports.contains(sn.id()) && shell.status(sn).isActive()).toList();
            if (declared.size() > MAX_DROPS) {
                // A text of very many declarations: a new JShell is cheaper than dropping them all.
                broken = true;
                return false;
            }
            for (int i = declared.size() - 1; i >= 0; i--) {
                shell.drop(declared.get(i));
            }
            if (shell.snippets().anyMatch(sn -> !defaultImports.contains(sn.id()) && shell.status(sn).isActive())) {
                broken = true;
                return false;
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            broken = true;
            return false;
        }
        recorder.reset();
        guard.takeDenials();
        snippetStarts.clear();
        unresolved.clear();
        return true;
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

    /**
     * Evaluates every snippet of {@code source} in order, stopping at the first failure. A failure
     * of JShell or javac itself on the user's code (deep nesting overflows javac's stack, for one)
     * is reported as what it is, at the snippet that caused it.
     */
    ChildReport run(String source) {
        var text = new SourceText(source);
        current = 0;
        try {
            return evaluate(source, text);
        } catch (StackOverflowError e) {
            broken = true;
            return outOfStack(text);
        } catch (RuntimeException | LinkageError | AssertionError | InternalError e) {
            broken = true;
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof StackOverflowError) {
                    // JShell wraps an overflow in its parser as "Exception during parse".
                    return outOfStack(text);
                }
            }
            String what = e.toString().lines().findFirst().orElse("");
            return new Failures(shell, text, snippetStarts, err).problem(ChildReport.Outcome.COMPILE_ERROR, current,
                    "the Java compiler failed on this snippet (" + (what.length() > 300 ? what.substring(0, 300) : what) + ")");
        }
    }

    private ChildReport outOfStack(SourceText text) {
        return new Failures(shell, text, snippetStarts, err).problem(ChildReport.Outcome.COMPILE_ERROR, current,
                "the Java compiler ran out of stack on this snippet: it is nested or chained too deeply");
    }

    private ChildReport evaluate(String source, SourceText text) {
        var failures = new Failures(shell, text, snippetStarts, err);
        List<Piece> pieces = SnippetSplitter.split(shell.sourceCodeAnalysis(), source);
        int i = 0;
        while (i < pieces.size()) {
            Piece piece = pieces.get(i);
            current = text.firstNonBlank(piece.start(), piece.end());
            ChildReport failure;
            if (piece.kind() == Kind.VARIABLE && trailingBlockAllowed(pieces.subList(i, pieces.size()))) {
                Piece block = SnippetSplitter.block(pieces.subList(i, pieces.size()), text);
                Attempt attempt = attempt(block.source());
                if (!attempt.refused()) {
                    failure = settle(attempt, block, block.start(), failures);
                    return failure != null ? failure : ChildReport.of(ChildReport.Outcome.COMPLETED, "");
                }
                // Refused as a block (a lambda captures a variable the statements change, say): snippet by snippet.
            }
            if (piece.kind() == Kind.STATEMENT) {
                int end = i;
                while (end < pieces.size() && pieces.get(end).kind() == Kind.STATEMENT) {
                    end++;
                }
                failure = statements(pieces.subList(i, end), text, failures);
                i = end;
            } else {
                i++;
                if (piece.kind() == Kind.IMPORT && DEFAULT_IMPORT_SOURCES.contains(piece.source().strip())) {
                    continue;
                }
                failure = settle(attempt(piece.source()), piece, text.firstNonBlank(piece.start(), piece.end()), failures);
                if (failure == null && piece.kind() == Kind.INCOMPLETE) {
                    failure = failures.problem(ChildReport.Outcome.COMPILE_ERROR, piece.start(),
                            "the text ends inside this snippet");
                }
            }
            if (failure != null) {
                return failure;
            }
        }
        return ChildReport.of(ChildReport.Outcome.COMPLETED, "");
    }

    /**
     * Whether the text's last snippets, from a variable declaration on, may run as one block: each is a
     * {@code var} declaration or a plain statement, so nothing after them can refer to the variables,
     * and the block then does what the snippets would one by one. Not when a variable of that name is
     * already declared (earlier declarations would see the new one in JShell, the old one beside a local),
     * nor when an earlier declaration waits for something undeclared (it may be one of these variables).
     * JShell compiles a variable snippet more than once; in a block it is compiled once with the rest.
     */
    private boolean trailingBlockAllowed(List<Piece> tail) {
        if (tail.size() < 2 || tail.stream().anyMatch(p -> p.kind() != Kind.VARIABLE && p.kind() != Kind.STATEMENT)) {
            return false;
        }
        var declared = shell.variables().map(v -> v.name()).collect(Collectors.toSet());
        for (Piece p : tail) {
            if (p.kind() == Kind.VARIABLE && declared.contains(SnippetSplitter.declaredName(p.source()))) {
                return false;
            }
        }
        return shell.snippets().allMatch(sn -> shell.status(sn) == Snippet.Status.VALID || !shell.status(sn).isActive());
    }

    /** Consecutive statements as one block, or one by one when the block is refused. */
    private ChildReport statements(List<Piece> group, SourceText text, Failures failures) {
        if (group.size() > 1) {
            Piece block = SnippetSplitter.block(group, text);
            Attempt attempt = attempt(block.source());
            if (!attempt.refused()) {
                return settle(attempt, block, block.start(), failures);
            }
        }
        for (Piece p : group) {
            ChildReport failure = settle(attempt(p.source()), p, text.firstNonBlank(p.start(), p.end()), failures);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** What one eval did: its events, and the denials the guard recorded meanwhile. */
    private record Attempt(List<SnippetEvent> events, List<BytecodePolicy.Violation> denials, boolean compilerFailed) {
        boolean refused() {
            return !denials.isEmpty() || compilerFailed || events.stream()
                    .anyMatch(e -> e.causeSnippet() == null && e.status() == Snippet.Status.REJECTED);
        }
    }

    private Attempt attempt(String source) {
        List<SnippetEvent> events = shell.eval(source);
        return new Attempt(events, guard.takeDenials(), events.stream().anyMatch(this::compilerFailed));
    }

    /**
     * Not defined because javac failed on it ("code too large"): JShell calls that recoverable,
     * but nothing about it is. Unresolved references alone come without error diagnostics.
     */
    private boolean compilerFailed(SnippetEvent e) {
        return e.causeSnippet() == null && e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED
                && shell.diagnostics(e.snippet()).anyMatch(jdk.jshell.Diag::isError);
    }

    /** The recording engine's bookkeeping for one event: probes, and declarations left unresolved. */
    private void record(SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (event.status() == Snippet.Status.RECOVERABLE_DEFINED && snippet instanceof DeclarationSnippet declaration) {
            var missing = shell.unresolvedDependencies(declaration).toList();
            unresolved.put(snippet.id(), "this declaration refers to " + String.join(", ", missing)
                    + ", which is never declared");
        } else {
            unresolved.remove(snippet.id());
        }
        if (event.exception() instanceof EvalException e && RecordingExecutionControl.isProbe(e)) {
            recorder.absorbProbe(e);
        }
    }

    /**
     * The report of a failed eval of {@code piece}, or {@code null} when it went well.
     *
     * @param origin the offset JShell counts as line 1 of the snippet (it skips leading white space)
     */
    private ChildReport settle(Attempt attempt, Piece piece, int origin, Failures failures) {
        if (!attempt.denials().isEmpty()) {
            return failures.denied(attempt.denials(), piece.start(), piece.end());
        }
        if (recorder != null && recorder.overLimit() != null) {
            return failures.problem(ChildReport.Outcome.DENIED, origin, recorder.overLimit());
        }
        for (SnippetEvent event : attempt.events()) {
            if (recorder != null) {
                record(event);
            }
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            snippetStarts.put(snippet.id(), origin);
            if (recorder != null) {
                recorder.label(snippet.id());
            }
            if (event.status() == Snippet.Status.REJECTED || compilerFailed(event)) {
                return failures.compileError(snippet, piece.start(), piece.end());
            }
            if (recorder != null) {
                continue;
            }
            if (event.exception() instanceof UnresolvedReferenceException unresolved) {
                return failures.unresolved(unresolved);
            }
            if (event.exception() instanceof EvalException thrown) {
                return failures.exception(thrown);
            }
            if (event.exception() != null) {
                return ChildReport.of(ChildReport.Outcome.INTERNAL, String.valueOf(event.exception()));
            }
        }
        return null;
    }
}
