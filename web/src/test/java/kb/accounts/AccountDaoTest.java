package kb.accounts;

import kb.App;
import kb.TestApp;
import kb.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users, sessions, tokens and throttling counters on a real H2 and a real PostgreSQL. */
class AccountDaoTest {

    static java.util.stream.Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void users_are_created_found_case_insensitively_and_never_expose_the_password(String kind) {
        try (var db = open(kind)) {
            Users users = new Users(db.jdbi());
            User u = users.create("Alice", Role.EDITOR, "alice's long password");
            assertEquals("alice", u.name());
            assertTrue(u.canEdit() && !u.isAdmin());
            assertEquals(u, users.find("ALICE").orElseThrow());
            assertTrue(users.authenticate("alice", "alice's long password").isPresent());
            assertTrue(users.authenticate("alice", "wrong password").isEmpty());
            String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM users").mapTo(String.class).one());
            assertTrue(stored.startsWith("$2a$10$") && !stored.contains("alice"), stored);
            AccountException dup = assertThrows(AccountException.class, () -> users.create("alice", Role.VIEWER, "another password"));
            assertEquals("a user named 'alice' already exists", dup.getMessage());
            assertEquals(List.of("alice"), users.list().stream().map(User::name).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sessions_are_stored_hashed_expire_and_end_with_their_user(String kind) {
        try (var db = open(kind)) {
            Users users = new Users(db.jdbi());
            Sessions sessions = new Sessions(db.jdbi());
            User bob = users.create("bob", Role.VIEWER, "bob's long password");
            Sessions.Started s = sessions.start(bob);
            assertEquals(43, s.id().length(), "256 random bits");
            String storedId = db.jdbi().withHandle(h -> h.createQuery("SELECT id_hash FROM sessions").mapTo(String.class).one());
            assertNotEquals(s.id(), storedId);
            assertEquals(Secrets.hash(s.id()), storedId);
            assertEquals("bob", sessions.resolve(s.id()).orElseThrow().user().name());
            assertTrue(sessions.resolve(s.id() + "x").isEmpty());

            db.jdbi().useHandle(h -> h.createUpdate("UPDATE sessions SET expires_at = :t")
                    .bind("t", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)).execute());
            assertTrue(sessions.resolve(s.id()).isEmpty(), "an expired session is refused");

            Sessions.Started again = sessions.start(bob);
            users.delete("bob");
            assertTrue(sessions.resolve(again.id()).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sliding_expiry_never_passes_the_absolute_limit(String kind) {
        OffsetDateTime created = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(created.plusHours(12), Sessions.expiry(created, created));
        assertEquals(created.plusDays(3).plusHours(12), Sessions.expiry(created, created.plusDays(3)));
        assertEquals(created.plusDays(7), Sessions.expiry(created, created.plusDays(6).plusHours(20)));
        try (var db = open(kind)) {
            User u = new Users(db.jdbi()).create("cat", Role.VIEWER, "cat's long password");
            Sessions sessions = new Sessions(db.jdbi());
            Sessions.Started s = sessions.start(u);
            OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE sessions SET created_at = :t, last_seen_at = :t, expires_at = :e")
                    .bind("t", past).bind("e", past.plusHours(12)).execute());
            sessions.resolve(s.id());
            OffsetDateTime expires = db.jdbi().withHandle(h -> h.createQuery("SELECT expires_at FROM sessions")
                    .mapTo(OffsetDateTime.class).one());
            assertTrue(expires.isAfter(past.plusHours(13)), "a request moves the idle expiry on: " + expires);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void tokens_are_stored_hashed_record_their_use_and_can_be_revoked(String kind) {
        try (var db = open(kind)) {
            new Users(db.jdbi()).create("dan", Role.EDITOR, "dan's long password");
            ApiTokens tokens = new ApiTokens(db.jdbi());
            Accounts.NewToken t = tokens.create("dan", "ci");
            String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens").mapTo(String.class).one());
            assertEquals(Secrets.hash(t.token()), stored);
            assertEquals(null, tokens.list("dan").get(0).lastUsedAt());
            assertEquals("dan", tokens.authenticate(t.token()).orElseThrow().name());
            assertNotNull(tokens.list("dan").get(0).lastUsedAt());
            tokens.revoke(t.id());
            assertTrue(tokens.authenticate(t.token()).isEmpty());
            assertTrue(tokens.list("dan").get(0).revoked());
            assertThrows(AccountException.class, () -> tokens.create("dan", " "));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void throttling_counts_per_name_and_address_and_locks_only_that_pair(String kind) {
        try (var db = open(kind)) {
            LoginThrottle throttle = new LoginThrottle(db.jdbi());
            for (int i = 0; i < LoginThrottle.PAIR_LIMIT - 1; i++) {
                throttle.failed("Eve", "10.0.0.1");
            }
            assertTrue(throttle.locked("eve", "10.0.0.1").isEmpty());
            throttle.failed("eve", "10.0.0.1");
            var lock = throttle.locked("eve", "10.0.0.1").orElseThrow();
            assertTrue(lock.compareTo(LoginThrottle.FIRST_LOCK) <= 0 && lock.toSeconds() >= 55, lock.toString());
            assertFalse(throttle.locked("eve", "10.0.0.2").isPresent(), "the same name from another address");
            assertFalse(throttle.locked("someone-else", "10.0.0.1").isPresent());
            throttle.failed("eve", "10.0.0.1");
            assertTrue(throttle.locked("eve", "10.0.0.1").orElseThrow().toSeconds() > 100, "a further failure doubles the lock");
            throttle.succeeded("eve", "10.0.0.2");
            assertTrue(throttle.locked("eve", "10.0.0.1").isPresent(), "a success elsewhere does not unlock this address");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void the_last_admin_stays(String kind) {
        try (var db = open(kind)) {
            Users users = new Users(db.jdbi());
            users.create("root", Role.ADMIN, "root's long password");
            users.create("ops", Role.ADMIN, "ops's long password");
            users.setDisabled("ops", true);
            assertThrows(AccountException.class, () -> users.setRole("root", Role.EDITOR), "a disabled admin does not count");
            users.setDisabled("ops", false);
            users.setRole("root", Role.EDITOR);
            assertThrows(AccountException.class, () -> users.delete("ops"));
        }
    }

    private static Opened open(String kind) {
        return new Opened(App.Services.open(TestDatabases.config(kind, TestApp.FIXTURES)));
    }

    private record Opened(App.Services services) implements AutoCloseable {
        Jdbi jdbi() {
            return services.db().jdbi();
        }

        @Override
        public void close() {
            services.db().close();
        }
    }
}
