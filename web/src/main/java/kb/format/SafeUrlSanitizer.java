package kb.format;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Lets through only addresses that cannot run script: relative links, fragments, {@code http},
 * {@code https} and (for links) {@code mailto}. commonmark's default sanitizer also lets
 * {@code data:} through, which is why this one exists. Everything else becomes an empty address.
 */
final class SafeUrlSanitizer implements UrlSanitizer {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");
    /** A scheme is what comes before the first ':' when no '/', '?' or '#' comes first. */
    private static final Pattern SCHEME = Pattern.compile("([^/?#]*?):.*", Pattern.DOTALL);

    @Override
    public String sanitizeLinkUrl(String url) {
        return allowed(url, LINK_SCHEMES) ? url : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return allowed(url, IMAGE_SCHEMES) ? url : "";
    }

    static boolean allowed(String url, Set<String> schemes) {
        // browsers ignore whitespace and control characters inside a scheme ("java\tscript:")
        String compact = url.replaceAll("[\\x00-\\x20\\x7F-\\x9F]", "").toLowerCase(Locale.ROOT);
        Matcher m = SCHEME.matcher(compact);
        return !m.matches() || schemes.contains(m.group(1));
    }
}
