package kb.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run FILE...}: runs Java reproductions through the same sandbox as the web app and prints
 * each result. Exits 0 only when every file completed normally and printed what its
 * {@code // Output:} block states (when it has one).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run Java snippet files (JShell syntax) in the sandbox and check them against "
                + "their trailing // Output: comment. Exit status 0 only when all pass.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files of Java snippets (.java or .jsh).")
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
        config = config.withPoolSize(Math.min(config.poolSize(), files.size()));
        boolean allPassed = true;
        try (Sandbox sandbox = Sandbox.start(config)) {
            for (Path file : files) {
                String source;
                try {
                    source = Files.readString(file);
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + e.getMessage());
                    allPassed = false;
                    continue;
                }
                // A file on the operator's own disk is as trusted as a bundled reproduction.
                RunResult result = sandbox.run(RunRequest.bundled(source, ExpectedOutput.of(source)));
                print(file, result, out);
                allPassed &= result.passed();
            }
        }
        out.flush();
        return allPassed ? 0 : 1;
    }

    static void print(Path file, RunResult r, PrintWriter out) {
        out.println("== " + file + ": " + r.status().label() + " in " + r.durationMillis() + " ms"
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
