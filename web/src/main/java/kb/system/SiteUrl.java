package kb.system;

import kb.format.WebAddress;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The base of absolute links the app writes (review reports, SARIF {@code helpUri}, feeds): {@code KB_SITE_URL},
 * else {@code http://localhost:} and the port the server listens on ({@code KB_PORT}, default 7070). Never taken from a request's {@code Host} header, which any client can forge
 * to plant links to another site in reports that are pasted into pull requests.
 */
public final class SiteUrl {

    public static final String DEFAULT = "http://localhost:7070";
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private SiteUrl() {
    }

    /**
     * The configured base without a trailing slash.
     *
     * @throws IllegalArgumentException when {@code KB_SITE_URL} is set but not an http(s) URL
     */
    public static String of(Map<String, String> env) {
        String configured = env.getOrDefault("KB_SITE_URL", "").strip();
        if (configured.isEmpty()) {
            String port = env.getOrDefault("KB_PORT", "").strip();
            // an invalid KB_PORT stops the server itself with its own message; links then keep the default
            return PORT.matcher(port).matches() ? "http://localhost:" + port : DEFAULT;
        }
        if (!WebAddress.isHttp(configured)) {
            throw new IllegalArgumentException(WebAddress.problem("KB_SITE_URL", configured)
                    + ", such as https://kb.example.com");
        }
        return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }
}
