package kb.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kb.format.CodeBlock;
import kb.format.PostmortemParser;

/**
 * What {@code run FILE...} does (the command line itself is {@code kb.cli.RunCommand}): runs Java
 * reproductions through the same sandbox as the web app and prints each result. A {@code .md}
 * file is a postmortem: each of its runnable blocks runs. Runs go as many at once as the sandbox
 * executes, and results are printed in the order given. Everything a snippet printed is shown
 * with control characters escaped, so output cannot rewrite the terminal or fake a verdict line.
 */
public final class FileRuns {

    private FileRuns() {
    }

    /**
     * Runs the files and prints the results.
     *
     * @return 0 when every run completed normally and printed what its {@code // Output:} block
     *         states (when it has one), 1 when one did not, 2 for bad configuration
     */
    public static int run(List<Path> files, PrintWriter out, PrintWriter err) {
        SandboxConfig config;
        try {
            config = SandboxConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        var jobs = new ArrayList<Job>();
        boolean allPassed = true;
        for (Path file : files) {
            try {
                allPassed &= collect(file, jobs, err);
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                allPassed = false;
            }
        }
        if (jobs.isEmpty()) {
            err.println("nothing to run");
            return allPassed ? 0 : 1;
        }
        config = config.withPoolSize(Math.min(config.poolSize(), jobs.size()));
        // As many runs at once as the sandbox executes (never more, so none waits in its queue or is refused);
        // results are printed in the order of the files, each as soon as it and those before it are done.
        int workers = Math.min(config.maxConcurrentRuns(), jobs.size());
        // The queue holds exactly the jobs of this command line, all submitted at once.
        ExecutorService runners = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(jobs.size()), r -> BackgroundThreads.daemon(r, "kb-run-file"));
        try (Sandbox sandbox = Sandbox.start(config)) {
            var results = new ArrayList<Future<RunResult>>();
            for (Job job : jobs) {
                // A file on the operator's own disk is as trusted as a bundled reproduction.
                results.add(runners.submit(() -> sandbox.run(RunRequest.bundled(job.source(), job.expected()))));
            }
            for (int i = 0; i < jobs.size(); i++) {
                RunResult result = outcome(results.get(i));
                print(jobs.get(i).label(), result, out);
                out.flush();
                allPassed &= result.passed();
            }
        } finally {
            runners.shutdownNow();
        }
        out.flush();
        return allPassed ? 0 : 1;
    }

    /** The run's result; a run that failed outside the sandbox's own classification is an internal error. */
    private static RunResult outcome(Future<RunResult> run) {
        String message;
        try {
            return run.get();
        } catch (ExecutionException e) {
            message = "the run failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message = "interrupted while waiting for the run";
        }
        return new RunResult(RunStatus.INTERNAL_ERROR, "", "", false, -1, 0, message, List.of(),
                Verdict.compare(null, ""));
    }

    /** One thing to run: a snippet file, or one runnable block of a postmortem. */
    private record Job(String label, String source, String expected) {
    }

    /** Adds the file's runs; false when the file cannot be used (a postmortem with problems). */
    private static boolean collect(Path file, List<Job> jobs, PrintWriter err) throws IOException {
        String text = Files.readString(file);
        if (!file.getFileName().toString().endsWith(".md")) {
            String unreadable = kb.format.OutputComment.problem(text);
            if (unreadable != null) {
                err.println(file + ":" + unreadable.substring("line ".length()));
                return false;
            }
            jobs.add(new Job(file.toString(), text, kb.format.OutputComment.expected(text)));
            return true;
        }
        var parsed = new PostmortemParser().parse(text, null);
        if (parsed.value().isEmpty()) {
            parsed.problems().forEach(p -> err.println(file + ":" + p));
            return false;
        }
        for (CodeBlock b : parsed.value().get().codeBlocks()) {
            if (b.runnable()) {
                String role = b.role() == null ? "" : " (" + b.role().label() + ")";
                jobs.add(new Job(file + ":" + b.line() + role, b.code(), b.expectedOutput()));
            }
        }
        return true;
    }

    /** The header says what the exit status says: a run that completed but printed the wrong output failed. */
    static void print(String label, RunResult r, PrintWriter out) {
        String outcome = r.status() == RunStatus.OK && r.verdict().outcome() == Verdict.Outcome.FAIL
                ? "failed (output differs from // Output:)" : r.status().label();
        out.println("== " + visible(label) + ": " + outcome + " in " + r.durationMillis() + " ms"
                + (r.truncated() ? ", output truncated" : ""));
        if (!r.stdout().isEmpty()) {
            out.println("-- stdout");
            out.print(visible(r.stdout().endsWith("\n") ? r.stdout() : r.stdout() + "\n"));
        }
        if (!r.stderr().isEmpty()) {
            out.println("-- stderr");
            out.print(visible(r.stderr().endsWith("\n") ? r.stderr() : r.stderr() + "\n"));
        }
        // Diagnostics already carry the message's line and text: print it only when there are none.
        if (!r.message().isEmpty() && r.diagnostics().isEmpty()) {
            out.println("-- " + visible(r.message()));
        }
        for (Diagnostic d : r.diagnostics()) {
            // A refusal of the whole source (its size) has no line.
            String where = d.line() <= 0 ? ""
                    : "line " + d.line() + (d.column() > 0 ? ", column " + d.column() : "") + ": ";
            out.println("   " + where + visible(d.message()).replace("\n", "\n   "));
        }
        switch (r.verdict().outcome()) {
            case PASS -> out.println("-- output matches // Output:");
            case FAIL -> out.print("-- output differs from // Output:\n" + visible(r.verdict().diff()));
            case NONE -> { }
        }
    }

    /**
     * Text safe for a terminal: control characters other than newline and tab (escape sequences,
     * carriage returns, backspaces, C1 controls) become visible escapes such as {@code \u001b}.
     */
    static String visible(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
