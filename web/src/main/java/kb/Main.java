package kb;

import kb.cli.BackupCommand;
import kb.cli.CdsCommand;
import kb.cli.ExportCommand;
import kb.cli.ImportCommand;
import kb.cli.RestoreCommand;
import kb.cli.RoutesCommand;
import kb.cli.RunCommand;
import kb.cli.ServeCommand;
import kb.cli.ServerLauncher;
import kb.cli.TokenCommand;
import kb.cli.ValidateCommand;
import kb.cli.GenerateCommand;
import kb.cli.ReindexCommand;
import kb.cli.ReviewCommand;
import kb.cli.ReviewLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar postmortem-kb.jar <command>}; every command has {@code --help}. */
@Command(name = "postmortem-kb", mixinStandardHelpOptions = true, version = "postmortem-kb 0.1.0",
        description = "Incident postmortems with runnable reproductions and a defensive-coding checklist.",
        subcommands = {ServeCommand.class, ImportCommand.class, ValidateCommand.class, ExportCommand.class,
                ReviewCommand.class, RunCommand.class, TokenCommand.class, RoutesCommand.class, ReindexCommand.class,
                GenerateCommand.class, CdsCommand.class, BackupCommand.class, RestoreCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // before picocli: the launcher JVM should do as little as possible before starting the server JVM
        var launched = ServerLauncher.launch(args);
        if (launched.isEmpty()) {
            // review: a second JVM without C2, which costs a short review more than it saves
            launched = ReviewLauncher.launch(args);
        }
        if (launched.isPresent()) {
            System.exit(launched.get());
        }
        if (args.length == 1 && args[0].equals("serve")) {
            // nothing to parse: skip building the command-line model, ~0.1 s of start-up (picocli's classes
            // are Java 5 bytecode, which the class-data archive cannot hold)
            serve();
            return;
        }
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0 || !"serve".equals(args.length > 0 ? args[0] : "")) {
            System.exit(code);
        }
    }

    /** {@code serve} as picocli would run it: a failure is printed and the exit code is 1. */
    private static void serve() {
        try {
            new ServeCommand().call();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
