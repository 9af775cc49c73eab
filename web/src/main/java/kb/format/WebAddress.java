package kb.format;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for addresses users give the knowledge base (a postmortem's {@code source}, a review's
 * pull-request {@code url}, the site URL): an absolute {@code http://} or {@code https://} URL with a
 * host, at most {@link #MAX_LENGTH} characters, without spaces or control characters. Anything else
 * ({@code javascript:}, {@code data:}, relative paths, {@code //host}) is refused, because these
 * addresses are rendered as links.
 */
public final class WebAddress {

    public static final int MAX_LENGTH = 2000;

    private WebAddress() {
    }

    /** {@code value} when it is a usable http(s) URL, else empty; {@code null} gives empty. */
    public static Optional<String> http(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.isOpaque()) {
                return Optional.of(value);
            }
        } catch (URISyntaxException e) {
            // not an address at all: refused like any other unusable one
        }
        return Optional.empty();
    }

    /** True when {@link #http} accepts {@code value}. */
    public static boolean isHttp(String value) {
        return http(value).isPresent();
    }

    /** The message for a refused address in field {@code field}, the same wherever an address is given. */
    public static String problem(String field, String value) {
        String shown = value.length() > 200 ? value.substring(0, 200) + "…" : value;
        return field + " '" + shown + "' must be an http:// or https:// URL";
    }
}
