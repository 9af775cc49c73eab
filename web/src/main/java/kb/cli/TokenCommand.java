package kb.cli;

import kb.accounts.AccountException;
import kb.accounts.Accounts;
import kb.system.Config;
import kb.system.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code token create|list|revoke}: API tokens for CI and scripts, on the database the server uses
 * (same {@code KB_DB_URL}/{@code KB_DATA_DIR} environment). A new token is printed once and stored hashed.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Create, list and revoke API tokens (sent as 'Authorization: Bearer <token>').", "",
                "Uses the same database settings as 'serve' (KB_DB_URL, KB_DATA_DIR, KB_DB_USER, KB_DB_PASSWORD)."},
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand implements Runnable {

    private final Config config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public TokenCommand() {
        this(null);
    }

    /** With {@code config} instead of the environment's, for tests and embedding. */
    public TokenCommand(Config config) {
        this.config = config;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private int withDatabase(CommandLine.Model.CommandSpec sub, Action action) {
        PrintWriter out = sub.commandLine().getOut();
        PrintWriter err = sub.commandLine().getErr();
        Config c = config != null ? config : Config.fromEnv(System.getenv());
        Database db;
        try {
            db = Database.open(c);
        } catch (RuntimeException e) {
            err.println("token: cannot open the database " + c.dbUrl() + ": " + e.getMessage());
            if (c.dbUrl().startsWith("jdbc:h2:file:")) {
                err.println("token: the embedded H2 database allows one process at a time: stop the server, "
                        + "or make the token at /account/tokens");
            }
            err.flush();
            return 1;
        }
        try (db) {
            return action.run(db, out);
        } catch (AccountException e) {
            err.println("token: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private interface Action {
        int run(Database db, PrintWriter out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print it once.")
    static final class Create implements Callable<Integer> {
        @ParentCommand TokenCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--user", required = true, description = "The user the token acts as.") String user;
        @Option(names = "--name", required = true, description = "A label saying what uses the token, e.g. 'ci'.") String name;

        @Override
        public Integer call() {
            return parent.withDatabase(spec, (db, out) -> {
                Accounts.NewToken c = new Accounts(db.jdbi()).createToken(user, name);
                out.println("Created API token " + c.id() + " '" + c.label() + "' for " + c.user() + ".");
                out.println("It is shown only now; store it as a secret:");
                out.println(c.token());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a user's tokens (never the secrets).")
    static final class ListTokens implements Callable<Integer> {
        @ParentCommand TokenCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--user", required = true, description = "Whose tokens to list.") String user;

        @Override
        public Integer call() {
            return parent.withDatabase(spec, (db, out) -> {
                var tokens = new Accounts(db.jdbi()).tokens(user);
                out.printf("%-6s %-30s %-25s %-25s %s%n", "ID", "NAME", "CREATED", "LAST USED", "STATE");
                for (var t : tokens) {
                    out.printf("%-6d %-30s %-25s %-25s %s%n", t.id(), t.label(), t.createdAt(),
                            t.lastUsedAt() == null ? "never" : t.lastUsedAt(), t.revoked() ? "revoked" : "active");
                }
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand TokenCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "The id shown by 'token list'.") long id;

        @Override
        public Integer call() {
            return parent.withDatabase(spec, (db, out) -> {
                new Accounts(db.jdbi()).revokeToken(id);
                out.println("Revoked API token " + id + ".");
                return 0;
            });
        }
    }
}
