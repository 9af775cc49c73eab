package kb.accounts;

import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for CI and scripts, sent as {@code Authorization: Bearer <token>}. A token acts as its user
 * with the user's current role. Only the SHA-256 of a token is stored, so it is shown once at creation.
 */
final class ApiTokens {

    /** Tokens start with this so that they are recognisable in a leaked log or a secret scanner. */
    static final String PREFIX = "kbt_";

    private final Jdbi jdbi;

    ApiTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Creates a token for {@code userName}.
     *
     * @throws AccountException when the user does not exist or the label is blank or over 100 characters
     */
    Accounts.NewToken create(String userName, String label) {
        String l = label == null ? "" : label.strip();
        if (l.isEmpty() || l.length() > 100) {
            throw new AccountException("token name must have 1 to 100 characters");
        }
        User user = new Users(jdbi).get(userName);
        String token = PREFIX + Secrets.random(32);
        long id = dao().insertToken(user.id(), l, Secrets.hash(token), Users.now());
        return new Accounts.NewToken(id, user.name(), l, token);
    }

    /** The tokens of {@code userName}, oldest first, revoked ones included. */
    List<Accounts.Token> list(String userName) {
        User user = new Users(jdbi).get(userName);
        return dao().tokensOf(user.id()).stream().map(ApiTokens::listed).toList();
    }

    Optional<Accounts.Token> find(long id) {
        return dao().token(id).map(ApiTokens::listed);
    }

    /**
     * Revokes token {@code id}; revoking an already revoked token changes nothing.
     *
     * @throws AccountException when there is no such token
     */
    void revoke(long id) {
        if (dao().token(id).isEmpty()) {
            throw new AccountException("there is no API token with id " + id);
        }
        dao().revokeToken(id, Users.now());
    }

    /** The enabled user a live token belongs to, or empty; records when the token was used. */
    Optional<User> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        AccountDao dao = dao();
        Optional<AccountDao.TokenRow> row = dao.liveToken(Secrets.hash(token));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = dao.userById(row.get().userId()).map(AccountDao.UserRow::user).filter(u -> !u.disabled());
        user.ifPresent(u -> dao.touchToken(row.get().id(), Users.now()));
        return user;
    }

    private AccountDao dao() {
        return jdbi.onDemand(AccountDao.class);
    }

    private static Accounts.Token listed(AccountDao.TokenRow r) {
        return new Accounts.Token(r.id(), r.userName(), r.label(), r.createdAt(), r.lastUsedAt(), r.revokedAt());
    }
}
