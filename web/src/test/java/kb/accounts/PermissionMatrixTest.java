package kb.accounts;

import kb.TestApp;
import kb.format.PostmortemParser;
import kb.incidents.Change;
import kb.incidents.Incidents;
import kb.system.Allowed;
import kb.system.SiteMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what: every write route (and restricted read) × anonymous / viewer / editor / admin, and
 * draft incidents × the same callers, with anonymous reading on and off. Add a route with one line.
 */
class PermissionMatrixTest {

    /** A route, the least role that may use it ({@code null}: anyone), and its form fields. */
    record Route(String method, String path, Role least, Map<String, String> form) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Placeholders: {@code {user}} a fresh viewer to act on, {@code {new}} an unused user name,
     * {@code {token}} an API token of the caller.
     */
    static final List<Route> ACCOUNT_ROUTES = List.of(
            route("GET", "/admin/users", Role.ADMIN),
            route("GET", "/admin/conflicts", Role.ADMIN),
            route("POST", "/admin/users", Role.ADMIN, "name", "{new}", "role", "viewer", "password", "a long new password"),
            route("POST", "/admin/users/{user}/role", Role.ADMIN, "role", "editor"),
            route("POST", "/admin/users/{user}/password", Role.ADMIN, "password", "another long password"),
            route("POST", "/admin/users/{user}/disable", Role.ADMIN),
            route("POST", "/admin/users/{user}/enable", Role.ADMIN),
            route("POST", "/admin/users/{user}/delete", Role.ADMIN),
            route("GET", "/account/tokens", Role.VIEWER),
            route("POST", "/account/tokens", Role.VIEWER, "label", "ci"),
            route("POST", "/account/tokens/{token}/revoke", Role.VIEWER),
            route("GET", "/api/me", Role.VIEWER),
            route("POST", "/logout", null));

    /** Authoring's write routes (new, edit, restore, ...): the coordinator adds one line per route. */
    static final List<Route> AUTHORING_ROUTES = List.of(
            // marks an open item open: an editor's change goes through and leaves the incident as it was
            route("POST", "/incidents/fixture-pool-leak/actions/1", Role.EDITOR, "baseRevision", "1", "status", "open"));

    /** The saved pull-request reviews ({@code kb.review}); review 1 is made in {@link #start()}. */
    static final List<Route> REVIEW_ROUTES = List.of(
            route("GET", "/reviews/new", Role.VIEWER),
            route("POST", "/reviews/new", Role.EDITOR, "diff", "{diff}"),
            route("POST", "/reviews/1/marks/RES-01", Role.EDITOR, "state", "checked"),
            route("POST", "/api/reviews", Role.EDITOR, "diff", "{diff}"),
            route("POST", "/api/reviews/1/marks", Role.EDITOR, "item", "RES-01", "state", "checked"));

    /** A pom.xml change: puts RES-01 on the fixture rule book's manual checklist. */
    static final String REVIEW_DIFF = "--- a/pom.xml\n+++ b/pom.xml\n@@ -1 +1,2 @@\n <p/>\n+<q/>\n";

    /** Incident reads whose answer depends on the caller: {@code draft-outage} is a draft. */
    static final List<String> DRAFT_READS = List.of("/incidents/draft-outage", "/api/incidents/draft-outage");

    static final List<String> PUBLIC_READS = List.of("/", "/incidents", "/incidents/fixture-pool-leak", "/checklist",
            "/checklist/RES-01", "/api/incidents", "/api/incidents/fixture-pool-leak", "/api/checklist", "/actions", "/api/actions");

    static TestApp open;
    static TestApp closed;
    static Callers openCallers;
    static Callers closedCallers;

    @BeforeAll
    static void start() throws Exception {
        open = TestApp.start(TestApp.FIXTURES);
        closed = TestApp.start(TestApp.FIXTURES, Map.of("KB_PUBLIC_READ", "false"));
        String draft = Files.readString(TestApp.FIXTURES.resolve("incidents/pool-leak.md"))
                .replace("id: fixture-pool-leak", "id: draft-outage\nstatus: draft");
        for (TestApp app : List.of(open, closed)) {
            var p = new PostmortemParser().parse(draft, null).value().orElseThrow();
            app.services.incidents().save(p, Change.edit("alice", "create", null));
        }
        for (TestApp app : List.of(open, closed)) {
            long review = new kb.review.SavedReviews(app.services.db().jdbi(), TestApp.FIXTURES).create(
                    new kb.review.SavedReviews.Draft(REVIEW_DIFF, null, null, null, null), "alice").row().id();
            assertEquals(1L, review);
        }
        openCallers = new Callers(open);
        closedCallers = new Callers(closed);
    }

