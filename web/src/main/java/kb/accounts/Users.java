package kb.accounts;

import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user accounts. Names are lower-case; passwords are bcrypt-hashed here and never leave. Changes
 * that would leave no enabled admin are refused, and disabling or deleting a user ends their sessions.
 */
final class Users {

    /** Lower-case letters, digits, dot, dash and underscore; starts with a letter or digit. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Jdbi jdbi;

    Users(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Creates an enabled user.
     *
     * @throws AccountException when the name is malformed or taken, or the password is too short or long
     */
    User create(String name, Role role, String password) {
        String n = normalise(name);
        if (!NAME.matcher(n).matches()) {
            throw new AccountException("user name must be 1-64 lower-case letters, digits, '.', '-' or '_', got '" + name + "'");
        }
        Passwords.checkPolicy(password);
        String hash = Passwords.hash(password);
        return jdbi.inTransaction(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            if (dao.userByName(n).isPresent()) {
                throw new AccountException("a user named '" + n + "' already exists");
            }
            long id = dao.insertUser(n, role.key(), hash, now());
            return dao.userById(id).orElseThrow().user();
        });
    }

    /** The user named {@code name} (case-insensitive), or empty. */
    Optional<User> find(String name) {
        return dao().userByName(normalise(name)).map(AccountDao.UserRow::user);
    }

    /** Like {@link #find}, but throws {@link AccountException} naming the user when there is none. */
    User get(String name) {
        return find(name).orElseThrow(() -> new AccountException("there is no user '" + name + "'"));
    }

    List<User> list() {
        return dao().users().stream().map(AccountDao.UserRow::user).toList();
    }

    int count() {
        return dao().userCount();
    }

    /**
     * The enabled user with this name and password, or empty. Spends the same bcrypt time whether or
     * not the user exists or is disabled, so the answer's timing does not tell them apart.
     */
    Optional<User> authenticate(String name, String password) {
        Optional<AccountDao.UserRow> row = dao().userByName(normalise(name));
        boolean ok = Passwords.verify(password, row.map(AccountDao.UserRow::passwordHash).orElse(null));
        return ok && !row.get().disabled() ? Optional.of(row.get().user()) : Optional.empty();
    }

    void setRole(String name, Role role) {
        change(name, (dao, u) -> {
            if (u.role() == Role.ADMIN && role != Role.ADMIN) {
                requireAnotherAdmin(dao, u);
            }
            dao.setRole(u.id(), role.key(), now());
        });
    }

    /**
     * Sets a new password, signs the user out everywhere and revokes all their API tokens: a reset usually
     * means the old secret may be known to someone else, and a token is as good as the password.
     */
    void setPassword(String name, String password) {
        Passwords.checkPolicy(password);
        String hash = Passwords.hash(password);
        change(name, (dao, u) -> {
            dao.setPassword(u.id(), hash, now());
            dao.deleteSessionsOf(u.id());
            dao.revokeTokensOf(u.id(), now());
        });
    }

    /**
     * Disabling signs the user out and revokes all their API tokens for good: enabling the user again does
     * not bring old tokens back, so a token leaked before the disable stays dead.
     */
    void setDisabled(String name, boolean disabled) {
        change(name, (dao, u) -> {
            if (disabled) {
                requireAnotherAdmin(dao, u);
                dao.deleteSessionsOf(u.id());
                dao.revokeTokensOf(u.id(), now());
            }
            dao.setDisabled(u.id(), disabled, now());
        });
    }

    /** Deletes the user with their sessions and tokens; the names on revisions they wrote stay. */
    void delete(String name) {
        change(name, (dao, u) -> {
            requireAnotherAdmin(dao, u);
            dao.deleteUser(u.id());
        });
    }

    private void change(String name, java.util.function.BiConsumer<AccountDao, User> action) {
        jdbi.useTransaction(h -> {
            AccountDao dao = h.attach(AccountDao.class);
            User u = dao.userByName(normalise(name)).map(AccountDao.UserRow::user)
                    .orElseThrow(() -> new AccountException("there is no user '" + name + "'"));
            action.accept(dao, u);
        });
    }

    private static void requireAnotherAdmin(AccountDao dao, User u) {
        if (u.isAdmin() && dao.activeAdminCount() <= 1) {
            throw new AccountException("'" + u.name() + "' is the last admin: make another user admin first");
        }
    }

    private AccountDao dao() {
        return jdbi.onDemand(AccountDao.class);
    }

    static String normalise(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
