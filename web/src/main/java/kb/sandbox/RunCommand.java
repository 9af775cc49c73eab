package kb.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kb.format.CodeBlock;
import kb.format.PostmortemParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run FILE...}: runs Java reproductions through the same sandbox as the web app and prints
 * each result. A {@code .md} file is a postmortem: each of its runnable blocks runs. Exits 0 only
 * when every run completed normally and printed what its {@code // Output:} block states (when it
 * has one).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run Java snippet files (JShell syntax), or every runnable block of postmortem .md files, "
                + "in the sandbox and check each against its trailing // Output: comment. Exit status 0 only "
                + "when all pass.", "",
                "Configured by KB_DATA_DIR (./data) and the KB_SANDBOX_* variables (see the README)."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Files of Java snippets (.java, .jsh), or postmortems (.md).")
    List<Path> files;

    @Spec
    CommandSpec spec;

    public RunCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
        try (Sandbox sandbox = Sandbox.start(config)) {
            for (Job job : jobs) {
                // A file on the operator's own disk is as trusted as a bundled reproduction.
                RunResult result = sandbox.run(RunRequest.bundled(job.source(), job.expected()));
                print(job.label(), result, out);
                allPassed &= result.passed();
            }
        }
        out.flush();
        return allPassed ? 0 : 1;
    }

    /** One thing to run: a snippet file, or one runnable block of a postmortem. */
    private record Job(String label, String source, String expected) {
    }

    /** Adds the file's runs; false when the file cannot be used (a postmortem with problems). */
    private static boolean collect(Path file, List<Job> jobs, PrintWriter err) throws IOException {
        String text = Files.readString(file);
        if (!file.getFileName().toString().endsWith(".md")) {
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

    static void print(String label, RunResult r, PrintWriter out) {
        out.println("== " + label + ": " + r.status().label() + " in " + r.durationMillis() + " ms"
                + (r.truncated() ? ", output truncated" : ""));
        if (!r.stdout().isEmpty()) {
            out.println("-- stdout");
            out.print(r.stdout().endsWith("\n") ? r.stdout() : r.stdout() + "\n");
        }
        if (!r.stderr().isEmpty()) {
            out.println("-- stderr");
            out.print(r.stderr().endsWith("\n") ? r.stderr() : r.stderr() + "\n");
        }
        if (!r.message().isEmpty()) {
            out.println("-- " + r.message());
        }
        for (Diagnostic d : r.diagnostics()) {
            out.println("   line " + d.line() + ", column " + d.column() + ": " + d.message().replace("\n", "\n   "));
        }
        switch (r.verdict().outcome()) {
            case PASS -> out.println("-- output matches // Output:");
            case FAIL -> out.print("-- output differs from // Output:\n" + r.verdict().diff());
            case NONE -> { }
        }
    }
}
