package kb.system;

import kb.format.WebAddress;

import java.util.Map;

/**
 * The base of absolute links the app writes (review reports, SARIF {@code helpUri}): {@code KB_SITE_URL},
 * else {@value #DEFAULT}. Never taken from a request's {@code Host} header, which any client can forge
 * to plant links to another site in reports that are pasted into pull requests.
 */
public final class SiteUrl {

    public static final String DEFAULT = "http://localhost:7070";

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
            return DEFAULT;
        }
        if (!WebAddress.isHttp(configured)) {
            throw new IllegalArgumentException(WebAddress.problem("KB_SITE_URL", configured)
                    + ", such as https://kb.example.com");
        }
        return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }
}
