package kb.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kb.sandbox.FileRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run FILE...}: the command line of {@link FileRuns}. */
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
        return FileRuns.run(files, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
