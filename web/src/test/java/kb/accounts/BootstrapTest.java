package kb.accounts;

import kb.TestApp;
import kb.system.Config;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    private static Config config(Map<String, String> env) {
        return kb.TestApp.config("b" + UUID.randomUUID().toString().replace("-", ""), TestApp.FIXTURES, env);
    }

    @Test
    void first_start_creates_admin_with_the_password_from_the_environment_and_prints_nothing() {
        Config config = config(Map.of("KB_ADMIN_PASSWORD", "env-given admin password"));
        try (var db = kb.system.Database.open(config)) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            assertTrue(Accounts.bootstrap(config, db.jdbi(), new PrintStream(console, true, StandardCharsets.UTF_8)));
            assertEquals("", console.toString(StandardCharsets.UTF_8));
            Users users = new Users(db.jdbi());
            assertEquals(Role.ADMIN, users.authenticate("admin", "env-given admin password").orElseThrow().role());
        }
    }

    @Test
    void without_a_password_one_is_generated_printed_once_and_works_for_sign_in() {
        try (TestApp app = TestApp.start(TestApp.FIXTURES)) {
            Config config = app.services.config();
            var services = app.services;
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
            assertTrue(Accounts.bootstrap(config, services.db().jdbi(), out));
            assertFalse(Accounts.bootstrap(config, services.db().jdbi(), out), "a restart creates nothing");
            String printed = console.toString(StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("password: (\\S+)").matcher(printed);
            assertTrue(m.find(), printed);
            String password = m.group(1);
            assertFalse(m.find(), "printed once");
            assertTrue(printed.startsWith("=".repeat(72)), "framed so that it stands out: " + printed);
            assertTrue(password.length() >= 20, password);
            assertEquals(1, new Users(services.db().jdbi()).count());
            Logins.Login admin = Logins.signIn(app, "admin", password);
            assertEquals(200, Logins.get(app, admin, "/admin/users").statusCode());
        }
    }

    @Test
    void a_database_with_users_is_left_alone() {
        Config config = config(Map.of("KB_ADMIN_PASSWORD", "env-given admin password"));
        try (var db = kb.system.Database.open(config)) {
            new Users(db.jdbi()).create("zoe", Role.ADMIN, "zoe's long password");
            assertFalse(Accounts.bootstrap(config, db.jdbi(), new PrintStream(new ByteArrayOutputStream())));
            assertTrue(new Users(db.jdbi()).find("admin").isEmpty());
        }
    }

    @Test
    void a_too_short_admin_password_is_refused_naming_the_variable_rule() {
        Config config = config(Map.of("KB_ADMIN_PASSWORD", "short"));
        try (var db = kb.system.Database.open(config)) {
            AccountException e = org.junit.jupiter.api.Assertions.assertThrows(AccountException.class,
                    () -> Accounts.bootstrap(config, db.jdbi(), new PrintStream(new ByteArrayOutputStream())));
            assertTrue(e.getMessage().contains("KB_ADMIN_PASSWORD"), e.getMessage());
        }
    }

}
