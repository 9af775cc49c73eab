package kb.accounts;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Users, sessions, API tokens and sign-in failure counters. Secrets arrive here already hashed. */
@RegisterConstructorMapper(AccountDao.UserRow.class)
@RegisterConstructorMapper(AccountDao.SessionRow.class)
@RegisterConstructorMapper(AccountDao.TokenRow.class)
@RegisterConstructorMapper(AccountDao.FailureRow.class)
@RegisterConstructorMapper(AccountDao.ConflictRow.class)
interface AccountDao {

    record UserRow(long id, String name, String role, String passwordHash, boolean disabled, OffsetDateTime createdAt) {
        User user() {
            return new User(id, name, Role.parse(role), disabled, createdAt);
        }
    }

    /** A live session with its user. */
    record SessionRow(String idHash, long userId, String csrfToken, OffsetDateTime createdAt,
                      OffsetDateTime lastSeenAt, OffsetDateTime expiresAt) {
    }

    record TokenRow(long id, long userId, String userName, String label, OffsetDateTime createdAt,
                    OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    record FailureRow(String subject, int failures, OffsetDateTime firstFailureAt, OffsetDateTime lockedUntil) {
    }

    record ConflictRow(String incidentId, String title, String contentPath, String contentHash, OffsetDateTime detectedAt) {
    }

    // users

    @SqlUpdate("""
            INSERT INTO users (name, role, password_hash, disabled, created_at, updated_at)
            VALUES (:name, :role, :hash, FALSE, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertUser(@Bind("name") String name, @Bind("role") String role, @Bind("hash") String hash,
                    @Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT * FROM users WHERE name = :name")
    Optional<UserRow> userByName(@Bind("name") String name);

    @SqlQuery("SELECT * FROM users WHERE id = :id")
    Optional<UserRow> userById(@Bind("id") long id);

    @SqlQuery("SELECT * FROM users ORDER BY name")
    List<UserRow> users();

    @SqlQuery("SELECT COUNT(*) FROM users")
    int userCount();

    @SqlQuery("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = FALSE")
    int activeAdminCount();

    @SqlUpdate("UPDATE users SET role = :role, updated_at = :now WHERE id = :id")
    void setRole(@Bind("id") long id, @Bind("role") String role, @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
    void setPassword(@Bind("id") long id, @Bind("hash") String hash, @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE users SET disabled = :disabled, updated_at = :now WHERE id = :id")
    void setDisabled(@Bind("id") long id, @Bind("disabled") boolean disabled, @Bind("now") OffsetDateTime now);

    @SqlUpdate("DELETE FROM users WHERE id = :id")
    void deleteUser(@Bind("id") long id);

    // sessions

    @SqlUpdate("""
            INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
            VALUES (:idHash, :userId, :csrf, :now, :now, :expires)""")
    void insertSession(@Bind("idHash") String idHash, @Bind("userId") long userId, @Bind("csrf") String csrf,
                       @Bind("now") OffsetDateTime now, @Bind("expires") OffsetDateTime expires);

    @SqlQuery("SELECT * FROM sessions WHERE id_hash = :idHash AND expires_at > :now")
    Optional<SessionRow> session(@Bind("idHash") String idHash, @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE sessions SET last_seen_at = :now, expires_at = :expires WHERE id_hash = :idHash")
    void touchSession(@Bind("idHash") String idHash, @Bind("now") OffsetDateTime now,
                      @Bind("expires") OffsetDateTime expires);

    @SqlUpdate("DELETE FROM sessions WHERE id_hash = :idHash")
    void deleteSession(@Bind("idHash") String idHash);

    @SqlUpdate("DELETE FROM sessions WHERE user_id = :userId")
    void deleteSessionsOf(@Bind("userId") long userId);

    @SqlUpdate("DELETE FROM sessions WHERE expires_at <= :now")
    int deleteExpiredSessions(@Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT COUNT(*) FROM sessions WHERE user_id = :userId")
    int sessionCount(@Bind("userId") long userId);

    // API tokens

    @SqlUpdate("""
            INSERT INTO api_tokens (user_id, label, token_hash, created_at)
            VALUES (:userId, :label, :hash, :now)""")
    @GetGeneratedKeys("id")
    long insertToken(@Bind("userId") long userId, @Bind("label") String label, @Bind("hash") String hash,
                     @Bind("now") OffsetDateTime now);

    String TOKEN_COLUMNS = "t.id, t.user_id, u.name AS user_name, t.label, t.created_at, t.last_used_at, t.revoked_at";

    @SqlQuery("SELECT " + TOKEN_COLUMNS + " FROM api_tokens t JOIN users u ON u.id = t.user_id "
            + "WHERE t.user_id = :userId ORDER BY t.id")
    List<TokenRow> tokensOf(@Bind("userId") long userId);

    @SqlQuery("SELECT " + TOKEN_COLUMNS + " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = :id")
    Optional<TokenRow> token(@Bind("id") long id);

    @SqlQuery("SELECT " + TOKEN_COLUMNS + " FROM api_tokens t JOIN users u ON u.id = t.user_id "
            + "WHERE t.token_hash = :hash AND t.revoked_at IS NULL")
    Optional<TokenRow> liveToken(@Bind("hash") String hash);

    @SqlUpdate("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
    void touchToken(@Bind("id") long id, @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revokeToken(@Bind("id") long id, @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE api_tokens SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeTokensOf(@Bind("userId") long userId, @Bind("now") OffsetDateTime now);

    // sign-in throttling

    @SqlQuery("SELECT * FROM login_failures WHERE subject = :subject")
    Optional<FailureRow> failures(@Bind("subject") String subject);

    @SqlUpdate("""
            INSERT INTO login_failures (subject, failures, first_failure_at, locked_until)
            VALUES (:subject, :failures, :first, :lockedUntil)""")
    void insertFailures(@Bind("subject") String subject, @Bind("failures") int failures,
                        @Bind("first") OffsetDateTime first, @Bind("lockedUntil") OffsetDateTime lockedUntil);

    @SqlUpdate("""
            UPDATE login_failures SET failures = :failures, first_failure_at = :first, locked_until = :lockedUntil
            WHERE subject = :subject""")
    int updateFailures(@Bind("subject") String subject, @Bind("failures") int failures,
                       @Bind("first") OffsetDateTime first, @Bind("lockedUntil") OffsetDateTime lockedUntil);

    @SqlUpdate("DELETE FROM login_failures WHERE subject = :subject")
    void clearFailures(@Bind("subject") String subject);

    // import conflicts, for admins

    @SqlQuery("""
            SELECT c.incident_id, i.title, c.content_path, c.content_hash, c.detected_at
            FROM import_conflicts c LEFT JOIN incidents i ON i.id = c.incident_id ORDER BY c.detected_at DESC""")
    List<ConflictRow> conflicts();
}
