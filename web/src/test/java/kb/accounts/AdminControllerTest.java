package kb.accounts;

import kb.TestApp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminControllerTest {

    static TestApp app;
    static Users users;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.FIXTURES);
        users = new Users(app.services.db().jdbi());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void an_admin_adds_a_user_who_can_then_sign_in_with_that_role() {
        Logins.Login admin = Logins.sessionCookie(app, Role.ADMIN);
        HttpResponse<String> r = Logins.post(app, admin, "/admin/users",
                Map.of("name", "Kim", "role", "editor", "password", "kim's long password"));
        assertEquals(303, r.statusCode());
        Document list = Jsoup.parse(Logins.get(app, admin, r.headers().firstValue("Location").orElseThrow()).body());
        assertEquals("User created.", list.selectFirst(".notice").text());
        var row = list.selectFirst("tr.user-row[data-name=kim]");
        assertNotNull(row);
        assertEquals("editor", row.selectFirst("select[name=role] option[selected]").attr("value"));
        assertEquals(admin.csrf(), row.selectFirst("input[name=_csrf]").attr("value"));
        Logins.Login kim = Logins.signIn(app, "kim", "kim's long password");
        assertTrue(Logins.get(app, kim, "/api/me").body().contains("\"role\":\"editor\""));
    }

    @Test
    void bad_input_is_named_and_the_form_keeps_what_was_typed() {
        Logins.Login admin = Logins.sessionCookie(app, Role.ADMIN);
        HttpResponse<String> shortPw = Logins.post(app, admin, "/admin/users", Map.of("name", "lee", "role", "viewer", "password", "short"));
        assertEquals(400, shortPw.statusCode());
        Document d = Jsoup.parse(shortPw.body());
        assertTrue(d.selectFirst(".form-error").text().contains("password must have at least 10 characters"));
        assertEquals("lee", d.selectFirst("#add-user input[name=name]").attr("value"));
        HttpResponse<String> badRole = Logins.post(app, admin, "/admin/users", Map.of("name", "lee", "role", "root", "password", "long enough pw"));
        assertTrue(Jsoup.parse(badRole.body()).selectFirst(".form-error").text().contains("role must be one of [viewer, editor, admin]"));
        HttpResponse<String> badName = Logins.post(app, admin, "/admin/users", Map.of("name", "no spaces", "role", "viewer", "password", "long enough pw"));
        assertTrue(Jsoup.parse(badName.body()).selectFirst(".form-error").text().contains("user name must be"));
        assertEquals(404, Logins.post(app, admin, "/admin/users/nobody/role", Map.of("role", "editor")).statusCode());
    }

    @Test
    void role_changes_and_password_resets_take_effect_on_open_sessions() {
        Logins.Login admin = Logins.sessionCookie(app, Role.ADMIN);
        Logins.Login viewer = Logins.sessionCookie(app, Role.VIEWER);
        assertEquals(303, Logins.post(app, admin, "/admin/users/" + viewer.user() + "/role", Map.of("role", "editor")).statusCode());
        assertTrue(Logins.get(app, viewer, "/api/me").body().contains("\"canEdit\":true"));
        assertEquals(303, Logins.post(app, admin, "/admin/users/" + viewer.user() + "/password",
                Map.of("password", "a brand new password")).statusCode());
        assertEquals(401, Logins.get(app, viewer, "/api/me").statusCode(), "a reset signs the user out");
        Logins.signIn(app, viewer.user(), "a brand new password");
    }

    @Test
    void the_last_admin_cannot_be_demoted_disabled_or_deleted() {
        try (TestApp solo = TestApp.start(TestApp.FIXTURES)) {
            Logins.Login admin = Logins.sessionCookie(solo, Role.ADMIN);
            for (String action : new String[] {"role", "disable", "delete"}) {
                HttpResponse<String> r = Logins.post(solo, admin, "/admin/users/" + admin.user() + "/" + action, Map.of("role", "viewer"));
                assertEquals(400, r.statusCode(), action);
                assertTrue(Jsoup.parse(r.body()).selectFirst(".form-error").text().contains("is the last admin"), action);
            }
            String second = Logins.user(solo, Role.ADMIN);
            assertEquals(303, Logins.post(solo, admin, "/admin/users/" + second + "/delete", Map.of()).statusCode(),
                    "another admin may go while one remains");
            assertEquals(400, Logins.post(solo, admin, "/admin/users/" + admin.user() + "/delete", Map.of()).statusCode());
        }
    }

    @Test
    void disabled_users_are_shown_and_can_be_enabled_again() {
        Logins.Login admin = Logins.sessionCookie(app, Role.ADMIN);
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        assertEquals(303, Logins.post(app, admin, "/admin/users/" + editor.user() + "/disable", Map.of()).statusCode());
        Document d = Jsoup.parse(Logins.get(app, admin, "/admin/users").body());
        assertEquals("disabled", d.selectFirst("tr.user-row[data-name=" + editor.user() + "] .state").text());
        assertEquals(303, Logins.post(app, admin, "/admin/users/" + editor.user() + "/enable", Map.of()).statusCode());
        Logins.signIn(app, editor.user(), editor.password());
    }

    @Test
    void the_nav_shows_admin_links_only_to_admins() {
        Logins.Login admin = Logins.sessionCookie(app, Role.ADMIN);
        Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
        assertNotNull(Jsoup.parse(Logins.get(app, admin, "/").body()).selectFirst("header nav a[href=/admin/users]"));
        Document e = Jsoup.parse(Logins.get(app, editor, "/").body());
        assertTrue(e.select("header nav a[href=/admin/users]").isEmpty());
        assertNotNull(e.selectFirst("header nav a[href=/account/tokens]"));
    }

    @Test
    void import_conflicts_are_listed_with_links_to_their_incidents() throws Exception {
        Path content = Files.createTempDirectory("kb-conflicts");
        copy(TestApp.FIXTURES, content);
        try (TestApp conflicted = TestApp.start(content)) {
            Logins.Login admin = Logins.sessionCookie(conflicted, Role.ADMIN);
            assertNotNull(Jsoup.parse(Logins.get(conflicted, admin, "/admin/conflicts").body()).selectFirst("#no-conflicts"));
            var jdbi = conflicted.services.db().jdbi();
            var source = jdbi.withHandle(h -> h.createQuery("SELECT source FROM revisions WHERE incident_id = 'fixture-pool-leak'")
                    .mapTo(String.class).one());
            var edited = new kb.format.PostmortemParser().parse(source.replace("## Summary\n", "## Summary\n\nEdited in the app.\n"), null)
                    .value().orElseThrow();
            new kb.incidents.Incidents(jdbi).save(edited, kb.incidents.Change.edit(admin.user(), "edit", 1));
            Path file = content.resolve("incidents/pool-leak.md");
            Files.writeString(file, Files.readString(file).replace("## Summary\n", "## Summary\n\nChanged on disk.\n"));
            conflicted.services.incidents().importContent(content);

            Document d = Jsoup.parse(Logins.get(conflicted, admin, "/admin/conflicts").body());
            var row = d.selectFirst("tr.conflict-row[data-id=fixture-pool-leak]");
            assertNotNull(row, d.html());
            assertEquals("/incidents/fixture-pool-leak", row.selectFirst("a").attr("href"));
            assertEquals("Checkout API stalls when the connection pool leaks", row.selectFirst("a").text());
            assertEquals("incidents/pool-leak.md", row.selectFirst("code").text());
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
