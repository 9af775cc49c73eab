package kb.sandbox;

import kb.cli.RunCommand;
import picocli.CommandLine;

/** Runs {@link RunCommand} as a process of its own, the way {@code kb.Main run} does. */
final class RunCli {
    private RunCli() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RunCommand()).execute(args));
    }
}
