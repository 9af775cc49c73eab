package kb.accounts;

import kb.TestApp;
import org.jsoup.Jsoup;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Signs test users in over HTTP, as a browser does, for tests of any feature.
 *
 * <pre>{@code
 * Logins.Login editor = Logins.sessionCookie(app, Role.EDITOR);
 * HttpResponse<String> r = Logins.post(app, editor, "/incidents/new", Map.of("markdown", text));
 * // r was sent with the session cookie and the form field _csrf; use editor.cookieHeader() and
 * // editor.csrf() (header X-CSRF-Token) to build other requests
 * }</pre>
 */
public final class Logins {

    private static final AtomicInteger SEQ = new AtomicInteger();
    static final String PASSWORD = "correct horse battery staple";
    /** Hashed once: bcrypt is slow on purpose, and tests create many users. */
    private static final String PASSWORD_HASH = Passwords.hash(PASSWORD);

    /**
     * A signed-in browser: the user, their password, the {@code kb_session} cookie value and the
     * session's CSRF token (as the layout's {@code <meta name="csrf-token">} carries it).
     */
    public record Login(String user, String password, String cookie, String csrf) {
        /** The value for a {@code Cookie} request header. */
        public String cookieHeader() {
            return "kb_session=" + cookie;
        }
    }

    private Logins() {
    }

    /** Creates a new user with {@code role} (name like {@code editor-3}) and signs them in over HTTP. */
    public static Login sessionCookie(TestApp app, Role role) {
        String name = user(app, role);
        return signIn(app, name, PASSWORD);
    }

    /** Creates a new enabled user with {@code role} without signing in; returns the name. */
    public static String user(TestApp app, Role role) {
        String name = role.key() + "-" + SEQ.incrementAndGet();
        app.services.db().jdbi().onDemand(AccountDao.class).insertUser(name, role.key(), PASSWORD_HASH, Users.now());
        return name;
    }

    /** Signs in with {@code POST /login}; throws AssertionError when that does not give a session. */
    public static Login signIn(TestApp app, String name, String password) {
        HttpResponse<String> r = app.send(HttpRequest.newBuilder(URI.create(app.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("name", name, "password", password)))).build());
        String cookie = sessionCookieValue(r);
        if (r.statusCode() != 303 || cookie == null || cookie.isEmpty()) {
            throw new AssertionError("sign-in as " + name + " answered " + r.statusCode() + "\n" + r.body());
        }
        HttpResponse<String> home = app.get("/", Map.of("Cookie", "kb_session=" + cookie));
        String csrf = Jsoup.parse(home.body()).select("meta[name=csrf-token]").attr("content");
        if (csrf.isEmpty()) {
            throw new AssertionError("signed in as " + name + " but the page carries no CSRF token");
        }
        return new Login(name, password, cookie, csrf);
    }

    /** GET as {@code login} (anonymous when null). */
    public static HttpResponse<String> get(TestApp app, Login login, String path) {
        return app.send(request(app, login, path).GET().build());
    }

    /** A form POST as {@code login} (anonymous when null), with the session's CSRF token added as {@code _csrf}. */
    public static HttpResponse<String> post(TestApp app, Login login, String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (login != null) {
            all.putIfAbsent(Csrf.FIELD, login.csrf());
        }
        return app.send(request(app, login, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build());
    }

    /** A request builder carrying {@code login}'s cookie (none when null). */
    public static HttpRequest.Builder request(TestApp app, Login login, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base + path));
        if (login != null) {
            b.header("Cookie", login.cookieHeader());
        }
        return b;
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The value the response sets for {@code kb_session}, or null when it sets none. */
    public static String sessionCookieValue(HttpResponse<?> r) {
        return setCookie(r).stream().filter(c -> c.startsWith("kb_session="))
                .map(c -> c.substring("kb_session=".length()).split(";", 2)[0]).findFirst().orElse(null);
    }

    static List<String> setCookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every HTML page that needs sign-in answers an anonymous reader the same way: to /login, and back. */
    public static void assertSentToSignIn(HttpResponse<String> r, String path) {
        org.junit.jupiter.api.Assertions.assertEquals(302, r.statusCode(), r.body());
        org.junit.jupiter.api.Assertions.assertEquals("/login?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8),
                r.headers().firstValue("Location").orElseThrow());
    }
}
