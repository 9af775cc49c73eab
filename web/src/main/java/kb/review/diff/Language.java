package kb.review.diff;

import java.util.Locale;

/** The languages the detectors understand, chosen by file extension. */
public enum Language {
    GO, JAVA, OTHER;

    public static Language of(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".go")) {
            return GO;
        }
        if (p.endsWith(".java")) {
            return JAVA;
        }
        return OTHER;
    }

    /** The name used in rule files ({@code go}, {@code java}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