    @AfterAll
    static void stop() {
        open.close();
        closed.close();
    }

    @TestFactory
    List<DynamicTest> every_write_route_needs_its_role() {
        List<Route> routes = new ArrayList<>(ACCOUNT_ROUTES);
        routes.addAll(AUTHORING_ROUTES);
        routes.addAll(REVIEW_ROUTES);
        Callers callers = openCallers;
        List<DynamicTest> tests = new ArrayList<>();
        for (Route r : routes) {
            for (Role who : Callers.WHO) {
                tests.add(DynamicTest.dynamicTest(r + " as " + Callers.name(who), () -> {
                    HttpResponse<String> res = callers.call(who, r);
                    assertEquals(expected(r, who), outcome(res), r + " as " + Callers.name(who) + " answered "
                            + res.statusCode() + "\n" + res.body());
                }));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> drafts_are_404_for_readers_and_visible_to_editors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (TestApp app : List.of(open, closed)) {
            Callers callers = app == open ? openCallers : closedCallers;
            String mode = app == open ? "public reading" : "KB_PUBLIC_READ=false";
            for (String path : DRAFT_READS) {
                for (Role who : Callers.WHO) {
                    tests.add(DynamicTest.dynamicTest(path + " as " + Callers.name(who) + " with " + mode, () -> {
                        int status = callers.call(who, route("GET", path, null)).statusCode();
                        int expected = who == null && app == closed ? (path.startsWith("/api/") ? 401 : 302)
                                : who == null || who == Role.VIEWER ? 404 : 200;
                        assertEquals(expected, status);
                    }));
                }
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> without_public_reading_anonymous_callers_must_sign_in() {
        Callers callers = closedCallers;
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : PUBLIC_READS) {
            tests.add(DynamicTest.dynamicTest(path + " anonymous", () -> {
                HttpResponse<String> r = callers.call(null, route("GET", path, null));
                if (path.startsWith("/api/")) {
                    assertEquals(401, r.statusCode());
                    assertTrue(r.body().contains("\"status\":401"), r.body());
                } else {
                    assertEquals(302, r.statusCode());
                    assertEquals("/login?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8),
                            r.headers().firstValue("Location").orElseThrow());
                }
                assertEquals(200, open.get(path).statusCode(), "open to anonymous readers by default");
            }));
            tests.add(DynamicTest.dynamicTest(path + " as viewer", () ->
                    assertEquals(200, callers.call(Role.VIEWER, route("GET", path, null)).statusCode())));
        }
        for (String path : List.of("/login", "/health", "/static/css/app.css", "/webjars/highlightjs/11.11.1/highlight.min.js")) {
            tests.add(DynamicTest.dynamicTest(path + " stays open", () -> assertEquals(200, closed.get(path).statusCode())));
        }
        return tests;
    }

    /**
     * Generated from the site map: every route the app declares × anonymous, viewer, editor and admin (and
     * anonymous again with {@code KB_PUBLIC_READ=false}) gets the answer its declared role promises. A new
     * route is in this test the moment it is declared; one without a role fails here.
     */
    @TestFactory
    List<DynamicTest> every_route_of_the_site_map_answers_every_caller_as_its_role_says() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SiteMap.Route r : kb.App.siteMap(open.services).routes()) {
            // a sign-in with a real viewer's password: the answer is then the route's, not a wrong password's
            Route call = r.path().equals("/login") && r.method().equals("POST")
                    ? route("POST", "/login", null, "name", "{user}", "password", Logins.PASSWORD)
                    : route(r.method(), example(r.path()), null);
            tests.add(DynamicTest.dynamicTest(call + " declares a role", () ->
                    assertNotNull(r.allowed(), call + " (" + r.handler() + ") declares no kb.system.Allowed role")));
            if (r.allowed() == null) {
                continue;
            }
            for (Role who : Callers.WHO) {
                tests.add(DynamicTest.dynamicTest(call + " [" + r.allowed().label() + "] as " + Callers.name(who), () -> {
                    HttpResponse<String> res = openCallers.call(who, call);
                    assertEquals(promised(r.allowed(), who, call, true), refusal(res),
                            call + " as " + Callers.name(who) + " answered " + res.statusCode() + "\n" + res.body());
                }));
            }
            tests.add(DynamicTest.dynamicTest(call + " [" + r.allowed().label() + "] anonymous with KB_PUBLIC_READ=false", () -> {
                HttpResponse<String> res = closedCallers.call(null, call);
                assertEquals(promised(r.allowed(), null, call, false), refusal(res),
                        call + " answered " + res.statusCode() + "\n" + res.body());
            }));
        }
        return tests;
    }

    /** A path of the site map with its parameters filled in with things the fixtures have. */
    private static String example(String path) {
        String p = path.replace("/static/<path>", "/static/css/app.css")
                .replace("/webjars/<path>", "/webjars/highlightjs/11.11.1/highlight.min.js")
                // no such block: a Run of a real one would start the sandbox; the answer is still the route's
                .replace("/snippets/{id}", "/snippets/999999")
                .replace("/account/tokens/{id}", "/account/tokens/{token}")
                .replace("/checklist/{id}", "/checklist/RES-01")
                .replace("/reviews/{id}", "/reviews/1")
                .replace("{name}", "{user}").replace("{item}", "RES-01").replace("{n}", "1");
        return p.replace("{id}", "fixture-pool-leak");
    }

    /** The answer a role promises: {@code allowed}, or the refusal this caller gets. */
    private static String promised(Allowed allowed, Role who, Route r, boolean publicRead) {
        boolean ok = switch (allowed) {
            case OPEN -> true;
            case ANYONE -> who != null || publicRead;
            case SIGNED_IN -> who != null;
            case EDITOR, EDITOR_KEEPS_TEXT -> who != null && who.includes(Role.EDITOR);
            case ADMIN -> who != null && who.includes(Role.ADMIN);
        };
        if (ok) {
            return "allowed";
        }
        if (who != null) {
            return "403";
        }
        // machine-read paths (the API, /metrics) answer 401; pages send people to sign in
        return r.method().equals("GET") && !r.path().startsWith("/api/") && !r.path().equals("/metrics") ? "redirect to sign-in" : "401";
    }

    /** "allowed" unless the answer is a refusal by role: 401, 403, or a redirect to sign-in. */
    private static String refusal(HttpResponse<String> r) {
        if (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").startsWith("/login?next=")) {
            return "redirect to sign-in";
        }
        return r.statusCode() == 401 || r.statusCode() == 403 ? String.valueOf(r.statusCode()) : "allowed";
    }

    /** What the caller should see: "ok", or the refusal anonymous and signed-in callers get. */
    private static String expected(Route r, Role who) {
        if (r.least() == null || who != null && who.includes(r.least())) {
            return "ok";
        }
        if (who != null) {
            return "403";
        }
        // machine-read paths (the API, /metrics) answer 401; pages send people to sign in
        return r.method().equals("GET") && !r.path().startsWith("/api/") && !r.path().equals("/metrics") ? "redirect to sign-in" : "401";
    }

    private static String outcome(HttpResponse<String> r) {
        if (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").startsWith("/login?next=")) {
            return "redirect to sign-in";
        }
        return r.statusCode() < 400 ? "ok" : String.valueOf(r.statusCode());
    }

    static Route route(String method, String path, Role least, String... form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < form.length; i += 2) {
            fields.put(form[i], form[i + 1]);
        }
        return new Route(method, path, least, fields);
    }

    /** Signed-in callers of one app, one session per role, renewed when a route ended it. */
    static final class Callers {
        static final List<Role> WHO = java.util.Arrays.asList(null, Role.VIEWER, Role.EDITOR, Role.ADMIN);

        private final TestApp app;
        private final Map<Role, Logins.Login> logins = new EnumMap<>(Role.class);
        private int seq;

        Callers(TestApp app) {
            this.app = app;
        }

        static String name(Role who) {
            return who == null ? "anonymous" : who.key();
        }

        HttpResponse<String> call(Role who, Route r) {
            Logins.Login login = who == null ? null : logins.computeIfAbsent(who, role -> Logins.sessionCookie(app, role));
            String owner = login != null ? login.user() : Logins.user(app, Role.VIEWER);
            String path = r.path().replace("{user}", Logins.user(app, Role.VIEWER))
                    .replace("{token}", String.valueOf(new Accounts(app.services.db().jdbi()).createToken(owner, "t").id()));
            Map<String, String> form = new LinkedHashMap<>();
            r.form().forEach((k, v) -> form.put(k, v.replace("{new}", "new-user-" + (++seq)).replace("{diff}", REVIEW_DIFF)
                    .replace("{user}", Logins.user(app, Role.VIEWER))));
            HttpResponse<String> res = r.method().equals("GET") ? Logins.get(app, login, path)
                    : r.method().equals("POST") ? Logins.post(app, login, path, form)
                    : app.send(Logins.request(app, login, path).header(Csrf.HEADER, login == null ? "" : login.csrf())
                    .method(r.method(), HttpRequest.BodyPublishers.ofString(Logins.form(form))).build());
            if (login != null && Logins.get(app, login, "/api/me").statusCode() != 200) {
                logins.remove(who);
            }
            return res;
        }
    }
}
