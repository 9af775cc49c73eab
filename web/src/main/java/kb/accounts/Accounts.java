package kb.accounts;

import kb.system.Config;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The accounts feature's public door: the first admin at start-up and API tokens for the command line.
 * Users, sessions, CSRF, the sign-in throttle and the admin pages stay inside the package; who may call a
 * route is declared on the route ({@link kb.system.Allowed}) and checked by this feature's access filter.
 */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    /** The request header that carries the CSRF token of a signed-in browser (the form field is {@code _csrf}). */
    public static final String CSRF_HEADER = Csrf.HEADER;

    /** The account created on first start. */
    public static final String FIRST_ADMIN = "admin";

    /** A token just created: {@code token} is the only copy; {@code user} is the normalised user name. */
    public record NewToken(long id, String user, String label, String token) {
    }

    /** A token as listed: never the secret itself. */
    public record Token(long id, String user, String label, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                        OffsetDateTime revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    private final ApiTokens tokens;
    private final Users users;

    public Accounts(Jdbi jdbi) {
        this.tokens = new ApiTokens(jdbi);
        this.users = new Users(jdbi);
    }

    /**
     * Creates an enabled user (seeding a test or a demo; people are added at {@code /admin/users}).
     *
     * @throws AccountException when the name is taken or invalid, or the password breaks the policy
     */
    public void createUser(String name, Role role, String password) {
        users.create(name, role, password);
    }

    /**
     * Creates an API token for {@code user}; the secret is in the result only.
     *
     * @throws AccountException when the user does not exist or the label is blank or over 100 characters
     */
    public NewToken createToken(String user, String label) {
        return tokens.create(user, label);
    }

    /**
     * The tokens of {@code user}, oldest first, revoked ones included.
     *
     * @throws AccountException when the user does not exist
     */
    public List<Token> tokens(String user) {
        return tokens.list(user);
    }

    /**
     * Revokes token {@code id}; revoking an already revoked token changes nothing.
     *
     * @throws AccountException when there is no such token
     */
    public void revokeToken(long id) {
        tokens.revoke(id);
    }

    /**
     * On a database without users, creates {@value #FIRST_ADMIN} with the password from
     * {@code KB_ADMIN_PASSWORD}, or with a random one printed once to {@code console} (never to the log).
     * Does nothing when any user exists, so a restart or a second instance prints nothing.
     *
     * @return true when the admin was created by this call
     * @throws AccountException when {@code KB_ADMIN_PASSWORD} is set but too short or too long
     */
    public static boolean bootstrap(Config config, Jdbi jdbi, PrintStream console) {
        Users users = new Users(jdbi);
        if (users.count() > 0) {
            return false;
        }
        String given = config.get("KB_ADMIN_PASSWORD", "");
        boolean generated = given.isBlank();
        String password = generated ? Secrets.random(18) : given;
        if (!generated) {
            try {
                Passwords.checkPolicy(given);
            } catch (AccountException e) {
                throw new AccountException("KB_ADMIN_PASSWORD: " + e.getMessage(), e);
            }
        }
        try {
            users.create(FIRST_ADMIN, Role.ADMIN, password);
        } catch (AccountException | org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (users.count() > 0) {
                // another instance starting on the same database got there first; its password stands
                return false;
            }
            throw e;
        }
        if (generated) {
            log.info("No users yet: created '{}' with a generated password, printed once to the console (not logged)",
                    FIRST_ADMIN);
            String rule = "=".repeat(72);
            console.println(rule);
            console.println("  First start: created the admin account");
            console.println("    user:     " + FIRST_ADMIN);
            console.println("    password: " + password);
            console.println("  This password is shown only this once. Sign in at /login and change it");
            console.println("  under Admin > Users, or set KB_ADMIN_PASSWORD before the first start.");
            console.println(rule);
            console.flush();
        } else {
            log.info("No users yet: created '{}' with the password from KB_ADMIN_PASSWORD", FIRST_ADMIN);
        }
        return true;
    }
}
